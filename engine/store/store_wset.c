/*
 * store_wset.c - a transaction's write set: the latest change per
 * (database, tree, key), kept in a skip list ordered as the B-trees are.
 *
 * Order: dbid, then tree, then the key by memcmp over the shorter length,
 * the shorter key first on a tie (btree.h).  Commit walks level 0 and so
 * applies the changes in B-tree order without sorting, and cursors
 * (store_cursor.c) seek in it to merge the write set with a tree.
 *
 * Why a skip list: it is ordered (a hash table needed a sort at every
 * commit and cannot answer "next key after k" for cursors), its nodes
 * never move (an undo record can point at an entry for as long as the
 * entry lives), and inserting needs no rebalancing.  A node has height h
 * with probability 3/4 * 4^-(h-1), so a search looks at about 4 nodes per
 * level over log4(n) levels; each node keeps its key's first 8 bytes as a
 * number (pfx), which settles most comparisons without a memcmp.
 * Transactions often write keys in ascending order (loads, appends): the
 * list keeps its last node at every level (tail[]), and a key above the
 * last one is linked there without a search (and ws_find answers it with
 * one comparison: the duplicate-key test of each put of such a load).
 *
 * A key written several times keeps one entry holding its last state (put
 * with a value, or delete), so commit applies each key once.  The node
 * carries the key and the first value in the same allocation; a later value
 * gets a block of its own, and the old one goes to the undo log while a
 * savepoint exists (store_savepoint.c) or is freed.
 *
 * Links are handled as arrays of pointers: w->head is the list head's
 * links, e->next a node's, so the head needs no special case.
 */
#include <assert.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "esent.h"
#include "store_int.h"

/* What a search looks for: a (db, tree, key), or with top set the end of
 * the tree (above every key of it). */
struct target {
    int dbid;
    uint32_t tree;
    const uint8_t *key;
    uint32_t klen;
    int top;
    uint64_t pfx;
};

/* The first 8 bytes of a key as a big-endian number, zero-padded.  Keys
 * with different prefixes compare as their prefixes do (where a short key's
 * padding differs from the other key's byte, the short key is a prefix of
 * the other and so first anyway), so most comparisons stop here. */
static uint64_t key_prefix(const uint8_t *key, uint32_t klen)
{
    uint64_t p = 0;
    uint32_t i;
    for (i = 0; i < 8; i++) p = p << 8 | (i < klen ? key[i] : 0);
    return p;
}

static struct target make_target(int dbid, uint32_t tree, const void *key, uint32_t klen)
{
    struct target t;
    t.dbid = dbid;
    t.tree = tree;
    t.key = key;
    t.klen = klen;
    t.top = 0;
    t.pfx = key_prefix(key, klen);
    return t;
}

/* <0, 0, >0 as entry e is before, at or after the target. */
static int cmp_target(const struct ws_entry *e, const struct target *t)
{
    uint32_t n;
    int c;

    if (e->dbid != t->dbid) return e->dbid < t->dbid ? -1 : 1;
    if (e->tree != t->tree) return e->tree < t->tree ? -1 : 1;
    if (t->top) return -1;
    if (e->pfx != t->pfx) return e->pfx < t->pfx ? -1 : 1;
    n = e->klen < t->klen ? e->klen : t->klen;
    if (n && (c = memcmp(e->key, t->key, n))) return c;
    return (e->klen > t->klen) - (e->klen < t->klen);
}

/* The node whose links array is lk; NULL for the head's. */
static struct ws_entry *links_owner(const struct ws *w, struct ws_entry *const *lk)
{
    if (lk == w->head) return NULL;
    return (struct ws_entry *)((char *)lk - offsetof(struct ws_entry, next));
}

/* Fills pred[i] with the links array, at each level in use, of the last
 * node before the target (the head's when there is none); returns the
 * first node at or after it. */
static struct ws_entry *search(const struct ws *w, const struct target *t,
                               struct ws_entry *const **pred)
{
    struct ws_entry *const *lk = w->head;
    struct ws_entry *x;
    int i;

    for (i = (int)w->height - 1; i >= 0; i--) {
        while ((x = lk[i]) && cmp_target(x, t) < 0) lk = x->next;
        pred[i] = lk;
    }
    return lk[0];
}

void ws_init(struct ws *w)
{
    memset(w, 0, sizeof(*w));
    w->rng = 0x9e3779b9u;
}

void ws_val_free(const struct ws_entry *e, const uint8_t *val)
{
    if (val != ws_val_inline(e)) free((void *)val);
}

void ws_free(struct ws *w)
{
    struct ws_entry *e, *next;

    ws_undo_free(w); /* first: its records may point at entries */
    for (e = w->head[0]; e; e = next) {
        next = e->next[0];
        ws_val_free(e, e->val);
        free(e);
    }
    ws_init(w);
}

struct ws_entry *ws_find(const struct ws *w, int dbid, uint32_t tree, const void *key, uint32_t klen)
{
    struct target t;
    struct ws_entry *const *pred[WS_MAX_HEIGHT];
    struct ws_entry *e;

    if (!w->count) return NULL;
    t = make_target(dbid, tree, key, klen);
    if (cmp_target(w->tail[0], &t) < 0) return NULL; /* above every entry */
    e = search(w, &t, pred);
    return e && !cmp_target(e, &t) ? e : NULL;
}

struct ws_entry *ws_seek(const struct ws *w, int dbid, uint32_t tree, const void *key, uint32_t klen,
                         int dir)
{
    struct target t;
    struct ws_entry *const *pred[WS_MAX_HEIGHT];
    struct ws_entry *x, *r;

    if (!w->count) return NULL;
    t = make_target(dbid, tree, klen ? key : "", klen);
    x = search(w, &t, pred);
    switch (dir) {
    case BT_SEEK_GE: r = x; break;
    case BT_SEEK_GT: r = x && !cmp_target(x, &t) ? x->next[0] : x; break;
    case BT_SEEK_LE: r = x && !cmp_target(x, &t) ? x : links_owner(w, pred[0]); break;
    default:
        assert(dir == BT_SEEK_LT);
        r = links_owner(w, pred[0]);
        break;
    }
    return r && r->dbid == dbid && r->tree == tree ? r : NULL;
}

struct ws_entry *ws_edge(const struct ws *w, int dbid, uint32_t tree, int last)
{
    struct target t;
    struct ws_entry *const *pred[WS_MAX_HEIGHT];
    struct ws_entry *r;

    if (!w->count) return NULL;
    /* The first entry is the first >= the empty key, the last the last
     * below the top of the tree. */
    t = make_target(dbid, tree, "", 0);
    t.top = last;
    r = search(w, &t, pred);
    if (last) r = links_owner(w, pred[0]);
    return r && r->dbid == dbid && r->tree == tree ? r : NULL;
}

/* 1 + the number of times a 1-in-4 chance came up in a row, at most one
 * level above the list's height. */
static uint32_t random_height(struct ws *w)
{
    uint32_t r, h = 1, max = w->height + 1 < WS_MAX_HEIGHT ? w->height + 1 : WS_MAX_HEIGHT;

    w->rng ^= w->rng << 13;
    w->rng ^= w->rng >> 17;
    w->rng ^= w->rng << 5;
    for (r = w->rng; (r & 3) == 0 && h < max; r >>= 2) h++;
    return h;
}

/* Links a new node for the target after pred at each of its levels;
 * NULL when out of memory. */
static struct ws_entry *insert(struct ws *w, const struct target *t, struct ws_entry *const **pred,
                               uint8_t kind, const void *val, uint32_t vlen)
{
    uint32_t h = random_height(w), i;
    struct ws_entry *e = malloc(offsetof(struct ws_entry, next) + h * sizeof(e->next[0]) +
                                (size_t)t->klen + vlen);

    if (!e) return NULL;
    e->kind = kind;
    e->dbid = (uint8_t)t->dbid;
    e->height = (uint8_t)h;
    e->tree = t->tree;
    e->klen = t->klen;
    e->vlen = vlen;
    e->pfx = t->pfx;
    e->key = (uint8_t *)(e->next + h);
    if (t->klen) memcpy(e->key, t->key, t->klen);
    if (vlen) memcpy(e->key + t->klen, val, vlen);
    e->val = ws_val_inline(e);
    for (; w->height < h; w->height++) pred[w->height] = w->head;
    for (i = 0; i < h; i++) {
        struct ws_entry **lk = (struct ws_entry **)pred[i];
        e->next[i] = lk[i];
        lk[i] = e;
        if (!e->next[i]) w->tail[i] = e;
    }
    w->count++;
    w->bytes += t->klen + vlen;
    return e;
}

int ws_set(struct ws *w, uint8_t kind, int dbid, uint32_t tree, const void *key, uint32_t klen,
           const void *val, uint32_t vlen)
{
    struct target t = make_target(dbid, tree, key, klen);
    struct ws_entry *const *pred[WS_MAX_HEIGHT];
    struct ws_entry *e = NULL;
    const uint8_t *block;
    uint32_t i;

    if (kind == WS_DELETE) vlen = 0;
    if (w->nmarks && ws_undo_reserve(w)) return JET_errOutOfMemory;

    if (w->count && cmp_target(w->tail[0], &t) < 0) {
        /* Above every entry: append. */
        for (i = 0; i < w->height; i++) pred[i] = w->tail[i] ? w->tail[i]->next : w->head;
    } else if ((e = search(w, &t, pred)) && cmp_target(e, &t)) {
        e = NULL;
    }

    if (!e) {
        if (!(e = insert(w, &t, pred, kind, val, vlen))) return JET_errOutOfMemory;
        if (w->nmarks) ws_undo_push(w, e, 0, NULL, 0);
        return 0;
    }

    /* A new state for an existing key: its value gets its own block. */
    block = ws_val_inline(e);
    if (vlen) {
        uint8_t *p = malloc(vlen);
        if (!p) return JET_errOutOfMemory;
        memcpy(p, val, vlen);
        block = p;
    }
    if (w->nmarks)
        ws_undo_push(w, e, e->kind, e->val, e->vlen);
    else
        ws_val_free(e, e->val);
    w->bytes = w->bytes - e->vlen + vlen;
    e->kind = kind;
    e->val = block;
    e->vlen = vlen;
    return 0;
}

void ws_remove(struct ws *w, struct ws_entry *e)
{
    struct target t = make_target(e->dbid, e->tree, e->key, e->klen);
    struct ws_entry *const *pred[WS_MAX_HEIGHT];
    struct ws_entry *found = search(w, &t, pred);
    uint32_t i;

    assert(found == e);
    (void)found;
    for (i = 0; i < e->height; i++) {
        struct ws_entry **lk = (struct ws_entry **)pred[i];
        assert(lk[i] == e);
        lk[i] = e->next[i];
        if (w->tail[i] == e) w->tail[i] = links_owner(w, pred[i]);
    }
    while (w->height && !w->head[w->height - 1]) w->height--;
    assert(w->count > 0 && w->bytes >= (uint64_t)e->klen + e->vlen);
    w->count--;
    w->bytes -= e->klen + e->vlen;
    ws_val_free(e, e->val);
    free(e);
}
