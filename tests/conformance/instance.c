/*
 * instance.c - instances, sessions and system parameters: JetCreateInstance,
 * JetInit, JetTerm, the legacy single-instance mode, JetBeginSession,
 * JetEndSession, JetDupSession, JetGetVersion, JetSetSystemParameter and
 * JetGetSystemParameter, with their documented errors.
 */
#include <string.h>
#include <windows.h>

#include "test.h"

/* A fresh folder under the current one, with a trailing backslash. */
static const char *scratch_dir(const char *name)
{
    static char path[MAX_PATH];
    char cmd[MAX_PATH + 32];
    snprintf(path, sizeof(path), "scratch-%s\\", name);
    snprintf(cmd, sizeof(cmd), "scratch-%s", name);
    /* Empty it from an earlier run: delete the files we may have made. */
    {
        WIN32_FIND_DATAA fd;
        char pattern[MAX_PATH + 8], file[2 * MAX_PATH];
        HANDLE h;
        snprintf(pattern, sizeof(pattern), "%s*", path);
        if ((h = FindFirstFileA(pattern, &fd)) != INVALID_HANDLE_VALUE) {
            do {
                snprintf(file, sizeof(file), "%s%s", path, fd.cFileName);
                DeleteFileA(file);
            } while (FindNextFileA(h, &fd));
            FindClose(h);
        }
    }
    CreateDirectoryA(cmd, NULL);
    return path;
}

static int file_exists(const char *dir, const char *name)
{
    char path[2 * MAX_PATH];
    snprintf(path, sizeof(path), "%s%s", dir, name);
    return GetFileAttributesA(path) != INVALID_FILE_ATTRIBUTES;
}

/* Points an instance's files at dir. */
static void set_paths(JET_INSTANCE *inst, const char *dir)
{
    expect_err(JET_errSuccess, JetSetSystemParameterA(inst, JET_sesidNil, JET_paramSystemPath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(inst, JET_sesidNil, JET_paramLogFilePath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(inst, JET_sesidNil, JET_paramTempPath, 0, dir));
}

TEST(instance_create_errors)
{
    JET_INSTANCE a = 0, b = 0;

    expect_err(JET_errInvalidParameter, JetCreateInstanceA(NULL, "noptr"));
    expect_err(JET_errSuccess, JetCreateInstanceA(&a, "dup"));
    ok(a != 0 && a != JET_instanceNil, "instance handle %p", (void *)a);
    expect_err(JET_errInstanceNameInUse, JetCreateInstanceA(&b, "dup"));
    expect_err(JET_errInstanceNameInUse, JetCreateInstanceW(&b, L"dup"));
    expect_err(JET_errInvalidGrbit, JetCreateInstance2A(&b, "other", "display", 0x1));
    /* JetTerm destroys an instance that was never initialized. */
    expect_err(JET_errSuccess, JetTerm(a));
    /* ...after which its name is free again. */
    expect_err(JET_errSuccess, JetCreateInstance2W(&b, L"dup", L"display", 0));
    expect_err(JET_errSuccess, JetTerm(b));
}

TEST(instance_init_term_and_files)
{
    const char *dir = scratch_dir("init");
    JET_INSTANCE inst = 0;
    JET_SESID s1 = 0, s2 = 0;
    JET_ULONG_ version = 0;

    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "init"));
    set_paths(&inst, dir);
    expect_err(JET_errNotInitialized, JetBeginSessionA(inst, &s1, "", ""));
    expect_err(JET_errSuccess, JetInit(&inst));
    expect_err(JET_errAlreadyInitialized, JetInit(&inst));
    /* ESENT's files, with ESENT's names. */
    ok(file_exists(dir, "edb.log"), "edb.log missing in %s", dir);
    ok(file_exists(dir, "edb.chk"), "edb.chk missing in %s", dir);
    ok(file_exists(dir, "edbres00001.jrs"), "edbres00001.jrs missing");
    ok(file_exists(dir, "edbres00002.jrs"), "edbres00002.jrs missing");

    expect_err(JET_errInvalidParameter, JetBeginSessionA(inst, NULL, "", ""));
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &s1, "", ""));
    expect_err(JET_errSuccess, JetBeginSessionW(inst, &s2, L"", L""));
    ok(s1 != s2 && s1 && s2 != JET_sesidNil, "sessions %p %p", (void *)s1, (void *)s2);

    expect_err(JET_errSuccess, JetGetVersion(s1, &version));
    ok(((version >> 8) & 0xffff) >= 7600, "version 0x%lx", (unsigned long)version);
    expect_err(JET_errInvalidParameter, JetGetVersion(s1, NULL));

    expect_err(JET_errSuccess, JetEndSession(s2, 0));
    expect_err(JET_errInvalidSesid, JetEndSession(s2, 0));
    expect_err(JET_errInvalidSesid, JetEndSession((JET_SESID)0x12345, 0));
    expect_err(JET_errInvalidSesid, JetEndSession(JET_sesidNil, 0));
    /* A session handle is not an instance handle and vice versa. */
    expect_err(JET_errInvalidSesid, JetEndSession((JET_SESID)inst, 0));

    expect_err(JET_errSuccess, JetDupSession(s1, &s2));
    expect_err(JET_errSuccess, JetEndSession(s2, 0));
    expect_err(JET_errInvalidParameter, JetDupSession(s1, NULL));
    expect_err(JET_errInvalidSesid, JetDupSession(s2, &s2));

    /* JetTerm ends the sessions left open. */
    expect_err(JET_errSuccess, JetTerm(inst));
    expect_err(JET_errInvalidSesid, JetEndSession(s1, 0));
}

TEST(instance_reinit_after_term)
{
    const char *dir = scratch_dir("reinit");
    JET_INSTANCE inst = 0;
    int round;

    /* A clean shutdown followed by a restart on the same files. */
    for (round = 0; round < 3; round++) {
        expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "reinit"));
        set_paths(&inst, dir);
        expect_err(JET_errSuccess, JetInit2(&inst, 0));
        expect_err(JET_errSuccess, JetTerm2(inst, JET_bitTermComplete));
    }
    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "reinit"));
    expect_err(JET_errInvalidGrbit, JetTerm2(inst, 0x80000000));
    expect_err(JET_errSuccess, JetTerm(inst));
}

TEST(instance_max_sessions)
{
    const char *dir = scratch_dir("maxsess");
    JET_INSTANCE inst = 0;
    JET_SESID s[3];
    JET_API_PTR value = 0;

    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "maxsess"));
    set_paths(&inst, dir);
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramMaxSessions, 2, NULL));
    expect_err(JET_errSuccess, JetGetSystemParameterA(inst, JET_sesidNil, JET_paramMaxSessions, &value, NULL, 0));
    ok(value == 2, "MaxSessions read back %lu", (unsigned long)value);
    expect_err(JET_errSuccess, JetInit(&inst));
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &s[0], "", ""));
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &s[1], "", ""));
    expect_err(JET_errOutOfSessions, JetBeginSessionA(inst, &s[2], "", ""));
    expect_err(JET_errSuccess, JetEndSession(s[1], 0));
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &s[2], "", ""));
    expect_err(JET_errSuccess, JetTerm(inst));
}

TEST(instance_parameters)
{
    const char *dir = scratch_dir("params");
    JET_INSTANCE inst = 0;
    JET_API_PTR value = 0;
    char buf[MAX_PATH];
    WCHAR wbuf[MAX_PATH];

    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "params"));
    /* Documented defaults read back. */
    expect_err(JET_errSuccess, JetGetSystemParameterA(inst, JET_sesidNil, JET_paramLogFileSize, &value, NULL, 0));
    ok(value == 5120, "LogFileSize default %lu", (unsigned long)value);
    expect_err(JET_errSuccess, JetGetSystemParameterA(inst, JET_sesidNil, JET_paramBaseName, NULL, buf, sizeof(buf)));
    ok(!strcmp(buf, "edb"), "BaseName default %s", buf);
    expect_err(JET_errSuccess, JetGetSystemParameterW(inst, JET_sesidNil, JET_paramBaseName, NULL, wbuf, sizeof(wbuf)));
    ok(!wcscmp(wbuf, L"edb"), "BaseName (W) default");
    expect_err(JET_errBufferTooSmall, JetGetSystemParameterA(inst, JET_sesidNil, JET_paramBaseName, NULL, buf, 2));
    /* Round trips and refusals. */
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramBaseName, 0, "abc"));
    expect_err(JET_errSuccess, JetGetSystemParameterA(inst, JET_sesidNil, JET_paramBaseName, NULL, buf, sizeof(buf)));
    ok(!strcmp(buf, "abc"), "BaseName read back %s", buf);
    expect_err(JET_errInvalidParameter, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramBaseName, 0, "toolong"));
    expect_err(JET_errInvalidParameter, JetSetSystemParameterA(&inst, JET_sesidNil, 99999, 0, NULL));
    expect_err(JET_errInvalidParameter, JetGetSystemParameterA(inst, JET_sesidNil, JET_paramMaxSessions, NULL, NULL, 0));
    set_paths(&inst, dir);
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramLogFileSize, 256, NULL));
    expect_err(JET_errSuccess, JetInit(&inst));
    /* The base name is used for the files. */
    ok(file_exists(dir, "abc.log"), "abc.log missing");
    ok(file_exists(dir, "abc.chk"), "abc.chk missing");
    /* Some parameters are fixed once the instance runs. */
    expect_err(JET_errAlreadyInitialized, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramLogFileSize, 512, NULL));
    expect_err(JET_errAlreadyInitialized, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramBaseName, 0, "xyz"));
    expect_err(JET_errSuccess, JetTerm(inst));
    /* Bad instance handles. */
    expect_err(JET_errInvalidInstance, JetGetSystemParameterA((JET_INSTANCE)0x4242, JET_sesidNil, JET_paramMaxSessions, &value, NULL, 0));
}

TEST(instance_recovery_off)
{
    const char *dir = scratch_dir("norecov");
    JET_INSTANCE inst = 0;

    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "norecov"));
    set_paths(&inst, dir);
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramRecovery, 0, "off"));
    expect_err(JET_errSuccess, JetInit(&inst));
    ok(!file_exists(dir, "edb.log"), "edb.log made with recovery off");
    ok(!file_exists(dir, "edb.chk"), "edb.chk made with recovery off");
    expect_err(JET_errSuccess, JetTerm(inst));
}

TEST(instance_legacy_mode)
{
    const char *dir = scratch_dir("legacy");
    JET_INSTANCE inst = 0, other = 0;
    JET_SESID ses = 0;

    /* Parameters on the NULL instance, then JetInit of a zero handle. */
    expect_err(JET_errSuccess, JetSetSystemParameterA(NULL, JET_sesidNil, JET_paramSystemPath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(NULL, JET_sesidNil, JET_paramLogFilePath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(NULL, JET_sesidNil, JET_paramTempPath, 0, dir));
    expect_err(JET_errSuccess, JetInit(&inst));
    ok(inst != 0, "JetInit gave no instance");
    ok(file_exists(dir, "edb.log"), "legacy instance ignored the NULL-instance paths");
    expect_err(JET_errRunningInOneInstanceMode, JetCreateInstanceA(&other, "multi"));
    expect_err(JET_errAlreadyInitialized, JetInit(NULL));
    /* Sessions on the zero instance use the legacy one. */
    expect_err(JET_errSuccess, JetBeginSessionA(0, &ses, "", ""));
    expect_err(JET_errSuccess, JetEndSession(ses, 0));
    expect_err(JET_errSuccess, JetTerm(inst));

    /* Back to no mode: multi-instance works again, and then legacy
     * JetInit is refused while it runs. */
    expect_err(JET_errSuccess, JetCreateInstanceA(&other, "multi"));
    inst = 0;
    expect_err(JET_errRunningInMultiInstanceMode, JetInit(&inst));
    expect_err(JET_errSuccess, JetTerm(other));
}

/* JetInit again on the handle of an instance that JetTerm ended: with no
 * instance left the mode is unset, and ESE takes the handle as a bogus
 * one - a new (single-mode) instance, given back through the pointer. */
TEST(instance_init_stale_handle)
{
    const char *dir = scratch_dir("stale");
    JET_INSTANCE inst = 0, old, other = 0;

    expect_err(JET_errSuccess, JetSetSystemParameterA(NULL, JET_sesidNil, JET_paramSystemPath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(NULL, JET_sesidNil, JET_paramLogFilePath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(NULL, JET_sesidNil, JET_paramTempPath, 0, dir));
    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "stale"));
    set_paths(&inst, dir);
    expect_err(JET_errSuccess, JetInit(&inst));
    expect_err(JET_errSuccess, JetTerm(inst));
    old = inst;
    expect_err(JET_errSuccess, JetInit(&inst));
    ok(inst != 0 && inst != JET_instanceNil, "no instance given back");
    /* It is the single instance now. */
    expect_err(JET_errRunningInOneInstanceMode, JetCreateInstanceA(&other, "stale2"));
    expect_err(JET_errAlreadyInitialized, JetInit(&old));
    expect_err(JET_errSuccess, JetTerm(inst));
    /* While another instance lives, a stale handle is an invalid one. */
    expect_err(JET_errSuccess, JetCreateInstanceA(&other, "stale3"));
    expect_err(JET_errInvalidParameter, JetInit(&old));
    expect_err(JET_errSuccess, JetTerm(other));
}

TEST(instance_stop_service)
{
    const char *dir = scratch_dir("stop");
    JET_INSTANCE inst = 0;
    JET_SESID ses = 0, ses2 = 0;

    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "stop"));
    set_paths(&inst, dir);
    expect_err(JET_errNotInitialized, JetStopServiceInstance(inst));
    expect_err(JET_errSuccess, JetInit(&inst));
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &ses, "", ""));
    expect_err(JET_errSuccess, JetStopServiceInstance(inst));
    expect_err(JET_errClientRequestToStopJetService, JetBeginSessionA(inst, &ses2, "", ""));
    expect_err(JET_errClientRequestToStopJetService, JetDupSession(ses, &ses2));
    /* Ending sessions and terminating still work. */
    expect_err(JET_errSuccess, JetEndSession(ses, 0));
    expect_err(JET_errSuccess, JetTerm(inst));
}

/* What another thread gets when it uses a session. */
struct other_call {
    JET_SESID ses;
    JET_ERR set, reset, dup;
};

static DWORD WINAPI other_thread(void *arg)
{
    struct other_call *c = arg;
    JET_SESID dup = 0;
    c->set = JetSetSessionContext(c->ses, 0x5678);
    c->reset = JetResetSessionContext(c->ses);
    c->dup = JetDupSession(c->ses, &dup);
    if (!c->dup) JetEndSession(dup, 0);
    return 0;
}

static struct other_call call_from_other_thread(JET_SESID ses)
{
    struct other_call c;
    HANDLE h;
    memset(&c, 0, sizeof(c));
    c.ses = ses;
    h = CreateThread(NULL, 0, other_thread, &c, 0, NULL);
    WaitForSingleObject(h, INFINITE);
    CloseHandle(h);
    return c;
}

TEST(instance_session_context)
{
    const char *dir = scratch_dir("context");
    JET_INSTANCE inst = 0;
    JET_SESID ses = 0;
    struct other_call c;

    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "context"));
    set_paths(&inst, dir);
    expect_err(JET_errSuccess, JetInit(&inst));
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &ses, "", ""));
    expect_err(JET_errInvalidParameter, JetSetSessionContext(ses, 0));
    expect_err(JET_errInvalidParameter, JetSetSessionContext(ses, (JET_API_PTR)-1));
    expect_err(JET_errSessionContextNotSetByThisThread, JetResetSessionContext(ses));
    expect_err(JET_errSuccess, JetSetSessionContext(ses, 0x1234));
    expect_err(JET_errSessionContextAlreadySet, JetSetSessionContext(ses, 0x1234));
    /* While this thread holds the context, the session is its own. */
    c = call_from_other_thread(ses);
    ok(c.set == JET_errSessionContextAlreadySet, "other thread set: %ld", (long)c.set);
    ok(c.reset == JET_errSessionContextNotSetByThisThread, "other thread reset: %ld", (long)c.reset);
    ok(c.dup == JET_errSessionSharingViolation, "other thread dup: %ld", (long)c.dup);
    expect_err(JET_errSuccess, JetResetSessionContext(ses));
    /* Released: another thread may take it, and then only it. */
    c = call_from_other_thread(ses);
    ok(c.set == JET_errSuccess, "other thread set after reset: %ld", (long)c.set);
    ok(c.reset == JET_errSuccess, "other thread reset its own: %ld", (long)c.reset);
    ok(c.dup == JET_errSuccess, "other thread dup: %ld", (long)c.dup);
    expect_err(JET_errInvalidSesid, JetSetSessionContext(JET_sesidNil, 0x1234));
    expect_err(JET_errSuccess, JetEndSession(ses, 0));
    expect_err(JET_errSuccess, JetTerm(inst));
}

TEST(instance_get_instance_info)
{
    const char *dir = scratch_dir("info");
    char path[MAX_PATH];
    JET_INSTANCE inst = 0, idle = 0;
    JET_SESID ses = 0;
    JET_DBID dbid = 0;
    JET_ULONG_ count = 99, i;
    JET_INSTANCE_INFO_A *info = NULL;
    JET_INSTANCE_INFO_W *winfo = NULL;
    int found = 0;

    snprintf(path, sizeof(path), "%sinfo.edb", dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "info-instance"));
    expect_err(JET_errSuccess, JetCreateInstanceA(&idle, "never-initialized"));
    set_paths(&inst, dir);
    expect_err(JET_errSuccess, JetInit(&inst));
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &ses, "", ""));
    expect_err(JET_errSuccess, JetCreateDatabaseA(ses, path, NULL, &dbid, 0));
    expect_err(JET_errInvalidParameter, JetGetInstanceInfoA(NULL, &info));
    expect_err(JET_errInvalidParameter, JetGetInstanceInfoA(&count, NULL));

    expect_err(JET_errSuccess, JetGetInstanceInfoA(&count, &info));
    /* Only running instances are listed. */
    ok(count == 1, "%lu instances listed", (unsigned long)count);
    for (i = 0; i < count && info; i++) {
        if (info[i].hInstanceId != inst) continue;
        found = 1;
        ok(info[i].szInstanceName && !strcmp(info[i].szInstanceName, "info-instance"), "name %s",
           info[i].szInstanceName ? info[i].szInstanceName : "(null)");
        ok(info[i].cDatabases == 1, "%lu databases", (unsigned long)info[i].cDatabases);
        if (info[i].cDatabases == 1)
            ok(strstr(info[i].szDatabaseFileName[0], "info.edb") != NULL, "database %s", info[i].szDatabaseFileName[0]);
    }
    ok(found, "the running instance is not listed");
    expect_err(JET_errSuccess, JetFreeBuffer((char *)info));

    expect_err(JET_errSuccess, JetGetInstanceInfoW(&count, &winfo));
    ok(count == 1 && winfo && winfo[0].szInstanceName && !wcscmp(winfo[0].szInstanceName, L"info-instance"),
       "wide instance info");
    expect_err(JET_errSuccess, JetFreeBuffer((char *)winfo));
    expect_err(JET_errSuccess, JetFreeBuffer(NULL));
    expect_err(JET_errSuccess, JetTerm(inst));
    expect_err(JET_errSuccess, JetTerm(idle));
}

/* Runs last in this file: it leaves the process in multi-instance mode. */
TEST(instance_enable_multi_instance)
{
    JET_SETSYSPARAM_A params[2];
    JET_ULONG_ nset = 99;
    JET_INSTANCE inst = 0;
    JET_API_PTR value = 0;

    memset(params, 0, sizeof(params));
    params[0].paramid = JET_paramMaxSessions;
    params[0].lParam = 7;
    params[0].err = 12345;
    params[1].paramid = JET_paramBaseName;
    params[1].sz = "toolong"; /* refused: a base name has 3 characters */
    params[1].err = 12345;
    expect_err(JET_errInvalidParameter, JetEnableMultiInstanceA(NULL, 1, &nset));
    expect_err(JET_errInvalidParameter, JetEnableMultiInstanceA(params, 2, &nset));
    ok(nset == 1, "%lu parameters set", (unsigned long)nset);
    ok(params[0].err == JET_errSuccess, "param 0 err %ld", (long)params[0].err);
    ok(params[1].err == JET_errInvalidParameter, "param 1 err %ld", (long)params[1].err);
    /* New instances take the values as defaults. */
    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "multi-defaults"));
    expect_err(JET_errSuccess, JetGetSystemParameterA(inst, JET_sesidNil, JET_paramMaxSessions, &value, NULL, 0));
    ok(value == 7, "MaxSessions %lu", (unsigned long)value);
    expect_err(JET_errSystemParamsAlreadySet, JetEnableMultiInstanceA(params, 1, &nset));
    expect_err(JET_errSuccess, JetTerm(inst));
    /* Put the default back for whatever runs next. */
    expect_err(JET_errSuccess, JetSetSystemParameterA(NULL, JET_sesidNil, JET_paramMaxSessions, 16, NULL));
}

TEST(instance_error_to_string)
{
    JET_API_PTR code = (JET_API_PTR)(LONG_PTR)JET_errKeyDuplicate;
    char buf[256];
    WCHAR wbuf[256];

    memset(buf, 0, sizeof(buf));
    expect_err(JET_errSuccess, JetGetSystemParameterA(0, 0, JET_paramErrorToString, &code, buf, sizeof(buf)));
    ok(!strncmp(buf, "JET_errKeyDuplicate,", 20), "got %s", buf);
    code = 0;
    expect_err(JET_errSuccess, JetGetSystemParameterA(0, 0, JET_paramErrorToString, &code, buf, sizeof(buf)));
    ok(!strncmp(buf, "JET_errSuccess,", 15), "got %s", buf);
    code = (JET_API_PTR)(LONG_PTR)JET_wrnColumnNull;
    expect_err(JET_errSuccess, JetGetSystemParameterW(0, 0, JET_paramErrorToString, &code, wbuf, sizeof(wbuf)));
    ok(!wcsncmp(wbuf, L"JET_wrnColumnNull,", 18), "got %ls", wbuf);
    code = 123456;
    expect_err(JET_errSuccess, JetGetSystemParameterA(0, 0, JET_paramErrorToString, &code, buf, sizeof(buf)));
    ok(!strcmp(buf, "Unknown Error,Unknown Error"), "got %s", buf);
    expect_err(JET_errBufferTooSmall, JetGetSystemParameterA(0, 0, JET_paramErrorToString, &code, buf, 4));
    expect_err(JET_errInvalidParameter, JetGetSystemParameterA(0, 0, JET_paramErrorToString, NULL, buf, sizeof(buf)));
    /* Read-only. */
    ok(JetSetSystemParameterA(NULL, 0, JET_paramErrorToString, 0, "x") < 0, "ErrorToString cannot be set");
}
