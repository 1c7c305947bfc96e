/*
 * dbinfo.c - information about an open database: JetGetDatabaseInfo and
 * JetGetObjectInfo (A and W).
 *
 * JetGetDatabaseInfo answers from the attached database: its path, its
 * header (read through the pager under the store's shared latch: the
 * size (file pages, dbsize.c), free pages (the free list and the free
 * tail), signature, state, creation time) and ESE's fixed
 * answers for what this engine does not vary (country 1, LCID 0x409, code
 * page 1252, 7 transaction levels, version 0x620).  Fixed-size levels give
 * JET_errInvalidBufferSize for a short buffer, the file name
 * JET_errBufferTooSmall.
 *
 * JetGetObjectInfo describes tables only (as ESE): JET_ObjInfo(NoStats,
 * Max) one table as a JET_OBJECTINFO, the list levels every table of the
 * database in a temporary table (infolist.c), read through the session's
 * transaction.  ESE's system tables (systable.c: MSysObjects and the
 * others a fresh ESENT database has) are tables of every database here
 * too, with their JET_bitObjectSystem flags.  Statistics (record and page
 * counts) are counted from the table's clustered tree (stats.c; a system
 * table's from the catalog, systable_stats), except at the NoStats levels
 * (zero).  A container name other than ESE's only one, "Tables", is
 * JET_errObjectNotFound.
 */
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "infolist.h"
#include "page.h"
#include "systable.h"
#include "utf.h"

DEFAULT_DEBUG_CHANNEL(esent);

/* ---- JetGetDatabaseInfo ---------------------------------------------------------- */

struct db_header {
    uint32_t page_size, pages, owned, free_pages, state;
    uint8_t signature[16];
    uint64_t create_time;
};

static void read_header(struct jet_instance *inst, store_db *sdb, struct db_header *h)
{
    pager *p = store_db_pager(sdb);
    const uint8_t *d;

    store_read_begin(inst->st);
    d = pager_data(pager_header(p));
    h->page_size = store_db_page_size(sdb);
    h->pages = pager_page_count(p);
    h->owned = pager_owned_pages(p);
    /* The free list and the free tail past the page count (docs/format.md). */
    h->free_pages = get_u32(d + DBH_OFF_FREE_COUNT) + (h->owned - h->pages);
    h->state = get_u32(d + DBH_OFF_DB_STATE);
    memcpy(h->signature, d + DBH_OFF_SIGNATURE, 16);
    h->create_time = get_u64(d + DBH_OFF_CREATE_TIME);
    store_read_end(inst->st);
}

static JET_ERR put_ulong(void *pv, unsigned long cb, uint32_t v)
{
    JET_ULONG_ x = v;
    if (!pv || cb < sizeof(x)) return JET_errInvalidBufferSize;
    memcpy(pv, &x, sizeof(x));
    return 0;
}

/* The file name, in the caller's character set. */
static JET_ERR put_filename(const char *path, int wide, void *pv, unsigned long cb)
{
    size_t n = utf8_to_utf16(path, (size_t)-1, NULL, 0);
    uint16_t *w;
    JET_ERR err;

    if (!pv) return JET_errBufferTooSmall;
    if (!(w = malloc((n + 1) * sizeof(*w)))) return JET_errOutOfMemory;
    utf8_to_utf16(path, (size_t)-1, w, n + 1);
    if (!wide) {
        err = str_w_to_a_buf(w, pv, cb);
    } else if (n * sizeof(*w) > cb) {
        err = JET_errBufferTooSmall;
    } else {
        memcpy(pv, w, n * sizeof(*w));
        err = 0;
    }
    free(w);
    return err;
}

static JET_ERR put_misc(const struct db_header *h, void *pv, unsigned long cb)
{
    JET_DBINFOMISC *m = pv;
    if (!pv || cb < sizeof(JET_DBINFOMISC)) return JET_errInvalidBufferSize;
    memset(pv, 0, cb < sizeof(JET_DBINFOMISC7) ? cb : sizeof(JET_DBINFOMISC7));
    m->ulVersion = 0x620;
    m->ulUpdate = 0x14;
    memcpy(&m->signDb.ulRandom, h->signature, sizeof(m->signDb.ulRandom));
    database_logtime(h->create_time, &m->signDb.logtimeCreate);
    m->dbstate = h->state;
    m->dwMajorVersion = 6;
    m->dwMinorVersion = 1;
    m->dwBuildNumber = 7601;
    m->lSPNumber = 1;
    m->cbPageSize = h->page_size;
    return 0;
}

static JET_ERR database_info(struct jet_session *s, struct jet_database *db, int wide, void *pv, unsigned long cb,
                             unsigned long level)
{
    struct db_header h;

    read_header(s->inst, db->sdb, &h);
    switch (level) {
    case JET_DbInfoFilename:
        return put_filename(db->path, wide, pv, cb);
    case JET_DbInfoConnect:
        return put_filename("", wide, pv, cb);
    case JET_DbInfoCountry:
        return put_ulong(pv, cb, 1);
    case JET_DbInfoLCID:
        return put_ulong(pv, cb, 0x409);
    case JET_DbInfoCp:
        return put_ulong(pv, cb, 1252);
    case JET_DbInfoCollate:
        return put_ulong(pv, cb, 0);
    case JET_DbInfoOptions:
        return put_ulong(pv, cb, db->exclusive == s ? JET_bitDbExclusive : 0);
    case JET_DbInfoTransactions:
        return put_ulong(pv, cb, 7);
    case JET_DbInfoVersion:
        return put_ulong(pv, cb, 0x620);
    case JET_DbInfoFilesize:
    case JET_DbInfoSpaceOwned:
        return put_ulong(pv, cb, h.owned);
    case JET_DbInfoSpaceAvailable:
        return put_ulong(pv, cb, h.free_pages);
    case JET_DbInfoMisc:
        return put_misc(&h, pv, cb);
    case JET_DbInfoDBInUse:
        return put_ulong(pv, cb, 1);
    case JET_DbInfoPageSize:
        return put_ulong(pv, cb, h.page_size);
    case JET_DbInfoFileType:
        return put_ulong(pv, cb, db->temp ? JET_filetypeTempDatabase : JET_filetypeDatabase);
    case JET_DbInfoFilesizeOnDisk: {
        uint64_t bytes = (uint64_t)h.owned * h.page_size;
        if (!pv || cb < sizeof(bytes)) return JET_errInvalidBufferSize;
        memcpy(pv, &bytes, sizeof(bytes));
        return 0;
    }
    case JET_DbInfoIsam:
    case JET_DbInfoUpgrade:
        return JET_errFeatureNotAvailable;
    default:
        return JET_errInvalidParameter;
    }
}

static JET_ERR get_database_info(JET_SESID sesid, JET_DBID dbid, void *pv, unsigned long cb, unsigned long level,
                                 int wide)
{
    struct jet_session *s;
    struct jet_database *db;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    if (!(db = table_db(s, dbid))) err = JET_errInvalidParameter;
    else err = database_info(s, db, wide, pv, cb, level);
    session_leave(s);
    return err;
}

JET_ERR JET_API JetGetDatabaseInfoA(JET_SESID sesid, JET_DBID dbid, void *pvResult, JET_ULONG_ cbMax,
                                    JET_ULONG_ InfoLevel)
{
    JET_ERR err;
    TRACE("(%p, %lu, %p, %lu, %lu)\n", (void *)sesid, (unsigned long)dbid, pvResult, (unsigned long)cbMax,
          (unsigned long)InfoLevel);
    err = get_database_info(sesid, dbid, pvResult, cbMax, InfoLevel, 0);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetDatabaseInfoW(JET_SESID sesid, JET_DBID dbid, void *pvResult, JET_ULONG_ cbMax,
                                    JET_ULONG_ InfoLevel)
{
    JET_ERR err;
    TRACE("(%p, %lu, %p, %lu, %lu)\n", (void *)sesid, (unsigned long)dbid, pvResult, (unsigned long)cbMax,
          (unsigned long)InfoLevel);
    err = get_database_info(sesid, dbid, pvResult, cbMax, InfoLevel, 1);
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- JetGetObjectInfo ------------------------------------------------------------------ */

static void object_of(const struct cat_table *tab, int readonly, struct infolist_object *o)
{
    memset(o, 0, sizeof(*o));
    memcpy(o->name, tab->name, sizeof(o->name));
    o->grbit = JET_bitTableInfoBookmark | JET_bitTableInfoRollback;
    if (!readonly) o->grbit |= JET_bitTableInfoUpdatable;
    if (tab->flags & JET_bitTableCreateFixedDDL) o->flags |= JET_bitObjectTableFixedDDL;
    if (tab->flags & JET_bitTableCreateTemplateTable) o->flags |= JET_bitObjectTableTemplate;
    else if (tab->flags & CAT_TABLE_DERIVED) o->flags |= JET_bitObjectTableDerived;
}

/* A system table's row: updatable as the database (ESE's catalog cursor). */
static void system_object(const struct systable *st, int readonly, struct infolist_object *o)
{
    memset(o, 0, sizeof(*o));
    strcpy(o->name, st->name);
    o->grbit = JET_bitTableInfoBookmark | JET_bitTableInfoRollback;
    if (!readonly) o->grbit |= JET_bitTableInfoUpdatable;
    o->flags = st->flags;
}

/* The caller's name (ANSI or UTF-16) as UTF-8; NULL with *err set. */
static char *utf8_name(const void *name, int wide, JET_ERR *err)
{
    wchar16 *w;
    char *u;
    if (!name) {
        *err = JET_errInvalidParameter;
        return NULL;
    }
    if (wide) return str_w_to_utf8(name, err);
    if (!(w = str_a_to_w(name, err))) return NULL;
    u = str_w_to_utf8(w, err);
    free(w);
    return u;
}

/* JET_ObjInfo, NoStats, Max: one table. */
/* cRecord and cPage of a table: its clustered tree's (stats.c). */
static JET_ERR object_stats(struct jet_session *s, struct jet_database *db, const struct cat_table *tab,
                            struct infolist_object *o)
{
    struct stats_tree st;
    JET_ERR err = stats_tree(s->inst->st, db->sdb, tab->data_root, 0, &st);
    o->records = st.entries;
    o->pages = st.pages;
    return err;
}

static JET_ERR object_info(struct jet_session *s, store_txn *txn, struct jet_database *db, const void *name,
                           int wide, int stats, void *pv, unsigned long cb)
{
    const struct systable *st;
    struct infolist_object o;
    struct cat_table tab;
    JET_OBJECTINFO *oi = pv;
    char *u;
    JET_ERR err;

    if (!pv || cb < sizeof(JET_OBJECTINFO)) return JET_errBufferTooSmall;
    if (!(u = utf8_name(name, wide, &err))) return err;
    if ((st = systable_find(u))) {
        free(u);
        system_object(st, db->readonly, &o);
        if (stats && (err = systable_stats(s, txn, db, st, &o.records, &o.pages)) < 0) return err;
    } else {
        err = cat_table_lookup(txn, db->sdb, u, &tab);
        free(u);
        if (err < 0) return err;
        object_of(&tab, db->readonly, &o);
        if (stats && (err = object_stats(s, db, &tab, &o)) < 0) return err;
    }
    memset(oi, 0, sizeof(*oi));
    oi->cbStruct = sizeof(*oi);
    oi->objtyp = JET_objtypTable;
    oi->grbit = o.grbit;
    oi->flags = o.flags;
    oi->cRecord = o.records;
    oi->cPage = o.pages;
    return 0;
}

/* The list levels: the tables are read here, the session left, then the
 * list built. */
static JET_ERR object_list(struct jet_session *s, JET_SESID sesid, store_txn *txn, struct jet_database *db,
                           int wide, int stats, void *pv, unsigned long cb)
{
    struct infolist_object *objs = NULL;
    struct cat_table *tabs = NULL;
    uint32_t n = 0, i, nsys, m = 0;
    const struct systable *sys = systable_all(&nsys);
    JET_ERR err;

    err = cat_tables_list(txn, db->sdb, &tabs, &n);
    if (err >= 0 && !(objs = calloc(n + nsys, sizeof(*objs)))) err = JET_errOutOfMemory;
    for (i = 0; err >= 0 && i < nsys; i++, m++) {
        system_object(&sys[i], db->readonly, &objs[m]);
        if (stats) err = systable_stats(s, txn, db, &sys[i], &objs[m].records, &objs[m].pages);
    }
    for (i = 0; err >= 0 && i < n; i++) {
        if (systable_find(tabs[i].name)) continue; /* made before the names were reserved */
        object_of(&tabs[i], db->readonly, &objs[m]);
        if (stats) err = object_stats(s, db, &tabs[i], &objs[m]);
        m++;
    }
    free(tabs);
    session_leave(s);
    if (err >= 0) err = infolist_objects(sesid, objs, m, wide, pv, cb);
    free(objs);
    return err;
}

/* ESE knows one container, "Tables" (any case); no name is all of them. */
static JET_ERR check_container(const void *container, int wide)
{
    char checked[CAT_NAME_MAX + 1], *u;
    JET_ERR err;

    if (!container || (wide ? !*(const wchar16 *)container : !*(const char *)container)) return 0;
    if (!(u = utf8_name(container, wide, &err))) return err;
    if ((err = cat_name_check(u, checked)) >= 0 && cat_name_compare(checked, "Tables")) err = JET_errObjectNotFound;
    free(u);
    return err;
}

static JET_ERR get_object_info(JET_SESID sesid, JET_DBID dbid, JET_OBJTYP objtyp, const void *container,
                               const void *name, void *pv, unsigned long cb, unsigned long level, int wide)
{
    struct jet_session *s;
    struct jet_database *db;
    store_txn *txn, *tmp = NULL;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    if (!(db = table_db(s, dbid))) err = JET_errInvalidDatabaseId;
    else if (objtyp != JET_objtypNil && objtyp != JET_objtypTable) err = JET_errInvalidParameter;
    else if (level != JET_ObjInfo && level != JET_ObjInfoNoStats && level != JET_ObjInfoMax &&
             level != JET_ObjInfoList && level != JET_ObjInfoListNoStats)
        err = level <= JET_ObjInfoMax ? JET_errFeatureNotAvailable : JET_errInvalidParameter;
    if (err < 0 || (err = check_container(container, wide)) < 0) goto out;
    if (!(txn = s->txn)) {
        if ((err = store_txn_begin(s->inst->st, &tmp)) < 0) goto out;
        txn = tmp;
    }
    if (level == JET_ObjInfoList || level == JET_ObjInfoListNoStats) {
        err = object_list(s, sesid, txn, db, wide, level == JET_ObjInfoList, pv, cb);
        if (tmp) store_txn_abort(tmp);
        return err;
    }
    err = object_info(s, txn, db, name, wide, level != JET_ObjInfoNoStats, pv, cb);
    if (tmp) store_txn_abort(tmp);
out:
    session_leave(s);
    return err;
}

JET_ERR JET_API JetGetObjectInfoA(JET_SESID sesid, JET_DBID dbid, JET_OBJTYP objtyp, JET_PCSTR szContainerName,
                                  JET_PCSTR szObjectName, void *pvResult, JET_ULONG_ cbMax, JET_ULONG_ InfoLevel)
{
    JET_ERR err;
    TRACE("(%p, %lu, %lu, %s, %s, %p, %lu, %lu)\n", (void *)sesid, (unsigned long)dbid, (unsigned long)objtyp,
          dbgstr_a(szContainerName), dbgstr_a(szObjectName), pvResult, (unsigned long)cbMax,
          (unsigned long)InfoLevel);
    err = get_object_info(sesid, dbid, objtyp, szContainerName, szObjectName, pvResult, cbMax, InfoLevel, 0);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetObjectInfoW(JET_SESID sesid, JET_DBID dbid, JET_OBJTYP objtyp, JET_PCWSTR szContainerName,
                                  JET_PCWSTR szObjectName, void *pvResult, JET_ULONG_ cbMax, JET_ULONG_ InfoLevel)
{
    JET_ERR err;
    TRACE("(%p, %lu, %lu, %s, %s, %p, %lu, %lu)\n", (void *)sesid, (unsigned long)dbid, (unsigned long)objtyp,
          dbgstr_w(szContainerName), dbgstr_w(szObjectName), pvResult, (unsigned long)cbMax,
          (unsigned long)InfoLevel);
    err = get_object_info(sesid, dbid, objtyp, szContainerName, szObjectName, pvResult, cbMax, InfoLevel, 1);
    TRACE("-> %ld\n", (long)err);
    return err;
}
