/*
 * cat.h - the catalog of one database: its tables, their columns and their
 * indexes, kept in the database's catalog B-tree (store_db_catalog) and
 * changed only through store transactions, so DDL commits and rolls back
 * with the transaction that made it.  The bytes are in docs/format.md,
 * "Catalog"; cat_int.h repeats the keys.
 *
 * Reads see the transaction's own changes: every lookup goes through
 * store_txn_get (the write set first, then the committed tree).  Column
 * and index lists are built from point lookups: columns by id up to the
 * last id handed out in each class, indexes by slot (both bounded by
 * 16-bit counters).  The table list is a store cursor scan of the table
 * records, so a large or damaged object id counter costs nothing.
 *
 * Atomicity: a function that fails leaves the transaction as it found it.
 * Checks come first and write nothing; a failure while writing (out of
 * memory, I/O) undoes the writes already made.  Only if undoing fails too
 * (out of memory again) does part of the change stay in the write set; the
 * function then returns JET_errOutOfMemory, so after JET_errOutOfMemory
 * from a DDL function the caller rolls the transaction back.
 *
 * B-trees are created and dropped outside transactions (store.h).
 * cat_table_create and cat_index_create create the trees they need before
 * writing the catalog and return their roots; if the transaction then rolls
 * back, the caller drops them (store_tree_drop) or they leak.  Deletes do
 * not drop anything: cat_table_delete and cat_index_delete return the roots
 * to drop once the transaction has committed (dropping earlier would lose
 * them if it rolled back).
 *
 * Object ids: tables and secondary indexes get one each from a counter in
 * the catalog (the primary index shares its table's).  The counter moves
 * outside the caller's transaction, in a small transaction of its own under
 * a process-wide mutex (as ESE's objidLast is not transactional), so two
 * sessions creating tables do not write the same key and ids are never
 * reused, not even after a rollback.
 *
 * Concurrency: the store has no write-conflict detection yet.  Two
 * transactions changing the same catalog keys (creating the same name,
 * adding columns to one table) must be kept apart by the layer above
 * (a DDL lock, or the version store's conflict check) until then.
 *
 * What is left to the layers above: the table-level rules that depend on
 * cursors and locks (JET_errFixedDDL and JET_bitTablePermitDDL, exclusive
 * locks for escrow and autoincrement columns, JET_errTableNotEmpty, tables
 * in use), building indexes over existing rows, resolving template
 * (derived-table) columns and indexes beyond what is said below, checking
 * locales (JET_errInvalidLanguageId), the structures' cbStruct fields and
 * their pointers (JET_bitIndexUnicode without a JET_UNICODEINDEX is
 * JET_errIndexInvalidDef), and the template bit (0x80000000) of template
 * tables' column ids, which the catalog does not store.
 *
 * Names (ESE's ErrUTILCheckName): 1..64 bytes; not starting with a space;
 * no control characters (0x00-0x1F), '!', '.', '[' or ']'; bytes 0x80 and
 * up are allowed; trailing spaces are dropped.  They are stored with their
 * case and compared case-insensitively for ASCII letters only, as ESE's
 * catalog (code page 1252 normalization upper-cases a-z only).
 *
 * Threads: the functions are reentrant; a transaction belongs to one
 * thread at a time (store.h).
 */
#ifndef ESENT_CAT_H
#define ESENT_CAT_H

#include <stdint.h>

#include "esent.h"
#include "key.h"
#include "store.h"

#define CAT_NAME_MAX 64            /* JET_cbNameMost */
#define CAT_DEFAULT_MAX 255        /* JET_cbColumnMost, JET_cbLVDefaultValueMost */
#define CAT_LOCALE_MAX 84          /* LOCALE_NAME_MAX_LENGTH - 1, UTF-16 units */
#define CAT_SORT_VERSION_MAX 63
#define CAT_KEY_SEGMENTS 16        /* JET_ccolKeyMost */
#define CAT_CONDITIONAL_MAX 16     /* JET_ccolKeyMost */
#define CAT_INDEX_SLOTS_MAX 0xFFFFu
#define CAT_NONE 0xFFFFFFFFu       /* no primary index: a sequential table */
#define CAT_DENSITY_DEFAULT 80u    /* ulFILEDefaultDensity */
#define CAT_OBJID_FIRST 16u        /* ids below are reserved for the system */

/* Column id ranges (ese-engine-notes.md 2.3). */
#define CAT_FIXED_FIRST 1u
#define CAT_FIXED_LAST 127u
#define CAT_VAR_FIRST 128u
#define CAT_VAR_LAST 255u
#define CAT_TAGGED_FIRST 256u
#define CAT_TAGGED_LAST 0xFEE0u

/* struct cat_table.flags: the JET_bitTableCreate* bits kept (FixedDDL,
 * TemplateTable, ImmutableStructure; TemplateTable implies FixedDDL) and: */
#define CAT_TABLE_DERIVED 0x00010000u /* created from a template table */

struct cat_table {
    char name[CAT_NAME_MAX + 1];
    uint32_t objid;
    uint32_t data_root;        /* clustered data tree (the primary index's) */
    uint32_t lv_root;          /* long values tree */
    uint32_t pages, density;   /* as created (density 20..100) */
    uint32_t flags;
    uint32_t template_objid;   /* CAT_TABLE_DERIVED: the template's objid */
    uint16_t last_fixed;       /* last column id handed out: 0 = none yet */
    uint16_t last_var;         /* 127 = none yet */
    uint16_t last_tagged;      /* 255 = none yet */
    uint16_t index_slots;      /* index slots 0..index_slots-1 may be in use */
    uint32_t fixed_bytes;      /* bytes of fixed columns 1..last_fixed */
    uint32_t primary_slot;     /* CAT_NONE: no primary index (sequential) */
    JET_COLUMNID autoinc_column, version_column; /* 0: none */
    uint64_t autoinc_last;     /* autoincrement values up to this are used */
};

/* struct cat_column.grbit is the JET_bitColumn* given, with Fixed set on
 * fixed columns and Tagged on tagged ones (as JetGetColumnInfo reports). */
struct cat_column {
    char name[CAT_NAME_MAX + 1]; /* "" when deleted */
    JET_COLUMNID columnid;
    JET_COLTYP coltyp;
    uint32_t cbmax;            /* fixed types: their size; Text/Binary 1..255;
                                * long values as given (0: no limit) */
    JET_GRBIT grbit;
    uint16_t cp;               /* Text/LongText: 1252 or 1200; others 0 */
    uint8_t deleted;           /* kept for its id and size (rec.h) */
    uint32_t cbdefault;        /* 0: no default */
    uint8_t defval[CAT_DEFAULT_MAX];
};

struct cat_column_def {
    const char *name;
    JET_COLTYP coltyp;
    uint32_t cbmax;
    JET_GRBIT grbit;
    uint16_t cp;               /* 0: 1252 for text */
    const void *pvdefault;     /* NULL or cbdefault 0: no default */
    uint32_t cbdefault;
};

struct cat_index_seg {
    JET_COLUMNID columnid;
    uint8_t descending;
};

struct cat_cond {
    JET_COLUMNID columnid;
    JET_GRBIT grbit;           /* JET_bitIndexColumnMustBeNull or ...MustBeNonNull */
};

struct cat_tuple_limits {
    uint32_t len_min, len_max, to_index_max, increment, start;
};

/* struct cat_index.flags */
#define CAT_INDEX_LOCALIZED 0x01u  /* over a Unicode (cp 1200) text column */
#define CAT_INDEX_TUPLES 0x02u     /* tuple limits are meaningful */
#define CAT_INDEX_DERIVED 0x04u    /* a derived table's copy of a template index */

struct cat_index {
    char name[CAT_NAME_MAX + 1];
    uint32_t table_objid;
    uint32_t slot;             /* its number within the table */
    uint32_t objid;            /* primary: the table's */
    uint32_t root;             /* primary: the table's data tree */
    JET_GRBIT grbit;           /* JET_bitIndex*; Primary implies Unique */
    uint32_t density;
    uint32_t flags;            /* CAT_INDEX_* */
    uint32_t nsegs;
    struct cat_index_seg segs[CAT_KEY_SEGMENTS];
    uint32_t ncond;
    struct cat_cond cond[CAT_CONDITIONAL_MAX];
    uint32_t cbkeymost;        /* 255..1000/2000 */
    uint32_t cbvarsegmac;      /* 1..cbkeymost (cbkeymost: no segment limit) */
    uint32_t lcid;             /* as given (0: default) */
    uint16_t locale[CAT_LOCALE_MAX + 1]; /* UTF-16, NUL-terminated; "" default */
    uint32_t map_flags;        /* LCMapString flags, checked */
    char sort_version[CAT_SORT_VERSION_MAX + 1]; /* localized indexes only */
    struct cat_tuple_limits tuples;
};

struct cat_cond_def {
    const char *name;
    JET_GRBIT grbit;
};

/* What JET_INDEXCREATE* carries, with its unions resolved. */
struct cat_index_def {
    const char *name;
    JET_GRBIT grbit;
    const char *key;           /* "+a\0-b\0\0" */
    uint32_t cbkey;            /* including both final NULs */
    uint32_t density;          /* 0: CAT_DENSITY_DEFAULT */
    uint32_t lcid;
    const uint16_t *locale;    /* NULL or "": default */
    uint32_t map_flags;        /* 0: KEY_LCMAP_DEFAULT */
    uint32_t cbvarsegmac;      /* 0: none (cbkeymost) */
    uint32_t cbkeymost;        /* read only with JET_bitIndexKeyMost */
    const struct cat_cond_def *cond;
    uint32_t ncond;
    const struct cat_tuple_limits *tuple_limits; /* NULL: ESE's defaults */
    const char *sort_version;  /* NULL: the portable sort's */
};

/* Tables by name, columns and indexes are found within one table. */

/* ---- names and key descriptions ------------------------------------- */

/* Checks a name (rules above) and writes its significant part (trailing
 * spaces dropped) to out.  0 or JET_errInvalidName. */
int cat_name_check(const char *name, char out[CAT_NAME_MAX + 1]);
/* ESE's name comparison: ASCII letters without case, memcmp order. */
int cat_name_compare(const char *a, const char *b);

struct cat_key_desc {
    uint32_t n;
    const char *names[CAT_KEY_SEGMENTS]; /* point into the description */
    uint8_t descending[CAT_KEY_SEGMENTS];
};
/* Parses a key description as ESE's ErrFILEIValidateCreateIndex: cbkey 0
 * is JET_errInvalidParameter; not starting with '+' or '-', not ending in
 * two NULs, no column, more than 16 columns or bytes after the double NUL
 * are JET_errIndexInvalidDef.  Columns after the first may omit the sign. */
int cat_key_parse(const char *key, uint32_t cbkey, struct cat_key_desc *out);

/* ---- tables ---------------------------------------------------------- */

/* Creates a table with no columns or indexes (sequential until a primary
 * index is created), its data and LV trees, and a new object id.
 * flags: JET_bitTableCreateFixedDDL, TemplateTable, ImmutableStructure;
 * anything else JET_errInvalidGrbit.  template_name (NULL: none) makes a
 * derived table: its column ids continue after the template's and its
 * column names may not repeat the template's.  Errors: JET_errInvalidName,
 * JET_errInvalidGrbit, JET_errDensityInvalid (not 0 or 20..100),
 * JET_errCannotNestDDL (a template table from a template),
 * JET_errObjectNotFound (no such template), JET_errDDLNotInheritable (not a
 * template), JET_errTableDuplicate, and the store's.  A derived table gets
 * copies of the template's indexes (same names, definitions and slots,
 * flagged CAT_INDEX_DERIVED; the primary one over the new data tree, each
 * secondary one in a new tree).  out->data_root, out->lv_root and the
 * derived secondary indexes' trees (cat_indexes_list) must be dropped by
 * the caller if the transaction rolls back. */
int cat_table_create(store *s, store_txn *t, store_db *db, const char *name, uint32_t pages,
                     uint32_t density, JET_GRBIT flags, const char *template_name,
                     struct cat_table *out);
/* JET_errObjectNotFound when there is no such table (JET_errInvalidName for
 * a bad name). */
int cat_table_lookup(store_txn *t, store_db *db, const char *name, struct cat_table *out);
int cat_table_get(store_txn *t, store_db *db, uint32_t objid, struct cat_table *out);
/* Every table, sorted by name; *out is malloc'ed (free it; NULL if none). */
int cat_tables_list(store_txn *t, store_db *db, struct cat_table **out, uint32_t *n);

/* Trees to drop after the commit. */
struct cat_roots {
    uint32_t n;
    uint32_t *roots;           /* malloc'ed */
};
void cat_roots_free(struct cat_roots *r);

/* Deletes the table with its columns and indexes.  drop gets the data, LV
 * and secondary index trees, to drop after the commit.  Errors:
 * JET_errInvalidName, JET_errObjectNotFound, JET_errCannotDeleteTemplateTable. */
int cat_table_delete(store_txn *t, store_db *db, const char *name, struct cat_roots *drop);
/* JET_errInvalidName, JET_errObjectNotFound, JET_errTableDuplicate.  Only the
 * case may change ("t" to "T"). */
int cat_table_rename(store_txn *t, store_db *db, const char *name, const char *newname);
/* Records the autoincrement state (values up to value are used). */
int cat_table_set_autoinc(store_txn *t, store_db *db, uint32_t objid, uint64_t value);

/* ---- columns --------------------------------------------------------- */

/* Adds a column and gives it the next id of its class: tagged with
 * JET_bitColumnTagged or for LongText/LongBinary; else fixed with
 * JET_bitColumnFixed or for a fixed-size type; else (Text, Binary)
 * variable.  Returns 0, or JET_wrnColumnMaxTruncated when cbmax was cut to
 * 255, or: JET_errObjectNotFound (no table), JET_errInvalidName,
 * JET_errInvalidParameter (cbmax > 0x7FFFFFFF), JET_errInvalidColumnType,
 * JET_errInvalidCodePage, JET_errColumnCannotBeCompressed,
 * JET_errInvalidGrbit, JET_errMultiValuedColumnMustBeTagged,
 * JET_errCannotBeTagged, JET_errDefaultValueTooBig, JET_errInvalidBufferSize
 * (a fixed-size type's default of another size), JET_errColumnDuplicate,
 * JET_errColumnRedundant (second autoincrement or version column),
 * JET_errRecordTooBig (fixed columns would not fit a record),
 * JET_errTooManyColumns.  A long value's default longer than 255 bytes is
 * cut to 255, as ESE does. */
int cat_column_add(store_txn *t, store_db *db, uint32_t objid, const struct cat_column_def *def,
                   struct cat_column *out);
/* The table's own columns (a derived table's layer above also looks in its
 * template, cat_table.template_objid).  JET_errColumnNotFound (also for a
 * deleted column), JET_errInvalidName. */
int cat_column_lookup(store_txn *t, store_db *db, uint32_t objid, const char *name,
                      struct cat_column *out);
int cat_column_get(store_txn *t, store_db *db, uint32_t objid, JET_COLUMNID columnid,
                   struct cat_column *out);
/* Deletes a column: its name is free again, its id is never reused, and
 * it stays as a deleted column (rec.h needs fixed ones' sizes).
 * JET_errColumnNotFound, JET_errColumnInUse (in an index's key or
 * conditions), JET_errInvalidName, JET_errObjectNotFound (no table).  Here
 * and in the next two, a derived table's template column is
 * JET_errFixedInheritedDDL. */
int cat_column_delete(store_txn *t, store_db *db, uint32_t objid, const char *name,
                      JET_COLUMNID *columnid);
/* JET_errColumnNotFound, JET_errColumnDuplicate, JET_errInvalidName. */
int cat_column_rename(store_txn *t, store_db *db, uint32_t objid, const char *name,
                      const char *newname);
/* JetSetColumnDefaultValue: JET_errNullInvalid (no data), JET_errColumnNotFound,
 * JET_errColumnInUse (indexed), JET_errDefaultValueTooBig,
 * JET_errInvalidBufferSize, JET_errInvalidName. */
int cat_column_set_default(store_txn *t, store_db *db, uint32_t objid, const char *name,
                           const void *data, uint32_t cb);

#define CAT_LIST_DELETED 0x1u /* include deleted columns */
/* The table's columns in id order; *out is malloc'ed (free it; NULL if
 * none). */
int cat_columns_list(store_txn *t, store_db *db, uint32_t objid, unsigned opts,
                     struct cat_column **out, uint32_t *n);

/* ---- indexes --------------------------------------------------------- */

/* Validates def as ESE does (the order of its checks too) and stores the
 * index.  A secondary index gets a new tree (out->root: the caller drops it
 * if the transaction rolls back, and fills it if the table has rows); a
 * primary index uses the table's data tree.  Errors: JET_errObjectNotFound
 * (no table), JET_errInvalidName, JET_errIndexInvalidDef (see
 * cat_key_parse; cbkeymost or cbvarsegmac out of range, a conditional
 * primary index, more than 16 conditions, a multi-valued column in a
 * primary index, JET_bitIndexEmpty over a column with a default),
 * JET_errInvalidParameter (cbkey 0), JET_errInvalidGrbit (a primary index
 * ignoring NULLs, CrossProduct with NestedTable, Empty without
 * IgnoreAnyNull, a bad condition grbit), JET_errDensityInvalid,
 * JET_errInvalidLCMapStringFlags, JET_errIndexTuples* (tuple rules),
 * JET_errColumnNotFound (a key or condition column), JET_errCannotIndex
 * (an escrow column), JET_errIndexHasPrimary, JET_errIndexDuplicate (the
 * name), JET_errTooManyIndexes.  A column named twice in the key is
 * JET_errIndexInvalidDef (ESE does not check this; a key over one column
 * twice says nothing more than over it once). */
int cat_index_create(store *s, store_txn *t, store_db *db, uint32_t objid,
                     const struct cat_index_def *def, struct cat_index *out);
/* JET_errIndexNotFound, JET_errInvalidName. */
int cat_index_lookup(store_txn *t, store_db *db, uint32_t objid, const char *name,
                     struct cat_index *out);
/* By slot (cat_table.primary_slot for the primary index). */
int cat_index_get(store_txn *t, store_db *db, uint32_t objid, uint32_t slot,
                  struct cat_index *out);
/* Deletes a secondary index; *root gets its tree, to drop after the commit.
 * JET_errIndexNotFound, JET_errIndexMustStay (the primary index),
 * JET_errInvalidName. */
int cat_index_delete(store_txn *t, store_db *db, uint32_t objid, const char *name,
                     uint32_t *root);
/* The table's indexes by slot; *out is malloc'ed (free it; NULL if none). */
int cat_indexes_list(store_txn *t, store_db *db, uint32_t objid, struct cat_index **out,
                     uint32_t *n);

/* Fills a key_index (key.h) for making keys of idx, from the table's
 * columns (cols sorted by id, as cat_columns_list gives them; deleted ones
 * may be included; a derived table's list needs its template's columns
 * merged in, their ids come first in each class).  out->locale points into idx (keep idx alive);
 * out->unicode is NULL (the portable sort): the DLL sets its own.
 * JET_errColumnNotFound if a key column is missing. */
int cat_index_key(const struct cat_index *idx, const struct cat_column *cols, uint32_t ncols,
                  struct key_index *out);
/* The same, reading the columns from the catalog (a derived table's key
 * may use its template's columns). */
int cat_index_key_read(store_txn *t, store_db *db, const struct cat_index *idx,
                       struct key_index *out);

#endif /* ESENT_CAT_H */
