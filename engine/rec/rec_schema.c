/*
 * rec_schema.c - a table's column definitions as the record format needs
 * them (rec.h): checking them, finding a column by id, the sizes of fixed
 * columns and JetSetColumn's size rules for fixed values.
 */
#include <string.h>

#include "coltyp.h"
#include "rec_int.h"

uint32_t rec_coltyp_size(JET_COLTYP coltyp)
{
    int n = coltyp_size(coltyp);
    return n > 0 ? (uint32_t)n : 0;
}

uint32_t rec_fixed_size(const struct rec_column *c)
{
    uint32_t n = rec_coltyp_size(c->coltyp);
    if (n) return n;
    return c->cbmax && c->cbmax < REC_VAR_CB_MAX ? c->cbmax : REC_VAR_CB_MAX;
}

int rec_fixed_value(const struct rec_column *c, const void *data, uint32_t cb, uint8_t *out)
{
    uint32_t size = rec_fixed_size(c), i;

    if (rec_coltyp_size(c->coltyp) ? cb != size : cb > size) return JET_errInvalidBufferSize;
    if (cb) memcpy(out, data, cb);
    if (c->coltyp != JET_coltypText) {
        memset(out + cb, 0, size - cb);
        return 0;
    }
    /* ESE's RECTextColumnPadding: spaces, UTF-16 spaces for code page 1200
     * (by the byte's position in the column). */
    for (i = cb; i < size; i++) out[i] = c->cp == 1200 && (i & 1) ? 0x00 : 0x20;
    return 0;
}

static int coltyp_valid(JET_COLTYP t)
{
    return t >= JET_coltypBit && t <= JET_coltypUnsignedLongLong && t != 13; /* 13: SLV */
}

static int is_text_or_binary(JET_COLTYP t)
{
    return t == JET_coltypText || t == JET_coltypBinary;
}

static int is_long(JET_COLTYP t)
{
    return t == JET_coltypLongText || t == JET_coltypLongBinary;
}

static uint32_t class_of(uint32_t id)
{
    if (id >= REC_FIXED_FIRST && id <= REC_FIXED_LAST) return REC_COL_FIXED;
    if (id >= REC_VAR_FIRST && id <= REC_VAR_LAST) return REC_COL_VARIABLE;
    if (id >= REC_TAGGED_FIRST && id <= REC_TAGGED_LAST) return REC_COL_TAGGED;
    return 0;
}

/* The default value's size rules (rec.h, struct rec_column). */
static int default_ok(const struct rec_column *c)
{
    uint32_t natural = rec_coltyp_size(c->coltyp);

    if (!rec_has_default(c)) return 1;
    if (c->flags & REC_COL_FIXED) return c->cbdefault == rec_fixed_size(c);
    if (natural) return c->cbdefault == natural;
    if (rec_is_lv(c))
        return c->cbdefault <= JET_cbLVDefaultValueMost && (!c->cbmax || c->cbdefault <= c->cbmax);
    return c->cbdefault <= rec_cbmax_short(c);
}

/* One live (not deleted) column's type, flags, size and default. */
static int column_ok(const struct rec_column *c, uint32_t cls)
{
    uint32_t natural = rec_coltyp_size(c->coltyp);

    if (!coltyp_valid(c->coltyp)) return 0;
    if (!!(c->flags & REC_COL_LONG) != is_long(c->coltyp)) return 0;
    if ((c->flags & (REC_COL_LONG | REC_COL_MULTIVALUED)) && cls != REC_COL_TAGGED) return 0;
    switch (cls) {
    case REC_COL_FIXED:
        if (natural ? c->cbmax && c->cbmax != natural : !is_text_or_binary(c->coltyp)) return 0;
        if (!natural && c->cbmax > REC_VAR_CB_MAX) return 0;
        break;
    case REC_COL_VARIABLE:
        if (!is_text_or_binary(c->coltyp) || c->cbmax > REC_VAR_CB_MAX) return 0;
        break;
    default:
        if (is_text_or_binary(c->coltyp) && c->cbmax > REC_VAR_CB_MAX) return 0;
        if (rec_is_lv(c) && c->cbmax > REC_LV_SIZE_MAX) return 0;
        break;
    }
    return default_ok(c);
}

int rec_schema_init(struct rec_schema *s, const struct rec_column *cols, uint32_t ncols)
{
    uint32_t i, prev = 0;

    memset(s, 0, sizeof(*s));
    s->cols = cols;
    s->ncols = ncols;
    s->itagged = ncols;
    for (i = 0; i < ncols; i++) {
        const struct rec_column *c = &cols[i];
        uint32_t cls = class_of(c->columnid);

        if (!cls || c->columnid <= prev) return JET_errInvalidParameter;
        if ((c->flags & (REC_COL_FIXED | REC_COL_VARIABLE | REC_COL_TAGGED)) != cls)
            return JET_errInvalidParameter;
        prev = c->columnid;
        if (!(c->flags & REC_COL_DELETED) && !column_ok(c, cls)) return JET_errInvalidParameter;
        if (cls == REC_COL_FIXED) {
            if (c->columnid != i + 1) return JET_errInvalidParameter; /* dense from 1 */
            s->nfixed = i + 1;
            s->fixed_end[i + 1] = (uint16_t)(s->fixed_end[i] + rec_fixed_size(c));
        } else if (cls == REC_COL_TAGGED) {
            if (s->itagged == ncols) s->itagged = i;
            if (!(c->flags & REC_COL_DELETED) && rec_has_default(c)) s->ntagged_defaults++;
        }
    }
    return 0;
}

int rec_schema_find(const struct rec_schema *s, JET_COLUMNID id, const struct rec_column **col)
{
    uint32_t lo, hi;

    *col = NULL;
    if (!class_of(id)) return JET_errBadColumnId;
    if (id <= REC_FIXED_LAST) {
        lo = id - 1; /* fixed ids are dense */
        if (lo >= s->nfixed) return JET_errColumnNotFound;
    } else {
        lo = s->nfixed;
        hi = s->ncols;
        while (lo < hi) {
            uint32_t mid = lo + (hi - lo) / 2;
            if (s->cols[mid].columnid < id) lo = mid + 1;
            else hi = mid;
        }
        if (lo == s->ncols || s->cols[lo].columnid != id) return JET_errColumnNotFound;
    }
    if (s->cols[lo].flags & REC_COL_DELETED) return JET_errColumnNotFound;
    *col = &s->cols[lo];
    return 0;
}
