/*
 * cat_int.h - internals shared by the catalog's files: the keys of the
 * catalog tree, the record codecs, reading records and the write journal
 * that makes each catalog function atomic.  Nothing outside engine/cat/
 * includes this.
 *
 * Keys of the catalog tree (docs/format.md, "Catalog", has the values):
 * the first byte says what the record is; integers in keys are big-endian
 * so that a table's records sort together and by id; names in keys are
 * upper-cased (ASCII a-z only) so that lookups ignore case.
 *
 *   01 01                          object id counter
 *   10 NAME                        table name -> u32 objid
 *   11 be32 objid                  table record
 *   20 be32 objid be32 columnid    column record
 *   21 be32 objid NAME             column name -> u32 columnid
 *   30 be32 objid be32 slot        index record
 *   31 be32 objid NAME             index name -> u32 slot
 */
#ifndef ESENT_CAT_INT_H
#define ESENT_CAT_INT_H

#include <stdint.h>

#include "cat.h"

enum {
    CATK_COUNTER = 0x01,
    CATK_TABLE_NAME = 0x10,
    CATK_TABLE = 0x11,
    CATK_COLUMN = 0x20,
    CATK_COLUMN_NAME = 0x21,
    CATK_INDEX = 0x30,
    CATK_INDEX_NAME = 0x31
};

#define CAT_FORMAT 1u           /* first byte of every record */
#define CAT_KEY_MAX (1 + 4 + CAT_NAME_MAX)
#define CAT_VAL_MAX 1024u       /* larger than any record */

struct cat_key {
    uint8_t b[CAT_KEY_MAX];
    uint32_t len;
};

/* ---- keys (cat_rec.c) ------------------------------------------------- */

void catk_counter(struct cat_key *k);
void catk_table_name(struct cat_key *k, const char *name);
void catk_table(struct cat_key *k, uint32_t objid);
void catk_column(struct cat_key *k, uint32_t objid, uint32_t columnid);
void catk_column_name(struct cat_key *k, uint32_t objid, const char *name);
void catk_index(struct cat_key *k, uint32_t objid, uint32_t slot);
void catk_index_name(struct cat_key *k, uint32_t objid, const char *name);

/* ---- records (cat_rec.c) ---------------------------------------------- */

/* Encoders return the length written (at most CAT_VAL_MAX); decoders
 * return 0 or JET_errDatabaseCorrupted. */
uint32_t catr_table_encode(const struct cat_table *tb, uint8_t *out);
int catr_table_decode(const uint8_t *v, uint32_t len, struct cat_table *tb);
uint32_t catr_column_encode(const struct cat_column *c, uint8_t *out);
int catr_column_decode(const uint8_t *v, uint32_t len, struct cat_column *c);
uint32_t catr_index_encode(const struct cat_index *ix, uint8_t *out);
int catr_index_decode(const uint8_t *v, uint32_t len, uint32_t table_objid, struct cat_index *ix);

void cat_put_u16(uint8_t *p, uint32_t v);
void cat_put_u32(uint8_t *p, uint32_t v);
uint32_t cat_get_u16(const uint8_t *p);
uint32_t cat_get_u32(const uint8_t *p);

/* ---- names (cat_name.c) ----------------------------------------------- */

/* Upper-cases ASCII a-z of name into out (no NUL); returns the length. */
uint32_t cat_name_fold(const char *name, uint8_t *out);

/* ---- reading (cat_io.c) ------------------------------------------------ */

/* Reads the record at k (through the write set) into buf (CAT_VAL_MAX
 * bytes).  JET_errRecordNotFound when absent; JET_errDatabaseCorrupted
 * when larger than CAT_VAL_MAX. */
int cat_read(store_txn *t, store_db *db, const struct cat_key *k, uint8_t *buf, uint32_t *len);
/* A u32 value (the name records).  JET_errRecordNotFound when absent. */
int cat_read_u32(store_txn *t, store_db *db, const struct cat_key *k, uint32_t *v);

/* Decoded records; JET_errRecordNotFound when absent. */
int cat_read_table(store_txn *t, store_db *db, uint32_t objid, struct cat_table *tb);
int cat_read_column(store_txn *t, store_db *db, uint32_t objid, uint32_t columnid,
                    struct cat_column *c);
int cat_read_index(store_txn *t, store_db *db, uint32_t objid, uint32_t slot,
                   struct cat_index *ix);
/* A live column by name (JET_errRecordNotFound when absent). */
int cat_find_column(store_txn *t, store_db *db, uint32_t objid, const char *name,
                    struct cat_column *c);

/* The table by objid, JET_errObjectNotFound when absent. */
int cat_table_load(store_txn *t, store_db *db, uint32_t objid, struct cat_table *tb);

/* A new object id (see cat.h). */
int cat_objid_alloc(store *s, store_db *db, uint32_t *objid);

/* ---- writing (cat_io.c) ------------------------------------------------ */

/* The writes of one catalog function, with what each key held before, so
 * that a failure can put everything back (cat_wr_end). */
struct cat_undo {
    struct cat_key key;
    uint8_t had;               /* the key held a value */
    uint32_t vlen;
    uint8_t *val;              /* malloc'ed old value (had) */
};

struct cat_wr {
    store_txn *t;
    store_db *db;
    uint32_t tree;
    uint32_t n, cap;
    struct cat_undo *v;
};

void cat_wr_init(struct cat_wr *w, store_txn *t, store_db *db);
int cat_wr_put(struct cat_wr *w, const struct cat_key *k, const void *val, uint32_t vlen);
int cat_wr_put_u32(struct cat_wr *w, const struct cat_key *k, uint32_t v);
/* Deletes k, which must exist. */
int cat_wr_del(struct cat_wr *w, const struct cat_key *k);
int cat_wr_table(struct cat_wr *w, const struct cat_table *tb);
int cat_wr_column(struct cat_wr *w, uint32_t objid, const struct cat_column *c);
int cat_wr_index(struct cat_wr *w, const struct cat_index *ix);
/* Ends the journal: err < 0 undoes every write (newest first).  Returns
 * err, or JET_errOutOfMemory if undoing failed. */
int cat_wr_end(struct cat_wr *w, int err);

/* ---- shared checks ---------------------------------------------------- */

/* Whether a live column (of the table or, for a derived table, of its
 * template) has this name.  0 / 1, or an error. */
int cat_column_name_taken(store_txn *t, store_db *db, const struct cat_table *tb,
                          const char *name);
/* A key or condition column by name: the table's, then its template's.
 * JET_errColumnNotFound when neither has it. */
int cat_resolve_column(store_txn *t, store_db *db, const struct cat_table *tb, const char *name,
                       struct cat_column *c);
/* Whether any index of the table uses the column (key or condition). */
int cat_column_indexed(store_txn *t, store_db *db, const struct cat_table *tb,
                       JET_COLUMNID columnid);

/* Column type helpers. */
int cat_coltyp_valid(JET_COLTYP coltyp);
int cat_coltyp_fixed_size(JET_COLTYP coltyp); /* natural size, 0 for Text... */
int cat_coltyp_text(JET_COLTYP coltyp);
int cat_coltyp_long(JET_COLTYP coltyp);

#endif /* ESENT_CAT_INT_H */
