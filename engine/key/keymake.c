/*
 * keymake.c - whole keys from segments: JetMakeKey's state machine
 * (key_make), the key of a record for index maintenance (key_build) and
 * ESE's key comparison (key_compare).
 *
 * key_make follows ESE's ErrIsamMakeKey step by step (docs/keys.md):
 * NormalizedKey copies the caller's bytes (up to cbKeyMost + 1); NewKey
 * starts over; otherwise a limit already applied gives KeyIsMade and no key
 * KeyNotMade; past the last column KeyIsMade; then the fixed-size check,
 * then the limit group check (one of 0xF00; partial limits only on text or
 * variable binary).  Once the key is full (or a segment was truncated) a
 * further segment is counted but adds no bytes and no limit.  The limits:
 *
 *   FullColumnStartLimit     nothing appended; the key is complete
 *   FullColumnEndLimit       0xFF up to cbKeyMost + 1 bytes
 *   PartialColumn*Limit      text: drop the 0x00 terminator (1252) or cut
 *                            at the first 0x01 of the sort key (1200);
 *                            variable binary: cut after the real data;
 *                            End then pads with 0xFF (text: to cbKeyMost +
 *                            1; binary: one byte longer than the segment)
 *   SubStrLimit (text)       as PartialColumnEndLimit
 *   StrLimit                 as the binary partial end limit (a full end
 *                            limit on every other column)
 *
 * NULL/zero-length segments and fixed binary behave as a full limit.
 */
#include <string.h>

#include "key.h"

static int index_ok(const struct key_index *idx)
{
    return idx->cbkeymost >= 1 && idx->cbkeymost <= KEY_BUF_MAX - 1 && idx->ncols <= KEY_MAX_SEGMENTS;
}

static int is_text(JET_COLTYP t)
{
    return t == JET_coltypText || t == JET_coltypLongText;
}

static int is_binary(JET_COLTYP t)
{
    return t == JET_coltypBinary || t == JET_coltypLongBinary;
}

int key_compare(const uint8_t *a, uint32_t alen, const uint8_t *b, uint32_t blen)
{
    uint32_t n = alen < blen ? alen : blen;
    int cmp = n ? memcmp(a, b, n) : 0;

    if (cmp) return cmp;
    return alen < blen ? -1 : alen > blen;
}

void key_builder_reset(struct key_builder *kb)
{
    kb->len = 0;
    kb->nsegs = 0;
    kb->started = 0;
    kb->limited = 0;
    kb->toobig = 0;
}

/* ---- limits ------------------------------------------------------------------
 * p is the segment, *len its length, cap the room left in the key plus one
 * (a limit key may be cbKeyMost + 1 bytes). */

static void limit_full(uint8_t *p, uint32_t *len, uint32_t cap, int sentinel)
{
    if (!sentinel) return;
    memset(p + *len, 0xFF, cap - *len);
    *len = cap;
}

static void limit_partial_text(uint8_t *p, uint32_t *len, uint32_t cap, int descending,
                               int unicode, int sentinel)
{
    uint8_t mask = descending ? 0xFF : 0x00;
    uint32_t last = cap - 1, end;

    if (*len < 2) {
        limit_full(p, len, cap, sentinel);
        return;
    }
    if (unicode) {
        /* End of the primary weights.  ESE scans up to the end of the room,
         * past the segment; stopping at the segment's end is the defined
         * version of that. */
        for (end = 1; end < *len && end < last && p[end] != (0x01 ^ mask); end++)
            ;
    } else {
        end = *len;
        if (p[end - 1] == (0x00 ^ mask)) end--;
    }
    if (end > last) end = last;
    if (sentinel) {
        memset(p + end, 0xFF, last - end + 1);
        *len = cap;
    } else {
        *len = end;
    }
}

static void limit_partial_binary(uint8_t *p, uint32_t *len, uint32_t cap, uint32_t delim,
                                 int sentinel)
{
    if (delim == 0) {
        limit_full(p, len, cap, sentinel);
    } else if (sentinel) {
        *len += 1;
        memset(p + delim, 0xFF, *len - delim);
    } else {
        *len = delim;
    }
}

/* Applies the limit flags of grbit to a fresh segment; returns whether the
 * key is now limited. */
static int apply_limit(const struct key_column *col, uint8_t *p, uint32_t *len, uint32_t cap,
                       uint32_t delim, JET_GRBIT grbit)
{
    int text = is_text(col->coltyp), unicode = text && col->cp == 1200;

    switch (grbit & KEY_LIMIT_MASK) {
    case JET_bitFullColumnStartLimit:
    case JET_bitFullColumnEndLimit:
        limit_full(p, len, cap, (grbit & JET_bitFullColumnEndLimit) != 0);
        return 1;
    case JET_bitPartialColumnStartLimit:
    case JET_bitPartialColumnEndLimit:
        if (text)
            limit_partial_text(p, len, cap, col->descending, unicode,
                               (grbit & JET_bitPartialColumnEndLimit) != 0);
        else
            limit_partial_binary(p, len, cap, delim, (grbit & JET_bitPartialColumnEndLimit) != 0);
        return 1;
    default:
        break;
    }
    if ((grbit & JET_bitSubStrLimit) && text) {
        limit_partial_text(p, len, cap, col->descending, unicode, 1);
        return 1;
    }
    if (grbit & JET_bitStrLimit) {
        limit_partial_binary(p, len, cap, delim, 1);
        return 1;
    }
    return 0;
}

static JET_ERR check_limit_grbit(const struct key_column *col, JET_GRBIT grbit)
{
    switch (grbit & KEY_LIMIT_MASK) {
    case JET_bitPartialColumnStartLimit:
    case JET_bitPartialColumnEndLimit:
        if (!is_text(col->coltyp) && (col->fixed || !is_binary(col->coltyp)))
            return JET_errInvalidGrbit;
        return JET_errSuccess;
    case 0:
    case JET_bitFullColumnStartLimit:
    case JET_bitFullColumnEndLimit:
        return JET_errSuccess;
    default:
        return JET_errInvalidGrbit;
    }
}

/* ---- JetMakeKey ---------------------------------------------------------------- */

static JET_ERR make_normalized(struct key_builder *kb, uint32_t cbkeymost, const void *data,
                               uint32_t cb)
{
    if (cb > cbkeymost + 1 || (cb && !data)) return JET_errInvalidParameter;
    key_builder_reset(kb);
    if (cb) memcpy(kb->buf, data, cb);
    kb->len = cb;
    kb->nsegs = 1;
    kb->started = 1;
    kb->limited = cb > cbkeymost;
    return JET_errSuccess;
}

/* Normalizes the next column into the key and applies the limit flags. */
static JET_ERR append_segment(struct key_builder *kb, const struct key_index *idx, uint32_t colno,
                              const void *data, uint32_t cb, JET_GRBIT grbit)
{
    const struct key_column *col = &idx->cols[colno];
    uint32_t avail = idx->cbkeymost - kb->len;
    uint8_t *p = kb->buf + kb->len;
    struct key_segment seg;
    enum key_empty_mode empty = (grbit & JET_bitKeyDataZeroLength) ? KEY_EMPTY_ZEROLENGTH : KEY_EMPTY_NULL;
    int err = key_normalize_segment(idx, colno, data, cb, empty, p, avail, &seg);

    if (err < 0) return err;
    if (seg.truncated) kb->toobig = 1;
    if (apply_limit(col, p, &seg.len, avail + 1, seg.bin_delim, grbit)) kb->limited = 1;
    kb->len += seg.len;
    return JET_errSuccess;
}

JET_ERR key_make(struct key_builder *kb, const struct key_index *idx, const void *data, uint32_t cb,
                 JET_GRBIT grbit)
{
    uint8_t pad[KEY_FIXED_COLUMN_MAX];
    uint32_t colno;
    JET_ERR err;

    if (!kb || (idx && !index_ok(idx))) return JET_errInvalidParameter;
    if (grbit & JET_bitNormalizedKey)
        return make_normalized(kb, idx ? idx->cbkeymost : KEY_LEGACY_KEYMOST, data, cb);
    if (!idx || idx->ncols == 0) return JET_errNoCurrentIndex;

    if (grbit & JET_bitNewKey) key_builder_reset(kb);
    else if (kb->limited) return JET_errKeyIsMade;
    else if (!kb->started) return JET_errKeyNotMade;
    colno = kb->nsegs;
    if (colno >= idx->ncols) return JET_errKeyIsMade;

    err = key_fixed_check(idx, colno, &data, &cb, pad);
    if (err < 0) return err;
    err = check_limit_grbit(&idx->cols[colno], grbit);
    if (err < 0) return err;
    if (!kb->toobig && kb->len < idx->cbkeymost) {
        err = append_segment(kb, idx, colno, data, cb, grbit);
        if (err < 0) return err;
    }
    kb->nsegs++;
    kb->started = 1;
    return JET_errSuccess;
}

/* ---- the key of a record ---------------------------------------------------------- */

int key_build(const struct key_index *idx, const void *const *vals, const uint32_t *lens,
              uint8_t *out, uint32_t outmax, int *truncated)
{
    int disallow, cut = 0;
    uint32_t i, len = 0, avail;

    if (truncated) *truncated = 0;
    if (!idx || !index_ok(idx) || idx->ncols == 0 || !vals || !lens || !out)
        return JET_errInvalidParameter;
    if (outmax < idx->cbkeymost) return JET_errBufferTooSmall;
    disallow = (idx->grbit & JET_bitIndexDisallowTruncation) != 0;
    avail = idx->cbkeymost;

    for (i = 0; i < idx->ncols; i++) {
        uint8_t pad[KEY_FIXED_COLUMN_MAX];
        const void *data = vals[i];
        uint32_t cb = data ? lens[i] : 0;
        struct key_segment seg;
        int err;

        /* A full key truncates every further column, even a NULL one. */
        if (avail == 0) {
            cut = 1;
            if (disallow) break;
            continue;
        }
        err = key_fixed_check(idx, i, &data, &cb, pad);
        if (err >= 0) err = key_normalize_segment(idx, i, data, cb, KEY_EMPTY_RECORD, out + len, avail, &seg);
        if (err < 0) return err;
        len += seg.len;
        avail -= seg.len;
        if (seg.truncated) {
            cut = 1;
            if (disallow) break;
        }
    }
    if (truncated) *truncated = cut;
    if (cut && disallow) return JET_errKeyTruncated;
    return (int)len;
}
