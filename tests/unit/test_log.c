/*
 * test_log.c - the write-ahead log (engine/log/): records across many
 * generations, ESENT's file names on disk, torn tails, a crash between
 * every step of rolling to a new generation, gaps and foreign files,
 * circular logging, reserve files on a full disk, group commit under
 * threads, the checkpoint file's two slots, garbage files, and a
 * power-loss sweep on the in-memory fault-injecting VFS.
 *
 * Record contents are derived from (seed, record id), so a test can check
 * any record read back without keeping it.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"

#include "crc32c.h"
#include "esent.h"
#include "log.h"
#include "os.h"
#include "os_memvfs.h"

#define FS 65536u
#define OK(expr) ck_assert_int_eq((expr), 0)

static char dir[4096]; /* ends with '/' */

static void setup(void)
{
    snprintf(dir, sizeof(dir), "%s/", unit_tmpdir());
}

static uint64_t next_rand(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* The sweeps provoke thousands of expected errors: keep their traces out
 * of the test log (WINEDEBUG is read at a channel's first message). */
static void quiet(void)
{
    setenv("WINEDEBUG", "-esent", 1);
}

static uint64_t test_seed(const char *test)
{
    unsigned long long seed = unit_seed();
    fprintf(stderr, "log %s: UNIT_SEED=%llu\n", test, seed);
    return seed;
}

static struct log_config config(os_vfs *vfs, const char *d, int circular)
{
    struct log_config c;
    memset(&c, 0, sizeof(c));
    c.vfs = vfs;
    c.dir = d;
    c.basename = "edb";
    c.file_size = FS;
    c.buffer_size = 32768;
    c.circular = circular;
    return c;
}

/* ---- records derived from (seed, id) -------------------------------------- */

static uint32_t rec_len(uint64_t seed, uint32_t id, uint32_t maxlen)
{
    uint64_t s = seed ^ ((uint64_t)id << 20) ^ 0x5bd1e995;
    uint64_t r = next_rand(&s);
    /* Mostly small, sometimes large, sometimes empty. */
    if (r % 16 == 0) return 0;
    if (r % 16 == 1) return (uint32_t)(next_rand(&s) % (maxlen + 1));
    return (uint32_t)(next_rand(&s) % (maxlen / 8 + 1));
}

static uint8_t rec_type(uint32_t id)
{
    return (uint8_t)(id % (LOG_TYPE_USER_MAX + 1));
}

static void rec_fill(uint64_t seed, uint32_t id, uint8_t *buf, uint32_t len)
{
    uint64_t s = seed * 31 + id;
    uint32_t i;
    for (i = 0; i < len; i++) {
        if (i % 8 == 0) s = next_rand(&s);
        buf[i] = (uint8_t)(s >> (8 * (i % 8)));
    }
}

static void rec_check(uint64_t seed, uint32_t id, uint8_t type, const uint8_t *p, uint32_t len,
                      uint32_t maxlen)
{
    uint8_t *want = malloc(maxlen + 1);
    ck_assert_ptr_nonnull(want);
    ck_assert_uint_eq(type, rec_type(id));
    ck_assert_uint_eq(len, rec_len(seed, id, maxlen));
    rec_fill(seed, id, want, len);
    ck_assert(len == 0 || memcmp(p, want, len) == 0);
    free(want);
}

/* Appends records first..first+n-1; lsns[id] gets each position. */
static void append_range(wal *l, uint64_t seed, uint32_t first, uint32_t n, uint32_t maxlen, lsn_t *lsns)
{
    uint8_t *buf = malloc(maxlen + 1);
    uint32_t id;

    ck_assert_ptr_nonnull(buf);
    for (id = first; id < first + n; id++) {
        uint32_t len = rec_len(seed, id, maxlen);
        lsn_t at;
        rec_fill(seed, id, buf, len);
        OK(log_append(l, rec_type(id), buf, len, &at));
        if (lsns) lsns[id] = at;
    }
    free(buf);
}

/* Reads from `from` to the end and checks the records are ids[0..n) in
 * that order (with their LSNs if lsns is given). */
static void read_expect(wal *l, lsn_t from, uint64_t seed, const uint32_t *ids, uint32_t n,
                        const lsn_t *lsns, uint32_t maxlen)
{
    log_reader *rd;
    const uint8_t *p;
    uint32_t i, len;
    uint8_t type;
    lsn_t at, prev = 0;

    OK(log_reader_open(l, from, &rd));
    for (i = 0; i < n; i++) {
        int r = log_reader_next(rd, &type, &p, &len, &at);
        if (r != 1) fprintf(stderr, "record %u of %u: %d\n", i, n, r);
        ck_assert_int_eq(r, 1);
        rec_check(seed, ids[i], type, p, len, maxlen);
        if (lsns) ck_assert_uint_eq(at, lsns[ids[i]]);
        ck_assert_uint_gt(at, prev);
        prev = at;
    }
    ck_assert_int_eq(log_reader_next(rd, &type, &p, &len, &at), 0);
    ck_assert_int_eq(log_reader_next(rd, &type, &p, &len, &at), 0);
    log_reader_close(rd);
}

static uint32_t *id_range(uint32_t first, uint32_t n)
{
    uint32_t *ids = malloc((n + 1) * sizeof(*ids)), i;
    ck_assert_ptr_nonnull(ids);
    for (i = 0; i < n; i++) ids[i] = first + i;
    return ids;
}

/* ---- the directory, through POSIX ----------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names in dir joined by spaces. */
static char *dir_listing(void)
{
    char *names[4096], *out;
    size_t n = 0, i, total = 1;
    struct dirent *e;
    DIR *d = opendir(dir);

    ck_assert_ptr_nonnull(d);
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        ck_assert_uint_lt(n, 4096);
        names[n] = strdup(e->d_name);
        total += strlen(e->d_name) + 1;
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof(names[0]), cmp_str);
    out = calloc(1, total);
    for (i = 0; i < n; i++) {
        if (i) strcat(out, " ");
        strcat(out, names[i]);
        free(names[i]);
    }
    return out;
}

/* The listing a set with archives lo..hi-1 and edb.log should have. */
static char *expected_listing(uint32_t lo, uint32_t hi, int chk)
{
    char *names[4096], *out;
    size_t n = 0, i, total = 1;
    uint32_t g;
    char buf[64];

    for (g = lo; g < hi; g++) {
        snprintf(buf, sizeof(buf), g <= 0xFFFFF ? "edb%05X.log" : "edb%08X.log", g);
        names[n++] = strdup(buf);
    }
    names[n++] = strdup("edb.log");
    if (chk) names[n++] = strdup("edb.chk");
    names[n++] = strdup("edbres00001.jrs");
    names[n++] = strdup("edbres00002.jrs");
    qsort(names, n, sizeof(names[0]), cmp_str);
    for (i = 0; i < n; i++) total += strlen(names[i]) + 1;
    out = calloc(1, total);
    for (i = 0; i < n; i++) {
        if (i) strcat(out, " ");
        strcat(out, names[i]);
        free(names[i]);
    }
    return out;
}

static void expect_listing(uint32_t lo, uint32_t hi, int chk)
{
    char *have = dir_listing(), *want = expected_listing(lo, hi, chk);
    if (strcmp(have, want)) fprintf(stderr, "have: %s\nwant: %s\n", have, want);
    ck_assert_str_eq(have, want);
    free(have);
    free(want);
}

static char *in_dir(const char *name)
{
    static char bufs[4][4200];
    static int k;
    char *p = bufs[k++ & 3];
    snprintf(p, 4200, "%s%s", dir, name);
    return p;
}

static char *archive(uint32_t gen)
{
    char name[32];
    snprintf(name, sizeof(name), gen <= 0xFFFFF ? "edb%05X.log" : "edb%08X.log", gen);
    return in_dir(name);
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void xor_byte(const char *path, uint64_t off, uint8_t mask)
{
    uint8_t b;
    int fd = open(path, O_RDWR);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(pread(fd, &b, 1, (off_t)off), 1);
    b ^= mask;
    ck_assert_int_eq(pwrite(fd, &b, 1, (off_t)off), 1);
    close(fd);
}

static void write_file(const char *path, const void *data, size_t n)
{
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, data, n), (ssize_t)n);
    close(fd);
}

static uint32_t header_u32(const char *path, uint32_t off)
{
    uint8_t b[4];
    int fd = open(path, O_RDONLY);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(pread(fd, b, 4, off), 4);
    close(fd);
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

/* Rewrites fields of a log file header (format.md) and its checksum. */
static void patch_header(const char *path, uint32_t gen, uint32_t first_gen)
{
    uint8_t h[4096];
    uint32_t crc;
    int fd = open(path, O_RDWR);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(pread(fd, h, sizeof(h), 0), (ssize_t)sizeof(h));
    memcpy(h + 20, &gen, 4);
    memcpy(h + 28, &first_gen, 4);
    crc = crc32c(0, h + 4, sizeof(h) - 4);
    memcpy(h, &crc, 4);
    ck_assert_int_eq(pwrite(fd, h, sizeof(h), 0), (ssize_t)sizeof(h));
    close(fd);
}

/* ---- records, generations, names ------------------------------------------ */

START_TEST(fresh_set_names_and_header)
{
    struct log_config c = config(os_vfs_default(), dir, 0);
    wal *l;
    lsn_t end;

    OK(log_open(&c, &l, &end));
    ck_assert_uint_eq(end, LSN_MAKE(1, LOG_HEADER_SIZE));
    ck_assert_uint_eq(log_end(l), end);
    ck_assert_uint_eq(log_durable(l), end);
    ck_assert_uint_eq(log_first_generation(l), 1);
    ck_assert_uint_eq(log_max_payload(l), FS - LOG_HEADER_SIZE - LOG_RECORD_HEADER - 16);
    OK(log_close(l));
    expect_listing(1, 1, 0);
    ck_assert_uint_eq(header_u32(in_dir("edb.log"), 20), 1);      /* generation */
    ck_assert_uint_eq(header_u32(in_dir("edb.log"), 24), FS);     /* file size */
    {
        struct stat st;
        ck_assert_int_eq(stat(in_dir("edb.log"), &st), 0);
        ck_assert_int_eq(st.st_size, FS);
        ck_assert_int_eq(stat(in_dir("edbres00001.jrs"), &st), 0);
        ck_assert_int_eq(st.st_size, FS);
        ck_assert_int_eq(stat(in_dir("edbres00002.jrs"), &st), 0);
        ck_assert_int_eq(st.st_size, FS);
    }
}
END_TEST

START_TEST(many_generations_roundtrip)
{
    uint64_t seed = test_seed("many_generations_roundtrip");
    struct log_config c = config(os_vfs_default(), dir, 0);
    const uint32_t n = 3000, maxlen = 6000;
    lsn_t *lsns = calloc(n, sizeof(*lsns)), end;
    uint32_t *ids = id_range(0, n), gen, i;
    const uint8_t *sig;
    uint8_t sig1[16];
    wal *l;

    OK(log_open(&c, &l, NULL));
    memcpy(sig1, log_signature(l), 16);
    append_range(l, seed, 0, n / 2, maxlen, lsns);
    OK(log_flush(l, lsns[n / 2 - 1]));
    ck_assert_uint_gt(log_durable(l), lsns[n / 2 - 1]);
    append_range(l, seed, n / 2, n - n / 2, maxlen, lsns);
    OK(log_flush_all(l));
    ck_assert_uint_eq(log_durable(l), log_end(l));
    gen = LSN_GEN(log_end(l));
    ck_assert_uint_gt(gen, 16); /* hex digits A..F appear in names */
    for (i = 1; i < n; i++) ck_assert_uint_gt(lsns[i], lsns[i - 1]);
    read_expect(l, 0, seed, ids, n, lsns, maxlen);
    OK(log_close(l));
    expect_listing(1, gen, 0);
    for (i = 1; i < gen; i++) ck_assert_uint_eq(header_u32(archive(i), 20), i);

    /* Reopen: everything is there, a new generation was started and the
     * signature is the set's. */
    OK(log_open(&c, &l, &end));
    ck_assert_uint_eq(end, LSN_MAKE(gen + 1, LOG_HEADER_SIZE));
    sig = log_signature(l);
    ck_assert_int_eq(memcmp(sig, sig1, 16), 0);
    read_expect(l, 0, seed, ids, n, lsns, maxlen);
    /* From the middle of a generation, and from a generation's start. */
    read_expect(l, lsns[1234], seed, ids + 1234, n - 1234, lsns, maxlen);
    for (i = 2000; LSN_GEN(lsns[i - 1]) == LSN_GEN(lsns[2000]); i--) continue;
    read_expect(l, LSN_MAKE(LSN_GEN(lsns[2000]), 0), seed, ids + i, n - i, lsns, maxlen);
    /* At the end: nothing; past it or before the first generation: refused. */
    read_expect(l, end, seed, NULL, 0, NULL, maxlen);
    {
        log_reader *rd;
        ck_assert_int_eq(log_reader_open(l, end + 1, &rd), JET_errInvalidParameter);
        ck_assert_int_eq(log_reader_open(l, LSN_MAKE(gen + 5, LOG_HEADER_SIZE), &rd), JET_errInvalidParameter);
    }
    OK(log_close(l));
    expect_listing(1, gen + 1, 0);
    free(lsns);
    free(ids);
}
END_TEST

START_TEST(eight_digit_names)
{
    struct log_config c = config(os_vfs_default(), dir, 0);
    uint8_t rec[100] = { 1, 2, 3 };
    wal *l;
    lsn_t end, at;

    OK(log_open(&c, &l, NULL));
    OK(log_close(l));
    /* Pretend the set has come a long way. */
    patch_header(in_dir("edb.log"), 0xFFFFF, 0xFFFFF);
    OK(log_open(&c, &l, &end));
    ck_assert_uint_eq(end, LSN_MAKE(0x100000, LOG_HEADER_SIZE));
    ck_assert_uint_eq(log_first_generation(l), 0xFFFFF);
    OK(log_append(l, 7, rec, sizeof(rec), &at));
    OK(log_roll(l));
    OK(log_close(l));
    ck_assert(exists(in_dir("edbFFFFF.log")));
    ck_assert(exists(in_dir("edb00100000.log")));
    expect_listing(0xFFFFF, 0x100001, 0);
    ck_assert_uint_eq(header_u32(in_dir("edb.log"), 20), 0x100001);
    OK(log_open(&c, &l, NULL));
    {
        log_reader *rd;
        const uint8_t *p;
        uint32_t len;
        uint8_t type;
        lsn_t got;
        OK(log_reader_open(l, 0, &rd));
        ck_assert_int_eq(log_reader_next(rd, &type, &p, &len, &got), 1);
        ck_assert_uint_eq(got, at);
        ck_assert_uint_eq(type, 7);
        ck_assert_uint_eq(len, sizeof(rec));
        ck_assert_int_eq(memcmp(p, rec, sizeof(rec)), 0);
        ck_assert_int_eq(log_reader_next(rd, &type, &p, &len, &got), 0);
        log_reader_close(rd);
    }
    OK(log_close(l));
}
END_TEST

START_TEST(unflushed_records_are_readable_and_big_records)
{
    uint64_t seed = test_seed("unflushed_records_are_readable_and_big_records");
    struct log_config c = config(os_vfs_default(), dir, 0);
    uint32_t maxlen, *ids = id_range(0, 400);
    lsn_t lsns[400];
    uint8_t *big;
    wal *l;

    c.buffer_size = 16384; /* smaller than many records below */
    OK(log_open(&c, &l, NULL));
    maxlen = log_max_payload(l);
    append_range(l, seed, 0, 200, 40000, lsns);
    /* A reader sees what was appended before it was opened. */
    read_expect(l, 0, seed, ids, 200, lsns, 40000);
    append_range(l, seed, 200, 200, 40000, lsns);
    read_expect(l, lsns[150], seed, ids + 150, 250, lsns, 40000);
    /* The largest record there is, and one byte more. */
    big = calloc(1, maxlen + 1);
    memset(big, 0xA5, maxlen);
    OK(log_append(l, 3, big, maxlen, NULL));
    ck_assert_int_eq(log_append(l, 3, big, maxlen + 1, NULL), JET_errInvalidParameter);
    OK(log_close(l));
    OK(log_open(&c, &l, NULL));
    {
        log_reader *rd;
        const uint8_t *p;
        uint32_t len, i;
        uint8_t type;
        OK(log_reader_open(l, lsns[399], &rd));
        ck_assert_int_eq(log_reader_next(rd, &type, &p, &len, NULL), 1);
        ck_assert_int_eq(log_reader_next(rd, &type, &p, &len, NULL), 1);
        ck_assert_uint_eq(len, maxlen);
        for (i = 0; i < len; i++) ck_assert_uint_eq(p[i], 0xA5);
        ck_assert_int_eq(log_reader_next(rd, &type, &p, &len, NULL), 0);
        log_reader_close(rd);
    }
    OK(log_close(l));
    free(big);
    free(ids);
}
END_TEST

START_TEST(invalid_arguments)
{
    struct log_config c = config(os_vfs_default(), dir, 0);
    uint8_t b[8] = { 0 };
    wal *l;

    c.basename = "edbx";
    ck_assert_int_eq(log_open(&c, &l, NULL), JET_errInvalidParameter);
    ck_assert_ptr_null(l);
    c = config(os_vfs_default(), dir, 0);
    c.file_size = 4096;
    ck_assert_int_eq(log_open(&c, &l, NULL), JET_errInvalidParameter);
    c = config(os_vfs_default(), dir, 0);
    ck_assert_int_eq(log_open(NULL, &l, NULL), JET_errInvalidParameter);
    OK(log_open(&c, &l, NULL));
    ck_assert_int_eq(log_append(l, LOG_TYPE_USER_MAX + 1, b, 8, NULL), JET_errInvalidParameter);
    ck_assert_int_eq(log_append(l, 0xFF, b, 8, NULL), JET_errInvalidParameter);
    ck_assert_int_eq(log_append(l, 1, NULL, 8, NULL), JET_errInvalidParameter);
    OK(log_append(l, 1, NULL, 0, NULL));
    ck_assert_int_eq(log_checkpoint_write(l, b, 3073), JET_errInvalidParameter);
    OK(log_close(l));
    /* A folder that does not exist. */
    c.dir = "/nonexistent-esent-dir/";
    ck_assert_int_lt(log_open(&c, &l, NULL), 0);
}
END_TEST

/* ---- torn tails ------------------------------------------------------------ */

/* Writes n records (ids 0..n-1) into a fresh set, closes it; returns the
 * current generation, with lsns filled. */
static uint32_t make_set(uint64_t seed, uint32_t n, uint32_t maxlen, lsn_t *lsns, int circular)
{
    struct log_config c = config(os_vfs_default(), dir, circular);
    uint32_t gen;
    wal *l;

    OK(log_open(&c, &l, NULL));
    append_range(l, seed, 0, n, maxlen, lsns);
    gen = LSN_GEN(log_end(l));
    OK(log_close(l));
    return gen;
}

#define TORN_MAX 1000u

/* n records, then record `damaged` of the last generation is damaged
 * (how: 0 its CRC, 1 its length, 2 its zero bytes, 3 the file cut inside
 * it); the records after it keep valid CRCs at their positions. */
static void torn_tail_case(uint64_t seed, uint32_t n, uint32_t damaged, int how)
{
    struct log_config c = config(os_vfs_default(), dir, 0);
    const uint32_t maxlen = 3000;
    uint32_t *ids = id_range(0, n + 100), gen, keep, i;
    lsn_t lsns[TORN_MAX + 100];
    wal *l;

    gen = make_set(seed, n, maxlen, lsns, 0);
    ck_assert_uint_eq(LSN_GEN(lsns[n - 1]), gen);
    ck_assert_uint_eq(LSN_GEN(lsns[damaged]), gen);
    if (how == 0) {
        xor_byte(in_dir("edb.log"), LSN_OFF(lsns[damaged]) + 5, 0x40);  /* crc */
    } else if (how == 1) {
        xor_byte(in_dir("edb.log"), LSN_OFF(lsns[damaged]) + 0, 0x01);  /* length */
    } else if (how == 2) {
        xor_byte(in_dir("edb.log"), LSN_OFF(lsns[damaged]) + 10, 0x01); /* zero bytes */
    } else {
        /* Cut the file inside the record (a short file). */
        ck_assert_int_eq(truncate(in_dir("edb.log"), LSN_OFF(lsns[damaged]) + 7), 0);
    }
    keep = damaged;
    OK(log_open(&c, &l, NULL));
    ck_assert_uint_eq(log_end(l), LSN_MAKE(gen + 1, LOG_HEADER_SIZE));
    read_expect(l, 0, seed, ids, keep, lsns, maxlen);
    /* New records follow the end; the records after the damage never
     * come back. */
    append_range(l, seed, n, 100, maxlen, lsns);
    for (i = 0; i < 100; i++) ids[keep + i] = n + i;
    read_expect(l, 0, seed, ids, keep + 100, lsns, maxlen);
    OK(log_close(l));
    OK(log_open(&c, &l, NULL));
    read_expect(l, 0, seed, ids, keep + 100, lsns, maxlen);
    OK(log_close(l));
    free(ids);
}

START_TEST(torn_tail_last_record)
{
    uint64_t seed = test_seed("torn_tail_last_record");
    torn_tail_case(seed, 300, 299, _i);
}
END_TEST

START_TEST(torn_tail_hole_before_valid_records)
{
    uint64_t seed = test_seed("torn_tail_hole_before_valid_records");
    lsn_t lsns[TORN_MAX];
    uint32_t n, gen, first;

    /* Enough records for the last generation to hold at least ten. */
    for (n = 300;; n += 20) {
        ck_assert_uint_le(n, TORN_MAX);
        setup();
        gen = make_set(seed, n, 3000, lsns, 0);
        for (first = n - 1; first > 0 && LSN_GEN(lsns[first - 1]) == gen; first--) continue;
        if (first + 10 <= n) break;
    }
    /* Damage the first record of the last generation, or one in its
     * middle, in a clean folder. */
    setup();
    torn_tail_case(seed, n, _i ? (first + n) / 2 : first, 0);
}
END_TEST

/* ---- crashes while rolling ------------------------------------------------ */

/* After make_set and a roll: the set is 1..gen+1, edb.log (gen+1) empty. */
static uint32_t make_rolled_set(uint64_t seed, uint32_t n, lsn_t *lsns)
{
    struct log_config c = config(os_vfs_default(), dir, 0);
    uint32_t gen;
    wal *l;

    OK(log_open(&c, &l, NULL));
    append_range(l, seed, 0, n, 3000, lsns);
    OK(log_roll(l));
    gen = LSN_GEN(log_end(l));
    OK(log_close(l));
    return gen; /* edb.log's generation */
}

static void check_recovered(uint64_t seed, uint32_t n, lsn_t *lsns, uint32_t last_archive)
{
    struct log_config c = config(os_vfs_default(), dir, 0);
    uint32_t *ids = id_range(0, n + 10), gen;
    wal *l;

    OK(log_open(&c, &l, NULL));
    ck_assert(!exists(in_dir("edbtmp.log")));
    gen = LSN_GEN(log_end(l));
    ck_assert_uint_gt(gen, last_archive);
    read_expect(l, 0, seed, ids, n, lsns, 3000);
    append_range(l, seed, n, 10, 3000, lsns);
    read_expect(l, 0, seed, ids, n + 10, lsns, 3000);
    OK(log_close(l));
    expect_listing(1, gen, 0);
    OK(log_open(&c, &l, NULL));
    read_expect(l, 0, seed, ids, n + 10, lsns, 3000);
    OK(log_close(l));
    free(ids);
}

START_TEST(crash_during_roll)
{
    uint64_t seed = test_seed("crash_during_roll");
    const uint32_t n = 100;
    lsn_t lsns[128];
    uint32_t g = make_rolled_set(seed, n, lsns); /* edb.log = g (empty), edb(g-1).log sealed */
    char garbage[5000];

    memset(garbage, 0x5A, sizeof(garbage));
    switch (_i) {
    case 0:
        /* Step 1 done (sealed), step 2 not started. */
        ck_assert_int_eq(rename(archive(g - 1), in_dir("edb.log")), 0);
        break;
    case 1:
        /* Step 2 half done: edbtmp.log is garbage. */
        ck_assert_int_eq(rename(archive(g - 1), in_dir("edb.log")), 0);
        write_file(in_dir("edbtmp.log"), garbage, sizeof(garbage));
        break;
    case 2:
        /* Step 2 done, step 3 not: edb.log sealed, edbtmp.log complete. */
        ck_assert_int_eq(rename(in_dir("edb.log"), in_dir("edbtmp.log")), 0);
        ck_assert_int_eq(rename(archive(g - 1), in_dir("edb.log")), 0);
        break;
    case 3:
        /* Step 3 done, step 4 not: no edb.log. */
        ck_assert_int_eq(rename(in_dir("edb.log"), in_dir("edbtmp.log")), 0);
        break;
    case 4:
        /* Step 1 not done: the last generation is not sealed (its EOF
         * record, right after the last record, is damaged). */
        ck_assert_int_eq(rename(archive(g - 1), in_dir("edb.log")), 0);
        {
            uint32_t last = LSN_OFF(lsns[n - 1]);
            uint32_t eof_off = last + 12 + header_u32(in_dir("edb.log"), last);
            xor_byte(in_dir("edb.log"), eof_off + 4, 0x80);
        }
        break;
    case 5:
        /* The whole roll done: nothing to recover. */
        break;
    }
    check_recovered(seed, n, lsns, g - 1);
}
END_TEST

START_TEST(crash_while_creating_first_generation)
{
    struct log_config c = config(os_vfs_default(), dir, 0);
    char garbage[3000];
    log_reader *rd;
    const uint8_t *p;
    uint32_t len;
    uint8_t type;
    lsn_t end;
    wal *l;

    /* edbtmp.log half written, nothing else: a new set. */
    memset(garbage, 0x11, sizeof(garbage));
    write_file(in_dir("edbtmp.log"), garbage, sizeof(garbage));
    OK(log_open(&c, &l, &end));
    ck_assert_uint_eq(end, LSN_MAKE(1, LOG_HEADER_SIZE));
    OK(log_append(l, 1, garbage, 10, NULL));
    OK(log_close(l));
    expect_listing(1, 1, 0);
    /* edbtmp.log complete (generation 1), not renamed to edb.log yet. */
    ck_assert_int_eq(rename(in_dir("edb.log"), in_dir("edbtmp.log")), 0);
    OK(log_open(&c, &l, &end));
    ck_assert_uint_eq(end, LSN_MAKE(2, LOG_HEADER_SIZE));
    OK(log_reader_open(l, 0, &rd));
    ck_assert_int_eq(log_reader_next(rd, &type, &p, &len, NULL), 1);
    ck_assert_uint_eq(len, 10);
    ck_assert_int_eq(log_reader_next(rd, &type, &p, &len, NULL), 0);
    log_reader_close(rd);
    OK(log_close(l));
    expect_listing(1, 2, 0);
    /* edbtmp.log of generation 3 but generation 2 missing: edb.log lost. */
    ck_assert_int_eq(rename(in_dir("edb.log"), in_dir("edbtmp.log")), 0);
    ck_assert_int_eq(unlink(archive(1)), 0);
    patch_header(in_dir("edbtmp.log"), 3, 1);
    ck_assert_int_eq(log_open(&c, &l, NULL), JET_errMissingLogFile);
}
END_TEST

/* Another opener making a new set holds edbtmp.log locked: it is left
 * alone (JET_errFileAccessDenied), and used once that opener is gone. */
START_TEST(new_set_being_made_by_another_opener)
{
    struct log_config c = config(os_vfs_default(), dir, 0);
    char garbage[3000];
    os_file *held;
    struct stat st;
    lsn_t end;
    wal *l;

    memset(garbage, 0x11, sizeof(garbage));
    OK(os_file_open(os_vfs_default(), in_dir("edbtmp.log"), OS_OPEN_CREATE | OS_OPEN_LOCK, &held));
    OK(os_file_write(held, 0, garbage, sizeof(garbage)));
    ck_assert_int_eq(log_open(&c, &l, NULL), JET_errFileAccessDenied);
    ck_assert_int_eq(stat(in_dir("edbtmp.log"), &st), 0);
    ck_assert_int_eq((int)st.st_size, (int)sizeof(garbage));
    ck_assert(!exists(in_dir("edb.log")));
    os_file_close(held);
    OK(log_open(&c, &l, &end));
    ck_assert_uint_eq(end, LSN_MAKE(1, LOG_HEADER_SIZE));
    /* The one handle went from edbtmp.log to edb.log: still held. */
    ck_assert(!exists(in_dir("edbtmp.log")));
    ck_assert_int_eq(os_file_open(os_vfs_default(), in_dir("edb.log"), OS_OPEN_LOCK, &held), OS_EACCES);
    OK(log_append(l, 1, garbage, 10, NULL));
    OK(log_close(l));

    /* A complete generation 2 in edbtmp.log, held by the opener about to
     * rename it: not taken over either. */
    OK(log_open(&c, &l, NULL));
    OK(log_close(l));
    expect_listing(1, 2, 0);
    ck_assert_int_eq(rename(in_dir("edb.log"), in_dir("edbtmp.log")), 0);
    OK(os_file_open(os_vfs_default(), in_dir("edbtmp.log"), OS_OPEN_LOCK, &held));
    ck_assert_int_eq(log_open(&c, &l, NULL), JET_errFileAccessDenied);
    ck_assert(exists(in_dir("edbtmp.log")));
    os_file_close(held);
    OK(log_open(&c, &l, &end));
    ck_assert_uint_eq(end, LSN_MAKE(3, LOG_HEADER_SIZE));
    OK(log_close(l));
    expect_listing(1, 3, 0);
}
END_TEST

/* Generations removed by circular logging are made durable by a sync of
 * their folder, once per batch of removals. */
START_TEST(circular_removals_sync_the_folder)
{
    os_vfs *vfs = os_memvfs_create();
    struct log_config c = config(vfs, "", 1);
    lsn_t lsns[600];
    uint64_t syncs;
    char name[32];
    wal *l;

    OK(log_open(&c, &l, NULL));
    append_range(l, 7, 0, 600, 12000, lsns);
    OK(log_flush_all(l));
    ck_assert_uint_gt(LSN_GEN(lsns[300]), 4);
    syncs = os_memvfs_dir_syncs(vfs);
    OK(log_release_before(l, lsns[300]));
    snprintf(name, sizeof(name), "edb%05X.log", 1u);
    ck_assert_int_eq(os_path_exists(vfs, name), 0);
    ck_assert_uint_eq(os_memvfs_dir_syncs(vfs), syncs + 1);
    /* Nothing more to remove: no sync. */
    OK(log_release_before(l, lsns[300]));
    ck_assert_uint_eq(os_memvfs_dir_syncs(vfs), syncs + 1);
    OK(log_close(l));
    os_memvfs_destroy(vfs);
}
END_TEST

/* ---- sets that do not fit together --------------------------------------- */

START_TEST(missing_and_foreign_files)
{
    uint64_t seed = test_seed("missing_and_foreign_files");
    struct log_config c = config(os_vfs_default(), dir, 0);
    lsn_t lsns[400];
    uint32_t gen = make_set(seed, 400, 12000, lsns, 0);
    char other[4096], path[4200], tmp[4200];
    wal *l;

    ck_assert_uint_gt(gen, 4);
    /* A gap in the middle. */
    snprintf(tmp, sizeof(tmp), "%s", archive(3));
    ck_assert_int_eq(rename(tmp, in_dir("saved")), 0);
    ck_assert_int_eq(log_open(&c, &l, NULL), JET_errMissingLogFile);
    ck_assert_ptr_null(l);
    ck_assert_int_eq(rename(in_dir("saved"), tmp), 0);
    /* edb.log missing. */
    ck_assert_int_eq(rename(in_dir("edb.log"), in_dir("saved")), 0);
    ck_assert_int_eq(log_open(&c, &l, NULL), JET_errMissingLogFile);
    ck_assert_int_eq(rename(in_dir("saved"), in_dir("edb.log")), 0);
    /* Another size configured. */
    c.file_size = 2 * FS;
    ck_assert_int_eq(log_open(&c, &l, NULL), JET_errLogFileSizeMismatch);
    c.file_size = FS;
    /* An archive from another log set. */
    snprintf(other, sizeof(other), "%s", dir);
    setup();
    make_set(seed, 400, 12000, lsns, 0);
    snprintf(path, sizeof(path), "%s", archive(2));
    snprintf(tmp, sizeof(tmp), "%sedb00002.log", other);
    ck_assert_int_eq(rename(path, tmp), 0);
    memcpy(dir, other, sizeof(dir));
    ck_assert_int_eq(log_open(&c, &l, NULL), JET_errBadLogSignature);
    /* An archive whose header names another generation. */
    patch_header(tmp, 5, 1);
    ck_assert_int_eq(log_open(&c, &l, NULL), JET_errLogGenerationMismatch);
}
END_TEST

/* ---- circular logging ------------------------------------------------------ */

START_TEST(circular_logging_deletes_old_generations)
{
    uint64_t seed = test_seed("circular_logging_deletes_old_generations");
    struct log_config c = config(os_vfs_default(), dir, 1);
    const uint32_t n = 600;
    uint32_t *ids = id_range(0, n), gen, cut, from;
    lsn_t lsns[600];
    log_reader *rd;
    wal *l;

    OK(log_open(&c, &l, NULL));
    append_range(l, seed, 0, n, 12000, lsns);
    OK(log_flush_all(l));
    gen = LSN_GEN(log_end(l));
    ck_assert_uint_gt(gen, 8);
    /* Release everything below the generation of record 300. */
    cut = LSN_GEN(lsns[300]);
    OK(log_release_before(l, lsns[300]));
    ck_assert_uint_eq(log_first_generation(l), cut);
    /* The two newest released files stay as spares for the next rolls;
     * older ones are gone. */
    ck_assert(exists(archive(cut - 1)));
    ck_assert(exists(archive(cut - 2)));
    ck_assert(!exists(archive(cut - 3)));
    ck_assert(!exists(archive(1)));
    ck_assert(exists(archive(cut)));
    ck_assert_int_eq(log_reader_open(l, lsns[0], &rd), JET_errMissingLogFile);
    ck_assert_int_eq(log_reader_open(l, LSN_MAKE(cut - 1, LOG_HEADER_SIZE), &rd), JET_errMissingLogFile);
    for (from = 300; LSN_GEN(lsns[from - 1]) == cut; from--) continue;
    read_expect(l, 0, seed, ids + from, n - from, lsns, 12000);
    OK(log_close(l));
    expect_listing(cut, gen, 0);
    /* Reopening accepts the set (no gap), and releasing past the end
     * never deletes the current generation. */
    OK(log_open(&c, &l, NULL));
    ck_assert_uint_eq(log_first_generation(l), cut);
    read_expect(l, 0, seed, ids + from, n - from, lsns, 12000);
    OK(log_release_before(l, LSN_MAKE(0xFFFFFFF0u, 0)));
    ck_assert_uint_eq(log_first_generation(l), gen + 1);
    OK(log_close(l));
    expect_listing(1, 1, 0);
    OK(log_open(&c, &l, NULL));
    ck_assert_uint_eq(log_first_generation(l), gen + 1);
    OK(log_close(l));
    free(ids);
}
END_TEST

START_TEST(non_circular_logging_keeps_generations)
{
    uint64_t seed = test_seed("non_circular_logging_keeps_generations");
    struct log_config c = config(os_vfs_default(), dir, 0);
    lsn_t lsns[300];
    uint32_t gen;
    wal *l;

    OK(log_open(&c, &l, NULL));
    append_range(l, seed, 0, 300, 3000, lsns);
    gen = LSN_GEN(log_end(l));
    OK(log_release_before(l, log_end(l)));
    ck_assert_uint_eq(log_first_generation(l), 1);
    OK(log_close(l));
    expect_listing(1, gen, 0);
}
END_TEST

/* ---- a wrapping VFS: counts syncs, slows them, fills the disk -------------- */

struct wvfs {
    os_vfs base;
    os_vfs *inner;
    int full;            /* writes that grow a new log file (*tmp.log, *.jrs) fail with OS_ENOSPC */
    unsigned sync_us;    /* each sync takes this long */
    long syncs;
    uint64_t written;    /* bytes written through it */
};

struct wfile {
    os_file base;
    os_file *inner;
    struct wvfs *v;
    int is_tmp;
};

static void w_close(os_file *f)
{
    os_file_close(((struct wfile *)f)->inner);
    free(f);
}

static int w_read(os_file *f, uint64_t off, void *buf, size_t n)
{
    return os_file_read(((struct wfile *)f)->inner, off, buf, n);
}

static int w_write(os_file *f, uint64_t off, const void *buf, size_t n)
{
    struct wfile *wf = (struct wfile *)f;
    uint64_t size;
    if (wf->is_tmp && __atomic_load_n(&wf->v->full, __ATOMIC_RELAXED)) {
        if (os_file_size(wf->inner, &size)) return OS_EIO;
        if (off + n > size) return OS_ENOSPC;
    }
    __atomic_add_fetch(&wf->v->written, n, __ATOMIC_RELAXED);
    return os_file_write(wf->inner, off, buf, n);
}

static int w_sync(os_file *f)
{
    struct wfile *wf = (struct wfile *)f;
    __atomic_add_fetch(&wf->v->syncs, 1, __ATOMIC_RELAXED);
    if (wf->v->sync_us) usleep(wf->v->sync_us);
    return os_file_sync(wf->inner);
}

static int w_size(os_file *f, uint64_t *size)
{
    return os_file_size(((struct wfile *)f)->inner, size);
}

static int w_truncate(os_file *f, uint64_t size)
{
    return os_file_truncate(((struct wfile *)f)->inner, size);
}

static const struct os_file_methods w_methods = { w_close, w_read, w_write, w_sync, w_size, w_truncate };

static int w_open(os_vfs *vfs, const char *path, unsigned flags, os_file **out)
{
    struct wvfs *v = (struct wvfs *)vfs;
    struct wfile *wf;
    size_t n = strlen(path);
    int r;

    *out = NULL;
    if (!(wf = calloc(1, sizeof(*wf)))) return OS_ENOMEM;
    if ((r = os_file_open(v->inner, path, flags, &wf->inner))) {
        free(wf);
        return r;
    }
    wf->base.methods = &w_methods;
    wf->v = v;
    wf->is_tmp = (n >= 7 && !strcmp(path + n - 7, "tmp.log")) || (n >= 4 && !strcmp(path + n - 4, ".jrs"));
    *out = &wf->base;
    return 0;
}

static int w_remove(os_vfs *vfs, const char *path)
{
    return os_path_remove(((struct wvfs *)vfs)->inner, path);
}

static int w_rename(os_vfs *vfs, const char *from, const char *to)
{
    return os_path_rename(((struct wvfs *)vfs)->inner, from, to);
}

static int w_exists(os_vfs *vfs, const char *path)
{
    return os_path_exists(((struct wvfs *)vfs)->inner, path);
}

static int w_mkdir(os_vfs *vfs, const char *path)
{
    return os_path_mkdir(((struct wvfs *)vfs)->inner, path);
}

static void wvfs_init(struct wvfs *v)
{
    memset(v, 0, sizeof(*v));
    v->base.name = "test-wrapper";
    v->base.open = w_open;
    v->base.remove = w_remove;
    v->base.rename = w_rename;
    v->base.exists = w_exists;
    v->base.mkdir = w_mkdir;
    v->inner = os_vfs_default();
}

/* ---- a full disk ------------------------------------------------------------ */

START_TEST(disk_full_uses_reserve_files)
{
    uint64_t seed = test_seed("disk_full_uses_reserve_files");
    struct wvfs v;
    struct log_config c;
    uint32_t *ids = id_range(0, 2000), gen0, id = 0;
    lsn_t lsns[2000];
    uint8_t buf[3000];
    wal *l;
    int r = 0;

    wvfs_init(&v);
    c = config(&v.base, dir, 0);
    OK(log_open(&c, &l, NULL));
    gen0 = LSN_GEN(log_end(l));
    __atomic_store_n(&v.full, 1, __ATOMIC_RELAXED);
    /* Two rolls succeed on the reserve files, the third cannot. */
    while (id < 2000) {
        uint32_t len = rec_len(seed, id, 3000);
        rec_fill(seed, id, buf, len);
        r = log_append(l, rec_type(id), buf, len, &lsns[id]);
        if (r) break;
        id++;
    }
    ck_assert_int_eq(r, JET_errLogDiskFull);
    ck_assert_uint_eq(LSN_GEN(lsns[id - 1]), gen0 + 2);
    ck_assert(!exists(in_dir("edbres00001.jrs")));
    ck_assert(!exists(in_dir("edbres00002.jrs")));
    ck_assert(!exists(in_dir("edbtmp.log")));
    /* Everything appended is durable; appends keep failing cleanly. */
    ck_assert_uint_eq(log_durable(l), log_end(l));
    OK(log_flush_all(l));
    ck_assert_int_eq(log_append(l, 1, buf, 10, NULL), JET_errLogDiskFull);
    ck_assert_int_eq(log_roll(l), JET_errLogDiskFull);
    read_expect(l, 0, seed, ids, id, lsns, 3000);
    /* Space comes back: the roll is retried and appends work again. */
    __atomic_store_n(&v.full, 0, __ATOMIC_RELAXED);
    append_range(l, seed, id, 10, 3000, lsns);
    read_expect(l, 0, seed, ids, id + 10, lsns, 3000);
    OK(log_close(l));
    /* Reopening makes the reserve files again. */
    OK(log_open(&c, &l, NULL));
    ck_assert(exists(in_dir("edbres00001.jrs")));
    ck_assert(exists(in_dir("edbres00002.jrs")));
    read_expect(l, 0, seed, ids, id + 10, lsns, 3000);
    OK(log_close(l));
    free(ids);
}
END_TEST

START_TEST(disk_full_at_open)
{
    uint64_t seed = test_seed("disk_full_at_open");
    struct wvfs v;
    struct log_config c;
    uint32_t *ids = id_range(0, 100);
    lsn_t lsns[100], end;
    wal *l;

    wvfs_init(&v);
    c = config(&v.base, dir, 0);
    OK(log_open(&c, &l, NULL));
    append_range(l, seed, 0, 50, 3000, lsns);
    OK(log_close(l));
    OK(unlink(in_dir("edbres00001.jrs")));
    OK(unlink(in_dir("edbres00002.jrs")));
    /* No room for a new generation nor for reserve files: the log opens
     * sealed, recovery can read, appends report the full disk. */
    __atomic_store_n(&v.full, 1, __ATOMIC_RELAXED);
    OK(log_open(&c, &l, &end));
    ck_assert(!exists(in_dir("edbres00001.jrs")));
    ck_assert(!exists(in_dir("edbtmp.log")));
    ck_assert_uint_eq(LSN_OFF(end), LOG_HEADER_SIZE);
    read_expect(l, 0, seed, ids, 50, lsns, 3000);
    ck_assert_int_eq(log_append(l, 1, "x", 1, NULL), JET_errLogDiskFull);
    OK(log_flush_all(l));
    __atomic_store_n(&v.full, 0, __ATOMIC_RELAXED);
    append_range(l, seed, 50, 50, 3000, lsns);
    ck_assert_uint_eq(LSN_GEN(lsns[50]), LSN_GEN(end));
    read_expect(l, 0, seed, ids, 100, lsns, 3000);
    OK(log_close(l));
    free(ids);
}
END_TEST

/* ---- circular logging reuses released files ------------------------------------ */

static uint32_t count_archives(void)
{
    uint32_t n = 0;
    struct dirent *e;
    DIR *d = opendir(dir);

    ck_assert_ptr_nonnull(d);
    while ((e = readdir(d)))
        if (!strncmp(e->d_name, "edb", 3) && strlen(e->d_name) >= 12 && strcmp(e->d_name, "edbtmp.log") &&
            !strcmp(e->d_name + strlen(e->d_name) - 4, ".log"))
            n++;
    closedir(d);
    return n;
}

START_TEST(circular_logging_reuses_released_files)
{
    uint64_t seed = test_seed("circular_logging_reuses_released_files");
    struct wvfs v;
    struct log_config c;
    const uint32_t n = 3000;
    uint32_t *ids = id_range(0, n), id, rel = 0, gen_before, rolls;
    lsn_t *lsns = calloc(n, sizeof(lsn_t));
    uint64_t bytes = 0, written_before;
    uint8_t buf[3000];
    wal *l;

    ck_assert_ptr_nonnull(lsns);
    wvfs_init(&v);
    c = config(&v.base, dir, 1);
    OK(log_open(&c, &l, NULL));
    /* Warm up: a few generations, released as a checkpoint would. */
    append_range(l, seed, 0, 300, 3000, lsns);
    OK(log_flush_all(l));
    OK(log_release_before(l, lsns[250]));
    rel = 250;
    gen_before = LSN_GEN(log_end(l));
    written_before = __atomic_load_n(&v.written, __ATOMIC_RELAXED);
    /* Steady state: every 10 records, release what is 5 records back, as
     * checkpoints would (a generation holds more than 20 records, so a
     * spare is always there when the log rolls). */
    for (id = 300; id < n; id++) {
        uint32_t len = rec_len(seed, id, 3000);
        rec_fill(seed, id, buf, len);
        OK(log_append(l, rec_type(id), buf, len, &lsns[id]));
        bytes += LOG_RECORD_HEADER + len;
        if (id % 10 == 9) {
            OK(log_flush_all(l));
            OK(log_release_before(l, lsns[id - 5]));
            rel = id - 5;
            /* Live generations, at most two spares. */
            ck_assert_uint_le(count_archives(),
                              LSN_GEN(log_end(l)) - LSN_GEN(lsns[rel]) + 1 + 2);
        }
    }
    OK(log_flush_all(l));
    rolls = LSN_GEN(log_end(l)) - gen_before;
    ck_assert_uint_gt(rolls, 10);
    /* No zeros were written for the new generations: the log wrote its
     * records, a header per roll, and an EOF record and a partial last
     * sector per seal, not a file size per roll. */
    ck_assert_uint_le(__atomic_load_n(&v.written, __ATOMIC_RELAXED) - written_before,
                      bytes + (uint64_t)rolls * (LOG_HEADER_SIZE + 64));
    /* Stale records of the reused files are never read as new ones. */
    {
        uint32_t from = rel;
        while (from > 0 && LSN_GEN(lsns[from - 1]) == LSN_GEN(lsns[rel])) from--;
        read_expect(l, 0, seed, ids + from, n - from, lsns, 3000);
        OK(log_close(l));
        /* Close removes the spares: only what recovery needs is left. */
        expect_listing(LSN_GEN(lsns[rel]), LSN_GEN(lsns[n - 1]), 0);
        OK(log_open(&c, &l, NULL));
        read_expect(l, 0, seed, ids + from, n - from, lsns, 3000);
        OK(log_close(l));
    }
    free(lsns);
    free(ids);
}
END_TEST

/* ---- group commit ------------------------------------------------------------ */

struct gc_arg {
    wal *l;
    uint32_t thread, commits;
    int err;
    lsn_t *lsns;
};

static void gc_worker(void *p)
{
    struct gc_arg *a = p;
    uint8_t rec[64];
    uint32_t i;

    for (i = 0; i < a->commits && !a->err; i++) {
        memset(rec, (int)a->thread, sizeof(rec));
        memcpy(rec, &i, sizeof(i));
        a->err = log_append(a->l, (uint8_t)a->thread, rec, 20 + i % 40, &a->lsns[i]);
        if (!a->err) a->err = log_flush(a->l, a->lsns[i]);
        /* Durable means durable: the position is past the record. */
        if (!a->err && log_durable(a->l) <= a->lsns[i]) a->err = -1;
    }
}

static long run_commits(const char *d, uint32_t threads, uint32_t commits, unsigned sync_us)
{
    struct wvfs v;
    struct log_config c;
    struct gc_arg args[16];
    os_thread *t[16];
    uint32_t i, j, seen[16] = { 0 };
    log_reader *rd;
    const uint8_t *p;
    uint32_t len;
    uint8_t type;
    long before, syncs;
    wal *l;
    int r;

    wvfs_init(&v);
    v.sync_us = sync_us;
    c = config(&v.base, d, 0);
    OK(log_open(&c, &l, NULL));
    before = __atomic_load_n(&v.syncs, __ATOMIC_RELAXED);
    for (i = 0; i < threads; i++) {
        args[i].l = l;
        args[i].thread = i;
        args[i].commits = commits;
        args[i].err = 0;
        args[i].lsns = calloc(commits, sizeof(lsn_t));
        OK(os_thread_start(&t[i], gc_worker, &args[i]));
    }
    for (i = 0; i < threads; i++) os_thread_join(t[i]);
    syncs = __atomic_load_n(&v.syncs, __ATOMIC_RELAXED) - before;
    for (i = 0; i < threads; i++) ck_assert_int_eq(args[i].err, 0);
    /* Every commit is there, each thread's in its order. */
    OK(log_reader_open(l, 0, &rd));
    while ((r = log_reader_next(rd, &type, &p, &len, NULL)) == 1) {
        ck_assert_uint_lt(type, threads);
        memcpy(&j, p, sizeof(j));
        ck_assert_uint_eq(j, seen[type]);
        ck_assert_uint_eq(len, 20 + j % 40);
        seen[type]++;
    }
    ck_assert_int_eq(r, 0);
    log_reader_close(rd);
    for (i = 0; i < threads; i++) {
        ck_assert_uint_eq(seen[i], commits);
        free(args[i].lsns);
    }
    OK(log_close(l));
    return syncs;
}

START_TEST(group_commit_shares_syncs)
{
    const uint32_t threads = 8, commits = 100;
    char d1[4200], d2[4200];
    long one, many;

    snprintf(d1, sizeof(d1), "%s/", unit_tmpdir());
    snprintf(d2, sizeof(d2), "%s/", unit_tmpdir());
    one = run_commits(d1, 1, commits, 500);
    many = run_commits(d2, threads, commits, 500);
    fprintf(stderr, "group commit: 1 thread x %u commits: %ld syncs; %u threads x %u commits: %ld syncs "
            "(%.1f commits per sync)\n", commits, one, threads, commits, many,
            (double)threads * commits / (double)many);
    ck_assert_int_ge(one, commits);
    ck_assert_int_lt(many, (long)threads * commits / 2);
}
END_TEST

START_TEST(concurrent_appends_across_rolls)
{
    /* No sleeping syncs: many rolls race with appends and flushes. */
    char d[4200];
    snprintf(d, sizeof(d), "%s/", unit_tmpdir());
    run_commits(d, 6, 1500, 0);
}
END_TEST

/* ---- the checkpoint file ----------------------------------------------------- */

static void chk_expect(wal *l, const char *want)
{
    char buf[3072];
    uint32_t len = 0xdeadbeef;
    OK(log_checkpoint_read(l, buf, sizeof(buf), &len));
    ck_assert_uint_eq(len, strlen(want));
    ck_assert_int_eq(memcmp(buf, want, len), 0);
}

START_TEST(checkpoint_slots)
{
    struct log_config c = config(os_vfs_default(), dir, 0);
    char buf[3072], big[3072];
    uint32_t len;
    wal *l;

    OK(log_open(&c, &l, NULL));
    ck_assert_int_eq(log_checkpoint_read(l, buf, sizeof(buf), &len), JET_errCheckpointFileNotFound);
    OK(log_checkpoint_write(l, "first", 5));
    chk_expect(l, "first");
    OK(log_checkpoint_write(l, "second", 6));
    chk_expect(l, "second");
    ck_assert_int_eq(log_checkpoint_read(l, buf, 3, &len), JET_errBufferTooSmall);
    ck_assert_uint_eq(len, 6);
    OK(log_close(l));
    expect_listing(1, 1, 1);

    /* The sequence continues after a reopen: "third" goes into the slot
     * of "first", and damaging it brings back "second". */
    OK(log_open(&c, &l, NULL));
    chk_expect(l, "second");
    OK(log_checkpoint_write(l, "third", 5));
    chk_expect(l, "third");
    OK(log_close(l));
    OK(log_open(&c, &l, NULL));
    /* Sequence 3 is in slot 1 (offset 4096); its blob starts at 44. */
    xor_byte(in_dir("edb.chk"), 4096 + 44, 0x01);
    chk_expect(l, "second");
    /* The newest valid slot is now slot 0 (sequence 2), so the next write
     * is sequence 3 again, over the damaged slot 1. */
    OK(log_checkpoint_write(l, "fourth", 6));
    chk_expect(l, "fourth");
    xor_byte(in_dir("edb.chk"), 4096 + 30, 0x01); /* slot 1's signature */
    chk_expect(l, "second");
    xor_byte(in_dir("edb.chk"), 0 + 16, 0x01);    /* slot 0's sequence */
    ck_assert_int_eq(log_checkpoint_read(l, buf, sizeof(buf), &len), JET_errCheckpointCorrupt);
    /* Writing again repairs it; the largest blob fits. */
    memset(big, 'x', sizeof(big));
    OK(log_checkpoint_write(l, big, sizeof(big)));
    OK(log_checkpoint_read(l, buf, sizeof(buf), &len));
    ck_assert_uint_eq(len, sizeof(big));
    ck_assert_int_eq(memcmp(buf, big, len), 0);
    OK(log_checkpoint_write(l, NULL, 0));
    chk_expect(l, "");
    OK(log_close(l));
}
END_TEST

START_TEST(checkpoint_garbage)
{
    uint64_t seed = test_seed("checkpoint_garbage");
    struct log_config c = config(os_vfs_default(), dir, 0);
    uint8_t junk[9000];
    char buf[3072];
    uint32_t len, i, k;
    wal *l;

    OK(log_open(&c, &l, NULL));
    for (k = 0; k < 50; k++) {
        size_t n = (size_t)(next_rand(&seed) % sizeof(junk));
        for (i = 0; i < n; i++) junk[i] = (uint8_t)next_rand(&seed);
        if (k % 3 == 0 && n > 44) memcpy(junk + 4, "ESENTCHK\1\0\0\0", 12); /* plausible magic */
        if (k % 5 == 0 && n > 28) memset(junk + 24, 0xFF, 4);              /* huge length */
        write_file(in_dir("edb.chk"), junk, n);
        ck_assert_int_eq(log_checkpoint_read(l, buf, sizeof(buf), &len), JET_errCheckpointCorrupt);
    }
    write_file(in_dir("edb.chk"), junk, 0);
    ck_assert_int_eq(log_checkpoint_read(l, buf, sizeof(buf), &len), JET_errCheckpointCorrupt);
    OK(log_checkpoint_write(l, "ok", 2));
    chk_expect(l, "ok");
    OK(log_close(l));
    /* A checkpoint of another log set. */
    OK(unlink(in_dir("edb.log")));
    OK(log_open(&c, &l, NULL));
    ck_assert_int_eq(log_checkpoint_read(l, buf, sizeof(buf), &len), JET_errBadCheckpointSignature);
    OK(log_close(l));
}
END_TEST

/* ---- garbage log files -------------------------------------------------------- */

START_TEST(garbage_log_files)
{
    uint64_t seed = test_seed("garbage_log_files");
    struct log_config c = config(os_vfs_default(), dir, 0);
    uint8_t *junk = malloc(FS);
    lsn_t lsns[200];
    uint32_t i, gen;
    wal *l;

    for (i = 0; i < FS; i++) junk[i] = (uint8_t)next_rand(&seed);
    /* edb.log of random bytes, of a few bytes, empty. */
    write_file(in_dir("edb.log"), junk, FS);
    ck_assert_int_eq(log_open(&c, &l, NULL), JET_errLogFileCorrupt);
    write_file(in_dir("edb.log"), junk, 10);
    ck_assert_int_eq(log_open(&c, &l, NULL), JET_errLogFileCorrupt);
    write_file(in_dir("edb.log"), junk, 0);
    ck_assert_int_eq(log_open(&c, &l, NULL), JET_errLogFileCorrupt);
    unlink(in_dir("edb.log"));
    unlink(in_dir("edbres00001.jrs"));
    unlink(in_dir("edbres00002.jrs"));

    /* A valid header followed by garbage: an empty generation. */
    gen = make_set(seed, 0, 100, lsns, 0);
    ck_assert_uint_eq(gen, 1);
    {
        int fd = open(in_dir("edb.log"), O_RDWR);
        ck_assert_int_eq(pwrite(fd, junk, FS - LOG_HEADER_SIZE, LOG_HEADER_SIZE), FS - LOG_HEADER_SIZE);
        close(fd);
    }
    OK(log_open(&c, &l, NULL));
    read_expect(l, 0, seed, NULL, 0, NULL, 100);
    OK(log_close(l));

    /* An archive whose records are garbage: reading it is corruption. */
    {
        int fd = open(archive(1), O_RDWR);
        ck_assert_int_ge(fd, 0);
        ck_assert_int_eq(pwrite(fd, junk, 100, LOG_HEADER_SIZE), 100);
        close(fd);
    }
    OK(log_open(&c, &l, NULL));
    {
        log_reader *rd;
        const uint8_t *p;
        uint32_t len;
        uint8_t type;
        OK(log_reader_open(l, 0, &rd));
        ck_assert_int_eq(log_reader_next(rd, &type, &p, &len, NULL), JET_errLogFileCorrupt);
        log_reader_close(rd);
    }
    OK(log_close(l));
    /* An archive of garbage, and a truncated one. */
    write_file(archive(1), junk, FS);
    ck_assert_int_eq(log_open(&c, &l, NULL), JET_errLogFileCorrupt);
    write_file(archive(1), junk, 100);
    ck_assert_int_eq(log_open(&c, &l, NULL), JET_errLogFileCorrupt);
    free(junk);
}
END_TEST

/* ---- on the in-memory VFS: random damage, power loss ----------------------- */

#define MEM_RECORDS 600u
#define MEM_MAXLEN 4000u

/* Builds a set of a few generations on vfs; returns edb.log's generation. */
static uint32_t mem_set(os_vfs *vfs, uint64_t seed, lsn_t *lsns)
{
    struct log_config c = config(vfs, "", 0);
    uint32_t gen;
    wal *l;

    OK(log_open(&c, &l, NULL));
    append_range(l, seed, 0, MEM_RECORDS, MEM_MAXLEN, lsns);
    gen = LSN_GEN(log_end(l));
    OK(log_close(l));
    return gen;
}

START_TEST(random_damage_never_crashes)
{
    uint64_t seed = test_seed("random_damage_never_crashes"), rng = seed;
    uint32_t iter, k;

    quiet();
    for (iter = 0; iter < 150; iter++) {
        os_vfs *vfs = os_memvfs_create();
        struct log_config c = config(vfs, "", 0);
        lsn_t lsns[MEM_RECORDS];
        char name[32];
        uint32_t gen;
        wal *l;
        int r;

        gen = mem_set(vfs, seed, lsns);
        ck_assert_uint_gt(gen, 2);
        /* Flip bits anywhere in the files of the set (mostly in headers
         * and first records every other round). */
        for (k = 0; k < 1 + iter % 8; k++) {
            uint32_t g = 1 + (uint32_t)(next_rand(&rng) % gen);
            uint64_t off = next_rand(&rng) % (iter % 2 ? LOG_HEADER_SIZE + 512 : FS);
            if (g == gen) snprintf(name, sizeof(name), "edb.log");
            else snprintf(name, sizeof(name), "edb%05X.log", g);
            if (os_memvfs_corrupt(vfs, name, off, (uint8_t)(1u << (next_rand(&rng) % 8)))) continue;
        }
        r = log_open(&c, &l, NULL);
        if (r == 0) {
            log_reader *rd;
            const uint8_t *p;
            uint32_t len, n = 0;
            uint8_t type;
            lsn_t at;
            OK(log_reader_open(l, 0, &rd));
            while ((r = log_reader_next(rd, &type, &p, &len, &at)) == 1) {
                /* A record that checks out is one that was written. */
                ck_assert_uint_lt(n, MEM_RECORDS);
                ck_assert_uint_eq(at, lsns[n]);
                rec_check(seed, n, type, p, len, MEM_MAXLEN);
                n++;
            }
            ck_assert(r == 0 || r == JET_errLogFileCorrupt);
            log_reader_close(rd);
            r = log_append(l, 1, "x", 1, NULL);
            ck_assert(r == 0);
            OK(log_close(l));
        } else {
            ck_assert(r == JET_errLogFileCorrupt || r == JET_errBadLogVersion || r == JET_errMissingLogFile ||
                      r == JET_errLogGenerationMismatch || r == JET_errBadLogSignature ||
                      r == JET_errLogFileSizeMismatch);
        }
        os_memvfs_destroy(vfs);
    }
}
END_TEST

/* One run of the power-loss sweep: crash at the nth I/O of the workload,
 * lose power, reopen (crashing again at the mth I/O of the reopen if m),
 * and check what survived. */
static void power_loss_run(uint64_t seed, uint64_t n, uint64_t m, uint64_t *ios, int circular)
{
    os_vfs *vfs = os_memvfs_create();
    struct log_config c = config(vfs, "", circular);
    const uint32_t total = circular ? 700 : 260;
    lsn_t lsns[700 + 20];
    uint32_t *ids = id_range(0, total + 20), acked = 0, appended = 0, released = 0, first = 0, i, got;
    uint64_t io0;
    uint8_t buf[6000];
    log_reader *rd;
    wal *l;
    int r;

    OK(log_open(&c, &l, NULL));
    io0 = os_memvfs_writes(vfs) + os_memvfs_syncs(vfs);
    os_memvfs_crash_at(vfs, n);
    for (i = 0; i < total; i++) {
        uint32_t len = rec_len(seed, i, 6000);
        rec_fill(seed, i, buf, len);
        if (log_append(l, rec_type(i), buf, len, &lsns[i])) break;
        appended = i + 1;
        if (i % 4 == 3 || i == total - 1) {
            if (log_flush(l, lsns[i])) break;
            acked = i + 1;
        }
        /* Circular: release what is 40 records back, as a checkpoint would,
         * so that rolls reuse released files. */
        if (circular && i % 20 == 19 && acked > 40) {
            released = acked - 40;
            if (log_release_before(l, lsns[released])) break;
        }
    }
    if (ios) *ios = os_memvfs_writes(vfs) + os_memvfs_syncs(vfs) - io0;
    r = log_close(l);
    ck_assert(n ? 1 : r == 0);
    os_memvfs_power_loss(vfs, seed + n);

    if (m) {
        /* Crash during recovery's own sealing and rolling. */
        os_memvfs_crash_at(vfs, m);
        r = log_open(&c, &l, NULL);
        if (r == 0) (void)log_close(l);
        os_memvfs_power_loss(vfs, seed + n * 7 + m);
    }
    r = log_open(&c, &l, NULL);
    if (r) fprintf(stderr, "power loss at I/O %llu (reopen crash %llu): reopen failed %d\n",
                   (unsigned long long)n, (unsigned long long)m, r);
    OK(r);
    /* Every acknowledged record is there, nothing but written records is
     * there, and the log ends cleanly. */
    OK(log_reader_open(l, 0, &rd));
    got = 0;
    for (;;) {
        const uint8_t *p;
        uint32_t len;
        uint8_t type;
        lsn_t at;
        r = log_reader_next(rd, &type, &p, &len, &at);
        if (r != 1) break;
        if (got == 0 && circular) {
            /* Released generations may be gone, never anything after the
             * last release point. */
            while (first < appended && lsns[first] < at) first++;
            ck_assert_uint_le(first, released);
            got = first;
        }
        ck_assert_uint_lt(got, appended);
        ck_assert_uint_eq(at, lsns[got]);
        rec_check(seed, got, type, p, len, 6000);
        got++;
    }
    log_reader_close(rd);
    if (r != 0 || got < acked)
        fprintf(stderr, "power loss at I/O %llu (reopen crash %llu): read %u of %u acked, end %d\n",
                (unsigned long long)n, (unsigned long long)m, got, acked, r);
    ck_assert_int_eq(r, 0);
    ck_assert_uint_ge(got, acked);
    /* The log goes on after the survivors. */
    append_range(l, seed, total, 20, 6000, lsns);
    for (i = 0; i < 20; i++) ids[got + i] = total + i;
    read_expect(l, 0, seed, ids + first, got - first + 20, NULL, 6000);
    OK(log_close(l));
    os_memvfs_destroy(vfs);
    free(ids);
}

START_TEST(power_loss_sweep)
{
    uint64_t seed = test_seed("power_loss_sweep"), ios = 0, n;
    int circular = _i;

    quiet();
    power_loss_run(seed, 0, 0, &ios, circular);
    ck_assert_uint_gt(ios, 40);
    fprintf(stderr, "power loss sweep%s: %llu I/Os in the workload\n", circular ? " (circular)" : "",
            (unsigned long long)ios);
    for (n = 1; n <= ios + 1; n++) {
        power_loss_run(seed, n, 0, NULL, circular);
        power_loss_run(seed ^ 0xABCDEF, n, 0, NULL, circular);
        power_loss_run(seed, n, 1 + n % 9, NULL, circular);
    }
}
END_TEST

Suite *log_suite(void)
{
    Suite *s = suite_create("log");
    TCase *tc = tcase_create("files");
    TCase *crash = tcase_create("crash");
    TCase *threads = tcase_create("threads");
    TCase *chk = tcase_create("checkpoint");
    TCase *fault = tcase_create("faults");

    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, fresh_set_names_and_header);
    tcase_add_test(tc, many_generations_roundtrip);
    tcase_add_test(tc, eight_digit_names);
    tcase_add_test(tc, unflushed_records_are_readable_and_big_records);
    tcase_add_test(tc, invalid_arguments);
    tcase_add_test(tc, missing_and_foreign_files);
    tcase_add_test(tc, new_set_being_made_by_another_opener);
    tcase_add_test(tc, circular_removals_sync_the_folder);
    tcase_add_test(tc, circular_logging_deletes_old_generations);
    tcase_add_test(tc, non_circular_logging_keeps_generations);
    tcase_add_test(tc, circular_logging_reuses_released_files);
    tcase_add_test(tc, disk_full_uses_reserve_files);
    tcase_add_test(tc, disk_full_at_open);
    tcase_add_test(tc, garbage_log_files);
    suite_add_tcase(s, tc);

    tcase_add_checked_fixture(crash, setup, NULL);
    tcase_set_timeout(crash, 60);
    tcase_add_loop_test(crash, torn_tail_last_record, 0, 4);
    tcase_add_loop_test(crash, torn_tail_hole_before_valid_records, 0, 2);
    tcase_add_loop_test(crash, crash_during_roll, 0, 6);
    tcase_add_test(crash, crash_while_creating_first_generation);
    suite_add_tcase(s, crash);

    tcase_set_timeout(threads, 120);
    tcase_add_test(threads, group_commit_shares_syncs);
    tcase_add_test(threads, concurrent_appends_across_rolls);
    suite_add_tcase(s, threads);

    tcase_add_checked_fixture(chk, setup, NULL);
    tcase_add_test(chk, checkpoint_slots);
    tcase_add_test(chk, checkpoint_garbage);
    suite_add_tcase(s, chk);

    tcase_set_timeout(fault, 300);
    tcase_add_test(fault, random_damage_never_crashes);
    tcase_add_loop_test(fault, power_loss_sweep, 0, 2); /* 1: circular, reusing files */
    suite_add_tcase(s, fault);
    return s;
}
