/*
 * update.c - changing records: JetPrepareUpdate, JetSetColumn(s),
 * JetUpdate(2), JetDelete, and the index maintenance they imply.
 */
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "jet_table.h"

DEFAULT_DEBUG_CHANNEL(esent);

void update_cancel(struct jet_table *t)
{
    t->prep = 0;
}
