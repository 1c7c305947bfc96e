/*
 * handles.c - the process-wide handle table (see jet_private.h).
 *
 * A handle is (generation << 24) | (slot + 1), with the type in bits 20-23:
 * the slot finds the entry in O(1), the generation (bumped each time the
 * slot is freed) makes a stale handle fail, and the type makes a session
 * handle passed as a table id fail.  Up to 2^20 slots, in chunks of 1024
 * that are allocated when first needed and never move or go away, so that
 * handle_get, which every entry point calls once or twice, reads the table
 * without a lock.  Issuing and freeing take one mutex; free slots are kept
 * on a free list.  Handles are never 0 or ~0 (the JET_*Nil values).
 *
 * Lock-free reads: a slot's obj and tag (type and generation) are written
 * with atomic stores under the mutex, in this order: freeing clears obj,
 * then bumps the generation; issuing sets the tag, then obj.  handle_get
 * loads obj, then the tag (both acquire): if it saw a new object, it sees
 * at least that object's tag, so a stale handle never resolves to the
 * object now in its slot.  As before, nothing keeps an object alive after
 * handle_get returned it: a program that frees a handle while another of
 * its threads uses it gets what ESE documents for that, an error, or a race.
 */
#include <stdlib.h>

#include "jet_private.h"

#define SLOT_BITS 20
#define SLOT_MAX (1u << SLOT_BITS)
#define TYPE_SHIFT 20
#define GEN_SHIFT 24
#define CHUNK_BITS 10
#define CHUNK_SLOTS (1u << CHUNK_BITS)
#define NCHUNKS (SLOT_MAX / CHUNK_SLOTS)

struct slot {
    void *obj;            /* NULL when free; atomic */
    uint32_t tag;         /* type | generation << 8, as in the handle; atomic */
    uint32_t next_free;   /* index + 1 of the next free slot, 0 = end; under the lock */
};

static struct slot *chunks[NCHUNKS]; /* atomic pointers; a chunk never moves */
static uint32_t nused;                /* slots ever issued; atomic */
static uint32_t free_head;            /* under the lock */
static os_mutex *table_lock;

/* 0 when the lock cannot be created (out of memory). */
static int lock(void)
{
    os_mutex *m = os_mutex_lazy(&table_lock);
    if (!m) return 0;
    os_mutex_lock(m);
    return 1;
}

static void unlock(void)
{
    os_mutex_unlock(table_lock);
}

static uint32_t make_tag(enum handle_type type, uint32_t gen)
{
    return (uint32_t)type | (gen & 0xff) << 8;
}

static JET_API_PTR make_handle(uint32_t index, uint32_t tag)
{
    uint32_t type = tag & 0xf, gen = tag >> 8 & 0xff;
    return (JET_API_PTR)((gen << GEN_SHIFT) | (type << TYPE_SHIFT) | (index + 1));
}

/* The slot of index, or NULL when its chunk does not exist. */
static struct slot *slot_at(uint32_t index)
{
    struct slot *c = __atomic_load_n(&chunks[index >> CHUNK_BITS], __ATOMIC_ACQUIRE);
    return c ? &c[index & (CHUNK_SLOTS - 1)] : NULL;
}

JET_API_PTR handle_new(enum handle_type type, void *obj)
{
    JET_API_PTR h = 0;
    struct slot *s;
    uint32_t index, gen = 1;

    if (!lock()) return 0;
    if (free_head) {
        index = free_head - 1;
        s = slot_at(index);
        free_head = s->next_free;
        gen = __atomic_load_n(&s->tag, __ATOMIC_RELAXED) >> 8;
    } else {
        index = nused;
        if (index >= SLOT_MAX) goto out;
        if (!chunks[index >> CHUNK_BITS]) {
            struct slot *c = calloc(CHUNK_SLOTS, sizeof(*c));
            if (!c) goto out;
            __atomic_store_n(&chunks[index >> CHUNK_BITS], c, __ATOMIC_RELEASE);
        }
        s = slot_at(index);
        __atomic_store_n(&nused, index + 1, __ATOMIC_RELEASE);
    }
    s->next_free = 0;
    __atomic_store_n(&s->tag, make_tag(type, gen), __ATOMIC_RELEASE);
    __atomic_store_n(&s->obj, obj, __ATOMIC_RELEASE);
    h = make_handle(index, make_tag(type, gen));
out:
    unlock();
    return h;
}

/* The index of handle h's slot if h can be one of ours, else UINT32_MAX. */
static uint32_t index_of(JET_API_PTR h)
{
    uint32_t v = (uint32_t)h;
    if ((JET_API_PTR)v != h || !(v & (SLOT_MAX - 1))) return UINT32_MAX; /* upper bits set: not ours */
    return (v & (SLOT_MAX - 1)) - 1;
}

/* Whether tag is the one handle h (of that type) was issued with. */
static int tag_matches(JET_API_PTR h, uint32_t tag, enum handle_type type)
{
    uint32_t v = (uint32_t)h;
    return (tag & 0xf) == (uint32_t)type && ((v >> TYPE_SHIFT) & 0xf) == (uint32_t)type &&
           (tag >> 8 & 0xff) == (v >> GEN_SHIFT);
}

void *handle_get(JET_API_PTR h, enum handle_type type)
{
    uint32_t index = index_of(h);
    struct slot *s;
    void *obj;

    if (index >= __atomic_load_n(&nused, __ATOMIC_ACQUIRE) || !(s = slot_at(index))) return NULL;
    obj = __atomic_load_n(&s->obj, __ATOMIC_ACQUIRE);
    if (!obj || !tag_matches(h, __atomic_load_n(&s->tag, __ATOMIC_ACQUIRE), type)) return NULL;
    return obj;
}

void handle_free(JET_API_PTR h)
{
    uint32_t index = index_of(h), tag, gen;
    struct slot *s;

    if (!lock()) return;
    s = index < nused ? slot_at(index) : NULL;
    tag = s ? __atomic_load_n(&s->tag, __ATOMIC_RELAXED) : 0;
    if (s && s->obj && tag_matches(h, tag, (enum handle_type)(tag & 0xf))) {
        gen = tag >> 8 & 0xff;
        __atomic_store_n(&s->obj, NULL, __ATOMIC_RELEASE);
        __atomic_store_n(&s->tag, make_tag((enum handle_type)(tag & 0xf), gen == 255 ? 1 : gen + 1),
                         __ATOMIC_RELEASE);
        s->next_free = free_head;
        free_head = index + 1;
    }
    unlock();
}
