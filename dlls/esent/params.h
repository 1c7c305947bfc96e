/*
 * params.h - ESENT's system parameters (JET_param*): the table of every
 * documented parameter with its type, default, range and scope, and the
 * stores that hold their values (one global set, one per instance).
 *
 * The exported JetSetSystemParameter / JetGetSystemParameter (instance.c)
 * resolve the instance and then call params_set / params_get here; this
 * file knows nothing about handles.  Strings are held as UTF-16 (WCHAR,
 * 16-bit on every build) so the A and W entry points share one store: the
 * A variants convert with the process code page before calling in.
 *
 * Semantics (from the documentation of each parameter):
 *  - Every parameter has a scope: global only (e.g. JET_paramDatabasePageSize,
 *    JET_paramMaxInstances, JET_paramEnableFileCache...), or per instance
 *    (most).  Setting a per-instance parameter with no instance (the NULL or
 *    JET_instanceNil instance before any instance exists) sets the global
 *    default that new instances copy; in legacy single-instance mode it sets
 *    the one instance's value.
 *  - Some parameters may not change after JetInit of their instance
 *    (JET_errAlreadyInitialized), some may never change after the first
 *    instance started (global ones such as the page size:
 *    JET_errAlreadyInitialized), some are read-only (JET_errInvalidParameter
 *    on set), some may change at any time.
 *  - Values out of range: JET_errInvalidParameter.  Unknown ids:
 *    JET_errInvalidParameter.
 *  - String parameters (paths, JET_paramBaseName (exactly 3 characters),
 *    JET_paramRecovery ("on"/"off"), JET_paramEventSource...) are copied;
 *    get returns JET_errBufferTooSmall when the caller's buffer is short.
 *  - Reading back returns ESENT's defaults (see ese-engine-notes.md 2.4).
 */
#ifndef ESENT_PARAMS_H
#define ESENT_PARAMS_H

#include <stddef.h>
#include <stdint.h>

#include "esent.h"

/* 16-bit UTF-16 code unit on every build (WCHAR is wchar_t on Windows). */
typedef uint16_t wchar16;

enum param_type {
    PARAM_INTEGER,   /* JET_API_PTR number (ulong, boolean, grbit, count) */
    PARAM_STRING,    /* string (path, name, "on"/"off") */
    PARAM_POINTER,   /* a pointer or callback stored as a number (JET_paramRuntimeCallback...) */
    PARAM_IGNORED    /* documented but obsolete: accepted and read back, no effect */
};

enum param_scope {
    PARAM_SCOPE_INSTANCE, /* per instance; the global value is the default */
    PARAM_SCOPE_GLOBAL    /* one value for the process */
};

enum param_when {
    PARAM_ANYTIME,        /* may change at any time */
    PARAM_BEFORE_INIT,    /* fixed once its instance (or, if global, any instance) initialized */
    PARAM_READONLY        /* get only */
};

struct param_info {
    unsigned long id;     /* JET_param* */
    const char *name;     /* "JET_paramSystemPath", for traces */
    enum param_type type;
    enum param_scope scope;
    enum param_when when;
    JET_API_PTR def;      /* default number */
    const char *def_str;  /* default string (ASCII), or NULL */
    JET_API_PTR min, max; /* accepted range for numbers (inclusive) */
};

/* The parameter's description, or NULL for an unknown id. */
const struct param_info *param_lookup(unsigned long id);

/* One set of values: numbers and strings for every parameter id. */
struct param_values;

/* A fresh set holding the documented defaults, or a copy of another set. */
struct param_values *params_new_defaults(void);
struct param_values *params_copy(const struct param_values *from);
void params_free(struct param_values *v);

/* Sets a value.  initialized: whether the instance the set belongs to (or,
 * for the global set, any instance) has been initialized, for the
 * PARAM_BEFORE_INIT rule.  str is used for string parameters (NULL means
 * the empty string), num otherwise.  Returns 0 or a JET_err. */
JET_ERR params_set(struct param_values *v, unsigned long id, JET_API_PTR num, const wchar16 *str,
                   int initialized);
/* Reads a value: *num for numbers; for strings, copies into buf (cbMax
 * bytes, UTF-16, NUL-terminated; JET_errBufferTooSmall when it does not
 * fit) and, if num is not NULL, also sets *num to 0. */
JET_ERR params_get(const struct param_values *v, unsigned long id, JET_API_PTR *num, wchar16 *buf,
                   unsigned long cbMax);

/* Fast typed reads for the engine (no checks). */
JET_API_PTR params_num(const struct param_values *v, unsigned long id);
const wchar16 *params_str(const struct param_values *v, unsigned long id);

#endif /* ESENT_PARAMS_H */
