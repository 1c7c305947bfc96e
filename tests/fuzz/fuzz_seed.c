/*
 * fuzz_seed.c - writes the seed corpus of the database-file fuzz target:
 * small real databases made through the Jet API (natively, in a scratch
 * folder), so that mutations start from files that reach every reader:
 * a catalog with two tables, fixed, variable, tagged, multi-valued and
 * Unicode columns, long values both in the record and in the LV tree, a
 * primary and three secondary indexes.  Each seed is the .edb file plus
 * the trailing mode byte fuzz_dbfile.c reads (1: reseal checksums).
 *
 * usage: fuzz_seed SCRATCH_DIR CORPUS_DIR
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbfile_check.h"
#include "esent.h"

#define CALL(x) \
    do { \
        JET_ERR e_ = (x); \
        if (e_ < 0) { \
            fprintf(stderr, "fuzz_seed: %s failed with %ld\n", #x, (long)e_); \
            exit(1); \
        } \
    } while (0)

static JET_COLUMNID add_col(JET_SESID ses, JET_TABLEID tab, const char *name, JET_COLTYP t,
                            uint32_t cbmax, JET_GRBIT g, uint16_t cp)
{
    JET_COLUMNDEF def;
    JET_COLUMNID id = 0;
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = t;
    def.cbMax = cbmax;
    def.grbit = g;
    def.cp = cp;
    CALL(JetAddColumnA(ses, tab, name, &def, NULL, 0, &id));
    return id;
}

static void set(JET_SESID ses, JET_TABLEID tab, JET_COLUMNID col, const void *data, uint32_t cb,
                JET_GRBIT g)
{
    JET_SETINFO si;
    memset(&si, 0, sizeof(si));
    si.cbStruct = sizeof(si);
    si.itagSequence = 0; /* a new value of a multi-valued column */
    CALL(JetSetColumn(ses, tab, col, data, cb, g, (g & JET_bitSetSeparateLV) || !cb ? NULL : &si));
}

/* One database with nrows rows (large long values every lv_every rows). */
static void make_db(const char *dir, const char *path, int nrows, int lv_every)
{
    JET_INSTANCE inst = 0;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab, tab2;
    JET_COLUMNID id, name, uname, tags, blob, note, c2;
    static uint8_t big[9000];
    int i;

    for (i = 0; i < (int)sizeof(big); i++) big[i] = (uint8_t)(i * 13 + (i >> 7));
    CALL(JetSetSystemParameterA(NULL, JET_sesidNil, JET_paramDatabasePageSize, 4096, NULL));
    CALL(JetCreateInstanceA(&inst, "fuzzseed"));
    CALL(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramSystemPath, 0, dir));
    CALL(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramLogFilePath, 0, dir));
    CALL(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramTempPath, 0, dir));
    CALL(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramRecovery, 0, "off"));
    /* Grow one page at a time: seeds of a few pages, not a megabyte. */
    CALL(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramDbExtensionSize, 1, NULL));
    CALL(JetInit(&inst));
    CALL(JetBeginSessionA(inst, &ses, "", ""));
    CALL(JetCreateDatabaseA(ses, path, NULL, &db, JET_bitDbOverwriteExisting));
    CALL(JetBeginTransaction(ses));
    CALL(JetCreateTableA(ses, db, "people", 0, 100, &tab));
    id = add_col(ses, tab, "id", JET_coltypLong, 0, JET_bitColumnFixed, 0);
    name = add_col(ses, tab, "name", JET_coltypText, 64, 0, 1252);
    uname = add_col(ses, tab, "uname", JET_coltypText, 128, 0, 1200);
    tags = add_col(ses, tab, "tags", JET_coltypLong, 0, JET_bitColumnTagged | JET_bitColumnMultiValued, 0);
    blob = add_col(ses, tab, "blob", JET_coltypLongBinary, 0, 0, 0);
    note = add_col(ses, tab, "note", JET_coltypLongText, 0, 0, 1200);
    CALL(JetCreateIndexA(ses, tab, "pk", JET_bitIndexPrimary, "+id\0", 5, 100));
    CALL(JetCreateIndexA(ses, tab, "byname", 0, "+name\0-id\0", 11, 90));
    CALL(JetCreateIndexA(ses, tab, "byuname", 0, "+uname\0", 8, 100));
    CALL(JetCreateIndexA(ses, tab, "bytag", JET_bitIndexIgnoreAnyNull, "-tags\0", 7, 100));
    CALL(JetCreateTableA(ses, db, "seq", 0, 100, &tab2));
    c2 = add_col(ses, tab2, "v", JET_coltypBinary, 32, 0, 0);
    CALL(JetCommitTransaction(ses, 0));

    for (i = 0; i < nrows; i++) {
        int32_t v = i * 7, t;
        char text[40];
        uint16_t wtext[20];
        int n, k;
        CALL(JetBeginTransaction(ses));
        CALL(JetPrepareUpdate(ses, tab, JET_prepInsert));
        set(ses, tab, id, &v, sizeof(v), 0);
        n = snprintf(text, sizeof(text), "name %d", (i * 37) % 11);
        set(ses, tab, name, text, (uint32_t)n, 0);
        for (k = 0; k < n; k++) wtext[k] = (uint16_t)(text[k] == ' ' ? 0xe9 : text[k]);
        set(ses, tab, uname, wtext, (uint32_t)n * 2, 0);
        for (t = 0; t < i % 4; t++) {
            int32_t tv = i + t * 100;
            set(ses, tab, tags, &tv, sizeof(tv), 0);
        }
        if (lv_every && i % lv_every == 0)
            set(ses, tab, blob, big, 1000 + (uint32_t)i * 300 % 8000, 0);
        else if (i % 2)
            set(ses, tab, blob, big, 20, 0);
        if (i % 3 == 0) set(ses, tab, note, wtext, (uint32_t)n * 2, 0);
        CALL(JetUpdate(ses, tab, NULL, 0, NULL));
        CALL(JetPrepareUpdate(ses, tab2, JET_prepInsert));
        set(ses, tab2, c2, text, (uint32_t)n, 0);
        CALL(JetUpdate(ses, tab2, NULL, 0, NULL));
        CALL(JetCommitTransaction(ses, 0));
    }
    CALL(JetCloseTable(ses, tab));
    CALL(JetCloseTable(ses, tab2));
    CALL(JetEndSession(ses, 0));
    CALL(JetTerm(inst));
}

/* Copies the database to the corpus with the mode byte, after checking
 * that the fuzz target's reader reads all of it cleanly (so the target
 * really reaches every reader from the seeds). */
static void write_seed(const char *db, const char *out, uint8_t mode)
{
    static uint8_t buf[1 << 22];
    FILE *in = fopen(db, "rb"), *o;
    size_t n;
    int err;

    if (!in || !(o = fopen(out, "wb"))) {
        fprintf(stderr, "fuzz_seed: cannot copy %s to %s\n", db, out);
        exit(1);
    }
    n = fread(buf, 1, sizeof(buf), in);
    fclose(in);
    if ((err = dbfile_check(buf, n, mode ? DBFILE_RESEAL : DBFILE_RAW)) != 0) {
        fprintf(stderr, "fuzz_seed: %s does not read cleanly (%d)\n", db, err);
        exit(1);
    }
    fwrite(buf, 1, n, o);
    fputc(mode, o);
    if (fclose(o) != 0) exit(1);
}

int main(int argc, char **argv)
{
    char path[4096], out[4096];
    static const struct {
        const char *name;
        int rows, lv_every;
        uint8_t mode;
    } seeds[] = { { "empty", 0, 0, 1 }, { "small", 6, 3, 1 }, { "lv", 30, 5, 1 }, { "raw", 6, 3, 0 } };
    size_t i;

    if (argc != 3) {
        fprintf(stderr, "usage: fuzz_seed SCRATCH_DIR CORPUS_DIR\n");
        return 2;
    }
    for (i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
        snprintf(path, sizeof(path), "%s/%s.edb", argv[1], seeds[i].name);
        make_db(argv[1], path, seeds[i].rows, seeds[i].lv_every);
        snprintf(out, sizeof(out), "%s/seed-%s", argv[2], seeds[i].name);
        write_seed(path, out, seeds[i].mode);
    }
    return 0;
}
