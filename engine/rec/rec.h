/*
 * rec.h - the record format: the value a table's clustered B-tree stores
 * for each row (the key, the primary index key, is made elsewhere), and
 * pure functions to read it and to edit a copy of it (the copy buffer of
 * JetPrepareUpdate).  No I/O, no B-trees, no transactions, no malloc.
 *
 * Columns come in three classes, by column id (ese-engine-notes.md 2.3):
 *
 *   fixed     1..127       a fixed size each; the record reserves their
 *                          bytes in id order up to the highest one it knows
 *   variable  128..255     up to 255 bytes each (cbMax), NULL distinct from
 *                          zero-length
 *   tagged    256..0xFEE0  sparse: absent columns take no space; any number
 *                          of values per column (itagSequence 1..n), each
 *                          inline or a separated long value (LID + size)
 *
 * The bytes (docs/format.md, "Records", says the same with examples; all
 * integers little-endian):
 *
 *   0   u8   format, REC_FORMAT (1)
 *   1   u8   F: fixed columns 1..F are in the record
 *   2   u8   V: variable columns 128..127+V are in the record
 *   3   u16  T: tagged columns present
 *   5        fixed NULL bitmap, (F+7)/8 bytes: bit (id-1)%8 of byte
 *            (id-1)/8 set = column id is NULL; unused bits 0
 *            fixed data: the sizes of columns 1..F from the schema, in id
 *            order (a NULL column keeps its bytes, zero)
 *            variable table: V x u16, bit 15 = NULL, bits 0-14 = end of
 *            the column's data relative to the variable data start; a
 *            column starts where the previous one ends (the first at 0)
 *            variable data
 *            tagged directory: T x (u16 column id, u16 end of the column's
 *            blob relative to the tagged data start), ids ascending
 *            tagged data: one blob per directory entry; the last ends
 *            exactly at the end of the record
 *
 *   A tagged column's blob starts with a flags byte:
 *     0x01 REC_TAG_NULL   explicit NULL that overrides the column's default
 *                         value; the blob is just this byte
 *     0x02 REC_TAG_MULTI  two or more values: u16 n (>= 2), n x u16 (bit 15
 *                         = value is a separated LV reference, bits 0-14 =
 *                         end of value i relative to the start of the
 *                         values), then the values back to back
 *     0x04 REC_TAG_SEP    (single value) the value is an LV reference
 *     neither NULL nor MULTI: one value, the rest of the blob (may be
 *     empty: a zero-length value)
 *   An LV reference is 8 bytes: u32 LID (never 0), u32 size in bytes
 *   (<= 0x7FFFFFFF).  The LV's bytes live in the table's LV tree
 *   (engine/lv); this layer only stores the reference.
 *
 * A record is at most REC_SIZE_MAX bytes (the 15-bit offsets).
 *
 * Columns added to a table later: a record knows F fixed and V variable
 * columns; a column past those reads as its default value (or NULL), so
 * records written before a column was added stay readable, as in ESE.
 * Therefore the schema must describe every fixed column id from 1 to the
 * highest (a deleted fixed column stays in the schema, REC_COL_DELETED,
 * with its size: the offsets of later columns depend on it).  Variable and
 * tagged ids may have gaps; a record's column unknown to the schema (or
 * deleted) is skipped.
 *
 * Defaults: a fixed or variable column past the record's F/V reads as its
 * default; a new record (rec_builder_init) holds the fixed and variable
 * defaults, as ESE copies its default record at JetPrepareUpdate(insert).
 * A tagged column's default is not stored: an absent tagged column reads
 * as its default at itagSequence 1, unless set to NULL explicitly (the NULL
 * override above).  Results that come from the schema, not the record,
 * carry RECF_DEFAULT.
 *
 * Damage: every read checks the offsets it follows against the record's
 * length and the format's rules and returns JET_errDatabaseCorrupted
 * instead of reading out of bounds; rec_validate checks a whole record.
 *
 * Threads: a schema is read-only after rec_schema_init and may be shared;
 * a builder belongs to one thread at a time.
 */
#ifndef ESENT_REC_H
#define ESENT_REC_H

#include <stdint.h>

#include "esent.h"

#define REC_FORMAT 1u
#define REC_HEADER 5u                /* format, F, V, T */
#define REC_SIZE_MAX 0x7FFFu         /* largest record the format can hold */
#define REC_LV_INLINE_MAX 1023u      /* default largest intrinsic LV (ESE's cbLVIntrinsicMost) */
#define REC_LVREF_SIZE 8u            /* u32 LID, u32 size */
#define REC_LV_SIZE_MAX 0x7FFFFFFFu  /* JET_cbLVColumnMost */
#define REC_VAR_CB_MAX 255u          /* JET_cbColumnMost */

#define REC_FIXED_FIRST 1u
#define REC_FIXED_LAST 127u
#define REC_VAR_FIRST 128u
#define REC_VAR_LAST 255u
#define REC_TAGGED_FIRST 256u
#define REC_TAGGED_LAST 0xFEE0u

/* Tagged blob flags (the first byte of a tagged column's blob). */
#define REC_TAG_NULL 0x01u
#define REC_TAG_MULTI 0x02u
#define REC_TAG_SEP 0x04u

/* struct rec_column.flags */
#define REC_COL_FIXED 0x0001u       /* id 1..127 */
#define REC_COL_VARIABLE 0x0002u    /* id 128..255 */
#define REC_COL_TAGGED 0x0004u      /* id 256.. */
#define REC_COL_MULTIVALUED 0x0008u /* JET_bitColumnMultiValued (tagged only) */
#define REC_COL_LONG 0x0010u        /* LongText/LongBinary (tagged only) */
#define REC_COL_ESCROW 0x0020u      /* JET_bitColumnEscrowUpdate */
#define REC_COL_AUTOINC 0x0040u     /* JET_bitColumnAutoincrement */
#define REC_COL_VERSION 0x0080u     /* JET_bitColumnVersion */
#define REC_COL_NOTNULL 0x0100u     /* JET_bitColumnNotNULL */
#define REC_COL_DELETED 0x0200u     /* deleted: kept for its id and size */

/* Flags returned with a value (rec_get, rec_iter_next). */
#define RECF_NULL 0x01u         /* the value is NULL (the result is JET_wrnColumnNull) */
#define RECF_SEPARATED_LV 0x02u /* data is an 8-byte LV reference (rec_lvref_decode) */
#define RECF_DEFAULT 0x04u      /* not in the record: the column's default (or NULL) */

/* One column of a table.  cbmax: fixed Text/Binary: the size (0 = 255);
 * other fixed types: 0 or their natural size; variable: maximum length
 * (0 = 255); tagged Text/Binary: maximum length (0 = 255); tagged long
 * values: maximum size (0 = none); tagged fixed types: ignored.  cp: the
 * code page of Text columns (1200 pads fixed Text with UTF-16 spaces,
 * anything else with ' ').  The default value, if any (pvdefault set and
 * cbdefault > 0; as in JET_COLUMNCREATE, cbDefault 0 is no default): fixed
 * columns exactly their size (rec_fixed_value pads one), tagged fixed-size
 * types exactly theirs, variable and tagged columns at most their cbmax,
 * long values at most 255 bytes (JET_cbLVDefaultValueMost). */
struct rec_column {
    JET_COLUMNID columnid;
    JET_COLTYP coltyp;
    uint32_t cbmax;
    uint32_t flags;        /* REC_COL_* */
    uint16_t cp;
    const void *pvdefault; /* NULL: no default */
    uint32_t cbdefault;
};

/* A table's columns, sorted by column id.  Built by rec_schema_init; it
 * points to the caller's array, which must outlive it. */
struct rec_schema {
    const struct rec_column *cols;
    uint32_t ncols;
    uint32_t nfixed;          /* cols[0..nfixed) are fixed ids 1..nfixed */
    uint32_t itagged;         /* index of the first tagged column */
    uint32_t ntagged_defaults; /* tagged columns with a default */
    uint16_t fixed_end[128];  /* fixed_end[k]: bytes of fixed data of ids 1..k */
};

/* Checks and indexes the columns: ids ascending, each in its class's range
 * with the matching class flag, fixed ids dense from 1, sizes and defaults
 * as described above, MULTIVALUED and LONG only on tagged columns, LONG
 * exactly for LongText/LongBinary, variable columns Text or Binary.
 * JET_errInvalidParameter otherwise. */
int rec_schema_init(struct rec_schema *s, const struct rec_column *cols, uint32_t ncols);
/* The column with this id: 0, JET_errBadColumnId (outside 1..0xFEE0) or
 * JET_errColumnNotFound (not in the schema, or deleted). */
int rec_schema_find(const struct rec_schema *s, JET_COLUMNID id, const struct rec_column **col);

/* The natural size of a fixed-size type (Bit 1 ... GUID 16), 0 for Text,
 * Binary, LongText, LongBinary and unknown types. */
uint32_t rec_coltyp_size(JET_COLTYP coltyp);
/* The bytes a fixed column takes in a record. */
uint32_t rec_fixed_size(const struct rec_column *c);
/* JetSetColumn's rule for a non-NULL value of fixed column c (cb > 0):
 * fixed-size types need exactly their size, Text and Binary at most their
 * size and are padded (Binary with zeros, Text with spaces).  Writes
 * rec_fixed_size(c) bytes to out; JET_errInvalidBufferSize otherwise. */
int rec_fixed_value(const struct rec_column *c, const void *data, uint32_t cb, uint8_t *out);

/* ---- reading --------------------------------------------------------- */

/* Value itag (1-based) of column id.  For fixed and variable columns only
 * itag 1 holds a value (itag >= 2 is NULL).  Returns 0 with *data and *cb set
 * (for RECF_SEPARATED_LV, *data is the 8-byte reference), JET_wrnColumnNull
 * with *data NULL and *cb 0, JET_errBadItagSequence (itag 0),
 * JET_errBadColumnId, JET_errColumnNotFound or JET_errDatabaseCorrupted.
 * *flags gets RECF_*.  Default values point into the schema's column. */
int rec_get(const uint8_t *rec, uint32_t len, const struct rec_schema *s, JET_COLUMNID id,
            uint32_t itag, const uint8_t **data, uint32_t *cb, unsigned *flags);
/* Number of values of column id, as JetRetrieveColumns counts them with
 * itagSequence 0: 0 or 1 for fixed and variable columns; for a tagged
 * column its values, 1 if it is absent and has a default, 0 for a NULL
 * override. */
int rec_count_values(const uint8_t *rec, uint32_t len, const struct rec_schema *s,
                     JET_COLUMNID id, uint32_t *count);
/* The LID and size of a separated LV's reference. */
void rec_lvref_decode(const uint8_t *ref, uint32_t *lid, uint32_t *size);
/* Checks the whole record: 0 or JET_errDatabaseCorrupted. */
int rec_validate(const uint8_t *rec, uint32_t len, const struct rec_schema *s);

/* Iteration over a record's values (JetEnumerateColumns,
 * JetRetrieveTaggedColumnList, JetRetrieveColumn with columnid 0), in
 * column id order, a column's values in itag order.  Yields:
 *  - every fixed and variable column of the schema that is not deleted:
 *    its value, NULL (RECF_NULL), or if the record does not hold it its
 *    default or NULL (RECF_DEFAULT);
 *  - every value of every tagged column present (skipping columns that
 *    are not in the schema or deleted), a NULL override as one NULL value
 *    (itag 1, RECF_NULL), and absent tagged columns with a default as their
 *    default (itag 1, RECF_DEFAULT).
 * REC_ITER_TAGGED_ONLY leaves out fixed and variable columns;
 * REC_ITER_NO_DEFAULTS leaves out everything marked RECF_DEFAULT. */
#define REC_ITER_TAGGED_ONLY 0x1u
#define REC_ITER_NO_DEFAULTS 0x2u

struct rec_value {
    JET_COLUMNID columnid;
    uint32_t itag;
    const uint8_t *data;
    uint32_t cb;
    unsigned flags; /* RECF_* */
    const struct rec_column *column;
};

struct rec_iter {
    const uint8_t *rec;
    uint32_t len;
    const struct rec_schema *s;
    unsigned opts;
    uint32_t ci;   /* next fixed/variable schema column */
    uint32_t ti;   /* next tagged schema column (defaults) */
    uint32_t d;    /* next tagged directory entry */
    uint32_t itag; /* next value of the current tagged column */
    uint32_t n;    /* values of the current tagged column (0: none current) */
    const struct rec_column *cur;
};

/* 0 or JET_errDatabaseCorrupted (the record's layout is damaged). */
int rec_iter_init(struct rec_iter *it, const uint8_t *rec, uint32_t len,
                  const struct rec_schema *s, unsigned opts);
/* 1 and *v set, 0 at the end, or JET_errDatabaseCorrupted. */
int rec_iter_next(struct rec_iter *it, struct rec_value *v);

/* ---- building and changing ------------------------------------------- */

/* Compares a separated LV with data for JET_bitSetUniqueMultiValues:
 * 1 equal, 0 different, < 0 an error to return.  Called only when the
 * sizes are equal. */
typedef int (*rec_lv_equal_fn)(void *ctx, uint32_t lid, const void *data, uint32_t cb);

/* The copy buffer of a prepared update: a record edited in place in the
 * caller's buffer of cap bytes (cap is also the largest record a change
 * may make: JET_errRecordTooBig otherwise; at most REC_SIZE_MAX).  The
 * record is always well formed, so rec_get and rec_iter work on it
 * (JET_bitRetrieveCopy).  A failed change leaves it unchanged. */
struct rec_builder {
    const struct rec_schema *s;
    uint8_t *buf;
    uint32_t len;
    uint32_t cap;
    uint32_t lv_inline_max;  /* largest intrinsic LV (REC_LV_INLINE_MAX) */
    rec_lv_equal_fn lv_equal; /* NULL: separated LVs count as different */
    void *lv_ctx;
};

/* A new record (JET_prepInsert): the fixed and variable columns' defaults,
 * everything else NULL/absent.  JET_errRecordTooBig if that exceeds cap. */
int rec_builder_init(struct rec_builder *b, const struct rec_schema *s, uint8_t *buf,
                     uint32_t cap);
/* A copy of an existing record (JET_prepReplace).  The record is checked
 * with rec_validate first (JET_errDatabaseCorrupted); JET_errRecordTooBig
 * if it is longer than cap. */
int rec_builder_load(struct rec_builder *b, const struct rec_schema *s, uint8_t *buf,
                     uint32_t cap, const uint8_t *rec, uint32_t len);

/* JetSetColumn on the copy buffer.  itag: tagged columns: 0 appends a
 * value, 1..n replaces value n, more than n appends; ignored for fixed and
 * variable columns.  cb 0 means NULL unless JET_bitSetZeroLength (fixed
 * columns: always NULL).  grbit may hold JET_bitSetZeroLength,
 * AppendLV, OverwriteLV (at offset iblong), SizeLV (cb is the new size,
 * data unused; with OverwriteLV cb is the data's length and the value is
 * cut to iblong + cb), UniqueMultiValues (raw comparison), RevertToDefault-
 * Value, and SeparateLV, IntrinsicLV, Compressed, Uncompressed (no effect
 * here); anything else is JET_errInvalidGrbit (UniqueNormalizedMultiValues
 * too: it needs key normalization, the caller's job).  The LV bits act as
 * ESE's LV grbit matrix (lv.cxx ErrLVOpFromGrbit) on long values and are
 * ignored on other columns.
 *
 * Setting NULL on a tagged value deletes it and renumbers the rest; if it
 * was the column's only value (or the column was absent, itag 1) and the
 * column has a default, a NULL override stays so it reads NULL.
 * RevertToDefaultValue removes a tagged column from the record (it reads as
 * its default again); on a fixed or variable column it sets the default.
 *
 * Results: 0; JET_wrnColumnMaxTruncated (variable column longer than cbmax:
 * cut to cbmax and set); JET_errBadColumnId, JET_errColumnNotFound,
 * JET_errNullInvalid (NOT NULL column), JET_errInvalidBufferSize (fixed
 * size), JET_errColumnTooBig (tagged value longer than cbmax, LV larger
 * than cbmax, or, with JET_bitSetIntrinsicLV, an LV larger than cap),
 * JET_errColumnDoesNotFit (an intrinsic LV would exceed lv_inline_max
 * without JET_bitSetIntrinsicLV: the caller separates it and calls
 * rec_builder_set_lvref),
 * JET_errColumnNoChunk (OverwriteLV past the end), JET_errMultiValued-
 * Duplicate, JET_errRecordTooBig (more than cap), JET_errInvalidGrbit,
 * JET_errInvalidParameter (an AppendLV/OverwriteLV/SizeLV on a separated
 * value: the caller changes the LV tree and then the reference; or data
 * inside the builder's own buffer, which the edit would move). */
int rec_builder_set(struct rec_builder *b, JET_COLUMNID id, uint32_t itag, const void *data,
                    uint32_t cb, JET_GRBIT grbit, uint32_t iblong);
/* Stores a separated LV reference as value itag of long-value column id
 * (itag rules as rec_builder_set).  The previous value, inline or
 * separated, is replaced; the caller owns the LV trees.
 * JET_errInvalidParameter (not a long-value column, lid 0, size too
 * large), JET_errColumnTooBig (size > cbmax), JET_errRecordTooBig. */
int rec_builder_set_lvref(struct rec_builder *b, JET_COLUMNID id, uint32_t itag, uint32_t lid,
                          uint32_t size);
/* The finished record: JET_errRecordTooBig if it is longer than max (the
 * table's record limit, REC_SIZE_MAX at most), else 0 and *rec and *len point
 * to the builder's buffer. */
int rec_builder_finish(const struct rec_builder *b, uint32_t max, const uint8_t **rec,
                       uint32_t *len);

#endif /* ESENT_REC_H */
