/*
 * info.c - schema information: JetGetTableInfo, JetGetColumnInfo,
 * JetGetTableColumnInfo, JetGetIndexInfo, JetGetTableIndexInfo, A and W,
 * every non-list level with its buffer-size and lookup errors (the list
 * levels are in infolist.c, the JET_INDEXCREATE ones in idxcreate.c).
 */
#include <string.h>
#include <windows.h>

#include "test.h"

struct ifix {
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
    JET_COLUMNID id, name, tags, wname;
};

static JET_COLUMNID ifix_column(struct ifix *f, const char *name, JET_COLTYP coltyp, unsigned long cbMax,
                                JET_GRBIT grbit, unsigned short cp)
{
    JET_COLUMNDEF def;
    JET_COLUMNID id = 0;
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = coltyp;
    def.cbMax = cbMax;
    def.grbit = grbit;
    def.cp = cp;
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, f->tab, name, &def, NULL, 0, &id));
    return id;
}

/* Table "t" (4 pages, density 90): id Long (primary "pk"), name Text(64)
 * (index "byname"), tags Long tagged multi-valued, wname Unicode Text. */
static void ifix_setup(struct ifix *f, const char *name)
{
    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "scratch-info-%s\\", name);
    test_clean_dir(f->dir);
    snprintf(f->path, sizeof(f->path), "%stest.edb", f->dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&f->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    expect_err(JET_errSuccess, JetInit(&f->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->ses, "", ""));
    expect_err(JET_errSuccess, JetCreateDatabaseA(f->ses, f->path, NULL, &f->db, 0));
    expect_err(JET_errSuccess, JetCreateTableA(f->ses, f->db, "t", 4, 90, &f->tab));
    f->id = ifix_column(f, "id", JET_coltypLong, 0, JET_bitColumnFixed | JET_bitColumnNotNULL, 0);
    f->name = ifix_column(f, "name", JET_coltypText, 64, 0, 1252);
    f->tags = ifix_column(f, "tags", JET_coltypLong, 0, JET_bitColumnTagged | JET_bitColumnMultiValued, 0);
    f->wname = ifix_column(f, "wname", JET_coltypText, 100, 0, 1200);
    expect_err(JET_errSuccess, JetCreateIndexA(f->ses, f->tab, "pk", JET_bitIndexPrimary, "+id\0", 5, 100));
    expect_err(JET_errSuccess, JetCreateIndexA(f->ses, f->tab, "byname", 0, "+name\0", 7, 80));
}

static void ifix_teardown(struct ifix *f)
{
    if (f->tab) expect_err(JET_errSuccess, JetCloseTable(f->ses, f->tab));
    expect_err(JET_errSuccess, JetEndSession(f->ses, 0));
    expect_err(JET_errSuccess, JetTerm(f->inst));
}

TEST(info_table_column_info)
{
    struct ifix f;
    JET_COLUMNDEF def;
    JET_COLUMNBASE_A base;
    JET_COLUMNBASE_W basew;
    JET_COLUMNID colid;
    static const WCHAR wtags[] = { 't', 'a', 'g', 's', 0 };
    static const WCHAR wt[] = { 't', 0 };

    ifix_setup(&f, "tcolinfo");

    memset(&def, 0xcc, sizeof(def));
    expect_err(JET_errSuccess, JetGetTableColumnInfoA(f.ses, f.tab, "id", &def, sizeof(def), JET_ColInfo));
    ok(def.cbStruct == sizeof(def), "cbStruct %lu", (unsigned long)def.cbStruct);
    ok(def.columnid == f.id, "columnid %lu", (unsigned long)def.columnid);
    ok(def.coltyp == JET_coltypLong, "coltyp %lu", (unsigned long)def.coltyp);
    ok(def.cbMax == 4, "cbMax %lu", (unsigned long)def.cbMax);
    ok((def.grbit & (JET_bitColumnFixed | JET_bitColumnNotNULL | JET_bitColumnUpdatable)) ==
           (JET_bitColumnFixed | JET_bitColumnNotNULL | JET_bitColumnUpdatable), "grbit 0x%lx", (unsigned long)def.grbit);
    ok(def.wCollate == 0, "wCollate %u", def.wCollate);
    ok(def.cp == 0, "cp %u", def.cp);

    expect_err(JET_errSuccess, JetGetTableColumnInfoA(f.ses, f.tab, "NAME", &def, sizeof(def), JET_ColInfo));
    ok(def.columnid == f.name && def.coltyp == JET_coltypText && def.cbMax == 64 && def.cp == 1252,
       "name: %lu %lu %lu %u", (unsigned long)def.columnid, (unsigned long)def.coltyp, (unsigned long)def.cbMax, def.cp);
    ok(!(def.grbit & (JET_bitColumnFixed | JET_bitColumnTagged)), "name grbit 0x%lx", (unsigned long)def.grbit);
    expect_err(JET_errSuccess, JetGetTableColumnInfoW(f.ses, f.tab, wtags, &def, sizeof(def), JET_ColInfo));
    ok(def.columnid == f.tags && (def.grbit & JET_bitColumnTagged) && (def.grbit & JET_bitColumnMultiValued),
       "tags: %lu 0x%lx", (unsigned long)def.columnid, (unsigned long)def.grbit);
    expect_err(JET_errSuccess, JetGetTableColumnInfoA(f.ses, f.tab, "wname", &def, sizeof(def), JET_ColInfo));
    ok(def.cp == 1200, "wname cp %u", def.cp);

    colid = f.tags;
    memset(&def, 0, sizeof(def));
    expect_err(JET_errSuccess, JetGetTableColumnInfoA(f.ses, f.tab, (const char *)&colid, &def, sizeof(def),
                                                      JET_ColInfoByColid));
    ok(def.columnid == f.tags, "by id: %lu", (unsigned long)def.columnid);
    colid = 4000;
    expect_err(JET_errColumnNotFound, JetGetTableColumnInfoA(f.ses, f.tab, (const char *)&colid, &def, sizeof(def),
                                                             JET_ColInfoByColid));

    expect_err(JET_errSuccess, JetGetTableColumnInfoA(f.ses, f.tab, "name", &base, sizeof(base), JET_ColInfoBase));
    ok(base.cbStruct == sizeof(base) && base.columnid == f.name, "base %lu %lu", (unsigned long)base.cbStruct,
       (unsigned long)base.columnid);
    ok(!strcmp(base.szBaseTableName, "t"), "base table %s", base.szBaseTableName);
    ok(!strcmp(base.szBaseColumnName, "name"), "base column %s", base.szBaseColumnName);
    colid = f.id;
    expect_err(JET_errSuccess, JetGetTableColumnInfoA(f.ses, f.tab, (const char *)&colid, &base, sizeof(base),
                                                      JET_ColInfoBaseByColid));
    ok(!strcmp(base.szBaseColumnName, "id"), "base by id %s", base.szBaseColumnName);
    expect_err(JET_errSuccess, JetGetTableColumnInfoW(f.ses, f.tab, wtags, &basew, sizeof(basew), JET_ColInfoBase));
    ok(!memcmp(basew.szBaseColumnName, wtags, sizeof(wtags)), "W base column name");
    ok(!memcmp(basew.szBaseTableName, wt, sizeof(wt)), "W base table name");
    expect_err(JET_errInvalidParameter, JetGetTableColumnInfoW(f.ses, f.tab, wtags, &basew, sizeof(base), JET_ColInfoBase));

    /* Errors. */
    expect_err(JET_errInvalidParameter, JetGetTableColumnInfoA(f.ses, f.tab, "id", &def, sizeof(def) - 1, JET_ColInfo));
    expect_err(JET_errInvalidParameter, JetGetTableColumnInfoA(f.ses, f.tab, "id", NULL, 0, JET_ColInfo));
    expect_err(JET_errInvalidParameter, JetGetTableColumnInfoA(f.ses, f.tab, "id", &base, sizeof(base) - 1, JET_ColInfoBase));
    expect_err(JET_errColumnNotFound, JetGetTableColumnInfoA(f.ses, f.tab, "nope", &def, sizeof(def), JET_ColInfo));
    expect_err(JET_errColumnNotFound, JetGetTableColumnInfoA(f.ses, f.tab, "", &def, sizeof(def), JET_ColInfo));
    expect_err(JET_errColumnNotFound, JetGetTableColumnInfoA(f.ses, f.tab, NULL, &def, sizeof(def), JET_ColInfo));
    expect_err(JET_errInvalidName, JetGetTableColumnInfoA(f.ses, f.tab, "a.b", &def, sizeof(def), JET_ColInfo));
    expect_err(JET_errInvalidParameter, JetGetTableColumnInfoA(f.ses, f.tab, "id", &def, sizeof(def), 99));
    expect_err(JET_errInvalidParameter, JetGetTableColumnInfoA(f.ses, f.tab, NULL, &def, sizeof(def), JET_ColInfoList));  /* a JET_COLUMNDEF is too small for a JET_COLUMNLIST */
    expect_err(JET_errInvalidTableId, JetGetTableColumnInfoA(f.ses, (JET_TABLEID)0x1234, "id", &def, sizeof(def), JET_ColInfo));
    expect_err(JET_errInvalidSesid, JetGetTableColumnInfoA(JET_sesidNil, f.tab, "id", &def, sizeof(def), JET_ColInfo));

    ifix_teardown(&f);
}

TEST(info_column_info_by_name)
{
    struct ifix f;
    JET_COLUMNDEF def;
    static const WCHAR wt[] = { 't', 0 }, wname[] = { 'n', 'a', 'm', 'e', 0 };

    ifix_setup(&f, "colinfo");
    memset(&def, 0, sizeof(def));
    expect_err(JET_errSuccess, JetGetColumnInfoA(f.ses, f.db, "t", "id", &def, sizeof(def), JET_ColInfo));
    ok(def.columnid == f.id && (def.grbit & JET_bitColumnFixed), "id: %lu 0x%lx", (unsigned long)def.columnid,
       (unsigned long)def.grbit);
    ok(!(def.grbit & JET_bitColumnUpdatable), "by name: not updatable (0x%lx)", (unsigned long)def.grbit);
    expect_err(JET_errSuccess, JetGetColumnInfoW(f.ses, f.db, wt, wname, &def, sizeof(def), JET_ColInfo));
    ok(def.columnid == f.name && def.cbMax == 64, "W name: %lu %lu", (unsigned long)def.columnid, (unsigned long)def.cbMax);

    expect_err(JET_errInvalidParameter, JetGetColumnInfoA(f.ses, f.db, NULL, "id", &def, sizeof(def), JET_ColInfo));
    expect_err(JET_errObjectNotFound, JetGetColumnInfoA(f.ses, f.db, "missing", "id", &def, sizeof(def), JET_ColInfo));
    expect_err(JET_errColumnNotFound, JetGetColumnInfoA(f.ses, f.db, "t", "missing", &def, sizeof(def), JET_ColInfo));
    expect_err(JET_errInvalidDatabaseId, JetGetColumnInfoA(f.ses, 42, "t", "id", &def, sizeof(def), JET_ColInfo));
    expect_err(JET_errInvalidParameter, JetGetColumnInfoA(f.ses, f.db, "t", "id", &def, 4, JET_ColInfo));

    /* A transaction sees its own new column; after the rollback it is gone. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    ifix_column(&f, "later", JET_coltypShort, 0, 0, 0);
    expect_err(JET_errSuccess, JetGetColumnInfoA(f.ses, f.db, "t", "later", &def, sizeof(def), JET_ColInfo));
    ok(def.coltyp == JET_coltypShort, "later coltyp %lu", (unsigned long)def.coltyp);
    expect_err(JET_errSuccess, JetRollback(f.ses, 0));
    expect_err(JET_errColumnNotFound, JetGetColumnInfoA(f.ses, f.db, "t", "later", &def, sizeof(def), JET_ColInfo));
    ifix_teardown(&f);
}

TEST(info_table_info)
{
    struct ifix f;
    JET_OBJECTINFO oi;
    JET_DBID dbids[2];
    unsigned long alloc[2];
    char name[JET_cbNameMost + 1];
    WCHAR wname[JET_cbNameMost + 1];

    ifix_setup(&f, "tblinfo");
    memset(&oi, 0xcc, sizeof(oi));
    expect_err(JET_errSuccess, JetGetTableInfoA(f.ses, f.tab, &oi, sizeof(oi), JET_TblInfo));
    ok(oi.cbStruct == sizeof(oi) && oi.objtyp == JET_objtypTable, "objectinfo %lu %lu", (unsigned long)oi.cbStruct,
       (unsigned long)oi.objtyp);
    ok((oi.grbit & (JET_bitTableInfoBookmark | JET_bitTableInfoRollback | JET_bitTableInfoUpdatable)) ==
           (JET_bitTableInfoBookmark | JET_bitTableInfoRollback | JET_bitTableInfoUpdatable), "grbit 0x%lx",
       (unsigned long)oi.grbit);
    ok(oi.flags == 0, "flags 0x%lx", (unsigned long)oi.flags);
    expect_err(JET_errBufferTooSmall, JetGetTableInfoA(f.ses, f.tab, &oi, sizeof(oi) - 1, JET_TblInfo));

    memset(name, 'x', sizeof(name));
    expect_err(JET_errSuccess, JetGetTableInfoA(f.ses, f.tab, name, sizeof(name), JET_TblInfoName));
    ok(!strcmp(name, "t"), "name %s", name);
    expect_err(JET_errBufferTooSmall, JetGetTableInfoA(f.ses, f.tab, name, 1, JET_TblInfoName));
    expect_err(JET_errSuccess, JetGetTableInfoW(f.ses, f.tab, wname, sizeof(wname), JET_TblInfoName));
    ok(wname[0] == 't' && wname[1] == 0, "W name");
    expect_err(JET_errBufferTooSmall, JetGetTableInfoW(f.ses, f.tab, wname, 3, JET_TblInfoName));

    dbids[0] = dbids[1] = 0;
    expect_err(JET_errSuccess, JetGetTableInfoA(f.ses, f.tab, dbids, sizeof(dbids), JET_TblInfoDbid));
    ok(dbids[0] == f.db && dbids[1] == f.db, "dbids %lu %lu", (unsigned long)dbids[0], (unsigned long)dbids[1]);
    expect_err(JET_errBufferTooSmall, JetGetTableInfoA(f.ses, f.tab, dbids, 1, JET_TblInfoDbid));

    expect_err(JET_errSuccess, JetGetTableInfoA(f.ses, f.tab, alloc, sizeof(alloc), JET_TblInfoSpaceAlloc));
    ok(alloc[0] == 4 && alloc[1] == 90, "space alloc %lu %lu", alloc[0], alloc[1]);

    memset(name, 'x', sizeof(name));
    expect_err(JET_errSuccess, JetGetTableInfoA(f.ses, f.tab, name, sizeof(name), JET_TblInfoTemplateTableName));
    ok(name[0] == 0, "template name %s", name);
    expect_err(JET_errBufferTooSmall, JetGetTableInfoA(f.ses, f.tab, name, JET_cbNameMost, JET_TblInfoTemplateTableName));

    expect_err(JET_errQueryNotSupported, JetGetTableInfoA(f.ses, f.tab, name, sizeof(name), JET_TblInfoRvt));
    expect_err(JET_errFeatureNotAvailable, JetGetTableInfoA(f.ses, f.tab, name, sizeof(name), JET_TblInfoOLC));
    expect_err(JET_errFeatureNotAvailable, JetGetTableInfoA(f.ses, f.tab, name, sizeof(name), JET_TblInfoResetOLC));
    expect_err(JET_errFeatureNotAvailable, JetGetTableInfoA(f.ses, f.tab, name, sizeof(name), JET_TblInfoDumpTable));

    /* Space: the pages of the table's trees (records, long values, each
     * secondary index), none of them free. */
    alloc[0] = 0;
    expect_err(JET_errSuccess, JetGetTableInfoA(f.ses, f.tab, alloc, sizeof(alloc[0]), JET_TblInfoSpaceOwned));
    ok(alloc[0] >= 2, "space owned %lu", alloc[0]);
    alloc[0] = 77;
    expect_err(JET_errSuccess, JetGetTableInfoW(f.ses, f.tab, alloc, sizeof(alloc[0]), JET_TblInfoSpaceAvailable));
    ok(alloc[0] == 0, "space available %lu", alloc[0]);
    expect_err(JET_errBufferTooSmall, JetGetTableInfoA(f.ses, f.tab, alloc, 2, JET_TblInfoSpaceOwned));
    expect_err(JET_errBufferTooSmall, JetGetTableInfoA(f.ses, f.tab, NULL, 0, JET_TblInfoSpaceAvailable));
    expect_err(JET_errInvalidTableId, JetGetTableInfoA(f.ses, (JET_TABLEID)0x777, name, sizeof(name), JET_TblInfoName));
    ifix_teardown(&f);
}

TEST(info_index_info)
{
    struct ifix f;
    unsigned long count = 0, density = 0, lcid = 0;
    unsigned short us = 0;
    JET_INDEXID indexid;
    WCHAR locale[100];
    static const WCHAR wt[] = { 't', 0 }, wbyname[] = { 'b', 'y', 'n', 'a', 'm', 'e', 0 };

    ifix_setup(&f, "idxinfo");
    expect_err(JET_errSuccess, JetGetTableIndexInfoA(f.ses, f.tab, NULL, &count, sizeof(count), JET_IdxInfoCount));
    ok(count == 2, "count %lu", count);
    expect_err(JET_errSuccess, JetGetIndexInfoA(f.ses, f.db, "t", "", &count, sizeof(count), JET_IdxInfoCount));
    ok(count == 2, "count by name %lu", count);

    expect_err(JET_errSuccess, JetGetTableIndexInfoA(f.ses, f.tab, "byname", &density, sizeof(density), JET_IdxInfoSpaceAlloc));
    ok(density == 80, "density %lu", density);
    expect_err(JET_errSuccess, JetGetTableIndexInfoA(f.ses, f.tab, "pk", &density, sizeof(density), JET_IdxInfoSpaceAlloc));
    ok(density == 100, "pk density %lu", density);
    expect_err(JET_errSuccess, JetGetTableIndexInfoA(f.ses, f.tab, "byname", &us, sizeof(us), JET_IdxInfoKeyMost));
    ok(us == 255, "cbKeyMost %u", us);
    expect_err(JET_errSuccess, JetGetTableIndexInfoA(f.ses, f.tab, "byname", &us, sizeof(us), JET_IdxInfoVarSegMac));
    ok(us == 255, "cbVarSegMac %u", us);
    expect_err(JET_errSuccess, JetGetTableIndexInfoA(f.ses, f.tab, "byname", &lcid, sizeof(lcid), JET_IdxInfoLCID));
    ok(lcid == 0x409, "lcid 0x%lx", lcid);
    us = 0;
    expect_err(JET_errSuccess, JetGetTableIndexInfoA(f.ses, f.tab, "byname", &us, sizeof(us), JET_IdxInfoLCID));
    ok(us == 0x409, "langid 0x%x", us);
    memset(&indexid, 0, sizeof(indexid));
    expect_err(JET_errSuccess, JetGetTableIndexInfoA(f.ses, f.tab, "byname", &indexid, sizeof(indexid), JET_IdxInfoIndexId));
    ok(indexid.cbStruct == sizeof(indexid), "indexid cbStruct %lu", (unsigned long)indexid.cbStruct);
    expect_err(JET_errSuccess, JetGetTableIndexInfoA(f.ses, f.tab, "byname", locale, sizeof(locale), JET_IdxInfoLocaleName));
    ok(locale[0] != 0, "locale name empty");
    expect_err(JET_errSuccess, JetGetIndexInfoW(f.ses, f.db, wt, wbyname, &us, sizeof(us), JET_IdxInfoKeyMost));
    ok(us == 255, "W cbKeyMost %u", us);
    /* An empty name is the primary index. */
    expect_err(JET_errSuccess, JetGetTableIndexInfoA(f.ses, f.tab, "", &density, sizeof(density), JET_IdxInfoSpaceAlloc));
    ok(density == 100, "primary density %lu", density);

    /* Errors. */
    expect_err(JET_errIndexNotFound, JetGetTableIndexInfoA(f.ses, f.tab, "nope", &us, sizeof(us), JET_IdxInfoKeyMost));
    expect_err(JET_errIndexNotFound, JetGetIndexInfoA(f.ses, f.db, "t", "nope", &us, sizeof(us), JET_IdxInfoKeyMost));
    expect_err(JET_errObjectNotFound, JetGetIndexInfoA(f.ses, f.db, "nope", "byname", &us, sizeof(us), JET_IdxInfoKeyMost));
    expect_err(JET_errInvalidDatabaseId, JetGetIndexInfoA(f.ses, 5, "t", "byname", &us, sizeof(us), JET_IdxInfoKeyMost));
    expect_err(JET_wrnBufferTruncated, JetGetTableIndexInfoA(f.ses, f.tab, "byname", &us, 1, JET_IdxInfoKeyMost));
    expect_err(JET_wrnBufferTruncated, JetGetTableIndexInfoA(f.ses, f.tab, NULL, &count, 2, JET_IdxInfoCount));
    expect_err(JET_wrnBufferTruncated, JetGetTableIndexInfoA(f.ses, f.tab, "byname", &indexid, 4, JET_IdxInfoIndexId));
    expect_err(JET_errInvalidParameter, JetGetTableIndexInfoA(f.ses, f.tab, "byname", &indexid, sizeof(indexid), JET_IdxInfoList));
    expect_err(JET_errInvalidParameter, JetGetTableIndexInfoA(f.ses, f.tab, "byname", &indexid, sizeof(indexid), JET_IdxInfo));
    expect_err(JET_errFeatureNotAvailable, JetGetTableIndexInfoA(f.ses, f.tab, "byname", &us, sizeof(us), JET_IdxInfoSysTabCursor));
    expect_err(JET_errInvalidParameter, JetGetTableIndexInfoA(f.ses, f.tab, "byname", &us, sizeof(us), 77));
    expect_err(JET_errInvalidTableId, JetGetTableIndexInfoA(f.ses, 0, "byname", &us, sizeof(us), JET_IdxInfoKeyMost));
    ifix_teardown(&f);
}
