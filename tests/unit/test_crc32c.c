/*
 * test_crc32c.c - CRC-32C against its published check value, and the
 * page seal/verify helpers built on it.
 */
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
    tcase_add_test(tc, page_seal_and_verify);
    suite_add_tcase(s, tc);
    return s;
}
