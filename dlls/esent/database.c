/*
 * database.c - database files: JetCreateDatabase(2), JetAttachDatabase(2),
 * JetOpenDatabase, JetCloseDatabase, JetDetachDatabase(2).
 *
 * An instance has up to six user databases attached (ESENT's limit; the
 * store's seventh slot is kept for the temporary database).  Attaching is
 * per instance; opening is per session and gives the session a JET_DBID,
 * which is the database's slot + 1 (so the same for every session, as in
 * ESENT; 0 and JET_dbidNil are never valid).  The instance counts the opens
 * of every database so that detaching an open one is refused
 * (JET_errDatabaseInUse), and remembers a session that opened one
 * exclusively (JET_bitDbExclusive) so that other sessions get
 * JET_errDatabaseLocked.
 *
 * The temporary database (temptable.c) takes a slot too, but is never seen
 * here: lookups, the count of user databases and detaching skip it.
 *
 * cpgDatabaseSizeMax of JetCreateDatabase2 / JetAttachDatabase2 is the
 * attachment's maximum size (store_db_attach_max; dbsize.c has
 * JetSetMaxDatabaseSize); attaching a database attached already keeps its
 * maximum.
 *
 * Files are identified by their full path (os_path_full), so "a.edb" and
 * ".\a.edb" are one database.  The A entry points convert the name from the
 * ANSI code page and share everything else with the W ones.
 */
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "jet_private.h"
#include "jet_table.h"

DEFAULT_DEBUG_CHANNEL(esent);

#define USER_DBS 6

/* The UTF-8 full path of an A or W file name; *err set on failure. */
char *database_full_path(const wchar16 *name, JET_ERR *err)
{
    char *utf8, *full;
    if (!name || !*name) {
        *err = JET_errDatabaseInvalidPath;
        return NULL;
    }
    if (!(utf8 = str_w_to_utf8(name, err))) return NULL;
    full = os_path_full(utf8);
    free(utf8);
    if (!full) *err = JET_errDatabaseInvalidPath;
    return full;
}

/* The attached database with this full path, or NULL; instance lock held. */
static struct jet_database *find_attached(struct jet_instance *inst, const char *path)
{
    int i;
    for (i = 0; i < STORE_MAX_DBS; i++)
        if (inst->dbs[i].sdb && !inst->dbs[i].temp && !strcmp(inst->dbs[i].path, path)) return &inst->dbs[i];
    return NULL;
}

/* The databases every instance of the process has attached (full paths),
 * under a lock of their own taken innermost: a file the store finds locked
 * (JET_errFileAccessDenied) is JET_errDatabaseSharingViolation when
 * another instance of this process holds it, as in ESE, whose database
 * table is process-wide. */
static os_mutex *process_dbs_lock;
static struct process_db {
    struct process_db *next;
    const struct jet_instance *inst;
    char path[];
} *process_dbs;

static void process_db_add(const struct jet_instance *inst, const char *path)
{
    size_t n = strlen(path) + 1;
    struct process_db *d = malloc(sizeof(*d) + n);
    os_mutex *m = os_mutex_lazy(&process_dbs_lock);
    if (!d || !m) {
        free(d); /* only the error code of a later conflict is at stake */
        return;
    }
    d->inst = inst;
    memcpy(d->path, path, n);
    os_mutex_lock(m);
    d->next = process_dbs;
    process_dbs = d;
    os_mutex_unlock(m);
}

/* Forgets inst's entry for path, or all of inst's entries (path NULL). */
static void process_db_remove(const struct jet_instance *inst, const char *path)
{
    os_mutex *m = os_mutex_lazy(&process_dbs_lock);
    struct process_db **pp;
    if (!m) return;
    os_mutex_lock(m);
    for (pp = &process_dbs; *pp;) {
        struct process_db *d = *pp;
        if (d->inst == inst && (!path || !strcmp(d->path, path))) {
            *pp = d->next;
            free(d);
        } else {
            pp = &d->next;
        }
    }
    os_mutex_unlock(m);
}

static int process_db_other(const struct jet_instance *inst, const char *path)
{
    os_mutex *m = os_mutex_lazy(&process_dbs_lock);
    struct process_db *d;
    int found = 0;
    if (!m) return 0;
    os_mutex_lock(m);
    for (d = process_dbs; d && !found; d = d->next) found = d->inst != inst && !strcmp(d->path, path);
    os_mutex_unlock(m);
    return found;
}

void database_instance_closed(const struct jet_instance *inst)
{
    process_db_remove(inst, NULL);
}

static int attached_count(struct jet_instance *inst)
{
    int i, n = 0;
    for (i = 0; i < STORE_MAX_DBS; i++) n += inst->dbs[i].sdb && !inst->dbs[i].temp;
    return n;
}

/* Attaches path to the instance with a maximum size of max_pages (0:
 * none); instance lock held.  *db gets the entry; JET_wrnDatabaseAttached
 * when it was attached already (its maximum then stays). */
static JET_ERR attach(struct jet_instance *inst, char *path, unsigned flags, uint32_t max_pages,
                      struct jet_database **db)
{
    store_db *sdb;
    JET_ERR err;
    int slot;

    if ((*db = find_attached(inst, path))) {
        free(path);
        return (flags & STORE_DB_CREATE) ? JET_errDatabaseDuplicate : JET_wrnDatabaseAttached;
    }
    if (attached_count(inst) >= USER_DBS) {
        free(path);
        return JET_errTooManyAttachedDatabases;
    }
    if ((err = store_db_attach_max(inst->st, path, flags, max_pages, &sdb)) < 0) {
        if (err == JET_errDatabaseInUse || (err == JET_errFileAccessDenied && process_db_other(inst, path)))
            err = JET_errDatabaseSharingViolation;
        free(path);
        return err;
    }
    process_db_add(inst, path);
    /* The store chose the slot; the Jet entry uses the same one. */
    slot = store_db_slot(sdb);
    memset(&inst->dbs[slot], 0, sizeof(inst->dbs[slot]));
    inst->dbs[slot].sdb = sdb;
    inst->dbs[slot].path = path;
    inst->dbs[slot].readonly = !!(flags & STORE_DB_READONLY);
    *db = &inst->dbs[slot];
    return 0;
}

/* Opens an attached database for the session; instance lock held. */
static JET_ERR open_db(struct jet_session *s, struct jet_database *db, JET_GRBIT grbit, JET_DBID *pdbid)
{
    struct jet_instance *inst = s->inst;
    int slot = (int)(db - inst->dbs);

    if (db->exclusive && db->exclusive != s) return JET_errDatabaseLocked;
    if ((grbit & JET_bitDbExclusive) && db->opens > s->opened[slot]) return JET_errDatabaseInUse;
    if (grbit & JET_bitDbExclusive) db->exclusive = s;
    db->opens++;
    s->opened[slot]++;
    *pdbid = (JET_DBID)(slot + 1);
    return db->readonly && !(grbit & JET_bitDbReadOnly) ? JET_wrnFileOpenReadOnly : 0;
}

/* The session's view of a database id; instance lock held. */
static struct jet_database *db_of(struct jet_session *s, JET_DBID dbid)
{
    if (dbid < 1 || dbid > STORE_MAX_DBS || !s->inst->dbs[dbid - 1].sdb || s->inst->dbs[dbid - 1].temp) return NULL;
    return &s->inst->dbs[dbid - 1];
}

void database_session_closed(struct jet_session *s)
{
    int i;
    for (i = 0; i < STORE_MAX_DBS; i++) {
        struct jet_database *db = &s->inst->dbs[i];
        if (!s->opened[i]) continue;
        db->opens -= s->opened[i];
        s->opened[i] = 0;
        if (db->exclusive == s) db->exclusive = NULL;
    }
}

/* ---- JetCreateDatabase ------------------------------------------------------ */

static JET_ERR create_database(JET_SESID sesid, const wchar16 *name, uint32_t max_pages, JET_DBID *pdbid,
                               JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_database *db;
    unsigned flags = STORE_DB_CREATE;
    char *path;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    if (!pdbid) {
        err = JET_errInvalidParameter;
    } else if (grbit & ~(JET_GRBIT)(JET_bitDbOverwriteExisting | JET_bitDbRecoveryOff | JET_bitDbShadowingOff)) {
        err = JET_errInvalidGrbit;
    } else if (s->trx_level) {
        err = JET_errInTransaction;
    } else if ((path = database_full_path(name, &err))) {
        if (grbit & JET_bitDbOverwriteExisting) flags |= STORE_DB_OVERWRITE;
        if (grbit & JET_bitDbRecoveryOff) flags |= STORE_DB_NOLOG;
        os_mutex_lock(s->inst->lock);
        if ((err = instance_make_folders(s->inst, path, 0)) < 0) free(path);
        else if (!(err = attach(s->inst, path, flags, max_pages, &db))) err = open_db(s, db, 0, pdbid);
        os_mutex_unlock(s->inst->lock);
    }
    session_leave(s);
    return err;
}

JET_ERR JET_API JetCreateDatabaseW(JET_SESID sesid, JET_PCWSTR szFilename, JET_PCWSTR szConnect,
                                   JET_DBID *pdbid, JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, %s, %s, %p, 0x%lx)\n", (void *)sesid, dbgstr_w(szFilename), dbgstr_w(szConnect), pdbid,
          (unsigned long)grbit);
    err = create_database(sesid, (const wchar16 *)szFilename, 0, pdbid, grbit);
    TRACE("-> %ld (dbid %lu)\n", (long)err, pdbid && err >= 0 ? (unsigned long)*pdbid : 0ul);
    return err;
}

JET_ERR JET_API JetCreateDatabaseA(JET_SESID sesid, JET_PCSTR szFilename, JET_PCSTR szConnect,
                                   JET_DBID *pdbid, JET_GRBIT grbit)
{
    wchar16 *name;
    JET_ERR err;
    TRACE("(%p, %s, %s, %p, 0x%lx)\n", (void *)sesid, dbgstr_a(szFilename), dbgstr_a(szConnect), pdbid,
          (unsigned long)grbit);
    if (!(name = str_a_to_w(szFilename, &err)) && err) return err;
    err = create_database(sesid, name, 0, pdbid, grbit);
    free(name);
    TRACE("-> %ld (dbid %lu)\n", (long)err, pdbid && err >= 0 ? (unsigned long)*pdbid : 0ul);
    return err;
}

JET_ERR JET_API JetCreateDatabase2W(JET_SESID sesid, JET_PCWSTR szFilename, const JET_ULONG_ cpgDatabaseSizeMax,
                                    JET_DBID *pdbid, JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, %s, %lu, %p, 0x%lx)\n", (void *)sesid, dbgstr_w(szFilename), (unsigned long)cpgDatabaseSizeMax,
          pdbid, (unsigned long)grbit);
    if (cpgDatabaseSizeMax > 0x7ffffffe) err = JET_errDatabaseInvalidPages;
    else err = create_database(sesid, (const wchar16 *)szFilename, cpgDatabaseSizeMax, pdbid, grbit);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetCreateDatabase2A(JET_SESID sesid, JET_PCSTR szFilename, const JET_ULONG_ cpgDatabaseSizeMax,
                                    JET_DBID *pdbid, JET_GRBIT grbit)
{
    wchar16 *name;
    JET_ERR err;
    TRACE("(%p, %s, %lu, %p, 0x%lx)\n", (void *)sesid, dbgstr_a(szFilename), (unsigned long)cpgDatabaseSizeMax,
          pdbid, (unsigned long)grbit);
    if (!(name = str_a_to_w(szFilename, &err)) && err) return err;
    err = JetCreateDatabase2W(sesid, (JET_PCWSTR)name, cpgDatabaseSizeMax, pdbid, grbit);
    free(name);
    return err;
}

/* ---- JetAttachDatabase ------------------------------------------------------ */

static JET_ERR detach_one(struct jet_instance *inst, struct jet_database *db);

static JET_ERR attach_database(JET_SESID sesid, const wchar16 *name, uint32_t max_pages, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_database *db;
    char *path;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    if (grbit & ~(JET_GRBIT)(JET_bitDbReadOnly | JET_bitDbDeleteCorruptIndexes | JET_bitDbDeleteUnicodeIndexes |
                             JET_bitDbUpgrade | JET_bitDbEnableBackgroundMaintenance | JET_bitDbPurgeCacheOnAttach)) {
        err = JET_errInvalidGrbit;
    } else if (s->trx_level) {
        err = JET_errInTransaction;
    } else if ((grbit & JET_bitDbReadOnly) && (grbit & JET_bitDbDeleteUnicodeIndexes)) {
        err = JET_errInvalidGrbit; /* deleting is no read-only attach */
    } else if ((path = database_full_path(name, &err))) {
        os_mutex_lock(s->inst->lock);
        err = attach(s->inst, path, (grbit & JET_bitDbReadOnly) ? STORE_DB_READONLY : 0, max_pages, &db);
        os_mutex_unlock(s->inst->lock);
        /* Unicode indexes that another sort made (sortcheck.c); a failed
         * check leaves the database detached. */
        if (err == 0 && (err = sortcheck_attach(s, (int)(db - s->inst->dbs), grbit)) < 0) {
            os_mutex_lock(s->inst->lock);
            detach_one(s->inst, db);
            os_mutex_unlock(s->inst->lock);
        }
    }
    session_leave(s);
    return err;
}

JET_ERR JET_API JetAttachDatabaseW(JET_SESID sesid, JET_PCWSTR szFilename, JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, %s, 0x%lx)\n", (void *)sesid, dbgstr_w(szFilename), (unsigned long)grbit);
    err = attach_database(sesid, (const wchar16 *)szFilename, 0, grbit);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetAttachDatabaseA(JET_SESID sesid, JET_PCSTR szFilename, JET_GRBIT grbit)
{
    wchar16 *name;
    JET_ERR err;
    TRACE("(%p, %s, 0x%lx)\n", (void *)sesid, dbgstr_a(szFilename), (unsigned long)grbit);
    if (!(name = str_a_to_w(szFilename, &err)) && err) return err;
    err = attach_database(sesid, name, 0, grbit);
    free(name);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetAttachDatabase2W(JET_SESID sesid, JET_PCWSTR szFilename, const JET_ULONG_ cpgDatabaseSizeMax,
                                    JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, %s, %lu, 0x%lx)\n", (void *)sesid, dbgstr_w(szFilename), (unsigned long)cpgDatabaseSizeMax,
          (unsigned long)grbit);
    if (cpgDatabaseSizeMax > 0x7ffffffe) err = JET_errDatabaseInvalidPages;
    else err = attach_database(sesid, (const wchar16 *)szFilename, cpgDatabaseSizeMax, grbit);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetAttachDatabase2A(JET_SESID sesid, JET_PCSTR szFilename, const JET_ULONG_ cpgDatabaseSizeMax,
                                    JET_GRBIT grbit)
{
    wchar16 *name;
    JET_ERR err;
    if (!(name = str_a_to_w(szFilename, &err)) && err) return err;
    err = JetAttachDatabase2W(sesid, (JET_PCWSTR)name, cpgDatabaseSizeMax, grbit);
    free(name);
    return err;
}

/* ---- JetOpenDatabase, JetCloseDatabase ----------------------------------------- */

static JET_ERR open_database(JET_SESID sesid, const wchar16 *name, JET_DBID *pdbid, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_database *db;
    char *path;
    JET_ERR err;

    if ((err = session_enter(sesid, &s))) return err;
    if (!pdbid) {
        err = JET_errInvalidParameter;
    } else if (grbit & ~(JET_GRBIT)(JET_bitDbReadOnly | JET_bitDbExclusive)) {
        err = JET_errInvalidGrbit;
    } else if ((path = database_full_path(name, &err))) {
        os_mutex_lock(s->inst->lock);
        db = find_attached(s->inst, path);
        err = db ? open_db(s, db, grbit, pdbid) : JET_errDatabaseNotFound;
        os_mutex_unlock(s->inst->lock);
        free(path);
    }
    session_leave(s);
    return err;
}

JET_ERR JET_API JetOpenDatabaseW(JET_SESID sesid, JET_PCWSTR szFilename, JET_PCWSTR szConnect, JET_DBID *pdbid,
                                 JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, %s, %s, %p, 0x%lx)\n", (void *)sesid, dbgstr_w(szFilename), dbgstr_w(szConnect), pdbid,
          (unsigned long)grbit);
    err = open_database(sesid, (const wchar16 *)szFilename, pdbid, grbit);
    TRACE("-> %ld (dbid %lu)\n", (long)err, pdbid && err >= 0 ? (unsigned long)*pdbid : 0ul);
    return err;
}

JET_ERR JET_API JetOpenDatabaseA(JET_SESID sesid, JET_PCSTR szFilename, JET_PCSTR szConnect, JET_DBID *pdbid,
                                 JET_GRBIT grbit)
{
    wchar16 *name;
    JET_ERR err;
    TRACE("(%p, %s, %s, %p, 0x%lx)\n", (void *)sesid, dbgstr_a(szFilename), dbgstr_a(szConnect), pdbid,
          (unsigned long)grbit);
    if (!(name = str_a_to_w(szFilename, &err)) && err) return err;
    err = open_database(sesid, name, pdbid, grbit);
    free(name);
    TRACE("-> %ld (dbid %lu)\n", (long)err, pdbid && err >= 0 ? (unsigned long)*pdbid : 0ul);
    return err;
}

JET_ERR JET_API JetCloseDatabase(JET_SESID sesid, JET_DBID dbid, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_database *db;
    JET_ERR err;

    TRACE("(%p, %lu, 0x%lx)\n", (void *)sesid, (unsigned long)dbid, (unsigned long)grbit);
    if ((err = session_enter(sesid, &s))) goto out;
    os_mutex_lock(s->inst->lock);
    if (!(db = db_of(s, dbid))) {
        err = JET_errInvalidDatabaseId;
    } else if (!s->opened[dbid - 1]) {
        err = JET_errDatabaseNotFound;
    } else {
        s->opened[dbid - 1]--;
        db->opens--;
        if (db->exclusive == s && !s->opened[dbid - 1]) db->exclusive = NULL;
    }
    os_mutex_unlock(s->inst->lock);
    session_leave(s);
out:
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- JetDetachDatabase ----------------------------------------------------------- */

/* Detaches one entry; instance lock held. */
static JET_ERR detach_one(struct jet_instance *inst, struct jet_database *db)
{
    JET_ERR err;
    if (db->opens) return JET_errDatabaseInUse;
    err = store_db_detach(inst->st, db->sdb);
    process_db_remove(inst, db->path);
    table_shared_release_db(inst, (int)(db - inst->dbs));
    free(db->path);
    memset(db, 0, sizeof(*db));
    return err;
}

static JET_ERR detach_database(JET_SESID sesid, const wchar16 *name, JET_GRBIT grbit)
{
    struct jet_session *s;
    struct jet_database *db;
    char *path;
    JET_ERR err;
    int i;

    if ((err = session_enter(sesid, &s))) return err;
    if (grbit & ~(JET_GRBIT)JET_bitForceCloseAndDetach) {
        err = JET_errInvalidGrbit;
    } else if (s->trx_level) {
        err = JET_errInTransaction;
    } else if (!name || !*name) {
        /* NULL detaches every database. */
        os_mutex_lock(s->inst->lock);
        for (i = 0; i < STORE_MAX_DBS && !err; i++)
            if (s->inst->dbs[i].sdb && !s->inst->dbs[i].temp) err = detach_one(s->inst, &s->inst->dbs[i]);
        os_mutex_unlock(s->inst->lock);
    } else if ((path = database_full_path(name, &err))) {
        os_mutex_lock(s->inst->lock);
        db = find_attached(s->inst, path);
        err = db ? detach_one(s->inst, db) : JET_errDatabaseNotFound;
        os_mutex_unlock(s->inst->lock);
        free(path);
    }
    if (grbit && err >= 0) FIXME("detach grbit 0x%lx not honoured\n", (unsigned long)grbit);
    session_leave(s);
    return err;
}

JET_ERR JET_API JetDetachDatabaseW(JET_SESID sesid, JET_PCWSTR szFilename)
{
    JET_ERR err;
    TRACE("(%p, %s)\n", (void *)sesid, dbgstr_w(szFilename));
    err = detach_database(sesid, (const wchar16 *)szFilename, 0);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetDetachDatabaseA(JET_SESID sesid, JET_PCSTR szFilename)
{
    wchar16 *name;
    JET_ERR err;
    TRACE("(%p, %s)\n", (void *)sesid, dbgstr_a(szFilename));
    if (!(name = str_a_to_w(szFilename, &err)) && err) return err;
    err = detach_database(sesid, name, 0);
    free(name);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetDetachDatabase2W(JET_SESID sesid, JET_PCWSTR szFilename, JET_GRBIT grbit)
{
    JET_ERR err;
    TRACE("(%p, %s, 0x%lx)\n", (void *)sesid, dbgstr_w(szFilename), (unsigned long)grbit);
    err = detach_database(sesid, (const wchar16 *)szFilename, grbit);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetDetachDatabase2A(JET_SESID sesid, JET_PCSTR szFilename, JET_GRBIT grbit)
{
    wchar16 *name;
    JET_ERR err;
    TRACE("(%p, %s, 0x%lx)\n", (void *)sesid, dbgstr_a(szFilename), (unsigned long)grbit);
    if (!(name = str_a_to_w(szFilename, &err)) && err) return err;
    err = detach_database(sesid, name, grbit);
    free(name);
    TRACE("-> %ld\n", (long)err);
    return err;
}

/* ---- JetGetDatabaseFileInfo ---------------------------------------------------- */

void database_logtime(uint64_t t, JET_LOGTIME *lt)
{
    uint64_t days = t / 86400, rem = t % 86400;
    int year = 1970, month = 0;
    static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

    memset(lt, 0, sizeof(*lt));
    for (;;) {
        int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        uint64_t ylen = leap ? 366 : 365;
        if (days < ylen) break;
        days -= ylen;
        year++;
    }
    for (month = 0; month < 12; month++) {
        int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        uint64_t mlen = (uint64_t)mdays[month] + (month == 1 && leap);
        if (days < mlen) break;
        days -= mlen;
    }
    lt->bSeconds = (char)(rem % 60);
    lt->bMinutes = (char)(rem / 60 % 60);
    lt->bHours = (char)(rem / 3600);
    lt->bDay = (char)(days + 1);
    lt->bMonth = (char)(month + 1);
    lt->bYear = (char)(year - 1900);
    lt->fTimeIsUTC = 1;
}

static JET_ERR database_file_info(const wchar16 *name, void *pv, unsigned long cb, unsigned long level)
{
    struct store_db_info info;
    char *path;
    JET_ERR err;

    if (!pv) return JET_errInvalidParameter;
    if (level == JET_DbInfoDBInUse) {
        if (cb < sizeof(JET_ULONG_)) return JET_errInvalidBufferSize;
        *(JET_ULONG_ *)pv = (JET_ULONG_)jet_any_database_attached();
        return 0;
    }
    if (!(path = database_full_path(name, &err))) return err;
    err = store_db_probe(os_vfs_default(), path, &info);
    free(path);
    if (err < 0) return err;
    switch (level) {
    case JET_DbInfoFilesize:
        if (cb < 8) return JET_errInvalidBufferSize;
        memcpy(pv, &info.file_size, 8);
        return 0;
    case JET_DbInfoPageSize:
        if (cb < sizeof(JET_ULONG_)) return JET_errInvalidBufferSize;
        *(JET_ULONG_ *)pv = info.page_size;
        return 0;
    case JET_DbInfoMisc: {
        /* The caller's size picks the JET_DBINFOMISC version; the fields
         * this engine does not keep (log positions, backups, repair and
         * ECC counters) read as zero. */
        JET_DBINFOMISC *m = pv;
        if (cb < sizeof(JET_DBINFOMISC)) return JET_errInvalidBufferSize;
        memset(pv, 0, cb < sizeof(JET_DBINFOMISC7) ? cb : sizeof(JET_DBINFOMISC7));
        m->ulVersion = 0x620;
        m->ulUpdate = 0x14;
        memcpy(&m->signDb.ulRandom, info.signature, sizeof(m->signDb.ulRandom));
        database_logtime(info.create_time, &m->signDb.logtimeCreate);
        m->dbstate = info.state;
        m->dwMajorVersion = 6;
        m->dwMinorVersion = 1;
        m->dwBuildNumber = 7601;
        m->lSPNumber = 1;
        m->cbPageSize = info.page_size;
        return 0;
    }
    default:
        FIXME("info level %lu not implemented\n", level);
        return JET_errFeatureNotAvailable;
    }
}

JET_ERR JET_API JetGetDatabaseFileInfoW(JET_PCWSTR szDatabaseName, void *pvResult, JET_ULONG_ cbMax,
                                        JET_ULONG_ InfoLevel)
{
    JET_ERR err;
    TRACE("(%s, %p, %lu, %lu)\n", dbgstr_w(szDatabaseName), pvResult, (unsigned long)cbMax,
          (unsigned long)InfoLevel);
    err = database_file_info((const wchar16 *)szDatabaseName, pvResult, cbMax, InfoLevel);
    TRACE("-> %ld\n", (long)err);
    return err;
}

JET_ERR JET_API JetGetDatabaseFileInfoA(JET_PCSTR szDatabaseName, void *pvResult, JET_ULONG_ cbMax,
                                        JET_ULONG_ InfoLevel)
{
    wchar16 *name;
    JET_ERR err;
    TRACE("(%s, %p, %lu, %lu)\n", dbgstr_a(szDatabaseName), pvResult, (unsigned long)cbMax,
          (unsigned long)InfoLevel);
    if (!(name = str_a_to_w(szDatabaseName, &err)) && err) return err;
    err = database_file_info(name, pvResult, cbMax, InfoLevel);
    free(name);
    TRACE("-> %ld\n", (long)err);
    return err;
}
