/*
 * os_win32.c - the OS layer for the PE DLL (Windows, and Wine).  See os.h
 * for the contract.  This is the only file of the DLL that includes
 * <windows.h>; it uses kernel32 only (no Wine-only exports, no
 * libwinpthread; ntdll's NtReadFile / NtWriteFile are looked up at run time
 * and optional), so the DLL also loads on real Windows.
 */
#define WIN32_LEAN_AND_MEAN
#include <stdio.h>
#include <windows.h>
#include <stdlib.h>
#include <string.h>

#include "os.h"

struct win32_file {
    os_file base;
    HANDLE h;
};

static const struct os_file_methods win32_file_methods;

static HANDLE handle_of(os_file *f)
{
    return ((struct win32_file *)f)->h;
}

struct os_mutex {
    CRITICAL_SECTION cs;
};

static int map_error(DWORD e)
{
    switch (e) {
    case ERROR_FILE_NOT_FOUND: case ERROR_PATH_NOT_FOUND: return OS_ENOENT;
    case ERROR_FILE_EXISTS: case ERROR_ALREADY_EXISTS: return OS_EEXIST;
    case ERROR_ACCESS_DENIED: case ERROR_SHARING_VIOLATION:
    case ERROR_LOCK_VIOLATION: case ERROR_WRITE_PROTECT: return OS_EACCES;
    case ERROR_DISK_FULL: case ERROR_HANDLE_DISK_FULL: return OS_ENOSPC;
    case ERROR_NOT_ENOUGH_MEMORY: case ERROR_OUTOFMEMORY: return OS_ENOMEM;
    case ERROR_INVALID_NAME: case ERROR_INVALID_PARAMETER:
    case ERROR_FILENAME_EXCED_RANGE: return OS_EINVAL;
    default: return OS_EIO;
    }
}

/* UTF-8 path to a malloc'ed UTF-16 string, or NULL. */
static WCHAR *path_to_wide(const char *path)
{
    int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, NULL, 0);
    WCHAR *w;
    if (n <= 0) return NULL;
    if (!(w = malloc((size_t)n * sizeof(WCHAR)))) return NULL;
    if (MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, w, n) != n) {
        free(w);
        return NULL;
    }
    return w;
}

static int win32_open(os_vfs *vfs, const char *path, unsigned flags, os_file **out)
{
    DWORD access = GENERIC_READ | ((flags & OS_OPEN_READONLY) ? 0 : GENERIC_WRITE);
    DWORD disp;
    WCHAR *wpath;
    HANDLE h;
    struct win32_file *f;

    *out = NULL;
    if ((flags & OS_OPEN_CREATE) && (flags & OS_OPEN_EXCL)) disp = CREATE_NEW;
    else if ((flags & OS_OPEN_CREATE) && (flags & OS_OPEN_TRUNCATE)) disp = CREATE_ALWAYS;
    else if (flags & OS_OPEN_CREATE) disp = OPEN_ALWAYS;
    else if (flags & OS_OPEN_TRUNCATE) disp = TRUNCATE_EXISTING;
    else disp = OPEN_EXISTING;

    if (!(wpath = path_to_wide(path))) return OS_EINVAL;
    /* OS_OPEN_LOCK: others may read (and rename: log generations are
     * renamed while open), not write; a sharing violation is OS_EACCES. */
    h = CreateFileW(wpath, access,
                    FILE_SHARE_READ | FILE_SHARE_DELETE | ((flags & OS_OPEN_LOCK) ? 0 : FILE_SHARE_WRITE),
                    NULL, disp, FILE_ATTRIBUTE_NORMAL, NULL);
    free(wpath);
    if (h == INVALID_HANDLE_VALUE) return map_error(GetLastError());
    if (!(f = malloc(sizeof(*f)))) {
        CloseHandle(h);
        return OS_ENOMEM;
    }
    f->base.methods = &win32_file_methods;
    f->h = h;
    *out = &f->base;
    return OS_OK;
}

static void win32_close(os_file *f)
{
    CloseHandle(handle_of(f));
    free(f);
}

static void set_offset(OVERLAPPED *ov, uint64_t off)
{
    memset(ov, 0, sizeof(*ov));
    ov->Offset = (DWORD)off;
    ov->OffsetHigh = (DWORD)(off >> 32);
}

/* Positioned reads and writes.  ReadFile and WriteFile with an OVERLAPPED
 * hand its address to NtReadFile / NtWriteFile as the completion key, and
 * Wine then asks its server to queue a completion on every call (an
 * add_fd_completion request, or an event_op for an hEvent with the low bit
 * set): about 2.5 round trips to wineserver per page read or written
 * (strace), which made the DLL under Wine twice as slow as the native
 * library on lookups that miss the cache.  So the calls go to ntdll's
 * NtReadFile / NtWriteFile directly when it exports them (Windows and
 * Wine do), with no event, no APC and no completion key: on our
 * synchronous handles they complete at once.  Anything but success goes
 * through ReadFile / WriteFile again, for their error codes. */
typedef struct {
    union {
        LONG status;
        void *pointer;
    } u;
    ULONG_PTR information;
} nt_iosb;
typedef LONG(WINAPI *nt_rw_fn)(HANDLE file, HANDLE event, void *apc, void *apc_context, nt_iosb *iosb,
                               void *buf, ULONG len, LARGE_INTEGER *offset, ULONG *key);
static nt_rw_fn nt_read, nt_write; /* atomic; resolved once */
static LONG nt_resolved;

static void nt_resolve(void)
{
    HMODULE ntdll;
    if (__atomic_load_n(&nt_resolved, __ATOMIC_ACQUIRE)) return;
    if ((ntdll = GetModuleHandleW(L"ntdll.dll"))) {
        __atomic_store_n(&nt_read, (nt_rw_fn)(void (*)(void))GetProcAddress(ntdll, "NtReadFile"),
                         __ATOMIC_RELAXED);
        __atomic_store_n(&nt_write, (nt_rw_fn)(void (*)(void))GetProcAddress(ntdll, "NtWriteFile"),
                         __ATOMIC_RELAXED);
    }
    __atomic_store_n(&nt_resolved, 1, __ATOMIC_RELEASE);
}

/* One NtReadFile / NtWriteFile at off: 1 with *done set on success, 0 when
 * the caller should use ReadFile / WriteFile instead. */
static int nt_rw(nt_rw_fn fn, HANDLE h, uint64_t off, void *p, DWORD n, DWORD *done)
{
    nt_iosb iosb;
    LARGE_INTEGER o;
    if (!fn) return 0;
    memset(&iosb, 0, sizeof(iosb));
    o.QuadPart = (LONGLONG)off;
    if (fn(h, NULL, NULL, NULL, &iosb, p, n, &o, NULL) != 0) return 0; /* not STATUS_SUCCESS */
    *done = (DWORD)iosb.information;
    return 1;
}

static int win32_read(os_file *f, uint64_t off, void *buf, size_t n)
{
    char *p = buf;
    nt_resolve();
    while (n > 0) {
        DWORD want = n > 0x40000000u ? 0x40000000u : (DWORD)n, got = 0;
        OVERLAPPED ov;
        set_offset(&ov, off);
        if (!nt_rw(__atomic_load_n(&nt_read, __ATOMIC_RELAXED), handle_of(f), off, p, want, &got) &&
            !ReadFile(handle_of(f), p, want, &got, &ov)) {
            DWORD e = GetLastError();
            if (e == ERROR_HANDLE_EOF) return OS_ESHORT;
            return map_error(e);
        }
        if (got == 0) return OS_ESHORT;
        p += got;
        off += got;
        n -= got;
    }
    return OS_OK;
}

static int win32_write(os_file *f, uint64_t off, const void *buf, size_t n)
{
    const char *p = buf;
    nt_resolve();
    while (n > 0) {
        DWORD want = n > 0x40000000u ? 0x40000000u : (DWORD)n, put = 0;
        OVERLAPPED ov;
        set_offset(&ov, off);
        if (!nt_rw(__atomic_load_n(&nt_write, __ATOMIC_RELAXED), handle_of(f), off, (void *)p, want, &put) &&
            !WriteFile(handle_of(f), p, want, &put, &ov))
            return map_error(GetLastError());
        if (put == 0) return OS_EIO;
        p += put;
        off += put;
        n -= put;
    }
    return OS_OK;
}

static int win32_sync(os_file *f)
{
    return FlushFileBuffers(handle_of(f)) ? OS_OK : map_error(GetLastError());
}

static int win32_size(os_file *f, uint64_t *size)
{
    LARGE_INTEGER li;
    if (!GetFileSizeEx(handle_of(f), &li)) return map_error(GetLastError());
    *size = (uint64_t)li.QuadPart;
    return OS_OK;
}

static int win32_truncate(os_file *f, uint64_t size)
{
    FILE_END_OF_FILE_INFO eof;
    eof.EndOfFile.QuadPart = (LONGLONG)size;
    if (!SetFileInformationByHandle(handle_of(f), FileEndOfFileInfo, &eof, sizeof(eof)))
        return map_error(GetLastError());
    return OS_OK;
}

static int win32_remove(os_vfs *vfs, const char *path)
{
    WCHAR *w = path_to_wide(path);
    BOOL ok;
    if (!w) return OS_EINVAL;
    ok = DeleteFileW(w);
    free(w);
    return ok ? OS_OK : map_error(GetLastError());
}

static int win32_rename(os_vfs *vfs, const char *from, const char *to)
{
    WCHAR *wfrom = path_to_wide(from), *wto = path_to_wide(to);
    BOOL ok = wfrom && wto && MoveFileExW(wfrom, wto, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH);
    int err = ok ? OS_OK : (wfrom && wto ? map_error(GetLastError()) : OS_EINVAL);
    free(wfrom);
    free(wto);
    return err;
}

static int win32_mkdir(os_vfs *vfs, const char *path)
{
    WCHAR *w = path_to_wide(path);
    BOOL ok;
    if (!w) return OS_EINVAL;
    ok = CreateDirectoryW(w, NULL);
    free(w);
    return ok ? OS_OK : map_error(GetLastError());
}

static int win32_exists(os_vfs *vfs, const char *path)
{
    WCHAR *w = path_to_wide(path);
    DWORD attr;
    if (!w) return 0;
    attr = GetFileAttributesW(w);
    free(w);
    return attr != INVALID_FILE_ATTRIBUTES;
}

static const struct os_file_methods win32_file_methods = {
    win32_close, win32_read, win32_write, win32_sync, win32_size, win32_truncate
};

/* NTFS journals its metadata: a created or renamed name is as durable as
 * the file system's log, and Win32 has no way to flush a directory. */
static int win32_sync_dir(os_vfs *vfs, const char *path)
{
    return OS_OK;
}

static os_vfs win32_vfs = {
    "win32", win32_open, win32_remove, win32_rename, win32_exists, win32_mkdir, win32_sync_dir
};

os_vfs *os_vfs_default(void)
{
    return &win32_vfs;
}

int os_mutex_create(os_mutex **out)
{
    os_mutex *m = malloc(sizeof(*m));
    *out = NULL;
    if (!m) return OS_ENOMEM;
    InitializeCriticalSection(&m->cs);
    *out = m;
    return OS_OK;
}

void os_mutex_destroy(os_mutex *m)
{
    if (!m) return;
    DeleteCriticalSection(&m->cs);
    free(m);
}

void os_mutex_lock(os_mutex *m)
{
    EnterCriticalSection(&m->cs);
}

void os_mutex_unlock(os_mutex *m)
{
    LeaveCriticalSection(&m->cs);
}

struct os_rwlock {
    SRWLOCK l;
};

int os_rwlock_create(os_rwlock **out)
{
    os_rwlock *l = malloc(sizeof(*l));
    *out = NULL;
    if (!l) return OS_ENOMEM;
    InitializeSRWLock(&l->l);
    *out = l;
    return OS_OK;
}

void os_rwlock_destroy(os_rwlock *l)
{
    free(l);
}

void os_rwlock_read_lock(os_rwlock *l)
{
    AcquireSRWLockShared(&l->l);
}

void os_rwlock_read_unlock(os_rwlock *l)
{
    ReleaseSRWLockShared(&l->l);
}

void os_rwlock_write_lock(os_rwlock *l)
{
    AcquireSRWLockExclusive(&l->l);
}

void os_rwlock_write_unlock(os_rwlock *l)
{
    ReleaseSRWLockExclusive(&l->l);
}

struct os_cond {
    CONDITION_VARIABLE cv;
};

int os_cond_create(os_cond **out)
{
    os_cond *c = malloc(sizeof(*c));
    *out = NULL;
    if (!c) return OS_ENOMEM;
    InitializeConditionVariable(&c->cv);
    *out = c;
    return OS_OK;
}

void os_cond_destroy(os_cond *c)
{
    free(c);
}

void os_cond_wait(os_cond *c, os_mutex *m)
{
    SleepConditionVariableCS(&c->cv, &m->cs, INFINITE);
}

void os_cond_broadcast(os_cond *c)
{
    WakeAllConditionVariable(&c->cv);
}

struct os_thread {
    HANDLE h;
    void (*fn)(void *);
    void *arg;
};

static DWORD WINAPI thread_main(void *p)
{
    os_thread *t = p;
    t->fn(t->arg);
    return 0;
}

int os_thread_start(os_thread **out, void (*fn)(void *), void *arg)
{
    os_thread *t = malloc(sizeof(*t));
    *out = NULL;
    if (!t) return OS_ENOMEM;
    t->fn = fn;
    t->arg = arg;
    if (!(t->h = CreateThread(NULL, 0, thread_main, t, 0, NULL))) {
        free(t);
        return OS_ENOMEM;
    }
    *out = t;
    return OS_OK;
}

void os_thread_join(os_thread *t)
{
    if (!t) return;
    WaitForSingleObject(t->h, INFINITE);
    CloseHandle(t->h);
    free(t);
}

unsigned long os_thread_id(void)
{
    return GetCurrentThreadId();
}

int os_getenv(const char *name, char *buf, size_t size)
{
    DWORD n;
    if (!size || size > 0x7fffffffu) return 0;
    n = GetEnvironmentVariableA(name, buf, (DWORD)size);
    return n > 0 && n < size;
}

void os_debug_write(const char *text, size_t len)
{
    HANDLE h = GetStdHandle(STD_ERROR_HANDLE);
    DWORD put;
    if (h == NULL || h == INVALID_HANDLE_VALUE || !WriteFile(h, text, (DWORD)len, &put, NULL)) {
        /* GUI programs have no stderr: fall back to the debugger channel. */
        char line[1024];
        size_t n = len < sizeof(line) - 1 ? len : sizeof(line) - 1;
        memcpy(line, text, n);
        line[n] = 0;
        OutputDebugStringA(line);
    }
}

uint64_t os_time_ms(void)
{
    return GetTickCount64();
}

static int clamp_int(size_t n)
{
    return n > 0x7fffffff ? 0x7fffffff : (int)n;
}

size_t os_ansi_to_utf16(const char *s, size_t n, uint16_t *out, size_t outmax)
{
    int len = n == (size_t)-1 ? -1 : clamp_int(n);
    int need = MultiByteToWideChar(CP_ACP, 0, s, len, NULL, 0);
    if (need <= 0) return 0;
    if ((size_t)need <= outmax) MultiByteToWideChar(CP_ACP, 0, s, len, (WCHAR *)out, need);
    return (size_t)need;
}

size_t os_utf16_to_ansi(const uint16_t *s, size_t n, char *out, size_t outmax)
{
    int len = n == (size_t)-1 ? -1 : clamp_int(n);
    int need = WideCharToMultiByte(CP_ACP, 0, (const WCHAR *)s, len, NULL, 0, NULL, NULL);
    if (need <= 0) return 0;
    if ((size_t)need <= outmax) WideCharToMultiByte(CP_ACP, 0, (const WCHAR *)s, len, out, need, NULL, NULL);
    return (size_t)need;
}

/* LCMapStringEx writes all of a sort key or nothing, so a key longer than
 * the caller's room is made in a buffer of its full size and cut. */
int os_unicode_sort_key(const void *s, uint32_t nchars, const uint16_t *locale, uint32_t flags,
                        uint8_t *out, uint32_t outmax)
{
    static const WCHAR en_us[] = { 'e', 'n', '-', 'U', 'S', 0 };
    const WCHAR *loc = locale && *locale ? (const WCHAR *)locale : en_us;
    WCHAR stackbuf[256], *src = stackbuf;
    BYTE *key = NULL;
    int need, r = -1;

    if (nchars > 0x3FFFFFFF) return -1;
    if (nchars > sizeof(stackbuf) / sizeof(WCHAR) && !(src = malloc(nchars * sizeof(WCHAR)))) return -1;
    memcpy(src, s, nchars * sizeof(WCHAR)); /* s may be unaligned */
    flags |= LCMAP_SORTKEY;
    need = nchars ? LCMapStringEx(loc, flags, src, (int)nchars, NULL, 0, NULL, NULL, 0) : 0;
    if (!nchars) {
        /* An empty string's key: what LCMapStringEx gives for it. */
        need = LCMapStringEx(loc, flags, L"", -1, NULL, 0, NULL, NULL, 0);
        if (need > 0 && (key = malloc((size_t)need)) &&
            LCMapStringEx(loc, flags, L"", -1, (WCHAR *)key, need, NULL, NULL, 0) == need)
            r = need;
    } else if (need > 0 && (key = malloc((size_t)need)) &&
               LCMapStringEx(loc, flags, src, (int)nchars, (WCHAR *)key, need, NULL, NULL, 0) == need) {
        r = need;
    }
    if (r > 0) memcpy(out, key, (uint32_t)r < outmax ? (uint32_t)r : outmax);
    free(key);
    if (src != stackbuf) free(src);
    return r;
}

const char *os_unicode_sort_version(void)
{
    static char version[32];
    NLSVERSIONINFOEX info;
    if (!version[0]) {
        memset(&info, 0, sizeof(info));
        info.dwNLSVersionInfoSize = sizeof(info);
        if (GetNLSVersionEx(COMPARE_STRING, L"en-US", &info))
            snprintf(version, sizeof(version), "nls:%lx.%lx", (unsigned long)info.dwNLSVersion,
                     (unsigned long)info.dwDefinedVersion);
        else
            snprintf(version, sizeof(version), "nls:unknown");
    }
    return version;
}

char *os_path_full(const char *path)
{
    WCHAR *w, *full;
    DWORD n;
    char *out = NULL;
    int len;

    if (!path || !*path || !(w = path_to_wide(path))) return NULL;
    n = GetFullPathNameW(w, 0, NULL, NULL);
    if (n && (full = malloc(n * sizeof(WCHAR)))) {
        if (GetFullPathNameW(w, n, full, NULL) < n) {
            len = WideCharToMultiByte(CP_UTF8, 0, full, -1, NULL, 0, NULL, NULL);
            if (len > 0 && (out = malloc((size_t)len)))
                WideCharToMultiByte(CP_UTF8, 0, full, -1, out, len, NULL, NULL);
        }
        free(full);
    }
    free(w);
    return out;
}
