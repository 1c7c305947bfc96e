/*
 * test_store_version.c - snapshot isolation, write conflicts, garbage
 * collection and the limit of the version store (engine/store/
 * store_version.c, store.c, store_cursor.c), on a whole store over the
 * in-memory VFS.
 *
 * random_snapshots runs up to NT transactions interleaved call by call
 * against a model: the committed state, and per transaction its snapshot
 * (the committed state when it began), its overlay, its locks and the keys
 * committed by others since it began.  Every store_txn_get and every
 * cursor move (seeks in the four directions, first, last, next, prev, with
 * any of the transactions or none, on one cursor shared by all) is checked
 * against the model's view; every put, delete and lock against the
 * conflict rules (another's lock; a commit after the snapshot).
 *
 * threads runs N threads, each with its own transactions of random puts,
 * deletes, gets and scans, retrying on JET_errWriteConflict, for a bounded
 * time, logging what each transaction read and wrote with its snapshot
 * and commit number; afterwards the commits are replayed in csn order and
 * every read is checked against the state at its snapshot, every write
 * against "first updater wins", and the tree against the replay.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "btree.h"
#include "esent.h"
#include "os_memvfs.h"
#include "store.h"
#include "store_int.h" /* the lock table's size */
#include "unit.h"

struct fixture {
    os_vfs *vfs;
    struct store_config cfg;
    store *s;
    store_db *db;
    uint32_t tree;
};

static void fx_open(struct fixture *f, uint64_t max_version_bytes)
{
    f->vfs = os_memvfs_create();
    unit_store_config(&f->cfg, f->vfs, 256);
    f->cfg.max_version_bytes = max_version_bytes;
    REQUIRE_EQ(store_open(&f->cfg, &f->s), 0);
    REQUIRE_EQ(store_db_attach(f->s, "v.edb", STORE_DB_CREATE, &f->db), 0);
    REQUIRE_EQ(store_tree_create(f->s, f->db, &f->tree), 0);
}

static void fx_close(struct fixture *f)
{
    REQUIRE_EQ(store_open_txns(f->s), 0);
    REQUIRE_EQ(store_version_bytes(f->s), 0);
    REQUIRE_EQ(store_close(f->s), 0);
    os_memvfs_destroy(f->vfs);
}

static int sput(struct fixture *f, store_txn *t, const char *k, const char *v)
{
    return store_txn_put(t, f->db, f->tree, k, (uint32_t)strlen(k), v, (uint32_t)strlen(v), BT_UPSERT);
}

static int sdel(struct fixture *f, store_txn *t, const char *k)
{
    return store_txn_delete(t, f->db, f->tree, k, (uint32_t)strlen(k));
}

static int slock(struct fixture *f, store_txn *t, const char *k, int write)
{
    return store_txn_lock(t, f->db, f->tree, k, (uint32_t)strlen(k), write);
}

/* The value t reads at k ("" when absent). */
static const char *sget(struct fixture *f, store_txn *t, const char *k)
{
    static char buf[64];
    uint32_t n;
    int r = store_txn_get(t, f->db, f->tree, k, (uint32_t)strlen(k), buf, sizeof(buf) - 1, &n);
    if (r == JET_errRecordNotFound) return "";
    REQUIRE_EQ(r, 0);
    buf[n < sizeof(buf) - 1 ? n : sizeof(buf) - 1] = 0;
    return buf;
}

static store_txn *begin(struct fixture *f)
{
    store_txn *t;
    REQUIRE_EQ(store_txn_begin(f->s, &t), 0);
    return t;
}

static void commit(store_txn *t)
{
    REQUIRE_EQ(store_txn_commit(t, STORE_COMMIT_LAZY), 0);
}

/* ---- the rules one by one ----------------------------------------------------- */

START_TEST(snapshot_basics)
{
    struct fixture f;
    store_txn *a, *b, *c;

    fx_open(&f, 0);
    a = begin(&f);
    ck_assert_int_eq(sput(&f, a, "x", "1"), 0);
    ck_assert_int_eq(sput(&f, a, "y", "1"), 0);
    commit(a);
    ck_assert_uint_eq(store_version_bytes(f.s), 0); /* nobody else was open */

    b = begin(&f);
    a = begin(&f);
    ck_assert_int_eq(sput(&f, a, "x", "2"), 0);
    ck_assert_int_eq(sdel(&f, a, "y"), 0);
    ck_assert_int_eq(sput(&f, a, "z", "2"), 0);
    ck_assert_str_eq(sget(&f, b, "x"), "1"); /* uncommitted: invisible */
    commit(a);
    ck_assert_uint_gt(store_version_bytes(f.s), 0);
    ck_assert_str_eq(sget(&f, b, "x"), "1"); /* committed after b began */
    ck_assert_str_eq(sget(&f, b, "y"), "1");
    ck_assert_str_eq(sget(&f, b, "z"), "");
    c = begin(&f);
    ck_assert_str_eq(sget(&f, c, "x"), "2");
    ck_assert_str_eq(sget(&f, c, "y"), "");
    ck_assert_str_eq(sget(&f, c, "z"), "2");
    /* b's own writes come first. */
    ck_assert_int_eq(sput(&f, b, "w", "b"), 0);
    ck_assert_str_eq(sget(&f, b, "w"), "b");
    store_txn_abort(b);
    store_txn_abort(c);
    ck_assert_uint_eq(store_version_bytes(f.s), 0);
    fx_close(&f);
}
END_TEST

START_TEST(conflicts)
{
    struct fixture f;
    store_txn *a, *b, *c;

    fx_open(&f, 0);
    a = begin(&f);
    ck_assert_int_eq(sput(&f, a, "k", "0"), 0);
    ck_assert_int_eq(sput(&f, a, "m", "0"), 0);
    commit(a);

    /* Uncommitted change of another: conflict; disjoint keys: none. */
    a = begin(&f);
    b = begin(&f);
    ck_assert_int_eq(sput(&f, a, "k", "a"), 0);
    ck_assert_int_eq(sput(&f, b, "k", "b"), JET_errWriteConflict);
    ck_assert_int_eq(sdel(&f, b, "k"), JET_errWriteConflict);
    ck_assert_int_eq(slock(&f, b, "k", 0), JET_errWriteConflict);
    ck_assert_int_eq(sput(&f, b, "m", "b"), 0);
    ck_assert_int_eq(sput(&f, a, "m", "a"), JET_errWriteConflict);
    ck_assert_int_eq(sput(&f, a, "k", "a2"), 0); /* its own lock */
    /* After an abort the lock is gone. */
    store_txn_abort(a);
    ck_assert_int_eq(sput(&f, b, "k", "b"), 0);
    commit(b);

    /* Committed after the snapshot: conflict, even once the committer
     * is gone; a transaction begun after the commit is free. */
    a = begin(&f);
    b = begin(&f);
    ck_assert_int_eq(sput(&f, a, "k", "a"), 0);
    commit(a);
    ck_assert_int_eq(sput(&f, b, "k", "b"), JET_errWriteConflict);
    ck_assert_int_eq(sdel(&f, b, "k"), JET_errWriteConflict);
    ck_assert_int_eq(slock(&f, b, "k", 0), JET_errWriteConflict);
    ck_assert_int_eq(sput(&f, b, "new", "b"), 0);
    c = begin(&f);
    ck_assert_int_eq(sput(&f, c, "k", "c"), 0);
    commit(c);
    store_txn_abort(b);

    /* Read locks: shared among readers, exclusive against writers. */
    a = begin(&f);
    b = begin(&f);
    c = begin(&f);
    ck_assert_int_eq(slock(&f, a, "m", 0), 0);
    ck_assert_int_eq(slock(&f, b, "m", 0), 0);
    ck_assert_int_eq(sput(&f, c, "m", "c"), JET_errWriteConflict);
    ck_assert_int_eq(slock(&f, a, "m", 1), JET_errWriteConflict); /* b reads it */
    store_txn_abort(b);
    ck_assert_int_eq(slock(&f, a, "m", 1), 0);                 /* upgraded */
    ck_assert_int_eq(slock(&f, c, "m", 0), JET_errWriteConflict);
    /* A lock on a key that does not exist works as well. */
    ck_assert_int_eq(slock(&f, c, "nothing", 1), 0);
    ck_assert_int_eq(sput(&f, a, "nothing", "a"), JET_errWriteConflict);
    /* Savepoint rollback keeps the locks. */
    ck_assert_int_eq(store_txn_savepoint(c), 0);
    ck_assert_int_eq(sput(&f, c, "sp", "c"), 0);
    store_txn_savepoint_rollback(c);
    ck_assert_str_eq(sget(&f, c, "sp"), "");
    ck_assert_int_eq(sput(&f, a, "sp", "a"), JET_errWriteConflict);
    store_txn_abort(c);
    ck_assert_int_eq(sput(&f, a, "sp", "a"), 0);
    commit(a);
    fx_close(&f);
}
END_TEST

/* Versions live while an older snapshot does, and only then. */
START_TEST(garbage_collection)
{
    struct fixture f;
    store_txn *old, *w, *mid;
    char k[16];
    int i;

    fx_open(&f, 0);
    w = begin(&f);
    for (i = 0; i < 200; i++) {
        snprintf(k, sizeof(k), "k%03d", i);
        ck_assert_int_eq(sput(&f, w, k, "v0"), 0);
    }
    commit(w);
    old = begin(&f);
    for (i = 0; i < 200; i += 2) {
        w = begin(&f);
        snprintf(k, sizeof(k), "k%03d", i);
        ck_assert_int_eq(sput(&f, w, k, "v1"), 0);
        commit(w);
    }
    mid = begin(&f);
    w = begin(&f);
    ck_assert_int_eq(sdel(&f, w, "k000"), 0);
    commit(w);
    ck_assert_uint_gt(store_version_bytes(f.s), 100 * 4);
    ck_assert_str_eq(sget(&f, old, "k000"), "v0");
    ck_assert_str_eq(sget(&f, mid, "k000"), "v1");
    /* The oldest goes: only what mid needs stays (one version). */
    store_txn_abort(old);
    ck_assert_uint_gt(store_version_bytes(f.s), 0);
    ck_assert_uint_lt(store_version_bytes(f.s), 400);
    ck_assert_str_eq(sget(&f, mid, "k000"), "v1");
    store_txn_abort(mid);
    ck_assert_uint_eq(store_version_bytes(f.s), 0);
    fx_close(&f);
}
END_TEST

/* The lock table grows with one transaction's locks and shrinks back when
 * they are released. */
START_TEST(lock_table_shrinks)
{
    struct fixture f;
    store_txn *t, *small;
    char k[16];
    int i;

    fx_open(&f, 0);
    small = begin(&f);
    ck_assert_int_eq(slock(&f, small, "kept", 0), 0);
    t = begin(&f);
    for (i = 0; i < 20000; i++) {
        snprintf(k, sizeof(k), "k%05d", i);
        ck_assert_int_eq(slock(&f, t, k, i & 1), 0);
    }
    ck_assert_uint_ge(f.s->nlock_buckets, 16384);
    ck_assert_uint_eq(f.s->nlocks, 20001);
    store_txn_abort(t);
    ck_assert_uint_eq(f.s->nlocks, 1);
    ck_assert_uint_eq(f.s->nlock_buckets, 256);
    /* The lock that stayed is still found. */
    t = begin(&f);
    ck_assert_int_eq(slock(&f, t, "kept", 1), JET_errWriteConflict);
    store_txn_abort(t);
    store_txn_abort(small);
    fx_close(&f);
}
END_TEST

/* JET_errVersionStoreOutOfMemory at the writing call, for a transaction
 * alone or while versions pile up (another transaction open), and gone
 * once they are collected. */
START_TEST(version_limit)
{
    struct fixture f;
    store_txn *reader, *w = NULL;
    char k[16], v[200];
    int i, r = 0;

    fx_open(&f, 16384);
    memset(v, 'v', sizeof(v) - 1);
    v[sizeof(v) - 1] = 0;
    /* Small transactions load 300 keys. */
    for (i = 0; i < 300; i++) {
        if (i % 20 == 0) w = begin(&f);
        snprintf(k, sizeof(k), "k%03d", i);
        REQUIRE_EQ(sput(&f, w, k, v), 0);
        if (i % 20 == 19) commit(w);
    }
    /* Alone, a transaction is limited too (as ESE's version store bounds
     * the updates of one transaction): its own changes fill it. */
    w = begin(&f);
    for (i = 0, r = 0; i < 300 && !r; i++) {
        snprintf(k, sizeof(k), "k%03d", i);
        r = sput(&f, w, k, v);
    }
    ck_assert_int_eq(r, JET_errVersionStoreOutOfMemory);
    ck_assert_int_lt(i, 100);
    store_txn_abort(w);
    r = 0;
    reader = begin(&f);
    w = begin(&f);
    for (i = 0; i < 300 && !r; i++) {
        snprintf(k, sizeof(k), "k%03d", i);
        r = sput(&f, w, k, v);
    }
    ck_assert_int_eq(r, JET_errVersionStoreOutOfMemory);
    ck_assert_int_lt(i, 100);
    commit(w); /* what it did write commits */
    ck_assert_uint_gt(store_version_bytes(f.s), 0);
    /* Small commits fill what the reader pins, then fail. */
    for (i = 0, r = 0; i < 300 && !r; i++) {
        w = begin(&f);
        snprintf(k, sizeof(k), "k%03d", i);
        r = sput(&f, w, k, v);
        if (r) store_txn_abort(w);
        else commit(w);
    }
    ck_assert_int_eq(r, JET_errVersionStoreOutOfMemory);
    ck_assert_uint_le(store_version_bytes(f.s), 16384 + 16384 / 4); /* an estimate */
    store_txn_abort(reader);
    ck_assert_uint_eq(store_version_bytes(f.s), 0);
    w = begin(&f);
    ck_assert_int_eq(sput(&f, w, "k000", v), 0);
    commit(w);
    fx_close(&f);
}
END_TEST

/* ---- the random model test ------------------------------------------------------ */

#define NK 40
#define NT 4

static unsigned long long rng;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)((rng >> 11) % n);
}

struct ukey {
    uint8_t b[4];
    uint32_t len;
};
static struct ukey uni[NK];

static int ukey_cmp(const void *a, const void *b)
{
    const struct ukey *x = a, *y = b;
    uint32_t n = x->len < y->len ? x->len : y->len;
    int c = n ? memcmp(x->b, y->b, n) : 0;
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* Every string of length 0..3 over {0x00, 'a', 0xff}: 40 keys, many
 * prefixes of each other. */
static void make_universe(void)
{
    static const uint8_t alpha[3] = { 0x00, 'a', 0xff };
    int len, i, j, n = 0;
    for (len = 0; len <= 3; len++) {
        int count = 1;
        for (i = 0; i < len; i++) count *= 3;
        for (i = 0; i < count; i++) {
            int x = i;
            for (j = 0; j < len; j++, x /= 3) uni[n].b[j] = alpha[x % 3];
            uni[n++].len = (uint32_t)len;
        }
    }
    REQUIRE_EQ(n, NK);
    qsort(uni, NK, sizeof(uni[0]), ukey_cmp);
}

struct mv {
    int kind;          /* 0 absent / none, 1 present / put, 2 delete (overlays) */
    uint32_t ver, len;
};

struct mtx {
    store_txn *t;
    struct mv snap[NK], ov[NK];
    char changed[NK];  /* committed by another after the snapshot */
    char lock[NK];     /* 0 none, 1 read, 2 write */
};

struct model {
    struct mv committed[NK];
    struct mtx tx[NT];
    uint32_t next_ver;
};

static void val_bytes(uint8_t *out, uint32_t ver, uint32_t len)
{
    uint32_t i;
    for (i = 0; i < len; i++) out[i] = (uint8_t)(ver * 131u + i * 7u);
}

/* What transaction i (-1: none, the latest committed state) sees at k. */
static struct mv view(const struct model *m, int i, int k)
{
    static const struct mv none;
    if (i >= 0 && m->tx[i].ov[k].kind) return m->tx[i].ov[k].kind == 1 ? m->tx[i].ov[k] : none;
    if (i >= 0) return m->tx[i].snap[k];
    return m->committed[k];
}

static void check_value(const uint8_t *v, uint32_t vl, struct mv want)
{
    static uint8_t buf[256];
    REQUIRE_EQ(vl, want.len);
    val_bytes(buf, want.ver, want.len);
    REQUIRE(!vl || !memcmp(v, buf, vl));
}

/* Whether i's change (write 2) or read lock (1) of k conflicts; takes the
 * lock in the model when not. */
static int m_lock(struct model *m, int i, int k, int mode)
{
    int j;
    for (j = 0; j < NT; j++)
        if (j != i && m->tx[j].t && m->tx[j].lock[k] && (mode == 2 || m->tx[j].lock[k] == 2)) return 1;
    if (!m->tx[i].lock[k] && m->tx[i].changed[k]) return 1;
    if (m->tx[i].lock[k] < mode) m->tx[i].lock[k] = (char)mode;
    return 0;
}

static void m_write(struct fixture *f, struct model *m, int i)
{
    static uint8_t val[256];
    struct mtx *x = &m->tx[i];
    int k = (int)rnd(NK), r, want, exists = view(m, i, k).kind == 1, op = (int)rnd(8);

    if (op == 0 || op == 1) {
        int write = op == 1;
        r = store_txn_lock(x->t, f->db, f->tree, uni[k].b, uni[k].len, write);
        REQUIRE_EQ(r, m_lock(m, i, k, write ? 2 : 1) ? JET_errWriteConflict : 0);
    } else if (op == 2) {
        r = store_txn_delete(x->t, f->db, f->tree, uni[k].b, uni[k].len);
        want = m_lock(m, i, k, 2) ? JET_errWriteConflict : exists ? 0 : JET_errRecordNotFound;
        REQUIRE_EQ(r, want);
        if (!r) x->ov[k].kind = 2;
    } else {
        unsigned mode = rnd(4) == 0 ? 1 + rnd(2) : BT_UPSERT;
        struct mv v;
        v.kind = 1;
        v.ver = m->next_ver++;
        v.len = rnd(4) ? rnd(16) : rnd(256);
        val_bytes(val, v.ver, v.len);
        r = store_txn_put(x->t, f->db, f->tree, uni[k].b, uni[k].len, val, v.len, mode);
        want = m_lock(m, i, k, 2) ? JET_errWriteConflict
             : mode == BT_INSERT_ONLY && exists ? JET_errKeyDuplicate
             : mode == BT_REPLACE_ONLY && !exists ? JET_errRecordNotFound : 0;
        REQUIRE_EQ(r, want);
        if (!r) x->ov[k] = v;
    }
}

static void m_get(struct fixture *f, struct model *m, int i)
{
    static uint8_t buf[256];
    int k = (int)rnd(NK), r;
    uint32_t vl;
    struct mv want = view(m, i, k);
    r = store_txn_get(m->tx[i].t, f->db, f->tree, uni[k].b, uni[k].len, buf, sizeof(buf), &vl);
    if (want.kind != 1) {
        REQUIRE_EQ(r, JET_errRecordNotFound);
        return;
    }
    REQUIRE_EQ(r, 0);
    check_value(buf, vl, want);
}

/* The cursor model: state (0 before, 1 after, 2 on, 3 gap), key, copy. */
struct mcur {
    int state, k;
    struct mv v;
};

static int m_find(const struct model *m, int i, int k, int dir, int incl)
{
    int j = incl ? k : k + dir;
    for (; j >= 0 && j < NK; j += dir)
        if (view(m, i, j).kind == 1) return j;
    return -1;
}

static int m_land(const struct model *m, struct mcur *mc, int i, int k, int end)
{
    if (k < 0) {
        mc->state = end;
        return JET_errNoCurrentRecord;
    }
    mc->state = 2;
    mc->k = k;
    mc->v = view(m, i, k);
    return 0;
}

static void m_cursor(const struct model *m, store_cursor *c, struct mcur *mc, int i)
{
    store_txn *t = i >= 0 ? m->tx[i].t : NULL;
    int op = (int)rnd(10), r, want, exact = -1, k, dir, found;
    const uint8_t *key, *val;
    uint32_t kl, vl;

    if (op == 0) {
        r = store_cursor_first(c, t);
        want = m_land(m, mc, i, m_find(m, i, 0, 1, 1), 0);
    } else if (op == 1) {
        r = store_cursor_last(c, t);
        want = m_land(m, mc, i, m_find(m, i, NK - 1, -1, 1), 1);
    } else if (op < 6) {
        dir = op < 4 ? 1 : -1;
        r = dir > 0 ? store_cursor_next(c, t) : store_cursor_prev(c, t);
        if (mc->state == (dir > 0 ? 1 : 0))
            want = JET_errNoCurrentRecord;
        else if (mc->state == (dir > 0 ? 0 : 1))
            want = m_land(m, mc, i, m_find(m, i, dir > 0 ? 0 : NK - 1, dir, 1), mc->state);
        else
            want = m_land(m, mc, i, m_find(m, i, mc->k, dir, 0), dir > 0 ? 1 : 0);
    } else {
        k = (int)rnd(NK);
        dir = BT_SEEK_GE + (int)rnd(4);
        r = store_cursor_seek(c, t, uni[k].b, uni[k].len, dir, &exact);
        found = dir == BT_SEEK_GE ? m_find(m, i, k, 1, 1) : dir == BT_SEEK_GT ? m_find(m, i, k, 1, 0)
              : dir == BT_SEEK_LE ? m_find(m, i, k, -1, 1) : m_find(m, i, k, -1, 0);
        if (found < 0) {
            mc->state = 3;
            mc->k = k;
            want = JET_errRecordNotFound;
        } else {
            want = m_land(m, mc, i, found, 0);
            if (!r) REQUIRE_EQ(exact, found == k);
        }
    }
    if (r != want) ck_abort_msg("cursor op %d (txn %d): %d, expected %d", op, i, r, want);
    r = store_cursor_get(c, &key, &kl, &val, &vl);
    if (mc->state != 2) {
        REQUIRE_EQ(r, JET_errNoCurrentRecord);
        return;
    }
    REQUIRE_EQ(r, 0);
    REQUIRE_EQ(kl, uni[mc->k].len);
    REQUIRE(!kl || !memcmp(key, uni[mc->k].b, kl));
    check_value(val, vl, mc->v);
}

static void m_begin(struct fixture *f, struct model *m, int i)
{
    struct mtx *x = &m->tx[i];
    REQUIRE_EQ(store_txn_begin(f->s, &x->t), 0);
    memcpy(x->snap, m->committed, sizeof(x->snap));
    memset(x->ov, 0, sizeof(x->ov));
    memset(x->changed, 0, sizeof(x->changed));
    memset(x->lock, 0, sizeof(x->lock));
}

static void m_end(struct model *m, int i, int commit)
{
    struct mtx *x = &m->tx[i];
    int j, k, any = 0;
    uint64_t csn;

    if (!commit) {
        store_txn_abort(x->t);
        x->t = NULL;
        return;
    }
    REQUIRE_EQ(store_txn_commit_csn(x->t, STORE_COMMIT_LAZY, &csn), 0);
    x->t = NULL;
    for (k = 0; k < NK; k++) {
        if (!x->ov[k].kind) continue;
        any = 1;
        m->committed[k] = x->ov[k].kind == 1 ? x->ov[k] : (struct mv){ 0, 0, 0 };
        for (j = 0; j < NT; j++)
            if (m->tx[j].t) m->tx[j].changed[k] = 1;
    }
    REQUIRE_EQ(csn != 0, any);
}

START_TEST(random_snapshots)
{
    static struct model m;
    struct fixture f;
    store_cursor *c;
    struct mcur mc;
    unsigned long long seed = unit_seed();
    int n = 60000, step, i;

    printf("store_version random_snapshots: UNIT_SEED=%llu\n", seed);
    rng = seed | 1;
    make_universe();
    memset(&m, 0, sizeof(m));
    memset(&mc, 0, sizeof(mc));
    m.next_ver = 1;
    fx_open(&f, 0);
    REQUIRE_EQ(store_cursor_open(f.s, f.db, f.tree, &c), 0);
    for (step = 0; step < n; step++) {
        unsigned op = rnd(100);
        i = (int)rnd(NT);
        if (!m.tx[i].t) {
            if (rnd(3) == 0) m_begin(&f, &m, i);
            else m_cursor(&m, c, &mc, -1);
        } else if (op < 30) {
            m_write(&f, &m, i);
        } else if (op < 45) {
            m_get(&f, &m, i);
        } else if (op < 95) {
            m_cursor(&m, c, &mc, rnd(6) ? i : -1);
        } else {
            m_end(&m, i, op < 98);
        }
        if (step % 1000 == 0) {
            int open = 0;
            for (i = 0; i < NT; i++) open += m.tx[i].t != NULL;
            REQUIRE_EQ(store_open_txns(f.s), open);
            if (!open) REQUIRE_EQ(store_version_bytes(f.s), 0);
        }
    }
    for (i = 0; i < NT; i++)
        if (m.tx[i].t) m_end(&m, i, (int)rnd(2));
    m_cursor(&m, c, &mc, -1);
    store_cursor_close(c);
    fx_close(&f);
}
END_TEST

/* ---- threads -------------------------------------------------------------------- */

#define TK 32          /* keys */
#define TTHREADS 4

/* What one transaction did: its snapshot and csn (0: committed nothing),
 * the values it read (0: absent) from the committed state, and its writes
 * (0: delete). */
struct tlog {
    uint64_t snapshot, csn;
    uint8_t nr, nw;
    uint8_t rk[TK * 2], wk[16];
    uint32_t rv[TK * 2], wv[16];
};

struct tshared {
    struct fixture *f;
    double deadline;
};

struct tthread {
    pthread_t th;
    struct tshared *sh;
    int id;
    unsigned long long rng;
    struct tlog *log;
    size_t n, cap;
    unsigned long conflicts, commits;
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static unsigned trnd(struct tthread *t, unsigned n)
{
    t->rng ^= t->rng << 13;
    t->rng ^= t->rng >> 7;
    t->rng ^= t->rng << 17;
    return (unsigned)((t->rng >> 11) % n);
}

static void tkey(int k, char *out) /* k < 100 */
{
    snprintf(out, 8, "k%02d", (unsigned)k % 100u);
}

/* A value read: its id, checked against the overlay when the transaction
 * wrote the key itself, else logged. */
static void t_read(struct tlog *lg, const int32_t *ov, int k, uint32_t got)
{
    if (ov[k] >= 0) {
        if (got != (uint32_t)ov[k]) ck_abort_msg("own write of key %d: read %u, wrote %d", k, got, ov[k]);
        return;
    }
    if (lg->nr < sizeof(lg->rk)) {
        lg->rk[lg->nr] = (uint8_t)k;
        lg->rv[lg->nr++] = got;
    }
}

static void *t_main(void *arg)
{
    struct tthread *th = arg;
    struct fixture *f = th->sh->f;
    uint32_t counter = 0;

    while (now_s() < th->sh->deadline) {
        struct tlog lg;
        int32_t ov[TK];
        store_txn *t;
        int ops = 1 + (int)trnd(th, 8), j, r = 0, conflict = 0;

        memset(&lg, 0, sizeof(lg));
        memset(ov, 0xff, sizeof(ov));
        REQUIRE_EQ(store_txn_begin(f->s, &t), 0);
        lg.snapshot = store_txn_snapshot(t);
        for (j = 0; j < ops && !conflict; j++) {
            int k = (int)trnd(th, TK), op = (int)trnd(th, 10);
            char key[8];
            uint32_t v, vl;
            tkey(k, key);
            if (op < 4 && lg.nw < 16) {
                v = (uint32_t)th->id << 24 | ++counter;
                r = store_txn_put(t, f->db, f->tree, key, 3, &v, 4, BT_UPSERT);
                if (!r) {
                    ov[k] = (int32_t)v;
                    lg.wk[lg.nw] = (uint8_t)k;
                    lg.wv[lg.nw++] = v;
                }
            } else if (op < 5 && lg.nw < 16) {
                r = store_txn_delete(t, f->db, f->tree, key, 3);
                if (!r) {
                    ov[k] = 0;
                    lg.wk[lg.nw] = (uint8_t)k;
                    lg.wv[lg.nw++] = 0;
                } else if (r == JET_errRecordNotFound) {
                    t_read(&lg, ov, k, 0);
                    r = 0;
                }
            } else if (op < 9) {
                v = 0;
                r = store_txn_get(t, f->db, f->tree, key, 3, &v, 4, &vl);
                if (r == JET_errRecordNotFound) v = r = 0;
                REQUIRE_EQ(r, 0);
                t_read(&lg, ov, k, v);
            } else {
                /* A scan, forward or backward: every key read. */
                store_cursor *c;
                uint32_t seen[TK] = { 0 };
                const uint8_t *ck, *cv;
                uint32_t ckl, cvl;
                int fwd = (int)trnd(th, 2), x;
                REQUIRE_EQ(store_cursor_open(f->s, f->db, f->tree, &c), 0);
                for (r = fwd ? store_cursor_first(c, t) : store_cursor_last(c, t); !r;
                     r = fwd ? store_cursor_next(c, t) : store_cursor_prev(c, t)) {
                    REQUIRE_EQ(store_cursor_get(c, &ck, &ckl, &cv, &cvl), 0);
                    REQUIRE(ckl == 3 && cvl == 4);
                    x = (ck[1] - '0') * 10 + (ck[2] - '0');
                    REQUIRE(x >= 0 && x < TK);
                    memcpy(&seen[x], cv, 4);
                }
                REQUIRE_EQ(r, JET_errNoCurrentRecord);
                r = 0;
                store_cursor_close(c);
                for (x = 0; x < TK; x++) t_read(&lg, ov, x, seen[x]);
            }
            if (r == JET_errWriteConflict) conflict = 1;
            else REQUIRE_EQ(r, 0);
        }
        if (conflict || trnd(th, 8) == 0) {
            th->conflicts += conflict;
            store_txn_abort(t);
            lg.nw = 0; /* its reads are still checked */
            lg.csn = 0;
        } else {
            REQUIRE_EQ(store_txn_commit_csn(t, STORE_COMMIT_LAZY, &lg.csn), 0);
            th->commits++;
            if (!lg.csn) lg.nw = 0;
        }
        if (th->n == th->cap) {
            th->cap = th->cap ? th->cap * 2 : 1024;
            REQUIRE((th->log = realloc(th->log, th->cap * sizeof(*th->log))) != NULL);
        }
        th->log[th->n++] = lg;
    }
    return NULL;
}

/* History of one key: (csn, value) in csn order. */
struct hist {
    uint64_t *csn;
    uint32_t *val;
    size_t n, cap;
};

static uint32_t hist_at(const struct hist *h, uint64_t snapshot)
{
    size_t lo = 0, hi = h->n; /* the last entry with csn <= snapshot */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (h->csn[mid] <= snapshot) lo = mid + 1;
        else hi = mid;
    }
    return lo ? h->val[lo - 1] : 0;
}

static int cmp_csn(const void *a, const void *b)
{
    const struct tlog *x = *(const struct tlog *const *)a, *y = *(const struct tlog *const *)b;
    return (x->csn > y->csn) - (x->csn < y->csn);
}

START_TEST(threads)
{
    static struct hist h[TK];
    struct fixture f;
    struct tshared sh;
    struct tthread th[TTHREADS];
    struct tlog **commits;
    unsigned long long seed = unit_seed();
    size_t ncommit = 0, total = 0, i, j;
    uint64_t last = 0;
    int k;

    printf("store_version threads: UNIT_SEED=%llu\n", seed);
    fx_open(&f, 0);
    sh.f = &f;
    sh.deadline = now_s() + 2.0;
    for (k = 0; k < TTHREADS; k++) {
        memset(&th[k], 0, sizeof(th[k]));
        th[k].sh = &sh;
        th[k].id = k + 1;
        th[k].rng = (seed + (unsigned long long)k * 0x9E3779B97F4A7C15ull) | 1;
        REQUIRE_EQ(pthread_create(&th[k].th, NULL, t_main, &th[k]), 0);
    }
    for (k = 0; k < TTHREADS; k++) pthread_join(th[k].th, NULL);
    REQUIRE_EQ(store_open_txns(f.s), 0);
    REQUIRE_EQ(store_version_bytes(f.s), 0);

    /* The commits in csn order: the serial history. */
    for (k = 0; k < TTHREADS; k++) total += th[k].n;
    REQUIRE((commits = malloc((total ? total : 1) * sizeof(*commits))) != NULL);
    for (k = 0; k < TTHREADS; k++)
        for (i = 0; i < th[k].n; i++)
            if (th[k].log[i].csn) commits[ncommit++] = &th[k].log[i];
    qsort(commits, ncommit, sizeof(*commits), cmp_csn);
    memset(h, 0, sizeof(h));
    for (i = 0; i < ncommit; i++) {
        const struct tlog *c = commits[i];
        REQUIRE_GT(c->csn, last);
        last = c->csn;
        REQUIRE_LT(c->snapshot, c->csn);
        for (j = 0; j < c->nw; j++) {
            struct hist *x = &h[c->wk[j]];
            /* First updater wins: nobody committed the key between our
             * snapshot and our commit. */
            if (x->n && x->csn[x->n - 1] > c->snapshot && x->csn[x->n - 1] != c->csn)
                ck_abort_msg("key %d: committed at %llu after snapshot %llu of commit %llu", c->wk[j],
                             (unsigned long long)x->csn[x->n - 1], (unsigned long long)c->snapshot,
                             (unsigned long long)c->csn);
            if (x->n && x->csn[x->n - 1] == c->csn) {
                x->val[x->n - 1] = c->wv[j]; /* the same key twice: the last write */
                continue;
            }
            if (x->n == x->cap) {
                x->cap = x->cap ? x->cap * 2 : 64;
                REQUIRE((x->csn = realloc(x->csn, x->cap * sizeof(*x->csn))) != NULL);
                REQUIRE((x->val = realloc(x->val, x->cap * sizeof(*x->val))) != NULL);
            }
            x->csn[x->n] = c->csn;
            x->val[x->n++] = c->wv[j];
        }
    }
    /* Every read saw its snapshot. */
    for (k = 0; k < TTHREADS; k++)
        for (i = 0; i < th[k].n; i++) {
            const struct tlog *c = &th[k].log[i];
            for (j = 0; j < c->nr; j++)
                if (hist_at(&h[c->rk[j]], c->snapshot) != c->rv[j])
                    ck_abort_msg("thread %d txn %zu: key %d read %u, snapshot %llu holds %u", k, i,
                                 c->rk[j], c->rv[j], (unsigned long long)c->snapshot,
                                 hist_at(&h[c->rk[j]], c->snapshot));
        }
    /* The tree holds the last state. */
    {
        store_txn *t = begin(&f);
        for (k = 0; k < TK; k++) {
            char key[8];
            uint32_t v = 0, vl;
            int r;
            tkey(k, key);
            r = store_txn_get(t, f.db, f.tree, key, 3, &v, 4, &vl);
            REQUIRE_EQ(r == JET_errRecordNotFound ? 0 : v, hist_at(&h[k], UINT64_MAX));
        }
        store_txn_abort(t);
    }
    {
        unsigned long nc = 0, nx = 0;
        for (k = 0; k < TTHREADS; k++) {
            nc += th[k].commits;
            nx += th[k].conflicts;
        }
        printf("store_version threads: %zu transactions, %lu committed, %lu write conflicts\n", total, nc, nx);
        ck_assert_uint_gt(nc, 100);
        ck_assert_uint_gt(nx, 0);
    }
    for (k = 0; k < TK; k++) {
        free(h[k].csn);
        free(h[k].val);
    }
    for (k = 0; k < TTHREADS; k++) free(th[k].log);
    free(commits);
    fx_close(&f);
}
END_TEST

Suite *store_version_suite(void)
{
    Suite *s = suite_create("store_version");
    TCase *tc = tcase_create("rules");
    tcase_add_test(tc, snapshot_basics);
    tcase_add_test(tc, conflicts);
    tcase_add_test(tc, garbage_collection);
    tcase_add_test(tc, lock_table_shrinks);
    tcase_add_test(tc, version_limit);
    suite_add_tcase(s, tc);
    tc = tcase_create("random");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, random_snapshots);
    tcase_add_test(tc, threads);
    suite_add_tcase(s, tc);
    return s;
}
