/*
 * bench_jet.c - "jet": our engine through the Jet API, as a Windows
 * program uses it (the native twin of esent.dll, linked from
 * libesent-core.a), so the cost of the API layer (sessions, cursors,
 * records, normalized keys) shows beside "ours" (the store directly) and
 * the other engines.
 *
 * Each bench table is a Jet table with a fixed 8-byte Binary key column
 * (the primary index) and a variable Binary value column.  Every thread
 * gets its own session with its tables open (ESE sessions belong to one
 * thread at a time).  put is an insert, or a replace when the key exists;
 * get is JetMakeKey + JetSeek(EQ) + JetRetrieveColumn; scan walks the
 * primary index with JetMove.  Lazy commits are JET_bitCommitLazyFlush,
 * durable ones JetCommitTransaction(0).
 *
 * The multi-connection workloads give each thread a session of its own
 * (bench_conn): durable_conns inserts one row per durable transaction;
 * escrow_counter adds 1 with JetEscrowUpdate to the escrow column of the
 * one row of a "counter" table, each in its own lazy transaction
 * (JET_bitCommitLazyFlush), retrying after JET_errWriteConflict.  While
 * JetEscrowUpdate returns JET_errFeatureNotAvailable the row is n/a.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "esent.h"

struct jet_thread {
    struct jet_thread *next;     /* every session made */
    struct jet_thread *next_free;/* sessions whose thread ended, for reuse */
    bench_db *d;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab[BENCH_NTABLES];
    JET_COLUMNID k, v;
};

struct bench_db {
    JET_INSTANCE inst;
    char path[4400];
    pthread_mutex_t lock;
    struct jet_thread *threads, *free;
    pthread_key_t key;           /* its destructor gives a session back */
};

struct bench_txn {
    struct jet_thread *th;
    JET_GRBIT commit;
};

static __thread struct jet_thread *tls;
static __thread bench_db *tls_db;

static int fail(const char *what, JET_ERR err)
{
    return bench_fail("jet", "%s: JET error %ld", what, (long)err);
}

#define JCALL(x) \
    do { \
        JET_ERR e_ = (x); \
        if (e_ < 0) return fail(#x, e_); \
    } while (0)

static const char *const names[BENCH_NTABLES] = {"ordered", "random", "durable"};

/* A thread ended: its session goes back to the pool (the bench starts
 * new threads for every slice of its durable runs). */
static void thread_ended(void *p)
{
    struct jet_thread *th = p;
    pthread_mutex_lock(&th->d->lock);
    th->next_free = th->d->free;
    th->d->free = th;
    pthread_mutex_unlock(&th->d->lock);
}

/* The calling thread's session (made on first use, or reused). */
static int thread_of(bench_db *d, struct jet_thread **out)
{
    struct jet_thread *th;
    JET_COLUMNDEF def;
    int i;

    if (tls && tls_db == d) {
        *out = tls;
        return 0;
    }
    pthread_mutex_lock(&d->lock);
    if ((th = d->free)) d->free = th->next_free;
    pthread_mutex_unlock(&d->lock);
    if (th) {
        tls = th;
        tls_db = d;
        pthread_setspecific(d->key, th);
        *out = th;
        return 0;
    }
    if (!(th = calloc(1, sizeof(*th)))) return bench_fail("jet", "out of memory");
    th->d = d;
    JCALL(JetBeginSessionA(d->inst, &th->ses, NULL, NULL));
    JCALL(JetOpenDatabaseA(th->ses, d->path, NULL, &th->db, 0));
    for (i = 0; i < BENCH_NTABLES; i++) JCALL(JetOpenTableA(th->ses, th->db, names[i], NULL, 0, 0, &th->tab[i]));
    JCALL(JetGetTableColumnInfoA(th->ses, th->tab[0], "k", &def, sizeof(def), JET_ColInfo));
    th->k = def.columnid;
    JCALL(JetGetTableColumnInfoA(th->ses, th->tab[0], "v", &def, sizeof(def), JET_ColInfo));
    th->v = def.columnid;
    pthread_mutex_lock(&d->lock);
    th->next = d->threads;
    d->threads = th;
    pthread_mutex_unlock(&d->lock);
    tls = th;
    tls_db = d;
    pthread_setspecific(d->key, th);
    *out = th;
    return 0;
}

static int jet_open(const struct bench_opts *o, bench_db **out)
{
    bench_db *d;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
    JET_COLUMNDEF def;
    JET_COLUMNID col;
    int i;

    if (!(d = calloc(1, sizeof(*d)))) return bench_fail("jet", "out of memory");
    pthread_mutex_init(&d->lock, NULL);
    pthread_key_create(&d->key, thread_ended);
    snprintf(d->path, sizeof(d->path), "%sbench.edb", o->dir);
    JCALL(JetSetSystemParameterA(NULL, 0, JET_paramDatabasePageSize, o->page_size, NULL));
    JCALL(JetCreateInstanceA(&d->inst, "bench"));
    JCALL(JetSetSystemParameterA(&d->inst, 0, JET_paramSystemPath, 0, o->dir));
    JCALL(JetSetSystemParameterA(&d->inst, 0, JET_paramLogFilePath, 0, o->dir));
    JCALL(JetSetSystemParameterA(&d->inst, 0, JET_paramTempPath, 0, o->dir));
    JCALL(JetSetSystemParameterA(&d->inst, 0, JET_paramCircularLog, 1, NULL));
    /* Sessions: the bench's threads (up to 64) plus the sessions of finished
     * threads kept for reuse. */
    JCALL(JetSetSystemParameterA(&d->inst, 0, JET_paramMaxSessions, 256, NULL));
    /* ESE's limit on log files is 32 MiB (ours directly uses the bench's 64). */
    JCALL(JetSetSystemParameterA(&d->inst, 0, JET_paramLogFileSize,
                                 o->log_file_bytes / 1024 > 32768 ? 32768 : o->log_file_bytes / 1024, NULL));
    JCALL(JetSetSystemParameterA(&d->inst, 0, JET_paramCacheSizeMax, (JET_API_PTR)(o->cache_bytes / o->page_size),
                                 NULL));
    JCALL(JetSetSystemParameterA(&d->inst, 0, JET_paramCheckpointDepthMax, (JET_API_PTR)o->ckpt_bytes, NULL));
    JCALL(JetInit(&d->inst));
    JCALL(JetBeginSessionA(d->inst, &ses, NULL, NULL));
    JCALL(JetCreateDatabaseA(ses, d->path, NULL, &db, JET_bitDbOverwriteExisting));
    for (i = 0; i < BENCH_NTABLES; i++) {
        JCALL(JetCreateTableA(ses, db, names[i], 0, 100, &tab));
        memset(&def, 0, sizeof(def));
        def.cbStruct = sizeof(def);
        def.coltyp = JET_coltypBinary;
        def.cbMax = BENCH_KEY_LEN;
        def.grbit = JET_bitColumnFixed;
        JCALL(JetAddColumnA(ses, tab, "k", &def, NULL, 0, &col));
        def.cbMax = 255;
        def.grbit = 0;
        JCALL(JetAddColumnA(ses, tab, "v", &def, NULL, 0, &col));
        JCALL(JetCreateIndexA(ses, tab, "pk", JET_bitIndexPrimary, "+k\0", 4, 100));
        JCALL(JetCloseTable(ses, tab));
    }
    JCALL(JetCloseDatabase(ses, db, 0));
    JCALL(JetEndSession(ses, 0));
    *out = d;
    return 0;
}

static int jet_close(bench_db *d)
{
    struct jet_thread *th, *next;
    JET_ERR err;
    /* Sessions of finished threads are ended here (JetTerm would too). */
    for (th = d->threads; th; th = next) {
        next = th->next;
        JetEndSession(th->ses, 0);
        free(th);
    }
    tls = NULL;
    pthread_setspecific(d->key, NULL);
    pthread_key_delete(d->key);
    err = JetTerm(d->inst);
    pthread_mutex_destroy(&d->lock);
    free(d);
    return err < 0 ? fail("JetTerm", err) : 0;
}

static int jet_begin(bench_db *d, int durable, bench_txn **out)
{
    bench_txn *t = malloc(sizeof(*t));
    int err;
    if (!t) return bench_fail("jet", "out of memory");
    if ((err = thread_of(d, &t->th))) {
        free(t);
        return err;
    }
    t->commit = durable ? 0 : JET_bitCommitLazyFlush;
    JCALL(JetBeginTransaction(t->th->ses));
    *out = t;
    return 0;
}

static int jet_put(bench_txn *t, int table, const void *key, size_t klen, const void *val, size_t vlen)
{
    struct jet_thread *th = t->th;
    JET_TABLEID tab = th->tab[table];
    JET_ERR err;

    JCALL(JetPrepareUpdate(th->ses, tab, JET_prepInsert));
    JCALL(JetSetColumn(th->ses, tab, th->k, key, (JET_ULONG_)klen, 0, NULL));
    JCALL(JetSetColumn(th->ses, tab, th->v, val, (JET_ULONG_)vlen, 0, NULL));
    err = JetUpdate(th->ses, tab, NULL, 0, NULL);
    if (err != JET_errKeyDuplicate) return err < 0 ? fail("JetUpdate", err) : 0;
    /* Already there: replace its value. */
    JCALL(JetPrepareUpdate(th->ses, tab, JET_prepCancel));
    JCALL(JetMakeKey(th->ses, tab, key, (JET_ULONG_)klen, JET_bitNewKey));
    JCALL(JetSeek(th->ses, tab, JET_bitSeekEQ));
    JCALL(JetPrepareUpdate(th->ses, tab, JET_prepReplace));
    JCALL(JetSetColumn(th->ses, tab, th->v, val, (JET_ULONG_)vlen, 0, NULL));
    JCALL(JetUpdate(th->ses, tab, NULL, 0, NULL));
    return 0;
}

static int jet_commit(bench_txn *t)
{
    JET_ERR err = JetCommitTransaction(t->th->ses, t->commit);
    free(t);
    return err < 0 ? fail("JetCommitTransaction", err) : 0;
}

static int jet_read_begin(bench_db *d)
{
    struct jet_thread *th;
    return thread_of(d, &th);
}

static int jet_read_end(bench_db *d)
{
    (void)d;
    return 0;
}

static int jet_get(bench_db *d, int table, const void *key, size_t klen, void *buf, size_t bufsize,
                   size_t *vlen)
{
    struct jet_thread *th;
    JET_ULONG_ cb = 0;
    JET_ERR err;
    int r;

    if ((r = thread_of(d, &th))) return r;
    JCALL(JetMakeKey(th->ses, th->tab[table], key, (JET_ULONG_)klen, JET_bitNewKey));
    err = JetSeek(th->ses, th->tab[table], JET_bitSeekEQ);
    if (err == JET_errRecordNotFound) return BENCH_NOTFOUND;
    if (err < 0) return fail("JetSeek", err);
    err = JetRetrieveColumn(th->ses, th->tab[table], th->v, buf, (JET_ULONG_)bufsize, &cb, 0, NULL);
    if (err < 0) return fail("JetRetrieveColumn", err);
    *vlen = cb;
    return 0;
}

static int jet_scan(bench_db *d, int table, bench_scan_fn fn, void *arg)
{
    struct jet_thread *th;
    unsigned char k[BENCH_KEY_LEN], v[256];
    JET_ULONG_ kl, vl;
    JET_ERR err;
    int r;

    if ((r = thread_of(d, &th))) return r;
    for (err = JetMove(th->ses, th->tab[table], JET_MoveFirst, 0); !err;
         err = JetMove(th->ses, th->tab[table], JET_MoveNext, 0)) {
        JCALL(JetRetrieveColumn(th->ses, th->tab[table], th->k, k, sizeof(k), &kl, 0, NULL));
        JCALL(JetRetrieveColumn(th->ses, th->tab[table], th->v, v, sizeof(v), &vl, 0, NULL));
        if ((r = fn(arg, k, kl, v, vl))) return r;
    }
    return err == JET_errNoCurrentRecord ? 0 : fail("JetMove", err);
}

/* ---- a session per thread ------------------------------------------------------ */

struct bench_conn {
    bench_db *d;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID dur, counter;
    JET_COLUMNID k, v, n;
};

static int jet_conn_close(bench_conn *c)
{
    JET_ERR err = JetEndSession(c->ses, 0); /* closes its tables */
    free(c);
    return err < 0 ? fail("JetEndSession", err) : 0;
}

static int jet_conn_open(bench_db *d, bench_conn **out)
{
    bench_conn *c = calloc(1, sizeof(*c));
    JET_COLUMNDEF def;

    if (!c) return bench_fail("jet", "out of memory");
    c->d = d;
    JCALL(JetBeginSessionA(d->inst, &c->ses, NULL, NULL));
    JCALL(JetOpenDatabaseA(c->ses, d->path, NULL, &c->db, 0));
    JCALL(JetOpenTableA(c->ses, c->db, names[BENCH_T_DURABLE], NULL, 0, 0, &c->dur));
    JCALL(JetGetTableColumnInfoA(c->ses, c->dur, "k", &def, sizeof(def), JET_ColInfo));
    c->k = def.columnid;
    JCALL(JetGetTableColumnInfoA(c->ses, c->dur, "v", &def, sizeof(def), JET_ColInfo));
    c->v = def.columnid;
    *out = c;
    return 0;
}

static int jet_conn_put(bench_conn *c, const void *key, size_t klen, const void *val, size_t vlen)
{
    JCALL(JetBeginTransaction(c->ses));
    JCALL(JetPrepareUpdate(c->ses, c->dur, JET_prepInsert));
    JCALL(JetSetColumn(c->ses, c->dur, c->k, key, (JET_ULONG_)klen, 0, NULL));
    JCALL(JetSetColumn(c->ses, c->dur, c->v, val, (JET_ULONG_)vlen, 0, NULL));
    JCALL(JetUpdate(c->ses, c->dur, NULL, 0, NULL));
    JCALL(JetCommitTransaction(c->ses, 0));
    return 0;
}

/* The counter table: id (primary key) and n, an escrow column. */
static int jet_counter_init(bench_db *d)
{
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
    JET_COLUMNDEF def;
    JET_COLUMNID id, n;
    int32_t zero = 0, one = 1;

    JCALL(JetBeginSessionA(d->inst, &ses, NULL, NULL));
    JCALL(JetOpenDatabaseA(ses, d->path, NULL, &db, 0));
    JCALL(JetCreateTableA(ses, db, "counter", 0, 100, &tab));
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLong;
    def.grbit = JET_bitColumnFixed;
    JCALL(JetAddColumnA(ses, tab, "id", &def, NULL, 0, &id));
    def.grbit = JET_bitColumnFixed | JET_bitColumnEscrowUpdate;
    JCALL(JetAddColumnA(ses, tab, "n", &def, &zero, sizeof(zero), &n));
    JCALL(JetCreateIndexA(ses, tab, "pk", JET_bitIndexPrimary, "+id\0", 5, 100));
    JCALL(JetBeginTransaction(ses));
    JCALL(JetPrepareUpdate(ses, tab, JET_prepInsert));
    JCALL(JetSetColumn(ses, tab, id, &one, sizeof(one), 0, NULL));
    JCALL(JetUpdate(ses, tab, NULL, 0, NULL));
    JCALL(JetCommitTransaction(ses, 0));
    JCALL(JetCloseTable(ses, tab));
    JCALL(JetEndSession(ses, 0));
    return 0;
}

/* Opens the counter table in c's session and puts its cursor on the row. */
static int counter_open(JET_SESID ses, JET_DBID db, JET_TABLEID *tab, JET_COLUMNID *n)
{
    JET_COLUMNDEF def;
    int32_t one = 1;
    JCALL(JetOpenTableA(ses, db, "counter", NULL, 0, 0, tab));
    JCALL(JetGetTableColumnInfoA(ses, *tab, "n", &def, sizeof(def), JET_ColInfo));
    *n = def.columnid;
    JCALL(JetMakeKey(ses, *tab, &one, sizeof(one), JET_bitNewKey));
    JCALL(JetSeek(ses, *tab, JET_bitSeekEQ));
    return 0;
}

static int jet_conn_incr(bench_conn *c)
{
    int32_t one = 1;
    JET_ERR err;
    int r;

    if (!c->counter && (r = counter_open(c->ses, c->db, &c->counter, &c->n))) return r;
    for (;;) {
        JCALL(JetBeginTransaction(c->ses));
        err = JetEscrowUpdate(c->ses, c->counter, c->n, &one, sizeof(one), NULL, 0, NULL, 0);
        if (err >= 0) break;
        JCALL(JetRollback(c->ses, 0));
        if (err == JET_errFeatureNotAvailable) return BENCH_UNSUPPORTED;
        if (err != JET_errWriteConflict) return fail("JetEscrowUpdate", err);
    }
    JCALL(JetCommitTransaction(c->ses, JET_bitCommitLazyFlush));
    return 0;
}

static int jet_counter_get(bench_db *d, uint64_t *out)
{
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
    JET_COLUMNID n;
    int32_t v = 0;
    int r;

    JCALL(JetBeginSessionA(d->inst, &ses, NULL, NULL));
    JCALL(JetOpenDatabaseA(ses, d->path, NULL, &db, 0));
    if ((r = counter_open(ses, db, &tab, &n))) return r;
    JCALL(JetRetrieveColumn(ses, tab, n, &v, sizeof(v), NULL, 0, NULL));
    JCALL(JetEndSession(ses, 0));
    *out = (uint64_t)(uint32_t)v;
    return 0;
}

const struct bench_engine bench_jet = {
    .name = "jet",
    .lazy_mode = "JetCommitTransaction(JET_bitCommitLazyFlush)",
    .durable_mode = "JetCommitTransaction(0): waits for the log flush, group commit",
    .config = "the Jet API over our engine: one session per thread, a table per workload "
              "(fixed Binary(8) primary key, Binary value), circular logging",
    .threads_ok = 1,
    .open = jet_open,
    .close = jet_close,
    .begin = jet_begin,
    .put = jet_put,
    .commit = jet_commit,
    .read_begin = jet_read_begin,
    .read_end = jet_read_end,
    .get = jet_get,
    .scan = jet_scan,
    .io = NULL,
    .conn_open = jet_conn_open,
    .conn_close = jet_conn_close,
    .conn_put = jet_conn_put,
    .counter_init = jet_counter_init,
    .conn_incr = jet_conn_incr,
    .counter_get = jet_counter_get,
};
