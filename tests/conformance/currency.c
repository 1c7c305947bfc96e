/*
 * currency.c - where a cursor is after the calls that change records or
 * select an index: a new table's cursor (a deferred move to the first
 * record), inserts (the cursor does not move), deletes (the cursor stays on
 * the deleted record's place until it moves, and is on the record again if
 * it is inserted anew), JET_bitMoveKeyNE, a seek LE on a secondary index
 * with duplicates, JET_prepInsertCopyDeleteOriginal, and JetSetCurrentIndex3
 * with an itagSequence on a multi-valued index.
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
    JET_COLUMNID id, grp, tags, seq;
};

/* Table "t" made by JetCreateTableColumnIndex (its cursor kept in f->tab):
 * id Long (primary), grp Long (index "bygrp", duplicates allowed), tags
 * Long multi-valued (index "bytag"), seq Long autoincrement. */
static void setup(struct fixture *f, const char *name)
{
    JET_COLUMNCREATE_A cols[4];
    JET_INDEXCREATE_A idx[3];
    JET_TABLECREATE_A tc;
    static const char *names[4] = { "id", "grp", "tags", "seq" };
    static const char k_id[] = "+id\0", k_grp[] = "+grp\0", k_tags[] = "+tags\0";
    int i;

    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "scratch-cur-%s\\", name);
    test_clean_dir(f->dir);
    snprintf(f->path, sizeof(f->path), "%stest.edb", f->dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&f->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    expect_err(JET_errSuccess, JetInit(&f->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->ses, "", ""));
    expect_err(JET_errSuccess, JetCreateDatabaseA(f->ses, f->path, NULL, &f->db, 0));

    memset(cols, 0, sizeof(cols));
    for (i = 0; i < 4; i++) {
        cols[i].cbStruct = sizeof(cols[i]);
        cols[i].szColumnName = (char *)names[i];
        cols[i].coltyp = JET_coltypLong;
    }
    cols[2].grbit = JET_bitColumnTagged | JET_bitColumnMultiValued;
    cols[3].grbit = JET_bitColumnAutoincrement;
    memset(idx, 0, sizeof(idx));
    for (i = 0; i < 3; i++) {
        idx[i].cbStruct = sizeof(idx[i]);
        idx[i].ulDensity = 100;
    }
    idx[0].szIndexName = (char *)"primary";
    idx[0].szKey = (char *)k_id;
    idx[0].cbKey = sizeof(k_id);
    idx[0].grbit = JET_bitIndexPrimary;
    idx[1].szIndexName = (char *)"bygrp";
    idx[1].szKey = (char *)k_grp;
    idx[1].cbKey = sizeof(k_grp);
    idx[2].szIndexName = (char *)"bytag";
    idx[2].szKey = (char *)k_tags;
    idx[2].cbKey = sizeof(k_tags);
    memset(&tc, 0, sizeof(tc));
    tc.cbStruct = sizeof(tc);
    tc.szTableName = (char *)"t";
    tc.ulDensity = 100;
    tc.rgcolumncreate = cols;
    tc.cColumns = 4;
    tc.rgindexcreate = idx;
    tc.cIndexes = 3;
    expect_err(JET_errSuccess, JetCreateTableColumnIndexA(f->ses, f->db, &tc));
    f->tab = tc.tableid;
    f->id = cols[0].columnid;
    f->grp = cols[1].columnid;
    f->tags = cols[2].columnid;
    f->seq = cols[3].columnid;
}

static void teardown(struct fixture *f)
{
    JetCloseTable(f->ses, f->tab);
    expect_err(JET_errSuccess, JetEndSession(f->ses, 0));
    expect_err(JET_errSuccess, JetTerm(f->inst));
}

/* Inserts (id, grp, tags...) through the cursor (which does not move). */
static void ins(struct fixture *f, long id, long grp, int ntags, const long *tags)
{
    int i;
    expect_err(JET_errSuccess, JetPrepareUpdate(f->ses, f->tab, JET_prepInsert));
    expect_err(JET_errSuccess, JetSetColumn(f->ses, f->tab, f->id, &id, sizeof(id), 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(f->ses, f->tab, f->grp, &grp, sizeof(grp), 0, NULL));
    for (i = 0; i < ntags; i++) {
        JET_SETINFO si = { sizeof(si), 0, 0 }; /* itagSequence 0: append */
        expect_err(JET_errSuccess, JetSetColumn(f->ses, f->tab, f->tags, &tags[i], sizeof(long), 0, &si));
    }
    expect_err(JET_errSuccess, JetUpdate(f->ses, f->tab, NULL, 0, NULL));
}

/* A Long column of the current record; the error (< 0) if there is none. */
static long col(struct fixture *f, JET_COLUMNID c)
{
    long v = -1;
    unsigned long cb = 0;
    JET_ERR err = JetRetrieveColumn(f->ses, f->tab, c, &v, sizeof(v), &cb, 0, NULL);
    if (err < 0) return err;
    return cb == sizeof(v) ? v : -1;
}

static JET_ERR seek(struct fixture *f, long key, JET_GRBIT dir)
{
    JET_ERR err = JetMakeKey(f->ses, f->tab, &key, sizeof(key), JET_bitNewKey);
    return err ? err : JetSeek(f->ses, f->tab, dir);
}

TEST(currency_insert_does_not_move)
{
    struct fixture f;
    setup(&f, "insert");
    /* The new table's cursor moves to the first record when first used. */
    ins(&f, 3, 30, 0, NULL);
    ins(&f, 1, 10, 0, NULL);
    ins(&f, 2, 20, 0, NULL);
    ok(col(&f, f.id) == 1, "new cursor on the first record: %ld", col(&f, f.id));
    /* An insert before it leaves it where it is. */
    ins(&f, 0, 0, 0, NULL);
    ok(col(&f, f.id) == 1, "still on 1 after inserting 0: %ld", col(&f, f.id));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MovePrevious, 0));
    ok(col(&f, f.id) == 0, "previous is 0: %ld", col(&f, f.id));
    /* JetOpenTable's cursor too: JetMove(Next) from the deferred first
     * record lands on the second. */
    {
        JET_TABLEID t2;
        long v = -1;
        unsigned long cb = 0;
        expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "t", NULL, 0, 0, &t2));
        expect_err(JET_errSuccess, JetMove(f.ses, t2, JET_MoveNext, 0));
        expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, t2, f.id, &v, sizeof(v), &cb, 0, NULL));
        ok(v == 1, "JetOpenTable + MoveNext: %ld", v);
        expect_err(JET_errSuccess, JetCloseTable(f.ses, t2));
    }
    teardown(&f);
}

TEST(currency_after_delete_clustered)
{
    struct fixture f;
    setup(&f, "delclust");
    ins(&f, 1, 10, 0, NULL);
    ins(&f, 2, 20, 0, NULL);
    ins(&f, 3, 30, 0, NULL);

    /* Deleted: reads fail, moves go to the neighbours. */
    expect_err(JET_errSuccess, seek(&f, 2, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetDelete(f.ses, f.tab));
    ok(col(&f, f.id) == JET_errRecordDeleted, "read after delete: %ld", col(&f, f.id));
    expect_err(JET_errRecordDeleted, JetMove(f.ses, f.tab, 0, 0));
    expect_err(JET_errRecordDeleted, JetDelete(f.ses, f.tab));
    expect_err(JET_errRecordDeleted, JetPrepareUpdate(f.ses, f.tab, JET_prepReplace));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    ok(col(&f, f.id) == 3, "next after deleting 2: %ld", col(&f, f.id));

    /* Inserted anew under the same key: the cursor is on it again. */
    ins(&f, 2, 21, 0, NULL);
    expect_err(JET_errSuccess, seek(&f, 2, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetDelete(f.ses, f.tab));
    ins(&f, 2, 22, 0, NULL);
    ok(col(&f, f.grp) == 22, "on the record inserted anew: %ld", col(&f, f.grp));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, 0, 0));
    expect_err(JET_errSuccess, JetDelete(f.ses, f.tab));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MovePrevious, 0));
    ok(col(&f, f.id) == 1, "previous after deleting 2: %ld", col(&f, f.id));

    /* The first record deleted: nothing before it, then the new first. */
    expect_err(JET_errSuccess, JetDelete(f.ses, f.tab));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MovePrevious, 0));
    ok(col(&f, f.id) == JET_errNoCurrentRecord, "before first: %ld", col(&f, f.id));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    ok(col(&f, f.id) == 3, "first left: %ld", col(&f, f.id));
    /* The last (and only) one: nothing after it. */
    expect_err(JET_errSuccess, JetDelete(f.ses, f.tab));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MovePrevious, 0));
    teardown(&f);
}

TEST(currency_after_delete_secondary)
{
    struct fixture f;
    setup(&f, "delsec");
    ins(&f, 1, 10, 0, NULL);
    ins(&f, 2, 10, 0, NULL);
    ins(&f, 3, 20, 0, NULL);
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "bygrp"));

    /* The first duplicate of 10 deleted: the next is the other one. */
    expect_err(JET_errSuccess, seek(&f, 10, JET_bitSeekEQ));
    ok(col(&f, f.id) == 1, "EQ 10 is id 1: %ld", col(&f, f.id));
    expect_err(JET_errSuccess, JetDelete(f.ses, f.tab));
    ok(col(&f, f.id) == JET_errRecordDeleted, "read after delete: %ld", col(&f, f.id));
    /* Inserted again with the same index entry: the cursor is on it. */
    ins(&f, 1, 10, 0, NULL);
    ok(col(&f, f.id) == 1, "on the record inserted anew: %ld", col(&f, f.id));
    expect_err(JET_errSuccess, JetDelete(f.ses, f.tab));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MovePrevious, 0));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    ok(col(&f, f.id) == 2, "first left: %ld", col(&f, f.id));
    /* Deleted, then next: the entry after it in the index. */
    expect_err(JET_errSuccess, JetDelete(f.ses, f.tab));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    ok(col(&f, f.id) == 3, "next after the deleted entry: %ld", col(&f, f.id));
    teardown(&f);
}

TEST(currency_move_key_ne)
{
    static const long grps[6] = { 20, 10, 30, 20, 20, 30 }; /* of ids 1..6 */
    struct fixture f;
    long i;
    setup(&f, "keyne");
    for (i = 0; i < 6; i++) ins(&f, i + 1, grps[i], 0, NULL);

    /* The clustered index: every key differs, KeyNE is a plain move. */
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, JET_bitMoveKeyNE));
    ok(col(&f, f.id) == 2, "clustered KeyNE next: %ld", col(&f, f.id));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveLast, 0));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MoveNext, JET_bitMoveKeyNE));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MoveNext, JET_bitMoveKeyNE));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MovePrevious, JET_bitMoveKeyNE));
    ok(col(&f, f.id) == 6, "back from after-last: %ld", col(&f, f.id));

    /* bygrp: 10:{2} 20:{1,4,5} 30:{3,6}. */
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "bygrp"));
    ok(col(&f, f.id) == 2, "first of bygrp: %ld", col(&f, f.id));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, JET_bitMoveKeyNE));
    ok(col(&f, f.id) == 1, "KeyNE to the first 20: %ld", col(&f, f.id));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    ok(col(&f, f.id) == 4, "plain next within 20: %ld", col(&f, f.id));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, JET_bitMoveKeyNE));
    ok(col(&f, f.id) == 3, "KeyNE skips the last 20: %ld", col(&f, f.id));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MoveNext, JET_bitMoveKeyNE));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MovePrevious, JET_bitMoveKeyNE));
    ok(col(&f, f.id) == 6, "back from after-last: %ld", col(&f, f.id));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MovePrevious, JET_bitMoveKeyNE));
    ok(col(&f, f.id) == 5, "KeyNE back to the last 20: %ld", col(&f, f.id));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MovePrevious, JET_bitMoveKeyNE));
    ok(col(&f, f.id) == 2, "KeyNE back to 10: %ld", col(&f, f.id));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MovePrevious, JET_bitMoveKeyNE));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, JET_bitMoveKeyNE));
    ok(col(&f, f.id) == 2, "from before-first: %ld", col(&f, f.id));
    expect_err(JET_errInvalidGrbit, JetMove(f.ses, f.tab, JET_MoveNext, 0x10));
    teardown(&f);
}

TEST(currency_seek_le_secondary)
{
    struct fixture f;
    setup(&f, "seekle");
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "bygrp"));
    expect_err(JET_errRecordNotFound, seek(&f, 20, JET_bitSeekLE));
    ins(&f, 5, 20, 0, NULL);
    ins(&f, 2, 20, 0, NULL);
    ins(&f, 1, 10, 0, NULL);
    ins(&f, 3, 30, 0, NULL);
    /* An existing key: its first duplicate, no warning. */
    expect_err(JET_errSuccess, seek(&f, 20, JET_bitSeekLE));
    ok(col(&f, f.id) == 2, "LE 20 is the first 20: %ld", col(&f, f.id));
    /* Between keys: the last entry below, with the warning. */
    expect_err(JET_wrnSeekNotEqual, seek(&f, 25, JET_bitSeekLE));
    ok(col(&f, f.id) == 5, "LE 25 is the last 20: %ld", col(&f, f.id));
    expect_err(JET_wrnSeekNotEqual, seek(&f, 99, JET_bitSeekLE));
    ok(col(&f, f.id) == 3, "LE 99 is the last entry: %ld", col(&f, f.id));
    /* Below every key: not found, no current record. */
    expect_err(JET_errRecordNotFound, seek(&f, 5, JET_bitSeekLE));
    ok(col(&f, f.id) == JET_errNoCurrentRecord, "after a failed LE: %ld", col(&f, f.id));
    /* LT still skips every duplicate of the key. */
    expect_err(JET_errSuccess, seek(&f, 20, JET_bitSeekLT));
    ok(col(&f, f.id) == 1, "LT 20 is 10: %ld", col(&f, f.id));
    teardown(&f);
}

TEST(currency_insert_copy_delete_original)
{
    struct fixture f;
    unsigned char bm[16];
    unsigned long cbbm = 0;
    long id = 20, grp = 99;
    setup(&f, "icdo");
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.id, &(long){ 10 }, sizeof(long), 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, bm, sizeof(bm), &cbbm));
    expect_err(JET_errSuccess, JetGotoBookmark(f.ses, f.tab, bm, cbbm));
    ok(col(&f, f.seq) == 1, "first autoincrement: %ld", col(&f, f.seq));

    /* A new primary key: the copy is a new record with a new
     * autoincrement value; the cursor stays on the deleted original. */
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsertCopyDeleteOriginal));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.id, &id, sizeof(id), 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    ok(col(&f, f.id) == JET_errRecordDeleted, "on the deleted original: %ld", col(&f, f.id));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    ok(col(&f, f.id) == 20 && col(&f, f.seq) == 2, "the copy: id %ld seq %ld", col(&f, f.id), col(&f, f.seq));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MoveNext, 0));

    /* The same primary key: the copy replaces the original in place. */
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsertCopyDeleteOriginal));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.grp, &grp, sizeof(grp), 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    ok(col(&f, f.id) == 20 && col(&f, f.grp) == 99 && col(&f, f.seq) == 3, "the copy: id %ld grp %ld seq %ld",
       col(&f, f.id), col(&f, f.grp), col(&f, f.seq));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    teardown(&f);
}

TEST(currency_set_current_index_itag)
{
    static const long t0[3] = { 1, 2, 3 }, t1[3] = { 7, 8, 9 }, t2[3] = { 4, 5, 6 };
    struct fixture f;
    setup(&f, "itag");
    ins(&f, 0, 0, 3, t0);
    ins(&f, 1, 0, 3, t1);
    ins(&f, 2, 0, 3, t2);
    ins(&f, 3, 0, 0, NULL); /* no tags: one entry in bytag, the NULL key */

    /* From record 2 to its third tag's entry (6): next is record 1 (7). */
    expect_err(JET_errSuccess, seek(&f, 2, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetSetCurrentIndex3A(f.ses, f.tab, "bytag", JET_bitNoMove, 3));
    ok(col(&f, f.id) == 2, "same record: %ld", col(&f, f.id));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    ok(col(&f, f.id) == 1, "after tag 6 comes record 1: %ld", col(&f, f.id));
    /* The first tag's entry (4): next is the same record's 5. */
    expect_err(JET_errSuccess, JetSetCurrentIndex2A(f.ses, f.tab, NULL, JET_bitMoveFirst));
    expect_err(JET_errSuccess, seek(&f, 2, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetSetCurrentIndex4A(f.ses, f.tab, "bytag", NULL, JET_bitNoMove, 1));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    ok(col(&f, f.id) == 2, "after tag 4 comes tag 5 of record 2: %ld", col(&f, f.id));
    /* No fourth value; itagSequence 0; a record without values has only
     * its first (NULL) entry. */
    expect_err(JET_errSuccess, JetSetCurrentIndex2A(f.ses, f.tab, NULL, JET_bitMoveFirst));
    expect_err(JET_errSuccess, seek(&f, 2, JET_bitSeekEQ));
    expect_err(JET_errBadItagSequence, JetSetCurrentIndex3A(f.ses, f.tab, "bytag", JET_bitNoMove, 4));
    expect_err(JET_errSuccess, JetSetCurrentIndex2A(f.ses, f.tab, NULL, JET_bitMoveFirst));
    expect_err(JET_errSuccess, seek(&f, 2, JET_bitSeekEQ));
    expect_err(JET_errInvalidParameter, JetSetCurrentIndex3A(f.ses, f.tab, "bytag", JET_bitNoMove, 0));
    expect_err(JET_errSuccess, seek(&f, 3, JET_bitSeekEQ));
    expect_err(JET_errBadItagSequence, JetSetCurrentIndex3A(f.ses, f.tab, "bytag", JET_bitNoMove, 2));
    expect_err(JET_errSuccess, JetSetCurrentIndex2A(f.ses, f.tab, NULL, JET_bitMoveFirst));
    expect_err(JET_errSuccess, seek(&f, 3, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetSetCurrentIndex3A(f.ses, f.tab, "bytag", JET_bitNoMove, 1));
    ok(col(&f, f.id) == 3, "on record 3's NULL entry: %ld", col(&f, f.id));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MovePrevious, 0));
    teardown(&f);
}
