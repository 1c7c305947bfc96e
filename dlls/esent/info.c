/*
 * info.c - schema information: JetGetTableInfo, JetGetColumnInfo,
 * JetGetTableColumnInfo, JetGetIndexInfo, JetGetTableIndexInfo (A and W).
 *
 * Everything is answered from a table schema (struct tbl_schema,
 * jet_table.h): the cursor's own copy for the Table* variants (so a
 * session sees its own uncommitted DDL), or for the (dbid, table name)
 * variants a copy loaded through the session's transaction, or at level 0
 * through a temporary read transaction that is aborted afterwards.  The
 * (dbid, name) variants answer as a cursor that is not updatable would
 * (ESE opens an internal cursor and clears its updatable flag), so
 * JET_bitColumnUpdatable is never reported by them.
 *
 * Names are UTF-8 in the catalog.  A entry points convert the caller's
 * ANSI names to UTF-8 (through UTF-16) and return names in the ANSI code
 * page; W entry points take and return UTF-16.  Buffer sizes are checked
 * before anything is written; the errors per level are ESE's: JET_ColInfo*
 * with a short buffer is JET_errInvalidParameter, JET_TblInfo* is
 * JET_errBufferTooSmall, JET_IdxInfo* is JET_wrnBufferTruncated (nothing
 * written).
 *
 * The list levels (JET_ColInfoList*, JET_IdxInfo / JET_IdxInfoList) return
 * a temporary table: the schema is read here, then the session is left and
 * infolist.c builds the table through the public API.  JET_IdxInfoCreate-
 * Index* is built by idxcreate.c.  JET_TblInfoSpaceOwned counts the
 * pages of the table's trees, JET_TblInfoSpaceAvailable is 0 (trees own
 * no free pages); JET_TblInfoSpaceUsage (extents) and the index space
 * levels return JET_errFeatureNotAvailable with a FIXME; the obsolete levels (JET_TblInfoOLC, JET_IdxInfoSysTab-
 * Cursor...) JET_errFeatureNotAvailable, as ESE answers them.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "infolist.h"
#include "jet_table.h"
#include "utf.h"

DEFAULT_DEBUG_CHANNEL(esent);

#define INFO_COUNTRY_DEFAULT 1      /* ESE's countryDefault */
#define INFO_LANGID_DEFAULT 0x0409  /* en-US, the default locale */
#define INFO_LCID_DEFAULT 0x0409
#define COLINFO_LEVEL_MASK 0x0FFFFFFFu

/* The JET_bitColumn* bits JetGetColumnInfo reports (catalog bits such as
 * MaybeNull are not reported, as ESE rebuilds grbit from its field flags). */
#define COLINFO_GRBITS                                                                        \
    (JET_bitColumnFixed | JET_bitColumnTagged | JET_bitColumnNotNULL | JET_bitColumnVersion | \
     JET_bitColumnAutoincrement | JET_bitColumnMultiValued | JET_bitColumnEscrowUpdate |     \
     JET_bitColumnFinalize | JET_bitColumnUserDefinedDefault | JET_bitColumnDeleteOnZero |   \
     JET_bitColumnCompressed)

/* ---- names ------------------------------------------------------------------------- */

/* The caller's name (ANSI or UTF-16) as UTF-8, malloc'ed; NULL for NULL
 * (with *err 0) or on failure (*err set). */
static char *name_in(const void *name, int wide, JET_ERR *err)
{
    wchar16 *w;
    char *u;
    *err = 0;
    if (!name) return NULL;
    if (wide) return str_w_to_utf8(name, err);
    if (!(w = str_a_to_w(name, err))) return NULL;
    u = str_w_to_utf8(w, err);
    free(w);
    return u;
}

/* A catalog name (UTF-8) into the caller's buffer of cb bytes, as UTF-16
 * or ANSI, NUL-terminated: JET_errBufferTooSmall if it does not fit. */
static JET_ERR name_out(const char *name, int wide, void *buf, unsigned long cb)
{
    uint16_t w[CAT_NAME_MAX + 1];
    size_t n = utf8_to_utf16(name, (size_t)-1, w, CAT_NAME_MAX + 1);

    assert(n <= CAT_NAME_MAX + 1);
    if (!buf) return JET_errBufferTooSmall;
    if (!wide) return str_w_to_a_buf(w, buf, cb);
    if (n * sizeof(uint16_t) > cb) return JET_errBufferTooSmall;
    memcpy(buf, w, n * sizeof(uint16_t));
    return 0;
}

/* A name the caller gave for a column or index: NULL or "" is *empty;
 * otherwise it is checked (JET_errInvalidName) and converted. */
static JET_ERR object_name(const void *name, int wide, char **out, int *empty)
{
    char norm[CAT_NAME_MAX + 1];
    JET_ERR err;

    *out = NULL;
    *empty = !name || (wide ? !*(const wchar16 *)name : !*(const char *)name);
    if (*empty) return 0;
    if (!(*out = name_in(name, wide, &err))) return err ? err : JET_errInvalidParameter;
    if (cat_name_check(*out, norm) < 0) {
        free(*out);
        *out = NULL;
        return JET_errInvalidName;
    }
    return 0;
}

/* ---- a schema read by (dbid, table name) ---------------------------------------- */

struct named_table {
    struct tbl_schema sch;
    store_txn *tmp;            /* a temporary read transaction, or NULL */
    store_txn *txn;
    store_db *db;
    JET_DBID dbid;
};

/* Loads the schema of table `name` of database dbid as session s sees it:
 * JET_errInvalidDatabaseId, JET_errInvalidParameter (no name),
 * JET_errInvalidName, JET_errObjectNotFound. */
static JET_ERR named_table_load(struct jet_session *s, JET_DBID dbid, const void *name, int wide,
                                struct named_table *nt)
{
    struct cat_table tab;
    char *u;
    JET_ERR err;

    memset(nt, 0, sizeof(*nt));
    nt->sch.primary = -1;
    if (dbid < 1 || dbid > STORE_MAX_DBS || !s->opened[dbid - 1] || !s->inst->dbs[dbid - 1].sdb)
        return JET_errInvalidDatabaseId;
    if (!name) return JET_errInvalidParameter;
    if (!(u = name_in(name, wide, &err))) return err;
    nt->db = s->inst->dbs[dbid - 1].sdb;
    nt->dbid = dbid;
    if (!(nt->txn = s->txn)) {
        if ((err = store_txn_begin(s->inst->st, &nt->tmp)) < 0) goto done;
        nt->txn = nt->tmp;
    }
    if ((err = cat_table_lookup(nt->txn, nt->db, u, &tab)) < 0) goto done;
    err = tbl_schema_load(nt->txn, nt->db, tab.objid, &nt->sch);
done:
    free(u);
    if (err < 0 && nt->tmp) {
        store_txn_abort(nt->tmp);
        nt->tmp = NULL;
    }
    return err;
}

static void named_table_free(struct named_table *nt)
{
    tbl_schema_free(&nt->sch);
    if (nt->tmp) store_txn_abort(nt->tmp);
    nt->tmp = NULL;
}

/* Whether a cursor may update its table (JET_bitColumnUpdatable,
 * JET_bitTableInfoUpdatable). */
static int cursor_updatable(const struct jet_table *t)
{
    return !(t->grbit & JET_bitTableReadOnly) && !t->ses->inst->dbs[t->dbslot].readonly;
}

/* ---- columns ---------------------------------------------------------------------- */

/* What a column info request names and where the answer goes. */
struct colreq {
    const struct tbl_schema *sch;
    const void *name;          /* the caller's szColumnName (a JET_COLUMNID * by id) */
    int wide;
    int updatable;
    void *pv;
    unsigned long cb;
    unsigned long level;
};

/* The column a request names: JET_errColumnNotFound, JET_errInvalidName. */
static JET_ERR find_column(const struct colreq *q, int by_id, const struct cat_column **out)
{
    char *u;
    int empty;
    JET_ERR err;

    *out = NULL;
    if (by_id) {
        if (!q->name) return JET_errColumnNotFound;
        *out = tbl_column(q->sch, *(const JET_COLUMNID *)q->name);
        return *out ? 0 : JET_errColumnNotFound;
    }
    if ((err = object_name(q->name, q->wide, &u, &empty)) < 0) return err;
    if (empty) return JET_errColumnNotFound;
    *out = tbl_column_named(q->sch, u);
    free(u);
    return *out ? 0 : JET_errColumnNotFound;
}

static JET_GRBIT column_grbit(const struct cat_column *c, int updatable)
{
    JET_GRBIT g = c->grbit & COLINFO_GRBITS;
    if (updatable) g |= JET_bitColumnUpdatable;
    return g;
}

static void fill_columndef(const struct cat_column *c, int updatable, JET_COLUMNDEF *d)
{
    memset(d, 0, sizeof(*d));
    d->cbStruct = sizeof(*d);
    d->columnid = c->columnid;
    d->coltyp = c->coltyp;
    d->wCountry = INFO_COUNTRY_DEFAULT;
    d->langid = INFO_LANGID_DEFAULT;
    d->cp = c->cp;
    d->wCollate = 0;
    d->cbMax = c->cbmax;
    d->grbit = column_grbit(c, updatable);
}

/* JET_ColInfoBase(ByColid): the JET_COLUMNDEF fields and the table and
 * column names. */
static JET_ERR fill_columnbase(const struct colreq *q, const struct cat_column *c)
{
    JET_COLUMNDEF d;
    JET_ERR err;

    fill_columndef(c, q->updatable, &d);
    if (q->wide) {
        JET_COLUMNBASE_W *b = q->pv;
        memset(b, 0, sizeof(*b));
        b->cbStruct = sizeof(*b);
        b->columnid = d.columnid;
        b->coltyp = d.coltyp;
        b->wCountry = d.wCountry;
        b->langid = d.langid;
        b->cp = d.cp;
        b->cbMax = d.cbMax;
        b->grbit = d.grbit;
        if ((err = name_out(q->sch->tab.name, 1, b->szBaseTableName, sizeof(b->szBaseTableName))) < 0) return err;
        return name_out(c->name, 1, b->szBaseColumnName, sizeof(b->szBaseColumnName));
    } else {
        JET_COLUMNBASE_A *b = q->pv;
        memset(b, 0, sizeof(*b));
        b->cbStruct = sizeof(*b);
        b->columnid = d.columnid;
        b->coltyp = d.coltyp;
        b->wCountry = d.wCountry;
        b->langid = d.langid;
        b->cp = d.cp;
        b->cbMax = d.cbMax;
        b->grbit = d.grbit;
        if ((err = name_out(q->sch->tab.name, 0, b->szBaseTableName, sizeof(b->szBaseTableName))) < 0) return err;
        return name_out(c->name, 0, b->szBaseColumnName, sizeof(b->szBaseColumnName));
    }
}

static JET_ERR column_info(const struct colreq *q)
{
    unsigned long level = q->level & COLINFO_LEVEL_MASK;
    const struct cat_column *c;
    size_t need;
    JET_ERR err;

    switch (level) {
    case JET_ColInfo:
    case JET_ColInfoByColid:
        if (!q->pv || q->cb < sizeof(JET_COLUMNDEF)) return JET_errInvalidParameter;
        if ((err = find_column(q, level == JET_ColInfoByColid, &c)) < 0) return err;
        fill_columndef(c, q->updatable, q->pv);
        return 0;
    case JET_ColInfoBase:
    case JET_ColInfoBaseByColid:
        need = q->wide ? sizeof(JET_COLUMNBASE_W) : sizeof(JET_COLUMNBASE_A);
        if (!q->pv || q->cb < need) return JET_errInvalidParameter;
        if ((err = find_column(q, level == JET_ColInfoBaseByColid, &c)) < 0) return err;
        return fill_columnbase(q, c);
    case JET_ColInfoSysTabCursor:
        return JET_errFeatureNotAvailable; /* deprecated */
    default:
        return JET_errInvalidParameter;
    }
}

static int colinfo_is_list(unsigned long level)
{
    level &= COLINFO_LEVEL_MASK;
    return level == JET_ColInfoList || level == JET_ColInfoListCompact || level == JET_ColInfoListSortColumnid;
}

/* The list levels: leaves the session s, then builds the table (the
 * schema stays the caller's: this thread alone uses the session). */
static JET_ERR column_list(struct jet_session *s, JET_SESID sesid, const struct tbl_schema *sch, int updatable,
                           int wide, unsigned long level, void *pv, unsigned long cb)
{
    JET_GRBIT *grbits = NULL;
    uint32_t i;
    JET_ERR err;

    if (sch->ncols && !(grbits = calloc(sch->ncols, sizeof(*grbits)))) {
        session_leave(s);
        return JET_errOutOfMemory;
    }
    for (i = 0; i < sch->ncols; i++) grbits[i] = column_grbit(&sch->cols[i], updatable);
    session_leave(s);
    err = infolist_columns(sesid, sch, grbits, wide, level & COLINFO_LEVEL_MASK, pv, cb);
    free(grbits);
    return err;
}

static int colinfo_by_id(unsigned long level)
{
    level &= COLINFO_LEVEL_MASK;
    return level == JET_ColInfoByColid || level == JET_ColInfoBaseByColid;
}

/* For traces: the column argument, which is a JET_COLUMNID * by id. */
static const char *debug_colname(const void *name, int wide, unsigned long level)
{
    if (colinfo_by_id(level)) return name ? "(by columnid)" : "(null)";
    return wide ? dbgstr_w(name) : dbgstr_a(name);
}

static JET_ERR get_column_info(JET_SESID sesid, JET_DBID dbid, const void *table, const void *column,
                               void *pv, unsigned long cb, unsigned long level, int wide)
{
    struct jet_session *s;
    struct named_table nt;
    struct colreq q;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    if ((err = named_table_load(s, dbid, table, wide, &nt)) >= 0 && colinfo_is_list(level)) {
        err = column_list(s, sesid, &nt.sch, 0, wide, level, pv, cb);
        named_table_free(&nt);
        return err;
    }
    if (err >= 0) {
        memset(&q, 0, sizeof(q));
        q.sch = &nt.sch;
        q.name = column;
        q.wide = wide;
        q.updatable = 0;
        q.pv = pv;
        q.cb = cb;
        q.level = level;
        err = column_info(&q);
        named_table_free(&nt);
    }
    session_leave(s);
    return err;
}

JET_ERR JET_API JetGetColumnInfoA(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName,
                                  JET_PCSTR pColumnNameOrId, void *pvResult, JET_ULONG_ cbMax,
                                  JET_ULONG_ InfoLevel)
{
    JET_ERR err;
    TRACE("(%p, %lu, %s, %s, %p, %lu, 0x%lx)\n", (void *)sesid, (unsigned long)dbid,
          dbgstr_a(szTableName), debug_colname(pColumnNameOrId, 0, InfoLevel), pvResult,
          (unsigned long)cbMax, (unsigned long)InfoLevel);
    err = get_column_info(sesid, dbid, szTableName, pColumnNameOrId, pvResult, cbMax, InfoLevel, 0);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetColumnInfoW(JET_SESID sesid, JET_DBID dbid, JET_PCWSTR szTableName,
                                  JET_PCWSTR pwColumnNameOrId, void *pvResult, JET_ULONG_ cbMax,
                                  JET_ULONG_ InfoLevel)
{
    JET_ERR err;
    TRACE("(%p, %lu, %s, %s, %p, %lu, 0x%lx)\n", (void *)sesid, (unsigned long)dbid,
          dbgstr_w(szTableName), debug_colname(pwColumnNameOrId, 1, InfoLevel), pvResult,
          (unsigned long)cbMax, (unsigned long)InfoLevel);
    err = get_column_info(sesid, dbid, szTableName, pwColumnNameOrId, pvResult, cbMax, InfoLevel, 1);
    TRACE("-> %ld\n", (long)err);
    return err;
}

static JET_ERR get_table_column_info(JET_SESID sesid, JET_TABLEID tableid, const void *column,
                                     void *pv, unsigned long cb, unsigned long level, int wide)
{
    struct jet_session *s;
    struct jet_table *t;
    struct colreq q;
    JET_ERR err;

    if ((err = table_enter(sesid, tableid, &s, &t))) return err;
    if (colinfo_is_list(level)) return column_list(s, sesid, &t->sch, cursor_updatable(t), wide, level, pv, cb);
    memset(&q, 0, sizeof(q));
    q.sch = &t->sch;
    q.name = column;
    q.wide = wide;
    q.updatable = cursor_updatable(t);
    q.pv = pv;
    q.cb = cb;
    q.level = level;
    err = column_info(&q);
    session_leave(s);
    return err;
}

JET_ERR JET_API JetGetTableColumnInfoA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szColumnName,
                                       void *pvResult, JET_ULONG_ cbMax, JET_ULONG_ InfoLevel)
{
    JET_ERR err;
    TRACE("(%p, %p, %s, %p, %lu, 0x%lx)\n", (void *)sesid, (void *)tableid,
          debug_colname(szColumnName, 0, InfoLevel), pvResult, (unsigned long)cbMax,
          (unsigned long)InfoLevel);
    err = get_table_column_info(sesid, tableid, szColumnName, pvResult, cbMax, InfoLevel, 0);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetTableColumnInfoW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szColumnName,
                                       void *pvResult, JET_ULONG_ cbMax, JET_ULONG_ InfoLevel)
{
    JET_ERR err;
    TRACE("(%p, %p, %s, %p, %lu, 0x%lx)\n", (void *)sesid, (void *)tableid,
          debug_colname(szColumnName, 1, InfoLevel), pvResult, (unsigned long)cbMax,
          (unsigned long)InfoLevel);
    err = get_table_column_info(sesid, tableid, szColumnName, pvResult, cbMax, InfoLevel, 1);
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- tables ------------------------------------------------------------------------ */

static JET_ERR fill_objectinfo(struct jet_table *t, JET_OBJECTINFO *oi)
{
    struct stats_tree st;
    JET_ERR err;
    uint32_t f = t->sch.tab.flags;
    memset(oi, 0, sizeof(*oi));
    oi->cbStruct = sizeof(*oi);
    oi->objtyp = JET_objtypTable;
    oi->grbit = JET_bitTableInfoBookmark | JET_bitTableInfoRollback;
    if (cursor_updatable(t)) oi->grbit |= JET_bitTableInfoUpdatable;
    if (f & JET_bitTableCreateFixedDDL) oi->flags |= JET_bitObjectTableFixedDDL;
    if (f & JET_bitTableCreateTemplateTable) oi->flags |= JET_bitObjectTableTemplate;
    else if (f & CAT_TABLE_DERIVED) oi->flags |= JET_bitObjectTableDerived;
    /* cRecord and cPage: the clustered tree's records and pages (stats.c). */
    if ((err = stats_tree(t->ses->inst->st, t->sdb, t->sch.tab.data_root, 0, &st)) < 0) return err;
    oi->cRecord = st.entries;
    oi->cPage = st.pages;
    return 0;
}

/* JET_TblInfoTemplateTableName: the template's name, "" if not derived. */
static JET_ERR template_name(struct jet_table *t, int wide, void *pv, unsigned long cb)
{
    struct cat_table tmpl;
    store_txn *txn, *tmp;
    JET_ERR err;

    if (!pv || cb <= (wide ? 2 * CAT_NAME_MAX + 1 : CAT_NAME_MAX)) return JET_errBufferTooSmall;
    if (!(t->sch.tab.flags & CAT_TABLE_DERIVED)) return name_out("", wide, pv, cb);
    if ((err = table_read_txn(t, &txn, &tmp)) < 0) return err;
    err = cat_table_get(txn, t->sdb, t->sch.tab.template_objid, &tmpl);
    if (tmp) store_txn_abort(tmp);
    if (err < 0) return err;
    return name_out(tmpl.name, wide, pv, cb);
}

/* JET_TblInfoSpaceOwned: the pages of the table's trees (records, long
 * values, each secondary index).  Trees take pages from the database's
 * free space as they grow and give them back as they shrink, so a table
 * owns exactly the pages in use: JET_TblInfoSpaceAvailable is 0. */
static JET_ERR space_owned(struct jet_table *t, JET_ULONG_ *out)
{
    struct stats_tree st;
    uint64_t sum = 0;
    uint32_t i;
    JET_ERR err;

    if ((err = stats_tree(t->ses->inst->st, t->sdb, t->sch.tab.data_root, 0, &st)) < 0) return err;
    sum += st.pages;
    if (t->sch.tab.lv_root) {
        if ((err = stats_tree(t->ses->inst->st, t->sdb, t->sch.tab.lv_root, 0, &st)) < 0) return err;
        sum += st.pages;
    }
    for (i = 0; i < t->sch.nidx; i++) {
        if ((int)i == t->sch.primary || !t->sch.idx[i].ci.root || t->sch.idx[i].ci.root == t->sch.tab.data_root)
            continue;
        if ((err = stats_tree(t->ses->inst->st, t->sdb, t->sch.idx[i].ci.root, 0, &st)) < 0) return err;
        sum += st.pages;
    }
    *out = sum > 0x7fffffffu ? 0x7fffffffu : (JET_ULONG_)sum;
    return 0;
}

static JET_ERR table_info(struct jet_table *t, void *pv, unsigned long cb, unsigned long level, int wide)
{
    JET_DBID dbid = (JET_DBID)(t->dbslot + 1);

    switch (level) {
    case JET_TblInfo:
        if (!pv || cb < sizeof(JET_OBJECTINFO)) return JET_errBufferTooSmall;
        return fill_objectinfo(t, pv);
    case JET_TblInfoName:
    case JET_TblInfoMostMany:
        return name_out(t->sch.tab.name, wide, pv, cb);
    case JET_TblInfoDbid:
        if (!pv || cb < sizeof(JET_DBID)) return JET_errBufferTooSmall;
        memcpy(pv, &dbid, sizeof(dbid));
        /* The documentation says twice, ESE writes what fits. */
        if (cb >= 2 * sizeof(JET_DBID)) memcpy((char *)pv + sizeof(dbid), &dbid, sizeof(dbid));
        return 0;
    case JET_TblInfoSpaceAlloc: {
        JET_ULONG_ v[2];
        if (!pv || cb < sizeof(v)) return JET_errBufferTooSmall;
        v[0] = t->sch.tab.pages;
        v[1] = t->sch.tab.density;
        memcpy(pv, v, sizeof(v));
        return 0;
    }
    case JET_TblInfoTemplateTableName:
        return template_name(t, wide, pv, cb);
    case JET_TblInfoRvt:
        return JET_errQueryNotSupported;
    case JET_TblInfoOLC:
    case JET_TblInfoResetOLC:
    case JET_TblInfoDumpTable:
        return JET_errFeatureNotAvailable; /* deprecated */
    case JET_TblInfoSpaceOwned: {
        JET_ULONG_ v;
        JET_ERR err;
        if (!pv || cb < sizeof(v)) return JET_errBufferTooSmall;
        if ((err = space_owned(t, &v)) < 0) return err;
        memcpy(pv, &v, sizeof(v));
        return 0;
    }
    case JET_TblInfoSpaceAvailable: {
        JET_ULONG_ v = 0;
        if (!pv || cb < sizeof(v)) return JET_errBufferTooSmall;
        memcpy(pv, &v, sizeof(v));
        return 0;
    }
    case JET_TblInfoSpaceUsage:
        FIXME("level %lu: extents per table not implemented\n", level);
        return JET_errFeatureNotAvailable;
    default:
        return JET_errFeatureNotAvailable;
    }
}

static JET_ERR get_table_info(JET_SESID sesid, JET_TABLEID tableid, void *pv, unsigned long cb,
                              unsigned long level, int wide)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    if ((err = table_enter(sesid, tableid, &s, &t))) return err;
    err = table_info(t, pv, cb, level, wide);
    session_leave(s);
    return err;
}

JET_ERR JET_API JetGetTableInfoA(JET_SESID sesid, JET_TABLEID tableid, void *pvResult, JET_ULONG_ cbMax,
                                 JET_ULONG_ InfoLevel)
{
    JET_ERR err;
    TRACE("(%p, %p, %p, %lu, %lu)\n", (void *)sesid, (void *)tableid, pvResult, (unsigned long)cbMax,
          (unsigned long)InfoLevel);
    err = get_table_info(sesid, tableid, pvResult, cbMax, InfoLevel, 0);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetTableInfoW(JET_SESID sesid, JET_TABLEID tableid, void *pvResult, JET_ULONG_ cbMax,
                                 JET_ULONG_ InfoLevel)
{
    JET_ERR err;
    TRACE("(%p, %p, %p, %lu, %lu)\n", (void *)sesid, (void *)tableid, pvResult, (unsigned long)cbMax,
          (unsigned long)InfoLevel);
    err = get_table_info(sesid, tableid, pvResult, cbMax, InfoLevel, 1);
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- indexes ----------------------------------------------------------------------- */

/* The index a request names; NULL or "" is the primary index.
 * JET_errIndexNotFound, JET_errInvalidName. */
static JET_ERR find_index(struct tbl_schema *sch, const void *name, int wide, const struct tbl_index **out)
{
    char *u;
    int empty;
    JET_ERR err;

    *out = NULL;
    if ((err = object_name(name, wide, &u, &empty)) < 0) return err;
    if (empty) {
        if (sch->primary < 0) return JET_errIndexNotFound;
        *out = &sch->idx[sch->primary];
        return 0;
    }
    *out = tbl_index_named(sch, u);
    free(u);
    return *out ? 0 : JET_errIndexNotFound;
}

/* Writes cbval bytes if the buffer holds them; JET_wrnBufferTruncated (and
 * nothing written) if not, as the documentation says. */
static JET_ERR put_fixed(void *pv, unsigned long cb, const void *val, size_t cbval)
{
    if (!pv || cb < cbval) return JET_wrnBufferTruncated;
    memcpy(pv, val, cbval);
    return 0;
}

/* JET_IdxInfoIndexId: an opaque id; ours is the table's objid, the
 * index's objid and its slot. */
static JET_ERR put_indexid(const struct tbl_schema *sch, const struct tbl_index *ix, void *pv, unsigned long cb)
{
    JET_INDEXID id;
    uint32_t v[3];

    if (!pv || cb < sizeof(id)) return JET_wrnBufferTruncated;
    memset(&id, 0, sizeof(id));
    id.cbStruct = sizeof(id);
    v[0] = sch->tab.objid;
    v[1] = ix->ci.objid;
    v[2] = ix->ci.slot;
    memcpy(id.rgbIndexId, v, sizeof(v) < sizeof(id.rgbIndexId) ? sizeof(v) : sizeof(id.rgbIndexId));
    memcpy(pv, &id, sizeof(id));
    return 0;
}

/* JET_IdxInfoLocaleName: UTF-16, "en-US" when the index has none. */
static JET_ERR put_locale(const struct tbl_index *ix, void *pv, unsigned long cb)
{
    static const uint16_t dflt[] = { 'e', 'n', '-', 'U', 'S', 0 };
    const uint16_t *loc = ix->ci.locale[0] ? ix->ci.locale : dflt;
    size_t n = 0;

    while (loc[n]) n++;
    return put_fixed(pv, cb, loc, (n + 1) * sizeof(uint16_t));
}

/* JET_IdxInfoLCID: an LCID in 4 bytes, a LANGID in 2. */
static JET_ERR put_lcid(const struct tbl_index *ix, void *pv, unsigned long cb)
{
    uint32_t lcid = ix->ci.lcid ? ix->ci.lcid : INFO_LCID_DEFAULT;
    uint16_t langid = (uint16_t)(lcid & 0xFFFF);
    if (pv && cb >= sizeof(lcid)) return put_fixed(pv, cb, &lcid, sizeof(lcid));
    return put_fixed(pv, cb, &langid, sizeof(langid));
}

static JET_ERR index_info(struct tbl_schema *sch, const void *name, int wide, void *pv, unsigned long cb,
                          unsigned long level)
{
    const struct tbl_index *ix;
    JET_ERR err;

    switch (level) {
    case JET_IdxInfoCount: {
        /* ESE counts the clustered index and every secondary index. */
        JET_ULONG_ n = 1 + sch->nidx - (sch->primary >= 0);
        return put_fixed(pv, cb, &n, sizeof(n));
    }
    case JET_IdxInfoSpaceAlloc:
    case JET_IdxInfoLCID:
    case JET_IdxInfoVarSegMac:
    case JET_IdxInfoIndexId:
    case JET_IdxInfoKeyMost:
    case JET_IdxInfoLocaleName:
        break;
    case JET_IdxInfoCreateIndex:
    case JET_IdxInfoCreateIndex2:
    case JET_IdxInfoCreateIndex3:
        break;
    case JET_IdxInfoSpaceOwned:
    case JET_IdxInfoSpaceAvailable:
        FIXME("level %lu: space accounting per index not implemented\n", level);
        return JET_errFeatureNotAvailable;
    case JET_IdxInfoSysTabCursor:
    case JET_IdxInfoOLC:
    case JET_IdxInfoResetOLC:
        return JET_errFeatureNotAvailable; /* obsolete, as ESE answers */
    default:
        return JET_errInvalidParameter;
    }
    if ((err = find_index(sch, name, wide, &ix)) < 0) return err;
    switch (level) {
    case JET_IdxInfoSpaceAlloc: {
        JET_ULONG_ density = ix->ci.density;
        return put_fixed(pv, cb, &density, sizeof(density));
    }
    case JET_IdxInfoLCID:
        return put_lcid(ix, pv, cb);
    case JET_IdxInfoVarSegMac: {
        unsigned short v = (unsigned short)ix->ci.cbvarsegmac;
        return put_fixed(pv, cb, &v, sizeof(v));
    }
    case JET_IdxInfoKeyMost: {
        unsigned short v = (unsigned short)ix->ci.cbkeymost;
        return put_fixed(pv, cb, &v, sizeof(v));
    }
    case JET_IdxInfoIndexId:
        return put_indexid(sch, ix, pv, cb);
    case JET_IdxInfoLocaleName:
        return put_locale(ix, pv, cb);
    case JET_IdxInfoCreateIndex:
    case JET_IdxInfoCreateIndex2:
    case JET_IdxInfoCreateIndex3:
        return idxcreate_fill(sch, ix, wide, level, pv, cb);
    }
    assert(0);
    return JET_errInvalidParameter;
}

/* JET_IdxInfo, JET_IdxInfoList: leaves the session s, then builds the
 * table, of every index or only the named one. */
static JET_ERR index_list(struct jet_session *s, JET_SESID sesid, store_db *db, struct tbl_schema *sch,
                          const void *name, int wide, void *pv, unsigned long cb)
{
    const struct tbl_index *ix = NULL;
    struct stats_tree *stats = NULL;
    char *u;
    int empty;
    JET_ERR err;

    if ((err = object_name(name, wide, &u, &empty)) >= 0 && !empty) {
        if (!(ix = tbl_index_named(sch, u))) err = JET_errIndexNotFound;
        free(u);
    }
    /* cEntry, cKey, cPage (stats.c), counted before leaving the session. */
    if (err >= 0) err = stats_indexes(s->inst->st, db, sch, &stats);
    session_leave(s);
    if (err >= 0) err = infolist_indexes(sesid, sch, ix, stats, wide, pv, cb);
    free(stats);
    return err;
}

static int idxinfo_is_list(unsigned long level)
{
    return level == JET_IdxInfo || level == JET_IdxInfoList;
}

static JET_ERR get_index_info(JET_SESID sesid, JET_DBID dbid, const void *table, const void *index, void *pv,
                              unsigned long cb, unsigned long level, int wide)
{
    struct jet_session *s;
    struct named_table nt;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    if ((err = named_table_load(s, dbid, table, wide, &nt)) >= 0 && idxinfo_is_list(level)) {
        err = index_list(s, sesid, nt.db, &nt.sch, index, wide, pv, cb);
        named_table_free(&nt);
        return err;
    }
    if (err >= 0) {
        err = index_info(&nt.sch, index, wide, pv, cb, level);
        named_table_free(&nt);
    }
    session_leave(s);
    return err;
}

JET_ERR JET_API JetGetIndexInfoA(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName, JET_PCSTR szIndexName,
                                 void *pvResult, JET_ULONG_ cbResult, JET_ULONG_ InfoLevel)
{
    JET_ERR err;
    TRACE("(%p, %lu, %s, %s, %p, %lu, %lu)\n", (void *)sesid, (unsigned long)dbid, dbgstr_a(szTableName),
          dbgstr_a(szIndexName), pvResult, (unsigned long)cbResult, (unsigned long)InfoLevel);
    err = get_index_info(sesid, dbid, szTableName, szIndexName, pvResult, cbResult, InfoLevel, 0);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetIndexInfoW(JET_SESID sesid, JET_DBID dbid, JET_PCWSTR szTableName, JET_PCWSTR szIndexName,
                                 void *pvResult, JET_ULONG_ cbResult, JET_ULONG_ InfoLevel)
{
    JET_ERR err;
    TRACE("(%p, %lu, %s, %s, %p, %lu, %lu)\n", (void *)sesid, (unsigned long)dbid, dbgstr_w(szTableName),
          dbgstr_w(szIndexName), pvResult, (unsigned long)cbResult, (unsigned long)InfoLevel);
    err = get_index_info(sesid, dbid, szTableName, szIndexName, pvResult, cbResult, InfoLevel, 1);
    TRACE("-> %ld\n", (long)err);
    return err;
}

static JET_ERR get_table_index_info(JET_SESID sesid, JET_TABLEID tableid, const void *index, void *pv,
                                    unsigned long cb, unsigned long level, int wide)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    if ((err = table_enter(sesid, tableid, &s, &t))) return err;
    if (idxinfo_is_list(level)) return index_list(s, sesid, t->sdb, &t->sch, index, wide, pv, cb);
    err = index_info(&t->sch, index, wide, pv, cb, level);
    session_leave(s);
    return err;
}

JET_ERR JET_API JetGetTableIndexInfoA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName,
                                      void *pvResult, JET_ULONG_ cbResult, JET_ULONG_ InfoLevel)
{
    JET_ERR err;
    TRACE("(%p, %p, %s, %p, %lu, %lu)\n", (void *)sesid, (void *)tableid, dbgstr_a(szIndexName), pvResult,
          (unsigned long)cbResult, (unsigned long)InfoLevel);
    err = get_table_index_info(sesid, tableid, szIndexName, pvResult, cbResult, InfoLevel, 0);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetTableIndexInfoW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szIndexName,
                                      void *pvResult, JET_ULONG_ cbResult, JET_ULONG_ InfoLevel)
{
    JET_ERR err;
    TRACE("(%p, %p, %s, %p, %lu, %lu)\n", (void *)sesid, (void *)tableid, dbgstr_w(szIndexName), pvResult,
          (unsigned long)cbResult, (unsigned long)InfoLevel);
    err = get_table_index_info(sesid, tableid, szIndexName, pvResult, cbResult, InfoLevel, 1);
    TRACE("-> %ld\n", (long)err);
    return err;
}
