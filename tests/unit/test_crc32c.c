/*
 * test_crc32c.c - CRC-32C against its published check value, the table and
 * hardware (SSE4.2) paths against each other and the bitwise definition,
 * and the page seal/verify helpers built on it.
 */
#include <stdio.h>
#include <string.h>

#include "crc32c.h"
#include "esent.h"
#include "page.h"
#include "unit.h"

START_TEST(check_value)
{
    ck_assert_uint_eq(crc32c(0, "123456789", 9), 0xE3069283u);
    ck_assert_uint_eq(crc32c(0, "", 0), 0);
    /* Incremental use gives the same result as one call. */
    ck_assert_uint_eq(crc32c(crc32c(0, "1234", 4), "56789", 5), 0xE3069283u);
}
END_TEST

START_TEST(unaligned_input)
{
    unsigned char buf[64];
    uint32_t want;
    int i;
    for (i = 0; i < 64; i++) buf[i] = (unsigned char)(i * 7 + 3);
    want = crc32c(0, buf + 1, 40);
    memmove(buf, buf + 1, 40);
    ck_assert_uint_eq(crc32c(0, buf, 40), want);
}
END_TEST

/* A bit-at-a-time CRC-32C: the definition, for checking both fast paths. */
static uint32_t crc_bitwise(uint32_t crc, const unsigned char *p, size_t n)
{
    int k;
    crc = ~crc;
    while (n--) {
        crc ^= *p++;
        for (k = 0; k < 8; k++) crc = (crc >> 1) ^ (0x82F63B78u & (0u - (crc & 1u)));
    }
    return ~crc;
}

static uint64_t rng_state;
static uint32_t rnd(void)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng_state >> 33);
}

START_TEST(table_and_hardware_agree)
{
    static unsigned char buf[8192 + 64];
    size_t i;
    int round;

    rng_state = unit_seed();
    printf("crc32c hardware path: %s\n", crc32c_hw_available() ? "yes" : "no (tables only)");
    ck_assert_uint_eq(crc32c_sw(0, "123456789", 9), 0xE3069283u);
    ck_assert_uint_eq(crc32c_hw(0, "123456789", 9), 0xE3069283u);
    for (i = 0; i < sizeof(buf); i++) buf[i] = (unsigned char)rnd();
    /* Every start alignment and every short length, through each head and
     * tail loop of both paths, against the bit-at-a-time definition. */
    for (i = 0; i < 16; i++) {
        size_t n;
        for (n = 0; n <= 200; n++) {
            uint32_t want = crc_bitwise(0x12345678u, buf + i, n);
            REQUIRE_EQ(crc32c_sw(0x12345678u, buf + i, n), want);
            REQUIRE_EQ(crc32c_hw(0x12345678u, buf + i, n), want);
        }
    }
    /* Random buffers, lengths, offsets, starting values, and splits of one
     * buffer into two calls. */
    for (round = 0; round < 2000; round++) {
        size_t off = rnd() % 64, n = rnd() % 8193, cut = n ? rnd() % (n + 1) : 0;
        uint32_t seed = round & 1 ? rnd() : 0, sw, hw;
        for (i = 0; i < 32; i++) buf[rnd() % sizeof(buf)] = (unsigned char)rnd();
        sw = crc32c_sw(seed, buf + off, n);
        hw = crc32c_hw(seed, buf + off, n);
        REQUIRE_EQ(sw, hw);
        REQUIRE_EQ(crc32c(seed, buf + off, n), sw);
        REQUIRE_EQ(crc32c_hw(crc32c_sw(seed, buf + off, cut), buf + off + cut, n - cut), sw);
        REQUIRE_EQ(crc32c_sw(crc32c_hw(seed, buf + off, cut), buf + off + cut, n - cut), sw);
        if (round < 50) REQUIRE_EQ(crc_bitwise(seed, buf + off, n), sw);
    }
}
END_TEST

START_TEST(page_seal_and_verify)
{
    static uint8_t page[4096];
    memset(page, 0, sizeof(page));
    ck_assert(page_is_zero(page, sizeof(page)));
    put_u32(page + PAGE_OFF_PGNO, 7);
    page[100] = 42;
    page_seal(page, sizeof(page));
    ck_assert_int_eq(page_verify(page, sizeof(page), 7), 0);
    ck_assert_int_eq(page_verify(page, sizeof(page), 8), JET_errReadVerifyFailure);
    page[4095] ^= 1;
    ck_assert_int_eq(page_verify(page, sizeof(page), 7), JET_errReadVerifyFailure);
    ck_assert(page_size_valid(8192) && !page_size_valid(2048) && !page_size_valid(4097));
}
END_TEST

Suite *crc32c_suite(void)
{
    Suite *s = suite_create("crc32c");
    TCase *tc = tcase_create("crc32c");
    tcase_add_test(tc, check_value);
    tcase_add_test(tc, unaligned_input);
    tcase_add_test(tc, table_and_hardware_agree);
    tcase_add_test(tc, page_seal_and_verify);
    suite_add_tcase(s, tc);
    return s;
}
