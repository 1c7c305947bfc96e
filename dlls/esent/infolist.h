/*
 * infolist.h - building the temporary tables that info calls return
 * (infolist.c): column lists, index lists, object lists.  The caller has
 * left the session (the tables are built through the public API) and
 * keeps what it passes alive until the call returns.
 */
#ifndef ESENT_INFOLIST_H
#define ESENT_INFOLIST_H

#include "jet_table.h"

/* JET_COLUMNLIST of the schema's live columns into pv (cb bytes): level
 * JET_ColInfoList, ListCompact or ListSortColumnid (without the high
 * bits); grbits[i] is what JetGetColumnInfo reports for sch->cols[i]. */
JET_ERR infolist_columns(JET_SESID sesid, const struct tbl_schema *sch, const JET_GRBIT *grbits, int wide,
                         unsigned long level, void *pv, unsigned long cb);
/* Statistics of one tree (stats.c): its entries, distinct index keys
 * (entries for a unique index) and pages, counted over its committed
 * state; each at most 0x7fffffff. */
struct stats_tree {
    uint32_t entries, keys, pages;
};
/* distinct: count the distinct keys of a non-unique secondary index. */
JET_ERR stats_tree(store *st, store_db *db, uint32_t root, int distinct, struct stats_tree *out);
/* One stats_tree per index of sch (sch->idx order); *out malloc'ed (NULL
 * when the table has no index). */
JET_ERR stats_indexes(store *st, store_db *db, const struct tbl_schema *sch, struct stats_tree **out);

/* JET_INDEXLIST: one row per key column of each index (only: just that
 * one); stats[i] (NULL: zeros) gives cEntry, cKey, cPage of sch->idx[i]. */
JET_ERR infolist_indexes(JET_SESID sesid, const struct tbl_schema *sch, const struct tbl_index *only,
                         const struct stats_tree *stats, int wide, void *pv, unsigned long cb);

/* The grbit ESE reports for an index (JET_INDEXLIST grbitIndex and, with
 * JET_bitIndexUnicode added, JET_IdxInfoCreateIndex*): the index's kind
 * (primary, unique, tuples, cross product, nested table, .NET GUID order,
 * no truncation), its null handling (DisallowNull alone, or the Ignore*
 * and SortNullsHigh bits) and JET_bitIndexKeyMost when its keys may be
 * longer than 255 bytes; not the creation-only bits (Unicode, LazyFlush,
 * Empty, Unversioned, TupleLimits). */
JET_GRBIT info_index_grbit(const struct cat_index *ci);

/* JET_IdxInfoCreateIndex, CreateIndex2, CreateIndex3 (level) of index ix
 * into pv (cb bytes), W or A (idxcreate.c): 0 or JET_wrnBufferTruncated. */
JET_ERR idxcreate_fill(const struct tbl_schema *sch, const struct tbl_index *ix, int wide, unsigned long level,
                       void *pv, unsigned long cb);

/* One table for JET_OBJECTLIST. */
struct infolist_object {
    char name[CAT_NAME_MAX + 1];
    JET_GRBIT grbit;           /* JET_bitTableInfo* */
    JET_GRBIT flags;           /* JET_bitObjectTable* */
    uint32_t records, pages;   /* cRecord, cPage (0: NoStats levels) */
};
JET_ERR infolist_objects(JET_SESID sesid, const struct infolist_object *objs, uint32_t n, int wide, void *pv,
                         unsigned long cb);

#endif /* ESENT_INFOLIST_H */
