/*
 * test_os.c - the POSIX OS layer (engine/os/os_posix.c): positional file
 * I/O, short reads, create/exclusive/truncate, sizes, deletion, errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "os.h"
#include "unit.h"

static char dir[4096], path[4200];
static os_vfs *vfs;

static void setup(void)
{
    snprintf(dir, sizeof(dir), "%s", unit_tmpdir());
    snprintf(path, sizeof(path), "%s/file", dir);
    vfs = os_vfs_default();
}

START_TEST(create_write_read_roundtrip)
{
    os_file *f;
    char buf[16];
    uint64_t size;

    ck_assert_int_eq(os_file_open(vfs, path, 0, &f), OS_ENOENT);
    ck_assert_ptr_null(f);
    ck_assert_int_eq(os_path_exists(vfs, path), 0);
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_CREATE, &f), OS_OK);
    ck_assert_int_eq(os_file_write(f, 4096, "hello", 5), OS_OK);
    ck_assert_int_eq(os_file_sync(f), OS_OK);
    ck_assert_int_eq(os_file_size(f, &size), OS_OK);
    ck_assert_uint_eq(size, 4101);
    ck_assert_int_eq(os_file_read(f, 4096, buf, 5), OS_OK);
    ck_assert_int_eq(memcmp(buf, "hello", 5), 0);
    /* The hole before the data reads as zeros. */
    ck_assert_int_eq(os_file_read(f, 0, buf, 4), OS_OK);
    ck_assert_int_eq(memcmp(buf, "\0\0\0\0", 4), 0);
    /* Past the end is a short read, not garbage. */
    ck_assert_int_eq(os_file_read(f, 4099, buf, 5), OS_ESHORT);
    os_file_close(f);
    ck_assert_int_eq(os_path_exists(vfs, path), 1);
}
END_TEST

START_TEST(exclusive_and_truncate)
{
    os_file *f;
    uint64_t size;

    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_CREATE | OS_OPEN_EXCL, &f), OS_OK);
    ck_assert_int_eq(os_file_write(f, 0, "abcdef", 6), OS_OK);
    os_file_close(f);
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_CREATE | OS_OPEN_EXCL, &f), OS_EEXIST);
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_TRUNCATE, &f), OS_OK);
    ck_assert_int_eq(os_file_size(f, &size), OS_OK);
    ck_assert_uint_eq(size, 0);
    ck_assert_int_eq(os_file_truncate(f, 8192), OS_OK);
    ck_assert_int_eq(os_file_size(f, &size), OS_OK);
    ck_assert_uint_eq(size, 8192);
    os_file_close(f);
    ck_assert_int_eq(os_path_remove(vfs, path), OS_OK);
    ck_assert_int_eq(os_path_remove(vfs, path), OS_ENOENT);
}
END_TEST

START_TEST(readonly_refuses_writes)
{
    os_file *f;

    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_CREATE, &f), OS_OK);
    os_file_close(f);
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_READONLY, &f), OS_OK);
    ck_assert_int_lt(os_file_write(f, 0, "x", 1), 0);
    os_file_close(f);
}
END_TEST

START_TEST(rename_replaces_and_mkdir)
{
    char other[4300], sub[4300];
    os_file *f;
    char buf[3];

    snprintf(other, sizeof(other), "%s/other", dir);
    snprintf(sub, sizeof(sub), "%s/sub", dir);
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_CREATE, &f), OS_OK);
    ck_assert_int_eq(os_file_write(f, 0, "new", 3), OS_OK);
    os_file_close(f);
    ck_assert_int_eq(os_file_open(vfs, other, OS_OPEN_CREATE, &f), OS_OK);
    ck_assert_int_eq(os_file_write(f, 0, "old", 3), OS_OK);
    os_file_close(f);
    ck_assert_int_eq(os_path_rename(vfs, path, other), OS_OK);
    ck_assert_int_eq(os_path_exists(vfs, path), 0);
    ck_assert_int_eq(os_file_open(vfs, other, OS_OPEN_READONLY, &f), OS_OK);
    ck_assert_int_eq(os_file_read(f, 0, buf, 3), OS_OK);
    ck_assert_int_eq(memcmp(buf, "new", 3), 0);
    os_file_close(f);
    ck_assert_int_eq(os_path_rename(vfs, path, other), OS_ENOENT);
    ck_assert_int_eq(os_path_mkdir(vfs, sub), OS_OK);
    ck_assert_int_eq(os_path_mkdir(vfs, sub), OS_EEXIST);
    ck_assert_int_eq(os_path_exists(vfs, sub), 1);
}
END_TEST

/* JET_paramCreatePathIfNotExist's helper: every missing folder of a
 * file's path, or of a folder path with whole set; existing ones are fine;
 * a file in the way is an error. */
START_TEST(mkdirs_makes_missing_folders)
{
    char p[4400];
    os_file *f;

    snprintf(p, sizeof(p), "%s/a/b//c/file.edb", dir);
    ck_assert_int_eq(os_path_mkdirs(vfs, p, 0), OS_OK);
    snprintf(p, sizeof(p), "%s/a/b/c", dir);
    ck_assert_int_eq(os_path_exists(vfs, p), 1);
    snprintf(p, sizeof(p), "%s/a/b/c/file.edb", dir);
    ck_assert_int_eq(os_path_exists(vfs, p), 0);
    snprintf(p, sizeof(p), "%s/a/log", dir);
    ck_assert_int_eq(os_path_mkdirs(vfs, p, 1), OS_OK);
    ck_assert_int_eq(os_path_exists(vfs, p), 1);
    snprintf(p, sizeof(p), "%s/a/sys/", dir);
    ck_assert_int_eq(os_path_mkdirs(vfs, p, 1), OS_OK);
    ck_assert_int_eq(os_path_mkdirs(vfs, p, 1), OS_OK);
    ck_assert_int_eq(os_path_exists(vfs, p), 1);
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_CREATE, &f), OS_OK);
    os_file_close(f);
    snprintf(p, sizeof(p), "%s/x/y", path);
    ck_assert_int_ne(os_path_mkdirs(vfs, p, 1), OS_OK);
}
END_TEST

START_TEST(env_and_mutex)
{
    char buf[8];
    os_mutex *m;

    setenv("ESENT_UNIT_VAR", "value", 1);
    ck_assert_int_eq(os_getenv("ESENT_UNIT_VAR", buf, sizeof(buf)), 1);
    ck_assert_str_eq(buf, "value");
    ck_assert_int_eq(os_getenv("ESENT_UNIT_VAR", buf, 5), 0); /* does not fit */
    ck_assert_int_eq(os_getenv("ESENT_UNIT_NO_SUCH_VAR", buf, sizeof(buf)), 0);
    ck_assert_int_eq(os_mutex_create(&m), OS_OK);
    os_mutex_lock(m);
    os_mutex_unlock(m);
    os_mutex_destroy(m);
    ck_assert_uint_gt(os_thread_id(), 0);
}
END_TEST

Suite *os_suite(void)
{
    Suite *s = suite_create("os");
    TCase *tc = tcase_create("files");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, create_write_read_roundtrip);
    tcase_add_test(tc, exclusive_and_truncate);
    tcase_add_test(tc, readonly_refuses_writes);
    tcase_add_test(tc, rename_replaces_and_mkdir);
    tcase_add_test(tc, mkdirs_makes_missing_folders);
    tcase_add_test(tc, env_and_mutex);
    suite_add_tcase(s, tc);
    return s;
}
