/*
 * os.h - the OS layer: the only interface between the engine and the
 * operating system.
 *
 * Every other file of the project is portable C.  What differs between the
 * PE DLL (Win32) and the native twin (POSIX) lives behind this header, in
 * os_win32.c and os_posix.c; exactly one of them is compiled into a build.
 * Nothing outside engine/os/ includes <windows.h>, <unistd.h> or
 * <pthread.h>.  This is the same split as SQLite's VFS: the engine above
 * asks for files, locks, threads and clocks, and never for a platform API.
 *
 * Conventions:
 *  - Functions return 0 on success or a negative OS_E* code; they never
 *    abort on a failure the caller could see (disk full, missing file...).
 *  - Paths are UTF-8 char strings.  The Win32 backend converts them to
 *    UTF-16 for the *W file APIs, so non-ASCII names work on both sides.
 *  - File I/O is positional (pread/pwrite style) and unbuffered by this
 *    layer: the engine's buffer cache is the only cache it manages, and
 *    os_file_sync() is the durability point (fdatasync / FlushFileBuffers).
 */
#ifndef ESENT_OS_H
#define ESENT_OS_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define OS_MUST_CHECK __attribute__((warn_unused_result))
#else
#define OS_MUST_CHECK
#endif

/* Error codes of this layer; the layers above map them to JET_err values. */
enum {
    OS_OK = 0,
    OS_ENOENT = -1,     /* file or directory does not exist */
    OS_EEXIST = -2,     /* exclusive create of an existing file */
    OS_EACCES = -3,     /* permission denied, or file locked by another */
    OS_ENOSPC = -4,     /* disk full */
    OS_EIO = -5,        /* any other I/O error */
    OS_ENOMEM = -6,     /* out of memory */
    OS_EINVAL = -7,     /* bad argument (e.g. path not representable) */
    OS_ESHORT = -8      /* read past the end of the file */
};

/* ---- files, through a VFS ------------------------------------------
 *
 * As in SQLite, files are reached through a VFS object: a table of
 * functions.  os_vfs_default() is the real file system (Win32 or POSIX);
 * os_memvfs.c (tests) is an in-memory VFS that fails the Nth write or "loses
 * power".  The engine keeps the VFS it was given and never calls a backend
 * directly, so every test can run the real engine on a faulty disk.
 */

typedef struct os_vfs os_vfs;
typedef struct os_file os_file;

enum {
    OS_OPEN_READONLY = 0x1,  /* open for reading only */
    OS_OPEN_CREATE = 0x2,    /* create if missing */
    OS_OPEN_EXCL = 0x4,      /* with CREATE: fail with OS_EEXIST if present */
    OS_OPEN_TRUNCATE = 0x8,  /* truncate to zero length when opened */
    /* Holds the file against other openers, in this process or another,
     * until the handle is closed: a writable open takes it exclusively, a
     * READONLY one shared.  A conflicting OS_OPEN_LOCK open fails with
     * OS_EACCES (and does not truncate).  Win32: share modes (read sharing
     * only), so there it also keeps out plain writers; POSIX: flock(), an
     * advisory lock per open file description, so two handles of one
     * process conflict too; memvfs: modelled the same way. */
    OS_OPEN_LOCK = 0x10
};

struct os_file_methods {
    void (*close)(os_file *f);
    int (*read)(os_file *f, uint64_t off, void *buf, size_t n);
    int (*write)(os_file *f, uint64_t off, const void *buf, size_t n);
    int (*sync)(os_file *f);
    int (*size)(os_file *f, uint64_t *size);
    int (*truncate)(os_file *f, uint64_t size);
};

/* Every backend's file starts with this header. */
struct os_file {
    const struct os_file_methods *methods;
};

struct os_vfs {
    const char *name;
    int (*open)(os_vfs *vfs, const char *path, unsigned flags, os_file **out);
    int (*remove)(os_vfs *vfs, const char *path);
    int (*rename)(os_vfs *vfs, const char *from, const char *to); /* replaces "to" */
    int (*exists)(os_vfs *vfs, const char *path);                 /* 1 or 0 */
    int (*mkdir)(os_vfs *vfs, const char *path);                  /* OS_EEXIST if there */
    int (*sync_dir)(os_vfs *vfs, const char *path);               /* NULL: nothing to do */
};

/* The absolute form of path (relative to the current directory), in a
 * malloc'ed UTF-8 string, so that two spellings of one file compare equal;
 * NULL when out of memory or the path is invalid.  The file need not exist. */
char *os_path_full(const char *path);

/* The platform's real file system. */
os_vfs *os_vfs_default(void);

/* Convenience wrappers: the calls the engine makes. */
int os_file_open(os_vfs *vfs, const char *path, unsigned flags, os_file **out) OS_MUST_CHECK;
void os_file_close(os_file *f);
/* Reads exactly n bytes at off; OS_ESHORT if the file ends first. */
int os_file_read(os_file *f, uint64_t off, void *buf, size_t n) OS_MUST_CHECK;
/* Writes exactly n bytes at off, growing the file as needed. */
int os_file_write(os_file *f, uint64_t off, const void *buf, size_t n) OS_MUST_CHECK;
/* Makes every completed write durable (fdatasync / FlushFileBuffers). */
int os_file_sync(os_file *f) OS_MUST_CHECK;
int os_file_size(os_file *f, uint64_t *size) OS_MUST_CHECK;
int os_file_truncate(os_file *f, uint64_t size) OS_MUST_CHECK;
int os_path_remove(os_vfs *vfs, const char *path) OS_MUST_CHECK;
int os_path_rename(os_vfs *vfs, const char *from, const char *to) OS_MUST_CHECK;
int os_path_exists(os_vfs *vfs, const char *path);
int os_path_mkdir(os_vfs *vfs, const char *path) OS_MUST_CHECK;
/* Makes every missing folder of path (JET_paramCreatePathIfNotExist):
 * each folder before a separator ('/'; on Windows '\\' too), and the last
 * name as well when whole is set (a folder path without a trailing
 * separator).  Folders already there are fine; OS_OK or the first error. */
int os_path_mkdirs(os_vfs *vfs, const char *path, int whole) OS_MUST_CHECK;
/* Makes the directory entries of the folder holding path durable: the
 * files created in it, renamed into or out of it and removed from it
 * before the call survive a power loss (POSIX: fsync of the directory;
 * Win32: nothing, NTFS journals its metadata).  Creating or renaming a file
 * is not durable without it: the engine calls it after making a file whose
 * name recovery depends on (log generations, edb.chk, a new database). */
int os_path_sync_dir(os_vfs *vfs, const char *path) OS_MUST_CHECK;

/* ---- threads and locks ---------------------------------------------- */

typedef struct os_mutex os_mutex;
int os_mutex_create(os_mutex **out) OS_MUST_CHECK;
void os_mutex_destroy(os_mutex *m);
void os_mutex_lock(os_mutex *m);
void os_mutex_unlock(os_mutex *m);
/* The mutex stored in *slot, created on first use by whichever thread gets
 * there first (for process-wide locks); NULL only when out of memory. */
os_mutex *os_mutex_lazy(os_mutex **slot);

/* Reader/writer lock: many readers or one writer; not recursive. */
typedef struct os_rwlock os_rwlock;
int os_rwlock_create(os_rwlock **out) OS_MUST_CHECK;
void os_rwlock_destroy(os_rwlock *l);
void os_rwlock_read_lock(os_rwlock *l);
void os_rwlock_read_unlock(os_rwlock *l);
void os_rwlock_write_lock(os_rwlock *l);
void os_rwlock_write_unlock(os_rwlock *l);

/* Condition variable used with an os_mutex (group commit, waits). */
typedef struct os_cond os_cond;
int os_cond_create(os_cond **out) OS_MUST_CHECK;
void os_cond_destroy(os_cond *c);
void os_cond_wait(os_cond *c, os_mutex *m);
void os_cond_broadcast(os_cond *c);

/* Threads, for background work and for tests. */
typedef struct os_thread os_thread;
int os_thread_start(os_thread **out, void (*fn)(void *), void *arg) OS_MUST_CHECK;
void os_thread_join(os_thread *t);

/* A small stable number for the calling thread, as in Wine's traces. */
unsigned long os_thread_id(void);

/* ---- text ------------------------------------------------------------ */

/* The ANSI code page of the process (CP_ACP) <-> UTF-16, for the A entry
 * points.  Natively the "ANSI" code page is UTF-8.  n: input length in
 * bytes/units, or (size_t)-1 for NUL-terminated (the NUL is converted).
 * Returns the units/bytes the whole conversion needs; writes what fits. */
size_t os_ansi_to_utf16(const char *s, size_t n, uint16_t *out, size_t outmax);
size_t os_utf16_to_ansi(const uint16_t *s, size_t n, char *out, size_t outmax);

/* The platform's linguistic sort key of UTF-16 text (Win32: LCMapStringEx
 * with LCMAP_SORTKEY and the given flags, for locale, NULL or "" meaning
 * ESE's default "en-US").  s: nchars units, any alignment.  Writes at most
 * outmax bytes, returns the length of the whole key, or -1 when the
 * platform has no such sort (natively) or the call failed (a bad locale
 * or flags).  os_unicode_sort_version names the sort and its version
 * ("" natively), for the catalog: keys made by different versions of a
 * sort may not compare alike. */
int os_unicode_sort_key(const void *s, uint32_t nchars, const uint16_t *locale, uint32_t flags,
                        uint8_t *out, uint32_t outmax);
const char *os_unicode_sort_version(void);

/* ---- process environment and diagnostics ---------------------------- */

/* Copies the variable into buf (NUL-terminated); returns 1 if it exists
 * and fits, 0 otherwise. */
int os_getenv(const char *name, char *buf, size_t size);
/* Writes a complete line of debug output to the process's stderr. */
void os_debug_write(const char *text, size_t len);
/* Monotonic milliseconds, for timeouts and statistics. */
uint64_t os_time_ms(void);

#endif /* ESENT_OS_H */
