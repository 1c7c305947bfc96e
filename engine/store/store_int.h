/*
 * store_int.h - internals shared by the store's files (store.c,
 * store_wset.c, store_recover.c): the structures, the write set, and the
 * log record formats.  Nothing outside engine/store/ includes this.
 *
 * Log records of the store (types for log_append; payload layouts, all
 * integers little-endian; docs/format.md repeats them):
 *
 *   STORE_REC_TXN      u64 txnid | u8 flags (1 = last chunk: the commit mark)
 *                      | u32 nops | ops...
 *                      op: u8 kind (1 put, 2 delete) | u8 dbid | u32 tree
 *                          | u16 klen | u32 vlen (put only) | key | value
 *                      A transaction is one or more TXN records with the
 *                      same txnid, appended back to back under the latch;
 *                      only a group ending in the commit mark is replayed.
 *   STORE_REC_TREE     u8 kind (1 create, 2 drop, 3 create the catalog) | u8 dbid
 *                      | u32 root
 *   STORE_REC_ATTACH   u8 dbid | u8 flags (STORE_DB_*) | u16 len | path
 *   STORE_REC_DETACH   u8 dbid
 *   STORE_REC_CKPT_BEGIN u64 X (log end when the pages were copied)
 *   STORE_REC_IMAGE    u8 dbid | u32 pgno | page image
 *   STORE_REC_CKPT_END u64 lsn of the matching CKPT_BEGIN
 *
 * The checkpoint file's blob (log_checkpoint_write):
 *   u32 magic 'SCK1' | u64 ckpt_lsn (a CKPT_BEGIN) | u64 log_end | u8 clean
 *   | u8 ndbs | per db: u8 dbid | u8 flags | u16 len | path
 * "clean" means the store was closed normally and nothing follows log_end:
 * the next open skips recovery.
 */
#ifndef ESENT_STORE_INT_H
#define ESENT_STORE_INT_H

#include <stdint.h>

#include "log.h"
#include "store.h"

enum {
    STORE_REC_TXN = 1,
    STORE_REC_TREE = 2,
    STORE_REC_ATTACH = 3,
    STORE_REC_DETACH = 4,
    STORE_REC_CKPT_BEGIN = 5,
    STORE_REC_IMAGE = 6,
    STORE_REC_CKPT_END = 7
};

enum { WS_PUT = 1, WS_DELETE = 2 };
enum { TREE_CREATE = 1, TREE_DROP = 2, TREE_CREATE_CATALOG = 3 };

#define STORE_CKPT_MAGIC 0x314B4353u /* "SCK1" */

struct store_db {
    store *s;
    int dbid;
    unsigned flags;
    char *path;
    pager *pg;
};

struct store {
    struct store_config cfg;
    char *log_dir, *system_dir, *basename;
    wal *lg;                      /* NULL when recovery is off */
    store_db *dbs[STORE_MAX_DBS];
    os_rwlock *latch;             /* shared: readers; exclusive: apply, snapshot */
    os_mutex *ckpt_mutex;         /* one checkpoint at a time; attach/detach */
    os_mutex *mutex;              /* counters and the failed flag */
    int failed;                   /* sticky JET_err once an apply failed */
    char *torn[STORE_MAX_DBS];    /* recovery: databases whose header page
                                     failed its checksum, waiting for their
                                     header image from the wal */
    uint64_t next_txnid;
    lsn_t last_ckpt;              /* CKPT_BEGIN of the last checkpoint */
    uint64_t log_bytes_at_ckpt;   /* log volume when it was taken */
    struct store_stats stats;
};

/* One change in a write set: the latest state of one (db, tree, key). */
struct ws_entry {
    uint8_t kind;      /* WS_PUT or WS_DELETE */
    uint8_t dbid;
    uint32_t tree;
    uint32_t klen, vlen;
    uint32_t room;     /* bytes the entry has for key + value */
    uint8_t *key;      /* klen bytes, then vlen bytes of value, right after
                          the entry in the same allocation */
};

struct ws {
    struct ws_entry **slots; /* open addressing, power-of-two size */
    uint32_t nslots, count;
    uint64_t bytes;
};

struct store_txn {
    store *s;
    uint64_t id;
    struct ws ws;
};

/* Write set (store_wset.c). */
void ws_init(struct ws *w);
void ws_free(struct ws *w);
struct ws_entry *ws_find(const struct ws *w, int dbid, uint32_t tree, const void *key, uint32_t klen);
/* Records the latest state of a key; JET_errOutOfMemory on failure. */
int ws_set(struct ws *w, uint8_t kind, int dbid, uint32_t tree, const void *key, uint32_t klen,
           const void *val, uint32_t vlen);
/* The entries sorted by (dbid, tree, key): commit applies them in B-tree
 * order.  The array is malloc'ed (free it); NULL with count 0 is fine. */
int ws_sorted(const struct ws *w, struct ws_entry ***out);

/* Shared helpers (store.c). */
int store_err_from_os(int oserr);
/* Bytes of log from the start of generation 1 to lsn (for volume checks). */
uint64_t store_log_bytes(const store *s, lsn_t lsn);
/* Attaches a database during recovery or normally, without logging. */
int store_db_open_slot(store *s, int dbid, const char *path, unsigned flags, store_db **out);
void store_db_free(store_db *db);
/* Applies one put/delete to a tree (upsert / delete if present). */
int store_apply_op(store_db *db, uint8_t kind, uint32_t tree, const uint8_t *key, uint32_t klen,
                   const uint8_t *val, uint32_t vlen);
/* Runs a checkpoint; the caller holds ckpt_mutex.  clean: the final
 * checkpoint of a close (marks it clean in edb.chk). */
int store_checkpoint_locked(store *s, int clean);
/* Recovery (store_recover.c): replays the log from edb.chk's checkpoint. */
int store_recover(store *s, lsn_t log_end);

#endif /* ESENT_STORE_INT_H */
