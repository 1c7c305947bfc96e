/*
 * main.c - runs every Check suite of the native unit tests and ends with
 * the line "unit: N passed, N failed" that tools/run-tests.sh reads.
 * Suites run in forked processes (Check's default), so a crash fails one
 * test, not the run.
 * Arguments, if given, name the suites to run.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <ftw.h>
#include <sys/stat.h>

#include "dbfile_check.h"
#include "unit.h"

static const struct {
    const char *name;
    Suite *(*make)(void);
} suites[] = {
#define SUITE(name) { #name, name##_suite },
#include "unit-suites.h"
#undef SUITE
};

unsigned long long unit_seed(void)
{
    static unsigned long long seed;
    if (!seed) {
        const char *s = getenv("UNIT_SEED");
        seed = s && *s ? strtoull(s, NULL, 0) : (unsigned long long)time(NULL) * 2654435761u;
        if (!seed) seed = 1;
    }
    return seed;
}

/* The run's scratch folder: every unit_tmpdir() is made inside it (also
 * by the forked test processes), and main removes it after a run without
 * failures, or names it so that a failure's files can be looked at. */
static char run_dir[4096];

const char *unit_tmpdir(void)
{
    static char path[4096 + 16];
    snprintf(path, sizeof(path), "%s/t-XXXXXX", run_dir);
    if (!run_dir[0] || !mkdtemp(path)) {
        perror("mkdtemp");
        abort();
    }
    return path;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path) ? -1 : 0;
}

void unit_check_dbfile(const char *path)
{
    FILE *f = fopen(path, "rb");
    uint8_t *data = NULL;
    long size;
    int err;

    ck_assert_msg(f != NULL, "cannot open %s", path);
    ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
    size = ftell(f);
    ck_assert_int_gt(size, 0);
    rewind(f);
    ck_assert_ptr_nonnull(data = malloc((size_t)size));
    ck_assert_uint_eq(fread(data, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    err = dbfile_check(data, (size_t)size, DBFILE_RAW);
    free(data);
    ck_assert_msg(err == 0, "%s: the integrity check gives %d", path, err);
}

int main(int argc, char **argv)
{
    SRunner *runner = NULL;
    size_t i;
    int run, failed;

    for (i = 0; i < sizeof(suites) / sizeof(suites[0]); i++) {
        int wanted = argc < 2;
        for (int a = 1; a < argc; a++) wanted |= !strcmp(argv[a], suites[i].name);
        if (!wanted) continue;
        if (!runner) runner = srunner_create(suites[i].make());
        else srunner_add_suite(runner, suites[i].make());
    }
    if (!runner) {
        fprintf(stderr, "no such suite\n");
        return 2;
    }
    {
        const char *base = getenv("TMPDIR");
        snprintf(run_dir, sizeof(run_dir), "%s/esent-unit-XXXXXX", base && *base ? base : "/tmp");
        if (!mkdtemp(run_dir)) {
            perror("mkdtemp");
            return 2;
        }
    }
    srunner_run_all(runner, CK_NORMAL);
    run = srunner_ntests_run(runner);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    if (failed)
        printf("unit: the failed tests' files are in %s\n", run_dir);
    else if (nftw(run_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS))
        perror(run_dir);
    printf("unit: %d passed, %d failed\n", run - failed, failed);
    return failed ? 1 : 0;
}
