/*
 * test.h - the conformance test harness: Windows programs, run under Wine
 * (or on real Windows) against our esent.dll.
 *
 * A test file defines tests with TEST(name) { ... } at the start of a line;
 * the build collects them (a sed over the sources) into one program per
 * architecture, so a single Wine start runs them all.  Checks are Wine-style:
 * one ok() per fact, and every failure prints file:line with the expected
 * and the actual value.  The run ends with "conformance: N passed, N failed".
 * Arguments, if any, name the tests to run.
 */
#ifndef ESENT_CONFORMANCE_TEST_H
#define ESENT_CONFORMANCE_TEST_H

#include <stdio.h>

#include "esent.h"

#define TEST(name) void test_##name(void)

/* Records one check; prints the message (printf-style) when it failed. */
void test_check(int cond, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#define ok(cond, ...) test_check(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* expect_err(JET_errFoo, JetCall(...)): the call returns exactly that code. */
#define expect_err(expected, expr) \
    do { \
        JET_ERR expect_got_ = (expr); \
        test_check(expect_got_ == (JET_ERR)(expected), __FILE__, __LINE__, \
                   "%s: expected %s (%ld), got %ld", #expr, #expected, \
                   (long)(expected), (long)expect_got_); \
    } while (0)

/* Makes the folder dir (ending in a backslash) if needed and deletes the
 * files in it: a fresh scratch folder for one test. */
void test_clean_dir(const char *dir);

/* The name of the test now running, for messages and scratch paths. */
extern const char *test_current;

/* The child side of the crash tests (crash.c): `conformance.exe --child
 * scenario dir` does the scenario's work in dir and ends with
 * TerminateProcess on itself at the crash point. */
int crash_child(const char *scenario, const char *dir);
/* `conformance.exe --child hold dir` (locking.c): holds a database and a
 * log folder in dir until dir\stop exists. */
int locking_child(const char *dir);

#endif
