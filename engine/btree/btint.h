/*
 * btint.h - what the files of engine/btree/ share; nothing outside the
 * directory includes it (the tree's interface is btree.h).
 *
 *   node.c    cells inside one page (node.h)
 *   btree.c   tree operations: descent, put, delete, split, merge, drop, count
 *   cursor.c  cursors
 *   verify.c  bt_verify
 */
#ifndef ESENT_BTREE_BTINT_H
#define ESENT_BTREE_BTINT_H

#include <stdint.h>

#include "btree.h"
#include "node.h"
#include "pager.h"

/* Pages from the root down to a leaf, at most. */
#define BT_MAX_DEPTH (NODE_MAX_LEVEL + 1)

/* Pins page pgno of the tree rooted at root and checks that it is one:
 * a sane B-tree header, its tree field, and its level (level < 0: any, for
 * the root).  JET_errDatabaseCorrupted (traced) if not. */
int bt_page_get(pager *p, uint32_t root, uint32_t pgno, int level, pager_page **out);

/* The same for a step down or along the tree: pins pgno and releases *pg
 * under one hold of the pager's mutex (pager_get_swap).  *pg is the new
 * page, or NULL on an error (the old one released all the same). */
int bt_page_swap(pager *p, uint32_t root, uint32_t pgno, int level, pager_page **pg);

/* Marks a page of the tree free and gives it to the pager's free list
 * (which releases the caller's pin). */
int bt_page_free(pager *p, pager_page *pg);

/* Readers' descent, one page pinned at a time, to the leaf whose key range
 * holds key (BT_EDGE_KEY) or to the first or last leaf. */
enum { BT_EDGE_KEY = 0, BT_EDGE_FIRST = 1, BT_EDGE_LAST = 2 };
int bt_descend(pager *p, uint32_t root, const uint8_t *key, uint32_t klen, int edge,
               pager_page **leaf);

/* Replaces the pinned leaf *pg by its right (forward) or left sibling,
 * checking that the sibling is a leaf of the tree that links back.  At the
 * end of the chain *pg becomes NULL.  The old leaf is released either way;
 * on an error *pg is NULL too. */
int bt_leaf_step(pager *p, uint32_t root, pager_page **pg, int forward);

/* Leaf hints (hint.c).  A tree's hint is two words of its pager
 * (bt_hint_slot): root << 32 | leaf pgno, then the score.  bt_hint_leaf
 * pins the hinted leaf of the tree and returns 1 when it is where key is
 * or belongs, with node_search's *pos and *exact for it; else 0, nothing
 * pinned.  bt_hint_note tells the hint which leaf a descent from the root
 * reached.  The checks that cost nothing are inline here; the page is
 * looked at in hint.c. */
int bt_hint_use(pager *p, uint64_t *h, uint32_t root, const uint8_t *key, uint32_t klen,
                pager_page **leaf, uint32_t *pos, int *exact);
void bt_hint_move(uint64_t *h, uint32_t root, uint32_t leaf);

static inline uint64_t *bt_hint_slot(pager *p, uint32_t root)
{
    return pager_hints(p) + 2 * ((root * 2654435761u) >> 28 & (PAGER_HINT_WORDS / 2 - 1));
}

static inline int bt_hint_leaf(pager *p, uint64_t *h, uint32_t root, const uint8_t *key,
                               uint32_t klen, pager_page **leaf, uint32_t *pos, int *exact)
{
    if ((uint32_t)(__atomic_load_n(h, __ATOMIC_RELAXED) >> 32) != root
        || !__atomic_load_n(h + 1, __ATOMIC_RELAXED))
        return 0;
    return bt_hint_use(p, h, root, key, klen, leaf, pos, exact);
}

static inline void bt_hint_note(uint64_t *h, uint32_t root, uint32_t leaf)
{
    if (__atomic_load_n(h, __ATOMIC_RELAXED) != ((uint64_t)root << 32 | leaf))
        bt_hint_move(h, root, leaf);
    else if (!__atomic_load_n(h + 1, __ATOMIC_RELAXED))
        __atomic_store_n(h + 1, 1, __ATOMIC_RELAXED);
}

#endif /* ESENT_BTREE_BTINT_H */
