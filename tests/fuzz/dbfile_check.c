/*
 * dbfile_check.c - reads every byte a database file can make the engine
 * look at, for the fuzz target and its regression cases (dbfile_check.h).
 *
 * The file goes onto a fresh in-memory disk and is attached by a store
 * without a log (recovery off: nothing but the file is read, and a file not
 * marked clean is refused as JET_errDatabaseDirtyShutdown, which is fine).
 * Then, in the order the Jet layer would meet them:
 *   1. bt_verify of the catalog tree;
 *   2. the catalog's tables, each table's schema as the Jet layer loads it
 *      (tbl_schema_load: columns, record schema, indexes, key layouts);
 *   3. bt_verify of every data, long-value and secondary index tree, then
 *      store_db_verify over all of them (free list, page accounting) and
 *      lv_verify of each long-value tree;
 *   0. the header read without attaching (store_db_probe);
 *   4. a scan of each data tree: rec_validate, every value through
 *      rec_iter, every separated long value read whole, every index key of
 *      the record made (idx_record_keys) and sought in its index tree,
 *      where its entry (key || bookmark) must be; and a scan of each index
 *      tree both ways, each secondary entry's value checked and its
 *      bookmark found in the data tree.
 * Every step runs whatever the one before returned, as far as it can, so
 * one damaged part does not hide bugs in the readers of the others.  The
 * first error is returned.  Loops are bounded, so a cycle in damaged links
 * cannot hang the fuzzer.
 */
#include "dbfile_check.h"

#include <stdlib.h>
#include <string.h>

#include "btree.h"
#include "cat.h"
#include "esent.h"
#include "jet_table.h"
#include "lv.h"
#include "os_memvfs.h"
#include "page.h"
#include "rec.h"
#include "store.h"

#define DB_PATH "fuzz.edb"
#define MAX_TABLES 64
#define MAX_ROWS 100000
#define MAX_LV_READ (1u << 20)

struct checker {
    store *s;
    store_db *db;
    store_txn *txn;
    uint32_t lv_root;      /* the table being read */
    uint8_t *buf;          /* MAX_LV_READ bytes for long values */
    int first_err;
};

static void note(struct checker *c, int err)
{
    if (err < 0 && !c->first_err) c->first_err = err;
}

/* The page size the header claims, if it is one we support. */
static uint32_t header_page_size(const uint8_t *data, size_t size)
{
    uint32_t n;
    if (size < DBH_OFF_PAGE_SIZE + 4) return PAGE_SIZE_MIN;
    n = get_u32(data + DBH_OFF_PAGE_SIZE);
    return page_size_valid(n) ? n : PAGE_SIZE_MIN;
}

static int write_file(os_vfs *vfs, const uint8_t *data, size_t size, uint32_t page_size, int mode)
{
    os_file *f;
    uint8_t *copy = NULL;
    int err;

    if (mode == DBFILE_RESEAL && size >= page_size) {
        size_t off;
        if (!(copy = malloc(size))) return JET_errOutOfMemory;
        memcpy(copy, data, size);
        for (off = 0; off + page_size <= size; off += page_size) page_seal(copy + off, page_size);
        data = copy;
    }
    err = os_file_open(vfs, DB_PATH, OS_OPEN_CREATE | OS_OPEN_TRUNCATE, &f);
    if (err == OS_OK) {
        err = os_file_write(f, 0, data, size);
        if (err == OS_OK) err = os_file_sync(f);
        os_file_close(f);
    }
    free(copy);
    return err == OS_OK ? 0 : JET_errDiskIO;
}

/* idx_record_keys' way to read long values of key columns. */
static int lv_reader(void *ctx, uint32_t lid, void *buf, uint32_t cb, uint32_t *got)
{
    struct checker *c = ctx;
    return lv_read(c->txn, c->db, c->lv_root, lid, 0, buf, cb, got);
}

static void verify_tree(struct checker *c, uint32_t root)
{
    struct bt_stats st;
    store_read_begin(c->s);
    note(c, bt_verify(store_db_pager(c->db), root, &st));
    store_read_end(c->s);
}

static void seek_key(struct checker *c, uint32_t root, const uint8_t *key, uint32_t klen)
{
    store_cursor *cur;
    int err, exact;
    if ((err = store_cursor_open(c->s, c->db, root, &cur)) < 0) {
        note(c, err);
        return;
    }
    err = store_cursor_seek(cur, c->txn, key, klen, BT_SEEK_GE, &exact);
    if (err != JET_errRecordNotFound) note(c, err);
    err = store_cursor_seek(cur, c->txn, key, klen, BT_SEEK_LT, &exact);
    if (err != JET_errRecordNotFound) note(c, err);
    store_cursor_close(cur);
}

/* A secondary index entry of a record: index key || bookmark must be in
 * the index tree. */
static void find_entry(struct checker *c, uint32_t root, const uint8_t *key, uint32_t klen,
                       const uint8_t *bm, uint32_t bmlen)
{
    uint8_t ek[KEY_BUF_MAX + TBL_BOOKMARK_MAX];
    store_cursor *cur;
    int err, exact = 0;

    if (klen > KEY_BUF_MAX || bmlen > TBL_BOOKMARK_MAX) {
        note(c, JET_errDatabaseCorrupted);
        return;
    }
    memcpy(ek, key, klen);
    memcpy(ek + klen, bm, bmlen);
    if ((err = store_cursor_open(c->s, c->db, root, &cur)) < 0) {
        note(c, err);
        return;
    }
    err = store_cursor_seek(cur, c->txn, ek, klen + bmlen, BT_SEEK_GE, &exact);
    note(c, err == JET_errRecordNotFound || (!err && !exact) ? JET_errDatabaseCorrupted : err);
    store_cursor_close(cur);
}

/* Every value of one record (bookmark bm), its long values and its index
 * keys. */
static void read_record(struct checker *c, const struct tbl_schema *sch, const uint8_t *bm,
                        uint32_t bmlen, const uint8_t *rec, uint32_t len)
{
    struct rec_iter it;
    struct rec_value v;
    uint32_t i;
    int err;

    note(c, rec_validate(rec, len, &sch->rs));
    if ((err = rec_iter_init(&it, rec, len, &sch->rs, 0)) < 0) {
        note(c, err);
        return;
    }
    while ((err = rec_iter_next(&it, &v)) == 1) {
        if (v.flags & RECF_SEPARATED_LV) {
            uint32_t lid, size, got;
            uint64_t real;
            rec_lvref_decode(v.data, &lid, &size);
            if ((err = lv_size(c->txn, c->db, sch->tab.lv_root, lid, &real)) < 0) {
                note(c, err);
                continue;
            }
            note(c, lv_read(c->txn, c->db, sch->tab.lv_root, lid, 0, c->buf,
                            real < MAX_LV_READ ? (uint32_t)real : MAX_LV_READ, &got));
        }
    }
    note(c, err);
    for (i = 0; i < sch->nidx; i++) {
        struct idx_keyset ks;
        uint32_t k;
        memset(&ks, 0, sizeof(ks));
        note(c, idx_record_keys(sch, &sch->idx[i], rec, len, lv_reader, c, &ks));
        /* Each key sought in its tree: the path down through the branch
         * pages, which a scan does not take. */
        for (k = 0; k < ks.n && k < 4; k++) {
            seek_key(c, sch->idx[i].ci.root, ks.keys[k], ks.lens[k]);
            if ((int)i != sch->primary) find_entry(c, sch->idx[i].ci.root, ks.keys[k], ks.lens[k], bm, bmlen);
        }
        idx_keyset_free(&ks);
    }
}

/* Walks a tree through a store cursor; rows of the data tree (sch given)
 * are read; the entries of a secondary index (data_root given) are split
 * (jet_table.h) and their bookmarks looked up in the data tree. */
static void scan_tree(struct checker *c, uint32_t root, const struct tbl_schema *sch, uint32_t data_root)
{
    store_cursor *cur;
    const uint8_t *k, *v;
    uint32_t kl, vl;
    int err, rows = 0;

    if ((err = store_cursor_open(c->s, c->db, root, &cur)) < 0) {
        note(c, err);
        return;
    }
    for (err = store_cursor_first(cur, c->txn); err == 0 && rows < MAX_ROWS;
         err = store_cursor_next(cur, c->txn), rows++) {
        if ((err = store_cursor_get(cur, &k, &kl, &v, &vl)) < 0) break;
        if (sch) read_record(c, sch, k, kl, v, vl);
        if (data_root) {
            uint32_t bml, got;
            if ((err = tbl_sec_split(kl, v, vl, &bml)) < 0) break;
            err = store_txn_get(c->txn, c->db, data_root, k + kl - bml, bml, NULL, 0, &got);
            if (err < 0) note(c, err == JET_errRecordNotFound ? JET_errDatabaseCorrupted : err);
            err = 0;
        }
    }
    if (err != JET_errNoCurrentRecord) note(c, err);
    /* Backwards too: prev follows other links than next. */
    for (err = store_cursor_last(cur, c->txn), rows = 0; err == 0 && rows < MAX_ROWS;
         err = store_cursor_prev(cur, c->txn), rows++)
        ;
    if (err != JET_errNoCurrentRecord) note(c, err);
    store_cursor_close(cur);
}

static void check_table(struct checker *c, const struct cat_table *tab, uint32_t *roots,
                        uint32_t *nroots, uint32_t max_roots)
{
    struct tbl_schema sch;
    struct lv_stats lst;
    uint32_t i;
    int err;

    if (tab->data_root) verify_tree(c, tab->data_root);
    if (tab->lv_root) verify_tree(c, tab->lv_root);
    if ((err = tbl_schema_load(c->txn, c->db, tab->objid, &sch)) < 0) {
        note(c, err);
        return;
    }
    if (*nroots + 2 + sch.nidx <= max_roots) {
        roots[(*nroots)++] = tab->data_root;
        if (tab->lv_root) roots[(*nroots)++] = tab->lv_root;
    }
    if (tab->lv_root) note(c, lv_verify(c->s, c->db, tab->lv_root, &lst));
    for (i = 0; i < sch.nidx; i++) {
        if (sch.idx[i].ci.root == tab->data_root) continue;
        verify_tree(c, sch.idx[i].ci.root);
        if (*nroots < max_roots) roots[(*nroots)++] = sch.idx[i].ci.root;
        scan_tree(c, sch.idx[i].ci.root, NULL, tab->data_root);
    }
    c->lv_root = tab->lv_root;
    if (tab->data_root) scan_tree(c, tab->data_root, &sch, 0);
    tbl_schema_free(&sch);
}

static void check_db(struct checker *c)
{
    struct cat_table *tabs = NULL;
    uint32_t ntabs = 0, i, nroots = 0;
    uint32_t roots[1 + MAX_TABLES * 8];
    int err;

    verify_tree(c, store_db_catalog(c->db));
    roots[nroots++] = store_db_catalog(c->db);
    if ((err = store_txn_begin(c->s, &c->txn)) < 0) {
        note(c, err);
        return;
    }
    if ((err = cat_tables_list(c->txn, c->db, &tabs, &ntabs)) < 0) note(c, err);
    for (i = 0; i < ntabs && i < MAX_TABLES; i++)
        check_table(c, &tabs[i], roots, &nroots, sizeof(roots) / sizeof(roots[0]));
    free(tabs);
    store_txn_abort(c->txn);
    c->txn = NULL;
    /* Only meaningful when every tree was named. */
    if (ntabs <= MAX_TABLES && !c->first_err) note(c, store_db_verify(c->s, c->db, roots, nroots));
}

int dbfile_check(const uint8_t *data, size_t size, int mode)
{
    struct checker c;
    struct store_config cfg;
    os_vfs *vfs;
    uint32_t page_size = header_page_size(data, size);
    int err;

    memset(&c, 0, sizeof(c));
    if (!(vfs = os_memvfs_create())) return JET_errOutOfMemory;
    if ((err = write_file(vfs, data, size, page_size, mode)) < 0) goto out;
    {
        /* JetGetDatabaseFileInfo's reader, without attaching. */
        struct store_db_info info;
        (void)store_db_probe(vfs, DB_PATH, &info);
    }

    memset(&cfg, 0, sizeof(cfg));
    cfg.vfs = vfs;
    cfg.log_dir = "";
    cfg.system_dir = "";
    cfg.basename = "edb";
    cfg.recovery = 0;
    cfg.page_size = page_size;
    cfg.cache_pages = 16;
    cfg.extend_pages = 4;
    if ((err = store_open(&cfg, &c.s)) < 0) goto out;
    if (!(c.buf = malloc(MAX_LV_READ))) {
        err = JET_errOutOfMemory;
        goto close;
    }
    if ((err = store_db_attach(c.s, DB_PATH, 0, &c.db)) < 0) goto close;
    check_db(&c);
    err = c.first_err;
close:
    free(c.buf);
    /* Closing writes the header back: a damaged file may fail here too. */
    if (c.s) {
        int cerr = store_close(c.s);
        if (!err) err = cerr;
    }
out:
    os_memvfs_destroy(vfs);
    return err;
}
