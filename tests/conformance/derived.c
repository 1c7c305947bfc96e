/*
 * derived.c - derived tables (JET_TABLECREATE szTemplateTableName): they
 * get their template's columns and its indexes, the primary one included;
 * the inherited indexes are listed, used and maintained like their own, but
 * cannot be deleted (JET_errFixedInheritedDDL); each derived table keeps
 * its own rows.
 */
#include <stdint.h>
#include <string.h>
#include <windows.h>

#include "test.h"

struct fixture {
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
};

static void start(struct fixture *f, const char *name)
{
    expect_err(JET_errSuccess, JetCreateInstanceA(&f->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    expect_err(JET_errSuccess, JetInit(&f->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->ses, "", ""));
}

/* Template "tmpl": id Long (primary "pk"), name Text (unique "byname").
 * Derived "d1" and "d2", d1 with a column "extra" and an index "byextra". */
static void setup(struct fixture *f, const char *name)
{
    JET_COLUMNCREATE_A cols[2], dcol;
    JET_INDEXCREATE_A idx[2], didx;
    JET_TABLECREATE_A tc;

    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "scratch-derived-%s\\", name);
    test_clean_dir(f->dir);
    snprintf(f->path, sizeof(f->path), "%stest.edb", f->dir);
    start(f, name);
    expect_err(JET_errSuccess, JetCreateDatabaseA(f->ses, f->path, NULL, &f->db, 0));

    memset(cols, 0, sizeof(cols));
    cols[0].cbStruct = sizeof(cols[0]);
    cols[0].szColumnName = (char *)"id";
    cols[0].coltyp = JET_coltypLong;
    cols[0].grbit = JET_bitColumnFixed;
    cols[1] = cols[0];
    cols[1].szColumnName = (char *)"name";
    cols[1].coltyp = JET_coltypText;
    cols[1].cbMax = 64;
    cols[1].cp = 1252;
    cols[1].grbit = 0;
    memset(idx, 0, sizeof(idx));
    idx[0].cbStruct = sizeof(idx[0]);
    idx[0].szIndexName = (char *)"pk";
    idx[0].szKey = (char *)"+id\0";
    idx[0].cbKey = 5;
    idx[0].grbit = JET_bitIndexPrimary;
    idx[1] = idx[0];
    idx[1].szIndexName = (char *)"byname";
    idx[1].szKey = (char *)"-name\0";
    idx[1].cbKey = 7;
    idx[1].grbit = JET_bitIndexUnique;
    memset(&tc, 0, sizeof(tc));
    tc.cbStruct = sizeof(tc);
    tc.szTableName = (char *)"tmpl";
    tc.rgcolumncreate = cols;
    tc.cColumns = 2;
    tc.rgindexcreate = idx;
    tc.cIndexes = 2;
    tc.grbit = JET_bitTableCreateTemplateTable;
    expect_err(JET_errSuccess, JetCreateTableColumnIndexA(f->ses, f->db, &tc));
    expect_err(JET_errSuccess, JetCloseTable(f->ses, tc.tableid));

    memset(&dcol, 0, sizeof(dcol));
    dcol.cbStruct = sizeof(dcol);
    dcol.szColumnName = (char *)"extra";
    dcol.coltyp = JET_coltypLong;
    memset(&didx, 0, sizeof(didx));
    didx.cbStruct = sizeof(didx);
    didx.szIndexName = (char *)"byextra";
    didx.szKey = (char *)"+extra\0";
    didx.cbKey = 8;
    memset(&tc, 0, sizeof(tc));
    tc.cbStruct = sizeof(tc);
    tc.szTableName = (char *)"d1";
    tc.szTemplateTableName = (char *)"tmpl";
    tc.rgcolumncreate = &dcol;
    tc.cColumns = 1;
    tc.rgindexcreate = &didx;
    tc.cIndexes = 1;
    expect_err(JET_errSuccess, JetCreateTableColumnIndexA(f->ses, f->db, &tc));
    ok(didx.err == JET_errSuccess, "byextra: %ld", (long)didx.err);
    expect_err(JET_errSuccess, JetCloseTable(f->ses, tc.tableid));

    memset(&tc, 0, sizeof(tc));
    tc.cbStruct = sizeof(tc);
    tc.szTableName = (char *)"d2";
    tc.szTemplateTableName = (char *)"tmpl";
    expect_err(JET_errSuccess, JetCreateTableColumnIndexA(f->ses, f->db, &tc));
    expect_err(JET_errSuccess, JetCloseTable(f->ses, tc.tableid));
}

static JET_COLUMNID column(struct fixture *f, JET_TABLEID t, const char *name)
{
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof(def));
    expect_err(JET_errSuccess, JetGetTableColumnInfoA(f->ses, t, name, &def, sizeof(def), JET_ColInfo));
    return def.columnid;
}

static JET_ERR insert(struct fixture *f, JET_TABLEID t, int32_t id, const char *name)
{
    JET_ERR err;
    if ((err = JetPrepareUpdate(f->ses, t, JET_prepInsert))) return err;
    if ((err = JetSetColumn(f->ses, t, column(f, t, "id"), &id, sizeof(id), 0, NULL))) return err;
    if ((err = JetSetColumn(f->ses, t, column(f, t, "name"), name, (unsigned long)strlen(name), 0, NULL)))
        return err;
    err = JetUpdate(f->ses, t, NULL, 0, NULL);
    if (err) JetPrepareUpdate(f->ses, t, JET_prepCancel);
    return err;
}

/* The ids of the rows in the order of index ix, as digits ("312"). */
static void order(struct fixture *f, JET_TABLEID t, const char *ix, char *out)
{
    JET_COLUMNID id = column(f, t, "id");
    JET_ERR err;
    int n = 0;

    expect_err(JET_errSuccess, JetSetCurrentIndexA(f->ses, t, ix));
    for (err = JetMove(f->ses, t, JET_MoveFirst, 0); err == JET_errSuccess && n < 9;
         err = JetMove(f->ses, t, JET_MoveNext, 0)) {
        int32_t v = 0;
        JET_ULONG_ cb = 0;
        expect_err(JET_errSuccess, JetRetrieveColumn(f->ses, t, id, &v, sizeof(v), &cb, 0, NULL));
        out[n++] = (char)('0' + v);
    }
    out[n] = 0;
}

static JET_ULONG_ index_count(struct fixture *f, JET_TABLEID t)
{
    JET_ULONG_ n = 0xdeadbeef;
    expect_err(JET_errSuccess, JetGetTableIndexInfoA(f->ses, t, NULL, &n, sizeof(n), JET_IdxInfoCount));
    return n;
}

TEST(derived_table_inherits_indexes)
{
    struct fixture f;
    JET_TABLEID d1, d2, tm;
    JET_INDEXLIST il;
    char got[16];
    int32_t v;

    setup(&f, "inherit");
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "d1", NULL, 0, 0, &d1));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "d2", NULL, 0, 0, &d2));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "tmpl", NULL, 0, 0, &tm));

    /* Listed with the table's own. */
    ok(index_count(&f, d1) == 3, "d1 has %lu indexes", (unsigned long)index_count(&f, d1));
    ok(index_count(&f, d2) == 2, "d2 has %lu indexes", (unsigned long)index_count(&f, d2));
    memset(&il, 0, sizeof(il));
    expect_err(JET_errSuccess, JetGetTableIndexInfoA(f.ses, d1, NULL, &il, sizeof(il), JET_IdxInfoList));
    ok(il.cRecord == 3, "JET_INDEXLIST of d1: %lu rows", (unsigned long)il.cRecord);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, il.tableid));
    {
        JET_INDEXID iid;
        expect_err(JET_errSuccess, JetGetTableIndexInfoA(f.ses, d2, "byname", &iid, sizeof(iid), JET_IdxInfoIndexId));
        expect_err(JET_errSuccess, JetGetTableIndexInfoA(f.ses, d2, "pk", &iid, sizeof(iid), JET_IdxInfoIndexId));
    }

    /* The primary index orders the rows and is unique; the secondary one
     * is kept up to date and unique. */
    expect_err(JET_errSuccess, insert(&f, d1, 3, "c"));
    expect_err(JET_errSuccess, insert(&f, d1, 1, "a"));
    expect_err(JET_errSuccess, insert(&f, d1, 2, "b"));
    expect_err(JET_errKeyDuplicate, insert(&f, d1, 2, "z"));
    expect_err(JET_errKeyDuplicate, insert(&f, d1, 4, "a"));
    order(&f, d1, NULL, got);
    ok(!strcmp(got, "123"), "d1 by pk: %s", got);
    order(&f, d1, "byname", got);
    ok(!strcmp(got, "321"), "d1 by name (descending): %s", got);
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, d1, "pk"));
    v = 2;
    expect_err(JET_errSuccess, JetMakeKey(f.ses, d1, &v, sizeof(v), JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, d1, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetDelete(f.ses, d1));
    order(&f, d1, "byname", got);
    ok(!strcmp(got, "31"), "d1 by name after a delete: %s", got);

    /* Each derived table has its own rows; the template none. */
    expect_err(JET_errSuccess, insert(&f, d2, 1, "a"));
    order(&f, d2, "byname", got);
    ok(!strcmp(got, "1"), "d2 by name: %s", got);
    order(&f, tm, "byname", got);
    ok(!strcmp(got, ""), "template by name: %s", got);

    /* Inherited indexes stay; the table's own ones may go. */
    expect_err(JET_errFixedInheritedDDL, JetDeleteIndexA(f.ses, d1, "byname"));
    expect_err(JET_errFixedInheritedDDL, JetDeleteIndexA(f.ses, d1, "PK"));
    expect_err(JET_errSuccess, JetDeleteIndexA(f.ses, d1, "byextra"));
    expect_err(JET_errIndexNotFound, JetDeleteIndexA(f.ses, d1, "byextra"));
    expect_err(JET_errFixedDDL, JetDeleteIndexA(f.ses, tm, "byname"));
    /* New indexes: not a second primary, not an inherited name. */
    expect_err(JET_errIndexHasPrimary, JetCreateIndexA(f.ses, d1, "pk2", JET_bitIndexPrimary, "+name\0", 7, 100));
    expect_err(JET_errIndexDuplicate, JetCreateIndexA(f.ses, d1, "byname", 0, "+id\0", 5, 100));
    expect_err(JET_errSuccess, JetCreateIndexA(f.ses, d1, "asc", 0, "+name\0", 7, 100));
    order(&f, d1, "asc", got);
    ok(!strcmp(got, "13"), "d1 by a new index over a template column: %s", got);

    expect_err(JET_errSuccess, JetCloseTable(f.ses, d1));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, d2));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, tm));

    /* All of it survives JetTerm. */
    expect_err(JET_errSuccess, JetTerm(f.inst));
    start(&f, "inherit");
    expect_err(JET_errSuccess, JetAttachDatabaseA(f.ses, f.path, 0));
    expect_err(JET_errSuccess, JetOpenDatabaseA(f.ses, f.path, NULL, &f.db, 0));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "d1", NULL, 0, 0, &d1));
    ok(index_count(&f, d1) == 3, "d1 has %lu indexes after JetTerm", (unsigned long)index_count(&f, d1));
    order(&f, d1, "byname", got);
    ok(!strcmp(got, "31"), "d1 by name after JetTerm: %s", got);
    expect_err(JET_errKeyDuplicate, insert(&f, d1, 5, "a"));
    expect_err(JET_errFixedInheritedDDL, JetDeleteIndexA(f.ses, d1, "byname"));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, d1));

    /* Deleting a derived table leaves the template and the other one. */
    expect_err(JET_errSuccess, JetDeleteTableA(f.ses, f.db, "d1"));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "d2", NULL, 0, 0, &d2));
    order(&f, d2, "byname", got);
    ok(!strcmp(got, "1"), "d2 by name: %s", got);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, d2));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "tmpl", NULL, 0, 0, &tm));
    ok(index_count(&f, tm) == 2, "template has %lu indexes", (unsigned long)index_count(&f, tm));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, tm));
    expect_err(JET_errSuccess, JetTerm(f.inst));
}

TEST(derived_table_in_rolled_back_transaction)
{
    struct fixture f;
    JET_TABLECREATE_A tc;
    JET_TABLEID t;

    setup(&f, "rollback");
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    memset(&tc, 0, sizeof(tc));
    tc.cbStruct = sizeof(tc);
    tc.szTableName = (char *)"d3";
    tc.szTemplateTableName = (char *)"tmpl";
    expect_err(JET_errSuccess, JetCreateTableColumnIndexA(f.ses, f.db, &tc));
    ok(index_count(&f, tc.tableid) == 2, "d3 has %lu indexes", (unsigned long)index_count(&f, tc.tableid));
    expect_err(JET_errSuccess, insert(&f, tc.tableid, 1, "a"));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, tc.tableid));
    expect_err(JET_errSuccess, JetRollback(f.ses, 0));
    expect_err(JET_errObjectNotFound, JetOpenTableA(f.ses, f.db, "d3", NULL, 0, 0, &t));
    /* Made again, it is empty. */
    expect_err(JET_errSuccess, JetCreateTableColumnIndexA(f.ses, f.db, &tc));
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, tc.tableid, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, tc.tableid));
    expect_err(JET_errSuccess, JetTerm(f.inst));
}

TEST(derived_table_special_columns)
{
    struct fixture f;
    JET_COLUMNCREATE_A cols[2];
    JET_TABLECREATE_A tc;
    JET_COLUMNDEF def;
    JET_COLUMNID ai, ver;
    JET_TABLEID t;
    uint32_t v;
    JET_ULONG_ cb;
    int i;

    memset(&f, 0, sizeof(f));
    snprintf(f.dir, sizeof(f.dir), "scratch-derived-special\\");
    test_clean_dir(f.dir);
    snprintf(f.path, sizeof(f.path), "%stest.edb", f.dir);
    start(&f, "special");
    expect_err(JET_errSuccess, JetCreateDatabaseA(f.ses, f.path, NULL, &f.db, 0));
    /* A template with an autoincrement and a version column. */
    memset(cols, 0, sizeof(cols));
    cols[0].cbStruct = sizeof(cols[0]);
    cols[0].szColumnName = (char *)"ai";
    cols[0].coltyp = JET_coltypLong;
    cols[0].grbit = JET_bitColumnAutoincrement;
    cols[1] = cols[0];
    cols[1].szColumnName = (char *)"ver";
    cols[1].grbit = JET_bitColumnVersion;
    memset(&tc, 0, sizeof(tc));
    tc.cbStruct = sizeof(tc);
    tc.szTableName = (char *)"tmpl";
    tc.rgcolumncreate = cols;
    tc.cColumns = 2;
    tc.grbit = JET_bitTableCreateTemplateTable;
    expect_err(JET_errSuccess, JetCreateTableColumnIndexA(f.ses, f.db, &tc));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, tc.tableid));
    memset(&tc, 0, sizeof(tc));
    tc.cbStruct = sizeof(tc);
    tc.szTableName = (char *)"d";
    tc.szTemplateTableName = (char *)"tmpl";
    expect_err(JET_errSuccess, JetCreateTableColumnIndexA(f.ses, f.db, &tc));
    t = tc.tableid;
    ai = column(&f, t, "ai");
    ver = column(&f, t, "ver");

    /* Still the only ones of their kind. */
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLong;
    def.grbit = JET_bitColumnVersion;
    expect_err(JET_errColumnRedundant, JetAddColumnA(f.ses, t, "ver2", &def, NULL, 0, NULL));
    def.grbit = JET_bitColumnAutoincrement;
    expect_err(JET_errColumnRedundant, JetAddColumnA(f.ses, t, "ai2", &def, NULL, 0, NULL));

    for (i = 0; i < 2; i++) {
        expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, t, JET_prepInsert));
        expect_err(JET_errSuccess, JetUpdate(f.ses, t, NULL, 0, NULL));
    }
    expect_err(JET_errSuccess, JetMove(f.ses, t, JET_MoveLast, 0));
    v = 0;
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, t, ai, &v, sizeof(v), &cb, 0, NULL));
    ok(v == 2, "autoincrement of the second row: %lu", (unsigned long)v);
    v = 7;
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, t, ver, &v, sizeof(v), &cb, 0, NULL));
    ok(v == 0, "version after insert: %lu", (unsigned long)v);
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, t, JET_prepReplace));
    expect_err(JET_errInvalidColumnType, JetSetColumn(f.ses, t, ver, &v, sizeof(v), 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.ses, t, NULL, 0, NULL));
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, t, ver, &v, sizeof(v), &cb, 0, NULL));
    ok(v == 1, "version after replace: %lu", (unsigned long)v);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, t));
    expect_err(JET_errSuccess, JetTerm(f.inst));
}
