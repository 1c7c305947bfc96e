/*
 * test_params.c - the system parameter table and its value stores
 * (dlls/esent/params.h): every row reads back its default, numbers and
 * strings round-trip and are refused out of range, the JetInit and
 * read-only rules, JET_paramEnableAdvanced, JET_paramConfiguration, the
 * values computed from the page size, the special parameters, deep copies,
 * and the exact set-then-get cases of ManagedEsent's parameter tests.
 */
#include <stdlib.h>
#include <string.h>

#include "esent.h"
#include "params.h"
#include "params_int.h"
#include "unit.h"

#define UMAX ((JET_API_PTR)-1)

#ifdef _WIN32
#define DIR_DEFAULT ".\\"
#define DIR_SEP '\\'
#else
#define DIR_DEFAULT "./"
#define DIR_SEP '/'
#endif

/* ---- helpers -------------------------------------------------------------- */

static struct param_values *fresh(void)
{
    struct param_values *v = params_new_defaults();
    ck_assert_ptr_nonnull(v);
    return v;
}

/* A UTF-16 copy of an ASCII string, in a small ring of static buffers. */
static const wchar16 *W(const char *s)
{
    static wchar16 ring[4][600];
    static int next;
    wchar16 *w = ring[next++ % 4];
    size_t i;
    for (i = 0; s[i]; i++) w[i] = (unsigned char)s[i];
    w[i] = 0;
    return w;
}

static size_t wlen(const wchar16 *s)
{
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

static int weq(const wchar16 *a, const wchar16 *b)
{
    size_t n = wlen(a);
    return n == wlen(b) && !memcmp(a, b, n * sizeof(*a));
}

static JET_API_PTR get_num(const struct param_values *v, unsigned long id)
{
    JET_API_PTR n = 0xdeadbeef;
    ck_assert_int_eq(params_get(v, id, &n, NULL, 0), JET_errSuccess);
    return n;
}

static const wchar16 *get_str(const struct param_values *v, unsigned long id)
{
    static wchar16 buf[1024];
    ck_assert_int_eq(params_get(v, id, NULL, buf, sizeof(buf)), JET_errSuccess);
    return buf;
}

/* Rows with behaviour of their own, tested separately. */
static int is_special(unsigned long id)
{
    switch (id) {
    case JET_paramConfiguration:
    case JET_paramUnicodeIndexDefault:
    case JET_paramCommitDefault:
    case JET_paramEnableShrinkDatabase:
    case JET_paramErrorToString:
    case JET_paramTransactionLevel:
    case JET_paramRecoveryCurrentLogfile:
        return 1;
    default:
        return 0;
    }
}

static int is_settable_number(const struct param_entry *e)
{
    return e->info.type != PARAM_STRING && e->info.when != PARAM_READONLY && !is_special(e->info.id);
}

/* A valid value different from the default, or 0 when the range holds only
 * the default. */
static int other_value(const struct param_entry *e, JET_API_PTR *out)
{
    const struct param_info *p = &e->info;
    if (e->flags & PF_BOOL) {
        if (p->max == 0) return 0;
        *out = !p->def;
        return 1;
    }
    if (p->min == p->max) return 0;
    *out = p->def != p->min ? p->min : p->max;
    return 1;
}

/* ---- the table -------------------------------------------------------------- */

START_TEST(table_sane)
{
    size_t i;
    ck_assert_uint_eq(param_table_count, 220);
    for (i = 0; i < param_table_count; i++) {
        const struct param_entry *e = &param_table[i];
        const struct param_info *p = &e->info;
        if (i) ck_assert_msg(param_table[i - 1].info.id < p->id, "%s: ids not sorted or not unique", p->name);
        ck_assert_uint_lt(p->id, JET_paramMaxValueInvalid);
        ck_assert_ptr_eq(param_lookup(p->id), p);
        ck_assert_msg(!strncmp(p->name, "JET_param", 9), "%s", p->name);
        ck_assert_msg(p->min <= p->max, "%s: empty range", p->name);
        if (p->type == PARAM_STRING) {
            ck_assert_msg(p->def_str != NULL, "%s: no default string", p->name);
            ck_assert_msg(strlen(p->def_str) >= p->min && strlen(p->def_str) <= p->max,
                          "%s: default string out of range", p->name);
            ck_assert_msg(!(e->flags & (PF_BOOL | PF_POW2)), "%s", p->name);
        } else {
            ck_assert_msg(p->def_str == NULL, "%s", p->name);
            ck_assert_msg(p->def >= p->min && p->def <= p->max, "%s: default out of range", p->name);
            ck_assert_msg(!(e->flags & PF_FOLDER), "%s", p->name);
        }
        if (e->flags & PF_BOOL) ck_assert_msg(p->def <= 1, "%s", p->name);
        if (e->flags & PF_POW2) ck_assert_msg(!(p->def & (p->def - 1)), "%s", p->name);
        if (p->when == PARAM_READONLY) ck_assert_msg(!(e->flags & PF_ADV), "%s", p->name);
    }
    /* every id ESENT defines, except the one it never assigned */
    for (i = 0; i < JET_paramMaxValueInvalid; i++)
        ck_assert_msg((param_lookup((unsigned long)i) == NULL) == (i == 185), "id %u", (unsigned)i);
    ck_assert_ptr_null(param_lookup(JET_paramMaxValueInvalid));
    ck_assert_ptr_null(param_lookup(0xffffffffUL));
    /* the kinds the API layer relies on */
    ck_assert_int_eq(param_lookup(JET_paramBaseName)->type, PARAM_STRING);
    ck_assert_int_eq(param_lookup(JET_paramErrorToString)->type, PARAM_STRING);
    ck_assert_int_eq(param_lookup(JET_paramRuntimeCallback)->type, PARAM_POINTER);
    ck_assert_int_eq(param_lookup(JET_paramDatabasePageSize)->scope, PARAM_SCOPE_GLOBAL);
    ck_assert_int_eq(param_lookup(JET_paramMaxInstances)->scope, PARAM_SCOPE_GLOBAL);
    ck_assert_int_eq(param_lookup(JET_paramLogFileSize)->scope, PARAM_SCOPE_INSTANCE);
    ck_assert_str_eq(param_lookup(JET_paramLVChunkSizeMost)->name, "JET_paramLVChunkSizeMost");
}
END_TEST

/* ---- defaults ---------------------------------------------------------------- */

START_TEST(defaults_read_back)
{
    struct param_values *v = fresh();
    size_t i;
    for (i = 0; i < param_table_count; i++) {
        const struct param_info *p = &param_table[i].info;
        JET_API_PTR n = 0x1234;
        wchar16 buf[300];
        JET_ERR err = params_get(v, p->id, &n, buf, sizeof(buf));
        switch (p->id) {
        case JET_paramErrorToString:
        case JET_paramTransactionLevel:
        case JET_paramRecoveryCurrentLogfile:
            ck_assert_msg(err == JET_errInvalidParameter, "%s: %d", p->name, (int)err);
            continue;
        case JET_paramUnicodeIndexDefault:
            ck_assert_int_eq(err, JET_errSuccess);
            continue;
        default:
            break;
        }
        ck_assert_msg(err == JET_errSuccess, "%s: %d", p->name, (int)err);
        if (p->type == PARAM_STRING) {
            ck_assert_msg(weq(buf, W(p->def_str)), "%s: default string", p->name);
            ck_assert_uint_eq(n, 0);
            ck_assert_msg(weq(params_str(v, p->id), W(p->def_str)), "%s", p->name);
        } else {
            ck_assert_msg(n == p->def, "%s: %llu, want %llu", p->name, (unsigned long long)n,
                          (unsigned long long)p->def);
            ck_assert_msg(params_num(v, p->id) == p->def, "%s", p->name);
            ck_assert_ptr_null(params_str(v, p->id));
        }
    }
    params_free(v);
}
END_TEST

/* ESENT's real defaults (ese-engine-notes.md 2.4). */
START_TEST(esent_defaults)
{
    struct param_values *v = fresh();
    ck_assert_uint_eq(get_num(v, JET_paramLogFileSize), 5120);
    ck_assert_uint_eq(get_num(v, JET_paramMaxSessions), 16);
    ck_assert_uint_eq(get_num(v, JET_paramMaxVerPages), 64);
    ck_assert_uint_eq(get_num(v, JET_paramDatabasePageSize), 4096);
    ck_assert_uint_eq(get_num(v, JET_paramCacheSizeMax), 2000000000);
    ck_assert_uint_eq(get_num(v, JET_paramCacheSizeMin), 1);
    ck_assert_uint_eq(get_num(v, JET_paramCircularLog), 0);
    ck_assert_uint_eq(get_num(v, JET_paramEnableIndexChecking), 1);
    ck_assert_uint_eq(get_num(v, JET_paramMaxInstances), 16);
    ck_assert_uint_eq(get_num(v, JET_paramLegacyFileNames), 3);
    ck_assert_uint_eq(get_num(v, JET_paramVersionStoreTaskQueueMax), 4);
    ck_assert_uint_eq(get_num(v, JET_paramEnableOnlineDefrag), JET_OnlineDefragAll);
    ck_assert_uint_eq(get_num(v, JET_paramConfiguration), 1);
    ck_assert_uint_eq(get_num(v, JET_paramEnableAdvanced), 1);
    ck_assert_uint_eq(get_num(v, JET_paramVerPageSize), 16384 * sizeof(void *) / 4);
    ck_assert(weq(get_str(v, JET_paramBaseName), W("edb")));
    ck_assert(weq(get_str(v, JET_paramTempPath), W("tmp.edb")));
    ck_assert(weq(get_str(v, JET_paramRecovery), W("on")));
    ck_assert(weq(get_str(v, JET_paramSystemPath), W(DIR_DEFAULT)));
    ck_assert(weq(get_str(v, JET_paramLogFilePath), W(DIR_DEFAULT)));
    ck_assert(weq(get_str(v, JET_paramTableClass31Name), W("TableClass31")));
    params_free(v);
}
END_TEST

/* ---- numbers ------------------------------------------------------------------ */

START_TEST(numbers_round_trip)
{
    size_t i;
    for (i = 0; i < param_table_count; i++) {
        const struct param_entry *e = &param_table[i];
        const struct param_info *p = &e->info;
        JET_API_PTR tries[3];
        int k;
        if (!is_settable_number(e)) continue;
        tries[0] = p->min;
        tries[1] = p->max;
        tries[2] = (e->flags & PF_POW2) ? p->min * 2 : p->min + (p->max - p->min) / 2;
        for (k = 0; k < 3; k++) {
            struct param_values *v = fresh();
            JET_API_PTR want = (e->flags & PF_BOOL) ? tries[k] != 0 : tries[k];
            ck_assert_msg(params_set(v, p->id, tries[k], NULL, 0) == JET_errSuccess, "%s = %llu", p->name,
                          (unsigned long long)tries[k]);
            ck_assert_msg(get_num(v, p->id) == want, "%s: read back", p->name);
            ck_assert_msg(params_num(v, p->id) == want, "%s: params_num", p->name);
            params_free(v);
        }
    }
}
END_TEST

START_TEST(numbers_out_of_range)
{
    size_t i;
    int checked = 0;
    for (i = 0; i < param_table_count; i++) {
        const struct param_entry *e = &param_table[i];
        const struct param_info *p = &e->info;
        struct param_values *v;
        if (!is_settable_number(e)) continue;
        v = fresh();
        if (p->min > 0) {
            ck_assert_msg(params_set(v, p->id, p->min - 1, NULL, 0) == JET_errInvalidParameter, "%s below", p->name);
            checked++;
        }
        if (p->max != UMAX) {
            ck_assert_msg(params_set(v, p->id, p->max + 1, NULL, 0) == JET_errInvalidParameter, "%s above", p->name);
            ck_assert_msg(params_set(v, p->id, UMAX, NULL, 0) == JET_errInvalidParameter, "%s: -1", p->name);
            checked++;
        }
        ck_assert_msg(get_num(v, p->id) == p->def, "%s: changed by a refused set", p->name);
        params_free(v);
    }
    ck_assert_int_gt(checked, 100);
}
END_TEST

START_TEST(page_size)
{
    struct param_values *v = fresh();
    static const JET_API_PTR bad[] = { 0, 512, 1024, 2048, 4095, 4097, 6144, 12288, 65536, UMAX };
    size_t i;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        ck_assert_int_eq(params_set(v, JET_paramDatabasePageSize, bad[i], NULL, 0), JET_errInvalidParameter);
    /* the read-only values follow the page size */
    ck_assert_uint_eq(get_num(v, JET_paramKeyMost), 1000);
    ck_assert_uint_eq(get_num(v, JET_paramLVChunkSizeMost), 4014);
    ck_assert_uint_eq(get_num(v, JET_paramRecordSizeMost), 4052);
    ck_assert_int_eq(params_set(v, JET_paramDatabasePageSize, 8192, NULL, 0), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramKeyMost), 2000);
    ck_assert_uint_eq(get_num(v, JET_paramLVChunkSizeMost), 8110);
    ck_assert_uint_eq(get_num(v, JET_paramRecordSizeMost), 8148);
    ck_assert_int_eq(params_set(v, JET_paramDatabasePageSize, 16384, NULL, 0), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramKeyMost), 2000);
    ck_assert_uint_eq(get_num(v, JET_paramLVChunkSizeMost), 4050);
    ck_assert_uint_eq(get_num(v, JET_paramRecordSizeMost), 16300);
    ck_assert_int_eq(params_set(v, JET_paramDatabasePageSize, 32768, NULL, 0), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramKeyMost), 2000);
    ck_assert_uint_eq(params_num(v, JET_paramLVChunkSizeMost), 8150);
    ck_assert_uint_eq(params_num(v, JET_paramRecordSizeMost), 32684);
    ck_assert_uint_eq(get_num(v, JET_paramDatabasePageSize), 32768);
    /* ... and cannot be set */
    ck_assert_int_eq(params_set(v, JET_paramKeyMost, 2000, NULL, 0), JET_errInvalidParameter);
    params_free(v);
}
END_TEST

START_TEST(booleans)
{
    struct param_values *v = fresh();
    ck_assert_int_eq(params_set(v, JET_paramCircularLog, 5, NULL, 0), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramCircularLog), 1);
    ck_assert_int_eq(params_set(v, JET_paramCircularLog, 0, NULL, 0), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramCircularLog), 0);
    ck_assert_int_eq(params_set(v, JET_paramNoInformationEvent, UMAX, NULL, 0), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramNoInformationEvent), 1);
    /* some booleans take only 0 and 1, one only 0 */
    ck_assert_int_eq(params_set(v, JET_paramEnableRBS, 2, NULL, 0), JET_errInvalidParameter);
    ck_assert_int_eq(params_set(v, JET_paramIgnoreLogVersion, 1, NULL, 0), JET_errInvalidParameter);
    ck_assert_int_eq(params_set(v, JET_paramIgnoreLogVersion, 0, NULL, 0), JET_errSuccess);
    params_free(v);
}
END_TEST

/* ---- strings ---------------------------------------------------------------- */

START_TEST(strings_round_trip)
{
    /* ü € U+1F600 (a surrogate pair) ß, then ASCII to fill */
    static const wchar16 nonascii[] = { 0x00FC, 0x20AC, 0xD83D, 0xDE00, 0x00DF, 0 };
    size_t i;
    int tested = 0;
    for (i = 0; i < param_table_count; i++) {
        const struct param_entry *e = &param_table[i];
        const struct param_info *p = &e->info;
        struct param_values *v;
        wchar16 val[600], want[600], buf[600];
        size_t n, k;
        JET_API_PTR num = 77;
        if (p->type != PARAM_STRING || p->when == PARAM_READONLY) continue;
        v = fresh();
        /* the longest accepted value (folders: room for the delimiter) */
        n = p->max > 300 ? 300 : (size_t)p->max;
        if ((e->flags & PF_FOLDER) && n) n--;
        for (k = 0; k < n; k++) val[k] = k < 5 ? nonascii[k] : (wchar16)('a' + k % 26);
        val[n] = 0;
        memcpy(want, val, (n + 1) * sizeof(wchar16));
        if ((e->flags & PF_FOLDER) && n) {
            want[n] = DIR_SEP;
            want[n + 1] = 0;
        }
        if (n < p->min) { /* only the empty string fits (LogFileFailoverPath) */
            params_free(v);
            continue;
        }
        ck_assert_msg(params_set(v, p->id, 0, val, 0) == JET_errSuccess, "%s", p->name);
        ck_assert_msg(params_get(v, p->id, &num, buf, sizeof(buf)) == JET_errSuccess, "%s", p->name);
        ck_assert_msg(weq(buf, want), "%s: read back", p->name);
        ck_assert_uint_eq(num, 0);
        ck_assert_msg(weq(params_str(v, p->id), want), "%s", p->name);

        /* exactly enough room, one unit short (truncated, NUL-terminated), none */
        k = wlen(want);
        ck_assert_int_eq(params_get(v, p->id, NULL, buf, (unsigned long)((k + 1) * 2)), JET_errSuccess);
        ck_assert(weq(buf, want));
        if (k) {
            ck_assert_int_eq(params_get(v, p->id, NULL, buf, (unsigned long)(k * 2)), JET_errBufferTooSmall);
            ck_assert_uint_eq(buf[k - 1], 0);
            ck_assert(!memcmp(buf, want, (k - 1) * 2));
            ck_assert_int_eq(params_get(v, p->id, NULL, buf, (unsigned long)(k * 2 + 1)), JET_errBufferTooSmall);
        }
        ck_assert_int_eq(params_get(v, p->id, NULL, buf, 1), JET_errBufferTooSmall);
        ck_assert_int_eq(params_get(v, p->id, NULL, buf, 0), JET_errInvalidParameter);
        ck_assert_int_eq(params_get(v, p->id, NULL, NULL, 100), JET_errInvalidParameter);

        /* one character too many */
        if (p->max < 300) {
            for (k = 0; k <= p->max; k++) val[k] = 'x';
            val[p->max + 1] = 0;
            ck_assert_msg(params_set(v, p->id, 0, val, 0) == JET_errInvalidParameter, "%s: too long", p->name);
            ck_assert_msg(weq(get_str(v, p->id), want), "%s: changed by a refused set", p->name);
        }
        /* NULL is the empty string */
        ck_assert_msg(params_set(v, p->id, 0, NULL, 0) == (p->min ? JET_errInvalidParameter : JET_errSuccess),
                      "%s: NULL", p->name);
        if (!p->min) ck_assert(weq(get_str(v, p->id), W("")));
        params_free(v);
        tested++;
    }
    ck_assert_int_ge(tested, 40);
}
END_TEST

START_TEST(base_name_and_recovery)
{
    struct param_values *v = fresh();
    ck_assert_int_eq(params_set(v, JET_paramBaseName, 0, W("ab"), 0), JET_errInvalidParameter);
    ck_assert_int_eq(params_set(v, JET_paramBaseName, 0, W("abcd"), 0), JET_errInvalidParameter);
    ck_assert_int_eq(params_set(v, JET_paramBaseName, 0, W(""), 0), JET_errInvalidParameter);
    ck_assert_int_eq(params_set(v, JET_paramBaseName, 0, W("xyz"), 0), JET_errSuccess);
    ck_assert(weq(get_str(v, JET_paramBaseName), W("xyz")));
    /* any string of up to 259 characters; logging is on only for "on" */
    ck_assert_int_eq(params_set(v, JET_paramRecovery, 0, W("off"), 0), JET_errSuccess);
    ck_assert(weq(get_str(v, JET_paramRecovery), W("off")));
    ck_assert_int_eq(params_set(v, JET_paramRecovery, 0, W("Off"), 0), JET_errSuccess);
    ck_assert(weq(get_str(v, JET_paramRecovery), W("Off")));
    ck_assert_int_eq(params_set(v, JET_paramRecovery, 0, W("On"), 0), JET_errSuccess);
    ck_assert(weq(get_str(v, JET_paramRecovery), W("On")));
    params_free(v);
}
END_TEST

START_TEST(folders)
{
    struct param_values *v = fresh();
    char s[300];
    ck_assert_int_eq(params_set(v, JET_paramLogFilePath, 0, W("d:\\logs"), 0), JET_errSuccess);
    ck_assert(weq(get_str(v, JET_paramLogFilePath), W("d:\\logs\\")));
    ck_assert_int_eq(params_set(v, JET_paramSystemPath, 0, W("d:\\a\\b\\c\\system\\"), 0), JET_errSuccess);
    ck_assert(weq(get_str(v, JET_paramSystemPath), W("d:\\a\\b\\c\\system\\")));
    ck_assert_int_eq(params_set(v, JET_paramSystemPath, 0, W("/var/lib/x"), 0), JET_errSuccess);
    ck_assert(weq(get_str(v, JET_paramSystemPath), W("/var/lib/x/")));
    ck_assert_int_eq(params_set(v, JET_paramAlternateDatabaseRecoveryPath, 0, W("z:\\my\\db"), 0), JET_errSuccess);
    ck_assert(weq(get_str(v, JET_paramAlternateDatabaseRecoveryPath), W("z:\\my\\db\\")));
    ck_assert_int_eq(params_set(v, JET_paramSystemPath, 0, W("dir"), 0), JET_errSuccess);
    ck_assert(weq(get_str(v, JET_paramSystemPath), W(DIR_SEP == '/' ? "dir/" : "dir\\")));
    ck_assert_int_eq(params_set(v, JET_paramSystemPath, 0, W(""), 0), JET_errSuccess);
    ck_assert(weq(get_str(v, JET_paramSystemPath), W("")));
    /* 246 characters at most, the delimiter included */
    memset(s, 'a', 246);
    s[246] = 0;
    ck_assert_int_eq(params_set(v, JET_paramSystemPath, 0, W(s), 0), JET_errInvalidParameter);
    s[245] = '/';
    ck_assert_int_eq(params_set(v, JET_paramSystemPath, 0, W(s), 0), JET_errSuccess);
    s[245] = 0;
    ck_assert_int_eq(params_set(v, JET_paramSystemPath, 0, W(s), 0), JET_errSuccess);
    ck_assert_uint_eq(wlen(get_str(v, JET_paramSystemPath)), 246);
    /* the temporary database is a path, not a folder: nothing is added */
    ck_assert_int_eq(params_set(v, JET_paramTempPath, 0, W("c:\\bar\\baz"), 0), JET_errSuccess);
    ck_assert(weq(get_str(v, JET_paramTempPath), W("c:\\bar\\baz")));
    params_free(v);
}
END_TEST

/* ---- when a value may change ------------------------------------------------- */

START_TEST(before_init_rule)
{
    size_t i;
    int before = 0, anytime = 0;
    for (i = 0; i < param_table_count; i++) {
        const struct param_entry *e = &param_table[i];
        const struct param_info *p = &e->info;
        struct param_values *v;
        JET_API_PTR other;
        JET_ERR err;
        if (p->when == PARAM_READONLY || is_special(p->id)) continue;
        v = fresh();
        if (p->type == PARAM_STRING) {
            const char *s = p->max == 0 ? "" : p->min == 3 ? "abc" : "x";
            err = params_set(v, p->id, 0, W(s), 1);
        } else {
            if (!other_value(e, &other)) {
                params_free(v);
                continue;
            }
            err = params_set(v, p->id, other, NULL, 1);
            /* the current value may always be "set" again */
            ck_assert_msg(params_set(v, p->id, get_num(v, p->id), NULL, 1) == JET_errSuccess, "%s: same value",
                          p->name);
        }
        if (p->when == PARAM_BEFORE_INIT) {
            ck_assert_msg(err == JET_errAlreadyInitialized, "%s: %d", p->name, (int)err);
            if (p->type != PARAM_STRING) ck_assert_msg(get_num(v, p->id) == p->def, "%s changed", p->name);
            else ck_assert_msg(weq(get_str(v, p->id), W(p->def_str)), "%s changed", p->name);
            before++;
        } else {
            ck_assert_msg(err == JET_errSuccess, "%s: %d", p->name, (int)err);
            anytime++;
        }
        params_free(v);
    }
    ck_assert_int_gt(before, 50);
    ck_assert_int_gt(anytime, 50);
}
END_TEST

START_TEST(read_only)
{
    struct param_values *v = fresh();
    size_t i;
    int n = 0;
    for (i = 0; i < param_table_count; i++) {
        const struct param_info *p = &param_table[i].info;
        JET_API_PTR cur = 0;
        if (p->when != PARAM_READONLY) continue;
        if (p->type != PARAM_STRING) params_get(v, p->id, &cur, NULL, 0);
        ck_assert_msg(params_set(v, p->id, cur, W("x"), 0) == JET_errInvalidParameter, "%s", p->name);
        ck_assert_msg(params_set(v, p->id, cur + 1, NULL, 0) == JET_errInvalidParameter, "%s", p->name);
        n++;
    }
    ck_assert_int_eq(n, 10);
    params_free(v);
}
END_TEST

START_TEST(unknown_ids)
{
    struct param_values *v = fresh();
    static const unsigned long bad[] = { 185, JET_paramMaxValueInvalid, 222, 1000, 0x7fffffffUL, 0xffffffffUL };
    wchar16 buf[10];
    JET_API_PTR n;
    size_t i;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        ck_assert_int_eq(params_set(v, bad[i], 0, NULL, 0), JET_errInvalidParameter);
        ck_assert_int_eq(params_get(v, bad[i], &n, buf, sizeof(buf)), JET_errInvalidParameter);
        ck_assert_uint_eq(params_num(v, bad[i]), 0);
        ck_assert_ptr_null(params_str(v, bad[i]));
    }
    ck_assert_int_eq(params_set(NULL, JET_paramMaxSessions, 1, NULL, 0), JET_errInvalidParameter);
    ck_assert_int_eq(params_get(NULL, JET_paramMaxSessions, &n, NULL, 0), JET_errInvalidParameter);
    /* a number needs the integer buffer */
    ck_assert_int_eq(params_get(v, JET_paramMaxSessions, NULL, buf, sizeof(buf)), JET_errInvalidParameter);
    params_free(v);
}
END_TEST

/* ---- copies ----------------------------------------------------------------------- */

START_TEST(copy_is_deep)
{
    struct param_values *a = fresh(), *b;
    ck_assert_int_eq(params_set(a, JET_paramBaseName, 0, W("abc"), 0), JET_errSuccess);
    ck_assert_int_eq(params_set(a, JET_paramMaxSessions, 99, NULL, 0), JET_errSuccess);
    ck_assert_int_eq(params_set(a, JET_paramEventSource, 0, W("source"), 0), JET_errSuccess);
    b = params_copy(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_ne(params_str(a, JET_paramBaseName), params_str(b, JET_paramBaseName));
    ck_assert_int_eq(params_set(a, JET_paramBaseName, 0, W("def"), 0), JET_errSuccess);
    ck_assert_int_eq(params_set(a, JET_paramMaxSessions, 5, NULL, 0), JET_errSuccess);
    params_free(a);
    /* b is intact after a is gone (ASan would see a shared string) */
    ck_assert(weq(get_str(b, JET_paramBaseName), W("abc")));
    ck_assert(weq(get_str(b, JET_paramEventSource), W("source")));
    ck_assert(weq(get_str(b, JET_paramRecovery), W("on")));
    ck_assert_uint_eq(get_num(b, JET_paramMaxSessions), 99);
    ck_assert_ptr_null(params_copy(NULL));
    params_free(b);
    params_free(NULL);
}
END_TEST

/* ---- special parameters ------------------------------------------------------------- */

START_TEST(enable_advanced)
{
    struct param_values *v = fresh();
    ck_assert_int_eq(params_set(v, JET_paramEnableAdvanced, 0, NULL, 1), JET_errSuccess);
    /* an advanced parameter is silently left alone, even out of range */
    ck_assert_int_eq(params_set(v, JET_paramMaxSessions, 40, NULL, 0), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramMaxSessions), 16);
    ck_assert_int_eq(params_set(v, JET_paramMaxSessions, 40000, NULL, 0), JET_errSuccess);
    ck_assert_int_eq(params_set(v, JET_paramCacheSizeMax, 4096, NULL, 0), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramCacheSizeMax), 2000000000);
    /* others are not */
    ck_assert_int_eq(params_set(v, JET_paramLogFileSize, 1024, NULL, 0), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramLogFileSize), 1024);
    ck_assert_int_eq(params_set(v, JET_paramLogFileSize, 1, NULL, 0), JET_errInvalidParameter);
    ck_assert_int_eq(params_set(v, JET_paramEnableAdvanced, 1, NULL, 0), JET_errSuccess);
    ck_assert_int_eq(params_set(v, JET_paramMaxSessions, 40, NULL, 0), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramMaxSessions), 40);
    params_free(v);
}
END_TEST

START_TEST(configuration)
{
    struct param_values *v = fresh();
    ck_assert_int_eq(params_set(v, JET_paramBaseName, 0, W("abc"), 0), JET_errSuccess);
    ck_assert_int_eq(params_set(v, JET_paramMaxCursors, 7, NULL, 0), JET_errSuccess);

    /* 0: the small configuration */
    ck_assert_int_eq(params_set(v, JET_paramConfiguration, 0, NULL, 0), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramConfiguration), 0);
    ck_assert_uint_eq(get_num(v, JET_paramMaxSessions), 30000);
    ck_assert_uint_eq(get_num(v, JET_paramMaxCursors), 2147483647);
    ck_assert_uint_eq(get_num(v, JET_paramLogFileSize), 64);
    ck_assert_uint_eq(get_num(v, JET_paramCacheSizeMax), 16);
    ck_assert_uint_eq(get_num(v, JET_paramCacheSizeMin), 16);
    ck_assert_uint_eq(get_num(v, JET_paramVerPageSize), 8192);
    ck_assert_uint_eq(get_num(v, JET_paramEnableFileCache), 1);
    ck_assert_uint_eq(get_num(v, JET_paramEnableAdvanced), 1);
    ck_assert(weq(get_str(v, JET_paramBaseName), W("edb")));

    /* 1: back to the normal defaults */
    ck_assert_int_eq(params_set(v, JET_paramConfiguration, 1, NULL, 0), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramConfiguration), 1);
    ck_assert_uint_eq(get_num(v, JET_paramMaxSessions), 16);
    ck_assert_uint_eq(get_num(v, JET_paramLogFileSize), 5120);
    ck_assert_uint_eq(get_num(v, JET_paramCacheSizeMax), 2000000000);

    /* not once initialized, nothing outside the known bits */
    ck_assert_int_eq(params_set(v, JET_paramConfiguration, 0, NULL, 1), JET_errAlreadyInitialized);
    ck_assert_int_eq(params_set(v, JET_paramConfiguration, 1, NULL, 1), JET_errAlreadyInitialized);
    ck_assert_int_eq(params_set(v, JET_paramConfiguration, 0x800, NULL, 0), JET_errInvalidParameter);
    ck_assert_uint_eq(get_num(v, JET_paramConfiguration), 1);

    /* a set without JET_configDefault adds to what is there */
    ck_assert_int_eq(params_set(v, JET_paramMaxCursors, 7, NULL, 0), JET_errSuccess);
    ck_assert_int_eq(params_set(v, JET_paramConfiguration, JET_configLowDiskFootprint, NULL, 0), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramConfiguration), JET_configDefault | JET_configLowDiskFootprint);
    ck_assert_uint_eq(get_num(v, JET_paramCircularLog), 1);
    ck_assert_uint_eq(get_num(v, JET_paramLogFileSize), 64);
    ck_assert_uint_eq(get_num(v, JET_paramMaxCursors), 7);
    ck_assert_int_eq(params_set(v, JET_paramConfiguration, JET_configRunSilent, NULL, 0), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramConfiguration),
                      JET_configDefault | JET_configLowDiskFootprint | JET_configRunSilent);
    ck_assert_uint_eq(get_num(v, JET_paramEventLoggingLevel), 0);
    ck_assert_uint_eq(get_num(v, JET_paramCircularLog), 1);

    /* with JET_configDefault it starts over; sizes in bytes become pages */
    ck_assert_int_eq(params_set(v, JET_paramDatabasePageSize, 8192, NULL, 0), JET_errSuccess);
    ck_assert_int_eq(params_set(v, JET_paramConfiguration,
                                JET_configDefault | JET_configMediumDiskFootprint | JET_configDynamicMediumMemory,
                                NULL, 0),
                     JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramMaxCursors), 1024);
    ck_assert_uint_eq(get_num(v, JET_paramEventLoggingLevel), JET_EventLoggingLevelMax);
    ck_assert_uint_eq(get_num(v, JET_paramDatabasePageSize), 4096); /* reset too */
    ck_assert_uint_eq(get_num(v, JET_paramDbExtensionSize), 512 * 1024 / 4096);
    ck_assert_uint_eq(get_num(v, JET_paramLogFileSize), 512);
    ck_assert_uint_eq(get_num(v, JET_paramCacheSizeMax), 5 * 1024 * 1024 / 4096);
    ck_assert_uint_eq(get_num(v, JET_paramCacheSizeMin), 128 * 1024 / 4096);
    ck_assert_uint_eq(get_num(v, JET_paramStartFlushThreshold), 1280 * 2 / 100);
    ck_assert_uint_eq(get_num(v, JET_paramStopFlushThreshold), 1280 * 3 / 100);
    ck_assert_uint_eq(get_num(v, JET_paramMaxInstances), 1);

    /* 64 KB logs are doubled with 32 KB pages */
    ck_assert_int_eq(params_set(v, JET_paramConfiguration, 1, NULL, 0), JET_errSuccess);
    ck_assert_int_eq(params_set(v, JET_paramDatabasePageSize, 32768, NULL, 0), JET_errSuccess);
    ck_assert_int_eq(params_set(v, JET_paramConfiguration, JET_configLowDiskFootprint, NULL, 0), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramLogFileSize), 128);

    /* low memory and remove quotas */
    ck_assert_int_eq(params_set(v, JET_paramConfiguration,
                                JET_configDefault | JET_configLowMemory | JET_configRemoveQuotas, NULL, 0),
                     JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramCacheSizeMax), 16);
    ck_assert_uint_eq(get_num(v, JET_paramMaxSessions), 30000);
    ck_assert_uint_eq(get_num(v, JET_paramLogFileSize), 64);
    params_free(v);
}
END_TEST

START_TEST(unicode_index_default)
{
    struct param_values *v = fresh();
    JET_UNICODEINDEX ui, got;
    JET_API_PTR small = 0;
    union { /* the structure is written into the (aligned) integer buffer */
        JET_API_PTR num;
        JET_UNICODEINDEX ui;
    } out;

    ck_assert_int_eq(params_get(v, JET_paramUnicodeIndexDefault, &out.num, NULL, sizeof(out)), JET_errSuccess);
    got = out.ui;
    ck_assert_uint_eq(got.lcid, 0x409);
    ck_assert_uint_eq(got.dwMapFlags, 0x00030401); /* SORTKEY, IGNORECASE, IGNOREKANATYPE, IGNOREWIDTH */
    ck_assert_int_eq(params_get(v, JET_paramUnicodeIndexDefault, &small, NULL, 4), JET_errBufferTooSmall);
    ck_assert_int_eq(params_get(v, JET_paramUnicodeIndexDefault, NULL, NULL, 8), JET_errInvalidParameter);

    ui.lcid = 0x40c;
    ui.dwMapFlags = 0x1; /* NORM_IGNORECASE: LCMAP_SORTKEY is implied */
    ck_assert_int_eq(params_set(v, JET_paramUnicodeIndexDefault, (JET_API_PTR)&ui, NULL, 0), JET_errSuccess);
    ck_assert_int_eq(params_get(v, JET_paramUnicodeIndexDefault, &out.num, NULL, sizeof(out)), JET_errSuccess);
    got = out.ui;
    ck_assert_uint_eq(got.lcid, 0x40c);
    ck_assert_uint_eq(got.dwMapFlags, 0x401);
    ck_assert_uint_eq(params_num(v, JET_paramUnicodeIndexDefault), 0x40c);

    ui.dwMapFlags = 0x200; /* LCMAP_UPPERCASE */
    ck_assert_int_eq(params_set(v, JET_paramUnicodeIndexDefault, (JET_API_PTR)&ui, NULL, 0), JET_errInvalidParameter);
    ui.dwMapFlags = 0;
    ui.lcid = 0;
    ck_assert_int_eq(params_set(v, JET_paramUnicodeIndexDefault, (JET_API_PTR)&ui, NULL, 0), JET_errInvalidParameter);
    ui.lcid = 0x409;
    ck_assert_int_eq(params_set(v, JET_paramUnicodeIndexDefault, (JET_API_PTR)&ui, NULL, 1), JET_errAlreadyInitialized);
    /* NULL restores the default */
    ck_assert_int_eq(params_set(v, JET_paramUnicodeIndexDefault, 0, NULL, 0), JET_errSuccess);
    ck_assert_int_eq(params_get(v, JET_paramUnicodeIndexDefault, &out.num, NULL, sizeof(out)), JET_errSuccess);
    got = out.ui;
    ck_assert_uint_eq(got.lcid, 0x409);
    ck_assert_uint_eq(got.dwMapFlags, 0x00030401);
    params_free(v);
}
END_TEST

START_TEST(grbit_parameters)
{
    struct param_values *v = fresh();
    ck_assert_int_eq(params_set(v, JET_paramCommitDefault, JET_bitCommitLazyFlush, NULL, 1), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramCommitDefault), JET_bitCommitLazyFlush);
    ck_assert_int_eq(params_set(v, JET_paramCommitDefault, 0x4, NULL, 0), JET_errInvalidParameter);
    ck_assert_int_eq(params_set(v, JET_paramCommitDefault, 0x100, NULL, 0), JET_errInvalidParameter);
    ck_assert_uint_eq(get_num(v, JET_paramCommitDefault), JET_bitCommitLazyFlush);
    ck_assert_int_eq(params_set(v, JET_paramCommitDefault, 0, NULL, 0), JET_errSuccess);

    ck_assert_int_eq(params_set(v, JET_paramEnableShrinkDatabase, JET_bitShrinkDatabaseRealtime, NULL, 0),
                     JET_errInvalidGrbit);
    ck_assert_int_eq(params_set(v, JET_paramEnableShrinkDatabase, 0x101, NULL, 0), JET_errInvalidGrbit);
    ck_assert_int_eq(params_set(v, JET_paramEnableShrinkDatabase, 0x8001, NULL, 0), JET_errSuccess);
    ck_assert_int_eq(params_set(v, JET_paramEnableShrinkDatabase, 0x3, NULL, 1), JET_errAlreadyInitialized);
    ck_assert_int_eq(params_set(v, JET_paramEnableShrinkDatabase, 0x3, NULL, 0), JET_errSuccess);
    ck_assert_uint_eq(get_num(v, JET_paramEnableShrinkDatabase), 0x3);
    ck_assert_int_eq(params_set(v, JET_paramEnableShrinkDatabase, 0, NULL, 0), JET_errSuccess);
    params_free(v);
}
END_TEST

START_TEST(answered_by_the_api_layer)
{
    struct param_values *v = fresh();
    JET_API_PTR n = (JET_API_PTR)(JET_ERR)JET_errInvalidParameter;
    wchar16 buf[100];
    ck_assert_int_eq(params_get(v, JET_paramErrorToString, &n, buf, sizeof(buf)), JET_errInvalidParameter);
    ck_assert_int_eq(params_get(v, JET_paramTransactionLevel, &n, NULL, 0), JET_errInvalidParameter);
    ck_assert_int_eq(params_get(v, JET_paramRecoveryCurrentLogfile, &n, NULL, 0), JET_errInvalidParameter);
    ck_assert_int_eq(params_set(v, JET_paramErrorToString, 0, W("x"), 0), JET_errInvalidParameter);
    params_free(v);
}
END_TEST

/* ---- ManagedEsent's set-then-get cases (SetGetSystemParameterTests,
 * InstanceParameterTests, Windows8InstanceParameterTests) ------------------- */

START_TEST(managedesent_cases)
{
    static const struct {
        unsigned long id;
        JET_API_PTR value;
    } nums[] = {
        { JET_paramMaxSessions, 4 },          { JET_paramMaxOpenTables, 100 },      { JET_paramMaxCursors, 2500 },
        { JET_paramMaxVerPages, 100 },        { JET_paramPreferredVerPages, 8 },    { JET_paramVersionStoreTaskQueueMax, 17 },
        { JET_paramMaxTemporaryTables, 0 },   { JET_paramLogFileSize, 2048 },       { JET_paramLogFileSize, 256 },
        { JET_paramLogBuffers, 128 },         { JET_paramCircularLog, 1 },          { JET_paramPageTempDBMin, 50 },
        { JET_paramDbExtensionSize, 1024 },   { JET_paramCheckpointDepthMax, 20000 }, { JET_paramEnableOnlineDefrag, 0 },
        { JET_paramEnableOnlineDefrag, 1 },   { JET_paramEnableIndexChecking, 0 },  { JET_paramNoInformationEvent, 1 },
        { JET_paramCreatePathIfNotExist, 1 }, { JET_paramCleanupMismatchedLogFiles, 1 }, { JET_paramCachedClosedTables, 500 },
        { JET_paramWaypointLatency, 1 },      { JET_paramMaxCoalesceReadSize, 32768 }, { JET_paramMaxCoalesceWriteSize, 32768 },
        { JET_paramMaxCoalesceReadGapSize, 32768 }, { JET_paramMaxCoalesceWriteGapSize, 32768 }, { JET_paramDbScanThrottle, 1 },
        { JET_paramDbScanIntervalMinSec, 3600 }, { JET_paramDbScanIntervalMaxSec, 7200 }, { JET_paramCacheSizeMax, 4096 },
        { JET_paramCacheSizeMin, 4096 },      { JET_paramOutstandingIOMax, 13 },    { JET_paramStartFlushThreshold, 13 },
        { JET_paramStopFlushThreshold, 17 },  { JET_paramEventLoggingLevel, 75 },   { JET_paramDatabasePageSize, 4096 },
        { JET_paramMaxInstances, 16 },        { JET_paramLegacyFileNames, 0 },      { JET_paramEnableFileCache, 1 },
        { JET_paramEnableViewCache, 1 },      { JET_paramExceptionAction, JET_ExceptionMsgBox }, { JET_paramMaxTransactionSize, 55 },
        { JET_paramCachePriority, 57 },       { JET_paramPrereadIOMax, 58 },        { JET_paramMinDataForXpress, 128 },
        { JET_paramHungIOThreshold, 75000 },  { JET_paramEnableShrinkDatabase, 3 }, { JET_paramEnableDBScanInRecovery, 2 },
        { JET_paramEnableDBScanSerialization, 1 }, { JET_paramOneDatabasePerSession, 1 }, { JET_paramEnableAdvanced, 1 },
        { JET_paramConfiguration, 1 },        { JET_paramRuntimeCallback, 0 },      { JET_paramCacheSize, 4096 },
        { JET_paramCacheSize, 0 },
    };
    static const struct {
        unsigned long id;
        const char *value;
    } strs[] = {
        { JET_paramBaseName, "foo" },          { JET_paramEventSource, "My source" }, { JET_paramRecovery, "off" },
        { JET_paramProcessFriendlyName, "AProcessFriendlyName" }, { JET_paramEventSourceKey, "key" },
        { JET_paramTempPath, "c:\\bar\\baz\\" }, { JET_paramLogFilePath, "g:\\mydir\\" },
    };
    struct param_values *v = fresh();
    size_t i;
    for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
        ck_assert_msg(params_set(v, nums[i].id, nums[i].value, NULL, 0) == JET_errSuccess, "%s",
                      param_lookup(nums[i].id)->name);
        ck_assert_msg(get_num(v, nums[i].id) == nums[i].value, "%s", param_lookup(nums[i].id)->name);
    }
    for (i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
        ck_assert_int_eq(params_set(v, strs[i].id, 0, W(strs[i].value), 0), JET_errSuccess);
        ck_assert(weq(get_str(v, strs[i].id), W(strs[i].value)));
    }
    ck_assert_uint_gt(get_num(v, JET_paramKeyMost), 255);
    ck_assert_uint_ge(get_num(v, JET_paramLVChunkSizeMost), 1966);
    params_free(v);
}
END_TEST

Suite *params_suite(void)
{
    Suite *s = suite_create("params");
    TCase *tc = tcase_create("params");
    tcase_add_test(tc, table_sane);
    tcase_add_test(tc, defaults_read_back);
    tcase_add_test(tc, esent_defaults);
    tcase_add_test(tc, numbers_round_trip);
    tcase_add_test(tc, numbers_out_of_range);
    tcase_add_test(tc, page_size);
    tcase_add_test(tc, booleans);
    tcase_add_test(tc, strings_round_trip);
    tcase_add_test(tc, base_name_and_recovery);
    tcase_add_test(tc, folders);
    tcase_add_test(tc, before_init_rule);
    tcase_add_test(tc, read_only);
    tcase_add_test(tc, unknown_ids);
    tcase_add_test(tc, copy_is_deep);
    tcase_add_test(tc, enable_advanced);
    tcase_add_test(tc, configuration);
    tcase_add_test(tc, unicode_index_default);
    tcase_add_test(tc, grbit_parameters);
    tcase_add_test(tc, answered_by_the_api_layer);
    tcase_add_test(tc, managedesent_cases);
    suite_add_tcase(s, tc);
    return s;
}
