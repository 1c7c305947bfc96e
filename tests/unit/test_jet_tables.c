/*
 * test_jet_tables.c - the table layer through the Jet API, natively:
 * random inserts, replaces (with long values that move between the record
 * and the LV tree, and multi-valued tags), deletes, nested transactions
 * that commit or roll back, checked against a model after every
 * transaction by scanning the primary index and two secondary indexes
 * (one over a multi-valued column), then again after JetTerm / JetInit.
 * The seed is printed (UNIT_SEED replays it).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esent.h"
#include "unit.h"

#define NKEYS 300
#define MAXTAGS 3
#define LEVELS 4

struct row {
    int present;
    long s;              /* the secondary key */
    unsigned lvlen, lvseed;
    unsigned ntags;
    long tags[MAXTAGS];  /* distinct */
};

struct model {
    struct row rows[NKEYS];
};

struct jt {
    JET_INSTANCE inst;
    JET_SESID ses;
    JET_DBID db;
    JET_TABLEID tab;
    JET_COLUMNID k, s, lv, tags;
    char dir[4096], path[4200];
    struct model committed, stack[LEVELS + 1];
    int level;
    unsigned long long rng;
};

static unsigned long long next_rand(struct jt *j)
{
    j->rng ^= j->rng << 13;
    j->rng ^= j->rng >> 7;
    j->rng ^= j->rng << 17;
    return j->rng;
}

static void fill_lv(unsigned char *buf, unsigned len, unsigned seed)
{
    unsigned i;
    for (i = 0; i < len; i++) buf[i] = (unsigned char)(seed * 31 + i * 7 + (i >> 8));
}

#define CALL(x) \
    do { \
        JET_ERR e_ = (x); \
        if (e_ < 0) ck_abort_msg("%s failed with %ld", #x, (long)e_); \
    } while (0)

static JET_COLUMNID add_col(struct jt *j, const char *name, JET_COLTYP t, JET_GRBIT g)
{
    JET_COLUMNDEF def;
    JET_COLUMNID id = 0;
    memset(&def, 0, sizeof(def));
    def.cbStruct = sizeof(def);
    def.coltyp = t;
    def.grbit = g;
    CALL(JetAddColumnA(j->ses, j->tab, name, &def, NULL, 0, &id));
    return id;
}

static void start(struct jt *j, int create)
{
    JET_COLUMNDEF def;
    j->inst = 0;
    CALL(JetCreateInstanceA(&j->inst, "jettables"));
    CALL(JetSetSystemParameterA(&j->inst, JET_sesidNil, JET_paramSystemPath, 0, j->dir));
    CALL(JetSetSystemParameterA(&j->inst, JET_sesidNil, JET_paramLogFilePath, 0, j->dir));
    CALL(JetSetSystemParameterA(&j->inst, JET_sesidNil, JET_paramTempPath, 0, j->dir));
    CALL(JetInit(&j->inst));
    CALL(JetBeginSessionA(j->inst, &j->ses, "", ""));
    if (create) {
        CALL(JetCreateDatabaseA(j->ses, j->path, NULL, &j->db, 0));
        CALL(JetCreateTableA(j->ses, j->db, "t", 0, 0, &j->tab));
        j->k = add_col(j, "k", JET_coltypLong, JET_bitColumnFixed);
        j->s = add_col(j, "s", JET_coltypLong, 0);
        j->lv = add_col(j, "lv", JET_coltypLongBinary, 0);
        j->tags = add_col(j, "tags", JET_coltypLong, JET_bitColumnTagged | JET_bitColumnMultiValued);
        CALL(JetCreateIndexA(j->ses, j->tab, "pk", JET_bitIndexPrimary, "+k\0", 4, 100));
        CALL(JetCreateIndexA(j->ses, j->tab, "bys", 0, "+s\0", 4, 100));
        CALL(JetCreateIndexA(j->ses, j->tab, "bytag", JET_bitIndexIgnoreAnyNull, "-tags\0", 7, 100));
    } else {
        CALL(JetAttachDatabaseA(j->ses, j->path, 0));
        CALL(JetOpenDatabaseA(j->ses, j->path, NULL, &j->db, 0));
        CALL(JetOpenTableA(j->ses, j->db, "t", NULL, 0, 0, &j->tab));
        CALL(JetGetTableColumnInfoA(j->ses, j->tab, "k", &def, sizeof(def), JET_ColInfo));
        j->k = def.columnid;
        CALL(JetGetTableColumnInfoA(j->ses, j->tab, "s", &def, sizeof(def), JET_ColInfo));
        j->s = def.columnid;
        CALL(JetGetTableColumnInfoA(j->ses, j->tab, "lv", &def, sizeof(def), JET_ColInfo));
        j->lv = def.columnid;
        CALL(JetGetTableColumnInfoA(j->ses, j->tab, "tags", &def, sizeof(def), JET_ColInfo));
        j->tags = def.columnid;
    }
}

static void stop(struct jt *j)
{
    CALL(JetCloseTable(j->ses, j->tab));
    CALL(JetEndSession(j->ses, 0));
    CALL(JetTerm(j->inst));
}

static long get_long(struct jt *j, JET_COLUMNID c, unsigned long itag, JET_ERR *perr)
{
    JET_RETINFO ri;
    int32_t v = 0; /* Long columns are 32 bits (long is 64 natively) */
    memset(&ri, 0, sizeof(ri));
    ri.cbStruct = sizeof(ri);
    ri.itagSequence = itag;
    *perr = JetRetrieveColumn(j->ses, j->tab, c, &v, sizeof(v), NULL, 0, &ri);
    return v;
}

/* The current row against the model. */
static void check_row(struct jt *j, const struct model *m, long *k_out)
{
    static unsigned char buf[8192], want[8192];
    JET_ULONG_ cb = 0;
    unsigned long i, n = 0;
    JET_ERR err;
    long k = get_long(j, j->k, 1, &err);
    const struct row *r;

    REQUIRE_EQ(err, 0);
    REQUIRE(k >= 0 && k < NKEYS);
    r = &m->rows[k];
    REQUIRE(r->present);
    REQUIRE_EQ(get_long(j, j->s, 1, &err), r->s);
    err = JetRetrieveColumn(j->ses, j->tab, j->lv, buf, sizeof(buf), &cb, 0, NULL);
    if (!r->lvlen) {
        REQUIRE_EQ(err, JET_wrnColumnNull);
    } else {
        REQUIRE_EQ(err, 0);
        REQUIRE_EQ(cb, r->lvlen);
        fill_lv(want, r->lvlen, r->lvseed);
        REQUIRE(!memcmp(buf, want, cb));
    }
    for (i = 0; i < r->ntags; i++) {
        REQUIRE_EQ(get_long(j, j->tags, i + 1, &err), r->tags[i]);
        REQUIRE_EQ(err, 0);
        n++;
    }
    get_long(j, j->tags, n + 1, &err);
    REQUIRE_EQ(err, JET_wrnColumnNull);
    *k_out = k;
}

static int cmp_pairs(const void *a, const void *b)
{
    const long *x = a, *y = b;
    if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
    return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* Scans the three indexes and compares them with the model. */
static void check_all(struct jt *j, const struct model *m)
{
    static long want[NKEYS * MAXTAGS][2];
    static unsigned per_k[NKEYS];
    unsigned long n = 0, count = 0, i;
    long k, prev = -1;
    JET_ERR err;

    /* Primary: every present key, in order. */
    CALL(JetSetCurrentIndexA(j->ses, j->tab, NULL));
    for (err = JetMove(j->ses, j->tab, JET_MoveFirst, 0); !err; err = JetMove(j->ses, j->tab, JET_MoveNext, 0)) {
        check_row(j, m, &k);
        REQUIRE_GT(k, prev);
        prev = k;
        n++;
    }
    REQUIRE_EQ(err, JET_errNoCurrentRecord);
    for (i = 0; i < NKEYS; i++) count += m->rows[i].present;
    REQUIRE_EQ(n, count);

    /* bys: (s, k) ascending: duplicates of s by bookmark, i.e. by k. */
    for (i = 0, n = 0; i < NKEYS; i++)
        if (m->rows[i].present) {
            want[n][0] = m->rows[i].s;
            want[n][1] = (long)i;
            n++;
        }
    qsort(want, n, sizeof(want[0]), cmp_pairs);
    CALL(JetSetCurrentIndexA(j->ses, j->tab, "bys"));
    i = 0;
    for (err = JetMove(j->ses, j->tab, JET_MoveFirst, 0); !err; err = JetMove(j->ses, j->tab, JET_MoveNext, 0)) {
        REQUIRE_LT(i, n);
        check_row(j, m, &k);
        REQUIRE_EQ(m->rows[k].s, want[i][0]);
        REQUIRE_EQ(k, want[i][1]);
        i++;
    }
    REQUIRE_EQ(i, n);

    /* bytag: descending tag of the first value only (the most significant
     * multi-valued column gives one entry per value: here every value). */
    for (i = 0, n = 0; i < NKEYS; i++) {
        unsigned t;
        if (!m->rows[i].present) continue;
        for (t = 0; t < m->rows[i].ntags; t++) {
            want[n][0] = -m->rows[i].tags[t];
            want[n][1] = (long)i;
            n++;
        }
    }
    qsort(want, n, sizeof(want[0]), cmp_pairs);
    CALL(JetSetCurrentIndexA(j->ses, j->tab, "bytag"));
    memset(per_k, 0, sizeof(per_k));
    i = 0;
    for (err = JetMove(j->ses, j->tab, JET_MoveFirst, 0); !err; err = JetMove(j->ses, j->tab, JET_MoveNext, 0)) {
        unsigned char key[64];
        JET_ULONG_ kl;
        REQUIRE_LT(i, n);
        check_row(j, m, &k);
        per_k[k]++;
        REQUIRE_EQ(JetRetrieveKey(j->ses, j->tab, key, sizeof(key), &kl, 0), 0);
        /* Keys of equal tags are ordered by bookmark, i.e. by k. */
        i++;
    }
    REQUIRE_EQ(i, n);
    for (i = 0; i < NKEYS; i++) REQUIRE_EQ(per_k[i], m->rows[i].present ? m->rows[i].ntags : 0);
    CALL(JetSetCurrentIndexA(j->ses, j->tab, NULL));
}

static void set_long(struct jt *j, JET_COLUMNID c, long value, unsigned long itag)
{
    int32_t v = (int32_t)value;
    JET_SETINFO si;
    memset(&si, 0, sizeof(si));
    si.cbStruct = sizeof(si);
    si.itagSequence = itag;
    CALL(JetSetColumn(j->ses, j->tab, c, &v, sizeof(v), 0, &si));
}

static JET_ERR seek_k(struct jt *j, long k)
{
    int32_t v = (int32_t)k;
    CALL(JetMakeKey(j->ses, j->tab, &v, sizeof(v), JET_bitNewKey));
    return JetSeek(j->ses, j->tab, JET_bitSeekEQ);
}

/* One random change in the current transaction level, applied to the
 * model of that level. */
static void random_op(struct jt *j, struct model *m)
{
    static unsigned char buf[8192];
    long k = (long)(next_rand(j) % NKEYS);
    struct row *r = &m->rows[k];
    unsigned op = (unsigned)(next_rand(j) % 10);
    JET_ERR err;

    if (!r->present) {
        if (op >= 7) {
            REQUIRE_EQ(seek_k(j, k), JET_errRecordNotFound);
            return;
        }
        CALL(JetPrepareUpdate(j->ses, j->tab, JET_prepInsert));
        set_long(j, j->k, k, 1);
        r->s = (long)(next_rand(j) % 20);
        set_long(j, j->s, r->s, 1);
        r->lvlen = (unsigned)(next_rand(j) % 3 == 0 ? next_rand(j) % 5000 : next_rand(j) % 200);
        r->lvseed = (unsigned)next_rand(j);
        fill_lv(buf, r->lvlen, r->lvseed);
        if (r->lvlen) CALL(JetSetColumn(j->ses, j->tab, j->lv, buf, r->lvlen, 0, NULL));
        r->ntags = (unsigned)(next_rand(j) % (MAXTAGS + 1));
        for (unsigned t = 0; t < r->ntags; t++) {
            r->tags[t] = (long)(t * 100 + next_rand(j) % 100); /* distinct */
            set_long(j, j->tags, r->tags[t], 0);
        }
        CALL(JetUpdate(j->ses, j->tab, NULL, 0, NULL));
        r->present = 1;
        return;
    }
    REQUIRE_EQ(seek_k(j, k), 0);
    if (op < 2) {
        CALL(JetDelete(j->ses, j->tab));
        r->present = 0;
        return;
    }
    if (op < 3) {
        /* A duplicate insert fails and leaves the update prepared. */
        CALL(JetPrepareUpdate(j->ses, j->tab, JET_prepInsert));
        set_long(j, j->k, k, 1);
        err = JetUpdate(j->ses, j->tab, NULL, 0, NULL);
        REQUIRE_EQ(err, JET_errKeyDuplicate);
        CALL(JetPrepareUpdate(j->ses, j->tab, JET_prepCancel));
        return;
    }
    CALL(JetPrepareUpdate(j->ses, j->tab, JET_prepReplace));
    if (op < 6) {
        r->s = (long)(next_rand(j) % 20);
        set_long(j, j->s, r->s, 1);
    }
    if (op == 6 || op == 9) {
        /* Append to the long value (it may move out of the record). */
        unsigned add = (unsigned)(next_rand(j) % 3000), old = r->lvlen;
        if (old + add > sizeof(buf)) add = 0;
        fill_lv(buf, old + add, r->lvseed);
        if (add) CALL(JetSetColumn(j->ses, j->tab, j->lv, buf + old, add, JET_bitSetAppendLV, NULL));
        r->lvlen = old + add;
    }
    if (op == 7) {
        /* Shrink it. */
        unsigned len = r->lvlen ? (unsigned)(next_rand(j) % r->lvlen) : 0;
        if (len) {
            CALL(JetSetColumn(j->ses, j->tab, j->lv, NULL, len, JET_bitSetSizeLV, NULL));
            r->lvlen = len;
        }
    }
    if (op == 8 && r->ntags) {
        /* Drop the first tag (the others move up). */
        CALL(JetSetColumn(j->ses, j->tab, j->tags, NULL, 0, 0, NULL));
        memmove(r->tags, r->tags + 1, (r->ntags - 1) * sizeof(r->tags[0]));
        r->ntags--;
    }
    if (op == 9 && (next_rand(j) & 1)) {
        CALL(JetPrepareUpdate(j->ses, j->tab, JET_prepCancel));
        *r = j->stack[j->level].rows[k]; /* the level's state before this op */
        return;
    }
    CALL(JetUpdate(j->ses, j->tab, NULL, 0, NULL));
}

START_TEST(jet_tables_random_against_model)
{
    struct jt *j = calloc(1, sizeof(*j));
    unsigned long long seed = unit_seed();
    int txns = 150, t;

    REQUIRE(j != NULL);
    printf("jet_tables_random_against_model: seed %llu\n", seed);
    j->rng = seed | 1;
    snprintf(j->dir, sizeof(j->dir), "%s/", unit_tmpdir());
    snprintf(j->path, sizeof(j->path), "%stest.edb", j->dir);
    start(j, 1);
    for (t = 0; t < txns; t++) {
        int ops = (int)(next_rand(j) % 20) + 1, o;
        struct model *cur;
        /* Level 1, then maybe deeper; each level keeps the model it began with. */
        j->level = 0;
        j->stack[0] = j->committed;
        CALL(JetBeginTransaction(j->ses));
        j->level = 1;
        j->stack[1] = j->committed;
        cur = &j->stack[1];
        for (o = 0; o < ops; o++) {
            unsigned r = (unsigned)(next_rand(j) % 20);
            if (r == 0 && j->level < LEVELS) {
                CALL(JetBeginTransaction(j->ses));
                j->level++;
                j->stack[j->level] = *cur;
                cur = &j->stack[j->level];
            } else if (r == 1 && j->level > 1) {
                if (next_rand(j) & 1) {
                    CALL(JetCommitTransaction(j->ses, 0));
                    j->stack[j->level - 1] = *cur;
                } else {
                    CALL(JetRollback(j->ses, 0));
                }
                j->level--;
                cur = &j->stack[j->level];
            } else {
                /* random_op's cancel path restores from the level below's
                 * copy: keep a copy of the level's state before the op. */
                struct model before = *cur;
                struct model saved = j->stack[j->level];
                j->stack[j->level] = before;
                random_op(j, &before);
                j->stack[j->level] = saved;
                *cur = before;
            }
        }
        while (j->level > 1) {
            CALL(JetCommitTransaction(j->ses, 0));
            j->stack[j->level - 1] = *cur;
            j->level--;
            cur = &j->stack[j->level];
        }
        if (next_rand(j) % 4 == 0) {
            CALL(JetRollback(j->ses, 0));
        } else {
            CALL(JetCommitTransaction(j->ses, JET_bitCommitLazyFlush));
            j->committed = *cur;
        }
        j->level = 0;
        if (t % 10 == 0 || t == txns - 1) check_all(j, &j->committed);
    }
    stop(j);
    start(j, 0);
    check_all(j, &j->committed);
    stop(j);
    unit_check_dbfile(j->path);
    free(j);
}
END_TEST

Suite *jet_tables_suite(void)
{
    Suite *s = suite_create("jet_tables");
    TCase *tc = tcase_create("random");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, jet_tables_random_against_model);
    suite_add_tcase(s, tc);
    return s;
}
