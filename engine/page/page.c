/*
 * page.c - checksums and validity of page images (see page.h).
 */
#include "page.h"

#include "crc32c.h"
#include "esent.h"

void page_seal(uint8_t *page, uint32_t page_size)
{
    put_u32(page + PAGE_OFF_CHECKSUM, crc32c(0, page + 4, page_size - 4));
}

void page_hole(const uint8_t *page, uint32_t page_size, uint32_t *off, uint32_t *len)
{
    uint32_t lo, top;

    *off = PAGE_HDR_SIZE;
    *len = 0;
    switch (page[PAGE_OFF_TYPE]) {
    case PAGE_TYPE_FREE:
        *len = page_size - PAGE_HDR_SIZE;
        return;
    case PAGE_TYPE_LEAF:
    case PAGE_TYPE_BRANCH:
        lo = PAGE_HDR_SIZE + 2u * get_u16(page + PAGE_OFF_NSLOTS);
        top = get_u16(page + PAGE_OFF_CELL_TOP);
        if (top == 0) top = page_size;
        if (lo <= top && top <= page_size) {
            *off = lo;
            *len = top - lo;
        }
        return;
    default:
        return;
    }
}

int page_is_zero(const uint8_t *page, uint32_t page_size)
{
    uint32_t i;
    for (i = 0; i < page_size; i++)
        if (page[i]) return 0;
    return 1;
}

int page_verify(const uint8_t *page, uint32_t page_size, uint32_t pgno)
{
    if (get_u32(page + PAGE_OFF_CHECKSUM) != crc32c(0, page + 4, page_size - 4))
        return JET_errReadVerifyFailure;
    if (get_u32(page + PAGE_OFF_PGNO) != pgno) return JET_errReadVerifyFailure;
    return 0;
}

int page_size_valid(uint32_t n)
{
    return n == 4096 || n == 8192 || n == 16384 || n == 32768;
}
