/*
 * handles.c - the process-wide handle table (see jet_private.h).
 *
 * A handle is (generation << 24) | (slot + 1), with the type in bits 20-23:
 * the slot finds the entry in O(1), the generation (bumped each time the
 * slot is reused) makes a stale handle fail, and the type makes a session
 * handle passed as a table id fail.  The table grows by doubling up to
 * 2^20 slots; free slots are kept on a free list.  One mutex guards it.
 * Handles are never 0 or ~0 (the JET_*Nil values).
 */
#include <stdlib.h>

#include "jet_private.h"

#define SLOT_BITS 20
#define SLOT_MAX (1u << SLOT_BITS)
#define TYPE_SHIFT 20
#define GEN_SHIFT 24

struct slot {
    void *obj;            /* NULL when free */
    uint8_t type;
    uint8_t gen;          /* low 8 bits of the generation */
    uint32_t next_free;   /* index + 1 of the next free slot, 0 = end */
};

static struct slot *slots;
static uint32_t nslots, nused, free_head;
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

static JET_API_PTR make_handle(uint32_t index, const struct slot *s)
{
    return (JET_API_PTR)(((uint32_t)s->gen << GEN_SHIFT) | ((uint32_t)s->type << TYPE_SHIFT) | (index + 1));
}

JET_API_PTR handle_new(enum handle_type type, void *obj)
{
    JET_API_PTR h = 0;
    uint32_t index;

    if (!lock()) return 0;
    if (free_head) {
        index = free_head - 1;
        free_head = slots[index].next_free;
    } else {
        if (nused == nslots) {
            uint32_t n = nslots ? nslots * 2 : 64;
            struct slot *grown;
            if (n > SLOT_MAX || !(grown = realloc(slots, n * sizeof(*slots)))) goto out;
            slots = grown;
            nslots = n;
        }
        index = nused++;
        slots[index].gen = 1;
    }
    slots[index].obj = obj;
    slots[index].type = (uint8_t)type;
    slots[index].next_free = 0;
    h = make_handle(index, &slots[index]);
out:
    unlock();
    return h;
}

/* The slot of a live handle of the given type, or NULL; lock held. */
static struct slot *find(JET_API_PTR h, enum handle_type type)
{
    uint32_t v = (uint32_t)h, index;
    if ((JET_API_PTR)v != h || !v) return NULL; /* upper bits set: not ours */
    index = (v & (SLOT_MAX - 1)) - 1;
    if (index >= nused || !slots[index].obj) return NULL;
    if (slots[index].type != type || ((v >> TYPE_SHIFT) & 0xf) != (uint32_t)type) return NULL;
    if (slots[index].gen != (uint8_t)(v >> GEN_SHIFT)) return NULL;
    return &slots[index];
}

void *handle_get(JET_API_PTR h, enum handle_type type)
{
    struct slot *s;
    void *obj;
    if (!lock()) return NULL;
    s = find(h, type);
    obj = s ? s->obj : NULL;
    unlock();
    return obj;
}

void handle_free(JET_API_PTR h)
{
    uint32_t v = (uint32_t)h;
    struct slot *s;
    if (!lock()) return;
    s = find(h, (enum handle_type)((v >> TYPE_SHIFT) & 0xf));
    if (s) {
        s->obj = NULL;
        s->gen = (uint8_t)(s->gen == 255 ? 1 : s->gen + 1);
        s->next_free = free_head;
        free_head = (uint32_t)(s - slots) + 1;
    }
    unlock();
}
