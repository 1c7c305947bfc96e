/*
 * bench.c - the benchmark driver: our engine against SQLite, LMDB and
 * Berkeley DB on the same workloads, in one run.
 *
 *   bench [-q] [-n N] [-t SECONDS] [-e ENGINES] [-d DIR] [-p PAGE_SIZE]
 *         [-c CACHE_MIB] [-j THREADS] [-s SEED] [-k] [-v] [-L]
 *
 * Each engine runs in its own forked child (so its peak RSS, from wait4,
 * is its own), in its own empty directory DIR/<engine>/, and does, in
 * order:
 *
 *   ordered_insert   N rows, keys 0..N-1 (8-byte big-endian) in order,
 *                    100-byte values, 1000 rows per transaction, lazy
 *                    commits; the last transaction commits durably, so the
 *                    timed load ends with everything on disk (each engine
 *                    pays for what its lazy commits deferred to the log).
 *   random_insert    the same into a second table, keys mix64(0..N-1) (a
 *                    bijection, so N distinct keys in random order).
 *   random_lookup    N point lookups of random keys of the second table,
 *                    read transactions of 1000 lookups; every key must be
 *                    found with its value (a miss or a wrong value fails
 *                    the run).
 *   full_scan        the first table in key order: must be exactly keys
 *                    0..N-1 in order with their values.
 *   durable_commit_1t  one-row transactions, each committed durably, for T
 *                    seconds, one thread, into a third table.
 *   durable_commit_Jt  the same with J threads at once (default 4), for
 *                    engines whose write transactions may run on several
 *                    threads (ours: group commit).
 *   durable_conns_Nt the same from 1, 4 and 16 threads, each with a
 *                    connection of its own (engines with conn_put; ours
 *                    through its threads).
 *   escrow_counter_Jt  J threads with their own connections add 1 to one
 *                    counter, each in its own lazy transaction, for T
 *                    seconds; the counter must equal the increments.
 *
 * Before the durable runs the child calls sync() (the lazy loads may have
 * left much dirty data for writeback).  The raw sync rate of the disk is
 * measured in the same child, interleaved with each durable run: the run
 * alternates slices of commits with slices of the same length (50..150 ms,
 * random, in random order) of a loop of pwrite 4 KiB + fdatasync over the
 * first MiB of a preallocated file in the engine's directory (the sync
 * rate of a cloud volume can swing by 20x within a second, so a reference
 * measured at another moment means little).  T is the commit time; each
 * durable run takes 2T.  For our engine the counting VFS also gives the
 * number of log syncs, so commits per sync (group commit) is exact.
 *
 * Output: a table of ops/s per engine and our ratio to each (ours/other:
 * above 1 means we are faster; for peak RSS, above 1 means we use more),
 * then one machine-readable "BENCH <workload> ours=... sqlite=...
 * ratio_sqlite=..." line per workload.  Exit status 1 if any engine failed
 * (including a correctness check).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

#define MAX_THREADS 64
#define SLICE 0.1 /* seconds (mean): durable runs alternate with raw fdatasync slices */

static const struct bench_engine *const all_engines[] = {&bench_ours, &bench_sqlite, &bench_lmdb,
                                                         &bench_bdb, &bench_jet};
#define NENGINES (int)(sizeof(all_engines) / sizeof(all_engines[0]))

enum { W_ORDERED, W_RANDOM, W_LOOKUP, W_SCAN, W_DUR1, W_DURJ, W_CONN1, W_CONN4, W_CONN16, W_ESCROW, W_RSS, NW };

/* The thread counts of the durable_conns_* workloads (W_CONN1..W_CONN16). */
static const int conn_threads[3] = {1, 4, 16};

struct result {
    int ran;             /* the child reported */
    int ok;              /* and everything passed */
    double ops[NW];      /* ops/s; 0 = not run; W_RSS: peak RSS in MiB */
    double secs[NW];
    uint64_t count[NW];
    double raw_ops[NW];  /* durable workloads: the raw fdatasync rate interleaved with them */
    double raw_secs[NW];
    uint64_t raw_count[NW];
    double rawj_ops[NW];  /* the same on J threads taking turns (durable_commit_Jt only) */
    double rawj_secs[NW];
    uint64_t rawj_count[NW];
    uint64_t log_syncs[NW];  /* durable workloads, engines with io(): syncs of the log */
    int unsupported[NW];     /* the engine cannot do it (escrow_counter: no escrow update) */
};

/* ---- options -------------------------------------------------------- */

static struct {
    uint64_t n;
    double secs;
    int threads;
    uint64_t seed;
    int keep;
    int verbose;
    int loads_only; /* -L: only the loads, the lookups and the scan */
    char dir[4096];
    int use[NENGINES];
    struct bench_opts eo;
} opt;

static char ours_config[512];

int bench_fail(const char *engine, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "bench: %s: ", engine);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return -1;
}

static double now(void)
{
    return bench_now();
}

/* ---- the workloads ----------------------------------------------------- */

static void report(const char *engine, const char *what, uint64_t count, const char *unit,
                   double secs)
{
    printf("  %-7s %-20s %10llu %-8s in %7.3f s = %12.0f /s\n", engine, what,
           (unsigned long long)count, unit, secs, secs > 0 ? (double)count / secs : 0.0);
    fflush(stdout);
}

static void report_durable(const char *engine, const char *what, const struct result *r, int w)
{
    report(engine, what, r->count[w], "commits", r->secs[w]);
    printf("  %-7s %-20s %10llu %-8s in %7.3f s = %12.0f /s   (interleaved; %s/raw %.2f)\n", engine,
           "  raw 4k+fdatasync", (unsigned long long)r->raw_count[w], "syncs", r->raw_secs[w],
           r->raw_ops[w], engine, r->raw_ops[w] > 0 ? r->ops[w] / r->raw_ops[w] : 0.0);
    if (r->rawj_secs[w] > 0)
        printf("  %-7s %-20s %10llu %-8s in %7.3f s = %12.0f /s   (interleaved; %s/raw %.2f)\n", engine,
               "  raw, threads turns", (unsigned long long)r->rawj_count[w], "syncs", r->rawj_secs[w],
               r->rawj_ops[w], engine, r->rawj_ops[w] > 0 ? r->ops[w] / r->rawj_ops[w] : 0.0);
    fflush(stdout);
}

/* For an engine that counts its I/O (ours): what the workload just done
 * cost, as a delta from *prev (which is updated). */
static void io_report(const struct bench_engine *e, bench_db *db, struct bench_io *prev, uint64_t commits)
{
    static const char *const kinds[BENCH_IO_KINDS] = {"db ", "log"};
    struct bench_io cur;
    int i;

    if (!e->io) return;
    e->io(db, &cur);
    for (i = 0; i < BENCH_IO_KINDS; i++) {
        struct bench_io_kind *c = &cur.k[i], *p = &prev->k[i];
        uint64_t syncs = c->syncs - p->syncs;
        if (c->writes == p->writes && c->reads == p->reads && !syncs) continue;
        printf("  %-7s   io %s: write %8.1f MiB %7llu calls %6.2f s | read %7.1f MiB %6.2f s"
               " | sync %6llu %6.2f s",
               e->name, kinds[i], (double)(c->write_bytes - p->write_bytes) / 1048576.0,
               (unsigned long long)(c->writes - p->writes), (double)(c->write_ns - p->write_ns) * 1e-9,
               (double)(c->read_bytes - p->read_bytes) / 1048576.0, (double)(c->read_ns - p->read_ns) * 1e-9,
               (unsigned long long)syncs, (double)(c->sync_ns - p->sync_ns) * 1e-9);
        if (syncs) printf(" (%.2f ms each)", (double)(c->sync_ns - p->sync_ns) * 1e-6 / (double)syncs);
        if (i == BENCH_IO_LOG && commits && syncs)
            printf(" = %.2f commits/sync", (double)commits / (double)syncs);
        printf("\n");
    }
    printf("  %-7s   checkpoints %llu, log appended %.1f MiB\n", e->name,
           (unsigned long long)(cur.checkpoints - prev->checkpoints),
           (double)(cur.log_bytes - prev->log_bytes) / 1048576.0);
    fflush(stdout);
    *prev = cur;
}

/* The loads, the lookups and the scan are bench_work.c's (shared with
 * jetbench.c, the Windows program). */
static int load(const struct bench_engine *e, bench_db *db, int table, int random, double *secs)
{
    return bench_load(e, db, table, random, opt.n, secs);
}

static int lookups(const struct bench_engine *e, bench_db *db, double *secs)
{
    return bench_lookups(e, db, opt.n, opt.seed, secs);
}

static int scan(const struct bench_engine *e, bench_db *db, double *secs)
{
    return bench_scan(e, db, opt.n, secs);
}

struct dur_thread {
    const struct bench_engine *e;
    bench_db *db;
    bench_conn *conn; /* its own connection (engines with conn_put), else NULL */
    uint64_t prefix; /* high bits of this thread's keys */
    double deadline;
    uint64_t commits; /* so far, over every slice */
    int err;
};

static void *durable_loop(void *arg)
{
    struct dur_thread *d = arg;
    uint8_t key[BENCH_KEY_LEN], val[BENCH_VAL_LEN];
    bench_txn *t;
    uint64_t k;

    while (!d->err && now() < d->deadline) {
        k = d->prefix | d->commits;
        bench_be64(key, k);
        bench_make_val(val, k);
        if (d->conn) {
            if (d->e->conn_put(d->conn, key, sizeof(key), val, sizeof(val))) {
                d->err = 1;
                break;
            }
        } else if (d->e->begin(d->db, 1, &t) ||
                   d->e->put(t, BENCH_T_DURABLE, key, sizeof(key), val, sizeof(val)) || d->e->commit(t)) {
            d->err = 1;
            break;
        }
        d->commits++;
    }
    return NULL;
}

/* The raw disk: pwrite 4 KiB + fdatasync over the first MiB of a
 * preallocated file, until the deadline. */
static int raw_open(const char *dir)
{
    uint8_t buf[4096];
    char path[4400];
    int fd, i;

    snprintf(path, sizeof(path), "%sfdatasync.tmp", dir);
    if ((fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644)) < 0) goto bad;
    memset(buf, 0xa5, sizeof(buf));
    for (i = 0; i < 256; i++)
        if (pwrite(fd, buf, sizeof(buf), (off_t)i * 4096) != (ssize_t)sizeof(buf)) goto bad;
    if (fdatasync(fd)) goto bad;
    return fd;
bad:
    fprintf(stderr, "bench: %s: %s\n", path, strerror(errno));
    if (fd >= 0) close(fd);
    return -1;
}

/* The raw loop, on one thread or on several taking turns (a mutex around
 * each pwrite + fdatasync: as many syncs as a log without group commit
 * would do, with the same number of threads around). */
struct raw_state {
    int fd;
    double deadline;
    pthread_mutex_t mu;
    uint64_t n;
    int err;
};

static void *raw_loop(void *arg)
{
    struct raw_state *st = arg;
    uint8_t buf[4096];

    memset(buf, 0x5a, sizeof(buf));
    while (now() < st->deadline) {
        pthread_mutex_lock(&st->mu);
        if (!st->err &&
            (pwrite(st->fd, buf, sizeof(buf), (off_t)(st->n % 256) * 4096) != (ssize_t)sizeof(buf) ||
             fdatasync(st->fd))) {
            fprintf(stderr, "bench: fdatasync loop: %s\n", strerror(errno));
            st->err = 1;
        }
        st->n++;
        pthread_mutex_unlock(&st->mu);
        if (st->err) break;
    }
    return NULL;
}

static void raw_slice(struct raw_state *st, int nthreads, double deadline)
{
    pthread_t tid[MAX_THREADS];
    int i;

    st->deadline = deadline;
    if (nthreads == 1) {
        raw_loop(st);
        return;
    }
    for (i = 0; i < nthreads; i++) {
        if (pthread_create(&tid[i], NULL, raw_loop, st)) {
            fprintf(stderr, "bench: pthread_create failed\n");
            exit(2);
        }
    }
    for (i = 0; i < nthreads; i++) pthread_join(tid[i], NULL);
}

/* One slice of durable commits: nthreads threads until the deadline. */
static void durable_slice(struct dur_thread *th, int nthreads, double deadline)
{
    pthread_t tid[MAX_THREADS];
    int i;

    for (i = 0; i < nthreads; i++) th[i].deadline = deadline;
    if (nthreads == 1) {
        durable_loop(&th[0]);
        return;
    }
    for (i = 0; i < nthreads; i++) {
        if (pthread_create(&tid[i], NULL, durable_loop, &th[i])) {
            fprintf(stderr, "bench: pthread_create failed\n");
            exit(2);
        }
    }
    for (i = 0; i < nthreads; i++) pthread_join(tid[i], NULL);
}

/* Durable one-row commits on nthreads threads for opt.secs in all, in
 * slices interleaved with slices of the raw pwrite+fdatasync loop of the
 * same length, so that the reference is measured at the same time: this
 * machine's disk (a cloud volume) has phases of ~4 ms and of ~0.15 ms per
 * sync, switching within a second.  With nthreads > 1 there is a third
 * kind of slice: the raw loop on nthreads threads taking turns, the same
 * thread activity without any batching.  Slice lengths (50..150 ms) and
 * their order are random, so that nothing periodic can favour one side.
 * Counts and times go to r.  With conns, each thread commits through a
 * connection of its own (engines with conn_put). */
static int durable(const struct bench_engine *e, bench_db *db, int nthreads, struct raw_state *raw,
                   int w, struct result *r, int conns)
{
    static const char *const kind_name[3] = {NULL, "raw 1 thread", "raw threads"};
    struct dur_thread th[MAX_THREADS];
    struct bench_io io0, io1;
    double done = 0, secs[3] = {0, 0, 0}, t0, dt;
    uint64_t cnt[3] = {0, 0, 0}, rng = bench_mix64(opt.seed + (uint64_t)w) | 1;
    int i, err = 0, nkinds = nthreads > 1 ? 3 : 2;

    memset(th, 0, sizeof(th));
    for (i = 0; i < nthreads; i++) {
        th[i].e = e;
        th[i].db = db;
        th[i].prefix = (uint64_t)(conns ? 0x10 + w : nthreads == 1 ? 1 : 2) << 56 | (uint64_t)i << 48;
        if (conns && e->conn_put && e->conn_open(db, &th[i].conn)) err = 1;
    }
    if (e->io) e->io(db, &io0);
    while (!err && done < opt.secs - 1e-9) {
        uint64_t x = bench_rng_next(&rng);
        double len = SLICE * (0.5 + (double)(x % 1001) / 1000.0);
        int order[3] = {0, 1, 2}, k;
        for (k = nkinds - 1; k > 0; k--) { /* shuffle */
            int j = (int)((x >> (20 + 4 * k)) % (uint64_t)(k + 1)), tmp = order[k];
            order[k] = order[j];
            order[j] = tmp;
        }
        if (len > opt.secs - done) len = opt.secs - done;
        for (k = 0; k < nkinds; k++) {
            int kind = order[k];
            uint64_t before = 0, after = 0;
            t0 = now();
            if (kind == 0) {
                for (i = 0; i < nthreads; i++) before += th[i].commits;
                durable_slice(th, nthreads, t0 + len);
                for (i = 0; i < nthreads; i++) {
                    after += th[i].commits;
                    err |= th[i].err;
                }
            } else {
                before = raw->n;
                raw_slice(raw, kind == 1 ? 1 : nthreads, t0 + len);
                after = raw->n;
                err |= raw->err;
            }
            dt = now() - t0;
            secs[kind] += dt;
            cnt[kind] += after - before;
            if (opt.verbose)
                printf("      slice %.3f s %-13s %6.0f/s\n", dt, kind ? kind_name[kind] : e->name,
                       (double)(after - before) / dt);
        }
        done += len;
    }
    if (e->io) {
        e->io(db, &io1);
        r->log_syncs[w] = io1.k[BENCH_IO_LOG].syncs - io0.k[BENCH_IO_LOG].syncs;
    }
    r->secs[w] = secs[0];
    r->count[w] = cnt[0];
    r->ops[w] = secs[0] > 0 ? (double)cnt[0] / secs[0] : 0;
    r->raw_count[w] = cnt[1];
    r->raw_secs[w] = secs[1];
    r->raw_ops[w] = secs[1] > 0 ? (double)cnt[1] / secs[1] : 0;
    r->rawj_count[w] = cnt[2];
    r->rawj_secs[w] = secs[2];
    r->rawj_ops[w] = secs[2] > 0 ? (double)cnt[2] / secs[2] : 0;
    for (i = 0; i < nthreads; i++)
        if (th[i].conn && e->conn_close(th[i].conn)) err = 1;
    return err ? -1 : 0;
}

/* ---- the contended counter ------------------------------------------------- */

struct incr_thread {
    const struct bench_engine *e;
    bench_conn *conn;
    double deadline;
    uint64_t n;
    int err; /* or BENCH_UNSUPPORTED */
};

static void *incr_loop(void *arg)
{
    struct incr_thread *d = arg;
    int rc;
    while (now() < d->deadline) {
        if ((rc = d->e->conn_incr(d->conn))) {
            d->err = rc;
            break;
        }
        d->n++;
    }
    return NULL;
}

/* escrow_counter_Jt: J threads, each with its own connection, add 1 to one
 * counter, each in its own lazy transaction, for opt.secs; the counter must
 * then equal the number of increments. */
static int escrow_counter(const struct bench_engine *e, bench_db *db, int w, struct result *r)
{
    struct incr_thread th[MAX_THREADS];
    pthread_t tid[MAX_THREADS];
    uint64_t total = 0, got = 0;
    double t0;
    int i, err = 0, unsupported = 0;

    memset(th, 0, sizeof(th));
    if (e->counter_init(db)) return -1;
    for (i = 0; i < opt.threads && !err; i++) {
        th[i].e = e;
        if (e->conn_open(db, &th[i].conn)) err = 1;
    }
    t0 = now();
    for (i = 0; i < opt.threads && !err; i++) {
        th[i].deadline = t0 + opt.secs;
        if (pthread_create(&tid[i], NULL, incr_loop, &th[i])) {
            fprintf(stderr, "bench: pthread_create failed\n");
            exit(2);
        }
    }
    if (!err)
        for (i = 0; i < opt.threads; i++) pthread_join(tid[i], NULL);
    r->secs[w] = now() - t0;
    for (i = 0; i < opt.threads; i++) {
        total += th[i].n;
        if (th[i].err == BENCH_UNSUPPORTED) unsupported = 1;
        else if (th[i].err) err = 1;
        if (th[i].conn && e->conn_close(th[i].conn)) err = 1;
    }
    if (err) return -1;
    if (unsupported) {
        r->unsupported[w] = 1;
        printf("  %-7s escrow_counter       n/a: the engine has no escrow update\n", e->name);
        return 0;
    }
    if (e->counter_get(db, &got)) return -1;
    if (got != total)
        return bench_fail(e->name, "CORRECTNESS: the counter is %llu after %llu increments",
                          (unsigned long long)got, (unsigned long long)total);
    r->count[w] = total;
    r->ops[w] = r->secs[w] > 0 ? (double)total / r->secs[w] : 0;
    return 0;
}

/* Runs every workload on one engine (in the child). */
static int run_engine(const struct bench_engine *e, const char *dir, struct result *r)
{
    struct bench_opts o = opt.eo;
    bench_db *db;
    struct bench_io io;
    struct raw_state raw;
    double secs, cpu0;
    char name[32];
    int fd = -1;

    o.dir = dir;
    memset(&io, 0, sizeof(io));
    secs = now();
    if (e->open(&o, &db)) return -1;
    printf("  %-7s open in %.3f s\n", e->name, now() - secs);
    fflush(stdout);
    io_report(e, db, &io, 0);

#define DONE(w, what, cnt, unit)                                  \
    do {                                                          \
        r->secs[w] = secs;                                        \
        r->count[w] = (cnt);                                      \
        r->ops[w] = secs > 0 ? (double)(cnt) / secs : 0;          \
        report(e->name, what, cnt, unit, secs);                   \
        printf("  %-7s   cpu %.3f s = %.0f /cpu-s\n", e->name,    \
               bench_cpu_now() - cpu0, (double)(cnt) / (bench_cpu_now() - cpu0)); \
        io_report(e, db, &io, 0);                                 \
        cpu0 = bench_cpu_now();                                         \
    } while (0)

    cpu0 = bench_cpu_now();
    if (load(e, db, BENCH_T_ORDERED, 0, &secs)) goto bad;
    DONE(W_ORDERED, "ordered_insert", opt.n, "rows");
    if (load(e, db, BENCH_T_RANDOM, 1, &secs)) goto bad;
    DONE(W_RANDOM, "random_insert", opt.n, "rows");
    if (lookups(e, db, &secs)) goto bad;
    DONE(W_LOOKUP, "random_lookup", opt.n, "lookups");
    if (scan(e, db, &secs)) goto bad;
    DONE(W_SCAN, "full_scan", opt.n, "rows");
#undef DONE
    if (opt.loads_only) goto closing;

    /* Durable commits start with nothing dirty in the OS cache (the lazy
     * loads may have left hundreds of MiB for writeback). */
    sync();
    if ((fd = raw_open(dir)) < 0) goto bad;
    memset(&raw, 0, sizeof(raw));
    raw.fd = fd;
    pthread_mutex_init(&raw.mu, NULL);
    if (durable(e, db, 1, &raw, W_DUR1, r, 0)) goto bad;
    report_durable(e->name, "durable_commit_1t", r, W_DUR1);
    io_report(e, db, &io, r->count[W_DUR1]);
    if (e->threads_ok && opt.threads > 1) {
        if (durable(e, db, opt.threads, &raw, W_DURJ, r, 0)) goto bad;
        snprintf(name, sizeof(name), "durable_commit_%dt", opt.threads);
        report_durable(e->name, name, r, W_DURJ);
        io_report(e, db, &io, r->count[W_DURJ]);
    }
    /* One connection (session) per thread, 1, 4 and 16 threads. */
    if (e->conn_put || e->threads_ok) {
        int k;
        for (k = 0; k < 3; k++) {
            if (durable(e, db, conn_threads[k], &raw, W_CONN1 + k, r, 1)) goto bad;
            snprintf(name, sizeof(name), "durable_conns_%dt", conn_threads[k]);
            report_durable(e->name, name, r, W_CONN1 + k);
            io_report(e, db, &io, r->count[W_CONN1 + k]);
        }
    }
    if (e->conn_incr) {
        if (escrow_counter(e, db, W_ESCROW, r)) goto bad;
        if (!r->unsupported[W_ESCROW]) {
            snprintf(name, sizeof(name), "escrow_counter_%dt", opt.threads);
            report(e->name, name, r->count[W_ESCROW], "incrs", r->secs[W_ESCROW]);
        }
    }
    close(fd);
    fd = -1;
closing:
    secs = now();
    if (e->close(db)) return -1;
    printf("  %-7s close in %.3f s\n", e->name, now() - secs);
    fflush(stdout);
    return 0;
bad:
    if (fd >= 0) close(fd);
    e->close(db);
    return -1;
}

/* ---- processes and files ---------------------------------------------- */

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    if (remove(path) && errno != ENOENT) fprintf(stderr, "bench: remove %s: %s\n", path, strerror(errno));
    return 0;
}

static void rm_tree(const char *path)
{
    nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int mkdirs(const char *path)
{
    char buf[4096], *p;

    snprintf(buf, sizeof(buf), "%s", path);
    for (p = buf + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        if (mkdir(buf, 0755) && errno != EEXIST) return -1;
        *p = '/';
    }
    if (mkdir(buf, 0755) && errno != EEXIST) return -1;
    return 0;
}

/* Forks a child that runs one engine in DIR/<name>/ and collects its
 * result and peak RSS. */
static void run_child(const struct bench_engine *e, struct result *r)
{
    char sub[4200];
    struct rusage ru;
    int fds[2], status;
    pid_t pid;
    ssize_t got;

    memset(r, 0, sizeof(*r));
    snprintf(sub, sizeof(sub), "%s/%s/", opt.dir, e->name);
    rm_tree(sub);
    if (mkdirs(sub)) {
        fprintf(stderr, "bench: mkdir %s: %s\n", sub, strerror(errno));
        return;
    }
    sync(); /* start each engine with no dirty data of the previous one */
    fflush(stdout);
    fflush(stderr);
    if (pipe(fds)) {
        perror("bench: pipe");
        exit(2);
    }
    if ((pid = fork()) < 0) {
        perror("bench: fork");
        exit(2);
    }
    if (pid == 0) {
        struct result cr;
        int err;
        memset(&cr, 0, sizeof(cr));
        close(fds[0]);
        err = run_engine(e, sub, &cr);
        cr.ran = 1;
        cr.ok = !err;
        if (write(fds[1], &cr, sizeof(cr)) != (ssize_t)sizeof(cr)) _exit(3);
        fflush(stdout);
        _exit(err ? 1 : 0);
    }
    close(fds[1]);
    got = read(fds[0], r, sizeof(*r));
    close(fds[0]);
    if (got != (ssize_t)sizeof(*r)) memset(r, 0, sizeof(*r));
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("bench: wait4");
        exit(2);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status)) {
        if (WIFSIGNALED(status))
            fprintf(stderr, "bench: %s: child killed by signal %d\n", e->name, WTERMSIG(status));
        r->ok = 0;
    }
    r->ops[W_RSS] = (double)ru.ru_maxrss / 1024.0; /* KiB on Linux */
    if (!opt.keep) rm_tree(sub);
}

/* ---- output ------------------------------------------------------------ */

/* One line of the results: a value per engine (< 0: none; the reason is in
 * why[]), and for durable workloads the raw fdatasync rate measured
 * interleaved with our run. */
struct row {
    char name[40];
    const char *unit;
    const char *fmt;
    double val[NENGINES];
    const char *why[NENGINES];
    double fsync;
};

/* per_sync: 0 the rate, 1 the rate / the interleaved raw sync rate, 2
 * commits per sync of the engine's log (engines that count their I/O), 3
 * the rate / the interleaved rate of the raw loop on J threads taking
 * turns. */
static void make_row(struct row *rw, const struct result *res, const char *name, const char *unit, int w,
                     int per_sync)
{
    int i;

    memset(rw, 0, sizeof(*rw));
    snprintf(rw->name, sizeof(rw->name), "%s", name);
    rw->unit = unit;
    rw->fmt = w == W_RSS ? "%.1f" : per_sync ? "%.2f" : "%.0f";
    for (i = 0; i < NENGINES; i++) {
        const struct result *r = &res[i];
        rw->val[i] = -1;
        if (!opt.use[i]) continue;
        if (!r->ran || !r->ok) rw->why[i] = "FAIL";
        else if (r->unsupported[w]) rw->why[i] = "n/a";
        else if (r->ops[w] <= 0) rw->why[i] = "-";
        else if (!per_sync) rw->val[i] = r->ops[w];
        else if (per_sync == 1 && r->raw_ops[w] > 0) rw->val[i] = r->ops[w] / r->raw_ops[w];
        else if (per_sync == 2 && r->log_syncs[w] > 0) rw->val[i] = (double)r->count[w] / (double)r->log_syncs[w];
        else if (per_sync == 3 && r->rawj_ops[w] > 0) rw->val[i] = r->ops[w] / r->rawj_ops[w];
        else rw->why[i] = "-";
    }
    if ((w == W_DUR1 || w == W_DURJ || (w >= W_CONN1 && w <= W_CONN16)) && !per_sync) {
        /* the reference: ours, else the first engine that ran it */
        for (i = 0; i < NENGINES && rw->fsync <= 0; i++)
            if (rw->val[i] > 0) rw->fsync = res[i].raw_ops[w];
    }
}

static void cell(const char *fmt, double v, const char *why)
{
    char buf[32];
    if (v >= 0) snprintf(buf, sizeof(buf), fmt, v);
    else snprintf(buf, sizeof(buf), "%s", why ? why : "");
    printf(" %11s", buf);
}

static void print_row(const struct row *rw, int ours)
{
    int i;

    printf("%-32s %-12s", rw->name, rw->unit);
    for (i = 0; i < NENGINES; i++)
        if (opt.use[i]) cell(rw->fmt, rw->val[i], rw->why[i]);
    cell("%.0f", rw->fsync > 0 ? rw->fsync : -1, NULL);
    if (ours) {
        for (i = 1; i < NENGINES; i++)
            if (opt.use[i])
                cell("%.2f", rw->val[0] > 0 && rw->val[i] > 0 ? rw->val[0] / rw->val[i] : -1, "-");
        if (rw->fsync > 0 && rw->val[0] > 0) cell("%.2f", rw->val[0] / rw->fsync, NULL);
    }
    printf("\n");
}

/* Whether no engine ran the row's workload (with -L: the durable rows). */
static int row_not_run(const struct row *rw)
{
    int i;
    for (i = 0; i < NENGINES; i++)
        if (opt.use[i] && (rw->val[i] >= 0 || (rw->why[i] && strcmp(rw->why[i], "-")))) return 0;
    return 1;
}

static void bench_line(const struct row *rw, int ours)
{
    int i, any = 0;

    for (i = 0; i < NENGINES; i++) any |= rw->val[i] >= 0;
    if (!any) return;
    printf("BENCH %s", rw->name);
    for (i = 0; i < NENGINES; i++) {
        if (rw->val[i] < 0) continue;
        printf(" %s=", all_engines[i]->name);
        printf(rw->fmt, rw->val[i]);
    }
    if (rw->fsync > 0) printf(" fdatasync=%.0f", rw->fsync);
    if (ours && rw->val[0] > 0) {
        for (i = 1; i < NENGINES; i++)
            if (rw->val[i] > 0) printf(" ratio_%s=%.2f", all_engines[i]->name, rw->val[0] / rw->val[i]);
        if (rw->fsync > 0) printf(" ratio_fdatasync=%.2f", rw->val[0] / rw->fsync);
    }
    printf("\n");
}

/* The multi-connection rows again as Jet against each other engine
 * (jet/other: above 1 = Jet faster), the comparison they are for. */
static void print_jet_ratios(const struct row *rows, int n)
{
    int i, k, jet = -1, any = 0;

    for (i = 0; i < NENGINES; i++)
        if (!strcmp(all_engines[i]->name, "jet")) jet = i;
    for (k = 0; k < n; k++) any |= rows[k].val[jet] > 0;
    if (jet < 0 || !any) return;
    printf("\n%-32s %-12s", "jet against the others", "");
    for (i = 0; i < NENGINES; i++)
        if (opt.use[i] && i != jet) printf("  jet/%-6s", all_engines[i]->name);
    printf("\n");
    for (k = 0; k < n; k++) {
        printf("%-32s %-12s", rows[k].name, rows[k].unit);
        for (i = 0; i < NENGINES; i++)
            if (opt.use[i] && i != jet)
                cell("%.2f", rows[k].val[jet] > 0 && rows[k].val[i] > 0 ? rows[k].val[jet] / rows[k].val[i] : -1,
                     "-");
        printf("\n");
    }
    for (k = 0; k < n; k++) {
        if (rows[k].val[jet] <= 0) continue;
        printf("BENCH %s_jet", rows[k].name);
        for (i = 0; i < NENGINES; i++)
            if (i != jet && rows[k].val[i] > 0)
                printf(" jet_ratio_%s=%.2f", all_engines[i]->name, rows[k].val[jet] / rows[k].val[i]);
        printf("\n");
    }
}

static void print_results(const struct result *res)
{
    struct row rows[24];
    char jname[32], jname2[48], jname3[64], jname4[64], cname[3][2][48], ename[48];
    int nrows = 0, i, k, ours = opt.use[0], first_conn;

    snprintf(jname, sizeof(jname), "durable_commit_%dt", opt.threads);
    snprintf(jname2, sizeof(jname2), "%s_per_sync", jname);
    snprintf(jname3, sizeof(jname3), "%s_per_log_sync", jname);
    snprintf(jname4, sizeof(jname4), "%s_per_turns_sync", jname);
    make_row(&rows[nrows++], res, "ordered_insert", "rows/s", W_ORDERED, 0);
    make_row(&rows[nrows++], res, "random_insert", "rows/s", W_RANDOM, 0);
    make_row(&rows[nrows++], res, "random_lookup", "lookups/s", W_LOOKUP, 0);
    make_row(&rows[nrows++], res, "full_scan", "rows/s", W_SCAN, 0);
    make_row(&rows[nrows++], res, "durable_commit_1t", "commits/s", W_DUR1, 0);
    make_row(&rows[nrows++], res, "durable_commit_1t_per_sync", "commits/sync", W_DUR1, 1);
    make_row(&rows[nrows++], res, "durable_commit_1t_per_log_sync", "commits/sync", W_DUR1, 2);
    if (opt.threads > 1) {
        make_row(&rows[nrows++], res, jname, "commits/s", W_DURJ, 0);
        make_row(&rows[nrows++], res, jname2, "commits/sync", W_DURJ, 1);
        make_row(&rows[nrows++], res, jname4, "commits/sync", W_DURJ, 3);
        make_row(&rows[nrows++], res, jname3, "commits/sync", W_DURJ, 2);
    }
    first_conn = nrows;
    for (k = 0; k < 3; k++) {
        snprintf(cname[k][0], sizeof(cname[k][0]), "durable_conns_%dt", conn_threads[k]);
        snprintf(cname[k][1], sizeof(cname[k][1]), "durable_conns_%dt_per_sync", conn_threads[k]);
        make_row(&rows[nrows++], res, cname[k][0], "commits/s", W_CONN1 + k, 0);
        make_row(&rows[nrows++], res, cname[k][1], "commits/sync", W_CONN1 + k, 1);
    }
    snprintf(ename, sizeof(ename), "escrow_counter_%dt", opt.threads);
    make_row(&rows[nrows++], res, ename, "incrs/s", W_ESCROW, 0);
    make_row(&rows[nrows++], res, "peak_rss_mb", "MiB", W_RSS, 0);

    printf("\nResults: N = %llu rows, T = %.1f s.  Ratios are ours/other: above 1 = ours faster"
           " (peak_rss_mb: ours uses more).\n"
           "fdatasync = raw pwrite 4 KiB + fdatasync rate, measured in slices interleaved with our"
           " durable run;\n*_per_sync = each engine's commit rate / the raw rate interleaved with"
           " its own run (the disk's sync rate swings, this is the fair comparison);\n"
           "*_per_turns_sync = the same against the raw loop run by J threads taking turns (same thread"
           " activity, no batching);\n"
           "*_per_log_sync = commits / fdatasync calls on the engine's log (counted by our VFS wrapper):"
           " the group commit factor.\n\n",
           (unsigned long long)opt.n, opt.secs);
    printf("%-32s %-12s", "workload", "unit");
    for (i = 0; i < NENGINES; i++)
        if (opt.use[i]) printf(" %11s", all_engines[i]->name);
    printf(" %11s", "fdatasync");
    if (ours) {
        for (i = 1; i < NENGINES; i++)
            if (opt.use[i]) printf(" %11s", "ours/");
        printf(" %11s", "ours/");
        printf("\n%-22s %-12s", "", "");
        for (i = 0; i < NENGINES; i++)
            if (opt.use[i]) printf(" %11s", "");
        printf(" %11s", "");
        for (i = 1; i < NENGINES; i++)
            if (opt.use[i]) printf(" %11s", all_engines[i]->name);
        printf(" %11s", "fdatasync");
    }
    printf("\n");
    for (i = 0; i < nrows; i++)
        if (!row_not_run(&rows[i])) print_row(&rows[i], ours);
    printf("\n");
    for (i = 0; i < nrows; i++) bench_line(&rows[i], ours);
    print_jet_ratios(rows + first_conn, nrows - first_conn - 1);
}

static void usage(void)
{
    fprintf(stderr,
            "usage: bench [-q] [-n N] [-t SECONDS] [-e ENGINES] [-d DIR] [-p PAGE_SIZE]\n"
            "             [-c CACHE_MIB] [-j THREADS] [-s SEED] [-k] [-v] [-L]\n"
            "  -n N         rows to load, lookups to do (default 1000000)\n"
            "  -q           quick: N = 100000, T = 1 s (-n/-t after -q override)\n"
            "  -t SECONDS   length of each durable-commit run (default 3)\n"
            "  -e ENGINES   comma-separated subset of ours,sqlite,lmdb,bdb,jet (default all)\n"
            "  -d DIR       scratch directory (default build/bench-tmp); DIR/<engine>/\n"
            "               is emptied before and removed after each engine\n"
            "  -p BYTES     our page size, 4096..32768 (default 4096)\n"
            "  -c MIB       cache size for every engine that has one (default 128)\n"
            "  -j THREADS   threads of our group-commit run (default 4; 1 = skip it)\n"
            "  -s SEED      seed of the random lookups (default 1)\n"
            "  -k           keep the engines' files\n"
            "  -v           print every slice of the durable runs\n"
            "  -L           only the loads, the lookups and the scan (no durable runs)\n");
    exit(2);
}

static void parse_engines(const char *arg)
{
    char buf[256], *tok, *save = NULL;
    int i;

    memset(opt.use, 0, sizeof(opt.use));
    snprintf(buf, sizeof(buf), "%s", arg);
    for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (!strcmp(tok, "all")) {
            for (i = 0; i < NENGINES; i++) opt.use[i] = 1;
            continue;
        }
        for (i = 0; i < NENGINES; i++)
            if (!strcmp(tok, all_engines[i]->name)) break;
        if (i == NENGINES) {
            fprintf(stderr, "bench: unknown engine '%s' (ours, sqlite, lmdb, bdb)\n", tok);
            exit(2);
        }
        opt.use[i] = 1;
    }
}

int main(int argc, char **argv)
{
    struct result res[NENGINES];
    uint64_t cache_mib = 128;
    int c, i, failed = 0;
    size_t len;

    opt.n = 1000000;
    opt.secs = 3;
    opt.threads = 4;
    opt.seed = 1;
    snprintf(opt.dir, sizeof(opt.dir), "build/bench-tmp");
    for (i = 0; i < NENGINES; i++) opt.use[i] = 1;
    opt.eo.page_size = 4096; /* measured faster than 8192 here: see README.md */
    while ((c = getopt(argc, argv, "qn:t:e:d:p:c:j:s:kvLh")) != -1) {
        switch (c) {
        case 'q': opt.n = 100000; opt.secs = 1; break;
        case 'n': opt.n = strtoull(optarg, NULL, 0); break;
        case 't': opt.secs = atof(optarg); break;
        case 'e': parse_engines(optarg); break;
        case 'd': snprintf(opt.dir, sizeof(opt.dir), "%s", optarg); break;
        case 'p': opt.eo.page_size = (uint32_t)strtoul(optarg, NULL, 0); break;
        case 'c': cache_mib = strtoull(optarg, NULL, 0); break;
        case 'j': opt.threads = atoi(optarg); break;
        case 's': opt.seed = strtoull(optarg, NULL, 0); break;
        case 'k': opt.keep = 1; break;
        case 'v': opt.verbose = 1; break;
        case 'L': opt.loads_only = 1; break;
        default: usage();
        }
    }
    if (optind != argc || opt.n == 0 || opt.secs <= 0 || opt.threads < 1 || opt.threads > MAX_THREADS ||
        cache_mib == 0)
        usage();
    len = strlen(opt.dir);
    while (len > 1 && opt.dir[len - 1] == '/') opt.dir[--len] = 0;
    if (mkdirs(opt.dir)) {
        fprintf(stderr, "bench: mkdir %s: %s\n", opt.dir, strerror(errno));
        return 2;
    }
    opt.eo.nrows = opt.n;
    opt.eo.cache_bytes = cache_mib << 20;
    opt.eo.log_file_bytes = 64u << 20;
    opt.eo.ckpt_bytes = 64u << 20;
    snprintf(ours_config, sizeof(ours_config),
             "page size %u, cache %llu MiB (%llu pages), log files %u MiB, circular logging, "
             "checkpoint depth %llu MiB, log buffer 1 MiB",
             opt.eo.page_size, (unsigned long long)cache_mib,
             (unsigned long long)(opt.eo.cache_bytes / opt.eo.page_size), opt.eo.log_file_bytes >> 20,
             (unsigned long long)(opt.eo.ckpt_bytes >> 20));

    printf("bench: N = %llu rows (8-byte big-endian keys, %d-byte values, %d rows per transaction),"
           " T = %.1f s, scratch %s/\n",
           (unsigned long long)opt.n, BENCH_VAL_LEN, BENCH_BATCH, opt.secs, opt.dir);
    printf("Commit modes and settings:\n");
    for (i = 0; i < NENGINES; i++) {
        const struct bench_engine *e = all_engines[i];
        if (!opt.use[i]) continue;
        printf("  %-7s lazy:    %s\n", e->name, e->lazy_mode);
        printf("  %-7s durable: %s\n", e->name, e->durable_mode);
        printf("  %-7s config:  %s\n", e->name, i == 0 ? ours_config : e->config);
    }
    printf("  (each load's last transaction commits durably; lookups: read transactions of %d)\n\n",
           BENCH_BATCH);
    fflush(stdout);

    for (i = 0; i < NENGINES; i++) {
        memset(&res[i], 0, sizeof(res[i]));
        if (!opt.use[i]) continue;
        run_child(all_engines[i], &res[i]);
        if (!res[i].ran || !res[i].ok) {
            fprintf(stderr, "bench: %s FAILED\n", all_engines[i]->name);
            failed = 1;
        }
    }
    if (!opt.keep) rmdir(opt.dir);

    print_results(res);
    if (failed) fprintf(stderr, "bench: FAILED (see above)\n");
    return failed;
}
