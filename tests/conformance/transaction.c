/*
 * transaction.c - JetBeginTransaction(2/3), JetCommitTransaction(2) and
 * JetRollback: levels, their limit, the grbits that stand alone, and
 * transactions a session or JetTerm leaves open.
 */
#include <string.h>
#include <windows.h>

#include "test.h"

static JET_INSTANCE start(const char *name, JET_SESID *ses)
{
    char dir[MAX_PATH];
    JET_INSTANCE inst = 0;
    snprintf(dir, sizeof(dir), "scratch-trx-%s\\", name);
    CreateDirectoryA(dir, NULL);
    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramSystemPath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramLogFilePath, 0, dir));
    expect_err(JET_errSuccess, JetInit(&inst));
    expect_err(JET_errSuccess, JetBeginSessionA(inst, ses, "", ""));
    return inst;
}

TEST(transaction_levels)
{
    JET_SESID ses = 0;
    JET_INSTANCE inst = start("levels", &ses);
    int i;

    expect_err(JET_errNotInTransaction, JetCommitTransaction(ses, 0));
    expect_err(JET_errNotInTransaction, JetRollback(ses, 0));
    expect_err(JET_errNotInTransaction, JetCommitTransaction(ses, JET_bitCommitLazyFlush));
    /* Seven levels, not eight. */
    for (i = 0; i < 7; i++) expect_err(JET_errSuccess, JetBeginTransaction(ses));
    expect_err(JET_errTransTooDeep, JetBeginTransaction(ses));
    expect_err(JET_errTransTooDeep, JetBeginTransaction2(ses, 0));
    expect_err(JET_errSuccess, JetCommitTransaction(ses, 0));
    expect_err(JET_errSuccess, JetRollback(ses, 0));
    expect_err(JET_errSuccess, JetBeginTransaction(ses));
    /* Rolling back everything leaves the transaction. */
    expect_err(JET_errSuccess, JetRollback(ses, JET_bitRollbackAll));
    expect_err(JET_errNotInTransaction, JetRollback(ses, 0));
    /* A read-only transaction; bad grbits. */
    expect_err(JET_errSuccess, JetBeginTransaction2(ses, JET_bitTransactionReadOnly));
    expect_err(JET_errSuccess, JetCommitTransaction(ses, JET_bitCommitLazyFlush));
    expect_err(JET_errInvalidGrbit, JetBeginTransaction2(ses, 0x80000000));
    expect_err(JET_errSuccess, JetBeginTransaction(ses));
    expect_err(JET_errInvalidGrbit, JetCommitTransaction(ses, 0x80000000));
    expect_err(JET_errInvalidGrbit, JetRollback(ses, 0x80000000));
    expect_err(JET_errSuccess, JetCommitTransaction(ses, 0));
    expect_err(JET_errInvalidSesid, JetBeginTransaction(JET_sesidNil));
    expect_err(JET_errSuccess, JetTerm(inst));
}

TEST(transaction_commit_flags_alone)
{
    JET_SESID ses = 0;
    JET_INSTANCE inst = start("alone", &ses);

    /* These need no transaction... */
    expect_err(JET_errSuccess, JetCommitTransaction(ses, JET_bitWaitLastLevel0Commit));
    expect_err(JET_errSuccess, JetCommitTransaction(ses, JET_bitWaitAllLevel0Commit));
    expect_err(JET_errSuccess, JetCommitTransaction(ses, JET_bitForceNewLog));
    /* ...and must be alone. */
    expect_err(JET_errInvalidGrbit, JetCommitTransaction(ses, JET_bitWaitAllLevel0Commit | JET_bitCommitLazyFlush));
    expect_err(JET_errInvalidGrbit, JetCommitTransaction(ses, JET_bitWaitLastLevel0Commit | JET_bitWaitAllLevel0Commit));
    expect_err(JET_errSuccess, JetTerm(inst));
}

TEST(transaction_left_open)
{
    JET_SESID ses = 0, other = 0;
    JET_INSTANCE inst = start("open", &ses);

    expect_err(JET_errSuccess, JetBeginSessionA(inst, &other, "", ""));
    expect_err(JET_errSuccess, JetBeginTransaction(other));
    expect_err(JET_errSuccess, JetBeginTransaction(other));
    /* Ending a session rolls its transaction back. */
    expect_err(JET_errSuccess, JetEndSession(other, 0));
    expect_err(JET_errSuccess, JetBeginTransaction(ses));
    /* So does JetTerm. */
    expect_err(JET_errSuccess, JetTerm(inst));
}

/* Inserts a row with one Long column into table t of a new database. */
static void insert_row(JET_SESID ses, JET_TABLEID tab, JET_COLUMNID col, long v)
{
    expect_err(JET_errSuccess, JetPrepareUpdate(ses, tab, JET_prepInsert));
    expect_err(JET_errSuccess, JetSetColumn(ses, tab, col, &v, sizeof(v), 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(ses, tab, NULL, 0, NULL));
}

TEST(transaction_begin3_commit2)
{
    JET_SESID ses = 0;
    JET_INSTANCE inst = start("trx3", &ses);
    JET_COMMIT_ID id1, id2;
    JET_COLUMNDEF cd;
    JET_COLUMNID col = 0;
    JET_DBID db = 0;
    JET_TABLEID tab = 0;
    int i;

    /* JetBeginTransaction3: levels, their limit, grbits; trxid is free */
    expect_err(JET_errInvalidGrbit, JetBeginTransaction3(ses, 1, 0x80000000));
    for (i = 0; i < 7; i++) expect_err(JET_errSuccess, JetBeginTransaction3(ses, 100 + i, 0));
    expect_err(JET_errTransTooDeep, JetBeginTransaction3(ses, 7, 0));
    expect_err(JET_errSuccess, JetRollback(ses, JET_bitRollbackAll));
    expect_err(JET_errInvalidSesid, JetBeginTransaction3(JET_sesidNil, 0, 0));

    /* JetCommitTransaction2: the errors of JetCommitTransaction */
    expect_err(JET_errNotInTransaction, JetCommitTransaction2(ses, 0, 0, &id1));
    expect_err(JET_errInvalidGrbit, JetCommitTransaction2(ses, 0x80000000, 0, &id1));
    expect_err(JET_errInvalidGrbit,
               JetCommitTransaction2(ses, JET_bitWaitLastLevel0Commit | JET_bitWaitAllLevel0Commit, 0, &id1));
    expect_err(JET_errSuccess, JetCommitTransaction2(ses, JET_bitWaitAllLevel0Commit, 0, &id1));
    expect_err(JET_errSuccess, JetCommitTransaction2(ses, JET_bitWaitLastLevel0Commit, 0, NULL));
    expect_err(JET_errInvalidSesid, JetCommitTransaction2(JET_sesidNil, 0, 0, &id1));

    /* A read-only transaction begun by JetBeginTransaction3 refuses writes */
    expect_err(JET_errSuccess, JetCreateDatabaseA(ses, "scratch-trx-trx3\\t.edb", NULL, &db, JET_bitDbOverwriteExisting));
    expect_err(JET_errSuccess, JetCreateTableA(ses, db, "t", 0, 0, &tab));
    memset(&cd, 0, sizeof(cd));
    cd.cbStruct = sizeof(cd);
    cd.coltyp = JET_coltypLong;
    expect_err(JET_errSuccess, JetAddColumnA(ses, tab, "v", &cd, NULL, 0, &col));
    expect_err(JET_errSuccess, JetBeginTransaction3(ses, 42, JET_bitTransactionReadOnly));
    expect_err(JET_errTransReadOnly, JetPrepareUpdate(ses, tab, JET_prepInsert));
    expect_err(JET_errSuccess, JetCommitTransaction2(ses, 0, 0, NULL));

    /* Commit ids grow with each commit that wrote something */
    memset(&id1, 0xcc, sizeof(id1));
    memset(&id2, 0xcc, sizeof(id2));
    expect_err(JET_errSuccess, JetBeginTransaction3(ses, 1, 0));
    insert_row(ses, tab, col, 1);
    expect_err(JET_errSuccess, JetCommitTransaction2(ses, JET_bitCommitLazyFlush, 1000, &id1));
    ok(id1.commitId > 0, "commitId %lld", (long long)id1.commitId);
    ok(id1.reserved == 0, "reserved %d", id1.reserved);
    ok(id1.signLog.logtimeCreate.bYear >= 100, "year %d", id1.signLog.logtimeCreate.bYear);
    expect_err(JET_errSuccess, JetBeginTransaction3(ses, 2, 0));
    expect_err(JET_errSuccess, JetBeginTransaction3(ses, 3, 0));
    insert_row(ses, tab, col, 2);
    expect_err(JET_errSuccess, JetCommitTransaction2(ses, 0, 0, &id2)); /* inner level */
    expect_err(JET_errSuccess, JetCommitTransaction2(ses, 0, 0, &id2));
    ok(id2.commitId > id1.commitId, "commitId %lld after %lld", (long long)id2.commitId,
       (long long)id1.commitId);
    expect_err(JET_errSuccess, JetCloseTable(ses, tab));
    expect_err(JET_errSuccess, JetTerm(inst));
}

/* JET_paramMaxVerPages bounds the updates one transaction may make, alone:
 * past it the writing call gives JET_errVersionStoreOutOfMemory, the
 * transaction can still roll back, and smaller transactions then fit. */
TEST(transaction_version_store_full)
{
    char dir[MAX_PATH] = "scratch-trx-verfull\\";
    JET_INSTANCE inst = 0;
    JET_SESID ses = 0;
    JET_COLUMNDEF cd;
    JET_COLUMNID col = 0;
    JET_DBID db = 0;
    JET_TABLEID tab = 0;
    JET_ERR err = 0;
    long i, n = 0;

    test_clean_dir(dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "verfull"));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramSystemPath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramLogFilePath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramMaxVerPages, 2, NULL));
    expect_err(JET_errSuccess, JetInit(&inst));
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &ses, "", ""));
    expect_err(JET_errSuccess, JetCreateDatabaseA(ses, "scratch-trx-verfull\\v.edb", NULL, &db, 0));
    expect_err(JET_errSuccess, JetCreateTableA(ses, db, "t", 0, 0, &tab));
    memset(&cd, 0, sizeof(cd));
    cd.cbStruct = sizeof(cd);
    cd.coltyp = JET_coltypLong;
    expect_err(JET_errSuccess, JetAddColumnA(ses, tab, "v", &cd, NULL, 0, &col));
    expect_err(JET_errSuccess, JetCreateIndexA(ses, tab, "pk", JET_bitIndexPrimary, "+v\0", 4, 100));

    expect_err(JET_errSuccess, JetBeginTransaction(ses));
    for (i = 0; i < 100000 && !err; i++) {
        expect_err(JET_errSuccess, JetPrepareUpdate(ses, tab, JET_prepInsert));
        expect_err(JET_errSuccess, JetSetColumn(ses, tab, col, &i, sizeof(i), 0, NULL));
        err = JetUpdate(ses, tab, NULL, 0, NULL);
    }
    ok(err == JET_errVersionStoreOutOfMemory, "a lone transaction of %ld inserts ended with %ld", i, (long)err);
    ok(i > 50, "the version store was full after %ld inserts", i);
    expect_err(JET_errSuccess, JetPrepareUpdate(ses, tab, JET_prepCancel));
    expect_err(JET_errSuccess, JetRollback(ses, 0));

    for (i = 0; i < 1000; i++) {
        if (i % 20 == 0) expect_err(JET_errSuccess, JetBeginTransaction(ses));
        insert_row(ses, tab, col, i);
        if (i % 20 == 19) expect_err(JET_errSuccess, JetCommitTransaction(ses, JET_bitCommitLazyFlush));
    }
    for (err = JetMove(ses, tab, JET_MoveFirst, 0); !err; err = JetMove(ses, tab, JET_MoveNext, 0)) n++;
    ok(n == 1000, "%ld rows after small transactions", n);
    expect_err(JET_errSuccess, JetTerm(inst));
}
