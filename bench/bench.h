/*
 * bench.h - the common interface of the benchmark's engines.
 *
 * One file per engine (bench_ours.c, bench_sqlite.c, bench_lmdb.c,
 * bench_bdb.c) fills in a struct bench_engine; bench.c drives every engine
 * through the same calls, with the same keys and values, each engine in its
 * own forked child process.
 *
 * The data model is three key/value tables (B-trees) in one store:
 *   BENCH_T_ORDERED  loaded in key order, then scanned
 *   BENCH_T_RANDOM   loaded in random key order, then point lookups
 *   BENCH_T_DURABLE  one-row durable commits
 * Keys are 8 bytes (big-endian, so byte order is numeric order), values
 * BENCH_VAL_LEN bytes.
 *
 * Errors: every function returns 0 on success and nonzero (the engine's own
 * code, already reported on stderr with bench_fail) on failure; get returns
 * BENCH_NOTFOUND for a missing key.
 */
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

#include <stddef.h>
#include <stdint.h>

#define BENCH_KEY_LEN 8
#define BENCH_VAL_LEN 100
#define BENCH_NOTFOUND 1
#define BENCH_UNSUPPORTED 2 /* conn_incr: the engine cannot do it (the row says n/a) */
#define BENCH_BATCH 1000    /* rows per load transaction, lookups per read transaction */

enum { BENCH_T_ORDERED = 0, BENCH_T_RANDOM = 1, BENCH_T_DURABLE = 2, BENCH_NTABLES = 3 };

/* Settings passed to every engine; each takes what applies to it. */
struct bench_opts {
    const char *dir;         /* the engine's own empty scratch directory, ends with '/' */
    uint64_t nrows;          /* N: sizes the LMDB map */
    uint64_t cache_bytes;    /* buffer cache for every engine */
    uint32_t page_size;      /* our engine's page size (others keep their default) */
    uint32_t log_file_bytes; /* our engine's log file size (BDB: log file max) */
    uint64_t ckpt_bytes;     /* our checkpoint depth (BDB: txn_checkpoint kbytes) */
};

typedef struct bench_db bench_db;   /* an engine's open store */
typedef struct bench_txn bench_txn; /* an engine's write transaction */
typedef struct bench_conn bench_conn; /* a connection (session) of one thread */

/* I/O counters of an engine that can see its own file calls (ours). */
enum { BENCH_IO_DB = 0, BENCH_IO_LOG = 1, BENCH_IO_KINDS = 2 };
struct bench_io_kind {
    uint64_t reads, read_bytes, read_ns;
    uint64_t writes, write_bytes, write_ns;
    uint64_t syncs, sync_ns;
};
struct bench_io {
    struct bench_io_kind k[BENCH_IO_KINDS]; /* database file; log files + checkpoint file */
    uint64_t checkpoints, log_bytes;        /* the engine's own statistics */
};

typedef int (*bench_scan_fn)(void *arg, const uint8_t *key, size_t klen, const uint8_t *val,
                             size_t vlen);

struct bench_engine {
    const char *name;      /* "ours", "sqlite", "lmdb", "bdb" */
    const char *lazy_mode; /* what a lazy (non-durable) commit means here */
    const char *durable_mode;
    const char *config;    /* the rest of its configuration, for the report */
    int threads_ok;        /* write transactions may run on several threads at once */

    int (*open)(const struct bench_opts *o, bench_db **out);
    int (*close)(bench_db *db);
    /* durable: this transaction's commit must be on disk when commit returns
     * (and with it every earlier commit); otherwise the engine's lazy
     * commit.  With threads_ok, any thread may begin/put/commit while
     * others do too. */
    int (*begin)(bench_db *db, int durable, bench_txn **out);
    int (*put)(bench_txn *t, int table, const void *key, size_t klen, const void *val, size_t vlen);
    int (*commit)(bench_txn *t);
    /* Point lookups happen between read_begin and read_end (one read
     * transaction / shared latch for a batch of lookups). */
    int (*read_begin)(bench_db *db);
    int (*read_end)(bench_db *db);
    /* Copies up to bufsize bytes of the value, *vlen = its full length;
     * BENCH_NOTFOUND if the key is absent. */
    int (*get)(bench_db *db, int table, const void *key, size_t klen, void *buf, size_t bufsize,
               size_t *vlen);
    /* Calls fn for every row of the table in key order (its own read
     * transaction); stops early if fn returns nonzero and returns that. */
    int (*scan)(bench_db *db, int table, bench_scan_fn fn, void *arg);
    /* Optional (NULL): cumulative I/O counters since open. */
    void (*io)(bench_db *db, struct bench_io *out);

    /* Optional (NULL): the multi-connection workloads (durable_conns_*,
     * escrow_counter_*).  conn_open gives one thread a connection of its
     * own (SQLite: a connection; Jet: a session; BDB: the shared
     * free-threaded handles); a connection is used by one thread at a time.
     * conn_put puts one row into BENCH_T_DURABLE in its own durable
     * transaction; without it, an engine with threads_ok runs those
     * workloads through begin/put/commit instead.  counter_init makes the
     * contended counter (0); conn_incr adds 1 to it in its own lazy
     * transaction, retrying conflicts itself, or returns BENCH_UNSUPPORTED;
     * counter_get reads it. */
    int (*conn_open)(bench_db *db, bench_conn **out);
    int (*conn_close)(bench_conn *c);
    int (*conn_put)(bench_conn *c, const void *key, size_t klen, const void *val, size_t vlen);
    int (*counter_init)(bench_db *db);
    int (*conn_incr)(bench_conn *c);
    int (*counter_get)(bench_db *db, uint64_t *out);
};

extern const struct bench_engine bench_ours, bench_sqlite, bench_lmdb, bench_bdb, bench_jet;

/* Prints "bench: <engine>: <message>" on stderr; returns -1 for chaining
 * (each driver, bench.c and jetbench.c, defines it). */
int bench_fail(const char *engine, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- bench_work.c: what both drivers share ---------------------------- */

double bench_now(void);     /* seconds, monotonic */
double bench_cpu_now(void); /* CPU seconds of the process, every thread */
void bench_be64(uint8_t *p, uint64_t v); /* keys are 8-byte big-endian */
uint64_t bench_get_be64(const uint8_t *p);
uint64_t bench_mix64(uint64_t x);        /* a bijection: random_insert's keys */
uint64_t bench_rng_next(uint64_t *s);    /* xorshift64 */
void bench_make_val(uint8_t *v, uint64_t k); /* key k's BENCH_VAL_LEN-byte value */
/* The workloads (bench.c's top comment); each checks what it reads and
 * returns nonzero on failure, *secs the wall time. */
int bench_load(const struct bench_engine *e, bench_db *db, int table, int random, uint64_t n, double *secs);
int bench_lookups(const struct bench_engine *e, bench_db *db, uint64_t n, uint64_t seed, double *secs);
int bench_scan(const struct bench_engine *e, bench_db *db, uint64_t n, double *secs);

#endif /* BENCH_BENCH_H */
