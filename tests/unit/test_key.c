/*
 * test_key.c - normalized keys (engine/key): byte-exact segments for every
 * column type written by hand from the rules in docs/keys.md, sort-order
 * properties over random values, the JetMakeKey state machine and its
 * limit flags, truncation, and the portable Unicode sort key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esent.h"
#include "key.h"
#include "unit.h"

/* ---- helpers ------------------------------------------------------------ */

/* Parses "7F 80 00 FF*3" (a byte, or byte*count) into out; returns length. */
static int parse_hex(const char *s, uint8_t *out)
{
    int n = 0;
    while (*s) {
        char *end;
        unsigned long b, count = 1;
        while (*s == ' ') s++;
        if (!*s) break;
        b = strtoul(s, &end, 16);
        s = end;
        if (*s == '*') count = strtoul(s + 1, &end, 10), s = end;
        while (count--) out[n++] = (uint8_t)b;
    }
    return n;
}

/* The same notation back, runs of 4 or more as byte*count. */
static void hex_dump(const uint8_t *p, int n, char *buf, size_t max)
{
    size_t at = 0;
    int i = 0;
    buf[0] = 0;
    while (i < n && at + 16 < max) {
        int run = 1;
        while (i + run < n && p[i + run] == p[i]) run++;
        if (run >= 4) at += (size_t)snprintf(buf + at, max - at, "%02X*%d ", p[i], run);
        else at += (size_t)snprintf(buf + at, max - at, "%02X ", p[i]), run = 1;
        i += run;
    }
}

#define EXPECT_KEY(got, gotlen, hex) expect_key(got, gotlen, hex, __LINE__)
static void expect_key(const uint8_t *got, int gotlen, const char *hex, int line)
{
    static uint8_t want[4096];
    static char a[8192], b[8192];
    int n = parse_hex(hex, want);
    int same = gotlen == n && memcmp(got, want, (size_t)n) == 0;
    if (!same) {
        hex_dump(got, gotlen < 0 ? 0 : gotlen, a, sizeof(a));
        hex_dump(want, n, b, sizeof(b));
    }
    ck_assert_msg(same, "line %d: got (%d) %s\nwant (%d) %s", line, gotlen, a, n, b);
}

static struct key_index one_col(JET_COLTYP t, int desc)
{
    struct key_index idx;
    key_index_init(&idx);
    idx.ncols = 1;
    idx.cols[0].coltyp = t;
    idx.cols[0].cp = 1252;
    idx.cols[0].descending = (uint8_t)desc;
    return idx;
}

static void add_col(struct key_index *idx, JET_COLTYP t, int desc)
{
    struct key_column *c = &idx->cols[idx->ncols++];
    c->coltyp = t;
    c->cp = 1252;
    c->descending = (uint8_t)desc;
}

static uint8_t keybuf[KEY_BUF_MAX];

/* key_normalize of one value into keybuf, plenty of room. */
static int norm(const struct key_index *idx, const void *data, uint32_t cb)
{
    return key_normalize(idx, 0, data, cb, 0, keybuf, KEY_BUF_MAX);
}

static int norm_typed(JET_COLTYP t, int desc, const void *data, uint32_t cb)
{
    struct key_index idx = one_col(t, desc);
    return norm(&idx, data, cb);
}

/* UTF-16 from ASCII: each char of s is one code unit. */
static uint32_t utf16(const char *s, uint16_t *out)
{
    uint32_t n = 0;
    while (*s) out[n++] = (uint8_t)*s++;
    return n;
}

static unsigned long long rng_state;
static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

static void seed_rng(void)
{
    rng_state = unit_seed() | 1;
    fprintf(stderr, "test_key: UNIT_SEED=%llu\n", unit_seed());
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

/* ---- fixed-size types ------------------------------------------------------ */

START_TEST(bit_and_bytes)
{
    uint8_t v;
    v = 0, EXPECT_KEY(keybuf, norm_typed(JET_coltypBit, 0, &v, 1), "7F 00");
    v = 1, EXPECT_KEY(keybuf, norm_typed(JET_coltypBit, 0, &v, 1), "7F FF");
    v = 0x80, EXPECT_KEY(keybuf, norm_typed(JET_coltypBit, 0, &v, 1), "7F FF");
    v = 1, EXPECT_KEY(keybuf, norm_typed(JET_coltypBit, 1, &v, 1), "80 00");
    v = 0x5A, EXPECT_KEY(keybuf, norm_typed(JET_coltypUnsignedByte, 0, &v, 1), "7F 5A");
    v = 0xFF, EXPECT_KEY(keybuf, norm_typed(JET_coltypUnsignedByte, 0, &v, 1), "7F FF");
    v = 0x5A, EXPECT_KEY(keybuf, norm_typed(JET_coltypUnsignedByte, 1, &v, 1), "80 A5");
}
END_TEST

START_TEST(shorts)
{
    int16_t s;
    uint16_t u;
    s = 5, EXPECT_KEY(keybuf, norm_typed(JET_coltypShort, 0, &s, 2), "7F 80 05");
    s = 0, EXPECT_KEY(keybuf, norm_typed(JET_coltypShort, 0, &s, 2), "7F 80 00");
    s = -1, EXPECT_KEY(keybuf, norm_typed(JET_coltypShort, 0, &s, 2), "7F 7F FF");
    s = -32768, EXPECT_KEY(keybuf, norm_typed(JET_coltypShort, 0, &s, 2), "7F 00 00");
    s = 32767, EXPECT_KEY(keybuf, norm_typed(JET_coltypShort, 0, &s, 2), "7F FF FF");
    s = 0x1234, EXPECT_KEY(keybuf, norm_typed(JET_coltypShort, 1, &s, 2), "80 6D CB");
    u = 0xABCD, EXPECT_KEY(keybuf, norm_typed(JET_coltypUnsignedShort, 0, &u, 2), "7F AB CD");
    u = 0, EXPECT_KEY(keybuf, norm_typed(JET_coltypUnsignedShort, 0, &u, 2), "7F 00 00");
    u = 0xFFFF, EXPECT_KEY(keybuf, norm_typed(JET_coltypUnsignedShort, 0, &u, 2), "7F FF FF");
}
END_TEST

START_TEST(longs)
{
    int32_t l;
    uint32_t u;
    l = 5, EXPECT_KEY(keybuf, norm_typed(JET_coltypLong, 0, &l, 4), "7F 80 00 00 05");
    l = -2, EXPECT_KEY(keybuf, norm_typed(JET_coltypLong, 0, &l, 4), "7F 7F FF FF FE");
    l = INT32_MIN, EXPECT_KEY(keybuf, norm_typed(JET_coltypLong, 0, &l, 4), "7F 00 00 00 00");
    l = INT32_MAX, EXPECT_KEY(keybuf, norm_typed(JET_coltypLong, 0, &l, 4), "7F FF FF FF FF");
    l = 5, EXPECT_KEY(keybuf, norm_typed(JET_coltypLong, 1, &l, 4), "80 7F FF FF FA");
    u = 0x01020304, EXPECT_KEY(keybuf, norm_typed(JET_coltypUnsignedLong, 0, &u, 4), "7F 01 02 03 04");
    u = 0xFFFFFFFF, EXPECT_KEY(keybuf, norm_typed(JET_coltypUnsignedLong, 0, &u, 4), "7F FF FF FF FF");
    u = 0x80000000, EXPECT_KEY(keybuf, norm_typed(JET_coltypUnsignedLong, 1, &u, 4), "80 7F FF FF FF");
}
END_TEST

START_TEST(long_longs)
{
    int64_t q;
    uint64_t u;
    q = -1, EXPECT_KEY(keybuf, norm_typed(JET_coltypLongLong, 0, &q, 8), "7F 7F FF FF FF FF FF FF FF");
    q = INT64_MIN, EXPECT_KEY(keybuf, norm_typed(JET_coltypLongLong, 0, &q, 8), "7F 00*8");
    q = INT64_MAX, EXPECT_KEY(keybuf, norm_typed(JET_coltypLongLong, 0, &q, 8), "7F FF*8");
    q = 0x0102030405060708LL;
    EXPECT_KEY(keybuf, norm_typed(JET_coltypLongLong, 0, &q, 8), "7F 81 02 03 04 05 06 07 08");
    EXPECT_KEY(keybuf, norm_typed(JET_coltypLongLong, 1, &q, 8), "80 7E FD FC FB FA F9 F8 F7");
    q = 12345, EXPECT_KEY(keybuf, norm_typed(JET_coltypCurrency, 0, &q, 8), "7F 80 00 00 00 00 00 30 39");
    q = -12345, EXPECT_KEY(keybuf, norm_typed(JET_coltypCurrency, 0, &q, 8), "7F 7F FF FF FF FF FF CF C7");
    u = 0x8000000000000001ULL;
    EXPECT_KEY(keybuf, norm_typed(JET_coltypUnsignedLongLong, 0, &u, 8), "7F 80 00 00 00 00 00 00 01");
    u = 0, EXPECT_KEY(keybuf, norm_typed(JET_coltypUnsignedLongLong, 0, &u, 8), "7F 00*8");
    u = ~0ULL, EXPECT_KEY(keybuf, norm_typed(JET_coltypUnsignedLongLong, 0, &u, 8), "7F FF*8");
}
END_TEST

static int norm_f32(uint32_t bits, int desc)
{
    return norm_typed(JET_coltypIEEESingle, desc, &bits, 4);
}

static int norm_f64(JET_COLTYP t, uint64_t bits, int desc)
{
    return norm_typed(t, desc, &bits, 8);
}

START_TEST(floats)
{
    EXPECT_KEY(keybuf, norm_f32(0x3F800000, 0), "7F BF 80 00 00");  /* 1.0 */
    EXPECT_KEY(keybuf, norm_f32(0xBF800000, 0), "7F 40 7F FF FF");  /* -1.0 */
    EXPECT_KEY(keybuf, norm_f32(0x00000000, 0), "7F 80 00 00 00");  /* +0.0 */
    EXPECT_KEY(keybuf, norm_f32(0x80000000, 0), "7F 7F FF FF FF");  /* -0.0 sorts before +0.0 */
    EXPECT_KEY(keybuf, norm_f32(0x7F800000, 0), "7F FF 80 00 00");  /* +inf */
    EXPECT_KEY(keybuf, norm_f32(0xFF800000, 0), "7F 00 7F FF FF");  /* -inf */
    EXPECT_KEY(keybuf, norm_f32(0x7FC00000, 0), "7F FF C0 00 00");  /* NaN: above +inf */
    EXPECT_KEY(keybuf, norm_f32(0xFFC00000, 0), "7F 00 3F FF FF");  /* -NaN: below -inf */
    EXPECT_KEY(keybuf, norm_f32(0x3F800000, 1), "80 40 7F FF FF");
    EXPECT_KEY(keybuf, norm_f64(JET_coltypIEEEDouble, 0x3FF0000000000000ULL, 0), "7F BF F0 00 00 00 00 00 00");
    EXPECT_KEY(keybuf, norm_f64(JET_coltypIEEEDouble, 0xC004000000000000ULL, 0), "7F 3F FB FF FF FF FF FF FF");
    EXPECT_KEY(keybuf, norm_f64(JET_coltypIEEEDouble, 0x8000000000000000ULL, 0), "7F 7F FF*7");
    EXPECT_KEY(keybuf, norm_f64(JET_coltypIEEEDouble, 0, 0), "7F 80 00*7");
    EXPECT_KEY(keybuf, norm_f64(JET_coltypIEEEDouble, 0x7FEFFFFFFFFFFFFFULL, 0), "7F FF EF FF*6"); /* max */
    EXPECT_KEY(keybuf, norm_f64(JET_coltypIEEEDouble, 0xFFEFFFFFFFFFFFFFULL, 0), "7F 00 10 00*6"); /* lowest */
    EXPECT_KEY(keybuf, norm_f64(JET_coltypDateTime, 0x40E5F3C000000000ULL, 0), "7F C0 E5 F3 C0 00 00 00 00");
    EXPECT_KEY(keybuf, norm_f64(JET_coltypDateTime, 0x40E5F3C000000000ULL, 1), "80 3F 1A 0C 3F FF FF FF FF");
}
END_TEST

START_TEST(guids)
{
    uint8_t g[16];
    int i;
    struct key_index idx = one_col(JET_coltypGUID, 0);
    for (i = 0; i < 16; i++) g[i] = (uint8_t)i;
    EXPECT_KEY(keybuf, norm(&idx, g, 16), "7F 0A 0B 0C 0D 0E 0F 08 09 06 07 04 05 00 01 02 03");
    idx.grbit |= JET_bitIndexDotNetGuid;
    EXPECT_KEY(keybuf, norm(&idx, g, 16), "7F 03 02 01 00 05 04 07 06 08 09 0A 0B 0C 0D 0E 0F");
    idx.cols[0].descending = 1;
    EXPECT_KEY(keybuf, norm(&idx, g, 16), "80 FC FD FE FF FA FB F8 F9 F7 F6 F5 F4 F3 F2 F1 F0");
    ck_assert_int_eq(norm(&idx, g, 15), JET_errInvalidBufferSize);
}
END_TEST

START_TEST(wrong_sizes)
{
    uint8_t d[16] = {0};
    struct key_index idx = one_col(JET_coltypLong, 0);
    ck_assert_int_eq(norm(&idx, d, 3), JET_errInvalidBufferSize);
    ck_assert_int_eq(norm(&idx, d, 5), JET_errInvalidBufferSize);
    idx.cols[0].fixed = 1;
    ck_assert_int_eq(norm(&idx, d, 2), JET_errInvalidBufferSize);
    /* A fixed column checks the size even without data; a tagged one is NULL. */
    ck_assert_int_eq(norm(&idx, NULL, 3), JET_errInvalidBufferSize);
    idx.cols[0].fixed = 0;
    EXPECT_KEY(keybuf, norm(&idx, NULL, 3), "00");
    idx.cols[0].coltyp = 99;
    ck_assert_int_eq(norm(&idx, d, 4), JET_errInvalidColumnType);
    idx.cols[0].coltyp = JET_coltypNil;
    ck_assert_int_eq(norm(&idx, d, 4), JET_errInvalidColumnType);
    idx = one_col(JET_coltypLong, 0);
    ck_assert_int_eq(key_normalize(&idx, 1, d, 4, 0, keybuf, 10), JET_errInvalidParameter);
    ck_assert_int_eq(key_normalize(NULL, 0, d, 4, 0, keybuf, 10), JET_errInvalidParameter);
    ck_assert_int_eq(key_normalize(&idx, 0, d, 4, 0, keybuf, 0), 0);
}
END_TEST

/* ---- NULL and zero-length ------------------------------------------------- */

START_TEST(null_and_zero_length)
{
    struct key_index idx = one_col(JET_coltypLong, 0);
    const void *vals[1] = {""};
    uint32_t lens[1] = {0};
    int trunc;

    EXPECT_KEY(keybuf, norm(&idx, NULL, 0), "00");
    EXPECT_KEY(keybuf, norm(&idx, "xxxx", 0), "00");
    idx.grbit = JET_bitIndexSortNullsHigh;
    EXPECT_KEY(keybuf, norm(&idx, NULL, 0), "C0");
    idx.cols[0].descending = 1;
    EXPECT_KEY(keybuf, norm(&idx, NULL, 0), "3F");
    idx.grbit = 0;
    EXPECT_KEY(keybuf, norm(&idx, NULL, 0), "FF");
    /* KeyDataZeroLength only on variable text and binary. */
    ck_assert_int_eq(key_normalize(&idx, 0, NULL, 0, JET_bitKeyDataZeroLength, keybuf, 255),
                     JET_errInvalidBufferSize);
    idx = one_col(JET_coltypText, 0);
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, NULL, 0, JET_bitKeyDataZeroLength, keybuf, 255), "40");
    EXPECT_KEY(keybuf, norm(&idx, NULL, 0), "00");
    idx.cols[0].descending = 1;
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, "", 0, JET_bitKeyDataZeroLength, keybuf, 255), "BF");
    idx = one_col(JET_coltypLongBinary, 0);
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, NULL, 0, JET_bitKeyDataZeroLength, keybuf, 255), "40");
    /* With data, KeyDataZeroLength is ignored. */
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, "A", 1, JET_bitKeyDataZeroLength, keybuf, 255), "7F 41 00*7 01");
    idx.cols[0].fixed = 1;
    idx.cols[0].cbmax = 4;
    ck_assert_int_eq(key_normalize(&idx, 0, NULL, 0, JET_bitKeyDataZeroLength, keybuf, 255),
                     JET_errInvalidBufferSize);
    idx = one_col(JET_coltypText, 0);
    idx.cols[0].fixed = 1;
    idx.cols[0].cbmax = 4;
    ck_assert_int_eq(key_normalize(&idx, 0, NULL, 0, JET_bitKeyDataZeroLength, keybuf, 255),
                     JET_errInvalidBufferSize);

    /* Record semantics: non-NULL pointer with length 0 is zero-length for
     * text and binary, NULL for other types. */
    idx = one_col(JET_coltypText, 0);
    EXPECT_KEY(keybuf, key_build(&idx, vals, lens, keybuf, sizeof(keybuf), &trunc), "40");
    vals[0] = NULL;
    EXPECT_KEY(keybuf, key_build(&idx, vals, lens, keybuf, sizeof(keybuf), &trunc), "00");
    idx = one_col(JET_coltypLong, 0);
    idx.grbit = JET_bitIndexSortNullsHigh;
    vals[0] = "";
    EXPECT_KEY(keybuf, key_build(&idx, vals, lens, keybuf, sizeof(keybuf), &trunc), "C0");
}
END_TEST

/* ---- binary ------------------------------------------------------------------ */

static const uint8_t seq[32] = {1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16,
                                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};

START_TEST(binary_chunks)
{
    struct key_index idx = one_col(JET_coltypBinary, 0);
    EXPECT_KEY(keybuf, norm(&idx, "A", 1), "7F 41 00 00 00 00 00 00 00 01");
    EXPECT_KEY(keybuf, norm(&idx, seq, 7), "7F 01 02 03 04 05 06 07 00 07");
    EXPECT_KEY(keybuf, norm(&idx, seq, 8), "7F 01 02 03 04 05 06 07 08 08");
    EXPECT_KEY(keybuf, norm(&idx, seq, 9), "7F 01 02 03 04 05 06 07 08 09 09 00 00 00 00 00 00 00 01");
    EXPECT_KEY(keybuf, norm(&idx, seq, 16), "7F 01 02 03 04 05 06 07 08 09 09 0A 0B 0C 0D 0E 0F 10 08");
    /* A zero byte of data is data. */
    EXPECT_KEY(keybuf, norm(&idx, "\0", 1), "7F 00 00 00 00 00 00 00 00 01");
    idx.cols[0].descending = 1;
    EXPECT_KEY(keybuf, norm(&idx, "A", 1), "80 BE FF FF FF FF FF FF FF FE");
    /* Cut by the room in the key: whole chunks with 9, then the bytes that
     * fit, zero-padded after the value's end. */
    idx.cols[0].descending = 0;
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, seq, 16, 0, keybuf, 14), "7F 01 02 03 04 05 06 07 08 09 09 0A 0B 0C");
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, seq, 10, 0, keybuf, 15), "7F 01 02 03 04 05 06 07 08 09 09 0A 00 00 00");
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, seq, 8, 0, keybuf, 9), "7F 01 02 03 04 05 06 07 08");
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, seq, 8, 0, keybuf, 1), "7F");
    /* No segment outgrows cbKeyMost, whatever room the caller offers. */
    {
        static uint8_t big[300];
        memset(big, 7, sizeof(big));
        ck_assert_int_eq(key_normalize(&idx, 0, big, 300, 0, keybuf, KEY_BUF_MAX), 255);
        ck_assert_int_eq(keybuf[254], 7);
        ck_assert_int_eq(keybuf[252], 9); /* 28 chunks, then 2 bytes of the 29th */
    }
}
END_TEST

START_TEST(binary_fixed)
{
    struct key_index idx = one_col(JET_coltypBinary, 0);
    idx.cols[0].fixed = 1;
    idx.cols[0].cbmax = 4;
    EXPECT_KEY(keybuf, norm(&idx, "ABCD", 4), "7F 41 42 43 44");
    ck_assert_int_eq(norm(&idx, "ABC", 3), JET_errInvalidBufferSize); /* not zero-padded */
    ck_assert_int_eq(norm(&idx, "ABCDE", 5), JET_errInvalidBufferSize);
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, "ABCD", 4, 0, keybuf, 3), "7F 41 42");
    idx.cols[0].descending = 1;
    EXPECT_KEY(keybuf, norm(&idx, "ABCD", 4), "80 BE BD BC BB");
    /* cbVarSegMac cuts fixed binary too. */
    idx.cols[0].descending = 0;
    idx.cbvarsegmac = 3;
    EXPECT_KEY(keybuf, norm(&idx, "ABCD", 4), "7F 41 42");
}
END_TEST

START_TEST(binary_var_seg_mac)
{
    struct key_index idx = one_col(JET_coltypLongBinary, 0);
    const void *vals[2];
    uint32_t lens[2];
    int32_t one = 1;
    int trunc = -1;

    idx.cbvarsegmac = 12;
    add_col(&idx, JET_coltypLong, 0);
    vals[0] = seq, lens[0] = 16;
    vals[1] = &one, lens[1] = 4;
    EXPECT_KEY(keybuf, key_build(&idx, vals, lens, keybuf, sizeof(keybuf), &trunc),
               "7F 01 02 03 04 05 06 07 08 09 09 0A 7F 80 00 00 01");
    ck_assert_int_eq(trunc, 0); /* cbVarSegMac is not key truncation */
    /* A value that fits in cbVarSegMac keeps its marker 8. */
    lens[0] = 8;
    idx.cbvarsegmac = 10;
    EXPECT_KEY(keybuf, key_build(&idx, vals, lens, keybuf, sizeof(keybuf), &trunc),
               "7F 01 02 03 04 05 06 07 08 08 7F 80 00 00 01");
    /* cbVarSegMac >= cbKeyMost means none. */
    idx.cbvarsegmac = 255;
    lens[0] = 9;
    EXPECT_KEY(keybuf, key_build(&idx, vals, lens, keybuf, sizeof(keybuf), &trunc),
               "7F 01 02 03 04 05 06 07 08 09 09 00*7 01 7F 80 00 00 01");
}
END_TEST

/* ---- text, code page 1252 --------------------------------------------------- */

START_TEST(text_1252)
{
    struct key_index idx = one_col(JET_coltypText, 0);
    EXPECT_KEY(keybuf, norm(&idx, "abc", 3), "7F 41 42 43 00");
    EXPECT_KEY(keybuf, norm(&idx, "Hello, World!", 13), "7F 48 45 4C 4C 4F 2C 20 57 4F 52 4C 44 21 00");
    EXPECT_KEY(keybuf, norm(&idx, "a\0bc", 4), "7F 41 00");           /* NUL ends the text */
    EXPECT_KEY(keybuf, norm(&idx, "\0bc", 3), "7F 00");
    EXPECT_KEY(keybuf, norm(&idx, "\xE9\xFF{`~z", 6), "7F E9 FF 7B 60 7E 5A 00"); /* only a-z change */
    EXPECT_KEY(keybuf, norm(&idx, "AbC", 3), "7F 41 42 43 00");
    idx.cols[0].descending = 1;
    EXPECT_KEY(keybuf, norm(&idx, "ab", 2), "80 BE BD FF");
    idx.cols[0].coltyp = JET_coltypLongText;
    idx.cols[0].descending = 0;
    EXPECT_KEY(keybuf, norm(&idx, "q", 1), "7F 51 00");
    idx.cols[0].cp = 0; /* anything but 1200 is 1252 */
    EXPECT_KEY(keybuf, norm(&idx, "q", 1), "7F 51 00");
}
END_TEST

START_TEST(text_1252_truncation_quirk)
{
    struct key_index idx = one_col(JET_coltypText, 0);
    /* 4 bytes of room: header, 2 characters, then the cut character
     * "upper-cased" as c - 0x20 in place of the terminator. */
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, "abcdef", 6, 0, keybuf, 4), "7F 41 42 43");
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, "ab!def", 6, 0, keybuf, 4), "7F 41 42 01");
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, "abAdef", 6, 0, keybuf, 4), "7F 41 42 21");
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, "ab\x10""def", 6, 0, keybuf, 4), "7F 41 42 F0");
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, "ab def", 6, 0, keybuf, 4), "7F 41 42 00");
    /* Exactly as long as the room: no terminator, quirk on the last. */
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, "abc", 3, 0, keybuf, 4), "7F 41 42 43");
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, "abc", 3, 0, keybuf, 5), "7F 41 42 43 00");
    /* A NUL at the cut is a normal end. */
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, "ab\0d", 4, 0, keybuf, 4), "7F 41 42 00");
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, "a\0cd", 4, 0, keybuf, 4), "7F 41 00");
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, "abc", 3, 0, keybuf, 2), "7F 41");
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, "abc", 3, 0, keybuf, 1), "7F");
    idx.cols[0].descending = 1;
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, "abcdef", 6, 0, keybuf, 4), "80 BE BD BC");
}
END_TEST

START_TEST(text_fixed_padding)
{
    struct key_index idx = one_col(JET_coltypText, 0);
    struct key_builder kb;
    uint16_t u[1] = {'a'};

    idx.cols[0].fixed = 1;
    idx.cols[0].cbmax = 5;
    EXPECT_KEY(keybuf, norm(&idx, "ab", 2), "7F 41 42 20 20 20 00");
    EXPECT_KEY(keybuf, norm(&idx, "abcde", 5), "7F 41 42 43 44 45 00");
    ck_assert_int_eq(norm(&idx, "abcdef", 6), JET_errInvalidBufferSize);
    memset(&kb, 0, sizeof(kb));
    ck_assert_int_eq(key_make(&kb, &idx, "x", 1, JET_bitNewKey), JET_errSuccess);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 58 20 20 20 20 00");
    /* Unicode fixed text is padded with U+0020: "a  " -> primaries of A,
     * space, space. */
    idx.cols[0].cp = 1200;
    idx.cols[0].cbmax = 6;
    EXPECT_KEY(keybuf, norm(&idx, u, 2), "7F 02 43 02 22 02 22 01 01 01 01 00");
}
END_TEST

START_TEST(text_legacy_255)
{
    static char big[600];
    static uint16_t wide[300];
    struct key_index idx = one_col(JET_coltypText, 0);
    const void *vals[1] = {big};
    uint32_t lens[1] = {300};
    int trunc = 0, n, i;

    memset(big, 'a', sizeof(big));
    n = key_build(&idx, vals, lens, keybuf, sizeof(keybuf), &trunc);
    ck_assert_int_eq(n, 255);
    ck_assert_int_eq(trunc, 1);
    ck_assert_int_eq(keybuf[0], 0x7F);
    for (i = 1; i < 255; i++) ck_assert_int_eq(keybuf[i], 'A');
    /* A larger cbKeyMost keeps the whole text. */
    idx.cbkeymost = 1000;
    n = key_build(&idx, vals, lens, keybuf, sizeof(keybuf), &trunc);
    ck_assert_int_eq(n, 302);
    ck_assert_int_eq(trunc, 0);
    ck_assert_int_eq(keybuf[300], 'A');
    ck_assert_int_eq(keybuf[301], 0);

    /* Unicode: with cbKeyMost 255 only the first 255 bytes (127 whole
     * characters) are normalized.  127 NULs (no weight) then 'a'. */
    idx = one_col(JET_coltypText, 0);
    idx.cols[0].cp = 1200;
    wide[127] = 'a';
    EXPECT_KEY(keybuf, norm(&idx, wide, 256), "7F 01 01 01 01 00");
    idx.cbkeymost = 1000;
    EXPECT_KEY(keybuf, norm(&idx, wide, 256), "7F 02 43 01 01 01 01 00");
    /* An odd byte count drops the last byte. */
    EXPECT_KEY(keybuf, norm(&idx, wide + 126, 5), "7F 02 43 01 01 01 01 00");
}
END_TEST

/* ---- text, Unicode (portable sort key) ------------------------------------- */

static int ukey(const uint16_t *s, uint32_t n, uint32_t flags, uint8_t *out, uint32_t max)
{
    return key_unicode_portable(s, n, NULL, flags, out, max);
}

static int ukey_str(const char *s, uint32_t flags, uint8_t *out)
{
    uint16_t w[256];
    uint32_t n = utf16(s, w);
    return ukey(w, n, flags, out, 512);
}

static int ucmp(const uint16_t *a, uint32_t an, const uint16_t *b, uint32_t bn, uint32_t flags)
{
    static uint8_t ka[512], kb2[512];
    int la = ukey(a, an, flags, ka, sizeof(ka)), lb = ukey(b, bn, flags, kb2, sizeof(kb2));
    return sign(key_compare(ka, (uint32_t)la, kb2, (uint32_t)lb));
}

static int ucmp_str(const char *a, const char *b, uint32_t flags)
{
    uint16_t wa[256], wb[256];
    uint32_t na = utf16(a, wa), nb = utf16(b, wb);
    return ucmp(wa, na, wb, nb, flags);
}

START_TEST(unicode_basic_bytes)
{
    uint8_t k[64];
    uint16_t s[4];

    EXPECT_KEY(k, ukey_str("a", 0, k), "02 43 01 01 01 01 00");
    EXPECT_KEY(k, ukey_str("A", KEY_LCMAP_DEFAULT, k), "02 43 01 01 01 01 00");
    EXPECT_KEY(k, ukey_str("Ab1 ", KEY_LCMAP_DEFAULT, k), "02 43 02 44 02 33 02 22 01 01 01 01 00");
    EXPECT_KEY(k, ukey_str("", KEY_LCMAP_DEFAULT, k), "01 01 01 01 00");
    /* Weights above 64261 take 3 bytes. */
    s[0] = 0xFFFF;
    EXPECT_KEY(k, ukey(s, 1, 0, k, sizeof(k)), "FF 07 05 01 01 01 01 00");
    s[0] = 0xFAFF; /* 64255 = 252 * 254 + 247 */
    EXPECT_KEY(k, ukey(s, 1, 0, k, sizeof(k)), "FE F9 01 01 01 01 00");
    /* e acute: E with diacritic 0x301 - 0x2FF = 2 on the second level. */
    s[0] = 0x00E9;
    EXPECT_KEY(k, ukey(s, 1, 0, k, sizeof(k)), "02 47 01 04 01 01 01 00");
    s[0] = 'e', s[1] = 0x0301;
    EXPECT_KEY(k, ukey(s, 2, 0, k, sizeof(k)), "02 47 01 04 01 01 01 00");
    s[0] = 0x00E9, s[1] = 'a';
    EXPECT_KEY(k, ukey(s, 2, 0, k, sizeof(k)), "02 47 02 43 01 04 01 01 01 00");
    s[0] = 'a', s[1] = 0x00E9;
    EXPECT_KEY(k, ukey(s, 2, 0, k, sizeof(k)), "02 43 02 47 01 02 04 01 01 01 00");
    /* Case level when case matters: lower case is the default. */
    EXPECT_KEY(k, ukey_str("aB", KEY_LCMAP_SORTKEY | KEY_NORM_IGNOREKANATYPE | KEY_NORM_IGNOREWIDTH, k),
               "02 43 02 44 01 01 02 03 01 01 00");
    /* LCMAP_UPPERCASE alone: big-endian upper-cased text and a zero unit. */
    EXPECT_KEY(k, ukey_str("ab1", KEY_LCMAP_UPPERCASE, k), "00 41 00 42 00 31 00 00");
    /* LCMAP_BYTEREV swaps byte pairs; the odd last byte stays. */
    EXPECT_KEY(k, ukey_str("a", KEY_LCMAP_DEFAULT | KEY_LCMAP_BYTEREV, k), "43 02 01 01 01 01 00");
    EXPECT_KEY(k, ukey_str("ab", KEY_LCMAP_DEFAULT | KEY_LCMAP_BYTEREV, k), "43 02 44 02 01 01 01 01 00");
    ck_assert_int_eq(key_unicode_portable(NULL, 1, NULL, 0, k, 1), JET_errInvalidParameter);
    ck_assert_int_eq(key_unicode_portable(s, 1, NULL, 0, NULL, 1), JET_errInvalidParameter);
    ck_assert_int_eq(key_unicode_portable(NULL, 0, NULL, 0, NULL, 0), 5);
}
END_TEST

START_TEST(unicode_order_and_folding)
{
    uint16_t a[8], b[8];
    uint32_t cs = KEY_LCMAP_SORTKEY | KEY_NORM_IGNOREKANATYPE | KEY_NORM_IGNOREWIDTH;

    ck_assert_int_eq(ucmp_str("a", "B", 0), -1);
    ck_assert_int_eq(ucmp_str("B", "c", 0), -1);
    ck_assert_int_eq(ucmp_str("a", "c", 0), -1);
    ck_assert_int_eq(ucmp_str("ABC", "abc", 0), 0);
    ck_assert_int_eq(ucmp_str("ab", "abc", 0), -1);
    ck_assert_int_eq(ucmp_str("abc", "abd", 0), -1);
    ck_assert_int_eq(ucmp_str("9", "a", 0), -1);
    /* Case-sensitive: a < A < b. */
    ck_assert_int_eq(ucmp_str("a", "A", cs), -1);
    ck_assert_int_eq(ucmp_str("A", "b", cs), -1);
    /* Symbols ignored on request. */
    ck_assert_int_eq(ucmp_str("a-b", "ab", 0), -1);
    ck_assert_int_eq(ucmp_str("a-b", "ab", KEY_NORM_IGNORESYMBOLS | KEY_LCMAP_DEFAULT), 0);
    /* NUL units have no weight. */
    a[0] = 'a', a[1] = 0, a[2] = 'b';
    b[0] = 'A', b[1] = 'B';
    ck_assert_int_eq(ucmp(a, 3, b, 2, 0), 0);
    /* Width: fullwidth a equals a by default. */
    a[0] = 0xFF41, b[0] = 'a';
    ck_assert_int_eq(ucmp(a, 1, b, 1, 0), 0);
    ck_assert_int_eq(ucmp(a, 1, b, 1, KEY_LCMAP_SORTKEY | KEY_NORM_IGNORECASE | KEY_NORM_IGNOREKANATYPE), 1);
    a[0] = 0x3000, b[0] = ' ';
    ck_assert_int_eq(ucmp(a, 1, b, 1, 0), 0);
    /* Kana: hiragana A equals katakana A; halfwidth KA + voiced mark
     * equals GA. */
    a[0] = 0x3042, b[0] = 0x30A2;
    ck_assert_int_eq(ucmp(a, 1, b, 1, 0), 0);
    ck_assert_int_ne(ucmp(a, 1, b, 1, KEY_LCMAP_SORTKEY | KEY_NORM_IGNORECASE | KEY_NORM_IGNOREWIDTH), 0);
    a[0] = 0xFF76, a[1] = 0xFF9E, b[0] = 0x30AC;
    ck_assert_int_eq(ucmp(a, 2, b, 1, 0), 0);
    a[0] = 0x304C, b[0] = 0x30AC; /* hiragana GA */
    ck_assert_int_eq(ucmp(a, 1, b, 1, 0), 0);
    /* Diacritics: e < e-acute < f, and equal when ignored. */
    a[0] = 'e', b[0] = 0x00E9;
    ck_assert_int_eq(ucmp(a, 1, b, 1, 0), -1);
    ck_assert_int_eq(ucmp(a, 1, b, 1, KEY_LCMAP_DEFAULT | KEY_NORM_IGNORENONSPACE), 0);
    a[0] = 0x00C9, b[0] = 'f';
    ck_assert_int_eq(ucmp(a, 1, b, 1, 0), -1);
    a[0] = 0x00E9, a[1] = 'a', b[0] = 'e', b[1] = 'b';
    ck_assert_int_eq(ucmp(a, 2, b, 2, 0), -1); /* the primary level decides first */
    /* Greek and Cyrillic case folding, final sigma, micro sign. */
    a[0] = 0x03C3, b[0] = 0x03A3;
    ck_assert_int_eq(ucmp(a, 1, b, 1, 0), 0);
    a[0] = 0x03C2;
    ck_assert_int_eq(ucmp(a, 1, b, 1, 0), 0);
    a[0] = 0x0431, b[0] = 0x0411;
    ck_assert_int_eq(ucmp(a, 1, b, 1, 0), 0);
    a[0] = 0x00B5, b[0] = 0x039C;
    ck_assert_int_eq(ucmp(a, 1, b, 1, 0), 0);
    a[0] = 0x00FF, b[0] = 0x0178;
    ck_assert_int_eq(ucmp(a, 1, b, 1, 0), 0);
}
END_TEST

START_TEST(unicode_truncation_and_determinism)
{
    uint8_t k1[64], k2[64];
    uint16_t s[40];
    uint32_t n = utf16("the quick brown fox", s), i;
    int full = ukey(s, n, 0, k1, sizeof(k1)), part;

    REQUIRE_EQ(full, 2 * 19 + 5);
    /* Deterministic. */
    REQUIRE_EQ(ukey(s, n, 0, k2, sizeof(k2)), full);
    REQUIRE(memcmp(k1, k2, (size_t)full) == 0);
    /* A short buffer gets a prefix and a length above it. */
    for (i = 0; i < (uint32_t)full; i++) {
        memset(k2, 0xEE, sizeof(k2));
        part = ukey(s, n, 0, k2, i);
        REQUIRE_GT(part, (int)i);
        REQUIRE(memcmp(k1, k2, i) == 0);
        REQUIRE_EQ(k2[i], 0xEE);
    }
    /* Same with byte reversal, and for odd lengths. */
    full = ukey(s, 3, KEY_LCMAP_DEFAULT | KEY_LCMAP_BYTEREV, k1, sizeof(k1));
    REQUIRE_EQ(full, 11);
    for (i = 0; i < (uint32_t)full; i++) {
        memset(k2, 0xEE, sizeof(k2));
        part = ukey(s, 3, KEY_LCMAP_DEFAULT | KEY_LCMAP_BYTEREV, k2, i);
        REQUIRE_GT(part, (int)i);
        REQUIRE(memcmp(k1, k2, i) == 0);
    }
}
END_TEST

START_TEST(unicode_column)
{
    struct key_index idx = one_col(JET_coltypText, 0);
    uint16_t s[4];
    uint8_t unaligned[9];
    uint32_t n = utf16("ab", s);

    idx.cols[0].cp = 1200;
    EXPECT_KEY(keybuf, norm(&idx, s, n * 2), "7F 02 43 02 44 01 01 01 01 00");
    /* Unaligned data works (it may point into a record). */
    memcpy(unaligned + 1, s, 4);
    EXPECT_KEY(keybuf, norm(&idx, unaligned + 1, 4), "7F 02 43 02 44 01 01 01 01 00");
    idx.cols[0].descending = 1;
    EXPECT_KEY(keybuf, norm(&idx, s, 4), "80 FD BC FD BB FE FE FE FE FF");
    /* The sort key is cut to the room in the key. */
    idx.cols[0].descending = 0;
    EXPECT_KEY(keybuf, key_normalize(&idx, 0, s, 4, 0, keybuf, 4), "7F 02 43 02");
    idx.map_flags = KEY_LCMAP_UPPERCASE;
    EXPECT_KEY(keybuf, norm(&idx, s, 4), "7F 00 41 00 42 00 00");
}
END_TEST

static int failing_sort(const void *s, uint32_t n, const uint16_t *loc, uint32_t flags, uint8_t *out, uint32_t max)
{
    return JET_errUnicodeTranslationFail;
}

START_TEST(unicode_callback_error)
{
    struct key_index idx = one_col(JET_coltypText, 0);
    struct key_builder kb;
    uint16_t s[2] = {'a', 'b'};

    idx.cols[0].cp = 1200;
    idx.unicode = failing_sort;
    ck_assert_int_eq(norm(&idx, s, 4), JET_errUnicodeTranslationFail);
    memset(&kb, 0, sizeof(kb));
    ck_assert_int_eq(key_make(&kb, &idx, s, 4, JET_bitNewKey), JET_errUnicodeTranslationFail);
    ck_assert_int_eq(kb.started, 0);
    /* NULL needs no sort key. */
    ck_assert_int_eq(key_make(&kb, &idx, NULL, 0, JET_bitNewKey), JET_errSuccess);
    EXPECT_KEY(kb.buf, (int)kb.len, "00");
}
END_TEST

/* ---- key_compare ------------------------------------------------------------- */

START_TEST(compare)
{
    const uint8_t a[] = {1, 2, 3}, b[] = {1, 2, 4};
    ck_assert_int_eq(key_compare(a, 3, a, 3), 0);
    ck_assert_int_lt(key_compare(a, 2, a, 3), 0);
    ck_assert_int_gt(key_compare(a, 3, a, 2), 0);
    ck_assert_int_lt(key_compare(a, 3, b, 3), 0);
    ck_assert_int_gt(key_compare(b, 3, a, 3), 0);
    ck_assert_int_gt(key_compare(a, 3, b, 2), 0); /* equal prefix: the longer one later */
    ck_assert_int_eq(key_compare(a, 0, b, 0), 0);
    ck_assert_int_lt(key_compare(a, 0, b, 1), 0);
    ck_assert_int_gt(key_compare(b, 3, a, 2), 0);
}
END_TEST

/* ---- sort order over random values ------------------------------------------ */

typedef int (*natural_cmp)(const void *a, const void *b);

#define NAT(name, type)                                              \
    static int name(const void *a, const void *b)                    \
    {                                                                \
        type x, y;                                                   \
        memcpy(&x, a, sizeof(x));                                    \
        memcpy(&y, b, sizeof(y));                                    \
        return (x > y) - (x < y);                                    \
    }
NAT(cmp_u8, uint8_t)
NAT(cmp_i16, int16_t)
NAT(cmp_u16, uint16_t)
NAT(cmp_i32, int32_t)
NAT(cmp_u32, uint32_t)
NAT(cmp_i64, int64_t)
NAT(cmp_u64, uint64_t)

static int cmp_bit(const void *a, const void *b)
{
    int x = *(const uint8_t *)a != 0, y = *(const uint8_t *)b != 0;
    return (x > y) - (x < y);
}

/* Floats: numeric order, -0.0 before +0.0. */
static int cmp_f32(const void *a, const void *b)
{
    float x, y;
    uint32_t bx, by;
    memcpy(&x, a, 4), memcpy(&y, b, 4), memcpy(&bx, a, 4), memcpy(&by, b, 4);
    if (x != y) return x < y ? -1 : 1;
    return ((by >> 31) > (bx >> 31)) - ((by >> 31) < (bx >> 31));
}

static int cmp_f64(const void *a, const void *b)
{
    double x, y;
    uint64_t bx, by;
    memcpy(&x, a, 8), memcpy(&y, b, 8), memcpy(&bx, a, 8), memcpy(&by, b, 8);
    if (x != y) return x < y ? -1 : 1;
    return ((by >> 63) > (bx >> 63)) - ((by >> 63) < (bx >> 63));
}

/* GUIDs sort like their canonical string form compared as unsigned
 * numbers group by group: bytes 10-15, 8-9, 6-7, 4-5, 0-3. */
static int cmp_guid(const void *a, const void *b)
{
    static const int order[16] = {10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3};
    const uint8_t *x = a, *y = b;
    int i;
    for (i = 0; i < 16; i++)
        if (x[order[i]] != y[order[i]]) return x[order[i]] < y[order[i]] ? -1 : 1;
    return 0;
}

/* Turns a NaN into a finite value: NaNs order by their bits, not as numbers. */
static void no_nan(uint8_t *v, int size)
{
    if (size == 4) {
        uint32_t b;
        memcpy(&b, v, 4);
        if ((b & 0x7F800000u) == 0x7F800000u && (b & 0x007FFFFFu)) b &= ~0x40000000u;
        memcpy(v, &b, 4);
    } else {
        uint64_t b;
        memcpy(&b, v, 8);
        if ((b & 0x7FF0000000000000ULL) == 0x7FF0000000000000ULL && (b & 0x000FFFFFFFFFFFFFULL))
            b &= ~0x4000000000000000ULL;
        memcpy(v, &b, 8);
    }
}

static void random_value(uint8_t *v, int size)
{
    int i;
    for (i = 0; i < size; i++) v[i] = (uint8_t)rnd();
    /* Often pick small or special values, where ordering bugs hide. */
    switch (rnd() % 8) {
    case 0: memset(v, 0, (size_t)size); break;
    case 1: memset(v, 0xFF, (size_t)size); break;
    case 2: memset(v, 0, (size_t)size); v[size - 1] = 0x80; break;
    case 3: memset(v + 1, 0, (size_t)size - 1); break;
    case 4: memset(v + 1, 0xFF, (size_t)size - 1); break;
    default: break;
    }
}

static void check_order(JET_COLTYP t, int size, natural_cmp cmp, int is_float)
{
    uint8_t a[16], b[16], ka[20], kb2[20];
    int i, desc;

    for (desc = 0; desc < 2; desc++) {
        struct key_index idx = one_col(t, desc);
        for (i = 0; i < 3000; i++) {
            int la, lb, want, got;
            random_value(a, size);
            if (rnd() % 4 == 0) memcpy(b, a, (size_t)size), b[rnd() % size] ^= (uint8_t)(1u << (rnd() % 8));
            else random_value(b, size);
            if (is_float) no_nan(a, size), no_nan(b, size);
            la = key_normalize(&idx, 0, a, (uint32_t)size, 0, ka, sizeof(ka));
            lb = key_normalize(&idx, 0, b, (uint32_t)size, 0, kb2, sizeof(kb2));
            REQUIRE_EQ(la, size + 1);
            REQUIRE_EQ(lb, size + 1);
            want = cmp(a, b) * (desc ? -1 : 1);
            got = sign(key_compare(ka, (uint32_t)la, kb2, (uint32_t)lb));
            if (want != got) ck_abort_msg("type %lu desc %d: natural %d, keys %d", (unsigned long)t, desc, want, got);
        }
    }
}

START_TEST(order_fixed_types)
{
    seed_rng();
    check_order(JET_coltypBit, 1, cmp_bit, 0);
    check_order(JET_coltypUnsignedByte, 1, cmp_u8, 0);
    check_order(JET_coltypShort, 2, cmp_i16, 0);
    check_order(JET_coltypUnsignedShort, 2, cmp_u16, 0);
    check_order(JET_coltypLong, 4, cmp_i32, 0);
    check_order(JET_coltypUnsignedLong, 4, cmp_u32, 0);
    check_order(JET_coltypLongLong, 8, cmp_i64, 0);
    check_order(JET_coltypCurrency, 8, cmp_i64, 0);
    check_order(JET_coltypUnsignedLongLong, 8, cmp_u64, 0);
    check_order(JET_coltypIEEESingle, 4, cmp_f32, 1);
    check_order(JET_coltypIEEEDouble, 8, cmp_f64, 1);
    check_order(JET_coltypDateTime, 8, cmp_f64, 1);
    check_order(JET_coltypGUID, 16, cmp_guid, 0);
}
END_TEST

/* Variable-length values: random strings over a small alphabet so that
 * prefixes and equal values are common. */
#define ALPHA(lit) lit, (uint32_t)(sizeof(lit) - 1)
static uint32_t random_string(uint8_t *s, uint32_t max, const char *alphabet, uint32_t k)
{
    uint32_t n = rnd() % (max + 1), i;
    for (i = 0; i < n; i++) s[i] = (uint8_t)alphabet[rnd() % k];
    return n;
}

static int cmp_bytes(const uint8_t *a, uint32_t an, const uint8_t *b, uint32_t bn)
{
    uint32_t n = an < bn ? an : bn;
    int c = memcmp(a, b, n);
    if (c) return sign(c);
    return (an > bn) - (an < bn);
}

static int cmp_upper(const uint8_t *a, uint32_t an, const uint8_t *b, uint32_t bn)
{
    uint8_t ua[64], ub[64];
    uint32_t i;
    for (i = 0; i < an; i++) ua[i] = (uint8_t)((a[i] >= 'a' && a[i] <= 'z') ? a[i] - 32 : a[i]);
    for (i = 0; i < bn; i++) ub[i] = (uint8_t)((b[i] >= 'a' && b[i] <= 'z') ? b[i] - 32 : b[i]);
    return cmp_bytes(ua, an, ub, bn);
}

static void check_var_order(JET_COLTYP t, const char *alphabet, uint32_t alen, int (*cmp)(const uint8_t *, uint32_t, const uint8_t *, uint32_t))
{
    uint8_t a[40], b[40], ka[KEY_BUF_MAX], kb2[KEY_BUF_MAX];
    int i, desc;

    for (desc = 0; desc < 2; desc++) {
        struct key_index idx = one_col(t, desc);
        idx.cbkeymost = 1000;
        for (i = 0; i < 5000; i++) {
            uint32_t an = random_string(a, 40, alphabet, alen), bn;
            int la, lb, want, got;
            if (rnd() % 3 == 0) {
                bn = an ? rnd() % (an + 1) : 0; /* a prefix */
                memcpy(b, a, bn);
            } else {
                bn = random_string(b, 40, alphabet, alen);
            }
            /* length 0 is zero-length here (0x40), which sorts first. */
            la = key_normalize(&idx, 0, an ? (const void *)a : "", an, JET_bitKeyDataZeroLength, ka, 1000);
            lb = key_normalize(&idx, 0, bn ? (const void *)b : "", bn, JET_bitKeyDataZeroLength, kb2, 1000);
            REQUIRE_GT(la, 0);
            REQUIRE_GT(lb, 0);
            want = cmp(a, an, b, bn) * (desc ? -1 : 1);
            got = sign(key_compare(ka, (uint32_t)la, kb2, (uint32_t)lb));
            if (want != got) ck_abort_msg("type %lu desc %d: natural %d, keys %d", (unsigned long)t, desc, want, got);
        }
    }
}

START_TEST(order_text_and_binary)
{
    seed_rng();
    check_var_order(JET_coltypText, ALPHA("aAbBz{\x80\xE9 "), cmp_upper);
    check_var_order(JET_coltypLongText, ALPHA("abc"), cmp_upper);
    check_var_order(JET_coltypBinary, ALPHA("\x00\x01\xFF"), cmp_bytes);
    check_var_order(JET_coltypLongBinary, ALPHA("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\xFE\xFF"), cmp_bytes);
}
END_TEST

START_TEST(order_unicode_ascii)
{
    uint8_t a[40], b[40];
    uint16_t wa[40], wb[40];
    int i;

    seed_rng();
    for (i = 0; i < 5000; i++) {
        uint32_t an = random_string(a, 30, ALPHA("aAbBcC019 ~")), bn = random_string(b, 30, ALPHA("aAbBcC019 ~")), j;
        for (j = 0; j < an; j++) wa[j] = a[j];
        for (j = 0; j < bn; j++) wb[j] = b[j];
        /* Case-insensitive ASCII order, shorter prefix first. */
        REQUIRE_EQ(ucmp(wa, an, wb, bn, 0), cmp_upper(a, an, b, bn));
    }
}
END_TEST

START_TEST(order_two_columns)
{
    struct key_index idx;
    uint8_t ka[KEY_BUF_MAX], kb2[KEY_BUF_MAX];
    int i;

    seed_rng();
    key_index_init(&idx);
    add_col(&idx, JET_coltypShort, 0);
    add_col(&idx, JET_coltypText, 1);
    for (i = 0; i < 5000; i++) {
        uint8_t sa[20], sb[20];
        int16_t xa = (int16_t)(rnd() % 5 - 2), xb = (int16_t)(rnd() % 5 - 2);
        uint32_t an = random_string(sa, 20, ALPHA("ab")), bn = random_string(sb, 20, ALPHA("ab"));
        const void *va[2] = {&xa, an ? (const void *)sa : NULL}, *vb[2] = {&xb, bn ? (const void *)sb : NULL};
        uint32_t la_[2] = {2, an}, lb_[2] = {2, bn};
        int la = key_build(&idx, va, la_, ka, sizeof(ka), NULL);
        int lb = key_build(&idx, vb, lb_, kb2, sizeof(kb2), NULL);
        int want = xa != xb ? (xa < xb ? -1 : 1) : 0;
        if (!want) {
            /* Descending text; NULL (empty here) sorts last when descending. */
            if (!an || !bn) want = an == bn ? 0 : (an ? -1 : 1);
            else want = -cmp_upper(sa, an, sb, bn);
        }
        REQUIRE_EQ(sign(key_compare(ka, (uint32_t)la, kb2, (uint32_t)lb)), want);
    }
}
END_TEST

/* ---- JetMakeKey ---------------------------------------------------------------------- */

static struct key_index long_text_index(void)
{
    struct key_index idx;
    key_index_init(&idx);
    add_col(&idx, JET_coltypLong, 0);
    add_col(&idx, JET_coltypText, 0);
    idx.cols[0].fixed = 1;
    idx.cols[0].cbmax = 4;
    return idx;
}

START_TEST(make_key_states)
{
    struct key_index idx = long_text_index();
    struct key_builder kb;
    int32_t five = 5;

    memset(&kb, 0, sizeof(kb));
    ck_assert_int_eq(key_make(&kb, &idx, &five, 4, 0), JET_errKeyNotMade);
    ck_assert_int_eq(key_make(&kb, &idx, &five, 4, JET_bitNewKey), JET_errSuccess);
    ck_assert_int_eq(key_make(&kb, &idx, "ab", 2, 0), JET_errSuccess);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 80 00 00 05 7F 41 42 00");
    ck_assert_int_eq(kb.nsegs, 2);
    ck_assert_int_eq(key_make(&kb, &idx, "ab", 2, 0), JET_errKeyIsMade);
    /* NewKey starts over. */
    ck_assert_int_eq(key_make(&kb, &idx, NULL, 0, JET_bitNewKey), JET_errSuccess);
    EXPECT_KEY(kb.buf, (int)kb.len, "00");
    /* An error without NewKey leaves the key as it was. */
    ck_assert_int_eq(key_make(&kb, &idx, NULL, 0, JET_bitKeyDataZeroLength | JET_bitPartialColumnStartLimit | JET_bitFullColumnEndLimit), JET_errInvalidGrbit);
    EXPECT_KEY(kb.buf, (int)kb.len, "00");
    ck_assert_int_eq(kb.nsegs, 1);
    ck_assert_int_eq(key_make(&kb, &idx, NULL, 0, JET_bitKeyDataZeroLength), JET_errSuccess);
    EXPECT_KEY(kb.buf, (int)kb.len, "00 40");
    /* A failed NewKey leaves no key. */
    ck_assert_int_eq(key_make(&kb, &idx, &five, 3, JET_bitNewKey), JET_errInvalidBufferSize);
    ck_assert_int_eq(key_make(&kb, &idx, "ab", 2, 0), JET_errKeyNotMade);
    /* A navigation resets the key. */
    ck_assert_int_eq(key_make(&kb, &idx, &five, 4, JET_bitNewKey), JET_errSuccess);
    key_builder_reset(&kb);
    ck_assert_int_eq(key_make(&kb, &idx, "ab", 2, 0), JET_errKeyNotMade);
    /* KeyDataZeroLength on a fixed Long. */
    ck_assert_int_eq(key_make(&kb, &idx, NULL, 0, JET_bitNewKey | JET_bitKeyDataZeroLength), JET_errInvalidBufferSize);
    /* No index. */
    ck_assert_int_eq(key_make(&kb, NULL, &five, 4, JET_bitNewKey), JET_errNoCurrentIndex);
    idx.ncols = 0;
    ck_assert_int_eq(key_make(&kb, &idx, &five, 4, JET_bitNewKey), JET_errNoCurrentIndex);
    ck_assert_int_eq(key_make(NULL, &idx, &five, 4, JET_bitNewKey), JET_errInvalidParameter);
    idx = long_text_index();
    idx.cbkeymost = 0;
    ck_assert_int_eq(key_make(&kb, &idx, &five, 4, JET_bitNewKey), JET_errInvalidParameter);
    idx.cbkeymost = 2001;
    ck_assert_int_eq(key_make(&kb, &idx, &five, 4, JET_bitNewKey), JET_errInvalidParameter);
}
END_TEST

START_TEST(make_key_normalized)
{
    struct key_index idx = long_text_index();
    struct key_builder kb;
    static uint8_t big[300];

    memset(&kb, 0, sizeof(kb));
    memset(big, 0xAB, sizeof(big));
    ck_assert_int_eq(key_make(&kb, &idx, "\x7F\x80\x00\x00\x05", 5, JET_bitNormalizedKey), JET_errSuccess);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 80 00 00 05");
    /* It counts as one segment: the next column can follow. */
    ck_assert_int_eq(key_make(&kb, &idx, "a", 1, 0), JET_errSuccess);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 80 00 00 05 7F 41 00");
    ck_assert_int_eq(key_make(&kb, &idx, "a", 1, 0), JET_errKeyIsMade);
    /* Up to cbKeyMost + 1 bytes; the longest is a limit key. */
    ck_assert_int_eq(key_make(&kb, &idx, big, 256, JET_bitNormalizedKey | JET_bitNewKey), JET_errSuccess);
    ck_assert_int_eq(kb.len, 256);
    ck_assert_int_eq(key_make(&kb, &idx, "a", 1, 0), JET_errKeyIsMade);
    ck_assert_int_eq(key_make(&kb, &idx, big, 255, JET_bitNormalizedKey), JET_errSuccess);
    ck_assert_int_eq(key_make(&kb, &idx, "a", 1, 0), JET_errSuccess);
    ck_assert_int_eq(kb.len, 255);
    ck_assert_int_eq(key_make(&kb, &idx, big, 257, JET_bitNormalizedKey), JET_errInvalidParameter);
    ck_assert_int_eq(key_make(&kb, &idx, NULL, 3, JET_bitNormalizedKey), JET_errInvalidParameter);
    ck_assert_int_eq(key_make(&kb, &idx, NULL, 0, JET_bitNormalizedKey), JET_errSuccess);
    ck_assert_int_eq(kb.len, 0);
    /* A table without an index takes only normalized keys (255 + 1). */
    ck_assert_int_eq(key_make(&kb, NULL, big, 256, JET_bitNormalizedKey), JET_errSuccess);
    ck_assert_int_eq(key_make(&kb, NULL, big, 257, JET_bitNormalizedKey), JET_errInvalidParameter);
    idx.cbkeymost = 1000;
    ck_assert_int_eq(key_make(&kb, &idx, big, 300, JET_bitNormalizedKey), JET_errSuccess);
    ck_assert_int_eq(kb.len, 300);
}
END_TEST

START_TEST(make_key_fixed_sizes)
{
    struct key_index idx = long_text_index();
    struct key_builder kb;
    int32_t five = 5;

    memset(&kb, 0, sizeof(kb));
    ck_assert_int_eq(key_make(&kb, &idx, &five, 3, JET_bitNewKey), JET_errInvalidBufferSize);
    ck_assert_int_eq(key_make(&kb, &idx, &five, 8, JET_bitNewKey), JET_errInvalidBufferSize);
    /* A tagged Long: wrong sizes refused too (ESE would read past them). */
    idx.cols[0].fixed = 0;
    ck_assert_int_eq(key_make(&kb, &idx, &five, 3, JET_bitNewKey), JET_errInvalidBufferSize);
    /* ... but NULL data is NULL. */
    ck_assert_int_eq(key_make(&kb, &idx, NULL, 3, JET_bitNewKey), JET_errSuccess);
    EXPECT_KEY(kb.buf, (int)kb.len, "00");
    /* Fixed-size check comes before the limit flags check. */
    idx.cols[0].fixed = 1;
    ck_assert_int_eq(key_make(&kb, &idx, &five, 3, JET_bitNewKey | JET_bitPartialColumnEndLimit), JET_errInvalidBufferSize);
}
END_TEST

/* ---- limit flags ------------------------------------------------------------------- */

/* Makes a one-column key of (t, desc) with grbit; returns key_make's result
 * and leaves the key in *kb. */
static JET_ERR make1(struct key_builder *kb, struct key_index *idx, const void *d, uint32_t cb, JET_GRBIT grbit)
{
    memset(kb, 0, sizeof(*kb));
    return key_make(kb, idx, d, cb, JET_bitNewKey | grbit);
}

START_TEST(limits_fixed_type)
{
    struct key_index idx = long_text_index();
    struct key_builder kb;
    int32_t five = 5;

    ck_assert_int_eq(make1(&kb, &idx, &five, 4, JET_bitFullColumnStartLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 80 00 00 05");
    ck_assert_int_eq(key_make(&kb, &idx, "a", 1, 0), JET_errKeyIsMade);
    ck_assert_int_eq(make1(&kb, &idx, &five, 4, JET_bitFullColumnEndLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 80 00 00 05 FF*251");
    ck_assert_int_eq(key_make(&kb, &idx, "a", 1, 0), JET_errKeyIsMade);
    ck_assert_int_eq(make1(&kb, &idx, &five, 4, JET_bitStrLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 80 00 00 05 FF*251");
    ck_assert_int_eq(key_make(&kb, &idx, "a", 1, 0), JET_errKeyIsMade);
    /* SubStrLimit does nothing on a non-text column, and sets no limit. */
    ck_assert_int_eq(make1(&kb, &idx, &five, 4, JET_bitSubStrLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 80 00 00 05");
    ck_assert_int_eq(key_make(&kb, &idx, "a", 1, 0), JET_errSuccess);
    ck_assert_int_eq(make1(&kb, &idx, &five, 4, JET_bitSubStrLimit | JET_bitStrLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 80 00 00 05 FF*251");
    /* Partial limits are for text and variable binary only. */
    ck_assert_int_eq(make1(&kb, &idx, &five, 4, JET_bitPartialColumnStartLimit), JET_errInvalidGrbit);
    ck_assert_int_eq(make1(&kb, &idx, &five, 4, JET_bitPartialColumnEndLimit), JET_errInvalidGrbit);
    idx.cols[0].fixed = 0; /* a tagged Long is no better */
    ck_assert_int_eq(make1(&kb, &idx, &five, 4, JET_bitPartialColumnEndLimit), JET_errInvalidGrbit);
    /* Only one of the 0xF00 group. */
    ck_assert_int_eq(make1(&kb, &idx, &five, 4, JET_bitFullColumnStartLimit | JET_bitFullColumnEndLimit), JET_errInvalidGrbit);
    ck_assert_int_eq(make1(&kb, &idx, &five, 4, 0xF00), JET_errInvalidGrbit);
    /* StrLimit/SubStrLimit are ignored next to a 0xF00 flag (ESE's code;
     * the documentation says JET_errInvalidGrbit). */
    ck_assert_int_eq(make1(&kb, &idx, &five, 4, JET_bitFullColumnStartLimit | JET_bitStrLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 80 00 00 05");
    /* Descending: the padding is not inverted. */
    idx.cols[0].descending = 1;
    ck_assert_int_eq(make1(&kb, &idx, &five, 4, JET_bitFullColumnEndLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "80 7F FF FF FA FF*251");
    /* NULL with a limit. */
    ck_assert_int_eq(make1(&kb, &idx, NULL, 0, JET_bitFullColumnEndLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "FF*256");
}
END_TEST

START_TEST(limits_text_1252)
{
    struct key_index idx = one_col(JET_coltypText, 0);
    struct key_builder kb;

    ck_assert_int_eq(make1(&kb, &idx, "ab", 2, JET_bitPartialColumnStartLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 41 42");
    ck_assert_int_eq(kb.limited, 1);
    ck_assert_int_eq(make1(&kb, &idx, "ab", 2, JET_bitPartialColumnEndLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 41 42 FF*253");
    ck_assert_int_eq(make1(&kb, &idx, "ab", 2, JET_bitSubStrLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 41 42 FF*253");
    ck_assert_int_eq(make1(&kb, &idx, "ab", 2, JET_bitSubStrLimit | JET_bitStrLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 41 42 FF*253");
    ck_assert_int_eq(make1(&kb, &idx, "ab", 2, JET_bitStrLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 41 42 00 FF*252");
    ck_assert_int_eq(make1(&kb, &idx, "ab", 2, JET_bitFullColumnEndLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 41 42 00 FF*252");
    ck_assert_int_eq(make1(&kb, &idx, "ab", 2, JET_bitFullColumnStartLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 41 42 00");
    /* NULL and zero-length: a full limit. */
    ck_assert_int_eq(make1(&kb, &idx, NULL, 0, JET_bitPartialColumnStartLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "00");
    ck_assert_int_eq(make1(&kb, &idx, NULL, 0, JET_bitPartialColumnEndLimit | JET_bitKeyDataZeroLength), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "40 FF*255");
    /* Descending: the (inverted) terminator is dropped. */
    idx.cols[0].descending = 1;
    ck_assert_int_eq(make1(&kb, &idx, "ab", 2, JET_bitPartialColumnStartLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "80 BE BD");
    ck_assert_int_eq(make1(&kb, &idx, "ab", 2, JET_bitPartialColumnEndLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "80 BE BD FF*253");
    /* Fixed text takes partial limits (the padding is part of the value). */
    idx = one_col(JET_coltypText, 0);
    idx.cols[0].fixed = 1;
    idx.cols[0].cbmax = 3;
    ck_assert_int_eq(make1(&kb, &idx, "ab", 2, JET_bitPartialColumnStartLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 41 42 20");
}
END_TEST

START_TEST(limits_binary)
{
    struct key_index idx = one_col(JET_coltypBinary, 0);
    struct key_builder kb;

    ck_assert_int_eq(make1(&kb, &idx, "AB", 2, JET_bitPartialColumnStartLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 41 42");
    ck_assert_int_eq(make1(&kb, &idx, "AB", 2, JET_bitPartialColumnEndLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 41 42 FF*8");
    ck_assert_int_eq(make1(&kb, &idx, "AB", 2, JET_bitStrLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 41 42 FF*8");
    ck_assert_int_eq(make1(&kb, &idx, "AB", 2, JET_bitSubStrLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 41 42 00 00 00 00 00 00 02");
    ck_assert_int_eq(kb.limited, 0);
    ck_assert_int_eq(make1(&kb, &idx, "AB", 2, JET_bitFullColumnEndLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 41 42 00 00 00 00 00 00 02 FF*246");
    ck_assert_int_eq(make1(&kb, &idx, seq, 8, JET_bitPartialColumnEndLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 01 02 03 04 05 06 07 08 FF FF");
    ck_assert_int_eq(make1(&kb, &idx, seq, 9, JET_bitPartialColumnStartLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 01 02 03 04 05 06 07 08 09 09");
    idx.cols[0].descending = 1;
    ck_assert_int_eq(make1(&kb, &idx, "A", 1, JET_bitPartialColumnStartLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "80 BE");
    ck_assert_int_eq(make1(&kb, &idx, "A", 1, JET_bitPartialColumnEndLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "80 BE FF*9");
    /* Fixed binary: no partial limits; StrLimit pads the key space. */
    idx = one_col(JET_coltypBinary, 0);
    idx.cols[0].fixed = 1;
    idx.cols[0].cbmax = 2;
    ck_assert_int_eq(make1(&kb, &idx, "AB", 2, JET_bitPartialColumnStartLimit), JET_errInvalidGrbit);
    ck_assert_int_eq(make1(&kb, &idx, "AB", 2, JET_bitStrLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 41 42 FF*253");
    /* A value cut by the key's room has no end: a full limit. */
    idx = one_col(JET_coltypBinary, 0);
    idx.cbkeymost = 12;
    ck_assert_int_eq(make1(&kb, &idx, seq, 16, JET_bitPartialColumnEndLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 01 02 03 04 05 06 07 08 09 09 0A FF");
}
END_TEST

START_TEST(limits_unicode)
{
    struct key_index idx = one_col(JET_coltypText, 0);
    struct key_builder kb;
    uint16_t s[2] = {'a', 'b'};

    idx.cols[0].cp = 1200;
    ck_assert_int_eq(make1(&kb, &idx, s, 4, JET_bitPartialColumnStartLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 02 43 02 44");
    ck_assert_int_eq(make1(&kb, &idx, s, 4, JET_bitPartialColumnEndLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 02 43 02 44 FF*251");
    ck_assert_int_eq(make1(&kb, &idx, s, 4, JET_bitStrLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 02 43 02 44 01 01 01 01 00 FF*246");
    idx.cols[0].descending = 1;
    ck_assert_int_eq(make1(&kb, &idx, s, 4, JET_bitPartialColumnStartLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "80 FD BC FD BB");
}
END_TEST

START_TEST(limits_second_column)
{
    struct key_index idx = long_text_index();
    struct key_builder kb;
    int32_t one = 1;

    ck_assert_int_eq(make1(&kb, &idx, &one, 4, 0), 0);
    ck_assert_int_eq(key_make(&kb, &idx, "ab", 2, JET_bitPartialColumnEndLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 80 00 00 01 7F 41 42 FF*248");
    ck_assert_int_eq(make1(&kb, &idx, &one, 4, 0), 0);
    ck_assert_int_eq(key_make(&kb, &idx, "ab", 2, JET_bitPartialColumnStartLimit), 0);
    EXPECT_KEY(kb.buf, (int)kb.len, "7F 80 00 00 01 7F 41 42");
    idx.cbkeymost = 1000;
    ck_assert_int_eq(make1(&kb, &idx, &one, 4, JET_bitFullColumnEndLimit), 0);
    ck_assert_int_eq(kb.len, 1001);
}
END_TEST

/* Prefix ranges: every value starting with the prefix sorts between the
 * partial start and end limit keys, and no other value does. */
static void check_prefix_range(struct key_index *idx, const char *alphabet, int unicode)
{
    struct key_builder lo, hi;
    uint8_t k[KEY_BUF_MAX], p[8], v[16];
    uint16_t wp[8], wv[16];
    int i, j;

    for (i = 0; i < 300; i++) {
        uint32_t pn = 1 + rnd() % 4, vn, n;
        int inside, lo_ok, hi_ok;
        for (n = 0; n < pn; n++) p[n] = (uint8_t)alphabet[rnd() % strlen(alphabet)];
        for (n = 0; n < pn; n++) wp[n] = p[n];
        REQUIRE_EQ(make1(&lo, idx, unicode ? (void *)wp : (void *)p, unicode ? pn * 2 : pn, JET_bitPartialColumnStartLimit), 0);
        REQUIRE_EQ(make1(&hi, idx, unicode ? (void *)wp : (void *)p, unicode ? pn * 2 : pn, JET_bitPartialColumnEndLimit), 0);
        for (j = 0; j < 50; j++) {
            int len;
            vn = 1 + rnd() % 8;
            for (n = 0; n < vn; n++) v[n] = (uint8_t)alphabet[rnd() % strlen(alphabet)];
            if (rnd() % 2 && vn >= pn) memcpy(v, p, pn);
            for (n = 0; n < vn; n++) wv[n] = v[n];
            len = key_normalize(idx, 0, unicode ? (void *)wv : (void *)v, unicode ? vn * 2 : vn, 0, k, idx->cbkeymost);
            REQUIRE_GT(len, 0);
            inside = vn >= pn && (unicode || idx->cols[0].coltyp == JET_coltypText ? cmp_upper(v, pn, p, pn) == 0 : memcmp(v, p, pn) == 0);
            lo_ok = key_compare(k, (uint32_t)len, lo.buf, lo.len) >= 0;
            hi_ok = key_compare(k, (uint32_t)len, hi.buf, hi.len) <= 0;
            REQUIRE_EQ(lo_ok && hi_ok, inside);
        }
    }
}

START_TEST(limits_prefix_ranges)
{
    struct key_index idx = one_col(JET_coltypText, 0);
    seed_rng();
    check_prefix_range(&idx, "abAB", 0);
    idx.cols[0].descending = 1;
    check_prefix_range(&idx, "abAB", 0);
    idx = one_col(JET_coltypLongBinary, 0);
    check_prefix_range(&idx, "\x01\x02\xFF", 0);
    idx.cols[0].descending = 1;
    check_prefix_range(&idx, "\x01\x02\xFF", 0);
    idx = one_col(JET_coltypText, 0);
    idx.cols[0].cp = 1200;
    check_prefix_range(&idx, "abAB", 1);
}
END_TEST

/* ---- truncation ---------------------------------------------------------------------- */

START_TEST(truncation_build)
{
    static char a300[300], a253[253];
    struct key_index idx;
    const void *vals[2];
    uint32_t lens[2];
    int trunc, n;
    int32_t one = 1;

    memset(a300, 'a', sizeof(a300));
    memset(a253, 'a', sizeof(a253));
    key_index_init(&idx);
    add_col(&idx, JET_coltypText, 0);
    add_col(&idx, JET_coltypLong, 0);
    vals[0] = a300, lens[0] = 300, vals[1] = &one, lens[1] = 4;
    n = key_build(&idx, vals, lens, keybuf, sizeof(keybuf), &trunc);
    ck_assert_int_eq(n, 255);
    ck_assert_int_eq(trunc, 1);
    /* Exactly full, then a NULL column: still a truncation. */
    vals[0] = a253, lens[0] = 253, vals[1] = NULL;
    n = key_build(&idx, vals, lens, keybuf, sizeof(keybuf), &trunc);
    ck_assert_int_eq(n, 255);
    ck_assert_int_eq(keybuf[254], 0);
    ck_assert_int_eq(trunc, 1);
    /* ... but not when it is the last column. */
    idx.ncols = 1;
    n = key_build(&idx, vals, lens, keybuf, sizeof(keybuf), &trunc);
    ck_assert_int_eq(n, 255);
    ck_assert_int_eq(trunc, 0);
    /* DisallowTruncation. */
    idx.ncols = 2;
    idx.grbit = JET_bitIndexDisallowTruncation;
    ck_assert_int_eq(key_build(&idx, vals, lens, keybuf, sizeof(keybuf), &trunc), JET_errKeyTruncated);
    ck_assert_int_eq(trunc, 1);
    idx.ncols = 1;
    ck_assert_int_eq(key_build(&idx, vals, lens, keybuf, sizeof(keybuf), &trunc), 255);
    /* A fixed-size segment is cut too. */
    idx = one_col(JET_coltypLong, 0);
    idx.cbkeymost = 3;
    vals[0] = &one, lens[0] = 4;
    EXPECT_KEY(keybuf, key_build(&idx, vals, lens, keybuf, sizeof(keybuf), &trunc), "7F 80 00");
    ck_assert_int_eq(trunc, 1);
    /* Bad arguments. */
    ck_assert_int_eq(key_build(&idx, vals, lens, keybuf, 2, &trunc), JET_errBufferTooSmall);
    ck_assert_int_eq(key_build(&idx, NULL, lens, keybuf, 20, &trunc), JET_errInvalidParameter);
    ck_assert_int_eq(key_build(NULL, vals, lens, keybuf, 20, &trunc), JET_errInvalidParameter);
    idx.ncols = 17;
    ck_assert_int_eq(key_build(&idx, vals, lens, keybuf, 20, &trunc), JET_errInvalidParameter);
}
END_TEST

START_TEST(truncation_var_seg_mac_text)
{
    struct key_index idx;
    const void *vals[2];
    uint32_t lens[2];
    int trunc;
    int32_t one = 1;

    key_index_init(&idx);
    add_col(&idx, JET_coltypText, 0);
    add_col(&idx, JET_coltypLong, 0);
    idx.cbvarsegmac = 10;
    vals[0] = "abcdefghijkl", lens[0] = 12, vals[1] = &one, lens[1] = 4;
    EXPECT_KEY(keybuf, key_build(&idx, vals, lens, keybuf, sizeof(keybuf), &trunc),
               "7F 41 42 43 44 45 46 47 48 49 7F 80 00 00 01");
    ck_assert_int_eq(trunc, 0);
    vals[0] = "abc", lens[0] = 3;
    EXPECT_KEY(keybuf, key_build(&idx, vals, lens, keybuf, sizeof(keybuf), &trunc),
               "7F 41 42 43 00 7F 80 00 00 01");
}
END_TEST

START_TEST(truncation_make)
{
    static char a300[300];
    struct key_index idx;
    struct key_builder kb;
    int32_t one = 1;

    memset(a300, 'a', sizeof(a300));
    key_index_init(&idx);
    add_col(&idx, JET_coltypText, 0);
    add_col(&idx, JET_coltypLong, 0);
    add_col(&idx, JET_coltypLong, 0);
    memset(&kb, 0, sizeof(kb));
    /* Cut silently at cbKeyMost; later segments are counted, add nothing,
     * and their limit flags do nothing either. */
    ck_assert_int_eq(key_make(&kb, &idx, a300, 300, JET_bitNewKey), 0);
    ck_assert_int_eq(kb.len, 255);
    ck_assert_int_eq(kb.buf[254], 'A');
    ck_assert_int_eq(key_make(&kb, &idx, &one, 4, JET_bitFullColumnEndLimit), 0);
    ck_assert_int_eq(kb.len, 255);
    ck_assert_int_eq(kb.limited, 0);
    ck_assert_int_eq(key_make(&kb, &idx, &one, 4, 0), 0);
    ck_assert_int_eq(key_make(&kb, &idx, &one, 4, 0), JET_errKeyIsMade);
    /* The limit group is still checked. */
    memset(&kb, 0, sizeof(kb));
    ck_assert_int_eq(key_make(&kb, &idx, a300, 300, JET_bitNewKey), 0);
    ck_assert_int_eq(key_make(&kb, &idx, &one, 4, JET_bitPartialColumnEndLimit), JET_errInvalidGrbit);
    /* A partial end limit on a cut text keeps all of it and adds one 0xFF. */
    ck_assert_int_eq(key_make(&kb, &idx, a300, 300, JET_bitNewKey | JET_bitPartialColumnEndLimit), 0);
    ck_assert_int_eq(kb.len, 256);
    ck_assert_int_eq(kb.buf[254], 'A');
    ck_assert_int_eq(kb.buf[255], 0xFF);
}
END_TEST

/* ---- robustness ---------------------------------------------------------------------- */

START_TEST(random_calls_do_not_crash)
{
    static const JET_COLTYP types[] = {JET_coltypBit, JET_coltypUnsignedByte, JET_coltypShort, JET_coltypLong,
                                       JET_coltypCurrency, JET_coltypIEEESingle, JET_coltypIEEEDouble,
                                       JET_coltypDateTime, JET_coltypBinary, JET_coltypText, JET_coltypLongBinary,
                                       JET_coltypLongText, JET_coltypUnsignedLong, JET_coltypLongLong,
                                       JET_coltypGUID, JET_coltypUnsignedShort, JET_coltypUnsignedLongLong};
    static uint8_t data[3000];
    struct key_builder kb;
    int i;

    seed_rng();
    memset(&kb, 0, sizeof(kb));
    for (i = 0; i < (int)sizeof(data); i++) data[i] = (uint8_t)rnd();
    for (i = 0; i < 20000; i++) {
        struct key_index idx;
        uint32_t c, cb;
        JET_ERR err;
        const void *vals[KEY_MAX_SEGMENTS];
        uint32_t lens[KEY_MAX_SEGMENTS];
        key_index_init(&idx);
        idx.ncols = 1 + rnd() % KEY_MAX_SEGMENTS;
        idx.cbkeymost = rnd() % 3 ? 255 : 1 + rnd() % 2000;
        idx.cbvarsegmac = rnd() % 3 ? 0 : rnd() % 300;
        idx.grbit = rnd();
        idx.map_flags = rnd() % 2 ? 0 : rnd();
        for (c = 0; c < idx.ncols; c++) {
            idx.cols[c].coltyp = types[rnd() % (sizeof(types) / sizeof(types[0]))];
            idx.cols[c].cp = rnd() % 2 ? 1200 : 1252;
            idx.cols[c].descending = (uint8_t)(rnd() % 2);
            idx.cols[c].fixed = (uint8_t)(rnd() % 4 == 0);
            idx.cols[c].cbmax = rnd() % 300;
            vals[c] = rnd() % 5 ? data + rnd() % 100 : NULL;
            lens[c] = rnd() % 3 ? rnd() % 20 : rnd() % 2900;
        }
        /* A cursor's key belongs to one index: start from no key. */
        key_builder_reset(&kb);
        for (c = 0; c < 1 + rnd() % 20; c++) {
            cb = rnd() % 3 ? rnd() % 20 : rnd() % 2900;
            err = key_make(&kb, &idx, rnd() % 5 ? data + rnd() % 100 : NULL, cb, rnd() & 0xFFF);
            REQUIRE_LE(err, 0);
            REQUIRE_LE(kb.len, idx.cbkeymost + 1);
        }
        err = key_build(&idx, vals, lens, keybuf, sizeof(keybuf), NULL);
        REQUIRE_LE(err, (int)idx.cbkeymost);
    }
}
END_TEST

Suite *key_suite(void)
{
    Suite *s = suite_create("key");
    TCase *bytes = tcase_create("bytes");
    TCase *order = tcase_create("order");
    TCase *make = tcase_create("make");

    tcase_add_test(bytes, bit_and_bytes);
    tcase_add_test(bytes, shorts);
    tcase_add_test(bytes, longs);
    tcase_add_test(bytes, long_longs);
    tcase_add_test(bytes, floats);
    tcase_add_test(bytes, guids);
    tcase_add_test(bytes, wrong_sizes);
    tcase_add_test(bytes, null_and_zero_length);
    tcase_add_test(bytes, binary_chunks);
    tcase_add_test(bytes, binary_fixed);
    tcase_add_test(bytes, binary_var_seg_mac);
    tcase_add_test(bytes, text_1252);
    tcase_add_test(bytes, text_1252_truncation_quirk);
    tcase_add_test(bytes, text_fixed_padding);
    tcase_add_test(bytes, text_legacy_255);
    tcase_add_test(bytes, unicode_basic_bytes);
    tcase_add_test(bytes, unicode_order_and_folding);
    tcase_add_test(bytes, unicode_truncation_and_determinism);
    tcase_add_test(bytes, unicode_column);
    tcase_add_test(bytes, unicode_callback_error);
    tcase_add_test(bytes, compare);
    suite_add_tcase(s, bytes);

    tcase_add_test(order, order_fixed_types);
    tcase_add_test(order, order_text_and_binary);
    tcase_add_test(order, order_unicode_ascii);
    tcase_add_test(order, order_two_columns);
    tcase_set_timeout(order, 60);
    suite_add_tcase(s, order);

    tcase_add_test(make, make_key_states);
    tcase_add_test(make, make_key_normalized);
    tcase_add_test(make, make_key_fixed_sizes);
    tcase_add_test(make, limits_fixed_type);
    tcase_add_test(make, limits_text_1252);
    tcase_add_test(make, limits_binary);
    tcase_add_test(make, limits_unicode);
    tcase_add_test(make, limits_second_column);
    tcase_add_test(make, limits_prefix_ranges);
    tcase_add_test(make, truncation_build);
    tcase_add_test(make, truncation_var_seg_mac_text);
    tcase_add_test(make, truncation_make);
    tcase_add_test(make, random_calls_do_not_crash);
    tcase_set_timeout(make, 60);
    suite_add_tcase(s, make);
    return s;
}
