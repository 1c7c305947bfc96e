/*
 * temptable.c - temporary tables end to end: JetOpenTempTable(2,3),
 * JetOpenTemporaryTable(2), their flags (duplicates dropped, kept or
 * refused; forward-only cursors; sorting by key columns, ascending and
 * descending, NULLs low or high), errors, large tables that spill to the
 * temporary database, their life cycle (JetCloseTable, JetEndSession,
 * rollback), and the temporary database itself (tmp.edb in
 * JET_paramTempPath, invisible to JetOpenDatabase, deleted by JetTerm).
 * The list levels of the info calls, which return temporary tables, are in
 * infolist.c.
 */
#include <string.h>
#include <windows.h>

#include "test.h"

struct tt {
    char dir[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_TABLEID tab;
    JET_COLUMNID ids[20];
};

static void tt_start_cache(struct tt *f, const char *name, unsigned long cache_pages)
{
    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "scratch-tt-%s\\", name);
    test_clean_dir(f->dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&f->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    if (cache_pages)
        expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramCacheSizeMax, cache_pages, NULL));
    expect_err(JET_errSuccess, JetInit(&f->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->ses, "", ""));
}

static void tt_start(struct tt *f, const char *name)
{
    tt_start_cache(f, name, 0);
}

static void tt_stop(struct tt *f)
{
    expect_err(JET_errSuccess, JetEndSession(f->ses, 0));
    expect_err(JET_errSuccess, JetTerm(f->inst));
}

static JET_COLUMNDEF coldef(JET_COLTYP coltyp, JET_GRBIT grbit)
{
    JET_COLUMNDEF d;
    memset(&d, 0, sizeof(d));
    d.cbStruct = sizeof(d);
    d.coltyp = coltyp;
    d.grbit = grbit;
    if (coltyp == JET_coltypText || coltyp == JET_coltypLongText) d.cp = 1252;
    return d;
}

/* A table of (key Long, val Text) with the key as TT key. */
static JET_ERR open_long_text(struct tt *f, JET_GRBIT keybits, JET_GRBIT grbit)
{
    JET_COLUMNDEF defs[2];
    defs[0] = coldef(JET_coltypLong, JET_bitColumnTTKey | keybits);
    defs[1] = coldef(JET_coltypText, 0);
    return JetOpenTempTable(f->ses, defs, 2, grbit, &f->tab, f->ids);
}

static JET_ERR put_row(struct tt *f, const long *key, const char *text)
{
    JET_ERR err;
    if ((err = JetPrepareUpdate(f->ses, f->tab, JET_prepInsert))) return err;
    if (key && (err = JetSetColumn(f->ses, f->tab, f->ids[0], key, sizeof(*key), 0, NULL))) return err;
    if (text && (err = JetSetColumn(f->ses, f->tab, f->ids[1], text, (unsigned long)strlen(text), 0, NULL)))
        return err;
    err = JetUpdate(f->ses, f->tab, NULL, 0, NULL);
    if (err < 0) JetPrepareUpdate(f->ses, f->tab, JET_prepCancel);
    return err;
}

static long get_long(struct tt *f, JET_COLUMNID col)
{
    long v = -12345;
    unsigned long cb = 0;
    JET_ERR err = JetRetrieveColumn(f->ses, f->tab, col, &v, sizeof(v), &cb, 0, NULL);
    if (err == JET_wrnColumnNull) return -1;
    return err == JET_errSuccess && cb == sizeof(v) ? v : -12345;
}

static void get_text(struct tt *f, JET_COLUMNID col, char *buf, unsigned long size)
{
    unsigned long cb = 0;
    buf[0] = 0;
    if (JetRetrieveColumn(f->ses, f->tab, col, buf, size - 1, &cb, 0, NULL) == JET_errSuccess) buf[cb] = 0;
}

/* Counts the rows from the first one. */
static long count_rows(struct tt *f)
{
    long n = 0;
    JET_ERR err = JetMove(f->ses, f->tab, JET_MoveFirst, 0);
    while (err == JET_errSuccess) {
        n++;
        err = JetMove(f->ses, f->tab, JET_MoveNext, 0);
    }
    return n;
}

TEST(temptable_sort_long)
{
    struct tt f;
    long i, k, prev;
    char text[32];

    tt_start(&f, "long");
    expect_err(JET_errSuccess, open_long_text(&f, 0, JET_bitTTIndexed | JET_bitTTScrollable));
    ok(f.ids[0] != f.ids[1] && f.ids[0] && f.ids[1], "column ids %lu %lu", (unsigned long)f.ids[0],
       (unsigned long)f.ids[1]);
    for (i = 0; i < 200; i++) {
        k = (i * 37) % 200 - 100;
        snprintf(text, sizeof(text), "v%ld", k);
        expect_err(JET_errSuccess, put_row(&f, &k, text));
    }
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    prev = -101;
    for (i = 0; i < 200; i++) {
        char want[32];
        k = get_long(&f, f.ids[0]);
        ok(k == prev + 1, "row %ld: key %ld after %ld", i, k, prev);
        get_text(&f, f.ids[1], text, sizeof(text));
        snprintf(want, sizeof(want), "v%ld", k);
        ok(!strcmp(text, want), "row %ld: %s", i, text);
        prev = k;
        if (i < 199) expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    }
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    /* Seeks on the key. */
    k = 42;
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, &k, sizeof(k), JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekEQ));
    ok(get_long(&f, f.ids[0]) == 42, "seek found %ld", get_long(&f, f.ids[0]));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MovePrevious, 0));
    ok(get_long(&f, f.ids[0]) == 41, "previous is %ld", get_long(&f, f.ids[0]));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveLast, 0));
    ok(get_long(&f, f.ids[0]) == 99, "last is %ld", get_long(&f, f.ids[0]));
    k = 500;
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, &k, sizeof(k), JET_bitNewKey));
    expect_err(JET_errRecordNotFound, JetSeek(f.ses, f.tab, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    expect_err(JET_errInvalidTableId, JetCloseTable(f.ses, f.tab));
    tt_stop(&f);
}

TEST(temptable_sort_descending_text)
{
    static const char *words[] = { "pear", "Apple", "fig", "banana", "cherry", "apple", "Fig", "date" };
    static const char *want[] = { "pear", "fig", "date", "cherry", "banana", "Apple" };
    JET_COLUMNDEF defs[2];
    struct tt f;
    char text[32];
    unsigned i;

    tt_start(&f, "desc");
    defs[0] = coldef(JET_coltypLong, 0);
    defs[1] = coldef(JET_coltypText, JET_bitColumnTTKey | JET_bitColumnTTDescending);
    expect_err(JET_errSuccess, JetOpenTempTable(f.ses, defs, 2, 0, &f.tab, f.ids));
    for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        long n = (long)i;
        expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
        expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.ids[0], &n, sizeof(n), 0, NULL));
        expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.ids[1], words[i], (unsigned long)strlen(words[i]), 0, NULL));
        /* Keys ignore case: "apple" and "Fig" are duplicates, dropped. */
        expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    }
    ok(count_rows(&f) == 6, "%ld rows", count_rows(&f));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    for (i = 0; i < 6; i++) {
        get_text(&f, f.ids[1], text, sizeof(text));
        ok(!strcmp(text, want[i]), "row %u: %s, expected %s", i, text, want[i]);
        if (i < 5) expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    }
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    tt_stop(&f);
}

TEST(temptable_two_keys_and_nulls)
{
    JET_COLUMNDEF defs[3];
    struct tt f;
    long a, b, i;
    static const long rows[][2] = { { 1, 5 }, { 2, 1 }, { 1, 7 }, { -1, 3 }, { 2, -1 }, { 1, -1 } };
    /* -1 stands for NULL. */

    tt_start(&f, "nulls");
    defs[0] = coldef(JET_coltypLong, JET_bitColumnTTKey);
    defs[1] = coldef(JET_coltypLong, JET_bitColumnTTKey | JET_bitColumnTTDescending);
    defs[2] = coldef(JET_coltypLong, 0);
    expect_err(JET_errSuccess, JetOpenTempTable(f.ses, defs, 3, JET_bitTTSortNullsHigh, &f.tab, f.ids));
    for (i = 0; i < 6; i++) {
        expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
        if (rows[i][0] >= 0) expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.ids[0], &rows[i][0], 4, 0, NULL));
        if (rows[i][1] >= 0) expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.ids[1], &rows[i][1], 4, 0, NULL));
        expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    }
    {
        /* a ascending, NULL last; b descending, NULL high: first. */
        static const long want[][2] = { { 1, -1 }, { 1, 7 }, { 1, 5 }, { 2, -1 }, { 2, 1 }, { -1, 3 } };
        expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
        for (i = 0; i < 6; i++) {
            a = get_long(&f, f.ids[0]);
            b = get_long(&f, f.ids[1]);
            ok(a == want[i][0] && b == want[i][1], "row %ld: (%ld, %ld), expected (%ld, %ld)", i, a, b,
               want[i][0], want[i][1]);
            if (i < 5) expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, 0));
        }
    }
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));

    /* Without SortNullsHigh NULLs come first. */
    expect_err(JET_errSuccess, JetOpenTempTable(f.ses, defs, 1, 0, &f.tab, f.ids));
    a = 3;
    expect_err(JET_errSuccess, put_row(&f, &a, NULL));
    expect_err(JET_errSuccess, put_row(&f, NULL, NULL));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    ok(get_long(&f, f.ids[0]) == -1, "first is %ld", get_long(&f, f.ids[0]));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    tt_stop(&f);
}

TEST(temptable_duplicates)
{
    struct tt f;
    long k;
    char text[32];

    tt_start(&f, "dups");
    /* Default: duplicates dropped silently, the first one stays. */
    expect_err(JET_errSuccess, open_long_text(&f, 0, 0));
    k = 1;
    expect_err(JET_errSuccess, put_row(&f, &k, "first"));
    expect_err(JET_errSuccess, put_row(&f, &k, "second"));
    k = 2;
    expect_err(JET_errSuccess, put_row(&f, &k, "other"));
    ok(count_rows(&f) == 2, "%ld rows", count_rows(&f));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    get_text(&f, f.ids[1], text, sizeof(text));
    ok(!strcmp(text, "first"), "kept %s", text);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));

    /* TTUnique: the same. */
    expect_err(JET_errSuccess, open_long_text(&f, 0, JET_bitTTUnique));
    k = 1;
    expect_err(JET_errSuccess, put_row(&f, &k, "a"));
    expect_err(JET_errSuccess, put_row(&f, &k, "b"));
    ok(count_rows(&f) == 1, "%ld rows", count_rows(&f));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));

    /* ErrorOnDuplicateInsertion: refused, the update stays prepared. */
    expect_err(JET_errSuccess, open_long_text(&f, 0, JET_bitTTErrorOnDuplicateInsertion | JET_bitTTUnique));
    k = 1;
    expect_err(JET_errSuccess, put_row(&f, &k, "a"));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.ids[0], &k, sizeof(k), 0, NULL));
    expect_err(JET_errKeyDuplicate, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    k = 3;
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.ids[0], &k, sizeof(k), 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    ok(count_rows(&f) == 2, "%ld rows", count_rows(&f));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));

    /* ForwardOnly without Unique keeps them, in insertion order. */
    expect_err(JET_errSuccess, open_long_text(&f, 0, JET_bitTTForwardOnly));
    k = 5;
    expect_err(JET_errSuccess, put_row(&f, &k, "x1"));
    k = 4;
    expect_err(JET_errSuccess, put_row(&f, &k, "y"));
    k = 5;
    expect_err(JET_errSuccess, put_row(&f, &k, "x2"));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    ok(get_long(&f, f.ids[0]) == 4, "first %ld", get_long(&f, f.ids[0]));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    get_text(&f, f.ids[1], text, sizeof(text));
    ok(get_long(&f, f.ids[0]) == 5 && !strcmp(text, "x1"), "second %ld %s", get_long(&f, f.ids[0]), text);
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    get_text(&f, f.ids[1], text, sizeof(text));
    ok(get_long(&f, f.ids[0]) == 5 && !strcmp(text, "x2"), "third %ld %s", get_long(&f, f.ids[0]), text);
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));

    /* ForwardOnly with Unique drops them. */
    expect_err(JET_errSuccess, open_long_text(&f, 0, JET_bitTTForwardOnly | JET_bitTTUnique));
    k = 5;
    expect_err(JET_errSuccess, put_row(&f, &k, "x1"));
    expect_err(JET_errSuccess, put_row(&f, &k, "x2"));
    ok(count_rows(&f) == 1, "%ld rows", count_rows(&f));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    tt_stop(&f);
}

TEST(temptable_forward_only)
{
    struct tt f;
    long k;

    tt_start(&f, "fwd");
    expect_err(JET_errCannotMaterializeForwardOnlySort, open_long_text(&f, 0, JET_bitTTForwardOnly | JET_bitTTScrollable));
    expect_err(JET_errCannotMaterializeForwardOnlySort, open_long_text(&f, 0, JET_bitTTForwardOnly | JET_bitTTIndexed));
    expect_err(JET_errCannotMaterializeForwardOnlySort, open_long_text(&f, 0, JET_bitTTForwardOnly | JET_bitTTUpdatable));
    expect_err(JET_errCannotMaterializeForwardOnlySort,
               open_long_text(&f, 0, JET_bitTTForwardOnly | JET_bitTTErrorOnDuplicateInsertion));

    expect_err(JET_errSuccess, open_long_text(&f, 0, JET_bitTTForwardOnly));
    for (k = 10; k > 0; k--) expect_err(JET_errSuccess, put_row(&f, &k, NULL));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    ok(get_long(&f, f.ids[0]) == 1, "first %ld", get_long(&f, f.ids[0]));
    /* The insert phase is over; only forward moves. */
    expect_err(JET_errInvalidOperation, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
    expect_err(JET_errInvalidOperation, JetMove(f.ses, f.tab, JET_MovePrevious, 0));
    expect_err(JET_errInvalidOperation, JetMove(f.ses, f.tab, JET_MoveLast, 0));
    expect_err(JET_errInvalidOperation, JetPrepareUpdate(f.ses, f.tab, JET_prepReplace));
    expect_err(JET_errInvalidOperation, JetDelete(f.ses, f.tab));
    k = 3;
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, &k, sizeof(k), JET_bitNewKey));
    expect_err(JET_errInvalidOperation, JetSeek(f.ses, f.tab, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, 2, 0));
    ok(get_long(&f, f.ids[0]) == 3, "now %ld", get_long(&f, f.ids[0]));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    tt_stop(&f);
}

TEST(temptable_updatable)
{
    struct tt f;
    long k;
    char text[32];

    tt_start(&f, "upd");
    expect_err(JET_errSuccess, open_long_text(&f, 0, JET_bitTTUpdatable | JET_bitTTScrollable | JET_bitTTIndexed));
    for (k = 1; k <= 5; k++) expect_err(JET_errSuccess, put_row(&f, &k, "old"));
    k = 3;
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, &k, sizeof(k), JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepReplace));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.ids[1], "new", 3, 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    get_text(&f, f.ids[1], text, sizeof(text));
    ok(!strcmp(text, "new"), "replaced: %s", text);
    expect_err(JET_errSuccess, JetDelete(f.ses, f.tab));
    ok(count_rows(&f) == 4, "%ld rows", count_rows(&f));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    tt_stop(&f);
}

TEST(temptable_errors)
{
    JET_COLUMNDEF defs[20];
    JET_OPENTEMPORARYTABLE ot;
    struct tt f;
    JET_TABLEID tab = 0;
    JET_COLUMNID ids[20];
    int i;

    tt_start(&f, "err");
    defs[0] = coldef(JET_coltypLong, JET_bitColumnTTKey);
    expect_err(JET_errInvalidGrbit, JetOpenTempTable(f.ses, defs, 1, 0x10000, &tab, ids));
    expect_err(JET_errInvalidParameter, JetOpenTempTable(f.ses, defs, 1, 0, NULL, ids));
    expect_err(JET_errInvalidParameter, JetOpenTempTable(f.ses, NULL, 1, 0, &tab, ids));
    expect_err(JET_errInvalidSesid, JetOpenTempTable(0, defs, 1, 0, &tab, ids));
    defs[0].coltyp = 99;
    expect_err(JET_errInvalidColumnType, JetOpenTempTable(f.ses, defs, 1, 0, &tab, ids));
    defs[0] = coldef(JET_coltypText, JET_bitColumnTTKey);
    defs[0].cp = 437;
    expect_err(JET_errInvalidCodePage, JetOpenTempTable(f.ses, defs, 1, 0, &tab, ids));
    expect_err(JET_errInvalidLanguageId, JetOpenTempTable2(f.ses, defs, 1, 0x7fffffff, 0, &tab, ids));

    /* More key columns than an index takes: the extra ones are ignored. */
    for (i = 0; i < 20; i++) defs[i] = coldef(JET_coltypShort, JET_bitColumnTTKey);
    expect_err(JET_errSuccess, JetOpenTempTable(f.ses, defs, 20, 0, &tab, ids));
    for (i = 1; i < 20; i++) ok(ids[i] != ids[i - 1], "id %d repeats", i);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, tab));

    /* Column options other than Fixed and Tagged are ignored. */
    defs[0] = coldef(JET_coltypLong, JET_bitColumnTTKey | JET_bitColumnAutoincrement);
    defs[1] = coldef(JET_coltypLong, JET_bitColumnTagged | JET_bitColumnMultiValued);
    expect_err(JET_errSuccess, JetOpenTempTable(f.ses, defs, 2, 0, &tab, ids));
    ok(ids[1] >= 256, "tagged id %lu", (unsigned long)ids[1]);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, tab));

    /* JET_OPENTEMPORARYTABLE's size is checked. */
    memset(&ot, 0, sizeof(ot));
    ot.cbStruct = sizeof(ot) - 1;
    ot.prgcolumndef = defs;
    ot.ccolumn = 1;
    ot.prgcolumnid = ids;
    expect_err(JET_errInvalidParameter, JetOpenTemporaryTable(f.ses, &ot));
    expect_err(JET_errInvalidParameter, JetOpenTemporaryTable(f.ses, NULL));
    tt_stop(&f);
}

TEST(temptable_opentemporarytable)
{
    JET_COLUMNDEF defs[2];
    JET_OPENTEMPORARYTABLE ot;
    JET_UNICODEINDEX ui;
    struct tt f;
    char key[600];
    unsigned long cb = 0;

    tt_start(&f, "otable");
    defs[0] = coldef(JET_coltypLongText, JET_bitColumnTTKey);
    defs[0].cp = 1200;
    defs[1] = coldef(JET_coltypLong, 0);
    memset(&ot, 0, sizeof(ot));
    ot.cbStruct = sizeof(ot);
    ot.prgcolumndef = defs;
    ot.ccolumn = 2;
    ot.grbit = JET_bitTTIndexed | JET_bitTTScrollable;
    ot.prgcolumnid = f.ids;
    ot.cbKeyMost = 500;
    ot.cbVarSegMac = 0;
    ui.lcid = 0x409;
    ui.dwMapFlags = 0;
    ot.pidxunicode = &ui;
    expect_err(JET_errSuccess, JetOpenTemporaryTable(f.ses, &ot));
    ok(ot.tableid != 0 && ot.tableid != JET_tableidNil, "tableid %p", (void *)ot.tableid);
    f.tab = ot.tableid;
    {
        WCHAR text[300];
        int i;
        for (i = 0; i < 299; i++) text[i] = 'a' + i % 26;
        expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
        expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.ids[0], text, 299 * 2, 0, NULL));
        expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    }
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetRetrieveKey(f.ses, f.tab, key, sizeof(key), &cb, 0));
    ok(cb > 255 && cb <= 500, "key of %lu bytes", cb);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));

    /* JetOpenTempTable3 with a JET_UNICODEINDEX. */
    expect_err(JET_errSuccess, JetOpenTempTable3(f.ses, defs, 2, &ui, 0, &f.tab, f.ids));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    expect_err(JET_errSuccess, JetOpenTempTable2(f.ses, defs, 2, 0x409, 0, &f.tab, f.ids));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    tt_stop(&f);
}

TEST(temptable_large)
{
    JET_COLUMNDEF defs[2];
    struct tt f;
    unsigned char blob[200];
    long i, k, n = 100000, bad = 0;
    JET_ERR err;

    /* A cache of 1000 pages: most of the table's 5000 pages live on disk. */
    tt_start_cache(&f, "large", 1000);
    defs[0] = coldef(JET_coltypLong, JET_bitColumnTTKey);
    defs[1] = coldef(JET_coltypBinary, 0);
    defs[1].cbMax = 255;
    expect_err(JET_errSuccess, JetOpenTempTable(f.ses, defs, 2, JET_bitTTScrollable, &f.tab, f.ids));
    memset(blob, 0x5a, sizeof(blob));
    for (i = 0; i < n; i++) {
        k = (long)(((unsigned long)i * 7919u) % (unsigned long)n);
        memcpy(blob, &k, sizeof(k));
        if ((err = JetPrepareUpdate(f.ses, f.tab, JET_prepInsert)) ||
            (err = JetSetColumn(f.ses, f.tab, f.ids[0], &k, sizeof(k), 0, NULL)) ||
            (err = JetSetColumn(f.ses, f.tab, f.ids[1], blob, sizeof(blob), 0, NULL)) ||
            (err = JetUpdate(f.ses, f.tab, NULL, 0, NULL))) {
            ok(0, "insert %ld: %ld", i, (long)err);
            break;
        }
    }
    err = JetMove(f.ses, f.tab, JET_MoveFirst, 0);
    for (i = 0; i < n && err == JET_errSuccess; i++) {
        unsigned char got[255];
        unsigned long cb = 0;
        k = get_long(&f, f.ids[0]);
        if (k != i) bad++;
        if (JetRetrieveColumn(f.ses, f.tab, f.ids[1], got, sizeof(got), &cb, 0, NULL) || cb != sizeof(blob) ||
            memcmp(got, &i, sizeof(i)))
            bad++;
        err = JetMove(f.ses, f.tab, JET_MoveNext, 0);
    }
    ok(i == n && bad == 0, "%ld rows read, %ld wrong", i, bad);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    tt_stop(&f);
}

TEST(temptable_lifecycle)
{
    struct tt f;
    JET_SESID ses2;
    JET_TABLEID dup, t2;
    long k;

    tt_start(&f, "life");
    /* A temp table opened in a transaction goes with its rollback. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    expect_err(JET_errSuccess, open_long_text(&f, 0, 0));
    k = 1;
    expect_err(JET_errSuccess, put_row(&f, &k, "a"));
    expect_err(JET_errSuccess, JetRollback(f.ses, 0));
    expect_err(JET_errInvalidTableId, JetMove(f.ses, f.tab, JET_MoveFirst, 0));

    /* Its rows are not transactional: a rollback keeps them. */
    expect_err(JET_errSuccess, open_long_text(&f, 0, 0));
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    expect_err(JET_errSuccess, put_row(&f, &k, "a"));
    expect_err(JET_errSuccess, JetRollback(f.ses, 0));
    ok(count_rows(&f) == 1, "%ld rows after rollback", count_rows(&f));

    /* JetDupCursor gives a second cursor on it, on the first row. */
    k = 2;
    expect_err(JET_errSuccess, put_row(&f, &k, "b"));
    expect_err(JET_errSuccess, JetDupCursor(f.ses, f.tab, &dup, 0));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveLast, 0));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    f.tab = dup;
    ok(get_long(&f, f.ids[0]) == 1, "dup on %ld", get_long(&f, f.ids[0]));
    ok(count_rows(&f) == 2, "%ld rows through the copy", count_rows(&f));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, dup));

    /* A cursor belongs to its session; JetEndSession closes it. */
    expect_err(JET_errSuccess, JetBeginSessionA(f.inst, &ses2, "", ""));
    expect_err(JET_errSuccess, open_long_text(&f, 0, 0));
    expect_err(JET_errSesidTableIdMismatch, JetMove(ses2, f.tab, JET_MoveFirst, 0));
    {
        JET_COLUMNDEF d = coldef(JET_coltypLong, JET_bitColumnTTKey);
        expect_err(JET_errSuccess, JetOpenTempTable(ses2, &d, 1, 0, &t2, NULL));
    }
    expect_err(JET_errSuccess, JetEndSession(ses2, 0));
    expect_err(JET_errInvalidTableId, JetCloseTable(f.ses, t2));
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    tt_stop(&f);
}

TEST(temptable_temp_database)
{
    struct tt f;
    char path[MAX_PATH], tmp[MAX_PATH];
    JET_DBID db[6], dbid;
    long k = 1;
    int i;

    tt_start(&f, "tmpdb");
    snprintf(tmp, sizeof(tmp), "%stmp.edb", f.dir);
    ok(GetFileAttributesA(tmp) == INVALID_FILE_ATTRIBUTES, "tmp.edb exists before any temp table");
    /* Temp tables need no user database. */
    expect_err(JET_errSuccess, open_long_text(&f, 0, 0));
    expect_err(JET_errSuccess, put_row(&f, &k, "a"));
    ok(GetFileAttributesA(tmp) != INVALID_FILE_ATTRIBUTES, "no tmp.edb in the temp path");
    /* It is not a user database. */
    expect_err(JET_errDatabaseNotFound, JetOpenDatabaseA(f.ses, tmp, NULL, &dbid, 0));
    for (i = 0; i < 6; i++) {
        snprintf(path, sizeof(path), "%sdb%d.edb", f.dir, i);
        expect_err(JET_errSuccess, JetCreateDatabaseA(f.ses, path, NULL, &db[i], 0));
    }
    snprintf(path, sizeof(path), "%sdb6.edb", f.dir);
    expect_err(JET_errTooManyAttachedDatabases, JetCreateDatabaseA(f.ses, path, NULL, &dbid, 0));
    ok(count_rows(&f) == 1, "%ld rows", count_rows(&f));
    for (i = 0; i < 6; i++) expect_err(JET_errSuccess, JetCloseDatabase(f.ses, db[i], 0));
    expect_err(JET_errSuccess, JetDetachDatabaseA(f.ses, NULL));
    ok(count_rows(&f) == 1, "%ld rows after detaching everything", count_rows(&f));
    /* Left open: JetTerm closes it and deletes the file. */
    tt_stop(&f);
    ok(GetFileAttributesA(tmp) == INVALID_FILE_ATTRIBUTES, "tmp.edb left after JetTerm");
}

TEST(temptable_replace_in_transaction)
{
    struct tt f;
    unsigned char bm[JET_cbBookmarkMost];
    unsigned long cbm = 0;
    char text[16];
    long k = 7;

    tt_start(&f, "replacetrx");
    expect_err(JET_errSuccess, open_long_text(&f, 0, JET_bitTTIndexed));
    expect_err(JET_errSuccess, put_row(&f, &k, "before"));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    /* A replace prepared inside a transaction does not lock the row
     * against its own update (the rows are written outside it). */
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepReplace));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.ids[1], "after", 5, 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, bm, sizeof(bm), &cbm));
    expect_err(JET_errSuccess, JetGotoBookmark(f.ses, f.tab, bm, cbm));
    expect_err(JET_errSuccess, JetCommitTransaction(f.ses, 0));
    get_text(&f, f.ids[1], text, sizeof(text));
    ok(!strcmp(text, "after"), "text %s", text);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    tt_stop(&f);
}

/* Rows of a one-column Unicode temp table sorted with map flags `flags`. */
static long case_rows(struct tt *f, JET_ULONG_ flags)
{
    static const WCHAR words[][3] = { { 'b', 0 }, { 'a', 0 }, { 'A', 0 }, { 'B', 0 }, { 'a', 0 } };
    JET_COLUMNDEF def = coldef(JET_coltypText, JET_bitColumnTTKey);
    JET_UNICODEINDEX ui;
    long n;
    size_t i;

    def.cp = 1200;
    ui.lcid = 0x409;
    ui.dwMapFlags = flags;
    expect_err(JET_errSuccess, JetOpenTempTable3(f->ses, &def, 1, &ui, JET_bitTTScrollable, &f->tab, f->ids));
    for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        expect_err(JET_errSuccess, JetPrepareUpdate(f->ses, f->tab, JET_prepInsert));
        expect_err(JET_errSuccess, JetSetColumn(f->ses, f->tab, f->ids[0], words[i], 2, 0, NULL));
        expect_err(JET_errSuccess, JetUpdate(f->ses, f->tab, NULL, 0, NULL));
    }
    n = count_rows(f);
    expect_err(JET_errSuccess, JetCloseTable(f->ses, f->tab));
    return n;
}

TEST(temptable_unicode_map_flags)
{
    struct tt f;
    long n;

    tt_start(&f, "mapflags");
    /* dwMapFlags 0 is a plain sort key: "a" and "A" are two keys. */
    n = case_rows(&f, 0);
    ok(n == 4, "case-sensitive sort kept %ld rows", n);
    /* NORM_IGNORECASE makes them one. */
    n = case_rows(&f, 0x00000001);
    ok(n == 2, "case-insensitive sort kept %ld rows", n);
    tt_stop(&f);
}
