/*
 * verify.c - bt_verify: walks a whole tree and checks everything the code
 * relies on, so tests (and a future integrity check) can tell a sound tree
 * from a damaged one.
 *
 * The walk is depth first, pinning the path from the root down.  For each
 * page: the header (type, level one below its parent, tree field), every
 * cell inside the cell area without overlaps, the free-space accounting,
 * strictly increasing keys (node_check_cells), and every key inside the
 * range its ancestors' separators give it: child i of a branch holds keys
 * in [separator i-1, separator i).  Leaves are met in key order, so each
 * one's prev link must name the leaf met before it, whose next link must
 * name it; the last leaf ends the chain.  This also catches a page reached
 * twice (two parents sharing a child).
 *
 * Damage is JET_errDatabaseCorrupted with an ERR trace naming the page;
 * errors from the pager (a page that fails its checksum) pass through.
 */
#include <stdlib.h>
#include <string.h>

#include "btint.h"
#include "debug.h"
#include "esent.h"

DEFAULT_DEBUG_CHANNEL(esent);

struct verify {
    pager *p;
    uint32_t root, page_size;
    uint8_t *map;       /* page_size bytes for node_check_cells */
    uint32_t last_leaf; /* the leaf visited last, 0 before the first */
    uint32_t last_next; /* its next link */
    struct bt_stats st;
    void (*visit)(void *ctx, uint32_t pgno); /* bt_walk_pages */
    void *ctx;
};

/* Checks that key k of page pgno lies in [lo, hi) (NULL: unbounded). */
static int check_range(uint32_t pgno, uint32_t i, const struct node_item *k,
                       const struct node_item *lo, const struct node_item *hi)
{
    if (lo && node_keycmp(k->key, k->klen, lo->key, lo->klen) < 0) {
        ERR("page %u: key of cell %u is below its parent's separator\n", pgno, i);
        return JET_errDatabaseCorrupted;
    }
    if (hi && node_keycmp(k->key, k->klen, hi->key, hi->klen) >= 0) {
        ERR("page %u: key of cell %u is not below its parent's separator\n", pgno, i);
        return JET_errDatabaseCorrupted;
    }
    return 0;
}

static int check_leaf_links(struct verify *v, uint32_t pgno, const uint8_t *d)
{
    if (node_prev(d) != v->last_leaf || (v->last_leaf && v->last_next != pgno)) {
        ERR("leaf %u: links (prev %u) do not match its neighbour %u (next %u)\n", pgno,
            node_prev(d), v->last_leaf, v->last_next);
        return JET_errDatabaseCorrupted;
    }
    v->last_leaf = pgno;
    v->last_next = node_next(d);
    return 0;
}

static int verify_page(struct verify *v, uint32_t pgno, int level, const struct node_item *lo,
                       const struct node_item *hi)
{
    uint32_t n, i, child;
    struct node_item it, left, right;
    pager_page *pg;
    const uint8_t *d;
    int r;

    if ((r = bt_page_get(v->p, v->root, pgno, level, &pg))) return r;
    if (v->visit) v->visit(v->ctx, pgno);
    d = pager_data(pg);
    n = node_count(d);
    if ((r = node_check_cells(d, v->page_size, v->map))) goto out;
    v->st.free_bytes += node_free(d);
    if (n && (r = node_get(d, v->page_size, 0, &it)) == 0) r = check_range(pgno, 0, &it, lo, hi);
    if (!r && n > 1 && (r = node_get(d, v->page_size, n - 1, &it)) == 0)
        r = check_range(pgno, n - 1, &it, lo, hi);
    if (r) goto out;

    if (node_is_leaf(d)) {
        v->st.leaf_pages++;
        v->st.entries += n;
        for (i = 0; i < n; i++) {
            node_get(d, v->page_size, i, &it); /* checked by node_check_cells */
            v->st.key_bytes += it.klen;
            v->st.value_bytes += it.vlen;
        }
        r = check_leaf_links(v, pgno, d);
        goto out;
    }
    v->st.branch_pages++;
    if (node_prev(d)) {
        ERR("branch page %u: prev field is %u, not 0\n", pgno, node_prev(d));
        r = JET_errDatabaseCorrupted;
        goto out;
    }
    for (i = 0; i <= n && !r; i++) {
        if (i > 0) node_get(d, v->page_size, i - 1, &left);
        if (i < n) node_get(d, v->page_size, i, &right);
        if (!(r = node_child(d, v->page_size, i, &child)))
            r = verify_page(v, child, (int)node_level(d) - 1, i > 0 ? &left : lo,
                            i < n ? &right : hi);
    }
out:
    pager_release(pg);
    return r;
}

static int verify_tree(pager *p, uint32_t root, struct bt_stats *st,
                       void (*visit)(void *ctx, uint32_t pgno), void *ctx)
{
    struct verify v;
    pager_page *pg;
    int r;

    memset(&v, 0, sizeof(v));
    v.visit = visit;
    v.ctx = ctx;
    v.p = p;
    v.root = root;
    v.page_size = pager_page_size(p);
    if (!(v.map = malloc(v.page_size))) return JET_errOutOfMemory;
    if (!(r = bt_page_get(p, root, root, -1, &pg))) {
        v.st.depth = node_level(pager_data(pg)) + 1;
        pager_release(pg);
        r = verify_page(&v, root, -1, NULL, NULL);
    }
    if (!r && v.last_next) {
        ERR("tree %u: last leaf %u links to page %u\n", root, v.last_leaf, v.last_next);
        r = JET_errDatabaseCorrupted;
    }
    free(v.map);
    if (st) *st = v.st;
    return r;
}

int bt_verify(pager *p, uint32_t root, struct bt_stats *st)
{
    return verify_tree(p, root, st, NULL, NULL);
}

int bt_walk_pages(pager *p, uint32_t root, void (*visit)(void *ctx, uint32_t pgno), void *ctx)
{
    return verify_tree(p, root, NULL, visit, ctx);
}
