/*
 * store_wset.c - a transaction's write set: the latest change per
 * (database, tree, key), kept in an open-addressing hash table of entries.
 *
 * A key written several times in one transaction keeps one entry holding
 * its last state (put with a value, or delete), so commit applies each key
 * once.  At commit the entries are sorted by (db, tree, key) so the B-tree
 * is walked in order, which keeps the pages touched hot.
 */
#include <stdlib.h>
#include <string.h>

#include "esent.h"
#include "store_int.h"

void ws_init(struct ws *w)
{
    memset(w, 0, sizeof(*w));
}

void ws_free(struct ws *w)
{
    uint32_t i;
    for (i = 0; i < w->nslots; i++) {
        free(w->slots[i]);
    }
    free(w->slots);
    memset(w, 0, sizeof(*w));
}

/* FNV-1a over the identity of a change. */
static uint32_t hash_key(int dbid, uint32_t tree, const void *key, uint32_t klen)
{
    const uint8_t *p = key;
    uint32_t h = 2166136261u;
    uint32_t i;
    h = (h ^ (uint32_t)dbid) * 16777619u;
    for (i = 0; i < 4; i++) h = (h ^ ((tree >> (8 * i)) & 0xff)) * 16777619u;
    for (i = 0; i < klen; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

static int same(const struct ws_entry *e, int dbid, uint32_t tree, const void *key, uint32_t klen)
{
    return e->dbid == dbid && e->tree == tree && e->klen == klen && !memcmp(e->key, key, klen);
}

/* The slot holding the entry, or the empty slot where it would go. */
static uint32_t probe(const struct ws *w, int dbid, uint32_t tree, const void *key, uint32_t klen)
{
    uint32_t mask = w->nslots - 1;
    uint32_t i = hash_key(dbid, tree, key, klen) & mask;
    while (w->slots[i] && !same(w->slots[i], dbid, tree, key, klen)) i = (i + 1) & mask;
    return i;
}

struct ws_entry *ws_find(const struct ws *w, int dbid, uint32_t tree, const void *key, uint32_t klen)
{
    if (!w->count) return NULL;
    return w->slots[probe(w, dbid, tree, key, klen)];
}

static int grow(struct ws *w)
{
    uint32_t n = w->nslots ? w->nslots * 2 : 64;
    struct ws_entry **old = w->slots;
    uint32_t oldn = w->nslots, i;

    if (!(w->slots = calloc(n, sizeof(*w->slots)))) {
        w->slots = old;
        return JET_errOutOfMemory;
    }
    w->nslots = n;
    for (i = 0; i < oldn; i++) {
        struct ws_entry *e = old[i];
        if (e) w->slots[probe(w, e->dbid, e->tree, e->key, e->klen)] = e;
    }
    free(old);
    return 0;
}

int ws_set(struct ws *w, uint8_t kind, int dbid, uint32_t tree, const void *key, uint32_t klen,
           const void *val, uint32_t vlen)
{
    struct ws_entry *e, *old;
    uint32_t slot;

    if (kind == WS_DELETE) vlen = 0;
    if ((w->count + 1) * 4 > w->nslots * 3 && grow(w) < 0) return JET_errOutOfMemory;
    slot = probe(w, dbid, tree, key, klen);
    old = w->slots[slot];
    if (old && old->room >= klen + vlen) {
        e = old; /* the key is already there */
        w->bytes -= e->klen + e->vlen;
        if (vlen) memmove(e->key + klen, val, vlen);
    } else {
        /* One allocation: the entry, then its key and value. */
        if (!(e = malloc(sizeof(*e) + (size_t)klen + vlen + 1))) return JET_errOutOfMemory;
        e->dbid = (uint8_t)dbid;
        e->tree = tree;
        e->room = klen + vlen;
        e->key = (uint8_t *)(e + 1);
        memcpy(e->key, key, klen);
        if (vlen) memcpy(e->key + klen, val, vlen); /* val may be old's: copy first */
        if (old) {
            w->bytes -= old->klen + old->vlen;
            free(old);
        } else {
            w->count++;
        }
        w->slots[slot] = e;
    }
    e->kind = kind;
    e->klen = klen;
    e->vlen = vlen;
    w->bytes += klen + vlen;
    return 0;
}

static int cmp_entries(const void *a, const void *b)
{
    const struct ws_entry *x = *(struct ws_entry *const *)a, *y = *(struct ws_entry *const *)b;
    uint32_t n;
    int c;
    if (x->dbid != y->dbid) return x->dbid < y->dbid ? -1 : 1;
    if (x->tree != y->tree) return x->tree < y->tree ? -1 : 1;
    n = x->klen < y->klen ? x->klen : y->klen;
    if (n >= 8) { /* most keys differ in their first 8 bytes: no call */
        uint64_t kx, ky;
        memcpy(&kx, x->key, 8);
        memcpy(&ky, y->key, 8);
        if (kx != ky) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            kx = __builtin_bswap64(kx);
            ky = __builtin_bswap64(ky);
            return kx < ky ? -1 : 1;
#endif
        }
    }
    if ((c = memcmp(x->key, y->key, n))) return c;
    return x->klen < y->klen ? -1 : x->klen > y->klen;
}

int ws_sorted(const struct ws *w, struct ws_entry ***out)
{
    struct ws_entry **v;
    uint32_t i, n = 0;

    *out = NULL;
    if (!w->count) return 0;
    if (!(v = malloc(w->count * sizeof(*v)))) return JET_errOutOfMemory;
    for (i = 0; i < w->nslots; i++)
        if (w->slots[i]) v[n++] = w->slots[i];
    qsort(v, n, sizeof(*v), cmp_entries);
    *out = v;
    return 0;
}
