/*
 * table.c - table handles (cursors) and whole tables: JetOpenTable,
 * JetCloseTable, JetDupCursor, JetCreateTable, JetDeleteTable,
 * JetRenameTable, and what the other table files share (jet_table.h):
 * resolving a table handle, the cursor's copy of its schema, the per-table
 * state shared by sessions, and the transaction DDL writes through.
 *
 * Cursors.  A cursor (struct jet_table) belongs to its session and is
 * linked in the session's list under the instance lock, so that another
 * session can walk every cursor of an instance (locks, JET_errTableInUse)
 * under that lock.  Each holds its own copy of the table's schema, read
 * through the session's transaction; table_enter reloads it when the
 * instance's schema generation moved (any DDL, any end of a transaction
 * that made DDL).
 *
 * Table locks (JetOpenTable's grbit).  JET_bitTableDenyRead: no other
 * session may open the table (JET_errTableLocked), and it is refused while
 * another session has it open (JET_errTableInUse).  JET_bitTableDenyWrite:
 * other sessions may open it only with JET_bitTableReadOnly, and it is
 * refused while another session has it open for writing.  A session never
 * conflicts with itself.  struct tbl_shared remembers one holder of each.
 *
 * DDL and trees.  Trees are created and dropped outside transactions
 * (cat.h).  A DDL call announces the trees it creates and deletes
 * (ddl_tree_created/_deleted).  At level 0 the call runs in its own store
 * transaction, committed durably by ddl_end, which then drops what was
 * deleted (or, on failure, what was created).  Inside a transaction the
 * trees go to the session's pending list, tagged with the level: when the
 * transaction reaches level 0, table_txn_ended drops the trees it deleted
 * (commit) or created (rollback).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "jet_table.h"
#include "systable.h"

DEFAULT_DEBUG_CHANNEL(esent);

#define OPEN_GRBITS                                                                             \
    (JET_bitTableDenyWrite | JET_bitTableDenyRead | JET_bitTableReadOnly | JET_bitTableUpdatable | \
     JET_bitTablePermitDDL | JET_bitTableNoCache | JET_bitTablePreread |                         \
     JET_bitTableOpportuneRead | JET_bitTableSequential | JET_bitTableClassMask)

/* A tree the open transaction created or deleted. */
struct tbl_pending {
    struct tbl_pending *next;
    store_db *db;
    uint32_t root;
    unsigned long level;       /* the level that made the change */
    int deleted;               /* 1: drop at commit; 0: drop at rollback */
};

/* ---- names and databases ------------------------------------------------- */

char *table_name_w(const wchar16 *name, JET_ERR *err)
{
    char *u;
    if (!name) {
        *err = JET_errInvalidParameter;
        return NULL;
    }
    u = str_w_to_utf8(name, err);
    return u;
}

char *table_name_a(const char *name, JET_ERR *err)
{
    wchar16 *w;
    char *u;
    if (!name) {
        *err = JET_errInvalidParameter;
        return NULL;
    }
    if (!(w = str_a_to_w(name, err))) return NULL;
    u = str_w_to_utf8(w, err);
    free(w);
    return u;
}

struct jet_database *table_db(struct jet_session *s, JET_DBID dbid)
{
    if (dbid < 1 || dbid > STORE_MAX_DBS) return NULL;
    if (!s->inst->dbs[dbid - 1].sdb || !s->opened[dbid - 1]) return NULL;
    return &s->inst->dbs[dbid - 1];
}

/* ---- schema copies ----------------------------------------------------------- */

static int col_cmp(const void *a, const void *b)
{
    const struct cat_column *x = a, *y = b;
    return x->columnid < y->columnid ? -1 : x->columnid > y->columnid;
}

/* The table's columns, a derived table's template columns merged in, by id. */
static JET_ERR load_columns(store_txn *txn, store_db *db, const struct cat_table *tab,
                            struct cat_column **out, uint32_t *n)
{
    struct cat_column *own = NULL, *tmpl = NULL, *all;
    uint32_t nown = 0, ntmpl = 0;
    JET_ERR err;

    *out = NULL;
    *n = 0;
    if ((err = cat_columns_list(txn, db, tab->objid, CAT_LIST_DELETED, &own, &nown)) < 0) return err;
    if ((tab->flags & CAT_TABLE_DERIVED) &&
        (err = cat_columns_list(txn, db, tab->template_objid, CAT_LIST_DELETED, &tmpl, &ntmpl)) < 0) {
        free(own);
        return err;
    }
    if (!ntmpl) {
        *out = own;
        *n = nown;
        return 0;
    }
    if (!(all = malloc((size_t)(nown + ntmpl) * sizeof(*all)))) {
        free(own);
        free(tmpl);
        return JET_errOutOfMemory;
    }
    memcpy(all, tmpl, ntmpl * sizeof(*all));
    if (nown) memcpy(all + ntmpl, own, nown * sizeof(*all));
    qsort(all, nown + ntmpl, sizeof(*all), col_cmp);
    free(own);
    free(tmpl);
    *out = all;
    *n = nown + ntmpl;
    return 0;
}

/* The record layer's view of a catalog column. */
static void rec_column_of(const struct cat_column *c, struct rec_column *r)
{
    memset(r, 0, sizeof(*r));
    r->columnid = c->columnid;
    r->coltyp = c->coltyp;
    r->cbmax = c->cbmax;
    r->cp = c->cp;
    if (c->columnid <= CAT_FIXED_LAST) r->flags |= REC_COL_FIXED;
    else if (c->columnid <= CAT_VAR_LAST) r->flags |= REC_COL_VARIABLE;
    else r->flags |= REC_COL_TAGGED;
    if (c->coltyp == JET_coltypLongText || c->coltyp == JET_coltypLongBinary) r->flags |= REC_COL_LONG;
    if (c->grbit & JET_bitColumnMultiValued) r->flags |= REC_COL_MULTIVALUED;
    if (c->grbit & JET_bitColumnEscrowUpdate) r->flags |= REC_COL_ESCROW;
    if (c->grbit & JET_bitColumnAutoincrement) r->flags |= REC_COL_AUTOINC;
    if (c->grbit & JET_bitColumnVersion) r->flags |= REC_COL_VERSION;
    if (c->grbit & JET_bitColumnNotNULL) r->flags |= REC_COL_NOTNULL;
    if (c->deleted) r->flags |= REC_COL_DELETED;
    if (c->cbdefault && !c->deleted && !(c->grbit & JET_bitColumnUserDefinedDefault)) {
        r->pvdefault = c->defval;
        r->cbdefault = c->cbdefault;
    }
}

JET_ERR tbl_schema_load(store_txn *txn, store_db *db, uint32_t objid, struct tbl_schema *out)
{
    struct cat_index *idx = NULL;
    uint32_t nidx = 0, i;
    JET_ERR err;

    memset(out, 0, sizeof(*out));
    out->primary = -1;
    if ((err = cat_table_get(txn, db, objid, &out->tab)) < 0) goto fail;
    if ((err = load_columns(txn, db, &out->tab, &out->cols, &out->ncols)) < 0) goto fail;
    if (out->ncols && !(out->rcols = calloc(out->ncols, sizeof(*out->rcols)))) {
        err = JET_errOutOfMemory;
        goto fail;
    }
    for (i = 0; i < out->ncols; i++) rec_column_of(&out->cols[i], &out->rcols[i]);
    if ((err = rec_schema_init(&out->rs, out->rcols, out->ncols)) < 0) {
        ERR("table %u: columns the record layer refuses (%ld)\n", objid, (long)err);
        err = JET_errDatabaseCorrupted;
        goto fail;
    }
    /* A derived table's inherited indexes are its own catalog entries
     * (CAT_INDEX_DERIVED, made by cat_table_create). */
    if ((err = cat_indexes_list(txn, db, objid, &idx, &nidx)) < 0) goto fail;
    if (nidx && !(out->idx = calloc(nidx, sizeof(*out->idx)))) {
        err = JET_errOutOfMemory;
        goto fail;
    }
    for (i = 0; i < nidx; i++) {
        struct tbl_index *ix = &out->idx[i];
        ix->ci = idx[i];
        if ((err = cat_index_key(&ix->ci, out->cols, out->ncols, &ix->key)) < 0) goto fail;
        /* The sort that made the index's Unicode keys: the portable one
         * (recorded as "portable:N", e.g. a database made natively) or the
         * platform's. */
        if ((ix->ci.flags & CAT_INDEX_LOCALIZED) && strncmp(ix->ci.sort_version, "portable:", 9))
            ix->key.unicode = table_unicode_sort();
        out->nidx = i + 1;
        if (ix->ci.slot == out->tab.primary_slot) out->primary = (int)i;
    }
    free(idx);
    return 0;
fail:
    free(idx);
    tbl_schema_free(out);
    return err;
}

void tbl_schema_free(struct tbl_schema *sch)
{
    free(sch->cols);
    free(sch->rcols);
    free(sch->idx);
    memset(sch, 0, sizeof(*sch));
    sch->primary = -1;
}

const struct cat_column *tbl_column(const struct tbl_schema *sch, JET_COLUMNID id)
{
    uint32_t lo = 0, hi = sch->ncols;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (sch->cols[mid].columnid < id) lo = mid + 1;
        else hi = mid;
    }
    if (lo < sch->ncols && sch->cols[lo].columnid == id && !sch->cols[lo].deleted) return &sch->cols[lo];
    return NULL;
}

const struct cat_column *tbl_column_named(const struct tbl_schema *sch, const char *name)
{
    char norm[CAT_NAME_MAX + 1];
    uint32_t i;
    if (!name || cat_name_check(name, norm) < 0) return NULL;
    for (i = 0; i < sch->ncols; i++)
        if (!sch->cols[i].deleted && !cat_name_compare(sch->cols[i].name, norm)) return &sch->cols[i];
    return NULL;
}

struct tbl_index *tbl_index_named(struct tbl_schema *sch, const char *name)
{
    char norm[CAT_NAME_MAX + 1];
    uint32_t i;
    if (!name || cat_name_check(name, norm) < 0) return NULL;
    for (i = 0; i < sch->nidx; i++)
        if (!cat_name_compare(sch->idx[i].ci.name, norm)) return &sch->idx[i];
    return NULL;
}

/* ---- transactions seen by cursors ------------------------------------------- */

store_txn *table_txn(const struct jet_table *t)
{
    /* Temporary tables are not transactional (temptable.c). */
    return t->temp_flags ? NULL : t->ses->txn;
}

JET_ERR table_read_txn(struct jet_table *t, store_txn **txn, store_txn **tmp)
{
    JET_ERR err;
    *tmp = NULL;
    /* The temporary database is not transactional: read its latest state
     * (a session's snapshot may predate a temp table made since). */
    if (!t->ses->inst->dbs[t->dbslot].temp && (*txn = t->ses->txn)) return 0;
    if ((err = store_txn_begin(t->ses->inst->st, tmp)) < 0) return err;
    *txn = *tmp;
    return 0;
}

void table_schema_changed(struct jet_instance *inst)
{
    __atomic_add_fetch(&inst->schema_gen, 1, __ATOMIC_RELEASE);
}

JET_ERR table_get(struct jet_table *t, uint32_t tree, const void *key, uint32_t klen, void *buf,
                  uint32_t bufsize, uint32_t *vlen)
{
    store_txn *txn, *tmp;
    JET_ERR err;
    if ((err = table_read_txn(t, &txn, &tmp)) < 0) return err;
    err = store_txn_get(txn, t->sdb, tree, key, klen, buf, bufsize, vlen);
    if (tmp) store_txn_abort(tmp);
    return err;
}

/* ---- shared per-table state ----------------------------------------------------- */

/* The entry of (dbslot, objid) or NULL; instance lock held. */
static struct tbl_shared *shared_find(struct jet_instance *inst, int dbslot, uint32_t objid)
{
    struct tbl_shared *sh;
    for (sh = inst->dbs[dbslot].shared; sh; sh = sh->next)
        if (sh->objid == objid) return sh;
    return NULL;
}

/* Finds or makes the entry and takes a reference; instance lock held. */
static struct tbl_shared *shared_get_locked(struct jet_instance *inst, int dbslot, uint32_t objid)
{
    struct tbl_shared *sh = shared_find(inst, dbslot, objid);
    if (!sh) {
        if (!(sh = calloc(1, sizeof(*sh)))) return NULL;
        sh->objid = objid;
        sh->next = inst->dbs[dbslot].shared;
        inst->dbs[dbslot].shared = sh;
    }
    sh->refs++;
    return sh;
}

static void shared_put_locked(struct jet_instance *inst, int dbslot, struct tbl_shared *sh)
{
    (void)inst;
    (void)dbslot;
    assert(sh->refs > 0);
    /* Kept when the last cursor closes, as ESE keeps a table's FCB: the
     * sequence and autoincrement counters then go on where they were
     * instead of reserving a new batch at each open.  Freed when the
     * database is detached (table_shared_release_db). */
    sh->refs--;
}

/* Frees an entry nobody holds; instance lock held.  For temporary tables,
 * whose object ids are never used again. */
static void shared_forget_locked(struct jet_instance *inst, int dbslot, struct tbl_shared *sh)
{
    struct tbl_shared **pp;
    assert(!sh->refs);
    for (pp = &inst->dbs[dbslot].shared; *pp; pp = &(*pp)->next) {
        if (*pp == sh) {
            *pp = sh->next;
            free(sh);
            return;
        }
    }
}

void table_shared_release_db(struct jet_instance *inst, int dbslot)
{
    struct tbl_shared *sh, *next;
    for (sh = inst->dbs[dbslot].shared; sh; sh = next) {
        next = sh->next;
        assert(!sh->refs);
        free(sh);
    }
    inst->dbs[dbslot].shared = NULL;
}

struct tbl_shared *table_shared_get(struct jet_instance *inst, int dbslot, uint32_t objid)
{
    struct tbl_shared *sh;
    os_mutex_lock(inst->lock);
    sh = shared_get_locked(inst, dbslot, objid);
    os_mutex_unlock(inst->lock);
    return sh;
}

void table_shared_put(struct jet_instance *inst, int dbslot, struct tbl_shared *sh)
{
    os_mutex_lock(inst->lock);
    shared_put_locked(inst, dbslot, sh);
    os_mutex_unlock(inst->lock);
}

int table_in_use(struct jet_instance *inst, int dbslot, uint32_t objid)
{
    struct tbl_shared *sh;
    int used;
    os_mutex_lock(inst->lock);
    sh = shared_find(inst, dbslot, objid);
    used = sh && sh->refs;
    os_mutex_unlock(inst->lock);
    return used;
}

/* ---- opening and closing cursors -------------------------------------------------- */

/* Whether a cursor of another session than s, open on the table, matches
 * the grbit test; instance lock held. */
static int other_cursor(struct jet_instance *inst, struct jet_session *s, int dbslot, uint32_t objid,
                        int writers_only)
{
    struct jet_session *o;
    struct jet_table *t;
    for (o = inst->sessions; o; o = o->next) {
        if (o == s) continue;
        for (t = o->tables; t; t = t->next) {
            if (t->dbslot != dbslot || t->objid != objid) continue;
            if (!writers_only || !(t->grbit & JET_bitTableReadOnly)) return 1;
        }
    }
    return 0;
}

/* JetOpenTable's lock checks; instance lock held. */
static JET_ERR check_locks(struct jet_session *s, struct tbl_shared *sh, int dbslot, uint32_t objid,
                           JET_GRBIT grbit)
{
    if (sh && sh->deny_read && sh->deny_read->ses != s) return JET_errTableLocked;
    if (sh && sh->deny_write && sh->deny_write->ses != s && !(grbit & JET_bitTableReadOnly))
        return JET_errTableLocked;
    if ((grbit & JET_bitTableDenyRead) && other_cursor(s->inst, s, dbslot, objid, 0)) return JET_errTableInUse;
    if ((grbit & JET_bitTableDenyWrite) && other_cursor(s->inst, s, dbslot, objid, 1)) return JET_errTableInUse;
    return 0;
}

/* Another cursor of the instance on the same table holding grbit bit, to
 * inherit a lock from a closing holder; instance lock held. */
static struct jet_table *next_holder(struct jet_table *closing, JET_GRBIT bit)
{
    struct jet_session *o;
    struct jet_table *t;
    for (o = closing->ses->inst->sessions; o; o = o->next)
        for (t = o->tables; t; t = t->next)
            if (t != closing && t->dbslot == closing->dbslot && t->objid == closing->objid && (t->grbit & bit))
                return t;
    return NULL;
}

JET_ERR table_open_cursor(struct jet_session *s, int dbslot, uint32_t objid, JET_GRBIT grbit,
                          struct jet_table **out)
{
    struct jet_instance *inst = s->inst;
    struct jet_table *t;
    store_txn *txn, *tmp;
    JET_ERR err;

    *out = NULL;
    if (!(t = calloc(1, sizeof(*t)))) return JET_errOutOfMemory;
    t->ses = s;
    t->dbslot = dbslot;
    t->sdb = inst->dbs[dbslot].sdb;
    t->grbit = grbit;
    t->objid = objid;
    t->trx_opened = s->trx_level;
    t->cur = -1;
    t->schema_gen = __atomic_load_n(&inst->schema_gen, __ATOMIC_ACQUIRE);
    if ((err = table_read_txn(t, &txn, &tmp)) < 0) goto fail;
    err = tbl_schema_load(txn, t->sdb, objid, &t->sch);
    if (tmp) store_txn_abort(tmp);
    if (err < 0) goto fail;

    os_mutex_lock(inst->lock);
    if (!(err = check_locks(s, shared_find(inst, dbslot, objid), dbslot, objid, grbit))) {
        if (!(t->shared = shared_get_locked(inst, dbslot, objid))) {
            err = JET_errOutOfMemory;
        } else {
            if ((grbit & JET_bitTableDenyRead) && !t->shared->deny_read) t->shared->deny_read = t;
            if ((grbit & JET_bitTableDenyWrite) && !t->shared->deny_write) t->shared->deny_write = t;
            t->next = s->tables;
            s->tables = t;
        }
    }
    os_mutex_unlock(inst->lock);
    if (err < 0) goto fail_schema;
    if (!(t->handle = handle_new(HANDLE_TABLE, t))) {
        table_close(t);
        return JET_errOutOfMemory;
    }
    if ((err = cursor_set_index(t, t->sch.primary)) < 0) {
        table_close(t);
        return err;
    }
    *out = t;
    return 0;
fail_schema:
    tbl_schema_free(&t->sch);
fail:
    free(t);
    return err;
}

void table_close(struct jet_table *t)
{
    struct jet_session *s = t->ses;
    struct jet_instance *inst = s->inst;
    struct jet_table **pp;
    uint32_t objid = t->objid;
    int dbslot = t->dbslot, temp_last = 0;

    ls_cursor_closed(t);
    update_cancel(t);
    cursor_release(t);
    os_mutex_lock(inst->lock);
    for (pp = &s->tables; *pp; pp = &(*pp)->next) {
        if (*pp == t) {
            *pp = t->next;
            break;
        }
    }
    if (t->shared) {
        if (t->shared->deny_read == t) t->shared->deny_read = next_holder(t, JET_bitTableDenyRead);
        if (t->shared->deny_write == t) t->shared->deny_write = next_holder(t, JET_bitTableDenyWrite);
        temp_last = t->temp_flags && t->shared->refs == 1;
        shared_put_locked(inst, t->dbslot, t->shared);
        if (temp_last) shared_forget_locked(inst, t->dbslot, t->shared);
    }
    os_mutex_unlock(inst->lock);
    if (t->handle) handle_free(t->handle);
    tbl_schema_free(&t->sch);
    /* The update part's buffers, if update_cancel kept them. */
    free(t->copy);
    free(t->new_lids);
    free(t);
    if (temp_last) temp_table_dropped(inst, dbslot, objid);
}

void table_session_closed(struct jet_session *s)
{
    while (s->tables) table_close(s->tables);
}

void table_rollback_closes(struct jet_session *s, unsigned long level)
{
    struct jet_table *t, *next;
    for (t = s->tables; t; t = next) {
        next = t->next;
        if (t->trx_opened > level) table_close(t);
    }
}

/* Maps the cursor's current index into a reloaded schema (same slot and
 * object id), or -2 when it is gone. */
static int index_in(const struct tbl_schema *sch, const struct tbl_index *old)
{
    uint32_t i;
    for (i = 0; i < sch->nidx; i++)
        if (sch->idx[i].ci.slot == old->ci.slot && sch->idx[i].ci.objid == old->ci.objid) return (int)i;
    return -2;
}

/* Reloads the cursor's schema after DDL. */
static JET_ERR reload_schema(struct jet_table *t, uint64_t gen)
{
    struct tbl_schema sch;
    store_txn *txn, *tmp;
    JET_ERR err;
    int cur;

    if ((err = table_read_txn(t, &txn, &tmp)) < 0) return err;
    err = tbl_schema_load(txn, t->sdb, t->objid, &sch);
    if (tmp) store_txn_abort(tmp);
    if (err < 0) return err;
    cur = t->cur < 0 ? (sch.primary >= 0 ? -2 : -1) : index_in(&sch, &t->sch.idx[t->cur]);
    tbl_schema_free(&t->sch);
    t->sch = sch;
    t->schema_gen = gen;
    /* The index the cursor was on is gone (or a primary index appeared
     * under a sequential cursor): back to the primary index. */
    if (cur == -2) return cursor_set_index(t, t->sch.primary);
    t->cur = cur;
    cursor_invalidate(t);
    return 0;
}

JET_ERR table_enter(JET_SESID sesid, JET_TABLEID tableid, struct jet_session **s, struct jet_table **t)
{
    uint64_t gen;
    JET_ERR err;

    *t = NULL;
    if ((err = session_enter(sesid, s))) return err;
    if (!(*t = handle_get(tableid, HANDLE_TABLE))) {
        err = JET_errInvalidTableId;
    } else if ((*t)->ses != *s) {
        err = JET_errSesidTableIdMismatch;
    } else {
        gen = __atomic_load_n(&(*s)->inst->schema_gen, __ATOMIC_ACQUIRE);
        if ((*t)->schema_gen != gen) err = reload_schema(*t, gen);
    }
    if (err < 0) {
        session_leave(*s);
        *s = NULL;
        *t = NULL;
    }
    return err;
}

/* ---- DDL transactions ----------------------------------------------------------- */

JET_ERR ddl_begin(struct jet_session *s, int dbslot, struct ddl_txn *d)
{
    JET_ERR err;
    memset(d, 0, sizeof(*d));
    d->ses = s;
    d->dbslot = dbslot;
    d->db = s->inst->dbs[dbslot].sdb;
    if (s->trx_level && s->trx_readonly) return JET_errTransReadOnly;
    if (s->inst->dbs[dbslot].readonly) return JET_errPermissionDenied;
    if ((d->txn = s->txn)) return 0;
    if ((err = store_txn_begin(s->inst->st, &d->txn)) < 0) return err;
    d->own = 1;
    return 0;
}

static JET_ERR push_root(uint32_t **list, uint32_t *n, uint32_t root)
{
    uint32_t *l = realloc(*list, (*n + 1) * sizeof(**list));
    if (!l) return JET_errOutOfMemory;
    l[(*n)++] = root;
    *list = l;
    return 0;
}

JET_ERR ddl_tree_created(struct ddl_txn *d, uint32_t root)
{
    JET_ERR err = push_root(&d->created, &d->ncreated, root);
    /* Without a place in the list it cannot be dropped later: now. */
    if (err < 0) store_tree_drop(d->ses->inst->st, d->db, root);
    return err;
}

JET_ERR ddl_tree_deleted(struct ddl_txn *d, uint32_t root)
{
    return push_root(&d->deleted, &d->ndeleted, root);
}

static void drop_all(struct ddl_txn *d, const uint32_t *roots, uint32_t n)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        int err = store_tree_drop(d->ses->inst->st, d->db, roots[i]);
        if (err < 0) WARN("dropping tree %u: %d\n", roots[i], err);
    }
}

/* Hands a tree over to the session's transaction. */
static void pend(struct ddl_txn *d, uint32_t root, int deleted)
{
    struct tbl_pending *p = malloc(sizeof(*p));
    if (!p) {
        /* Leaking a tree is the safe failure (dropping one that a commit
         * may still reference is not). */
        WARN("out of memory: tree %u left as is\n", root);
        return;
    }
    p->db = d->db;
    p->root = root;
    p->level = d->ses->trx_level;
    p->deleted = deleted;
    p->next = d->ses->pending;
    d->ses->pending = p;
}

JET_ERR ddl_end(struct ddl_txn *d, JET_ERR err)
{
    uint32_t i;

    if (d->own) {
        if (err >= 0) {
            JET_ERR cerr = store_txn_commit(d->txn, 0);
            if (cerr < 0) err = cerr;
        } else {
            store_txn_abort(d->txn);
        }
        if (err >= 0) drop_all(d, d->deleted, d->ndeleted);
        else drop_all(d, d->created, d->ncreated);
    } else if (err >= 0 || d->dirty) {
        /* Part of the session's transaction now (after a failure that left
         * entries in a new tree, the transaction has to roll back: cat.h). */
        for (i = 0; i < d->ncreated; i++) pend(d, d->created[i], 0);
        if (err >= 0)
            for (i = 0; i < d->ndeleted; i++) pend(d, d->deleted[i], 1);
        d->ses->trx_ddl = 1;
    } else {
        drop_all(d, d->created, d->ncreated);
    }
    if (err >= 0 || d->dirty) table_schema_changed(d->ses->inst);
    free(d->created);
    free(d->deleted);
    d->created = d->deleted = NULL;
    d->ncreated = d->ndeleted = 0;
    d->txn = NULL;
    return err;
}

void table_txn_ended(struct jet_session *s, int committed)
{
    struct tbl_pending **pp = &s->pending, *p;
    unsigned long level = s->trx_level;

    while ((p = *pp)) {
        if (p->level <= level) {
            pp = &p->next;
            continue;
        }
        if (level) {
            /* FIXME: an inner level's rollback should drop the trees it
             * created, once the store's savepoints undo its catalog
             * changes; until then they belong to the level below. */
            p->level = level;
            pp = &p->next;
            continue;
        }
        if (committed == p->deleted) {
            int err = store_tree_drop(s->inst->st, p->db, p->root);
            if (err < 0) WARN("dropping tree %u: %d\n", p->root, err);
        }
        *pp = p->next;
        free(p);
    }
    if (!committed) {
        struct jet_table *t;
        table_rollback_closes(s, level);
        /* The cursors left may hold a copy of a record the rollback
         * changed back: read it again. */
        for (t = s->tables; t; t = t->next) cursor_invalidate(t);
    } else if (!level) {
        /* Back at level 0 reads see the newest commits. */
        struct jet_table *t;
        for (t = s->tables; t; t = t->next) {
            if (t->trx_opened > level) t->trx_opened = level;
            cursor_invalidate(t);
        }
    } else {
        /* A cursor opened inside the committed level now belongs to the
         * level below: only that level's rollback closes it. */
        struct jet_table *t;
        for (t = s->tables; t; t = t->next)
            if (t->trx_opened > level) t->trx_opened = level;
    }
    if (s->trx_ddl) {
        table_schema_changed(s->inst);
        if (!level) s->trx_ddl = 0;
    }
}

void table_txn_began(struct jet_session *s)
{
    struct jet_table *t;
    for (t = s->tables; t; t = t->next) cursor_invalidate(t);
}

/* ---- JetOpenTable ------------------------------------------------------------------ */

static JET_ERR check_open_grbit(JET_GRBIT grbit)
{
    if (grbit & ~(JET_GRBIT)OPEN_GRBITS) return JET_errInvalidGrbit;
    if ((grbit & JET_bitTableReadOnly) && (grbit & (JET_bitTableUpdatable | JET_bitTableDenyWrite)))
        return JET_errInvalidGrbit;
    if ((grbit & JET_bitTablePermitDDL) && !(grbit & JET_bitTableDenyRead)) return JET_errInvalidGrbit;
    return 0;
}

static JET_ERR open_table(JET_SESID sesid, JET_DBID dbid, char *name, JET_ERR nerr, JET_GRBIT grbit,
                          JET_TABLEID *ptableid)
{
    struct jet_session *s;
    struct jet_database *db;
    struct jet_table *t;
    struct cat_table tab;
    const struct systable *st = NULL;
    store_txn *tmp = NULL;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    if (!ptableid) err = JET_errInvalidParameter;
    else if (!(db = table_db(s, dbid))) err = JET_errInvalidDatabaseId;
    else if (!name) err = nerr;
    else if ((err = check_open_grbit(grbit)) < 0) ;
    else if (db->readonly && (grbit & (JET_bitTableUpdatable | JET_bitTableDenyWrite))) err = JET_errPermissionDenied;
    else if ((st = systable_find(name))) err = (grbit & JET_bitTableUpdatable) ? JET_errPermissionDenied : 0;
    else if (s->txn || !(err = store_txn_begin(s->inst->st, &tmp))) {
        err = cat_table_lookup(s->txn ? s->txn : tmp, db->sdb, name, &tab);
        if (tmp) store_txn_abort(tmp);
        if (err >= 0) err = table_open_cursor(s, (int)(dbid - 1), tab.objid, grbit, &t);
        /* JET_IndexCheckingDeferToOpenTable: out-of-date Unicode indexes
         * fail the open (sortcheck.c). */
        if (err >= 0 && (err = sortcheck_open_table(s->inst, &t->sch)) < 0) table_close(t);
        if (err >= 0) {
            /* As ESE's: a deferred move to the first record, made by the
             * first call that needs a position (JetIndexRecordCount
             * counts the whole index; JetMove(Next) lands on the second
             * record, as after JetSetCurrentIndex). */
            t->pos = POS_FIRST_PENDING;
            *ptableid = t->handle;
        }
    }
    session_leave(s);
    /* A system table: a read-only view, built out of the session. */
    if (st && err >= 0) err = systable_open(sesid, dbid, st, grbit, ptableid);
    return err;
}

JET_ERR JET_API JetOpenTableW(JET_SESID sesid, JET_DBID dbid, JET_PCWSTR szTableName, const void *pvParameters,
                              JET_ULONG_ cbParameters, JET_GRBIT grbit, JET_TABLEID *ptableid)
{
    JET_ERR err, nerr;
    char *name;
    TRACE("(%p, %lu, %s, %p, %lu, 0x%lx, %p)\n", (void *)sesid, (unsigned long)dbid, dbgstr_w(szTableName),
          pvParameters, (unsigned long)cbParameters, (unsigned long)grbit, ptableid);
    name = table_name_w((const wchar16 *)szTableName, &nerr);
    err = open_table(sesid, dbid, name, nerr, grbit, ptableid);
    free(name);
    TRACE("-> %ld (tableid %p)\n", (long)err, ptableid && err >= 0 ? (void *)*ptableid : NULL);
    return err;
}

JET_ERR JET_API JetOpenTableA(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName, const void *pvParameters,
                              JET_ULONG_ cbParameters, JET_GRBIT grbit, JET_TABLEID *ptableid)
{
    JET_ERR err, nerr;
    char *name;
    TRACE("(%p, %lu, %s, %p, %lu, 0x%lx, %p)\n", (void *)sesid, (unsigned long)dbid, dbgstr_a(szTableName),
          pvParameters, (unsigned long)cbParameters, (unsigned long)grbit, ptableid);
    name = table_name_a(szTableName, &nerr);
    err = open_table(sesid, dbid, name, nerr, grbit, ptableid);
    free(name);
    TRACE("-> %ld (tableid %p)\n", (long)err, ptableid && err >= 0 ? (void *)*ptableid : NULL);
    return err;
}

/* ---- JetCloseTable, JetDupCursor ------------------------------------------------------ */

JET_ERR JET_API JetCloseTable(JET_SESID sesid, JET_TABLEID tableid)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p)\n", (void *)sesid, (void *)tableid);
    if ((err = session_enter(sesid, &s))) goto out;
    if (!(t = handle_get(tableid, HANDLE_TABLE))) err = JET_errInvalidTableId;
    else if (t->ses != s) err = JET_errSesidTableIdMismatch;
    else table_close(t);
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetDupCursor(JET_SESID sesid, JET_TABLEID tableid, JET_TABLEID *ptableid, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_table *t, *dup;
    JET_ERR err;

    TRACE("(%p, %p, %p, 0x%lx)\n", (void *)sesid, (void *)tableid, ptableid, (unsigned long)grbit);
    if ((err = table_enter(sesid, tableid, &s, &t))) goto out;
    if (!ptableid) {
        err = JET_errInvalidParameter;
    } else if (grbit) {
        err = JET_errInvalidGrbit;
    } else {
        /* The copy has no table locks of its own (they stay with t). */
        JET_GRBIT g = t->grbit & ~(JET_GRBIT)(JET_bitTableDenyRead | JET_bitTableDenyWrite | JET_bitTablePermitDDL);
        if ((err = table_open_cursor(s, t->dbslot, t->objid, g, &dup)) >= 0) {
            if (t->temp_flags && (err = temp_dup_cursor(t, dup)) < 0) {
                table_close(dup);
            } else {
                /* "always returned on the clustered index and on the first row" */
                dup->pos = POS_FIRST_PENDING;
                *ptableid = dup->handle;
            }
        }
    }
    session_leave(s);
out:
    TRACE("-> %ld (tableid %p)\n", (long)err, ptableid && err >= 0 ? (void *)*ptableid : NULL);
    return err;
}

/* ---- JetCreateTable ---------------------------------------------------------------------- */

static JET_ERR create_table(JET_SESID sesid, JET_DBID dbid, char *name, JET_ERR nerr, unsigned long pages,
                            unsigned long density, JET_TABLEID *ptableid)
{
    struct ddl_table_def def;
    struct jet_session *s;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    if (!ptableid) {
        err = JET_errInvalidParameter;
    } else if (!name) {
        err = nerr;
    } else {
        memset(&def, 0, sizeof(def));
        def.name = name;
        def.pages = pages;
        def.density = density;
        err = ddl_create_table(s, dbid, &def, ptableid, NULL);
    }
    session_leave(s);
    return err;
}

JET_ERR JET_API JetCreateTableW(JET_SESID sesid, JET_DBID dbid, JET_PCWSTR szTableName, JET_ULONG_ lPages, JET_ULONG_ lDensity,
                                JET_TABLEID *ptableid)
{
    JET_ERR err, nerr;
    char *name;
    TRACE("(%p, %lu, %s, %lu, %lu, %p)\n", (void *)sesid, (unsigned long)dbid, dbgstr_w(szTableName),
          (unsigned long)lPages, (unsigned long)lDensity, ptableid);
    name = table_name_w((const wchar16 *)szTableName, &nerr);
    err = create_table(sesid, dbid, name, nerr, (unsigned long)lPages, (unsigned long)lDensity, ptableid);
    free(name);
    TRACE("-> %ld (tableid %p)\n", (long)err, ptableid && err >= 0 ? (void *)*ptableid : NULL);
    return err;
}

JET_ERR JET_API JetCreateTableA(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName, JET_ULONG_ lPages, JET_ULONG_ lDensity,
                                JET_TABLEID *ptableid)
{
    JET_ERR err, nerr;
    char *name;
    TRACE("(%p, %lu, %s, %lu, %lu, %p)\n", (void *)sesid, (unsigned long)dbid, dbgstr_a(szTableName),
          (unsigned long)lPages, (unsigned long)lDensity, ptableid);
    name = table_name_a(szTableName, &nerr);
    err = create_table(sesid, dbid, name, nerr, (unsigned long)lPages, (unsigned long)lDensity, ptableid);
    free(name);
    TRACE("-> %ld (tableid %p)\n", (long)err, ptableid && err >= 0 ? (void *)*ptableid : NULL);
    return err;
}

/* ---- JetDeleteTable ------------------------------------------------------------------------ */

static JET_ERR delete_table(JET_SESID sesid, JET_DBID dbid, char *name, JET_ERR nerr)
{
    struct jet_session *s;
    struct jet_database *db;
    struct cat_table tab;
    struct cat_roots drop = { 0, NULL };
    struct ddl_txn d;
    uint32_t i;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    if (!(db = table_db(s, dbid))) {
        err = JET_errInvalidDatabaseId;
    } else if (!name) {
        err = nerr;
    } else if (systable_find(name)) {
        err = JET_errCannotDeleteSystemTable;
    } else if ((err = ddl_begin(s, (int)(dbid - 1), &d)) >= 0) {
        if ((err = cat_table_lookup(d.txn, d.db, name, &tab)) >= 0) {
            if (table_in_use(s->inst, d.dbslot, tab.objid)) err = JET_errTableInUse;
            else err = cat_table_delete(d.txn, d.db, name, &drop);
        }
        for (i = 0; err >= 0 && i < drop.n; i++) err = ddl_tree_deleted(&d, drop.roots[i]);
        /* cat_table_delete made its change; an out-of-memory here must not
         * leave it without its drops: the transaction rolls back. */
        if (err < 0 && drop.n && !d.own) err = JET_errOutOfMemory;
        err = ddl_end(&d, err);
        cat_roots_free(&drop);
    }
    session_leave(s);
    return err;
}

JET_ERR JET_API JetDeleteTableW(JET_SESID sesid, JET_DBID dbid, JET_PCWSTR szTableName)
{
    JET_ERR err, nerr;
    char *name;
    TRACE("(%p, %lu, %s)\n", (void *)sesid, (unsigned long)dbid, dbgstr_w(szTableName));
    name = table_name_w((const wchar16 *)szTableName, &nerr);
    err = delete_table(sesid, dbid, name, nerr);
    free(name);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetDeleteTableA(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName)
{
    JET_ERR err, nerr;
    char *name;
    TRACE("(%p, %lu, %s)\n", (void *)sesid, (unsigned long)dbid, dbgstr_a(szTableName));
    name = table_name_a(szTableName, &nerr);
    err = delete_table(sesid, dbid, name, nerr);
    free(name);
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- JetRenameTable -------------------------------------------------------------------------- */

static JET_ERR rename_table(JET_SESID sesid, JET_DBID dbid, char *name, char *newname, JET_ERR nerr)
{
    struct jet_session *s;
    struct ddl_txn d;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    if (!table_db(s, dbid)) {
        err = JET_errInvalidDatabaseId;
    } else if (!name || !newname) {
        err = nerr;
    } else if (systable_find(name)) {
        err = JET_errTableInUse; /* ESE's catalog is always open */
    } else if (systable_find(newname)) {
        err = JET_errTableDuplicate;
    } else if ((err = ddl_begin(s, (int)(dbid - 1), &d)) >= 0) {
        err = ddl_end(&d, cat_table_rename(d.txn, d.db, name, newname));
    }
    session_leave(s);
    return err;
}

JET_ERR JET_API JetRenameTableW(JET_SESID sesid, JET_DBID dbid, JET_PCWSTR szName, JET_PCWSTR szNameNew)
{
    JET_ERR err, nerr = 0, nerr2 = 0;
    char *name, *newname;
    TRACE("(%p, %lu, %s, %s)\n", (void *)sesid, (unsigned long)dbid, dbgstr_w(szName), dbgstr_w(szNameNew));
    name = table_name_w((const wchar16 *)szName, &nerr);
    newname = table_name_w((const wchar16 *)szNameNew, &nerr2);
    err = rename_table(sesid, dbid, name, newname, nerr ? nerr : nerr2);
    free(name);
    free(newname);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetRenameTableA(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szName, JET_PCSTR szNameNew)
{
    JET_ERR err, nerr = 0, nerr2 = 0;
    char *name, *newname;
    TRACE("(%p, %lu, %s, %s)\n", (void *)sesid, (unsigned long)dbid, dbgstr_a(szName), dbgstr_a(szNameNew));
    name = table_name_a(szName, &nerr);
    newname = table_name_a(szNameNew, &nerr2);
    err = rename_table(sesid, dbid, name, newname, nerr ? nerr : nerr2);
    free(name);
    free(newname);
    TRACE("-> %ld\n", (long)err);
    return err;
}
