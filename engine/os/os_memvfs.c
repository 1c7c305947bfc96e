/*
 * os_memvfs.c - an in-memory file system with fault injection, for tests.
 * The contract is os_memvfs.h; this comment explains the model.
 *
 * Name space.  Files are keyed by their path string, compared exactly
 * ("a//b" and "a/b" are different files).  Directories are a separate set
 * of path strings that only mkdir and exists look at: a file may be
 * created under any path, whether or not its directory was made.  Opening,
 * removing or renaming a directory fails with OS_EACCES, as on Windows
 * (OS_EEXIST for an exclusive create).  An empty path names nothing
 * (OS_ENOENT).  OS_OPEN_READONLY with OS_OPEN_TRUNCATE is OS_EINVAL (the
 * backends disagree on it).
 *
 * Files.  A file is a node with a reference count: one reference while
 * its path names it, one per open handle.  Removing or replacing a path
 * only drops the path's reference, so a handle open across remove/rename
 * keeps the same file, as on POSIX.  Each node holds
 *
 *     cur   the content every read sees;
 *     dur   the content a sync made durable;
 *     log   the writes and truncates since the last sync, in order.
 *
 * A write or truncate changes cur at once and appends to the log.  A sync
 * replays the log onto dur (cost: the unsynced bytes, not the file size)
 * and empties it.  Creating, removing and renaming files and making
 * directories are durable at once: they change no content; sync_dir
 * (os_path_sync_dir) is then only counted (os_memvfs_dir_syncs).
 *
 * Names that need a sync (os_memvfs_names_need_sync).  In this mode a
 * second name space is kept: the durable names, each an entry (path, node)
 * holding a reference on its node.  Creating, renaming and removing
 * change only the current names; sync_dir(path) replaces the durable names
 * of path's folder (its text up to the last '/' or '\\') by the current
 * ones.  At power loss the current names become the durable ones: a file
 * created or renamed since its folder's last sync loses that name (and is
 * gone if it has no other), a removed one comes back, a replaced one comes
 * back with its old content; each kept node loses its unsynced writes as
 * above.  Folders themselves (mkdir) stay durable at once.
 *
 * Locks.  A handle opened with OS_OPEN_LOCK holds its node shared
 * (read-only) or exclusively until closed, as flock does per open file
 * description: a conflicting OS_OPEN_LOCK open is OS_EACCES, checked
 * before OS_OPEN_TRUNCATE truncates.  Plain opens ignore locks.  Opening with
 * OS_OPEN_TRUNCATE is an ordinary unsynced truncate to 0 (as O_TRUNC is).
 *
 * Power loss.  For every named file, a generator seeded by the seed and
 * the path decides the fate of each logged operation, and the kept ones
 * are replayed onto dur in their original order:
 *     write:    dropped, kept whole, or torn, each with probability 1/3;
 *               a torn write keeps a random proper subset of the 512-byte
 *               sectors it touches (sectors aligned in the file, so a write
 *               at 700 of 1000 bytes has pieces [700,1024), [1024,1536),
 *               [1536,1700)); a write within one sector is kept or not;
 *     truncate: applied or not, with probability 1/2.
 * A kept piece past the end of file extends it with zeros before it.
 * Seed 0 drops every logged operation.  cur then becomes a copy of dur,
 * every handle open before is stale (any call but close gives OS_EIO),
 * and the crash and fault settings are cleared.
 *
 * Crash and faults.  Each write and sync call that reaches the "device"
 * (a live handle, and for writes a writable one) is one I/O.  crash_at(n)
 * makes the nth I/O from now fail with OS_EIO and marks the VFS crashed:
 * from then on every write, sync and truncate, and every open, remove,
 * rename or mkdir that would change the name space or truncate, fails
 * with OS_EIO without effect, until power_loss().  Reads, sizes, exists
 * and opening existing files still work, so a test can look at the
 * remains.  crash_at(0) cancels a pending crash point but does not revive
 * a crashed VFS.  fail_at(n, err) makes the nth write call from now fail
 * with err, with no effect, once.  The writes() and syncs() counters count
 * the calls that succeeded, so a sweep over crash_at(1..writes+syncs)
 * stops a workload at each of its I/Os.
 *
 * Memory.  Buffers grow geometrically and never shrink.  Invariant: cur
 * and dur each have room for every length the file had since the last sync
 * (every logged write reserves room for its end in both, every logged
 * truncate its size), so sync and power loss replay without allocating and
 * cannot fail.  One mutex per VFS guards everything, including handles.
 * os_memvfs_destroy() frees handles still open; they must not be used (not
 * even closed) afterwards.
 */
#include "os_memvfs.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#define SECTOR_SIZE 512u
/* Largest file; beyond it writes fail with OS_ENOSPC.  Small enough that
 * offsets fit in size_t and buffer capacities can double without
 * overflow, on 32-bit builds too. */
#define MEMVFS_MAX_SIZE ((uint64_t)(SIZE_MAX / 4))
#define MIN_CAPACITY 4096u

struct mem_buf {
    uint8_t *data;
    size_t len;
    size_t cap;
};

enum mem_op_kind { OP_WRITE, OP_TRUNCATE };

/* One unsynced operation.  A truncate's new size is in off. */
struct mem_op {
    struct mem_op *next;
    enum mem_op_kind kind;
    size_t off;
    size_t len;
    uint8_t data[];
};

struct mem_node {
    struct mem_node *next;      /* in memvfs.files while named */
    char *path;                 /* NULL once removed or replaced */
    unsigned refs;              /* the path's (if named) + open handles */
    struct mem_buf cur, dur;
    struct mem_op *log_head, **log_tail;
    unsigned lock_shared;       /* OS_OPEN_LOCK handles: read-only ones */
    int lock_excl;              /* a writable one holds it */
};

struct mem_dir {
    struct mem_dir *next;
    char path[];
};

/* A durable name (os_memvfs_names_need_sync mode): what a power loss
 * brings back.  Holds a reference on its node; restore is a spare copy of
 * path, so that giving the name back at power loss needs no allocation. */
struct mem_dentry {
    struct mem_dentry *next;
    struct mem_node *node;
    char *restore;
    char path[];
};

struct mem_handle {
    os_file base;
    struct memvfs *vfs;
    struct mem_node *node;
    struct mem_handle *prev, *next;  /* in memvfs.handles */
    uint64_t epoch;                  /* memvfs.epoch when opened */
    int readonly;
    int lock;                        /* 0, or 1 shared / 2 exclusive (OS_OPEN_LOCK) */
};

struct memvfs {
    os_vfs base;
    os_mutex *lock;
    struct mem_node *files;
    struct mem_dir *dirs;
    struct mem_handle *handles;
    uint64_t epoch;             /* bumped by power loss: older handles are stale */
    uint64_t writes, syncs;     /* successful calls since creation */
    uint64_t dir_syncs;         /* sync_dir calls */
    int names_need_sync;        /* os_memvfs_names_need_sync */
    struct mem_dentry *durable; /* the durable names, in that mode */
    uint64_t crash_left;        /* I/Os until the crash point; 0: none */
    uint64_t fail_left;         /* writes until the failing one; 0: none */
    int fail_err;
    int crashed;
};

static const struct os_file_methods mem_file_methods;
static struct memvfs *vfs_of(os_vfs *base);
static int mem_open(os_vfs *base, const char *path, unsigned flags, os_file **out);

/* ---- buffers ------------------------------------------------------ */

static int buf_reserve(struct mem_buf *b, size_t need)
{
    size_t cap = b->cap ? b->cap : MIN_CAPACITY;
    uint8_t *p;

    if (need <= b->cap) return OS_OK;
    while (cap < need) cap *= 2;  /* need <= MEMVFS_MAX_SIZE: cannot overflow */
    if (!(p = realloc(b->data, cap))) return OS_ENOMEM;
    b->data = p;
    b->cap = cap;
    return OS_OK;
}

/* Sets the length, zero-filling growth; the capacity must be there. */
static void buf_set_len(struct mem_buf *b, size_t len)
{
    assert(len <= b->cap);
    if (len > b->len) memset(b->data + b->len, 0, len - b->len);
    b->len = len;
}

static void buf_put(struct mem_buf *b, size_t off, const uint8_t *src, size_t n)
{
    assert(n > 0);
    if (off + n > b->len) buf_set_len(b, off + n);
    memcpy(b->data + off, src, n);
}

static void buf_copy(struct mem_buf *to, const struct mem_buf *from)
{
    assert(to->cap >= from->len);
    if (from->len) memcpy(to->data, from->data, from->len);
    to->len = from->len;
}

/* ---- the seeded generator (splitmix64) ------------------------------ */

static uint64_t rng_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* FNV-1a: gives each file its own stream, so the fate of one file's writes
 * does not depend on which other files exist. */
static uint64_t path_hash(const char *path)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (; *path; path++) h = (h ^ (uint8_t)*path) * 0x100000001b3ull;
    return h;
}

/* ---- the unsynced log and its replay ------------------------------ */

static void log_append(struct mem_node *node, struct mem_op *op)
{
    op->next = NULL;
    *node->log_tail = op;
    node->log_tail = &op->next;
}

static void log_free(struct mem_node *node)
{
    struct mem_op *op, *next;
    for (op = node->log_head; op; op = next) {
        next = op->next;
        free(op);
    }
    node->log_head = NULL;
    node->log_tail = &node->log_head;
}

static void op_apply(struct mem_buf *b, const struct mem_op *op)
{
    if (op->kind == OP_TRUNCATE) buf_set_len(b, op->off);
    else buf_put(b, op->off, op->data, op->len);
}

/* Applies the part of a write that falls in file sector s. */
static void op_apply_sector(struct mem_buf *b, const struct mem_op *op, size_t s)
{
    size_t start = s * SECTOR_SIZE, end = start + SECTOR_SIZE;
    if (start < op->off) start = op->off;
    if (end > op->off + op->len) end = op->off + op->len;
    buf_put(b, start, op->data + (start - op->off), end - start);
}

/* Applies a random proper subset of a write's sectors: sector `keep` is
 * kept, sector `lose` is lost, the others are kept at random. */
static void op_apply_torn(struct mem_buf *b, const struct mem_op *op, uint64_t *rng)
{
    size_t first = op->off / SECTOR_SIZE;
    size_t count = (op->off + op->len - 1) / SECTOR_SIZE - first + 1;
    size_t keep, lose, i;
    uint64_t bits = 0;

    if (count < 2) {
        if (rng_next(rng) & 1) op_apply(b, op);
        return;
    }
    keep = (size_t)(rng_next(rng) % count);
    lose = (keep + 1 + (size_t)(rng_next(rng) % (count - 1))) % count;
    for (i = 0; i < count; i++) {
        int kept;
        if (i % 64 == 0) bits = rng_next(rng);
        kept = i == keep || (i != lose && ((bits >> (i % 64)) & 1));
        if (kept) op_apply_sector(b, op, first + i);
    }
}

/* Replays onto b what survives of op after a power loss. */
static void op_apply_fate(struct mem_buf *b, const struct mem_op *op, uint64_t *rng)
{
    uint64_t r = rng_next(rng);

    if (op->kind == OP_TRUNCATE) {
        if (r & 1) op_apply(b, op);
        return;
    }
    switch (r % 3) {
    case 0: break;  /* dropped */
    case 1: op_apply(b, op); break;
    default: op_apply_torn(b, op, rng); break;
    }
}

/* ---- file nodes ----------------------------------------------------- */

static struct mem_node *node_create(const char *path)
{
    struct mem_node *node = calloc(1, sizeof(*node));
    size_t n = strlen(path) + 1;

    if (!node) return NULL;
    if (!(node->path = malloc(n))) {
        free(node);
        return NULL;
    }
    memcpy(node->path, path, n);
    node->refs = 1;
    node->log_tail = &node->log_head;
    return node;
}

static void node_release(struct mem_node *node)
{
    assert(node->refs > 0);
    if (--node->refs) return;
    assert(!node->path);
    log_free(node);
    free(node->cur.data);
    free(node->dur.data);
    free(node);
}

static int node_read(struct mem_node *node, uint64_t off, void *buf, size_t n)
{
    if (off > node->cur.len || n > node->cur.len - off) return OS_ESHORT;
    if (n) memcpy(buf, node->cur.data + off, n);
    return OS_OK;
}

/* Makes room for length `end` in both contents (see the invariant). */
static int node_reserve(struct mem_node *node, size_t end)
{
    int err = buf_reserve(&node->cur, end);
    if (!err) err = buf_reserve(&node->dur, end);
    return err;
}

static int node_write(struct mem_node *node, uint64_t off, const void *buf, size_t n)
{
    struct mem_op *op;
    int err;

    if (n == 0) return OS_OK;  /* like pwrite: does not extend the file */
    if (off > MEMVFS_MAX_SIZE || n > MEMVFS_MAX_SIZE - off) return OS_ENOSPC;
    if (!(op = malloc(sizeof(*op) + n))) return OS_ENOMEM;
    if ((err = node_reserve(node, (size_t)off + n)) != OS_OK) {
        free(op);
        return err;
    }
    op->kind = OP_WRITE;
    op->off = (size_t)off;
    op->len = n;
    memcpy(op->data, buf, n);
    log_append(node, op);
    buf_put(&node->cur, op->off, op->data, n);
    return OS_OK;
}

static int node_truncate(struct mem_node *node, uint64_t size)
{
    struct mem_op *op;
    int err;

    if (size > MEMVFS_MAX_SIZE) return OS_ENOSPC;
    if (!(op = malloc(sizeof(*op)))) return OS_ENOMEM;
    if ((err = node_reserve(node, (size_t)size)) != OS_OK) {
        free(op);
        return err;
    }
    op->kind = OP_TRUNCATE;
    op->off = (size_t)size;
    op->len = 0;
    log_append(node, op);
    buf_set_len(&node->cur, op->off);
    return OS_OK;
}

static void node_sync(struct mem_node *node)
{
    const struct mem_op *op;
    for (op = node->log_head; op; op = op->next) op_apply(&node->dur, op);
    log_free(node);
    assert(node->dur.len == node->cur.len);
}

static void node_power_loss(struct mem_node *node, uint64_t seed)
{
    uint64_t rng = seed ^ path_hash(node->path);
    const struct mem_op *op;

    if (seed != 0) {
        for (op = node->log_head; op; op = op->next) op_apply_fate(&node->dur, op, &rng);
    }
    log_free(node);
    buf_copy(&node->cur, &node->dur);
}

/* ---- the name space ------------------------------------------------- */

static struct mem_node *find_file(struct memvfs *vfs, const char *path)
{
    struct mem_node *node;
    for (node = vfs->files; node; node = node->next) {
        if (!strcmp(node->path, path)) return node;
    }
    return NULL;
}

static int is_dir(struct memvfs *vfs, const char *path)
{
    const struct mem_dir *d;
    for (d = vfs->dirs; d; d = d->next) {
        if (!strcmp(d->path, path)) return 1;
    }
    return 0;
}

/* Drops the path of a file; open handles keep the node. */
static void unlink_file(struct memvfs *vfs, struct mem_node *node)
{
    struct mem_node **p = &vfs->files;
    while (*p != node) p = &(*p)->next;
    *p = node->next;
    node->next = NULL;
    free(node->path);
    node->path = NULL;
    node_release(node);
}

/* Finds or creates the file path names, following the open flags. */
static int open_node(struct memvfs *vfs, const char *path, unsigned flags, struct mem_node **out)
{
    int excl = (flags & OS_OPEN_CREATE) && (flags & OS_OPEN_EXCL);
    struct mem_node *node;

    if (!*path) return OS_ENOENT;
    if ((flags & OS_OPEN_READONLY) && (flags & OS_OPEN_TRUNCATE)) return OS_EINVAL;
    if (!(node = find_file(vfs, path))) {
        if (is_dir(vfs, path)) return excl ? OS_EEXIST : OS_EACCES;
        if (!(flags & OS_OPEN_CREATE)) return OS_ENOENT;
        if (vfs->crashed) return OS_EIO;
        if (!(node = node_create(path))) return OS_ENOMEM;
        node->next = vfs->files;
        vfs->files = node;
    } else if (excl) {
        return OS_EEXIST;
    } else if ((flags & OS_OPEN_LOCK) &&
               (node->lock_excl || (!(flags & OS_OPEN_READONLY) && node->lock_shared))) {
        return OS_EACCES; /* held by another handle: nothing truncated */
    } else if (flags & OS_OPEN_TRUNCATE) {
        int err = vfs->crashed ? OS_EIO : node_truncate(node, 0);
        if (err) return err;
    }
    *out = node;
    return OS_OK;
}

/* ---- handles ---------------------------------------------------------- */

static struct mem_handle *handle_of(os_file *f)
{
    assert(f->methods == &mem_file_methods);
    return (struct mem_handle *)f;
}

/* Whether h may be used now: OS_EIO once a power loss made it stale,
 * OS_EACCES for a change through a read-only handle. */
static int handle_check(const struct mem_handle *h, int for_change)
{
    if (h->epoch != h->vfs->epoch) return OS_EIO;
    if (for_change && h->readonly) return OS_EACCES;
    return OS_OK;
}

/* Counts one write or sync call against the crash and fault points. */
static int io_begin(struct memvfs *vfs, int is_write)
{
    if (vfs->crashed) return OS_EIO;
    if (vfs->crash_left && --vfs->crash_left == 0) {
        vfs->crashed = 1;
        return OS_EIO;
    }
    if (is_write && vfs->fail_left && --vfs->fail_left == 0) return vfs->fail_err;
    return OS_OK;
}

static void handle_free(struct mem_handle *h)
{
    struct memvfs *vfs = h->vfs;
    if (h->prev) h->prev->next = h->next;
    else vfs->handles = h->next;
    if (h->next) h->next->prev = h->prev;
    if (h->lock == 2) h->node->lock_excl = 0;
    else if (h->lock == 1) h->node->lock_shared--;
    node_release(h->node);
    free(h);
}

static void mem_close(os_file *f)
{
    struct mem_handle *h = handle_of(f);
    os_mutex *lock = h->vfs->lock;

    os_mutex_lock(lock);
    handle_free(h);
    os_mutex_unlock(lock);
}

static int mem_read(os_file *f, uint64_t off, void *buf, size_t n)
{
    struct mem_handle *h = handle_of(f);
    int err;

    os_mutex_lock(h->vfs->lock);
    err = handle_check(h, 0);
    if (!err) err = node_read(h->node, off, buf, n);
    os_mutex_unlock(h->vfs->lock);
    return err;
}

static int mem_write(os_file *f, uint64_t off, const void *buf, size_t n)
{
    struct mem_handle *h = handle_of(f);
    int err;

    os_mutex_lock(h->vfs->lock);
    err = handle_check(h, 1);
    if (!err) err = io_begin(h->vfs, 1);
    if (!err) err = node_write(h->node, off, buf, n);
    if (!err) h->vfs->writes++;
    os_mutex_unlock(h->vfs->lock);
    return err;
}

static int mem_sync(os_file *f)
{
    struct mem_handle *h = handle_of(f);
    int err;

    os_mutex_lock(h->vfs->lock);
    err = handle_check(h, 0);
    if (!err) err = io_begin(h->vfs, 0);
    if (!err) {
        node_sync(h->node);
        h->vfs->syncs++;
    }
    os_mutex_unlock(h->vfs->lock);
    return err;
}

static int mem_size(os_file *f, uint64_t *size)
{
    struct mem_handle *h = handle_of(f);
    int err;

    os_mutex_lock(h->vfs->lock);
    err = handle_check(h, 0);
    if (!err) *size = h->node->cur.len;
    os_mutex_unlock(h->vfs->lock);
    return err;
}

static int mem_truncate(os_file *f, uint64_t size)
{
    struct mem_handle *h = handle_of(f);
    int err;

    os_mutex_lock(h->vfs->lock);
    err = handle_check(h, 1);
    if (!err && h->vfs->crashed) err = OS_EIO;
    if (!err) err = node_truncate(h->node, size);
    os_mutex_unlock(h->vfs->lock);
    return err;
}

static const struct os_file_methods mem_file_methods = {
    mem_close, mem_read, mem_write, mem_sync, mem_size, mem_truncate
};

/* ---- the VFS functions ------------------------------------------------ */

static struct memvfs *vfs_of(os_vfs *base)
{
    assert(base && base->open == mem_open);
    return (struct memvfs *)base;
}

static int mem_open(os_vfs *base, const char *path, unsigned flags, os_file **out)
{
    struct memvfs *vfs = vfs_of(base);
    struct mem_handle *h = calloc(1, sizeof(*h));
    struct mem_node *node = NULL;
    int err;

    *out = NULL;
    if (!h) return OS_ENOMEM;
    os_mutex_lock(vfs->lock);
    err = open_node(vfs, path, flags, &node);
    if (!err) {
        h->base.methods = &mem_file_methods;
        h->vfs = vfs;
        h->node = node;
        h->epoch = vfs->epoch;
        h->readonly = (flags & OS_OPEN_READONLY) != 0;
        if (flags & OS_OPEN_LOCK) {
            h->lock = h->readonly ? 1 : 2;
            if (h->readonly) node->lock_shared++;
            else node->lock_excl = 1;
        }
        h->next = vfs->handles;
        if (vfs->handles) vfs->handles->prev = h;
        vfs->handles = h;
        node->refs++;
    }
    os_mutex_unlock(vfs->lock);
    if (err) free(h);
    else *out = &h->base;
    return err;
}

static int mem_remove(os_vfs *base, const char *path)
{
    struct memvfs *vfs = vfs_of(base);
    struct mem_node *node;
    int err = OS_OK;

    os_mutex_lock(vfs->lock);
    if (vfs->crashed) err = OS_EIO;
    else if ((node = find_file(vfs, path)) != NULL) unlink_file(vfs, node);
    else err = is_dir(vfs, path) ? OS_EACCES : OS_ENOENT;
    os_mutex_unlock(vfs->lock);
    return err;
}

/* Renames a file, replacing "to" if it is a file. */
static int rename_locked(struct memvfs *vfs, const char *from, const char *to)
{
    struct mem_node *src = find_file(vfs, from), *dst;
    size_t n = strlen(to) + 1;
    char *copy;

    if (vfs->crashed) return OS_EIO;
    if (!src) return is_dir(vfs, from) ? OS_EACCES : OS_ENOENT;
    if (!*to) return OS_ENOENT;
    if (is_dir(vfs, to)) return OS_EACCES;
    if ((dst = find_file(vfs, to)) == src) return OS_OK;
    if (!(copy = malloc(n))) return OS_ENOMEM;
    memcpy(copy, to, n);
    if (dst) unlink_file(vfs, dst);
    free(src->path);
    src->path = copy;
    return OS_OK;
}

static int mem_rename(os_vfs *base, const char *from, const char *to)
{
    struct memvfs *vfs = vfs_of(base);
    int err;

    os_mutex_lock(vfs->lock);
    err = rename_locked(vfs, from, to);
    os_mutex_unlock(vfs->lock);
    return err;
}

static int mem_exists(os_vfs *base, const char *path)
{
    struct memvfs *vfs = vfs_of(base);
    int found;

    os_mutex_lock(vfs->lock);
    found = find_file(vfs, path) != NULL || is_dir(vfs, path);
    os_mutex_unlock(vfs->lock);
    return found;
}

static int mkdir_locked(struct memvfs *vfs, const char *path)
{
    size_t n = strlen(path) + 1;
    struct mem_dir *d;

    if (vfs->crashed) return OS_EIO;
    if (!*path) return OS_ENOENT;
    if (find_file(vfs, path) || is_dir(vfs, path)) return OS_EEXIST;
    if (!(d = malloc(sizeof(*d) + n))) return OS_ENOMEM;
    memcpy(d->path, path, n);
    d->next = vfs->dirs;
    vfs->dirs = d;
    return OS_OK;
}

static int mem_mkdir(os_vfs *base, const char *path)
{
    struct memvfs *vfs = vfs_of(base);
    int err;

    os_mutex_lock(vfs->lock);
    err = mkdir_locked(vfs, path);
    os_mutex_unlock(vfs->lock);
    return err;
}

/* The length of the folder part of path: up to and with its last '/' or
 * '\\' (0: the current folder). */
static size_t dir_len(const char *path)
{
    size_t n = strlen(path);
    while (n && path[n - 1] != '/' && path[n - 1] != '\\') n--;
    return n;
}

static int in_dir(const char *path, const char *dir, size_t len)
{
    return dir_len(path) == len && !strncmp(path, dir, len);
}

static void dentry_free(struct mem_dentry *d)
{
    node_release(d->node);
    free(d->restore);
    free(d);
}

/* Makes the durable names of path's folder its current ones.  The new
 * entries are all made before the old ones go, so a failure (OS_ENOMEM)
 * changes nothing. */
static int names_sync_locked(struct memvfs *vfs, const char *path)
{
    size_t len = dir_len(path);
    struct mem_dentry *fresh = NULL, **pp, *d;
    struct mem_node *node;

    for (node = vfs->files; node; node = node->next) {
        size_t n = strlen(node->path) + 1;
        if (!in_dir(node->path, path, len)) continue;
        if (!(d = malloc(sizeof(*d) + n)) || !(d->restore = malloc(n))) {
            free(d);
            while ((d = fresh) != NULL) {
                fresh = d->next;
                dentry_free(d);
            }
            return OS_ENOMEM;
        }
        memcpy(d->path, node->path, n);
        memcpy(d->restore, node->path, n);
        d->node = node;
        node->refs++;
        d->next = fresh;
        fresh = d;
    }
    for (pp = &vfs->durable; *pp;) {
        d = *pp;
        if (in_dir(d->path, path, len)) {
            *pp = d->next;
            dentry_free(d);
        } else {
            pp = &d->next;
        }
    }
    while ((d = fresh) != NULL) {
        fresh = d->next;
        d->next = vfs->durable;
        vfs->durable = d;
    }
    return OS_OK;
}

/* Without os_memvfs_names_need_sync names are durable at once (see the
 * top comment) and the calls are only counted. */
static int mem_sync_dir(os_vfs *base, const char *path)
{
    struct memvfs *vfs = vfs_of(base);
    int err = OS_OK;

    os_mutex_lock(vfs->lock);
    if (vfs->crashed) err = OS_EIO;
    else if (vfs->names_need_sync) err = names_sync_locked(vfs, path);
    if (!err) vfs->dir_syncs++;
    os_mutex_unlock(vfs->lock);
    return err;
}

/* Power loss in names_need_sync mode: the name space becomes the durable
 * one.  Nodes with a durable name lose their unsynced writes (seeded by
 * that name); the others are gone (open handles keep them until closed). */
static void names_power_loss(struct memvfs *vfs, uint64_t seed)
{
    struct mem_dentry *d, **pp;

    while (vfs->files) unlink_file(vfs, vfs->files);
    for (pp = &vfs->durable; (d = *pp) != NULL;) {
        if (d->node->path) {
            /* A second durable name of one node (renamed across folders):
             * the first one wins. */
            *pp = d->next;
            dentry_free(d);
            continue;
        }
        if (!d->restore && !(d->restore = strdup(d->path))) {
            *pp = d->next; /* out of memory: the file is lost */
            dentry_free(d);
            continue;
        }
        d->node->path = d->restore;
        d->restore = NULL;
        d->node->refs++;
        d->node->next = vfs->files;
        vfs->files = d->node;
        node_power_loss(d->node, seed);
        /* A spare for the next power loss (if this fails, strdup then). */
        d->restore = strdup(d->path);
        pp = &d->next;
    }
}

/* ---- the public interface -------------------------------------------- */

os_vfs *os_memvfs_create(void)
{
    struct memvfs *vfs = calloc(1, sizeof(*vfs));

    if (!vfs) return NULL;
    if (os_mutex_create(&vfs->lock) != OS_OK) {
        free(vfs);
        return NULL;
    }
    vfs->base.name = "memvfs";
    vfs->base.open = mem_open;
    vfs->base.remove = mem_remove;
    vfs->base.rename = mem_rename;
    vfs->base.exists = mem_exists;
    vfs->base.mkdir = mem_mkdir;
    vfs->base.sync_dir = mem_sync_dir;
    return &vfs->base;
}

void os_memvfs_destroy(os_vfs *base)
{
    struct memvfs *vfs;
    struct mem_dir *d;

    if (!base) return;
    vfs = vfs_of(base);
    while (vfs->handles) handle_free(vfs->handles);
    while (vfs->files) unlink_file(vfs, vfs->files);
    while (vfs->durable) {
        struct mem_dentry *e = vfs->durable;
        vfs->durable = e->next;
        dentry_free(e);
    }
    while ((d = vfs->dirs) != NULL) {
        vfs->dirs = d->next;
        free(d);
    }
    os_mutex_destroy(vfs->lock);
    free(vfs);
}

void os_memvfs_names_need_sync(os_vfs *base)
{
    struct memvfs *vfs = vfs_of(base);
    struct mem_node *node;

    os_mutex_lock(vfs->lock);
    if (!vfs->names_need_sync) {
        /* The names so far count as durable: one sync of every folder. */
        vfs->names_need_sync = 1;
        for (node = vfs->files; node; node = node->next) {
            struct mem_dentry *d;
            size_t n = strlen(node->path) + 1;
            if (!(d = malloc(sizeof(*d) + n))) continue;
            memcpy(d->path, node->path, n);
            d->restore = strdup(node->path);
            d->node = node;
            node->refs++;
            d->next = vfs->durable;
            vfs->durable = d;
        }
    }
    os_mutex_unlock(vfs->lock);
}

uint64_t os_memvfs_dir_syncs(os_vfs *base)
{
    struct memvfs *vfs = vfs_of(base);
    uint64_t n;

    os_mutex_lock(vfs->lock);
    n = vfs->dir_syncs;
    os_mutex_unlock(vfs->lock);
    return n;
}

uint64_t os_memvfs_writes(os_vfs *base)
{
    struct memvfs *vfs = vfs_of(base);
    uint64_t n;

    os_mutex_lock(vfs->lock);
    n = vfs->writes;
    os_mutex_unlock(vfs->lock);
    return n;
}

uint64_t os_memvfs_syncs(os_vfs *base)
{
    struct memvfs *vfs = vfs_of(base);
    uint64_t n;

    os_mutex_lock(vfs->lock);
    n = vfs->syncs;
    os_mutex_unlock(vfs->lock);
    return n;
}

void os_memvfs_crash_at(os_vfs *base, uint64_t nth_io)
{
    struct memvfs *vfs = vfs_of(base);

    os_mutex_lock(vfs->lock);
    vfs->crash_left = nth_io;
    os_mutex_unlock(vfs->lock);
}

void os_memvfs_fail_at(os_vfs *base, uint64_t nth_write, int err)
{
    struct memvfs *vfs = vfs_of(base);

    assert(nth_write == 0 || err < 0);
    os_mutex_lock(vfs->lock);
    vfs->fail_left = nth_write;
    vfs->fail_err = err;
    os_mutex_unlock(vfs->lock);
}

int os_memvfs_crashed(os_vfs *base)
{
    struct memvfs *vfs = vfs_of(base);
    int crashed;

    os_mutex_lock(vfs->lock);
    crashed = vfs->crashed;
    os_mutex_unlock(vfs->lock);
    return crashed;
}

void os_memvfs_power_loss(os_vfs *base, uint64_t seed)
{
    struct memvfs *vfs = vfs_of(base);
    struct mem_node *node;
    struct mem_handle *h;

    os_mutex_lock(vfs->lock);
    if (vfs->names_need_sync) names_power_loss(vfs, seed);
    else
        for (node = vfs->files; node; node = node->next) node_power_loss(node, seed);
    /* The dead process's locks go with it. */
    for (h = vfs->handles; h; h = h->next) {
        if (h->lock == 2) h->node->lock_excl = 0;
        else if (h->lock == 1) h->node->lock_shared--;
        h->lock = 0;
    }
    vfs->epoch++;
    vfs->crash_left = 0;
    vfs->fail_left = 0;
    vfs->crashed = 0;
    os_mutex_unlock(vfs->lock);
}

int os_memvfs_file_size(os_vfs *base, const char *path, uint64_t *size)
{
    struct memvfs *vfs = vfs_of(base);
    struct mem_node *node;
    int err = OS_OK;

    os_mutex_lock(vfs->lock);
    if ((node = find_file(vfs, path)) != NULL) *size = node->cur.len;
    else err = OS_ENOENT;
    os_mutex_unlock(vfs->lock);
    return err;
}

int os_memvfs_corrupt(os_vfs *base, const char *path, uint64_t off, uint8_t xor_mask)
{
    struct memvfs *vfs = vfs_of(base);
    struct mem_node *node;
    int err = OS_OK;

    os_mutex_lock(vfs->lock);
    if (!(node = find_file(vfs, path))) {
        err = OS_ENOENT;
    } else if (off >= node->cur.len && off >= node->dur.len) {
        err = OS_ESHORT;
    } else {
        if (off < node->cur.len) node->cur.data[off] ^= xor_mask;
        if (off < node->dur.len) node->dur.data[off] ^= xor_mask;
    }
    os_mutex_unlock(vfs->lock);
    return err;
}
