/*
 * cursor.c - cursors over a B+tree (interface in btree.h).
 *
 * A cursor is in one of four states:
 *
 *   BEFORE   before the first entry (a new cursor, or after running off
 *            the front); bt_next moves to the first entry
 *   AFTER    after the last entry; bt_prev moves to the last entry
 *   ON       on the entry at slot idx of the pinned leaf
 *   GAP      on a key that is no longer in the tree (the entry was
 *            deleted while the cursor was parked on it): idx is where that
 *            key would be, so bt_next goes to the first entry above it and
 *            bt_prev to the last entry below it, as ESE does
 *
 * In ON and GAP the cursor pins its leaf, so scans cost no lookups, and
 * keeps a copy of the key it is on together with pager_generation() at the
 * time.  Any change to the database moves the generation; the next call
 * then checks the position before using it: if the pinned page is still a
 * leaf of this tree and the key is there (or falls strictly between two of
 * its cells) the position is found again with one binary search, else the
 * cursor descends from the root to its key.  Freed pages are marked free
 * before they go back to the pager, so a stale pin cannot pass the check.
 *
 * bt_cursor_get returns the key from the cursor's copy and the value from
 * the pinned page: both stay valid until the next call on the cursor or
 * the next change to the database.
 *
 * Running off an end leaves the cursor at that end: bt_first on an empty
 * tree leaves it before the first entry, bt_last after the last.  After an
 * error other than JET_errNoCurrentRecord / JET_errRecordNotFound (damage
 * found, or a page that cannot be read) the cursor is before the first
 * entry.
 */
#include <stdlib.h>
#include <string.h>

#include "btint.h"
#include "debug.h"
#include "esent.h"

DEFAULT_DEBUG_CHANNEL(esent);

enum cursor_state { CUR_BEFORE, CUR_AFTER, CUR_ON, CUR_GAP };

struct bt_cursor {
    pager *p;
    uint32_t root, page_size;
    enum cursor_state state;
    pager_page *leaf; /* ON, GAP: pinned */
    uint32_t idx;     /* ON: the entry; GAP: the first entry above key */
    uint64_t gen;     /* pager_generation() when the position was taken */
    uint32_t klen;    /* ON, GAP: the key */
    uint8_t key[];    /* bt_key_max(page_size) bytes */
};

int bt_cursor_open(pager *p, uint32_t root, bt_cursor **out)
{
    uint32_t page_size = pager_page_size(p);
    bt_cursor *c = calloc(1, sizeof(*c) + node_key_max(page_size));

    *out = NULL;
    if (!c) return JET_errOutOfMemory;
    c->p = p;
    c->root = root;
    c->page_size = page_size;
    c->state = CUR_BEFORE;
    *out = c;
    return 0;
}

/* Drops the position (and the pin) and puts the cursor at an end. */
static void cursor_park(bt_cursor *c, enum cursor_state state)
{
    if (c->leaf) pager_release(c->leaf);
    c->leaf = NULL;
    c->state = state;
}

void bt_cursor_close(bt_cursor *c)
{
    if (!c) return;
    cursor_park(c, CUR_BEFORE);
    free(c);
}

/* Puts the cursor on entry idx of its leaf (c->gen was set when the move
 * began: reading does not change the generation).  When the cursor arrived from
 * another leaf, the entry must lie beyond the key it came from (dir > 0:
 * above, dir < 0: below), which catches leaf chains that loop. */
static int cursor_land(bt_cursor *c, uint32_t idx, int dir)
{
    struct node_item it;
    int r, cmp;

    if ((r = node_get(pager_data(c->leaf), c->page_size, idx, &it))) {
        cursor_park(c, CUR_BEFORE);
        return r;
    }
    if (dir && (c->state == CUR_ON || c->state == CUR_GAP)) {
        cmp = node_keycmp(it.key, it.klen, c->key, c->klen);
        if (dir > 0 ? cmp <= 0 : cmp >= 0) {
            ERR("leaf %u of tree %u is out of key order with its sibling\n",
                pager_pgno(c->leaf), c->root);
            cursor_park(c, CUR_BEFORE);
            return JET_errDatabaseCorrupted;
        }
    }
    memcpy(c->key, it.key, it.klen);
    c->klen = it.klen;
    c->idx = idx;
    c->state = CUR_ON;
    return 0;
}

/* Lands on the first entry at or after slot idx of the pinned leaf,
 * following the chain of leaves; at its end the cursor goes to end_state
 * and JET_errNoCurrentRecord is returned. */
static int cursor_forward(bt_cursor *c, uint32_t idx, enum cursor_state end_state)
{
    uint32_t hops = 0, limit = pager_page_count(c->p);
    int r;

    while (idx >= node_count(pager_data(c->leaf))) {
        if ((r = bt_leaf_step(c->p, c->root, &c->leaf, 1))) {
            cursor_park(c, CUR_BEFORE);
            return r;
        }
        if (!c->leaf) {
            cursor_park(c, end_state);
            return JET_errNoCurrentRecord;
        }
        if (++hops > limit) {
            ERR("tree %u: the leaf chain loops\n", c->root);
            cursor_park(c, CUR_BEFORE);
            return JET_errDatabaseCorrupted;
        }
        idx = 0;
    }
    return cursor_land(c, idx, hops ? 1 : 0);
}

/* Lands on the last entry before slot end of the pinned leaf, following
 * the chain backwards. */
static int cursor_backward(bt_cursor *c, uint32_t end, enum cursor_state end_state)
{
    uint32_t hops = 0, limit = pager_page_count(c->p);
    int r;

    while (end == 0) {
        if ((r = bt_leaf_step(c->p, c->root, &c->leaf, 0))) {
            cursor_park(c, CUR_BEFORE);
            return r;
        }
        if (!c->leaf) {
            cursor_park(c, end_state);
            return JET_errNoCurrentRecord;
        }
        if (++hops > limit) {
            ERR("tree %u: the leaf chain loops\n", c->root);
            cursor_park(c, CUR_BEFORE);
            return JET_errDatabaseCorrupted;
        }
        end = node_count(pager_data(c->leaf));
    }
    return cursor_land(c, end - 1, hops ? -1 : 0);
}

/* Whether the pinned leaf still is a leaf of this tree (quietly: a freed
 * page is expected here, not damage). */
static int leaf_still_ours(const bt_cursor *c)
{
    const uint8_t *d = pager_data(c->leaf);
    return d[PAGE_OFF_TYPE] == PAGE_TYPE_LEAF && get_u32(d + PAGE_OFF_TREE) == c->root
        && node_check_header(d, c->page_size) == 0;
}

/* Finds the cursor's key again after the database changed: ON if it is
 * still there, GAP if not. */
static int cursor_refresh(bt_cursor *c)
{
    uint64_t gen = pager_generation(c->p);
    uint32_t pos;
    int exact, r;

    if ((c->state != CUR_ON && c->state != CUR_GAP) || gen == c->gen) return 0;
    if (leaf_still_ours(c)
        && !node_search(pager_data(c->leaf), c->page_size, c->key, c->klen, &pos, &exact)
        && (exact || (pos > 0 && pos < node_count(pager_data(c->leaf))))) {
        /* The key, or two neighbours around it, are in this leaf: since
         * leaves hold disjoint key ranges, this is its place. */
    } else {
        pager_release(c->leaf);
        c->leaf = NULL;
        r = bt_descend(c->p, c->root, c->key, c->klen, BT_EDGE_KEY, &c->leaf);
        if (!r) r = node_search(pager_data(c->leaf), c->page_size, c->key, c->klen, &pos, &exact);
        if (r) {
            cursor_park(c, CUR_BEFORE);
            return r;
        }
    }
    c->idx = pos;
    c->state = exact ? CUR_ON : CUR_GAP;
    c->gen = gen;
    return 0;
}

int bt_first(bt_cursor *c)
{
    int r;

    cursor_park(c, CUR_BEFORE);
    c->gen = pager_generation(c->p);
    if ((r = bt_descend(c->p, c->root, NULL, 0, BT_EDGE_FIRST, &c->leaf))) return r;
    return cursor_forward(c, 0, CUR_BEFORE);
}

int bt_last(bt_cursor *c)
{
    int r;

    cursor_park(c, CUR_AFTER);
    c->gen = pager_generation(c->p);
    if ((r = bt_descend(c->p, c->root, NULL, 0, BT_EDGE_LAST, &c->leaf))) {
        c->state = CUR_BEFORE;
        return r;
    }
    return cursor_backward(c, node_count(pager_data(c->leaf)), CUR_AFTER);
}

int bt_next(bt_cursor *c)
{
    int r;

    if (c->state == CUR_BEFORE) return bt_first(c);
    if (c->state == CUR_AFTER) return JET_errNoCurrentRecord;
    if ((r = cursor_refresh(c))) return r;
    return cursor_forward(c, c->state == CUR_ON ? c->idx + 1 : c->idx, CUR_AFTER);
}

int bt_prev(bt_cursor *c)
{
    int r;

    if (c->state == CUR_AFTER) return bt_last(c);
    if (c->state == CUR_BEFORE) return JET_errNoCurrentRecord;
    if ((r = cursor_refresh(c))) return r;
    /* ON: the entry before idx; GAP: idx is the first entry above the key,
     * so the same. */
    return cursor_backward(c, c->idx, CUR_BEFORE);
}

int bt_seek(bt_cursor *c, const void *key, uint32_t klen, int dir, int *exact)
{
    uint32_t pos;
    int found, r;

    if (exact) *exact = 0;
    if (dir < BT_SEEK_GE || dir > BT_SEEK_LT) return JET_errInvalidParameter;
    cursor_park(c, CUR_BEFORE);
    c->gen = pager_generation(c->p);
    if ((r = bt_descend(c->p, c->root, key, klen, BT_EDGE_KEY, &c->leaf))) return r;
    if ((r = node_search(pager_data(c->leaf), c->page_size, key, klen, &pos, &found))) {
        cursor_park(c, CUR_BEFORE);
        return r;
    }
    switch (dir) {
    case BT_SEEK_GE: r = cursor_forward(c, pos, CUR_AFTER); break;
    case BT_SEEK_GT: r = cursor_forward(c, pos + (found ? 1 : 0), CUR_AFTER); break;
    case BT_SEEK_LE: r = cursor_backward(c, pos + (found ? 1 : 0), CUR_BEFORE); break;
    default: r = cursor_backward(c, pos, CUR_BEFORE); break;
    }
    if (r == JET_errNoCurrentRecord) return JET_errRecordNotFound;
    if (!r && exact) *exact = node_keycmp(c->key, c->klen, key, klen) == 0;
    return r;
}

int bt_cursor_get(bt_cursor *c, const uint8_t **key, uint32_t *klen, const uint8_t **val,
                  uint32_t *vlen)
{
    struct node_item it;
    int r;

    if ((r = cursor_refresh(c))) return r;
    if (c->state != CUR_ON) return JET_errNoCurrentRecord;
    if ((r = node_get(pager_data(c->leaf), c->page_size, c->idx, &it))) {
        cursor_park(c, CUR_BEFORE);
        return r;
    }
    if (key) *key = c->key;
    if (klen) *klen = c->klen;
    if (val) *val = it.val;
    if (vlen) *vlen = it.vlen;
    return 0;
}
