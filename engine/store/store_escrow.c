/*
 * store_escrow.c - escrow updates (JetEscrowUpdate): adding a signed delta
 * to a 4- or 8-byte little-endian integer inside a committed value, so that
 * any number of open transactions can count on one record without write
 * conflicts (store.h, store_txn_escrow).
 *
 * Design, on top of deferred update (store.h) and the lock table
 * (store_version.c):
 *
 *  - A delta is kept in the write set as a WS_ESCROW entry of the key,
 *    whose value is a list of struct esc_delta, one per (offset, width),
 *    merged.  Savepoint rollback undoes it as any other change (the undo
 *    log restores the previous list).  If the transaction already put the
 *    key (it inserted or replaced the record), the delta is simply added to
 *    its WS_PUT value: it holds the write lock, nobody else can escrow.
 *  - The lock is an escrow lock (LK_ESCROW): escrow locks of several
 *    transactions coexist; a read or write lock of another conflicts either
 *    way (JET_errWriteConflict), as ESE's table in JetEscrowUpdate's page.
 *    A commit after the snapshot conflicts with an escrow unless it only
 *    added escrow deltas to the key (its version is marked so): deltas
 *    commute with deltas.  So the record's layout (the offsets) is the one
 *    the snapshot shows, and stays so while the escrow lock is held.
 *    Leaving escrow for a write lock does look (store_version.c).
 *  - Reads by the transaction (store_txn_get, cursors) see its snapshot
 *    with its own deltas added (esc_apply); other transactions' pending
 *    deltas are invisible, as in ESE.
 *  - The "old value" JetEscrowUpdate returns is ESE's raw stored value:
 *    the latest committed value plus every open transaction's pending
 *    deltas.  Each escrow lock carries its owner's pending deltas for that
 *    (vs_escrow_note sums them under vmutex with the shared latch held, so
 *    no commit moves deltas from locks to the tree meanwhile).
 *  - Commit (esc_resolve, under the exclusive latch, after the versions
 *    were recorded): each WS_ESCROW entry becomes a WS_PUT of the latest
 *    committed value plus its deltas, which is then applied and logged as
 *    an ordinary put.  So recovery needs nothing new, and the log format is
 *    unchanged.  Nobody else can have changed the record's layout while the
 *    escrow lock was held (writers conflict), so the offsets still hold.
 *  - JET_bitEscrowNoRollback: the delta goes into the write set as usual
 *    and is also remembered in t->keep.  A savepoint rollback that undid it
 *    puts it back (esc_after_rollback; if memory for that runs out the
 *    delta is lost, as a crash may lose it in ESE); a transaction that ends
 *    without committing commits its kept deltas as a small lazy
 *    transaction of their own (esc_keep_flush).  A kept delta whose record
 *    the transaction itself inserted goes with the insert.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "esent.h"
#include "store_int.h"

static uint64_t load_le(const uint8_t *p, uint32_t width)
{
    uint64_t v = 0;
    int i;
    for (i = (int)width - 1; i >= 0; i--) v = v << 8 | p[i];
    return v;
}

static void store_le(uint8_t *p, uint32_t width, uint64_t v)
{
    uint32_t i;
    for (i = 0; i < width; i++, v >>= 8) p[i] = (uint8_t)v;
}

void esc_apply(const uint8_t *deltas, uint32_t n, uint8_t *val, uint32_t vlen)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        struct esc_delta d;
        memcpy(&d, deltas + i * sizeof(d), sizeof(d));
        if (d.off > vlen || d.width > vlen - d.off) continue;
        store_le(val + d.off, d.width, load_le(val + d.off, d.width) + (uint64_t)d.delta);
    }
}

/* The committed value of the key, latest (snapshot 0: ignore versions) or
 * at t's snapshot, malloc'ed in *val (NULL when absent, err 0).  Latch
 * held (shared or exclusive). */
static int read_value(store_db *db, uint32_t tree, const void *key, uint32_t klen, uint8_t **val,
                      uint32_t *vlen)
{
    uint32_t n = 0;
    int err;

    *val = NULL;
    *vlen = 0;
    err = bt_get(db->pg, tree, key, klen, NULL, 0, &n);
    if (err == JET_errRecordNotFound) return 0;
    if (err < 0) return err;
    if (!(*val = malloc(n ? n : 1))) return JET_errOutOfMemory;
    if (n && (err = bt_get(db->pg, tree, key, klen, *val, n, &n)) < 0) {
        free(*val);
        *val = NULL;
        return err;
    }
    *vlen = n;
    return 0;
}

/* A copy of the delta list of e (WS_ESCROW) or none, with d merged in:
 * *out (malloc'ed), *n elements. */
static int merged_list(const struct ws_entry *e, const struct esc_delta *d, uint8_t **out, uint32_t *n)
{
    uint32_t have = e && e->kind == WS_ESCROW ? e->vlen / sizeof(*d) : 0, i;
    uint8_t *p = malloc((size_t)(have + 1) * sizeof(*d));

    if (!p) return JET_errOutOfMemory;
    if (have) memcpy(p, e->val, (size_t)have * sizeof(*d));
    for (i = 0; i < have; i++) {
        struct esc_delta x;
        memcpy(&x, p + i * sizeof(x), sizeof(x));
        if (x.off == d->off && x.width == d->width) {
            x.delta = (int64_t)((uint64_t)x.delta + (uint64_t)d->delta);
            memcpy(p + i * sizeof(x), &x, sizeof(x));
            break;
        }
    }
    if (i == have) memcpy(p + have++ * sizeof(*d), d, sizeof(*d));
    *out = p;
    *n = have;
    return 0;
}

/* Adds d to the write set's state of the key (WS_PUT: into its value;
 * otherwise the WS_ESCROW list).  *old (may be NULL) gets the own value
 * before, for a WS_PUT.  JET_errRecordNotFound on a WS_DELETE. */
static int ws_add_delta(store_txn *t, int dbid, uint32_t tree, const void *key, uint32_t klen,
                        const struct esc_delta *d, int *was_put, int64_t *old)
{
    struct ws_entry *e = ws_find(&t->ws, dbid, tree, key, klen);
    uint8_t *p;
    uint32_t n;
    int err;

    *was_put = 0;
    if (e && e->kind == WS_DELETE) return JET_errRecordNotFound;
    if (e && e->kind == WS_PUT) {
        *was_put = 1;
        if (d->off > e->vlen || d->width > e->vlen - d->off) return JET_errInvalidParameter;
        if (!(p = malloc(e->vlen))) return JET_errOutOfMemory;
        memcpy(p, e->val, e->vlen);
        if (old) {
            uint64_t v = load_le(p + d->off, d->width);
            *old = d->width == 4 ? (int64_t)(int32_t)(uint32_t)v : (int64_t)v;
        }
        esc_apply((const uint8_t *)d, 1, p, e->vlen);
        err = ws_set(&t->ws, WS_PUT, dbid, tree, key, klen, p, e->vlen);
        free(p);
        return err;
    }
    if ((err = merged_list(e, d, &p, &n)) < 0) return err;
    err = ws_set(&t->ws, WS_ESCROW, dbid, tree, key, klen, p, n * (uint32_t)sizeof(*d));
    free(p);
    if (!err) t->has_escrow = 1;
    return err;
}

static int keep_push(store_txn *t, int dbid, uint32_t tree, const void *key, uint32_t klen,
                     const struct esc_delta *d)
{
    struct esc_keep *k;
    if (t->nkeep == t->keepcap) {
        uint32_t cap = t->keepcap ? t->keepcap * 2 : 4;
        struct esc_keep *p = realloc(t->keep, cap * sizeof(*p));
        if (!p) return JET_errOutOfMemory;
        t->keep = p;
        t->keepcap = cap;
    }
    k = &t->keep[t->nkeep];
    if (!(k->key = malloc(klen ? klen : 1))) return JET_errOutOfMemory;
    if (klen) memcpy(k->key, key, klen);
    k->klen = klen;
    k->tree = tree;
    k->dbid = (uint8_t)dbid;
    k->depth = t->ws.nmarks;
    k->d = *d;
    t->nkeep++;
    return 0;
}

int store_txn_escrow(store_txn *t, store_db *db, uint32_t tree, const void *key, uint32_t klen,
                     uint32_t off, uint32_t width, int64_t delta, unsigned flags, int64_t *old)
{
    store *s = t->s;
    const struct vs_version *v;
    struct esc_delta d;
    struct ws_entry *e;
    uint8_t *cur = NULL;
    uint32_t curlen = 0;
    int64_t oldv = 0;
    int err, was_put = 0, own;

    if (old) *old = 0;
    if (width != 4 && width != 8) return JET_errInvalidParameter;
    if ((err = store_check_failed(s))) return err;
    if (db->flags & STORE_DB_READONLY) return JET_errPermissionDenied;
    e = ws_find(&t->ws, db->dbid, tree, key, klen);
    if (e && e->kind == WS_DELETE) return JET_errRecordNotFound;
    own = e && e->kind == WS_PUT;
    if ((err = vs_lock(t, db->dbid, tree, key, klen, LK_ESCROW, e ? 0 : VS_OVERHEAD + klen)) < 0)
        return err;
    d.off = off;
    d.width = width;
    d.delta = delta;

    /* Under the shared latch no commit runs: the committed value read
     * here and the pending deltas summed below belong together. */
    store_read_begin(s);
    if (!own) {
        err = read_value(db, tree, key, klen, &cur, &curlen);
        if (!err && !cur) {
            /* Gone: deleted by a commit we cannot see (a conflict), or
             * never there. */
            v = vs_visible(s, db->dbid, tree, key, klen, t->snapshot);
            err = v && v->present ? JET_errWriteConflict : JET_errRecordNotFound;
        }
        if (!err && (off > curlen || width > curlen - off)) err = JET_errInvalidParameter;
        if (!err) err = vs_escrow_reserve(t, db->dbid, tree, key, klen);
    }
    if (!err && (flags & STORE_ESCROW_NO_ROLLBACK))
        err = keep_push(t, db->dbid, tree, key, klen, &d);
    if (!err && (err = ws_add_delta(t, db->dbid, tree, key, klen, &d, &was_put, &oldv)) < 0 &&
        (flags & STORE_ESCROW_NO_ROLLBACK))
        free(t->keep[--t->nkeep].key);
    assert(err < 0 || was_put == own);
    if (!err && !own) oldv = vs_escrow_note(t, db->dbid, tree, key, klen, &d, cur, curlen);
    store_read_end(s);
    free(cur);
    if (!err && old) *old = oldv;
    return err;
}

int esc_resolve(store_txn *t)
{
    struct ws_entry *e;
    int err = 0;

    for (e = ws_first(&t->ws); e && !err; e = ws_next(e)) {
        store_db *db;
        uint8_t *val;
        uint32_t vlen;
        if (e->kind != WS_ESCROW) continue;
        if (!(db = t->s->dbs[e->dbid])) return JET_errDatabaseNotFound;
        if ((err = read_value(db, e->tree, e->key, e->klen, &val, &vlen)) < 0) break;
        if (!val) {
            /* Only if the transaction's own rolled-back insert was all
             * there was (a kept delta put back): nothing to count on. */
            err = ws_set(&t->ws, WS_DELETE, e->dbid, e->tree, e->key, e->klen, NULL, 0);
            continue;
        }
        esc_apply(e->val, e->vlen / (uint32_t)sizeof(struct esc_delta), val, vlen);
        err = ws_set(&t->ws, WS_PUT, e->dbid, e->tree, e->key, e->klen, val, vlen);
        free(val);
    }
    return err;
}

void esc_after_rollback(store_txn *t)
{
    uint32_t i;
    int was_put;

    for (i = 0; i < t->nkeep; i++) {
        struct esc_keep *k = &t->keep[i];
        if (k->depth <= t->ws.nmarks) continue;
        /* Undone with the savepoint: put it back (lost if memory runs out). */
        k->depth = t->ws.nmarks;
        (void)ws_add_delta(t, k->dbid, k->tree, k->key, k->klen, &k->d, &was_put, NULL);
    }
    if (t->has_escrow) vs_escrow_resync(t);
}

void esc_keep_flush(store *s, store_txn *t, int apply)
{
    store_txn *t2 = NULL;
    uint32_t i;

    if (!t->nkeep) return;
    if (apply && !store_txn_begin(s, &t2)) {
        for (i = 0; i < t->nkeep; i++) {
            struct esc_keep *k = &t->keep[i];
            store_db *db = s->dbs[k->dbid];
            if (db)
                (void)store_txn_escrow(t2, db, k->tree, k->key, k->klen, k->d.off, k->d.width,
                                       k->d.delta, 0, NULL);
        }
        (void)store_txn_commit(t2, STORE_COMMIT_LAZY);
    }
    for (i = 0; i < t->nkeep; i++) free(t->keep[i].key);
    free(t->keep);
    t->keep = NULL;
    t->nkeep = t->keepcap = 0;
}
