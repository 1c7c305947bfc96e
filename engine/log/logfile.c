/*
 * logfile.c - the log's files: their names, their headers, making a new
 * generation, and finding the log set again at open.
 *
 * Names are ESENT's: <dir><base>.log is the current generation,
 * <dir><base>XXXXX.log an older one (upper-case hex, 5 digits while the
 * generation is <= 0xFFFFF, then 8), <dir><base>tmp.log the next one while
 * it is being made, <dir><base>res00001.jrs and res00002.jrs the reserve
 * files.
 *
 * A new generation G is made in three steps (log.c's top comment has the
 * whole rolling procedure and why it is crash-safe):
 *   1. edbtmp.log is made complete and synced: either a spare (below) is
 *      renamed to edbtmp.log and its header rewritten, or a new file is
 *      created and written in full (header, then zeros up to the file size,
 *      so the space is really allocated and a full disk shows up here and
 *      not in the middle of a commit);
 *   2. edb.log (generation G-1, already sealed) is renamed to its archive
 *      name;
 *   3. edbtmp.log is renamed to edb.log, and the folder is synced
 *      (os_path_sync_dir) so that both new names survive a power loss
 *      before the generation takes commits.
 * The current generation is held with OS_OPEN_LOCK while open, which keeps
 * a second instance or process out of the folder (log_discover).  Before
 * edb.log exists, edbtmp.log is the lock: whoever makes generation 1 of a
 * new set, or finishes an interrupted roll from edbtmp.log alone, holds
 * edbtmp.log with OS_OPEN_LOCK from before it looks at its content until
 * the same handle, renamed, is the open edb.log.  So two processes that
 * find one empty folder at the same moment cannot both make a set: the
 * second fails to lock edbtmp.log (JET_errFileAccessDenied), or locks it
 * only after the first renamed it and then finds edb.log (locked) there.
 * If step 1 finds the disk full, a reserve file (made at open, full size)
 * is renamed to edbtmp.log and only its header is rewritten, which needs
 * no new space.  With no reserve left the roll fails with
 * JET_errLogDiskFull and can be retried later.
 *
 * Spares (circular logging).  log_release_before keeps the newest
 * LOG_SPARES released generations on disk, under their archive names,
 * instead of removing them: [spare_lo, first_gen).  Step 1 takes the lowest
 * one: renames it to edbtmp.log, writes the new header and syncs.  Its
 * space is allocated already, so nothing else is written: the bytes after
 * the header are records of the old generation, which can never be read
 * as records of the new one because a record's CRC covers its LSN, and
 * the two LSNs differ only in the 32 generation bits (a CRC detects every
 * error burst of up to 32 bits, so this holds for every record, not just
 * with high probability).  Spares are taken and removed from the bottom,
 * under files_mutex, so the files on disk always form one contiguous run
 * of generations; a crash leaves the spares looking like the oldest
 * archives, which open accepts as part of the set (they are complete,
 * sealed generations).  log_close removes them.  No spare is reused while
 * a log_reader is open (one may be reading it through an open handle).
 *
 * Finding the set at open (log_discover) first finishes or undoes an
 * interrupted roll:
 *   edb.log and edbtmp.log     the roll stopped before step 2: edbtmp.log
 *                              is removed (open seals edb.log and rolls
 *                              again anyway);
 *   only edbtmp.log, valid     the roll stopped between steps 2 and 3 (or
 *                              generation 1 was being made): step 3 is done
 *                              now, if generation G-1 is archived (or G=1);
 *   only edbtmp.log, invalid   generation 1 was being made: removed, the set
 *                              is new;
 *   neither                    a new set, unless an archived generation 1
 *                              exists (then edb.log is missing).
 * The OS layer has no directory listing, so the older generations are found
 * by name, walking down from edb.log's generation until one is missing.
 * Each file's header records the lowest generation on disk when it was
 * made; any archive between that one and the lowest found means a gap
 * (generations are only ever deleted from the bottom), so the walk detects
 * a missing file in the middle of the set (JET_errMissingLogFile).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crc32c.h"
#include "debug.h"
#include "esent.h"
#include "log_int.h"
#include "page.h"

DEFAULT_DEBUG_CHANNEL(esent);

#define LOG_ZERO_CHUNK 65536u

int log_os_err(int oserr)
{
    switch (oserr) {
    case OS_OK: return 0;
    case OS_ENOSPC: return JET_errLogDiskFull;
    case OS_ENOMEM: return JET_errOutOfMemory;
    case OS_EACCES: return JET_errFileAccessDenied;
    case OS_ENOENT: return JET_errFileNotFound;
    case OS_ESHORT: return JET_errLogFileCorrupt;
    default: return JET_errDiskIO;
    }
}

/* ---- names ------------------------------------------------------------ */

static char *name_make(const wal *l, const char *suffix)
{
    char *p = malloc(l->path_max);
    if (p) snprintf(p, l->path_max, "%s%s", l->dir, suffix);
    return p;
}

int log_names_init(wal *l, const char *dir, const char *base)
{
    size_t n = strlen(dir) + strlen(base);
    if (!(l->dir = malloc(n + 1))) return JET_errOutOfMemory;
    snprintf(l->dir, n + 1, "%s%s", dir, base);
    /* The longest suffixes, "XXXXXXXX.log" and "res00001.jrs", are 12. */
    l->path_max = n + 13;
    l->path_cur = name_make(l, ".log");
    l->path_tmp = name_make(l, "tmp.log");
    l->path_chk = name_make(l, ".chk");
    l->path_res[0] = name_make(l, "res00001.jrs");
    l->path_res[1] = name_make(l, "res00002.jrs");
    if (!l->path_cur || !l->path_tmp || !l->path_chk || !l->path_res[0] || !l->path_res[1])
        return JET_errOutOfMemory;
    return 0;
}

void log_names_free(wal *l)
{
    free(l->dir);
    free(l->path_cur);
    free(l->path_tmp);
    free(l->path_chk);
    free(l->path_res[0]);
    free(l->path_res[1]);
}

void log_archive_name(const wal *l, uint32_t gen, char *out)
{
    if (gen <= 0xFFFFFu) snprintf(out, l->path_max, "%s%05X.log", l->dir, (unsigned)gen);
    else snprintf(out, l->path_max, "%s%08X.log", l->dir, (unsigned)gen);
}

/* ---- headers ---------------------------------------------------------- */

void log_header_build(const wal *l, uint32_t gen, uint32_t first_gen, uint8_t *hdr)
{
    memset(hdr, 0, LOG_HEADER_SIZE);
    memcpy(hdr + LOG_HDR_OFF_MAGIC, LOG_MAGIC, 8);
    put_u32(hdr + LOG_HDR_OFF_VERSION, LOG_FORMAT_VERSION);
    put_u32(hdr + LOG_HDR_OFF_HDRSIZE, LOG_HEADER_SIZE);
    put_u32(hdr + LOG_HDR_OFF_GEN, gen);
    put_u32(hdr + LOG_HDR_OFF_FILESIZE, l->file_size);
    put_u32(hdr + LOG_HDR_OFF_FIRSTGEN, first_gen);
    put_u32(hdr + LOG_HDR_OFF_FLAGS, l->circular ? LOG_HDR_CIRCULAR : 0);
    memcpy(hdr + LOG_HDR_OFF_SIGNATURE, l->sig, 16);
    put_u32(hdr + LOG_HDR_OFF_CHECKSUM, crc32c(0, hdr + 4, LOG_HEADER_SIZE - 4));
}

int log_header_decode(const uint8_t *hdr, struct log_hdr *h)
{
    if (memcmp(hdr + LOG_HDR_OFF_MAGIC, LOG_MAGIC, 8) ||
        get_u32(hdr + LOG_HDR_OFF_CHECKSUM) != crc32c(0, hdr + 4, LOG_HEADER_SIZE - 4))
        return JET_errLogFileCorrupt;
    if (get_u32(hdr + LOG_HDR_OFF_VERSION) != LOG_FORMAT_VERSION) return JET_errBadLogVersion;
    h->gen = get_u32(hdr + LOG_HDR_OFF_GEN);
    h->file_size = get_u32(hdr + LOG_HDR_OFF_FILESIZE);
    h->first_gen = get_u32(hdr + LOG_HDR_OFF_FIRSTGEN);
    h->flags = get_u32(hdr + LOG_HDR_OFF_FLAGS);
    memcpy(h->sig, hdr + LOG_HDR_OFF_SIGNATURE, 16);
    if (get_u32(hdr + LOG_HDR_OFF_HDRSIZE) != LOG_HEADER_SIZE || h->gen == 0 || h->gen > LOG_MAX_GEN ||
        h->file_size < LOG_MIN_FILE_SIZE || h->first_gen == 0 || h->first_gen > h->gen)
        return JET_errLogFileCorrupt;
    return 0;
}

/* Reads and decodes the header of f. */
static int header_read(os_file *f, struct log_hdr *h)
{
    uint8_t *buf = malloc(LOG_HEADER_SIZE);
    int r;

    if (!buf) return JET_errOutOfMemory;
    r = os_file_read(f, 0, buf, LOG_HEADER_SIZE);
    r = r == OS_ESHORT ? JET_errLogFileCorrupt : log_os_err(r);
    if (!r) r = log_header_decode(buf, h);
    free(buf);
    return r;
}

int log_header_verify(const wal *l, os_file *f, uint32_t gen, struct log_hdr *h)
{
    int r = header_read(f, h);
    if (r) return r;
    if (gen && h->gen != gen) return JET_errLogGenerationMismatch;
    if (memcmp(h->sig, l->sig, 16)) return JET_errBadLogSignature;
    if (h->file_size != l->file_size) return JET_errLogFileSizeMismatch;
    return 0;
}

/* Opens path read-only and checks its header (see log_header_verify). */
static int verify_path(const wal *l, const char *path, uint32_t gen)
{
    struct log_hdr h;
    os_file *f;
    int r = os_file_open(l->vfs, path, OS_OPEN_READONLY, &f);

    if (r) return r == OS_ENOENT ? JET_errMissingLogFile : log_os_err(r);
    r = log_header_verify(l, f, gen, &h);
    os_file_close(f);
    if (r) ERR("%s: bad log file header (%d)\n", dbgstr_a(path), r);
    return r;
}

/* ---- making files ----------------------------------------------------- */

/* Removes a half-made file after a failure that is reported anyway. */
static void remove_quietly(const wal *l, const char *path)
{
    int r = os_path_remove(l->vfs, path);
    if (r && r != OS_ENOENT) WARN("cannot remove %s (%d)\n", dbgstr_a(path), r);
}

/* Writes first (may be NULL) at offset 0 and zeros after it, up to the file
 * size, then syncs. */
static int fill_file(const wal *l, os_file *f, const uint8_t *first, uint32_t first_len)
{
    uint32_t chunk = l->file_size < LOG_ZERO_CHUNK ? l->file_size : LOG_ZERO_CHUNK;
    uint8_t *zeros = calloc(1, chunk);
    uint32_t off = 0;
    int r = OS_OK;

    if (!zeros) return OS_ENOMEM;
    if (first) {
        r = os_file_write(f, 0, first, first_len);
        off = first_len;
    }
    while (!r && off < l->file_size) {
        uint32_t n = l->file_size - off < chunk ? l->file_size - off : chunk;
        r = os_file_write(f, off, zeros, n);
        off += n;
    }
    free(zeros);
    if (!r) r = os_file_sync(f);
    return r;
}

/* Step 1 from spare generation spare: renamed to edbtmp.log, given hdr,
 * synced.  Nonzero if that did not work out (the spare is then removed, or
 * if it cannot be, stays the lowest spare); the caller makes a new file. */
static int reuse_spare(wal *l, uint32_t spare, const uint8_t *hdr, char *name)
{
    os_file *f = NULL;
    uint64_t size = 0;
    int r;

    log_archive_name(l, spare, name);
    r = os_path_rename(l->vfs, name, l->path_tmp);
    if (r) {
        WARN("cannot reuse %s (%d)\n", dbgstr_a(name), r);
        if (os_path_remove(l->vfs, name) == OS_OK || os_path_exists(l->vfs, name) != 1) return r;
        /* Still there, and still the lowest file: it stays a spare (files_mutex
         * is held, so nobody else moved spare_lo). */
        os_mutex_lock(l->mutex);
        l->spare_lo = spare;
        os_mutex_unlock(l->mutex);
        return r;
    }
    r = os_file_open(l->vfs, l->path_tmp, 0, &f);
    /* Only a file of the full size has all its space (a short one was
     * damaged and extended at open). */
    if (!r) r = os_file_size(f, &size);
    if (!r && size != l->file_size) r = OS_EINVAL;
    if (!r) r = os_file_write(f, 0, hdr, LOG_HEADER_SIZE);
    if (!r) r = os_file_sync(f);
    os_file_close(f);
    if (r) {
        WARN("cannot reuse generation %u as the next one (%d)\n", spare, r);
        remove_quietly(l, l->path_tmp);
        return r;
    }
    TRACE("circular logging: generation %u's file reused\n", spare);
    return 0;
}

/* Step 1: edbtmp.log for generation gen, complete and synced; from spare
 * generation spare if not 0. */
static int make_tmp(wal *l, uint32_t gen, uint32_t first_gen, uint32_t spare, char *name)
{
    uint8_t *hdr = malloc(LOG_HEADER_SIZE);
    os_file *f = NULL;
    int r, i;

    if (!hdr) return JET_errOutOfMemory;
    log_header_build(l, gen, first_gen, hdr);
    if (spare && !reuse_spare(l, spare, hdr, name)) {
        free(hdr);
        return 0;
    }
    if (l->tmp_held) {
        /* Generation 1 of a new set: the locked edbtmp.log (log_discover). */
        r = os_file_truncate(l->tmp_held, 0);
        if (!r) r = fill_file(l, l->tmp_held, hdr, LOG_HEADER_SIZE);
    } else {
        r = os_file_open(l->vfs, l->path_tmp, OS_OPEN_CREATE | OS_OPEN_TRUNCATE, &f);
        if (!r) r = fill_file(l, f, hdr, LOG_HEADER_SIZE);
        os_file_close(f);
        f = NULL;
    }
    if (r == OS_ENOSPC) {
        /* Free what the failed attempt took, then use a reserve file: it
         * already has its space, so only the header is written.  (A new
         * set's lock on edbtmp.log goes with the file: on a disk this full
         * the rare race of two new sets is the lesser worry.) */
        os_file_close(l->tmp_held);
        l->tmp_held = NULL;
        remove_quietly(l, l->path_tmp);
        for (i = 1; i >= 0; i--) {
            if (!(l->reserves & (1 << i))) continue;
            r = os_path_rename(l->vfs, l->path_res[i], l->path_tmp);
            if (r) continue;
            l->reserves &= ~(1 << i);
            WARN("disk full: generation %u uses reserve file %s\n", gen, dbgstr_a(l->path_res[i]));
            r = os_file_open(l->vfs, l->path_tmp, 0, &f);
            if (!r) r = os_file_write(f, 0, hdr, LOG_HEADER_SIZE);
            if (!r) r = os_file_sync(f);
            os_file_close(f);
            break;
        }
        if (r == OS_ENOSPC || i < 0) {
            remove_quietly(l, l->path_tmp);
            ERR("disk full: cannot make log generation %u\n", gen);
            free(hdr);
            return JET_errLogDiskFull;
        }
    }
    free(hdr);
    if (r) {
        ERR("cannot make %s (%d)\n", dbgstr_a(l->path_tmp), r);
        return r == OS_ENOENT ? JET_errInvalidPath : log_os_err(r);
    }
    return 0;
}

int log_install_generation(wal *l, uint32_t gen, os_file **out)
{
    char *archive = malloc(l->path_max);
    uint32_t first_gen, spare = 0;
    int r;

    *out = NULL;
    if (!archive) return JET_errOutOfMemory;
    /* The lowest spare becomes ours; files_mutex keeps log_release_before
     * from removing files below it meanwhile (the set stays contiguous).
     * Not while a reader is open: it may still be reading that generation
     * through an open handle, which must keep showing the old content (as
     * it does when the file is removed). */
    os_mutex_lock(l->files_mutex);
    os_mutex_lock(l->mutex);
    first_gen = l->first_gen;
    if (l->spare_lo < l->first_gen && !l->readers) spare = l->spare_lo++;
    os_mutex_unlock(l->mutex);
    r = make_tmp(l, gen, first_gen, spare, archive);
    os_mutex_unlock(l->files_mutex);
    if (!r && gen > 1) {
        log_archive_name(l, gen - 1, archive);
        r = os_path_rename(l->vfs, l->path_cur, archive);
        /* An earlier attempt may have done this step already. */
        if (r == OS_ENOENT && os_path_exists(l->vfs, archive) == 1) r = OS_OK;
        r = log_os_err(r);
    }
    free(archive);
    if (!r) r = log_os_err(os_path_rename(l->vfs, l->path_tmp, l->path_cur));
    /* The new names (edb.log, the archive) must survive a power loss
     * before any commit is acknowledged from this generation. */
    if (!r) r = log_os_err(os_path_sync_dir(l->vfs, l->path_cur));
    if (!r && l->tmp_held) {
        /* The handle that held edbtmp.log now names edb.log: the lock is
         * never let go between the two names. */
        *out = l->tmp_held;
        l->tmp_held = NULL;
    } else if (!r) {
        r = log_os_err(os_file_open(l->vfs, l->path_cur, OS_OPEN_LOCK, out));
    }
    if (!r) TRACE("generation %u started\n", gen);
    return r;
}

int log_spares_remove(wal *l, uint32_t upto)
{
    char *name = malloc(l->path_max);
    int r = 0, rr, removed = 0;

    if (!name) return JET_errOutOfMemory;
    for (;;) {
        uint32_t g;
        os_mutex_lock(l->mutex);
        g = l->spare_lo;
        os_mutex_unlock(l->mutex);
        if (g >= upto) break;
        log_archive_name(l, g, name);
        rr = os_path_remove(l->vfs, name);
        if (rr && rr != OS_ENOENT) {
            /* Left in place (the set stays contiguous); it stays a spare. */
            r = log_os_err(rr);
            break;
        }
        if (!rr) TRACE("circular logging: removed generation %u\n", g);
        removed += !rr;
        os_mutex_lock(l->mutex);
        l->spare_lo = g + 1;
        os_mutex_unlock(l->mutex);
    }
    free(name);
    /* Made durable, once for the batch.  A removal lost to a power loss
     * would be harmless (discovery takes a returned file as an old
     * archive, or stops below it at a gap), but the space would not be
     * free after all, and the disk should hold the set the log knows. */
    if (removed && (rr = os_path_sync_dir(l->vfs, l->path_cur)) && !r) r = log_os_err(rr);
    return r;
}

/* ---- reserve files ---------------------------------------------------- */

int log_reserves_prepare(wal *l)
{
    uint64_t size;
    os_file *f;
    int i, r;

    for (i = 0; i < 2; i++) {
        r = os_file_open(l->vfs, l->path_res[i], 0, &f);
        if (!r) {
            r = os_file_size(f, &size);
            os_file_close(f);
            if (!r && size >= l->file_size) {
                l->reserves |= 1 << i;
                continue;
            }
        }
        f = NULL;
        r = os_file_open(l->vfs, l->path_res[i], OS_OPEN_CREATE | OS_OPEN_TRUNCATE, &f);
        if (!r) r = fill_file(l, f, NULL, 0);
        os_file_close(f);
        if (!r) {
            l->reserves |= 1 << i;
            continue;
        }
        remove_quietly(l, l->path_res[i]);
        if (r == OS_ENOENT) return JET_errInvalidPath;
        if (r != OS_ENOSPC) return log_os_err(r);
        WARN("disk full: no reserve log file %s\n", dbgstr_a(l->path_res[i]));
    }
    return 0;
}

/* ---- the signature ---------------------------------------------------- */

static uint64_t mix64(uint64_t z)
{
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Unique rather than secret: time, addresses, thread and a counter. */
void log_make_signature(wal *l)
{
    static unsigned counter;
    uint64_t c = __atomic_add_fetch(&counter, 1u, __ATOMIC_RELAXED);
    uint64_t a = mix64(os_time_ms() ^ (uint64_t)(uintptr_t)l ^ c << 48);
    uint64_t b = mix64(a ^ (uint64_t)(uintptr_t)&counter ^ (uint64_t)os_thread_id() << 32);
    put_u64(l->sig, a);
    put_u64(l->sig + 8, b);
}

/* ---- open-time discovery ---------------------------------------------- */

/* Only edbtmp.log exists: finish the interrupted roll, or start afresh.
 * edbtmp.log is locked first: another opener may be making generation 1
 * in it right now (then JET_errFileAccessDenied, and its file is left
 * alone).  On success with *have_cur, l->file is edb.log, still locked. */
static int recover_tmp(wal *l, char *name, int *have_cur)
{
    struct log_hdr h;
    os_file *f;
    int r = os_file_open(l->vfs, l->path_tmp, OS_OPEN_LOCK, &f);

    if (r) return log_os_err(r);
    /* Renamed to edb.log meanwhile (its maker holds it): not ours. */
    if (os_path_exists(l->vfs, l->path_cur) == 1) {
        os_file_close(f);
        return JET_errFileAccessDenied;
    }
    r = header_read(f, &h);
    if (r == JET_errLogFileCorrupt) {
        /* Never completed, so never renamed: generation 1 being made. */
        WARN("removing incomplete %s\n", dbgstr_a(l->path_tmp));
        r = log_os_err(os_path_remove(l->vfs, l->path_tmp));
        os_file_close(f);
        return r;
    }
    if (!r && h.gen > 1) {
        log_archive_name(l, h.gen - 1, name);
        if (os_path_exists(l->vfs, name) != 1) {
            ERR("%s is missing\n", dbgstr_a(l->path_cur));
            r = JET_errMissingLogFile;
        }
    }
    if (!r) {
        WARN("finishing the start of generation %u\n", h.gen);
        r = log_os_err(os_path_rename(l->vfs, l->path_tmp, l->path_cur));
    }
    if (!r) r = log_os_err(os_path_sync_dir(l->vfs, l->path_cur));
    if (r) {
        os_file_close(f);
        return r;
    }
    l->file = f;
    *have_cur = 1;
    return 0;
}

/* A new set is to be made: lock edbtmp.log (created empty if missing) for
 * generation 1, then look again.  *again if another opener made the set
 * meanwhile (edb.log or an archive is there now): discovery starts over. */
static int claim_new_set(wal *l, char *name, int *again)
{
    int r = os_file_open(l->vfs, l->path_tmp, OS_OPEN_CREATE | OS_OPEN_LOCK, &l->tmp_held);

    *again = 0;
    if (r) return r == OS_ENOENT ? JET_errInvalidPath : log_os_err(r);
    log_archive_name(l, 1, name);
    if (os_path_exists(l->vfs, l->path_cur) == 1 || os_path_exists(l->vfs, name) == 1) {
        /* Ours is an empty file made just now, or one its maker left. */
        os_file_close(l->tmp_held);
        l->tmp_held = NULL;
        *again = 1;
    }
    return 0;
}

int log_discover(wal *l, int *fresh)
{
    char *name = malloc(l->path_max);
    struct log_hdr h;
    uint32_t g, lo;
    int have_cur, r, again, tries = 0;

    *fresh = 0;
    if (!name) return JET_errOutOfMemory;
retry:
    have_cur = os_path_exists(l->vfs, l->path_cur) == 1;
    r = 0;
    /* The current generation is held locked (OS_OPEN_LOCK) while the log
     * is open, so another instance or process using this folder gets
     * JET_errFileAccessDenied here, before it touches edbtmp.log. */
    if (have_cur) r = log_os_err(os_file_open(l->vfs, l->path_cur, OS_OPEN_LOCK, &l->file));
    if (!r && os_path_exists(l->vfs, l->path_tmp) == 1) {
        if (have_cur) r = log_os_err(os_path_remove(l->vfs, l->path_tmp));
        else r = recover_tmp(l, name, &have_cur);
        if (!r && have_cur && !l->file)
            r = log_os_err(os_file_open(l->vfs, l->path_cur, OS_OPEN_LOCK, &l->file));
    }
    if (r) goto done;
    if (!have_cur) {
        log_archive_name(l, 1, name);
        if (os_path_exists(l->vfs, name) == 1) {
            ERR("%s is missing\n", dbgstr_a(l->path_cur));
            r = JET_errMissingLogFile;
        } else if (!(r = claim_new_set(l, name, &again)) && again) {
            /* Another opener made the set meanwhile: look again (once
             * more at most; its edb.log is locked, so that gives
             * JET_errFileAccessDenied unless it has already closed). */
            if (tries++ < 2) goto retry;
            r = JET_errFileAccessDenied;
        } else if (!r) {
            *fresh = 1;
        }
        goto done;
    }

    r = header_read(l->file, &h);
    if (r) {
        ERR("%s: bad header (%d)\n", dbgstr_a(l->path_cur), r);
        goto done;
    }
    if (h.file_size != l->file_size) {
        ERR("log files are %u bytes, configured %u\n", h.file_size, l->file_size);
        r = JET_errLogFileSizeMismatch;
        goto done;
    }
    l->gen = h.gen;
    memcpy(l->sig, h.sig, 16);

    /* The archives, from the newest down to the first missing one. */
    for (g = h.gen - 1; g >= 1; g--) {
        log_archive_name(l, g, name);
        if (os_path_exists(l->vfs, name) != 1) break;
        if ((r = verify_path(l, name, g))) goto done;
    }
    lo = g + 1;
    /* Anything between the recorded first generation and lo is a gap. */
    for (g = h.first_gen; g < lo; g++) {
        log_archive_name(l, g, name);
        if (os_path_exists(l->vfs, name) == 1) {
            ERR("log generation %u is missing\n", lo - 1);
            r = JET_errMissingLogFile;
            goto done;
        }
    }
    l->first_gen = lo;
    TRACE("log set: generations %u..%u\n", lo, h.gen);
done:
    free(name);
    if (r) {
        os_file_close(l->file);
        l->file = NULL;
    }
    return r;
}
