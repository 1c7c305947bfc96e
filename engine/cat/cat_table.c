/*
 * cat_table.c - tables in the catalog: create (with their trees and object
 * id; a derived table with its copies of the template's indexes), look up,
 * list, rename, delete (returning the trees to drop) and the
 * autoincrement state.
 */
#include <stdlib.h>
#include <string.h>

#include "cat_int.h"
#include "page.h"

#define CREATE_FLAGS \
    (JET_bitTableCreateFixedDDL | JET_bitTableCreateTemplateTable | \
     JET_bitTableCreateImmutableStructure)

/* The table named name (already checked), JET_errObjectNotFound if none. */
static int table_by_name(store_txn *t, store_db *db, const char *name, struct cat_table *tb)
{
    struct cat_key k;
    uint32_t objid;
    int err;

    catk_table_name(&k, name);
    err = cat_read_u32(t, db, &k, &objid);
    if (err == JET_errRecordNotFound) return JET_errObjectNotFound;
    if (err < 0) return err;
    err = cat_read_table(t, db, objid, tb);
    if (err == JET_errRecordNotFound) return JET_errDatabaseCorrupted;
    if (err < 0) return err;
    return cat_name_compare(tb->name, name) ? JET_errDatabaseCorrupted : 0;
}

/* 1 if a table has this name, 0 if not, or an error. */
static int table_exists(store_txn *t, store_db *db, const char *name)
{
    struct cat_key k;
    uint32_t objid;
    int err;

    catk_table_name(&k, name);
    err = cat_read_u32(t, db, &k, &objid);
    if (err == JET_errRecordNotFound) return 0;
    return err < 0 ? err : 1;
}

/* ESE's ErrIsamCreateTable grbit rules. */
static int check_create_flags(JET_GRBIT flags, const char *template_name)
{
    if ((flags & JET_bitTableCreateTemplateTable) && template_name) return JET_errCannotNestDDL;
    if (flags & ~(JET_GRBIT)CREATE_FLAGS) return JET_errInvalidGrbit;
    return 0;
}

static int check_density(uint32_t *density)
{
    if (*density == 0) *density = CAT_DENSITY_DEFAULT;
    if (*density < 20 || *density > 100) return JET_errDensityInvalid;
    return 0;
}

/* A new table record: no columns, no indexes (or those of the template's
 * column id space for a derived table). */
static void table_init(struct cat_table *tb, uint32_t pages, uint32_t density, JET_GRBIT flags,
                       const struct cat_table *tmpl)
{
    tb->pages = pages;
    tb->density = density;
    tb->flags = flags;
    if (flags & JET_bitTableCreateTemplateTable) tb->flags |= JET_bitTableCreateFixedDDL;
    tb->last_fixed = CAT_FIXED_FIRST - 1;
    tb->last_var = CAT_VAR_FIRST - 1;
    tb->last_tagged = CAT_TAGGED_FIRST - 1;
    tb->primary_slot = CAT_NONE;
    if (!tmpl) return;
    tb->flags |= CAT_TABLE_DERIVED;
    tb->template_objid = tmpl->objid;
    tb->last_fixed = tmpl->last_fixed;
    tb->last_var = tmpl->last_var;
    tb->last_tagged = tmpl->last_tagged;
    tb->fixed_bytes = tmpl->fixed_bytes;
    /* The template's autoincrement and version columns are the derived
     * table's (the autoincrement counter is its own). */
    tb->autoinc_column = tmpl->autoinc_column;
    tb->version_column = tmpl->version_column;
}

/* The checks of cat_table_create, in ESE's order; fills *tb. */
static int create_checks(store_txn *t, store_db *db, const char *name, uint32_t pages,
                         uint32_t density, JET_GRBIT flags, const char *template_name,
                         struct cat_table *tb)
{
    struct cat_table tmpl;
    char tname[CAT_NAME_MAX + 1];
    int err;

    memset(tb, 0, sizeof(*tb));
    if ((err = check_create_flags(flags, template_name)) < 0) return err;
    if ((err = cat_name_check(name, tb->name)) < 0) return err;
    if (template_name) {
        if ((err = cat_name_check(template_name, tname)) < 0) return err;
        if ((err = table_by_name(t, db, tname, &tmpl)) < 0) return err;
        if (!(tmpl.flags & JET_bitTableCreateTemplateTable)) return JET_errDDLNotInheritable;
    }
    if ((err = check_density(&density)) < 0) return err;
    if ((err = table_exists(t, db, tb->name)) < 0) return err;
    if (err) return JET_errTableDuplicate;
    table_init(tb, pages, density, flags, template_name ? &tmpl : NULL);
    return 0;
}

/* The object id and both trees; on failure nothing is left behind but the
 * burnt object id. */
static int create_trees(store *s, store_db *db, struct cat_table *tb)
{
    int err;
    if ((err = cat_objid_alloc(s, db, &tb->objid)) < 0) return err;
    if ((err = store_tree_create(s, db, &tb->data_root)) < 0) return err;
    if ((err = store_tree_create(s, db, &tb->lv_root)) < 0) {
        (void)store_tree_drop(s, db, tb->data_root);
        return err;
    }
    return 0;
}

static int create_records(store_txn *t, store_db *db, const struct cat_table *tb,
                          const struct cat_index *ixs, uint32_t nix)
{
    struct cat_wr w;
    struct cat_key k;
    uint32_t i;
    int err;

    cat_wr_init(&w, t, db);
    catk_table_name(&k, tb->name);
    err = cat_wr_put_u32(&w, &k, tb->objid);
    if (err >= 0) err = cat_wr_table(&w, tb);
    for (i = 0; err >= 0 && i < nix; i++) {
        catk_index_name(&k, tb->objid, ixs[i].name);
        err = cat_wr_put_u32(&w, &k, ixs[i].slot);
        if (err >= 0) err = cat_wr_index(&w, &ixs[i]);
    }
    return cat_wr_end(&w, err);
}

/* Drops the secondary index trees of ixs (the primary's is the table's). */
static void drop_index_trees(store *s, store_db *db, const struct cat_table *tb,
                             const struct cat_index *ixs, uint32_t nix)
{
    uint32_t i;
    for (i = 0; i < nix; i++)
        if (ixs[i].root && ixs[i].root != tb->data_root) (void)store_tree_drop(s, db, ixs[i].root);
}

/* A derived table's own copies of its template's indexes, as ESE makes
 * them at creation: the same definitions and slots, marked
 * CAT_INDEX_DERIVED, the primary one over the table's data tree, each
 * secondary one with a new object id and tree (dropped again on failure).
 * Sets tb's primary slot and slot count. */
static int inherit_indexes(store *s, store_txn *t, store_db *db, struct cat_table *tb,
                           struct cat_index **out, uint32_t *nout)
{
    struct cat_table tmpl;
    struct cat_index *v;
    uint32_t n, i;
    int err;

    *out = NULL;
    *nout = 0;
    if ((err = cat_read_table(t, db, tb->template_objid, &tmpl)) < 0)
        return err == JET_errRecordNotFound ? JET_errDatabaseCorrupted : err;
    if ((err = cat_indexes_list(t, db, tmpl.objid, &v, &n)) < 0) return err;
    for (i = 0; i < n; i++) v[i].root = 0;
    for (i = 0; err >= 0 && i < n; i++) {
        v[i].table_objid = tb->objid;
        v[i].flags |= CAT_INDEX_DERIVED;
        if (v[i].slot == tmpl.primary_slot) {
            v[i].objid = tb->objid;
            v[i].root = tb->data_root;
            tb->primary_slot = v[i].slot;
        } else if ((err = cat_objid_alloc(s, db, &v[i].objid)) >= 0) {
            err = store_tree_create(s, db, &v[i].root);
        }
    }
    if (err < 0) {
        drop_index_trees(s, db, tb, v, n);
        free(v);
        return err;
    }
    tb->index_slots = tmpl.index_slots;
    *out = v;
    *nout = n;
    return 0;
}

int cat_table_create(store *s, store_txn *t, store_db *db, const char *name, uint32_t pages,
                     uint32_t density, JET_GRBIT flags, const char *template_name,
                     struct cat_table *out)
{
    struct cat_table tb;
    struct cat_index *ixs = NULL;
    uint32_t nix = 0;
    int err;

    memset(out, 0, sizeof(*out));
    if ((err = create_checks(t, db, name, pages, density, flags, template_name, &tb)) < 0)
        return err;
    if ((err = create_trees(s, db, &tb)) < 0) return err;
    if (tb.flags & CAT_TABLE_DERIVED) err = inherit_indexes(s, t, db, &tb, &ixs, &nix);
    if (err >= 0 && (err = create_records(t, db, &tb, ixs, nix)) < 0) drop_index_trees(s, db, &tb, ixs, nix);
    free(ixs);
    if (err < 0) {
        (void)store_tree_drop(s, db, tb.lv_root);
        (void)store_tree_drop(s, db, tb.data_root);
        return err;
    }
    *out = tb;
    return 0;
}

int cat_table_lookup(store_txn *t, store_db *db, const char *name, struct cat_table *out)
{
    char tname[CAT_NAME_MAX + 1];
    int err;

    memset(out, 0, sizeof(*out));
    if ((err = cat_name_check(name, tname)) < 0) return err;
    return table_by_name(t, db, tname, out);
}

int cat_table_get(store_txn *t, store_db *db, uint32_t objid, struct cat_table *out)
{
    return cat_table_load(t, db, objid, out);
}

/* ---- listing ------------------------------------------------------------- */

static int cmp_tables(const void *a, const void *b)
{
    return cat_name_compare(((const struct cat_table *)a)->name,
                            ((const struct cat_table *)b)->name);
}

/* Appends tb to the growing array *v. */
static int push_table(struct cat_table **v, uint32_t *n, uint32_t *cap,
                      const struct cat_table *tb)
{
    if (*n == *cap) {
        uint32_t c = *cap ? *cap * 2 : 16;
        struct cat_table *nv = realloc(*v, c * sizeof(*nv));
        if (!nv) return JET_errOutOfMemory;
        *v = nv;
        *cap = c;
    }
    (*v)[(*n)++] = *tb;
    return 0;
}

int cat_tables_list(store_txn *t, store_db *db, struct cat_table **out, uint32_t *n)
{
    struct cat_table tb, *v = NULL;
    struct cat_key k;
    store_cursor *cur;
    const uint8_t *key, *val;
    uint32_t klen, vlen, cnt = 0, cap = 0;
    int err;

    *out = NULL;
    *n = 0;
    /* A scan of the table records (key 11 be32 objid) as t sees them,
     * rather than a lookup of every id up to the counter: the counter may
     * be large (ids are never reused), or damaged (up to 2^32 lookups). */
    catk_table(&k, CAT_OBJID_FIRST);
    if ((err = store_cursor_open(store_txn_store(t), db, store_db_catalog(db), &cur)) < 0) return err;
    for (err = store_cursor_seek(cur, t, k.b, k.len, BT_SEEK_GE, NULL); err >= 0;
         err = store_cursor_next(cur, t)) {
        uint8_t buf[CAT_VAL_MAX];
        if ((err = store_cursor_get(cur, &key, &klen, &val, &vlen)) < 0) break;
        if (klen < 1 || key[0] != CATK_TABLE) break;
        if (klen != k.len || vlen > CAT_VAL_MAX) {
            err = JET_errDatabaseCorrupted;
            break;
        }
        memcpy(buf, val, vlen);
        if ((err = catr_table_decode(buf, vlen, &tb)) < 0) break;
        if (tb.objid != get_be32(key + 1)) {
            err = JET_errDatabaseCorrupted;
            break;
        }
        if ((err = push_table(&v, &cnt, &cap, &tb)) < 0) break;
    }
    store_cursor_close(cur);
    if (err == JET_errRecordNotFound || err == JET_errNoCurrentRecord) err = 0;
    if (err < 0) {
        free(v);
        return err;
    }
    if (cnt) qsort(v, cnt, sizeof(*v), cmp_tables);
    *out = v;
    *n = cnt;
    return 0;
}

/* ---- deleting ------------------------------------------------------------ */

void cat_roots_free(struct cat_roots *r)
{
    free(r->roots);
    r->roots = NULL;
    r->n = 0;
}

static int push_root(struct cat_roots *r, uint32_t *cap, uint32_t root)
{
    if (r->n == *cap) {
        uint32_t c = *cap ? *cap * 2 : 8;
        uint32_t *nv = realloc(r->roots, c * sizeof(*nv));
        if (!nv) return JET_errOutOfMemory;
        r->roots = nv;
        *cap = c;
    }
    r->roots[r->n++] = root;
    return 0;
}

/* Deletes the table's index records, noting secondary trees in drop. */
static int delete_indexes(struct cat_wr *w, const struct cat_table *tb, struct cat_roots *drop,
                          uint32_t *cap)
{
    struct cat_index ix;
    struct cat_key k;
    uint32_t slot;
    int err;

    for (slot = 0; slot < tb->index_slots; slot++) {
        err = cat_read_index(w->t, w->db, tb->objid, slot, &ix);
        if (err == JET_errRecordNotFound) continue;
        if (err < 0) return err;
        if (slot != tb->primary_slot && (err = push_root(drop, cap, ix.root)) < 0) return err;
        catk_index_name(&k, tb->objid, ix.name);
        if ((err = cat_wr_del(w, &k)) < 0) return err;
        catk_index(&k, tb->objid, slot);
        if ((err = cat_wr_del(w, &k)) < 0) return err;
    }
    return 0;
}

/* Deletes the column records with ids first..last (and their names). */
static int delete_columns(struct cat_wr *w, uint32_t objid, uint32_t first, uint32_t last)
{
    struct cat_column c;
    struct cat_key k;
    uint32_t id;
    int err;

    for (id = first; id <= last; id++) {
        err = cat_read_column(w->t, w->db, objid, id, &c);
        if (err == JET_errRecordNotFound) continue;
        if (err < 0) return err;
        if (!c.deleted) {
            catk_column_name(&k, objid, c.name);
            if ((err = cat_wr_del(w, &k)) < 0) return err;
        }
        catk_column(&k, objid, id);
        if ((err = cat_wr_del(w, &k)) < 0) return err;
    }
    return 0;
}

static int delete_all(struct cat_wr *w, const struct cat_table *tb, struct cat_roots *drop)
{
    struct cat_key k;
    uint32_t cap = 0;
    int err;

    if ((err = push_root(drop, &cap, tb->data_root)) < 0) return err;
    if ((err = push_root(drop, &cap, tb->lv_root)) < 0) return err;
    if ((err = delete_indexes(w, tb, drop, &cap)) < 0) return err;
    if ((err = delete_columns(w, tb->objid, CAT_FIXED_FIRST, tb->last_fixed)) < 0) return err;
    if ((err = delete_columns(w, tb->objid, CAT_VAR_FIRST, tb->last_var)) < 0) return err;
    if ((err = delete_columns(w, tb->objid, CAT_TAGGED_FIRST, tb->last_tagged)) < 0) return err;
    catk_table_name(&k, tb->name);
    if ((err = cat_wr_del(w, &k)) < 0) return err;
    catk_table(&k, tb->objid);
    return cat_wr_del(w, &k);
}

int cat_table_delete(store_txn *t, store_db *db, const char *name, struct cat_roots *drop)
{
    struct cat_table tb;
    struct cat_wr w;
    int err;

    memset(drop, 0, sizeof(*drop));
    if ((err = cat_table_lookup(t, db, name, &tb)) < 0) return err;
    if (tb.flags & JET_bitTableCreateTemplateTable) return JET_errCannotDeleteTemplateTable;
    cat_wr_init(&w, t, db);
    err = cat_wr_end(&w, delete_all(&w, &tb, drop));
    if (err < 0) cat_roots_free(drop);
    return err;
}

/* ---- renaming and the autoincrement state -------------------------------- */

static int rename_records(store_txn *t, store_db *db, struct cat_table *tb, const char *newname)
{
    struct cat_wr w;
    struct cat_key k;
    int err = 0, moved = cat_name_compare(tb->name, newname) != 0;

    cat_wr_init(&w, t, db);
    if (moved) {
        catk_table_name(&k, tb->name);
        err = cat_wr_del(&w, &k);
        catk_table_name(&k, newname);
        if (err >= 0) err = cat_wr_put_u32(&w, &k, tb->objid);
    }
    strcpy(tb->name, newname);
    if (err >= 0) err = cat_wr_table(&w, tb);
    return cat_wr_end(&w, err);
}

int cat_table_rename(store_txn *t, store_db *db, const char *name, const char *newname)
{
    char nname[CAT_NAME_MAX + 1];
    struct cat_table tb;
    int err;

    if ((err = cat_table_lookup(t, db, name, &tb)) < 0) return err;
    if ((err = cat_name_check(newname, nname)) < 0) return err;
    if (cat_name_compare(tb.name, nname)) {
        if ((err = table_exists(t, db, nname)) < 0) return err;
        if (err) return JET_errTableDuplicate;
    }
    return rename_records(t, db, &tb, nname);
}

int cat_table_set_autoinc(store_txn *t, store_db *db, uint32_t objid, uint64_t value)
{
    struct cat_table tb;
    struct cat_wr w;
    int err;

    if ((err = cat_table_load(t, db, objid, &tb)) < 0) return err;
    tb.autoinc_last = value;
    cat_wr_init(&w, t, db);
    return cat_wr_end(&w, cat_wr_table(&w, &tb));
}
