/*
 * templimit.c - JET_paramMaxTemporaryTables: the temporary tables of an
 * instance that may exist at once; one more is JET_errTooManySorts, and a
 * closed one frees its place.
 */
#include <string.h>
#include <windows.h>

#include "test.h"

static JET_INSTANCE start(const char *name, const char *dir, JET_API_PTR max)
{
    JET_INSTANCE inst = 0;

    test_clean_dir(dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramSystemPath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramLogFilePath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramTempPath, 0, dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramMaxTemporaryTables, max, NULL));
    expect_err(JET_errSuccess, JetInit(&inst));
    return inst;
}

static JET_ERR open_temp(JET_SESID ses, JET_TABLEID *t)
{
    JET_COLUMNDEF def;
    JET_COLUMNID id;

    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLong;
    def.grbit = JET_bitColumnTTKey;
    return JetOpenTempTable(ses, &def, 1, JET_bitTTIndexed, t, &id);
}

TEST(temp_table_limit)
{
    JET_INSTANCE inst = start("templimit", "scratch-templimit\\", 3);
    JET_SESID ses = 0, ses2 = 0;
    JET_TABLEID t[4], dup;
    JET_API_PTR v = 0;
    int i;

    expect_err(JET_errSuccess, JetGetSystemParameterA(inst, JET_sesidNil, JET_paramMaxTemporaryTables, &v, NULL, 0));
    ok(v == 3, "JET_paramMaxTemporaryTables %lu", (unsigned long)v);
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &ses, "", ""));
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &ses2, "", ""));
    for (i = 0; i < 3; i++) expect_err(JET_errSuccess, open_temp(i == 1 ? ses2 : ses, &t[i]));
    /* The limit is the instance's, over all its sessions. */
    expect_err(JET_errTooManySorts, open_temp(ses, &t[3]));
    expect_err(JET_errTooManySorts, open_temp(ses2, &t[3]));
    /* A second cursor on a table is no new table. */
    expect_err(JET_errSuccess, JetDupCursor(ses, t[0], &dup, 0));
    expect_err(JET_errSuccess, JetCloseTable(ses, t[0]));
    expect_err(JET_errTooManySorts, open_temp(ses, &t[3]));
    expect_err(JET_errSuccess, JetCloseTable(ses, dup));
    /* Closed for good: its place is free. */
    expect_err(JET_errSuccess, open_temp(ses, &t[0]));
    expect_err(JET_errTooManySorts, open_temp(ses, &t[3]));
    /* JetEndSession closes its tables. */
    expect_err(JET_errSuccess, JetEndSession(ses2, 0));
    expect_err(JET_errSuccess, open_temp(ses, &t[1]));
    expect_err(JET_errSuccess, JetTerm(inst));

    /* 0: no temporary table at all. */
    inst = start("templimit0", "scratch-templimit0\\", 0);
    expect_err(JET_errSuccess, JetBeginSessionA(inst, &ses, "", ""));
    expect_err(JET_errTooManySorts, open_temp(ses, &t[0]));
    expect_err(JET_errSuccess, JetTerm(inst));
}
