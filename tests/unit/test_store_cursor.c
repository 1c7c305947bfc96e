/*
 * test_store_cursor.c - the write set's order, savepoints and store
 * cursors (engine/store/store_wset.c, store_savepoint.c, store_cursor.c)
 * on a whole store over the in-memory VFS.
 *
 * The random test runs puts, deletes, savepoints (push, release,
 * rollback), commits, aborts, commits of a second transaction, and cursor
 * moves (seeks in the four directions, first, last, next, prev, with and
 * without the transaction) against a model, checking every result, the
 * cursor's copies and the write set's byte count as it goes, and the
 * committed content after each commit and after close and recovery.
 *
 * The model: a universe of keys chosen to stress the order (the empty key,
 * keys that are prefixes of each other, keys equal in their first 8 bytes,
 * 0x00 and 0xff bytes), sorted once, so that a key is its index and key
 * order is index order.  Per tree it holds the committed state of each key
 * and the transaction's overlay (none, put, delete); a value is named by a
 * unique version and a length, and its bytes are computed from them.
 * Savepoints are copies of the overlay.  A cursor is modelled as its
 * state, its key index and the value it copied.
 *
 * The other tests are the edge cases one by one: an empty tree, an empty
 * write set, a write set alone, deleting the entry under the cursor, gaps
 * after failed seeks, a NULL transaction, prefix keys, a commit by another
 * transaction between two calls, and savepoints' byte accounting and what
 * a commit after a rollback writes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "btree.h"
#include "esent.h"
#include "os_memvfs.h"
#include "store.h"
#include "unit.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* ---- the store ---------------------------------------------------------- */

struct fixture {
    os_vfs *vfs;
    struct store_config cfg;
    store *s;
    store_db *db;
    uint32_t trees[2];
};

static void fx_open(struct fixture *f)
{
    f->vfs = os_memvfs_create();
    unit_store_config(&f->cfg, f->vfs, 128);
    REQUIRE_EQ(store_open(&f->cfg, &f->s), 0);
    REQUIRE_EQ(store_db_attach(f->s, "c.edb", STORE_DB_CREATE, &f->db), 0);
    REQUIRE_EQ(store_tree_create(f->s, f->db, &f->trees[0]), 0);
    REQUIRE_EQ(store_tree_create(f->s, f->db, &f->trees[1]), 0);
}

/* Reopens the store: abandon 1 drops it as a crash would (recovery). */
static void fx_reopen(struct fixture *f, int abandon)
{
    if (abandon)
        store_abandon(f->s);
    else
        REQUIRE_EQ(store_close(f->s), 0);
    REQUIRE_EQ(store_open(&f->cfg, &f->s), 0);
    REQUIRE_EQ(store_db_attach(f->s, "c.edb", 0, &f->db), 0);
}

static void fx_close(struct fixture *f)
{
    uint32_t roots[3] = { store_db_catalog(f->db), f->trees[0], f->trees[1] };
    REQUIRE_EQ(store_db_verify(f->s, f->db, roots, 3), 0);
    REQUIRE_EQ(store_close(f->s), 0);
    os_memvfs_destroy(f->vfs);
}

static int put(store_txn *t, struct fixture *f, int tree, const char *k, const char *v)
{
    return store_txn_put(t, f->db, f->trees[tree], k, (uint32_t)strlen(k), v, (uint32_t)strlen(v),
                         BT_UPSERT);
}

static int del(store_txn *t, struct fixture *f, int tree, const char *k)
{
    return store_txn_delete(t, f->db, f->trees[tree], k, (uint32_t)strlen(k));
}

/* Commits puts of "k=v" pairs (v "" deletes) in their own transaction. */
static void commit_pairs(struct fixture *f, int tree, const char *const *kv, int n)
{
    store_txn *t;
    int i;
    REQUIRE_EQ(store_txn_begin(f->s, &t), 0);
    for (i = 0; i < n; i += 2)
        REQUIRE_EQ(*kv[i + 1] ? put(t, f, tree, kv[i], kv[i + 1]) : del(t, f, tree, kv[i]), 0);
    REQUIRE_EQ(store_txn_commit(t, STORE_COMMIT_LAZY), 0);
}

/* The cursor is on key k with value v (v NULL: not on an entry). */
static void expect_at(store_cursor *c, const char *k, const char *v)
{
    const uint8_t *key, *val;
    uint32_t klen, vlen;
    int r = store_cursor_get(c, &key, &klen, &val, &vlen);
    if (!v) {
        ck_assert_int_eq(r, JET_errNoCurrentRecord);
        return;
    }
    ck_assert_int_eq(r, 0);
    ck_assert_msg(klen == strlen(k) && !memcmp(key, k, klen), "key %.*s, expected %s", (int)klen,
                  (const char *)key, k);
    ck_assert_msg(vlen == strlen(v) && !memcmp(val, v, vlen), "value %.*s, expected %s", (int)vlen,
                  (const char *)val, v);
}

/* Walks the whole view forwards and backwards: it must be exactly the
 * "k=v" pairs of want (in order). */
static void expect_scan(store_cursor *c, store_txn *t, const char *const *want, int n)
{
    int i, r;
    for (i = 0, r = store_cursor_first(c, t); i < n; i += 2, r = store_cursor_next(c, t)) {
        ck_assert_int_eq(r, 0);
        expect_at(c, want[i], want[i + 1]);
    }
    ck_assert_int_eq(r, JET_errNoCurrentRecord);
    expect_at(c, NULL, NULL);
    for (i = n - 2, r = store_cursor_last(c, t); i >= 0; i -= 2, r = store_cursor_prev(c, t)) {
        ck_assert_int_eq(r, 0);
        expect_at(c, want[i], want[i + 1]);
    }
    ck_assert_int_eq(r, JET_errNoCurrentRecord);
}

static int seek(store_cursor *c, store_txn *t, const char *k, int dir, int *exact)
{
    return store_cursor_seek(c, t, k, (uint32_t)strlen(k), dir, exact);
}

/* ---- edge cases ------------------------------------------------------------ */

START_TEST(empty_tree)
{
    struct fixture f;
    store_cursor *c;
    store_txn *t;
    int dir, exact = 1;

    fx_open(&f);
    REQUIRE_EQ(store_txn_begin(f.s, &t), 0);
    ck_assert_int_eq(store_cursor_open(f.s, f.db, f.trees[0], &c), 0);
    expect_at(c, NULL, NULL);
    ck_assert_int_eq(store_cursor_seek(c, t, "", 0, BT_SEEK_LE, &exact), JET_errRecordNotFound);
    ck_assert_int_eq(store_cursor_prev(c, t), JET_errNoCurrentRecord);
    ck_assert_int_eq(store_cursor_next(c, t), JET_errNoCurrentRecord);
    ck_assert_int_eq(store_cursor_next(c, NULL), JET_errNoCurrentRecord);
    ck_assert_int_eq(store_cursor_first(c, NULL), JET_errNoCurrentRecord);
    ck_assert_int_eq(store_cursor_last(c, t), JET_errNoCurrentRecord);
    ck_assert_int_eq(store_cursor_prev(c, t), JET_errNoCurrentRecord);
    for (dir = BT_SEEK_GE; dir <= BT_SEEK_LT; dir++) {
        ck_assert_int_eq(store_cursor_seek(c, t, "k", 1, dir, &exact), JET_errRecordNotFound);
        ck_assert_int_eq(exact, 0);
        expect_at(c, NULL, NULL);
        ck_assert_int_eq(store_cursor_next(c, t), JET_errNoCurrentRecord);
        ck_assert_int_eq(store_cursor_seek(c, NULL, "", 0, dir, NULL), JET_errRecordNotFound);
        ck_assert_int_eq(store_cursor_prev(c, t), JET_errNoCurrentRecord);
    }
    ck_assert_int_eq(store_cursor_seek(c, t, "k", 1, 0, NULL), JET_errInvalidParameter);
    /* Other trees' entries stay out. */
    ck_assert_int_eq(put(t, &f, 1, "k", "v"), 0);
    ck_assert_int_eq(store_cursor_first(c, t), JET_errNoCurrentRecord);
    ck_assert_int_eq(seek(c, t, "k", BT_SEEK_LE, NULL), JET_errRecordNotFound);
    store_cursor_close(c);
    store_txn_abort(t);
    fx_close(&f);
}
END_TEST

/* Committed entries only: an empty transaction and NULL read the same. */
START_TEST(empty_write_set)
{
    static const char *const kv[] = { "a", "1", "b", "2", "c", "3" };
    struct fixture f;
    store_cursor *c;
    store_txn *t;
    int exact;

    fx_open(&f);
    commit_pairs(&f, 0, kv, 6);
    REQUIRE_EQ(store_txn_begin(f.s, &t), 0);
    ck_assert_int_eq(store_cursor_open(f.s, f.db, f.trees[0], &c), 0);
    expect_scan(c, t, kv, 6);
    expect_scan(c, NULL, kv, 6);
    ck_assert_int_eq(seek(c, t, "bb", BT_SEEK_GE, &exact), 0);
    ck_assert_int_eq(exact, 0);
    expect_at(c, "c", "3");
    ck_assert_int_eq(seek(c, t, "b", BT_SEEK_LE, &exact), 0);
    ck_assert_int_eq(exact, 1);
    expect_at(c, "b", "2");
    ck_assert_int_eq(store_cursor_prev(c, t), 0);
    expect_at(c, "a", "1");
    ck_assert_int_eq(store_cursor_next(c, t), 0);
    ck_assert_int_eq(store_cursor_next(c, t), 0);
    expect_at(c, "c", "3");
    ck_assert_int_eq(store_cursor_next(c, t), JET_errNoCurrentRecord);
    ck_assert_int_eq(store_cursor_next(c, t), JET_errNoCurrentRecord);
    ck_assert_int_eq(store_cursor_prev(c, t), 0);
    expect_at(c, "c", "3");
    store_cursor_close(c);
    store_txn_abort(t);
    fx_close(&f);
}
END_TEST

/* Nothing committed: the write set alone, and NULL sees nothing. */
START_TEST(write_set_only)
{
    static const char *const kv[] = { "a", "1", "m", "2", "z", "3" };
    struct fixture f;
    store_cursor *c;
    store_txn *t;

    fx_open(&f);
    REQUIRE_EQ(store_txn_begin(f.s, &t), 0);
    ck_assert_int_eq(put(t, &f, 0, "z", "3"), 0);
    ck_assert_int_eq(put(t, &f, 0, "a", "1"), 0);
    ck_assert_int_eq(put(t, &f, 0, "m", "x"), 0);
    ck_assert_int_eq(put(t, &f, 0, "m", "2"), 0);
    ck_assert_int_eq(put(t, &f, 0, "q", "gone"), 0);
    ck_assert_int_eq(del(t, &f, 0, "q"), 0);
    ck_assert_int_eq(put(t, &f, 1, "b", "other tree"), 0);
    ck_assert_int_eq(store_cursor_open(f.s, f.db, f.trees[0], &c), 0);
    expect_scan(c, t, kv, 6);
    ck_assert_int_eq(store_cursor_first(c, NULL), JET_errNoCurrentRecord);
    ck_assert_int_eq(seek(c, t, "q", BT_SEEK_GE, NULL), 0);
    expect_at(c, "z", "3");
    ck_assert_int_eq(seek(c, t, "q", BT_SEEK_LT, NULL), 0);
    expect_at(c, "m", "2");
    /* The same cursor continues into the next transaction after commit. */
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    ck_assert_int_eq(store_cursor_next(c, NULL), 0);
    expect_at(c, "z", "3");
    expect_scan(c, NULL, kv, 6);
    store_cursor_close(c);
    fx_close(&f);
}
END_TEST

/* The entry under the cursor is deleted (by the transaction, by a commit):
 * the cursor keeps its copies and moves on from its key. */
START_TEST(delete_current)
{
    static const char *const kv[] = { "a", "1", "b", "2", "c", "3", "d", "4" };
    static const char *const del_c[] = { "c", "" };
    struct fixture f;
    store_cursor *c;
    store_txn *t;

    fx_open(&f);
    commit_pairs(&f, 0, kv, 8);
    REQUIRE_EQ(store_txn_begin(f.s, &t), 0);
    ck_assert_int_eq(store_cursor_open(f.s, f.db, f.trees[0], &c), 0);

    ck_assert_int_eq(seek(c, t, "b", BT_SEEK_GE, NULL), 0);
    ck_assert_int_eq(del(t, &f, 0, "b"), 0);
    expect_at(c, "b", "2");
    ck_assert_int_eq(store_cursor_next(c, t), 0);
    expect_at(c, "c", "3");
    ck_assert_int_eq(store_cursor_prev(c, t), 0);
    expect_at(c, "a", "1"); /* "b" is hidden now */
    ck_assert_int_eq(store_cursor_next(c, t), 0);
    expect_at(c, "c", "3");
    /* Deleted by the transaction, then prev. */
    ck_assert_int_eq(del(t, &f, 0, "c"), 0);
    ck_assert_int_eq(store_cursor_prev(c, t), 0);
    expect_at(c, "a", "1");
    /* Without the transaction both are back. */
    ck_assert_int_eq(store_cursor_next(c, NULL), 0);
    expect_at(c, "b", "2");
    store_txn_abort(t);

    /* Deleted by a commit while the cursor is on it. */
    ck_assert_int_eq(seek(c, NULL, "c", BT_SEEK_LE, NULL), 0);
    expect_at(c, "c", "3");
    commit_pairs(&f, 0, del_c, 2);
    expect_at(c, "c", "3");
    ck_assert_int_eq(store_cursor_next(c, NULL), 0);
    expect_at(c, "d", "4");
    ck_assert_int_eq(store_cursor_prev(c, NULL), 0);
    expect_at(c, "b", "2");
    store_cursor_close(c);
    fx_close(&f);
}
END_TEST

/* A seek that finds nothing leaves the cursor at a gap at the sought key. */
START_TEST(gaps)
{
    static const char *const kv[] = { "b", "1", "d", "2" };
    struct fixture f;
    store_cursor *c;
    store_txn *t;

    fx_open(&f);
    commit_pairs(&f, 0, kv, 4);
    REQUIRE_EQ(store_txn_begin(f.s, &t), 0);
    ck_assert_int_eq(put(t, &f, 0, "f", "3"), 0);
    ck_assert_int_eq(store_cursor_open(f.s, f.db, f.trees[0], &c), 0);

    ck_assert_int_eq(seek(c, t, "g", BT_SEEK_GE, NULL), JET_errRecordNotFound);
    expect_at(c, NULL, NULL);
    ck_assert_int_eq(store_cursor_prev(c, t), 0);
    expect_at(c, "f", "3");
    ck_assert_int_eq(seek(c, t, "f", BT_SEEK_GT, NULL), JET_errRecordNotFound);
    ck_assert_int_eq(store_cursor_next(c, t), JET_errNoCurrentRecord);
    ck_assert_int_eq(store_cursor_prev(c, t), 0); /* now after-last */
    expect_at(c, "f", "3");
    ck_assert_int_eq(seek(c, t, "a", BT_SEEK_LE, NULL), JET_errRecordNotFound);
    ck_assert_int_eq(store_cursor_next(c, t), 0);
    expect_at(c, "b", "1");
    ck_assert_int_eq(seek(c, t, "b", BT_SEEK_LT, NULL), JET_errRecordNotFound);
    ck_assert_int_eq(store_cursor_prev(c, t), JET_errNoCurrentRecord);
    ck_assert_int_eq(store_cursor_next(c, t), 0);
    expect_at(c, "b", "1");
    /* Through the transaction's write set only ("f" needs t). */
    ck_assert_int_eq(seek(c, NULL, "e", BT_SEEK_GE, NULL), JET_errRecordNotFound);
    ck_assert_int_eq(store_cursor_next(c, t), 0);
    expect_at(c, "f", "3");
    ck_assert_int_eq(seek(c, t, "e", BT_SEEK_GE, NULL), 0);
    expect_at(c, "f", "3");
    /* A gap whose key became an entry since: next goes past it. */
    ck_assert_int_eq(seek(c, t, "zz", BT_SEEK_GE, NULL), JET_errRecordNotFound);
    ck_assert_int_eq(put(t, &f, 0, "zz", "4"), 0);
    ck_assert_int_eq(store_cursor_next(c, t), JET_errNoCurrentRecord);
    ck_assert_int_eq(seek(c, t, "zzz", BT_SEEK_GE, NULL), JET_errRecordNotFound);
    ck_assert_int_eq(store_cursor_prev(c, t), 0);
    expect_at(c, "zz", "4");
    store_cursor_close(c);
    store_txn_abort(t);
    fx_close(&f);
}
END_TEST

/* Keys that are prefixes of each other, with 0x00 and 0xff bytes, and
 * keys equal in their first 8 bytes, some committed, some in the write set
 * (the empty key included). */
START_TEST(prefix_keys)
{
    static const struct {
        const char *k;
        uint32_t klen;
        int ws;
    } keys[] = {
        { "", 0, 1 },
        { "\0", 1, 0 },
        { "\0\0", 2, 1 },
        { "a", 1, 0 },
        { "a\0", 2, 1 },
        { "a\0\0", 3, 0 },
        { "ab", 2, 1 },
        { "abcdefg", 7, 0 },
        { "abcdefgh", 8, 1 },
        { "abcdefgh\0", 9, 0 },
        { "abcdefgh\0\0", 10, 1 },
        { "abcdefgha", 9, 1 },
        { "abcdefgh\xff", 9, 0 },
        { "abcdefgi", 8, 1 },
        { "b", 1, 0 },
        { "\xff", 1, 1 },
        { "\xff\xff\xff\xff\xff\xff\xff\xff\xff", 9, 0 },
    };
    enum { N = sizeof(keys) / sizeof(keys[0]) };
    struct fixture f;
    store_cursor *c;
    store_txn *t, *t0;
    const uint8_t *k, *v;
    uint32_t kl, vl;
    int i, j, exact, pass;

    fx_open(&f);
    REQUIRE_EQ(store_txn_begin(f.s, &t0), 0);
    for (i = N - 1; i >= 0; i--) {
        char val = (char)('A' + i);
        if (!keys[i].ws)
            REQUIRE_EQ(store_txn_put(t0, f.db, f.trees[0], keys[i].k, keys[i].klen, &val, 1, BT_INSERT_ONLY), 0);
    }
    REQUIRE_EQ(store_txn_commit(t0, 0), 0);
    REQUIRE_EQ(store_txn_begin(f.s, &t), 0); /* its snapshot holds t0's commit */
    for (i = N - 1; i >= 0; i--) {
        char val = (char)('A' + i);
        if (keys[i].ws)
            REQUIRE_EQ(store_txn_put(t, f.db, f.trees[0], keys[i].k, keys[i].klen, &val, 1, BT_INSERT_ONLY), 0);
    }
    ck_assert_int_eq(store_cursor_open(f.s, f.db, f.trees[0], &c), 0);
    for (pass = 0; pass < 2; pass++) { /* the merge, then all committed */
        for (i = 0, j = store_cursor_first(c, t); i < N; i++, j = store_cursor_next(c, t)) {
            ck_assert_int_eq(j, 0);
            ck_assert_int_eq(store_cursor_get(c, &k, &kl, &v, &vl), 0);
            ck_assert_int_eq(kl, keys[i].klen);
            ck_assert_int_eq(memcmp(k, keys[i].k, kl), 0);
            ck_assert_int_eq(v[0], 'A' + i);
        }
        ck_assert_int_eq(j, JET_errNoCurrentRecord);
        for (i = 0; i < N; i++) {
            ck_assert_int_eq(store_cursor_seek(c, t, keys[i].k, keys[i].klen, BT_SEEK_LT, &exact),
                             (i ? 0 : JET_errRecordNotFound));
            if (i) {
                ck_assert_int_eq(store_cursor_get(c, &k, &kl, &v, &vl), 0);
                ck_assert_int_eq(v[0], 'A' + i - 1);
                ck_assert_int_eq(exact, 0);
            }
            /* From the entry below, or from the gap at the empty key. */
            ck_assert_int_eq(store_cursor_next(c, t), 0);
            ck_assert_int_eq(store_cursor_get(c, &k, &kl, &v, &vl), 0);
            ck_assert_int_eq(v[0], 'A' + (i ? i : 1));
            ck_assert_int_eq(store_cursor_seek(c, t, keys[i].k, keys[i].klen, BT_SEEK_LE, &exact), 0);
            ck_assert_int_eq(exact, 1);
            ck_assert_int_eq(store_cursor_seek(c, t, keys[i].k, keys[i].klen, BT_SEEK_GT, &exact),
                             (i < N - 1 ? 0 : JET_errRecordNotFound));
            if (i < N - 1) {
                ck_assert_int_eq(store_cursor_get(c, &k, &kl, &v, &vl), 0);
                ck_assert_int_eq(v[0], 'A' + i + 1);
            }
        }
        if (!pass) {
            REQUIRE_EQ(store_txn_commit(t, 0), 0);
            t = NULL;
        }
    }
    store_cursor_close(c);
    fx_close(&f);
}
END_TEST

/* Other transactions commit between two calls of a cursor that merges a
 * write set: the cursor keeps showing its transaction's snapshot (the
 * version store's before-images merged in), and without a transaction the
 * latest state.  Formerly: another transaction commits between two calls of a cursor that merges a
 * write set: inserts and deletes near the cursor's key are seen. */
START_TEST(commit_between_calls)
{
    static const char *const kv[] = { "b", "1", "d", "2", "f", "3", "h", "4" };
    static const char *const ins_e[] = { "e", "5" };
    static const char *const del_f[] = { "f", "" };
    static const char *const ins_a_del_b[] = { "a", "6", "b", "" };
    struct fixture f;
    store_cursor *c;
    store_txn *t;

    fx_open(&f);
    commit_pairs(&f, 0, kv, 8);
    REQUIRE_EQ(store_txn_begin(f.s, &t), 0);
    ck_assert_int_eq(put(t, &f, 0, "c", "w"), 0);
    ck_assert_int_eq(put(t, &f, 0, "g", "w"), 0);
    ck_assert_int_eq(store_cursor_open(f.s, f.db, f.trees[0], &c), 0);
    ck_assert_int_eq(seek(c, t, "c", BT_SEEK_GE, NULL), 0);
    expect_at(c, "c", "w");      /* from the write set: the bt side is ahead */
    commit_pairs(&f, 0, ins_e, 2);
    ck_assert_int_eq(store_cursor_next(c, t), 0);
    expect_at(c, "d", "2");
    ck_assert_int_eq(store_cursor_next(c, t), 0);
    expect_at(c, "f", "3");      /* e came after the snapshot */
    commit_pairs(&f, 0, del_f, 2);
    ck_assert_int_eq(store_cursor_next(c, t), 0);
    expect_at(c, "g", "w");
    ck_assert_int_eq(store_cursor_prev(c, t), 0);
    expect_at(c, "f", "3");      /* deleted after the snapshot: still there */
    ck_assert_int_eq(store_cursor_next(c, t), 0);
    ck_assert_int_eq(store_cursor_next(c, t), 0);
    expect_at(c, "h", "4");
    /* Backwards from a write-set entry, with a commit in between. */
    ck_assert_int_eq(seek(c, t, "c", BT_SEEK_LE, NULL), 0);
    expect_at(c, "c", "w");
    commit_pairs(&f, 0, ins_a_del_b, 4);
    ck_assert_int_eq(store_cursor_prev(c, t), 0);
    expect_at(c, "b", "1");
    ck_assert_int_eq(store_cursor_prev(c, t), JET_errNoCurrentRecord); /* a is newer */
    ck_assert_int_eq(store_cursor_next(c, t), 0);
    expect_at(c, "b", "1");
    ck_assert_int_eq(store_cursor_next(c, t), 0);
    expect_at(c, "c", "w");
    /* Another commit replaces a value: the snapshot keeps the old one;
     * the latest state (no transaction) shows every commit. */
    {
        static const char *const set_d[] = { "d", "committed" };
        static const char *const want[] = { "b", "1", "c", "w", "d", "2", "f", "3", "g", "w", "h", "4" };
        static const char *const latest[] = { "a", "6", "d", "committed", "e", "5", "h", "4" };
        commit_pairs(&f, 0, set_d, 2);
        expect_scan(c, t, want, 12);
        expect_scan(c, NULL, latest, 8);
        /* A key the transaction wrote is locked. */
        {
            store_txn *t2;
            REQUIRE_EQ(store_txn_begin(f.s, &t2), 0);
            ck_assert_int_eq(put(t2, &f, 0, "c", "x"), JET_errWriteConflict);
            ck_assert_int_eq(put(t2, &f, 0, "b", "x"), 0);
            store_txn_abort(t2);
        }
        /* And one a commit changed after the snapshot conflicts. */
        ck_assert_int_eq(put(t, &f, 0, "d", "x"), JET_errWriteConflict);
        ck_assert_int_eq(del(t, &f, 0, "a"), JET_errWriteConflict);
    }
    store_cursor_close(c);
    store_txn_abort(t);
    fx_close(&f);
}
END_TEST

/* ---- savepoints -------------------------------------------------------------- */

static void expect_value(struct fixture *f, store_txn *t, const char *k, const char *v)
{
    char buf[64];
    uint32_t vlen;
    int r = t ? store_txn_get(t, f->db, f->trees[0], k, (uint32_t)strlen(k), buf, sizeof(buf), &vlen)
              : bt_get(store_db_pager(f->db), f->trees[0], k, (uint32_t)strlen(k), buf, sizeof(buf),
                       &vlen);
    if (!v) {
        ck_assert_msg(r == JET_errRecordNotFound, "%s: %d, expected no value", k, r);
        return;
    }
    ck_assert_msg(r == 0, "%s: %d", k, r);
    ck_assert_msg(vlen == strlen(v) && !memcmp(buf, v, vlen), "%s = %.*s, expected %s", k, (int)vlen,
                  buf, v);
}

/* The committed content of tree 0, read fresh. */
static void expect_committed(struct fixture *f, const char *const *kv, int n)
{
    store_cursor *c;
    int i;
    store_read_begin(f->s);
    for (i = 0; i < n; i += 2) expect_value(f, NULL, kv[i], *kv[i + 1] ? kv[i + 1] : NULL);
    store_read_end(f->s);
    ck_assert_int_eq(store_cursor_open(f->s, f->db, f->trees[0], &c), 0);
    {
        const char *present[32];
        int m = 0;
        for (i = 0; i < n; i += 2)
            if (*kv[i + 1]) {
                present[m++] = kv[i];
                present[m++] = kv[i + 1];
            }
        expect_scan(c, NULL, present, m);
    }
    store_cursor_close(c);
}

START_TEST(savepoint_bytes_and_commit)
{
    static const char *const base[] = { "a", "1", "b", "2", "c", "3" };
    /* What tree 0 must hold after the transaction below commits ("" = no
     * entry), in key order. */
    static const char *const after[] = { "a", "A2", "b", "", "c", "3", "d", "D1", "e", "", "f", "" };
    struct fixture f;
    store_txn *t;
    uint64_t b0, b1, b2;
    int pass;

    fx_open(&f);
    commit_pairs(&f, 0, base, 6);
    REQUIRE_EQ(store_txn_begin(f.s, &t), 0);
    /* No savepoint: release and rollback do nothing. */
    store_txn_savepoint_release(t);
    store_txn_savepoint_rollback(t);
    ck_assert_uint_eq(store_txn_savepoints(t), 0);

    ck_assert_int_eq(put(t, &f, 0, "a", "A1"), 0);
    ck_assert_int_eq(put(t, &f, 0, "d", "D1"), 0);
    b0 = store_txn_size(t);
    ck_assert_uint_eq(b0, 1 + 2 + 1 + 2);

    /* Level 1: changes, then a nested level 2 with more changes, rolled
     * back, then level 1 rolled back: each returns exactly. */
    ck_assert_int_eq(store_txn_savepoint(t), 0);
    ck_assert_int_eq(put(t, &f, 0, "a", "A-level1-long"), 0);
    ck_assert_int_eq(del(t, &f, 0, "d"), 0);
    ck_assert_int_eq(put(t, &f, 0, "e", "E1"), 0);
    ck_assert_int_eq(del(t, &f, 0, "b"), 0);
    b1 = store_txn_size(t);
    ck_assert_int_eq(store_txn_savepoint(t), 0);
    ck_assert_uint_eq(store_txn_savepoints(t), 2);
    ck_assert_int_eq(put(t, &f, 0, "e", "E2-longer"), 0);
    ck_assert_int_eq(del(t, &f, 0, "e"), 0);
    ck_assert_int_eq(put(t, &f, 0, "f", "F2"), 0);
    ck_assert_int_eq(put(t, &f, 0, "b", "B2"), 0);
    ck_assert_int_eq(put(t, &f, 0, "d", "D2"), 0);
    ck_assert_uint_ne(store_txn_size(t), b1);
    store_txn_savepoint_rollback(t);
    ck_assert_uint_eq(store_txn_savepoints(t), 1);
    ck_assert_uint_eq(store_txn_size(t), b1);
    expect_value(&f, t, "e", "E1");
    expect_value(&f, t, "f", NULL);
    expect_value(&f, t, "b", NULL);
    expect_value(&f, t, "d", NULL);
    store_txn_savepoint_rollback(t);
    ck_assert_uint_eq(store_txn_savepoints(t), 0);
    ck_assert_uint_eq(store_txn_size(t), b0);
    expect_value(&f, t, "a", "A1");
    expect_value(&f, t, "b", "2");
    expect_value(&f, t, "d", "D1");
    expect_value(&f, t, "e", NULL);

    /* Release: level 2's changes join level 1, whose rollback undoes them
     * too; a last release keeps everything. */
    ck_assert_int_eq(store_txn_savepoint(t), 0);
    ck_assert_int_eq(store_txn_savepoint(t), 0);
    ck_assert_int_eq(put(t, &f, 0, "f", "F3"), 0);
    ck_assert_int_eq(del(t, &f, 0, "c"), 0);
    store_txn_savepoint_release(t);
    ck_assert_int_eq(put(t, &f, 0, "f", "F4"), 0);
    store_txn_savepoint_rollback(t);
    ck_assert_uint_eq(store_txn_size(t), b0);
    expect_value(&f, t, "f", NULL);
    expect_value(&f, t, "c", "3");
    ck_assert_int_eq(store_txn_savepoint(t), 0);
    ck_assert_int_eq(put(t, &f, 0, "a", "A2"), 0);
    ck_assert_int_eq(del(t, &f, 0, "b"), 0);
    b2 = store_txn_size(t);
    store_txn_savepoint_release(t);
    ck_assert_uint_eq(store_txn_size(t), b2);
    ck_assert_uint_eq(store_txn_savepoints(t), 0);
    store_txn_savepoint_rollback(t); /* nothing left to roll back */
    ck_assert_uint_eq(store_txn_size(t), b2);
    /* A savepoint left open at commit commits with the rest. */
    ck_assert_int_eq(store_txn_savepoint(t), 0);
    ck_assert_int_eq(put(t, &f, 0, "e", "E5"), 0);
    store_txn_savepoint_rollback(t);
    ck_assert_int_eq(store_txn_savepoint(t), 0);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);

    expect_committed(&f, after, 12);
    for (pass = 0; pass < 2; pass++) {
        fx_reopen(&f, !pass); /* recovery from the log, then a clean reopen */
        expect_committed(&f, after, 12);
    }
    fx_close(&f);
}
END_TEST

/* A transaction abandoned with savepoints and undo records frees them (ASan
 * checks), and a savepoint over many entries rolls back to none. */
START_TEST(savepoint_many)
{
    struct fixture f;
    store_txn *t;
    store_cursor *c;
    char k[16], v[32];
    int i;

    fx_open(&f);
    REQUIRE_EQ(store_txn_begin(f.s, &t), 0);
    ck_assert_int_eq(store_txn_savepoint(t), 0);
    for (i = 0; i < 5000; i++) {
        snprintf(k, sizeof(k), "k%05d", (i * 7919) % 5000);
        snprintf(v, sizeof(v), "v%d", i);
        REQUIRE_EQ(put(t, &f, i & 1, k, v), 0);
    }
    store_txn_savepoint_rollback(t);
    ck_assert_uint_eq(store_txn_size(t), 0);
    ck_assert_int_eq(store_cursor_open(f.s, f.db, f.trees[0], &c), 0);
    ck_assert_int_eq(store_cursor_first(c, t), JET_errNoCurrentRecord);
    for (i = 0; i < 100; i++) {
        snprintf(k, sizeof(k), "k%05d", i);
        REQUIRE_EQ(put(t, &f, 0, k, "x"), 0);
        REQUIRE_EQ(store_txn_savepoint(t), 0);
        REQUIRE_EQ(put(t, &f, 0, k, "y"), 0);
    }
    ck_assert_uint_eq(store_txn_savepoints(t), 100);
    ck_assert_int_eq(store_cursor_last(c, t), 0);
    expect_at(c, "k00099", "y");
    store_cursor_close(c);
    store_txn_abort(t);
    fx_close(&f);
}
END_TEST

/* ---- the random test ----------------------------------------------------------- */

#define MAX_KEYS 160
#define MAX_VAL 1200
#define MAX_SAVE 8

static unsigned long long rng;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)((rng >> 11) % n);
}

struct ukey {
    uint8_t b[12];
    uint32_t len;
};
static struct ukey uni[MAX_KEYS];
static int nuni;

static int ukey_cmp(const void *a, const void *b)
{
    const struct ukey *x = a, *y = b;
    uint32_t n = x->len < y->len ? x->len : y->len;
    int c = n ? memcmp(x->b, y->b, n) : 0;
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

static void add_key(const void *b, uint32_t len)
{
    int i;
    for (i = 0; i < nuni; i++)
        if (uni[i].len == len && !memcmp(uni[i].b, b, len)) return;
    REQUIRE(nuni < MAX_KEYS && len <= sizeof(uni[0].b));
    memcpy(uni[nuni].b, b, len);
    uni[nuni++].len = len;
}

/* Every string of length 0..4 over {0x00, 'a', 0xff}, keys sharing their
 * first 8 bytes and differing after, and a few more. */
static void make_universe(void)
{
    static const uint8_t alpha[3] = { 0x00, 'a', 0xff };
    uint8_t b[12];
    int len, i, j;

    nuni = 0;
    for (len = 0; len <= 4; len++) {
        int count = 1;
        for (i = 0; i < len; i++) count *= 3;
        for (i = 0; i < count; i++) {
            int x = i;
            for (j = 0; j < len; j++, x /= 3) b[j] = alpha[x % 3];
            add_key(b, (uint32_t)len);
        }
    }
    add_key("abcdefg", 7);
    add_key("abcdefgh", 8);
    add_key("abcdefgh\0", 9);
    add_key("abcdefgh\0\0", 10);
    add_key("abcdefgha", 9);
    add_key("abcdefghab", 10);
    add_key("abcdefgh\xff", 9);
    add_key("abcdefgi", 8);
    add_key("\0\0\0\0\0\0\0\0", 8);
    add_key("\0\0\0\0\0\0\0\0\0", 9);
    add_key("\xff\xff\xff\xff\xff\xff\xff\xff\xff", 9);
    add_key("m", 1);
    add_key("mm", 2);
    qsort(uni, (size_t)nuni, sizeof(uni[0]), ukey_cmp);
}

/* A value: unique version, length; kind in overlays (0 none, 1 put, 2 delete). */
struct mval {
    int kind;
    uint32_t ver, len;
};

struct model {
    struct mval committed[2][MAX_KEYS]; /* kind 1: present */
    struct mval snap[2][MAX_KEYS];      /* committed when the transaction began */
    char changed[2][MAX_KEYS];          /* committed by another since then */
    char locked[2][MAX_KEYS];           /* the transaction holds its lock */
    struct mval ov[2][MAX_KEYS];
    struct mval saved[MAX_SAVE][2][MAX_KEYS];
    uint64_t saved_bytes[MAX_SAVE];
    int nsaved;
    uint32_t next_ver;
};

static void val_bytes(uint8_t *out, uint32_t ver, uint32_t len)
{
    uint32_t i;
    for (i = 0; i < len; i++) out[i] = (uint8_t)(ver * 131u + i * 7u + (i >> 8));
}

/* What the view (txn overlay over its snapshot, or the latest committed
 * state) holds at key k. */
static const struct mval *visible(const struct model *m, int tree, int k, int use_txn)
{
    static const struct mval none;
    const struct mval *o = &m->ov[tree][k];
    if (use_txn && o->kind) return o->kind == 1 ? o : &none;
    if (use_txn) return m->snap[tree][k].kind ? &m->snap[tree][k] : &none;
    return m->committed[tree][k].kind ? &m->committed[tree][k] : &none;
}

/* The transaction began: its snapshot is the committed state. */
static void model_begin(struct model *m)
{
    memcpy(m->snap, m->committed, sizeof(m->snap));
    memset(m->changed, 0, sizeof(m->changed));
    memset(m->locked, 0, sizeof(m->locked));
}

static uint64_t model_bytes(const struct model *m)
{
    uint64_t b = 0;
    int t, k;
    for (t = 0; t < 2; t++)
        for (k = 0; k < nuni; k++)
            if (m->ov[t][k].kind) b += uni[k].len + (m->ov[t][k].kind == 1 ? m->ov[t][k].len : 0);
    return b;
}

enum { M_BEFORE, M_AFTER, M_ON, M_GAP };
struct mcursor {
    int state, k;
    struct mval v; /* ON: the copy */
};

/* The first visible key from k on in direction dir (k itself if incl), or -1. */
static int find(const struct model *m, int tree, int k, int dir, int incl, int use_txn)
{
    int i = incl ? k : k + dir;
    for (; i >= 0 && i < nuni; i += dir)
        if (visible(m, tree, i, use_txn)->kind) return i;
    return -1;
}

/* Lands the model cursor (k -1: ran off, to end state `end`). */
static int mc_land(const struct model *m, struct mcursor *mc, int tree, int k, int use_txn, int end)
{
    if (k < 0) {
        mc->state = end;
        return JET_errNoCurrentRecord;
    }
    mc->state = M_ON;
    mc->k = k;
    mc->v = *visible(m, tree, k, use_txn);
    return 0;
}

static void check_cursor(store_cursor *c, const struct mcursor *mc)
{
    const uint8_t *k, *v;
    uint32_t kl, vl;
    static uint8_t want[MAX_VAL];
    int r = store_cursor_get(c, &k, &kl, &v, &vl);

    if (mc->state != M_ON) {
        REQUIRE_EQ(r, JET_errNoCurrentRecord);
        return;
    }
    REQUIRE_EQ(r, 0);
    REQUIRE_EQ(kl, uni[mc->k].len);
    REQUIRE(!kl || !memcmp(k, uni[mc->k].b, kl));
    REQUIRE_EQ(vl, mc->v.len);
    val_bytes(want, mc->v.ver, mc->v.len);
    REQUIRE(!vl || !memcmp(v, want, vl));
}

/* One random cursor call on cursor c over tree, checked against mc. */
static void cursor_op(const struct model *m, store_cursor *c, struct mcursor *mc, int tree,
                      store_txn *t)
{
    int use = t != NULL, op = (int)rnd(10), r, want, exact = -1, k, dir, found;

    switch (op) {
    case 0:
        r = store_cursor_first(c, t);
        want = mc_land(m, mc, tree, find(m, tree, 0, 1, 1, use), use, M_BEFORE);
        break;
    case 1:
        r = store_cursor_last(c, t);
        want = mc_land(m, mc, tree, find(m, tree, nuni - 1, -1, 1, use), use, M_AFTER);
        break;
    case 2:
    case 3:
    case 4:
    case 5:
        dir = op == 2 || op == 3 ? 1 : -1;
        r = dir > 0 ? store_cursor_next(c, t) : store_cursor_prev(c, t);
        if (mc->state == (dir > 0 ? M_AFTER : M_BEFORE)) {
            want = JET_errNoCurrentRecord;
        } else if (mc->state == (dir > 0 ? M_BEFORE : M_AFTER)) {
            /* first / last: on an empty view the cursor stays where it is,
             * as bt_next / bt_prev do. */
            want = mc_land(m, mc, tree, find(m, tree, dir > 0 ? 0 : nuni - 1, dir, 1, use), use,
                           mc->state);
        } else {
            want = mc_land(m, mc, tree, find(m, tree, mc->k, dir, 0, use), use,
                           dir > 0 ? M_AFTER : M_BEFORE);
        }
        break;
    default:
        k = (int)rnd((unsigned)nuni);
        dir = BT_SEEK_GE + (int)rnd(4);
        r = store_cursor_seek(c, t, uni[k].b, uni[k].len, dir, &exact);
        switch (dir) {
        case BT_SEEK_GE: found = find(m, tree, k, 1, 1, use); break;
        case BT_SEEK_GT: found = find(m, tree, k, 1, 0, use); break;
        case BT_SEEK_LE: found = find(m, tree, k, -1, 1, use); break;
        default: found = find(m, tree, k, -1, 0, use); break;
        }
        if (found < 0) {
            mc->state = M_GAP;
            mc->k = k;
            want = JET_errRecordNotFound;
            REQUIRE_EQ(exact, 0);
        } else {
            want = mc_land(m, mc, tree, found, use, 0);
            if (!r) REQUIRE_EQ(exact, found == k);
        }
        break;
    }
    if (r != want) ck_abort_msg("cursor op %d: %d, expected %d", op, r, want);
    check_cursor(c, mc);
}

/* The committed trees hold exactly the model's committed state. */
static void check_committed(struct fixture *f, const struct model *m)
{
    static uint8_t buf[MAX_VAL], want[MAX_VAL];
    uint32_t vlen;
    int t, k, r;

    store_read_begin(f->s);
    for (t = 0; t < 2; t++) {
        for (k = 0; k < nuni; k++) {
            const struct mval *v = &m->committed[t][k];
            r = bt_get(store_db_pager(f->db), f->trees[t], uni[k].b, uni[k].len, buf, sizeof(buf), &vlen);
            if (!v->kind) {
                REQUIRE_EQ(r, JET_errRecordNotFound);
                continue;
            }
            REQUIRE_EQ(r, 0);
            REQUIRE_EQ(vlen, v->len);
            val_bytes(want, v->ver, v->len);
            REQUIRE(!vlen || !memcmp(buf, want, vlen));
        }
    }
    store_read_end(f->s);
}

/* A put or delete in tree of transaction t whose overlay is ov (the
 * model's own, main 1, or a second transaction's, begun just now: it
 * conflicts with the main one's locks, and the main one with what the
 * second committed after its snapshot). */
static void write_op(struct fixture *f, struct model *m, store_txn *t, struct mval (*ov)[MAX_KEYS],
                     int tree, int main)
{
    static uint8_t val[MAX_VAL];
    int k = (int)rnd((unsigned)nuni), r, want, exists, conflict;
    const struct mval *o = &ov[tree][k];
    const struct mval *base = main ? m->snap[tree] : m->committed[tree];

    exists = o->kind ? o->kind == 1 : base[k].kind != 0;
    conflict = main ? m->changed[tree][k] && !m->locked[tree][k] : m->locked[tree][k];
    if (main && !conflict) m->locked[tree][k] = 1;
    if (rnd(3) == 0) {
        r = store_txn_delete(t, f->db, f->trees[tree], uni[k].b, uni[k].len);
        want = conflict ? JET_errWriteConflict : exists ? 0 : JET_errRecordNotFound;
        REQUIRE_EQ(r, want);
        if (!r) ov[tree][k].kind = 2;
    } else {
        unsigned mode = rnd(4) == 0 ? 1 + rnd(2) : BT_UPSERT;
        struct mval v;
        v.kind = 1;
        v.ver = m->next_ver++;
        v.len = rnd(4) ? rnd(64) : rnd(MAX_VAL + 1);
        val_bytes(val, v.ver, v.len);
        r = store_txn_put(t, f->db, f->trees[tree], uni[k].b, uni[k].len, val, v.len, mode);
        want = conflict ? JET_errWriteConflict
             : mode == BT_INSERT_ONLY && exists ? JET_errKeyDuplicate
             : mode == BT_REPLACE_ONLY && !exists ? JET_errRecordNotFound : 0;
        REQUIRE_EQ(r, want);
        if (!r) ov[tree][k] = v;
    }
}

static void apply_overlay(struct model *m, struct mval (*ov)[MAX_KEYS])
{
    int t, k;
    for (t = 0; t < 2; t++)
        for (k = 0; k < nuni; k++) {
            if (ov[t][k].kind == 1) m->committed[t][k] = ov[t][k];
            if (ov[t][k].kind == 2) m->committed[t][k].kind = 0;
        }
}

START_TEST(random_against_model)
{
    static struct model m;
    static struct mval ov2[2][MAX_KEYS];
    struct fixture f;
    store_cursor *cur[2];
    struct mcursor mc[2];
    store_txn *t;
    unsigned long long seed = unit_seed();
    int i, n = UNDER_ASAN ? 50000 : 200000, tree, commits = 0;

    printf("store_cursor random_against_model: UNIT_SEED=%llu\n", seed);
    rng = seed * 2654435761u + 12345;
    if (!rng) rng = 1;
    make_universe();
    memset(&m, 0, sizeof(m));
    memset(mc, 0, sizeof(mc));
    fx_open(&f);
    REQUIRE_EQ(store_cursor_open(f.s, f.db, f.trees[0], &cur[0]), 0);
    REQUIRE_EQ(store_cursor_open(f.s, f.db, f.trees[1], &cur[1]), 0);
    REQUIRE_EQ(store_txn_begin(f.s, &t), 0);
    model_begin(&m);

    for (i = 0; i < n; i++) {
        unsigned op = rnd(100);
        tree = rnd(4) == 0; /* tree 1 less often: its entries interleave */
        if (op < 30) {
            write_op(&f, &m, t, m.ov, tree, 1);
        } else if (op < 34) {
            if (m.nsaved < MAX_SAVE) {
                REQUIRE_EQ(store_txn_savepoint(t), 0);
                memcpy(m.saved[m.nsaved], m.ov, sizeof(m.ov));
                m.saved_bytes[m.nsaved++] = model_bytes(&m);
            }
        } else if (op < 36) {
            store_txn_savepoint_release(t);
            if (m.nsaved) m.nsaved--;
        } else if (op < 39) {
            store_txn_savepoint_rollback(t);
            if (m.nsaved) {
                m.nsaved--;
                memcpy(m.ov, m.saved[m.nsaved], sizeof(m.ov));
                REQUIRE_EQ(store_txn_size(t), m.saved_bytes[m.nsaved]);
            }
        } else if (op < 41) {
            /* Commit (sometimes with savepoints open), or abort. */
            if (rnd(4)) {
                REQUIRE_EQ(store_txn_commit(t, rnd(2) ? STORE_COMMIT_LAZY : 0), 0);
                apply_overlay(&m, m.ov);
                commits++;
            } else {
                store_txn_abort(t);
            }
            memset(m.ov, 0, sizeof(m.ov));
            m.nsaved = 0;
            check_committed(&f, &m);
            REQUIRE_EQ(store_txn_begin(f.s, &t), 0);
            model_begin(&m);
        } else if (op < 42) {
            /* A second transaction commits between cursor calls. */
            store_txn *t2;
            int j, nw = 1 + (int)rnd(4);
            memset(ov2, 0, sizeof(ov2));
            REQUIRE_EQ(store_txn_begin(f.s, &t2), 0);
            for (j = 0; j < nw; j++) write_op(&f, &m, t2, ov2, (int)rnd(2), 0);
            REQUIRE_EQ(store_txn_commit(t2, STORE_COMMIT_LAZY), 0);
            apply_overlay(&m, ov2);
            for (j = 0; j < 2 * MAX_KEYS; j++)
                if (ov2[j / MAX_KEYS][j % MAX_KEYS].kind) m.changed[j / MAX_KEYS][j % MAX_KEYS] = 1;
        } else if (op < 43 && rnd(10) == 0) {
            /* Close (or crash) and reopen: the open transaction is lost. */
            store_cursor_close(cur[0]);
            store_cursor_close(cur[1]);
            store_txn_abort(t);
            memset(m.ov, 0, sizeof(m.ov));
            m.nsaved = 0;
            fx_reopen(&f, (int)rnd(2));
            check_committed(&f, &m);
            REQUIRE_EQ(store_cursor_open(f.s, f.db, f.trees[0], &cur[0]), 0);
            REQUIRE_EQ(store_cursor_open(f.s, f.db, f.trees[1], &cur[1]), 0);
            memset(mc, 0, sizeof(mc));
            REQUIRE_EQ(store_txn_begin(f.s, &t), 0);
            model_begin(&m);
        } else {
            int use = rnd(8) != 0;
            cursor_op(&m, cur[tree], &mc[tree], tree, use ? t : NULL);
        }
        REQUIRE_EQ(store_txn_size(t), model_bytes(&m));
        REQUIRE_EQ(store_txn_savepoints(t), m.nsaved);
    }
    REQUIRE_EQ(store_txn_commit(t, 0), 0);
    apply_overlay(&m, m.ov);
    REQUIRE_EQ(store_version_bytes(f.s), 0); /* no transaction: no versions */
    store_cursor_close(cur[0]);
    store_cursor_close(cur[1]);
    check_committed(&f, &m);
    fx_reopen(&f, 1);
    check_committed(&f, &m);
    ck_assert_int_gt(commits, 0);
    fx_close(&f);
}
END_TEST

Suite *store_cursor_suite(void)
{
    Suite *s = suite_create("store_cursor");
    TCase *tc = tcase_create("edges");
    tcase_add_test(tc, empty_tree);
    tcase_add_test(tc, empty_write_set);
    tcase_add_test(tc, write_set_only);
    tcase_add_test(tc, delete_current);
    tcase_add_test(tc, gaps);
    tcase_add_test(tc, prefix_keys);
    tcase_add_test(tc, commit_between_calls);
    suite_add_tcase(s, tc);
    tc = tcase_create("savepoints");
    tcase_add_test(tc, savepoint_bytes_and_commit);
    tcase_add_test(tc, savepoint_many);
    suite_add_tcase(s, tc);
    tc = tcase_create("random");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, random_against_model);
    suite_add_tcase(s, tc);
    return s;
}
