/*
 * cat_name.c - object names (ESE's ErrUTILCheckName rules, case folding)
 * and key descriptions ("+a\0-b\0\0"), plus column type helpers.
 */
#include <string.h>

#include "coltyp.h"
#include "cat_int.h"

/* Bytes below 0x80 that a name may not contain: controls, '!', '.', '[',
 * ']'.  Bytes 0x80 and up are allowed. */
static int name_char_bad(unsigned char ch)
{
    return ch < 0x20 || ch == '!' || ch == '.' || ch == '[' || ch == ']';
}

int cat_name_check(const char *name, char out[CAT_NAME_MAX + 1])
{
    uint32_t n, sig = 0;

    if (!name || name[0] == ' ') return JET_errInvalidName;
    for (n = 0; n < CAT_NAME_MAX && name[n]; n++) {
        unsigned char ch = (unsigned char)name[n];
        if (ch < 0x80 && name_char_bad(ch)) return JET_errInvalidName;
        out[n] = (char)ch;
        if (ch != ' ') sig = n + 1;
    }
    if (n == CAT_NAME_MAX && name[n]) return JET_errInvalidName;
    if (!sig) return JET_errInvalidName;
    out[sig] = '\0';
    return 0;
}

static unsigned char fold(unsigned char ch)
{
    return ch >= 'a' && ch <= 'z' ? (unsigned char)(ch - 'a' + 'A') : ch;
}

uint32_t cat_name_fold(const char *name, uint8_t *out)
{
    uint32_t n;
    for (n = 0; name[n] && n < CAT_NAME_MAX; n++) out[n] = fold((unsigned char)name[n]);
    return n;
}

int cat_name_compare(const char *a, const char *b)
{
    for (;; a++, b++) {
        unsigned char x = fold((unsigned char)*a), y = fold((unsigned char)*b);
        if (x != y) return x < y ? -1 : 1;
        if (!x) return 0;
    }
}

int cat_key_parse(const char *key, uint32_t cbkey, struct cat_key_desc *out)
{
    const char *p;

    memset(out, 0, sizeof(*out));
    if (cbkey == 0) return JET_errInvalidParameter;
    if (!key || cbkey < 2) return JET_errIndexInvalidDef;
    if ((key[0] != '+' && key[0] != '-') || key[cbkey - 1] || key[cbkey - 2])
        return JET_errIndexInvalidDef;
    /* The two final NULs bound every strlen below. */
    for (p = key; *p; p += strlen(p) + 1) {
        if (out->n >= CAT_KEY_SEGMENTS) return JET_errIndexInvalidDef;
        out->descending[out->n] = *p == '-';
        if (*p == '-' || *p == '+') p++;
        out->names[out->n++] = p;
    }
    if (!out->n) return JET_errIndexInvalidDef;
    if ((uint32_t)(p + 1 - key) < cbkey) return JET_errIndexInvalidDef;
    return 0;
}

/* ---- column types -------------------------------------------------------- */

int cat_coltyp_valid(JET_COLTYP coltyp)
{
    return coltyp >= JET_coltypBit && coltyp <= JET_coltypUnsignedLongLong && coltyp != 13;
}

int cat_coltyp_fixed_size(JET_COLTYP coltyp)
{
    int n = coltyp_size(coltyp);
    return n > 0 ? n : 0;
}

int cat_coltyp_text(JET_COLTYP coltyp)
{
    return coltyp == JET_coltypText || coltyp == JET_coltypLongText;
}

int cat_coltyp_long(JET_COLTYP coltyp)
{
    return coltyp == JET_coltypLongText || coltyp == JET_coltypLongBinary;
}
