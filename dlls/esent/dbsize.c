/*
 * dbsize.c - the size of a database file: JetGrowDatabase and
 * JetResizeDatabase on an open database, JetSetDatabaseSize(A/W) on one
 * that is not attached.
 *
 * A database's size is its file's size in pages (the header page
 * included), or its page count when pages allocated past the end have not
 * reached the file yet (pager_owned_pages); the pages past the page count
 * are its free tail (docs/format.md, "free tail").  Growing only makes the
 * file longer and syncs it: the header and the pages are not touched and
 * nothing is logged, so a crash during or after a grow leaves a valid
 * database (pager.c, invariant 7).
 *
 * What the calls do with the requested size cpg, as ESE documents:
 *  - JetGrowDatabase and JetSetDatabaseSize only grow: a cpg at or below
 *    the current size changes nothing, and the size is still reported.
 *    JetSetDatabaseSize refuses cpg below ESE's minimum database size (256
 *    pages, JET_errInvalidParameter) and a file whose header says it needs
 *    recovery (JET_errDatabaseDirtyShutdown, the same code as
 *    JET_errDatabaseInconsistent); a file this instance has attached is
 *    refused the same way, since ESE's header of an attached database says
 *    so too.
 *  - JetResizeDatabase grows, or shrinks by cutting the free tail (never
 *    below the pages in use; pages on the free list inside the file stay);
 *    JET_bitResizeDatabaseOnlyGrow / OnlyShrink limit it to one direction.
 * The size after the call goes to *pcpgReal / *pcpgActual when given.
 *
 * The maximum size (JetSetMaxDatabaseSize, JetGetMaxDatabaseSize, and
 * cpgDatabaseSizeMax of JetCreateDatabase2 / JetAttachDatabase2 in
 * database.c) belongs to the attachment, not the file, as in ESE: it is
 * the store's (store_db_set_max_pages, engine/store/store_space.c), which
 * refuses updates that could take the database past it with
 * JET_errOutOfDatabaseSpace.  A grow past it gets the same error.
 */
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "jet_private.h"
#include "jet_table.h"

DEFAULT_DEBUG_CHANNEL(esent);

#define DB_SIZE_MIN 256 /* ESE's smallest database, pages (JetSetDatabaseSize) */

static void put_size(JET_ULONG_ *out, uint32_t pages)
{
    if (out) *out = pages;
}

/* Resizes an open database; shrink as pager_resize. */
static JET_ERR resize_open(JET_SESID sesid, JET_DBID dbid, JET_ULONG_ cpg, int grow, int shrink, JET_ULONG_ *out)
{
    struct jet_session *s;
    struct jet_database *db;
    uint32_t pages = 0;
    pager *p;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    if (!(db = table_db(s, dbid)) || db->temp) {
        err = JET_errInvalidDatabaseId;
    } else if (db->readonly) {
        err = JET_errPermissionDenied;
    } else {
        p = store_db_pager(db->sdb);
        pages = pager_owned_pages(p);
        if (cpg > pages && grow && store_db_max_pages(db->sdb) && cpg > store_db_max_pages(db->sdb))
            err = JET_errOutOfDatabaseSpace;
        else if ((cpg > pages && grow) || (cpg < pages && shrink))
            err = jet_error(pager_resize(p, (uint32_t)cpg, shrink, &pages));
        if (err >= 0) put_size(out, pages);
    }
    session_leave(s);
    return err;
}

JET_ERR JET_API JetGrowDatabase(JET_SESID sesid, JET_DBID dbid, JET_ULONG_ cpg, JET_ULONG_ *pcpgReal)
{
    JET_ERR err;
    TRACE("(%p, %lu, %lu, %p)\n", (void *)sesid, (unsigned long)dbid, (unsigned long)cpg, pcpgReal);
    err = resize_open(sesid, dbid, cpg, 1, 0, pcpgReal);
    TRACE("-> %ld (%lu pages)\n", (long)err, pcpgReal && err >= 0 ? (unsigned long)*pcpgReal : 0ul);
    return err;
}

JET_ERR JET_API JetResizeDatabase(JET_SESID sesid, JET_DBID dbid, JET_ULONG_ cpg, JET_ULONG_ *pcpgActual,
                                  const JET_GRBIT grbit)
{
    const JET_GRBIT both = JET_bitResizeDatabaseOnlyGrow | JET_bitResizeDatabaseOnlyShrink;
    JET_ERR err;

    TRACE("(%p, %lu, %lu, %p, 0x%lx)\n", (void *)sesid, (unsigned long)dbid, (unsigned long)cpg, pcpgActual,
          (unsigned long)grbit);
    if ((grbit & ~both) || (grbit & both) == both)
        err = JET_errInvalidGrbit;
    else
        err = resize_open(sesid, dbid, cpg, !(grbit & JET_bitResizeDatabaseOnlyShrink),
                          !(grbit & JET_bitResizeDatabaseOnlyGrow), pcpgActual);
    TRACE("-> %ld (%lu pages)\n", (long)err, pcpgActual && err >= 0 ? (unsigned long)*pcpgActual : 0ul);
    return err;
}

/* Whether the instance has this file attached; instance lock held. */
static int attached_here(struct jet_instance *inst, const char *path)
{
    int i;
    for (i = 0; i < STORE_MAX_DBS; i++)
        if (inst->dbs[i].sdb && !inst->dbs[i].temp && !strcmp(inst->dbs[i].path, path)) return 1;
    return 0;
}

static JET_ERR set_database_size(JET_SESID sesid, const wchar16 *name, JET_ULONG_ cpg, JET_ULONG_ *out)
{
    struct jet_session *s;
    uint32_t pages = 0;
    char *path = NULL;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    if (!name || !*name) {
        err = JET_errDatabaseInvalidPath;
    } else if (cpg < DB_SIZE_MIN) {
        err = JET_errInvalidParameter;
    } else if ((path = database_full_path(name, &err))) {
        os_mutex_lock(s->inst->lock);
        if (attached_here(s->inst, path)) err = JET_errDatabaseDirtyShutdown;
        else err = jet_error(store_db_set_size(os_vfs_default(), path, (uint32_t)cpg, &pages));
        os_mutex_unlock(s->inst->lock);
        if (err >= 0) put_size(out, pages);
    }
    free(path);
    session_leave(s);
    return err;
}

JET_ERR JET_API JetSetDatabaseSizeW(JET_SESID sesid, JET_PCWSTR szDatabaseName, JET_ULONG_ cpg,
                                    JET_ULONG_ *pcpgReal)
{
    JET_ERR err;
    TRACE("(%p, %s, %lu, %p)\n", (void *)sesid, dbgstr_w(szDatabaseName), (unsigned long)cpg, pcpgReal);
    err = set_database_size(sesid, (const wchar16 *)szDatabaseName, cpg, pcpgReal);
    TRACE("-> %ld (%lu pages)\n", (long)err, pcpgReal && err >= 0 ? (unsigned long)*pcpgReal : 0ul);
    return err;
}

JET_ERR JET_API JetSetDatabaseSizeA(JET_SESID sesid, JET_PCSTR szDatabaseName, JET_ULONG_ cpg,
                                    JET_ULONG_ *pcpgReal)
{
    wchar16 *name;
    JET_ERR err;
    TRACE("(%p, %s, %lu, %p)\n", (void *)sesid, dbgstr_a(szDatabaseName), (unsigned long)cpg, pcpgReal);
    if (!(name = str_a_to_w(szDatabaseName, &err)) && err) return err;
    err = set_database_size(sesid, name, cpg, pcpgReal);
    free(name);
    TRACE("-> %ld (%lu pages)\n", (long)err, pcpgReal && err >= 0 ? (unsigned long)*pcpgReal : 0ul);
    return err;
}

/* ---- the maximum size ---------------------------------------------------------------- */

JET_ERR JET_API JetSetMaxDatabaseSize(JET_SESID sesid, JET_DBID dbid, JET_ULONG_ cpg, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_database *db;
    JET_ERR err;

    TRACE("(%p, %lu, %lu, 0x%lx)\n", (void *)sesid, (unsigned long)dbid, (unsigned long)cpg, (unsigned long)grbit);
    if (!(err = session_enter(sesid, &s))) {
        if (!(db = table_db(s, dbid)) || db->temp) err = JET_errInvalidDatabaseId;
        else store_db_set_max_pages(db->sdb, (uint32_t)cpg);
        session_leave(s);
    }
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetMaxDatabaseSize(JET_SESID sesid, JET_DBID dbid, JET_ULONG_ *pcpg, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_database *db;
    JET_ERR err;

    TRACE("(%p, %lu, %p, 0x%lx)\n", (void *)sesid, (unsigned long)dbid, pcpg, (unsigned long)grbit);
    if (!(err = session_enter(sesid, &s))) {
        if (!(db = table_db(s, dbid)) || db->temp) err = JET_errInvalidDatabaseId;
        else if (!pcpg) err = JET_errInvalidParameter;
        else *pcpg = store_db_max_pages(db->sdb);
        session_leave(s);
    }
    TRACE("-> %ld (%lu pages)\n", (long)err, pcpg && err >= 0 ? (unsigned long)*pcpg : 0ul);
    return err;
}
