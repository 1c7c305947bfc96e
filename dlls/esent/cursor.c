/*
 * cursor.c - navigation of table cursors: the current index, the position
 * (jet_table.h, enum tbl_pos), reading the current record; JetMove,
 * JetMakeKey, JetSeek, JetSetIndexRange, JetSetCurrentIndex*,
 * JetGetCurrentIndex, JetRetrieveKey, JetGetBookmark, JetGotoBookmark,
 * JetIndexRecordCount.
 *
 * A cursor walks its current index's tree through a store_cursor, which
 * lays the session's write set over the committed tree.  On the clustered
 * index (primary, or the sequential order of a table without one) the
 * entry's key is the bookmark and its value the record; on a secondary
 * index the entry's key is index key || bookmark and its value the
 * bookmark, and the record is read from the clustered tree when needed.
 *
 * Keys and seeks follow ESE (rec.cxx ErrIsamSeek): a secondary index is
 * searched on its index key alone, so "equal" means the entry's index key
 * (without the bookmark) equals the search key exactly; GT skips every
 * duplicate of the search key; LE lands on the first entry whose index key
 * equals the search key, or else on the last one below it.  A failed seek
 * leaves the cursor at a gap at the sought key, from which JetMove
 * continues.
 *
 * After JetDelete the cursor stays on the deleted entry's place
 * (POS_DELETED): JetMove goes on to its neighbours, and reads give
 * JET_errRecordDeleted until an entry with that key exists again (the
 * record inserted anew), which the cursor is then on.
 *
 * Index ranges: one limit (upper or lower), checked after every move that
 * lands on an entry.  Running past it removes the range and leaves the
 * cursor after-last (upper) or before-first (lower), with
 * JET_errNoCurrentRecord.  Seeks and JetMove(First/Last) remove the range
 * first.
 *
 * Every navigation cancels the cursor's prepared update, as ESE does.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "jet_table.h"

DEFAULT_DEBUG_CHANNEL(esent);

static JET_ERR goto_bookmark_itag(struct jet_table *t, const uint8_t *bm, uint32_t bmlen, uint32_t itag);

/* ---- the current index -------------------------------------------------- */

static int is_secondary(const struct jet_table *t)
{
    return t->cur >= 0 && t->cur != t->sch.primary;
}

static uint32_t cur_tree(const struct jet_table *t)
{
    return t->cur < 0 ? t->sch.tab.data_root : t->sch.idx[t->cur].ci.root;
}

/* The index key of the current entry (without the bookmark). */
static uint32_t entry_key_len(const struct jet_table *t)
{
    return is_secondary(t) ? t->klen - t->bmlen : t->klen;
}

/* The store cursor over the current index's tree, opened when needed. */
static JET_ERR ensure_sc(struct jet_table *t)
{
    JET_ERR err;
    uint32_t tree = cur_tree(t);
    /* Noted before any move of this call: a record copied by the move is
     * at least this fresh. */
    t->op_commits = store_commits(t->ses->inst->st);
    if (t->sc && t->sc_tree == tree) return 0;
    if (t->sc) store_cursor_close(t->sc);
    t->sc = NULL;
    if ((err = store_cursor_open(t->ses->inst->st, t->sdb, tree, &t->sc))) return err;
    t->sc_tree = tree;
    return 0;
}

JET_ERR cursor_set_index(struct jet_table *t, int idx)
{
    if (idx >= (int)t->sch.nidx) idx = -1;
    t->cur = idx;
    t->pos = POS_BEFORE_FIRST;
    t->klen = 0;
    t->bmlen = 0;
    t->range = 0;
    key_builder_reset(&t->kb);
    cursor_invalidate(t);
    return 0;
}

void cursor_invalidate(struct jet_table *t)
{
    t->rec_valid = 0;
}

void cursor_release(struct jet_table *t)
{
    if (t->sc) store_cursor_close(t->sc);
    t->sc = NULL;
    t->sc_tree = 0;
    free(t->rec);
    t->rec = NULL;
    t->reccap = t->reclen = 0;
    t->rec_valid = 0;
}

/* ---- positions ------------------------------------------------------------ */

/* Copies the store cursor's entry into the cursor's position. */
static JET_ERR take_entry(struct jet_table *t)
{
    const uint8_t *k, *v;
    uint32_t kl, vl;
    JET_ERR err = store_cursor_get(t->sc, &k, &kl, &v, &vl);
    if (err) return err;
    if (kl > sizeof(t->key)) return JET_errDatabaseCorrupted;
    memcpy(t->key, k, kl);
    t->klen = kl;
    t->rec_valid = 0;
    if (is_secondary(t)) {
        uint32_t n;
        if ((err = tbl_sec_split(kl, v, vl, &n))) return err;
        memcpy(t->bm, k + kl - n, n);
        t->bmlen = n;
    } else {
        if (kl > sizeof(t->bm)) return JET_errDatabaseCorrupted;
        memcpy(t->bm, k, kl);
        t->bmlen = kl;
        /* The value is the record: keep it. */
        if (vl > t->reccap) {
            uint8_t *p = realloc(t->rec, vl);
            if (!p) return JET_errOutOfMemory;
            t->rec = p;
            t->reccap = vl;
        }
        if (vl) memcpy(t->rec, v, vl);
        t->reclen = vl;
        t->rec_valid = 1;
        t->rec_commits = t->op_commits;
    }
    t->pos = POS_ON;
    return 0;
}

/* Whether an entry with index key ekey (the current entry's for
 * out_of_range) lies outside the index range. */
static int range_excludes(const struct jet_table *t, const uint8_t *ekey, uint32_t elen)
{
    int c;
    if (!t->range) return 0;
    c = key_compare(ekey, elen, t->range_key, t->range_len);
    if (t->range_grbit & JET_bitRangeUpperLimit)
        return (t->range_grbit & JET_bitRangeInclusive) ? c > 0 : c >= 0;
    return (t->range_grbit & JET_bitRangeInclusive) ? c < 0 : c <= 0;
}

static int out_of_range(const struct jet_table *t)
{
    return range_excludes(t, t->key, entry_key_len(t));
}

/* After the store cursor moved: 0 and on an entry, or
 * JET_errNoCurrentRecord (ran off an end, or out of the range, which is
 * then removed). */
static JET_ERR landed(struct jet_table *t, JET_ERR err, int forward)
{
    if (err == JET_errNoCurrentRecord || err == JET_errRecordNotFound) {
        t->pos = forward ? POS_AFTER_LAST : POS_BEFORE_FIRST;
        t->rec_valid = 0;
        return JET_errNoCurrentRecord;
    }
    if (err < 0) return err;
    if ((err = take_entry(t))) return err;
    if (out_of_range(t)) {
        t->pos = (t->range_grbit & JET_bitRangeUpperLimit) ? POS_AFTER_LAST : POS_BEFORE_FIRST;
        t->range = 0;
        t->rec_valid = 0;
        return JET_errNoCurrentRecord;
    }
    return 0;
}

/* A pending JetSetCurrentIndex move becomes real. */
static JET_ERR resolve_pending(struct jet_table *t)
{
    JET_ERR err;
    if (t->pos != POS_FIRST_PENDING) return 0;
    if ((err = ensure_sc(t))) return err;
    err = landed(t, store_cursor_first(t->sc, table_txn(t)), 0);
    return err == JET_errNoCurrentRecord ? 0 : err;
}

static JET_ERR step(struct jet_table *t, int forward)
{
    JET_ERR err;
    store_txn *txn = table_txn(t);
    if ((err = ensure_sc(t))) return err;
    switch (t->pos) {
    case POS_BEFORE_FIRST:
        if (!forward) return JET_errNoCurrentRecord;
        return landed(t, store_cursor_first(t->sc, txn), 1);
    case POS_AFTER_LAST:
        if (forward) return JET_errNoCurrentRecord;
        return landed(t, store_cursor_last(t->sc, txn), 0);
    case POS_GAP:
        /* Between entries at t->key (a failed seek or bookmark). */
        return landed(t, store_cursor_seek(t->sc, txn, t->key, t->klen,
                                           forward ? BT_SEEK_GE : BT_SEEK_LT, NULL), forward);
    default:
        return landed(t, forward ? store_cursor_next(t->sc, txn) : store_cursor_prev(t->sc, txn),
                      forward);
    }
}

/* The cursor stays on a deleted record's place (its entry key); if an
 * entry with that key is there again (the record inserted anew), the
 * cursor is on it, as ESE's bookmark currency is.  0 and POS_ON, or
 * JET_errRecordDeleted. */
static JET_ERR revive(struct jet_table *t)
{
    uint32_t vlen;
    JET_ERR err;

    assert(t->pos == POS_DELETED);
    err = table_get(t, cur_tree(t), t->key, t->klen, NULL, 0, &vlen);
    if (err == JET_errRecordNotFound) return JET_errRecordDeleted;
    if (err < 0) return err;
    t->pos = POS_ON;
    t->rec_valid = 0;
    return 0;
}

JET_ERR cursor_record(struct jet_table *t, const uint8_t **rec, uint32_t *len)
{
    JET_ERR err;
    uint32_t vlen;

    *rec = NULL;
    *len = 0;
    if ((err = resolve_pending(t))) return err;
    if (t->pos == POS_DELETED && (err = revive(t))) return err;
    if (t->pos != POS_ON) return JET_errNoCurrentRecord;
    /* Inside a transaction the copy stays true to the snapshot (the
     * session's own writes invalidate it); at level 0 each read must see
     * the latest commit, so a commit since the copy was made voids it. */
    if (t->rec_valid && !table_txn(t) && t->rec_commits != store_commits(t->ses->inst->st))
        t->rec_valid = 0;
    if (!t->rec_valid) {
        t->rec_commits = store_commits(t->ses->inst->st);
        for (;;) {
            err = table_get(t, t->sch.tab.data_root, t->bm, t->bmlen, t->rec, t->reccap, &vlen);
            if (err == JET_errRecordNotFound) return JET_errRecordDeleted;
            if (err < 0) return err;
            if (vlen <= t->reccap) break;
            {
                uint8_t *p = realloc(t->rec, vlen);
                if (!p) return JET_errOutOfMemory;
                t->rec = p;
                t->reccap = vlen;
            }
        }
        t->reclen = vlen;
        t->rec_valid = 1;
    }
    *rec = t->rec;
    *len = t->reclen;
    return 0;
}

/* ---- seeking ---------------------------------------------------------------- */

/* Positions on the first entry whose index key is > key (gt) or >= key. */
static JET_ERR seek_forward(struct jet_table *t, const uint8_t *key, uint32_t klen, int gt,
                            int *exact)
{
    store_txn *txn = table_txn(t);
    JET_ERR err = store_cursor_seek(t->sc, txn, key, klen, BT_SEEK_GE, NULL);
    int c;
    *exact = 0;
    for (;;) {
        if (err == JET_errRecordNotFound || err == JET_errNoCurrentRecord) {
            t->pos = POS_AFTER_LAST;
            return JET_errRecordNotFound;
        }
        if (err < 0) return err;
        if ((err = take_entry(t))) return err;
        c = key_compare(t->key, entry_key_len(t), key, klen);
        if (c == 0 && !gt) {
            *exact = 1;
            return 0;
        }
        if (c > 0) return 0;
        /* Equal under GT, or (secondary only) an index key that is a
         * proper prefix of the search key: keep going. */
        err = store_cursor_next(t->sc, txn);
    }
}

/* Positions on the last entry whose index key is < key (lt) or <= key. */
static JET_ERR seek_backward(struct jet_table *t, const uint8_t *key, uint32_t klen, int lt,
                             int *exact)
{
    store_txn *txn = table_txn(t);
    JET_ERR err;
    int ex;

    *exact = 0;
    if (lt) {
        err = store_cursor_seek(t->sc, txn, key, klen, BT_SEEK_LT, NULL);
    } else {
        /* The first entry above key, then one back. */
        err = seek_forward(t, key, klen, 1, &ex);
        if (err == JET_errRecordNotFound) err = store_cursor_last(t->sc, txn);
        else if (!err) err = store_cursor_prev(t->sc, txn);
    }
    for (;;) {
        if (err == JET_errRecordNotFound || err == JET_errNoCurrentRecord) {
            t->pos = POS_BEFORE_FIRST;
            return JET_errRecordNotFound;
        }
        if (err < 0) return err;
        if ((err = take_entry(t))) return err;
        {
            int c = key_compare(t->key, entry_key_len(t), key, klen);
            if (c < 0 || (!lt && c == 0)) {
                *exact = c == 0;
                return 0;
            }
        }
        err = store_cursor_prev(t->sc, txn);
    }
}

/* ---- entry points ------------------------------------------------------------ */

JET_ERR JET_API JetMove(JET_SESID sesid, JET_TABLEID tableid, JET_LONG_ cRow, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, %ld, 0x%lx)\n", (void *)sesid, (void *)tableid, (long)cRow, (unsigned long)grbit);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (grbit & ~(JET_GRBIT)JET_bitMoveKeyNE) {
        err = JET_errInvalidGrbit;
        goto leave;
    }
    if (t->temp_flags &&
        (err = temp_check(t, cRow == JET_MoveLast || (cRow < 0 && (uint32_t)cRow != (uint32_t)JET_MoveFirst)
                                 ? TEMP_OP_MOVE_BACK : TEMP_OP_MOVE)))
        goto leave;
    update_cancel(t);
    if ((err = ensure_sc(t))) goto leave;
    if ((uint32_t)cRow == (uint32_t)JET_MoveFirst) {
        t->range = 0;
        err = landed(t, store_cursor_first(t->sc, table_txn(t)), 0);
    } else if (cRow == JET_MoveLast) {
        t->range = 0;
        err = landed(t, store_cursor_last(t->sc, table_txn(t)), 1);
    } else if (cRow == 0) {
        const uint8_t *rec;
        uint32_t len;
        err = cursor_record(t, &rec, &len);
    } else {
        int forward = cRow > 0;
        uint32_t n = forward ? (uint32_t)cRow : (uint32_t)0 - (uint32_t)cRow;
        if ((err = resolve_pending(t))) goto leave;
        if (t->pos == POS_FIRST_PENDING) t->pos = POS_BEFORE_FIRST;
        while (n-- && !err) {
            uint8_t prev[KEY_BUF_MAX + TBL_BOOKMARK_MAX];
            uint32_t plen = 0;
            int had = t->pos == POS_ON || t->pos == POS_DELETED;
            if (had && (grbit & JET_bitMoveKeyNE)) {
                plen = entry_key_len(t);
                memcpy(prev, t->key, plen);
            }
            err = step(t, forward);
            while (!err && had && (grbit & JET_bitMoveKeyNE) &&
                   !key_compare(t->key, entry_key_len(t), prev, plen))
                err = step(t, forward);
        }
    }
leave:
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetMakeKey(JET_SESID sesid, JET_TABLEID tableid, const void *pvData, JET_ULONG_ cbData,
                           JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, %p, %lu, 0x%lx)\n", (void *)sesid, (void *)tableid, pvData, (unsigned long)cbData,
          (unsigned long)grbit);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (!pvData && cbData) err = JET_errInvalidParameter;
    else err = key_make(&t->kb, t->cur >= 0 ? &t->sch.idx[t->cur].key : NULL, pvData, cbData, grbit);
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

#define SEEK_DIRS (JET_bitSeekEQ | JET_bitSeekLT | JET_bitSeekLE | JET_bitSeekGE | JET_bitSeekGT)

static JET_ERR do_seek(struct jet_table *t, JET_GRBIT grbit)
{
    JET_GRBIT dir = grbit & SEEK_DIRS;
    uint8_t key[KEY_BUF_MAX];
    uint32_t klen;
    int exact = 0;
    JET_ERR err;

    if (grbit & ~(JET_GRBIT)(SEEK_DIRS | JET_bitSetIndexRange | JET_bitCheckUniqueness))
        return JET_errInvalidGrbit;
    if (!t->kb.started) return JET_errKeyNotMade;
    if (!dir || (dir & (dir - 1))) return JET_errInvalidParameter;
    update_cancel(t);
    t->range = 0;
    if ((err = ensure_sc(t))) return err;
    klen = t->kb.len;
    memcpy(key, t->kb.buf, klen);
    switch (dir) {
    case JET_bitSeekEQ:
        err = seek_forward(t, key, klen, 0, &exact);
        if (!err && !exact) err = JET_errRecordNotFound;
        if (err == JET_errRecordNotFound) {
            /* A gap at the sought key: moves continue from there. */
            store_cursor_seek(t->sc, table_txn(t), key, klen, BT_SEEK_GE, NULL);
            memcpy(t->key, key, klen);
            t->klen = klen;
            t->pos = POS_GAP;
            t->rec_valid = 0;
            break;
        }
        if (!err && (grbit & JET_bitSetIndexRange)) {
            memcpy(t->range_key, key, klen);
            t->range_len = klen;
            t->range_grbit = JET_bitRangeUpperLimit | JET_bitRangeInclusive;
            t->range = 1;
        }
        break;
    case JET_bitSeekGE:
    case JET_bitSeekGT:
        err = seek_forward(t, key, klen, dir == JET_bitSeekGT, &exact);
        if (!err && dir == JET_bitSeekGE && !exact) err = JET_wrnSeekNotEqual;
        break;
    case JET_bitSeekLE:
        /* An equal index key wins, and among duplicates the first, as
         * for GE (ESE's seek finds the key itself); otherwise the last
         * entry below the key. */
        err = seek_forward(t, key, klen, 0, &exact);
        if (err < 0 && err != JET_errRecordNotFound) break;
        if (!err && exact) break;
        err = seek_backward(t, key, klen, 1, &exact);
        if (!err) err = JET_wrnSeekNotEqual;
        break;
    default:
        err = seek_backward(t, key, klen, 1, &exact);
        break;
    }
    return err;
}

JET_ERR JET_API JetSeek(JET_SESID sesid, JET_TABLEID tableid, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, 0x%lx)\n", (void *)sesid, (void *)tableid, (unsigned long)grbit);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (!t->temp_flags || !(err = temp_check(t, TEMP_OP_SEEK))) err = do_seek(t, grbit);
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

#define RANGE_BITS (JET_bitRangeInclusive | JET_bitRangeUpperLimit | JET_bitRangeInstantDuration | \
                    JET_bitRangeRemove)

JET_ERR JET_API JetSetIndexRange(JET_SESID sesid, JET_TABLEID tableid, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, 0x%lx)\n", (void *)sesid, (void *)tableid, (unsigned long)grbit);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (grbit & ~(JET_GRBIT)RANGE_BITS) {
        err = JET_errInvalidGrbit;
    } else if (grbit & JET_bitRangeRemove) {
        if (!t->range) err = JET_errInvalidOperation;
        else t->range = 0;
    } else if (t->cur < 0) {
        err = JET_errNoCurrentIndex;
    } else if (!t->kb.started) {
        err = JET_errKeyNotMade;
    } else if (!(err = resolve_pending(t)) && t->pos != POS_ON) {
        err = JET_errNoCurrentRecord;
    } else if (!err) {
        /* The key is consumed; the current entry must lie inside. */
        memcpy(t->range_key, t->kb.buf, t->kb.len);
        t->range_len = t->kb.len;
        t->range_grbit = grbit & (JET_bitRangeInclusive | JET_bitRangeUpperLimit);
        t->range = 1;
        key_builder_reset(&t->kb);
        if (out_of_range(t)) {
            t->range = 0;
            err = JET_errNoCurrentRecord;
        } else if (grbit & JET_bitRangeInstantDuration) {
            t->range = 0;
        }
    }
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- the current index ------------------------------------------------------- */

/* The index named (NULL or "" : the primary index, or the sequential
 * order): its position in sch.idx, -1 for sequential order. */
static JET_ERR find_index(struct jet_table *t, const char *name, int *idx)
{
    struct tbl_index *ix;
    if (!name || !*name) {
        *idx = t->sch.primary;
        return 0;
    }
    if (!(ix = tbl_index_named(&t->sch, name))) return JET_errIndexNotFound;
    *idx = (int)(ix - t->sch.idx);
    return 0;
}

/* JetSetCurrentIndex4: name already in the catalog's code page. */
static JET_ERR set_current_index(struct jet_table *t, const char *name, const JET_INDEXID *pindexid,
                                 JET_GRBIT grbit, uint32_t itag)
{
    uint8_t bm[TBL_BOOKMARK_MAX];
    uint32_t bmlen = 0;
    int idx, had;
    JET_ERR err;

    if (grbit & ~(JET_GRBIT)(JET_bitMoveFirst | JET_bitNoMove)) return JET_errInvalidGrbit;
    if (pindexid && pindexid->cbStruct != sizeof(*pindexid)) return JET_errInvalidIndexId;
    if (itag == 0) return JET_errInvalidParameter;
    if ((err = find_index(t, name, &idx))) return err;
    update_cancel(t);
    if ((err = resolve_pending(t))) return err;
    had = t->pos == POS_ON;
    if (had) {
        memcpy(bm, t->bm, t->bmlen);
        bmlen = t->bmlen;
    }
    if (idx == t->cur) {
        /* Selecting the current index again changes nothing but the
         * filters, ranges and key (ESE keeps the position). */
        if (!(grbit & JET_bitNoMove) ) {
            t->range = 0;
            key_builder_reset(&t->kb);
            t->pos = POS_FIRST_PENDING;
        }
        return 0;
    }
    cursor_set_index(t, idx);
    if (!(grbit & JET_bitNoMove)) {
        t->pos = POS_FIRST_PENDING;
        return 0;
    }
    if (!had) return 0;
    err = goto_bookmark_itag(t, bm, bmlen, itag);
    if (err == JET_errRecordDeleted) err = JET_errNoCurrentRecord;
    return err;
}

static JET_ERR set_current_index_entry(JET_SESID sesid, JET_TABLEID tableid, const char *a,
                                       const wchar16 *w, const JET_INDEXID *pindexid,
                                       JET_GRBIT grbit, uint32_t itag)
{
    struct jet_session *s;
    struct jet_table *t;
    char *name = NULL;
    JET_ERR err;

    if ((err = table_enter(sesid, tableid, &s, &t))) return err;
    /* Catalog names are UTF-8; NULL selects the primary index. */
    if (w) name = table_name_w(w, &err);
    else if (a) name = table_name_a(a, &err);
    if ((w || a) && !name) {
        session_leave(s);
        return err;
    }
    err = set_current_index(t, name, pindexid, grbit, itag);
    free(name);
    session_leave(s);
    return err;
}

JET_ERR JET_API JetSetCurrentIndexA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName)
{
    JET_ERR err;
    TRACE("(%p, %p, %s)\n", (void *)sesid, (void *)tableid, dbgstr_a(szIndexName));
    err = set_current_index_entry(sesid, tableid, szIndexName, NULL, NULL, JET_bitMoveFirst, 1);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetSetCurrentIndexW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szIndexName)
{
    JET_ERR err;
    TRACE("(%p, %p, %s)\n", (void *)sesid, (void *)tableid, dbgstr_w(szIndexName));
    err = set_current_index_entry(sesid, tableid, NULL, szIndexName, NULL, JET_bitMoveFirst, 1);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetSetCurrentIndex2A(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName,
                                     JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, %p, %s, 0x%lx)\n", (void *)sesid, (void *)tableid, dbgstr_a(szIndexName),
          (unsigned long)grbit);
    err = set_current_index_entry(sesid, tableid, szIndexName, NULL, NULL, grbit, 1);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetSetCurrentIndex2W(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szIndexName,
                                     JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, %p, %s, 0x%lx)\n", (void *)sesid, (void *)tableid, dbgstr_w(szIndexName),
          (unsigned long)grbit);
    err = set_current_index_entry(sesid, tableid, NULL, szIndexName, NULL, grbit, 1);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetSetCurrentIndex3A(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName,
                                     JET_GRBIT grbit, JET_ULONG_ itagSequence)
{
    JET_ERR err;
    TRACE("(%p, %p, %s, 0x%lx, %lu)\n", (void *)sesid, (void *)tableid, dbgstr_a(szIndexName),
          (unsigned long)grbit, (unsigned long)itagSequence);
    err = set_current_index_entry(sesid, tableid, szIndexName, NULL, NULL, grbit, itagSequence);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetSetCurrentIndex3W(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szIndexName,
                                     JET_GRBIT grbit, JET_ULONG_ itagSequence)
{
    JET_ERR err;
    TRACE("(%p, %p, %s, 0x%lx, %lu)\n", (void *)sesid, (void *)tableid, dbgstr_w(szIndexName),
          (unsigned long)grbit, (unsigned long)itagSequence);
    err = set_current_index_entry(sesid, tableid, NULL, szIndexName, NULL, grbit, itagSequence);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetSetCurrentIndex4A(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName,
                                     JET_INDEXID *pindexid, JET_GRBIT grbit, JET_ULONG_ itagSequence)
{
    JET_ERR err;
    TRACE("(%p, %p, %s, %p, 0x%lx, %lu)\n", (void *)sesid, (void *)tableid, dbgstr_a(szIndexName),
          (void *)pindexid, (unsigned long)grbit, (unsigned long)itagSequence);
    err = set_current_index_entry(sesid, tableid, szIndexName, NULL, pindexid, grbit, itagSequence);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetSetCurrentIndex4W(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szIndexName,
                                     JET_INDEXID *pindexid, JET_GRBIT grbit, JET_ULONG_ itagSequence)
{
    JET_ERR err;
    TRACE("(%p, %p, %s, %p, 0x%lx, %lu)\n", (void *)sesid, (void *)tableid,
          dbgstr_w(szIndexName), (void *)pindexid, (unsigned long)grbit,
          (unsigned long)itagSequence);
    err = set_current_index_entry(sesid, tableid, NULL, szIndexName, pindexid, grbit, itagSequence);
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* The current index's name, or "" for the sequential order. */
static const char *cur_name(const struct jet_table *t)
{
    return t->cur >= 0 ? t->sch.idx[t->cur].ci.name : "";
}

JET_ERR JET_API JetGetCurrentIndexA(JET_SESID sesid, JET_TABLEID tableid, JET_PSTR szIndexName,
                                    JET_ULONG_ cbIndexName)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, %p, %lu)\n", (void *)sesid, (void *)tableid, (void *)szIndexName,
          (unsigned long)cbIndexName);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (!szIndexName || !cbIndexName) {
        err = JET_errBufferTooSmall;
    } else {
        /* The UTF-8 catalog name in the ANSI code page. */
        wchar16 *w = str_utf8_to_w(cur_name(t), &err);
        if (w) {
            char buf[4 * CAT_NAME_MAX + 4];
            size_t len;
            if (str_w_to_a_buf(w, buf, sizeof(buf))) buf[0] = 0;
            len = strlen(buf);
            if (len >= cbIndexName) {
                memcpy(szIndexName, buf, cbIndexName - 1);
                szIndexName[cbIndexName - 1] = 0;
                err = JET_wrnBufferTruncated;
            } else {
                memcpy(szIndexName, buf, len + 1);
            }
            free(w);
        }
    }
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetCurrentIndexW(JET_SESID sesid, JET_TABLEID tableid, JET_PWSTR szIndexName,
                                    JET_ULONG_ cbIndexName)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, %p, %lu)\n", (void *)sesid, (void *)tableid, (void *)szIndexName,
          (unsigned long)cbIndexName);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (!szIndexName || cbIndexName < sizeof(wchar16)) {
        err = JET_errBufferTooSmall;
    } else {
        wchar16 *w = str_utf8_to_w(cur_name(t), &err);
        if (w) {
            size_t len = str_w_len(w), room = cbIndexName / sizeof(wchar16);
            wchar16 *out = (wchar16 *)szIndexName;
            if (len >= room) {
                memcpy(out, w, (room - 1) * sizeof(wchar16));
                out[room - 1] = 0;
                err = JET_wrnBufferTruncated;
            } else {
                memcpy(out, w, (len + 1) * sizeof(wchar16));
            }
            free(w);
        }
    }
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- keys and bookmarks ------------------------------------------------------- */

/* Copies len bytes to buf (cbMax room): JET_wrnBufferTruncated when cut. */
static JET_ERR copy_out(const void *src, uint32_t len, void *buf, JET_ULONG_ cbMax,
                        JET_ULONG_ *pcbActual, JET_ERR truncated)
{
    if (buf) memcpy(buf, src, len < cbMax ? len : cbMax);
    if (pcbActual) *pcbActual = len;
    return len > cbMax ? truncated : 0;
}

JET_ERR JET_API JetRetrieveKey(JET_SESID sesid, JET_TABLEID tableid, void *pvKey, JET_ULONG_ cbMax,
                               JET_ULONG_ *pcbActual, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, %p, %lu, %p, 0x%lx)\n", (void *)sesid, (void *)tableid, pvKey,
          (unsigned long)cbMax, (void *)pcbActual, (unsigned long)grbit);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (grbit & ~(JET_GRBIT)JET_bitRetrieveCopy) {
        err = JET_errInvalidGrbit;
    } else if (grbit & JET_bitRetrieveCopy) {
        if (!t->kb.started) err = JET_errKeyNotMade;
        else err = copy_out(t->kb.buf, t->kb.len, pvKey, cbMax, pcbActual, JET_wrnBufferTruncated);
    } else {
        const uint8_t *rec;
        uint32_t len;
        if (!(err = cursor_record(t, &rec, &len)))
            err = copy_out(t->key, entry_key_len(t), pvKey, cbMax, pcbActual, JET_wrnBufferTruncated);
    }
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetBookmark(JET_SESID sesid, JET_TABLEID tableid, void *pvBookmark, JET_ULONG_ cbMax,
                               JET_ULONG_ *pcbActual)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, %p, %lu, %p)\n", (void *)sesid, (void *)tableid, pvBookmark,
          (unsigned long)cbMax, (void *)pcbActual);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if ((err = resolve_pending(t))) goto leave;
    if (t->pos != POS_ON && t->pos != POS_DELETED) {
        err = JET_errNoCurrentRecord;
    } else {
        err = copy_out(t->bm, t->bmlen, pvBookmark, cbMax, pcbActual, JET_errBufferTooSmall);
    }
leave:
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR cursor_goto_bookmark(struct jet_table *t, const uint8_t *bm, uint32_t bmlen)
{
    return goto_bookmark_itag(t, bm, bmlen, 1);
}

/* To the record at bm; on a secondary index to its itag-th entry (the
 * entry of the itag-th value of a multi-valued key column; 1: the first).
 * JET_errNoCurrentRecord when the record has no entry in the index,
 * JET_errBadItagSequence when it has fewer than itag. */
static JET_ERR goto_bookmark_itag(struct jet_table *t, const uint8_t *bm, uint32_t bmlen, uint32_t itag)
{
    store_txn *txn = table_txn(t);
    JET_ERR err;
    int exact = 0;

    update_cancel(t);
    t->range = 0;
    if ((err = ensure_sc(t))) return err;
    if (!is_secondary(t)) {
        err = store_cursor_seek(t->sc, txn, bm, bmlen, BT_SEEK_GE, &exact);
        if (err == JET_errRecordNotFound || (!err && !exact)) return JET_errRecordDeleted;
        if (err < 0) return err;
        return take_entry(t);
    }
    /* A secondary index: the record's itag-th entry in it. */
    {
        struct tbl_index *ix = &t->sch.idx[t->cur];
        struct idx_keyset ks;
        uint8_t key[KEY_BUF_MAX + TBL_BOOKMARK_MAX];
        uint32_t vlen;
        uint8_t *rec = NULL;

        memset(&ks, 0, sizeof(ks));
        err = table_get(t, t->sch.tab.data_root, bm, bmlen, NULL, 0, &vlen);
        if (err == JET_errRecordNotFound) return JET_errRecordDeleted;
        if (err < 0) return err;
        if (!(rec = malloc(vlen ? vlen : 1))) return JET_errOutOfMemory;
        err = table_get(t, t->sch.tab.data_root, bm, bmlen, rec, vlen, &vlen);
        if (!err) err = idx_record_keys(&t->sch, ix, rec, vlen, NULL, NULL, &ks);
        free(rec);
        assert(itag >= 1);
        if (!err && !ks.n) err = JET_errNoCurrentRecord;
        else if (!err && ks.n < itag) err = JET_errBadItagSequence;
        if (!err && ks.lens[itag - 1] + bmlen > sizeof(key)) err = JET_errKeyTooBig;
        if (!err) {
            memcpy(key, ks.keys[itag - 1], ks.lens[itag - 1]);
            memcpy(key + ks.lens[itag - 1], bm, bmlen);
            err = store_cursor_seek(t->sc, txn, key, ks.lens[itag - 1] + bmlen, BT_SEEK_GE, &exact);
            if (err == JET_errRecordNotFound || (!err && !exact)) err = JET_errNoCurrentRecord;
            else if (!err) err = take_entry(t);
        }
        idx_keyset_free(&ks);
        return err;
    }
}

JET_ERR JET_API JetGotoBookmark(JET_SESID sesid, JET_TABLEID tableid, void *pvBookmark,
                                JET_ULONG_ cbBookmark)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, %p, %lu)\n", (void *)sesid, (void *)tableid, pvBookmark, (unsigned long)cbBookmark);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (!pvBookmark || !cbBookmark || cbBookmark > TBL_BOOKMARK_MAX) {
        err = JET_errInvalidBookmark;
    } else {
        err = cursor_goto_bookmark(t, pvBookmark, cbBookmark);
        if (err < 0 && err != JET_errRecordDeleted && err != JET_errNoCurrentRecord) goto leave;
        if (err < 0) {
            /* ESE leaves the cursor where the record would be. */
            t->pos = POS_GAP;
            t->rec_valid = 0;
        }
    }
leave:
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetIndexRecordCount(JET_SESID sesid, JET_TABLEID tableid, JET_ULONG_ *pcrec,
                                    JET_ULONG_ crecMax)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;
    uint32_t n = 0;
    int pending;

    TRACE("(%p, %p, %p, %lu)\n", (void *)sesid, (void *)tableid, (void *)pcrec, (unsigned long)crecMax);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (!pcrec) {
        err = JET_errInvalidParameter;
        goto leave;
    }
    update_cancel(t);
    pending = t->pos == POS_FIRST_PENDING;
    if ((err = resolve_pending(t))) goto leave;
    /* Counts from the current entry to the end of the index or the range
     * (ESE's ErrIsamIndexRecordCount); the cursor stays where it was.  A
     * deferred move to the first entry that found none: an empty index,
     * count 0. */
    if (pending && t->pos != POS_ON) {
        n = 0;
    } else if (t->pos == POS_ON) {
        /* A cursor of its own walks on from the current entry. */
        store_txn *txn = table_txn(t);
        store_cursor *c;
        const uint8_t *k, *v;
        uint32_t kl, vl;
        if (!(err = store_cursor_open(t->ses->inst->st, t->sdb, cur_tree(t), &c))) {
            n = 1;
            for (err = store_cursor_seek(c, txn, t->key, t->klen, BT_SEEK_GT, NULL);
                 !err && (!crecMax || n < crecMax); err = store_cursor_next(c, txn)) {
                uint32_t bml = 0;
                if ((err = store_cursor_get(c, &k, &kl, &v, &vl))) break;
                if (is_secondary(t) && (err = tbl_sec_split(kl, v, vl, &bml))) break;
                if (range_excludes(t, k, kl - bml)) break;
                n++;
            }
            store_cursor_close(c);
            if (err == JET_errRecordNotFound || err == JET_errNoCurrentRecord) err = 0;
        }
    } else {
        err = JET_errNoCurrentRecord;
    }
    if (!err) *pcrec = n;
leave:
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- positions, secondary bookmarks, hints ------------------------------------ */

/* Counts the entries of the current index: *before those before the tree
 * key (key NULL: none), *total all of them.  Walks the index (ESE gives
 * estimates; exact counts are a valid estimate). */
static JET_ERR count_entries(struct jet_table *t, const uint8_t *key, uint32_t klen, uint32_t *before,
                             uint32_t *total)
{
    store_cursor *c;
    store_txn *txn = table_txn(t);
    const uint8_t *k, *v;
    uint32_t kl, vl, n = 0, lt = 0;
    JET_ERR err;

    if ((err = store_cursor_open(t->ses->inst->st, t->sdb, cur_tree(t), &c))) return err;
    for (err = store_cursor_first(c, txn); !err; err = store_cursor_next(c, txn)) {
        if ((err = store_cursor_get(c, &k, &kl, &v, &vl))) break;
        if (key && key_compare(k, kl, key, klen) < 0) lt++;
        n++;
    }
    store_cursor_close(c);
    if (err == JET_errNoCurrentRecord) err = 0;
    *before = lt;
    *total = n;
    return err;
}

JET_ERR JET_API JetGetRecordPosition(JET_SESID sesid, JET_TABLEID tableid, JET_RECPOS *precpos,
                                     JET_ULONG_ cbRecpos)
{
    struct jet_session *s;
    struct jet_table *t;
    uint32_t lt, total;
    JET_ERR err;

    TRACE("(%p, %p, %p, %lu)\n", (void *)sesid, (void *)tableid, (void *)precpos, (unsigned long)cbRecpos);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (!precpos || cbRecpos < sizeof(*precpos)) {
        err = JET_errInvalidParameter;
    } else if (!(err = resolve_pending(t)) && t->pos != POS_ON) {
        err = JET_errNoCurrentRecord;
    } else if (!err && !(err = count_entries(t, t->key, t->klen, &lt, &total))) {
        precpos->cbStruct = sizeof(*precpos);
        precpos->centriesLT = lt;
        precpos->centriesInRange = 1;
        precpos->centriesTotal = total;
    }
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGotoPosition(JET_SESID sesid, JET_TABLEID tableid, JET_RECPOS *precpos)
{
    struct jet_session *s;
    struct jet_table *t;
    uint32_t lt, total, target, i;
    JET_ERR err;

    TRACE("(%p, %p, %p)\n", (void *)sesid, (void *)tableid, (void *)precpos);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (!precpos || precpos->cbStruct != sizeof(*precpos) || precpos->centriesLT > precpos->centriesTotal ||
        !precpos->centriesTotal) {
        err = JET_errInvalidParameter;
        goto leave;
    }
    update_cancel(t);
    t->range = 0;
    if ((err = ensure_sc(t)) || (err = count_entries(t, NULL, 0, &lt, &total))) goto leave;
    if (!total) {
        t->pos = POS_BEFORE_FIRST;
        err = JET_errRecordNotFound;
        goto leave;
    }
    /* The same fraction of this index. */
    target = (uint32_t)((uint64_t)precpos->centriesLT * total / precpos->centriesTotal);
    if (target >= total) target = total - 1;
    err = landed(t, store_cursor_first(t->sc, table_txn(t)), 0);
    for (i = 0; i < target && !err; i++) err = step(t, 1);
    if (err == JET_errNoCurrentRecord) err = JET_errRecordNotFound;
leave:
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetCursorInfo(JET_SESID sesid, JET_TABLEID tableid, void *pvResult, JET_ULONG_ cbMax,
                                 JET_ULONG_ InfoLevel)
{
    struct jet_session *s;
    struct jet_table *t;
    const uint8_t *rec;
    uint32_t len;
    JET_ERR err;

    TRACE("(%p, %p, %p, %lu, %lu)\n", (void *)sesid, (void *)tableid, pvResult, (unsigned long)cbMax,
          (unsigned long)InfoLevel);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (cbMax || InfoLevel) err = JET_errInvalidParameter;
    else err = cursor_record(t, &rec, &len);
    if (err == JET_errRecordDeleted) err = JET_errNoCurrentRecord;
    /* Another session's uncommitted change of the record: a conflict, as
     * ESE reports it here (temporary tables are the session's own). */
    if (!err && !t->temp_flags &&
        store_key_changed_by_other(t->ses->inst->st, table_txn(t), t->sdb, t->sch.tab.data_root, t->bm, t->bmlen))
        err = JET_errWriteConflict;
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetSecondaryIndexBookmark(JET_SESID sesid, JET_TABLEID tableid, void *pvSecondaryKey,
                                             JET_ULONG_ cbSecondaryKeyMax, JET_ULONG_ *pcbSecondaryKeyActual,
                                             void *pvPrimaryBookmark, JET_ULONG_ cbPrimaryBookmarkMax,
                                             JET_ULONG_ *pcbPrimaryBookmarkActual, const JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err, e2;

    TRACE("(%p, %p, %p, %lu, %p, %p, %lu, %p, 0x%lx)\n", (void *)sesid, (void *)tableid, pvSecondaryKey,
          (unsigned long)cbSecondaryKeyMax, (void *)pcbSecondaryKeyActual, pvPrimaryBookmark,
          (unsigned long)cbPrimaryBookmarkMax, (void *)pcbPrimaryBookmarkActual, (unsigned long)grbit);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (grbit) {
        err = JET_errInvalidGrbit;
    } else if (!is_secondary(t)) {
        err = JET_errNoCurrentIndex;
    } else if (!(err = resolve_pending(t)) && t->pos != POS_ON && t->pos != POS_DELETED) {
        err = JET_errNoCurrentRecord;
    } else if (!err) {
        err = copy_out(t->key, entry_key_len(t), pvSecondaryKey, cbSecondaryKeyMax, pcbSecondaryKeyActual,
                       JET_errBufferTooSmall);
        e2 = copy_out(t->bm, t->bmlen, pvPrimaryBookmark, cbPrimaryBookmarkMax, pcbPrimaryBookmarkActual,
                      JET_errBufferTooSmall);
        if (!err) err = e2;
    }
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGotoSecondaryIndexBookmark(JET_SESID sesid, JET_TABLEID tableid, void *pvSecondaryKey,
                                              JET_ULONG_ cbSecondaryKey, void *pvPrimaryBookmark,
                                              JET_ULONG_ cbPrimaryBookmark, const JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    uint8_t key[KEY_BUF_MAX + TBL_BOOKMARK_MAX];
    int exact = 0;
    JET_ERR err;

    TRACE("(%p, %p, %p, %lu, %p, %lu, 0x%lx)\n", (void *)sesid, (void *)tableid, pvSecondaryKey,
          (unsigned long)cbSecondaryKey, pvPrimaryBookmark, (unsigned long)cbPrimaryBookmark,
          (unsigned long)grbit);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (grbit & ~(JET_GRBIT)JET_bitBookmarkPermitVirtualCurrency) {
        err = JET_errInvalidGrbit;
    } else if (!is_secondary(t)) {
        err = JET_errNoCurrentIndex;
    } else if (!pvSecondaryKey || !cbSecondaryKey || cbSecondaryKey > KEY_BUF_MAX ||
               !pvPrimaryBookmark || !cbPrimaryBookmark || cbPrimaryBookmark > TBL_BOOKMARK_MAX) {
        err = JET_errInvalidBookmark;
    } else {
        update_cancel(t);
        t->range = 0;
        memcpy(key, pvSecondaryKey, cbSecondaryKey);
        memcpy(key + cbSecondaryKey, pvPrimaryBookmark, cbPrimaryBookmark);
        if (!(err = ensure_sc(t))) {
            err = store_cursor_seek(t->sc, table_txn(t), key, cbSecondaryKey + cbPrimaryBookmark, BT_SEEK_GE,
                                    &exact);
            if (!err && exact) {
                err = take_entry(t);
            } else if (err == JET_errRecordNotFound || !err) {
                if (grbit & JET_bitBookmarkPermitVirtualCurrency) {
                    /* On the place the entry would be. */
                    memcpy(t->key, key, cbSecondaryKey + cbPrimaryBookmark);
                    t->klen = cbSecondaryKey + cbPrimaryBookmark;
                    memcpy(t->bm, pvPrimaryBookmark, cbPrimaryBookmark);
                    t->bmlen = cbPrimaryBookmark;
                    t->pos = POS_GAP;
                    t->rec_valid = 0;
                }
                err = JET_errRecordDeleted;
            }
        }
    }
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* Prefetch hints: the cache reads what it needs; nothing to do. */
JET_ERR JET_API JetSetTableSequential(JET_SESID sesid, JET_TABLEID tableid, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, 0x%lx)\n", (void *)sesid, (void *)tableid, (unsigned long)grbit);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (grbit & ~(JET_GRBIT)(JET_bitPrereadForward | JET_bitPrereadBackward)) err = JET_errInvalidGrbit;
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetResetTableSequential(JET_SESID sesid, JET_TABLEID tableid, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, 0x%lx)\n", (void *)sesid, (void *)tableid, (unsigned long)grbit);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (grbit) err = JET_errInvalidGrbit;
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetPrereadKeys(JET_SESID sesid, JET_TABLEID tableid, const void **rgpvKeys,
                               const JET_ULONG_ *rgcbKeys, JET_LONG_ ckeys, JET_LONG_ *pckeysPreread,
                               JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p, %p, %p, %ld, %p, 0x%lx)\n", (void *)sesid, (void *)tableid, (void *)rgpvKeys,
          (void *)rgcbKeys, (long)ckeys, (void *)pckeysPreread, (unsigned long)grbit);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (grbit & ~(JET_GRBIT)(JET_bitPrereadForward | JET_bitPrereadBackward)) err = JET_errInvalidGrbit;
    else if (ckeys < 0 || (ckeys && (!rgpvKeys || !rgcbKeys))) err = JET_errInvalidParameter;
    else if (pckeysPreread) *pckeysPreread = ckeys; /* a hint: every key counts as preread */
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetIndexRecordCount2(JET_SESID sesid, JET_TABLEID tableid, JET_UINT64_ *pcrec,
                                     JET_UINT64_ crecMax)
{
    JET_ULONG_ n = 0;
    JET_ERR err;
    TRACE("(%p, %p, %p, %llu)\n", (void *)sesid, (void *)tableid, (void *)pcrec, (unsigned long long)crecMax);
    if (!pcrec) err = JET_errInvalidParameter;
    else err = JetIndexRecordCount(sesid, tableid, &n, crecMax > 0xFFFFFFFFu ? 0 : (JET_ULONG_)crecMax);
    if (!err) *pcrec = n;
    TRACE("-> %ld\n", (long)err);
    return err;
}
