/*
 * cat_rec.c - the catalog's keys and the byte layout of its records
 * (docs/format.md, "Catalog").  Integers in values are little-endian,
 * integers in keys big-endian.  Decoders check every length against the
 * record's and return JET_errDatabaseCorrupted rather than read past it.
 */
#include <string.h>

#include "cat_int.h"

#define TABLE_FIXED 64u   /* table record bytes before the name */
#define COLUMN_FIXED 24u
#define INDEX_FIXED 40u
#define SEG_SIZE 5u
#define COND_SIZE 8u
#define TUPLES_SIZE 20u

void cat_put_u16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

void cat_put_u32(uint8_t *p, uint32_t v)
{
    cat_put_u16(p, v & 0xFFFF);
    cat_put_u16(p + 2, v >> 16);
}

uint32_t cat_get_u16(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

uint32_t cat_get_u32(const uint8_t *p)
{
    return cat_get_u16(p) | cat_get_u16(p + 2) << 16;
}

static void put_u64(uint8_t *p, uint64_t v)
{
    cat_put_u32(p, (uint32_t)v);
    cat_put_u32(p + 4, (uint32_t)(v >> 32));
}

static uint64_t get_u64(const uint8_t *p)
{
    return cat_get_u32(p) | (uint64_t)cat_get_u32(p + 4) << 32;
}

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* ---- keys ---------------------------------------------------------------- */

void catk_counter(struct cat_key *k)
{
    k->b[0] = CATK_COUNTER;
    k->b[1] = 0x01;
    k->len = 2;
}

void catk_table_name(struct cat_key *k, const char *name)
{
    k->b[0] = CATK_TABLE_NAME;
    k->len = 1 + cat_name_fold(name, k->b + 1);
}

void catk_table(struct cat_key *k, uint32_t objid)
{
    k->b[0] = CATK_TABLE;
    put_be32(k->b + 1, objid);
    k->len = 5;
}

static void key_pair(struct cat_key *k, uint8_t tag, uint32_t objid, uint32_t id)
{
    k->b[0] = tag;
    put_be32(k->b + 1, objid);
    put_be32(k->b + 5, id);
    k->len = 9;
}

static void key_name(struct cat_key *k, uint8_t tag, uint32_t objid, const char *name)
{
    k->b[0] = tag;
    put_be32(k->b + 1, objid);
    k->len = 5 + cat_name_fold(name, k->b + 5);
}

void catk_column(struct cat_key *k, uint32_t objid, uint32_t columnid)
{
    key_pair(k, CATK_COLUMN, objid, columnid);
}

void catk_column_name(struct cat_key *k, uint32_t objid, const char *name)
{
    key_name(k, CATK_COLUMN_NAME, objid, name);
}

void catk_index(struct cat_key *k, uint32_t objid, uint32_t slot)
{
    key_pair(k, CATK_INDEX, objid, slot);
}

void catk_index_name(struct cat_key *k, uint32_t objid, const char *name)
{
    key_name(k, CATK_INDEX_NAME, objid, name);
}

/* ---- names inside records ------------------------------------------------ */

/* Copies a stored name (n bytes, no NUL inside) into out. */
static int get_name(const uint8_t *p, uint32_t n, char *out)
{
    if (n > CAT_NAME_MAX || memchr(p, 0, n)) return JET_errDatabaseCorrupted;
    memcpy(out, p, n);
    out[n] = '\0';
    return 0;
}

/* ---- tables -------------------------------------------------------------- */

uint32_t catr_table_encode(const struct cat_table *tb, uint8_t *out)
{
    uint32_t n = (uint32_t)strlen(tb->name);

    memset(out, 0, TABLE_FIXED);
    out[0] = CAT_FORMAT;
    out[1] = (uint8_t)n;
    cat_put_u16(out + 2, tb->index_slots);
    cat_put_u32(out + 4, tb->objid);
    cat_put_u32(out + 8, tb->data_root);
    cat_put_u32(out + 12, tb->lv_root);
    cat_put_u32(out + 16, tb->pages);
    cat_put_u32(out + 20, tb->density);
    cat_put_u32(out + 24, tb->flags);
    cat_put_u32(out + 28, tb->template_objid);
    cat_put_u16(out + 32, tb->last_fixed);
    cat_put_u16(out + 34, tb->last_var);
    cat_put_u16(out + 36, tb->last_tagged);
    cat_put_u32(out + 40, tb->fixed_bytes);
    cat_put_u32(out + 44, tb->primary_slot);
    cat_put_u32(out + 48, tb->autoinc_column);
    cat_put_u32(out + 52, tb->version_column);
    put_u64(out + 56, tb->autoinc_last);
    memcpy(out + TABLE_FIXED, tb->name, n);
    return TABLE_FIXED + n;
}

static int table_ids_ok(const struct cat_table *tb)
{
    return tb->last_fixed <= CAT_FIXED_LAST && tb->last_var >= CAT_VAR_FIRST - 1 &&
           tb->last_var <= CAT_VAR_LAST && tb->last_tagged >= CAT_TAGGED_FIRST - 1 &&
           tb->last_tagged <= CAT_TAGGED_LAST && tb->name[0];
}

int catr_table_decode(const uint8_t *v, uint32_t len, struct cat_table *tb)
{
    memset(tb, 0, sizeof(*tb));
    if (len < TABLE_FIXED || v[0] != CAT_FORMAT || len != TABLE_FIXED + v[1])
        return JET_errDatabaseCorrupted;
    if (get_name(v + TABLE_FIXED, v[1], tb->name) < 0) return JET_errDatabaseCorrupted;
    tb->index_slots = (uint16_t)cat_get_u16(v + 2);
    tb->objid = cat_get_u32(v + 4);
    tb->data_root = cat_get_u32(v + 8);
    tb->lv_root = cat_get_u32(v + 12);
    tb->pages = cat_get_u32(v + 16);
    tb->density = cat_get_u32(v + 20);
    tb->flags = cat_get_u32(v + 24);
    tb->template_objid = cat_get_u32(v + 28);
    tb->last_fixed = (uint16_t)cat_get_u16(v + 32);
    tb->last_var = (uint16_t)cat_get_u16(v + 34);
    tb->last_tagged = (uint16_t)cat_get_u16(v + 36);
    tb->fixed_bytes = cat_get_u32(v + 40);
    tb->primary_slot = cat_get_u32(v + 44);
    tb->autoinc_column = cat_get_u32(v + 48);
    tb->version_column = cat_get_u32(v + 52);
    tb->autoinc_last = get_u64(v + 56);
    if (!table_ids_ok(tb)) return JET_errDatabaseCorrupted;
    if (tb->primary_slot != CAT_NONE && tb->primary_slot >= tb->index_slots)
        return JET_errDatabaseCorrupted;
    return 0;
}

/* ---- columns ------------------------------------------------------------- */

uint32_t catr_column_encode(const struct cat_column *c, uint8_t *out)
{
    uint32_t n = (uint32_t)strlen(c->name);

    memset(out, 0, COLUMN_FIXED);
    out[0] = CAT_FORMAT;
    out[1] = (uint8_t)n;
    out[2] = c->deleted ? 1 : 0;
    cat_put_u32(out + 4, c->columnid);
    cat_put_u32(out + 8, c->coltyp);
    cat_put_u32(out + 12, c->cbmax);
    cat_put_u32(out + 16, c->grbit);
    cat_put_u16(out + 20, c->cp);
    cat_put_u16(out + 22, c->cbdefault);
    memcpy(out + COLUMN_FIXED, c->name, n);
    memcpy(out + COLUMN_FIXED + n, c->defval, c->cbdefault);
    return COLUMN_FIXED + n + c->cbdefault;
}

int catr_column_decode(const uint8_t *v, uint32_t len, struct cat_column *c)
{
    uint32_t n;

    memset(c, 0, sizeof(*c));
    if (len < COLUMN_FIXED || v[0] != CAT_FORMAT || v[2] > 1) return JET_errDatabaseCorrupted;
    n = v[1];
    c->deleted = v[2];
    c->columnid = cat_get_u32(v + 4);
    c->coltyp = cat_get_u32(v + 8);
    c->cbmax = cat_get_u32(v + 12);
    c->grbit = cat_get_u32(v + 16);
    c->cp = (uint16_t)cat_get_u16(v + 20);
    c->cbdefault = cat_get_u16(v + 22);
    if (c->cbdefault > CAT_DEFAULT_MAX || len != COLUMN_FIXED + n + c->cbdefault)
        return JET_errDatabaseCorrupted;
    if ((n == 0) != (c->deleted != 0) || !cat_coltyp_valid(c->coltyp))
        return JET_errDatabaseCorrupted;
    if (c->columnid < CAT_FIXED_FIRST || c->columnid > CAT_TAGGED_LAST)
        return JET_errDatabaseCorrupted;
    if (get_name(v + COLUMN_FIXED, n, c->name) < 0) return JET_errDatabaseCorrupted;
    memcpy(c->defval, v + COLUMN_FIXED + n, c->cbdefault);
    return 0;
}

/* ---- indexes ------------------------------------------------------------- */

static uint32_t locale_len(const uint16_t *s)
{
    uint32_t n = 0;
    while (n < CAT_LOCALE_MAX && s[n]) n++;
    return n;
}

static uint32_t index_var_size(const struct cat_index *ix, uint32_t name, uint32_t loc,
                               uint32_t sv)
{
    return name + ix->nsegs * SEG_SIZE + ix->ncond * COND_SIZE + 2 * loc + sv +
           (ix->flags & CAT_INDEX_TUPLES ? TUPLES_SIZE : 0);
}

static uint8_t *put_segs(const struct cat_index *ix, uint8_t *p)
{
    uint32_t i;
    for (i = 0; i < ix->nsegs; i++, p += SEG_SIZE) {
        cat_put_u32(p, ix->segs[i].columnid);
        p[4] = ix->segs[i].descending ? 1 : 0;
    }
    for (i = 0; i < ix->ncond; i++, p += COND_SIZE) {
        cat_put_u32(p, ix->cond[i].columnid);
        cat_put_u32(p + 4, ix->cond[i].grbit);
    }
    return p;
}

static void put_tuples(const struct cat_tuple_limits *tl, uint8_t *p)
{
    cat_put_u32(p, tl->len_min);
    cat_put_u32(p + 4, tl->len_max);
    cat_put_u32(p + 8, tl->to_index_max);
    cat_put_u32(p + 12, tl->increment);
    cat_put_u32(p + 16, tl->start);
}

uint32_t catr_index_encode(const struct cat_index *ix, uint8_t *out)
{
    uint32_t n = (uint32_t)strlen(ix->name), loc = locale_len(ix->locale), i;
    uint32_t sv = (uint32_t)strlen(ix->sort_version);
    uint8_t *p;

    memset(out, 0, INDEX_FIXED);
    out[0] = CAT_FORMAT;
    out[1] = (uint8_t)n;
    out[2] = (uint8_t)ix->nsegs;
    out[3] = (uint8_t)ix->ncond;
    cat_put_u32(out + 4, ix->slot);
    cat_put_u32(out + 8, ix->objid);
    cat_put_u32(out + 12, ix->root);
    cat_put_u32(out + 16, ix->grbit);
    cat_put_u32(out + 20, ix->density);
    cat_put_u16(out + 24, ix->cbkeymost);
    cat_put_u16(out + 26, ix->cbvarsegmac);
    cat_put_u32(out + 28, ix->lcid);
    cat_put_u32(out + 32, ix->map_flags);
    out[36] = (uint8_t)loc;
    out[37] = (uint8_t)sv;
    out[38] = (uint8_t)ix->flags;
    memcpy(out + INDEX_FIXED, ix->name, n);
    p = put_segs(ix, out + INDEX_FIXED + n);
    for (i = 0; i < loc; i++, p += 2) cat_put_u16(p, ix->locale[i]);
    memcpy(p, ix->sort_version, sv);
    p += sv;
    if (ix->flags & CAT_INDEX_TUPLES) put_tuples(&ix->tuples, p);
    return INDEX_FIXED + index_var_size(ix, n, loc, sv);
}

static const uint8_t *get_segs(struct cat_index *ix, const uint8_t *p)
{
    uint32_t i;
    for (i = 0; i < ix->nsegs; i++, p += SEG_SIZE) {
        ix->segs[i].columnid = cat_get_u32(p);
        ix->segs[i].descending = p[4] & 1;
    }
    for (i = 0; i < ix->ncond; i++, p += COND_SIZE) {
        ix->cond[i].columnid = cat_get_u32(p);
        ix->cond[i].grbit = cat_get_u32(p + 4);
    }
    return p;
}

static void get_tuples(struct cat_tuple_limits *tl, const uint8_t *p)
{
    tl->len_min = cat_get_u32(p);
    tl->len_max = cat_get_u32(p + 4);
    tl->to_index_max = cat_get_u32(p + 8);
    tl->increment = cat_get_u32(p + 12);
    tl->start = cat_get_u32(p + 16);
}

static int index_head_ok(const struct cat_index *ix, uint32_t loc, uint32_t sv)
{
    return ix->nsegs >= 1 && ix->nsegs <= CAT_KEY_SEGMENTS && ix->ncond <= CAT_CONDITIONAL_MAX &&
           loc <= CAT_LOCALE_MAX && sv <= CAT_SORT_VERSION_MAX && ix->cbvarsegmac >= 1 &&
           ix->cbvarsegmac <= ix->cbkeymost && ix->cbkeymost <= JET_cbKeyMostMost;
}

int catr_index_decode(const uint8_t *v, uint32_t len, uint32_t table_objid, struct cat_index *ix)
{
    uint32_t n, loc, sv, i;
    const uint8_t *p;

    memset(ix, 0, sizeof(*ix));
    if (len < INDEX_FIXED || v[0] != CAT_FORMAT) return JET_errDatabaseCorrupted;
    n = v[1];
    ix->nsegs = v[2];
    ix->ncond = v[3];
    ix->table_objid = table_objid;
    ix->slot = cat_get_u32(v + 4);
    ix->objid = cat_get_u32(v + 8);
    ix->root = cat_get_u32(v + 12);
    ix->grbit = cat_get_u32(v + 16);
    ix->density = cat_get_u32(v + 20);
    ix->cbkeymost = cat_get_u16(v + 24);
    ix->cbvarsegmac = cat_get_u16(v + 26);
    ix->lcid = cat_get_u32(v + 28);
    ix->map_flags = cat_get_u32(v + 32);
    loc = v[36];
    sv = v[37];
    ix->flags = v[38];
    if (!index_head_ok(ix, loc, sv) || len != INDEX_FIXED + index_var_size(ix, n, loc, sv))
        return JET_errDatabaseCorrupted;
    if (n == 0 || get_name(v + INDEX_FIXED, n, ix->name) < 0) return JET_errDatabaseCorrupted;
    p = get_segs(ix, v + INDEX_FIXED + n);
    for (i = 0; i < loc; i++, p += 2) ix->locale[i] = (uint16_t)cat_get_u16(p);
    if (memchr(p, 0, sv)) return JET_errDatabaseCorrupted;
    memcpy(ix->sort_version, p, sv);
    p += sv;
    if (ix->flags & CAT_INDEX_TUPLES) get_tuples(&ix->tuples, p);
    return 0;
}
