/*
 * log.h - the write-ahead log of an instance: ESENT's files, records,
 * group commit, reading back for recovery, and the checkpoint file.
 *
 * Files (names as ESENT makes them; base name "edb" by default, from
 * JET_paramBaseName, in the folder JET_paramLogFilePath):
 *   edb.log          the current generation
 *   edbXXXXX.log     older generations, XXXXX = generation in upper-case hex
 *                    (5 digits while <= 0xFFFFF, then 8)
 *   edbtmp.log       the next generation while it is being prepared
 *   edb.chk          the checkpoint file (written by log_checkpoint_write)
 *   edbres00001.jrs, edbres00002.jrs   reserve files, used when the disk
 *                    is full so that the instance can still shut down
 * Every log file has the same size (JET_paramLogFileSize) and starts with a
 * 4 KiB header (magic, format version, generation, file size, the log set's
 * signature, CRC).  Records follow; a record never spans two files.
 *
 * A log position (LSN) is (generation << 32) | byte offset in that file, so
 * LSNs compare as integers.  A record is
 *     u32 payload length | u32 CRC-32C of (LSN, type, payload) | u8 type |
 *     3 zero bytes | payload
 * The CRC covers the record's own LSN, so bytes left over from an older use
 * of the file can never be read as a valid record.  Reading stops at the
 * first record that does not check out: that is the end of the log.  When
 * the log is reopened after a crash, the end found is sealed with an
 * end-of-file record and a new generation is started, so later appends can
 * never make stale bytes readable.
 *
 * Durability: log_append only buffers.  log_flush(lsn) returns once every
 * record up to lsn is on stable storage (written and synced); concurrent
 * callers share one write+sync (group commit): whoever finds no flush in
 * progress becomes the flusher for everything appended so far, the others
 * wait for it.
 *
 * Errors are JET_err values: JET_errLogFileCorrupt (a damaged record
 * before the last generation, a bad header), JET_errMissingLogFile (a gap
 * in the generations), JET_errLogFileSizeMismatch, JET_errLogDiskFull,
 * JET_errDiskIO, JET_errOutOfMemory, JET_errCheckpointCorrupt,
 * JET_errCheckpointFileNotFound.
 *
 * Threads: every function may be called from any thread; the log has its
 * own mutex and condition variable.
 */
#ifndef ESENT_LOG_H
#define ESENT_LOG_H

#include <stdint.h>

#include "os.h"

typedef struct wal wal;
typedef struct log_reader log_reader;
typedef uint64_t lsn_t;

#define LSN_GEN(lsn) ((uint32_t)((lsn) >> 32))
#define LSN_OFF(lsn) ((uint32_t)(lsn))
#define LSN_MAKE(gen, off) (((uint64_t)(gen) << 32) | (uint32_t)(off))

#define LOG_HEADER_SIZE 4096u
#define LOG_RECORD_HEADER 12u
/* Record types 0xF0..0xFF belong to the log itself. */
#define LOG_TYPE_USER_MAX 0xEF

struct log_config {
    os_vfs *vfs;
    const char *dir;        /* folder of the log files, "" or ending in '/' or '\\' */
    const char *basename;   /* 3 characters, "edb" */
    uint32_t file_size;     /* bytes per log file, >= 64 KiB */
    uint32_t buffer_size;   /* bytes of in-memory log buffer */
    int circular;           /* delete generations below log_release_before */
};

/* Opens the instance's log set, creating generation 1 if there is none.
 * *end (may be NULL) receives the position after the last valid record:
 * recovery reads up to there; new records are appended after it. */
int log_open(const struct log_config *cfg, wal **out, lsn_t *end);
/* Flushes everything and closes the files. */
int log_close(wal *l);

/* The largest payload a record may carry with this file size. */
uint32_t log_max_payload(const wal *l);
/* The 16-byte signature of this log set (stamped into database headers). */
const uint8_t *log_signature(const wal *l);

/* Buffers one record; *lsn (may be NULL) gets its position.  Rolls to a
 * new generation when the current file is full. */
int log_append(wal *l, uint8_t type, const void *payload, uint32_t len, lsn_t *lsn);
/* Makes every record up to and including the one at lsn durable. */
int log_flush(wal *l, lsn_t lsn);
/* Makes everything appended so far durable (JET_bitWaitAllLevel0Commit). */
int log_flush_all(wal *l);
/* Seals the current generation and starts a new one (JET_bitForceNewLog). */
int log_roll(wal *l);
/* Position after the last appended / last durable record. */
lsn_t log_end(wal *l);
lsn_t log_durable(wal *l);

/* Circular logging: generations wholly below lsn are no longer needed by
 * recovery; with circular logging on they are deleted (or reused). */
int log_release_before(wal *l, lsn_t lsn);
/* Lowest generation still on disk. */
uint32_t log_first_generation(wal *l);

/* Reading back, from any position at or after the first generation on
 * disk.  log_reader_next returns 1 with a record, 0 at the end of the log,
 * or a JET_err.  The payload pointer is valid until the next call. */
int log_reader_open(wal *l, lsn_t from, log_reader **out);
int log_reader_next(log_reader *r, uint8_t *type, const uint8_t **payload,
                    uint32_t *len, lsn_t *lsn);
void log_reader_close(log_reader *r);

/* The checkpoint file (edb.chk): an opaque blob (at most 3 KiB) written
 * atomically (two alternating slots, each with a sequence number and CRC;
 * reading takes the newest valid slot) and synced before returning. */
int log_checkpoint_write(wal *l, const void *data, uint32_t len);
/* JET_errCheckpointFileNotFound when there is none. */
int log_checkpoint_read(wal *l, void *buf, uint32_t bufsize, uint32_t *len);

#endif /* ESENT_LOG_H */
