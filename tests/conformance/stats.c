/*
 * stats.c - the statistics of the information calls: cEntry, cKey and
 * cPage of JET_INDEXLIST, cRecord and cPage of JET_OBJECTINFO (JetGetTable-
 * Info, JetGetObjectInfo) and JET_OBJECTLIST, zero at the NoStats levels;
 * JetComputeStats.
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
    JET_TABLEID tab;
    JET_COLUMNID id, grp;
};

static JET_COLUMNID add_column(struct fixture *f, const char *name)
{
    JET_COLUMNDEF def;
    JET_COLUMNID id = 0;
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLong;
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, f->tab, name, &def, NULL, 0, &id));
    return id;
}

/* Table "t": id (primary "pk"), grp = id % 3 (index "bygrp", not unique),
 * rows 0..n-1; and an empty table "e". */
static void setup(struct fixture *f, const char *name, int n)
{
    JET_TABLEID e;
    int32_t i, g;

    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "scratch-stats-%s\\", name);
    test_clean_dir(f->dir);
    snprintf(f->path, sizeof(f->path), "%stest.edb", f->dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&f->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    expect_err(JET_errSuccess, JetInit(&f->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->ses, "", ""));
    expect_err(JET_errSuccess, JetCreateDatabaseA(f->ses, f->path, NULL, &f->db, 0));
    expect_err(JET_errSuccess, JetCreateTableA(f->ses, f->db, "e", 0, 0, &e));
    expect_err(JET_errSuccess, JetCloseTable(f->ses, e));
    expect_err(JET_errSuccess, JetCreateTableA(f->ses, f->db, "t", 0, 0, &f->tab));
    f->id = add_column(f, "id");
    f->grp = add_column(f, "grp");
    expect_err(JET_errSuccess, JetCreateIndexA(f->ses, f->tab, "pk", JET_bitIndexPrimary, "+id\0", 5, 100));
    expect_err(JET_errSuccess, JetCreateIndexA(f->ses, f->tab, "bygrp", 0, "+grp\0", 6, 100));
    expect_err(JET_errSuccess, JetBeginTransaction(f->ses));
    for (i = 0; i < n; i++) {
        g = i % 3;
        expect_err(JET_errSuccess, JetPrepareUpdate(f->ses, f->tab, JET_prepInsert));
        expect_err(JET_errSuccess, JetSetColumn(f->ses, f->tab, f->id, &i, sizeof(i), 0, NULL));
        expect_err(JET_errSuccess, JetSetColumn(f->ses, f->tab, f->grp, &g, sizeof(g), 0, NULL));
        expect_err(JET_errSuccess, JetUpdate(f->ses, f->tab, NULL, 0, NULL));
    }
    expect_err(JET_errSuccess, JetCommitTransaction(f->ses, 0));
}

struct idx_stats {
    uint32_t ckey, centry, cpage;
};

/* cKey, cEntry, cPage of index `name` from the JET_INDEXLIST of f->tab. */
static struct idx_stats index_stats(struct fixture *f, const char *name)
{
    struct idx_stats st = { 0xdeadbeef, 0xdeadbeef, 0xdeadbeef };
    JET_INDEXLIST il;
    char got[JET_cbNameMost + 1];
    JET_ULONG_ cb;
    JET_ERR err;

    memset(&il, 0, sizeof(il));
    expect_err(JET_errSuccess, JetGetTableIndexInfoA(f->ses, f->tab, NULL, &il, sizeof(il), JET_IdxInfoList));
    for (err = JetMove(f->ses, il.tableid, JET_MoveFirst, 0); err == JET_errSuccess;
         err = JetMove(f->ses, il.tableid, JET_MoveNext, 0)) {
        memset(got, 0, sizeof(got));
        expect_err(JET_errSuccess, JetRetrieveColumn(f->ses, il.tableid, il.columnidindexname, got, JET_cbNameMost,
                                                     &cb, 0, NULL));
        if (strcmp(got, name)) continue;
        expect_err(JET_errSuccess, JetRetrieveColumn(f->ses, il.tableid, il.columnidcKey, &st.ckey, 4, &cb, 0, NULL));
        expect_err(JET_errSuccess, JetRetrieveColumn(f->ses, il.tableid, il.columnidcEntry, &st.centry, 4, &cb, 0, NULL));
        expect_err(JET_errSuccess, JetRetrieveColumn(f->ses, il.tableid, il.columnidcPage, &st.cpage, 4, &cb, 0, NULL));
        break;
    }
    expect_err(JET_errSuccess, JetCloseTable(f->ses, il.tableid));
    return st;
}

/* cRecord and cPage of table `name` in the JET_OBJECTLIST at level. */
static void object_list_stats(struct fixture *f, const char *name, unsigned long level, uint32_t *rec, uint32_t *pages)
{
    JET_OBJECTLIST ol;
    char got[JET_cbNameMost + 1];
    JET_ULONG_ cb;
    JET_ERR err;

    *rec = *pages = 0xdeadbeef;
    memset(&ol, 0, sizeof(ol));
    expect_err(JET_errSuccess, JetGetObjectInfoA(f->ses, f->db, JET_objtypTable, NULL, NULL, &ol, sizeof(ol), level));
    for (err = JetMove(f->ses, ol.tableid, JET_MoveFirst, 0); err == JET_errSuccess;
         err = JetMove(f->ses, ol.tableid, JET_MoveNext, 0)) {
        memset(got, 0, sizeof(got));
        expect_err(JET_errSuccess, JetRetrieveColumn(f->ses, ol.tableid, ol.columnidobjectname, got, JET_cbNameMost,
                                                     &cb, 0, NULL));
        if (strcmp(got, name)) continue;
        expect_err(JET_errSuccess, JetRetrieveColumn(f->ses, ol.tableid, ol.columnidcRecord, rec, 4, &cb, 0, NULL));
        expect_err(JET_errSuccess, JetRetrieveColumn(f->ses, ol.tableid, ol.columnidcPage, pages, 4, &cb, 0, NULL));
        break;
    }
    expect_err(JET_errSuccess, JetCloseTable(f->ses, ol.tableid));
}

TEST(stats_index_list)
{
    struct fixture f;
    struct idx_stats st;
    int32_t i;

    setup(&f, "idx", 600);
    st = index_stats(&f, "pk");
    ok(st.centry == 600 && st.ckey == 600, "pk: %u entries, %u keys", st.centry, st.ckey);
    ok(st.cpage > 1 && st.cpage < 600, "pk: %u pages", st.cpage);
    st = index_stats(&f, "bygrp");
    ok(st.centry == 600 && st.ckey == 3, "bygrp: %u entries, %u keys", st.centry, st.ckey);
    ok(st.cpage >= 1, "bygrp: %u pages", st.cpage);

    /* Deleted rows are not counted once committed. */
    for (i = 0; i < 300; i++) {
        expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, &i, sizeof(i), JET_bitNewKey));
        expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekEQ));
        expect_err(JET_errSuccess, JetDelete(f.ses, f.tab));
    }
    st = index_stats(&f, "pk");
    ok(st.centry == 300 && st.ckey == 300, "pk after deletes: %u entries, %u keys", st.centry, st.ckey);
    st = index_stats(&f, "bygrp");
    ok(st.centry == 300 && st.ckey == 3, "bygrp after deletes: %u entries, %u keys", st.centry, st.ckey);

    expect_err(JET_errSuccess, JetComputeStats(f.ses, f.tab));
    expect_err(JET_errInvalidTableId, JetComputeStats(f.ses, (JET_TABLEID)0x777));
    expect_err(JET_errInvalidSesid, JetComputeStats(JET_sesidNil, f.tab));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    expect_err(JET_errSuccess, JetTerm(f.inst));
}

TEST(stats_object_info)
{
    struct fixture f;
    JET_OBJECTINFO oi;
    uint32_t rec, pages;

    setup(&f, "obj", 200);
    memset(&oi, 0xcc, sizeof(oi));
    expect_err(JET_errSuccess, JetGetTableInfoA(f.ses, f.tab, &oi, sizeof(oi), JET_TblInfo));
    ok(oi.cRecord == 200 && oi.cPage >= 1, "JET_TblInfo: %lu records, %lu pages", (unsigned long)oi.cRecord,
       (unsigned long)oi.cPage);
    memset(&oi, 0xcc, sizeof(oi));
    expect_err(JET_errSuccess, JetGetObjectInfoA(f.ses, f.db, JET_objtypTable, NULL, "t", &oi, sizeof(oi), JET_ObjInfo));
    ok(oi.cRecord == 200 && oi.cPage >= 1, "JET_ObjInfo: %lu records, %lu pages", (unsigned long)oi.cRecord,
       (unsigned long)oi.cPage);
    memset(&oi, 0xcc, sizeof(oi));
    expect_err(JET_errSuccess,
               JetGetObjectInfoA(f.ses, f.db, JET_objtypTable, NULL, "t", &oi, sizeof(oi), JET_ObjInfoNoStats));
    ok(oi.cRecord == 0 && oi.cPage == 0, "JET_ObjInfoNoStats: %lu records, %lu pages", (unsigned long)oi.cRecord,
       (unsigned long)oi.cPage);
    memset(&oi, 0xcc, sizeof(oi));
    expect_err(JET_errSuccess, JetGetObjectInfoA(f.ses, f.db, JET_objtypTable, NULL, "e", &oi, sizeof(oi), JET_ObjInfo));
    ok(oi.cRecord == 0 && oi.cPage == 1, "empty table: %lu records, %lu pages", (unsigned long)oi.cRecord,
       (unsigned long)oi.cPage);

    object_list_stats(&f, "t", JET_ObjInfoList, &rec, &pages);
    ok(rec == 200 && pages >= 1, "JET_ObjInfoList: %u records, %u pages", rec, pages);
    object_list_stats(&f, "e", JET_ObjInfoList, &rec, &pages);
    ok(rec == 0 && pages == 1, "JET_ObjInfoList, empty table: %u records, %u pages", rec, pages);
    object_list_stats(&f, "t", JET_ObjInfoListNoStats, &rec, &pages);
    ok(rec == 0 && pages == 0, "JET_ObjInfoListNoStats: %u records, %u pages", rec, pages);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    expect_err(JET_errSuccess, JetTerm(f.inst));
}
