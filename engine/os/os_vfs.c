/*
 * os_vfs.c - the portable half of the OS layer: the wrappers of os.h that
 * dispatch file and path calls through a VFS's function table.  Keeping
 * them here means the backends (os_win32.c, os_posix.c, the test VFS in
 * os_memvfs.c) only fill in tables.  Also the portable lazy mutex.
 */
#include <stdlib.h>
#include <string.h>

#include "os.h"

int os_file_open(os_vfs *vfs, const char *path, unsigned flags, os_file **out)
{
    return vfs->open(vfs, path, flags, out);
}

void os_file_close(os_file *f)
{
    if (f) f->methods->close(f);
}

int os_file_read(os_file *f, uint64_t off, void *buf, size_t n)
{
    return f->methods->read(f, off, buf, n);
}

int os_file_write(os_file *f, uint64_t off, const void *buf, size_t n)
{
    return f->methods->write(f, off, buf, n);
}

int os_file_sync(os_file *f)
{
    return f->methods->sync(f);
}

int os_file_size(os_file *f, uint64_t *size)
{
    return f->methods->size(f, size);
}

int os_file_truncate(os_file *f, uint64_t size)
{
    return f->methods->truncate(f, size);
}

int os_path_remove(os_vfs *vfs, const char *path)
{
    return vfs->remove(vfs, path);
}

int os_path_rename(os_vfs *vfs, const char *from, const char *to)
{
    return vfs->rename(vfs, from, to);
}

int os_path_exists(os_vfs *vfs, const char *path)
{
    return vfs->exists(vfs, path);
}

int os_path_mkdir(os_vfs *vfs, const char *path)
{
    return vfs->mkdir(vfs, path);
}

static int path_sep(char c)
{
#ifdef _WIN32
    return c == '/' || c == '\\';
#else
    return c == '/';
#endif
}

int os_path_mkdirs(os_vfs *vfs, const char *path, int whole)
{
    size_t n = strlen(path), i;
    char *p = malloc(n + 1);
    int r = OS_OK;

    if (!p) return OS_ENOMEM;
    memcpy(p, path, n + 1);
    /* i = 1: a leading separator is the root (or a UNC prefix), not a
     * folder to make; "C:" before a separator fails harmlessly as there. */
    for (i = 1; i <= n && r == OS_OK; i++) {
        if (i < n ? !path_sep(p[i]) : !whole || path_sep(p[i - 1])) continue;
        if (path_sep(p[i - 1])) continue; /* doubled separators */
        p[i] = 0;
        r = os_path_mkdir(vfs, p);
        if (r == OS_EEXIST) r = OS_OK;
        else if (r != OS_OK && os_path_exists(vfs, p)) r = OS_OK; /* a drive, or a race */
        p[i] = path[i];
    }
    free(p);
    return r;
}

int os_path_sync_dir(os_vfs *vfs, const char *path)
{
    return vfs->sync_dir ? vfs->sync_dir(vfs, path) : OS_OK;
}

os_mutex *os_mutex_lazy(os_mutex **slot)
{
    os_mutex *m = __atomic_load_n(slot, __ATOMIC_ACQUIRE), *expected = NULL;
    if (m) return m;
    if (os_mutex_create(&m)) return NULL;
    if (!__atomic_compare_exchange_n(slot, &expected, m, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        os_mutex_destroy(m); /* another thread won */
        return expected;
    }
    return m;
}
