/*
 * localstorage.c - JetSetLS / JetGetLS (a value on a cursor or its table,
 * the runtime callback that frees a cursor's value) and
 * JetGetInstanceMiscInfo (the log signature).
 */
#include <string.h>
#include <windows.h>

#include "test.h"

static int freed_calls;
static JET_LS freed_value;
static JET_CBTYP freed_type;

static JET_ERR JET_API runtime_cb(JET_SESID sesid, JET_DBID dbid, JET_TABLEID tableid, JET_CBTYP cbtyp,
                                  void *arg1, void *arg2, void *context, JET_API_PTR unused)
{
    (void)sesid;
    (void)dbid;
    (void)tableid;
    (void)arg2;
    (void)context;
    (void)unused;
    freed_calls++;
    freed_type = cbtyp;
    freed_value = (JET_LS)arg1;
    return JET_errSuccess;
}

struct ls_fixture {
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
};

static void ls_setup(struct ls_fixture *f, const char *name, int with_callback)
{
    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "scratch-ls-%s\\", name);
    test_clean_dir(f->dir);
    snprintf(f->path, sizeof(f->path), "%stest.edb", f->dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&f->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    if (with_callback)
        expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramRuntimeCallback,
                                                          (JET_API_PTR)runtime_cb, NULL));
    expect_err(JET_errSuccess, JetInit(&f->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->ses, "", ""));
    expect_err(JET_errSuccess, JetCreateDatabaseA(f->ses, f->path, NULL, &f->db, 0));
    expect_err(JET_errSuccess, JetCreateTableA(f->ses, f->db, "t", 0, 0, &f->tab));
}

static void ls_teardown(struct ls_fixture *f)
{
    expect_err(JET_errSuccess, JetEndSession(f->ses, 0));
    expect_err(JET_errSuccess, JetTerm(f->inst));
}

TEST(ls_cursor)
{
    struct ls_fixture f;
    JET_LS got;

    ls_setup(&f, "lscursor", 1);
    got = 123;
    expect_err(JET_errLSNotSet, JetGetLS(f.ses, f.tab, &got, 0));
    expect_err(JET_errLSNotSet, JetGetLS(f.ses, f.tab, &got, JET_bitLSCursor));
    expect_err(JET_errSuccess, JetSetLS(f.ses, f.tab, (JET_LS)0x1234, 0));
    got = 0;
    expect_err(JET_errSuccess, JetGetLS(f.ses, f.tab, &got, JET_bitLSCursor));
    ok(got == (JET_LS)0x1234, "cursor value %p", (void *)got);
    /* Not replaced while set; the table's own value is separate. */
    expect_err(JET_errLSAlreadySet, JetSetLS(f.ses, f.tab, (JET_LS)0x99, JET_bitLSCursor));
    expect_err(JET_errLSNotSet, JetGetLS(f.ses, f.tab, &got, JET_bitLSTable));
    /* Get with reset returns the value and clears it. */
    got = 0;
    expect_err(JET_errSuccess, JetGetLS(f.ses, f.tab, &got, JET_bitLSReset));
    ok(got == (JET_LS)0x1234, "reset returned %p", (void *)got);
    expect_err(JET_errLSNotSet, JetGetLS(f.ses, f.tab, &got, 0));
    got = 0;
    expect_err(JET_errSuccess, JetGetLS(f.ses, f.tab, &got, JET_bitLSReset));
    ok(got == JET_LSNil, "reset of nothing returned %p", (void *)got);
    /* Set with reset clears without a callback. */
    expect_err(JET_errSuccess, JetSetLS(f.ses, f.tab, (JET_LS)0x55, 0));
    freed_calls = 0;
    expect_err(JET_errSuccess, JetSetLS(f.ses, f.tab, (JET_LS)0x77, JET_bitLSReset));
    ok(freed_calls == 0, "reset called the callback %d times", freed_calls);
    expect_err(JET_errLSNotSet, JetGetLS(f.ses, f.tab, &got, 0));
    /* Closing a cursor with a value hands it to the runtime callback. */
    expect_err(JET_errSuccess, JetSetLS(f.ses, f.tab, (JET_LS)0x4321, JET_bitLSCursor));
    freed_calls = 0;
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    ok(freed_calls == 1, "callback called %d times", freed_calls);
    ok(freed_type == JET_cbtypFreeCursorLS, "callback type 0x%lx", (unsigned long)freed_type);
    ok(freed_value == (JET_LS)0x4321, "callback value %p", (void *)freed_value);
    ls_teardown(&f);
}

TEST(ls_table)
{
    struct ls_fixture f;
    JET_TABLEID other;
    JET_LS got = 0;

    ls_setup(&f, "lstable", 1);
    expect_err(JET_errSuccess, JetSetLS(f.ses, f.tab, (JET_LS)0xabc, JET_bitLSTable));
    /* Every cursor on the table sees the table's value. */
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "t", NULL, 0, 0, &other));
    expect_err(JET_errSuccess, JetGetLS(f.ses, other, &got, JET_bitLSTable));
    ok(got == (JET_LS)0xabc, "table value %p", (void *)got);
    expect_err(JET_errLSNotSet, JetGetLS(f.ses, other, &got, JET_bitLSCursor));
    expect_err(JET_errLSAlreadySet, JetSetLS(f.ses, other, (JET_LS)1, JET_bitLSTable));
    expect_err(JET_errSuccess, JetGetLS(f.ses, other, &got, JET_bitLSTable | JET_bitLSReset));
    ok(got == (JET_LS)0xabc, "reset returned %p", (void *)got);
    expect_err(JET_errLSNotSet, JetGetLS(f.ses, f.tab, &got, JET_bitLSTable));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, other));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    ls_teardown(&f);
}

TEST(ls_errors)
{
    struct ls_fixture f;
    JET_LS got;

    ls_setup(&f, "lserrors", 0);
    /* No runtime callback: nothing can be set, resetting is fine. */
    expect_err(JET_errLSCallbackNotSpecified, JetSetLS(f.ses, f.tab, (JET_LS)1, 0));
    expect_err(JET_errLSCallbackNotSpecified, JetSetLS(f.ses, f.tab, (JET_LS)1, JET_bitLSTable));
    expect_err(JET_errSuccess, JetSetLS(f.ses, f.tab, (JET_LS)1, JET_bitLSReset));
    expect_err(JET_errLSNotSet, JetGetLS(f.ses, f.tab, &got, 0));
    /* Cursor and table together, or unknown bits. */
    expect_err(JET_errInvalidGrbit, JetSetLS(f.ses, f.tab, (JET_LS)1, JET_bitLSCursor | JET_bitLSTable));
    expect_err(JET_errInvalidGrbit, JetGetLS(f.ses, f.tab, &got, JET_bitLSCursor | JET_bitLSTable));
    expect_err(JET_errInvalidGrbit, JetGetLS(f.ses, f.tab, &got, 0x100));
    expect_err(JET_errInvalidParameter, JetGetLS(f.ses, f.tab, NULL, JET_bitLSReset));
    expect_err(JET_errInvalidTableId, JetGetLS(f.ses, (JET_TABLEID)0x7777, &got, 0));
    expect_err(JET_errInvalidSesid, JetSetLS((JET_SESID)0x7777, f.tab, (JET_LS)1, 0));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    ls_teardown(&f);
}

TEST(instance_misc_info)
{
    char dir[] = "scratch-ls-misc\\";
    JET_INSTANCE inst = 0;
    JET_SIGNATURE sig, again, zero;

    test_clean_dir(dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, "miscinfo"));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramSystemPath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramLogFilePath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramTempPath, 0, dir));
    expect_err(JET_errNotInitialized,
               JetGetInstanceMiscInfo(inst, &sig, sizeof(sig), JET_InstanceMiscInfoLogSignature));
    expect_err(JET_errSuccess, JetInit(&inst));
    memset(&sig, 0, sizeof(sig));
    memset(&again, 0xcc, sizeof(again));
    memset(&zero, 0, sizeof(zero));
    expect_err(JET_errSuccess, JetGetInstanceMiscInfo(inst, &sig, sizeof(sig), JET_InstanceMiscInfoLogSignature));
    ok(memcmp(&sig, &zero, sizeof(sig)) != 0, "the signature is all zero");
    ok(sig.logtimeCreate.bYear != 0, "no creation time");
    expect_err(JET_errSuccess, JetGetInstanceMiscInfo(inst, &again, sizeof(again), JET_InstanceMiscInfoLogSignature));
    ok(!memcmp(&sig, &again, sizeof(sig)), "the signature changed between calls");
    expect_err(JET_errBufferTooSmall,
               JetGetInstanceMiscInfo(inst, &sig, sizeof(sig) - 1, JET_InstanceMiscInfoLogSignature));
    expect_err(JET_errBufferTooSmall, JetGetInstanceMiscInfo(inst, NULL, 0, JET_InstanceMiscInfoLogSignature));
    expect_err(JET_errInvalidParameter, JetGetInstanceMiscInfo(inst, &sig, sizeof(sig), 7));
    expect_err(JET_errInvalidParameter,
               JetGetInstanceMiscInfo((JET_INSTANCE)0x7777, &sig, sizeof(sig), JET_InstanceMiscInfoLogSignature));
    expect_err(JET_errSuccess, JetTerm(inst));
}
