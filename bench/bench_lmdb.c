/*
 * bench_lmdb.c - LMDB behind the bench interface.
 *
 * One environment (data.mdb + lock.mdb in the scratch directory), three
 * named databases.  Plain mdb_put (no MDB_APPEND, so the ordered load does
 * the same searches as the other engines).  Point lookups share one read
 * transaction per batch (mdb_txn_reset / mdb_txn_renew).
 *
 *  lazy:    MDB_NOSYNC: a commit writes its pages and the meta page to the
 *           file (pwrite) but does not sync.  This is LMDB's only mode that
 *           does not sync at commit; note it is weaker than the other
 *           engines' lazy modes: LMDB documents that a system crash may then
 *           corrupt the database unless the file system keeps write order.
 *  durable: default flags: data pages fdatasync'ed, then the meta page
 *           written and fdatasync'ed (two syncs per commit).
 * The flag is switched with mdb_env_set_flags before each write
 * transaction when the mode changes.  LMDB has no cache of its own (the
 * file is mapped): the cache size setting does not apply; the map size is
 * made large enough for the run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lmdb.h>

#include "bench.h"

struct bench_txn {
    bench_db *d;
    MDB_txn *t;
};

struct bench_db {
    MDB_env *env;
    MDB_dbi dbi[BENCH_NTABLES];
    MDB_txn *rtxn; /* the batch read transaction, reset between batches */
    int nosync;    /* MDB_NOSYNC currently set */
    struct bench_txn txn;
};

static int fail(const char *what, int rc)
{
    return bench_fail("lmdb", "%s: %s", what, mdb_strerror(rc));
}

static int lm_open(const struct bench_opts *o, bench_db **out)
{
    bench_db *d;
    MDB_txn *t;
    char name[16];
    size_t mapsize = ((size_t)256 << 20) + (size_t)o->nrows * 2048;
    int rc, i;

    if (!(d = calloc(1, sizeof(*d)))) return bench_fail("lmdb", "out of memory");
    if ((rc = mdb_env_create(&d->env))) {
        free(d);
        return fail("mdb_env_create", rc);
    }
    if ((rc = mdb_env_set_mapsize(d->env, mapsize)) || (rc = mdb_env_set_maxdbs(d->env, BENCH_NTABLES)) ||
        (rc = mdb_env_open(d->env, o->dir, MDB_NOSYNC, 0644))) {
        fail("mdb_env_open", rc);
        goto bad;
    }
    d->nosync = 1;
    if ((rc = mdb_txn_begin(d->env, NULL, 0, &t))) {
        fail("mdb_txn_begin", rc);
        goto bad;
    }
    for (i = 0; i < BENCH_NTABLES; i++) {
        snprintf(name, sizeof(name), "t%d", i);
        if ((rc = mdb_dbi_open(t, name, MDB_CREATE, &d->dbi[i]))) {
            mdb_txn_abort(t);
            fail("mdb_dbi_open", rc);
            goto bad;
        }
    }
    if ((rc = mdb_txn_commit(t))) {
        fail("mdb_txn_commit", rc);
        goto bad;
    }
    d->txn.d = d;
    *out = d;
    return 0;
bad:
    mdb_env_close(d->env);
    free(d);
    return -1;
}

static int lm_close(bench_db *d)
{
    if (d->rtxn) mdb_txn_abort(d->rtxn);
    mdb_env_close(d->env);
    free(d);
    return 0;
}

static int lm_begin(bench_db *d, int durable, bench_txn **out)
{
    int rc;

    if (durable == d->nosync) {
        if ((rc = mdb_env_set_flags(d->env, MDB_NOSYNC, !durable))) return fail("mdb_env_set_flags", rc);
        d->nosync = !durable;
    }
    if ((rc = mdb_txn_begin(d->env, NULL, 0, &d->txn.t))) return fail("mdb_txn_begin", rc);
    *out = &d->txn;
    return 0;
}

static int lm_put(bench_txn *t, int table, const void *key, size_t klen, const void *val,
                  size_t vlen)
{
    MDB_val k = {klen, (void *)key}, v = {vlen, (void *)val};
    int rc = mdb_put(t->t, t->d->dbi[table], &k, &v, 0);
    return rc ? fail("mdb_put", rc) : 0;
}

static int lm_commit(bench_txn *t)
{
    int rc = mdb_txn_commit(t->t);
    t->t = NULL;
    return rc ? fail("mdb_txn_commit", rc) : 0;
}

static int lm_read_begin(bench_db *d)
{
    int rc = d->rtxn ? mdb_txn_renew(d->rtxn) : mdb_txn_begin(d->env, NULL, MDB_RDONLY, &d->rtxn);
    return rc ? fail("read txn", rc) : 0;
}

static int lm_read_end(bench_db *d)
{
    mdb_txn_reset(d->rtxn);
    return 0;
}

static int lm_get(bench_db *d, int table, const void *key, size_t klen, void *buf, size_t bufsize,
                  size_t *vlen)
{
    MDB_val k = {klen, (void *)key}, v;
    int rc = mdb_get(d->rtxn, d->dbi[table], &k, &v);

    if (rc == MDB_NOTFOUND) return BENCH_NOTFOUND;
    if (rc) return fail("mdb_get", rc);
    memcpy(buf, v.mv_data, v.mv_size < bufsize ? v.mv_size : bufsize);
    *vlen = v.mv_size;
    return 0;
}

static int lm_scan(bench_db *d, int table, bench_scan_fn fn, void *arg)
{
    MDB_txn *t;
    MDB_cursor *c;
    MDB_val k, v;
    int rc, r = 0;

    if ((rc = mdb_txn_begin(d->env, NULL, MDB_RDONLY, &t))) return fail("mdb_txn_begin", rc);
    if ((rc = mdb_cursor_open(t, d->dbi[table], &c))) {
        mdb_txn_abort(t);
        return fail("mdb_cursor_open", rc);
    }
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); !rc; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT))
        if ((r = fn(arg, k.mv_data, k.mv_size, v.mv_data, v.mv_size))) break;
    mdb_cursor_close(c);
    mdb_txn_abort(t);
    if (r) return r;
    if (rc != MDB_NOTFOUND) return fail("mdb_cursor_get", rc);
    return 0;
}

const struct bench_engine bench_lmdb = {
    .name = "lmdb",
    .lazy_mode = "MDB_NOSYNC: pages written, never synced at commit "
                 "(weaker: a system crash may corrupt, per LMDB's docs)",
    .durable_mode = "default: fdatasync of the data pages, then of the meta page",
    .config = "mmap, no cache setting (the OS page cache), 4 KiB pages",
    .threads_ok = 0,
    .open = lm_open,
    .close = lm_close,
    .begin = lm_begin,
    .put = lm_put,
    .commit = lm_commit,
    .read_begin = lm_read_begin,
    .read_end = lm_read_end,
    .get = lm_get,
    .scan = lm_scan,
};
