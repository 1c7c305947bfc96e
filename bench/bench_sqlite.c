/*
 * bench_sqlite.c - SQLite behind the bench interface.
 *
 * One database file, three WITHOUT ROWID tables (k BLOB PRIMARY KEY, v
 * BLOB): a clustered B-tree on the key, the closest SQLite has to a
 * key/value B-tree.  Prepared statements only; one connection.
 *
 *  lazy:    journal_mode=WAL, synchronous=NORMAL: a commit writes its WAL
 *           frames (write(2), no sync); the WAL is synced at checkpoints.
 *  durable: journal_mode=WAL, synchronous=FULL: a commit also syncs the WAL.
 * The synchronous level is set per transaction (it cannot change inside
 * one).  The cache is the configured size, and the WAL is checkpointed
 * automatically at the configured checkpoint depth (wal_autocheckpoint in
 * 4 KiB pages; SQLite's default of 1000 pages = 4 MiB makes a random load
 * checkpoint, and so sync, at almost every commit).  Everything else is
 * SQLite's default: 4 KiB pages, normal locking mode, one connection.
 *
 * The multi-connection workloads open a connection per thread on the same
 * file (WAL, a busy timeout, BEGIN IMMEDIATE so that writers queue for the
 * write lock instead of failing at their first write):
 *  durable_conns: synchronous=FULL, one INSERT per transaction.
 *  escrow_counter: synchronous=NORMAL (lazy), UPDATE c SET n = n + 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "bench.h"

enum { Q_BEGIN, Q_COMMIT, Q_SYNC_NORMAL, Q_SYNC_FULL, Q_RBEGIN, Q_REND, NQ };

struct bench_txn {
    bench_db *d;
};

struct bench_db {
    sqlite3 *h;
    sqlite3_stmt *q[NQ];
    sqlite3_stmt *ins[BENCH_NTABLES], *sel[BENCH_NTABLES], *scan[BENCH_NTABLES];
    int sync_full; /* current synchronous level */
    struct bench_txn txn; /* one connection: one transaction at a time */
};

static int fail(bench_db *d, const char *what)
{
    return bench_fail("sqlite", "%s: %s", what, d->h ? sqlite3_errmsg(d->h) : "no handle");
}

static int exec(bench_db *d, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(d->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
        bench_fail("sqlite", "%s: %s", sql, msg ? msg : "?");
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static int prep(bench_db *d, const char *sql, sqlite3_stmt **st)
{
    if (sqlite3_prepare_v2(d->h, sql, -1, st, NULL) != SQLITE_OK) return fail(d, sql);
    return 0;
}

/* Runs a statement without results. */
static int run(bench_db *d, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return fail(d, sqlite3_sql(st));
    return 0;
}

static int sq_close(bench_db *d);

static int sq_open(const struct bench_opts *o, bench_db **out)
{
    static const char *const qs[NQ] = {"BEGIN", "COMMIT", "PRAGMA synchronous=NORMAL",
                                       "PRAGMA synchronous=FULL", "BEGIN", "COMMIT"};
    bench_db *d;
    char path[4400], sql[256];
    int i;

    if (!(d = calloc(1, sizeof(*d)))) return bench_fail("sqlite", "out of memory");
    snprintf(path, sizeof(path), "%sbench.sqlite", o->dir);
    if (sqlite3_open(path, &d->h) != SQLITE_OK) {
        fail(d, "sqlite3_open");
        sq_close(d);
        return -1;
    }
    snprintf(sql, sizeof(sql), "PRAGMA cache_size=-%llu", (unsigned long long)(o->cache_bytes >> 10));
    if (exec(d, "PRAGMA journal_mode=WAL") || exec(d, "PRAGMA synchronous=NORMAL") || exec(d, sql))
        goto bad;
    /* Checkpoint the WAL at the same depth as our engine and BDB. */
    snprintf(sql, sizeof(sql), "PRAGMA wal_autocheckpoint=%llu", (unsigned long long)(o->ckpt_bytes / 4096));
    if (exec(d, sql)) goto bad;
    for (i = 0; i < BENCH_NTABLES; i++) {
        snprintf(sql, sizeof(sql), "CREATE TABLE t%d(k BLOB PRIMARY KEY, v BLOB) WITHOUT ROWID", i);
        if (exec(d, sql)) goto bad;
    }
    for (i = 0; i < NQ; i++)
        if (prep(d, qs[i], &d->q[i])) goto bad;
    for (i = 0; i < BENCH_NTABLES; i++) {
        snprintf(sql, sizeof(sql), "INSERT INTO t%d(k, v) VALUES(?1, ?2)", i);
        if (prep(d, sql, &d->ins[i])) goto bad;
        snprintf(sql, sizeof(sql), "SELECT v FROM t%d WHERE k = ?1", i);
        if (prep(d, sql, &d->sel[i])) goto bad;
        snprintf(sql, sizeof(sql), "SELECT k, v FROM t%d ORDER BY k", i);
        if (prep(d, sql, &d->scan[i])) goto bad;
    }
    d->txn.d = d;
    *out = d;
    return 0;
bad:
    sq_close(d);
    return -1;
}

static int sq_close(bench_db *d)
{
    int i, rc;

    for (i = 0; i < NQ; i++) sqlite3_finalize(d->q[i]);
    for (i = 0; i < BENCH_NTABLES; i++) {
        sqlite3_finalize(d->ins[i]);
        sqlite3_finalize(d->sel[i]);
        sqlite3_finalize(d->scan[i]);
    }
    rc = d->h ? sqlite3_close(d->h) : SQLITE_OK;
    free(d);
    return rc == SQLITE_OK ? 0 : bench_fail("sqlite", "sqlite3_close: %d", rc);
}

static int sq_begin(bench_db *d, int durable, bench_txn **out)
{
    if (durable != d->sync_full) {
        if (run(d, d->q[durable ? Q_SYNC_FULL : Q_SYNC_NORMAL])) return -1;
        d->sync_full = durable;
    }
    if (run(d, d->q[Q_BEGIN])) return -1;
    *out = &d->txn;
    return 0;
}

static int sq_put(bench_txn *t, int table, const void *key, size_t klen, const void *val,
                  size_t vlen)
{
    bench_db *d = t->d;
    sqlite3_stmt *st = d->ins[table];

    sqlite3_bind_blob(st, 1, key, (int)klen, SQLITE_STATIC);
    sqlite3_bind_blob(st, 2, val, (int)vlen, SQLITE_STATIC);
    return run(d, st);
}

static int sq_commit(bench_txn *t)
{
    return run(t->d, t->d->q[Q_COMMIT]);
}

static int sq_read_begin(bench_db *d)
{
    return run(d, d->q[Q_RBEGIN]);
}

static int sq_read_end(bench_db *d)
{
    return run(d, d->q[Q_REND]);
}

static int sq_get(bench_db *d, int table, const void *key, size_t klen, void *buf, size_t bufsize,
                  size_t *vlen)
{
    sqlite3_stmt *st = d->sel[table];
    int rc, n;

    sqlite3_bind_blob(st, 1, key, (int)klen, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) {
        sqlite3_reset(st);
        return BENCH_NOTFOUND;
    }
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        return fail(d, "SELECT v");
    }
    n = sqlite3_column_bytes(st, 0);
    memcpy(buf, sqlite3_column_blob(st, 0), (size_t)n < bufsize ? (size_t)n : bufsize);
    *vlen = (size_t)n;
    sqlite3_reset(st);
    return 0;
}

static int sq_scan(bench_db *d, int table, bench_scan_fn fn, void *arg)
{
    sqlite3_stmt *st = d->scan[table];
    int rc, r = 0;

    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const uint8_t *k = sqlite3_column_blob(st, 0);
        size_t kl = (size_t)sqlite3_column_bytes(st, 0);
        const uint8_t *v = sqlite3_column_blob(st, 1);
        size_t vl = (size_t)sqlite3_column_bytes(st, 1);
        if ((r = fn(arg, k, kl, v, vl))) break;
    }
    sqlite3_reset(st);
    if (r) return r;
    if (rc != SQLITE_DONE) return fail(d, "SELECT k, v ... ORDER BY k");
    return 0;
}

/* ---- a connection per thread ------------------------------------------------ */

enum { C_BEGIN, C_COMMIT, C_ROLLBACK, C_INS, C_INCR, NC };

struct bench_conn {
    bench_db c; /* its own handle (only h is used by the helpers) */
    sqlite3_stmt *q[NC];
    int lazy; /* synchronous=NORMAL is set (the counter's connections) */
};

static int sq_conn_close(bench_conn *c)
{
    int i, rc;
    for (i = 0; i < NC; i++) sqlite3_finalize(c->q[i]);
    rc = c->c.h ? sqlite3_close(c->c.h) : SQLITE_OK;
    free(c);
    return rc == SQLITE_OK ? 0 : bench_fail("sqlite", "sqlite3_close: %d", rc);
}

static int sq_conn_open(bench_db *d, bench_conn **out)
{
    static const char *const qs[NC] = {"BEGIN IMMEDIATE", "COMMIT", "ROLLBACK",
                                       "INSERT INTO t2(k, v) VALUES(?1, ?2)", NULL};
    bench_conn *c = calloc(1, sizeof(*c));
    const char *path = sqlite3_db_filename(d->h, "main");
    int i;

    if (!c) return bench_fail("sqlite", "out of memory");
    if (sqlite3_open_v2(path, &c->c.h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        fail(&c->c, "sqlite3_open_v2");
        goto bad;
    }
    sqlite3_busy_timeout(c->c.h, 600000);
    if (exec(&c->c, "PRAGMA journal_mode=WAL") || exec(&c->c, "PRAGMA synchronous=FULL")) goto bad;
    for (i = 0; i < NC; i++) /* the counter's table is made later */
        if (i != C_INCR && prep(&c->c, qs[i], &c->q[i])) goto bad;
    *out = c;
    return 0;
bad:
    sq_conn_close(c);
    return -1;
}

/* Runs one transaction of statement st (bound already). */
static int sq_conn_txn(bench_conn *c, sqlite3_stmt *st)
{
    if (run(&c->c, c->q[C_BEGIN])) return -1;
    if (run(&c->c, st)) {
        run(&c->c, c->q[C_ROLLBACK]);
        return -1;
    }
    return run(&c->c, c->q[C_COMMIT]);
}

static int sq_conn_put(bench_conn *c, const void *key, size_t klen, const void *val, size_t vlen)
{
    sqlite3_stmt *st = c->q[C_INS];
    sqlite3_bind_blob(st, 1, key, (int)klen, SQLITE_STATIC);
    sqlite3_bind_blob(st, 2, val, (int)vlen, SQLITE_STATIC);
    return sq_conn_txn(c, st);
}

static int sq_counter_init(bench_db *d)
{
    return exec(d, "CREATE TABLE counter(id INTEGER PRIMARY KEY, n INTEGER); "
                   "INSERT INTO counter VALUES(1, 0)");
}

static int sq_conn_incr(bench_conn *c)
{
    /* Lazy: the counter's connections never make durable commits. */
    if (!c->lazy) {
        if (exec(&c->c, "PRAGMA synchronous=NORMAL") ||
            prep(&c->c, "UPDATE counter SET n = n + 1 WHERE id = 1", &c->q[C_INCR]))
            return -1;
        c->lazy = 1;
    }
    return sq_conn_txn(c, c->q[C_INCR]);
}

static int sq_counter_get(bench_db *d, uint64_t *out)
{
    sqlite3_stmt *st;
    int rc;
    if (prep(d, "SELECT n FROM counter WHERE id = 1", &st)) return -1;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *out = (uint64_t)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : fail(d, "SELECT n FROM counter");
}

const struct bench_engine bench_sqlite = {
    .name = "sqlite",
    .lazy_mode = "WAL, synchronous=NORMAL: WAL written, synced only at WAL checkpoints",
    .durable_mode = "WAL, synchronous=FULL: WAL synced at every commit",
    .config = "WITHOUT ROWID tables, 4 KiB pages (default), cache_size = the cache, "
              "wal_autocheckpoint = the checkpoint depth",
    .threads_ok = 0,
    .open = sq_open,
    .close = sq_close,
    .begin = sq_begin,
    .put = sq_put,
    .commit = sq_commit,
    .read_begin = sq_read_begin,
    .read_end = sq_read_end,
    .get = sq_get,
    .scan = sq_scan,
    .conn_open = sq_conn_open,
    .conn_close = sq_conn_close,
    .conn_put = sq_conn_put,
    .counter_init = sq_counter_init,
    .conn_incr = sq_conn_incr,
    .counter_get = sq_counter_get,
};
