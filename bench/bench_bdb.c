/*
 * bench_bdb.c - Berkeley DB (libdb 5.3) behind the bench interface.
 *
 * A transactional environment (DB_INIT_TXN | LOCK | LOG | MPOOL, regions in
 * process memory: DB_PRIVATE) in the scratch directory, three DB_BTREE
 * files.  Log files of the configured size, removed automatically once a
 * checkpoint no longer needs them (DB_LOG_AUTO_REMOVE, the equivalent of
 * circular logging); BDB never checkpoints by itself, so the bench does
 * what an application would: txn_checkpoint(kbytes = our checkpoint
 * depth) after every commit, which checkpoints only when that much log was
 * written since the last one.  Point lookups run without a transaction
 * (each get locks and unlocks its page).
 *
 *  lazy:    txn_begin(DB_TXN_NOSYNC): commit neither writes nor syncs the
 *           log (it stays in the log buffer until it fills or a sync).
 *  durable: txn_begin(DB_TXN_SYNC): commit writes and fsyncs the log.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <db.h>

#include "bench.h"

struct bench_txn {
    bench_db *d;
    DB_TXN *t;
};

struct bench_db {
    DB_ENV *env;
    DB *db[BENCH_NTABLES];
    uint32_t ckpt_kb;
    struct bench_txn txn;
};

static int fail(const char *what, int rc)
{
    return bench_fail("bdb", "%s: %s", what, db_strerror(rc));
}

static int bdb_close(bench_db *d);

static int bdb_open(const struct bench_opts *o, bench_db **out)
{
    bench_db *d;
    DB_TXN *t;
    char name[16];
    int rc, i;

    if (!(d = calloc(1, sizeof(*d)))) return bench_fail("bdb", "out of memory");
    d->ckpt_kb = (uint32_t)(o->ckpt_bytes >> 10);
    if ((rc = db_env_create(&d->env, 0))) {
        free(d);
        return fail("db_env_create", rc);
    }
    d->env->set_errfile(d->env, stderr);
    d->env->set_errpfx(d->env, "bench: bdb");
    if ((rc = d->env->set_cachesize(d->env, (uint32_t)(o->cache_bytes >> 30),
                                    (uint32_t)(o->cache_bytes & ((1u << 30) - 1)), 1)) ||
        (rc = d->env->set_lg_max(d->env, o->log_file_bytes)) ||
        (rc = d->env->set_lg_bsize(d->env, 1u << 20)) ||
        (rc = d->env->set_lk_max_locks(d->env, 100000)) ||
        (rc = d->env->set_lk_max_objects(d->env, 100000)) ||
        (rc = d->env->log_set_config(d->env, DB_LOG_AUTO_REMOVE, 1))) {
        fail("environment settings", rc);
        goto bad;
    }
    if ((rc = d->env->open(d->env, o->dir,
                           DB_CREATE | DB_PRIVATE | DB_INIT_TXN | DB_INIT_LOCK | DB_INIT_LOG |
                               DB_INIT_MPOOL,
                           0644))) {
        fail("DB_ENV->open", rc);
        goto bad;
    }
    if ((rc = d->env->txn_begin(d->env, NULL, &t, 0))) {
        fail("txn_begin", rc);
        goto bad;
    }
    for (i = 0; i < BENCH_NTABLES; i++) {
        snprintf(name, sizeof(name), "t%d.db", i);
        if ((rc = db_create(&d->db[i], d->env, 0)) ||
            (rc = d->db[i]->open(d->db[i], t, name, NULL, DB_BTREE, DB_CREATE, 0644))) {
            t->abort(t);
            fail("DB->open", rc);
            goto bad;
        }
    }
    if ((rc = t->commit(t, 0))) {
        fail("DB_TXN->commit", rc);
        goto bad;
    }
    d->txn.d = d;
    *out = d;
    return 0;
bad:
    bdb_close(d);
    return -1;
}

static int bdb_close(bench_db *d)
{
    int i, rc, err = 0;

    for (i = 0; i < BENCH_NTABLES; i++)
        if (d->db[i] && (rc = d->db[i]->close(d->db[i], 0))) err = fail("DB->close", rc);
    if ((rc = d->env->close(d->env, 0))) err = fail("DB_ENV->close", rc);
    free(d);
    return err;
}

static int bdb_begin(bench_db *d, int durable, bench_txn **out)
{
    int rc = d->env->txn_begin(d->env, NULL, &d->txn.t, durable ? DB_TXN_SYNC : DB_TXN_NOSYNC);
    if (rc) return fail("txn_begin", rc);
    *out = &d->txn;
    return 0;
}

static int bdb_put(bench_txn *t, int table, const void *key, size_t klen, const void *val,
                   size_t vlen)
{
    DBT k, v;
    int rc;

    memset(&k, 0, sizeof(k));
    memset(&v, 0, sizeof(v));
    k.data = (void *)key;
    k.size = (uint32_t)klen;
    v.data = (void *)val;
    v.size = (uint32_t)vlen;
    rc = t->d->db[table]->put(t->d->db[table], t->t, &k, &v, 0);
    return rc ? fail("DB->put", rc) : 0;
}

static int bdb_commit(bench_txn *t)
{
    int rc = t->t->commit(t->t, 0);
    t->t = NULL;
    if (rc) return fail("DB_TXN->commit", rc);
    if ((rc = t->d->env->txn_checkpoint(t->d->env, t->d->ckpt_kb, 0, 0))) return fail("txn_checkpoint", rc);
    return 0;
}

static int bdb_read_begin(bench_db *d)
{
    (void)d;
    return 0;
}

static int bdb_read_end(bench_db *d)
{
    (void)d;
    return 0;
}

static int bdb_get(bench_db *d, int table, const void *key, size_t klen, void *buf, size_t bufsize,
                   size_t *vlen)
{
    DBT k, v;
    int rc;

    memset(&k, 0, sizeof(k));
    memset(&v, 0, sizeof(v));
    k.data = (void *)key;
    k.size = (uint32_t)klen;
    v.data = buf;
    v.ulen = (uint32_t)bufsize;
    v.flags = DB_DBT_USERMEM;
    rc = d->db[table]->get(d->db[table], NULL, &k, &v, 0);
    if (rc == DB_NOTFOUND) return BENCH_NOTFOUND;
    if (rc) return fail("DB->get", rc);
    *vlen = v.size;
    return 0;
}

static int bdb_scan(bench_db *d, int table, bench_scan_fn fn, void *arg)
{
    DBC *c;
    DBT k, v;
    int rc, r = 0;

    if ((rc = d->db[table]->cursor(d->db[table], NULL, &c, 0))) return fail("DB->cursor", rc);
    memset(&k, 0, sizeof(k));
    memset(&v, 0, sizeof(v));
    while (!(rc = c->get(c, &k, &v, DB_NEXT)))
        if ((r = fn(arg, k.data, k.size, v.data, v.size))) break;
    c->close(c);
    if (r) return r;
    if (rc != DB_NOTFOUND) return fail("DBC->get", rc);
    return 0;
}

const struct bench_engine bench_bdb = {
    .name = "bdb",
    .lazy_mode = "DB_TXN_NOSYNC: the log stays in the log buffer, not written or synced",
    .durable_mode = "DB_TXN_SYNC: log written and fsync'ed at commit",
    .config = "DB_BTREE, default page size, cache = the cache, DB_PRIVATE regions, "
              "log files of the log file size with DB_LOG_AUTO_REMOVE, "
              "txn_checkpoint(checkpoint depth) after each commit",
    .threads_ok = 0,
    .open = bdb_open,
    .close = bdb_close,
    .begin = bdb_begin,
    .put = bdb_put,
    .commit = bdb_commit,
    .read_begin = bdb_read_begin,
    .read_end = bdb_read_end,
    .get = bdb_get,
    .scan = bdb_scan,
};
