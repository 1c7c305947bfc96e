/*
 * bigkeys.c - the largest keys ESE accepts, at the smallest and the largest
 * page size: a primary key and a secondary index key both at their
 * cbKeyMost (1000 on 4 KiB pages, 2000 on 32 KiB ones), so that a secondary
 * entry holds two maximum keys.  Seeks, moves, ranges, JetRetrieveKey,
 * bookmarks of both kinds, unique checks on the index key alone, an index
 * built over existing rows, replace and delete maintenance, a restart, and
 * temporary tables; then the limits themselves: one byte more of cbKeyMost,
 * and one byte more of key data (silently truncated, or refused with
 * JET_bitIndexDisallowTruncation).
 *
 * The database page size is a global parameter: each test sets it while no
 * instance runs and puts the default (4096) back at the end.
 */
#include <string.h>
#include <windows.h>

#include "test.h"

struct bk {
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
    JET_COLUMNID id, pk, sk, u, x;
    unsigned long page, km; /* page size, the largest cbKeyMost for it */
    unsigned long vlen;     /* bytes of a key column value: more than a key holds */
};

/* A variable binary value of n bytes makes a segment of 1 + 9 * ceil(n / 8)
 * bytes (docs/keys.md): the longest value whose key is not cut at km. */
static unsigned long fit_len(unsigned long km)
{
    return (km - 1) / 9 * 8;
}

static void bk_instance(struct bk *f, const char *name)
{
    f->inst = 0;
    expect_err(JET_errSuccess, JetCreateInstanceA(&f->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    expect_err(JET_errSuccess, JetInit(&f->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->ses, "", ""));
}

static void bk_stop(struct bk *f)
{
    if (f->tab) expect_err(JET_errSuccess, JetCloseTable(f->ses, f->tab));
    f->tab = 0;
    expect_err(JET_errSuccess, JetEndSession(f->ses, 0));
    expect_err(JET_errSuccess, JetTerm(f->inst));
}

static JET_COLUMNID bk_column(struct bk *f, const char *name, JET_COLTYP coltyp)
{
    JET_COLUMNDEF def;
    JET_COLUMNID id = 0;
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = coltyp;
    def.grbit = coltyp == JET_coltypLong ? JET_bitColumnFixed : 0;
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, f->tab, name, &def, NULL, 0, &id));
    return id;
}

static JET_ERR bk_index(struct bk *f, const char *name, const char *key, JET_GRBIT grbit, unsigned long km)
{
    JET_INDEXCREATE_A ic;
    memset(&ic, 0, sizeof(ic));
    ic.cbStruct = sizeof(ic);
    ic.szIndexName = (char *)name;
    ic.szKey = (char *)key;
    ic.cbKey = (unsigned long)strlen(key) + 2;
    ic.grbit = grbit | JET_bitIndexKeyMost;
    ic.ulDensity = 100;
    ic.cbKeyMost = km;
    return JetCreateIndex2A(f->ses, f->tab, &ic, 1);
}

/* Key column values: a distinguishing head, then filler past what a key
 * holds, so that keys are truncated at cbKeyMost. */
static void value(unsigned char *buf, unsigned long n, unsigned head, int fill)
{
    memset(buf, fill, n);
    buf[0] = (unsigned char)(head >> 24);
    buf[1] = (unsigned char)(head >> 16);
    buf[2] = (unsigned char)(head >> 8);
    buf[3] = (unsigned char)head;
}

/* Inserts row id with pk head id, sk head grp, u head uh (u's last byte
 * ulast). */
static JET_ERR bk_insert(struct bk *f, long id, unsigned grp, unsigned uh, int ulast)
{
    static unsigned char b[4000];
    JET_ERR err;

    if ((err = JetPrepareUpdate(f->ses, f->tab, JET_prepInsert))) return err;
    if ((err = JetSetColumn(f->ses, f->tab, f->id, &id, sizeof(id), 0, NULL))) goto fail;
    value(b, f->vlen, (unsigned)id, 'p');
    if ((err = JetSetColumn(f->ses, f->tab, f->pk, b, f->vlen, 0, NULL))) goto fail;
    value(b, f->vlen, grp, 's');
    if ((err = JetSetColumn(f->ses, f->tab, f->sk, b, f->vlen, 0, NULL))) goto fail;
    value(b, f->vlen, uh, 'u');
    b[f->vlen - 1] = (unsigned char)ulast;
    if ((err = JetSetColumn(f->ses, f->tab, f->u, b, f->vlen, 0, NULL))) goto fail;
    if ((err = JetUpdate(f->ses, f->tab, NULL, 0, NULL))) goto fail;
    return 0;
fail:
    JetPrepareUpdate(f->ses, f->tab, JET_prepCancel);
    return err;
}

static long bk_id(struct bk *f)
{
    long id = -1;
    unsigned long cb = 0;
    JET_ERR err = JetRetrieveColumn(f->ses, f->tab, f->id, &id, sizeof(id), &cb, 0, NULL);
    return err == JET_errSuccess && cb == sizeof(id) ? id : -1;
}

/* The ids of the current index in order; returns how many. */
static int bk_scan(struct bk *f, long *ids, int max)
{
    int n = 0;
    JET_ERR err;
    for (err = JetMove(f->ses, f->tab, JET_MoveFirst, 0); !err && n < max;
         err = JetMove(f->ses, f->tab, JET_MoveNext, 0))
        ids[n++] = bk_id(f);
    ok(err == JET_errNoCurrentRecord || n == max, "scan ends with %ld", (long)err);
    return n;
}

#define NROWS 30

/* Ids in "bysk" order: group (id % 3) first, then the primary key (id). */
static void check_bysk(struct bk *f, const long *deleted, int ndel, const char *when)
{
    long ids[NROWS + 4], want[NROWS + 4];
    int n, m = 0, g, i, j, same;

    for (g = 0; g < 3; g++)
        for (i = 0; i < NROWS; i++) {
            int gone = 0;
            for (j = 0; j < ndel; j++) gone |= deleted[j] == i;
            if (i % 3 == g && !gone) want[m++] = i;
        }
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f->ses, f->tab, "bysk"));
    n = bk_scan(f, ids, NROWS + 4);
    same = n == m;
    for (i = 0; same && i < n; i++) same = ids[i] == want[i];
    ok(same, "%s: bysk order wrong (%d rows, want %d; first %ld %ld %ld)", when, n, m, ids[0], ids[1], ids[2]);
}

static void bk_setup(struct bk *f, const char *name, unsigned long page)
{
    memset(f, 0, sizeof(*f));
    f->page = page;
    f->km = page == 4096 ? 1000 : 2000;
    f->vlen = f->km + 200;
    snprintf(f->dir, sizeof(f->dir), "scratch-bigkeys-%s\\", name);
    test_clean_dir(f->dir);
    snprintf(f->path, sizeof(f->path), "%stest.edb", f->dir);
    expect_err(JET_errSuccess, JetSetSystemParameterA(NULL, JET_sesidNil, JET_paramDatabasePageSize, page, NULL));
    bk_instance(f, name);
    expect_err(JET_errSuccess, JetCreateDatabaseA(f->ses, f->path, NULL, &f->db, 0));
    expect_err(JET_errSuccess, JetCreateTableA(f->ses, f->db, "t", 0, 100, &f->tab));
    f->id = bk_column(f, "id", JET_coltypLong);
    f->pk = bk_column(f, "pk", JET_coltypLongBinary);
    f->sk = bk_column(f, "sk", JET_coltypLongBinary);
    f->u = bk_column(f, "u", JET_coltypLongBinary);
    f->x = bk_column(f, "x", JET_coltypLongBinary);
}

static void bk_teardown(struct bk *f)
{
    bk_stop(f);
    expect_err(JET_errSuccess, JetSetSystemParameterA(NULL, JET_sesidNil, JET_paramDatabasePageSize, 4096, NULL));
}

static void big_keys(const char *name, unsigned long page)
{
    static unsigned char b[4000], key[4100], skey[4100], pbm[4100];
    unsigned long cb = 0, cbs = 0, cbp = 0, crec = 0;
    long deleted[2] = { 4, 17 }, id;
    struct bk f;
    int i;

    bk_setup(&f, name, page);
    /* One byte past the largest cbKeyMost of the page size. */
    expect_err(JET_errIndexInvalidDef, bk_index(&f, "toobig", "+sk\0", 0, f.km + 1));
    expect_err(JET_errSuccess, bk_index(&f, "primary", "+pk\0", JET_bitIndexPrimary, f.km));
    expect_err(JET_errSuccess, bk_index(&f, "bysk", "+sk\0", 0, f.km));
    expect_err(JET_errSuccess, bk_index(&f, "byu", "+u\0", JET_bitIndexUnique, f.km));

    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    for (i = 0; i < NROWS; i++) expect_err(JET_errSuccess, bk_insert(&f, i, (unsigned)(i % 3), (unsigned)i, 'u'));
    expect_err(JET_errSuccess, JetCommitTransaction(f.ses, 0));
    /* An index made over the rows that exist, in the creating transaction. */
    expect_err(JET_errSuccess, bk_index(&f, "late", "-sk\0", 0, f.km));

    /* Keys are cut at cbKeyMost, silently. */
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "bysk"));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetRetrieveKey(f.ses, f.tab, key, sizeof(key), &cb, 0));
    ok(cb == f.km, "secondary key of %lu bytes", cb);
    expect_err(JET_errSuccess, JetGetBookmark(f.ses, f.tab, pbm, sizeof(pbm), &cbp));
    ok(cbp == f.km, "bookmark of %lu bytes", cbp);
    check_bysk(&f, NULL, 0, "inserted");

    /* The built index: descending groups, the primary key ascending within one. */
    {
        long ids[NROWS];
        int n, good;
        expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "late"));
        n = bk_scan(&f, ids, NROWS);
        good = n == NROWS && ids[0] == 2 && ids[1] == 5 && ids[NROWS / 3] == 1 && ids[NROWS - 1] == NROWS - 3;
        ok(good, "late: %d rows, %ld %ld %ld %ld", n, ids[0], ids[1], ids[NROWS / 3], ids[NROWS - 1]);
    }

    /* Seek on the whole (truncated) key, a range over one group. */
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "bysk"));
    value(b, f.vlen, 1, 's');
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, b, f.vlen, JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekEQ | JET_bitSetIndexRange));
    ok(bk_id(&f) == 1, "seek lands on %ld", bk_id(&f));
    expect_err(JET_errSuccess, JetIndexRecordCount(f.ses, f.tab, &crec, 0));
    ok(crec == NROWS / 3, "range holds %lu", crec);
    for (i = 1; JetMove(f.ses, f.tab, JET_MoveNext, 0) == JET_errSuccess; i++)
        ;
    ok(i == NROWS / 3, "moved through %d", i);
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    value(b, f.vlen, 2, 's');
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, b, f.vlen, JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekLT));
    ok(bk_id(&f) == NROWS - 2, "seek LT lands on %ld", bk_id(&f));

    /* Secondary index bookmarks: a maximum index key and a maximum bookmark. */
    expect_err(JET_errSuccess, JetGetSecondaryIndexBookmark(f.ses, f.tab, skey, sizeof(skey), &cbs, pbm,
                                                          sizeof(pbm), &cbp, 0));
    ok(cbs == f.km && cbp == f.km, "secondary bookmark %lu + %lu", cbs, cbp);
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetGotoSecondaryIndexBookmark(f.ses, f.tab, skey, cbs, pbm, cbp, 0));
    ok(bk_id(&f) == NROWS - 2, "went to %ld", bk_id(&f));
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "primary"));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetGotoBookmark(f.ses, f.tab, pbm, cbp));
    ok(bk_id(&f) == NROWS - 2, "bookmark to %ld", bk_id(&f));

    /* Uniqueness is on the index key alone: u values that differ only past
     * what the key holds are duplicates; the bookmark does not tell them
     * apart. */
    expect_err(JET_errKeyDuplicate, bk_insert(&f, 100, 0, 7, 'z'));
    expect_err(JET_errSuccess, bk_insert(&f, 100, 0, 1000, 'z'));
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "primary"));
    id = 100;
    value(b, f.vlen, 100, 'p');
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, b, f.vlen, JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekEQ));
    ok(bk_id(&f) == id, "row %ld", bk_id(&f));
    expect_err(JET_errSuccess, JetDelete(f.ses, f.tab));

    /* Replace moves the row's secondary entries; delete removes them. */
    for (i = 0; i < 3; i++) {
        static const unsigned grp[3] = { 0, 1, 0 };
        static const int tail[3] = { 'q', 's', 's' };
        value(b, f.vlen, 6, 'p');
        expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "primary"));
        expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, b, f.vlen, JET_bitNewKey));
        expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekEQ));
        expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepReplace));
        value(b, f.vlen, grp[i], 's');
        b[f.vlen - 1] = (unsigned char)tail[i]; /* past the key */
        expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.sk, b, f.vlen, 0, NULL));
        expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
        expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "bysk"));
        value(b, f.vlen, 1, 's');
        expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, b, f.vlen, JET_bitNewKey));
        expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekEQ | JET_bitSetIndexRange));
        expect_err(JET_errSuccess, JetIndexRecordCount(f.ses, f.tab, &crec, 0));
        ok(crec == NROWS / 3 + (grp[i] == 1), "replace %d: group 1 holds %lu", i, crec);
    }
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "primary"));
    for (i = 0; i < 2; i++) {
        value(b, f.vlen, (unsigned)deleted[i], 'p');
        expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, b, f.vlen, JET_bitNewKey));
        expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekEQ));
        expect_err(JET_errSuccess, JetDelete(f.ses, f.tab));
    }
    check_bysk(&f, deleted, 2, "deleted");

    /* Everything is still there after a restart. */
    expect_err(JET_errSuccess, JetCloseTable(f.ses, f.tab));
    f.tab = 0;
    bk_stop(&f);
    bk_instance(&f, name);
    expect_err(JET_errSuccess, JetAttachDatabaseA(f.ses, f.path, 0));
    expect_err(JET_errSuccess, JetOpenDatabaseA(f.ses, f.path, NULL, &f.db, 0));
    expect_err(JET_errSuccess, JetOpenTableA(f.ses, f.db, "t", NULL, 0, 0, &f.tab));
    check_bysk(&f, deleted, 2, "restarted");
    bk_teardown(&f);
}

TEST(bigkeys_4k)
{
    big_keys("4k", 4096);
}

TEST(bigkeys_32k)
{
    big_keys("32k", 32768);
}

/* Just at and just past cbKeyMost: a key that fits exactly, and one byte of
 * data more, which is cut silently, or refused with
 * JET_bitIndexDisallowTruncation. */
static void key_limits(const char *name, unsigned long page)
{
    static unsigned char b[4000], key[4100];
    unsigned long fit, cb = 0;
    long id = 1;
    struct bk f;

    bk_setup(&f, name, page);
    fit = fit_len(f.km);
    expect_err(JET_errSuccess, bk_index(&f, "primary", "+x\0", JET_bitIndexPrimary, f.km));
    expect_err(JET_errSuccess, bk_index(&f, "strict", "+sk\0", JET_bitIndexDisallowTruncation, f.km));
    expect_err(JET_errSuccess, bk_index(&f, "loose", "+u\0", 0, f.km));

    memset(b, 'a', sizeof(b));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.id, &id, sizeof(id), 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.x, b, fit + 1, 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.sk, b, fit, 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.u, b, fit + 1, 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));

    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "strict"));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetRetrieveKey(f.ses, f.tab, key, sizeof(key), &cb, 0));
    ok(cb == 1 + fit / 8 * 9, "exact key of %lu bytes", cb); /* 1000; 1999 with 2000 */
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "loose"));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetRetrieveKey(f.ses, f.tab, key, sizeof(key), &cb, 0));
    ok(cb == f.km, "cut key of %lu bytes", cb);
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "primary"));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetRetrieveKey(f.ses, f.tab, key, sizeof(key), &cb, 0));
    ok(cb == f.km, "cut primary key of %lu bytes", cb);

    /* A search key gets cut the same way. */
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, b, fit + 100, JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekEQ));
    expect_err(JET_errSuccess, JetRetrieveKey(f.ses, f.tab, key, sizeof(key), &cb, JET_bitRetrieveCopy));
    ok(cb == f.km, "search key of %lu bytes", cb);

    /* One byte more in the strict index's column: refused. */
    id = 2;
    b[0] = 'b';
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.id, &id, sizeof(id), 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.x, b, fit + 1, 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.sk, b, fit + 1, 0, NULL));
    expect_err(JET_errKeyTruncated, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.sk, b, fit, 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    bk_teardown(&f);
}

TEST(bigkeys_limits_4k)
{
    key_limits("lim4k", 4096);
}

TEST(bigkeys_limits_32k)
{
    key_limits("lim32k", 32768);
}

/* Temporary tables with keys of the largest size. */
static void temp_keys(const char *name, unsigned long page)
{
    static unsigned char b[4000], key[4100];
    JET_COLUMNDEF defs[2];
    JET_COLUMNID ids[2];
    JET_OPENTEMPORARYTABLE ot;
    unsigned long cb = 0;
    struct bk f;
    long i, n = 40, v;
    int good = 1;

    memset(&f, 0, sizeof(f));
    f.km = page == 4096 ? 1000 : 2000;
    snprintf(f.dir, sizeof(f.dir), "scratch-bigkeys-%s\\", name);
    test_clean_dir(f.dir);
    expect_err(JET_errSuccess, JetSetSystemParameterA(NULL, JET_sesidNil, JET_paramDatabasePageSize, page, NULL));
    bk_instance(&f, name);
    memset(defs, 0, sizeof(defs));
    defs[0].cbStruct = defs[1].cbStruct = sizeof(defs[0]);
    defs[0].coltyp = JET_coltypLongBinary;
    defs[0].grbit = JET_bitColumnTTKey;
    defs[1].coltyp = JET_coltypLong;
    memset(&ot, 0, sizeof(ot));
    ot.cbStruct = sizeof(ot);
    ot.prgcolumndef = defs;
    ot.ccolumn = 2;
    ot.grbit = JET_bitTTIndexed | JET_bitTTScrollable | JET_bitTTUpdatable;
    ot.prgcolumnid = ids;
    ot.cbKeyMost = f.km;
    expect_err(JET_errSuccess, JetOpenTemporaryTable(f.ses, &ot));
    f.tab = ot.tableid;
    for (i = 0; i < n; i++) {
        long k = (i * 7) % n;
        value(b, f.km + 100, (unsigned)k, 't');
        expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
        expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, ids[0], b, f.km + 100, 0, NULL));
        expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, ids[1], &k, sizeof(k), 0, NULL));
        expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    }
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetRetrieveKey(f.ses, f.tab, key, sizeof(key), &cb, 0));
    ok(cb == f.km, "temp key of %lu bytes", cb);
    for (i = 0; i < n; i++) {
        cb = 0;
        v = -1;
        JetRetrieveColumn(f.ses, f.tab, ids[1], &v, sizeof(v), &cb, 0, NULL);
        good &= v == i;
        if (i + 1 < n) expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    }
    ok(good, "temp rows out of order");
    value(b, f.km + 100, 17, 't');
    expect_err(JET_errSuccess, JetMakeKey(f.ses, f.tab, b, f.km + 100, JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f.ses, f.tab, JET_bitSeekEQ));
    cb = 0;
    v = -1;
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, ids[1], &v, sizeof(v), &cb, 0, NULL));
    ok(v == 17, "temp seek lands on %ld", v);
    bk_teardown(&f);
}

TEST(bigkeys_temp_4k)
{
    temp_keys("tmp4k", 4096);
}

TEST(bigkeys_temp_32k)
{
    temp_keys("tmp32k", 32768);
}
