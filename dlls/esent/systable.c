/*
 * systable.c - ESE's system tables, as far as this engine shows them.
 *
 * An ESENT database keeps its schema in MSysObjects (and a copy in
 * MSysObjectsShadow); a fresh one also has MSysObjids and MSysLocales
 * (Microsoft's open-source ESE creates these four with every database).
 * JetGetObjectInfo lists them with the application's tables, flagged
 * JET_bitObjectSystem (the two catalog tables: also FixedDDL) or ESE's
 * internal JET_bitObjectSystemDynamic (MSysObjids: also FixedDDL), which
 * is how programs (ManagedEsent's Api.GetTableNames) tell them apart.
 *
 * Our catalog is not ESE's (engine/cat), so these tables do not exist
 * anywhere: the names are reserved (systable.h) and described here.
 * JetOpenTable of MSysObjects or MSysObjectsShadow gives a read-only view:
 * a temporary table (temp_open_defined) filled with a snapshot of the
 * catalog, as the session's transaction sees it, in MSysObjects' columns
 * (ESE's names, types and column ids) and indexes (Id, the clustered one;
 * Name; RootObjects, tables only).  Rows:
 *   - one per table (Type 1): ObjidTable = Id = its object id,
 *     ColtypOrPgnoFDP its data tree, SpaceUsage its density, Flags its
 *     JET_bitObject* flags, PagesOrLocale its initial pages, RootFlag set,
 *     TemplateTable for a derived table; the four system tables too;
 *   - one per column (Type 2): Id its column id, ColtypOrPgnoFDP its type,
 *     SpaceUsage its maximum length, Flags ESE's FIELD flags (NotNull 0x1,
 *     Version 0x2, Autoincrement 0x4, MultiValued 0x8, Default 0x10,
 *     EscrowUpdate 0x20, Finalize 0x40, UserDefinedDefault 0x80,
 *     DeleteOnZero 0x200, Compressed 0x1000), PagesOrLocale its code page,
 *     RecordOffset for fixed columns, DefaultValue;
 *   - one per index (Type 3): Id its object id (the table's for the
 *     primary one), ColtypOrPgnoFDP its tree, Flags ESE's IDB flags,
 *     PagesOrLocale its LCID, KeyFldIDs and ConditionalColumns as ESE's
 *     4-byte segments (flags byte, reserved byte, 16-bit column id),
 *     LCMapFlags, KeyMost, VarSegMac (when below KeyMost), LocaleName;
 *   - one per long-value tree (Type 4, named "LV"): Id the table's id.
 * Page numbers and the system tables' ids are this engine's, not ESE's;
 * MSysObjects' own column and index rows are not listed.  The view is
 * JET_bitTableReadOnly (updates: JET_errPermissionDenied), counts as a
 * temporary table (JET_paramMaxTemporaryTables) and is gone when its cursor
 * closes.  MSysObjids and MSysLocales are listed but hold nothing an
 * application could use (ESE's object id map and its locale versions):
 * JetOpenTable on them is JET_errFeatureNotAvailable.
 */
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "infolist.h"
#include "systable.h"
#include "utf.h"

DEFAULT_DEBUG_CHANNEL(esent);

/* ESE's flag for the system tables it makes on demand (internal). */
#define OBJECT_SYSTEM_DYNAMIC (JET_bitObjectSystem | 0x08000000u)

enum { SYS_LOCALES, SYS_OBJECTS, SYS_SHADOW, SYS_OBJIDS, SYS_N };

static const struct systable systables[SYS_N] = {
    { "MSysLocales", OBJECT_SYSTEM_DYNAMIC },
    { "MSysObjects", JET_bitObjectSystem | JET_bitObjectTableFixedDDL },
    { "MSysObjectsShadow", JET_bitObjectSystem | JET_bitObjectTableFixedDDL },
    { "MSysObjids", OBJECT_SYSTEM_DYNAMIC | JET_bitObjectTableFixedDDL },
};
/* Their object ids, as a fresh ESE database numbers them. */
static const uint32_t sys_objid[SYS_N] = { 7, 2, 3, 6 };

const struct systable *systable_find(const char *name)
{
    int i;
    if (!name) return NULL;
    for (i = 0; i < SYS_N; i++)
        if (!cat_name_compare(name, systables[i].name)) return &systables[i];
    return NULL;
}

const struct systable *systable_all(uint32_t *n)
{
    *n = SYS_N;
    return systables;
}

/* ---- the rows ------------------------------------------------------------------------- */

enum { SYSOBJ_TABLE = 1, SYSOBJ_COLUMN = 2, SYSOBJ_INDEX = 3, SYSOBJ_LV = 4 };

/* MSysObjects' columns, in ESE's order within each class (so the ids are
 * ESE's: fixed 1.., variable 128.., tagged 256..). */
enum {
    M_OBJIDTABLE, M_TYPE, M_ID, M_COLTYP, M_SPACE, M_FLAGS, M_PAGES, M_ROOT, M_RECOFF, M_LCMAP, M_KEYMOST,
    M_LVCHUNK, M_PGNOTIME,
    M_NAME, M_STATS, M_TEMPLATE, M_DEFAULT, M_KEYFLD, M_VARSEG, M_COND, M_TUPLES, M_VERSION, M_SORTID,
    M_CBDATA, M_CBDEPS, M_SEPLV, M_HINTS, M_LVHINTS, M_LOCALE, M_N
};

static const struct {
    const char *name;
    JET_COLTYP coltyp;
    JET_GRBIT grbit;
} mso_cols[M_N] = {
    { "ObjidTable", JET_coltypLong, JET_bitColumnNotNULL },
    { "Type", JET_coltypShort, JET_bitColumnNotNULL },
    { "Id", JET_coltypLong, JET_bitColumnNotNULL },
    { "ColtypOrPgnoFDP", JET_coltypLong, JET_bitColumnNotNULL },
    { "SpaceUsage", JET_coltypLong, JET_bitColumnNotNULL },
    { "Flags", JET_coltypLong, JET_bitColumnNotNULL },
    { "PagesOrLocale", JET_coltypLong, JET_bitColumnNotNULL },
    { "RootFlag", JET_coltypBit, 0 },
    { "RecordOffset", JET_coltypShort, 0 },
    { "LCMapFlags", JET_coltypLong, 0 },
    { "KeyMost", JET_coltypUnsignedShort, 0 },
    { "LVChunkMax", JET_coltypLong, 0 },
    { "PgnoFDPLastSetTime", JET_coltypDateTime, 0 },
    { "Name", JET_coltypText, JET_bitColumnNotNULL },
    { "Stats", JET_coltypBinary, 0 },
    { "TemplateTable", JET_coltypText, 0 },
    { "DefaultValue", JET_coltypBinary, 0 },
    { "KeyFldIDs", JET_coltypBinary, 0 },
    { "VarSegMac", JET_coltypBinary, 0 },
    { "ConditionalColumns", JET_coltypBinary, 0 },
    { "TupleLimits", JET_coltypBinary, 0 },
    { "Version", JET_coltypBinary, 0 },
    { "SortID", JET_coltypBinary, 0 },
    { "CallbackData", JET_coltypLongBinary, JET_bitColumnTagged },
    { "CallbackDependencies", JET_coltypLongBinary, JET_bitColumnTagged },
    { "SeparateLV", JET_coltypLongBinary, JET_bitColumnTagged },
    { "SpaceHints", JET_coltypLongBinary, JET_bitColumnTagged },
    { "SpaceDeferredLVHints", JET_coltypLongBinary, JET_bitColumnTagged },
    { "LocaleName", JET_coltypLongBinary, JET_bitColumnTagged },
};

/* One row of the view. */
struct mso_row {
    uint32_t objid_table, id, coltyp, space, flags, pages;
    uint16_t type;
    uint8_t root;                          /* RootFlag set */
    uint8_t has_recoff, has_index;         /* RecordOffset; LCMapFlags, KeyMost */
    uint16_t recoff, keymost;
    uint32_t lcmap;
    char name[CAT_NAME_MAX + 1];
    char template_name[CAT_NAME_MAX + 1];  /* "" none */
    uint32_t cbdefault, cbkeyfld, cbcond, cbvarseg, cblocale;
    uint8_t defval[CAT_DEFAULT_MAX];
    uint8_t keyfld[CAT_KEY_SEGMENTS * 4];
    uint8_t cond[CAT_CONDITIONAL_MAX * 4];
    uint8_t varseg[2];
    uint16_t locale[CAT_LOCALE_MAX + 1];
};

struct mso_rows {
    struct mso_row *v;
    uint32_t n, cap;
};

static struct mso_row *row_add(struct mso_rows *r)
{
    if (r->n == r->cap) {
        uint32_t cap = r->cap ? r->cap * 2 : 64;
        struct mso_row *v = realloc(r->v, cap * sizeof(*v));
        if (!v) return NULL;
        r->v = v;
        r->cap = cap;
    }
    memset(&r->v[r->n], 0, sizeof(r->v[r->n]));
    return &r->v[r->n++];
}

static uint32_t table_flags(const struct cat_table *tab)
{
    uint32_t f = 0;
    if (tab->flags & JET_bitTableCreateFixedDDL) f |= JET_bitObjectTableFixedDDL;
    if (tab->flags & JET_bitTableCreateTemplateTable) f |= JET_bitObjectTableTemplate | JET_bitObjectTableFixedDDL;
    else if (tab->flags & CAT_TABLE_DERIVED) f |= JET_bitObjectTableDerived;
    return f;
}

/* ESE's FIELD flags of a column. */
static uint32_t field_flags(const struct cat_column *c)
{
    static const struct { JET_GRBIT bit; uint32_t ffield; } map[] = {
        { JET_bitColumnNotNULL, 0x0001 },      { JET_bitColumnVersion, 0x0002 },
        { JET_bitColumnAutoincrement, 0x0004 }, { JET_bitColumnMultiValued, 0x0008 },
        { JET_bitColumnEscrowUpdate, 0x0020 }, { JET_bitColumnFinalize, 0x0040 },
        { JET_bitColumnUserDefinedDefault, 0x0080 }, { JET_bitColumnDeleteOnZero, 0x0200 },
        { JET_bitColumnCompressed, 0x1000 },
    };
    uint32_t f = c->cbdefault ? 0x0010 : 0, i;
    for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (c->grbit & map[i].bit) f |= map[i].ffield;
    return f;
}

/* ESE's IDB flags of an index. */
static uint32_t index_flags(const struct cat_index *x, const struct cat_table *tab, const struct cat_column *cols,
                            uint32_t ncols)
{
    JET_GRBIT g = x->grbit;
    uint32_t f = 0, i, j;

    if (g & (JET_bitIndexUnique | JET_bitIndexPrimary)) f |= 0x0001;
    if (!(g & (JET_bitIndexIgnoreNull | JET_bitIndexIgnoreAnyNull))) f |= 0x0002; /* AllowAllNulls */
    if (!(g & (JET_bitIndexIgnoreFirstNull | JET_bitIndexIgnoreAnyNull))) f |= 0x0004;
    if (!(g & JET_bitIndexIgnoreAnyNull)) f |= 0x0008;                            /* AllowSomeNulls */
    if (g & JET_bitIndexDisallowNull) f |= 0x0010;
    if (g & JET_bitIndexPrimary) f |= 0x0020;
    if (x->flags & CAT_INDEX_LOCALIZED) f |= 0x0040 | 0x0400; /* LocaleSet, LocalizedText */
    for (i = 0; i < x->nsegs; i++)
        for (j = 0; j < ncols; j++)
            if (cols[j].columnid == x->segs[i].columnid && (cols[j].grbit & JET_bitColumnMultiValued)) f |= 0x0080;
    if (tab->flags & JET_bitTableCreateTemplateTable) f |= 0x0100;
    if (x->flags & CAT_INDEX_DERIVED) f |= 0x0200;
    if (g & JET_bitIndexSortNullsHigh) f |= 0x0800;
    if (g & JET_bitIndexCrossProduct) f |= 0x2000;
    if (g & JET_bitIndexDisallowTruncation) f |= 0x4000;
    if (g & JET_bitIndexNestedTable) f |= 0x8000;
    return f;
}

/* An ESE index segment: flags, a reserved byte, the 16-bit column id. */
static void put_seg(uint8_t *p, uint8_t flags, JET_COLUMNID id)
{
    p[0] = flags;
    p[1] = 0;
    p[2] = (uint8_t)id;
    p[3] = (uint8_t)(id >> 8);
}

static JET_ERR add_table_rows(store_txn *txn, store_db *db, const struct cat_table *tab, struct mso_rows *r)
{
    struct cat_column *cols = NULL;
    struct cat_index *idx = NULL;
    struct cat_table tmpl;
    struct mso_row *w;
    uint32_t ncols = 0, nidx = 0, i, j, offset = 4;
    JET_ERR err;

    if (!(w = row_add(r))) return JET_errOutOfMemory;
    w->objid_table = w->id = tab->objid;
    w->type = SYSOBJ_TABLE;
    w->coltyp = tab->data_root;
    w->space = tab->density;
    w->flags = table_flags(tab);
    w->pages = tab->pages;
    w->root = 1;
    memcpy(w->name, tab->name, sizeof(w->name));
    if ((tab->flags & CAT_TABLE_DERIVED) && cat_table_get(txn, db, tab->template_objid, &tmpl) >= 0)
        memcpy(w->template_name, tmpl.name, sizeof(w->template_name));

    if ((err = cat_columns_list(txn, db, tab->objid, 0, &cols, &ncols)) < 0) return err;
    for (i = 0; i < ncols; i++) {
        const struct cat_column *c = &cols[i];
        if (!(w = row_add(r))) {
            err = JET_errOutOfMemory;
            goto out;
        }
        w->objid_table = tab->objid;
        w->type = SYSOBJ_COLUMN;
        w->id = c->columnid;
        w->coltyp = (uint32_t)c->coltyp;
        w->space = c->cbmax;
        w->flags = field_flags(c);
        w->pages = c->cp;
        memcpy(w->name, c->name, sizeof(w->name));
        if (c->columnid <= CAT_FIXED_LAST) {
            w->has_recoff = 1;
            w->recoff = (uint16_t)offset;
            offset += c->cbmax;
        }
        w->cbdefault = c->cbdefault;
        memcpy(w->defval, c->defval, c->cbdefault);
    }

    if ((err = cat_indexes_list(txn, db, tab->objid, &idx, &nidx)) < 0) goto out;
    for (i = 0; i < nidx; i++) {
        const struct cat_index *x = &idx[i];
        if (!(w = row_add(r))) {
            err = JET_errOutOfMemory;
            goto out;
        }
        w->objid_table = tab->objid;
        w->type = SYSOBJ_INDEX;
        w->id = x->objid;
        w->coltyp = x->root;
        w->space = x->density;
        w->flags = index_flags(x, tab, cols, ncols);
        w->pages = x->lcid;
        memcpy(w->name, x->name, sizeof(w->name));
        for (j = 0; j < x->nsegs; j++) put_seg(w->keyfld + 4 * j, x->segs[j].descending ? 0x40 : 0, x->segs[j].columnid);
        w->cbkeyfld = 4 * x->nsegs;
        for (j = 0; j < x->ncond; j++)
            put_seg(w->cond + 4 * j, (x->cond[j].grbit & JET_bitIndexColumnMustBeNull) ? 0x20 : 0, x->cond[j].columnid);
        w->cbcond = 4 * x->ncond;
        w->has_index = 1;
        w->lcmap = x->map_flags;
        w->keymost = (uint16_t)x->cbkeymost;
        if (x->cbvarsegmac && x->cbvarsegmac < x->cbkeymost) {
            w->varseg[0] = (uint8_t)x->cbvarsegmac;
            w->varseg[1] = (uint8_t)(x->cbvarsegmac >> 8);
            w->cbvarseg = 2;
        }
        for (j = 0; j < CAT_LOCALE_MAX && x->locale[j]; j++) w->locale[j] = x->locale[j];
        w->cblocale = 2 * j;
    }

    if (!(w = row_add(r))) {
        err = JET_errOutOfMemory;
        goto out;
    }
    w->objid_table = w->id = tab->objid;
    w->type = SYSOBJ_LV;
    w->coltyp = tab->lv_root;
    w->space = tab->density;
    strcpy(w->name, "LV");
    err = 0;
out:
    free(cols);
    free(idx);
    return err;
}

/* The view's rows: the system tables, then every table of the catalog. */
static JET_ERR gather(store_txn *txn, store_db *db, struct mso_rows *r)
{
    struct cat_table *tabs = NULL;
    uint32_t n = 0, i;
    JET_ERR err = 0;

    for (i = 0; i < SYS_N; i++) {
        struct mso_row *w = row_add(r);
        if (!w) return JET_errOutOfMemory;
        w->objid_table = w->id = sys_objid[i];
        w->type = SYSOBJ_TABLE;
        w->coltyp = store_db_catalog(db);
        w->space = 100;
        w->flags = systables[i].flags;
        w->pages = 1;
        w->root = 1;
        strcpy(w->name, systables[i].name);
    }
    if ((err = cat_tables_list(txn, db, &tabs, &n)) < 0) return err;
    for (i = 0; i < n && err >= 0; i++)
        if (!systable_find(tabs[i].name)) err = add_table_rows(txn, db, &tabs[i], r);
    free(tabs);
    return err;
}

JET_ERR systable_stats(struct jet_session *s, store_txn *txn, struct jet_database *db, const struct systable *st,
                       uint32_t *records, uint32_t *pages)
{
    struct mso_rows r = { NULL, 0, 0 };
    struct stats_tree tr;
    uint32_t i, trees = 0;
    JET_ERR err;

    *records = *pages = 0;
    if ((err = gather(txn, db->sdb, &r)) < 0) goto out;
    for (i = 0; i < r.n; i++)
        trees += r.v[i].type == SYSOBJ_TABLE || r.v[i].type == SYSOBJ_LV ||
                 (r.v[i].type == SYSOBJ_INDEX && r.v[i].id != r.v[i].objid_table);
    if (st == &systables[SYS_OBJECTS] || st == &systables[SYS_SHADOW]) {
        *records = r.n;
        if ((err = stats_tree(s->inst->st, db->sdb, store_db_catalog(db->sdb), 0, &tr)) < 0) goto out;
        *pages = tr.pages;
    } else {
        *records = st == &systables[SYS_OBJIDS] ? trees : 0;
        *pages = 1;
    }
out:
    free(r.v);
    return err;
}

/* ---- the view ------------------------------------------------------------------------- */

struct view {
    JET_SESID ses;
    JET_TABLEID tab;
    JET_COLUMNID ids[M_N];
};

static JET_ERR vset(struct view *v, int col, const void *p, unsigned long cb)
{
    return cb ? JetSetColumn(v->ses, v->tab, v->ids[col], p, cb, 0, NULL) : 0;
}

static JET_ERR vlong(struct view *v, int col, uint32_t x)
{
    JET_ULONG_ y = x;
    return vset(v, col, &y, sizeof(y));
}

static JET_ERR vshort(struct view *v, int col, uint16_t x)
{
    return vset(v, col, &x, sizeof(x));
}

/* A catalog name (UTF-8) as ANSI text (ESE's catalog names are 8-bit). */
static JET_ERR vname(struct view *v, int col, const char *name)
{
    uint16_t w[CAT_NAME_MAX * 2 + 1];
    char a[CAT_NAME_MAX * 2 + 1];
    size_t n = utf8_to_utf16(name, (size_t)-1, w, CAT_NAME_MAX * 2 + 1);
    JET_ERR err;

    if (!*name) return 0;
    if (n == 0 || n > CAT_NAME_MAX * 2 + 1) return JET_errInvalidName;
    if ((err = str_w_to_a_buf(w, a, sizeof(a))) < 0) return err;
    return vset(v, col, a, (unsigned long)strlen(a));
}

static JET_ERR put_row(struct view *v, const struct mso_row *w)
{
    uint8_t bit = 0xff;
    JET_ERR err;

    if ((err = JetPrepareUpdate(v->ses, v->tab, JET_prepInsert)) < 0) return err;
    if ((err = vlong(v, M_OBJIDTABLE, w->objid_table)) >= 0 && (err = vshort(v, M_TYPE, w->type)) >= 0 &&
        (err = vlong(v, M_ID, w->id)) >= 0 && (err = vlong(v, M_COLTYP, w->coltyp)) >= 0 &&
        (err = vlong(v, M_SPACE, w->space)) >= 0 && (err = vlong(v, M_FLAGS, w->flags)) >= 0 &&
        (err = vlong(v, M_PAGES, w->pages)) >= 0 && (err = vname(v, M_NAME, w->name)) >= 0 &&
        (err = vname(v, M_TEMPLATE, w->template_name)) >= 0 && (err = vset(v, M_DEFAULT, w->defval, w->cbdefault)) >= 0 &&
        (err = vset(v, M_KEYFLD, w->keyfld, w->cbkeyfld)) >= 0 && (err = vset(v, M_COND, w->cond, w->cbcond)) >= 0 &&
        (err = vset(v, M_VARSEG, w->varseg, w->cbvarseg)) >= 0 && (err = vset(v, M_LOCALE, w->locale, w->cblocale)) >= 0 &&
        (!w->root || (err = vset(v, M_ROOT, &bit, 1)) >= 0) &&
        (!w->has_recoff || (err = vshort(v, M_RECOFF, w->recoff)) >= 0) &&
        (!w->has_index || ((err = vlong(v, M_LCMAP, w->lcmap)) >= 0 && (err = vshort(v, M_KEYMOST, w->keymost)) >= 0)))
        err = JetUpdate(v->ses, v->tab, NULL, 0, NULL);
    if (err < 0) JetPrepareUpdate(v->ses, v->tab, JET_prepCancel);
    return err;
}

/* The view's table, empty, on the session (entered). */
static JET_ERR view_create(struct jet_session *s, struct view *v)
{
    static const char id_key[] = "+ObjidTable\0+Type\0+Id\0";
    static const char name_key[] = "+ObjidTable\0+Type\0+Name\0";
    static const char root_key[] = "+RootFlag\0+Name\0";
    struct cat_column_def cols[M_N];
    struct cat_index_def idx[3];
    struct jet_table *t;
    JET_ERR err;
    int i;

    memset(cols, 0, sizeof(cols));
    for (i = 0; i < M_N; i++) {
        cols[i].name = mso_cols[i].name;
        cols[i].coltyp = mso_cols[i].coltyp;
        cols[i].grbit = mso_cols[i].grbit;
        if (mso_cols[i].coltyp == JET_coltypText || mso_cols[i].coltyp == JET_coltypBinary) cols[i].cbmax = 255;
        if (mso_cols[i].coltyp == JET_coltypText) cols[i].cp = 1252;
    }
    memset(idx, 0, sizeof(idx));
    idx[0].name = "Id";
    idx[0].key = id_key;
    idx[0].cbkey = sizeof(id_key);
    idx[0].grbit = JET_bitIndexPrimary | JET_bitIndexDisallowNull;
    idx[1].name = "Name";
    idx[1].key = name_key;
    idx[1].cbkey = sizeof(name_key);
    idx[1].grbit = JET_bitIndexUnique | JET_bitIndexDisallowNull;
    idx[2].name = "RootObjects";
    idx[2].key = root_key;
    idx[2].cbkey = sizeof(root_key);
    idx[2].grbit = JET_bitIndexUnique | JET_bitIndexIgnoreFirstNull;
    for (i = 0; i < 3; i++) idx[i].density = 100;
    if ((err = temp_open_defined(s, cols, M_N, idx, 3, v->ids, &t)) < 0) return err;
    v->tab = t->handle;
    return 0;
}

JET_ERR systable_open(JET_SESID sesid, JET_DBID dbid, const struct systable *st, JET_GRBIT grbit,
                      JET_TABLEID *ptableid)
{
    struct mso_rows r = { NULL, 0, 0 };
    struct jet_session *s;
    struct jet_database *db;
    struct jet_table *t;
    store_txn *txn, *tmp = NULL;
    struct view v;
    uint32_t i;
    JET_ERR err;

    (void)grbit;
    if (st != &systables[SYS_OBJECTS] && st != &systables[SYS_SHADOW]) {
        FIXME("%s cannot be opened\n", st->name);
        return JET_errFeatureNotAvailable;
    }
    memset(&v, 0, sizeof(v));
    v.ses = sesid;
    if ((err = session_enter(sesid, &s))) return err;
    if (!(db = table_db(s, dbid))) err = JET_errInvalidDatabaseId;
    else if (!(txn = s->txn) && (err = store_txn_begin(s->inst->st, &tmp)) >= 0) txn = tmp;
    if (err >= 0) err = gather(txn, db->sdb, &r);
    if (tmp) store_txn_abort(tmp);
    if (err >= 0) err = view_create(s, &v);
    session_leave(s);

    for (i = 0; err >= 0 && i < r.n; i++) err = put_row(&v, &r.v[i]);
    free(r.v);
    /* Before the first row, as JetOpenTable leaves a cursor. */
    if (err >= 0 && (err = JetMove(sesid, v.tab, JET_MoveFirst, 0)) >= 0)
        err = JetMove(sesid, v.tab, JET_MovePrevious, 0);
    if (err == JET_errNoCurrentRecord) err = 0;
    /* Read-only from now on. */
    if (err >= 0 && (err = table_enter(sesid, v.tab, &s, &t)) >= 0) {
        t->grbit |= JET_bitTableReadOnly;
        session_leave(s);
    }
    if (err < 0) {
        if (v.tab) JetCloseTable(sesid, v.tab);
        return err;
    }
    *ptableid = v.tab;
    return 0;
}
