/*
 * mvunique.c - JET_bitSetUniqueNormalizedMultiValues: is a value being set
 * into a multi-valued column equal, after key normalization, to another
 * value of that column in the copy buffer?
 *
 * JET_bitSetUniqueMultiValues compares raw bytes (the record builder does
 * it, rec_build.c).  The normalized flag compares what the values would
 * be as an index key, as ESE does: each value becomes one ascending key
 * segment of a legacy (255-byte) key of that column alone, text with the
 * default sort (code page 1252 text upper-cased, Unicode text through the
 * sort key of the default locale and flags: both case-insensitive), other
 * types in their sortable form.  When a normalized form is cut (the value
 * is longer than a legacy key holds), equal forms count as duplicates only
 * if the raw values are equal too, so that values that differ past the
 * cut are not refused.
 *
 * The other values are read from the copy buffer (t->rb), separated long
 * values through the LV tree: as much as normalization reads, and all of
 * it when the raw bytes decide.  A column's default value is not one of
 * the record's values.
 */
#include <string.h>

#include "jet_table.h"
#include "lv.h"

/* Source bytes a legacy key reads of a value, plus one to tell a cut. */
#define MV_SOURCE_MAX (KEY_LEGACY_KEYMOST + 1)

struct mv_norm {
    uint8_t seg[KEY_LEGACY_KEYMOST];
    uint32_t len;
    int cut; /* the value is longer than what its segment shows */
};

/* Normalizes cb bytes of data (the whole value is full bytes long) as the
 * only segment of ki.  < 0: the value cannot be normalized. */
static int normalize(const struct key_index *ki, const void *data, uint32_t cb, uint32_t full,
                     struct mv_norm *out)
{
    struct key_segment seg;
    int r;

    memset(&seg, 0, sizeof(seg));
    r = key_normalize_segment(ki, 0, data, cb, KEY_EMPTY_RECORD, out->seg, sizeof(out->seg), &seg);
    if (r < 0) return r;
    out->len = seg.len;
    out->cut = seg.truncated || full > KEY_LEGACY_KEYMOST;
    return 0;
}

/* Whether separated long value lid holds exactly data (cb bytes, its
 * size already known to be cb). */
static JET_ERR lv_same(struct jet_table *t, store_txn *txn, uint32_t lid, const uint8_t *data, uint32_t cb)
{
    uint8_t buf[1024];
    uint32_t off = 0, got;
    JET_ERR err;

    while (off < cb) {
        uint32_t n = cb - off < sizeof(buf) ? cb - off : (uint32_t)sizeof(buf);
        if ((err = lv_read(txn, t->sdb, t->sch.tab.lv_root, lid, off, buf, n, &got)) < 0) return err;
        if (got != n || memcmp(buf, data + off, n)) return 0;
        off += n;
    }
    return 1;
}

JET_ERR mv_check_unique_normalized(struct jet_table *t, store_txn *txn, JET_COLUMNID id, uint32_t itag,
                                   const void *data, uint32_t cb)
{
    const struct cat_column *col = tbl_column(&t->sch, id);
    static const uint8_t empty[1];
    struct key_index ki;
    struct mv_norm want, have;
    uint8_t lvbuf[MV_SOURCE_MAX];
    uint32_t n = 0, i;
    JET_ERR err;

    /* Only tagged columns hold several values; a NULL is never a duplicate;
     * an unknown column is the builder's error to report. */
    if (!col || !(col->grbit & JET_bitColumnTagged) || !data) return 0;
    key_index_init(&ki);
    ki.ncols = 1;
    ki.cols[0].coltyp = col->coltyp;
    ki.cols[0].cp = col->coltyp == JET_coltypText || col->coltyp == JET_coltypLongText ? col->cp : 0;
    ki.cols[0].cbmax = col->cbmax;
    ki.unicode = table_unicode_sort();
    /* A value the key layer refuses (a wrong size for its type): the
     * builder gives the error JetSetColumn owes. */
    if (normalize(&ki, cb ? data : empty, cb, cb, &want) < 0) return 0;
    if ((err = rec_count_values(t->rb.buf, t->rb.len, &t->sch.rs, id, &n)) < 0) return err;
    for (i = 1; i <= n; i++) {
        const uint8_t *v;
        uint32_t vcb, full, lid = 0, got = 0;
        unsigned flags = 0;
        int equal;

        if (i == itag) continue; /* the value being replaced */
        err = rec_get(t->rb.buf, t->rb.len, &t->sch.rs, id, i, &v, &vcb, &flags);
        if (err == JET_wrnColumnNull || (flags & RECF_DEFAULT)) continue;
        if (err < 0) return err;
        full = vcb;
        if (flags & RECF_SEPARATED_LV) {
            rec_lvref_decode(v, &lid, &full);
            if (!txn) return JET_errInvalidParameter;
            if ((err = lv_read(txn, t->sdb, t->sch.tab.lv_root, lid, 0, lvbuf,
                               full < sizeof(lvbuf) ? full : (uint32_t)sizeof(lvbuf), &got)) < 0)
                return err;
            v = lvbuf;
            vcb = got;
        }
        if (normalize(&ki, vcb ? v : empty, vcb, full, &have) < 0) continue;
        if (have.len != want.len || memcmp(have.seg, want.seg, want.len)) continue;
        equal = 1;
        if (want.cut || have.cut) {
            /* Equal as far as the keys go: the raw values decide. */
            if (full != cb) equal = 0;
            else if (!lid) equal = !cb || !memcmp(v, data, cb);
            else if ((equal = lv_same(t, txn, lid, data, cb)) < 0) return equal;
        }
        if (equal) return JET_errMultiValuedDuplicate;
    }
    return 0;
}
