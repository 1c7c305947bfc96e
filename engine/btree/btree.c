/*
 * btree.c - B+tree operations over the pager: descent, put, delete, page
 * splits and merges, growing and collapsing the root, drop and count.
 * Cells inside a page are node.c's business; cursors are in cursor.c.
 *
 * Descent.  Readers pin one page at a time, hand over hand.  Writers pin
 * the whole path from the root to the leaf (struct bt_path), because a
 * split or a merge may change every page on it.  Every page is checked as
 * it is pinned (bt_page_get: header, tree, level), so a child pointer into
 * the wrong place is JET_errDatabaseCorrupted, not a wild walk.
 *
 * Put.  The common case writes one cell into the leaf's gap.  If the leaf
 * has the room only counting its holes, it is rewritten without holes.
 * Otherwise a leaf first tries to share its cells with a sibling that has
 * room (leaf_share: fuller leaves under random inserts).  Otherwise it splits, and the separator that goes up may split the parent
 * in turn, up to the root.  A split runs in two phases:
 *
 *   plan     read only: lay out every page that splits (where to cut its
 *            cells) and so count the pages needed;
 *   prepare  everything that can fail: allocate the new pages and the
 *            scratch buffer, pin the leaf's right neighbour (its back link
 *            changes), make room in the parent that absorbs the separator;
 *   execute  move the cells; it cannot fail.
 *
 * so a failed put (disk full, out of memory, damage found on the way)
 * leaves the tree as it was.  A page splits into itself (the left half)
 * and a new page (the right half); the parent's pointer to it is moved to
 * the new page and a cell (separator, old page) is inserted before it.  The
 * root keeps its pgno: when it must split, its content moves to a new page
 * first and it becomes a branch over that page alone ("grow").  Cuts are
 * balanced by bytes, except that inserting past the last key of the tree
 * leaves full pages behind (and likewise before the first key), so
 * sequential loads fill pages instead of leaving them half empty.  A leaf
 * separator is the shortest key between the two halves (suffix truncation,
 * node_separator_len); a branch split moves its middle separator up.
 *
 * Delete.  The cell is removed; if the leaf falls under a quarter full it
 * is merged with a sibling under the same parent when both fit in one page
 * (the right page is freed and its separator leaves the parent, which may
 * then underflow in turn), else cells are redistributed between the two.
 * A redistribution changes the separator in the parent, which may not fit
 * there: the parent is then split like on an insert (before the siblings
 * are touched, so that a failure changes nothing).  So a page that has a
 * sibling is never left underfull, and a branch never keeps a single
 * child; the root, when left with one, absorbs it.  The delete has
 * happened once the cell is removed; if rebalancing then fails (a sibling
 * that cannot be read), the tree is still valid, only less full, and the
 * error is traced, not returned.
 *
 * Pointers given to bt_put may point into the database itself (a value
 * from bt_cursor_get): rebuilt pages are laid out from copies, and the
 * item's pointers are moved to the copy when they point into the page.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "btint.h"
#include "debug.h"
#include "esent.h"

DEFAULT_DEBUG_CHANNEL(esent);

struct bt_level {
    pager_page *pg;
    uint8_t *data;
    uint32_t idx; /* branch: index of the child taken; leaf: search position */
};

/* A writer's pinned path from the root (lv[0]) to a leaf (lv[depth - 1]). */
struct bt_path {
    pager *p;
    uint32_t root, page_size, depth;
    int leftmost, rightmost; /* the leaf is the first / last of the tree */
    struct bt_level lv[BT_MAX_DEPTH];
};

uint32_t bt_key_max(uint32_t page_size)
{
    return node_key_max(page_size);
}

uint32_t bt_cell_max(uint32_t page_size)
{
    return node_cell_max(page_size);
}

/* ---- pages ---------------------------------------------------------- */

/* Whether pinned page pg, pgno of the tree, is one at the level (see
 * bt_page_get); releases it if not. */
static int page_check(pager *p, uint32_t root, uint32_t pgno, int level, pager_page *pg)
{
    uint8_t *d = pager_data(pg);
    int r;

    if ((r = node_check_header(d, pager_page_size(p)))) {
        ERR("page %u of tree %u is damaged\n", pgno, root);
    } else if (get_u32(d + PAGE_OFF_TREE) != root
               || (level >= 0 && node_level(d) != (unsigned)level)) {
        ERR("page %u: tree %u level %u, expected tree %u level %d\n", pgno,
            get_u32(d + PAGE_OFF_TREE), node_level(d), root, level);
        r = JET_errDatabaseCorrupted;
    }
    if (r) pager_release(pg);
    return r;
}

int bt_page_get(pager *p, uint32_t root, uint32_t pgno, int level, pager_page **out)
{
    pager_page *pg;
    int r;

    *out = NULL;
    if ((r = pager_get(p, pgno, &pg))) return r;
    if ((r = page_check(p, root, pgno, level, pg))) return r;
    *out = pg;
    return 0;
}

int bt_page_swap(pager *p, uint32_t root, uint32_t pgno, int level, pager_page **pg)
{
    int r;

    if ((r = pager_get_swap(p, pgno, pg))) return r;
    if ((r = page_check(p, root, pgno, level, *pg))) *pg = NULL;
    return r;
}

int bt_page_free(pager *p, pager_page *pg)
{
    /* A cursor may still pin the frame: make sure it no longer looks like
     * a page of the tree to it (the pager also clears it today). */
    pager_make_dirty(pg);
    pager_data(pg)[PAGE_OFF_TYPE] = PAGE_TYPE_FREE;
    return pager_free(p, pg);
}

/* Index of the child of branch page d whose range holds key. */
static int child_index(const uint8_t *d, uint32_t page_size, const uint8_t *key, uint32_t klen,
                       uint32_t *idx)
{
    uint32_t pos;
    int exact, r;

    if ((r = node_search(d, page_size, key, klen, &pos, &exact))) return r;
    /* Child i holds keys below separator i, so an equal key goes right. */
    *idx = pos + (exact ? 1 : 0);
    return 0;
}

int bt_descend(pager *p, uint32_t root, const uint8_t *key, uint32_t klen, int edge,
               pager_page **leaf)
{
    uint32_t page_size = pager_page_size(p), i, child;
    pager_page *pg;
    uint8_t *d;
    int r;

    *leaf = NULL;
    if ((r = bt_page_get(p, root, root, -1, &pg))) return r;
    for (d = pager_data(pg); !node_is_leaf(d); d = pager_data(pg)) {
        if (edge == BT_EDGE_FIRST) i = 0;
        else if (edge == BT_EDGE_LAST) i = node_count(d);
        else if ((r = child_index(d, page_size, key, klen, &i))) break;
        if ((r = node_child(d, page_size, i, &child))) break;
        if ((r = bt_page_swap(p, root, child, (int)node_level(d) - 1, &pg))) break;
    }
    if (r) {
        pager_release(pg); /* NULL if the swap failed */
        return r;
    }
    *leaf = pg;
    return 0;
}

int bt_leaf_step(pager *p, uint32_t root, pager_page **pg, int forward)
{
    const uint8_t *d = pager_data(*pg);
    uint32_t from = pager_pgno(*pg), to = forward ? node_next(d) : node_prev(d);
    pager_page *sib = NULL;
    int r = 0;

    if (!to) {
        pager_release(*pg);
        *pg = NULL;
        return 0;
    }
    sib = *pg;
    r = bt_page_swap(p, root, to, 0, &sib); /* releases *pg */
    if (!r && (forward ? node_prev(pager_data(sib)) : node_next(pager_data(sib))) != from) {
        ERR("leaf %u of tree %u does not link back to leaf %u\n", to, root, from);
        pager_release(sib);
        sib = NULL;
        r = JET_errDatabaseCorrupted;
    }
    *pg = sib;
    return r;
}

/* ---- the writer's path ---------------------------------------------- */

static void path_release(struct bt_path *path)
{
    uint32_t i;
    for (i = 0; i < path->depth; i++)
        if (path->lv[i].pg) pager_release(path->lv[i].pg);
    path->depth = 0;
}

/* Pins the path to the leaf where key is or belongs; *exact tells whether
 * it is there (at lv[depth - 1].idx). */
static int path_descend(pager *p, uint32_t root, const uint8_t *key, uint32_t klen,
                        struct bt_path *path, int *exact)
{
    uint32_t page_size = pager_page_size(p), pgno = root, child;
    int level = -1, r;

    path->p = p;
    path->root = root;
    path->page_size = page_size;
    path->depth = 0;
    path->leftmost = path->rightmost = 1;
    for (;;) {
        struct bt_level *lv = &path->lv[path->depth];
        if ((r = bt_page_get(p, root, pgno, level, &lv->pg))) break;
        lv->data = pager_data(lv->pg);
        path->depth++;
        if (node_is_leaf(lv->data)) {
            r = node_search(lv->data, page_size, key, klen, &lv->idx, exact);
            break;
        }
        if ((r = child_index(lv->data, page_size, key, klen, &lv->idx))) break;
        if ((r = node_child(lv->data, page_size, lv->idx, &child))) break;
        if (lv->idx) path->leftmost = 0;
        if (lv->idx != node_count(lv->data)) path->rightmost = 0;
        level = (int)node_level(lv->data) - 1;
        pgno = child;
    }
    if (r) path_release(path);
    return r;
}

/* ---- helpers for rebuilt pages -------------------------------------- */

static int points_into(const uint8_t *ptr, const uint8_t *pg, uint32_t page_size)
{
    return ptr && (uintptr_t)ptr - (uintptr_t)pg < page_size;
}

/* Moves the item's pointers from page pg to its copy. */
static void rebase(struct node_item *it, const uint8_t *pg, const uint8_t *copy, uint32_t page_size)
{
    if (points_into(it->key, pg, page_size)) it->key = copy + (it->key - pg);
    if (points_into(it->val, pg, page_size)) it->val = copy + (it->val - pg);
}

/* The cells of page pg with it put at slot i: inserted, or replacing
 * cell i. */
static void seq_around(struct node_seq *s, const uint8_t *pg, uint32_t page_size, uint32_t i,
                       const struct node_item *it, int replace)
{
    node_seq_init(s, page_size, node_is_leaf(pg));
    node_seq_cells(s, pg, 0, i);
    node_seq_item(s, it);
    node_seq_cells(s, pg, i + replace, node_count(pg) - i - replace);
}

/* Rewrites the (dirty) page pg without holes, with it put at slot i.  Its
 * cells must have been checked (node_seq_check). */
static void page_rebuild(uint8_t *pg, uint32_t page_size, uint8_t *scratch, uint32_t i,
                         const struct node_item *it, int replace)
{
    struct node_item item = *it;
    struct node_seq s;

    memcpy(scratch, pg, page_size);
    rebase(&item, pg, scratch, page_size);
    seq_around(&s, scratch, page_size, i, &item, replace);
    node_clear(pg, page_size);
    node_seq_build(pg, &s, 0, s.count);
}

/* The separator the parent gets when s is cut at k: for leaves the
 * shortest key between items k - 1 and k, for branches item k's key. */
static int cut_separator(const struct node_seq *s, uint32_t k, struct node_item *sep)
{
    struct node_item l, r;

    node_seq_at(s, k, &r);
    memset(sep, 0, sizeof(*sep));
    sep->key = r.key;
    sep->klen = r.klen;
    if (!s->leaf) return 0;
    node_seq_at(s, k - 1, &l);
    if (node_keycmp(l.key, l.klen, r.key, r.klen) >= 0) {
        ERR("keys out of order in a leaf being split or merged\n");
        return JET_errDatabaseCorrupted;
    }
    sep->klen = node_separator_len(l.key, l.klen, r.key, r.klen);
    return 0;
}

/* Bytes (with slots) of the left and right pages when s is cut at k. */
static void seq_sides(const struct node_seq *s, uint32_t k, uint32_t *left, uint32_t *right)
{
    uint32_t j;

    *left = *right = 0;
    for (j = 0; j < s->count; j++) {
        if (j < k) *left += node_seq_size(s, j);
        else if (j > k || s->leaf) *right += node_seq_size(s, j);
    }
}

/* ---- bt_create, bt_get ---------------------------------------------- */

int bt_create(pager *p, uint32_t *root)
{
    pager_page *pg;
    int r;

    if ((r = pager_alloc(p, &pg))) return r;
    pager_make_dirty(pg);
    node_init(pager_data(pg), pager_page_size(p), PAGE_TYPE_LEAF, 0, pager_pgno(pg));
    *root = pager_pgno(pg);
    pager_release(pg);
    TRACE("tree %u\n", *root);
    return 0;
}

int bt_get(pager *p, uint32_t root, const void *key, uint32_t klen, void *buf, uint32_t bufsize,
           uint32_t *vlen)
{
    uint32_t page_size = pager_page_size(p), pos;
    struct node_item it;
    pager_page *leaf;
    uint64_t *hint = bt_hint_slot(p, root);
    int exact, r = 0;

    if (!bt_hint_leaf(p, hint, root, key, klen, &leaf, &pos, &exact)) {
        if ((r = bt_descend(p, root, key, klen, BT_EDGE_KEY, &leaf))) return r;
        bt_hint_note(hint, root, pager_pgno(leaf));
        r = node_search(pager_data(leaf), page_size, key, klen, &pos, &exact);
    }
    if (!r) {
        if (!exact) r = JET_errRecordNotFound;
        else r = node_get(pager_data(leaf), page_size, pos, &it);
    }
    if (!r) {
        if (it.vlen && bufsize) memcpy(buf, it.val, it.vlen < bufsize ? it.vlen : bufsize);
        if (vlen) *vlen = it.vlen;
    }
    pager_release(leaf);
    return r;
}

/* ---- splits --------------------------------------------------------- */

struct bt_split {
    uint32_t levels;                  /* pages that split, the leaf first */
    uint32_t top;                     /* path level of the highest of them */
    int grow;                         /* the root splits */
    uint32_t parent_need;             /* bytes the non-splitting parent takes */
    uint32_t cut[BT_MAX_DEPTH];       /* per path level, where its cells are cut */
    pager_page *fresh[BT_MAX_DEPTH + 1];
    uint32_t nfresh, used;
    pager_page *sibling;              /* right neighbour of the splitting leaf */
    uint8_t *scratch;                 /* page_size bytes */
};

static int split_hint(const struct bt_path *path, const uint8_t *pg, uint32_t ins, int replace)
{
    if (replace) return NODE_SPLIT_BALANCED;
    if (path->rightmost && ins == node_count(pg)) return NODE_SPLIT_APPEND;
    if (path->leftmost && ins == 0) return NODE_SPLIT_PREPEND;
    return NODE_SPLIT_BALANCED;
}

/* Read only: decides where each page from path level L up splits (the
 * item going to slot ins of level L), and where the chain stops: at a
 * parent with room, or at the root. */
static int split_plan(const struct bt_path *path, uint32_t L, uint32_t ins,
                      const struct node_item *item, int replace, struct bt_split *sp)
{
    uint32_t page_size = path->page_size, bytes, k;
    struct node_item pending = *item, sep;
    struct node_seq s;
    int r;

    for (;;) {
        const uint8_t *pg = path->lv[L].data;
        seq_around(&s, pg, page_size, ins, &pending, replace);
        if ((r = node_seq_check(&s, &bytes))) return r;
        if (!(k = node_seq_split(&s, split_hint(path, pg, ins, replace)))) {
            ERR("page %u: %u cells (%u bytes) cannot be cut in two\n",
                pager_pgno(path->lv[L].pg), s.count, bytes);
            return JET_errDatabaseCorrupted;
        }
        if ((r = cut_separator(&s, k, &sep))) return r;
        sp->cut[L] = k;
        sp->levels++;
        sp->top = L;
        if (L == 0) {
            if (node_level(pg) >= NODE_MAX_LEVEL) {
                ERR("tree %u: cannot grow past %u levels\n", path->root, NODE_MAX_LEVEL + 1);
                return JET_errDatabaseCorrupted;
            }
            sp->grow = 1;
            return 0;
        }
        sp->parent_need = NODE_BRANCH_HDR + sep.klen + NODE_SLOT_SIZE;
        if (node_free(path->lv[L - 1].data) >= sp->parent_need) return 0;
        pending = sep;
        ins = path->lv[L - 1].idx;
        replace = 0;
        L--;
    }
}

static void split_release(pager *p, struct bt_split *sp, int unused_to_free_list)
{
    uint32_t i;

    for (i = 0; i < sp->nfresh; i++) {
        if (unused_to_free_list) {
            uint32_t pgno = pager_pgno(sp->fresh[i]);
            if (pager_free(p, sp->fresh[i])) WARN("could not give back page %u\n", pgno);
        } else {
            pager_release(sp->fresh[i]);
        }
    }
    if (sp->sibling) pager_release(sp->sibling);
    free(sp->scratch);
}

/* Everything that can fail, before the first change.  L is the level
 * where the split starts. */
static int split_prepare(const struct bt_path *path, uint32_t L, struct bt_split *sp)
{
    pager *p = path->p;
    const struct bt_level *start = &path->lv[L];
    uint32_t next = node_is_leaf(start->data) ? node_next(start->data) : 0, i;
    int r = 0;

    if (!(sp->scratch = malloc(path->page_size))) return JET_errOutOfMemory;
    if (next && L > 0) { /* a leaf that is not the root: its right neighbour */
        if (!(r = bt_page_get(p, path->root, next, 0, &sp->sibling))
            && node_prev(pager_data(sp->sibling)) != pager_pgno(start->pg)) {
            ERR("leaf %u of tree %u does not link back to leaf %u\n", next, path->root,
                pager_pgno(start->pg));
            r = JET_errDatabaseCorrupted;
        }
    }
    for (i = 0; !r && i < sp->levels + (uint32_t)sp->grow; i++)
        if (!(r = pager_alloc(p, &sp->fresh[i]))) sp->nfresh++;
    if (!r && !sp->grow) {
        /* The parent that absorbs the last separator: squeeze out its holes
         * now if it needs them (no change to its content). */
        const struct bt_level *up = &path->lv[sp->top - 1];
        if (node_gap(up->data) < sp->parent_need) {
            pager_make_dirty(up->pg);
            if (!(r = node_compact(up->data, path->page_size, sp->scratch))
                && node_gap(up->data) < sp->parent_need) {
                ERR("page %u: free-space fields do not match its cells\n", pager_pgno(up->pg));
                r = JET_errDatabaseCorrupted;
            }
        }
    }
    if (r) split_release(p, sp, 1);
    return r;
}

/* The root's content moves to a new page X; the root becomes a branch one
 * level up whose only child is X.  Returns X. */
static pager_page *grow_root(struct bt_path *path, struct bt_split *sp)
{
    pager_page *root = path->lv[0].pg, *x = sp->fresh[sp->used++];
    uint8_t *rd = path->lv[0].data, *xd = pager_data(x);
    unsigned level = node_level(rd);

    pager_make_dirty(root);
    pager_make_dirty(x);
    node_copy(xd, rd, path->page_size);
    node_set_next(xd, level ? node_next(rd) : 0);
    node_set_prev(xd, 0);
    node_init(rd, path->page_size, PAGE_TYPE_BRANCH, level + 1, path->root);
    node_set_next(rd, pager_pgno(x));
    return x;
}

/* Splits page pg, whose cells with the pending item are cut at k, into
 * itself and a new page; *sep gets the cell for the parent, its key copied
 * to sepbuf. */
static pager_page *split_page(struct bt_path *path, struct bt_split *sp, pager_page *pg,
                              const struct node_item *pending, uint32_t ins, int replace,
                              uint32_t k, struct node_item *sep, uint8_t *sepbuf)
{
    uint32_t page_size = path->page_size;
    pager_page *np = sp->fresh[sp->used++];
    uint8_t *d = pager_data(pg), *nd = pager_data(np), *copy = sp->scratch;
    uint32_t next = node_next(d);
    int leaf = node_is_leaf(d), r;
    struct node_item item = *pending, at;
    struct node_seq s;

    pager_make_dirty(pg);
    pager_make_dirty(np);
    memcpy(copy, d, page_size);
    rebase(&item, d, copy, page_size);
    seq_around(&s, copy, page_size, ins, &item, replace);
    node_clear(d, page_size);
    node_init(nd, page_size, leaf ? PAGE_TYPE_LEAF : PAGE_TYPE_BRANCH, node_level(d), path->root);
    node_seq_build(d, &s, 0, k);
    if (leaf) {
        node_seq_build(nd, &s, k, s.count);
        node_set_next(d, pager_pgno(np));
        node_set_prev(nd, pager_pgno(pg));
        node_set_next(nd, next);
        if (sp->sibling) {
            pager_make_dirty(sp->sibling);
            node_set_prev(pager_data(sp->sibling), pager_pgno(np));
        }
    } else {
        node_seq_at(&s, k, &at);
        node_set_next(d, at.child);
        node_seq_build(nd, &s, k + 1, s.count);
        node_set_next(nd, next);
    }
    r = cut_separator(&s, k, sep); /* checked by split_plan */
    assert(!r);
    (void)r;
    memcpy(sepbuf, sep->key, sep->klen);
    sep->key = sepbuf;
    sep->child = pager_pgno(pg);
    return np;
}

/* Carries out the plan from level L up; cannot fail. */
static void split_exec(struct bt_path *path, uint32_t L, uint32_t ins, const struct node_item *item,
                       int replace, struct bt_split *sp)
{
    uint8_t sepbuf[2][NODE_KEY_MAX_ANY];
    uint32_t page_size = path->page_size, n;
    struct node_item pending = *item, sep;
    int r;

    for (n = 0; n < sp->levels; n++, L--) {
        pager_page *pg = path->lv[L].pg, *up, *np;
        uint32_t up_idx;
        if (L == 0) {
            pg = grow_root(path, sp);
            up = path->lv[0].pg;
            up_idx = 0;
        } else {
            up = path->lv[L - 1].pg;
            up_idx = path->lv[L - 1].idx;
        }
        np = split_page(path, sp, pg, &pending, ins, replace, sp->cut[L], &sep, sepbuf[n & 1]);
        /* The parent's pointer to pg now leads to the right half; the left
         * half gets a new cell in front of it. */
        pager_make_dirty(up);
        r = node_set_child(pager_data(up), page_size, up_idx, pager_pgno(np));
        assert(!r); /* that cell was read on the way down */
        (void)r;
        if (n + 1 < sp->levels) {
            pending = sep;
            ins = up_idx;
            replace = 0;
        } else {
            node_insert(pager_data(up), page_size, up_idx, &sep);
        }
    }
}

static int split_insert(struct bt_path *path, uint32_t L, uint32_t ins,
                        const struct node_item *item, int replace)
{
    struct bt_split sp;
    int r;

    memset(&sp, 0, sizeof(sp));
    if ((r = split_plan(path, L, ins, item, replace, &sp))) return r;
    if ((r = split_prepare(path, L, &sp))) return r;
    split_exec(path, L, ins, item, replace, &sp);
    assert(sp.used == sp.nfresh);
    split_release(path->p, &sp, 0);
    return 0;
}

/* ---- bt_put --------------------------------------------------------- */

static int page_put(struct bt_path *path, uint32_t L, uint32_t i, const struct node_item *it,
                    int replace);

/* Puts it at slot i of page pg, replacing cell i if replace, if that needs
 * no more than the page's gap (*done = 1); else changes nothing
 * (*done = 0). */
static int put_in_place(pager_page *pg, uint32_t page_size, uint32_t i, const struct node_item *it,
                        int replace, int *done)
{
    uint8_t *d = pager_data(pg);
    uint32_t size = node_item_size(node_is_leaf(d), it);
    struct node_item old;
    int r;

    *done = 0;
    if (replace) {
        if ((r = node_get(d, page_size, i, &old))) return r;
        if (size <= node_item_size(node_is_leaf(d), &old) || node_gap(d) >= size) {
            pager_make_dirty(pg);
            *done = 1;
            return node_replace(d, page_size, i, it);
        }
    } else if (node_gap(d) >= size + NODE_SLOT_SIZE) {
        pager_make_dirty(pg);
        node_insert(d, page_size, i, it);
        *done = 1;
    }
    return 0;
}

/* A full leaf with a sibling under the same parent that has room: the two
 * share their cells and the new one evenly, instead of the leaf splitting
 * (B*-tree style).  Random inserts then leave leaves about 80% full rather
 * than 69%, so more of a tree fits in the cache (and a checkpoint has
 * fewer pages to write).  The sibling is the right one when there is one
 * (it is the leaf's right neighbour), else the left.  The pair shares only
 * if each page stays at most SHARE_FILL_NUM / SHARE_FILL_DEN full, so that
 * it does not have to share again at the next insert.  Like a split, the
 * parent gets the new separator first (page_put, which may split it), so a
 * failure changes nothing.  *shared tells whether it happened; 0 with
 * *shared == 0 means: split instead. */
#define SHARE_FILL_NUM 15u /* each page at most 15/16 full after sharing */
#define SHARE_FILL_DEN 16u
#define SHARE_MIN_FREE 8u   /* the sibling has at least 1/8 of a page free */

static int leaf_share(struct bt_path *path, uint32_t L, uint32_t i, const struct node_item *it,
                      int replace, int *shared)
{
    uint32_t page_size = path->page_size, usable = node_usable(page_size), bytes, k, nx;
    struct bt_level *up = &path->lv[L - 1], *lv = &path->lv[L];
    uint32_t idx = up->idx, j, other_pgno;
    uint8_t newkey[NODE_KEY_MAX_ANY], *scratch = NULL, *ad, *bd, *xd;
    pager_page *other = NULL, *a, *b;
    struct node_item item = *it, sep;
    struct node_seq s;
    int right = idx < node_count(up->data), r;

    *shared = 0;
    if (!right && idx == 0) return 0; /* an only child */
    j = right ? idx : idx - 1;        /* the separator between the two */
    if ((r = node_child(up->data, page_size, right ? idx + 1 : idx - 1, &other_pgno))) return r;
    if (other_pgno == pager_pgno(lv->pg)) {
        ERR("page %u: two children are page %u\n", pager_pgno(up->pg), other_pgno);
        return JET_errDatabaseCorrupted;
    }
    if ((r = bt_page_get(path->p, path->root, other_pgno, 0, &other))) return r;
    a = right ? lv->pg : other;
    b = right ? other : lv->pg;
    ad = pager_data(a);
    bd = pager_data(b);
    if (node_next(ad) != pager_pgno(b) || node_prev(bd) != pager_pgno(a)) {
        ERR("leaves %u and %u of tree %u are not linked\n", pager_pgno(a), pager_pgno(b),
            path->root);
        r = JET_errDatabaseCorrupted;
        goto out;
    }
    /* Cheap test first: the other page's free space. */
    if (node_free(pager_data(other)) < usable / SHARE_MIN_FREE) goto out;
    if (!(scratch = malloc(2 * (size_t)page_size))) {
        r = JET_errOutOfMemory;
        goto out;
    }
    memcpy(scratch, ad, page_size);
    memcpy(scratch + page_size, bd, page_size);
    xd = right ? scratch : scratch + page_size; /* the copy of the leaf */
    rebase(&item, lv->data, xd, page_size);
    rebase(&item, pager_data(other), right ? scratch + page_size : scratch, page_size);
    node_seq_init(&s, page_size, 1);
    if (!right) node_seq_cells(&s, scratch, 0, node_count(scratch));
    nx = node_count(xd);
    node_seq_cells(&s, xd, 0, i);
    node_seq_item(&s, &item);
    node_seq_cells(&s, xd, i + replace, nx - i - replace);
    if (right) node_seq_cells(&s, scratch + page_size, 0, node_count(scratch + page_size));
    if ((r = node_seq_check(&s, &bytes))) goto out;
    if (bytes > 2 * (usable / SHARE_FILL_DEN * SHARE_FILL_NUM)) goto out;
    if (!(k = node_seq_split(&s, NODE_SPLIT_BALANCED))) goto out;
    if ((r = cut_separator(&s, k, &sep))) goto out;
    memcpy(newkey, sep.key, sep.klen);
    sep.key = newkey;
    sep.child = pager_pgno(a);
    if ((r = page_put(path, L - 1, j, &sep, 1))) goto out;
    pager_make_dirty(a);
    pager_make_dirty(b);
    node_clear(ad, page_size);
    node_clear(bd, page_size);
    node_seq_build(ad, &s, 0, k);
    node_seq_build(bd, &s, k, s.count);
    *shared = 1;
out:
    free(scratch);
    pager_release(other);
    return r;
}

/* Puts it at slot i of the page at path level L, replacing cell i if
 * replace: in place when the gap allows, by rewriting the page without
 * holes when that is enough, else by splitting.  Fails without a change. */
static int page_put(struct bt_path *path, uint32_t L, uint32_t i, const struct node_item *it,
                    int replace)
{
    struct bt_level *lv = &path->lv[L];
    int leaf = node_is_leaf(lv->data), r;
    uint32_t bytes;
    struct node_seq s;
    uint8_t *scratch;

    int done;

    if ((r = put_in_place(lv->pg, path->page_size, i, it, replace, &done)) || done) return r;
    seq_around(&s, lv->data, path->page_size, i, it, replace);
    if ((r = node_seq_check(&s, &bytes))) return r;
    if (bytes > node_usable(path->page_size)) {
        int shared = 0;
        if (leaf && L > 0 && split_hint(path, lv->data, i, replace) == NODE_SPLIT_BALANCED
            && ((r = leaf_share(path, L, i, it, replace, &shared)) || shared))
            return r;
        return split_insert(path, L, i, it, replace);
    }
    if (!(scratch = malloc(path->page_size))) return JET_errOutOfMemory;
    pager_make_dirty(lv->pg);
    page_rebuild(lv->data, path->page_size, scratch, i, it, replace);
    free(scratch);
    return 0;
}

/* bt_put in the hinted leaf, when there is one for the key and the put
 * fits in its gap (*done = 1); else nothing happened (*done = 0) and the
 * caller descends from the root. */
static int hinted_put(pager *p, uint32_t root, const struct node_item *it, unsigned mode, int *done)
{
    uint32_t page_size = pager_page_size(p), pos;
    struct node_item old;
    pager_page *pg;
    int exact, r = 0;

    *done = 0;
    if (!bt_hint_leaf(p, bt_hint_slot(p, root), root, it->key, it->klen, &pg, &pos, &exact))
        return 0;
    *done = 1;
    if (exact && mode == BT_INSERT_ONLY) r = JET_errKeyDuplicate;
    else if (!exact && mode == BT_REPLACE_ONLY) r = JET_errRecordNotFound;
    else if (exact && !(r = node_get(pager_data(pg), page_size, pos, &old)) && old.vlen == it->vlen
             && (!it->vlen || !memcmp(old.val, it->val, it->vlen)))
        ; /* putting the value that is already there changes nothing */
    else if (!r) r = put_in_place(pg, page_size, pos, it, exact, done);
    pager_release(pg);
    return r;
}

int bt_put(pager *p, uint32_t root, const void *key, uint32_t klen, const void *val, uint32_t vlen,
           unsigned mode)
{
    uint32_t page_size = pager_page_size(p);
    struct node_item it = { 0 }, old;
    struct bt_path path;
    struct bt_level *leaf;
    int exact, done, r = 0;

    if (mode > BT_REPLACE_ONLY) return JET_errInvalidParameter;
    if (klen > node_key_max(page_size)) return JET_errKeyTooBig;
    if (vlen > node_cell_max(page_size) - klen) return JET_errRecordTooBig;
    it.key = key;
    it.klen = klen;
    it.val = val;
    it.vlen = vlen;
    if ((r = hinted_put(p, root, &it, mode, &done)) || done) return r;
    if ((r = path_descend(p, root, key, klen, &path, &exact))) return r;
    leaf = &path.lv[path.depth - 1];
    bt_hint_note(bt_hint_slot(p, root), root, pager_pgno(leaf->pg));
    if (exact && mode == BT_INSERT_ONLY) r = JET_errKeyDuplicate;
    else if (!exact && mode == BT_REPLACE_ONLY) r = JET_errRecordNotFound;
    else if (exact) r = node_get(leaf->data, page_size, leaf->idx, &old);
    /* Putting the value that is already there changes nothing. */
    if (!r && !(exact && old.vlen == vlen && (!vlen || !memcmp(old.val, val, vlen))))
        r = page_put(&path, path.depth - 1, leaf->idx, &it, exact);
    path_release(&path);
    return r;
}

/* ---- deletes: merge, redistribute, collapse ------------------------- */

static int underfull(const uint8_t *d, uint32_t page_size)
{
    return node_used(d, page_size) < node_usable(page_size) / 4;
}

/* Two siblings a (left) and b (right) under the parent up, separated by
 * the parent's cell j, and their cells in one sequence (for branches with
 * the separator pulled down between them, its key in sepkey). */
struct bt_pair {
    struct bt_level *up;
    uint32_t j;
    pager_page *a, *b;
    pager_page **b_owner; /* the pin to clear when b is freed */
    struct node_item mid;
    uint8_t sepkey[NODE_KEY_MAX_ANY];
};

/* The pair's cells laid out from copies of the two pages. */
static void pair_seq(const struct bt_pair *pr, uint32_t page_size, const uint8_t *a,
                     const uint8_t *b, struct node_seq *s)
{
    node_seq_init(s, page_size, node_is_leaf(a));
    node_seq_cells(s, a, 0, node_count(a));
    if (!s->leaf) node_seq_item(s, &pr->mid);
    node_seq_cells(s, b, 0, node_count(b));
}

/* b's cells move into a, b is freed and its separator leaves the parent. */
static int pair_merge(struct bt_path *path, struct bt_pair *pr)
{
    uint32_t page_size = path->page_size;
    uint8_t *ad = pager_data(pr->a), *bd = pager_data(pr->b), *scratch;
    uint32_t b_next = node_next(bd);
    pager_page *after = NULL;
    struct node_seq s;
    int leaf = node_is_leaf(ad), r;

    if (leaf && b_next) {
        if ((r = bt_page_get(path->p, path->root, b_next, 0, &after))) return r;
        if (node_prev(pager_data(after)) != pager_pgno(pr->b)) {
            ERR("leaf %u of tree %u does not link back to leaf %u\n", b_next, path->root,
                pager_pgno(pr->b));
            pager_release(after);
            return JET_errDatabaseCorrupted;
        }
    }
    if (!(scratch = malloc(2 * (size_t)page_size))) {
        if (after) pager_release(after);
        return JET_errOutOfMemory;
    }
    memcpy(scratch, ad, page_size);
    memcpy(scratch + page_size, bd, page_size);
    pair_seq(pr, page_size, scratch, scratch + page_size, &s);
    pager_make_dirty(pr->a);
    node_clear(ad, page_size);
    node_seq_build(ad, &s, 0, s.count);
    node_set_next(ad, b_next);
    free(scratch);
    if (after) {
        pager_make_dirty(after);
        node_set_prev(pager_data(after), pager_pgno(pr->a));
        pager_release(after);
    }
    pager_make_dirty(pr->up->pg);
    r = node_remove(pr->up->data, page_size, pr->j);
    if (!r) r = node_set_child(pr->up->data, page_size, pr->j, pager_pgno(pr->a));
    assert(!r); /* both cells were read before */
    *pr->b_owner = NULL;
    return bt_page_free(path->p, pr->b);
}

/* Moves cells between a and b so that they are about equally full, if that
 * makes the emptier one fuller.  The parent gets the new separator first,
 * through page_put (it may split), so that a failure changes nothing; then
 * the two pages are rebuilt, which cannot fail. */
static int pair_redistribute(struct bt_path *path, uint32_t L, struct bt_pair *pr,
                             const struct node_seq *live)
{
    uint32_t page_size = path->page_size, na = node_count(pager_data(pr->a));
    uint32_t k = node_seq_split(live, NODE_SPLIT_BALANCED), l0, r0, l1, r1;
    uint8_t *ad = pager_data(pr->a), *bd = pager_data(pr->b), *scratch;
    uint8_t newkey[NODE_KEY_MAX_ANY];
    struct node_item sep, at;
    struct node_seq s;
    int r;

    if (!k || k == na) return 0;
    seq_sides(live, na, &l0, &r0);
    seq_sides(live, k, &l1, &r1);
    if ((l1 < r1 ? l1 : r1) <= (l0 < r0 ? l0 : r0)) return 0;
    if ((r = cut_separator(live, k, &sep))) return r;
    memcpy(newkey, sep.key, sep.klen);
    sep.key = newkey;
    sep.child = pager_pgno(pr->a);
    if (!(scratch = malloc(2 * (size_t)page_size))) return JET_errOutOfMemory;
    if ((r = page_put(path, L - 1, pr->j, &sep, 1))) {
        free(scratch);
        return r;
    }
    memcpy(scratch, ad, page_size);
    memcpy(scratch + page_size, bd, page_size);
    pair_seq(pr, page_size, scratch, scratch + page_size, &s);
    pager_make_dirty(pr->a);
    pager_make_dirty(pr->b);
    node_clear(ad, page_size);
    node_clear(bd, page_size);
    node_seq_build(ad, &s, 0, k);
    if (s.leaf) {
        node_seq_build(bd, &s, k, s.count);
    } else {
        node_seq_at(&s, k, &at);
        node_set_next(ad, at.child);
        node_seq_build(bd, &s, k + 1, s.count);
    }
    free(scratch);
    return 0;
}

/* Rebalances the underfull page at path level L with a sibling; *merged
 * tells whether the parent lost a cell. */
static int rebalance_level(struct bt_path *path, uint32_t L, int *merged)
{
    uint32_t page_size = path->page_size, i = path->lv[L - 1].idx, other_pgno, bytes;
    struct bt_level *lv = &path->lv[L];
    struct bt_pair pr;
    struct node_item sep;
    struct node_seq live;
    pager_page *other = NULL;
    int r;

    *merged = 0;
    pr.up = &path->lv[L - 1];
    if (node_count(pr.up->data) == 0) return 0; /* no sibling under this parent */
    /* The left sibling if there is one, else the right one. */
    pr.j = i ? i - 1 : 0;
    if ((r = node_child(pr.up->data, page_size, i ? i - 1 : 1, &other_pgno))) return r;
    if ((r = node_get(pr.up->data, page_size, pr.j, &sep))) return r;
    if (other_pgno == pager_pgno(lv->pg)) {
        ERR("page %u: two children are page %u\n", pager_pgno(pr.up->pg), other_pgno);
        return JET_errDatabaseCorrupted;
    }
    r = bt_page_get(path->p, path->root, other_pgno, (int)node_level(lv->data), &other);
    if (r) return r;
    pr.a = i ? other : lv->pg;
    pr.b = i ? lv->pg : other;
    pr.b_owner = i ? &lv->pg : &other;
    memcpy(pr.sepkey, sep.key, sep.klen);
    memset(&pr.mid, 0, sizeof(pr.mid));
    pr.mid.key = pr.sepkey;
    pr.mid.klen = sep.klen;
    pr.mid.child = node_next(pager_data(pr.a));
    if (node_is_leaf(lv->data) && (node_next(pager_data(pr.a)) != pager_pgno(pr.b)
                                   || node_prev(pager_data(pr.b)) != pager_pgno(pr.a))) {
        ERR("leaves %u and %u of tree %u are not linked\n", pager_pgno(pr.a), pager_pgno(pr.b),
            path->root);
        r = JET_errDatabaseCorrupted;
    } else {
        pair_seq(&pr, page_size, pager_data(pr.a), pager_data(pr.b), &live);
        if (!(r = node_seq_check(&live, &bytes))) {
            if (bytes <= node_usable(page_size)) {
                r = pair_merge(path, &pr);
                *merged = !r;
            } else {
                r = pair_redistribute(path, L, &pr, &live);
            }
        }
    }
    if (other) pager_release(other);
    if (!lv->pg) lv->data = NULL;
    return r;
}

/* A root branch with a single child takes over the child's content. */
static int collapse_root(struct bt_path *path)
{
    uint32_t page_size = path->page_size, L;
    uint8_t *rd = path->lv[0].data;
    pager_page *child;
    int r;

    while (!node_is_leaf(rd) && node_count(rd) == 0) {
        uint32_t cp = node_next(rd);
        if ((r = bt_page_get(path->p, path->root, cp, (int)node_level(rd) - 1, &child))) return r;
        pager_make_dirty(path->lv[0].pg);
        node_copy(rd, pager_data(child), page_size);
        if (node_is_leaf(rd)) {
            node_set_next(rd, 0);
            node_set_prev(rd, 0);
        }
        for (L = 1; L < path->depth; L++) {
            if (path->lv[L].pg && pager_pgno(path->lv[L].pg) == cp) {
                pager_release(path->lv[L].pg);
                path->lv[L].pg = NULL;
                path->lv[L].data = NULL;
            }
        }
        if ((r = bt_page_free(path->p, child))) return r;
    }
    return 0;
}

static int rebalance(struct bt_path *path)
{
    uint32_t L;
    int merged = 1, r = 0;

    for (L = path->depth - 1; L >= 1 && merged; L--) {
        if (!path->lv[L].data || !underfull(path->lv[L].data, path->page_size)) break;
        if ((r = rebalance_level(path, L, &merged))) return r;
    }
    return collapse_root(path);
}

int bt_delete(pager *p, uint32_t root, const void *key, uint32_t klen)
{
    struct bt_path path;
    struct bt_level *leaf;
    int exact, r;

    if ((r = path_descend(p, root, key, klen, &path, &exact))) return r;
    leaf = &path.lv[path.depth - 1];
    if (!exact) {
        r = JET_errRecordNotFound;
    } else {
        pager_make_dirty(leaf->pg);
        r = node_remove(leaf->data, path.page_size, leaf->idx);
        if (!r && path.depth > 1 && underfull(leaf->data, path.page_size)) {
            int rr = rebalance(&path);
            if (rr) WARN("tree %u: rebalancing after a delete failed (%d); the tree stays valid\n",
                         root, rr);
        }
    }
    path_release(&path);
    return r;
}

/* ---- bt_drop, bt_count ---------------------------------------------- */

static int drop_subtree(pager *p, uint32_t root, uint32_t pgno, int level)
{
    uint32_t page_size = pager_page_size(p), i, child;
    pager_page *pg;
    uint8_t *d;
    int r;

    if ((r = bt_page_get(p, root, pgno, level, &pg))) return r;
    d = pager_data(pg);
    for (i = 0; !node_is_leaf(d) && i <= node_count(d); i++) {
        if ((r = node_child(d, page_size, i, &child))
            || (r = drop_subtree(p, root, child, (int)node_level(d) - 1))) {
            pager_release(pg);
            return r;
        }
    }
    return bt_page_free(p, pg);
}

int bt_drop(pager *p, uint32_t root)
{
    TRACE("tree %u\n", root);
    return drop_subtree(p, root, root, -1);
}

int bt_count(pager *p, uint32_t root, uint64_t *count)
{
    uint32_t hops = 0, limit = pager_page_count(p);
    uint64_t n = 0;
    pager_page *pg;
    int r;

    *count = 0;
    if ((r = bt_descend(p, root, NULL, 0, BT_EDGE_FIRST, &pg))) return r;
    while (pg) {
        n += node_count(pager_data(pg));
        if (++hops > limit) {
            ERR("tree %u: the leaf chain loops\n", root);
            pager_release(pg);
            return JET_errDatabaseCorrupted;
        }
        if ((r = bt_leaf_step(p, root, &pg, 1))) return r;
    }
    *count = n;
    return 0;
}
