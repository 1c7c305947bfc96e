/*
 * test_debug.c - the WINEDEBUG parser and the dbgstr helpers of
 * engine/common/debug.c.
 */
#include <string.h>

#include "debug.h"
#include "unit.h"

#define E (1u << DBG_ERR)
#define F (1u << DBG_FIXME)
#define W (1u << DBG_WARN)
#define T (1u << DBG_TRACE)

START_TEST(defaults_are_err_and_fixme)
{
    ck_assert_uint_eq(dbg_parse_flags(NULL, "esent"), E | F);
    ck_assert_uint_eq(dbg_parse_flags("", "esent"), E | F);
}
END_TEST

START_TEST(plus_channel_enables_all_classes)
{
    ck_assert_uint_eq(dbg_parse_flags("+esent", "esent"), E | F | W | T);
    ck_assert_uint_eq(dbg_parse_flags("+esent", "other"), E | F);
    ck_assert_uint_eq(dbg_parse_flags("+all", "esent"), E | F | W | T);
}
END_TEST

START_TEST(class_prefix_limits_the_change)
{
    ck_assert_uint_eq(dbg_parse_flags("trace+esent", "esent"), E | F | T);
    ck_assert_uint_eq(dbg_parse_flags("warn+esent", "esent"), E | F | W);
    ck_assert_uint_eq(dbg_parse_flags("fixme-esent", "esent"), E);
    ck_assert_uint_eq(dbg_parse_flags("fixme-all", "esent"), E);
    ck_assert_uint_eq(dbg_parse_flags("err-all,fixme-all", "esent"), 0);
}
END_TEST

START_TEST(later_items_win)
{
    ck_assert_uint_eq(dbg_parse_flags("-all,+esent", "esent"), E | F | W | T);
    ck_assert_uint_eq(dbg_parse_flags("+esent,-all", "esent"), 0);
    ck_assert_uint_eq(dbg_parse_flags("+heap,trace+esent,-heap", "esent"), E | F | T);
}
END_TEST

START_TEST(garbage_is_ignored)
{
    ck_assert_uint_eq(dbg_parse_flags("esent", "esent"), E | F);
    ck_assert_uint_eq(dbg_parse_flags("bogus+esent", "esent"), E | F);
    ck_assert_uint_eq(dbg_parse_flags(",,;", "esent"), E | F);
    ck_assert_uint_eq(dbg_parse_flags("+esentx", "esent"), E | F);
    ck_assert_uint_eq(dbg_parse_flags("+esen", "esent"), E | F);
}
END_TEST

START_TEST(dbgstr_quotes_and_escapes)
{
    static const unsigned short w[] = { 'h', 'i', 0x263a, '\n', 0 };
    char big[1000];

    ck_assert_str_eq(dbgstr_a("abc"), "\"abc\"");
    ck_assert_str_eq(dbgstr_a(NULL), "(null)");
    ck_assert_str_eq(dbgstr_a("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
    ck_assert_str_eq(dbgstr_an("abcdef", 3), "\"abc\"");
    ck_assert_str_eq(dbgstr_w(w), "L\"hi\\x263a\\n\"");
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = 0;
    ck_assert(strlen(dbgstr_a(big)) < 300);
    ck_assert(strstr(dbgstr_a(big), "...\"") != NULL);
}
END_TEST

Suite *debug_suite(void)
{
    Suite *s = suite_create("debug");
    TCase *tc = tcase_create("winedebug");
    tcase_add_test(tc, defaults_are_err_and_fixme);
    tcase_add_test(tc, plus_channel_enables_all_classes);
    tcase_add_test(tc, class_prefix_limits_the_change);
    tcase_add_test(tc, later_items_win);
    tcase_add_test(tc, garbage_is_ignored);
    suite_add_tcase(s, tc);
    tc = tcase_create("dbgstr");
    tcase_add_test(tc, dbgstr_quotes_and_escapes);
    suite_add_tcase(s, tc);
    return s;
}
