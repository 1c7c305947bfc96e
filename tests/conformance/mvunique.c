/*
 * mvunique.c - JET_bitSetUniqueMultiValues (raw bytes) against
 * JET_bitSetUniqueNormalizedMultiValues (the values' key-normalized form:
 * text without case, ASCII and Unicode, long text intrinsic or separated,
 * and a numeric type), through JetSetColumn and JetSetColumns.
 */
#include <string.h>
#include <windows.h>

#include "test.h"

struct mvu {
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
    JET_COLUMNID a, w, n, lt;
};

static JET_COLUMNID mvu_column(struct mvu *f, const char *name, JET_COLTYP coltyp, unsigned short cp)
{
    JET_COLUMNDEF def;
    JET_COLUMNID id = 0;
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = coltyp;
    def.cp = cp;
    def.grbit = JET_bitColumnTagged | JET_bitColumnMultiValued;
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, f->tab, name, &def, NULL, 0, &id));
    return id;
}

static void mvu_start(struct mvu *f, const char *name)
{
    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "scratch-mvu-%s\\", name);
    test_clean_dir(f->dir);
    snprintf(f->path, sizeof(f->path), "%stest.edb", f->dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&f->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    expect_err(JET_errSuccess, JetInit(&f->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->ses, "", ""));
    expect_err(JET_errSuccess, JetCreateDatabaseA(f->ses, f->path, NULL, &f->db, 0));
    expect_err(JET_errSuccess, JetCreateTableA(f->ses, f->db, "t", 0, 100, &f->tab));
    f->a = mvu_column(f, "a", JET_coltypText, 1252);
    f->w = mvu_column(f, "w", JET_coltypText, 1200);
    f->n = mvu_column(f, "n", JET_coltypLong, 0);
    f->lt = mvu_column(f, "lt", JET_coltypLongText, 1252);
    expect_err(JET_errSuccess, JetPrepareUpdate(f->ses, f->tab, JET_prepInsert));
}

static void mvu_stop(struct mvu *f)
{
    expect_err(JET_errSuccess, JetCloseTable(f->ses, f->tab));
    expect_err(JET_errSuccess, JetEndSession(f->ses, 0));
    expect_err(JET_errSuccess, JetTerm(f->inst));
}

/* Sets one more value (itag 0) or value itag of column id. */
static JET_ERR put(struct mvu *f, JET_COLUMNID id, const void *data, unsigned long cb, JET_GRBIT grbit,
                   unsigned long itag)
{
    JET_SETINFO si;
    memset(&si, 0, sizeof(si));
    si.cbStruct = sizeof(si);
    si.itagSequence = itag;
    return JetSetColumn(f->ses, f->tab, id, data, cb, grbit, &si);
}

static unsigned long count_values(struct mvu *f, JET_COLUMNID id)
{
    JET_RETRIEVECOLUMN rc;
    memset(&rc, 0, sizeof(rc));
    rc.columnid = id;
    rc.itagSequence = 0;
    rc.grbit = JET_bitRetrieveCopy;
    JetRetrieveColumns(f->ses, f->tab, &rc, 1);
    return rc.itagSequence;
}

#define RAW JET_bitSetUniqueMultiValues
#define NORM JET_bitSetUniqueNormalizedMultiValues

TEST(mvunique_text_1252)
{
    struct mvu f;

    mvu_start(&f, "a");
    expect_err(JET_errSuccess, put(&f, f.a, "abc", 3, NORM, 0));
    /* Equal after normalization, not as bytes. */
    expect_err(JET_errMultiValuedDuplicate, put(&f, f.a, "ABC", 3, NORM, 0));
    expect_err(JET_errMultiValuedDuplicate, put(&f, f.a, "aBc", 3, NORM | RAW, 0));
    expect_err(JET_errSuccess, put(&f, f.a, "ABC", 3, RAW, 0));
    expect_err(JET_errMultiValuedDuplicate, put(&f, f.a, "ABC", 3, RAW, 0));
    expect_err(JET_errMultiValuedDuplicate, put(&f, f.a, "abc", 3, RAW, 0));
    expect_err(JET_errSuccess, put(&f, f.a, "abd", 3, NORM, 0));
    expect_err(JET_errSuccess, put(&f, f.a, "ab", 2, NORM, 0));
    ok(count_values(&f, f.a) == 4, "%lu values", count_values(&f, f.a));
    /* Replacing a value is not a duplicate of itself, but of the others. */
    expect_err(JET_errSuccess, put(&f, f.a, "ABD", 3, NORM, 3));
    expect_err(JET_errMultiValuedDuplicate, put(&f, f.a, "AB", 3 - 1, NORM, 3));
    expect_err(JET_errMultiValuedDuplicate, put(&f, f.a, "Abc", 3, NORM, 4));
    /* A NULL is never a duplicate. */
    expect_err(JET_errSuccess, put(&f, f.a, NULL, 0, NORM, 0));
    ok(count_values(&f, f.a) == 4, "%lu values", count_values(&f, f.a));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    mvu_stop(&f);
}

TEST(mvunique_text_unicode)
{
    static const WCHAR hello[] = L"hello", HELLO[] = L"HELLO", help[] = L"help";
    struct mvu f;

    mvu_start(&f, "w");
    expect_err(JET_errSuccess, put(&f, f.w, hello, sizeof(hello) - 2, NORM, 0));
    expect_err(JET_errMultiValuedDuplicate, put(&f, f.w, HELLO, sizeof(HELLO) - 2, NORM, 0));
    expect_err(JET_errSuccess, put(&f, f.w, HELLO, sizeof(HELLO) - 2, RAW, 0));
    expect_err(JET_errMultiValuedDuplicate, put(&f, f.w, hello, sizeof(hello) - 2, RAW, 0));
    expect_err(JET_errSuccess, put(&f, f.w, help, sizeof(help) - 2, NORM, 0));
    ok(count_values(&f, f.w) == 3, "%lu values", count_values(&f, f.w));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    mvu_stop(&f);
}

TEST(mvunique_numeric)
{
    long v;
    struct mvu f;

    mvu_start(&f, "n");
    v = 5;
    expect_err(JET_errSuccess, put(&f, f.n, &v, sizeof(v), NORM, 0));
    expect_err(JET_errMultiValuedDuplicate, put(&f, f.n, &v, sizeof(v), NORM, 0));
    expect_err(JET_errMultiValuedDuplicate, put(&f, f.n, &v, sizeof(v), RAW, 0));
    v = -5;
    expect_err(JET_errSuccess, put(&f, f.n, &v, sizeof(v), NORM, 0));
    v = 6;
    expect_err(JET_errSuccess, put(&f, f.n, &v, sizeof(v), NORM, 0));
    v = 5;
    expect_err(JET_errSuccess, put(&f, f.n, &v, sizeof(v), NORM, 1)); /* itself */
    expect_err(JET_errMultiValuedDuplicate, put(&f, f.n, &v, sizeof(v), NORM, 3));
    /* A wrong size is the size error, not a duplicate. */
    expect_err(JET_errInvalidBufferSize, put(&f, f.n, &v, 2, NORM, 0));
    ok(count_values(&f, f.n) == 3, "%lu values", count_values(&f, f.n));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    mvu_stop(&f);
}

TEST(mvunique_long_text_and_setcolumns)
{
    static char big1[1500], big2[1500];
    JET_SETCOLUMN sc[2];
    struct mvu f;

    mvu_start(&f, "lt");
    /* One separated value: it is read back through the long value tree. */
    expect_err(JET_errSuccess, put(&f, f.lt, "Mixed", 5, JET_bitSetSeparateLV, 0));
    expect_err(JET_errMultiValuedDuplicate, put(&f, f.lt, "MIXED", 5, NORM, 0));
    expect_err(JET_errSuccess, put(&f, f.lt, "mixed", 5, RAW, 0));
    /* Long value operations do not go with either flag. */
    expect_err(JET_errInvalidGrbit, put(&f, f.lt, "x", 1, NORM | JET_bitSetAppendLV, 0));
    expect_err(JET_errInvalidGrbit, put(&f, f.lt, "x", 1, RAW | JET_bitSetAppendLV, 0));
    /* Values longer than a key: equal keys, the raw bytes decide. */
    memset(big1, 'q', sizeof(big1));
    memcpy(big2, big1, sizeof(big2));
    big2[sizeof(big2) - 1] = 'r';
    expect_err(JET_errSuccess, put(&f, f.lt, big1, sizeof(big1), NORM, 0));
    expect_err(JET_errSuccess, put(&f, f.lt, big2, sizeof(big2), NORM, 0));
    expect_err(JET_errMultiValuedDuplicate, put(&f, f.lt, big1, sizeof(big1), NORM, 0));

    /* JetSetColumns: the error of the column that failed. */
    memset(sc, 0, sizeof(sc));
    sc[0].columnid = f.a;
    sc[0].pvData = "x";
    sc[0].cbData = 1;
    sc[0].grbit = NORM;
    sc[1].columnid = f.a;
    sc[1].pvData = "X";
    sc[1].cbData = 1;
    sc[1].grbit = NORM;
    expect_err(JET_errMultiValuedDuplicate, JetSetColumns(f.ses, f.tab, sc, 2));
    ok(sc[0].err == JET_errSuccess && sc[1].err == JET_errMultiValuedDuplicate, "errs %ld %ld",
       (long)sc[0].err, (long)sc[1].err);
    sc[1].grbit = RAW;
    expect_err(JET_errSuccess, JetSetColumns(f.ses, f.tab, &sc[1], 1));
    ok(count_values(&f, f.a) == 2, "%lu values", count_values(&f, f.a));
    ok(count_values(&f, f.lt) == 4, "%lu values", count_values(&f, f.lt));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    mvu_stop(&f);
}
