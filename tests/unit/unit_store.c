/*
 * unit_store.c - helpers shared by the tests that run a whole store.
 */
#include <string.h>

#include "store.h"
#include "unit.h"

void unit_store_config(struct store_config *c, struct os_vfs *vfs, unsigned log_kib)
{
    memset(c, 0, sizeof(*c));
    c->vfs = vfs;
    c->log_dir = "";
    c->system_dir = "";
    c->basename = "edb";
    c->log_file_size = log_kib * 1024;
    c->log_buffer_size = log_kib * 512;
    c->recovery = 1;
    c->page_size = 4096;
    c->cache_pages = 64;
    c->extend_pages = 16;
    c->checkpoint_bytes = log_kib * 768;
}
