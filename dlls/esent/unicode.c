/*
 * unicode.c - which sort makes the keys of Unicode text columns.
 *
 * In the DLL: the platform's linguistic sort (LCMapStringEx through the OS
 * layer), as ESENT uses, with the index's locale and LCMAP flags.
 * Natively there is none and the key layer's portable sort is used
 * (key_unicode_portable, docs/keys.md).  The catalog records which sort and
 * version made an index (cat_index.sort_version; sortcheck.c treats an index
 * that another sort made as out of date).  A failure of the
 * platform sort fails the operation: an index's keys never mix sorts.
 */
#include <stdio.h>

#include "jet_table.h"

static int platform_sort(const void *s, uint32_t nchars, const uint16_t *locale, uint32_t map_flags,
                         uint8_t *out, uint32_t outmax)
{
    int r;
    if (!map_flags) map_flags = KEY_LCMAP_DEFAULT;
    r = os_unicode_sort_key(s, nchars, locale, map_flags & ~(uint32_t)KEY_LCMAP_SORTKEY, out, outmax);
    return r < 0 ? JET_errInvalidLanguageId : r;
}

key_unicode_fn table_unicode_sort(void)
{
    static int have = -1;
    if (have < 0) have = *os_unicode_sort_version() != 0;
    return have ? platform_sort : NULL;
}

const char *table_unicode_sort_version(void)
{
    const char *v = os_unicode_sort_version();
    return *v ? v : NULL;
}

void table_unicode_sort_current(char out[CAT_SORT_VERSION_MAX + 1])
{
    const char *v = table_unicode_sort_version();
    if (v) snprintf(out, CAT_SORT_VERSION_MAX + 1, "%s", v);
    else snprintf(out, CAT_SORT_VERSION_MAX + 1, "portable:%u", (unsigned)KEY_UNICODE_PORTABLE_VERSION);
}
