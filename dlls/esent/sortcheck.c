/*
 * sortcheck.c - Unicode indexes made by another sort: what JetAttachDatabase
 * (and, with JET_IndexCheckingDeferToOpenTable, JetOpenTable) does with them.
 *
 * The keys of an index over Unicode text are sort keys; the catalog records
 * which sort made them (cat_index.sort_version): the platform's linguistic
 * sort in the DLL ("nls:<version>", LCMapStringEx), the portable sort in the
 * native build ("portable:<n>").  An index whose keys another sort made is
 * out of date: new keys would not sort among the old ones.  This is ESE's
 * NLS version check, and it answers as the documentation of
 * JET_paramEnableIndexChecking and JetAttachDatabase says:
 *
 *  - JET_IndexCheckingOn (1, our default): at attach, an out-of-date primary
 *    index fails the attach with JET_errPrimaryIndexCorrupted (always: it
 *    cannot be deleted).  Out-of-date secondary indexes are deleted when
 *    the grbit has JET_bitDbDeleteCorruptIndexes (the attach then returns
 *    JET_wrnCorruptIndexDeleted; the application recreates them), and fail
 *    the attach with JET_errSecondaryIndexCorrupted otherwise.  A read-only
 *    attach cannot delete anything: it fails.
 *  - JET_IndexCheckingDeferToOpenTable (2): nothing is checked at attach;
 *    JetOpenTable of a table with such an index fails with the same errors.
 *  - JET_IndexCheckingOff (0): nothing is checked; the indexes are used as
 *    they are (an index the running build cannot sort as it was made is
 *    then kept with the running sort, at the application's risk).
 *  - JET_bitDbDeleteUnicodeIndexes deletes every secondary index over
 *    Unicode text, up to date or not, whatever the parameter (not with
 *    JET_bitDbReadOnly: JET_errInvalidGrbit).
 *
 * A failed attach leaves the database detached.  Deleting runs in one
 * transaction of the attaching session (ddl_begin/ddl_end), committed
 * durably, so a crash leaves every index or none of them deleted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "jet_table.h"
#include "params.h"

DEFAULT_DEBUG_CHANNEL(esent);

int sortcheck_out_of_date(const struct cat_index *ix)
{
    char cur[CAT_SORT_VERSION_MAX + 1];
    if (!(ix->flags & CAT_INDEX_LOCALIZED)) return 0;
    table_unicode_sort_current(cur);
    return strcmp(ix->sort_version, cur) != 0;
}

unsigned long sortcheck_mode(const struct jet_instance *inst)
{
    return (unsigned long)params_num(inst->params, JET_paramEnableIndexChecking);
}

/* The out-of-date (or, with all, every) Unicode indexes of one table. */
static JET_ERR check_table(struct ddl_txn *d, store_txn *txn, store_db *db, const struct cat_table *tab, int all,
                           int *primary, int *secondary)
{
    struct cat_index *idx = NULL;
    uint32_t n = 0, i, root;
    JET_ERR err;

    if ((err = cat_indexes_list(txn, db, tab->objid, &idx, &n)) < 0) return err;
    for (i = 0; i < n && err >= 0; i++) {
        int stale = sortcheck_out_of_date(&idx[i]);
        if (!(idx[i].flags & CAT_INDEX_LOCALIZED) || (!stale && !all)) continue;
        if (idx[i].slot == tab->primary_slot) {
            if (!stale) continue;
            WARN("table %s: primary index %s was made by sort %s\n", tab->name, idx[i].name, idx[i].sort_version);
            *primary = 1;
            continue;
        }
        TRACE("table %s: index %s (sort %s) %s\n", tab->name, idx[i].name, idx[i].sort_version,
              d ? "deleted" : "out of date");
        (*secondary)++;
        if (!d) continue;
        if ((err = cat_index_delete(d->txn, d->db, tab->objid, idx[i].name, &root)) >= 0 &&
            (err = ddl_tree_deleted(d, root)) < 0)
            err = JET_errOutOfMemory;
    }
    free(idx);
    return err;
}

/* Walks every table's indexes; with d, deletes the secondary ones found. */
static JET_ERR walk(struct jet_session *s, int slot, struct ddl_txn *d, int all, int *primary, int *secondary)
{
    store_db *db = s->inst->dbs[slot].sdb;
    struct cat_table *tabs = NULL;
    store_txn *txn = d ? d->txn : NULL;
    uint32_t n = 0, i;
    JET_ERR err;

    if (!txn && (err = store_txn_begin(s->inst->st, &txn)) < 0) return err;
    if ((err = cat_tables_list(txn, db, &tabs, &n)) >= 0)
        for (i = 0; i < n && err >= 0; i++) err = check_table(d, txn, db, &tabs[i], all, primary, secondary);
    free(tabs);
    if (!d) store_txn_abort(txn);
    return err;
}

JET_ERR sortcheck_attach(struct jet_session *s, int slot, JET_GRBIT grbit)
{
    unsigned long mode = sortcheck_mode(s->inst);
    int all = (grbit & JET_bitDbDeleteUnicodeIndexes) != 0, primary = 0, secondary = 0;
    struct ddl_txn d;
    JET_ERR err;

    if (!all && mode != JET_IndexCheckingOn) return 0;
    if ((err = walk(s, slot, NULL, all, &primary, &secondary)) < 0) return err;
    if (primary) return JET_errPrimaryIndexCorrupted;
    if (!secondary) return 0;
    if (!all && (!(grbit & JET_bitDbDeleteCorruptIndexes) || s->inst->dbs[slot].readonly))
        return JET_errSecondaryIndexCorrupted;
    primary = secondary = 0;
    if ((err = ddl_begin(s, slot, &d)) < 0) return err;
    err = walk(s, slot, &d, all, &primary, &secondary);
    if ((err = ddl_end(&d, err)) < 0) return err;
    WARN("%d index(es) over Unicode text deleted\n", secondary);
    return all ? 0 : JET_wrnCorruptIndexDeleted;
}

JET_ERR sortcheck_open_table(const struct jet_instance *inst, const struct tbl_schema *sch)
{
    uint32_t i;
    JET_ERR err = 0;
    if (sortcheck_mode(inst) != JET_IndexCheckingDeferToOpenTable) return 0;
    for (i = 0; i < sch->nidx; i++) {
        if (!sortcheck_out_of_date(&sch->idx[i].ci)) continue;
        if ((int)i == sch->primary) return JET_errPrimaryIndexCorrupted;
        err = JET_errSecondaryIndexCorrupted;
    }
    return err;
}
