/*
 * dbfile_check.h - opens one database file image and reads all of it,
 * for the libFuzzer target (fuzz_dbfile.c) and the unit tests' regression
 * cases (tests/unit/test_corrupt.c), which share this one reader so that
 * a crashing input replays exactly.
 */
#ifndef ESENT_DBFILE_CHECK_H
#define ESENT_DBFILE_CHECK_H

#include <stddef.h>
#include <stdint.h>

/* How dbfile_check treats page checksums. */
enum {
    DBFILE_RAW = 0,   /* the bytes as given: most mutations stop at the CRC */
    DBFILE_RESEAL = 1 /* recompute every page's checksum first, so mutated
                       * pages reach the parsers behind the checksum */
};

/* Writes data as "fuzz.edb" on a fresh in-memory disk, attaches it (the
 * page size taken from its header when valid), verifies every tree the
 * catalog names and the space accounting, and reads every record, every
 * value, every long value and every index key.  Returns 0 if the whole
 * file read cleanly, else the first JET_err met.  It must never crash,
 * assert or leak, whatever the bytes. */
int dbfile_check(const uint8_t *data, size_t size, int mode);

#endif /* ESENT_DBFILE_CHECK_H */
