/*
 * sortcheck.c - JetAttachDatabase and Unicode indexes (dlls/esent/sortcheck.c),
 * and JET_paramAlternateDatabaseRecoveryPath (recovery without it, the
 * database moved: JET_errAttachedDatabaseMismatch).
 *
 * Within the DLL every Unicode index is made by the running sort, so these
 * tests check the grbits and parameters that must not disturb up-to-date
 * indexes: JET_bitDbDeleteUnicodeIndexes (deletes them all; not with
 * JET_bitDbReadOnly), JET_bitDbDeleteCorruptIndexes (nothing to delete),
 * JET_IndexCheckingDeferToOpenTable.  Indexes made by another sort (the
 * native build's) are tested by the interop suite (tools/interop-run.sh).
 */
#include <stdio.h>
#include <string.h>
#include <windows.h>

#include "test.h"

struct sc {
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
};

static void sc_start(struct sc *f, const char *name, const char *altdir)
{
    f->inst = 0;
    expect_err(JET_errSuccess, JetCreateInstanceA(&f->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    if (altdir)
        expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil,
                                                          JET_paramAlternateDatabaseRecoveryPath, 0, altdir));
}

static void sc_begin(struct sc *f)
{
    expect_err(JET_errSuccess, JetInit(&f->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->ses, "", ""));
}

/* Table "t": u (Unicode text) with index "byu", a (ASCII text) with "bya",
 * n (Long); three rows.  Table "p": primary index over Unicode text. */
static void make_db(struct sc *f)
{
    static const WCHAR names[3][6] = {{'p', 'e', 'a', 'r', 0}, {0xe9, 't', 0xe9, 0}, {'A', 'p', 'p', 'l', 'e', 0}};
    JET_DBID db;
    JET_TABLEID t;
    JET_COLUMNDEF def;
    JET_COLUMNID u, a, n, pu;
    long i;

    expect_err(JET_errSuccess, JetCreateDatabaseA(f->ses, f->path, NULL, &db, 0));
    expect_err(JET_errSuccess, JetCreateTableA(f->ses, db, "t", 0, 0, &t));
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypText;
    def.cp = 1200;
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, t, "u", &def, NULL, 0, &u));
    def.cp = 1252;
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, t, "a", &def, NULL, 0, &a));
    def.coltyp = JET_coltypLong;
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, t, "n", &def, NULL, 0, &n));
    expect_err(JET_errSuccess, JetCreateIndexA(f->ses, t, "byu", 0, "+u\0", 4, 0));
    expect_err(JET_errSuccess, JetCreateIndexA(f->ses, t, "bya", 0, "+a\0", 4, 0));
    for (i = 0; i < 3; i++) {
        expect_err(JET_errSuccess, JetPrepareUpdate(f->ses, t, JET_prepInsert));
        expect_err(JET_errSuccess, JetSetColumn(f->ses, t, u, names[i], (unsigned long)(wcslen(names[i]) * 2), 0, NULL));
        expect_err(JET_errSuccess, JetSetColumn(f->ses, t, a, "x", 1, 0, NULL));
        expect_err(JET_errSuccess, JetSetColumn(f->ses, t, n, &i, 4, 0, NULL));
        expect_err(JET_errSuccess, JetUpdate(f->ses, t, NULL, 0, NULL));
    }
    expect_err(JET_errSuccess, JetCloseTable(f->ses, t));
    expect_err(JET_errSuccess, JetCreateTableA(f->ses, db, "p", 0, 0, &t));
    def.coltyp = JET_coltypText;
    def.cp = 1200;
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, t, "pu", &def, NULL, 0, &pu));
    expect_err(JET_errSuccess, JetCreateIndexA(f->ses, t, "pk", JET_bitIndexPrimary, "+pu\0", 5, 0));
    expect_err(JET_errSuccess, JetCloseTable(f->ses, t));
    expect_err(JET_errSuccess, JetCloseDatabase(f->ses, db, 0));
    expect_err(JET_errSuccess, JetDetachDatabaseA(f->ses, f->path));
}

static long count(struct sc *f, JET_TABLEID t)
{
    long n = 0;
    JET_ERR e;
    for (e = JetMove(f->ses, t, JET_MoveFirst, 0); e >= 0; e = JetMove(f->ses, t, JET_MoveNext, 0)) n++;
    ok(e == JET_errNoCurrentRecord, "JetMove: %ld", (long)e);
    return n;
}

TEST(attach_unicode_index_checks)
{
    struct sc f;
    JET_DBID db;
    JET_TABLEID t;

    memset(&f, 0, sizeof(f));
    snprintf(f.dir, sizeof(f.dir), "scratch-sortcheck\\");
    test_clean_dir(f.dir);
    snprintf(f.path, sizeof(f.path), "%ssort.edb", f.dir);
    sc_start(&f, "sortcheck", NULL);
    sc_begin(&f);
    make_db(&f);

    /* Deleting is no read-only attach; nothing stays attached. */
    expect_err(JET_errInvalidGrbit,
               JetAttachDatabaseA(f.ses, f.path, JET_bitDbReadOnly | JET_bitDbDeleteUnicodeIndexes));
    expect_err(JET_errInvalidGrbit,
               JetAttachDatabase2A(f.ses, f.path, 0, JET_bitDbReadOnly | JET_bitDbDeleteUnicodeIndexes));
    expect_err(JET_errDatabaseNotFound, JetOpenDatabaseA(f.ses, f.path, NULL, &db, 0));

    /* Indexes of the running sort are up to date, whatever the checking. */
    expect_err(JET_errSuccess, JetAttachDatabaseA(f.ses, f.path, 0));
    expect_err(JET_errSuccess, JetDetachDatabaseA(f.ses, f.path));
    expect_err(JET_errSuccess, JetAttachDatabaseA(f.ses, f.path, JET_bitDbReadOnly | JET_bitDbDeleteCorruptIndexes));
    expect_err(JET_errSuccess, JetDetachDatabaseA(f.ses, f.path));
    expect_err(JET_errSuccess, JetAttachDatabaseA(f.ses, f.path, JET_bitDbDeleteCorruptIndexes));
    expect_err(JET_errSuccess, JetOpenDatabaseA(f.ses, f.path, NULL, &db, 0));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, db, "t", NULL, 0, 0, &t));
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, t, "byu"));
    ok(count(&f, t) == 3, "rows through byu");
    expect_err(JET_errSuccess, JetCloseTable(f.ses, t));
    expect_err(JET_errSuccess, JetCloseDatabase(f.ses, db, 0));
    expect_err(JET_errSuccess, JetDetachDatabaseA(f.ses, f.path));

    expect_err(JET_errSuccess, JetSetSystemParameterA(&f.inst, JET_sesidNil, JET_paramEnableIndexChecking,
                                                      JET_IndexCheckingDeferToOpenTable, NULL));
    expect_err(JET_errSuccess, JetAttachDatabaseA(f.ses, f.path, 0));
    expect_err(JET_errSuccess, JetOpenDatabaseA(f.ses, f.path, NULL, &db, 0));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, db, "t", NULL, 0, 0, &t));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, t));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, db, "p", NULL, 0, 0, &t));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, t));
    expect_err(JET_errSuccess, JetCloseDatabase(f.ses, db, 0));
    expect_err(JET_errSuccess, JetDetachDatabaseA(f.ses, f.path));

    /* JET_bitDbDeleteUnicodeIndexes: every secondary index over Unicode
     * text goes, whatever the checking; the others and the rows stay, and
     * a primary index over Unicode text stays. */
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f.inst, JET_sesidNil, JET_paramEnableIndexChecking,
                                                      JET_IndexCheckingOff, NULL));
    expect_err(JET_errSuccess, JetAttachDatabaseA(f.ses, f.path, JET_bitDbDeleteUnicodeIndexes));
    expect_err(JET_errSuccess, JetOpenDatabaseA(f.ses, f.path, NULL, &db, 0));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, db, "t", NULL, 0, 0, &t));
    expect_err(JET_errIndexNotFound, JetSetCurrentIndexA(f.ses, t, "byu"));
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, t, "bya"));
    ok(count(&f, t) == 3, "rows through bya");
    /* Made again, it is up to date. */
    expect_err(JET_errSuccess, JetCreateIndexA(f.ses, t, "byu", 0, "+u\0", 4, 0));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, t));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, db, "p", NULL, 0, 0, &t));
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, t, "pk"));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, t));
    expect_err(JET_errSuccess, JetCloseDatabase(f.ses, db, 0));
    expect_err(JET_errSuccess, JetDetachDatabaseA(f.ses, f.path));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f.inst, JET_sesidNil, JET_paramEnableIndexChecking,
                                                      JET_IndexCheckingOn, NULL));
    expect_err(JET_errSuccess, JetAttachDatabaseA(f.ses, f.path, 0));
    expect_err(JET_errSuccess, JetDetachDatabaseA(f.ses, f.path));
    expect_err(JET_errSuccess, JetEndSession(f.ses, 0));
    expect_err(JET_errSuccess, JetTerm(f.inst));
}

/* Logs whose database moved: recovery finds it in
 * JET_paramAlternateDatabaseRecoveryPath, by its file name.  The logs come
 * from crash.c's child "open_nested" (100 durable commits in crash.edb,
 * then TerminateProcess), so recovery has work to do. */
TEST(recovery_alternate_database_path)
{
    struct sc f;
    char moved[MAX_PATH], newpath[MAX_PATH], cmd[3 * MAX_PATH], exe[MAX_PATH];
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    DWORD code = 0;
    JET_DBID db;
    JET_TABLEID t;
    JET_ERR err;

    memset(&f, 0, sizeof(f));
    snprintf(f.dir, sizeof(f.dir), "scratch-altrecovery\\");
    snprintf(moved, sizeof(moved), "scratch-altrecovery-moved\\");
    test_clean_dir(f.dir);
    test_clean_dir(moved);
    snprintf(f.path, sizeof(f.path), "%scrash.edb", f.dir);
    snprintf(newpath, sizeof(newpath), "%scrash.edb", moved);
    GetModuleFileNameA(NULL, exe, sizeof(exe));
    snprintf(cmd, sizeof(cmd), "\"%s\" --child open_nested %s", exe, f.dir);
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
        ok(0, "CreateProcess failed: %lu", (unsigned long)GetLastError());
        return;
    }
    WaitForSingleObject(pi.hProcess, 120000);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    ok(code == 9, "child ended with %lu, not at its crash point", (unsigned long)code);
    ok(MoveFileA(f.path, newpath), "MoveFile: %lu", GetLastError());

    /* Without the parameter recovery cannot find the database. */
    sc_start(&f, "altrecovery", NULL);
    expect_err(JET_errAttachedDatabaseMismatch, err = JetInit(&f.inst));
    JetTerm(f.inst);

    sc_start(&f, "altrecovery", moved);
    sc_begin(&f);
    expect_err(JET_errSuccess, JetAttachDatabaseA(f.ses, newpath, 0));
    expect_err(JET_errSuccess, JetOpenDatabaseA(f.ses, newpath, NULL, &db, 0));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, db, "t", NULL, 0, 0, &t));
    ok(count(&f, t) == 100, "rows after recovery");
    expect_err(JET_errSuccess, JetCloseTable(f.ses, t));
    expect_err(JET_errSuccess, JetCloseDatabase(f.ses, db, 0));
    expect_err(JET_errSuccess, JetEndSession(f.ses, 0));
    expect_err(JET_errSuccess, JetTerm(f.inst));
}
