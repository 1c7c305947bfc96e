/*
 * database.c - database files: JetCreateDatabase, JetAttachDatabase,
 * JetOpenDatabase, JetCloseDatabase, JetDetachDatabase, their errors, and
 * that a database survives JetTerm / JetInit.
 */
#include <string.h>
#include <windows.h>

#include "test.h"

/* An initialized instance whose files live in a fresh folder. */
static JET_INSTANCE start(const char *name, char *dir, size_t dirlen)
{
    JET_INSTANCE inst = 0;
    char pattern[MAX_PATH + 8], file[2 * MAX_PATH];
    WIN32_FIND_DATAA fd;
    HANDLE h;

    snprintf(dir, dirlen, "scratch-db-%s\\", name);
    CreateDirectoryA(dir, NULL);
    snprintf(pattern, sizeof(pattern), "%s*", dir);
    if ((h = FindFirstFileA(pattern, &fd)) != INVALID_HANDLE_VALUE) {
        do {
            snprintf(file, sizeof(file), "%s%s", dir, fd.cFileName);
            DeleteFileA(file);
        } while (FindNextFileA(h, &fd));
        FindClose(h);
    }
    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramSystemPath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramLogFilePath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramTempPath, 0, dir));
    expect_err(JET_errSuccess, JetInit(&inst));
    return inst;
}

TEST(database_create_open_close_detach)
{
    char dir[MAX_PATH], path[MAX_PATH], other[MAX_PATH];
    JET_INSTANCE inst = start("cocd", dir, sizeof(dir));
    JET_SESID ses = 0, ses2 = 0;
    JET_DBID dbid = 0, dbid2 = 0;

    snprintf(path, sizeof(path), "%stest.edb", dir);
    snprintf(other, sizeof(other), ".\\%stest.edb", dir); /* another spelling of the same file */
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &ses, "", ""));
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &ses2, "", ""));

    expect_err(JET_errInvalidParameter, JetCreateDatabaseA(ses, path, NULL, NULL, 0));
    expect_err(JET_errDatabaseInvalidPath, JetCreateDatabaseA(ses, NULL, NULL, &dbid, 0));
    expect_err(JET_errDatabaseInvalidPath, JetCreateDatabaseA(ses, "", NULL, &dbid, 0));
    expect_err(JET_errInvalidGrbit, JetCreateDatabaseA(ses, path, NULL, &dbid, 0x80000000));
    expect_err(JET_errInvalidSesid, JetCreateDatabaseA(JET_sesidNil, path, NULL, &dbid, 0));

    expect_err(JET_errSuccess, JetCreateDatabaseA(ses, path, NULL, &dbid, 0));
    ok(dbid != 0 && dbid != JET_dbidNil, "dbid %lu", (unsigned long)dbid);
    ok(GetFileAttributesA(path) != INVALID_FILE_ATTRIBUTES, "%s not created", path);
    /* Already there: attached again is a warning, created again an error. */
    expect_err(JET_wrnDatabaseAttached, JetAttachDatabaseA(ses, path, 0));
    expect_err(JET_wrnDatabaseAttached, JetAttachDatabaseA(ses2, other, 0));
    expect_err(JET_errDatabaseDuplicate, JetCreateDatabaseA(ses, path, NULL, &dbid2, 0));

    /* Every session sees the same id; an open database cannot be detached. */
    expect_err(JET_errSuccess, JetOpenDatabaseA(ses2, other, NULL, &dbid2, 0));
    ok(dbid2 == dbid, "dbid %lu vs %lu", (unsigned long)dbid2, (unsigned long)dbid);
    expect_err(JET_errDatabaseInUse, JetDetachDatabaseA(ses, path));
    expect_err(JET_errSuccess, JetCloseDatabase(ses2, dbid2, 0));
    expect_err(JET_errDatabaseNotFound, JetCloseDatabase(ses2, dbid2, 0));
    expect_err(JET_errInvalidDatabaseId, JetCloseDatabase(ses2, 42, 0));
    expect_err(JET_errInvalidDatabaseId, JetCloseDatabase(ses2, JET_dbidNil, 0));
    expect_err(JET_errSuccess, JetCloseDatabase(ses, dbid, 0));
    expect_err(JET_errSuccess, JetDetachDatabaseA(ses, path));
    expect_err(JET_errDatabaseNotFound, JetDetachDatabaseA(ses, path));
    expect_err(JET_errDatabaseNotFound, JetOpenDatabaseA(ses, path, NULL, &dbid, 0));

    /* Attach and open again; then JetTerm with it still open. */
    expect_err(JET_errSuccess, JetAttachDatabaseA(ses, path, 0));
    expect_err(JET_errSuccess, JetOpenDatabaseA(ses, path, NULL, &dbid, 0));
    expect_err(JET_errSuccess, JetTerm(inst));

    /* After a restart the file attaches cleanly. */
    inst = 0;
    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "cocd"));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramSystemPath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramLogFilePath, 0, dir));
    expect_err(JET_errSuccess, JetInit(&inst));
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &ses, "", ""));
    expect_err(JET_errSuccess, JetAttachDatabaseA(ses, path, 0));
    expect_err(JET_errSuccess, JetOpenDatabaseA(ses, path, NULL, &dbid, 0));
    expect_err(JET_errSuccess, JetCloseDatabase(ses, dbid, 0));
    expect_err(JET_errSuccess, JetDetachDatabaseA(ses, NULL)); /* NULL: all of them */
    expect_err(JET_errDatabaseNotFound, JetOpenDatabaseA(ses, path, NULL, &dbid, 0));
    expect_err(JET_errSuccess, JetTerm(inst));
}

TEST(database_errors_on_files)
{
    char dir[MAX_PATH], path[MAX_PATH], junk[MAX_PATH];
    JET_INSTANCE inst = start("files", dir, sizeof(dir));
    JET_SESID ses = 0;
    JET_DBID dbid = 0;
    HANDLE h;
    DWORD put;
    char bytes[8192];

    snprintf(path, sizeof(path), "%smissing.edb", dir);
    snprintf(junk, sizeof(junk), "%sjunk.edb", dir);
    memset(bytes, 0x5a, sizeof(bytes));
    h = CreateFileA(junk, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(h, bytes, sizeof(bytes), &put, NULL);
    CloseHandle(h);

    expect_err(JET_errSuccess, JetBeginSessionA(inst, &ses, "", ""));
    expect_err(JET_errFileNotFound, JetAttachDatabaseA(ses, path, 0));
    ok(JetAttachDatabaseA(ses, junk, 0) < 0, "a file of junk attached");
    expect_err(JET_errInvalidGrbit, JetAttachDatabaseA(ses, path, 0x80000000));
    expect_err(JET_errInvalidGrbit, JetOpenDatabaseA(ses, path, NULL, &dbid, 0x80000000));
    expect_err(JET_errInvalidParameter, JetOpenDatabaseA(ses, path, NULL, NULL, 0));
    /* Overwrite replaces an existing file. */
    expect_err(JET_errSuccess, JetCreateDatabaseA(ses, junk, NULL, &dbid, JET_bitDbOverwriteExisting));
    expect_err(JET_errSuccess, JetCloseDatabase(ses, dbid, 0));
    expect_err(JET_errSuccess, JetDetachDatabaseA(ses, junk));
    expect_err(JET_errSuccess, JetAttachDatabaseA(ses, junk, 0));
    expect_err(JET_errSuccess, JetTerm(inst));
}

TEST(database_exclusive_and_wide)
{
    char dir[MAX_PATH];
    WCHAR wpath[MAX_PATH];
    JET_INSTANCE inst = start("excl", dir, sizeof(dir));
    JET_SESID a = 0, b = 0;
    JET_DBID da = 0, db = 0;

    MultiByteToWideChar(CP_ACP, 0, dir, -1, wpath, MAX_PATH);
    wcscat(wpath, L"wide-\x00e9t\x00e9.edb"); /* a non-ASCII name */
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &a, "", ""));
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &b, "", ""));
    expect_err(JET_errSuccess, JetCreateDatabaseW(a, wpath, NULL, &da, 0));
    ok(GetFileAttributesW(wpath) != INVALID_FILE_ATTRIBUTES, "wide-named file not created");
    expect_err(JET_errSuccess, JetCloseDatabase(a, da, 0));
    expect_err(JET_errSuccess, JetOpenDatabaseW(a, wpath, NULL, &da, JET_bitDbExclusive));
    expect_err(JET_errDatabaseLocked, JetOpenDatabaseW(b, wpath, NULL, &db, 0));
    expect_err(JET_errSuccess, JetCloseDatabase(a, da, 0));
    expect_err(JET_errSuccess, JetOpenDatabaseW(b, wpath, NULL, &db, 0));
    expect_err(JET_errDatabaseInUse, JetOpenDatabaseW(a, wpath, NULL, &da, JET_bitDbExclusive));
    /* Ending a session closes what it had open. */
    expect_err(JET_errSuccess, JetEndSession(b, 0));
    expect_err(JET_errSuccess, JetDetachDatabaseW(a, wpath));
    expect_err(JET_errSuccess, JetTerm(inst));
}

TEST(database_too_many_attached)
{
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst = start("many", dir, sizeof(dir));
    JET_SESID ses = 0;
    JET_DBID dbid;
    int i;

    expect_err(JET_errSuccess, JetBeginSessionA(inst, &ses, "", ""));
    for (i = 0; i < 6; i++) {
        snprintf(path, sizeof(path), "%sdb%d.edb", dir, i);
        expect_err(JET_errSuccess, JetCreateDatabaseA(ses, path, NULL, &dbid, 0));
    }
    snprintf(path, sizeof(path), "%sdb6.edb", dir);
    expect_err(JET_errTooManyAttachedDatabases, JetCreateDatabaseA(ses, path, NULL, &dbid, 0));
    expect_err(JET_errSuccess, JetTerm(inst));
}

TEST(database_file_info)
{
    char dir[MAX_PATH], path[MAX_PATH], missing[MAX_PATH];
    JET_INSTANCE inst = start("info", dir, sizeof(dir));
    JET_SESID ses = 0;
    JET_DBID dbid = 0;
    JET_ULONG_ value = 0;
    unsigned __int64 size = 0;
    JET_DBINFOMISC misc;
    char big[sizeof(JET_DBINFOMISC) + 512];

    snprintf(path, sizeof(path), "%sinfo.edb", dir);
    snprintf(missing, sizeof(missing), "%snone.edb", dir);
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &ses, "", ""));
    expect_err(JET_errSuccess, JetCreateDatabaseA(ses, path, NULL, &dbid, 0));
    expect_err(JET_errSuccess, JetGetDatabaseFileInfoA(NULL, &value, sizeof(value), JET_DbInfoDBInUse));
    ok(value == 1, "DBInUse %lu with a database attached", (unsigned long)value);
    /* Read while attached, then after JetTerm from the file alone. */
    expect_err(JET_errSuccess, JetGetDatabaseFileInfoA(path, &value, sizeof(value), JET_DbInfoPageSize));
    ok(value == 4096, "page size %lu", (unsigned long)value);
    expect_err(JET_errSuccess, JetTerm(inst));

    expect_err(JET_errSuccess, JetGetDatabaseFileInfoA(NULL, &value, sizeof(value), JET_DbInfoDBInUse));
    ok(value == 0, "DBInUse %lu after JetTerm", (unsigned long)value);
    expect_err(JET_errSuccess, JetGetDatabaseFileInfoA(path, &size, sizeof(size), JET_DbInfoFilesize));
    ok(size >= 4096 && size % 4096 == 0, "file size %I64u", size);
    expect_err(JET_errSuccess, JetGetDatabaseFileInfoA(path, &misc, sizeof(misc), JET_DbInfoMisc));
    ok(misc.dbstate == JET_dbstateCleanShutdown, "dbstate %lu after JetTerm", (unsigned long)misc.dbstate);
    ok(misc.cbPageSize == 4096, "cbPageSize %lu", (unsigned long)misc.cbPageSize);
    ok(misc.signDb.logtimeCreate.bYear >= 120, "creation year %d", misc.signDb.logtimeCreate.bYear);
    memset(big, 0x55, sizeof(big));
    expect_err(JET_errSuccess, JetGetDatabaseFileInfoW(L"scratch-db-info\\info.edb", big, sizeof(big), JET_DbInfoMisc));
    /* A larger buffer gets a later JET_DBINFOMISC: the same leading fields. */
    ok(((JET_DBINFOMISC *)big)->dbstate == misc.dbstate && ((JET_DBINFOMISC *)big)->cbPageSize == 4096,
       "wide call, larger buffer: dbstate %lu", (unsigned long)((JET_DBINFOMISC *)big)->dbstate);
    expect_err(JET_errInvalidBufferSize, JetGetDatabaseFileInfoA(path, &value, 2, JET_DbInfoPageSize));
    expect_err(JET_errInvalidBufferSize, JetGetDatabaseFileInfoA(path, &misc, sizeof(misc) - 1, JET_DbInfoMisc));
    expect_err(JET_errInvalidParameter, JetGetDatabaseFileInfoA(path, NULL, 4, JET_DbInfoPageSize));
    expect_err(JET_errFileNotFound, JetGetDatabaseFileInfoA(missing, &value, sizeof(value), JET_DbInfoPageSize));
}
