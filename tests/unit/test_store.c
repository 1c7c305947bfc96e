/*
 * test_store.c - the store end to end: commits, reopen, checkpoints, and
 * the crash guarantees, on the in-memory fault VFS.
 *
 * The crash tests run a workload of transactions, each of which writes a
 * few keys and the key "last" = its sequence number, with a mix of durable
 * and lazy commits and aborts.  The workload is stopped at the Nth I/O
 * (sweeping N over every write and sync), power is lost with torn writes,
 * and the store is reopened (recovery).  Then:
 *   - "last" = L must be at least the last commit that returned as durable;
 *   - the whole content must equal the model after commit L exactly: every
 *     commit up to L whole, nothing of any later or aborted transaction;
 *   - every tree verifies.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "btree.h"
#include "esent.h"
#include "os_memvfs.h"
#include "store.h"
#include "unit.h"

#define NKEYS 40
#define VAL_MAX 600

static struct store_config config(os_vfs *vfs)
{
    struct store_config c;
    unit_store_config(&c, vfs, 128);
    return c;
}

/* The model: value of each key after each commit (key i holds a string
 * or nothing). */
struct model {
    char vals[NKEYS][VAL_MAX + 1];
    int present[NKEYS];
    long last;
};

static unsigned long long rng_state;
static unsigned rnd(unsigned n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state % n);
}

static void make_key(char *k, int i)
{
    sprintf(k, "key%03d", i);
}

/* Runs up to ntx transactions against an open store; states[i] gets the
 * model after commit i+1 (commit numbers start at 1); *durable gets the
 * last commit number whose durable commit returned success.  Stops at the
 * first error (the crash point). */
static int workload(store *s, store_db *db, uint32_t tree, int ntx, struct model *states,
                    long *durable, long *committed, int *in_commit)
{
    struct model m;
    int t, err = 0;

    memset(&m, 0, sizeof(m));
    *durable = *committed = 0;
    *in_commit = 0;
    for (t = 0; t < ntx; t++) {
        store_txn *tx;
        int nops = 1 + (int)rnd(5), op, abort_it = rnd(8) == 0, lazy = rnd(3) == 0;
        struct model next = m;
        char key[16], val[VAL_MAX + 1], last[32];

        if ((err = store_txn_begin(s, &tx))) return err;
        for (op = 0; op < nops && !err; op++) {
            int k = (int)rnd(NKEYS);
            make_key(key, k);
            if (next.present[k] && rnd(4) == 0) {
                err = store_txn_delete(tx, db, tree, key, (uint32_t)strlen(key));
                next.present[k] = 0;
            } else {
                int len = 1 + (int)rnd(VAL_MAX);
                memset(val, 'a' + (t % 26), (size_t)len);
                val[len] = 0;
                sprintf(val, "t%d", t);
                val[strlen(val)] = 'x';
                val[len] = 0;
                err = store_txn_put(tx, db, tree, key, (uint32_t)strlen(key), val, (uint32_t)len, BT_UPSERT);
                strcpy(next.vals[k], val);
                next.present[k] = 1;
            }
        }
        if (err) {
            store_txn_abort(tx);
            return err;
        }
        if (abort_it) {
            store_txn_abort(tx);
            continue;
        }
        next.last = *committed + 1;
        sprintf(last, "%ld", next.last);
        if ((err = store_txn_put(tx, db, tree, "last", 4, last, (uint32_t)strlen(last), BT_UPSERT))) {
            store_txn_abort(tx);
            return err;
        }
        states[next.last] = next;
        if ((err = store_txn_commit(tx, lazy ? STORE_COMMIT_LAZY : 0))) {
            /* Failed commits may or may not have happened. */
            *in_commit = 1;
            return err;
        }
        m = next;
        *committed = next.last;
        if (!lazy) *durable = next.last;
    }
    return 0;
}

/* Checks the recovered content against the model. */
static void check_content(store *s, store_db *db, uint32_t tree, struct model *states, long durable,
                          long committed, const char *what)
{
    char buf[VAL_MAX + 1], key[16];
    uint32_t vlen;
    long last = 0;
    struct bt_stats st;
    int err, k;

    store_read_begin(s);
    err = bt_get(store_db_pager(db), tree, "last", 4, buf, sizeof(buf) - 1, &vlen);
    if (err == 0) {
        buf[vlen] = 0;
        last = atol(buf);
    } else {
        ck_assert_msg(err == JET_errRecordNotFound, "%s: get last: %d", what, err);
    }
    ck_assert_msg(last >= durable, "%s: lost durable commit: last %ld < durable %ld", what, last, durable);
    ck_assert_msg(last <= committed, "%s: last %ld > committed %ld", what, last, committed);
    for (k = 0; k < NKEYS; k++) {
        make_key(key, k);
        err = bt_get(store_db_pager(db), tree, key, (uint32_t)strlen(key), buf, sizeof(buf) - 1, &vlen);
        if (!states[last].present[k]) {
            ck_assert_msg(err == JET_errRecordNotFound, "%s: key %d present after commit %ld", what, k, last);
        } else {
            ck_assert_msg(err == 0, "%s: key %d missing after commit %ld (%d)", what, k, last, err);
            buf[vlen] = 0;
            ck_assert_msg(!strcmp(buf, states[last].vals[k]), "%s: key %d differs after commit %ld", what, k, last);
        }
    }
    ck_assert_int_eq(bt_verify(store_db_pager(db), tree, &st), 0);
    store_read_end(s);
    {
        /* Space accounting: every page is in the catalog, the tree, the
         * free list or the header. */
        uint32_t roots[2];
        roots[0] = store_db_catalog(db);
        roots[1] = tree;
        ck_assert_msg(store_db_verify(s, db, roots, 2) == 0, "%s: space accounting", what);
    }
}

START_TEST(commit_close_reopen)
{
    os_vfs *vfs = os_memvfs_create();
    struct store_config c = config(vfs);
    static struct model states[400];
    store *s;
    store_db *db;
    uint32_t tree;
    long durable, committed;
    int in_commit;

    rng_state = unit_seed();
    ck_assert_int_eq(store_open(&c, &s), 0);
    ck_assert_int_eq(store_db_attach(s, "test.edb", STORE_DB_CREATE, &db), 0);
    ck_assert_uint_ne(store_db_catalog(db), 0);
    ck_assert_int_eq(store_tree_create(s, db, &tree), 0);
    ck_assert_int_eq(workload(s, db, tree, 300, states, &durable, &committed, &in_commit), 0);
    check_content(s, db, tree, states, committed, committed, "before close");
    ck_assert_int_eq(store_close(s), 0);

    ck_assert_int_eq(store_open(&c, &s), 0);
    ck_assert_int_eq(store_db_attach(s, "test.edb", 0, &db), 0);
    check_content(s, db, tree, states, committed, committed, "after reopen");
    ck_assert_int_eq(store_close(s), 0);
    os_memvfs_destroy(vfs);
}
END_TEST

START_TEST(insert_only_and_replace_only)
{
    os_vfs *vfs = os_memvfs_create();
    struct store_config c = config(vfs);
    store *s;
    store_db *db;
    store_txn *t;
    uint32_t tree, vlen;
    char buf[8];

    ck_assert_int_eq(store_open(&c, &s), 0);
    ck_assert_int_eq(store_db_attach(s, "a.edb", STORE_DB_CREATE, &db), 0);
    ck_assert_int_eq(store_tree_create(s, db, &tree), 0);
    ck_assert_int_eq(store_txn_begin(s, &t), 0);
    ck_assert_int_eq(store_txn_put(t, db, tree, "k", 1, "v1", 2, BT_INSERT_ONLY), 0);
    ck_assert_int_eq(store_txn_put(t, db, tree, "k", 1, "v2", 2, BT_INSERT_ONLY), JET_errKeyDuplicate);
    ck_assert_int_eq(store_txn_put(t, db, tree, "q", 1, "v2", 2, BT_REPLACE_ONLY), JET_errRecordNotFound);
    ck_assert_int_eq(store_txn_get(t, db, tree, "k", 1, buf, sizeof(buf), &vlen), 0);
    ck_assert_int_eq(vlen, 2);
    ck_assert_int_eq(store_txn_delete(t, db, tree, "k", 1), 0);
    ck_assert_int_eq(store_txn_delete(t, db, tree, "k", 1), JET_errRecordNotFound);
    ck_assert_int_eq(store_txn_get(t, db, tree, "k", 1, buf, sizeof(buf), &vlen), JET_errRecordNotFound);
    ck_assert_int_eq(store_txn_put(t, db, tree, "k", 1, "v3", 2, BT_INSERT_ONLY), 0);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    /* Aborted changes never reach the tree. */
    ck_assert_int_eq(store_txn_begin(s, &t), 0);
    ck_assert_int_eq(store_txn_put(t, db, tree, "z", 1, "zz", 2, BT_UPSERT), 0);
    store_txn_abort(t);
    store_read_begin(s);
    ck_assert_int_eq(bt_get(store_db_pager(db), tree, "z", 1, buf, sizeof(buf), &vlen), JET_errRecordNotFound);
    ck_assert_int_eq(bt_get(store_db_pager(db), tree, "k", 1, buf, sizeof(buf), &vlen), 0);
    ck_assert_int_eq(memcmp(buf, "v3", 2), 0);
    store_read_end(s);
    /* Sizes are refused before commit. */
    ck_assert_int_eq(store_txn_begin(s, &t), 0);
    {
        static char big[5000];
        ck_assert_int_eq(store_txn_put(t, db, tree, big, 2001, "v", 1, BT_UPSERT), JET_errKeyTooBig);
        ck_assert_int_eq(store_txn_put(t, db, tree, "k", 1, big, 4000, BT_UPSERT), JET_errRecordTooBig);
    }
    store_txn_abort(t);
    ck_assert_int_eq(store_close(s), 0);
    os_memvfs_destroy(vfs);
}
END_TEST

/* A transaction bigger than one log record is split into several records
 * and still commits, and is replayed, as one. */
START_TEST(transaction_spanning_records)
{
    os_vfs *vfs = os_memvfs_create();
    struct store_config c = config(vfs);
    store *s;
    store_db *db;
    store_txn *t;
    uint32_t tree, vlen;
    uint64_t count;
    char key[32], val[1500], buf[1500];
    int i;

    memset(val, 'v', sizeof(val));
    ck_assert_int_eq(store_open(&c, &s), 0);
    ck_assert_int_eq(store_db_attach(s, "big.edb", STORE_DB_CREATE, &db), 0);
    ck_assert_int_eq(store_tree_create(s, db, &tree), 0);
    ck_assert_int_eq(store_txn_begin(s, &t), 0);
    for (i = 0; i < 400; i++) { /* 600 KB: several 128 KB log records */
        snprintf(key, sizeof(key), "big%05d", i);
        ck_assert_int_eq(store_txn_put(t, db, tree, key, (uint32_t)strlen(key), val, sizeof(val), BT_UPSERT), 0);
    }
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    store_abandon(s); /* no checkpoint: the reopen replays the records */
    ck_assert_int_eq(store_open(&c, &s), 0);
    ck_assert_int_eq(store_db_attach(s, "big.edb", 0, &db), 0);
    store_read_begin(s);
    ck_assert_int_eq(bt_count(store_db_pager(db), tree, &count), 0);
    ck_assert_uint_eq(count, 400);
    ck_assert_int_eq(bt_get(store_db_pager(db), tree, "big00399", 8, buf, sizeof(buf), &vlen), 0);
    ck_assert_uint_eq(vlen, sizeof(val));
    store_read_end(s);
    ck_assert_int_eq(store_close(s), 0);
    os_memvfs_destroy(vfs);
}
END_TEST

/* One crash point: run, crash at io n, lose power, recover, check; then
 * crash again inside recovery at io m and recover once more.  Returns
 * whether the crash point was reached (else there was nothing to test). */
/* 1: the disk keeps names only once their folder is synced
 * (os_memvfs_names_need_sync), as POSIX file systems do. */
static int names_need_sync;

static os_vfs *crash_disk(void)
{
    os_vfs *vfs = os_memvfs_create();
    if (names_need_sync) os_memvfs_names_need_sync(vfs);
    return vfs;
}

static int crash_once(uint64_t n, uint64_t seed, uint64_t loss_seed, int crash_in_recovery)
{
    os_vfs *vfs = crash_disk();
    struct store_config c = config(vfs);
    static struct model states[200];
    store *s;
    store_db *db;
    uint32_t tree = 0;
    long durable = 0, committed = 0;
    char what[96];
    int err, in_commit = 0, reached;

    rng_state = seed;
    ck_assert_int_eq(store_open(&c, &s), 0);
    ck_assert_int_eq(store_db_attach(s, "crash.edb", STORE_DB_CREATE, &db), 0);
    ck_assert_int_eq(store_tree_create(s, db, &tree), 0);
    ck_assert_int_eq(store_flush(s), 0);
    os_memvfs_crash_at(vfs, n);
    err = workload(s, db, tree, 150, states, &durable, &committed, &in_commit);
    store_abandon(s);
    /* A failed write may surface later than the call that made it (a lazy
     * commit's log write): ask the disk whether the crash happened. */
    reached = os_memvfs_crashed(vfs);
    os_memvfs_power_loss(vfs, loss_seed);
    if (!reached) {
        /* The workload finished before the crash point: nothing to test. */
        os_memvfs_destroy(vfs);
        return 0;
    }
    if (crash_in_recovery) {
        uint64_t before = os_memvfs_writes(vfs) + os_memvfs_syncs(vfs);
        os_memvfs_crash_at(vfs, 1 + loss_seed % 40);
        if (store_open(&c, &s) == 0) {
            if (store_db_attach(s, "crash.edb", 0, &db) == 0) store_db_detach(s, db);
            store_abandon(s);
        }
        os_memvfs_power_loss(vfs, loss_seed + 1);
        (void)before;
    }
    snprintf(what, sizeof(what), "crash at io %llu seed %llu/%llu%s", (unsigned long long)n,
             (unsigned long long)seed, (unsigned long long)loss_seed,
             crash_in_recovery ? " (and in recovery)" : "");
    err = store_open(&c, &s);
    ck_assert_msg(err == 0, "%s: recovery failed: %d", what, err);
    err = store_db_attach(s, "crash.edb", 0, &db);
    ck_assert_msg(err == 0, "%s: attach failed: %d", what, err);
    check_content(s, db, tree, states, durable, committed + in_commit, what);
    ck_assert_int_eq(store_close(s), 0);
    os_memvfs_destroy(vfs);
    return 1;
}

/* The number of writes and syncs the workload makes with this seed. */
static uint64_t workload_ios(uint64_t seed)
{
    os_vfs *vfs = crash_disk();
    struct store_config c = config(vfs);
    static struct model states[200];
    store *s;
    store_db *db;
    uint32_t tree;
    long durable, committed;
    int in_commit;
    uint64_t before, total;

    rng_state = seed;
    ck_assert_int_eq(store_open(&c, &s), 0);
    ck_assert_int_eq(store_db_attach(s, "crash.edb", STORE_DB_CREATE, &db), 0);
    ck_assert_int_eq(store_tree_create(s, db, &tree), 0);
    ck_assert_int_eq(store_flush(s), 0);
    before = os_memvfs_writes(vfs) + os_memvfs_syncs(vfs);
    ck_assert_int_eq(workload(s, db, tree, 150, states, &durable, &committed, &in_commit), 0);
    total = os_memvfs_writes(vfs) + os_memvfs_syncs(vfs) - before;
    ck_assert_int_eq(store_close(s), 0);
    os_memvfs_destroy(vfs);
    return total;
}

/* Crashes the same workload at every one of its I/Os. */
static void sweep(int in_recovery, uint64_t stride)
{
    unsigned long long seed = unit_seed();
    uint64_t n, total = workload_ios(seed);
    int crashed = 0, points = 0;

    printf("store crash sweep%s: seed %llu, %llu I/Os\n", in_recovery ? " (and in recovery)" : "", seed,
           (unsigned long long)total);
    ck_assert_uint_gt(total, 50);
    for (n = 1; n <= total; n += stride, points++) crashed += crash_once(n, seed, seed * 31 + n, in_recovery);
    ck_assert_msg(crashed == points, "only %d of %d crash points reached", crashed, points);
}

START_TEST(crash_sweep)
{
    sweep(0, 1);
}
END_TEST

/* The same where created and renamed files need their folder synced: a
 * log generation, edb.chk or the database losing its name would lose
 * commits. */
START_TEST(crash_sweep_names_need_sync)
{
    names_need_sync = 1;
    sweep(0, 1);
    names_need_sync = 0;
}
END_TEST

START_TEST(crash_sweep_during_recovery)
{
    sweep(1, 3);
}
END_TEST

/* Disk full / EIO on one write: the commit (or checkpoint) fails cleanly;
 * after a restart everything durable is there. */
START_TEST(io_fault_then_restart)
{
    unsigned long long seed = unit_seed();
    const char *only = getenv("STORE_IO_FAULT_AT"); /* replay one fault point */
    uint64_t n;
    for (n = only ? strtoull(only, NULL, 0) : 1; n < 200; n += only ? 1000 : 3) {
        os_vfs *vfs = os_memvfs_create();
        struct store_config c = config(vfs);
        static struct model states[200];
        store *s;
        store_db *db;
        uint32_t tree;
        long durable = 0, committed = 0;
        int err, in_commit = 0;
        char what[64];

        rng_state = seed + n;
        ck_assert_int_eq(store_open(&c, &s), 0);
        ck_assert_int_eq(store_db_attach(s, "f.edb", STORE_DB_CREATE, &db), 0);
        ck_assert_int_eq(store_tree_create(s, db, &tree), 0);
        ck_assert_int_eq(store_flush(s), 0); /* the tree is durable */
        os_memvfs_fail_at(vfs, n, (n & 1) ? OS_ENOSPC : OS_EIO);
        err = workload(s, db, tree, 120, states, &durable, &committed, &in_commit);
        /* Whatever happened, closing must not crash; then restart.  A
         * failure, if the write was reached, shows in err or at close. */
        err |= store_close(s);
        (void)err;
        snprintf(what, sizeof(what), "io fault at write %llu seed %llu", (unsigned long long)n,
                 (unsigned long long)(seed + n));
        /* The fault clears (if the workload never reached it, it is
         * disarmed); then a restart must work and find everything. */
        os_memvfs_fail_at(vfs, 0, 0);
        err = store_open(&c, &s);
        ck_assert_msg(err == 0, "%s: restart failed: %d", what, err);
        err = store_db_attach(s, "f.edb", 0, &db);
        ck_assert_msg(err == 0, "%s: attach after restart failed: %d", what, err);
        check_content(s, db, tree, states, durable, committed + in_commit, what);
        err = store_close(s);
        ck_assert_msg(err == 0, "%s: close after restart: %d", what, err);
        os_memvfs_destroy(vfs);
    }
}
END_TEST

/* Several threads committing (durable and lazy) while others read. */
struct mt_ctx {
    store *s;
    store_db *db;
    uint32_t tree;
    int id, errors;
    volatile int *stop;
};

static void mt_writer(void *arg)
{
    struct mt_ctx *c = arg;
    int i;
    for (i = 0; i < 150; i++) {
        store_txn *t;
        char key[32], val[64];
        snprintf(key, sizeof(key), "w%d-%04d", c->id, i);
        snprintf(val, sizeof(val), "value %d of writer %d", i, c->id);
        if (store_txn_begin(c->s, &t) ||
            store_txn_put(t, c->db, c->tree, key, (uint32_t)strlen(key), val, (uint32_t)strlen(val), BT_INSERT_ONLY)) {
            c->errors++;
            continue;
        }
        if (store_txn_commit(t, (i & 1) ? STORE_COMMIT_LAZY : 0)) c->errors++;
    }
}

static void mt_reader(void *arg)
{
    struct mt_ctx *c = arg;
    unsigned long long x = (unsigned long long)c->id * 7919 + 1;
    while (!__atomic_load_n(c->stop, __ATOMIC_RELAXED)) {
        char key[32], buf[64];
        uint32_t vlen;
        int err;
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        snprintf(key, sizeof(key), "w%d-%04d", (int)((x >> 33) % 4), (int)((x >> 40) % 150));
        store_read_begin(c->s);
        err = bt_get(store_db_pager(c->db), c->tree, key, (uint32_t)strlen(key), buf, sizeof(buf), &vlen);
        store_read_end(c->s);
        if (err && err != JET_errRecordNotFound) c->errors++;
    }
}

START_TEST(threads_commit_and_read)
{
    os_vfs *vfs = os_memvfs_create();
    struct store_config c = config(vfs);
    struct mt_ctx ctx[6];
    os_thread *th[6];
    volatile int stop = 0;
    store *s;
    store_db *db;
    uint32_t tree;
    uint64_t count;
    struct bt_stats st;
    int i;

    ck_assert_int_eq(store_open(&c, &s), 0);
    ck_assert_int_eq(store_db_attach(s, "mt.edb", STORE_DB_CREATE, &db), 0);
    ck_assert_int_eq(store_tree_create(s, db, &tree), 0);
    for (i = 0; i < 6; i++) {
        ctx[i].s = s;
        ctx[i].db = db;
        ctx[i].tree = tree;
        ctx[i].id = i;
        ctx[i].errors = 0;
        ctx[i].stop = &stop;
        ck_assert_int_eq(os_thread_start(&th[i], i < 4 ? mt_writer : mt_reader, &ctx[i]), 0);
    }
    for (i = 0; i < 4; i++) os_thread_join(th[i]);
    __atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
    for (i = 4; i < 6; i++) os_thread_join(th[i]);
    for (i = 0; i < 6; i++) ck_assert_int_eq(ctx[i].errors, 0);
    store_read_begin(s);
    ck_assert_int_eq(bt_count(store_db_pager(db), tree, &count), 0);
    ck_assert_uint_eq(count, 4 * 150);
    ck_assert_int_eq(bt_verify(store_db_pager(db), tree, &st), 0);
    store_read_end(s);
    ck_assert_int_eq(store_close(s), 0);
    /* And all of it after a restart. */
    ck_assert_int_eq(store_open(&c, &s), 0);
    ck_assert_int_eq(store_db_attach(s, "mt.edb", 0, &db), 0);
    store_read_begin(s);
    ck_assert_int_eq(bt_count(store_db_pager(db), tree, &count), 0);
    ck_assert_uint_eq(count, 4 * 150);
    store_read_end(s);
    ck_assert_int_eq(store_close(s), 0);
    os_memvfs_destroy(vfs);
}
END_TEST

Suite *store_suite(void)
{
    Suite *s = suite_create("store");
    TCase *tc = tcase_create("basic");
    tcase_add_test(tc, commit_close_reopen);
    tcase_add_test(tc, insert_only_and_replace_only);
    tcase_add_test(tc, threads_commit_and_read);
    tcase_add_test(tc, transaction_spanning_records);
    suite_add_tcase(s, tc);
    tc = tcase_create("crash");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, crash_sweep);
    tcase_add_test(tc, crash_sweep_during_recovery);
    tcase_add_test(tc, crash_sweep_names_need_sync);
    tcase_add_test(tc, io_fault_then_restart);
    suite_add_tcase(s, tc);
    return s;
}
