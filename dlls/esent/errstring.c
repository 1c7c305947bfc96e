/*
 * errstring.c - JET_paramErrorToString: JetGetSystemParameter with that id
 * reads a JET_ERR from the integer buffer and writes "JET_errName,text"
 * to the string buffer, as ESENT does ("Unknown Error,Unknown Error" for a
 * value it does not know).  The table is generated from include/esent.h
 * by tools/errnames.py; the text is made from the name's words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jet_private.h"

struct err_name {
    long value;
    const char *name, *text;
};

static const struct err_name names[] = {
#include "errnames.h"
};

static const struct err_name *find(long value)
{
    size_t lo = 0, hi = sizeof(names) / sizeof(names[0]);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (names[mid].value == value) return &names[mid];
        if (names[mid].value < value) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

JET_ERR jet_error_to_string(JET_ERR code, wchar16 *buf, unsigned long cb)
{
    const struct err_name *e = find((long)code);
    char text[256];
    wchar16 *w;
    size_t n;
    JET_ERR err;

    if (e) snprintf(text, sizeof(text), "%s,%s", e->name, e->text);
    else snprintf(text, sizeof(text), "Unknown Error,Unknown Error");
    if (!(w = str_a_to_w(text, &err))) return err ? err : JET_errOutOfMemory;
    n = (str_w_len(w) + 1) * sizeof(wchar16);
    if (n > cb) err = JET_errBufferTooSmall;
    else memcpy(buf, w, n);
    free(w);
    return err;
}
