/*
 * stats.c - the statistics the information calls report: the entries,
 * distinct keys and pages of a table's trees (JET_INDEXLIST cEntry, cKey,
 * cPage; JET_OBJECTINFO / JET_OBJECTLIST cRecord, cPage), and
 * JetComputeStats.
 *
 * ESE reports what JetComputeStats last stored in its catalog (zero before
 * the first call).  This engine counts instead, when asked: a walk of the
 * tree's committed pages under the store's shared latch (bt_verify gives
 * the entries and pages; a non-unique index's distinct keys take one more
 * pass, comparing each entry's index key, the entry key without its
 * trailing bookmark, with the previous one).  So the numbers are always up
 * to date with the last commit, and JetComputeStats has nothing to store:
 * it checks its arguments and succeeds.  What a transaction has not
 * committed yet is not counted.  The levels that say NoStats
 * (JET_ObjInfoNoStats, JET_ObjInfoListNoStats) skip the walk and report 0.
 */
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "infolist.h"

DEFAULT_DEBUG_CHANNEL(esent);

static uint32_t clamp32(uint64_t v)
{
    return v > 0x7fffffffu ? 0x7fffffffu : (uint32_t)v;
}

/* Distinct index keys of a non-unique secondary index tree (shared latch
 * held): its entry keys are index key || bookmark (jet_table.h). */
static JET_ERR count_keys(pager *p, uint32_t root, uint64_t *keys)
{
    uint8_t *prev = NULL;
    uint32_t prevlen = 0;
    bt_cursor *c;
    JET_ERR err;

    *keys = 0;
    if ((err = bt_cursor_open(p, root, &c)) < 0) return err;
    for (err = bt_first(c); err >= 0; err = bt_next(c)) {
        const uint8_t *k, *v;
        uint32_t klen, vlen, ilen;
        if ((err = bt_cursor_get(c, &k, &klen, &v, &vlen)) < 0) break;
        if ((err = tbl_sec_split(klen, v, vlen, &ilen)) < 0) break;
        ilen = klen - ilen;
        if (prev && ilen == prevlen && !memcmp(prev, k, ilen)) continue;
        if (!prev && !(prev = malloc(KEY_BUF_MAX + TBL_BOOKMARK_MAX))) {
            err = JET_errOutOfMemory;
            break;
        }
        if (ilen > KEY_BUF_MAX + TBL_BOOKMARK_MAX) ilen = KEY_BUF_MAX + TBL_BOOKMARK_MAX;
        memcpy(prev, k, ilen);
        prevlen = ilen;
        (*keys)++;
    }
    bt_cursor_close(c);
    free(prev);
    return err == JET_errNoCurrentRecord ? 0 : err;
}

JET_ERR stats_tree(store *st, store_db *db, uint32_t root, int distinct, struct stats_tree *out)
{
    struct bt_stats bs;
    uint64_t keys = 0;
    JET_ERR err;

    memset(out, 0, sizeof(*out));
    memset(&bs, 0, sizeof(bs));
    store_read_begin(st);
    err = bt_verify(store_db_pager(db), root, &bs);
    if (err >= 0 && distinct) err = count_keys(store_db_pager(db), root, &keys);
    store_read_end(st);
    if (err < 0) return err;
    out->entries = clamp32(bs.entries);
    out->keys = distinct ? clamp32(keys) : out->entries;
    out->pages = clamp32(bs.leaf_pages + bs.branch_pages);
    return 0;
}

JET_ERR stats_indexes(store *st, store_db *db, const struct tbl_schema *sch, struct stats_tree **out)
{
    struct stats_tree *v;
    uint32_t i;
    JET_ERR err = 0;

    *out = NULL;
    if (!sch->nidx) return 0;
    if (!(v = calloc(sch->nidx, sizeof(*v)))) return JET_errOutOfMemory;
    for (i = 0; i < sch->nidx && err >= 0; i++) {
        const struct cat_index *ci = &sch->idx[i].ci;
        err = stats_tree(st, db, ci->root, !(ci->grbit & (JET_bitIndexUnique | JET_bitIndexPrimary)), &v[i]);
    }
    if (err < 0) {
        free(v);
        return err;
    }
    *out = v;
    return 0;
}

JET_ERR JET_API JetComputeStats(JET_SESID sesid, JET_TABLEID tableid)
{
    struct jet_session *s;
    struct jet_table *t;
    JET_ERR err;

    TRACE("(%p, %p)\n", (void *)sesid, (void *)tableid);
    if ((err = table_enter(sesid, tableid, &s, &t)) == 0) session_leave(s);
    TRACE("-> %ld\n", (long)err);
    return err;
}
