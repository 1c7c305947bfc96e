/*
 * pcache.c - the pager's frame table: hash table by pgno and segmented-LRU
 * replacement lists (see pcache.h for the policy and its invariants).
 *
 * The caller (pager.c) holds the pager's mutex around every call.
 */
#include "pcache.h"

#include <assert.h>
#include <stdlib.h>

#include "esent.h"

#define PCACHE_MIN_BUCKETS 64u
#define PCACHE_MAX_INITIAL_BUCKETS (1u << 16) /* more only as frames appear */

/* ---- hash table ------------------------------------------------------- */

/* Fibonacci hashing: consecutive pgnos spread over the whole table. */
static uint32_t bucket_of(const struct pcache *c, uint32_t pgno)
{
    return (uint32_t)(pgno * 2654435769u) >> c->shift;
}

static uint32_t log2_of(uint32_t pow2)
{
    uint32_t n = 0;
    while ((1u << n) < pow2) n++;
    return n;
}

static int table_alloc(struct pcache *c, uint32_t nbuckets)
{
    struct pager_page **b = calloc(nbuckets, sizeof(*b));
    if (!b) return JET_errOutOfMemory;
    c->buckets = b;
    c->nbuckets = nbuckets;
    c->shift = 32 - log2_of(nbuckets);
    return 0;
}

/* Doubles the table.  Failing to grow is not an error: chains just get
 * longer until memory is available again. */
static void table_grow(struct pcache *c)
{
    struct pager_page **old = c->buckets;
    uint32_t i, nold = c->nbuckets;

    if (nold >= (1u << 30) || table_alloc(c, nold * 2) != 0) return;
    for (i = 0; i < nold; i++) {
        struct pager_page *f = old[i], *next;
        for (; f; f = next) {
            uint32_t b = bucket_of(c, f->pgno);
            next = f->hash_next;
            f->hash_next = c->buckets[b];
            c->buckets[b] = f;
        }
    }
    free(old);
}

int pcache_init(struct pcache *c, uint32_t capacity)
{
    uint32_t nbuckets = PCACHE_MIN_BUCKETS;

    *c = (struct pcache){ 0 };
    while (nbuckets < capacity && nbuckets < PCACHE_MAX_INITIAL_BUCKETS) nbuckets *= 2;
    c->protected_max = capacity - capacity / 4;
    if (!c->protected_max) c->protected_max = 1;
    return table_alloc(c, nbuckets);
}

void pcache_destroy(struct pcache *c)
{
    assert(c->nhashed == 0);
    free(c->buckets);
    c->buckets = NULL;
}

struct pager_page *pcache_lookup(const struct pcache *c, uint32_t pgno)
{
    struct pager_page *f = c->buckets[bucket_of(c, pgno)];
    while (f && f->pgno != pgno) f = f->hash_next;
    return f;
}

void pcache_insert(struct pcache *c, struct pager_page *f)
{
    uint32_t b;

    assert(!pcache_lookup(c, f->pgno));
    if (c->nhashed >= c->nbuckets) table_grow(c);
    b = bucket_of(c, f->pgno);
    f->hash_next = c->buckets[b];
    c->buckets[b] = f;
    c->nhashed++;
}

void pcache_remove(struct pcache *c, struct pager_page *f)
{
    struct pager_page **pp = &c->buckets[bucket_of(c, f->pgno)];

    while (*pp != f) {
        assert(*pp); /* f must be in the table */
        pp = &(*pp)->hash_next;
    }
    *pp = f->hash_next;
    f->hash_next = NULL;
    c->nhashed--;
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

    for (i = 0; i < c->nbuckets; i++) {
        while (c->buckets[i]) {
            struct pager_page *f = c->buckets[i];
            c->buckets[i] = f->hash_next;
            f->hash_next = NULL;
            c->nhashed--;
            list_unlink(c, f);
            fn(f, arg);
        }
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
