/*
 * jet_private.h - what the files of the Jet API layer (dlls/esent/) share:
 * the handle tables, the instance and session objects, and the string
 * helpers used by the A and W entry points.
 *
 * Handles.  JET_INSTANCE, JET_SESID and JET_TABLEID values handed to the
 * program are never pointers: they are (generation, slot) pairs in one
 * process-wide table (handles.c), and every entry point resolves them
 * through handle_get(), which checks the slot, the generation and the
 * object type.  A stale, forged or foreign handle gets the documented
 * error (JET_errInvalidInstance, JET_errInvalidSesid, JET_errInvalidTableId)
 * instead of a crash.  The values 0 and ~0 (the JET_*Nil constants) are
 * never issued.
 *
 * Strings.  Inside the layer every string is UTF-16 (wchar16) for names and
 * parameters, and UTF-8 for paths handed to the engine.  A entry points
 * convert from the process ANSI code page (natively: UTF-8) to UTF-16 first
 * and then run the same code as the W entry points, so the logic exists
 * once.
 */
#ifndef ESENT_JET_PRIVATE_H
#define ESENT_JET_PRIVATE_H

#include <stdint.h>

#include "esent.h"
#include "os.h"
#include "params.h"
#include "store.h"

/* ---- handles ------------------------------------------------------------ */

enum handle_type {
    HANDLE_INSTANCE = 1,
    HANDLE_SESSION = 2,
    HANDLE_TABLE = 3
};

/* Issues a handle for obj; 0 when the table is full or out of memory. */
JET_API_PTR handle_new(enum handle_type type, void *obj);
/* The object of a live handle of that type, or NULL. */
void *handle_get(JET_API_PTR h, enum handle_type type);
/* Retires the handle: later handle_get calls return NULL. */
void handle_free(JET_API_PTR h);

/* ---- strings -------------------------------------------------------------- */

/* A copy of a NUL-terminated ANSI string (process code page) as UTF-16, or
 * NULL for NULL.  *err gets JET_errOutOfMemory on failure. */
wchar16 *str_a_to_w(const char *s, JET_ERR *err);
/* A copy of a UTF-16 string, or NULL for NULL. */
wchar16 *str_w_dup(const wchar16 *s, JET_ERR *err);
/* UTF-16 to UTF-8 (for paths given to the engine). */
char *str_w_to_utf8(const wchar16 *s, JET_ERR *err);
/* UTF-8 (catalog names) to UTF-16; NULL for NULL. */
wchar16 *str_utf8_to_w(const char *s, JET_ERR *err);
/* UTF-16 to the ANSI code page, into buf of cb bytes (NUL-terminated);
 * JET_errBufferTooSmall if it does not fit. */
JET_ERR str_w_to_a_buf(const wchar16 *s, char *buf, unsigned long cb);
size_t str_w_len(const wchar16 *s);
int str_w_cmp(const wchar16 *a, const wchar16 *b);
/* For traces: the string quoted (dbgstr_w of a wchar16 string). */
const char *debugstr_w16(const wchar16 *s);

/* ---- instances and sessions ------------------------------------------------ */

struct jet_session;
struct jet_table;
struct tbl_shared;
struct tbl_pending;

/* A database attached to an instance (database.c). */
struct jet_database {
    store_db *sdb;            /* NULL: slot free */
    char *path;               /* full UTF-8 path */
    unsigned long opens;      /* JET_DBIDs open over all sessions */
    struct jet_session *exclusive; /* opened with JET_bitDbExclusive */
    int readonly;
    struct tbl_shared *shared; /* per-table state shared by sessions (jet_table.h) */
    int temp;                 /* the temporary database (temptable.c): no
                               * JET_DBID names it */
};

struct jet_instance {
    JET_INSTANCE handle;
    wchar16 *name;            /* unique name, may be NULL (one instance only) */
    wchar16 *display_name;
    struct param_values *params;
    int initialized;          /* JetInit succeeded and JetTerm not yet called */
    int stopping;             /* JetStopService: no new work */
    uint64_t init_time;       /* when JetInit succeeded, seconds since 1970
                               * (JetGetInstanceMiscInfo, instmisc.c) */
    store *st;                /* the engine, while initialized */
    os_mutex *lock;           /* sessions list and state */
    struct jet_session *sessions;
    unsigned long nsessions;
    struct jet_database dbs[STORE_MAX_DBS]; /* index = JET_DBID - 1 */
    uint64_t schema_gen;      /* bumped by DDL (jet_table.h); atomic */
    unsigned long ntemp;      /* temporary tables that exist, under lock
                               * (JET_paramMaxTemporaryTables, temptable.c) */
};

struct jet_session {
    JET_SESID handle;
    struct jet_instance *inst;
    struct jet_session *next;  /* in inst->sessions */
    volatile int in_use;       /* a thread is inside the API with it */
    JET_API_PTR context;       /* JetSetSessionContext, 0 when none */
    unsigned long context_thread; /* the thread that set it */
    unsigned long trx_level;   /* nesting depth of transactions */
    store_txn *txn;            /* the store transaction while trx_level > 0 */
    int trx_readonly;          /* begun with JET_bitTransactionReadOnly */
    unsigned short opened[STORE_MAX_DBS]; /* JetOpenDatabase count per database */
    void *user;                /* reserved for the transaction layer */
    struct jet_table *tables;  /* open cursors (jet_table.h) */
    int trx_ddl;               /* the open transaction made DDL */
    struct tbl_pending *pending; /* trees the open transaction created or
                                  * deleted (table.c, table_txn_ended) */
    struct esc_zero *esc_zero;  /* records whose DeleteOnZero escrow column
                                 * reached zero (escrow.c) */
    uint32_t nesc_zero, esc_zero_cap;
};

/* The process-wide lock of the instance table, mode and global parameters. */
void jet_global_lock(void);
void jet_global_unlock(void);
/* The handle of the legacy single instance, or 0; under the lock. */
JET_INSTANCE jet_legacy_instance(void);
/* Whether any instance has a database attached (JET_DbInfoDBInUse). */
int jet_any_database_attached(void);
/* The global parameter set (defaults for new instances), under the lock. */
struct param_values *jet_global_params(void);

/* Resolves a session handle and marks it in use by this thread:
 * JET_errInvalidSesid for a bad handle, JET_errSessionSharingViolation
 * when another thread is inside the API with it.  Pair with
 * session_leave. */
JET_ERR session_enter(JET_SESID sesid, struct jet_session **out);
void session_leave(struct jet_session *s);

/* Rolls back whatever transaction a session left open (JetEndSession,
 * JetTerm). */
void transaction_session_closed(struct jet_session *s);

/* Closes the databases a session left open (JetEndSession, JetTerm);
 * instance lock held. */
void database_session_closed(struct jet_session *s);
/* Forgets the instance's databases in the process-wide list (JetTerm). */
void database_instance_closed(const struct jet_instance *inst);

/* JET_paramErrorToString: "JET_errName,description" for code into buf
 * (cb bytes); JET_errBufferTooSmall if it does not fit (errstring.c). */
JET_ERR jet_error_to_string(JET_ERR code, wchar16 *buf, unsigned long cb);
/* The UTF-8 full path of a database file name, malloc'd; NULL with *err
 * set (JET_errDatabaseInvalidPath for NULL or "") on failure (database.c). */
char *database_full_path(const wchar16 *name, JET_ERR *err);
/* With JET_paramCreatePathIfNotExist set, makes the missing folders of
 * path (a file's; whole: a folder path, its last name too); 0, or
 * JET_errInvalidPath when a folder cannot be made (instance.c). */
JET_ERR instance_make_folders(struct jet_instance *inst, const char *path, int whole);
/* Seconds since 1970 (UTC) as a JET_LOGTIME (database.c). */
void database_logtime(uint64_t t, JET_LOGTIME *lt);

/* Maps an engine/OS error to what the API returns (most engine errors are
 * already JET_err values). */
JET_ERR jet_error(int err);

#endif /* ESENT_JET_PRIVATE_H */
