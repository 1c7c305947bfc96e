/*
 * test_cat.c - the catalog (engine/cat) on a real store over the in-memory
 * VFS: names and key descriptions; creating and finding tables, columns
 * and indexes by name (any case) and by id; every error the catalog
 * returns; transactions (a rollback leaves nothing and its trees can be
 * dropped; a transaction sees its own DDL, others only after the commit);
 * persistence across close and reopen; renames and deletes (the catalog
 * ends empty and every page is accounted for); template tables; the
 * key_index made from an index; damaged records; the write journal that
 * undoes a failed catalog function; a read-only database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cat.h"
#include "cat_int.h"
#include "esent.h"
#include "key.h"
#include "os.h"
#include "os_memvfs.h"
#include "store.h"
#include "unit.h"

struct env {
    os_vfs *vfs;
    struct store_config c;
    store *s;
    store_db *db;
};

static void env_open(struct env *e)
{
    memset(e, 0, sizeof(*e));
    e->vfs = os_memvfs_create();
    unit_store_config(&e->c, e->vfs, 8192);
    e->c.cache_pages = 256;
    ck_assert_int_eq(store_open(&e->c, &e->s), 0);
    ck_assert_int_eq(store_db_attach(e->s, "cat.edb", STORE_DB_CREATE, &e->db), 0);
}

static void env_reopen(struct env *e)
{
    ck_assert_int_eq(store_close(e->s), 0);
    ck_assert_int_eq(store_open(&e->c, &e->s), 0);
    ck_assert_int_eq(store_db_attach(e->s, "cat.edb", 0, &e->db), 0);
}

static void env_close(struct env *e)
{
    ck_assert_int_eq(store_close(e->s), 0);
    os_memvfs_destroy(e->vfs);
}

static store_txn *begin(struct env *e)
{
    store_txn *t;
    ck_assert_int_eq(store_txn_begin(e->s, &t), 0);
    return t;
}

static void commit(store_txn *t)
{
    ck_assert_int_eq(store_txn_commit(t, 0), 0);
}

/* Entries in the catalog tree (committed). */
static uint64_t catalog_entries(struct env *e)
{
    uint64_t n = 0;
    store_read_begin(e->s);
    ck_assert_int_eq(bt_count(store_db_pager(e->db), store_db_catalog(e->db), &n), 0);
    store_read_end(e->s);
    return n;
}

/* store_db_verify over the catalog and the given trees. */
static void verify(struct env *e, const uint32_t *roots, uint32_t n)
{
    uint32_t all[64];
    ck_assert_uint_lt(n, 63);
    all[0] = store_db_catalog(e->db);
    if (n) memcpy(all + 1, roots, n * sizeof(*roots));
    ck_assert_int_eq(store_db_verify(e->s, e->db, all, n + 1), 0);
}

/* ---- building blocks ----------------------------------------------------- */

static struct cat_table mktable(struct env *e, store_txn *t, const char *name)
{
    struct cat_table tb;
    ck_assert_int_eq(cat_table_create(e->s, t, e->db, name, 1, 0, 0, NULL, &tb), 0);
    return tb;
}

static int addcol(store_txn *t, struct env *e, uint32_t objid, const char *name, JET_COLTYP ty,
                  JET_GRBIT grbit, struct cat_column *out)
{
    struct cat_column_def d;
    struct cat_column tmp;
    memset(&d, 0, sizeof(d));
    d.name = name;
    d.coltyp = ty;
    d.grbit = grbit;
    return cat_column_add(t, e->db, objid, &d, out ? out : &tmp);
}

static JET_COLUMNID col(store_txn *t, struct env *e, uint32_t objid, const char *name,
                        JET_COLTYP ty, JET_GRBIT grbit)
{
    struct cat_column c;
    ck_assert_int_eq(addcol(t, e, objid, name, ty, grbit, &c), 0);
    return c.columnid;
}

static void idxdef(struct cat_index_def *d, const char *name, JET_GRBIT grbit, const char *key,
                   uint32_t cbkey)
{
    memset(d, 0, sizeof(*d));
    d->name = name;
    d->grbit = grbit;
    d->key = key;
    d->cbkey = cbkey;
}

/* Creates an index from a string literal key ("+a\0-b\0"; the literal's
 * own NUL makes the double NUL). */
#define MKINDEX(e, t, objid, name, grbit, key, out) \
    mkindex(e, t, objid, name, grbit, key, sizeof(key), out)

static int mkindex(struct env *e, store_txn *t, uint32_t objid, const char *name, JET_GRBIT grbit,
                   const char *key, uint32_t cbkey, struct cat_index *out)
{
    struct cat_index_def d;
    struct cat_index tmp;
    idxdef(&d, name, grbit, key, cbkey);
    return cat_index_create(e->s, t, e->db, objid, &d, out ? out : &tmp);
}

/* ---- names and key descriptions ------------------------------------------ */

START_TEST(names)
{
    char out[CAT_NAME_MAX + 1], long64[66], long65[67];

    ck_assert_int_eq(cat_name_check("Orders", out), 0);
    ck_assert_str_eq(out, "Orders");
    ck_assert_int_eq(cat_name_check("with space   ", out), 0);
    ck_assert_str_eq(out, "with space");
    ck_assert_int_eq(cat_name_check("a,b-c_d$%&'()*+/:;<=>?@\\^`{|}~\"#", out), 0);
    ck_assert_int_eq(cat_name_check("caf\xc3\xa9", out), 0);
    ck_assert_int_eq(cat_name_check(NULL, out), JET_errInvalidName);
    ck_assert_int_eq(cat_name_check("", out), JET_errInvalidName);
    ck_assert_int_eq(cat_name_check(" lead", out), JET_errInvalidName);
    ck_assert_int_eq(cat_name_check("x   ", out), 0);
    ck_assert_str_eq(out, "x");
    ck_assert_int_eq(cat_name_check("a!b", out), JET_errInvalidName);
    ck_assert_int_eq(cat_name_check("a.b", out), JET_errInvalidName);
    ck_assert_int_eq(cat_name_check("a[b", out), JET_errInvalidName);
    ck_assert_int_eq(cat_name_check("a]b", out), JET_errInvalidName);
    ck_assert_int_eq(cat_name_check("a\tb", out), JET_errInvalidName);
    ck_assert_int_eq(cat_name_check("a\x1f", out), JET_errInvalidName);
    memset(long64, 'n', 64);
    long64[64] = '\0';
    ck_assert_int_eq(cat_name_check(long64, out), 0);
    ck_assert_uint_eq(strlen(out), 64);
    memset(long65, 'n', 65);
    long65[65] = '\0';
    ck_assert_int_eq(cat_name_check(long65, out), JET_errInvalidName);

    ck_assert_int_eq(cat_name_compare("Orders", "oRDERS"), 0);
    ck_assert_int_lt(cat_name_compare("abc", "ABD"), 0);
    ck_assert_int_gt(cat_name_compare("abcd", "ABC"), 0);
    ck_assert_int_ne(cat_name_compare("caf\xc3\xa9", "CAF\xc3\x89"), 0); /* ASCII only */
}
END_TEST

START_TEST(key_descriptions)
{
    struct cat_key_desc kd;
    static const char k17[] = "+a\0+b\0+c\0+d\0+e\0+f\0+g\0+h\0+i\0+j\0+k\0+l\0+m\0"
                              "+n\0+o\0+p\0+q\0";

    ck_assert_int_eq(cat_key_parse("+a\0-b\0c\0", sizeof("+a\0-b\0c\0"), &kd), 0);
    ck_assert_uint_eq(kd.n, 3);
    ck_assert_str_eq(kd.names[0], "a");
    ck_assert_str_eq(kd.names[1], "b");
    ck_assert_str_eq(kd.names[2], "c");
    ck_assert_uint_eq(kd.descending[0], 0);
    ck_assert_uint_eq(kd.descending[1], 1);
    ck_assert_uint_eq(kd.descending[2], 0);

    ck_assert_int_eq(cat_key_parse("+a\0", 0, &kd), JET_errInvalidParameter);
    ck_assert_int_eq(cat_key_parse("\0", 2, &kd), JET_errIndexInvalidDef);    /* empty */
    ck_assert_int_eq(cat_key_parse("a\0", 3, &kd), JET_errIndexInvalidDef);   /* no sign */
    ck_assert_int_eq(cat_key_parse("+a\0", 3, &kd), JET_errIndexInvalidDef);  /* one NUL */
    ck_assert_int_eq(cat_key_parse("+a\0\0x\0", 7, &kd), JET_errIndexInvalidDef); /* trailing */
    ck_assert_int_eq(cat_key_parse("+", 1, &kd), JET_errIndexInvalidDef);
    ck_assert_int_eq(cat_key_parse(k17, sizeof(k17), &kd), JET_errIndexInvalidDef);
    ck_assert_int_eq(cat_key_parse(k17 + 3, sizeof(k17) - 3, &kd), 0); /* 16 columns */
    ck_assert_uint_eq(kd.n, 16);
}
END_TEST

/* ---- tables -------------------------------------------------------------- */

START_TEST(tables)
{
    struct env e;
    struct cat_table a, b, got, *list;
    uint32_t n;
    store_txn *t;

    env_open(&e);
    t = begin(&e);
    a = mktable(&e, t, "Orders");
    ck_assert_uint_ge(a.objid, CAT_OBJID_FIRST);
    ck_assert_uint_ne(a.data_root, 0);
    ck_assert_uint_ne(a.lv_root, 0);
    ck_assert_uint_ne(a.data_root, a.lv_root);
    ck_assert_uint_eq(a.density, 80);
    ck_assert_uint_eq(a.primary_slot, CAT_NONE);
    ck_assert_int_eq(cat_table_create(e.s, t, e.db, "Customers  ", 10, 50,
                                      JET_bitTableCreateFixedDDL, NULL, &b), 0);
    ck_assert_str_eq(b.name, "Customers");
    ck_assert_uint_gt(b.objid, a.objid);
    ck_assert_uint_eq(b.density, 50);
    ck_assert_uint_eq(b.pages, 10);
    ck_assert_uint_eq(b.flags, JET_bitTableCreateFixedDDL);

    ck_assert_int_eq(cat_table_lookup(t, e.db, "ORDERS", &got), 0);
    ck_assert_str_eq(got.name, "Orders");
    ck_assert_uint_eq(got.objid, a.objid);
    ck_assert_uint_eq(got.data_root, a.data_root);
    ck_assert_int_eq(cat_table_get(t, e.db, b.objid, &got), 0);
    ck_assert_str_eq(got.name, "Customers");

    ck_assert_int_eq(cat_table_create(e.s, t, e.db, "orders", 1, 0, 0, NULL, &got),
                     JET_errTableDuplicate);
    ck_assert_int_eq(cat_table_create(e.s, t, e.db, "bad.name", 1, 0, 0, NULL, &got),
                     JET_errInvalidName);
    ck_assert_int_eq(cat_table_create(e.s, t, e.db, "d", 1, 19, 0, NULL, &got),
                     JET_errDensityInvalid);
    ck_assert_int_eq(cat_table_create(e.s, t, e.db, "d", 1, 101, 0, NULL, &got),
                     JET_errDensityInvalid);
    ck_assert_int_eq(cat_table_create(e.s, t, e.db, "d", 1, 0, 0x4, NULL, &got),
                     JET_errInvalidGrbit);
    ck_assert_int_eq(cat_table_create(e.s, t, e.db, "d", 1, 0, 0x100, NULL, &got),
                     JET_errInvalidGrbit);
    ck_assert_int_eq(cat_table_lookup(t, e.db, "Nothing", &got), JET_errObjectNotFound);
    ck_assert_int_eq(cat_table_lookup(t, e.db, "", &got), JET_errInvalidName);
    ck_assert_int_eq(cat_table_get(t, e.db, 12345, &got), JET_errObjectNotFound);

    ck_assert_int_eq(cat_tables_list(t, e.db, &list, &n), 0);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(list[0].name, "Customers");
    ck_assert_str_eq(list[1].name, "Orders");
    free(list);
    commit(t);
    env_close(&e);
}
END_TEST

/* ---- columns ------------------------------------------------------------- */

START_TEST(columns)
{
    struct env e;
    struct cat_table tb;
    struct cat_column c, *list;
    struct cat_column_def d;
    uint32_t n;
    store_txn *t;
    int32_t lval = 7;

    env_open(&e);
    t = begin(&e);
    tb = mktable(&e, t, "T");
    ck_assert_uint_eq(col(t, &e, tb.objid, "Id", JET_coltypLong, 0), 1);
    ck_assert_uint_eq(col(t, &e, tb.objid, "Name", JET_coltypText, 0), 128);
    ck_assert_uint_eq(col(t, &e, tb.objid, "Memo", JET_coltypLongText, 0), 256);
    ck_assert_uint_eq(col(t, &e, tb.objid, "Code", JET_coltypText, JET_bitColumnFixed), 2);
    ck_assert_uint_eq(col(t, &e, tb.objid, "Tags", JET_coltypBinary,
                          JET_bitColumnTagged | JET_bitColumnMultiValued), 257);
    ck_assert_uint_eq(col(t, &e, tb.objid, "Guid", JET_coltypGUID, 0), 3);
    ck_assert_uint_eq(col(t, &e, tb.objid, "Blob", JET_coltypBinary, 0), 129);

    ck_assert_int_eq(cat_column_lookup(t, e.db, tb.objid, "NAME", &c), 0);
    ck_assert_str_eq(c.name, "Name");
    ck_assert_uint_eq(c.columnid, 128);
    ck_assert_uint_eq(c.cp, 1252);
    ck_assert_uint_eq(c.cbmax, 255);
    ck_assert_uint_eq(c.grbit, 0);
    ck_assert_int_eq(cat_column_get(t, e.db, tb.objid, 1, &c), 0);
    ck_assert_str_eq(c.name, "Id");
    ck_assert_uint_eq(c.cbmax, 4);
    ck_assert_uint_eq(c.cp, 0);
    ck_assert_uint_eq(c.grbit, JET_bitColumnFixed);
    ck_assert_int_eq(cat_column_get(t, e.db, tb.objid, 257, &c), 0);
    ck_assert_uint_eq(c.grbit, JET_bitColumnTagged | JET_bitColumnMultiValued);
    ck_assert_int_eq(cat_column_get(t, e.db, tb.objid, 4, &c), JET_errColumnNotFound);
    ck_assert_int_eq(cat_column_get(t, e.db, tb.objid, 0, &c), JET_errColumnNotFound);
    ck_assert_int_eq(cat_column_lookup(t, e.db, tb.objid, "none", &c), JET_errColumnNotFound);

    /* Errors, in the order ESE checks them. */
    ck_assert_int_eq(addcol(t, &e, tb.objid, "id", JET_coltypLong, 0, NULL),
                     JET_errColumnDuplicate);
    ck_assert_int_eq(addcol(t, &e, tb.objid, "x!", JET_coltypLong, 0, NULL), JET_errInvalidName);
    ck_assert_int_eq(addcol(t, &e, tb.objid, "x", 0, 0, NULL), JET_errInvalidColumnType);
    ck_assert_int_eq(addcol(t, &e, tb.objid, "x", 13, 0, NULL), JET_errInvalidColumnType);
    ck_assert_int_eq(addcol(t, &e, tb.objid, "x", 19, 0, NULL), JET_errInvalidColumnType);
    ck_assert_int_eq(addcol(t, &e, tb.objid, "x", JET_coltypText, JET_bitColumnMultiValued, NULL),
                     JET_errMultiValuedColumnMustBeTagged);
    ck_assert_int_eq(addcol(t, &e, tb.objid, "x", JET_coltypLongText, JET_bitColumnFixed, NULL),
                     JET_errInvalidGrbit);
    ck_assert_int_eq(addcol(t, &e, tb.objid, "x", JET_coltypText, JET_bitColumnAutoincrement, NULL),
                     JET_errInvalidGrbit);
    ck_assert_int_eq(addcol(t, &e, tb.objid, "x", JET_coltypLong,
                            JET_bitColumnAutoincrement | JET_bitColumnTagged, NULL),
                     JET_errCannotBeTagged);
    ck_assert_int_eq(addcol(t, &e, tb.objid, "x", JET_coltypLong, JET_bitColumnEscrowUpdate, NULL),
                     JET_errInvalidGrbit); /* no default */
    ck_assert_int_eq(addcol(t, &e, tb.objid, "x", JET_coltypLong, JET_bitColumnDeleteOnZero, NULL),
                     JET_errInvalidGrbit);
    ck_assert_int_eq(addcol(t, &e, tb.objid, "x", JET_coltypBinary, JET_bitColumnCompressed, NULL),
                     JET_errColumnCannotBeCompressed);
    ck_assert_int_eq(addcol(t, &e, tb.objid, "x", JET_coltypLongBinary,
                            JET_bitColumnUserDefinedDefault | JET_bitColumnNotNULL, NULL),
                     JET_errInvalidGrbit);
    ck_assert_int_eq(addcol(t, &e, 99999, "x", JET_coltypLong, 0, NULL), JET_errObjectNotFound);

    /* Code pages. */
    memset(&d, 0, sizeof(d));
    d.name = "U";
    d.coltyp = JET_coltypText;
    d.cp = 1200;
    ck_assert_int_eq(cat_column_add(t, e.db, tb.objid, &d, &c), 0);
    ck_assert_uint_eq(c.cp, 1200);
    d.name = "BadCp";
    d.cp = 437;
    ck_assert_int_eq(cat_column_add(t, e.db, tb.objid, &d, &c), JET_errInvalidCodePage);
    d.coltyp = JET_coltypLong; /* not text: the code page is ignored */
    ck_assert_int_eq(cat_column_add(t, e.db, tb.objid, &d, &c), 0);
    ck_assert_uint_eq(c.cp, 0);

    /* cbMax over 255 is cut, with a warning. */
    memset(&d, 0, sizeof(d));
    d.name = "Wide";
    d.coltyp = JET_coltypText;
    d.cbmax = 300;
    ck_assert_int_eq(cat_column_add(t, e.db, tb.objid, &d, &c), JET_wrnColumnMaxTruncated);
    ck_assert_uint_eq(c.cbmax, 255);
    d.name = "Huge";
    d.coltyp = JET_coltypLongBinary;
    d.cbmax = 0x80000000u;
    ck_assert_int_eq(cat_column_add(t, e.db, tb.objid, &d, &c), JET_errInvalidParameter);

    /* Autoincrement and version: one each. */
    ck_assert_uint_ne(col(t, &e, tb.objid, "Auto", JET_coltypLongLong, JET_bitColumnAutoincrement),
                      0);
    ck_assert_int_eq(addcol(t, &e, tb.objid, "Auto2", JET_coltypLong,
                            JET_bitColumnAutoincrement, NULL),
                     JET_errColumnRedundant);
    ck_assert_uint_ne(col(t, &e, tb.objid, "Ver", JET_coltypLong, JET_bitColumnVersion), 0);
    ck_assert_int_eq(addcol(t, &e, tb.objid, "Ver2", JET_coltypLong, JET_bitColumnVersion, NULL),
                     JET_errColumnRedundant);

    /* Defaults. */
    memset(&d, 0, sizeof(d));
    d.name = "Count";
    d.coltyp = JET_coltypLong;
    d.grbit = JET_bitColumnEscrowUpdate;
    d.pvdefault = &lval;
    d.cbdefault = 4;
    ck_assert_int_eq(cat_column_add(t, e.db, tb.objid, &d, &c), 0);
    ck_assert_uint_eq(c.cbdefault, 4);
    ck_assert_int_eq(memcmp(c.defval, &lval, 4), 0);
    d.name = "Short";
    d.grbit = 0;
    d.cbdefault = 2;
    ck_assert_int_eq(cat_column_add(t, e.db, tb.objid, &d, &c), JET_errInvalidBufferSize);
    d.cbdefault = 5;
    ck_assert_int_eq(cat_column_add(t, e.db, tb.objid, &d, &c), JET_errDefaultValueTooBig);
    {
        uint8_t big[400];
        memset(big, 'x', sizeof(big));
        d.name = "Doc";
        d.coltyp = JET_coltypLongText;
        d.pvdefault = big;
        d.cbdefault = sizeof(big);
        ck_assert_int_eq(cat_column_add(t, e.db, tb.objid, &d, &c), 0);
        ck_assert_uint_eq(c.cbdefault, 255); /* cut silently */
        d.name = "Small";
        d.coltyp = JET_coltypText;
        d.cbmax = 10;
        d.cbdefault = 11;
        ck_assert_int_eq(cat_column_add(t, e.db, tb.objid, &d, &c), JET_errDefaultValueTooBig);
    }

    ck_assert_int_eq(cat_columns_list(t, e.db, tb.objid, 0, &list, &n), 0);
    ck_assert_uint_ge(n, 10);
    for (uint32_t i = 1; i < n; i++) ck_assert_uint_lt(list[i - 1].columnid, list[i].columnid);
    ck_assert_str_eq(list[0].name, "Id");
    free(list);
    commit(t);
    env_close(&e);
}
END_TEST

START_TEST(too_many_columns)
{
    struct env e;
    struct cat_table tb, tb2;
    struct cat_column c;
    struct cat_column_def d;
    char name[16];
    uint32_t i;
    store_txn *t;

    env_open(&e);
    t = begin(&e);
    tb = mktable(&e, t, "Many");
    for (i = 1; i <= 127; i++) {
        snprintf(name, sizeof(name), "f%u", i);
        ck_assert_uint_eq(col(t, &e, tb.objid, name, JET_coltypBit, 0), i);
    }
    ck_assert_int_eq(addcol(t, &e, tb.objid, "f128", JET_coltypBit, 0, NULL),
                     JET_errTooManyColumns);
    for (i = 128; i <= 255; i++) {
        snprintf(name, sizeof(name), "v%u", i);
        ck_assert_uint_eq(col(t, &e, tb.objid, name, JET_coltypBinary, 0), i);
    }
    ck_assert_int_eq(addcol(t, &e, tb.objid, "v256", JET_coltypText, 0, NULL),
                     JET_errTooManyColumns);
    commit(t);

    /* Tagged: 256..0xFEE0, 64993 columns. */
    t = begin(&e);
    for (i = 256; i <= 0xFEE0; i++) {
        snprintf(name, sizeof(name), "t%u", i);
        REQUIRE_EQ(addcol(t, &e, tb.objid, name, JET_coltypLongBinary, 0, &c), 0);
        REQUIRE_EQ(c.columnid, i);
    }
    ck_assert_int_eq(addcol(t, &e, tb.objid, "one more", JET_coltypLongText, 0, NULL),
                     JET_errTooManyColumns);
    commit(t);

    /* Fixed columns must fit a record: 255-byte fixed binaries on 4 KiB pages. */
    t = begin(&e);
    tb2 = mktable(&e, t, "Wide");
    memset(&d, 0, sizeof(d));
    d.coltyp = JET_coltypBinary;
    d.grbit = JET_bitColumnFixed;
    d.cbmax = 255;
    for (i = 0;; i++) {
        int err;
        snprintf(name, sizeof(name), "w%u", i);
        d.name = name;
        err = cat_column_add(t, e.db, tb2.objid, &d, &c);
        if (err == JET_errRecordTooBig) break;
        ck_assert_int_eq(err, 0);
    }
    ck_assert_uint_eq(i, 6);
    commit(t);
    env_close(&e);
}
END_TEST

/* ---- indexes ------------------------------------------------------------- */

START_TEST(indexes)
{
    struct env e;
    struct cat_table tb, got;
    struct cat_index pk, ix, ix2, *list;
    struct cat_index_def d;
    struct cat_cond_def cond[17];
    struct cat_tuple_limits tl;
    JET_COLUMNID id, name, uname, tags, amount;
    uint32_t n, root, i;
    store_txn *t;
    static const char k17[] = "+Id\0+Name\0+UName\0+c0\0+c1\0+c2\0+c3\0+c4\0+c5\0+c6\0+c7\0"
                              "+c8\0+c9\0+c10\0+c11\0+c12\0+c13\0";

    env_open(&e);
    t = begin(&e);
    tb = mktable(&e, t, "T");
    id = col(t, &e, tb.objid, "Id", JET_coltypLong, 0);
    name = col(t, &e, tb.objid, "Name", JET_coltypText, 0);
    {
        struct cat_column_def cd;
        struct cat_column c;
        int32_t one = 1;
        memset(&cd, 0, sizeof(cd));
        cd.name = "UName";
        cd.coltyp = JET_coltypText;
        cd.cp = 1200;
        ck_assert_int_eq(cat_column_add(t, e.db, tb.objid, &cd, &c), 0);
        uname = c.columnid;
        cd.name = "Amount";
        cd.coltyp = JET_coltypLong;
        cd.cp = 0;
        cd.grbit = JET_bitColumnEscrowUpdate;
        cd.pvdefault = &one;
        cd.cbdefault = 4;
        ck_assert_int_eq(cat_column_add(t, e.db, tb.objid, &cd, &c), 0);
        amount = c.columnid;
    }
    tags = col(t, &e, tb.objid, "Tags", JET_coltypText,
               JET_bitColumnTagged | JET_bitColumnMultiValued);
    for (i = 0; i < 14; i++) {
        char cn[8];
        snprintf(cn, sizeof(cn), "c%u", i);
        col(t, &e, tb.objid, cn, JET_coltypShort, 0);
    }

    /* Primary index: shares the data tree. */
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "PK", JET_bitIndexPrimary, "+id\0", &pk), 0);
    ck_assert_uint_eq(pk.root, tb.data_root);
    ck_assert_uint_eq(pk.objid, tb.objid);
    ck_assert_uint_eq(pk.nsegs, 1);
    ck_assert_uint_eq(pk.segs[0].columnid, id);
    ck_assert_uint_eq(pk.grbit, JET_bitIndexPrimary | JET_bitIndexUnique);
    ck_assert_uint_eq(pk.cbkeymost, 255);
    ck_assert_uint_eq(pk.cbvarsegmac, 255);
    ck_assert_uint_eq(pk.density, 80);
    ck_assert_str_eq(pk.sort_version, "");
    ck_assert_int_eq(cat_table_get(t, e.db, tb.objid, &got), 0);
    ck_assert_uint_eq(got.primary_slot, pk.slot);
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "PK2", JET_bitIndexPrimary, "+Name\0", NULL),
                     JET_errIndexHasPrimary);

    /* A secondary index over Unicode text, descending. */
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "ByName", 0, "+Name\0-UName\0", &ix), 0);
    ck_assert_uint_ne(ix.root, tb.data_root);
    ck_assert_uint_ne(ix.root, 0);
    ck_assert_uint_gt(ix.objid, tb.objid);
    ck_assert_uint_eq(ix.nsegs, 2);
    ck_assert_uint_eq(ix.segs[0].columnid, name);
    ck_assert_uint_eq(ix.segs[0].descending, 0);
    ck_assert_uint_eq(ix.segs[1].columnid, uname);
    ck_assert_uint_eq(ix.segs[1].descending, 1);
    ck_assert(ix.flags & CAT_INDEX_LOCALIZED);
    ck_assert_str_eq(ix.sort_version, "portable:1");
    ck_assert_uint_eq(ix.map_flags, KEY_LCMAP_DEFAULT);
    ck_assert_int_eq(cat_index_lookup(t, e.db, tb.objid, "BYNAME", &ix2), 0);
    ck_assert_str_eq(ix2.name, "ByName");
    ck_assert_uint_eq(ix2.root, ix.root);
    ck_assert_int_eq(memcmp(&ix2, &ix, sizeof(ix)), 0);
    ck_assert_int_eq(cat_index_lookup(t, e.db, tb.objid, "none", &ix2), JET_errIndexNotFound);

    /* Key descriptions and definitions that are refused. */
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "byname", 0, "+Id\0", NULL), JET_errIndexDuplicate);
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "x", 0, "+Nope\0", NULL), JET_errColumnNotFound);
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "x", 0, "\0", NULL), JET_errIndexInvalidDef);
    ck_assert_int_eq(mkindex(&e, t, tb.objid, "x", 0, "+Id\0", 0, NULL), JET_errInvalidParameter);
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "x", 0, "+Id\0-id\0", NULL), JET_errIndexInvalidDef);
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "x", 0, k17, NULL), JET_errIndexInvalidDef);
    ck_assert_int_eq(mkindex(&e, t, tb.objid, "x", 0, k17 + 4, sizeof(k17) - 4, NULL), 0);
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "x!", 0, "+Id\0", NULL), JET_errInvalidName);
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "x2", 0, "+Amount\0", NULL), JET_errCannotIndex);
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "x2", JET_bitIndexIgnoreNull, "+Tags\0", &ix2), 0);
    ck_assert_uint_eq(ix2.segs[0].columnid, tags);
    ck_assert_uint_eq(ix2.grbit, JET_bitIndexIgnoreNull);
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "x3",
                             JET_bitIndexCrossProduct | JET_bitIndexNestedTable, "+Tags\0", NULL),
                     JET_errInvalidGrbit);
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "x3", JET_bitIndexEmpty, "+Name\0", NULL),
                     JET_errInvalidGrbit);
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "x3", JET_bitIndexEmpty | JET_bitIndexIgnoreAnyNull,
                             "+Name\0", NULL), 0);

    idxdef(&d, "x4", 0, "+Name\0", sizeof("+Name\0"));
    d.density = 10;
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2), JET_errDensityInvalid);
    d.density = 90;
    d.grbit = JET_bitIndexKeyMost;
    d.cbkeymost = 254;
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2), JET_errIndexInvalidDef);
    d.cbkeymost = 1001;
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2), JET_errIndexInvalidDef);
    d.cbkeymost = 1000;
    d.cbvarsegmac = 1001;
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2), JET_errIndexInvalidDef);
    d.cbvarsegmac = 100;
    d.map_flags = 0x80000000u;
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2),
                     JET_errInvalidLCMapStringFlags);
    d.map_flags = KEY_NORM_IGNORECASE;
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2), 0);
    ck_assert_uint_eq(ix2.cbkeymost, 1000);
    ck_assert_uint_eq(ix2.cbvarsegmac, 100);
    ck_assert_uint_eq(ix2.density, 90);
    ck_assert_uint_eq(ix2.map_flags, KEY_NORM_IGNORECASE | KEY_LCMAP_SORTKEY);

    /* Primary indexes cannot ignore NULLs or be conditional. */
    idxdef(&d, "x5", JET_bitIndexPrimary | JET_bitIndexIgnoreNull, "+Name\0", sizeof("+Name\0"));
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2), JET_errInvalidGrbit);
    cond[0].name = "Id";
    cond[0].grbit = JET_bitIndexColumnMustBeNonNull;
    d.grbit = JET_bitIndexPrimary;
    d.cond = cond;
    d.ncond = 1;
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2), JET_errIndexInvalidDef);

    /* Conditional columns. */
    d.grbit = 0;
    cond[1].name = "UName";
    cond[1].grbit = JET_bitIndexColumnMustBeNull;
    d.ncond = 2;
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2), 0);
    ck_assert_uint_eq(ix2.ncond, 2);
    ck_assert_uint_eq(ix2.cond[0].columnid, id);
    ck_assert_uint_eq(ix2.cond[1].columnid, uname);
    ck_assert_uint_eq(ix2.cond[1].grbit, JET_bitIndexColumnMustBeNull);
    d.name = "x6";
    cond[1].grbit = 3;
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2), JET_errInvalidGrbit);
    cond[1].grbit = JET_bitIndexColumnMustBeNull;
    cond[1].name = "Nope";
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2), JET_errColumnNotFound);
    for (i = 0; i < 17; i++) cond[i] = cond[0];
    d.ncond = 17;
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2), JET_errIndexInvalidDef);

    /* Tuple indexes. */
    idxdef(&d, "Tup", JET_bitIndexTuples, "+Name\0", sizeof("+Name\0"));
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2), 0);
    ck_assert(ix2.flags & CAT_INDEX_TUPLES);
    ck_assert_uint_eq(ix2.tuples.len_min, 3);
    ck_assert_uint_eq(ix2.tuples.len_max, 10);
    ck_assert_uint_eq(ix2.tuples.to_index_max, 0x7FFF);
    d.name = "Tup2";
    d.grbit = JET_bitIndexTupleLimits;
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2), JET_errIndexInvalidDef);
    memset(&tl, 0, sizeof(tl));
    tl.len_min = 4;
    tl.len_max = 3;
    d.tuple_limits = &tl;
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2),
                     JET_errIndexTuplesInvalidLimits);
    tl.len_max = 8;
    tl.start = 0xFFFFFFFFu;
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2), 0);
    ck_assert_uint_eq(ix2.grbit, JET_bitIndexTupleLimits | JET_bitIndexTuples);
    ck_assert_uint_eq(ix2.tuples.len_min, 4);
    ck_assert_uint_eq(ix2.tuples.len_max, 8);
    ck_assert_uint_eq(ix2.tuples.start, 0);
    d.name = "Tup3";
    d.grbit = JET_bitIndexTuples | JET_bitIndexUnique;
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2),
                     JET_errIndexTuplesNonUniqueOnly);
    d.grbit = JET_bitIndexTuples;
    d.cbvarsegmac = 10;
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2),
                     JET_errIndexTuplesVarSegMacNotAllowed);
    idxdef(&d, "Tup3", JET_bitIndexTuples, "+Id\0", sizeof("+Id\0"));
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix2),
                     JET_errIndexTuplesTextBinaryColumnsOnly);

    /* Columns used by indexes stay. */
    {
        struct cat_column c;
        JET_COLUMNID cid;
        int32_t v = 3;
        ck_assert_int_eq(cat_column_delete(t, e.db, tb.objid, "Name", &cid), JET_errColumnInUse);
        ck_assert_int_eq(cat_column_delete(t, e.db, tb.objid, "c13", &cid), JET_errColumnInUse);
        ck_assert_int_eq(cat_column_delete(t, e.db, tb.objid, "UName", &cid), JET_errColumnInUse);
        ck_assert_int_eq(cat_column_set_default(t, e.db, tb.objid, "Id", &v, 4),
                         JET_errColumnInUse);
        ck_assert_int_eq(cat_column_get(t, e.db, tb.objid, amount, &c), 0);
        ck_assert_uint_eq(c.grbit, JET_bitColumnEscrowUpdate | JET_bitColumnFixed);
    }

    /* Deleting: not the primary index; a secondary returns its tree; its
     * slot is reused. */
    ck_assert_int_eq(cat_index_delete(t, e.db, tb.objid, "pk", &root), JET_errIndexMustStay);
    ck_assert_int_eq(cat_index_delete(t, e.db, tb.objid, "byname", &root), 0);
    ck_assert_uint_eq(root, ix.root);
    ck_assert_int_eq(cat_index_lookup(t, e.db, tb.objid, "ByName", &ix2), JET_errIndexNotFound);
    ck_assert_int_eq(cat_index_delete(t, e.db, tb.objid, "byname", &root), JET_errIndexNotFound);
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "Again", 0, "+Name\0", &ix2), 0);
    ck_assert_uint_eq(ix2.slot, ix.slot);

    ck_assert_int_eq(cat_indexes_list(t, e.db, tb.objid, &list, &n), 0);
    ck_assert_uint_eq(n, 9);
    for (i = 1; i < n; i++) ck_assert_uint_lt(list[i - 1].slot, list[i].slot);
    ck_assert_str_eq(list[0].name, "PK");
    free(list);
    commit(t);
    env_close(&e);
}
END_TEST

/* ---- key_index ----------------------------------------------------------- */

START_TEST(key_index_fill)
{
    struct env e;
    struct cat_table tb;
    struct cat_index ix;
    struct cat_column *cols;
    struct cat_column_def cd;
    struct cat_column c;
    struct cat_index_def d;
    struct key_index k1, k2;
    struct key_builder kb;
    static const uint16_t locale[] = { 'f', 'r', '-', 'F', 'R', 0 };
    uint32_t n;
    int32_t v = 5;
    store_txn *t;

    env_open(&e);
    t = begin(&e);
    tb = mktable(&e, t, "K");
    col(t, &e, tb.objid, "Id", JET_coltypLong, 0);
    memset(&cd, 0, sizeof(cd));
    cd.name = "Title";
    cd.coltyp = JET_coltypText;
    cd.cp = 1200;
    cd.cbmax = 100;
    ck_assert_int_eq(cat_column_add(t, e.db, tb.objid, &cd, &c), 0);
    cd.name = "Code";
    cd.coltyp = JET_coltypBinary;
    cd.grbit = JET_bitColumnFixed;
    cd.cbmax = 8;
    cd.cp = 0;
    ck_assert_int_eq(cat_column_add(t, e.db, tb.objid, &cd, &c), 0);
    ck_assert_int_eq(cat_column_delete(t, e.db, tb.objid, "Code", NULL), 0);
    cd.name = "Code2";
    ck_assert_int_eq(cat_column_add(t, e.db, tb.objid, &cd, &c), 0);

    idxdef(&d, "IX", JET_bitIndexUnicode | JET_bitIndexSortNullsHigh | JET_bitIndexKeyMost,
           "-Id\0+Title\0+Code2\0", sizeof("-Id\0+Title\0+Code2\0"));
    d.locale = locale;
    d.map_flags = KEY_NORM_IGNORECASE | KEY_NORM_IGNOREWIDTH;
    d.cbkeymost = 500;
    d.cbvarsegmac = 50;
    d.sort_version = "nls:0x60101.5";
    ck_assert_int_eq(cat_index_create(e.s, t, e.db, tb.objid, &d, &ix), 0);
    ck_assert_str_eq(ix.sort_version, "nls:0x60101.5");

    ck_assert_int_eq(cat_columns_list(t, e.db, tb.objid, CAT_LIST_DELETED, &cols, &n), 0);
    ck_assert_uint_eq(n, 4);
    ck_assert_int_eq(cat_index_key(&ix, cols, n, &k1), 0);
    ck_assert_uint_eq(k1.ncols, 3);
    ck_assert_uint_eq(k1.cols[0].coltyp, JET_coltypLong);
    ck_assert_uint_eq(k1.cols[0].descending, 1);
    ck_assert_uint_eq(k1.cols[0].fixed, 1);
    ck_assert_uint_eq(k1.cols[0].cbmax, 4);
    ck_assert_uint_eq(k1.cols[1].coltyp, JET_coltypText);
    ck_assert_uint_eq(k1.cols[1].cp, 1200);
    ck_assert_uint_eq(k1.cols[1].fixed, 0);
    ck_assert_uint_eq(k1.cols[1].cbmax, 100);
    ck_assert_uint_eq(k1.cols[2].coltyp, JET_coltypBinary);
    ck_assert_uint_eq(k1.cols[2].fixed, 1);
    ck_assert_uint_eq(k1.cols[2].cbmax, 8);
    ck_assert_uint_eq(k1.cbkeymost, 500);
    ck_assert_uint_eq(k1.cbvarsegmac, 50);
    ck_assert_uint_eq(k1.grbit & JET_bitIndexSortNullsHigh, JET_bitIndexSortNullsHigh);
    ck_assert_uint_eq(k1.map_flags, KEY_NORM_IGNORECASE | KEY_NORM_IGNOREWIDTH | KEY_LCMAP_SORTKEY);
    ck_assert_ptr_nonnull(k1.locale);
    ck_assert_int_eq(memcmp(k1.locale, locale, sizeof(locale)), 0);
    ck_assert_ptr_null(k1.unicode);
    ck_assert_int_eq(cat_index_key_read(t, e.db, &ix, &k2), 0);
    ck_assert_int_eq(memcmp(&k1, &k2, sizeof(k1)), 0);

    /* The key_index works for key making. */
    memset(&kb, 0, sizeof(kb));
    ck_assert_int_eq(key_make(&kb, &k1, &v, 4, JET_bitNewKey), 0);
    ck_assert_uint_eq(kb.len, 5);
    ck_assert_uint_eq(kb.buf[0], 0x7F ^ 0xFF);

    /* Without the columns it needs. */
    ck_assert_int_eq(cat_index_key(&ix, cols, 1, &k1), JET_errColumnNotFound);
    free(cols);
    commit(t);
    env_close(&e);
}
END_TEST

/* ---- transactions -------------------------------------------------------- */

START_TEST(rollback_leaves_nothing)
{
    struct env e;
    struct cat_table tb, got, *list;
    struct cat_index ix;
    uint32_t n;
    uint64_t before;
    store_txn *t;

    env_open(&e);
    before = catalog_entries(&e);
    t = begin(&e);
    tb = mktable(&e, t, "Gone");
    col(t, &e, tb.objid, "A", JET_coltypLong, 0);
    col(t, &e, tb.objid, "B", JET_coltypText, 0);
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "PK", JET_bitIndexPrimary, "+A\0", NULL), 0);
    ck_assert_int_eq(MKINDEX(&e, t, tb.objid, "IB", 0, "+B\0", &ix), 0);
    ck_assert_int_eq(cat_table_lookup(t, e.db, "gone", &got), 0);
    store_txn_abort(t);

    /* Only the object id counter moved (it is not transactional). */
    ck_assert_uint_le(catalog_entries(&e), before + 1);
    t = begin(&e);
    ck_assert_int_eq(cat_table_lookup(t, e.db, "Gone", &got), JET_errObjectNotFound);
    ck_assert_int_eq(cat_table_get(t, e.db, tb.objid, &got), JET_errObjectNotFound);
    ck_assert_int_eq(cat_tables_list(t, e.db, &list, &n), 0);
    ck_assert_uint_eq(n, 0);
    ck_assert_ptr_null(list);
    store_txn_abort(t);

    /* The trees the transaction created are the caller's to drop. */
    ck_assert_int_eq(store_tree_drop(e.s, e.db, tb.data_root), 0);
    ck_assert_int_eq(store_tree_drop(e.s, e.db, tb.lv_root), 0);
    ck_assert_int_eq(store_tree_drop(e.s, e.db, ix.root), 0);
    verify(&e, NULL, 0);

    /* Object ids are not reused. */
    t = begin(&e);
    got = mktable(&e, t, "Gone");
    ck_assert_uint_gt(got.objid, ix.objid);
    commit(t);
    env_close(&e);
}
END_TEST

START_TEST(visibility)
{
    struct env e;
    struct cat_table tb, got;
    struct cat_column c;
    store_txn *t, *other;

    env_open(&e);
    t = begin(&e);
    tb = mktable(&e, t, "Mine");
    col(t, &e, tb.objid, "A", JET_coltypLong, 0);
    other = begin(&e);
    ck_assert_int_eq(cat_table_lookup(other, e.db, "Mine", &got), JET_errObjectNotFound);
    ck_assert_int_eq(cat_table_lookup(t, e.db, "MINE", &got), 0);
    ck_assert_int_eq(cat_column_lookup(t, e.db, tb.objid, "a", &c), 0);
    commit(t);
    /* A snapshot: other began before the commit and does not see it. */
    ck_assert_int_eq(cat_table_lookup(other, e.db, "Mine", &got), JET_errObjectNotFound);
    store_txn_abort(other);
    other = begin(&e);
    ck_assert_int_eq(cat_table_lookup(other, e.db, "Mine", &got), 0);
    ck_assert_int_eq(cat_column_lookup(other, e.db, got.objid, "A", &c), 0);
    store_txn_abort(other);
    env_close(&e);
}
END_TEST

/* ---- persistence --------------------------------------------------------- */

static void fill_schema(struct env *e, store_txn *t, struct cat_table *tb, struct cat_index *sec)
{
    struct cat_column_def d;
    struct cat_column c;
    static const char dflt[] = "hello";

    *tb = mktable(e, t, "Persist");
    col(t, e, tb->objid, "Id", JET_coltypLongLong, JET_bitColumnAutoincrement);
    memset(&d, 0, sizeof(d));
    d.name = "Greeting";
    d.coltyp = JET_coltypText;
    d.cbmax = 20;
    d.pvdefault = dflt;
    d.cbdefault = 5;
    ck_assert_int_eq(cat_column_add(t, e->db, tb->objid, &d, &c), 0);
    col(t, e, tb->objid, "Doc", JET_coltypLongBinary, 0);
    ck_assert_int_eq(MKINDEX(e, t, tb->objid, "Primary", JET_bitIndexPrimary, "+Id\0", NULL), 0);
    ck_assert_int_eq(MKINDEX(e, t, tb->objid, "ByGreeting", JET_bitIndexUnique,
                             "-Greeting\0Id\0", sec), 0);
    ck_assert_int_eq(cat_table_set_autoinc(t, e->db, tb->objid, 42), 0);
}

START_TEST(persists)
{
    struct env e;
    struct cat_table tb, got;
    struct cat_index sec, ix, *ixs;
    struct cat_column c, *cols;
    uint32_t n, roots[3];
    store_txn *t;

    env_open(&e);
    t = begin(&e);
    fill_schema(&e, t, &tb, &sec);
    commit(t);
    env_reopen(&e);

    t = begin(&e);
    ck_assert_int_eq(cat_table_lookup(t, e.db, "persist", &got), 0);
    ck_assert_uint_eq(got.objid, tb.objid);
    ck_assert_uint_eq(got.data_root, tb.data_root);
    ck_assert_uint_eq(got.lv_root, tb.lv_root);
    ck_assert_uint_eq(got.autoinc_last, 42);
    ck_assert_uint_eq(got.autoinc_column, 1);
    ck_assert_uint_ne(got.primary_slot, CAT_NONE);
    ck_assert_uint_eq(got.last_fixed, 1);
    ck_assert_uint_eq(got.last_var, 128);
    ck_assert_uint_eq(got.last_tagged, 256);
    ck_assert_int_eq(cat_column_lookup(t, e.db, got.objid, "GREETING", &c), 0);
    ck_assert_uint_eq(c.cbmax, 20);
    ck_assert_uint_eq(c.cbdefault, 5);
    ck_assert_int_eq(memcmp(c.defval, "hello", 5), 0);
    ck_assert_int_eq(cat_columns_list(t, e.db, got.objid, 0, &cols, &n), 0);
    ck_assert_uint_eq(n, 3);
    ck_assert_str_eq(cols[2].name, "Doc");
    free(cols);
    ck_assert_int_eq(cat_index_lookup(t, e.db, got.objid, "bygreeting", &ix), 0);
    ck_assert_int_eq(memcmp(&ix, &sec, sizeof(ix)), 0);
    ck_assert_int_eq(cat_indexes_list(t, e.db, got.objid, &ixs, &n), 0);
    ck_assert_uint_eq(n, 2);
    free(ixs);
    store_txn_abort(t);

    roots[0] = tb.data_root;
    roots[1] = tb.lv_root;
    roots[2] = sec.root;
    verify(&e, roots, 3);
    env_close(&e);
}
END_TEST

/* ---- renames and deletes ------------------------------------------------- */

START_TEST(rename_and_delete)
{
    struct env e;
    struct cat_table tb, other, got;
    struct cat_index sec;
    struct cat_column c, *cols;
    struct cat_roots drop;
    JET_COLUMNID cid;
    uint32_t n, i;
    uint64_t empty;
    store_txn *t;

    env_open(&e);
    t = begin(&e);
    mktable(&e, t, "Seed"); /* makes the object id counter exist */
    commit(t);
    t = begin(&e);
    ck_assert_int_eq(cat_table_delete(t, e.db, "Seed", &drop), 0);
    commit(t);
    for (i = 0; i < drop.n; i++) ck_assert_int_eq(store_tree_drop(e.s, e.db, drop.roots[i]), 0);
    cat_roots_free(&drop);
    empty = catalog_entries(&e);
    ck_assert_uint_eq(empty, 1);

    t = begin(&e);
    fill_schema(&e, t, &tb, &sec);
    other = mktable(&e, t, "Other");
    commit(t);

    t = begin(&e);
    /* Tables. */
    ck_assert_int_eq(cat_table_rename(t, e.db, "persist", "other"), JET_errTableDuplicate);
    ck_assert_int_eq(cat_table_rename(t, e.db, "nothing", "x"), JET_errObjectNotFound);
    ck_assert_int_eq(cat_table_rename(t, e.db, "persist", "x.y"), JET_errInvalidName);
    ck_assert_int_eq(cat_table_rename(t, e.db, "persist", "PERSIST"), 0);
    ck_assert_int_eq(cat_table_lookup(t, e.db, "persist", &got), 0);
    ck_assert_str_eq(got.name, "PERSIST");
    ck_assert_int_eq(cat_table_rename(t, e.db, "persist", "Renamed"), 0);
    ck_assert_int_eq(cat_table_lookup(t, e.db, "persist", &got), JET_errObjectNotFound);
    ck_assert_int_eq(cat_table_lookup(t, e.db, "renamed", &got), 0);
    ck_assert_uint_eq(got.objid, tb.objid);

    /* Columns. */
    ck_assert_int_eq(cat_column_rename(t, e.db, tb.objid, "Doc", "id"), JET_errColumnDuplicate);
    ck_assert_int_eq(cat_column_rename(t, e.db, tb.objid, "Nope", "x"), JET_errColumnNotFound);
    ck_assert_int_eq(cat_column_rename(t, e.db, tb.objid, "Doc", "Body"), 0);
    ck_assert_int_eq(cat_column_lookup(t, e.db, tb.objid, "body", &c), 0);
    ck_assert_uint_eq(c.columnid, 256);
    ck_assert_int_eq(cat_column_lookup(t, e.db, tb.objid, "doc", &c), JET_errColumnNotFound);
    ck_assert_int_eq(cat_column_set_default(t, e.db, tb.objid, "Body", NULL, 0),
                     JET_errNullInvalid);
    ck_assert_int_eq(cat_column_set_default(t, e.db, tb.objid, "Body", "abc", 3), 0);
    ck_assert_int_eq(cat_column_lookup(t, e.db, tb.objid, "body", &c), 0);
    ck_assert_uint_eq(c.cbdefault, 3);
    ck_assert_int_eq(cat_column_delete(t, e.db, tb.objid, "Body", &cid), 0);
    ck_assert_uint_eq(cid, 256);
    ck_assert_int_eq(cat_column_delete(t, e.db, tb.objid, "Body", &cid), JET_errColumnNotFound);
    ck_assert_int_eq(cat_column_get(t, e.db, tb.objid, 256, &c), JET_errColumnNotFound);
    ck_assert_int_eq(cat_columns_list(t, e.db, tb.objid, 0, &cols, &n), 0);
    ck_assert_uint_eq(n, 2);
    free(cols);
    ck_assert_int_eq(cat_columns_list(t, e.db, tb.objid, CAT_LIST_DELETED, &cols, &n), 0);
    ck_assert_uint_eq(n, 3);
    ck_assert(cols[2].deleted);
    ck_assert_str_eq(cols[2].name, "");
    ck_assert_uint_eq(cols[2].coltyp, JET_coltypLongBinary);
    free(cols);
    /* The name is free again; the id is not reused. */
    ck_assert_uint_eq(col(t, &e, tb.objid, "body", JET_coltypLongText, 0), 257);
    commit(t);

    /* Deleting a table drops everything of it from the catalog. */
    t = begin(&e);
    ck_assert_int_eq(cat_table_delete(t, e.db, "nothing", &drop), JET_errObjectNotFound);
    ck_assert_int_eq(cat_table_delete(t, e.db, "RENAMED", &drop), 0);
    ck_assert_uint_eq(drop.n, 3);
    ck_assert_uint_eq(drop.roots[0], tb.data_root);
    ck_assert_uint_eq(drop.roots[1], tb.lv_root);
    ck_assert_uint_eq(drop.roots[2], sec.root);
    ck_assert_int_eq(cat_table_lookup(t, e.db, "Renamed", &got), JET_errObjectNotFound);
    ck_assert_int_eq(cat_column_lookup(t, e.db, tb.objid, "Id", &c), JET_errColumnNotFound);
    commit(t);
    for (i = 0; i < drop.n; i++) ck_assert_int_eq(store_tree_drop(e.s, e.db, drop.roots[i]), 0);
    cat_roots_free(&drop);
    {
        uint32_t roots[2] = { other.data_root, other.lv_root };
        verify(&e, roots, 2);
    }
    t = begin(&e);
    ck_assert_int_eq(cat_table_delete(t, e.db, "Other", &drop), 0);
    commit(t);
    for (i = 0; i < drop.n; i++) ck_assert_int_eq(store_tree_drop(e.s, e.db, drop.roots[i]), 0);
    cat_roots_free(&drop);
    ck_assert_uint_eq(catalog_entries(&e), empty);
    verify(&e, NULL, 0);
    env_close(&e);
}
END_TEST

/* ---- template tables ----------------------------------------------------- */

START_TEST(templates)
{
    struct env e;
    struct cat_table tmpl, der, got;
    struct cat_index ix;
    struct cat_roots drop;
    struct key_index k;
    JET_COLUMNID a;
    store_txn *t;

    env_open(&e);
    t = begin(&e);
    tmpl = mktable(&e, t, "Plain");
    ck_assert_int_eq(cat_table_create(e.s, t, e.db, "D", 1, 0, 0, "Plain", &got),
                     JET_errDDLNotInheritable);
    ck_assert_int_eq(cat_table_create(e.s, t, e.db, "D", 1, 0, 0, "Missing", &got),
                     JET_errObjectNotFound);
    ck_assert_int_eq(cat_table_create(e.s, t, e.db, "D", 1, 0, JET_bitTableCreateTemplateTable,
                                      "Plain", &got), JET_errCannotNestDDL);
    ck_assert_int_eq(cat_table_create(e.s, t, e.db, "Tmpl", 1, 0, JET_bitTableCreateTemplateTable,
                                      NULL, &tmpl), 0);
    ck_assert_uint_eq(tmpl.flags, JET_bitTableCreateTemplateTable | JET_bitTableCreateFixedDDL);
    a = col(t, &e, tmpl.objid, "A", JET_coltypLong, 0);
    col(t, &e, tmpl.objid, "B", JET_coltypText, 0);
    col(t, &e, tmpl.objid, "C", JET_coltypLongText, 0);

    {
        struct cat_index tix, *list;
        uint32_t n;
        ck_assert_int_eq(MKINDEX(&e, t, tmpl.objid, "PK", JET_bitIndexPrimary, "+A\0", &tix), 0);
        ck_assert_int_eq(MKINDEX(&e, t, tmpl.objid, "ByB", 0, "-B\0", &tix), 0);
        ck_assert_int_eq(cat_table_create(e.s, t, e.db, "Derived", 1, 0, 0, "tmpl", &der), 0);
        /* The derived table has its own copies of the template's indexes. */
        ck_assert_uint_eq(der.primary_slot, 0);
        ck_assert_int_eq(cat_indexes_list(t, e.db, der.objid, &list, &n), 0);
        ck_assert_uint_eq(n, 2);
        ck_assert_str_eq(list[0].name, "PK");
        ck_assert_uint_eq(list[0].root, der.data_root);
        ck_assert_uint_eq(list[0].objid, der.objid);
        ck_assert_uint_eq(list[0].flags & CAT_INDEX_DERIVED, CAT_INDEX_DERIVED);
        ck_assert_str_eq(list[1].name, "ByB");
        ck_assert_uint_ne(list[1].root, tix.root);
        ck_assert_uint_ne(list[1].objid, tix.objid);
        ck_assert_uint_eq(list[1].table_objid, der.objid);
        ck_assert_uint_eq(list[1].segs[0].descending, 1);
        ck_assert_uint_eq(list[1].flags & CAT_INDEX_DERIVED, CAT_INDEX_DERIVED);
        free(list);
        ck_assert_int_eq(cat_index_lookup(t, e.db, der.objid, "byb", &ix), 0);
        /* The template's own indexes are not marked. */
        ck_assert_int_eq(cat_index_lookup(t, e.db, tmpl.objid, "byb", &ix), 0);
        ck_assert_uint_eq(ix.flags & CAT_INDEX_DERIVED, 0);
    }
    ck_assert_uint_eq(der.flags, CAT_TABLE_DERIVED);
    ck_assert_uint_eq(der.template_objid, tmpl.objid);
    ck_assert_int_eq(addcol(t, &e, der.objid, "a", JET_coltypLong, 0, NULL),
                     JET_errColumnDuplicate);
    ck_assert_uint_eq(col(t, &e, der.objid, "D", JET_coltypLong, 0), 2);
    ck_assert_uint_eq(col(t, &e, der.objid, "E", JET_coltypText, 0), 129);
    ck_assert_uint_eq(col(t, &e, der.objid, "F", JET_coltypLongText, 0), 257);
    ck_assert_int_eq(cat_column_delete(t, e.db, der.objid, "A", NULL), JET_errFixedInheritedDDL);

    /* An index of the derived table over a template column. */
    ck_assert_int_eq(MKINDEX(&e, t, der.objid, "AD", 0, "+A\0-D\0", &ix), 0);
    ck_assert_uint_eq(ix.segs[0].columnid, a);
    ck_assert_int_eq(cat_index_key_read(t, e.db, &ix, &k), 0);
    ck_assert_uint_eq(k.cols[0].coltyp, JET_coltypLong);
    ck_assert_uint_eq(k.cols[1].descending, 1);

    ck_assert_int_eq(cat_table_delete(t, e.db, "Tmpl", &drop), JET_errCannotDeleteTemplateTable);
    ck_assert_int_eq(cat_table_delete(t, e.db, "Derived", &drop), 0);
    ck_assert_uint_eq(drop.n, 4); /* data, LVs, its copy of ByB, AD */
    cat_roots_free(&drop);
    commit(t);
    env_close(&e);
}
END_TEST

/* ---- damage -------------------------------------------------------------- */

START_TEST(damaged_records)
{
    struct env e;
    struct cat_table tb, got;
    struct cat_column c;
    uint8_t key[5], val[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    store_txn *t;

    env_open(&e);
    t = begin(&e);
    tb = mktable(&e, t, "Hurt");
    col(t, &e, tb.objid, "A", JET_coltypLong, 0);
    /* Overwrite the table record (key 11 be32 objid) with junk. */
    key[0] = 0x11;
    key[1] = (uint8_t)(tb.objid >> 24);
    key[2] = (uint8_t)(tb.objid >> 16);
    key[3] = (uint8_t)(tb.objid >> 8);
    key[4] = (uint8_t)tb.objid;
    ck_assert_int_eq(store_txn_put(t, e.db, store_db_catalog(e.db), key, 5, val, sizeof(val),
                                   BT_UPSERT), 0);
    ck_assert_int_eq(cat_table_lookup(t, e.db, "Hurt", &got), JET_errDatabaseCorrupted);
    ck_assert_int_eq(addcol(t, &e, tb.objid, "B", JET_coltypLong, 0, &c), JET_errDatabaseCorrupted);
    store_txn_abort(t);
    env_close(&e);
}
END_TEST

/* ---- the write journal --------------------------------------------------- */

static int catalog_get(struct env *e, store_txn *t, const char *k, uint8_t *v)
{
    uint32_t len = 0;
    int err = store_txn_get(t, e->db, store_db_catalog(e->db), k, (uint32_t)strlen(k), v, 16, &len);
    return err < 0 ? err : (int)len;
}

START_TEST(journal_undo)
{
    struct env e;
    struct cat_wr w;
    struct cat_key ka, kb, kc;
    uint8_t v[16];
    store_txn *t;

    env_open(&e);
    t = begin(&e);
    /* Three keys outside the catalog's key space: one kept, one to
     * overwrite, one to delete. */
    ka.len = kb.len = kc.len = 2;
    memcpy(ka.b, "xa", 2);
    memcpy(kb.b, "xb", 2);
    memcpy(kc.b, "xc", 2);
    ck_assert_int_eq(store_txn_put(t, e.db, store_db_catalog(e.db), kb.b, 2, "old", 3, BT_UPSERT),
                     0);
    ck_assert_int_eq(store_txn_put(t, e.db, store_db_catalog(e.db), kc.b, 2, "del", 3, BT_UPSERT),
                     0);
    commit(t);

    t = begin(&e);
    cat_wr_init(&w, t, e.db);
    ck_assert_int_eq(cat_wr_put(&w, &ka, "new", 3), 0);
    ck_assert_int_eq(cat_wr_put(&w, &kb, "newer", 5), 0);
    ck_assert_int_eq(cat_wr_put(&w, &kb, "newest", 6), 0);
    ck_assert_int_eq(cat_wr_del(&w, &kc), 0);
    ck_assert_int_eq(cat_wr_del(&w, &kc), JET_errRecordNotFound); /* failed: forgotten */
    ck_assert_int_eq(catalog_get(&e, t, "xb", v), 6);
    ck_assert_int_eq(cat_wr_end(&w, JET_errDiskFull), JET_errDiskFull);
    ck_assert_int_eq(catalog_get(&e, t, "xa", v), JET_errRecordNotFound);
    ck_assert_int_eq(catalog_get(&e, t, "xb", v), 3);
    ck_assert_int_eq(memcmp(v, "old", 3), 0);
    ck_assert_int_eq(catalog_get(&e, t, "xc", v), 3);
    ck_assert_int_eq(memcmp(v, "del", 3), 0);

    /* Success keeps the writes. */
    cat_wr_init(&w, t, e.db);
    ck_assert_int_eq(cat_wr_put(&w, &ka, "new", 3), 0);
    ck_assert_int_eq(cat_wr_end(&w, 0), 0);
    ck_assert_int_eq(catalog_get(&e, t, "xa", v), 3);
    store_txn_abort(t);
    env_close(&e);
}
END_TEST

START_TEST(read_only)
{
    struct env e;
    struct cat_table tb, got;
    struct cat_column c;
    store_txn *t;

    env_open(&e);
    t = begin(&e);
    tb = mktable(&e, t, "R");
    col(t, &e, tb.objid, "A", JET_coltypLong, 0);
    commit(t);
    ck_assert_int_eq(store_close(e.s), 0);
    ck_assert_int_eq(store_open(&e.c, &e.s), 0);
    ck_assert_int_eq(store_db_attach(e.s, "cat.edb", STORE_DB_READONLY, &e.db), 0);
    t = begin(&e);
    ck_assert_int_eq(cat_table_lookup(t, e.db, "r", &got), 0);
    ck_assert_int_eq(addcol(t, &e, tb.objid, "B", JET_coltypLong, 0, &c), JET_errPermissionDenied);
    ck_assert_int_eq(cat_column_rename(t, e.db, tb.objid, "A", "Z"), JET_errPermissionDenied);
    ck_assert_int_eq(cat_column_lookup(t, e.db, tb.objid, "a", &c), 0);
    ck_assert_int_eq(cat_column_lookup(t, e.db, tb.objid, "z", &c), JET_errColumnNotFound);
    ck_assert_int_ne(cat_table_create(e.s, t, e.db, "S", 1, 0, 0, NULL, &got), 0);
    store_txn_abort(t);
    env_close(&e);
}
END_TEST

/* ---- crashes and threads ------------------------------------------------- */

START_TEST(survives_crash)
{
    struct env e;
    struct cat_table tb, got;
    struct cat_index sec;
    store_txn *t;

    env_open(&e);
    t = begin(&e);
    fill_schema(&e, t, &tb, &sec);
    commit(t);
    t = begin(&e);
    mktable(&e, t, "Uncommitted");
    store_abandon(e.s);
    store_txn_abort(t);
    os_memvfs_power_loss(e.vfs, unit_seed());
    ck_assert_int_eq(store_open(&e.c, &e.s), 0);
    ck_assert_int_eq(store_db_attach(e.s, "cat.edb", 0, &e.db), 0);

    t = begin(&e);
    ck_assert_int_eq(cat_table_lookup(t, e.db, "Persist", &got), 0);
    ck_assert_uint_eq(got.objid, tb.objid);
    ck_assert_uint_eq(got.autoinc_last, 42);
    ck_assert_int_eq(cat_table_lookup(t, e.db, "Uncommitted", &got), JET_errObjectNotFound);
    /* The object id counter is at least past every committed object. */
    got = mktable(&e, t, "After");
    ck_assert_uint_gt(got.objid, sec.objid);
    commit(t);
    env_close(&e);
}
END_TEST

struct mt_ctx {
    struct env *e;
    int id;
    uint32_t objids[40];
};

static void mt_creator(void *arg)
{
    struct mt_ctx *c = arg;
    struct cat_table tb;
    char name[32];
    store_txn *t;
    int i;

    for (i = 0; i < 40; i++) {
        snprintf(name, sizeof(name), "t%d_%d", c->id, i);
        REQUIRE_EQ(store_txn_begin(c->e->s, &t), 0);
        REQUIRE_EQ(cat_table_create(c->e->s, t, c->e->db, name, 1, 0, 0, NULL, &tb), 0);
        REQUIRE_EQ(store_txn_commit(t, STORE_COMMIT_LAZY), 0);
        c->objids[i] = tb.objid;
    }
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

START_TEST(threads_get_distinct_objids)
{
    struct env e;
    struct mt_ctx ctx[4];
    os_thread *th[4];
    uint32_t all[160], n, i;
    struct cat_table *list;
    store_txn *t;

    env_open(&e);
    for (i = 0; i < 4; i++) {
        ctx[i].e = &e;
        ctx[i].id = (int)i;
        ck_assert_int_eq(os_thread_start(&th[i], mt_creator, &ctx[i]), 0);
    }
    for (i = 0; i < 4; i++) os_thread_join(th[i]);
    for (i = 0; i < 160; i++) all[i] = ctx[i / 40].objids[i % 40];
    qsort(all, 160, sizeof(all[0]), cmp_u32);
    for (i = 1; i < 160; i++) ck_assert_uint_lt(all[i - 1], all[i]);
    t = begin(&e);
    ck_assert_int_eq(cat_tables_list(t, e.db, &list, &n), 0);
    ck_assert_uint_eq(n, 160);
    free(list);
    store_txn_abort(t);
    env_close(&e);
}
END_TEST

Suite *cat_suite(void)
{
    Suite *s = suite_create("cat");
    TCase *tc = tcase_create("catalog");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, names);
    tcase_add_test(tc, key_descriptions);
    tcase_add_test(tc, tables);
    tcase_add_test(tc, columns);
    tcase_add_test(tc, too_many_columns);
    tcase_add_test(tc, indexes);
    tcase_add_test(tc, key_index_fill);
    tcase_add_test(tc, rollback_leaves_nothing);
    tcase_add_test(tc, visibility);
    tcase_add_test(tc, persists);
    tcase_add_test(tc, rename_and_delete);
    tcase_add_test(tc, templates);
    tcase_add_test(tc, damaged_records);
    tcase_add_test(tc, journal_undo);
    tcase_add_test(tc, read_only);
    tcase_add_test(tc, survives_crash);
    tcase_add_test(tc, threads_get_distinct_objids);
    suite_add_tcase(s, tc);
    return s;
}
