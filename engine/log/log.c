/*
 * log.c - the write-ahead log: open and close, appending, group commit,
 * rolling to a new generation, circular logging.  The file formats are in
 * log_int.h and docs/format.md; names and discovery in logfile.c; readers
 * in log_read.c; edb.chk in checkpoint.c.
 *
 * Appending.  log_append computes the record's CRC over everything but its
 * LSN outside the lock, then under the log's mutex takes the next position,
 * finishes the CRC with the LSN and copies the record into the active
 * buffer.  There are two buffers: while one is being written out (with the
 * mutex released) appends fill the other.  When the active buffer is full,
 * the appender writes it out itself, without syncing.  A record larger than
 * a buffer is written directly from the caller's memory.
 *
 * Group commit.  At most one thread does I/O on the log at a time
 * (io_busy); it does it with the mutex released.  log_flush(lsn) returns
 * once `durable` is past lsn.  A caller that finds it is not, and no I/O in
 * progress, becomes the flusher: it swaps the buffers, writes out
 * everything appended so far and syncs once, for every record that was in
 * the buffer.  Callers that arrive meanwhile wait on the condition
 * variable; when woken most find their record durable already, and the
 * first that does not flushes everything that accumulated in the meantime.
 * So N committing threads share syncs instead of doing N of them.
 *
 * Rolling (the current generation N is full, log_roll, or reopening):
 *   1. seal: write out the buffer and an end-of-file record, sync edb.log;
 *   2. make edbtmp.log for N+1 and sync it: with circular logging, a
 *      released generation's file renamed and given the new header (a
 *      spare, see logfile.c), else a new file (header, zeros to the full
 *      size);
 *   3. rename edb.log -> edbN.log;
 *   4. rename edbtmp.log -> edb.log.
 * Appends wait while this runs.  A crash between any two steps leaves a
 * state log_discover recognises (logfile.c): before 2 completes, edb.log is
 * the last generation (a half-made edbtmp.log is removed); after 3 but
 * before 4, step 4 is finished at open.  If step 2 finds the disk full,
 * a reserve file is used; without one the log stays sealed (everything
 * appended is durable) and appends fail with JET_errLogDiskFull, retrying
 * the roll each time.
 *
 * Reopening.  log_open finds the end of the last generation (the first
 * record that does not check out), seals the generation there and rolls.
 * New records therefore never go into a generation that may hold stale
 * bytes past its end.
 *
 * Durability argument:
 *   D1. log_flush(lsn) returns 0 only after every byte before the end of
 *       the record at lsn was written to its file and that file synced
 *       (durable only advances after a sync that followed those writes).
 *   D2. Records are written in LSN order and never rewritten, so after a
 *       crash every durable record is intact and all records before it are
 *       valid; the open-time scan passes them and finds the end at or after
 *       the last durable record.
 *   D3. A record's CRC covers its LSN: bytes left in a file from a torn
 *       write, another generation or another use of the file (reserve
 *       files, reused spares) never check out at a position they were not
 *       written for.
 *   D4. A generation is sealed and synced (1) before its successor can
 *       become edb.log (4), and the successor is complete and synced (2)
 *       before any rename, so edb.log always has a valid header and every
 *       older generation ends with an EOF record; an invalid record there
 *       is corruption, not the end.
 *   D5. After a reopen the old end is sealed and nothing is appended to
 *       that generation again, so stale records past a torn tail can never
 *       be joined onto the log.
 *   Renames and removals are taken to be durable when they return (true of
 *   os_memvfs; on POSIX they are ordered by the file system's journal, as
 *   the OS layer offers no directory sync).
 */
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "esent.h"
#include "log_int.h"
#include "page.h"

DEFAULT_DEBUG_CHANNEL(esent);

#define LOG_MIN_BUFFER 16384u
/* Released generations kept for reuse with circular logging (logfile.c). */
#define LOG_SPARES 2u
#define LOG_MAX_FILE_SIZE 0x40000000u

static lsn_t end_locked(const wal *l)
{
    return l->sealed ? LSN_MAKE(l->gen + 1, LOG_HEADER_SIZE) : LSN_MAKE(l->gen, l->end_off);
}

static void put_eof(uint8_t *rec, uint32_t gen, uint32_t off)
{
    memset(rec, 0, LOG_EOF_SIZE);
    put_u32(rec, 4);
    rec[8] = LOG_TYPE_EOF;
    put_u32(rec + LOG_RECORD_HEADER, gen + 1);
    put_u32(rec + 4, log_record_crc_finish(log_record_crc_pre(rec, rec + LOG_RECORD_HEADER, 4),
                                           LSN_MAKE(gen, off)));
}

/* A write or sync of records failed: the log can no longer promise
 * anything, so every later call fails the same way. */
static int set_sticky(wal *l, int oserr)
{
    if (!l->err) {
        l->err = log_os_err(oserr);
        ERR("log write failed (%d), log is now unusable\n", oserr);
    }
    return l->err;
}

/* Mutex held, no I/O in progress, not sealed.  Writes out the active
 * buffer and, if sync, syncs: afterwards written (and durable) are at the
 * end as it was when called. */
static int write_out_locked(wal *l, int sync)
{
    os_file *f = l->file;
    uint8_t *out = l->buf[l->act];
    uint32_t out_len = l->act_len, out_off = l->act_off;
    lsn_t target = LSN_MAKE(l->gen, out_off + out_len);
    int need_sync = sync && l->durable < target;
    int r = OS_OK;

    l->io_busy = 1;
    l->act ^= 1;
    l->act_len = 0;
    l->act_off = out_off + out_len;
    os_mutex_unlock(l->mutex);
    if (out_len) r = os_file_write(f, out_off, out, out_len);
    if (!r && need_sync) r = os_file_sync(f);
    os_mutex_lock(l->mutex);
    l->io_busy = 0;
    os_cond_broadcast(l->cond);
    if (r) return set_sticky(l, r);
    if (l->written < target) l->written = target;
    if (need_sync) {
        l->durable = target;
        l->syncs++;
    }
    return 0;
}

/* Mutex held.  Waits until written (sync: durable) >= target, doing the
 * I/O itself when nobody else is. */
static int wait_for_locked(wal *l, lsn_t target, int sync)
{
    int r;
    for (;;) {
        if ((sync ? l->durable : l->written) >= target) return 0;
        if (l->err) return l->err;
        if (l->io_busy) {
            os_cond_wait(l->cond, l->mutex);
            continue;
        }
        if ((r = write_out_locked(l, sync))) return r;
    }
}

/* Mutex held.  Rolls from generation gen to gen + 1 (steps 1-4 of the top
 * comment), unless another thread already has. */
static int roll_locked(wal *l, uint32_t gen)
{
    uint8_t eof[LOG_EOF_SIZE];
    os_file *old = NULL, *nf = NULL;
    int r = OS_OK;

    for (;;) {
        if (l->gen != gen) return 0;
        if (l->err) return l->err;
        if (!l->io_busy) break;
        os_cond_wait(l->cond, l->mutex);
    }
    if (gen >= LOG_MAX_GEN) return JET_errLogSequenceEnd;
    l->io_busy = l->rolling = 1;
    if (!l->sealed) {
        uint8_t *out = l->buf[l->act];
        uint32_t out_len = l->act_len, out_off = l->act_off;
        uint32_t eof_off = l->end_off;

        put_eof(eof, gen, eof_off);
        l->act ^= 1;
        l->act_len = 0;
        os_mutex_unlock(l->mutex);
        if (out_len + LOG_EOF_SIZE <= l->buf_cap) {
            memcpy(out + out_len, eof, LOG_EOF_SIZE);
            r = os_file_write(l->file, out_off, out, out_len + LOG_EOF_SIZE);
        } else {
            r = os_file_write(l->file, out_off, out, out_len);
            if (!r) r = os_file_write(l->file, eof_off, eof, LOG_EOF_SIZE);
        }
        if (!r) r = os_file_sync(l->file);
        os_mutex_lock(l->mutex);
        if (r) {
            l->io_busy = l->rolling = 0;
            os_cond_broadcast(l->cond);
            return set_sticky(l, r);
        }
        l->syncs++;
        l->sealed = 1;
        l->written = l->durable = LSN_MAKE(gen + 1, LOG_HEADER_SIZE);
    }
    old = l->file;
    l->file = NULL;
    os_mutex_unlock(l->mutex);

    os_file_close(old);
    r = log_install_generation(l, gen + 1, &nf);

    os_mutex_lock(l->mutex);
    if (!r) {
        l->file = nf;
        l->gen = gen + 1;
        l->sealed = 0;
        l->end_off = l->act_off = LOG_HEADER_SIZE;
        l->act_len = 0;
    } else if (r != JET_errLogDiskFull) {
        os_file_close(nf);
        if (!l->err) l->err = r;
    }
    l->io_busy = l->rolling = 0;
    os_cond_broadcast(l->cond);
    return r;
}

/* Mutex held, no I/O in progress, active buffer empty.  Writes a record
 * too large for the buffer straight from the caller's memory. */
static int write_direct_locked(wal *l, uint8_t *hdr, uint32_t pre, const void *payload, uint32_t len,
                               lsn_t *lsn)
{
    uint32_t off = l->end_off, need = LOG_RECORD_HEADER + len;
    lsn_t at = LSN_MAKE(l->gen, off);
    os_file *f = l->file;
    int r;

    put_u32(hdr + 4, log_record_crc_finish(pre, at));
    l->io_busy = 1;
    l->end_off = l->act_off = off + need;
    os_mutex_unlock(l->mutex);
    r = os_file_write(f, off, hdr, LOG_RECORD_HEADER);
    if (!r) r = os_file_write(f, off + LOG_RECORD_HEADER, payload, len);
    os_mutex_lock(l->mutex);
    l->io_busy = 0;
    os_cond_broadcast(l->cond);
    if (r) return set_sticky(l, r);
    l->written = LSN_MAKE(l->gen, off + need);
    if (lsn) *lsn = at;
    return 0;
}

int log_append(wal *l, uint8_t type, const void *payload, uint32_t len, lsn_t *lsn)
{
    uint8_t hdr[LOG_RECORD_HEADER];
    uint32_t pre, need;
    int r;

    if (!l || type > LOG_TYPE_USER_MAX || (len && !payload) || len > log_max_payload(l))
        return JET_errInvalidParameter;
    memset(hdr, 0, sizeof(hdr));
    put_u32(hdr, len);
    hdr[8] = type;
    pre = log_record_crc_pre(hdr, payload, len);
    need = LOG_RECORD_HEADER + len;

    os_mutex_lock(l->mutex);
    for (;;) {
        if (l->err) {
            r = l->err;
            break;
        }
        if (l->rolling) {
            os_cond_wait(l->cond, l->mutex);
            continue;
        }
        if (l->sealed || (uint64_t)l->end_off + need + LOG_EOF_SIZE > l->file_size) {
            if ((r = roll_locked(l, l->gen))) break;
            continue;
        }
        if (need <= l->buf_cap - l->act_len) {
            lsn_t at = LSN_MAKE(l->gen, l->end_off);
            uint8_t *dst = l->buf[l->act] + l->act_len;
            put_u32(hdr + 4, log_record_crc_finish(pre, at));
            memcpy(dst, hdr, LOG_RECORD_HEADER);
            if (len) memcpy(dst + LOG_RECORD_HEADER, payload, len);
            l->act_len += need;
            l->end_off += need;
            if (lsn) *lsn = at;
            r = 0;
            break;
        }
        if (l->io_busy) {
            os_cond_wait(l->cond, l->mutex);
            continue;
        }
        if (l->act_len) {
            if ((r = write_out_locked(l, 0))) break;
            continue;
        }
        r = write_direct_locked(l, hdr, pre, payload, len, lsn);
        break;
    }
    os_mutex_unlock(l->mutex);
    return r;
}

int log_flush(wal *l, lsn_t lsn)
{
    lsn_t end;
    int r;

    if (!l) return JET_errInvalidParameter;
    os_mutex_lock(l->mutex);
    end = end_locked(l);
    r = wait_for_locked(l, lsn < end ? lsn + 1 : end, 1);
    os_mutex_unlock(l->mutex);
    return r;
}

int log_flush_all(wal *l)
{
    int r;

    if (!l) return JET_errInvalidParameter;
    os_mutex_lock(l->mutex);
    r = wait_for_locked(l, end_locked(l), 1);
    os_mutex_unlock(l->mutex);
    return r;
}

int log_write_pending(wal *l)
{
    int r;

    os_mutex_lock(l->mutex);
    r = wait_for_locked(l, end_locked(l), 0);
    os_mutex_unlock(l->mutex);
    return r;
}

int log_roll(wal *l)
{
    int r;

    if (!l) return JET_errInvalidParameter;
    os_mutex_lock(l->mutex);
    while (l->rolling) os_cond_wait(l->cond, l->mutex);
    r = l->err ? l->err : roll_locked(l, l->gen);
    os_mutex_unlock(l->mutex);
    return r;
}

lsn_t log_end(wal *l)
{
    lsn_t end;
    os_mutex_lock(l->mutex);
    end = end_locked(l);
    os_mutex_unlock(l->mutex);
    return end;
}

lsn_t log_durable(wal *l)
{
    lsn_t d;
    os_mutex_lock(l->mutex);
    d = l->durable;
    os_mutex_unlock(l->mutex);
    return d;
}

uint32_t log_max_payload(const wal *l)
{
    return l->file_size - LOG_HEADER_SIZE - LOG_RECORD_HEADER - LOG_EOF_SIZE;
}

const uint8_t *log_signature(const wal *l)
{
    return l->sig;
}

uint32_t log_first_generation(wal *l)
{
    uint32_t g;
    os_mutex_lock(l->mutex);
    g = l->first_gen;
    os_mutex_unlock(l->mutex);
    return g;
}

int log_release_before(wal *l, lsn_t lsn)
{
    uint32_t upto, keep_from;
    int r;

    if (!l) return JET_errInvalidParameter;
    if (!l->circular) return 0;
    os_mutex_lock(l->files_mutex);
    os_mutex_lock(l->mutex);
    /* Never the current generation (edb.log), sealed or not. */
    upto = LSN_GEN(lsn) < l->gen ? LSN_GEN(lsn) : l->gen;
    if (upto > l->first_gen) l->first_gen = upto;
    /* The newest LOG_SPARES released files are kept for reuse (logfile.c). */
    keep_from = l->first_gen - l->spare_lo > LOG_SPARES ? l->first_gen - LOG_SPARES : l->spare_lo;
    os_mutex_unlock(l->mutex);
    /* From the bottom up, so a crash leaves a contiguous set. */
    r = log_spares_remove(l, keep_from);
    os_mutex_unlock(l->files_mutex);
    return r;
}

/* ---- open and close ------------------------------------------------------ */

static void log_free(wal *l)
{
    os_file_close(l->file);
    os_file_close(l->tmp_held);
    free(l->buf[0]);
    free(l->buf[1]);
    if (l->mutex) os_mutex_destroy(l->mutex);
    if (l->files_mutex) os_mutex_destroy(l->files_mutex);
    if (l->chk_mutex) os_mutex_destroy(l->chk_mutex);
    if (l->cond) os_cond_destroy(l->cond);
    log_names_free(l);
    free(l);
}

/* The set exists (l->file is edb.log): seal the end found and roll. */
static int reopen_existing(wal *l)
{
    uint8_t eof[LOG_EOF_SIZE];
    uint32_t end_off;
    uint64_t size;
    int sealed, r;

    if ((r = log_scan_end(l, l->file, l->gen, &end_off, &sealed))) return r;
    /* A short file (damaged) gets its full size back, so that it reads as
     * a complete generation once archived. */
    if ((r = log_os_err(os_file_size(l->file, &size)))) return r;
    if (size < l->file_size && (r = log_os_err(os_file_truncate(l->file, l->file_size)))) return r;
    if (!sealed) {
        put_eof(eof, l->gen, end_off);
        r = os_file_write(l->file, end_off, eof, LOG_EOF_SIZE);
        if (!r) r = os_file_sync(l->file);
        if (r) return log_os_err(r);
    }
    l->sealed = 1;
    l->written = l->durable = LSN_MAKE(l->gen + 1, LOG_HEADER_SIZE);
    os_file_close(l->file);
    l->file = NULL;
    if (l->gen >= LOG_MAX_GEN) return JET_errLogSequenceEnd;
    r = log_install_generation(l, l->gen + 1, &l->file);
    if (r == JET_errLogDiskFull) {
        /* Recovery can still read everything; appends retry the roll. */
        WARN("disk full: generation %u stays sealed\n", l->gen);
        return 0;
    }
    if (r) return r;
    l->gen++;
    l->sealed = 0;
    l->end_off = l->act_off = LOG_HEADER_SIZE;
    return 0;
}

int log_open(const struct log_config *cfg, wal **out, lsn_t *end)
{
    wal *l;
    int fresh, r;

    if (!out) return JET_errInvalidParameter;
    *out = NULL;
    if (!cfg || !cfg->vfs || !cfg->dir || !cfg->basename || strlen(cfg->basename) != 3 ||
        cfg->file_size < LOG_MIN_FILE_SIZE || cfg->file_size > LOG_MAX_FILE_SIZE)
        return JET_errInvalidParameter;
    if (!(l = calloc(1, sizeof(*l)))) return JET_errOutOfMemory;
    l->vfs = cfg->vfs;
    l->file_size = cfg->file_size;
    l->circular = !!cfg->circular;
    l->buf_cap = cfg->buffer_size < LOG_MIN_BUFFER ? LOG_MIN_BUFFER : cfg->buffer_size;
    if (l->buf_cap > l->file_size) l->buf_cap = l->file_size;
    r = log_names_init(l, cfg->dir, cfg->basename);
    if (!r && (!(l->buf[0] = malloc(l->buf_cap)) || !(l->buf[1] = malloc(l->buf_cap))))
        r = JET_errOutOfMemory;
    if (!r && os_mutex_create(&l->mutex)) r = JET_errOutOfMemory;
    if (!r && os_mutex_create(&l->files_mutex)) r = JET_errOutOfMemory;
    if (!r && os_mutex_create(&l->chk_mutex)) r = JET_errOutOfMemory;
    if (!r && os_cond_create(&l->cond)) r = JET_errOutOfMemory;
    if (!r) r = log_discover(l, &fresh);
    if (!r) r = log_reserves_prepare(l);
    if (!r && fresh) {
        log_make_signature(l);
        l->gen = l->first_gen = l->spare_lo = 1;
        r = log_install_generation(l, 1, &l->file);
        l->end_off = l->act_off = LOG_HEADER_SIZE;
        l->written = l->durable = LSN_MAKE(1, LOG_HEADER_SIZE);
    } else if (!r) {
        l->spare_lo = l->first_gen;
        r = reopen_existing(l);
    }
    if (r) {
        ERR("cannot open the log in %s (%d)\n", dbgstr_a(cfg->dir), r);
        log_free(l);
        return r;
    }
    TRACE("log open: generations %u..%u, end %u:%u\n", l->first_gen, l->gen, LSN_GEN(end_locked(l)),
          LSN_OFF(end_locked(l)));
    if (end) *end = end_locked(l);
    *out = l;
    return 0;
}

int log_close(wal *l)
{
    int r, rr;

    if (!l) return 0;
    os_mutex_lock(l->mutex);
    r = wait_for_locked(l, end_locked(l), 1);
    os_mutex_unlock(l->mutex);
    /* Spares are only for this run: the set on disk is what recovery needs. */
    os_mutex_lock(l->files_mutex);
    rr = log_spares_remove(l, l->first_gen);
    os_mutex_unlock(l->files_mutex);
    if (rr) WARN("cannot remove released generations (%d)\n", rr);
    TRACE("log closed at %u:%u, %llu syncs\n", LSN_GEN(l->durable), LSN_OFF(l->durable),
          (unsigned long long)l->syncs);
    log_free(l);
    return r;
}
