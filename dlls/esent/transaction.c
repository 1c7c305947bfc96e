/*
 * transaction.c - JetBeginTransaction(2/3), JetCommitTransaction(2),
 * JetRollback.
 *
 * A session's transaction is a store transaction (engine/store), begun when
 * the session goes from level 0 to 1 and committed or dropped when it comes
 * back to 0; levels 2..7 are save points inside it (an 8th level is
 * JET_errTransTooDeep).  Committing an inner level merges it into its
 * parent; only the commit to level 0 reaches the store, with
 * JET_bitCommitLazyFlush deciding whether it waits for the log to be on
 * disk.  JET_paramCommitDefault is ORed into every commit's grbit.
 *
 * Levels 2..7 are store savepoints (store_txn_savepoint): rolling back an
 * inner level undoes exactly the writes made since it began, committing it
 * keeps them for the level below.  A rollback also cancels the prepared
 * updates of the session's cursors, as ESE does.
 * Leaving a level tells the table layer (table_txn_ended): it drops the
 * trees of rolled-back or committed DDL and closes the cursors a rollback
 * closes; then the escrow layer (escrow_txn_ended) deletes the records a
 * committed transaction brought to zero in a JET_bitColumnDeleteOnZero
 * column.
 *
 * JetBeginTransaction3's trxid is only traced.  JetCommitTransaction2's
 * JET_COMMIT_ID: commitId is the store's commit number (csn, counted from
 * 1 for each run of the instance, in commit order; 0 when the commit wrote
 * nothing or left an inner level), signLog.logtimeCreate the time of the
 * call, the rest zero.  cmsecDurableCommit (how long a lazy commit may
 * stay unflushed) is accepted; lazy commits reach the disk with the next
 * durable commit, log flush or checkpoint, as before.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "debug.h"
#include "jet_private.h"
#include "jet_table.h"

DEFAULT_DEBUG_CHANNEL(esent);

#define LEVEL_MAX 7 /* user levels, as ESENT */

static JET_ERR begin(JET_SESID sesid, JET_GRBIT grbit)
{
    struct jet_session *s;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    if (grbit & ~(JET_GRBIT)JET_bitTransactionReadOnly) {
        err = JET_errInvalidGrbit;
    } else if (s->trx_level >= LEVEL_MAX) {
        err = JET_errTransTooDeep;
    } else if (!s->inst->initialized || !s->inst->st) {
        err = JET_errNotInitialized;
    } else {
        if (!s->trx_level) {
            if (!(err = store_txn_begin(s->inst->st, &s->txn))) {
                s->trx_readonly = !!(grbit & JET_bitTransactionReadOnly);
                table_txn_began(s);
            }
        } else {
            err = store_txn_savepoint(s->txn);
        }
        if (!err) s->trx_level++;
    }
    session_leave(s);
    return err;
}

JET_ERR JET_API JetBeginTransaction(JET_SESID sesid)
{
    JET_ERR err;
    TRACE("(%p)\n", (void *)sesid);
    err = begin(sesid, 0);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetBeginTransaction2(JET_SESID sesid, JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, 0x%lx)\n", (void *)sesid, (unsigned long)grbit);
    err = begin(sesid, grbit);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetBeginTransaction3(JET_SESID sesid, JET_INT64_ trxid, JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, %lld, 0x%lx)\n", (void *)sesid, (long long)trxid, (unsigned long)grbit);
    err = begin(sesid, grbit);
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* Leaves the innermost level, keeping (commit) or dropping its changes;
 * *csn (may be NULL) gets the store commit's number (0: none). */
static JET_ERR leave_level(struct jet_session *s, int commit, unsigned store_flags, uint64_t *csn)
{
    JET_ERR err = 0;
    struct jet_table *t;
    if (csn) *csn = 0;
    if (!commit)
        for (t = s->tables; t; t = t->next) update_cancel(t);
    if (--s->trx_level) {
        if (commit) store_txn_savepoint_release(s->txn);
        else store_txn_savepoint_rollback(s->txn);
        table_txn_ended(s, commit);
        escrow_txn_ended(s, commit);
        return 0;
    }
    if (commit) err = store_txn_commit_csn(s->txn, store_flags, csn);
    else store_txn_abort(s->txn);
    s->txn = NULL;
    s->trx_readonly = 0;
    table_txn_ended(s, commit && err >= 0);
    escrow_txn_ended(s, commit && err >= 0);
    return err;
}

void transaction_session_closed(struct jet_session *s)
{
    while (s->trx_level) leave_level(s, 0, 0, NULL);
}

#define COMMIT_ALONE (JET_bitWaitLastLevel0Commit | JET_bitWaitAllLevel0Commit | JET_bitForceNewLog)

static JET_ERR commit(JET_SESID sesid, JET_GRBIT grbit, JET_COMMIT_ID *id)
{
    struct jet_session *s;
    uint64_t csn = 0;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    grbit |= (JET_GRBIT)params_num(s->inst->params, JET_paramCommitDefault);
    if (grbit & ~(JET_GRBIT)(JET_bitCommitLazyFlush | COMMIT_ALONE)) {
        err = JET_errInvalidGrbit;
    } else if (grbit & COMMIT_ALONE) {
        /* These stand alone and need no transaction. */
        if (grbit & (grbit - 1)) /* more than one bit */
            err = JET_errInvalidGrbit;
        else if (grbit & JET_bitForceNewLog)
            err = store_roll_log(s->inst->st);
        else
            err = store_flush(s->inst->st); /* WaitLast is covered by WaitAll */
    } else if (!s->trx_level) {
        err = JET_errNotInTransaction;
    } else {
        err = leave_level(s, 1, (grbit & JET_bitCommitLazyFlush) ? STORE_COMMIT_LAZY : 0, &csn);
    }
    session_leave(s);
    if (id && err >= 0) {
        memset(id, 0, sizeof(*id));
        {
            time_t now = time(NULL);
            database_logtime(now > 0 ? (uint64_t)now : 0, &id->signLog.logtimeCreate);
        }
        id->commitId = (JET_INT64_)csn;
    }
    return err;
}

JET_ERR JET_API JetCommitTransaction(JET_SESID sesid, JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, 0x%lx)\n", (void *)sesid, (unsigned long)grbit);
    err = commit(sesid, grbit, NULL);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetCommitTransaction2(JET_SESID sesid, JET_GRBIT grbit, JET_ULONG_ cmsecDurableCommit,
                                      JET_COMMIT_ID *pCommitId)
{
    JET_ERR err;
    TRACE("(%p, 0x%lx, %lu, %p)\n", (void *)sesid, (unsigned long)grbit,
          (unsigned long)cmsecDurableCommit, (void *)pCommitId);
    err = commit(sesid, grbit, pCommitId);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetRollback(JET_SESID sesid, JET_GRBIT grbit)
{
    struct jet_session *s;
    JET_ERR err;

    TRACE("(%p, 0x%lx)\n", (void *)sesid, (unsigned long)grbit);
    if ((err = session_enter(sesid, &s))) goto out;
    if (grbit & ~(JET_GRBIT)JET_bitRollbackAll) {
        err = JET_errInvalidGrbit;
    } else if (!s->trx_level) {
        err = JET_errNotInTransaction;
    } else if (grbit & JET_bitRollbackAll) {
        transaction_session_closed(s);
    } else {
        err = leave_level(s, 0, 0, NULL);
    }
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}
