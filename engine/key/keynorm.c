/*
 * keynorm.c - one key segment per column value, byte for byte as ESENT
 * makes it (ese-engine-notes.md 3.3, docs/keys.md):
 *
 *   header   0x7F data, 0x00 NULL (0xC0 SortNullsHigh), 0x40 zero-length
 *   numbers  big-endian; signed types with the sign bit flipped; floats
 *            and DateTime: all bits inverted when negative, else the sign
 *            bit flipped
 *   GUID     bytes 10-15, 8, 9, 6, 7, 4, 5, 0-3 (DotNetGuid: 3, 2, 1, 0,
 *            5, 4, 7, 6, 8-15)
 *   binary   fixed: raw; variable: 8-byte chunks, each followed by 9, or by
 *            the count of real bytes (zero-padded chunk) on the last one,
 *            8 when the last chunk is full and the value fits
 *   text     1252: a-z upper-cased, ends at an embedded NUL, 0x00
 *            terminator, the CRT quirk on truncation; 1200: the sort key of
 *            the index's Unicode function
 *
 * then the segment is cut to the room left in the key (and to cbVarSegMac
 * for text and binary) and XORed with 0xFF when descending.  The legacy
 * rule of cbKeyMost == 255 indexes (source data cut to 255 bytes) is
 * applied here too, so JetMakeKey and index updates agree.
 */
#include <assert.h>
#include <stddef.h>
#include <string.h>

#include "coltyp.h"
#include "key.h"

#define HDR_DATA 0x7F
#define HDR_NULL 0x00
#define HDR_NULL_HIGH 0xC0
#define HDR_ZERO_LENGTH 0x40

#define CHUNK 8                 /* binary chunk */
#define CHUNK_NORM (CHUNK + 1)  /* chunk plus its marker byte */

static int is_text(JET_COLTYP t)
{
    return t == JET_coltypText || t == JET_coltypLongText;
}

static int is_binary(JET_COLTYP t)
{
    return t == JET_coltypBinary || t == JET_coltypLongBinary;
}

/* Effective cbVarSegMac as ESE uses it: cbkeymost + 1 when there is none. */
static uint32_t var_seg_mac(const struct key_index *idx)
{
    if (idx->cbvarsegmac == 0 || idx->cbvarsegmac >= idx->cbkeymost) return idx->cbkeymost + 1;
    return idx->cbvarsegmac;
}

void key_index_init(struct key_index *idx)
{
    memset(idx, 0, sizeof(*idx));
    idx->cbkeymost = KEY_LEGACY_KEYMOST;
    idx->map_flags = KEY_LCMAP_DEFAULT;
}

/* ---- fixed-size types ------------------------------------------------ */

/* Little-endian load of n bytes (the column data is in machine order, and
 * both targets are little-endian, as ESE's on-disk records are). */
static uint64_t load_le(const uint8_t *p, int n)
{
    uint64_t v = 0;
    int i;
    for (i = n - 1; i >= 0; i--) v = (v << 8) | p[i];
    return v;
}

static void store_be(uint8_t *p, uint64_t v, int n)
{
    int i;
    for (i = n - 1; i >= 0; i--) {
        p[i] = (uint8_t)v;
        v >>= 8;
    }
}

static void norm_guid(const uint8_t *g, int dotnet, uint8_t *out)
{
    static const uint8_t order[16] = {10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3};
    static const uint8_t order_dotnet[16] = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
    const uint8_t *o = dotnet ? order_dotnet : order;
    int i;
    for (i = 0; i < 16; i++) out[i] = g[o[i]];
}

/* Data bytes (no header) of a fixed-size type; returns their count. */
static int norm_fixed_type(JET_COLTYP t, const uint8_t *d, int dotnet, uint8_t *out)
{
    int n = coltyp_size(t);
    uint64_t sign, mask, v;

    assert(n > 0);
    switch (t) {
    case JET_coltypBit:
        out[0] = d[0] ? 0xFF : 0x00;
        return 1;
    case JET_coltypGUID:
        norm_guid(d, dotnet, out);
        return 16;
    default:
        break;
    }
    assert(n <= 8);
    sign = (uint64_t)1 << (n * 8 - 1);
    mask = n == 8 ? ~(uint64_t)0 : (((uint64_t)1 << (n * 8)) - 1);
    v = load_le(d, n);
    switch (t) {
    case JET_coltypShort:
    case JET_coltypLong:
    case JET_coltypLongLong:
    case JET_coltypCurrency:
        v ^= sign;
        break;
    case JET_coltypIEEESingle:
    case JET_coltypIEEEDouble:
    case JET_coltypDateTime:
        v = (v & sign) ? (~v & mask) : (v ^ sign);
        break;
    default: /* unsigned types and UnsignedByte: as they are */
        break;
    }
    store_be(out, v, n);
    return n;
}

/* ---- binary ------------------------------------------------------------ */

/* Writes one chunk's worth starting at out[pos]: the last chunk is zero
 * padded and gets its byte count (8 when full: 8 if the whole value is
 * normalized, 9 when it is cut), a middle chunk gets 9. */
static uint32_t put_chunk(uint8_t *out, uint32_t pos, const uint8_t *src, uint32_t left,
                          int entire, struct key_segment *seg)
{
    if (left > CHUNK) {
        memcpy(out + pos, src, CHUNK);
        out[pos + CHUNK] = CHUNK_NORM;
        return CHUNK;
    }
    memcpy(out + pos, src, left);
    seg->bin_delim = pos + left;
    memset(out + pos + left, 0, CHUNK - left);
    if (left == CHUNK) out[pos + CHUNK] = entire ? CHUNK : CHUNK_NORM;
    else out[pos + CHUNK] = (uint8_t)left;
    return left;
}

/* The chunks of a variable binary value into the len - 1 bytes after the
 * header; entire says whether the whole value fits. */
static void put_chunks(uint8_t *out, uint32_t len, const uint8_t *d, uint32_t left, int entire,
                       struct key_segment *seg)
{
    uint32_t room, pos = 1;

    for (room = len - 1; room >= CHUNK_NORM; room -= CHUNK_NORM) {
        uint32_t used;
        assert(left > 0); /* the segment never has room past the value */
        used = put_chunk(out, pos, d, left, entire, seg);
        d += used;
        left -= used;
        pos += CHUNK_NORM;
    }
    if (room == 0) return;
    /* A cut inside a chunk: the bytes that fit, zero-padded. */
    assert(left > 0);
    if (left >= room) {
        memcpy(out + pos, d, room);
    } else {
        memcpy(out + pos, d, left);
        memset(out + pos + left, 0, room - left);
        seg->bin_delim = pos + left;
    }
}

static void norm_binary(const struct key_index *idx, const struct key_column *col,
                        const uint8_t *d, uint32_t cb, uint8_t *out, uint32_t avail,
                        struct key_segment *seg)
{
    uint32_t vsm = var_seg_mac(idx);
    uint64_t want = col->fixed ? (uint64_t)cb + 1 : ((uint64_t)cb + CHUNK - 1) / CHUNK * CHUNK_NORM + 1;
    int entire = 1;

    if (vsm < idx->cbkeymost && want > vsm) {
        want = vsm;
        entire = 0;
    }
    if (want > avail) {
        want = avail;
        entire = 0;
        seg->truncated = 1;
    }
    seg->len = (uint32_t)want;
    out[0] = HDR_DATA;
    if (col->fixed) memcpy(out + 1, d, seg->len - 1);
    else put_chunks(out, seg->len, d, cb, entire, seg);
}

/* ---- text --------------------------------------------------------------- */

/* Code page 1252 as ESE's ErrUtilNormText: the text up to an embedded NUL,
 * a-z upper-cased, then 0x00, in room bytes.  When the text does not fit,
 * the character at the cut gets the old CRT _toupper quirk (c - 0x20,
 * whatever c is) in place of the terminator, and *cut is set.  Returns the
 * bytes written. */
static uint32_t norm_text_1252(const uint8_t *s, uint32_t n, uint32_t room, uint8_t *out, int *cut)
{
    uint32_t take, k;

    *cut = 0;
    if (room == 0) return 0;
    take = room > n ? n : room - 1;
    for (k = 0; k < take && s[k]; k++) out[k] = (s[k] >= 'a' && s[k] <= 'z') ? (uint8_t)(s[k] - 0x20) : s[k];
    if (room <= n && k == take && s[take] != 0) {
        out[take] = (uint8_t)(s[take] - 0x20);
        *cut = 1;
    } else {
        out[k] = 0;
    }
    return k + 1;
}

/* Code page 1200: the index's sort key, cut to room bytes. */
static int norm_text_unicode(const struct key_index *idx, const uint8_t *s, uint32_t cb,
                             uint32_t room, uint8_t *out, int *cut)
{
    key_unicode_fn fn = idx->unicode ? idx->unicode : key_unicode_portable;
    uint32_t flags = idx->map_flags ? idx->map_flags : KEY_LCMAP_DEFAULT;
    int full = fn(s, cb / 2, idx->locale, flags, out, room);

    if (full < 0) return full;
    *cut = (uint32_t)full > room;
    return *cut ? (int)room : full;
}

static int norm_text(const struct key_index *idx, const struct key_column *col, const uint8_t *d,
                     uint32_t cb, uint8_t *out, uint32_t avail, struct key_segment *seg)
{
    uint32_t vsm = var_seg_mac(idx);
    uint32_t room = (avail < vsm ? avail : vsm) - 1;
    int cut = 0, n;

    if (col->cp == 1200) {
        n = norm_text_unicode(idx, d, cb, room, out + 1, &cut);
        if (n < 0) return n;
    } else {
        n = (int)norm_text_1252(d, cb, room, out + 1, &cut);
    }
    out[0] = HDR_DATA;
    seg->len = (uint32_t)n + 1;
    /* Cut exactly at cbVarSegMac is not a truncation of the key. */
    seg->truncated = cut && (vsm > idx->cbkeymost || (uint32_t)n < vsm - 1);
    return 0;
}

/* ---- segments ------------------------------------------------------------ */

static uint8_t null_header(const struct key_index *idx)
{
    return (idx->grbit & JET_bitIndexSortNullsHigh) ? HDR_NULL_HIGH : HDR_NULL;
}

/* The one-byte segment of a NULL or zero-length value. */
static int norm_empty(const struct key_index *idx, const struct key_column *col, const void *data,
                      enum key_empty_mode empty, uint8_t *out)
{
    int varlen = is_text(col->coltyp) || is_binary(col->coltyp);

    switch (empty) {
    case KEY_EMPTY_ZEROLENGTH:
        if (col->fixed || !varlen) return JET_errInvalidBufferSize;
        out[0] = HDR_ZERO_LENGTH;
        break;
    case KEY_EMPTY_RECORD:
        out[0] = (data && varlen) ? HDR_ZERO_LENGTH : null_header(idx);
        break;
    case KEY_EMPTY_NULL:
    default:
        out[0] = null_header(idx);
        break;
    }
    return 0;
}

static int norm_data(const struct key_index *idx, const struct key_column *col, const uint8_t *d,
                     uint32_t cb, uint8_t *out, uint32_t avail, struct key_segment *seg)
{
    uint8_t tmp[1 + 16];
    int n;

    if (is_text(col->coltyp)) return norm_text(idx, col, d, cb, out, avail, seg);
    if (is_binary(col->coltyp)) {
        norm_binary(idx, col, d, cb, out, avail, seg);
        return 0;
    }
    if (cb != (uint32_t)coltyp_size(col->coltyp)) return JET_errInvalidBufferSize;
    tmp[0] = HDR_DATA;
    n = 1 + norm_fixed_type(col->coltyp, d, (idx->grbit & JET_bitIndexDotNetGuid) != 0, tmp + 1);
    if ((uint32_t)n > avail) {
        n = (int)avail;
        seg->truncated = 1;
    }
    memcpy(out, tmp, (size_t)n);
    seg->len = (uint32_t)n;
    return 0;
}

static int index_valid(const struct key_index *idx, uint32_t col)
{
    return idx && idx->cbkeymost >= 1 && idx->cbkeymost <= KEY_BUF_MAX - 1 &&
           idx->ncols <= KEY_MAX_SEGMENTS && col < idx->ncols;
}

int key_normalize_segment(const struct key_index *idx, uint32_t col, const void *data,
                          uint32_t cb, enum key_empty_mode empty, uint8_t *out, uint32_t avail,
                          struct key_segment *seg)
{
    const struct key_column *c;
    uint32_t i;
    int err;

    if (!index_valid(idx, col) || !out || !seg || avail == 0) return JET_errInvalidParameter;
    c = &idx->cols[col];
    if (coltyp_size(c->coltyp) < 0) return JET_errInvalidColumnType;
    if (avail > idx->cbkeymost) avail = idx->cbkeymost; /* no segment outgrows the key */
    seg->len = 1;
    seg->bin_delim = 0;
    seg->truncated = 0;
    if (idx->cbkeymost == KEY_LEGACY_KEYMOST && cb > KEY_LEGACY_KEYMOST) cb = KEY_LEGACY_KEYMOST;
    if (!data || cb == 0) err = norm_empty(idx, c, data, empty, out);
    else err = norm_data(idx, c, data, cb, out, avail, seg);
    if (err < 0) return err;
    if (c->descending)
        for (i = 0; i < seg->len; i++) out[i] ^= 0xFF;
    return 0;
}

/* Pads fixed text: spaces, or U+0020 little-endian for Unicode (by byte
 * offset in the column, as ESE fills it). */
static void pad_fixed_text(uint8_t *pad, const void *data, uint32_t cb, uint32_t cbmax, uint16_t cp)
{
    uint32_t i;
    memcpy(pad, data, cb);
    for (i = cb; i < cbmax; i++) pad[i] = (cp == 1200 && (i & 1)) ? 0x00 : 0x20;
}

int key_fixed_check(const struct key_index *idx, uint32_t col, const void **data, uint32_t *cb,
                    uint8_t pad[KEY_FIXED_COLUMN_MAX])
{
    const struct key_column *c;
    int size;

    if (!index_valid(idx, col) || !data || !cb) return JET_errInvalidParameter;
    c = &idx->cols[col];
    size = coltyp_size(c->coltyp);
    if (size < 0) return JET_errInvalidColumnType;
    if (*cb == 0) return 0;
    if (size > 0) {
        /* Numeric types: ESE checks fixed columns; a tagged one with a wrong
         * size would make it read past the data, so it is refused too. */
        if ((c->fixed || *data) && *cb != (uint32_t)size) return JET_errInvalidBufferSize;
        return 0;
    }
    if (!c->fixed || *cb == c->cbmax) return 0;
    if (!is_text(c->coltyp) || *cb > c->cbmax || c->cbmax > KEY_FIXED_COLUMN_MAX)
        return JET_errInvalidBufferSize;
    if (*data) {
        pad_fixed_text(pad, *data, *cb, c->cbmax, c->cp);
        *data = pad;
        *cb = c->cbmax;
    }
    return 0;
}

int key_normalize(const struct key_index *idx, uint32_t col, const void *data, uint32_t cb,
                  JET_GRBIT grbit, uint8_t *out, uint32_t outmax)
{
    uint8_t pad[KEY_FIXED_COLUMN_MAX];
    struct key_segment seg;
    int err;

    if (outmax == 0) return 0;
    err = key_fixed_check(idx, col, &data, &cb, pad);
    if (err < 0) return err;
    err = key_normalize_segment(idx, col, data, cb,
                                (grbit & JET_bitKeyDataZeroLength) ? KEY_EMPTY_ZEROLENGTH : KEY_EMPTY_NULL,
                                out, outmax, &seg);
    return err < 0 ? err : (int)seg.len;
}
