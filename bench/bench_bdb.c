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
 *
 * The handles are free-threaded (DB_THREAD), so a "connection" of the
 * multi-connection workloads is just the shared handles; deadlocks are
 * detected at each lock conflict (DB_LOCK_DEFAULT) and the transaction is
 * retried.  durable_conns: one put per DB_TXN_SYNC transaction.
 * escrow_counter: a DB_TXN_NOSYNC (lazy) transaction reading the counter
 * with DB_RMW (a write lock at once) and putting it back plus one.
 */
#include <stdint.h>
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
    DB *counter;
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
        (rc = d->env->set_lk_detect(d->env, DB_LOCK_DEFAULT)) ||
        (rc = d->env->log_set_config(d->env, DB_LOG_AUTO_REMOVE, 1))) {
        fail("environment settings", rc);
        goto bad;
    }
    if ((rc = d->env->open(d->env, o->dir,
                           DB_CREATE | DB_PRIVATE | DB_INIT_TXN | DB_INIT_LOCK | DB_INIT_LOG |
                               DB_INIT_MPOOL | DB_THREAD,
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
            (rc = d->db[i]->open(d->db[i], t, name, NULL, DB_BTREE, DB_CREATE | DB_THREAD, 0644))) {
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
    if (d->counter && (rc = d->counter->close(d->counter, 0))) err = fail("DB->close", rc);
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
    uint8_t kb[64], vb[1024];
    int rc, r = 0;

    if ((rc = d->db[table]->cursor(d->db[table], NULL, &c, 0))) return fail("DB->cursor", rc);
    memset(&k, 0, sizeof(k));
    memset(&v, 0, sizeof(v));
    k.data = kb; /* free-threaded handles return into our memory */
    k.ulen = sizeof(kb);
    k.flags = DB_DBT_USERMEM;
    v.data = vb;
    v.ulen = sizeof(vb);
    v.flags = DB_DBT_USERMEM;
    while (!(rc = c->get(c, &k, &v, DB_NEXT)))
        if ((r = fn(arg, k.data, k.size, v.data, v.size))) break;
    c->close(c);
    if (r) return r;
    if (rc != DB_NOTFOUND) return fail("DBC->get", rc);
    return 0;
}

/* ---- connections: the shared free-threaded handles ------------------------- */

struct bench_conn {
    bench_db *d;
};

static int bdb_conn_open(bench_db *d, bench_conn **out)
{
    if (!(*out = calloc(1, sizeof(**out)))) return bench_fail("bdb", "out of memory");
    (*out)->d = d;
    return 0;
}

static int bdb_conn_close(bench_conn *c)
{
    free(c);
    return 0;
}

static int bdb_conn_put(bench_conn *c, const void *key, size_t klen, const void *val, size_t vlen)
{
    bench_db *d = c->d;
    DB *db = d->db[BENCH_T_DURABLE];
    DB_TXN *t;
    DBT k, v;
    int rc;

    memset(&k, 0, sizeof(k));
    memset(&v, 0, sizeof(v));
    k.data = (void *)key;
    k.size = (uint32_t)klen;
    v.data = (void *)val;
    v.size = (uint32_t)vlen;
    for (;;) {
        if ((rc = d->env->txn_begin(d->env, NULL, &t, DB_TXN_SYNC))) return fail("txn_begin", rc);
        if (!(rc = db->put(db, t, &k, &v, 0))) break;
        t->abort(t);
        if (rc != DB_LOCK_DEADLOCK) return fail("DB->put", rc);
    }
    if ((rc = t->commit(t, 0))) return fail("DB_TXN->commit", rc);
    if ((rc = d->env->txn_checkpoint(d->env, d->ckpt_kb, 0, 0))) return fail("txn_checkpoint", rc);
    return 0;
}

static int bdb_counter_init(bench_db *d)
{
    uint64_t zero = 0, id = 1;
    DBT k, v;
    int rc;

    memset(&k, 0, sizeof(k));
    memset(&v, 0, sizeof(v));
    k.data = &id;
    k.size = sizeof(id);
    v.data = &zero;
    v.size = sizeof(zero);
    if ((rc = db_create(&d->counter, d->env, 0)) ||
        (rc = d->counter->open(d->counter, NULL, "counter.db", NULL, DB_BTREE,
                               DB_CREATE | DB_THREAD | DB_AUTO_COMMIT, 0644)) ||
        (rc = d->counter->put(d->counter, NULL, &k, &v, DB_AUTO_COMMIT)))
        return fail("counter", rc);
    return 0;
}

/* The counter's value read into *n, through txn t (NULL: none). */
static int counter_read(bench_db *d, DB_TXN *t, uint32_t flags, uint64_t *n)
{
    uint64_t id = 1;
    DBT k, v;

    memset(&k, 0, sizeof(k));
    memset(&v, 0, sizeof(v));
    k.data = &id;
    k.size = sizeof(id);
    v.data = n;
    v.ulen = sizeof(*n);
    v.flags = DB_DBT_USERMEM;
    return d->counter->get(d->counter, t, &k, &v, flags);
}

static int bdb_conn_incr(bench_conn *c)
{
    bench_db *d = c->d;
    uint64_t n = 0, id = 1;
    DB_TXN *t;
    DBT k, v;
    int rc;

    for (;;) {
        if ((rc = d->env->txn_begin(d->env, NULL, &t, DB_TXN_NOSYNC))) return fail("txn_begin", rc);
        if (!(rc = counter_read(d, t, DB_RMW, &n))) {
            n++;
            memset(&k, 0, sizeof(k));
            memset(&v, 0, sizeof(v));
            k.data = &id;
            k.size = sizeof(id);
            v.data = &n;
            v.size = sizeof(n);
            rc = d->counter->put(d->counter, t, &k, &v, 0);
        }
        if (!rc) break;
        t->abort(t);
        if (rc != DB_LOCK_DEADLOCK) return fail("counter read-modify-write", rc);
    }
    if ((rc = t->commit(t, 0))) return fail("DB_TXN->commit", rc);
    if ((rc = d->env->txn_checkpoint(d->env, d->ckpt_kb, 0, 0))) return fail("txn_checkpoint", rc);
    return 0;
}

static int bdb_counter_get(bench_db *d, uint64_t *out)
{
    int rc = counter_read(d, NULL, 0, out);
    return rc ? fail("counter get", rc) : 0;
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
    .conn_open = bdb_conn_open,
    .conn_close = bdb_conn_close,
    .conn_put = bdb_conn_put,
    .counter_init = bdb_counter_init,
    .conn_incr = bdb_conn_incr,
    .counter_get = bdb_counter_get,
};
