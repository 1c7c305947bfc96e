/*
 * rec_build.c - the record builder (rec.h): the copy buffer of a prepared
 * update, a well-formed record edited in place in the caller's buffer.
 *
 * Every change first checks its arguments and computes how many bytes it
 * adds, refuses with JET_errRecordTooBig if the result would exceed the
 * buffer, and only then edits; so a failed change leaves the record as it
 * was, and a successful one leaves it well formed (the primitives below
 * keep every offset table consistent).  Edits are splices: open or close a
 * gap at an offset by moving the tail of the record, then fix the offsets
 * that point past it.  While a primitive runs the record is briefly
 * inconsistent, so primitives never re-parse it midway: they take the
 * offsets they need (struct tpos) before the first splice.
 *
 * The buffer always holds a record that passed rec_validate (it was loaded
 * through it, or made here), so the parsers' errors cannot happen here;
 * they are asserted.
 */
#include <assert.h>
#include <string.h>

#include "rec_int.h"

#define SET_GRBITS                                                                         \
    (JET_bitSetAppendLV | JET_bitSetOverwriteLV | JET_bitSetSizeLV | JET_bitSetZeroLength | \
     JET_bitSetSeparateLV | JET_bitSetUniqueMultiValues | JET_bitSetRevertToDefaultValue |  \
     JET_bitSetIntrinsicLV | JET_bitSetCompressed | JET_bitSetUncompressed)
#define LV_GRBITS (JET_bitSetAppendLV | JET_bitSetOverwriteLV | JET_bitSetSizeLV)

/* ---- splicing ----------------------------------------------------------- */

/* Replaces the oldn bytes at off with newn bytes (the first min(oldn, newn)
 * keep their content, new ones are undefined). */
static void splice(struct rec_builder *b, uint32_t off, uint32_t oldn, uint32_t newn)
{
    assert(off + oldn <= b->len && b->len - oldn + newn <= b->cap);
    memmove(b->buf + off + newn, b->buf + off + oldn, b->len - off - oldn);
    b->len = b->len - oldn + newn;
}

/* Whether the record may grow by add bytes after shrinking by sub. */
static int fits(const struct rec_builder *b, uint64_t add, uint64_t sub)
{
    return (uint64_t)b->len + add <= (uint64_t)b->cap + sub;
}

static void layout(const struct rec_builder *b, struct rec_layout *l)
{
    int r = rec_layout_parse(b->buf, b->len, b->s, l);
    assert(r == 0);
    (void)r;
}

/* ---- fixed columns ------------------------------------------------------ */

static void set_null_bit(struct rec_builder *b, uint32_t id, int null)
{
    uint8_t *p = b->buf + REC_HEADER + (id - 1) / 8, bit = (uint8_t)(1u << ((id - 1) % 8));
    *p = null ? (uint8_t)(*p | bit) : (uint8_t)(*p & ~bit);
}

/* Bytes needed for the record to hold fixed columns 1..id. */
static uint32_t fixed_grow_size(const struct rec_builder *b, const struct rec_layout *l, uint32_t id)
{
    const uint16_t *fe = b->s->fixed_end;
    if (id <= l->nfixed) return 0;
    return (id + 7) / 8 - (l->nfixed + 7) / 8 + fe[id] - fe[l->nfixed];
}

/* Makes the record hold fixed columns 1..id: the new ones get their
 * default, or NULL. */
static void fixed_grow(struct rec_builder *b, uint32_t id)
{
    const uint16_t *fe = b->s->fixed_end;
    struct rec_layout l;
    uint32_t old, k, nb_old, nb_new, fixdata;

    layout(b, &l);
    old = l.nfixed;
    if (id <= old) return;
    nb_old = (old + 7) / 8;
    nb_new = (id + 7) / 8;
    splice(b, l.fixdata + fe[old], 0, fe[id] - fe[old]);
    splice(b, REC_HEADER + nb_old, 0, nb_new - nb_old);
    memset(b->buf + REC_HEADER + nb_old, 0, nb_new - nb_old);
    b->buf[1] = (uint8_t)id;
    fixdata = REC_HEADER + nb_new;
    for (k = old + 1; k <= id; k++) {
        const struct rec_column *c = &b->s->cols[k - 1];
        uint8_t *p = b->buf + fixdata + fe[k - 1];
        if (!(c->flags & REC_COL_DELETED) && rec_has_default(c)) {
            memcpy(p, c->pvdefault, c->cbdefault);
        } else {
            memset(p, 0, fe[k] - fe[k - 1]);
            set_null_bit(b, k, 1);
        }
    }
}

static int set_fixed(struct rec_builder *b, const struct rec_column *c, const void *data,
                     uint32_t cb, JET_GRBIT grbit)
{
    uint8_t val[REC_VAR_CB_MAX];
    uint32_t id = c->columnid, size = rec_fixed_size(c);
    struct rec_layout l;
    int r;

    if (grbit & JET_bitSetRevertToDefaultValue) {
        data = c->pvdefault;
        cb = rec_has_default(c) ? c->cbdefault : 0;
    }
    if (!cb && c->flags & REC_COL_NOTNULL) return JET_errNullInvalid;
    if (cb && (r = rec_fixed_value(c, data, cb, val))) return r;
    layout(b, &l);
    if (!fits(b, fixed_grow_size(b, &l, id), 0)) return JET_errRecordTooBig;
    fixed_grow(b, id);
    layout(b, &l);
    if (cb) memcpy(b->buf + l.fixdata + b->s->fixed_end[id - 1], val, size);
    else memset(b->buf + l.fixdata + b->s->fixed_end[id - 1], 0, size);
    set_null_bit(b, id, !cb);
    return 0;
}

/* ---- variable columns --------------------------------------------------- */

/* The live column of variable id, or NULL. */
static const struct rec_column *var_column(const struct rec_builder *b, uint32_t id)
{
    const struct rec_column *c;
    return rec_schema_find(b->s, id, &c) ? NULL : c;
}

static uint32_t var_default_len(const struct rec_column *c)
{
    return c && rec_has_default(c) ? c->cbdefault : 0;
}

/* Bytes needed for the record to hold variable columns 128..127+count. */
static uint32_t var_grow_size(const struct rec_builder *b, const struct rec_layout *l,
                              uint32_t count)
{
    uint32_t k, n = 0;
    for (k = l->nvar; k < count; k++) n += 2 + var_default_len(var_column(b, REC_VAR_FIRST + k));
    return n;
}

/* Makes the record hold variable columns 128..127+count: the new ones get
 * their default, or NULL. */
static void var_grow(struct rec_builder *b, uint32_t count)
{
    struct rec_layout l;
    uint32_t k, old, total, end, vartab, vardata;

    layout(b, &l);
    old = l.nvar;
    if (count <= old) return;
    total = var_grow_size(b, &l, count) - 2 * (count - old);
    splice(b, l.vardata + l.varlen, 0, total);
    splice(b, l.vartab + 2 * old, 0, 2 * (count - old));
    b->buf[2] = (uint8_t)count;
    vartab = l.vartab;
    vardata = l.vardata + 2 * (count - old);
    end = l.varlen;
    for (k = old; k < count; k++) {
        const struct rec_column *c = var_column(b, REC_VAR_FIRST + k);
        uint32_t n = var_default_len(c);
        memcpy(b->buf + vardata + end, n ? c->pvdefault : "", n);
        end += n;
        rec_wr16(b->buf + vartab + 2 * k, n ? end : end | REC_FLAG_BIT);
    }
}

/* Variable column i's data: offset from the variable data, and length. */
static void var_at(const struct rec_builder *b, const struct rec_layout *l, uint32_t i,
                   uint32_t *off, uint32_t *len)
{
    int null, r = rec_var_entry(b->buf, l, i, off, len, &null);
    assert(r == 0);
    (void)r;
}

/* Appends the entry of variable column V (the next one) holding cb bytes
 * of data, or NULL. */
static void var_append(struct rec_builder *b, const void *data, uint32_t cb, int null)
{
    struct rec_layout l;

    layout(b, &l);
    splice(b, l.vardata + l.varlen, 0, cb);
    splice(b, l.vartab + 2 * l.nvar, 0, 2);
    if (cb) memcpy(b->buf + l.vardata + 2 + l.varlen, data, cb);
    rec_wr16(b->buf + l.vartab + 2 * l.nvar, (l.varlen + cb) | (null ? REC_FLAG_BIT : 0));
    b->buf[2] = (uint8_t)(l.nvar + 1);
}

/* Replaces the data of variable column i (< V) with cb bytes, or NULL. */
static void var_replace(struct rec_builder *b, uint32_t i, const void *data, uint32_t cb, int null)
{
    struct rec_layout l;
    uint32_t off, oldlen, k;

    layout(b, &l);
    var_at(b, &l, i, &off, &oldlen);
    splice(b, l.vardata + off, oldlen, cb);
    if (cb) memcpy(b->buf + l.vardata + off, data, cb);
    rec_wr16(b->buf + l.vartab + 2 * i, (off + cb) | (null ? REC_FLAG_BIT : 0));
    for (k = i + 1; k < l.nvar; k++) {
        uint8_t *p = b->buf + l.vartab + 2 * k;
        uint32_t e = rec_rd16(p);
        rec_wr16(p, (e & REC_FLAG_BIT) | ((e & REC_OFF_MASK) + cb - oldlen));
    }
}

static int set_var(struct rec_builder *b, const struct rec_column *c, const void *data,
                   uint32_t cb, JET_GRBIT grbit)
{
    uint32_t i = c->columnid - REC_VAR_FIRST, off, oldlen;
    struct rec_layout l;
    int null, wrn = 0;

    if (grbit & JET_bitSetRevertToDefaultValue) {
        data = c->pvdefault;
        cb = rec_has_default(c) ? c->cbdefault : 0;
        grbit &= ~(JET_GRBIT)JET_bitSetZeroLength;
    }
    null = !cb && !(grbit & JET_bitSetZeroLength);
    if (null && c->flags & REC_COL_NOTNULL) return JET_errNullInvalid;
    if (cb > rec_cbmax_short(c)) {
        cb = rec_cbmax_short(c);
        wrn = JET_wrnColumnMaxTruncated;
    }
    layout(b, &l);
    if (i < l.nvar) {
        var_at(b, &l, i, &off, &oldlen);
        if (!fits(b, cb, oldlen)) return JET_errRecordTooBig;
        var_replace(b, i, data, cb, null);
        return wrn;
    }
    /* past V: the columns before it take their defaults, then this one */
    if (!fits(b, (uint64_t)var_grow_size(b, &l, i) + 2 + cb, 0)) return JET_errRecordTooBig;
    var_grow(b, i);
    var_append(b, data, cb, null);
    return wrn;
}

/* ---- tagged columns: primitives ----------------------------------------- */

/* Where a tagged column is (or would go), taken before an edit. */
struct tpos {
    int found;
    uint32_t d;       /* directory index, or where the column would go */
    uint32_t ntag;
    uint32_t tagdir;  /* absolute offsets of the directory and tagged data */
    uint32_t tagdata;
    uint32_t bs, bcb; /* the blob (if found): absolute offset, length */
    struct rec_tagcol tc;
};

static void tfind(const struct rec_builder *b, uint32_t id, struct tpos *t)
{
    struct rec_layout l;
    uint32_t off;
    int r;

    layout(b, &l);
    t->d = rec_dir_find(b->buf, &l, id, &t->found);
    t->ntag = l.ntag;
    t->tagdir = l.tagdir;
    t->tagdata = l.tagdata;
    t->bs = t->bcb = 0;
    if (!t->found) return;
    r = rec_dir_blob(b->buf, &l, t->d, &off, &t->bcb);
    assert(r == 0);
    t->bs = l.tagdata + off;
    r = rec_tagcol_parse(b->buf + t->bs, t->bcb, &t->tc);
    assert(r == 0);
    (void)r;
}

/* Values stored (a NULL override has none). */
static uint32_t tcount(const struct tpos *t)
{
    return t->found ? t->tc.n : 0;
}

/* Value i of the column: absolute offset, length, separated bit. */
static void tvalue(const struct rec_builder *b, const struct tpos *t, uint32_t i, uint32_t *at,
                   uint32_t *len, int *sep)
{
    uint32_t off;
    int r = rec_tagcol_value(&t->tc, i, &off, len, sep);
    assert(r == 0);
    (void)r;
    (void)b;
    *at = t->bs + t->tc.vals + off;
}

/* Adds delta to the blob ends of directory entries from..ntag-1. */
static void dir_shift(struct rec_builder *b, const struct tpos *t, uint32_t from, uint32_t ntag,
                      uint32_t delta)
{
    uint32_t j;
    for (j = from; j < ntag; j++) {
        uint8_t *p = b->buf + t->tagdir + 4 * j + 2;
        rec_wr16(p, rec_rd16(p) + delta); /* modulo 2^32: delta may be "negative" */
    }
}

/* Adds a column (absent so far) whose blob is flags and nbody bytes;
 * returns the body's offset. */
static uint32_t tcol_insert(struct rec_builder *b, uint32_t id, const struct tpos *t,
                            unsigned flags, uint32_t nbody)
{
    uint32_t start = t->d ? rec_rd16(b->buf + t->tagdir + 4 * (t->d - 1) + 2) : 0, at;

    splice(b, t->tagdir + 4 * t->d, 0, 4);
    at = t->tagdata + 4 + start;
    splice(b, at, 0, 1 + nbody);
    rec_wr16(b->buf + t->tagdir + 4 * t->d, id);
    rec_wr16(b->buf + t->tagdir + 4 * t->d + 2, start + 1 + nbody);
    rec_wr16(b->buf + 3, t->ntag + 1);
    dir_shift(b, t, t->d + 1, t->ntag + 1, 1 + nbody);
    b->buf[at] = (uint8_t)flags;
    return at + 1;
}

static void tcol_remove(struct rec_builder *b, const struct tpos *t)
{
    splice(b, t->bs, t->bcb, 0);
    splice(b, t->tagdir + 4 * t->d, 4, 0);
    rec_wr16(b->buf + 3, t->ntag - 1);
    dir_shift(b, t, t->d, t->ntag - 1, 0u - t->bcb);
}

static unsigned single_flags(int sep)
{
    return sep ? REC_TAG_SEP : 0;
}

static uint32_t entry(uint32_t end, int sep)
{
    return end | (sep ? REC_FLAG_BIT : 0);
}

/* Resizes existing value i to newlen bytes (its first bytes kept) and sets
 * its separated bit; returns its offset. */
static uint32_t tval_resize(struct rec_builder *b, const struct tpos *t, uint32_t i,
                            uint32_t newlen, int sep)
{
    uint32_t at, old, rel, tab = t->bs + 3, j;
    int osep;

    if (!(t->tc.flags & REC_TAG_MULTI)) {
        old = t->tc.valscb;
        splice(b, t->bs + 1, old, newlen);
        b->buf[t->bs] = (uint8_t)single_flags(sep);
        dir_shift(b, t, t->d, t->ntag, newlen - old);
        return t->bs + 1;
    }
    tvalue(b, t, i, &at, &old, &osep);
    rel = at - (t->bs + t->tc.vals);
    splice(b, at, old, newlen);
    rec_wr16(b->buf + tab + 2 * i, entry(rel + newlen, sep));
    for (j = i + 1; j < t->tc.n; j++) {
        uint8_t *p = b->buf + tab + 2 * j;
        uint32_t e = rec_rd16(p);
        rec_wr16(p, (e & REC_FLAG_BIT) | ((e & REC_OFF_MASK) + newlen - old));
    }
    dir_shift(b, t, t->d, t->ntag, newlen - old);
    return at;
}

/* Bytes tval_append adds for a value of newlen bytes. */
static uint32_t append_size(const struct tpos *t, uint32_t newlen)
{
    if (!t->found) return 4 + 1 + newlen;
    if (t->tc.flags & REC_TAG_NULL) return newlen;
    return (t->tc.flags & REC_TAG_MULTI ? 2 : 6) + newlen;
}

/* Appends a value of newlen bytes to column id; returns its offset. */
static uint32_t tval_append(struct rec_builder *b, uint32_t id, const struct tpos *t,
                            uint32_t newlen, int sep)
{
    uint32_t bs = t->bs, at, n;

    if (!t->found) return tcol_insert(b, id, t, single_flags(sep), newlen);
    if (t->tc.flags & REC_TAG_NULL) {
        splice(b, bs + 1, 0, newlen);
        b->buf[bs] = (uint8_t)single_flags(sep);
        dir_shift(b, t, t->d, t->ntag, newlen);
        return bs + 1;
    }
    if (!(t->tc.flags & REC_TAG_MULTI)) { /* one value becomes two */
        uint32_t l1 = t->tc.valscb;
        int sep1 = (t->tc.flags & REC_TAG_SEP) != 0;
        splice(b, bs + 1, 0, 6);
        at = bs + t->bcb + 6;
        splice(b, at, 0, newlen);
        b->buf[bs] = REC_TAG_MULTI;
        rec_wr16(b->buf + bs + 1, 2);
        rec_wr16(b->buf + bs + 3, entry(l1, sep1));
        rec_wr16(b->buf + bs + 5, entry(l1 + newlen, sep));
        dir_shift(b, t, t->d, t->ntag, 6 + newlen);
        return at;
    }
    n = t->tc.n;
    splice(b, bs + 3 + 2 * n, 0, 2);
    at = bs + t->bcb + 2;
    splice(b, at, 0, newlen);
    rec_wr16(b->buf + bs + 1, n + 1);
    rec_wr16(b->buf + bs + 3 + 2 * n, entry(t->tc.valscb + newlen, sep));
    dir_shift(b, t, t->d, t->ntag, 2 + newlen);
    return at;
}

/* Deletes value i, renumbering the rest.  The column's last value leaves
 * a NULL override if leave_null, else the column goes. */
static void tval_delete(struct rec_builder *b, const struct tpos *t, uint32_t i, int leave_null)
{
    uint32_t bs = t->bs, tab = bs + 3, n = t->tc.n, at, len, j;
    int sep;

    if (!(t->tc.flags & REC_TAG_MULTI)) {
        if (!leave_null) {
            tcol_remove(b, t);
            return;
        }
        splice(b, bs + 1, t->tc.valscb, 0);
        b->buf[bs] = REC_TAG_NULL;
        dir_shift(b, t, t->d, t->ntag, 0u - t->tc.valscb);
        return;
    }
    tvalue(b, t, i, &at, &len, &sep);
    splice(b, at, len, 0);
    for (j = i + 1; j < n; j++) {
        uint8_t *p = b->buf + tab + 2 * j;
        uint32_t e = rec_rd16(p);
        rec_wr16(p, (e & REC_FLAG_BIT) | ((e & REC_OFF_MASK) - len));
    }
    splice(b, tab + 2 * i, 2, 0);
    if (n - 1 == 1) { /* back to a single value */
        sep = (rec_rd16(b->buf + tab) & REC_FLAG_BIT) != 0;
        splice(b, bs + 1, 4, 0);
        b->buf[bs] = (uint8_t)single_flags(sep);
        dir_shift(b, t, t->d, t->ntag, 0u - (len + 6));
    } else {
        rec_wr16(b->buf + bs + 1, n - 1);
        dir_shift(b, t, t->d, t->ntag, 0u - (len + 2));
    }
}

/* ---- tagged columns: JetSetColumn ---------------------------------------- */

/* What a set does to a tagged value (ESE's LVOP, lv.cxx ErrLVOpFromGrbit). */
enum tag_op {
    OP_NOP,
    OP_NULL,             /* delete the value */
    OP_PUT,              /* the value becomes data */
    OP_ZEROED,           /* a new value of cb zero bytes */
    OP_APPEND,           /* data appended */
    OP_OVERWRITE,        /* data written at ib, growing if needed */
    OP_OVERWRITE_RESIZE, /* data written at ib, the value cut to ib + cb */
    OP_RESIZE            /* the value cut or zero-extended to cb bytes */
};

static int choose_op(const struct rec_column *c, JET_GRBIT grbit, uint32_t cb, int fnew,
                     uint32_t ib, enum tag_op *op)
{
    JET_GRBIT g = grbit & (LV_GRBITS | JET_bitSetZeroLength);
    int zl = (g & JET_bitSetZeroLength) != 0;

    *op = cb || zl ? OP_PUT : OP_NULL;
    if (!rec_is_lv(c)) return 0;
    if (g & JET_bitSetAppendLV) {
        if (g & (JET_bitSetOverwriteLV | JET_bitSetSizeLV)) return JET_errInvalidGrbit;
        *op = fnew ? OP_PUT : cb ? OP_APPEND : OP_NOP;
    } else if (g & JET_bitSetOverwriteLV) {
        if (!cb && g & JET_bitSetSizeLV) *op = OP_NULL;
        else if (fnew) *op = OP_PUT;
        else *op = g & JET_bitSetSizeLV ? OP_OVERWRITE_RESIZE : cb ? OP_OVERWRITE : OP_NOP;
        if (*op == OP_PUT && ib) return JET_errColumnNoChunk;
    } else if (g & JET_bitSetSizeLV) {
        *op = !cb ? (zl ? OP_PUT : OP_NULL) : fnew ? OP_ZEROED : OP_RESIZE;
    }
    return 0;
}

/* The new length of the value after op, or an error. */
static int op_length(enum tag_op op, uint32_t oldlen, uint32_t cb, uint32_t ib, uint64_t *newlen)
{
    switch (op) {
    case OP_APPEND:
        *newlen = (uint64_t)oldlen + cb;
        return 0;
    case OP_OVERWRITE:
    case OP_OVERWRITE_RESIZE:
        if (ib > oldlen) return JET_errColumnNoChunk;
        *newlen = (uint64_t)ib + cb;
        if (op == OP_OVERWRITE && *newlen < oldlen) *newlen = oldlen;
        return 0;
    default:
        *newlen = cb;
        return 0;
    }
}

/* JetSetColumn's size rules for a tagged value of newlen bytes. */
static int check_length(const struct rec_builder *b, const struct rec_column *c, uint64_t newlen,
                        JET_GRBIT grbit)
{
    uint32_t natural = rec_coltyp_size(c->coltyp);

    if (rec_is_lv(c)) {
        if (newlen > REC_LV_SIZE_MAX || (c->cbmax && newlen > c->cbmax)) return JET_errColumnTooBig;
        /* Past the default intrinsic size a value is separated, unless
         * the caller insists on keeping it in the record: then it may be
         * as large as a record can hold (JET_errRecordTooBig if the rest
         * of this record leaves too little room), as ESE's
         * JET_bitSetIntrinsicLV since Windows 7. */
        if (newlen > b->lv_inline_max) {
            if (!(grbit & JET_bitSetIntrinsicLV)) return JET_errColumnDoesNotFit;
            if (newlen > b->cap) return JET_errColumnTooBig;
        }
        return 0;
    }
    if (natural) {
        if (newlen > natural) return JET_errColumnTooBig;
        return newlen && newlen != natural ? JET_errInvalidBufferSize : 0;
    }
    return newlen > rec_cbmax_short(c) ? JET_errColumnTooBig : 0;
}

/* JET_bitSetUniqueMultiValues: data against every value but value skip. */
static int check_unique(const struct rec_builder *b, const struct tpos *t, uint32_t skip,
                        const void *data, uint32_t cb)
{
    uint32_t i, at, len, lid, size;
    int sep, r;

    for (i = 0; i < tcount(t); i++) {
        if (i == skip) continue;
        tvalue(b, t, i, &at, &len, &sep);
        if (!sep) {
            if (len == cb && (!cb || !memcmp(b->buf + at, data, cb))) return JET_errMultiValuedDuplicate;
            continue;
        }
        rec_lvref_decode(b->buf + at, &lid, &size);
        if (size != cb || !b->lv_equal) continue;
        if ((r = b->lv_equal(b->lv_ctx, lid, data, cb)) < 0) return r;
        if (r) return JET_errMultiValuedDuplicate;
    }
    return 0;
}

static int tagged_null(struct rec_builder *b, const struct rec_column *c, const struct tpos *t,
                       uint32_t itag)
{
    uint32_t n = tcount(t);

    if (c->flags & REC_COL_NOTNULL) return JET_errNullInvalid;
    if (itag >= 1 && itag <= n) {
        tval_delete(b, t, itag - 1, n == 1 && rec_has_default(c));
        return 0;
    }
    if (!t->found && itag == 1 && rec_has_default(c)) { /* override the default */
        if (!fits(b, append_size(t, 0), 0)) return JET_errRecordTooBig;
        tcol_insert(b, c->columnid, t, REC_TAG_NULL, 0);
    }
    return 0;
}

static int tagged_put(struct rec_builder *b, const struct rec_column *c, const struct tpos *t,
                      enum tag_op op, uint32_t itag, const void *data, uint32_t cb,
                      JET_GRBIT grbit, uint32_t ib)
{
    int fnew = itag == 0 || itag > tcount(t), sep = 0, r;
    uint32_t idx = fnew ? UINT32_MAX : itag - 1, at = 0, oldlen = 0;
    uint64_t newlen;
    uint8_t *p;

    if (!fnew) tvalue(b, t, idx, &at, &oldlen, &sep);
    if (sep && op != OP_PUT) return JET_errInvalidParameter; /* the LV tree's job */
    if ((r = op_length(op, oldlen, cb, ib, &newlen))) return r;
    if ((r = check_length(b, c, newlen, grbit))) return r;
    if (grbit & JET_bitSetUniqueMultiValues && (r = check_unique(b, t, idx, data, cb))) return r;
    if (!(fnew ? fits(b, append_size(t, (uint32_t)newlen), 0) : fits(b, newlen, oldlen)))
        return JET_errRecordTooBig;
    at = fnew ? tval_append(b, c->columnid, t, (uint32_t)newlen, 0)
              : tval_resize(b, t, idx, (uint32_t)newlen, 0);
    p = b->buf + at;
    switch (op) {
    case OP_PUT:
        if (cb) memcpy(p, data, cb);
        break;
    case OP_ZEROED:
        memset(p, 0, cb);
        break;
    case OP_APPEND:
        memcpy(p + oldlen, data, cb);
        break;
    case OP_OVERWRITE:
    case OP_OVERWRITE_RESIZE:
        memcpy(p + ib, data, cb);
        break;
    default: /* OP_RESIZE */
        if (newlen > oldlen) memset(p + oldlen, 0, (size_t)newlen - oldlen);
        break;
    }
    return 0;
}

static int set_tagged(struct rec_builder *b, const struct rec_column *c, uint32_t itag,
                      const void *data, uint32_t cb, JET_GRBIT grbit, uint32_t ib)
{
    enum tag_op op;
    struct tpos t;
    int r;

    tfind(b, c->columnid, &t);
    if (grbit & JET_bitSetRevertToDefaultValue) {
        if (t.found) tcol_remove(b, &t);
        return 0;
    }
    if ((r = choose_op(c, grbit, cb, itag == 0 || itag > tcount(&t), ib, &op))) return r;
    if (op == OP_NOP) return 0;
    if (op == OP_NULL) return tagged_null(b, c, &t, itag);
    return tagged_put(b, c, &t, op, itag, data, cb, grbit, ib);
}

/* ---- the builder's interface -------------------------------------------- */

static int overlaps(const struct rec_builder *b, const void *data, uint32_t cb)
{
    uintptr_t p = (uintptr_t)data, lo = (uintptr_t)b->buf, hi = lo + b->cap;
    return p < hi && p + cb > lo;
}

int rec_builder_set(struct rec_builder *b, JET_COLUMNID id, uint32_t itag, const void *data,
                    uint32_t cb, JET_GRBIT grbit, uint32_t iblong)
{
    const struct rec_column *c;
    int r, size_only;

    if ((r = rec_schema_find(b->s, id, &c))) return r;
    if (grbit & ~(JET_GRBIT)SET_GRBITS) return JET_errInvalidGrbit;
    if (grbit & JET_bitSetUniqueMultiValues && grbit & LV_GRBITS) return JET_errInvalidGrbit;
    size_only = rec_is_lv(c) && (grbit & (JET_bitSetSizeLV | JET_bitSetOverwriteLV)) == JET_bitSetSizeLV;
    if (size_only) data = NULL;
    else if (!data) cb = 0;
    if (data && cb && overlaps(b, data, cb)) return JET_errInvalidParameter;
    if (c->flags & REC_COL_FIXED) return set_fixed(b, c, data, cb, grbit);
    if (c->flags & REC_COL_VARIABLE) return set_var(b, c, data, cb, grbit);
    return set_tagged(b, c, itag, data, cb, grbit, iblong);
}

int rec_builder_set_lvref(struct rec_builder *b, JET_COLUMNID id, uint32_t itag, uint32_t lid,
                          uint32_t size)
{
    const struct rec_column *c;
    uint32_t at, len;
    struct tpos t;
    int r, sep;

    if ((r = rec_schema_find(b->s, id, &c))) return r;
    if (!rec_is_lv(c) || !lid || size > REC_LV_SIZE_MAX) return JET_errInvalidParameter;
    if (c->cbmax && size > c->cbmax) return JET_errColumnTooBig;
    tfind(b, id, &t);
    if (itag == 0 || itag > tcount(&t)) {
        if (!fits(b, append_size(&t, REC_LVREF_SIZE), 0)) return JET_errRecordTooBig;
        at = tval_append(b, id, &t, REC_LVREF_SIZE, 1);
    } else {
        tvalue(b, &t, itag - 1, &at, &len, &sep);
        if (!fits(b, REC_LVREF_SIZE, len)) return JET_errRecordTooBig;
        at = tval_resize(b, &t, itag - 1, REC_LVREF_SIZE, 1);
    }
    rec_wr32(b->buf + at, lid);
    rec_wr32(b->buf + at + 4, size);
    return 0;
}

static void builder_setup(struct rec_builder *b, const struct rec_schema *s, uint8_t *buf,
                          uint32_t cap)
{
    b->s = s;
    b->buf = buf;
    b->cap = cap < REC_SIZE_MAX ? cap : REC_SIZE_MAX;
    b->len = 0;
    b->lv_inline_max = REC_LV_INLINE_MAX;
    b->lv_equal = NULL;
    b->lv_ctx = NULL;
}

int rec_builder_init(struct rec_builder *b, const struct rec_schema *s, uint8_t *buf,
                     uint32_t cap)
{
    uint32_t i, kf = 0, kv = 0;
    struct rec_layout l;

    builder_setup(b, s, buf, cap);
    if (b->cap < REC_HEADER) return JET_errRecordTooBig;
    memset(buf, 0, REC_HEADER);
    buf[0] = REC_FORMAT;
    b->len = REC_HEADER;
    for (i = 0; i < s->itagged; i++) { /* the last fixed and variable defaults */
        const struct rec_column *c = &s->cols[i];
        if (c->flags & REC_COL_DELETED || !rec_has_default(c)) continue;
        if (c->flags & REC_COL_FIXED) kf = c->columnid;
        else kv = c->columnid - REC_VAR_FIRST + 1;
    }
    layout(b, &l);
    if (!fits(b, (uint64_t)fixed_grow_size(b, &l, kf) + var_grow_size(b, &l, kv), 0))
        return JET_errRecordTooBig;
    fixed_grow(b, kf);
    var_grow(b, kv);
    return 0;
}

int rec_builder_load(struct rec_builder *b, const struct rec_schema *s, uint8_t *buf,
                     uint32_t cap, const uint8_t *rec, uint32_t len)
{
    int r;

    builder_setup(b, s, buf, cap);
    if ((r = rec_validate(rec, len, s))) return r;
    if (len > b->cap) return JET_errRecordTooBig;
    memmove(buf, rec, len);
    b->len = len;
    return 0;
}

int rec_builder_finish(const struct rec_builder *b, uint32_t max, const uint8_t **rec,
                       uint32_t *len)
{
    *rec = NULL;
    *len = 0;
    if (b->len > max) return JET_errRecordTooBig;
    *rec = b->buf;
    *len = b->len;
    return 0;
}
