/*
 * records.c - records and cursors end to end: inserting, replacing and
 * deleting rows, moving, making keys, seeking, index ranges, bookmarks,
 * secondary indexes, sequential tables, long values, and what
 * transactions do to all of it.
 */
#include <string.h>
#include <windows.h>

#include "test.h"

struct fixture {
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
    JET_COLUMNID id, name, data, tags;
};

static void start_instance(struct fixture *f, const char *name)
{
    f->inst = 0;
    expect_err(JET_errSuccess, JetCreateInstanceA(&f->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    expect_err(JET_errSuccess, JetInit(&f->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->ses, "", ""));
}

static JET_COLUMNID add_column(struct fixture *f, const char *name, JET_COLTYP coltyp, unsigned long cbMax,
                               JET_GRBIT grbit)
{
    JET_COLUMNDEF def;
    JET_COLUMNID id = 0;
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = coltyp;
    def.cbMax = cbMax;
    def.grbit = grbit;
    def.cp = coltyp == JET_coltypText || coltyp == JET_coltypLongText ? 1252 : 0;
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, f->tab, name, &def, NULL, 0, &id));
    return id;
}

/* A database with table "t": id Long (primary), name Text (secondary
 * index "byname", not unique), data LongBinary, tags Long multi-valued. */
static void setup(struct fixture *f, const char *name)
{
    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "scratch-rec-%s\\", name);
    test_clean_dir(f->dir);
    snprintf(f->path, sizeof(f->path), "%stest.edb", f->dir);
    start_instance(f, name);
    expect_err(JET_errSuccess, JetCreateDatabaseA(f->ses, f->path, NULL, &f->db, 0));
    expect_err(JET_errSuccess, JetCreateTableA(f->ses, f->db, "t", 0, 0, &f->tab));
    f->id = add_column(f, "id", JET_coltypLong, 0, JET_bitColumnFixed);
    f->name = add_column(f, "name", JET_coltypText, 64, 0);
    f->data = add_column(f, "data", JET_coltypLongBinary, 0, 0);
    f->tags = add_column(f, "tags", JET_coltypLong, 0, JET_bitColumnTagged | JET_bitColumnMultiValued);
    expect_err(JET_errSuccess, JetCreateIndexA(f->ses, f->tab, "primary", JET_bitIndexPrimary, "+id\0", 5, 100));
    expect_err(JET_errSuccess, JetCreateIndexA(f->ses, f->tab, "byname", 0, "+name\0", 7, 100));
}

static void teardown(struct fixture *f)
{
    if (f->tab) expect_err(JET_errSuccess, JetCloseTable(f->ses, f->tab));
    expect_err(JET_errSuccess, JetEndSession(f->ses, 0));
    expect_err(JET_errSuccess, JetTerm(f->inst));
}

static JET_ERR insert_row(struct fixture *f, long id, const char *name)
{
    JET_ERR err;
    if ((err = JetPrepareUpdate(f->ses, f->tab, JET_prepInsert))) return err;
    if ((err = JetSetColumn(f->ses, f->tab, f->id, &id, sizeof(id), 0, NULL))) return err;
    if (name && (err = JetSetColumn(f->ses, f->tab, f->name, name, (unsigned long)strlen(name), 0, NULL)))
        return err;
    err = JetUpdate(f->ses, f->tab, NULL, 0, NULL);
    if (err) JetPrepareUpdate(f->ses, f->tab, JET_prepCancel);
    return err;
}

/* The id of the current row, or -1. */
static long current_id(struct fixture *f)
{
    long id = -1;
    unsigned long cb = 0;
    JET_ERR err = JetRetrieveColumn(f->ses, f->tab, f->id, &id, sizeof(id), &cb, 0, NULL);
    return err == JET_errSuccess && cb == sizeof(id) ? id : -1;
}

static JET_ERR seek_id(struct fixture *f, long id, JET_GRBIT grbit)
{
    JET_ERR err = JetMakeKey(f->ses, f->tab, &id, sizeof(id), JET_bitNewKey);
    if (err) return err;
    return JetSeek(f->ses, f->tab, grbit);
}

TEST(records_insert_move_retrieve)
{
    struct fixture f;
    unsigned char bm[256];
    unsigned long cb = 0;
    long i, n;
    JET_ERR err;

    setup(&f, "imr");
    /* An empty table. */
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MoveLast, 0));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    expect_err(JET_errNoCurrentRecord, JetGetBookmark(f.ses, f.tab, bm, sizeof(bm), &cb));

    /* Inserted out of order; the cursor does not move on insert. */
    for (i = 0; i < 50; i++) {
        long id = (i * 37) % 50;
        char name[16];
        snprintf(name, sizeof(name), "n%02ld", 49 - id);
        expect_err(JET_errSuccess, insert_row(&f, id, name));
    }
    expect_err(JET_errNoCurrentRecord, JetRetrieveColumn(f.ses, f.tab, f.id, &i, sizeof(i), &cb, 0, NULL));

    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    n = 0;
    do {
        ok(current_id(&f) == n, "row %ld has id %ld", n, current_id(&f));
        n++;
    } while ((err = JetMove(f.ses, f.tab, JET_MoveNext, 0)) == JET_errSuccess);
    expect_err(JET_errNoCurrentRecord, err);
    ok(n == 50, "%ld rows forward", n);
    /* After the last: moving back lands on the last one. */
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MovePrevious, 0));
    ok(current_id(&f) == 49, "last id %ld", current_id(&f));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, -10, 0));
    ok(current_id(&f) == 39, "id %ld after -10", current_id(&f));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, 5, 0));
    ok(current_id(&f) == 44, "id %ld after +5", current_id(&f));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, 0, 0));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, 100, 0));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveLast, 0));
    ok(current_id(&f) == 49, "MoveLast id %ld", current_id(&f));
    expect_err(JET_errInvalidGrbit, JetMove(f.ses, f.tab, JET_MoveNext, 0x100));

    /* Bookmarks. */
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, 7, 0));
    expect_err(JET_errSuccess, JetGetBookmark(f.ses, f.tab, bm, sizeof(bm), &cb));
    ok(cb > 0 && cb < 20, "bookmark of %lu bytes", cb);
    expect_err(JET_errBufferTooSmall, JetGetBookmark(f.ses, f.tab, bm, 1, &cb));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveLast, 0));
    expect_err(JET_errSuccess, JetGotoBookmark(f.ses, f.tab, bm, cb));
    ok(current_id(&f) == 7, "bookmark leads to id %ld", current_id(&f));
    expect_err(JET_errInvalidBookmark, JetGotoBookmark(f.ses, f.tab, NULL, 0));

    /* The secondary index: names were 49-id. */
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "byname"));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    ok(current_id(&f) == 49, "first by name is id %ld", current_id(&f));
    {
        char name[64];
        expect_err(JET_errSuccess, JetGetCurrentIndexA(f.ses, f.tab, name, sizeof(name)));
        ok(!strcmp(name, "byname"), "current index %s", name);
    }
    expect_err(JET_errIndexNotFound, JetSetCurrentIndexA(f.ses, f.tab, "nosuch"));
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, NULL));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    ok(current_id(&f) == 0, "primary again: first id %ld", current_id(&f));
    expect_err(JET_errInvalidTableId, JetMove(f.ses, (JET_TABLEID)0x1234, JET_MoveFirst, 0));
    teardown(&f);
}

TEST(records_seek_and_ranges)
{
    struct fixture f;
    unsigned long n = 0;
    long i, key;

    setup(&f, "seek");
    for (i = 0; i < 100; i += 2) expect_err(JET_errSuccess, insert_row(&f, i, i < 50 ? "low" : "high"));

    expect_err(JET_errKeyNotMade, JetSeek(f.ses, f.tab, JET_bitSeekEQ));
    expect_err(JET_errSuccess, seek_id(&f, 10, JET_bitSeekEQ));
    ok(current_id(&f) == 10, "EQ 10: %ld", current_id(&f));
    expect_err(JET_errRecordNotFound, seek_id(&f, 11, JET_bitSeekEQ));
    /* From the gap a move goes on. */
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    ok(current_id(&f) == 12, "next after a failed EQ 11: %ld", current_id(&f));
    expect_err(JET_wrnSeekNotEqual, seek_id(&f, 11, JET_bitSeekGE));
    ok(current_id(&f) == 12, "GE 11: %ld", current_id(&f));
    expect_err(JET_errSuccess, seek_id(&f, 12, JET_bitSeekGE));
    expect_err(JET_errSuccess, seek_id(&f, 12, JET_bitSeekGT));
    ok(current_id(&f) == 14, "GT 12: %ld", current_id(&f));
    expect_err(JET_wrnSeekNotEqual, seek_id(&f, 11, JET_bitSeekLE));
    ok(current_id(&f) == 10, "LE 11: %ld", current_id(&f));
    expect_err(JET_errSuccess, seek_id(&f, 12, JET_bitSeekLT));
    ok(current_id(&f) == 10, "LT 12: %ld", current_id(&f));
    expect_err(JET_errRecordNotFound, seek_id(&f, 1000, JET_bitSeekGE));
    expect_err(JET_errRecordNotFound, seek_id(&f, -5, JET_bitSeekLE));
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, &i, sizeof(i), JET_bitNewKey));
    expect_err(JET_errInvalidParameter, JetSeek(f.ses, f.tab, JET_bitSeekEQ | JET_bitSeekGE));
    expect_err(JET_errInvalidBufferSize, JetMakeKey(f.ses, f.tab, &i, 2, JET_bitNewKey));
    /* A failed NewKey leaves no key (ESE resets the key first). */
    expect_err(JET_errKeyNotMade, JetMakeKey(f.ses, f.tab, &i, sizeof(i), 0));
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, &i, sizeof(i), JET_bitNewKey));
    expect_err(JET_errKeyIsMade, JetMakeKey(f.ses, f.tab, &i, sizeof(i), 0));

    /* [20, 30] with an upper inclusive range. */
    expect_err(JET_errSuccess, seek_id(&f, 20, JET_bitSeekGE));
    key = 30;
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, &key, sizeof(key), JET_bitNewKey));
    expect_err(JET_errSuccess, JetSetIndexRange(f.ses, f.tab, JET_bitRangeUpperLimit | JET_bitRangeInclusive));
    n = 1;
    while (JetMove(f.ses, f.tab, JET_MoveNext, 0) == JET_errSuccess) n++;
    ok(n == 6, "%lu rows in [20, 30]", n);
    /* The range is gone once run past, and the cursor is after the last
     * row of the whole index. */
    expect_err(JET_errInvalidOperation, JetSetIndexRange(f.ses, f.tab, JET_bitRangeRemove));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MovePrevious, 0));
    ok(current_id(&f) == 98, "back from after the range: %ld", current_id(&f));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MoveNext, 0));

    /* Exclusive upper range, and JetIndexRecordCount inside it. */
    expect_err(JET_errSuccess, seek_id(&f, 20, JET_bitSeekGE));
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, &key, sizeof(key), JET_bitNewKey));
    expect_err(JET_errSuccess, JetSetIndexRange(f.ses, f.tab, JET_bitRangeUpperLimit));
    expect_err(JET_errSuccess, JetIndexRecordCount(f.ses, f.tab, &n, 0));
    ok(n == 5, "%lu rows in [20, 30)", n);
    expect_err(JET_errSuccess, JetIndexRecordCount(f.ses, f.tab, &n, 3));
    ok(n == 3, "count capped at %lu", n);
    ok(current_id(&f) == 20, "count leaves the cursor: %ld", current_id(&f));
    expect_err(JET_errSuccess, JetSetIndexRange(f.ses, f.tab, JET_bitRangeRemove));
    /* A range the current row is not in. */
    key = 10;
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, &key, sizeof(key), JET_bitNewKey));
    expect_err(JET_errNoCurrentRecord, JetSetIndexRange(f.ses, f.tab, JET_bitRangeUpperLimit));
    expect_err(JET_errKeyNotMade, JetSetIndexRange(f.ses, f.tab, JET_bitRangeUpperLimit));

    /* Secondary index with duplicates: EQ lands on the first, GT skips
     * them all, the range over "low" holds 25 rows. */
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "byname"));
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, "low", 3, JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekEQ | JET_bitSetIndexRange));
    ok(current_id(&f) == 0, "first 'low' is id %ld", current_id(&f));
    n = 1;
    while (JetMove(f.ses, f.tab, JET_MoveNext, 0) == JET_errSuccess) n++;
    ok(n == 25, "%lu rows named low", n);
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, "high", 4, JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekGT));
    ok(current_id(&f) == 0, "GT high is the first low: %ld", current_id(&f));
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, "high", 4, JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekLE));
    /* LE on an index key that exists lands on its first duplicate (as ESE:
     * the seek finds the key itself), with no warning. */
    ok(current_id(&f) == 50, "LE high is the first high: %ld", current_id(&f));
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, "l", 1, JET_bitNewKey | JET_bitPartialColumnStartLimit));
    expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekLT));
    ok(current_id(&f) == 98, "LT l* is the last high: %ld", current_id(&f));
    /* KeyNE skips the duplicates. */
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, JET_bitMoveKeyNE));
    ok(current_id(&f) == 0, "KeyNE from the first high is the first low: %ld", current_id(&f));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MoveNext, JET_bitMoveKeyNE));
    teardown(&f);
}

TEST(records_replace_delete)
{
    struct fixture f;
    long id;
    char name[64];
    unsigned long cb;

    setup(&f, "repdel");
    for (id = 1; id <= 5; id++) expect_err(JET_errSuccess, insert_row(&f, id, "x"));
    expect_err(JET_errKeyDuplicate, insert_row(&f, 3, "dup"));

    expect_err(JET_errUpdateNotPrepared, JetSetColumn(f.ses, f.tab, f.name, "a", 1, 0, NULL));
    expect_err(JET_errUpdateNotPrepared, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    expect_err(JET_errUpdateNotPrepared, JetPrepareUpdate(f.ses, f.tab, JET_prepCancel));
    expect_err(JET_errInvalidParameter, JetPrepareUpdate(f.ses, f.tab, 99));
    expect_err(JET_errNoCurrentRecord, JetPrepareUpdate(f.ses, f.tab, JET_prepReplace));

    expect_err(JET_errSuccess, seek_id(&f, 3, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepReplace));
    expect_err(JET_errAlreadyPrepared, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.name, "three", 5, 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    ok(current_id(&f) == 3, "still on 3: %ld", current_id(&f));
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.name, name, sizeof(name), &cb, 0, NULL));
    ok(cb == 5 && !memcmp(name, "three", 5), "name %.*s", (int)cb, name);

    /* The primary key cannot change in a replace. */
    id = 33;
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepReplace));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.id, &id, sizeof(id), 0, NULL));
    expect_err(JET_errRecordPrimaryChanged, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepCancel));

    /* The secondary index follows the new name. */
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "byname"));
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, "three", 5, JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekEQ));
    ok(current_id(&f) == 3, "byname three: %ld", current_id(&f));
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, NULL));

    /* Delete: the cursor stays on the deleted row. */
    expect_err(JET_errSuccess, seek_id(&f, 3, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetDelete(f.ses, f.tab));
    expect_err(JET_errRecordDeleted, JetRetrieveColumn(f.ses, f.tab, f.id, &id, sizeof(id), &cb, 0, NULL));
    expect_err(JET_errRecordDeleted, JetDelete(f.ses, f.tab));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    ok(current_id(&f) == 4, "next after the deleted 3: %ld", current_id(&f));
    expect_err(JET_errRecordNotFound, seek_id(&f, 3, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "byname"));
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, "three", 5, JET_bitNewKey));
    expect_err(JET_errRecordNotFound, JetSeek(f.ses, f.tab, JET_bitSeekEQ));
    teardown(&f);
}

TEST(records_transactions)
{
    struct fixture f;
    long id;
    unsigned long n;

    setup(&f, "trx");
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    expect_err(JET_errSuccess, insert_row(&f, 1, "a"));
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    expect_err(JET_errSuccess, insert_row(&f, 2, "b"));
    /* Own uncommitted rows are visible. */
    expect_err(JET_errSuccess, seek_id(&f, 2, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetRollback(f.ses, 0));
    expect_err(JET_errRecordNotFound, seek_id(&f, 2, JET_bitSeekEQ));
    expect_err(JET_errSuccess, seek_id(&f, 1, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    expect_err(JET_errSuccess, insert_row(&f, 3, "c"));
    expect_err(JET_errSuccess, JetCommitTransaction(f.ses, 0));
    expect_err(JET_errSuccess, JetCommitTransaction(f.ses, 0));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetIndexRecordCount(f.ses, f.tab, &n, 0));
    ok(n == 2, "%lu rows after commit", n);

    /* A rolled back delete and replace. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    expect_err(JET_errSuccess, seek_id(&f, 1, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetDelete(f.ses, f.tab));
    expect_err(JET_errRecordNotFound, seek_id(&f, 1, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetRollback(f.ses, 0));
    expect_err(JET_errSuccess, seek_id(&f, 1, JET_bitSeekEQ));

    /* A prepared update is cancelled by the rollback. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
    expect_err(JET_errSuccess, JetRollback(f.ses, 0));
    expect_err(JET_errUpdateNotPrepared, JetUpdate(f.ses, f.tab, NULL, 0, NULL));

    /* Data survives a restart. */
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    f.tab = 0;
    expect_err(JET_errSuccess, JetEndSession(f.ses, 0));
    expect_err(JET_errSuccess, JetTerm(f.inst));
    start_instance(&f, "trx");
    expect_err(JET_errSuccess, JetAttachDatabaseA(f.ses, f.path, 0));
    expect_err(JET_errSuccess, JetOpenDatabaseA(f.ses, f.path, NULL, &f.db, 0));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "t", NULL, 0, 0, &f.tab));
    id = 3;
    expect_err(JET_errSuccess, seek_id(&f, id, JET_bitSeekEQ));
    ok(current_id(&f) == 3, "id 3 after restart: %ld", current_id(&f));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetIndexRecordCount(f.ses, f.tab, &n, 0));
    ok(n == 2, "%lu rows after restart", n);
    teardown(&f);
}

TEST(records_sequential_table)
{
    struct fixture f;
    JET_TABLEID seq = 0;
    JET_COLUMNID col = 0;
    JET_COLUMNDEF def;
    unsigned char bm[16], bm2[16];
    unsigned long cb = 0, cb2 = 0, n = 0;
    long v;
    JET_ERR err;

    setup(&f, "seq");
    expect_err(JET_errSuccess, JetCreateTableA(f.ses, f.db, "s", 0, 0, &seq));
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLong;
    expect_err(JET_errSuccess, JetAddColumnA(f.ses, seq, "v", &def, NULL, 0, &col));
    for (v = 100; v > 0; v -= 10) {
        expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, seq, JET_prepInsert));
        expect_err(JET_errSuccess, JetSetColumn(f.ses, seq, col, &v, sizeof(v), 0, NULL));
        expect_err(JET_errSuccess, JetUpdate(f.ses, seq, bm, sizeof(bm), &cb));
        ok(cb == 4, "sequential bookmark of %lu bytes", cb);
    }
    /* Insertion order. */
    expect_err(JET_errSuccess, JetMove(f.ses, seq, JET_MoveFirst, 0));
    do {
        expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, seq, col, &v, sizeof(v), NULL, 0, NULL));
        ok(v == 100 - 10 * (long)n, "row %lu holds %ld", n, v);
        n++;
    } while ((err = JetMove(f.ses, seq, JET_MoveNext, 0)) == JET_errSuccess);
    ok(n == 10, "%lu rows", n);
    expect_err(JET_errNoCurrentIndex, JetMakeKey(f.ses, seq, &v, sizeof(v), JET_bitNewKey));
    /* The last bookmark leads to the last row. */
    expect_err(JET_errSuccess, JetMove(f.ses, seq, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetGotoBookmark(f.ses, seq, bm, cb));
    expect_err(JET_errSuccess, JetGetBookmark(f.ses, seq, bm2, sizeof(bm2), &cb2));
    ok(cb2 == cb && !memcmp(bm, bm2, cb), "same bookmark back");
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, seq, col, &v, sizeof(v), NULL, 0, NULL));
    ok(v == 10, "bookmarked row holds %ld", v);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, seq));
    teardown(&f);
}

TEST(records_long_values_and_multivalues)
{
    struct fixture f;
    static unsigned char big[100000], back[100000];
    unsigned long cb = 0, i;
    long id = 1, tag;
    JET_SETINFO si;
    JET_RETINFO ri;

    setup(&f, "lv");
    for (i = 0; i < sizeof(big); i++) big[i] = (unsigned char)(i * 7 + i / 251);
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.id, &id, sizeof(id), 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.data, big, 60000, 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.data, big + 60000, 40000, JET_bitSetAppendLV, NULL));
    for (tag = 1; tag <= 3; tag++) {
        memset(&si, 0, sizeof(si));
        si.cbStruct = sizeof(si);
        si.itagSequence = 0; /* append */
        expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.tags, &tag, sizeof(tag), 0, &si));
    }
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));

    expect_err(JET_errSuccess, seek_id(&f, 1, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.data, back, sizeof(back), &cb, 0, NULL));
    ok(cb == sizeof(big) && !memcmp(big, back, sizeof(big)), "LV of %lu bytes comes back", cb);
    for (tag = 1; tag <= 3; tag++) {
        long got = 0;
        memset(&ri, 0, sizeof(ri));
        ri.cbStruct = sizeof(ri);
        ri.itagSequence = (unsigned long)tag;
        expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.tags, &got, sizeof(got), &cb, 0, &ri));
        ok(got == tag, "tag %ld holds %ld", tag, got);
    }

    /* Overwrite in the middle, in a replace that is then cancelled: the
     * stored value does not change. */
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepReplace));
    memset(&si, 0, sizeof(si));
    si.cbStruct = sizeof(si);
    si.ibLongValue = 50000;
    si.itagSequence = 1;
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.data, "XYZ", 3, JET_bitSetOverwriteLV, &si));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepCancel));
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.data, back, sizeof(back), &cb, 0, NULL));
    ok(cb == sizeof(big) && !memcmp(big, back, sizeof(big)), "cancelled overwrite left the LV alone");
    /* And committed. */
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepReplace));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.data, "XYZ", 3, JET_bitSetOverwriteLV, &si));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.data, back, sizeof(back), &cb, 0, NULL));
    memcpy(big + 50000, "XYZ", 3);
    ok(cb == sizeof(big) && !memcmp(big, back, sizeof(big)), "overwritten LV");
    /* Shrunk to 10 bytes. */
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepReplace));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.data, NULL, 10, JET_bitSetSizeLV, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.data, back, sizeof(back), &cb, 0, NULL));
    ok(cb == 10 && !memcmp(big, back, 10), "LV cut to %lu bytes", cb);
    /* Deleting the row. */
    expect_err(JET_errSuccess, JetDelete(f.ses, f.tab));
    teardown(&f);
}

TEST(records_positions_and_secondary_bookmarks)
{
    struct fixture f;
    JET_RECPOS pos;
    unsigned char skey[256], pbm[256];
    unsigned long cbs = 0, cbp = 0;
    long i;

    setup(&f, "pos");
    expect_err(JET_errRecordNotFound, (pos.cbStruct = sizeof(pos), pos.centriesLT = 0, pos.centriesTotal = 10,
                                       pos.centriesInRange = 1, JetGotoPosition(f.ses, f.tab, &pos)));
    for (i = 0; i < 20; i++) {
        char name[8];
        snprintf(name, sizeof(name), "k%02ld", 19 - i);
        expect_err(JET_errSuccess, insert_row(&f, i, name));
    }
    expect_err(JET_errSuccess, seek_id(&f, 5, JET_bitSeekEQ));
    memset(&pos, 0, sizeof(pos));
    expect_err(JET_errInvalidParameter, JetGetRecordPosition(f.ses, f.tab, &pos, sizeof(pos) - 1));
    expect_err(JET_errSuccess, JetGetRecordPosition(f.ses, f.tab, &pos, sizeof(pos)));
    ok(pos.centriesLT == 5 && pos.centriesTotal == 20, "position %lu of %lu", (unsigned long)pos.centriesLT,
       (unsigned long)pos.centriesTotal);
    pos.centriesLT = 1;
    pos.centriesTotal = 2;
    expect_err(JET_errSuccess, JetGotoPosition(f.ses, f.tab, &pos));
    ok(current_id(&f) == 10, "half way is id %ld", current_id(&f));
    pos.centriesLT = 3;
    expect_err(JET_errInvalidParameter, JetGotoPosition(f.ses, f.tab, &pos));
    expect_err(JET_errSuccess, JetGetCursorInfo(f.ses, f.tab, NULL, 0, 0));
    expect_err(JET_errInvalidParameter, JetGetCursorInfo(f.ses, f.tab, NULL, 4, 0));

    /* Secondary index bookmarks. */
    expect_err(JET_errNoCurrentIndex, JetGetSecondaryIndexBookmark(f.ses, f.tab, skey, sizeof(skey), &cbs, pbm,
                                                                   sizeof(pbm), &cbp, 0));
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "byname"));
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, "k07", 3, JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekEQ));
    ok(current_id(&f) == 12, "k07 is id %ld", current_id(&f));
    expect_err(JET_errSuccess, JetGetSecondaryIndexBookmark(f.ses, f.tab, skey, sizeof(skey), &cbs, pbm,
                                                            sizeof(pbm), &cbp, 0));
    ok(cbs > 0 && cbp > 0, "secondary bookmark %lu + %lu bytes", cbs, cbp);
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetGotoSecondaryIndexBookmark(f.ses, f.tab, skey, cbs, pbm, cbp, 0));
    ok(current_id(&f) == 12, "back on id %ld", current_id(&f));
    expect_err(JET_errInvalidBookmark, JetGotoSecondaryIndexBookmark(f.ses, f.tab, NULL, 0, pbm, cbp, 0));
    expect_err(JET_errSuccess, JetDelete(f.ses, f.tab));
    expect_err(JET_errRecordDeleted, JetGotoSecondaryIndexBookmark(f.ses, f.tab, skey, cbs, pbm, cbp, 0));
    expect_err(JET_errSuccess, JetSetTableSequential(f.ses, f.tab, 0));
    expect_err(JET_errSuccess, JetResetTableSequential(f.ses, f.tab, 0));
    teardown(&f);
}

TEST(records_index_built_over_existing_rows)
{
    struct fixture f;
    JET_COLUMNID extra;
    unsigned long n = 0;
    long i, v;
    JET_ERR err;

    setup(&f, "build");
    extra = add_column(&f, "extra", JET_coltypLong, 0, 0);
    for (i = 0; i < 300; i++) {
        v = i % 100; /* every value three times */
        expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
        expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.id, &i, sizeof(i), 0, NULL));
        expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, extra, &v, sizeof(v), 0, NULL));
        expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    }
    /* A unique index over duplicated values cannot be built. */
    expect_err(JET_errKeyDuplicate, JetCreateIndexA(f.ses, f.tab, "uextra", JET_bitIndexUnique, "+extra\0", 8, 100));
    expect_err(JET_errIndexNotFound, JetSetCurrentIndexA(f.ses, f.tab, "uextra"));
    /* A descending secondary index over all rows. */
    expect_err(JET_errSuccess, JetCreateIndexA(f.ses, f.tab, "byextra", 0, "-extra\0", 8, 100));
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "byextra"));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    do {
        expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, extra, &v, sizeof(v), NULL, 0, NULL));
        ok(v == 99 - (long)(n / 3), "entry %lu holds %ld", n, v);
        n++;
    } while ((err = JetMove(f.ses, f.tab, JET_MoveNext, 0)) == JET_errSuccess);
    ok(n == 300, "%lu entries", n);
    v = 42;
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, &v, sizeof(v), JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekEQ | JET_bitSetIndexRange));
    expect_err(JET_errSuccess, JetIndexRecordCount(f.ses, f.tab, &n, 0));
    ok(n == 3, "%lu rows hold 42", n);
    /* Built inside a transaction that rolls back: gone. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    expect_err(JET_errSuccess, JetCreateIndexA(f.ses, f.tab, "tmpidx", 0, "+extra\0", 8, 100));
    expect_err(JET_errSuccess, JetRollback(f.ses, 0));
    expect_err(JET_errIndexNotFound, JetSetCurrentIndexA(f.ses, f.tab, "tmpidx"));
    teardown(&f);
}

TEST(records_unicode_index_sorts_linguistically)
{
    struct fixture f;
    JET_COLUMNDEF def;
    JET_COLUMNID wcol = 0;
    static const WCHAR *names[] = { L"banana", L"Apple", L"cherry", L"apricot" };
    static const WCHAR *order[] = { L"Apple", L"apricot", L"banana", L"cherry" };
    WCHAR buf[32];
    unsigned long cb, n = 0, i;
    long id;
    JET_ERR err;

    setup(&f, "uni");
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypText;
    def.cp = 1200;
    def.cbMax = 64;
    expect_err(JET_errSuccess, JetAddColumnA(f.ses, f.tab, "wname", &def, NULL, 0, &wcol));
    expect_err(JET_errSuccess, JetCreateIndexA(f.ses, f.tab, "bywname", 0, "+wname\0", 8, 100));
    for (i = 0; i < 4; i++) {
        id = (long)i;
        expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
        expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.id, &id, sizeof(id), 0, NULL));
        expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, wcol, names[i],
                                                (unsigned long)(wcslen(names[i]) * sizeof(WCHAR)), 0, NULL));
        expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    }
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "bywname"));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    do {
        memset(buf, 0, sizeof(buf));
        expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, wcol, buf, sizeof(buf) - 2, &cb, 0, NULL));
        ok(n < 4 && !wcscmp(buf, order[n]), "entry %lu is %ls", n, buf);
        n++;
    } while ((err = JetMove(f.ses, f.tab, JET_MoveNext, 0)) == JET_errSuccess);
    ok(n == 4, "%lu entries", n);
    /* Case-insensitive by default: "APPLE" finds "Apple". */
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, L"APPLE", 10, JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekEQ));
    ok(current_id(&f) == 1, "APPLE finds id %ld", current_id(&f));
    teardown(&f);
}
