/*
 * test_lv.c - long values (engine/lv) on a real store over the in-memory
 * VFS, for every page size.
 *
 * The central check compares every LV with a model: one plain byte array
 * per LID.  Random transactions create, overwrite, append, resize and delete
 * LVs at random offsets and lengths (biased to chunk boundaries), reading
 * back inside the transaction; some commit, some roll back (the model is
 * restored); after each transaction the committed state is compared and
 * lv_verify checks the tree's format; at the end the store is closed and
 * reopened and everything compared again.  Other tests cover the chunk
 * edges one by one, LID allocation, many LVs, a multi-megabyte LV, a crash
 * with an uncommitted transaction, and damaged LVs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esent.h"
#include "lv.h"
#include "os_memvfs.h"
#include "page.h"
#include "store.h"
#include "unit.h"

#define NLID 8

static const uint32_t page_sizes[] = { 4096, 8192, 16384, 32768 };

/* ---- random numbers ------------------------------------------------------ */

static unsigned long long rng;

static uint32_t rnd(uint32_t n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return n ? (uint32_t)(rng % n) : 0;
}

static void seed_rnd(const char *test, int i)
{
    unsigned long long seed = unit_seed();
    printf("%s[%d]: seed %llu\n", test, i, seed);
    rng = seed * 2654435761u + (unsigned long long)i + 1;
}

static void fill(uint8_t *p, uint32_t n)
{
    uint32_t i;
    uint8_t base = (uint8_t)rnd(256);
    for (i = 0; i < n; i++) p[i] = (uint8_t)(base + i * 7 + (i >> 9));
}

/* ---- a store with one LV tree ---------------------------------------------- */

struct env {
    os_vfs *vfs;
    struct store_config c;
    store *s;
    store_db *db;
    uint32_t tree, chunk;
};

static void env_open(struct env *e, uint32_t page_size)
{
    memset(e, 0, sizeof(*e));
    e->vfs = os_memvfs_create();
    e->c.vfs = e->vfs;
    e->c.log_dir = "";
    e->c.system_dir = "";
    e->c.basename = "edb";
    /* Big enough that each transaction here logs as one record: a
     * transaction spanning several records currently crashes in
     * build_records (engine/store/store.c: realloc moves the buffer array
     * while cur still points into it). */
    e->c.log_file_size = 8 * 1024 * 1024;
    e->c.log_buffer_size = 256 * 1024;
    e->c.recovery = 1;
    e->c.page_size = page_size;
    e->c.cache_pages = 256;
    e->c.extend_pages = 16;
    e->c.checkpoint_bytes = 4 * 1024 * 1024;
    ck_assert_int_eq(store_open(&e->c, &e->s), 0);
    ck_assert_int_eq(store_db_attach(e->s, "lv.edb", STORE_DB_CREATE, &e->db), 0);
    ck_assert_int_eq(store_tree_create(e->s, e->db, &e->tree), 0);
    e->chunk = lv_chunk_size(page_size);
}

static void env_reopen(struct env *e)
{
    ck_assert_int_eq(store_close(e->s), 0);
    ck_assert_int_eq(store_open(&e->c, &e->s), 0);
    ck_assert_int_eq(store_db_attach(e->s, "lv.edb", 0, &e->db), 0);
}

/* Loses power with the store open (nothing unsynced survives), recovers. */
static void env_crash(struct env *e, unsigned long long seed)
{
    store_abandon(e->s);
    os_memvfs_power_loss(e->vfs, seed);
    ck_assert_int_eq(store_open(&e->c, &e->s), 0);
    ck_assert_int_eq(store_db_attach(e->s, "lv.edb", 0, &e->db), 0);
}

static void env_close(struct env *e)
{
    ck_assert_int_eq(store_close(e->s), 0);
    os_memvfs_destroy(e->vfs);
}

static store_txn *begin(struct env *e)
{
    store_txn *t;
    ck_assert_int_eq(store_txn_begin(e->s, &t), 0);
    return t;
}

/* ---- the model --------------------------------------------------------------- */

struct lvm {
    uint8_t *b;
    uint64_t n;
    int live;
};

struct model {
    struct lvm v[NLID + 1]; /* by LID; 0 unused */
};

static void model_free(struct model *m)
{
    int i;
    for (i = 0; i <= NLID; i++) free(m->v[i].b);
    memset(m, 0, sizeof(*m));
}

static void model_copy(struct model *dst, const struct model *src)
{
    int i;
    memset(dst, 0, sizeof(*dst));
    for (i = 0; i <= NLID; i++) {
        dst->v[i] = src->v[i];
        dst->v[i].b = malloc(src->v[i].n + 1);
        ck_assert_ptr_nonnull(dst->v[i].b);
        if (src->v[i].n) memcpy(dst->v[i].b, src->v[i].b, src->v[i].n);
    }
}

/* Makes the model's LV n bytes long (new bytes zero). */
static void model_resize(struct lvm *v, uint64_t n)
{
    v->b = realloc(v->b, n + 1);
    ck_assert_ptr_nonnull(v->b);
    if (n > v->n) memset(v->b + v->n, 0, n - v->n);
    v->n = n;
}

/* ---- operations on both --------------------------------------------------------- */

static void op_create(struct env *e, store_txn *t, struct model *m, uint32_t lid, const uint8_t *d,
                      uint32_t cb)
{
    int err = lv_create(t, e->db, e->tree, lid, d, cb);
    if (m->v[lid].live) {
        ck_assert_int_eq(err, JET_errKeyDuplicate);
        return;
    }
    ck_assert_msg(err == 0, "create lid %u cb %u: %d", lid, cb, err);
    model_resize(&m->v[lid], 0);
    model_resize(&m->v[lid], cb);
    if (cb) memcpy(m->v[lid].b, d, cb);
    m->v[lid].live = 1;
}

static void op_write(struct env *e, store_txn *t, struct model *m, uint32_t lid, uint64_t off,
                     const uint8_t *d, uint32_t cb)
{
    struct lvm *v = &m->v[lid];
    int err = lv_write(t, e->db, e->tree, lid, off, d, cb);
    if (!v->live) {
        ck_assert_int_eq(err, JET_errRecordNotFound);
    } else if (off > v->n) {
        ck_assert_int_eq(err, JET_errColumnNoChunk);
    } else {
        ck_assert_msg(err == 0, "write lid %u off %llu cb %u (size %llu): %d", lid,
                      (unsigned long long)off, cb, (unsigned long long)v->n, err);
        if (off + cb > v->n) model_resize(v, off + cb);
        if (cb) memcpy(v->b + off, d, cb);
    }
}

static void op_append(struct env *e, store_txn *t, struct model *m, uint32_t lid, const uint8_t *d,
                      uint32_t cb)
{
    struct lvm *v = &m->v[lid];
    int err = lv_append(t, e->db, e->tree, lid, d, cb);
    if (!v->live) {
        ck_assert_int_eq(err, JET_errRecordNotFound);
        return;
    }
    ck_assert_msg(err == 0, "append lid %u cb %u: %d", lid, cb, err);
    model_resize(v, v->n + cb);
    if (cb) memcpy(v->b + v->n - cb, d, cb);
}

static void op_set_size(struct env *e, store_txn *t, struct model *m, uint32_t lid, uint64_t n)
{
    struct lvm *v = &m->v[lid];
    int err = lv_set_size(t, e->db, e->tree, lid, n);
    if (!v->live) {
        ck_assert_int_eq(err, JET_errRecordNotFound);
        return;
    }
    ck_assert_msg(err == 0, "set size lid %u %llu -> %llu: %d", lid, (unsigned long long)v->n,
                  (unsigned long long)n, err);
    model_resize(v, n);
}

static void op_delete(struct env *e, store_txn *t, struct model *m, uint32_t lid)
{
    int err = lv_delete(t, e->db, e->tree, lid);
    if (!m->v[lid].live) {
        ck_assert_int_eq(err, JET_errRecordNotFound);
        return;
    }
    ck_assert_msg(err == 0, "delete lid %u: %d", lid, err);
    model_resize(&m->v[lid], 0);
    m->v[lid].live = 0;
}

/* ---- checks ----------------------------------------------------------------------- */

/* One read of [off, off + cb) compared with the model. */
static void check_read(struct env *e, store_txn *t, const struct lvm *v, uint32_t lid, uint64_t off,
                       uint32_t cb, const char *what)
{
    uint8_t *buf = malloc((size_t)cb + 1);
    uint32_t got = 12345, want = off >= v->n ? 0 : (v->n - off < cb ? (uint32_t)(v->n - off) : cb);
    int err;

    ck_assert_ptr_nonnull(buf);
    err = lv_read(t, e->db, e->tree, lid, off, buf, cb, &got);
    ck_assert_msg(err == 0, "%s: read lid %u off %llu cb %u: %d", what, lid, (unsigned long long)off, cb, err);
    ck_assert_msg(got == want, "%s: read lid %u off %llu cb %u: got %u, want %u", what, lid,
                  (unsigned long long)off, cb, got, want);
    ck_assert_msg(!want || !memcmp(buf, v->b + off, want), "%s: lid %u: bytes at %llu (+%u) differ", what,
                  lid, (unsigned long long)off, want);
    free(buf);
}

/* Every LV of the model, as transaction t sees it (NULL: a fresh one). */
static void check_all(struct env *e, store_txn *t, const struct model *m, const char *what)
{
    store_txn *own = t ? NULL : begin(e);
    uint32_t lid;

    if (own) t = own;
    for (lid = 1; lid <= NLID; lid++) {
        const struct lvm *v = &m->v[lid];
        uint64_t size = 777;
        int err = lv_size(t, e->db, e->tree, lid, &size);
        if (!v->live) {
            ck_assert_msg(err == JET_errRecordNotFound, "%s: lid %u should not exist (%d)", what, lid, err);
            continue;
        }
        ck_assert_msg(err == 0, "%s: size lid %u: %d", what, lid, err);
        ck_assert_msg(size == v->n, "%s: lid %u size %llu, want %llu", what, lid, (unsigned long long)size,
                      (unsigned long long)v->n);
        check_read(e, t, v, lid, 0, (uint32_t)v->n + 5, what);
        check_read(e, t, v, lid, rnd((uint32_t)v->n + 3), rnd(3 * e->chunk), what);
    }
    if (own) store_txn_abort(own);
}

/* lv_verify (with bt_verify) and the database's space accounting; the
 * statistics must match the model. */
static void verify(struct env *e, const struct model *m, const char *what)
{
    uint32_t lid, roots[2];
    uint64_t lvs = 0, chunks = 0, bytes = 0;
    struct lv_stats st;
    int err;

    err = lv_verify(e->s, e->db, e->tree, &st);
    ck_assert_msg(err == 0, "%s: lv_verify: %d", what, err);
    /* Every page is the header, free, or in one of the two trees: so
     * deleted chunks gave their pages back. */
    roots[0] = store_db_catalog(e->db);
    roots[1] = e->tree;
    err = store_db_verify(e->s, e->db, roots, 2);
    ck_assert_msg(err == 0, "%s: store_db_verify: %d", what, err);
    if (!m) return;
    for (lid = 1; lid <= NLID; lid++) {
        if (!m->v[lid].live) continue;
        lvs++;
        bytes += m->v[lid].n;
        chunks += (m->v[lid].n + e->chunk - 1) / e->chunk;
    }
    ck_assert_msg(st.lvs == lvs && st.bytes == bytes && st.chunks == chunks,
                  "%s: stats %llu LVs %llu bytes %llu chunks, want %llu %llu %llu", what,
                  (unsigned long long)st.lvs, (unsigned long long)st.bytes, (unsigned long long)st.chunks,
                  (unsigned long long)lvs, (unsigned long long)bytes, (unsigned long long)chunks);
}

/* ---- random choices, biased to chunk edges ------------------------------------------ */

static uint32_t pick_len(uint32_t chunk)
{
    switch (rnd(10)) {
    case 0: return 0;
    case 1: return 1 + rnd(3);
    case 2: return chunk - 1 + rnd(3);
    case 3: return 2 * chunk + rnd(3) - 1;
    case 4: case 5: return rnd(chunk);
    case 6: case 7: return rnd(4 * chunk);
    case 8: return rnd(12 * chunk);
    default: return rnd(40000);
    }
}

/* An offset in [0, size], or just past it now and then. */
static uint64_t pick_off(uint64_t size, uint32_t chunk)
{
    uint64_t k;
    switch (rnd(8)) {
    case 0: return 0;
    case 1: return size;
    case 2: return size + 1 + rnd(3);
    case 3: case 4:
        k = (size / chunk) + 1;
        k = (uint64_t)rnd((uint32_t)k) * chunk + rnd(3);
        k = k ? k - 1 : 0;
        return k > size ? size : k;
    default: return size ? rnd((uint32_t)size + 1) : 0;
    }
}

/* One random operation on a random LID. */
static void random_op(struct env *e, store_txn *t, struct model *m, uint8_t *data)
{
    uint32_t lid = 1 + rnd(NLID), cb = pick_len(e->chunk);
    struct lvm *v = &m->v[lid];

    fill(data, cb);
    switch (rnd(v->live ? 10 : 2)) {
    case 0: op_create(e, t, m, lid, data, cb); break;
    case 1: if (v->live && rnd(3)) op_delete(e, t, m, lid); else op_write(e, t, m, lid, 0, data, cb); break;
    case 2: op_append(e, t, m, lid, data, cb); break;
    case 3: op_set_size(e, t, m, lid, rnd(2) ? pick_off(v->n, e->chunk) : v->n + pick_len(e->chunk)); break;
    default: op_write(e, t, m, lid, pick_off(v->n, e->chunk), data, cb); break;
    }
}

/* ---- tests -------------------------------------------------------------------------- */

START_TEST(chunk_sizes)
{
    /* A chunk cell is exactly the largest cell; the documented numbers. */
    static const uint32_t want[] = { 2014, 4062, 8158, 16350 };
    int i;
    for (i = 0; i < 4; i++) {
        ck_assert_uint_eq(lv_chunk_size(page_sizes[i]), want[i]);
        ck_assert_uint_eq(lv_chunk_size(page_sizes[i]) + LV_KEY_CHUNK, bt_cell_max(page_sizes[i]));
    }
}
END_TEST

START_TEST(create_read_size)
{
    struct env e;
    store_txn *t;
    uint8_t data[100], buf[200];
    uint32_t got;
    uint64_t size;

    env_open(&e, page_sizes[_i]);
    t = begin(&e);
    fill(data, sizeof(data));
    ck_assert_int_eq(lv_size(t, e.db, e.tree, 5, &size), JET_errRecordNotFound);
    ck_assert_int_eq(lv_read(t, e.db, e.tree, 5, 0, buf, 10, &got), JET_errRecordNotFound);
    ck_assert_int_eq(lv_create(t, e.db, e.tree, 5, data, sizeof(data)), 0);
    ck_assert_int_eq(lv_create(t, e.db, e.tree, 5, data, 1), JET_errKeyDuplicate);
    ck_assert_int_eq(lv_size(t, e.db, e.tree, 5, &size), 0);
    ck_assert_uint_eq(size, sizeof(data));
    ck_assert_int_eq(lv_read(t, e.db, e.tree, 5, 0, buf, sizeof(buf), &got), 0);
    ck_assert_uint_eq(got, sizeof(data));
    ck_assert_int_eq(memcmp(buf, data, sizeof(data)), 0);
    /* Offset inside, at and past the end. */
    ck_assert_int_eq(lv_read(t, e.db, e.tree, 5, 90, buf, sizeof(buf), &got), 0);
    ck_assert_uint_eq(got, 10);
    ck_assert_int_eq(memcmp(buf, data + 90, 10), 0);
    ck_assert_int_eq(lv_read(t, e.db, e.tree, 5, 100, buf, sizeof(buf), &got), 0);
    ck_assert_uint_eq(got, 0);
    ck_assert_int_eq(lv_read(t, e.db, e.tree, 5, 1u << 31, buf, sizeof(buf), &got), 0);
    ck_assert_uint_eq(got, 0);
    ck_assert_int_eq(lv_read(t, e.db, e.tree, 5, 0, NULL, 0, &got), 0);
    ck_assert_uint_eq(got, 0);
    /* An empty LV exists, with size 0. */
    ck_assert_int_eq(lv_create(t, e.db, e.tree, 6, NULL, 0), 0);
    ck_assert_int_eq(lv_size(t, e.db, e.tree, 6, &size), 0);
    ck_assert_uint_eq(size, 0);
    /* Not visible to another transaction before commit. */
    {
        store_txn *other = begin(&e);
        ck_assert_int_eq(lv_size(other, e.db, e.tree, 5, &size), JET_errRecordNotFound);
        store_txn_abort(other);
    }
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    t = begin(&e);
    ck_assert_int_eq(lv_read(t, e.db, e.tree, 5, 1, buf, 50, &got), 0);
    ck_assert_uint_eq(got, 50);
    ck_assert_int_eq(memcmp(buf, data + 1, 50), 0);
    store_txn_abort(t);
    verify(&e, NULL, "create_read_size");
    env_close(&e);
}
END_TEST

START_TEST(bad_arguments)
{
    struct env e;
    store_txn *t;
    uint8_t data[16] = { 1, 2, 3 };
    uint32_t got;
    uint64_t size;

    env_open(&e, page_sizes[_i]);
    t = begin(&e);
    ck_assert_int_eq(lv_create(t, e.db, e.tree, LV_LID_COUNTER, data, 3), JET_errInvalidParameter);
    ck_assert_int_eq(lv_size(t, e.db, e.tree, 0, &size), JET_errInvalidParameter);
    ck_assert_int_eq(lv_create(t, e.db, e.tree, 1, NULL, 3), JET_errInvalidParameter);
    ck_assert_int_eq(lv_create(t, e.db, e.tree, 1, data, LV_SIZE_MAX + 1u), JET_errInvalidParameter);
    ck_assert_int_eq(lv_create(t, e.db, e.tree, 1, data, 3), 0);
    /* Overwriting past the end is ESENT's JET_errColumnNoChunk. */
    ck_assert_int_eq(lv_write(t, e.db, e.tree, 1, 4, data, 1), JET_errColumnNoChunk);
    ck_assert_int_eq(lv_write(t, e.db, e.tree, 1, 4, data, 0), JET_errColumnNoChunk);
    /* A buffer above 2 GiB - 1 is refused as JetSetColumn does; a result
     * above it is JET_errColumnTooBig (checked before the buffer is read). */
    ck_assert_int_eq(lv_append(t, e.db, e.tree, 1, data, LV_SIZE_MAX + 1u), JET_errInvalidParameter);
    ck_assert_int_eq(lv_append(t, e.db, e.tree, 1, data, LV_SIZE_MAX - 2), JET_errColumnTooBig);
    ck_assert_int_eq(lv_write(t, e.db, e.tree, 1, 1, data, LV_SIZE_MAX), JET_errColumnTooBig);
    ck_assert_int_eq(lv_set_size(t, e.db, e.tree, 1, (uint64_t)LV_SIZE_MAX + 1), JET_errColumnTooBig);
    ck_assert_int_eq(lv_write(t, e.db, e.tree, 1, 0, NULL, 2), JET_errInvalidParameter);
    ck_assert_int_eq(lv_read(t, e.db, e.tree, 1, 0, NULL, 2, &got), JET_errInvalidParameter);
    /* Nothing of that changed the LV. */
    ck_assert_int_eq(lv_size(t, e.db, e.tree, 1, &size), 0);
    ck_assert_uint_eq(size, 3);
    ck_assert_int_eq(lv_set_size(t, e.db, e.tree, 2, 10), JET_errRecordNotFound);
    ck_assert_int_eq(lv_append(t, e.db, e.tree, 2, data, 1), JET_errRecordNotFound);
    ck_assert_int_eq(lv_delete(t, e.db, e.tree, 2), JET_errRecordNotFound);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    verify(&e, NULL, "bad_arguments");
    env_close(&e);
}
END_TEST

/* Writes, reads and resizes at every interesting place around chunk
 * boundaries, each checked against the model, inside one transaction and
 * then after commit. */
START_TEST(chunk_edges)
{
    struct env e;
    struct model m;
    store_txn *t;
    uint32_t C, i;
    uint8_t *d;

    seed_rnd("chunk_edges", _i);
    env_open(&e, page_sizes[_i]);
    C = e.chunk;
    d = malloc(4 * C + 10);
    ck_assert_ptr_nonnull(d);
    memset(&m, 0, sizeof(m));
    t = begin(&e);

    /* LV 1: exactly one chunk, then one byte more, one byte less. */
    fill(d, C);
    op_create(&e, t, &m, 1, d, C);
    check_all(&e, t, &m, "one chunk");
    fill(d, 1);
    op_append(&e, t, &m, 1, d, 1);
    check_all(&e, t, &m, "one chunk + 1");
    op_set_size(&e, t, &m, 1, C - 1);
    check_all(&e, t, &m, "one chunk - 1");
    op_set_size(&e, t, &m, 1, C);
    check_all(&e, t, &m, "back to one chunk");

    /* LV 2: two chunks; single bytes at C - 1, C, C + 1; a 2-byte write
     * across the boundary; 0-byte writes everywhere. */
    fill(d, 2 * C);
    op_create(&e, t, &m, 2, d, 2 * C);
    for (i = 0; i < 3; i++) {
        fill(d, 2);
        op_write(&e, t, &m, 2, C - 1 + i, d, 1);
        check_all(&e, t, &m, "single byte at edge");
    }
    op_write(&e, t, &m, 2, C - 1, d, 2);
    for (i = 0; i <= 2 * C; i += C / 2) op_write(&e, t, &m, 2, i, d, 0);
    op_write(&e, t, &m, 2, 2 * C, d, 0);
    check_all(&e, t, &m, "2-byte across boundary, 0-byte writes");
    /* Exactly one chunk, aligned (no read needed) and misaligned. */
    fill(d, C);
    op_write(&e, t, &m, 2, C, d, C);
    fill(d, C);
    op_write(&e, t, &m, 2, 1, d, C);
    fill(d, C);
    op_write(&e, t, &m, 2, C - 1, d, C);
    check_all(&e, t, &m, "chunk-sized writes");
    /* A write from C - 1 growing the LV by whole chunks; a write that
     * starts at the end. */
    fill(d, 3 * C + 2);
    op_write(&e, t, &m, 2, C - 1, d, 3 * C + 2);
    fill(d, 5);
    op_write(&e, t, &m, 2, m.v[2].n, d, 5);
    check_all(&e, t, &m, "growing writes");
    /* Shrinks to each edge, and grows back with zeros. */
    op_set_size(&e, t, &m, 2, 2 * C + 1);
    op_set_size(&e, t, &m, 2, 2 * C);
    op_set_size(&e, t, &m, 2, 2 * C - 1);
    check_all(&e, t, &m, "shrinks");
    op_set_size(&e, t, &m, 2, 2 * C);
    op_set_size(&e, t, &m, 2, 4 * C + 1);
    check_all(&e, t, &m, "grows");
    op_set_size(&e, t, &m, 2, 0);
    check_all(&e, t, &m, "size 0");
    op_set_size(&e, t, &m, 2, 1);
    op_set_size(&e, t, &m, 2, C + 1);
    check_all(&e, t, &m, "grow from 0");

    /* LV 3: built by appends of chunk - 1, 1, chunk + 1 bytes. */
    op_create(&e, t, &m, 3, NULL, 0);
    fill(d, C + 1);
    op_append(&e, t, &m, 3, d, C - 1);
    op_append(&e, t, &m, 3, d, 1);
    op_append(&e, t, &m, 3, d, C + 1);
    op_append(&e, t, &m, 3, d, 0);
    check_all(&e, t, &m, "appends");
    /* Reads at every offset around the edges. */
    for (i = 0; i < 4; i++) {
        uint32_t off = i * C;
        check_read(&e, t, &m.v[3], 3, off ? off - 1 : 0, 2, "edge read");
        check_read(&e, t, &m.v[3], 3, off, C, "edge read");
        check_read(&e, t, &m.v[3], 3, off + 1, C, "edge read");
    }
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    check_all(&e, NULL, &m, "after commit");
    verify(&e, &m, "chunk_edges");
    env_reopen(&e);
    check_all(&e, NULL, &m, "after reopen");
    verify(&e, &m, "chunk_edges reopened");
    model_free(&m);
    free(d);
    env_close(&e);
}
END_TEST

/* Random transactions against the model; some roll back. */
START_TEST(random_against_model)
{
    struct env e;
    struct model m, next;
    uint8_t *data;
    char what[64];
    int tx, nops, op, aborts = 0, rounds = _i < 2 ? 150 : 80;

    seed_rnd("random_against_model", _i);
    env_open(&e, page_sizes[_i]);
    data = malloc(12 * e.chunk + 40000);
    ck_assert_ptr_nonnull(data);
    memset(&m, 0, sizeof(m));
    for (tx = 0; tx < rounds; tx++) {
        store_txn *t = begin(&e);
        model_copy(&next, &m);
        nops = 1 + (int)rnd(12);
        for (op = 0; op < nops; op++) {
            random_op(&e, t, &next, data);
            if (rnd(3) == 0) {
                snprintf(what, sizeof(what), "tx %d op %d (in transaction)", tx, op);
                check_all(&e, t, &next, what);
            }
        }
        snprintf(what, sizeof(what), "tx %d", tx);
        if (rnd(4) == 0) {
            /* Rolled back: the LVs are as before. */
            store_txn_abort(t);
            model_free(&next);
            aborts++;
        } else {
            ck_assert_int_eq(store_txn_commit(t, rnd(2) ? STORE_COMMIT_LAZY : 0), 0);
            model_free(&m);
            m = next;
        }
        check_all(&e, NULL, &m, what);
        verify(&e, &m, what);
        if (tx % 10 == 9) ck_assert_int_eq(store_checkpoint(e.s), 0);
    }
    printf("random_against_model[%d]: %d transactions, %d rolled back\n", _i, rounds, aborts);
    env_reopen(&e);
    check_all(&e, NULL, &m, "after reopen");
    verify(&e, &m, "after reopen");
    model_free(&m);
    free(data);
    env_close(&e);
}
END_TEST

/* Durable commits survive a power loss; an open transaction does not. */
START_TEST(crash_keeps_committed)
{
    struct env e;
    struct model m, next;
    uint8_t *data;
    store_txn *t;
    int tx, op;

    seed_rnd("crash_keeps_committed", _i);
    env_open(&e, page_sizes[_i]);
    data = malloc(12 * e.chunk + 40000);
    ck_assert_ptr_nonnull(data);
    memset(&m, 0, sizeof(m));
    for (tx = 0; tx < 8; tx++) {
        t = begin(&e);
        for (op = 0; op < 6; op++) random_op(&e, t, &m, data);
        ck_assert_int_eq(store_txn_commit(t, 0), 0);
    }
    /* An uncommitted transaction that changes every LV. */
    t = begin(&e);
    model_copy(&next, &m);
    for (op = 0; op < 20; op++) random_op(&e, t, &next, data);
    check_all(&e, t, &next, "uncommitted");
    model_free(&next);
    ck_assert_int_eq(store_flush(e.s), 0);
    /* Deferred update: nothing of an open transaction is on disk or in the
     * log, so dropping it now is what the crash does to it. */
    store_txn_abort(t);
    env_crash(&e, unit_seed());
    check_all(&e, NULL, &m, "recovered");
    verify(&e, &m, "recovered");
    model_free(&m);
    free(data);
    env_close(&e);
}
END_TEST

/* A multi-megabyte LV built by appends in one transaction, read back in
 * random pieces, shrunk and grown, across a reopen. */
START_TEST(large_value)
{
    const uint32_t total = 3u << 20;
    struct env e;
    struct model m;
    store_txn *t;
    uint8_t *data;
    uint32_t i;

    seed_rnd("large_value", _i);
    env_open(&e, page_sizes[_i]);
    memset(&m, 0, sizeof(m));
    data = malloc(total);
    ck_assert_ptr_nonnull(data);
    fill(data, total);
    t = begin(&e);
    op_create(&e, t, &m, 1, NULL, 0);
    for (i = 0; i < total;) {
        uint32_t n = 1 + rnd(200000);
        if (n > total - i) n = total - i;
        op_append(&e, t, &m, 1, data + i, n);
        i += n;
    }
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    t = begin(&e);
    for (i = 0; i < 50; i++) check_read(&e, t, &m.v[1], 1, rnd(total + 10), rnd(100000), "large read");
    op_set_size(&e, t, &m, 1, total / 2 + 3);
    op_set_size(&e, t, &m, 1, total - 77);
    op_write(&e, t, &m, 1, 12345, data, 500000);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    verify(&e, &m, "large");
    env_reopen(&e);
    check_all(&e, NULL, &m, "large after reopen");
    verify(&e, &m, "large after reopen");
    /* Deleting it gives the pages back (store_db_verify checks that every
     * page is in a tree or free). */
    t = begin(&e);
    op_delete(&e, t, &m, 1);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    verify(&e, &m, "large deleted");
    model_free(&m);
    free(data);
    env_close(&e);
}
END_TEST

/* LIDs: allocation order, the counter record, rollback, reopen. */
START_TEST(lid_allocation)
{
    struct env e;
    store_txn *t;
    uint32_t lid, i;
    struct lv_stats st;

    env_open(&e, page_sizes[_i]);
    ck_assert_int_eq(lv_last_lid(e.s, e.db, e.tree, &lid), 0);
    ck_assert_uint_eq(lid, 0);
    t = begin(&e);
    for (i = 1; i <= 3; i++) {
        ck_assert_int_eq(lv_alloc_lid(e.s, t, e.db, e.tree, &lid), 0);
        ck_assert_uint_eq(lid, i);
        ck_assert_int_eq(lv_create(t, e.db, e.tree, lid, "x", 1), 0);
    }
    store_txn_abort(t);
    /* Rolled back: the counter too. */
    t = begin(&e);
    ck_assert_int_eq(lv_alloc_lid(e.s, t, e.db, e.tree, &lid), 0);
    ck_assert_uint_eq(lid, 1);
    ck_assert_int_eq(lv_create(t, e.db, e.tree, lid, "x", 1), 0);
    /* A caller-chosen LID above the counter, committed... */
    ck_assert_int_eq(lv_create(t, e.db, e.tree, 100, "y", 1), 0);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    ck_assert_int_eq(lv_last_lid(e.s, e.db, e.tree, &lid), 0);
    ck_assert_uint_eq(lid, 100);
    /* ...is never collided with. */
    t = begin(&e);
    ck_assert_int_eq(lv_alloc_lid(e.s, t, e.db, e.tree, &lid), 0);
    ck_assert_uint_eq(lid, 101);
    ck_assert_int_eq(lv_create(t, e.db, e.tree, lid, NULL, 0), 0);
    /* Deleting the top LVs does not make their LIDs reusable. */
    ck_assert_int_eq(lv_delete(t, e.db, e.tree, 101), 0);
    ck_assert_int_eq(lv_delete(t, e.db, e.tree, 100), 0);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    verify(&e, NULL, "lids");
    ck_assert_int_eq(lv_verify(e.s, e.db, e.tree, &st), 0);
    ck_assert_uint_eq(st.counter, 101);
    ck_assert_uint_eq(st.max_lid, 1);
    env_reopen(&e);
    t = begin(&e);
    ck_assert_int_eq(lv_alloc_lid(e.s, t, e.db, e.tree, &lid), 0);
    ck_assert_uint_eq(lid, 102);
    store_txn_abort(t);
    env_close(&e);
}
END_TEST

START_TEST(lid_exhaustion)
{
    struct env e;
    store_txn *t;
    uint32_t lid;

    env_open(&e, page_sizes[_i]);
    t = begin(&e);
    ck_assert_int_eq(lv_create(t, e.db, e.tree, UINT32_MAX, NULL, 0), 0);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    t = begin(&e);
    ck_assert_int_eq(lv_alloc_lid(e.s, t, e.db, e.tree, &lid), JET_errOutOfLongValueIDs);
    store_txn_abort(t);
    env_close(&e);
}
END_TEST

/* Many LVs, created through lv_alloc_lid, some deleted, across a reopen. */
START_TEST(many_lids)
{
    const uint32_t n = 1500;
    struct env e;
    store_txn *t;
    uint32_t *size, lid, i, got;
    uint8_t *data, *buf;
    struct lv_stats st;
    uint64_t bytes = 0, live = 0, chunks = 0;

    seed_rnd("many_lids", _i);
    env_open(&e, page_sizes[_i]);
    size = calloc(n + 1, sizeof(*size));
    data = malloc(3 * e.chunk + 8);
    buf = malloc(3 * e.chunk + 8);
    ck_assert(size && data && buf);
    t = begin(&e);
    for (i = 1; i <= n; i++) {
        ck_assert_int_eq(lv_alloc_lid(e.s, t, e.db, e.tree, &lid), 0);
        ck_assert_uint_eq(lid, i);
        size[i] = rnd(3 * e.chunk);
        memset(data, (int)(i & 0xff), size[i]);
        put_u32(data, i); /* (sizes below 4 keep fewer bytes of it) */
        ck_assert_int_eq(lv_create(t, e.db, e.tree, lid, data, size[i]), 0);
        if (i % 100 == 0) {
            ck_assert_int_eq(store_txn_commit(t, STORE_COMMIT_LAZY), 0);
            t = begin(&e);
        }
    }
    for (i = 3; i <= n; i += 3) ck_assert_int_eq(lv_delete(t, e.db, e.tree, i), 0);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    env_reopen(&e);
    t = begin(&e);
    for (i = 1; i <= n; i++) {
        uint64_t sz;
        int err = lv_size(t, e.db, e.tree, i, &sz);
        if (i % 3 == 0) {
            ck_assert_int_eq(err, JET_errRecordNotFound);
            continue;
        }
        ck_assert_int_eq(err, 0);
        ck_assert_uint_eq(sz, size[i]);
        memset(data, (int)(i & 0xff), size[i]);
        put_u32(data, i);
        ck_assert_int_eq(lv_read(t, e.db, e.tree, i, 0, buf, 3 * e.chunk + 8, &got), 0);
        ck_assert_uint_eq(got, size[i]);
        ck_assert_msg(!memcmp(buf, data, size[i]), "lid %u differs", i);
        live++;
        bytes += size[i];
        chunks += (size[i] + e.chunk - 1) / e.chunk;
    }
    ck_assert_int_eq(lv_alloc_lid(e.s, t, e.db, e.tree, &lid), 0);
    ck_assert_uint_eq(lid, n + 1);
    store_txn_abort(t);
    ck_assert_int_eq(lv_verify(e.s, e.db, e.tree, &st), 0);
    ck_assert_uint_eq(st.lvs, live);
    ck_assert_uint_eq(st.bytes, bytes);
    ck_assert_uint_eq(st.chunks, chunks);
    ck_assert_uint_eq(st.counter, n);
    verify(&e, NULL, "many");
    free(size);
    free(data);
    free(buf);
    env_close(&e);
}
END_TEST

/* Damage made behind the LV layer's back is reported, not crashed on, and
 * a damaged LV can still be deleted. */
START_TEST(damaged_lvs)
{
    struct env e;
    store_txn *t;
    uint8_t *data, *buf, key[8], val[LV_ROOT_LEN];
    uint32_t C, got;
    uint64_t size;

    env_open(&e, page_sizes[_i]);
    C = e.chunk;
    data = calloc(1, 3 * C);
    buf = malloc(3 * C);
    ck_assert(data && buf);
    t = begin(&e);
    ck_assert_int_eq(lv_create(t, e.db, e.tree, 1, data, 3 * C), 0);
    ck_assert_int_eq(lv_create(t, e.db, e.tree, 2, data, 10), 0);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    verify(&e, NULL, "before damage");

    /* LV 1 loses its middle chunk. */
    t = begin(&e);
    put_be32(key, 1);
    put_be32(key + 4, C);
    ck_assert_int_eq(store_txn_delete(t, e.db, e.tree, key, 8), 0);
    ck_assert_int_eq(lv_read(t, e.db, e.tree, 1, 0, buf, 3 * C, &got), JET_errLVCorrupted);
    ck_assert_uint_eq(got, 0);
    ck_assert_int_eq(lv_write(t, e.db, e.tree, 1, C + 5, data, 2), JET_errLVCorrupted);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    ck_assert_int_eq(lv_verify(e.s, e.db, e.tree, NULL), JET_errLVCorrupted);
    t = begin(&e);
    ck_assert_int_eq(lv_delete(t, e.db, e.tree, 1), 0);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    verify(&e, NULL, "damaged LV deleted");

    /* LV 2's root gets a reserved flag, then a wrong length. */
    t = begin(&e);
    put_be32(key, 2);
    put_u64(val, 10);
    put_u32(val + 8, 1);
    ck_assert_int_eq(store_txn_put(t, e.db, e.tree, key, 4, val, LV_ROOT_LEN, BT_UPSERT), 0);
    ck_assert_int_eq(lv_size(t, e.db, e.tree, 2, &size), JET_errLVCorrupted);
    ck_assert_int_eq(store_txn_put(t, e.db, e.tree, key, 4, val, 8, BT_UPSERT), 0);
    ck_assert_int_eq(lv_read(t, e.db, e.tree, 2, 0, buf, 10, &got), JET_errLVCorrupted);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    ck_assert_int_eq(lv_verify(e.s, e.db, e.tree, NULL), JET_errLVCorrupted);

    /* A root claiming a size its chunks do not have. */
    t = begin(&e);
    put_u32(val + 8, 0);
    put_u64(val, 11);
    ck_assert_int_eq(store_txn_put(t, e.db, e.tree, key, 4, val, LV_ROOT_LEN, BT_UPSERT), 0);
    ck_assert_int_eq(lv_read(t, e.db, e.tree, 2, 0, buf, 11, &got), JET_errLVCorrupted);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    ck_assert_int_eq(lv_verify(e.s, e.db, e.tree, NULL), JET_errLVCorrupted);
    t = begin(&e);
    ck_assert_int_eq(lv_delete(t, e.db, e.tree, 2), 0);
    /* A chunk with no root. */
    put_be32(key, 3);
    put_be32(key + 4, 0);
    ck_assert_int_eq(store_txn_put(t, e.db, e.tree, key, 8, data, 5, BT_UPSERT), 0);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    ck_assert_int_eq(lv_verify(e.s, e.db, e.tree, NULL), JET_errLVCorrupted);
    free(data);
    free(buf);
    env_close(&e);
}
END_TEST

Suite *lv_suite(void)
{
    Suite *s = suite_create("lv");
    TCase *tc = tcase_create("basic");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, chunk_sizes);
    tcase_add_loop_test(tc, create_read_size, 0, 4);
    tcase_add_loop_test(tc, bad_arguments, 0, 4);
    tcase_add_loop_test(tc, chunk_edges, 0, 4);
    tcase_add_loop_test(tc, lid_allocation, 0, 4);
    tcase_add_loop_test(tc, lid_exhaustion, 0, 1);
    tcase_add_loop_test(tc, damaged_lvs, 0, 4);
    suite_add_tcase(s, tc);
    tc = tcase_create("random");
    tcase_set_timeout(tc, 600);
    tcase_add_loop_test(tc, random_against_model, 0, 4);
    tcase_add_loop_test(tc, crash_keeps_committed, 0, 4);
    tcase_add_loop_test(tc, large_value, 0, 4);
    tcase_add_loop_test(tc, many_lids, 0, 4);
    suite_add_tcase(s, tc);
    return s;
}
