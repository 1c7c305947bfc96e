/*
 * indexkeys.c - the index entries of a record: which keys a record has in
 * an index (jet_table.h, idx_record_keys) and its primary key.
 *
 * A key is made from one value per key column (key_build).  A column that
 * holds several values (a tagged multi-valued column) gives several keys,
 * as ESE makes them (JET_INDEXCREATE's remarks):
 *  - by default, one key per value of the most significant multi-valued
 *    key column; every other multi-valued column contributes its first
 *    value;
 *  - JET_bitIndexCrossProduct: one key per combination of the values of
 *    all multi-valued key columns;
 *  - JET_bitIndexNestedTable: key n takes value n of every multi-valued key
 *    column (NULL where a column has fewer), for n up to the largest count.
 * A column without a value is NULL; an absent tagged column with a default
 * value has that value (rec_get returns defaults).  Each key combination is
 * then filtered by the index's NULL rules: IgnoreNull (all segments NULL),
 * IgnoreAnyNull, IgnoreFirstNull leave it out, DisallowNull refuses the
 * record (JET_errNullKeyDisallowed).  A conditional index has no entry for
 * a record whose condition columns do not match (MustBeNull /
 * MustBeNonNull, on the first value).  Identical keys of one record are
 * kept once.
 *
 * A tuple index (JET_bitIndexTuples) has one key per substring of its
 * column's value (add_tuples).
 *
 * Separated long values are read through the caller's callback, only as
 * far as key making can use them (LV_KEY_SOURCE_MAX bytes).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "jet_table.h"


/* Bytes of a long value read for its key: comfortably more than any key
 * (2000 bytes) can take from one column. */
#define LV_KEY_SOURCE_MAX 4096u

static const uint8_t empty_value[1];

void idx_keyset_free(struct idx_keyset *ks)
{
    free(ks->keys);
    free(ks->lens);
    free(ks->buf);
    memset(ks, 0, sizeof(*ks));
}

/* Appends a key unless the set holds it already. */
static JET_ERR keyset_add(struct idx_keyset *ks, const uint8_t *key, uint32_t klen)
{
    uint32_t i, off = 0;

    for (i = 0; i < ks->n; i++)
        if (ks->lens[i] == klen && !memcmp(ks->keys[i], key, klen)) return 0;
    if (ks->n == ks->cap) {
        uint32_t cap = ks->cap ? ks->cap * 2 : 4;
        uint8_t **keys = realloc(ks->keys, cap * sizeof(*keys));
        uint32_t *lens;
        if (!keys) return JET_errOutOfMemory;
        ks->keys = keys;
        if (!(lens = realloc(ks->lens, cap * sizeof(*lens)))) return JET_errOutOfMemory;
        ks->lens = lens;
        ks->cap = cap;
    }
    if (ks->buflen + klen > ks->bufcap) {
        uint32_t cap = ks->bufcap ? ks->bufcap : 256;
        uint8_t *buf;
        while (cap < ks->buflen + klen) cap *= 2;
        if (!(buf = realloc(ks->buf, cap))) return JET_errOutOfMemory;
        ks->buf = buf;
        ks->bufcap = cap;
        /* The keys are back to back in buf: point them into the new one. */
        for (i = 0; i < ks->n; i++) {
            ks->keys[i] = buf + off;
            off += ks->lens[i];
        }
    }
    memcpy(ks->buf + ks->buflen, key, klen);
    ks->keys[ks->n] = ks->buf + ks->buflen;
    ks->lens[ks->n++] = klen;
    ks->buflen += klen;
    return 0;
}

/* What making keys of one record needs. */
struct keyctx {
    const struct tbl_schema *sch;
    const struct tbl_index *ix;
    const uint8_t *rec;
    uint32_t len;
    idx_lv_read_fn lvread;
    void *lvctx;
    uint8_t *lvbuf[CAT_KEY_SEGMENTS]; /* separated LVs read, per segment */
    uint32_t counts[CAT_KEY_SEGMENTS]; /* values per segment */
    int multi[CAT_KEY_SEGMENTS];       /* the segment's column is multi-valued */
};

/* Value itag of segment seg: *data NULL for NULL. */
static JET_ERR seg_value(struct keyctx *c, uint32_t seg, uint32_t itag, const void **data, uint32_t *cb)
{
    JET_COLUMNID id = c->ix->ci.segs[seg].columnid;
    const uint8_t *p;
    unsigned flags;
    uint32_t lid, size, got;
    JET_ERR err;

    *data = NULL;
    *cb = 0;
    err = rec_get(c->rec, c->len, &c->sch->rs, id, itag, &p, cb, &flags);
    if (err == JET_wrnColumnNull || (err >= 0 && (flags & RECF_NULL))) {
        *cb = 0;
        return 0;
    }
    if (err < 0) return err;
    if (!(flags & RECF_SEPARATED_LV)) {
        *data = *cb ? (const void *)p : (const void *)empty_value;
        return 0;
    }
    rec_lvref_decode(p, &lid, &size);
    if (!c->lvread) return JET_errInvalidParameter;
    if (!c->lvbuf[seg] && !(c->lvbuf[seg] = malloc(LV_KEY_SOURCE_MAX))) return JET_errOutOfMemory;
    if ((err = c->lvread(c->lvctx, lid, c->lvbuf[seg], size < LV_KEY_SOURCE_MAX ? size : LV_KEY_SOURCE_MAX, &got)) < 0)
        return err;
    *data = got ? (const void *)c->lvbuf[seg] : (const void *)empty_value;
    *cb = got;
    return 0;
}

/* Whether the record passes the index's conditional columns. */
static JET_ERR conditions_met(struct keyctx *c, int *met)
{
    const struct cat_index *ci = &c->ix->ci;
    uint32_t i, cb;
    const uint8_t *p;
    unsigned flags;
    JET_ERR err;

    *met = 1;
    for (i = 0; i < ci->ncond; i++) {
        int isnull;
        err = rec_get(c->rec, c->len, &c->sch->rs, ci->cond[i].columnid, 1, &p, &cb, &flags);
        if (err < 0 && err != JET_errColumnNotFound) return err;
        isnull = err == JET_wrnColumnNull || err == JET_errColumnNotFound || (flags & RECF_NULL);
        if ((ci->cond[i].grbit & JET_bitIndexColumnMustBeNull) ? !isnull : isnull) {
            *met = 0;
            return 0;
        }
    }
    return 0;
}

/* A tuple index (one text column): one key per substring of the value,
 * tuple limits as JET_TUPLELIMITS says: from character `start` on, every
 * `increment` characters, up to `len_max` characters long and at least
 * `len_min`, over the first `to_index_max` characters.  A NULL value has
 * no entries. */
static JET_ERR add_tuples(struct keyctx *c, const void *data, uint32_t cb, struct idx_keyset *ks)
{
    const struct cat_index *ci = &c->ix->ci;
    struct cat_tuple_limits tl = { 3, 10, 0x7FFF, 1, 0 };
    uint32_t unit = c->ix->key.cols[0].cp == 1200 ? 2 : 1, nch = cb / unit, ich, n;
    uint8_t key[KEY_BUF_MAX];
    int klen, truncated;
    JET_ERR err;

    assert(ci->nsegs == 1);
    if (ci->flags & CAT_INDEX_TUPLES) tl = ci->tuples;
    if (!data || !tl.increment) return 0;
    for (ich = tl.start; ich < nch && ich - tl.start < tl.to_index_max; ich += tl.increment) {
        const void *v = (const uint8_t *)data + (size_t)ich * unit;
        uint32_t len;
        n = nch - ich < tl.len_max ? nch - ich : tl.len_max;
        if (n < tl.len_min) break;
        len = n * unit;
        klen = key_build(&c->ix->key, &v, &len, key, sizeof(key), &truncated);
        if (klen < 0) return klen;
        if ((err = keyset_add(ks, key, (uint32_t)klen)) < 0) return err;
    }
    return 0;
}

/* Makes the key for one choice of itags (itags[seg]) and adds it. */
static JET_ERR add_combination(struct keyctx *c, const uint32_t *itags, struct idx_keyset *ks)
{
    const struct cat_index *ci = &c->ix->ci;
    const void *vals[CAT_KEY_SEGMENTS];
    uint32_t lens[CAT_KEY_SEGMENTS], i, nnull = 0;
    uint8_t key[KEY_BUF_MAX];
    int klen, truncated;
    JET_ERR err;

    for (i = 0; i < ci->nsegs; i++) {
        if (itags[i] > c->counts[i]) {
            vals[i] = NULL; /* past this column's values (NestedTable) */
            lens[i] = 0;
        } else if ((err = seg_value(c, i, itags[i], &vals[i], &lens[i])) < 0) {
            return err;
        }
        nnull += !vals[i];
    }
    if (ci->grbit & JET_bitIndexTuples) return add_tuples(c, vals[0], lens[0], ks);
    if ((ci->grbit & JET_bitIndexIgnoreNull) && nnull == ci->nsegs) return 0;
    if ((ci->grbit & JET_bitIndexIgnoreAnyNull) && nnull) return 0;
    if ((ci->grbit & JET_bitIndexIgnoreFirstNull) && !vals[0]) return 0;
    if ((ci->grbit & JET_bitIndexDisallowNull) && nnull) return JET_errNullKeyDisallowed;
    klen = key_build(&c->ix->key, vals, lens, key, sizeof(key), &truncated);
    if (klen < 0) return klen;
    return keyset_add(ks, key, (uint32_t)klen);
}

/* Counts the values of every key column. */
static JET_ERR count_values(struct keyctx *c, int first_only)
{
    const struct cat_index *ci = &c->ix->ci;
    const struct rec_column *rc;
    uint32_t i;
    JET_ERR err;

    for (i = 0; i < ci->nsegs; i++) {
        c->counts[i] = 1;
        c->multi[i] = 0;
        if (first_only) continue;
        if (rec_schema_find(&c->sch->rs, ci->segs[i].columnid, &rc) < 0) continue;
        if (!(rc->flags & REC_COL_MULTIVALUED)) continue;
        c->multi[i] = 1;
        if ((err = rec_count_values(c->rec, c->len, &c->sch->rs, ci->segs[i].columnid, &c->counts[i])) < 0)
            return err;
        if (!c->counts[i]) c->counts[i] = 1; /* one NULL value */
    }
    return 0;
}

/* Walks the combinations the index's grbit asks for. */
static JET_ERR all_keys(struct keyctx *c, int first_only, struct idx_keyset *ks)
{
    const struct cat_index *ci = &c->ix->ci;
    uint32_t itags[CAT_KEY_SEGMENTS], i, n, max = 1;
    int lead = -1;
    JET_ERR err;

    if ((err = count_values(c, first_only)) < 0) return err;
    for (i = 0; i < ci->nsegs; i++) {
        itags[i] = 1;
        if (c->multi[i] && lead < 0) lead = (int)i;
        if (c->multi[i] && c->counts[i] > max) max = c->counts[i];
    }
    if (lead < 0) return add_combination(c, itags, ks);
    if (ci->grbit & JET_bitIndexNestedTable) {
        for (n = 1; n <= max; n++) {
            for (i = 0; i < ci->nsegs; i++) itags[i] = c->multi[i] ? n : 1;
            if ((err = add_combination(c, itags, ks)) < 0) return err;
        }
        return 0;
    }
    if (ci->grbit & JET_bitIndexCrossProduct) {
        /* An odometer over the multi-valued segments, the last fastest. */
        for (;;) {
            if ((err = add_combination(c, itags, ks)) < 0) return err;
            for (i = ci->nsegs; i-- > 0;) {
                if (!c->multi[i]) continue;
                if (itags[i] < c->counts[i]) {
                    itags[i]++;
                    break;
                }
                itags[i] = 1;
            }
            if (i == (uint32_t)-1) return 0;
        }
    }
    for (n = 1; n <= c->counts[lead]; n++) {
        itags[lead] = n;
        if ((err = add_combination(c, itags, ks)) < 0) return err;
    }
    return 0;
}

static JET_ERR record_keys(const struct tbl_schema *sch, const struct tbl_index *ix, const uint8_t *rec,
                           uint32_t len, idx_lv_read_fn lvread, void *lvctx, int first_only,
                           struct idx_keyset *ks)
{
    struct keyctx c;
    JET_ERR err;
    int met;
    uint32_t i;

    assert(ix->ci.nsegs >= 1 && ix->ci.nsegs <= CAT_KEY_SEGMENTS);
    ks->n = 0;
    ks->buflen = 0;
    memset(&c, 0, sizeof(c));
    c.sch = sch;
    c.ix = ix;
    c.rec = rec;
    c.len = len;
    c.lvread = lvread;
    c.lvctx = lvctx;
    if ((err = conditions_met(&c, &met)) < 0 || !met) return err;
    err = all_keys(&c, first_only, ks);
    for (i = 0; i < CAT_KEY_SEGMENTS; i++) free(c.lvbuf[i]);
    return err;
}

JET_ERR idx_record_keys(const struct tbl_schema *sch, const struct tbl_index *ix, const uint8_t *rec,
                        uint32_t len, idx_lv_read_fn lvread, void *lvctx, struct idx_keyset *ks)
{
    return record_keys(sch, ix, rec, len, lvread, lvctx, 0, ks);
}

JET_ERR idx_primary_key(const struct tbl_schema *sch, const uint8_t *rec, uint32_t len,
                        idx_lv_read_fn lvread, void *lvctx, uint8_t *key, uint32_t *klen)
{
    const struct tbl_index *ix;
    struct idx_keyset ks;
    uint8_t *one_key[1], one_buf[KEY_BUF_MAX];
    uint32_t one_len[1];
    JET_ERR err;

    assert(sch->primary >= 0 && (uint32_t)sch->primary < sch->nidx);
    ix = &sch->idx[sch->primary];
    memset(&ks, 0, sizeof(ks));
    /* Performance (every insert and replace): the one key goes into
     * storage on the stack, so that no keyset is allocated.  Only a tuple
     * index, which cannot be primary, could make more than one key. */
    if (!(ix->ci.grbit & JET_bitIndexTuples)) {
        ks.keys = one_key;
        ks.lens = one_len;
        ks.cap = 1;
        ks.buf = one_buf;
        ks.bufcap = sizeof(one_buf);
    }
    err = record_keys(sch, ix, rec, len, lvread, lvctx, 1, &ks);
    if (err >= 0) {
        /* A primary index indexes NULLs and has no conditions. */
        assert(ks.n == 1);
        if (ks.n != 1) {
            err = JET_errDatabaseCorrupted;
        } else {
            memcpy(key, ks.keys[0], ks.lens[0]);
            *klen = ks.lens[0];
        }
    }
    if (ks.keys != one_key) idx_keyset_free(&ks);
    return err;
}
