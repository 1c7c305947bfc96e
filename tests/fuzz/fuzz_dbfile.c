/*
 * fuzz_dbfile.c - the libFuzzer target over the database file reader
 * (`make fuzz`).  Each input is a database file image; dbfile_check
 * attaches it on the in-memory disk and reads everything in it.  Any
 * JET_err is fine; a crash, an assert, a sanitizer report or a leak is a
 * bug in the engine.  The last byte of the input picks whether page
 * checksums are recomputed first (most inputs: mutations then reach the
 * page, B-tree, catalog and record parsers) or the bytes are taken raw
 * (the checksum and header checks themselves).  The corpus is seeded by
 * fuzz_seed.c (a small real database, with the trailing mode byte).
 */
#include <stddef.h>
#include <stdint.h>

#include "dbfile_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int mode;
    if (size == 0) return 0;
    mode = (data[size - 1] & 0x7) ? DBFILE_RESEAL : DBFILE_RAW;
    (void)dbfile_check(data, size - 1, mode);
    return 0;
}
