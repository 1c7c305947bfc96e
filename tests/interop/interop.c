/*
 * interop.c - one program, built twice: as a Windows program against the DLL
 * (build/x86_64/interop.exe, run under Wine) and natively against the
 * native twin (build/native/interop).  tools/interop-run.sh makes each side
 * read what the other wrote: the database file, its logs and edb.chk are
 * the same format in both builds (docs/format.md).
 *
 * Every command works in the current folder (logs, edb.chk and databases
 * side by side) and exits 0 when every check held, 1 otherwise, printing
 * "FAIL: ..." lines for the checks that did not.
 *
 *   write            interop.edb: table "data" with a column of every type
 *                    (long values over several chunks, a multi-valued tagged
 *                    column, autoincrement, an escrow column) and secondary
 *                    indexes (one over Unicode text, one over the
 *                    multi-valued column); a template table "tmpl" and a
 *                    table "derived" made from it.  primary.edb: a table whose
 *                    primary index is over Unicode text.  Ends with JetTerm.
 *   dump N BONUS     attaches interop.edb and checks rows 1..N of "data"
 *                    against the generator (row 1's escrow column has BONUS
 *                    added), every index's entries in order (keys ascending,
 *                    each key what JetMakeKey makes of the record's values),
 *                    and prints every non-Unicode index as key bytes and ids
 *                    (what the other side must print identically).
 *   checks           on files the other build wrote: the Unicode-sort rules
 *                    of JetAttachDatabase and JetOpenTable (sortcheck.c),
 *                    ending with the out-of-date Unicode index deleted
 *                    (JET_bitDbDeleteCorruptIndexes) and made again.
 *   crash K          adds rows N+1..N+K (N = ROWS) in durable transactions
 *                    and escrow updates of row 1 (+1000 each), then kills its
 *                    own process (TerminateProcess / SIGKILL): committed work
 *                    that no checkpoint has written.
 *   recover          JetInit with JET_paramAlternateDatabaseRecoveryPath "."
 *                    runs recovery over the other side's logs; then the
 *                    attach of a file with the other sort's Unicode index
 *                    deletes and remakes that index.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>
#define HERE ".\\"
#else
#include <signal.h>
#include <unistd.h>
#define HERE "./"
#endif

#include "esent.h"

#define ROWS 240           /* rows "write" makes in "data" */
#define DERIVED_ROWS 40
#define PRIMARY_ROWS 20
#define DB "interop.edb"
#define PRIMARY_DB "primary.edb"
#define UTEXT_MAX 64       /* WCHARs */

static int failures;

#define FAIL(...) \
    do { \
        printf("FAIL: " __VA_ARGS__); \
        printf("\n"); \
        failures++; \
    } while (0)

/* Calls that must succeed: a failure ends the command. */
#define CALL(x) \
    do { \
        JET_ERR e_ = (x); \
        if (e_ < 0) { \
            printf("FAIL: line %d: %s: %ld\n", __LINE__, #x, (long)e_); \
            exit(1); \
        } \
    } while (0)

#define EXPECT(x, want) \
    do { \
        JET_ERR e_ = (x); \
        if (e_ != (want)) FAIL("line %d: %s: %ld, expected %ld", __LINE__, #x, (long)e_, (long)(want)); \
    } while (0)

static JET_INSTANCE inst;
static JET_SESID ses;

/* ---- the generator ------------------------------------------------------ */

struct row {
    uint8_t bit, ubyte;
    int16_t sh;
    int32_t lng;
    int64_t cur;
    float single;
    double dbl, date;
    uint8_t bin[255];
    uint32_t cbin;
    char text[64];
    uint32_t ulong_;
    int64_t llong;
    uint8_t guid[16];
    uint16_t ushort;
    uint64_t ullong;
    WCHAR utext[UTEXT_MAX];
    uint32_t cutext;       /* bytes */
    uint32_t clbin;        /* 0: NULL */
    uint32_t cltext;       /* WCHARs; 0: NULL */
    int32_t tags[4];
    uint32_t ntags;
    int32_t escrow;
};

static const char *const words[] = {"apple", "Banana", "cherry", "date", "Elder", "fig", "grape", "kiwi"};
/* Non-ASCII pieces for the Unicode column. */
static const WCHAR extra[][4] = {
    {0x00e9, 't', 0x00e9, 0},      /* "été" */
    {0x00c4, 'r', 'g', 0},          /* "Ärg" */
    {0x03a9, 0x03bc, 0x03b5, 0},    /* Greek */
    {0x6771, 0x4eac, 0, 0},         /* CJK */
    {'z', 0x00fc, 'g', 0},          /* "züg" */
    {0x0416, 0x0443, 0, 0},         /* Cyrillic */
};

static void gen(int32_t i, struct row *r)
{
    uint32_t k, n = 0;
    const char *w = words[(uint32_t)i * 5u % 8u];
    char num[16];

    memset(r, 0, sizeof(*r));
    r->bit = (uint8_t)(i & 1);
    r->ubyte = (uint8_t)(i * 7);
    r->sh = (int16_t)(i * 37 - 5000);
    r->lng = (int32_t)((uint32_t)i * 2654435761u);
    r->cur = (int64_t)i * 1234567890123LL - 99999999999999LL;
    r->single = (float)i / 3.0f;
    r->dbl = (i % 3 ? -1.0 : 1.0) * i * 3.25;
    r->date = 40000.5 + i;
    r->cbin = (uint32_t)(i % 200) + 1;
    for (k = 0; k < r->cbin; k++) r->bin[k] = (uint8_t)(i * 13 + k * 3);
    snprintf(r->text, sizeof(r->text), "%s-%05d", w, (int)(i * 7919 % 10007));
    r->ulong_ = (uint32_t)i * 40503u + 7u;
    r->llong = (i & 1 ? -1 : 1) * (((int64_t)i << 40) | i);
    for (k = 0; k < 16; k++) r->guid[k] = (uint8_t)(i * 29 + k * 17);
    r->ushort = (uint16_t)(i * 11);
    r->ullong = 0xfedcba9876543210ull ^ ((uint64_t)i << 20);
    /* Unicode text: a word, a non-ASCII piece, a number. */
    for (k = 0; w[k]; k++) r->utext[n++] = (WCHAR)w[k];
    r->utext[n++] = ' ';
    for (k = 0; extra[i % 6][k]; k++) r->utext[n++] = extra[i % 6][k];
    snprintf(num, sizeof(num), " %d", (int)(i % 97));
    for (k = 0; num[k]; k++) r->utext[n++] = (WCHAR)num[k];
    r->cutext = n * 2;
    r->clbin = i % 7 == 0 ? 0 : i % 10 == 0 ? 70000u + (uint32_t)i * 13u : (uint32_t)(i % 50) + 1;
    r->cltext = i % 25 == 0 ? 20000u + (uint32_t)i : i % 3 == 0 ? 0 : (uint32_t)(i % 40) + 1;
    r->ntags = (uint32_t)(i % 4);
    for (k = 0; k < r->ntags; k++) r->tags[k] = i * (int32_t)(k + 1) + (int32_t)k * 1000;
    r->escrow = i * 10;
}

static uint8_t lbin_byte(int32_t i, uint32_t off)
{
    return (uint8_t)(off * 7 + (off >> 9) + (uint32_t)i);
}

static WCHAR ltext_char(int32_t i, uint32_t off)
{
    return (WCHAR)(off % 5 == 4 ? 0x0100 + (off + (uint32_t)i) % 0x200 : 'a' + (off + (uint32_t)i) % 26);
}

/* ---- the schema ------------------------------------------------------------ */

enum {
    C_ID, C_BIT, C_UBYTE, C_SHORT, C_LONG, C_CUR, C_SINGLE, C_DOUBLE, C_DATE, C_BIN, C_TEXT, C_ULONG, C_LLONG,
    C_GUID, C_USHORT, C_ULLONG, C_UTEXT, C_LBIN, C_LTEXT, C_TAGS, C_ESCROW, NCOLS
};

static const struct coldef {
    const char *name;
    JET_COLTYP type;
    JET_GRBIT grbit;
    unsigned long cp;
} cols[NCOLS] = {
    {"id", JET_coltypLong, JET_bitColumnAutoincrement, 0},
    {"bit", JET_coltypBit, 0, 0},
    {"ubyte", JET_coltypUnsignedByte, 0, 0},
    {"short", JET_coltypShort, 0, 0},
    {"long", JET_coltypLong, 0, 0},
    {"currency", JET_coltypCurrency, 0, 0},
    {"single", JET_coltypIEEESingle, 0, 0},
    {"double", JET_coltypIEEEDouble, 0, 0},
    {"date", JET_coltypDateTime, 0, 0},
    {"bin", JET_coltypBinary, 0, 0},
    {"text", JET_coltypText, 0, 1252},
    {"ulong", JET_coltypUnsignedLong, 0, 0},
    {"llong", JET_coltypLongLong, 0, 0},
    {"guid", JET_coltypGUID, 0, 0},
    {"ushort", JET_coltypUnsignedShort, 0, 0},
    {"ullong", JET_coltypUnsignedLongLong, 0, 0},
    {"utext", JET_coltypText, 0, 1200},
    {"lbin", JET_coltypLongBinary, 0, 0},
    {"ltext", JET_coltypLongText, 0, 1200},
    {"tags", JET_coltypLong, JET_bitColumnTagged | JET_bitColumnMultiValued, 0},
    {"escrow", JET_coltypLong, JET_bitColumnEscrowUpdate, 0},
};

static const struct ixdef {
    const char *name, *key; /* key: "+a\0-b\0" (the final NUL is added) */
    unsigned cbkey;
    int unicode;
} ixs[] = {
    {"primary", "+id\0", 5, 0},
    {"ix_utext", "+utext\0", 8, 1},
    {"ix_long_double", "+long\0-double\0", 15, 0},
    {"ix_tags", "+tags\0", 7, 0},
    {"ix_text", "+text\0", 7, 0},
    {"ix_guid", "+guid\0", 7, 0},
    {"ix_currency", "-currency\0", 11, 0},
    {"ix_ullong_ushort", "+ullong\0+ushort\0+bit\0", 22, 0},
};
#define NIXS (sizeof(ixs) / sizeof(ixs[0]))

static JET_COLUMNID colid[NCOLS];

static void start(int alt_recovery)
{
    inst = 0;
    CALL(JetCreateInstanceA(&inst, "interop"));
    CALL(JetSetSystemParameterA(&inst, 0, JET_paramSystemPath, 0, HERE));
    CALL(JetSetSystemParameterA(&inst, 0, JET_paramLogFilePath, 0, HERE));
    CALL(JetSetSystemParameterA(&inst, 0, JET_paramTempPath, 0, HERE));
    CALL(JetSetSystemParameterA(&inst, 0, JET_paramBaseName, 0, "edb"));
    if (alt_recovery) CALL(JetSetSystemParameterA(&inst, 0, JET_paramAlternateDatabaseRecoveryPath, 0, HERE));
    CALL(JetInit(&inst));
    CALL(JetBeginSessionA(inst, &ses, NULL, NULL));
}

static void stop(void)
{
    CALL(JetEndSession(ses, 0));
    CALL(JetTerm(inst));
}

static void create_index(JET_TABLEID t, const struct ixdef *x, JET_GRBIT extra_grbit)
{
    char key[64];
    memcpy(key, x->key, x->cbkey - 1);
    key[x->cbkey - 1] = 0;
    CALL(JetCreateIndexA(ses, t, x->name, (x == &ixs[0] ? JET_bitIndexPrimary : 0) | extra_grbit, key, x->cbkey, 90));
}

static void add_column(JET_TABLEID t, const char *name, JET_COLTYP type, JET_GRBIT grbit, unsigned long cp,
                       JET_COLUMNID *id)
{
    JET_COLUMNDEF def;
    int32_t zero = 0;
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = type;
    def.grbit = grbit;
    def.cp = (unsigned short)cp;
    CALL(JetAddColumnA(ses, t, name, &def, (grbit & JET_bitColumnEscrowUpdate) ? &zero : NULL,
                       (grbit & JET_bitColumnEscrowUpdate) ? 4 : 0, id));
}

static void column_ids(JET_TABLEID t)
{
    int c;
    JET_COLUMNDEF def;
    for (c = 0; c < NCOLS; c++) {
        CALL(JetGetTableColumnInfoA(ses, t, cols[c].name, &def, sizeof(def), JET_ColInfo));
        colid[c] = def.columnid;
    }
}

/* append: a new value of a multi-valued column (itagSequence 0). */
static void set(JET_TABLEID t, int c, const void *p, uint32_t cb, int append)
{
    JET_SETINFO si;
    memset(&si, 0, sizeof(si));
    si.cbStruct = sizeof(si);
    si.itagSequence = 0;
    CALL(JetSetColumn(ses, t, colid[c], p, cb, 0, append ? &si : NULL));
}

static void insert_row(JET_TABLEID t, int32_t i)
{
    struct row r;
    uint32_t k;
    int32_t id = 0;
    JET_ULONG_ got = 0;
    uint8_t *lb;
    WCHAR *lt;

    gen(i, &r);
    CALL(JetPrepareUpdate(ses, t, JET_prepInsert));
    CALL(JetRetrieveColumn(ses, t, colid[C_ID], &id, sizeof(id), &got, JET_bitRetrieveCopy, NULL));
    /* Autoincrement values may leave gaps (the documentation; ours reserves
     * them in batches): exact only in the table's first process. */
    if (i <= ROWS && id != i) FAIL("autoincrement gave %ld for row %ld", (long)id, (long)i);
    set(t, C_BIT, &r.bit, 1, 0);
    set(t, C_UBYTE, &r.ubyte, 1, 0);
    set(t, C_SHORT, &r.sh, 2, 0);
    set(t, C_LONG, &r.lng, 4, 0);
    set(t, C_CUR, &r.cur, 8, 0);
    set(t, C_SINGLE, &r.single, 4, 0);
    set(t, C_DOUBLE, &r.dbl, 8, 0);
    set(t, C_DATE, &r.date, 8, 0);
    set(t, C_BIN, r.bin, r.cbin, 0);
    set(t, C_TEXT, r.text, (uint32_t)strlen(r.text), 0);
    set(t, C_ULONG, &r.ulong_, 4, 0);
    set(t, C_LLONG, &r.llong, 8, 0);
    set(t, C_GUID, r.guid, 16, 0);
    set(t, C_USHORT, &r.ushort, 2, 0);
    set(t, C_ULLONG, &r.ullong, 8, 0);
    set(t, C_UTEXT, r.utext, r.cutext, 0);
    if (r.clbin) {
        lb = malloc(r.clbin);
        for (k = 0; k < r.clbin; k++) lb[k] = lbin_byte(i, k);
        set(t, C_LBIN, lb, r.clbin, 0);
        free(lb);
    }
    if (r.cltext) {
        lt = malloc(r.cltext * 2);
        for (k = 0; k < r.cltext; k++) lt[k] = ltext_char(i, k);
        set(t, C_LTEXT, lt, r.cltext * 2, 0);
        free(lt);
    }
    for (k = 0; k < r.ntags; k++) set(t, C_TAGS, &r.tags[k], 4, 1);
    set(t, C_ESCROW, &r.escrow, 4, 0);
    CALL(JetUpdate(ses, t, NULL, 0, NULL));
}

/* A Unicode string of the derived and primary tables. */
static uint32_t uname(int32_t i, WCHAR *out)
{
    char buf[32];
    uint32_t n = 0, k;
    snprintf(buf, sizeof(buf), "%s ", words[(uint32_t)i % 8u]);
    for (k = 0; buf[k]; k++) out[n++] = (WCHAR)buf[k];
    for (k = 0; extra[i % 6][k]; k++) out[n++] = extra[i % 6][k];
    out[n++] = (WCHAR)('0' + i % 10);
    out[n++] = (WCHAR)('0' + i / 10 % 10);
    return n * 2;
}

static void cmd_write(void)
{
    JET_DBID db;
    JET_TABLEID t;
    JET_TABLECREATE_A tc;
    JET_COLUMNID tid, tcode, tname, extra_col;
    int c;
    int32_t i;
    unsigned x;

    start(0);
    CALL(JetCreateDatabaseA(ses, DB, NULL, &db, 0));
    CALL(JetBeginTransaction(ses));
    CALL(JetCreateTableA(ses, db, "data", 16, 90, &t));
    for (c = 0; c < NCOLS; c++) add_column(t, cols[c].name, cols[c].type, cols[c].grbit, cols[c].cp, &colid[c]);
    for (x = 0; x < NIXS; x++) create_index(t, &ixs[x], 0);
    CALL(JetCommitTransaction(ses, 0));
    for (i = 1; i <= ROWS; i++) {
        CALL(JetBeginTransaction(ses));
        insert_row(t, i);
        CALL(JetCommitTransaction(ses, i % 50 ? JET_bitCommitLazyFlush : 0));
    }
    CALL(JetCloseTable(ses, t));

    /* The template and the table derived from it (with a column of its own). */
    {
        JET_COLUMNCREATE_A cc[3];
        JET_INDEXCREATE_A ic[2];
        memset(cc, 0, sizeof(cc));
        cc[0].cbStruct = sizeof(cc[0]);
        cc[0].szColumnName = (char *)"tid";
        cc[0].coltyp = JET_coltypLong;
        cc[0].grbit = JET_bitColumnNotNULL;
        cc[1] = cc[0];
        cc[1].szColumnName = (char *)"tcode";
        cc[1].grbit = 0;
        cc[2] = cc[1];
        cc[2].szColumnName = (char *)"tname";
        cc[2].coltyp = JET_coltypText;
        cc[2].cp = 1252;
        memset(ic, 0, sizeof(ic));
        ic[0].cbStruct = sizeof(ic[0]);
        ic[0].szIndexName = (char *)"tprimary";
        ic[0].szKey = (char *)"+tid\0";
        ic[0].cbKey = 6;
        ic[0].grbit = JET_bitIndexPrimary;
        ic[0].ulDensity = 90;
        ic[1] = ic[0];
        ic[1].szIndexName = (char *)"ix_tcode";
        ic[1].szKey = (char *)"+tcode\0-tname\0";
        ic[1].cbKey = 15;
        ic[1].grbit = 0;
        memset(&tc, 0, sizeof(tc));
        tc.cbStruct = sizeof(tc);
        tc.szTableName = (char *)"tmpl";
        tc.rgcolumncreate = cc;
        tc.cColumns = 3;
        tc.rgindexcreate = ic;
        tc.cIndexes = 2;
        tc.grbit = JET_bitTableCreateTemplateTable;
        tc.ulPages = 4;
        tc.ulDensity = 90;
        CALL(JetCreateTableColumnIndexA(ses, db, &tc));
        CALL(JetCloseTable(ses, tc.tableid));
    }
    memset(&tc, 0, sizeof(tc));
    tc.cbStruct = sizeof(tc);
    tc.szTableName = (char *)"derived";
    tc.szTemplateTableName = (char *)"tmpl";
    tc.ulDensity = 90;
    CALL(JetCreateTableColumnIndexA(ses, db, &tc));
    CALL(JetCloseTable(ses, tc.tableid));
    CALL(JetOpenTableA(ses, db, "derived", NULL, 0, 0, &t));
    add_column(t, "extra", JET_coltypLongText, 0, 1252, &extra_col);
    {
        JET_COLUMNDEF def;
        CALL(JetGetTableColumnInfoA(ses, t, "tid", &def, sizeof(def), JET_ColInfo));
        tid = def.columnid;
        CALL(JetGetTableColumnInfoA(ses, t, "tcode", &def, sizeof(def), JET_ColInfo));
        tcode = def.columnid;
        CALL(JetGetTableColumnInfoA(ses, t, "tname", &def, sizeof(def), JET_ColInfo));
        tname = def.columnid;
    }
    CALL(JetBeginTransaction(ses));
    for (i = 1; i <= DERIVED_ROWS; i++) {
        int32_t code = i * 7 % 13;
        char name[32], big[3000];
        snprintf(name, sizeof(name), "%s%d", words[i % 8], (int)i);
        memset(big, 'a' + i % 26, sizeof(big));
        CALL(JetPrepareUpdate(ses, t, JET_prepInsert));
        CALL(JetSetColumn(ses, t, tid, &i, 4, 0, NULL));
        CALL(JetSetColumn(ses, t, tcode, &code, 4, 0, NULL));
        CALL(JetSetColumn(ses, t, tname, name, (unsigned long)strlen(name), 0, NULL));
        CALL(JetSetColumn(ses, t, extra_col, big, (unsigned long)(i * 70 % 3000 + 1), 0, NULL));
        CALL(JetUpdate(ses, t, NULL, 0, NULL));
    }
    CALL(JetCommitTransaction(ses, 0));
    CALL(JetCloseTable(ses, t));
    CALL(JetCloseDatabase(ses, db, 0));
    CALL(JetDetachDatabaseA(ses, DB));

    /* A primary index over Unicode text. */
    CALL(JetCreateDatabaseA(ses, PRIMARY_DB, NULL, &db, 0));
    CALL(JetCreateTableA(ses, db, "pu", 4, 90, &t));
    {
        JET_COLUMNID pname, pnum;
        WCHAR w[32];
        add_column(t, "pname", JET_coltypText, 0, 1200, &pname);
        add_column(t, "pnum", JET_coltypLong, 0, 0, &pnum);
        CALL(JetCreateIndexA(ses, t, "pkey", JET_bitIndexPrimary, "+pname\0", 8, 90));
        CALL(JetBeginTransaction(ses));
        for (i = 1; i <= PRIMARY_ROWS; i++) {
            uint32_t cb = uname(i, w);
            CALL(JetPrepareUpdate(ses, t, JET_prepInsert));
            CALL(JetSetColumn(ses, t, pname, w, cb, 0, NULL));
            CALL(JetSetColumn(ses, t, pnum, &i, 4, 0, NULL));
            CALL(JetUpdate(ses, t, NULL, 0, NULL));
        }
        CALL(JetCommitTransaction(ses, 0));
    }
    CALL(JetCloseTable(ses, t));
    CALL(JetCloseDatabase(ses, db, 0));
    CALL(JetDetachDatabaseA(ses, PRIMARY_DB));
    stop();
}

/* ---- checking ---------------------------------------------------------------- */

static void check_col(int32_t i, int c, const void *want, uint32_t cbwant, JET_TABLEID t, unsigned long tag)
{
    static uint8_t buf[200000];
    JET_ULONG_ got = 0;
    JET_RETINFO ri;
    JET_ERR e;
    memset(&ri, 0, sizeof(ri));
    ri.cbStruct = sizeof(ri);
    ri.itagSequence = tag ? tag : 1;
    e = JetRetrieveColumn(ses, t, colid[c], buf, sizeof(buf), &got, 0, &ri);
    if (!cbwant) {
        if (e != JET_wrnColumnNull) FAIL("row %ld column %s: %ld, expected NULL", (long)i, cols[c].name, (long)e);
        return;
    }
    if (e != 0) FAIL("row %ld column %s (tag %lu): %ld", (long)i, cols[c].name, tag, (long)e);
    else if (got != cbwant || memcmp(buf, want, cbwant))
        FAIL("row %ld column %s (tag %lu): value differs (%lu bytes, expected %lu)", (long)i, cols[c].name, tag,
             (unsigned long)got, (unsigned long)cbwant);
}

static void check_row(JET_TABLEID t, int32_t i, int32_t bonus)
{
    struct row r;
    uint32_t k;
    uint8_t *lb;
    WCHAR *lt;
    int32_t esc;

    gen(i, &r);
    if (i <= ROWS) check_col(i, C_ID, &i, 4, t, 0);
    check_col(i, C_BIT, &r.bit, 1, t, 0);
    check_col(i, C_UBYTE, &r.ubyte, 1, t, 0);
    check_col(i, C_SHORT, &r.sh, 2, t, 0);
    check_col(i, C_LONG, &r.lng, 4, t, 0);
    check_col(i, C_CUR, &r.cur, 8, t, 0);
    check_col(i, C_SINGLE, &r.single, 4, t, 0);
    check_col(i, C_DOUBLE, &r.dbl, 8, t, 0);
    check_col(i, C_DATE, &r.date, 8, t, 0);
    check_col(i, C_BIN, r.bin, r.cbin, t, 0);
    check_col(i, C_TEXT, r.text, (uint32_t)strlen(r.text), t, 0);
    check_col(i, C_ULONG, &r.ulong_, 4, t, 0);
    check_col(i, C_LLONG, &r.llong, 8, t, 0);
    check_col(i, C_GUID, r.guid, 16, t, 0);
    check_col(i, C_USHORT, &r.ushort, 2, t, 0);
    check_col(i, C_ULLONG, &r.ullong, 8, t, 0);
    check_col(i, C_UTEXT, r.utext, r.cutext, t, 0);
    lb = malloc(r.clbin + 1);
    for (k = 0; k < r.clbin; k++) lb[k] = lbin_byte(i, k);
    check_col(i, C_LBIN, lb, r.clbin, t, 0);
    free(lb);
    lt = malloc(r.cltext * 2 + 2);
    for (k = 0; k < r.cltext; k++) lt[k] = ltext_char(i, k);
    check_col(i, C_LTEXT, lt, r.cltext * 2, t, 0);
    free(lt);
    for (k = 0; k < r.ntags; k++) check_col(i, C_TAGS, &r.tags[k], 4, t, k + 1);
    check_col(i, C_TAGS, NULL, 0, t, r.ntags + 1);
    esc = r.escrow + (i == 1 ? bonus : 0);
    check_col(i, C_ESCROW, &esc, 4, t, 0);
}

static void hex(const uint8_t *p, unsigned long n)
{
    unsigned long k;
    for (k = 0; k < n; k++) printf("%02x", p[k]);
}

/* Walks one index: keys ascending; each key the one JetMakeKey makes of the
 * record's values (not for the multi-valued index); prints the entries
 * unless the index is over Unicode text (its bytes depend on the sort). */
static uint32_t walk_index(JET_TABLEID t, const struct ixdef *x)
{
    uint8_t key[JET_cbKeyMost + 1], prev[JET_cbKeyMost + 1], made[JET_cbKeyMost + 1];
    JET_ULONG_ cb = 0, cbprev = 0, cbmade = 0;
    uint32_t n = 0;
    JET_ERR e;

    CALL(JetSetCurrentIndexA(ses, t, x->name));
    printf("index %s%s\n", x->name, x->unicode ? " (Unicode: entries counted only)" : "");
    for (e = JetMove(ses, t, JET_MoveFirst, 0); e >= 0; e = JetMove(ses, t, JET_MoveNext, 0)) {
        int32_t id = 0;
        JET_ULONG_ got = 0;
        CALL(JetRetrieveKey(ses, t, key, sizeof(key), &cb, 0));
        CALL(JetRetrieveColumn(ses, t, colid[C_ID], &id, 4, &got, 0, NULL));
        if (n) {
            int c = memcmp(prev, key, cb < cbprev ? cb : cbprev);
            if (c > 0 || (c == 0 && cbprev > cb)) FAIL("index %s: key of id %ld sorts before the previous one", x->name, (long)id);
        }
        memcpy(prev, key, cb);
        cbprev = cb;
        if (strcmp(x->name, "ix_tags")) {
            /* The key made from the record's values: each segment's column. */
            const char *seg = x->key;
            JET_GRBIT g = JET_bitNewKey;
            while (*seg) {
                uint8_t v[512];
                JET_ULONG_ cv = 0;
                int c;
                for (c = 0; c < NCOLS && strcmp(cols[c].name, seg + 1); c++)
                    ;
                if (c == NCOLS) {
                    FAIL("no column %s", seg + 1);
                    break;
                }
                CALL(JetRetrieveColumn(ses, t, colid[c], v, sizeof(v), &cv, 0, NULL));
                CALL(JetMakeKey(ses, t, v, cv, g));
                g = 0;
                seg += strlen(seg) + 1;
            }
            CALL(JetRetrieveKey(ses, t, made, sizeof(made), &cbmade, JET_bitRetrieveCopy));
            if (cbmade != cb || memcmp(made, key, cb)) FAIL("index %s: the key of id %ld is not JetMakeKey's", x->name, (long)id);
        }
        if (!x->unicode) {
            printf("  ");
            hex(key, cb);
            printf(" %ld\n", (long)id);
        }
        n++;
    }
    if (e != JET_errNoCurrentRecord) FAIL("index %s: JetMove %ld", x->name, (long)e);
    printf("  %lu entries\n", (unsigned long)n);
    return n;
}

static void walk_simple(JET_TABLEID t, const char *index, JET_COLUMNID idcol)
{
    uint8_t key[JET_cbKeyMost + 1];
    JET_ULONG_ cb, got;
    int32_t id;
    uint32_t n = 0;
    JET_ERR e;
    CALL(JetSetCurrentIndexA(ses, t, index));
    printf("index %s\n", index);
    for (e = JetMove(ses, t, JET_MoveFirst, 0); e >= 0; e = JetMove(ses, t, JET_MoveNext, 0), n++) {
        CALL(JetRetrieveKey(ses, t, key, sizeof(key), &cb, 0));
        CALL(JetRetrieveColumn(ses, t, idcol, &id, 4, &got, 0, NULL));
        printf("  ");
        hex(key, cb);
        printf(" %ld\n", (long)id);
    }
    printf("  %lu entries\n", (unsigned long)n);
}

static void cmd_dump(int32_t nrows, int32_t bonus)
{
    JET_DBID db;
    JET_TABLEID t;
    JET_COLUMNDEF def;
    uint32_t x, want_tags = 0;
    int32_t i;
    JET_ERR e;

    start(0);
    EXPECT(JetAttachDatabaseA(ses, DB, 0), 0);
    CALL(JetOpenDatabaseA(ses, DB, NULL, &db, 0));
    CALL(JetOpenTableA(ses, db, "data", NULL, 0, 0, &t));
    column_ids(t);
    CALL(JetSetCurrentIndexA(ses, t, "primary"));
    for (i = 1; i <= nrows; i++) {
        struct row r;
        gen(i, &r);
        want_tags += r.ntags ? r.ntags : 1; /* one NULL entry without tags */
        if (i <= ROWS) {
            CALL(JetMakeKey(ses, t, &i, 4, JET_bitNewKey));
            e = JetSeek(ses, t, JET_bitSeekEQ);
        } else {
            /* Rows of "crash": the ones after ROWS, in order (their ids
             * may have gaps). */
            e = JetMove(ses, t, JET_MoveNext, 0);
        }
        if (e != 0) FAIL("row %ld: seek/move %ld", (long)i, (long)e);
        else check_row(t, i, bonus);
    }
    if (JetMove(ses, t, JET_MoveNext, 0) != JET_errNoCurrentRecord) FAIL("more than %ld rows", (long)nrows);
    for (x = 0; x < NIXS; x++) {
        uint32_t n = walk_index(t, &ixs[x]);
        uint32_t want = !strcmp(ixs[x].name, "ix_tags") ? want_tags : (uint32_t)nrows;
        if (n != want) FAIL("index %s: %lu entries, expected %lu", ixs[x].name, (unsigned long)n, (unsigned long)want);
    }
    CALL(JetCloseTable(ses, t));
    CALL(JetOpenTableA(ses, db, "derived", NULL, 0, 0, &t));
    CALL(JetGetTableColumnInfoA(ses, t, "tid", &def, sizeof(def), JET_ColInfo));
    walk_simple(t, "tprimary", def.columnid);
    walk_simple(t, "ix_tcode", def.columnid);
    CALL(JetCloseTable(ses, t));
    CALL(JetCloseDatabase(ses, db, 0));
    CALL(JetDetachDatabaseA(ses, DB));
    stop();
}

static void set_checking(unsigned long mode)
{
    CALL(JetSetSystemParameterA(&inst, 0, JET_paramEnableIndexChecking, mode, NULL));
}

static void cmd_checks(void)
{
    JET_DBID db;
    JET_TABLEID t;
    JET_ERR e;
    uint32_t n = 0;

    start(0);
    /* JET_IndexCheckingOn (the default): the attach fails. */
    EXPECT(JetAttachDatabaseA(ses, DB, 0), JET_errSecondaryIndexCorrupted);
    EXPECT(JetOpenDatabaseA(ses, DB, NULL, &db, 0), JET_errDatabaseNotFound);
    EXPECT(JetAttachDatabaseA(ses, DB, JET_bitDbReadOnly), JET_errSecondaryIndexCorrupted);
    EXPECT(JetAttachDatabaseA(ses, DB, JET_bitDbReadOnly | JET_bitDbDeleteCorruptIndexes),
           JET_errSecondaryIndexCorrupted);
    EXPECT(JetAttachDatabaseA(ses, DB, JET_bitDbReadOnly | JET_bitDbDeleteUnicodeIndexes), JET_errInvalidGrbit);
    EXPECT(JetAttachDatabase2A(ses, DB, 0, 0), JET_errSecondaryIndexCorrupted);
    /* A primary index is never deleted. */
    EXPECT(JetAttachDatabaseA(ses, PRIMARY_DB, 0), JET_errPrimaryIndexCorrupted);
    EXPECT(JetAttachDatabaseA(ses, PRIMARY_DB, JET_bitDbDeleteCorruptIndexes), JET_errPrimaryIndexCorrupted);
    EXPECT(JetAttachDatabaseA(ses, PRIMARY_DB, JET_bitDbDeleteUnicodeIndexes), JET_errPrimaryIndexCorrupted);

    /* JET_IndexCheckingDeferToOpenTable: JetOpenTable fails instead. */
    set_checking(JET_IndexCheckingDeferToOpenTable);
    EXPECT(JetAttachDatabaseA(ses, DB, 0), 0);
    CALL(JetOpenDatabaseA(ses, DB, NULL, &db, 0));
    EXPECT(JetOpenTableA(ses, db, "data", NULL, 0, 0, &t), JET_errSecondaryIndexCorrupted);
    CALL(JetOpenTableA(ses, db, "derived", NULL, 0, 0, &t));
    CALL(JetCloseTable(ses, t));
    CALL(JetCloseDatabase(ses, db, 0));
    CALL(JetDetachDatabaseA(ses, DB));
    EXPECT(JetAttachDatabaseA(ses, PRIMARY_DB, 0), 0);
    CALL(JetOpenDatabaseA(ses, PRIMARY_DB, NULL, &db, 0));
    EXPECT(JetOpenTableA(ses, db, "pu", NULL, 0, 0, &t), JET_errPrimaryIndexCorrupted);
    CALL(JetCloseDatabase(ses, db, 0));
    CALL(JetDetachDatabaseA(ses, PRIMARY_DB));

    /* JET_IndexCheckingOff: used as they are (read here, not written). */
    set_checking(JET_IndexCheckingOff);
    EXPECT(JetAttachDatabaseA(ses, PRIMARY_DB, JET_bitDbReadOnly), 0);
    CALL(JetOpenDatabaseA(ses, PRIMARY_DB, NULL, &db, JET_bitDbReadOnly));
    CALL(JetOpenTableA(ses, db, "pu", NULL, 0, JET_bitTableReadOnly, &t));
    for (e = JetMove(ses, t, JET_MoveFirst, 0); e >= 0; e = JetMove(ses, t, JET_MoveNext, 0)) n++;
    if (n != PRIMARY_ROWS) FAIL("primary.edb with checking off: %lu rows", (unsigned long)n);
    CALL(JetCloseTable(ses, t));
    CALL(JetCloseDatabase(ses, db, 0));
    CALL(JetDetachDatabaseA(ses, PRIMARY_DB));
    EXPECT(JetAttachDatabaseA(ses, DB, 0), 0);
    CALL(JetDetachDatabaseA(ses, DB));

    /* On again: JET_bitDbDeleteCorruptIndexes deletes the index; made
     * again, it is up to date. */
    set_checking(JET_IndexCheckingOn);
    EXPECT(JetAttachDatabaseA(ses, DB, JET_bitDbDeleteCorruptIndexes), JET_wrnCorruptIndexDeleted);
    CALL(JetOpenDatabaseA(ses, DB, NULL, &db, 0));
    CALL(JetOpenTableA(ses, db, "data", NULL, 0, 0, &t));
    EXPECT(JetSetCurrentIndexA(ses, t, "ix_utext"), JET_errIndexNotFound);
    CALL(JetSetCurrentIndexA(ses, t, "ix_text"));
    create_index(t, &ixs[1], 0);
    CALL(JetCloseTable(ses, t));
    CALL(JetCloseDatabase(ses, db, 0));
    CALL(JetDetachDatabaseA(ses, DB));
    EXPECT(JetAttachDatabaseA(ses, DB, 0), 0);
    CALL(JetDetachDatabaseA(ses, DB));
    /* JET_bitDbDeleteUnicodeIndexes deletes up-to-date ones too. */
    EXPECT(JetAttachDatabaseA(ses, DB, JET_bitDbDeleteUnicodeIndexes), 0);
    CALL(JetOpenDatabaseA(ses, DB, NULL, &db, 0));
    CALL(JetOpenTableA(ses, db, "data", NULL, 0, 0, &t));
    EXPECT(JetSetCurrentIndexA(ses, t, "ix_utext"), JET_errIndexNotFound);
    create_index(t, &ixs[1], 0);
    CALL(JetCloseTable(ses, t));
    CALL(JetCloseDatabase(ses, db, 0));
    CALL(JetDetachDatabaseA(ses, DB));
    stop();
}

static void cmd_crash(int32_t k)
{
    JET_DBID db;
    JET_TABLEID t;
    int32_t i, delta = 1000;

    start(0);
    CALL(JetAttachDatabaseA(ses, DB, 0));
    CALL(JetOpenDatabaseA(ses, DB, NULL, &db, 0));
    CALL(JetOpenTableA(ses, db, "data", NULL, 0, 0, &t));
    column_ids(t);
    for (i = ROWS + 1; i <= ROWS + k; i++) {
        CALL(JetBeginTransaction(ses));
        insert_row(t, i);
        CALL(JetCommitTransaction(ses, 0));
        CALL(JetBeginTransaction(ses));
        CALL(JetSetCurrentIndexA(ses, t, "primary"));
        {
            int32_t one = 1;
            CALL(JetMakeKey(ses, t, &one, 4, JET_bitNewKey));
        }
        CALL(JetSeek(ses, t, JET_bitSeekEQ));
        CALL(JetEscrowUpdate(ses, t, colid[C_ESCROW], &delta, 4, NULL, 0, NULL, 0));
        CALL(JetCommitTransaction(ses, 0));
    }
    /* Work that never commits. */
    CALL(JetBeginTransaction(ses));
    insert_row(t, ROWS + k + 1);
    printf("killing the process after %ld durable commits\n", (long)(2 * k));
    fflush(stdout);
#ifdef _WIN32
    TerminateProcess(GetCurrentProcess(), 9);
#else
    kill(getpid(), SIGKILL);
#endif
    abort();
}

static void cmd_recover(void)
{
    JET_DBID db;
    JET_TABLEID t;

    start(1);
    EXPECT(JetAttachDatabaseA(ses, DB, JET_bitDbDeleteCorruptIndexes), JET_wrnCorruptIndexDeleted);
    CALL(JetOpenDatabaseA(ses, DB, NULL, &db, 0));
    CALL(JetOpenTableA(ses, db, "data", NULL, 0, 0, &t));
    create_index(t, &ixs[1], 0);
    CALL(JetCloseTable(ses, t));
    CALL(JetCloseDatabase(ses, db, 0));
    CALL(JetDetachDatabaseA(ses, DB));
    stop();
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc >= 2 && !strcmp(argv[1], "write")) cmd_write();
    else if (argc >= 4 && !strcmp(argv[1], "dump")) cmd_dump(atoi(argv[2]), atoi(argv[3]));
    else if (argc >= 2 && !strcmp(argv[1], "checks")) cmd_checks();
    else if (argc >= 3 && !strcmp(argv[1], "crash")) cmd_crash(atoi(argv[2]));
    else if (argc >= 2 && !strcmp(argv[1], "recover")) cmd_recover();
    else {
        fprintf(stderr, "usage: interop write | dump N BONUS | checks | crash K | recover\n");
        return 2;
    }
    if (failures) printf("%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
