/*
 * pcache.h - the pager's frame table: private to engine/pager/.
 *
 * A frame (struct pager_page) holds one cached page.  The frame table finds
 * a frame by pgno (an open-addressing hash table) and keeps the replacement
 * order of the frames that may be evicted; it also hands out the frames'
 * memory (below).  It does no I/O and takes no locks: pager.c decides when
 * frames come and go and calls in here with the pager's mutex held.  Every
 * operation is O(1) (the hash table doubles when it is half full, so
 * inserts are amortized O(1)).
 *
 * Memory layout, for the lookups of a cache much larger than the CPU's
 * caches: a lookup reads only the hash table, whose slots hold the pgno
 * next to the frame pointer (linear probing, load factor <= 1/2, 16-byte
 * slots: usually one cache line per lookup, hit or miss), and never a frame
 * that is not the one looked for.  Frame headers are one cache line each
 * and sit together in chunks, apart from the page data, so the headers of
 * a whole cache (64 bytes per page) stay in the CPU's cache even when the
 * pages do not, and walking the replacement lists does not miss on every
 * step.  Page data is aligned to 4 KiB in the chunk's data block.  A chunk
 * that becomes entirely free is released when the pool holds more frames
 * than the cache size (a burst of pinned or dirty frames is given back).
 *
 * Lists.  Each frame is on at most one intrusive list, named by its `list`
 * field, and pcache_place() is the single place that decides which:
 *
 *   dirty                               -> the dirty list (never evicted;
 *                                          pager_snapshot_take walks it)
 *   clean, unpinned, loaded             -> probation or protected (evictable)
 *   anything else (pinned clean frames,
 *   frames being read or that failed)   -> no list
 *
 * so eviction never has to skip anything: the victim is simply the tail of
 * a list, and the evictable frames are exactly the frames on the two lists.
 *
 * Replacement: segmented LRU (SLRU), an O(1) approximation of LRU-2.  A
 * page read from disk is "cold" and enters the probation segment.  A page
 * referenced again later is "hot" and enters the protected segment, which
 * holds at most 3/4 of the cache; when it overflows, its least recently
 * used frame goes back to probation (cold again).  Victims come from the
 * probation tail first.  So a scan, which touches each page once, only
 * churns probation, while index pages, which every seek re-references, stay
 * protected.
 *
 * "Later" means: at least one other page was brought into the cache (read,
 * or allocated past the end) since this page's last reference.  The table
 * counts those in `tick`; a frame remembers the tick of its last reference.  Re-gets of the same page with no read in between
 * (a cursor stepping through the rows of one leaf) are one correlated
 * reference, as LRU-2's "correlated reference period" would treat them,
 * and do not make a scanned leaf hot.
 */
#ifndef ESENT_PCACHE_H
#define ESENT_PCACHE_H

#include <stdint.h>

#include "pager.h"

enum frame_state {
    FRAME_LOADING = 0, /* being read by the thread that missed; others wait */
    FRAME_READY = 1,   /* data is valid */
    FRAME_FAILED = 2   /* the read failed: unhashed, freed by its last unpin */
};

enum frame_list {
    LIST_NONE = 0,
    LIST_PROBATION = 1,
    LIST_PROTECTED = 2,
    LIST_DIRTY = 3,
    LIST_COUNT = 4
};

struct frame_chunk;

/* A frame: one cached page; 64 bytes, one cache line.  Fields other than
 * data are protected by the pager's mutex. */
struct pager_page {
    struct pager *pager;
    uint8_t *data;               /* page_size bytes, in the chunk's data block */
    struct pager_page *prev, *next; /* links of `list` (head = most recent);
                                       next also links free frames */
    struct frame_chunk *chunk;   /* where its memory comes from */
    uint32_t pgno;
    uint32_t pins;               /* pager_get pins + snapshot holds */
    struct pager_snapshot *snap; /* the snapshot whose image is still this
                                    frame's data (copy-on-write), or NULL */
    uint32_t snap_idx;           /* its entry there */
    uint32_t ref_tick;           /* pcache.tick at the last reference */
    int load_err;                /* FRAME_FAILED: the JET_err of the read */
    uint8_t state;               /* enum frame_state */
    uint8_t list;                /* enum frame_list: where it is linked */
    uint8_t dirty;               /* changed since the last snapshot_take */
    uint8_t hot;                 /* re-referenced: belongs in protected */
};

struct frame_list_head {
    struct pager_page *head, *tail;
    uint32_t count;
};

/* A hash table slot: empty when f is NULL.  data_off is f->data - f (the
 * frame's data is in the same chunk), so a lookup can start loading the
 * page while the frame header is still on its way from memory. */
struct pcache_slot {
    uint32_t pgno;
    int32_t data_off;
    struct pager_page *f;
};

struct pcache {
    struct pcache_slot *slots;
    uint32_t mask;               /* slots - 1; the slot count is a power of two */
    uint32_t shift;              /* 64 - log2(slots), for multiplicative hashing */
    uint32_t nhashed;
    uint32_t protected_max;      /* cap of the protected segment */
    uint32_t tick;               /* pages brought in so far (see above) */
    struct frame_list_head lists[LIST_COUNT]; /* [LIST_NONE] is unused */

    /* Frame memory. */
    uint32_t capacity;           /* the cache size, in frames */
    uint32_t page_size;          /* set by the first pcache_frame_new */
    uint32_t chunk_frames;       /* frames per chunk */
    uint32_t pool_frames;        /* frames in all chunks, free or not */
    struct frame_chunk *partial; /* chunks with free frames (doubly linked) */
    struct frame_chunk *chunks;  /* every chunk (singly linked, for destroy) */
};

/* capacity: the pager's cache_pages (sizes the table, the segments and the
 * chunks).  Returns 0 or JET_errOutOfMemory. */
int pcache_init(struct pcache *c, uint32_t capacity);
/* Frees the table and every frame's memory; frames must have been drained
 * (unhashed and unlinked) first. */
void pcache_destroy(struct pcache *c);

/* A zeroed frame with room for page_size bytes of data (the same page_size
 * on every call); NULL when out of memory. */
struct pager_page *pcache_frame_new(struct pcache *c, uint32_t page_size);
/* Gives a frame back; it must be unhashed and on no list. */
void pcache_frame_delete(struct pcache *c, struct pager_page *f);

/* Also prefetches the start of a found frame's page (header and first
 * slots), which the caller is about to read. */
struct pager_page *pcache_lookup(const struct pcache *c, uint32_t pgno);
/* f->pgno must not be in the table yet. */
void pcache_insert(struct pcache *c, struct pager_page *f);
void pcache_remove(struct pcache *c, struct pager_page *f);
/* Unhashes every frame (and unlinks it), calling fn on each. */
void pcache_drain(struct pcache *c, void (*fn)(struct pager_page *f, void *arg), void *arg);

/* Reference accounting: a frame just read from disk (or made new), and a
 * lookup that found a frame. */
void pcache_note_load(struct pcache *c, struct pager_page *f);
void pcache_note_hit(struct pcache *c, struct pager_page *f);

/* Puts f on the list its state, pins and dirty flag call for (see above).
 * Call after any change to them. */
void pcache_place(struct pcache *c, struct pager_page *f);
/* The coldest evictable frame, unlinked from its list but still hashed;
 * NULL when every frame is pinned or dirty. */
struct pager_page *pcache_victim(struct pcache *c);

/* The dirty list, for walking it (f->next) and counting it. */
static inline struct pager_page *pcache_dirty_first(const struct pcache *c)
{
    return c->lists[LIST_DIRTY].head;
}

#endif /* ESENT_PCACHE_H */
