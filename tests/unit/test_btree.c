/*
 * test_btree.c - B+trees (engine/btree/) over the real pager on the
 * in-memory VFS: every operation against a simple model (arrays indexed by
 * a key number), at every page size; splits at every level and root
 * growth, merges and root collapse down to one empty leaf with the pages
 * back on the free list; size limits; cursors at the ends and across
 * changes made while they are parked (ESE's "deleted current entry keeps
 * its place"); values taken from the tree itself; a tree written by a
 * checkpoint and read back; damaged pages found by bt_verify and by normal
 * operations without a crash; and a million keys in and out.
 *
 * Keys are made from a number i so that their order is the order of i:
 * a shape-dependent common prefix, i big-endian, then a suffix whose length
 * depends on i.  The model is two arrays indexed by i (present, version);
 * values are a pattern computed from (i, version).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "btint.h"
#include "btree.h"
#include "esent.h"
#include "os.h"
#include "os_memvfs.h"
#include "page.h"
#include "pager.h"
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

static const uint32_t page_sizes[] = { 4096, 8192, 16384, 32768 };

/* ---- fixtures --------------------------------------------------------- */

static os_vfs *vfs;
static pager *pg;

static pager *open_db(uint32_t page_size, unsigned flags, uint32_t cache_pages)
{
    struct pager_config cfg;
    pager *p = NULL;

    memset(&cfg, 0, sizeof(cfg));
    cfg.vfs = vfs;
    cfg.page_size = page_size;
    cfg.cache_pages = cache_pages;
    cfg.extend_pages = 64;
    cfg.flags = flags;
    REQUIRE_EQ(pager_open("/t.edb", &cfg, &p), 0);
    return p;
}

static void setup_db(uint32_t page_size)
{
    vfs = os_memvfs_create();
    ck_assert_ptr_nonnull(vfs);
    pg = open_db(page_size, PAGER_CREATE, 4096);
}

static void teardown_db(void)
{
    pager_close(pg);
    pg = NULL;
    os_memvfs_destroy(vfs);
    vfs = NULL;
}

static uint32_t pinned(void)
{
    struct pager_stats st;
    pager_get_stats(pg, &st);
    return st.pinned;
}

static uint32_t free_pages(void)
{
    return get_u32(pager_data(pager_header(pg)) + DBH_OFF_FREE_COUNT);
}

static uint64_t rnd_state;
static uint64_t rnd(void)
{
    uint64_t z = (rnd_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static void seed_rnd(const char *test, uint32_t extra)
{
    unsigned long long seed = unit_seed();
    printf("btree %s: UNIT_SEED=%llu\n", test, seed);
    fflush(stdout);
    rnd_state = seed * 31 + extra;
}

/* ---- keys and values ------------------------------------------------ */

struct shape {
    uint32_t prefix; /* common prefix bytes */
    uint32_t suffix; /* suffix is (i % suffix) bytes */
    uint32_t vmax;   /* values are up to vmax bytes */
    uint32_t group;  /* if set: groups of 64 keys share a prefix of up to
                        group bytes, so separators are 2 to group + 3 bytes */
};

static uint32_t make_key(const struct shape *sh, uint32_t i, uint8_t *key)
{
    uint32_t n = 0, s = sh->suffix ? i % sh->suffix : 0;
    if (sh->group) {
        uint32_t g = i >> 6, fill = (g * 7919u) % (sh->group + 1);
        key[0] = (uint8_t)(g >> 8);
        key[1] = (uint8_t)g;
        memset(key + 2, 'm', fill);
        key[2 + fill] = (uint8_t)(i & 63);
        return fill + 3;
    }
    memset(key, 'P', sh->prefix);
    n = sh->prefix;
    put_be32(key + n, i);
    n += 4;
    memset(key + n, (int)('a' + i % 26), s);
    return n + s;
}

static uint32_t key_number(const struct shape *sh, const uint8_t *key, uint32_t klen)
{
    if (sh->group) return ((uint32_t)key[0] << 14 | (uint32_t)key[1] << 6) | key[klen - 1];
    return get_be32(key + sh->prefix);
}

static uint32_t make_val(const struct shape *sh, uint32_t i, uint32_t ver, uint8_t *val)
{
    uint32_t n = sh->vmax ? (uint32_t)((i * 2654435761u + ver * 40503u) % (sh->vmax + 1)) : 0, j;
    for (j = 0; j < n; j++) val[j] = (uint8_t)(i + ver + j);
    return n;
}

static void check_val(const struct shape *sh, uint32_t i, uint32_t ver, const uint8_t *val,
                      uint32_t vlen)
{
    static uint8_t want[PAGE_SIZE_MAX];
    uint32_t n = make_val(sh, i, ver, want);
    REQUIRE_EQ(vlen, n);
    REQUIRE_EQ(memcmp(val, want, n), 0);
}

/* ---- the model ------------------------------------------------------ */

struct model {
    uint32_t n;
    uint8_t *present;
    uint32_t *ver;
    uint32_t count;
};

static void model_init(struct model *m, uint32_t n)
{
    m->n = n;
    m->present = calloc(n, 1);
    m->ver = calloc(n, sizeof(uint32_t));
    m->count = 0;
    REQUIRE(m->present && m->ver);
}

static void model_free(struct model *m)
{
    free(m->present);
    free(m->ver);
}

/* First present number >= i, or n. */
static uint32_t model_ge(const struct model *m, uint32_t i)
{
    while (i < m->n && !m->present[i]) i++;
    return i;
}

/* Last present number <= i (i may be -1), or UINT32_MAX. */
static uint32_t model_le(const struct model *m, int64_t i)
{
    if (i >= (int64_t)m->n) i = m->n - 1;
    while (i >= 0 && !m->present[i]) i--;
    return i < 0 ? UINT32_MAX : (uint32_t)i;
}

static void put_one(const struct shape *sh, uint32_t root, struct model *m, uint32_t i,
                    unsigned mode)
{
    uint8_t key[4001], val[PAGE_SIZE_MAX];
    uint32_t ver = m->ver[i] + 1, klen = make_key(sh, i, key), vlen = make_val(sh, i, ver, val);
    int r = bt_put(pg, root, key, klen, val, vlen, mode), want = 0;

    if (mode == BT_INSERT_ONLY && m->present[i]) want = JET_errKeyDuplicate;
    if (mode == BT_REPLACE_ONLY && !m->present[i]) want = JET_errRecordNotFound;
    REQUIRE_EQ(r, want);
    if (r) return;
    if (!m->present[i]) m->count++;
    m->present[i] = 1;
    m->ver[i] = ver;
}

static void delete_one(const struct shape *sh, uint32_t root, struct model *m, uint32_t i)
{
    uint8_t key[4001];
    uint32_t klen = make_key(sh, i, key);
    REQUIRE_EQ(bt_delete(pg, root, key, klen), m->present[i] ? 0 : JET_errRecordNotFound);
    if (m->present[i]) m->count--;
    m->present[i] = 0;
}

static void get_one(const struct shape *sh, uint32_t root, const struct model *m, uint32_t i)
{
    static uint8_t val[PAGE_SIZE_MAX];
    uint8_t key[4001];
    uint32_t klen = make_key(sh, i, key), vlen = 12345;
    int r = bt_get(pg, root, key, klen, val, sizeof(val), &vlen);

    if (!m->present[i]) {
        REQUIRE_EQ(r, JET_errRecordNotFound);
        return;
    }
    REQUIRE_EQ(r, 0);
    check_val(sh, i, m->ver[i], val, vlen);
}

/* The cursor is on number i (the model's current version). */
static void check_cursor_on(const struct shape *sh, bt_cursor *c, const struct model *m, uint32_t i)
{
    const uint8_t *k, *v;
    uint32_t kl, vl;
    uint8_t want[4001];

    REQUIRE_EQ(bt_cursor_get(c, &k, &kl, &v, &vl), 0);
    REQUIRE_EQ(key_number(sh, k, kl), i);
    REQUIRE_EQ(kl, make_key(sh, i, want));
    REQUIRE_EQ(memcmp(k, want, kl), 0);
    check_val(sh, i, m->ver[i], v, vl);
}

/* A full forward and backward scan equals the model. */
static void check_scan(const struct shape *sh, uint32_t root, const struct model *m)
{
    bt_cursor *c;
    uint32_t i, seen = 0;
    uint64_t count;
    int r;

    REQUIRE_EQ(bt_cursor_open(pg, root, &c), 0);
    for (i = model_ge(m, 0), r = bt_first(c); i < m->n; i = model_ge(m, i + 1), r = bt_next(c)) {
        REQUIRE_EQ(r, 0);
        check_cursor_on(sh, c, m, i);
        seen++;
    }
    REQUIRE_EQ(r, JET_errNoCurrentRecord);
    REQUIRE_EQ(seen, m->count);
    for (i = model_le(m, m->n - 1), r = bt_last(c); i != UINT32_MAX;
         i = model_le(m, (int64_t)i - 1), r = bt_prev(c)) {
        REQUIRE_EQ(r, 0);
        check_cursor_on(sh, c, m, i);
    }
    REQUIRE_EQ(r, JET_errNoCurrentRecord);
    bt_cursor_close(c);
    REQUIRE_EQ(bt_count(pg, root, &count), 0);
    REQUIRE_EQ(count, m->count);
}

static void check_verify(uint32_t root, const struct model *m, struct bt_stats *out)
{
    struct bt_stats st;
    REQUIRE_EQ(bt_verify(pg, root, &st), 0);
    REQUIRE_EQ(st.entries, m ? m->count : st.entries);
    if (out) *out = st;
}

/* ---- basic behaviour ------------------------------------------------ */

START_TEST(empty_tree)
{
    uint32_t root, vlen;
    uint64_t count;
    struct bt_stats st;
    bt_cursor *c;
    const uint8_t *k, *v;
    uint32_t kl, vl;
    int exact = 7;

    setup_db(page_sizes[_i]);
    REQUIRE_EQ(bt_create(pg, &root), 0);
    REQUIRE_EQ(bt_get(pg, root, "a", 1, NULL, 0, &vlen), JET_errRecordNotFound);
    REQUIRE_EQ(bt_delete(pg, root, "a", 1), JET_errRecordNotFound);
    REQUIRE_EQ(bt_put(pg, root, "a", 1, "x", 1, BT_REPLACE_ONLY), JET_errRecordNotFound);
    REQUIRE_EQ(bt_count(pg, root, &count), 0);
    REQUIRE_EQ(count, 0);
    REQUIRE_EQ(bt_verify(pg, root, &st), 0);
    REQUIRE_EQ(st.entries, 0);
    REQUIRE_EQ(st.leaf_pages, 1);
    REQUIRE_EQ(st.branch_pages, 0);
    REQUIRE_EQ(st.depth, 1);
    REQUIRE_EQ(bt_cursor_open(pg, root, &c), 0);
    REQUIRE_EQ(bt_cursor_get(c, &k, &kl, &v, &vl), JET_errNoCurrentRecord);
    REQUIRE_EQ(bt_next(c), JET_errNoCurrentRecord);
    REQUIRE_EQ(bt_prev(c), JET_errNoCurrentRecord);
    REQUIRE_EQ(bt_first(c), JET_errNoCurrentRecord);
    REQUIRE_EQ(bt_last(c), JET_errNoCurrentRecord);
    REQUIRE_EQ(bt_seek(c, "a", 1, BT_SEEK_GE, &exact), JET_errRecordNotFound);
    REQUIRE_EQ(exact, 0);
    REQUIRE_EQ(bt_seek(c, "a", 1, BT_SEEK_LE, NULL), JET_errRecordNotFound);
    REQUIRE_EQ(bt_seek(c, "a", 1, 99, NULL), JET_errInvalidParameter);
    REQUIRE_EQ(bt_cursor_get(c, &k, &kl, &v, &vl), JET_errNoCurrentRecord);
    /* An empty key is a key like any other. */
    REQUIRE_EQ(bt_put(pg, root, "", 0, "e", 1, BT_INSERT_ONLY), 0);
    REQUIRE_EQ(bt_first(c), 0);
    REQUIRE_EQ(bt_cursor_get(c, &k, &kl, &v, &vl), 0);
    REQUIRE_EQ(kl, 0);
    REQUIRE_EQ(vl, 1);
    REQUIRE_EQ(bt_delete(pg, root, "", 0), 0);
    bt_cursor_close(c);
    REQUIRE_EQ(pinned(), 1);
    teardown_db();
}
END_TEST

START_TEST(put_modes_and_values)
{
    uint32_t root, vlen;
    uint8_t buf[64];

    setup_db(4096);
    REQUIRE_EQ(bt_create(pg, &root), 0);
    REQUIRE_EQ(bt_put(pg, root, "k", 1, "one", 3, BT_INSERT_ONLY), 0);
    REQUIRE_EQ(bt_put(pg, root, "k", 1, "two", 3, BT_INSERT_ONLY), JET_errKeyDuplicate);
    REQUIRE_EQ(bt_put(pg, root, "k", 1, "three", 5, BT_REPLACE_ONLY), 0);
    REQUIRE_EQ(bt_put(pg, root, "j", 1, "x", 1, BT_REPLACE_ONLY), JET_errRecordNotFound);
    REQUIRE_EQ(bt_put(pg, root, "j", 1, "x", 1, 3), JET_errInvalidParameter);
    REQUIRE_EQ(bt_get(pg, root, "k", 1, buf, sizeof(buf), &vlen), 0);
    REQUIRE_EQ(vlen, 5);
    REQUIRE_EQ(memcmp(buf, "three", 5), 0);
    /* A short buffer gets the start and the full length. */
    memset(buf, 0, sizeof(buf));
    REQUIRE_EQ(bt_get(pg, root, "k", 1, buf, 2, &vlen), 0);
    REQUIRE_EQ(vlen, 5);
    REQUIRE_EQ(memcmp(buf, "th\0", 3), 0);
    REQUIRE_EQ(bt_put(pg, root, "k", 1, "", 0, BT_UPSERT), 0);
    REQUIRE_EQ(bt_get(pg, root, "k", 1, NULL, 0, &vlen), 0);
    REQUIRE_EQ(vlen, 0);
    /* Prefix keys are distinct keys. */
    REQUIRE_EQ(bt_put(pg, root, "kk", 2, "2", 1, BT_INSERT_ONLY), 0);
    REQUIRE_EQ(bt_get(pg, root, "kk", 2, buf, sizeof(buf), &vlen), 0);
    REQUIRE_EQ(vlen, 1);
    REQUIRE_EQ(bt_verify(pg, root, NULL), 0);
    teardown_db();
}
END_TEST

/* Largest key and cell at each page size; one byte more is refused and
 * leaves the tree as it was. */
START_TEST(size_limits)
{
    uint32_t psize = page_sizes[_i], kmax = bt_key_max(psize), cmax = bt_cell_max(psize);
    static uint8_t key[4001], val[PAGE_SIZE_MAX];
    uint32_t root, i, vlen;
    struct bt_stats st;

    setup_db(psize);
    REQUIRE_EQ(kmax, psize == 4096 ? 2000 : 4000);
    REQUIRE_EQ(cmax, (psize - 40) / 2 - 6);
    REQUIRE_EQ(bt_create(pg, &root), 0);
    memset(key, 'K', sizeof(key));
    REQUIRE_EQ(bt_put(pg, root, key, kmax + 1, "v", 1, BT_UPSERT), JET_errKeyTooBig);
    REQUIRE_EQ(bt_put(pg, root, key, kmax, val, cmax - kmax + 1, BT_UPSERT), JET_errRecordTooBig);
    REQUIRE_EQ(bt_put(pg, root, key, 1, val, 0x7fffffff, BT_UPSERT), JET_errRecordTooBig);
    check_verify(root, NULL, &st);
    REQUIRE_EQ(st.entries, 0);
    /* Many cells of the largest size: every split must succeed. */
    for (i = 0; i < 64; i++) {
        put_be32(key + kmax - 4, i * 0x9E3779B1u);
        memset(val, (int)i, cmax);
        REQUIRE_EQ(bt_put(pg, root, key, kmax, val, cmax - kmax, BT_INSERT_ONLY), 0);
        put_be32(val, i);
        REQUIRE_EQ(bt_put(pg, root, key, i % 7 + 1, val, cmax - (i % 7 + 1), BT_UPSERT), 0);
    }
    check_verify(root, NULL, &st);
    REQUIRE_EQ(st.entries, 64 + 7);
    REQUIRE_GE(st.depth, 3);
    /* Growing a value to the maximum in a full page, then shrinking it. */
    for (i = 0; i < 64; i++) {
        put_be32(key + kmax - 4, i * 0x9E3779B1u);
        REQUIRE_EQ(bt_put(pg, root, key, kmax, val, i % 2 ? 0 : cmax - kmax, BT_REPLACE_ONLY), 0);
        REQUIRE_EQ(bt_get(pg, root, key, kmax, NULL, 0, &vlen), 0);
        REQUIRE_EQ(vlen, i % 2 ? 0 : cmax - kmax);
    }
    REQUIRE_EQ(bt_put(pg, root, key, kmax + 1, "v", 1, BT_UPSERT), JET_errKeyTooBig);
    check_verify(root, NULL, NULL);
    teardown_db();
}
END_TEST

/* Ascending and descending loads fill pages; keys with long common
 * prefixes make deep trees. */
START_TEST(sequential_loads)
{
    uint32_t psize = page_sizes[_i], n = 20000, root, i;
    struct shape sh = { 0, 0, 16, 0 };
    struct model m;
    struct bt_stats st;
    uint64_t payload, capacity;

    setup_db(psize);
    for (int dir = 0; dir < 2; dir++) {
        model_init(&m, n);
        REQUIRE_EQ(bt_create(pg, &root), 0);
        for (i = 0; i < n; i++) put_one(&sh, root, &m, dir ? n - 1 - i : i, BT_INSERT_ONLY);
        check_verify(root, &m, &st);
        payload = st.key_bytes + st.value_bytes + st.entries * 6;
        capacity = st.leaf_pages * (uint64_t)(psize - 40);
        /* at least 90% full leaves */
        REQUIRE_GE(payload * 10, capacity * 9);
        check_scan(&sh, root, &m);
        REQUIRE_EQ(bt_drop(pg, root), 0);
        model_free(&m);
    }
    REQUIRE_EQ(pinned(), 1);
    teardown_db();
}
END_TEST

START_TEST(deep_tree_big_keys)
{
    uint32_t psize = page_sizes[_i], root, i, n;
    /* Keys of the largest size (the prefix makes separators as long), with
     * values that still fit a cell (22 bytes on 4 KiB pages). */
    uint32_t room = bt_cell_max(psize) - bt_key_max(psize);
    struct shape sh = { bt_key_max(psize) - 4 - 3, 4, room < 40 ? room : 40, 0 };
    struct model m;
    struct bt_stats st;

    seed_rnd("deep_tree_big_keys", _i);
    setup_db(psize);
    n = 3000;
    model_init(&m, n);
    REQUIRE_EQ(bt_create(pg, &root), 0);
    for (i = 0; i < n; i++) put_one(&sh, root, &m, (uint32_t)(rnd() % n), BT_UPSERT);
    check_verify(root, &m, &st);
    REQUIRE_GE(st.depth, 3);
    check_scan(&sh, root, &m);
    for (i = 0; i < n; i++) get_one(&sh, root, &m, i);
    /* Empty it in random order. */
    for (i = 0; i < 4 * n; i++) delete_one(&sh, root, &m, (uint32_t)(rnd() % n));
    for (i = 0; i < n; i++) delete_one(&sh, root, &m, i);
    check_verify(root, &m, &st);
    REQUIRE_EQ(st.depth, 1);
    REQUIRE_EQ(st.leaf_pages, 1);
    REQUIRE_EQ(free_pages() + 2, pager_page_count(pg));
    REQUIRE_EQ(pinned(), 1);
    model_free(&m);
    teardown_db();
}
END_TEST

/* ---- random operations against the model ---------------------------- */

/* A parked cursor's model: on number i (present or deleted since), or at
 * an end. */
struct cmodel {
    bt_cursor *c;
    int state; /* 0 before first, 1 after last, 2 on pos */
    uint32_t pos;
};

static void cursor_step(const struct shape *sh, struct cmodel *cm, const struct model *m,
                        int forward)
{
    uint32_t want;
    int r = forward ? bt_next(cm->c) : bt_prev(cm->c);

    if (forward) {
        if (cm->state == 1) want = m->n;
        else want = model_ge(m, cm->state == 0 ? 0 : cm->pos + 1);
        if (want >= m->n) {
            REQUIRE_EQ(r, JET_errNoCurrentRecord);
            cm->state = 1;
            return;
        }
    } else {
        if (cm->state == 0) want = UINT32_MAX;
        else want = model_le(m, cm->state == 1 ? (int64_t)m->n - 1 : (int64_t)cm->pos - 1);
        if (want == UINT32_MAX) {
            REQUIRE_EQ(r, JET_errNoCurrentRecord);
            cm->state = 0;
            return;
        }
    }
    REQUIRE_EQ(r, 0);
    cm->state = 2;
    cm->pos = want;
    check_cursor_on(sh, cm->c, m, want);
}

static void cursor_check_parked(const struct shape *sh, struct cmodel *cm, const struct model *m)
{
    const uint8_t *k, *v;
    uint32_t kl, vl;

    if (cm->state == 2 && m->present[cm->pos]) check_cursor_on(sh, cm->c, m, cm->pos);
    else REQUIRE_EQ(bt_cursor_get(cm->c, &k, &kl, &v, &vl), JET_errNoCurrentRecord);
}

static void seek_one(const struct shape *sh, struct cmodel *cm, const struct model *m, uint32_t i)
{
    uint8_t key[4001];
    uint32_t klen = make_key(sh, i, key), want;
    int dir = 1 + (int)(rnd() % 4), between = (int)(rnd() % 3 == 0), exact = -1, r;

    if (between) key[klen++] = 0; /* just above key i, below key i + 1 */
    r = bt_seek(cm->c, key, klen, dir, &exact);
    switch (dir) {
    case BT_SEEK_GE: want = model_ge(m, between ? i + 1 : i); break;
    case BT_SEEK_GT: want = model_ge(m, i + 1); break;
    case BT_SEEK_LE: want = model_le(m, i); break;
    default: want = model_le(m, between ? i : (int64_t)i - 1); break;
    }
    if (want >= m->n) {
        REQUIRE_EQ(r, JET_errRecordNotFound);
        REQUIRE_EQ(exact, 0);
        cm->state = dir <= BT_SEEK_GT ? 1 : 0;
        return;
    }
    REQUIRE_EQ(r, 0);
    REQUIRE_EQ(exact, !between && want == i);
    cm->state = 2;
    cm->pos = want;
    check_cursor_on(sh, cm->c, m, want);
}

static void random_ops(const struct shape *sh, uint32_t n, uint32_t ops, uint32_t verify_every)
{
    struct model m;
    struct cmodel cm[3];
    uint32_t root, op, j;

    model_init(&m, n);
    REQUIRE_EQ(bt_create(pg, &root), 0);
    for (j = 0; j < 3; j++) {
        REQUIRE_EQ(bt_cursor_open(pg, root, &cm[j].c), 0);
        cm[j].state = 0;
    }
    for (op = 0; op < ops; op++) {
        uint32_t i = (uint32_t)(rnd() % n), what = (uint32_t)(rnd() % 100);
        /* Phases: mostly inserts, then mixed, then mostly deletes. */
        uint32_t phase = op * 3 / ops, ins = phase == 0 ? 70 : phase == 1 ? 40 : 15;
        struct cmodel *c = &cm[rnd() % 3];
        if (what < ins) put_one(sh, root, &m, i, (unsigned)(rnd() % 3));
        else if (what < ins + 25) delete_one(sh, root, &m, i);
        else if (what < ins + 35) get_one(sh, root, &m, i);
        else if (what < ins + 40) seek_one(sh, c, &m, i);
        else if (what < ins + 43) cursor_check_parked(sh, c, &m);
        else cursor_step(sh, c, &m, (int)(rnd() % 2));
        if (verify_every && op % verify_every == verify_every - 1) check_verify(root, &m, NULL);
    }
    check_verify(root, &m, NULL);
    check_scan(sh, root, &m);
    /* Empty the tree with the cursors parked inside it, then refill. */
    for (j = 0; j < n; j++) {
        delete_one(sh, root, &m, j);
        if (j % 1024 == 0) cursor_check_parked(sh, &cm[j % 3], &m);
    }
    for (j = 0; j < 3; j++) {
        cursor_check_parked(sh, &cm[j], &m);
        cursor_step(sh, &cm[j], &m, (int)j % 2);
    }
    check_verify(root, &m, NULL);
    for (j = 0; j < n / 4; j++) put_one(sh, root, &m, (uint32_t)(rnd() % n), BT_UPSERT);
    check_verify(root, &m, NULL);
    check_scan(sh, root, &m);
    for (j = 0; j < 3; j++) bt_cursor_close(cm[j].c);
    REQUIRE_EQ(bt_drop(pg, root), 0);
    REQUIRE_EQ(free_pages() + 1, pager_page_count(pg));
    model_free(&m);
}

static const struct shape shapes[] = {
    { 0, 0, 8, 0 },       /* small fixed keys, small values */
    { 8, 13, 100, 0 },    /* variable keys and values */
    { 200, 7, 300, 0 },   /* long shared prefixes: long separators */
    { 0, 40, 1500, 0 },   /* big values: few cells per page */
    { 0, 0, 60, 990 }, /* separators of 2 to 993 bytes */
};

START_TEST(random_against_model)
{
    uint32_t psize = page_sizes[_i % 4];
    const struct shape *sh = &shapes[_i / 4];
    uint32_t n = UNDER_ASAN ? 10000 : 40000, ops = UNDER_ASAN ? 100000 : 400000;
    char name[64];

    snprintf(name, sizeof(name), "random_against_model(page %u, shape %d)", psize, _i / 4);
    seed_rnd(name, (uint32_t)_i);
    setup_db(psize);
    random_ops(sh, n, ops, ops / 8);
    REQUIRE_EQ(pinned(), 1);
    teardown_db();
}
END_TEST

/* ---- cursors --------------------------------------------------------- */

START_TEST(cursor_ends_and_seeks)
{
    struct shape sh = { 0, 0, 8, 0 };
    struct model m;
    struct cmodel cm;
    uint32_t root, i;
    uint8_t key[8];
    int exact;

    seed_rnd("cursor_ends_and_seeks", 0);
    setup_db(4096);
    model_init(&m, 4000);
    REQUIRE_EQ(bt_create(pg, &root), 0);
    for (i = 10; i < 3990; i += 2) put_one(&sh, root, &m, i, BT_INSERT_ONLY);
    REQUIRE_EQ(bt_cursor_open(pg, root, &cm.c), 0);
    cm.state = 0;
    /* From before-first, next lands on the first entry; prev runs off. */
    cursor_step(&sh, &cm, &m, 1);
    REQUIRE_EQ(cm.pos, 10);
    cursor_step(&sh, &cm, &m, 0);
    REQUIRE_EQ(cm.state, 0);
    cursor_step(&sh, &cm, &m, 0); /* stays before first */
    cursor_step(&sh, &cm, &m, 1);
    REQUIRE_EQ(cm.pos, 10);
    /* From after-last, prev lands on the last entry. */
    REQUIRE_EQ(bt_last(cm.c), 0);
    cm.state = 2;
    cm.pos = 3988;
    cursor_step(&sh, &cm, &m, 1);
    REQUIRE_EQ(cm.state, 1);
    cursor_step(&sh, &cm, &m, 1);
    cursor_step(&sh, &cm, &m, 0);
    REQUIRE_EQ(cm.pos, 3988);
    /* Seeks past the ends. */
    put_be32(key, 3999);
    REQUIRE_EQ(bt_seek(cm.c, key, 4, BT_SEEK_GE, &exact), JET_errRecordNotFound);
    REQUIRE_EQ(bt_prev(cm.c), 0); /* after last */
    check_cursor_on(&sh, cm.c, &m, 3988);
    put_be32(key, 3);
    REQUIRE_EQ(bt_seek(cm.c, key, 4, BT_SEEK_LE, &exact), JET_errRecordNotFound);
    REQUIRE_EQ(bt_next(cm.c), 0); /* before first */
    check_cursor_on(&sh, cm.c, &m, 10);
    REQUIRE_EQ(bt_seek(cm.c, key, 4, BT_SEEK_GT, &exact), 0);
    REQUIRE(!exact);
    check_cursor_on(&sh, cm.c, &m, 10);
    put_be32(key, 500);
    REQUIRE_EQ(bt_seek(cm.c, key, 4, BT_SEEK_LE, &exact), 0);
    REQUIRE(exact);
    REQUIRE_EQ(bt_seek(cm.c, key, 4, BT_SEEK_LT, &exact), 0);
    REQUIRE(!exact);
    check_cursor_on(&sh, cm.c, &m, 498);
    /* A prefix of key 500 sorts before every key that extends it. */
    REQUIRE_EQ(bt_seek(cm.c, key, 3, BT_SEEK_GE, &exact), 0);
    REQUIRE(!exact);
    check_cursor_on(&sh, cm.c, &m, 256);
    REQUIRE_EQ(bt_seek(cm.c, key, 3, BT_SEEK_LE, &exact), 0);
    check_cursor_on(&sh, cm.c, &m, 254);
    /* Many random seeks. */
    for (i = 0; i < 20000; i++) seek_one(&sh, &cm, &m, (uint32_t)(rnd() % 4000));
    bt_cursor_close(cm.c);
    model_free(&m);
    REQUIRE_EQ(pinned(), 1);
    teardown_db();
}
END_TEST

/* The entry under a parked cursor is deleted: get says so, next and prev
 * continue from its place; also when the whole leaf goes away. */
START_TEST(cursor_across_deletes)
{
    struct shape sh = { 0, 0, 100, 0 };
    struct model m;
    struct cmodel cm, cm2;
    uint32_t root, i;

    setup_db(4096);
    model_init(&m, 5000);
    REQUIRE_EQ(bt_create(pg, &root), 0);
    for (i = 0; i < 5000; i++) put_one(&sh, root, &m, i, BT_INSERT_ONLY);
    REQUIRE_EQ(bt_cursor_open(pg, root, &cm.c), 0);
    REQUIRE_EQ(bt_cursor_open(pg, root, &cm2.c), 0);
    {
        uint8_t key[8];
        put_be32(key, 2500);
        REQUIRE_EQ(bt_seek(cm.c, key, 4, BT_SEEK_GE, NULL), 0);
        cm.pos = 2500;
        put_be32(key, 2400);
        REQUIRE_EQ(bt_seek(cm2.c, key, 4, BT_SEEK_GE, NULL), 0);
        cm2.state = 2;
        cm2.pos = 2400;
    }
    delete_one(&sh, root, &m, 2500);
    cursor_check_parked(&sh, &cm, &m);
    cursor_step(&sh, &cm, &m, 1);
    REQUIRE_EQ(cm.pos, 2501);
    delete_one(&sh, root, &m, 2501);
    cursor_step(&sh, &cm, &m, 0);
    REQUIRE_EQ(cm.pos, 2499);
    /* A wide range around both cursors goes: pages are merged and freed
     * under them. */
    for (i = 2300; i < 2700; i++) delete_one(&sh, root, &m, i);
    cursor_check_parked(&sh, &cm, &m);
    cursor_check_parked(&sh, &cm2, &m);
    cursor_step(&sh, &cm, &m, 1);
    REQUIRE_EQ(cm.pos, 2700);
    cursor_step(&sh, &cm2, &m, 0);
    REQUIRE_EQ(cm2.pos, 2299);
    /* Re-inserted entries around a parked cursor are seen. */
    put_one(&sh, root, &m, 2298, BT_UPSERT);
    put_one(&sh, root, &m, 2299, BT_UPSERT); /* new version of the current */
    cursor_check_parked(&sh, &cm2, &m);
    for (i = 2400; i < 2410; i++) put_one(&sh, root, &m, i, BT_UPSERT);
    cursor_step(&sh, &cm2, &m, 1);
    REQUIRE_EQ(cm2.pos, 2400);
    /* Delete everything: both cursors run off the ends. */
    for (i = 0; i < 5000; i++) delete_one(&sh, root, &m, i);
    cursor_check_parked(&sh, &cm, &m);
    cursor_step(&sh, &cm, &m, 1);
    REQUIRE_EQ(cm.state, 1);
    cursor_step(&sh, &cm2, &m, 0);
    REQUIRE_EQ(cm2.state, 0);
    put_one(&sh, root, &m, 77, BT_UPSERT);
    cursor_step(&sh, &cm, &m, 0);
    REQUIRE_EQ(cm.pos, 77);
    bt_cursor_close(cm.c);
    bt_cursor_close(cm2.c);
    REQUIRE_EQ(pinned(), 1);
    check_verify(root, &m, NULL);
    model_free(&m);
    teardown_db();
}
END_TEST

/* Values handed back by a cursor point into the database; putting them
 * under other keys (with splits) must copy the right bytes. */
START_TEST(values_from_the_tree)
{
    uint32_t root, i, kl, vl, vlen;
    const uint8_t *k, *v;
    uint8_t key[8], buf[2100];
    bt_cursor *c;

    setup_db(4096);
    REQUIRE_EQ(bt_create(pg, &root), 0);
    for (i = 0; i < 200; i++) {
        memset(buf, (int)i, 1000);
        put_be32(key, i * 2);
        REQUIRE_EQ(bt_put(pg, root, key, 4, buf, 1000, BT_INSERT_ONLY), 0);
    }
    REQUIRE_EQ(bt_cursor_open(pg, root, &c), 0);
    for (i = 0; i < 200; i++) {
        /* insert, then grow, with the value read from the tree */
        put_be32(key, i * 2);
        REQUIRE_EQ(bt_seek(c, key, 4, BT_SEEK_GE, NULL), 0);
        REQUIRE_EQ(bt_cursor_get(c, &k, &kl, &v, &vl), 0);
        put_be32(key, i * 2 + 1);
        REQUIRE_EQ(bt_put(pg, root, key, 4, v, vl / 2, BT_INSERT_ONLY), 0);
        put_be32(key, i * 2);
        REQUIRE_EQ(bt_seek(c, key, 4, BT_SEEK_GE, NULL), 0);
        REQUIRE_EQ(bt_cursor_get(c, &k, &kl, &v, &vl), 0);
        put_be32(key, i * 2 + 1);
        REQUIRE_EQ(bt_put(pg, root, key, 4, v, vl, BT_REPLACE_ONLY), 0);
        /* shrink in place with the cursor's own key and value */
        REQUIRE_EQ(bt_seek(c, key, 4, BT_SEEK_GE, NULL), 0);
        REQUIRE_EQ(bt_cursor_get(c, &k, &kl, &v, &vl), 0);
        REQUIRE_EQ(bt_put(pg, root, k, kl, v + 1, vl - 1, BT_REPLACE_ONLY), 0);
        REQUIRE_EQ(bt_cursor_get(c, &k, &kl, &v, &vl), 0);
        REQUIRE_EQ(bt_put(pg, root, k, kl, v, vl, BT_UPSERT), 0);
    }
    bt_cursor_close(c);
    for (i = 0; i < 400; i++) {
        put_be32(key, i);
        REQUIRE_EQ(bt_get(pg, root, key, 4, buf, sizeof(buf), &vlen), 0);
        REQUIRE_EQ(vlen, i % 2 ? 999 : 1000);
        for (uint32_t j = 0; j < vlen; j++) REQUIRE_EQ(buf[j], (i / 2) & 0xff);
    }
    REQUIRE_EQ(bt_verify(pg, root, NULL), 0);
    teardown_db();
}
END_TEST

/* ---- persistence ---------------------------------------------------- */

/* A checkpoint writes the tree; reopened with a tiny cache (pages are read
 * back and evicted all the time), it is the same tree. */
START_TEST(checkpoint_and_reopen)
{
    struct shape sh = { 4, 5, 60, 0 };
    struct model m;
    pager_snapshot *snap;
    uint32_t root, i;

    seed_rnd("checkpoint_and_reopen", 0);
    setup_db(8192);
    model_init(&m, 20000);
    REQUIRE_EQ(bt_create(pg, &root), 0);
    for (i = 0; i < 30000; i++) put_one(&sh, root, &m, (uint32_t)(rnd() % m.n), BT_UPSERT);
    REQUIRE_EQ(pager_snapshot_take(pg, &snap), 0);
    REQUIRE_EQ(pager_snapshot_write(pg, snap), 0);
    pager_snapshot_free(snap);
    pager_close(pg);
    pg = open_db(0, PAGER_READONLY, 16); /* readers never dirty a page */
    check_verify(root, &m, NULL);
    check_scan(&sh, root, &m);
    for (i = 0; i < m.n; i += 3) get_one(&sh, root, &m, i);
    pager_close(pg);
    pg = open_db(0, 0, 16);
    check_verify(root, &m, NULL);
    for (i = 0; i < 20000; i++) {
        uint32_t k = (uint32_t)(rnd() % m.n);
        if (i % 3) put_one(&sh, root, &m, k, BT_UPSERT);
        else delete_one(&sh, root, &m, k);
    }
    check_verify(root, &m, NULL);
    check_scan(&sh, root, &m);
    REQUIRE_EQ(pinned(), 1);
    model_free(&m);
    teardown_db();
}
END_TEST

/* ---- several trees, failures, readers ------------------------------- */

/* Trees sharing one file stay apart; dropping one leaves the others. */
START_TEST(interleaved_trees)
{
    struct shape sh[3] = { { 0, 5, 30, 0 }, { 20, 3, 200, 0 }, { 2, 0, 0, 0 } };
    struct model m[3];
    uint32_t root[3], op, t, before;

    seed_rnd("interleaved_trees", 0);
    setup_db(page_sizes[_i]);
    for (t = 0; t < 3; t++) {
        model_init(&m[t], 5000);
        REQUIRE_EQ(bt_create(pg, &root[t]), 0);
    }
    for (op = 0; op < 60000; op++) {
        t = (uint32_t)(rnd() % 3);
        if (rnd() % 4) put_one(&sh[t], root[t], &m[t], (uint32_t)(rnd() % 5000), BT_UPSERT);
        else delete_one(&sh[t], root[t], &m[t], (uint32_t)(rnd() % 5000));
    }
    for (t = 0; t < 3; t++) check_verify(root[t], &m[t], NULL);
    before = free_pages();
    REQUIRE_EQ(bt_drop(pg, root[1]), 0);
    REQUIRE_GT(free_pages(), before);
    REQUIRE_EQ(bt_verify(pg, root[1], NULL), JET_errDatabaseCorrupted); /* its root is free now */
    for (t = 0; t < 3; t += 2) {
        check_verify(root[t], &m[t], NULL);
        check_scan(&sh[t], root[t], &m[t]);
    }
    /* The freed pages are used again. */
    before = pager_page_count(pg);
    for (op = 0; op < 20000; op++)
        put_one(&sh[0], root[0], &m[0], (uint32_t)(rnd() % 5000), BT_UPSERT);
    REQUIRE_EQ(pager_page_count(pg), before);
    check_verify(root[0], &m[0], NULL);
    for (t = 0; t < 3; t++) model_free(&m[t]);
    REQUIRE_EQ(pinned(), 1);
    teardown_db();
}
END_TEST

/* Leaf hints (hint.c) only skip descents: runs of neighbouring keys (which
 * make the hints trusted) interleaved with deletes that merge and free the
 * hinted leaves, random jumps, every put mode, and a dropped tree whose
 * pages and root come back in a new tree, all agree with the model. */
START_TEST(leaf_hints_stay_right)
{
    struct shape sh = { 0, 0, 40, 0 };
    struct model m, m2;
    uint32_t root, root2, op, i, j, n = 6000;
    static const unsigned modes[] = { BT_UPSERT, BT_INSERT_ONLY, BT_REPLACE_ONLY };

    seed_rnd("leaf_hints_stay_right", _i);
    setup_db(page_sizes[_i]);
    model_init(&m, n);
    REQUIRE_EQ(bt_create(pg, &root), 0);
    for (op = 0; op < 300; op++) {
        i = (uint32_t)(rnd() % n);
        for (j = 0; j < 40 && i + j < n; j++) {
            if (op % 3 == 2) delete_one(&sh, root, &m, i + j);
            else put_one(&sh, root, &m, i + j, modes[rnd() % 3]);
            get_one(&sh, root, &m, i + j);
            get_one(&sh, root, &m, (i + j + 1) % n);
        }
        /* empty the tail of the tree, where ordered puts leave the hint */
        if (op % 50 == 49)
            for (j = n / 2; j < n; j++) delete_one(&sh, root, &m, j);
    }
    check_verify(root, &m, NULL);
    check_scan(&sh, root, &m);
    REQUIRE_EQ(bt_drop(pg, root), 0);
    model_init(&m2, n);
    REQUIRE_EQ(bt_create(pg, &root2), 0);
    for (i = 0; i < n; i += 2) {
        put_one(&sh, root2, &m2, i, BT_INSERT_ONLY);
        get_one(&sh, root2, &m2, i + 1);
    }
    for (i = 0; i < n; i++) get_one(&sh, root2, &m2, i);
    check_verify(root2, &m2, NULL);
    model_free(&m);
    model_free(&m2);
    REQUIRE_EQ(pinned(), 1);
    teardown_db();
}
END_TEST

/* A split that fails while preparing (here: the right neighbour of the
 * leaf does not link back) changes nothing: with the link repaired, the
 * tree is exactly what it was. */
START_TEST(failed_split_changes_nothing)
{
    struct shape sh = { 0, 0, 100, 0 };
    struct model m;
    struct bt_stats st0, st1;
    uint32_t root, i, leaf_pgno, next_pgno, old_prev;
    uint8_t key[4001], val[4096];
    pager_page *leaf, *next;
    int r;

    setup_db(4096);
    model_init(&m, 4000);
    REQUIRE_EQ(bt_create(pg, &root), 0);
    for (i = 0; i < 4000; i += 4) put_one(&sh, root, &m, i, BT_INSERT_ONLY);
    check_verify(root, &m, &st0);
    /* The leaf holding key 2000 and its right neighbour. */
    REQUIRE_EQ(bt_descend(pg, root, key, make_key(&sh, 2000, key), BT_EDGE_KEY, &leaf), 0);
    leaf_pgno = pager_pgno(leaf);
    next_pgno = get_u32(pager_data(leaf) + PAGE_OFF_NEXT);
    pager_release(leaf);
    REQUIRE(next_pgno != 0);
    REQUIRE_EQ(pager_get(pg, next_pgno, &next), 0);
    pager_make_dirty(next);
    old_prev = get_u32(pager_data(next) + PAGE_OFF_PREV);
    REQUIRE_EQ(old_prev, leaf_pgno);
    put_u32(pager_data(next) + PAGE_OFF_PREV, 3);
    pager_release(next);
    /* Fill the leaf until it must split. */
    memset(val, 'x', sizeof(val));
    for (i = 2001, r = 0; i < 2004 && !r; i++) {
        uint32_t klen = make_key(&sh, i, key);
        r = bt_put(pg, root, key, klen, val, 1500, BT_INSERT_ONLY);
        if (!r) {
            m.present[i] = 1;
            m.count++;
            m.ver[i] = 0;
        }
    }
    REQUIRE_EQ(r, JET_errDatabaseCorrupted);
    REQUIRE_EQ(pinned(), 1);
    REQUIRE_EQ(pager_get(pg, next_pgno, &next), 0);
    pager_make_dirty(next);
    put_u32(pager_data(next) + PAGE_OFF_PREV, old_prev);
    pager_release(next);
    check_verify(root, &m, &st1);
    REQUIRE_EQ(st1.leaf_pages, st0.leaf_pages);
    REQUIRE_EQ(st1.branch_pages, st0.branch_pages);
    for (i = 0; i < 4000; i += 4) get_one(&sh, root, &m, i);
    model_free(&m);
    teardown_db();
}
END_TEST

struct reader_arg {
    uint32_t root, n, errors;
    const struct shape *sh;
    const struct model *m;
    uint64_t seed;
};

/* Readers do not change anything, so they run together. */
static void reader(void *p)
{
    struct reader_arg *a = p;
    static __thread uint8_t val[PAGE_SIZE_MAX];
    uint8_t key[4001];
    uint32_t i, klen, vlen, seen = 0;
    uint64_t s = a->seed;
    bt_cursor *c;

    for (i = 0; i < 20000; i++) {
        uint32_t k;
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        k = (uint32_t)(s >> 33) % a->n;
        klen = make_key(a->sh, k, key);
        if (bt_get(pg, a->root, key, klen, val, sizeof(val), &vlen)
            != (a->m->present[k] ? 0 : JET_errRecordNotFound))
            a->errors++;
    }
    if (bt_cursor_open(pg, a->root, &c)) {
        a->errors++;
        return;
    }
    for (int r = bt_first(c); r == 0; r = bt_next(c)) seen++;
    if (seen != a->m->count) a->errors++;
    bt_cursor_close(c);
}

START_TEST(concurrent_readers)
{
    struct shape sh = { 0, 7, 40, 0 };
    struct reader_arg args[4];
    os_thread *th[4];
    struct model m;
    uint32_t root, i;

    seed_rnd("concurrent_readers", 0);
    vfs = os_memvfs_create();
    pg = open_db(4096, PAGER_CREATE, 64); /* small: readers evict and read back */
    model_init(&m, 50000);
    REQUIRE_EQ(bt_create(pg, &root), 0);
    for (i = 0; i < 40000; i++) put_one(&sh, root, &m, (uint32_t)(rnd() % m.n), BT_UPSERT);
    {
        pager_snapshot *snap;
        REQUIRE_EQ(pager_snapshot_take(pg, &snap), 0);
        REQUIRE_EQ(pager_snapshot_write(pg, snap), 0);
        pager_snapshot_free(snap);
    }
    for (i = 0; i < 4; i++) {
        args[i].root = root;
        args[i].n = m.n;
        args[i].errors = 0;
        args[i].sh = &sh;
        args[i].m = &m;
        args[i].seed = rnd();
        REQUIRE_EQ(os_thread_start(&th[i], reader, &args[i]), 0);
    }
    for (i = 0; i < 4; i++) {
        os_thread_join(th[i]);
        REQUIRE_EQ(args[i].errors, 0);
    }
    check_verify(root, &m, NULL);
    model_free(&m);
    REQUIRE_EQ(pinned(), 1);
    teardown_db();
}
END_TEST

/* ---- damage ----------------------------------------------------------- */

/* A tree of depth 3 and a way to reach its pages. */
static uint32_t damage_root, leaf_level;
static struct shape damage_shape = { 300, 3, 50, 0 };
static struct model damage_model;

static void damage_setup(void)
{
    struct bt_stats st;
    uint32_t i;

    setup_db(4096);
    model_init(&damage_model, 3000);
    REQUIRE_EQ(bt_create(pg, &damage_root), 0);
    for (i = 0; i < 3000; i++)
        put_one(&damage_shape, damage_root, &damage_model, i, BT_INSERT_ONLY);
    check_verify(damage_root, &damage_model, &st);
    REQUIRE_GE(st.depth, 3);
    leaf_level = (uint32_t)st.depth - 1;
}

static void damage_teardown(void)
{
    model_free(&damage_model);
    teardown_db();
}

/* Pins the page at child index path[0], path[1], ... from the root
 * (index UINT32_MAX: the rightmost child). */
static pager_page *page_at(int depth, const uint32_t *path)
{
    pager_page *p;
    uint32_t pgno = damage_root;
    int d;

    for (d = 0; d <= depth; d++) {
        uint8_t *data;
        uint32_t n, i, off;
        REQUIRE_EQ(pager_get(pg, pgno, &p), 0);
        if (d == depth) break;
        data = pager_data(p);
        n = get_u16(data + PAGE_OFF_NSLOTS);
        i = path[d] > n ? n : path[d];
        if (i == n) {
            pgno = get_u32(data + PAGE_OFF_NEXT);
        } else {
            off = get_u16(data + PAGE_HDR_SIZE + 2 * i);
            pgno = get_u32(data + off);
        }
        pager_release(p);
    }
    pager_make_dirty(p);
    return p;
}

/* Every operation that may meet the damage fails cleanly or succeeds (not
 * every operation reads every page); nothing crashes or leaks a pin. */
static void exercise_damaged_tree(void)
{
    static uint8_t val[PAGE_SIZE_MAX];
    uint8_t key[4001];
    uint32_t i, klen, vlen;
    bt_cursor *c;
    uint64_t count;
    int r;

    for (i = 0; i < 3000; i += 7) {
        klen = make_key(&damage_shape, i, key);
        r = bt_get(pg, damage_root, key, klen, val, sizeof(val), &vlen);
        REQUIRE(r == 0 || r == JET_errDatabaseCorrupted || r == JET_errRecordNotFound);
        r = bt_put(pg, damage_root, key, klen, val, 20, BT_UPSERT);
        REQUIRE(r == 0 || r == JET_errDatabaseCorrupted);
        r = bt_put(pg, damage_root, key, klen, val, 500, BT_UPSERT);
        REQUIRE(r == 0 || r == JET_errDatabaseCorrupted);
        r = bt_delete(pg, damage_root, key, klen);
        REQUIRE(r == 0 || r == JET_errDatabaseCorrupted || r == JET_errRecordNotFound);
    }
    REQUIRE_EQ(bt_cursor_open(pg, damage_root, &c), 0);
    for (r = bt_first(c); r == 0; r = bt_next(c)) continue;
    REQUIRE(r == JET_errNoCurrentRecord || r == JET_errDatabaseCorrupted);
    for (r = bt_last(c); r == 0; r = bt_prev(c)) continue;
    REQUIRE(r == JET_errNoCurrentRecord || r == JET_errDatabaseCorrupted);
    for (i = 0; i < 3000; i += 13) {
        klen = make_key(&damage_shape, i, key);
        r = bt_seek(c, key, klen, 1 + (int)(i % 4), NULL);
        REQUIRE(r == 0 || r == JET_errDatabaseCorrupted || r == JET_errRecordNotFound);
    }
    bt_cursor_close(c);
    r = bt_count(pg, damage_root, &count);
    REQUIRE(r == 0 || r == JET_errDatabaseCorrupted);
    r = bt_verify(pg, damage_root, NULL);
    REQUIRE(r == 0 || r == JET_errDatabaseCorrupted);
    REQUIRE_EQ(pinned(), 1);
}

static void expect_damage_found(void)
{
    REQUIRE_EQ(bt_verify(pg, damage_root, NULL), JET_errDatabaseCorrupted);
    exercise_damaged_tree();
}

START_TEST(damage_cell_offset)
{
    static const uint32_t path[] = { 1, 2, 2, 2, 2 };
    pager_page *p = page_at((int)leaf_level, path);
    put_u16(pager_data(p) + PAGE_HDR_SIZE + 2 * 1, 4090);
    pager_release(p);
    expect_damage_found();
}
END_TEST

START_TEST(damage_key_length)
{
    static const uint32_t path[] = { 0 };
    pager_page *p = page_at(1, path); /* a branch page */
    uint8_t *d = pager_data(p);
    put_u16(d + get_u16(d + PAGE_HDR_SIZE) + 4, 3000);
    pager_release(p);
    expect_damage_found();
}
END_TEST

/* A child pointer to nowhere, to page 1, past the end, to the root. */
START_TEST(damage_child_pointer)
{
    static const uint32_t path[] = { 0 };
    pager_page *p = page_at(1, path);
    uint8_t *d = pager_data(p);
    uint32_t off = get_u16(d + PAGE_HDR_SIZE + 2);
    const uint32_t targets[] = { 0, 1, 999999, damage_root };

    put_u32(d + off, targets[_i]);
    pager_release(p);
    expect_damage_found();
}
END_TEST

START_TEST(damage_header_fields)
{
    static const uint32_t path[] = { 1, UINT32_MAX, UINT32_MAX, UINT32_MAX, UINT32_MAX };
    const int fields[] = { PAGE_OFF_TYPE, PAGE_OFF_LEVEL, PAGE_OFF_NSLOTS, PAGE_OFF_CELL_TOP,
                           PAGE_OFF_FRAG, PAGE_OFF_TREE };
    pager_page *p = page_at((int)leaf_level, path);
    uint8_t *d = pager_data(p);
    int f = fields[_i];

    if (f == PAGE_OFF_TYPE || f == PAGE_OFF_LEVEL) d[f] ^= 3;
    else if (f == PAGE_OFF_TREE) put_u32(d + f, 12345);
    else put_u16(d + f, 4000 + (uint32_t)_i * 100);
    pager_release(p);
    expect_damage_found();
}
END_TEST

/* A broken sibling link, a leaf linking to itself, two cells swapped. */
START_TEST(damage_links_and_order)
{
    static const uint32_t path[] = { 2, 1, 1, 1, 1 };
    pager_page *p = page_at((int)leaf_level, path);
    uint8_t *d = pager_data(p);
    uint32_t a, b;

    if (_i == 0) {
        put_u32(d + PAGE_OFF_NEXT, get_u32(d + PAGE_OFF_NEXT) + 1);
    } else if (_i == 1) {
        put_u32(d + PAGE_OFF_PREV, get_u32(d + PAGE_OFF_PGNO));
    } else {
        a = get_u16(d + PAGE_HDR_SIZE + 2);
        b = get_u16(d + PAGE_HDR_SIZE + 4);
        put_u16(d + PAGE_HDR_SIZE + 2, b);
        put_u16(d + PAGE_HDR_SIZE + 4, a);
    }
    pager_release(p);
    expect_damage_found();
}
END_TEST

/* Random bytes flipped in random pages of the tree: never a crash. */
START_TEST(damage_random_bytes)
{
    uint32_t round, count = pager_page_count(pg);

    seed_rnd("damage_random_bytes", (uint32_t)_i);
    for (round = 0; round < 3; round++) {
        uint32_t pgno = 1 + (uint32_t)(rnd() % (count - 1)), flips = 1 + (uint32_t)(rnd() % 8), f;
        pager_page *p;
        REQUIRE_EQ(pager_get(pg, pgno, &p), 0);
        pager_make_dirty(p);
        for (f = 0; f < flips; f++) {
            uint32_t off = 16 + (uint32_t)(rnd() % (4096 - 16));
            pager_data(p)[off] ^= (uint8_t)(1 + rnd() % 255);
        }
        pager_release(p);
        exercise_damaged_tree();
    }
}
END_TEST

/* ---- a million keys ----------------------------------------------------- */

START_TEST(million_keys)
{
    uint32_t n = UNDER_ASAN ? 1u << 18 : 1u << 20, mask = n - 1, root, i;
    struct shape sh = { 0, 9, 12, 0 };
    struct model m;
    struct bt_stats st;
    clock_t t0 = clock();

    setup_db(4096);
    model_init(&m, n);
    REQUIRE_EQ(bt_create(pg, &root), 0);
    /* i * odd mod 2^k is a permutation: random order, every key once. */
    for (i = 0; i < n; i++) put_one(&sh, root, &m, (i * 0x9E3779B1u) & mask, BT_INSERT_ONLY);
    printf("btree million_keys: %u inserts %.2f s\n", n, (double)(clock() - t0) / CLOCKS_PER_SEC);
    check_verify(root, &m, &st);
    printf("btree million_keys: depth %llu, %llu leaves, %llu branches, %.0f%% full\n",
           (unsigned long long)st.depth, (unsigned long long)st.leaf_pages,
           (unsigned long long)st.branch_pages,
           100.0 * (double)(st.key_bytes + st.value_bytes + 6 * st.entries)
               / (double)(st.leaf_pages * (4096 - 40)));
    check_scan(&sh, root, &m);
    for (i = 0; i < n; i += 97) get_one(&sh, root, &m, i);
    for (i = 0; i < n; i++) {
        delete_one(&sh, root, &m, (i * 0x2545F491u + 12345u) & mask);
        if (i == n / 2) check_verify(root, &m, NULL);
    }
    check_verify(root, &m, &st);
    REQUIRE_EQ(st.depth, 1);
    REQUIRE_EQ(st.leaf_pages, 1);
    REQUIRE_EQ(free_pages() + 2, pager_page_count(pg));
    printf("btree million_keys: done in %.2f s, %u pages back on the free list\n",
           (double)(clock() - t0) / CLOCKS_PER_SEC, free_pages());
    REQUIRE_EQ(pinned(), 1);
    model_free(&m);
    teardown_db();
}
END_TEST

Suite *btree_suite(void)
{
    Suite *s = suite_create("btree");
    TCase *tc = tcase_create("basic");
    TCase *model = tcase_create("model");
    TCase *damage = tcase_create("damage");
    TCase *big = tcase_create("million");

    tcase_add_loop_test(tc, empty_tree, 0, 4);
    tcase_add_test(tc, put_modes_and_values);
    tcase_add_loop_test(tc, size_limits, 0, 4);
    tcase_add_loop_test(tc, sequential_loads, 0, 4);
    tcase_add_loop_test(tc, deep_tree_big_keys, 0, 4);
    tcase_add_test(tc, cursor_ends_and_seeks);
    tcase_add_test(tc, cursor_across_deletes);
    tcase_add_test(tc, values_from_the_tree);
    tcase_add_test(tc, checkpoint_and_reopen);
    tcase_add_loop_test(tc, interleaved_trees, 0, 4);
    tcase_add_test(tc, failed_split_changes_nothing);
    tcase_add_loop_test(tc, leaf_hints_stay_right, 0, 4);
    tcase_add_test(tc, concurrent_readers);
    tcase_set_timeout(tc, 120);
    suite_add_tcase(s, tc);

    tcase_add_loop_test(model, random_against_model, 0, 20);
    tcase_set_timeout(model, 300);
    suite_add_tcase(s, model);

    tcase_add_checked_fixture(damage, damage_setup, damage_teardown);
    tcase_add_test(damage, damage_cell_offset);
    tcase_add_test(damage, damage_key_length);
    tcase_add_loop_test(damage, damage_child_pointer, 0, 4);
    tcase_add_loop_test(damage, damage_header_fields, 0, 6);
    tcase_add_loop_test(damage, damage_links_and_order, 0, 3);
    tcase_add_loop_test(damage, damage_random_bytes, 0, UNDER_ASAN ? 6 : 20);
    tcase_set_timeout(damage, 120);
    suite_add_tcase(s, damage);

    tcase_add_test(big, million_keys);
    tcase_set_timeout(big, 600);
    suite_add_tcase(s, big);
    return s;
}
