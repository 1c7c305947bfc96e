/*
 * jetbench.c - the Jet workloads of the bench as a program of their own,
 * built natively and as a Windows program (mingw-w64, linked through
 * libesent.a like any program) that `make bench-wine` runs under Wine
 * against our esent.dll (bench/bench-wine.sh puts its numbers beside the
 * native bench's jet and sqlite rows).
 *
 *   jetbench [-q] [-n N] [-d DIR] [-p PAGE_SIZE] [-c CACHE_MIB] [-s SEED]
 *
 * It runs bench_jet.c's engine through bench_work.c's workloads, the same
 * calls as `bench -e jet`: ordered_insert, random_insert, random_lookup,
 * full_scan, in one process (no fork: Windows has none), in DIR, which
 * must not hold an earlier run's files (the script empties it).  Output:
 * a progress line per workload, then "BENCH <workload> jet_wine=<ops/s>"
 * on Windows ("jet=" natively), the bench's machine-readable format.
 * Options of bench that do not apply here (-t -j -e -k -v -L) are accepted
 * and ignored, so one BENCH_ARGS serves both programs.
 */
#ifdef _WIN32
#include <direct.h>
#else
#include <sys/stat.h>
#endif
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#ifdef _WIN32
#define LABEL "jet_wine"
#else
#define LABEL "jet"
#endif

int bench_fail(const char *engine, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "jetbench: %s: ", engine);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return -1;
}

static void usage(void)
{
    fprintf(stderr, "usage: jetbench [-q] [-n N] [-d DIR] [-p PAGE_SIZE] [-c CACHE_MIB] [-s SEED]\n");
    exit(2);
}

/* The value of option argv[*i] (advancing *i), or usage(). */
static const char *arg_of(int argc, char **argv, int *i)
{
    if (argv[*i][2]) return argv[*i] + 2;
    if (*i + 1 >= argc) usage();
    return argv[++*i];
}

int main(int argc, char **argv)
{
    static const char *const names[4] = {"ordered_insert", "random_insert", "random_lookup", "full_scan"};
    const struct bench_engine *e = &bench_jet;
    struct bench_opts o;
    char dir[1024];
    uint64_t n = 1000000, seed = 1, cache_mib = 128;
    double secs[4], ops[4], cpu[4], c0;
    bench_db *db;
    int i, err = 0;

    memset(&o, 0, sizeof(o));
    o.page_size = 4096;
    snprintf(dir, sizeof(dir), "jetbench-tmp");
    for (i = 1; i < argc; i++) {
        if (argv[i][0] != '-' || !argv[i][1]) usage();
        switch (argv[i][1]) {
        case 'q': n = 100000; break;
        case 'n': n = strtoull(arg_of(argc, argv, &i), NULL, 0); break;
        case 'd': snprintf(dir, sizeof(dir), "%s", arg_of(argc, argv, &i)); break;
        case 'p': o.page_size = (uint32_t)strtoul(arg_of(argc, argv, &i), NULL, 0); break;
        case 'c': cache_mib = strtoull(arg_of(argc, argv, &i), NULL, 0); break;
        case 's': seed = strtoull(arg_of(argc, argv, &i), NULL, 0); break;
        case 't': case 'j': case 'e': arg_of(argc, argv, &i); break;
        case 'k': case 'v': case 'L': break;
        default: usage();
        }
    }
    if (!n || !cache_mib) usage();
#ifdef _WIN32
    if (_mkdir(dir) && errno != EEXIST) {
#else
    if (mkdir(dir, 0755) && errno != EEXIST) {
#endif
        fprintf(stderr, "jetbench: mkdir %s: %s\n", dir, strerror(errno));
        return 2;
    }
    /* bench_jet wants the directory with its separator. */
    if (dir[0] && !strchr("/\\", dir[strlen(dir) - 1]) && strlen(dir) + 2 < sizeof(dir)) strcat(dir, "/");
    o.dir = dir;
    o.nrows = n;
    o.cache_bytes = cache_mib << 20;
    o.log_file_bytes = 64u << 20;
    o.ckpt_bytes = 64u << 20;

    printf("jetbench: N = %llu rows, the Jet API (%s), scratch %s\n", (unsigned long long)n, LABEL, dir);
    fflush(stdout);
    if (e->open(&o, &db)) return 1;
    for (i = 0; i < 4 && !err; i++) {
        c0 = bench_cpu_now();
        switch (i) {
        case 0: err = bench_load(e, db, BENCH_T_ORDERED, 0, n, &secs[i]); break;
        case 1: err = bench_load(e, db, BENCH_T_RANDOM, 1, n, &secs[i]); break;
        case 2: err = bench_lookups(e, db, n, seed, &secs[i]); break;
        default: err = bench_scan(e, db, n, &secs[i]); break;
        }
        if (err) break;
        cpu[i] = bench_cpu_now() - c0;
        ops[i] = secs[i] > 0 ? (double)n / secs[i] : 0;
        printf("  %-8s %-20s %10llu in %7.3f s = %12.0f /s\n", LABEL, names[i], (unsigned long long)n,
               secs[i], ops[i]);
        printf("  %-8s   cpu %.3f s = %.0f /cpu-s\n", LABEL, cpu[i], cpu[i] > 0 ? (double)n / cpu[i] : 0.0);
        fflush(stdout);
    }
    if (e->close(db)) err = 1;
    if (err) {
        fprintf(stderr, "jetbench: FAILED\n");
        return 1;
    }
    for (i = 0; i < 4; i++) printf("BENCH %s %s=%.0f\n", names[i], LABEL, ops[i]);
    return 0;
}
