/*
 * bench_ours.c - our engine (engine/store) behind the bench interface.
 *
 * One store (log + checkpoint file in the scratch directory), one database
 * file with three trees.  Writes go through store transactions; reads are
 * bt_get / bt cursors on the database's pager under the store's shared
 * latch, as the Jet layer does.
 *
 *  lazy:    store_txn_commit(STORE_COMMIT_LAZY) - JET_bitCommitLazyFlush:
 *           the commit group is appended to the log buffer and the call
 *           returns without waiting for the disk.
 *  durable: store_txn_commit(0) - returns after log_flush covered the
 *           commit (fdatasync of the log file); concurrent committers share
 *           one flush (group commit).
 *
 * The store runs on a counting VFS around os_vfs_default(): every call is
 * passed through, and the writes, reads and syncs of the database file and
 * of the log (log files and edb.chk) are counted and timed, so the bench
 * can say where the time of each workload goes (bench_engine.io).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "btree.h"
#include "esent.h"
#include "os.h"
#include "store.h"

/* ---- the counting VFS ---------------------------------------------------- */

struct cfile {
    os_file base;
    os_file *inner;
    int kind; /* BENCH_IO_DB or BENCH_IO_LOG */
};

static struct bench_io io_counts;
static os_vfs *inner_vfs;

static uint64_t ns_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void count(uint64_t *calls, uint64_t *bytes, uint64_t *ns, size_t n, uint64_t t0)
{
    __atomic_fetch_add(calls, 1, __ATOMIC_RELAXED);
    if (bytes) __atomic_fetch_add(bytes, n, __ATOMIC_RELAXED);
    __atomic_fetch_add(ns, ns_now() - t0, __ATOMIC_RELAXED);
}

static void c_close(os_file *f)
{
    struct cfile *c = (struct cfile *)f;
    os_file_close(c->inner);
    free(c);
}

static int c_read(os_file *f, uint64_t off, void *buf, size_t n)
{
    struct cfile *c = (struct cfile *)f;
    struct bench_io_kind *k = &io_counts.k[c->kind];
    uint64_t t0 = ns_now();
    int err = c->inner->methods->read(c->inner, off, buf, n);
    count(&k->reads, &k->read_bytes, &k->read_ns, n, t0);
    return err;
}

static int c_write(os_file *f, uint64_t off, const void *buf, size_t n)
{
    struct cfile *c = (struct cfile *)f;
    struct bench_io_kind *k = &io_counts.k[c->kind];
    uint64_t t0 = ns_now();
    int err = c->inner->methods->write(c->inner, off, buf, n);
    count(&k->writes, &k->write_bytes, &k->write_ns, n, t0);
    return err;
}

static int c_sync(os_file *f)
{
    struct cfile *c = (struct cfile *)f;
    struct bench_io_kind *k = &io_counts.k[c->kind];
    uint64_t t0 = ns_now();
    int err = c->inner->methods->sync(c->inner);
    count(&k->syncs, NULL, &k->sync_ns, 0, t0);
    return err;
}

static int c_size(os_file *f, uint64_t *size)
{
    struct cfile *c = (struct cfile *)f;
    return c->inner->methods->size(c->inner, size);
}

static int c_truncate(os_file *f, uint64_t size)
{
    struct cfile *c = (struct cfile *)f;
    return c->inner->methods->truncate(c->inner, size);
}

static const struct os_file_methods cfile_methods = {c_close, c_read, c_write, c_sync, c_size, c_truncate};

static int v_open(os_vfs *vfs, const char *path, unsigned flags, os_file **out)
{
    struct cfile *c = malloc(sizeof(*c));
    size_t n = strlen(path);
    int err;

    (void)vfs;
    *out = NULL;
    if (!c) return OS_ENOMEM;
    if ((err = inner_vfs->open(inner_vfs, path, flags, &c->inner))) {
        free(c);
        return err;
    }
    c->base.methods = &cfile_methods;
    c->kind = n >= 4 && !strcmp(path + n - 4, ".edb") ? BENCH_IO_DB : BENCH_IO_LOG;
    *out = &c->base;
    return 0;
}

static int v_remove(os_vfs *vfs, const char *path)
{
    (void)vfs;
    return inner_vfs->remove(inner_vfs, path);
}

static int v_rename(os_vfs *vfs, const char *from, const char *to)
{
    (void)vfs;
    return inner_vfs->rename(inner_vfs, from, to);
}

static int v_exists(os_vfs *vfs, const char *path)
{
    (void)vfs;
    return inner_vfs->exists(inner_vfs, path);
}

static int v_mkdir(os_vfs *vfs, const char *path)
{
    (void)vfs;
    return inner_vfs->mkdir(inner_vfs, path);
}

static int v_sync_dir(os_vfs *vfs, const char *path)
{
    (void)vfs;
    return inner_vfs->sync_dir ? inner_vfs->sync_dir(inner_vfs, path) : 0;
}

static os_vfs counting_vfs = {"bench-counting", v_open, v_remove, v_rename, v_exists, v_mkdir, v_sync_dir};

/* ---- the engine ------------------------------------------------------------ */

struct bench_db {
    store *s;
    store_db *db;
    pager *pg;
    uint32_t roots[BENCH_NTABLES];
};

struct bench_txn {
    bench_db *d;
    store_txn *t;
    unsigned flags;
};

static int fail(const char *what, int err)
{
    return bench_fail("ours", "%s: JET error %d", what, err);
}

static int ours_open(const struct bench_opts *o, bench_db **out)
{
    struct store_config c;
    bench_db *d;
    char path[4400];
    int err, i;

    if (!(d = calloc(1, sizeof(*d)))) return bench_fail("ours", "out of memory");
    memset(&c, 0, sizeof(c));
    inner_vfs = os_vfs_default();
    c.vfs = &counting_vfs;
    c.log_dir = o->dir;
    c.system_dir = o->dir;
    c.basename = "edb";
    c.log_file_size = o->log_file_bytes;
    c.log_buffer_size = 1u << 20;
    c.recovery = 1;
    c.circular_log = 1;
    c.page_size = o->page_size;
    c.cache_pages = (uint32_t)(o->cache_bytes / o->page_size);
    c.extend_pages = (uint32_t)((4u << 20) / o->page_size); /* grow the file 4 MiB at a time */
    c.checkpoint_bytes = o->ckpt_bytes;
    c.checkpoint_thread = !getenv("BENCH_INLINE_CHECKPOINT"); /* as the DLL does */
    if ((err = store_open(&c, &d->s))) {
        free(d);
        return fail("store_open", err);
    }
    snprintf(path, sizeof(path), "%sbench.edb", o->dir);
    if ((err = store_db_attach(d->s, path, STORE_DB_CREATE | STORE_DB_OVERWRITE, &d->db))) {
        store_close(d->s);
        free(d);
        return fail("store_db_attach", err);
    }
    d->pg = store_db_pager(d->db);
    for (i = 0; i < BENCH_NTABLES; i++) {
        if ((err = store_tree_create(d->s, d->db, &d->roots[i]))) {
            store_close(d->s);
            free(d);
            return fail("store_tree_create", err);
        }
    }
    *out = d;
    return 0;
}

static int ours_close(bench_db *d)
{
    int err = store_close(d->s);
    free(d);
    return err ? fail("store_close", err) : 0;
}

static int ours_begin(bench_db *d, int durable, bench_txn **out)
{
    bench_txn *t = malloc(sizeof(*t));
    int err;

    if (!t) return bench_fail("ours", "out of memory");
    if ((err = store_txn_begin(d->s, &t->t))) {
        free(t);
        return fail("store_txn_begin", err);
    }
    t->d = d;
    t->flags = durable ? 0 : STORE_COMMIT_LAZY;
    *out = t;
    return 0;
}

static int ours_put(bench_txn *t, int table, const void *key, size_t klen, const void *val,
                    size_t vlen)
{
    int err = store_txn_put(t->t, t->d->db, t->d->roots[table], key, (uint32_t)klen, val,
                            (uint32_t)vlen, BT_UPSERT);
    return err ? fail("store_txn_put", err) : 0;
}

static int ours_commit(bench_txn *t)
{
    int err = store_txn_commit(t->t, t->flags);
    free(t);
    return err ? fail("store_txn_commit", err) : 0;
}

static int ours_read_begin(bench_db *d)
{
    store_read_begin(d->s);
    return 0;
}

static int ours_read_end(bench_db *d)
{
    store_read_end(d->s);
    return 0;
}

static int ours_get(bench_db *d, int table, const void *key, size_t klen, void *buf,
                    size_t bufsize, size_t *vlen)
{
    uint32_t n = 0;
    int err = bt_get(d->pg, d->roots[table], key, (uint32_t)klen, buf, (uint32_t)bufsize, &n);

    if (err == JET_errRecordNotFound) return BENCH_NOTFOUND;
    if (err) return fail("bt_get", err);
    *vlen = n;
    return 0;
}

static int ours_scan(bench_db *d, int table, bench_scan_fn fn, void *arg)
{
    bt_cursor *c;
    const uint8_t *k, *v;
    uint32_t kl, vl;
    int err, r = 0;

    store_read_begin(d->s);
    if ((err = bt_cursor_open(d->pg, d->roots[table], &c))) {
        store_read_end(d->s);
        return fail("bt_cursor_open", err);
    }
    for (err = bt_first(c); !err; err = bt_next(c)) {
        if ((err = bt_cursor_get(c, &k, &kl, &v, &vl))) break;
        if ((r = fn(arg, k, kl, v, vl))) break;
    }
    bt_cursor_close(c);
    store_read_end(d->s);
    if (r) return r;
    if (err && err != JET_errNoCurrentRecord) return fail("bt cursor", err);
    return 0;
}

static void ours_io(bench_db *d, struct bench_io *out)
{
    struct store_stats st;
    int i;

    for (i = 0; i < BENCH_IO_KINDS; i++) {
        struct bench_io_kind *k = &io_counts.k[i], *o = &out->k[i];
        o->reads = __atomic_load_n(&k->reads, __ATOMIC_RELAXED);
        o->read_bytes = __atomic_load_n(&k->read_bytes, __ATOMIC_RELAXED);
        o->read_ns = __atomic_load_n(&k->read_ns, __ATOMIC_RELAXED);
        o->writes = __atomic_load_n(&k->writes, __ATOMIC_RELAXED);
        o->write_bytes = __atomic_load_n(&k->write_bytes, __ATOMIC_RELAXED);
        o->write_ns = __atomic_load_n(&k->write_ns, __ATOMIC_RELAXED);
        o->syncs = __atomic_load_n(&k->syncs, __ATOMIC_RELAXED);
        o->sync_ns = __atomic_load_n(&k->sync_ns, __ATOMIC_RELAXED);
    }
    store_get_stats(d->s, &st);
    out->checkpoints = st.checkpoints;
    out->log_bytes = st.log_bytes;
}

const struct bench_engine bench_ours = {
    .name = "ours",
    .lazy_mode = "store_txn_commit(STORE_COMMIT_LAZY): log buffer only, no wait for the disk",
    .durable_mode = "store_txn_commit(0): waits for the log flush (fdatasync), group commit",
    .config = NULL, /* filled in by bench.c from the options */
    .threads_ok = 1,
    .open = ours_open,
    .close = ours_close,
    .begin = ours_begin,
    .put = ours_put,
    .commit = ours_commit,
    .read_begin = ours_read_begin,
    .read_end = ours_read_end,
    .get = ours_get,
    .scan = ours_scan,
    .io = ours_io,
};
