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
 */
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
};
