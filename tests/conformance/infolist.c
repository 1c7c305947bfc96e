/*
 * infolist.c - the info calls whose answers are temporary tables, checked
 * row by row: JET_ColInfoList (+Compact, SortColumnid), JET_IdxInfoList /
 * JET_IdxInfo, JetGetObjectInfo's levels, JetIntersectIndexes; and
 * JetGetDatabaseInfo's levels.
 */
#include <string.h>
#include <windows.h>

#include "test.h"

struct il {
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
    JET_COLUMNID id, name, data;
};

static void il_setup(struct il *f, const char *name)
{
    char pattern[MAX_PATH + 8], file[2 * MAX_PATH];
    WIN32_FIND_DATAA fd;
    JET_COLUMNDEF def;
    HANDLE h;

    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "scratch-il-%s\\", name);
    CreateDirectoryA(f->dir, NULL);
    snprintf(pattern, sizeof(pattern), "%s*", f->dir);
    if ((h = FindFirstFileA(pattern, &fd)) != INVALID_HANDLE_VALUE) {
        do {
            snprintf(file, sizeof(file), "%s%s", f->dir, fd.cFileName);
            DeleteFileA(file);
        } while (FindNextFileA(h, &fd));
        FindClose(h);
    }
    snprintf(f->path, sizeof(f->path), "%stest.edb", f->dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&f->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    expect_err(JET_errSuccess, JetInit(&f->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->ses, "", ""));
    expect_err(JET_errSuccess, JetCreateDatabaseA(f->ses, f->path, NULL, &f->db, 0));
    expect_err(JET_errSuccess, JetCreateTableA(f->ses, f->db, "t", 0, 0, &f->tab));
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLong;
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, f->tab, "id", &def, NULL, 0, &f->id));
    def.coltyp = JET_coltypText;
    def.cp = 1252;
    def.cbMax = 64;
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, f->tab, "name", &def, NULL, 0, &f->name));
    def.coltyp = JET_coltypLongBinary;
    def.cp = 0;
    def.cbMax = 0;
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, f->tab, "data", &def, NULL, 0, &f->data));
    expect_err(JET_errSuccess, JetCreateIndexA(f->ses, f->tab, "primary", JET_bitIndexPrimary, "+id\0", 5, 100));
    expect_err(JET_errSuccess, JetCreateIndexA(f->ses, f->tab, "multi", 0, "+name\0-id\0", 11, 100));
}

static void il_teardown(struct il *f)
{
    expect_err(JET_errSuccess, JetCloseTable(f->ses, f->tab));
    expect_err(JET_errSuccess, JetEndSession(f->ses, 0));
    expect_err(JET_errSuccess, JetTerm(f->inst));
}

static unsigned long rlong(JET_SESID ses, JET_TABLEID tab, JET_COLUMNID col)
{
    JET_ULONG_ v = 0xdeadbeef;
    JetRetrieveColumn(ses, tab, col, &v, sizeof(v), NULL, 0, NULL);
    return v;
}

static void rtext(JET_SESID ses, JET_TABLEID tab, JET_COLUMNID col, char *buf, unsigned long size)
{
    unsigned long cb = 0;
    buf[0] = 0;
    if (JetRetrieveColumn(ses, tab, col, buf, size - 1, &cb, 0, NULL) >= 0) buf[cb] = 0;
}

TEST(infolist_columns)
{
    static const char *by_name[] = { "data", "id", "name" };
    struct il f;
    JET_COLUMNLIST cl;
    JET_COLUMNID want_id[3];
    JET_COLTYP want_type[3] = { JET_coltypLongBinary, JET_coltypLong, JET_coltypText };
    char text[80];
    WCHAR wtext[80];
    unsigned long cb;
    int i;

    il_setup(&f, "cols");
    want_id[0] = f.data;
    want_id[1] = f.id;
    want_id[2] = f.name;
    memset(&cl, 0, sizeof(cl));
    expect_err(JET_errSuccess, JetGetTableColumnInfoA(f.ses, f.tab, NULL, &cl, sizeof(cl), JET_ColInfoList));
    ok(cl.cbStruct == sizeof(cl) && cl.cRecord == 3, "cbStruct %lu, %lu records", (unsigned long)cl.cbStruct,
       (unsigned long)cl.cRecord);
    expect_err(JET_errSuccess, JetMove(f.ses, cl.tableid, JET_MoveFirst, 0));
    for (i = 0; i < 3; i++) {
        rtext(f.ses, cl.tableid, cl.columnidcolumnname, text, sizeof(text));
        ok(!strcmp(text, by_name[i]), "row %d: %s", i, text);
        ok(rlong(f.ses, cl.tableid, cl.columnidcolumnid) == want_id[i], "row %d: id %lu", i,
           rlong(f.ses, cl.tableid, cl.columnidcolumnid));
        ok(rlong(f.ses, cl.tableid, cl.columnidcoltyp) == want_type[i], "row %d: type %lu", i,
           rlong(f.ses, cl.tableid, cl.columnidcoltyp));
        rtext(f.ses, cl.tableid, cl.columnidBaseTableName, text, sizeof(text));
        ok(!strcmp(text, "t"), "row %d: table %s", i, text);
        if (i < 2) expect_err(JET_errSuccess, JetMove(f.ses, cl.tableid, JET_MoveNext, 0));
    }
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, cl.tableid, JET_MoveNext, 0));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, cl.tableid));

    /* By column id: id (fixed), name (variable), data (tagged). */
    expect_err(JET_errSuccess, JetGetColumnInfoA(f.ses, f.db, "t", NULL, &cl, sizeof(cl), JET_ColInfoListSortColumnid));
    expect_err(JET_errSuccess, JetMove(f.ses, cl.tableid, JET_MoveFirst, 0));
    ok(rlong(f.ses, cl.tableid, cl.columnidcolumnid) == f.id, "first %lu", rlong(f.ses, cl.tableid, cl.columnidcolumnid));
    expect_err(JET_errSuccess, JetMove(f.ses, cl.tableid, JET_MoveNext, 0));
    ok(rlong(f.ses, cl.tableid, cl.columnidcolumnid) == f.name, "second %lu", rlong(f.ses, cl.tableid, cl.columnidcolumnid));
    expect_err(JET_errSuccess, JetMove(f.ses, cl.tableid, JET_MoveNext, 0));
    ok(rlong(f.ses, cl.tableid, cl.columnidcolumnid) == f.data, "third %lu", rlong(f.ses, cl.tableid, cl.columnidcolumnid));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, cl.tableid));

    /* W: names in UTF-16. */
    expect_err(JET_errSuccess, JetGetTableColumnInfoW(f.ses, f.tab, NULL, &cl, sizeof(cl), JET_ColInfoListCompact));
    ok(cl.cRecord == 3, "%lu records", (unsigned long)cl.cRecord);
    expect_err(JET_errSuccess, JetMove(f.ses, cl.tableid, JET_MoveFirst, 0));
    cb = 0;
    memset(wtext, 0, sizeof(wtext));
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, cl.tableid, cl.columnidcolumnname, wtext, sizeof(wtext), &cb, 0, NULL));
    ok(cb == 4 && wtext[0] == 'i' && wtext[1] == 'd', "first name of %lu bytes", cb);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, cl.tableid));

    expect_err(JET_errInvalidParameter, JetGetTableColumnInfoA(f.ses, f.tab, NULL, &cl, sizeof(cl) - 1, JET_ColInfoList));
    il_teardown(&f);
}

TEST(infolist_indexes)
{
    struct il f;
    JET_INDEXLIST il;
    char text[80];
    static const struct { const char *index, *column; unsigned long icol, ccol, grbit; } want[] = {
        { "multi", "name", 0, 2, JET_bitKeyAscending },
        { "multi", "id", 1, 2, JET_bitKeyDescending },
        { "primary", "id", 0, 1, JET_bitKeyAscending },
    };
    int i;

    il_setup(&f, "idx");
    memset(&il, 0, sizeof(il));
    expect_err(JET_errSuccess, JetGetTableIndexInfoA(f.ses, f.tab, NULL, &il, sizeof(il), JET_IdxInfoList));
    ok(il.cRecord == 3, "%lu records", (unsigned long)il.cRecord);
    expect_err(JET_errSuccess, JetMove(f.ses, il.tableid, JET_MoveFirst, 0));
    for (i = 0; i < 3; i++) {
        rtext(f.ses, il.tableid, il.columnidindexname, text, sizeof(text));
        ok(!strcmp(text, want[i].index), "row %d: index %s", i, text);
        rtext(f.ses, il.tableid, il.columnidcolumnname, text, sizeof(text));
        ok(!strcmp(text, want[i].column), "row %d: column %s", i, text);
        ok(rlong(f.ses, il.tableid, il.columnidiColumn) == want[i].icol, "row %d: iColumn", i);
        ok(rlong(f.ses, il.tableid, il.columnidcColumn) == want[i].ccol, "row %d: cColumn", i);
        ok(rlong(f.ses, il.tableid, il.columnidgrbitColumn) == want[i].grbit, "row %d: grbitColumn", i);
        ok(rlong(f.ses, il.tableid, il.columnidcolumnid) == (strcmp(want[i].column, "id") ? f.name : f.id),
           "row %d: columnid", i);
        if (i < 2) expect_err(JET_errSuccess, JetMove(f.ses, il.tableid, JET_MoveNext, 0));
    }
    expect_err(JET_errSuccess, JetCloseTable(f.ses, il.tableid));

    /* JET_IdxInfo of one index. */
    expect_err(JET_errSuccess, JetGetIndexInfoA(f.ses, f.db, "t", "primary", &il, sizeof(il), JET_IdxInfo));
    ok(il.cRecord == 1, "%lu records", (unsigned long)il.cRecord);
    ok((rlong(f.ses, il.tableid, il.columnidgrbitIndex) & JET_bitIndexPrimary) != 0, "grbit %lx",
       rlong(f.ses, il.tableid, il.columnidgrbitIndex));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, il.tableid));
    expect_err(JET_errIndexNotFound, JetGetIndexInfoA(f.ses, f.db, "t", "nope", &il, sizeof(il), JET_IdxInfo));
    il_teardown(&f);
}

TEST(infolist_objects)
{
    struct il f;
    JET_OBJECTLIST ol;
    JET_OBJECTINFO oi;
    JET_TABLEID t2;
    char text[80];

    il_setup(&f, "obj");
    expect_err(JET_errSuccess, JetCreateTableA(f.ses, f.db, "a", 0, 0, &t2));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, t2));
    memset(&ol, 0, sizeof(ol));
    expect_err(JET_errSuccess, JetGetObjectInfoA(f.ses, f.db, JET_objtypTable, NULL, NULL, &ol, sizeof(ol), JET_ObjInfoList));
    /* With the four system tables of a fresh ESENT database (systables.c). */
    ok(ol.cRecord == 6, "%lu records", (unsigned long)ol.cRecord);
    expect_err(JET_errSuccess, JetMove(f.ses, ol.tableid, JET_MoveFirst, 0));
    rtext(f.ses, ol.tableid, ol.columnidobjectname, text, sizeof(text));
    ok(!strcmp(text, "a"), "first %s", text);
    ok(rlong(f.ses, ol.tableid, ol.columnidobjtyp) == JET_objtypTable, "type");
    rtext(f.ses, ol.tableid, ol.columnidcontainername, text, sizeof(text));
    ok(!strcmp(text, "Tables"), "container %s", text);
    expect_err(JET_errSuccess, JetMove(f.ses, ol.tableid, JET_MoveLast, 0));
    rtext(f.ses, ol.tableid, ol.columnidobjectname, text, sizeof(text));
    ok(!strcmp(text, "t"), "last %s", text);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, ol.tableid));
    expect_err(JET_errSuccess, JetGetObjectInfoW(f.ses, f.db, JET_objtypNil, NULL, NULL, &ol, sizeof(ol), JET_ObjInfoListNoStats));
    ok(ol.cRecord == 6, "%lu records", (unsigned long)ol.cRecord);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, ol.tableid));

    expect_err(JET_errSuccess, JetGetObjectInfoA(f.ses, f.db, JET_objtypTable, NULL, "t", &oi, sizeof(oi), JET_ObjInfo));
    ok(oi.objtyp == JET_objtypTable && (oi.grbit & JET_bitTableInfoBookmark), "objtyp %lu grbit %lx",
       (unsigned long)oi.objtyp, (unsigned long)oi.grbit);
    expect_err(JET_errObjectNotFound, JetGetObjectInfoA(f.ses, f.db, JET_objtypTable, NULL, "zz", &oi, sizeof(oi), JET_ObjInfo));
    expect_err(JET_errBufferTooSmall, JetGetObjectInfoA(f.ses, f.db, JET_objtypTable, NULL, "t", &oi, 4, JET_ObjInfo));
    expect_err(JET_errInvalidDatabaseId, JetGetObjectInfoA(f.ses, 5, JET_objtypTable, NULL, "t", &oi, sizeof(oi), JET_ObjInfo));
    il_teardown(&f);
}

TEST(infolist_database_info)
{
    struct il f;
    char name[MAX_PATH], full[MAX_PATH];
    JET_ULONG_ v = 0;
    JET_DBINFOMISC misc;

    il_setup(&f, "dbi");
    expect_err(JET_errSuccess, JetGetDatabaseInfoA(f.ses, f.db, name, sizeof(name), JET_DbInfoFilename));
    GetFullPathNameA(f.path, sizeof(full), full, NULL);
    ok(!lstrcmpiA(name, full), "file name %s, expected %s", name, full);
    expect_err(JET_errBufferTooSmall, JetGetDatabaseInfoA(f.ses, f.db, name, 3, JET_DbInfoFilename));
    expect_err(JET_errSuccess, JetGetDatabaseInfoA(f.ses, f.db, &v, sizeof(v), JET_DbInfoVersion));
    ok(v == 0x620, "version %lx", (unsigned long)v);
    expect_err(JET_errSuccess, JetGetDatabaseInfoA(f.ses, f.db, &v, sizeof(v), JET_DbInfoTransactions));
    ok(v == 7, "transactions %lu", (unsigned long)v);
    expect_err(JET_errSuccess, JetGetDatabaseInfoA(f.ses, f.db, &v, sizeof(v), JET_DbInfoPageSize));
    ok(v == 4096 || v == 8192 || v == 32768, "page size %lu", (unsigned long)v);
    expect_err(JET_errSuccess, JetGetDatabaseInfoW(f.ses, f.db, &v, sizeof(v), JET_DbInfoFilesize));
    ok(v > 0, "%lu pages", (unsigned long)v);
    expect_err(JET_errSuccess, JetGetDatabaseInfoA(f.ses, f.db, &v, sizeof(v), JET_DbInfoSpaceOwned));
    expect_err(JET_errSuccess, JetGetDatabaseInfoA(f.ses, f.db, &v, sizeof(v), JET_DbInfoSpaceAvailable));
    expect_err(JET_errSuccess, JetGetDatabaseInfoA(f.ses, f.db, &v, sizeof(v), JET_DbInfoOptions));
    ok(v == 0, "options %lx", (unsigned long)v);
    expect_err(JET_errSuccess, JetGetDatabaseInfoA(f.ses, f.db, &v, sizeof(v), JET_DbInfoLCID));
    ok(v == 0x409, "lcid %lx", (unsigned long)v);
    expect_err(JET_errSuccess, JetGetDatabaseInfoA(f.ses, f.db, &v, sizeof(v), JET_DbInfoFileType));
    ok(v == JET_filetypeDatabase, "file type %lu", (unsigned long)v);
    expect_err(JET_errSuccess, JetGetDatabaseInfoA(f.ses, f.db, &misc, sizeof(misc), JET_DbInfoMisc));
    ok(misc.ulVersion == 0x620 && misc.cbPageSize >= 4096, "misc %lx %lu", (unsigned long)misc.ulVersion,
       (unsigned long)misc.cbPageSize);
    expect_err(JET_errInvalidBufferSize, JetGetDatabaseInfoA(f.ses, f.db, &v, 2, JET_DbInfoVersion));
    expect_err(JET_errInvalidParameter, JetGetDatabaseInfoA(f.ses, 6, &v, sizeof(v), JET_DbInfoVersion));
    expect_err(JET_errFeatureNotAvailable, JetGetDatabaseInfoA(f.ses, f.db, &v, sizeof(v), JET_DbInfoIsam));
    il_teardown(&f);
}

TEST(infolist_intersect_indexes)
{
    struct il f;
    JET_TABLEID c1, c2;
    JET_INDEXRANGE r[2];
    JET_RECORDLIST rl;
    JET_COLUMNDEF def;
    JET_COLUMNID ca, cb;
    long i, v;
    unsigned char bm[256];
    unsigned long cbm;

    il_setup(&f, "isect");
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLong;
    expect_err(JET_errSuccess, JetAddColumnA(f.ses, f.tab, "a", &def, NULL, 0, &ca));
    expect_err(JET_errSuccess, JetAddColumnA(f.ses, f.tab, "b", &def, NULL, 0, &cb));
    expect_err(JET_errSuccess, JetCreateIndexA(f.ses, f.tab, "bya", 0, "+a\0", 4, 100));
    expect_err(JET_errSuccess, JetCreateIndexA(f.ses, f.tab, "byb", 0, "+b\0", 4, 100));
    for (i = 0; i < 100; i++) {
        long a = i % 10, b = i % 7;
        expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
        expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.id, &i, 4, 0, NULL));
        expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, ca, &a, 4, 0, NULL));
        expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, cb, &b, 4, 0, NULL));
        expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    }
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "t", NULL, 0, 0, &c1));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "t", NULL, 0, 0, &c2));
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, c1, "bya"));
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, c2, "byb"));
    v = 3;
    expect_err(JET_errSuccess, JetMakeKey(f.ses, c1, &v, 4, JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, c1, JET_bitSeekEQ | JET_bitSetIndexRange));
    v = 2;
    expect_err(JET_errSuccess, JetMakeKey(f.ses, c2, &v, 4, JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, c2, JET_bitSeekEQ | JET_bitSetIndexRange));
    memset(r, 0, sizeof(r));
    r[0].cbStruct = r[1].cbStruct = sizeof(r[0]);
    r[0].tableid = c1;
    r[1].tableid = c2;
    r[0].grbit = r[1].grbit = JET_bitRecordInIndex;
    memset(&rl, 0, sizeof(rl));
    rl.cbStruct = sizeof(rl);
    expect_err(JET_errSuccess, JetIntersectIndexes(f.ses, r, 2, &rl, 0));
    /* i % 10 == 3 and i % 7 == 2: 23 and 93, in primary key order. */
    ok(rl.cRecord == 2, "%lu records", (unsigned long)rl.cRecord);
    expect_err(JET_errSuccess, JetMove(f.ses, rl.tableid, JET_MoveFirst, 0));
    for (i = 0; i < 2; i++) {
        cbm = 0;
        expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, rl.tableid, rl.columnidBookmark, bm, sizeof(bm), &cbm, 0, NULL));
        expect_err(JET_errSuccess, JetGotoBookmark(f.ses, f.tab, bm, cbm));
        ok(rlong(f.ses, f.tab, f.id) == (i ? 93u : 23u), "record %ld: id %lu", i, rlong(f.ses, f.tab, f.id));
        if (!i) expect_err(JET_errSuccess, JetMove(f.ses, rl.tableid, JET_MoveNext, 0));
    }
    expect_err(JET_errSuccess, JetCloseTable(f.ses, rl.tableid));
    r[1].grbit = JET_bitRecordNotInIndex;
    expect_err(JET_errInvalidGrbit, JetIntersectIndexes(f.ses, r, 2, &rl, 0));
    expect_err(JET_errInvalidParameter, JetIntersectIndexes(f.ses, r, 0, &rl, 0));
    expect_err(JET_errInvalidParameter, JetIntersectIndexes(f.ses, r, 2, NULL, 0));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, c1));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, c2));
    il_teardown(&f);
}
