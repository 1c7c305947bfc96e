/*
 * store_savepoint.c - savepoints of a transaction (nested Jet levels): an
 * undo log of the write set's entries.
 *
 * While at least one savepoint exists, every change ws_set makes first
 * records the entry's previous state: (entry, kind, value) or "created".
 * The record takes over the old value block (ws_set gives a changed entry a
 * new block and never writes into an old one), so recording costs no copy.
 * A savepoint is the undo log's length, plus the write set's count and
 * bytes, which the rollback checks it got back to.
 *
 *  - Rollback pops records newest first down to the savepoint's length:
 *    each restores its entry's state (freeing the value that replaced it)
 *    or, for "created", unlinks and frees the entry.  Newest first makes
 *    this exact: an entry created after the savepoint has its later records
 *    undone before the record that removes it, so no record outlives the
 *    entry it points at.
 *  - Release pops the savepoint only; its records now belong to the
 *    savepoint below, whose rollback must undo them too.  When no
 *    savepoint remains nothing can be rolled back, so the records and the
 *    value blocks they own are freed (the arrays are kept for the next
 *    savepoint of the transaction).
 *
 * Ownership of a value block: exactly one of its entry (e->val) and one
 * undo record holds it at any time; a node's inline value is never freed
 * on its own (ws_val_free).
 */
#include <assert.h>
#include <stdlib.h>

#include "esent.h"
#include "store_int.h"

int ws_undo_reserve(struct ws *w)
{
    struct ws_undo *u;
    uint32_t cap;

    if (w->nundo < w->undo_cap) return 0;
    cap = w->undo_cap ? w->undo_cap * 2 : 64;
    if (cap < w->undo_cap || !(u = realloc(w->undo, (size_t)cap * sizeof(*u))))
        return JET_errOutOfMemory;
    w->undo = u;
    w->undo_cap = cap;
    return 0;
}

void ws_undo_push(struct ws *w, struct ws_entry *e, uint8_t kind, const uint8_t *val, uint32_t vlen)
{
    struct ws_undo *u;

    assert(w->nmarks > 0 && w->nundo < w->undo_cap);
    u = &w->undo[w->nundo++];
    u->e = e;
    u->kind = kind;
    u->val = val;
    u->vlen = vlen;
}

/* Frees the records from index from on (their value blocks). */
static void drop_records(struct ws *w, uint32_t from)
{
    while (w->nundo > from) {
        struct ws_undo *u = &w->undo[--w->nundo];
        if (u->kind) ws_val_free(u->e, u->val);
    }
}

void ws_undo_free(struct ws *w)
{
    drop_records(w, 0);
    free(w->undo);
    free(w->marks);
    w->undo = NULL;
    w->marks = NULL;
    w->undo_cap = w->marks_cap = w->nmarks = 0;
}

int store_txn_savepoint(store_txn *t)
{
    struct ws *w = &t->ws;
    struct ws_mark *m;

    if (w->nmarks == w->marks_cap) {
        uint32_t cap = w->marks_cap ? w->marks_cap * 2 : 8;
        if (!(m = realloc(w->marks, (size_t)cap * sizeof(*m)))) return JET_errOutOfMemory;
        w->marks = m;
        w->marks_cap = cap;
    }
    m = &w->marks[w->nmarks++];
    m->nundo = w->nundo;
    m->count = w->count;
    m->bytes = w->bytes;
    return 0;
}

void store_txn_savepoint_release(store_txn *t)
{
    struct ws *w = &t->ws;

    if (!w->nmarks) return;
    if (!--w->nmarks) drop_records(w, 0);
}

void store_txn_savepoint_rollback(store_txn *t)
{
    struct ws *w = &t->ws;
    struct ws_mark m;

    if (!w->nmarks) return;
    m = w->marks[--w->nmarks];
    assert(m.nundo <= w->nundo);
    while (w->nundo > m.nundo) {
        struct ws_undo u = w->undo[--w->nundo];
        struct ws_entry *e = u.e;
        if (!u.kind) {
            ws_remove(w, e);
            continue;
        }
        ws_val_free(e, e->val);
        w->bytes = w->bytes - e->vlen + u.vlen;
        e->kind = u.kind;
        e->val = u.val;
        e->vlen = u.vlen;
    }
    assert(w->count == m.count && w->bytes == m.bytes);
    assert(w->nmarks || !w->nundo); /* records exist only under a savepoint */
    if (t->has_escrow || t->nkeep) esc_after_rollback(t);
}

uint32_t store_txn_savepoints(const store_txn *t)
{
    return t->ws.nmarks;
}
