/*
 * btree.h - B+trees of (key, value) cells stored in pager pages.
 *
 * A tree is named by its root pgno, which never changes during the tree's
 * life (a root split moves the root's cells into new children), so the
 * catalog can store it.  Keys are byte strings compared with memcmp over
 * the shorter length, the shorter key first on a tie (ESE's CmpKey); the
 * layers above make keys normalized so this is the index order.  Values are
 * opaque bytes stored in the leaf cell; long values are cut into chunks
 * above this layer.  All data lives in leaves; branch cells hold separator
 * keys and child pgnos; leaves are linked both ways for scans.
 *
 * Size limits (per page size, see bt_key_max / bt_cell_max): a key is at
 * most 2000 bytes on 4 KiB pages and 4000 on larger ones, twice ESE's
 * largest index key (1000 / JET_cbKeyMostMost 2000), so that a secondary
 * index entry (index key || primary bookmark) fits at both maximums; a
 * leaf cell (key + value + overhead) is at most half the usable page, so
 * any two cells fit in one page and a split always succeeds; a branch page
 * holds at least two separators of the largest size, so a branch split
 * always succeeds too.  Bigger input
 * gets JET_errKeyTooBig / JET_errRecordTooBig, never a corrupt page.
 *
 * Space: pages emptied by deletes are merged with a sibling or freed to the
 * pager's free list, and a root with one child absorbs it, so a tree that
 * is filled and emptied returns its pages.
 *
 * Errors are JET_err values.  Structural damage found while walking (a
 * child of the wrong level or tree, keys out of order, cell offsets outside
 * the page) is JET_errDatabaseCorrupted, never an assert or a crash.
 *
 * Threads: no locking here.  Readers (get, cursors) may run together;
 * modifications need the caller's exclusive latch.  A cursor remembers its
 * key and pager_generation(); if anything changed since it was positioned,
 * the next move re-seeks from that key, so cursors stay valid across
 * modifications made while they were parked.  bt_get and bt_put keep a
 * leaf hint per tree (hint.c) in the pager, updated atomically by readers
 * running together; it only ever saves a descent.
 */
#ifndef ESENT_BTREE_H
#define ESENT_BTREE_H

#include <stdint.h>

#include "pager.h"

typedef struct bt_cursor bt_cursor;

/* Largest key and largest leaf cell payload (key + value) for a page size. */
uint32_t bt_key_max(uint32_t page_size);
uint32_t bt_cell_max(uint32_t page_size);

/* Creates an empty tree (one empty leaf as root). */
int bt_create(pager *p, uint32_t *root);
/* Frees every page of the tree, root included. */
int bt_drop(pager *p, uint32_t root);

enum {
    BT_UPSERT = 0,       /* insert, or replace the value of an existing key */
    BT_INSERT_ONLY = 1,  /* JET_errKeyDuplicate if the key exists */
    BT_REPLACE_ONLY = 2  /* JET_errRecordNotFound if the key is absent */
};
int bt_put(pager *p, uint32_t root, const void *key, uint32_t klen,
           const void *val, uint32_t vlen, unsigned mode);
/* JET_errRecordNotFound if the key is absent. */
int bt_delete(pager *p, uint32_t root, const void *key, uint32_t klen);
/* Copies up to bufsize bytes of the value; *vlen gets the full length.
 * JET_errRecordNotFound if absent. */
int bt_get(pager *p, uint32_t root, const void *key, uint32_t klen,
           void *buf, uint32_t bufsize, uint32_t *vlen);

/* Cursors.  A new cursor is before the first entry. */
int bt_cursor_open(pager *p, uint32_t root, bt_cursor **out);
void bt_cursor_close(bt_cursor *c);

enum {
    BT_SEEK_GE = 1, /* first entry >= key */
    BT_SEEK_GT = 2, /* first entry >  key */
    BT_SEEK_LE = 3, /* last entry  <= key */
    BT_SEEK_LT = 4  /* last entry  <  key */
};
/* Positions on the entry described by dir; *exact (may be NULL) tells
 * whether its key equals the sought one.  JET_errRecordNotFound when there
 * is no such entry (the cursor is then after-last for GE/GT, before-first
 * for LE/LT). */
int bt_seek(bt_cursor *c, const void *key, uint32_t klen, int dir, int *exact);
/* JET_errNoCurrentRecord when the tree is empty or the move runs off an
 * end; the cursor is then before-first or after-last, and a move in the
 * other direction lands on the first or last entry. */
int bt_first(bt_cursor *c);
int bt_last(bt_cursor *c);
int bt_next(bt_cursor *c);
int bt_prev(bt_cursor *c);
/* The current entry; JET_errNoCurrentRecord when not on one (including
 * when the entry was deleted since).  The pointers stay valid until the
 * next call on this cursor or any modification of the database. */
int bt_cursor_get(bt_cursor *c, const uint8_t **key, uint32_t *klen,
                  const uint8_t **val, uint32_t *vlen);

/* Number of entries (walks the leaves). */
int bt_count(pager *p, uint32_t root, uint64_t *count);

struct bt_stats {
    uint64_t entries, leaf_pages, branch_pages, depth, key_bytes, value_bytes, free_bytes;
};
/* Walks the whole tree and checks it: page types, levels, tree ids, cell
 * bounds and free-space accounting, key order inside and across pages,
 * separator keys against their subtrees, sibling links.  Returns 0 or
 * JET_errDatabaseCorrupted (with an ERR trace saying what and where). */
int bt_verify(pager *p, uint32_t root, struct bt_stats *st);

/* bt_verify, also calling visit(ctx, pgno) once for every page of the
 * tree (for space accounting). */
int bt_walk_pages(pager *p, uint32_t root, void (*visit)(void *ctx, uint32_t pgno), void *ctx);

#endif /* ESENT_BTREE_H */
