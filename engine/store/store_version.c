/*
 * store_version.c - the version store, the list of open transactions and
 * the lock table: what gives transactions snapshot isolation and "first
 * updater wins" write conflicts on top of deferred update (store.h).
 *
 * Pages only ever hold committed data, so a reader that must not see a
 * commit made after it began needs the values that commit overwrote.
 *
 *  - Commit sequence numbers.  s->csn counts commits; a transaction's
 *    snapshot is the csn when it began.  A commit takes csn + 1 under the
 *    exclusive latch (vs_commit_csn), so a transaction that begins after
 *    that point is a reader of the new state, one that began before is not.
 *  - Versions.  While another transaction is open, a commit records, for
 *    each key it writes, the key's committed value before the commit (the
 *    before-image, or "absent") tagged with its csn (vs_record, reading the
 *    tree before the write set is applied).  With no other transaction
 *    open nobody can need them, and nothing is recorded.
 *  - Reads.  A transaction with snapshot S sees for key k: its write set's
 *    entry; else, if k has versions with csn > S, the before-image of the
 *    oldest of them (the value k had when S was taken); else the tree.
 *    vs_visible answers the middle case, vs_seek lets cursors walk the keys
 *    that have such versions (store_cursor.c merges them in).
 *  - Garbage.  A version with csn <= the oldest open snapshot is needed by
 *    no reader.  All versions are chained in csn order, and each key's
 *    versions oldest first, so collecting pops the global list from the
 *    front (each popped version is the oldest of its key); it runs when the
 *    oldest transaction ends, at commit or abort.  With no transaction open
 *    every version goes.
 *  - Locks.  Every put, delete and explicit lock of an open transaction
 *    registers (db, tree, key) in a hash table until the transaction ends
 *    (savepoint rollback keeps them, as ESE keeps its locks).  A change
 *    conflicts (JET_errWriteConflict) with another open transaction's lock
 *    on the key (read locks only conflict with writes; escrow locks, of
 *    store_escrow.c, coexist with each other, ignore versions made by
 *    escrow-only commits, and carry their owner's pending deltas) or with
 *    a version
 *    newer than the changer's snapshot (a commit it cannot see changed the
 *    key).  The lock is registered before the versions are looked at: a
 *    transaction that committed the key held its lock until its versions
 *    were recorded, so one of the two checks sees it.
 *  - Limit.  vs_bytes counts what the versions hold; a change whose
 *    estimated version (VS_OVERHEAD + key, + the value unless an insert)
 *    would take the committed versions plus this transaction's estimates
 *    past cfg.max_version_bytes fails with JET_errVersionStoreOutOfMemory
 *    at the writing call, as ESE's does: its version store bounds the
 *    updates one transaction may make, alone or not.
 *
 * Memory only: after a crash no transaction is open, so nothing here is
 * needed, and recovery never sees it.
 *
 * Locking: vmutex guards csn, the open list, the lock table and vs_bytes;
 * the versions themselves change only under the exclusive latch and are
 * read under the shared one.  Order: latch, then vmutex.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "esent.h"
#include "store_int.h"

/* The lock table's smallest size (buckets). */
#define LOCK_BUCKETS_MIN 256u

/* ---- setup ---------------------------------------------------------------- */

int vs_init(store *s)
{
    ws_init(&s->vs);
    if (os_mutex_create(&s->vmutex)) return JET_errOutOfMemory;
    s->nlock_buckets = LOCK_BUCKETS_MIN;
    if (!(s->locks = calloc(s->nlock_buckets, sizeof(*s->locks)))) return JET_errOutOfMemory;
    return 0;
}

static struct vs_key *entry_key(const struct ws_entry *e)
{
    struct vs_key *vk;
    assert(e->vlen == sizeof(vk));
    memcpy(&vk, e->val, sizeof(vk));
    return vk;
}

/* Unlinks v from the global list. */
static void unlink_all(store *s, struct vs_version *v)
{
    if (v->prev_all) v->prev_all->next_all = v->next_all;
    else s->vs_first = v->next_all;
    if (v->next_all) v->next_all->prev_all = v->prev_all;
    else s->vs_last = v->prev_all;
    s->vs_newest = s->vs_last ? s->vs_last->csn : 0;
}

/* Frees v, the oldest version of its key (and the key when it was the
 * last); returns the bytes freed. */
static uint64_t drop_oldest(store *s, struct vs_version *v)
{
    struct vs_key *vk = v->vk;
    uint64_t freed = sizeof(*v) + v->vlen;

    assert(vk->oldest == v);
    unlink_all(s, v);
    vk->oldest = v->next_key;
    if (!vk->oldest) {
        vk->newest = NULL;
        freed += vk->charge;
        ws_remove(&s->vs, vk->e);
        free(vk);
    }
    free(v);
    return freed;
}

/* Lock entries are carved from chunks owned by their transaction, all
 * freed when it ends: a put then costs no malloc and free of its own. */
#define LK_CHUNK_BYTES 4096u

struct lk_chunk {
    struct lk_chunk *next;
    uint32_t used, cap;
    uint64_t mem[]; /* cap bytes, 8-byte aligned */
};

static struct lk_entry *lk_alloc(store_txn *t, uint32_t klen)
{
    uint32_t need = (uint32_t)(sizeof(struct lk_entry) + klen + 7) & ~7u;
    struct lk_chunk *c = t->lk_mem;

    if (!c || c->cap - c->used < need) {
        uint32_t cap = need > LK_CHUNK_BYTES ? need : LK_CHUNK_BYTES;
        if (!(c = malloc(sizeof(*c) + cap))) return NULL;
        c->next = t->lk_mem;
        c->used = 0;
        c->cap = cap;
        t->lk_mem = c;
    }
    c->used += need;
    return (struct lk_entry *)((uint8_t *)c->mem + c->used - need);
}

/* Gives back l, the entry lk_alloc returned last. */
static void lk_unalloc(store_txn *t, struct lk_entry *l)
{
    struct lk_chunk *c = t->lk_mem;
    uint32_t need = (uint32_t)(sizeof(struct lk_entry) + l->klen + 7) & ~7u;

    assert(c && c->used >= need && (uint8_t *)l == (uint8_t *)c->mem + c->used - need);
    c->used -= need;
}

static void lk_free_all(store_txn *t)
{
    struct lk_chunk *c, *n;
    for (c = t->lk_mem; c; c = n) {
        n = c->next;
        free(c);
    }
    t->lk_mem = NULL;
}

void vs_free(store *s)
{
    uint32_t i;
    store_txn *t;

    if (s->locks) {
        for (i = 0; i < s->nlock_buckets; i++) {
            struct lk_entry *l;
            for (l = s->locks[i]; l; l = l->next) free(l->esc);
        }
    }
    /* Transactions still open (a store abandoned under them) end here:
     * their abort later touches only themselves.  Their locks go with
     * their lock memory. */
    for (t = s->open_first; t; t = t->open_next) {
        t->open = 0;
        t->locks = NULL;
        lk_free_all(t);
    }
    s->open_first = s->open_last = NULL;
    while (s->vs_first) drop_oldest(s, s->vs_first);
    ws_free(&s->vs);
    free(s->locks);
    s->locks = NULL;
    if (s->vmutex) os_mutex_destroy(s->vmutex);
    s->vmutex = NULL;
}

/* ---- garbage collection ------------------------------------------------------ */

static void vs_sub_bytes(store *s, uint64_t n)
{
    os_mutex_lock(s->vmutex);
    assert(s->vs_bytes >= n);
    s->vs_bytes -= n;
    os_mutex_unlock(s->vmutex);
}

/* Frees the versions no open transaction needs; exclusive latch held.  A
 * transaction beginning meanwhile has a snapshot newer than every version,
 * one ending only raises the oldest snapshot: reading it once is enough. */
static void collect(store *s)
{
    uint64_t oldest, freed = 0;

    os_mutex_lock(s->vmutex);
    oldest = s->open_first ? s->open_first->snapshot : UINT64_MAX;
    os_mutex_unlock(s->vmutex);
    while (s->vs_first && s->vs_first->csn <= oldest) freed += drop_oldest(s, s->vs_first);
    if (freed) vs_sub_bytes(s, freed);
}

void vs_purge(store *s, int dbid, uint32_t tree)
{
    struct vs_version *v, *next;
    uint64_t freed = 0;

    /* A key's versions lie in csn order in the global list too, so each
     * one met here is the oldest left of its key. */
    for (v = s->vs_first; v; v = next) {
        const struct ws_entry *e = v->vk->e;
        next = v->next_all;
        if (e->dbid == dbid && (!tree || e->tree == tree)) freed += drop_oldest(s, v);
    }
    if (freed) vs_sub_bytes(s, freed);
}

/* ---- transactions ------------------------------------------------------------ */

void vs_txn_begin(store *s, store_txn *t)
{
    os_mutex_lock(s->vmutex);
    t->snapshot = s->csn;
    t->open_prev = s->open_last;
    t->open_next = NULL;
    if (s->open_last) s->open_last->open_next = t;
    else s->open_first = t;
    s->open_last = t;
    s->nopen++;
    t->open = 1;
    os_mutex_unlock(s->vmutex);
}

static void shrink_locks(store *s);

/* Takes lock l out of its hash chain (vmutex held). */
static void unchain(store *s, struct lk_entry *l)
{
    struct lk_entry **pp = &s->locks[l->hash % s->nlock_buckets];
    while (*pp != l) {
        assert(*pp);
        pp = &(*pp)->next;
    }
    *pp = l->next;
    s->nlocks--;
}

void vs_txn_end(store *s, store_txn *t, int latch_held)
{
    struct lk_entry *l, *n;
    int was_oldest, garbage;

    if (!t->open) return;
    os_mutex_lock(s->vmutex);
    was_oldest = s->open_first == t;
    if (t->open_prev) t->open_prev->open_next = t->open_next;
    else s->open_first = t->open_next;
    if (t->open_next) t->open_next->open_prev = t->open_prev;
    else s->open_last = t->open_prev;
    s->nopen--;
    t->open = 0;
    for (l = t->locks; l; l = n) {
        n = l->owner_next;
        unchain(s, l);
        free(l->esc);
    }
    if (t->locks) shrink_locks(s);
    t->locks = NULL;
    lk_free_all(t);
    garbage = was_oldest && s->vs_bytes;
    os_mutex_unlock(s->vmutex);
    if (!garbage) return;
    if (!latch_held) os_rwlock_write_lock(s->latch);
    collect(s);
    if (!latch_held) os_rwlock_write_unlock(s->latch);
}

uint64_t store_commits(store *s)
{
    return __atomic_load_n(&s->csn, __ATOMIC_ACQUIRE);
}

uint64_t vs_commit_csn(store *s, int *record)
{
    uint64_t csn;
    os_mutex_lock(s->vmutex);
    csn = s->csn + 1;
    /* Read without the mutex by store_commits. */
    __atomic_store_n(&s->csn, csn, __ATOMIC_RELEASE);
    *record = s->nopen > 1;
    os_mutex_unlock(s->vmutex);
    return csn;
}

/* ---- reading versions ------------------------------------------------------------ */

static const struct vs_version *newer_than(const struct vs_key *vk, uint64_t snapshot)
{
    const struct vs_version *v;
    for (v = vk->oldest; v; v = v->next_key)
        if (v->csn > snapshot) return v;
    return NULL;
}

const struct vs_version *vs_visible(store *s, int dbid, uint32_t tree, const void *key, uint32_t klen,
                                    uint64_t snapshot)
{
    struct ws_entry *e;
    if (!vs_any_newer(s, snapshot)) return NULL;
    if (!(e = ws_find(&s->vs, dbid, tree, key, klen))) return NULL;
    return newer_than(entry_key(e), snapshot);
}

struct ws_entry *vs_seek(store *s, int dbid, uint32_t tree, const void *key, uint32_t klen, int dir,
                         uint64_t snapshot, const struct vs_version **v)
{
    int fwd = dir == BT_SEEK_GE || dir == BT_SEEK_GT;
    struct ws_entry *e;

    *v = NULL;
    if (!vs_any_newer(s, snapshot)) return NULL;
    e = key ? ws_seek(&s->vs, dbid, tree, key, klen, dir) : ws_edge(&s->vs, dbid, tree, !fwd);
    while (e) {
        if ((*v = newer_than(entry_key(e), snapshot))) return e;
        if (fwd) {
            e = ws_next(e);
            if (e && (e->dbid != dbid || e->tree != tree)) e = NULL;
        } else {
            e = ws_seek(&s->vs, dbid, tree, e->key, e->klen, BT_SEEK_LT);
        }
    }
    return NULL;
}

/* ---- recording versions ------------------------------------------------------------ */

int vs_record(store *s, store_db *db, uint32_t tree, const void *key, uint32_t klen, uint64_t csn,
              int escrow)
{
    struct vs_version *v;
    struct vs_key *vk;
    struct ws_entry *e;
    uint64_t charge;
    uint32_t vlen = 0;
    int present = 1, err;

    err = bt_get(db->pg, tree, key, klen, NULL, 0, &vlen);
    if (err == JET_errRecordNotFound) {
        present = 0;
        vlen = 0;
    } else if (err < 0) {
        return err;
    }
    if (!(v = malloc(sizeof(*v) + (vlen ? vlen : 1)))) return JET_errOutOfMemory;
    if (present && vlen && (err = bt_get(db->pg, tree, key, klen, v->val, vlen, &vlen)) < 0) {
        free(v);
        return err;
    }
    charge = sizeof(*v) + vlen;
    if (!(e = ws_find(&s->vs, db->dbid, tree, key, klen))) {
        if (!(vk = calloc(1, sizeof(*vk))) ||
            ws_set(&s->vs, WS_PUT, db->dbid, tree, key, klen, &vk, sizeof(vk))) {
            free(vk);
            free(v);
            return JET_errOutOfMemory;
        }
        e = ws_find(&s->vs, db->dbid, tree, key, klen);
        assert(e);
        vk->e = e;
        vk->charge = sizeof(*vk) + sizeof(*e) + (uint64_t)e->height * sizeof(e->next[0]) + klen +
                     sizeof(vk);
        charge += vk->charge;
    }
    vk = entry_key(e);
    v->vk = vk;
    v->csn = csn;
    v->vlen = vlen;
    v->present = (uint8_t)present;
    v->escrow = (uint8_t)escrow;
    v->next_key = NULL;
    assert(!vk->newest || vk->newest->csn < csn);
    if (vk->newest) vk->newest->next_key = v;
    else vk->oldest = v;
    vk->newest = v;
    v->next_all = NULL;
    v->prev_all = s->vs_last;
    if (s->vs_last) s->vs_last->next_all = v;
    else s->vs_first = v;
    s->vs_last = v;
    s->vs_newest = csn;
    os_mutex_lock(s->vmutex);
    s->vs_bytes += charge;
    os_mutex_unlock(s->vmutex);
    return 0;
}

void vs_unrecord(store *s, uint64_t csn)
{
    uint64_t freed = 0;

    while (s->vs_last && s->vs_last->csn == csn) {
        struct vs_version *v = s->vs_last, *p;
        struct vs_key *vk = v->vk;
        if (vk->oldest == v) {
            freed += drop_oldest(s, v);
            continue;
        }
        for (p = vk->oldest; p->next_key != v; p = p->next_key) assert(p->next_key);
        p->next_key = NULL;
        vk->newest = p;
        unlink_all(s, v);
        freed += sizeof(*v) + v->vlen;
        free(v);
    }
    if (freed) vs_sub_bytes(s, freed);
}

/* ---- locks ---------------------------------------------------------------------- */

static uint64_t lock_hash(int dbid, uint32_t tree, const uint8_t *key, uint32_t klen)
{
    uint64_t h = 1469598103934665603ull ^ ((uint64_t)dbid << 32 | tree);
    uint32_t i;
    h *= 1099511628211ull;
    for (i = 0; i < klen; i++) {
        h ^= key[i];
        h *= 1099511628211ull;
    }
    return h ^ h >> 29;
}

/* Rehashes the lock table into n buckets (vmutex held); keeps the old one
 * on failure. */
static void rehash_locks(store *s, uint32_t n)
{
    struct lk_entry **b = calloc(n, sizeof(*b));
    uint32_t i;

    if (!b) return;
    for (i = 0; i < s->nlock_buckets; i++) {
        struct lk_entry *l, *next;
        for (l = s->locks[i]; l; l = next) {
            next = l->next;
            l->next = b[l->hash % n];
            b[l->hash % n] = l;
        }
    }
    free(s->locks);
    s->locks = b;
    s->nlock_buckets = n;
}

/* Doubles the hash table when it is full (vmutex held). */
static void grow_locks(store *s)
{
    if (s->nlock_buckets * 2 > s->nlock_buckets) rehash_locks(s, s->nlock_buckets * 2);
}

/* Halves it while less than an eighth full, down to LOCK_BUCKETS_MIN, so
 * that one big transaction's table does not stay for good (vmutex held). */
static void shrink_locks(store *s)
{
    uint32_t n = s->nlock_buckets;
    while (n > LOCK_BUCKETS_MIN && s->nlocks < n / 8) n /= 2;
    if (n != s->nlock_buckets) rehash_locks(s, n);
}

/* Whether a lock of mode a conflicts with another transaction's of mode b. */
static int lk_conflict(int a, int b)
{
    return a == LK_WRITE || b == LK_WRITE || a != b;
}

/* Whether a commit after t's snapshot changed the key (takes the latch);
 * but_escrow: other than by escrow deltas alone. */
static int changed_since(store_txn *t, int dbid, uint32_t tree, const void *key, uint32_t klen,
                         int but_escrow)
{
    const struct vs_version *v;
    int changed;
    os_rwlock_read_lock(t->s->latch);
    v = vs_visible(t->s, dbid, tree, key, klen, t->snapshot);
    if (but_escrow)
        while (v && v->escrow) v = v->next_key;
    changed = v != NULL;
    os_rwlock_read_unlock(t->s->latch);
    return changed;
}

int vs_lock(store_txn *t, int dbid, uint32_t tree, const void *key, uint32_t klen, int mode,
            uint64_t estimate)
{
    store *s = t->s;
    uint64_t h = lock_hash(dbid, tree, key, klen), max = s->cfg.max_version_bytes;
    struct lk_entry *l, *mine = NULL;
    int conflict;

    assert(t->open);
    assert(mode == LK_READ || mode == LK_WRITE || mode == LK_ESCROW);
    os_mutex_lock(s->vmutex);
    if (estimate && max && s->vs_bytes + t->ver_estimate + estimate > max) {
        os_mutex_unlock(s->vmutex);
        return JET_errVersionStoreOutOfMemory;
    }
    for (l = s->locks[h % s->nlock_buckets]; l; l = l->next) {
        if (l->hash != h || l->dbid != dbid || l->tree != tree || l->klen != klen ||
            (klen && memcmp(l->key, key, klen)))
            continue;
        if (l->owner == t) {
            mine = l;
        } else if (lk_conflict(mode, l->write)) {
            os_mutex_unlock(s->vmutex);
            return JET_errWriteConflict;
        }
    }
    if (mine) {
        /* Held already: no commit can have changed the key since the first
         * check (a writer would have needed our lock) - unless the lock
         * was an escrow lock, which other escrowers share and commit
         * through: leaving escrow checks the versions now. */
        int was = mine->write;
        if (was != mode) mine->write = LK_WRITE;
        t->ver_estimate += estimate;
        os_mutex_unlock(s->vmutex);
        if (was == LK_ESCROW && mode != LK_ESCROW && changed_since(t, dbid, tree, key, klen, 0)) {
            os_mutex_lock(s->vmutex);
            mine->write = (uint8_t)was;
            t->ver_estimate -= estimate;
            os_mutex_unlock(s->vmutex);
            return JET_errWriteConflict;
        }
        return 0;
    }
    if (!(l = lk_alloc(t, klen))) {
        os_mutex_unlock(s->vmutex);
        return JET_errOutOfMemory;
    }
    if (s->nlocks >= s->nlock_buckets) grow_locks(s);
    l->hash = h;
    l->dbid = (uint8_t)dbid;
    l->tree = tree;
    l->klen = klen;
    l->write = (uint8_t)mode;
    l->esc = NULL;
    l->nesc = l->esccap = 0;
    l->owner = t;
    if (klen) memcpy(l->key, key, klen);
    l->next = s->locks[h % s->nlock_buckets];
    s->locks[h % s->nlock_buckets] = l;
    s->nlocks++;
    l->owner_next = t->locks;
    t->locks = l;
    os_mutex_unlock(s->vmutex);

    /* Now the versions: a commit after our snapshot that changed the key.
     * Escrow deltas commute with commits that only added deltas (they
     * apply to the latest committed value), so an escrow lock looks past
     * those, as ESE's delta versions do. */
    conflict = changed_since(t, dbid, tree, key, klen, mode == LK_ESCROW);
    os_mutex_lock(s->vmutex);
    if (conflict) {
        assert(t->locks == l);
        t->locks = l->owner_next;
        unchain(s, l);
        lk_unalloc(t, l);
    } else {
        t->ver_estimate += estimate;
    }
    os_mutex_unlock(s->vmutex);
    return conflict ? JET_errWriteConflict : 0;
}

int vs_changed_by_other(store *s, const store_txn *t, int dbid, uint32_t tree, const void *key, uint32_t klen)
{
    uint64_t h = lock_hash(dbid, tree, key, klen);
    struct lk_entry *l;
    int found = 0;

    os_mutex_lock(s->vmutex);
    for (l = s->locks[h % s->nlock_buckets]; l && !found; l = l->next)
        found = l->owner != t && l->write != LK_READ && l->hash == h && l->dbid == dbid && l->tree == tree &&
                l->klen == klen && (!klen || !memcmp(l->key, key, klen));
    os_mutex_unlock(s->vmutex);
    return found;
}

/* ---- escrow locks ---------------------------------------------------------------- */

/* t's lock on the key, or NULL (vmutex held). */
static struct lk_entry *own_lock(store_txn *t, int dbid, uint32_t tree, const void *key, uint32_t klen)
{
    store *s = t->s;
    uint64_t h = lock_hash(dbid, tree, key, klen);
    struct lk_entry *l;
    for (l = s->locks[h % s->nlock_buckets]; l; l = l->next)
        if (l->owner == t && l->hash == h && l->dbid == dbid && l->tree == tree && l->klen == klen &&
            (!klen || !memcmp(l->key, key, klen)))
            return l;
    return NULL;
}

/* The sum of the deltas at (off, width) in a delta list. */
static int64_t delta_sum(const uint8_t *list, uint32_t n, uint32_t off, uint32_t width)
{
    int64_t sum = 0;
    uint32_t i;
    for (i = 0; i < n; i++) {
        struct esc_delta d;
        memcpy(&d, list + i * sizeof(d), sizeof(d));
        if (d.off == off && d.width == width) sum = (int64_t)((uint64_t)sum + (uint64_t)d.delta);
    }
    return sum;
}

int vs_escrow_reserve(store_txn *t, int dbid, uint32_t tree, const void *key, uint32_t klen)
{
    store *s = t->s;
    struct lk_entry *mine;
    int err = 0;

    os_mutex_lock(s->vmutex);
    mine = own_lock(t, dbid, tree, key, klen);
    assert(mine);
    if (mine->nesc == mine->esccap) {
        uint32_t cap = mine->esccap ? mine->esccap * 2 : 2;
        uint8_t *p = realloc(mine->esc, (size_t)cap * sizeof(struct esc_delta));
        if (p) {
            mine->esc = p;
            mine->esccap = cap;
        } else {
            err = JET_errOutOfMemory;
        }
    }
    os_mutex_unlock(s->vmutex);
    return err;
}

int64_t vs_escrow_note(store_txn *t, int dbid, uint32_t tree, const void *key, uint32_t klen,
                       const struct esc_delta *d, const uint8_t *cur, uint32_t curlen)
{
    store *s = t->s;
    uint64_t h = lock_hash(dbid, tree, key, klen);
    struct lk_entry *l, *mine;
    uint8_t b[8] = {0};
    uint64_t v = 0;
    uint32_t k;
    int i;

    if (d->off <= curlen && d->width <= curlen - d->off) memcpy(b, cur + d->off, d->width);
    for (i = (int)d->width - 1; i >= 0; i--) v = v << 8 | b[i];
    os_mutex_lock(s->vmutex);
    mine = own_lock(t, dbid, tree, key, klen);
    assert(mine);
    for (l = s->locks[h % s->nlock_buckets]; l; l = l->next)
        if (l->nesc && l->hash == h && l->dbid == dbid && l->tree == tree && l->klen == klen &&
            (!klen || !memcmp(l->key, key, klen)))
            v += (uint64_t)delta_sum(l->esc, l->nesc, d->off, d->width);
    {
        /* One element per (off, width): merge; vs_escrow_reserve made room. */
        for (k = 0; k < mine->nesc; k++) {
            struct esc_delta e;
            memcpy(&e, mine->esc + k * sizeof(e), sizeof(e));
            if (e.off == d->off && e.width == d->width) {
                e.delta = (int64_t)((uint64_t)e.delta + (uint64_t)d->delta);
                memcpy(mine->esc + k * sizeof(e), &e, sizeof(e));
                break;
            }
        }
        if (k == mine->nesc) {
            assert(mine->nesc < mine->esccap);
            memcpy(mine->esc + mine->nesc++ * sizeof(*d), d, sizeof(*d));
        }
    }
    os_mutex_unlock(s->vmutex);
    return d->width == 4 ? (int64_t)(int32_t)(uint32_t)v : (int64_t)v;
}

void vs_escrow_resync(store_txn *t)
{
    store *s = t->s;
    struct lk_entry *l;

    os_mutex_lock(s->vmutex);
    for (l = t->locks; l; l = l->owner_next) {
        const struct ws_entry *e;
        if (!l->esccap) continue;
        e = ws_find(&t->ws, l->dbid, l->tree, l->key, l->klen);
        l->nesc = 0;
        if (e && e->kind == WS_ESCROW) {
            uint32_t n = e->vlen / sizeof(struct esc_delta);
            /* The write set's deltas after a rollback are a subset of the
             * (off, width) pairs the lock has seen: they fit. */
            assert(n <= l->esccap);
            if (n) memcpy(l->esc, e->val, (size_t)n * sizeof(struct esc_delta));
            l->nesc = n;
        }
    }
    os_mutex_unlock(s->vmutex);
}
