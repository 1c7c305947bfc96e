/*
 * pager.c - the buffer cache over one database file (interface: pager.h).
 *
 * The pager caches page frames, reads and verifies pages on a miss, keeps
 * the header page, runs the free list, and hands dirty pages to the store's
 * checkpoint as sealed snapshots.  It never writes a dirty page on its own
 * (no-steal): the only writes are the header of a new file, snapshot
 * images, and recovery images.  The frame table and the replacement policy
 * (segmented LRU) are in pcache.c.
 *
 * What it keeps true:
 *
 *  1. Every page 1 <= pgno < page_count is either valid in the file or held
 *     in a frame that is dirty or held by an unwritten snapshot.  (A page
 *     allocated past the end exists only in the cache until a checkpoint
 *     writes it; that is why dirty frames are never evicted.)
 *  2. A frame is evicted only when it is clean, unpinned and loaded, which
 *     is exactly when it is on one of pcache's replacement lists.
 *  3. A snapshot pins its frames until pager_snapshot_free.  So while its
 *     images are being written in place, nobody reads those pages from the
 *     file (no torn or stale reads by concurrent readers).  If the write
 *     fails, the frames are made dirty again: the next checkpoint retries
 *     them, and the half-written file is never read back through the cache.
 *  4. Memory: whenever there are more frames than cache_pages (which counts
 *     every frame, the header's included), every frame is pinned or dirty
 *     (cached <= cache_pages + pinned + dirty).  A miss
 *     reuses a victim's frame when the cache is full, and a frame that
 *     becomes evictable while the cache is over its size is freed at once.
 *  5. The page count in an on-disk header never exceeds the file's size:
 *     allocating past the end dirties the header, and pager_snapshot_write
 *     grows the file (and syncs the new size) before writing any image.
 *     So pager_open can insist on file size >= page_count * page_size.
 *  6. p->page_count never decreases, and equals the header frame's
 *     page_count field; no frame exists for a pgno >= page_count.
 *  7. The file may be longer than the page count says.  The pages past it
 *     are the free tail: they hold nothing, and the next page allocated at
 *     the end takes the first of them (alloc_at_end ignores the file's
 *     size; file_grow only ever grows it).  pager_resize grows the file
 *     (JetGrowDatabase, JetSetDatabaseSize) by changing only its size, so
 *     a crash at any point leaves a valid database: the header and every
 *     page are untouched, and a longer file is exactly this state.  Nothing
 *     has to be logged or redone at recovery.  Shrinking cuts the free tail
 *     only, never below the page count.  Every change of the file's size
 *     (file_grow, pager_resize) holds size_mutex, so a checkpoint growing
 *     the file and a resize never undo each other.
 *
 * Locking: p->mutex protects the frame table, every frame's metadata, the
 * counters, page_count, lsn and generation (page_count and generation are
 * stored atomically, so their getters read them without it).  Page
 * contents are protected by the caller's latch on the database (pager.h).
 * No I/O is done under the mutex: a miss inserts a LOADING frame, drops
 * the mutex to read, and broadcasts p->loaded when done, so a second
 * thread missing on the same page waits for that read instead of doing
 * its own.  A read that fails
 * leaves the frame FAILED and unhashed; each waiter returns the same error
 * and the last one to unpin the frame frees it.
 *
 * The header page (pgno 0) lives in p->header: pinned for the pager's life
 * and not in the hash table, so pager_get can refuse pgno 0.
 *
 * Recovery (pager_write_image) writes an image in place and copies it into
 * a cached frame if there is one.  The page count follows the images: a
 * page image past the end grows it (the header frame is then dirty, so the
 * checkpoint that ends recovery writes the new count); a header image
 * replaces the header but never lowers the count below pages already
 * replayed (invariant 6).
 *
 * Statistics: reads and writes count pages, not system calls.
 */
#include "pager.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "debug.h"
#include "esent.h"
#include "page.h"
#include "pcache.h"

DEFAULT_DEBUG_CHANNEL(esent);

#define PAGER_PROBE_SIZE PAGE_SIZE_MIN    /* read first, to learn the page size */
#define PAGER_MAX_PAGES 0xFFFFFFFFu       /* pgnos are 32-bit */
#define PAGER_RUN_BYTES (1u << 20)        /* the largest coalesced write */

struct pager {
    os_vfs *vfs;
    os_file *file;
    char *path;               /* for messages */
    uint32_t page_size;
    uint32_t cache_pages;
    uint32_t extend_pages;    /* >= 1 */
    uint32_t max_pages;       /* 0 or the file's growth cap (atomic) */
    int readonly;
    os_mutex *size_mutex;     /* serializes changes of the file's size */
    uint32_t file_pages;      /* whole pages the file holds (atomic; set
                                 under size_mutex) */
    pager_page *header;       /* page 0 (see the top comment) */

    os_mutex *mutex;          /* protects everything below */
    os_cond *loaded;          /* broadcast when a read finishes */
    struct pcache cache;
    uint32_t page_count;
    uint32_t nframes;         /* frames allocated, the header included */
    uint32_t ndirty, npinned;
    uint32_t nsnapshots;      /* taken and not yet freed */
    uint64_t lsn, generation;
    uint64_t hits, misses, evictions, reads, writes;
    uint64_t hints[PAGER_HINT_WORDS]; /* the B-tree layer's (pager_hints) */
};

/* A snapshot's image of a page is the frame's own data (sealed in place
 * when taken) until the first pager_make_dirty after that: frame_touch
 * then copies it into `copy` before the caller changes the frame
 * (copy-on-write), so only pages changed while a checkpoint runs cost
 * memory.  Image bytes are read under p->mutex (pager_snapshot_read, the
 * write's bounce buffer), which is the lock frame_touch holds while it
 * copies. */
struct snap_entry {
    pager_page *frame;        /* pinned by the snapshot */
    uint32_t pgno;
    uint8_t *copy;            /* the image once the frame changed, else NULL */
};

struct pager_snapshot {
    pager *pager;
    uint32_t count;
    uint32_t page_count;      /* the database's page count when taken */
    struct snap_entry *entries; /* sorted by pgno */
    int broken;               /* a copy-on-write found no memory: the image
                                 is gone, the checkpoint must fail */
};

/* ---- errors ------------------------------------------------------------ */

static int map_os_error(int rc)
{
    switch (rc) {
    case OS_OK: return 0;
    case OS_ENOENT: return JET_errFileNotFound;
    case OS_EEXIST: return JET_errDatabaseDuplicate;
    case OS_EACCES: return JET_errFileAccessDenied;
    case OS_ENOSPC: return JET_errDiskFull;
    case OS_ENOMEM: return JET_errOutOfMemory;
    case OS_EINVAL: return JET_errInvalidPath;
    case OS_ESHORT: return JET_errDatabaseCorrupted; /* shorter than its header says */
    default: return JET_errDiskIO;
    }
}

/* ---- frames (p->mutex held, except while a pager is being built) -------- */

static pager_page *frame_alloc(pager *p)
{
    pager_page *f = pcache_frame_new(&p->cache, p->page_size);

    if (f) f->pager = p;
    return f;
}

static void frame_free(pager *p, pager_page *f)
{
    assert(f->pins == 0 && f->list == LIST_NONE && !f->dirty);
    pcache_frame_delete(&p->cache, f);
    p->nframes--;
}

/* Frees evictable frames while the cache is over its size (invariant 4). */
static void cache_trim(pager *p)
{
    pager_page *f;

    while (p->nframes > p->cache_pages && (f = pcache_victim(&p->cache))) {
        pcache_remove(&p->cache, f);
        frame_free(p, f);
        p->evictions++;
    }
}

static void frame_pin(pager *p, pager_page *f)
{
    if (f->pins++ == 0) {
        p->npinned++;
        pcache_place(&p->cache, f);
    }
}

static void frame_unpin(pager *p, pager_page *f)
{
    assert(f->pins > 0);
    if (--f->pins) return;
    p->npinned--;
    if (f->state == FRAME_FAILED) { /* already unhashed by its reader */
        frame_free(p, f);
        return;
    }
    pcache_place(&p->cache, f);
    cache_trim(p);
}

static void frame_set_dirty(pager *p, pager_page *f)
{
    if (f->dirty) return;
    f->dirty = 1;
    p->ndirty++;
    pcache_place(&p->cache, f);
}

static void frame_set_clean(pager *p, pager_page *f)
{
    if (!f->dirty) return;
    f->dirty = 0;
    p->ndirty--;
    pcache_place(&p->cache, f);
    cache_trim(p);
}

/* page_count and generation change only under the mutex but are read
 * without it (pager_page_count, pager_generation: cursors ask for every
 * row), so they are stored atomically. */
static void set_page_count(pager *p, uint32_t n)
{
    __atomic_store_n(&p->page_count, n, __ATOMIC_RELEASE);
}

static void gen_bump(pager *p)
{
    __atomic_store_n(&p->generation, p->generation + 1, __ATOMIC_RELEASE);
}

/* Before a frame whose data is still a snapshot's image changes: the
 * image moves to a copy of its own.  Without memory for it the snapshot is
 * marked broken (its checkpoint then fails and the store stops, as any
 * failed checkpoint makes it; recovery redoes the work from the log). */
static void snap_cow(pager *p, pager_page *f)
{
    struct snap_entry *e = &f->snap->entries[f->snap_idx];

    assert(e->frame == f && !e->copy);
    if ((e->copy = malloc(p->page_size))) memcpy(e->copy, f->data, p->page_size);
    else f->snap->broken = 1;
    f->snap = NULL;
}

/* What pager_make_dirty does, for callers already holding the mutex.
 * Callers change a frame's data only after this (pager.h). */
static void frame_touch(pager *p, pager_page *f)
{
    if (f->snap) snap_cow(p, f);
    put_u64(f->data + PAGE_OFF_LSN, p->lsn);
    frame_set_dirty(p, f);
    gen_bump(p);
}

static pager_page *take_victim(pager *p)
{
    pager_page *f = pcache_victim(&p->cache);

    if (f) {
        pcache_remove(&p->cache, f);
        p->evictions++;
    }
    return f;
}

/* A frame for pgno, hashed, pinned once and LOADING: a victim's frame when
 * the cache is full, else a new one.  NULL when out of memory. */
static pager_page *frame_obtain(pager *p, uint32_t pgno)
{
    pager_page *f = NULL;

    if (p->nframes >= p->cache_pages) f = take_victim(p);
    if (!f && (f = frame_alloc(p))) p->nframes++;
    if (!f) f = take_victim(p); /* no memory: reuse a clean frame after all */
    if (!f) return NULL;

    f->pgno = pgno;
    f->pins = 1;
    f->state = FRAME_LOADING;
    f->load_err = 0;
    p->npinned++;
    pcache_insert(&p->cache, f);
    pcache_note_load(&p->cache, f);
    return f;
}

/* ---- reading ----------------------------------------------------------- */

static int read_page(pager *p, uint32_t pgno, uint8_t *buf)
{
    int rc = os_file_read(p->file, (uint64_t)pgno * p->page_size, buf, p->page_size);

    if (rc) {
        WARN("%s: reading page %u: OS error %d\n", p->path, pgno, rc);
        return map_os_error(rc);
    }
    if ((rc = page_verify(buf, p->page_size, pgno))) {
        WARN("%s: page %u fails verification (checksum or page number)\n", p->path, pgno);
        return rc;
    }
    return 0;
}

/* A hit: pins f, waiting for it if another thread is still reading it. */
static int get_cached(pager *p, pager_page *f)
{
    frame_pin(p, f);
    while (f->state == FRAME_LOADING) os_cond_wait(p->loaded, p->mutex);
    if (f->state == FRAME_FAILED) {
        int rc = f->load_err;
        frame_unpin(p, f);
        return rc;
    }
    pcache_note_hit(&p->cache, f);
    p->hits++;
    return 0;
}

/* A miss: reads pgno into a new frame, dropping the mutex for the read. */
static int get_missing(pager *p, uint32_t pgno, pager_page **out)
{
    pager_page *f = frame_obtain(p, pgno);
    int rc;

    if (!f) return JET_errOutOfMemory;
    p->misses++;
    os_mutex_unlock(p->mutex);
    rc = read_page(p, pgno, f->data);
    os_mutex_lock(p->mutex);

    p->reads++;
    if (rc) {
        pcache_remove(&p->cache, f);
        f->state = FRAME_FAILED;
        f->load_err = rc;
    } else {
        f->state = FRAME_READY;
    }
    os_cond_broadcast(p->loaded);
    if (rc) frame_unpin(p, f);
    else *out = f;
    return rc;
}

int pager_get(pager *p, uint32_t pgno, pager_page **out)
{
    pager_page *f = NULL;
    uint32_t count;
    int rc;

    *out = NULL;
    os_mutex_lock(p->mutex);
    count = p->page_count;
    if (pgno == 0 || pgno >= count) {
        os_mutex_unlock(p->mutex);
        WARN("%s: page %u is out of range (page count %u)\n", p->path, pgno, count);
        return JET_errDatabaseCorrupted;
    }
    if ((f = pcache_lookup(&p->cache, pgno))) rc = get_cached(p, f);
    else rc = get_missing(p, pgno, &f);
    os_mutex_unlock(p->mutex);
    if (rc == 0) *out = f;
    return rc;
}

int pager_get_swap(pager *p, uint32_t pgno, pager_page **pg)
{
    pager_page *f = NULL, *old = *pg;
    uint32_t count;
    int rc;

    assert(old && old->pager == p && old != p->header);
    os_mutex_lock(p->mutex);
    count = p->page_count;
    if (pgno == 0 || pgno >= count) {
        frame_unpin(p, old);
        os_mutex_unlock(p->mutex);
        *pg = NULL;
        WARN("%s: page %u is out of range (page count %u)\n", p->path, pgno, count);
        return JET_errDatabaseCorrupted;
    }
    if ((f = pcache_lookup(&p->cache, pgno))) rc = get_cached(p, f);
    else rc = get_missing(p, pgno, &f);
    frame_unpin(p, old); /* after the pin of pgno: hand over hand */
    os_mutex_unlock(p->mutex);
    *pg = rc ? NULL : f;
    return rc;
}

void pager_release(pager_page *pg)
{
    pager *p;

    if (!pg) return;
    p = pg->pager;
    assert(pg != p->header); /* pinned for the pager's life */
    os_mutex_lock(p->mutex);
    frame_unpin(p, pg);
    os_mutex_unlock(p->mutex);
}

uint8_t *pager_data(pager_page *pg)
{
    return pg->data;
}

uint32_t pager_pgno(const pager_page *pg)
{
    return pg->pgno;
}

/* ---- changing pages ---------------------------------------------------- */

void pager_make_dirty(pager_page *pg)
{
    pager *p = pg->pager;

    assert(!p->readonly);
    os_mutex_lock(p->mutex);
    assert(pg->pins > 0 && pg->state == FRAME_READY);
    frame_touch(p, pg);
    os_mutex_unlock(p->mutex);
}

uint64_t pager_generation(const pager *p)
{
    return __atomic_load_n(&p->generation, __ATOMIC_ACQUIRE);
}

void pager_set_lsn(pager *p, uint64_t lsn)
{
    os_mutex_lock(p->mutex);
    p->lsn = lsn;
    os_mutex_unlock(p->mutex);
}

static uint32_t hdr_get(const pager *p, unsigned off)
{
    return get_u32(p->header->data + off);
}

static void hdr_put(pager *p, unsigned off, uint32_t v)
{
    put_u32(p->header->data + off, v);
}

/* Whether a free page's next pointer fits the list: in range, not a loop
 * onto itself, and the list ends exactly when the count says it does. */
static int free_link_ok(uint32_t head, uint32_t next, uint32_t count, uint32_t page_count)
{
    if (count == 0 || next == head || next >= page_count) return 0;
    return (next == 0) == (count == 1);
}

static int alloc_from_free_list(pager *p, pager_page **out)
{
    uint32_t head = hdr_get(p, DBH_OFF_FREE_HEAD);
    uint32_t count = hdr_get(p, DBH_OFF_FREE_COUNT);
    uint32_t next;
    pager_page *pg;
    int rc;

    if ((rc = pager_get(p, head, &pg))) return rc;
    next = get_u32(pg->data + PAGE_OFF_NEXT);
    if (pg->data[PAGE_OFF_TYPE] != PAGE_TYPE_FREE ||
        !free_link_ok(head, next, count, pager_page_count(p))) {
        ERR("%s: free list damaged at page %u (type %u, next %u, count %u)\n", p->path, head,
            pg->data[PAGE_OFF_TYPE], next, count);
        pager_release(pg);
        return JET_errDatabaseCorrupted;
    }
    os_mutex_lock(p->mutex);
    if (pg->snap) snap_cow(p, pg); /* before its data changes */
    memset(pg->data, 0, p->page_size);
    put_u32(pg->data + PAGE_OFF_PGNO, head);
    frame_touch(p, pg);
    frame_touch(p, p->header);
    hdr_put(p, DBH_OFF_FREE_HEAD, next);
    hdr_put(p, DBH_OFF_FREE_COUNT, count - 1);
    os_mutex_unlock(p->mutex);
    *out = pg;
    return 0;
}

static int alloc_at_end(pager *p, pager_page **out)
{
    pager_page *f = NULL;
    uint32_t pgno;
    int rc = 0;

    os_mutex_lock(p->mutex);
    pgno = p->page_count;
    assert(!pcache_lookup(&p->cache, pgno)); /* invariant 6 */
    if (pgno == PAGER_MAX_PAGES) rc = JET_errOutOfDatabaseSpace;
    else if (!(f = frame_obtain(p, pgno))) rc = JET_errOutOfMemory;
    if (rc == 0) {
        memset(f->data, 0, p->page_size);
        put_u32(f->data + PAGE_OFF_PGNO, pgno);
        f->state = FRAME_READY;
        frame_touch(p, f);
        set_page_count(p, pgno + 1);
        frame_touch(p, p->header);
        hdr_put(p, DBH_OFF_PAGE_COUNT, p->page_count);
        *out = f;
    }
    os_mutex_unlock(p->mutex);
    return rc;
}

int pager_alloc(pager *p, pager_page **out)
{
    assert(!p->readonly);
    *out = NULL;
    if (hdr_get(p, DBH_OFF_FREE_HEAD)) return alloc_from_free_list(p, out);
    return alloc_at_end(p, out);
}

int pager_free(pager *p, pager_page *pg)
{
    uint32_t pgno = pg->pgno;
    uint32_t head = hdr_get(p, DBH_OFF_FREE_HEAD);
    uint32_t count = hdr_get(p, DBH_OFF_FREE_COUNT);
    int rc = 0;

    assert(!p->readonly && pg->pager == p && pg != p->header);
    if (count + 1 >= pager_page_count(p)) {
        /* More free pages than the file has: something freed a page twice. */
        ERR("%s: freeing page %u would put %u pages on the free list of %u\n", p->path, pgno,
            count + 1, pager_page_count(p));
        rc = JET_errDatabaseCorrupted;
    }

    os_mutex_lock(p->mutex);
    if (rc == 0) {
        if (pg->snap) snap_cow(p, pg); /* before its data changes */
        memset(pg->data, 0, p->page_size);
        put_u32(pg->data + PAGE_OFF_PGNO, pgno);
        pg->data[PAGE_OFF_TYPE] = PAGE_TYPE_FREE;
        put_u32(pg->data + PAGE_OFF_NEXT, head);
        frame_touch(p, pg);
        frame_touch(p, p->header);
        hdr_put(p, DBH_OFF_FREE_HEAD, pgno);
        hdr_put(p, DBH_OFF_FREE_COUNT, count + 1);
    }
    frame_unpin(p, pg);
    os_mutex_unlock(p->mutex);
    return rc;
}

pager_page *pager_header(pager *p)
{
    return p->header;
}

/* ---- checkpoints ------------------------------------------------------- */

static int entry_cmp(const void *a, const void *b)
{
    uint32_t x = ((const struct snap_entry *)a)->frame->pgno;
    uint32_t y = ((const struct snap_entry *)b)->frame->pgno;
    return (x > y) - (x < y);
}

/* Makes dirty frame i (already sorted) the snapshot's image of its page:
 * its hole zeroed (the checkpoint logs the page without it) and sealed in
 * place, clean, pinned by the snapshot (invariant 3). */
static void snapshot_hold(pager *p, pager_snapshot *s, uint32_t i)
{
    struct snap_entry *e = &s->entries[i];
    pager_page *f = e->frame;
    uint32_t hole_off, hole_len;

    assert(get_u32(f->data + PAGE_OFF_PGNO) == f->pgno); /* callers keep a page's number */
    assert(!f->snap);
    page_hole(f->data, p->page_size, &hole_off, &hole_len);
    memset(f->data + hole_off, 0, hole_len);
    page_seal(f->data, p->page_size);
    e->pgno = f->pgno;
    e->copy = NULL;
    f->snap = s;
    f->snap_idx = i;
    frame_pin(p, f);
    frame_set_clean(p, f);
}

int pager_snapshot_take(pager *p, pager_snapshot **out)
{
    pager_snapshot *s = calloc(1, sizeof(*s));
    pager_page *f;
    uint32_t i, n;

    *out = NULL;
    if (!s) return JET_errOutOfMemory;
    s->pager = p;
    os_mutex_lock(p->mutex);
    n = p->ndirty;
    if (n && !(s->entries = malloc((size_t)n * sizeof(*s->entries)))) {
        os_mutex_unlock(p->mutex);
        free(s);
        return JET_errOutOfMemory;
    }
    for (i = 0, f = pcache_dirty_first(&p->cache); f; f = f->next) s->entries[i++].frame = f;
    assert(i == n);
    if (n) qsort(s->entries, n, sizeof(*s->entries), entry_cmp);
    for (i = 0; i < n; i++) snapshot_hold(p, s, i);
    s->count = n;
    s->page_count = p->page_count;
    p->nsnapshots++;
    os_mutex_unlock(p->mutex);

    TRACE("%s: %u dirty pages, page count %u\n", p->path, n, s->page_count);
    *out = s;
    return 0;
}

uint32_t pager_snapshot_count(const pager_snapshot *s)
{
    return s->count;
}

static const uint8_t *entry_image(const struct snap_entry *e)
{
    return e->copy ? e->copy : e->frame->data;
}

int pager_snapshot_read(const pager_snapshot *s, uint32_t i, uint8_t *dst, uint32_t *pgno)
{
    pager *p = s->pager;
    int rc = 0;

    assert(i < s->count);
    *pgno = s->entries[i].pgno;
    os_mutex_lock(p->mutex);
    if (s->broken) rc = JET_errOutOfMemory;
    else memcpy(dst, entry_image(&s->entries[i]), p->page_size);
    os_mutex_unlock(p->mutex);
    return rc;
}

/* Sets the file's size to pages whole pages and syncs it; size_mutex held. */
static int file_set_pages(pager *p, uint64_t pages)
{
    int rc = os_file_truncate(p->file, pages * p->page_size);

    if (rc == 0) rc = os_file_sync(p->file);
    if (rc == 0) __atomic_store_n(&p->file_pages, (uint32_t)pages, __ATOMIC_RELEASE);
    return map_os_error(rc);
}

/* An extension to `pages` cut back to the maximum size, if any. */
static uint64_t grow_cap(const pager *p, uint64_t pages)
{
    uint32_t max = __atomic_load_n(&p->max_pages, __ATOMIC_RELAXED);
    return max && pages > max ? max : pages;
}

void pager_set_max_pages(pager *p, uint32_t pages)
{
    __atomic_store_n(&p->max_pages, pages, __ATOMIC_RELAXED);
}

uint32_t pager_max_pages(const pager *p)
{
    return __atomic_load_n(&p->max_pages, __ATOMIC_RELAXED);
}

uint32_t pager_free_count(pager *p)
{
    return hdr_get(p, DBH_OFF_FREE_COUNT);
}

/* Makes the file hold at least page_count pages, growing it by at least
 * extend_pages, and syncs the new size before any image relies on it
 * (invariant 5). */
static int file_grow(pager *p, uint32_t page_count)
{
    uint64_t pages;
    int rc = 0;

    os_mutex_lock(p->size_mutex);
    if (p->file_pages < page_count) {
        pages = (uint64_t)p->file_pages + p->extend_pages;
        pages = grow_cap(p, pages);
        if (pages < page_count) pages = page_count;
        if (pages > PAGER_MAX_PAGES) pages = PAGER_MAX_PAGES;
        TRACE("%s: growing the file for %u pages\n", p->path, page_count);
        rc = file_set_pages(p, pages);
    }
    os_mutex_unlock(p->size_mutex);
    return rc;
}

uint32_t pager_owned_pages(const pager *p)
{
    uint32_t file = __atomic_load_n(&p->file_pages, __ATOMIC_ACQUIRE);
    uint32_t count = pager_page_count(p);

    return file > count ? file : count;
}

int pager_resize(pager *p, uint32_t pages, int shrink, uint32_t *result)
{
    uint32_t count;
    int rc = 0;

    if (p->readonly) return JET_errFileAccessDenied;
    os_mutex_lock(p->size_mutex);
    count = pager_page_count(p);
    if (pages < count) pages = count; /* never cut allocated pages */
    if (pages > p->file_pages || (shrink && pages < p->file_pages)) {
        TRACE("%s: file from %u to %u pages\n", p->path, p->file_pages, pages);
        rc = file_set_pages(p, pages);
    }
    os_mutex_unlock(p->size_mutex);
    if (result) *result = pager_owned_pages(p);
    return rc;
}

/* Writes the images, one write per run of consecutive pgnos, each run
 * copied under the mutex into a bounce buffer first (the frames may be
 * copied-on-write meanwhile). */
static int snapshot_write_runs(pager *p, const pager_snapshot *s)
{
    uint32_t max_run = PAGER_RUN_BYTES / p->page_size;
    uint32_t i, j, k;
    uint8_t *buf = malloc((size_t)max_run * p->page_size);

    if (!buf) return JET_errOutOfMemory;
    for (i = 0; i < s->count; i = j) {
        int rc, broken;
        for (j = i + 1; j < s->count && j - i < max_run; j++)
            if (s->entries[j].pgno != s->entries[j - 1].pgno + 1) break;
        os_mutex_lock(p->mutex);
        broken = s->broken;
        for (k = i; k < j && !broken; k++)
            memcpy(buf + (size_t)(k - i) * p->page_size, entry_image(&s->entries[k]), p->page_size);
        os_mutex_unlock(p->mutex);
        if (broken) {
            free(buf);
            return JET_errOutOfMemory;
        }
        rc = os_file_write(p->file, (uint64_t)s->entries[i].pgno * p->page_size, buf,
                           (size_t)(j - i) * p->page_size);
        if (rc) {
            free(buf);
            return map_os_error(rc);
        }
    }
    free(buf);
    return 0;
}

int pager_snapshot_write(pager *p, const pager_snapshot *s)
{
    uint32_t i;
    int rc;

    assert(s->pager == p);
    if (s->count == 0) return 0;
    rc = file_grow(p, s->page_count);
    if (rc == 0) rc = snapshot_write_runs(p, s);
    if (rc == 0) rc = map_os_error(os_file_sync(p->file));

    os_mutex_lock(p->mutex);
    if (rc == 0) p->writes += s->count;
    else
        for (i = 0; i < s->count; i++) frame_set_dirty(p, s->entries[i].frame); /* invariant 3 */
    os_mutex_unlock(p->mutex);
    if (rc) ERR("%s: checkpoint of %u pages failed: %d\n", p->path, s->count, rc);
    return rc;
}

void pager_snapshot_free(pager_snapshot *s)
{
    pager *p;
    uint32_t i;

    if (!s) return;
    p = s->pager;
    os_mutex_lock(p->mutex);
    for (i = 0; i < s->count; i++) {
        struct snap_entry *e = &s->entries[i];
        if (e->copy) free(e->copy);
        else if (e->frame->snap == s) e->frame->snap = NULL; /* never changed */
        frame_unpin(p, e->frame);
    }
    p->nsnapshots--;
    os_mutex_unlock(p->mutex);
    free(s->entries);
    free(s);
}

/* ---- the header page ----------------------------------------------------- */

/* Checks the fields of a header page whose checksum is good.  Returns 0 or
 * a JET_err, with the reason in *why. */
static int header_check(const uint8_t *h, uint32_t page_size, const char **why)
{
    uint32_t count = get_u32(h + DBH_OFF_PAGE_COUNT);
    uint32_t head = get_u32(h + DBH_OFF_FREE_HEAD);
    uint32_t nfree = get_u32(h + DBH_OFF_FREE_COUNT);
    int rc = JET_errDatabaseCorrupted;

    if (memcmp(h + DBH_OFF_MAGIC, DBH_MAGIC, 8) != 0 || h[PAGE_OFF_TYPE] != PAGE_TYPE_DBHEADER) {
        *why = "not a database header";
    } else if (get_u32(h + DBH_OFF_VERSION) != DBH_FORMAT_VERSION) {
        *why = "unsupported format version";
        rc = JET_errInvalidDatabaseVersion;
    } else if (get_u32(h + DBH_OFF_PAGE_SIZE) != page_size) {
        *why = "page size field does not match the page";
    } else if (count == 0) {
        *why = "page count is zero";
    } else if (head >= count || nfree >= count || (head == 0) != (nfree == 0)) {
        *why = "free list head or count out of range";
    } else if (get_u32(h + DBH_OFF_CATALOG_ROOT) >= count) {
        *why = "catalog root out of range";
    } else {
        *why = NULL;
        rc = 0;
    }
    return rc;
}

static int bad_header(pager *p, int rc, const char *why)
{
    WARN("%s: not a usable database: %s\n", p->path, why);
    return rc;
}

static uint64_t mix64(uint64_t x) /* splitmix64's output function */
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/* 16 bytes that differ between databases: wall and monotonic time, stack
 * and heap addresses (randomized by ASLR), a process-wide counter, CPU
 * time, mixed.  Good enough to tell databases apart; not cryptographic. */
static void make_signature(uint8_t *sig, const void *salt)
{
    static uint32_t counter;
    uint64_t seed = mix64((uint64_t)time(NULL));

    seed = mix64(seed ^ os_time_ms());
    seed = mix64(seed ^ (uint64_t)(uintptr_t)salt);
    seed = mix64(seed ^ (uint64_t)(uintptr_t)&seed);
    seed = mix64(seed ^ __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED));
    put_u64(sig, seed);
    put_u64(sig + 8, mix64(seed ^ (uint64_t)clock()));
}

static void header_format(pager *p)
{
    uint8_t *h = p->header->data;
    time_t now = time(NULL);

    memset(h, 0, p->page_size);
    h[PAGE_OFF_TYPE] = PAGE_TYPE_DBHEADER;
    memcpy(h + DBH_OFF_MAGIC, DBH_MAGIC, 8);
    put_u32(h + DBH_OFF_VERSION, DBH_FORMAT_VERSION);
    put_u32(h + DBH_OFF_PAGE_SIZE, p->page_size);
    put_u32(h + DBH_OFF_PAGE_COUNT, 1);
    put_u32(h + DBH_OFF_DB_STATE, JET_dbstateJustCreated);
    make_signature(h + DBH_OFF_SIGNATURE, p);
    put_u64(h + DBH_OFF_CREATE_TIME, now > 0 ? (uint64_t)now : 0);
}

/* The header frame, once the page size is known. */
static int header_frame_new(pager *p)
{
    if (!(p->header = frame_alloc(p))) return JET_errOutOfMemory;
    p->header->pins = 1;
    p->header->state = FRAME_READY;
    p->nframes = 1;
    p->npinned = 1;
    return 0;
}

static int create_write(pager *p)
{
    uint32_t pages = (uint32_t)grow_cap(p, p->extend_pages);
    int rc;

    page_seal(p->header->data, p->page_size);
    rc = os_file_write(p->file, 0, p->header->data, p->page_size);
    if (rc == 0 && pages > 1) rc = os_file_truncate(p->file, (uint64_t)pages * p->page_size);
    if (rc == 0) rc = os_file_sync(p->file);
    if (rc == 0) p->writes++;
    if (rc == 0) p->file_pages = pages > 1 ? pages : 1;
    return map_os_error(rc);
}

static int create_file(pager *p, const struct pager_config *cfg)
{
    unsigned flags = OS_OPEN_CREATE | OS_OPEN_LOCK |
                     ((cfg->flags & PAGER_OVERWRITE) ? OS_OPEN_TRUNCATE : OS_OPEN_EXCL);
    int rc;

    if (!page_size_valid(cfg->page_size)) return JET_errInvalidParameter;
    p->page_size = cfg->page_size;
    if ((rc = header_frame_new(p))) return rc;
    if ((rc = os_file_open(p->vfs, p->path, flags, &p->file))) return map_os_error(rc);
    header_format(p);
    set_page_count(p, 1);
    rc = create_write(p);
    /* The new file's name must survive a power loss before the database
     * is used (its creation is not in the log). */
    if (!rc) rc = map_os_error(os_path_sync_dir(p->vfs, p->path));
    if (rc) {
        /* Leave nothing behind: a half-made database is worse than none. */
        os_file_close(p->file);
        p->file = NULL;
        if (os_path_remove(p->vfs, p->path)) WARN("%s: cannot remove after failure\n", p->path);
    }
    return rc;
}

/* Reads the start of the file to learn the page size. */
static int probe_page_size(pager *p, uint64_t size, uint32_t *page_size)
{
    uint8_t probe[PAGER_PROBE_SIZE];
    int rc;

    if (size < PAGER_PROBE_SIZE) return bad_header(p, JET_errDatabaseCorrupted, "file too short");
    if ((rc = os_file_read(p->file, 0, probe, sizeof(probe)))) return map_os_error(rc);
    if (memcmp(probe + DBH_OFF_MAGIC, DBH_MAGIC, 8) != 0)
        return bad_header(p, JET_errDatabaseCorrupted, "no database magic");
    *page_size = get_u32(probe + DBH_OFF_PAGE_SIZE);
    if (!page_size_valid(*page_size))
        return bad_header(p, JET_errDatabaseCorrupted, "invalid page size");
    if (size < *page_size) return bad_header(p, JET_errDatabaseCorrupted, "file too short");
    return 0;
}

static int open_file(pager *p, const struct pager_config *cfg)
{
    const char *why;
    uint64_t size;
    uint32_t count;
    int rc;

    if ((rc = os_file_open(p->vfs, p->path,
                           ((cfg->flags & PAGER_NOLOCK) ? 0 : OS_OPEN_LOCK) |
                               (p->readonly ? OS_OPEN_READONLY : 0),
                           &p->file)))
        return map_os_error(rc);
    if ((rc = os_file_size(p->file, &size))) return map_os_error(rc);
    if ((rc = probe_page_size(p, size, &p->page_size))) return rc;
    if ((rc = header_frame_new(p))) return rc;
    if ((rc = os_file_read(p->file, 0, p->header->data, p->page_size))) return map_os_error(rc);
    p->reads++;
    /* A bad checksum here is a torn or damaged header: the log may still
     * hold a good image of it, so it is reported as such. */
    if ((rc = page_verify(p->header->data, p->page_size, 0)))
        return bad_header(p, rc, "header page fails verification");
    if ((rc = header_check(p->header->data, p->page_size, &why))) return bad_header(p, rc, why);
    if (cfg->page_size && cfg->page_size != p->page_size) {
        WARN("%s: page size is %u, not %u\n", p->path, p->page_size, cfg->page_size);
        return JET_errPageSizeMismatch;
    }
    count = hdr_get(p, DBH_OFF_PAGE_COUNT);
    if (size / p->page_size < count) /* invariant 5 */
        return bad_header(p, JET_errDatabaseCorrupted, "file shorter than its page count");
    set_page_count(p, count);
    p->file_pages = size / p->page_size > PAGER_MAX_PAGES ? PAGER_MAX_PAGES : (uint32_t)(size / p->page_size);
    return 0;
}

/* An empty pager: everything but the file and the header frame. */
static int pager_new(const char *path, const struct pager_config *cfg, pager **out)
{
    size_t len = strlen(path) + 1;
    pager *p = calloc(1, sizeof(*p));

    *out = NULL;
    if (!p) return JET_errOutOfMemory;
    p->vfs = cfg->vfs ? cfg->vfs : os_vfs_default();
    p->cache_pages = cfg->cache_pages;
    p->extend_pages = cfg->extend_pages ? cfg->extend_pages : 1;
    p->max_pages = cfg->max_pages;
    p->readonly = (cfg->flags & PAGER_READONLY) != 0;
    if (!(p->path = malloc(len)) || os_mutex_create(&p->mutex) || os_mutex_create(&p->size_mutex) ||
        os_cond_create(&p->loaded) ||
        pcache_init(&p->cache, cfg->cache_pages)) {
        pager_close(p);
        return JET_errOutOfMemory;
    }
    memcpy(p->path, path, len);
    *out = p;
    return 0;
}

int pager_open(const char *path, const struct pager_config *cfg, pager **out)
{
    int create = (cfg->flags & PAGER_CREATE) != 0;
    pager *p;
    int rc;

    *out = NULL;
    if (create && (cfg->flags & PAGER_READONLY)) return JET_errInvalidParameter;
    if ((rc = pager_new(path, cfg, &p))) return rc;
    rc = create ? create_file(p, cfg) : open_file(p, cfg);
    if (rc) {
        TRACE("%s: %s failed: %d\n", dbgstr_a(path), create ? "create" : "open", rc);
        pager_close(p);
        return rc;
    }
    TRACE("%s: %s, page size %u, %u pages, cache %u\n", dbgstr_a(path),
          create ? "created" : "opened", p->page_size, p->page_count, p->cache_pages);
    *out = p;
    return 0;
}

static void drain_frame(pager_page *f, void *arg)
{
    (void)f;
    (void)arg; /* pcache_destroy frees the frames' memory */
}

void pager_close(pager *p)
{
    if (!p) return;
    assert(p->nsnapshots == 0); /* pager_snapshot_free first */
    if (p->header && p->npinned > 1) WARN("%s: %u pages still pinned\n", p->path, p->npinned - 1);
    if (p->ndirty) TRACE("%s: dropping %u dirty pages\n", p->path, p->ndirty);
    if (p->cache.slots) pcache_drain(&p->cache, drain_frame, NULL);
    pcache_destroy(&p->cache); /* frees the header frame too */
    if (p->loaded) os_cond_destroy(p->loaded);
    if (p->mutex) os_mutex_destroy(p->mutex);
    if (p->size_mutex) os_mutex_destroy(p->size_mutex);
    os_file_close(p->file);
    free(p->path);
    free(p);
}

/* ---- recovery -------------------------------------------------------- */

static void install_header_image(pager *p, const uint8_t *image)
{
    pager_page *h = p->header;
    uint32_t count = get_u32(image + DBH_OFF_PAGE_COUNT);

    memcpy(h->data, image, p->page_size);
    frame_set_clean(p, h);
    if (count < p->page_count) { /* pages replayed before it lie past its count */
        hdr_put(p, DBH_OFF_PAGE_COUNT, p->page_count);
        frame_set_dirty(p, h);
    } else {
        set_page_count(p, count);
    }
}

static void install_page_image(pager *p, uint32_t pgno, const uint8_t *image)
{
    pager_page *f = pcache_lookup(&p->cache, pgno);

    if (f) {
        assert(f->state == FRAME_READY && !f->snap); /* recovery runs alone */
        memcpy(f->data, image, p->page_size);
        frame_set_clean(p, f);
    }
    if (pgno >= p->page_count) {
        set_page_count(p, pgno + 1);
        hdr_put(p, DBH_OFF_PAGE_COUNT, p->page_count);
        frame_set_dirty(p, p->header);
    }
}

int pager_write_image(pager *p, uint32_t pgno, const uint8_t *image)
{
    const char *why;
    int rc;

    assert(!p->readonly);
    if (pgno == PAGER_MAX_PAGES) return JET_errDatabaseCorrupted; /* the count could not cover it */
    if ((rc = page_verify(image, p->page_size, pgno))) {
        WARN("%s: image of page %u fails verification\n", p->path, pgno);
        return rc;
    }
    if (pgno == 0 && (rc = header_check(image, p->page_size, &why))) {
        WARN("%s: header image rejected: %s\n", p->path, why);
        return rc;
    }
    if ((rc = os_file_write(p->file, (uint64_t)pgno * p->page_size, image, p->page_size)))
        return map_os_error(rc);
    os_mutex_lock(p->size_mutex); /* the write may have made the file longer */
    if (pgno >= p->file_pages) __atomic_store_n(&p->file_pages, pgno + 1, __ATOMIC_RELEASE);
    os_mutex_unlock(p->size_mutex);

    os_mutex_lock(p->mutex);
    if (pgno == 0) install_header_image(p, image);
    else install_page_image(p, pgno, image);
    p->writes++;
    gen_bump(p);
    os_mutex_unlock(p->mutex);
    return 0;
}

int pager_sync(pager *p)
{
    return map_os_error(os_file_sync(p->file));
}

/* ---- queries ------------------------------------------------------------ */

uint32_t pager_page_size(const pager *p)
{
    return p->page_size;
}

uint64_t *pager_hints(pager *p)
{
    return p->hints;
}

uint32_t pager_page_count(const pager *p)
{
    return __atomic_load_n(&p->page_count, __ATOMIC_ACQUIRE);
}

uint32_t pager_dirty_count(const pager *p)
{
    uint32_t n;

    os_mutex_lock(p->mutex);
    n = p->ndirty;
    os_mutex_unlock(p->mutex);
    return n;
}

void pager_get_stats(pager *p, struct pager_stats *st)
{
    os_mutex_lock(p->mutex);
    st->hits = p->hits;
    st->misses = p->misses;
    st->evictions = p->evictions;
    st->reads = p->reads;
    st->writes = p->writes;
    st->cached = p->nframes;
    st->dirty = p->ndirty;
    st->pinned = p->npinned;
    os_mutex_unlock(p->mutex);
}
