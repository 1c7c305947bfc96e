/*
 * test_jet_stress.c - many sessions on many threads through the Jet API,
 * checked against a serial model.
 *
 * N threads (UNIT_STRESS_THREADS, default 4), each with its own session and
 * cursor on one table (primary index on k, a secondary index on s with
 * duplicates, a unique secondary index on v), run random transactions for
 * UNIT_STRESS_SECONDS (default 3): inserts, replaces, deletes, seeks, scans
 * of both indexes, nested levels that commit or roll back, whole
 * transactions that roll back, lazy and durable commits.  A write conflict
 * (or a duplicate key made by a commit the snapshot cannot see) rolls the
 * whole transaction back and the thread goes on with a new one.  Between
 * transactions a thread now and then closes its cursor, or its whole
 * session, and opens it again.
 *
 * The model: the test's own mutex is held around JetBeginTransaction and
 * JetCommitTransaction, so the transactions' snapshots and commits are
 * totally ordered as the model sees them.  At begin a thread copies the
 * committed model state (its snapshot); inside the transaction every read
 * must equal that snapshot plus its own writes; at commit its writes are
 * applied to the model in commit order (the same as appending them to a log
 * and replaying it).  First-updater-wins is checked at commit: a key this
 * transaction wrote must not have been written by any commit after its
 * snapshot (that would be a lost update).  At the end, and again after
 * JetTerm + JetInit, the table's three indexes must hold exactly the model.
 *
 * Commits under the model's mutex are lazy, so that durable commits still
 * overlap: a "durable" transaction is flushed after the mutex is released
 * (JetCommitTransaction(JET_bitWaitLastLevel0Commit)), and between
 * transactions threads make durable commits of their own row of a second
 * table ("side", outside the model: no conflicts), whose count is checked
 * at the end.
 *
 * Escrow updates (JetEscrowUpdate on the escrow column e) take part when
 * the engine has them: deltas are added to the model in commit order.  The
 * test probes for JET_errFeatureNotAvailable at run time and leaves escrow
 * out (saying so) while it is a stub.
 *
 * The seed is printed; UNIT_SEED replays the random choices of each thread
 * (not the interleaving).
 */
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "esent.h"
#include "unit.h"

#define NKEYS 64
#define NSVALS 8
#define LEVELS 4
#define MAXTHREADS 32

struct srow {
    int present;
    int32_t s, v, e;
};

/* One transaction level's view: the snapshot plus the writes so far. */
struct sview {
    struct srow rows[NKEYS];
    unsigned char wrote[NKEYS];   /* put or deleted (not escrow) */
    unsigned char fresh[NKEYS];   /* inserted by this transaction */
    int32_t edelta[NKEYS];        /* escrow deltas added */
};

struct stress {
    JET_INSTANCE inst;
    char dir[4096], path[4200];
    JET_COLUMNID ck, cs, cv, ce;
    JET_COLUMNID side_k, side_n;   /* the side table's */
    struct sthread *threads;
    unsigned nthreads;
    int escrow;                    /* JetEscrowUpdate works */
    double deadline;

    pthread_mutex_t mu;            /* the model; held around begin and commit */
    struct srow state[NKEYS];
    unsigned long long seq;        /* transactions committed (model order) */
    unsigned long long last_write[NKEYS]; /* the last commit that put or deleted k */

    pthread_mutex_t fail_mu;
    char failure[1024];
    int stop;                      /* __atomic */
};

struct sthread {
    struct stress *st;
    pthread_t th;
    int id, locked, level;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab, side;
    unsigned long long rng, snap;
    int32_t side_n;                /* durable commits of our side row */
    int32_t next_v;
    struct sview lv[LEVELS + 1];
    unsigned long commits, rollbacks, conflicts, ops, escrows;
};

static unsigned long long srand64(struct sthread *t)
{
    t->rng ^= t->rng << 13;
    t->rng ^= t->rng >> 7;
    t->rng ^= t->rng << 17;
    return t->rng;
}

static unsigned rnd(struct sthread *t, unsigned n)
{
    return (unsigned)(srand64(t) % n);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A failure in a worker thread: remember the first one, stop everybody
 * and end this thread (Check's asserts belong to the main thread). */
static void tfail(struct sthread *t, const char *fmt, ...)
{
    struct stress *st = t->st;
    va_list ap;
    if (t->locked) pthread_mutex_unlock(&st->mu);
    pthread_mutex_lock(&st->fail_mu);
    if (!st->failure[0]) {
        int n = snprintf(st->failure, sizeof(st->failure), "thread %d: ", t->id);
        va_start(ap, fmt);
        vsnprintf(st->failure + n, sizeof(st->failure) - (size_t)n, fmt, ap);
        va_end(ap);
    }
    pthread_mutex_unlock(&st->fail_mu);
    __atomic_store_n(&st->stop, 1, __ATOMIC_SEQ_CST);
    pthread_exit(NULL);
}

#define TCALL(t, x) \
    do { \
        JET_ERR e_ = (x); \
        if (e_ < 0) tfail(t, "%s failed with %ld", #x, (long)e_); \
    } while (0)
#define TREQ(t, c) \
    do { \
        if (!(c)) tfail(t, "line %d: '%s' failed", __LINE__, #c); \
    } while (0)
#define TEQ(t, a, b) \
    do { \
        long long a_ = (long long)(a), b_ = (long long)(b); \
        if (a_ != b_) tfail(t, "line %d: %s == %s failed: %lld, %lld", __LINE__, #a, #b, a_, b_); \
    } while (0)

/* ---- Jet helpers ------------------------------------------------------------------ */

#define CALL(x) \
    do { \
        JET_ERR e_ = (x); \
        if (e_ < 0) ck_abort_msg("%s failed with %ld", #x, (long)e_); \
    } while (0)

static JET_ERR get_i32(JET_SESID ses, JET_TABLEID tab, JET_COLUMNID c, int32_t *v)
{
    JET_ULONG_ cb = 0;
    *v = 0;
    return JetRetrieveColumn(ses, tab, c, v, sizeof(*v), &cb, 0, NULL);
}

static JET_ERR set_i32(JET_SESID ses, JET_TABLEID tab, JET_COLUMNID c, int32_t v)
{
    return JetSetColumn(ses, tab, c, &v, sizeof(v), 0, NULL);
}

static JET_ERR seek_key(JET_SESID ses, JET_TABLEID tab, int32_t k)
{
    JET_ERR err = JetMakeKey(ses, tab, &k, sizeof(k), JET_bitNewKey);
    return err < 0 ? err : JetSeek(ses, tab, JET_bitSeekEQ);
}

static void start_instance(struct stress *st)
{
    st->inst = 0;
    CALL(JetCreateInstanceA(&st->inst, "jetstress"));
    CALL(JetSetSystemParameterA(&st->inst, JET_sesidNil, JET_paramSystemPath, 0, st->dir));
    CALL(JetSetSystemParameterA(&st->inst, JET_sesidNil, JET_paramLogFilePath, 0, st->dir));
    CALL(JetSetSystemParameterA(&st->inst, JET_sesidNil, JET_paramTempPath, 0, st->dir));
    CALL(JetSetSystemParameterA(&st->inst, JET_sesidNil, JET_paramMaxSessions, MAXTHREADS + 4, NULL));
    CALL(JetInit(&st->inst));
}

static JET_COLUMNID add_col(JET_SESID ses, JET_TABLEID tab, const char *name, JET_GRBIT g,
                            const void *def_val, JET_ULONG_ def_len, JET_ERR *perr)
{
    JET_COLUMNDEF def;
    JET_COLUMNID id = 0;
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLong;
    def.grbit = g;
    *perr = JetAddColumnA(ses, tab, name, &def, def_val, def_len, &id);
    return id;
}

/* Creates the table; finds out whether escrow updates work. */
static void create_table(struct stress *st)
{
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
    JET_ERR err;
    int32_t zero = 0, one = 1;

    CALL(JetBeginSessionA(st->inst, &ses, "", ""));
    CALL(JetCreateDatabaseA(ses, st->path, NULL, &db, 0));
    CALL(JetCreateTableA(ses, db, "t", 0, 0, &tab));
    st->ck = add_col(ses, tab, "k", JET_bitColumnFixed, NULL, 0, &err);
    CALL(err);
    st->cs = add_col(ses, tab, "s", 0, NULL, 0, &err);
    CALL(err);
    st->cv = add_col(ses, tab, "v", JET_bitColumnFixed, NULL, 0, &err);
    CALL(err);
    st->ce = add_col(ses, tab, "e", JET_bitColumnFixed | JET_bitColumnEscrowUpdate, &zero, sizeof(zero), &err);
    st->escrow = err >= 0;
    CALL(JetCreateIndexA(ses, tab, "pk", JET_bitIndexPrimary, "+k\0", 4, 100));
    CALL(JetCreateIndexA(ses, tab, "bys", 0, "+s\0", 4, 100));
    CALL(JetCreateIndexA(ses, tab, "byv", JET_bitIndexUnique, "+v\0", 4, 100));
    {
        JET_TABLEID side;
        CALL(JetCreateTableA(ses, db, "side", 0, 0, &side));
        st->side_k = add_col(ses, side, "k", JET_bitColumnFixed, NULL, 0, &err);
        CALL(err);
        st->side_n = add_col(ses, side, "n", 0, NULL, 0, &err);
        CALL(err);
        CALL(JetCreateIndexA(ses, side, "pk", JET_bitIndexPrimary, "+k\0", 4, 100));
        CALL(JetCloseTable(ses, side));
    }

    /* ESCROW: the probe.  Without a current record a real JetEscrowUpdate
     * fails with something else (JET_errNoCurrentRecord). */
    if (st->escrow) {
        err = JetEscrowUpdate(ses, tab, st->ce, &one, sizeof(one), NULL, 0, NULL, 0);
        st->escrow = err != JET_errFeatureNotAvailable;
    }
    if (!st->escrow) printf("jet_stress: JetEscrowUpdate is not available: escrow updates left out\n");
    CALL(JetCloseTable(ses, tab));
    CALL(JetCloseDatabase(ses, db, 0));
    CALL(JetEndSession(ses, 0));
}

/* ---- reads checked against a view ------------------------------------------------ */

/* The current record's columns against row k of the view (e only when
 * check_e: inside a transaction other sessions' escrow deltas may show). */
static void check_current(struct sthread *t, JET_SESID ses, JET_TABLEID tab, const struct srow *rows,
                          int32_t *k_out, int check_e)
{
    struct stress *st = t->st;
    int32_t k, s, v, e;
    TEQ(t, get_i32(ses, tab, st->ck, &k), 0);
    TREQ(t, k >= 0 && k < NKEYS);
    TREQ(t, rows[k].present);
    TEQ(t, get_i32(ses, tab, st->cs, &s), 0);
    TEQ(t, s, rows[k].s);
    TEQ(t, get_i32(ses, tab, st->cv, &v), 0);
    TEQ(t, v, rows[k].v);
    if (check_e && st->escrow) {
        TEQ(t, get_i32(ses, tab, st->ce, &e), 0);
        TEQ(t, e, rows[k].e);
    }
    *k_out = k;
}

static int cmp_pair(const void *a, const void *b)
{
    const int32_t *x = a, *y = b;
    if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
    return (x[1] > y[1]) - (x[1] < y[1]);
}

/* Scans one index (NULL: primary) and compares it with the view. */
static void check_index(struct sthread *t, JET_SESID ses, JET_TABLEID tab, const struct srow *rows,
                        const char *index, int check_e)
{
    int32_t want[NKEYS][2], k;
    unsigned n = 0, i = 0, col = !index ? 2 : !strcmp(index, "bys") ? 0 : 1;
    JET_ERR err;

    for (k = 0; k < NKEYS; k++)
        if (rows[k].present) {
            want[n][0] = col == 2 ? k : col == 0 ? rows[k].s : rows[k].v;
            want[n][1] = k;
            n++;
        }
    qsort(want, n, sizeof(want[0]), cmp_pair);
    TCALL(t, JetSetCurrentIndexA(ses, tab, index));
    for (err = JetMove(ses, tab, JET_MoveFirst, 0); !err; err = JetMove(ses, tab, JET_MoveNext, 0)) {
        TREQ(t, i < n);
        check_current(t, ses, tab, rows, &k, check_e);
        TEQ(t, k, want[i][1]);
        i++;
    }
    TEQ(t, err, JET_errNoCurrentRecord);
    TEQ(t, i, n);
    TCALL(t, JetSetCurrentIndexA(ses, tab, NULL));
}

/* ---- one worker ----------------------------------------------------------------- */

/* Rolls the whole transaction back after a conflict. */
static void abandon(struct sthread *t)
{
    JetPrepareUpdate(t->ses, t->tab, JET_prepCancel);
    TCALL(t, JetRollback(t->ses, JET_bitRollbackAll));
    t->level = 0;
    t->conflicts++;
}

/* One random operation at the current level.  Returns 0, or 1 when the
 * transaction was abandoned. */
static int random_op(struct sthread *t)
{
    struct stress *st = t->st;
    struct sview *cur = &t->lv[t->level];
    int32_t k = (int32_t)rnd(t, NKEYS), got;
    struct srow *r = &cur->rows[k];
    unsigned op = rnd(t, 20);
    JET_ERR err;

    t->ops++;
    if (rnd(t, 8) == 0) sched_yield(); /* let the others interleave: more conflicts */
    if (op == 0) {
        check_index(t, t->ses, t->tab, cur->rows, rnd(t, 3) == 0 ? NULL : rnd(t, 2) ? "bys" : "byv", 0);
        return 0;
    }
    if (!r->present) {
        if (op < 8) {
            TEQ(t, seek_key(t->ses, t->tab, k), JET_errRecordNotFound);
            return 0;
        }
        TCALL(t, JetPrepareUpdate(t->ses, t->tab, JET_prepInsert));
        TCALL(t, set_i32(t->ses, t->tab, st->ck, k));
        struct srow n = { 1, (int32_t)rnd(t, NSVALS), t->next_v++, 0 };
        TCALL(t, set_i32(t->ses, t->tab, st->cs, n.s));
        TCALL(t, set_i32(t->ses, t->tab, st->cv, n.v));
        err = JetUpdate(t->ses, t->tab, NULL, 0, NULL);
        if (err == JET_errKeyDuplicate) {
            /* Only a commit after our snapshot may have made k. */
            pthread_mutex_lock(&st->mu);
            got = st->last_write[k] > t->snap;
            pthread_mutex_unlock(&st->mu);
            TREQ(t, got);
            abandon(t);
            return 1;
        }
        if (err == JET_errWriteConflict) {
            abandon(t);
            return 1;
        }
        TEQ(t, err, 0);
        *r = n;
        cur->wrote[k] = 1;
        cur->fresh[k] = 1;
        return 0;
    }
    TEQ(t, seek_key(t->ses, t->tab, k), 0);
    check_current(t, t->ses, t->tab, cur->rows, &got, 0);
    if (op < 6) return 0;
    if (op < 9) {
        err = JetDelete(t->ses, t->tab);
        if (err == JET_errWriteConflict) {
            abandon(t);
            return 1;
        }
        TEQ(t, err, 0);
        r->present = 0;
        cur->wrote[k] = 1;
        return 0;
    }
    if (op < 12 && st->escrow) {
        /* ESCROW: an atomic add, which other sessions' adds do not
         * conflict with; the model adds it at commit. */
        int32_t delta = (int32_t)rnd(t, 9) - 3;
        err = JetEscrowUpdate(t->ses, t->tab, st->ce, &delta, sizeof(delta), NULL, 0, NULL, 0);
        if (err == JET_errWriteConflict) {
            abandon(t);
            return 1;
        }
        TEQ(t, err, 0);
        r->e += delta;
        cur->edelta[k] += delta;
        t->escrows++;
        return 0;
    }
    err = JetPrepareUpdate(t->ses, t->tab, JET_prepReplace);
    if (err == JET_errWriteConflict) {
        abandon(t);
        return 1;
    }
    TEQ(t, err, 0);
    {
        struct srow n = *r;
        if (rnd(t, 2)) {
            n.s = (int32_t)rnd(t, NSVALS);
            TCALL(t, set_i32(t->ses, t->tab, st->cs, n.s));
        }
        n.v = t->next_v++;
        TCALL(t, set_i32(t->ses, t->tab, st->cv, n.v));
        if (rnd(t, 8) == 0) {
            TCALL(t, JetPrepareUpdate(t->ses, t->tab, JET_prepCancel));
            return 0;
        }
        err = JetUpdate(t->ses, t->tab, NULL, 0, NULL);
        if (err == JET_errWriteConflict) {
            abandon(t);
            return 1;
        }
        TEQ(t, err, 0);
        *r = n;
        cur->wrote[k] = 1;
    }
    return 0;
}

/* One transaction: begin, random operations and levels, then commit or
 * roll back. */
static void one_transaction(struct sthread *t)
{
    struct stress *st = t->st;
    int ops = (int)rnd(t, 12) + 1, o, k, durable;

    pthread_mutex_lock(&st->mu);
    t->locked = 1;
    TCALL(t, JetBeginTransaction(t->ses));
    memcpy(t->lv[1].rows, st->state, sizeof(st->state));
    t->snap = st->seq;
    t->locked = 0;
    pthread_mutex_unlock(&st->mu);
    memset(t->lv[1].wrote, 0, sizeof(t->lv[1].wrote));
    memset(t->lv[1].edelta, 0, sizeof(t->lv[1].edelta));
    memset(t->lv[1].fresh, 0, sizeof(t->lv[1].fresh));
    t->level = 1;

    for (o = 0; o < ops; o++) {
        unsigned r = rnd(t, 16);
        if (r == 0 && t->level < LEVELS) {
            TCALL(t, JetBeginTransaction(t->ses));
            t->lv[t->level + 1] = t->lv[t->level];
            t->level++;
        } else if (r == 1 && t->level > 1) {
            if (rnd(t, 2)) {
                TCALL(t, JetCommitTransaction(t->ses, 0));
                t->lv[t->level - 1] = t->lv[t->level];
            } else {
                TCALL(t, JetRollback(t->ses, 0));
            }
            t->level--;
        } else if (random_op(t)) {
            return;
        }
    }
    while (t->level > 1) {
        TCALL(t, JetCommitTransaction(t->ses, 0));
        t->lv[t->level - 1] = t->lv[t->level];
        t->level--;
    }
    if (rnd(t, 5) == 0) {
        TCALL(t, JetRollback(t->ses, 0));
        t->level = 0;
        t->rollbacks++;
        return;
    }

    /* Commit in model order; first updater wins, so no key we wrote was
     * written by a commit after our snapshot. */
    durable = rnd(t, 8) == 0;
    pthread_mutex_lock(&st->mu);
    t->locked = 1;
    for (k = 0; k < NKEYS; k++)
        if (t->lv[1].wrote[k] && st->last_write[k] > t->snap)
            tfail(t, "lost update: key %d was written by commit %llu after snapshot %llu", k, st->last_write[k],
                  t->snap);
    TCALL(t, JetCommitTransaction(t->ses, JET_bitCommitLazyFlush));
    st->seq++;
    for (k = 0; k < NKEYS; k++) {
        const struct sview *v = &t->lv[1];
        if (v->wrote[k]) {
            /* ESCROW: a row we inserted has our e; one we replaced has
             * the deltas of every commit (others' escrow updates after our
             * snapshot may or may not conflict with a replace: both are
             * right, neither loses a delta). */
            int32_t e = v->fresh[k] ? v->rows[k].e : st->state[k].e + v->edelta[k];
            if (v->rows[k].present && !v->fresh[k] && !st->state[k].present)
                tfail(t, "replace of key %d committed after the row was deleted", k);
            st->state[k] = v->rows[k];
            st->state[k].e = e;
            st->last_write[k] = st->seq;
        } else if (v->edelta[k]) {
            /* ESCROW: deltas add up in commit order. */
            if (!st->state[k].present)
                tfail(t, "escrow update of key %d committed after the row was deleted", k);
            st->state[k].e += v->edelta[k];
        }
    }
    t->locked = 0;
    pthread_mutex_unlock(&st->mu);
    t->level = 0;
    t->commits++;
    /* Durable: wait for the flush outside the mutex, beside the others. */
    if (durable) TCALL(t, JetCommitTransaction(t->ses, JET_bitWaitLastLevel0Commit));
}

/* A durable commit of this thread's own row of the side table, outside
 * the model (nobody else writes it, so it cannot conflict). */
static void side_commit(struct sthread *t)
{
    struct stress *st = t->st;
    int32_t k = t->id, n = t->side_n + 1;

    TCALL(t, JetBeginTransaction(t->ses));
    if (!t->side_n) {
        TCALL(t, JetPrepareUpdate(t->ses, t->side, JET_prepInsert));
        TCALL(t, set_i32(t->ses, t->side, st->side_k, k));
    } else {
        TEQ(t, seek_key(t->ses, t->side, k), 0);
        TCALL(t, JetPrepareUpdate(t->ses, t->side, JET_prepReplace));
    }
    TCALL(t, set_i32(t->ses, t->side, st->side_n, n));
    TCALL(t, JetUpdate(t->ses, t->side, NULL, 0, NULL));
    TCALL(t, JetCommitTransaction(t->ses, 0));
    t->side_n = n;
}

static void *worker(void *arg)
{
    struct sthread *t = arg;
    struct stress *st = t->st;

    int open = 0;

    while (!__atomic_load_n(&st->stop, __ATOMIC_SEQ_CST) && now_s() < st->deadline) {
        /* Now and then the session or just the cursor is closed and made
         * again between transactions, while the others go on. */
        unsigned r = rnd(t, 64);
        if (open && r == 0) {
            TCALL(t, JetCloseTable(t->ses, t->side));
            TCALL(t, JetCloseTable(t->ses, t->tab));
            TCALL(t, JetCloseDatabase(t->ses, t->db, 0));
            TCALL(t, JetEndSession(t->ses, 0));
            open = 0;
        } else if (open && r == 1) {
            TCALL(t, JetCloseTable(t->ses, t->tab));
            TCALL(t, JetOpenTableA(t->ses, t->db, "t", NULL, 0, 0, &t->tab));
        }
        if (!open) {
            TCALL(t, JetBeginSessionA(st->inst, &t->ses, "", ""));
            TCALL(t, JetOpenDatabaseA(t->ses, st->path, NULL, &t->db, 0));
            TCALL(t, JetOpenTableA(t->ses, t->db, "t", NULL, 0, 0, &t->tab));
            TCALL(t, JetOpenTableA(t->ses, t->db, "side", NULL, 0, 0, &t->side));
            open = 1;
        }
        if (r < 16) side_commit(t);
        else one_transaction(t);
    }
    if (open) {
        TCALL(t, JetCloseTable(t->ses, t->side));
        TCALL(t, JetCloseTable(t->ses, t->tab));
        TCALL(t, JetCloseDatabase(t->ses, t->db, 0));
        TCALL(t, JetEndSession(t->ses, 0));
    }
    return NULL;
}

/* ---- the test ------------------------------------------------------------------- */

/* The committed table against the model, from a session of the main
 * thread (reads outside a transaction see the latest commit). */
static void check_final(struct stress *st, int attach)
{
    struct sthread me;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;

    memset(&me, 0, sizeof(me));
    me.st = st;
    CALL(JetBeginSessionA(st->inst, &ses, "", ""));
    if (attach) CALL(JetAttachDatabaseA(ses, st->path, 0));
    CALL(JetOpenDatabaseA(ses, st->path, NULL, &db, 0));
    CALL(JetOpenTableA(ses, db, "t", NULL, 0, 0, &tab));
    /* tfail would end this thread: run the checks in one of their own. */
    me.ses = ses;
    me.tab = tab;
    check_index(&me, ses, tab, st->state, NULL, 1);
    check_index(&me, ses, tab, st->state, "bys", 1);
    check_index(&me, ses, tab, st->state, "byv", 1);
    CALL(JetCloseTable(ses, tab));

    /* The side table: each thread's row holds its count of durable commits. */
    {
        unsigned i, rows = 0, want = 0;
        int32_t k, n;
        JET_ERR err;
        CALL(JetOpenTableA(ses, db, "side", NULL, 0, 0, &tab));
        for (err = JetMove(ses, tab, JET_MoveFirst, 0); !err; err = JetMove(ses, tab, JET_MoveNext, 0)) {
            TEQ(&me, get_i32(ses, tab, st->side_k, &k), 0);
            TREQ(&me, k >= 0 && (unsigned)k < st->nthreads);
            TEQ(&me, get_i32(ses, tab, st->side_n, &n), 0);
            TEQ(&me, n, st->threads[k].side_n);
            rows++;
        }
        TEQ(&me, err, JET_errNoCurrentRecord);
        for (i = 0; i < st->nthreads; i++) want += st->threads[i].side_n > 0;
        TEQ(&me, rows, want);
        CALL(JetCloseTable(ses, tab));
    }
    CALL(JetCloseDatabase(ses, db, 0));
    CALL(JetEndSession(ses, 0));
}

struct final_arg {
    struct stress *st;
    int attach;
};

static void *final_thread(void *arg)
{
    struct final_arg *a = arg;
    check_final(a->st, a->attach);
    return NULL;
}

static void run_final_check(struct stress *st, int attach, const char *when)
{
    struct final_arg a = { st, attach };
    pthread_t th;
    REQUIRE_EQ(pthread_create(&th, NULL, final_thread, &a), 0);
    pthread_join(th, NULL);
    if (st->failure[0]) ck_abort_msg("jet_stress %s: %s", when, st->failure);
}

static unsigned env_unsigned(const char *name, unsigned dflt, unsigned max)
{
    const char *s = getenv(name);
    unsigned long v = s && *s ? strtoul(s, NULL, 0) : dflt;
    return v < 1 ? 1 : v > max ? max : (unsigned)v;
}

START_TEST(jet_stress_threads)
{
    struct stress *st = calloc(1, sizeof(*st));
    struct sthread *th;
    unsigned long long seed = unit_seed();
    unsigned nthreads = env_unsigned("UNIT_STRESS_THREADS", 4, MAXTHREADS);
    unsigned secs = env_unsigned("UNIT_STRESS_SECONDS", 3, 3600);
    unsigned long commits = 0, conflicts = 0, rollbacks = 0, ops = 0, escrows = 0, sides = 0;
    unsigned i;

    REQUIRE(st != NULL);
    th = calloc(nthreads, sizeof(*th));
    REQUIRE(th != NULL);
    printf("jet_stress: seed %llu (UNIT_SEED), %u threads (UNIT_STRESS_THREADS), %u s (UNIT_STRESS_SECONDS)\n",
           seed, nthreads, secs);
    snprintf(st->dir, sizeof(st->dir), "%s/", unit_tmpdir());
    snprintf(st->path, sizeof(st->path), "%sstress.edb", st->dir);
    pthread_mutex_init(&st->mu, NULL);
    pthread_mutex_init(&st->fail_mu, NULL);
    start_instance(st);
    create_table(st);

    st->threads = th;
    st->nthreads = nthreads;
    st->deadline = now_s() + secs;
    for (i = 0; i < nthreads; i++) {
        th[i].st = st;
        th[i].id = (int)i;
        th[i].rng = (seed + i * 0x9E3779B97F4A7C15ull) | 1;
        th[i].next_v = (int32_t)((i + 1) << 24);
        REQUIRE_EQ(pthread_create(&th[i].th, NULL, worker, &th[i]), 0);
    }
    for (i = 0; i < nthreads; i++) pthread_join(th[i].th, NULL);
    if (st->failure[0]) ck_abort_msg("jet_stress (seed %llu): %s", seed, st->failure);
    for (i = 0; i < nthreads; i++) {
        commits += th[i].commits;
        conflicts += th[i].conflicts;
        rollbacks += th[i].rollbacks;
        ops += th[i].ops;
        escrows += th[i].escrows;
        sides += (unsigned long)th[i].side_n;
    }
    printf("jet_stress: %lu commits, %lu write conflicts, %lu rollbacks, %lu operations, %lu escrow updates, "
           "%lu durable side commits\n",
           commits, conflicts, rollbacks, ops, escrows, sides);
    REQUIRE_GT(commits, 0);
    REQUIRE_EQ(commits, st->seq);

    run_final_check(st, 0, "after the run");
    CALL(JetTerm(st->inst));
    start_instance(st);
    run_final_check(st, 1, "after JetTerm and JetInit");
    CALL(JetTerm(st->inst));
    unit_check_dbfile(st->path);
    pthread_mutex_destroy(&st->mu);
    pthread_mutex_destroy(&st->fail_mu);
    free(th);
    free(st);
}
END_TEST

Suite *jet_stress_suite(void)
{
    Suite *s = suite_create("jet_stress");
    TCase *tc = tcase_create("threads");
    tcase_set_timeout(tc, 3600);
    tcase_add_test(tc, jet_stress_threads);
    suite_add_tcase(s, tc);
    return s;
}
