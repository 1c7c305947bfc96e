/*
 * cat_io.c - reading catalog records through a transaction, the write
 * journal that undoes a failed catalog function (cat_int.h), the object id
 * counter, and the lookups the other files share.
 */
#include <stdlib.h>
#include <string.h>

#include "cat_int.h"
#include "debug.h"

DEFAULT_DEBUG_CHANNEL(esent);

/* ---- reading ------------------------------------------------------------- */

int cat_read(store_txn *t, store_db *db, const struct cat_key *k, uint8_t *buf, uint32_t *len)
{
    int err = store_txn_get(t, db, store_db_catalog(db), k->b, k->len, buf, CAT_VAL_MAX, len);
    if (err < 0) return err;
    if (*len > CAT_VAL_MAX) {
        ERR("catalog record of %u bytes (key type 0x%02x)\n", *len, k->b[0]);
        return JET_errDatabaseCorrupted;
    }
    return 0;
}

int cat_read_u32(store_txn *t, store_db *db, const struct cat_key *k, uint32_t *v)
{
    uint8_t buf[CAT_VAL_MAX];
    uint32_t len;
    int err = cat_read(t, db, k, buf, &len);
    if (err < 0) return err;
    if (len != 4) return JET_errDatabaseCorrupted;
    *v = cat_get_u32(buf);
    return 0;
}

int cat_read_table(store_txn *t, store_db *db, uint32_t objid, struct cat_table *tb)
{
    uint8_t buf[CAT_VAL_MAX];
    struct cat_key k;
    uint32_t len;
    int err;

    catk_table(&k, objid);
    if ((err = cat_read(t, db, &k, buf, &len)) < 0) return err;
    if ((err = catr_table_decode(buf, len, tb)) < 0) return err;
    return tb->objid == objid ? 0 : JET_errDatabaseCorrupted;
}

int cat_table_load(store_txn *t, store_db *db, uint32_t objid, struct cat_table *tb)
{
    int err = cat_read_table(t, db, objid, tb);
    return err == JET_errRecordNotFound ? JET_errObjectNotFound : err;
}

int cat_read_column(store_txn *t, store_db *db, uint32_t objid, uint32_t columnid,
                    struct cat_column *c)
{
    uint8_t buf[CAT_VAL_MAX];
    struct cat_key k;
    uint32_t len;
    int err;

    catk_column(&k, objid, columnid);
    if ((err = cat_read(t, db, &k, buf, &len)) < 0) return err;
    if ((err = catr_column_decode(buf, len, c)) < 0) return err;
    return c->columnid == columnid ? 0 : JET_errDatabaseCorrupted;
}

int cat_read_index(store_txn *t, store_db *db, uint32_t objid, uint32_t slot,
                   struct cat_index *ix)
{
    uint8_t buf[CAT_VAL_MAX];
    struct cat_key k;
    uint32_t len;
    int err;

    catk_index(&k, objid, slot);
    if ((err = cat_read(t, db, &k, buf, &len)) < 0) return err;
    if ((err = catr_index_decode(buf, len, objid, ix)) < 0) return err;
    return ix->slot == slot ? 0 : JET_errDatabaseCorrupted;
}

int cat_find_column(store_txn *t, store_db *db, uint32_t objid, const char *name,
                    struct cat_column *c)
{
    struct cat_key k;
    uint32_t columnid;
    int err;

    catk_column_name(&k, objid, name);
    if ((err = cat_read_u32(t, db, &k, &columnid)) < 0) return err;
    if ((err = cat_read_column(t, db, objid, columnid, c)) < 0)
        return err == JET_errRecordNotFound ? JET_errDatabaseCorrupted : err;
    if (c->deleted || cat_name_compare(c->name, name)) return JET_errDatabaseCorrupted;
    return 0;
}

/* ---- the write journal --------------------------------------------------- */

void cat_wr_init(struct cat_wr *w, store_txn *t, store_db *db)
{
    memset(w, 0, sizeof(*w));
    w->t = t;
    w->db = db;
    w->tree = store_db_catalog(db);
}

/* Notes what k holds now, before it changes. */
static int wr_remember(struct cat_wr *w, const struct cat_key *k)
{
    struct cat_undo *u;
    uint8_t buf[CAT_VAL_MAX];
    uint32_t len;
    int err;

    if (w->n == w->cap) {
        uint32_t cap = w->cap ? w->cap * 2 : 8;
        struct cat_undo *v = realloc(w->v, cap * sizeof(*v));
        if (!v) return JET_errOutOfMemory;
        w->v = v;
        w->cap = cap;
    }
    u = &w->v[w->n];
    memset(u, 0, sizeof(*u));
    u->key = *k;
    err = cat_read(w->t, w->db, k, buf, &len);
    if (err == JET_errRecordNotFound) {
        w->n++;
        return 0;
    }
    if (err < 0) return err;
    if (!(u->val = malloc(len ? len : 1))) return JET_errOutOfMemory;
    memcpy(u->val, buf, len);
    u->vlen = len;
    u->had = 1;
    w->n++;
    return 0;
}

/* Drops the newest note: its change failed, so the key did not change (a
 * failed store_txn_put or _delete leaves the write set as it was). */
static int wr_forget(struct cat_wr *w, int err)
{
    w->n--;
    free(w->v[w->n].val);
    return err;
}

int cat_wr_put(struct cat_wr *w, const struct cat_key *k, const void *val, uint32_t vlen)
{
    int err = wr_remember(w, k);
    if (err < 0) return err;
    err = store_txn_put(w->t, w->db, w->tree, k->b, k->len, val, vlen, BT_UPSERT);
    return err < 0 ? wr_forget(w, err) : err;
}

int cat_wr_put_u32(struct cat_wr *w, const struct cat_key *k, uint32_t v)
{
    uint8_t b[4];
    cat_put_u32(b, v);
    return cat_wr_put(w, k, b, 4);
}

int cat_wr_del(struct cat_wr *w, const struct cat_key *k)
{
    int err = wr_remember(w, k);
    if (err < 0) return err;
    err = store_txn_delete(w->t, w->db, w->tree, k->b, k->len);
    return err < 0 ? wr_forget(w, err) : err;
}

int cat_wr_table(struct cat_wr *w, const struct cat_table *tb)
{
    uint8_t buf[CAT_VAL_MAX];
    struct cat_key k;
    catk_table(&k, tb->objid);
    return cat_wr_put(w, &k, buf, catr_table_encode(tb, buf));
}

int cat_wr_column(struct cat_wr *w, uint32_t objid, const struct cat_column *c)
{
    uint8_t buf[CAT_VAL_MAX];
    struct cat_key k;
    catk_column(&k, objid, c->columnid);
    return cat_wr_put(w, &k, buf, catr_column_encode(c, buf));
}

int cat_wr_index(struct cat_wr *w, const struct cat_index *ix)
{
    uint8_t buf[CAT_VAL_MAX];
    struct cat_key k;
    catk_index(&k, ix->table_objid, ix->slot);
    return cat_wr_put(w, &k, buf, catr_index_encode(ix, buf));
}

/* Puts one key back as it was. */
static int wr_restore(struct cat_wr *w, const struct cat_undo *u)
{
    int err;
    if (u->had)
        return store_txn_put(w->t, w->db, w->tree, u->key.b, u->key.len, u->val, u->vlen,
                             BT_UPSERT);
    err = store_txn_delete(w->t, w->db, w->tree, u->key.b, u->key.len);
    return err == JET_errRecordNotFound ? 0 : err;
}

int cat_wr_end(struct cat_wr *w, int err)
{
    uint32_t i = w->n;
    int failed = 0;

    while (err < 0 && i > 0) {
        i--;
        if (wr_restore(w, &w->v[i]) < 0) failed = 1;
    }
    for (i = 0; i < w->n; i++) free(w->v[i].val);
    free(w->v);
    w->v = NULL;
    w->n = w->cap = 0;
    if (failed) {
        ERR("could not undo a failed catalog change (error %d)\n", err);
        return JET_errOutOfMemory;
    }
    return err;
}

/* ---- object ids ---------------------------------------------------------- */

static os_mutex *objid_mutex; /* one allocation at a time, process-wide */

static int objid_next(store_txn *t, store_db *db, uint32_t *objid)
{
    struct cat_key k;
    uint32_t last;
    uint8_t b[4];
    int err;

    catk_counter(&k);
    err = cat_read_u32(t, db, &k, &last);
    if (err == JET_errRecordNotFound) {
        last = CAT_OBJID_FIRST - 1;
        err = 0;
    }
    if (err < 0) return err;
    if (last >= 0x7FFFFFFEu) return JET_errOutOfObjectIDs;
    *objid = last + 1;
    cat_put_u32(b, *objid);
    return store_txn_put(t, db, store_db_catalog(db), k.b, k.len, b, 4, BT_UPSERT);
}

int cat_objid_alloc(store *s, store_db *db, uint32_t *objid)
{
    os_mutex *m = os_mutex_lazy(&objid_mutex);
    store_txn *t;
    int err;

    if (!m) return JET_errOutOfMemory;
    os_mutex_lock(m);
    err = store_txn_begin(s, &t);
    if (err >= 0) {
        err = objid_next(t, db, objid);
        if (err < 0)
            store_txn_abort(t);
        else
            err = store_txn_commit(t, STORE_COMMIT_LAZY);
    }
    os_mutex_unlock(m);
    return err;
}

/* ---- shared checks ------------------------------------------------------- */

int cat_column_name_taken(store_txn *t, store_db *db, const struct cat_table *tb,
                          const char *name)
{
    struct cat_column c;
    int err = cat_find_column(t, db, tb->objid, name, &c);
    if (err == JET_errRecordNotFound && (tb->flags & CAT_TABLE_DERIVED))
        err = cat_find_column(t, db, tb->template_objid, name, &c);
    if (err == JET_errRecordNotFound) return 0;
    return err < 0 ? err : 1;
}

int cat_resolve_column(store_txn *t, store_db *db, const struct cat_table *tb, const char *name,
                       struct cat_column *c)
{
    int err = cat_find_column(t, db, tb->objid, name, c);
    if (err == JET_errRecordNotFound && (tb->flags & CAT_TABLE_DERIVED))
        err = cat_find_column(t, db, tb->template_objid, name, c);
    return err == JET_errRecordNotFound ? JET_errColumnNotFound : err;
}

static int index_uses(const struct cat_index *ix, JET_COLUMNID columnid)
{
    uint32_t i;
    for (i = 0; i < ix->nsegs; i++)
        if (ix->segs[i].columnid == columnid) return 1;
    for (i = 0; i < ix->ncond; i++)
        if (ix->cond[i].columnid == columnid) return 1;
    return 0;
}

int cat_column_indexed(store_txn *t, store_db *db, const struct cat_table *tb,
                       JET_COLUMNID columnid)
{
    struct cat_index ix;
    uint32_t slot;
    int err;

    for (slot = 0; slot < tb->index_slots; slot++) {
        err = cat_read_index(t, db, tb->objid, slot, &ix);
        if (err == JET_errRecordNotFound) continue;
        if (err < 0) return err;
        if (index_uses(&ix, columnid)) return 1;
    }
    return 0;
}
