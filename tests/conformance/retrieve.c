/*
 * retrieve.c - reading column values: JetRetrieveColumn, JetRetrieveColumns,
 * JetEnumerateColumns, JetRetrieveTaggedColumnList, JetGetRecordSize(2):
 * NULL values, short buffers, multi-values and itagSequence, columnid 0,
 * tagged defaults, long values with ibLongValue, the copy buffer, index
 * flags, and the documented errors.
 */
#include <stdlib.h>
#include <string.h>
#include <windows.h>

#include "test.h"

struct rfix {
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
    JET_COLUMNID id, name, bin, data, tags, def;
    unsigned char lv[5000];
};

/* JetRetrieveTaggedColumnList's entries (ESE's JET_RETRIEVEMULTIVALUECOUNT). */
struct mvcount {
    JET_COLUMNID columnid;
    unsigned short cMultiValues;
    unsigned short usFlags;
};

static JET_COLUMNID rfix_column(struct rfix *f, const char *name, JET_COLTYP coltyp, unsigned long cbMax,
                                JET_GRBIT grbit, const void *def, unsigned long cbdef)
{
    JET_COLUMNDEF cd;
    JET_COLUMNID id = 0;
    memset(&cd, 0, sizeof(cd));
    cd.cbStruct = sizeof(cd);
    cd.coltyp = coltyp;
    cd.cbMax = cbMax;
    cd.grbit = grbit;
    cd.cp = coltyp == JET_coltypText || coltyp == JET_coltypLongText ? 1252 : 0;
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, f->tab, name, &cd, def, cbdef, &id));
    return id;
}

/* Table "t": id Long (primary "pk"), name Text (index "byname"), bin
 * Binary, data LongBinary, tags Long multi-valued, def Long tagged with
 * default 7.  One row: id 1, name "alice", data 5000 bytes, tags 10 20 30;
 * bin and def unset.  The cursor is on it. */
static void rfix_setup(struct rfix *f, const char *name)
{
    long seven = 7, id = 1, tag;
    unsigned i;

    memset(f, 0, sizeof(*f));
    for (i = 0; i < sizeof(f->lv); i++) f->lv[i] = (unsigned char)(i * 7 + 1);
    snprintf(f->dir, sizeof(f->dir), "scratch-ret-%s\\", name);
    test_clean_dir(f->dir);
    snprintf(f->path, sizeof(f->path), "%stest.edb", f->dir);
    expect_err(JET_errSuccess, JetCreateInstanceA(&f->inst, name));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramSystemPath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramLogFilePath, 0, f->dir));
    expect_err(JET_errSuccess, JetSetSystemParameterA(&f->inst, JET_sesidNil, JET_paramTempPath, 0, f->dir));
    expect_err(JET_errSuccess, JetInit(&f->inst));
    expect_err(JET_errSuccess, JetBeginSessionA(f->inst, &f->ses, "", ""));
    expect_err(JET_errSuccess, JetCreateDatabaseA(f->ses, f->path, NULL, &f->db, 0));
    expect_err(JET_errSuccess, JetCreateTableA(f->ses, f->db, "t", 0, 0, &f->tab));
    f->id = rfix_column(f, "id", JET_coltypLong, 0, JET_bitColumnFixed, NULL, 0);
    f->name = rfix_column(f, "name", JET_coltypText, 64, 0, NULL, 0);
    f->bin = rfix_column(f, "bin", JET_coltypBinary, 32, 0, NULL, 0);
    f->data = rfix_column(f, "data", JET_coltypLongBinary, 0, 0, NULL, 0);
    f->tags = rfix_column(f, "tags", JET_coltypLong, 0, JET_bitColumnTagged | JET_bitColumnMultiValued, NULL, 0);
    f->def = rfix_column(f, "def", JET_coltypLong, 0, JET_bitColumnTagged, &seven, sizeof(seven));
    expect_err(JET_errSuccess, JetCreateIndexA(f->ses, f->tab, "pk", JET_bitIndexPrimary, "+id\0", 5, 100));
    expect_err(JET_errSuccess, JetCreateIndexA(f->ses, f->tab, "byname", 0, "+name\0", 7, 100));

    expect_err(JET_errSuccess, JetPrepareUpdate(f->ses, f->tab, JET_prepInsert));
    expect_err(JET_errSuccess, JetSetColumn(f->ses, f->tab, f->id, &id, sizeof(id), 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(f->ses, f->tab, f->name, "alice", 5, 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(f->ses, f->tab, f->data, f->lv, sizeof(f->lv), 0, NULL));
    for (tag = 10; tag <= 30; tag += 10) {
        /* itagSequence 0 appends a value (NULL setinfo means itag 1). */
        JET_SETINFO si = { sizeof(JET_SETINFO), 0, 0 };
        expect_err(JET_errSuccess, JetSetColumn(f->ses, f->tab, f->tags, &tag, sizeof(tag), 0, &si));
    }
    expect_err(JET_errSuccess, JetUpdate(f->ses, f->tab, NULL, 0, NULL));
    expect_err(JET_errSuccess, JetMove(f->ses, f->tab, JET_MoveFirst, 0));
}

static void rfix_teardown(struct rfix *f)
{
    if (f->tab) expect_err(JET_errSuccess, JetCloseTable(f->ses, f->tab));
    expect_err(JET_errSuccess, JetEndSession(f->ses, 0));
    expect_err(JET_errSuccess, JetTerm(f->inst));
}

/* Value itag of a Long column, or -1 with the result in *perr. */
static long get_long(struct rfix *f, JET_COLUMNID col, unsigned long itag, JET_GRBIT grbit, JET_ERR *perr)
{
    JET_RETINFO ri;
    long v = -1;
    unsigned long cb = 0;
    memset(&ri, 0, sizeof(ri));
    ri.cbStruct = sizeof(ri);
    ri.itagSequence = itag;
    *perr = JetRetrieveColumn(f->ses, f->tab, col, &v, sizeof(v), &cb, grbit, &ri);
    return *perr == JET_errSuccess && cb == sizeof(v) ? v : -1;
}

TEST(retrieve_column_basics)
{
    struct rfix f;
    char buf[64];
    unsigned long cb;
    long v;
    JET_RETINFO ri;

    rfix_setup(&f, "basics");
    cb = 0;
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.id, &v, sizeof(v), &cb, 0, NULL));
    ok(v == 1 && cb == sizeof(v), "id %ld cb %lu", v, cb);
    memset(buf, 0, sizeof(buf));
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.name, buf, sizeof(buf), &cb, 0, NULL));
    ok(cb == 5 && !memcmp(buf, "alice", 5), "name %.*s cb %lu", (int)cb, buf, cb);
    /* NULL pcbActual is allowed. */
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.name, buf, sizeof(buf), NULL, 0, NULL));

    /* A short buffer: the first bytes, the full size, a warning. */
    memset(buf, 0, sizeof(buf));
    expect_err(JET_wrnBufferTruncated, JetRetrieveColumn(f.ses, f.tab, f.name, buf, 2, &cb, 0, NULL));
    ok(cb == 5 && !memcmp(buf, "al", 2) && buf[2] == 0, "truncated: cb %lu %s", cb, buf);
    expect_err(JET_wrnBufferTruncated, JetRetrieveColumn(f.ses, f.tab, f.name, NULL, 0, &cb, 0, NULL));
    ok(cb == 5, "size only: cb %lu", cb);

    /* NULL: the warning with a size of 0. */
    cb = 99;
    expect_err(JET_wrnColumnNull, JetRetrieveColumn(f.ses, f.tab, f.bin, buf, sizeof(buf), &cb, 0, NULL));
    ok(cb == 0, "NULL cb %lu", cb);

    /* Errors. */
    expect_err(JET_errColumnNotFound, JetRetrieveColumn(f.ses, f.tab, 4000, buf, sizeof(buf), &cb, 0, NULL));
    expect_err(JET_errBadColumnId, JetRetrieveColumn(f.ses, f.tab, 0x7FFFFFF0, buf, sizeof(buf), &cb, 0, NULL));
    expect_err(JET_errInvalidTableId, JetRetrieveColumn(f.ses, (JET_TABLEID)0x4321, f.id, buf, sizeof(buf), &cb, 0, NULL));
    expect_err(JET_errInvalidSesid, JetRetrieveColumn(JET_sesidNil, f.tab, f.id, buf, sizeof(buf), &cb, 0, NULL));
    expect_err(JET_errInvalidGrbit, JetRetrieveColumn(f.ses, f.tab, f.id, buf, sizeof(buf), &cb, 0x40000000, NULL));
    expect_err(JET_errInvalidGrbit, JetRetrieveColumn(f.ses, f.tab, f.id, buf, sizeof(buf), &cb,
                                                      JET_bitRetrieveFromIndex | JET_bitRetrieveFromPrimaryBookmark, NULL));
    memset(&ri, 0, sizeof(ri));
    ri.cbStruct = sizeof(ri) - 1;
    ri.itagSequence = 1;
    expect_err(JET_errInvalidParameter, JetRetrieveColumn(f.ses, f.tab, f.id, buf, sizeof(buf), &cb, 0, &ri));
    ri.cbStruct = sizeof(ri);
    ri.itagSequence = 0;
    expect_err(JET_errBadItagSequence, JetRetrieveColumn(f.ses, f.tab, f.id, buf, sizeof(buf), &cb, 0, &ri));

    /* Off the records: no current record. */
    expect_err(JET_errNoCurrentRecord, JetMove(f.ses, f.tab, JET_MoveNext, 0));
    expect_err(JET_errNoCurrentRecord, JetRetrieveColumn(f.ses, f.tab, f.id, buf, sizeof(buf), &cb, 0, NULL));
    rfix_teardown(&f);
}

TEST(retrieve_column_multivalues_and_defaults)
{
    struct rfix f;
    JET_RETINFO ri;
    JET_ERR err = 0; /* also read by ok()'s message arguments */
    unsigned long cb;
    long v;

    rfix_setup(&f, "multi");
    ok(get_long(&f, f.tags, 1, 0, &err) == 10 && err == 0, "tag 1 (%ld)", (long)err);
    ok(get_long(&f, f.tags, 2, 0, &err) == 20 && err == 0, "tag 2 (%ld)", (long)err);
    ok(get_long(&f, f.tags, 3, 0, &err) == 30 && err == 0, "tag 3 (%ld)", (long)err);
    get_long(&f, f.tags, 4, 0, &err);
    ok(err == JET_wrnColumnNull, "tag 4: %ld", (long)err);
    /* A fixed column has only value 1. */
    get_long(&f, f.id, 2, 0, &err);
    ok(err == JET_wrnColumnNull, "id itag 2: %ld", (long)err);

    /* The tagged default, unless IgnoreDefault. */
    ok(get_long(&f, f.def, 1, 0, &err) == 7 && err == 0, "default (%ld)", (long)err);
    get_long(&f, f.def, 1, JET_bitRetrieveIgnoreDefault, &err);
    ok(err == JET_wrnColumnNull, "IgnoreDefault: %ld", (long)err);

    /* RetrieveTag returns the sequence number. */
    memset(&ri, 0, sizeof(ri));
    ri.cbStruct = sizeof(ri);
    ri.itagSequence = 2;
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.tags, &v, sizeof(v), &cb, JET_bitRetrieveTag, &ri));
    ok(v == 20 && ri.itagSequence == 2 && ri.columnidNextTagged == f.tags, "tag: %ld %lu %lu", v,
       (unsigned long)ri.itagSequence, (unsigned long)ri.columnidNextTagged);

    /* columnid 0 walks every tagged value in column id order: data, the
     * three tags, then def's default. */
    ri.itagSequence = 1;
    expect_err(JET_wrnBufferTruncated, JetRetrieveColumn(f.ses, f.tab, 0, NULL, 0, &cb, 0, &ri));
    ok(ri.columnidNextTagged == f.data && cb == sizeof(f.lv), "walk 1: %lu %lu", (unsigned long)ri.columnidNextTagged, cb);
    ri.itagSequence = 3;
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, 0, &v, sizeof(v), &cb, JET_bitRetrieveTag, &ri));
    ok(v == 20 && ri.columnidNextTagged == f.tags && ri.itagSequence == 2, "walk 3: %ld %lu %lu", v,
       (unsigned long)ri.columnidNextTagged, (unsigned long)ri.itagSequence);
    ri.itagSequence = 5;
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, 0, &v, sizeof(v), &cb, 0, &ri));
    ok(v == 7 && ri.columnidNextTagged == f.def, "walk 5: %ld %lu", v, (unsigned long)ri.columnidNextTagged);
    ri.itagSequence = 5;
    expect_err(JET_wrnColumnNull, JetRetrieveColumn(f.ses, f.tab, 0, &v, sizeof(v), &cb, JET_bitRetrieveIgnoreDefault, &ri));
    ok(cb == 0, "walk 5 without defaults: cb %lu", cb);
    ri.itagSequence = 6;
    expect_err(JET_wrnColumnNull, JetRetrieveColumn(f.ses, f.tab, 0, &v, sizeof(v), &cb, 0, &ri));
    ri.itagSequence = 0;
    expect_err(JET_errBadItagSequence, JetRetrieveColumn(f.ses, f.tab, 0, &v, sizeof(v), &cb, 0, &ri));

    /* An explicit NULL overrides the default. */
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepReplace));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.def, NULL, 0, 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    get_long(&f, f.def, 1, 0, &err);
    ok(err == JET_wrnColumnNull, "NULL override: %ld", (long)err);
    rfix_teardown(&f);
}

TEST(retrieve_column_long_values)
{
    struct rfix f;
    unsigned char *buf = malloc(6000);
    JET_RETINFO ri;
    unsigned long cb;

    rfix_setup(&f, "lv");
    cb = 0;
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.data, buf, 6000, &cb, 0, NULL));
    ok(cb == sizeof(f.lv) && !memcmp(buf, f.lv, sizeof(f.lv)), "whole LV: cb %lu", cb);
    expect_err(JET_wrnBufferTruncated, JetRetrieveColumn(f.ses, f.tab, f.data, buf, 100, &cb, 0, NULL));
    ok(cb == sizeof(f.lv) && !memcmp(buf, f.lv, 100), "LV prefix: cb %lu", cb);
    memset(&ri, 0, sizeof(ri));
    ri.cbStruct = sizeof(ri);
    ri.itagSequence = 1;
    ri.ibLongValue = 4990;
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.data, buf, 6000, &cb, 0, &ri));
    ok(cb == 10 && !memcmp(buf, f.lv + 4990, 10), "LV tail: cb %lu", cb);
    ri.ibLongValue = 2000;
    expect_err(JET_wrnBufferTruncated, JetRetrieveColumn(f.ses, f.tab, f.data, buf, 50, &cb, 0, &ri));
    ok(cb == 3000 && !memcmp(buf, f.lv + 2000, 50), "LV middle: cb %lu", cb);
    ri.ibLongValue = 7000;
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.data, buf, 6000, &cb, 0, &ri));
    ok(cb == 0, "past the end: cb %lu", cb);
    /* ibLongValue does not apply to other columns. */
    ri.ibLongValue = 3;
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.name, buf, 6000, &cb, 0, &ri));
    ok(cb == 5 && !memcmp(buf, "alice", 5), "name with ib: cb %lu", cb);
    /* Inside a transaction too. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.data, buf, 6000, &cb, 0, NULL));
    ok(cb == sizeof(f.lv) && !memcmp(buf, f.lv, sizeof(f.lv)), "LV in a transaction: cb %lu", cb);
    expect_err(JET_errSuccess, JetCommitTransaction(f.ses, 0));
    free(buf);
    rfix_teardown(&f);
}

TEST(retrieve_column_copy_buffer)
{
    struct rfix f;
    char buf[64];
    unsigned char big[3000];
    unsigned long cb;
    long id = 2;

    rfix_setup(&f, "copy");
    memset(big, 0x5a, sizeof(big));
    /* No update prepared: RetrieveCopy reads the record. */
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.name, buf, sizeof(buf), &cb, JET_bitRetrieveCopy, NULL));
    ok(cb == 5 && !memcmp(buf, "alice", 5), "copy without update: %lu", cb);

    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepReplace));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.name, "bob", 3, 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.data, big, sizeof(big), 0, NULL));
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.name, buf, sizeof(buf), &cb, 0, NULL));
    ok(cb == 5 && !memcmp(buf, "alice", 5), "record: %.*s", (int)cb, buf);
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.name, buf, sizeof(buf), &cb, JET_bitRetrieveCopy, NULL));
    ok(cb == 3 && !memcmp(buf, "bob", 3), "copy: %.*s", (int)cb, buf);
    expect_err(JET_wrnBufferTruncated, JetRetrieveColumn(f.ses, f.tab, f.data, buf, sizeof(buf), &cb, JET_bitRetrieveCopy, NULL));
    ok(cb == sizeof(big) && (unsigned char)buf[0] == 0x5a, "copy LV: cb %lu", cb);
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepCancel));

    /* An insert's values before JetUpdate. */
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.id, &id, sizeof(id), 0, NULL));
    id = 0;
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.id, &id, sizeof(id), &cb, JET_bitRetrieveCopy, NULL));
    ok(id == 2, "insert copy id %ld", id);
    expect_err(JET_wrnColumnNull, JetRetrieveColumn(f.ses, f.tab, f.name, buf, sizeof(buf), &cb, JET_bitRetrieveCopy, NULL));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepCancel));
    rfix_teardown(&f);
}

TEST(retrieve_column_from_index)
{
    struct rfix f;
    char buf[64];
    unsigned long cb;
    long v = 0;

    rfix_setup(&f, "fromidx");
    expect_err(JET_errSuccess, JetSetCurrentIndexA(f.ses, f.tab, "byname"));
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveFirst, 0));
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.name, buf, sizeof(buf), &cb, JET_bitRetrieveFromIndex, NULL));
    ok(cb == 5 && !memcmp(buf, "alice", 5), "from index: %.*s", (int)cb, buf);
    expect_err(JET_errColumnNotFound, JetRetrieveColumn(f.ses, f.tab, f.tags, buf, sizeof(buf), &cb, JET_bitRetrieveFromIndex, NULL));
    expect_err(JET_errSuccess, JetRetrieveColumn(f.ses, f.tab, f.id, &v, sizeof(v), &cb, JET_bitRetrieveFromPrimaryBookmark, NULL));
    ok(v == 1, "from bookmark: %ld", v);
    expect_err(JET_errColumnNotFound, JetRetrieveColumn(f.ses, f.tab, f.name, buf, sizeof(buf), &cb,
                                                        JET_bitRetrieveFromPrimaryBookmark, NULL));
    expect_err(JET_errInvalidGrbit, JetRetrieveColumn(f.ses, f.tab, f.name, buf, sizeof(buf), &cb, JET_bitRetrieveTuple, NULL));
    rfix_teardown(&f);
}

TEST(retrieve_columns)
{
    struct rfix f;
    JET_RETRIEVECOLUMN rc[6];
    long id = 0, tag = 0;
    char name[3];
    unsigned char bin[8];

    rfix_setup(&f, "columns");
    memset(rc, 0, sizeof(rc));
    rc[0].columnid = f.id;
    rc[0].pvData = &id;
    rc[0].cbData = sizeof(id);
    rc[0].itagSequence = 1;
    rc[1].columnid = f.name;
    rc[1].pvData = name;
    rc[1].cbData = sizeof(name);
    rc[1].itagSequence = 1;
    rc[2].columnid = f.tags;
    rc[2].itagSequence = 0; /* count */
    rc[3].columnid = f.tags;
    rc[3].pvData = &tag;
    rc[3].cbData = sizeof(tag);
    rc[3].itagSequence = 3;
    rc[4].columnid = f.bin;
    rc[4].pvData = bin;
    rc[4].cbData = sizeof(bin);
    rc[4].itagSequence = 1;
    rc[5].columnid = 0;
    rc[5].itagSequence = 0; /* every tagged value */
    expect_err(JET_wrnBufferTruncated, JetRetrieveColumns(f.ses, f.tab, rc, 6));
    ok(rc[0].err == JET_errSuccess && id == 1 && rc[0].cbActual == 4, "id: %ld %ld", (long)rc[0].err, id);
    ok(rc[1].err == JET_wrnBufferTruncated && rc[1].cbActual == 5 && !memcmp(name, "ali", 3), "name: %ld %lu",
       (long)rc[1].err, (unsigned long)rc[1].cbActual);
    ok(rc[2].err == JET_errSuccess && rc[2].itagSequence == 3, "count: %ld %lu", (long)rc[2].err,
       (unsigned long)rc[2].itagSequence);
    ok(rc[3].err == JET_errSuccess && tag == 30, "tag 3: %ld %ld", (long)rc[3].err, tag);
    ok(rc[4].err == JET_wrnColumnNull && rc[4].cbActual == 0, "bin: %ld", (long)rc[4].err);
    ok(rc[5].err == JET_errSuccess && rc[5].itagSequence == 5, "all tagged: %ld %lu", (long)rc[5].err,
       (unsigned long)rc[5].itagSequence);

    /* Count of a NULL column, of a fixed one. */
    rc[0].columnid = f.bin;
    rc[0].itagSequence = 0;
    rc[1].columnid = f.id;
    rc[1].itagSequence = 0;
    expect_err(JET_errSuccess, JetRetrieveColumns(f.ses, f.tab, rc, 2));
    ok(rc[0].itagSequence == 0 && rc[1].itagSequence == 1, "counts %lu %lu", (unsigned long)rc[0].itagSequence,
       (unsigned long)rc[1].itagSequence);

    /* Errors stop the call. */
    rc[0].columnid = 4000;
    rc[0].itagSequence = 1;
    expect_err(JET_errColumnNotFound, JetRetrieveColumns(f.ses, f.tab, rc, 1));
    rc[0].columnid = f.id;
    rc[0].grbit = 0x40000000;
    expect_err(JET_errInvalidGrbit, JetRetrieveColumns(f.ses, f.tab, rc, 1));
    expect_err(JET_errSuccess, JetRetrieveColumns(f.ses, f.tab, NULL, 0));
    expect_err(JET_errInvalidParameter, JetRetrieveColumns(f.ses, f.tab, NULL, 1));
    expect_err(JET_errInvalidTableId, JetRetrieveColumns(f.ses, (JET_TABLEID)0x999, rc, 1));
    rfix_teardown(&f);
}

static void *JET_API test_realloc(void *ctx, void *pv, JET_ULONG_ cb)
{
    /* Counts live blocks: a new one +1, a freed one -1 (freeing NULL is no block). */
    (*(long *)ctx) += cb ? (pv ? 0 : 1) : (pv ? -1 : 0);
    if (!cb) {
        free(pv);
        return NULL;
    }
    return realloc(pv, cb);
}

static void free_enum(long *ctx, JET_ENUMCOLUMN *cols, unsigned long n)
{
    unsigned long i, j;
    for (i = 0; i < n; i++) {
        if (cols[i].err == JET_wrnColumnSingleValue) {
            test_realloc(ctx, cols[i].pvData, 0);
            continue;
        }
        for (j = 0; j < cols[i].cEnumColumnValue; j++) test_realloc(ctx, cols[i].rgEnumColumnValue[j].pvData, 0);
        test_realloc(ctx, cols[i].rgEnumColumnValue, 0);
    }
    test_realloc(ctx, cols, 0);
}

static const JET_ENUMCOLUMN *find_enum(const JET_ENUMCOLUMN *cols, unsigned long n, JET_COLUMNID id)
{
    unsigned long i;
    for (i = 0; i < n; i++)
        if (cols[i].columnid == id) return &cols[i];
    return NULL;
}

TEST(retrieve_enumerate_columns)
{
    struct rfix f;
    JET_ENUMCOLUMN *cols = NULL;
    const JET_ENUMCOLUMN *c;
    JET_ENUMCOLUMNID ids[4];
    unsigned long itags[3] = { 2, 0, 9 };
    JET_ULONG_ n = 0;
    long live = 0;

    rfix_setup(&f, "enum");
    expect_err(JET_errSuccess, JetEnumerateColumns(f.ses, f.tab, 0, NULL, &n, &cols, test_realloc, &live, 0x7FFFFFFF, 0));
    ok(n == 6, "columns %lu", (unsigned long)n);
    c = find_enum(cols, n, f.name);
    ok(c && c->err == 0 && c->cEnumColumnValue == 1 && c->rgEnumColumnValue[0].cbData == 5 &&
           !memcmp(c->rgEnumColumnValue[0].pvData, "alice", 5), "name");
    c = find_enum(cols, n, f.bin);
    ok(c && c->err == JET_wrnColumnNull && c->cEnumColumnValue == 0, "bin NULL");
    c = find_enum(cols, n, f.tags);
    ok(c && c->cEnumColumnValue == 3 && c->rgEnumColumnValue[2].itagSequence == 3 &&
           *(long *)c->rgEnumColumnValue[2].pvData == 30, "tags");
    c = find_enum(cols, n, f.def);
    ok(c && c->cEnumColumnValue == 1 && *(long *)c->rgEnumColumnValue[0].pvData == 7, "def default");
    free_enum(&live, cols, n);
    ok(live == 0, "blocks left %ld", live);

    /* Tagged only, no defaults, compressed, LVs cut at 100 bytes. */
    expect_err(JET_errSuccess, JetEnumerateColumns(f.ses, f.tab, 0, NULL, &n, &cols, test_realloc, &live, 100,
                                                   JET_bitEnumerateTaggedOnly | JET_bitEnumerateIgnoreDefault |
                                                       JET_bitEnumerateCompressOutput));
    ok(n == 2, "tagged columns %lu", (unsigned long)n);
    c = find_enum(cols, n, f.data);
    /* A separated LV is never compressed into the column (ESE's
     * fldenum.cxx); cut at cbDataMost it says so. */
    ok(c && c->err == 0 && c->cEnumColumnValue == 1 && c->rgEnumColumnValue[0].cbData == 100 &&
           c->rgEnumColumnValue[0].err == JET_wrnColumnTruncated, "data cut, not compressed: %ld", c ? (long)c->err : 0);
    c = find_enum(cols, n, f.tags);
    ok(c && c->err == 0 && c->cEnumColumnValue == 3, "tags not compressed");
    free_enum(&live, cols, n);

    /* Specific columns and values. */
    memset(ids, 0, sizeof(ids));
    ids[0].columnid = f.tags;
    ids[0].ctagSequence = 3;
    ids[0].rgtagSequence = itags;
    ids[1].columnid = 0;
    ids[2].columnid = 4000;
    ids[3].columnid = f.id;
    expect_err(JET_errColumnNotFound, JetEnumerateColumns(f.ses, f.tab, 4, ids, &n, &cols, test_realloc, &live, 0, 0));
    ok(n == 4, "specific: %lu", (unsigned long)n);
    if (n == 4) {
        ok(cols[0].cEnumColumnValue == 3 && *(long *)cols[0].rgEnumColumnValue[0].pvData == 20 &&
               cols[0].rgEnumColumnValue[1].err == JET_wrnColumnSkipped &&
               cols[0].rgEnumColumnValue[2].err == JET_wrnColumnNull, "itag list");
        ok(cols[1].err == JET_wrnColumnSkipped, "skipped: %ld", (long)cols[1].err);
        ok(cols[2].err == JET_errColumnNotFound, "not found: %ld", (long)cols[2].err);
        ok(cols[3].err == 0 && cols[3].cEnumColumnValue == 1, "id: %ld", (long)cols[3].err);
    }
    free_enum(&live, cols, n);

    /* Presence only. */
    expect_err(JET_errSuccess, JetEnumerateColumns(f.ses, f.tab, 1, &ids[3], &n, &cols, test_realloc, &live, 0,
                                                   JET_bitEnumeratePresenceOnly));
    ok(n == 1 && cols[0].err == JET_wrnColumnPresent, "presence: %ld", n ? (long)cols[0].err : 0);
    free_enum(&live, cols, n);
    ok(live == 0, "blocks left %ld", live);

    /* Errors. */
    expect_err(JET_errInvalidParameter, JetEnumerateColumns(f.ses, f.tab, 0, NULL, NULL, &cols, test_realloc, &live, 0, 0));
    expect_err(JET_errInvalidParameter, JetEnumerateColumns(f.ses, f.tab, 0, NULL, &n, NULL, test_realloc, &live, 0, 0));
    expect_err(JET_errInvalidParameter, JetEnumerateColumns(f.ses, f.tab, 0, NULL, &n, &cols, NULL, &live, 0, 0));
    expect_err(JET_errInvalidGrbit, JetEnumerateColumns(f.ses, f.tab, 0, NULL, &n, &cols, test_realloc, &live, 0,
                                                        JET_bitEnumerateLocal));
    expect_err(JET_errInvalidGrbit, JetEnumerateColumns(f.ses, f.tab, 1, ids, &n, &cols, test_realloc, &live, 0,
                                                        JET_bitEnumerateTaggedOnly));
    ok(n == 0 && cols == NULL, "outputs cleared on error");
    expect_err(JET_errSuccess, JetMove(f.ses, f.tab, JET_MoveLast, 0));
    JetMove(f.ses, f.tab, JET_MoveNext, 0);
    expect_err(JET_errNoCurrentRecord, JetEnumerateColumns(f.ses, f.tab, 0, NULL, &n, &cols, test_realloc, &live, 0, 0));
    ok(live == 0, "blocks left %ld", live);
    rfix_teardown(&f);
}

TEST(retrieve_tagged_column_list)
{
    struct rfix f;
    struct mvcount list[8];
    JET_ULONG_ n = 0;

    rfix_setup(&f, "taglist");
    expect_err(JET_errSuccess, JetRetrieveTaggedColumnList(f.ses, f.tab, &n, NULL, 0, 0, 0));
    ok(n == 3, "count %lu", (unsigned long)n);
    memset(list, 0, sizeof(list));
    expect_err(JET_errSuccess, JetRetrieveTaggedColumnList(f.ses, f.tab, &n, list, sizeof(list), 0, 0));
    ok(n == 3, "entries %lu", (unsigned long)n);
    ok(list[0].columnid == f.data && list[0].cMultiValues == 1 && (list[0].usFlags & 1), "data entry");
    ok(list[1].columnid == f.tags && list[1].cMultiValues == 3, "tags entry %u", list[1].cMultiValues);
    ok(list[2].columnid == f.def, "def entry");
    expect_err(JET_errSuccess, JetRetrieveTaggedColumnList(f.ses, f.tab, &n, list, sizeof(list), 0, JET_bitRetrieveIgnoreDefault));
    ok(n == 2, "without defaults %lu", (unsigned long)n);
    expect_err(JET_errSuccess, JetRetrieveTaggedColumnList(f.ses, f.tab, &n, list, sizeof(list), f.tags, 0));
    ok(n == 2 && list[0].columnid == f.tags, "from tags: %lu", (unsigned long)n);
    expect_err(JET_errSuccess, JetRetrieveTaggedColumnList(f.ses, f.tab, &n, list, sizeof(list[0]), 0, 0));
    ok(n == 1, "room for one: %lu", (unsigned long)n);
    expect_err(JET_errInvalidParameter, JetRetrieveTaggedColumnList(f.ses, f.tab, NULL, list, sizeof(list), 0, 0));
    rfix_teardown(&f);
}

TEST(retrieve_record_size)
{
    struct rfix f;
    JET_RECSIZE rs;
    JET_RECSIZE2 rs2;

    rfix_setup(&f, "recsize");
    memset(&rs, 0xcc, sizeof(rs));
    expect_err(JET_errSuccess, JetGetRecordSize(f.ses, f.tab, &rs, 0));
    ok(rs.cNonTaggedColumns == 2, "non-tagged %lu", (unsigned long)rs.cNonTaggedColumns);
    ok(rs.cTaggedColumns == 2, "tagged %lu", (unsigned long)rs.cTaggedColumns);
    ok(rs.cMultiValues == 2, "multi-values %lu", (unsigned long)rs.cMultiValues);
    ok(rs.cLongValues == 1 && rs.cbLongValueData == sizeof(f.lv), "LVs %lu %lu", (unsigned long)rs.cLongValues,
       (unsigned long)rs.cbLongValueData);
    ok(rs.cbData == 4 + 5 + 3 * 4, "cbData %lu", (unsigned long)rs.cbData);
    ok(rs.cbOverhead > 0, "overhead");
    expect_err(JET_errSuccess, JetGetRecordSize(f.ses, f.tab, &rs, JET_bitRecordSizeRunningTotal));
    ok(rs.cNonTaggedColumns == 4, "running total %lu", (unsigned long)rs.cNonTaggedColumns);
    expect_err(JET_errSuccess, JetGetRecordSize(f.ses, f.tab, &rs, JET_bitRecordSizeLocal));
    ok(rs.cLongValues == 0 && rs.cbLongValueData == 0, "local");
    expect_err(JET_errSuccess, JetGetRecordSize2(f.ses, f.tab, &rs2, 0));
    ok(rs2.cbDataCompressed == rs2.cbData && rs2.cCompressedColumns == 0, "recsize2");

    expect_err(JET_errNoCurrentRecord, JetGetRecordSize(f.ses, f.tab, &rs, JET_bitRecordSizeInCopyBuffer));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
    expect_err(JET_errSuccess, JetGetRecordSize(f.ses, f.tab, &rs, JET_bitRecordSizeInCopyBuffer));
    ok(rs.cTaggedColumns == 0 && rs.cLongValues == 0, "empty copy buffer");
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepCancel));

    expect_err(JET_errInvalidParameter, JetGetRecordSize(f.ses, f.tab, NULL, 0));
    expect_err(JET_errInvalidGrbit, JetGetRecordSize(f.ses, f.tab, &rs, 0x100));
    expect_err(JET_errInvalidTableId, JetGetRecordSize(f.ses, 0, &rs, 0));
    rfix_teardown(&f);
}
