/*
 * cat_index.c - indexes in the catalog: creating one (ESE's
 * ErrFILEIValidateCreateIndex and ErrFILEIPrepareOneIndex checks, in their
 * order), looking up, deleting, listing, and the key_index (key.h) that
 * key making needs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cat_int.h"

#define IGNORE_NULLS \
    (JET_bitIndexIgnoreNull | JET_bitIndexIgnoreAnyNull | JET_bitIndexIgnoreFirstNull)

/* LCMapString flags an index may use with LCMAP_SORTKEY (ESE's
 * ErrNORMCheckLCMapFlags). */
#define SORTKEY_FLAGS \
    (KEY_LCMAP_BYTEREV | KEY_NORM_IGNORECASE | KEY_NORM_IGNORENONSPACE | \
     KEY_NORM_IGNORESYMBOLS | KEY_LINGUISTIC_IGNORECASE | KEY_LINGUISTIC_IGNOREDIACRITIC | \
     KEY_SORT_DIGITSASNUMBERS | KEY_NORM_IGNOREKANATYPE | KEY_NORM_IGNOREWIDTH | \
     KEY_NORM_LINGUISTIC_CASING | KEY_SORT_STRINGSORT)

/* ESE's tuple limits (idb.hxx). */
#define TUPLE_LEN_MIN_DEFAULT 3u
#define TUPLE_LEN_MAX_DEFAULT 10u
#define TUPLE_TO_INDEX_MAX_DEFAULT 0x7FFFu
#define TUPLE_INCREMENT_DEFAULT 1u
#define TUPLE_START_DEFAULT 0u
#define TUPLE_LEN_ABS_MIN 2u
#define TUPLE_LEN_ABS_MAX 255u
#define TUPLE_TO_INDEX_ABS_MAX 0x7FFFu

/* What index creation works on. */
struct ictx {
    store_txn *t;
    store_db *db;
    struct cat_table tb;
    const struct cat_index_def *def;
    struct cat_index ix;
    struct cat_key_desc kd;
};

/* ---- the definition itself ----------------------------------------------- */

/* cbKeyMost (JET_bitIndexKeyMost) and the first cbVarSegMac. */
static int check_sizes(store_db *db, const struct cat_index_def *def, struct cat_index *ix)
{
    uint32_t most = store_db_page_size(db) <= 4096 ? JET_cbKeyMost4KBytePage : JET_cbKeyMostMost;

    ix->cbkeymost = JET_cbKeyMostMin;
    if (def->grbit & JET_bitIndexKeyMost) {
        if (def->cbkeymost < JET_cbKeyMostMin || def->cbkeymost > most)
            return JET_errIndexInvalidDef;
        ix->cbkeymost = def->cbkeymost;
    }
    if ((def->grbit & JET_bitIndexTupleLimits) || def->cbvarsegmac == 0)
        ix->cbvarsegmac = ix->cbkeymost;
    else
        ix->cbvarsegmac = def->cbvarsegmac;
    return 0;
}

static int check_flags(const struct cat_index_def *def)
{
    JET_GRBIT g = def->grbit;
    int primary = (g & JET_bitIndexPrimary) != 0;

    if (primary && (g & IGNORE_NULLS)) return JET_errInvalidGrbit;
    if ((g & JET_bitIndexCrossProduct) && (g & JET_bitIndexNestedTable)) return JET_errInvalidGrbit;
    if (primary && def->ncond) return JET_errIndexInvalidDef;
    if ((g & JET_bitIndexEmpty) && !(g & JET_bitIndexIgnoreAnyNull)) return JET_errInvalidGrbit;
    if ((g & JET_bitIndexTupleLimits) && !def->tuple_limits) return JET_errIndexInvalidDef;
    return 0;
}

static void set_locale(const struct cat_index_def *def, struct cat_index *ix)
{
    uint32_t i;
    ix->lcid = def->lcid;
    for (i = 0; def->locale && i < CAT_LOCALE_MAX && def->locale[i]; i++)
        ix->locale[i] = def->locale[i];
    ix->locale[i] = 0;
    ix->map_flags = def->map_flags ? def->map_flags : KEY_LCMAP_DEFAULT;
}

/* LCMAP_SORTKEY is forced on unless the flags are LCMAP_UPPERCASE alone. */
static int check_map_flags(struct cat_index *ix)
{
    if (ix->map_flags != KEY_LCMAP_UPPERCASE) ix->map_flags |= KEY_LCMAP_SORTKEY;
    if (ix->map_flags == KEY_LCMAP_UPPERCASE) return 0;
    if ((ix->map_flags & ~(uint32_t)SORTKEY_FLAGS) != KEY_LCMAP_SORTKEY)
        return JET_errInvalidLCMapStringFlags;
    return 0;
}

static uint32_t or_default(uint32_t v, uint32_t dflt)
{
    return v ? v : dflt;
}

/* Tuple limits with ESE's defaults and bounds. */
static int set_tuple_limits(const struct cat_tuple_limits *in, struct cat_tuple_limits *tl)
{
    static const struct cat_tuple_limits none;
    if (!in) in = &none;
    if (in->len_min > 0xFFFF || in->len_max > 0xFFFF || in->to_index_max > 0xFFFF ||
        in->increment > 0xFFFF || (in->start > 0xFFFF && in->start != 0xFFFFFFFFu))
        return JET_errIndexTuplesInvalidLimits;
    tl->len_min = or_default(in->len_min, TUPLE_LEN_MIN_DEFAULT);
    tl->len_max = or_default(in->len_max, TUPLE_LEN_MAX_DEFAULT);
    tl->to_index_max = or_default(in->to_index_max, TUPLE_TO_INDEX_MAX_DEFAULT);
    tl->increment = or_default(in->increment, TUPLE_INCREMENT_DEFAULT);
    tl->start = in->start == 0xFFFFFFFFu ? TUPLE_START_DEFAULT : in->start;
    if (tl->len_min < TUPLE_LEN_ABS_MIN || tl->len_min > TUPLE_LEN_ABS_MAX ||
        tl->len_max < TUPLE_LEN_ABS_MIN || tl->len_max > TUPLE_LEN_ABS_MAX ||
        tl->len_min > tl->len_max || tl->to_index_max > TUPLE_TO_INDEX_ABS_MAX)
        return JET_errIndexTuplesInvalidLimits;
    return 0;
}

static int check_tuples(const struct cat_index_def *def, struct cat_index *ix)
{
    if (!(def->grbit & (JET_bitIndexTuples | JET_bitIndexTupleLimits))) return 0;
    if (def->grbit & JET_bitIndexPrimary) return JET_errIndexTuplesSecondaryIndexOnly;
    if (def->grbit & JET_bitIndexUnique) return JET_errIndexTuplesNonUniqueOnly;
    if (ix->cbvarsegmac < ix->cbkeymost) return JET_errIndexTuplesVarSegMacNotAllowed;
    ix->flags |= CAT_INDEX_TUPLES;
    return set_tuple_limits(def->tuple_limits, &ix->tuples);
}

static JET_GRBIT stored_grbit(JET_GRBIT g)
{
    g &= ~(JET_GRBIT)JET_bitIndexUnversioned;
    if (g & JET_bitIndexPrimary) g |= JET_bitIndexUnique;
    if (g & JET_bitIndexTupleLimits) g |= JET_bitIndexTuples;
    return g;
}

/* ErrFILEIValidateCreateIndex: everything that needs no column. */
static int check_def(struct ictx *c)
{
    const struct cat_index_def *def = c->def;
    struct cat_index *ix = &c->ix;
    int err;

    if ((err = cat_name_check(def->name, ix->name)) < 0) return err;
    if ((err = check_sizes(c->db, def, ix)) < 0) return err;
    if ((err = check_flags(def)) < 0) return err;
    set_locale(def, ix);
    if ((err = cat_key_parse(def->key, def->cbkey, &c->kd)) < 0) return err;
    ix->density = def->density ? def->density : c->tb.density;
    if (ix->density < 20 || ix->density > 100) return JET_errDensityInvalid;
    if (ix->cbvarsegmac == 0 || ix->cbvarsegmac > ix->cbkeymost) return JET_errIndexInvalidDef;
    if ((err = check_map_flags(ix)) < 0) return err;
    if ((err = check_tuples(def, ix)) < 0) return err;
    ix->grbit = stored_grbit(def->grbit);
    return 0;
}

/* ---- the columns --------------------------------------------------------- */

static int check_key_column(const struct ictx *c, uint32_t i, const struct cat_column *col)
{
    JET_GRBIT g = c->def->grbit;
    uint32_t j;

    if (col->grbit & JET_bitColumnEscrowUpdate) return JET_errCannotIndex;
    if ((g & JET_bitIndexPrimary) && (col->grbit & JET_bitColumnMultiValued))
        return JET_errIndexInvalidDef;
    if ((g & JET_bitIndexEmpty) && col->cbdefault) return JET_errIndexInvalidDef;
    if (i == 0 && (c->ix.flags & CAT_INDEX_TUPLES) && col->coltyp != JET_coltypText &&
        col->coltyp != JET_coltypLongText && col->coltyp != JET_coltypBinary &&
        col->coltyp != JET_coltypLongBinary)
        return JET_errIndexTuplesTextBinaryColumnsOnly;
    for (j = 0; j < i; j++)
        if (c->ix.segs[j].columnid == col->columnid) return JET_errIndexInvalidDef;
    return 0;
}

static int resolve_segments(struct ictx *c)
{
    struct cat_column col;
    uint32_t i;
    int err;

    for (i = 0; i < c->kd.n; i++) {
        if ((err = cat_resolve_column(c->t, c->db, &c->tb, c->kd.names[i], &col)) < 0) return err;
        if ((err = check_key_column(c, i, &col)) < 0) return err;
        if (cat_coltyp_text(col.coltyp) && col.cp == 1200) c->ix.flags |= CAT_INDEX_LOCALIZED;
        c->ix.segs[i].columnid = col.columnid;
        c->ix.segs[i].descending = c->kd.descending[i];
    }
    c->ix.nsegs = c->kd.n;
    return 0;
}

static int resolve_conditions(struct ictx *c)
{
    const struct cat_index_def *def = c->def;
    struct cat_column col;
    uint32_t i;
    int err;

    if (def->ncond > CAT_CONDITIONAL_MAX) return JET_errIndexInvalidDef;
    for (i = 0; i < def->ncond; i++) {
        JET_GRBIT g = def->cond[i].grbit;
        if (g != JET_bitIndexColumnMustBeNull && g != JET_bitIndexColumnMustBeNonNull)
            return JET_errInvalidGrbit;
        if ((err = cat_resolve_column(c->t, c->db, &c->tb, def->cond[i].name, &col)) < 0)
            return err;
        c->ix.cond[i].columnid = col.columnid;
        c->ix.cond[i].grbit = g;
    }
    c->ix.ncond = def->ncond;
    return 0;
}

static void set_sort_version(const struct cat_index_def *def, struct cat_index *ix)
{
    if (!(ix->flags & CAT_INDEX_LOCALIZED)) return;
    if (def->sort_version)
        snprintf(ix->sort_version, sizeof(ix->sort_version), "%s", def->sort_version);
    else
        snprintf(ix->sort_version, sizeof(ix->sort_version), "portable:%u",
                 KEY_UNICODE_PORTABLE_VERSION);
}

/* ---- the table ----------------------------------------------------------- */

/* The lowest free slot. */
static int free_slot(struct ictx *c, uint32_t *slot)
{
    struct cat_index other;
    uint32_t s;
    int err;

    for (s = 0; s < c->tb.index_slots; s++) {
        err = cat_read_index(c->t, c->db, c->tb.objid, s, &other);
        if (err == JET_errRecordNotFound) break;
        if (err < 0) return err;
    }
    if (s >= CAT_INDEX_SLOTS_MAX) return JET_errTooManyIndexes;
    *slot = s;
    return 0;
}

static int check_table(struct ictx *c)
{
    struct cat_key k;
    uint32_t slot;
    int err;

    if ((c->def->grbit & JET_bitIndexPrimary) && c->tb.primary_slot != CAT_NONE)
        return JET_errIndexHasPrimary;
    catk_index_name(&k, c->tb.objid, c->ix.name);
    err = cat_read_u32(c->t, c->db, &k, &slot);
    if (err >= 0) return JET_errIndexDuplicate;
    if (err != JET_errRecordNotFound) return err;
    return free_slot(c, &c->ix.slot);
}

/* Everything that creates nothing: the index as it will be stored. */
static int create_checks(struct ictx *c)
{
    int err;
    if ((err = check_def(c)) < 0) return err;
    if ((err = resolve_segments(c)) < 0) return err;
    if ((err = resolve_conditions(c)) < 0) return err;
    set_sort_version(c->def, &c->ix);
    return check_table(c);
}

static int write_index(struct ictx *c)
{
    struct cat_wr w;
    struct cat_key k;
    int err;

    if (c->ix.slot >= c->tb.index_slots) c->tb.index_slots = (uint16_t)(c->ix.slot + 1);
    if (c->def->grbit & JET_bitIndexPrimary) c->tb.primary_slot = c->ix.slot;
    cat_wr_init(&w, c->t, c->db);
    catk_index_name(&k, c->tb.objid, c->ix.name);
    err = cat_wr_put_u32(&w, &k, c->ix.slot);
    if (err >= 0) err = cat_wr_index(&w, &c->ix);
    if (err >= 0) err = cat_wr_table(&w, &c->tb);
    return cat_wr_end(&w, err);
}

int cat_index_create(store *s, store_txn *t, store_db *db, uint32_t objid,
                     const struct cat_index_def *def, struct cat_index *out)
{
    struct ictx *c;
    int err, primary = (def->grbit & JET_bitIndexPrimary) != 0;

    memset(out, 0, sizeof(*out));
    if (!(c = calloc(1, sizeof(*c)))) return JET_errOutOfMemory;
    c->t = t;
    c->db = db;
    c->def = def;
    c->ix.table_objid = objid;
    err = cat_table_load(t, db, objid, &c->tb);
    if (err >= 0) err = create_checks(c);
    if (err >= 0 && primary) {
        c->ix.objid = c->tb.objid;
        c->ix.root = c->tb.data_root;
    }
    if (err >= 0 && !primary) err = cat_objid_alloc(s, db, &c->ix.objid);
    if (err >= 0 && !primary) err = store_tree_create(s, db, &c->ix.root);
    if (err >= 0 && (err = write_index(c)) < 0 && !primary)
        (void)store_tree_drop(s, db, c->ix.root);
    if (err >= 0) *out = c->ix;
    free(c);
    return err;
}

/* ---- lookups, deleting, listing ------------------------------------------ */

static int index_by_name(store_txn *t, store_db *db, uint32_t objid, const char *name,
                         struct cat_index *out)
{
    char iname[CAT_NAME_MAX + 1];
    struct cat_key k;
    uint32_t slot;
    int err;

    memset(out, 0, sizeof(*out));
    if ((err = cat_name_check(name, iname)) < 0) return err;
    catk_index_name(&k, objid, iname);
    err = cat_read_u32(t, db, &k, &slot);
    if (err == JET_errRecordNotFound) return JET_errIndexNotFound;
    if (err < 0) return err;
    err = cat_read_index(t, db, objid, slot, out);
    if (err == JET_errRecordNotFound) return JET_errDatabaseCorrupted;
    if (err < 0) return err;
    return cat_name_compare(out->name, iname) ? JET_errDatabaseCorrupted : 0;
}

int cat_index_lookup(store_txn *t, store_db *db, uint32_t objid, const char *name,
                     struct cat_index *out)
{
    return index_by_name(t, db, objid, name, out);
}

int cat_index_get(store_txn *t, store_db *db, uint32_t objid, uint32_t slot,
                  struct cat_index *out)
{
    int err = cat_read_index(t, db, objid, slot, out);
    if (err == JET_errRecordNotFound) {
        memset(out, 0, sizeof(*out));
        return JET_errIndexNotFound;
    }
    return err;
}

/* Lowers index_slots past empty slots at the top. */
static int shrink_slots(store_txn *t, store_db *db, struct cat_table *tb)
{
    struct cat_index ix;
    int err;

    while (tb->index_slots > 0) {
        err = cat_read_index(t, db, tb->objid, tb->index_slots - 1u, &ix);
        if (err >= 0) return 0;
        if (err != JET_errRecordNotFound) return err;
        tb->index_slots--;
    }
    return 0;
}

static int delete_records(store_txn *t, store_db *db, struct cat_table *tb,
                          const struct cat_index *ix)
{
    struct cat_wr w;
    struct cat_key k;
    int err;

    cat_wr_init(&w, t, db);
    catk_index_name(&k, tb->objid, ix->name);
    err = cat_wr_del(&w, &k);
    catk_index(&k, tb->objid, ix->slot);
    if (err >= 0) err = cat_wr_del(&w, &k);
    if (err >= 0) err = shrink_slots(t, db, tb);
    if (err >= 0) err = cat_wr_table(&w, tb);
    return cat_wr_end(&w, err);
}

int cat_index_delete(store_txn *t, store_db *db, uint32_t objid, const char *name,
                     uint32_t *root)
{
    struct cat_table tb;
    struct cat_index ix;
    int err;

    *root = 0;
    if ((err = cat_table_load(t, db, objid, &tb)) < 0) return err;
    if ((err = index_by_name(t, db, objid, name, &ix)) < 0) return err;
    if (ix.slot == tb.primary_slot) return JET_errIndexMustStay;
    if ((err = delete_records(t, db, &tb, &ix)) < 0) return err;
    *root = ix.root;
    return 0;
}

int cat_indexes_list(store_txn *t, store_db *db, uint32_t objid, struct cat_index **out,
                     uint32_t *n)
{
    struct cat_table tb;
    struct cat_index *v;
    uint32_t slot, cnt = 0;
    int err;

    *out = NULL;
    *n = 0;
    if ((err = cat_table_load(t, db, objid, &tb)) < 0) return err;
    if (!tb.index_slots) return 0;
    if (!(v = malloc(tb.index_slots * sizeof(*v)))) return JET_errOutOfMemory;
    for (slot = 0; slot < tb.index_slots; slot++) {
        err = cat_read_index(t, db, objid, slot, &v[cnt]);
        if (err == JET_errRecordNotFound) continue;
        if (err < 0) {
            free(v);
            return err;
        }
        cnt++;
    }
    if (!cnt) {
        free(v);
        v = NULL;
    }
    *out = v;
    *n = cnt;
    return 0;
}

/* ---- key_index ----------------------------------------------------------- */

static void fill_key_column(struct key_column *kc, const struct cat_column *col, uint8_t desc)
{
    kc->coltyp = col->coltyp;
    kc->cp = cat_coltyp_text(col->coltyp) ? col->cp : 0;
    kc->descending = desc;
    kc->fixed = col->columnid <= CAT_FIXED_LAST;
    kc->cbmax = col->cbmax;
}

static void fill_key_index(const struct cat_index *idx, struct key_index *out)
{
    out->ncols = idx->nsegs;
    out->grbit = idx->grbit;
    out->cbkeymost = idx->cbkeymost;
    out->cbvarsegmac = idx->cbvarsegmac;
    out->locale = idx->locale[0] ? idx->locale : NULL;
    out->map_flags = idx->map_flags;
    out->unicode = NULL;
}

static const struct cat_column *find_by_id(const struct cat_column *cols, uint32_t n,
                                           JET_COLUMNID id)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (cols[mid].columnid == id) return cols[mid].deleted ? NULL : &cols[mid];
        if (cols[mid].columnid < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

int cat_index_key(const struct cat_index *idx, const struct cat_column *cols, uint32_t ncols,
                  struct key_index *out)
{
    uint32_t i;

    key_index_init(out);
    for (i = 0; i < idx->nsegs; i++) {
        const struct cat_column *col = find_by_id(cols, ncols, idx->segs[i].columnid);
        if (!col) return JET_errColumnNotFound;
        fill_key_column(&out->cols[i], col, idx->segs[i].descending);
    }
    fill_key_index(idx, out);
    return 0;
}

/* A key column by id: the table's, or its template's. */
static int column_by_id(store_txn *t, store_db *db, const struct cat_table *tb, JET_COLUMNID id,
                        struct cat_column *col)
{
    int err = cat_column_get(t, db, tb->objid, id, col);
    if (err == JET_errColumnNotFound && (tb->flags & CAT_TABLE_DERIVED))
        err = cat_column_get(t, db, tb->template_objid, id, col);
    return err;
}

int cat_index_key_read(store_txn *t, store_db *db, const struct cat_index *idx,
                       struct key_index *out)
{
    struct cat_table tb;
    struct cat_column col;
    uint32_t i;
    int err;

    key_index_init(out);
    if ((err = cat_table_load(t, db, idx->table_objid, &tb)) < 0) return err;
    for (i = 0; i < idx->nsegs; i++) {
        if ((err = column_by_id(t, db, &tb, idx->segs[i].columnid, &col)) < 0) return err;
        fill_key_column(&out->cols[i], &col, idx->segs[i].descending);
    }
    fill_key_index(idx, out);
    return 0;
}
