/*
 * test_sortcheck.c - Unicode indexes another sort made (dlls/esent/sortcheck.c),
 * natively: the catalog is given indexes recorded as made by an NLS sort
 * ("nls:test", as the DLL would record), then JetAttachDatabase and
 * JetOpenTable must answer as the documentation of
 * JET_paramEnableIndexChecking says.  The interop suite checks the same with
 * files the DLL really wrote; this one runs without Wine.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cat.h"
#include "esent.h"
#include "jet_private.h"
#include "unit.h"

#define CALL(x) \
    do { \
        JET_ERR e_ = (x); \
        if (e_ < 0) ck_abort_msg("%s failed with %ld", #x, (long)e_); \
    } while (0)

struct sc {
    JET_INSTANCE inst;
    JET_SESID ses;
    char dir[4096], path[4200], ppath[4200];
};

static void sc_start(struct sc *f)
{
    f->inst = 0;
    CALL(JetCreateInstanceA(&f->inst, "sortcheck"));
    CALL(JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    CALL(JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    CALL(JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    CALL(JetInit(&f->inst));
    CALL(JetBeginSessionA(f->inst, &f->ses, "", ""));
}

/* Adds an index over column col of table tname recorded as made by the
 * sort "nls:test", straight into the catalog (the DLL's record). */
static void add_nls_index(struct sc *f, JET_DBID dbid, const char *tname, const char *iname, const char *key,
                          uint32_t cbkey, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct cat_table tab;
    struct cat_index_def def;
    struct cat_index ix;
    store_txn *txn;
    store_db *db;

    ck_assert_int_eq(session_enter(f->ses, &s), 0);
    db = s->inst->dbs[dbid - 1].sdb;
    ck_assert_int_eq(store_txn_begin(s->inst->st, &txn), 0);
    ck_assert_int_eq(cat_table_lookup(txn, db, tname, &tab), 0);
    memset(&def, 0, sizeof(def));
    def.name = iname;
    def.grbit = grbit;
    def.key = key;
    def.cbkey = cbkey;
    def.sort_version = "nls:test";
    ck_assert_int_eq(cat_index_create(s->inst->st, txn, db, tab.objid, &def, &ix), 0);
    ck_assert_str_eq(ix.sort_version, "nls:test");
    ck_assert_int_eq(store_txn_commit(txn, 0), 0);
    session_leave(s);
}

/* interop.edb: table "t" (u Unicode text, a ASCII text) with three rows,
 * index "bya" and the NLS-made "byu"; p.edb: table "p" whose primary index
 * is NLS-made. */
static void make(struct sc *f)
{
    static const WCHAR u[3][4] = {{'x', 'y', 0}, {0xe9, 0}, {'A', 'b', 'c', 0}};
    JET_COLUMNDEF def;
    JET_COLUMNID cu, ca;
    JET_DBID db;
    JET_TABLEID t;
    int i;

    CALL(JetCreateDatabaseA(f->ses, f->path, NULL, &db, 0));
    CALL(JetCreateTableA(f->ses, db, "t", 0, 0, &t));
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypText;
    def.cp = 1200;
    CALL(JetAddColumnA(f->ses, t, "u", &def, NULL, 0, &cu));
    def.cp = 1252;
    CALL(JetAddColumnA(f->ses, t, "a", &def, NULL, 0, &ca));
    CALL(JetCreateIndexA(f->ses, t, "bya", 0, "+a\0", 4, 0));
    for (i = 0; i < 3; i++) {
        CALL(JetPrepareUpdate(f->ses, t, JET_prepInsert));
        CALL(JetSetColumn(f->ses, t, cu, u[i], (i == 1 ? 1 : i == 0 ? 2 : 3) * 2, 0, NULL));
        CALL(JetSetColumn(f->ses, t, ca, "k", 1, 0, NULL));
        CALL(JetUpdate(f->ses, t, NULL, 0, NULL));
    }
    CALL(JetCloseTable(f->ses, t));
    add_nls_index(f, db, "t", "byu", "+u\0", 4, 0);
    CALL(JetCloseDatabase(f->ses, db, 0));
    CALL(JetDetachDatabaseA(f->ses, f->path));

    CALL(JetCreateDatabaseA(f->ses, f->ppath, NULL, &db, 0));
    CALL(JetCreateTableA(f->ses, db, "p", 0, 0, &t));
    def.cp = 1200;
    CALL(JetAddColumnA(f->ses, t, "u", &def, NULL, 0, &cu));
    CALL(JetCloseTable(f->ses, t));
    add_nls_index(f, db, "p", "pk", "+u\0", 4, JET_bitIndexPrimary);
    CALL(JetCloseDatabase(f->ses, db, 0));
    CALL(JetDetachDatabaseA(f->ses, f->ppath));
}

static void set_checking(struct sc *f, unsigned long mode)
{
    CALL(JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramEnableIndexChecking, mode, NULL));
}

START_TEST(sortcheck_attach_rules)
{
    struct sc f;
    JET_DBID db;
    JET_TABLEID t;
    JET_ERR e;
    int n = 0;

    snprintf(f.dir, sizeof(f.dir), "%s/", unit_tmpdir());
    snprintf(f.path, sizeof(f.path), "%ssort.edb", f.dir);
    snprintf(f.ppath, sizeof(f.ppath), "%sp.edb", f.dir);
    sc_start(&f);
    make(&f);

    /* On (the default): the attach fails and leaves nothing attached. */
    ck_assert_int_eq(JetAttachDatabaseA(f.ses, f.path, 0), JET_errSecondaryIndexCorrupted);
    ck_assert_int_eq(JetOpenDatabaseA(f.ses, f.path, NULL, &db, 0), JET_errDatabaseNotFound);
    ck_assert_int_eq(JetAttachDatabaseA(f.ses, f.path, JET_bitDbReadOnly | JET_bitDbDeleteCorruptIndexes),
                     JET_errSecondaryIndexCorrupted);
    ck_assert_int_eq(JetAttachDatabaseA(f.ses, f.ppath, 0), JET_errPrimaryIndexCorrupted);
    ck_assert_int_eq(JetAttachDatabaseA(f.ses, f.ppath, JET_bitDbDeleteCorruptIndexes), JET_errPrimaryIndexCorrupted);
    ck_assert_int_eq(JetAttachDatabaseA(f.ses, f.ppath, JET_bitDbDeleteUnicodeIndexes), JET_errPrimaryIndexCorrupted);

    /* Deferred to JetOpenTable. */
    set_checking(&f, JET_IndexCheckingDeferToOpenTable);
    ck_assert_int_eq(JetAttachDatabaseA(f.ses, f.path, 0), 0);
    CALL(JetOpenDatabaseA(f.ses, f.path, NULL, &db, 0));
    ck_assert_int_eq(JetOpenTableA(f.ses, db, "t", NULL, 0, 0, &t), JET_errSecondaryIndexCorrupted);
    CALL(JetCloseDatabase(f.ses, db, 0));
    CALL(JetDetachDatabaseA(f.ses, f.path));
    ck_assert_int_eq(JetAttachDatabaseA(f.ses, f.ppath, 0), 0);
    CALL(JetOpenDatabaseA(f.ses, f.ppath, NULL, &db, 0));
    ck_assert_int_eq(JetOpenTableA(f.ses, db, "p", NULL, 0, 0, &t), JET_errPrimaryIndexCorrupted);
    CALL(JetCloseDatabase(f.ses, db, 0));
    CALL(JetDetachDatabaseA(f.ses, f.ppath));

    /* Off: used as they are. */
    set_checking(&f, JET_IndexCheckingOff);
    ck_assert_int_eq(JetAttachDatabaseA(f.ses, f.path, 0), 0);
    CALL(JetOpenDatabaseA(f.ses, f.path, NULL, &db, 0));
    CALL(JetOpenTableA(f.ses, db, "t", NULL, 0, 0, &t));
    CALL(JetSetCurrentIndexA(f.ses, t, "byu"));
    CALL(JetCloseTable(f.ses, t));
    CALL(JetCloseDatabase(f.ses, db, 0));
    CALL(JetDetachDatabaseA(f.ses, f.path));

    /* On, deleting: JET_wrnCorruptIndexDeleted; the rest stays. */
    set_checking(&f, JET_IndexCheckingOn);
    ck_assert_int_eq(JetAttachDatabaseA(f.ses, f.path, JET_bitDbDeleteCorruptIndexes), JET_wrnCorruptIndexDeleted);
    CALL(JetOpenDatabaseA(f.ses, f.path, NULL, &db, 0));
    CALL(JetOpenTableA(f.ses, db, "t", NULL, 0, 0, &t));
    ck_assert_int_eq(JetSetCurrentIndexA(f.ses, t, "byu"), JET_errIndexNotFound);
    CALL(JetSetCurrentIndexA(f.ses, t, "bya"));
    for (e = JetMove(f.ses, t, JET_MoveFirst, 0); e >= 0; e = JetMove(f.ses, t, JET_MoveNext, 0)) n++;
    ck_assert_int_eq(n, 3);
    /* Made again with the running sort: up to date. */
    CALL(JetCreateIndexA(f.ses, t, "byu", 0, "+u\0", 4, 0));
    CALL(JetCloseTable(f.ses, t));
    CALL(JetCloseDatabase(f.ses, db, 0));
    CALL(JetDetachDatabaseA(f.ses, f.path));
    ck_assert_int_eq(JetAttachDatabaseA(f.ses, f.path, 0), 0);
    CALL(JetDetachDatabaseA(f.ses, f.path));
    CALL(JetEndSession(f.ses, 0));
    CALL(JetTerm(f.inst));

    /* The deletion was durable and the file is sound. */
    sc_start(&f);
    ck_assert_int_eq(JetAttachDatabaseA(f.ses, f.path, 0), 0);
    CALL(JetDetachDatabaseA(f.ses, f.path));
    CALL(JetEndSession(f.ses, 0));
    CALL(JetTerm(f.inst));
    unit_check_dbfile(f.path);
}
END_TEST

Suite *sortcheck_suite(void)
{
    Suite *s = suite_create("sortcheck");
    TCase *tc = tcase_create("attach");
    tcase_add_test(tc, sortcheck_attach_rules);
    suite_add_tcase(s, tc);
    return s;
}
