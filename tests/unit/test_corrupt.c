/*
 * test_corrupt.c - damaged files are refused with an error, never a crash.
 *
 * A small fuzzer over the file readers: it builds a valid database and log
 * set on the in-memory disk, then, for a bounded time, copies them to a
 * fresh disk, damages the copy (flipped bits, overwritten spans of random
 * bytes, truncation, swapped pages) and runs everything that reads files:
 * JetInit-style recovery (store_open), attach, bt_verify of every tree and a
 * full scan.  Any JET_err is a pass; a crash, a hang or a sanitizer report
 * fails (the ASan build runs it too).  Plus fixed cases: garbage, empty and
 * truncated files must give the documented errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "btree.h"
#include "dbfile_check.h"
#include "esent.h"
#include "os_memvfs.h"
#include "store.h"
#include "unit.h"

/* The files of the set: the database, the checkpoint, the reserve logs,
 * the current log and archived generations 1..NGENS. */
#define NGENS 300
#define NFILES (5 + NGENS)
static char files[NFILES][20];

static void name_files(void)
{
    int i;
    strcpy(files[0], "db.edb");
    strcpy(files[1], "edb.chk");
    strcpy(files[2], "edb.log");
    strcpy(files[3], "edbres00001.jrs");
    strcpy(files[4], "edbres00002.jrs");
    for (i = 1; i <= NGENS; i++) snprintf(files[4 + i], sizeof(files[0]), "edb%05X.log", i);
}

/* Results of damaging writes do not matter: the damage is the point. */
static void ignore(int result)
{
    (void)result;
}

static struct store_config config(os_vfs *vfs)
{
    struct store_config c;
    unit_store_config(&c, vfs, 64);
    c.cache_pages = 32;
    return c;
}

static unsigned long long rng;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

/* A database with a few trees and some history in the log; the last
 * transactions are not checkpointed, so opening it replays the log. */
static os_vfs *make_original(uint32_t *roots, int *nroots)
{
    os_vfs *vfs = os_memvfs_create();
    struct store_config c = config(vfs);
    store *s;
    store_db *db;
    int t, i;

    name_files();
    ck_assert_int_eq(store_open(&c, &s), 0);
    ck_assert_int_eq(store_db_attach(s, "db.edb", STORE_DB_CREATE, &db), 0);
    *nroots = 3;
    roots[0] = store_db_catalog(db);
    ck_assert_int_eq(store_tree_create(s, db, &roots[1]), 0);
    ck_assert_int_eq(store_tree_create(s, db, &roots[2]), 0);
    for (t = 0; t < 60; t++) {
        store_txn *tx;
        ck_assert_int_eq(store_txn_begin(s, &tx), 0);
        for (i = 0; i < 20; i++) {
            char key[32], val[300];
            int len = 1 + (int)rnd(sizeof(val));
            snprintf(key, sizeof(key), "k%05u", rnd(2000));
            memset(val, 'a' + t % 26, sizeof(val));
            ck_assert_int_eq(store_txn_put(tx, db, roots[1 + (i & 1)], key, (uint32_t)strlen(key), val,
                                           (uint32_t)len, BT_UPSERT), 0);
        }
        ck_assert_int_eq(store_txn_commit(tx, t % 3 ? STORE_COMMIT_LAZY : 0), 0);
    }
    ck_assert_int_eq(store_flush(s), 0);
    store_abandon(s); /* as if killed: recovery has work to do */
    return vfs;
}

/* Copies every file of the set from one disk to another. */
static void copy_files(os_vfs *from, os_vfs *to)
{
    size_t i;
    for (i = 0; i < NFILES; i++) {
        os_file *in, *out;
        uint64_t size;
        char *buf;
        if (os_file_open(from, files[i], OS_OPEN_READONLY, &in) != OS_OK) continue;
        ck_assert_int_eq(os_file_size(in, &size), OS_OK);
        buf = malloc(size ? size : 1);
        ck_assert_ptr_nonnull(buf);
        ck_assert_int_eq(os_file_read(in, 0, buf, size), OS_OK);
        os_file_close(in);
        ck_assert_int_eq(os_file_open(to, files[i], OS_OPEN_CREATE | OS_OPEN_TRUNCATE, &out), OS_OK);
        ck_assert_int_eq(os_file_write(out, 0, buf, size), OS_OK);
        ck_assert_int_eq(os_file_sync(out), OS_OK);
        os_file_close(out);
        free(buf);
    }
}

/* Damages one file of the copy in one random way. */
static void damage(os_vfs *vfs)
{
    const char *name;
    uint64_t size;
    os_file *f;
    int kind = (int)rnd(4), i;

    f = NULL;

    /* The database file, edb.chk and the current log half of the time,
     * otherwise any file of the set. */
    do name = rnd(2) ? files[rnd(3)] : files[rnd(NFILES)];
    while (os_memvfs_file_size(vfs, name, &size) != OS_OK || !size);
    switch (kind) {
    case 0: /* a few flipped bits */
        for (i = 0; i < 1 + (int)rnd(4); i++)
            os_memvfs_corrupt(vfs, name, rnd((unsigned)size), (uint8_t)(1u << rnd(8)));
        break;
    case 1: { /* a span of random bytes */
        uint8_t junk[600];
        uint64_t off = rnd((unsigned)size);
        uint32_t n = 1 + rnd(sizeof(junk));
        for (i = 0; i < (int)n; i++) junk[i] = (uint8_t)rnd(256);
        if (os_file_open(vfs, name, 0, &f) == OS_OK) {
            ignore(os_file_write(f, off, junk, n));
            ignore(os_file_sync(f));
            os_file_close(f);
        }
        break;
    }
    case 2: /* truncated */
        if (os_file_open(vfs, name, 0, &f) == OS_OK) {
            ignore(os_file_truncate(f, rnd((unsigned)size)));
            ignore(os_file_sync(f));
            os_file_close(f);
        }
        break;
    default: /* a whole page copied over another (misdirected write) */
        if (os_file_open(vfs, name, 0, &f) == OS_OK && size >= 8192) {
            uint8_t page[4096];
            uint64_t pages = size / 4096, a = rnd((unsigned)pages), b = rnd((unsigned)pages);
            if (os_file_read(f, a * 4096, page, sizeof(page)) == OS_OK) {
                ignore(os_file_write(f, b * 4096, page, sizeof(page)));
                ignore(os_file_sync(f));
            }
        }
        if (f) os_file_close(f);
        break;
    }
}

/* Everything that reads the files; only return codes are looked at. */
static void read_everything(os_vfs *vfs, const uint32_t *roots, int nroots)
{
    struct store_config c = config(vfs);
    store *s;
    store_db *db;
    int i;

    if (store_open(&c, &s) != 0) return;
    if (store_db_attach(s, "db.edb", 0, &db) == 0) {
        store_read_begin(s);
        for (i = 0; i < nroots; i++) {
            struct bt_stats st;
            bt_cursor *cur;
            const uint8_t *k, *v;
            uint32_t kl, vl;
            int err, steps = 0;
            (void)bt_verify(store_db_pager(db), roots[i], &st);
            if (bt_cursor_open(store_db_pager(db), roots[i], &cur) != 0) continue;
            for (err = bt_first(cur); err == 0 && steps < 100000; err = bt_next(cur), steps++)
                (void)bt_cursor_get(cur, &k, &kl, &v, &vl);
            bt_cursor_close(cur);
        }
        store_read_end(s);
    }
    store_close(s);
}

START_TEST(fuzz_damaged_files)
{
    uint32_t roots[3];
    int nroots, runs = 0;
    os_vfs *original;
    time_t stop;
    unsigned long long seed = unit_seed();

    rng = seed;
    printf("corrupt fuzz seed %llu\n", seed);
    original = make_original(roots, &nroots);
    stop = time(NULL) + 4; /* bounded: a few seconds per build */
    while (time(NULL) < stop || runs < 20) {
        os_vfs *copy = os_memvfs_create();
        int k;
        copy_files(original, copy);
        for (k = 0; k < 1 + (int)rnd(3); k++) damage(copy);
        read_everything(copy, roots, nroots);
        os_memvfs_destroy(copy);
        runs++;
    }
    printf("corrupt fuzz: %d damaged file sets opened without a crash\n", runs);
    os_memvfs_destroy(original);
}
END_TEST

START_TEST(undamaged_copy_recovers)
{
    uint32_t roots[3];
    int nroots, i;
    os_vfs *original, *copy;
    struct store_config c;
    store *s;
    store_db *db;

    rng = unit_seed();
    original = make_original(roots, &nroots);
    copy = os_memvfs_create();
    copy_files(original, copy);
    c = config(copy);
    ck_assert_int_eq(store_open(&c, &s), 0);
    ck_assert_int_eq(store_db_attach(s, "db.edb", 0, &db), 0);
    store_read_begin(s);
    for (i = 0; i < nroots; i++) {
        struct bt_stats st;
        ck_assert_int_eq(bt_verify(store_db_pager(db), roots[i], &st), 0);
    }
    store_read_end(s);
    ck_assert_int_eq(store_close(s), 0);
    os_memvfs_destroy(copy);
    os_memvfs_destroy(original);
}
END_TEST

/* Files that are not databases at all. */
START_TEST(garbage_database_files)
{
    os_vfs *vfs = os_memvfs_create();
    struct store_config c = config(vfs);
    static uint8_t junk[16384];
    store *s;
    store_db *db;
    os_file *f;
    size_t i;
    static const struct {
        const char *name;
        size_t len;
    } cases[] = { { "empty.edb", 0 }, { "tiny.edb", 100 }, { "junk.edb", 16384 } };

    for (i = 0; i < sizeof(junk); i++) junk[i] = (uint8_t)(i * 37 + 11);
    ck_assert_int_eq(store_open(&c, &s), 0);
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int err;
        ck_assert_int_eq(os_file_open(vfs, cases[i].name, OS_OPEN_CREATE, &f), OS_OK);
        ck_assert_int_eq(os_file_write(f, 0, junk, cases[i].len), OS_OK);
        os_file_close(f);
        err = store_db_attach(s, cases[i].name, 0, &db);
        ck_assert_msg(err < 0, "%s attached", cases[i].name);
        ck_assert_msg(err == JET_errDatabaseCorrupted || err == JET_errReadVerifyFailure,
                      "%s: unexpected %d", cases[i].name, err);
    }
    ck_assert_int_eq(store_db_attach(s, "missing.edb", 0, &db), JET_errFileNotFound);
    ck_assert_int_eq(store_close(s), 0);
    os_memvfs_destroy(vfs);
}
END_TEST

/* Inputs the database-file fuzzer (tests/fuzz/) found, each replayed
 * through the same reader.  Each file is the fuzzer's input: the database
 * image and a last byte choosing the checksum mode. */
static const struct {
    const char *file;
    const char *what;
} fuzz_cases[] = {
    { "objid-counter-huge", "a damaged object id counter made cat_tables_list look up 2^32 ids" },
};

START_TEST(fuzz_regressions)
{
    size_t i;
    for (i = 0; i < sizeof(fuzz_cases) / sizeof(fuzz_cases[0]); i++) {
        char path[512];
        uint8_t *data;
        long size;
        FILE *f;
        int err;

        snprintf(path, sizeof(path), "tests/fuzz/regress/%s", fuzz_cases[i].file);
        f = fopen(path, "rb");
        ck_assert_msg(f != NULL, "%s missing (run the unit tests from the source tree)", path);
        ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
        size = ftell(f);
        ck_assert_int_gt(size, 0);
        rewind(f);
        data = malloc((size_t)size);
        ck_assert_ptr_nonnull(data);
        ck_assert_uint_eq(fread(data, 1, (size_t)size, f), (size_t)size);
        fclose(f);
        err = dbfile_check(data, (size_t)size - 1, (data[size - 1] & 7) ? DBFILE_RESEAL : DBFILE_RAW);
        ck_assert_msg(err <= 0, "%s: %d", fuzz_cases[i].what, err);
        free(data);
    }
}
END_TEST

Suite *corrupt_suite(void)
{
    Suite *s = suite_create("corrupt");
    TCase *tc = tcase_create("corrupt");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, undamaged_copy_recovers);
    tcase_add_test(tc, garbage_database_files);
    tcase_add_test(tc, fuzz_damaged_files);
    tcase_add_test(tc, fuzz_regressions);
    suite_add_tcase(s, tc);
    return s;
}
