/*
 * ddl.c - tables, columns and indexes: JetCreateTable, JetOpenTable,
 * JetCloseTable, JetDupCursor, JetDeleteTable, JetRenameTable,
 * JetAddColumn, JetDeleteColumn(2), JetRenameColumn,
 * JetSetColumnDefaultValue, JetCreateIndex(2/3), JetDeleteIndex,
 * JetCreateTableColumnIndex(2/3): success paths, the schema read back after
 * JetTerm / JetInit, table locks, DDL inside transactions, and the
 * documented errors.
 */
#include <string.h>
#include <windows.h>

#include "test.h"

struct env {
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID dbid;
    char dir[MAX_PATH], path[MAX_PATH];
};

/* An instance in a fresh folder with a session and a new database. */
static void env_start(struct env *e, const char *name)
{
    char pattern[MAX_PATH + 8], file[2 * MAX_PATH];
    WIN32_FIND_DATAA fd;
    HANDLE h;

    memset(e, 0, sizeof(*e));
    snprintf(e->dir, sizeof(e->dir), "scratch-ddl-%s\\", name);
    CreateDirectoryA(e->dir, NULL);
    snprintf(pattern, sizeof(pattern), "%s*", e->dir);
    if ((h = FindFirstFileA(pattern, &fd)) != INVALID_HANDLE_VALUE) {
        do {
            snprintf(file, sizeof(file), "%s%s", e->dir, fd.cFileName);
            DeleteFileA(file);
        } while (FindNextFileA(h, &fd));
        FindClose(h);
    }
    snprintf(e->path, sizeof(e->path), "%stest.edb", e->dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&e->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&e->inst, JET_sesidNil, JET_paramSystemPath, 0, e->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&e->inst, JET_sesidNil, JET_paramLogFilePath, 0, e->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&e->inst, JET_sesidNil, JET_paramTempPath, 0, e->dir));
    expect_err(JET_errSuccess, JetInit(&e->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(e->inst, &e->ses, "", ""));
    expect_err(JET_errSuccess, JetCreateDatabaseA(e->ses, e->path, NULL, &e->dbid, 0));
}

/* JetTerm and JetInit again, the database attached and opened. */
static void env_restart(struct env *e, const char *name)
{
    expect_err(JET_errSuccess, JetTerm(e->inst));
    e->inst = 0;
    expect_err(JET_errSuccess, JetCreateInstanceA(&e->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&e->inst, JET_sesidNil, JET_paramSystemPath, 0, e->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&e->inst, JET_sesidNil, JET_paramLogFilePath, 0, e->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&e->inst, JET_sesidNil, JET_paramTempPath, 0, e->dir));
    expect_err(JET_errSuccess, JetInit(&e->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(e->inst, &e->ses, "", ""));
    expect_err(JET_errSuccess, JetAttachDatabaseA(e->ses, e->path, 0));
    expect_err(JET_errSuccess, JetOpenDatabaseA(e->ses, e->path, NULL, &e->dbid, 0));
}

static void env_end(struct env *e)
{
    expect_err(JET_errSuccess, JetTerm(e->inst));
}

static JET_COLUMNDEF coldef(JET_COLTYP coltyp, JET_GRBIT grbit)
{
    JET_COLUMNDEF cd;
    memset(&cd, 0, sizeof(cd));
    cd.cbStruct = sizeof(cd);
    cd.coltyp = coltyp;
    cd.grbit = grbit;
    return cd;
}

TEST(ddl_create_open_close_table)
{
    struct env e;
    JET_SESID ses2;
    JET_TABLEID t = 0, t2 = 0;

    env_start(&e, "open");
    expect_err(JET_errSuccess, JetCreateTableA(e.ses, e.dbid, "tab", 0, 0, &t));
    ok(t != 0 && t != JET_tableidNil, "tableid %p", (void *)t);
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    expect_err(JET_errInvalidTableId, JetCloseTable(e.ses, t));
    expect_err(JET_errSuccess, JetCreateTableW(e.ses, e.dbid, L"wide", 4, 90, &t));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));

    expect_err(JET_errTableDuplicate, JetCreateTableA(e.ses, e.dbid, "TAB", 0, 0, &t));
    expect_err(JET_errDensityInvalid, JetCreateTableA(e.ses, e.dbid, "dense", 0, 10, &t));
    expect_err(JET_errInvalidName, JetCreateTableA(e.ses, e.dbid, "a!b", 0, 0, &t));
    expect_err(JET_errInvalidName, JetCreateTableA(e.ses, e.dbid, " lead", 0, 0, &t));
    expect_err(JET_errInvalidParameter, JetCreateTableA(e.ses, e.dbid, NULL, 0, 0, &t));
    expect_err(JET_errInvalidParameter, JetCreateTableA(e.ses, e.dbid, "x", 0, 0, NULL));
    expect_err(JET_errInvalidDatabaseId, JetCreateTableA(e.ses, 5, "x", 0, 0, &t));
    expect_err(JET_errInvalidSesid, JetCreateTableA(JET_sesidNil, e.dbid, "x", 0, 0, &t));

    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.dbid, "tab", NULL, 0, 0, &t));
    expect_err(JET_errSuccess, JetOpenTableW(e.ses, e.dbid, L"Wide", NULL, 0, JET_bitTableReadOnly, &t2));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t2));
    expect_err(JET_errObjectNotFound, JetOpenTableA(e.ses, e.dbid, "none", NULL, 0, 0, &t2));
    expect_err(JET_errInvalidName, JetOpenTableA(e.ses, e.dbid, "a.b", NULL, 0, 0, &t2));
    expect_err(JET_errInvalidParameter, JetOpenTableA(e.ses, e.dbid, "tab", NULL, 0, 0, NULL));
    expect_err(JET_errInvalidDatabaseId, JetOpenTableA(e.ses, JET_dbidNil, "tab", NULL, 0, 0, &t2));
    expect_err(JET_errInvalidGrbit, JetOpenTableA(e.ses, e.dbid, "tab", NULL, 0, 0x40000000, &t2));
    expect_err(JET_errInvalidGrbit,
               JetOpenTableA(e.ses, e.dbid, "tab", NULL, 0, JET_bitTableReadOnly | JET_bitTableUpdatable, &t2));
    expect_err(JET_errInvalidGrbit, JetOpenTableA(e.ses, e.dbid, "tab", NULL, 0, JET_bitTablePermitDDL, &t2));

    /* Table ids belong to their session. */
    expect_err(JET_errSuccess, JetBeginSessionA(e.inst, &ses2, "", ""));
    expect_err(JET_errSesidTableIdMismatch, JetCloseTable(ses2, t));
    expect_err(JET_errInvalidTableId, JetCloseTable(e.ses, 0x12345));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    /* JetEndSession closes what the session left open. */
    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.dbid, "tab", NULL, 0, 0, &t));
    expect_err(JET_errSuccess, JetEndSession(e.ses, 0));
    expect_err(JET_errInvalidSesid, JetCloseTable(e.ses, t));
    env_end(&e);
}

TEST(ddl_add_column_ids_and_errors)
{
    struct env e;
    JET_TABLEID t;
    JET_COLUMNDEF cd;
    JET_COLUMNID id = 0;
    JET_SESID ses2;

    env_start(&e, "addcol");
    expect_err(JET_errSuccess, JetCreateTableA(e.ses, e.dbid, "tab", 0, 0, &t));
    cd = coldef(JET_coltypLong, 0);
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "fixed1", &cd, NULL, 0, &id));
    ok(id == 1, "fixed column id %lu", (unsigned long)id);
    cd = coldef(JET_coltypText, 0);
    cd.cbMax = 100;
    expect_err(JET_errSuccess, JetAddColumnW(e.ses, t, L"var1", &cd, NULL, 0, &id));
    ok(id == 128, "variable column id %lu", (unsigned long)id);
    cd = coldef(JET_coltypLongBinary, 0);
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "tagged1", &cd, NULL, 0, &id));
    ok(id == 256, "tagged column id %lu", (unsigned long)id);
    cd = coldef(JET_coltypLong, JET_bitColumnTagged | JET_bitColumnMultiValued);
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "tagged2", &cd, NULL, 0, &id));
    ok(id == 257, "tagged column id %lu", (unsigned long)id);
    cd = coldef(JET_coltypShort, 0);
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "fixed2", &cd, "\x05\x00", 2, &id));
    ok(id == 2, "fixed column id %lu", (unsigned long)id);
    cd = coldef(JET_coltypBinary, 0);
    cd.cbMax = 1000;
    expect_err(JET_wrnColumnMaxTruncated, JetAddColumnA(e.ses, t, "big", &cd, NULL, 0, &id));

    cd = coldef(JET_coltypLong, 0);
    expect_err(JET_errColumnDuplicate, JetAddColumnA(e.ses, t, "FIXED1", &cd, NULL, 0, &id));
    expect_err(JET_errInvalidParameter, JetAddColumnA(e.ses, t, "c", NULL, NULL, 0, &id));
    cd.cbStruct = 4;
    expect_err(JET_errInvalidParameter, JetAddColumnA(e.ses, t, "c", &cd, NULL, 0, &id));
    cd = coldef(JET_coltypLong, 0);
    expect_err(JET_errInvalidParameter, JetAddColumnA(e.ses, t, NULL, &cd, NULL, 0, &id));
    expect_err(JET_errInvalidName, JetAddColumnA(e.ses, t, "a]b", &cd, NULL, 0, &id));
    cd = coldef(99, 0);
    expect_err(JET_errInvalidColumnType, JetAddColumnA(e.ses, t, "c", &cd, NULL, 0, &id));
    cd = coldef(JET_coltypLongText, JET_bitColumnNotNULL);
    expect_err(JET_errTaggedNotNULL, JetAddColumnA(e.ses, t, "c", &cd, NULL, 0, &id));
    cd = coldef(JET_coltypLong, JET_bitColumnMultiValued);
    expect_err(JET_errMultiValuedColumnMustBeTagged, JetAddColumnA(e.ses, t, "c", &cd, NULL, 0, &id));
    cd = coldef(JET_coltypText, 0);
    cd.cp = 437;
    expect_err(JET_errInvalidCodePage, JetAddColumnA(e.ses, t, "c", &cd, NULL, 0, &id));
    cd = coldef(JET_coltypLong, JET_bitColumnAutoincrement);
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "auto", &cd, NULL, 0, &id));
    expect_err(JET_errColumnRedundant, JetAddColumnA(e.ses, t, "auto2", &cd, NULL, 0, &id));
    cd = coldef(JET_coltypLong, 0);
    expect_err(JET_errInvalidTableId, JetAddColumnA(e.ses, 0, "c", &cd, NULL, 0, &id));
    expect_err(JET_errSuccess, JetBeginSessionA(e.inst, &ses2, "", ""));
    expect_err(JET_errSesidTableIdMismatch, JetAddColumnA(ses2, t, "c", &cd, NULL, 0, &id));
    /* Unversioned DDL needs level 0. */
    cd = coldef(JET_coltypLong, JET_bitColumnUnversioned);
    expect_err(JET_errSuccess, JetBeginTransaction(e.ses));
    expect_err(JET_errInTransaction, JetAddColumnA(e.ses, t, "c", &cd, NULL, 0, &id));
    expect_err(JET_errSuccess, JetRollback(e.ses, 0));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    env_end(&e);
}

static JET_TABLEID make_people(struct env *e)
{
    JET_TABLEID t;
    JET_COLUMNDEF cd;
    JET_COLUMNID id;
    expect_err(JET_errSuccess, JetCreateTableA(e->ses, e->dbid, "people", 0, 0, &t));
    cd = coldef(JET_coltypLong, 0);
    expect_err(JET_errSuccess, JetAddColumnA(e->ses, t, "id", &cd, NULL, 0, &id));
    cd = coldef(JET_coltypText, 0);
    expect_err(JET_errSuccess, JetAddColumnA(e->ses, t, "name", &cd, NULL, 0, &id));
    cd = coldef(JET_coltypLongText, 0);
    expect_err(JET_errSuccess, JetAddColumnA(e->ses, t, "notes", &cd, NULL, 0, &id));
    expect_err(JET_errSuccess, JetCreateIndexA(e->ses, t, "primary", JET_bitIndexPrimary, "+id\0", 5, 100));
    expect_err(JET_errSuccess, JetCreateIndexW(e->ses, t, L"byname", 0, L"-name\0", 14, 0));
    return t;
}

TEST(ddl_schema_survives_restart)
{
    struct env e;
    JET_TABLEID t;
    JET_COLUMNDEF cd;
    JET_COLUMNID id = 0;

    env_start(&e, "restart");
    t = make_people(&e);
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    env_restart(&e, "restart");
    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.dbid, "PEOPLE", NULL, 0, 0, &t));
    cd = coldef(JET_coltypLong, 0);
    expect_err(JET_errColumnDuplicate, JetAddColumnA(e.ses, t, "id", &cd, NULL, 0, &id));
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "age", &cd, NULL, 0, &id));
    ok(id == 2, "next fixed column id %lu", (unsigned long)id);
    expect_err(JET_errIndexDuplicate, JetCreateIndexA(e.ses, t, "byName", 0, "+id\0", 5, 0));
    expect_err(JET_errIndexHasPrimary, JetCreateIndexA(e.ses, t, "p2", JET_bitIndexPrimary, "+age\0", 6, 0));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    env_end(&e);
}

TEST(ddl_indexes)
{
    struct env e;
    JET_TABLEID t;
    JET_INDEXCREATE_A ic[2];
    JET_INDEXCREATE2_W ic2;
    JET_CONDITIONALCOLUMN_A cond;
    JET_UNICODEINDEX ui;

    env_start(&e, "index");
    t = make_people(&e);
    expect_err(JET_errIndexInvalidDef, JetCreateIndexA(e.ses, t, "bad", 0, "id\0", 4, 0));
    expect_err(JET_errInvalidParameter, JetCreateIndexA(e.ses, t, "bad", 0, "+id\0", 0, 0));
    expect_err(JET_errColumnNotFound, JetCreateIndexA(e.ses, t, "bad", 0, "+nope\0", 7, 0));
    expect_err(JET_errDensityInvalid, JetCreateIndexA(e.ses, t, "bad", 0, "+id\0", 5, 5));
    expect_err(JET_errInvalidName, JetCreateIndexA(e.ses, t, "b!d", 0, "+id\0", 5, 0));
    expect_err(JET_errInvalidParameter, JetCreateIndexA(e.ses, t, NULL, 0, "+id\0", 5, 0));
    expect_err(JET_errIndexInvalidDef, JetCreateIndexA(e.ses, t, "uni", JET_bitIndexUnicode, "+name\0", 7, 0));
    expect_err(JET_errInvalidTableId, JetCreateIndexA(e.ses, 0, "x", 0, "+id\0", 5, 0));

    memset(ic, 0, sizeof(ic));
    ic[0].cbStruct = sizeof(ic[0]);
    ic[0].szIndexName = (char *)"two";
    ic[0].szKey = (char *)"+name\0+id\0";
    ic[0].cbKey = 11;
    ic[0].grbit = JET_bitIndexUnique;
    ic[1] = ic[0];
    ic[1].szIndexName = (char *)"cond";
    ic[1].szKey = (char *)"+id\0";
    ic[1].cbKey = 5;
    ic[1].grbit = 0;
    cond.cbStruct = sizeof(cond);
    cond.szColumnName = (char *)"name";
    cond.grbit = JET_bitIndexColumnMustBeNonNull;
    ic[1].rgconditionalcolumn = &cond;
    ic[1].cConditionalColumn = 1;
    expect_err(JET_errSuccess, JetCreateIndex2A(e.ses, t, ic, 2));
    ok(ic[0].err == 0 && ic[1].err == 0, "err %ld %ld", (long)ic[0].err, (long)ic[1].err);
    expect_err(JET_errIndexDuplicate, JetCreateIndex2A(e.ses, t, ic, 1));
    ic[0].szIndexName = (char *)"three";
    ic[0].cbStruct = 7;
    expect_err(JET_errInvalidParameter, JetCreateIndex2A(e.ses, t, ic, 1));
    ic[0].cbStruct = sizeof(ic[0]);
    ic[0].grbit = JET_bitIndexEmpty | JET_bitIndexIgnoreAnyNull;
    ic[1].szIndexName = (char *)"four";
    expect_err(JET_errInvalidGrbit, JetCreateIndex2A(e.ses, t, ic, 2));
    expect_err(JET_errInvalidParameter, JetCreateIndex2A(e.ses, t, NULL, 1));
    expect_err(JET_errSuccess, JetCreateIndex2A(e.ses, t, ic, 0));
    cond.grbit = 0;
    ic[1].grbit = 0;
    expect_err(JET_errInvalidGrbit, JetCreateIndex2A(e.ses, t, &ic[1], 1));

    /* Version 2 structure, wide, a Unicode index with its LCID. */
    memset(&ic2, 0, sizeof(ic2));
    ic2.cbStruct = sizeof(ic2);
    ic2.szIndexName = (WCHAR *)L"uni";
    ic2.szKey = (WCHAR *)L"+name\0";
    ic2.cbKey = 7 * sizeof(WCHAR);
    ic2.grbit = JET_bitIndexUnicode;
    ui.lcid = 0x409;
    ui.dwMapFlags = 0;
    ic2.pidxunicode = &ui;
    expect_err(JET_errSuccess, JetCreateIndex3W(e.ses, t, &ic2, 1));
    ok(ic2.err == 0, "err %ld", (long)ic2.err);

    /* Tuple indexes: one text column, secondary, not unique. */
    expect_err(JET_errSuccess, JetCreateIndexA(e.ses, t, "tuples", JET_bitIndexTuples, "+name\0", 7, 0));
    expect_err(JET_errIndexTuplesTextColumnsOnly, JetCreateIndexA(e.ses, t, "t2", JET_bitIndexTuples, "+id\0", 5, 0));
    expect_err(JET_errIndexTuplesOneColumnOnly,
               JetCreateIndexA(e.ses, t, "t3", JET_bitIndexTuples, "+name\0+notes\0", 14, 0));
    expect_err(JET_errIndexTuplesNonUniqueOnly,
               JetCreateIndexA(e.ses, t, "t4", JET_bitIndexTuples | JET_bitIndexUnique, "+name\0", 7, 0));
    expect_err(JET_errSuccess, JetDeleteIndexA(e.ses, t, "tuples"));

    expect_err(JET_errColumnInUse, JetDeleteColumnA(e.ses, t, "name"));
    expect_err(JET_errSuccess, JetDeleteIndexA(e.ses, t, "two"));
    expect_err(JET_errSuccess, JetDeleteIndexW(e.ses, t, L"uni"));
    expect_err(JET_errIndexNotFound, JetDeleteIndexA(e.ses, t, "two"));
    expect_err(JET_errIndexMustStay, JetDeleteIndexA(e.ses, t, "primary"));
    expect_err(JET_errInvalidParameter, JetDeleteIndexA(e.ses, t, NULL));
    expect_err(JET_errSuccess, JetDeleteIndexA(e.ses, t, "byname"));
    expect_err(JET_errSuccess, JetDeleteIndexA(e.ses, t, "cond"));
    expect_err(JET_errSuccess, JetDeleteColumnA(e.ses, t, "name"));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    env_end(&e);
}

TEST(ddl_columns_delete_rename_default)
{
    struct env e;
    JET_TABLEID t;
    JET_COLUMNDEF cd;
    JET_COLUMNID id;
    long v = 7;

    env_start(&e, "coldel");
    t = make_people(&e);
    cd = coldef(JET_coltypLong, 0);
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "extra", &cd, NULL, 0, &id));
    expect_err(JET_errSuccess, JetRenameColumnA(e.ses, t, "extra", "more", 0));
    expect_err(JET_errColumnNotFound, JetRenameColumnA(e.ses, t, "extra", "x", 0));
    expect_err(JET_errColumnDuplicate, JetRenameColumnW(e.ses, t, L"more", L"id", 0));
    expect_err(JET_errInvalidParameter, JetRenameColumnA(e.ses, t, NULL, "x", 0));
    expect_err(JET_errInvalidParameter, JetRenameColumnA(e.ses, t, "more", NULL, 0));
    expect_err(JET_errInvalidGrbit, JetRenameColumnA(e.ses, t, "more", "x", 1));
    expect_err(JET_errSuccess, JetBeginTransaction(e.ses));
    expect_err(JET_errInTransaction, JetRenameColumnA(e.ses, t, "more", "x", 0));
    expect_err(JET_errSuccess, JetCommitTransaction(e.ses, 0));

    expect_err(JET_errSuccess, JetSetColumnDefaultValueA(e.ses, e.dbid, "people", "more", &v, sizeof(v), 0));
    expect_err(JET_errNullInvalid, JetSetColumnDefaultValueA(e.ses, e.dbid, "people", "more", NULL, 4, 0));
    expect_err(JET_errNullInvalid, JetSetColumnDefaultValueA(e.ses, e.dbid, "people", "more", &v, 0, 0));
    expect_err(JET_errObjectNotFound, JetSetColumnDefaultValueA(e.ses, e.dbid, "nobody", "more", &v, 4, 0));
    expect_err(JET_errColumnNotFound, JetSetColumnDefaultValueW(e.ses, e.dbid, L"people", L"less", &v, 4, 0));
    expect_err(JET_errColumnInUse, JetSetColumnDefaultValueA(e.ses, e.dbid, "people", "id", &v, 4, 0));
    expect_err(JET_errInvalidDatabaseId, JetSetColumnDefaultValueA(e.ses, 6, "people", "more", &v, 4, 0));

    expect_err(JET_errSuccess, JetDeleteColumnA(e.ses, t, "more"));
    expect_err(JET_errColumnNotFound, JetDeleteColumnA(e.ses, t, "more"));
    expect_err(JET_errInvalidGrbit, JetDeleteColumn2A(e.ses, t, "notes", 0x100));
    expect_err(JET_errSuccess, JetDeleteColumn2W(e.ses, t, L"notes", JET_bitDeleteColumnIgnoreTemplateColumns));
    expect_err(JET_errColumnInUse, JetDeleteColumn2A(e.ses, t, "id", 0));
    /* The name is free again; ids are never reused. */
    cd = coldef(JET_coltypLong, 0);
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "more", &cd, NULL, 0, &id));
    ok(id == 3, "column id %lu", (unsigned long)id);
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    env_end(&e);
}

TEST(ddl_delete_rename_table)
{
    struct env e;
    JET_TABLEID t, t2;
    JET_SESID ses2;

    env_start(&e, "deltab");
    expect_err(JET_errSuccess, JetCreateTableA(e.ses, e.dbid, "a", 0, 0, &t));
    expect_err(JET_errTableInUse, JetDeleteTableA(e.ses, e.dbid, "a"));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    expect_err(JET_errSuccess, JetBeginSessionA(e.inst, &ses2, "", ""));
    expect_err(JET_errSuccess, JetOpenDatabaseA(ses2, e.path, NULL, &e.dbid, 0));
    expect_err(JET_errSuccess, JetOpenTableA(ses2, e.dbid, "a", NULL, 0, 0, &t2));
    expect_err(JET_errTableInUse, JetDeleteTableA(e.ses, e.dbid, "a"));
    expect_err(JET_errSuccess, JetCloseTable(ses2, t2));

    expect_err(JET_errSuccess, JetCreateTableA(e.ses, e.dbid, "b", 0, 0, &t));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    expect_err(JET_errSuccess, JetRenameTableA(e.ses, e.dbid, "a", "c"));
    expect_err(JET_errObjectNotFound, JetOpenTableA(e.ses, e.dbid, "a", NULL, 0, 0, &t));
    expect_err(JET_errTableDuplicate, JetRenameTableA(e.ses, e.dbid, "c", "B"));
    expect_err(JET_errObjectNotFound, JetRenameTableA(e.ses, e.dbid, "zz", "y"));
    expect_err(JET_errInvalidParameter, JetRenameTableA(e.ses, e.dbid, NULL, "y"));
    expect_err(JET_errInvalidParameter, JetRenameTableA(e.ses, e.dbid, "c", NULL));
    expect_err(JET_errInvalidName, JetRenameTableA(e.ses, e.dbid, "c", "y.z"));
    expect_err(JET_errInvalidDatabaseId, JetRenameTableA(e.ses, 0, "c", "y"));
    expect_err(JET_errSuccess, JetRenameTableW(e.ses, e.dbid, L"c", L"C"));

    expect_err(JET_errSuccess, JetDeleteTableW(e.ses, e.dbid, L"c"));
    expect_err(JET_errObjectNotFound, JetDeleteTableA(e.ses, e.dbid, "c"));
    expect_err(JET_errObjectNotFound, JetOpenTableA(e.ses, e.dbid, "c", NULL, 0, 0, &t));
    expect_err(JET_errInvalidParameter, JetDeleteTableA(e.ses, e.dbid, NULL));
    expect_err(JET_errInvalidDatabaseId, JetDeleteTableA(e.ses, 3, "b"));
    env_restart(&e, "deltab");
    expect_err(JET_errObjectNotFound, JetOpenTableA(e.ses, e.dbid, "c", NULL, 0, 0, &t));
    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.dbid, "b", NULL, 0, 0, &t));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    env_end(&e);
}

TEST(ddl_in_transactions)
{
    struct env e;
    JET_TABLEID t, t2;
    JET_COLUMNDEF cd = coldef(JET_coltypLong, 0);
    JET_COLUMNID id;
    JET_SESID ses2;
    JET_DBID dbid2;

    env_start(&e, "trx");
    expect_err(JET_errSuccess, JetBeginSessionA(e.inst, &ses2, "", ""));
    expect_err(JET_errSuccess, JetOpenDatabaseA(ses2, e.path, NULL, &dbid2, 0));

    /* Rolled back: gone, and the cursor opened in it closed. */
    expect_err(JET_errSuccess, JetBeginTransaction(e.ses));
    expect_err(JET_errSuccess, JetCreateTableA(e.ses, e.dbid, "gone", 0, 0, &t));
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "c", &cd, NULL, 0, &id));
    expect_err(JET_errSuccess, JetCreateIndexA(e.ses, t, "ix", 0, "+c\0", 4, 0));
    /* Another session does not see it yet. */
    expect_err(JET_errObjectNotFound, JetOpenTableA(ses2, dbid2, "gone", NULL, 0, 0, &t2));
    expect_err(JET_errSuccess, JetRollback(e.ses, 0));
    expect_err(JET_errInvalidTableId, JetCloseTable(e.ses, t));
    expect_err(JET_errObjectNotFound, JetOpenTableA(e.ses, e.dbid, "gone", NULL, 0, 0, &t));

    /* Committed: there, also after a restart. */
    expect_err(JET_errSuccess, JetBeginTransaction(e.ses));
    expect_err(JET_errSuccess, JetCreateTableA(e.ses, e.dbid, "kept", 0, 0, &t));
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "c", &cd, NULL, 0, &id));
    expect_err(JET_errSuccess, JetCommitTransaction(e.ses, 0));
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "d", &cd, NULL, 0, &id));
    ok(id == 2, "column id %lu", (unsigned long)id);
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    expect_err(JET_errSuccess, JetOpenTableA(ses2, dbid2, "kept", NULL, 0, 0, &t2));
    expect_err(JET_errSuccess, JetCloseTable(ses2, t2));

    /* A delete rolled back leaves the table; a column added in a rolled
     * back transaction is gone. */
    expect_err(JET_errSuccess, JetBeginTransaction(e.ses));
    expect_err(JET_errSuccess, JetDeleteTableA(e.ses, e.dbid, "kept"));
    expect_err(JET_errObjectNotFound, JetOpenTableA(e.ses, e.dbid, "kept", NULL, 0, 0, &t));
    expect_err(JET_errSuccess, JetRollback(e.ses, 0));
    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.dbid, "kept", NULL, 0, 0, &t));
    expect_err(JET_errSuccess, JetBeginTransaction(e.ses));
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "e", &cd, NULL, 0, &id));
    expect_err(JET_errSuccess, JetRollback(e.ses, 0));
    /* Opened before the transaction: still open. */
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "e", &cd, NULL, 0, &id));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));

    /* Read-only transactions make no DDL. */
    expect_err(JET_errSuccess, JetBeginTransaction2(e.ses, JET_bitTransactionReadOnly));
    expect_err(JET_errTransReadOnly, JetCreateTableA(e.ses, e.dbid, "ro", 0, 0, &t));
    expect_err(JET_errTransReadOnly, JetDeleteTableA(e.ses, e.dbid, "kept"));
    expect_err(JET_errSuccess, JetRollback(e.ses, 0));

    env_restart(&e, "trx");
    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.dbid, "kept", NULL, 0, 0, &t));
    expect_err(JET_errColumnDuplicate, JetAddColumnA(e.ses, t, "e", &cd, NULL, 0, &id));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    expect_err(JET_errObjectNotFound, JetOpenTableA(e.ses, e.dbid, "gone", NULL, 0, 0, &t));
    env_end(&e);
}

TEST(ddl_table_locks)
{
    struct env e;
    JET_TABLEID t, t2, t3;
    JET_SESID ses2;
    JET_DBID dbid2;
    JET_TABLECREATE_A tc;
    JET_COLUMNDEF cd = coldef(JET_coltypLong, 0);
    JET_COLUMNID id;

    env_start(&e, "locks");
    expect_err(JET_errSuccess, JetCreateTableA(e.ses, e.dbid, "t", 0, 0, &t));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    expect_err(JET_errSuccess, JetBeginSessionA(e.inst, &ses2, "", ""));
    expect_err(JET_errSuccess, JetOpenDatabaseA(ses2, e.path, NULL, &dbid2, 0));

    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.dbid, "t", NULL, 0, JET_bitTableDenyRead, &t));
    expect_err(JET_errTableLocked, JetOpenTableA(ses2, dbid2, "t", NULL, 0, 0, &t2));
    expect_err(JET_errTableLocked, JetOpenTableA(ses2, dbid2, "t", NULL, 0, JET_bitTableReadOnly, &t2));
    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.dbid, "t", NULL, 0, 0, &t3)); /* same session */
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    expect_err(JET_errSuccess, JetOpenTableA(ses2, dbid2, "t", NULL, 0, 0, &t2));
    expect_err(JET_errTableInUse, JetOpenTableA(e.ses, e.dbid, "t", NULL, 0, JET_bitTableDenyRead, &t));
    expect_err(JET_errTableInUse, JetOpenTableA(e.ses, e.dbid, "t", NULL, 0, JET_bitTableDenyWrite, &t));
    expect_err(JET_errSuccess, JetCloseTable(ses2, t2));
    expect_err(JET_errSuccess, JetOpenTableA(ses2, dbid2, "t", NULL, 0, JET_bitTableReadOnly, &t2));
    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.dbid, "t", NULL, 0, JET_bitTableDenyWrite, &t));
    expect_err(JET_errTableLocked, JetOpenTableA(ses2, dbid2, "t", NULL, 0, 0, &t));
    expect_err(JET_errSuccess, JetCloseTable(ses2, t2));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t3));
    expect_err(JET_errSuccess, JetOpenTableA(ses2, dbid2, "t", NULL, 0, 0, &t2));
    expect_err(JET_errSuccess, JetCloseTable(ses2, t2));

    /* Fixed DDL: only through a cursor opened with PermitDDL. */
    memset(&tc, 0, sizeof(tc));
    tc.cbStruct = sizeof(tc);
    tc.szTableName = (char *)"fixed";
    tc.grbit = JET_bitTableCreateFixedDDL;
    expect_err(JET_errSuccess, JetCreateTableColumnIndexA(e.ses, e.dbid, &tc));
    expect_err(JET_errFixedDDL, JetAddColumnA(e.ses, tc.tableid, "c", &cd, NULL, 0, &id));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, tc.tableid));
    expect_err(JET_errSuccess,
               JetOpenTableA(e.ses, e.dbid, "fixed", NULL, 0, JET_bitTableDenyRead | JET_bitTablePermitDDL, &t));
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "c", &cd, NULL, 0, &id));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    /* Read-only cursors make no DDL. */
    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.dbid, "t", NULL, 0, JET_bitTableReadOnly, &t));
    expect_err(JET_errPermissionDenied, JetAddColumnA(e.ses, t, "c", &cd, NULL, 0, &id));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    env_end(&e);
}

TEST(ddl_dup_cursor)
{
    struct env e;
    JET_TABLEID t, d = 0;

    env_start(&e, "dup");
    expect_err(JET_errSuccess, JetCreateTableA(e.ses, e.dbid, "t", 0, 0, &t));
    expect_err(JET_errSuccess, JetDupCursor(e.ses, t, &d, 0));
    ok(d && d != t, "dup %p of %p", (void *)d, (void *)t);
    expect_err(JET_errInvalidParameter, JetDupCursor(e.ses, t, NULL, 0));
    expect_err(JET_errInvalidGrbit, JetDupCursor(e.ses, t, &d, 1));
    expect_err(JET_errInvalidTableId, JetDupCursor(e.ses, 0, &d, 0));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, d));
    env_end(&e);
}

TEST(ddl_create_table_column_index)
{
    struct env e;
    JET_COLUMNCREATE_A cols[3];
    JET_INDEXCREATE_A idx[2];
    JET_TABLECREATE_A tc;
    JET_TABLECREATE2_W tc2;
    JET_TABLECREATE3_A tc3;
    JET_COLUMNCREATE_W wcols[1];
    JET_INDEXCREATE2_A idx2[1];
    JET_TABLEID t;
    JET_COLUMNDEF cd = coldef(JET_coltypLong, 0);
    JET_COLUMNID id;

    env_start(&e, "tci");
    memset(cols, 0, sizeof(cols));
    cols[0].cbStruct = sizeof(cols[0]);
    cols[0].szColumnName = (char *)"key";
    cols[0].coltyp = JET_coltypLong;
    cols[1] = cols[0];
    cols[1].szColumnName = (char *)"text";
    cols[1].coltyp = JET_coltypText;
    cols[1].cp = 1200;
    cols[2] = cols[0];
    cols[2].szColumnName = (char *)"tags";
    cols[2].coltyp = JET_coltypText;
    cols[2].grbit = JET_bitColumnTagged | JET_bitColumnMultiValued;
    memset(idx, 0, sizeof(idx));
    idx[0].cbStruct = sizeof(idx[0]);
    idx[0].szIndexName = (char *)"pk";
    idx[0].szKey = (char *)"+key\0";
    idx[0].cbKey = 6;
    idx[0].grbit = JET_bitIndexPrimary;
    idx[1] = idx[0];
    idx[1].szIndexName = (char *)"bytags";
    idx[1].szKey = (char *)"+tags\0-text\0";
    idx[1].cbKey = 13;
    idx[1].grbit = JET_bitIndexIgnoreAnyNull;
    memset(&tc, 0, sizeof(tc));
    tc.cbStruct = sizeof(tc);
    tc.szTableName = (char *)"full";
    tc.rgcolumncreate = cols;
    tc.cColumns = 3;
    tc.rgindexcreate = idx;
    tc.cIndexes = 2;
    expect_err(JET_errSuccess, JetCreateTableColumnIndexA(e.ses, e.dbid, &tc));
    ok(tc.cCreated == 6, "cCreated %lu", (unsigned long)tc.cCreated);
    ok(cols[0].columnid == 1 && cols[1].columnid == 128 && cols[2].columnid == 256, "ids %lu %lu %lu",
       (unsigned long)cols[0].columnid, (unsigned long)cols[1].columnid, (unsigned long)cols[2].columnid);
    ok(!cols[0].err && !cols[1].err && !cols[2].err && !idx[0].err && !idx[1].err, "err fields set");
    expect_err(JET_errSuccess, JetCloseTable(e.ses, tc.tableid));
    expect_err(JET_errTableDuplicate, JetCreateTableColumnIndexA(e.ses, e.dbid, &tc));

    /* A bad column: nothing is created, its err field says why. */
    tc.szTableName = (char *)"broken";
    cols[2].coltyp = 77;
    expect_err(JET_errInvalidColumnType, JetCreateTableColumnIndexA(e.ses, e.dbid, &tc));
    ok(cols[2].err == JET_errInvalidColumnType, "err %ld", (long)cols[2].err);
    expect_err(JET_errObjectNotFound, JetOpenTableA(e.ses, e.dbid, "broken", NULL, 0, 0, &t));
    cols[2].coltyp = JET_coltypText;
    /* A bad index. */
    idx[1].szKey = (char *)"+nope\0";
    idx[1].cbKey = 7;
    expect_err(JET_errColumnNotFound, JetCreateTableColumnIndexA(e.ses, e.dbid, &tc));
    ok(idx[1].err == JET_errColumnNotFound, "err %ld", (long)idx[1].err);
    expect_err(JET_errObjectNotFound, JetOpenTableA(e.ses, e.dbid, "broken", NULL, 0, 0, &t));
    idx[1].cbStruct = 3;
    expect_err(JET_errInvalidCreateIndex, JetCreateTableColumnIndexA(e.ses, e.dbid, &tc));
    tc.rgindexcreate = NULL;
    expect_err(JET_errInvalidCreateIndex, JetCreateTableColumnIndexA(e.ses, e.dbid, &tc));
    tc.cIndexes = 0;
    cols[0].cbStruct = 1;
    expect_err(JET_errInvalidParameter, JetCreateTableColumnIndexA(e.ses, e.dbid, &tc));
    cols[0].cbStruct = sizeof(cols[0]);
    tc.rgcolumncreate = NULL;
    expect_err(JET_errInvalidParameter, JetCreateTableColumnIndexA(e.ses, e.dbid, &tc));
    tc.cbStruct = sizeof(tc) + 4;
    expect_err(JET_errInvalidParameter, JetCreateTableColumnIndexA(e.ses, e.dbid, &tc));
    expect_err(JET_errInvalidParameter, JetCreateTableColumnIndexA(e.ses, e.dbid, NULL));
    tc.cbStruct = sizeof(tc);
    expect_err(JET_errInvalidDatabaseId, JetCreateTableColumnIndexA(e.ses, 4, &tc));

    /* JET_TABLECREATE2, wide. */
    memset(wcols, 0, sizeof(wcols));
    wcols[0].cbStruct = sizeof(wcols[0]);
    wcols[0].szColumnName = (WCHAR *)L"w";
    wcols[0].coltyp = JET_coltypLongLong;
    memset(&tc2, 0, sizeof(tc2));
    tc2.cbStruct = sizeof(tc2);
    tc2.szTableName = (WCHAR *)L"wide2";
    tc2.rgcolumncreate = wcols;
    tc2.cColumns = 1;
    expect_err(JET_errSuccess, JetCreateTableColumnIndex2W(e.ses, e.dbid, &tc2));
    ok(tc2.cCreated == 2 && wcols[0].columnid == 1, "cCreated %lu id %lu", (unsigned long)tc2.cCreated,
       (unsigned long)wcols[0].columnid);
    expect_err(JET_errColumnDuplicate, JetAddColumnA(e.ses, tc2.tableid, "W", &cd, NULL, 0, &id));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, tc2.tableid));

    /* JET_TABLECREATE3 with JET_INDEXCREATE2. */
    memset(idx2, 0, sizeof(idx2));
    idx2[0].cbStruct = sizeof(idx2[0]);
    idx2[0].szIndexName = (char *)"k";
    idx2[0].szKey = (char *)"+key\0";
    idx2[0].cbKey = 6;
    idx2[0].grbit = JET_bitIndexPrimary | JET_bitIndexKeyMost;
    idx2[0].cbKeyMost = 400;
    memset(&tc3, 0, sizeof(tc3));
    tc3.cbStruct = sizeof(tc3);
    tc3.szTableName = (char *)"three";
    tc3.rgcolumncreate = cols;
    tc3.cColumns = 1;
    tc3.rgindexcreate = idx2;
    tc3.cIndexes = 1;
    expect_err(JET_errSuccess, JetCreateTableColumnIndex3A(e.ses, e.dbid, &tc3));
    ok(tc3.cCreated == 3, "cCreated %lu", (unsigned long)tc3.cCreated);
    expect_err(JET_errSuccess, JetCloseTable(e.ses, tc3.tableid));

    env_restart(&e, "tci");
    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.dbid, "full", NULL, 0, 0, &t));
    expect_err(JET_errIndexDuplicate, JetCreateIndexA(e.ses, t, "BYTAGS", 0, "+key\0", 6, 0));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    env_end(&e);
}

TEST(ddl_read_only_database)
{
    struct env e;
    JET_TABLEID t;

    env_start(&e, "rodb");
    expect_err(JET_errSuccess, JetCreateTableA(e.ses, e.dbid, "t", 0, 0, &t));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    expect_err(JET_errSuccess, JetCloseDatabase(e.ses, e.dbid, 0));
    expect_err(JET_errSuccess, JetDetachDatabaseA(e.ses, e.path));
    expect_err(JET_errSuccess, JetAttachDatabaseA(e.ses, e.path, JET_bitDbReadOnly));
    expect_err(JET_errSuccess, JetOpenDatabaseA(e.ses, e.path, NULL, &e.dbid, JET_bitDbReadOnly));
    expect_err(JET_errPermissionDenied, JetCreateTableA(e.ses, e.dbid, "u", 0, 0, &t));
    expect_err(JET_errPermissionDenied, JetDeleteTableA(e.ses, e.dbid, "t"));
    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.dbid, "t", NULL, 0, JET_bitTableReadOnly, &t));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    env_end(&e);
}
