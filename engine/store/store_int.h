/*
 * store_int.h - internals shared by the store's files (store.c,
 * store_wset.c, store_savepoint.c, store_cursor.c, store_recover.c,
 * store_version.c, store_escrow.c): the structures, the write set and its undo log, the
 * version store and lock table, and the log record formats.
 * Nothing outside engine/store/ includes this.
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
 *   STORE_REC_IMAGE_HOLE u8 dbid | u32 pgno | u16 hole offset | u16 hole
 *                      length | the page image without its hole (zeros;
 *                      page_hole): what checkpoints write now
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
    STORE_REC_CKPT_END = 7,
    STORE_REC_IMAGE_HOLE = 8
};

/* WS_ESCROW (memory only, never logged): the key's committed value plus
 * escrow deltas; the entry's value is an array of struct esc_delta
 * (store_escrow.c), turned into a WS_PUT at commit. */
enum { WS_PUT = 1, WS_DELETE = 2, WS_ESCROW = 3 };
/* Lock modes (struct lk_entry.write): read locks coexist, escrow locks
 * coexist, anything else conflicts. */
enum { LK_READ = 0, LK_WRITE = 1, LK_ESCROW = 2 };
enum { TREE_CREATE = 1, TREE_DROP = 2, TREE_CREATE_CATALOG = 3 };

#define STORE_CKPT_MAGIC 0x314B4353u /* "SCK1" */

struct store_db {
    store *s;
    int dbid;
    unsigned flags;
    char *path;
    pager *pg;
};

/* ---- version store and locks (store_version.c) ---------------------------
 *
 * A version: what one commit (csn) did to one key, kept as the key's value
 * before that commit (present 0: the key did not exist).  A key's versions
 * form a list, oldest first; all versions also form one list in csn order
 * (the order they were made), which garbage collection pops from the front. */
struct vs_version {
    struct vs_version *next_key;   /* the key's next newer version */
    struct vs_version *prev_all, *next_all; /* every version, csn order */
    struct vs_key *vk;
    uint64_t csn;
    uint32_t vlen;
    uint8_t present;
    uint8_t escrow;                /* the commit only added escrow deltas */
    uint8_t val[];                 /* vlen bytes of the before-image */
};

/* A key with versions: a node of the version store's skip list (a struct ws
 * reused as an ordered map, whose entry value is a pointer to this). */
struct vs_key {
    struct ws_entry *e;
    struct vs_version *oldest, *newest;
    uint64_t charge;               /* bytes charged for the key itself */
};

/* A write or read lock one open transaction holds on (db, tree, key). */
struct lk_entry {
    struct lk_entry *next;         /* hash chain */
    struct lk_entry *owner_next;   /* the owner's locks */
    store_txn *owner;
    uint64_t hash;
    uint32_t tree, klen;
    uint8_t dbid, write;           /* write: LK_* */
    uint8_t *esc;                  /* the owner's pending escrow deltas
                                    * (struct esc_delta x nesc), for the
                                    * "stored value" other escrowers see */
    uint32_t nesc, esccap;
    uint8_t key[];
};


/* One change in a write set: the latest state of one (db, tree, key), and
 * a node of the write set's skip list.  One allocation holds the node, its
 * height links, the key and the first value put; a later put with another
 * value gets a block of its own (val then points there), so a value's
 * bytes never change while an undo record may still point at them. */
struct ws_entry {
    uint8_t kind;      /* WS_PUT or WS_DELETE */
    uint8_t dbid;
    uint8_t height;    /* links in next[], 1 .. WS_MAX_HEIGHT */
    uint32_t tree;
    uint32_t klen, vlen;
    uint64_t pfx;      /* the key's first 8 bytes big-endian, 0-padded: compares first */
    uint8_t *key;      /* klen bytes, inside the node */
    const uint8_t *val;/* vlen bytes: inside the node (ws_val_inline) or own block */
    struct ws_entry *next[]; /* next entry at each level, then key, then first value */
};

#define WS_MAX_HEIGHT 16 /* level i holds about 4^-i of the entries */

/* The value bytes stored inside the node (the first value put). */
static inline const uint8_t *ws_val_inline(const struct ws_entry *e)
{
    return e->key + e->klen;
}

/* The state of an entry before a change made while a savepoint existed
 * (kind 0: the change created the entry).  The record owns val when it is
 * not e's inline value. */
struct ws_undo {
    struct ws_entry *e;
    const uint8_t *val;
    uint32_t vlen;
    uint8_t kind;
};

/* A savepoint: the undo log's length and the write set's totals when it
 * was taken (the totals check the rollback). */
struct ws_mark {
    uint32_t nundo, count;
    uint64_t bytes;
};

/* A transaction's write set: a skip list of entries in (dbid, tree, key)
 * order, plus the undo log while savepoints exist (store_savepoint.c). */
struct ws {
    struct ws_entry *head[WS_MAX_HEIGHT]; /* first entry at each level */
    struct ws_entry *tail[WS_MAX_HEIGHT]; /* last entry at each level (appends) */
    uint32_t height;   /* levels in use */
    uint32_t count;
    uint64_t bytes;    /* keys and values of the entries */
    uint32_t rng;      /* for node heights */
    struct ws_undo *undo;
    uint32_t nundo, undo_cap;
    struct ws_mark *marks;
    uint32_t nmarks, marks_cap;
};

struct store {
    struct store_config cfg;
    char *log_dir, *system_dir, *basename;
    char *alt_db_dir;          /* NULL: none (store_config.alt_db_dir) */
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
    uint64_t log_bytes_at_ckpt;   /* log volume at its CKPT_END (written under
                                     ckpt_mutex, read by any committer: atomic) */
    /* The background checkpointer (cfg.checkpoint_thread): ckpt_request,
     * ckpt_stop and ckpt_busy are guarded by mutex and signalled on ckpt_cond. */
    os_thread *ckpt_thread;
    os_cond *ckpt_cond;
    int ckpt_request, ckpt_stop;
    int ckpt_busy;                /* the checkpointer is running one */
    struct store_stats stats;

    /* Isolation (store_version.c).  vmutex guards csn, the list of open
     * transactions, the lock table and vs_bytes; it is taken inside the
     * latch, never around it.  The version store's contents (vs, vs_first,
     * vs_last, vs_newest) change only under the exclusive latch and are
     * read under the shared one. */
    os_mutex *vmutex;
    uint64_t csn;                 /* commits so far: the newest snapshot */
    store_txn *open_first, *open_last; /* open transactions, snapshot order */
    uint32_t nopen;
    struct lk_entry **locks;      /* hash table of the lock entries */
    uint32_t nlock_buckets, nlocks;
    uint64_t vs_bytes;            /* memory the version store holds */
    struct ws vs;                 /* keys with versions: value = struct vs_key * */
    struct vs_version *vs_first, *vs_last; /* every version, csn order */
    uint64_t vs_newest;           /* csn of the newest version (0: none) */
};

/* The trees a transaction put into in databases with a maximum size
 * (store_space.c): the space estimate charges each tree a split path. */
#define SPACE_TREES 16
struct space_est {
    uint32_t ntrees;               /* trees noted (past SPACE_TREES: counted only) */
    uint32_t dbs;                  /* bit per dbid: databases with a maximum put into */
    uint8_t dbid[SPACE_TREES];
    uint32_t tree[SPACE_TREES];
};

struct store_txn {
    store *s;
    uint64_t id;
    struct ws ws;
    uint64_t snapshot;            /* s->csn when it began */
    store_txn *open_prev, *open_next; /* s->open_first.. list */
    struct lk_entry *locks;       /* the locks it holds */
    struct lk_chunk *lk_mem;      /* the memory they are carved from
                                     (store_version.c), freed at its end */
    uint64_t ver_estimate;        /* version bytes its commit may make */
    int open;                     /* registered in the open list */
    int has_escrow;               /* WS_ESCROW entries were made */
    struct space_est space;       /* what its commit may allocate (store_space.c) */
    struct esc_keep *keep;        /* JET_bitEscrowNoRollback deltas */
    uint32_t nkeep, keepcap;
};

/* One escrow delta: add delta to the width-byte (4 or 8) little-endian
 * integer at offset off of a value. */
struct esc_delta {
    uint32_t off, width;
    int64_t delta;
};

/* A delta that rollback must not undo (store_escrow.c); depth: the
 * savepoints that existed when it was made. */
struct esc_keep {
    uint8_t *key;
    uint32_t tree, klen, depth;
    uint8_t dbid;
    struct esc_delta d;
};

/* Bytes a version costs besides its key and before-image (the estimate
 * vs_lock charges per change). */
#define VS_OVERHEAD 160u

/* Write set (store_wset.c). */
void ws_init(struct ws *w);
void ws_free(struct ws *w);
struct ws_entry *ws_find(const struct ws *w, int dbid, uint32_t tree, const void *key, uint32_t klen);
/* Records the latest state of a key (and, under a savepoint, an undo record
 * of the previous one); JET_errOutOfMemory on failure, the write set then
 * unchanged. */
int ws_set(struct ws *w, uint8_t kind, int dbid, uint32_t tree, const void *key, uint32_t klen,
           const void *val, uint32_t vlen);
/* The entries in (dbid, tree, key) order: commit applies them in B-tree
 * order. */
static inline struct ws_entry *ws_first(const struct ws *w)
{
    return w->head[0];
}
static inline struct ws_entry *ws_next(const struct ws_entry *e)
{
    return e->next[0];
}
/* The entry of (dbid, tree) that dir (BT_SEEK_GE/GT/LE/LT) names relative
 * to key, or NULL. */
struct ws_entry *ws_seek(const struct ws *w, int dbid, uint32_t tree, const void *key, uint32_t klen,
                         int dir);
/* The first entry of (dbid, tree) (last 0) or its last (last 1), or NULL. */
struct ws_entry *ws_edge(const struct ws *w, int dbid, uint32_t tree, int last);
/* Takes e out of the list and frees it (savepoint rollback). */
void ws_remove(struct ws *w, struct ws_entry *e);
/* Frees val, a value of e (current or from an undo record), unless it is
 * e's inline one, which goes with the node. */
void ws_val_free(const struct ws_entry *e, const uint8_t *val);

/* Undo log (store_savepoint.c), used by ws_set while w->nmarks > 0:
 * ws_undo_reserve makes room for one record (JET_errOutOfMemory), then
 * ws_undo_push, which cannot fail, records e's state before the change
 * (kind 0: e was just created). */
int ws_undo_reserve(struct ws *w);
void ws_undo_push(struct ws *w, struct ws_entry *e, uint8_t kind, const uint8_t *val, uint32_t vlen);
/* Frees the undo log (transaction end). */
void ws_undo_free(struct ws *w);

/* Shared helpers (store.c). */
int store_err_from_os(int oserr);
/* The sticky failed state's error, or 0. */
int store_check_failed(store *s);
/* Bytes of log from the start of generation 1 to lsn (for volume checks). */
uint64_t store_log_bytes(const store *s, lsn_t lsn);
/* Database size limits (store_space.c).  space_check: before a put of
 * `bytes` (key + value) into db's tree, JET_errOutOfDatabaseSpace when the
 * transaction's commit could take db past its maximum; 0 at once when db has
 * none.  space_commit_check: the same for the whole write set, under the
 * exclusive latch, before anything is applied. */
int space_check(store_txn *t, store_db *db, uint32_t tree, uint32_t bytes);
int space_commit_check(store_txn *t);
/* Attaches a database during recovery or normally, without logging. */
int store_db_open_slot(store *s, int dbid, const char *path, unsigned flags, uint32_t max_pages,
                       store_db **out);
void store_db_free(store_db *db);
/* Applies one put/delete to a tree (upsert / delete if present). */
int store_apply_op(store_db *db, uint8_t kind, uint32_t tree, const uint8_t *key, uint32_t klen,
                   const uint8_t *val, uint32_t vlen);
/* Runs a checkpoint; the caller holds ckpt_mutex.  clean: the final
 * checkpoint of a close (marks it clean in edb.chk). */
int store_checkpoint_locked(store *s, int clean);
/* Version store and locks (store_version.c). */
int vs_init(store *s);
void vs_free(store *s);
/* Registers a new transaction: its snapshot is the current csn. */
void vs_txn_begin(store *s, store_txn *t);
/* Unregisters it and releases its locks; collects the versions no open
 * transaction needs any more (takes the exclusive latch when there are
 * some; latch_held: the caller holds it already). */
void vs_txn_end(store *s, store_txn *t, int latch_held);
/* The write-conflict check of a change (write 1) or a read lock (write 0)
 * of (db, tree, key) by t, registering the lock: JET_errWriteConflict,
 * JET_errVersionStoreOutOfMemory (estimate: the version bytes a change may
 * cost at commit), JET_errOutOfMemory. */
int vs_lock(store_txn *t, int dbid, uint32_t tree, const void *key, uint32_t klen, int write,
            uint64_t estimate);
/* The oldest version of the key newer than snapshot, or NULL (the latch
 * is held, shared or exclusive). */
const struct vs_version *vs_visible(store *s, int dbid, uint32_t tree, const void *key, uint32_t klen,
                                    uint64_t snapshot);
/* For cursors: the key of (dbid, tree) that dir names relative to key
 * (BT_SEEK_*), or the edge (key NULL: first for dir GE, last for LE),
 * among the keys with a version newer than snapshot; *v gets that version.
 * NULL when none.  Latch held. */
struct ws_entry *vs_seek(store *s, int dbid, uint32_t tree, const void *key, uint32_t klen, int dir,
                         uint64_t snapshot, const struct vs_version **v);
/* Whether any version is newer than snapshot (latch held). */
static inline int vs_any_newer(const store *s, uint64_t snapshot)
{
    return s->vs_newest > snapshot;
}
/* Commit, under the exclusive latch: takes the next csn and tells whether
 * before-images must be recorded (another transaction is open). */
uint64_t vs_commit_csn(store *s, int *record);
/* Records the committed value of (db, tree, key) before commit csn
 * (reads the tree); escrow: the commit only adds escrow deltas there.
 * JET_errOutOfMemory or a read error. */
int vs_record(store *s, store_db *db, uint32_t tree, const void *key, uint32_t klen, uint64_t csn,
              int escrow);
/* Whether a transaction other than t (t may be NULL) holds a write or
 * escrow lock on the key: it has changed it and not committed yet. */
int vs_changed_by_other(store *s, const store_txn *t, int dbid, uint32_t tree, const void *key, uint32_t klen);
/* Takes back every version of csn (a commit failing before it applied). */
void vs_unrecord(store *s, uint64_t csn);
/* Drops the versions of one tree (tree 0: of the whole database), when the
 * tree is dropped or the database detached; exclusive latch held. */
void vs_purge(store *s, int dbid, uint32_t tree);

/* Escrow (store_escrow.c, with the lock side in store_version.c). */
/* Adds the deltas (n of them, struct esc_delta, possibly unaligned) to
 * val; deltas outside vlen are skipped. */
void esc_apply(const uint8_t *deltas, uint32_t n, uint8_t *val, uint32_t vlen);
/* Commit, exclusive latch held: every WS_ESCROW entry becomes a WS_PUT of
 * the latest committed value plus its deltas (a WS_DELETE if the record
 * is gone).  JET_errOutOfMemory or a read error. */
int esc_resolve(store_txn *t);
/* Savepoint rollback: puts back the NoRollback deltas it undid, and
 * resynchronizes the transaction's escrow locks with its write set. */
void esc_after_rollback(store_txn *t);
/* Transaction end without commit: commits the NoRollback deltas as a
 * transaction of their own; frees the list. */
void esc_keep_flush(store *s, store_txn *t, int apply);
/* Escrow locks: room for one more delta in t's escrow lock on the key
 * (which vs_lock took): JET_errOutOfMemory.  Then vs_escrow_note, which
 * cannot fail, returns the "stored" value ESE reports before the delta -
 * cur (the latest committed value's bytes) plus every open transaction's
 * pending deltas there - and records d in t's lock.  Shared latch held. */
int vs_escrow_reserve(store_txn *t, int dbid, uint32_t tree, const void *key, uint32_t klen);
int64_t vs_escrow_note(store_txn *t, int dbid, uint32_t tree, const void *key, uint32_t klen,
                       const struct esc_delta *d, const uint8_t *cur, uint32_t curlen);
/* Sets each of t's escrow locks' deltas to those of its write-set entry. */
void vs_escrow_resync(store_txn *t);

/* Recovery (store_recover.c): replays the log from edb.chk's checkpoint. */
int store_recover(store *s, lsn_t log_end);

#endif /* ESENT_STORE_INT_H */
