/*
 * params.c - the value stores of ESENT's system parameters (params.h) and
 * the rules for setting and reading them; the table itself is in
 * params_table.c.
 *
 * A struct param_values holds one number and one string slot per id (the
 * global set and each instance's set have the same shape).  Every string
 * parameter always has an allocated UTF-16 value, so params_str() never
 * returns NULL for one.  Which set to use is the caller's choice: instance.c
 * routes global-scope parameters to the global set, so in an instance's set
 * the slots of global parameters are unused copies.
 *
 * Setting a value follows what ESENT does (Microsoft's MIT ESE, jetapi.cxx):
 *  1. unknown id, or a read-only one: JET_errInvalidParameter;
 *  2. an "advanced" parameter while JET_paramEnableAdvanced is false in
 *     this set: nothing happens and the call succeeds;
 *  3. a number equal to the current value: success, even after JetInit;
 *  4. PARAM_BEFORE_INIT and initialized: JET_errAlreadyInitialized;
 *  5. outside [min, max] (numbers) or a length outside [min, max]
 *     (strings): JET_errInvalidParameter; block sizes must be powers of two;
 *  6. stored: booleans as 0/1, folders with a trailing path delimiter.
 * The initialized flag is the caller's statement; for ESENT's behaviour
 * instance.c passes, for the global set, "some instance exists" for
 * global-scope parameters (and for JET_paramConfiguration), and 0 for the
 * per-instance defaults, which ESENT lets a program change at any time.
 *
 * Special parameters:
 *  - JET_paramConfiguration resets the set to the defaults of the chosen
 *    configuration (0 "small", 1 legacy, or JET_config* bits), as ESENT.
 *  - JET_paramUnicodeIndexDefault: set takes a JET_UNICODEINDEX pointer
 *    (NULL restores en-US and the default flags); get copies the structure
 *    into the integer buffer (num), cbMax being that buffer's size;
 *    params_num gives its LCID.
 *  - JET_paramCommitDefault accepts only commit grbits;
 *    JET_paramEnableShrinkDatabase gives JET_errInvalidGrbit for bad bits.
 *  - Read-only values that depend on the page size (JET_paramKeyMost,
 *    JET_paramLVChunkSizeMost, JET_paramRecordSizeMost) are computed from
 *    the set's JET_paramDatabasePageSize.
 *  - JET_paramErrorToString (the integer buffer is the input error code),
 *    JET_paramTransactionLevel (needs a session) and
 *    JET_paramRecoveryCurrentLogfile (needs a running log) cannot be
 *    answered from a store: params_get returns JET_errInvalidParameter and
 *    the API layer answers them itself.
 *
 * Not done here (the API layer's part): making paths absolute, the per-
 * session JET_paramCommitDefault, and live values such as the current
 * cache size for JET_paramCacheSize.  Thread safety is the caller's.
 */
#ifndef JET_VERSION
#define JET_VERSION 0x0A00
#endif
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "params_int.h"

DEFAULT_DEBUG_CHANNEL(esent);

struct param_values {
    JET_API_PTR num[PARAM_SLOTS];
    wchar16 *str[PARAM_SLOTS];     /* string parameters only; always allocated */
    JET_UNICODEINDEX unicode;      /* JET_paramUnicodeIndexDefault */
};

/* Windows' LCMapString flags (winnls.h), for JET_paramUnicodeIndexDefault. */
#define NLS_NORM_IGNORECASE 0x00000001u
#define NLS_NORM_IGNORENONSPACE 0x00000002u
#define NLS_NORM_IGNORESYMBOLS 0x00000004u
#define NLS_SORT_DIGITSASNUMBERS 0x00000008u
#define NLS_LINGUISTIC_IGNORECASE 0x00000010u
#define NLS_LINGUISTIC_IGNOREDIACRITIC 0x00000020u
#define NLS_LCMAP_SORTKEY 0x00000400u
#define NLS_LCMAP_BYTEREV 0x00000800u
#define NLS_SORT_STRINGSORT 0x00001000u
#define NLS_NORM_IGNOREKANATYPE 0x00010000u
#define NLS_NORM_IGNOREWIDTH 0x00020000u
#define NLS_NORM_LINGUISTIC_CASING 0x08000000u

/* The flags a sort key may use besides LCMAP_SORTKEY. */
#define UNICODE_FLAGS_VALID                                                                              \
    (NLS_LCMAP_BYTEREV | NLS_NORM_IGNORECASE | NLS_NORM_IGNORENONSPACE | NLS_NORM_IGNORESYMBOLS |        \
     NLS_LINGUISTIC_IGNORECASE | NLS_LINGUISTIC_IGNOREDIACRITIC | NLS_SORT_DIGITSASNUMBERS |             \
     NLS_NORM_IGNOREKANATYPE | NLS_NORM_IGNOREWIDTH | NLS_NORM_LINGUISTIC_CASING | NLS_SORT_STRINGSORT)
#define UNICODE_LCID_DEFAULT 0x0409u /* en-US */
#define UNICODE_FLAGS_DEFAULT \
    (NLS_LCMAP_SORTKEY | NLS_NORM_IGNORECASE | NLS_NORM_IGNOREKANATYPE | NLS_NORM_IGNOREWIDTH)

/* The commit grbits JET_paramCommitDefault accepts: LazyFlush,
 * WaitLastLevel0Commit, WaitAllLevel0Commit, ForceNewLog and
 * CommitRedoCallback (0x20, not in esent.h). */
#define COMMIT_DEFAULT_MASK                                                                              \
    (JET_bitCommitLazyFlush | JET_bitWaitLastLevel0Commit | JET_bitWaitAllLevel0Commit |                 \
     JET_bitForceNewLog | 0x20u)

/* JET_paramEnableShrinkDatabase bits: Off, On, Realtime and Periodically
 * (0x8000, not in esent.h). */
#define SHRINK_PERIODICALLY 0x8000u
#define SHRINK_MASK (JET_bitShrinkDatabaseOn | JET_bitShrinkDatabaseRealtime | SHRINK_PERIODICALLY)

/* ---- the table ------------------------------------------------------------ */

static const struct param_entry *entry_of(unsigned long id)
{
    size_t lo = 0, hi = param_table_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (param_table[mid].info.id == id) return &param_table[mid];
        if (param_table[mid].info.id < id) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

const struct param_info *param_lookup(unsigned long id)
{
    const struct param_entry *e = entry_of(id);
    return e ? &e->info : NULL;
}

/* ---- UTF-16 helpers ------------------------------------------------------- */

static size_t wlen(const wchar16 *s)
{
    size_t n = 0;
    if (s)
        while (s[n]) n++;
    return n;
}

static wchar16 *wdup_ascii(const char *s)
{
    size_t n = strlen(s), i;
    wchar16 *w = malloc((n + 1) * sizeof(*w));
    if (!w) return NULL;
    for (i = 0; i <= n; i++) w[i] = (unsigned char)s[i];
    return w;
}

/* A copy of the first n units of s, plus the unit extra if it is not 0. */
static wchar16 *wdup_n(const wchar16 *s, size_t n, wchar16 extra)
{
    wchar16 *w = malloc((n + 2) * sizeof(*w));
    if (!w) return NULL;
    if (n) memcpy(w, s, n * sizeof(*w));
    if (extra) w[n++] = extra;
    w[n] = 0;
    return w;
}

/* The delimiter to add to a folder that lacks one, or 0: the kind the path
 * already uses, else the platform's. */
static wchar16 folder_delimiter(const wchar16 *s, size_t n)
{
    size_t i;
    int back = 0, slash = 0;
    if (!n || s[n - 1] == '\\' || s[n - 1] == '/') return 0;
    for (i = 0; i < n; i++) {
        back |= s[i] == '\\';
        slash |= s[i] == '/';
    }
    if (back) return '\\';
    if (slash) return '/';
#ifdef _WIN32
    return '\\';
#else
    return '/';
#endif
}

/* ---- values that are computed ------------------------------------------ */

static int is_small_page(JET_API_PTR cb)
{
    return cb <= 8192;
}

/* The page header is 40 bytes on pages up to 8 KB and 80 on larger ones. */
static JET_API_PTR page_header(JET_API_PTR cb)
{
    return is_small_page(cb) ? 40 : 80;
}

/* The read-only values that follow JET_paramDatabasePageSize. */
static int computed_value(const struct param_values *v, unsigned long id, JET_API_PTR *out)
{
    JET_API_PTR cb = v->num[JET_paramDatabasePageSize];
    switch (id) {
    case JET_paramKeyMost:
        *out = cb <= 2048 ? JET_cbKeyMost2KBytePage : cb == 4096 ? JET_cbKeyMost4KBytePage : JET_cbKeyMost8KBytePage;
        return 1;
    case JET_paramLVChunkSizeMost:
        /* a chunk fills a small page less 42 bytes of overhead and the
         * header; large pages hold four chunks of a fixed size */
        *out = is_small_page(cb) ? cb - (42 + page_header(cb)) : cb == 16384 ? 4050 : 8150;
        return 1;
    case JET_paramRecordSizeMost:
        /* the page data less one reserved 4-byte tag */
        *out = cb - page_header(cb) - 4;
        return 1;
    default:
        return 0;
    }
}

/* ---- sets --------------------------------------------------------------- */

static void unicode_reset(struct param_values *v)
{
    v->unicode.lcid = UNICODE_LCID_DEFAULT;
    v->unicode.dwMapFlags = UNICODE_FLAGS_DEFAULT;
}

/* Puts every parameter back to its default; on running out of memory the
 * old string stays and JET_errOutOfMemory is returned at the end. */
static JET_ERR reset_defaults(struct param_values *v, int keep_configuration)
{
    JET_ERR err = JET_errSuccess;
    size_t i;
    for (i = 0; i < param_table_count; i++) {
        const struct param_info *p = &param_table[i].info;
        if (keep_configuration && p->id == JET_paramConfiguration) continue;
        v->num[p->id] = p->type == PARAM_STRING ? 0 : p->def;
        if (p->type == PARAM_STRING) {
            wchar16 *w = wdup_ascii(p->def_str ? p->def_str : "");
            if (!w) {
                err = JET_errOutOfMemory;
                continue;
            }
            free(v->str[p->id]);
            v->str[p->id] = w;
        }
    }
    unicode_reset(v);
    return err;
}

struct param_values *params_new_defaults(void)
{
    struct param_values *v = calloc(1, sizeof(*v));
    if (!v) return NULL;
    if (reset_defaults(v, 0) < 0) {
        params_free(v);
        return NULL;
    }
    return v;
}

struct param_values *params_copy(const struct param_values *from)
{
    struct param_values *v;
    size_t i;
    if (!from) return NULL;
    v = calloc(1, sizeof(*v));
    if (!v) return NULL;
    memcpy(v->num, from->num, sizeof(v->num));
    v->unicode = from->unicode;
    for (i = 0; i < PARAM_SLOTS; i++) {
        if (!from->str[i]) continue;
        v->str[i] = wdup_n(from->str[i], wlen(from->str[i]), 0);
        if (!v->str[i]) {
            params_free(v);
            return NULL;
        }
    }
    return v;
}

void params_free(struct param_values *v)
{
    size_t i;
    if (!v) return;
    for (i = 0; i < PARAM_SLOTS; i++) free(v->str[i]);
    free(v);
}

/* ---- JET_paramConfiguration ---------------------------------------------- */

#define CONFIG_SMALL_SET \
    (JET_configDefault | JET_configLowDiskFootprint | JET_configLowMemory | JET_configRemoveQuotas)

static void apply_overrides(struct param_values *v, const struct param_override *list, size_t count)
{
    size_t i;
    for (i = 0; i < count; i++) {
        JET_API_PTR value = list[i].value;
        JET_API_PTR cb = v->num[JET_paramDatabasePageSize];
        JET_API_PTR cache_max = v->num[JET_paramCacheSizeMax];
        switch (list[i].conv) {
        case CONV_NONE:
            break;
        case CONV_BYTES_TO_PAGES:
            value = cb ? value / cb : value;
            break;
        case CONV_PCT_CACHE_MAX:
            value = cache_max * value / 100;
            if (cache_max <= 100) {
                JET_API_PTR least = list[i].id == JET_paramStartFlushThreshold ? 1 : 2;
                if (value < least) value = least;
            }
            break;
        }
        /* 64 KB logs do not work with 32 KB pages: ESENT doubles them */
        if (list[i].id == JET_paramLogFileSize && cb == 32768 && value == 64) value = 128;
        v->num[list[i].id] = value;
    }
}

static JET_ERR set_configuration(struct param_values *v, JET_API_PTR value, int initialized)
{
    JET_API_PTR previous = v->num[JET_paramConfiguration];
    JET_API_PTR set, final, stored;
    const struct param_info *p = param_lookup(JET_paramConfiguration);
    JET_ERR err = JET_errSuccess;
    size_t i;

    if (initialized) return JET_errAlreadyInitialized;
    if (value > p->max) return JET_errInvalidParameter;

    if (value == 0) { /* the legacy "small" configuration */
        set = final = CONFIG_SMALL_SET;
        stored = 0;
    } else if (value == JET_configDefault) {
        set = final = JET_configDefault;
        stored = JET_configDefault;
    } else {
        /* the bits add up, unless JET_configDefault starts over */
        set = value;
        if (set & JET_configDefault) final = JET_configDefault;
        else final = previous == 0 ? CONFIG_SMALL_SET : previous;
        final |= set & ~(JET_API_PTR)JET_configDefault;
        stored = final;
    }
    v->num[JET_paramConfiguration] = stored;

    if ((set & JET_configDefault) || stored == 0) {
        err = reset_defaults(v, 1);
        if (stored == 0) apply_overrides(v, param_small_defaults, param_small_defaults_count);
    }
    for (i = 0; i < param_config_sets_count; i++) {
        const struct param_config_set *cs = &param_config_sets[i];
        if (!(set & cs->bit)) continue;
        /* "small" already installed these through its own defaults */
        if (stored == 0 && (cs->bit == JET_configLowDiskFootprint || cs->bit == JET_configLowMemory)) continue;
        apply_overrides(v, cs->list, cs->count);
    }
    return err;
}

/* ---- JET_paramUnicodeIndexDefault ------------------------------------------ */

static JET_ERR set_unicode_index(struct param_values *v, JET_API_PTR ptr, int initialized)
{
    JET_UNICODEINDEX ui;
    if (initialized) return JET_errAlreadyInitialized;
    if (!ptr) {
        unicode_reset(v);
        return JET_errSuccess;
    }
    memcpy(&ui, (const void *)ptr, sizeof(ui));
    /* LCMAP_SORTKEY is implied; no locale database here, so any LCID that
     * is not 0 and has no reserved bits is taken */
    ui.dwMapFlags |= NLS_LCMAP_SORTKEY;
    if (ui.dwMapFlags & ~(UNICODE_FLAGS_VALID | NLS_LCMAP_SORTKEY)) return JET_errInvalidParameter;
    if (!ui.lcid || (ui.lcid >> 20)) return JET_errInvalidParameter;
    v->unicode = ui;
    return JET_errSuccess;
}

/* ---- set ------------------------------------------------------------------ */

static JET_ERR set_number(struct param_values *v, const struct param_entry *e, JET_API_PTR num, int initialized)
{
    const struct param_info *p = &e->info;

    if (num == v->num[p->id]) return JET_errSuccess;
    if (p->when == PARAM_BEFORE_INIT && initialized) return JET_errAlreadyInitialized;
    if (num < p->min || num > p->max) return JET_errInvalidParameter;
    if ((e->flags & PF_POW2) && (num & (num - 1))) return JET_errInvalidParameter;
    v->num[p->id] = (e->flags & PF_BOOL) ? (num != 0) : num;
    return JET_errSuccess;
}

static JET_ERR set_string(struct param_values *v, const struct param_entry *e, const wchar16 *str, int initialized)
{
    const struct param_info *p = &e->info;
    size_t n = wlen(str);
    wchar16 extra = 0, *w;

    if (p->when == PARAM_BEFORE_INIT && initialized) return JET_errAlreadyInitialized;
    if (n < p->min || n > p->max) return JET_errInvalidParameter;
    if (e->flags & PF_FOLDER) {
        extra = folder_delimiter(str, n);
        if (extra && n + 1 > p->max) return JET_errInvalidParameter;
    }
    w = wdup_n(str, n, extra);
    if (!w) return JET_errOutOfMemory;
    free(v->str[p->id]);
    v->str[p->id] = w;
    return JET_errSuccess;
}

JET_ERR params_set(struct param_values *v, unsigned long id, JET_API_PTR num, const wchar16 *str,
                   int initialized)
{
    const struct param_entry *e = entry_of(id);
    JET_ERR err;

    if (!v || !e) {
        TRACE("unknown parameter %lu\n", id);
        return JET_errInvalidParameter;
    }
    if (e->info.when == PARAM_READONLY) {
        err = JET_errInvalidParameter;
    } else if ((e->flags & PF_ADV) && !v->num[JET_paramEnableAdvanced]) {
        TRACE("%s ignored: JET_paramEnableAdvanced is off\n", e->info.name);
        return JET_errSuccess;
    } else if (id == JET_paramConfiguration) {
        err = set_configuration(v, num, initialized);
    } else if (id == JET_paramUnicodeIndexDefault) {
        err = set_unicode_index(v, num, initialized);
    } else if (id == JET_paramCommitDefault) {
        if (num & ~(JET_API_PTR)COMMIT_DEFAULT_MASK) err = JET_errInvalidParameter;
        else {
            v->num[id] = num;
            err = JET_errSuccess;
        }
    } else if (id == JET_paramEnableShrinkDatabase &&
               ((num & ~(JET_API_PTR)SHRINK_MASK) || (num && !(num & JET_bitShrinkDatabaseOn)))) {
        err = JET_errInvalidGrbit;
    } else if (e->info.type == PARAM_STRING) {
        err = set_string(v, e, str, initialized);
    } else {
        err = set_number(v, e, num, initialized);
    }

    if (e->info.type == PARAM_STRING) TRACE("%s = %s: %d\n", e->info.name, dbgstr_w(str), (int)err);
    else TRACE("%s = %#llx: %d\n", e->info.name, (unsigned long long)num, (int)err);
    return err;
}

/* ---- get ------------------------------------------------------------------ */

JET_ERR params_get(const struct param_values *v, unsigned long id, JET_API_PTR *num, wchar16 *buf,
                   unsigned long cbMax)
{
    const struct param_entry *e = entry_of(id);
    const wchar16 *s;
    size_t n, room;

    if (!v || !e) return JET_errInvalidParameter;

    switch (id) {
    case JET_paramErrorToString:     /* the API layer formats the error */
    case JET_paramTransactionLevel:  /* the API layer asks the session */
    case JET_paramRecoveryCurrentLogfile: /* the API layer asks the log */
        return JET_errInvalidParameter;
    case JET_paramUnicodeIndexDefault:
        if (!num) return JET_errInvalidParameter;
        if (cbMax < sizeof(JET_UNICODEINDEX)) return JET_errBufferTooSmall;
        memcpy(num, &v->unicode, sizeof(JET_UNICODEINDEX));
        return JET_errSuccess;
    default:
        break;
    }

    if (e->info.type != PARAM_STRING) {
        if (!num) return JET_errInvalidParameter;
        if (!computed_value(v, id, num)) *num = v->num[id];
        return JET_errSuccess;
    }

    if (num) *num = 0;
    if (!buf || !cbMax) return JET_errInvalidParameter;
    s = v->str[id];
    n = wlen(s);
    room = cbMax / sizeof(wchar16);
    if (n < room) {
        memcpy(buf, s, (n + 1) * sizeof(wchar16));
        return JET_errSuccess;
    }
    /* as ESENT: what fits, NUL-terminated, and the error */
    if (room) {
        memcpy(buf, s, (room - 1) * sizeof(wchar16));
        buf[room - 1] = 0;
    }
    return JET_errBufferTooSmall;
}

JET_API_PTR params_num(const struct param_values *v, unsigned long id)
{
    JET_API_PTR value;
    if (!v || id >= PARAM_SLOTS) return 0;
    if (id == JET_paramUnicodeIndexDefault) return v->unicode.lcid;
    if (computed_value(v, id, &value)) return value;
    return v->num[id];
}

const wchar16 *params_str(const struct param_values *v, unsigned long id)
{
    if (!v || id >= PARAM_SLOTS) return NULL;
    return v->str[id];
}
