/*
 * pcache.c - the pager's frame table: open-addressing hash table by pgno,
 * segmented-LRU replacement lists, and the chunks frames live in (see
 * pcache.h for the policy, the layout and their invariants).
 *
 * The caller (pager.c) holds the pager's mutex around every call.
 */
#include "pcache.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "esent.h"

/* Under AddressSanitizer a free frame (header and data) is poisoned, so a
 * use after pcache_frame_delete is still reported as it was when frames
 * were freed one by one. */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define PCACHE_MIN_SLOTS 64u
#define PCACHE_MAX_INITIAL_SLOTS (1u << 18) /* more only as frames appear */
#define PCACHE_MAX_SLOTS (1u << 31)
#define CHUNK_MIN_FRAMES 4u
#define CHUNK_MAX_FRAMES 64u
#define FRAME_ALIGN 64u   /* a frame header per cache line */
#define DATA_ALIGN 4096u  /* page data on OS page boundaries */

/* The frames of a chunk: its header, then (aligned) nframes frame headers,
 * then (aligned) nframes pages of data, in one allocation. */
struct frame_chunk {
    struct frame_chunk *prev, *next; /* pcache.partial, while it has free frames */
    struct frame_chunk *all_next;    /* pcache.chunks */
    struct pager_page *free;         /* its free frames, linked by next */
    struct pager_page *frames;
    uint32_t nframes, nfree;
};

/* ---- hash table ------------------------------------------------------- */

/* Multiplicative hashing with the 64-bit golden ratio: the top bits of the
 * product depend on every bit of pgno, and consecutive pgnos land far apart
 * (no clusters for linear probing to run into). */
static uint32_t slot_of(const struct pcache *c, uint32_t pgno)
{
    return (uint32_t)(((uint64_t)pgno * 0x9E3779B97F4A7C15ull) >> c->shift);
}

static uint32_t log2_of(uint32_t pow2)
{
    uint32_t n = 0;
    while ((1u << n) < pow2) n++;
    return n;
}

static int table_alloc(struct pcache *c, uint32_t nslots)
{
    struct pcache_slot *t = calloc(nslots, sizeof(*t));
    if (!t) return JET_errOutOfMemory;
    c->slots = t;
    c->mask = nslots - 1;
    c->shift = 64 - log2_of(nslots);
    return 0;
}

static void slot_put(struct pcache *c, struct pager_page *f)
{
    uint32_t i = slot_of(c, f->pgno);
    while (c->slots[i].f) i = (i + 1) & c->mask;
    c->slots[i].pgno = f->pgno;
    c->slots[i].data_off = (int32_t)(f->data - (uint8_t *)f);
    c->slots[i].f = f;
}

/* Doubles the table.  Failing to grow is not an error: probes just get
 * longer until memory is available again (the table is never full: it only
 * holds frames, and it grows at half full). */
static void table_grow(struct pcache *c)
{
    struct pcache_slot *old = c->slots;
    uint32_t i, nold = c->mask + 1;

    if (nold >= PCACHE_MAX_SLOTS || table_alloc(c, nold * 2) != 0) return;
    for (i = 0; i < nold; i++)
        if (old[i].f) slot_put(c, old[i].f);
    free(old);
}

int pcache_init(struct pcache *c, uint32_t capacity)
{
    uint32_t nslots = PCACHE_MIN_SLOTS;

    *c = (struct pcache){ 0 };
    /* Load factor <= 1/2 with the whole cache in the table. */
    while (nslots / 2 < capacity && nslots < PCACHE_MAX_INITIAL_SLOTS) nslots *= 2;
    c->protected_max = capacity - capacity / 4;
    if (!c->protected_max) c->protected_max = 1;
    c->capacity = capacity;
    c->chunk_frames = capacity / 8;
    if (c->chunk_frames < CHUNK_MIN_FRAMES) c->chunk_frames = CHUNK_MIN_FRAMES;
    if (c->chunk_frames > CHUNK_MAX_FRAMES) c->chunk_frames = CHUNK_MAX_FRAMES;
    return table_alloc(c, nslots);
}

void pcache_destroy(struct pcache *c)
{
    struct frame_chunk *k, *next;

    assert(c->nhashed == 0);
    free(c->slots);
    c->slots = NULL;
    for (k = c->chunks; k; k = next) {
        next = k->all_next;
        free(k);
    }
    c->chunks = c->partial = NULL;
    c->pool_frames = 0;
}

struct pager_page *pcache_lookup(const struct pcache *c, uint32_t pgno)
{
    const struct pcache_slot *t = c->slots;
    uint32_t i = slot_of(c, pgno);

    for (;; i = (i + 1) & c->mask) {
        if (t[i].pgno == pgno && t[i].f) {
            const uint8_t *data = (const uint8_t *)t[i].f + t[i].data_off;
            __builtin_prefetch(data);
            __builtin_prefetch(data + 64);
            return t[i].f;
        }
        if (!t[i].f) return NULL;
    }
}

void pcache_insert(struct pcache *c, struct pager_page *f)
{
    assert(!pcache_lookup(c, f->pgno));
    if (c->nhashed + 1 > (c->mask + 1) / 2) table_grow(c);
    slot_put(c, f);
    c->nhashed++;
}

/* Backward-shift deletion: the slots after the hole move up unless that
 * would take them before their home slot, so no tombstones are needed. */
void pcache_remove(struct pcache *c, struct pager_page *f)
{
    struct pcache_slot *t = c->slots;
    uint32_t i = slot_of(c, f->pgno), j, home;

    while (t[i].f != f) {
        assert(t[i].f); /* f must be in the table */
        i = (i + 1) & c->mask;
    }
    for (j = (i + 1) & c->mask; t[j].f; j = (j + 1) & c->mask) {
        home = slot_of(c, t[j].pgno);
        /* Move j into the hole at i if its home is not in (i, j]. */
        if (((j - home) & c->mask) >= ((j - i) & c->mask)) {
            t[i] = t[j];
            i = j;
        }
    }
    t[i].f = NULL;
    t[i].pgno = 0;
    c->nhashed--;
}

/* ---- frame memory ------------------------------------------------------- */

static uintptr_t align_up(uintptr_t x, uintptr_t a)
{
    return (x + a - 1) & ~(a - 1);
}

static void partial_unlink(struct pcache *c, struct frame_chunk *k)
{
    if (k->prev) k->prev->next = k->next;
    else c->partial = k->next;
    if (k->next) k->next->prev = k->prev;
    k->prev = k->next = NULL;
}

static void partial_push(struct pcache *c, struct frame_chunk *k)
{
    k->prev = NULL;
    k->next = c->partial;
    if (c->partial) c->partial->prev = k;
    c->partial = k;
}

static struct frame_chunk *chunk_new(struct pcache *c)
{
    uint32_t n = c->chunk_frames, i;
    size_t head = align_up(sizeof(struct frame_chunk), FRAME_ALIGN);
    size_t frames = (size_t)n * sizeof(struct pager_page);
    struct frame_chunk *k;
    uint8_t *base, *data;

    if ((size_t)c->page_size > (SIZE_MAX - head - frames - 2 * DATA_ALIGN) / n) return NULL;
    base = malloc(head + frames + FRAME_ALIGN + DATA_ALIGN + (size_t)n * c->page_size);
    if (!base) return NULL;
    k = (struct frame_chunk *)base;
    memset(k, 0, sizeof(*k));
    k->frames = (struct pager_page *)align_up((uintptr_t)base + sizeof(*k), FRAME_ALIGN);
    data = (uint8_t *)align_up((uintptr_t)(k->frames + n), DATA_ALIGN);
    k->nframes = k->nfree = n;
    for (i = n; i-- > 0;) {
        struct pager_page *f = &k->frames[i];
        f->chunk = k;
        f->data = data + (size_t)i * c->page_size;
        f->next = k->free;
        k->free = f;
        POISON(f->data, c->page_size);
        POISON(f, sizeof(*f));
    }
    k->all_next = c->chunks;
    c->chunks = k;
    c->pool_frames += n;
    partial_push(c, k);
    return k;
}

static void chunk_release(struct pcache *c, struct frame_chunk *k)
{
    struct frame_chunk **pp = &c->chunks;

    partial_unlink(c, k);
    while (*pp != k) pp = &(*pp)->all_next;
    *pp = k->all_next;
    c->pool_frames -= k->nframes;
    free(k);
}

struct pager_page *pcache_frame_new(struct pcache *c, uint32_t page_size)
{
    struct frame_chunk *k;
    struct pager_page *f;
    struct frame_chunk *chunk;
    uint8_t *data;

    assert(!c->page_size || c->page_size == page_size);
    c->page_size = page_size;
    if (!(k = c->partial) && !(k = chunk_new(c))) return NULL;
    f = k->free;
    UNPOISON(f, sizeof(*f));
    UNPOISON(f->data, page_size);
    k->free = f->next;
    if (--k->nfree == 0) partial_unlink(c, k);
    chunk = f->chunk;
    data = f->data;
    memset(f, 0, sizeof(*f));
    f->chunk = chunk;
    f->data = data;
    return f;
}

void pcache_frame_delete(struct pcache *c, struct pager_page *f)
{
    struct frame_chunk *k = f->chunk;

    assert(f->list == LIST_NONE);
    f->next = k->free;
    k->free = f;
    POISON(f->data, c->page_size);
    POISON(f, sizeof(*f));
    if (k->nfree++ == 0) partial_push(c, k);
    /* An empty chunk beyond the cache size goes back to the system. */
    if (k->nfree == k->nframes && c->pool_frames - k->nframes >= c->capacity) chunk_release(c, k);
}

/* ---- lists -------------------------------------------------------------- */

static void list_unlink(struct pcache *c, struct pager_page *f)
{
    struct frame_list_head *l = &c->lists[f->list];

    if (f->list == LIST_NONE) return;
    if (f->prev) f->prev->next = f->next;
    else l->head = f->next;
    if (f->next) f->next->prev = f->prev;
    else l->tail = f->prev;
    f->prev = f->next = NULL;
    l->count--;
    f->list = LIST_NONE;
}

static void list_push_head(struct pcache *c, struct pager_page *f, enum frame_list which)
{
    struct frame_list_head *l = &c->lists[which];

    assert(f->list == LIST_NONE && which != LIST_NONE);
    f->prev = NULL;
    f->next = l->head;
    if (l->head) l->head->prev = f;
    else l->tail = f;
    l->head = f;
    l->count++;
    f->list = (uint8_t)which;
}

void pcache_drain(struct pcache *c, void (*fn)(struct pager_page *f, void *arg), void *arg)
{
    uint32_t i;

    for (i = 0; i <= c->mask; i++) {
        struct pager_page *f = c->slots[i].f;
        if (!f) continue;
        c->slots[i].f = NULL;
        c->slots[i].pgno = 0;
        c->nhashed--;
        list_unlink(c, f);
        fn(f, arg);
    }
}

/* ---- replacement -------------------------------------------------------- */

void pcache_note_load(struct pcache *c, struct pager_page *f)
{
    f->ref_tick = ++c->tick;
    f->hot = 0;
}

void pcache_note_hit(struct pcache *c, struct pager_page *f)
{
    if (f->ref_tick != c->tick) f->hot = 1; /* not a correlated re-get */
    f->ref_tick = c->tick;
}

/* Keeps the protected segment within its cap by moving its least recently
 * used frame to the head of probation, where it has one more chance. */
static void protected_trim(struct pcache *c)
{
    while (c->lists[LIST_PROTECTED].count > c->protected_max) {
        struct pager_page *f = c->lists[LIST_PROTECTED].tail;
        list_unlink(c, f);
        f->hot = 0;
        list_push_head(c, f, LIST_PROBATION);
    }
}

void pcache_place(struct pcache *c, struct pager_page *f)
{
    enum frame_list want = LIST_NONE;

    if (f->dirty) want = LIST_DIRTY;
    else if (f->pins == 0 && f->state == FRAME_READY)
        want = f->hot ? LIST_PROTECTED : LIST_PROBATION;

    /* Dirty and unlisted frames have no order to refresh. */
    if (f->list == want && (want == LIST_NONE || want == LIST_DIRTY)) return;
    list_unlink(c, f);
    if (want == LIST_NONE) return;
    list_push_head(c, f, want);
    if (want == LIST_PROTECTED) protected_trim(c);
}

struct pager_page *pcache_victim(struct pcache *c)
{
    struct pager_page *f = c->lists[LIST_PROBATION].tail;

    if (!f) f = c->lists[LIST_PROTECTED].tail;
    if (f) list_unlink(c, f);
    return f;
}
