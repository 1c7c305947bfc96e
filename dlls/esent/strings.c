/*
 * strings.c - the string helpers of the Jet layer (see jet_private.h):
 * ANSI and UTF-16 copies for the A and W entry points, UTF-8 paths for
 * the engine.
 */
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "jet_private.h"
#include "utf.h"

size_t str_w_len(const wchar16 *s)
{
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

int str_w_cmp(const wchar16 *a, const wchar16 *b)
{
    while (*a && *a == *b) a++, b++;
    return (int)*a - (int)*b;
}

wchar16 *str_a_to_w(const char *s, JET_ERR *err)
{
    size_t n;
    wchar16 *w;
    *err = 0;
    if (!s) return NULL;
    n = os_ansi_to_utf16(s, (size_t)-1, NULL, 0);
    if (!n || !(w = malloc(n * sizeof(*w)))) {
        *err = JET_errOutOfMemory;
        return NULL;
    }
    os_ansi_to_utf16(s, (size_t)-1, w, n);
    return w;
}

wchar16 *str_w_dup(const wchar16 *s, JET_ERR *err)
{
    size_t n;
    wchar16 *w;
    *err = 0;
    if (!s) return NULL;
    n = (str_w_len(s) + 1) * sizeof(*w);
    if (!(w = malloc(n))) {
        *err = JET_errOutOfMemory;
        return NULL;
    }
    memcpy(w, s, n);
    return w;
}

char *str_w_to_utf8(const wchar16 *s, JET_ERR *err)
{
    size_t n;
    char *u;
    *err = 0;
    if (!s) return NULL;
    n = utf16_to_utf8(s, (size_t)-1, NULL, 0);
    if (!(u = malloc(n))) {
        *err = JET_errOutOfMemory;
        return NULL;
    }
    utf16_to_utf8(s, (size_t)-1, u, n);
    return u;
}

wchar16 *str_utf8_to_w(const char *s, JET_ERR *err)
{
    size_t n;
    wchar16 *w;
    *err = 0;
    if (!s) return NULL;
    n = utf8_to_utf16(s, (size_t)-1, NULL, 0);
    if (!(w = malloc(n * sizeof(*w)))) {
        *err = JET_errOutOfMemory;
        return NULL;
    }
    utf8_to_utf16(s, (size_t)-1, w, n);
    return w;
}

JET_ERR str_w_to_a_buf(const wchar16 *s, char *buf, unsigned long cb)
{
    size_t need = os_utf16_to_ansi(s, (size_t)-1, NULL, 0);
    if (need > cb) return JET_errBufferTooSmall;
    os_utf16_to_ansi(s, (size_t)-1, buf, cb);
    return 0;
}

const char *debugstr_w16(const wchar16 *s)
{
    return dbgstr_w(s);
}
