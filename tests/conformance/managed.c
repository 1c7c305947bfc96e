/*
 * managed.c - behaviours that ManagedEsent's test suite (run on Mono against
 * the native twin, tools/managedesent/) showed us getting wrong, each pinned
 * here in our own words as the call sequence a .NET client makes.
 */
#include <stdlib.h>
#include <string.h>
#include <windows.h>

#include "test.h"

struct menv {
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
};

static void menv_start(struct menv *e, const char *name)
{
    memset(e, 0, sizeof(*e));
    snprintf(e->dir, sizeof(e->dir), "scratch-managed-%s\\", name);
    test_clean_dir(e->dir);
    snprintf(e->path, sizeof(e->path), "%stest.edb", e->dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&e->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&e->inst, JET_sesidNil, JET_paramRecovery, 0, "off"));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&e->inst, JET_sesidNil, JET_paramSystemPath, 0, e->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&e->inst, JET_sesidNil, JET_paramLogFilePath, 0, e->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&e->inst, JET_sesidNil, JET_paramTempPath, 0, e->dir));
    expect_err(JET_errSuccess, JetInit(&e->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(e->inst, &e->ses, "", ""));
    expect_err(JET_errSuccess, JetCreateDatabaseA(e->ses, e->path, NULL, &e->db, 0));
}

static void menv_end(struct menv *e)
{
    expect_err(JET_errSuccess, JetEndSession(e->ses, 0));
    expect_err(JET_errSuccess, JetTerm(e->inst));
}

/* A table with key Long and an autoincrement Long, made in one call. */
static JET_TABLEID autoinc_table(struct menv *e, const char *name, JET_COLUMNID *key, JET_COLUMNID *ai)
{
    static char primary[] = "+key\0";
    JET_COLUMNCREATE_A cols[2];
    JET_INDEXCREATE_A idx;
    JET_TABLECREATE2_A tc;
    JET_COLUMNDEF def;

    memset(cols, 0, sizeof(cols));
    cols[0].cbStruct = cols[1].cbStruct = sizeof(cols[0]);
    cols[0].szColumnName = (char *)"key";
    cols[0].coltyp = JET_coltypLong;
    cols[1].szColumnName = (char *)"ai";
    cols[1].coltyp = JET_coltypLong;
    cols[1].grbit = JET_bitColumnAutoincrement;
    memset(&idx, 0, sizeof(idx));
    idx.cbStruct = sizeof(idx);
    idx.szIndexName = (char *)"primary";
    idx.szKey = primary;
    idx.cbKey = sizeof(primary);
    idx.grbit = JET_bitIndexPrimary;
    memset(&tc, 0, sizeof(tc));
    tc.cbStruct = sizeof(tc);
    tc.szTableName = (char *)name;
    tc.rgcolumncreate = cols;
    tc.cColumns = 2;
    tc.rgindexcreate = &idx;
    tc.cIndexes = 1;
    expect_err(JET_errSuccess, JetCreateTableColumnIndex2A(e->ses, e->db, &tc));
    ok(tc.cCreated == 4, "cCreated %lu", (unsigned long)tc.cCreated);
    def.cbStruct = sizeof(def);
    expect_err(JET_errSuccess, JetGetTableColumnInfoA(e->ses, tc.tableid, "key", &def, sizeof(def), JET_ColInfo));
    *key = def.columnid;
    expect_err(JET_errSuccess, JetGetTableColumnInfoA(e->ses, tc.tableid, "ai", &def, sizeof(def), JET_ColInfo));
    *ai = def.columnid;
    return tc.tableid;
}

static long insert_key(struct menv *e, JET_TABLEID t, JET_COLUMNID key, JET_COLUMNID ai, long k)
{
    long v = -1;
    unsigned long cb = 0;
    expect_err(JET_errSuccess, JetPrepareUpdate(e->ses, t, JET_prepInsert));
    expect_err(JET_errSuccess, JetSetColumn(e->ses, t, key, &k, sizeof(k), 0, NULL));
    expect_err(JET_errSuccess, JetRetrieveColumn(e->ses, t, ai, &v, sizeof(v), &cb, JET_bitRetrieveCopy, NULL));
    expect_err(JET_errSuccess, JetUpdate(e->ses, t, NULL, 0, NULL));
    return v;
}

/* DMLCurrencyTests and others create their table, autoincrement column
 * included, inside the transaction that then inserts into it: the counter
 * must be read and advanced through that transaction, which alone sees the
 * new table. */
TEST(managed_autoinc_in_creating_transaction)
{
    struct menv e;
    JET_TABLEID t;
    JET_COLUMNID key, ai;
    long v;

    menv_start(&e, "autoinc");
    expect_err(JET_errSuccess, JetBeginTransaction(e.ses));
    t = autoinc_table(&e, "t", &key, &ai);
    v = insert_key(&e, t, key, ai, 10);
    ok(v == 1, "first value %ld", v);
    v = insert_key(&e, t, key, ai, 20);
    ok(v == 2, "second value %ld", v);
    expect_err(JET_errSuccess, JetCommitTransaction(e.ses, 0));
    v = insert_key(&e, t, key, ai, 30);
    ok(v == 3, "after the commit %ld", v);
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));

    /* Rolled back: the table and its counter are gone together. */
    expect_err(JET_errSuccess, JetBeginTransaction(e.ses));
    t = autoinc_table(&e, "u", &key, &ai);
    v = insert_key(&e, t, key, ai, 1);
    ok(v == 1, "value in u %ld", v);
    expect_err(JET_errSuccess, JetRollback(e.ses, 0));
    expect_err(JET_errObjectNotFound, JetOpenTableA(e.ses, e.db, "u", NULL, 0, 0, &t));
    menv_end(&e);
}

/* ManagedEsent's PrereadRangesTests and string tests store 1,500-byte
 * values with JET_bitSetIntrinsicLV: since Windows 7 ESE keeps a long value
 * of any size that fits the record in it (the old 1,024-byte limit of the
 * documentation is gone); a value no record can hold is
 * JET_errColumnTooBig. */
TEST(managed_intrinsic_lv_larger_than_1024)
{
    static char big[40000];
    struct menv e;
    JET_TABLEID t;
    JET_COLUMNDEF def;
    JET_COLUMNID key, lv;
    char got[2000];
    unsigned long cb = 0;
    long k = 1;

    memset(big, 'i', sizeof(big));
    menv_start(&e, "intrinsic");
    expect_err(JET_errSuccess, JetCreateTableA(e.ses, e.db, "t", 0, 0, &t));
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLong;
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "key", &def, NULL, 0, &key));
    def.coltyp = JET_coltypLongBinary;
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "lv", &def, NULL, 0, &lv));
    expect_err(JET_errSuccess, JetCreateIndexA(e.ses, t, "primary", JET_bitIndexPrimary, "+key\0", 6, 100));

    expect_err(JET_errSuccess, JetPrepareUpdate(e.ses, t, JET_prepInsert));
    expect_err(JET_errSuccess, JetSetColumn(e.ses, t, key, &k, sizeof(k), 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(e.ses, t, lv, big, 1500, JET_bitSetIntrinsicLV, NULL));
    expect_err(JET_errColumnTooBig, JetSetColumn(e.ses, t, lv, big, sizeof(big), JET_bitSetIntrinsicLV, NULL));
    expect_err(JET_errSuccess, JetUpdate(e.ses, t, NULL, 0, NULL));
    expect_err(JET_errSuccess, JetMove(e.ses, t, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetRetrieveColumn(e.ses, t, lv, got, sizeof(got), &cb, 0, NULL));
    ok(cb == 1500 && !memcmp(got, big, 1500), "cb %lu", cb);
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    menv_end(&e);
}

/* BasicTableTests.ReplaceAndRollback: a table created inside a transaction
 * that commits stays open through a later transaction's rollback (only
 * cursors opened inside the rolled-back level close), and after the
 * rollback the cursor reads the record as it was, not the copy it read
 * while the replace was visible. */
TEST(managed_cursor_survives_later_rollback)
{
    struct menv e;
    JET_TABLEID t;
    JET_COLUMNDEF def;
    JET_COLUMNID c;
    char bm[64], out[16];
    JET_ULONG_ cbm = 0, cb = 0;

    menv_start(&e, "rollback");
    expect_err(JET_errSuccess, JetBeginTransaction(e.ses));
    expect_err(JET_errSuccess, JetCreateTableA(e.ses, e.db, "t", 0, 100, &t));
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLongText;
    def.cp = 1252;
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "c", &def, NULL, 0, &c));
    expect_err(JET_errSuccess, JetCommitTransaction(e.ses, 0));

    expect_err(JET_errSuccess, JetBeginTransaction(e.ses));
    expect_err(JET_errSuccess, JetPrepareUpdate(e.ses, t, JET_prepInsert));
    expect_err(JET_errSuccess, JetSetColumn(e.ses, t, c, "before", 6, 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(e.ses, t, bm, sizeof(bm), &cbm));
    expect_err(JET_errSuccess, JetGotoBookmark(e.ses, t, bm, cbm));
    expect_err(JET_errSuccess, JetCommitTransaction(e.ses, JET_bitCommitLazyFlush));

    expect_err(JET_errSuccess, JetBeginTransaction(e.ses));
    expect_err(JET_errSuccess, JetPrepareUpdate(e.ses, t, JET_prepReplace));
    expect_err(JET_errSuccess, JetSetColumn(e.ses, t, c, "after!!", 7, 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(e.ses, t, NULL, 0, NULL));
    expect_err(JET_errSuccess, JetRetrieveColumn(e.ses, t, c, out, sizeof(out), &cb, 0, NULL));
    ok(cb == 7, "inside the transaction cb %lu", (unsigned long)cb);
    expect_err(JET_errSuccess, JetRollback(e.ses, 0));

    expect_err(JET_errSuccess, JetRetrieveColumn(e.ses, t, c, out, sizeof(out), &cb, 0, NULL));
    ok(cb == 6 && !memcmp(out, "before", 6), "after the rollback cb %lu", (unsigned long)cb);
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));

    /* A cursor opened inside the rolled-back level is closed by it. */
    expect_err(JET_errSuccess, JetBeginTransaction(e.ses));
    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.db, "t", NULL, 0, 0, &t));
    expect_err(JET_errSuccess, JetRollback(e.ses, 0));
    expect_err(JET_errInvalidTableId, JetCloseTable(e.ses, t));
    menv_end(&e);
}

/* ManagedEsent's path tests set JET_paramCreatePathIfNotExist and point the
 * log, system and temp paths and the database into folders that do not
 * exist yet: every missing folder is made.  Without the parameter a
 * missing log folder is JET_errInvalidPath. */
TEST(managed_create_path_if_not_exist)
{
    char run[MAX_PATH], p[MAX_PATH];
    JET_INSTANCE inst = 0;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID t;
    DWORD attr;

    /* A new folder each run: the folders of earlier runs stay. */
    test_clean_dir("scratch-managed-mkdirs\\");
    snprintf(run, sizeof(run), "scratch-managed-mkdirs\\%lx-%lx", (unsigned long)GetCurrentProcessId(),
             (unsigned long)GetTickCount());
    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "mkdirs-off"));
    snprintf(p, sizeof(p), "%s\\none\\log\\", run);
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramLogFilePath, 0, p));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramSystemPath, 0, p));
    expect_err(JET_errInvalidPath, JetInit(&inst));
    JetTerm(inst);

    inst = 0;
    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "mkdirs"));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramCreatePathIfNotExist, 1, NULL));
    snprintf(p, sizeof(p), "%s\\a\\log\\", run);
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramLogFilePath, 0, p));
    snprintf(p, sizeof(p), "%s\\a\\system", run);
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramSystemPath, 0, p));
    snprintf(p, sizeof(p), "%s\\b\\temp\\", run);
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramTempPath, 0, p));
    expect_err(JET_errSuccess, JetInit(&inst));
    snprintf(p, sizeof(p), "%s\\a\\log\\edb.log", run);
    attr = GetFileAttributesA(p);
    ok(attr != INVALID_FILE_ATTRIBUTES, "no edb.log in the new log folder");
    snprintf(p, sizeof(p), "%s\\a\\system", run);
    attr = GetFileAttributesA(p);
    ok(attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_DIRECTORY), "system folder not made");
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &ses, "", ""));
    snprintf(p, sizeof(p), "%s\\c\\d\\test.edb", run);
    expect_err(JET_errSuccess, JetCreateDatabaseA(ses, p, NULL, &db, 0));
    attr = GetFileAttributesA(p);
    ok(attr != INVALID_FILE_ATTRIBUTES, "database not made");
    /* the temporary database goes into its new folder on first need */
    expect_err(JET_errSuccess, JetOpenTempTable(ses, NULL, 0, 0, &t, NULL));
    expect_err(JET_errSuccess, JetCloseTable(ses, t));
    snprintf(p, sizeof(p), "%s\\b\\temp", run);
    attr = GetFileAttributesA(p);
    ok(attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_DIRECTORY), "temp folder not made");
    expect_err(JET_errSuccess, JetEndSession(ses, 0));
    expect_err(JET_errSuccess, JetTerm(inst));
}

/* JetIdle (ManagedEsent's JetIdleTests): nothing is ever left for it to
 * do; JET_bitIdleStatus reports the version store's state. */
TEST(managed_idle)
{
    struct menv e;

    menv_start(&e, "idle");
    expect_err(JET_wrnNoIdleActivity, JetIdle(e.ses, 0));
    expect_err(JET_wrnNoIdleActivity, JetIdle(e.ses, JET_bitIdleCompact));
    expect_err(JET_errSuccess, JetIdle(e.ses, JET_bitIdleStatus));
    expect_err(JET_errInvalidGrbit, JetIdle(e.ses, JET_bitIdleFlushBuffers));
    expect_err(JET_errInvalidGrbit, JetIdle(e.ses, 0x100));
    expect_err(JET_errInvalidSesid, JetIdle(0, 0));
    menv_end(&e);
}

/* JetGetThreadStats fills in JET_THREADSTATS (or the larger
 * JET_THREADSTATS2 when the buffer holds it); a buffer smaller than the
 * first is JET_errBufferTooSmall. */
TEST(managed_thread_stats)
{
    JET_THREADSTATS ts;
    JET_THREADSTATS2 ts2;

    memset(&ts, 0xcc, sizeof(ts));
    expect_err(JET_errSuccess, JetGetThreadStats(&ts, sizeof(ts)));
    ok(ts.cbStruct == sizeof(JET_THREADSTATS), "cbStruct %lu", (unsigned long)ts.cbStruct);
    ok(ts.cPageReferenced != 0xccccccccu, "counts not written");
    memset(&ts2, 0xcc, sizeof(ts2));
    expect_err(JET_errSuccess, JetGetThreadStats(&ts2, sizeof(ts2)));
    ok(ts2.cbStruct == sizeof(JET_THREADSTATS2), "cbStruct %lu", (unsigned long)ts2.cbStruct);
    ok(ts2.cPageCacheMiss != 0xccccccccu, "JET_THREADSTATS2 counts not written");
    expect_err(JET_errBufferTooSmall, JetGetThreadStats(&ts, sizeof(ts) - 1));
}

/* An allocator that, as .NET's Marshal.ReAllocHGlobal on Mono, cannot
 * free through realloc: it counts the frees it is asked for. */
static void *JET_API no_free_realloc(void *ctx, void *pv, JET_ULONG_ cb)
{
    if (!cb) {
        (*(long *)ctx)++;
        free(pv);
        return NULL;
    }
    return realloc(pv, cb);
}

/* ManagedEsent's EnumerateColumnTests: a successful JetEnumerateColumns
 * only allocates what it returns; the caller's allocator is never asked to
 * free (compressed single values, presence-only and all-NULL columns are
 * decided before any value array is allocated). */
TEST(managed_enumerate_never_frees_on_success)
{
    struct menv e;
    JET_TABLEID t;
    JET_COLUMNDEF def;
    JET_COLUMNID one, multi, empty;
    JET_ENUMCOLUMNID ids[3];
    JET_ENUMCOLUMN *cols = NULL;
    JET_ULONG_ n = 0, i, j;
    JET_SETINFO si;
    long frees = 0, v = 7;

    menv_start(&e, "enumfree");
    expect_err(JET_errSuccess, JetCreateTableA(e.ses, e.db, "t", 0, 0, &t));
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLong;
    def.grbit = JET_bitColumnTagged | JET_bitColumnMultiValued;
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "one", &def, NULL, 0, &one));
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "multi", &def, NULL, 0, &multi));
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "empty", &def, NULL, 0, &empty));
    expect_err(JET_errSuccess, JetPrepareUpdate(e.ses, t, JET_prepInsert));
    expect_err(JET_errSuccess, JetSetColumn(e.ses, t, one, &v, sizeof(v), 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(e.ses, t, multi, &v, sizeof(v), 0, NULL));
    memset(&si, 0, sizeof(si));
    si.cbStruct = sizeof(si);
    si.itagSequence = 2;
    expect_err(JET_errSuccess, JetSetColumn(e.ses, t, multi, &v, sizeof(v), 0, &si));
    expect_err(JET_errSuccess, JetUpdate(e.ses, t, NULL, 0, NULL));
    expect_err(JET_errSuccess, JetMove(e.ses, t, JET_MoveFirst, 0));

    memset(ids, 0, sizeof(ids));
    ids[0].columnid = one;
    ids[1].columnid = multi;
    ids[2].columnid = empty;
    expect_err(JET_errSuccess, JetEnumerateColumns(e.ses, t, 3, ids, &n, &cols, no_free_realloc, &frees, 0,
                                                   JET_bitEnumerateCompressOutput));
    ok(frees == 0, "%ld frees asked for during the call", frees);
    ok(n == 3, "%lu columns", (unsigned long)n);
    if (n == 3) {
        ok(cols[0].err == JET_wrnColumnSingleValue && cols[0].cbData == 4, "one: err %ld", (long)cols[0].err);
        ok(cols[1].err == JET_errSuccess && cols[1].cEnumColumnValue == 2, "multi: err %ld, %lu values",
           (long)cols[1].err, (unsigned long)cols[1].cEnumColumnValue);
        ok(cols[2].err == JET_wrnColumnNull && !cols[2].rgEnumColumnValue, "empty: err %ld", (long)cols[2].err);
    }
    for (i = 0; i < n; i++) {
        if (cols[i].err == JET_wrnColumnSingleValue) {
            free(cols[i].pvData);
            continue;
        }
        for (j = 0; j < cols[i].cEnumColumnValue; j++) free(cols[i].rgEnumColumnValue[j].pvData);
        free(cols[i].rgEnumColumnValue);
    }
    free(cols);

    frees = 0;
    expect_err(JET_errSuccess, JetEnumerateColumns(e.ses, t, 0, NULL, &n, &cols, no_free_realloc, &frees, 0,
                                                   JET_bitEnumeratePresenceOnly));
    ok(frees == 0, "presence only: %ld frees", frees);
    for (i = 0; i < n; i++) ok(cols[i].err == JET_wrnColumnPresent && !cols[i].rgEnumColumnValue, "err %ld", (long)cols[i].err);
    free(cols);
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    menv_end(&e);
}

/* NavigationTests.GetIndexRecordCount: JetOpenTable leaves the cursor
 * with a deferred move to the first record, which the first call that
 * needs a position makes: JetIndexRecordCount counts the whole index, a
 * retrieve reads the first record, JetMove(JET_MoveNext) lands on the
 * second; on an empty table the count is 0. */
TEST(managed_open_table_defers_move_first)
{
    struct menv e;
    JET_TABLEID t;
    JET_COLUMNID key, ai;
    JET_ULONG_ n = 99, cb = 0;
    long k = 0;

    menv_start(&e, "openfirst");
    t = autoinc_table(&e, "t", &key, &ai);
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.db, "t", NULL, 0, 0, &t));
    expect_err(JET_errSuccess, JetIndexRecordCount(e.ses, t, &n, 0));
    ok(n == 0, "empty table: %lu", (unsigned long)n);
    insert_key(&e, t, key, ai, 10);
    insert_key(&e, t, key, ai, 20);
    insert_key(&e, t, key, ai, 30);
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));

    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.db, "t", NULL, 0, 0, &t));
    expect_err(JET_errSuccess, JetIndexRecordCount(e.ses, t, &n, 0));
    ok(n == 3, "count after open: %lu", (unsigned long)n);
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));

    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.db, "t", NULL, 0, 0, &t));
    expect_err(JET_errSuccess, JetRetrieveColumn(e.ses, t, key, &k, sizeof(k), &cb, 0, NULL));
    ok(k == 10, "retrieve after open: %ld", k);
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));

    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.db, "t", NULL, 0, 0, &t));
    expect_err(JET_errSuccess, JetMove(e.ses, t, JET_MoveNext, 0));
    expect_err(JET_errSuccess, JetRetrieveColumn(e.ses, t, key, &k, sizeof(k), &cb, 0, NULL));
    ok(k == 20, "JetMove(Next) after open: %ld", k);
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    menv_end(&e);
}

/* JetConfigureProcessForCrashDump (Windows 7; ManagedEsent's InitTermTests
 * call it): options are checked, no options or unknown bits are
 * JET_errInvalidGrbit. */
TEST(managed_configure_crash_dump)
{
    expect_err(JET_errSuccess, JetConfigureProcessForCrashDump(JET_bitDumpMaximum));
    expect_err(JET_errSuccess, JetConfigureProcessForCrashDump(JET_bitDumpMinimum | JET_bitDumpCacheIncludeDirtyPages));
    expect_err(JET_errInvalidGrbit, JetConfigureProcessForCrashDump(0));
    expect_err(JET_errInvalidGrbit, JetConfigureProcessForCrashDump(0x100));
}

/* ColumnInfoTests: a template table made with JetCreateTableColumnIndex3
 * (grbit after szCallback and cbtyp in the 2..4 layouts, not where the
 * first JET_TABLECREATE has it) is a template: a derived table can
 * inherit from it, in the same transaction too. */
TEST(managed_template_from_tablecreate3)
{
    static char key[] = "+k\0";
    struct menv e;
    JET_COLUMNCREATE_A col;
    JET_INDEXCREATE2_A idx;
    JET_TABLECREATE3_A tc;
    JET_TABLECREATE2_A child;

    menv_start(&e, "tc3template");
    memset(&col, 0, sizeof(col));
    col.cbStruct = sizeof(col);
    col.szColumnName = (char *)"k";
    col.coltyp = JET_coltypLong;
    memset(&idx, 0, sizeof(idx));
    idx.cbStruct = sizeof(idx);
    idx.szIndexName = (char *)"primary";
    idx.szKey = key;
    idx.cbKey = sizeof(key);
    idx.grbit = JET_bitIndexPrimary;
    memset(&tc, 0, sizeof(tc));
    tc.cbStruct = sizeof(tc);
    tc.szTableName = (char *)"base";
    tc.rgcolumncreate = &col;
    tc.cColumns = 1;
    tc.rgindexcreate = &idx;
    tc.cIndexes = 1;
    tc.grbit = JET_bitTableCreateTemplateTable;
    expect_err(JET_errSuccess, JetBeginTransaction(e.ses));
    expect_err(JET_errSuccess, JetCreateTableColumnIndex3A(e.ses, e.db, &tc));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, tc.tableid));
    memset(&child, 0, sizeof(child));
    child.cbStruct = sizeof(child);
    child.szTableName = (char *)"child";
    child.szTemplateTableName = (char *)"base";
    expect_err(JET_errSuccess, JetCreateTableColumnIndex2A(e.ses, e.db, &child));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, child.tableid));
    expect_err(JET_errSuccess, JetCommitTransaction(e.ses, 0));
    menv_end(&e);
}

/* DmlCurrencyTests.JetPrepareUpdateFlagsReplaceNoLock: a cursor that
 * stays on a record across transactions reads it again in each new one:
 * after another session's commit, the next transaction sees the new
 * values, not the copy the cursor read before. */
TEST(managed_cursor_reads_new_snapshot)
{
    struct menv e;
    JET_SESID ses2;
    JET_DBID db2;
    JET_TABLEID t, t2;
    JET_COLUMNID key, ai, data;
    JET_COLUMNDEF def;
    long k = 10, v = 100, got = 0;
    JET_ULONG_ cb = 0;

    menv_start(&e, "snapshot");
    t = autoinc_table(&e, "t", &key, &ai);
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLong;
    expect_err(JET_errSuccess, JetAddColumnA(e.ses, t, "data", &def, NULL, 0, &data));
    expect_err(JET_errSuccess, JetPrepareUpdate(e.ses, t, JET_prepInsert));
    expect_err(JET_errSuccess, JetSetColumn(e.ses, t, key, &k, sizeof(k), 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(e.ses, t, data, &v, sizeof(v), 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(e.ses, t, NULL, 0, NULL));
    /* the creator's cursor holds the table exclusively: open it again */
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    expect_err(JET_errSuccess, JetOpenTableA(e.ses, e.db, "t", NULL, 0, 0, &t));

    expect_err(JET_errSuccess, JetBeginTransaction(e.ses));
    expect_err(JET_errSuccess, JetMove(e.ses, t, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetRetrieveColumn(e.ses, t, data, &got, sizeof(got), &cb, 0, NULL));
    ok(got == 100, "first read %ld", got);

    expect_err(JET_errSuccess, JetBeginSessionA(e.inst, &ses2, "", ""));
    expect_err(JET_errSuccess, JetOpenDatabaseA(ses2, e.path, NULL, &db2, 0));
    expect_err(JET_errSuccess, JetOpenTableA(ses2, db2, "t", NULL, 0, 0, &t2));
    expect_err(JET_errSuccess, JetBeginTransaction(ses2));
    expect_err(JET_errSuccess, JetMove(ses2, t2, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetPrepareUpdate(ses2, t2, JET_prepReplace));
    v = 300;
    expect_err(JET_errSuccess, JetSetColumn(ses2, t2, data, &v, sizeof(v), 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(ses2, t2, NULL, 0, NULL));
    expect_err(JET_errSuccess, JetCommitTransaction(ses2, 0));

    /* still the old snapshot inside the first transaction */
    expect_err(JET_errSuccess, JetRetrieveColumn(e.ses, t, data, &got, sizeof(got), &cb, 0, NULL));
    ok(got == 100, "same transaction %ld", got);
    expect_err(JET_errSuccess, JetCommitTransaction(e.ses, 0));
    expect_err(JET_errSuccess, JetBeginTransaction(e.ses));
    expect_err(JET_errSuccess, JetRetrieveColumn(e.ses, t, data, &got, sizeof(got), &cb, 0, NULL));
    ok(got == 300, "new transaction %ld", got);
    expect_err(JET_errSuccess, JetCommitTransaction(e.ses, 0));

    expect_err(JET_errSuccess, JetCloseTable(ses2, t2));
    expect_err(JET_errSuccess, JetEndSession(ses2, 0));
    expect_err(JET_errSuccess, JetCloseTable(e.ses, t));
    menv_end(&e);
}
