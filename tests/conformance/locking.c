/*
 * locking.c - files in use: a database file or a log folder that another
 * process, or another instance of this process, is using is refused.
 *
 * Another process: the test starts this program as a child
 * (`conformance.exe --child hold dir`, main.c), which initializes an
 * instance logging in dir, creates dir\held.edb and keeps both until the
 * parent makes dir\stop (it says it is ready by making dir\ready).  The
 * parent then meets the child's files: JetInit on the same log folder and
 * attaching, opening or overwriting the database give
 * JET_errFileAccessDenied ("the file is locked or in use"), and the child's
 * database is unharmed.  In one process: ESE's rules for instances that
 * share a temporary database (JET_errTempPathInUse), a system path
 * (JET_errSystemPathInUse) or a log folder (JET_errLogFilePathInUse), and
 * a database attached by another instance (JET_errDatabaseSharingViolation).
 */
#include <stdio.h>
#include <string.h>
#include <windows.h>

#include "test.h"

static int file_exists(const char *path)
{
    return GetFileAttributesA(path) != INVALID_FILE_ATTRIBUTES;
}

static void touch(const char *path)
{
    HANDLE h = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
}

/* An instance with these folders; its temporary database is tmp (a file
 * name) if not NULL, else <log><name>.tmp, and it has none when
 * max_temp is 0. */
static JET_ERR start_temp(JET_INSTANCE *inst, const char *name, const char *sys, const char *log,
                          const char *tmp, unsigned long max_temp, JET_SESID *ses)
{
    char own[MAX_PATH];
    JET_ERR err;
    *inst = 0;
    if ((err = JetCreateInstanceA(inst, name))) return err;
    snprintf(own, sizeof(own), "%s%s.tmp", log, name);
    JetSetSystemParameterA(inst, 0, JET_paramSystemPath, 0, sys);
    JetSetSystemParameterA(inst, 0, JET_paramLogFilePath, 0, log);
    JetSetSystemParameterA(inst, 0, JET_paramTempPath, 0, tmp ? tmp : own);
    JetSetSystemParameterA(inst, 0, JET_paramMaxTemporaryTables, max_temp, NULL);
    if ((err = JetInit(inst))) {
        JetTerm(*inst);
        *inst = 0;
        return err;
    }
    return JetBeginSessionA(*inst, ses, "", "");
}

static JET_ERR start(JET_INSTANCE *inst, const char *name, const char *sys, const char *log,
                     JET_SESID *ses)
{
    return start_temp(inst, name, sys, log, NULL, 64, ses);
}

int locking_child(const char *dir)
{
    char path[MAX_PATH], ready[MAX_PATH], stop[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
    int i;

    snprintf(path, sizeof(path), "%sheld.edb", dir);
    snprintf(ready, sizeof(ready), "%sready", dir);
    snprintf(stop, sizeof(stop), "%sstop", dir);
    if (start(&inst, "holder", dir, dir, &ses)) return 3;
    if (JetCreateDatabaseA(ses, path, NULL, &db, 0)) return 3;
    if (JetCreateTableA(ses, db, "kept", 0, 0, &tab)) return 3;
    if (JetCloseTable(ses, tab)) return 3;
    touch(ready);
    for (i = 0; i < 1200 && !file_exists(stop); i++) Sleep(50);
    if (JetEndSession(ses, 0) || JetTerm(inst)) return 3;
    return 0;
}

TEST(locking_other_process)
{
    char dir[MAX_PATH], other[MAX_PATH], path[MAX_PATH], flag[MAX_PATH];
    char cmd[2 * MAX_PATH], exe[MAX_PATH];
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
    DWORD code = 99;
    int i;

    snprintf(dir, sizeof(dir), "scratch-lock-held\\");
    snprintf(other, sizeof(other), "scratch-lock-other\\");
    test_clean_dir(dir);
    test_clean_dir(other);
    snprintf(path, sizeof(path), "%sheld.edb", dir);
    GetModuleFileNameA(NULL, exe, sizeof(exe));
    snprintf(cmd, sizeof(cmd), "\"%s\" --child hold %s", exe, dir);
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
        ok(0, "CreateProcess failed: %lu", (unsigned long)GetLastError());
        return;
    }
    snprintf(flag, sizeof(flag), "%sready", dir);
    for (i = 0; i < 1200 && !file_exists(flag); i++) Sleep(50);
    ok(file_exists(flag), "the child did not get ready");

    /* The child's log folder. */
    inst = 0;
    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "intruder"));
    JetSetSystemParameterA(&inst, 0, JET_paramSystemPath, 0, dir);
    JetSetSystemParameterA(&inst, 0, JET_paramLogFilePath, 0, dir);
    JetSetSystemParameterA(&inst, 0, JET_paramTempPath, 0, other);
    expect_err(JET_errFileAccessDenied, JetInit(&inst));
    JetTerm(inst);

    /* The child's database, from an instance of our own. */
    expect_err(JET_errSuccess, start(&inst, "visitor", other, other, &ses));
    expect_err(JET_errFileAccessDenied, JetAttachDatabaseA(ses, path, 0));
    expect_err(JET_errFileAccessDenied, JetAttachDatabaseA(ses, path, JET_bitDbReadOnly));
    expect_err(JET_errFileAccessDenied, JetCreateDatabaseA(ses, path, NULL, &db, JET_bitDbOverwriteExisting));
    expect_err(JET_errDatabaseNotFound, JetOpenDatabaseA(ses, path, NULL, &db, 0));

    /* Released when the child ends; its database is intact. */
    snprintf(flag, sizeof(flag), "%sstop", dir);
    touch(flag);
    WaitForSingleObject(pi.hProcess, 60000);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    ok(code == 0, "the child ended with %lu", (unsigned long)code);
    expect_err(JET_errSuccess, JetAttachDatabaseA(ses, path, 0));
    expect_err(JET_errSuccess, JetOpenDatabaseA(ses, path, NULL, &db, 0));
    expect_err(JET_errSuccess, JetOpenTableA(ses, db, "kept", NULL, 0, 0, &tab));
    expect_err(JET_errSuccess, JetCloseTable(ses, tab));
    expect_err(JET_errSuccess, JetCloseDatabase(ses, db, 0));
    expect_err(JET_errSuccess, JetEndSession(ses, 0));
    expect_err(JET_errSuccess, JetTerm(inst));
}

TEST(locking_same_process)
{
    const char *one = "scratch-lock-one\\", *two = "scratch-lock-two\\";
    char path[MAX_PATH];
    JET_INSTANCE a, b;
    JET_SESID sa, sb;
    JET_DBID db;

    test_clean_dir(one);
    test_clean_dir(two);
    snprintf(path, sizeof(path), "%sshared.edb", one);
    expect_err(JET_errSuccess, start(&a, "first", one, one, &sa));
    expect_err(JET_errSuccess, JetCreateDatabaseA(sa, path, NULL, &db, 0));
    expect_err(JET_errSuccess, JetCloseDatabase(sa, db, 0));

    /* The same system path, or the same log folder. */
    expect_err(JET_errSystemPathInUse, start(&b, "second", one, one, &sb));
    expect_err(JET_errSystemPathInUse, start(&b, "second", one, two, &sb));
    expect_err(JET_errLogFilePathInUse, start(&b, "second", two, one, &sb));
    expect_err(JET_errLogFilePathInUse, start(&b, "second", two, "scratch-lock-ONE", &sb));

    /* The same temporary database: JET_errTempPathInUse, checked before
     * the folders (ESE's order); the path compared in full, in any case.
     * Fine when either instance has no temporary database. */
    snprintf(path, sizeof(path), "%sfirst.tmp", one);
    expect_err(JET_errTempPathInUse, start_temp(&b, "second", two, two, path, 64, &sb));
    expect_err(JET_errTempPathInUse, start_temp(&b, "second", one, one, "scratch-lock-ONE\\FIRST.TMP", 64, &sb));
    expect_err(JET_errSuccess, start_temp(&b, "second", two, two, path, 0, &sb));
    expect_err(JET_errSuccess, JetEndSession(sb, 0));
    expect_err(JET_errSuccess, JetTerm(b));
    snprintf(path, sizeof(path), "%sshared.edb", one);

    /* Separate folders: fine, but not the first one's database. */
    expect_err(JET_errSuccess, start(&b, "second", two, two, &sb));
    expect_err(JET_errDatabaseSharingViolation, JetAttachDatabaseA(sb, path, 0));
    expect_err(JET_errDatabaseSharingViolation, JetCreateDatabaseA(sb, path, NULL, &db, JET_bitDbOverwriteExisting));
    /* Until the first lets go of it. */
    expect_err(JET_errSuccess, JetDetachDatabaseA(sa, path));
    expect_err(JET_errSuccess, JetAttachDatabaseA(sb, path, 0));
    expect_err(JET_errSuccess, JetEndSession(sb, 0));
    expect_err(JET_errSuccess, JetTerm(b));
    expect_err(JET_errSuccess, JetEndSession(sa, 0));
    expect_err(JET_errSuccess, JetTerm(a));
}
