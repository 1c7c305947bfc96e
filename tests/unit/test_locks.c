/*
 * test_locks.c - files held against other openers (OS_OPEN_LOCK) and
 * directory syncs: the OS rules on the POSIX and in-memory VFSes (the
 * POSIX one also from a child process), the memvfs model of names that
 * need their folder synced, then what the store makes of them: a database file or a log folder in use by another store is
 * JET_errFileAccessDenied, and the folders of new log generations, edb.chk
 * and new database files are synced.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "esent.h"
#include "os.h"
#include "os_memvfs.h"
#include "store.h"
#include "unit.h"

static void lock_rules(os_vfs *vfs, const char *path)
{
    os_file *a, *b, *r1, *r2;
    uint64_t size;

    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_CREATE | OS_OPEN_LOCK, &a), OS_OK);
    ck_assert_int_eq(os_file_write(a, 0, "data", 4), OS_OK);
    /* Held: every locked open fails, and a truncating one truncates nothing. */
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_LOCK, &b), OS_EACCES);
    ck_assert_ptr_null(b);
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_READONLY | OS_OPEN_LOCK, &b), OS_EACCES);
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_CREATE | OS_OPEN_TRUNCATE | OS_OPEN_LOCK, &b),
                     OS_EACCES);
    ck_assert_int_eq(os_file_size(a, &size), OS_OK);
    ck_assert_uint_eq(size, 4);
    /* Plain read-only opens (JetGetDatabaseFileInfo) still work. */
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_READONLY, &b), OS_OK);
    os_file_close(b);
    os_file_close(a);
    /* Released by close. */
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_LOCK, &a), OS_OK);
    os_file_close(a);
    /* Read-only locks are shared, and keep writers out. */
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_READONLY | OS_OPEN_LOCK, &r1), OS_OK);
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_READONLY | OS_OPEN_LOCK, &r2), OS_OK);
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_LOCK, &a), OS_EACCES);
    os_file_close(r1);
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_LOCK, &a), OS_EACCES);
    os_file_close(r2);
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_LOCK, &a), OS_OK);
    os_file_close(a);
    ck_assert_int_eq(os_path_sync_dir(vfs, path), OS_OK);
}

START_TEST(posix_locks)
{
    char path[4200];
    os_vfs *vfs = os_vfs_default();
    os_file *a;
    pid_t pid;
    int status;

    snprintf(path, sizeof(path), "%s/locked", unit_tmpdir());
    lock_rules(vfs, path);
    /* Another process. */
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_LOCK, &a), OS_OK);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        os_file *c;
        int rc = os_file_open(vfs, path, OS_OPEN_READONLY | OS_OPEN_LOCK, &c);
        _exit(rc == OS_EACCES ? 0 : 1);
    }
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    os_file_close(a);
    /* Directory syncs: the folder of a path, "." for a bare name. */
    ck_assert_int_eq(os_path_sync_dir(vfs, "bare-name"), OS_OK);
    snprintf(path, sizeof(path), "%s/no-such-dir/file", unit_tmpdir());
    ck_assert_int_eq(os_path_sync_dir(vfs, path), OS_ENOENT);
}
END_TEST

START_TEST(memvfs_locks)
{
    os_vfs *vfs = os_memvfs_create();
    os_file *a;

    lock_rules(vfs, "locked");
    ck_assert_uint_eq(os_memvfs_dir_syncs(vfs), 1);
    /* A power loss ends the holder's process: its locks go. */
    ck_assert_int_eq(os_file_open(vfs, "locked", OS_OPEN_LOCK, &a), OS_OK);
    os_memvfs_power_loss(vfs, 0);
    {
        os_file *b;
        ck_assert_int_eq(os_file_open(vfs, "locked", OS_OPEN_LOCK, &b), OS_OK);
        os_file_close(b);
    }
    os_file_close(a);
    os_memvfs_destroy(vfs);
}
END_TEST

static void put_file(os_vfs *vfs, const char *path, const char *text)
{
    os_file *f;
    ck_assert_int_eq(os_file_open(vfs, path, OS_OPEN_CREATE | OS_OPEN_TRUNCATE, &f), OS_OK);
    ck_assert_int_eq(os_file_write(f, 0, text, strlen(text)), OS_OK);
    ck_assert_int_eq(os_file_sync(f), OS_OK);
    os_file_close(f);
}

static int has_text(os_vfs *vfs, const char *path, const char *text)
{
    char buf[64] = "";
    uint64_t size;
    os_file *f;
    int same;
    if (os_file_open(vfs, path, OS_OPEN_READONLY, &f) != OS_OK) return 0;
    same = os_file_size(f, &size) == OS_OK && size == strlen(text) && size < sizeof(buf) &&
           os_file_read(f, 0, buf, (size_t)size) == OS_OK && !memcmp(buf, text, (size_t)size);
    os_file_close(f);
    return same;
}

/* The memvfs model of names that need their folder synced. */
START_TEST(memvfs_names_need_sync)
{
    os_vfs *vfs = os_memvfs_create();
    os_file *held;

    put_file(vfs, "d/old", "old");
    put_file(vfs, "d/replaced", "first");
    os_memvfs_names_need_sync(vfs); /* what exists now counts as synced */
    put_file(vfs, "d/new", "new");
    put_file(vfs, "e/other", "other");
    ck_assert_int_eq(os_path_rename(vfs, "d/old", "d/moved"), OS_OK);
    put_file(vfs, "d/tmp", "second");
    ck_assert_int_eq(os_path_rename(vfs, "d/tmp", "d/replaced"), OS_OK);
    ck_assert(has_text(vfs, "d/replaced", "second"));
    ck_assert_int_eq(os_file_open(vfs, "d/new", 0, &held), OS_OK);
    os_memvfs_power_loss(vfs, 0);
    /* Nothing was synced: the old names, with their synced content. */
    ck_assert(has_text(vfs, "d/old", "old"));
    ck_assert(has_text(vfs, "d/replaced", "first"));
    ck_assert_int_eq(os_path_exists(vfs, "d/moved"), 0);
    ck_assert_int_eq(os_path_exists(vfs, "d/tmp"), 0);
    ck_assert_int_eq(os_path_exists(vfs, "d/new"), 0);
    ck_assert_int_eq(os_path_exists(vfs, "e/other"), 0);
    os_file_close(held);

    /* Syncing d keeps d's changes, not e's. */
    put_file(vfs, "d/new", "new");
    put_file(vfs, "e/other", "other");
    ck_assert_int_eq(os_path_rename(vfs, "d/old", "d/moved"), OS_OK);
    ck_assert_int_eq(os_path_remove(vfs, "d/replaced"), OS_OK);
    ck_assert_int_eq(os_path_sync_dir(vfs, "d/anything"), OS_OK);
    os_memvfs_power_loss(vfs, 0);
    ck_assert(has_text(vfs, "d/new", "new"));
    ck_assert(has_text(vfs, "d/moved", "old"));
    ck_assert_int_eq(os_path_exists(vfs, "d/old"), 0);
    ck_assert_int_eq(os_path_exists(vfs, "d/replaced"), 0);
    ck_assert_int_eq(os_path_exists(vfs, "e/other"), 0);
    /* Twice in a row: the names stay. */
    os_memvfs_power_loss(vfs, 7);
    ck_assert(has_text(vfs, "d/new", "new"));
    os_memvfs_destroy(vfs);
}
END_TEST

static void config(struct store_config *c, os_vfs *vfs, const char *dir)
{
    unit_store_config(c, vfs, 64);
    c->log_dir = dir;
    c->system_dir = dir;
}

/* Two stores on one disk: one log folder, one database file. */
START_TEST(store_files_in_use)
{
    os_vfs *vfs = os_memvfs_create();
    struct store_config c1, c2;
    store *a, *b;
    store_db *da, *db;
    uint64_t syncs;

    config(&c1, vfs, "one/");
    config(&c2, vfs, "two/");
    ck_assert_int_eq(store_open(&c1, &a), 0);
    /* The first generation and edb.chk are made: their folder synced. */
    syncs = os_memvfs_dir_syncs(vfs);
    ck_assert_uint_ge(syncs, 1);
    ck_assert_int_eq(store_db_attach(a, "shared.edb", STORE_DB_CREATE, &da), 0);
    ck_assert_uint_gt(os_memvfs_dir_syncs(vfs), syncs);
    syncs = os_memvfs_dir_syncs(vfs);
    ck_assert_int_eq(store_roll_log(a), 0);
    ck_assert_uint_gt(os_memvfs_dir_syncs(vfs), syncs);

    /* Reading the header (JetGetDatabaseFileInfo) is still allowed. */
    {
        struct store_db_info info;
        ck_assert_int_eq(store_db_probe(vfs, "shared.edb", &info), 0);
        ck_assert_uint_eq(info.page_size, 4096);
    }
    /* The same log folder. */
    ck_assert_int_eq(store_open(&c1, &b), JET_errFileAccessDenied);
    /* Another folder, the same database. */
    ck_assert_int_eq(store_open(&c2, &b), 0);
    ck_assert_int_eq(store_db_attach(b, "shared.edb", 0, &db), JET_errFileAccessDenied);
    ck_assert_int_eq(store_db_attach(b, "shared.edb", STORE_DB_CREATE | STORE_DB_OVERWRITE, &db),
                     JET_errFileAccessDenied);
    ck_assert_int_eq(store_db_attach(b, "shared.edb", STORE_DB_READONLY, &db), JET_errFileAccessDenied);
    /* Released at detach and close. */
    ck_assert_int_eq(store_db_detach(a, da), 0);
    ck_assert_int_eq(store_db_attach(b, "shared.edb", 0, &db), 0);
    ck_assert_int_eq(store_close(a), 0);
    ck_assert_int_eq(store_open(&c1, &a), 0);
    ck_assert_int_eq(store_close(a), 0);
    ck_assert_int_eq(store_close(b), 0);
    os_memvfs_destroy(vfs);
}
END_TEST

Suite *locks_suite(void)
{
    Suite *s = suite_create("locks");
    TCase *tc = tcase_create("locks");
    tcase_add_test(tc, posix_locks);
    tcase_add_test(tc, memvfs_locks);
    tcase_add_test(tc, memvfs_names_need_sync);
    tcase_add_test(tc, store_files_in_use);
    suite_add_tcase(s, tc);
    return s;
}
