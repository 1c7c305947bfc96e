/*
 * node.h - the cells of one B-tree page; internal to engine/btree/.
 *
 * This layer knows one page image at a time and nothing of the pager: it
 * finds, reads, adds and removes cells, keeps the free-space fields of the
 * common page header (page.h) true, and builds pages from sequences of
 * cells during splits and merges.  Everything here works on plain buffers,
 * so tests can drive it without a database file.
 *
 * Cells (docs/format.md, "B-tree cells", is the reference):
 *
 *   leaf cell    u16 klen | u16 vlen | key[klen] | value[vlen]
 *   branch cell  u32 child | u16 klen | key[klen]
 *
 * A page holds its cells in key order through the slot array that follows
 * the 40-byte header; cell content grows down from the end of the page.
 * The bytes between the end of the slot array and cell_top are the "gap";
 * holes left by removed cells inside [cell_top, page_size) are counted in
 * frag.  So at all times
 *
 *   gap  = cell_top - (PAGE_HDR_SIZE + 2 * nslots)
 *   free = gap + frag                  (what a compaction would give)
 *   sum of cell sizes + frag = page_size - cell_top
 *
 * A branch page with n cells has n + 1 children: child i (i < n) is the
 * child of cell i and holds the keys k with key(i-1) <= k < key(i); child n
 * is the page's "next" header field and holds the keys >= key(n-1).
 *
 * Trust: functions that read a cell (node_get, node_search, ...) check its
 * offset and lengths against the page and the header, and return
 * JET_errDatabaseCorrupted with an ERR trace instead of reading outside the
 * page.  node_check_header() must have accepted a page's header before any
 * other function here is used on it.  Functions that modify a page state
 * their preconditions (room, valid cells), which the caller establishes
 * first; they are asserted, as programmer errors.
 */
#ifndef ESENT_BTREE_NODE_H
#define ESENT_BTREE_NODE_H

#include <stdint.h>
#include <string.h>

#include "page.h"

#define NODE_SLOT_SIZE 2u
#define NODE_LEAF_HDR 4u   /* u16 klen, u16 vlen */
#define NODE_BRANCH_HDR 6u /* u32 child, u16 klen */
/* Deepest level a page may claim.  With at least two children per branch
 * and 32-bit page numbers no real tree gets near it; a page claiming more
 * is corrupt. */
#define NODE_MAX_LEVEL 39u
/* Largest key on any page size (node_key_max). */
#define NODE_KEY_MAX_ANY 4000u

/* One cell, decoded: pointers into the page (or into the caller's memory
 * for cells about to be written). */
struct node_item {
    const uint8_t *key;
    uint32_t klen;
    const uint8_t *val; /* leaf only */
    uint32_t vlen;      /* leaf only */
    uint32_t child;     /* branch only */
};

/* ESE's key order: memcmp over the shorter length, the shorter key first
 * on a tie. */
static inline int node_keycmp(const uint8_t *a, uint32_t alen, const uint8_t *b, uint32_t blen)
{
    uint32_t n = alen < blen ? alen : blen;
    int c;

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* Short keys (the common case) without a call: 8 bytes at a time,
     * byte-swapped so that the integer order is the memcmp order. */
    if (n <= 32) {
        for (; n >= 8; a += 8, b += 8, n -= 8) {
            uint64_t x, y;
            memcpy(&x, a, 8);
            memcpy(&y, b, 8);
            if (x != y) return __builtin_bswap64(x) < __builtin_bswap64(y) ? -1 : 1;
        }
        for (; n; a++, b++, n--)
            if (*a != *b) return *a < *b ? -1 : 1;
        return (alen > blen) - (alen < blen);
    }
#endif
    c = n ? memcmp(a, b, n) : 0;
    if (c) return c;
    return (alen > blen) - (alen < blen);
}

/* Largest key: twice ESE's largest index key for the page size
 * (JET_cbKeyMost4KBytePage 1000, JET_cbKeyMostMost 2000), so that a
 * secondary index entry, index key || primary bookmark, holds both at
 * their maximum.  A branch page still holds two such separators with their
 * cells and slots (2 x 2008 <= 4056 on 4 KiB pages, 2 x 4008 <= 8152 on
 * 8 KiB ones), so a branch that overflows by one cell always splits. */
static inline uint32_t node_key_max(uint32_t page_size)
{
    return page_size <= PAGE_SIZE_MIN ? 2000u : 4000u;
}
static inline uint32_t node_usable(uint32_t page_size)
{
    return page_size - PAGE_HDR_SIZE;
}
/* Largest key + value of a leaf cell: the cell and its slot take at most
 * half the usable page, so any two cells fit in one page. */
static inline uint32_t node_cell_max(uint32_t page_size)
{
    return node_usable(page_size) / 2 - NODE_LEAF_HDR - NODE_SLOT_SIZE;
}

/* Header fields (the header must have been checked). */
static inline int node_is_leaf(const uint8_t *pg)
{
    return pg[PAGE_OFF_TYPE] == PAGE_TYPE_LEAF;
}
static inline uint32_t node_count(const uint8_t *pg)
{
    return get_u16(pg + PAGE_OFF_NSLOTS);
}
static inline unsigned node_level(const uint8_t *pg)
{
    return pg[PAGE_OFF_LEVEL];
}
static inline uint32_t node_next(const uint8_t *pg)
{
    return get_u32(pg + PAGE_OFF_NEXT);
}
static inline uint32_t node_prev(const uint8_t *pg)
{
    return get_u32(pg + PAGE_OFF_PREV);
}
static inline void node_set_next(uint8_t *pg, uint32_t pgno)
{
    put_u32(pg + PAGE_OFF_NEXT, pgno);
}
static inline void node_set_prev(uint8_t *pg, uint32_t pgno)
{
    put_u32(pg + PAGE_OFF_PREV, pgno);
}
static inline uint32_t node_gap(const uint8_t *pg)
{
    return get_u16(pg + PAGE_OFF_CELL_TOP) - (PAGE_HDR_SIZE + NODE_SLOT_SIZE * node_count(pg));
}
static inline uint32_t node_free(const uint8_t *pg)
{
    return node_gap(pg) + get_u16(pg + PAGE_OFF_FRAG);
}
/* Bytes taken by cells and their slots. */
static inline uint32_t node_used(const uint8_t *pg, uint32_t page_size)
{
    return node_usable(page_size) - node_free(pg);
}

/* Bytes of a cell in the page (without its slot). */
static inline uint32_t node_item_size(int leaf, const struct node_item *it)
{
    return leaf ? NODE_LEAF_HDR + it->klen + it->vlen : NODE_BRANCH_HDR + it->klen;
}

/* Makes pg an empty B-tree page; keeps the checksum, pgno and lsn. */
void node_init(uint8_t *pg, uint32_t page_size, int type, unsigned level, uint32_t tree);
/* Empties a page's cell area; keeps type, level, tree and links. */
void node_clear(uint8_t *pg, uint32_t page_size);
/* Copies a whole B-tree page's content (header from the type field on, and
 * cells) from src to dst; dst keeps its own checksum, pgno and lsn. */
void node_copy(uint8_t *dst, const uint8_t *src, uint32_t page_size);

/* Checks the header of a page about to be used as a B-tree page: type,
 * level, slot array and cell area bounds.  0 or JET_errDatabaseCorrupted. */
int node_check_header(const uint8_t *pg, uint32_t page_size);
/* Decodes cell i (i < node_count), bounds-checked. */
int node_get(const uint8_t *pg, uint32_t page_size, uint32_t i, struct node_item *it);
/* Binary search: *pos = the first cell whose key is >= key (node_count if
 * none), *exact = whether it is equal. */
int node_search(const uint8_t *pg, uint32_t page_size, const uint8_t *key, uint32_t klen,
                uint32_t *pos, int *exact);
/* Branch pages: the child of index i (0 <= i <= node_count; i == count is
 * the rightmost child), and its replacement. */
int node_child(const uint8_t *pg, uint32_t page_size, uint32_t i, uint32_t *child);
int node_set_child(uint8_t *pg, uint32_t page_size, uint32_t i, uint32_t child);

/* Inserts a cell at slot i.  Precondition: node_gap() >= cell size + slot. */
void node_insert(uint8_t *pg, uint32_t page_size, uint32_t i, const struct node_item *it);
/* Removes cell i; its bytes become free (gap if it was the lowest cell,
 * frag otherwise). */
int node_remove(uint8_t *pg, uint32_t page_size, uint32_t i);
/* Replaces cell i by it without moving other cells.  Precondition: the new
 * cell is no bigger than the old one, or fits in the gap. */
int node_replace(uint8_t *pg, uint32_t page_size, uint32_t i, const struct node_item *it);
/* Moves every cell to the end of the page so that free == gap and frag ==
 * 0.  tmp is page_size bytes of scratch.  The page is left unchanged if a
 * cell is damaged (JET_errDatabaseCorrupted). */
int node_compact(uint8_t *pg, uint32_t page_size, uint8_t *tmp);

/* The full check of one page for bt_verify: every cell inside the cell
 * area, no two cells overlapping, the free-space accounting exact, keys
 * strictly increasing.  map is page_size bytes of scratch. */
int node_check_cells(const uint8_t *pg, uint32_t page_size, uint8_t *map);

/*
 * Cell sequences: what splits, merges and redistributions lay out.  A
 * sequence is the concatenation of up to NODE_SEQ_RUNS runs, each a range
 * of cells of a page image or one explicit item: a page with a new cell
 * inserted is three runs, two sibling pages with the separator between
 * them (branch merges) also three.  The page images must stay unchanged
 * while the sequence is used.
 */
#define NODE_SEQ_RUNS 4

struct node_run {
    const uint8_t *pg; /* NULL: the run is the single item below */
    uint32_t first, count;
    struct node_item item;
};

struct node_seq {
    uint32_t page_size;
    int leaf;
    uint32_t count, nruns;
    struct node_run run[NODE_SEQ_RUNS];
};

void node_seq_init(struct node_seq *s, uint32_t page_size, int leaf);
void node_seq_cells(struct node_seq *s, const uint8_t *pg, uint32_t first, uint32_t count);
void node_seq_item(struct node_seq *s, const struct node_item *it);
/* Decodes every cell of the sequence once (bounds-checked) and returns the
 * bytes they would take with their slots.  After this succeeded,
 * node_seq_at() cannot fail. */
int node_seq_check(const struct node_seq *s, uint32_t *bytes);
void node_seq_at(const struct node_seq *s, uint32_t j, struct node_item *it);
/* Bytes of item j with its slot. */
uint32_t node_seq_size(const struct node_seq *s, uint32_t j);

/* Where to cut a sequence that does not fit in one page into two.  Leaves:
 * items [0, k) go left, [k, count) right.  Branches: [0, k) left, item k
 * moves up to the parent (its child becomes the left page's rightmost
 * child), [k + 1, count) right.  Both halves must fit and hold an item.
 * NODE_SPLIT_APPEND puts only the last item on the right (sequential
 * inserts fill pages), NODE_SPLIT_PREPEND only the first on the left, when
 * that fits; otherwise the cut balances the bytes.  0 if no cut fits. */
enum { NODE_SPLIT_BALANCED = 0, NODE_SPLIT_APPEND = 1, NODE_SPLIT_PREPEND = 2 };
uint32_t node_seq_split(const struct node_seq *s, int hint);
/* Appends items [from, to) to pg.  Precondition: they fit in the gap. */
void node_seq_build(uint8_t *pg, const struct node_seq *s, uint32_t from, uint32_t to);

/* Length of the shortest key s with left < s <= right (left < right): the
 * prefix of right one byte longer than what they share.  Separators made
 * this way keep branch pages small (suffix truncation). */
uint32_t node_separator_len(const uint8_t *left, uint32_t llen, const uint8_t *right,
                            uint32_t rlen);

#endif /* ESENT_BTREE_NODE_H */
