/*
 * test_store_space.c - a database's maximum size at the store level
 * (store_db_attach_max, store_db_set_max_pages, store_space.c): a put that
 * could take the database past it fails with JET_errOutOfDatabaseSpace and
 * leaves the transaction usable; a commit that no longer fits (another
 * commit took the room) fails before applying anything; the store never
 * enters the failed state for it; the file stays within the maximum and
 * verifies.
 */
#include <stdio.h>
#include <string.h>

#include "btree.h"
#include "esent.h"
#include "os_memvfs.h"
#include "store.h"
#include "unit.h"

#define MAX 64

struct env {
    os_vfs *vfs;
    store *s;
    store_db *db;
    uint32_t tree;
};

static void env_open(struct env *e, uint32_t max)
{
    struct store_config c;

    e->vfs = os_memvfs_create();
    unit_store_config(&c, e->vfs, 128);
    c.extend_pages = 256;
    ck_assert_int_eq(store_open(&c, &e->s), 0);
    ck_assert_int_eq(store_db_attach_max(e->s, "a.edb", STORE_DB_CREATE, max, &e->db), 0);
    ck_assert_int_eq(store_tree_create(e->s, e->db, &e->tree), 0);
}

static void env_close(struct env *e)
{
    uint32_t roots[2] = { store_db_catalog(e->db), e->tree };
    ck_assert_int_eq(store_db_verify(e->s, e->db, roots, 2), 0);
    ck_assert_int_eq(store_close(e->s), 0);
    os_memvfs_destroy(e->vfs);
}

static int put(store_txn *t, struct env *e, int i, uint32_t vlen)
{
    static char val[4000];
    char k[16];
    memset(val, 'v', sizeof(val));
    sprintf(k, "row%05d", i);
    return store_txn_put(t, e->db, e->tree, k, (uint32_t)strlen(k), val, vlen, BT_UPSERT);
}

static int present(struct env *e, int i)
{
    char k[16];
    uint32_t vlen;
    int err;
    sprintf(k, "row%05d", i);
    store_read_begin(e->s);
    err = bt_get(store_db_pager(e->db), e->tree, k, (uint32_t)strlen(k), NULL, 0, &vlen);
    store_read_end(e->s);
    ck_assert(err == 0 || err == JET_errRecordNotFound);
    return err == 0;
}

START_TEST(space_put_refused_txn_usable)
{
    struct env e;
    store_txn *t;
    pager *p;
    int i, n = 0, err = 0;

    env_open(&e, MAX);
    p = store_db_pager(e.db);
    ck_assert_uint_eq(store_db_max_pages(e.db), MAX);
    /* The new file's first extension stopped at the maximum. */
    ck_assert_uint_le(pager_owned_pages(p), MAX);

    /* One row per transaction until a put is refused. */
    for (i = 0; i < 10000; i++) {
        ck_assert_int_eq(store_txn_begin(e.s, &t), 0);
        if ((err = put(t, &e, i, 900))) break;
        ck_assert_int_eq(store_txn_commit(t, 0), 0);
        n++;
    }
    ck_assert_int_eq(err, JET_errOutOfDatabaseSpace);
    ck_assert_int_gt(n, 50);
    /* The transaction goes on: a commit of what it had (nothing) works. */
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    ck_assert_uint_le(pager_owned_pages(p), MAX);

    /* A bigger maximum: a transaction puts until refused, then commits
     * what it has. */
    store_db_set_max_pages(e.db, MAX + 32);
    ck_assert_int_eq(store_txn_begin(e.s, &t), 0);
    for (i = n; i < n + 10000; i++)
        if ((err = put(t, &e, i, 900))) break;
    ck_assert_int_eq(err, JET_errOutOfDatabaseSpace);
    ck_assert_int_gt(i, n);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    ck_assert(present(&e, i - 1));
    ck_assert(!present(&e, i));
    ck_assert_int_eq(store_checkpoint(e.s), 0);
    ck_assert_uint_le(pager_owned_pages(p), MAX + 32);

    /* A new tree needs a page. */
    store_db_set_max_pages(e.db, 1);
    {
        uint32_t root;
        ck_assert_int_eq(store_tree_create(e.s, e.db, &root), JET_errOutOfDatabaseSpace);
    }
    /* 0: no maximum. */
    store_db_set_max_pages(e.db, 0);
    ck_assert_int_eq(store_txn_begin(e.s, &t), 0);
    ck_assert_int_eq(put(t, &e, 99999, 1500), 0);
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
    env_close(&e);
}
END_TEST

START_TEST(space_commit_refused_cleanly)
{
    struct env e;
    store_txn *t1, *t2;
    int i, j, err = 0;

    env_open(&e, MAX);
    /* Two transactions each put as much as the room left allows; the
     * first commit takes part of it, so the second no longer fits. */
    ck_assert_int_eq(store_txn_begin(e.s, &t1), 0);
    ck_assert_int_eq(store_txn_begin(e.s, &t2), 0);
    for (i = 0; i < 10000; i++)
        if ((err = put(t1, &e, i, 900))) break;
    ck_assert_int_eq(err, JET_errOutOfDatabaseSpace);
    for (j = 20000; j < 30000; j++)
        if ((err = put(t2, &e, j, 900))) break;
    ck_assert_int_eq(err, JET_errOutOfDatabaseSpace);
    ck_assert_int_eq(store_txn_commit(t1, 0), 0);
    ck_assert_int_eq(store_txn_commit(t2, 0), JET_errOutOfDatabaseSpace);
    /* Nothing of t2 was applied; t1's rows are there; the store works. */
    ck_assert(present(&e, 0) && present(&e, i - 1));
    ck_assert(!present(&e, 20000) && !present(&e, j - 1));
    ck_assert_int_eq(store_txn_begin(e.s, &t1), 0);
    ck_assert_int_eq(put(t1, &e, 20000, 10), 0);
    ck_assert_int_eq(store_txn_commit(t1, 0), 0);
    ck_assert(present(&e, 20000));
    ck_assert_uint_le(pager_owned_pages(store_db_pager(e.db)), MAX);
    env_close(&e);
}
END_TEST

Suite *store_space_suite(void)
{
    Suite *s = suite_create("store_space");
    TCase *tc = tcase_create("max");
    tcase_add_test(tc, space_put_refused_txn_usable);
    tcase_add_test(tc, space_commit_refused_cleanly);
    suite_add_tcase(s, tc);
    return s;
}
