/*
 * store_cursor.c - cursors over a tree as a transaction sees it: its
 * snapshot of the committed B-tree merged with the transaction's write set
 * (store.h).
 *
 * A move is a merge of three ordered sources in the direction of the move:
 *
 *   b  the next committed entry, from a bt_cursor over the tree
 *   v  the next key of (db, tree) that a commit after the transaction's
 *      snapshot changed, from the version store (vs_seek): its value at
 *      the snapshot is the before-image of the oldest such commit, or
 *      absent (the key was inserted after the snapshot)
 *   w  the next write-set entry of (db, tree), from ws_seek
 *
 * The nearest key wins.  On equal keys the write set wins over the
 * version store, which wins over the tree: a put replaces the value, a
 * write-set delete or an absent before-image hides the key, and the
 * sources on that key are stepped past it.  So a key deleted after the
 * snapshot (gone from the tree) comes back from v, one inserted after it
 * is hidden, one changed after it shows its old value.  Running out of all
 * three is the end.  The cursor then copies the key and value it landed on
 * into its own buffers, so nothing it returns points into pages, the
 * write set or the version store.  Without a transaction, or with
 * store_cursor_set_latest, there is no v: the latest committed state.
 *
 * Between calls the cursor keeps its key K only; the write set is sought
 * again from K on every call (the transaction may differ, may have gone,
 * or may have changed), which costs nothing when it has no entries; the
 * version store likewise, which costs one comparison when no commit is
 * newer than the snapshot (vs_any_newer).  The
 * bt cursor is kept where the last move left it, and `rel` says where that
 * is relative to K, so a scan steps it instead of seeking:
 *
 *   SAME   it landed on K: bt_next/bt_prev continue from K even if commits
 *          changed the tree since (bt cursors re-seek from their key).
 *   ABOVE  it is on the first committed entry above K, or after-last when
 *          there is none, and K is not committed (the cursor landed on a
 *          write-set entry with no committed twin).  True only while the
 *          database is unchanged: rel_gen is pager_generation() then.
 *   BELOW  the mirror image, for backward moves.
 *   UNKNOWN  anything else (after a failed seek, an error): seek from K.
 *
 * So the committed entry after K is: SAME or BELOW, bt_next; ABOVE, the
 * bt cursor's entry; else bt_seek(K, GT) - and mirrored for prev.  A scan
 * with an empty write set always lands on bt entries (SAME) and costs one
 * bt_next, one bt_cursor_get and the copies per row.
 *
 * States: BEFORE, AFTER, ON (key and value copied), GAP (a seek found
 * nothing: K is the sought key, no value).  An entry deleted since the
 * cursor landed on it leaves the cursor ON with its copies, as store.h
 * says.  Errors other than "no entry" keep the position and set UNKNOWN.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "esent.h"
#include "store_int.h"

enum cur_state { SC_BEFORE, SC_AFTER, SC_ON, SC_GAP };
enum bt_rel { REL_UNKNOWN, REL_SAME, REL_ABOVE, REL_BELOW };

struct store_cursor {
    store *s;
    store_db *db;
    uint32_t tree;
    bt_cursor *bt;
    enum cur_state state;
    enum bt_rel rel;
    int latest;        /* store_cursor_set_latest: no snapshot */
    uint64_t rel_gen;  /* pager_generation() when rel became ABOVE/BELOW */
    uint8_t *key, *val, *sought; /* sought: a seek's key, which a gap keeps */
    uint32_t klen, vlen, kcap, vcap, scap;
};

/* The committed entry the bt cursor is on (b->ok 0: none). */
struct side {
    int ok;
    const uint8_t *key, *val;
    uint32_t klen, vlen;
};

/* A bt move's result: 0 with the bt cursor on an entry, which is read into
 * *b; "no entry" (JET_errNoCurrentRecord / RecordNotFound) leaves b->ok 0;
 * other errors are returned. */
static int bt_read(store_cursor *c, int r, struct side *b)
{
    b->ok = 0;
    if (r == JET_errNoCurrentRecord || r == JET_errRecordNotFound) return 0;
    if (r < 0) return r;
    if ((r = bt_cursor_get(c->bt, &b->key, &b->klen, &b->val, &b->vlen)) < 0)
        return r == JET_errNoCurrentRecord ? 0 : r;
    b->ok = 1;
    return 0;
}

/* Grows *buf to hold n bytes. */
static int reserve(uint8_t **buf, uint32_t *cap, uint32_t n)
{
    uint32_t c = *cap ? *cap : 64;
    uint8_t *p;

    if (n <= *cap) return 0;
    while (c < n) c = c > UINT32_MAX / 2 ? n : c * 2;
    if (!(p = realloc(*buf, c))) return JET_errOutOfMemory;
    *buf = p;
    *cap = c;
    return 0;
}

/* Copies key and value into the cursor: it is then ON with relation rel. */
static int land(store_cursor *c, const uint8_t *key, uint32_t klen, const uint8_t *val, uint32_t vlen,
                enum bt_rel rel, uint64_t gen)
{
    if (reserve(&c->key, &c->kcap, klen) || reserve(&c->val, &c->vcap, vlen)) {
        c->rel = REL_UNKNOWN;
        return JET_errOutOfMemory;
    }
    if (klen) memcpy(c->key, key, klen);
    if (vlen) memcpy(c->val, val, vlen);
    c->klen = klen;
    c->vlen = vlen;
    c->state = SC_ON;
    c->rel = rel;
    c->rel_gen = gen;
    return 0;
}

static int keycmp(const uint8_t *a, uint32_t alen, const uint8_t *b, uint32_t blen)
{
    uint32_t n = alen < blen ? alen : blen;
    int r = n ? memcmp(a, b, n) : 0;
    return r ? r : (alen > blen) - (alen < blen);
}

/* The write-set entry next to w in direction dir (same tree), or NULL. */
static struct ws_entry *ws_step(const struct ws *ws, const struct ws_entry *w, int dir)
{
    struct ws_entry *n;
    if (dir < 0) return ws_seek(ws, w->dbid, w->tree, w->key, w->klen, BT_SEEK_LT);
    n = ws_next(w);
    return n && n->dbid == w->dbid && n->tree == w->tree ? n : NULL;
}

/* What a move merges: the write set (NULL: none) and, with vs set, the
 * versions newer than snap. */
struct view {
    const struct ws *ws;
    int vs;
    uint64_t snap;
};

/* The version-store candidate: a key with a version newer than the
 * snapshot (e NULL: none) and the oldest such version. */
struct vside {
    struct ws_entry *e;
    const struct vs_version *v;
};

/* The version-store key that dir names from key (NULL: the edge). */
static void vs_from(const store_cursor *c, const struct view *vw, const uint8_t *key, uint32_t klen,
                    int dir, struct vside *vv)
{
    vv->e = NULL;
    vv->v = NULL;
    if (vw->vs) vv->e = vs_seek(c->s, c->db->dbid, c->tree, key, klen, dir, vw->snap, &vv->v);
}

/* The merge (top comment): from the committed candidate b (the bt
 * cursor's entry), the version-store candidate vv and the write-set
 * candidate w, lands on the first visible entry in direction dir (+1
 * forward, -1 backward).  Returns 1 when all run out (the caller picks the
 * end state), 0 when landed. */
static int merge(store_cursor *c, const struct view *vw, struct side *b, struct vside *vv,
                 struct ws_entry *w, int dir, uint64_t gen)
{
    enum bt_rel ahead = dir > 0 ? REL_ABOVE : REL_BELOW;
    const uint8_t *mk;
    uint32_t mkl;
    int r, inb, inv, inw;

    for (;;) {
        /* The nearest key of the three. */
        if (b->ok) {
            mk = b->key;
            mkl = b->klen;
        } else if (vv->e) {
            mk = vv->e->key;
            mkl = vv->e->klen;
        } else if (w) {
            mk = w->key;
            mkl = w->klen;
        } else {
            return 1;
        }
        if (vv->e && keycmp(vv->e->key, vv->e->klen, mk, mkl) * dir < 0) {
            mk = vv->e->key;
            mkl = vv->e->klen;
        }
        if (w && keycmp(w->key, w->klen, mk, mkl) * dir < 0) {
            mk = w->key;
            mkl = w->klen;
        }
        inb = b->ok && !keycmp(b->key, b->klen, mk, mkl);
        inv = vv->e && !keycmp(vv->e->key, vv->e->klen, mk, mkl);
        inw = w && !keycmp(w->key, w->klen, mk, mkl);
        if (inw && w->kind == WS_PUT)
            return land(c, w->key, w->klen, w->val, w->vlen, inb ? REL_SAME : ahead, gen);
        if (inw && w->kind == WS_ESCROW && (inv ? vv->v->present : inb)) {
            /* The visible committed value with the transaction's deltas. */
            r = inv ? land(c, w->key, w->klen, vv->v->val, vv->v->vlen, inb ? REL_SAME : ahead, gen)
                    : land(c, b->key, b->klen, b->val, b->vlen, REL_SAME, gen);
            if (r >= 0) esc_apply(w->val, w->vlen / (uint32_t)sizeof(struct esc_delta), c->val, c->vlen);
            return r;
        }
        if (!inw && inv && vv->v->present)
            return land(c, vv->e->key, vv->e->klen, vv->v->val, vv->v->vlen, inb ? REL_SAME : ahead, gen);
        if (!inw && !inv) return land(c, b->key, b->klen, b->val, b->vlen, REL_SAME, gen);
        /* Hidden (deleted by the transaction, or absent at the snapshot):
         * every source on the key steps past it. */
        if (inv) vs_from(c, vw, vv->e->key, vv->e->klen, dir > 0 ? BT_SEEK_GT : BT_SEEK_LT, vv);
        if (inw) w = ws_step(vw->ws, w, dir);
        if (inb && (r = bt_read(c, dir > 0 ? bt_next(c->bt) : bt_prev(c->bt), b)) < 0) return r;
    }
}

int store_cursor_open(store *s, store_db *db, uint32_t tree, store_cursor **out)
{
    store_cursor *c;
    int err;

    *out = NULL;
    if (!(c = calloc(1, sizeof(*c)))) return JET_errOutOfMemory;
    c->s = s;
    c->db = db;
    c->tree = tree;
    c->state = SC_BEFORE;
    c->rel = REL_UNKNOWN;
    /* The key buffers exist from the start: an empty key is never NULL. */
    if ((err = bt_cursor_open(db->pg, tree, &c->bt)) < 0 ||
        (err = reserve(&c->key, &c->kcap, 64)) < 0 || (err = reserve(&c->sought, &c->scap, 64)) < 0) {
        store_cursor_close(c);
        return err;
    }
    *out = c;
    return 0;
}

void store_cursor_close(store_cursor *c)
{
    if (!c) return;
    bt_cursor_close(c->bt);
    free(c->key);
    free(c->val);
    free(c->sought);
    free(c);
}

void store_cursor_set_latest(store_cursor *c, int latest)
{
    c->latest = latest;
}

/* What the cursor merges for t; the latch is held. */
static void view_of(const store_cursor *c, const store_txn *t, struct view *vw)
{
    vw->ws = NULL;
    vw->vs = 0;
    vw->snap = 0;
    if (!t) return;
    assert(t->s == c->s);
    if (t->ws.count) vw->ws = &t->ws;
    vw->snap = t->snapshot;
    vw->vs = !c->latest && vs_any_newer(c->s, t->snapshot);
}

/* The merge run after the bt cursor was moved (r: the move's result) and
 * the other sides sought; the latch is held.  1: ran out. */
static int move(store_cursor *c, const struct view *vw, int r, struct vside *vv, struct ws_entry *w,
                int dir, uint64_t gen)
{
    struct side b;

    if ((r = bt_read(c, r, &b)) < 0) {
        c->rel = REL_UNKNOWN;
        return r;
    }
    if ((r = merge(c, vw, &b, vv, w, dir, gen)) < 0) c->rel = REL_UNKNOWN;
    return r;
}

/* first (dir +1) and last (dir -1). */
static int edge(store_cursor *c, store_txn *t, int dir)
{
    struct view vw;
    struct vside vv;
    struct ws_entry *w;
    uint64_t gen;
    int r;

    store_read_begin(c->s);
    view_of(c, t, &vw);
    gen = pager_generation(c->db->pg);
    r = dir > 0 ? bt_first(c->bt) : bt_last(c->bt);
    w = vw.ws ? ws_edge(vw.ws, c->db->dbid, c->tree, dir < 0) : NULL;
    vs_from(c, &vw, NULL, 0, dir > 0 ? BT_SEEK_GE : BT_SEEK_LE, &vv);
    r = move(c, &vw, r, &vv, w, dir, gen);
    store_read_end(c->s);
    if (r == 1) {
        c->state = dir > 0 ? SC_BEFORE : SC_AFTER;
        c->rel = REL_UNKNOWN;
        return JET_errNoCurrentRecord;
    }
    return r;
}

int store_cursor_first(store_cursor *c, store_txn *t)
{
    return edge(c, t, 1);
}

int store_cursor_last(store_cursor *c, store_txn *t)
{
    return edge(c, t, -1);
}

/* next (dir +1) and prev (dir -1) from K, with the cursor ON or at a GAP. */
static int step(store_cursor *c, store_txn *t, int dir)
{
    struct view vw;
    struct vside vv;
    enum bt_rel behind = dir > 0 ? REL_BELOW : REL_ABOVE, ahead = dir > 0 ? REL_ABOVE : REL_BELOW;
    struct ws_entry *w;
    uint64_t gen;
    int r;

    assert(c->state == SC_ON || c->state == SC_GAP);
    store_read_begin(c->s);
    view_of(c, t, &vw);
    gen = pager_generation(c->db->pg);
    if (c->rel != REL_SAME && gen != c->rel_gen) c->rel = REL_UNKNOWN;
    if (c->rel == REL_SAME || c->rel == behind)
        r = dir > 0 ? bt_next(c->bt) : bt_prev(c->bt);
    else if (c->rel == ahead)
        r = 0; /* already there (or at the end: bt_read sees no entry) */
    else
        r = bt_seek(c->bt, c->key, c->klen, dir > 0 ? BT_SEEK_GT : BT_SEEK_LT, NULL);
    w = vw.ws ? ws_seek(vw.ws, c->db->dbid, c->tree, c->key, c->klen, dir > 0 ? BT_SEEK_GT : BT_SEEK_LT)
              : NULL;
    vs_from(c, &vw, c->key, c->klen, dir > 0 ? BT_SEEK_GT : BT_SEEK_LT, &vv);
    r = move(c, &vw, r, &vv, w, dir, gen);
    store_read_end(c->s);
    if (r == 1) {
        c->state = dir > 0 ? SC_AFTER : SC_BEFORE;
        c->rel = REL_UNKNOWN;
        return JET_errNoCurrentRecord;
    }
    return r;
}

int store_cursor_next(store_cursor *c, store_txn *t)
{
    if (c->state == SC_BEFORE) return edge(c, t, 1);
    if (c->state == SC_AFTER) return JET_errNoCurrentRecord;
    return step(c, t, 1);
}

int store_cursor_prev(store_cursor *c, store_txn *t)
{
    if (c->state == SC_AFTER) return edge(c, t, -1);
    if (c->state == SC_BEFORE) return JET_errNoCurrentRecord;
    return step(c, t, -1);
}

int store_cursor_seek(store_cursor *c, store_txn *t, const void *key, uint32_t klen, int dir,
                      int *exact)
{
    struct view vw;
    struct vside vv;
    int fwd = dir == BT_SEEK_GE || dir == BT_SEEK_GT;
    struct ws_entry *w;
    uint64_t gen;
    int r;

    if (exact) *exact = 0;
    if (dir < BT_SEEK_GE || dir > BT_SEEK_LT) return JET_errInvalidParameter;
    /* A copy first: key may point into this cursor (store_cursor_get). */
    if (reserve(&c->sought, &c->scap, klen)) return JET_errOutOfMemory;
    if (klen) memmove(c->sought, key, klen);
    store_read_begin(c->s);
    view_of(c, t, &vw);
    gen = pager_generation(c->db->pg);
    r = bt_seek(c->bt, c->sought, klen, dir, NULL);
    w = vw.ws ? ws_seek(vw.ws, c->db->dbid, c->tree, c->sought, klen, dir) : NULL;
    vs_from(c, &vw, c->sought, klen, dir, &vv);
    r = move(c, &vw, r, &vv, w, fwd ? 1 : -1, gen);
    store_read_end(c->s);
    if (r == 1) {
        /* A gap at the sought key: it becomes the cursor's key. */
        uint8_t *p = c->key;
        uint32_t cap = c->kcap;
        c->key = c->sought;
        c->kcap = c->scap;
        c->sought = p;
        c->scap = cap;
        c->klen = klen;
        c->vlen = 0;
        c->state = SC_GAP;
        c->rel = REL_UNKNOWN;
        return JET_errRecordNotFound;
    }
    if (!r && exact) *exact = !keycmp(c->key, c->klen, c->sought, klen);
    return r;
}

int store_cursor_get(const store_cursor *c, const uint8_t **key, uint32_t *klen, const uint8_t **val,
                     uint32_t *vlen)
{
    if (c->state != SC_ON) return JET_errNoCurrentRecord;
    if (key) *key = c->key;
    if (klen) *klen = c->klen;
    if (val) *val = c->val;
    if (vlen) *vlen = c->vlen;
    return 0;
}
