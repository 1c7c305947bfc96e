/*
 * version.c - version columns (JET_bitColumnVersion): 0 after an insert,
 * one more after each replace, wrapping, refused to JetSetColumn during a
 * replace, untouched by failed or rolled back updates.
 */
#include <stdint.h>
#include <string.h>
#include <windows.h>

#include "test.h"

struct fixture {
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
    JET_COLUMNID id, name, ver;
};

static JET_COLUMNID add_column(struct fixture *f, const char *name, JET_COLTYP coltyp, JET_GRBIT grbit)
{
    JET_COLUMNDEF def;
    JET_COLUMNID id = 0;
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = coltyp;
    def.cbMax = coltyp == JET_coltypText ? 64 : 0;
    def.cp = coltyp == JET_coltypText ? 1252 : 0;
    def.grbit = grbit;
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, f->tab, name, &def, NULL, 0, &id));
    return id;
}

/* Table "t": id Long (primary), name Text (unique index), ver Long version. */
static void setup(struct fixture *f, const char *name)
{
    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "scratch-ver-%s\\", name);
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
    f->id = add_column(f, "id", JET_coltypLong, JET_bitColumnFixed);
    f->name = add_column(f, "name", JET_coltypText, 0);
    expect_err(JET_errSuccess, JetCreateIndexA(f->ses, f->tab, "primary", JET_bitIndexPrimary, "+id\0", 5, 100));
    expect_err(JET_errSuccess, JetCreateIndexA(f->ses, f->tab, "byname", JET_bitIndexUnique, "+name\0", 7, 100));
}

static void teardown(struct fixture *f)
{
    expect_err(JET_errSuccess, JetCloseTable(f->ses, f->tab));
    expect_err(JET_errSuccess, JetEndSession(f->ses, 0));
    expect_err(JET_errSuccess, JetTerm(f->inst));
}

static JET_ERR insert(struct fixture *f, int32_t id, const char *name)
{
    JET_ERR err;
    if ((err = JetPrepareUpdate(f->ses, f->tab, JET_prepInsert))) return err;
    if ((err = JetSetColumn(f->ses, f->tab, f->id, &id, sizeof(id), 0, NULL))) return err;
    if ((err = JetSetColumn(f->ses, f->tab, f->name, name, (unsigned long)strlen(name), 0, NULL))) return err;
    err = JetUpdate(f->ses, f->tab, NULL, 0, NULL);
    if (err) JetPrepareUpdate(f->ses, f->tab, JET_prepCancel);
    return err;
}

static void seek(struct fixture *f, int32_t id)
{
    expect_err(JET_errSuccess, JetMakeKey(f->ses, f->tab, &id, sizeof(id), JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(f->ses, f->tab, JET_bitSeekEQ));
}

/* The current record's version, or -1 when it is NULL. */
static int64_t version(struct fixture *f, JET_GRBIT grbit)
{
    uint32_t v = 0;
    JET_ULONG_ cb = 0;
    JET_ERR err = JetRetrieveColumn(f->ses, f->tab, f->ver, &v, sizeof(v), &cb, grbit, NULL);
    if (err == JET_wrnColumnNull) return -1;
    ok(err == JET_errSuccess && cb == 4, "retrieving the version: %ld, %lu bytes", (long)err, (unsigned long)cb);
    return v;
}

/* A replace of the current record setting only its name. */
static JET_ERR rename_current(struct fixture *f, const char *name)
{
    JET_ERR err;
    if ((err = JetPrepareUpdate(f->ses, f->tab, JET_prepReplace))) return err;
    if ((err = JetSetColumn(f->ses, f->tab, f->name, name, (unsigned long)strlen(name), 0, NULL))) return err;
    return JetUpdate(f->ses, f->tab, NULL, 0, NULL);
}

TEST(version_column_insert_replace)
{
    struct fixture f;
    JET_COLUMNDEF def;
    uint32_t v;
    int i;

    setup(&f, "ir");
    f.ver = add_column(&f, "ver", JET_coltypLong, JET_bitColumnVersion);
    expect_err(JET_errSuccess, JetGetTableColumnInfoA(f.ses, f.tab, "ver", &def, sizeof(def), JET_ColInfo));
    ok(def.grbit & JET_bitColumnVersion, "column grbit 0x%lx", (unsigned long)def.grbit);
    /* A second version column is redundant. */
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = JET_coltypLong;
    def.grbit = JET_bitColumnVersion;
    expect_err(JET_errColumnRedundant, JetAddColumnA(f.ses, f.tab, "ver2", &def, NULL, 0, NULL));

    /* Insert: NULL in the copy buffer until JetUpdate, then 0. */
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
    v = 1;
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.id, &v, sizeof(v), 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.name, "a", 1, 0, NULL));
    ok(version(&f, JET_bitRetrieveCopy) == -1, "version in the copy before JetUpdate: %I64d",
       version(&f, JET_bitRetrieveCopy));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    seek(&f, 1);
    ok(version(&f, 0) == 0, "version after insert: %I64d", version(&f, 0));

    /* Each replace adds one, whatever it changes (even nothing). */
    for (i = 1; i <= 3; i++) {
        expect_err(JET_errSuccess, rename_current(&f, i & 1 ? "b" : "a"));
        ok(version(&f, 0) == i, "version after %d replaces: %I64d", i, version(&f, 0));
    }
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepReplace));
    ok(version(&f, JET_bitRetrieveCopy) == 3, "version in the replace copy: %I64d", version(&f, JET_bitRetrieveCopy));
    /* The application cannot set it during a replace. */
    v = 100;
    expect_err(JET_errInvalidColumnType, JetSetColumn(f.ses, f.tab, f.ver, &v, sizeof(v), 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    ok(version(&f, 0) == 4, "version after an empty replace: %I64d", version(&f, 0));
    /* A cancelled replace changes nothing. */
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepReplace));
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepCancel));
    ok(version(&f, 0) == 4, "version after a cancelled replace: %I64d", version(&f, 0));

    /* An insert may set it; replaces wrap around to 0. */
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsert));
    v = 2;
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.id, &v, sizeof(v), 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.name, "z", 1, 0, NULL));
    v = 0xfffffffe;
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.ver, &v, sizeof(v), 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    seek(&f, 2);
    ok(version(&f, 0) == 0xfffffffe, "version set by the insert: %I64d", version(&f, 0));
    expect_err(JET_errSuccess, rename_current(&f, "y"));
    ok(version(&f, 0) == 0xffffffff, "version %I64d", version(&f, 0));
    expect_err(JET_errSuccess, rename_current(&f, "z"));
    ok(version(&f, 0) == 0, "version after wrapping: %I64d", version(&f, 0));

    /* InsertCopy starts again at 0. */
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepInsertCopy));
    v = 3;
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.id, &v, sizeof(v), 0, NULL));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.name, "c", 1, 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    seek(&f, 3);
    ok(version(&f, 0) == 0, "version of an InsertCopy: %I64d", version(&f, 0));
    teardown(&f);
}

TEST(version_column_failures_and_rollback)
{
    struct fixture f;
    uint32_t v;

    setup(&f, "fr");
    f.ver = add_column(&f, "ver", JET_coltypLong, JET_bitColumnVersion | JET_bitColumnFixed);
    expect_err(JET_errSuccess, insert(&f, 1, "a"));
    expect_err(JET_errSuccess, insert(&f, 2, "b"));
    seek(&f, 2);

    /* A JetUpdate that fails (duplicate key) and is retried counts once. */
    expect_err(JET_errSuccess, JetPrepareUpdate(f.ses, f.tab, JET_prepReplace));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.name, "a", 1, 0, NULL));
    expect_err(JET_errKeyDuplicate, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    expect_err(JET_errKeyDuplicate, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    ok(version(&f, JET_bitRetrieveCopy) == 0, "copy after failed updates: %I64d", version(&f, JET_bitRetrieveCopy));
    expect_err(JET_errSuccess, JetSetColumn(f.ses, f.tab, f.name, "c", 1, 0, NULL));
    expect_err(JET_errSuccess, JetUpdate(f.ses, f.tab, NULL, 0, NULL));
    ok(version(&f, 0) == 1, "version after a retried update: %I64d", version(&f, 0));

    /* A rolled back replace leaves the version as it was. */
    expect_err(JET_errSuccess, JetBeginTransaction(f.ses));
    expect_err(JET_errSuccess, rename_current(&f, "d"));
    ok(version(&f, 0) == 2, "version inside the transaction: %I64d", version(&f, 0));
    expect_err(JET_errSuccess, JetRollback(f.ses, 0));
    seek(&f, 2);
    ok(version(&f, 0) == 1, "version after rollback: %I64d", version(&f, 0));

    /* Retrieved through JetRetrieveColumns too. */
    {
        JET_RETRIEVECOLUMN rc;
        memset(&rc, 0, sizeof(rc));
        v = 0xdeadbeef;
        rc.columnid = f.ver;
        rc.pvData = &v;
        rc.cbData = sizeof(v);
        rc.itagSequence = 1;
        expect_err(JET_errSuccess, JetRetrieveColumns(f.ses, f.tab, &rc, 1));
        ok(rc.err == JET_errSuccess && v == 1, "JetRetrieveColumns: err %ld, %lu", (long)rc.err, (unsigned long)v);
    }
    teardown(&f);
}

TEST(version_column_added_to_rows)
{
    struct fixture f;

    setup(&f, "add");
    expect_err(JET_errSuccess, insert(&f, 1, "a"));
    /* Added after the row: NULL until the row is replaced, then 1. */
    f.ver = add_column(&f, "ver", JET_coltypLong, JET_bitColumnVersion);
    seek(&f, 1);
    ok(version(&f, 0) == -1, "version of an older row: %I64d", version(&f, 0));
    expect_err(JET_errSuccess, rename_current(&f, "b"));
    ok(version(&f, 0) == 1, "version after its first replace: %I64d", version(&f, 0));
    expect_err(JET_errSuccess, insert(&f, 2, "c"));
    seek(&f, 2);
    ok(version(&f, 0) == 0, "version of a new row: %I64d", version(&f, 0));
    teardown(&f);
}
