/*
 * cat_column.c - columns in the catalog: adding one (ESE's
 * ErrFILEIValidateAddColumn rules, in its order, and ErrFILEGetNextColumnid
 * for the id), looking up by name and id, deleting (a tombstone keeps the
 * id and size), renaming, default values and listing in id order.
 */
#include <stdlib.h>
#include <string.h>

#include "cat_int.h"

/* Bits of JET_COLUMNDEF.grbit that describe the column (kept in the
 * catalog); Fixed and Tagged are set from the column's class. */
#define KEPT_GRBITS \
    (JET_bitColumnNotNULL | JET_bitColumnVersion | JET_bitColumnAutoincrement | \
     JET_bitColumnMultiValued | JET_bitColumnEscrowUpdate | JET_bitColumnMaybeNull | \
     JET_bitColumnFinalize | JET_bitColumnUserDefinedDefault | JET_bitColumnDeleteOnZero | \
     JET_bitColumnCompressed)

#define UDD_EXCLUDED \
    (JET_bitColumnFixed | JET_bitColumnNotNULL | JET_bitColumnVersion | \
     JET_bitColumnAutoincrement | JET_bitColumnUpdatable | JET_bitColumnEscrowUpdate | \
     JET_bitColumnFinalize | JET_bitColumnDeleteOnZero | JET_bitColumnMaybeNull)

/* Bytes of a record before its fixed data besides the NULL bitmap: the
 * format byte and the F, V and T counts (engine/rec's REC_HEADER). */
#define RECORD_HEADER 5u

enum col_class { CLASS_FIXED, CLASS_VAR, CLASS_TAGGED };

static enum col_class class_of_def(JET_COLTYP coltyp, JET_GRBIT grbit)
{
    if ((grbit & JET_bitColumnTagged) || cat_coltyp_long(coltyp)) return CLASS_TAGGED;
    if ((grbit & JET_bitColumnFixed) || cat_coltyp_fixed_size(coltyp)) return CLASS_FIXED;
    return CLASS_VAR;
}

/* ESE's UlCATColumnSize: the stored cbMax; *truncated when cut to 255. */
static uint32_t column_size(JET_COLTYP coltyp, uint32_t cbmax, int *truncated)
{
    uint32_t n = (uint32_t)cat_coltyp_fixed_size(coltyp);
    *truncated = 0;
    if (n) return n;
    if (cat_coltyp_long(coltyp)) return cbmax;
    if (cbmax == 0) return JET_cbColumnMost;
    if (cbmax > JET_cbColumnMost) {
        *truncated = 1;
        return JET_cbColumnMost;
    }
    return cbmax;
}

/* Code page and type rules. */
static int check_type(const struct cat_column_def *def, uint16_t *cp)
{
    if (!cat_coltyp_valid(def->coltyp)) return JET_errInvalidColumnType;
    *cp = 0;
    if (cat_coltyp_text(def->coltyp)) {
        *cp = def->cp ? def->cp : 1252;
        if (*cp != 1252 && *cp != 1200) return JET_errInvalidCodePage;
    }
    if ((def->grbit & JET_bitColumnCompressed) && !cat_coltyp_long(def->coltyp))
        return JET_errColumnCannotBeCompressed;
    if ((def->grbit & JET_bitColumnTagged) || cat_coltyp_long(def->coltyp)) {
        if (def->grbit & JET_bitColumnFixed) return JET_errInvalidGrbit;
    } else if (def->grbit & JET_bitColumnMultiValued) {
        return JET_errMultiValuedColumnMustBeTagged;
    }
    return 0;
}

static int check_escrow(const struct cat_column_def *def, int has_default)
{
    JET_GRBIT g = def->grbit;
    if (def->coltyp != JET_coltypLong && def->coltyp != JET_coltypLongLong)
        return JET_errInvalidGrbit;
    if (g & JET_bitColumnTagged) return JET_errCannotBeTagged;
    if (g & (JET_bitColumnVersion | JET_bitColumnAutoincrement)) return JET_errInvalidGrbit;
    if (!has_default) return JET_errInvalidGrbit;
    if ((g & JET_bitColumnFinalize) && (g & JET_bitColumnDeleteOnZero)) return JET_errInvalidGrbit;
    return 0;
}

static int check_version_autoinc(const struct cat_column_def *def)
{
    JET_GRBIT g = def->grbit;
    JET_COLTYP ty = def->coltyp;
    if (g & JET_bitColumnAutoincrement) {
        if (ty != JET_coltypLong && ty != JET_coltypLongLong &&
            ty != JET_coltypUnsignedLongLong && ty != JET_coltypCurrency)
            return JET_errInvalidGrbit;
    } else if (ty != JET_coltypLong) {
        return JET_errInvalidGrbit;
    }
    if (g & JET_bitColumnTagged) return JET_errCannotBeTagged;
    if ((g & JET_bitColumnVersion) && (g & JET_bitColumnAutoincrement)) return JET_errInvalidGrbit;
    return 0;
}

/* The grbit rules of ErrFILEIValidateAddColumn. */
static int check_grbits(const struct cat_column_def *def, int has_default)
{
    JET_GRBIT g = def->grbit;
    int err = 0;

    if (g & JET_bitColumnEscrowUpdate)
        err = check_escrow(def, has_default);
    else if (g & (JET_bitColumnFinalize | JET_bitColumnDeleteOnZero))
        err = JET_errInvalidGrbit;
    else if (g & (JET_bitColumnVersion | JET_bitColumnAutoincrement))
        err = check_version_autoinc(def);
    if (err < 0) return err;
    if (g & JET_bitColumnUserDefinedDefault) {
        if (g & UDD_EXCLUDED) return JET_errInvalidGrbit;
        if (!(g & JET_bitColumnTagged) && !cat_coltyp_long(def->coltyp)) return JET_errInvalidGrbit;
    }
    return 0;
}

/* Default value rules: too big for the column, a fixed-size type's default
 * of another size; long values are cut to 255 bytes.  Sets c's default.
 * For JET_bitColumnUserDefinedDefault the bytes are whatever the Jet layer
 * keeps about the callback (at most 255). */
static int set_default(struct cat_column *c, const void *data, uint32_t cb)
{
    uint32_t natural = (uint32_t)cat_coltyp_fixed_size(c->coltyp);

    if (!(c->grbit & JET_bitColumnUserDefinedDefault) && c->cbmax && c->cbmax < cb)
        return JET_errDefaultValueTooBig;
    if (natural && cb != natural) return JET_errInvalidBufferSize;
    if (cb > CAT_DEFAULT_MAX) {
        /* A user-defined default's bytes describe the callback: never cut. */
        if (!cat_coltyp_long(c->coltyp) || (c->grbit & JET_bitColumnUserDefinedDefault))
            return JET_errDefaultValueTooBig;
        cb = CAT_DEFAULT_MAX;
    }
    memcpy(c->defval, data, cb);
    c->cbdefault = cb;
    return 0;
}

/* Validates def into c (without its id).  Returns 0 or
 * JET_wrnColumnMaxTruncated, or an error. */
static int check_def(const struct cat_column_def *def, struct cat_column *c)
{
    int has_default = def->pvdefault && def->cbdefault, truncated, err;

    memset(c, 0, sizeof(*c));
    if (def->cbmax > 0x7FFFFFFFu) return JET_errInvalidParameter;
    if ((err = cat_name_check(def->name, c->name)) < 0) return err;
    if ((err = check_type(def, &c->cp)) < 0) return err;
    if ((err = check_grbits(def, has_default)) < 0) return err;
    c->coltyp = def->coltyp;
    c->grbit = def->grbit & KEPT_GRBITS;
    c->cbmax = column_size(def->coltyp, def->cbmax, &truncated);
    if (has_default && (err = set_default(c, def->pvdefault, def->cbdefault)) < 0) return err;
    return truncated ? JET_wrnColumnMaxTruncated : 0;
}

/* The largest record the fixed columns may fill: a leaf cell minus the
 * room of a legacy-size primary key (ESE keeps max(255, 2 + cbKeyMost)). */
static uint32_t fixed_room(store_db *db)
{
    return bt_cell_max(store_db_page_size(db)) - KEY_LEGACY_KEYMOST;
}

/* Hands out the next id of the column's class (ErrFILEGetNextColumnid). */
static int next_columnid(struct cat_table *tb, enum col_class cls, JET_COLUMNID *id)
{
    switch (cls) {
    case CLASS_FIXED:
        if (tb->last_fixed >= CAT_FIXED_LAST) return JET_errTooManyColumns;
        *id = ++tb->last_fixed;
        return 0;
    case CLASS_VAR:
        if (tb->last_var >= CAT_VAR_LAST) return JET_errTooManyColumns;
        *id = ++tb->last_var;
        return 0;
    default:
        if (tb->last_tagged >= CAT_TAGGED_LAST) return JET_errTooManyColumns;
        *id = ++tb->last_tagged;
        return 0;
    }
}

/* The table-level checks and bookkeeping of an add: duplicate names, room
 * for a fixed column, the id, one autoincrement and one version column. */
static int place_column(store_txn *t, store_db *db, struct cat_table *tb, struct cat_column *c,
                        JET_GRBIT defgrbit)
{
    enum col_class cls = class_of_def(c->coltyp, defgrbit);
    int err;

    if ((err = cat_column_name_taken(t, db, tb, c->name)) < 0) return err;
    if (err) return JET_errColumnDuplicate;
    if (cls == CLASS_FIXED &&
        RECORD_HEADER + (tb->last_fixed + 8u) / 8 + tb->fixed_bytes + c->cbmax > fixed_room(db))
        return JET_errRecordTooBig;
    if ((err = next_columnid(tb, cls, &c->columnid)) < 0) return err;
    if (cls == CLASS_FIXED) tb->fixed_bytes += c->cbmax;
    if (cls == CLASS_FIXED) c->grbit |= JET_bitColumnFixed;
    if (cls == CLASS_TAGGED) c->grbit |= JET_bitColumnTagged;
    if (c->grbit & JET_bitColumnVersion) {
        if (tb->version_column) return JET_errColumnRedundant;
        tb->version_column = c->columnid;
    } else if (c->grbit & JET_bitColumnAutoincrement) {
        if (tb->autoinc_column) return JET_errColumnRedundant;
        tb->autoinc_column = c->columnid;
    }
    return 0;
}

static int write_column(store_txn *t, store_db *db, const struct cat_table *tb,
                        const struct cat_column *c)
{
    struct cat_wr w;
    struct cat_key k;
    int err;

    cat_wr_init(&w, t, db);
    catk_column_name(&k, tb->objid, c->name);
    err = cat_wr_put_u32(&w, &k, c->columnid);
    if (err >= 0) err = cat_wr_column(&w, tb->objid, c);
    if (err >= 0) err = cat_wr_table(&w, tb);
    return cat_wr_end(&w, err);
}

int cat_column_add(store_txn *t, store_db *db, uint32_t objid, const struct cat_column_def *def,
                   struct cat_column *out)
{
    struct cat_table tb;
    struct cat_column c;
    int warn, err;

    memset(out, 0, sizeof(*out));
    if ((err = cat_table_load(t, db, objid, &tb)) < 0) return err;
    if ((warn = check_def(def, &c)) < 0) return warn;
    if ((err = place_column(t, db, &tb, &c, def->grbit)) < 0) return err;
    if ((err = write_column(t, db, &tb, &c)) < 0) return err;
    *out = c;
    return warn;
}

/* ---- lookups ------------------------------------------------------------- */

int cat_column_lookup(store_txn *t, store_db *db, uint32_t objid, const char *name,
                      struct cat_column *out)
{
    char cname[CAT_NAME_MAX + 1];
    int err;

    memset(out, 0, sizeof(*out));
    if ((err = cat_name_check(name, cname)) < 0) return err;
    err = cat_find_column(t, db, objid, cname, out);
    return err == JET_errRecordNotFound ? JET_errColumnNotFound : err;
}

int cat_column_get(store_txn *t, store_db *db, uint32_t objid, JET_COLUMNID columnid,
                   struct cat_column *out)
{
    int err;

    memset(out, 0, sizeof(*out));
    if (columnid < CAT_FIXED_FIRST || columnid > CAT_TAGGED_LAST) return JET_errColumnNotFound;
    err = cat_read_column(t, db, objid, columnid, out);
    if (err == JET_errRecordNotFound || (err >= 0 && out->deleted)) {
        memset(out, 0, sizeof(*out));
        return JET_errColumnNotFound;
    }
    return err;
}

/* The table and its live column called name: JET_errColumnNotFound, or
 * JET_errFixedInheritedDDL for a derived table's template column. */
static int column_of_table(store_txn *t, store_db *db, uint32_t objid, const char *name,
                           struct cat_table *tb, struct cat_column *c)
{
    char cname[CAT_NAME_MAX + 1];
    int err;

    if ((err = cat_name_check(name, cname)) < 0) return err;
    if ((err = cat_table_load(t, db, objid, tb)) < 0) return err;
    err = cat_find_column(t, db, objid, cname, c);
    if (err != JET_errRecordNotFound) return err;
    if ((tb->flags & CAT_TABLE_DERIVED) &&
        cat_find_column(t, db, tb->template_objid, cname, c) >= 0)
        return JET_errFixedInheritedDDL;
    return JET_errColumnNotFound;
}

/* ---- deleting, renaming, defaults ---------------------------------------- */

static int write_deleted(store_txn *t, store_db *db, const struct cat_table *tb,
                         const struct cat_column *c)
{
    struct cat_column dead = *c;
    struct cat_wr w;
    struct cat_key k;
    int err;

    dead.name[0] = '\0';
    dead.deleted = 1;
    dead.cbdefault = 0;
    cat_wr_init(&w, t, db);
    catk_column_name(&k, tb->objid, c->name);
    err = cat_wr_del(&w, &k);
    if (err >= 0) err = cat_wr_column(&w, tb->objid, &dead);
    if (err >= 0) err = cat_wr_table(&w, tb);
    return cat_wr_end(&w, err);
}

int cat_column_delete(store_txn *t, store_db *db, uint32_t objid, const char *name,
                      JET_COLUMNID *columnid)
{
    struct cat_table tb;
    struct cat_column c;
    int err;

    if (columnid) *columnid = 0;
    if ((err = column_of_table(t, db, objid, name, &tb, &c)) < 0) return err;
    if ((err = cat_column_indexed(t, db, &tb, c.columnid)) < 0) return err;
    if (err) return JET_errColumnInUse;
    if (tb.autoinc_column == c.columnid) tb.autoinc_column = 0;
    if (tb.version_column == c.columnid) tb.version_column = 0;
    if ((err = write_deleted(t, db, &tb, &c)) < 0) return err;
    if (columnid) *columnid = c.columnid;
    return 0;
}

static int write_renamed(store_txn *t, store_db *db, uint32_t objid, struct cat_column *c,
                         const char *newname)
{
    struct cat_wr w;
    struct cat_key k;
    int err = 0;

    cat_wr_init(&w, t, db);
    if (cat_name_compare(c->name, newname)) {
        catk_column_name(&k, objid, c->name);
        err = cat_wr_del(&w, &k);
        catk_column_name(&k, objid, newname);
        if (err >= 0) err = cat_wr_put_u32(&w, &k, c->columnid);
    }
    strcpy(c->name, newname);
    if (err >= 0) err = cat_wr_column(&w, objid, c);
    return cat_wr_end(&w, err);
}

int cat_column_rename(store_txn *t, store_db *db, uint32_t objid, const char *name,
                      const char *newname)
{
    char nname[CAT_NAME_MAX + 1];
    struct cat_table tb;
    struct cat_column c;
    int err;

    if ((err = column_of_table(t, db, objid, name, &tb, &c)) < 0) return err;
    if ((err = cat_name_check(newname, nname)) < 0) return err;
    if (cat_name_compare(c.name, nname)) {
        if ((err = cat_column_name_taken(t, db, &tb, nname)) < 0) return err;
        if (err) return JET_errColumnDuplicate;
    }
    return write_renamed(t, db, objid, &c, nname);
}

int cat_column_set_default(store_txn *t, store_db *db, uint32_t objid, const char *name,
                           const void *data, uint32_t cb)
{
    char cname[CAT_NAME_MAX + 1];
    struct cat_table tb;
    struct cat_column c;
    struct cat_wr w;
    int err;

    if ((err = cat_name_check(name, cname)) < 0) return err;
    if (!data || !cb) return JET_errNullInvalid;
    if ((err = column_of_table(t, db, objid, cname, &tb, &c)) < 0) return err;
    if ((err = cat_column_indexed(t, db, &tb, c.columnid)) < 0) return err;
    if (err) return JET_errColumnInUse;
    if ((err = set_default(&c, data, cb)) < 0) return err;
    cat_wr_init(&w, t, db);
    return cat_wr_end(&w, cat_wr_column(&w, objid, &c));
}

/* ---- listing ------------------------------------------------------------- */

struct col_vec {
    struct cat_column *v;
    uint32_t n, cap;
};

static int push_column(struct col_vec *cv, const struct cat_column *c)
{
    if (cv->n == cv->cap) {
        uint32_t cap = cv->cap ? cv->cap * 2 : 16;
        struct cat_column *nv = realloc(cv->v, cap * sizeof(*nv));
        if (!nv) return JET_errOutOfMemory;
        cv->v = nv;
        cv->cap = cap;
    }
    cv->v[cv->n++] = *c;
    return 0;
}

static int list_range(store_txn *t, store_db *db, uint32_t objid, uint32_t first, uint32_t last,
                      unsigned opts, struct col_vec *cv)
{
    struct cat_column c;
    uint32_t id;
    int err;

    for (id = first; id <= last; id++) {
        err = cat_read_column(t, db, objid, id, &c);
        if (err == JET_errRecordNotFound) continue;
        if (err < 0) return err;
        if (c.deleted && !(opts & CAT_LIST_DELETED)) continue;
        if ((err = push_column(cv, &c)) < 0) return err;
    }
    return 0;
}

int cat_columns_list(store_txn *t, store_db *db, uint32_t objid, unsigned opts,
                     struct cat_column **out, uint32_t *n)
{
    struct col_vec cv = { NULL, 0, 0 };
    struct cat_table tb;
    int err;

    *out = NULL;
    *n = 0;
    if ((err = cat_table_load(t, db, objid, &tb)) < 0) return err;
    err = list_range(t, db, objid, CAT_FIXED_FIRST, tb.last_fixed, opts, &cv);
    if (err >= 0) err = list_range(t, db, objid, CAT_VAR_FIRST, tb.last_var, opts, &cv);
    if (err >= 0) err = list_range(t, db, objid, CAT_TAGGED_FIRST, tb.last_tagged, opts, &cv);
    if (err < 0) {
        free(cv.v);
        return err;
    }
    *out = cv.v;
    *n = cv.n;
    return 0;
}
