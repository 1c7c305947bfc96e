/*
 * update.c - changing records: JetPrepareUpdate, JetSetColumn(s),
 * JetUpdate(2), JetDelete, and the index maintenance they imply.
 *
 * A prepared update edits a copy of the record (rec.h's builder) in the
 * cursor; nothing reaches the store before JetUpdate, except long values
 * too big to stay in the record: those are written to the table's LV tree
 * at JetSetColumn time, under new LIDs the cursor remembers (new_lids), so
 * that cancelling the update deletes them.  A long value already in the
 * table is never changed in place: the first AppendLV / OverwriteLV /
 * SizeLV on it copies it to a new LID (copy on write), and JetUpdate frees
 * the LIDs the old record referenced and the new one does not.  So a
 * record's separated LVs belong to that record alone, and deleting a
 * record deletes them (InsertCopy copies the LVs it inherits for the same
 * reason; InsertCopyDeleteOriginal moves them, and its long values may not
 * be changed: JET_errColumnNotUpdatable, as ESE).
 *
 * Transactions: inside a transaction everything goes through the session's
 * store transaction.  At level 0 an update runs in an implicit transaction
 * of its own (prep_txn, begun at the first write and committed lazily by
 * JetUpdate, as ESE commits its implicit transactions), and JetDelete in
 * one begun and committed inside the call.  JetUpdate and JetDelete make
 * their writes inside a savepoint, so a failure (a duplicate key, a key too
 * big, out of memory) undoes all of them and leaves the update prepared.
 *
 * Index maintenance: the record's keys for each secondary index
 * (indexkeys.c) before and after; entries that disappear are deleted,
 * new ones inserted, after the uniqueness check of unique indexes.
 *
 * Write conflicts (the store's version store, "first updater wins"):
 * every store put and delete locks its key; JetPrepareUpdate(replace)
 * inside a transaction and JetDelete lock the record's bookmark first, so
 * the conflict surfaces there as in ESE; an insert meets it at JetUpdate.
 * A unique index's key (without the bookmark) is locked too, by inserts and
 * removals, so two transactions cannot both insert it, and its uniqueness
 * is checked against the latest committed state (a key committed after our
 * snapshot is a duplicate, as in ESE).  JetGetLock takes read and write
 * locks explicitly.  LIDs and DBKs come from in-memory counters per table
 * (struct tbl_shared), so unrelated writers never share a key.
 *
 * Version columns (JET_bitColumnVersion, at most one per table), as ESE:
 * JetUpdate of an insert (InsertCopy too) sets it to 0 unless the
 * application set it; JetUpdate of a replace sets it to the record's value
 * plus one (1 when the record has it NULL: a column added after the
 * record), wrapping from 0xffffffff to 0; JetSetColumn on it during a
 * replace is JET_errInvalidColumnType.  The stamp is made in the copy
 * buffer just before the writes and taken back if they fail, so a retried
 * JetUpdate does not count twice.
 *
 * Escrow columns are set plainly here; JetEscrowUpdate is escrow.c's.
 * Not yet: JET_bitSetUniqueNormalizedMultiValues compares raw bytes.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "jet_table.h"
#include "lv.h"

DEFAULT_DEBUG_CHANNEL(esent);

/* ---- helpers -------------------------------------------------------------- */

static store *st_of(const struct jet_table *t)
{
    return t->ses->inst->st;
}

/* The largest record the table may hold: a leaf cell, less the room of the
 * primary key when its cbKeyMost is above the legacy 255 (as ESE's record
 * limit keeps room for the key), so that long values set into a record
 * with a key of up to 1000 / 2000 bytes are separated when the two would
 * not fit one cell.  FIXME: legacy keys keep the whole cell; a record
 * near it with a long key fails at JetUpdate (JET_errRecordTooBig)
 * instead of pushing its long values out. */
static uint32_t record_cap(const struct jet_table *t)
{
    uint32_t m = bt_cell_max(store_db_page_size(t->sdb));
    if (t->sch.primary >= 0 && t->sch.idx[t->sch.primary].ci.cbkeymost > KEY_LEGACY_KEYMOST)
        m -= t->sch.idx[t->sch.primary].ci.cbkeymost;
    return m < REC_SIZE_MAX ? m : REC_SIZE_MAX;
}

static JET_ERR writable(const struct jet_table *t)
{
    if (t->ses->inst->dbs[t->dbslot].readonly) return JET_errPermissionDenied;
    if (t->grbit & JET_bitTableReadOnly) return JET_errPermissionDenied;
    if (table_txn(t) && t->ses->trx_readonly) return JET_errTransReadOnly;
    return 0;
}

/* The transaction a prepared update writes through. */
static JET_ERR prep_write_txn(struct jet_table *t, store_txn **out)
{
    JET_ERR err;
    if (t->prep_txn) {
        *out = t->prep_txn;
        return 0;
    }
    if (table_txn(t)) {
        *out = table_txn(t);
        return 0;
    }
    if ((err = store_txn_begin(st_of(t), &t->prep_txn))) return err;
    *out = t->prep_txn;
    return 0;
}

struct lvctx {
    struct jet_table *t;
    store_txn *txn;
};

static int lv_reader(void *ctx, uint32_t lid, void *buf, uint32_t cb, uint32_t *got)
{
    struct lvctx *c = ctx;
    return lv_read(c->txn, c->t->sdb, c->t->sch.tab.lv_root, lid, 0, buf, cb, got);
}

/* Every other cursor of the session on the same table re-reads its record. */
static void invalidate_table(struct jet_table *t)
{
    struct jet_table *o;
    for (o = t->ses->tables; o; o = o->next)
        if (o->dbslot == t->dbslot && o->objid == t->objid) cursor_invalidate(o);
}

static int owned_lid(const struct jet_table *t, uint32_t lid)
{
    uint32_t i;
    for (i = 0; i < t->nnew_lids; i++)
        if (t->new_lids[i] == lid) return 1;
    return 0;
}

static JET_ERR remember_lid(struct jet_table *t, uint32_t lid)
{
    if (t->nnew_lids == t->new_lids_cap) {
        uint32_t n = t->new_lids_cap ? t->new_lids_cap * 2 : 8;
        uint32_t *p = realloc(t->new_lids, n * sizeof(*p));
        if (!p) return JET_errOutOfMemory;
        t->new_lids = p;
        t->new_lids_cap = n;
    }
    t->new_lids[t->nnew_lids++] = lid;
    return 0;
}

static void forget_lid(struct jet_table *t, uint32_t lid)
{
    uint32_t i;
    for (i = 0; i < t->nnew_lids; i++) {
        if (t->new_lids[i] == lid) {
            t->new_lids[i] = t->new_lids[--t->nnew_lids];
            return;
        }
    }
}

/* A new LID from the table's in-memory counter (jet_table.h), seeded from
 * the committed LV tree the first time. */
static JET_ERR alloc_lid(struct jet_table *t, uint32_t *lid)
{
    struct jet_instance *inst = t->ses->inst;
    struct tbl_shared *sh = t->shared;
    uint32_t last;
    JET_ERR err = 0;

    os_mutex_lock(inst->lock);
    if (!sh->lid_next) {
        if (!(err = lv_lid_seed(inst->st, t->sdb, t->sch.tab.lv_root, &last))) {
            if (last == UINT32_MAX) err = JET_errOutOfLongValueIDs;
            else sh->lid_next = last + 1;
        }
    }
    if (!err && !sh->lid_next) err = JET_errOutOfLongValueIDs; /* wrapped */
    if (!err) *lid = sh->lid_next++;
    os_mutex_unlock(inst->lock);
    return err;
}

/* A new LV holding data. */
static JET_ERR new_lv(struct jet_table *t, store_txn *txn, const void *data, uint32_t cb,
                      uint32_t *lid)
{
    JET_ERR err;
    if ((err = alloc_lid(t, lid))) return err;
    /* All or nothing: chunks written before a failure (the database's
     * maximum size, the version store) would stay in the transaction
     * under a LID nobody knows. */
    if ((err = store_txn_savepoint(txn))) return err;
    if ((err = lv_create(txn, t->sdb, t->sch.tab.lv_root, *lid, data, cb))) {
        store_txn_savepoint_rollback(txn);
        return err;
    }
    store_txn_savepoint_release(txn);
    return remember_lid(t, *lid);
}

/* A copy of LV src under a new LID (copy on write). */
static JET_ERR copy_lv(struct jet_table *t, store_txn *txn, uint32_t src, uint32_t *lid)
{
    uint32_t tree = t->sch.tab.lv_root, chunk = 1u << 16, got;
    uint64_t size, off;
    uint8_t *buf;
    JET_ERR err;

    if ((err = lv_size(txn, t->sdb, tree, src, &size))) return err;
    if ((err = new_lv(t, txn, NULL, 0, lid))) return err;
    if (!(buf = malloc(chunk))) return JET_errOutOfMemory;
    for (off = 0; off < size && !err; off += got) {
        if ((err = lv_read(txn, t->sdb, tree, src, off, buf, chunk, &got))) break;
        if (!got) {
            err = JET_errLVCorrupted;
            break;
        }
        err = lv_append(txn, t->sdb, tree, *lid, buf, got);
    }
    free(buf);
    return err;
}

/* Frees the update's state; deletes its new LVs when cancelling. */
static void prep_clear(struct jet_table *t, int cancel)
{
    if (cancel && t->nnew_lids) {
        if (t->prep_txn) {
            /* Dropped with the implicit transaction below. */
        } else if (table_txn(t)) {
            uint32_t i;
            for (i = 0; i < t->nnew_lids; i++)
                lv_delete(table_txn(t), t->sdb, t->sch.tab.lv_root, t->new_lids[i]);
        }
    }
    if (cancel && t->prep_txn) {
        store_txn_abort(t->prep_txn);
        t->prep_txn = NULL;
    }
    t->nnew_lids = 0;
    t->prepared = 0;
    t->prep = 0;
    t->autoinc_value = 0;
    t->version_set = 0;
}

void update_cancel(struct jet_table *t)
{
    if (t->prepared) prep_clear(t, 1);
}

/* ---- autoincrement --------------------------------------------------------- */

/* The next autoincrement value of the table, reserved in the catalog in
 * batches (committed at once, never reused, as ESE).  A table created by
 * the session's own open transaction is invisible to a separate one: its
 * counter is read and advanced, one value at a time, inside that
 * transaction, and goes with the table if it rolls back. */
static JET_ERR next_autoinc(struct jet_table *t, uint64_t *value)
{
    struct jet_instance *inst = t->ses->inst;
    struct tbl_shared *sh = t->shared;
    store_txn *own = table_txn(t);
    JET_ERR err = 0;

    os_mutex_lock(inst->lock);
    if (!sh->autoinc_next) {
        struct cat_table tab;
        store_txn *tmp;
        if (!(err = store_txn_begin(inst->st, &tmp))) {
            err = cat_table_get(tmp, t->sdb, t->objid, &tab);
            store_txn_abort(tmp);
        }
        if (err == JET_errObjectNotFound && own) err = cat_table_get(own, t->sdb, t->objid, &tab);
        if (!err) sh->autoinc_next = sh->autoinc_limit = tab.autoinc_last + 1;
    }
    if (!err && sh->autoinc_next >= sh->autoinc_limit) {
        /* Batches double with use, from 2 up to 1000 values. */
        uint64_t batch = sh->autoinc_limit < 1000 ? sh->autoinc_limit : 1000;
        store_txn *txn;
        if (batch < 2) batch = 2;
        if (!(err = store_txn_begin(inst->st, &txn))) {
            err = cat_table_set_autoinc(txn, t->sdb, t->objid, sh->autoinc_next + batch - 1);
            if (err) store_txn_abort(txn);
            else err = store_txn_commit(txn, STORE_COMMIT_LAZY);
        }
        if (err == JET_errObjectNotFound && own) {
            batch = 1;
            err = cat_table_set_autoinc(own, t->sdb, t->objid, sh->autoinc_next);
        }
        if (!err) sh->autoinc_limit = sh->autoinc_next + batch;
    }
    if (!err) *value = sh->autoinc_next++;
    os_mutex_unlock(inst->lock);
    return err;
}

static JET_ERR set_autoinc(struct jet_table *t)
{
    const struct cat_column *c;
    uint64_t v;
    uint32_t v32;
    JET_ERR err;

    if (!t->sch.tab.autoinc_column) return 0;
    if (!(c = tbl_column(&t->sch, t->sch.tab.autoinc_column))) return 0;
    if ((err = next_autoinc(t, &v))) return err;
    t->autoinc_value = v;
    if (c->coltyp == JET_coltypLong) {
        v32 = (uint32_t)v;
        return rec_builder_set(&t->rb, c->columnid, 1, &v32, 4, 0, 0);
    }
    return rec_builder_set(&t->rb, c->columnid, 1, &v, 8, 0, 0);
}

/* ---- JetPrepareUpdate ------------------------------------------------------- */

static JET_ERR alloc_copy(struct jet_table *t)
{
    uint32_t cap = record_cap(t);
    if (t->copycap < cap) {
        uint8_t *p = realloc(t->copy, cap);
        if (!p) return JET_errOutOfMemory;
        t->copy = p;
        t->copycap = cap;
    }
    return 0;
}

/* One separated LV reference of a record: value itag of column id. */
struct lvref {
    JET_COLUMNID id;
    uint32_t itag, lid, size;
};

/* The separated LV references of a record; *refs is malloc'ed (free it,
 * also on failure). */
static JET_ERR record_lvrefs(const struct jet_table *t, const uint8_t *rec, uint32_t len,
                             struct lvref **refs, uint32_t *n)
{
    struct rec_iter it;
    struct rec_value v;
    uint32_t cap = 0;
    JET_ERR err;
    int r;

    *refs = NULL;
    *n = 0;
    if ((err = rec_iter_init(&it, rec, len, &t->sch.rs, REC_ITER_TAGGED_ONLY | REC_ITER_NO_DEFAULTS)))
        return err;
    while ((r = rec_iter_next(&it, &v)) > 0) {
        if (!(v.flags & RECF_SEPARATED_LV)) continue;
        if (*n == cap) {
            struct lvref *p = realloc(*refs, (cap = cap ? cap * 2 : 8) * sizeof(*p));
            if (!p) return JET_errOutOfMemory;
            *refs = p;
        }
        (*refs)[*n].id = v.columnid;
        (*refs)[*n].itag = v.itag;
        rec_lvref_decode(v.data, &(*refs)[*n].lid, &(*refs)[*n].size);
        (*n)++;
    }
    return r < 0 ? r : 0;
}

/* InsertCopy: the copy gets its own copies of the original's LVs. */
static JET_ERR copy_record_lvs(struct jet_table *t)
{
    struct lvref *refs;
    store_txn *txn;
    uint32_t n, i;
    JET_ERR err = record_lvrefs(t, t->rb.buf, t->rb.len, &refs, &n);

    if (!err && n) err = prep_write_txn(t, &txn);
    for (i = 0; i < n && !err; i++) {
        uint32_t lid;
        if (!(err = copy_lv(t, txn, refs[i].lid, &lid)))
            err = rec_builder_set_lvref(&t->rb, refs[i].id, refs[i].itag, lid, refs[i].size);
    }
    free(refs);
    return err;
}

static JET_ERR prepare(struct jet_table *t, unsigned long prep)
{
    const uint8_t *rec;
    uint32_t len;
    JET_ERR err;

    switch (prep) {
    case JET_prepCancel:
        if (!t->prepared) return JET_errUpdateNotPrepared;
        prep_clear(t, 1);
        return 0;
    case JET_prepInsert:
    case JET_prepReplace:
    case JET_prepReplaceNoLock:
    case JET_prepInsertCopy:
    case JET_prepInsertCopyDeleteOriginal:
        break;
    default:
        return JET_errInvalidParameter;
    }
    if (t->prepared) return JET_errAlreadyPrepared;
    if (t->temp_flags && (err = temp_check(t, prep == JET_prepInsert ? TEMP_OP_INSERT : TEMP_OP_REPLACE)))
        return err;
    if ((err = writable(t))) return err;
    if ((err = alloc_copy(t))) return err;
    if (prep == JET_prepInsert) {
        if ((err = rec_builder_init(&t->rb, &t->sch.rs, t->copy, t->copycap))) return err;
    } else {
        if ((err = cursor_record(t, &rec, &len))) return err;
        /* Inside a transaction a replace takes the record's write lock now
         * (ESE; at level 0 it is ReplaceNoLock: the conflict shows at
         * JetUpdate).  Through the cursor's own transaction: a temporary
         * table's updates run in implicit ones (table_txn is NULL), and a
         * lock held by the session's would conflict with them. */
        if (prep == JET_prepReplace && table_txn(t) &&
            (err = store_txn_lock(table_txn(t), t->sdb, t->sch.tab.data_root, t->bm, t->bmlen, 1)))
            return err;
        if ((err = rec_builder_load(&t->rb, &t->sch.rs, t->copy, t->copycap, rec, len))) return err;
        memcpy(t->prep_bm, t->bm, t->bmlen);
        t->prep_bmlen = t->bmlen;
    }
    t->prepared = 1;
    t->prep = prep;
    t->nnew_lids = 0;
    if (prep == JET_prepInsert || prep == JET_prepInsertCopy ||
        prep == JET_prepInsertCopyDeleteOriginal) {
        if (prep == JET_prepInsertCopy) err = copy_record_lvs(t);
        /* The copy of InsertCopyDeleteOriginal is a new record too: a new
         * autoincrement value (ESE keeps the value only for
         * InsertCopyReplaceOriginal). */
        if (!err) err = set_autoinc(t);
        if (err) prep_clear(t, 1);
    }
    return err;
}

JET_ERR JET_API JetPrepareUpdate(JET_SESID sesid, JET_TABLEID tableid, JET_ULONG_ prep)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, %lu)\n", (void *)sesid, (void *)tableid, (unsigned long)prep);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    err = prepare(t, prep);
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- JetSetColumn ------------------------------------------------------------ */

#define SET_BITS (JET_bitSetAppendLV | JET_bitSetOverwriteLV | JET_bitSetSizeLV | \
                  JET_bitSetZeroLength | JET_bitSetSeparateLV | JET_bitSetUniqueMultiValues | \
                  JET_bitSetUniqueNormalizedMultiValues | JET_bitSetRevertToDefaultValue | \
                  JET_bitSetIntrinsicLV | JET_bitSetUncompressed | JET_bitSetCompressed)
#define LV_OPS (JET_bitSetAppendLV | JET_bitSetOverwriteLV | JET_bitSetSizeLV)

/* The value itag of a long column as the copy holds it: intrinsic bytes,
 * or a separated LV (lid set), or none. */
static JET_ERR current_lv(struct jet_table *t, JET_COLUMNID id, uint32_t itag, const uint8_t **data,
                          uint32_t *cb, uint32_t *lid)
{
    unsigned flags = 0;
    uint32_t size;
    JET_ERR err;

    *data = NULL;
    *cb = 0;
    *lid = 0;
    if (!itag) return 0;
    err = rec_get(t->rb.buf, t->rb.len, &t->sch.rs, id, itag, data, cb, &flags);
    if (err == JET_wrnColumnNull || (flags & RECF_DEFAULT)) {
        if (flags & RECF_DEFAULT) return 0; /* the default is not the record's */
        *data = NULL;
        *cb = 0;
        return 0;
    }
    if (err < 0) return err;
    if (flags & RECF_SEPARATED_LV) {
        rec_lvref_decode(*data, lid, &size);
        *cb = size;
        *data = NULL;
    }
    return 0;
}

/* A change to a long-value column that the record cannot hold, or that
 * touches a separated value; old/oldcb/oldlid: its current value
 * (current_lv). */
static JET_ERR set_long(struct jet_table *t, const struct rec_column *rc, const void *data, uint32_t cb,
                        JET_GRBIT grbit, uint32_t ib, uint32_t itag, const uint8_t *old, uint32_t oldcb,
                        uint32_t oldlid)
{
    uint32_t lid, newsize;
    store_txn *txn;
    JET_ERR err;

    if (t->prep == JET_prepInsertCopyDeleteOriginal && oldlid) return JET_errColumnNotUpdatable;

    if (oldlid && (grbit & LV_OPS)) {
        /* Change the separated value (a copy of it, unless it is ours). */
        uint64_t size;
        if ((err = prep_write_txn(t, &txn))) return err;
        lid = oldlid;
        if (!owned_lid(t, oldlid) && (err = copy_lv(t, txn, oldlid, &lid))) return err;
        if (grbit & JET_bitSetAppendLV) {
            if ((uint64_t)oldcb + cb > LV_SIZE_MAX || (rc->cbmax && (uint64_t)oldcb + cb > rc->cbmax))
                return JET_errColumnTooBig;
            err = lv_append(txn, t->sdb, t->sch.tab.lv_root, lid, data, cb);
        } else if (grbit & JET_bitSetOverwriteLV) {
            if (ib > oldcb) return JET_errColumnNoChunk;
            if (rc->cbmax && (uint64_t)ib + cb > rc->cbmax) return JET_errColumnTooBig;
            err = lv_write(txn, t->sdb, t->sch.tab.lv_root, lid, ib, data, cb);
            if (!err && (grbit & JET_bitSetSizeLV))
                err = lv_set_size(txn, t->sdb, t->sch.tab.lv_root, lid, (uint64_t)ib + cb);
        } else {
            if (rc->cbmax && cb > rc->cbmax) return JET_errColumnTooBig;
            err = lv_set_size(txn, t->sdb, t->sch.tab.lv_root, lid, cb);
        }
        if (!err) err = lv_size(txn, t->sdb, t->sch.tab.lv_root, lid, &size);
        if (err) return err;
        return rec_builder_set_lvref(&t->rb, rc->columnid, itag ? itag : 0, lid, (uint32_t)size);
    }

    /* The whole new value, from an intrinsic one and the change. */
    {
        uint8_t *buf = NULL;
        const uint8_t *val = data;
        if (grbit & LV_OPS) {
            uint64_t n;
            if (grbit & JET_bitSetAppendLV) n = (uint64_t)oldcb + cb;
            else if (grbit & JET_bitSetOverwriteLV) {
                if (ib > oldcb) return JET_errColumnNoChunk;
                n = (grbit & JET_bitSetSizeLV) || (uint64_t)ib + cb > oldcb ? (uint64_t)ib + cb : oldcb;
            } else n = cb;
            if (n > LV_SIZE_MAX || (rc->cbmax && n > rc->cbmax)) return JET_errColumnTooBig;
            if (!(buf = calloc(1, n ? (size_t)n : 1))) return JET_errOutOfMemory;
            if (grbit & JET_bitSetAppendLV) {
                if (oldcb) memcpy(buf, old, oldcb);
                if (cb) memcpy(buf + oldcb, data, cb);
            } else if (grbit & JET_bitSetOverwriteLV) {
                if (oldcb) memcpy(buf, old, oldcb < n ? oldcb : (uint32_t)n);
                if (cb) memcpy(buf + ib, data, cb);
            } else {
                if (oldcb) memcpy(buf, old, oldcb < n ? oldcb : (uint32_t)n);
            }
            val = buf;
            newsize = (uint32_t)n;
        } else {
            if (rc->cbmax && cb > rc->cbmax) return JET_errColumnTooBig;
            newsize = cb;
        }
        err = prep_write_txn(t, &txn);
        if (!err) err = new_lv(t, txn, val, newsize, &lid);
        free(buf);
        if (err) return err;
        if (oldlid && owned_lid(t, oldlid)) {
            lv_delete(txn, t->sdb, t->sch.tab.lv_root, oldlid);
            forget_lid(t, oldlid);
        }
        return rec_builder_set_lvref(&t->rb, rc->columnid, itag, lid, newsize);
    }
}

static JET_ERR set_column(struct jet_table *t, JET_COLUMNID id, const void *data, uint32_t cb,
                          JET_GRBIT grbit, uint32_t ib, uint32_t itag)
{
    const struct rec_column *rc;
    JET_ERR err;

    if (!t->prepared) return JET_errUpdateNotPrepared;
    if (grbit & ~(JET_GRBIT)SET_BITS) return JET_errInvalidGrbit;
    if ((err = rec_schema_find(&t->sch.rs, id, &rc))) return err;
    if (!data && cb && (!(grbit & JET_bitSetSizeLV) || !(rc->flags & REC_COL_LONG)))
        return JET_errInvalidParameter;
    if (rc->flags & REC_COL_AUTOINC) return JET_errInvalidColumnType;
    if ((rc->flags & REC_COL_VERSION) && (t->prep == JET_prepReplace || t->prep == JET_prepReplaceNoLock))
        return JET_errInvalidColumnType;
    if (rc->flags & REC_COL_VERSION) t->version_set = 1;
    if (grbit & JET_bitSetUniqueNormalizedMultiValues) {
        /* Key-normalized values compared here (mvunique.c), which covers
         * the raw compare too; the LV operations are refused as with
         * JET_bitSetUniqueMultiValues. */
        store_txn *txn = NULL;
        if ((grbit & LV_OPS) && (rc->flags & REC_COL_LONG)) return JET_errInvalidGrbit;
        if ((rc->flags & REC_COL_LONG) && (err = prep_write_txn(t, &txn))) return err;
        if ((err = mv_check_unique_normalized(t, txn, id, itag, data, cb))) return err;
        grbit &= ~(JET_GRBIT)(JET_bitSetUniqueNormalizedMultiValues | JET_bitSetUniqueMultiValues);
    }
    if (!(rc->flags & REC_COL_LONG)) return rec_builder_set(&t->rb, id, itag, data, cb, grbit & ~(JET_GRBIT)LV_OPS, ib);

    if ((rc->flags & REC_COL_LONG) && cb > LV_SIZE_MAX) return JET_errInvalidParameter;
    {
        const uint8_t *old;
        uint32_t oldcb, oldlid;
        int separate = (grbit & JET_bitSetSeparateLV) && (cb || (grbit & LV_OPS));
        if ((err = current_lv(t, id, itag, &old, &oldcb, &oldlid))) return err;
        if (!separate && !(oldlid && (grbit & LV_OPS))) {
            err = rec_builder_set(&t->rb, id, itag, data, cb, grbit & ~(JET_GRBIT)JET_bitSetSeparateLV, ib);
            if (err != JET_errColumnDoesNotFit && !(err == JET_errRecordTooBig && !(grbit & JET_bitSetIntrinsicLV)))
                goto done;
        }
        /* The builder is unchanged if rec_builder_set failed, so old still
         * describes the current value. */
        err = set_long(t, rc, data, cb, grbit, ib, itag, old, oldcb, oldlid);
    done:
        /* A separated value this update made and just replaced is garbage. */
        if (err >= 0 && oldlid && owned_lid(t, oldlid)) {
            const uint8_t *nd;
            uint32_t ncb, nlid;
            if (!current_lv(t, id, itag ? itag : 1, &nd, &ncb, &nlid) && nlid != oldlid) {
                store_txn *txn;
                if (!prep_write_txn(t, &txn)) lv_delete(txn, t->sdb, t->sch.tab.lv_root, oldlid);
                forget_lid(t, oldlid);
            }
        }
        return err;
    }
}

JET_ERR JET_API JetSetColumn(JET_SESID sesid, JET_TABLEID tableid, JET_COLUMNID columnid, const void *pvData,
                             JET_ULONG_ cbData, JET_GRBIT grbit, JET_SETINFO *psetinfo)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;
    uint32_t ib = 0, itag = 1;

    TRACE("(%p, %p, %lu, %p, %lu, 0x%lx, %p)\n", (void *)sesid, (void *)tableid, (unsigned long)columnid,
          pvData, (unsigned long)cbData, (unsigned long)grbit, (void *)psetinfo);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (psetinfo) {
        if (psetinfo->cbStruct < sizeof(*psetinfo)) {
            err = JET_errInvalidParameter;
            goto leave;
        }
        ib = psetinfo->ibLongValue;
        itag = psetinfo->itagSequence;
    }
    err = set_column(t, columnid, pvData, cbData, grbit, ib, itag);
leave:
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetSetColumns(JET_SESID sesid, JET_TABLEID tableid, JET_SETCOLUMN *psetcolumn,
                              JET_ULONG_ csetcolumn)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err, first = 0;
    JET_ULONG_ i;

    TRACE("(%p, %p, %p, %lu)\n", (void *)sesid, (void *)tableid, (void *)psetcolumn, (unsigned long)csetcolumn);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (!psetcolumn && csetcolumn) {
        err = JET_errInvalidParameter;
    } else {
        for (i = 0; i < csetcolumn; i++) {
            JET_SETCOLUMN *c = &psetcolumn[i];
            c->err = set_column(t, c->columnid, c->pvData, c->cbData, c->grbit, c->ibLongValue,
                                c->itagSequence);
            if (c->err < 0) {
                first = c->err;
                break;
            }
            if (c->err > 0 && !first) first = c->err;
        }
        err = first;
    }
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- index maintenance ---------------------------------------------------------- */

/* Whether index key k (klen bytes) exists in unique index ix for a record
 * other than bm. */
static JET_ERR check_unique(struct jet_table *t, store_txn *txn, const struct tbl_index *ix,
                            const uint8_t *k, uint32_t klen, const uint8_t *bm, uint32_t bmlen)
{
    store_cursor *c;
    const uint8_t *ek, *ev;
    uint32_t ekl, evl;
    JET_ERR err;

    /* The key itself is locked: another transaction inserting it conflicts. */
    if ((err = store_txn_lock(txn, t->sdb, ix->ci.root, k, klen, 1))) return err;
    if ((err = store_cursor_open(st_of(t), t->sdb, ix->ci.root, &c))) return err;
    store_cursor_set_latest(c, 1);
    err = store_cursor_seek(c, txn, k, klen, BT_SEEK_GE, NULL);
    while (!err) {
        uint32_t ebml;
        if ((err = store_cursor_get(c, &ek, &ekl, &ev, &evl))) break;
        if (ekl < klen || memcmp(ek, k, klen)) break; /* past every entry starting with k */
        if ((err = tbl_sec_split(ekl, ev, evl, &ebml))) break;
        if (ekl - ebml == klen && !(ebml == bmlen && !memcmp(ek + klen, bm, bmlen))) {
            err = JET_errKeyDuplicate;
            break;
        }
        err = store_cursor_next(c, txn);
    }
    store_cursor_close(c);
    if (err == JET_errRecordNotFound || err == JET_errNoCurrentRecord) err = 0;
    return err;
}

static JET_ERR entry_key(const uint8_t *k, uint32_t klen, const uint8_t *bm, uint32_t bmlen,
                         uint8_t *out, uint32_t *len)
{
    if (klen + bmlen > KEY_BUF_MAX + TBL_BOOKMARK_MAX) return JET_errKeyTooBig;
    memcpy(out, k, klen);
    memcpy(out + klen, bm, bmlen);
    *len = klen + bmlen;
    return 0;
}

static int keyset_has(const struct idx_keyset *ks, const uint8_t *k, uint32_t klen)
{
    uint32_t i;
    for (i = 0; i < ks->n; i++)
        if (ks->lens[i] == klen && !memcmp(ks->keys[i], k, klen)) return 1;
    return 0;
}

/* Moves index ix's entries of one record from old (NULL: none) to new
 * (NULL: none). */
static JET_ERR update_index(struct jet_table *t, store_txn *txn, const struct tbl_index *ix,
                            const uint8_t *oldrec, uint32_t oldlen, const uint8_t *newrec, uint32_t newlen,
                            const uint8_t *bm, uint32_t bmlen)
{
    struct idx_keyset oldk, newk;
    struct lvctx ctx = { t, txn };
    uint8_t ek[KEY_BUF_MAX + TBL_BOOKMARK_MAX], sv[TBL_SEC_VALUE_SIZE];
    uint32_t eklen, i;
    JET_ERR err = 0;

    memset(&oldk, 0, sizeof(oldk));
    memset(&newk, 0, sizeof(newk));
    if (oldrec) err = idx_record_keys(&t->sch, ix, oldrec, oldlen, lv_reader, &ctx, &oldk);
    /* A record whose old keys cannot be made again (DisallowNull...) has no entries. */
    if (err == JET_errNullKeyDisallowed || err == JET_errKeyTruncated) err = 0;
    if (!err && newrec) err = idx_record_keys(&t->sch, ix, newrec, newlen, lv_reader, &ctx, &newk);
    for (i = 0; i < oldk.n && !err; i++) {
        if (keyset_has(&newk, oldk.keys[i], oldk.lens[i])) continue;
        /* A unique key being freed is locked as one being taken. */
        if ((ix->ci.grbit & JET_bitIndexUnique) &&
            (err = store_txn_lock(txn, t->sdb, ix->ci.root, oldk.keys[i], oldk.lens[i], 1)))
            break;
        if ((err = entry_key(oldk.keys[i], oldk.lens[i], bm, bmlen, ek, &eklen))) break;
        err = store_txn_delete(txn, t->sdb, ix->ci.root, ek, eklen);
        if (err == JET_errRecordNotFound) err = 0;
    }
    for (i = 0; i < newk.n && !err; i++) {
        if (keyset_has(&oldk, newk.keys[i], newk.lens[i])) continue;
        if ((ix->ci.grbit & JET_bitIndexUnique) &&
            (err = check_unique(t, txn, ix, newk.keys[i], newk.lens[i], bm, bmlen)))
            break;
        if ((err = entry_key(newk.keys[i], newk.lens[i], bm, bmlen, ek, &eklen))) break;
        tbl_sec_value(bmlen, sv);
        err = store_txn_put(txn, t->sdb, ix->ci.root, ek, eklen, sv, sizeof(sv), BT_UPSERT);
    }
    idx_keyset_free(&oldk);
    idx_keyset_free(&newk);
    return err;
}

static JET_ERR update_indexes(struct jet_table *t, store_txn *txn, const uint8_t *oldrec, uint32_t oldlen,
                              const uint8_t *newrec, uint32_t newlen, const uint8_t *bm, uint32_t bmlen)
{
    uint32_t i;
    JET_ERR err = 0;
    for (i = 0; i < t->sch.nidx && !err; i++) {
        if ((int)i == t->sch.primary) continue;
        err = update_index(t, txn, &t->sch.idx[i], oldrec, oldlen, newrec, newlen, bm, bmlen);
    }
    return err;
}

/* Deletes the LVs old references and new does not (new may be NULL). */
static JET_ERR free_lvs(struct jet_table *t, store_txn *txn, const uint8_t *oldrec, uint32_t oldlen,
                        const uint8_t *newrec, uint32_t newlen)
{
    struct lvref *a = NULL, *b = NULL;
    uint32_t na = 0, nb = 0, i, j;
    JET_ERR err = record_lvrefs(t, oldrec, oldlen, &a, &na);
    if (!err && newrec) err = record_lvrefs(t, newrec, newlen, &b, &nb);
    for (i = 0; i < na && !err; i++) {
        for (j = 0; j < nb && b[j].lid != a[i].lid; j++)
            ;
        if (j < nb) continue;
        err = lv_delete(txn, t->sdb, t->sch.tab.lv_root, a[i].lid);
        if (err == JET_errRecordNotFound) err = 0;
    }
    free(a);
    free(b);
    return err;
}

/* ---- JetUpdate ----------------------------------------------------------------- */

static JET_ERR check_not_null(const struct jet_table *t, const uint8_t *rec, uint32_t len)
{
    uint32_t i;
    for (i = 0; i < t->sch.ncols; i++) {
        const struct rec_column *c = &t->sch.rcols[i];
        const uint8_t *d;
        uint32_t cb;
        unsigned flags;
        JET_ERR err;
        if (!(c->flags & REC_COL_NOTNULL) || (c->flags & REC_COL_DELETED)) continue;
        err = rec_get(rec, len, &t->sch.rs, c->columnid, 1, &d, &cb, &flags);
        if (err == JET_wrnColumnNull) return JET_errNullInvalid;
        if (err < 0) return err;
    }
    return 0;
}

/* The bookmark of a new record: its primary key, or the next DBK. */
static JET_ERR new_bookmark(struct jet_table *t, store_txn *txn, const uint8_t *rec, uint32_t len,
                            uint8_t *bm, uint32_t *bmlen)
{
    struct jet_instance *inst = t->ses->inst;
    struct tbl_shared *sh = t->shared;
    JET_ERR err = 0;
    uint32_t dbk;

    if (t->sch.primary >= 0) {
        struct lvctx ctx = { t, txn };
        return idx_primary_key(&t->sch, rec, len, lv_reader, &ctx, bm, bmlen);
    }
    os_mutex_lock(inst->lock);
    if (!sh->seq_next) {
        /* One more than the largest DBK committed or written by us. */
        store_cursor *c;
        const uint8_t *k, *v;
        uint32_t kl, vl;
        sh->seq_next = 1;
        if (!(err = store_cursor_open(inst->st, t->sdb, t->sch.tab.data_root, &c))) {
            store_cursor_set_latest(c, 1); /* DBKs committed after our snapshot count */
            if (!store_cursor_last(c, txn) && !store_cursor_get(c, &k, &kl, &v, &vl) && kl == TBL_DBK_SIZE)
                sh->seq_next = ((uint32_t)k[0] << 24 | (uint32_t)k[1] << 16 | (uint32_t)k[2] << 8 | k[3]) + 1;
            store_cursor_close(c);
        }
    }
    if (!err && !sh->seq_next) err = JET_errOutOfSequentialIndexValues;
    dbk = sh->seq_next;
    if (!err) sh->seq_next++;
    os_mutex_unlock(inst->lock);
    if (err) return err;
    bm[0] = (uint8_t)(dbk >> 24);
    bm[1] = (uint8_t)(dbk >> 16);
    bm[2] = (uint8_t)(dbk >> 8);
    bm[3] = (uint8_t)dbk;
    *bmlen = TBL_DBK_SIZE;
    return 0;
}

/* The writes of JetUpdate, in txn (inside a savepoint of the caller). */
static JET_ERR apply_update(struct jet_table *t, store_txn *txn, const uint8_t *rec, uint32_t len,
                            uint8_t *bm, uint32_t *bmlen)
{
    uint8_t *old = NULL;
    uint32_t oldlen = 0;
    JET_ERR err;
    int insert = t->prep != JET_prepReplace && t->prep != JET_prepReplaceNoLock;

    if (!insert || t->prep == JET_prepInsertCopyDeleteOriginal) {
        /* The original record, as this transaction sees it. */
        err = table_get(t, t->sch.tab.data_root, t->prep_bm, t->prep_bmlen, NULL, 0, &oldlen);
        if (err == JET_errRecordNotFound) return JET_errRecordDeleted;
        if (err < 0) return err;
        if (!(old = malloc(oldlen ? oldlen : 1))) return JET_errOutOfMemory;
        if ((err = table_get(t, t->sch.tab.data_root, t->prep_bm, t->prep_bmlen, old, oldlen, &oldlen)))
            goto out;
    }
    if (insert) {
        if ((err = new_bookmark(t, txn, rec, len, bm, bmlen))) goto out;
        if (t->prep == JET_prepInsertCopyDeleteOriginal) {
            /* The original goes, its LVs move to the copy. */
            if ((err = update_indexes(t, txn, old, oldlen, NULL, 0, t->prep_bm, t->prep_bmlen))) goto out;
            if ((err = store_txn_delete(txn, t->sdb, t->sch.tab.data_root, t->prep_bm, t->prep_bmlen)))
                goto out;
        }
        if ((err = store_txn_put(txn, t->sdb, t->sch.tab.data_root, bm, *bmlen, rec, len, BT_INSERT_ONLY)))
            goto out;
        err = update_indexes(t, txn, NULL, 0, rec, len, bm, *bmlen);
    } else {
        memcpy(bm, t->prep_bm, t->prep_bmlen);
        *bmlen = t->prep_bmlen;
        if (t->sch.primary >= 0) {
            uint8_t pk[KEY_BUF_MAX];
            uint32_t pklen;
            struct lvctx ctx = { t, txn };
            if ((err = idx_primary_key(&t->sch, rec, len, lv_reader, &ctx, pk, &pklen))) goto out;
            if (pklen != *bmlen || memcmp(pk, bm, pklen)) {
                err = JET_errRecordPrimaryChanged;
                goto out;
            }
        }
        if ((err = store_txn_put(txn, t->sdb, t->sch.tab.data_root, bm, *bmlen, rec, len, BT_REPLACE_ONLY)))
            goto out;
        if ((err = update_indexes(t, txn, old, oldlen, rec, len, bm, *bmlen))) goto out;
        err = free_lvs(t, txn, old, oldlen, rec, len);
    }
out:
    free(old);
    if (err == JET_errRecordNotFound) err = JET_errRecordDeleted;
    return err;
}

/* The version column's value for this JetUpdate (top comment), written
 * into the copy buffer; *old and *old_null keep what was there for
 * unstamp_version.  Nothing to do without a version column. */
static JET_ERR stamp_version(struct jet_table *t, uint32_t *old, int *old_null)
{
    JET_COLUMNID id = t->sch.tab.version_column;
    const uint8_t *data;
    uint32_t cb, v;
    unsigned flags;
    JET_ERR err;
    int replace = t->prep == JET_prepReplace || t->prep == JET_prepReplaceNoLock;

    *old = 0;
    *old_null = 1;
    if (!id) return 0;
    err = rec_get(t->rb.buf, t->rb.len, &t->sch.rs, id, 1, &data, &cb, &flags);
    if (err < 0) return err;
    if (err == 0 && cb == 4) {
        memcpy(old, data, 4); /* the record's byte order is the API's */
        *old_null = 0;
    }
    if (!replace && t->version_set) return 0;
    v = replace ? (*old_null ? 1 : *old + 1) : 0;
    return rec_builder_set(&t->rb, id, 1, &v, 4, 0, 0);
}

static void unstamp_version(struct jet_table *t, uint32_t old, int old_null)
{
    JET_COLUMNID id = t->sch.tab.version_column;

    /* Puts back a value of the same size (or NULL): cannot fail. */
    if (id && rec_builder_set(&t->rb, id, 1, old_null ? NULL : &old, old_null ? 0 : 4, 0, 0) < 0)
        assert(!"restoring the version column failed");
}

static JET_ERR do_update(struct jet_table *t, void *pvBookmark, JET_ULONG_ cbBookmark, JET_ULONG_ *pcbActual)
{
    uint8_t bm[TBL_BOOKMARK_MAX];
    uint32_t bmlen = 0, len, old_version;
    const uint8_t *rec;
    store_txn *txn;
    JET_ERR err;
    int implicit, old_version_null;

    if (!t->prepared) return JET_errUpdateNotPrepared;
    if ((err = writable(t))) return err;
    if ((err = stamp_version(t, &old_version, &old_version_null))) return err;
    if ((err = rec_builder_finish(&t->rb, record_cap(t), &rec, &len)) ||
        (err = check_not_null(t, rec, len)) || (err = prep_write_txn(t, &txn)) ||
        (err = store_txn_savepoint(txn))) {
        unstamp_version(t, old_version, old_version_null);
        return err;
    }
    implicit = txn == t->prep_txn;
    err = apply_update(t, txn, rec, len, bm, &bmlen);
    if (err < 0) {
        store_txn_savepoint_rollback(txn);
        unstamp_version(t, old_version, old_version_null);
        if (!temp_drops_duplicate(t, err)) return err;
        /* A temporary table keeps the first record with a key. */
        prep_clear(t, 1);
        if (pcbActual) *pcbActual = 0;
        return 0;
    }
    store_txn_savepoint_release(txn);
    if (implicit) {
        t->prep_txn = NULL;
        if ((err = store_txn_commit(txn, STORE_COMMIT_LAZY))) {
            prep_clear(t, 0);
            return err;
        }
    }
    if (t->prep == JET_prepInsertCopyDeleteOriginal && t->pos == POS_ON &&
        t->bmlen == t->prep_bmlen && !memcmp(t->bm, t->prep_bm, t->bmlen))
        t->pos = POS_DELETED; /* as after JetDelete of the original */
    prep_clear(t, 0);
    invalidate_table(t);
    if (pcbActual) *pcbActual = bmlen;
    if (pvBookmark) {
        memcpy(pvBookmark, bm, bmlen < cbBookmark ? bmlen : cbBookmark);
        if (bmlen > cbBookmark) return JET_errBufferTooSmall;
    }
    return 0;
}

JET_ERR JET_API JetUpdate(JET_SESID sesid, JET_TABLEID tableid, void *pvBookmark, JET_ULONG_ cbBookmark,
                          JET_ULONG_ *pcbActual)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, %p, %lu, %p)\n", (void *)sesid, (void *)tableid, pvBookmark, (unsigned long)cbBookmark,
          (void *)pcbActual);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    err = do_update(t, pvBookmark, cbBookmark, pcbActual);
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetUpdate2(JET_SESID sesid, JET_TABLEID tableid, void *pvBookmark, JET_ULONG_ cbBookmark,
                           JET_ULONG_ *pcbActual, const JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, %p, %lu, %p, 0x%lx)\n", (void *)sesid, (void *)tableid, pvBookmark,
          (unsigned long)cbBookmark, (void *)pcbActual, (unsigned long)grbit);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (grbit & ~(JET_GRBIT)JET_bitUpdateCheckESE97Compatibility) err = JET_errInvalidGrbit;
    else err = do_update(t, pvBookmark, cbBookmark, pcbActual);
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- JetDelete -------------------------------------------------------------------- */

JET_ERR update_delete(struct jet_table *t)
{
    const uint8_t *cur;
    uint8_t *rec;
    uint32_t len;
    store_txn *txn, *implicit = NULL;
    JET_ERR err;

    if (t->prepared && t->prep != JET_prepInsertCopyDeleteOriginal) update_cancel(t);
    if (t->temp_flags && (err = temp_check(t, TEMP_OP_DELETE))) return err;
    if ((err = writable(t))) return err;
    if ((err = cursor_record(t, &cur, &len))) return err;
    if (!(rec = malloc(len ? len : 1))) return JET_errOutOfMemory;
    memcpy(rec, cur, len);
    if (table_txn(t)) {
        txn = table_txn(t);
    } else if ((err = store_txn_begin(st_of(t), &implicit))) {
        free(rec);
        return err;
    } else {
        txn = implicit;
    }
    /* The record's lock first: a conflict is reported before anything. */
    err = store_txn_lock(txn, t->sdb, t->sch.tab.data_root, t->bm, t->bmlen, 1);
    if (!err && !(err = store_txn_savepoint(txn))) {
        err = update_indexes(t, txn, rec, len, NULL, 0, t->bm, t->bmlen);
        if (!err) err = store_txn_delete(txn, t->sdb, t->sch.tab.data_root, t->bm, t->bmlen);
        if (!err) err = free_lvs(t, txn, rec, len, NULL, 0);
        if (err == JET_errRecordNotFound) err = JET_errRecordDeleted;
        if (err) store_txn_savepoint_rollback(txn);
        else store_txn_savepoint_release(txn);
    }
    free(rec);
    if (implicit) {
        if (err) store_txn_abort(implicit);
        else err = store_txn_commit(implicit, STORE_COMMIT_LAZY);
    }
    if (err) return err;
    t->pos = POS_DELETED;
    invalidate_table(t);
    return 0;
}

JET_ERR JET_API JetDelete(JET_SESID sesid, JET_TABLEID tableid)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p)\n", (void *)sesid, (void *)tableid);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    err = update_delete(t);
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- JetGetLock -------------------------------------------------------------------- */

/* A read or write lock on the current record, held until the transaction
 * ends (the store's lock table): JET_errWriteConflict when another
 * session holds a conflicting lock or changed the record after our
 * snapshot. */
static JET_ERR get_lock(struct jet_table *t, JET_GRBIT grbit)
{
    int write = grbit == JET_bitWriteLock;
    const uint8_t *rec;
    uint32_t len;
    JET_ERR err;

    if (grbit != JET_bitReadLock && grbit != JET_bitWriteLock) return JET_errInvalidGrbit;
    if (!t->ses->txn) return JET_errNotInTransaction;
    if (write && (err = writable(t))) return err;
    if ((err = cursor_record(t, &rec, &len))) return err;
    return store_txn_lock(t->ses->txn, t->sdb, t->sch.tab.data_root, t->bm, t->bmlen, write);
}

JET_ERR JET_API JetGetLock(JET_SESID sesid, JET_TABLEID tableid, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, 0x%lx)\n", (void *)sesid, (void *)tableid, (unsigned long)grbit);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    err = get_lock(t, grbit);
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}
