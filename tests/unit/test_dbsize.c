/*
 * test_dbsize.c - growing and shrinking a database file (pager_resize,
 * store_db_set_size): the free tail is used by allocations, shrinking never
 * cuts pages in use, and a crash at any I/O of a workload that grows the
 * file between commits recovers every durable commit, verifies, and keeps
 * a size of at least what the file had before the grow.
 */
#include <stdio.h>
#include <string.h>

#include "btree.h"
#include "esent.h"
#include "os_memvfs.h"
#include "store.h"
#include "unit.h"

#define ROWS 60

static struct store_config config(os_vfs *vfs)
{
    struct store_config c;
    unit_store_config(&c, vfs, 128);
    return c;
}

static void key_of(char *k, int i)
{
    sprintf(k, "row%04d", i);
}

/* Commits rows [from, to) durably, one transaction each; stops at the
 * first error and returns it.  *done gets the rows whose commit returned. */
static int put_rows(store *s, store_db *db, uint32_t tree, int from, int to, int *done)
{
    static char val[900];
    char k[16];
    store_txn *t;
    int i, err;

    memset(val, 'v', sizeof(val));
    for (i = from; i < to; i++) {
        key_of(k, i);
        if ((err = store_txn_begin(s, &t))) return err;
        if ((err = store_txn_put(t, db, tree, k, (uint32_t)strlen(k), val, sizeof(val), BT_UPSERT))) {
            store_txn_abort(t);
            return err;
        }
        if ((err = store_txn_commit(t, 0))) return err;
        *done = i + 1;
    }
    return 0;
}

START_TEST(resize_tail_and_shrink)
{
    os_vfs *vfs = os_memvfs_create();
    struct store_config c = config(vfs);
    store *s;
    store_db *db;
    pager *p;
    uint32_t tree, owned, count, size;
    uint64_t bytes;
    int done = 0;

    ck_assert_int_eq(store_open(&c, &s), 0);
    ck_assert_int_eq(store_db_attach(s, "a.edb", STORE_DB_CREATE, &db), 0);
    ck_assert_int_eq(store_tree_create(s, db, &tree), 0);
    p = store_db_pager(db);
    owned = pager_owned_pages(p);
    ck_assert_uint_ge(owned, pager_page_count(p));

    /* Grow: the file gets the size at once, synced; the page count not. */
    count = pager_page_count(p);
    ck_assert_int_eq(pager_resize(p, owned + 100, 0, &size), 0);
    ck_assert_uint_eq(size, owned + 100);
    ck_assert_uint_eq(pager_owned_pages(p), owned + 100);
    ck_assert_uint_eq(pager_page_count(p), count);
    ck_assert_int_eq(os_memvfs_file_size(vfs, "a.edb", &bytes), 0);
    ck_assert_uint_eq(bytes, (uint64_t)(owned + 100) * 4096);
    /* Smaller without shrink: nothing. */
    ck_assert_int_eq(pager_resize(p, 2, 0, &size), 0);
    ck_assert_uint_eq(size, owned + 100);

    /* Rows fill the tail: the page count grows, the size does not. */
    ck_assert_int_eq(put_rows(s, db, tree, 0, ROWS, &done), 0);
    ck_assert_int_eq(store_checkpoint(s), 0);
    ck_assert_uint_gt(pager_page_count(p), count);
    ck_assert_uint_eq(pager_owned_pages(p), owned + 100);

    /* Shrink cuts the tail, never below the page count. */
    count = pager_page_count(p);
    ck_assert_int_eq(pager_resize(p, 1, 1, &size), 0);
    ck_assert_uint_eq(size, count);
    ck_assert_int_eq(os_memvfs_file_size(vfs, "a.edb", &bytes), 0);
    ck_assert_uint_eq(bytes, (uint64_t)count * 4096);
    {
        uint32_t roots[2] = { store_db_catalog(db), tree };
        ck_assert_int_eq(store_db_verify(s, db, roots, 2), 0);
    }
    ck_assert_int_eq(put_rows(s, db, tree, ROWS, ROWS + 10, &done), 0);
    ck_assert_int_eq(store_close(s), 0);

    /* Detached: grow by name; a smaller size is ignored. */
    ck_assert_int_eq(store_db_set_size(vfs, "a.edb", count + 500, &size), 0);
    ck_assert_uint_eq(size, count + 500);
    ck_assert_int_eq(store_db_set_size(vfs, "a.edb", 10, &size), 0);
    ck_assert_uint_eq(size, count + 500);
    ck_assert_int_eq(store_db_set_size(vfs, "none.edb", 1000, &size), JET_errFileNotFound);

    ck_assert_int_eq(store_open(&c, &s), 0);
    ck_assert_int_eq(store_db_attach(s, "a.edb", 0, &db), 0);
    ck_assert_uint_eq(pager_owned_pages(store_db_pager(db)), count + 500);
    {
        uint32_t roots[2] = { store_db_catalog(db), tree };
        ck_assert_int_eq(store_db_verify(s, db, roots, 2), 0);
    }
    ck_assert_int_eq(store_close(s), 0);
    os_memvfs_destroy(vfs);
}
END_TEST

START_TEST(set_size_refuses_dirty_file)
{
    os_vfs *vfs = os_memvfs_create();
    struct store_config c = config(vfs);
    store *s;
    store_db *db;
    uint32_t size = 0;

    ck_assert_int_eq(store_open(&c, &s), 0);
    ck_assert_int_eq(store_db_attach(s, "d.edb", STORE_DB_CREATE, &db), 0);
    store_abandon(s); /* the header says dirty: the log must be replayed */
    ck_assert_int_eq(store_db_set_size(vfs, "d.edb", 1000, &size), JET_errDatabaseDirtyShutdown);
    os_memvfs_destroy(vfs);
}
END_TEST

/* Rows, a grow, more rows, crashed at I/O n: returns whether n was reached. */
static int grow_crash_once(uint64_t n, uint64_t loss_seed)
{
    os_vfs *vfs = os_memvfs_create();
    struct store_config c = config(vfs);
    store *s;
    store_db *db;
    uint32_t tree, before, grown = 0, roots[2];
    int done = 0, err, i, reached;
    char k[16], what[64];
    uint8_t buf[1000];
    uint32_t vlen;

    ck_assert_int_eq(store_open(&c, &s), 0);
    ck_assert_int_eq(store_db_attach(s, "g.edb", STORE_DB_CREATE, &db), 0);
    ck_assert_int_eq(store_tree_create(s, db, &tree), 0);
    ck_assert_int_eq(store_flush(s), 0);
    before = pager_owned_pages(store_db_pager(db));
    os_memvfs_crash_at(vfs, n);
    err = put_rows(s, db, tree, 0, ROWS / 2, &done);
    if (!err) err = pager_resize(store_db_pager(db), before + 200, 0, &grown);
    if (!err) err = put_rows(s, db, tree, ROWS / 2, ROWS, &done);
    if (!err) err = store_checkpoint(s);
    store_abandon(s);
    reached = os_memvfs_crashed(vfs);
    os_memvfs_power_loss(vfs, loss_seed);
    if (!reached) {
        os_memvfs_destroy(vfs);
        return 0;
    }
    snprintf(what, sizeof(what), "crash at io %llu/%llu", (unsigned long long)n, (unsigned long long)loss_seed);
    ck_assert_msg(store_open(&c, &s) == 0, "%s: recovery failed", what);
    ck_assert_msg(store_db_attach(s, "g.edb", 0, &db) == 0, "%s: attach failed", what);
    ck_assert_msg(pager_owned_pages(store_db_pager(db)) >= before, "%s: lost size", what);
    if (grown) ck_assert_msg(pager_owned_pages(store_db_pager(db)) >= grown, "%s: lost the grow", what);
    store_read_begin(s);
    for (i = 0; i < done; i++) {
        key_of(k, i);
        ck_assert_msg(bt_get(store_db_pager(db), tree, k, (uint32_t)strlen(k), buf, sizeof(buf), &vlen) == 0,
                      "%s: durable row %d lost", what, i);
    }
    store_read_end(s);
    roots[0] = store_db_catalog(db);
    roots[1] = tree;
    ck_assert_msg(store_db_verify(s, db, roots, 2) == 0, "%s: space accounting", what);
    /* The recovered database takes more rows. */
    ck_assert_int_eq(put_rows(s, db, tree, ROWS, ROWS + 20, &done), 0);
    ck_assert_int_eq(store_close(s), 0);
    os_memvfs_destroy(vfs);
    return 1;
}

START_TEST(grow_crash_sweep)
{
    uint64_t n;
    int tested = 0;

    for (n = 1; n < 10000; n++) {
        if (!grow_crash_once(n, n * 7919 + 1)) break;
        tested++;
    }
    ck_assert_int_gt(tested, 10);
}
END_TEST

Suite *dbsize_suite(void)
{
    Suite *s = suite_create("dbsize");
    TCase *tc = tcase_create("resize");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, resize_tail_and_shrink);
    tcase_add_test(tc, set_size_refuses_dirty_file);
    tcase_add_test(tc, grow_crash_sweep);
    suite_add_tcase(s, tc);
    return s;
}
