/*
 * systables.c - ESE's system tables: JetGetObjectInfo lists the four a
 * fresh ESENT database has (MSysObjects, MSysObjectsShadow, MSysObjids,
 * MSysLocales) with their JET_bitObjectSystem flags, describes each by
 * name, and reserves their names (create, delete, rename); JetOpenTable of
 * MSysObjects gives a read-only view of the catalog in ESE's columns and
 * indexes, as the session's transaction sees it.
 */
#include <string.h>
#include <windows.h>

#include "test.h"

#define SYSTEM_DYNAMIC 0x88000000u /* ESE's JET_bitObjectSystemDynamic */

struct fixture {
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
};

static void setup(struct fixture *f, const char *name)
{
    JET_TABLECREATE_A tc;
    JET_COLUMNCREATE_A cols[3];
    JET_INDEXCREATE_A idx[2];
    static char pk[] = "+id\0", byname[] = "+name\0";

    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "scratch-sys-%s\\", name);
    test_clean_dir(f->dir);
    snprintf(f->path, sizeof(f->path), "%stest.edb", f->dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&f->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    expect_err(JET_errSuccess, JetInit(&f->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->ses, "", ""));
    expect_err(JET_errSuccess, JetCreateDatabaseA(f->ses, f->path, NULL, &f->db, 0));

    memset(cols, 0, sizeof(cols));
    cols[0].cbStruct = cols[1].cbStruct = cols[2].cbStruct = sizeof(cols[0]);
    cols[0].szColumnName = "id";
    cols[0].coltyp = JET_coltypLong;
    cols[1].szColumnName = "name";
    cols[1].coltyp = JET_coltypText;
    cols[1].cbMax = 64;
    cols[1].cp = 1252;
    cols[2].szColumnName = "data";
    cols[2].coltyp = JET_coltypLongBinary;
    cols[2].grbit = JET_bitColumnMultiValued;
    memset(idx, 0, sizeof(idx));
    idx[0].cbStruct = idx[1].cbStruct = sizeof(idx[0]);
    idx[0].szIndexName = "pk";
    idx[0].szKey = pk;
    idx[0].cbKey = sizeof(pk);
    idx[0].grbit = JET_bitIndexPrimary;
    idx[1].szIndexName = "byname";
    idx[1].szKey = byname;
    idx[1].cbKey = sizeof(byname);
    idx[1].grbit = JET_bitIndexUnique;
    memset(&tc, 0, sizeof(tc));
    tc.cbStruct = sizeof(tc);
    tc.szTableName = "t";
    tc.rgcolumncreate = cols;
    tc.cColumns = 3;
    tc.rgindexcreate = idx;
    tc.cIndexes = 2;
    expect_err(JET_errSuccess, JetCreateTableColumnIndexA(f->ses, f->db, &tc));
    expect_err(JET_errSuccess, JetCloseTable(f->ses, tc.tableid));
}

static void teardown(struct fixture *f)
{
    expect_err(JET_errSuccess, JetEndSession(f->ses, 0));
    expect_err(JET_errSuccess, JetTerm(f->inst));
}

static unsigned long rlong(JET_SESID ses, JET_TABLEID tab, JET_COLUMNID col)
{
    JET_ULONG_ v = 0xdeadbeef;
    JetRetrieveColumn(ses, tab, col, &v, sizeof(v), NULL, 0, NULL);
    return v;
}

static unsigned rshort(JET_SESID ses, JET_TABLEID tab, JET_COLUMNID col)
{
    unsigned short v = 0xbeef;
    JetRetrieveColumn(ses, tab, col, &v, sizeof(v), NULL, 0, NULL);
    return v;
}

static void rtext(JET_SESID ses, JET_TABLEID tab, JET_COLUMNID col, char *buf, unsigned long size)
{
    JET_ULONG_ cb = 0;
    memset(buf, 0, size);
    if (JetRetrieveColumn(ses, tab, col, buf, size - 1, &cb, 0, NULL) < 0) buf[0] = 0;
}

TEST(systables_object_list)
{
    static const struct {
        const char *name;
        unsigned long flags;
    } want[] = {
        { "MSysLocales", SYSTEM_DYNAMIC },
        { "MSysObjects", JET_bitObjectSystem | JET_bitObjectTableFixedDDL },
        { "MSysObjectsShadow", JET_bitObjectSystem | JET_bitObjectTableFixedDDL },
        { "MSysObjids", SYSTEM_DYNAMIC | JET_bitObjectTableFixedDDL },
        { "t", 0 },
    };
    struct fixture f;
    JET_OBJECTLIST ol;
    JET_OBJECTINFO oi;
    JET_TABLEID tab;
    char text[80];
    int i, user = 0;
    JET_ERR err;

    setup(&f, "list");
    memset(&ol, 0, sizeof(ol));
    expect_err(JET_errSuccess, JetGetObjectInfoA(f.ses, f.db, JET_objtypTable, NULL, NULL, &ol, sizeof(ol), JET_ObjInfoList));
    ok(ol.cRecord == 5, "%lu objects", (unsigned long)ol.cRecord);
    for (i = 0, err = JetMove(f.ses, ol.tableid, JET_MoveFirst, 0); err >= 0 && i < 5;
         i++, err = JetMove(f.ses, ol.tableid, JET_MoveNext, 0)) {
        unsigned long flags = rlong(f.ses, ol.tableid, ol.columnidflags);
        rtext(f.ses, ol.tableid, ol.columnidobjectname, text, sizeof(text));
        ok(!strcmp(text, want[i].name), "object %d: %s, expected %s", i, text, want[i].name);
        ok(flags == want[i].flags, "%s: flags %lx, expected %lx", text, flags, want[i].flags);
        ok(rlong(f.ses, ol.tableid, ol.columnidgrbit) ==
               (JET_bitTableInfoBookmark | JET_bitTableInfoRollback | JET_bitTableInfoUpdatable),
           "%s: grbit %lx", text, rlong(f.ses, ol.tableid, ol.columnidgrbit));
        /* ManagedEsent's Api.GetTableNames skips what has JET_bitObjectSystem. */
        if (!(flags & JET_bitObjectSystem)) user++;
    }
    ok(i == 5, "%d rows", i);
    ok(user == 1, "%d tables without JET_bitObjectSystem", user);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, ol.tableid));
    expect_err(JET_errSuccess, JetGetObjectInfoW(f.ses, f.db, JET_objtypNil, L"Tables", NULL, &ol, sizeof(ol),
                                                 JET_ObjInfoListNoStats));
    ok(ol.cRecord == 5, "%lu objects (W, NoStats)", (unsigned long)ol.cRecord);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, ol.tableid));

    /* One system table by name, in any case. */
    memset(&oi, 0, sizeof(oi));
    expect_err(JET_errSuccess, JetGetObjectInfoA(f.ses, f.db, JET_objtypTable, NULL, "msysobjects", &oi, sizeof(oi),
                                                 JET_ObjInfo));
    ok(oi.flags == (JET_bitObjectSystem | JET_bitObjectTableFixedDDL), "MSysObjects flags %lx", (unsigned long)oi.flags);
    ok(oi.objtyp == JET_objtypTable && oi.cbStruct == sizeof(oi), "objtyp %lu", (unsigned long)oi.objtyp);
    ok(oi.cRecord > 10 && oi.cPage >= 1, "MSysObjects: %lu records, %lu pages", (unsigned long)oi.cRecord,
       (unsigned long)oi.cPage);
    expect_err(JET_errSuccess, JetGetObjectInfoA(f.ses, f.db, JET_objtypTable, "tables", "MSysLocales", &oi,
                                                 sizeof(oi), JET_ObjInfoNoStats));
    ok(oi.flags == SYSTEM_DYNAMIC && oi.cRecord == 0 && oi.cPage == 0, "MSysLocales flags %lx, %lu records",
       (unsigned long)oi.flags, (unsigned long)oi.cRecord);
    expect_err(JET_errSuccess, JetGetObjectInfoW(f.ses, f.db, JET_objtypTable, NULL, L"MSysObjids", &oi, sizeof(oi),
                                                 JET_ObjInfoNoStats));
    ok(oi.flags == (SYSTEM_DYNAMIC | JET_bitObjectTableFixedDDL), "MSysObjids flags %lx", (unsigned long)oi.flags);
    /* ESE knows one container. */
    expect_err(JET_errObjectNotFound, JetGetObjectInfoA(f.ses, f.db, JET_objtypTable, "Indexes", "t", &oi, sizeof(oi),
                                                        JET_ObjInfo));
    expect_err(JET_errObjectNotFound, JetGetObjectInfoA(f.ses, f.db, JET_objtypTable, "Foo", NULL, &ol, sizeof(ol),
                                                        JET_ObjInfoList));

    /* The names are taken. */
    expect_err(JET_errTableDuplicate, JetCreateTableA(f.ses, f.db, "MSysObjects", 0, 0, &tab));
    expect_err(JET_errTableDuplicate, JetCreateTableA(f.ses, f.db, "msysobjids", 0, 0, &tab));
    expect_err(JET_errCannotDeleteSystemTable, JetDeleteTableA(f.ses, f.db, "MSysObjects"));
    expect_err(JET_errCannotDeleteSystemTable, JetDeleteTableA(f.ses, f.db, "MSysObjectsShadow"));
    expect_err(JET_errTableDuplicate, JetRenameTableA(f.ses, f.db, "t", "MSysLocales"));
    expect_err(JET_errTableInUse, JetRenameTableA(f.ses, f.db, "MSysObjects", "x"));
    expect_err(JET_errSuccess, JetGetObjectInfoA(f.ses, f.db, JET_objtypTable, NULL, NULL, &ol, sizeof(ol),
                                                 JET_ObjInfoListNoStats));
    ok(ol.cRecord == 5, "%lu objects after the refused DDL", (unsigned long)ol.cRecord);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, ol.tableid));
    teardown(&f);
}

struct mso {
    JET_COLUMNID objid, type, id, coltyp, flags, name, root, keyfld;
};

static void mso_columns(struct fixture *f, JET_TABLEID tab, struct mso *m)
{
    static const char *names[] = { "ObjidTable", "Type", "Id", "ColtypOrPgnoFDP", "Flags", "Name", "RootFlag",
                                   "KeyFldIDs" };
    JET_COLUMNID *ids = &m->objid;
    JET_COLUMNDEF def;
    int i;

    for (i = 0; i < 8; i++) {
        memset(&def, 0, sizeof(def));
        expect_err(JET_errSuccess, JetGetTableColumnInfoA(f->ses, tab, names[i], &def, sizeof(def), JET_ColInfo));
        ids[i] = def.columnid;
    }
}

/* The object id of table `name` in the view (0: not there). */
static unsigned long table_objid(struct fixture *f, JET_TABLEID tab, const struct mso *m, const char *name)
{
    char text[80];
    JET_ERR err;

    for (err = JetMove(f->ses, tab, JET_MoveFirst, 0); err >= 0; err = JetMove(f->ses, tab, JET_MoveNext, 0)) {
        if (rshort(f->ses, tab, m->type) != 1) continue;
        rtext(f->ses, tab, m->name, text, sizeof(text));
        if (!strcmp(text, name)) return rlong(f->ses, tab, m->objid);
    }
    return 0;
}

TEST(systables_msysobjects_view)
{
    struct fixture f;
    JET_TABLEID tab, u;
    struct mso m;
    unsigned long objid, ncols = 0, nidx = 0, nlv = 0, ntables = 0;
    unsigned char seg[8];
    JET_ULONG_ cb;
    char text[80], prev[80] = "";
    short type;
    JET_ERR err;

    setup(&f, "view");
    expect_err(JET_errPermissionDenied, JetOpenTableA(f.ses, f.db, "MSysObjects", NULL, 0, JET_bitTableUpdatable, &tab));
    expect_err(JET_errFeatureNotAvailable, JetOpenTableA(f.ses, f.db, "MSysObjids", NULL, 0, 0, &tab));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "MSysObjects", NULL, 0, JET_bitTableReadOnly, &tab));
    mso_columns(&f, tab, &m);
    /* ESE's column ids: fixed from 1, variable from 128. */
    ok(m.objid == 1 && m.type == 2 && m.id == 3 && m.name == 128, "column ids %lu %lu %lu %lu",
       (unsigned long)m.objid, (unsigned long)m.type, (unsigned long)m.id, (unsigned long)m.name);
    objid = table_objid(&f, tab, &m, "t");
    ok(objid != 0, "no row for table t");
    ok(table_objid(&f, tab, &m, "MSysObjects") != 0, "no row for MSysObjects");

    /* The rows of t, clustered by (ObjidTable, Type, Id). */
    for (err = JetMove(f.ses, tab, JET_MoveFirst, 0); err >= 0; err = JetMove(f.ses, tab, JET_MoveNext, 0)) {
        if (rlong(f.ses, tab, m.objid) != objid) continue;
        type = (short)rshort(f.ses, tab, m.type);
        rtext(f.ses, tab, m.name, text, sizeof(text));
        if (type == 2) {
            ncols++;
            if (!strcmp(text, "id"))
                ok(rlong(f.ses, tab, m.coltyp) == JET_coltypLong && rlong(f.ses, tab, m.id) == 1, "column id");
            else if (!strcmp(text, "name"))
                ok(rlong(f.ses, tab, m.coltyp) == JET_coltypText && rlong(f.ses, tab, m.id) == 128, "column name");
            else if (!strcmp(text, "data"))
                ok(rlong(f.ses, tab, m.coltyp) == JET_coltypLongBinary && rlong(f.ses, tab, m.id) == 256 &&
                       (rlong(f.ses, tab, m.flags) & 0x8),
                   "column data: flags %lx", rlong(f.ses, tab, m.flags));
            else
                ok(0, "column %s", text);
        } else if (type == 3) {
            nidx++;
            memset(seg, 0, sizeof(seg));
            expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, tab, m.keyfld, seg, sizeof(seg), &cb, 0, NULL));
            if (!strcmp(text, "pk"))
                ok((rlong(f.ses, tab, m.flags) & 0x21) == 0x21 && rlong(f.ses, tab, m.id) == objid && cb == 4 &&
                       seg[2] == 1 && seg[3] == 0,
                   "index pk: flags %lx, %lu key bytes", rlong(f.ses, tab, m.flags), (unsigned long)cb);
            else if (!strcmp(text, "byname"))
                ok((rlong(f.ses, tab, m.flags) & 0x21) == 0x01 && cb == 4 && seg[2] == 128,
                   "index byname: flags %lx", rlong(f.ses, tab, m.flags));
            else
                ok(0, "index %s", text);
        } else if (type == 4) {
            nlv++;
            ok(!strcmp(text, "LV"), "LV row %s", text);
        } else {
            ok(type == 1 && !strcmp(text, "t"), "row type %d %s", type, text);
        }
    }
    ok(ncols == 3 && nidx == 2 && nlv == 1, "t: %lu columns, %lu indexes, %lu LV", ncols, nidx, nlv);

    /* Read-only. */
    expect_err(JET_errPermissionDenied, JetPrepareUpdate(f.ses, tab, JET_prepInsert));
    expect_err(JET_errSuccess, JetMove(f.ses, tab, JET_MoveFirst, 0));
    expect_err(JET_errPermissionDenied, JetPrepareUpdate(f.ses, tab, JET_prepReplace));
    expect_err(JET_errPermissionDenied, JetDelete(f.ses, tab));
    {
        JET_COLUMNDEF def;
        JET_COLUMNID col;
        memset(&def, 0, sizeof(def));
        def.cbStruct = sizeof(def);
        def.coltyp = JET_coltypLong;
        expect_err(JET_errPermissionDenied, JetAddColumnA(f.ses, tab, "x", &def, NULL, 0, &col));
    }

    /* RootObjects: the tables alone, by name. */
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, tab, "RootObjects"));
    for (err = JetMove(f.ses, tab, JET_MoveFirst, 0); err >= 0; err = JetMove(f.ses, tab, JET_MoveNext, 0)) {
        rtext(f.ses, tab, m.name, text, sizeof(text));
        ok(rshort(f.ses, tab, m.type) == 1, "%s in RootObjects", text);
        ok(_stricmp(prev, text) < 0, "%s after %s", text, prev);
        strcpy(prev, text);
        ntables++;
    }
    ok(ntables == 5, "%lu tables", ntables);

    /* Name: (ObjidTable, Type, Name). */
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, tab, "Name"));
    {
        JET_ULONG_ o = objid;
        short t2 = 2;
        expect_err(JET_errSuccess, JetMakeKey(f.ses, tab, &o, sizeof(o), JET_bitNewKey));
        expect_err(JET_errSuccess, JetMakeKey(f.ses, tab, &t2, sizeof(t2), 0));
        expect_err(JET_errSuccess, JetMakeKey(f.ses, tab, "name", 4, 0));
        expect_err(JET_errSuccess, JetSeek(f.ses, tab, JET_bitSeekEQ));
        ok(rlong(f.ses, tab, m.id) == 128, "seek on Name: id %lu", rlong(f.ses, tab, m.id));
    }
    expect_err(JET_errSuccess, JetCloseTable(f.ses, tab));

    /* The session's transaction: a table made in it is seen, and gone
     * after the rollback. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    expect_err(JET_errSuccess, JetCreateTableA(f.ses, f.db, "u", 0, 0, &u));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "MSysObjectsShadow", NULL, 0, 0, &tab));
    ok(table_objid(&f, tab, &m, "u") != 0, "no row for u in its transaction");
    expect_err(JET_errSuccess, JetCloseTable(f.ses, tab));
    expect_err(JET_errSuccess, JetRollback(f.ses, 0));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "msysobjects", NULL, 0, 0, &tab));
    ok(table_objid(&f, tab, &m, "u") == 0, "u after the rollback");
    ok(table_objid(&f, tab, &m, "t") == objid, "t after the rollback");
    expect_err(JET_errSuccess, JetCloseTable(f.ses, tab));
    teardown(&f);
}
