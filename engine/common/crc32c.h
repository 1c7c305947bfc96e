/*
 * crc32c.h - CRC-32C (Castagnoli), the checksum of every database page and
 * log record.  Written here rather than taken from a library: Debian's
 * mingw-w64 toolchain ships no zlib for the DLL by default, zlib's crc32 is
 * the weaker IEEE polynomial, and a table-driven CRC-32C is forty lines.
 * On x86 with SSE4.2 the crc32 instruction does the work (chosen at run
 * time, so the DLLs still run on older CPUs).
 */
#ifndef ESENT_CRC32C_H
#define ESENT_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/* Extends crc (start with 0) over n bytes.  Uses the CPU's crc32
 * instruction when there is one (x86 with SSE4.2), else tables. */
uint32_t crc32c(uint32_t crc, const void *data, size_t n);

/* The two implementations, for tests: identical results for every input.
 * crc32c_hw falls back to crc32c_sw when crc32c_hw_available() is 0. */
uint32_t crc32c_sw(uint32_t crc, const void *data, size_t n);
uint32_t crc32c_hw(uint32_t crc, const void *data, size_t n);
int crc32c_hw_available(void);

#endif
