/*
 * transaction.c - JetBeginTransaction(2), JetCommitTransaction and
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
