/*
 * test_node.c - the cells of one B-tree page (engine/btree/node.c) on
 * plain buffers: search, insert, remove, replace, compaction, free-space
 * accounting, cell sequences and their cuts, separators, and damaged pages
 * that must give JET_errDatabaseCorrupted instead of a stray read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esent.h"
#include "node.h"
#include "unit.h"

static const uint32_t page_sizes[] = { 4096, 8192, 16384, 32768 };

static uint8_t pg[PAGE_SIZE_MAX], tmp[PAGE_SIZE_MAX], map[PAGE_SIZE_MAX];

static struct node_item leaf_item(const void *key, uint32_t klen, const void *val, uint32_t vlen)
{
    struct node_item it = { 0 };
    it.key = key;
    it.klen = klen;
    it.val = val;
    it.vlen = vlen;
    return it;
}

static struct node_item branch_item(const void *key, uint32_t klen, uint32_t child)
{
    struct node_item it = { 0 };
    it.key = key;
    it.klen = klen;
    it.child = child;
    return it;
}

static void new_page(uint32_t psize, int type, unsigned level)
{
    memset(pg, 0xA5, sizeof(pg)); /* stale bytes must not matter */
    put_u32(pg + PAGE_OFF_PGNO, 7);
    node_init(pg, psize, type, level, 7);
}

/* Inserts key "k%05u" with a value of vlen bytes of (i & 0xff). */
static void put_numbered(uint32_t psize, uint32_t i, uint32_t vlen)
{
    char key[16];
    uint8_t val[4096];
    struct node_item it;
    uint32_t pos;
    int exact;

    snprintf(key, sizeof(key), "k%05u", i);
    memset(val, (int)(i & 0xff), vlen);
    it = leaf_item(key, (uint32_t)strlen(key), val, vlen);
    REQUIRE_EQ(node_search(pg, psize, it.key, it.klen, &pos, &exact), 0);
    REQUIRE(!exact);
    node_insert(pg, psize, pos, &it);
}

START_TEST(keycmp_order)
{
    REQUIRE_LT(node_keycmp((const uint8_t *)"ab", 2, (const uint8_t *)"abc", 3), 0);
    REQUIRE_GT(node_keycmp((const uint8_t *)"abc", 3, (const uint8_t *)"ab", 2), 0);
    REQUIRE_LT(node_keycmp((const uint8_t *)"abc", 3, (const uint8_t *)"abd", 3), 0);
    REQUIRE_EQ(node_keycmp((const uint8_t *)"abc", 3, (const uint8_t *)"abc", 3), 0);
    REQUIRE_LT(node_keycmp(NULL, 0, (const uint8_t *)"", 1), 0);
    REQUIRE_EQ(node_keycmp(NULL, 0, NULL, 0), 0);
    /* Bytes compare unsigned. */
    REQUIRE_GT(node_keycmp((const uint8_t *)"\xff", 1, (const uint8_t *)"\x01\x02", 2), 0);
}
END_TEST

START_TEST(limits)
{
    /* Twice ESE's largest index key: an index key and a primary
     * bookmark, both at their maximum, make one secondary entry key. */
    REQUIRE_EQ(node_key_max(4096), 2000);
    REQUIRE_EQ(node_key_max(8192), 4000);
    REQUIRE_EQ(node_key_max(32768), 4000);
    for (unsigned s = 0; s < 4; s++) {
        uint32_t psize = page_sizes[s];
        uint32_t cell = node_cell_max(psize) + NODE_LEAF_HDR + NODE_SLOT_SIZE;
        /* Two largest cells fit in a page, and a branch cell with the
         * largest key fits twice as well. */
        REQUIRE_LE(2 * cell, node_usable(psize));
        REQUIRE_LE(2 * (NODE_BRANCH_HDR + node_key_max(psize) + NODE_SLOT_SIZE),
                   node_usable(psize));
        REQUIRE_GE(node_cell_max(psize), node_key_max(psize));
        /* A secondary entry: the largest key and its 2-byte value. */
        REQUIRE_GE(node_cell_max(psize), node_key_max(psize) + 2);
    }
}
END_TEST

START_TEST(insert_search_get)
{
    uint32_t psize = page_sizes[_i], n = 0, i, pos;
    struct node_item it;
    char key[16];
    int exact;

    new_page(psize, PAGE_TYPE_LEAF, 0);
    REQUIRE_EQ(node_check_header(pg, psize), 0);
    REQUIRE_EQ(node_free(pg), node_usable(psize));
    REQUIRE_EQ(node_search(pg, psize, (const uint8_t *)"x", 1, &pos, &exact), 0);
    REQUIRE_EQ(pos, 0);
    REQUIRE(!exact);
    /* Even numbers, inserted in a scrambled order, until the page is full. */
    for (i = 0; node_gap(pg) >= NODE_LEAF_HDR + 6 + 10 + NODE_SLOT_SIZE; i++) {
        put_numbered(psize, ((i * 7919) % 4000) * 2, 10);
        n++;
    }
    REQUIRE_EQ(node_count(pg), n);
    REQUIRE_EQ(node_used(pg, psize), n * (NODE_LEAF_HDR + 6 + 10 + NODE_SLOT_SIZE));
    REQUIRE_EQ(node_check_cells(pg, psize, map), 0);
    /* Every key is found; odd keys are not, and land between neighbours. */
    for (i = 0; i < n; i++) {
        REQUIRE_EQ(node_get(pg, psize, i, &it), 0);
        REQUIRE_EQ(node_search(pg, psize, it.key, it.klen, &pos, &exact), 0);
        REQUIRE(exact);
        REQUIRE_EQ(pos, i);
        REQUIRE_EQ(it.vlen, 10);
        memcpy(key, it.key, 6);
        key[6] = 0;
        snprintf(key, sizeof(key), "k%05u", (unsigned)atoi(key + 1) + 1);
        REQUIRE_EQ(node_search(pg, psize, (const uint8_t *)key, 6, &pos, &exact), 0);
        REQUIRE(!exact);
        REQUIRE_EQ(pos, i + 1);
    }
}
END_TEST

START_TEST(remove_replace_compact)
{
    uint32_t psize = page_sizes[_i], i, n, before;
    uint8_t big[600];
    struct node_item it, got;

    new_page(psize, PAGE_TYPE_LEAF, 0);
    for (i = 0; i < 40; i++) put_numbered(psize, i, 50);
    before = node_free(pg);
    /* Removing the lowest cell gives the gap back; others become holes. */
    REQUIRE_EQ(node_remove(pg, psize, 39), 0); /* inserted last: lowest */
    REQUIRE_EQ(get_u16(pg + PAGE_OFF_FRAG), 0);
    REQUIRE_EQ(node_remove(pg, psize, 0), 0);
    REQUIRE_EQ(get_u16(pg + PAGE_OFF_FRAG), NODE_LEAF_HDR + 6 + 50);
    REQUIRE_EQ(node_free(pg), before + 2 * (NODE_LEAF_HDR + 6 + 50 + NODE_SLOT_SIZE));
    REQUIRE_EQ(node_check_cells(pg, psize, map), 0);

    /* Shrinking in place leaves a hole; growing moves the cell into the gap. */
    REQUIRE_EQ(node_get(pg, psize, 5, &it), 0);
    got = leaf_item(it.key, it.klen, "xyz", 3);
    before = node_free(pg);
    REQUIRE_EQ(node_replace(pg, psize, 5, &got), 0);
    REQUIRE_EQ(node_free(pg), before + 47);
    REQUIRE_EQ(node_check_cells(pg, psize, map), 0);
    memset(big, 'B', sizeof(big));
    REQUIRE_EQ(node_get(pg, psize, 5, &it), 0);
    got = leaf_item(it.key, it.klen, big, sizeof(big));
    REQUIRE_EQ(node_replace(pg, psize, 5, &got), 0);
    REQUIRE_EQ(node_check_cells(pg, psize, map), 0);
    REQUIRE_EQ(node_get(pg, psize, 5, &it), 0);
    REQUIRE_EQ(it.vlen, sizeof(big));
    REQUIRE_EQ(memcmp(it.val, big, sizeof(big)), 0);
    REQUIRE_EQ(memcmp(it.key, "k00006", 6), 0);

    /* Compaction: same cells, no holes. */
    n = node_count(pg);
    before = node_free(pg);
    REQUIRE_GT(get_u16(pg + PAGE_OFF_FRAG), 0);
    REQUIRE_EQ(node_compact(pg, psize, tmp), 0);
    REQUIRE_EQ(get_u16(pg + PAGE_OFF_FRAG), 0);
    REQUIRE_EQ(node_gap(pg), before);
    REQUIRE_EQ(node_count(pg), n);
    REQUIRE_EQ(node_check_cells(pg, psize, map), 0);
    for (i = 0; i < n; i++) {
        REQUIRE_EQ(node_get(pg, psize, i, &it), 0);
        if (i != 5) REQUIRE_EQ(it.vlen, 50);
    }
    /* Removing everything resets the page. */
    while (node_count(pg)) REQUIRE_EQ(node_remove(pg, psize, node_count(pg) / 2), 0);
    REQUIRE_EQ(node_gap(pg), node_usable(psize));
    REQUIRE_EQ(get_u16(pg + PAGE_OFF_FRAG), 0);
}
END_TEST

/* Random inserts, removes and replaces against an array model. */
START_TEST(random_against_model)
{
    uint32_t psize = page_sizes[_i];
    unsigned long long seed = unit_seed() + _i;
    static uint32_t model_key[8192], model_vlen[8192];
    uint32_t n = 0, op, j, pos;
    uint8_t val[800];
    struct node_item it;
    int exact;

    printf("node random_against_model: page %u, UNIT_SEED=%llu\n", psize, unit_seed());
    fflush(stdout);
    srand((unsigned)seed);
    new_page(psize, PAGE_TYPE_LEAF, 0);
    for (op = 0; op < 20000; op++) {
        uint32_t k = (uint32_t)rand() % 3000, vlen = (uint32_t)rand() % 200, size;
        uint8_t key[4];
        put_be32(key, k * 2654435761u);
        memset(val, key[3], vlen);
        it = leaf_item(key, 4, val, vlen);
        size = node_item_size(1, &it);
        REQUIRE_EQ(node_search(pg, psize, key, 4, &pos, &exact), 0);
        /* the model is sorted like the page */
        for (j = 0; j < n && model_key[j] < get_be32(key); j++) continue;
        REQUIRE_EQ(pos, j);
        REQUIRE_EQ(exact, j < n && model_key[j] == get_be32(key));
        if (exact && rand() % 2) {
            REQUIRE_EQ(node_remove(pg, psize, pos), 0);
            memmove(model_key + j, model_key + j + 1, (n - j - 1) * 4);
            memmove(model_vlen + j, model_vlen + j + 1, (n - j - 1) * 4);
            n--;
        } else if (exact) {
            REQUIRE_EQ(node_get(pg, psize, pos, &it), 0);
            if (vlen > it.vlen && node_gap(pg) < size) {
                if (node_free(pg) < size) continue;
                REQUIRE_EQ(node_compact(pg, psize, tmp), 0);
            }
            it = leaf_item(key, 4, val, vlen);
            REQUIRE_EQ(node_replace(pg, psize, pos, &it), 0);
            model_vlen[j] = vlen;
        } else {
            if (node_free(pg) < size + NODE_SLOT_SIZE) continue;
            if (node_gap(pg) < size + NODE_SLOT_SIZE) REQUIRE_EQ(node_compact(pg, psize, tmp), 0);
            node_insert(pg, psize, pos, &it);
            memmove(model_key + j + 1, model_key + j, (n - j) * 4);
            memmove(model_vlen + j + 1, model_vlen + j, (n - j) * 4);
            model_key[j] = get_be32(key);
            model_vlen[j] = vlen;
            n++;
        }
        if (op % 97 == 0) {
            REQUIRE_EQ(node_check_cells(pg, psize, map), 0);
            REQUIRE_EQ(node_count(pg), n);
            for (j = 0; j < n; j++) {
                REQUIRE_EQ(node_get(pg, psize, j, &it), 0);
                REQUIRE_EQ(get_be32(it.key), model_key[j]);
                REQUIRE_EQ(it.vlen, model_vlen[j]);
                if (it.vlen) REQUIRE_EQ(it.val[0], model_key[j] & 0xff);
            }
        }
    }
    REQUIRE_EQ(node_check_cells(pg, psize, map), 0);
}
END_TEST

START_TEST(branch_cells)
{
    uint32_t psize = 4096, child, pos;
    struct node_item it;
    int exact;

    new_page(psize, PAGE_TYPE_BRANCH, 1);
    it = branch_item("m", 1, 10);
    node_insert(pg, psize, 0, &it);
    it = branch_item("t", 1, 11);
    node_insert(pg, psize, 1, &it);
    node_set_next(pg, 12);
    REQUIRE_EQ(node_check_cells(pg, psize, map), 0);
    REQUIRE_EQ(node_child(pg, psize, 0, &child), 0);
    REQUIRE_EQ(child, 10);
    REQUIRE_EQ(node_child(pg, psize, 2, &child), 0);
    REQUIRE_EQ(child, 12);
    REQUIRE_EQ(node_set_child(pg, psize, 1, 21), 0);
    REQUIRE_EQ(node_set_child(pg, psize, 2, 22), 0);
    REQUIRE_EQ(node_child(pg, psize, 1, &child), 0);
    REQUIRE_EQ(child, 21);
    REQUIRE_EQ(node_next(pg), 22);
    REQUIRE_EQ(node_search(pg, psize, (const uint8_t *)"t", 1, &pos, &exact), 0);
    REQUIRE(exact && pos == 1);
    REQUIRE_EQ(node_get(pg, psize, 1, &it), 0);
    REQUIRE_EQ(it.klen, 1);
    REQUIRE_EQ(it.child, 21);
    REQUIRE_EQ(node_used(pg, psize), 2 * (NODE_BRANCH_HDR + 1 + NODE_SLOT_SIZE));
}
END_TEST

START_TEST(separators)
{
    REQUIRE_EQ(node_separator_len((const uint8_t *)"abc", 3, (const uint8_t *)"abd", 3), 3);
    REQUIRE_EQ(node_separator_len((const uint8_t *)"apple", 5, (const uint8_t *)"banana", 6), 1);
    /* left a prefix of right: one byte past it */
    REQUIRE_EQ(node_separator_len((const uint8_t *)"ab", 2, (const uint8_t *)"abxyz", 5), 3);
    REQUIRE_EQ(node_separator_len(NULL, 0, (const uint8_t *)"q", 1), 1);
    /* Damaged order is clamped, never past the right key. */
    REQUIRE_EQ(node_separator_len((const uint8_t *)"abc", 3, (const uint8_t *)"ab", 2), 2);
}
END_TEST

/* Cuts of sequences: every cut fits, balanced cuts are balanced, hints
 * give full pages. */
START_TEST(sequence_cuts)
{
    uint32_t psize = page_sizes[_i], usable = node_usable(psize), n, k, l, r, j, bytes;
    static uint8_t full[PAGE_SIZE_MAX], half[PAGE_SIZE_MAX];
    uint8_t val[PAGE_SIZE_MAX / 2];
    struct node_item extra, it;
    struct node_seq s;

    memset(val, 'v', sizeof(val));
    new_page(psize, PAGE_TYPE_LEAF, 0);
    for (n = 0; node_gap(pg) >= NODE_LEAF_HDR + 6 + 100 + NODE_SLOT_SIZE; n++)
        put_numbered(psize, n * 2, 100);
    memcpy(full, pg, psize);
    /* A new last item that does not fit. */
    extra = leaf_item("k99999", 6, val, 100);
    node_seq_init(&s, psize, 1);
    node_seq_cells(&s, full, 0, n);
    node_seq_item(&s, &extra);
    REQUIRE_EQ(node_seq_check(&s, &bytes), 0);
    REQUIRE_GT(bytes, usable);
    k = node_seq_split(&s, NODE_SPLIT_APPEND);
    REQUIRE_EQ(k, n);
    k = node_seq_split(&s, NODE_SPLIT_PREPEND);
    REQUIRE_EQ(k, 1);
    k = node_seq_split(&s, NODE_SPLIT_BALANCED);
    REQUIRE(k + 2 >= (n + 1) / 2 && k <= (n + 1) / 2 + 2);
    /* Build both halves and check them. */
    new_page(psize, PAGE_TYPE_LEAF, 0);
    node_seq_build(pg, &s, 0, k);
    REQUIRE_EQ(node_check_cells(pg, psize, map), 0);
    memcpy(half, pg, psize);
    new_page(psize, PAGE_TYPE_LEAF, 0);
    node_seq_build(pg, &s, k, s.count);
    REQUIRE_EQ(node_check_cells(pg, psize, map), 0);
    REQUIRE_EQ(node_count(half) + node_count(pg), n + 1);
    REQUIRE_EQ(node_get(pg, psize, node_count(pg) - 1, &it), 0);
    REQUIRE_EQ(memcmp(it.key, "k99999", 6), 0);

    /* Big cells: the worst case for a cut, any two must fit. */
    new_page(psize, PAGE_TYPE_LEAF, 0);
    for (j = 0; j < 2; j++) {
        char key[8];
        snprintf(key, sizeof(key), "b%u", j);
        it = leaf_item(key, 2, val, node_cell_max(psize) - 2);
        node_insert(pg, psize, j, &it);
    }
    REQUIRE_EQ(node_gap(pg), 0);
    extra = leaf_item("b0x", 3, val, node_cell_max(psize) - 3);
    node_seq_init(&s, psize, 1);
    node_seq_cells(&s, pg, 0, 1);
    node_seq_item(&s, &extra);
    node_seq_cells(&s, pg, 1, 1);
    REQUIRE_EQ(node_seq_check(&s, &bytes), 0);
    k = node_seq_split(&s, NODE_SPLIT_BALANCED);
    REQUIRE(k == 1 || k == 2);
    node_seq_at(&s, 1, &it);
    REQUIRE_EQ(memcmp(it.key, "b0x", 3), 0);

    /* Branch: the middle item goes up; both sides keep at least one. */
    new_page(psize, PAGE_TYPE_BRANCH, 1);
    for (n = 0; node_gap(pg) >= NODE_BRANCH_HDR + 300 + NODE_SLOT_SIZE; n++) {
        char key[300];
        memset(key, 'a', sizeof(key));
        snprintf(key, 8, "%06u", n);
        it = branch_item(key, 300, 100 + n);
        node_insert(pg, psize, n, &it);
    }
    extra = branch_item(val, 300, 999);
    node_seq_init(&s, psize, 0);
    node_seq_cells(&s, pg, 0, n);
    node_seq_item(&s, &extra);
    REQUIRE_EQ(node_seq_check(&s, &bytes), 0);
    for (j = 0; j < 3; j++) {
        k = node_seq_split(&s, (int)j);
        REQUIRE_GE(k, 1);
        REQUIRE_LE(k, s.count - 2);
        l = r = 0;
        for (uint32_t x = 0; x < s.count; x++) {
            if (x < k) l += node_seq_size(&s, x);
            else if (x > k) r += node_seq_size(&s, x);
        }
        REQUIRE_LE(l, usable);
        REQUIRE_LE(r, usable);
    }
    REQUIRE_EQ(node_seq_split(&s, NODE_SPLIT_APPEND), s.count - 2);
    REQUIRE_EQ(node_seq_split(&s, NODE_SPLIT_PREPEND), 1);
}
END_TEST

/* Damage: each must be reported, never read past. */
START_TEST(damaged_pages)
{
    uint32_t psize = 4096, pos, child;
    struct node_item it;
    struct node_seq s;
    uint32_t bytes;
    int exact, i;

    new_page(psize, PAGE_TYPE_LEAF, 0);
    for (i = 0; i < 10; i++) put_numbered(psize, (uint32_t)i, 20);
    memcpy(tmp, pg, psize);

    /* Header fields. */
    pg[PAGE_OFF_TYPE] = 9;
    REQUIRE_EQ(node_check_header(pg, psize), JET_errDatabaseCorrupted);
    memcpy(pg, tmp, psize);
    pg[PAGE_OFF_LEVEL] = 1;
    REQUIRE_EQ(node_check_header(pg, psize), JET_errDatabaseCorrupted);
    memcpy(pg, tmp, psize);
    put_u16(pg + PAGE_OFF_NSLOTS, 3000);
    REQUIRE_EQ(node_check_header(pg, psize), JET_errDatabaseCorrupted);
    memcpy(pg, tmp, psize);
    put_u16(pg + PAGE_OFF_CELL_TOP, 5000);
    REQUIRE_EQ(node_check_header(pg, psize), JET_errDatabaseCorrupted);
    memcpy(pg, tmp, psize);
    put_u16(pg + PAGE_OFF_FRAG, 4000);
    REQUIRE_EQ(node_check_header(pg, psize), JET_errDatabaseCorrupted);
    memcpy(pg, tmp, psize);
    REQUIRE_EQ(node_check_header(pg, psize), 0);

    /* A slot pointing below cell_top, past the end, or a length running
     * past the end. */
    put_u16(pg + PAGE_HDR_SIZE + 2 * 4, 60);
    REQUIRE_EQ(node_get(pg, psize, 4, &it), JET_errDatabaseCorrupted);
    REQUIRE_EQ(node_search(pg, psize, (const uint8_t *)"k00004", 6, &pos, &exact),
                     JET_errDatabaseCorrupted);
    REQUIRE_EQ(node_compact(pg, psize, map), JET_errDatabaseCorrupted);
    REQUIRE_EQ(memcmp(pg + 100, tmp + 100, psize - 100), 0); /* untouched */
    REQUIRE_EQ(node_remove(pg, psize, 4), JET_errDatabaseCorrupted);
    put_u16(pg + PAGE_HDR_SIZE + 2 * 4, 4094);
    REQUIRE_EQ(node_get(pg, psize, 4, &it), JET_errDatabaseCorrupted);
    memcpy(pg, tmp, psize);
    put_u16(pg + get_u16(pg + PAGE_HDR_SIZE + 2 * 4), 900); /* klen */
    REQUIRE_EQ(node_get(pg, psize, 4, &it), JET_errDatabaseCorrupted);
    node_seq_init(&s, psize, 1);
    node_seq_cells(&s, pg, 0, 10);
    REQUIRE_EQ(node_seq_check(&s, &bytes), JET_errDatabaseCorrupted);
    memcpy(pg, tmp, psize);
    put_u16(pg + get_u16(pg + PAGE_HDR_SIZE + 2 * 4) + 2, 60000); /* vlen */
    REQUIRE_EQ(node_get(pg, psize, 4, &it), JET_errDatabaseCorrupted);
    REQUIRE_EQ(node_check_cells(pg, psize, map), JET_errDatabaseCorrupted);

    /* Found only by the full check: overlap, accounting, order. */
    memcpy(pg, tmp, psize);
    put_u16(pg + PAGE_HDR_SIZE + 2 * 4, get_u16(pg + PAGE_HDR_SIZE + 2 * 5));
    REQUIRE_EQ(node_check_cells(pg, psize, map), JET_errDatabaseCorrupted);
    memcpy(pg, tmp, psize);
    put_u16(pg + PAGE_OFF_FRAG, 2);
    REQUIRE_EQ(node_check_cells(pg, psize, map), JET_errDatabaseCorrupted);
    memcpy(pg, tmp, psize);
    put_u16(pg + PAGE_HDR_SIZE + 2 * 4, get_u16(tmp + PAGE_HDR_SIZE + 2 * 5));
    put_u16(pg + PAGE_HDR_SIZE + 2 * 5, get_u16(tmp + PAGE_HDR_SIZE + 2 * 4));
    REQUIRE_EQ(node_check_cells(pg, psize, map), JET_errDatabaseCorrupted);
    memcpy(pg, tmp, psize);
    REQUIRE_EQ(node_check_cells(pg, psize, map), 0);

    /* Branch cells too. */
    new_page(psize, PAGE_TYPE_BRANCH, 2);
    it = branch_item("m", 1, 10);
    node_insert(pg, psize, 0, &it);
    put_u16(pg + get_u16(pg + PAGE_HDR_SIZE) + 4, 200);
    REQUIRE_EQ(node_child(pg, psize, 0, &child), JET_errDatabaseCorrupted);
    REQUIRE_EQ(node_set_child(pg, psize, 0, 5), JET_errDatabaseCorrupted);
}
END_TEST

Suite *node_suite(void)
{
    Suite *s = suite_create("node");
    TCase *tc = tcase_create("node");
    tcase_add_test(tc, keycmp_order);
    tcase_add_test(tc, limits);
    tcase_add_loop_test(tc, insert_search_get, 0, 4);
    tcase_add_loop_test(tc, remove_replace_compact, 0, 4);
    tcase_add_loop_test(tc, random_against_model, 0, 4);
    tcase_add_test(tc, branch_cells);
    tcase_add_test(tc, separators);
    tcase_add_loop_test(tc, sequence_cuts, 0, 4);
    tcase_add_test(tc, damaged_pages);
    suite_add_tcase(s, tc);
    return s;
}
