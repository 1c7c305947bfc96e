/*
 * page.h - the on-disk page: layout shared by every page type, and the
 * database header page.  docs/format.md describes the same bytes in prose;
 * the two change together.
 *
 * A database file is an array of pages of one size (4, 8, 16 or 32 KiB,
 * fixed at creation).  Every page starts with the common header below, and
 * every page's first four bytes are a CRC-32C over the rest of the page, so
 * a torn or flipped page is detected when it is read (JET_errReadVerifyFailure),
 * never trusted.  All integers are little-endian; the accessors below read
 * and write them byte by byte, so the format does not depend on the host.
 *
 * Common page header (PAGE_HDR_SIZE bytes):
 *   off size field
 *     0   4  checksum   CRC-32C of bytes [4, page_size)
 *     4   4  pgno       this page's own number (catches misdirected writes)
 *     8   8  lsn        log position of the last change (verify, debugging)
 *    16   1  type       PAGE_TYPE_*
 *    17   1  level      B-tree: 0 for leaves, >0 for branch pages
 *    18   2  nslots     number of cells
 *    20   2  cell_top   lowest offset used by cell content (cells grow down)
 *    22   2  frag       bytes of free space inside the cell area (holes)
 *    24   4  tree       root pgno of the owning B-tree (0: none)
 *    28   4  next       leaf: right sibling; branch: rightmost child;
 *                       free page: next free page
 *    32   4  prev       leaf: left sibling
 *    36   4  reserved   zero
 *    40  ..  slot array: nslots x u16 cell offsets, in key order
 *
 * Page 0 is the database header (PAGE_TYPE_DBHEADER), laid out after the
 * common header as described by the DBH_* offsets.
 */
#ifndef ESENT_PAGE_H
#define ESENT_PAGE_H

#include <stdint.h>
#include <string.h>

#define PAGE_HDR_SIZE 40u
#define PAGE_SIZE_MIN 4096u
#define PAGE_SIZE_MAX 32768u

enum page_type {
    PAGE_TYPE_FREE = 0,     /* on the free list */
    PAGE_TYPE_DBHEADER = 1, /* page 0 */
    PAGE_TYPE_LEAF = 2,     /* B-tree leaf: (key, value) cells */
    PAGE_TYPE_BRANCH = 3    /* B-tree branch: (separator key, child) cells */
};

/* Offsets of the common header fields. */
#define PAGE_OFF_CHECKSUM 0
#define PAGE_OFF_PGNO 4
#define PAGE_OFF_LSN 8
#define PAGE_OFF_TYPE 16
#define PAGE_OFF_LEVEL 17
#define PAGE_OFF_NSLOTS 18
#define PAGE_OFF_CELL_TOP 20
#define PAGE_OFF_FRAG 22
#define PAGE_OFF_TREE 24
#define PAGE_OFF_NEXT 28
#define PAGE_OFF_PREV 32

/* Database header page (pgno 0), after the common header. */
#define DBH_MAGIC "ESENTFDB"       /* 8 bytes at DBH_OFF_MAGIC */
/* 2: secondary index entries hold the bookmark's length as their value,
 * and keys go up to 2000 / 4000 bytes (docs/format.md).  Files of another
 * version are refused with JET_errInvalidDatabaseVersion. */
#define DBH_FORMAT_VERSION 2u
#define DBH_OFF_MAGIC 40           /* 8  magic */
#define DBH_OFF_VERSION 48         /* 4  format version */
#define DBH_OFF_PAGE_SIZE 52       /* 4  page size in bytes */
#define DBH_OFF_PAGE_COUNT 56      /* 4  pages in the file (incl. free ones) */
#define DBH_OFF_FREE_HEAD 60       /* 4  first free page, 0 if none */
#define DBH_OFF_FREE_COUNT 64      /* 4  pages on the free list */
#define DBH_OFF_CATALOG_ROOT 68    /* 4  root of the catalog B-tree */
#define DBH_OFF_DB_STATE 72        /* 4  JET_dbstate* value */
#define DBH_OFF_SIGNATURE 76       /* 16 random signature made at creation */
#define DBH_OFF_CREATE_TIME 92     /* 8  creation time, seconds since 1970 */
#define DBH_OFF_CHECKPOINT_LSN 100 /* 8  log position the file is consistent with */
#define DBH_OFF_LOG_SIGNATURE 108  /* 16 signature of the log set it belongs to */
#define DBH_OFF_USER 124           /* 64 reserved for the Jet layer (zero) */
#define DBH_END 188

/* Little-endian accessors: the only way code touches on-disk integers. */
static inline uint16_t get_u16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}
static inline uint32_t get_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline uint64_t get_u64(const uint8_t *p)
{
    return (uint64_t)get_u32(p) | (uint64_t)get_u32(p + 4) << 32;
}
static inline void put_u16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}
static inline void put_u32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}
static inline void put_u64(uint8_t *p, uint64_t v)
{
    put_u32(p, (uint32_t)v);
    put_u32(p + 4, (uint32_t)(v >> 32));
}

/* Big-endian, for keys that must sort with memcmp (long-value ids). */
static inline void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}
static inline uint32_t get_be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* Computes and stores the checksum of a page image. */
void page_seal(uint8_t *page, uint32_t page_size);
/* Checks a page image read from disk: checksum and self pgno.  Returns 0,
 * or JET_errReadVerifyFailure when the bytes cannot be trusted.  A page of
 * all zeros (never written) is reported as JET_errReadVerifyFailure too;
 * callers that allow it check page_is_zero() first. */
int page_verify(const uint8_t *page, uint32_t page_size, uint32_t pgno);
int page_is_zero(const uint8_t *page, uint32_t page_size);
/* The page's hole: the unused bytes no reader looks at, as [*off, *off +
 * *len).  B-tree pages: between the slot array and the lowest cell (the
 * stored cell_top of an empty 32 KiB page is 0, meaning page_size); free
 * pages: everything after the common header; other pages: none (*len 0).
 * Checkpoints zero the hole before sealing a page and log the page without
 * it (docs/format.md, IMAGE_HOLE).  Nothing read from the file is trusted:
 * inconsistent header fields give no hole. */
void page_hole(const uint8_t *page, uint32_t page_size, uint32_t *off, uint32_t *len);
/* Whether n is a supported page size. */
int page_size_valid(uint32_t n);

#endif /* ESENT_PAGE_H */
