/*
 * os_posix.c - the OS layer for the native twin (Linux and other POSIX
 * systems).  See os.h for the contract; this file only maps it onto
 * open/pread/pwrite/fdatasync and pthreads.
 */
#define _GNU_SOURCE
#include "os.h"
#include "utf.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

struct posix_file {
    os_file base;
    int fd;
};

static const struct os_file_methods posix_file_methods;

struct os_mutex {
    pthread_mutex_t m;
};

static int map_errno(int e)
{
    switch (e) {
    case ENOENT: case ENOTDIR: return OS_ENOENT;
    case EEXIST: return OS_EEXIST;
    case EACCES: case EPERM: case EROFS: case EBUSY: return OS_EACCES;
    case ENOSPC: case EDQUOT: case EFBIG: return OS_ENOSPC;
    case ENOMEM: return OS_ENOMEM;
    case EINVAL: case ENAMETOOLONG: return OS_EINVAL;
    default: return OS_EIO;
    }
}

static int posix_open(os_vfs *vfs, const char *path, unsigned flags, os_file **out)
{
    int oflags = (flags & OS_OPEN_READONLY) ? O_RDONLY : O_RDWR;
    struct posix_file *f;
    int fd;

    *out = NULL;
    if (flags & OS_OPEN_CREATE) oflags |= O_CREAT;
    if (flags & OS_OPEN_EXCL) oflags |= O_EXCL;
    /* A locked open truncates only once it holds the lock. */
    if ((flags & OS_OPEN_TRUNCATE) && !(flags & OS_OPEN_LOCK)) oflags |= O_TRUNC;
    do fd = open(path, oflags | O_CLOEXEC, 0644);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) return map_errno(errno);
    if (flags & OS_OPEN_LOCK) {
        int op = ((flags & OS_OPEN_READONLY) ? LOCK_SH : LOCK_EX) | LOCK_NB, r;
        while ((r = flock(fd, op)) < 0 && errno == EINTR)
            ;
        if (r < 0 || ((flags & OS_OPEN_TRUNCATE) && ftruncate(fd, 0) < 0)) {
            int e = (r < 0 && errno == EWOULDBLOCK) ? OS_EACCES : map_errno(errno);
            close(fd);
            return e;
        }
    }
    if (!(f = malloc(sizeof(*f)))) {
        close(fd);
        return OS_ENOMEM;
    }
    f->base.methods = &posix_file_methods;
    f->fd = fd;
    *out = &f->base;
    return OS_OK;
}

static int fd_of(os_file *f)
{
    return ((struct posix_file *)f)->fd;
}

static void posix_close(os_file *f)
{
    close(fd_of(f));
    free(f);
}

static int posix_read(os_file *f, uint64_t off, void *buf, size_t n)
{
    char *p = buf;
    while (n > 0) {
        ssize_t got = pread(fd_of(f), p, n, (off_t)off);
        if (got < 0) {
            if (errno == EINTR) continue;
            return map_errno(errno);
        }
        if (got == 0) return OS_ESHORT;
        p += got;
        off += (uint64_t)got;
        n -= (size_t)got;
    }
    return OS_OK;
}

static int posix_write(os_file *f, uint64_t off, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t put = pwrite(fd_of(f), p, n, (off_t)off);
        if (put < 0) {
            if (errno == EINTR) continue;
            return map_errno(errno);
        }
        p += put;
        off += (uint64_t)put;
        n -= (size_t)put;
    }
    return OS_OK;
}

static int posix_sync(os_file *f)
{
    while (fdatasync(fd_of(f)) < 0) {
        if (errno != EINTR) return map_errno(errno);
    }
    return OS_OK;
}

static int posix_size(os_file *f, uint64_t *size)
{
    struct stat st;
    if (fstat(fd_of(f), &st) < 0) return map_errno(errno);
    *size = (uint64_t)st.st_size;
    return OS_OK;
}

static int posix_truncate(os_file *f, uint64_t size)
{
    while (ftruncate(fd_of(f), (off_t)size) < 0) {
        if (errno != EINTR) return map_errno(errno);
    }
    return OS_OK;
}

static int posix_remove(os_vfs *vfs, const char *path)
{
    return unlink(path) < 0 ? map_errno(errno) : OS_OK;
}

static int posix_rename(os_vfs *vfs, const char *from, const char *to)
{
    return rename(from, to) < 0 ? map_errno(errno) : OS_OK;
}

static int posix_exists(os_vfs *vfs, const char *path)
{
    return access(path, F_OK) == 0;
}

static int posix_mkdir(os_vfs *vfs, const char *path)
{
    return mkdir(path, 0755) < 0 ? map_errno(errno) : OS_OK;
}

/* fsync of the folder that holds path (its text up to the last '/'). */
static int posix_sync_dir(os_vfs *vfs, const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir;
    int fd, r = OS_OK;

    if (!slash) dir = strdup(".");
    else if (slash == path) dir = strdup("/");
    else dir = strndup(path, (size_t)(slash - path));
    if (!dir) return OS_ENOMEM;
    do fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    free(dir);
    if (fd < 0) return map_errno(errno);
    /* Some file systems cannot sync a directory (EINVAL): their metadata
     * is then as durable as it gets. */
    while (fsync(fd) < 0) {
        if (errno == EINTR) continue;
        if (errno != EINVAL && errno != EROFS) r = map_errno(errno);
        break;
    }
    close(fd);
    return r;
}

static const struct os_file_methods posix_file_methods = {
    posix_close, posix_read, posix_write, posix_sync, posix_size, posix_truncate
};

static os_vfs posix_vfs = {
    "posix", posix_open, posix_remove, posix_rename, posix_exists, posix_mkdir, posix_sync_dir
};

os_vfs *os_vfs_default(void)
{
    return &posix_vfs;
}

int os_mutex_create(os_mutex **out)
{
    os_mutex *m = malloc(sizeof(*m));
    *out = NULL;
    if (!m) return OS_ENOMEM;
    if (pthread_mutex_init(&m->m, NULL) != 0) {
        free(m);
        return OS_ENOMEM;
    }
    *out = m;
    return OS_OK;
}

void os_mutex_destroy(os_mutex *m)
{
    if (!m) return;
    pthread_mutex_destroy(&m->m);
    free(m);
}

void os_mutex_lock(os_mutex *m)
{
    pthread_mutex_lock(&m->m);
}

void os_mutex_unlock(os_mutex *m)
{
    pthread_mutex_unlock(&m->m);
}

struct os_rwlock {
    pthread_rwlock_t l;
};

int os_rwlock_create(os_rwlock **out)
{
    os_rwlock *l = malloc(sizeof(*l));
    *out = NULL;
    if (!l) return OS_ENOMEM;
    if (pthread_rwlock_init(&l->l, NULL) != 0) {
        free(l);
        return OS_ENOMEM;
    }
    *out = l;
    return OS_OK;
}

void os_rwlock_destroy(os_rwlock *l)
{
    if (!l) return;
    pthread_rwlock_destroy(&l->l);
    free(l);
}

void os_rwlock_read_lock(os_rwlock *l)
{
    pthread_rwlock_rdlock(&l->l);
}

void os_rwlock_read_unlock(os_rwlock *l)
{
    pthread_rwlock_unlock(&l->l);
}

void os_rwlock_write_lock(os_rwlock *l)
{
    pthread_rwlock_wrlock(&l->l);
}

void os_rwlock_write_unlock(os_rwlock *l)
{
    pthread_rwlock_unlock(&l->l);
}

struct os_cond {
    pthread_cond_t c;
};

int os_cond_create(os_cond **out)
{
    os_cond *c = malloc(sizeof(*c));
    *out = NULL;
    if (!c) return OS_ENOMEM;
    if (pthread_cond_init(&c->c, NULL) != 0) {
        free(c);
        return OS_ENOMEM;
    }
    *out = c;
    return OS_OK;
}

void os_cond_destroy(os_cond *c)
{
    if (!c) return;
    pthread_cond_destroy(&c->c);
    free(c);
}

void os_cond_wait(os_cond *c, os_mutex *m)
{
    pthread_cond_wait(&c->c, &m->m);
}

void os_cond_broadcast(os_cond *c)
{
    pthread_cond_broadcast(&c->c);
}

struct os_thread {
    pthread_t t;
    void (*fn)(void *);
    void *arg;
};

static void *thread_main(void *p)
{
    os_thread *t = p;
    t->fn(t->arg);
    return NULL;
}

int os_thread_start(os_thread **out, void (*fn)(void *), void *arg)
{
    os_thread *t = malloc(sizeof(*t));
    *out = NULL;
    if (!t) return OS_ENOMEM;
    t->fn = fn;
    t->arg = arg;
    if (pthread_create(&t->t, NULL, thread_main, t) != 0) {
        free(t);
        return OS_ENOMEM;
    }
    *out = t;
    return OS_OK;
}

void os_thread_join(os_thread *t)
{
    if (!t) return;
    pthread_join(t->t, NULL);
    free(t);
}

unsigned long os_thread_id(void)
{
    return (unsigned long)syscall(SYS_gettid);
}

int os_getenv(const char *name, char *buf, size_t size)
{
    const char *v = getenv(name);
    size_t len;
    if (!v || !size) return 0;
    len = strlen(v);
    if (len >= size) return 0;
    memcpy(buf, v, len + 1);
    return 1;
}

void os_debug_write(const char *text, size_t len)
{
    while (len > 0) {
        ssize_t put = write(2, text, len);
        if (put < 0) {
            if (errno == EINTR) continue;
            return;
        }
        text += put;
        len -= (size_t)put;
    }
}

uint64_t os_time_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

size_t os_ansi_to_utf16(const char *s, size_t n, uint16_t *out, size_t outmax)
{
    return utf8_to_utf16(s, n, out, outmax);
}

size_t os_utf16_to_ansi(const uint16_t *s, size_t n, char *out, size_t outmax)
{
    return utf16_to_utf8(s, n, out, outmax);
}

/* No platform sort natively: the key layer's portable sort is used. */
int os_unicode_sort_key(const void *s, uint32_t nchars, const uint16_t *locale, uint32_t flags,
                        uint8_t *out, uint32_t outmax)
{
    (void)s, (void)nchars, (void)locale, (void)flags, (void)out, (void)outmax;
    return -1;
}

const char *os_unicode_sort_version(void)
{
    return "";
}

char *os_path_full(const char *path)
{
    char cwd[4096], *out;
    size_t n;
    if (!path || !*path) return NULL;
    if (path[0] == '/') {
        n = strlen(path) + 1;
        if ((out = malloc(n))) memcpy(out, path, n);
        return out;
    }
    if (!getcwd(cwd, sizeof(cwd))) return NULL;
    n = strlen(cwd) + 1 + strlen(path) + 1;
    if ((out = malloc(n))) snprintf(out, n, "%s/%s", cwd, path[0] == '.' && path[1] == '/' ? path + 2 : path);
    return out;
}
