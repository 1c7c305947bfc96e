/*
 * main.c - runs the conformance tests listed in conformance-list.h (made
 * by the build from every TEST(name) line) and prints the summary line.
 * A crash inside a test is caught by an unhandled-exception filter, which
 * reports the test and the exception code and still prints the summary, so
 * a crash is a counted failure, never a silent stop.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

#include "test.h"

#define TEST_ENTRY(name) void test_##name(void);
#include "conformance-list.h"
#undef TEST_ENTRY

static const struct {
    const char *name;
    void (*run)(void);
} tests[] = {
#define TEST_ENTRY(name) { #name, test_##name },
#include "conformance-list.h"
#undef TEST_ENTRY
};

static long passed, failed;
const char *test_current = "(none)";

void test_check(int cond, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    if (cond) {
        passed++;
        return;
    }
    failed++;
    printf("%s:%d: test %s failed: ", file, line, test_current);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
}

void test_clean_dir(const char *dir)
{
    char pattern[MAX_PATH + 8], file[2 * MAX_PATH];
    WIN32_FIND_DATAA fd;
    HANDLE h;

    CreateDirectoryA(dir, NULL);
    snprintf(pattern, sizeof(pattern), "%s*", dir);
    if ((h = FindFirstFileA(pattern, &fd)) != INVALID_HANDLE_VALUE) {
        do {
            snprintf(file, sizeof(file), "%s%s", dir, fd.cFileName);
            DeleteFileA(file);
        } while (FindNextFileA(h, &fd));
        FindClose(h);
    }
}

static LONG WINAPI on_crash(EXCEPTION_POINTERS *ep)
{
    printf("test %s crashed: exception 0x%08lx at %p\n", test_current,
           (unsigned long)ep->ExceptionRecord->ExceptionCode,
           ep->ExceptionRecord->ExceptionAddress);
    printf("conformance: %ld passed, %ld failed\n", passed, failed + 1);
    fflush(stdout);
    ExitProcess(1);
    return EXCEPTION_EXECUTE_HANDLER;
}

int main(int argc, char **argv)
{
    size_t i;
    int a, ran = 0;

    SetUnhandledExceptionFilter(on_crash);
    setvbuf(stdout, NULL, _IONBF, 0);
    /* A child process of a crash test (crash.c): runs until it kills itself. */
    if (argc >= 4 && !strcmp(argv[1], "--child"))
        return !strcmp(argv[2], "hold") ? locking_child(argv[3]) : crash_child(argv[2], argv[3]);
    for (i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
        int wanted = argc < 2;
        long before = failed;
        for (a = 1; a < argc; a++) wanted |= !strcmp(argv[a], tests[i].name);
        if (!wanted) continue;
        test_current = tests[i].name;
        tests[i].run();
        ran++;
        if (failed != before) printf("test %s: %ld failed\n", tests[i].name, failed - before);
    }
    if (!ran) {
        printf("no such test\n");
        return 2;
    }
    printf("conformance: %ld passed, %ld failed\n", passed, failed);
    return failed ? 1 : 0;
}
