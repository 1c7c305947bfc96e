/*
 * temptable.c - the temporary database and temporary tables:
 * JetOpenTempTable(2,3), JetOpenTemporaryTable(2), and what the other table
 * files call for cursors on temporary tables (jet_table.h, "temptable.c").
 *
 * The temporary database.  Each instance creates it on first need as
 * `tmp.edb` in JET_paramTempPath (a path ending in a separator is a folder;
 * anything else names the file), attached to the store with STORE_DB_NOLOG:
 * never logged, never recovered, overwritten if it exists.  It takes one of
 * the instance's database slots (struct jet_database.temp set), which no
 * JET_DBID ever names: JetOpenDatabase, JetDetachDatabase, the count of
 * six user databases and JetGetInstanceInfo skip it (database.c,
 * instance.c).  JetTerm detaches it and deletes the file.
 *
 * Temporary tables are ordinary tables of the temporary database (catalog
 * entries, a clustered tree, an LV tree), so a cursor on one is a normal
 * jet_table cursor and every navigation, update and retrieval call works on
 * it.  They are always "materialized" (ESE's B+tree strategy):
 *  - the JET_bitColumnTTKey columns, in the order given (at most 16; more
 *    are ignored, as documented), make the clustered index, each descending
 *    with JET_bitColumnTTDescending; no key columns: a sequential table in
 *    insertion order;
 *  - duplicates of the key are dropped silently (JetUpdate succeeds and
 *    inserts nothing: the first record inserted stays), except that
 *    JET_bitTTErrorOnDuplicateInsertion makes them JET_errKeyDuplicate, and
 *    JET_bitTTForwardOnly without JET_bitTTUnique keeps them: then the
 *    table is sequential and the key columns make a non-unique secondary
 *    index, which the cursor uses (duplicates in insertion order);
 *  - JET_bitTTSortNullsHigh and JET_bitTTDotNetGuid become the index's
 *    JET_bitIndexSortNullsHigh and JET_bitIndexDotNetGuid; the LCID or
 *    JET_UNICODEINDEX(2), cbKeyMost and cbVarSegMac are the index's (a
 *    JET_UNICODEINDEX's dwMapFlags as given: zero is a sort that tells
 *    case apart, not the ignore-case default of JetCreateIndex*).
 * Only JET_bitColumnFixed and JET_bitColumnTagged of a column definition
 * count; other column bits and default values are ignored, as documented.
 *
 * Temporary tables are not transactional: their catalog entries are written
 * and committed by a store transaction of their own, and table_txn() is
 * NULL for their cursors, so every update and delete runs in an implicit
 * transaction committed at once (update.c's level-0 path), whatever the
 * session's level.  A temporary table is deleted (catalog and trees) when
 * its last cursor closes: JetCloseTable, JetEndSession, JetTerm, or the
 * rollback of the transaction level it was opened in (table_close calls
 * temp_table_dropped).
 *
 * JET_paramMaxTemporaryTables limits the temporary tables of an instance
 * that exist at once (those the information calls return count too, as
 * they are temporary tables in ESE as well): opening one more is
 * JET_errTooManySorts, and 0 allows none.  inst->ntemp counts them, taken
 * before a table is made and given back when it is dropped.
 *
 * Forward-only tables (JET_bitTTForwardOnly) keep ESE's sort rules: they
 * refuse anything a sort cannot do (JET_bitTTIndexed, Updatable,
 * Scrollable or ForceMaterialization: JET_errCannotMaterializeForwardOnlySort),
 * and their cursors (temp_check) insert only until the first move or seek,
 * then only move forward (JetMove backwards or to the last record, JetSeek,
 * replace, delete and late inserts are JET_errInvalidOperation).
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "jet_table.h"

DEFAULT_DEBUG_CHANNEL(esent);

#define TT_GRBITS                                                                                \
    (JET_bitTTIndexed | JET_bitTTUnique | JET_bitTTUpdatable | JET_bitTTScrollable |            \
     JET_bitTTSortNullsHigh | JET_bitTTForceMaterialization | JET_bitTTForwardOnly |            \
     JET_bitTTIntrinsicLVsOnly | JET_bitTTDotNetGuid)
#define TT_NOT_FORWARD (JET_bitTTIndexed | JET_bitTTUpdatable | JET_bitTTScrollable | JET_bitTTForceMaterialization)
#define TEMP_FILE_NAME "tmp.edb"

static uint32_t temp_seq; /* names of temporary tables, process-wide */

/* ---- the temporary database ------------------------------------------------- */

#ifdef _WIN32
#define IS_WIN32 1
#else
#define IS_WIN32 0
#endif

/* The file of the temporary database: JET_paramTempPath, a folder when it
 * ends in a separator (or is empty). */
char *temp_path(struct jet_instance *inst, JET_ERR *err)
{
    char *p, *full, *joined;
    size_t n;

    if (!(p = str_w_to_utf8(params_str(inst->params, JET_paramTempPath), err))) {
        if (!*err) *err = JET_errOutOfMemory;
        return NULL;
    }
    n = strlen(p);
    if (!n || p[n - 1] == '\\' || p[n - 1] == '/') {
        /* A folder.  Natively "temp\\" names the folder "temp\\" (see
         * param_folder in instance.c): the file goes inside it. */
        int slash = !IS_WIN32 && n && p[n - 1] == '\\';
        if (!(joined = malloc(n + slash + sizeof(TEMP_FILE_NAME)))) {
            free(p);
            *err = JET_errOutOfMemory;
            return NULL;
        }
        memcpy(joined, p, n);
        if (slash) joined[n++] = '/';
        memcpy(joined + n, TEMP_FILE_NAME, sizeof(TEMP_FILE_NAME));
        free(p);
        p = joined;
    }
    full = os_path_full(p);
    free(p);
    if (!full) *err = JET_errInvalidPath;
    return full;
}

/* The slot of the temporary database; instance lock held. */
static int temp_slot_locked(struct jet_instance *inst)
{
    int i;
    for (i = 0; i < STORE_MAX_DBS; i++)
        if (inst->dbs[i].sdb && inst->dbs[i].temp) return i;
    return -1;
}

/* The temporary database's slot, created on first need. */
static JET_ERR temp_database(struct jet_instance *inst, int *slot)
{
    store_db *sdb;
    char *path;
    JET_ERR err = 0;

    os_mutex_lock(inst->lock);
    if ((*slot = temp_slot_locked(inst)) >= 0) goto out;
    if (!(path = temp_path(inst, &err))) goto out;
    if ((err = instance_make_folders(inst, path, 0)) < 0) {
        free(path);
        goto out;
    }
    err = store_db_attach(inst->st, path, STORE_DB_CREATE | STORE_DB_OVERWRITE | STORE_DB_NOLOG, &sdb);
    if (err < 0) {
        WARN("temporary database %s: %ld\n", dbgstr_a(path), (long)err);
        free(path);
        goto out;
    }
    *slot = store_db_slot(sdb);
    memset(&inst->dbs[*slot], 0, sizeof(inst->dbs[*slot]));
    inst->dbs[*slot].sdb = sdb;
    inst->dbs[*slot].path = path;
    inst->dbs[*slot].temp = 1;
    TRACE("temporary database %s in slot %d\n", dbgstr_a(path), *slot);
out:
    os_mutex_unlock(inst->lock);
    return err;
}

/* Takes one of the instance's JET_paramMaxTemporaryTables. */
static JET_ERR temp_count_take(struct jet_instance *inst)
{
    JET_ERR err = 0;

    os_mutex_lock(inst->lock);
    if (inst->ntemp >= (unsigned long)params_num(inst->params, JET_paramMaxTemporaryTables))
        err = JET_errTooManySorts;
    else
        inst->ntemp++;
    os_mutex_unlock(inst->lock);
    return err;
}

static void temp_count_give(struct jet_instance *inst)
{
    os_mutex_lock(inst->lock);
    assert(inst->ntemp > 0);
    inst->ntemp--;
    os_mutex_unlock(inst->lock);
}

void temp_database_drop(struct jet_instance *inst)
{
    struct jet_database *db;
    int slot, err;

    os_mutex_lock(inst->lock);
    slot = temp_slot_locked(inst);
    inst->ntemp = 0; /* every temporary table goes with the database */
    os_mutex_unlock(inst->lock);
    if (slot < 0) return;
    db = &inst->dbs[slot];
    if ((err = store_db_detach(inst->st, db->sdb)) < 0) WARN("detaching the temporary database: %d\n", err);
    if ((err = os_path_remove(os_vfs_default(), db->path)) < 0)
        WARN("removing %s: %d\n", dbgstr_a(db->path), err);
    free(db->path);
    memset(db, 0, sizeof(*db));
}

/* ---- creating a temporary table ---------------------------------------------- */

static JET_ERR check_spec(const struct temp_spec *sp)
{
    if (sp->grbit & ~(JET_GRBIT)TT_GRBITS) return JET_errInvalidGrbit;
    if ((sp->grbit & JET_bitTTForwardOnly) && (sp->grbit & TT_NOT_FORWARD))
        return JET_errCannotMaterializeForwardOnlySort;
    if (sp->ncols && !sp->cols) return JET_errInvalidParameter;
    if (sp->ncols > CAT_TAGGED_LAST) return JET_errTooManyColumns;
    if (sp->lcid >> 20) return JET_errInvalidLanguageId;
    return 0;
}

/* Whether the table keeps duplicate keys (a sequential table with a
 * secondary index over the key). */
static int keeps_duplicates(JET_GRBIT grbit)
{
    return (grbit & JET_bitTTForwardOnly) && !(grbit & JET_bitTTUnique);
}

/* Adds the columns; ids[i] gets column i's id, names[i] its name. */
static JET_ERR add_columns(store_txn *txn, store_db *db, uint32_t objid, const struct temp_spec *sp,
                           char (*names)[16], JET_COLUMNID *ids)
{
    struct cat_column_def def;
    struct cat_column out;
    uint32_t i;
    JET_ERR err;

    for (i = 0; i < sp->ncols; i++) {
        const JET_COLUMNDEF *c = &sp->cols[i];
        memset(&def, 0, sizeof(def));
        if (sp->names) snprintf(names[i], sizeof(names[i]), "%s", sp->names[i]);
        else snprintf(names[i], sizeof(names[i]), "c%u", i);
        def.name = names[i];
        def.coltyp = c->coltyp;
        def.cbmax = c->cbMax;
        def.grbit = c->grbit & (JET_bitColumnFixed | JET_bitColumnTagged);
        def.cp = c->cp;
        if ((err = cat_column_add(txn, db, objid, &def, &out)) < 0) return err;
        ids[i] = out.columnid;
    }
    return 0;
}

/* The key description of the TTKey columns ("+c0\0-c2\0\0"); *nkey gets
 * their number (0: none). */
static uint32_t key_desc(const struct temp_spec *sp, char (*names)[16], char *buf, uint32_t *nkey)
{
    uint32_t i, len = 0;

    *nkey = 0;
    for (i = 0; i < sp->ncols && *nkey < CAT_KEY_SEGMENTS; i++) {
        const JET_COLUMNDEF *c = &sp->cols[i];
        size_t n = strlen(names[i]);
        if (!(c->grbit & JET_bitColumnTTKey)) continue;
        buf[len++] = (c->grbit & JET_bitColumnTTDescending) ? '-' : '+';
        memcpy(buf + len, names[i], n + 1);
        len += (uint32_t)n + 1;
        (*nkey)++;
    }
    buf[len++] = 0;
    return len;
}

/* Creates the key's index: the clustered one, or a secondary one when the
 * table keeps duplicates (*root gets its tree). */
static JET_ERR add_index(store *st, store_txn *txn, store_db *db, uint32_t objid, const struct temp_spec *sp,
                         const char *key, uint32_t cbkey, uint32_t *root)
{
    struct cat_index_def def;
    struct cat_index out;
    JET_ERR err;

    memset(&def, 0, sizeof(def));
    def.name = "TTKey";
    def.key = key;
    def.cbkey = cbkey;
    def.grbit = keeps_duplicates(sp->grbit) ? 0 : JET_bitIndexPrimary | JET_bitIndexUnique;
    if (sp->grbit & JET_bitTTSortNullsHigh) def.grbit |= JET_bitIndexSortNullsHigh;
    if (sp->grbit & JET_bitTTDotNetGuid) def.grbit |= JET_bitIndexDotNetGuid;
    if (sp->cbkeymost && sp->cbkeymost != JET_cbKeyMostMin) {
        def.grbit |= JET_bitIndexKeyMost;
        def.cbkeymost = sp->cbkeymost;
    }
    if (sp->cbvarsegmac && sp->cbvarsegmac != sp->cbkeymost) def.cbvarsegmac = sp->cbvarsegmac;
    def.lcid = sp->lcid;
    def.locale = sp->locale;
    def.map_flags = sp->map_flags;
    def.density = 100;
    if ((err = cat_index_create(st, txn, db, objid, &def, &out)) < 0) return err;
    if (!(def.grbit & JET_bitIndexPrimary)) *root = out.root;
    return 0;
}

/* Creates the table in the temporary database, committed; *objid gets it. */
static JET_ERR create_temp(struct jet_instance *inst, store_db *db, const struct temp_spec *sp,
                           JET_COLUMNID *ids, uint32_t *objid)
{
    char name[CAT_NAME_MAX + 1], (*names)[16] = NULL, *key = NULL;
    struct cat_table tab;
    store_txn *txn = NULL;
    uint32_t roots[3] = { 0, 0, 0 }, cbkey, nkey, i;
    JET_ERR err;

    memset(&tab, 0, sizeof(tab));
    if ((sp->ncols && !(names = calloc(sp->ncols, sizeof(*names)))) ||
        !(key = malloc((size_t)sp->ncols * 17 + 1))) {
        err = JET_errOutOfMemory;
        goto out;
    }
    snprintf(name, sizeof(name), "TT%08x", (unsigned)__atomic_add_fetch(&temp_seq, 1, __ATOMIC_RELAXED));
    if ((err = store_txn_begin(inst->st, &txn)) < 0) goto out;
    if ((err = cat_table_create(inst->st, txn, db, name, 0, 100, 0, NULL, &tab)) < 0) goto out;
    roots[0] = tab.data_root;
    roots[1] = tab.lv_root;
    if ((err = add_columns(txn, db, tab.objid, sp, names, ids)) < 0) goto out;
    cbkey = key_desc(sp, names, key, &nkey);
    if (nkey && (err = add_index(inst->st, txn, db, tab.objid, sp, key, cbkey, &roots[2])) < 0) goto out;
    err = store_txn_commit(txn, STORE_COMMIT_LAZY);
    txn = NULL;
    if (err >= 0) *objid = tab.objid;
out:
    if (txn) store_txn_abort(txn);
    if (err < 0)
        for (i = 0; i < 3; i++)
            if (roots[i]) store_tree_drop(inst->st, db, roots[i]);
    free(names);
    free(key);
    return err < 0 ? err : 0;
}

/* Drops the table objid of the temporary database (no cursor left). */
static void drop_temp(struct jet_instance *inst, store_db *db, uint32_t objid)
{
    struct cat_roots drop = { 0, NULL };
    struct cat_table tab;
    store_txn *txn;
    uint32_t i;
    JET_ERR err;

    if ((err = store_txn_begin(inst->st, &txn)) < 0) goto fail;
    err = cat_table_get(txn, db, objid, &tab);
    if (err >= 0) err = cat_table_delete(txn, db, tab.name, &drop);
    if (err < 0) store_txn_abort(txn);
    else err = store_txn_commit(txn, STORE_COMMIT_LAZY);
    if (err < 0) goto fail;
    for (i = 0; i < drop.n; i++)
        if ((err = store_tree_drop(inst->st, db, drop.roots[i])) < 0) WARN("dropping tree %u: %ld\n", drop.roots[i], (long)err);
    cat_roots_free(&drop);
    return;
fail:
    cat_roots_free(&drop);
    WARN("temporary table %u left in the temporary database: %ld\n", objid, (long)err);
}

JET_ERR temp_open(struct jet_session *s, const struct temp_spec *sp, struct jet_table **out)
{
    JET_COLUMNID *ids = NULL;
    struct jet_table *t;
    uint32_t objid = 0;
    int slot, dropped_by_close = 0;
    JET_ERR err;

    *out = NULL;
    if ((err = check_spec(sp)) < 0) return err;
    if ((err = temp_count_take(s->inst)) < 0) return err;
    if ((err = temp_database(s->inst, &slot)) < 0) goto out;
    if (sp->ncols && !(ids = calloc(sp->ncols, sizeof(*ids)))) {
        err = JET_errOutOfMemory;
        goto out;
    }
    if ((err = create_temp(s->inst, s->inst->dbs[slot].sdb, sp, ids, &objid)) < 0) goto out;
    if ((err = table_open_cursor(s, slot, objid, 0, &t)) < 0) {
        drop_temp(s->inst, s->inst->dbs[slot].sdb, objid);
        goto out;
    }
    t->temp_flags = sp->grbit | TEMP_TABLE;
    if (keeps_duplicates(sp->grbit) && t->sch.nidx) {
        t->temp_flags |= TEMP_DUPLICATES;
        if ((err = cursor_set_index(t, 0)) < 0) {
            table_close(t); /* the last cursor: drops the table */
            dropped_by_close = 1;
            goto out;
        }
    }
    if (sp->ids) memcpy(sp->ids, ids, sp->ncols * sizeof(*ids));
    *out = t;
out:
    /* A table that was dropped again (table_close above) gave its count
     * back already. */
    if (err < 0 && !dropped_by_close) temp_count_give(s->inst);
    free(ids);
    return err;
}

/* A table of full definitions (columns, then indexes, the primary one
 * first; its DDL fixed) in the temporary database, committed; *objid gets
 * it.  A failure drops the trees made. */
static JET_ERR create_defined(struct jet_instance *inst, store_db *db, const struct cat_column_def *cols,
                              uint32_t ncols, const struct cat_index_def *idx, uint32_t nidx, JET_COLUMNID *ids,
                              uint32_t *objid)
{
    char name[CAT_NAME_MAX + 1];
    uint32_t roots[2 + CAT_KEY_SEGMENTS], nroots = 0, i;
    struct cat_table tab;
    struct cat_column col;
    struct cat_index out;
    store_txn *txn = NULL;
    JET_ERR err;

    assert(nidx <= CAT_KEY_SEGMENTS);
    snprintf(name, sizeof(name), "TT%08x", (unsigned)__atomic_add_fetch(&temp_seq, 1, __ATOMIC_RELAXED));
    if ((err = store_txn_begin(inst->st, &txn)) < 0) return err;
    if ((err = cat_table_create(inst->st, txn, db, name, 0, 100, JET_bitTableCreateFixedDDL, NULL, &tab)) < 0)
        goto out;
    roots[nroots++] = tab.data_root;
    roots[nroots++] = tab.lv_root;
    for (i = 0; i < ncols && err >= 0; i++)
        if ((err = cat_column_add(txn, db, tab.objid, &cols[i], &col)) >= 0) ids[i] = col.columnid;
    for (i = 0; i < nidx && err >= 0; i++)
        if ((err = cat_index_create(inst->st, txn, db, tab.objid, &idx[i], &out)) >= 0 &&
            !(idx[i].grbit & JET_bitIndexPrimary))
            roots[nroots++] = out.root;
    if (err < 0) goto out;
    err = store_txn_commit(txn, STORE_COMMIT_LAZY);
    txn = NULL;
    if (err >= 0) *objid = tab.objid;
out:
    if (txn) store_txn_abort(txn);
    if (err < 0)
        for (i = 0; i < nroots; i++) store_tree_drop(inst->st, db, roots[i]);
    return err < 0 ? err : 0;
}

JET_ERR temp_open_defined(struct jet_session *s, const struct cat_column_def *cols, uint32_t ncols,
                          const struct cat_index_def *idx, uint32_t nidx, JET_COLUMNID *ids, struct jet_table **out)
{
    struct jet_table *t;
    uint32_t objid = 0;
    int slot;
    JET_ERR err;

    *out = NULL;
    if ((err = temp_count_take(s->inst)) < 0) return err;
    if ((err = temp_database(s->inst, &slot)) < 0 ||
        (err = create_defined(s->inst, s->inst->dbs[slot].sdb, cols, ncols, idx, nidx, ids, &objid)) < 0) {
        temp_count_give(s->inst);
        return err;
    }
    if ((err = table_open_cursor(s, slot, objid, 0, &t)) < 0) {
        drop_temp(s->inst, s->inst->dbs[slot].sdb, objid);
        temp_count_give(s->inst);
        return err;
    }
    t->temp_flags = JET_bitTTScrollable | JET_bitTTIndexed | JET_bitTTErrorOnDuplicateInsertion | TEMP_TABLE;
    *out = t;
    return 0;
}

/* ---- hooks for the other table files --------------------------------------------- */

void temp_table_dropped(struct jet_instance *inst, int dbslot, uint32_t objid)
{
    if (!inst->dbs[dbslot].sdb || !inst->dbs[dbslot].temp) return;
    drop_temp(inst, inst->dbs[dbslot].sdb, objid);
    temp_count_give(inst);
}

JET_ERR temp_check(struct jet_table *t, enum temp_op op)
{
    if (!(t->temp_flags & JET_bitTTForwardOnly)) return 0;
    switch (op) {
    case TEMP_OP_MOVE:
        t->temp_flags |= TEMP_EXTRACT;
        return 0;
    case TEMP_OP_INSERT:
        return (t->temp_flags & TEMP_EXTRACT) ? JET_errInvalidOperation : 0;
    default: /* backwards, seeks, replace, delete */
        t->temp_flags |= TEMP_EXTRACT;
        return JET_errInvalidOperation;
    }
}

int temp_drops_duplicate(const struct jet_table *t, JET_ERR err)
{
    return err == JET_errKeyDuplicate && (t->temp_flags & TEMP_TABLE) &&
           !(t->temp_flags & JET_bitTTErrorOnDuplicateInsertion);
}

JET_ERR temp_dup_cursor(const struct jet_table *from, struct jet_table *dup)
{
    dup->temp_flags = from->temp_flags;
    if (from->temp_flags & TEMP_DUPLICATES) return cursor_set_index(dup, 0);
    return 0;
}

/* ---- entry points ------------------------------------------------------------------ */

JET_ERR temp_open_table(JET_SESID sesid, const struct temp_spec *sp, JET_TABLEID *ptableid)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    if (!ptableid) err = JET_errInvalidParameter;
    else if ((err = temp_open(s, sp, &t)) >= 0) *ptableid = t->handle;
    session_leave(s);
    return err;
}

static void spec_init(struct temp_spec *sp, const JET_COLUMNDEF *cols, unsigned long ncols, JET_GRBIT grbit,
                      JET_COLUMNID *ids)
{
    memset(sp, 0, sizeof(*sp));
    sp->cols = cols;
    sp->ncols = (uint32_t)ncols;
    sp->grbit = grbit;
    sp->ids = ids;
}

JET_ERR JET_API JetOpenTempTable(JET_SESID sesid, const JET_COLUMNDEF *prgcolumndef, JET_ULONG_ ccolumn,
                                 JET_GRBIT grbit, JET_TABLEID *ptableid, JET_COLUMNID *prgcolumnid)
{
    struct temp_spec sp;
    JET_ERR err;

    TRACE("(%p, %p, %lu, 0x%lx, %p, %p)\n", (void *)sesid, prgcolumndef, (unsigned long)ccolumn,
          (unsigned long)grbit, ptableid, prgcolumnid);
    spec_init(&sp, prgcolumndef, ccolumn, grbit, prgcolumnid);
    err = temp_open_table(sesid, &sp, ptableid);
    TRACE("-> %ld (tableid %p)\n", (long)err, ptableid && err >= 0 ? (void *)*ptableid : NULL);
    return err;
}

JET_ERR JET_API JetOpenTempTable2(JET_SESID sesid, const JET_COLUMNDEF *prgcolumndef, JET_ULONG_ ccolumn,
                                  JET_ULONG_ lcid, JET_GRBIT grbit, JET_TABLEID *ptableid,
                                  JET_COLUMNID *prgcolumnid)
{
    struct temp_spec sp;
    JET_ERR err;

    TRACE("(%p, %p, %lu, 0x%lx, 0x%lx, %p, %p)\n", (void *)sesid, prgcolumndef, (unsigned long)ccolumn,
          (unsigned long)lcid, (unsigned long)grbit, ptableid, prgcolumnid);
    spec_init(&sp, prgcolumndef, ccolumn, grbit, prgcolumnid);
    sp.lcid = (uint32_t)lcid;
    err = temp_open_table(sesid, &sp, ptableid);
    TRACE("-> %ld (tableid %p)\n", (long)err, ptableid && err >= 0 ? (void *)*ptableid : NULL);
    return err;
}

/* The LCMapString flags of a sort the caller described: as given, so zero
 * is a plain sort key that tells case, kana and width apart (ESE checks
 * and keeps a sort's flags; only JetCreateIndex* turn zero into the
 * instance default, which ignores case). */
static uint32_t temp_map_flags(JET_ULONG_ given)
{
    return given ? (uint32_t)given : KEY_LCMAP_SORTKEY;
}

JET_ERR JET_API JetOpenTempTable3(JET_SESID sesid, const JET_COLUMNDEF *prgcolumndef, JET_ULONG_ ccolumn,
                                  JET_UNICODEINDEX *pidxunicode, JET_GRBIT grbit, JET_TABLEID *ptableid,
                                  JET_COLUMNID *prgcolumnid)
{
    struct temp_spec sp;
    JET_ERR err;

    TRACE("(%p, %p, %lu, %p, 0x%lx, %p, %p)\n", (void *)sesid, prgcolumndef, (unsigned long)ccolumn,
          pidxunicode, (unsigned long)grbit, ptableid, prgcolumnid);
    spec_init(&sp, prgcolumndef, ccolumn, grbit, prgcolumnid);
    if (pidxunicode) {
        sp.lcid = (uint32_t)pidxunicode->lcid;
        sp.map_flags = temp_map_flags(pidxunicode->dwMapFlags);
    }
    err = temp_open_table(sesid, &sp, ptableid);
    TRACE("-> %ld (tableid %p)\n", (long)err, ptableid && err >= 0 ? (void *)*ptableid : NULL);
    return err;
}

JET_ERR JET_API JetOpenTemporaryTable(JET_SESID sesid, JET_OPENTEMPORARYTABLE *popentemporarytable)
{
    JET_OPENTEMPORARYTABLE *o = popentemporarytable;
    struct temp_spec sp;
    JET_ERR err;

    TRACE("(%p, %p)\n", (void *)sesid, o);
    if (!o || o->cbStruct != sizeof(*o)) {
        err = JET_errInvalidParameter;
    } else {
        spec_init(&sp, o->prgcolumndef, o->ccolumn, o->grbit, o->prgcolumnid);
        if (o->pidxunicode) {
            sp.lcid = (uint32_t)o->pidxunicode->lcid;
            sp.map_flags = temp_map_flags(o->pidxunicode->dwMapFlags);
        }
        sp.cbkeymost = (uint32_t)o->cbKeyMost;
        sp.cbvarsegmac = (uint32_t)o->cbVarSegMac;
        err = temp_open_table(sesid, &sp, &o->tableid);
    }
    TRACE("-> %ld (tableid %p)\n", (long)err, o && err >= 0 ? (void *)o->tableid : NULL);
    return err;
}

JET_ERR JET_API JetOpenTemporaryTable2(JET_SESID sesid, JET_OPENTEMPORARYTABLE2 *popentemporarytable)
{
    JET_OPENTEMPORARYTABLE2 *o = popentemporarytable;
    struct temp_spec sp;
    JET_ERR err;

    TRACE("(%p, %p)\n", (void *)sesid, o);
    if (!o || o->cbStruct != sizeof(*o)) {
        err = JET_errInvalidParameter;
    } else {
        spec_init(&sp, o->prgcolumndef, o->ccolumn, o->grbit, o->prgcolumnid);
        if (o->pidxunicode) {
            sp.locale = (const uint16_t *)o->pidxunicode->szLocaleName;
            sp.map_flags = temp_map_flags(o->pidxunicode->dwMapFlags);
        }
        sp.cbkeymost = (uint32_t)o->cbKeyMost;
        sp.cbvarsegmac = (uint32_t)o->cbVarSegMac;
        err = temp_open_table(sesid, &sp, &o->tableid);
    }
    TRACE("-> %ld (tableid %p)\n", (long)err, o && err >= 0 ? (void *)o->tableid : NULL);
    return err;
}
