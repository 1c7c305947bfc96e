/*
 * crc32c.c - CRC-32C (see crc32c.h): the SSE4.2 crc32 instruction where the
 * CPU has it, else table-driven, slicing by 8 bytes.
 *
 * The tables are built once, on first use, from the reflected polynomial
 * 0x82F63B78; building is idempotent, so a race only repeats it.
 *
 * On x86 and x86-64 (GCC or Clang) the first call asks the CPU whether it
 * has SSE4.2 and remembers the answer; the hardware path is compiled for
 * SSE4.2 on its own (target attribute), so the rest of the file, and the
 * DLLs, still run on any x86.  The instruction computes the same reflected
 * CRC-32C as the tables (both keep the register inverted between calls), so
 * the two paths give identical results for every input; crc32c_sw and
 * crc32c_hw let the tests check that.  x86-64 takes 8 bytes per
 * instruction, i686 (no 64-bit form) 4.
 *
 * The instruction takes 3 cycles but a new one can start every cycle, so
 * long inputs are cut into three consecutive blocks of LONG (then SHORT)
 * bytes whose CRCs are computed side by side, then combined: the CRC
 * register is linear, so the CRC of A|B is shift(crc(A), |B|) ^ crc(B)
 * where shift(x, n) is the register x after n zero bytes, again a linear
 * map, done by four table lookups (shift_tab, built with the other tables
 * by running the byte table over n zero bytes from each of the 32 single
 * bits).  A 4 KiB page takes five turns of 3 x SHORT and a short tail.
 */
#include <string.h>

#include "crc32c.h"

#define LONG 1024u
#define SHORT 128u

static uint32_t table[8][256];
/* shift_tab[0]: shift by LONG zero bytes, [1]: by SHORT (see above). */
static uint32_t shift_tab[2][4][256];
static int table_ready;

/* The register x after len zero bytes (no inversion: the raw register). */
static uint32_t zeros_slow(uint32_t x, uint32_t len)
{
    while (len--) x = (x >> 8) ^ table[0][x & 0xff];
    return x;
}

static void build_shift(uint32_t t[4][256], uint32_t len)
{
    uint32_t bit[32], i, k, b;
    for (k = 0; k < 32; k++) bit[k] = zeros_slow(1u << k, len);
    for (b = 0; b < 4; b++)
        for (i = 0; i < 256; i++) {
            uint32_t v = 0;
            for (k = 0; k < 8; k++)
                if (i & (1u << k)) v ^= bit[8 * b + k];
            t[b][i] = v;
        }
}

static void build_table(void)
{
    uint32_t i, j, c;
    for (i = 0; i < 256; i++) {
        c = i;
        for (j = 0; j < 8; j++) c = (c >> 1) ^ (0x82F63B78u & (0u - (c & 1u)));
        table[0][i] = c;
    }
    for (i = 0; i < 256; i++)
        for (j = 1; j < 8; j++) table[j][i] = (table[j - 1][i] >> 8) ^ table[0][table[j - 1][i] & 0xff];
    build_shift(shift_tab[0], LONG);
    build_shift(shift_tab[1], SHORT);
    __atomic_store_n(&table_ready, 1, __ATOMIC_RELEASE);
}

static uint32_t shift(const uint32_t t[4][256], uint32_t x)
{
    return t[0][x & 0xff] ^ t[1][(x >> 8) & 0xff] ^ t[2][(x >> 16) & 0xff] ^ t[3][x >> 24];
}

uint32_t crc32c_sw(uint32_t crc, const void *data, size_t n)
{
    const unsigned char *p = data;
    if (!__atomic_load_n(&table_ready, __ATOMIC_ACQUIRE)) build_table();
    crc = ~crc;
    while (n && ((uintptr_t)p & 7)) {
        crc = (crc >> 8) ^ table[0][(crc ^ *p++) & 0xff];
        n--;
    }
    while (n >= 8) {
        uint32_t lo = crc ^ ((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
        crc = table[7][lo & 0xff] ^ table[6][(lo >> 8) & 0xff] ^ table[5][(lo >> 16) & 0xff] ^
              table[4][lo >> 24] ^ table[3][p[4]] ^ table[2][p[5]] ^ table[1][p[6]] ^ table[0][p[7]];
        p += 8;
        n -= 8;
    }
    while (n--) crc = (crc >> 8) ^ table[0][(crc ^ *p++) & 0xff];
    return ~crc;
}

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define CRC32C_HAVE_HW 1

#if defined(__x86_64__)
typedef uint64_t hw_word;
#define HW_STEP(c, w) __builtin_ia32_crc32di((c), (w))
#else
typedef uint32_t hw_word;
#define HW_STEP(c, w) __builtin_ia32_crc32si((c), (w))
#endif

/* Three blocks of len bytes at p, continuing crc; t shifts by len. */
__attribute__((target("sse4.2"))) static uint32_t hw_three(uint32_t crc, const unsigned char *p, uint32_t len,
                                                         const uint32_t t[4][256])
{
    hw_word a = crc, b = 0, c = 0, w0, w1, w2;
    const unsigned char *end = p + len;

    for (; p < end; p += sizeof(hw_word)) {
        memcpy(&w0, p, sizeof(w0));
        memcpy(&w1, p + len, sizeof(w1));
        memcpy(&w2, p + 2 * len, sizeof(w2));
        a = HW_STEP(a, w0);
        b = HW_STEP(b, w1);
        c = HW_STEP(c, w2);
    }
    return shift(t, shift(t, (uint32_t)a) ^ (uint32_t)b) ^ (uint32_t)c;
}

__attribute__((target("sse4.2"))) static uint32_t hw_update(uint32_t crc, const unsigned char *p, size_t n)
{
#if defined(__x86_64__)
    uint64_t c;
    while (n && ((uintptr_t)p & 7)) {
        crc = __builtin_ia32_crc32qi(crc, *p++);
        n--;
    }
    while (n >= 3 * LONG) {
        crc = hw_three(crc, p, LONG, shift_tab[0]);
        p += 3 * LONG;
        n -= 3 * LONG;
    }
    while (n >= 3 * SHORT) {
        crc = hw_three(crc, p, SHORT, shift_tab[1]);
        p += 3 * SHORT;
        n -= 3 * SHORT;
    }
    c = crc;
    /* Four words per turn: one dependency chain, but less loop overhead. */
    while (n >= 32) {
        uint64_t w0, w1, w2, w3;
        memcpy(&w0, p, 8);
        memcpy(&w1, p + 8, 8);
        memcpy(&w2, p + 16, 8);
        memcpy(&w3, p + 24, 8);
        c = __builtin_ia32_crc32di(c, w0);
        c = __builtin_ia32_crc32di(c, w1);
        c = __builtin_ia32_crc32di(c, w2);
        c = __builtin_ia32_crc32di(c, w3);
        p += 32;
        n -= 32;
    }
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        c = __builtin_ia32_crc32di(c, w);
        p += 8;
        n -= 8;
    }
    crc = (uint32_t)c;
#else
    while (n && ((uintptr_t)p & 3)) {
        crc = __builtin_ia32_crc32qi(crc, *p++);
        n--;
    }
    while (n >= 3 * LONG) {
        crc = hw_three(crc, p, LONG, shift_tab[0]);
        p += 3 * LONG;
        n -= 3 * LONG;
    }
    while (n >= 3 * SHORT) {
        crc = hw_three(crc, p, SHORT, shift_tab[1]);
        p += 3 * SHORT;
        n -= 3 * SHORT;
    }
    while (n >= 16) {
        uint32_t w0, w1, w2, w3;
        memcpy(&w0, p, 4);
        memcpy(&w1, p + 4, 4);
        memcpy(&w2, p + 8, 4);
        memcpy(&w3, p + 12, 4);
        crc = __builtin_ia32_crc32si(crc, w0);
        crc = __builtin_ia32_crc32si(crc, w1);
        crc = __builtin_ia32_crc32si(crc, w2);
        crc = __builtin_ia32_crc32si(crc, w3);
        p += 16;
        n -= 16;
    }
    while (n >= 4) {
        uint32_t w;
        memcpy(&w, p, 4);
        crc = __builtin_ia32_crc32si(crc, w);
        p += 4;
        n -= 4;
    }
#endif
    while (n--) crc = __builtin_ia32_crc32qi(crc, *p++);
    return crc;
}

/* 1: SSE4.2 present, -1: absent, 0: not asked yet (asking twice is harmless). */
static int hw_state;

/* Also makes sure the shift tables are built before the first use. */
static int hw_present(void)
{
    int s = __atomic_load_n(&hw_state, __ATOMIC_ACQUIRE);
    if (!s) {
        if (!__atomic_load_n(&table_ready, __ATOMIC_ACQUIRE)) build_table();
        __builtin_cpu_init();
        s = __builtin_cpu_supports("sse4.2") ? 1 : -1;
        __atomic_store_n(&hw_state, s, __ATOMIC_RELEASE);
    }
    return s > 0;
}

int crc32c_hw_available(void)
{
    return hw_present();
}

uint32_t crc32c_hw(uint32_t crc, const void *data, size_t n)
{
    if (!hw_present()) return crc32c_sw(crc, data, n);
    return ~hw_update(~crc, data, n);
}

uint32_t crc32c(uint32_t crc, const void *data, size_t n)
{
    if (hw_present()) return ~hw_update(~crc, data, n);
    return crc32c_sw(crc, data, n);
}

#else

int crc32c_hw_available(void)
{
    return 0;
}

uint32_t crc32c_hw(uint32_t crc, const void *data, size_t n)
{
    return crc32c_sw(crc, data, n);
}

uint32_t crc32c(uint32_t crc, const void *data, size_t n)
{
    return crc32c_sw(crc, data, n);
}

#endif
