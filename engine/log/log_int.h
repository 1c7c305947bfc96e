/*
 * log_int.h - internals shared by the files of engine/log/ (log.c,
 * logfile.c, log_read.c, checkpoint.c).  Nothing outside engine/log/
 * includes it; the interface is log.h.
 *
 * On-disk layout (docs/format.md, "Log files" and "Checkpoint file", says
 * the same in prose; the two change together).  All integers little-endian.
 *
 * Log file header, LOG_HEADER_SIZE (4096) bytes at offset 0:
 *   off size field
 *     0   4  checksum     CRC-32C of bytes [4, 4096)
 *     4   8  magic        "ESENTLOG"
 *    12   4  version      LOG_FORMAT_VERSION
 *    16   4  header size  4096
 *    20   4  generation   1, 2, ...; equals the number in the file's name
 *    24   4  file size    bytes per log file of this set
 *    28   4  first gen    lowest generation on disk when this file was made
 *    32   4  flags        LOG_HDR_CIRCULAR
 *    36  16  signature    random, made with generation 1, same in every file
 *    52 ...  zero
 *
 * Record at offset off of generation gen (LSN = gen << 32 | off):
 *     0   4  length       payload bytes (len)
 *     4   4  crc          CRC-32C of bytes [0,4) and [8, 12+len) of the
 *                         record, then of the 8-byte LSN
 *     8   1  type         0..0xEF the user's; LOG_TYPE_EOF
 *     9   3  zero
 *    12 len  payload
 * The next record starts right after the payload (no padding).  A user
 * record must leave room for an end-of-file record behind it:
 *     off + 12 + len + LOG_EOF_SIZE <= file size.
 * End-of-file record: type LOG_TYPE_EOF, 4-byte payload = gen + 1.  Every
 * generation but the current one ends with one.
 *
 * Checkpoint file: two slots of LOG_CHK_SLOT_SIZE bytes at offsets 0 and
 * 4096 (see checkpoint.c).
 */
#ifndef ESENT_LOG_INT_H
#define ESENT_LOG_INT_H

#include <stdint.h>

#include "log.h"
#include "os.h"

#define LOG_MAGIC "ESENTLOG"
#define LOG_FORMAT_VERSION 1u
#define LOG_HDR_OFF_CHECKSUM 0
#define LOG_HDR_OFF_MAGIC 4
#define LOG_HDR_OFF_VERSION 12
#define LOG_HDR_OFF_HDRSIZE 16
#define LOG_HDR_OFF_GEN 20
#define LOG_HDR_OFF_FILESIZE 24
#define LOG_HDR_OFF_FIRSTGEN 28
#define LOG_HDR_OFF_FLAGS 32
#define LOG_HDR_OFF_SIGNATURE 36
#define LOG_HDR_CIRCULAR 0x1u

#define LOG_TYPE_EOF 0xFF
#define LOG_EOF_SIZE (LOG_RECORD_HEADER + 4u)
#define LOG_MIN_FILE_SIZE 65536u
#define LOG_MAX_GEN 0xFFFFFFF0u

#define LOG_CHK_MAGIC "ESENTCHK"
#define LOG_CHK_SLOT_SIZE 4096u
#define LOG_CHK_MAX_BLOB 3072u

/* A decoded log file header. */
struct log_hdr {
    uint32_t gen;
    uint32_t file_size;
    uint32_t first_gen;
    uint32_t flags;
    uint8_t sig[16];
};

struct wal {
    /* Fixed at open. */
    os_vfs *vfs;
    uint32_t file_size;
    uint32_t buf_cap;        /* bytes per log buffer (there are two) */
    int circular;
    uint8_t sig[16];
    char *dir;               /* copy of the config's, with the base name appended */
    size_t path_max;         /* room for any name this log makes */
    char *path_cur;          /* edb.log */
    char *path_tmp;          /* edbtmp.log */
    char *path_chk;          /* edb.chk */
    char *path_res[2];       /* edbres00001.jrs, edbres00002.jrs */

    os_mutex *mutex;
    os_cond *cond;
    /* Everything below is guarded by mutex. */
    uint32_t gen;            /* generation of edb.log */
    os_file *file;           /* edb.log; NULL once sealed and released */
    os_file *tmp_held;       /* edbtmp.log, held with OS_OPEN_LOCK while a
                                new set's generation 1 is made (logfile.c) */
    int sealed;              /* gen ends with its EOF record; gen + 1 not made yet */
    uint32_t end_off;        /* append position in gen (when not sealed) */
    uint8_t *buf[2];
    int act;                 /* index of the buffer appends go to */
    uint32_t act_len;        /* bytes in buf[act] */
    uint32_t act_off;        /* file offset of buf[act][0] */
    lsn_t written;           /* everything before is written (maybe not synced) */
    lsn_t durable;           /* everything before is written and synced */
    int io_busy;             /* one thread is writing/syncing/rolling, mutex released */
    int rolling;             /* that thread is rolling: appends wait */
    int err;                 /* sticky: a write or sync of records failed */
    uint32_t first_gen;      /* lowest generation recovery may need */
    uint32_t spare_lo;       /* circular logging: archives [spare_lo, first_gen)
                                are released but kept on disk, to be reused
                                as new generations (see logfile.c) */
    uint32_t readers;        /* log_readers open: no spare is reused meanwhile */
    int reserves;            /* bitmask of reserve files available (1, 2) */
    uint64_t syncs;          /* syncs of log records (statistics, traces) */

    /* Serializes changes to the archived files of the set: removing
     * released generations and claiming a spare for a new generation.
     * Taken before mutex, never while holding it. */
    os_mutex *files_mutex;

    /* The checkpoint file has its own lock. */
    os_mutex *chk_mutex;
    uint64_t chk_seq;        /* sequence of the newest slot on disk */
    int chk_seq_known;
};

/* logfile.c: names, headers, creating and installing generations, open-time
 * discovery, reserve files. */
int log_names_init(wal *l, const char *dir, const char *base);
void log_names_free(wal *l);
/* Writes the name of archived generation gen into out (l->path_max bytes). */
void log_archive_name(const wal *l, uint32_t gen, char *out);
void log_header_build(const wal *l, uint32_t gen, uint32_t first_gen, uint8_t *hdr);
/* Checks a header read from disk: 0, JET_errLogFileCorrupt or
 * JET_errBadLogVersion. */
int log_header_decode(const uint8_t *hdr, struct log_hdr *h);
/* Reads and checks the header of an open file against this log set:
 * generation gen (0: any), signature, file size. */
int log_header_verify(const wal *l, os_file *f, uint32_t gen, struct log_hdr *h);
/* Starts generation gen: edbtmp.log is made (from a spare if there is one,
 * else new) and synced, edb.log renamed to the archive name of gen - 1 (if
 * there is an edb.log), edbtmp.log renamed to edb.log.  *out gets edb.log
 * opened.  The caller has closed its handle of the old edb.log and does not
 * hold l->mutex (the header's first generation is l->first_gen, read under
 * it).  JET_errLogDiskFull when there is no room even with the reserve
 * files. */
int log_install_generation(wal *l, uint32_t gen, os_file **out);
/* Removes the spare archives [l->spare_lo, upto), bottom up; files_mutex
 * held.  Returns 0 or the first error (the files left stay spares). */
int log_spares_remove(wal *l, uint32_t upto);
/* Open-time recovery of the file set: finishes an interrupted roll, finds
 * the generations on disk and checks them.  On success *fresh says there is
 * no log set yet; otherwise l->gen, l->first_gen, l->sig are set and
 * l->file is edb.log opened for writing. */
int log_discover(wal *l, int *fresh);
/* Makes sure both reserve files exist at full size (a full disk is only
 * warned about). */
int log_reserves_prepare(wal *l);
void log_make_signature(wal *l);
/* JET_err for an OS_E* code. */
int log_os_err(int oserr);

/* log_read.c: the end of the last generation at open.  Scans f (generation
 * gen) from the header; *end_off gets the offset after the last valid
 * record, *sealed whether that is an end-of-file record (then *end_off is
 * its offset). */
int log_scan_end(wal *l, os_file *f, uint32_t gen, uint32_t *end_off, int *sealed);

/* log.c: writes out the log buffer without syncing (readers use it). */
int log_write_pending(wal *l);

/* The CRC of a record: crc32c over bytes [0,4) and [8,12+len) then the LSN.
 * pre is the CRC of everything but the LSN (log_record_crc_pre). */
uint32_t log_record_crc_pre(const uint8_t *hdr12, const void *payload, uint32_t len);
uint32_t log_record_crc_finish(uint32_t pre, lsn_t lsn);

#endif /* ESENT_LOG_INT_H */
