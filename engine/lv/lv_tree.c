/*
 * lv_tree.c - what looks at the LV tree as a whole, through cursors on
 * its committed content: LID allocation (lv_alloc_lid, lv_last_lid) and
 * the format check (lv_verify).  The format is described in lv.h.
 *
 * lv_verify walks the tree in key order with one cursor and feeds each
 * entry to a small state machine (struct walk): the counter record may
 * only come first; a root record opens an LV and says how many chunks
 * must follow; each chunk must be the next one expected for the open LV,
 * with exactly the length the LV's size gives it; a root (or the end of the
 * tree) closes the open LV, which must then have all its chunks.
 */
#include <string.h>

#include "debug.h"
#include "esent.h"
#include "lv.h"
#include "page.h"

DEFAULT_DEBUG_CHANNEL(esent);

/* ---- LIDs -------------------------------------------------------------- */

int lv_last_lid(store *s, store_db *db, uint32_t tree, uint32_t *lid)
{
    const uint8_t *k, *v;
    uint32_t klen, vlen;
    bt_cursor *c;
    int err;

    *lid = 0;
    store_read_begin(s);
    if (!(err = bt_cursor_open(store_db_pager(db), tree, &c))) {
        err = bt_last(c);
        if (err == JET_errNoCurrentRecord) {
            err = 0; /* empty tree */
        } else if (!err && !(err = bt_cursor_get(c, &k, &klen, &v, &vlen))) {
            if (klen == LV_KEY_ROOT || klen == LV_KEY_CHUNK) {
                *lid = get_be32(k);
            } else {
                ERR("tree %u: last key is %u bytes long, not an LV key\n", tree, klen);
                err = JET_errLVCorrupted;
            }
        }
        bt_cursor_close(c);
    }
    store_read_end(s);
    return err;
}

int lv_lid_seed(store *s, store_db *db, uint32_t tree, uint32_t *last)
{
    uint8_t key[LV_KEY_ROOT], val[LV_COUNTER_LEN];
    uint32_t vlen, counter = 0;
    int err;

    if ((err = lv_last_lid(s, db, tree, last))) return err;
    put_be32(key, LV_LID_COUNTER);
    store_read_begin(s);
    err = bt_get(store_db_pager(db), tree, key, sizeof(key), val, sizeof(val), &vlen);
    store_read_end(s);
    if (err == JET_errRecordNotFound) return 0;
    if (err < 0) return err;
    if (vlen != LV_COUNTER_LEN) {
        ERR("tree %u: the LID counter record is %u bytes\n", tree, vlen);
        return JET_errLVCorrupted;
    }
    counter = get_u32(val);
    if (counter > *last) *last = counter;
    return 0;
}

int lv_alloc_lid(store *s, store_txn *t, store_db *db, uint32_t tree, uint32_t *lid)
{
    uint8_t key[LV_KEY_ROOT], val[LV_COUNTER_LEN];
    uint32_t vlen, last = 0, committed;
    int err;

    *lid = 0;
    put_be32(key, LV_LID_COUNTER);
    err = store_txn_get(t, db, tree, key, sizeof(key), val, sizeof(val), &vlen);
    if (!err) {
        if (vlen != LV_COUNTER_LEN) {
            ERR("tree %u: the LID counter record is %u bytes\n", tree, vlen);
            return JET_errLVCorrupted;
        }
        last = get_u32(val);
    } else if (err != JET_errRecordNotFound) {
        return err;
    }
    if ((err = lv_last_lid(s, db, tree, &committed))) return err;
    if (committed > last) last = committed;
    if (last == UINT32_MAX) return JET_errOutOfLongValueIDs;
    put_u32(val, ++last);
    if ((err = store_txn_put(t, db, tree, key, sizeof(key), val, sizeof(val), BT_UPSERT))) return err;
    *lid = last;
    return 0;
}

/* ---- lv_verify ------------------------------------------------------------ */

struct walk {
    uint32_t tree, chunk;
    uint64_t entries;  /* entries seen so far */
    int open;          /* an LV's root was seen and its chunks are expected */
    uint32_t lid;      /* the open LV */
    uint64_t size;     /* its size */
    uint64_t next;     /* offset of its next chunk */
    struct lv_stats st;
};

static int corrupt(const struct walk *w, const char *what, uint32_t lid)
{
    ERR("tree %u: LV %u: %s\n", w->tree, lid, what);
    return JET_errLVCorrupted;
}

/* Closes the open LV: all its chunks must have been seen. */
static int walk_close(struct walk *w)
{
    if (w->open && w->next < w->size) return corrupt(w, "chunks missing at its end", w->lid);
    w->open = 0;
    return 0;
}

static int walk_counter(struct walk *w, const uint8_t *v, uint32_t vlen)
{
    if (w->entries) return corrupt(w, "the counter record is not first", 0);
    if (vlen != LV_COUNTER_LEN) return corrupt(w, "the counter record has a bad length", 0);
    w->st.counter = get_u32(v);
    return 0;
}

static int walk_root(struct walk *w, uint32_t lid, const uint8_t *v, uint32_t vlen)
{
    int err;
    if ((err = walk_close(w))) return err;
    if (vlen != LV_ROOT_LEN) return corrupt(w, "root record of a bad length", lid);
    if (get_u32(v + 8)) return corrupt(w, "root record with reserved flags set", lid);
    if (get_u64(v) > LV_SIZE_MAX) return corrupt(w, "size above 2 GiB - 1", lid);
    w->open = 1;
    w->lid = lid;
    w->size = get_u64(v);
    w->next = 0;
    w->st.lvs++;
    w->st.bytes += w->size;
    w->st.max_lid = lid;
    return 0;
}

static int walk_chunk(struct walk *w, uint32_t lid, uint32_t off, uint32_t vlen)
{
    uint64_t want;
    if (!w->open || lid != w->lid) return corrupt(w, "chunk without a root record", lid);
    if (off != w->next) return corrupt(w, "chunk at an unexpected offset (or one missing)", lid);
    if (off >= w->size) return corrupt(w, "chunk past the end", lid);
    want = w->size - off < w->chunk ? w->size - off : w->chunk;
    if (vlen != want) return corrupt(w, "chunk of a wrong length", lid);
    w->next += w->chunk;
    w->st.chunks++;
    return 0;
}

static int walk_entry(struct walk *w, const uint8_t *k, uint32_t klen, const uint8_t *v, uint32_t vlen)
{
    int err;
    if (klen == LV_KEY_ROOT && get_be32(k) == LV_LID_COUNTER) err = walk_counter(w, v, vlen);
    else if (klen == LV_KEY_ROOT) err = walk_root(w, get_be32(k), v, vlen);
    else if (klen == LV_KEY_CHUNK) err = walk_chunk(w, get_be32(k), get_be32(k + 4), vlen);
    else err = corrupt(w, "key of a bad length", 0);
    w->entries++;
    return err;
}

int lv_verify(store *s, store_db *db, uint32_t tree, struct lv_stats *st)
{
    pager *p = store_db_pager(db);
    const uint8_t *k, *v;
    uint32_t klen, vlen;
    struct walk w;
    bt_cursor *c;
    int err;

    memset(&w, 0, sizeof(w));
    w.tree = tree;
    w.chunk = lv_chunk_size(store_db_page_size(db));
    store_read_begin(s);
    if (!(err = bt_verify(p, tree, NULL)) && !(err = bt_cursor_open(p, tree, &c))) {
        for (err = bt_first(c); !err; err = bt_next(c)) {
            if ((err = bt_cursor_get(c, &k, &klen, &v, &vlen))) break;
            if ((err = walk_entry(&w, k, klen, v, vlen))) break;
        }
        if (err == JET_errNoCurrentRecord) err = walk_close(&w);
        bt_cursor_close(c);
    }
    store_read_end(s);
    if (st) *st = w.st;
    return err;
}
