/*
 * utf.h - UTF-8 <-> UTF-16 conversion (pure functions, no allocation).
 * Paths travel through the engine as UTF-8; the API's wide strings are
 * UTF-16 on every build.  Invalid input (a lone surrogate, a bad UTF-8
 * sequence) is replaced by U+FFFD rather than rejected, as Windows does.
 */
#ifndef ESENT_UTF_H
#define ESENT_UTF_H

#include <stddef.h>
#include <stdint.h>

/* Converts n units (n == (size_t)-1: up to and including the NUL) into out
 * (outmax bytes).  Returns the bytes the full conversion needs (including
 * the NUL when the input's NUL was converted); writes only what fits. */
size_t utf16_to_utf8(const uint16_t *s, size_t n, char *out, size_t outmax);
/* Same, into UTF-16 units (outmax in units); returns units needed. */
size_t utf8_to_utf16(const char *s, size_t n, uint16_t *out, size_t outmax);

#endif
