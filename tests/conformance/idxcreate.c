/*
 * idxcreate.c - JetGetIndexInfo / JetGetTableIndexInfo at the levels that
 * describe an index as the JET_INDEXCREATE, JET_INDEXCREATE2 or
 * JET_INDEXCREATE3 that would make it again (A and W), the grbit that
 * JET_INDEXLIST reports for the same index, and the obsolete levels.
 */
#include <stdint.h>
#include <string.h>
#include <windows.h>

#include "test.h"

struct xfix {
    char dir[MAX_PATH], path[MAX_PATH];
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
};

static void xfix_column(struct xfix *f, const char *name, JET_COLTYP coltyp, unsigned short cp)
{
    JET_COLUMNDEF def;
    JET_COLUMNID id;
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = coltyp;
    def.cp = cp;
    expect_err(JET_errSuccess, JetAddColumnA(f->ses, f->tab, name, &def, NULL, 0, &id));
}

/* Table "t": id Long (primary "pk", density 90), a and b Unicode text;
 * "ab" over +a -b, unique, DisallowNull, varsegmac 40, lcid 0x409 with
 * LCMAP_LOWERCASE|NORM_IGNORECASE... (0x00000001), conditional on id
 * being non-null. */
static void xfix_setup(struct xfix *f, const char *name)
{
    JET_INDEXCREATE_A ic;
    JET_UNICODEINDEX ui;
    JET_CONDITIONALCOLUMN_A cond;
    static char key[] = "+a\0-b\0";

    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "scratch-idxc-%s\\", name);
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
    xfix_column(f, "id", JET_coltypLong, 0);
    xfix_column(f, "a", JET_coltypText, 1200);
    xfix_column(f, "b", JET_coltypText, 1200);
    expect_err(JET_errSuccess, JetCreateIndexA(f->ses, f->tab, "pk", JET_bitIndexPrimary, "+id\0", 5, 90));

    memset(&ic, 0, sizeof(ic));
    memset(&cond, 0, sizeof(cond));
    ui.lcid = 0x409;
    ui.dwMapFlags = 0x00000001; /* NORM_IGNORECASE */
    cond.cbStruct = sizeof(cond);
    cond.szColumnName = (char *)"id";
    cond.grbit = JET_bitIndexColumnMustBeNonNull;
    ic.cbStruct = sizeof(ic);
    ic.szIndexName = (char *)"ab";
    ic.szKey = key;
    ic.cbKey = sizeof(key);
    ic.grbit = JET_bitIndexUnique | JET_bitIndexDisallowNull | JET_bitIndexUnicode;
    ic.ulDensity = 80;
    ic.pidxunicode = &ui;
    ic.cbVarSegMac = 40;
    ic.rgconditionalcolumn = &cond;
    ic.cConditionalColumn = 1;
    expect_err(JET_errSuccess, JetCreateIndex2A(f->ses, f->tab, &ic, 1));
}

static void xfix_teardown(struct xfix *f)
{
    expect_err(JET_errSuccess, JetCloseTable(f->ses, f->tab));
    expect_err(JET_errSuccess, JetEndSession(f->ses, 0));
    expect_err(JET_errSuccess, JetTerm(f->inst));
}

/* Whether p lies inside the buffer buf of cb bytes. */
static int inside(const void *p, const void *buf, size_t cb)
{
    return (const char *)p >= (const char *)buf && (const char *)p < (const char *)buf + cb;
}

static uint64_t buf_a[1024], buf_w[1024];

TEST(idxinfo_createindex_a)
{
    struct xfix f;
    JET_INDEXCREATE_A *ic = (JET_INDEXCREATE_A *)buf_a;
    static const char key[] = "+a\0-b\0";

    xfix_setup(&f, "createa");
    memset(buf_a, 0xcc, sizeof(buf_a));
    expect_err(JET_errSuccess, JetGetTableIndexInfoA(f.ses, f.tab, "ab", buf_a, sizeof(buf_a), JET_IdxInfoCreateIndex));
    ok(ic->cbStruct == sizeof(JET_INDEXCREATE_A), "cbStruct %lu", (unsigned long)ic->cbStruct);
    ok(inside(ic->szIndexName, buf_a, sizeof(buf_a)) && !strcmp(ic->szIndexName, "ab"), "name");
    ok(ic->cbKey == sizeof(key), "cbKey %lu", (unsigned long)ic->cbKey);
    ok(inside(ic->szKey, buf_a, sizeof(buf_a)) && !memcmp(ic->szKey, key, sizeof(key)), "key");
    ok(ic->grbit == (JET_bitIndexUnique | JET_bitIndexDisallowNull | JET_bitIndexUnicode), "grbit 0x%lx",
       (unsigned long)ic->grbit);
    ok(ic->ulDensity == 80, "density %lu", (unsigned long)ic->ulDensity);
    ok(inside(ic->pidxunicode, buf_a, sizeof(buf_a)), "pidxunicode outside the buffer");
    ok(ic->pidxunicode->lcid == 0x409, "lcid 0x%lx", (unsigned long)ic->pidxunicode->lcid);
    ok(ic->pidxunicode->dwMapFlags & 0x00000001, "map flags 0x%lx", (unsigned long)ic->pidxunicode->dwMapFlags);
    ok(ic->cbVarSegMac == 40, "cbVarSegMac %lu", (unsigned long)ic->cbVarSegMac);
    ok(ic->cConditionalColumn == 1, "conditional columns %lu", (unsigned long)ic->cConditionalColumn);
    if (ic->cConditionalColumn == 1) {
        ok(ic->rgconditionalcolumn[0].cbStruct == sizeof(JET_CONDITIONALCOLUMN_A), "cond cbStruct");
        ok(!strcmp(ic->rgconditionalcolumn[0].szColumnName, "id"), "cond name");
        ok(ic->rgconditionalcolumn[0].grbit == JET_bitIndexColumnMustBeNonNull, "cond grbit");
    }
    ok(ic->cbKeyMost == 255, "cbKeyMost %lu", (unsigned long)ic->cbKeyMost);
    ok(ic->err == 0, "err %ld", (long)ic->err);

    /* The primary index, by name and by an empty name. */
    expect_err(JET_errSuccess, JetGetIndexInfoA(f.ses, f.db, "t", "", buf_a, sizeof(buf_a), JET_IdxInfoCreateIndex));
    ok(!strcmp(ic->szIndexName, "pk"), "primary name %s", ic->szIndexName);
    ok(!memcmp(ic->szKey, "+id\0", 5) && ic->cbKey == 5, "primary key, cbKey %lu", (unsigned long)ic->cbKey);
    ok(ic->grbit == (JET_bitIndexPrimary | JET_bitIndexUnique | JET_bitIndexUnicode), "primary grbit 0x%lx",
       (unsigned long)ic->grbit);
    ok(ic->ulDensity == 90, "primary density %lu", (unsigned long)ic->ulDensity);
    ok(ic->cConditionalColumn == 0 && !ic->rgconditionalcolumn, "primary conditions");

    /* Buffers too small, and lookups. */
    expect_err(JET_wrnBufferTruncated,
               JetGetTableIndexInfoA(f.ses, f.tab, "ab", buf_a, sizeof(JET_INDEXCREATE_A) - 1, JET_IdxInfoCreateIndex));
    expect_err(JET_wrnBufferTruncated,
               JetGetTableIndexInfoA(f.ses, f.tab, "ab", buf_a, sizeof(JET_INDEXCREATE_A) + 4, JET_IdxInfoCreateIndex));
    expect_err(JET_wrnBufferTruncated,
               JetGetTableIndexInfoA(f.ses, f.tab, "ab", buf_a, sizeof(JET_INDEXCREATE2_A), JET_IdxInfoCreateIndex2));
    expect_err(JET_errIndexNotFound,
               JetGetTableIndexInfoA(f.ses, f.tab, "nope", buf_a, sizeof(buf_a), JET_IdxInfoCreateIndex));
    expect_err(JET_errObjectNotFound,
               JetGetIndexInfoA(f.ses, f.db, "nope", "ab", buf_a, sizeof(buf_a), JET_IdxInfoCreateIndex3));
    xfix_teardown(&f);
}

TEST(idxinfo_createindex_w)
{
    struct xfix f;
    JET_INDEXCREATE2_W *ic2 = (JET_INDEXCREATE2_W *)buf_w;
    JET_INDEXCREATE3_W *ic3 = (JET_INDEXCREATE3_W *)buf_w;
    static const WCHAR wab[] = { 'a', 'b', 0 }, wt[] = { 't', 0 };
    static const WCHAR wkey[] = { '+', 'a', 0, '-', 'b', 0, 0 };
    static const WCHAR enus[] = { 'e', 'n', '-', 'U', 'S', 0 };

    xfix_setup(&f, "createw");
    memset(buf_w, 0xcc, sizeof(buf_w));
    expect_err(JET_errSuccess, JetGetTableIndexInfoW(f.ses, f.tab, wab, buf_w, sizeof(buf_w), JET_IdxInfoCreateIndex2));
    ok(ic2->cbStruct == sizeof(JET_INDEXCREATE2_W), "cbStruct %lu", (unsigned long)ic2->cbStruct);
    ok(!memcmp(ic2->szIndexName, wab, sizeof(wab)), "W name");
    ok(ic2->cbKey == sizeof(wkey), "W cbKey %lu", (unsigned long)ic2->cbKey);
    ok(!memcmp(ic2->szKey, wkey, sizeof(wkey)), "W key");
    ok(ic2->pidxunicode->lcid == 0x409, "W lcid 0x%lx", (unsigned long)ic2->pidxunicode->lcid);
    ok(inside(ic2->pSpacehints, buf_w, sizeof(buf_w)), "space hints outside the buffer");
    ok(ic2->pSpacehints->cbStruct == sizeof(JET_SPACEHINTS), "space hints cbStruct");
    ok(ic2->pSpacehints->ulInitialDensity == 80, "space hints density %lu",
       (unsigned long)ic2->pSpacehints->ulInitialDensity);
    ok(ic2->cConditionalColumn == 1 && ic2->rgconditionalcolumn[0].szColumnName[0] == 'i' &&
       ic2->rgconditionalcolumn[0].szColumnName[1] == 'd' && ic2->rgconditionalcolumn[0].szColumnName[2] == 0,
       "W conditional column");

    memset(buf_w, 0xcc, sizeof(buf_w));
    expect_err(JET_errSuccess, JetGetIndexInfoW(f.ses, f.db, wt, wab, buf_w, sizeof(buf_w), JET_IdxInfoCreateIndex3));
    ok(ic3->cbStruct == sizeof(JET_INDEXCREATE3_W), "cbStruct 3: %lu", (unsigned long)ic3->cbStruct);
    ok(!memcmp(ic3->szIndexName, wab, sizeof(wab)), "W3 name");
    ok(inside(ic3->pidxunicode, buf_w, sizeof(buf_w)), "W3 pidxunicode outside");
    ok(!memcmp(ic3->pidxunicode->szLocaleName, enus, sizeof(enus)), "W3 locale");
    ok(ic3->pidxunicode->dwMapFlags & 0x00000001, "W3 map flags");
    ok(ic3->cbVarSegMac == 40, "W3 cbVarSegMac %lu", (unsigned long)ic3->cbVarSegMac);
    ok(ic3->pSpacehints && ic3->pSpacehints->ulInitialDensity == 80, "W3 space hints");
    ok(ic3->cbKeyMost == 255, "W3 cbKeyMost %lu", (unsigned long)ic3->cbKeyMost);
    xfix_teardown(&f);
}

TEST(idxinfo_list_grbit_and_obsolete)
{
    struct xfix f;
    JET_INDEXLIST il;
    char name[JET_cbNameMost + 1];
    JET_GRBIT g = 0;
    JET_ULONG_ cb;
    unsigned short us;
    int found = 0;

    xfix_setup(&f, "listgrbit");
    /* The list reports what the index is, not how it was asked for:
     * JET_bitIndexUnicode is a creation-time option. */
    memset(&il, 0, sizeof(il));
    expect_err(JET_errSuccess, JetGetTableIndexInfoA(f.ses, f.tab, "ab", &il, sizeof(il), JET_IdxInfoList));
    if (JetMove(f.ses, il.tableid, JET_MoveFirst, 0) == JET_errSuccess) {
        do {
            memset(name, 0, sizeof(name));
            JetRetrieveColumn(f.ses, il.tableid, il.columnidindexname, name, JET_cbNameMost, &cb, 0, NULL);
            if (!strcmp(name, "ab")) {
                JetRetrieveColumn(f.ses, il.tableid, il.columnidgrbitIndex, &g, sizeof(g), &cb, 0, NULL);
                found = 1;
            }
        } while (JetMove(f.ses, il.tableid, JET_MoveNext, 0) == JET_errSuccess);
    }
    ok(found, "index ab not listed");
    ok(g == (JET_bitIndexUnique | JET_bitIndexDisallowNull), "list grbit 0x%lx", (unsigned long)g);
    expect_err(JET_errSuccess, JetCloseTable(f.ses, il.tableid));

    expect_err(JET_errFeatureNotAvailable,
               JetGetTableIndexInfoA(f.ses, f.tab, "ab", &us, sizeof(us), JET_IdxInfoSysTabCursor));
    expect_err(JET_errFeatureNotAvailable, JetGetTableIndexInfoA(f.ses, f.tab, "ab", &us, sizeof(us), JET_IdxInfoOLC));
    expect_err(JET_errFeatureNotAvailable,
               JetGetIndexInfoA(f.ses, f.db, "t", "ab", &us, sizeof(us), JET_IdxInfoResetOLC));
    xfix_teardown(&f);
}
