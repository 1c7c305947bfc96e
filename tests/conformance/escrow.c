/*
 * escrow.c - JetEscrowUpdate: its argument checks and errors, the
 * documented two-session example (the old value is the raw stored value,
 * JetRetrieveColumn the session's own view), concurrent escrowers that
 * all commit, conflicts with JetPrepareUpdate / JetDelete / JetGetLock
 * both ways round, rollback and JET_bitEscrowNoRollback, 8-byte
 * counters, and JET_bitColumnDeleteOnZero.
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
    JET_COLUMNID id, cnt, big, plain, ref, name;
};

static JET_COLUMNID add_column(struct side *s, const char *name, JET_COLTYP coltyp, JET_GRBIT grbit,
                               const void *def, unsigned long cbdef)
{
    JET_COLUMNDEF cd;
    JET_COLUMNID id = 0;
    memset(&cd, 0, sizeof(cd));
    cd.cbStruct = sizeof(cd);
    cd.coltyp = coltyp;
    cd.grbit = grbit;
    expect_err(JET_errSuccess, JetAddColumnA(s->ses, s->tab, name, &cd, def, cbdef, &id));
    return id;
}

/* Table "t": id (primary), cnt (escrow Long, default 0), big (escrow
 * LongLong, default 0), plain (Long), ref (escrow Long, DeleteOnZero,
 * default 1), name (Text, secondary index "byname").  Session a made it;
 * b has its own cursor. */
static void setup(struct fixture *f, const char *name)
{
    long zero = 0, one = 1;
    long long zero64 = 0;

    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "scratch-esc-%s\\", name);
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
    f->id = add_column(&f->a, "id", JET_coltypLong, JET_bitColumnFixed, NULL, 0);
    f->cnt = add_column(&f->a, "cnt", JET_coltypLong, JET_bitColumnFixed | JET_bitColumnEscrowUpdate, &zero,
                        sizeof(zero));
    f->big = add_column(&f->a, "big", JET_coltypLongLong, JET_bitColumnFixed | JET_bitColumnEscrowUpdate,
                        &zero64, sizeof(zero64));
    f->plain = add_column(&f->a, "plain", JET_coltypLong, JET_bitColumnFixed, NULL, 0);
    f->ref = add_column(&f->a, "ref", JET_coltypLong,
                        JET_bitColumnFixed | JET_bitColumnEscrowUpdate | JET_bitColumnDeleteOnZero, &one,
                        sizeof(one));
    f->name = add_column(&f->a, "name", JET_coltypText, 0, NULL, 0);
    expect_err(JET_errSuccess, JetCreateIndexA(f->a.ses, f->a.tab, "primary", JET_bitIndexPrimary, "+id\0", 5, 100));
    expect_err(JET_errSuccess, JetCreateIndexA(f->a.ses, f->a.tab, "byname", 0, "+name\0", 7, 100));
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

static JET_ERR ins(struct fixture *f, struct side *s, long id, const char *name)
{
    JET_ERR err;
    if ((err = JetPrepareUpdate(s->ses, s->tab, JET_prepInsert))) return err;
    if ((err = JetSetColumn(s->ses, s->tab, f->id, &id, sizeof(id), 0, NULL))) goto out;
    if (name && (err = JetSetColumn(s->ses, s->tab, f->name, name, (unsigned long)strlen(name), 0, NULL)))
        goto out;
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

/* Adds d to column col of row id through s; *old gets the old value. */
static JET_ERR add(struct side *s, long id, JET_COLUMNID col, long d, long *old, JET_GRBIT grbit)
{
    unsigned long cb = 0;
    long o = 0x5555;
    JET_ERR err;
    if ((err = seek(s, id))) return err;
    err = JetEscrowUpdate(s->ses, s->tab, col, &d, sizeof(d), &o, sizeof(o), &cb, grbit);
    if (!err) ok(cb == sizeof(long), "cbOldActual %lu", cb);
    if (old) *old = o;
    return err;
}

/* Column col (4 bytes) of row id as s sees it, or -12345. */
static long get(struct side *s, long id, JET_COLUMNID col)
{
    long v = -12345;
    unsigned long cb = 0;
    if (seek(s, id)) return -12345;
    if (JetRetrieveColumn(s->ses, s->tab, col, &v, sizeof(v), &cb, 0, NULL) || cb != sizeof(v)) return -12345;
    return v;
}

TEST(escrow_errors)
{
    struct fixture f;
    long d = 1, old = 0, small = 0;
    unsigned long cb = 0xdead;
    JET_TABLEID ro;

    setup(&f, "errors");
    expect_err(JET_errSuccess, ins(&f, &f.a, 1, NULL));
    expect_err(JET_errSuccess, seek(&f.a, 1));
    /* outside a transaction */
    expect_err(JET_errNotInTransaction, JetEscrowUpdate(f.a.ses, f.a.tab, f.cnt, &d, 4, NULL, 0, NULL, 0));
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errInvalidBufferSize, JetEscrowUpdate(f.a.ses, f.a.tab, f.cnt, &d, 2, NULL, 0, NULL, 0));
    expect_err(JET_errInvalidBufferSize, JetEscrowUpdate(f.a.ses, f.a.tab, f.cnt, &d, 8, NULL, 0, NULL, 0));
    expect_err(JET_errInvalidBufferSize, JetEscrowUpdate(f.a.ses, f.a.tab, f.cnt, &d, 4, &small, 2, NULL, 0));
    expect_err(JET_errInvalidBufferSize, JetEscrowUpdate(f.a.ses, f.a.tab, f.big, &d, 4, NULL, 0, NULL, 0));
    expect_err(JET_errInvalidOperation, JetEscrowUpdate(f.a.ses, f.a.tab, f.plain, &d, 4, NULL, 0, NULL, 0));
    expect_err(JET_errInvalidOperation, JetEscrowUpdate(f.a.ses, f.a.tab, f.id, &d, 4, NULL, 0, NULL, 0));
    expect_err(JET_errColumnNotFound, JetEscrowUpdate(f.a.ses, f.a.tab, 77, &d, 4, NULL, 0, NULL, 0));
    expect_err(JET_errInvalidTableId, JetEscrowUpdate(f.a.ses, 0, f.cnt, &d, 4, NULL, 0, NULL, 0));
    expect_err(JET_errInvalidSesid, JetEscrowUpdate(0, f.a.tab, f.cnt, &d, 4, NULL, 0, NULL, 0));
    /* an update prepared on the cursor */
    expect_err(JET_errSuccess, JetPrepareUpdate(f.a.ses, f.a.tab, JET_prepReplace));
    expect_err(JET_errAlreadyPrepared, JetEscrowUpdate(f.a.ses, f.a.tab, f.cnt, &d, 4, NULL, 0, NULL, 0));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.a.ses, f.a.tab, JET_prepCancel));
    /* no current record */
    expect_err(JET_errSuccess, JetMove(f.a.ses, f.a.tab, JET_MoveLast, 0));
    expect_err(JET_errNoCurrentRecord, JetMove(f.a.ses, f.a.tab, JET_MoveNext, 0));
    expect_err(JET_errNoCurrentRecord, JetEscrowUpdate(f.a.ses, f.a.tab, f.cnt, &d, 4, NULL, 0, NULL, 0));
    /* success: NULL out-parameters allowed; cbOldMax 0 with pvOld */
    expect_err(JET_errSuccess, seek(&f.a, 1));
    expect_err(JET_errSuccess, JetEscrowUpdate(f.a.ses, f.a.tab, f.cnt, &d, 4, NULL, 0, NULL, 0));
    expect_err(JET_errSuccess, JetEscrowUpdate(f.a.ses, f.a.tab, f.cnt, &d, 4, &old, 4, &cb, 0));
    ok(old == 1, "old %ld", old);
    ok(cb == 4, "cb %lu", cb);
    /* a deleted record */
    expect_err(JET_errSuccess, JetDelete(f.a.ses, f.a.tab));
    expect_err(JET_errRecordDeleted, JetEscrowUpdate(f.a.ses, f.a.tab, f.cnt, &d, 4, NULL, 0, NULL, 0));
    expect_err(JET_errSuccess, JetRollback(f.a.ses, 0));
    /* read-only cursor, read-only transaction */
    expect_err(JET_errSuccess, JetOpenTableA(f.a.ses, f.a.db, "t", NULL, 0, JET_bitTableReadOnly, &ro));
    expect_err(JET_errSuccess, seek(&(struct side){ f.a.ses, f.a.db, ro }, 1));
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errPermissionDenied, JetEscrowUpdate(f.a.ses, ro, f.cnt, &d, 4, NULL, 0, NULL, 0));
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));
    expect_err(JET_errSuccess, JetCloseTable(f.a.ses, ro));
    expect_err(JET_errSuccess, JetBeginTransaction2(f.a.ses, JET_bitTransactionReadOnly));
    expect_err(JET_errSuccess, seek(&f.a, 1));
    expect_err(JET_errTransReadOnly, JetEscrowUpdate(f.a.ses, f.a.tab, f.cnt, &d, 4, NULL, 0, NULL, 0));
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));
    ok(get(&f.a, 1, f.cnt) == 0, "rolled back: %ld", get(&f.a, 1, f.cnt));
    teardown(&f);
}

/* The example of JetEscrowUpdate's documentation, step by step. */
TEST(escrow_documented_example)
{
    struct fixture f;
    long old;

    setup(&f, "example");
    expect_err(JET_errSuccess, ins(&f, &f.a, 1, NULL));
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, add(&f.a, 1, f.cnt, 4, &old, 0));
    ok(old == 0, "A +4 returned %ld", old);
    ok(get(&f.a, 1, f.cnt) == 4, "A reads %ld", get(&f.a, 1, f.cnt));
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    ok(get(&f.b, 1, f.cnt) == 0, "B reads %ld", get(&f.b, 1, f.cnt));
    expect_err(JET_errSuccess, add(&f.b, 1, f.cnt, 3, &old, 0));
    ok(old == 4, "B +3 returned %ld", old);
    ok(get(&f.b, 1, f.cnt) == 3, "B reads %ld", get(&f.b, 1, f.cnt));
    expect_err(JET_errSuccess, add(&f.a, 1, f.cnt, 2, &old, 0));
    ok(old == 7, "A +2 returned %ld", old);
    expect_err(JET_errSuccess, add(&f.a, 1, f.cnt, -7, &old, 0));
    ok(old == 9, "A -7 returned %ld", old);
    ok(get(&f.b, 1, f.cnt) == 3, "B reads %ld", get(&f.b, 1, f.cnt));
    ok(get(&f.a, 1, f.cnt) == -1, "A reads %ld", get(&f.a, 1, f.cnt));
    expect_err(JET_errSuccess, JetRollback(f.b.ses, 0));
    ok(get(&f.a, 1, f.cnt) == -1, "A reads %ld", get(&f.a, 1, f.cnt));
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));
    ok(get(&f.b, 1, f.cnt) == -1, "committed: %ld", get(&f.b, 1, f.cnt));
    teardown(&f);
}

/* Two sessions count on one record in open transactions; both commit. */
TEST(escrow_both_commit)
{
    struct fixture f;
    int i;

    setup(&f, "both");
    expect_err(JET_errSuccess, ins(&f, &f.a, 1, NULL));
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    for (i = 0; i < 10; i++) {
        expect_err(JET_errSuccess, add(&f.a, 1, f.cnt, 1, NULL, 0));
        expect_err(JET_errSuccess, add(&f.b, 1, f.cnt, 100, NULL, 0));
    }
    ok(get(&f.a, 1, f.cnt) == 10, "a reads %ld", get(&f.a, 1, f.cnt));
    ok(get(&f.b, 1, f.cnt) == 1000, "b reads %ld", get(&f.b, 1, f.cnt));
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));
    ok(get(&f.b, 1, f.cnt) == 1000, "b still reads its snapshot: %ld", get(&f.b, 1, f.cnt));
    expect_err(JET_errSuccess, JetCommitTransaction(f.b.ses, 0));
    ok(get(&f.a, 1, f.cnt) == 1010, "sum %ld", get(&f.a, 1, f.cnt));
    ok(get(&f.b, 1, f.cnt) == 1010, "sum %ld", get(&f.b, 1, f.cnt));
    teardown(&f);
}

/* The documented conflict table: escrow is compatible only with escrow. */
TEST(escrow_conflicts)
{
    struct fixture f;
    long d = 1;

    setup(&f, "conflicts");
    expect_err(JET_errSuccess, ins(&f, &f.a, 1, NULL));
    /* escrow, then another's prepare-replace, delete, lock */
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    expect_err(JET_errSuccess, add(&f.a, 1, f.cnt, 1, NULL, 0));
    expect_err(JET_errSuccess, seek(&f.b, 1));
    expect_err(JET_errWriteConflict, JetPrepareUpdate(f.b.ses, f.b.tab, JET_prepReplace));
    expect_err(JET_errWriteConflict, JetDelete(f.b.ses, f.b.tab));
    expect_err(JET_errWriteConflict, JetGetLock(f.b.ses, f.b.tab, JET_bitWriteLock));
    expect_err(JET_errSuccess, JetRollback(f.a.ses, 0));
    expect_err(JET_errSuccess, JetRollback(f.b.ses, 0));
    /* replace (JetUpdate), then another's escrow */
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    expect_err(JET_errSuccess, seek(&f.a, 1));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.a.ses, f.a.tab, JET_prepReplace));
    expect_err(JET_errSuccess, JetSetColumn(f.a.ses, f.a.tab, f.plain, &d, sizeof(d), 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.a.ses, f.a.tab, NULL, 0, NULL));
    expect_err(JET_errWriteConflict, add(&f.b, 1, f.cnt, 1, NULL, 0));
    expect_err(JET_errSuccess, JetRollback(f.a.ses, 0));
    expect_err(JET_errSuccess, JetRollback(f.b.ses, 0));
    /* delete, then another's escrow */
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    expect_err(JET_errSuccess, seek(&f.a, 1));
    expect_err(JET_errSuccess, JetDelete(f.a.ses, f.a.tab));
    expect_err(JET_errWriteConflict, add(&f.b, 1, f.cnt, 1, NULL, 0));
    expect_err(JET_errSuccess, JetRollback(f.a.ses, 0));
    expect_err(JET_errSuccess, JetRollback(f.b.ses, 0));
    /* a prepare-replace with a lock already taken, then another's escrow */
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    expect_err(JET_errSuccess, seek(&f.a, 1));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.a.ses, f.a.tab, JET_prepReplace));
    expect_err(JET_errWriteConflict, add(&f.b, 1, f.cnt, 1, NULL, 0));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.a.ses, f.a.tab, JET_prepCancel));
    expect_err(JET_errSuccess, JetRollback(f.a.ses, 0));
    expect_err(JET_errSuccess, JetRollback(f.b.ses, 0));
    /* a replace committed after the snapshot conflicts; an escrow does not */
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    expect_err(JET_errSuccess, add(&f.b, 1, f.cnt, 1, NULL, 0));
    expect_err(JET_errSuccess, JetCommitTransaction(f.b.ses, 0));
    expect_err(JET_errSuccess, add(&f.a, 1, f.cnt, 1, NULL, 0));
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    expect_err(JET_errSuccess, seek(&f.b, 1));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.b.ses, f.b.tab, JET_prepReplace));
    expect_err(JET_errSuccess, JetSetColumn(f.b.ses, f.b.tab, f.plain, &d, sizeof(d), 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.b.ses, f.b.tab, NULL, 0, NULL));
    expect_err(JET_errSuccess, JetCommitTransaction(f.b.ses, 0));
    expect_err(JET_errWriteConflict, add(&f.a, 1, f.cnt, 1, NULL, 0));
    expect_err(JET_errSuccess, JetRollback(f.a.ses, 0));
    /* after the escrower commits, the other may replace the record */
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, add(&f.a, 1, f.cnt, 5, NULL, 0));
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    expect_err(JET_errSuccess, seek(&f.b, 1));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.b.ses, f.b.tab, JET_prepReplace));
    expect_err(JET_errSuccess, JetSetColumn(f.b.ses, f.b.tab, f.plain, &d, sizeof(d), 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.b.ses, f.b.tab, NULL, 0, NULL));
    expect_err(JET_errSuccess, JetCommitTransaction(f.b.ses, 0));
    ok(get(&f.a, 1, f.cnt) == 7, "cnt %ld", get(&f.a, 1, f.cnt));
    ok(get(&f.a, 1, f.plain) == 1, "plain %ld", get(&f.a, 1, f.plain));
    teardown(&f);
}

TEST(escrow_rollback)
{
    struct fixture f;

    setup(&f, "rollback");
    expect_err(JET_errSuccess, ins(&f, &f.a, 1, NULL));
    /* rollback undoes, NoRollback keeps (level 1) */
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, add(&f.a, 1, f.cnt, 5, NULL, 0));
    expect_err(JET_errSuccess, add(&f.a, 1, f.cnt, 100, NULL, JET_bitEscrowNoRollback));
    ok(get(&f.a, 1, f.cnt) == 105, "a reads %ld", get(&f.a, 1, f.cnt));
    expect_err(JET_errSuccess, JetRollback(f.a.ses, 0));
    ok(get(&f.a, 1, f.cnt) == 100, "after rollback %ld", get(&f.a, 1, f.cnt));
    ok(get(&f.b, 1, f.cnt) == 100, "b sees %ld", get(&f.b, 1, f.cnt));
    /* nested: the inner rollback undoes its own deltas only */
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, add(&f.a, 1, f.cnt, 1, NULL, 0));
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, add(&f.a, 1, f.cnt, 10, NULL, 0));
    expect_err(JET_errSuccess, add(&f.a, 1, f.cnt, 1000, NULL, JET_bitEscrowNoRollback));
    expect_err(JET_errSuccess, JetRollback(f.a.ses, 0));
    ok(get(&f.a, 1, f.cnt) == 1101, "inner rollback: %ld", get(&f.a, 1, f.cnt));
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));
    ok(get(&f.b, 1, f.cnt) == 1101, "committed %ld", get(&f.b, 1, f.cnt));
    teardown(&f);
}

TEST(escrow_longlong)
{
    struct fixture f;
    long long d = 0x100000000ll, old = 0, v = 0;
    unsigned long cb = 0;

    setup(&f, "longlong");
    expect_err(JET_errSuccess, ins(&f, &f.a, 1, NULL));
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, seek(&f.a, 1));
    expect_err(JET_errSuccess, JetEscrowUpdate(f.a.ses, f.a.tab, f.big, &d, 8, &old, 8, &cb, 0));
    ok(old == 0 && cb == 8, "old %lld cb %lu", old, cb);
    expect_err(JET_errInvalidBufferSize, JetEscrowUpdate(f.a.ses, f.a.tab, f.big, &d, 8, &old, 4, &cb, 0));
    expect_err(JET_errSuccess, JetEscrowUpdate(f.a.ses, f.a.tab, f.big, &d, 8, &old, 8, &cb, 0));
    ok(old == 0x100000000ll, "old %lld", old);
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));
    expect_err(JET_errSuccess, seek(&f.b, 1));
    expect_err(JET_errSuccess, JetRetrieveColumn(f.b.ses, f.b.tab, f.big, &v, sizeof(v), &cb, 0, NULL));
    ok(v == 0x200000000ll, "big %lld", v);
    teardown(&f);
}

/* JET_bitColumnDeleteOnZero: the record goes after the commit that brought
 * the column to zero, with its index entries. */
TEST(escrow_delete_on_zero)
{
    struct fixture f;
    JET_ERR err;

    setup(&f, "deletezero");
    expect_err(JET_errSuccess, ins(&f, &f.a, 1, "one"));
    expect_err(JET_errSuccess, ins(&f, &f.a, 2, "two"));
    ok(get(&f.a, 1, f.ref) == 1, "default ref %ld", get(&f.a, 1, f.ref));
    /* rolled back: nothing happens */
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, add(&f.a, 1, f.ref, -1, NULL, 0));
    expect_err(JET_errSuccess, JetRollback(f.a.ses, 0));
    expect_err(JET_errSuccess, seek(&f.a, 1));
    /* up and down again in one transaction; the other row to 2 */
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, add(&f.a, 1, f.ref, -1, NULL, 0));
    expect_err(JET_errSuccess, add(&f.a, 2, f.ref, 1, NULL, 0));
    expect_err(JET_errSuccess, seek(&f.a, 1)); /* still there until commit */
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));
    expect_err(JET_errRecordNotFound, seek(&f.a, 1));
    expect_err(JET_errRecordNotFound, seek(&f.b, 1));
    ok(get(&f.b, 2, f.ref) == 2, "row 2 ref %ld", get(&f.b, 2, f.ref));
    /* its secondary index entry went too */
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.b.ses, f.b.tab, "byname"));
    expect_err(JET_errSuccess, JetMakeKey(f.b.ses, f.b.tab, "one", 3, JET_bitNewKey));
    expect_err(JET_errRecordNotFound, JetSeek(f.b.ses, f.b.tab, JET_bitSeekEQ));
    err = JetMove(f.b.ses, f.b.tab, JET_MoveFirst, 0);
    expect_err(JET_errSuccess, err);
    expect_err(JET_errNoCurrentRecord, JetMove(f.b.ses, f.b.tab, JET_MoveNext, 0));
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.b.ses, f.b.tab, NULL));
    /* another session still escrowing at zero: the record stays until the
     * value is zero when checked */
    expect_err(JET_errSuccess, JetBeginTransaction(f.a.ses));
    expect_err(JET_errSuccess, JetBeginTransaction(f.b.ses));
    expect_err(JET_errSuccess, add(&f.a, 2, f.ref, -2, NULL, 0));
    expect_err(JET_errSuccess, add(&f.b, 2, f.ref, 1, NULL, 0));
    expect_err(JET_errSuccess, JetCommitTransaction(f.a.ses, 0));
    expect_err(JET_errSuccess, JetCommitTransaction(f.b.ses, 0));
    ok(get(&f.a, 2, f.ref) == 1, "row 2 kept, ref %ld", get(&f.a, 2, f.ref));
    teardown(&f);
}
