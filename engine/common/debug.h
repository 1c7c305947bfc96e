/*
 * debug.h - Wine-style debug channels for the DLL and the native twin.
 *
 * Wine users expect WINEDEBUG to control a DLL's diagnostics, so this file
 * offers the same vocabulary as Wine's <wine/debug.h>: a file declares its
 * channel with DEFAULT_DEBUG_CHANNEL(name) and then writes TRACE, WARN,
 * FIXME and ERR messages, which appear on stderr as
 *
 *     0024:trace:esent:JetInit (0x12345678)
 *
 * (thread id, class, channel, function).  WINEDEBUG is parsed as Wine does:
 * a comma-separated list of [class]+channel / [class]-channel items, where
 * class is err, warn, fixme or trace (none means all four) and channel may be
 * "all"; later items win.  Without WINEDEBUG, err and fixme are on, as in
 * Wine.  The implementation uses only the OS layer (os.h), never Wine's own
 * exports, so the DLL loads on real Windows too; the native twin reads the
 * same variable.
 *
 * Messages end with "\n" like Wine's.  A message is written with one write
 * call, so lines from several threads do not interleave.
 */
#ifndef ESENT_DEBUG_H
#define ESENT_DEBUG_H

#include <stddef.h>

#if defined(_WIN32) && !defined(_WIN64)
#define ESENT_STDCALL __attribute__((stdcall))
#else
#define ESENT_STDCALL
#endif

enum dbg_class {
    DBG_ERR = 0,
    DBG_FIXME = 1,
    DBG_WARN = 2,
    DBG_TRACE = 3
};

struct dbg_channel {
    volatile unsigned char flags; /* bit (1 << class); 0x80: not yet computed */
    const char *name;
};

#define DBG_UNINIT 0x80

/* Whether messages of class cls are enabled on channel ch. */
int dbg_enabled(struct dbg_channel *ch, enum dbg_class cls);
/* Formats and writes one message (use the macros below instead). */
void dbg_log(struct dbg_channel *ch, enum dbg_class cls, const char *func,
             const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Computes a channel's flags from a WINEDEBUG string (NULL: defaults). */
unsigned char dbg_parse_flags(const char *winedebug, const char *channel);

/* Quoted, escaped copies of strings for traces, in rotating thread-local
 * buffers (valid until a few more calls on the same thread). */
const char *dbgstr_a(const char *s);
const char *dbgstr_w(const void *s16); /* UTF-16 string */
const char *dbgstr_an(const char *s, int n);

#define DEFAULT_DEBUG_CHANNEL(ch) \
    static struct dbg_channel dbch_##ch = { DBG_UNINIT, #ch }; \
    static struct dbg_channel *const dbg_default_channel = &dbch_##ch

/* The channel's flags are tested inline (every Jet call traces twice);
 * the call computes them on first use. */
#define DBG_ON(ch, cls) \
    ((__atomic_load_n(&(ch)->flags, __ATOMIC_RELAXED) & (DBG_UNINIT | 1u << (cls))) && dbg_enabled(ch, cls))

#define DBG_LOG(cls, ...) \
    do { \
        if (DBG_ON(dbg_default_channel, cls)) \
            dbg_log(dbg_default_channel, cls, __func__, __VA_ARGS__); \
    } while (0)

#define TRACE(...) DBG_LOG(DBG_TRACE, __VA_ARGS__)
#define WARN(...) DBG_LOG(DBG_WARN, __VA_ARGS__)
#define FIXME(...) DBG_LOG(DBG_FIXME, __VA_ARGS__)
#define ERR(...) DBG_LOG(DBG_ERR, __VA_ARGS__)
#define TRACE_ON() DBG_ON(dbg_default_channel, DBG_TRACE)

/* A FIXME reported only the first time this line runs (thread-safe). */
#define FIXME_ONCE(...) \
    do { \
        static int dbg_once_; \
        if (!__atomic_exchange_n(&dbg_once_, 1, __ATOMIC_RELAXED)) FIXME(__VA_ARGS__); \
    } while (0)

#endif /* ESENT_DEBUG_H */
