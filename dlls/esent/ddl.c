/*
 * ddl.c - changing a table's definition: JetAddColumn, JetDeleteColumn(2),
 * JetRenameColumn, JetSetColumnDefaultValue, JetCreateIndex(2/3/4),
 * JetDeleteIndex, JetCreateTableColumnIndex(2/3/4) (with JetCreateTable's
 * work, ddl_create_table).
 *
 * The catalog (engine/cat) validates definitions and stores them; this file
 * adds what needs the API layer: the structures (cbStruct, their unions,
 * A and W strings converted to the catalog's UTF-8 names), the table-level
 * rules (JET_errFixedDDL unless the cursor was opened with
 * JET_bitTablePermitDDL, read-only cursors and databases, escrow columns
 * and primary indexes only on empty tables), and building a new secondary
 * index over the rows a table already has.
 *
 * Derived tables (JET_TABLECREATE szTemplateTableName): the catalog gives
 * them their template's columns and copies of its indexes, the primary one
 * included (CAT_INDEX_DERIVED), as ESE does; JetGetTableIndexInfo lists
 * them with the table's own.  Indexes may be added to a derived table
 * (not a second primary: JET_errIndexHasPrimary); an inherited one cannot
 * be deleted (JET_errFixedInheritedDDL), nor a template column
 * (JetDeleteColumn).
 *
 * Every call runs in the DDL transaction of table.c (ddl_begin/ddl_end):
 * the session's transaction, or one of its own at level 0.  A call that
 * fails takes its catalog changes back (cat.h: a failed cat_* call changed
 * nothing; what earlier steps of the call wrote is deleted again), so a
 * failure inside a user transaction leaves the transaction as it was.
 *
 * Building an index: the clustered tree is scanned through the DDL
 * transaction, every record's keys are made (indexkeys.c), and the entries
 * (index key || primary bookmark -> primary bookmark) are sorted in memory
 * first, so that a unique index's duplicate (JET_errKeyDuplicate) or a
 * record's bad key is found before anything is written to the new tree.
 *
 * A and W structures have the same layout (only their string pointers
 * differ), so each is read through its A type with a flag saying how its
 * strings are encoded.
 */
#include <assert.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "jet_table.h"
#include "systable.h"
#include "lv.h"

DEFAULT_DEBUG_CHANNEL(esent);

_Static_assert(sizeof(JET_INDEXCREATE_A) == sizeof(JET_INDEXCREATE_W), "A/W layout");
_Static_assert(sizeof(JET_INDEXCREATE2_A) == sizeof(JET_INDEXCREATE2_W), "A/W layout");
_Static_assert(sizeof(JET_INDEXCREATE3_A) == sizeof(JET_INDEXCREATE3_W), "A/W layout");
_Static_assert(sizeof(JET_COLUMNCREATE_A) == sizeof(JET_COLUMNCREATE_W), "A/W layout");
_Static_assert(sizeof(JET_TABLECREATE4_A) == sizeof(JET_TABLECREATE4_W), "A/W layout");

/* Pre-Vista JET_INDEXCREATE: without cbKeyMost. */
#define INDEXCREATE_V1_SIZE offsetof(JET_INDEXCREATE_A, cbKeyMost)

static char *conv_name(const void *name, int wide, JET_ERR *err)
{
    return wide ? table_name_w(name, err) : table_name_a(name, err);
}

/* ---- checks shared by the cursor-based calls --------------------------------- */

/* The table-level rules of a DDL call through cursor t. */
static JET_ERR check_ddl_cursor(struct jet_table *t)
{
    if ((t->grbit & JET_bitTableReadOnly) || t->ses->inst->dbs[t->dbslot].readonly) return JET_errPermissionDenied;
    if ((t->sch.tab.flags & (JET_bitTableCreateFixedDDL | JET_bitTableCreateTemplateTable)) &&
        !(t->grbit & JET_bitTablePermitDDL))
        return JET_errFixedDDL;
    return 0;
}

/* Whether the clustered tree (root) has no record as txn sees it. */
static JET_ERR tree_empty(struct jet_session *s, store_db *db, store_txn *txn, uint32_t root, int *empty)
{
    store_cursor *c;
    JET_ERR err;

    if ((err = store_cursor_open(s->inst->st, db, root, &c)) < 0) return err;
    err = store_cursor_first(c, txn);
    store_cursor_close(c);
    if (err == JET_errNoCurrentRecord) {
        *empty = 1;
        return 0;
    }
    *empty = 0;
    return err < 0 ? err : 0;
}

/* ---- keys and index definitions ---------------------------------------------- */

/* A key description ("+a\0-b\0\0") with its column names converted to
 * UTF-8, NUL for NUL, so that cat_key_parse sees the same structure (and
 * the same faults).  cb is in bytes (two per unit for W). */
static char *conv_key(const void *key, uint32_t cb, int wide, uint32_t *cbout, JET_ERR *err)
{
    uint32_t units = wide ? cb / 2 : cb, i = 0, n = 0;
    char *out, *u;
    size_t cap;

    *err = 0;
    *cbout = 0;
    if (!cb) return calloc(1, 1); /* cat_key_parse: JET_errInvalidParameter */
    if (!key) {
        *err = JET_errInvalidParameter;
        return NULL;
    }
    cap = (size_t)units * 4 + 2;
    if (!(out = malloc(cap))) goto oom;
    while (i < units) {
        uint32_t start = i;
        if (wide ? !((const uint16_t *)key)[i] : !((const char *)key)[i]) {
            out[n++] = 0;
            i++;
            continue;
        }
        while (i < units && (wide ? ((const uint16_t *)key)[i] : ((const char *)key)[i])) i++;
        /* One run of name characters, converted on its own. */
        {
            size_t len = (size_t)(i - start) * (wide ? 2 : 1);
            char *run = malloc(len + 2);
            if (!run) goto oom_out;
            memcpy(run, (const char *)key + (size_t)start * (wide ? 2 : 1), len);
            run[len] = run[len + 1] = 0;
            u = conv_name(run, wide, err);
            free(run);
            if (!u) goto fail;
            if (n + strlen(u) > cap) {
                free(u);
                goto oom_out;
            }
            memcpy(out + n, u, strlen(u));
            n += (uint32_t)strlen(u);
            free(u);
        }
    }
    *cbout = n;
    return out;
oom_out:
    free(out);
oom:
    *err = JET_errOutOfMemory;
    return NULL;
fail:
    free(out);
    return NULL;
}

/* One index definition read from any JET_INDEXCREATE version. */
struct index_conv {
    struct cat_index_def def;
    char *name, *key;
    char *condnames[CAT_CONDITIONAL_MAX];
    struct cat_cond_def cond[CAT_CONDITIONAL_MAX];
    struct cat_tuple_limits tl;
    JET_ERR *perr;
};

static void index_conv_free(struct index_conv *ic)
{
    uint32_t i;
    free(ic->name);
    free(ic->key);
    for (i = 0; i < CAT_CONDITIONAL_MAX; i++) free(ic->condnames[i]);
    memset(ic, 0, sizeof(*ic));
}

/* The fields every JET_INDEXCREATE version has, at the same offsets up to
 * cbKeyMost (versions 2 and 3 only change the lcid union's type). */
struct index_raw {
    const void *name, *key;
    uint32_t cbkey;
    JET_GRBIT grbit;
    uint32_t density;
    uint32_t lcid, map_flags;
    const uint16_t *locale;
    int unicode_missing;       /* JET_bitIndexUnicode without its structure */
    uint32_t cbvarsegmac;
    const JET_TUPLELIMITS *tuples;
    const JET_CONDITIONALCOLUMN_A *cond;
    uint32_t ncond;
    uint32_t cbkeymost;
};

static JET_ERR index_conv_init(struct index_conv *ic, const struct index_raw *r, int wide)
{
    JET_ERR err = 0;
    uint32_t i;

    memset(ic, 0, sizeof(*ic));
    if (!(ic->name = conv_name(r->name, wide, &err))) return err;
    if (!(ic->key = conv_key(r->key, r->cbkey, wide, &ic->def.cbkey, &err))) return err;
    if (r->grbit & (JET_bitIndexTuples | JET_bitIndexTupleLimits)) {
        /* The catalog leaves this rule of tuple indexes to us. */
        struct cat_key_desc kd;
        if (cat_key_parse(ic->key, ic->def.cbkey, &kd) >= 0 && kd.n > 1) return JET_errIndexTuplesOneColumnOnly;
    }
    if (r->ncond > CAT_CONDITIONAL_MAX) return JET_errIndexInvalidDef;
    if (r->ncond && !r->cond) return JET_errInvalidParameter;
    if (r->unicode_missing) return JET_errIndexInvalidDef;
    if ((r->grbit & JET_bitIndexTupleLimits) && !r->tuples) return JET_errIndexInvalidDef;
    if ((r->grbit & JET_bitIndexUnicode) && !r->locale && (!r->lcid || (r->lcid >> 20)))
        return JET_errInvalidLanguageId;
    if (r->lcid >> 20) return JET_errInvalidLanguageId;
    for (i = 0; i < r->ncond; i++) {
        if (r->cond[i].cbStruct != sizeof(JET_CONDITIONALCOLUMN_A)) return JET_errInvalidParameter;
        if (!(ic->condnames[i] = conv_name(r->cond[i].szColumnName, wide, &err))) return err;
        ic->cond[i].name = ic->condnames[i];
        ic->cond[i].grbit = r->cond[i].grbit;
    }
    ic->def.name = ic->name;
    ic->def.grbit = r->grbit;
    ic->def.key = ic->key;
    ic->def.density = r->density;
    ic->def.lcid = r->lcid;
    ic->def.locale = r->locale;
    ic->def.map_flags = r->map_flags;
    ic->def.cbvarsegmac = (r->grbit & JET_bitIndexTupleLimits) ? 0 : r->cbvarsegmac;
    ic->def.cbkeymost = r->cbkeymost;
    ic->def.cond = ic->cond;
    ic->def.ncond = r->ncond;
    if (r->grbit & JET_bitIndexTupleLimits) {
        ic->tl.len_min = r->tuples->chLengthMin;
        ic->tl.len_max = r->tuples->chLengthMax;
        ic->tl.to_index_max = r->tuples->chToIndexMax;
        ic->tl.increment = r->tuples->cchIncrement;
        ic->tl.start = r->tuples->ichStart;
        ic->def.tuple_limits = &ic->tl;
    }
    return 0;
}

/* Reads element i of an array of JET_INDEXCREATE (version 1), _2 or _3
 * into r.  Elements are cbStruct bytes apart.  *perr gets the element's
 * err field.  JET_errInvalidParameter for a cbStruct of another version. */
static JET_ERR index_raw_read(const void *base, uint32_t i, int version, struct index_raw *r, JET_ERR **perr)
{
    const JET_INDEXCREATE_A *ic;
    uint32_t size = version == 1 ? sizeof(JET_INDEXCREATE_A)
                  : version == 2 ? sizeof(JET_INDEXCREATE2_A)
                                 : sizeof(JET_INDEXCREATE3_A);
    uint32_t stride = ((const JET_INDEXCREATE_A *)base)->cbStruct;

    if (stride != size && !(version == 1 && stride == INDEXCREATE_V1_SIZE)) return JET_errInvalidParameter;
    ic = (const JET_INDEXCREATE_A *)((const char *)base + (size_t)i * stride);
    if (ic->cbStruct != stride) return JET_errInvalidParameter;
    memset(r, 0, sizeof(*r));
    *perr = (JET_ERR *)&ic->err;
    r->name = ic->szIndexName;
    r->key = ic->szKey;
    r->cbkey = ic->cbKey;
    r->grbit = ic->grbit;
    r->density = ic->ulDensity;
    r->cbvarsegmac = ic->cbVarSegMac;
    r->tuples = ic->ptuplelimits;
    r->cond = ic->rgconditionalcolumn;
    r->ncond = ic->cConditionalColumn;
    if (stride > INDEXCREATE_V1_SIZE && (r->grbit & JET_bitIndexKeyMost)) r->cbkeymost = ic->cbKeyMost;
    if (version == 3) {
        const JET_UNICODEINDEX2 *u = ((const JET_INDEXCREATE3_A *)ic)->pidxunicode;
        if (r->grbit & JET_bitIndexUnicode) {
            if (!u || !u->szLocaleName) r->unicode_missing = 1;
            else r->locale = (const uint16_t *)u->szLocaleName, r->map_flags = u->dwMapFlags;
        }
    } else if (r->grbit & JET_bitIndexUnicode) {
        if (!ic->pidxunicode) r->unicode_missing = 1;
        else r->lcid = ic->pidxunicode->lcid, r->map_flags = ic->pidxunicode->dwMapFlags;
    } else {
        r->lcid = ic->lcid;
    }
    return 0;
}

/* ---- building an index -------------------------------------------------------- */

struct entry {
    uint8_t *key;             /* index key || bookmark */
    uint32_t klen, bmlen;
};

struct build {
    struct entry *e;
    uint32_t n, cap;
};

static void build_free(struct build *b)
{
    uint32_t i;
    for (i = 0; i < b->n; i++) free(b->e[i].key);
    free(b->e);
}

static JET_ERR build_add(struct build *b, const uint8_t *key, uint32_t klen, const uint8_t *bm, uint32_t bmlen)
{
    struct entry *e;
    if (b->n == b->cap) {
        uint32_t cap = b->cap ? b->cap * 2 : 64;
        if (!(e = realloc(b->e, cap * sizeof(*e)))) return JET_errOutOfMemory;
        b->e = e;
        b->cap = cap;
    }
    e = &b->e[b->n];
    if (!(e->key = malloc((size_t)klen + bmlen))) return JET_errOutOfMemory;
    memcpy(e->key, key, klen);
    memcpy(e->key + klen, bm, bmlen);
    e->klen = klen + bmlen;
    e->bmlen = bmlen;
    b->n++;
    return 0;
}

static int entry_cmp(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    return key_compare(x->key, x->klen, y->key, y->klen);
}

struct lvctx {
    store_txn *txn;
    store_db *db;
    uint32_t tree;
};

static int build_lv_read(void *ctx, uint32_t lid, void *buf, uint32_t cb, uint32_t *got)
{
    struct lvctx *c = ctx;
    return lv_read(c->txn, c->db, c->tree, lid, 0, buf, cb, got);
}

/* Collects the entries of every record for index ix. */
static JET_ERR build_collect(struct ddl_txn *d, const struct tbl_schema *sch, const struct tbl_index *ix,
                             struct build *b)
{
    struct idx_keyset ks;
    struct lvctx lc = { d->txn, d->db, sch->tab.lv_root };
    store_cursor *c;
    const uint8_t *key, *val;
    uint32_t klen, vlen, i;
    JET_ERR err;

    memset(&ks, 0, sizeof(ks));
    if ((err = store_cursor_open(d->ses->inst->st, d->db, sch->tab.data_root, &c)) < 0) return err;
    for (err = store_cursor_first(c, d->txn); err >= 0; err = store_cursor_next(c, d->txn)) {
        if ((err = store_cursor_get(c, &key, &klen, &val, &vlen)) < 0) break;
        if ((err = idx_record_keys(sch, ix, val, vlen, build_lv_read, &lc, &ks)) < 0) break;
        for (i = 0; i < ks.n && err >= 0; i++) err = build_add(b, ks.keys[i], ks.lens[i], key, klen);
        if (err < 0) break;
    }
    store_cursor_close(c);
    idx_keyset_free(&ks);
    return err == JET_errNoCurrentRecord ? 0 : err;
}

/* Fills the new index's tree with the entries of the table's records. */
static JET_ERR build_index(struct ddl_txn *d, uint32_t objid, const char *name)
{
    struct tbl_schema sch;
    struct tbl_index *ix;
    struct build b = { NULL, 0, 0 };
    uint32_t i;
    JET_ERR err;

    if ((err = tbl_schema_load(d->txn, d->db, objid, &sch)) < 0) return err;
    if (!(ix = tbl_index_named(&sch, name))) {
        tbl_schema_free(&sch);
        return JET_errIndexNotFound;
    }
    err = build_collect(d, &sch, ix, &b);
    if (err >= 0 && b.n) {
        qsort(b.e, b.n, sizeof(*b.e), entry_cmp);
        for (i = 1; i < b.n && err >= 0 && (ix->ci.grbit & JET_bitIndexUnique); i++) {
            const struct entry *x = &b.e[i - 1], *y = &b.e[i];
            if (x->klen - x->bmlen == y->klen - y->bmlen && !memcmp(x->key, y->key, x->klen - x->bmlen))
                err = JET_errKeyDuplicate;
        }
    }
    /* Nothing was written so far; from here a failure leaves entries in
     * the new tree, and the transaction must roll back (cat.h). */
    if (err >= 0 && b.n) d->dirty = 1;
    for (i = 0; i < b.n && err >= 0; i++) {
        const struct entry *e = &b.e[i];
        uint8_t sv[TBL_SEC_VALUE_SIZE];
        tbl_sec_value(e->bmlen, sv);
        err = store_txn_put(d->txn, d->db, ix->ci.root, e->key, e->klen, sv, sizeof(sv), BT_UPSERT);
    }
    build_free(&b);
    tbl_schema_free(&sch);
    return err;
}

/* Creates one index on table objid (and builds it over existing rows).
 * On failure nothing of it stays in the catalog, unless d->dirty. */
static JET_ERR create_index(struct ddl_txn *d, const struct cat_table *tab, const struct cat_index_def *def,
                            int build)
{
    struct cat_index ci;
    uint32_t root;
    JET_ERR err;
    int empty = 1;

    /* A primary index orders the records by its key: only on an empty
     * table (the clustered tree is not rebuilt). */
    if ((def->grbit & JET_bitIndexPrimary) && tab->primary_slot == CAT_NONE && build) {
        if ((err = tree_empty(d->ses, d->db, d->txn, tab->data_root, &empty)) < 0) return err;
        if (!empty) return JET_errTableNotEmpty;
    }
    {
        /* Unicode keys are made by the platform's sort where there is one
         * (unicode.c); the catalog records which. */
        struct cat_index_def with_sort = *def;
        if (!with_sort.sort_version) with_sort.sort_version = table_unicode_sort_version();
        if ((err = cat_index_create(d->ses->inst->st, d->txn, d->db, tab->objid, &with_sort, &ci)) < 0)
            return err;
    }
    if (ci.grbit & JET_bitIndexPrimary) return 0;
    if ((err = ddl_tree_created(d, ci.root)) < 0) {
        cat_index_delete(d->txn, d->db, tab->objid, ci.name, &root);
        return err;
    }
    if (!build || (ci.grbit & JET_bitIndexEmpty)) return 0;
    if ((err = build_index(d, tab->objid, ci.name)) < 0 && !d->dirty)
        cat_index_delete(d->txn, d->db, tab->objid, ci.name, &root);
    return err;
}

/* ---- JetAddColumn ---------------------------------------------------------------- */

static JET_ERR add_column(JET_SESID sesid, JET_TABLEID tableid, char *name, JET_ERR nerr, const JET_COLUMNDEF *cd,
                          const void *pvdefault, unsigned long cbdefault, JET_COLUMNID *pcolumnid)
{
    struct jet_session *s;
    struct jet_table *t;
    struct cat_column_def def;
    struct cat_column col;
    struct ddl_txn d;
    JET_ERR err;
    int empty = 1;

    if ((err = table_enter(sesid, tableid, &s, &t))) return err;
    if (!cd || cd->cbStruct != sizeof(*cd)) err = JET_errInvalidParameter;
    else if (!name) err = nerr;
    else if ((cd->grbit & JET_bitColumnUnversioned) && s->trx_level) err = JET_errInTransaction;
    else if ((cd->grbit & JET_bitColumnUserDefinedDefault) && cbdefault != sizeof(JET_USERDEFINEDDEFAULT_A))
        err = JET_errInvalidParameter;
    else if ((cd->grbit & JET_bitColumnNotNULL) &&
             ((cd->grbit & JET_bitColumnTagged) || cd->coltyp == JET_coltypLongText || cd->coltyp == JET_coltypLongBinary))
        err = JET_errTaggedNotNULL;
    else err = check_ddl_cursor(t);
    if (err >= 0 && (cd->grbit & JET_bitColumnUserDefinedDefault)) {
        FIXME("user-defined default values (callbacks)\n");
        err = JET_errCallbackNotResolved;
    }
    if (err < 0 || (err = ddl_begin(s, t->dbslot, &d)) < 0) goto out;
    if ((cd->grbit & JET_bitColumnEscrowUpdate) &&
        (err = tree_empty(s, d.db, d.txn, t->sch.tab.data_root, &empty)) >= 0 && !empty)
        err = JET_errTableNotEmpty;
    if (err >= 0) {
        memset(&def, 0, sizeof(def));
        def.name = name;
        def.coltyp = cd->coltyp;
        def.cbmax = cd->cbMax;
        def.grbit = cd->grbit & ~(JET_GRBIT)JET_bitColumnUnversioned;
        def.cp = cd->cp;
        def.pvdefault = pvdefault;
        def.cbdefault = pvdefault ? cbdefault : 0;
        err = cat_column_add(d.txn, d.db, t->objid, &def, &col);
    }
    err = ddl_end(&d, err);
    if (err >= 0 && pcolumnid) *pcolumnid = col.columnid;
out:
    session_leave(s);
    return err;
}

JET_ERR JET_API JetAddColumnW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szColumnName,
                              const JET_COLUMNDEF *pcolumndef, const void *pvDefault, JET_ULONG_ cbDefault,
                              JET_COLUMNID *pcolumnid)
{
    JET_ERR err, nerr;
    char *name;
    TRACE("(%p, %p, %s, %p, %p, %lu, %p)\n", (void *)sesid, (void *)tableid, dbgstr_w(szColumnName), pcolumndef,
          pvDefault, (unsigned long)cbDefault, pcolumnid);
    name = table_name_w((const wchar16 *)szColumnName, &nerr);
    err = add_column(sesid, tableid, name, nerr, pcolumndef, pvDefault, cbDefault, pcolumnid);
    free(name);
    TRACE("-> %ld (columnid %lu)\n", (long)err, pcolumnid && err >= 0 ? (unsigned long)*pcolumnid : 0ul);
    return err;
}

JET_ERR JET_API JetAddColumnA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szColumnName,
                              const JET_COLUMNDEF *pcolumndef, const void *pvDefault, JET_ULONG_ cbDefault,
                              JET_COLUMNID *pcolumnid)
{
    JET_ERR err, nerr;
    char *name;
    TRACE("(%p, %p, %s, %p, %p, %lu, %p)\n", (void *)sesid, (void *)tableid, dbgstr_a(szColumnName), pcolumndef,
          pvDefault, (unsigned long)cbDefault, pcolumnid);
    name = table_name_a(szColumnName, &nerr);
    err = add_column(sesid, tableid, name, nerr, pcolumndef, pvDefault, cbDefault, pcolumnid);
    free(name);
    TRACE("-> %ld (columnid %lu)\n", (long)err, pcolumnid && err >= 0 ? (unsigned long)*pcolumnid : 0ul);
    return err;
}

/* ---- JetDeleteColumn(2) ------------------------------------------------------------ */

static JET_ERR delete_column(JET_SESID sesid, JET_TABLEID tableid, char *name, JET_ERR nerr, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    struct ddl_txn d;
    JET_COLUMNID id;
    JET_ERR err;

    if ((err = table_enter(sesid, tableid, &s, &t))) return err;
    if (grbit & ~(JET_GRBIT)JET_bitDeleteColumnIgnoreTemplateColumns) err = JET_errInvalidGrbit;
    else if (!name) err = nerr;
    else err = check_ddl_cursor(t);
    if (err >= 0 && (err = ddl_begin(s, t->dbslot, &d)) >= 0) {
        err = cat_column_delete(d.txn, d.db, t->objid, name, &id);
        if (err == JET_errFixedInheritedDDL && (grbit & JET_bitDeleteColumnIgnoreTemplateColumns))
            err = JET_errColumnNotFound;
        err = ddl_end(&d, err);
    }
    session_leave(s);
    return err;
}

JET_ERR JET_API JetDeleteColumn2W(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szColumnName, const JET_GRBIT grbit)
{
    JET_ERR err, nerr;
    char *name;
    TRACE("(%p, %p, %s, 0x%lx)\n", (void *)sesid, (void *)tableid, dbgstr_w(szColumnName), (unsigned long)grbit);
    name = table_name_w((const wchar16 *)szColumnName, &nerr);
    err = delete_column(sesid, tableid, name, nerr, grbit);
    free(name);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetDeleteColumn2A(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szColumnName, const JET_GRBIT grbit)
{
    JET_ERR err, nerr;
    char *name;
    TRACE("(%p, %p, %s, 0x%lx)\n", (void *)sesid, (void *)tableid, dbgstr_a(szColumnName), (unsigned long)grbit);
    name = table_name_a(szColumnName, &nerr);
    err = delete_column(sesid, tableid, name, nerr, grbit);
    free(name);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetDeleteColumnW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szColumnName)
{
    return JetDeleteColumn2W(sesid, tableid, szColumnName, 0);
}

JET_ERR JET_API JetDeleteColumnA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szColumnName)
{
    return JetDeleteColumn2A(sesid, tableid, szColumnName, 0);
}

/* ---- JetRenameColumn --------------------------------------------------------------- */

static JET_ERR rename_column(JET_SESID sesid, JET_TABLEID tableid, char *name, char *newname, JET_ERR nerr,
                             JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t;
    struct ddl_txn d;
    JET_ERR err;

    if ((err = table_enter(sesid, tableid, &s, &t))) return err;
    if (!name || !newname) err = nerr;
    else if (grbit) err = JET_errInvalidGrbit;
    else if (s->trx_level) err = JET_errInTransaction; /* not transactional in ESE */
    else if ((t->grbit & JET_bitTableReadOnly) || s->inst->dbs[t->dbslot].readonly) err = JET_errPermissionDenied;
    if (err >= 0 && (err = ddl_begin(s, t->dbslot, &d)) >= 0)
        err = ddl_end(&d, cat_column_rename(d.txn, d.db, t->objid, name, newname));
    session_leave(s);
    return err;
}

JET_ERR JET_API JetRenameColumnW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szName, JET_PCWSTR szNameNew,
                                 JET_GRBIT grbit)
{
    JET_ERR err, nerr = 0, nerr2 = 0;
    char *name, *newname;
    TRACE("(%p, %p, %s, %s, 0x%lx)\n", (void *)sesid, (void *)tableid, dbgstr_w(szName), dbgstr_w(szNameNew),
          (unsigned long)grbit);
    name = table_name_w((const wchar16 *)szName, &nerr);
    newname = table_name_w((const wchar16 *)szNameNew, &nerr2);
    err = rename_column(sesid, tableid, name, newname, nerr ? nerr : nerr2, grbit);
    free(name);
    free(newname);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetRenameColumnA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szName, JET_PCSTR szNameNew,
                                 JET_GRBIT grbit)
{
    JET_ERR err, nerr = 0, nerr2 = 0;
    char *name, *newname;
    TRACE("(%p, %p, %s, %s, 0x%lx)\n", (void *)sesid, (void *)tableid, dbgstr_a(szName), dbgstr_a(szNameNew),
          (unsigned long)grbit);
    name = table_name_a(szName, &nerr);
    newname = table_name_a(szNameNew, &nerr2);
    err = rename_column(sesid, tableid, name, newname, nerr ? nerr : nerr2, grbit);
    free(name);
    free(newname);
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- JetSetColumnDefaultValue ---------------------------------------------------------- */

static JET_ERR set_default(JET_SESID sesid, JET_DBID dbid, char *table, char *column, JET_ERR nerr,
                           const void *data, unsigned long cb, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct cat_table tab;
    struct ddl_txn d;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    if (!table_db(s, dbid)) err = JET_errInvalidDatabaseId;
    else if (!table || !column) err = nerr;
    else if (grbit) err = JET_errInvalidGrbit;
    if (err >= 0 && (err = ddl_begin(s, (int)(dbid - 1), &d)) >= 0) {
        if ((err = cat_table_lookup(d.txn, d.db, table, &tab)) >= 0) {
            if (tab.flags & (JET_bitTableCreateFixedDDL | JET_bitTableCreateTemplateTable)) err = JET_errFixedDDL;
            else err = cat_column_set_default(d.txn, d.db, tab.objid, column, data, data ? cb : 0);
        }
        err = ddl_end(&d, err);
    }
    session_leave(s);
    return err;
}

JET_ERR JET_API JetSetColumnDefaultValueW(JET_SESID sesid, JET_DBID dbid, JET_PCWSTR szTableName,
                                          JET_PCWSTR szColumnName, const void *pvData, const JET_ULONG_ cbData,
                                          const JET_GRBIT grbit)
{
    JET_ERR err, nerr = 0, nerr2 = 0;
    char *table, *column;
    TRACE("(%p, %lu, %s, %s, %p, %lu, 0x%lx)\n", (void *)sesid, (unsigned long)dbid, dbgstr_w(szTableName),
          dbgstr_w(szColumnName), pvData, (unsigned long)cbData, (unsigned long)grbit);
    table = table_name_w((const wchar16 *)szTableName, &nerr);
    column = table_name_w((const wchar16 *)szColumnName, &nerr2);
    err = set_default(sesid, dbid, table, column, nerr ? nerr : nerr2, pvData, cbData, grbit);
    free(table);
    free(column);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetSetColumnDefaultValueA(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName,
                                          JET_PCSTR szColumnName, const void *pvData, const JET_ULONG_ cbData,
                                          const JET_GRBIT grbit)
{
    JET_ERR err, nerr = 0, nerr2 = 0;
    char *table, *column;
    TRACE("(%p, %lu, %s, %s, %p, %lu, 0x%lx)\n", (void *)sesid, (unsigned long)dbid, dbgstr_a(szTableName),
          dbgstr_a(szColumnName), pvData, (unsigned long)cbData, (unsigned long)grbit);
    table = table_name_a(szTableName, &nerr);
    column = table_name_a(szColumnName, &nerr2);
    err = set_default(sesid, dbid, table, column, nerr ? nerr : nerr2, pvData, cbData, grbit);
    free(table);
    free(column);
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- JetCreateIndex(2/3/4) ------------------------------------------------------------- */

#define BATCH_EXCLUDED (JET_bitIndexPrimary | JET_bitIndexUnversioned | JET_bitIndexEmpty)

/* Creates n indexes (array base of JET_INDEXCREATE version `version`, or
 * the single raw definition one) through cursor t. */
static JET_ERR create_indexes(JET_SESID sesid, JET_TABLEID tableid, const void *base, uint32_t n, int version,
                              const struct index_raw *one, int wide)
{
    struct jet_session *s;
    struct jet_table *t;
    struct index_conv *ic = NULL;
    struct index_raw r;
    struct ddl_txn d;
    JET_ERR err, *perr;
    uint32_t i, made = 0, root;

    if ((err = table_enter(sesid, tableid, &s, &t))) return err;
    if (!one && n && !base) err = JET_errInvalidParameter;
    else if (n && !(ic = calloc(n, sizeof(*ic)))) err = JET_errOutOfMemory;
    else err = check_ddl_cursor(t);
    for (i = 0; i < n && err >= 0; i++) {
        perr = NULL;
        if (one) r = *one;
        else if ((err = index_raw_read(base, i, version, &r, &perr)) < 0) break;
        if (n > 1 && (r.grbit & BATCH_EXCLUDED)) err = JET_errInvalidGrbit;
        else if ((r.grbit & JET_bitIndexUnversioned) && s->trx_level) err = JET_errInTransaction;
        else err = index_conv_init(&ic[i], &r, wide);
        ic[i].perr = perr;
        if (perr) *perr = err;
    }
    if (err >= 0 && (err = ddl_begin(s, t->dbslot, &d)) >= 0) {
        for (i = 0; i < n && err >= 0; i++) {
            struct cat_table tab;
            if ((err = cat_table_get(d.txn, d.db, t->objid, &tab)) < 0) break;
            err = create_index(&d, &tab, &ic[i].def, 1);
            if (ic[i].perr) *ic[i].perr = err < 0 ? err : 0;
            if (err >= 0) made++;
        }
        /* All or nothing: take back the indexes made before a failure. */
        if (err < 0 && !d.dirty && !d.own)
            for (i = 0; i < made; i++) cat_index_delete(d.txn, d.db, t->objid, ic[i].name, &root);
        err = ddl_end(&d, err);
    }
    for (i = 0; ic && i < n; i++) index_conv_free(&ic[i]);
    free(ic);
    session_leave(s);
    return err;
}

JET_ERR JET_API JetCreateIndexW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szIndexName, JET_GRBIT grbit,
                                const WCHAR *szKey, JET_ULONG_ cbKey, JET_ULONG_ lDensity)
{
    struct index_raw r;
    JET_ERR err;
    TRACE("(%p, %p, %s, 0x%lx, %s, %lu, %lu)\n", (void *)sesid, (void *)tableid, dbgstr_w(szIndexName),
          (unsigned long)grbit, dbgstr_w(szKey), (unsigned long)cbKey, (unsigned long)lDensity);
    memset(&r, 0, sizeof(r));
    r.name = szIndexName;
    r.key = szKey;
    r.cbkey = cbKey;
    r.grbit = grbit;
    r.density = lDensity;
    r.unicode_missing = !!(grbit & JET_bitIndexUnicode);
    r.tuples = NULL;
    err = create_indexes(sesid, tableid, NULL, 1, 1, &r, 1);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetCreateIndexA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName, JET_GRBIT grbit,
                                const char *szKey, JET_ULONG_ cbKey, JET_ULONG_ lDensity)
{
    struct index_raw r;
    JET_ERR err;
    TRACE("(%p, %p, %s, 0x%lx, %s, %lu, %lu)\n", (void *)sesid, (void *)tableid, dbgstr_a(szIndexName),
          (unsigned long)grbit, dbgstr_a(szKey), (unsigned long)cbKey, (unsigned long)lDensity);
    memset(&r, 0, sizeof(r));
    r.name = szIndexName;
    r.key = szKey;
    r.cbkey = cbKey;
    r.grbit = grbit;
    r.density = lDensity;
    r.unicode_missing = !!(grbit & JET_bitIndexUnicode);
    err = create_indexes(sesid, tableid, NULL, 1, 1, &r, 0);
    TRACE("-> %ld\n", (long)err);
    return err;
}

#define CREATE_INDEX_N(fn, type, version, wide)                                                                 \
    JET_ERR JET_API fn(JET_SESID sesid, JET_TABLEID tableid, type *pindexcreate, JET_ULONG_ cIndexCreate)   \
    {                                                                                                         \
        JET_ERR err;                                                                                          \
        TRACE("(%p, %p, %p, %lu)\n", (void *)sesid, (void *)tableid, pindexcreate, (unsigned long)cIndexCreate); \
        err = create_indexes(sesid, tableid, pindexcreate, cIndexCreate, version, NULL, wide);                \
        TRACE("-> %ld\n", (long)err);                                                                         \
        return err;                                                                                           \
    }

CREATE_INDEX_N(JetCreateIndex2A, JET_INDEXCREATE_A, 1, 0)
CREATE_INDEX_N(JetCreateIndex2W, JET_INDEXCREATE_W, 1, 1)
CREATE_INDEX_N(JetCreateIndex3A, JET_INDEXCREATE2_A, 2, 0)
CREATE_INDEX_N(JetCreateIndex3W, JET_INDEXCREATE2_W, 2, 1)
CREATE_INDEX_N(JetCreateIndex4A, JET_INDEXCREATE3_A, 3, 0)
CREATE_INDEX_N(JetCreateIndex4W, JET_INDEXCREATE3_W, 3, 1)

/* ---- JetDeleteIndex ---------------------------------------------------------------------- */

static JET_ERR delete_index(JET_SESID sesid, JET_TABLEID tableid, char *name, JET_ERR nerr)
{
    struct jet_session *s;
    struct jet_table *t;
    struct ddl_txn d;
    uint32_t root = 0;
    JET_ERR err;

    if ((err = table_enter(sesid, tableid, &s, &t))) return err;
    if (!name) err = nerr;
    else err = check_ddl_cursor(t);
    if (err >= 0) {
        /* A derived table's copy of a template index stays (ESE checks the
         * template's names after FixedDDL). */
        const struct tbl_index *ix = tbl_index_named(&t->sch, name);
        if (ix && (ix->ci.flags & CAT_INDEX_DERIVED)) err = JET_errFixedInheritedDDL;
    }
    if (err >= 0 && (err = ddl_begin(s, t->dbslot, &d)) >= 0) {
        if ((err = cat_index_delete(d.txn, d.db, t->objid, name, &root)) >= 0 &&
            (err = ddl_tree_deleted(&d, root)) < 0 && !d.own)
            err = JET_errOutOfMemory; /* the delete stays: roll back (cat.h) */
        err = ddl_end(&d, err);
    }
    /* "On success, the currency is set before the first record." */
    if (err >= 0) cursor_set_index(t, t->sch.primary);
    session_leave(s);
    return err;
}

JET_ERR JET_API JetDeleteIndexW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szIndexName)
{
    JET_ERR err, nerr;
    char *name;
    TRACE("(%p, %p, %s)\n", (void *)sesid, (void *)tableid, dbgstr_w(szIndexName));
    name = table_name_w((const wchar16 *)szIndexName, &nerr);
    err = delete_index(sesid, tableid, name, nerr);
    free(name);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetDeleteIndexA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName)
{
    JET_ERR err, nerr;
    char *name;
    TRACE("(%p, %p, %s)\n", (void *)sesid, (void *)tableid, dbgstr_a(szIndexName));
    name = table_name_a(szIndexName, &nerr);
    err = delete_index(sesid, tableid, name, nerr);
    free(name);
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- creating a table with its columns and indexes ------------------------------------------ */

/* Takes back a table made by a failed call in a session transaction. */
static void undo_table(struct ddl_txn *d, const char *name)
{
    struct cat_roots drop = { 0, NULL };
    /* Its trees are all on d's created list, dropped by ddl_end. */
    if (cat_table_delete(d->txn, d->db, name, &drop) < 0) d->dirty = 1;
    cat_roots_free(&drop);
}

/* A derived table's copies of its template's secondary indexes have trees
 * of their own (cat_table_create): dropped like the table's if the
 * creation is taken back. */
static JET_ERR inherited_trees_created(struct ddl_txn *d, const struct cat_table *tab)
{
    struct cat_index *ixs;
    uint32_t n, i;
    JET_ERR err = cat_indexes_list(d->txn, d->db, tab->objid, &ixs, &n);

    for (i = 0; err >= 0 && i < n; i++)
        if (ixs[i].root != tab->data_root) err = ddl_tree_created(d, ixs[i].root);
    free(ixs);
    return err;
}

JET_ERR ddl_create_table(struct jet_session *s, JET_DBID dbid, const struct ddl_table_def *def,
                         JET_TABLEID *tableid, unsigned long *created)
{
    struct cat_table tab;
    struct cat_column col;
    struct jet_table *t;
    struct ddl_txn d;
    unsigned long made = 0;
    uint32_t i;
    JET_ERR err;

    if (!table_db(s, dbid)) return JET_errInvalidDatabaseId;
    if (systable_find(def->name)) return JET_errTableDuplicate;
    if ((err = ddl_begin(s, (int)(dbid - 1), &d)) < 0) return err;
    err = cat_table_create(s->inst->st, d.txn, d.db, def->name, def->pages, def->density, def->grbit,
                           def->template_name, &tab);
    if (err >= 0 && (err = ddl_tree_created(&d, tab.data_root)) >= 0) err = ddl_tree_created(&d, tab.lv_root);
    if (err >= 0 && (tab.flags & CAT_TABLE_DERIVED)) err = inherited_trees_created(&d, &tab);
    if (err >= 0) made++;
    for (i = 0; err >= 0 && i < def->ncols; i++) {
        JET_ERR cerr = cat_column_add(d.txn, d.db, tab.objid, &def->cols[i].def, &col);
        if (def->cols[i].perr) *def->cols[i].perr = cerr;
        if (cerr < 0) err = cerr;
        else {
            made++;
            if (def->cols[i].pcolumnid) *def->cols[i].pcolumnid = col.columnid;
        }
    }
    for (i = 0; err >= 0 && i < def->nidx; i++) {
        if ((err = cat_table_get(d.txn, d.db, tab.objid, &tab)) >= 0) err = create_index(&d, &tab, &def->idx[i].def, 0);
        if (def->idx[i].perr) *def->idx[i].perr = err < 0 ? err : 0;
        if (err >= 0) made++;
    }
    if (err < 0 && made && !d.own) undo_table(&d, def->name);
    if ((err = ddl_end(&d, err)) < 0) return err;
    if (created) *created = made;
    if ((err = table_open_cursor(s, (int)(dbid - 1), tab.objid, JET_bitTableDenyRead, &t)) < 0) return err;
    /* ESE opens the new table's cursor as JetOpenTable does: with a
     * deferred move to the first record. */
    t->pos = POS_FIRST_PENDING;
    *tableid = t->handle;
    return 0;
}

/* Reads a JET_TABLECREATE of any version (1 .. 4) into def; the names and
 * structures allocated go to the arrays freed by tc_free. */
struct tc_conv {
    struct ddl_table_def def;
    char *name, *template_name;
    char **colnames;
    struct index_conv *ic;
};

static void tc_free(struct tc_conv *c)
{
    uint32_t i;
    free(c->name);
    free(c->template_name);
    for (i = 0; c->colnames && i < c->def.ncols; i++) free(c->colnames[i]);
    free(c->colnames);
    for (i = 0; c->ic && i < c->def.nidx; i++) index_conv_free(&c->ic[i]);
    free(c->ic);
    free(c->def.cols);
    free(c->def.idx);
}

static JET_ERR tc_columns(struct tc_conv *c, const JET_COLUMNCREATE_A *cols, uint32_t n, int wide)
{
    JET_ERR err = 0;
    uint32_t i;

    if (!n) return 0;
    if (!cols) return JET_errInvalidParameter;
    if (!(c->def.cols = calloc(n, sizeof(*c->def.cols))) || !(c->colnames = calloc(n, sizeof(char *))))
        return JET_errOutOfMemory;
    c->def.ncols = n;
    for (i = 0; i < n; i++) {
        struct ddl_column *dc = &c->def.cols[i];
        JET_COLUMNCREATE_A *cc = (JET_COLUMNCREATE_A *)&cols[i];
        if (cc->cbStruct != sizeof(*cc)) return JET_errInvalidParameter;
        dc->perr = &cc->err;
        dc->pcolumnid = &cc->columnid;
        if (!(c->colnames[i] = conv_name(cc->szColumnName, wide, &err))) return cc->err = err;
        if (cc->grbit & JET_bitColumnUserDefinedDefault) {
            FIXME("user-defined default values (callbacks)\n");
            return cc->err = JET_errCallbackNotResolved;
        }
        if ((cc->grbit & JET_bitColumnNotNULL) &&
            ((cc->grbit & JET_bitColumnTagged) || cc->coltyp == JET_coltypLongText || cc->coltyp == JET_coltypLongBinary))
            return cc->err = JET_errTaggedNotNULL;
        dc->def.name = c->colnames[i];
        dc->def.coltyp = cc->coltyp;
        dc->def.cbmax = cc->cbMax;
        dc->def.grbit = cc->grbit & ~(JET_GRBIT)JET_bitColumnUnversioned;
        dc->def.cp = (uint16_t)cc->cp;
        if (cc->cp > 0xFFFF) return cc->err = JET_errInvalidCodePage;
        dc->def.pvdefault = cc->pvDefault;
        dc->def.cbdefault = cc->pvDefault ? cc->cbDefault : 0;
    }
    return 0;
}

static JET_ERR tc_indexes(struct tc_conv *c, const void *idx, uint32_t n, int version, int wide)
{
    struct index_raw r;
    JET_ERR err, *perr;
    uint32_t i;

    if (!n) return 0;
    if (!idx) return JET_errInvalidCreateIndex;
    if (!(c->def.idx = calloc(n, sizeof(*c->def.idx))) || !(c->ic = calloc(n, sizeof(*c->ic))))
        return JET_errOutOfMemory;
    c->def.nidx = n;
    for (i = 0; i < n; i++) {
        if (index_raw_read(idx, i, version, &r, &perr) < 0) return JET_errInvalidCreateIndex;
        if ((err = index_conv_init(&c->ic[i], &r, wide)) < 0) return *perr = err;
        c->def.idx[i].def = c->ic[i].def;
        c->def.idx[i].perr = perr;
        *perr = 0;
    }
    return 0;
}

/* JET_TABLECREATE (1), _2, _3, _4: the common head; 2..4 add a callback,
 * 3 and 4 space hints; 3 has JET_INDEXCREATE2, 4 JET_INDEXCREATE3. */
static JET_ERR create_table_column_index(JET_SESID sesid, JET_DBID dbid, void *ptc, int version, int wide)
{
    static const uint32_t sizes[5] = { 0, sizeof(JET_TABLECREATE_A), sizeof(JET_TABLECREATE2_A),
                                       sizeof(JET_TABLECREATE3_A), sizeof(JET_TABLECREATE4_A) };
    struct jet_session *s;
    struct tc_conv c;
    const JET_TABLECREATE_A *tc = ptc;
    JET_TABLEID *ptableid;
    JET_ULONG_ *pcreated;
    const void *callback = NULL;
    JET_GRBIT grbit;
    unsigned long made = 0;
    JET_TABLEID tid = 0;
    JET_ERR err;

    memset(&c, 0, sizeof(c));
    if ((err = session_enter(sesid, &s))) return err;
    if (!tc || tc->cbStruct != sizes[version]) {
        err = JET_errInvalidParameter;
        goto out;
    }
    /* The versions share the head up to cIndexes; grbit and what follows
     * sit at each version's own offsets (2..4: after szCallback, cbtyp). */
    if (version == 1) {
        grbit = tc->grbit;
        ptableid = &((JET_TABLECREATE_A *)ptc)->tableid;
        pcreated = &((JET_TABLECREATE_A *)ptc)->cCreated;
    } else if (version == 2) {
        const JET_TABLECREATE2_A *t2 = ptc;
        callback = t2->szCallback;
        grbit = t2->grbit;
        ptableid = &((JET_TABLECREATE2_A *)ptc)->tableid;
        pcreated = &((JET_TABLECREATE2_A *)ptc)->cCreated;
    } else {
        /* 3 and 4 have one layout but for the index structure. */
        const JET_TABLECREATE3_A *t3 = ptc;
        callback = t3->szCallback;
        grbit = t3->grbit;
        ptableid = &((JET_TABLECREATE3_A *)ptc)->tableid;
        pcreated = &((JET_TABLECREATE3_A *)ptc)->cCreated;
    }
    *pcreated = 0;
    if (!table_db(s, dbid)) {
        err = JET_errInvalidDatabaseId;
    } else if (callback) {
        FIXME("table callbacks\n");
        err = JET_errCallbackNotResolved;
    } else if (!(c.name = conv_name(tc->szTableName, wide, &err))) {
        ;
    } else if (tc->szTemplateTableName && !(c.template_name = conv_name(tc->szTemplateTableName, wide, &err))) {
        ;
    } else if ((err = tc_columns(&c, tc->rgcolumncreate, tc->cColumns, wide)) >= 0 &&
               (err = tc_indexes(&c, tc->rgindexcreate, tc->cIndexes, version <= 2 ? 1 : version - 1, wide)) >= 0) {
        c.def.name = c.name;
        c.def.template_name = c.template_name;
        c.def.pages = tc->ulPages;
        c.def.density = tc->ulDensity;
        c.def.grbit = grbit;
        if ((err = ddl_create_table(s, dbid, &c.def, &tid, &made)) >= 0) {
            *ptableid = tid;
            *pcreated = (JET_ULONG_)made;
        }
    }
out:
    tc_free(&c);
    session_leave(s);
    return err;
}

#define CREATE_TCI(fn, type, version, wide)                                           \
    JET_ERR JET_API fn(JET_SESID sesid, JET_DBID dbid, type *ptablecreate)           \
    {                                                                                 \
        JET_ERR err;                                                                  \
        TRACE("(%p, %lu, %p)\n", (void *)sesid, (unsigned long)dbid, ptablecreate);   \
        err = create_table_column_index(sesid, dbid, ptablecreate, version, wide);    \
        TRACE("-> %ld (tableid %p)\n", (long)err,                                     \
              ptablecreate && err >= 0 ? (void *)ptablecreate->tableid : NULL);       \
        return err;                                                                   \
    }

CREATE_TCI(JetCreateTableColumnIndexA, JET_TABLECREATE_A, 1, 0)
CREATE_TCI(JetCreateTableColumnIndexW, JET_TABLECREATE_W, 1, 1)
CREATE_TCI(JetCreateTableColumnIndex2A, JET_TABLECREATE2_A, 2, 0)
CREATE_TCI(JetCreateTableColumnIndex2W, JET_TABLECREATE2_W, 2, 1)
CREATE_TCI(JetCreateTableColumnIndex3A, JET_TABLECREATE3_A, 3, 0)
CREATE_TCI(JetCreateTableColumnIndex3W, JET_TABLECREATE3_W, 3, 1)
CREATE_TCI(JetCreateTableColumnIndex4A, JET_TABLECREATE4_A, 4, 0)
CREATE_TCI(JetCreateTableColumnIndex4W, JET_TABLECREATE4_W, 4, 1)
