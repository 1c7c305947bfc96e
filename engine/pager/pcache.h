/*
 * pcache.h - the pager's frame table: private to engine/pager/.
 *
 * A frame (struct pager_page) holds one cached page.  The frame table finds
 * a frame by pgno (a hash table with chaining) and keeps the replacement
 * order of the frames that may be evicted.  It does no I/O, allocates no
 * frames and takes no locks: pager.c owns the frames and calls in here with
 * the pager's mutex held.  Every operation is O(1) (the hash table doubles
 * when it is full, so inserts are amortized O(1)).
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

/* A frame: one cached page.  Fields other than data are protected by the
 * pager's mutex. */
struct pager_page {
    struct pager *pager;
    uint8_t *data;               /* page_size bytes, right after the struct */
    uint32_t pgno;
    uint32_t pins;               /* pager_get pins + snapshot holds */
    uint32_t ref_tick;           /* pcache.tick at the last reference */
    int load_err;                /* FRAME_FAILED: the JET_err of the read */
    uint8_t state;               /* enum frame_state */
    uint8_t list;                /* enum frame_list: where it is linked */
    uint8_t dirty;               /* changed since the last snapshot_take */
    uint8_t hot;                 /* re-referenced: belongs in protected */
    struct pager_page *hash_next;
    struct pager_page *prev, *next; /* links of `list` (head = most recent) */
};

struct frame_list_head {
    struct pager_page *head, *tail;
    uint32_t count;
};

struct pcache {
    struct pager_page **buckets;
    uint32_t nbuckets;           /* a power of two */
    uint32_t shift;              /* 32 - log2(nbuckets), for Fibonacci hashing */
    uint32_t nhashed;
    uint32_t protected_max;      /* cap of the protected segment */
    uint32_t tick;               /* pages brought in so far (see above) */
    struct frame_list_head lists[LIST_COUNT]; /* [LIST_NONE] is unused */
};

/* capacity: the pager's cache_pages (sizes the table and the segments).
 * Returns 0 or JET_errOutOfMemory. */
int pcache_init(struct pcache *c, uint32_t capacity);
/* Frees the table itself; frames must have been drained first. */
void pcache_destroy(struct pcache *c);

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
