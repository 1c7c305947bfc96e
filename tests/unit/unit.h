/*
 * unit.h - the native Check unit tests: one suite constructor per file.
 * main.c runs every suite listed here; add a new file's suite to both.
 */
#ifndef ESENT_UNIT_H
#define ESENT_UNIT_H

#include <check.h>

Suite *debug_suite(void);
Suite *os_suite(void);

/* A fresh, empty scratch directory for one test (under $TMPDIR). */
const char *unit_tmpdir(void);

#endif
