/*
 * jet_table.h - what the table files of the Jet API layer share: table
 * handles (ESE's cursors, "FUCBs"), the schema a cursor works with, the
 * cursor's position, its prepared update, and the data layout of tables in
 * the store.  table.c (open/close/create/delete), ddl.c (columns and
 * indexes), cursor.c (navigation, keys, ranges, bookmarks), update.c
 * (prepare/set/update/delete), retrieve.c (reading columns), indexkeys.c
 * (a record's index entries) and info.c (Get*Info) use it.
 *
 * Layout in the store (docs/format.md, "Tables"):
 *  - a table's clustered tree (cat_table.data_root) holds its records,
 *    keyed by the primary index key (key.h's normalized key) or, for a
 *    table without a primary index, by a 4-byte big-endian sequence number
 *    (ESE's DBK), counted from 1 per table.  The key is the record's
 *    bookmark (JetGetBookmark).
 *  - a secondary index's tree holds one entry per index key of a record:
 *    B-tree key = index key || primary bookmark (so duplicates are ordered
 *    by bookmark, as ESE orders them), value = the bookmark's length, u16
 *    little-endian (tbl_sec_value / tbl_sec_split).  The B-tree's key
 *    limit is twice ESE's largest index key, so an index key and a
 *    bookmark both at their cbKeyMost fit in one entry.
 *  - long values in the table's LV tree (engine/lv), referenced from the
 *    record (rec.h).
 *
 * Visibility: a cursor reads through its session's transaction (the
 * store's write set over the committed trees, store_cursor); at level 0 it
 * reads committed data.  Writes at level 0 run in an implicit transaction
 * per JetUpdate / JetDelete, committed lazily as ESE does.  A cursor keeps
 * a copy of its current record: inside a transaction it is valid until
 * the session writes the table or the level changes; at level 0 also only
 * while the store's commit count (store_commits) is the one noted before
 * the copy was read, so that every read sees the latest commit.
 *
 * Schema: each cursor holds its own copy of its table's schema (struct
 * tbl_schema), read through the session's transaction, so a session sees
 * its own uncommitted DDL.  Every DDL call and every commit or rollback of
 * a transaction that made DDL bumps the instance's schema generation; a
 * cursor whose copy is older reloads it before its next operation.
 *
 * Threads: a cursor belongs to its session, which one thread at a time
 * uses (session_enter).  What sessions share per table (the sequence and
 * autoincrement counters) lives in struct tbl_shared under its mutex.
 */
#ifndef ESENT_JET_TABLE_H
#define ESENT_JET_TABLE_H

#include <assert.h>
#include <stdint.h>

#include "cat.h"
#include "jet_private.h"
#include "key.h"
#include "rec.h"
#include "store.h"

#define TBL_DBK_SIZE 4u            /* bookmark of a table without primary index */
#define TBL_BOOKMARK_MAX (KEY_BUF_MAX) /* a primary key or a DBK */

/* A secondary index entry's value: the length of the primary bookmark that
 * ends the entry's key, u16 little-endian. */
#define TBL_SEC_VALUE_SIZE 2u

static inline void tbl_sec_value(uint32_t bmlen, uint8_t v[TBL_SEC_VALUE_SIZE])
{
    assert(bmlen && bmlen <= TBL_BOOKMARK_MAX);
    v[0] = (uint8_t)bmlen;
    v[1] = (uint8_t)(bmlen >> 8);
}

/* The bookmark length of a secondary entry with a klen-byte key and value
 * v: its index key is the first klen - *bmlen bytes of the key, the
 * bookmark the rest.  JET_errDatabaseCorrupted if v is not such a value. */
static inline JET_ERR tbl_sec_split(uint32_t klen, const uint8_t *v, uint32_t vlen, uint32_t *bmlen)
{
    uint32_t n;
    if (vlen != TBL_SEC_VALUE_SIZE) return JET_errDatabaseCorrupted;
    n = v[0] | (uint32_t)v[1] << 8;
    if (!n || n > klen || n > TBL_BOOKMARK_MAX || klen - n > KEY_BUF_MAX) return JET_errDatabaseCorrupted;
    *bmlen = n;
    return 0;
}

/* One index of a table, with what making its keys needs. */
struct tbl_index {
    struct cat_index ci;
    struct key_index key;      /* key.locale points into ci */
};

/* A table's schema, as one cursor sees it. */
struct tbl_schema {
    struct cat_table tab;
    struct cat_column *cols;   /* by id; a derived table's template columns
                                * merged in; deleted ones included */
    struct rec_column *rcols;  /* the same columns for rec.h (parallel) */
    uint32_t ncols;
    struct rec_schema rs;
    struct tbl_index *idx;     /* by slot */
    uint32_t nidx;
    int primary;               /* index into idx; -1: sequential table */
};

/* Reads the schema of table objid through txn (which may be a temporary
 * one).  JET_errObjectNotFound if the table is gone. */
JET_ERR tbl_schema_load(store_txn *txn, store_db *db, uint32_t objid, struct tbl_schema *out);
void tbl_schema_free(struct tbl_schema *sch);
/* A live column by id or name (name: case-insensitive as the catalog);
 * NULL if none. */
const struct cat_column *tbl_column(const struct tbl_schema *sch, JET_COLUMNID id);
const struct cat_column *tbl_column_named(const struct tbl_schema *sch, const char *name);
/* An index by name; NULL if none. */
struct tbl_index *tbl_index_named(struct tbl_schema *sch, const char *name);

/* What sessions share about one table of one database. */
struct tbl_shared {
    struct tbl_shared *next;
    uint32_t objid;
    uint32_t refs;             /* open cursors */
    uint32_t seq_next;         /* next DBK; 0: not read from the tree yet */
    uint32_t lid_next;         /* next LID; 0: not seeded (lv_lid_seed) yet.
                                * In memory, so that concurrent LV writers do
                                * not all write one counter record */
    uint64_t autoinc_next;     /* next autoincrement value; 0: not loaded */
    uint64_t autoinc_limit;    /* values below are reserved in the catalog */
    struct jet_table *deny_read, *deny_write; /* JET_bitTableDeny* holders */
    JET_LS ls;                 /* JetSetLS(JET_bitLSTable) (ls.c), when ls_set */
    int ls_set;
};

/* Cursor positions. */
enum tbl_pos {
    POS_BEFORE_FIRST = 0,
    POS_AFTER_LAST,
    POS_ON,            /* on the entry with key t->key */
    POS_DELETED,       /* the current record was deleted: key kept */
    POS_GAP,           /* a seek found nothing: between entries at t->key */
    POS_FIRST_PENDING  /* JetSetCurrentIndex's deferred move to the first entry */
};

/* A table handle (a cursor). */
struct jet_table {
    JET_TABLEID handle;
    struct jet_session *ses;
    struct jet_table *next;    /* the session's cursors */
    int dbslot;                /* the database: inst->dbs[dbslot] */
    store_db *sdb;
    JET_GRBIT grbit;           /* JetOpenTable's */
    uint32_t objid;
    struct tbl_shared *shared;
    uint64_t schema_gen;
    struct tbl_schema sch;
    unsigned long trx_opened;  /* the session's level when opened */

    /* Current index and position. */
    int cur;                   /* index into sch.idx; -1: sequential order */
    store_cursor *sc;          /* over the current index's tree */
    uint32_t sc_tree;          /* the tree sc was opened on */
    enum tbl_pos pos;
    uint8_t key[KEY_BUF_MAX + TBL_BOOKMARK_MAX]; /* current entry's tree key */
    uint32_t klen;
    uint8_t bm[TBL_BOOKMARK_MAX]; /* primary bookmark of the current record */
    uint32_t bmlen;
    uint8_t *rec;              /* the current record (copy), reccap bytes */
    uint32_t reclen, reccap;
    int rec_valid;             /* rec holds the record at bm */
    uint64_t rec_commits;      /* store_commits() noted before rec was read:
                                * at level 0 the copy is stale once another
                                * commit happened (cursor_record) */
    uint64_t op_commits;       /* store_commits() at the start of the current
                                * navigation (ensure_sc), for take_entry */

    struct key_builder kb;     /* JetMakeKey */
    int range;                 /* an index range is set */
    JET_GRBIT range_grbit;     /* JET_bitRangeUpperLimit / Inclusive */
    uint8_t range_key[KEY_BUF_MAX];
    uint32_t range_len;

    /* Prepared update. */
    int prepared;              /* an update is prepared (prep says which) */
    unsigned long prep;        /* JET_prep* of the prepared update */
    uint8_t *copy;             /* the copy buffer, copycap bytes */
    uint32_t copycap;
    struct rec_builder rb;
    uint8_t prep_bm[TBL_BOOKMARK_MAX]; /* replace: the record being replaced */
    uint32_t prep_bmlen;
    uint32_t *new_lids;        /* LVs made for this update (deleted if cancelled) */
    uint32_t nnew_lids, new_lids_cap;
    store_txn *prep_txn;       /* level 0: the implicit transaction of the
                                * update, holding its LV writes */
    uint64_t autoinc_value;    /* set at prepare-insert (0: none) */
    int version_set;           /* the application set the version column
                                * (an insert may; update.c, stamp_version) */

    uint32_t temp_flags;       /* 0, or a temporary table's JET_bitTT* with
                                * the TEMP_* bits (temptable.c) */
    JET_LS ls;                 /* JetSetLS(JET_bitLSCursor) (ls.c), when ls_set */
    int ls_set;
};

/* ls.c: hands a cursor's local storage to the runtime callback
 * (JET_cbtypFreeCursorLS) as the cursor closes. */
void ls_cursor_closed(struct jet_table *t);

/* Resolves sesid and tableid and enters the session (session_enter):
 * JET_errInvalidSesid, JET_errInvalidTableId, JET_errSesidTableIdMismatch
 * (a cursor of another session).  Reloads the cursor's schema if DDL
 * happened since (JET_errObjectNotFound... if its table is gone).  Pair
 * with session_leave. */
JET_ERR table_enter(JET_SESID sesid, JET_TABLEID tableid, struct jet_session **s,
                    struct jet_table **t);
/* The transaction a cursor reads and writes through (NULL at level 0). */
store_txn *table_txn(const struct jet_table *t);
/* A read transaction for catalog and LV reads: the session's, or a new
 * empty one (*tmp set; free with store_txn_abort) at level 0. */
JET_ERR table_read_txn(struct jet_table *t, store_txn **txn, store_txn **tmp);
/* Bumps the instance's schema generation (after DDL, and after commit or
 * rollback of a transaction that made DDL). */
void table_schema_changed(struct jet_instance *inst);
/* Point read of (tree, key) as the cursor's session sees it. */
JET_ERR table_get(struct jet_table *t, uint32_t tree, const void *key, uint32_t klen, void *buf,
                  uint32_t bufsize, uint32_t *vlen);
/* Shared per-table state (under the instance lock while found/released). */
struct tbl_shared *table_shared_get(struct jet_instance *inst, int dbslot, uint32_t objid);
void table_shared_put(struct jet_instance *inst, int dbslot, struct tbl_shared *sh);
/* Frees the shared state of every table of a database being detached
 * (instance lock held, no cursor open). */
void table_shared_release_db(struct jet_instance *inst, int dbslot);
/* Closes every cursor of the session (JetEndSession) or those opened at a
 * level above `level` (rollback of that level closes them). */
void table_session_closed(struct jet_session *s);
void table_rollback_closes(struct jet_session *s, unsigned long level);
/* Closes one cursor (JetCloseTable without the handle checks). */
void table_close(struct jet_table *t);

/* ---- unicode.c ---------------------------------------------------------- */

/* The sort for Unicode key columns (key_index.unicode): the platform's
 * (LCMapStringEx) in the DLL, NULL natively (the portable sort).  Its
 * version string for cat_index_def.sort_version (NULL natively). */
key_unicode_fn table_unicode_sort(void);
/* mvunique.c: JET_bitSetUniqueNormalizedMultiValues.  JET_errMultiValuedDuplicate
 * if data (cb bytes; NULL: a NULL, never a duplicate) equals, once key-
 * normalized, another value of tagged column id in t's copy buffer than
 * value itag (0: none).  txn reads separated long values (may be NULL for
 * columns that are not long). */
JET_ERR mv_check_unique_normalized(struct jet_table *t, store_txn *txn, JET_COLUMNID id, uint32_t itag,
                                   const void *data, uint32_t cb);
const char *table_unicode_sort_version(void);
/* The sort_version an index made now records: the platform sort's version
 * in the DLL, "portable:N" natively. */
void table_unicode_sort_current(char out[CAT_SORT_VERSION_MAX + 1]);

/* ---- sortcheck.c: Unicode indexes made by another sort -------------------- */

/* 1 when ix is over Unicode text and another sort made its keys. */
int sortcheck_out_of_date(const struct cat_index *ix);
/* JET_paramEnableIndexChecking of the instance (JET_IndexChecking*). */
unsigned long sortcheck_mode(const struct jet_instance *inst);
/* After a new attach of dbs[slot] (session at level 0): the checks and
 * deletions of JetAttachDatabase's grbit and the parameter.  0,
 * JET_wrnCorruptIndexDeleted, JET_errPrimaryIndexCorrupted,
 * JET_errSecondaryIndexCorrupted or a store error; on an error the caller
 * detaches again. */
JET_ERR sortcheck_attach(struct jet_session *s, int slot, JET_GRBIT grbit);
/* JetOpenTable under JET_IndexCheckingDeferToOpenTable: 0 or the error. */
JET_ERR sortcheck_open_table(const struct jet_instance *inst, const struct tbl_schema *sch);

/* ---- table.c: what DDL (ddl.c) shares ------------------------------------ */

/* Names for the catalog: UTF-8 (A names go through UTF-16 first).  NULL
 * gives NULL with *err JET_errInvalidParameter; malloc'ed otherwise. */
char *table_name_w(const wchar16 *name, JET_ERR *err);
char *table_name_a(const char *name, JET_ERR *err);
/* The database of a JET_DBID the session opened; NULL if none
 * (JET_errInvalidDatabaseId).  Instance lock not needed: an open database
 * cannot be detached. */
struct jet_database *table_db(struct jet_session *s, JET_DBID dbid);
/* Opens a cursor on table objid (JetOpenTable's checks of grbit against the
 * other sessions' cursors included), on its primary index, before-first. */
JET_ERR table_open_cursor(struct jet_session *s, int dbslot, uint32_t objid, JET_GRBIT grbit,
                          struct jet_table **out);
/* Whether any cursor (of any session) is open on the table. */
int table_in_use(struct jet_instance *inst, int dbslot, uint32_t objid);
/* Called by transaction.c each time a level was left (s->trx_level is the
 * new level; at level 0 after the store commit or abort): committed is 0
 * for a rollback or a failed commit.  Drops the trees a rolled-back
 * transaction created and those a committed one deleted, closes the
 * cursors a rollback closes, and bumps the schema generation after DDL. */
void table_txn_ended(struct jet_session *s, int committed);
/* Called by transaction.c when the session starts a transaction (level 0
 * to 1): it reads a new snapshot, so the cursors read their records
 * again. */
void table_txn_began(struct jet_session *s);

/* The transaction one DDL call writes through: the session's, or at level 0
 * one of its own, committed (durably) by ddl_end.  Trees the call creates
 * or deletes are announced here so that they are dropped at the right time
 * (cat.h): created ones if the call or its transaction fails, deleted ones
 * once the transaction committed. */
struct ddl_txn {
    struct jet_session *ses;
    int dbslot;
    store_db *db;
    store_txn *txn;
    int own;                  /* level 0: the call's own transaction */
    int dirty;                /* entries were written into a created tree */
    uint32_t *created, ncreated;
    uint32_t *deleted, ndeleted;
};
/* JET_errTransReadOnly, JET_errPermissionDenied (read-only database). */
JET_ERR ddl_begin(struct jet_session *s, int dbslot, struct ddl_txn *d);
JET_ERR ddl_tree_created(struct ddl_txn *d, uint32_t root);
JET_ERR ddl_tree_deleted(struct ddl_txn *d, uint32_t root);
/* Ends the call: err < 0 undoes (the caller has already taken its catalog
 * changes back from a session transaction); returns err or the commit's. */
JET_ERR ddl_end(struct ddl_txn *d, JET_ERR err);

/* ---- ddl.c -------------------------------------------------------------- */

/* A JET_TABLECREATE* with its names converted and its unions resolved. */
struct ddl_column {
    struct cat_column_def def;
    JET_COLUMNID *pcolumnid;   /* the caller's, or NULL */
    JET_ERR *perr;             /* the caller's err field, or NULL */
};
struct ddl_index {
    struct cat_index_def def;
    JET_ERR *perr;
};
struct ddl_table_def {
    const char *name, *template_name;
    uint32_t pages, density;
    JET_GRBIT grbit;
    struct ddl_column *cols;
    uint32_t ncols;
    struct ddl_index *idx;
    uint32_t nidx;
};
/* Creates the table with its columns and indexes (JetCreateTable,
 * JetCreateTableColumnIndex*); *tableid gets a cursor on it, *created the
 * number of objects made. */
JET_ERR ddl_create_table(struct jet_session *s, JET_DBID dbid, const struct ddl_table_def *def,
                         JET_TABLEID *tableid, unsigned long *created);

/* ---- cursor.c ----------------------------------------------------------- */

/* Points the cursor at index idx (-1: sequential order), before-first. */
JET_ERR cursor_set_index(struct jet_table *t, int idx);
/* The current record, read if needed: JET_errNoCurrentRecord when not on
 * one, JET_errRecordDeleted if it was deleted. */
JET_ERR cursor_record(struct jet_table *t, const uint8_t **rec, uint32_t *len);
/* Positions the cursor on the record with primary bookmark bm in its
 * current index (JetGotoBookmark; used after inserts that move).
 * JET_errRecordDeleted if there is none. */
JET_ERR cursor_goto_bookmark(struct jet_table *t, const uint8_t *bm, uint32_t bmlen);
/* Forgets the record copy (after the cursor's table changed). */
void cursor_invalidate(struct jet_table *t);
/* Frees what the cursor part holds (store cursor, record copy); table_close
 * calls it. */
void cursor_release(struct jet_table *t);

/* ---- update.c ----------------------------------------------------------- */

/* Cancels the cursor's prepared update, if any (moves, seeks, rollback). */
void update_cancel(struct jet_table *t);
/* JetDelete of the cursor's current record (its checks included). */
JET_ERR update_delete(struct jet_table *t);

/* ---- escrow.c ----------------------------------------------------------- */

/* Called by transaction.c each time a level was left (after
 * table_txn_ended): after a commit to level 0, deletes the records whose
 * JET_bitColumnDeleteOnZero column an escrow update of the transaction
 * brought to zero, if they still are; a rollback to level 0 forgets them. */
void escrow_txn_ended(struct jet_session *s, int committed);

/* ---- indexkeys.c -------------------------------------------------------- */

/* Reads long values of a record for key making: the first cb bytes of LV
 * (lid) into buf, *got set.  ctx is the caller's. */
typedef int (*idx_lv_read_fn)(void *ctx, uint32_t lid, void *buf, uint32_t cb, uint32_t *got);

/* The index keys of a record (one per value combination of multi-valued
 * key columns; none when the index ignores this record's NULLs or its
 * conditional columns exclude it).  keys[i] points into buf. */
struct idx_keyset {
    uint32_t n, cap;
    uint8_t **keys;
    uint32_t *lens;
    uint8_t *buf;
    uint32_t buflen, bufcap;
};
void idx_keyset_free(struct idx_keyset *ks);
/* Fills ks with the keys of rec for index ix: JET_errNullKeyDisallowed
 * (DisallowNull and a NULL segment), JET_errKeyTruncated
 * (DisallowTruncation), JET_errOutOfMemory, the record's errors. */
JET_ERR idx_record_keys(const struct tbl_schema *sch, const struct tbl_index *ix, const uint8_t *rec,
                        uint32_t len, idx_lv_read_fn lvread, void *lvctx, struct idx_keyset *ks);
/* The primary key of a record (exactly one: a primary index has no
 * multi-valued columns and indexes NULLs): key and length. */
JET_ERR idx_primary_key(const struct tbl_schema *sch, const uint8_t *rec, uint32_t len,
                        idx_lv_read_fn lvread, void *lvctx, uint8_t *key, uint32_t *klen);

/* ---- temptable.c -------------------------------------------------------- */

/* struct jet_table.temp_flags, besides the table's JET_bitTT* bits: */
#define TEMP_TABLE 0x80000000u      /* a cursor on a temporary table */
#define TEMP_DUPLICATES 0x40000000u /* keeps duplicates: a secondary index */
#define TEMP_EXTRACT 0x20000000u    /* forward-only: the insert phase is over */

/* A temporary table to make (JetOpenTempTable*, and the tables the list
 * levels of Get*Info return). */
struct temp_spec {
    const JET_COLUMNDEF *cols;
    uint32_t ncols;
    const char *const *names;  /* column names (at most 15 bytes); NULL: made up */
    JET_GRBIT grbit;           /* JET_bitTT* */
    uint32_t lcid, map_flags;  /* of the key's Unicode columns; 0: defaults */
    const uint16_t *locale;    /* NULL: from lcid */
    uint32_t cbkeymost, cbvarsegmac; /* 0: defaults */
    JET_COLUMNID *ids;         /* NULL, or gets the columns' ids */
};
/* Creates a temporary table and opens a cursor on it (session entered). */
JET_ERR temp_open(struct jet_session *s, const struct temp_spec *sp, struct jet_table **out);
/* A temporary table of full catalog definitions (columns with their
 * names, several indexes, the primary one first; systable.c's views),
 * with fixed DDL, opened as temp_open's: updatable until the caller says otherwise,
 * dropped when its last cursor closes.  ids[i] gets cols[i]'s id. */
JET_ERR temp_open_defined(struct jet_session *s, const struct cat_column_def *cols, uint32_t ncols,
                          const struct cat_index_def *idx, uint32_t nidx, JET_COLUMNID *ids, struct jet_table **out);
/* The same for a session not entered; *ptableid gets the handle. */
JET_ERR temp_open_table(JET_SESID sesid, const struct temp_spec *sp, JET_TABLEID *ptableid);
/* table_close, after the last cursor on a table of database dbslot closed:
 * deletes it if it is a temporary table. */
void temp_table_dropped(struct jet_instance *inst, int dbslot, uint32_t objid);
/* The full path of the instance's temporary database file (malloc'ed):
 * JET_paramTempPath, with "tmp.edb" added to a folder; NULL and *err set
 * when out of memory or invalid. */
char *temp_path(struct jet_instance *inst, JET_ERR *err);
/* JetTerm: detaches the temporary database and deletes its file. */
void temp_database_drop(struct jet_instance *inst);
/* What a cursor on a forward-only temporary table may do (call only when
 * t->temp_flags): JET_errInvalidOperation when it may not. */
enum temp_op { TEMP_OP_MOVE, TEMP_OP_MOVE_BACK, TEMP_OP_SEEK, TEMP_OP_INSERT, TEMP_OP_REPLACE, TEMP_OP_DELETE };
JET_ERR temp_check(struct jet_table *t, enum temp_op op);
/* Whether JetUpdate's err is a duplicate the temporary table drops silently. */
int temp_drops_duplicate(const struct jet_table *t, JET_ERR err);
/* JetDupCursor of a cursor on a temporary table. */
JET_ERR temp_dup_cursor(const struct jet_table *from, struct jet_table *dup);

#endif /* ESENT_JET_TABLE_H */
