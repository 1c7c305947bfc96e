/*
 * lv.h - long values: LongText / LongBinary column values stored outside
 * the record ("separated" LVs), as ESENT does, in one B-tree per table
 * (the table's "LV tree", a store tree made by store_tree_create).  The
 * record holds only the LV's id (LID); the layer above decides which values
 * to separate and keeps the LIDs in its records.
 *
 * Format (docs/format.md, "Long values", says the same):
 *
 *   root record   key = be32(LID)              (4 bytes)
 *                 value = u64 size | u32 flags (12 bytes, little-endian;
 *                 flags are reserved and must be 0)
 *   chunk         key = be32(LID) | be32(off)  (8 bytes)
 *                 value = the LV's bytes [off, off + len)
 *   LID counter   key = be32(0)                (4 bytes, LID 0 is reserved)
 *                 value = u32 last LID handed out by lv_alloc_lid
 *
 * Keys are big-endian so the B-tree's memcmp order is (LID, offset): an
 * LV's root sorts just before its chunks, and its chunks in offset order.
 * Every chunk starts at a multiple of C = lv_chunk_size(page size) and
 * holds exactly min(C, size - off) bytes: an LV of n bytes has exactly
 * ceil(n / C) chunks, at offsets 0, C, 2C, ...; an empty LV has only its
 * root.  C is chosen so that a chunk cell (8-byte key + C bytes) is exactly
 * bt_cell_max(), the largest leaf cell: two chunks fill a leaf page.
 *
 * Sizes: an LV holds at most LV_SIZE_MAX (JET_cbLVColumnMost, 2 GiB - 1)
 * bytes.  As in ESENT's JetSetColumn, one buffer larger than that is
 * JET_errInvalidParameter, and an operation whose result would be larger is
 * JET_errColumnTooBig.
 *
 * Transactions: every change goes through store_txn_put/delete, so it is
 * part of the caller's transaction: invisible to others and durable only
 * when it commits, gone when it rolls back.  Reads go through
 * store_txn_get, so a transaction sees its own changes on top of committed
 * data.  A read of many chunks is not a snapshot: a commit by another
 * transaction between two chunk reads shows (snapshot isolation is the
 * version store's job, above).  The write set lives in memory until commit,
 * so a transaction that writes n bytes of LV holds about n bytes of memory.
 *
 * Failure: a call that writes bytes (create, write, append, growing) first
 * reads everything it needs (the root and at most the two partly
 * overwritten chunks), then makes its changes, the root last; so an I/O
 * error or a damaged LV found on the way changes nothing.  What can leave a
 * call half done is running out of memory while adding to the write set,
 * or an I/O error in the existence check store_txn_delete makes for each
 * chunk it deletes (lv_delete, shrinking).  The caller must then roll the
 * transaction back: the store has no savepoints to undo just the call.
 *
 * Damage found while reading (a missing chunk, a chunk or root of the wrong
 * length, a reserved flag set) is JET_errLVCorrupted, never a crash.
 *
 * LIDs are chosen by the caller (lv_create) or by lv_alloc_lid, which keeps
 * the counter record.  See lv_alloc_lid for the concurrency rule.
 *
 * Threads: as the store: a transaction is used by one thread at a time.
 */
#ifndef ESENT_LV_H
#define ESENT_LV_H

#include <stdint.h>

#include "store.h"

#define LV_SIZE_MAX 0x7FFFFFFFu /* JET_cbLVColumnMost */
#define LV_LID_COUNTER 0u        /* reserved: the counter record's key */
#define LV_KEY_ROOT 4u           /* key length of a root record */
#define LV_KEY_CHUNK 8u          /* key length of a chunk */
#define LV_ROOT_LEN 12u          /* value length of a root record */
#define LV_COUNTER_LEN 4u        /* value length of the counter record */

/* The chunk size C for a database page size: bt_cell_max(page_size) - 8.
 * 2014, 4062, 8158, 16350 bytes for 4, 8, 16, 32 KiB pages. */
uint32_t lv_chunk_size(uint32_t page_size);

/* Every function below takes the transaction, the database and the LV
 * tree's root.  lid 0 is JET_errInvalidParameter (reserved).  A LID with
 * no root record is JET_errRecordNotFound (the layer above maps it). */

/* Creates LV lid holding cb bytes of data (cb may be 0: an empty LV).
 * JET_errKeyDuplicate if lid exists. */
int lv_create(store_txn *t, store_db *db, uint32_t tree, uint32_t lid, const void *data,
              uint32_t cb);
/* Deletes the LV: its root and all its chunks.  A chunk that is already
 * missing (a damaged LV) is skipped, so a damaged LV can still be deleted. */
int lv_delete(store_txn *t, store_db *db, uint32_t tree, uint32_t lid);
/* The LV's size in bytes. */
int lv_size(store_txn *t, store_db *db, uint32_t tree, uint32_t lid, uint64_t *size);
/* Copies up to cb bytes from offset into buf; *got gets the number copied:
 * min(cb, size - offset), 0 when offset >= size (not an error, as
 * JetRetrieveColumn's ibLongValue past the end). */
int lv_read(store_txn *t, store_db *db, uint32_t tree, uint32_t lid, uint64_t offset, void *buf,
            uint32_t cb, uint32_t *got);
/* Overwrites cb bytes at offset, growing the LV if offset + cb > size.
 * offset may be at most the size (offset == size appends); beyond it is
 * JET_errColumnNoChunk, as ESENT's JET_bitSetOverwriteLV (pad first with
 * lv_set_size if a gap is wanted).  Only the chunks in [offset, offset+cb)
 * are rewritten, and a chunk wholly overwritten is not read first. */
int lv_write(store_txn *t, store_db *db, uint32_t tree, uint32_t lid, uint64_t offset,
             const void *buf, uint32_t cb);
/* Appends cb bytes (JET_bitSetAppendLV). */
int lv_append(store_txn *t, store_db *db, uint32_t tree, uint32_t lid, const void *buf,
              uint32_t cb);
/* Sets the size (JET_bitSetSizeLV): shrinking deletes the chunks past the
 * new end and shortens the last one; growing pads with zero bytes. */
int lv_set_size(store_txn *t, store_db *db, uint32_t tree, uint32_t lid, uint64_t size);

/* A new LID: one more than the largest of the counter record (as this
 * transaction sees it) and the largest LID in the committed tree; the
 * counter record is updated in the transaction.  So LIDs are never reused
 * once a transaction that allocated them committed, and an LV made with a
 * caller-chosen LID that was committed is never collided with.
 * JET_errOutOfLongValueIDs after LID 0xFFFFFFFF.
 * Concurrency: the counter record is one key, so two open transactions
 * allocating LIDs this way write-conflict (JET_errWriteConflict).  The Jet
 * layer does not use it: it hands out LIDs from an in-memory counter per
 * table seeded by lv_lid_seed and calls lv_create, so concurrent LV
 * writers never touch a common key. */
int lv_alloc_lid(store *s, store_txn *t, store_db *db, uint32_t tree, uint32_t *lid);
/* The largest LID ever handed out as far as the committed tree knows: the
 * larger of lv_last_lid and the counter record (0 if neither). */
int lv_lid_seed(store *s, store_db *db, uint32_t tree, uint32_t *last);
/* The largest LID in the committed tree (0 if there is none). */
int lv_last_lid(store *s, store_db *db, uint32_t tree, uint32_t *lid);

struct lv_stats {
    uint64_t lvs;        /* root records */
    uint64_t chunks;     /* chunk records */
    uint64_t bytes;      /* sum of the LVs' sizes */
    uint32_t max_lid;    /* largest LID, 0 if none */
    uint32_t counter;    /* the counter record's value, 0 if none */
};
/* Checks the committed tree: bt_verify, then the LV format above: a valid
 * root before each LV's chunks, the chunks complete, at the right offsets
 * and of the right lengths, no chunk without its root, the counter record
 * (if any) first and well formed.  0, bt_verify's JET_errDatabaseCorrupted
 * or JET_errLVCorrupted (with an ERR trace); st may be NULL.  Holds the
 * store's read latch for the whole walk. */
int lv_verify(store *s, store_db *db, uint32_t tree, struct lv_stats *st);

#endif /* ESENT_LV_H */
