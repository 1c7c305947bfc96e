/*
 * log_read.c - reading records back: the readers of log.h, and the scan
 * that finds the end of the log at open.
 *
 * Both read a generation's file through a window (struct rd_file): a
 * buffer of up to LOG_READ_WINDOW bytes of the file, refilled as the
 * position moves on; a record larger than the window is read into a buffer
 * of its own.  Every length comes from disk and is checked against the
 * file size and the readable limit before it is used, so garbage never
 * makes a read go out of bounds.
 *
 * A record is valid when its three zero bytes are zero, its type is a user
 * type or LOG_TYPE_EOF (with a 4-byte payload naming the next generation),
 * it fits the file leaving room for an end-of-file record, and its CRC,
 * which covers its own LSN, matches.  What an invalid record means depends
 * on where it is:
 *  - the open-time scan of the last generation: the end of the log;
 *  - a reader in a generation that is not the current one: that generation
 *    was sealed with an EOF record, so this is JET_errLogFileCorrupt;
 *  - a reader in the current generation: the reader only reads up to what
 *    the log has written (l->written), where every record is complete, so
 *    reaching that limit is the end (0) and a bad record before it is
 *    JET_errLogFileCorrupt.
 * A reader follows EOF records into the next generation, opening files by
 * name under the log's mutex while no roll is renaming them.
 */
#include <stdlib.h>
#include <string.h>

#include "crc32c.h"
#include "debug.h"
#include "esent.h"
#include "log_int.h"
#include "page.h"

DEFAULT_DEBUG_CHANNEL(esent);

#define LOG_READ_WINDOW 65536u

uint32_t log_record_crc_pre(const uint8_t *hdr12, const void *payload, uint32_t len)
{
    uint32_t crc = crc32c(0, hdr12, 4);
    crc = crc32c(crc, hdr12 + 8, 4);
    return crc32c(crc, payload, len);
}

uint32_t log_record_crc_finish(uint32_t pre, lsn_t lsn)
{
    uint8_t b[8];
    put_u64(b, lsn);
    return crc32c(pre, b, 8);
}

struct rd_file {
    os_file *f;
    uint32_t limit;        /* bytes of the file that may be read */
    uint8_t *win;
    uint32_t win_off, win_len;
    uint8_t *big;
    uint32_t big_cap;
};

static int rd_init(struct rd_file *rf)
{
    memset(rf, 0, sizeof(*rf));
    rf->win = malloc(LOG_READ_WINDOW);
    return rf->win ? 0 : JET_errOutOfMemory;
}

static void rd_close_file(struct rd_file *rf)
{
    os_file_close(rf->f);
    rf->f = NULL;
    rf->win_len = 0;
}

static void rd_free(struct rd_file *rf)
{
    rd_close_file(rf);
    free(rf->win);
    free(rf->big);
}

static int read_err(int oserr)
{
    return oserr == OS_ESHORT ? JET_errLogFileCorrupt : log_os_err(oserr);
}

/* *p gets n bytes at off; the caller has checked off + n <= limit. */
static int rd_get(struct rd_file *rf, uint32_t off, uint32_t n, const uint8_t **p)
{
    uint32_t len;
    int r;

    if (off >= rf->win_off && (uint64_t)off + n <= (uint64_t)rf->win_off + rf->win_len) {
        *p = rf->win + (off - rf->win_off);
        return 0;
    }
    if (n <= LOG_READ_WINDOW) {
        len = rf->limit - off < LOG_READ_WINDOW ? rf->limit - off : LOG_READ_WINDOW;
        rf->win_len = 0;
        if ((r = os_file_read(rf->f, off, rf->win, len))) return read_err(r);
        rf->win_off = off;
        rf->win_len = len;
        *p = rf->win;
        return 0;
    }
    if (n > rf->big_cap) {
        uint8_t *b = realloc(rf->big, n);
        if (!b) return JET_errOutOfMemory;
        rf->big = b;
        rf->big_cap = n;
    }
    if ((r = os_file_read(rf->f, off, rf->big, n))) return read_err(r);
    *p = rf->big;
    return 0;
}

/* The record at off of generation gen: 1 valid (type, payload, len
 * filled), 0 not a valid record, or a JET_err from reading. */
static int rd_record(struct rd_file *rf, uint32_t file_size, uint32_t gen, uint32_t off,
                     uint8_t *type, const uint8_t **payload, uint32_t *len)
{
    const uint8_t *p;
    uint32_t n, crc;
    uint8_t t;
    int r;

    if ((uint64_t)off + LOG_RECORD_HEADER > rf->limit) return 0;
    if ((r = rd_get(rf, off, LOG_RECORD_HEADER, &p))) return r;
    n = get_u32(p);
    crc = get_u32(p + 4);
    t = p[8];
    if (p[9] | p[10] | p[11]) return 0;
    if (t == LOG_TYPE_EOF) {
        if (n != 4) return 0;
    } else if (t > LOG_TYPE_USER_MAX) {
        return 0;
    } else if ((uint64_t)off + LOG_RECORD_HEADER + n + LOG_EOF_SIZE > file_size) {
        return 0;
    }
    if ((uint64_t)off + LOG_RECORD_HEADER + n > rf->limit) return 0;
    if ((r = rd_get(rf, off, LOG_RECORD_HEADER + n, &p))) return r;
    if (crc != log_record_crc_finish(log_record_crc_pre(p, p + LOG_RECORD_HEADER, n), LSN_MAKE(gen, off)))
        return 0;
    if (t == LOG_TYPE_EOF && get_u32(p + LOG_RECORD_HEADER) != gen + 1) return 0;
    *type = t;
    *payload = p + LOG_RECORD_HEADER;
    *len = n;
    return 1;
}

/* ---- the end of the log, at open ---------------------------------------- */

int log_scan_end(wal *l, os_file *f, uint32_t gen, uint32_t *end_off, int *sealed)
{
    struct rd_file rf;
    const uint8_t *payload;
    uint32_t off = LOG_HEADER_SIZE, len;
    uint64_t size;
    uint8_t type;
    int r;

    *sealed = 0;
    if ((r = log_os_err(os_file_size(f, &size)))) return r;
    if ((r = rd_init(&rf))) return r;
    rf.f = f;
    rf.limit = size < l->file_size ? (uint32_t)size : l->file_size;
    while ((r = rd_record(&rf, l->file_size, gen, off, &type, &payload, &len)) == 1) {
        if (type == LOG_TYPE_EOF) {
            *sealed = 1;
            break;
        }
        off += LOG_RECORD_HEADER + len;
    }
    rf.f = NULL; /* not ours */
    rd_free(&rf);
    if (r < 0) return r;
    *end_off = off;
    TRACE("generation %u ends at %u%s\n", gen, off, *sealed ? " (sealed)" : "");
    return 0;
}

/* ---- readers ------------------------------------------------------------- */

struct log_reader {
    wal *l;
    uint32_t gen;
    uint32_t off;
    int current;           /* gen is the log's current generation: limit = written */
    struct rd_file rf;
};

/* Under the mutex: how much of generation gen may be read.  Returns 0 if
 * gen does not exist yet (the log is sealed and gen is the next one). */
static int gen_limit_locked(wal *l, uint32_t gen, uint32_t *limit, int *current)
{
    if (gen > l->gen) return 0;
    if (gen == l->gen && !l->sealed) {
        *limit = LSN_GEN(l->written) == gen ? LSN_OFF(l->written) : LOG_HEADER_SIZE;
        *current = 1;
    } else {
        *limit = l->file_size;
        *current = 0;
    }
    return 1;
}

/* Opens the reader's generation: 1 opened, 0 it does not exist yet, or a
 * JET_err. */
static int reader_open_gen(log_reader *rd)
{
    wal *l = rd->l;
    char *name = malloc(l->path_max);
    struct log_hdr h;
    int r;

    if (!name) return JET_errOutOfMemory;
    os_mutex_lock(l->mutex);
    while (l->rolling) os_cond_wait(l->cond, l->mutex);
    if (rd->gen < l->first_gen) {
        r = JET_errMissingLogFile;
    } else if (!gen_limit_locked(l, rd->gen, &rd->rf.limit, &rd->current)) {
        r = 0;
    } else {
        if (rd->gen == l->gen) strcpy(name, l->path_cur);
        else log_archive_name(l, rd->gen, name);
        r = os_file_open(l->vfs, name, OS_OPEN_READONLY, &rd->rf.f);
        r = r == OS_ENOENT ? JET_errMissingLogFile : r ? log_os_err(r) : 1;
    }
    os_mutex_unlock(l->mutex);
    if (r == 1) {
        int v = log_header_verify(l, rd->rf.f, rd->gen, &h);
        if (v) {
            ERR("%s: bad header (%d)\n", dbgstr_a(name), v);
            rd_close_file(&rd->rf);
            r = v;
        }
    } else if (r < 0) {
        ERR("cannot read generation %u (%d)\n", rd->gen, r);
    }
    rd->rf.win_len = 0;
    free(name);
    return r;
}

int log_reader_open(wal *l, lsn_t from, log_reader **out)
{
    log_reader *rd;
    uint32_t gen = LSN_GEN(from), off = LSN_OFF(from);
    lsn_t end;
    int r;

    if (!l || !out) return JET_errInvalidParameter;
    *out = NULL;
    /* Everything appended so far becomes visible to the reader. */
    if ((r = log_write_pending(l))) return r;
    os_mutex_lock(l->mutex);
    if (!gen) gen = l->first_gen;
    if (off < LOG_HEADER_SIZE) off = LOG_HEADER_SIZE;
    end = l->sealed ? LSN_MAKE(l->gen + 1, LOG_HEADER_SIZE) : LSN_MAKE(l->gen, l->end_off);
    if (gen < l->first_gen) r = JET_errMissingLogFile;
    else if (LSN_MAKE(gen, off) > end || off >= l->file_size) r = JET_errInvalidParameter;
    os_mutex_unlock(l->mutex);
    if (r) return r;
    if (!(rd = calloc(1, sizeof(*rd)))) return JET_errOutOfMemory;
    if ((r = rd_init(&rd->rf))) {
        free(rd);
        return r;
    }
    rd->l = l;
    rd->gen = gen;
    rd->off = off;
    os_mutex_lock(l->mutex);
    l->readers++;
    os_mutex_unlock(l->mutex);
    *out = rd;
    return 0;
}

int log_reader_next(log_reader *rd, uint8_t *type, const uint8_t **payload, uint32_t *len, lsn_t *lsn)
{
    wal *l;
    uint8_t t;
    const uint8_t *p;
    uint32_t n;
    int r;

    if (!rd) return JET_errInvalidParameter;
    l = rd->l;
    for (;;) {
        if (!rd->rf.f) {
            if ((r = reader_open_gen(rd)) <= 0) return r;
        }
        r = rd_record(&rd->rf, l->file_size, rd->gen, rd->off, &t, &p, &n);
        if (r < 0) return r;
        if (r == 0 && rd->current) {
            /* The limit may have moved on since it was taken. */
            uint32_t old = rd->rf.limit;
            os_mutex_lock(l->mutex);
            gen_limit_locked(l, rd->gen, &rd->rf.limit, &rd->current);
            os_mutex_unlock(l->mutex);
            if (rd->rf.limit != old) continue;
            if (rd->off == rd->rf.limit) return 0;
        }
        if (r == 0) {
            ERR("generation %u: bad record at %u\n", rd->gen, rd->off);
            return JET_errLogFileCorrupt;
        }
        if (t == LOG_TYPE_EOF) {
            rd_close_file(&rd->rf);
            rd->gen++;
            rd->off = LOG_HEADER_SIZE;
            continue;
        }
        if (type) *type = t;
        if (payload) *payload = p;
        if (len) *len = n;
        if (lsn) *lsn = LSN_MAKE(rd->gen, rd->off);
        rd->off += LOG_RECORD_HEADER + n;
        return 1;
    }
}

void log_reader_close(log_reader *rd)
{
    if (!rd) return;
    os_mutex_lock(rd->l->mutex);
    rd->l->readers--;
    os_mutex_unlock(rd->l->mutex);
    rd_free(&rd->rf);
    free(rd);
}
