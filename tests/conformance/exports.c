/*
 * exports.c - the export table as a running program sees it: every name of
 * esent.spec resolves through GetProcAddress (on i686 also its stdcall
 * Name@N alias), the DLL loaded is ours and not Wine's built-in stub, and
 * every export that is not implemented yet returns
 * JET_errFeatureNotAvailable instead of crashing.
 */
#include <stdint.h>
#include <string.h>
#include <windows.h>

#include "test.h"

static const struct export_info {
    const char *name;
    int argbytes, stub, private_;
} exports[] = {
#define EXPORT(n, b, s, p) { n, b, s, p },
#include "exports.h"
#undef EXPORT
};
#define NEXPORTS (sizeof(exports) / sizeof(exports[0]))

static HMODULE esent(void)
{
    HMODULE h = GetModuleHandleA("esent.dll");
    return h ? h : LoadLibraryA("esent.dll");
}

TEST(exports_loaded_dll_is_ours)
{
    char path[MAX_PATH], exe[MAX_PATH], *slash;
    HMODULE h = esent();

    ok(h != NULL, "esent.dll not loaded (error %lu)", GetLastError());
    if (!h) return;
    GetModuleFileNameA(h, path, sizeof(path));
    GetModuleFileNameA(NULL, exe, sizeof(exe));
    if ((slash = strrchr(exe, '\\'))) slash[1] = 0;
    ok(!_strnicmp(path, exe, strlen(exe)), "loaded %s, expected the one beside %s", path, exe);
}

TEST(exports_every_name_resolves)
{
    HMODULE h = esent();
    size_t i;

    ok(NEXPORTS >= 311, "only %u exports in the table", (unsigned)NEXPORTS);
    for (i = 0; i < NEXPORTS; i++) {
        ok(GetProcAddress(h, exports[i].name) != NULL, "%s is not exported", exports[i].name);
#ifndef _WIN64
        {
            char decorated[128];
            FARPROC plain = GetProcAddress(h, exports[i].name);
            snprintf(decorated, sizeof(decorated), "%s@%d", exports[i].name, exports[i].argbytes);
            ok(GetProcAddress(h, decorated) == plain && plain, "%s is not exported as the same function", decorated);
        }
#endif
    }
}

/* Calls fn with n pointer-sized zero arguments (n = argbytes / 4, which is
 * the stdcall stack size on i686 and at least the arity on x86_64). */
typedef uintptr_t A;
static JET_ERR call_with_zeros(FARPROC proc, int n)
{
    void (*fn)(void) = (void (*)(void))proc; /* the generic function pointer type */
    switch (n) {
    case 0: return ((JET_ERR(JET_API *)(void))fn)();
    case 1: return ((JET_ERR(JET_API *)(A))fn)(0);
    case 2: return ((JET_ERR(JET_API *)(A, A))fn)(0, 0);
    case 3: return ((JET_ERR(JET_API *)(A, A, A))fn)(0, 0, 0);
    case 4: return ((JET_ERR(JET_API *)(A, A, A, A))fn)(0, 0, 0, 0);
    case 5: return ((JET_ERR(JET_API *)(A, A, A, A, A))fn)(0, 0, 0, 0, 0);
    case 6: return ((JET_ERR(JET_API *)(A, A, A, A, A, A))fn)(0, 0, 0, 0, 0, 0);
    case 7: return ((JET_ERR(JET_API *)(A, A, A, A, A, A, A))fn)(0, 0, 0, 0, 0, 0, 0);
    case 8: return ((JET_ERR(JET_API *)(A, A, A, A, A, A, A, A))fn)(0, 0, 0, 0, 0, 0, 0, 0);
    case 9: return ((JET_ERR(JET_API *)(A, A, A, A, A, A, A, A, A))fn)(0, 0, 0, 0, 0, 0, 0, 0, 0);
    case 10: return ((JET_ERR(JET_API *)(A, A, A, A, A, A, A, A, A, A))fn)(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
    return 1;
}

TEST(exports_unimplemented_return_feature_not_available)
{
    HMODULE h = esent();
    size_t i;
    int nstubs = 0;

    for (i = 0; i < NEXPORTS; i++) {
        FARPROC fn = GetProcAddress(h, exports[i].name);
        JET_ERR err;
        if (!exports[i].stub || !fn) continue;
        nstubs++;
        err = call_with_zeros(fn, exports[i].argbytes / 4);
        ok(err == JET_errFeatureNotAvailable, "%s: expected JET_errFeatureNotAvailable, got %ld",
           exports[i].name, (long)err);
        /* A second call behaves the same (the FIXME is reported only once). */
        err = call_with_zeros(fn, exports[i].argbytes / 4);
        ok(err == JET_errFeatureNotAvailable, "%s (2nd call): got %ld", exports[i].name, (long)err);
    }
    printf("exports: %d of %u exports are not implemented yet\n", nstubs, (unsigned)NEXPORTS);
}
