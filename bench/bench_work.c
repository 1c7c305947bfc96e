/*
 * bench_work.c - the keys, values and single-threaded workloads that the
 * native bench (bench.c) and the Windows program (jetbench.c) share, so
 * that both drive an engine through exactly the same calls:
 *
 *   bench_load     N rows, keys 0..N-1 in order or mix64(0..N-1), 100-byte
 *                  values, BENCH_BATCH rows per transaction, lazy commits
 *                  but the last (durable)
 *   bench_lookups  N point lookups of random loaded keys of the random
 *                  table, read transactions of BENCH_BATCH; every value
 *                  checked
 *   bench_scan     the ordered table in key order, every row checked
 *
 * Portable C (POSIX or Win32): the clock is the only system call.
 */
#ifdef _WIN32
#include <windows.h>
#else
#define _GNU_SOURCE
#include <time.h>
#endif
#include <string.h>

#include "bench.h"

double bench_now(void)
{
#ifdef _WIN32
    static LARGE_INTEGER freq;
    LARGE_INTEGER t;
    if (!freq.QuadPart) QueryPerformanceFrequency(&freq);
    QueryPerformanceCounter(&t);
    return (double)t.QuadPart / (double)freq.QuadPart;
#else
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
#endif
}

double bench_cpu_now(void)
{
#ifdef _WIN32
    FILETIME c, e, k, u;
    if (!GetProcessTimes(GetCurrentProcess(), &c, &e, &k, &u)) return 0;
    return ((double)(((uint64_t)k.dwHighDateTime << 32 | k.dwLowDateTime) +
                     ((uint64_t)u.dwHighDateTime << 32 | u.dwLowDateTime))) * 1e-7;
#else
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
#endif
}

/* ---- keys and values ------------------------------------------------- */

void bench_be64(uint8_t *p, uint64_t v)
{
    int i;
    for (i = 7; i >= 0; i--) {
        p[i] = (uint8_t)v;
        v >>= 8;
    }
}

uint64_t bench_get_be64(const uint8_t *p)
{
    uint64_t v = 0;
    int i;
    for (i = 0; i < 8; i++) v = v << 8 | p[i];
    return v;
}

/* splitmix64's finalizer: a bijection of 64-bit integers. */
uint64_t bench_mix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

uint64_t bench_rng_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* The value of key k: the key, then a pattern derived from it (cheap: it
 * is made for every put and every check, the same for every engine). */
void bench_make_val(uint8_t *v, uint64_t k)
{
    uint64_t x = k * 0x9e3779b97f4a7c15ull + 0x5bd1e995u;
    int i;
    bench_be64(v, k);
    for (i = 8; i + 8 <= BENCH_VAL_LEN; i += 8, x += 0x2545f4914f6cdd1dull) memcpy(v + i, &x, 8);
    for (; i < BENCH_VAL_LEN; i++) v[i] = (uint8_t)(x >> ((i & 7) * 8));
}

/* ---- the workloads ----------------------------------------------------- */

int bench_load(const struct bench_engine *e, bench_db *db, int table, int random, uint64_t n, double *secs)
{
    uint8_t key[BENCH_KEY_LEN], val[BENCH_VAL_LEN];
    bench_txn *t;
    uint64_t i, k;
    double t0 = bench_now();

    for (i = 0; i < n;) {
        uint64_t end = i + BENCH_BATCH < n ? i + BENCH_BATCH : n;
        if (e->begin(db, end == n, &t)) return -1;
        for (; i < end; i++) {
            k = random ? bench_mix64(i) : i;
            bench_be64(key, k);
            bench_make_val(val, k);
            if (e->put(t, table, key, sizeof(key), val, sizeof(val))) return -1;
        }
        if (e->commit(t)) return -1;
    }
    *secs = bench_now() - t0;
    return 0;
}

int bench_lookups(const struct bench_engine *e, bench_db *db, uint64_t n, uint64_t seed, double *secs)
{
    uint8_t key[BENCH_KEY_LEN], buf[BENCH_VAL_LEN + 16], want[BENCH_VAL_LEN];
    uint64_t i, k, misses = 0, wrong = 0, rng = seed | 1;
    size_t vlen;
    double t0 = bench_now();
    int r;

    for (i = 0; i < n;) {
        uint64_t end = i + BENCH_BATCH < n ? i + BENCH_BATCH : n;
        if (e->read_begin(db)) return -1;
        for (; i < end; i++) {
            k = bench_mix64(bench_rng_next(&rng) % n);
            bench_be64(key, k);
            r = e->get(db, BENCH_T_RANDOM, key, sizeof(key), buf, sizeof(buf), &vlen);
            if (r == BENCH_NOTFOUND) {
                misses++;
                continue;
            }
            if (r) return -1;
            bench_make_val(want, k);
            if (vlen != BENCH_VAL_LEN || memcmp(buf, want, BENCH_VAL_LEN)) wrong++;
        }
        if (e->read_end(db)) return -1;
    }
    *secs = bench_now() - t0;
    if (misses || wrong)
        return bench_fail(e->name, "CORRECTNESS: %llu of %llu lookups missed, %llu wrong values",
                          (unsigned long long)misses, (unsigned long long)n, (unsigned long long)wrong);
    return 0;
}

struct scan_state {
    const char *engine;
    uint64_t next;
};

static int scan_row(void *arg, const uint8_t *key, size_t klen, const uint8_t *val, size_t vlen)
{
    struct scan_state *st = arg;
    uint8_t want[BENCH_VAL_LEN];

    if (klen != BENCH_KEY_LEN || bench_get_be64(key) != st->next)
        return bench_fail(st->engine, "CORRECTNESS: scan row %llu: key %s%llu, expected %llu",
                          (unsigned long long)st->next, klen != BENCH_KEY_LEN ? "of bad length, " : "",
                          (unsigned long long)(klen == BENCH_KEY_LEN ? bench_get_be64(key) : 0),
                          (unsigned long long)st->next);
    bench_make_val(want, st->next);
    if (vlen != BENCH_VAL_LEN || memcmp(val, want, BENCH_VAL_LEN))
        return bench_fail(st->engine, "CORRECTNESS: scan row %llu: wrong value", (unsigned long long)st->next);
    st->next++;
    return 0;
}

int bench_scan(const struct bench_engine *e, bench_db *db, uint64_t n, double *secs)
{
    struct scan_state st;
    double t0 = bench_now();

    st.engine = e->name;
    st.next = 0;
    if (e->scan(db, BENCH_T_ORDERED, scan_row, &st)) return -1;
    *secs = bench_now() - t0;
    if (st.next != n)
        return bench_fail(e->name, "CORRECTNESS: scan saw %llu rows, expected %llu", (unsigned long long)st.next,
                          (unsigned long long)n);
    return 0;
}
