/*
 * dbsize.c - the size of a database: JetGrowDatabase, JetResizeDatabase
 * and JetSetDatabaseSize, what they report, that only the documented
 * directions happen, and that the data and the size survive JetTerm.
 */
#include <string.h>
#include <windows.h>

#include "test.h"

struct fixture {
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
    unsigned long page_size;
};

static void start_instance(struct fixture *f, const char *name)
{
    f->inst = 0;
    expect_err(JET_errSuccess, JetCreateInstanceA(&f->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    expect_err(JET_errSuccess, JetInit(&f->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->ses, "", ""));
}

static void setup(struct fixture *f, const char *name)
{
    JET_ULONG_ v = 0;

    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "scratch-size-%s\\", name);
    test_clean_dir(f->dir);
    snprintf(f->path, sizeof(f->path), "%stest.edb", f->dir);
    start_instance(f, name);
    expect_err(JET_errSuccess, JetCreateDatabaseA(f->ses, f->path, NULL, &f->db, 0));
    expect_err(JET_errSuccess, JetGetDatabaseInfoA(f->ses, f->db, &v, sizeof(v), JET_DbInfoPageSize));
    f->page_size = v;
}

static unsigned long db_info(struct fixture *f, unsigned long level)
{
    JET_ULONG_ v = 0xdeadbeef;
    expect_err(JET_errSuccess, JetGetDatabaseInfoA(f->ses, f->db, &v, sizeof(v), level));
    return v;
}

static ULONGLONG file_size(const char *path)
{
    WIN32_FILE_ATTRIBUTE_DATA a;
    if (!GetFileAttributesExA(path, GetFileExInfoStandard, &a)) return 0;
    return ((ULONGLONG)a.nFileSizeHigh << 32) | a.nFileSizeLow;
}

/* A table with n rows of 1000 bytes each, committed. */
static void fill(struct fixture *f, int n)
{
    JET_TABLEID tab;
    JET_COLUMNDEF def;
    JET_COLUMNID col;
    char buf[1000];
    int i;

    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLongBinary;
    memset(buf, 'x', sizeof(buf));
    expect_err(JET_errSuccess, JetCreateTableA(f->ses, f->db, "t", 0, 0, &tab));
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, tab, "data", &def, NULL, 0, &col));
    expect_err(JET_errSuccess, JetBeginTransaction(f->ses));
    for (i = 0; i < n; i++) {
        expect_err(JET_errSuccess, JetPrepareUpdate(f->ses, tab, JET_prepInsert));
        expect_err(JET_errSuccess, JetSetColumn(f->ses, tab, col, buf, sizeof(buf), 0, NULL));
        expect_err(JET_errSuccess, JetUpdate(f->ses, tab, NULL, 0, NULL));
    }
    expect_err(JET_errSuccess, JetCommitTransaction(f->ses, 0));
    expect_err(JET_errSuccess, JetCloseTable(f->ses, tab));
}

static unsigned long count_rows(struct fixture *f)
{
    JET_TABLEID tab;
    JET_ULONG_ n = 0;
    expect_err(JET_errSuccess, JetOpenTableA(f->ses, f->db, "t", NULL, 0, 0, &tab));
    expect_err(JET_errSuccess, JetMove(f->ses, tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetIndexRecordCount(f->ses, tab, &n, 0));
    expect_err(JET_errSuccess, JetCloseTable(f->ses, tab));
    return n;
}

TEST(dbsize_grow)
{
    struct fixture f;
    unsigned long size, avail, target;
    JET_ULONG_ real;

    setup(&f, "grow");
    size = db_info(&f, JET_DbInfoFilesize);
    avail = db_info(&f, JET_DbInfoSpaceAvailable);
    ok(size > 0 && size == db_info(&f, JET_DbInfoSpaceOwned), "size %lu", size);
    ok(avail < size, "%lu pages available of %lu", avail, size);
    ok(file_size(f.path) >= (ULONGLONG)size * f.page_size, "file %I64u bytes for %lu pages", file_size(f.path),
       size);

    /* Growing: the size asked for, reported, owned and available. */
    target = size + 300;
    real = 0xdeadbeef;
    expect_err(JET_errSuccess, JetGrowDatabase(f.ses, f.db, target, &real));
    ok(real == target, "grown to %lu pages, asked %lu", (unsigned long)real, target);
    ok(db_info(&f, JET_DbInfoFilesize) == target, "Filesize %lu", db_info(&f, JET_DbInfoFilesize));
    ok(db_info(&f, JET_DbInfoSpaceOwned) == target, "SpaceOwned %lu", db_info(&f, JET_DbInfoSpaceOwned));
    ok(db_info(&f, JET_DbInfoSpaceAvailable) == avail + 300, "SpaceAvailable %lu, was %lu",
       db_info(&f, JET_DbInfoSpaceAvailable), avail);
    ok(file_size(f.path) >= (ULONGLONG)target * f.page_size, "file %I64u bytes", file_size(f.path));

    /* Smaller or equal sizes change nothing: only growing is supported. */
    real = 0xdeadbeef;
    expect_err(JET_errSuccess, JetGrowDatabase(f.ses, f.db, target - 100, &real));
    ok(real == target, "after a smaller request %lu pages", (unsigned long)real);
    real = 0xdeadbeef;
    expect_err(JET_errSuccess, JetGrowDatabase(f.ses, f.db, 0, &real));
    ok(real == target, "after 0: %lu pages", (unsigned long)real);
    expect_err(JET_errSuccess, JetGrowDatabase(f.ses, f.db, target, NULL));
    ok(db_info(&f, JET_DbInfoFilesize) == target, "Filesize %lu", db_info(&f, JET_DbInfoFilesize));

    /* Inside a transaction too. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    expect_err(JET_errSuccess, JetGrowDatabase(f.ses, f.db, target + 10, &real));
    ok(real == target + 10, "grown in a transaction to %lu", (unsigned long)real);
    expect_err(JET_errSuccess, JetRollback(f.ses, 0));
    ok(db_info(&f, JET_DbInfoFilesize) == target + 10, "a grow is not rolled back: %lu",
       db_info(&f, JET_DbInfoFilesize));
    target += 10;

    /* Bad handles. */
    expect_err(JET_errInvalidSesid, JetGrowDatabase(JET_sesidNil, f.db, target + 1, &real));
    expect_err(JET_errInvalidDatabaseId, JetGrowDatabase(f.ses, 5, target + 1, &real));
    expect_err(JET_errInvalidDatabaseId, JetGrowDatabase(f.ses, JET_dbidNil, target + 1, &real));

    /* Rows go into the grown space; the file does not need to grow. */
    fill(&f, 200);
    ok(db_info(&f, JET_DbInfoFilesize) == target, "Filesize %lu after 200 rows", db_info(&f, JET_DbInfoFilesize));
    ok(db_info(&f, JET_DbInfoSpaceAvailable) < avail + 310, "SpaceAvailable %lu after 200 rows",
       db_info(&f, JET_DbInfoSpaceAvailable));

    /* The size and the rows survive JetTerm. */
    expect_err(JET_errSuccess, JetTerm(f.inst));
    start_instance(&f, "grow");
    expect_err(JET_errSuccess, JetAttachDatabaseA(f.ses, f.path, 0));
    expect_err(JET_errSuccess, JetOpenDatabaseA(f.ses, f.path, NULL, &f.db, 0));
    ok(db_info(&f, JET_DbInfoFilesize) == target, "Filesize %lu after JetTerm, expected %lu",
       db_info(&f, JET_DbInfoFilesize), target);
    ok(count_rows(&f) == 200, "%lu rows", count_rows(&f));
    expect_err(JET_errSuccess, JetTerm(f.inst));
}

TEST(dbsize_resize)
{
    struct fixture f;
    unsigned long size;
    JET_ULONG_ real;

    setup(&f, "resize");
    size = db_info(&f, JET_DbInfoFilesize);

    expect_err(JET_errInvalidGrbit, JetResizeDatabase(f.ses, f.db, size + 10, &real, 0x4));
    expect_err(JET_errInvalidGrbit, JetResizeDatabase(f.ses, f.db, size + 10, &real,
                                                      JET_bitResizeDatabaseOnlyGrow | JET_bitResizeDatabaseOnlyShrink));
    expect_err(JET_errInvalidDatabaseId, JetResizeDatabase(f.ses, 6, size + 10, &real, 0));

    real = 0xdeadbeef;
    expect_err(JET_errSuccess, JetResizeDatabase(f.ses, f.db, size + 500, &real, 0));
    ok(real == size + 500, "resized to %lu, expected %lu", (unsigned long)real, size + 500);
    /* OnlyShrink does not grow, OnlyGrow does not shrink. */
    real = 0xdeadbeef;
    expect_err(JET_errSuccess, JetResizeDatabase(f.ses, f.db, size + 600, &real, JET_bitResizeDatabaseOnlyShrink));
    ok(real == size + 500, "OnlyShrink grew to %lu", (unsigned long)real);
    real = 0xdeadbeef;
    expect_err(JET_errSuccess, JetResizeDatabase(f.ses, f.db, size + 100, &real, JET_bitResizeDatabaseOnlyGrow));
    ok(real == size + 500, "OnlyGrow shrank to %lu", (unsigned long)real);

    /* Shrinking gives back the free space at the end of the file. */
    real = 0xdeadbeef;
    expect_err(JET_errSuccess, JetResizeDatabase(f.ses, f.db, size + 100, &real, JET_bitResizeDatabaseOnlyShrink));
    ok(real == size + 100, "shrunk to %lu, expected %lu", (unsigned long)real, size + 100);
    ok(file_size(f.path) < (ULONGLONG)(size + 500) * f.page_size, "file still %I64u bytes", file_size(f.path));
    /* Never below the pages in use. */
    fill(&f, 50);
    real = 0xdeadbeef;
    expect_err(JET_errSuccess, JetResizeDatabase(f.ses, f.db, 1, &real, 0));
    ok(real > 1 && real <= size + 100, "shrunk to %lu pages", (unsigned long)real);
    ok(real == db_info(&f, JET_DbInfoFilesize), "reported %lu, Filesize %lu", (unsigned long)real,
       db_info(&f, JET_DbInfoFilesize));
    ok(count_rows(&f) == 50, "%lu rows after shrinking", count_rows(&f));
    expect_err(JET_errSuccess, JetTerm(f.inst));
    start_instance(&f, "resize");
    expect_err(JET_errSuccess, JetAttachDatabaseA(f.ses, f.path, 0));
    expect_err(JET_errSuccess, JetOpenDatabaseA(f.ses, f.path, NULL, &f.db, 0));
    ok(count_rows(&f) == 50, "%lu rows after JetTerm", count_rows(&f));
    expect_err(JET_errSuccess, JetTerm(f.inst));
}

TEST(dbsize_set_database_size)
{
    struct fixture f;
    JET_ULONG_ real;
    char missing[MAX_PATH];
    unsigned long size;

    setup(&f, "set");
    size = db_info(&f, JET_DbInfoFilesize);
    snprintf(missing, sizeof(missing), "%smissing.edb", f.dir);

    expect_err(JET_errDatabaseInvalidPath, JetSetDatabaseSizeA(f.ses, NULL, 1000, &real));
    expect_err(JET_errDatabaseInvalidPath, JetSetDatabaseSizeA(f.ses, "", 1000, &real));
    expect_err(JET_errDatabaseInvalidPath, JetSetDatabaseSizeW(f.ses, L"", 1000, &real));
    expect_err(JET_errInvalidParameter, JetSetDatabaseSizeA(f.ses, f.path, 255, &real));
    expect_err(JET_errInvalidSesid, JetSetDatabaseSizeA(JET_sesidNil, f.path, 1000, &real));
    expect_err(JET_errFileNotFound, JetSetDatabaseSizeA(f.ses, missing, 1000, &real));
    /* Attached: its header says it is in use (not consistent). */
    expect_err(JET_errDatabaseDirtyShutdown, JetSetDatabaseSizeA(f.ses, f.path, 1000, &real));

    fill(&f, 20);
    expect_err(JET_errSuccess, JetCloseDatabase(f.ses, f.db, 0));
    expect_err(JET_errSuccess, JetDetachDatabaseA(f.ses, f.path));

    real = 0xdeadbeef;
    expect_err(JET_errSuccess, JetSetDatabaseSizeA(f.ses, f.path, size + 1000, &real));
    ok(real == size + 1000, "set to %lu pages, expected %lu", (unsigned long)real, size + 1000);
    ok(file_size(f.path) >= (ULONGLONG)(size + 1000) * f.page_size, "file %I64u bytes", file_size(f.path));
    /* Smaller: ignored, the size is reported. */
    real = 0xdeadbeef;
    expect_err(JET_errSuccess, JetSetDatabaseSizeA(f.ses, f.path, 256, &real));
    ok(real == size + 1000, "after a smaller size: %lu", (unsigned long)real);
    real = 0xdeadbeef;
    expect_err(JET_errSuccess, JetSetDatabaseSize(f.ses, f.path, size + 1100, &real));
    ok(real == size + 1100, "plain name: %lu", (unsigned long)real);
    {
        WCHAR wpath[MAX_PATH];
        MultiByteToWideChar(CP_ACP, 0, f.path, -1, wpath, MAX_PATH);
        real = 0xdeadbeef;
        expect_err(JET_errSuccess, JetSetDatabaseSizeW(f.ses, wpath, size + 1200, &real));
        ok(real == size + 1200, "wide: %lu", (unsigned long)real);
    }

    /* The grown file attaches with its rows and its size. */
    expect_err(JET_errSuccess, JetAttachDatabaseA(f.ses, f.path, 0));
    expect_err(JET_errSuccess, JetOpenDatabaseA(f.ses, f.path, NULL, &f.db, 0));
    ok(db_info(&f, JET_DbInfoFilesize) == size + 1200, "Filesize %lu", db_info(&f, JET_DbInfoFilesize));
    ok(count_rows(&f) == 20, "%lu rows", count_rows(&f));
    expect_err(JET_errSuccess, JetTerm(f.inst));
}
