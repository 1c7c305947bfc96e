/*
 * store_recover.c - crash recovery at store_open (see store.h for the
 * design and the durability argument).
 *
 * Two passes over the log, from the checkpoint named in edb.chk (or from
 * the first generation when there is no edb.chk yet) to the end found by
 * log_open:
 *   1. find the last checkpoint whose image set is complete (CKPT_BEGIN ..
 *      CKPT_END).  If it is newer than edb.chk's, its in-place writes may
 *      have been cut off, so its images are written again in pass 2.
 *   2. replay in log order: attach and detach databases as the log says,
 *      write the images of that checkpoint, and after it re-apply every
 *      tree operation and every transaction group that ends in its commit
 *      mark.  A group cut off by the crash is dropped.
 * Then every database recovery attached is detached the normal way, which
 * checkpoints (so the replayed state is on disk and edb.chk moves past the
 * replayed log) and marks it cleanly shut down.
 *
 * A checkpoint cut off while writing page 0 leaves a torn header, and the
 * pager refuses to open such a file.  The header was dirty in that
 * checkpoint, so its image is in the log, first among that database's
 * images (they are sorted by pgno): recovery remembers the database as
 * torn and writes that image at offset 0 before opening it.
 *
 * Everything read from the log is bounds-checked: a record that does not
 * parse is JET_errLogFileCorrupt, never a crash.
 */
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "esent.h"
#include "page.h"
#include "store_int.h"

DEFAULT_DEBUG_CHANNEL(esent);

/* What edb.chk says. */
struct chk_info {
    int present, clean;
    lsn_t ckpt, log_end;
};

/* A cursor over a record payload that refuses to run past its end. */
struct rd {
    const uint8_t *p, *end;
    int bad;
};

static const uint8_t *rd_take(struct rd *r, size_t n)
{
    const uint8_t *p = r->p;
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = 1;
        return NULL;
    }
    r->p += n;
    return p;
}

static uint8_t rd_u8(struct rd *r)
{
    const uint8_t *p = rd_take(r, 1);
    return p ? *p : 0;
}

static uint16_t rd_u16(struct rd *r)
{
    const uint8_t *p = rd_take(r, 2);
    return p ? get_u16(p) : 0;
}

static uint32_t rd_u32(struct rd *r)
{
    const uint8_t *p = rd_take(r, 4);
    return p ? get_u32(p) : 0;
}

static uint64_t rd_u64(struct rd *r)
{
    const uint8_t *p = rd_take(r, 8);
    return p ? get_u64(p) : 0;
}

/* Opens the database of an ATTACH record (or of edb.chk) into its slot. */
static int recover_attach(store *s, int dbid, unsigned flags, const uint8_t *path, uint16_t len)
{
    char *name;
    store_db *db;
    int err;

    if (dbid >= STORE_MAX_DBS) return JET_errLogFileCorrupt;
    if (s->alt_db_dir) {
        /* JET_paramAlternateDatabaseRecoveryPath: the file of the same name
         * in that folder (the recorded path may be another system's: its
         * last part after '/' or '\\' names the file). */
        size_t dl = strlen(s->alt_db_dir), i = len;
        int sep = dl && s->alt_db_dir[dl - 1] != '/' && s->alt_db_dir[dl - 1] != '\\';
        while (i > 0 && path[i - 1] != '/' && path[i - 1] != '\\') i--;
        if (!(name = malloc(dl + (size_t)sep + (len - i) + 1))) return JET_errOutOfMemory;
        memcpy(name, s->alt_db_dir, dl);
        if (sep) name[dl] = '/';
        memcpy(name + dl + (size_t)sep, path + i, len - i);
        name[dl + (size_t)sep + (len - i)] = 0;
    } else {
        if (!(name = malloc((size_t)len + 1))) return JET_errOutOfMemory;
        memcpy(name, path, len);
        name[len] = 0;
    }
    if (s->dbs[dbid] || s->torn[dbid]) {
        err = strcmp(s->dbs[dbid] ? s->dbs[dbid]->path : s->torn[dbid], name) ? JET_errLogFileCorrupt : 0;
        free(name);
        return err;
    }
    flags &= ~(unsigned)(STORE_DB_CREATE | STORE_DB_OVERWRITE | STORE_DB_READONLY);
    err = store_db_open_slot(s, dbid, name, flags, 0, &db);
    if (err == JET_errReadVerifyFailure && !s->torn[dbid]) {
        WARN("header of %s is damaged: waiting for its image in the log\n", name);
        s->torn[dbid] = name;
        return 0;
    }
    /* A database the logs need is missing: "JET_errAttachedDatabaseMismatch
     * under normal circumstances" (JetInit's documentation). */
    if (err == JET_errFileNotFound) err = JET_errAttachedDatabaseMismatch;
    if (err < 0) {
        ERR("recovery cannot open %s (%d)\n", name, err);
    } else {
        s->dbs[dbid] = db;
        TRACE("recovery attached %s as %d\n", name, dbid);
    }
    free(name);
    return err;
}

static int read_chk(store *s, struct chk_info *ci)
{
    uint8_t blob[4096];
    uint32_t len, i, ndbs;
    struct rd r;
    int err;

    memset(ci, 0, sizeof(*ci));
    err = log_checkpoint_read(s->lg, blob, sizeof(blob), &len);
    if (err == JET_errCheckpointFileNotFound) return 0;
    if (err < 0) return err;
    r.p = blob;
    r.end = blob + (len < sizeof(blob) ? len : sizeof(blob));
    r.bad = 0;
    if (rd_u32(&r) != STORE_CKPT_MAGIC) return JET_errCheckpointCorrupt;
    ci->present = 1;
    ci->ckpt = rd_u64(&r);
    ci->log_end = rd_u64(&r);
    ci->clean = rd_u8(&r);
    ndbs = rd_u8(&r);
    for (i = 0; i < ndbs && !r.bad; i++) {
        uint8_t dbid = rd_u8(&r), flags = rd_u8(&r);
        uint16_t n = rd_u16(&r);
        const uint8_t *path = rd_take(&r, n);
        if (r.bad) break;
        if (ci->clean) continue; /* nothing to replay: do not open them */
        if ((err = recover_attach(s, dbid, flags, path, n)) < 0) return err;
    }
    return r.bad ? JET_errCheckpointCorrupt : 0;
}

/* Writes the header image of a torn database in place, then opens it. */
static int repair_header(store *s, int dbid, const uint8_t *image, uint32_t len)
{
    os_file *f;
    char *name = s->torn[dbid];
    store_db *db;
    int err;

    if (len < PAGE_SIZE_MIN || len > PAGE_SIZE_MAX || page_verify(image, len, 0))
        return JET_errLogFileCorrupt;
    if ((err = os_file_open(s->cfg.vfs, name, OS_OPEN_LOCK, &f)) != OS_OK) return store_err_from_os(err);
    err = os_file_write(f, 0, image, len);
    if (err == OS_OK) err = os_file_sync(f);
    os_file_close(f);
    if (err != OS_OK) return store_err_from_os(err);
    if ((err = store_db_open_slot(s, dbid, name, 0, 0, &db)) < 0) return err;
    s->dbs[dbid] = db;
    s->torn[dbid] = NULL;
    free(name);
    TRACE("repaired the header of database %d from the log\n", dbid);
    return 0;
}

/* Pass 1: the CKPT_BEGIN of the last complete image set at or after from
 * (0 if none). */
static int find_last_checkpoint(store *s, lsn_t from, lsn_t end, lsn_t *last)
{
    log_reader *rd;
    const uint8_t *p;
    uint32_t len;
    uint8_t type;
    lsn_t lsn;
    int err;

    *last = 0;
    if ((err = log_reader_open(s->lg, from, &rd)) < 0) return err;
    while ((err = log_reader_next(rd, &type, &p, &len, &lsn)) == 1 && lsn < end) {
        if (type == STORE_REC_CKPT_END) {
            if (len < 8) {
                err = JET_errLogFileCorrupt;
                break;
            }
            *last = get_u64(p);
        }
    }
    log_reader_close(rd);
    return err < 0 ? err : 0;
}

/* Applies the ops of one complete transaction group. */
static int replay_group(store *s, const uint8_t *buf, size_t len)
{
    struct rd r = { buf, buf + len, 0 };
    int err = 0;

    while (r.p < r.end && !err) {
        uint8_t kind = rd_u8(&r), dbid = rd_u8(&r);
        uint32_t tree = rd_u32(&r);
        uint16_t klen = rd_u16(&r);
        uint32_t vlen = kind == WS_PUT ? rd_u32(&r) : 0;
        const uint8_t *key = rd_take(&r, klen), *val = rd_take(&r, vlen);
        if (r.bad || (kind != WS_PUT && kind != WS_DELETE) || dbid >= STORE_MAX_DBS)
            return JET_errLogFileCorrupt;
        if (!s->dbs[dbid]) return JET_errLogFileCorrupt;
        err = store_apply_op(s->dbs[dbid], kind, tree, key, klen, val, vlen);
    }
    if (!err) s->stats.recovered_groups++;
    return err;
}

static int replay_tree(store *s, struct rd *r)
{
    uint8_t kind = rd_u8(r), dbid = rd_u8(r);
    uint32_t root = rd_u32(r), got;
    store_db *db;
    int err;

    if (r->bad || dbid >= STORE_MAX_DBS || !(db = s->dbs[dbid])) return JET_errLogFileCorrupt;
    if (kind == TREE_DROP) return bt_drop(db->pg, root);
    if (kind != TREE_CREATE && kind != TREE_CREATE_CATALOG) return JET_errLogFileCorrupt;
    if ((err = bt_create(db->pg, &got)) < 0) return err;
    /* Replay allocates exactly as the original run did. */
    if (got != root) {
        ERR("tree replay allocated %u, log says %u\n", got, root);
        return JET_errDatabaseCorrupted;
    }
    if (kind == TREE_CREATE_CATALOG) {
        pager_page *h = pager_header(db->pg);
        pager_make_dirty(h);
        put_u32(pager_data(h) + DBH_OFF_CATALOG_ROOT, root);
    }
    return 0;
}

/* The transaction group being collected. */
struct group {
    uint64_t txnid;
    uint8_t *buf;
    size_t len, cap;
    int open;
};

static int group_add(struct group *g, const uint8_t *ops, size_t n)
{
    if (g->len + n > g->cap) {
        size_t cap = g->cap ? g->cap : 4096;
        uint8_t *p;
        while (cap < g->len + n) cap *= 2;
        if (!(p = realloc(g->buf, cap))) return JET_errOutOfMemory;
        g->buf = p;
        g->cap = cap;
    }
    memcpy(g->buf + g->len, ops, n);
    g->len += n;
    return 0;
}

/* Writes one checkpoint image (len bytes) of page pgno of database dbid in
 * place, or repairs a torn header with it. */
static int replay_image(store *s, uint8_t dbid, uint32_t pgno, const uint8_t *img, size_t len)
{
    store_db *db;
    if (dbid < STORE_MAX_DBS && !s->dbs[dbid] && s->torn[dbid] && pgno == 0)
        return repair_header(s, dbid, img, (uint32_t)len);
    if (dbid >= STORE_MAX_DBS || !(db = s->dbs[dbid]) || len != pager_page_size(db->pg))
        return JET_errLogFileCorrupt;
    return pager_write_image(db->pg, pgno, img);
}

/* Pass 2. */
static int replay(store *s, lsn_t from, lsn_t end, lsn_t images_of)
{
    struct group g = { 0 };
    uint8_t *page = NULL; /* an image with its hole put back */
    log_reader *lr;
    const uint8_t *p;
    uint32_t len;
    uint8_t type;
    lsn_t lsn, redo_from = images_of ? images_of : from;
    int err, in_images = 0, i;

    if ((err = log_reader_open(s->lg, from, &lr)) < 0) return err;
    while ((err = log_reader_next(lr, &type, &p, &len, &lsn)) == 1 && lsn < end) {
        struct rd r = { p, p + len, 0 };
        err = 0;
        if (type != STORE_REC_TXN && g.open) {
            WARN("transaction group %llu cut off at %llx\n", (unsigned long long)g.txnid,
                 (unsigned long long)lsn);
            g.open = 0;
            g.len = 0;
        }
        switch (type) {
        case STORE_REC_ATTACH: {
            uint8_t dbid = rd_u8(&r), flags = rd_u8(&r);
            uint16_t n = rd_u16(&r);
            const uint8_t *path = rd_take(&r, n);
            err = r.bad ? JET_errLogFileCorrupt : recover_attach(s, dbid, flags, path, n);
            break;
        }
        case STORE_REC_DETACH: {
            uint8_t dbid = rd_u8(&r);
            if (r.bad || dbid >= STORE_MAX_DBS) {
                err = JET_errLogFileCorrupt;
                break;
            }
            /* A detach was preceded by a checkpoint holding the database's
             * final state: nothing to write, just forget it. */
            if (s->dbs[dbid] && pager_dirty_count(s->dbs[dbid]->pg))
                WARN("database %d changed after its detach checkpoint\n", dbid);
            store_db_free(s->dbs[dbid]);
            s->dbs[dbid] = NULL;
            free(s->torn[dbid]);
            s->torn[dbid] = NULL;
            break;
        }
        case STORE_REC_CKPT_BEGIN:
            in_images = images_of && lsn == images_of;
            break;
        case STORE_REC_CKPT_END:
            if (in_images)
                for (i = 0; i < STORE_MAX_DBS && !err; i++)
                    if (s->dbs[i]) err = pager_sync(s->dbs[i]->pg);
            in_images = 0;
            break;
        case STORE_REC_IMAGE: {
            uint8_t dbid = rd_u8(&r);
            uint32_t pgno = rd_u32(&r);
            if (!in_images) break;
            err = r.bad ? JET_errLogFileCorrupt : replay_image(s, dbid, pgno, r.p, (size_t)(r.end - r.p));
            break;
        }
        case STORE_REC_IMAGE_HOLE: {
            /* The page without its hole (page_hole): put the zeros back. */
            uint8_t dbid = rd_u8(&r);
            uint32_t pgno = rd_u32(&r);
            uint32_t off = rd_u16(&r), hole = rd_u16(&r);
            size_t n = (size_t)(r.end - r.p);
            if (!in_images) break;
            if (r.bad || off < PAGE_HDR_SIZE || n < off || n + hole > PAGE_SIZE_MAX) {
                err = JET_errLogFileCorrupt;
                break;
            }
            if (!page && !(page = malloc(PAGE_SIZE_MAX))) {
                err = JET_errOutOfMemory;
                break;
            }
            memcpy(page, r.p, off);
            memset(page + off, 0, hole);
            memcpy(page + off + hole, r.p + off, n - off);
            err = replay_image(s, dbid, pgno, page, n + hole);
            break;
        }
        case STORE_REC_TREE:
            if (lsn > redo_from) err = replay_tree(s, &r);
            break;
        case STORE_REC_TXN: {
            uint64_t txnid = rd_u64(&r);
            uint8_t flags = rd_u8(&r);
            rd_u32(&r); /* op count: the ops are self-delimiting */
            if (r.bad) {
                err = JET_errLogFileCorrupt;
                break;
            }
            if (lsn < redo_from) break;
            if (g.open && g.txnid != txnid) {
                WARN("transaction group %llu cut off\n", (unsigned long long)g.txnid);
                g.len = 0;
            }
            g.open = 1;
            g.txnid = txnid;
            if ((err = group_add(&g, r.p, (size_t)(r.end - r.p)))) break;
            if (flags & 1) {
                err = replay_group(s, g.buf, g.len);
                g.open = 0;
                g.len = 0;
            }
            break;
        }
        default:
            break; /* records of other layers: nothing to redo here */
        }
        if (err) break;
    }
    log_reader_close(lr);
    free(g.buf);
    free(page);
    return err < 0 ? err : 0;
}

int store_recover(store *s, lsn_t end)
{
    struct chk_info ci;
    lsn_t from, last;
    int err, i;

    if ((err = read_chk(s, &ci)) < 0) goto fail;
    from = ci.present ? ci.ckpt : LSN_MAKE(log_first_generation(s->lg), LOG_HEADER_SIZE);
    if (ci.present) {
        s->last_ckpt = ci.ckpt;
        s->log_bytes_at_ckpt = store_log_bytes(s, ci.ckpt);
    }
    if (ci.present && ci.clean && ci.log_end == end) {
        TRACE("clean shutdown: no recovery needed\n");
        return 0;
    }
    TRACE("recovering from %llx to %llx\n", (unsigned long long)from, (unsigned long long)end);
    if ((err = find_last_checkpoint(s, from, end, &last)) < 0) goto fail;
    if ((err = replay(s, from, end, last > from ? last : 0)) < 0) goto fail;
    for (i = 0; i < STORE_MAX_DBS; i++) {
        if (s->torn[i]) {
            ERR("database %s: damaged header and no image of it in the log\n", s->torn[i]);
            err = JET_errReadVerifyFailure;
            goto fail;
        }
    }

    /* Detach the normal way: checkpoint, mark clean, forget. */
    for (i = 0; i < STORE_MAX_DBS; i++) {
        if (!s->dbs[i]) continue;
        if ((err = store_db_detach(s, s->dbs[i])) < 0) goto fail;
    }
    return 0;

fail:
    ERR("recovery failed: %d\n", err);
    for (i = 0; i < STORE_MAX_DBS; i++) {
        store_db_free(s->dbs[i]);
        s->dbs[i] = NULL;
        free(s->torn[i]);
        s->torn[i] = NULL;
    }
    return err;
}
