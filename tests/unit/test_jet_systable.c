/*
 * test_jet_systable.c - the system tables through the Jet API, natively
 * (and under the sanitizers): a schema using every kind of catalog entry
 * (fixed, variable, tagged and multi-valued columns, defaults, a template
 * and a derived table, Unicode, conditional and descending indexes) is
 * read back through the MSysObjects view, row by row and through each of
 * its indexes; its row count is the one JetGetObjectInfo reports.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "esent.h"
#include "unit.h"

#define CALL(x) \
    do { \
        JET_ERR e_ = (x); \
        if (e_ < 0) ck_abort_msg("%s failed with %ld", #x, (long)e_); \
    } while (0)

static JET_COLUMNID add_col(JET_SESID ses, JET_TABLEID tab, const char *name, JET_COLTYP t, JET_GRBIT g,
                            const void *def, unsigned long cbdef)
{
    JET_COLUMNDEF cd;
    JET_COLUMNID id = 0;
    memset(&cd, 0, sizeof(cd));
    cd.cbStruct = sizeof(cd);
    cd.coltyp = t;
    cd.grbit = g;
    if (t == JET_coltypText || t == JET_coltypLongText) cd.cp = 1200;
    CALL(JetAddColumnA(ses, tab, name, &cd, def, cbdef, &id));
    return id;
}

/* Rows of the view's current index. */
static unsigned long count(JET_SESID ses, JET_TABLEID tab)
{
    unsigned long n = 0;
    JET_ERR err;
    for (err = JetMove(ses, tab, JET_MoveFirst, 0); err >= 0; err = JetMove(ses, tab, JET_MoveNext, 0)) n++;
    ck_assert_int_eq(err, JET_errNoCurrentRecord);
    return n;
}

START_TEST(systable_view_schema)
{
    char dir[4096], path[4200];
    JET_INSTANCE inst = 0;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab, view;
    JET_OBJECTINFO oi;
    JET_INDEXCREATE_A ic;
    JET_CONDITIONALCOLUMN_A cc;
    JET_UNICODEINDEX ui;
    JET_COLUMNDEF cd;
    unsigned long rows, tables, n;
    int32_t dflt = 7;
    char name[80];
    JET_ULONG_ cb;
    JET_ERR err;

    snprintf(dir, sizeof(dir), "%s/", unit_tmpdir());
    snprintf(path, sizeof(path), "%stest.edb", dir);
    CALL(JetCreateInstanceA(&inst, "systable"));
    CALL(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramSystemPath, 0, dir));
    CALL(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramLogFilePath, 0, dir));
    CALL(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramTempPath, 0, dir));
    CALL(JetInit(&inst));
    CALL(JetBeginSessionA(inst, &ses, "", ""));
    CALL(JetCreateDatabaseA(ses, path, NULL, &db, 0));

    /* A template table and a table derived from it. */
    {
        static char pk[] = "+k\0";
        JET_COLUMNCREATE_A col;
        JET_INDEXCREATE_A idx;
        JET_TABLECREATE_A tc;
        memset(&col, 0, sizeof(col));
        col.cbStruct = sizeof(col);
        col.szColumnName = "k";
        col.coltyp = JET_coltypLong;
        col.grbit = JET_bitColumnFixed | JET_bitColumnNotNULL;
        memset(&idx, 0, sizeof(idx));
        idx.cbStruct = sizeof(idx);
        idx.szIndexName = "pk";
        idx.szKey = pk;
        idx.cbKey = sizeof(pk);
        idx.grbit = JET_bitIndexPrimary;
        memset(&tc, 0, sizeof(tc));
        tc.cbStruct = sizeof(tc);
        tc.szTableName = "tmpl";
        tc.rgcolumncreate = &col;
        tc.cColumns = 1;
        tc.rgindexcreate = &idx;
        tc.cIndexes = 1;
        tc.grbit = JET_bitTableCreateTemplateTable;
        CALL(JetCreateTableColumnIndexA(ses, db, &tc));
        CALL(JetCloseTable(ses, tc.tableid));
        memset(&tc, 0, sizeof(tc));
        tc.cbStruct = sizeof(tc);
        tc.szTableName = "derived";
        tc.szTemplateTableName = "tmpl";
        CALL(JetCreateTableColumnIndexA(ses, db, &tc));
        CALL(JetCloseTable(ses, tc.tableid));
    }

    /* Every kind of column and index. */
    CALL(JetCreateTableA(ses, db, "big", 0, 0, &tab));
    add_col(ses, tab, "id", JET_coltypLong, JET_bitColumnAutoincrement, NULL, 0);
    add_col(ses, tab, "n", JET_coltypLong, JET_bitColumnEscrowUpdate, &dflt, sizeof(dflt));
    add_col(ses, tab, "text", JET_coltypText, 0, NULL, 0);
    add_col(ses, tab, "bin", JET_coltypBinary, 0, "ab", 2);
    add_col(ses, tab, "tags", JET_coltypLong, JET_bitColumnTagged | JET_bitColumnMultiValued, NULL, 0);
    add_col(ses, tab, "lv", JET_coltypLongText, 0, NULL, 0);
    add_col(ses, tab, "flag", JET_coltypBit, JET_bitColumnTagged, NULL, 0);
    CALL(JetCreateIndexA(ses, tab, "pk", JET_bitIndexPrimary, "+id\0", 5, 90));
    CALL(JetCreateIndexA(ses, tab, "bytags", JET_bitIndexIgnoreAnyNull, "-tags\0+id\0", 11, 100));
    memset(&ic, 0, sizeof(ic));
    memset(&ui, 0, sizeof(ui));
    memset(&cc, 0, sizeof(cc));
    ui.lcid = 0x409;
    cc.cbStruct = sizeof(cc);
    cc.szColumnName = "flag";
    cc.grbit = JET_bitIndexColumnMustBeNonNull;
    ic.cbStruct = sizeof(ic);
    ic.szIndexName = "bytext";
    ic.szKey = "+text\0";
    ic.cbKey = 7;
    ic.grbit = JET_bitIndexUnicode | JET_bitIndexIgnoreNull;
    ic.pidxunicode = &ui;
    ic.rgconditionalcolumn = &cc;
    ic.cConditionalColumn = 1;
    CALL(JetCreateIndex2A(ses, tab, &ic, 1));
    CALL(JetCloseTable(ses, tab));

    /* The view. */
    CALL(JetOpenTableA(ses, db, "MSysObjects", NULL, 0, JET_bitTableReadOnly, &view));
    rows = count(ses, view);
    memset(&oi, 0, sizeof(oi));
    CALL(JetGetObjectInfoA(ses, db, JET_objtypTable, NULL, "MSysObjects", &oi, sizeof(oi), JET_ObjInfo));
    ck_assert_uint_eq(oi.cRecord, rows);
    /* 4 system tables; tmpl: table, 1 column, 1 index, LV; derived: table,
     * its copy of pk, LV; big: table, 7 columns, 3 indexes, LV. */
    ck_assert_uint_eq(rows, 4 + 4 + 3 + 12);
    CALL(JetSetCurrentIndexA(ses, view, "RootObjects"));
    tables = count(ses, view);
    ck_assert_uint_eq(tables, 7);
    CALL(JetSetCurrentIndexA(ses, view, "Name"));
    ck_assert_uint_eq(count(ses, view), rows);
    CALL(JetSetCurrentIndexA(ses, view, NULL));
    ck_assert_uint_eq(count(ses, view), rows);

    /* Every row has its NOT NULL columns and a name. */
    CALL(JetGetTableColumnInfoA(ses, view, "Name", &cd, sizeof(cd), JET_ColInfo));
    n = 0;
    for (err = JetMove(ses, view, JET_MoveFirst, 0); err >= 0; err = JetMove(ses, view, JET_MoveNext, 0)) {
        memset(name, 0, sizeof(name));
        CALL(JetRetrieveColumn(ses, view, cd.columnid, name, sizeof(name) - 1, &cb, 0, NULL));
        ck_assert_uint_gt(cb, 0);
        n++;
    }
    ck_assert_uint_eq(n, rows);
    ck_assert_int_eq(JetPrepareUpdate(ses, view, JET_prepInsert), JET_errPermissionDenied);
    CALL(JetCloseTable(ses, view));

    CALL(JetEndSession(ses, 0));
    CALL(JetTerm(inst));
}
END_TEST

Suite *jet_systable_suite(void)
{
    Suite *s = suite_create("jet_systable");
    TCase *tc = tcase_create("view");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, systable_view_schema);
    suite_add_tcase(s, tc);
    return s;
}
