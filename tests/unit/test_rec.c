/*
 * test_rec.c - the record format (engine/rec): byte-exact records for a
 * small table, round trips of every column type and class, NULL against
 * zero-length, multi-valued tagged columns (append, replace, delete and
 * renumber, counts, unique values), defaults and NULL overrides, records
 * read with a schema that gained columns since, intrinsic long values
 * (append, overwrite, size) and LV references, the record size limit,
 * iteration, a random model test, and damaged records (random bytes,
 * truncations, bit flips) that must never crash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esent.h"
#include "rec.h"
#include "unit.h"

/* ---- helpers ------------------------------------------------------------ */

static uint64_t rng_state;

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void wr32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v, p[1] = (uint8_t)(v >> 8), p[2] = (uint8_t)(v >> 16), p[3] = (uint8_t)(v >> 24);
}

static uint32_t rnd_below(uint32_t n)
{
    return n ? rnd() % n : 0;
}

static void seed_rng(const char *test)
{
    rng_state = unit_seed() | 1;
    fprintf(stderr, "test_rec %s: UNIT_SEED=%llu\n", test, unit_seed());
}

/* A column: the class flag comes from the id, LONG from the type. */
static struct rec_column col(JET_COLUMNID id, JET_COLTYP t, uint32_t cbmax, uint32_t flags)
{
    struct rec_column c;
    memset(&c, 0, sizeof(c));
    c.columnid = id;
    c.coltyp = t;
    c.cbmax = cbmax;
    c.flags = flags;
    c.flags |= id < 128 ? REC_COL_FIXED : id < 256 ? REC_COL_VARIABLE : REC_COL_TAGGED;
    if (t == JET_coltypLongText || t == JET_coltypLongBinary) c.flags |= REC_COL_LONG;
    return c;
}

static struct rec_column with_default(struct rec_column c, const void *def, uint32_t cb)
{
    c.pvdefault = def;
    c.cbdefault = cb;
    return c;
}

static void schema(struct rec_schema *s, const struct rec_column *cols, uint32_t n)
{
    int r = rec_schema_init(s, cols, n);
    ck_assert_int_eq(r, 0);
}

#define EXPECT_VAL(b, id, itag, data, cb, flags) \
    expect_val((b)->buf, (b)->len, (b)->s, id, itag, data, cb, flags, __LINE__)
static void expect_val(const uint8_t *rec, uint32_t len, const struct rec_schema *s,
                       JET_COLUMNID id, uint32_t itag, const void *want, uint32_t wantcb,
                       unsigned wantflags, int line)
{
    const uint8_t *p;
    uint32_t cb;
    unsigned f;
    int r = rec_get(rec, len, s, id, itag, &p, &cb, &f);
    ck_assert_msg(r == 0, "line %d: rec_get(%lu, %u) = %d", line, (unsigned long)id, itag, r);
    ck_assert_msg(cb == wantcb, "line %d: cb %u, want %u", line, cb, wantcb);
    ck_assert_msg(!cb || !memcmp(p, want, cb), "line %d: data differs", line);
    ck_assert_msg(f == wantflags, "line %d: flags %x, want %x", line, f, wantflags);
}

#define EXPECT_NULL(b, id, itag, flags) \
    expect_null((b)->buf, (b)->len, (b)->s, id, itag, flags, __LINE__)
static void expect_null(const uint8_t *rec, uint32_t len, const struct rec_schema *s,
                        JET_COLUMNID id, uint32_t itag, unsigned wantflags, int line)
{
    const uint8_t *p;
    uint32_t cb;
    unsigned f;
    int r = rec_get(rec, len, s, id, itag, &p, &cb, &f);
    ck_assert_msg(r == JET_wrnColumnNull, "line %d: rec_get(%lu, %u) = %d, want NULL", line,
                  (unsigned long)id, itag, r);
    ck_assert_msg(cb == 0 && p == NULL, "line %d: NULL with data", line);
    ck_assert_msg(f == (RECF_NULL | wantflags), "line %d: flags %x", line, f);
}

#define EXPECT_COUNT(b, id, n) expect_count((b)->buf, (b)->len, (b)->s, id, n, __LINE__)
static void expect_count(const uint8_t *rec, uint32_t len, const struct rec_schema *s,
                         JET_COLUMNID id, uint32_t want, int line)
{
    uint32_t n;
    int r = rec_count_values(rec, len, s, id, &n);
    ck_assert_msg(r == 0 && n == want, "line %d: count(%lu) = %d/%u, want %u", line,
                  (unsigned long)id, r, n, want);
}

#define EXPECT_VALID(b) \
    ck_assert_msg(rec_validate((b)->buf, (b)->len, (b)->s) == 0, "line %d: invalid", __LINE__)

/* Parses "01 0A 00*3" (a byte, or byte*count). */
static uint32_t parse_hex(const char *s, uint8_t *out)
{
    uint32_t n = 0;
    while (*s) {
        char *end;
        unsigned long v, count = 1;
        while (*s == ' ' || *s == '|') s++;
        if (!*s) break;
        v = strtoul(s, &end, 16);
        s = end;
        if (*s == '*') count = strtoul(s + 1, &end, 10), s = end;
        while (count--) out[n++] = (uint8_t)v;
    }
    return n;
}

#define EXPECT_BYTES(b, hex) expect_bytes((b)->buf, (b)->len, hex, __LINE__)
static void expect_bytes(const uint8_t *got, uint32_t len, const char *hex, int line)
{
    uint8_t want[1024];
    char dump[4096];
    uint32_t n = parse_hex(hex, want), i, at = 0;
    int same = n == len && !memcmp(got, want, n);
    if (!same)
        for (i = 0; i < len && at + 4 < sizeof(dump); i++)
            at += (uint32_t)snprintf(dump + at, sizeof(dump) - at, "%02X ", got[i]);
    ck_assert_msg(same, "line %d: record (%u) %s\nwant (%u) %s", line, len, same ? "" : dump, n,
                  hex);
}

static int set(struct rec_builder *b, JET_COLUMNID id, uint32_t itag, const char *s, JET_GRBIT g)
{
    return rec_builder_set(b, id, itag, s, s ? (uint32_t)strlen(s) : 0, g, 0);
}

static int set_null(struct rec_builder *b, JET_COLUMNID id, uint32_t itag)
{
    return rec_builder_set(b, id, itag, NULL, 0, 0, 0);
}

/* ---- schema ------------------------------------------------------------- */

START_TEST(schema_rules)
{
    static const uint8_t d4[4] = { 1, 2, 3, 4 };
    struct rec_column c[8];
    struct rec_schema s;
    const struct rec_column *found;
    struct rec_column del;

    c[0] = col(1, JET_coltypLong, 0, 0);
    c[1] = col(2, JET_coltypText, 10, 0);
    c[2] = col(128, JET_coltypBinary, 0, 0);
    c[3] = col(130, JET_coltypText, 255, 0);
    c[4] = col(256, JET_coltypLongBinary, 0, REC_COL_MULTIVALUED);
    c[5] = col(0xFEE0, JET_coltypGUID, 0, 0);
    ck_assert_int_eq(rec_schema_init(&s, c, 6), 0);
    ck_assert_uint_eq(s.nfixed, 2);
    ck_assert_uint_eq(s.itagged, 4);
    ck_assert_uint_eq(s.fixed_end[1], 4);
    ck_assert_uint_eq(s.fixed_end[2], 14);
    ck_assert_int_eq(rec_schema_find(&s, 2, &found), 0);
    ck_assert_ptr_eq(found, &c[1]);
    ck_assert_int_eq(rec_schema_find(&s, 130, &found), 0);
    ck_assert_ptr_eq(found, &c[3]);
    ck_assert_int_eq(rec_schema_find(&s, 0xFEE0, &found), 0);
    ck_assert_int_eq(rec_schema_find(&s, 0, &found), JET_errBadColumnId);
    ck_assert_int_eq(rec_schema_find(&s, 0xFEE1, &found), JET_errBadColumnId);
    ck_assert_int_eq(rec_schema_find(&s, 0x80000001, &found), JET_errBadColumnId);
    ck_assert_int_eq(rec_schema_find(&s, 3, &found), JET_errColumnNotFound);
    ck_assert_int_eq(rec_schema_find(&s, 129, &found), JET_errColumnNotFound);
    ck_assert_int_eq(rec_schema_find(&s, 257, &found), JET_errColumnNotFound);
    ck_assert_ptr_null(found);

    /* each broken rule */
    c[6] = c[0], c[0] = c[1], c[1] = c[6]; /* unsorted */
    ck_assert_int_eq(rec_schema_init(&s, c, 6), JET_errInvalidParameter);
    c[6] = c[0], c[0] = c[1], c[1] = c[6];
    c[1].columnid = 3; /* fixed ids must be dense */
    ck_assert_int_eq(rec_schema_init(&s, c, 6), JET_errInvalidParameter);
    c[1] = col(2, JET_coltypText, 300, 0); /* fixed text too long */
    ck_assert_int_eq(rec_schema_init(&s, c, 6), JET_errInvalidParameter);
    c[1] = col(2, JET_coltypLong, 8, 0); /* wrong natural size */
    ck_assert_int_eq(rec_schema_init(&s, c, 6), JET_errInvalidParameter);
    c[1] = col(2, JET_coltypLongText, 0, 0); /* LV must be tagged */
    ck_assert_int_eq(rec_schema_init(&s, c, 6), JET_errInvalidParameter);
    c[1] = col(2, JET_coltypText, 10, REC_COL_MULTIVALUED);
    ck_assert_int_eq(rec_schema_init(&s, c, 6), JET_errInvalidParameter);
    c[1] = col(2, JET_coltypText, 10, 0);
    c[1].flags = REC_COL_VARIABLE; /* class flag does not match the id */
    ck_assert_int_eq(rec_schema_init(&s, c, 6), JET_errInvalidParameter);
    c[1] = col(2, JET_coltypText, 10, 0);
    c[2] = col(128, JET_coltypLong, 0, 0); /* variable columns are text or binary */
    ck_assert_int_eq(rec_schema_init(&s, c, 6), JET_errInvalidParameter);
    c[2] = col(128, JET_coltypBinary, 0, 0);
    c[4].flags &= ~REC_COL_LONG; /* LONG flag must match the type */
    ck_assert_int_eq(rec_schema_init(&s, c, 6), JET_errInvalidParameter);
    c[4] = col(256, JET_coltypLongBinary, 0, REC_COL_MULTIVALUED);
    c[0] = with_default(col(1, JET_coltypLong, 0, 0), d4, 3); /* default of the wrong size */
    ck_assert_int_eq(rec_schema_init(&s, c, 6), JET_errInvalidParameter);
    c[0] = with_default(col(1, JET_coltypLong, 0, 0), d4, 4);
    ck_assert_int_eq(rec_schema_init(&s, c, 6), 0);
    c[5] = col(0xFEE1, JET_coltypGUID, 0, 0);
    ck_assert_int_eq(rec_schema_init(&s, c, 6), JET_errInvalidParameter);

    /* a deleted fixed column keeps its place (and size) but is not found */
    c[5] = col(0xFEE0, JET_coltypGUID, 0, 0);
    del = col(1, 0, 7, REC_COL_DELETED);
    c[0] = del;
    ck_assert_int_eq(rec_schema_init(&s, c, 6), 0);
    ck_assert_uint_eq(s.fixed_end[1], 7);
    ck_assert_int_eq(rec_schema_find(&s, 1, &found), JET_errColumnNotFound);
    ck_assert_int_eq(rec_schema_init(&s, c, 0), 0);
}
END_TEST

START_TEST(fixed_sizes_and_padding)
{
    static const struct {
        JET_COLTYP t;
        uint32_t size;
    } types[] = {
        { JET_coltypBit, 1 },       { JET_coltypUnsignedByte, 1 },   { JET_coltypShort, 2 },
        { JET_coltypUnsignedShort, 2 }, { JET_coltypLong, 4 },        { JET_coltypUnsignedLong, 4 },
        { JET_coltypIEEESingle, 4 }, { JET_coltypCurrency, 8 },      { JET_coltypIEEEDouble, 8 },
        { JET_coltypDateTime, 8 },   { JET_coltypLongLong, 8 },      { JET_coltypUnsignedLongLong, 8 },
        { JET_coltypGUID, 16 },      { JET_coltypText, 0 },          { JET_coltypBinary, 0 },
        { JET_coltypLongText, 0 },   { JET_coltypLongBinary, 0 },
    };
    struct rec_column c;
    uint8_t out[255];
    size_t i;

    for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        ck_assert_uint_eq(rec_coltyp_size(types[i].t), types[i].size);
    c = col(1, JET_coltypText, 6, 0);
    ck_assert_int_eq(rec_fixed_value(&c, "abc", 3, out), 0);
    ck_assert_mem_eq(out, "abc   ", 6);
    ck_assert_int_eq(rec_fixed_value(&c, "abcdefg", 7, out), JET_errInvalidBufferSize);
    c.cp = 1200;
    ck_assert_int_eq(rec_fixed_value(&c, "a\0", 2, out), 0);
    ck_assert_mem_eq(out, "a\0 \0 \0", 6);
    ck_assert_int_eq(rec_fixed_value(&c, "a", 1, out), 0); /* by position, as ESE */
    ck_assert_mem_eq(out, "a\0 \0 \0", 6);
    c = col(1, JET_coltypBinary, 0, 0);
    ck_assert_uint_eq(rec_fixed_size(&c), 255);
    c.cbmax = 4;
    ck_assert_int_eq(rec_fixed_value(&c, "\1", 1, out), 0);
    ck_assert_mem_eq(out, "\1\0\0\0", 4);
    c = col(1, JET_coltypShort, 0, 0);
    ck_assert_int_eq(rec_fixed_value(&c, "\1", 1, out), JET_errInvalidBufferSize);
    ck_assert_int_eq(rec_fixed_value(&c, "\1\2\3", 3, out), JET_errInvalidBufferSize);
    ck_assert_int_eq(rec_fixed_value(&c, "\1\2", 2, out), 0);
}
END_TEST

/* ---- byte-exact records ------------------------------------------------- */

START_TEST(format_bytes)
{
    struct rec_column c[5];
    struct rec_schema s;
    struct rec_builder b;
    uint8_t buf[256];
    const uint8_t *rec;
    uint32_t len;

    c[0] = col(1, JET_coltypLong, 0, 0);
    c[1] = col(2, JET_coltypShort, 0, 0);
    c[2] = col(128, JET_coltypBinary, 10, 0);
    c[3] = col(256, JET_coltypLongBinary, 0, 0);
    c[4] = col(257, JET_coltypBinary, 0, REC_COL_MULTIVALUED);
    schema(&s, c, 5);
    ck_assert_int_eq(rec_builder_init(&b, &s, buf, sizeof(buf)), 0);
    EXPECT_BYTES(&b, "01 00 00 00 00");
    ck_assert_int_eq(rec_builder_set(&b, 2, 1, "\x34\x12", 2, 0, 0), 0);
    EXPECT_BYTES(&b, "01 02 00 00 00 | 01 | 00 00 00 00 34 12");
    ck_assert_int_eq(set(&b, 128, 1, "ab", 0), 0);
    EXPECT_BYTES(&b, "01 02 01 00 00 | 01 | 00*4 34 12 | 02 00 | 61 62");
    ck_assert_int_eq(set(&b, 257, 0, "x", 0), 0);
    EXPECT_BYTES(&b, "01 02 01 01 00 | 01 | 00*4 34 12 | 02 00 | 61 62 | 01 01 02 00 | 00 78");
    ck_assert_int_eq(set(&b, 257, 0, "yz", 0), 0);
    EXPECT_BYTES(&b, "01 02 01 01 00 | 01 | 00*4 34 12 | 02 00 | 61 62 | 01 01 0A 00 |"
                     " 02 02 00 01 00 03 00 78 79 7A");
    ck_assert_int_eq(rec_builder_set_lvref(&b, 256, 1, 5, 3000), 0);
    EXPECT_BYTES(&b, "01 02 01 02 00 | 01 | 00*4 34 12 | 02 00 | 61 62 |"
                     " 00 01 09 00 01 01 13 00 | 04 05 00 00 00 B8 0B 00 00 |"
                     " 02 02 00 01 00 03 00 78 79 7A");
    ck_assert_int_eq(set_null(&b, 128, 1), 0);
    EXPECT_BYTES(&b, "01 02 01 02 00 | 01 | 00*4 34 12 | 00 80 |"
                     " 00 01 09 00 01 01 13 00 | 04 05 00 00 00 B8 0B 00 00 |"
                     " 02 02 00 01 00 03 00 78 79 7A");
    ck_assert_int_eq(set(&b, 128, 1, "", JET_bitSetZeroLength), 0);
    EXPECT_BYTES(&b, "01 02 01 02 00 | 01 | 00*4 34 12 | 00 00 |"
                     " 00 01 09 00 01 01 13 00 | 04 05 00 00 00 B8 0B 00 00 |"
                     " 02 02 00 01 00 03 00 78 79 7A");
    ck_assert_int_eq(set_null(&b, 257, 1), 0); /* back to one value */
    ck_assert_int_eq(set(&b, 256, 1, "q", 0), 0); /* the reference becomes inline */
    EXPECT_BYTES(&b, "01 02 01 02 00 | 01 | 00*4 34 12 | 00 00 |"
                     " 00 01 02 00 01 01 05 00 | 00 71 | 00 79 7A");
    ck_assert_int_eq(rec_builder_finish(&b, 100, &rec, &len), 0);
    ck_assert_ptr_eq(rec, buf);
    ck_assert_uint_eq(len, 27);
    ck_assert_int_eq(rec_builder_finish(&b, 26, &rec, &len), JET_errRecordTooBig);
}
END_TEST

/* ---- every column type and class ---------------------------------------- */

START_TEST(roundtrip_types)
{
    static const JET_COLTYP fixed_types[] = {
        JET_coltypBit,      JET_coltypUnsignedByte, JET_coltypShort,    JET_coltypUnsignedShort,
        JET_coltypLong,     JET_coltypUnsignedLong, JET_coltypIEEESingle, JET_coltypCurrency,
        JET_coltypIEEEDouble, JET_coltypDateTime,   JET_coltypLongLong, JET_coltypUnsignedLongLong,
        JET_coltypGUID,
    };
    enum { NF = sizeof(fixed_types) / sizeof(fixed_types[0]) };
    struct rec_column c[2 * NF + 8];
    uint8_t buf[4096], val[16], copy[4096];
    struct rec_builder b, b2;
    struct rec_schema s;
    uint32_t i, n = 0, t;

    for (i = 0; i < NF; i++) c[n++] = col(1 + i, fixed_types[i], 0, 0);
    c[n++] = col(NF + 1, JET_coltypText, 5, 0);
    c[n++] = col(NF + 2, JET_coltypBinary, 5, 0);
    c[n++] = col(128, JET_coltypText, 0, 0);
    c[n++] = col(129, JET_coltypBinary, 3, 0);
    for (i = 0; i < NF; i++) c[n++] = col(256 + i, fixed_types[i], 0, 0);
    c[n++] = col(300, JET_coltypText, 0, 0);
    c[n++] = col(301, JET_coltypBinary, 0, 0);
    c[n++] = col(302, JET_coltypLongText, 0, 0);
    c[n++] = col(303, JET_coltypLongBinary, 0, 0);
    schema(&s, c, n);
    ck_assert_int_eq(rec_builder_init(&b, &s, buf, sizeof(buf)), 0);
    for (i = 0; i < NF; i++) {
        uint32_t size = rec_coltyp_size(fixed_types[i]);
        memset(val, (int)(0x10 + i), sizeof(val));
        /* wrong sizes: fixed -> InvalidBufferSize; tagged -> InvalidBufferSize
         * when shorter, ColumnTooBig when longer (ESE's checks) */
        ck_assert_int_eq(rec_builder_set(&b, 1 + i, 1, val, size + 1, 0, 0), JET_errInvalidBufferSize);
        ck_assert_int_eq(rec_builder_set(&b, 256 + i, 1, val, size + 1, 0, 0), JET_errColumnTooBig);
        if (size > 1) {
            ck_assert_int_eq(rec_builder_set(&b, 1 + i, 1, val, size - 1, 0, 0), JET_errInvalidBufferSize);
            ck_assert_int_eq(rec_builder_set(&b, 256 + i, 1, val, size - 1, 0, 0), JET_errInvalidBufferSize);
        }
        ck_assert_int_eq(rec_builder_set(&b, 1 + i, 1, val, size, 0, 0), 0);
        ck_assert_int_eq(rec_builder_set(&b, 256 + i, 1, val, size, 0, 0), 0);
    }
    ck_assert_int_eq(set(&b, NF + 1, 1, "ab", 0), 0);
    ck_assert_int_eq(set(&b, NF + 2, 1, "ab", 0), 0);
    ck_assert_int_eq(set(&b, NF + 2, 1, "abcdef", 0), JET_errInvalidBufferSize);
    ck_assert_int_eq(set(&b, 128, 1, "variable text", 0), 0);
    ck_assert_int_eq(set(&b, 129, 1, "binary", 0), JET_wrnColumnMaxTruncated);
    ck_assert_int_eq(set(&b, 300, 1, "tagged text", 0), 0);
    ck_assert_int_eq(set(&b, 301, 1, "tagged binary", 0), 0);
    ck_assert_int_eq(set(&b, 302, 1, "long text", 0), 0);
    ck_assert_int_eq(set(&b, 303, 1, "long binary", 0), 0);
    EXPECT_VALID(&b);

    /* read back from the builder and from a copy loaded into another */
    memcpy(copy, b.buf, b.len);
    ck_assert_int_eq(rec_builder_load(&b2, &s, buf + 2048, 2048, copy, b.len), 0);
    for (t = 0; t < 2; t++) {
        struct rec_builder *p = t ? &b2 : &b;
        for (i = 0; i < NF; i++) {
            uint32_t size = rec_coltyp_size(fixed_types[i]);
            memset(val, (int)(0x10 + i), sizeof(val));
            EXPECT_VAL(p, 1 + i, 1, val, size, 0);
            EXPECT_VAL(p, 256 + i, 1, val, size, 0);
            EXPECT_NULL(p, 1 + i, 2, 0);
            EXPECT_COUNT(p, 1 + i, 1);
        }
        EXPECT_VAL(p, NF + 1, 1, "ab   ", 5, 0);
        EXPECT_VAL(p, NF + 2, 1, "ab\0\0\0", 5, 0);
        EXPECT_VAL(p, 128, 1, "variable text", 13, 0);
        EXPECT_VAL(p, 129, 1, "bin", 3, 0);
        EXPECT_VAL(p, 300, 1, "tagged text", 11, 0);
        EXPECT_VAL(p, 301, 1, "tagged binary", 13, 0);
        EXPECT_VAL(p, 302, 1, "long text", 9, 0);
        EXPECT_VAL(p, 303, 1, "long binary", 11, 0);
        EXPECT_NULL(p, 303, 2, 0);
    }
    {
        const uint8_t *d;
        uint32_t cb;
        unsigned f;
        ck_assert_int_eq(rec_get(b.buf, b.len, &s, 1, 0, &d, &cb, &f), JET_errBadItagSequence);
        ck_assert_int_eq(rec_get(b.buf, b.len, &s, 0, 1, &d, &cb, &f), JET_errBadColumnId);
        ck_assert_int_eq(rec_get(b.buf, b.len, &s, 200, 1, &d, &cb, &f), JET_errColumnNotFound);
        ck_assert_int_eq(set(&b, 200, 1, "x", 0), JET_errColumnNotFound);
        ck_assert_int_eq(set(&b, 0xFFFF, 1, "x", 0), JET_errBadColumnId);
    }
}
END_TEST

/* ---- NULL and zero-length ----------------------------------------------- */

START_TEST(null_and_zero_length)
{
    struct rec_column c[6];
    struct rec_schema s;
    struct rec_builder b;
    uint8_t buf[512];

    c[0] = col(1, JET_coltypLong, 0, 0);
    c[1] = col(2, JET_coltypLong, 0, REC_COL_NOTNULL);
    c[2] = col(128, JET_coltypText, 0, 0);
    c[3] = col(129, JET_coltypText, 0, REC_COL_NOTNULL);
    c[4] = col(256, JET_coltypBinary, 0, 0);
    c[5] = col(257, JET_coltypLong, 0, REC_COL_NOTNULL);
    schema(&s, c, 6);
    ck_assert_int_eq(rec_builder_init(&b, &s, buf, sizeof(buf)), 0);

    /* absent columns */
    EXPECT_NULL(&b, 1, 1, RECF_DEFAULT);
    EXPECT_NULL(&b, 128, 1, RECF_DEFAULT);
    EXPECT_NULL(&b, 256, 1, RECF_DEFAULT);
    EXPECT_COUNT(&b, 1, 0);
    EXPECT_COUNT(&b, 256, 0);

    /* fixed: zero-length is NULL, even with JET_bitSetZeroLength */
    ck_assert_int_eq(set(&b, 1, 1, "", JET_bitSetZeroLength), 0);
    EXPECT_NULL(&b, 1, 1, 0);
    ck_assert_int_eq(set(&b, 2, 1, "", JET_bitSetZeroLength), JET_errNullInvalid);
    ck_assert_int_eq(set_null(&b, 2, 1), JET_errNullInvalid);
    ck_assert_int_eq(rec_builder_set(&b, 1, 1, "abcd", 4, 0, 0), 0);
    EXPECT_VAL(&b, 1, 1, "abcd", 4, 0);
    ck_assert_int_eq(rec_builder_set(&b, 1, 1, "abcd", 0, 0, 0), 0); /* cb 0: NULL */
    EXPECT_NULL(&b, 1, 1, 0);
    ck_assert_int_eq(rec_builder_set(&b, 1, 1, NULL, 4, 0, 0), 0); /* no data: NULL */
    EXPECT_NULL(&b, 1, 1, 0);

    /* variable: NULL and zero-length differ */
    ck_assert_int_eq(set(&b, 128, 1, "", JET_bitSetZeroLength), 0);
    EXPECT_VAL(&b, 128, 1, "", 0, 0);
    EXPECT_COUNT(&b, 128, 1);
    ck_assert_int_eq(set(&b, 128, 1, "", 0), 0);
    EXPECT_NULL(&b, 128, 1, 0);
    EXPECT_COUNT(&b, 128, 0);
    ck_assert_int_eq(set(&b, 129, 1, "", 0), JET_errNullInvalid);
    ck_assert_int_eq(set(&b, 129, 1, "", JET_bitSetZeroLength), 0);
    EXPECT_VAL(&b, 129, 1, "", 0, 0);
    EXPECT_NULL(&b, 128, 1, 0);

    /* tagged: zero-length is a value; NULL deletes it */
    ck_assert_int_eq(set(&b, 256, 1, "", JET_bitSetZeroLength), 0);
    EXPECT_VAL(&b, 256, 1, "", 0, 0);
    EXPECT_COUNT(&b, 256, 1);
    ck_assert_int_eq(set(&b, 256, 0, "", JET_bitSetZeroLength), 0);
    EXPECT_COUNT(&b, 256, 2);
    ck_assert_int_eq(set_null(&b, 256, 1), 0);
    ck_assert_int_eq(set_null(&b, 256, 1), 0);
    EXPECT_NULL(&b, 256, 1, RECF_DEFAULT);
    EXPECT_COUNT(&b, 256, 0);
    /* a zero-length fixed-type tagged value is allowed (JetSetColumn docs) */
    ck_assert_int_eq(set(&b, 257, 1, "", JET_bitSetZeroLength), 0);
    EXPECT_VAL(&b, 257, 1, "", 0, 0);
    ck_assert_int_eq(set_null(&b, 257, 1), JET_errNullInvalid);
    ck_assert_int_eq(set_null(&b, 257, 0), JET_errNullInvalid);
    EXPECT_VALID(&b);
}
END_TEST

/* ---- multi-valued tagged columns ---------------------------------------- */

/* The values of column id, "a,b,c" in itag order ("a,,b": an empty value
 * between; "": none). */
#define EXPECT_VALUES(b, id, list) expect_values(b, id, list, __LINE__)
static void expect_values(const struct rec_builder *b, JET_COLUMNID id, const char *list, int line)
{
    const char *p = list;
    uint32_t n = 0;

    while (*list) {
        const char *comma = strchr(p, ',');
        uint32_t len = comma ? (uint32_t)(comma - p) : (uint32_t)strlen(p);
        expect_val(b->buf, b->len, b->s, id, ++n, p, len, 0, line);
        if (!comma) break;
        p = comma + 1;
    }
    expect_count(b->buf, b->len, b->s, id, n, line);
    expect_null(b->buf, b->len, b->s, id, n + 1, n ? 0 : RECF_DEFAULT, line);
    ck_assert_msg(rec_validate(b->buf, b->len, b->s) == 0, "line %d: invalid", line);
}

START_TEST(multi_values)
{
    struct rec_column c[3];
    struct rec_schema s;
    struct rec_builder b;
    uint8_t buf[1024];

    c[0] = col(256, JET_coltypBinary, 0, REC_COL_MULTIVALUED);
    c[1] = col(300, JET_coltypText, 0, REC_COL_MULTIVALUED);
    c[2] = col(400, JET_coltypLongBinary, 0, REC_COL_MULTIVALUED);
    schema(&s, c, 3);
    ck_assert_int_eq(rec_builder_init(&b, &s, buf, sizeof(buf)), 0);

    ck_assert_int_eq(set(&b, 300, 0, "a", 0), 0); /* itag 0 appends */
    ck_assert_int_eq(set(&b, 300, 0, "b", 0), 0);
    ck_assert_int_eq(set(&b, 300, 7, "c", 0), 0); /* past the end appends */
    EXPECT_VALUES(&b, 300, "a,b,c");
    ck_assert_int_eq(set(&b, 300, 2, "BB", 0), 0); /* replaces */
    EXPECT_VALUES(&b, 300, "a,BB,c");
    ck_assert_int_eq(set(&b, 300, 4, "d", 0), 0); /* n+1 appends */
    EXPECT_VALUES(&b, 300, "a,BB,c,d");
    ck_assert_int_eq(set_null(&b, 300, 2), 0); /* deletes and renumbers */
    EXPECT_VALUES(&b, 300, "a,c,d");
    ck_assert_int_eq(set_null(&b, 300, 9), 0); /* nothing there: no-op */
    ck_assert_int_eq(set_null(&b, 300, 0), 0); /* appending NULL: no-op */
    EXPECT_VALUES(&b, 300, "a,c,d");
    ck_assert_int_eq(set_null(&b, 300, 3), 0);
    ck_assert_int_eq(set_null(&b, 300, 1), 0);
    EXPECT_VALUES(&b, 300, "c");
    ck_assert_int_eq(set(&b, 256, 1, "z", 0), 0); /* another column before it */
    ck_assert_int_eq(set(&b, 400, 1, "lv", 0), 0); /* and after */
    ck_assert_int_eq(set_null(&b, 300, 1), 0);
    EXPECT_VALUES(&b, 300, "");
    EXPECT_VALUES(&b, 256, "z");
    EXPECT_VALUES(&b, 400, "lv");

    /* unique values: raw comparison, the replaced value itself excluded */
    ck_assert_int_eq(set(&b, 300, 0, "x", JET_bitSetUniqueMultiValues), 0);
    ck_assert_int_eq(set(&b, 300, 0, "y", JET_bitSetUniqueMultiValues), 0);
    ck_assert_int_eq(set(&b, 300, 0, "x", JET_bitSetUniqueMultiValues), JET_errMultiValuedDuplicate);
    ck_assert_int_eq(set(&b, 300, 2, "x", JET_bitSetUniqueMultiValues), JET_errMultiValuedDuplicate);
    ck_assert_int_eq(set(&b, 300, 1, "x", JET_bitSetUniqueMultiValues), 0);
    ck_assert_int_eq(set(&b, 300, 0, "X", JET_bitSetUniqueMultiValues), 0);
    ck_assert_int_eq(set(&b, 300, 0, "", JET_bitSetUniqueMultiValues | JET_bitSetZeroLength), 0);
    ck_assert_int_eq(set(&b, 300, 0, "", JET_bitSetUniqueMultiValues | JET_bitSetZeroLength),
                     JET_errMultiValuedDuplicate);
    EXPECT_VALUES(&b, 300, "x,y,X,");
    ck_assert_int_eq(set(&b, 300, 0, "x", 0), 0); /* without the bit duplicates are fine */
    EXPECT_VALUES(&b, 300, "x,y,X,,x");
    ck_assert_int_eq(set(&b, 400, 0, "lv", JET_bitSetUniqueMultiValues), JET_errMultiValuedDuplicate);
    ck_assert_int_eq(set(&b, 400, 0, "lv", JET_bitSetUniqueMultiValues | JET_bitSetAppendLV),
                     JET_errInvalidGrbit);
    ck_assert_int_eq(set(&b, 400, 0, "lv", JET_bitSetUniqueNormalizedMultiValues), JET_errInvalidGrbit);
    ck_assert_int_eq(set(&b, 400, 0, "lv", 0x40000000), JET_errInvalidGrbit);

    /* RevertToDefaultValue removes them all */
    ck_assert_int_eq(set(&b, 300, 3, "ignored", JET_bitSetRevertToDefaultValue), 0);
    EXPECT_VALUES(&b, 300, "");
    EXPECT_NULL(&b, 300, 1, RECF_DEFAULT);

    /* many values */
    {
        char v[8];
        uint32_t i;
        for (i = 0; i < 100; i++) {
            snprintf(v, sizeof(v), "%u", i);
            ck_assert_int_eq(set(&b, 256, 0, v, 0), 0);
        }
        EXPECT_COUNT(&b, 256, 101);
        for (i = 0; i < 100; i += 2) ck_assert_int_eq(set_null(&b, 256, 2 + i / 2), 0);
        EXPECT_COUNT(&b, 256, 51);
        for (i = 0; i < 50; i++) {
            snprintf(v, sizeof(v), "%u", 2 * i + 1);
            EXPECT_VAL(&b, 256, 2 + i, v, (uint32_t)strlen(v), 0);
        }
        EXPECT_VALID(&b);
    }
}
END_TEST

/* ---- defaults ----------------------------------------------------------- */

START_TEST(defaults)
{
    struct rec_column c[7];
    struct rec_schema s;
    struct rec_builder b;
    uint8_t buf[512];

    c[0] = col(1, JET_coltypLong, 0, 0);
    c[1] = with_default(col(2, JET_coltypShort, 0, 0), "\7\0", 2);
    c[2] = col(3, JET_coltypLong, 0, 0);
    c[3] = with_default(col(128, JET_coltypText, 0, 0), "dflt", 4);
    c[4] = col(129, JET_coltypText, 0, 0);
    c[5] = with_default(col(256, JET_coltypText, 0, REC_COL_MULTIVALUED), "tdef", 4);
    c[6] = with_default(col(257, JET_coltypLongText, 0, 0), "lvdef", 5);
    schema(&s, c, 7);
    ck_assert_uint_eq(s.ntagged_defaults, 2);
    ck_assert_int_eq(rec_builder_init(&b, &s, buf, sizeof(buf)), 0);
    /* the new record holds the fixed and variable defaults (up to the last) */
    EXPECT_BYTES(&b, "01 02 01 00 00 | 01 | 00*4 07 00 | 04 00 | 64 66 6C 74");
    EXPECT_NULL(&b, 1, 1, 0);
    EXPECT_VAL(&b, 2, 1, "\7\0", 2, 0);
    EXPECT_NULL(&b, 3, 1, RECF_DEFAULT);
    EXPECT_VAL(&b, 128, 1, "dflt", 4, 0);
    EXPECT_NULL(&b, 129, 1, RECF_DEFAULT);
    /* tagged defaults are not stored: read at itag 1 only, counted as 1 */
    EXPECT_VAL(&b, 256, 1, "tdef", 4, RECF_DEFAULT);
    EXPECT_NULL(&b, 256, 2, RECF_DEFAULT);
    EXPECT_COUNT(&b, 256, 1);
    EXPECT_VAL(&b, 257, 1, "lvdef", 5, RECF_DEFAULT);

    /* setting a tagged value replaces the default */
    ck_assert_int_eq(set(&b, 256, 0, "v1", 0), 0);
    EXPECT_VALUES(&b, 256, "v1");
    ck_assert_int_eq(set(&b, 256, 0, "v2", 0), 0);
    ck_assert_int_eq(set_null(&b, 256, 1), 0); /* two values: plain delete */
    EXPECT_VALUES(&b, 256, "v2");
    /* the last value set to NULL leaves a NULL override: NULL, not the default */
    ck_assert_int_eq(set_null(&b, 256, 1), 0);
    EXPECT_NULL(&b, 256, 1, 0);
    EXPECT_COUNT(&b, 256, 0);
    ck_assert_int_eq(set_null(&b, 256, 1), 0);
    EXPECT_NULL(&b, 256, 1, 0);
    EXPECT_VALID(&b);
    /* a value replaces the override */
    ck_assert_int_eq(set(&b, 256, 1, "v3", 0), 0);
    EXPECT_VALUES(&b, 256, "v3");
    /* RevertToDefaultValue: the default again */
    ck_assert_int_eq(set_null(&b, 256, 1), 0);
    ck_assert_int_eq(set_null(&b, 256, 1), 0);
    ck_assert_int_eq(set(&b, 256, 1, NULL, JET_bitSetRevertToDefaultValue), 0);
    EXPECT_VAL(&b, 256, 1, "tdef", 4, RECF_DEFAULT);
    /* an absent column with a default set to NULL at itag 1 gets an override;
     * at itag 0 or 2 nothing happens */
    ck_assert_int_eq(set_null(&b, 257, 0), 0);
    ck_assert_int_eq(set_null(&b, 257, 2), 0);
    EXPECT_VAL(&b, 257, 1, "lvdef", 5, RECF_DEFAULT);
    ck_assert_int_eq(set_null(&b, 257, 1), 0);
    EXPECT_NULL(&b, 257, 1, 0);

    /* fixed and variable: RevertToDefaultValue sets the default */
    ck_assert_int_eq(rec_builder_set(&b, 2, 1, "\1\1", 2, 0, 0), 0);
    ck_assert_int_eq(set(&b, 128, 1, "other", 0), 0);
    ck_assert_int_eq(set(&b, 2, 1, NULL, JET_bitSetRevertToDefaultValue), 0);
    ck_assert_int_eq(set(&b, 128, 1, NULL, JET_bitSetRevertToDefaultValue), 0);
    ck_assert_int_eq(set(&b, 1, 1, NULL, JET_bitSetRevertToDefaultValue), 0);
    EXPECT_VAL(&b, 2, 1, "\7\0", 2, 0);
    EXPECT_VAL(&b, 128, 1, "dflt", 4, 0);
    EXPECT_NULL(&b, 1, 1, 0);
    /* a fixed column explicitly NULL stays NULL (it is in the record) */
    ck_assert_int_eq(set_null(&b, 2, 1), 0);
    EXPECT_NULL(&b, 2, 1, 0);
    EXPECT_VALID(&b);
}
END_TEST

/* ---- records read with a schema that gained columns ---------------------- */

START_TEST(added_columns)
{
    static const uint8_t d3[4] = { 3, 3, 3, 3 };
    struct rec_column a[4], c[10];
    struct rec_schema sa, sb;
    struct rec_builder b;
    uint8_t buf[512], old[512], buf2[512];
    uint32_t oldlen;

    /* version 1 of the table */
    a[0] = col(1, JET_coltypLong, 0, 0);
    a[1] = col(2, JET_coltypShort, 0, 0);
    a[2] = col(128, JET_coltypText, 0, 0);
    a[3] = col(256, JET_coltypText, 0, 0);
    schema(&sa, a, 4);
    ck_assert_int_eq(rec_builder_init(&b, &sa, buf, sizeof(buf)), 0);
    ck_assert_int_eq(rec_builder_set(&b, 1, 1, "\1\0\0\0", 4, 0, 0), 0);
    ck_assert_int_eq(rec_builder_set(&b, 2, 1, "\2\0", 2, 0, 0), 0);
    ck_assert_int_eq(set(&b, 128, 1, "v1", 0), 0);
    ck_assert_int_eq(set(&b, 256, 1, "t1", 0), 0);
    memcpy(old, b.buf, b.len);
    oldlen = b.len;

    /* version 2: new fixed, variable and tagged columns, some with defaults */
    c[0] = a[0];
    c[1] = a[1];
    c[2] = with_default(col(3, JET_coltypLong, 0, 0), d3, 4);
    c[3] = col(4, JET_coltypLong, 0, 0);
    c[4] = a[2];
    c[5] = with_default(col(129, JET_coltypText, 0, 0), "new", 3);
    c[6] = col(130, JET_coltypText, 0, 0);
    c[7] = a[3];
    c[8] = with_default(col(257, JET_coltypText, 0, 0), "tnew", 4);
    c[9] = col(258, JET_coltypText, 0, 0);
    schema(&sb, c, 10);
    ck_assert_int_eq(rec_validate(old, oldlen, &sb), 0);
    expect_val(old, oldlen, &sb, 1, 1, "\1\0\0\0", 4, 0, __LINE__);
    expect_val(old, oldlen, &sb, 2, 1, "\2\0", 2, 0, __LINE__);
    expect_val(old, oldlen, &sb, 3, 1, d3, 4, RECF_DEFAULT, __LINE__);
    expect_null(old, oldlen, &sb, 4, 1, RECF_DEFAULT, __LINE__);
    expect_val(old, oldlen, &sb, 128, 1, "v1", 2, 0, __LINE__);
    expect_val(old, oldlen, &sb, 129, 1, "new", 3, RECF_DEFAULT, __LINE__);
    expect_null(old, oldlen, &sb, 130, 1, RECF_DEFAULT, __LINE__);
    expect_val(old, oldlen, &sb, 256, 1, "t1", 2, 0, __LINE__);
    expect_val(old, oldlen, &sb, 257, 1, "tnew", 4, RECF_DEFAULT, __LINE__);
    expect_null(old, oldlen, &sb, 258, 1, RECF_DEFAULT, __LINE__);
    expect_count(old, oldlen, &sb, 3, 1, __LINE__);
    expect_count(old, oldlen, &sb, 4, 0, __LINE__);

    /* updating the old record: setting column 4 brings 3 into the record
     * with its default, setting 130 brings 129 with its default */
    ck_assert_int_eq(rec_builder_load(&b, &sb, buf2, sizeof(buf2), old, oldlen), 0);
    ck_assert_int_eq(rec_builder_set(&b, 4, 1, "\4\0\0\0", 4, 0, 0), 0);
    ck_assert_int_eq(set(&b, 130, 1, "x", 0), 0);
    EXPECT_VAL(&b, 3, 1, d3, 4, 0);
    EXPECT_VAL(&b, 4, 1, "\4\0\0\0", 4, 0);
    EXPECT_VAL(&b, 129, 1, "new", 3, 0);
    EXPECT_VAL(&b, 130, 1, "x", 1, 0);
    EXPECT_VAL(&b, 1, 1, "\1\0\0\0", 4, 0);
    EXPECT_VAL(&b, 128, 1, "v1", 2, 0);
    EXPECT_VAL(&b, 256, 1, "t1", 2, 0);
    EXPECT_VALID(&b);
    /* the old schema cannot read a record that knows more fixed columns */
    ck_assert_int_eq(rec_validate(b.buf, b.len, &sa), JET_errDatabaseCorrupted);

    /* deleting column 1: its bytes stay, the column is not found; deleting
     * tagged 256 from the schema: its value is skipped */
    c[0] = col(1, JET_coltypLong, 0, REC_COL_DELETED);
    c[7].flags |= REC_COL_DELETED;
    schema(&sb, c, 10);
    {
        const uint8_t *d;
        uint32_t cb;
        unsigned f;
        struct rec_iter it;
        struct rec_value v;
        int r;
        ck_assert_int_eq(rec_get(b.buf, b.len, &sb, 1, 1, &d, &cb, &f), JET_errColumnNotFound);
        ck_assert_int_eq(rec_get(b.buf, b.len, &sb, 256, 1, &d, &cb, &f), JET_errColumnNotFound);
        EXPECT_VAL(&b, 2, 1, "\2\0", 2, 0);
        ck_assert_int_eq(rec_iter_init(&it, b.buf, b.len, &sb, REC_ITER_NO_DEFAULTS), 0);
        while ((r = rec_iter_next(&it, &v)) == 1)
            ck_assert(v.columnid != 1 && v.columnid != 256);
        ck_assert_int_eq(r, 0);
    }
}
END_TEST

/* ---- long values -------------------------------------------------------- */

static int lv_equal_calls;

/* Pretends LV n holds n bytes of 'L'. */
static int fake_lv_equal(void *ctx, uint32_t lid, const void *data, uint32_t cb)
{
    uint32_t i;
    (void)ctx;
    lv_equal_calls++;
    for (i = 0; i < cb; i++)
        if (((const uint8_t *)data)[i] != 'L') return 0;
    return lid == 77 ? -1111 : 1;
}

START_TEST(long_values)
{
    struct rec_column c[3];
    struct rec_schema s;
    struct rec_builder b;
    uint8_t buf[4096], big[2000];
    uint32_t size = 10, lid, lsize;

    c[0] = col(256, JET_coltypLongBinary, 0, REC_COL_MULTIVALUED);
    c[1] = col(257, JET_coltypLongText, 20, 0);
    c[2] = col(258, JET_coltypBinary, 0, 0);
    schema(&s, c, 3);
    ck_assert_int_eq(rec_builder_init(&b, &s, buf, sizeof(buf)), 0);

    /* append: to a new value it sets, to an existing one it appends */
    ck_assert_int_eq(set(&b, 256, 1, "abc", JET_bitSetAppendLV), 0);
    ck_assert_int_eq(set(&b, 256, 1, "def", JET_bitSetAppendLV), 0);
    ck_assert_int_eq(set(&b, 256, 1, "", JET_bitSetAppendLV), 0);
    EXPECT_VALUES(&b, 256, "abcdef");
    ck_assert_int_eq(set(&b, 256, 0, "", JET_bitSetAppendLV), 0); /* new: zero-length */
    ck_assert_int_eq(set(&b, 256, 2, "xy", JET_bitSetAppendLV), 0);
    EXPECT_VALUES(&b, 256, "abcdef,xy");

    /* overwrite at an offset: grows past the end, never starts past it */
    ck_assert_int_eq(rec_builder_set(&b, 256, 1, "XY", 2, JET_bitSetOverwriteLV, 1), 0);
    EXPECT_VALUES(&b, 256, "aXYdef,xy");
    ck_assert_int_eq(rec_builder_set(&b, 256, 1, "1234", 4, JET_bitSetOverwriteLV, 6), 0);
    EXPECT_VALUES(&b, 256, "aXYdef1234,xy");
    ck_assert_int_eq(rec_builder_set(&b, 256, 1, "Q", 1, JET_bitSetOverwriteLV, 11), JET_errColumnNoChunk);
    ck_assert_int_eq(rec_builder_set(&b, 256, 1, "Q", 1, JET_bitSetOverwriteLV, 10), 0);
    ck_assert_int_eq(rec_builder_set(&b, 256, 1, "", 0, JET_bitSetOverwriteLV, 3), 0); /* no-op */
    ck_assert_int_eq(rec_builder_set(&b, 256, 0, "Q", 1, JET_bitSetOverwriteLV, 1), JET_errColumnNoChunk);
    ck_assert_int_eq(rec_builder_set(&b, 256, 0, "new", 3, JET_bitSetOverwriteLV, 0), 0);
    EXPECT_VALUES(&b, 256, "aXYdef1234Q,xy,new");

    /* overwrite and size: cut to ib + cb */
    ck_assert_int_eq(rec_builder_set(&b, 256, 1, "Z", 1, JET_bitSetOverwriteLV | JET_bitSetSizeLV, 2), 0);
    EXPECT_VALUES(&b, 256, "aXZ,xy,new");

    /* size: cb is the new size (data unused); zero-extends or cuts; 0 is NULL */
    ck_assert_int_eq(rec_builder_set(&b, 256, 2, NULL, 5, JET_bitSetSizeLV, 0), 0);
    EXPECT_VAL(&b, 256, 2, "xy\0\0\0", 5, 0);
    ck_assert_int_eq(rec_builder_set(&b, 256, 2, &size, 1, JET_bitSetSizeLV, 0), 0);
    EXPECT_VAL(&b, 256, 2, "x", 1, 0);
    ck_assert_int_eq(rec_builder_set(&b, 256, 0, NULL, 3, JET_bitSetSizeLV, 0), 0);
    EXPECT_VAL(&b, 256, 4, "\0\0\0", 3, 0);
    ck_assert_int_eq(rec_builder_set(&b, 256, 4, NULL, 0, JET_bitSetSizeLV, 0), 0);
    EXPECT_VALUES(&b, 256, "aXZ,x,new");
    ck_assert_int_eq(rec_builder_set(&b, 256, 2, NULL, 0, JET_bitSetSizeLV | JET_bitSetZeroLength, 0), 0);
    EXPECT_VALUES(&b, 256, "aXZ,,new");
    ck_assert_int_eq(set(&b, 256, 1, "q", JET_bitSetAppendLV | JET_bitSetOverwriteLV), JET_errInvalidGrbit);

    /* the intrinsic limit: JET_errColumnDoesNotFit (the caller separates);
     * with JET_bitSetIntrinsicLV the value stays in the record if the
     * record can hold it (JET_errRecordTooBig otherwise) and is
     * JET_errColumnTooBig only when larger than any record */
    memset(big, 'L', sizeof(big));
    ck_assert_int_eq(rec_builder_set(&b, 256, 0, big, 1023, 0, 0), 0);
    ck_assert_int_eq(rec_builder_set(&b, 256, 4, big, 1, JET_bitSetAppendLV, 0), JET_errColumnDoesNotFit);
    ck_assert_int_eq(rec_builder_set(&b, 256, 0, big, 1024, 0, 0), JET_errColumnDoesNotFit);
    ck_assert_int_eq(rec_builder_set(&b, 256, 0, big, 1500, JET_bitSetIntrinsicLV, 0), 0);
    EXPECT_VAL(&b, 256, 5, big, 1500, 0);
    ck_assert_int_eq(rec_builder_set(&b, 256, 5, NULL, 0, 0, 0), 0);
    ck_assert_int_eq(rec_builder_set(&b, 256, 0, NULL, b.cap + 1, JET_bitSetSizeLV | JET_bitSetIntrinsicLV, 0),
                     JET_errColumnTooBig);
    ck_assert_int_eq(rec_builder_set(&b, 256, 0, NULL, b.cap, JET_bitSetSizeLV | JET_bitSetIntrinsicLV, 0),
                     JET_errRecordTooBig);
    ck_assert_int_eq(rec_builder_set(&b, 256, 0, NULL, 5000, JET_bitSetSizeLV, 0), JET_errColumnDoesNotFit);
    b.lv_inline_max = 1500;
    ck_assert_int_eq(rec_builder_set(&b, 256, 4, big, 1, JET_bitSetAppendLV, 0), 0);
    EXPECT_VAL(&b, 256, 4, big, 1024, 0);
    /* cbmax of a long value column */
    ck_assert_int_eq(rec_builder_set(&b, 257, 1, big, 21, 0, 0), JET_errColumnTooBig);
    ck_assert_int_eq(rec_builder_set(&b, 257, 1, big, 20, 0, 0), 0);
    ck_assert_int_eq(rec_builder_set(&b, 257, 1, big, 1, JET_bitSetAppendLV, 0), JET_errColumnTooBig);
    ck_assert_int_eq(rec_builder_set_lvref(&b, 257, 1, 9, 21), JET_errColumnTooBig);
    /* a non-LV tagged column: too long is JET_errColumnTooBig, LV bits ignored */
    ck_assert_int_eq(rec_builder_set(&b, 258, 1, big, 256, 0, 0), JET_errColumnTooBig);
    ck_assert_int_eq(set(&b, 258, 1, "ab", JET_bitSetAppendLV), 0);
    ck_assert_int_eq(set(&b, 258, 1, "cd", JET_bitSetAppendLV), 0);
    EXPECT_VALUES(&b, 258, "cd");

    /* separated references */
    ck_assert_int_eq(rec_builder_set_lvref(&b, 258, 1, 9, 100), JET_errInvalidParameter);
    ck_assert_int_eq(rec_builder_set_lvref(&b, 256, 1, 0, 100), JET_errInvalidParameter);
    ck_assert_int_eq(rec_builder_set_lvref(&b, 256, 1, 9, 0x80000000u), JET_errInvalidParameter);
    ck_assert_int_eq(rec_builder_set_lvref(&b, 256, 2, 42, 3000), 0);
    ck_assert_int_eq(rec_builder_set_lvref(&b, 256, 0, 43, 100000), 0);
    EXPECT_COUNT(&b, 256, 5);
    {
        const uint8_t *d;
        uint32_t cb;
        unsigned f;
        ck_assert_int_eq(rec_get(b.buf, b.len, &s, 256, 2, &d, &cb, &f), 0);
        ck_assert_uint_eq(f, RECF_SEPARATED_LV);
        ck_assert_uint_eq(cb, REC_LVREF_SIZE);
        rec_lvref_decode(d, &lid, &lsize);
        ck_assert_uint_eq(lid, 42);
        ck_assert_uint_eq(lsize, 3000);
        ck_assert_int_eq(rec_get(b.buf, b.len, &s, 256, 5, &d, &cb, &f), 0);
        rec_lvref_decode(d, &lid, &lsize);
        ck_assert_uint_eq(lid, 43);
        ck_assert_uint_eq(lsize, 100000);
    }
    EXPECT_VAL(&b, 256, 1, "aXZ", 3, 0);
    EXPECT_VAL(&b, 256, 3, "new", 3, 0);
    /* partial changes of a separated value are the LV tree's */
    ck_assert_int_eq(set(&b, 256, 2, "x", JET_bitSetAppendLV), JET_errInvalidParameter);
    ck_assert_int_eq(rec_builder_set(&b, 256, 2, NULL, 5, JET_bitSetSizeLV, 0), JET_errInvalidParameter);
    ck_assert_int_eq(rec_builder_set(&b, 256, 2, "x", 1, JET_bitSetOverwriteLV, 0), JET_errInvalidParameter);
    ck_assert_int_eq(set(&b, 256, 2, "", JET_bitSetAppendLV), 0); /* no-op */
    /* a reference replaced by a reference, then by an inline value */
    ck_assert_int_eq(rec_builder_set_lvref(&b, 256, 2, 44, 5), 0);
    EXPECT_VALID(&b);
    ck_assert_int_eq(set(&b, 256, 2, "inline", 0), 0);
    EXPECT_VAL(&b, 256, 2, "inline", 6, 0);
    ck_assert_int_eq(rec_builder_set_lvref(&b, 256, 1, 45, 4), 0);
    EXPECT_VALID(&b);

    /* unique values against separated ones go through the callback, only
     * for equal sizes */
    b.lv_equal = fake_lv_equal;
    lv_equal_calls = 0;
    ck_assert_int_eq(rec_builder_set(&b, 256, 0, "LLLL", 4, JET_bitSetUniqueMultiValues, 0),
                     JET_errMultiValuedDuplicate); /* LV 45 has 4 bytes */
    ck_assert_int_eq(lv_equal_calls, 1);
    ck_assert_int_eq(rec_builder_set(&b, 256, 0, "LLL", 3, JET_bitSetUniqueMultiValues, 0), 0);
    ck_assert_int_eq(lv_equal_calls, 1);
    ck_assert_int_eq(rec_builder_set(&b, 256, 1, "LLLL", 4, JET_bitSetUniqueMultiValues, 0), 0);
    ck_assert_int_eq(rec_builder_set_lvref(&b, 256, 0, 77, 2), 0);
    ck_assert_int_eq(rec_builder_set(&b, 256, 0, "LL", 2, JET_bitSetUniqueMultiValues, 0), -1111);
    EXPECT_VALID(&b);

    /* data inside the builder's own buffer is refused */
    ck_assert_int_eq(rec_builder_set(&b, 258, 1, b.buf + 1, 2, 0, 0), JET_errInvalidParameter);
}
END_TEST

/* ---- the size limit ------------------------------------------------------ */

START_TEST(size_limit)
{
    static const uint8_t d8[8] = { 8, 8, 8, 8, 8, 8, 8, 8 };
    struct rec_column c[5];
    struct rec_schema s;
    struct rec_builder b;
    uint8_t buf[64], before[64], big[256];
    uint32_t len, i;
    const uint8_t *rec;

    memset(big, 'x', sizeof(big));
    c[0] = with_default(col(1, JET_coltypCurrency, 0, 0), d8, 8);
    c[1] = col(2, JET_coltypGUID, 0, 0);
    c[2] = col(128, JET_coltypBinary, 0, 0);
    c[3] = col(256, JET_coltypBinary, 0, 0);
    c[4] = col(257, JET_coltypLongBinary, 0, 0);
    schema(&s, c, 5);
    ck_assert_int_eq(rec_builder_init(&b, &s, buf, 10), JET_errRecordTooBig);
    ck_assert_int_eq(rec_builder_init(&b, &s, buf, 4), JET_errRecordTooBig);
    ck_assert_int_eq(rec_builder_init(&b, &s, buf, 40), 0);
    ck_assert_uint_eq(b.len, 14);
    /* each kind of growth that does not fit fails and changes nothing */
    memcpy(before, b.buf, b.len);
    len = b.len;
    ck_assert_int_eq(rec_builder_set(&b, 2, 1, big, 16, 0, 0), 0); /* 30 */
    ck_assert_uint_eq(b.len, 30);
    ck_assert_int_eq(rec_builder_set(&b, 128, 1, big, 9, 0, 0), JET_errRecordTooBig);
    ck_assert_uint_eq(b.len, 30);
    ck_assert_int_eq(rec_builder_set(&b, 128, 1, big, 8, 0, 0), 0); /* 40 */
    ck_assert_uint_eq(b.len, 40);
    memcpy(before, b.buf, b.len);
    len = b.len;
    ck_assert_int_eq(set(&b, 256, 1, "", JET_bitSetZeroLength), JET_errRecordTooBig);
    ck_assert_int_eq(rec_builder_set_lvref(&b, 257, 1, 1, 1), JET_errRecordTooBig);
    ck_assert_int_eq(rec_builder_set(&b, 128, 1, big, 9, 0, 0), JET_errRecordTooBig);
    ck_assert_uint_eq(b.len, len);
    ck_assert_mem_eq(b.buf, before, len);
    ck_assert_int_eq(rec_builder_set(&b, 128, 1, big, 2, 0, 0), 0); /* shrinking always fits */
    ck_assert_int_eq(set(&b, 256, 1, "", JET_bitSetZeroLength), 0); /* 39 */
    ck_assert_int_eq(set(&b, 256, 1, "ab", 0), JET_errRecordTooBig);
    ck_assert_int_eq(set(&b, 256, 1, "a", 0), 0);
    ck_assert_uint_eq(b.len, 40);
    ck_assert_int_eq(set(&b, 256, 0, "", JET_bitSetZeroLength), JET_errRecordTooBig);
    ck_assert_int_eq(rec_builder_finish(&b, 39, &rec, &len), JET_errRecordTooBig);
    ck_assert_int_eq(rec_builder_finish(&b, 40, &rec, &len), 0);
    EXPECT_VALID(&b);

    /* a bigger record cannot be loaded into a smaller buffer */
    memcpy(before, b.buf, b.len);
    ck_assert_int_eq(rec_builder_load(&b, &s, buf, 39, before, 40), JET_errRecordTooBig);
    ck_assert_int_eq(rec_builder_load(&b, &s, buf, 40, before, 40), 0);

    /* a variable column past V with a long default set to something short
     * in a full record: only the final size counts (regression) */
    {
        struct rec_column v1[1], v2[2];
        struct rec_schema s1, s2;
        v1[0] = col(256, JET_coltypBinary, 0, 0);
        v2[0] = with_default(col(128, JET_coltypBinary, 0, 0), "0123456789", 10);
        v2[1] = v1[0];
        schema(&s1, v1, 1);
        schema(&s2, v2, 2);
        ck_assert_int_eq(rec_builder_init(&b, &s1, buf, sizeof(buf)), 0);
        ck_assert_int_eq(set(&b, 256, 1, "abc", 0), 0);
        memcpy(before, b.buf, b.len);
        len = b.len;
        ck_assert_int_eq(rec_builder_load(&b, &s2, buf, len + 3, before, len), 0);
        EXPECT_VAL(&b, 128, 1, "0123456789", 10, RECF_DEFAULT);
        ck_assert_int_eq(set(&b, 128, 1, "xy", 0), JET_errRecordTooBig);
        ck_assert_int_eq(set_null(&b, 128, 1), 0);
        ck_assert_uint_eq(b.len, len + 2);
        EXPECT_NULL(&b, 128, 1, 0);
        ck_assert_int_eq(set(&b, 128, 1, "x", 0), 0);
        EXPECT_VAL(&b, 128, 1, "x", 1, 0);
        EXPECT_VAL(&b, 256, 1, "abc", 3, 0);
        schema(&s, c, 5);
    }

    /* a large cap is limited to REC_SIZE_MAX */
    {
        static uint8_t huge[REC_SIZE_MAX + 100];
        struct rec_column t[1];
        t[0] = col(256, JET_coltypBinary, 0, 0);
        schema(&s, t, 1);
        ck_assert_int_eq(rec_builder_init(&b, &s, huge, sizeof(huge)), 0);
        ck_assert_uint_eq(b.cap, REC_SIZE_MAX);
        for (i = 0; rec_builder_set(&b, 256, 0, big, 255, 0, 0) == 0; i++) continue;
        ck_assert_uint_eq(i, (REC_SIZE_MAX - 5 - 4 - 1 - 2) / 257);
        EXPECT_VALID(&b);
        EXPECT_COUNT(&b, 256, i);
    }
}
END_TEST

/* ---- iteration ---------------------------------------------------------- */

START_TEST(iteration)
{
    struct rec_column c[8];
    struct rec_schema s;
    struct rec_builder b;
    uint8_t buf[512];
    struct rec_iter it;
    struct rec_value v;
    char got[512];
    uint32_t at;
    unsigned opts;
    int r;

    c[0] = col(1, JET_coltypLong, 0, 0);
    c[1] = col(2, JET_coltypLong, 0, REC_COL_DELETED);
    c[2] = with_default(col(3, JET_coltypShort, 0, 0), "\3\0", 2);
    c[3] = col(128, JET_coltypText, 0, 0);
    c[4] = with_default(col(256, JET_coltypText, 0, 0), "d256", 4);
    c[5] = col(257, JET_coltypText, 0, REC_COL_MULTIVALUED);
    c[6] = with_default(col(258, JET_coltypText, 0, 0), "d258", 4);
    c[7] = with_default(col(300, JET_coltypLongText, 0, 0), "d300", 4);
    schema(&s, c, 8);
    ck_assert_int_eq(rec_builder_init(&b, &s, buf, 200), 0); /* 3 holds its default */
    ck_assert_int_eq(set(&b, 257, 0, "a", 0), 0);
    ck_assert_int_eq(set(&b, 257, 0, "b", 0), 0);
    ck_assert_int_eq(set_null(&b, 258, 1), 0); /* NULL override */
    ck_assert_int_eq(set(&b, 128, 1, "", JET_bitSetZeroLength), 0);

    for (opts = 0; opts < 4; opts++) {
        static const char *want[4] = {
            "1/1:N 3/1:2 128/1:0 256/1:4D 257/1:1 257/2:1 258/1:N 300/1:4D ",
            "256/1:4D 257/1:1 257/2:1 258/1:N 300/1:4D ",
            "1/1:N 3/1:2 128/1:0 257/1:1 257/2:1 258/1:N ",
            "257/1:1 257/2:1 258/1:N ",
        };
        at = 0;
        got[0] = 0;
        ck_assert_int_eq(rec_iter_init(&it, b.buf, b.len, &s, opts), 0);
        while ((r = rec_iter_next(&it, &v)) == 1) {
            ck_assert_ptr_nonnull(v.column);
            ck_assert_uint_eq(v.column->columnid, v.columnid);
            if (v.flags & RECF_NULL)
                at += (uint32_t)snprintf(got + at, sizeof(got) - at, "%lu/%u:N%s ",
                                         (unsigned long)v.columnid, v.itag,
                                         v.flags & RECF_DEFAULT ? "D" : "");
            else
                at += (uint32_t)snprintf(got + at, sizeof(got) - at, "%lu/%u:%u%s ",
                                         (unsigned long)v.columnid, v.itag, v.cb,
                                         v.flags & RECF_DEFAULT ? "D" : "");
        }
        ck_assert_int_eq(r, 0);
        ck_assert_msg(!strcmp(got, want[opts]), "opts %u: %s\nwant %s", opts, got, want[opts]);
    }
}
END_TEST

/* ---- random model test --------------------------------------------------- */

/* The model: each column's values as plain arrays, the record's F and V,
 * and the rules of rec.h written out a second time, without bytes. */

#define M_MAXV 256  /* largest value the model holds */
#define M_MAXN 10   /* values per tagged column */
#define M_MAXCOLS 16

enum { M_ABSENT, M_NULL, M_VALUES }; /* tagged M_NULL: a NULL override */
enum { M_SKIP = 1000000 };           /* the model cannot hold the result */

struct mval {
    uint32_t cb;
    int sep; /* data holds an LV reference */
    uint8_t data[M_MAXV];
};

struct mcol {
    struct rec_column def;
    uint8_t defval[M_MAXV];
    int state;
    uint32_t n;
    int gone; /* removed from the schema altogether */
    struct mval v[M_MAXN];
};

struct model {
    struct mcol c[M_MAXCOLS];
    uint32_t ncols;
    uint32_t F, V;
    struct rec_column cols[M_MAXCOLS];
    struct rec_schema s;
    uint32_t cap, lv_inline_max;
};

static int cmp_col(const void *a, const void *b)
{
    const struct rec_column *x = a, *y = b;
    return x->columnid < y->columnid ? -1 : x->columnid > y->columnid;
}

static void model_schema(struct model *m)
{
    uint32_t i, n = 0;
    for (i = 0; i < m->ncols; i++)
        if (!m->c[i].gone) m->cols[n++] = m->c[i].def;
    qsort(m->cols, n, sizeof(m->cols[0]), cmp_col);
    schema(&m->s, m->cols, n);
}

static struct mcol *model_find(struct model *m, uint32_t id)
{
    uint32_t i;
    for (i = 0; i < m->ncols; i++)
        if (m->c[i].def.columnid == id) return &m->c[i];
    return NULL;
}

static int live(const struct mcol *c)
{
    return c && !c->gone && !(c->def.flags & REC_COL_DELETED);
}

static int has_def(const struct mcol *c)
{
    return c->def.pvdefault && c->def.cbdefault;
}

static void rnd_bytes(uint8_t *p, uint32_t n, int small_alphabet)
{
    while (n--) *p++ = (uint8_t)(small_alphabet ? 'a' + rnd_below(2) : rnd());
}

static uint32_t id_used(struct model *m, uint32_t id)
{
    return model_find(m, id) != NULL;
}

/* Adds a random column of class cls (1 fixed, 2 variable, 3 tagged). */
static void model_add_column(struct model *m, int cls)
{
    static const JET_COLTYP fixed_t[] = { JET_coltypBit, JET_coltypShort, JET_coltypLong,
                                          JET_coltypCurrency, JET_coltypGUID, JET_coltypText,
                                          JET_coltypBinary };
    static const JET_COLTYP tag_t[] = { JET_coltypBinary, JET_coltypText, JET_coltypLong,
                                        JET_coltypGUID, JET_coltypLongBinary, JET_coltypLongText };
    struct mcol *c;
    uint32_t id, i, nfixed = 0, cbdef = 0;
    JET_COLTYP t;

    if (m->ncols == M_MAXCOLS) return;
    for (i = 0; i < m->ncols; i++) nfixed += m->c[i].def.columnid < 128;
    if (cls == 1) {
        id = nfixed + 1;
        t = fixed_t[rnd_below(7)];
    } else if (cls == 2) {
        do id = 128 + rnd_below(20); while (id_used(m, id));
        t = rnd_below(2) ? JET_coltypText : JET_coltypBinary;
    } else {
        do id = rnd_below(4) ? 256 + rnd_below(40) : REC_TAGGED_LAST - rnd_below(3);
        while (id_used(m, id));
        t = tag_t[rnd_below(6)];
    }
    c = &m->c[m->ncols++];
    memset(c, 0, sizeof(*c));
    c->def = col(id, t, 0, 0);
    if (!rec_coltyp_size(t) && rnd_below(3)) {
        if (t == JET_coltypLongBinary || t == JET_coltypLongText) c->def.cbmax = 10 + rnd_below(200);
        else c->def.cbmax = 1 + rnd_below(cls == 1 ? 12 : 40);
    }
    if (t == JET_coltypText && rnd_below(2)) c->def.cp = 1200;
    if (cls == 3 && rnd_below(2)) c->def.flags |= REC_COL_MULTIVALUED;
    if (!rnd_below(10)) c->def.flags |= REC_COL_NOTNULL;
    if (!rnd_below(3)) {
        if (cls == 1) cbdef = rec_fixed_size(&c->def);
        else if (rec_coltyp_size(t)) cbdef = rec_coltyp_size(t);
        else cbdef = 1 + rnd_below(c->def.cbmax && c->def.cbmax < 10 ? c->def.cbmax : 10);
        rnd_bytes(c->defval, cbdef, 0);
        c->def = with_default(c->def, c->defval, cbdef);
    }
    /* a variable id below the record's V (a gap so far) has a NULL entry */
    c->state = cls == 2 && id - 127 <= m->V ? M_NULL : M_ABSENT;
}

static void model_init(struct model *m)
{
    uint32_t i, nf = rnd_below(6), nv = rnd_below(5), nt = 1 + rnd_below(6);

    memset(m, 0, sizeof(*m));
    for (i = 0; i < nf; i++) model_add_column(m, 1);
    for (i = 0; i < nv; i++) model_add_column(m, 2);
    for (i = 0; i < nt; i++) model_add_column(m, 3);
    model_schema(m);
    m->cap = rnd_below(2) ? 300 + rnd_below(300) : 2000;
    m->lv_inline_max = rnd_below(2) ? 16 + rnd_below(48) : 255;
}

/* What rec_builder_init makes: F and V up to the last default. */
static void model_grow(struct model *m, uint32_t F, uint32_t V);

static void model_new_record(struct model *m)
{
    uint32_t i, F = 0, V = 0;
    for (i = 0; i < m->ncols; i++) {
        struct mcol *c = &m->c[i];
        c->state = M_ABSENT;
        c->n = 0;
        if (!live(c) || !has_def(c) || c->def.columnid >= 256) continue;
        if (c->def.columnid < 128 && c->def.columnid > F) F = c->def.columnid;
        if (c->def.columnid >= 128 && c->def.columnid - 127 > V) V = c->def.columnid - 127;
    }
    m->F = m->V = 0;
    model_grow(m, F, V);
}

/* The record comes to hold fixed columns up to F and variable up to V:
 * columns brought in take their default, or NULL. */
static void model_grow(struct model *m, uint32_t F, uint32_t V)
{
    uint32_t i;
    for (i = 0; i < m->ncols; i++) {
        struct mcol *c = &m->c[i];
        uint32_t id = c->def.columnid;
        int in = id < 128 ? id > m->F && id <= F : id < 256 && id - 127 > m->V && id - 127 <= V;
        if (!in) continue;
        if (live(c) && has_def(c)) {
            c->state = M_VALUES;
            c->n = 1;
            c->v[0].cb = c->def.cbdefault;
            c->v[0].sep = 0;
            memcpy(c->v[0].data, c->def.pvdefault, c->def.cbdefault);
        } else {
            c->state = M_NULL;
            c->n = 0;
        }
    }
    if (F > m->F) m->F = F;
    if (V > m->V) m->V = V;
}

static uint32_t model_size(const struct model *m)
{
    uint32_t size = REC_HEADER + (m->F + 7) / 8 + m->s.fixed_end[m->F] + 2 * m->V, i, j;
    for (i = 0; i < m->ncols; i++) {
        const struct mcol *c = &m->c[i];
        uint32_t id = c->def.columnid;
        if (id >= 128 && id < 256 && c->state == M_VALUES) size += c->v[0].cb;
        if (id < 256 || c->state == M_ABSENT) continue;
        if (c->state == M_NULL) size += 5;
        else if (c->n == 1) size += 5 + c->v[0].cb;
        else {
            size += 4 + 3 + 2 * c->n;
            for (j = 0; j < c->n; j++) size += c->v[j].cb;
        }
    }
    return size;
}

/* The expected rec_get. */
static int model_get(const struct mcol *c, uint32_t itag, const uint8_t **d, uint32_t *cb,
                     unsigned *f)
{
    int tagged = c->def.columnid >= 256;
    *d = NULL;
    *cb = 0;
    *f = RECF_NULL;
    if (!tagged && itag > 1) return JET_wrnColumnNull;
    if (c->state == M_ABSENT) {
        if (itag == 1 && has_def(c)) {
            *d = c->def.pvdefault;
            *cb = c->def.cbdefault;
            *f = RECF_DEFAULT;
            return 0;
        }
        *f = RECF_NULL | RECF_DEFAULT;
        return JET_wrnColumnNull;
    }
    if (c->state == M_NULL || itag > c->n) return JET_wrnColumnNull;
    *d = c->v[itag - 1].data;
    *cb = c->v[itag - 1].cb;
    *f = c->v[itag - 1].sep ? RECF_SEPARATED_LV : 0;
    return 0;
}

static uint32_t model_count(const struct mcol *c)
{
    const uint8_t *d;
    uint32_t cb;
    unsigned f;
    if (c->def.columnid < 256) return model_get(c, 1, &d, &cb, &f) == 0;
    if (c->state == M_ABSENT) return has_def(c);
    return c->state == M_NULL ? 0 : c->n;
}

/* Fake LV tree for the unique check: LV lid holds bytes 'a' + lid % 2. */
static int model_lv_holds(uint32_t lid, const uint8_t *data, uint32_t cb)
{
    uint32_t i;
    for (i = 0; i < cb; i++)
        if (data[i] != 'a' + lid % 2) return 0;
    return 1;
}

static int model_lv_equal(void *ctx, uint32_t lid, const void *data, uint32_t cb)
{
    (void)ctx;
    return model_lv_holds(lid, data, cb);
}

static int model_set_fixed(struct model *m, struct mcol *c, const uint8_t *data, uint32_t cb,
                           JET_GRBIT g)
{
    uint32_t size = rec_fixed_size(&c->def), natural = rec_coltyp_size(c->def.coltyp), i;

    if (g & JET_bitSetRevertToDefaultValue) {
        data = c->def.pvdefault;
        cb = has_def(c) ? c->def.cbdefault : 0;
    }
    if (!cb && c->def.flags & REC_COL_NOTNULL) return JET_errNullInvalid;
    if (cb && (natural ? cb != natural : cb > size)) return JET_errInvalidBufferSize;
    model_grow(m, c->def.columnid, m->V);
    if (!cb) {
        c->state = M_NULL;
        c->n = 0;
        return 0;
    }
    c->state = M_VALUES;
    c->n = 1;
    c->v[0].cb = size;
    c->v[0].sep = 0;
    memcpy(c->v[0].data, data, cb);
    for (i = cb; i < size; i++)
        c->v[0].data[i] = c->def.coltyp != JET_coltypText ? 0 : c->def.cp == 1200 && i % 2 ? 0 : ' ';
    return 0;
}

static int model_set_var(struct model *m, struct mcol *c, const uint8_t *data, uint32_t cb,
                         JET_GRBIT g)
{
    uint32_t max = c->def.cbmax && c->def.cbmax < 255 ? c->def.cbmax : 255;
    int wrn = 0;

    if (g & JET_bitSetRevertToDefaultValue) {
        data = c->def.pvdefault;
        cb = has_def(c) ? c->def.cbdefault : 0;
        g = 0;
    }
    if (!cb && !(g & JET_bitSetZeroLength) && c->def.flags & REC_COL_NOTNULL)
        return JET_errNullInvalid;
    if (cb > max) cb = max, wrn = JET_wrnColumnMaxTruncated;
    model_grow(m, m->F, c->def.columnid - 127);
    if (!cb && !(g & JET_bitSetZeroLength)) {
        c->state = M_NULL;
        c->n = 0;
        return wrn;
    }
    c->state = M_VALUES;
    c->n = 1;
    c->v[0].cb = cb;
    c->v[0].sep = 0;
    if (cb) memcpy(c->v[0].data, data, cb);
    return wrn;
}

static void model_delete_value(struct mcol *c, uint32_t i)
{
    memmove(&c->v[i], &c->v[i + 1], (c->n - i - 1) * sizeof(c->v[0]));
    c->n--;
    if (!c->n) c->state = has_def(c) ? M_NULL : M_ABSENT;
}

enum { MOP_NOP, MOP_NULL, MOP_PUT, MOP_ZEROED, MOP_APPEND, MOP_OVW, MOP_OVW_SIZE, MOP_SIZE };

/* ESE's LV grbit matrix, as a table: the op for an existing value and for
 * a new one, with and without data. */
static int model_op(const struct mcol *c, JET_GRBIT g, uint32_t cb, int fnew, uint32_t ib,
                    int *op)
{
    int zl = (g & JET_bitSetZeroLength) != 0;
    int app = (g & JET_bitSetAppendLV) != 0, ovw = (g & JET_bitSetOverwriteLV) != 0;
    int size = (g & JET_bitSetSizeLV) != 0;

    if (!(c->def.flags & REC_COL_LONG) || (!app && !ovw && !size)) {
        *op = cb || zl ? MOP_PUT : MOP_NULL;
        return 0;
    }
    if (app && (ovw || size)) return JET_errInvalidGrbit;
    if (app) *op = fnew ? MOP_PUT : cb ? MOP_APPEND : MOP_NOP;
    else if (ovw && size) *op = !cb ? MOP_NULL : fnew ? MOP_PUT : MOP_OVW_SIZE;
    else if (ovw) *op = fnew ? MOP_PUT : cb ? MOP_OVW : MOP_NOP;
    else *op = !cb ? (zl ? MOP_PUT : MOP_NULL) : fnew ? MOP_ZEROED : MOP_SIZE;
    if (ovw && *op == MOP_PUT && ib) return JET_errColumnNoChunk;
    return 0;
}

static int model_check_len(const struct model *m, const struct mcol *c, uint64_t len, JET_GRBIT g)
{
    uint32_t natural = rec_coltyp_size(c->def.coltyp);
    if (c->def.flags & REC_COL_LONG) {
        if (c->def.cbmax && len > c->def.cbmax) return JET_errColumnTooBig;
        if (len > m->lv_inline_max) {
            if (!(g & JET_bitSetIntrinsicLV)) return JET_errColumnDoesNotFit;
            if (len > m->cap) return JET_errColumnTooBig;
        }
        /* An intrinsic LV may now outgrow what the model holds. */
        return len > M_MAXV ? M_SKIP : 0;
    }
    if (natural) return len > natural ? JET_errColumnTooBig : len && len != natural ? JET_errInvalidBufferSize : 0;
    return len > (c->def.cbmax && c->def.cbmax < 255 ? c->def.cbmax : 255) ? JET_errColumnTooBig : 0;
}

static int model_unique(const struct mcol *c, uint32_t skip, const uint8_t *data, uint32_t cb)
{
    uint32_t i;
    if (c->state != M_VALUES) return 0;
    for (i = 0; i < c->n; i++) {
        const struct mval *v = &c->v[i];
        if (i == skip) continue;
        if (!v->sep && v->cb == cb && (!cb || !memcmp(v->data, data, cb)))
            return JET_errMultiValuedDuplicate;
        if (v->sep && rd32(v->data + 4) == cb && model_lv_holds(rd32(v->data), data, cb))
            return JET_errMultiValuedDuplicate;
    }
    return 0;
}

static int model_set_tagged(struct model *m, struct mcol *c, uint32_t itag, const uint8_t *data,
                            uint32_t cb, JET_GRBIT g, uint32_t ib)
{
    uint32_t n = c->state == M_VALUES ? c->n : 0, idx = itag - 1, oldlen = 0;
    int fnew = itag == 0 || itag > n, op, r;
    uint64_t len;
    struct mval *v;

    if (g & JET_bitSetRevertToDefaultValue) {
        c->state = M_ABSENT;
        c->n = 0;
        return 0;
    }
    if ((r = model_op(c, g, cb, fnew, ib, &op))) return r;
    if (op == MOP_NOP) return 0;
    if (op == MOP_NULL) {
        if (c->def.flags & REC_COL_NOTNULL) return JET_errNullInvalid;
        if (!fnew) model_delete_value(c, idx);
        else if (c->state == M_ABSENT && itag == 1 && has_def(c)) c->state = M_NULL;
        return 0;
    }
    if (!fnew) {
        oldlen = c->v[idx].cb;
        if (c->v[idx].sep && op != MOP_PUT) return JET_errInvalidParameter;
    }
    switch (op) {
    case MOP_APPEND: len = (uint64_t)oldlen + cb; break;
    case MOP_OVW:
    case MOP_OVW_SIZE:
        if (ib > oldlen) return JET_errColumnNoChunk;
        len = (uint64_t)ib + cb;
        if (op == MOP_OVW && len < oldlen) len = oldlen;
        break;
    default: len = cb; break;
    }
    if ((r = model_check_len(m, c, len, g))) return r;
    if (g & JET_bitSetUniqueMultiValues && (r = model_unique(c, fnew ? UINT32_MAX : idx, data, cb)))
        return r;
    if (fnew) {
        if (n == M_MAXN) return M_SKIP;
        idx = n;
        c->state = M_VALUES;
        c->n = n + 1;
        c->v[idx].cb = 0;
    }
    v = &c->v[idx];
    if (v->sep) v->cb = 0; /* a reference replaced by inline data */
    v->sep = 0;
    switch (op) {
    case MOP_PUT: if (cb) memcpy(v->data, data, cb); break;
    case MOP_ZEROED: memset(v->data, 0, cb); break;
    case MOP_APPEND: memcpy(v->data + oldlen, data, cb); break;
    case MOP_OVW:
    case MOP_OVW_SIZE: memcpy(v->data + ib, data, cb); break;
    default: if (len > v->cb) memset(v->data + v->cb, 0, (size_t)len - v->cb); break;
    }
    v->cb = (uint32_t)len;
    return 0;
}

#define M_GRBITS                                                                           \
    (JET_bitSetAppendLV | JET_bitSetOverwriteLV | JET_bitSetSizeLV | JET_bitSetZeroLength | \
     JET_bitSetSeparateLV | JET_bitSetUniqueMultiValues | JET_bitSetRevertToDefaultValue |  \
     JET_bitSetIntrinsicLV | JET_bitSetCompressed | JET_bitSetUncompressed)

/* The expected rec_builder_set; applies it to the model on success. */
static int model_set(struct model *m, uint32_t id, uint32_t itag, const uint8_t *data,
                     uint32_t cb, JET_GRBIT g, uint32_t ib)
{
    static struct model saved;
    struct mcol *c = model_find(m, id);
    int r, size_only;

    if (!id || id > REC_TAGGED_LAST) return JET_errBadColumnId;
    if (!live(c)) return JET_errColumnNotFound;
    if (g & ~(JET_GRBIT)M_GRBITS) return JET_errInvalidGrbit;
    if (g & JET_bitSetUniqueMultiValues &&
        g & (JET_bitSetAppendLV | JET_bitSetOverwriteLV | JET_bitSetSizeLV))
        return JET_errInvalidGrbit;
    size_only = c->def.flags & REC_COL_LONG &&
                (g & (JET_bitSetSizeLV | JET_bitSetOverwriteLV)) == JET_bitSetSizeLV;
    if (!data && !size_only) cb = 0;
    saved = *m;
    if (id < 128) r = model_set_fixed(m, c, data, cb, g);
    else if (id < 256) r = model_set_var(m, c, data, cb, g);
    else r = model_set_tagged(m, c, itag, data, cb, g, ib);
    if (r >= 0 && r != M_SKIP && model_size(m) > m->cap) r = JET_errRecordTooBig;
    if (r < 0 || r == M_SKIP) *m = saved;
    return r;
}

static int model_set_lvref(struct model *m, uint32_t id, uint32_t itag, uint32_t lid, uint32_t size)
{
    static struct model saved;
    struct mcol *c = model_find(m, id);
    uint32_t n, idx;

    if (!id || id > REC_TAGGED_LAST) return JET_errBadColumnId;
    if (!live(c)) return JET_errColumnNotFound;
    if (!(c->def.flags & REC_COL_LONG) || !lid || size > REC_LV_SIZE_MAX) return JET_errInvalidParameter;
    if (c->def.cbmax && size > c->def.cbmax) return JET_errColumnTooBig;
    saved = *m;
    n = c->state == M_VALUES ? c->n : 0;
    if (itag == 0 || itag > n) {
        if (n == M_MAXN) return M_SKIP;
        idx = n;
        c->state = M_VALUES;
        c->n = n + 1;
    } else {
        idx = itag - 1;
    }
    c->v[idx].sep = 1;
    c->v[idx].cb = REC_LVREF_SIZE;
    wr32(c->v[idx].data, lid);
    wr32(c->v[idx].data + 4, size);
    if (model_size(m) > m->cap) {
        *m = saved;
        return JET_errRecordTooBig;
    }
    return 0;
}

/* Every column and value of the builder against the model. */
static void model_compare(const struct model *m, const struct rec_builder *b, uint32_t step)
{
    uint32_t i, itag, n;
    int r;

    ck_assert_msg(b->len == model_size(m), "step %u: length %u, model %u", step, b->len, model_size(m));
    ck_assert_msg(rec_validate(b->buf, b->len, b->s) == 0, "step %u: invalid record", step);
    for (i = 0; i < m->ncols; i++) {
        const struct mcol *c = &m->c[i];
        const uint8_t *d, *wd;
        uint32_t cb, wcb;
        unsigned f, wf;
        int wr;

        if (!live(c)) {
            r = rec_get(b->buf, b->len, b->s, c->def.columnid, 1, &d, &cb, &f);
            ck_assert_msg(r == JET_errColumnNotFound, "step %u: deleted column %lu: %d", step,
                          (unsigned long)c->def.columnid, r);
            continue;
        }
        r = rec_count_values(b->buf, b->len, b->s, c->def.columnid, &n);
        ck_assert_msg(r == 0 && n == model_count(c), "step %u: column %lu count %u, model %u", step,
                      (unsigned long)c->def.columnid, n, model_count(c));
        for (itag = 1; itag <= n + 2; itag++) {
            r = rec_get(b->buf, b->len, b->s, c->def.columnid, itag, &d, &cb, &f);
            wr = model_get(c, itag, &wd, &wcb, &wf);
            ck_assert_msg(r == wr && cb == wcb && f == wf && (!cb || !memcmp(d, wd, cb)),
                          "step %u: column %lu itag %u: %d cb %u flags %x, model %d cb %u flags %x",
                          step, (unsigned long)c->def.columnid, itag, r, cb, f, wr, wcb, wf);
        }
    }
}

/* rec_iter against the model's idea of the same walk. */
static void model_compare_iter(const struct model *m, const struct rec_builder *b, unsigned opts,
                               uint32_t step)
{
    struct rec_iter it;
    struct rec_value v;
    uint32_t i, itag, seen = 0, want = 0;
    int r;

    ck_assert_int_eq(rec_iter_init(&it, b->buf, b->len, b->s, opts), 0);
    for (i = 0; i < m->s.ncols; i++) {
        const struct mcol *c = model_find((struct model *)m, m->s.cols[i].columnid);
        uint32_t id = c->def.columnid, nv;
        if (!live(c) || (opts & REC_ITER_TAGGED_ONLY && id < 256)) continue;
        if (id < 256) nv = 1;
        else if (c->state == M_VALUES) nv = c->n;
        else nv = c->state == M_NULL || has_def(c) ? 1 : 0;
        for (itag = 1; itag <= nv; itag++) {
            const uint8_t *wd;
            uint32_t wcb;
            unsigned wf;
            model_get(c, itag, &wd, &wcb, &wf);
            if (opts & REC_ITER_NO_DEFAULTS && wf & RECF_DEFAULT) continue;
            want++;
            r = rec_iter_next(&it, &v);
            ck_assert_msg(r == 1, "step %u: iteration ended early (%d) before %lu/%u", step, r,
                          (unsigned long)id, itag);
            ck_assert_msg(v.columnid == id && v.itag == itag && v.cb == wcb && v.flags == wf &&
                              (!wcb || !memcmp(v.data, wd, wcb)),
                          "step %u: iter gave %lu/%u cb %u flags %x, want %lu/%u cb %u flags %x",
                          step, (unsigned long)v.columnid, v.itag, v.cb, v.flags,
                          (unsigned long)id, itag, wcb, wf);
            seen++;
        }
    }
    ck_assert_int_eq(rec_iter_next(&it, &v), 0);
    ck_assert_uint_eq(seen, want);
}

/* A new record in builder and model (a cap too small for the defaults
 * must fail, then a larger one is used). */
static void model_start(struct model *m, struct rec_builder *b, uint8_t *buf)
{
    model_new_record(m);
    if (model_size(m) > m->cap) {
        ck_assert_int_eq(rec_builder_init(b, &m->s, buf, m->cap), JET_errRecordTooBig);
        m->cap = REC_SIZE_MAX;
    }
    ck_assert_int_eq(rec_builder_init(b, &m->s, buf, m->cap), 0);
    b->lv_inline_max = m->lv_inline_max;
    b->lv_equal = model_lv_equal;
}

/* Random data of a length that suits column c most of the time. */
static uint32_t rnd_len(const struct mcol *c, uint32_t lv_inline_max)
{
    uint32_t natural = rec_coltyp_size(c->def.coltyp);
    uint32_t id = c->def.columnid;
    if (natural && rnd_below(5)) return natural;
    if (id < 128 && rnd_below(4)) return rec_fixed_size(&c->def);
    if (c->def.flags & REC_COL_LONG) return rnd_below(8) ? rnd_below(12) : rnd_below(lv_inline_max + 40);
    if (rnd_below(10)) return rnd_below(6);
    return rnd_below(300);
}

/* Changes the schema: a column added, deleted or removed; the record is
 * reloaded with the new schema, as after DDL. */
static void model_ddl(struct model *m, struct rec_builder *b, uint8_t *buf, uint8_t *tmp)
{
    uint32_t k = rnd_below(4), len = b->len;
    struct mcol *c;

    memcpy(tmp, b->buf, len);
    if (k == 0 && m->ncols < M_MAXCOLS) {
        model_add_column(m, 1 + (int)rnd_below(3));
    } else if (m->ncols) {
        c = &m->c[rnd_below(m->ncols)];
        if (c->def.columnid >= 128 && k == 1) c->gone = 1;
        else c->def.flags |= REC_COL_DELETED;
    }
    model_schema(m);
    if (rnd_below(3)) m->cap = len + rnd_below(400);
    ck_assert_int_eq(rec_builder_load(b, &m->s, buf, m->cap, tmp, len), 0);
    b->lv_inline_max = m->lv_inline_max;
    b->lv_equal = model_lv_equal;
}

static JET_GRBIT rnd_grbit(void)
{
    switch (rnd_below(20)) {
    case 0: case 1: return JET_bitSetZeroLength;
    case 2: return JET_bitSetRevertToDefaultValue;
    case 3: case 4: return JET_bitSetUniqueMultiValues;
    case 5: return JET_bitSetUniqueMultiValues | JET_bitSetZeroLength;
    case 6: case 7: return JET_bitSetAppendLV;
    case 8: case 9: return JET_bitSetOverwriteLV;
    case 10: return JET_bitSetSizeLV;
    case 11: return JET_bitSetSizeLV | JET_bitSetZeroLength;
    case 12: return JET_bitSetOverwriteLV | JET_bitSetSizeLV;
    case 13: return JET_bitSetAppendLV | JET_bitSetZeroLength;
    case 14: return rnd_below(2) ? JET_bitSetAppendLV | JET_bitSetSizeLV : JET_bitSetIntrinsicLV;
    case 15: return rnd_below(4) ? JET_bitSetSeparateLV : 0x00080000;
    default: return 0;
    }
}

/* One random change to builder and model; their results must agree. */
static void model_step(struct model *m, struct rec_builder *b, uint32_t step)
{
    static uint8_t before[REC_SIZE_MAX];
    uint8_t data[400];
    uint32_t id, itag, cb, ib, beforelen = b->len, n;
    struct mcol *c;
    JET_GRBIT g;
    int r, want;

    if (rnd_below(30)) {
        c = &m->c[rnd_below(m->ncols)];
        id = c->def.columnid;
    } else {
        id = rnd_below(3) ? rnd_below(REC_TAGGED_LAST + 2) : 0x80000000u | rnd_below(300);
        c = model_find(m, id);
    }
    n = c && c->state == M_VALUES ? c->n : 0;
    itag = rnd_below(n + 3);
    memcpy(before, b->buf, beforelen);
    if (c && c->def.flags & REC_COL_LONG && !rnd_below(8)) {
        uint32_t lid = rnd_below(20), size = rnd_below(5) ? rnd_below(5) : rnd();
        want = model_set_lvref(m, id, itag, lid, size);
        if (want == M_SKIP) return;
        r = rec_builder_set_lvref(b, id, itag, lid, size);
        ck_assert_msg(r == want, "step %u: set_lvref(%lu, %u, %u, %u) = %d, model %d", step,
                      (unsigned long)id, itag, lid, size, r, want);
    } else {
        g = rnd_grbit();
        cb = c ? rnd_len(c, m->lv_inline_max) : rnd_below(10);
        if (!rnd_below(8)) cb = 0;
        rnd_bytes(data, cb, cb < 4);
        ib = rnd_below(4) ? rnd_below(n ? 8 : 2) : 0;
        {
            const uint8_t *p = rnd_below(30) ? data : NULL;
            want = model_set(m, id, itag, p, cb, g, ib);
            if (want == M_SKIP) return;
            r = rec_builder_set(b, id, itag, p, cb, g, ib);
            ck_assert_msg(r == want,
                          "step %u: set(%lu, itag %u, cb %u, grbit %lx, ib %u) = %d, model %d",
                          step, (unsigned long)id, itag, cb, (unsigned long)g, ib, r, want);
        }
    }
    if (r < 0) {
        ck_assert_msg(b->len == beforelen && !memcmp(b->buf, before, beforelen),
                      "step %u: failed change %d changed the record", step, r);
    }
    model_compare(m, b, step);
}

START_TEST(random_model)
{
    static uint8_t buf[REC_SIZE_MAX], tmp[REC_SIZE_MAX], copy[REC_SIZE_MAX];
    static struct model m;
    struct rec_builder b, b2;
    uint32_t round, step, total = 0;

    seed_rng("random_model");
    for (round = 0; round < 60; round++) {
        model_init(&m);
        model_start(&m, &b, buf);
        model_compare(&m, &b, 0);
        for (step = 1; step <= 400; step++, total++) {
            model_step(&m, &b, step);
            if (!rnd_below(100)) {
                model_ddl(&m, &b, buf, tmp);
                model_compare(&m, &b, step);
            }
            if (!rnd_below(25)) {
                const uint8_t *rec;
                uint32_t len;
                unsigned opts = rnd_below(4);
                model_compare_iter(&m, &b, opts, step);
                /* the finished record loads back byte for byte */
                ck_assert_int_eq(rec_builder_finish(&b, REC_SIZE_MAX, &rec, &len), 0);
                memcpy(copy, rec, len);
                ck_assert_int_eq(rec_builder_load(&b2, &m.s, tmp, len, copy, len), 0);
                ck_assert_mem_eq(b2.buf, copy, len);
            }
        }
        model_compare_iter(&m, &b, 0, step);
        model_compare_iter(&m, &b, REC_ITER_NO_DEFAULTS, step);
    }
    fprintf(stderr, "test_rec random_model: %u steps\n", total);
}
END_TEST

/* ---- damaged records ---------------------------------------------------- */

/* Reads everything there is to read; a record that passes rec_validate
 * never reads as corrupted. */
static void read_all(const uint8_t *rec, uint32_t len, const struct rec_schema *s)
{
    int valid = rec_validate(rec, len, s) == 0, r;
    struct rec_iter it;
    struct rec_value v;
    uint32_t i, itag, n, guard = 0;

    for (i = 0; i < s->ncols; i++) {
        const uint8_t *d;
        uint32_t cb;
        unsigned f;
        r = rec_count_values(rec, len, s, s->cols[i].columnid, &n);
        ck_assert(r == 0 || r == JET_errDatabaseCorrupted || r == JET_errColumnNotFound);
        ck_assert(!valid || r != JET_errDatabaseCorrupted);
        for (itag = 1; itag <= 4; itag++) {
            r = rec_get(rec, len, s, s->cols[i].columnid, itag, &d, &cb, &f);
            ck_assert(!valid || r != JET_errDatabaseCorrupted);
            if (r == 0 && cb) ck_assert(d != NULL);
        }
    }
    for (unsigned opts = 0; opts < 4; opts++) {
        if (rec_iter_init(&it, rec, len, s, opts)) {
            ck_assert(!valid);
            continue;
        }
        while ((r = rec_iter_next(&it, &v)) == 1) ck_assert(++guard < 1000000);
        ck_assert(r == 0 || r == JET_errDatabaseCorrupted);
        ck_assert(!valid || r == 0);
    }
}

/* A record that passed validation can be loaded and changed. */
static void edit_valid(const uint8_t *rec, uint32_t len, struct model *m)
{
    static uint8_t buf[REC_SIZE_MAX];
    struct rec_builder b;
    uint32_t i;
    uint8_t data[300];

    if (rec_validate(rec, len, &m->s)) return;
    ck_assert_int_eq(rec_builder_load(&b, &m->s, buf, sizeof(buf), rec, len), 0);
    for (i = 0; i < 20; i++) {
        const struct rec_column *c = &m->s.cols[rnd_below(m->s.ncols)];
        uint32_t cb = rnd_below(20);
        rnd_bytes(data, cb, 1);
        if (rnd_below(5)) rec_builder_set(&b, c->columnid, rnd_below(4), data, cb, rnd_grbit(), rnd_below(3));
        else rec_builder_set_lvref(&b, c->columnid, rnd_below(4), 1 + rnd_below(9), cb);
        ck_assert_int_eq(rec_validate(b.buf, b.len, &m->s), 0);
    }
}

/* The record, copied into a buffer of exactly its length (for ASan). */
static void check_damaged(const uint8_t *src, uint32_t len, struct model *m)
{
    uint8_t *p = malloc(len ? len : 1);
    ck_assert_ptr_nonnull(p);
    memcpy(p, src, len);
    read_all(p, len, &m->s);
    edit_valid(p, len, m);
    free(p);
}

/* A random record made through the builder. */
static uint32_t make_record(struct model *m, uint8_t *out)
{
    static uint8_t buf[REC_SIZE_MAX];
    struct rec_builder b;
    uint32_t i, steps = rnd_below(40);

    model_init(m);
    model_start(m, &b, buf);
    for (i = 0; i < steps; i++) model_step(m, &b, i);
    memcpy(out, b.buf, b.len);
    return b.len;
}

START_TEST(damaged_records)
{
    static uint8_t rec[REC_SIZE_MAX], bad[REC_SIZE_MAX + 16];
    static struct model m;
    uint32_t round, len, i, k, valid_mutants = 0;

    seed_rng("damaged_records");
    for (round = 0; round < 150; round++) {
        len = make_record(&m, rec);
        ck_assert_int_eq(rec_validate(rec, len, &m.s), 0);
        /* every truncation */
        for (i = 0; i < len; i++) {
            check_damaged(rec, i, &m);
            ck_assert_int_eq(rec_validate(rec, i, &m.s), JET_errDatabaseCorrupted);
        }
        /* byte changes, bit flips, inserted and removed bytes */
        for (k = 0; k < 60; k++) {
            uint32_t n = len;
            memcpy(bad, rec, len);
            switch (rnd_below(4)) {
            case 0: bad[rnd_below(len)] = (uint8_t)rnd(); break;
            case 1: bad[rnd_below(len)] ^= (uint8_t)(1u << rnd_below(8)); break;
            case 2:
                i = rnd_below(len + 1);
                memmove(bad + i + 1, bad + i, len - i);
                bad[i] = (uint8_t)rnd();
                n++;
                break;
            default:
                i = rnd_below(len);
                memmove(bad + i, bad + i + 1, len - i - 1);
                n--;
                break;
            }
            valid_mutants += rec_validate(bad, n, &m.s) == 0;
            check_damaged(bad, n, &m);
        }
        /* random bytes, often with a plausible header */
        for (k = 0; k < 60; k++) {
            uint32_t n = rnd_below(120);
            rnd_bytes(bad, n, 0);
            if (n >= 5 && rnd_below(2)) {
                bad[0] = REC_FORMAT;
                bad[1] = (uint8_t)rnd_below(m.s.nfixed + 1);
                bad[2] = (uint8_t)rnd_below(4);
                bad[3] = (uint8_t)rnd_below(4);
                bad[4] = 0;
            }
            check_damaged(bad, n, &m);
        }
    }
    fprintf(stderr, "test_rec damaged_records: %u mutants still valid\n", valid_mutants);
}
END_TEST

Suite *rec_suite(void)
{
    Suite *s = suite_create("rec");
    TCase *format = tcase_create("format");
    TCase *random = tcase_create("random");

    tcase_add_test(format, schema_rules);
    tcase_add_test(format, fixed_sizes_and_padding);
    tcase_add_test(format, format_bytes);
    tcase_add_test(format, roundtrip_types);
    tcase_add_test(format, null_and_zero_length);
    tcase_add_test(format, multi_values);
    tcase_add_test(format, defaults);
    tcase_add_test(format, added_columns);
    tcase_add_test(format, long_values);
    tcase_add_test(format, size_limit);
    tcase_add_test(format, iteration);
    tcase_set_timeout(random, 300);
    tcase_add_test(random, random_model);
    tcase_add_test(random, damaged_records);
    suite_add_tcase(s, format);
    suite_add_tcase(s, random);
    return s;
}
