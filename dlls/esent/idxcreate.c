/*
 * idxcreate.c - JetGetIndexInfo / JetGetTableIndexInfo at the levels
 * JET_IdxInfoCreateIndex, CreateIndex2 and CreateIndex3: an index
 * described as the JET_INDEXCREATE, JET_INDEXCREATE2 or JET_INDEXCREATE3
 * (A or W) that would create it again, everything it points to packed
 * into the caller's one buffer.
 *
 * The buffer holds, in this order: the structure itself (cbStruct its
 * size); for CreateIndex2/3 a JET_SPACEHINTS (cbStruct, ulInitialDensity
 * the index's density, the rest zero: the engine keeps no other hints);
 * the index name; the key ("+col\0-col\0\0", cbKey its size in bytes,
 * both final NULs included); the Unicode description, for CreateIndex and
 * CreateIndex2 a JET_UNICODEINDEX (lcid, 0x409 when none was given, and
 * the LCMapString flags), for CreateIndex3 a JET_UNICODEINDEX2 followed by
 * its locale name ("en-US" when none was given); the JET_TUPLELIMITS of a
 * tuple index (which also gets JET_bitIndexTupleLimits; other indexes
 * report cbVarSegMac); and the JET_CONDITIONALCOLUMN array followed by
 * the column names.  Names are UTF-16 for the W entry points, the ANSI
 * code page for the A ones.  The structures after the first start on
 * pointer-aligned offsets.
 *
 * As ESE does, grbit is the index's reported grbit (infolist.h,
 * info_index_grbit) plus JET_bitIndexUnicode (the Unicode description is
 * always filled in; JetCreateIndex2 ignores it for non-Unicode keys), and
 * cbKeyMost is at least JET_cbKeyMost_OLD (255).  A buffer too small for
 * all of it is JET_wrnBufferTruncated (the documented code for every
 * JetGetIndexInfo level), its contents undefined.
 */
#include <assert.h>
#include <stddef.h>
#include <string.h>

#include "debug.h"
#include "infolist.h"
#include "utf.h"

#define IDXC_LCID_DEFAULT 0x0409
#define IDXC_KEYMOST_OLD 255

/* The caller's buffer, filled from the front. */
struct obuf {
    uint8_t *base;
    size_t cb, used;
    int wide;
};

/* n bytes at the next offset aligned to align, or NULL when they do not fit. */
static void *ob_take(struct obuf *o, size_t n, size_t align)
{
    size_t at = (o->used + align - 1) & ~(align - 1);
    if (at > o->cb || o->cb - at < n) return NULL;
    o->used = at + n;
    return o->base + at;
}

/* A UTF-16 string (NUL-terminated) written as the caller's kind of string;
 * *cbw gets the bytes written (the NUL included).  NULL if it does not fit. */
static void *ob_wstr(struct obuf *o, const uint16_t *w, size_t *cbw)
{
    size_t n = 0;
    char *dst;

    while (w[n]) n++;
    if (o->wide) {
        uint16_t *d = ob_take(o, (n + 1) * sizeof(uint16_t), sizeof(uint16_t));
        if (!d) return NULL;
        memcpy(d, w, (n + 1) * sizeof(uint16_t));
        *cbw = (n + 1) * sizeof(uint16_t);
        return d;
    }
    dst = (char *)o->base + o->used;
    if (str_w_to_a_buf(w, dst, (unsigned long)(o->cb - o->used)) < 0) return NULL;
    *cbw = strlen(dst) + 1;
    o->used += *cbw;
    return dst;
}

/* A catalog name (UTF-8). */
static void *ob_name(struct obuf *o, const char *name, size_t *cbw)
{
    uint16_t w[CAT_NAME_MAX + 1];
    size_t n = utf8_to_utf16(name, (size_t)-1, w, CAT_NAME_MAX + 1);
    assert(n >= 1 && n <= CAT_NAME_MAX + 1);
    w[CAT_NAME_MAX] = 0;
    return ob_wstr(o, w, cbw);
}

/* One character ('+', '-' or NUL) of the key string. */
static int ob_char(struct obuf *o, char c)
{
    if (o->wide) {
        uint16_t w = (uint8_t)c;
        uint16_t *d = ob_take(o, sizeof(w), sizeof(w));
        if (!d) return 0;
        memcpy(d, &w, sizeof(w));
    } else {
        char *d = ob_take(o, 1, 1);
        if (!d) return 0;
        *d = c;
    }
    return 1;
}

static const char *column_name(const struct tbl_schema *sch, JET_COLUMNID id)
{
    const struct cat_column *c = tbl_column(sch, id);
    return c ? c->name : "";
}

/* The key string: each segment's direction and column name, then a NUL. */
static void *put_key(struct obuf *o, const struct tbl_schema *sch, const struct cat_index *ci, size_t *cbkey)
{
    void *start = o->base + o->used;
    size_t cbw;
    uint32_t i;

    if (o->wide && (o->used & 1)) return NULL; /* names are whole UTF-16 units */
    *cbkey = 0;
    for (i = 0; i < ci->nsegs; i++) {
        if (!ob_char(o, ci->segs[i].descending ? '-' : '+')) return NULL;
        if (!ob_name(o, column_name(sch, ci->segs[i].columnid), &cbw)) return NULL;
        *cbkey += (o->wide ? 2 : 1) + cbw;
    }
    if (!ob_char(o, 0)) return NULL;
    *cbkey += o->wide ? 2 : 1;
    return start;
}

JET_ERR idxcreate_fill(const struct tbl_schema *sch, const struct tbl_index *ix, int wide, unsigned long level,
                       void *pv, unsigned long cb)
{
    static const uint16_t dflt_locale[] = { 'e', 'n', '-', 'U', 'S', 0 };
    const struct cat_index *ci = &ix->ci;
    JET_INDEXCREATE2_W ic; /* the common layout of all six structures */
    struct obuf o;
    size_t size, cbw, cbkey = 0;
    void *p;
    uint32_t i;

    /* Every variant shares JET_INDEXCREATE2_W's layout up to its own end. */
    assert(sizeof(JET_INDEXCREATE_A) == sizeof(JET_INDEXCREATE_W));
    assert(offsetof(JET_INDEXCREATE_W, cbKeyMost) == offsetof(JET_INDEXCREATE2_W, cbKeyMost));
    assert(offsetof(JET_INDEXCREATE3_W, pidxunicode) == offsetof(JET_INDEXCREATE2_W, pidxunicode));
    assert(offsetof(JET_INDEXCREATE3_W, pSpacehints) == offsetof(JET_INDEXCREATE2_W, pSpacehints));
    assert(sizeof(JET_INDEXCREATE3_A) == sizeof(JET_INDEXCREATE2_W));
    assert(level == JET_IdxInfoCreateIndex || level == JET_IdxInfoCreateIndex2 ||
           level == JET_IdxInfoCreateIndex3);

    size = level == JET_IdxInfoCreateIndex ? sizeof(JET_INDEXCREATE_W) : sizeof(JET_INDEXCREATE2_W);
    if (!pv || cb < size) return JET_wrnBufferTruncated;
    memset(&ic, 0, sizeof(ic));
    o.base = pv;
    o.cb = cb;
    o.used = size;
    o.wide = wide;
    ic.cbStruct = (JET_ULONG_)size;

    if (level != JET_IdxInfoCreateIndex) {
        JET_SPACEHINTS *sh = ob_take(&o, sizeof(*sh), sizeof(void *));
        if (!sh) return JET_wrnBufferTruncated;
        memset(sh, 0, sizeof(*sh));
        sh->cbStruct = sizeof(*sh);
        sh->ulInitialDensity = ci->density;
        ic.pSpacehints = sh;
    }
    if (!(p = ob_name(&o, ci->name, &cbw))) return JET_wrnBufferTruncated;
    ic.szIndexName = p;
    if (!(p = put_key(&o, sch, ci, &cbkey))) return JET_wrnBufferTruncated;
    ic.szKey = p;
    ic.cbKey = (JET_ULONG_)cbkey;
    ic.grbit = info_index_grbit(ci) | JET_bitIndexUnicode;
    ic.ulDensity = ci->density;

    if (level != JET_IdxInfoCreateIndex3) {
        JET_UNICODEINDEX *ui = ob_take(&o, sizeof(*ui), sizeof(void *));
        if (!ui) return JET_wrnBufferTruncated;
        ui->lcid = ci->lcid ? ci->lcid : IDXC_LCID_DEFAULT;
        ui->dwMapFlags = ci->map_flags;
        ic.pidxunicode = ui;
    } else {
        JET_UNICODEINDEX2 *ui = ob_take(&o, sizeof(*ui), sizeof(void *));
        uint16_t *loc;
        size_t n = 0;
        const uint16_t *src = ci->locale[0] ? ci->locale : dflt_locale;
        if (!ui) return JET_wrnBufferTruncated;
        while (src[n]) n++;
        if (!(loc = ob_take(&o, (n + 1) * sizeof(uint16_t), sizeof(uint16_t)))) return JET_wrnBufferTruncated;
        memcpy(loc, src, (n + 1) * sizeof(uint16_t));
        ui->szLocaleName = (WCHAR *)loc;
        ui->dwMapFlags = ci->map_flags;
        ic.pidxunicode = (JET_UNICODEINDEX *)ui;
    }

    if (ci->flags & CAT_INDEX_TUPLES) {
        JET_TUPLELIMITS *tl = ob_take(&o, sizeof(*tl), sizeof(void *));
        if (!tl) return JET_wrnBufferTruncated;
        tl->chLengthMin = ci->tuples.len_min;
        tl->chLengthMax = ci->tuples.len_max;
        tl->chToIndexMax = ci->tuples.to_index_max;
        tl->cchIncrement = ci->tuples.increment;
        tl->ichStart = ci->tuples.start;
        ic.ptuplelimits = tl;
        ic.grbit |= JET_bitIndexTupleLimits;
    } else {
        ic.cbVarSegMac = ci->cbvarsegmac;
    }

    if (ci->ncond) {
        /* The A and W arrays have one layout: a size, a pointer, a grbit. */
        JET_CONDITIONALCOLUMN_W *cc = ob_take(&o, ci->ncond * sizeof(*cc), sizeof(void *));
        assert(sizeof(JET_CONDITIONALCOLUMN_A) == sizeof(JET_CONDITIONALCOLUMN_W));
        if (!cc) return JET_wrnBufferTruncated;
        for (i = 0; i < ci->ncond; i++) {
            if (!(p = ob_name(&o, column_name(sch, ci->cond[i].columnid), &cbw))) return JET_wrnBufferTruncated;
            cc[i].cbStruct = sizeof(cc[i]);
            cc[i].szColumnName = p;
            cc[i].grbit = ci->cond[i].grbit;
        }
        ic.rgconditionalcolumn = cc;
        ic.cConditionalColumn = ci->ncond;
    }
    ic.cbKeyMost = ci->cbkeymost > IDXC_KEYMOST_OLD ? ci->cbkeymost : IDXC_KEYMOST_OLD;
    memcpy(pv, &ic, size);
    return 0;
}
