/*
 * test_handles.c - the Jet layer's handle table (dlls/esent/handles.c):
 * handles resolve to their object only with their own type, never after
 * they were freed (also when the slot is reused), forged values fail, the
 * table grows past its chunk size, and lock-free lookups from threads
 * while others issue and free handles see their own objects only.
 */
#include <pthread.h>
#include <stdint.h>

#include "jet_private.h"
#include "unit.h"

START_TEST(handles_types_and_stale)
{
    int a, b;
    JET_API_PTR ha = handle_new(HANDLE_SESSION, &a), hb;

    ck_assert(ha != 0 && ha != (JET_API_PTR)~(JET_API_PTR)0);
    ck_assert_ptr_eq(handle_get(ha, HANDLE_SESSION), &a);
    ck_assert_ptr_null(handle_get(ha, HANDLE_TABLE));
    ck_assert_ptr_null(handle_get(ha, HANDLE_INSTANCE));
    handle_free(ha);
    ck_assert_ptr_null(handle_get(ha, HANDLE_SESSION));
    /* The slot is reused with a new generation: the old handle stays dead. */
    hb = handle_new(HANDLE_SESSION, &b);
    ck_assert(hb != ha);
    ck_assert_ptr_null(handle_get(ha, HANDLE_SESSION));
    ck_assert_ptr_eq(handle_get(hb, HANDLE_SESSION), &b);
    handle_free(ha); /* stale: does nothing */
    ck_assert_ptr_eq(handle_get(hb, HANDLE_SESSION), &b);
    handle_free(hb);
}
END_TEST

START_TEST(handles_forged)
{
    int a;
    JET_API_PTR h = handle_new(HANDLE_TABLE, &a);

    ck_assert_ptr_null(handle_get(0, HANDLE_TABLE));
    ck_assert_ptr_null(handle_get((JET_API_PTR)~(JET_API_PTR)0, HANDLE_TABLE));
    ck_assert_ptr_null(handle_get(h ^ 0xff000000u, HANDLE_TABLE)); /* another generation */
    ck_assert_ptr_null(handle_get(h & 0xff0fffffu, HANDLE_TABLE)); /* no type */
    ck_assert_ptr_null(handle_get((h & ~(JET_API_PTR)0xfffff) | 0xfffff, HANDLE_TABLE)); /* slot never issued */
    if (sizeof(JET_API_PTR) > 4) ck_assert_ptr_null(handle_get(h | (JET_API_PTR)1 << 40, HANDLE_TABLE));
    ck_assert_ptr_eq(handle_get(h, HANDLE_TABLE), &a);
    handle_free(h);
}
END_TEST

/* More handles than a chunk holds: every one resolves, then none. */
START_TEST(handles_grow)
{
    enum { N = 3000 };
    static JET_API_PTR h[N];
    static int obj[N];
    int i;

    for (i = 0; i < N; i++) ck_assert((h[i] = handle_new(HANDLE_INSTANCE, &obj[i])) != 0);
    for (i = 0; i < N; i++) REQUIRE(handle_get(h[i], HANDLE_INSTANCE) == &obj[i]);
    for (i = 0; i < N; i += 2) handle_free(h[i]);
    for (i = 0; i < N; i++) REQUIRE(handle_get(h[i], HANDLE_INSTANCE) == (i % 2 ? &obj[i] : NULL));
    for (i = 1; i < N; i += 2) handle_free(h[i]);
    for (i = 0; i < N; i++) REQUIRE(!handle_get(h[i], HANDLE_INSTANCE));
}
END_TEST

/* Threads each issue, look up and free their own handles at once: a
 * lookup never returns another thread's object. */
static void *churn(void *arg)
{
    int objs[16], i, round;
    JET_API_PTR h[16];
    (void)arg;
    for (round = 0; round < 2000; round++) {
        for (i = 0; i < 16; i++) REQUIRE((h[i] = handle_new(HANDLE_TABLE, &objs[i])) != 0);
        for (i = 0; i < 16; i++) REQUIRE(handle_get(h[i], HANDLE_TABLE) == &objs[i]);
        for (i = 0; i < 16; i++) handle_free(h[i]);
        for (i = 0; i < 16; i++) REQUIRE(handle_get(h[i], HANDLE_TABLE) != &objs[i]);
    }
    return NULL;
}

START_TEST(handles_threads)
{
    pthread_t t[4];
    int i;
    for (i = 0; i < 4; i++) ck_assert_int_eq(pthread_create(&t[i], NULL, churn, NULL), 0);
    for (i = 0; i < 4; i++) pthread_join(t[i], NULL);
}
END_TEST

Suite *handles_suite(void)
{
    Suite *s = suite_create("handles");
    TCase *tc = tcase_create("handles");
    tcase_add_test(tc, handles_types_and_stale);
    tcase_add_test(tc, handles_forged);
    tcase_add_test(tc, handles_grow);
    tcase_add_test(tc, handles_threads);
    suite_add_tcase(s, tc);
    return s;
}
