/*
 * retrieve.c - reading column values of the current record or of the copy
 * buffer: JetRetrieveColumn, JetRetrieveColumns, JetEnumerateColumns,
 * JetRetrieveTaggedColumnList, JetGetRecordSize(2).
 *
 * Every call reads one "source" (struct src): the cursor's current record
 * (cursor_record, a copy owned by the cursor), or with JET_bitRetrieveCopy
 * and a prepared update the copy buffer (t->rb).  As in ESE, RetrieveCopy
 * without a prepared update reads the current record.  Values come from
 * rec.h (rec_get, rec_count_values, rec_iter), which also supplies the
 * defaults of columns the record does not hold.  A separated long value
 * (RECF_SEPARATED_LV) is an 8-byte reference; its bytes are read from the
 * table's LV tree through the session's transaction (table_read_txn: a
 * temporary one at level 0), or for the copy buffer of a level-0 update
 * through the update's own transaction (t->prep_txn), which holds the LVs
 * the update made.
 *
 * ESE's rules (ese-engine-notes.md 3.6): a NULL value is JET_wrnColumnNull
 * with a size of 0; a short buffer gets the first cbData bytes,
 * JET_wrnBufferTruncated and the full size; for long values ibLongValue
 * skips that many bytes and the size is what remains after it; columnid 0
 * walks every tagged value of the record in column id order (a NULL
 * override shows as JET_wrnColumnSetNull).  Tagged defaults are returned
 * while a column is unset unless JET_bitRetrieveIgnoreDefault.
 *
 * JET_bitRetrieveFromIndex / FromPrimaryBookmark: ESE decodes a value from
 * the index entry when it can and otherwise reads the record; a column
 * that is not in that index's key is JET_errColumnNotFound.  We always
 * read the record (the documented fallback, which gives the same value),
 * after the same key-membership check.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "jet_table.h"
#include "lv.h"

DEFAULT_DEBUG_CHANNEL(esent);

/* JetRetrieveColumn(s) options.  0x08 is also the move hint
 * HintReserve1; LongId and LongValueRefCount are ESE's internal bits. */
#define RETRIEVE_GRBITS                                                                         \
    (JET_bitRetrieveCopy | JET_bitRetrieveFromIndex | JET_bitRetrieveFromPrimaryBookmark |     \
     JET_bitRetrieveTag | JET_bitRetrieveNull | JET_bitRetrieveIgnoreDefault |                 \
     JET_bitRetrieveLongId | JET_bitRetrieveLongValueRefCount | JET_bitRetrieveTuple)

#define ENUMERATE_GRBITS                                                                        \
    (JET_bitEnumerateCopy | JET_bitEnumerateIgnoreDefault | JET_bitEnumeratePresenceOnly |     \
     JET_bitEnumerateTaggedOnly | JET_bitEnumerateCompressOutput |                             \
     JET_bitEnumerateIgnoreUserDefinedDefault | JET_bitEnumerateInRecordOnly)

#define RECSIZE_GRBITS \
    (JET_bitRecordSizeInCopyBuffer | JET_bitRecordSizeRunningTotal | JET_bitRecordSizeLocal)

/* ESE's JET_RETRIEVEMULTIVALUECOUNT (JetRetrieveTaggedColumnList's
 * entries); not in the public header. */
struct tagcol_info {
    JET_COLUMNID columnid;
    unsigned short cMultiValues;
    unsigned short usFlags;
};
#define TAGCOL_LONG_VALUE 0x1u
#define TAGCOL_DEFAULT_VALUE 0x2u
#define TAGCOL_NULL_OVERRIDE 0x4u

/* ---- the source of a call's values ------------------------------------------ */

struct src {
    struct jet_table *t;
    const uint8_t *rec;
    uint32_t len;
    int copy;                  /* rec is the copy buffer */
    int opened;
    store_txn *txn;            /* LV reads; valid when txn_ready */
    store_txn *tmp;            /* a temporary transaction to abort */
    int txn_ready;
};

/* Opens the record a call reads: the copy buffer if asked for and an update
 * is prepared, else the current record (JET_errNoCurrentRecord,
 * JET_errRecordDeleted). */
static JET_ERR src_open(struct jet_table *t, int want_copy, struct src *src)
{
    JET_ERR err;
    memset(src, 0, sizeof(*src));
    src->t = t;
    if (want_copy && t->prepared) {
        assert(t->rb.buf && t->rb.len >= REC_HEADER);
        src->rec = t->rb.buf;
        src->len = t->rb.len;
        src->copy = 1;
        src->opened = 1;
        return 0;
    }
    if ((err = cursor_record(t, &src->rec, &src->len)) < 0) return err;
    src->opened = 1;
    return 0;
}

static void src_close(struct src *src)
{
    if (src->tmp) store_txn_abort(src->tmp);
    src->tmp = NULL;
    src->txn_ready = 0;
}

/* The transaction LV reads of this source go through. */
static JET_ERR src_lv_txn(struct src *src, store_txn **txn)
{
    JET_ERR err;
    if (!src->txn_ready) {
        if (src->copy && src->t->prep_txn) {
            src->txn = src->t->prep_txn;
        } else if ((err = table_read_txn(src->t, &src->txn, &src->tmp)) < 0) {
            return err;
        }
        src->txn_ready = 1;
    }
    *txn = src->txn;
    return 0;
}

/* ---- one value ------------------------------------------------------------------ */

/* A value found in a source. */
struct val {
    JET_COLUMNID columnid;
    uint32_t itag;
    const uint8_t *data;
    uint32_t cb;
    unsigned flags;            /* RECF_* */
    const struct rec_column *col;
};

static uint32_t min_u32(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

/* The full size of a value (a separated LV's from its reference). */
static uint32_t val_size(const struct val *v)
{
    uint32_t lid, size;
    if (v->flags & RECF_NULL) return 0;
    if (!(v->flags & RECF_SEPARATED_LV)) return v->cb;
    rec_lvref_decode(v->data, &lid, &size);
    return size;
}

/* Reads cb bytes of a separated LV from offset ib into out. */
static JET_ERR read_lv(struct src *src, const struct val *v, uint32_t ib, void *out, uint32_t cb)
{
    struct jet_table *t = src->t;
    store_txn *txn;
    uint32_t lid, size, got = 0;
    JET_ERR err;

    assert(v->flags & RECF_SEPARATED_LV);
    rec_lvref_decode(v->data, &lid, &size);
    if (!cb) return 0;
    if ((err = src_lv_txn(src, &txn)) < 0) return err;
    err = lv_read(txn, t->sdb, t->sch.tab.lv_root, lid, ib, out, cb, &got);
    if (err == JET_errRecordNotFound) return JET_errLVCorrupted;
    if (err < 0) return jet_error(err);
    return got == cb ? 0 : JET_errLVCorrupted;
}

/* Copies value v, from offset ib for long values, into (pv, cbdata):
 * 0, JET_wrnColumnNull or JET_wrnBufferTruncated; *actual gets the size
 * (what remains after ib for long values). */
static JET_ERR put_value(struct src *src, const struct val *v, uint32_t ib, void *pv,
                         uint32_t cbdata, uint32_t *actual)
{
    int is_long = v->col && (v->col->flags & REC_COL_LONG);
    uint32_t size, n;
    JET_ERR err;

    if (!pv) cbdata = 0;
    *actual = 0;
    if (v->flags & RECF_NULL) return JET_wrnColumnNull;
    size = val_size(v);
    if (!is_long) ib = 0;
    size = ib >= size ? 0 : size - ib;
    n = min_u32(size, cbdata);
    if (v->flags & RECF_SEPARATED_LV) {
        if ((err = read_lv(src, v, ib, pv, n)) < 0) return err;
    } else if (n) {
        memcpy(pv, v->data + ib, n);
    }
    *actual = size;
    return size > cbdata ? JET_wrnBufferTruncated : 0;
}

/* JET_bitRetrieveLongId / LongValueRefCount (ESE-internal): the LID of a
 * separated value, or its reference count (LVs are never shared here: 1);
 * anything else reads as NULL. */
static JET_ERR put_long_id(const struct val *v, JET_GRBIT grbit, void *pv, uint32_t cbdata,
                           uint32_t *actual)
{
    uint32_t lid, size, out;
    *actual = 0;
    if ((v->flags & RECF_NULL) || !(v->flags & RECF_SEPARATED_LV)) return JET_wrnColumnNull;
    rec_lvref_decode(v->data, &lid, &size);
    out = (grbit & JET_bitRetrieveLongId) ? lid : 1;
    *actual = sizeof(out);
    if (!pv) cbdata = 0;
    if (cbdata) memcpy(pv, &out, min_u32(cbdata, sizeof(out)));
    return cbdata < sizeof(out) ? JET_wrnBufferTruncated : 0;
}

/* The n-th (1-based) tagged value of the record over all tagged columns
 * (columnid 0).  *found 0 past the end; *count (may be NULL) gets the
 * number of values when n is 0. */
static JET_ERR nth_tagged(struct src *src, uint32_t n, JET_GRBIT grbit, struct val *v, int *found,
                          uint32_t *count)
{
    unsigned opts = REC_ITER_TAGGED_ONLY;
    struct rec_iter it;
    struct rec_value rv;
    uint32_t i = 0;
    int r;

    if (grbit & JET_bitRetrieveIgnoreDefault) opts |= REC_ITER_NO_DEFAULTS;
    *found = 0;
    if ((r = rec_iter_init(&it, src->rec, src->len, &src->t->sch.rs, opts)) < 0) return r;
    while ((r = rec_iter_next(&it, &rv)) > 0) {
        if (++i != n) continue;
        v->columnid = rv.columnid;
        v->itag = rv.itag;
        v->data = rv.data;
        v->cb = rv.cb;
        v->flags = rv.flags;
        v->col = rv.column;
        *found = 1;
        return 0;
    }
    if (r < 0) return r;
    if (count) *count = i;
    return 0;
}

/* Whether column id is in the key of the index JET_bitRetrieveFromIndex /
 * FromPrimaryBookmark names: JET_errColumnNotFound if not. */
static JET_ERR check_from_index(struct jet_table *t, JET_COLUMNID id, JET_GRBIT grbit)
{
    const struct tbl_index *ix;
    uint32_t i;
    int slot;

    if (!(grbit & (JET_bitRetrieveFromIndex | JET_bitRetrieveFromPrimaryBookmark))) return 0;
    slot = (grbit & JET_bitRetrieveFromPrimaryBookmark) ? t->sch.primary : t->cur;
    if (slot < 0 || (uint32_t)slot >= t->sch.nidx) return JET_errColumnNotFound;
    ix = &t->sch.idx[slot];
    if ((grbit & JET_bitRetrieveFromIndex) && (ix->ci.grbit & JET_bitIndexTuples))
        return JET_errIndexTuplesCannotRetrieveFromIndex;
    for (i = 0; i < ix->ci.nsegs; i++)
        if (ix->ci.segs[i].columnid == id) return 0;
    return JET_errColumnNotFound;
}

/* Finds value itag of column id (id != 0). */
static JET_ERR find_value(struct src *src, JET_COLUMNID id, uint32_t itag, JET_GRBIT grbit,
                          struct val *v)
{
    const struct rec_schema *rs = &src->t->sch.rs;
    JET_ERR err;

    memset(v, 0, sizeof(*v));
    v->columnid = id;
    v->itag = itag;
    if ((err = rec_schema_find(rs, id, &v->col)) < 0) return err;
    err = rec_get(src->rec, src->len, rs, id, itag, &v->data, &v->cb, &v->flags);
    if (err < 0) return err;
    if (err == JET_wrnColumnNull) v->flags |= RECF_NULL;
    /* IgnoreDefault: an unset tagged column is NULL, not its default. */
    if ((v->flags & RECF_DEFAULT) && (grbit & JET_bitRetrieveIgnoreDefault) &&
        (v->col->flags & REC_COL_TAGGED)) {
        v->flags = RECF_NULL;
        v->data = NULL;
        v->cb = 0;
    }
    return 0;
}

static JET_ERR check_retrieve_grbit(JET_GRBIT grbit)
{
    if (grbit & ~(JET_GRBIT)RETRIEVE_GRBITS) return JET_errInvalidGrbit;
    if ((grbit & JET_bitRetrieveFromIndex) && (grbit & JET_bitRetrieveFromPrimaryBookmark))
        return JET_errInvalidGrbit;
    if ((grbit & JET_bitRetrieveTuple) && !(grbit & JET_bitRetrieveFromIndex))
        return JET_errInvalidGrbit;
    if ((grbit & JET_bitRetrieveLongId) && (grbit & JET_bitRetrieveLongValueRefCount))
        return JET_errInvalidGrbit;
    return 0;
}

/* What one retrieval asks for and gets (JetRetrieveColumn and one
 * JET_RETRIEVECOLUMN). */
struct retr {
    JET_COLUMNID columnid;
    uint32_t itag, ib;
    JET_GRBIT grbit;
    void *pv;
    uint32_t cbdata;
    uint32_t actual;           /* out */
    JET_COLUMNID next_tagged;  /* out: the column the value came from */
    uint32_t itag_out;         /* out: its itagSequence */
};

/* One value into r: 0 or a warning (JET_wrnColumnNull, JET_wrnBufferTruncated,
 * JET_wrnColumnSetNull), or an error. */
static JET_ERR retrieve_one(struct src *src, struct retr *r)
{
    struct val v;
    int found;
    JET_ERR err;

    r->actual = 0;
    r->next_tagged = 0;
    r->itag_out = r->itag;
    if (!r->itag) return JET_errBadItagSequence;
    if (r->columnid == 0) {
        if ((err = nth_tagged(src, r->itag, r->grbit, &v, &found, NULL)) < 0) return err;
        if (!found) return JET_wrnColumnNull;
        r->next_tagged = v.columnid;
        r->itag_out = v.itag;
        if (v.flags & RECF_NULL) return JET_wrnColumnSetNull;
    } else {
        if ((err = find_value(src, r->columnid, r->itag, r->grbit, &v)) < 0) return err;
        r->next_tagged = r->columnid;
    }
    if (r->grbit & (JET_bitRetrieveLongId | JET_bitRetrieveLongValueRefCount))
        return put_long_id(&v, r->grbit, r->pv, r->cbdata, &r->actual);
    return put_value(src, &v, r->ib, r->pv, r->cbdata, &r->actual);
}

/* ---- JetRetrieveColumn -------------------------------------------------------------- */

#define RETRIEVE_GENERAL 1 /* retrieve_plain: not handled, take the general path */

/* Performance: the most common call (the first value of column
 * r->columnid, which exists, from the current record, no options and no
 * JET_RETINFO) without the source and value machinery: what src_open,
 * retrieve_one and put_value do for it, in the same order.  A separated
 * long value goes the general way (RETRIEVE_GENERAL), which reads it
 * through a transaction. */
static JET_ERR retrieve_plain(struct jet_table *t, struct retr *r)
{
    const uint8_t *rec, *data;
    uint32_t len, cb, n;
    unsigned flags;
    JET_ERR err;

    r->actual = 0;
    r->next_tagged = r->columnid;
    r->itag_out = 1;
    if ((err = cursor_record(t, &rec, &len)) < 0) return err;
    if ((err = rec_get(rec, len, &t->sch.rs, r->columnid, 1, &data, &cb, &flags)) < 0) return err;
    if (flags & RECF_SEPARATED_LV) return RETRIEVE_GENERAL;
    if (err == JET_wrnColumnNull || (flags & RECF_NULL)) return JET_wrnColumnNull;
    n = r->pv ? min_u32(cb, r->cbdata) : 0;
    if (n) memcpy(r->pv, data, n);
    r->actual = cb;
    return cb > n ? JET_wrnBufferTruncated : 0;
}

static JET_ERR retrieve_column(JET_SESID sesid, JET_TABLEID tableid, struct retr *r,
                               JET_RETINFO *pretinfo)
{
    struct jet_session *s;
    struct jet_table *t;
    const struct rec_column *col;
    struct src src;
    JET_ERR err;

    if ((err = table_enter(sesid, tableid, &s, &t))) return err;
    if ((err = check_retrieve_grbit(r->grbit)) < 0) goto done;
    if (pretinfo && pretinfo->cbStruct < sizeof(JET_RETINFO)) {
        err = JET_errInvalidParameter;
        goto done;
    }
    if (pretinfo) {
        r->itag = pretinfo->itagSequence;
        r->ib = pretinfo->ibLongValue;
    }
    if (r->columnid && (err = rec_schema_find(&t->sch.rs, r->columnid, &col)) < 0) goto done;
    if (r->columnid && !r->grbit && !pretinfo && (err = retrieve_plain(t, r)) != RETRIEVE_GENERAL) goto done;
    if (r->columnid && (err = check_from_index(t, r->columnid, r->grbit)) < 0) goto done;
    if ((err = src_open(t, !!(r->grbit & JET_bitRetrieveCopy), &src)) < 0) goto done;
    err = retrieve_one(&src, r);
    src_close(&src);
    if (err >= 0 && pretinfo) {
        pretinfo->columnidNextTagged = r->next_tagged;
        if (r->grbit & JET_bitRetrieveTag) pretinfo->itagSequence = r->itag_out;
    }
done:
    session_leave(s);
    return err;
}

JET_ERR JET_API JetRetrieveColumn(JET_SESID sesid, JET_TABLEID tableid, JET_COLUMNID columnid,
                                  void *pvData, JET_ULONG_ cbData, JET_ULONG_ *pcbActual,
                                  JET_GRBIT grbit, JET_RETINFO *pretinfo)
{
    struct retr r;
    JET_ERR err;

    TRACE("(%p, %p, %lu, %p, %lu, %p, 0x%lx, %p)\n", (void *)sesid, (void *)tableid,
          (unsigned long)columnid, pvData, (unsigned long)cbData, pcbActual, (unsigned long)grbit,
          pretinfo);
    memset(&r, 0, sizeof(r));
    r.columnid = columnid;
    r.itag = 1;
    r.grbit = grbit;
    r.pv = pvData;
    r.cbdata = cbData;
    err = retrieve_column(sesid, tableid, &r, pretinfo);
    if (err >= 0 && pcbActual) *pcbActual = r.actual;
    TRACE("-> %ld (cbActual %lu)\n", (long)err, (unsigned long)r.actual);
    return err;
}

/* ---- JetRetrieveColumns ----------------------------------------------------------- */

/* The number of values itagSequence 0 asks for. */
static JET_ERR count_values(struct src *src, JET_COLUMNID id, JET_GRBIT grbit, uint32_t *count)
{
    const struct rec_column *col;
    struct val v;
    int found;
    JET_ERR err;

    if (!id) return nth_tagged(src, 0, grbit, &v, &found, count);
    if ((err = rec_schema_find(&src->t->sch.rs, id, &col)) < 0) return err;
    if ((err = rec_count_values(src->rec, src->len, &src->t->sch.rs, id, count)) < 0) return err;
    if (*count == 1 && (grbit & JET_bitRetrieveIgnoreDefault) && (col->flags & REC_COL_TAGGED)) {
        if ((err = find_value(src, id, 1, grbit, &v)) < 0) return err;
        if (v.flags & RECF_NULL) *count = 0;
    }
    return 0;
}

/* One JET_RETRIEVECOLUMN; srcs[0] reads the record, srcs[1] the copy
 * buffer, each opened when first needed. */
static JET_ERR retrieve_entry(struct jet_table *t, struct src srcs[2], JET_RETRIEVECOLUMN *rc)
{
    int copy = (rc->grbit & JET_bitRetrieveCopy) && t->prepared;
    struct src *src = &srcs[copy];
    struct retr r;
    JET_ERR err;

    if ((err = check_retrieve_grbit(rc->grbit)) < 0) return err;
    if (rc->columnid) {
        const struct rec_column *col;
        if ((err = rec_schema_find(&t->sch.rs, rc->columnid, &col)) < 0) return err;
        if ((err = check_from_index(t, rc->columnid, rc->grbit)) < 0) return err;
    }
    if (!src->opened && (err = src_open(t, copy, src)) < 0) return err;
    if (rc->itagSequence == 0) {
        uint32_t n = 0;
        if ((err = count_values(src, rc->columnid, rc->grbit, &n)) < 0) return err;
        rc->itagSequence = n;
        rc->cbActual = 0;
        rc->columnidNextTagged = rc->columnid;
        rc->err = JET_errSuccess;
        return 0;
    }
    memset(&r, 0, sizeof(r));
    r.columnid = rc->columnid;
    r.itag = rc->itagSequence;
    r.ib = rc->ibLongValue;
    r.grbit = rc->grbit;
    r.pv = rc->pvData;
    r.cbdata = rc->cbData;
    if ((err = retrieve_one(src, &r)) < 0) return err;
    rc->cbActual = r.actual;
    rc->columnidNextTagged = r.next_tagged;
    if (rc->grbit & JET_bitRetrieveTag) rc->itagSequence = r.itag_out;
    rc->err = err;
    return err;
}

static JET_ERR retrieve_columns(JET_SESID sesid, JET_TABLEID tableid, JET_RETRIEVECOLUMN *rcs,
                                unsigned long n)
{
    struct jet_session *s;
    struct jet_table *t;
    struct src srcs[2];
    int truncated = 0;
    unsigned long i;
    JET_ERR err = 0;

    if ((err = table_enter(sesid, tableid, &s, &t))) return err;
    memset(srcs, 0, sizeof(srcs));
    if (n && !rcs) err = JET_errInvalidParameter;
    for (i = 0; err >= 0 && i < n; i++) {
        err = retrieve_entry(t, srcs, &rcs[i]);
        if (err == JET_wrnBufferTruncated) truncated = 1;
    }
    src_close(&srcs[0]);
    src_close(&srcs[1]);
    session_leave(s);
    if (err < 0) return err;
    return truncated ? JET_wrnBufferTruncated : JET_errSuccess;
}

JET_ERR JET_API JetRetrieveColumns(JET_SESID sesid, JET_TABLEID tableid,
                                   JET_RETRIEVECOLUMN *pretrievecolumn, JET_ULONG_ cretrievecolumn)
{
    JET_ERR err;
    TRACE("(%p, %p, %p, %lu)\n", (void *)sesid, (void *)tableid, pretrievecolumn,
          (unsigned long)cretrievecolumn);
    err = retrieve_columns(sesid, tableid, pretrievecolumn, cretrievecolumn);
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- JetEnumerateColumns ------------------------------------------------------------- */

/* The output being built, in memory from the caller's allocator. */
struct enum_out {
    JET_PFNREALLOC realloc_fn;
    void *ctx;
    JET_ENUMCOLUMN *cols;
    uint32_t n, cap;
    uint32_t cbmost;           /* cbDataMost */
    JET_GRBIT grbit;
    /* The values of the column being enumerated, gathered in our own
     * memory (their data in the caller's) until the column is finished:
     * only then is it known whether the column gets a value array, so
     * the caller's allocator is never asked to free on success (ESE does
     * not either; .NET allocators may fail a free through realloc). */
    JET_ENUMCOLUMNVALUE *vals;
    uint32_t nvals, vcap;
};

static void *ealloc(struct enum_out *o, void *p, size_t cb)
{
    if (cb > 0xFFFFFFFFu) return NULL;
    return o->realloc_fn(o->ctx, p, (JET_ULONG_)cb);
}

static void efree(struct enum_out *o, void *p)
{
    if (p) o->realloc_fn(o->ctx, p, 0);
}

/* Frees everything (failure). */
static void enum_free(struct enum_out *o)
{
    uint32_t i, j;
    for (i = 0; i < o->n; i++) {
        JET_ENUMCOLUMN *c = &o->cols[i];
        if (c->err == JET_wrnColumnSingleValue) {
            efree(o, c->pvData);
            continue;
        }
        for (j = 0; j < c->cEnumColumnValue; j++) efree(o, c->rgEnumColumnValue[j].pvData);
        efree(o, c->rgEnumColumnValue);
    }
    efree(o, o->cols);
    o->cols = NULL;
    o->n = o->cap = 0;
    for (j = 0; j < o->nvals; j++) efree(o, o->vals[j].pvData);
    o->nvals = 0;
}

/* A new output column (zeroed). */
static JET_ERR enum_add_column(struct enum_out *o, JET_COLUMNID id, JET_ENUMCOLUMN **out)
{
    if (o->n == o->cap) {
        uint32_t cap = o->cap ? o->cap * 2 : 8;
        JET_ENUMCOLUMN *c = ealloc(o, o->cols, (size_t)cap * sizeof(*c));
        if (!c) return JET_errOutOfMemory;
        o->cols = c;
        o->cap = cap;
    }
    *out = &o->cols[o->n++];
    memset(*out, 0, sizeof(**out));
    (*out)->columnid = id;
    return 0;
}

/* The value's data (cbDataMost applies to separated LVs) into memory of
 * the caller's allocator: *err gets 0 or JET_wrnColumnTruncated. */
static JET_ERR enum_copy_value(struct enum_out *o, struct src *src, const struct val *v, void **pv,
                               JET_ULONG_ *cb, JET_ERR *status)
{
    uint32_t size = val_size(v), actual;
    JET_ERR err;

    *pv = NULL;
    *cb = 0;
    *status = 0;
    if ((v->flags & RECF_SEPARATED_LV) && size > o->cbmost) {
        size = o->cbmost;
        *status = JET_wrnColumnTruncated;
    }
    if (!size) return 0;
    if (!(*pv = ealloc(o, NULL, size))) return JET_errOutOfMemory;
    err = put_value(src, v, 0, *pv, size, &actual);
    if (err < 0) {
        efree(o, *pv);
        *pv = NULL;
        return err;
    }
    *cb = size;
    return 0;
}

/* Appends value v (or a status-only slot) to the current column's values. */
static JET_ERR enum_add_value(struct enum_out *o, struct src *src, uint32_t itag, const struct val *v,
                              JET_ERR status)
{
    JET_ENUMCOLUMNVALUE *ev;
    JET_ERR err;

    if (o->nvals == o->vcap) {
        uint32_t cap = o->vcap ? o->vcap * 2 : 8;
        JET_ENUMCOLUMNVALUE *vals = realloc(o->vals, (size_t)cap * sizeof(*vals));
        if (!vals) return JET_errOutOfMemory;
        o->vals = vals;
        o->vcap = cap;
    }
    ev = &o->vals[o->nvals];
    memset(ev, 0, sizeof(*ev));
    ev->itagSequence = itag;
    ev->err = status;
    if (!status && v) {
        if (v->flags & RECF_NULL) {
            ev->err = JET_wrnColumnNull;
        } else if (o->grbit & JET_bitEnumeratePresenceOnly) {
            ev->err = JET_wrnColumnPresent;
        } else if ((err = enum_copy_value(o, src, v, &ev->pvData, &ev->cbData, &ev->err)) < 0) {
            return err;
        }
    }
    o->nvals++;
    return 0;
}

/* Gives column c the values gathered for it.  summarize (all values of the
 * column were asked for): all NULL is JET_wrnColumnNull without values,
 * JET_bitEnumeratePresenceOnly gives JET_wrnColumnPresent, and with
 * JET_bitEnumerateCompressOutput a single value goes into the column
 * itself (JET_wrnColumnSingleValue). */
static JET_ERR enum_finish_column(struct enum_out *o, JET_ENUMCOLUMN *c, int summarize)
{
    JET_ENUMCOLUMNVALUE *v = o->vals;
    uint32_t i, nonnull = 0;

    if (summarize) {
        for (i = 0; i < o->nvals; i++) nonnull += v[i].err != JET_wrnColumnNull;
        if (!nonnull) {
            c->err = JET_wrnColumnNull;
            o->nvals = 0;
            return 0;
        }
        if (o->grbit & JET_bitEnumeratePresenceOnly) {
            c->err = JET_wrnColumnPresent;
            o->nvals = 0;
            return 0;
        }
        if ((o->grbit & JET_bitEnumerateCompressOutput) && o->nvals == 1 && v[0].err == JET_errSuccess) {
            c->err = JET_wrnColumnSingleValue;
            c->cbData = v[0].cbData;
            c->pvData = v[0].pvData;
            o->nvals = 0;
            return 0;
        }
    }
    if (!o->nvals) return 0;
    if (!(c->rgEnumColumnValue = ealloc(o, NULL, (size_t)o->nvals * sizeof(*v)))) return JET_errOutOfMemory;
    memcpy(c->rgEnumColumnValue, v, (size_t)o->nvals * sizeof(*v));
    c->cEnumColumnValue = o->nvals;
    o->nvals = 0;
    return 0;
}

/* All values of the record (cEnumColumnId 0). */
static JET_ERR enum_all(struct enum_out *o, struct src *src)
{
    unsigned opts = 0;
    JET_ENUMCOLUMN *c = NULL;
    struct rec_iter it;
    struct rec_value rv;
    JET_ERR err;
    int r;

    if (o->grbit & JET_bitEnumerateTaggedOnly) opts |= REC_ITER_TAGGED_ONLY;
    if (o->grbit & JET_bitEnumerateIgnoreDefault) opts |= REC_ITER_NO_DEFAULTS;
    if ((r = rec_iter_init(&it, src->rec, src->len, &src->t->sch.rs, opts)) < 0) return r;
    while ((r = rec_iter_next(&it, &rv)) > 0) {
        struct val v = { rv.columnid, rv.itag, rv.data, rv.cb, rv.flags, rv.column };
        if (!c || c->columnid != rv.columnid) {
            if (c && (err = enum_finish_column(o, c, 1)) < 0) return err;
            if ((err = enum_add_column(o, rv.columnid, &c)) < 0) return err;
        }
        if ((err = enum_add_value(o, src, rv.itag, &v, 0)) < 0) return err;
    }
    if (r < 0) return r;
    return c ? enum_finish_column(o, c, 1) : 0;
}

/* One requested column; *first_err keeps the first bad column's error. */
static JET_ERR enum_one(struct enum_out *o, struct src *src, const JET_ENUMCOLUMNID *req,
                        JET_ERR *first_err)
{
    JET_ENUMCOLUMN *c;
    struct val v;
    uint32_t i, n;
    JET_ERR err;

    if ((err = enum_add_column(o, req->columnid, &c)) < 0) return err;
    if (!req->columnid) {
        c->err = JET_wrnColumnSkipped;
        return 0;
    }
    if ((err = find_value(src, req->columnid, 1, o->grbit, &v)) < 0) {
        if (err != JET_errBadColumnId && err != JET_errColumnNotFound) return err;
        c->err = err;
        if (!*first_err) *first_err = err;
        return 0;
    }
    if (req->ctagSequence) {
        for (i = 0; i < req->ctagSequence; i++) {
            uint32_t itag = req->rgtagSequence[i];
            if (!itag) {
                err = enum_add_value(o, src, 0, NULL, JET_wrnColumnSkipped);
            } else if ((err = find_value(src, req->columnid, itag, o->grbit, &v)) >= 0) {
                err = enum_add_value(o, src, itag, &v, 0);
            }
            if (err < 0) return err;
        }
        return enum_finish_column(o, c, 0);
    }
    if ((err = count_values(src, req->columnid, o->grbit, &n)) < 0) return err;
    for (i = 1; i <= n; i++) {
        if ((err = find_value(src, req->columnid, i, o->grbit, &v)) < 0) return err;
        if ((err = enum_add_value(o, src, i, &v, 0)) < 0) return err;
    }
    return enum_finish_column(o, c, 1);
}

static JET_ERR check_enumerate_args(unsigned long cids, const JET_ENUMCOLUMNID *ids,
                                    JET_ULONG_ *pcount, JET_ENUMCOLUMN **pcols,
                                    JET_PFNREALLOC fn, JET_GRBIT grbit)
{
    unsigned long i;
    if (!pcount || !pcols || !fn) return JET_errInvalidParameter;
    if (grbit & ~(JET_GRBIT)ENUMERATE_GRBITS) return JET_errInvalidGrbit;
    if (cids && (grbit & JET_bitEnumerateTaggedOnly)) return JET_errInvalidGrbit;
    if (cids && !ids) return JET_errInvalidParameter;
    for (i = 0; i < cids; i++)
        if (ids[i].ctagSequence && !ids[i].rgtagSequence) return JET_errInvalidParameter;
    return 0;
}

static JET_ERR enumerate_columns(JET_SESID sesid, JET_TABLEID tableid, unsigned long cids,
                                 JET_ENUMCOLUMNID *ids, JET_ULONG_ *pcount, JET_ENUMCOLUMN **pcols,
                                 JET_PFNREALLOC fn, void *ctx, unsigned long cbmost, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    struct enum_out o;
    struct src src;
    JET_ERR err, bad = 0;
    unsigned long i;

    if (pcount) *pcount = 0;
    if (pcols) *pcols = NULL;
    if ((err = table_enter(sesid, tableid, &s, &t))) return err;
    if ((err = check_enumerate_args(cids, ids, pcount, pcols, fn, grbit)) < 0) goto done;
    if ((err = src_open(t, !!(grbit & JET_bitEnumerateCopy), &src)) < 0) goto done;
    memset(&o, 0, sizeof(o));
    o.realloc_fn = fn;
    o.ctx = ctx;
    o.cbmost = cbmost;
    o.grbit = grbit;
    if (!cids) err = enum_all(&o, &src);
    for (i = 0; i < cids && err >= 0; i++) err = enum_one(&o, &src, &ids[i], &bad);
    src_close(&src);
    if (err < 0) enum_free(&o);
    free(o.vals);
    if (err < 0) goto done;
    *pcount = o.n;
    *pcols = o.cols;
    err = bad;
done:
    session_leave(s);
    return err;
}

JET_ERR JET_API JetEnumerateColumns(JET_SESID sesid, JET_TABLEID tableid, JET_ULONG_ cEnumColumnId,
                                    JET_ENUMCOLUMNID *rgEnumColumnId, JET_ULONG_ *pcEnumColumn,
                                    JET_ENUMCOLUMN **prgEnumColumn, JET_PFNREALLOC pfnRealloc,
                                    void *pvReallocContext, JET_ULONG_ cbDataMost, JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, %p, %lu, %p, %p, %p, %p, %p, %lu, 0x%lx)\n", (void *)sesid, (void *)tableid,
          (unsigned long)cEnumColumnId, rgEnumColumnId, pcEnumColumn, prgEnumColumn,
          (void *)(size_t)pfnRealloc, pvReallocContext, (unsigned long)cbDataMost,
          (unsigned long)grbit);
    err = enumerate_columns(sesid, tableid, cEnumColumnId, rgEnumColumnId, pcEnumColumn,
                            prgEnumColumn, pfnRealloc, pvReallocContext, cbDataMost, grbit);
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- JetRetrieveTaggedColumnList ---------------------------------------------------- */

/* The tagged columns of the record from columnid start on (defaults too
 * unless JET_bitRetrieveIgnoreDefault), at most max entries into out
 * (out NULL: count only). */
static JET_ERR tagged_list(struct src *src, JET_COLUMNID start, JET_GRBIT grbit,
                           struct tagcol_info *out, uint32_t max, uint32_t *count)
{
    unsigned opts = REC_ITER_TAGGED_ONLY;
    struct tagcol_info *cur = NULL;
    struct rec_iter it;
    struct rec_value rv;
    uint32_t n = 0;
    int r;

    if (grbit & JET_bitRetrieveIgnoreDefault) opts |= REC_ITER_NO_DEFAULTS;
    if (start < REC_TAGGED_FIRST || start > REC_TAGGED_LAST) start = 0;
    if ((r = rec_iter_init(&it, src->rec, src->len, &src->t->sch.rs, opts)) < 0) return r;
    while ((r = rec_iter_next(&it, &rv)) > 0) {
        if (rv.columnid < start) continue;
        if (rv.itag > 1) {
            assert(n > 0);
            if (cur) cur->cMultiValues++;
            continue;
        }
        if (out && n == max) break;
        cur = out ? &out[n] : NULL;
        n++;
        if (!cur) continue;
        cur->columnid = rv.columnid;
        cur->cMultiValues = 1;
        cur->usFlags = 0;
        if (rv.column && (rv.column->flags & REC_COL_LONG)) cur->usFlags |= TAGCOL_LONG_VALUE;
        if (rv.flags & RECF_DEFAULT) cur->usFlags |= TAGCOL_DEFAULT_VALUE;
        if (rv.flags & RECF_NULL) cur->usFlags |= TAGCOL_NULL_OVERRIDE;
    }
    if (r < 0) return r;
    *count = n;
    return 0;
}

static JET_ERR retrieve_tagged_list(JET_SESID sesid, JET_TABLEID tableid, JET_ULONG_ *pcColumns,
                                    void *pv, unsigned long cb, JET_COLUMNID start, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    struct src src;
    uint32_t n = 0;
    JET_ERR err;

    if ((err = table_enter(sesid, tableid, &s, &t))) return err;
    if (!pcColumns) err = JET_errInvalidParameter;
    else if (grbit & ~(JET_GRBIT)(JET_bitRetrieveCopy | JET_bitRetrieveIgnoreDefault)) err = JET_errInvalidGrbit;
    else if ((err = src_open(t, !!(grbit & JET_bitRetrieveCopy), &src)) >= 0) {
        err = tagged_list(&src, start, grbit, pv, cb / sizeof(struct tagcol_info), &n);
        src_close(&src);
        if (err >= 0) *pcColumns = n;
    }
    session_leave(s);
    return err;
}

JET_ERR JET_API JetRetrieveTaggedColumnList(JET_SESID sesid, JET_TABLEID tableid, JET_ULONG_ *pcColumns,
                                            void *pvData, JET_ULONG_ cbData, JET_COLUMNID columnidStart,
                                            JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, %p, %p, %p, %lu, %lu, 0x%lx)\n", (void *)sesid, (void *)tableid, pcColumns, pvData,
          (unsigned long)cbData, (unsigned long)columnidStart, (unsigned long)grbit);
    err = retrieve_tagged_list(sesid, tableid, pcColumns, pvData, cbData, columnidStart, grbit);
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- JetGetRecordSize(2) -------------------------------------------------------------- */

/* The counts of JET_RECSIZE2 (JET_RECSIZE is its prefix). */
static JET_ERR record_size(struct src *src, uint32_t keylen, int local, JET_RECSIZE2 *rs)
{
    uint32_t chunk = lv_chunk_size(store_db_page_size(src->t->sdb));
    JET_COLUMNID last_tagged = 0;
    uint64_t data = 0;
    struct rec_iter it;
    struct rec_value rv;
    int r;

    memset(rs, 0, sizeof(*rs));
    if ((r = rec_iter_init(&it, src->rec, src->len, &src->t->sch.rs, REC_ITER_NO_DEFAULTS)) < 0) return r;
    while ((r = rec_iter_next(&it, &rv)) > 0) {
        if (rv.flags & RECF_NULL) continue;
        if (rv.columnid < REC_TAGGED_FIRST) rs->cNonTaggedColumns++;
        else if (rv.columnid != last_tagged) rs->cTaggedColumns++;
        else rs->cMultiValues++;
        if (rv.columnid >= REC_TAGGED_FIRST) last_tagged = rv.columnid;
        if (!(rv.flags & RECF_SEPARATED_LV)) {
            data += rv.cb;
        } else if (!local) {
            uint32_t lid, size;
            rec_lvref_decode(rv.data, &lid, &size);
            rs->cLongValues++;
            rs->cbLongValueData += size;
            /* The root record and one key per chunk (lv.h). */
            rs->cbLongValueOverhead += LV_KEY_ROOT + LV_ROOT_LEN + (uint64_t)LV_KEY_CHUNK * ((size + chunk - 1) / chunk);
        }
    }
    if (r < 0) return r;
    rs->cbData = data;
    rs->cbOverhead = (src->len > data ? src->len - data : 0) + keylen;
    rs->cbDataCompressed = rs->cbData;
    rs->cbLongValueDataCompressed = rs->cbLongValueData;
    return 0;
}

static void recsize_add(JET_RECSIZE2 *acc, const JET_RECSIZE2 *r)
{
    acc->cbData += r->cbData;
    acc->cbLongValueData += r->cbLongValueData;
    acc->cbOverhead += r->cbOverhead;
    acc->cbLongValueOverhead += r->cbLongValueOverhead;
    acc->cNonTaggedColumns += r->cNonTaggedColumns;
    acc->cTaggedColumns += r->cTaggedColumns;
    acc->cLongValues += r->cLongValues;
    acc->cMultiValues += r->cMultiValues;
    acc->cCompressedColumns += r->cCompressedColumns;
    acc->cbDataCompressed += r->cbDataCompressed;
    acc->cbLongValueDataCompressed += r->cbLongValueDataCompressed;
}

/* size2: the caller's structure is a JET_RECSIZE2 (else a JET_RECSIZE). */
static JET_ERR get_record_size(JET_SESID sesid, JET_TABLEID tableid, void *out, int size2,
                               JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_RECSIZE2 rs, acc;
    size_t outsize = size2 ? sizeof(JET_RECSIZE2) : sizeof(JET_RECSIZE);
    struct src src;
    uint32_t keylen;
    JET_ERR err;

    if ((err = table_enter(sesid, tableid, &s, &t))) return err;
    if (!out) {
        err = JET_errInvalidParameter;
    } else if (grbit & ~(JET_GRBIT)RECSIZE_GRBITS) {
        err = JET_errInvalidGrbit;
    } else if ((grbit & JET_bitRecordSizeInCopyBuffer) && !t->prepared) {
        err = JET_errNoCurrentRecord;
    } else if ((err = src_open(t, !!(grbit & JET_bitRecordSizeInCopyBuffer), &src)) >= 0) {
        /* The key: the record's bookmark; an insert's key is not made yet. */
        keylen = src.copy ? t->prep_bmlen : t->bmlen;
        err = record_size(&src, keylen, !!(grbit & JET_bitRecordSizeLocal), &rs);
        src_close(&src);
        if (err >= 0) {
            memset(&acc, 0, sizeof(acc));
            if (grbit & JET_bitRecordSizeRunningTotal) memcpy(&acc, out, outsize);
            recsize_add(&acc, &rs);
            memcpy(out, &acc, outsize);
        }
    }
    session_leave(s);
    return err;
}

JET_ERR JET_API JetGetRecordSize(JET_SESID sesid, JET_TABLEID tableid, JET_RECSIZE *precsize,
                                 const JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, %p, %p, 0x%lx)\n", (void *)sesid, (void *)tableid, precsize, (unsigned long)grbit);
    err = get_record_size(sesid, tableid, precsize, 0, grbit);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetRecordSize2(JET_SESID sesid, JET_TABLEID tableid, JET_RECSIZE2 *precsize,
                                  const JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, %p, %p, 0x%lx)\n", (void *)sesid, (void *)tableid, precsize, (unsigned long)grbit);
    err = get_record_size(sesid, tableid, precsize, 1, grbit);
    TRACE("-> %ld\n", (long)err);
    return err;
}
