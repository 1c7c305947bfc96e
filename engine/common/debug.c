/*
 * debug.c - WINEDEBUG parsing and message output for debug.h.
 *
 * Each channel computes its flags once, on first use, by parsing the
 * WINEDEBUG variable afresh: the string is short and this keeps the code
 * free of shared mutable state (the only store is the channel's own flag
 * byte, written atomically with the final value).
 */
#include "debug.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "os.h"

static const char *const class_names[] = { "err", "fixme", "warn", "trace" };

#define DEFAULT_FLAGS ((1u << DBG_ERR) | (1u << DBG_FIXME))
#define ALL_FLAGS 0x0fu

unsigned char dbg_parse_flags(const char *winedebug, const char *channel)
{
    unsigned flags = DEFAULT_FLAGS;
    const char *p = winedebug;

    while (p && *p) {
        const char *end = p + strcspn(p, ",;");
        const char *op = p;
        unsigned mask = ALL_FLAGS;
        int add;
        size_t len;

        while (op < end && *op != '+' && *op != '-') op++;
        if (op == end) goto next; /* not an item we understand: skip it */
        if (op > p) {
            int cls;
            mask = 0;
            for (cls = 0; cls < 4; cls++)
                if ((size_t)(op - p) == strlen(class_names[cls]) &&
                    !memcmp(p, class_names[cls], (size_t)(op - p)))
                    mask = 1u << cls;
            if (!mask) goto next;
        }
        add = *op == '+';
        len = (size_t)(end - op - 1);
        if ((len == 3 && !memcmp(op + 1, "all", 3)) ||
            (len == strlen(channel) && !memcmp(op + 1, channel, len))) {
            if (add) flags |= mask;
            else flags &= ~mask;
        }
    next:
        p = *end ? end + 1 : end;
    }
    return (unsigned char)flags;
}

int dbg_enabled(struct dbg_channel *ch, enum dbg_class cls)
{
    unsigned char flags = __atomic_load_n(&ch->flags, __ATOMIC_RELAXED);
    if (flags & DBG_UNINIT) {
        char buf[1024];
        flags = dbg_parse_flags(os_getenv("WINEDEBUG", buf, sizeof(buf)) ? buf : NULL,
                                ch->name);
        __atomic_store_n(&ch->flags, flags, __ATOMIC_RELAXED);
    }
    return (flags >> cls) & 1;
}

void dbg_log(struct dbg_channel *ch, enum dbg_class cls, const char *func,
             const char *fmt, ...)
{
    char line[2048];
    va_list ap;
    int n, m;

    n = snprintf(line, sizeof(line), "%04lx:%s:%s:%s ", os_thread_id(),
                 class_names[cls], ch->name, func);
    if (n < 0) return;
    if ((size_t)n >= sizeof(line)) n = sizeof(line) - 1;
    va_start(ap, fmt);
    m = vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
    va_end(ap);
    if (m < 0) return;
    n += m;
    if ((size_t)n >= sizeof(line)) {
        /* Truncated: keep the line whole and say so. */
        static const char tail[] = "...\n";
        n = sizeof(line) - 1;
        memcpy(line + n - (sizeof(tail) - 1), tail, sizeof(tail) - 1);
    }
    os_debug_write(line, (size_t)n);
}

/* Rotating per-thread buffers for the dbgstr_* helpers. */
#define DBGSTR_BUFS 8
#define DBGSTR_LEN 300

static char *dbgstr_buf(void)
{
    static _Thread_local char bufs[DBGSTR_BUFS][DBGSTR_LEN];
    static _Thread_local unsigned next;
    return bufs[next++ % DBGSTR_BUFS];
}

/* Appends code point c, escaped as Wine does, to out; returns the new end. */
static char *put_escaped(char *out, unsigned c)
{
    if (c == '\n') { *out++ = '\\'; *out++ = 'n'; }
    else if (c == '\r') { *out++ = '\\'; *out++ = 'r'; }
    else if (c == '\t') { *out++ = '\\'; *out++ = 't'; }
    else if (c == '"') { *out++ = '\\'; *out++ = '"'; }
    else if (c == '\\') { *out++ = '\\'; *out++ = '\\'; }
    else if (c >= ' ' && c < 127) *out++ = (char)c;
    else if (c < 256) out += sprintf(out, "\\%03o", c);
    else out += sprintf(out, "\\x%04x", c);
    return out;
}

static const char *quote(const void *s, int n, int wide)
{
    char *buf, *out, *limit;
    int i;

    if (!s) return "(null)";
    buf = dbgstr_buf();
    out = buf;
    limit = buf + DBGSTR_LEN - 12; /* room for one escape, "...", quote, NUL */
    *out++ = wide ? 'L' : '"';
    if (wide) *out++ = '"';
    for (i = 0; n < 0 || i < n; i++) {
        unsigned c = wide ? ((const unsigned short *)s)[i] : ((const unsigned char *)s)[i];
        if (n < 0 && !c) break;
        if (out >= limit) {
            memcpy(out, "...", 3);
            out += 3;
            break;
        }
        out = put_escaped(out, c);
    }
    *out++ = '"';
    *out = 0;
    return buf;
}

const char *dbgstr_a(const char *s)
{
    return quote(s, -1, 0);
}

const char *dbgstr_an(const char *s, int n)
{
    return quote(s, n, 0);
}

const char *dbgstr_w(const void *s16)
{
    return quote(s16, -1, 1);
}
