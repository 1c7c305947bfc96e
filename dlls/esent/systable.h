/*
 * systable.h - ESE's system tables as this engine shows them (systable.c):
 * the names a fresh ESENT database lists besides the application's tables
 * (MSysObjects, MSysObjectsShadow, MSysObjids, MSysLocales), with their
 * JET_OBJECTINFO flags, and the read-only view JetOpenTable gives of
 * MSysObjects.  They are not tables of our catalog: the names are
 * reserved (JetCreateTable: JET_errTableDuplicate, JetDeleteTable:
 * JET_errCannotDeleteSystemTable, JetRenameTable: JET_errTableInUse).
 */
#ifndef ESENT_SYSTABLE_H
#define ESENT_SYSTABLE_H

#include "jet_table.h"

struct systable {
    const char *name;
    JET_GRBIT flags;           /* JET_OBJECTINFO.flags */
};

/* The system table called name (UTF-8, ESE's case rules), or NULL. */
const struct systable *systable_find(const char *name);
/* The system tables, n of them. */
const struct systable *systable_all(uint32_t *n);

/* cRecord and cPage of a system table (JET_ObjInfo levels): the rows of
 * its view, the pages of the catalog tree.  Session entered. */
JET_ERR systable_stats(struct jet_session *s, store_txn *txn, struct jet_database *db, const struct systable *st,
                       uint32_t *records, uint32_t *pages);

/* JetOpenTable of a system table: a read-only cursor on a snapshot of the
 * catalog in MSysObjects' columns and indexes, made in the temporary
 * database (a temporary table, gone when its cursor closes).  Called
 * with the session left; grbit as JetOpenTable's (checked). */
JET_ERR systable_open(JET_SESID sesid, JET_DBID dbid, const struct systable *st, JET_GRBIT grbit,
                      JET_TABLEID *ptableid);

#endif /* ESENT_SYSTABLE_H */
