/*
 * rec_read.c - reading records (rec.h): locating the parts of a record,
 * one column's value, value counts, whole-record validation and iteration
 * over all values.  Nothing here allocates or writes; every offset read
 * from a record is checked before it is followed, and a record that breaks
 * a rule is JET_errDatabaseCorrupted.
 */
#include <stddef.h>

#include "rec_int.h"

#define CORRUPT JET_errDatabaseCorrupted

/* ---- layout ------------------------------------------------------------- */

int rec_layout_parse(const uint8_t *rec, uint32_t len, const struct rec_schema *s,
                     struct rec_layout *l)
{
    if (len < REC_HEADER || len > REC_SIZE_MAX || rec[0] != REC_FORMAT) return CORRUPT;
    l->nfixed = rec[1];
    l->nvar = rec[2];
    l->ntag = rec_rd16(rec + 3);
    if (l->nfixed > s->nfixed || l->nvar > REC_VAR_LAST - REC_VAR_FIRST + 1) return CORRUPT;
    l->fixdata = REC_HEADER + (l->nfixed + 7) / 8;
    l->vartab = l->fixdata + s->fixed_end[l->nfixed];
    l->vardata = l->vartab + 2 * l->nvar;
    if (l->vardata > len) return CORRUPT;
    l->varlen = l->nvar ? rec_rd16(rec + l->vardata - 2) & REC_OFF_MASK : 0;
    l->tagdir = l->vardata + l->varlen;
    if (l->tagdir > len || l->ntag > (len - l->tagdir) / 4) return CORRUPT;
    l->tagdata = l->tagdir + 4 * l->ntag;
    l->taglen = l->ntag ? rec_rd16(rec + l->tagdata - 2) : 0;
    if (l->taglen != len - l->tagdata) return CORRUPT;
    return 0;
}

int rec_var_entry(const uint8_t *rec, const struct rec_layout *l, uint32_t i, uint32_t *off,
                  uint32_t *len, int *null)
{
    uint32_t start = i ? rec_rd16(rec + l->vartab + 2 * (i - 1)) & REC_OFF_MASK : 0;
    uint32_t e = rec_rd16(rec + l->vartab + 2 * i), end = e & REC_OFF_MASK;

    *null = (e & REC_FLAG_BIT) != 0;
    if (start > end || end > l->varlen || end - start > REC_VAR_CB_MAX) return CORRUPT;
    if (*null && end != start) return CORRUPT;
    *off = start;
    *len = end - start;
    return 0;
}

uint32_t rec_dir_find(const uint8_t *rec, const struct rec_layout *l, uint32_t id, int *found)
{
    uint32_t lo = 0, hi = l->ntag;

    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (rec_dir_id(rec, l, mid) < id) lo = mid + 1;
        else hi = mid;
    }
    *found = lo < l->ntag && rec_dir_id(rec, l, lo) == id;
    return lo;
}

int rec_dir_blob(const uint8_t *rec, const struct rec_layout *l, uint32_t d, uint32_t *off,
                 uint32_t *len)
{
    uint32_t start = d ? rec_rd16(rec + l->tagdir + 4 * (d - 1) + 2) : 0;
    uint32_t end = rec_rd16(rec + l->tagdir + 4 * d + 2);

    if (start >= end || end > l->taglen) return CORRUPT;
    *off = start;
    *len = end - start;
    return 0;
}

int rec_tagcol_parse(const uint8_t *p, uint32_t cb, struct rec_tagcol *c)
{
    c->p = p;
    c->cb = cb;
    c->flags = p[0];
    c->tab = NULL;
    if (c->flags & ~(REC_TAG_NULL | REC_TAG_MULTI | REC_TAG_SEP)) return CORRUPT;
    if (c->flags & REC_TAG_NULL) {
        if (c->flags != REC_TAG_NULL || cb != 1) return CORRUPT;
        c->n = 0;
        c->vals = 1;
        c->valscb = 0;
        return 0;
    }
    if (!(c->flags & REC_TAG_MULTI)) {
        c->n = 1;
        c->vals = 1;
        c->valscb = cb - 1;
        return (c->flags & REC_TAG_SEP) && c->valscb != REC_LVREF_SIZE ? CORRUPT : 0;
    }
    if ((c->flags & REC_TAG_SEP) || cb < 3) return CORRUPT;
    c->n = rec_rd16(p + 1);
    if (c->n < 2 || 3 + 2 * c->n > cb) return CORRUPT;
    c->tab = p + 3;
    c->vals = 3 + 2 * c->n;
    c->valscb = cb - c->vals;
    if ((rec_rd16(c->tab + 2 * (c->n - 1)) & REC_OFF_MASK) != c->valscb) return CORRUPT;
    return 0;
}

int rec_tagcol_value(const struct rec_tagcol *c, uint32_t i, uint32_t *off, uint32_t *len,
                     int *sep)
{
    uint32_t start, e, end;

    if (!(c->flags & REC_TAG_MULTI)) {
        *off = 0;
        *len = c->valscb;
        *sep = (c->flags & REC_TAG_SEP) != 0;
        return 0;
    }
    start = i ? rec_rd16(c->tab + 2 * (i - 1)) & REC_OFF_MASK : 0;
    e = rec_rd16(c->tab + 2 * i);
    end = e & REC_OFF_MASK;
    *sep = (e & REC_FLAG_BIT) != 0;
    if (start > end || end > c->valscb) return CORRUPT;
    if (*sep && end - start != REC_LVREF_SIZE) return CORRUPT;
    *off = start;
    *len = end - start;
    return 0;
}

void rec_lvref_decode(const uint8_t *ref, uint32_t *lid, uint32_t *size)
{
    *lid = rec_rd32(ref);
    *size = rec_rd32(ref + 4);
}

static int lvref_ok(const uint8_t *ref)
{
    return rec_rd32(ref) != 0 && rec_rd32(ref + 4) <= REC_LV_SIZE_MAX;
}

/* ---- one value ---------------------------------------------------------- */

static int put_null(struct rec_value *v, unsigned flags)
{
    v->data = NULL;
    v->cb = 0;
    v->flags = RECF_NULL | flags;
    return JET_wrnColumnNull;
}

static int put_data(struct rec_value *v, const uint8_t *data, uint32_t cb, unsigned flags)
{
    v->data = data;
    v->cb = cb;
    v->flags = flags;
    return 0;
}

/* The column is not in the record: its default at itag 1, else NULL. */
static int put_default(struct rec_value *v, const struct rec_column *c, uint32_t itag)
{
    if (itag == 1 && rec_has_default(c))
        return put_data(v, (const uint8_t *)c->pvdefault, c->cbdefault, RECF_DEFAULT);
    return put_null(v, RECF_DEFAULT);
}

static int get_fixed(const uint8_t *rec, const struct rec_layout *l, const struct rec_schema *s,
                     const struct rec_column *c, struct rec_value *v)
{
    uint32_t k = c->columnid - 1;

    if (c->columnid > l->nfixed) return put_default(v, c, 1);
    if (rec[REC_HEADER + k / 8] >> (k % 8) & 1) return put_null(v, 0);
    return put_data(v, rec + l->fixdata + s->fixed_end[k], s->fixed_end[k + 1] - s->fixed_end[k], 0);
}

static int get_var(const uint8_t *rec, const struct rec_layout *l, const struct rec_column *c,
                   struct rec_value *v)
{
    uint32_t i = c->columnid - REC_VAR_FIRST, off, len;
    int null, r;

    if (i >= l->nvar) return put_default(v, c, 1);
    if ((r = rec_var_entry(rec, l, i, &off, &len, &null))) return r;
    if (null) return put_null(v, 0);
    return put_data(v, rec + l->vardata + off, len, 0);
}

/* Value itag of the tagged column whose blob is directory entry d. */
static int get_tagged_at(const uint8_t *rec, const struct rec_layout *l, uint32_t d,
                         const struct rec_column *c, uint32_t itag, struct rec_value *v)
{
    struct rec_tagcol tc;
    uint32_t off, len;
    const uint8_t *p;
    int r, sep;

    if ((r = rec_dir_blob(rec, l, d, &off, &len))) return r;
    if ((r = rec_tagcol_parse(rec + l->tagdata + off, len, &tc))) return r;
    if (tc.flags & REC_TAG_NULL || itag > tc.n) return put_null(v, 0);
    if ((r = rec_tagcol_value(&tc, itag - 1, &off, &len, &sep))) return r;
    p = tc.p + tc.vals + off;
    if (!sep) return put_data(v, p, len, 0);
    if (!rec_is_lv(c) || !lvref_ok(p)) return CORRUPT;
    return put_data(v, p, len, RECF_SEPARATED_LV);
}

static int get_value(const uint8_t *rec, const struct rec_layout *l, const struct rec_schema *s,
                     const struct rec_column *c, uint32_t itag, struct rec_value *v)
{
    uint32_t d;
    int r, found;

    v->columnid = c->columnid;
    v->itag = itag;
    v->column = c;
    if (c->flags & REC_COL_TAGGED) {
        d = rec_dir_find(rec, l, c->columnid, &found);
        return found ? get_tagged_at(rec, l, d, c, itag, v) : put_default(v, c, itag);
    }
    r = c->flags & REC_COL_FIXED ? get_fixed(rec, l, s, c, v) : get_var(rec, l, c, v);
    if (r >= 0 && itag > 1) return put_null(v, 0); /* single-valued */
    return r;
}

int rec_get(const uint8_t *rec, uint32_t len, const struct rec_schema *s, JET_COLUMNID id,
            uint32_t itag, const uint8_t **data, uint32_t *cb, unsigned *flags)
{
    const struct rec_column *c;
    struct rec_layout l;
    struct rec_value v;
    int r;

    *data = NULL;
    *cb = 0;
    *flags = 0;
    if ((r = rec_schema_find(s, id, &c))) return r;
    if (!itag) return JET_errBadItagSequence;
    if ((r = rec_layout_parse(rec, len, s, &l))) return r;
    r = get_value(rec, &l, s, c, itag, &v);
    if (r < 0) return r;
    *data = v.data;
    *cb = v.cb;
    *flags = v.flags;
    return r;
}

int rec_count_values(const uint8_t *rec, uint32_t len, const struct rec_schema *s,
                     JET_COLUMNID id, uint32_t *count)
{
    const struct rec_column *c;
    struct rec_layout l;
    struct rec_tagcol tc;
    struct rec_value v;
    uint32_t d, off, cb;
    int r, found;

    *count = 0;
    if ((r = rec_schema_find(s, id, &c))) return r;
    if ((r = rec_layout_parse(rec, len, s, &l))) return r;
    if (!(c->flags & REC_COL_TAGGED)) {
        r = get_value(rec, &l, s, c, 1, &v);
        if (r < 0) return r;
        *count = r == 0;
        return 0;
    }
    d = rec_dir_find(rec, &l, c->columnid, &found);
    if (!found) {
        *count = rec_has_default(c) ? 1 : 0;
        return 0;
    }
    if ((r = rec_dir_blob(rec, &l, d, &off, &cb))) return r;
    if ((r = rec_tagcol_parse(rec + l.tagdata + off, cb, &tc))) return r;
    *count = tc.n;
    return 0;
}

/* ---- validation --------------------------------------------------------- */

static int validate_blob(const uint8_t *p, uint32_t cb, const struct rec_column *c)
{
    struct rec_tagcol tc;
    uint32_t i, off, len;
    int r, sep;

    if ((r = rec_tagcol_parse(p, cb, &tc))) return r;
    for (i = 0; i < tc.n; i++) {
        if ((r = rec_tagcol_value(&tc, i, &off, &len, &sep))) return r;
        if (!sep) continue;
        if (!lvref_ok(p + tc.vals + off)) return CORRUPT;
        if (c && !rec_is_lv(c)) return CORRUPT;
    }
    return 0;
}

static int validate_tagged(const uint8_t *rec, const struct rec_layout *l,
                           const struct rec_schema *s)
{
    uint32_t d, prev = REC_TAGGED_FIRST - 1, off, len;
    int r;

    for (d = 0; d < l->ntag; d++) {
        uint32_t id = rec_dir_id(rec, l, d);
        const struct rec_column *c;

        if (id <= prev || id > REC_TAGGED_LAST) return CORRUPT;
        prev = id;
        if ((r = rec_dir_blob(rec, l, d, &off, &len))) return r;
        if (rec_schema_find(s, id, &c)) c = NULL; /* deleted or unknown: format only */
        if ((r = validate_blob(rec + l->tagdata + off, len, c))) return r;
    }
    return 0;
}

int rec_validate(const uint8_t *rec, uint32_t len, const struct rec_schema *s)
{
    struct rec_layout l;
    uint32_t i, off, cb;
    int r, null;

    if ((r = rec_layout_parse(rec, len, s, &l))) return r;
    if (l.nfixed % 8 && rec[REC_HEADER + l.nfixed / 8] >> (l.nfixed % 8)) return CORRUPT;
    for (i = 0; i < l.nvar; i++)
        if ((r = rec_var_entry(rec, &l, i, &off, &cb, &null))) return r;
    return validate_tagged(rec, &l, s);
}

/* ---- iteration ---------------------------------------------------------- */

int rec_iter_init(struct rec_iter *it, const uint8_t *rec, uint32_t len,
                  const struct rec_schema *s, unsigned opts)
{
    struct rec_layout l;

    it->rec = rec;
    it->len = len;
    it->s = s;
    it->opts = opts;
    it->ci = opts & REC_ITER_TAGGED_ONLY ? s->itagged : 0;
    it->ti = s->itagged;
    it->d = 0;
    it->itag = 0;
    it->n = 0;
    it->cur = NULL;
    return rec_layout_parse(rec, len, s, &l);
}

/* The next fixed or variable column's value: 1, 0 when there is none. */
static int next_nontagged(struct rec_iter *it, const struct rec_layout *l, struct rec_value *v)
{
    while (it->ci < it->s->itagged) {
        const struct rec_column *c = &it->s->cols[it->ci++];
        int r;

        if (c->flags & REC_COL_DELETED) continue;
        if ((r = get_value(it->rec, l, it->s, c, 1, v)) < 0) return r;
        if (it->opts & REC_ITER_NO_DEFAULTS && v->flags & RECF_DEFAULT) continue;
        return 1;
    }
    return 0;
}

/* The id of the next tagged schema column with a default (iteration with
 * defaults), or UINT32_MAX. */
static uint32_t next_default_id(struct rec_iter *it)
{
    const struct rec_schema *s = it->s;

    if (it->opts & REC_ITER_NO_DEFAULTS || !s->ntagged_defaults) return UINT32_MAX;
    while (it->ti < s->ncols &&
           (s->cols[it->ti].flags & REC_COL_DELETED || !rec_has_default(&s->cols[it->ti])))
        it->ti++;
    return it->ti < s->ncols ? s->cols[it->ti].columnid : UINT32_MAX;
}

/* Starts on directory entry it->d: 1 with its first value (or its NULL
 * override) in *v, 0 if the column is to be skipped. */
static int start_tagged(struct rec_iter *it, const struct rec_layout *l, struct rec_value *v)
{
    uint32_t d = it->d++, id = rec_dir_id(it->rec, l, d), off, cb;
    const struct rec_column *c;
    struct rec_tagcol tc;
    int r;

    if (id < REC_TAGGED_FIRST) return CORRUPT;
    if (rec_schema_find(it->s, id, &c)) return 0; /* deleted or unknown */
    if ((r = rec_dir_blob(it->rec, l, d, &off, &cb))) return r;
    if ((r = rec_tagcol_parse(it->rec + l->tagdata + off, cb, &tc))) return r;
    it->cur = c;
    it->n = tc.n;
    it->itag = 2;
    if ((r = get_tagged_at(it->rec, l, d, c, 1, v)) < 0) return r;
    v->columnid = id;
    v->itag = 1;
    v->column = c;
    return 1;
}

static int next_tagged(struct rec_iter *it, const struct rec_layout *l, struct rec_value *v)
{
    for (;;) {
        uint32_t dir_id, def_id;
        int r;

        if (it->cur && it->itag <= it->n) {
            uint32_t itag = it->itag++;
            if ((r = get_tagged_at(it->rec, l, it->d - 1, it->cur, itag, v)) < 0) return r;
            v->columnid = it->cur->columnid;
            v->itag = itag;
            v->column = it->cur;
            return 1;
        }
        it->cur = NULL;
        dir_id = it->d < l->ntag ? rec_dir_id(it->rec, l, it->d) : UINT32_MAX;
        def_id = next_default_id(it);
        if (dir_id == UINT32_MAX && def_id == UINT32_MAX) return 0;
        if (def_id < dir_id) {
            const struct rec_column *c = &it->s->cols[it->ti++];
            v->columnid = c->columnid;
            v->itag = 1;
            v->column = c;
            put_default(v, c, 1);
            return 1;
        }
        if (def_id == dir_id) it->ti++;
        if ((r = start_tagged(it, l, v))) return r;
    }
}

int rec_iter_next(struct rec_iter *it, struct rec_value *v)
{
    struct rec_layout l;
    int r;

    if ((r = rec_layout_parse(it->rec, it->len, it->s, &l))) return r;
    if ((r = next_nontagged(it, &l, v))) return r;
    return next_tagged(it, &l, v);
}
