/*
 * hint.c - leaf hints: the last leaf a point read or put reached in a tree,
 * so that the next one with a key in the same leaf skips the descent.
 *
 * Ordered loads put (and, for their duplicate-key test, look up) key after
 * key in the last leaf of a tree; with a hint each of those is one page
 * pin and one binary search instead of one per level.
 *
 * A hint is only a page number; nothing depends on it being right.  Before
 * it is used, the page it names is checked by its content alone: it must be
 * a leaf of this tree (type, level, tree field, a sane header) whose keys
 * bracket the key - strictly between its first and last key or equal to
 * one of them, or past its last key with no right sibling, or before its
 * first with no left sibling.  The leaves of a tree partition its key
 * space in order, so such a leaf is where the key is or belongs, however
 * old the hint; pages freed by a merge or a drop are marked free and fail
 * the type test.  A hint that fails is a miss, never an error: the caller
 * descends from the root as always and notes the leaf it reached.
 *
 * Random keys would pay for a pin and a search at each miss, so each hint
 * has a score: it is only tried while the last descents confirm it.  A
 * descent that reaches the hinted leaf again sets the score; a miss clears
 * it; a descent to another leaf moves the hint there.  Under random keys
 * the cost is a load and a compare per call.
 *
 * Storage: PAGER_HINT_WORDS words of the tree's pager (pager_hints), two
 * per slot (root << 32 | leaf pgno, then the score), slots picked by the
 * root (bt_hint_slot).  The tests that cost nothing (is there a trusted
 * hint for this root; did the descent reach the hinted leaf) are inline in
 * btint.h, so a random lookup pays a few instructions for them.  Readers under the shared latch update them concurrently, so every
 * access is a relaxed __atomic one; a torn pair of words is only a wrong
 * hint, which the check above turns into a miss.
 */
#include "btint.h"

int bt_hint_use(pager *p, uint64_t *h, uint32_t root, const uint8_t *key, uint32_t klen,
                pager_page **leaf, uint32_t *pos, int *exact)
{
    uint32_t pgno = (uint32_t)__atomic_load_n(h, __ATOMIC_RELAXED), page_size, n;
    pager_page *pg;
    const uint8_t *d;
    int hit;

    *leaf = NULL;
    if (pgno == 0 || pgno >= pager_page_count(p) || pager_get(p, pgno, &pg)) goto miss;
    d = pager_data(pg);
    page_size = pager_page_size(p);
    hit = d[PAGE_OFF_TYPE] == PAGE_TYPE_LEAF && d[PAGE_OFF_LEVEL] == 0
          && get_u32(d + PAGE_OFF_TREE) == root && !node_check_header(d, page_size)
          && !node_search(d, page_size, key, klen, pos, exact);
    if (hit) {
        n = node_count(d);
        if (!n) hit = !node_next(d) && !node_prev(d); /* the only leaf */
        else hit = *exact || (*pos > 0 && *pos < n) || (*pos == n && !node_next(d))
                   || (*pos == 0 && !node_prev(d));
    }
    if (hit) {
        *leaf = pg;
        return 1;
    }
    pager_release(pg);
miss:
    __atomic_store_n(h + 1, 0, __ATOMIC_RELAXED);
    return 0;
}

void bt_hint_move(uint64_t *h, uint32_t root, uint32_t leaf)
{
    __atomic_store_n(h, (uint64_t)root << 32 | leaf, __ATOMIC_RELAXED);
    if (__atomic_load_n(h + 1, __ATOMIC_RELAXED)) __atomic_store_n(h + 1, 0, __ATOMIC_RELAXED);
}
