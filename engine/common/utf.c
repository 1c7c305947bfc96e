/*
 * utf.c - UTF-8 <-> UTF-16 conversion (see utf.h).
 */
#include "utf.h"

#include <string.h>

static size_t len16(const uint16_t *s)
{
    size_t n = 0;
    while (s[n]) n++;
    return n + 1;
}

size_t utf16_to_utf8(const uint16_t *s, size_t n, char *out, size_t outmax)
{
    size_t i, o = 0;
    if (n == (size_t)-1) n = len16(s);
    for (i = 0; i < n; i++) {
        uint32_t c = s[i];
        unsigned char b[4];
        int k, nb;
        if (c >= 0xD800 && c < 0xDC00 && i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] < 0xE000) {
            c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
            i++;
        } else if (c >= 0xD800 && c < 0xE000) {
            c = 0xFFFD;
        }
        if (c < 0x80) { b[0] = (unsigned char)c; nb = 1; }
        else if (c < 0x800) { b[0] = (unsigned char)(0xC0 | c >> 6); b[1] = (unsigned char)(0x80 | (c & 0x3F)); nb = 2; }
        else if (c < 0x10000) {
            b[0] = (unsigned char)(0xE0 | c >> 12); b[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            b[2] = (unsigned char)(0x80 | (c & 0x3F)); nb = 3;
        } else {
            b[0] = (unsigned char)(0xF0 | c >> 18); b[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
            b[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F)); b[3] = (unsigned char)(0x80 | (c & 0x3F)); nb = 4;
        }
        for (k = 0; k < nb; k++, o++)
            if (o < outmax) out[o] = (char)b[k];
    }
    return o;
}

size_t utf8_to_utf16(const char *s, size_t n, uint16_t *out, size_t outmax)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, o = 0;
    if (n == (size_t)-1) n = strlen(s) + 1;
    while (i < n) {
        uint32_t c = p[i], min;
        int extra, k;
        if (c < 0x80) { extra = 0; min = 0; }
        else if ((c & 0xE0) == 0xC0) { extra = 1; c &= 0x1F; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { extra = 2; c &= 0x0F; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { extra = 3; c &= 0x07; min = 0x10000; }
        else { extra = -1; min = 0; }
        if (extra < 0 || i + (size_t)extra >= n + (extra ? 0 : 1)) {
            c = 0xFFFD;
            i++;
        } else {
            for (k = 1; k <= extra; k++) {
                if ((p[i + k] & 0xC0) != 0x80) break;
                c = (c << 6) | (p[i + k] & 0x3F);
            }
            if (k <= extra || c < min || c > 0x10FFFF || (c >= 0xD800 && c < 0xE000)) {
                c = 0xFFFD;
                i += (size_t)k;
            } else {
                i += (size_t)extra + 1;
            }
        }
        if (c >= 0x10000) {
            if (o < outmax) out[o] = (uint16_t)(0xD800 + ((c - 0x10000) >> 10));
            o++;
            if (o < outmax) out[o] = (uint16_t)(0xDC00 + ((c - 0x10000) & 0x3FF));
            o++;
        } else {
            if (o < outmax) out[o] = (uint16_t)c;
            o++;
        }
    }
    return o;
}
