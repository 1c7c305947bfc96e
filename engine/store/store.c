/*
 * store.c - the store: opening and closing an instance's log and
 * databases, trees, transactions and commit, checkpoints.  The design and
 * the durability argument are in store.h; recovery is in store_recover.c.
 *
 * Locks, outermost first:
 *   ckpt_mutex   one checkpoint, attach or detach at a time
 *   latch        (rwlock) shared for readers; exclusive while a commit
 *                applies its write set and appends it, and while a
 *                checkpoint copies the dirty pages
 *   mutex        the failed flag and the statistics
 * The log has its own mutex, taken inside the latch by log_append.
 */
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "esent.h"
#include "page.h"
#include "store_int.h"

DEFAULT_DEBUG_CHANNEL(esent);

/* ---- small helpers ------------------------------------------------------ */

int store_err_from_os(int oserr)
{
    switch (oserr) {
    case OS_OK: return 0;
    case OS_ENOENT: return JET_errFileNotFound;
    case OS_EEXIST: return JET_errDatabaseDuplicate;
    case OS_EACCES: return JET_errFileAccessDenied;
    case OS_ENOSPC: return JET_errDiskFull;
    case OS_ENOMEM: return JET_errOutOfMemory;
    case OS_EINVAL: return JET_errInvalidPath;
    default: return JET_errDiskIO;
    }
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s ? s : "") + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s ? s : "", n);
    return d;
}

uint64_t store_log_bytes(const store *s, lsn_t lsn)
{
    return (uint64_t)LSN_GEN(lsn) * s->cfg.log_file_size + LSN_OFF(lsn);
}

static int check_failed(store *s)
{
    int err;
    os_mutex_lock(s->mutex);
    err = s->failed;
    os_mutex_unlock(s->mutex);
    return err;
}

int store_check_failed(store *s)
{
    return check_failed(s);
}

/* Enters the failed state: from now on every call returns
 * JET_errInstanceUnavailable; the next open recovers. */
static void set_failed(store *s, int cause)
{
    os_mutex_lock(s->mutex);
    if (!s->failed) {
        ERR("store failed (%d); the instance must be restarted\n", cause);
        s->failed = JET_errInstanceUnavailable;
    }
    os_mutex_unlock(s->mutex);
}

/* A growable byte buffer for building log records. */
struct buf {
    uint8_t *p;
    size_t len, cap;
};

static int buf_reserve(struct buf *b, size_t more)
{
    size_t cap;
    uint8_t *p;
    if (b->len + more <= b->cap) return 0;
    cap = b->cap ? b->cap * 2 : 256;
    while (cap < b->len + more) cap *= 2;
    if (!(p = realloc(b->p, cap))) return JET_errOutOfMemory;
    b->p = p;
    b->cap = cap;
    return 0;
}

static uint8_t *buf_grab(struct buf *b, size_t n)
{
    uint8_t *p = b->p + b->len;
    b->len += n;
    return p;
}

/* ---- databases ------------------------------------------------------------ */

void store_db_free(store_db *db)
{
    if (!db) return;
    pager_close(db->pg);
    free(db->path);
    free(db);
}

int store_db_open_slot(store *s, int dbid, const char *path, unsigned flags, uint32_t max_pages,
                       store_db **out)
{
    struct pager_config pc;
    store_db *db;
    int err;

    *out = NULL;
    if (!(db = calloc(1, sizeof(*db))) || !(db->path = dup_str(path))) {
        free(db);
        return JET_errOutOfMemory;
    }
    db->s = s;
    db->dbid = dbid;
    db->flags = flags;
    memset(&pc, 0, sizeof(pc));
    pc.vfs = s->cfg.vfs;
    pc.page_size = (flags & STORE_DB_CREATE) ? s->cfg.page_size : 0;
    pc.cache_pages = s->cfg.cache_pages;
    pc.extend_pages = s->cfg.extend_pages;
    pc.max_pages = max_pages;
    pc.flags = ((flags & STORE_DB_CREATE) ? PAGER_CREATE : 0) |
               ((flags & STORE_DB_OVERWRITE) ? PAGER_OVERWRITE : 0) |
               ((flags & STORE_DB_READONLY) ? PAGER_READONLY : 0);
    if ((err = pager_open(path, &pc, &db->pg)) < 0) {
        free(db->path);
        free(db);
        return err;
    }
    *out = db;
    return 0;
}

int store_db_probe(os_vfs *vfs, const char *path, struct store_db_info *info)
{
    struct pager_config pc;
    pager *pg;
    const uint8_t *h;
    os_file *f;
    int err;

    memset(&pc, 0, sizeof(pc));
    pc.vfs = vfs;
    pc.cache_pages = 4;
    pc.flags = PAGER_READONLY | PAGER_NOLOCK; /* it may be attached */
    if ((err = pager_open(path, &pc, &pg)) < 0) return err;
    h = pager_data(pager_header(pg));
    info->page_size = pager_page_size(pg);
    info->page_count = pager_page_count(pg);
    info->state = get_u32(h + DBH_OFF_DB_STATE);
    info->create_time = get_u64(h + DBH_OFF_CREATE_TIME);
    memcpy(info->signature, h + DBH_OFF_SIGNATURE, sizeof(info->signature));
    pager_close(pg);
    info->file_size = (uint64_t)info->page_count * info->page_size;
    if (os_file_open(vfs, path, OS_OPEN_READONLY, &f) == OS_OK) {
        if (os_file_size(f, &info->file_size) != OS_OK) info->file_size = 0;
        os_file_close(f);
    }
    return 0;
}

int store_db_set_size(os_vfs *vfs, const char *path, uint32_t pages, uint32_t *result)
{
    struct pager_config pc;
    pager *pg;
    int err;

    memset(&pc, 0, sizeof(pc));
    pc.vfs = vfs;
    pc.cache_pages = 4;
    if ((err = pager_open(path, &pc, &pg)) < 0) return err;
    if (get_u32(pager_data(pager_header(pg)) + DBH_OFF_DB_STATE) == JET_dbstateDirtyShutdown)
        err = JET_errDatabaseDirtyShutdown; /* its log must be replayed first */
    else
        err = pager_resize(pg, pages, 0, result);
    pager_close(pg);
    return err;
}

static int db_logged(const store *s, const store_db *db)
{
    /* A database detached under an open transaction is not logged; the
     * commit's apply step then fails with JET_errDatabaseNotFound. */
    return s->lg && db && !(db->flags & STORE_DB_NOLOG);
}

pager *store_db_pager(store_db *db)
{
    return db->pg;
}

int store_db_slot(const store_db *db)
{
    return db->dbid;
}

uint32_t store_db_page_size(store_db *db)
{
    return pager_page_size(db->pg);
}

const char *store_db_path(store_db *db)
{
    return db->path;
}

uint32_t store_db_catalog(store_db *db)
{
    return get_u32(pager_data(pager_header(db->pg)) + DBH_OFF_CATALOG_ROOT);
}

static void set_db_state(store_db *db, uint32_t state)
{
    pager_page *h = pager_header(db->pg);
    if (get_u32(pager_data(h) + DBH_OFF_DB_STATE) == state) return;
    pager_make_dirty(h);
    put_u32(pager_data(h) + DBH_OFF_DB_STATE, state);
}

/* ---- log records ------------------------------------------------------------ */

static int append(store *s, uint8_t type, const void *p, uint32_t len, lsn_t *lsn)
{
    return log_append(s->lg, type, p, len, lsn);
}

static int log_tree_op(store *s, uint8_t kind, int dbid, uint32_t root)
{
    uint8_t rec[6];
    rec[0] = kind;
    rec[1] = (uint8_t)dbid;
    put_u32(rec + 2, root);
    return append(s, STORE_REC_TREE, rec, sizeof(rec), NULL);
}

static int log_attach(store *s, store_db *db)
{
    size_t n = strlen(db->path);
    uint8_t *rec;
    int err;
    if (n > 0xffff) return JET_errInvalidPath;
    if (!(rec = malloc(4 + n))) return JET_errOutOfMemory;
    rec[0] = (uint8_t)db->dbid;
    rec[1] = (uint8_t)db->flags;
    put_u16(rec + 2, (uint16_t)n);
    memcpy(rec + 4, db->path, n);
    err = append(s, STORE_REC_ATTACH, rec, (uint32_t)(4 + n), NULL);
    free(rec);
    return err;
}

/* ---- checkpoints ------------------------------------------------------------ */

/* Writes edb.chk: the checkpoint to recover from and the logged databases. */
static int write_checkpoint_file(store *s, lsn_t ckpt, int clean)
{
    struct buf b = { 0 };
    int i, ndbs = 0, err;

    if ((err = buf_reserve(&b, 22))) return err;
    put_u32(buf_grab(&b, 4), STORE_CKPT_MAGIC);
    put_u64(buf_grab(&b, 8), ckpt);
    put_u64(buf_grab(&b, 8), log_end(s->lg));
    *buf_grab(&b, 1) = (uint8_t)clean;
    buf_grab(&b, 1); /* ndbs, filled below */
    for (i = 0; i < STORE_MAX_DBS; i++) {
        store_db *db = s->dbs[i];
        size_t n;
        if (!db || !db_logged(s, db)) continue;
        n = strlen(db->path);
        if (n > 0xffff) continue;
        if ((err = buf_reserve(&b, 4 + n))) goto out;
        *buf_grab(&b, 1) = (uint8_t)db->dbid;
        *buf_grab(&b, 1) = (uint8_t)db->flags;
        put_u16(buf_grab(&b, 2), (uint16_t)n);
        memcpy(buf_grab(&b, n), db->path, n);
        ndbs++;
    }
    b.p[21] = (uint8_t)ndbs;
    err = log_checkpoint_write(s->lg, b.p, (uint32_t)b.len);
out:
    free(b.p);
    return err;
}

int store_checkpoint_locked(store *s, int clean)
{
    pager_snapshot *snaps[STORE_MAX_DBS] = { 0 };
    uint8_t rec[8 + 5];
    lsn_t begin = 0, end = 0;
    int i, err = 0;

    if ((err = check_failed(s))) return err;

    /* 1. Copy every dirty page and mark the log position, atomically with
     *    respect to commits. */
    os_rwlock_write_lock(s->latch);
    for (i = 0; i < STORE_MAX_DBS && !err; i++)
        if (s->dbs[i] && !(s->dbs[i]->flags & STORE_DB_READONLY))
            err = pager_snapshot_take(s->dbs[i]->pg, &snaps[i]);
    if (!err && s->lg) {
        put_u64(rec, log_end(s->lg));
        err = append(s, STORE_REC_CKPT_BEGIN, rec, 8, &begin);
    }
    os_rwlock_write_unlock(s->latch);
    if (err) goto fail;

    /* 2. The images go to the log, which is flushed before any page is
     *    overwritten in place. */
    if (s->lg) {
        uint32_t page_size, n, k, pgno;
        uint8_t *img = NULL, *page;
        for (i = 0; i < STORE_MAX_DBS && !err; i++) {
            if (!snaps[i] || !db_logged(s, s->dbs[i])) continue;
            page_size = pager_page_size(s->dbs[i]->pg);
            n = pager_snapshot_count(snaps[i]);
            if (!(img = malloc(9 + 2 * (size_t)page_size))) {
                err = JET_errOutOfMemory;
                break;
            }
            page = img + 9 + page_size;
            for (k = 0; k < n && !err; k++) {
                uint32_t hole_off, hole_len;
                if ((err = pager_snapshot_read(snaps[i], k, page, &pgno))) break;
                page_hole(page, page_size, &hole_off, &hole_len);
                img[0] = (uint8_t)i;
                put_u32(img + 1, pgno);
                put_u16(img + 5, (uint16_t)hole_off);
                put_u16(img + 7, (uint16_t)hole_len);
                memcpy(img + 9, page, hole_off);
                memcpy(img + 9 + hole_off, page + hole_off + hole_len, page_size - hole_off - hole_len);
                err = append(s, STORE_REC_IMAGE_HOLE, img, 9 + page_size - hole_len, NULL);
            }
            free(img);
        }
        if (!err) {
            put_u64(rec, begin);
            err = append(s, STORE_REC_CKPT_END, rec, 8, &end);
        }
        if (!err) err = log_flush(s->lg, end);
        if (err) goto fail;
    }

    /* 3. In place, then synced. */
    for (i = 0; i < STORE_MAX_DBS && !err; i++)
        if (snaps[i]) err = pager_snapshot_write(s->dbs[i]->pg, snaps[i]);
    if (err) goto fail;

    /* 4. Only now may recovery start from this checkpoint. */
    if (s->lg) {
        if ((err = write_checkpoint_file(s, begin, clean))) goto fail;
        s->last_ckpt = begin;
        /* Depth counts commits only: the images just written are not
         * replayed as commits, and counting them would start the next
         * checkpoint at once whenever the images alone pass the depth. */
        __atomic_store_n(&s->log_bytes_at_ckpt, store_log_bytes(s, end), __ATOMIC_RELAXED);
        if (s->cfg.circular_log) log_release_before(s->lg, begin);
    }
    for (i = 0; i < STORE_MAX_DBS; i++) pager_snapshot_free(snaps[i]);
    os_mutex_lock(s->mutex);
    s->stats.checkpoints++;
    os_mutex_unlock(s->mutex);
    return 0;

fail:
    /* Pages copied in step 1 are marked clean but may not be on disk: this
     * instance can no longer checkpoint correctly.  Recovery at the next
     * open rebuilds them from the log (edb.chk did not move). */
    for (i = 0; i < STORE_MAX_DBS; i++) pager_snapshot_free(snaps[i]);
    set_failed(s, err);
    return err;
}

int store_checkpoint(store *s)
{
    int err;
    os_mutex_lock(s->ckpt_mutex);
    err = store_checkpoint_locked(s, 0);
    os_mutex_unlock(s->ckpt_mutex);
    return err;
}

/* After a commit: checkpoint when the log or the dirty pages grew enough.
 *
 * The dirty threshold is 3/4 of a database's cache.  A checkpoint logs an
 * image of every dirty page, so the fewer checkpoints per row written, the
 * less is written: random inserts dirty most leaves between checkpoints,
 * and at 3/4 a checkpoint covers about 2.5x as many rows as at 1/2 (0.25
 * instead of 0.43 page images per row at one million random rows, 128 MiB
 * cache).  1/4 of the cache stays for clean pages (the inner pages every
 * descent needs).  The snapshot holds the dirty frames themselves and
 * copies only those that change while the checkpoint runs (pager.h).
 *
 * With cfg.checkpoint_thread the committer only wakes the background
 * checkpointer, so its log flush and in-place writes and syncs overlap
 * with the next transactions instead of stalling them.  Back-pressure
 * bounds memory: while that checkpoint runs (its frames pinned, up to 3/4
 * of the cache), a committer that has dirtied 1/4 of a cache more, or
 * logged 4 depths, waits for it and checkpoints itself if still needed.
 * So frames stay within the cache and copies-on-write within a quarter of
 * it, between commits. */
enum { CKPT_NONE, CKPT_START, CKPT_WAIT };

static int checkpoint_needed(store *s, int busy)
{
    uint64_t grown = s->lg ? store_log_bytes(s, log_end(s->lg)) - __atomic_load_n(&s->log_bytes_at_ckpt, __ATOMIC_RELAXED) : 0;
    uint32_t dirty_max = 0, c = s->cfg.cache_pages;
    int i;

    for (i = 0; i < STORE_MAX_DBS; i++) {
        uint32_t dirty = s->dbs[i] ? pager_dirty_count(s->dbs[i]->pg) : 0;
        if (dirty > dirty_max) dirty_max = dirty;
    }
    if (dirty_max > c + 16) return CKPT_WAIT; /* a request not yet picked up */
    if (busy) return grown > s->cfg.checkpoint_bytes * 4 || dirty_max > c / 4 + 16 ? CKPT_WAIT : CKPT_NONE;
    return grown > s->cfg.checkpoint_bytes || dirty_max > c / 4 * 3 + 16 ? CKPT_START : CKPT_NONE;
}

static int maybe_checkpoint(store *s)
{
    int err = 0, busy, need;

    if (!s->ckpt_thread) return checkpoint_needed(s, 0) ? store_checkpoint(s) : 0;
    os_mutex_lock(s->mutex);
    busy = s->ckpt_busy;
    os_mutex_unlock(s->mutex);
    need = checkpoint_needed(s, busy);
    if (need == CKPT_WAIT) {
        os_mutex_lock(s->ckpt_mutex); /* returns when the running one is done */
        if (checkpoint_needed(s, 0)) err = store_checkpoint_locked(s, 0);
        os_mutex_unlock(s->ckpt_mutex);
    } else if (need == CKPT_START) {
        os_mutex_lock(s->mutex);
        s->ckpt_request = 1;
        os_cond_broadcast(s->ckpt_cond);
        os_mutex_unlock(s->mutex);
    }
    return err;
}

/* The background checkpointer's loop.  A failed checkpoint puts the store
 * in the failed state (store_checkpoint_locked), which the next call of
 * any thread reports. */
static void checkpointer(void *arg)
{
    store *s = arg;
    os_mutex_lock(s->mutex);
    for (;;) {
        while (!s->ckpt_request && !s->ckpt_stop) os_cond_wait(s->ckpt_cond, s->mutex);
        if (s->ckpt_stop) break;
        s->ckpt_request = 0;
        s->ckpt_busy = 1;
        os_mutex_unlock(s->mutex);
        os_mutex_lock(s->ckpt_mutex);
        if (!check_failed(s) && checkpoint_needed(s, 0)) store_checkpoint_locked(s, 0);
        os_mutex_unlock(s->ckpt_mutex);
        os_mutex_lock(s->mutex);
        s->ckpt_busy = 0;
    }
    os_mutex_unlock(s->mutex);
}

static void checkpointer_stop(store *s)
{
    if (!s->ckpt_thread) return;
    os_mutex_lock(s->mutex);
    s->ckpt_stop = 1;
    os_cond_broadcast(s->ckpt_cond);
    os_mutex_unlock(s->mutex);
    os_thread_join(s->ckpt_thread);
    s->ckpt_thread = NULL;
}

/* ---- open and close ---------------------------------------------------------- */

static void store_free(store *s)
{
    int i;
    for (i = 0; i < STORE_MAX_DBS; i++) store_db_free(s->dbs[i]);
    vs_free(s);
    if (s->ckpt_cond) os_cond_destroy(s->ckpt_cond);
    os_rwlock_destroy(s->latch);
    os_mutex_destroy(s->ckpt_mutex);
    os_mutex_destroy(s->mutex);
    free(s->log_dir);
    free(s->system_dir);
    free(s->basename);
    free(s->alt_db_dir);
    free(s);
}

int store_open(const struct store_config *cfg, store **out)
{
    store *s;
    lsn_t end = 0;
    int err;

    *out = NULL;
    if (!page_size_valid(cfg->page_size)) return JET_errInvalidParameter;
    if (!(s = calloc(1, sizeof(*s)))) return JET_errOutOfMemory;
    s->cfg = *cfg;
    s->log_dir = dup_str(cfg->log_dir);
    s->system_dir = dup_str(cfg->system_dir);
    s->basename = dup_str(cfg->basename && *cfg->basename ? cfg->basename : "edb");
    s->cfg.log_dir = s->log_dir;
    s->cfg.system_dir = s->system_dir;
    s->cfg.basename = s->basename;
    s->cfg.alt_db_dir = NULL;
    if (cfg->alt_db_dir && *cfg->alt_db_dir && !(s->alt_db_dir = dup_str(cfg->alt_db_dir))) {
        store_free(s);
        return JET_errOutOfMemory;
    }
    if (!s->cfg.cache_pages) s->cfg.cache_pages = 1024;
    if (!s->cfg.checkpoint_bytes) s->cfg.checkpoint_bytes = 20u << 20;
    s->next_txnid = 1;
    if (!s->log_dir || !s->system_dir || !s->basename || os_rwlock_create(&s->latch) ||
        os_mutex_create(&s->ckpt_mutex) || os_mutex_create(&s->mutex) || vs_init(s)) {
        store_free(s);
        return JET_errOutOfMemory;
    }
    if (cfg->recovery) {
        struct log_config lc;
        memset(&lc, 0, sizeof(lc));
        lc.vfs = cfg->vfs;
        lc.dir = s->log_dir;
        lc.basename = s->basename;
        lc.file_size = cfg->log_file_size;
        lc.buffer_size = cfg->log_buffer_size;
        lc.circular = cfg->circular_log;
        if ((err = log_open(&lc, &s->lg, &end)) < 0) {
            store_free(s);
            return err;
        }
        /* Recover, then checkpoint: edb.chk exists from the first JetInit
         * on, as ESENT makes it. */
        if ((err = store_recover(s, end)) < 0 || (err = store_checkpoint(s)) < 0) {
            log_close(s->lg);
            s->lg = NULL;
            store_free(s);
            return err;
        }
    }
    if (cfg->checkpoint_thread &&
        (os_cond_create(&s->ckpt_cond) || os_thread_start(&s->ckpt_thread, checkpointer, s))) {
        /* No thread: commits checkpoint inline, as without the option. */
        s->ckpt_thread = NULL;
    }
    *out = s;
    return 0;
}

int store_close(store *s)
{
    int i, err = 0, e;

    if (!s) return 0;
    checkpointer_stop(s);
    if (!check_failed(s)) {
        os_mutex_lock(s->ckpt_mutex);
        os_rwlock_write_lock(s->latch);
        for (i = 0; i < STORE_MAX_DBS; i++)
            if (s->dbs[i] && !(s->dbs[i]->flags & (STORE_DB_READONLY | STORE_DB_NOLOG)))
                set_db_state(s->dbs[i], JET_dbstateCleanShutdown);
        os_rwlock_write_unlock(s->latch);
        err = store_checkpoint_locked(s, 1);
        os_mutex_unlock(s->ckpt_mutex);
    }
    if (s->lg && (e = log_close(s->lg)) < 0 && !err) err = e;
    s->lg = NULL;
    store_free(s);
    return err;
}

void store_abandon(store *s)
{
    if (!s) return;
    checkpointer_stop(s);
    if (s->lg) {
        /* Closing flushes, which a killed process would not do: the tests
         * that abandon a store run on a VFS that has already crashed or
         * lose power right after, so what reaches the disk is decided
         * there. */
        log_close(s->lg);
    }
    store_free(s);
}

/* ---- attach and detach ------------------------------------------------------- */

int store_db_attach(store *s, const char *path, unsigned flags, store_db **out)
{
    return store_db_attach_max(s, path, flags, 0, out);
}

int store_db_attach_max(store *s, const char *path, unsigned flags, uint32_t max_pages, store_db **out)
{
    store_db *db = NULL;
    int i, dbid = -1, err;

    *out = NULL;
    if ((err = check_failed(s))) return err;
    os_mutex_lock(s->ckpt_mutex);
    for (i = 0; i < STORE_MAX_DBS; i++) {
        if (s->dbs[i] && !strcmp(s->dbs[i]->path, path)) {
            err = JET_errDatabaseInUse;
            goto out;
        }
        if (!s->dbs[i] && dbid < 0) dbid = i;
    }
    if (dbid < 0) {
        err = JET_errTooManyAttachedDatabases;
        goto out;
    }
    if ((err = store_db_open_slot(s, dbid, path, flags, max_pages, &db)) < 0) goto out;

    if (!(flags & (STORE_DB_CREATE | STORE_DB_NOLOG))) {
        uint32_t state = get_u32(pager_data(pager_header(db->pg)) + DBH_OFF_DB_STATE);
        if (state == JET_dbstateDirtyShutdown) {
            /* Our recovery already ran: a dirty file belongs to a log set
             * we do not have. */
            err = JET_errDatabaseDirtyShutdown;
            goto out;
        }
    }
    if (flags & STORE_DB_READONLY) goto done;

    os_rwlock_write_lock(s->latch);
    s->dbs[dbid] = db;
    if (db_logged(s, db)) err = log_attach(s, db);
    if (!err && !store_db_catalog(db)) {
        /* A new database gets its catalog tree. */
        uint32_t root;
        pager_page *h = pager_header(db->pg);
        if (!(err = bt_create(db->pg, &root))) {
            pager_make_dirty(h);
            put_u32(pager_data(h) + DBH_OFF_CATALOG_ROOT, root);
            if (db_logged(s, db)) err = log_tree_op(s, TREE_CREATE_CATALOG, dbid, root);
        }
    }
    if (!err && !(flags & STORE_DB_NOLOG)) set_db_state(db, JET_dbstateDirtyShutdown);
    os_rwlock_write_unlock(s->latch);
    /* The dirty state and the catalog reach the file, and the database
     * enters edb.chk, before anything else is done with it. */
    if (!err) err = store_checkpoint_locked(s, 0);
    if (err) {
        os_rwlock_write_lock(s->latch);
        s->dbs[dbid] = NULL;
        os_rwlock_write_unlock(s->latch);
        if (!check_failed(s)) set_failed(s, err);
        goto out;
    }
done:
    if (flags & STORE_DB_READONLY) {
        os_rwlock_write_lock(s->latch);
        s->dbs[dbid] = db;
        os_rwlock_write_unlock(s->latch);
    }
    *out = db;
    db = NULL;
out:
    os_mutex_unlock(s->ckpt_mutex);
    store_db_free(db);
    return err;
}

int store_db_detach(store *s, store_db *db)
{
    int err = 0;
    uint8_t rec[1];

    os_mutex_lock(s->ckpt_mutex);
    if (!check_failed(s) && !(db->flags & STORE_DB_READONLY)) {
        os_rwlock_write_lock(s->latch);
        if (!(db->flags & STORE_DB_NOLOG)) set_db_state(db, JET_dbstateCleanShutdown);
        os_rwlock_write_unlock(s->latch);
        err = store_checkpoint_locked(s, 0);
        if (!err && db_logged(s, db)) {
            rec[0] = (uint8_t)db->dbid;
            err = append(s, STORE_REC_DETACH, rec, 1, NULL);
        }
    }
    os_rwlock_write_lock(s->latch);
    s->dbs[db->dbid] = NULL;
    vs_purge(s, db->dbid, 0);
    os_rwlock_write_unlock(s->latch);
    /* edb.chk no longer lists it. */
    if (!err && s->lg && !check_failed(s)) err = write_checkpoint_file(s, s->last_ckpt, 0);
    os_mutex_unlock(s->ckpt_mutex);
    store_db_free(db);
    return err;
}

/* ---- trees ---------------------------------------------------------------- */

static int tree_op(store *s, store_db *db, uint8_t kind, uint32_t *root)
{
    int err;
    if ((err = check_failed(s))) return err;
    if (db->flags & STORE_DB_READONLY) return JET_errPermissionDenied;
    os_rwlock_write_lock(s->latch);
    if (kind == TREE_CREATE && (err = store_db_space_for_tree(db))) {
        os_rwlock_write_unlock(s->latch);
        return err;
    }
    err = kind == TREE_CREATE ? bt_create(db->pg, root) : bt_drop(db->pg, *root);
    if (!err && kind == TREE_DROP) vs_purge(s, db->dbid, *root); /* its pgno may be reused */
    if (!err && db_logged(s, db)) {
        err = log_tree_op(s, kind, db->dbid, *root);
        if (err) set_failed(s, err);
    } else if (err && err != JET_errOutOfMemory) {
        set_failed(s, err);
    }
    os_rwlock_write_unlock(s->latch);
    return err;
}

int store_tree_create(store *s, store_db *db, uint32_t *root)
{
    return tree_op(s, db, TREE_CREATE, root);
}

int store_tree_drop(store *s, store_db *db, uint32_t root)
{
    return tree_op(s, db, TREE_DROP, &root);
}

/* ---- readers -------------------------------------------------------------- */

void store_read_begin(store *s)
{
    os_rwlock_read_lock(s->latch);
}

void store_read_end(store *s)
{
    os_rwlock_read_unlock(s->latch);
}

/* ---- transactions ----------------------------------------------------------- */

int store_txn_begin(store *s, store_txn **out)
{
    store_txn *t;
    int err;
    *out = NULL;
    if ((err = check_failed(s))) return err;
    if (!(t = calloc(1, sizeof(*t)))) return JET_errOutOfMemory;
    t->s = s;
    ws_init(&t->ws);
    os_mutex_lock(s->mutex);
    t->id = s->next_txnid++;
    os_mutex_unlock(s->mutex);
    vs_txn_begin(s, t);
    *out = t;
    return 0;
}

uint64_t store_txn_size(const store_txn *t)
{
    return t->ws.bytes;
}

uint64_t store_txn_snapshot(const store_txn *t)
{
    return t->snapshot;
}

store *store_txn_store(const store_txn *t)
{
    return t->s;
}

uint64_t store_version_bytes(store *s)
{
    uint64_t n;
    os_mutex_lock(s->vmutex);
    n = s->vs_bytes;
    os_mutex_unlock(s->vmutex);
    return n;
}

uint32_t store_open_txns(store *s)
{
    uint32_t n;
    os_mutex_lock(s->vmutex);
    n = s->nopen;
    os_mutex_unlock(s->vmutex);
    return n;
}

/* The committed value of (tree, key) as snapshot sees it; the latch is
 * held.  bt_get's contract. */
static int snapshot_get(store *s, store_db *db, uint64_t snapshot, uint32_t tree, const void *key,
                        uint32_t klen, void *buf, uint32_t bufsize, uint32_t *vlen)
{
    const struct vs_version *v = vs_visible(s, db->dbid, tree, key, klen, snapshot);
    if (!v) return bt_get(db->pg, tree, key, klen, buf, bufsize, vlen);
    if (!v->present) return JET_errRecordNotFound;
    *vlen = v->vlen;
    if (buf && v->vlen) memcpy(buf, v->val, v->vlen < bufsize ? v->vlen : bufsize);
    return 0;
}

/* Whether (tree, key) holds a value, looking at the write set first. */
static int key_exists(store_txn *t, store_db *db, uint32_t tree, const void *key, uint32_t klen,
                      int *exists)
{
    struct ws_entry *e = ws_find(&t->ws, db->dbid, tree, key, klen);
    uint32_t vlen;
    int err;
    if (e) {
        *exists = e->kind != WS_DELETE; /* an escrow entry's key exists */
        return 0;
    }
    store_read_begin(t->s);
    err = snapshot_get(t->s, db, t->snapshot, tree, key, klen, NULL, 0, &vlen);
    store_read_end(t->s);
    if (err == JET_errRecordNotFound) {
        *exists = 0;
        return 0;
    }
    if (err < 0) return err;
    *exists = 1;
    return 0;
}

int store_txn_put(store_txn *t, store_db *db, uint32_t tree, const void *key, uint32_t klen,
                  const void *val, uint32_t vlen, unsigned mode)
{
    uint32_t page_size = pager_page_size(db->pg);
    int err, exists, fresh = (mode & STORE_PUT_FRESH) != 0;

    mode &= ~STORE_PUT_FRESH;
    if ((err = check_failed(t->s))) return err;
    if (db->flags & STORE_DB_READONLY) return JET_errPermissionDenied;
    if (klen > bt_key_max(page_size)) return JET_errKeyTooBig;
    if ((uint64_t)klen + vlen > bt_cell_max(page_size)) return JET_errRecordTooBig;
    if ((err = vs_lock(t, db->dbid, tree, key, klen, 1,
                       VS_OVERHEAD + klen + (mode == BT_INSERT_ONLY || fresh ? 0 : vlen))) < 0)
        return err;
    if (mode != BT_UPSERT) {
        if ((err = key_exists(t, db, tree, key, klen, &exists)) < 0) return err;
        if (mode == BT_INSERT_ONLY && exists) return JET_errKeyDuplicate;
        if (mode == BT_REPLACE_ONLY && !exists) return JET_errRecordNotFound;
    }
    if ((err = space_check(t, db, tree, klen + vlen)) < 0) return err;
    return ws_set(&t->ws, WS_PUT, db->dbid, tree, key, klen, val, vlen);
}

int store_txn_delete(store_txn *t, store_db *db, uint32_t tree, const void *key, uint32_t klen)
{
    int err, exists;
    if ((err = check_failed(t->s))) return err;
    if (db->flags & STORE_DB_READONLY) return JET_errPermissionDenied;
    if ((err = vs_lock(t, db->dbid, tree, key, klen, 1, VS_OVERHEAD + klen)) < 0) return err;
    if ((err = key_exists(t, db, tree, key, klen, &exists)) < 0) return err;
    if (!exists) return JET_errRecordNotFound;
    return ws_set(&t->ws, WS_DELETE, db->dbid, tree, key, klen, NULL, 0);
}

int store_txn_lock(store_txn *t, store_db *db, uint32_t tree, const void *key, uint32_t klen, int write)
{
    int err;
    if ((err = check_failed(t->s))) return err;
    if (write && (db->flags & STORE_DB_READONLY)) return JET_errPermissionDenied;
    return vs_lock(t, db->dbid, tree, key, klen, write, 0);
}

int store_key_changed_by_other(store *s, const store_txn *t, store_db *db, uint32_t tree, const void *key,
                               uint32_t klen)
{
    return vs_changed_by_other(s, t, db->dbid, tree, key, klen);
}

/* A read through the write set, then the snapshot (latest 0) or the latest
 * committed state; an escrow entry adds its deltas to the committed
 * value (those within the bufsize bytes returned). */
static int txn_get(store_txn *t, store_db *db, uint32_t tree, const void *key, uint32_t klen,
                   void *buf, uint32_t bufsize, uint32_t *vlen, int latest)
{
    struct ws_entry *e = ws_find(&t->ws, db->dbid, tree, key, klen);
    int err;
    if (e && e->kind != WS_ESCROW) {
        if (e->kind == WS_DELETE) return JET_errRecordNotFound;
        *vlen = e->vlen;
        if (buf && e->vlen) memcpy(buf, e->val, e->vlen < bufsize ? e->vlen : bufsize);
        return 0;
    }
    store_read_begin(t->s);
    if (latest) err = bt_get(db->pg, tree, key, klen, buf, bufsize, vlen);
    else err = snapshot_get(t->s, db, t->snapshot, tree, key, klen, buf, bufsize, vlen);
    store_read_end(t->s);
    if (err >= 0 && e && buf)
        esc_apply(e->val, e->vlen / (uint32_t)sizeof(struct esc_delta), buf,
                  *vlen < bufsize ? *vlen : bufsize);
    return err;
}

int store_txn_get(store_txn *t, store_db *db, uint32_t tree, const void *key, uint32_t klen,
                  void *buf, uint32_t bufsize, uint32_t *vlen)
{
    return txn_get(t, db, tree, key, klen, buf, bufsize, vlen, 0);
}

int store_txn_get_latest(store_txn *t, store_db *db, uint32_t tree, const void *key, uint32_t klen,
                         void *buf, uint32_t bufsize, uint32_t *vlen)
{
    return txn_get(t, db, tree, key, klen, buf, bufsize, vlen, 1);
}

/* Ends and frees t; apply_kept: commit its NoRollback escrow deltas
 * (it did not commit). */
static void txn_free(store_txn *t, int apply_kept)
{
    vs_txn_end(t->s, t, 0);
    esc_keep_flush(t->s, t, apply_kept);
    ws_free(&t->ws);
    free(t);
}

void store_txn_abort(store_txn *t)
{
    if (t) txn_free(t, 1);
}

int store_apply_op(store_db *db, uint8_t kind, uint32_t tree, const uint8_t *key, uint32_t klen,
                   const uint8_t *val, uint32_t vlen)
{
    int err;
    if (kind == WS_PUT) return bt_put(db->pg, tree, key, klen, val, vlen, BT_UPSERT);
    err = bt_delete(db->pg, tree, key, klen);
    return err == JET_errRecordNotFound ? 0 : err;
}

/* Serializes the logged part of the write set, in its order, into TXN
 * records, each at most max bytes: recs[i] is a record payload; the last
 * one carries the commit mark.  Returns the number of records (0: nothing
 * to log). */
static int build_records(store_txn *t, uint32_t max, struct buf **recs, int *nrecs)
{
    struct buf *out = NULL, *cur = NULL;
    struct ws_entry *e;
    int count = 0, err = 0, i;
    uint32_t nops = 0;

    *recs = NULL;
    *nrecs = 0;
    for (e = ws_first(&t->ws); e; e = ws_next(e)) {
        size_t need = 12 + e->klen + (e->kind == WS_PUT ? 4 + e->vlen : 0);
        if (!db_logged(t->s, t->s->dbs[e->dbid])) continue;
        if (!cur || cur->len + need > max) {
            struct buf *grown;
            /* Close the record being filled before the array moves. */
            if (cur) put_u32(cur->p + 9, nops);
            if (!(grown = realloc(out, (count + 1) * sizeof(*out)))) {
                err = JET_errOutOfMemory;
                break;
            }
            out = grown;
            cur = &out[count++];
            memset(cur, 0, sizeof(*cur));
            if ((err = buf_reserve(cur, 13))) break;
            put_u64(buf_grab(cur, 8), t->id);
            *buf_grab(cur, 1) = 0;
            buf_grab(cur, 4);
            nops = 0;
        }
        if ((err = buf_reserve(cur, need))) break;
        *buf_grab(cur, 1) = e->kind;
        *buf_grab(cur, 1) = e->dbid;
        put_u32(buf_grab(cur, 4), e->tree);
        put_u16(buf_grab(cur, 2), (uint16_t)e->klen);
        if (e->kind == WS_PUT) put_u32(buf_grab(cur, 4), e->vlen);
        memcpy(buf_grab(cur, e->klen), e->key, e->klen);
        if (e->kind == WS_PUT && e->vlen) memcpy(buf_grab(cur, e->vlen), e->val, e->vlen);
        nops++;
    }
    if (cur) {
        put_u32(cur->p + 9, nops);
        cur->p[8] = 1; /* the commit mark */
    }
    if (err) {
        for (i = 0; i < count; i++) free(out[i].p);
        free(out);
        return err;
    }
    *recs = out;
    *nrecs = count;
    return 0;
}

/* Before-images of every key of the write set, for the readers of older
 * snapshots (store_version.c); taken back if one fails, so that a commit
 * failing here changes nothing.  Exclusive latch held. */
static int record_versions(store_txn *t, uint64_t csn)
{
    store *s = t->s;
    struct ws_entry *e;
    int err = 0;

    for (e = ws_first(&t->ws); e && !err; e = ws_next(e)) {
        store_db *db = s->dbs[e->dbid];
        if (!db) err = JET_errDatabaseNotFound; /* detached under an open transaction */
        else err = vs_record(s, db, e->tree, e->key, e->klen, csn, e->kind == WS_ESCROW);
    }
    if (err) vs_unrecord(s, csn);
    return err;
}

int store_txn_commit(store_txn *t, unsigned flags)
{
    return store_txn_commit_csn(t, flags, NULL);
}

int store_txn_commit_csn(store_txn *t, unsigned flags, uint64_t *csn_out)
{
    store *s = t->s;
    struct ws_entry *e;
    struct buf *recs = NULL;
    int nrecs = 0, i, err, record;
    lsn_t lsn = 0;
    uint64_t csn;

    if (csn_out) *csn_out = 0;
    if ((err = check_failed(s))) goto out;
    if (!t->ws.count) goto out;
    /* Escrow entries become puts only under the latch: their records are
     * built there. */
    if (s->lg && !t->has_escrow && (err = build_records(t, log_max_payload(s->lg), &recs, &nrecs)))
        goto out;

    /* The write set is in B-tree order: each tree is applied in one pass. */
    os_rwlock_write_lock(s->latch);
    if (!(err = check_failed(s)) && t->space.dbs && (err = space_commit_check(t))) {
        os_rwlock_write_unlock(s->latch);
        goto out;
    }
    if (!err) {
        csn = vs_commit_csn(s, &record);
        if (record && (err = record_versions(t, csn))) {
            os_rwlock_write_unlock(s->latch);
            goto out;
        }
        if (t->has_escrow &&
            ((err = esc_resolve(t)) ||
             (s->lg && (err = build_records(t, log_max_payload(s->lg), &recs, &nrecs))))) {
            if (record) vs_unrecord(s, csn);
            os_rwlock_write_unlock(s->latch);
            goto out;
        }
        if (csn_out) *csn_out = csn;
        for (e = ws_first(&t->ws); e && !err; e = ws_next(e)) {
            store_db *db = s->dbs[e->dbid];
            if (!db) {
                err = JET_errDatabaseNotFound; /* detached under an open transaction */
                break;
            }
            if (s->lg) pager_set_lsn(db->pg, log_end(s->lg));
            err = store_apply_op(db, e->kind, e->tree, e->key, e->klen, e->val, e->vlen);
        }
        for (i = 0; i < nrecs && !err; i++)
            err = append(s, STORE_REC_TXN, recs[i].p, (uint32_t)recs[i].len, &lsn);
        if (err) set_failed(s, err);
        /* Locks go and old versions are collected while the latch is
         * still held: the versions were recorded before the locks went. */
        vs_txn_end(s, t, 1);
    }
    os_rwlock_write_unlock(s->latch);
    if (err) goto out;

    if (nrecs && !(flags & STORE_COMMIT_LAZY)) err = log_flush(s->lg, lsn);
    os_mutex_lock(s->mutex);
    s->stats.commits++;
    if (nrecs && !(flags & STORE_COMMIT_LAZY)) s->stats.durable_commits++;
    os_mutex_unlock(s->mutex);
    /* The commit is done; a failing checkpoint puts the store in the failed
     * state, which the next call reports, but does not undo the commit. */
    if (!err) maybe_checkpoint(s);
out:
    for (i = 0; i < nrecs; i++) free(recs[i].p);
    free(recs);
    txn_free(t, err < 0);
    return err;
}

int store_flush(store *s)
{
    int err;
    if ((err = check_failed(s))) return err;
    return s->lg ? log_flush_all(s->lg) : 0;
}

int store_roll_log(store *s)
{
    int err;
    if ((err = check_failed(s))) return err;
    return s->lg ? log_roll(s->lg) : 0;
}

const uint8_t *store_log_signature(store *s)
{
    return s->lg ? log_signature(s->lg) : NULL;
}

void store_get_stats(store *s, struct store_stats *st)
{
    os_mutex_lock(s->mutex);
    *st = s->stats;
    os_mutex_unlock(s->mutex);
    if (s->lg) st->log_bytes = store_log_bytes(s, log_end(s->lg));
}

/* ---- verification --------------------------------------------------------- */

struct page_map {
    uint8_t *used;
    uint32_t count;
    int err;
};

static void mark_page(void *ctx, uint32_t pgno)
{
    struct page_map *m = ctx;
    if (pgno >= m->count || m->used[pgno]) {
        ERR("page %u is used twice or out of range\n", pgno);
        m->err = JET_errDatabaseCorrupted;
        return;
    }
    m->used[pgno] = 1;
}

/* Walks the free list: every page free, in range, and the count right. */
static int verify_free_list(pager *p, struct page_map *m)
{
    const uint8_t *h = pager_data(pager_header(p));
    uint32_t pgno = get_u32(h + DBH_OFF_FREE_HEAD), count = get_u32(h + DBH_OFF_FREE_COUNT), n;
    int err;

    for (n = 0; pgno; n++) {
        pager_page *pg;
        if (n >= count || pgno >= m->count || m->used[pgno]) {
            ERR("free list broken at page %u (entry %u of %u)\n", pgno, n, count);
            return JET_errDatabaseCorrupted;
        }
        if ((err = pager_get(p, pgno, &pg)) < 0) return err;
        if (pager_data(pg)[PAGE_OFF_TYPE] != PAGE_TYPE_FREE) {
            ERR("page %u is on the free list but is not free\n", pgno);
            pager_release(pg);
            return JET_errDatabaseCorrupted;
        }
        m->used[pgno] = 1;
        pgno = get_u32(pager_data(pg) + PAGE_OFF_NEXT);
        pager_release(pg);
    }
    if (n != count) {
        ERR("free list holds %u pages, the header says %u\n", n, count);
        return JET_errDatabaseCorrupted;
    }
    return 0;
}

int store_db_verify(store *s, store_db *db, const uint32_t *roots, uint32_t nroots)
{
    struct page_map m;
    uint32_t i;
    int err;

    store_read_begin(s);
    m.count = pager_page_count(db->pg);
    m.err = 0;
    if (!(m.used = calloc(m.count ? m.count : 1, 1))) {
        store_read_end(s);
        return JET_errOutOfMemory;
    }
    m.used[0] = 1;
    err = verify_free_list(db->pg, &m);
    for (i = 0; i < nroots && !err && !m.err; i++) err = bt_walk_pages(db->pg, roots[i], mark_page, &m);
    if (!err) err = m.err;
    for (i = 0; i < m.count && !err; i++) {
        if (!m.used[i]) {
            ERR("page %u of %u belongs to no tree and is not free (leaked)\n", i, m.count);
            err = JET_errDatabaseCorrupted;
        }
    }
    free(m.used);
    store_read_end(s);
    return err;
}
