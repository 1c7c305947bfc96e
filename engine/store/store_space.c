/*
 * store_space.c - the maximum size of a database (JetCreateDatabase2's and
 * JetAttachDatabase2's cpgDatabaseSizeMax, JetSetMaxDatabaseSize).
 *
 * Pages are allocated only when a commit applies its write set, under the
 * exclusive latch, and a commit that fails half-applied puts the store in
 * the failed state (store.h).  So the limit cannot be met by failing an
 * allocation: it is met before, by estimating what applying the write set
 * could allocate and refusing the change that would make that estimate not
 * fit:
 *
 *   - store_txn_put (space_check): the put whose write set, with it, could
 *     need more pages than the database has left (maximum minus the pages
 *     in use: the page count less the free list) fails with
 *     JET_errOutOfDatabaseSpace, before it enters the write set.  The Jet
 *     layer's savepoint around each update takes back the rest of that
 *     update, so the update fails cleanly and the transaction goes on:
 *     a smaller update, a commit or a rollback still work.
 *   - store_txn_commit (space_commit_check): the same estimate again under
 *     the exclusive latch, before anything is applied, since transactions
 *     that committed meanwhile took space; a commit that no longer fits
 *     fails with JET_errOutOfDatabaseSpace and is rolled back, changing
 *     nothing.
 *   - store_tree_create: a new tree needs a page.
 *
 * The estimate: the write set's keys and values plus a cell overhead each,
 * as leaves at most half full (a split leaves two halves), plus half as
 * many again for branch pages, plus a split path per tree put into.  It
 * counts deletes and replaced values as if they needed new space, so it is
 * above what B-trees filled by ordinary inserts take (a database refuses
 * updates some pages before its file reaches the maximum), but it is not a
 * proof: a write set that splits an unusual number of full pages may take
 * a database a few pages past its maximum.  Applying never fails for the
 * limit, and the pager caps only its own extension steps at it
 * (pager_set_max_pages).
 *
 * Only databases with a maximum pay anything: space_check returns at once
 * for the others.
 */
#include "debug.h"
#include "esent.h"
#include "page.h"
#include "store_int.h"

DEFAULT_DEBUG_CHANNEL(esent);

#define SPACE_CELL 16u       /* a leaf cell's overhead beyond key and value (generous) */
#define SPACE_PATH 5u        /* pages one split path may take: a leaf, three branches, a new root */

/* Pages the transaction's commit may allocate, with `extra` more bytes
 * in one more entry. */
static uint64_t estimate(const store_txn *t, uint32_t page_size, uint64_t extra)
{
    uint64_t usable = page_size - PAGE_HDR_SIZE;
    uint64_t bytes = t->ws.bytes + extra + ((uint64_t)t->ws.count + (extra ? 1 : 0)) * SPACE_CELL;
    uint64_t leaves = (2 * bytes + usable - 1) / usable;

    return leaves + (leaves + 1) / 2 + (uint64_t)t->space.ntrees * SPACE_PATH;
}

/* Pages db has left below its maximum max.  Latch held (either way). */
static uint64_t pages_left(store_db *db, uint32_t max)
{
    uint32_t count = pager_page_count(db->pg);
    uint32_t free_pages = pager_free_count(db->pg);
    uint64_t used = count > free_pages ? count - free_pages : 0;

    return used < max ? max - used : 0;
}

/* Notes (dbid, tree) among the trees put into; 1 when it was new. */
static int note_tree(struct space_est *sp, uint8_t dbid, uint32_t tree)
{
    uint32_t i, n = sp->ntrees < SPACE_TREES ? sp->ntrees : SPACE_TREES;

    for (i = 0; i < n; i++)
        if (sp->dbid[i] == dbid && sp->tree[i] == tree) return 0;
    if (sp->ntrees >= SPACE_TREES) {
        /* Past the table: a tree other than the last one counts again. */
        if (sp->dbid[SPACE_TREES - 1] == dbid && sp->tree[SPACE_TREES - 1] == tree) return 0;
        i = SPACE_TREES - 1;
    }
    sp->dbid[i] = dbid;
    sp->tree[i] = tree;
    sp->ntrees++;
    return 1;
}

int space_check(store_txn *t, store_db *db, uint32_t tree, uint32_t bytes)
{
    uint32_t max = pager_max_pages(db->pg);
    uint64_t need, left;
    int added;

    if (!max) return 0;
    added = note_tree(&t->space, (uint8_t)db->dbid, tree);
    need = estimate(t, pager_page_size(db->pg), bytes);
    store_read_begin(t->s);
    left = pages_left(db, max);
    store_read_end(t->s);
    if (need > left) {
        TRACE("database %d: a commit could need %llu pages, %llu left below %u\n", db->dbid,
              (unsigned long long)need, (unsigned long long)left, max);
        if (added) t->space.ntrees--;
        return JET_errOutOfDatabaseSpace;
    }
    t->space.dbs |= 1u << db->dbid;
    return 0;
}

int space_commit_check(store_txn *t)
{
    uint32_t dbs = t->space.dbs, max;
    int dbid;

    for (dbid = 0; dbs && dbid < STORE_MAX_DBS; dbid++) {
        store_db *db = t->s->dbs[dbid];
        if (!(dbs & (1u << dbid)) || !db) continue;
        if (!(max = pager_max_pages(db->pg))) continue;
        if (estimate(t, pager_page_size(db->pg), 0) > pages_left(db, max)) {
            TRACE("database %d: commit refused, past its maximum of %u pages\n", dbid, max);
            return JET_errOutOfDatabaseSpace;
        }
    }
    return 0;
}

void store_db_set_max_pages(store_db *db, uint32_t pages)
{
    pager_set_max_pages(db->pg, pages);
}

uint32_t store_db_max_pages(store_db *db)
{
    return pager_max_pages(db->pg);
}

int store_db_space_for_tree(store_db *db)
{
    uint32_t max = pager_max_pages(db->pg);
    return max && pages_left(db, max) < 1 ? JET_errOutOfDatabaseSpace : 0;
}
