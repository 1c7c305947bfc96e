/*
 * infolist.c - the answers that are temporary tables: the column list
 * (JET_COLUMNLIST: JET_ColInfoList, ListCompact, ListSortColumnid of
 * JetGet(Table)ColumnInfo), the index list (JET_INDEXLIST: JET_IdxInfo and
 * JET_IdxInfoList of JetGet(Table)IndexInfo), the object list
 * (JET_OBJECTLIST: JetGetObjectInfo's list levels) and JetIntersectIndexes
 * (JET_RECORDLIST).
 *
 * The callers gather what goes into the rows while inside the session
 * (schema copies, table lists), leave it, and call these functions, which
 * build the table through the public API (temp_open_table, JetPrepareUpdate,
 * JetSetColumn, JetUpdate) as a program would.  The table is returned on its
 * first row; the caller closes it.  On failure no table is left open.
 *
 * Names are UTF-8 in the catalog; the A entry points get Text columns in
 * code page 1252 holding ANSI names, the W ones Unicode columns (code page
 * 1200) holding UTF-16 names, as ESE does.  Row order follows the key
 * columns (JET_bitColumnTTKey) the documentation names: column lists by
 * name (ListSortColumnid: by id; ListCompact: no key, id order), index
 * lists by index name and key column position, object lists by name,
 * record lists by bookmark (the primary index's order).
 */
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "infolist.h"
#include "utf.h"

DEFAULT_DEBUG_CHANNEL(esent);

#define LIST_COLS_MAX 16
#define INFO_COUNTRY 1
#define INFO_LANGID 0x0409

/* One column of a list table. */
struct lcol {
    const char *name;
    JET_COLTYP coltyp;
    JET_GRBIT grbit;           /* JET_bitColumnTTKey... */
};

/* A list table being filled. */
struct ltab {
    JET_SESID ses;
    JET_TABLEID tab;
    JET_COLUMNID ids[LIST_COLS_MAX];
    int wide;
    unsigned long rows;
};

static JET_ERR ltab_open(struct ltab *l, JET_SESID sesid, const struct lcol *cols, uint32_t n, int wide,
                         JET_GRBIT grbit)
{
    JET_COLUMNDEF defs[LIST_COLS_MAX];
    const char *names[LIST_COLS_MAX];
    struct temp_spec sp;
    uint32_t i;

    memset(l, 0, sizeof(*l));
    l->ses = sesid;
    l->wide = wide;
    for (i = 0; i < n; i++) {
        memset(&defs[i], 0, sizeof(defs[i]));
        defs[i].cbStruct = sizeof(defs[i]);
        defs[i].coltyp = cols[i].coltyp;
        defs[i].grbit = cols[i].grbit;
        if (cols[i].coltyp == JET_coltypText) {
            defs[i].cbMax = 255;
            defs[i].cp = wide ? 1200 : 1252;
        }
        names[i] = cols[i].name;
    }
    memset(&sp, 0, sizeof(sp));
    sp.cols = defs;
    sp.ncols = n;
    sp.names = names;
    sp.grbit = grbit;
    sp.ids = l->ids;
    return temp_open_table(sesid, &sp, &l->tab);
}

static JET_ERR ltab_set(struct ltab *l, int col, const void *v, unsigned long cb)
{
    if (!cb) return 0; /* NULL */
    return JetSetColumn(l->ses, l->tab, l->ids[col], v, cb, 0, NULL);
}

static JET_ERR ltab_long(struct ltab *l, int col, uint32_t v)
{
    JET_ULONG_ x = v;
    return ltab_set(l, col, &x, sizeof(x));
}

static JET_ERR ltab_short(struct ltab *l, int col, uint16_t v)
{
    return ltab_set(l, col, &v, sizeof(v));
}

/* A catalog name (UTF-8) as the list's text. */
static JET_ERR ltab_name(struct ltab *l, int col, const char *name)
{
    uint16_t w[CAT_NAME_MAX * 2 + 1];
    char a[CAT_NAME_MAX * 2 + 1];
    size_t n = utf8_to_utf16(name, (size_t)-1, w, CAT_NAME_MAX * 2 + 1);
    JET_ERR err;

    if (n == 0 || n > CAT_NAME_MAX * 2 + 1) return JET_errInvalidName;
    if (l->wide) return ltab_set(l, col, w, (unsigned long)(n - 1) * 2);
    if ((err = str_w_to_a_buf(w, a, sizeof(a))) < 0) return err;
    return ltab_set(l, col, a, (unsigned long)strlen(a));
}

static JET_ERR ltab_row_begin(struct ltab *l)
{
    return JetPrepareUpdate(l->ses, l->tab, JET_prepInsert);
}

static JET_ERR ltab_row_end(struct ltab *l, JET_ERR err)
{
    if (err < 0) {
        JetPrepareUpdate(l->ses, l->tab, JET_prepCancel);
        return err;
    }
    if ((err = JetUpdate(l->ses, l->tab, NULL, 0, NULL)) < 0) {
        JetPrepareUpdate(l->ses, l->tab, JET_prepCancel);
        return err;
    }
    l->rows++;
    return 0;
}

/* Ends the filling: the cursor on the first row, or the table closed. */
static JET_ERR ltab_finish(struct ltab *l, JET_ERR err)
{
    if (err >= 0) {
        err = JetMove(l->ses, l->tab, JET_MoveFirst, 0);
        if (err == JET_errNoCurrentRecord) err = 0;
    }
    if (err < 0 && l->tab) {
        JetCloseTable(l->ses, l->tab);
        l->tab = 0;
    }
    return err;
}

/* ---- column lists ----------------------------------------------------------------- */

enum { CL_ORDER, CL_NAME, CL_ID, CL_TYPE, CL_COUNTRY, CL_LANGID, CL_CP, CL_COLLATE, CL_CBMAX, CL_GRBIT,
       CL_DEFAULT, CL_BASETABLE, CL_BASECOLUMN, CL_DEFNAME, CL_N };

static JET_ERR column_row(struct ltab *l, const struct tbl_schema *sch, const struct cat_column *c, JET_GRBIT grbit)
{
    JET_ERR err;
    if ((err = ltab_row_begin(l)) < 0) return err;
    if ((err = ltab_name(l, CL_NAME, c->name)) >= 0 && (err = ltab_long(l, CL_ID, c->columnid)) >= 0 &&
        (err = ltab_long(l, CL_TYPE, c->coltyp)) >= 0 && (err = ltab_short(l, CL_COUNTRY, INFO_COUNTRY)) >= 0 &&
        (err = ltab_short(l, CL_LANGID, INFO_LANGID)) >= 0 && (err = ltab_short(l, CL_CP, c->cp)) >= 0 &&
        (err = ltab_short(l, CL_COLLATE, 0)) >= 0 && (err = ltab_long(l, CL_CBMAX, c->cbmax)) >= 0 &&
        (err = ltab_long(l, CL_GRBIT, grbit)) >= 0 &&
        (err = ltab_set(l, CL_DEFAULT, c->defval, c->cbdefault)) >= 0 &&
        (err = ltab_name(l, CL_BASETABLE, sch->tab.name)) >= 0)
        err = ltab_name(l, CL_BASECOLUMN, c->name);
    return ltab_row_end(l, err);
}

JET_ERR infolist_columns(JET_SESID sesid, const struct tbl_schema *sch, const JET_GRBIT *grbits, int wide,
                         unsigned long level, void *pv, unsigned long cb)
{
    struct lcol cols[CL_N] = {
        { "PresentationOrder", JET_coltypLong, 0 }, { "ColumnName", JET_coltypText, 0 },
        { "ColumnId", JET_coltypLong, 0 },          { "ColumnType", JET_coltypLong, 0 },
        { "Country", JET_coltypShort, 0 },          { "Langid", JET_coltypShort, 0 },
        { "Cp", JET_coltypShort, 0 },               { "Collate", JET_coltypShort, 0 },
        { "ColumnSize", JET_coltypLong, 0 },        { "Grbit", JET_coltypLong, 0 },
        { "DefaultValue", JET_coltypLongBinary, 0 }, { "BaseTableName", JET_coltypText, 0 },
        { "BaseColumnName", JET_coltypText, 0 },    { "DefinitionName", JET_coltypText, 0 },
    };
    JET_COLUMNLIST *out = pv;
    struct ltab l;
    uint32_t i;
    JET_ERR err;

    if (!pv || cb < sizeof(JET_COLUMNLIST)) return JET_errInvalidParameter;
    if (level == JET_ColInfoListSortColumnid) {
        cols[CL_ID].grbit = JET_bitColumnTTKey;
    } else if (level == JET_ColInfoList) {
        cols[CL_ORDER].grbit = JET_bitColumnTTKey;
        cols[CL_NAME].grbit = JET_bitColumnTTKey;
    }
    if ((err = ltab_open(&l, sesid, cols, CL_N, wide, JET_bitTTScrollable | JET_bitTTIndexed)) < 0) return err;
    for (i = 0; i < sch->ncols && err >= 0; i++)
        if (!sch->cols[i].deleted) err = column_row(&l, sch, &sch->cols[i], grbits[i]);
    if ((err = ltab_finish(&l, err)) < 0) return err;
    memset(out, 0, sizeof(*out));
    out->cbStruct = sizeof(*out);
    out->tableid = l.tab;
    out->cRecord = l.rows;
    out->columnidPresentationOrder = l.ids[CL_ORDER];
    out->columnidcolumnname = l.ids[CL_NAME];
    out->columnidcolumnid = l.ids[CL_ID];
    out->columnidcoltyp = l.ids[CL_TYPE];
    out->columnidCountry = l.ids[CL_COUNTRY];
    out->columnidLangid = l.ids[CL_LANGID];
    out->columnidCp = l.ids[CL_CP];
    out->columnidCollate = l.ids[CL_COLLATE];
    out->columnidcbMax = l.ids[CL_CBMAX];
    out->columnidgrbit = l.ids[CL_GRBIT];
    out->columnidDefault = l.ids[CL_DEFAULT];
    out->columnidBaseTableName = l.ids[CL_BASETABLE];
    out->columnidBaseColumnName = l.ids[CL_BASECOLUMN];
    out->columnidDefinitionName = l.ids[CL_DEFNAME];
    return 0;
}

/* ---- index lists --------------------------------------------------------------------- */

JET_GRBIT info_index_grbit(const struct cat_index *ci)
{
    const JET_GRBIT kind = JET_bitIndexPrimary | JET_bitIndexUnique | JET_bitIndexTuples | JET_bitIndexCrossProduct |
                           JET_bitIndexNestedTable | JET_bitIndexDotNetGuid | JET_bitIndexDisallowTruncation;
    const JET_GRBIT nulls = JET_bitIndexIgnoreNull | JET_bitIndexIgnoreFirstNull | JET_bitIndexIgnoreAnyNull |
                            JET_bitIndexSortNullsHigh;
    JET_GRBIT g = ci->grbit & kind;

    if (ci->grbit & JET_bitIndexDisallowNull) g |= JET_bitIndexDisallowNull;
    else g |= ci->grbit & nulls;
    if (ci->cbkeymost > 255) g |= JET_bitIndexKeyMost;
    return g;
}

enum { IL_NAME, IL_GRBIT, IL_CKEY, IL_CENTRY, IL_CPAGE, IL_CCOLUMN, IL_ICOLUMN, IL_COLID, IL_COLTYP,
       IL_COUNTRY, IL_LANGID, IL_CP, IL_COLLATE, IL_GRBITCOL, IL_COLNAME, IL_LCMAP, IL_N };

static JET_ERR index_rows(struct ltab *l, const struct tbl_schema *sch, const struct tbl_index *ix,
                          const struct stats_tree *st)
{
    uint32_t i, lcid = ix->ci.lcid ? ix->ci.lcid : INFO_LANGID;
    JET_ERR err = 0;

    for (i = 0; i < ix->ci.nsegs && err >= 0; i++) {
        const struct cat_column *c = tbl_column(sch, ix->ci.segs[i].columnid);
        if ((err = ltab_row_begin(l)) < 0) return err;
        if ((err = ltab_name(l, IL_NAME, ix->ci.name)) >= 0 && (err = ltab_long(l, IL_GRBIT, info_index_grbit(&ix->ci))) >= 0 &&
            (err = ltab_long(l, IL_CKEY, st ? st->keys : 0)) >= 0 &&
            (err = ltab_long(l, IL_CENTRY, st ? st->entries : 0)) >= 0 &&
            (err = ltab_long(l, IL_CPAGE, st ? st->pages : 0)) >= 0 && (err = ltab_long(l, IL_CCOLUMN, ix->ci.nsegs)) >= 0 &&
            (err = ltab_long(l, IL_ICOLUMN, i)) >= 0 && (err = ltab_long(l, IL_COLID, ix->ci.segs[i].columnid)) >= 0 &&
            (err = ltab_short(l, IL_COUNTRY, INFO_COUNTRY)) >= 0 &&
            (err = ltab_short(l, IL_LANGID, (uint16_t)(lcid & 0xFFFF))) >= 0 &&
            (err = ltab_short(l, IL_COLLATE, 0)) >= 0 &&
            (err = ltab_long(l, IL_GRBITCOL, ix->ci.segs[i].descending ? JET_bitKeyDescending : JET_bitKeyAscending)) >= 0 &&
            (err = ltab_long(l, IL_LCMAP, ix->ci.map_flags)) >= 0 && c) {
            if ((err = ltab_long(l, IL_COLTYP, c->coltyp)) >= 0 && (err = ltab_short(l, IL_CP, c->cp)) >= 0)
                err = ltab_name(l, IL_COLNAME, c->name);
        }
        err = ltab_row_end(l, err);
    }
    return err;
}

JET_ERR infolist_indexes(JET_SESID sesid, const struct tbl_schema *sch, const struct tbl_index *only,
                         const struct stats_tree *stats, int wide, void *pv, unsigned long cb)
{
    static const struct lcol cols[IL_N] = {
        { "IndexName", JET_coltypText, JET_bitColumnTTKey }, { "grbitIndex", JET_coltypLong, 0 },
        { "cKey", JET_coltypLong, 0 },          { "cEntry", JET_coltypLong, 0 },
        { "cPage", JET_coltypLong, 0 },         { "cColumn", JET_coltypLong, 0 },
        { "iColumn", JET_coltypLong, JET_bitColumnTTKey }, { "ColumnId", JET_coltypLong, 0 },
        { "ColumnType", JET_coltypLong, 0 },    { "Country", JET_coltypShort, 0 },
        { "Langid", JET_coltypShort, 0 },       { "Cp", JET_coltypShort, 0 },
        { "Collate", JET_coltypShort, 0 },      { "grbitColumn", JET_coltypLong, 0 },
        { "ColumnName", JET_coltypText, 0 },    { "LCMapFlags", JET_coltypLong, 0 },
    };
    JET_INDEXLIST *out = pv;
    struct ltab l;
    uint32_t i;
    JET_ERR err = 0;

    /* The LCMapFlags member came last; a structure without it is fine. */
    if (!pv || cb < sizeof(JET_INDEXLIST) - sizeof(JET_COLUMNID)) return JET_errInvalidParameter;
    if ((err = ltab_open(&l, sesid, cols, IL_N, wide, JET_bitTTScrollable | JET_bitTTIndexed)) < 0) return err;
    for (i = 0; i < sch->nidx && err >= 0; i++)
        if (!only || only == &sch->idx[i]) err = index_rows(&l, sch, &sch->idx[i], stats ? &stats[i] : NULL);
    if ((err = ltab_finish(&l, err)) < 0) return err;
    memset(out, 0, cb < sizeof(*out) ? cb : sizeof(*out));
    out->cbStruct = cb < sizeof(*out) ? (JET_ULONG_)cb : sizeof(*out);
    out->tableid = l.tab;
    out->cRecord = l.rows;
    out->columnidindexname = l.ids[IL_NAME];
    out->columnidgrbitIndex = l.ids[IL_GRBIT];
    out->columnidcKey = l.ids[IL_CKEY];
    out->columnidcEntry = l.ids[IL_CENTRY];
    out->columnidcPage = l.ids[IL_CPAGE];
    out->columnidcColumn = l.ids[IL_CCOLUMN];
    out->columnidiColumn = l.ids[IL_ICOLUMN];
    out->columnidcolumnid = l.ids[IL_COLID];
    out->columnidcoltyp = l.ids[IL_COLTYP];
    out->columnidCountry = l.ids[IL_COUNTRY];
    out->columnidLangid = l.ids[IL_LANGID];
    out->columnidCp = l.ids[IL_CP];
    out->columnidCollate = l.ids[IL_COLLATE];
    out->columnidgrbitColumn = l.ids[IL_GRBITCOL];
    out->columnidcolumnname = l.ids[IL_COLNAME];
    if (cb >= sizeof(*out)) out->columnidLCMapFlags = l.ids[IL_LCMAP];
    return 0;
}

/* ---- object lists ----------------------------------------------------------------------- */

enum { OL_CONTAINER, OL_NAME, OL_TYPE, OL_CREATE, OL_UPDATE, OL_GRBIT, OL_FLAGS, OL_CRECORD, OL_CPAGE, OL_N };

JET_ERR infolist_objects(JET_SESID sesid, const struct infolist_object *objs, uint32_t n, int wide, void *pv,
                         unsigned long cb)
{
    static const struct lcol cols[OL_N] = {
        { "ContainerName", JET_coltypText, 0 }, { "ObjectName", JET_coltypText, JET_bitColumnTTKey },
        { "ObjectType", JET_coltypLong, 0 },    { "DateCreate", JET_coltypDateTime, 0 },
        { "DateUpdate", JET_coltypDateTime, 0 }, { "Grbit", JET_coltypLong, 0 },
        { "Flags", JET_coltypLong, 0 },         { "cRecord", JET_coltypLong, 0 },
        { "cPage", JET_coltypLong, 0 },
    };
    JET_OBJECTLIST *out = pv;
    struct ltab l;
    uint32_t i;
    JET_ERR err = 0;

    if (!pv || cb < sizeof(JET_OBJECTLIST)) return JET_errBufferTooSmall;
    if ((err = ltab_open(&l, sesid, cols, OL_N, wide, JET_bitTTScrollable | JET_bitTTIndexed)) < 0) return err;
    for (i = 0; i < n && err >= 0; i++) {
        if ((err = ltab_row_begin(&l)) < 0) break;
        if ((err = ltab_name(&l, OL_CONTAINER, "Tables")) >= 0 && (err = ltab_name(&l, OL_NAME, objs[i].name)) >= 0 &&
            (err = ltab_long(&l, OL_TYPE, JET_objtypTable)) >= 0 && (err = ltab_long(&l, OL_GRBIT, objs[i].grbit)) >= 0 &&
            (err = ltab_long(&l, OL_FLAGS, objs[i].flags)) >= 0 && (err = ltab_long(&l, OL_CRECORD, objs[i].records)) >= 0)
            err = ltab_long(&l, OL_CPAGE, objs[i].pages);
        err = ltab_row_end(&l, err);
    }
    if ((err = ltab_finish(&l, err)) < 0) return err;
    memset(out, 0, sizeof(*out));
    out->cbStruct = sizeof(*out);
    out->tableid = l.tab;
    out->cRecord = l.rows;
    out->columnidcontainername = l.ids[OL_CONTAINER];
    out->columnidobjectname = l.ids[OL_NAME];
    out->columnidobjtyp = l.ids[OL_TYPE];
    out->columniddtCreate = l.ids[OL_CREATE];
    out->columniddtUpdate = l.ids[OL_UPDATE];
    out->columnidgrbit = l.ids[OL_GRBIT];
    out->columnidflags = l.ids[OL_FLAGS];
    out->columnidcRecord = l.ids[OL_CRECORD];
    out->columnidcPage = l.ids[OL_CPAGE];
    return 0;
}

/* ---- JetIntersectIndexes ------------------------------------------------------------------ */

struct bm {
    uint8_t b[TBL_BOOKMARK_MAX];
    uint32_t len;
    uint32_t hits;             /* ranges it was found in */
};

static int bm_cmp(const void *a, const void *b)
{
    const struct bm *x = a, *y = b;
    uint32_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->b, y->b, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* The bookmarks of one range, from the cursor's record to the range's end,
 * sorted and without repeats (a multi-valued index lists a record twice). */
static JET_ERR range_bookmarks(JET_SESID sesid, JET_TABLEID tab, struct bm **out, uint32_t *n)
{
    struct bm *v = NULL, *nv;
    uint32_t cap = 0, i, j;
    JET_ERR err;

    *out = NULL;
    *n = 0;
    err = JetMove(sesid, tab, 0, 0);
    while (err >= 0) {
        JET_ULONG_ cb = 0;
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            if (!(nv = realloc(v, cap * sizeof(*v)))) {
                free(v);
                return JET_errOutOfMemory;
            }
            v = nv;
        }
        if ((err = JetGetBookmark(sesid, tab, v[*n].b, sizeof(v[*n].b), &cb)) < 0) break;
        v[*n].len = (uint32_t)cb;
        v[*n].hits = 0;
        (*n)++;
        err = JetMove(sesid, tab, JET_MoveNext, 0);
    }
    if (err != JET_errNoCurrentRecord) {
        free(v);
        *n = 0;
        return err;
    }
    if (*n) qsort(v, *n, sizeof(*v), bm_cmp);
    for (i = j = 0; i < *n; i++)
        if (!j || bm_cmp(&v[j - 1], &v[i])) v[j++] = v[i];
    *n = j;
    *out = v;
    return 0;
}

/* Counts, in the first range's list, the records each other range has. */
static JET_ERR intersect(JET_SESID sesid, const JET_INDEXRANGE *rg, unsigned long n, struct bm **first,
                         uint32_t *nfirst)
{
    struct bm *v;
    uint32_t nv, i;
    unsigned long r;
    JET_ERR err;

    if ((err = range_bookmarks(sesid, rg[0].tableid, first, nfirst)) < 0) return err;
    for (r = 1; r < n; r++) {
        if ((err = range_bookmarks(sesid, rg[r].tableid, &v, &nv)) < 0) return err;
        for (i = 0; i < *nfirst; i++)
            if (nv && bsearch(&(*first)[i], v, nv, sizeof(*v), bm_cmp)) (*first)[i].hits++;
        free(v);
    }
    return 0;
}

static JET_ERR intersect_indexes(JET_SESID sesid, JET_INDEXRANGE *rg, unsigned long n, JET_RECORDLIST *rl,
                                 JET_GRBIT grbit)
{
    static const struct lcol col = { "Bookmark", JET_coltypLongBinary, 0 };
    struct bm *v = NULL;
    struct ltab l;
    uint32_t nv = 0, i;
    unsigned long r;
    JET_ERR err;

    if (!rl || rl->cbStruct != sizeof(*rl) || !rg || !n || n > 64) return JET_errInvalidParameter;
    for (r = 0; r < n; r++) {
        if (rg[r].cbStruct != sizeof(rg[r])) return JET_errInvalidParameter;
        if (rg[r].grbit != JET_bitRecordInIndex) return JET_errInvalidGrbit;
    }
    if (grbit) return JET_errInvalidGrbit;
    if ((err = intersect(sesid, rg, n, &v, &nv)) < 0) goto out;
    /* Rows go in bookmark order (the primary index's), so no key is needed. */
    if ((err = ltab_open(&l, sesid, &col, 1, 0, 0)) < 0) goto out;
    for (i = 0; i < nv && err >= 0; i++) {
        if (v[i].hits != n - 1) continue;
        if ((err = ltab_row_begin(&l)) >= 0) err = ltab_row_end(&l, ltab_set(&l, 0, v[i].b, v[i].len));
    }
    if ((err = ltab_finish(&l, err)) < 0) goto out;
    rl->tableid = l.tab;
    rl->cRecord = l.rows;
    rl->columnidBookmark = l.ids[0];
out:
    free(v);
    return err;
}

JET_ERR JET_API JetIntersectIndexes(JET_SESID sesid, JET_INDEXRANGE *rgindexrange, JET_ULONG_ cindexrange,
                                    JET_RECORDLIST *precordlist, JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, %p, %lu, %p, 0x%lx)\n", (void *)sesid, rgindexrange, (unsigned long)cindexrange, precordlist,
          (unsigned long)grbit);
    err = intersect_indexes(sesid, rgindexrange, cindexrange, precordlist, grbit);
    TRACE("-> %ld\n", (long)err);
    return err;
}
