/*
 * crc32c.h - CRC-32C (Castagnoli), the checksum of every database page and
 * log record.  Written here rather than taken from a library: Debian's
 * mingw-w64 toolchain ships no zlib for the DLL by default, zlib's crc32 is
 * the weaker IEEE polynomial, and a table-driven CRC-32C is forty lines.
 */
#ifndef ESENT_CRC32C_H
#define ESENT_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/* Extends crc (start with 0) over n bytes. */
uint32_t crc32c(uint32_t crc, const void *data, size_t n);

#endif
