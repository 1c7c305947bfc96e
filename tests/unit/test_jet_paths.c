/*
 * test_jet_paths.c - folder parameters on the native build, as .NET
 * programs on Mono give them: "dir\\" (Path.Combine and hand-written
 * Windows paths) names the folder "dir\\", and the engine's files go inside
 * it ("dir\\/edb.log"), never next to it as "dir\\edb.log".  With
 * JET_paramCreatePathIfNotExist missing folders are made.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "esent.h"
#include "unit.h"

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

START_TEST(backslash_folder_holds_the_files)
{
    char dir[4200], p[4400];
    JET_INSTANCE inst = 0;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID t;

    /* "<tmp>/logs\" does not exist yet: CreatePathIfNotExist makes it. */
    snprintf(dir, sizeof(dir), "%s/logs\\", unit_tmpdir());
    ck_assert_int_eq(JetCreateInstanceA(&inst, "paths"), 0);
    ck_assert_int_eq(JetSetSystemParameterA(&inst, 0, JET_paramCreatePathIfNotExist, 1, NULL), 0);
    ck_assert_int_eq(JetSetSystemParameterA(&inst, 0, JET_paramLogFilePath, 0, dir), 0);
    ck_assert_int_eq(JetSetSystemParameterA(&inst, 0, JET_paramSystemPath, 0, dir), 0);
    ck_assert_int_eq(JetSetSystemParameterA(&inst, 0, JET_paramTempPath, 0, dir), 0);
    ck_assert_int_eq(JetInit(&inst), 0);
    ck_assert(is_dir(dir));
    snprintf(p, sizeof(p), "%s/edb.log", dir);
    ck_assert(is_file(p));
    snprintf(p, sizeof(p), "%sedb.log", dir);
    ck_assert(!is_file(p));
    ck_assert_int_eq(JetBeginSessionA(inst, &ses, "", ""), 0);
    snprintf(p, sizeof(p), "%s/data\\/test.edb", unit_tmpdir());
    ck_assert_int_eq(JetCreateDatabaseA(ses, p, NULL, &db, 0), 0);
    ck_assert(is_file(p));
    ck_assert_int_eq(JetOpenTempTable(ses, NULL, 0, 0, &t, NULL), 0);
    snprintf(p, sizeof(p), "%s/tmp.edb", dir);
    ck_assert(is_file(p));
    ck_assert_int_eq(JetCloseTable(ses, t), 0);
    ck_assert_int_eq(JetEndSession(ses, 0), 0);
    ck_assert_int_eq(JetTerm(inst), 0);
}
END_TEST

Suite *jet_paths_suite(void)
{
    Suite *s = suite_create("jet_paths");
    TCase *tc = tcase_create("native");
    tcase_add_test(tc, backslash_folder_holds_the_files);
    suite_add_tcase(s, tc);
    return s;
}
