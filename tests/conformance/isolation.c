/*
 * isolation.c - two sessions interleaved step by step: snapshot isolation
 * (a transaction does not see commits made after it began, and sees them
 * once it begins again), write conflicts ("first updater wins") where ESE
 * reports them (JetPrepareUpdate(replace) inside a transaction, JetDelete,
 * JetUpdate of an insert, unique index keys), JetGetLock, and rollback
 * releasing locks.
 */
#include <string.h>
#include <windows.h>

#include "test.h"

struct side {
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
};

struct fixture {
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst;
    struct side a, b;
    JET_COLUMNID id, val, u;
};

static JET_COLUMNID add_column(struct fixture *f, const char *name)
{
    JET_COLUMNDEF def;
    JET_COLUMNID id = 0;
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLong;
    def.grbit = JET_bitColumnFixed;
    expect_err(JET_errSuccess, JetAddColumnA(f->a.ses, f->a.tab, name, &def, NULL, 0, &id));
    return id;
}

/* Table "t": id (primary), val, u (unique index "byu", NULLs ignored);
 * row id 1 with val 10.  Session a made it; b has its own cursor. */
static void setup(struct fixture *f, const char *name)
{
    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "scratch-iso-%s\\", name);
    test_clean_dir(f->dir);
    snprintf(f->path, sizeof(f->path), "%stest.edb", f->dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&f->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    expect_err(JET_errSuccess, JetInit(&f->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->a.ses, "", ""));
    expect_err(JET_errSuccess, JetCreateDatabaseA(f->a.ses, f->path, NULL, &f->a.db, 0));
    expect_err(JET_errSuccess, JetCreateTableA(f->a.ses, f->a.db, "t", 0, 0, &f->a.tab));
    f->id = add_column(f, "id");
    f->val = add_column(f, "val");
    f->u = add_column(f, "u");
    expect_err(JET_errSuccess, JetCreateIndexA(f->a.ses, f->a.tab, "primary", JET_bitIndexPrimary, "+id\0", 5, 100));
    expect_err(JET_errSuccess, JetCreateIndexA(f->a.ses, f->a.tab, "byu", JET_bitIndexUnique | JET_bitIndexIgnoreNull,
                                               "+u\0", 4, 100));
    /* JetCreateTable's cursor is exclusive: reopen it shared. */
    expect_err(JET_errSuccess, JetCloseTable(f->a.ses, f->a.tab));
    expect_err(JET_errSuccess, JetOpenTableA(f->a.ses, f->a.db, "t", NULL, 0, 0, &f->a.tab));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->b.ses, "", ""));
    expect_err(JET_errSuccess, JetOpenDatabaseA(f->b.ses, f->path, NULL, &f->b.db, 0));
    expect_err(JET_errSuccess, JetOpenTableA(f->b.ses, f->b.db, "t", NULL, 0, 0, &f->b.tab));
}

static void teardown(struct fixture *f)
{
    JetCloseTable(f->b.ses, f->b.tab);
    JetCloseTable(f->a.ses, f->a.tab);
    expect_err(JET_errSuccess, JetEndSession(f->b.ses, 0));
    expect_err(JET_errSuccess, JetEndSession(f->a.ses, 0));
    expect_err(JET_errSuccess, JetTerm(f->inst));
}

/* Inserts (id, val, u); u 0: none. */
static JET_ERR ins(struct fixture *f, struct side *s, long id, long val, long u)
{
    JET_ERR err;
    if ((err = JetPrepareUpdate(s->ses, s->tab, JET_prepInsert))) return err;
    if ((err = JetSetColumn(s->ses, s->tab, f->id, &id, sizeof(id), 0, NULL))) goto out;
    if ((err = JetSetColumn(s->ses, s->tab, f->val, &val, sizeof(val), 0, NULL))) goto out;
    if (u && (err = JetSetColumn(s->ses, s->tab, f->u, &u, sizeof(u), 0, NULL))) goto out;
    err = JetUpdate(s->ses, s->tab, NULL, 0, NULL);
out:
    if (err) JetPrepareUpdate(s->ses, s->tab, JET_prepCancel);
    return err;
}

static JET_ERR seek(struct side *s, long id)
{
    JET_ERR err = JetMakeKey(s->ses, s->tab, &id, sizeof(id), JET_bitNewKey);
    return err ? err : JetSeek(s->ses, s->tab, JET_bitSeekEQ);
}

/* The val of row id as s sees it, or -1. */
static long val_of(struct fixture *f, struct side *s, long id)
{
    long v = -1;
    unsigned long cb = 0;
    if (seek(s, id)) return -1;
    if (JetRetrieveColumn(s->ses, s->tab, f->val, &v, sizeof(v), &cb, 0, NULL) || cb != sizeof(v)) return -1;
    return v;
}

/* Rows s sees. */
static int rows(struct side *s)
{
    int n = 0;
    JET_ERR err;
    for (err = JetMove(s->ses, s->tab, JET_MoveFirst, 0); !err; err = JetMove(s->ses, s->tab, JET_MoveNext, 0)) n++;
    ok(err == JET_errNoCurrentRecord, "scan ended with %ld", (long)err);
    return n;
}

/* Replaces val of row id (the cursor's lock taken at prepare). */
static JET_ERR set_val(struct fixture *f, struct side *s, long id, long v)
{
    JET_ERR err;
    if ((err = seek(s, id))) return err;
    if ((err = JetPrepareUpdate(s->ses, s->tab, JET_prepReplace))) return err;
    if ((err = JetSetColumn(s->ses, s->tab, f->val, &v, sizeof(v), 0, NULL)) ||
        (err = JetUpdate(s->ses, s->tab, NULL, 0, NULL)))
        JetPrepareUpdate(s->ses, s->tab, JET_prepCancel);
    return err;
}

TEST(isolation_snapshot)
{
    struct fixture f;
    setup(&f, "snapshot");
    expect_err(JET_errSuccess, ins(&f, &f.a, 1, 10, 0));

    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    ok(val_of(&f, &f.b, 1) == 10, "b reads 10");
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, set_val(&f, &f.a, 1, 11));
    expect_err(JET_errSuccess, ins(&f, &f.a, 2, 20, 0));
    ok(val_of(&f, &f.b, 1) == 10, "uncommitted change invisible");
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));
    /* Committed after b began: b keeps its snapshot. */
    ok(val_of(&f, &f.b, 1) == 10, "b still reads %ld", val_of(&f, &f.b, 1));
    expect_err(JET_errRecordNotFound, seek(&f.b, 2));
    ok(rows(&f.b) == 1, "b sees one row");
    ok(val_of(&f, &f.a, 1) == 11, "a reads its commit");
    /* A delete committed after b began does not hide the row from b. */
    expect_err(JET_errSuccess, seek(&f.a, 1));
    expect_err(JET_errSuccess, JetDelete(f.a.ses, f.a.tab));
    ok(val_of(&f, &f.b, 1) == 10, "deleted after the snapshot: still there");
    expect_err(JET_errSuccess, JetCommitTransaction(f.b.ses, 0));
    /* Level 0 and a new transaction see the latest state. */
    ok(val_of(&f, &f.b, 1) == -1, "row 1 gone at level 0");
    ok(val_of(&f, &f.b, 2) == 20, "row 2 at level 0");
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    ok(rows(&f.b) == 1, "b sees one row again");
    ok(val_of(&f, &f.b, 2) == 20, "row 2 in the new transaction");
    expect_err(JET_errSuccess, JetCommitTransaction(f.b.ses, 0));
    teardown(&f);
}

/* The val of the record b's cursor is on, read again without moving. */
static long val_here(struct fixture *f, struct side *s)
{
    long v = -1;
    unsigned long cb = 0;
    JET_ERR err = JetRetrieveColumn(s->ses, s->tab, f->val, &v, sizeof(v), &cb, 0, NULL);
    if (err || cb != sizeof(v)) return err < 0 ? err : -1;
    return v;
}

/* A cursor left on a record at level 0 reads the latest commit each time,
 * however often it read the record before; inside a transaction it keeps
 * reading its snapshot. */
TEST(isolation_level0_current_record)
{
    struct fixture f;
    setup(&f, "level0");
    expect_err(JET_errSuccess, ins(&f, &f.a, 1, 10, 0));
    expect_err(JET_errSuccess, ins(&f, &f.a, 2, 20, 0));

    /* b on row 1, read twice (the second read may come from a copy). */
    expect_err(JET_errSuccess, seek(&f.b, 1));
    ok(val_here(&f, &f.b) == 10, "b reads 10");
    ok(val_here(&f, &f.b) == 10, "b reads 10 again");
    /* a changes it at level 0 (an implicit transaction)... */
    expect_err(JET_errSuccess, set_val(&f, &f.a, 1, 11));
    ok(val_here(&f, &f.b) == 11, "b reads %ld after a's level-0 update", val_here(&f, &f.b));
    /* ... and in a transaction: invisible until the commit. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, set_val(&f, &f.a, 1, 12));
    ok(val_here(&f, &f.b) == 11, "uncommitted 12 invisible: %ld", val_here(&f, &f.b));
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));
    ok(val_here(&f, &f.b) == 12, "b reads %ld after a's commit", val_here(&f, &f.b));
    /* A commit to another row changes nothing for b. */
    expect_err(JET_errSuccess, set_val(&f, &f.a, 2, 21));
    ok(val_here(&f, &f.b) == 12, "b still reads 12");
    /* JetMove(0) and the bookmark still name row 1. */
    expect_err(JET_errSuccess, JetMove(f.b.ses, f.b.tab, 0, 0));

    /* Through a secondary index the same holds. */
    expect_err(JET_errSuccess, set_val(&f, &f.a, 1, 12));
    {
        long u = 5;
        expect_err(JET_errSuccess, seek(&f.a, 1));
        expect_err(JET_errSuccess, JetPrepareUpdate(f.a.ses, f.a.tab, JET_prepReplace));
        expect_err(JET_errSuccess, JetSetColumn(f.a.ses, f.a.tab, f.u, &u, sizeof(u), 0, NULL));
        expect_err(JET_errSuccess, JetUpdate(f.a.ses, f.a.tab, NULL, 0, NULL));
        expect_err(JET_errSuccess, JetSetCurrentIndexA(f.b.ses, f.b.tab, "byu"));
        expect_err(JET_errSuccess, JetMakeKey(f.b.ses, f.b.tab, &u, sizeof(u), JET_bitNewKey));
        expect_err(JET_errSuccess, JetSeek(f.b.ses, f.b.tab, JET_bitSeekEQ));
        ok(val_here(&f, &f.b) == 12, "b on byu reads 12");
        expect_err(JET_errSuccess, set_val(&f, &f.a, 1, 13));
        ok(val_here(&f, &f.b) == 13, "b on byu reads %ld", val_here(&f, &f.b));
        expect_err(JET_errSuccess, JetSetCurrentIndexA(f.b.ses, f.b.tab, NULL));
    }

    /* Inside a transaction b reads its snapshot, even after a commit. */
    expect_err(JET_errSuccess, seek(&f.b, 1));
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    ok(val_here(&f, &f.b) == 13, "b's snapshot: 13");
    expect_err(JET_errSuccess, set_val(&f, &f.a, 1, 14));
    ok(val_here(&f, &f.b) == 13, "b's snapshot still 13: %ld", val_here(&f, &f.b));
    expect_err(JET_errSuccess, JetCommitTransaction(f.b.ses, 0));
    ok(val_here(&f, &f.b) == 14, "back at level 0: %ld", val_here(&f, &f.b));
    teardown(&f);
}

/* JetGetCursorInfo reports another session's uncommitted change of the
 * current record as a write conflict; its own changes are no conflict. */
TEST(isolation_cursor_info_conflict)
{
    struct fixture f;
    setup(&f, "cursorinfo");
    expect_err(JET_errSuccess, ins(&f, &f.a, 1, 10, 0));
    expect_err(JET_errSuccess, ins(&f, &f.a, 2, 20, 0));

    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    expect_err(JET_errSuccess, set_val(&f, &f.b, 1, 11));
    expect_err(JET_errSuccess, JetGetCursorInfo(f.b.ses, f.b.tab, NULL, 0, 0));
    /* a, at level 0 and inside a transaction. */
    expect_err(JET_errSuccess, seek(&f.a, 1));
    expect_err(JET_errWriteConflict, JetGetCursorInfo(f.a.ses, f.a.tab, NULL, 0, 0));
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errWriteConflict, JetGetCursorInfo(f.a.ses, f.a.tab, NULL, 0, 0));
    /* Another record is free; bad arguments come first. */
    expect_err(JET_errInvalidParameter, JetGetCursorInfo(f.a.ses, f.a.tab, NULL, 4, 0));
    expect_err(JET_errSuccess, seek(&f.a, 2));
    expect_err(JET_errSuccess, JetGetCursorInfo(f.a.ses, f.a.tab, NULL, 0, 0));
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));
    /* Once b commits there is no conflict left. */
    expect_err(JET_errSuccess, JetCommitTransaction(f.b.ses, 0));
    expect_err(JET_errSuccess, seek(&f.a, 1));
    expect_err(JET_errSuccess, JetGetCursorInfo(f.a.ses, f.a.tab, NULL, 0, 0));
    teardown(&f);
}

TEST(isolation_write_conflicts)
{
    struct fixture f;
    setup(&f, "conflicts");
    expect_err(JET_errSuccess, ins(&f, &f.a, 1, 10, 0));
    expect_err(JET_errSuccess, ins(&f, &f.a, 2, 20, 0));

    /* Uncommitted: a's prepared replace locks row 1. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, seek(&f.a, 1));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.a.ses, f.a.tab, JET_prepReplace));
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    expect_err(JET_errSuccess, seek(&f.b, 1));
    expect_err(JET_errWriteConflict, JetPrepareUpdate(f.b.ses, f.b.tab, JET_prepReplace));
    expect_err(JET_errWriteConflict, JetDelete(f.b.ses, f.b.tab));
    expect_err(JET_errSuccess, set_val(&f, &f.b, 2, 21)); /* another row: no conflict */
    /* Rolling back releases the lock. */
    expect_err(JET_errSuccess, JetRollback(f.a.ses, 0));
    expect_err(JET_errSuccess, set_val(&f, &f.b, 1, 12));
    expect_err(JET_errSuccess, JetCommitTransaction(f.b.ses, 0));
    ok(val_of(&f, &f.a, 1) == 12, "b's replace committed");

    /* Committed after the snapshot: b loses even though a is done. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    ok(val_of(&f, &f.b, 1) == 12, "b reads 12");
    expect_err(JET_errSuccess, set_val(&f, &f.a, 1, 13)); /* level 0: commits */
    expect_err(JET_errSuccess, seek(&f.b, 1));
    expect_err(JET_errWriteConflict, JetPrepareUpdate(f.b.ses, f.b.tab, JET_prepReplace));
    expect_err(JET_errWriteConflict, JetDelete(f.b.ses, f.b.tab));
    expect_err(JET_errSuccess, JetRollback(f.b.ses, 0));

    /* Two inserts of one key: the second conflicts at JetUpdate. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    expect_err(JET_errSuccess, ins(&f, &f.a, 5, 50, 0));
    expect_err(JET_errWriteConflict, ins(&f, &f.b, 5, 51, 0));
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));
    expect_err(JET_errWriteConflict, ins(&f, &f.b, 5, 51, 0)); /* committed after b began */
    expect_err(JET_errSuccess, JetRollback(f.b.ses, 0));
    expect_err(JET_errKeyDuplicate, ins(&f, &f.b, 5, 51, 0));

    /* A unique index key: two transactions inserting it conflict; once
     * committed it is a duplicate, even for a transaction older than the
     * commit. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    expect_err(JET_errSuccess, ins(&f, &f.a, 6, 60, 100));
    expect_err(JET_errWriteConflict, ins(&f, &f.b, 7, 70, 100));
    expect_err(JET_errSuccess, ins(&f, &f.b, 7, 70, 101));
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));
    expect_err(JET_errKeyDuplicate, ins(&f, &f.b, 8, 80, 100));
    expect_err(JET_errSuccess, JetCommitTransaction(f.b.ses, 0));
    ok(val_of(&f, &f.a, 7) == 70, "b's insert with its own key committed");
    teardown(&f);
}

TEST(isolation_getlock)
{
    struct fixture f;
    setup(&f, "getlock");
    expect_err(JET_errSuccess, ins(&f, &f.a, 1, 10, 0));

    expect_err(JET_errSuccess, seek(&f.a, 1));
    expect_err(JET_errNotInTransaction, JetGetLock(f.a.ses, f.a.tab, JET_bitReadLock));
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errInvalidGrbit, JetGetLock(f.a.ses, f.a.tab, 0));
    expect_err(JET_errInvalidGrbit, JetGetLock(f.a.ses, f.a.tab, JET_bitReadLock | JET_bitWriteLock));
    expect_err(JET_errSuccess, JetMove(f.a.ses, f.a.tab, JET_MoveFirst, 0));
    expect_err(JET_errNoCurrentRecord, JetMove(f.a.ses, f.a.tab, JET_MovePrevious, 0));
    expect_err(JET_errNoCurrentRecord, JetGetLock(f.a.ses, f.a.tab, JET_bitReadLock));
    expect_err(JET_errSuccess, seek(&f.a, 1));
    expect_err(JET_errSuccess, JetGetLock(f.a.ses, f.a.tab, JET_bitReadLock));

    /* Read locks are shared; a write lock or an update waits for them. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    expect_err(JET_errSuccess, seek(&f.b, 1));
    expect_err(JET_errSuccess, JetGetLock(f.b.ses, f.b.tab, JET_bitReadLock));
    expect_err(JET_errWriteConflict, JetGetLock(f.b.ses, f.b.tab, JET_bitWriteLock));
    expect_err(JET_errWriteConflict, JetPrepareUpdate(f.b.ses, f.b.tab, JET_prepReplace));
    expect_err(JET_errSuccess, JetRollback(f.a.ses, 0));
    expect_err(JET_errSuccess, JetGetLock(f.b.ses, f.b.tab, JET_bitWriteLock)); /* upgraded */

    /* b's write lock keeps a out until b rolls back. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, seek(&f.a, 1));
    expect_err(JET_errWriteConflict, JetGetLock(f.a.ses, f.a.tab, JET_bitReadLock));
    expect_err(JET_errWriteConflict, JetPrepareUpdate(f.a.ses, f.a.tab, JET_prepReplace));
    expect_err(JET_errWriteConflict, JetDelete(f.a.ses, f.a.tab));
    expect_err(JET_errSuccess, JetRollback(f.b.ses, 0));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.a.ses, f.a.tab, JET_prepReplace));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.a.ses, f.a.tab, JET_prepCancel));
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));

    /* A read-only transaction cannot take a write lock. */
    expect_err(JET_errSuccess, JetBeginTransaction2(f.b.ses, JET_bitTransactionReadOnly));
    expect_err(JET_errSuccess, seek(&f.b, 1));
    expect_err(JET_errTransReadOnly, JetGetLock(f.b.ses, f.b.tab, JET_bitWriteLock));
    expect_err(JET_errSuccess, JetGetLock(f.b.ses, f.b.tab, JET_bitReadLock));
    expect_err(JET_errSuccess, JetCommitTransaction(f.b.ses, 0));
    teardown(&f);
}
