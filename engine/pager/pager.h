/*
 * pager.h - the buffer cache over one database file.
 *
 * The pager hands out pinned page frames, reads and verifies pages on a
 * miss, keeps the database header (page 0), allocates and frees pages
 * through a free list, and evicts clean pages when the cache is over its
 * size.  It never writes a dirty page by itself: dirty pages reach the file
 * only through a checkpoint, which the store layer drives (see
 * engine/store/store.h for the durability argument):
 *
 *     pager_snapshot_take()   under the store's exclusive latch: seal every
 *                             dirty page in place (hole zeroed, checksum),
 *                             mark them clean and hold them as the images;
 *                             the first pager_make_dirty of one afterwards
 *                             copies its image aside (copy-on-write), so
 *                             only pages changed meanwhile cost memory
 *     ... store appends the images to the log and flushes it ...
 *     pager_snapshot_write()  write the images in place, sync the file
 *
 * so a page is never overwritten in place before its image is durable in
 * the log, and a torn in-place write is always repaired by recovery.
 *
 * Errors are JET_err values: JET_errFileNotFound, JET_errDatabaseDuplicate
 * (create over an existing file), JET_errFileAccessDenied,
 * JET_errReadVerifyFailure (bad checksum or pgno: the page cannot be
 * trusted), JET_errDatabaseCorrupted (a structure that makes no sense, such
 * as a pgno past the end of the file or a bad header),
 * JET_errPageSizeMismatch, JET_errDiskFull, JET_errDiskIO,
 * JET_errOutOfMemory.  Nothing read from the file is ever asserted.
 *
 * Threads: the page table and the replacement state are protected by the
 * pager's own mutex, so concurrent readers may call pager_get; changing
 * page contents (make_dirty, alloc, free, snapshot_take) requires the
 * caller's exclusive latch on the database.
 */
#ifndef ESENT_PAGER_H
#define ESENT_PAGER_H

#include <stdint.h>

#include "os.h"

typedef struct pager pager;
typedef struct pager_page pager_page;
typedef struct pager_snapshot pager_snapshot;

enum {
    PAGER_CREATE = 0x1,    /* make a new file (JET_errDatabaseDuplicate if it exists) */
    PAGER_OVERWRITE = 0x2, /* with CREATE: replace an existing file */
    PAGER_READONLY = 0x4,  /* open read-only; make_dirty/alloc are refused */
    /* Do not hold the file (OS_OPEN_LOCK) against other openers: a look at
     * the header of a file that may be attached (store_db_probe).  Without
     * it the file is held locked, shared when READONLY, until closed. */
    PAGER_NOLOCK = 0x8
};

struct pager_config {
    os_vfs *vfs;
    uint32_t page_size;    /* create: 4096..32768; open: 0 = take the file's,
                              else must match (JET_errPageSizeMismatch) */
    uint32_t cache_pages;  /* soft cache size; clean pages are evicted above it */
    uint32_t extend_pages; /* grow the file by at least this many pages */
    unsigned flags;        /* PAGER_* */
    uint32_t max_pages;    /* 0, or the most pages the file grows to by
                              itself (pager_set_max_pages) */
};

/* Opens or creates a database file.  A new file gets a header page (state
 * JET_dbstateJustCreated, a random signature) and is synced before this
 * returns.  An existing file's header is read and verified. */
int pager_open(const char *path, const struct pager_config *cfg, pager **out);
/* Frees the cache.  Dirty pages are dropped: checkpoint first. */
void pager_close(pager *p);

uint32_t pager_page_size(const pager *p);
uint32_t pager_page_count(const pager *p);
uint32_t pager_dirty_count(const pager *p);

/* Pins page pgno (1 <= pgno < page count), reading and verifying it on a
 * miss.  Every successful get is paired with one pager_release. */
int pager_get(pager *p, uint32_t pgno, pager_page **out);
void pager_release(pager_page *pg);
/* Pins page pgno and releases *pg (a page of the same pager), under one
 * hold of the pager's mutex: a descent's step from a page to its child.
 * *pg is the new page, or NULL on an error (the old one released all the
 * same). */
int pager_get_swap(pager *p, uint32_t pgno, pager_page **pg);
uint8_t *pager_data(pager_page *pg);
uint32_t pager_pgno(const pager_page *pg);

/* Declares that the caller is about to change the page (exclusive latch
 * held): marks it dirty and stamps the current LSN (pager_set_lsn) into its
 * header.  Calling it on a read-only pager is a programming error
 * (asserted): the layers above refuse writes first. */
void pager_make_dirty(pager_page *pg);
/* A counter that changes whenever any page changes (make_dirty, alloc,
 * free, write_image): cursors compare it to know whether their cached
 * position is still valid. */
uint64_t pager_generation(const pager *p);
/* Words the B-tree layer keeps per database file for its leaf hints
 * (engine/btree/hint.c): the pager only holds them, zeroed at open, and
 * never reads them.  Accessed with __atomic builtins by their user. */
#define PAGER_HINT_WORDS 32
uint64_t *pager_hints(pager *p);
/* The log position stamped into pages made dirty from now on. */
void pager_set_lsn(pager *p, uint64_t lsn);

/* A new page, pinned and dirty, all zero except its pgno: taken from the
 * free list, or past the end of the file (which grows at the next
 * checkpoint).  */
int pager_alloc(pager *p, pager_page **out);
/* Puts the page on the free list and releases the caller's pin. */
int pager_free(pager *p, pager_page *pg);

/* The database's size: the pages its file holds, or the page count when
 * that is larger (pages allocated past the end live in the cache until a
 * checkpoint grows the file).  The pages between the page count and this
 * are the free tail, taken in order by allocations at the end. */
uint32_t pager_owned_pages(const pager *p);
/* Sets the file's size to `pages` pages and syncs it, when that grows the
 * database, or with shrink set when it cuts the free tail (never below the
 * page count); otherwise changes nothing.  Only the size changes: a crash
 * at any point leaves a valid database (the grown file reads as a longer
 * free tail), so nothing is logged.  *result (may be NULL) gets
 * pager_owned_pages afterwards.  JET_errDiskFull, JET_errDiskIO;
 * JET_errFileAccessDenied on a read-only pager. */
int pager_resize(pager *p, uint32_t pages, int shrink, uint32_t *result);

/* The database's maximum size in pages (0: none; JetCreateDatabase2's
 * cpgDatabaseSizeMax, JetSetMaxDatabaseSize).  The pager only caps the
 * file's own growth with it (the extension steps of a new file and of a
 * checkpoint): a file still grows to hold its page count.  Refusing the
 * updates that would need more is the store's (store.h). */
void pager_set_max_pages(pager *p, uint32_t pages);
uint32_t pager_max_pages(const pager *p);
/* Pages on the free list (the header's count).  Under the caller's latch. */
uint32_t pager_free_count(pager *p);

/* The header page (page 0), pinned for the pager's life: read fields with
 * get_u32(pager_data(h) + DBH_OFF_...), and call pager_make_dirty(h)
 * before changing one.  Do not release it. */
pager_page *pager_header(pager *p);

/* Checkpoint support (see the top comment). */
int pager_snapshot_take(pager *p, pager_snapshot **out);
uint32_t pager_snapshot_count(const pager_snapshot *s);
/* Copies image i (sealed, page_size bytes) into dst and tells its pgno.
 * Any thread, without the latch, while pages change (the images are kept
 * copy-on-write).  JET_errOutOfMemory when a copy-on-write found no
 * memory: the image is lost and the checkpoint must fail (so does
 * pager_snapshot_write then). */
int pager_snapshot_read(const pager_snapshot *s, uint32_t i, uint8_t *dst, uint32_t *pgno);
/* Writes every image in place, grows the file to cover the page count
 * (never shrinks it), and
 * syncs.  May run without the latch, concurrently with readers. */
int pager_snapshot_write(pager *p, const pager_snapshot *s);
void pager_snapshot_free(pager_snapshot *s);

/* Recovery: writes a sealed page image (from the log) in place, replacing
 * any cached copy; grows the page count to cover pgno.  Then pager_sync. */
int pager_write_image(pager *p, uint32_t pgno, const uint8_t *image);
int pager_sync(pager *p);

struct pager_stats {
    uint64_t hits, misses, evictions, reads, writes;
    uint32_t cached, dirty, pinned;
};
void pager_get_stats(pager *p, struct pager_stats *st);

#endif /* ESENT_PAGER_H */
