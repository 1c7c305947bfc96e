/*
 * store.h - the transactional storage engine of one ESENT instance: its
 * log, its attached databases, atomic durable commits, checkpoints and
 * crash recovery, and snapshot isolation between its transactions (the
 * version store, store_version.c).  The Jet layer's catalog, records and
 * cursors are built on this interface and on btree.h (for reading).
 *
 * Design: deferred update with a redo-only log.
 *
 *  - A transaction's changes (put/delete of (key, value) in a B-tree) are
 *    kept in its write set, in memory, until it commits.  The B-trees, and
 *    so the pages, only ever hold committed data.  Rolling back is dropping
 *    the write set; nothing uncommitted ever reaches a page, so recovery
 *    never needs undo.
 *  - Commit, under the store's exclusive latch: apply the write set to the
 *    B-trees (in the cache), then append it to the log as one group of
 *    records ending in a commit mark.  Latch released; a durable commit then
 *    waits for log_flush (group commit); a lazy one returns.  Apply comes
 *    first so that a commit that fails while applying (I/O error reading a
 *    page, out of memory) leaves no log record: the store then refuses all
 *    further work ("failed" state, JET_errInstanceUnavailable) and a restart
 *    recovers the last good state from disk and log.
 *  - Checkpoint (serialized, see store_checkpoint; with cfg.checkpoint_thread
 *    the ones commits trigger run on a background thread): under the latch,
 *    take every dirty page of every database as an image (pager_snapshot_take:
 *    sealed in place, kept copy-on-write) and note X = the log end; append CKPT_BEGIN(X), then the page images, then CKPT_END,
 *    and flush the log; then write the pages in place and sync each file;
 *    then write edb.chk pointing at CKPT_BEGIN.  Commits go on meanwhile.
 *  - Recovery (store_open): from the checkpoint in edb.chk, find the last
 *    complete image set (BEGIN..END); write its images in place (this
 *    repairs any page torn by an interrupted in-place write; rewriting is
 *    harmless), and replay every complete commit group after its X in log
 *    order.  A group cut off by the crash is ignored.  Then checkpoint.
 *
 * Durability argument, in order:
 *   1. A durable commit returns only after log_flush covered its group.
 *   2. A page is written in place only after the log holding its image was
 *      flushed (step order of the checkpoint), and edb.chk moves forward
 *      only after those in-place writes were synced.
 *   3. So after a crash, the file pages plus the images after edb.chk's
 *      checkpoint give exactly the state at some X, and the log after X
 *      holds every commit made after X that was flushed: replaying them
 *      gives every durable commit and nothing uncommitted (groups without
 *      their commit mark are skipped).  Replay applies groups from a state
 *      rebuilt from images, so a crash during recovery just starts it over.
 *   4. Names are durable too (os_path_sync_dir; a no-op on Win32).  A new
 *      log generation's edbtmp.log is synced, renamed into place (the old
 *      edb.log to its archive name first) and the folder synced before the
 *      generation is opened, so no commit acknowledged from it can sit in
 *      a file whose name a power loss takes back.  A new edb.chk is synced
 *      and then its folder before the checkpoint counts as done (older log
 *      generations may be released after it).  A new database file's
 *      header is synced and then its folder before it is attached.  Removing old generations is not
 *      synced: a generation that comes back is below the checkpoint and
 *      recovery ignores it (or circular logging reuses it as a spare).
 *
 * With recovery off (JET_paramRecovery "off") there is no log: a checkpoint
 * writes dirty pages in place, and a database not closed cleanly is
 * reported as JET_errDatabaseDirtyShutdown when attached again, as ESENT
 * does.
 *
 * Threads: any thread.  Readers take store_read_begin/end (shared latch)
 * around B-tree reads; commits and checkpoints take it exclusively for the
 * short apply/copy steps only.
 */
#ifndef ESENT_STORE_H
#define ESENT_STORE_H

#include <stdint.h>

#include "btree.h"
#include "os.h"
#include "pager.h"

typedef struct store store;
typedef struct store_db store_db;
typedef struct store_txn store_txn;

#define STORE_MAX_DBS 7  /* 6 user databases + the temp database, as ESENT */

struct store_config {
    os_vfs *vfs;
    const char *log_dir;      /* JET_paramLogFilePath ("" = current folder) */
    const char *system_dir;   /* JET_paramSystemPath: where edb.chk lives */
    const char *basename;     /* JET_paramBaseName, "edb" */
    uint32_t log_file_size;   /* bytes (JET_paramLogFileSize is in KiB) */
    uint32_t log_buffer_size; /* bytes */
    int recovery;             /* 0: JET_paramRecovery "off", no wal */
    int circular_log;         /* JET_paramCircularLog */
    uint32_t page_size;       /* JET_paramDatabasePageSize */
    uint32_t cache_pages;     /* buffer cache size per database, pages */
    uint32_t extend_pages;    /* JET_paramDbExtensionSize */
    uint64_t checkpoint_bytes;/* checkpoint after this much log (JET_paramCheckpointDepthMax) */
    uint64_t max_version_bytes;/* version store limit (JET_paramMaxVerPages x 16 KiB); 0: none */
    int checkpoint_thread;    /* 1: checkpoints that commits trigger run on a
                                 background thread (store.c, "checkpoints") */
    const char *alt_db_dir;   /* JET_paramAlternateDatabaseRecoveryPath: NULL or
                                 "": recovery opens each database at the path
                                 the log recorded; else the file of that name
                                 in this folder (logs moved to another system,
                                 e.g. between the DLL and the native build) */
};

/* Opens the instance's store: opens (or creates) the log and runs recovery
 * if the last run did not end cleanly.  Databases that recovery needed are
 * detached again at the end, as ESENT does. */
int store_open(const struct store_config *cfg, store **out);
/* Checkpoints, marks every attached database cleanly shut down, detaches
 * them and closes the log.  A store in the failed state is closed without
 * writing anything (the next open recovers). */
int store_close(store *s);
/* Closes without any write, as a killed process would (for tests). */
void store_abandon(store *s);

enum {
    STORE_DB_CREATE = 0x1,    /* make a new file */
    STORE_DB_OVERWRITE = 0x2, /* with CREATE: replace an existing one */
    STORE_DB_READONLY = 0x4,
    STORE_DB_NOLOG = 0x8      /* temp database: never logged, never recovered */
};
/* Attaches (and with STORE_DB_CREATE creates) a database file.  Errors as
 * pager_open, plus JET_errDatabaseDirtyShutdown, JET_errTooManyAttachedDatabases,
 * JET_errDatabaseDuplicate (already attached). */
int store_db_attach(store *s, const char *path, unsigned flags, store_db **out);
/* The same with a maximum size of max_pages pages (0: none), which a new
 * file's first extension already respects (store_db_set_max_pages). */
int store_db_attach_max(store *s, const char *path, unsigned flags, uint32_t max_pages, store_db **out);
/* Checkpoints the database, marks it clean and closes it. */
int store_db_detach(store *s, store_db *db);
pager *store_db_pager(store_db *db);
/* The database's maximum size in pages (0: none; not kept in the file).
 * Changes that could take the database past it fail with
 * JET_errOutOfDatabaseSpace where they are made (store_txn_put, before
 * entering the write set), a commit that no longer fits fails with it
 * before applying anything (the transaction is rolled back), and so does
 * store_tree_create without a page left.  The check is an estimate
 * (store_space.c): committed data is never put at risk by it, and a
 * database may end a few pages past its maximum.  A smaller maximum
 * than the current size refuses further growth. */
void store_db_set_max_pages(store_db *db, uint32_t pages);
uint32_t store_db_max_pages(store_db *db);
/* JET_errOutOfDatabaseSpace when db has a maximum and no page left below
 * it (store_space.c); the latch is held. */
int store_db_space_for_tree(store_db *db);
/* The database's slot in the store, 0 .. STORE_MAX_DBS - 1. */
int store_db_slot(const store_db *db);
uint32_t store_db_page_size(store_db *db);
const char *store_db_path(store_db *db);

/* What a database file's header says, read without attaching it
 * (JetGetDatabaseFileInfo).  Errors as pager_open. */
struct store_db_info {
    uint32_t page_size, page_count, state; /* state: JET_dbstate* */
    uint64_t file_size, create_time;        /* bytes; seconds since 1970 */
    uint8_t signature[16];
};
int store_db_probe(os_vfs *vfs, const char *path, struct store_db_info *info);

/* Grows a database file that is not attached to `pages` pages (nothing
 * when it is that large already; never shrinks), *result its size after
 * (pager_owned_pages).  JET_errDatabaseDirtyShutdown when its header says
 * it needs recovery; otherwise errors as pager_open and pager_resize. */
int store_db_set_size(os_vfs *vfs, const char *path, uint32_t pages, uint32_t *result);

/* Trees are created and dropped outside transactions, each as its own small
 * atomic commit (the Jet layer drops a tree whose creating transaction
 * rolled back). */
int store_tree_create(store *s, store_db *db, uint32_t *root);
int store_tree_drop(store *s, store_db *db, uint32_t root);
/* The database's catalog tree (created with the database). */
uint32_t store_db_catalog(store_db *db);

/* Shared latch around B-tree reads (bt_get, cursors). */
void store_read_begin(store *s);
void store_read_end(store *s);

/* Transactions and isolation (docs/engine.md, "Version store and
 * isolation"; engine/store/store_version.c).
 *
 * A transaction reads a snapshot: the committed state when it began
 * (commits are numbered; its snapshot is the number of commits then), with
 * its own write set laid over it.  Commits made after it began stay
 * invisible to it: their before-images are kept in memory (the version
 * store) while some open transaction may need them.  Reads without a
 * transaction (a NULL txn on cursors) see the latest committed state.
 *
 * Writes conflict, "first updater wins": store_txn_put, _delete and _lock
 * fail with JET_errWriteConflict when another open transaction holds a
 * lock on the same (db, tree, key) (every put and delete takes a write
 * lock, held until the transaction ends, savepoint rollback included), or
 * when a commit the transaction cannot see (made after its snapshot)
 * changed that key.  Escrow updates (store_txn_escrow) take escrow locks,
 * which coexist with each other only.  With another transaction open, a
 * change that would
 * take the version store past cfg.max_version_bytes fails with
 * JET_errVersionStoreOutOfMemory.  The version store and the locks are
 * memory only; after a crash no transaction is open and none is needed. */
int store_txn_begin(store *s, store_txn **out);
/* Adds a change to the write set.  mode: BT_UPSERT, BT_INSERT_ONLY
 * (JET_errKeyDuplicate when the key exists in the tree or the write set),
 * BT_REPLACE_ONLY (JET_errRecordNotFound when it exists in neither).  Key
 * and value sizes are checked here (JET_errKeyTooBig, JET_errRecordTooBig),
 * so commit never meets a bad size. */
int store_txn_put(store_txn *t, store_db *db, uint32_t tree, const void *key, uint32_t klen,
                  const void *val, uint32_t vlen, unsigned mode);
/* Or'ed into store_txn_put's mode: the caller knows the key is new (a long
 * value growing), so the change is charged to the version store limit as
 * an insert (no before-image) without the existence check of
 * BT_INSERT_ONLY. */
#define STORE_PUT_FRESH 0x100u
/* JET_errRecordNotFound when the key exists in neither. */
/* (put and delete: JET_errWriteConflict, JET_errVersionStoreOutOfMemory, above) */
int store_txn_delete(store_txn *t, store_db *db, uint32_t tree, const void *key, uint32_t klen);
/* Reads through the write set, then the tree (takes the shared latch). */
int store_txn_get(store_txn *t, store_db *db, uint32_t tree, const void *key, uint32_t klen,
                  void *buf, uint32_t bufsize, uint32_t *vlen);
/* Escrow update (store_escrow.c): adds delta to the width-byte (4 or 8)
 * little-endian integer at offset off of the value of an existing key,
 * wrapping around.  Escrow updates of several open transactions on one key
 * do not conflict (each takes an escrow lock); they conflict with other
 * transactions' puts, deletes and locks of the key either way round
 * (JET_errWriteConflict), and with a commit after the snapshot that did
 * more to the key than escrow updates.  The transaction reads its snapshot with its own deltas
 * added; the commit adds them to the latest committed value (logged as an
 * ordinary put).  *old (may be NULL) gets ESE's "stored" value before this
 * delta: the latest committed value plus the deltas of every open
 * transaction (the transaction's own value when it put the key itself).
 * STORE_ESCROW_NO_ROLLBACK: neither savepoint rollback nor abort undoes
 * the delta (an abort commits such deltas on their own, lazily).
 * JET_errRecordNotFound (no such key, or deleted by the transaction),
 * JET_errInvalidParameter (width, or off + width past the value),
 * JET_errPermissionDenied (read-only database), JET_errOutOfMemory,
 * JET_errVersionStoreOutOfMemory. */
enum { STORE_ESCROW_NO_ROLLBACK = 0x1 };
int store_txn_escrow(store_txn *t, store_db *db, uint32_t tree, const void *key, uint32_t klen,
                     uint32_t off, uint32_t width, int64_t delta, unsigned flags, int64_t *old);
/* Takes a lock on (db, tree, key) without changing it (JetGetLock, unique
 * index keys): write 1 a write lock, 0 a read lock (read locks of several
 * transactions coexist; a write conflicts with them).  The key need not
 * exist.  JET_errWriteConflict as a put; held until the transaction ends. */
int store_txn_lock(store_txn *t, store_db *db, uint32_t tree, const void *key, uint32_t klen, int write);
/* Whether another open transaction than t (NULL: any) has changed (db,
 * tree, key) and not committed yet: it holds a write or escrow lock on it
 * (JetGetCursorInfo's JET_errWriteConflict).  Takes nothing. */
int store_key_changed_by_other(store *s, const store_txn *t, store_db *db, uint32_t tree, const void *key,
                               uint32_t klen);
/* store_txn_get over the latest committed state instead of the snapshot
 * (counters that other transactions commit). */
int store_txn_get_latest(store_txn *t, store_db *db, uint32_t tree, const void *key, uint32_t klen,
                         void *buf, uint32_t bufsize, uint32_t *vlen);
/* Bytes held by the write set (for version-store limits above). */
uint64_t store_txn_size(const store_txn *t);
/* The transaction's snapshot: the number of commits made before it began. */
uint64_t store_txn_snapshot(const store_txn *t);
/* The store the transaction belongs to. */
store *store_txn_store(const store_txn *t);
/* The number of commits so far (the snapshot a transaction beginning now
 * would read), without a lock.  A reader that notes it before reading the
 * latest committed state knows that state is still the latest while the
 * number has not changed (the Jet layer's record cache at level 0). */
uint64_t store_commits(store *s);
/* Memory held by the version store (0 once no transaction is open). */
uint64_t store_version_bytes(store *s);
/* Open transactions. */
uint32_t store_open_txns(store *s);

/* Savepoints, for nested Jet transactions (levels 2..7).  A savepoint
 * marks the write set's state; they nest (last in, first out).
 * store_txn_savepoint pushes one (JET_errOutOfMemory); _release pops the
 * newest and keeps its changes (commit of an inner level: they now belong
 * to the level below); _rollback undoes every put and delete made since
 * the newest savepoint, exactly (a key put, replaced, deleted since reads
 * as it did at the savepoint), and pops it.  Rollback cannot fail.  Both
 * are no-ops without a savepoint.  The cost of a change made while a
 * savepoint exists is one undo record (the entry's previous state). */
int store_txn_savepoint(store_txn *t);
void store_txn_savepoint_release(store_txn *t);
void store_txn_savepoint_rollback(store_txn *t);
/* Number of savepoints pushed and not yet popped. */
uint32_t store_txn_savepoints(const store_txn *t);

/* Cursors over one tree as a transaction sees it: the committed tree at
 * its snapshot (the version store's before-images merged in) with the
 * transaction's write set laid over it (its puts added or replacing
 * the committed value, its deletes hidden), in key order (key_compare /
 * memcmp order, as btree.h).  Every call takes the transaction to merge,
 * which may be NULL (committed data only) and may differ from call to call
 * (the Jet layer passes the session's current transaction: a cursor
 * outlives transactions).  Each call takes the store's shared latch
 * itself; changes made between calls (own puts, other commits) are seen by
 * the next call, which continues from the cursor's key, as bt cursors do.
 *
 * Position: before-first, after-last, on an entry (its key and value are
 * copied into the cursor), or at a gap left by a seek that found nothing
 * (JET_errRecordNotFound): the cursor then remembers the sought key, and
 * next moves to the first entry > that key, prev to the last entry < it.
 * If the current entry is deleted (by the transaction or a commit), the
 * cursor keeps its key: next/prev continue from there and
 * store_cursor_get still returns the copy it made. */
typedef struct store_cursor store_cursor;
int store_cursor_open(store *s, store_db *db, uint32_t tree, store_cursor **out);
/* latest 1: the cursor lays the transaction's write set over the latest
 * committed state instead of its snapshot (uniqueness checks, counters
 * seeded from a tree).  0 by default. */
void store_cursor_set_latest(store_cursor *c, int latest);
void store_cursor_close(store_cursor *c);
/* dir: BT_SEEK_GE/GT/LE/LT; *exact (may be NULL) as bt_seek.
 * JET_errRecordNotFound when there is no such entry. */
int store_cursor_seek(store_cursor *c, store_txn *t, const void *key, uint32_t klen, int dir,
                      int *exact);
/* JET_errNoCurrentRecord when there is no entry or the move runs off an
 * end (then before-first / after-last, as bt_first..bt_prev). */
int store_cursor_first(store_cursor *c, store_txn *t);
int store_cursor_last(store_cursor *c, store_txn *t);
int store_cursor_next(store_cursor *c, store_txn *t);
int store_cursor_prev(store_cursor *c, store_txn *t);
/* The entry the cursor is on (the copies made when it moved there; valid
 * until the next call on the cursor).  JET_errNoCurrentRecord when not on
 * an entry (before-first, after-last, at a gap). */
int store_cursor_get(const store_cursor *c, const uint8_t **key, uint32_t *klen,
                     const uint8_t **val, uint32_t *vlen);

enum {
    STORE_COMMIT_LAZY = 0x1 /* JET_bitCommitLazyFlush: do not wait for the disk */
};
/* Commits and frees the transaction (also on failure). */
int store_txn_commit(store_txn *t, unsigned flags);
/* The same, telling the commit's number (*csn; 0 when the write set was
 * empty: nothing was committed).  Commits are serialized in this order. */
int store_txn_commit_csn(store_txn *t, unsigned flags, uint64_t *csn);
/* Drops the write set and frees the transaction. */
void store_txn_abort(store_txn *t);

/* Makes every commit so far durable (JET_bitWaitAllLevel0Commit). */
int store_flush(store *s);
/* Starts a new log generation (JET_bitForceNewLog); 0 without a log. */
int store_roll_log(store *s);
/* The 16-byte signature of the instance's log set, or NULL when it runs
 * without a log (JET_paramRecovery "off"). */
const uint8_t *store_log_signature(store *s);
/* Runs a checkpoint now (normally triggered by log volume or dirty pages). */
int store_checkpoint(store *s);
/* Verifies the trees the caller names (bt_verify), the free list, and the
 * space accounting: every page is the header, on the free list, or in
 * exactly one named tree (JET_errDatabaseCorrupted otherwise; a page in no
 * tree is reported as leaked). */
int store_db_verify(store *s, store_db *db, const uint32_t *roots, uint32_t nroots);

struct store_stats {
    uint64_t commits, durable_commits, checkpoints, recovered_groups, log_bytes;
};
void store_get_stats(store *s, struct store_stats *st);

#endif /* ESENT_STORE_H */
