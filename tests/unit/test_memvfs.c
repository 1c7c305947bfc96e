/*
 * test_memvfs.c - the in-memory fault-injecting VFS (engine/os/os_memvfs.c):
 * the file semantics of test_os.c on memory; durability under power loss
 * (synced data survives, unsynced writes are dropped, kept or torn at
 * sector boundaries, in order); crash and fault points; handles across
 * rename, remove and power loss; independence of instances; threads; and
 * a random walk against a reference model.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "os.h"
#include "os_memvfs.h"
#include "unit.h"

#define OK(expr) ck_assert_int_eq((expr), OS_OK)
#define SECTOR 512

static os_vfs *vfs;

static void setup(void)
{
    vfs = os_memvfs_create();
    ck_assert_ptr_nonnull(vfs);
}

static void teardown(void)
{
    os_memvfs_destroy(vfs);
    vfs = NULL;
}

/* A small generator for the tests' own randomness. */
static uint64_t next_rand(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static uint64_t test_seed(const char *test)
{
    unsigned long long seed = unit_seed();
    fprintf(stderr, "memvfs %s: UNIT_SEED=%llu\n", test, seed);
    return seed;
}

/* Writes n bytes of value c at off into path (created if needed). */
static void put(os_vfs *v, const char *path, uint64_t off, int c, size_t n, int sync)
{
    uint8_t *buf = malloc(n ? n : 1);
    os_file *f;

    ck_assert_ptr_nonnull(buf);
    memset(buf, c, n);
    OK(os_file_open(v, path, OS_OPEN_CREATE, &f));
    OK(os_file_write(f, off, buf, n));
    if (sync) OK(os_file_sync(f));
    os_file_close(f);
    free(buf);
}

/* Reads the whole of path into buf; returns its size. */
static size_t slurp(os_vfs *v, const char *path, uint8_t *buf, size_t cap)
{
    uint64_t size;
    os_file *f;

    OK(os_file_open(v, path, OS_OPEN_READONLY, &f));
    OK(os_file_size(f, &size));
    ck_assert_uint_le(size, cap);
    OK(os_file_read(f, 0, buf, (size_t)size));
    os_file_close(f);
    return (size_t)size;
}

static int all_bytes(const uint8_t *p, size_t n, int c)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] != (uint8_t)c) return 0;
    }
    return 1;
}

/* ---- file semantics ------------------------------------------------ */

START_TEST(create_write_read_roundtrip)
{
    os_file *f = (os_file *)&f;
    char buf[16];
    uint64_t size;

    ck_assert_int_eq(os_file_open(vfs, "dir/file", 0, &f), OS_ENOENT);
    ck_assert_ptr_null(f);
    ck_assert_int_eq(os_path_exists(vfs, "dir/file"), 0);
    OK(os_file_open(vfs, "dir/file", OS_OPEN_CREATE, &f));
    OK(os_file_write(f, 4096, "hello", 5));
    OK(os_file_sync(f));
    OK(os_file_size(f, &size));
    ck_assert_uint_eq(size, 4101);
    OK(os_file_read(f, 4096, buf, 5));
    ck_assert_int_eq(memcmp(buf, "hello", 5), 0);
    OK(os_file_read(f, 0, buf, 4));
    ck_assert_int_eq(memcmp(buf, "\0\0\0\0", 4), 0);
    ck_assert_int_eq(os_file_read(f, 4099, buf, 5), OS_ESHORT);
    ck_assert_int_eq(os_file_read(f, 5000, buf, 1), OS_ESHORT);
    OK(os_file_read(f, 4101, buf, 0));
    os_file_close(f);
    ck_assert_int_eq(os_path_exists(vfs, "dir/file"), 1);
    ck_assert_str_eq(vfs->name, "memvfs");
}
END_TEST

START_TEST(exclusive_and_truncate)
{
    os_file *f;
    uint64_t size;
    char buf[4];

    OK(os_file_open(vfs, "file", OS_OPEN_CREATE | OS_OPEN_EXCL, &f));
    OK(os_file_write(f, 0, "abcdef", 6));
    os_file_close(f);
    ck_assert_int_eq(os_file_open(vfs, "file", OS_OPEN_CREATE | OS_OPEN_EXCL, &f), OS_EEXIST);
    ck_assert_ptr_null(f);
    OK(os_file_open(vfs, "file", OS_OPEN_CREATE, &f)); /* existing: kept */
    OK(os_file_size(f, &size));
    ck_assert_uint_eq(size, 6);
    os_file_close(f);
    ck_assert_int_eq(os_file_open(vfs, "none", OS_OPEN_TRUNCATE, &f), OS_ENOENT);
    OK(os_file_open(vfs, "file", OS_OPEN_TRUNCATE, &f));
    OK(os_file_size(f, &size));
    ck_assert_uint_eq(size, 0);
    OK(os_file_truncate(f, 8192));
    OK(os_file_size(f, &size));
    ck_assert_uint_eq(size, 8192);
    OK(os_file_read(f, 8188, buf, 4));
    ck_assert_int_eq(memcmp(buf, "\0\0\0\0", 4), 0);
    os_file_close(f);
    OK(os_path_remove(vfs, "file"));
    ck_assert_int_eq(os_path_remove(vfs, "file"), OS_ENOENT);
}
END_TEST

START_TEST(readonly_refuses_writes)
{
    os_file *f;
    uint64_t before = os_memvfs_writes(vfs);

    put(vfs, "file", 0, 'a', 10, 0);
    OK(os_file_open(vfs, "file", OS_OPEN_READONLY, &f));
    ck_assert_int_eq(os_file_write(f, 0, "x", 1), OS_EACCES);
    ck_assert_int_eq(os_file_truncate(f, 0), OS_EACCES);
    OK(os_file_sync(f)); /* fsync works on a read-only descriptor too */
    os_file_close(f);
    ck_assert_uint_eq(os_memvfs_writes(vfs), before + 1);
    ck_assert_int_eq(os_file_open(vfs, "file", OS_OPEN_READONLY | OS_OPEN_TRUNCATE, &f),
                     OS_EINVAL);
    OK(os_file_open(vfs, "new", OS_OPEN_READONLY | OS_OPEN_CREATE, &f));
    os_file_close(f);
    ck_assert_int_eq(os_path_exists(vfs, "new"), 1);
}
END_TEST

START_TEST(rename_replaces_and_mkdir)
{
    os_file *f;
    char buf[3];

    put(vfs, "d/file", 0, 'n', 3, 0);
    put(vfs, "d/other", 0, 'o', 3, 0);
    OK(os_path_rename(vfs, "d/file", "d/other"));
    ck_assert_int_eq(os_path_exists(vfs, "d/file"), 0);
    OK(os_file_open(vfs, "d/other", OS_OPEN_READONLY, &f));
    OK(os_file_read(f, 0, buf, 3));
    ck_assert_int_eq(memcmp(buf, "nnn", 3), 0);
    os_file_close(f);
    ck_assert_int_eq(os_path_rename(vfs, "d/file", "d/other"), OS_ENOENT);
    OK(os_path_rename(vfs, "d/other", "d/other")); /* to itself: nothing */
    ck_assert_int_eq(os_path_exists(vfs, "d/other"), 1);
    OK(os_path_mkdir(vfs, "d/sub"));
    ck_assert_int_eq(os_path_mkdir(vfs, "d/sub"), OS_EEXIST);
    ck_assert_int_eq(os_path_exists(vfs, "d/sub"), 1);
}
END_TEST

START_TEST(directories_and_bad_paths)
{
    os_file *f;

    OK(os_path_mkdir(vfs, "top"));
    ck_assert_int_eq(os_file_open(vfs, "top", 0, &f), OS_EACCES);
    ck_assert_int_eq(os_file_open(vfs, "top", OS_OPEN_CREATE, &f), OS_EACCES);
    ck_assert_int_eq(os_file_open(vfs, "top", OS_OPEN_CREATE | OS_OPEN_EXCL, &f), OS_EEXIST);
    ck_assert_int_eq(os_path_remove(vfs, "top"), OS_EACCES);
    ck_assert_int_eq(os_path_rename(vfs, "top", "elsewhere"), OS_EACCES);
    put(vfs, "plain", 0, 'p', 1, 0);
    ck_assert_int_eq(os_path_rename(vfs, "plain", "top"), OS_EACCES);
    ck_assert_int_eq(os_path_mkdir(vfs, "plain"), OS_EEXIST);
    /* Files need no directory, and paths are compared exactly. */
    put(vfs, "no/such/dir/file", 0, 'x', 1, 0);
    ck_assert_int_eq(os_path_exists(vfs, "no/such/dir/file"), 1);
    ck_assert_int_eq(os_path_exists(vfs, "no//such/dir/file"), 0);
    ck_assert_int_eq(os_path_exists(vfs, "no/such"), 0);
    ck_assert_int_eq(os_file_open(vfs, "", OS_OPEN_CREATE, &f), OS_ENOENT);
    ck_assert_int_eq(os_path_mkdir(vfs, ""), OS_ENOENT);
    ck_assert_int_eq(os_path_remove(vfs, ""), OS_ENOENT);
    ck_assert_int_eq(os_path_rename(vfs, "plain", ""), OS_ENOENT);
    ck_assert_int_eq(os_path_exists(vfs, ""), 0);
}
END_TEST

START_TEST(truncate_forgets_old_bytes)
{
    os_file *f;
    uint8_t buf[5000];

    OK(os_file_open(vfs, "f", OS_OPEN_CREATE, &f));
    OK(os_file_write(f, 4096, "hello", 5));
    OK(os_file_truncate(f, 4098));
    OK(os_file_truncate(f, 5000));
    OK(os_file_read(f, 0, buf, 5000));
    ck_assert_int_eq(memcmp(buf + 4096, "he\0\0\0", 5), 0);
    ck_assert(all_bytes(buf + 4098, 5000 - 4098, 0));
    OK(os_file_write(f, 0, "", 0)); /* empty write at 0: nothing */
    OK(os_file_write(f, 9000, "", 0)); /* nor past the end */
    ck_assert_int_eq(os_file_read(f, 4999, buf, 2), OS_ESHORT);
    os_file_close(f);
}
END_TEST

START_TEST(handles_across_remove_and_rename)
{
    os_file *a, *a2, *b, *again;
    char buf[8];
    uint64_t size;

    /* Two handles on one file see each other's writes. */
    OK(os_file_open(vfs, "a", OS_OPEN_CREATE, &a));
    OK(os_file_open(vfs, "a", 0, &a2));
    OK(os_file_write(a, 0, "one", 3));
    OK(os_file_read(a2, 0, buf, 3));
    ck_assert_int_eq(memcmp(buf, "one", 3), 0);
    os_file_close(a2);

    /* Removed while open: the handle keeps the file, the name is free. */
    OK(os_path_remove(vfs, "a"));
    ck_assert_int_eq(os_path_exists(vfs, "a"), 0);
    OK(os_file_write(a, 3, "two", 3));
    OK(os_file_read(a, 0, buf, 6));
    ck_assert_int_eq(memcmp(buf, "onetwo", 6), 0);
    OK(os_file_sync(a));
    OK(os_file_open(vfs, "a", OS_OPEN_CREATE, &again));
    OK(os_file_size(again, &size));
    ck_assert_uint_eq(size, 0);
    os_file_close(again);
    os_file_close(a);

    /* Renamed over while open: the old target lives on in its handle. */
    put(vfs, "x", 0, 'X', 4, 1);
    put(vfs, "y", 0, 'Y', 4, 1);
    OK(os_file_open(vfs, "x", 0, &a));
    OK(os_file_open(vfs, "y", 0, &b));
    OK(os_path_rename(vfs, "x", "y"));
    OK(os_file_read(b, 0, buf, 4));
    ck_assert_int_eq(memcmp(buf, "YYYY", 4), 0);
    OK(os_file_write(a, 0, "xx", 2)); /* follows the file to its new name */
    OK(os_file_open(vfs, "y", OS_OPEN_READONLY, &again));
    OK(os_file_read(again, 0, buf, 4));
    ck_assert_int_eq(memcmp(buf, "xxXX", 4), 0);
    os_file_close(again);
    os_file_close(b);
    /* A sync through any handle makes every handle's writes durable. */
    OK(os_file_open(vfs, "y", 0, &b));
    OK(os_file_sync(b));
    os_file_close(b);
    os_file_close(a);
    os_memvfs_power_loss(vfs, 0);
    ck_assert_int_eq(slurp(vfs, "y", (uint8_t *)buf, sizeof(buf)), 4);
    ck_assert_int_eq(memcmp(buf, "xxXX", 4), 0);
    ck_assert_int_eq(os_path_exists(vfs, "x"), 0);
}
END_TEST

START_TEST(sizes_corruption_and_counters)
{
    uint8_t buf[8];
    uint64_t size;
    os_file *f;

    ck_assert_uint_eq(os_memvfs_writes(vfs), 0);
    ck_assert_uint_eq(os_memvfs_syncs(vfs), 0);
    put(vfs, "f", 0, 'a', 4, 1);
    put(vfs, "f", 4, 'b', 2, 0); /* unsynced */
    ck_assert_uint_eq(os_memvfs_writes(vfs), 2);
    ck_assert_uint_eq(os_memvfs_syncs(vfs), 1);
    OK(os_memvfs_file_size(vfs, "f", &size));
    ck_assert_uint_eq(size, 6);
    ck_assert_int_eq(os_memvfs_file_size(vfs, "g", &size), OS_ENOENT);

    OK(os_memvfs_corrupt(vfs, "f", 1, 0x20));    /* both contents */
    OK(os_memvfs_corrupt(vfs, "f", 5, 0x20));    /* current only */
    ck_assert_int_eq(os_memvfs_corrupt(vfs, "f", 6, 1), OS_ESHORT);
    ck_assert_int_eq(os_memvfs_corrupt(vfs, "g", 0, 1), OS_ENOENT);
    ck_assert_int_eq(slurp(vfs, "f", buf, sizeof(buf)), 6);
    ck_assert_int_eq(memcmp(buf, "aAaabB", 6), 0);
    os_memvfs_power_loss(vfs, 0);
    ck_assert_int_eq(slurp(vfs, "f", buf, sizeof(buf)), 4);
    ck_assert_int_eq(memcmp(buf, "aAaa", 4), 0);
    /* Counters run on across power loss. */
    OK(os_file_open(vfs, "f", 0, &f));
    OK(os_file_write(f, 0, "z", 1));
    os_file_close(f);
    ck_assert_uint_eq(os_memvfs_writes(vfs), 3);
}
END_TEST

START_TEST(instances_are_independent)
{
    os_vfs *other = os_memvfs_create();
    os_file *f;

    ck_assert_ptr_nonnull(other);
    put(vfs, "f", 0, 'a', 10, 0);
    ck_assert_int_eq(os_path_exists(other, "f"), 0);
    OK(os_path_mkdir(other, "d"));
    ck_assert_int_eq(os_path_exists(vfs, "d"), 0);
    os_memvfs_crash_at(vfs, 1);
    put(other, "f", 0, 'b', 10, 1);
    ck_assert_int_eq(os_memvfs_crashed(other), 0);
    ck_assert_uint_eq(os_memvfs_writes(other), 1);
    OK(os_file_open(vfs, "f", 0, &f));
    ck_assert_int_eq(os_file_write(f, 0, "x", 1), OS_EIO);
    os_file_close(f);
    ck_assert_int_eq(os_memvfs_crashed(vfs), 1);
    os_memvfs_power_loss(other, 0);
    ck_assert_int_eq(os_memvfs_crashed(vfs), 1);
    /* Destroying with a handle still open frees it too (ASan checks). */
    OK(os_file_open(other, "f", 0, &f));
    os_memvfs_destroy(other);
}
END_TEST

/* ---- durability ------------------------------------------------------- */

START_TEST(synced_survives_unsynced_does_not)
{
    uint8_t buf[8192];
    uint64_t seed;

    for (seed = 0; seed < 100; seed++) {
        os_vfs *v = os_memvfs_create();
        size_t n;

        put(v, "db", 0, 'd', 4096, 1);
        put(v, "db", 4096, 'u', 2048, 0);   /* unsynced growth */
        put(v, "db", 1000, 'u', 100, 0);    /* unsynced overwrite */
        put(v, "log", 0, 'l', 1000, 1);
        put(v, "fresh", 0, 'f', 700, 0);    /* created, never synced */
        put(v, "gone", 0, 'g', 10, 1);
        OK(os_path_remove(v, "gone"));
        put(v, "old-name", 0, 'r', 10, 1);
        OK(os_path_rename(v, "old-name", "new-name"));
        OK(os_path_mkdir(v, "dir"));
        os_memvfs_power_loss(v, seed);

        n = slurp(v, "db", buf, sizeof(buf));
        ck_assert(n >= 4096 && n <= 6144 && n % SECTOR == 0);
        ck_assert(all_bytes(buf, 1000, 'd'));
        ck_assert(all_bytes(buf + 1100, 4096 - 1100, 'd'));
        ck_assert(all_bytes(buf + 1000, 24, 'd') || all_bytes(buf + 1000, 24, 'u'));
        ck_assert(all_bytes(buf + 1024, 76, 'd') || all_bytes(buf + 1024, 76, 'u'));
        ck_assert_int_eq(slurp(v, "log", buf, sizeof(buf)), 1000);
        ck_assert(all_bytes(buf, 1000, 'l'));
        n = slurp(v, "fresh", buf, sizeof(buf));   /* sectors [0,512) [512,700) */
        ck_assert(n == 0 || n == 512 || n == 700);
        ck_assert(all_bytes(buf, n < 512 ? n : 512, 'f') || all_bytes(buf, 512, 0));
        if (n == 700) ck_assert(all_bytes(buf + 512, 188, 'f'));
        ck_assert_int_eq(os_path_exists(v, "gone"), 0);
        ck_assert_int_eq(os_path_exists(v, "old-name"), 0);
        ck_assert_int_eq(slurp(v, "new-name", buf, sizeof(buf)), 10);
        ck_assert_int_eq(os_path_exists(v, "dir"), 1);
        if (seed == 0) {
            ck_assert_int_eq(slurp(v, "db", buf, sizeof(buf)), 4096);
            ck_assert(all_bytes(buf, 4096, 'd'));
            ck_assert_int_eq(slurp(v, "fresh", buf, sizeof(buf)), 0);
        }
        os_memvfs_destroy(v);
    }
}
END_TEST

/* A sync ends the history a power loss may replay: writes and truncates
 * made durable are never applied again over later ones. */
START_TEST(synced_history_is_not_replayed)
{
    uint8_t buf[2048];

    for (uint64_t seed = 0; seed < 200; seed++) {
        os_vfs *v = os_memvfs_create();
        os_file *f;
        size_t n;

        OK(os_file_open(v, "f", OS_OPEN_CREATE, &f));
        memset(buf, 'a', 1024);
        OK(os_file_write(f, 0, buf, 1024));
        OK(os_file_sync(f));
        OK(os_file_truncate(f, 0));
        memset(buf, 'b', SECTOR);
        OK(os_file_write(f, 0, buf, SECTOR));
        OK(os_file_sync(f));
        memset(buf, 'c', SECTOR);
        OK(os_file_write(f, 1024, buf, SECTOR));   /* the only unsynced op */
        os_file_close(f);
        os_memvfs_power_loss(v, seed);
        n = slurp(v, "f", buf, sizeof(buf));
        ck_assert(all_bytes(buf, SECTOR, 'b'));
        if (n != SECTOR) {
            ck_assert_uint_eq(n, 1536);
            ck_assert(all_bytes(buf + SECTOR, SECTOR, 0));
            ck_assert(all_bytes(buf + 1024, SECTOR, 'c'));
        }
        os_memvfs_destroy(v);
    }
}
END_TEST

/* Classifies the three sector pieces of an unsynced write at 700..1700
 * over 2048 synced bytes of 'o' at buf.  Returns how many were kept. */
static int pieces_kept(const uint8_t *buf)
{
    static const size_t cut[] = { 700, 1024, 1536, 1700 };
    int kept = 0;

    ck_assert(all_bytes(buf, 700, 'o'));
    ck_assert(all_bytes(buf + 1700, 2048 - 1700, 'o'));
    for (int i = 0; i < 3; i++) {
        const uint8_t *p = buf + cut[i];
        size_t n = cut[i + 1] - cut[i];
        ck_assert_msg(all_bytes(p, n, 'o') || all_bytes(p, n, 'n'),
                      "piece %d is neither old nor new", i);
        kept += p[0] == 'n';
    }
    return kept;
}

/* Three unsynced writes, each over three sector pieces: over many seeds,
 * each of them is seen dropped, kept whole and torn. */
START_TEST(unsynced_write_is_dropped_kept_or_torn)
{
    enum { WRITES = 3, SPAN = 2048 };
    int fates[WRITES][3] = { { 0 } };  /* dropped, whole, torn */
    uint8_t buf[WRITES * SPAN];

    for (uint64_t seed = 1; seed <= 300; seed++) {
        os_vfs *v = os_memvfs_create();

        put(v, "f", 0, 'o', sizeof(buf), 1);
        for (int w = 0; w < WRITES; w++) put(v, "f", (uint64_t)w * SPAN + 700, 'n', 1000, 0);
        os_memvfs_power_loss(v, seed);
        ck_assert_int_eq(slurp(v, "f", buf, sizeof(buf)), sizeof(buf));
        for (int w = 0; w < WRITES; w++) {
            int kept = pieces_kept(buf + w * SPAN);
            fates[w][kept == 0 ? 0 : kept == 3 ? 1 : 2]++;
        }
        os_memvfs_destroy(v);
    }
    /* Each fate has probability 1/3 (a torn write keeps a proper subset
     * of its pieces); the bound also catches a skewed generator. */
    for (int w = 0; w < WRITES; w++) {
        for (int k = 0; k < 3; k++) {
            ck_assert_msg(fates[w][k] > 50, "write %d: fate %d seen %d times", w, k, fates[w][k]);
        }
    }
}
END_TEST

START_TEST(torn_growth_keeps_whole_sectors)
{
    int sizes[4] = { 0 };
    uint8_t buf[4096];

    /* A write that grows the file from 1024 to 2560: kept sectors extend
     * it, sectors before a kept one that were lost read as zeros. */
    for (uint64_t seed = 1; seed <= 200; seed++) {
        os_vfs *v = os_memvfs_create();
        size_t n, s;

        put(v, "f", 0, 'o', 1024, 1);
        put(v, "f", 1024, 'n', 1536, 0);
        os_memvfs_power_loss(v, seed);
        n = slurp(v, "f", buf, sizeof(buf));
        ck_assert(n >= 1024 && n <= 2560 && n % SECTOR == 0);
        sizes[(n - 1024) / SECTOR]++;
        ck_assert(all_bytes(buf, 1024, 'o'));
        for (s = 1024; s < n; s += SECTOR) {
            ck_assert(all_bytes(buf + s, SECTOR, 'n') || all_bytes(buf + s, SECTOR, 0));
        }
        if (n > 1024) ck_assert(all_bytes(buf + n - SECTOR, SECTOR, 'n'));
        os_memvfs_destroy(v);
    }
    for (int i = 0; i < 4; i++) ck_assert_int_gt(sizes[i], 0);
}
END_TEST

/* Random non-overlapping unsynced writes over random synced content: after
 * power loss each sector piece of each write is all old or all new, and
 * every other byte is old. */
START_TEST(random_torn_writes_respect_sectors)
{
    uint64_t rng = test_seed("random_torn_writes_respect_sectors");
    enum { MAXW = 8, CAP = 16 * 1024 };
    static uint8_t old[CAP], now[CAP], buf[CAP];

    for (int round = 0; round < 200; round++) {
        os_vfs *v = os_memvfs_create();
        uint64_t woff[MAXW], wlen[MAXW];
        int nw = 1 + (int)(next_rand(&rng) % MAXW);
        size_t pos = 0, size, i;
        os_file *f;

        for (int w = 0; w < nw; w++) {
            woff[w] = pos + next_rand(&rng) % 700;
            wlen[w] = 1 + next_rand(&rng) % 1500;
            pos = (size_t)(woff[w] + wlen[w]);
        }
        size = pos + (size_t)(next_rand(&rng) % 600);
        for (i = 0; i < size; i++) old[i] = (uint8_t)(next_rand(&rng) | 1);
        OK(os_file_open(v, "f", OS_OPEN_CREATE, &f));
        OK(os_file_write(f, 0, old, size));
        OK(os_file_sync(f));
        memcpy(now, old, size);
        for (int k = 0; k < nw; k++) { /* any order: they do not overlap */
            int w = (k * 5 + round) % nw;
            for (i = 0; i < wlen[w]; i++) now[woff[w] + i] = (uint8_t)~old[woff[w] + i];
            OK(os_file_write(f, woff[w], now + woff[w], (size_t)wlen[w]));
        }
        os_file_close(f);
        os_memvfs_power_loss(v, next_rand(&rng) | 1);
        ck_assert_uint_eq(slurp(v, "f", buf, CAP), size);
        for (i = 0; i < size; i++) {
            size_t start = i, end = i + 1;
            int in_write = 0;
            for (int w = 0; w < nw; w++) {
                if (i >= woff[w] && i < woff[w] + wlen[w]) {
                    in_write = 1;
                    end = (i / SECTOR + 1) * SECTOR;
                    if (end > woff[w] + wlen[w]) end = (size_t)(woff[w] + wlen[w]);
                }
            }
            if (!in_write) {
                ck_assert_msg(buf[i] == old[i], "byte %zu outside the writes changed", i);
                continue;
            }
            /* i starts a piece: compare the whole piece. */
            ck_assert_msg(!memcmp(buf + start, old + start, end - start) ||
                          !memcmp(buf + start, now + start, end - start),
                          "piece %zu..%zu mixes old and new (round %d)", start, end, round);
            i = end - 1;
        }
        os_memvfs_destroy(v);
    }
}
END_TEST

/* Truncate and write, unsynced, in both orders: the kept operations apply
 * in their original order. */
START_TEST(kept_operations_apply_in_order)
{
    int seen[4] = { 0 }; /* ooo, o, oon, o0n */
    uint8_t buf[2048];

    for (uint64_t seed = 0; seed < 300; seed++) {
        for (int order = 0; order < 2; order++) {
            os_vfs *v = os_memvfs_create();
            os_file *f;
            size_t n;
            int kind;

            put(v, "f", 0, 'o', 1536, 1);
            OK(os_file_open(v, "f", 0, &f));
            if (order == 0) OK(os_file_truncate(f, 512));
            memset(buf, 'n', SECTOR);
            OK(os_file_write(f, 1024, buf, SECTOR));
            if (order == 1) OK(os_file_truncate(f, 512));
            os_file_close(f);
            os_memvfs_power_loss(v, seed);
            n = slurp(v, "f", buf, sizeof(buf));
            ck_assert(all_bytes(buf, 512, 'o'));
            if (n == 512) kind = 1;
            else if (all_bytes(buf + 512, 512, 0) && all_bytes(buf + 1024, 512, 'n')) kind = 3;
            else if (all_bytes(buf + 512, 1024, 'o')) kind = 0;
            else if (all_bytes(buf + 512, 512, 'o') && all_bytes(buf + 1024, 512, 'n')) kind = 2;
            else kind = -1;
            ck_assert_int_ge(kind, 0);
            ck_assert_uint_eq(n, kind == 1 ? 512 : 1536);
            /* Truncate then write may leave o,0,n; write then truncate
             * may not (that would be the write after the truncate). */
            if (order == 1) ck_assert_int_ne(kind, 3);
            if (seed == 0) ck_assert_int_eq(kind, 0);
            seen[kind]++;
            os_memvfs_destroy(v);
        }
    }
    for (int k = 0; k < 4; k++) ck_assert_int_gt(seen[k], 0);
}
END_TEST

START_TEST(open_truncate_is_not_durable)
{
    uint8_t buf[16];
    os_file *f;

    put(vfs, "f", 0, 'o', 16, 1);
    OK(os_file_open(vfs, "f", OS_OPEN_TRUNCATE, &f));
    os_file_close(f);
    os_memvfs_power_loss(vfs, 0);
    ck_assert_int_eq(slurp(vfs, "f", buf, sizeof(buf)), 16);
    OK(os_file_open(vfs, "f", OS_OPEN_TRUNCATE, &f));
    OK(os_file_sync(f));
    os_file_close(f);
    os_memvfs_power_loss(vfs, 0);
    ck_assert_int_eq(slurp(vfs, "f", buf, sizeof(buf)), 0);
}
END_TEST

START_TEST(same_seed_same_outcome)
{
    uint8_t a[8192], b[8192];
    size_t na = 0, nb = 0;
    int differs = 0;

    for (uint64_t seed = 1; seed < 40; seed++) {
        for (int run = 0; run < 2; run++) {
            os_vfs *v = os_memvfs_create();
            for (int i = 0; i < 8; i++) put(v, "f", (uint64_t)i * 1000, 'a' + i, 1000, 0);
            os_memvfs_power_loss(v, seed);
            if (run == 0) na = slurp(v, "f", a, sizeof(a));
            else nb = slurp(v, "f", b, sizeof(b));
            os_memvfs_destroy(v);
        }
        ck_assert_uint_eq(na, nb);
        ck_assert_int_eq(memcmp(a, b, na), 0);
        differs |= na != 8000 || !all_bytes(a, 1000, 'a');
    }
    ck_assert(differs);
}
END_TEST

START_TEST(power_loss_makes_handles_stale)
{
    os_file *old, *fresh;
    uint64_t size;
    char buf[4];

    put(vfs, "f", 0, 'a', 4, 1);
    OK(os_file_open(vfs, "f", 0, &old));
    os_memvfs_crash_at(vfs, 5);
    os_memvfs_fail_at(vfs, 1, OS_ENOSPC);
    os_memvfs_power_loss(vfs, 0);
    ck_assert_int_eq(os_file_read(old, 0, buf, 4), OS_EIO);
    ck_assert_int_eq(os_file_write(old, 0, "b", 1), OS_EIO);
    ck_assert_int_eq(os_file_sync(old), OS_EIO);
    ck_assert_int_eq(os_file_size(old, &size), OS_EIO);
    ck_assert_int_eq(os_file_truncate(old, 0), OS_EIO);
    os_file_close(old);
    /* crash_at and fail_at were cleared. */
    OK(os_file_open(vfs, "f", 0, &fresh));
    for (int i = 0; i < 10; i++) OK(os_file_write(fresh, 0, "b", 1));
    OK(os_file_sync(fresh));
    OK(os_file_read(fresh, 0, buf, 4));
    ck_assert_int_eq(memcmp(buf, "baaa", 4), 0);
    os_file_close(fresh);
    ck_assert_int_eq(os_memvfs_crashed(vfs), 0);
}
END_TEST

/* ---- crash and fault points ------------------------------------------ */

START_TEST(crash_stops_every_change)
{
    os_file *f, *r;
    uint64_t size;
    char buf[4];

    OK(os_file_open(vfs, "f", OS_OPEN_CREATE, &f));
    os_memvfs_crash_at(vfs, 2);
    OK(os_file_write(f, 0, "ab", 2));
    ck_assert_int_eq(os_memvfs_crashed(vfs), 0);
    ck_assert_int_eq(os_file_sync(f), OS_EIO);      /* the 2nd I/O */
    ck_assert_int_eq(os_memvfs_crashed(vfs), 1);
    ck_assert_int_eq(os_file_write(f, 2, "cd", 2), OS_EIO);
    ck_assert_int_eq(os_file_sync(f), OS_EIO);
    ck_assert_int_eq(os_file_truncate(f, 0), OS_EIO);
    ck_assert_uint_eq(os_memvfs_writes(vfs), 1);
    ck_assert_uint_eq(os_memvfs_syncs(vfs), 0);
    /* The remains can be looked at. */
    OK(os_file_size(f, &size));
    ck_assert_uint_eq(size, 2);
    OK(os_file_read(f, 0, buf, 2));
    ck_assert_int_eq(memcmp(buf, "ab", 2), 0);
    OK(os_file_open(vfs, "f", OS_OPEN_READONLY, &r));
    os_file_close(r);
    OK(os_file_open(vfs, "f", OS_OPEN_CREATE, &r)); /* exists: no change */
    os_file_close(r);
    ck_assert_int_eq(os_path_exists(vfs, "f"), 1);
    /* The name space is frozen too. */
    ck_assert_int_eq(os_file_open(vfs, "g", OS_OPEN_CREATE, &r), OS_EIO);
    ck_assert_int_eq(os_file_open(vfs, "f", OS_OPEN_TRUNCATE, &r), OS_EIO);
    ck_assert_int_eq(os_path_remove(vfs, "f"), OS_EIO);
    ck_assert_int_eq(os_path_rename(vfs, "f", "g"), OS_EIO);
    ck_assert_int_eq(os_path_mkdir(vfs, "d"), OS_EIO);
    os_memvfs_crash_at(vfs, 0); /* does not revive */
    ck_assert_int_eq(os_file_write(f, 0, "x", 1), OS_EIO);
    os_file_close(f);
    os_memvfs_power_loss(vfs, 0);
    ck_assert_int_eq(os_memvfs_crashed(vfs), 0);
    OK(os_memvfs_file_size(vfs, "f", &size));
    ck_assert_uint_eq(size, 0);
    put(vfs, "g", 0, 'g', 1, 1);
}
END_TEST

/* The sweep workload: blocks of BLOCK bytes straddle sectors; block i holds
 * value i+1; a sync follows every odd block and the last one. */
enum { BLOCK = 768, NBLOCKS = 9 };

struct sweep_result {
    int written;  /* blocks whose write succeeded */
    int durable;  /* blocks written before the last successful sync */
    int err;      /* the first error, or OS_OK */
};

static struct sweep_result sweep_workload(os_vfs *v)
{
    struct sweep_result r = { 0, 0, OS_OK };
    uint8_t block[BLOCK];
    os_file *f;

    OK(os_file_open(v, "db", OS_OPEN_CREATE, &f));
    for (int i = 0; i < NBLOCKS && !r.err; i++) {
        memset(block, i + 1, BLOCK);
        if ((r.err = os_file_write(f, (uint64_t)i * BLOCK, block, BLOCK)) != OS_OK) break;
        r.written = i + 1;
        if (i % 2 == 1 || i == NBLOCKS - 1) {
            if ((r.err = os_file_sync(f)) == OS_OK) r.durable = i + 1;
        }
    }
    os_file_close(f);
    return r;
}

/* Checks the file after power loss against the workload's durable prefix:
 * durable blocks are exact; each sector piece of a later block is new or
 * never written (zeros or past the end). */
static void check_after_crash(os_vfs *v, struct sweep_result r, uint64_t seed)
{
    static uint8_t buf[NBLOCKS * BLOCK];
    size_t size = slurp(v, "db", buf, sizeof(buf));

    ck_assert_uint_ge(size, (size_t)r.durable * BLOCK);
    ck_assert_uint_le(size, (size_t)r.written * BLOCK);
    for (int i = 0; i < r.durable; i++) {
        ck_assert_msg(all_bytes(buf + i * BLOCK, BLOCK, i + 1), "durable block %d lost", i);
    }
    for (size_t at = (size_t)r.durable * BLOCK; at < size;) {
        size_t block = at / BLOCK;
        size_t end = (at / SECTOR + 1) * SECTOR;
        if (end > (block + 1) * BLOCK) end = (block + 1) * BLOCK;
        ck_assert_uint_le(end, size);  /* the end of file is a piece boundary */
        ck_assert_msg(all_bytes(buf + at, end - at, (int)block + 1) ||
                      all_bytes(buf + at, end - at, 0),
                      "piece at %zu is torn inside a sector", at);
        at = end;
    }
    if (seed == 0) ck_assert_uint_eq(size, (size_t)r.durable * BLOCK);
}

START_TEST(crash_sweep_keeps_durable_prefix)
{
    uint64_t rng = test_seed("crash_sweep_keeps_durable_prefix");
    struct sweep_result full;
    uint64_t n, ios;
    os_vfs *v = os_memvfs_create();

    full = sweep_workload(v);
    OK(full.err);
    ios = os_memvfs_writes(v) + os_memvfs_syncs(v);
    ck_assert_uint_eq(ios, NBLOCKS + NBLOCKS / 2 + 1);
    os_memvfs_destroy(v);

    for (n = 1; n <= ios + 1; n++) {
        for (int s = 0; s < 20; s++) {
            uint64_t seed = s == 0 ? 0 : next_rand(&rng);
            struct sweep_result r;

            v = os_memvfs_create();
            os_memvfs_crash_at(v, n);
            r = sweep_workload(v);
            ck_assert_int_eq(os_memvfs_crashed(v), n <= ios);
            ck_assert_int_eq(r.err, n <= ios ? OS_EIO : OS_OK);
            ck_assert_uint_eq(os_memvfs_writes(v) + os_memvfs_syncs(v), n <= ios ? n - 1 : ios);
            os_memvfs_power_loss(v, seed);
            check_after_crash(v, r, seed);
            os_memvfs_destroy(v);
        }
    }
}
END_TEST

START_TEST(fail_at_fails_once)
{
    os_file *f;
    uint64_t size;
    char buf[2];

    OK(os_file_open(vfs, "f", OS_OPEN_CREATE, &f));
    os_memvfs_fail_at(vfs, 2, OS_ENOSPC);
    OK(os_file_write(f, 0, "a", 1));
    OK(os_file_sync(f));                        /* syncs do not count */
    ck_assert_int_eq(os_file_write(f, 1, "b", 1), OS_ENOSPC);
    OK(os_file_size(f, &size));
    ck_assert_uint_eq(size, 1);                 /* no effect */
    OK(os_file_write(f, 1, "c", 1));
    OK(os_file_write(f, 2, "d", 1));
    OK(os_file_read(f, 0, buf, 2));
    ck_assert_int_eq(memcmp(buf, "ac", 2), 0);
    ck_assert_uint_eq(os_memvfs_writes(vfs), 3);
    ck_assert_int_eq(os_memvfs_crashed(vfs), 0);

    os_memvfs_fail_at(vfs, 1, OS_EIO);
    os_memvfs_fail_at(vfs, 0, 0);               /* cancelled */
    OK(os_file_write(f, 0, "e", 1));
    os_memvfs_fail_at(vfs, 1, OS_EIO);
    ck_assert_int_eq(os_file_write(f, 0, "f", 1), OS_EIO);
    OK(os_file_write(f, 0, "g", 1));
    /* A failed write is still an I/O for the crash point. */
    os_memvfs_crash_at(vfs, 2);
    os_memvfs_fail_at(vfs, 1, OS_ENOSPC);
    ck_assert_int_eq(os_file_write(f, 0, "h", 1), OS_ENOSPC);
    ck_assert_int_eq(os_file_write(f, 0, "i", 1), OS_EIO);
    ck_assert_int_eq(os_memvfs_crashed(vfs), 1);
    os_file_close(f);
}
END_TEST

/* ---- a random walk against a reference model ------------------------- */

enum { MODEL_CAP = 64 * 1024 };

struct model_file {
    uint8_t cur[MODEL_CAP], dur[MODEL_CAP];
    size_t cur_len, dur_len;
};

START_TEST(random_walk_matches_model)
{
    uint64_t rng = test_seed("random_walk_matches_model");
    static struct model_file model[2];
    static uint8_t buf[MODEL_CAP];
    static const char *names[2] = { "m0", "m1" };
    os_file *f[2];

    memset(model, 0, sizeof(model));
    for (int i = 0; i < 2; i++) OK(os_file_open(vfs, names[i], OS_OPEN_CREATE, &f[i]));
    for (int step = 0; step < 3000; step++) {
        int i = (int)(next_rand(&rng) & 1), op = (int)(next_rand(&rng) % 100);
        struct model_file *m = &model[i];
        size_t off = (size_t)(next_rand(&rng) % (MODEL_CAP / 2));
        size_t n = (size_t)(next_rand(&rng) % 3000);
        uint64_t size;

        if (op < 50) {
            for (size_t k = 0; k < n; k++) buf[k] = (uint8_t)next_rand(&rng);
            OK(os_file_write(f[i], off, buf, n));
            if (n && off > m->cur_len) memset(m->cur + m->cur_len, 0, off - m->cur_len);
            memcpy(m->cur + off, buf, n);
            if (n && off + n > m->cur_len) m->cur_len = off + n;
        } else if (op < 60) {
            OK(os_file_truncate(f[i], off));
            if (off > m->cur_len) memset(m->cur + m->cur_len, 0, off - m->cur_len);
            m->cur_len = off;
        } else if (op < 70) {
            OK(os_file_sync(f[i]));
            memcpy(m->dur, m->cur, m->cur_len);
            m->dur_len = m->cur_len;
        } else if (op < 95) {
            int err = os_file_read(f[i], off, buf, n);
            ck_assert_int_eq(err, off + n <= m->cur_len ? OS_OK : OS_ESHORT);
            if (!err) ck_assert_int_eq(memcmp(buf, m->cur + off, n), 0);
            OK(os_file_size(f[i], &size));
            ck_assert_uint_eq(size, m->cur_len);
        } else {
            for (int k = 0; k < 2; k++) os_file_close(f[k]);
            os_memvfs_power_loss(vfs, 0);
            for (int k = 0; k < 2; k++) {
                OK(os_file_open(vfs, names[k], 0, &f[k]));
                memcpy(model[k].cur, model[k].dur, model[k].dur_len);
                model[k].cur_len = model[k].dur_len;
            }
        }
    }
    for (int i = 0; i < 2; i++) {
        os_file_close(f[i]);
        ck_assert_uint_eq(slurp(vfs, names[i], buf, sizeof(buf)), model[i].cur_len);
        ck_assert_int_eq(memcmp(buf, model[i].cur, model[i].cur_len), 0);
    }
}
END_TEST

/* Many syncs on a large file must not copy the whole file each time. */
START_TEST(large_file_sync_is_cheap)
{
    enum { PAGE = 4096, PAGES = 2048 };  /* 8 MiB */
    static uint8_t page[PAGE];
    uint64_t rng = 12345, size;
    os_file *f;

    OK(os_file_open(vfs, "big", OS_OPEN_CREATE, &f));
    for (int i = 0; i < PAGES; i++) {
        memset(page, i & 0xff, PAGE);
        OK(os_file_write(f, (uint64_t)i * PAGE, page, PAGE));
        if (i % 4 == 3) OK(os_file_sync(f));
    }
    for (int i = 0; i < 20000; i++) {
        uint64_t p = next_rand(&rng) % PAGES;
        OK(os_file_write(f, p * PAGE, page, 64));
        OK(os_file_sync(f));
    }
    os_file_close(f);
    os_memvfs_power_loss(vfs, 7);
    OK(os_memvfs_file_size(vfs, "big", &size));
    ck_assert_uint_eq(size, (uint64_t)PAGES * PAGE);
}
END_TEST

/* ---- threads ------------------------------------------------------------ */

enum { THREADS = 4, REGION = 1000, ROUNDS = 300 };

struct worker {
    os_vfs *vfs;
    int id;
    int errors;
};

static void worker_main(void *arg)
{
    struct worker *w = arg;
    uint8_t data[REGION], back[REGION];
    char own[16], tmp[16], moved[16];
    os_file *shared, *mine, *t;

    snprintf(own, sizeof(own), "own%d", w->id);
    snprintf(tmp, sizeof(tmp), "tmp%d", w->id);
    snprintf(moved, sizeof(moved), "moved%d", w->id);
    if (os_file_open(w->vfs, "shared", 0, &shared) ||
        os_file_open(w->vfs, own, OS_OPEN_CREATE, &mine)) {
        w->errors++;
        return;
    }
    for (int r = 0; r < ROUNDS; r++) {
        memset(data, (w->id * 16 + r) & 0xff, REGION);
        w->errors += os_file_write(shared, (uint64_t)w->id * REGION, data, REGION) != OS_OK;
        w->errors += os_file_write(mine, (uint64_t)(r % 7) * REGION, data, REGION) != OS_OK;
        w->errors += os_file_read(shared, (uint64_t)w->id * REGION, back, REGION) != OS_OK;
        w->errors += memcmp(back, data, REGION) != 0;
        if (r % 10 == 0) w->errors += os_file_sync(shared) != OS_OK;
        if (os_file_open(w->vfs, tmp, OS_OPEN_CREATE | OS_OPEN_EXCL, &t) == OS_OK) {
            w->errors += os_file_write(t, 0, data, 10) != OS_OK;
            os_file_close(t);
            w->errors += os_path_rename(w->vfs, tmp, moved) != OS_OK;
            w->errors += os_path_exists(w->vfs, moved) != 1;
            w->errors += os_path_remove(w->vfs, moved) != OS_OK;
        } else {
            w->errors++;
        }
        (void)os_memvfs_writes(w->vfs);
    }
    w->errors += os_file_sync(shared) != OS_OK;
    w->errors += os_file_sync(mine) != OS_OK;
    os_file_close(shared);
    os_file_close(mine);
}

START_TEST(threads_share_a_vfs)
{
    struct worker w[THREADS];
    os_thread *t[THREADS];
    uint8_t buf[THREADS * REGION];
    os_file *f;

    OK(os_file_open(vfs, "shared", OS_OPEN_CREATE, &f));
    os_file_close(f);
    for (int i = 0; i < THREADS; i++) {
        w[i].vfs = vfs;
        w[i].id = i;
        w[i].errors = 0;
        OK(os_thread_start(&t[i], worker_main, &w[i]));
    }
    for (int i = 0; i < THREADS; i++) os_thread_join(t[i]);
    for (int i = 0; i < THREADS; i++) ck_assert_int_eq(w[i].errors, 0);
    os_memvfs_power_loss(vfs, 99);  /* everything was synced */
    ck_assert_uint_eq(slurp(vfs, "shared", buf, sizeof(buf)), sizeof(buf));
    for (int i = 0; i < THREADS; i++) {
        ck_assert(all_bytes(buf + i * REGION, REGION, (i * 16 + ROUNDS - 1) & 0xff));
    }
    ck_assert_uint_eq(os_memvfs_writes(vfs), (uint64_t)THREADS * ROUNDS * 3);
}
END_TEST

Suite *memvfs_suite(void)
{
    Suite *s = suite_create("memvfs");
    TCase *files = tcase_create("files");
    TCase *durability = tcase_create("durability");
    TCase *faults = tcase_create("faults");
    TCase *stress = tcase_create("stress");

    tcase_add_checked_fixture(files, setup, teardown);
    tcase_add_test(files, create_write_read_roundtrip);
    tcase_add_test(files, exclusive_and_truncate);
    tcase_add_test(files, readonly_refuses_writes);
    tcase_add_test(files, rename_replaces_and_mkdir);
    tcase_add_test(files, directories_and_bad_paths);
    tcase_add_test(files, truncate_forgets_old_bytes);
    tcase_add_test(files, handles_across_remove_and_rename);
    tcase_add_test(files, sizes_corruption_and_counters);
    tcase_add_test(files, instances_are_independent);
    suite_add_tcase(s, files);

    tcase_add_checked_fixture(durability, setup, teardown);
    tcase_set_timeout(durability, 30);  /* seed sweeps, slow under ASan */
    tcase_add_test(durability, synced_survives_unsynced_does_not);
    tcase_add_test(durability, synced_history_is_not_replayed);
    tcase_add_test(durability, unsynced_write_is_dropped_kept_or_torn);
    tcase_add_test(durability, torn_growth_keeps_whole_sectors);
    tcase_add_test(durability, random_torn_writes_respect_sectors);
    tcase_add_test(durability, kept_operations_apply_in_order);
    tcase_add_test(durability, open_truncate_is_not_durable);
    tcase_add_test(durability, same_seed_same_outcome);
    tcase_add_test(durability, power_loss_makes_handles_stale);
    suite_add_tcase(s, durability);

    tcase_add_checked_fixture(faults, setup, teardown);
    tcase_set_timeout(faults, 30);
    tcase_add_test(faults, crash_stops_every_change);
    tcase_add_test(faults, crash_sweep_keeps_durable_prefix);
    tcase_add_test(faults, fail_at_fails_once);
    suite_add_tcase(s, faults);

    tcase_add_checked_fixture(stress, setup, teardown);
    tcase_set_timeout(stress, 60);
    tcase_add_test(stress, random_walk_matches_model);
    tcase_add_test(stress, large_file_sync_is_cheap);
    tcase_add_test(stress, threads_share_a_vfs);
    suite_add_tcase(s, stress);
    return s;
}
