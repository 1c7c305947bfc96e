/*
 * test_store_escrow.c - escrow updates of the store (store_txn_escrow,
 * engine/store/store_escrow.c) on a whole store over the in-memory VFS:
 * concurrent escrowers that all commit, the "stored" old value, conflicts
 * with writers both ways, snapshot reads and cursors with the own deltas,
 * savepoint rollback, NoRollback, 8-byte counters, and recovery replaying
 * an escrow commit after a crash, and threads counting on one record.
 *
 * Values are 12 bytes: "hdr:" then a little-endian int32 at offset 4 and
 * an int32 at offset 8 (two counters in one record).
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "btree.h"
#include "esent.h"
#include "os_memvfs.h"
#include "store.h"
#include "unit.h"

struct fixture {
    os_vfs *vfs;
    struct store_config cfg;
    store *s;
    store_db *db;
    uint32_t tree;
};

static void fx_open(struct fixture *f)
{
    f->vfs = os_memvfs_create();
    unit_store_config(&f->cfg, f->vfs, 256);
    REQUIRE_EQ(store_open(&f->cfg, &f->s), 0);
    REQUIRE_EQ(store_db_attach(f->s, "e.edb", STORE_DB_CREATE, &f->db), 0);
    REQUIRE_EQ(store_tree_create(f->s, f->db, &f->tree), 0);
}

static void fx_close(struct fixture *f)
{
    REQUIRE_EQ(store_open_txns(f->s), 0);
    REQUIRE_EQ(store_version_bytes(f->s), 0);
    REQUIRE_EQ(store_close(f->s), 0);
    os_memvfs_destroy(f->vfs);
}

static store_txn *begin(struct fixture *f)
{
    store_txn *t;
    REQUIRE_EQ(store_txn_begin(f->s, &t), 0);
    return t;
}

static void put_rec(struct fixture *f, const char *k, int32_t a, int32_t b)
{
    uint8_t v[12] = { 'h', 'd', 'r', ':' };
    store_txn *t = begin(f);
    memcpy(v + 4, &a, 4);
    memcpy(v + 8, &b, 4);
    REQUIRE_EQ(store_txn_put(t, f->db, f->tree, k, (uint32_t)strlen(k), v, sizeof(v), BT_UPSERT), 0);
    REQUIRE_EQ(store_txn_commit(t, STORE_COMMIT_LAZY), 0);
}

static int esc(struct fixture *f, store_txn *t, const char *k, uint32_t off, int64_t d, int64_t *old)
{
    return store_txn_escrow(t, f->db, f->tree, k, (uint32_t)strlen(k), off, 4, d, 0, old);
}

/* The counter at off as t sees it (t NULL: the latest committed value). */
static int32_t get(struct fixture *f, store_txn *t, const char *k, uint32_t off)
{
    uint8_t v[12];
    uint32_t n;
    int32_t x;
    if (t) {
        REQUIRE_EQ(store_txn_get(t, f->db, f->tree, k, (uint32_t)strlen(k), v, sizeof(v), &n), 0);
    } else {
        store_read_begin(f->s);
        REQUIRE_EQ(bt_get(store_db_pager(f->db), f->tree, k, (uint32_t)strlen(k), v, sizeof(v), &n), 0);
        store_read_end(f->s);
    }
    REQUIRE_EQ(n, 12);
    memcpy(&x, v + off, 4);
    return x;
}

/* The documented two-session example of JetEscrowUpdate, at store level. */
START_TEST(concurrent_escrowers)
{
    struct fixture f;
    store_txn *a, *b;
    int64_t old;

    fx_open(&f);
    put_rec(&f, "r", 0, 100);
    a = begin(&f);
    ck_assert_int_eq(esc(&f, a, "r", 4, 4, &old), 0);
    ck_assert_int_eq(old, 0);
    ck_assert_int_eq(get(&f, a, "r", 4), 4);
    b = begin(&f);
    ck_assert_int_eq(get(&f, b, "r", 4), 0);
    ck_assert_int_eq(esc(&f, b, "r", 4, 3, &old), 0);
    ck_assert_int_eq(old, 4); /* the stored value: a's pending delta counts */
    ck_assert_int_eq(get(&f, b, "r", 4), 3);
    ck_assert_int_eq(esc(&f, a, "r", 4, 2, &old), 0);
    ck_assert_int_eq(old, 7);
    ck_assert_int_eq(esc(&f, a, "r", 4, -7, &old), 0);
    ck_assert_int_eq(old, 9);
    ck_assert_int_eq(get(&f, b, "r", 4), 3);
    ck_assert_int_eq(get(&f, a, "r", 4), -1);
    ck_assert_int_eq(get(&f, a, "r", 8), 100); /* the other counter untouched */
    ck_assert_int_eq(esc(&f, b, "r", 8, 1, &old), 0);
    ck_assert_int_eq(old, 100);
    ck_assert_int_eq(store_txn_commit(a, STORE_COMMIT_LAZY), 0);
    ck_assert_int_eq(get(&f, NULL, "r", 4), -1);
    ck_assert_int_eq(get(&f, b, "r", 4), 3); /* b's snapshot + its delta */
    ck_assert_int_eq(esc(&f, b, "r", 4, 10, &old), 0);
    ck_assert_int_eq(old, 2); /* committed -1 + b's pending 3 */
    ck_assert_int_eq(store_txn_commit(b, STORE_COMMIT_LAZY), 0);
    ck_assert_int_eq(get(&f, NULL, "r", 4), 12);
    ck_assert_int_eq(get(&f, NULL, "r", 8), 101);
    fx_close(&f);
}
END_TEST

START_TEST(conflicts_with_writers)
{
    struct fixture f;
    store_txn *a, *b;
    uint8_t v[12] = { 0 };

    fx_open(&f);
    put_rec(&f, "r", 5, 0);
    /* escrow first, then another's put, delete or lock */
    a = begin(&f);
    b = begin(&f);
    ck_assert_int_eq(esc(&f, a, "r", 4, 1, NULL), 0);
    ck_assert_int_eq(store_txn_put(b, f.db, f.tree, "r", 1, v, sizeof(v), BT_UPSERT), JET_errWriteConflict);
    ck_assert_int_eq(store_txn_delete(b, f.db, f.tree, "r", 1), JET_errWriteConflict);
    ck_assert_int_eq(store_txn_lock(b, f.db, f.tree, "r", 1, 0), JET_errWriteConflict);
    /* a itself may leave escrow for a write while nobody else escrows */
    ck_assert_int_eq(store_txn_lock(a, f.db, f.tree, "r", 1, 1), 0);
    store_txn_abort(a);
    store_txn_abort(b);
    /* a writer first, then another's escrow */
    a = begin(&f);
    b = begin(&f);
    ck_assert_int_eq(store_txn_lock(a, f.db, f.tree, "r", 1, 0), 0);
    ck_assert_int_eq(esc(&f, b, "r", 4, 1, NULL), JET_errWriteConflict);
    store_txn_abort(a);
    store_txn_abort(b);
    /* two escrowers: neither may then write */
    a = begin(&f);
    b = begin(&f);
    ck_assert_int_eq(esc(&f, a, "r", 4, 1, NULL), 0);
    ck_assert_int_eq(esc(&f, b, "r", 4, 1, NULL), 0);
    ck_assert_int_eq(store_txn_lock(a, f.db, f.tree, "r", 1, 1), JET_errWriteConflict);
    ck_assert_int_eq(store_txn_commit(b, STORE_COMMIT_LAZY), 0);
    /* b committed a delta a cannot see: a may not write the record now */
    ck_assert_int_eq(store_txn_lock(a, f.db, f.tree, "r", 1, 1), JET_errWriteConflict);
    ck_assert_int_eq(store_txn_commit(a, STORE_COMMIT_LAZY), 0);
    ck_assert_int_eq(get(&f, NULL, "r", 4), 7);
    /* commits after the snapshot: escrow-only ones commute, a replace
     * conflicts */
    a = begin(&f);
    b = begin(&f);
    ck_assert_int_eq(esc(&f, b, "r", 4, 1, NULL), 0);
    ck_assert_int_eq(store_txn_commit(b, STORE_COMMIT_LAZY), 0);
    ck_assert_int_eq(esc(&f, a, "r", 8, 1, NULL), 0);
    ck_assert_int_eq(store_txn_commit(a, STORE_COMMIT_LAZY), 0);
    ck_assert_int_eq(get(&f, NULL, "r", 4), 8);
    ck_assert_int_eq(get(&f, NULL, "r", 8), 1);
    a = begin(&f);
    b = begin(&f);
    ck_assert_int_eq(store_txn_put(b, f.db, f.tree, "r", 1, v, sizeof(v), BT_UPSERT), 0);
    ck_assert_int_eq(store_txn_commit(b, STORE_COMMIT_LAZY), 0);
    ck_assert_int_eq(esc(&f, a, "r", 4, 1, NULL), JET_errWriteConflict);
    store_txn_abort(a);
    put_rec(&f, "r", 7, 0);
    /* a record deleted by a commit after the snapshot, or never there */
    a = begin(&f);
    b = begin(&f);
    ck_assert_int_eq(store_txn_delete(b, f.db, f.tree, "r", 1), 0);
    ck_assert_int_eq(store_txn_commit(b, STORE_COMMIT_LAZY), 0);
    ck_assert_int_eq(esc(&f, a, "r", 4, 1, NULL), JET_errWriteConflict);
    ck_assert_int_eq(esc(&f, a, "none", 4, 1, NULL), JET_errRecordNotFound);
    store_txn_abort(a);
    fx_close(&f);
}
END_TEST

START_TEST(bad_arguments)
{
    struct fixture f;
    store_txn *a;

    fx_open(&f);
    put_rec(&f, "r", 0, 0);
    a = begin(&f);
    ck_assert_int_eq(esc(&f, a, "r", 9, 1, NULL), JET_errInvalidParameter); /* past the value */
    ck_assert_int_eq(store_txn_escrow(a, f.db, f.tree, "r", 1, 4, 2, 1, 0, NULL), JET_errInvalidParameter);
    ck_assert_int_eq(store_txn_delete(a, f.db, f.tree, "r", 1), 0);
    ck_assert_int_eq(esc(&f, a, "r", 4, 1, NULL), JET_errRecordNotFound);
    store_txn_abort(a);
    fx_close(&f);
}
END_TEST

/* Own inserts take the delta into the put; own puts after an escrow keep
 * what they read. */
START_TEST(own_put_and_cursor)
{
    struct fixture f;
    store_txn *a;
    store_cursor *c;
    uint8_t v[12] = { 'h', 'd', 'r', ':', 1, 0, 0, 0, 2, 0, 0, 0 };
    const uint8_t *k, *val;
    uint32_t kl, vl;
    int32_t x;
    int64_t old;

    fx_open(&f);
    put_rec(&f, "a", 10, 0);
    put_rec(&f, "c", 20, 0);
    a = begin(&f);
    ck_assert_int_eq(store_txn_put(a, f.db, f.tree, "b", 1, v, sizeof(v), BT_INSERT_ONLY), 0);
    ck_assert_int_eq(esc(&f, a, "b", 4, 5, &old), 0);
    ck_assert_int_eq(old, 1);
    ck_assert_int_eq(esc(&f, a, "c", 4, -5, &old), 0);
    ck_assert_int_eq(old, 20);
    ck_assert_int_eq(store_cursor_open(f.s, f.db, f.tree, &c), 0);
    ck_assert_int_eq(store_cursor_first(c, a), 0);
    ck_assert_int_eq(store_cursor_next(c, a), 0);
    ck_assert_int_eq(store_cursor_get(c, &k, &kl, &val, &vl), 0);
    memcpy(&x, val + 4, 4);
    ck_assert_int_eq(x, 6);
    ck_assert_int_eq(store_cursor_next(c, a), 0);
    ck_assert_int_eq(store_cursor_get(c, &k, &kl, &val, &vl), 0);
    ck_assert_int_eq(k[0], 'c');
    memcpy(&x, val + 4, 4);
    ck_assert_int_eq(x, 15);
    ck_assert_int_eq(store_cursor_prev(c, NULL), 0); /* no transaction: committed */
    ck_assert_int_eq(store_cursor_get(c, &k, &kl, &val, &vl), 0);
    ck_assert_int_eq(k[0], 'a');
    ck_assert_int_eq(store_cursor_seek(c, NULL, "c", 1, BT_SEEK_GE, NULL), 0);
    ck_assert_int_eq(store_cursor_get(c, &k, &kl, &val, &vl), 0);
    memcpy(&x, val + 4, 4);
    ck_assert_int_eq(x, 20);
    store_cursor_close(c);
    /* a replace of "c" by a itself subsumes the delta it read */
    ck_assert_int_eq(store_txn_put(a, f.db, f.tree, "c", 1, v, sizeof(v), BT_REPLACE_ONLY), 0);
    ck_assert_int_eq(store_txn_commit(a, STORE_COMMIT_LAZY), 0);
    ck_assert_int_eq(get(&f, NULL, "b", 4), 6);
    ck_assert_int_eq(get(&f, NULL, "c", 4), 1);
    fx_close(&f);
}
END_TEST

START_TEST(savepoints_and_no_rollback)
{
    struct fixture f;
    store_txn *a, *b;
    int64_t old;

    fx_open(&f);
    put_rec(&f, "r", 0, 0);
    a = begin(&f);
    ck_assert_int_eq(esc(&f, a, "r", 4, 1, NULL), 0);
    ck_assert_int_eq(store_txn_savepoint(a), 0);
    ck_assert_int_eq(esc(&f, a, "r", 4, 10, NULL), 0);
    ck_assert_int_eq(store_txn_escrow(a, f.db, f.tree, "r", 1, 8, 4, 100, STORE_ESCROW_NO_ROLLBACK, NULL), 0);
    ck_assert_int_eq(get(&f, a, "r", 4), 11);
    ck_assert_int_eq(get(&f, a, "r", 8), 100);
    store_txn_savepoint_rollback(a);
    ck_assert_int_eq(get(&f, a, "r", 4), 1);
    ck_assert_int_eq(get(&f, a, "r", 8), 100); /* kept */
    /* the stored value others see lost the rolled-back delta */
    b = begin(&f);
    ck_assert_int_eq(esc(&f, b, "r", 4, 0, &old), 0);
    ck_assert_int_eq(old, 1);
    store_txn_abort(b);
    ck_assert_int_eq(store_txn_escrow(a, f.db, f.tree, "r", 1, 8, 4, 1000, STORE_ESCROW_NO_ROLLBACK, NULL), 0);
    store_txn_abort(a); /* the NoRollback deltas commit on their own */
    ck_assert_int_eq(get(&f, NULL, "r", 4), 0);
    ck_assert_int_eq(get(&f, NULL, "r", 8), 1100);
    fx_close(&f);
}
END_TEST

START_TEST(eight_bytes)
{
    struct fixture f;
    store_txn *a;
    uint8_t v[8] = { 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0 }, buf[8];
    uint32_t n;
    int64_t old, x;

    fx_open(&f);
    a = begin(&f);
    ck_assert_int_eq(store_txn_put(a, f.db, f.tree, "w", 1, v, sizeof(v), BT_UPSERT), 0);
    ck_assert_int_eq(store_txn_commit(a, STORE_COMMIT_LAZY), 0);
    a = begin(&f);
    ck_assert_int_eq(store_txn_escrow(a, f.db, f.tree, "w", 1, 0, 8, 1, 0, &old), 0);
    ck_assert_int_eq(old, 0xffffffffll); /* carries into the high half */
    ck_assert_int_eq(store_txn_commit(a, STORE_COMMIT_LAZY), 0);
    a = begin(&f);
    ck_assert_int_eq(store_txn_get(a, f.db, f.tree, "w", 1, buf, sizeof(buf), &n), 0);
    memcpy(&x, buf, 8);
    ck_assert_int_eq(x, 0x100000000ll);
    store_txn_abort(a);
    fx_close(&f);
}
END_TEST

/* An escrow commit is logged as an ordinary put: a crash before any
 * checkpoint replays it. */
START_TEST(recovery_replays)
{
    struct fixture f;
    store_txn *a, *b;

    fx_open(&f);
    put_rec(&f, "r", 40, 0);
    REQUIRE_EQ(store_checkpoint(f.s), 0);
    a = begin(&f);
    b = begin(&f);
    ck_assert_int_eq(esc(&f, a, "r", 4, 2, NULL), 0);
    ck_assert_int_eq(esc(&f, b, "r", 4, -50, NULL), 0);
    ck_assert_int_eq(store_txn_commit(a, 0), 0);
    ck_assert_int_eq(store_txn_commit(b, 0), 0);
    store_abandon(f.s);
    REQUIRE_EQ(store_open(&f.cfg, &f.s), 0);
    REQUIRE_EQ(store_db_attach(f.s, "e.edb", 0, &f.db), 0);
    ck_assert_int_eq(get(&f, NULL, "r", 4), -8);
    fx_close(&f);
}
END_TEST

/* Threads counting on one record in transactions of a few escrow updates
 * each, committing or aborting: the committed value is the sum of the
 * committed deltas, and no escrow ever conflicts with another. */
#define NTHREADS 4
#define NROUNDS 300

struct worker {
    struct fixture *f;
    int id;
    int64_t committed;
    int failures;
};

static unsigned next_rand(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 16;
}

static void *work(void *arg)
{
    struct worker *w = arg;
    unsigned seed = 1234u + (unsigned)w->id;
    int i, j;

    for (i = 0; i < NROUNDS; i++) {
        store_txn *t;
        int64_t sum = 0;
        if (store_txn_begin(w->f->s, &t)) {
            w->failures++;
            continue;
        }
        for (j = 0; j < 3; j++) {
            int64_t d = (int64_t)(next_rand(&seed) % 21) - 10;
            if (store_txn_escrow(t, w->f->db, w->f->tree, "r", 1, 4, 4, d, 0, NULL)) w->failures++;
            else sum += d;
        }
        if (next_rand(&seed) % 4 == 0) {
            store_txn_abort(t);
        } else if (store_txn_commit(t, STORE_COMMIT_LAZY)) {
            w->failures++;
        } else {
            w->committed += sum;
        }
    }
    return NULL;
}

START_TEST(threads)
{
    struct fixture f;
    struct worker w[NTHREADS];
    pthread_t th[NTHREADS];
    int64_t total = 0;
    int i;

    fx_open(&f);
    put_rec(&f, "r", 0, 0);
    for (i = 0; i < NTHREADS; i++) {
        w[i].f = &f;
        w[i].id = i;
        w[i].committed = 0;
        w[i].failures = 0;
        ck_assert_int_eq(pthread_create(&th[i], NULL, work, &w[i]), 0);
    }
    for (i = 0; i < NTHREADS; i++) {
        pthread_join(th[i], NULL);
        ck_assert_int_eq(w[i].failures, 0);
        total += w[i].committed;
    }
    ck_assert_int_eq(get(&f, NULL, "r", 4), (int32_t)total);
    fx_close(&f);
}
END_TEST

Suite *store_escrow_suite(void)
{
    Suite *s = suite_create("store_escrow");
    TCase *tc = tcase_create("escrow");
    tcase_add_test(tc, concurrent_escrowers);
    tcase_add_test(tc, conflicts_with_writers);
    tcase_add_test(tc, bad_arguments);
    tcase_add_test(tc, own_put_and_cursor);
    tcase_add_test(tc, savepoints_and_no_rollback);
    tcase_add_test(tc, eight_bytes);
    tcase_add_test(tc, recovery_replays);
    tcase_add_test(tc, threads);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return s;
}
