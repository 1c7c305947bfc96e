/*
 * key.h - normalized keys: turning column values into index keys that sort
 * with memcmp, byte for byte as ESENT makes them, and the JetMakeKey state
 * machine (segments, wildcard/limit flags, truncation).
 *
 * A key is the concatenation of one normalized segment per index column
 * (ese-engine-notes.md section 3.3, docs/keys.md).  Each segment starts
 * with a header byte: 0x7F data follows, 0x00 NULL (0xC0 with
 * SortNullsHigh), 0x40 zero-length (text and binary only).  A descending
 * segment has every byte, header included, XORed with 0xFF.  Keys compare
 * with memcmp over the shorter length, the shorter key first on a tie.
 *
 * Unicode text (code page 1200) is mapped to a sort key by a callback, so
 * the DLL can use LCMapStringEx (through the OS layer) and the native build
 * a documented portable equivalent; this file never calls the OS.  The two
 * give different bytes, so the catalog records per index which sort (and
 * which version of it) made its keys: KEY_UNICODE_PORTABLE_VERSION for the
 * portable one, the NLS version for LCMapStringEx.
 *
 * Files: keynorm.c (one segment per column type), keymake.c (key_make,
 * key_build, key_compare, limit flags), unicode_portable.c (the portable
 * Unicode sort key).  Nothing here allocates memory.
 */
#ifndef ESENT_KEY_H
#define ESENT_KEY_H

#include <stdint.h>

#include "esent.h"

#define KEY_MAX_SEGMENTS 16       /* JET_ccolKeyMost */
#define KEY_BUF_MAX (2000 + 1)    /* JET_cbKeyMostMost, plus one for limit keys */
#define KEY_LEGACY_KEYMOST 255    /* cbKeyMost of legacy indexes: source data cut to 255 bytes */
#define KEY_FIXED_COLUMN_MAX 255  /* JET_cbColumnMost: largest fixed column */

/* The JetMakeKey limit group: at most one of these per call. */
#define KEY_LIMIT_MASK 0x00000F00u /* Full/Partial Column Start/End Limit */

/* LCMapStringEx flags (winnls.h values), as stored in JET_UNICODEINDEX. */
#define KEY_NORM_IGNORECASE 0x00000001u
#define KEY_NORM_IGNORENONSPACE 0x00000002u
#define KEY_NORM_IGNORESYMBOLS 0x00000004u
#define KEY_SORT_DIGITSASNUMBERS 0x00000008u
#define KEY_LINGUISTIC_IGNORECASE 0x00000010u
#define KEY_LINGUISTIC_IGNOREDIACRITIC 0x00000020u
#define KEY_LCMAP_LOWERCASE 0x00000100u
#define KEY_LCMAP_UPPERCASE 0x00000200u
#define KEY_LCMAP_SORTKEY 0x00000400u
#define KEY_LCMAP_BYTEREV 0x00000800u
#define KEY_SORT_STRINGSORT 0x00001000u
#define KEY_NORM_IGNOREKANATYPE 0x00010000u
#define KEY_NORM_IGNOREWIDTH 0x00020000u
#define KEY_NORM_LINGUISTIC_CASING 0x08000000u
/* ESE's default for Unicode indexes (locale en-US). */
#define KEY_LCMAP_DEFAULT \
    (KEY_LCMAP_SORTKEY | KEY_NORM_IGNORECASE | KEY_NORM_IGNOREKANATYPE | KEY_NORM_IGNOREWIDTH)

/* Version of key_unicode_portable's output; bumped whenever its bytes
 * change.  The catalog stores it as the "sort version" of Unicode indexes
 * built natively (docs/keys.md). */
#define KEY_UNICODE_PORTABLE_VERSION 1u

/* Maps UTF-16 text to a sort key (memcmp order) for the index's locale and
 * LCMAP flags.  s holds nchars UTF-16 code units in the machine's byte
 * order, with no alignment guarantee (it may point into a record).
 * Writes at most outmax bytes; returns the length of the whole sort key
 * (an implementation may stop early and return any value > outmax once
 * it knows the key does not fit), or a negative JET_err.
 * With map_flags == KEY_LCMAP_UPPERCASE alone, the "sort key" is the
 * upper-cased text as big-endian UTF-16 followed by two zero bytes (ESE's
 * alternative to LCMAP_SORTKEY). */
typedef int (*key_unicode_fn)(const void *s, uint32_t nchars, const uint16_t *locale,
                              uint32_t map_flags, uint8_t *out, uint32_t outmax);

/* One key column of an index, as the catalog describes it. */
struct key_column {
    JET_COLTYP coltyp;
    uint16_t cp;           /* 1252 or 1200 for text columns (anything but 1200: 1252) */
    uint8_t descending;    /* '-' in the key description */
    uint8_t fixed;         /* a fixed column (columnid in the fixed range) */
    uint32_t cbmax;        /* column max size (fixed text/binary: its size) */
};

/* What normalization needs to know about an index. */
struct key_index {
    uint32_t ncols;
    struct key_column cols[KEY_MAX_SEGMENTS];
    JET_GRBIT grbit;            /* JET_bitIndex* (SortNullsHigh, DotNetGuid, DisallowTruncation) */
    uint32_t cbkeymost;         /* key size limit of the index (255 by default), 1..2000 */
    uint32_t cbvarsegmac;       /* per-segment limit, header included (0 or >= cbkeymost: none) */
    const uint16_t *locale;     /* for Unicode columns (NULL: default) */
    uint32_t map_flags;         /* LCMAP_* flags for Unicode columns (0: KEY_LCMAP_DEFAULT) */
    key_unicode_fn unicode;     /* sort-key function for Unicode columns (NULL: portable) */
};

/* Zeroes *idx and sets ESE's defaults: cbkeymost 255, no cbVarSegMac,
 * KEY_LCMAP_DEFAULT, the portable Unicode sort.  The caller fills ncols
 * and cols. */
void key_index_init(struct key_index *idx);

/* Normalizes one column value into a key segment (header byte included,
 * descending applied).  data == NULL or cb == 0 means NULL unless grbit has
 * JET_bitKeyDataZeroLength.  Fixed columns need their exact size (shorter
 * fixed text is space-padded), numeric types always their intrinsic size.
 * outmax is the room left in the key (at most cbkeymost counts): the
 * segment is truncated to it as ESE truncates keys (and to cbvarsegmac).
 * Limit flags are key_make's business.  Returns the segment length
 * written to out, or a negative JET_err (JET_errInvalidBufferSize for a
 * wrong size or KeyDataZeroLength on a column that cannot be zero-length,
 * JET_errInvalidColumnType, JET_errInvalidParameter, or the Unicode
 * function's error). */
int key_normalize(const struct key_index *idx, uint32_t col, const void *data, uint32_t cb,
                  JET_GRBIT grbit, uint8_t *out, uint32_t outmax);

/* What key_normalize_segment reports besides the bytes. */
struct key_segment {
    uint32_t len;        /* bytes written */
    uint32_t bin_delim;  /* variable binary: offset just past the last real data
                          * byte when the value ends inside the segment, else 0 */
    uint8_t truncated;   /* cut by the room in the key (not by cbvarsegmac) */
};

/* How key_normalize_segment reads a value of length 0 or a NULL pointer. */
enum key_empty_mode {
    KEY_EMPTY_NULL,        /* NULL */
    KEY_EMPTY_ZEROLENGTH,  /* JET_bitKeyDataZeroLength: zero-length; errors on
                            * fixed or non-text/binary columns */
    KEY_EMPTY_RECORD,      /* record semantics: NULL pointer is NULL, a
                            * non-NULL pointer with cb 0 is zero-length (text,
                            * binary) or NULL (other types) */
};

/* The segment normalizer under key_normalize, key_make and key_build:
 * normalizes data (already checked and padded by key_fixed_check) into
 * out with avail (>= 1) bytes of room.  Applies the legacy source cut
 * (cbkeymost == 255: data cut to 255 bytes), cbvarsegmac and descending.
 * Returns 0 or a negative JET_err. */
int key_normalize_segment(const struct key_index *idx, uint32_t col, const void *data,
                          uint32_t cb, enum key_empty_mode empty, uint8_t *out, uint32_t avail,
                          struct key_segment *seg);

/* The size check JetMakeKey makes before anything else: a fixed column
 * given cb > 0 bytes must get exactly its size; shorter fixed text is
 * padded with spaces (1252) or U+0020 (1200) into pad (KEY_FIXED_COLUMN_MAX
 * bytes), and *data / *cb are redirected to it.  Numeric types also need
 * their intrinsic size when data is given.  Returns 0 or
 * JET_errInvalidBufferSize / JET_errInvalidColumnType. */
int key_fixed_check(const struct key_index *idx, uint32_t col, const void **data, uint32_t *cb,
                    uint8_t pad[KEY_FIXED_COLUMN_MAX]);

/* The JetMakeKey state of a cursor.  Zero-initialized means "no key". */
struct key_builder {
    uint8_t buf[KEY_BUF_MAX];
    uint32_t len;
    uint32_t nsegs;     /* segments appended so far (a normalized key counts as 1) */
    uint8_t started;    /* a key is being made (ESE's "prepared") */
    uint8_t limited;    /* a limit flag was applied: no more segments */
    uint8_t toobig;     /* a segment was truncated: later segments add no bytes */
};

/* Discards the key (what navigation does to the search key). */
void key_builder_reset(struct key_builder *kb);

/* JetMakeKey: appends one segment (or copies a normalized key with
 * JET_bitNormalizedKey), applying the wildcard/limit flags exactly as
 * ESENT (notes 3.4, docs/keys.md).  idx may be NULL only with
 * JET_bitNormalizedKey (a table without a primary index).  Errors:
 * JET_errNoCurrentIndex (idx NULL without NormalizedKey), JET_errKeyNotMade
 * (no JET_bitNewKey first), JET_errKeyIsMade (past the last column, or after
 * a limit), JET_errInvalidBufferSize (wrong size for a fixed column or a
 * numeric type, KeyDataZeroLength on a column that cannot be zero-length),
 * JET_errInvalidGrbit (more than one of the 0xF00 group, a partial limit on
 * a column that is neither text nor variable binary), JET_errInvalidParameter
 * (a normalized key longer than cbkeymost + 1, a bad index description).
 * Without NewKey/NormalizedKey an error leaves the key unchanged. */
JET_ERR key_make(struct key_builder *kb, const struct key_index *idx, const void *data, uint32_t cb,
                 JET_GRBIT grbit);

/* Builds the whole key of a record from its column values (used when
 * inserting index entries): vals[i]/lens[i] per key column (vals[i] NULL
 * for a NULL column; non-NULL with lens[i] 0 for zero-length).  Truncates
 * at cbkeymost as ESE does; *truncated (may be NULL) says whether it did.
 * With JET_bitIndexDisallowTruncation in idx->grbit a truncation returns
 * JET_errKeyTruncated.  outmax must be at least cbkeymost
 * (JET_errBufferTooSmall).  Returns the key length or a negative JET_err. */
int key_build(const struct key_index *idx, const void *const *vals, const uint32_t *lens,
              uint8_t *out, uint32_t outmax, int *truncated);

/* ESE's CmpKey: memcmp over the shorter length, then the shorter key first.
 * Only the sign of the result is meaningful. */
int key_compare(const uint8_t *a, uint32_t alen, const uint8_t *b, uint32_t blen);

/* The portable Unicode sort key used by the native build: documented in
 * docs/keys.md.  Ignores locale.  An index's keys must all come from one
 * sort, so the DLL must not fall back to this one for single values when
 * LCMapStringEx fails: it fails the operation instead. */
int key_unicode_portable(const void *s, uint32_t nchars, const uint16_t *locale,
                         uint32_t map_flags, uint8_t *out, uint32_t outmax);

#endif /* ESENT_KEY_H */
