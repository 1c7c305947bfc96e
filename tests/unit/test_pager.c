/*
 * test_pager.c - the buffer cache (engine/pager/): creating and opening
 * database files of every page size, the header, the free list,
 * checkpoints (snapshot take/write), recovery images, eviction and the
 * replacement policy, damaged files, I/O errors, read-only mode and
 * concurrent readers.
 *
 * Files are real temporary files on the default VFS.  I/O errors come from
 * a small wrapper VFS defined here (fault_vfs), which fails reads or writes
 * of the default VFS on request.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "esent.h"
#include "os.h"
#include "page.h"
#include "pager.h"
#include "pcache.h"
#include "unit.h"

static char dir[4096], path[4200];

static void setup(void)
{
    snprintf(dir, sizeof(dir), "%s", unit_tmpdir());
    snprintf(path, sizeof(path), "%s/test.edb", dir);
}

static void teardown(void)
{
    if (os_path_exists(os_vfs_default(), path) && os_path_remove(os_vfs_default(), path) != OS_OK)
        fprintf(stderr, "cannot remove %s\n", path);
}

/* ---- helpers ------------------------------------------------------------ */

static uint64_t rng_state;

static void rng_seed(uint64_t salt)
{
    unsigned long long seed = unit_seed();
    printf("pager: seed %llu (set UNIT_SEED to replay)\n", seed);
    rng_state = seed ^ (salt * 0x9e3779b97f4a7c15ull);
}

static uint64_t rng_next(uint64_t *s) /* splitmix64 */
{
    uint64_t x = (*s += 0x9e3779b97f4a7c15ull);
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

static struct pager_config config(uint32_t page_size, uint32_t cache, uint32_t extend, unsigned flags)
{
    struct pager_config cfg = { os_vfs_default(), page_size, cache, extend, flags, 0 };
    return cfg;
}

static pager *create_db(uint32_t page_size, uint32_t cache)
{
    struct pager_config cfg = config(page_size, cache, 1, PAGER_CREATE | PAGER_OVERWRITE);
    pager *p = NULL;
    ck_assert_int_eq(pager_open(path, &cfg, &p), 0);
    return p;
}

static pager *open_db(uint32_t cache, unsigned flags)
{
    struct pager_config cfg = config(0, cache, 1, flags);
    pager *p = NULL;
    ck_assert_int_eq(pager_open(path, &cfg, &p), 0);
    return p;
}

static int try_open(uint32_t page_size)
{
    struct pager_config cfg = config(page_size, 16, 1, 0);
    pager *p = (pager *)0xdeadbeef;
    int rc = pager_open(path, &cfg, &p);
    if (rc == 0) pager_close(p);
    else ck_assert_ptr_null(p);
    return rc;
}

/* A leaf page whose body is a pattern of (pgno, tag).  Its header says the
 * cells fill the page (no slots, cell_top at the header's end), so it has
 * no hole for a checkpoint to zero (page_hole). */
static void fill(uint8_t *d, uint32_t page_size, uint32_t pgno, uint32_t tag)
{
    uint32_t i;
    d[PAGE_OFF_TYPE] = PAGE_TYPE_LEAF;
    put_u16(d + PAGE_OFF_NSLOTS, 0);
    put_u16(d + PAGE_OFF_CELL_TOP, PAGE_HDR_SIZE);
    for (i = PAGE_HDR_SIZE; i < page_size; i++) d[i] = (uint8_t)(pgno * 31 + tag * 7 + i);
}

static int filled(const uint8_t *d, uint32_t page_size, uint32_t pgno, uint32_t tag)
{
    uint32_t i;
    if (d[PAGE_OFF_TYPE] != PAGE_TYPE_LEAF || get_u32(d + PAGE_OFF_PGNO) != pgno) return 0;
    for (i = PAGE_HDR_SIZE; i < page_size; i++)
        if (d[i] != (uint8_t)(pgno * 31 + tag * 7 + i)) return 0;
    return 1;
}

static void check_page(pager *p, uint32_t pgno, uint32_t tag)
{
    pager_page *pg;
    ck_assert_int_eq(pager_get(p, pgno, &pg), 0);
    ck_assert_uint_eq(pager_pgno(pg), pgno);
    ck_assert_msg(filled(pager_data(pg), pager_page_size(p), pgno, tag), "page %u content", pgno);
    pager_release(pg);
}

static void rewrite_page(pager *p, uint32_t pgno, uint32_t tag)
{
    pager_page *pg;
    ck_assert_int_eq(pager_get(p, pgno, &pg), 0);
    pager_make_dirty(pg);
    fill(pager_data(pg), pager_page_size(p), pgno, tag);
    pager_release(pg);
}

static uint32_t alloc_filled(pager *p, uint32_t tag)
{
    pager_page *pg;
    uint32_t pgno;
    ck_assert_int_eq(pager_alloc(p, &pg), 0);
    pgno = pager_pgno(pg);
    fill(pager_data(pg), pager_page_size(p), pgno, tag);
    pager_release(pg);
    return pgno;
}

static void free_page(pager *p, uint32_t pgno)
{
    pager_page *pg;
    ck_assert_int_eq(pager_get(p, pgno, &pg), 0);
    ck_assert_int_eq(pager_free(p, pg), 0);
}

static void checkpoint(pager *p)
{
    pager_snapshot *s;
    ck_assert_int_eq(pager_snapshot_take(p, &s), 0);
    ck_assert_int_eq(pager_snapshot_write(p, s), 0);
    pager_snapshot_free(s);
    ck_assert_uint_eq(pager_dirty_count(p), 0);
}

static uint32_t hdr(pager *p, unsigned off)
{
    return get_u32(pager_data(pager_header(p)) + off);
}

/* A closed database of npages pages (1..npages-1 filled with tag). */
static void make_db(uint32_t page_size, uint32_t npages, uint32_t tag)
{
    pager *p = create_db(page_size, 16);
    uint32_t i;
    for (i = 1; i < npages; i++) ck_assert_uint_eq(alloc_filled(p, tag), i);
    checkpoint(p);
    pager_close(p);
}

/* Raw access to the file, under the engine's feet. */
static os_file *raw_open(void)
{
    os_file *f;
    ck_assert_int_eq(os_file_open(os_vfs_default(), path, OS_OPEN_CREATE, &f), OS_OK);
    return f;
}

static uint64_t raw_size(void)
{
    os_file *f = raw_open();
    uint64_t size;
    ck_assert_int_eq(os_file_size(f, &size), OS_OK);
    os_file_close(f);
    return size;
}

static void raw_truncate(uint64_t size)
{
    os_file *f = raw_open();
    ck_assert_int_eq(os_file_truncate(f, size), OS_OK);
    os_file_close(f);
}

static void raw_xor(uint64_t off, uint8_t mask)
{
    os_file *f = raw_open();
    uint8_t b;
    ck_assert_int_eq(os_file_read(f, off, &b, 1), OS_OK);
    b ^= mask;
    ck_assert_int_eq(os_file_write(f, off, &b, 1), OS_OK);
    os_file_close(f);
}

static void raw_page(uint32_t page_size, uint32_t pgno, uint8_t *buf, int write)
{
    os_file *f = raw_open();
    uint64_t off = (uint64_t)pgno * page_size;
    if (write) ck_assert_int_eq(os_file_write(f, off, buf, page_size), OS_OK);
    else ck_assert_int_eq(os_file_read(f, off, buf, page_size), OS_OK);
    os_file_close(f);
}

/* Changes a u32 of a page on disk and reseals it, so only the field is wrong. */
static void patch_u32(uint32_t page_size, uint32_t pgno, unsigned off, uint32_t value)
{
    static uint8_t buf[PAGE_SIZE_MAX];
    raw_page(page_size, pgno, buf, 0);
    put_u32(buf + off, value);
    page_seal(buf, page_size);
    raw_page(page_size, pgno, buf, 1);
}

static void patch_u8(uint32_t page_size, uint32_t pgno, unsigned off, uint8_t value)
{
    static uint8_t buf[PAGE_SIZE_MAX];
    raw_page(page_size, pgno, buf, 0);
    buf[off] = value;
    page_seal(buf, page_size);
    raw_page(page_size, pgno, buf, 1);
}

static void write_file(const void *data, size_t n)
{
    os_file *f;
    ck_assert_int_eq(os_file_open(os_vfs_default(), path, OS_OPEN_CREATE | OS_OPEN_TRUNCATE, &f), OS_OK);
    if (n) ck_assert_int_eq(os_file_write(f, 0, data, n), OS_OK);
    os_file_close(f);
}

/* cached <= cache_pages + pinned + dirty: the cache's memory bound. */
static void check_bound(pager *p, uint32_t cache_pages)
{
    struct pager_stats st;
    pager_get_stats(p, &st);
    ck_assert_msg(st.cached <= cache_pages + st.pinned + st.dirty,
                  "cached %u > cache %u + pinned %u + dirty %u", st.cached, cache_pages, st.pinned,
                  st.dirty);
}

/* ---- a VFS that fails on request -------------------------------------- */

struct fault_vfs {
    os_vfs base;
    os_vfs *inner;
    int fail_reads, fail_writes; /* OS_E* to return, 0: pass through */
};

struct fault_file {
    os_file base;
    os_file *inner;
    struct fault_vfs *vfs;
};

static os_file *inner_of(os_file *f)
{
    return ((struct fault_file *)f)->inner;
}

static struct fault_vfs *vfs_of(os_file *f)
{
    return ((struct fault_file *)f)->vfs;
}

static void fault_close(os_file *f)
{
    os_file_close(inner_of(f));
    free(f);
}

static int fault_read(os_file *f, uint64_t off, void *buf, size_t n)
{
    if (vfs_of(f)->fail_reads) return vfs_of(f)->fail_reads;
    return os_file_read(inner_of(f), off, buf, n);
}

static int fault_write(os_file *f, uint64_t off, const void *buf, size_t n)
{
    if (vfs_of(f)->fail_writes) return vfs_of(f)->fail_writes;
    return os_file_write(inner_of(f), off, buf, n);
}

static int fault_sync(os_file *f)
{
    return os_file_sync(inner_of(f));
}

static int fault_size(os_file *f, uint64_t *size)
{
    return os_file_size(inner_of(f), size);
}

static int fault_truncate(os_file *f, uint64_t size)
{
    if (vfs_of(f)->fail_writes) return vfs_of(f)->fail_writes;
    return os_file_truncate(inner_of(f), size);
}

static const struct os_file_methods fault_methods = {
    fault_close, fault_read, fault_write, fault_sync, fault_size, fault_truncate
};

static int fault_open(os_vfs *vfs, const char *name, unsigned flags, os_file **out)
{
    struct fault_vfs *fv = (struct fault_vfs *)vfs;
    struct fault_file *f = malloc(sizeof(*f));
    int rc;

    *out = NULL;
    if (!f) return OS_ENOMEM;
    if ((rc = os_file_open(fv->inner, name, flags, &f->inner))) {
        free(f);
        return rc;
    }
    f->base.methods = &fault_methods;
    f->vfs = fv;
    *out = &f->base;
    return OS_OK;
}

static int fault_remove(os_vfs *vfs, const char *name)
{
    return os_path_remove(((struct fault_vfs *)vfs)->inner, name);
}

static int fault_rename(os_vfs *vfs, const char *from, const char *to)
{
    return os_path_rename(((struct fault_vfs *)vfs)->inner, from, to);
}

static int fault_exists(os_vfs *vfs, const char *name)
{
    return os_path_exists(((struct fault_vfs *)vfs)->inner, name);
}

static int fault_mkdir(os_vfs *vfs, const char *name)
{
    return os_path_mkdir(((struct fault_vfs *)vfs)->inner, name);
}

static struct fault_vfs fault = {
    { "fault", fault_open, fault_remove, fault_rename, fault_exists, fault_mkdir, NULL }, NULL, 0, 0
};

static struct pager_config fault_config(uint32_t page_size, uint32_t cache, unsigned flags)
{
    struct pager_config cfg = config(page_size, cache, 1, flags);
    fault.inner = os_vfs_default();
    fault.fail_reads = fault.fail_writes = 0;
    cfg.vfs = &fault.base;
    return cfg;
}

/* ---- creating and opening ------------------------------------------------ */

static const uint32_t page_sizes[] = { 4096, 8192, 16384, 32768 };

START_TEST(create_open_roundtrip)
{
    uint32_t ps = page_sizes[_i];
    static uint8_t saved[PAGE_SIZE_MAX];
    pager *p = create_db(ps, 16);
    const uint8_t *h = pager_data(pager_header(p));
    uint64_t now = (uint64_t)time(NULL), created;
    uint32_t pgno;

    ck_assert_uint_eq(pager_page_size(p), ps);
    ck_assert_uint_eq(pager_page_count(p), 1);
    ck_assert_uint_eq(pager_dirty_count(p), 0);
    ck_assert_int_eq(page_verify(h, ps, 0), 0);
    ck_assert_uint_eq(h[PAGE_OFF_TYPE], PAGE_TYPE_DBHEADER);
    ck_assert_int_eq(memcmp(h + DBH_OFF_MAGIC, DBH_MAGIC, 8), 0);
    ck_assert_uint_eq(get_u32(h + DBH_OFF_VERSION), DBH_FORMAT_VERSION);
    ck_assert_uint_eq(get_u32(h + DBH_OFF_PAGE_SIZE), ps);
    ck_assert_uint_eq(get_u32(h + DBH_OFF_PAGE_COUNT), 1);
    ck_assert_uint_eq(get_u32(h + DBH_OFF_FREE_HEAD), 0);
    ck_assert_uint_eq(get_u32(h + DBH_OFF_FREE_COUNT), 0);
    ck_assert_uint_eq(get_u32(h + DBH_OFF_CATALOG_ROOT), 0);
    ck_assert_uint_eq(get_u32(h + DBH_OFF_DB_STATE), JET_dbstateJustCreated);
    ck_assert(get_u64(h + DBH_OFF_SIGNATURE) || get_u64(h + DBH_OFF_SIGNATURE + 8));
    created = get_u64(h + DBH_OFF_CREATE_TIME);
    ck_assert(created + 60 >= now && created <= now + 60);
    memcpy(saved, h, ps);
    pager_close(p);
    ck_assert_uint_eq(raw_size(), ps);

    /* Page size taken from the file, or given and matching. */
    p = open_db(16, 0);
    ck_assert_uint_eq(pager_page_size(p), ps);
    ck_assert_uint_eq(pager_page_count(p), 1);
    ck_assert_int_eq(memcmp(pager_data(pager_header(p)), saved, ps), 0);
    pgno = alloc_filled(p, 9);
    ck_assert_uint_eq(pgno, 1);
    checkpoint(p);
    pager_close(p);

    {
        struct pager_config cfg = config(ps, 16, 1, 0);
        ck_assert_int_eq(pager_open(path, &cfg, &p), 0);
    }
    ck_assert_uint_eq(pager_page_count(p), 2);
    check_page(p, 1, 9);
    ck_assert_int_eq(memcmp(pager_data(pager_header(p)) + DBH_OFF_SIGNATURE,
                            saved + DBH_OFF_SIGNATURE, 16), 0);
    pager_close(p);
}
END_TEST

START_TEST(signatures_differ)
{
    uint8_t sig[2][16];
    int i;

    for (i = 0; i < 2; i++) {
        struct pager_config cfg = config(4096, 16, 1, PAGER_CREATE | PAGER_OVERWRITE);
        pager *p;
        ck_assert_int_eq(pager_open(path, &cfg, &p), 0);
        memcpy(sig[i], pager_data(pager_header(p)) + DBH_OFF_SIGNATURE, 16);
        pager_close(p);
    }
    ck_assert_int_ne(memcmp(sig[0], sig[1], 16), 0);
}
END_TEST

START_TEST(create_and_open_errors)
{
    struct pager_config cfg;
    pager *p;

    ck_assert_int_eq(try_open(0), JET_errFileNotFound);
    ck_assert_int_eq(os_path_exists(os_vfs_default(), path), 0);

    cfg = config(4096, 16, 1, PAGER_CREATE | PAGER_READONLY);
    ck_assert_int_eq(pager_open(path, &cfg, &p), JET_errInvalidParameter);
    cfg = config(1000, 16, 1, PAGER_CREATE);
    ck_assert_int_eq(pager_open(path, &cfg, &p), JET_errInvalidParameter);
    ck_assert_ptr_null(p);
    ck_assert_int_eq(os_path_exists(os_vfs_default(), path), 0);

    make_db(4096, 5, 1);
    cfg = config(4096, 16, 1, PAGER_CREATE);
    ck_assert_int_eq(pager_open(path, &cfg, &p), JET_errDatabaseDuplicate);
    ck_assert_ptr_null(p);
    ck_assert_int_eq(try_open(0), 0); /* the existing file is untouched */

    cfg = config(8192, 16, 1, PAGER_CREATE | PAGER_OVERWRITE);
    ck_assert_int_eq(pager_open(path, &cfg, &p), 0);
    ck_assert_uint_eq(pager_page_count(p), 1);
    pager_close(p);
    ck_assert_uint_eq(raw_size(), 8192);
}
END_TEST

START_TEST(create_failure_leaves_no_file)
{
    struct pager_config cfg = fault_config(4096, 16, PAGER_CREATE);
    pager *p;

    fault.fail_writes = OS_ENOSPC;
    ck_assert_int_eq(pager_open(path, &cfg, &p), JET_errDiskFull);
    ck_assert_ptr_null(p);
    ck_assert_int_eq(os_path_exists(os_vfs_default(), path), 0);
}
END_TEST

START_TEST(file_grows_in_extension_steps)
{
    struct pager_config cfg = config(4096, 16, 8, PAGER_CREATE);
    pager *p;
    uint32_t i;

    ck_assert_int_eq(pager_open(path, &cfg, &p), 0);
    ck_assert_uint_eq(pager_page_count(p), 1);
    ck_assert_uint_eq(raw_size(), 8 * 4096); /* preallocated */
    for (i = 0; i < 7; i++) alloc_filled(p, 1);
    checkpoint(p);
    ck_assert_uint_eq(raw_size(), 8 * 4096); /* 8 pages fit */
    for (i = 0; i < 3; i++) alloc_filled(p, 1);
    checkpoint(p);
    ck_assert_uint_eq(pager_page_count(p), 11);
    ck_assert_uint_eq(raw_size(), 16 * 4096); /* one more step of 8 */
    for (i = 0; i < 20; i++) alloc_filled(p, 1);
    checkpoint(p);
    ck_assert_uint_eq(raw_size(), 31 * 4096); /* the count, when a step is not enough */
    pager_close(p);

    p = open_db(16, 0);
    ck_assert_uint_eq(pager_page_count(p), 31);
    check_page(p, 30, 1);
    pager_close(p);
}
END_TEST

START_TEST(get_out_of_range)
{
    pager *p;
    pager_page *pg = (pager_page *)0xdeadbeef;

    make_db(4096, 4, 1);
    p = open_db(16, 0);
    ck_assert_int_eq(pager_get(p, 0, &pg), JET_errDatabaseCorrupted);
    ck_assert_ptr_null(pg);
    ck_assert_int_eq(pager_get(p, 4, &pg), JET_errDatabaseCorrupted);
    ck_assert_int_eq(pager_get(p, 0xFFFFFFFFu, &pg), JET_errDatabaseCorrupted);
    ck_assert_int_eq(pager_get(p, 3, &pg), 0);
    pager_release(pg);
    pager_release(NULL);
    pager_close(p);
}
END_TEST

/* pager_get_swap pins the new page and releases the old one, also when
 * the new one cannot be had; the same page swaps to itself. */
START_TEST(get_swap)
{
    struct pager_stats st;
    pager *p;
    pager_page *pg;

    make_db(4096, 4, 1);
    p = open_db(16, 0);
    ck_assert_int_eq(pager_get(p, 1, &pg), 0);
    ck_assert_int_eq(pager_get_swap(p, 2, &pg), 0);
    ck_assert_uint_eq(pager_pgno(pg), 2);
    ck_assert_int_eq(pager_get_swap(p, 2, &pg), 0);
    ck_assert_uint_eq(pager_pgno(pg), 2);
    pager_get_stats(p, &st);
    ck_assert_uint_eq(st.pinned, 2); /* page 2 and the header */
    ck_assert_int_eq(pager_get_swap(p, 4, &pg), JET_errDatabaseCorrupted);
    ck_assert_ptr_null(pg);
    pager_get_stats(p, &st);
    ck_assert_uint_eq(st.pinned, 1);
    pager_close(p);
}
END_TEST

/* ---- allocation and the free list --------------------------------------- */

static void check_fresh(pager *p, pager_page *pg, uint32_t pgno, uint64_t lsn)
{
    const uint8_t *d = pager_data(pg);
    uint32_t i;

    ck_assert_uint_eq(pager_pgno(pg), pgno);
    ck_assert_uint_eq(get_u32(d + PAGE_OFF_PGNO), pgno);
    ck_assert_uint_eq(get_u64(d + PAGE_OFF_LSN), lsn);
    for (i = PAGE_OFF_LSN + 8; i < pager_page_size(p); i++)
        ck_assert_msg(d[i] == 0, "byte %u of new page %u is %u", i, pgno, d[i]);
}

START_TEST(alloc_free_reuse)
{
    pager *p = create_db(4096, 16);
    pager_page *pg;
    const uint32_t freed[] = { 3, 5, 7 };
    uint32_t i;

    pager_set_lsn(p, 77);
    for (i = 1; i <= 10; i++) {
        ck_assert_int_eq(pager_alloc(p, &pg), 0);
        check_fresh(p, pg, i, 77);
        fill(pager_data(pg), 4096, i, 1);
        pager_release(pg);
    }
    ck_assert_uint_eq(pager_page_count(p), 11);
    ck_assert_uint_eq(hdr(p, DBH_OFF_PAGE_COUNT), 11);
    checkpoint(p);

    pager_set_lsn(p, 88);
    for (i = 0; i < 3; i++) free_page(p, freed[i]);
    ck_assert_uint_eq(hdr(p, DBH_OFF_FREE_HEAD), 7);
    ck_assert_uint_eq(hdr(p, DBH_OFF_FREE_COUNT), 3);
    ck_assert_int_eq(pager_get(p, 7, &pg), 0);
    ck_assert_uint_eq(pager_data(pg)[PAGE_OFF_TYPE], PAGE_TYPE_FREE);
    ck_assert_uint_eq(get_u32(pager_data(pg) + PAGE_OFF_NEXT), 5);
    ck_assert_uint_eq(get_u64(pager_data(pg) + PAGE_OFF_LSN), 88);
    pager_release(pg);

    /* Persisted: the list survives a checkpoint and a reopen. */
    checkpoint(p);
    pager_close(p);
    p = open_db(16, 0);
    ck_assert_uint_eq(hdr(p, DBH_OFF_FREE_HEAD), 7);
    ck_assert_uint_eq(hdr(p, DBH_OFF_FREE_COUNT), 3);

    /* Reused last-in first-out, zeroed, without growing the file. */
    pager_set_lsn(p, 99);
    for (i = 3; i-- > 0;) {
        ck_assert_int_eq(pager_alloc(p, &pg), 0);
        check_fresh(p, pg, freed[i], 99);
        pager_release(pg);
    }
    ck_assert_uint_eq(hdr(p, DBH_OFF_FREE_HEAD), 0);
    ck_assert_uint_eq(hdr(p, DBH_OFF_FREE_COUNT), 0);
    ck_assert_uint_eq(pager_page_count(p), 11);
    ck_assert_int_eq(pager_alloc(p, &pg), 0);
    ck_assert_uint_eq(pager_pgno(pg), 11);
    pager_release(pg);
    pager_close(p);
}
END_TEST

START_TEST(fill_and_empty_does_not_grow)
{
    pager *p = create_db(4096, 8);
    uint32_t round, i, pgnos[50];

    for (round = 0; round < 5; round++) {
        for (i = 0; i < 50; i++) pgnos[i] = alloc_filled(p, round);
        checkpoint(p);
        for (i = 0; i < 50; i++) check_page(p, pgnos[i], round);
        for (i = 0; i < 50; i++) free_page(p, pgnos[i]);
        checkpoint(p);
        ck_assert_uint_eq(pager_page_count(p), 51);
        ck_assert_uint_eq(hdr(p, DBH_OFF_FREE_COUNT), 50);
    }
    pager_close(p);
    ck_assert_uint_eq(raw_size(), 51 * 4096);
}
END_TEST

START_TEST(generation_and_lsn)
{
    pager *p = create_db(4096, 16);
    pager_page *pg;
    uint64_t g;
    uint32_t pgno;

    g = pager_generation(p);
    pgno = alloc_filled(p, 1);
    ck_assert_uint_gt(pager_generation(p), g);
    checkpoint(p);

    g = pager_generation(p);
    ck_assert_int_eq(pager_get(p, pgno, &pg), 0);
    pager_release(pg);
    ck_assert_uint_eq(pager_generation(p), g); /* reading changes nothing */

    pager_set_lsn(p, 0x123456789aull);
    ck_assert_int_eq(pager_get(p, pgno, &pg), 0);
    pager_make_dirty(pg);
    ck_assert_uint_eq(get_u64(pager_data(pg) + PAGE_OFF_LSN), 0x123456789aull);
    ck_assert_uint_gt(pager_generation(p), g);
    ck_assert_uint_eq(pager_dirty_count(p), 1);
    g = pager_generation(p);
    ck_assert_int_eq(pager_free(p, pg), 0);
    ck_assert_uint_gt(pager_generation(p), g);

    /* The header is changed like any page. */
    pager_make_dirty(pager_header(p));
    put_u32(pager_data(pager_header(p)) + DBH_OFF_CATALOG_ROOT, pgno);
    checkpoint(p);
    pager_close(p);
    p = open_db(16, 0);
    ck_assert_uint_eq(hdr(p, DBH_OFF_CATALOG_ROOT), pgno);
    ck_assert_uint_eq(get_u64(pager_data(pager_header(p)) + PAGE_OFF_LSN), 0x123456789aull);
    pager_close(p);
}
END_TEST

/* ---- checkpoints ------------------------------------------------------ */

START_TEST(snapshot_roundtrip)
{
    pager *p = create_db(8192, 16);
    pager_snapshot *s;
    uint32_t i, pgno, prev = 0;

    for (i = 1; i <= 20; i++) alloc_filled(p, 5);
    ck_assert_uint_eq(pager_dirty_count(p), 21); /* the header counts the new pages */
    ck_assert_int_eq(pager_snapshot_take(p, &s), 0);
    ck_assert_uint_eq(pager_dirty_count(p), 0);
    ck_assert_uint_eq(pager_snapshot_count(s), 21);
    for (i = 0; i < 21; i++) {
        static uint8_t img[8192];
        ck_assert_int_eq(pager_snapshot_read(s, i, img, &pgno), 0);
        ck_assert_uint_eq(pgno, i); /* sorted */
        ck_assert_int_eq(page_verify(img, 8192, pgno), 0);
        if (pgno) ck_assert(filled(img, 8192, pgno, 5));
        ck_assert(i == 0 || pgno > prev);
        prev = pgno;
    }

    /* A change after the snapshot was taken stays dirty for the next one,
     * and the snapshot keeps the image it took (copy-on-write). */
    rewrite_page(p, 4, 6);
    ck_assert_uint_eq(pager_dirty_count(p), 1);
    {
        static uint8_t img[8192];
        ck_assert_int_eq(pager_snapshot_read(s, 4, img, &pgno), 0);
        ck_assert_uint_eq(pgno, 4);
        ck_assert(filled(img, 8192, 4, 5));
        check_page(p, 4, 6);
    }
    ck_assert_int_eq(pager_snapshot_write(p, s), 0);
    pager_snapshot_free(s);
    ck_assert_uint_eq(pager_dirty_count(p), 1);
    ck_assert_int_eq(pager_snapshot_take(p, &s), 0);
    ck_assert_uint_eq(pager_snapshot_count(s), 1);
    {
        static uint8_t img[8192];
        ck_assert_int_eq(pager_snapshot_read(s, 0, img, &pgno), 0);
        ck_assert(filled(img, 8192, 4, 6));
    }
    ck_assert_uint_eq(pgno, 4);
    ck_assert_int_eq(pager_snapshot_write(p, s), 0);
    pager_snapshot_free(s);

    /* Nothing dirty: an empty snapshot. */
    ck_assert_int_eq(pager_snapshot_take(p, &s), 0);
    ck_assert_uint_eq(pager_snapshot_count(s), 0);
    ck_assert_int_eq(pager_snapshot_write(p, s), 0);
    pager_snapshot_free(s);
    pager_close(p);

    p = open_db(16, 0);
    ck_assert_uint_eq(pager_page_count(p), 21);
    for (i = 1; i <= 20; i++) check_page(p, i, i == 4 ? 6 : 5);
    pager_close(p);
}
END_TEST

/* A snapshot image has its hole zeroed (page_hole) and everything else as
 * the frame holds it; the frame itself keeps its bytes. */
START_TEST(snapshot_zeroes_the_hole)
{
    static const uint32_t sizes[] = { 4096, 32768 };
    uint32_t size = sizes[_i], pgno, off, len, i;
    pager *p = create_db(size, 16);
    pager_snapshot *s;
    pager_page *pg;
    static uint8_t img[PAGE_SIZE_MAX];
    uint8_t *d;

    pgno = alloc_filled(p, 3);
    ck_assert_int_eq(pager_get(p, pgno, &pg), 0);
    d = pager_data(pg);
    pager_make_dirty(pg);
    put_u16(d + PAGE_OFF_NSLOTS, 10);
    put_u16(d + PAGE_OFF_CELL_TOP, (uint16_t)(size - 100)); /* 32 KiB: 32668 */
    page_hole(d, size, &off, &len);
    ck_assert_uint_eq(off, PAGE_HDR_SIZE + 20);
    ck_assert_uint_eq(len, size - 100 - off);
    pager_release(pg);
    ck_assert_int_eq(pager_snapshot_take(p, &s), 0);
    ck_assert_int_eq(pager_snapshot_read(s, 1, img, &i), 0);
    ck_assert_uint_eq(i, pgno);
    ck_assert_int_eq(page_verify(img, size, pgno), 0);
    for (i = PAGE_HDR_SIZE; i < size; i++) {
        uint8_t want = i >= off && i < off + len ? 0 : (uint8_t)(pgno * 31 + 3 * 7 + i);
        ck_assert_uint_eq(img[i], want);
    }
    ck_assert_int_eq(pager_snapshot_write(p, s), 0);
    pager_snapshot_free(s);

    /* An empty 32 KiB leaf stores cell_top 0: all of its body is hole.  A
     * header that makes no sense gives none; a free page's body is hole. */
    {
        uint8_t q[PAGE_SIZE_MAX];
        memset(q, 0, sizeof(q));
        q[PAGE_OFF_TYPE] = PAGE_TYPE_LEAF;
        page_hole(q, 32768, &off, &len);
        ck_assert_uint_eq(off, PAGE_HDR_SIZE);
        ck_assert_uint_eq(len, 32768 - PAGE_HDR_SIZE);
        put_u16(q + PAGE_OFF_NSLOTS, 5000);
        put_u16(q + PAGE_OFF_CELL_TOP, 100);
        page_hole(q, 32768, &off, &len);
        ck_assert_uint_eq(len, 0);
        put_u16(q + PAGE_OFF_CELL_TOP, 5000);
        page_hole(q, 4096, &off, &len);
        ck_assert_uint_eq(len, 0);
        q[PAGE_OFF_TYPE] = PAGE_TYPE_FREE;
        page_hole(q, 4096, &off, &len);
        ck_assert_uint_eq(off, PAGE_HDR_SIZE);
        ck_assert_uint_eq(len, 4096 - PAGE_HDR_SIZE);
        q[PAGE_OFF_TYPE] = PAGE_TYPE_DBHEADER;
        page_hole(q, 4096, &off, &len);
        ck_assert_uint_eq(len, 0);
    }
    pager_close(p);
}
END_TEST

START_TEST(close_drops_dirty_pages)
{
    pager *p = create_db(4096, 16);
    alloc_filled(p, 1);
    pager_close(p);
    p = open_db(16, 0);
    ck_assert_uint_eq(pager_page_count(p), 1);
    pager_close(p);
}
END_TEST

START_TEST(dirty_pages_exceed_cache)
{
    pager *p = create_db(4096, 8);
    struct pager_stats st;
    uint32_t i;

    for (i = 1; i <= 200; i++) ck_assert_uint_eq(alloc_filled(p, 3), i);
    pager_get_stats(p, &st);
    ck_assert_uint_eq(st.dirty, 201);
    ck_assert_uint_ge(st.cached, 201); /* nothing dirty was evicted */
    ck_assert_uint_eq(st.evictions, 0);
    for (i = 1; i <= 200; i++) check_page(p, i, 3);
    pager_get_stats(p, &st);
    ck_assert_uint_eq(st.misses, 0);
    ck_assert_uint_eq(st.reads, 0);

    checkpoint(p);
    check_bound(p, 8);
    pager_get_stats(p, &st);
    ck_assert_uint_le(st.cached, 8 + 1); /* clean again: trimmed to size */
    for (i = 1; i <= 200; i++) check_page(p, i, 3);
    check_bound(p, 8);
    pager_close(p);

    p = open_db(8, 0);
    for (i = 1; i <= 200; i++) check_page(p, i, 3);
    pager_close(p);
}
END_TEST

START_TEST(snapshot_write_failure_keeps_pages_dirty)
{
    struct pager_config cfg = fault_config(4096, 4, PAGER_CREATE);
    pager_snapshot *s;
    pager *p;
    uint32_t i;

    ck_assert_int_eq(pager_open(path, &cfg, &p), 0);
    for (i = 1; i <= 30; i++) alloc_filled(p, 4);
    ck_assert_int_eq(pager_snapshot_take(p, &s), 0);
    fault.fail_writes = OS_ENOSPC;
    ck_assert_int_eq(pager_snapshot_write(p, s), JET_errDiskFull);
    pager_snapshot_free(s);
    /* Dirty again, so not evicted and retried by the next checkpoint. */
    ck_assert_uint_eq(pager_dirty_count(p), 31);
    for (i = 1; i <= 30; i++) check_page(p, i, 4);
    check_bound(p, 4);

    fault.fail_writes = OS_EIO;
    ck_assert_int_eq(pager_snapshot_take(p, &s), 0);
    ck_assert_int_eq(pager_snapshot_write(p, s), JET_errDiskIO);
    pager_snapshot_free(s);

    fault.fail_writes = 0;
    ck_assert_int_eq(pager_snapshot_take(p, &s), 0);
    ck_assert_uint_eq(pager_snapshot_count(s), 31);
    ck_assert_int_eq(pager_snapshot_write(p, s), 0);
    pager_snapshot_free(s);
    pager_close(p);

    p = open_db(4, 0);
    for (i = 1; i <= 30; i++) check_page(p, i, 4);
    pager_close(p);
}
END_TEST

START_TEST(read_errors)
{
    struct pager_config cfg;
    pager_page *pg;
    pager *p;

    make_db(4096, 10, 2);
    cfg = fault_config(0, 4, 0);
    ck_assert_int_eq(pager_open(path, &cfg, &p), 0);
    fault.fail_reads = OS_EIO;
    ck_assert_int_eq(pager_get(p, 3, &pg), JET_errDiskIO);
    ck_assert_ptr_null(pg);
    fault.fail_reads = 0;
    check_page(p, 3, 2); /* the failure was not cached */
    pager_close(p);

    cfg = fault_config(0, 4, 0);
    fault.fail_reads = OS_EACCES;
    ck_assert_int_eq(pager_open(path, &cfg, &p), JET_errFileAccessDenied);
}
END_TEST

/* ---- recovery images ---------------------------------------------------- */

START_TEST(write_image_recovery)
{
    static uint8_t images[12][PAGE_SIZE_MAX];
    static uint8_t buf[PAGE_SIZE_MAX];
    uint32_t pgnos[12], i, n;
    struct pager_stats st, st2;
    pager_snapshot *s;
    pager *p = create_db(4096, 4);

    /* A checkpoint whose images reach the "log" but not the file. */
    for (i = 1; i <= 10; i++) alloc_filled(p, 8);
    ck_assert_int_eq(pager_snapshot_take(p, &s), 0);
    n = pager_snapshot_count(s);
    ck_assert_uint_eq(n, 11);
    for (i = 0; i < n; i++) ck_assert_int_eq(pager_snapshot_read(s, i, images[i], &pgnos[i]), 0);
    pager_snapshot_free(s);
    pager_close(p);

    /* Replay, header last (as a log might order it). */
    p = open_db(4, 0);
    ck_assert_uint_eq(pager_page_count(p), 1);
    for (i = n; i-- > 0;) ck_assert_int_eq(pager_write_image(p, pgnos[i], images[i]), 0);
    ck_assert_int_eq(pager_sync(p), 0);
    ck_assert_uint_eq(pager_page_count(p), 11);
    ck_assert_uint_eq(hdr(p, DBH_OFF_PAGE_COUNT), 11);
    ck_assert_uint_eq(pager_dirty_count(p), 0);
    for (i = 1; i <= 10; i++) check_page(p, i, 8);

    /* An image replaces a cached copy. */
    check_page(p, 2, 8);
    memcpy(buf, images[2], 4096);
    fill(buf, 4096, 2, 9);
    page_seal(buf, 4096);
    ck_assert_int_eq(pager_write_image(p, 2, buf), 0);
    pager_get_stats(p, &st);
    check_page(p, 2, 9);
    pager_get_stats(p, &st2);
    ck_assert_uint_eq(st2.misses, st.misses); /* from the cache */

    /* A page past the end grows the count; the header must be rewritten. */
    memset(buf, 0, 4096);
    put_u32(buf + PAGE_OFF_PGNO, 11);
    fill(buf, 4096, 11, 9);
    page_seal(buf, 4096);
    ck_assert_int_eq(pager_write_image(p, 11, buf), 0);
    ck_assert_uint_eq(pager_page_count(p), 12);
    ck_assert_uint_eq(hdr(p, DBH_OFF_PAGE_COUNT), 12);
    ck_assert_uint_eq(pager_dirty_count(p), 1);
    /* An older header image does not shrink the count. */
    ck_assert_int_eq(pager_write_image(p, 0, images[0]), 0);
    ck_assert_uint_eq(pager_page_count(p), 12);
    ck_assert_uint_eq(hdr(p, DBH_OFF_PAGE_COUNT), 12);
    checkpoint(p);

    /* Images that cannot be trusted are refused. */
    buf[100] ^= 1;
    ck_assert_int_eq(pager_write_image(p, 11, buf), JET_errReadVerifyFailure);
    ck_assert_int_eq(pager_write_image(p, 5, images[2]), JET_errReadVerifyFailure);
    memcpy(buf, images[0], 4096);
    memcpy(buf + DBH_OFF_MAGIC, "NOTADB!!", 8);
    page_seal(buf, 4096);
    ck_assert_int_eq(pager_write_image(p, 0, buf), JET_errDatabaseCorrupted);
    pager_close(p);

    p = open_db(4, 0);
    ck_assert_uint_eq(pager_page_count(p), 12);
    check_page(p, 1, 8);
    check_page(p, 2, 9);
    check_page(p, 11, 9);
    pager_close(p);
}
END_TEST

/* ---- eviction and replacement ----------------------------------------- */

START_TEST(eviction_small_cache)
{
    const uint32_t cache = 16, npages = 300;
    struct pager_stats st;
    pager_page *pg;
    pager *p;
    uint32_t pass, i;

    make_db(4096, npages, 7);
    p = open_db(cache, 0);
    for (pass = 0; pass < 2; pass++) {
        for (i = 1; i < npages; i++) {
            check_page(p, i, 7);
            check_bound(p, cache);
        }
        pager_get_stats(p, &st);
        ck_assert_uint_eq(st.misses, (pass + 1) * (npages - 1)); /* a scan larger than the cache */
        ck_assert_uint_eq(st.hits, 0);
        ck_assert_uint_eq(st.reads, st.misses + 1); /* + the header */
        ck_assert_uint_ge(st.evictions, (pass + 1) * (npages - 1) - cache);
        ck_assert_uint_le(st.cached, cache + 1);
        ck_assert_uint_eq(st.pinned, 1);
    }

    /* Pinned pages are never evicted; the cache grows past its size. */
    {
        pager_page *pins[40];
        for (i = 0; i < 40; i++) ck_assert_int_eq(pager_get(p, i + 1, &pins[i]), 0);
        pager_get_stats(p, &st);
        ck_assert_uint_eq(st.pinned, 41);
        ck_assert_uint_ge(st.cached, 41);
        for (i = 0; i < 40; i++) ck_assert(filled(pager_data(pins[i]), 4096, i + 1, 7));
        for (i = 0; i < 40; i++) pager_release(pins[i]);
        check_bound(p, cache);
        pager_get_stats(p, &st);
        ck_assert_uint_le(st.cached, cache + 1);
    }

    /* A page just read is a hit. */
    ck_assert_int_eq(pager_get(p, 40, &pg), 0);
    pager_release(pg);
    pager_get_stats(p, &st);
    ck_assert_int_eq(pager_get(p, 40, &pg), 0);
    pager_release(pg);
    {
        struct pager_stats st2;
        pager_get_stats(p, &st2);
        ck_assert_uint_eq(st2.hits, st.hits + 1);
        ck_assert_uint_eq(st2.misses, st.misses);
    }
    pager_close(p);
}
END_TEST

START_TEST(hot_pages_survive_scans)
{
    const uint32_t cache = 32, nhot = 8;
    struct pager_stats before, after;
    pager *p;
    uint32_t round, i, cold = 100;

    make_db(4096, 1200, 1);
    p = open_db(cache, 0);
    /* Warm up: the hot pages are referenced twice, a read apart. */
    for (i = 1; i <= nhot; i++) check_page(p, i, 1);
    check_page(p, cold++, 1);
    for (i = 1; i <= nhot; i++) check_page(p, i, 1);

    /* Scans longer than the cache between uses of the hot pages: plain LRU
     * would evict them every round. */
    for (round = 0; round < 20; round++) {
        for (i = 0; i < 50; i++) check_page(p, cold++, 1);
        pager_get_stats(p, &before);
        for (i = 1; i <= nhot; i++) check_page(p, i, 1);
        pager_get_stats(p, &after);
        ck_assert_msg(after.misses == before.misses, "round %u: hot pages were evicted", round);
        check_bound(p, cache);
    }
    pager_close(p);
}
END_TEST

START_TEST(rereading_one_page_does_not_make_it_hot)
{
    struct pager_stats before, after;
    pager *p;
    uint32_t i;

    make_db(4096, 200, 1);
    p = open_db(16, 0);
    /* A cursor stepping through the rows of one leaf: many gets, no read
     * in between. */
    for (i = 0; i < 10; i++) check_page(p, 1, 1);
    for (i = 2; i < 100; i++) check_page(p, i, 1);
    pager_get_stats(p, &before);
    check_page(p, 1, 1);
    pager_get_stats(p, &after);
    ck_assert_uint_eq(after.misses, before.misses + 1);
    pager_close(p);
}
END_TEST

/* ---- damaged files ---------------------------------------------------- */

START_TEST(damaged_page_fails_verification)
{
    static uint8_t buf[PAGE_SIZE_MAX];
    struct pager_stats st;
    pager_page *pg = (pager_page *)0xdeadbeef;
    pager *p;

    make_db(8192, 10, 1);
    raw_xor(3 * 8192 + 1000, 0x10);
    raw_page(8192, 5, buf, 0); /* a misdirected write: page 5's bytes at 6 */
    raw_page(8192, 6, buf, 1);
    p = open_db(4, 0);
    ck_assert_int_eq(pager_get(p, 3, &pg), JET_errReadVerifyFailure);
    ck_assert_ptr_null(pg);
    ck_assert_int_eq(pager_get(p, 3, &pg), JET_errReadVerifyFailure); /* not cached */
    ck_assert_int_eq(pager_get(p, 6, &pg), JET_errReadVerifyFailure);
    check_page(p, 4, 1);
    check_page(p, 5, 1);
    pager_get_stats(p, &st);
    ck_assert_uint_eq(st.pinned, 1);
    check_bound(p, 4);
    pager_close(p);

    /* A page of zeros inside the file (never written) is no better. */
    memset(buf, 0, sizeof(buf));
    raw_page(8192, 7, buf, 1);
    p = open_db(4, 0);
    ck_assert_int_eq(pager_get(p, 7, &pg), JET_errReadVerifyFailure);
    pager_close(p);
}
END_TEST

START_TEST(unusable_files)
{
    static uint8_t junk[65536];
    uint64_t s;
    size_t i;

    rng_seed(1);
    s = rng_state;
    write_file(NULL, 0);
    ck_assert_int_eq(try_open(0), JET_errDatabaseCorrupted);
    write_file("ESENT", 5);
    ck_assert_int_eq(try_open(0), JET_errDatabaseCorrupted);
    for (i = 0; i < sizeof(junk); i++) junk[i] = (uint8_t)rng_next(&s);
    write_file(junk, sizeof(junk));
    ck_assert_int_eq(try_open(0), JET_errDatabaseCorrupted);
    /* The magic, and a junk page size. */
    memcpy(junk + DBH_OFF_MAGIC, DBH_MAGIC, 8);
    put_u32(junk + DBH_OFF_PAGE_SIZE, 5000);
    write_file(junk, sizeof(junk));
    ck_assert_int_eq(try_open(0), JET_errDatabaseCorrupted);
    /* The magic and a real page size, but junk elsewhere. */
    put_u32(junk + DBH_OFF_PAGE_SIZE, 16384);
    write_file(junk, sizeof(junk));
    ck_assert_int_eq(try_open(0), JET_errReadVerifyFailure);
    /* ... and a file shorter than that page. */
    write_file(junk, 8192);
    ck_assert_int_eq(try_open(0), JET_errDatabaseCorrupted);
}
END_TEST

START_TEST(damaged_headers)
{
    const uint32_t ps = 4096;

    make_db(ps, 10, 1);
    ck_assert_int_eq(try_open(0), 0);
    ck_assert_int_eq(try_open(8192), JET_errPageSizeMismatch);
    ck_assert_int_eq(try_open(32768), JET_errPageSizeMismatch);
    ck_assert_int_eq(try_open(4096), 0);

#define DAMAGED(change, want) \
    do { \
        make_db(ps, 10, 1); \
        change; \
        ck_assert_int_eq(try_open(0), want); \
    } while (0)

    DAMAGED(raw_xor(DBH_OFF_CATALOG_ROOT, 1), JET_errReadVerifyFailure);
    DAMAGED(raw_xor(ps - 1, 0x80), JET_errReadVerifyFailure);
    DAMAGED(raw_xor(DBH_OFF_MAGIC, 1), JET_errDatabaseCorrupted);
    DAMAGED(patch_u32(ps, 0, DBH_OFF_VERSION, 1), JET_errInvalidDatabaseVersion);
    DAMAGED(patch_u32(ps, 0, DBH_OFF_PAGE_SIZE, 8192), JET_errReadVerifyFailure);
    DAMAGED(patch_u32(ps, 0, DBH_OFF_PAGE_COUNT, 0), JET_errDatabaseCorrupted);
    DAMAGED(patch_u32(ps, 0, DBH_OFF_PAGE_COUNT, 11), JET_errDatabaseCorrupted);
    DAMAGED(patch_u32(ps, 0, DBH_OFF_FREE_HEAD, 10), JET_errDatabaseCorrupted);
    DAMAGED(patch_u32(ps, 0, DBH_OFF_FREE_HEAD, 3), JET_errDatabaseCorrupted); /* count 0 */
    DAMAGED(patch_u32(ps, 0, DBH_OFF_FREE_COUNT, 2), JET_errDatabaseCorrupted); /* head 0 */
    DAMAGED(patch_u32(ps, 0, DBH_OFF_CATALOG_ROOT, 1000), JET_errDatabaseCorrupted);
    DAMAGED(patch_u8(ps, 0, PAGE_OFF_TYPE, PAGE_TYPE_LEAF), JET_errDatabaseCorrupted);
    DAMAGED(patch_u32(ps, 0, PAGE_OFF_PGNO, 1), JET_errReadVerifyFailure);
    DAMAGED(raw_truncate(5 * ps), JET_errDatabaseCorrupted);
    DAMAGED(raw_truncate(ps + 100), JET_errDatabaseCorrupted);
    DAMAGED(raw_truncate(ps - 1), JET_errDatabaseCorrupted);
    DAMAGED(raw_truncate(0), JET_errDatabaseCorrupted);
    /* A longer file than the count is fine (preallocated space). */
    DAMAGED(raw_truncate(40 * ps), 0);
#undef DAMAGED
}
END_TEST

/* Frees pages 4 then 5 (list 5 -> 4), checkpoints, closes. */
static void make_free_list(void)
{
    pager *p;
    make_db(4096, 10, 1);
    p = open_db(16, 0);
    free_page(p, 4);
    free_page(p, 5);
    checkpoint(p);
    pager_close(p);
}

static int alloc_result(void)
{
    pager *p = open_db(16, 0);
    pager_page *pg;
    int rc = pager_alloc(p, &pg);
    if (rc == 0) pager_release(pg);
    else ck_assert_ptr_null(pg);
    pager_close(p);
    return rc;
}

START_TEST(damaged_free_list)
{
    make_free_list();
    ck_assert_int_eq(alloc_result(), 0);

    make_free_list();
    patch_u8(4096, 5, PAGE_OFF_TYPE, PAGE_TYPE_LEAF); /* not a free page */
    ck_assert_int_eq(alloc_result(), JET_errDatabaseCorrupted);
    make_free_list();
    patch_u32(4096, 5, PAGE_OFF_NEXT, 99); /* out of range */
    ck_assert_int_eq(alloc_result(), JET_errDatabaseCorrupted);
    make_free_list();
    patch_u32(4096, 5, PAGE_OFF_NEXT, 5); /* a loop */
    ck_assert_int_eq(alloc_result(), JET_errDatabaseCorrupted);
    make_free_list();
    patch_u32(4096, 5, PAGE_OFF_NEXT, 0); /* ends before the count */
    ck_assert_int_eq(alloc_result(), JET_errDatabaseCorrupted);
    make_free_list();
    patch_u32(4096, 0, DBH_OFF_FREE_COUNT, 1); /* goes on after the count */
    ck_assert_int_eq(alloc_result(), JET_errDatabaseCorrupted);
    make_free_list();
    raw_xor(5 * 4096 + 2000, 1);
    ck_assert_int_eq(alloc_result(), JET_errReadVerifyFailure);
}
END_TEST

START_TEST(double_free_is_refused)
{
    pager *p = create_db(4096, 16);
    pager_page *pg;

    alloc_filled(p, 1);
    free_page(p, 1);
    /* Page 1 is free, header is page 0: a second free would make the list
     * longer than the file. */
    ck_assert_int_eq(pager_get(p, 1, &pg), 0);
    ck_assert_int_eq(pager_free(p, pg), JET_errDatabaseCorrupted);
    ck_assert_uint_eq(hdr(p, DBH_OFF_FREE_COUNT), 1);
    pager_close(p);
}
END_TEST

/* ---- read-only ---------------------------------------------------------- */

START_TEST(readonly_open)
{
    pager_snapshot *s;
    pager *p;

    make_db(16384, 6, 3);
    p = open_db(16, PAGER_READONLY);
    check_page(p, 5, 3);
    ck_assert_int_eq(pager_snapshot_take(p, &s), 0);
    ck_assert_uint_eq(pager_snapshot_count(s), 0);
    ck_assert_int_eq(pager_snapshot_write(p, s), 0);
    pager_snapshot_free(s);
    pager_close(p);
    ck_assert_uint_eq(raw_size(), 6 * 16384);
}
END_TEST

START_TEST(readonly_refuses_changes)
{
    pager_page *pg;
    pager *p;

    make_db(4096, 3, 1);
    p = open_db(16, PAGER_READONLY);
    ck_assert_int_eq(pager_get(p, 1, &pg), 0);
    pager_make_dirty(pg); /* a programming error: asserted */
}
END_TEST

/* ---- threads ------------------------------------------------------------ */

struct reader_arg {
    pager *p;
    uint64_t seed;
    uint32_t npages, gets, tag, bad_pgno;
    uint32_t sequential; /* all threads read the same pages in the same order */
    uint32_t failures;
};

static void reader(void *arg)
{
    struct reader_arg *a = arg;
    uint64_t s = a->seed;
    uint32_t i;

    for (i = 0; i < a->gets; i++) {
        uint32_t pgno = a->sequential ? 1 + i % (a->npages - 1)
                                      : 1 + (uint32_t)(rng_next(&s) % (a->npages - 1));
        pager_page *pg;
        int rc = pager_get(a->p, pgno, &pg);
        if (pgno == a->bad_pgno) {
            a->failures += rc != JET_errReadVerifyFailure;
            continue;
        }
        if (rc != 0) {
            a->failures++;
            continue;
        }
        a->failures += !filled(pager_data(pg), pager_page_size(a->p), pgno, a->tag);
        pager_release(pg);
    }
}

static void run_readers(struct reader_arg *args, int n)
{
    os_thread *t[8];
    int i;

    ck_assert_int_le(n, 8);
    for (i = 0; i < n; i++) ck_assert_int_eq(os_thread_start(&t[i], reader, &args[i]), 0);
    for (i = 0; i < n; i++) os_thread_join(t[i]);
    for (i = 0; i < n; i++) ck_assert_uint_eq(args[i].failures, 0);
}

START_TEST(concurrent_readers)
{
    const uint32_t npages = 400, cache = 32, gets = 4000;
    struct reader_arg args[4];
    struct pager_stats st;
    pager *p;
    int i;

    rng_seed(2);
    make_db(4096, npages, 5);
    raw_xor(77 * 4096 + 500, 4);
    p = open_db(cache, 0);
    for (i = 0; i < 4; i++)
        args[i] = (struct reader_arg){ p, rng_next(&rng_state), npages, gets, 5, 77, 0, 0 };
    run_readers(args, 4);
    pager_get_stats(p, &st);
    ck_assert_uint_eq(st.pinned, 1);
    ck_assert_uint_le(st.cached, cache + 1);
    ck_assert_uint_ge(st.hits + st.misses, 4 * gets - 4 * gets / 50); /* all but the bad page */
    ck_assert_uint_le(st.hits + st.misses, 4 * gets);
    pager_close(p);
}
END_TEST

START_TEST(concurrent_misses_on_the_same_pages)
{
    const uint32_t npages = 300;
    struct reader_arg args[8];
    struct pager_stats st;
    pager *p;
    int i;

    make_db(4096, npages, 6);
    raw_xor(150 * 4096 + 123, 1);
    p = open_db(4, 0);
    for (i = 0; i < 8; i++) args[i] = (struct reader_arg){ p, 0, npages, 3 * npages, 6, 150, 1, 0 };
    run_readers(args, 8);
    pager_get_stats(p, &st);
    ck_assert_uint_eq(st.pinned, 1);
    ck_assert_uint_le(st.cached, 4 + 1);
    ck_assert_uint_le(st.reads, 1 + 8 * 3 * npages);
    pager_close(p);
}
END_TEST

struct writer_arg {
    pager *p;
    pager_snapshot *s;
    int rc;
};

static void snapshot_writer(void *arg)
{
    struct writer_arg *w = arg;
    w->rc = pager_snapshot_write(w->p, w->s);
}

START_TEST(snapshot_write_with_concurrent_readers)
{
    const uint32_t npages = 200, cache = 16;
    struct reader_arg args[4];
    struct writer_arg w;
    os_thread *t;
    pager *p;
    uint32_t i;

    rng_seed(3);
    make_db(4096, npages, 1);
    p = open_db(cache, 0);
    for (i = 1; i < npages; i++) rewrite_page(p, i, 2);
    w.p = p;
    w.rc = -1;
    ck_assert_int_eq(pager_snapshot_take(p, &w.s), 0);

    /* Readers see the new contents while the old are overwritten in place. */
    for (i = 0; i < 4; i++)
        args[i] = (struct reader_arg){ p, rng_next(&rng_state), npages, 3000, 2, 0, 0, 0 };
    ck_assert_int_eq(os_thread_start(&t, snapshot_writer, &w), 0);
    run_readers(args, 4);
    os_thread_join(t);
    ck_assert_int_eq(w.rc, 0);
    pager_snapshot_free(w.s);
    check_bound(p, cache);

    /* Once the snapshot is gone the frames may be evicted and read back. */
    for (i = 0; i < 4; i++) args[i].failures = 0;
    run_readers(args, 4);
    pager_close(p);
}
END_TEST

/* ---- the frame table itself (pcache.c) ----------------------------------- */

/* Random inserts, removes and lookups against a model, with pgnos from a
 * small range (so probe runs collide, wrap around the end of the table and
 * get holes punched in them by removals) and from all of 32 bits. */
START_TEST(pcache_table_matches_model)
{
    enum { RANGE = 700, OPS = 200000 };
    static struct pager_page *model[RANGE];
    struct pcache c;
    uint32_t i, live = 0, op;

    rng_seed(41);
    memset(model, 0, sizeof(model));
    ck_assert_int_eq(pcache_init(&c, 16), 0);
    for (op = 0; op < OPS; op++) {
        uint64_t r = rng_next(&rng_state);
        /* Keys 1..RANGE-1, spread over 32 bits in half of the runs. */
        uint32_t k = 1 + (uint32_t)(r % (RANGE - 1));
        uint32_t pgno = _i ? k * 0x9E3779B1u | 1u : k;
        struct pager_page *f = pcache_lookup(&c, pgno);
        REQUIRE(f == model[k]);
        if (f) REQUIRE_EQ(f->pgno, pgno);
        /* Mostly grow until about 400 live frames, then hover there. */
        if (!f && (r >> 32) % 1000 < (live < 400 ? 700u : 400u)) {
            f = pcache_frame_new(&c, 4096);
            REQUIRE(f != NULL);
            f->pgno = pgno;
            f->data[0] = 1;
            f->data[4095] = 2;
            pcache_insert(&c, f);
            model[k] = f;
            live++;
        } else if (f && (r >> 32) % 1000 < 500) {
            pcache_remove(&c, f);
            pcache_frame_delete(&c, f);
            model[k] = NULL;
            live--;
        }
        REQUIRE_EQ(c.nhashed, live);
        REQUIRE_LE(c.nhashed * 2, c.mask + 1); /* load factor <= 1/2 */
    }
    for (i = 1; i < RANGE; i++) {
        uint32_t pgno = _i ? i * 0x9E3779B1u | 1u : i;
        REQUIRE(pcache_lookup(&c, pgno) == model[i]);
        if (model[i]) {
            pcache_remove(&c, model[i]);
            pcache_frame_delete(&c, model[i]);
        }
    }
    ck_assert_uint_eq(c.nhashed, 0);
    /* Chunks emptied beyond the cache size were given back. */
    ck_assert_uint_le(c.pool_frames, 16 + c.chunk_frames);
    pcache_destroy(&c);
}
END_TEST

Suite *pager_suite(void)
{
    Suite *s = suite_create("pager");
    TCase *tc = tcase_create("files");
    TCase *tc_pages = tcase_create("pages");
    TCase *tc_cache = tcase_create("cache");
    TCase *tc_damage = tcase_create("damage");
    TCase *tc_threads = tcase_create("threads");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, create_open_roundtrip, 0, 4);
    tcase_add_test(tc, signatures_differ);
    tcase_add_test(tc, create_and_open_errors);
    tcase_add_test(tc, create_failure_leaves_no_file);
    tcase_add_test(tc, file_grows_in_extension_steps);
    tcase_add_test(tc, readonly_open);
    tcase_add_test_raise_signal(tc, readonly_refuses_changes, SIGABRT);
    suite_add_tcase(s, tc);

    tcase_add_checked_fixture(tc_pages, setup, teardown);
    tcase_add_test(tc_pages, get_out_of_range);
    tcase_add_test(tc_pages, get_swap);
    tcase_add_test(tc_pages, alloc_free_reuse);
    tcase_add_test(tc_pages, fill_and_empty_does_not_grow);
    tcase_add_test(tc_pages, generation_and_lsn);
    tcase_add_test(tc_pages, double_free_is_refused);
    tcase_add_test(tc_pages, snapshot_roundtrip);
    tcase_add_loop_test(tc_pages, snapshot_zeroes_the_hole, 0, 2);
    tcase_add_test(tc_pages, close_drops_dirty_pages);
    tcase_add_test(tc_pages, snapshot_write_failure_keeps_pages_dirty);
    tcase_add_test(tc_pages, write_image_recovery);
    suite_add_tcase(s, tc_pages);

    tcase_add_checked_fixture(tc_cache, setup, teardown);
    tcase_add_test(tc_cache, dirty_pages_exceed_cache);
    tcase_add_test(tc_cache, eviction_small_cache);
    tcase_add_test(tc_cache, hot_pages_survive_scans);
    tcase_add_test(tc_cache, rereading_one_page_does_not_make_it_hot);
    tcase_add_loop_test(tc_cache, pcache_table_matches_model, 0, 2);
    suite_add_tcase(s, tc_cache);

    tcase_add_checked_fixture(tc_damage, setup, teardown);
    tcase_add_test(tc_damage, damaged_page_fails_verification);
    tcase_add_test(tc_damage, unusable_files);
    tcase_add_test(tc_damage, damaged_headers);
    tcase_add_test(tc_damage, damaged_free_list);
    tcase_add_test(tc_damage, read_errors);
    suite_add_tcase(s, tc_damage);

    tcase_add_checked_fixture(tc_threads, setup, teardown);
    tcase_set_timeout(tc_threads, 120);
    tcase_add_test(tc_threads, concurrent_readers);
    tcase_add_test(tc_threads, concurrent_misses_on_the_same_pages);
    tcase_add_test(tc_threads, snapshot_write_with_concurrent_readers);
    suite_add_tcase(s, tc_threads);
    return s;
}
