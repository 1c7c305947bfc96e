/*
 * crash.c - a program killed in the middle of its work (TerminateProcess,
 * no JetTerm) loses nothing durable and keeps nothing uncommitted.
 *
 * Each test starts this same program as a child (`conformance.exe --child
 * scenario dir`, main.c), which works on a database in dir and kills
 * itself at the crash point; the test then runs JetInit on the same
 * folder (recovery) and checks what is there, through the primary index
 * and a secondary one.  Scenarios:
 *   open_nested    durable commits, then a nested transaction left open
 *   lazy_tail      durable commits, then lazy ones: a lost lazy commit is
 *                  only ever a tail (never a hole, never half a transaction)
 *   big_lv         a committed long value, then a large one being appended
 *                  in an open transaction
 *   level0         updates outside transactions made durable with
 *                  JET_bitWaitAllLevel0Commit, then more that may be lost
 */
#include <stdio.h>
#include <string.h>
#include <windows.h>

#include "test.h"

#define LV_BIG (1 << 20)

struct crashdb {
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
    JET_COLUMNID id, val, lv;
};

/* Opens (create: makes) the database and table in dir; JET errors are
 * returned, so the child can die loudly. */
static JET_ERR crash_open(struct crashdb *c, const char *dir, int create)
{
    char path[MAX_PATH];
    JET_COLUMNDEF def;
    JET_ERR err;

    memset(c, 0, sizeof(*c));
    snprintf(path, sizeof(path), "%scrash.edb", dir);
    if ((err = JetCreateInstanceA(&c->inst, "crash"))) return err;
    JetSetSystemParameterA(&c->inst, 0, JET_paramSystemPath, 0, dir);
    JetSetSystemParameterA(&c->inst, 0, JET_paramLogFilePath, 0, dir);
    JetSetSystemParameterA(&c->inst, 0, JET_paramTempPath, 0, dir);
    if ((err = JetInit(&c->inst))) return err;
    if ((err = JetBeginSessionA(c->inst, &c->ses, "", ""))) return err;
    if (create) {
        if ((err = JetCreateDatabaseA(c->ses, path, NULL, &c->db, 0))) return err;
        if ((err = JetCreateTableA(c->ses, c->db, "t", 0, 0, &c->tab))) return err;
        memset(&def, 0, sizeof(def));
        def.cbStruct = sizeof(def);
        def.coltyp = JET_coltypLong;
        if ((err = JetAddColumnA(c->ses, c->tab, "id", &def, NULL, 0, &c->id))) return err;
        if ((err = JetAddColumnA(c->ses, c->tab, "val", &def, NULL, 0, &c->val))) return err;
        def.coltyp = JET_coltypLongBinary;
        if ((err = JetAddColumnA(c->ses, c->tab, "lv", &def, NULL, 0, &c->lv))) return err;
        if ((err = JetCreateIndexA(c->ses, c->tab, "pk", JET_bitIndexPrimary, "+id\0", 5, 100))) return err;
        if ((err = JetCreateIndexA(c->ses, c->tab, "byval", 0, "+val\0", 6, 100))) return err;
    } else {
        if ((err = JetAttachDatabaseA(c->ses, path, 0)) < 0) return err;
        if ((err = JetOpenDatabaseA(c->ses, path, NULL, &c->db, 0)) < 0) return err;
        if ((err = JetOpenTableA(c->ses, c->db, "t", NULL, 0, 0, &c->tab))) return err;
        if ((err = JetGetTableColumnInfoA(c->ses, c->tab, "id", &def, sizeof(def), JET_ColInfo))) return err;
        c->id = def.columnid;
        if ((err = JetGetTableColumnInfoA(c->ses, c->tab, "val", &def, sizeof(def), JET_ColInfo))) return err;
        c->val = def.columnid;
        if ((err = JetGetTableColumnInfoA(c->ses, c->tab, "lv", &def, sizeof(def), JET_ColInfo))) return err;
        c->lv = def.columnid;
    }
    return 0;
}

static void crash_close(struct crashdb *c)
{
    expect_err(JET_errSuccess, JetCloseTable(c->ses, c->tab));
    expect_err(JET_errSuccess, JetEndSession(c->ses, 0));
    expect_err(JET_errSuccess, JetTerm(c->inst));
}

static void fill(unsigned char *p, unsigned n, unsigned seed)
{
    unsigned i;
    for (i = 0; i < n; i++) p[i] = (unsigned char)(seed + i * 13 + (i >> 9));
}

/* Inserts row id (val = id * 10), with lvlen bytes of LV. */
static JET_ERR crash_insert(struct crashdb *c, long id, const unsigned char *lv, unsigned lvlen)
{
    long val = id * 10;
    JET_ERR err;
    if ((err = JetPrepareUpdate(c->ses, c->tab, JET_prepInsert))) return err;
    if ((err = JetSetColumn(c->ses, c->tab, c->id, &id, sizeof(id), 0, NULL))) return err;
    if ((err = JetSetColumn(c->ses, c->tab, c->val, &val, sizeof(val), 0, NULL))) return err;
    if (lvlen && (err = JetSetColumn(c->ses, c->tab, c->lv, lv, lvlen, 0, NULL))) return err;
    return JetUpdate(c->ses, c->tab, NULL, 0, NULL);
}

static JET_ERR insert_txn(struct crashdb *c, long id, JET_GRBIT commit)
{
    JET_ERR err;
    if ((err = JetBeginTransaction(c->ses))) return err;
    if ((err = crash_insert(c, id, NULL, 0))) return err;
    return JetCommitTransaction(c->ses, commit);
}

#define CHILD(x) \
    do { \
        JET_ERR e_ = (x); \
        if (e_ < 0) { \
            printf("crash child: %s failed with %ld\n", #x, (long)e_); \
            return 3; \
        } \
    } while (0)

int crash_child(const char *scenario, const char *dir)
{
    static unsigned char big[LV_BIG];
    struct crashdb c;
    long i;

    CHILD(crash_open(&c, dir, 1));
    if (!strcmp(scenario, "open_nested")) {
        for (i = 1; i <= 100; i++) CHILD(insert_txn(&c, i, 0));
        CHILD(JetBeginTransaction(c.ses));
        for (i = 101; i <= 150; i++) CHILD(crash_insert(&c, i, NULL, 0));
        CHILD(JetBeginTransaction(c.ses));
        for (i = 151; i <= 200; i++) CHILD(crash_insert(&c, i, NULL, 0));
        CHILD(JetCommitTransaction(c.ses, 0)); /* to level 1: still open */
    } else if (!strcmp(scenario, "lazy_tail")) {
        for (i = 1; i <= 50; i++) CHILD(insert_txn(&c, i, 0));
        for (i = 51; i <= 2000; i++) CHILD(insert_txn(&c, i, JET_bitCommitLazyFlush));
    } else if (!strcmp(scenario, "big_lv")) {
        fill(big, LV_BIG, 1);
        CHILD(JetBeginTransaction(c.ses));
        CHILD(crash_insert(&c, 1, big, LV_BIG));
        CHILD(JetCommitTransaction(c.ses, 0));
        /* A second, larger value appended in pieces, never committed. */
        CHILD(JetBeginTransaction(c.ses));
        CHILD(JetPrepareUpdate(c.ses, c.tab, JET_prepInsert));
        i = 2;
        CHILD(JetSetColumn(c.ses, c.tab, c.id, &i, sizeof(i), 0, NULL));
        for (i = 0; i < 4; i++) CHILD(JetSetColumn(c.ses, c.tab, c.lv, big, LV_BIG, JET_bitSetAppendLV, NULL));
        CHILD(JetUpdate(c.ses, c.tab, NULL, 0, NULL));
    } else if (!strcmp(scenario, "level0")) {
        for (i = 1; i <= 100; i++) CHILD(crash_insert(&c, i, NULL, 0));
        CHILD(JetCommitTransaction(c.ses, JET_bitWaitAllLevel0Commit));
        for (i = 101; i <= 110; i++) CHILD(crash_insert(&c, i, NULL, 0));
    } else {
        printf("crash child: no scenario %s\n", scenario);
        return 2;
    }
    /* The crash: no JetTerm, no flush, nothing more. */
    TerminateProcess(GetCurrentProcess(), 9);
    return 4;
}

/* Runs the child for scenario in a fresh dir; 1 if it got to its crash. */
static int run_child(const char *scenario, char *dir, size_t dirlen)
{
    char cmd[2 * MAX_PATH], exe[MAX_PATH];
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    DWORD code = 0;

    snprintf(dir, dirlen, "scratch-crash-%s\\", scenario);
    test_clean_dir(dir);
    GetModuleFileNameA(NULL, exe, sizeof(exe));
    snprintf(cmd, sizeof(cmd), "\"%s\" --child %s %s", exe, scenario, dir);
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
        ok(0, "CreateProcess failed: %lu", (unsigned long)GetLastError());
        return 0;
    }
    WaitForSingleObject(pi.hProcess, 120000);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    ok(code == 9, "child %s ended with %lu, not at its crash point", scenario, (unsigned long)code);
    return code == 9;
}

/* The ids present, in primary order; checks val and the secondary index
 * agree.  Returns the count; present[id] set. */
static long scan(struct crashdb *c, char *present, long max)
{
    long n = 0, id, val, nsec = 0;
    JET_ERR err;

    memset(present, 0, (size_t)max + 1);
    for (err = JetMove(c->ses, c->tab, JET_MoveFirst, 0); !err; err = JetMove(c->ses, c->tab, JET_MoveNext, 0)) {
        expect_err(JET_errSuccess, JetRetrieveColumn(c->ses, c->tab, c->id, &id, sizeof(id), NULL, 0, NULL));
        expect_err(JET_errSuccess, JetRetrieveColumn(c->ses, c->tab, c->val, &val, sizeof(val), NULL, 0, NULL));
        ok(val == id * 10, "row %ld has val %ld", id, val);
        if (id >= 0 && id <= max) present[id] = 1;
        n++;
    }
    expect_err(JET_errSuccess, JetSetCurrentIndexA(c->ses, c->tab, "byval"));
    for (err = JetMove(c->ses, c->tab, JET_MoveFirst, 0); !err; err = JetMove(c->ses, c->tab, JET_MoveNext, 0)) {
        expect_err(JET_errSuccess, JetRetrieveColumn(c->ses, c->tab, c->id, &id, sizeof(id), NULL, 0, NULL));
        ok(id >= 0 && id <= max && present[id], "secondary entry for id %ld without its row", id);
        nsec++;
    }
    ok(nsec == n, "%ld secondary entries for %ld rows", nsec, n);
    expect_err(JET_errSuccess, JetSetCurrentIndexA(c->ses, c->tab, NULL));
    return n;
}

TEST(crash_open_nested_transaction)
{
    char dir[MAX_PATH], present[201];
    struct crashdb c;
    long n, i;

    if (!run_child("open_nested", dir, sizeof(dir))) return;
    expect_err(JET_errSuccess, crash_open(&c, dir, 0));
    n = scan(&c, present, 200);
    ok(n == 100, "%ld rows after recovery", n);
    for (i = 1; i <= 100; i++) ok(present[i], "durable row %ld lost", i);
    crash_close(&c);
}

TEST(crash_lazy_commits_lose_only_a_tail)
{
    char dir[MAX_PATH], present[2001];
    struct crashdb c;
    long n, i, last = 0;

    if (!run_child("lazy_tail", dir, sizeof(dir))) return;
    expect_err(JET_errSuccess, crash_open(&c, dir, 0));
    n = scan(&c, present, 2000);
    for (i = 1; i <= 2000 && present[i]; i++) last = i;
    ok(last >= 50, "durable rows lost: only 1..%ld present", last);
    ok(n == last, "%ld rows but 1..%ld contiguous: a hole in the lazy commits", n, last);
    crash_close(&c);
}

TEST(crash_during_long_value_write)
{
    static unsigned char big[LV_BIG], back[LV_BIG];
    char dir[MAX_PATH], present[3];
    struct crashdb c;
    JET_ULONG_ cb = 0;
    long n, id = 1;

    if (!run_child("big_lv", dir, sizeof(dir))) return;
    expect_err(JET_errSuccess, crash_open(&c, dir, 0));
    n = scan(&c, present, 2);
    ok(n == 1 && present[1] && !present[2], "%ld rows after recovery", n);
    expect_err(JET_errSuccess, JetMakeKey(c.ses, c.tab, &id, sizeof(id), JET_bitNewKey));
    expect_err(JET_errSuccess, JetSeek(c.ses, c.tab, JET_bitSeekEQ));
    fill(big, LV_BIG, 1);
    expect_err(JET_errSuccess, JetRetrieveColumn(c.ses, c.tab, c.lv, back, sizeof(back), &cb, 0, NULL));
    ok(cb == LV_BIG && !memcmp(big, back, LV_BIG), "committed LV of %lu bytes damaged", (unsigned long)cb);
    crash_close(&c);
}

TEST(crash_after_level0_updates)
{
    char dir[MAX_PATH], present[111];
    struct crashdb c;
    long n, i, last = 0;

    if (!run_child("level0", dir, sizeof(dir))) return;
    expect_err(JET_errSuccess, crash_open(&c, dir, 0));
    n = scan(&c, present, 110);
    for (i = 1; i <= 110 && present[i]; i++) last = i;
    ok(last >= 100, "flushed level-0 rows lost: only 1..%ld present", last);
    ok(n == last, "%ld rows but 1..%ld contiguous", n, last);
    crash_close(&c);
}

/* JetTerm2(JET_bitTermAbrupt) with a transaction open and lazy commits not
 * flushed: no crash, and the next JetInit finds every durable commit, the
 * lazy ones at most as a tail, and nothing of the open transaction. */
TEST(crash_term_abrupt)
{
    char dir[MAX_PATH], present[401];
    struct crashdb c;
    long n, i, last = 0;

    snprintf(dir, sizeof(dir), "scratch-crash-abrupt\\");
    test_clean_dir(dir);
    expect_err(JET_errSuccess, crash_open(&c, dir, 1));
    for (i = 1; i <= 100; i++) expect_err(JET_errSuccess, insert_txn(&c, i, 0));
    for (i = 101; i <= 300; i++) expect_err(JET_errSuccess, insert_txn(&c, i, JET_bitCommitLazyFlush));
    expect_err(JET_errSuccess, JetBeginTransaction(c.ses));
    for (i = 301; i <= 400; i++) expect_err(JET_errSuccess, crash_insert(&c, i, NULL, 0));
    expect_err(JET_errInvalidGrbit, JetTerm2(c.inst, 0x1000));
    expect_err(JET_errSuccess, JetTerm2(c.inst, JET_bitTermAbrupt));
    expect_err(JET_errInvalidSesid, JetEndSession(c.ses, 0));

    expect_err(JET_errSuccess, crash_open(&c, dir, 0));
    n = scan(&c, present, 400);
    for (i = 1; i <= 100; i++) ok(present[i], "durable row %ld lost", i);
    for (i = 1; i <= 300 && present[i]; i++) last = i;
    ok(n == last, "%ld rows but the first %ld only are contiguous", n, last);
    for (i = 301; i <= 400; i++) ok(!present[i], "uncommitted row %ld present", i);
    crash_close(&c);
}
