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

/* The seed for randomized tests: $UNIT_SEED if set, else time-based; each
 * test that uses it prints it, so a failure can be replayed. */
unsigned long long unit_seed(void);

#endif
