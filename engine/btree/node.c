/*
 * node.c - the cells of one B-tree page (see node.h for the layout and the
 * trust rules).
 *
 * Reading: every offset taken from a slot and every length taken from a
 * cell is checked against the cell area before a byte behind it is read,
 * so a damaged page yields JET_errDatabaseCorrupted, never a stray read.
 * The checks are a few comparisons per cell, cheap enough for the binary
 * search that every descent runs.
 *
 * Writing: cells are never moved by an insert or a removal; only the slot
 * array shifts.  Removed cells leave holes (frag) that node_compact()
 * squeezes out when the gap runs short, and pages rebuilt by splits and
 * merges (node_seq_build) are written without holes.
 */
#include "node.h"

#include <assert.h>

#include "debug.h"
#include "esent.h"

DEFAULT_DEBUG_CHANNEL(esent);

static uint32_t page_pgno(const uint8_t *pg)
{
    return get_u32(pg + PAGE_OFF_PGNO);
}

static uint32_t cell_top(const uint8_t *pg)
{
    return get_u16(pg + PAGE_OFF_CELL_TOP);
}

static uint32_t slot_get(const uint8_t *pg, uint32_t i)
{
    return get_u16(pg + PAGE_HDR_SIZE + NODE_SLOT_SIZE * i);
}

static void slot_put(uint8_t *pg, uint32_t i, uint32_t off)
{
    put_u16(pg + PAGE_HDR_SIZE + NODE_SLOT_SIZE * i, (uint16_t)off);
}

void node_init(uint8_t *pg, uint32_t page_size, int type, unsigned level, uint32_t tree)
{
    assert(type == PAGE_TYPE_LEAF || type == PAGE_TYPE_BRANCH);
    assert((type == PAGE_TYPE_LEAF) == (level == 0) && level <= NODE_MAX_LEVEL);
    memset(pg + PAGE_OFF_TYPE, 0, PAGE_HDR_SIZE - PAGE_OFF_TYPE);
    pg[PAGE_OFF_TYPE] = (uint8_t)type;
    pg[PAGE_OFF_LEVEL] = (uint8_t)level;
    put_u16(pg + PAGE_OFF_CELL_TOP, (uint16_t)page_size);
    put_u32(pg + PAGE_OFF_TREE, tree);
}

void node_clear(uint8_t *pg, uint32_t page_size)
{
    put_u16(pg + PAGE_OFF_NSLOTS, 0);
    put_u16(pg + PAGE_OFF_CELL_TOP, (uint16_t)page_size);
    put_u16(pg + PAGE_OFF_FRAG, 0);
}

void node_copy(uint8_t *dst, const uint8_t *src, uint32_t page_size)
{
    uint32_t slots_end = PAGE_HDR_SIZE + NODE_SLOT_SIZE * node_count(src);
    uint32_t top = cell_top(src);
    memcpy(dst + PAGE_OFF_TYPE, src + PAGE_OFF_TYPE, slots_end - PAGE_OFF_TYPE);
    memcpy(dst + top, src + top, page_size - top);
}

int node_check_header(const uint8_t *pg, uint32_t page_size)
{
    unsigned type = pg[PAGE_OFF_TYPE], level = pg[PAGE_OFF_LEVEL];
    uint32_t n = node_count(pg), top = cell_top(pg), frag = get_u16(pg + PAGE_OFF_FRAG);

    if (type != PAGE_TYPE_LEAF && type != PAGE_TYPE_BRANCH) {
        ERR("page %u: type %u is not a B-tree page\n", page_pgno(pg), type);
        return JET_errDatabaseCorrupted;
    }
    if ((type == PAGE_TYPE_LEAF) != (level == 0) || level > NODE_MAX_LEVEL) {
        ERR("page %u: level %u does not fit type %u\n", page_pgno(pg), level, type);
        return JET_errDatabaseCorrupted;
    }
    if (PAGE_HDR_SIZE + NODE_SLOT_SIZE * n > top || top > page_size || frag > page_size - top) {
        ERR("page %u: bad free-space fields (nslots %u, cell_top %u, frag %u)\n",
            page_pgno(pg), n, top, frag);
        return JET_errDatabaseCorrupted;
    }
    return 0;
}

static int bad_cell(const uint8_t *pg, uint32_t i, uint32_t off)
{
    ERR("page %u: cell %u at offset %u does not fit in the cell area\n", page_pgno(pg), i, off);
    return JET_errDatabaseCorrupted;
}

int node_get(const uint8_t *pg, uint32_t page_size, uint32_t i, struct node_item *it)
{
    uint32_t off = slot_get(pg, i), top = cell_top(pg);
    const uint8_t *c = pg + off;

    assert(i < node_count(pg));
    if (node_is_leaf(pg)) {
        if (off < top || off + NODE_LEAF_HDR > page_size) return bad_cell(pg, i, off);
        it->klen = get_u16(c);
        it->vlen = get_u16(c + 2);
        it->key = c + NODE_LEAF_HDR;
        it->val = it->key + it->klen;
        it->child = 0;
        if (off + NODE_LEAF_HDR + it->klen + it->vlen > page_size) return bad_cell(pg, i, off);
    } else {
        if (off < top || off + NODE_BRANCH_HDR > page_size) return bad_cell(pg, i, off);
        it->child = get_u32(c);
        it->klen = get_u16(c + 4);
        it->key = c + NODE_BRANCH_HDR;
        it->val = NULL;
        it->vlen = 0;
        if (off + NODE_BRANCH_HDR + it->klen > page_size) return bad_cell(pg, i, off);
    }
    if (it->klen > node_key_max(page_size)) {
        ERR("page %u: cell %u has a %u-byte key\n", page_pgno(pg), i, it->klen);
        return JET_errDatabaseCorrupted;
    }
    return 0;
}

/* Starts loading the cells the binary search below will read, so that
 * their cache misses overlap instead of following one another: every cell
 * of a small page (a leaf of short rows), else those of its first three
 * probes.  Offsets are only hints here; node_search checks them. */
static void prefetch_cells(const uint8_t *pg, uint32_t page_size, uint32_t n)
{
    uint32_t q, off;

    if (n <= 64) {
        for (q = 0; q < n; q++)
            if ((off = slot_get(pg, q)) < page_size) __builtin_prefetch(pg + off);
        return;
    }
    for (q = 1; q < 8; q++)
        if ((off = slot_get(pg, n * q / 8)) < page_size) __builtin_prefetch(pg + off);
}

int node_search(const uint8_t *pg, uint32_t page_size, const uint8_t *key, uint32_t klen,
                uint32_t *pos, int *exact)
{
    int leaf = node_is_leaf(pg);
    uint32_t hdr = leaf ? NODE_LEAF_HDR : NODE_BRANCH_HDR, klen_at = leaf ? 0 : 4;
    uint32_t top = cell_top(pg), lo = 0, hi = node_count(pg);

    prefetch_cells(pg, page_size, hi);
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2, off = slot_get(pg, mid), kl;
        int c;
        if (off < top || off + hdr > page_size) return bad_cell(pg, mid, off);
        kl = get_u16(pg + off + klen_at);
        if (off + hdr + kl > page_size) return bad_cell(pg, mid, off);
        c = node_keycmp(pg + off + hdr, kl, key, klen);
        if (c < 0) {
            lo = mid + 1;
        } else if (c > 0) {
            hi = mid;
        } else {
            *pos = mid;
            *exact = 1;
            return 0;
        }
    }
    *pos = lo;
    *exact = 0;
    return 0;
}

int node_child(const uint8_t *pg, uint32_t page_size, uint32_t i, uint32_t *child)
{
    struct node_item it;
    int r;

    assert(!node_is_leaf(pg) && i <= node_count(pg));
    if (i == node_count(pg)) {
        *child = node_next(pg);
        return 0;
    }
    if ((r = node_get(pg, page_size, i, &it))) return r;
    *child = it.child;
    return 0;
}

int node_set_child(uint8_t *pg, uint32_t page_size, uint32_t i, uint32_t child)
{
    struct node_item it;
    int r;

    assert(!node_is_leaf(pg) && i <= node_count(pg));
    if (i == node_count(pg)) {
        node_set_next(pg, child);
        return 0;
    }
    if ((r = node_get(pg, page_size, i, &it))) return r;
    put_u32(pg + slot_get(pg, i), child);
    return 0;
}

/* Writes a cell at p.  memmove: the item may come from the same page. */
static void cell_write(uint8_t *p, int leaf, const struct node_item *it)
{
    if (leaf) {
        put_u16(p, (uint16_t)it->klen);
        put_u16(p + 2, (uint16_t)it->vlen);
        if (it->klen) memmove(p + NODE_LEAF_HDR, it->key, it->klen);
        if (it->vlen) memmove(p + NODE_LEAF_HDR + it->klen, it->val, it->vlen);
    } else {
        put_u32(p, it->child);
        put_u16(p + 4, (uint16_t)it->klen);
        if (it->klen) memmove(p + NODE_BRANCH_HDR, it->key, it->klen);
    }
}

void node_insert(uint8_t *pg, uint32_t page_size, uint32_t i, const struct node_item *it)
{
    int leaf = node_is_leaf(pg);
    uint32_t n = node_count(pg), size = node_item_size(leaf, it);
    uint32_t top = cell_top(pg) - size;
    uint8_t *slots = pg + PAGE_HDR_SIZE;

    (void)page_size;
    assert(i <= n && node_gap(pg) >= size + NODE_SLOT_SIZE);
    cell_write(pg + top, leaf, it);
    memmove(slots + NODE_SLOT_SIZE * (i + 1), slots + NODE_SLOT_SIZE * i, NODE_SLOT_SIZE * (n - i));
    slot_put(pg, i, top);
    put_u16(pg + PAGE_OFF_NSLOTS, (uint16_t)(n + 1));
    put_u16(pg + PAGE_OFF_CELL_TOP, (uint16_t)top);
}

static void add_frag(uint8_t *pg, uint32_t bytes)
{
    put_u16(pg + PAGE_OFF_FRAG, (uint16_t)(get_u16(pg + PAGE_OFF_FRAG) + bytes));
}

int node_remove(uint8_t *pg, uint32_t page_size, uint32_t i)
{
    int leaf = node_is_leaf(pg);
    uint32_t n = node_count(pg), off = slot_get(pg, i), size;
    uint8_t *slots = pg + PAGE_HDR_SIZE;
    struct node_item it;
    int r;

    if ((r = node_get(pg, page_size, i, &it))) return r;
    size = node_item_size(leaf, &it);
    if (off == cell_top(pg)) put_u16(pg + PAGE_OFF_CELL_TOP, (uint16_t)(off + size));
    else add_frag(pg, size);
    memmove(slots + NODE_SLOT_SIZE * i, slots + NODE_SLOT_SIZE * (i + 1),
            NODE_SLOT_SIZE * (n - i - 1));
    put_u16(pg + PAGE_OFF_NSLOTS, (uint16_t)(n - 1));
    if (n == 1) {
        put_u16(pg + PAGE_OFF_CELL_TOP, (uint16_t)page_size);
        put_u16(pg + PAGE_OFF_FRAG, 0);
    }
    return 0;
}

int node_replace(uint8_t *pg, uint32_t page_size, uint32_t i, const struct node_item *it)
{
    int leaf = node_is_leaf(pg);
    uint32_t off = slot_get(pg, i), old_size, new_size = node_item_size(leaf, it);
    struct node_item old;
    int r;

    if ((r = node_get(pg, page_size, i, &old))) return r;
    old_size = node_item_size(leaf, &old);
    if (new_size <= old_size) {
        cell_write(pg + off, leaf, it);
        add_frag(pg, old_size - new_size);
    } else {
        uint32_t top = cell_top(pg) - new_size;
        assert(node_gap(pg) >= new_size);
        cell_write(pg + top, leaf, it);
        slot_put(pg, i, top);
        put_u16(pg + PAGE_OFF_CELL_TOP, (uint16_t)top);
        add_frag(pg, old_size);
    }
    return 0;
}

int node_compact(uint8_t *pg, uint32_t page_size, uint8_t *tmp)
{
    int leaf = node_is_leaf(pg);
    uint32_t n = node_count(pg), total = 0, top = page_size, i;
    struct node_item it;
    int r;

    for (i = 0; i < n; i++) {
        if ((r = node_get(pg, page_size, i, &it))) return r;
        total += node_item_size(leaf, &it);
    }
    if (PAGE_HDR_SIZE + NODE_SLOT_SIZE * n + total > page_size) {
        ERR("page %u: cells overlap (%u bytes in %u cells)\n", page_pgno(pg), total, n);
        return JET_errDatabaseCorrupted;
    }
    memcpy(tmp, pg, page_size);
    for (i = 0; i < n; i++) {
        uint32_t off = slot_get(tmp, i), size;
        r = node_get(tmp, page_size, i, &it);
        assert(!r);
        size = node_item_size(leaf, &it);
        top -= size;
        memcpy(pg + top, tmp + off, size);
        slot_put(pg, i, top);
    }
    put_u16(pg + PAGE_OFF_CELL_TOP, (uint16_t)top);
    put_u16(pg + PAGE_OFF_FRAG, 0);
    return 0;
}

int node_check_cells(const uint8_t *pg, uint32_t page_size, uint8_t *map)
{
    int leaf = node_is_leaf(pg);
    uint32_t n = node_count(pg), top = cell_top(pg), total = 0, i;
    struct node_item it, prev = { 0 };
    int r;

    memset(map, 0, page_size);
    for (i = 0; i < n; i++) {
        uint32_t off = slot_get(pg, i), size;
        if ((r = node_get(pg, page_size, i, &it))) return r;
        size = node_item_size(leaf, &it);
        if (leaf && it.klen + it.vlen > node_cell_max(page_size)) {
            ERR("page %u: cell %u is %u bytes, more than a cell may hold\n", page_pgno(pg), i,
                size);
            return JET_errDatabaseCorrupted;
        }
        if (memchr(map + off, 1, size)) {
            ERR("page %u: cell %u overlaps another cell\n", page_pgno(pg), i);
            return JET_errDatabaseCorrupted;
        }
        memset(map + off, 1, size);
        total += size;
        if (i > 0 && node_keycmp(prev.key, prev.klen, it.key, it.klen) >= 0) {
            ERR("page %u: key of cell %u is not above the key of cell %u\n", page_pgno(pg), i,
                i - 1);
            return JET_errDatabaseCorrupted;
        }
        prev = it;
    }
    if (total + get_u16(pg + PAGE_OFF_FRAG) != page_size - top) {
        ERR("page %u: %u bytes of cells and %u of holes do not fill the %u-byte cell area\n",
            page_pgno(pg), total, get_u16(pg + PAGE_OFF_FRAG), page_size - top);
        return JET_errDatabaseCorrupted;
    }
    return 0;
}

/* ---- cell sequences ------------------------------------------------- */

void node_seq_init(struct node_seq *s, uint32_t page_size, int leaf)
{
    s->page_size = page_size;
    s->leaf = leaf;
    s->count = 0;
    s->nruns = 0;
}

void node_seq_cells(struct node_seq *s, const uint8_t *pg, uint32_t first, uint32_t count)
{
    struct node_run *run;

    if (!count) return;
    assert(s->nruns < NODE_SEQ_RUNS && first + count <= node_count(pg));
    run = &s->run[s->nruns++];
    run->pg = pg;
    run->first = first;
    run->count = count;
    s->count += count;
}

void node_seq_item(struct node_seq *s, const struct node_item *it)
{
    struct node_run *run;

    assert(s->nruns < NODE_SEQ_RUNS);
    run = &s->run[s->nruns++];
    run->pg = NULL;
    run->first = 0;
    run->count = 1;
    run->item = *it;
    s->count++;
}

int node_seq_check(const struct node_seq *s, uint32_t *bytes)
{
    uint32_t total = 0, r_i, j;
    struct node_item it;
    int r;

    for (r_i = 0; r_i < s->nruns; r_i++) {
        const struct node_run *run = &s->run[r_i];
        if (!run->pg) {
            total += node_item_size(s->leaf, &run->item) + NODE_SLOT_SIZE;
            continue;
        }
        if (node_is_leaf(run->pg) != s->leaf) {
            ERR("page %u: leaf and branch pages mixed\n", page_pgno(run->pg));
            return JET_errDatabaseCorrupted;
        }
        for (j = run->first; j < run->first + run->count; j++) {
            if ((r = node_get(run->pg, s->page_size, j, &it))) return r;
            if (s->leaf && it.klen + it.vlen > node_cell_max(s->page_size)) {
                ERR("page %u: cell %u is bigger than a cell may be\n", page_pgno(run->pg), j);
                return JET_errDatabaseCorrupted;
            }
            total += node_item_size(s->leaf, &it) + NODE_SLOT_SIZE;
        }
    }
    *bytes = total;
    return 0;
}

void node_seq_at(const struct node_seq *s, uint32_t j, struct node_item *it)
{
    uint32_t r_i;

    assert(j < s->count);
    for (r_i = 0; j >= s->run[r_i].count; r_i++) j -= s->run[r_i].count;
    if (s->run[r_i].pg) {
        int r = node_get(s->run[r_i].pg, s->page_size, s->run[r_i].first + j, it);
        assert(!r); /* node_seq_check() accepted these cells */
        (void)r;
    } else {
        *it = s->run[r_i].item;
    }
}

uint32_t node_seq_size(const struct node_seq *s, uint32_t j)
{
    struct node_item it;
    node_seq_at(s, j, &it);
    return node_item_size(s->leaf, &it) + NODE_SLOT_SIZE;
}

/* Bytes of each half when cutting at k (see node_seq_split). */
static void cut_sizes(const struct node_seq *s, uint32_t total, uint32_t prefix, uint32_t k,
                      uint32_t *left, uint32_t *right)
{
    *left = prefix;
    *right = total - prefix - (s->leaf ? 0 : node_seq_size(s, k));
}

uint32_t node_seq_split(const struct node_seq *s, int hint)
{
    uint32_t usable = node_usable(s->page_size), n = s->count, total = 0, prefix = 0;
    uint32_t kmin = 1, kmax = s->leaf ? n - 1 : n - 2, best = 0, best_diff = UINT32_MAX;
    uint32_t left, right, j, k;

    if (n < (s->leaf ? 2u : 3u)) return 0;
    for (j = 0; j < n; j++) total += node_seq_size(s, j);

    if (hint == NODE_SPLIT_APPEND || hint == NODE_SPLIT_PREPEND) {
        k = hint == NODE_SPLIT_APPEND ? kmax : kmin;
        for (j = 0; j < k; j++) prefix += node_seq_size(s, j);
        cut_sizes(s, total, prefix, k, &left, &right);
        if (left <= usable && right <= usable) return k;
        prefix = 0;
    }
    for (k = 0; k <= kmax; k++) {
        if (k >= kmin) {
            cut_sizes(s, total, prefix, k, &left, &right);
            if (left <= usable && right <= usable) {
                uint32_t diff = left > right ? left - right : right - left;
                if (diff < best_diff) {
                    best = k;
                    best_diff = diff;
                }
            }
        }
        prefix += node_seq_size(s, k);
    }
    return best;
}

void node_seq_build(uint8_t *pg, const struct node_seq *s, uint32_t from, uint32_t to)
{
    struct node_item it;
    uint32_t j;

    assert(node_is_leaf(pg) == s->leaf && from <= to && to <= s->count);
    for (j = from; j < to; j++) {
        node_seq_at(s, j, &it);
        node_insert(pg, s->page_size, node_count(pg), &it);
    }
}

uint32_t node_separator_len(const uint8_t *left, uint32_t llen, const uint8_t *right,
                            uint32_t rlen)
{
    uint32_t n = llen < rlen ? llen : rlen, p = 0;

    while (p < n && left[p] == right[p]) p++;
    /* left < right means right is longer than the common prefix; a
     * damaged page where it is not gets a harmless clamp (the caller checks
     * the order). */
    return p < rlen ? p + 1 : rlen;
}
