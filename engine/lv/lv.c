/*
 * lv.c - the operations on one long value: create, delete, size, read,
 * write, append, set size.  The format (a root record per LID, then its
 * chunks) and the rules every operation keeps are in lv.h.
 *
 * An operation opens a handle (struct lvh) that names the LV and holds
 * its size, read from the root record.  Writes then follow one pattern:
 *
 *   1. read: the chunks that will only be partly overwritten (at most the
 *      first and the last chunk of the range) are read into scratch
 *      buffers and patched there;
 *   2. put each chunk of the range, straight from the caller's buffer when
 *      it is wholly overwritten (no read), else its patched copy;
 *   3. put the root with the new size, if the size changed.
 *
 * All reads come before the first change, so an I/O error or a damaged LV
 * found while reading leaves the transaction's write set as it was.
 * Shrinking and deleting read the one chunk that gets shorter first, then
 * delete (lv.h, "Failure", says what can still fail half way).
 */
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "esent.h"
#include "lv.h"
#include "page.h"

DEFAULT_DEBUG_CHANNEL(esent);

/* One long value being worked on. */
struct lvh {
    store_txn *t;
    store_db *db;
    uint32_t tree;
    uint32_t lid;
    uint32_t chunk; /* C: the chunk size of this database */
    uint64_t size;  /* current size, as this transaction sees it */
};

/* A chunk of a write that is only partly overwritten: its old bytes,
 * patched with the new ones. */
struct patch {
    uint64_t cs; /* where the chunk starts; UINT64_MAX: unused */
    uint8_t *buf;
};

uint32_t lv_chunk_size(uint32_t page_size)
{
    return bt_cell_max(page_size) - LV_KEY_CHUNK;
}

/* ---- records ------------------------------------------------------------ */

static void chunk_key(uint8_t *key, uint32_t lid, uint64_t off)
{
    put_be32(key, lid);
    put_be32(key + 4, (uint32_t)off);
}

/* Length of the chunk starting at cs in an LV of size bytes (0 past the end). */
static uint32_t chunk_len(const struct lvh *h, uint64_t size, uint64_t cs)
{
    if (cs >= size) return 0;
    return size - cs < h->chunk ? (uint32_t)(size - cs) : h->chunk;
}

/* Fills the handle and reads the root: JET_errRecordNotFound when the LV
 * does not exist (the handle is still usable, with size 0, to create it). */
static int lv_open(struct lvh *h, store_txn *t, store_db *db, uint32_t tree, uint32_t lid)
{
    uint8_t key[LV_KEY_ROOT], val[LV_ROOT_LEN];
    uint32_t vlen;
    int err;

    memset(h, 0, sizeof(*h));
    if (!t || !db || lid == LV_LID_COUNTER) return JET_errInvalidParameter;
    h->t = t;
    h->db = db;
    h->tree = tree;
    h->lid = lid;
    h->chunk = lv_chunk_size(store_db_page_size(db));
    put_be32(key, lid);
    if ((err = store_txn_get(t, db, tree, key, sizeof(key), val, sizeof(val), &vlen)) < 0) return err;
    if (vlen != LV_ROOT_LEN || get_u32(val + 8) != 0 || get_u64(val) > LV_SIZE_MAX) {
        ERR("tree %u: LV %u has a bad root record (%u bytes)\n", tree, lid, vlen);
        return JET_errLVCorrupted;
    }
    h->size = get_u64(val);
    return 0;
}

static int put_root(const struct lvh *h)
{
    uint8_t key[LV_KEY_ROOT], val[LV_ROOT_LEN];
    put_be32(key, h->lid);
    put_u64(val, h->size);
    put_u32(val + 8, 0);
    return store_txn_put(h->t, h->db, h->tree, key, sizeof(key), val, sizeof(val), BT_UPSERT);
}

/* Reads the chunk at cs, which must hold exactly len bytes; copies its
 * first n bytes (n <= len) to dst. */
static int get_chunk(const struct lvh *h, uint64_t cs, uint32_t len, void *dst, uint32_t n)
{
    uint8_t key[LV_KEY_CHUNK];
    uint32_t vlen;
    int err;

    chunk_key(key, h->lid, cs);
    err = store_txn_get(h->t, h->db, h->tree, key, sizeof(key), dst, n, &vlen);
    if (err == JET_errRecordNotFound) {
        ERR("tree %u: LV %u has no chunk at %llu\n", h->tree, h->lid, (unsigned long long)cs);
        return JET_errLVCorrupted;
    }
    if (err < 0) return err;
    if (vlen != len) {
        ERR("tree %u: LV %u: chunk at %llu has %u bytes, not %u\n", h->tree, h->lid,
            (unsigned long long)cs, vlen, len);
        return JET_errLVCorrupted;
    }
    return 0;
}

/* fresh: no chunk exists at cs (the LV was shorter), so the put makes no
 * before-image and costs the version store only its overhead (BT_UPSERT
 * is charged the value as well, store.h). */
static int put_chunk(const struct lvh *h, uint64_t cs, const void *data, uint32_t len, int fresh)
{
    uint8_t key[LV_KEY_CHUNK];
    chunk_key(key, h->lid, cs);
    return store_txn_put(h->t, h->db, h->tree, key, sizeof(key), data, len,
                         fresh ? BT_UPSERT | STORE_PUT_FRESH : BT_UPSERT);
}

/* Deletes the chunk at cs; one already missing is skipped (the bytes are
 * being dropped anyway), so damaged LVs can be shrunk and deleted. */
static int del_chunk(const struct lvh *h, uint64_t cs)
{
    uint8_t key[LV_KEY_CHUNK];
    int err;

    chunk_key(key, h->lid, cs);
    err = store_txn_delete(h->t, h->db, h->tree, key, sizeof(key));
    if (err == JET_errRecordNotFound) {
        WARN("tree %u: LV %u had no chunk at %llu\n", h->tree, h->lid, (unsigned long long)cs);
        return 0;
    }
    return err;
}

/* ---- writing a range ---------------------------------------------------- */

/* Whether writing [off, end) replaces all of the chunk at cs, in an LV
 * that will be newsize bytes. */
static int covered(const struct lvh *h, uint64_t cs, uint64_t off, uint64_t end, uint64_t newsize)
{
    return off <= cs && end >= cs + chunk_len(h, newsize, cs);
}

/* Step 1 for the chunk at cs: its old bytes, with src (the bytes of
 * [off, end)) copied over the part of it that the write covers. */
static int patch_load(const struct lvh *h, struct patch *p, uint64_t cs, uint64_t off,
                      const uint8_t *src, uint64_t end)
{
    uint32_t old = chunk_len(h, h->size, cs);
    uint64_t a = off > cs ? off : cs;
    uint64_t b = end < cs + h->chunk ? end : cs + h->chunk;
    int err;

    if (!(p->buf = malloc(h->chunk))) return JET_errOutOfMemory;
    p->cs = cs;
    if (old && (err = get_chunk(h, cs, old, p->buf, old))) return err;
    memcpy(p->buf + (a - cs), src + (a - off), (size_t)(b - a));
    return 0;
}

/* Writes cb bytes of src at off (off <= h->size) and sets h->size to the
 * new size; the root is the caller's to write. */
static int write_range(struct lvh *h, uint64_t off, const uint8_t *src, uint32_t cb)
{
    uint64_t end = off + cb, newsize = end > h->size ? end : h->size, cs;
    uint64_t first = off - off % h->chunk, last;
    struct patch p[2] = { { UINT64_MAX, NULL }, { UINT64_MAX, NULL } };
    int err = 0;

    if (!cb) return 0;
    last = (end - 1) - (end - 1) % h->chunk;
    if (!covered(h, first, off, end, newsize)) err = patch_load(h, &p[0], first, off, src, end);
    if (!err && last != first && !covered(h, last, off, end, newsize))
        err = patch_load(h, &p[1], last, off, src, end);
    for (cs = first; !err && cs <= last; cs += h->chunk) {
        const uint8_t *data = cs == p[0].cs ? p[0].buf : cs == p[1].cs ? p[1].buf : src + (cs - off);
        err = put_chunk(h, cs, data, chunk_len(h, newsize, cs), chunk_len(h, h->size, cs) == 0);
    }
    free(p[0].buf);
    free(p[1].buf);
    if (!err) h->size = newsize;
    return err;
}

/* lv_write on an open handle. */
static int write_at(struct lvh *h, uint64_t off, const void *buf, uint32_t cb)
{
    uint64_t old = h->size;
    int err;

    if (off > h->size) return JET_errColumnNoChunk;
    if (off + cb > LV_SIZE_MAX) return JET_errColumnTooBig;
    if ((err = write_range(h, off, buf, cb))) return err;
    return h->size != old ? put_root(h) : 0;
}

/* ---- changing the size -------------------------------------------------- */

/* Pads with zeros up to size, a chunk at a time (the first piece fills the
 * last chunk, if partial: the only one read). */
static int grow(struct lvh *h, uint64_t size)
{
    uint8_t *zeros = calloc(1, h->chunk);
    int err = 0;

    if (!zeros) return JET_errOutOfMemory;
    while (!err && h->size < size) {
        uint64_t n = h->chunk - h->size % h->chunk;
        if (n > size - h->size) n = size - h->size;
        err = write_range(h, h->size, zeros, (uint32_t)n);
    }
    free(zeros);
    return err;
}

/* Drops the bytes from size on: the chunk holding the new last byte is
 * read and shortened, the chunks wholly past the end are deleted. */
static int shrink(struct lvh *h, uint64_t size)
{
    uint64_t keep = size - size % h->chunk; /* start of the chunk that shortens */
    uint64_t gone = size % h->chunk ? keep + h->chunk : size, cs;
    uint32_t len = (uint32_t)(size - keep);
    uint8_t *buf = NULL;
    int err = 0;

    if (len) {
        if (!(buf = malloc(len))) return JET_errOutOfMemory;
        err = get_chunk(h, keep, chunk_len(h, h->size, keep), buf, len);
    }
    for (cs = gone; !err && cs < h->size; cs += h->chunk) err = del_chunk(h, cs);
    if (!err && len) err = put_chunk(h, keep, buf, len, 0);
    free(buf);
    if (!err) h->size = size;
    return err;
}

/* ---- the interface -------------------------------------------------------- */

int lv_create(store_txn *t, store_db *db, uint32_t tree, uint32_t lid, const void *data,
              uint32_t cb)
{
    struct lvh h;
    int err;

    if (cb > LV_SIZE_MAX || (cb && !data)) return JET_errInvalidParameter;
    err = lv_open(&h, t, db, tree, lid);
    if (!err) return JET_errKeyDuplicate;
    if (err != JET_errRecordNotFound) return err;
    if ((err = write_range(&h, 0, data, cb))) return err;
    return put_root(&h);
}

int lv_delete(store_txn *t, store_db *db, uint32_t tree, uint32_t lid)
{
    uint8_t key[LV_KEY_ROOT];
    struct lvh h;
    uint64_t cs;
    int err;

    if ((err = lv_open(&h, t, db, tree, lid))) return err;
    for (cs = 0; cs < h.size; cs += h.chunk)
        if ((err = del_chunk(&h, cs))) return err;
    put_be32(key, lid);
    return store_txn_delete(t, db, tree, key, sizeof(key));
}

int lv_size(store_txn *t, store_db *db, uint32_t tree, uint32_t lid, uint64_t *size)
{
    struct lvh h;
    int err = lv_open(&h, t, db, tree, lid);
    *size = h.size;
    return err;
}

int lv_read(store_txn *t, store_db *db, uint32_t tree, uint32_t lid, uint64_t offset, void *buf,
            uint32_t cb, uint32_t *got)
{
    uint8_t *dst = buf, *scratch = NULL;
    uint64_t pos = offset;
    uint32_t n, done = 0;
    struct lvh h;
    int err;

    *got = 0;
    if (cb && !buf) return JET_errInvalidParameter;
    if ((err = lv_open(&h, t, db, tree, lid))) return err;
    if (offset >= h.size) return 0;
    n = h.size - offset < cb ? (uint32_t)(h.size - offset) : cb;
    while (!err && done < n) {
        uint64_t cs = pos - pos % h.chunk;
        uint32_t len = chunk_len(&h, h.size, cs), a = (uint32_t)(pos - cs);
        uint32_t take = len - a < n - done ? len - a : n - done;
        if (!a) {
            err = get_chunk(&h, cs, len, dst + done, take);
        } else if (!scratch && !(scratch = malloc(h.chunk))) {
            err = JET_errOutOfMemory;
        } else if (!(err = get_chunk(&h, cs, len, scratch, len))) {
            memcpy(dst + done, scratch + a, take); /* only the first chunk starts mid-way */
        }
        done += take;
        pos += take;
    }
    free(scratch);
    if (!err) *got = n;
    return err;
}

int lv_write(store_txn *t, store_db *db, uint32_t tree, uint32_t lid, uint64_t offset,
             const void *buf, uint32_t cb)
{
    struct lvh h;
    int err;

    if (cb > LV_SIZE_MAX || (cb && !buf)) return JET_errInvalidParameter;
    if ((err = lv_open(&h, t, db, tree, lid))) return err;
    return write_at(&h, offset, buf, cb);
}

int lv_append(store_txn *t, store_db *db, uint32_t tree, uint32_t lid, const void *buf,
              uint32_t cb)
{
    struct lvh h;
    int err;

    if (cb > LV_SIZE_MAX || (cb && !buf)) return JET_errInvalidParameter;
    if ((err = lv_open(&h, t, db, tree, lid))) return err;
    return write_at(&h, h.size, buf, cb);
}

int lv_set_size(store_txn *t, store_db *db, uint32_t tree, uint32_t lid, uint64_t size)
{
    struct lvh h;
    int err;

    if ((err = lv_open(&h, t, db, tree, lid))) return err;
    if (size > LV_SIZE_MAX) return JET_errColumnTooBig;
    if (size == h.size) return 0;
    err = size < h.size ? shrink(&h, size) : grow(&h, size);
    return err ? err : put_root(&h);
}
