/*
 * maxsize.c - the maximum size of a database: cpgDatabaseSizeMax of
 * JetCreateDatabase2 / JetAttachDatabase2, JetSetMaxDatabaseSize and
 * JetGetMaxDatabaseSize.  An update that would take the database past its
 * maximum fails with JET_errOutOfDatabaseSpace, and the database and the
 * transaction stay usable: committed rows are intact, a smaller update,
 * a commit and a rollback still work.
 */
#include <string.h>
#include <windows.h>

#include "test.h"

#define MAX_PAGES 160

struct fixture {
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
    JET_COLUMNID col;
};

static void setup(struct fixture *f, const char *name, unsigned long max)
{
    JET_COLUMNDEF def;

    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "scratch-max-%s\\", name);
    test_clean_dir(f->dir);
    snprintf(f->path, sizeof(f->path), "%stest.edb", f->dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&f->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramDatabasePageSize, 4096, NULL));
    expect_err(JET_errSuccess, JetInit(&f->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->ses, "", ""));
    expect_err(JET_errSuccess, JetCreateDatabase2A(f->ses, f->path, max, &f->db, 0));
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLongBinary;
    expect_err(JET_errSuccess, JetCreateTableA(f->ses, f->db, "t", 0, 0, &f->tab));
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, f->tab, "data", &def, NULL, 0, &f->col));
}

static unsigned long db_pages(struct fixture *f)
{
    JET_ULONG_ v = 0;
    expect_err(JET_errSuccess, JetGetDatabaseInfoA(f->ses, f->db, &v, sizeof(v), JET_DbInfoFilesize));
    return v;
}

static unsigned long max_pages(struct fixture *f)
{
    JET_ULONG_ v = 0xdeadbeef;
    expect_err(JET_errSuccess, JetGetMaxDatabaseSize(f->ses, f->db, &v, 0));
    return v;
}

/* Inserts one row of cb bytes; the error of JetSetColumn or JetUpdate
 * (the update cancelled then). */
static JET_ERR insert(struct fixture *f, unsigned long cb)
{
    static char buf[256 * 1024];
    JET_ERR err;

    memset(buf, 'x', cb);
    if ((err = JetPrepareUpdate(f->ses, f->tab, JET_prepInsert)) < 0) return err;
    err = JetSetColumn(f->ses, f->tab, f->col, buf, cb, 0, NULL);
    if (err >= 0) err = JetUpdate(f->ses, f->tab, NULL, 0, NULL);
    if (err < 0) expect_err(JET_errSuccess, JetPrepareUpdate(f->ses, f->tab, JET_prepCancel));
    return err;
}

static unsigned long count_rows(struct fixture *f)
{
    unsigned long n = 0;
    JET_ERR err = JetMove(f->ses, f->tab, JET_MoveFirst, 0);
    while (err >= 0) {
        n++;
        err = JetMove(f->ses, f->tab, JET_MoveNext, 0);
    }
    expect_err(JET_errNoCurrentRecord, err);
    return n;
}

/* Commits rows of cb bytes, one transaction each, until one fails with
 * JET_errOutOfDatabaseSpace (rolled back); the number committed. */
static unsigned long fill(struct fixture *f, unsigned long cb)
{
    unsigned long n = 0;
    JET_ERR err = 0;

    while (n < 100000) {
        expect_err(JET_errSuccess, JetBeginTransaction(f->ses));
        if ((err = insert(f, cb)) < 0) break;
        expect_err(JET_errSuccess, JetCommitTransaction(f->ses, 0));
        n++;
    }
    expect_err(JET_errOutOfDatabaseSpace, err);
    expect_err(JET_errSuccess, JetRollback(f->ses, 0));
    return n;
}

TEST(maxsize_create_fill)
{
    struct fixture f;
    unsigned long n, m;
    JET_ULONG_ real;

    setup(&f, "create", MAX_PAGES);
    ok(max_pages(&f) == MAX_PAGES, "JetGetMaxDatabaseSize %lu", max_pages(&f));
    /* The file's first extension stops at the maximum. */
    ok(db_pages(&f) <= MAX_PAGES, "new file of %lu pages", db_pages(&f));

    n = fill(&f, 1000);
    ok(n > 100, "only %lu rows of 1000 bytes in %u pages", n, MAX_PAGES);
    ok(db_pages(&f) <= MAX_PAGES, "%lu pages after filling", db_pages(&f));
    ok(count_rows(&f) == n, "%lu rows, %lu committed", count_rows(&f), n);

    /* Outside a transaction too (the implicit one). */
    expect_err(JET_errOutOfDatabaseSpace, insert(&f, 1000));
    ok(count_rows(&f) == n, "%lu rows after the failed implicit insert", count_rows(&f));

    /* JetGrowDatabase past the maximum. */
    expect_err(JET_errOutOfDatabaseSpace, JetGrowDatabase(f.ses, f.db, MAX_PAGES + 100, &real));

    /* A larger maximum lets it grow again. */
    expect_err(JET_errSuccess, JetSetMaxDatabaseSize(f.ses, f.db, MAX_PAGES + 64, 0));
    ok(max_pages(&f) == MAX_PAGES + 64, "maximum %lu after JetSetMaxDatabaseSize", max_pages(&f));
    expect_err(JET_errSuccess, insert(&f, 1000));

    /* In one transaction: a long value too big for what is left fails,
     * a smaller row then goes in, and the commit keeps both rows made. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    expect_err(JET_errSuccess, insert(&f, 1000));
    expect_err(JET_errOutOfDatabaseSpace, insert(&f, 200 * 1024));
    expect_err(JET_errSuccess, insert(&f, 1000));
    expect_err(JET_errSuccess, JetCommitTransaction(f.ses, 0));
    ok(count_rows(&f) == n + 3, "%lu rows, expected %lu", count_rows(&f), n + 3);

    /* A rollback after the failure. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    expect_err(JET_errSuccess, insert(&f, 1000));
    expect_err(JET_errOutOfDatabaseSpace, insert(&f, 200 * 1024));
    expect_err(JET_errSuccess, JetRollback(f.ses, 0));
    ok(count_rows(&f) == n + 3, "%lu rows after the rollback", count_rows(&f));

    /* Filling up to the new maximum. */
    m = fill(&f, 1000);
    ok(m > 20, "only %lu more rows in 64 more pages", m);
    ok(db_pages(&f) <= MAX_PAGES + 64, "%lu pages after filling again", db_pages(&f));

    /* 0: no maximum. */
    expect_err(JET_errSuccess, JetSetMaxDatabaseSize(f.ses, f.db, 0, 0));
    ok(max_pages(&f) == 0, "maximum %lu", max_pages(&f));
    expect_err(JET_errSuccess, insert(&f, 200 * 1024));
    ok(count_rows(&f) == n + 3 + m + 1, "%lu rows at the end", count_rows(&f));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    expect_err(JET_errSuccess, JetTerm(f.inst));
}

TEST(maxsize_attach)
{
    struct fixture f;
    unsigned long pages, n;

    setup(&f, "attach", 0);
    ok(max_pages(&f) == 0, "JetCreateDatabase2 with 0: maximum %lu", max_pages(&f));
    expect_err(JET_errSuccess, insert(&f, 1000));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    pages = db_pages(&f);
    expect_err(JET_errSuccess, JetCloseDatabase(f.ses, f.db, 0));
    expect_err(JET_errSuccess, JetDetachDatabaseA(f.ses, f.path));

    expect_err(JET_errDatabaseInvalidPages, JetAttachDatabase2A(f.ses, f.path, 0x7fffffff, 0));
    /* The maximum belongs to the attachment: as large as the file is, no
     * more room. */
    expect_err(JET_errSuccess, JetAttachDatabase2A(f.ses, f.path, pages, 0));
    expect_err(JET_errSuccess, JetOpenDatabaseA(f.ses, f.path, NULL, &f.db, 0));
    ok(max_pages(&f) == pages, "maximum %lu after JetAttachDatabase2(%lu)", max_pages(&f), pages);
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "t", NULL, 0, 0, &f.tab));
    n = fill(&f, 1000);
    ok(db_pages(&f) <= pages, "%lu pages, maximum %lu", db_pages(&f), pages);
    ok(count_rows(&f) == n + 1, "%lu rows", count_rows(&f));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    expect_err(JET_errSuccess, JetCloseDatabase(f.ses, f.db, 0));
    expect_err(JET_errSuccess, JetDetachDatabaseA(f.ses, f.path));

    /* Not kept in the file. */
    expect_err(JET_errSuccess, JetAttachDatabaseA(f.ses, f.path, 0));
    expect_err(JET_errSuccess, JetOpenDatabaseA(f.ses, f.path, NULL, &f.db, 0));
    ok(max_pages(&f) == 0, "maximum %lu after a plain attach", max_pages(&f));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "t", NULL, 0, 0, &f.tab));
    expect_err(JET_errSuccess, insert(&f, 1000));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    expect_err(JET_errSuccess, JetTerm(f.inst));
}

TEST(maxsize_errors)
{
    struct fixture f;
    JET_ULONG_ v = 0xdeadbeef;
    JET_DBID db;
    JET_TABLEID tab;
    char other[MAX_PATH];

    setup(&f, "errors", 0);
    snprintf(other, sizeof(other), "%sother.edb", f.dir);
    expect_err(JET_errDatabaseInvalidPages, JetCreateDatabase2A(f.ses, other, 0x7fffffff, &db, 0));
    expect_err(JET_errInvalidDatabaseId, JetSetMaxDatabaseSize(f.ses, 5, 100, 0));
    expect_err(JET_errInvalidDatabaseId, JetGetMaxDatabaseSize(f.ses, 5, &v, 0));
    expect_err(JET_errInvalidSesid, JetSetMaxDatabaseSize(JET_sesidNil, f.db, 100, 0));
    expect_err(JET_errInvalidSesid, JetGetMaxDatabaseSize(JET_sesidNil, f.db, &v, 0));
    /* Below the current size: nothing more fits. */
    expect_err(JET_errSuccess, JetSetMaxDatabaseSize(f.ses, f.db, 1, 0));
    ok(max_pages(&f) == 1, "maximum %lu", max_pages(&f));
    expect_err(JET_errOutOfDatabaseSpace, insert(&f, 10));
    ok(count_rows(&f) == 0, "%lu rows", count_rows(&f));
    expect_err(JET_errOutOfDatabaseSpace, JetCreateTableA(f.ses, f.db, "u", 0, 0, &tab));
    expect_err(JET_errSuccess, JetSetMaxDatabaseSize(f.ses, f.db, 0, 0));
    expect_err(JET_errSuccess, insert(&f, 10));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    expect_err(JET_errSuccess, JetTerm(f.inst));
}
