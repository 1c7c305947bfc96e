/*
 * rec_int.h - internals shared by the record files (rec_schema.c,
 * rec_read.c, rec_build.c): little-endian access, the parsed layout of a
 * record and of a tagged column's blob.  Every parser here checks what it
 * reads against the bounds it was given (JET_errDatabaseCorrupted); the
 * format itself is described in rec.h.
 */
#ifndef ESENT_REC_INT_H
#define ESENT_REC_INT_H

#include <stdint.h>

#include "rec.h"

static inline uint32_t rec_rd16(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static inline uint32_t rec_rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline void rec_wr16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static inline void rec_wr32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

#define REC_OFF_MASK 0x7FFFu /* offsets in the variable table and multi-value tables */
#define REC_FLAG_BIT 0x8000u /* NULL (variable table) / separated (multi-value table) */

/* Where the parts of a record are (offsets from the record's start). */
struct rec_layout {
    uint32_t nfixed, nvar, ntag;
    uint32_t fixdata; /* fixed data (the bitmap is at REC_HEADER) */
    uint32_t vartab;  /* variable table */
    uint32_t vardata; /* variable data */
    uint32_t varlen;  /* its length */
    uint32_t tagdir;  /* tagged directory */
    uint32_t tagdata; /* tagged data */
    uint32_t taglen;  /* its length: tagdata + taglen is the record's length */
};

/* A tagged column's blob, parsed. */
struct rec_tagcol {
    const uint8_t *p; /* the blob */
    uint32_t cb;
    unsigned flags;   /* REC_TAG_* */
    uint32_t n;       /* values: 0 for a NULL override */
    const uint8_t *tab; /* MULTI: the table of n u16 ends */
    uint32_t vals;    /* offset of the values in the blob */
    uint32_t valscb;  /* their total length */
};

/* Parses the header and locates the parts; checks that they fit in len
 * exactly and that F does not exceed the schema's fixed columns. */
int rec_layout_parse(const uint8_t *rec, uint32_t len, const struct rec_schema *s,
                     struct rec_layout *l);
/* Variable column i (0-based, i < nvar): its data's offset from the
 * variable data, length and NULL bit. */
int rec_var_entry(const uint8_t *rec, const struct rec_layout *l, uint32_t i, uint32_t *off,
                  uint32_t *len, int *null);
/* Directory entry d's column id. */
static inline uint32_t rec_dir_id(const uint8_t *rec, const struct rec_layout *l, uint32_t d)
{
    return rec_rd16(rec + l->tagdir + 4 * d);
}
/* Directory index of tagged column id, or the index where it would go
 * (*found 0).  Binary search; on a damaged (unsorted) directory it may
 * miss a column, but never reads outside the directory. */
uint32_t rec_dir_find(const uint8_t *rec, const struct rec_layout *l, uint32_t id, int *found);
/* Directory entry d's blob: offset from the tagged data and length. */
int rec_dir_blob(const uint8_t *rec, const struct rec_layout *l, uint32_t d, uint32_t *off,
                 uint32_t *len);
/* Parses a blob's header and table. */
int rec_tagcol_parse(const uint8_t *p, uint32_t cb, struct rec_tagcol *c);
/* Value i (0-based, i < n) of a parsed blob: offset from the blob's
 * values, length, separated bit (a separated value is exactly 8 bytes). */
int rec_tagcol_value(const struct rec_tagcol *c, uint32_t i, uint32_t *off, uint32_t *len,
                     int *sep);

/* The effective maximum length of a variable or tagged non-LV column. */
static inline uint32_t rec_cbmax_short(const struct rec_column *c)
{
    return c->cbmax && c->cbmax < REC_VAR_CB_MAX ? c->cbmax : REC_VAR_CB_MAX;
}

static inline int rec_is_lv(const struct rec_column *c)
{
    return (c->flags & REC_COL_LONG) != 0;
}

/* A column has a default when pvdefault is set and cbdefault > 0 (as in
 * JET_COLUMNCREATE, cbDefault 0 is no default). */
static inline int rec_has_default(const struct rec_column *c)
{
    return c->pvdefault != NULL && c->cbdefault > 0;
}

#endif /* ESENT_REC_INT_H */
