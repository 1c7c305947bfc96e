/*
 * escrow.c - JetEscrowUpdate: atomic adds to escrow columns (fixed
 * JET_coltypLong / JET_coltypLongLong columns made with
 * JET_bitColumnEscrowUpdate), on the store's escrow operation
 * (store_txn_escrow, engine/store/store_escrow.c).
 *
 * The column's bytes sit at a fixed offset of the record value (rec.h:
 * rec_get's pointer into the record), so the store adds the delta to those
 * bytes; escrow columns cannot be indexed, so no index changes.  Several
 * sessions may escrow the same record in open transactions and all
 * commit; a replace, delete or lock of the record by another open
 * transaction conflicts either way (JET_errWriteConflict).  The old value
 * returned is ESE's raw stored value: the committed value plus every open
 * transaction's pending deltas.
 *
 * JET_bitColumnDeleteOnZero: ESE deletes the record "sometime after" the
 * transaction whose escrow update brought the column to zero commits, if
 * it is still zero.  Here the session notes such records, and when its
 * transaction commits to level 0 (escrow_txn_ended) it deletes each one
 * whose committed value is still zero, through JetDelete's code on a
 * cursor of its own at level 0 (so indexes and long values go too); a
 * record another session is using (a write conflict) is left alone.
 * JET_bitColumnFinalize's callback is not implemented (callbacks are not).
 */
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "jet_private.h"
#include "jet_table.h"

DEFAULT_DEBUG_CHANNEL(esent);

/* A record to delete after commit if its column is still zero. */
struct esc_zero {
    int dbslot;
    uint32_t objid;
    JET_COLUMNID columnid;
    uint32_t bmlen;
    uint8_t bm[TBL_BOOKMARK_MAX];
};

static int64_t load(const void *p, uint32_t width)
{
    int32_t l;
    int64_t ll;
    if (width == 4) {
        memcpy(&l, p, 4);
        return l;
    }
    memcpy(&ll, p, 8);
    return ll;
}

static void note_zero(struct jet_table *t, JET_COLUMNID columnid)
{
    struct jet_session *s = t->ses;
    struct esc_zero *z;
    if (s->nesc_zero == s->esc_zero_cap) {
        uint32_t cap = s->esc_zero_cap ? s->esc_zero_cap * 2 : 4;
        z = realloc(s->esc_zero, cap * sizeof(*z));
        if (!z) return; /* ESE may also miss one (a crash): JetDefragment's job */
        s->esc_zero = z;
        s->esc_zero_cap = cap;
    }
    z = &s->esc_zero[s->nesc_zero++];
    z->dbslot = t->dbslot;
    z->objid = t->objid;
    z->columnid = columnid;
    z->bmlen = t->bmlen;
    memcpy(z->bm, t->bm, t->bmlen);
}

/* Deletes z's record if its column is zero in the committed state. */
static void delete_if_zero(struct jet_session *s, const struct esc_zero *z)
{
    struct jet_table *t;
    const uint8_t *rec, *data;
    uint32_t len, cb;
    unsigned flags;

    if (table_open_cursor(s, z->dbslot, z->objid, 0, &t) < 0) return;
    if (cursor_goto_bookmark(t, z->bm, z->bmlen) >= 0 && cursor_record(t, &rec, &len) >= 0 &&
        rec_get(rec, len, &t->sch.rs, z->columnid, 1, &data, &cb, &flags) == 0 &&
        (cb == 4 || cb == 8) && !load(data, cb)) {
        JET_ERR err = update_delete(t);
        if (err < 0) TRACE("record not deleted on zero: %ld\n", (long)err);
    }
    table_close(t);
}

void escrow_txn_ended(struct jet_session *s, int committed)
{
    uint32_t i, n = s->nesc_zero;
    if (!n) return;
    s->nesc_zero = 0;
    if (committed && !s->trx_level)
        for (i = 0; i < n; i++) delete_if_zero(s, &s->esc_zero[i]);
    if (s->trx_level) s->nesc_zero = n; /* an inner level: still pending */
    if (!s->nesc_zero) {
        free(s->esc_zero);
        s->esc_zero = NULL;
        s->esc_zero_cap = 0;
    }
}

static JET_ERR escrow_update(struct jet_table *t, JET_COLUMNID columnid, const void *pv,
                             JET_ULONG_ cbmax, void *pvold, JET_ULONG_ cboldmax,
                             JET_ULONG_ *pcbold, JET_GRBIT grbit)
{
    struct jet_session *s = t->ses;
    const struct cat_column *col;
    const uint8_t *rec, *data;
    uint32_t len, cb, width;
    unsigned flags;
    int64_t delta, old;
    JET_ERR err;
    struct jet_table *o;

    if (!s->txn) return JET_errNotInTransaction;
    if (s->inst->dbs[t->dbslot].readonly || (t->grbit & JET_bitTableReadOnly))
        return JET_errPermissionDenied;
    if (s->trx_readonly) return JET_errTransReadOnly;
    if (!(col = tbl_column(&t->sch, columnid))) return JET_errColumnNotFound;
    if (t->prepared) return JET_errAlreadyPrepared;
    width = col->cbmax;
    if (cbmax != width) return JET_errInvalidBufferSize;
    if (pvold && cboldmax && width > cboldmax) return JET_errInvalidBufferSize;
    if (columnid < 1 || columnid > 127 || !(col->grbit & JET_bitColumnEscrowUpdate) ||
        (width != 4 && width != 8))
        return JET_errInvalidOperation;
    if (!pv) return JET_errInvalidParameter;
    if ((err = cursor_record(t, &rec, &len))) return err;
    if ((err = rec_get(rec, len, &t->sch.rs, columnid, 1, &data, &cb, &flags)) < 0) return err;
    /* The bytes must be in the record (not a default, not NULL): escrow
     * columns have a default and exist before any row, so a record holds
     * them unless the application set them NULL. */
    if (err > 0 || !data || (flags & (RECF_DEFAULT | RECF_NULL)) || cb != width)
        return JET_errInvalidOperation;
    delta = load(pv, width);
    err = store_txn_escrow(s->txn, t->sdb, t->sch.tab.data_root, t->bm, t->bmlen,
                           (uint32_t)(data - rec), width, delta,
                           (grbit & JET_bitEscrowNoRollback) ? STORE_ESCROW_NO_ROLLBACK : 0, &old);
    if (err == JET_errRecordNotFound) err = JET_errRecordDeleted;
    if (err < 0) return err;
    if (pvold) {
        if (width == 4) {
            int32_t l = (int32_t)old;
            memcpy(pvold, &l, 4);
        } else {
            memcpy(pvold, &old, 8);
        }
    }
    if (pcbold) *pcbold = width;
    for (o = s->tables; o; o = o->next)
        if (o->dbslot == t->dbslot && o->objid == t->objid) cursor_invalidate(o);
    if ((col->grbit & JET_bitColumnDeleteOnZero) &&
        (width == 4 ? (int32_t)(uint32_t)((uint64_t)old + (uint64_t)delta) == 0
                    : (int64_t)((uint64_t)old + (uint64_t)delta) == 0))
        note_zero(t, columnid);
    return 0;
}

JET_ERR JET_API JetEscrowUpdate(JET_SESID sesid, JET_TABLEID tableid, JET_COLUMNID columnid, void *pv,
                                JET_ULONG_ cbMax, void *pvOld, JET_ULONG_ cbOldMax,
                                JET_ULONG_ *pcbOldActual, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, %lu, %p, %lu, %p, %lu, %p, 0x%lx)\n", (void *)sesid, (void *)tableid,
          (unsigned long)columnid, pv, (unsigned long)cbMax, pvOld, (unsigned long)cbOldMax, (void *)pcbOldActual,
          (unsigned long)grbit);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    err = escrow_update(t, columnid, pv, cbMax, pvOld, cbOldMax, pcbOldActual, grbit);
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}
