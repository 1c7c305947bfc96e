/*
 * unit.h - the native Check unit tests.  Each file defines one or more
 * suites as "Suite *name_suite(void)" at the start of a line; the build
 * collects them (build/gen/unit-suites.h) and main.c runs them all.
 */
#ifndef ESENT_UNIT_H
#define ESENT_UNIT_H

#include <check.h>

#define SUITE(name) Suite *name##_suite(void);
#include "unit-suites.h"
#undef SUITE

/* A fresh, empty scratch directory for one test (under $TMPDIR). */
const char *unit_tmpdir(void);

/* The integrity check of a closed database file (the fuzz target's reader,
 * tests/fuzz/dbfile_check.h): every tree the catalog names verified, the
 * space accounting, every record, long value and index key read.  Fails
 * the test with the JET_err met. */
void unit_check_dbfile(const char *path);

/* The seed for randomized tests: $UNIT_SEED if set, else time-based; each
 * test that uses it prints it, so a failure can be replayed. */
unsigned long long unit_seed(void);

/* A store configuration for tests on vfs: 4 KiB pages, a small cache and
 * small log files (log_kib) so that checkpoints and log rolls happen often. */
struct store_config;
struct os_vfs;
void unit_store_config(struct store_config *c, struct os_vfs *vfs, unsigned log_kib);

/* Check records every passing ck_assert_* (a write per call), which
 * dominates tests making millions of checks; REQUIRE* reach Check only
 * when they fail, for hot loops. */
#define REQUIRE(c) \
    do { \
        if (!(c)) ck_abort_msg("Assertion '%s' failed", #c); \
    } while (0)
#define REQUIRE_CMP(a, op, b) \
    do { \
        long long a_ = (long long)(a), b_ = (long long)(b); \
        if (!(a_ op b_)) \
            ck_abort_msg("Assertion '%s %s %s' failed: %lld, %lld", #a, #op, #b, a_, b_); \
    } while (0)
#define REQUIRE_EQ(a, b) REQUIRE_CMP(a, ==, b)
#define REQUIRE_GE(a, b) REQUIRE_CMP(a, >=, b)
#define REQUIRE_LE(a, b) REQUIRE_CMP(a, <=, b)
#define REQUIRE_GT(a, b) REQUIRE_CMP(a, >, b)
#define REQUIRE_LT(a, b) REQUIRE_CMP(a, <, b)

#endif
