/*
 * checkpoint.c - the checkpoint file, <dir><base>.chk.
 *
 * The caller's checkpoint is an opaque blob of at most 3 KiB.  The file
 * holds two slots of LOG_CHK_SLOT_SIZE (4096) bytes, at offsets 0 and 4096:
 *   off size field
 *     0   4  checksum   CRC-32C of bytes [4, 44 + length) of the slot
 *     4   8  magic      "ESENTCHK"
 *    12   4  version    1
 *    16   8  sequence   1, 2, ...: one more than the newest slot's
 *    24   4  length     bytes of blob (<= 3072)
 *    28  16  signature  of the log set the checkpoint belongs to
 *    44 len  blob
 * the rest of the slot is zero.  Slot (sequence & 1) is written, so each
 * write replaces the older slot and leaves the newer one alone, then the
 * file is synced before log_checkpoint_write returns.  A write torn by a
 * crash damages only the slot being written, whose CRC then fails, and
 * reading takes the other one: the previous checkpoint.  Reading takes
 * the valid slot with the higher sequence; no valid slot is
 * JET_errCheckpointCorrupt.  Lengths read from disk are checked before
 * use.  The file has its own mutex, so a checkpoint never waits for a
 * commit.
 */
#include <stdlib.h>
#include <string.h>

#include "crc32c.h"
#include "debug.h"
#include "esent.h"
#include "log_int.h"
#include "page.h"

DEFAULT_DEBUG_CHANNEL(esent);

#define CHK_VERSION 1u
#define CHK_OFF_CHECKSUM 0
#define CHK_OFF_MAGIC 4
#define CHK_OFF_VERSION 12
#define CHK_OFF_SEQ 16
#define CHK_OFF_LEN 24
#define CHK_OFF_SIG 28
#define CHK_OFF_BLOB 44

struct chk_slot {
    int valid;
    uint64_t seq;
    uint32_t len;
    const uint8_t *sig;
    const uint8_t *blob;
};

/* Decodes a slot of which avail bytes could be read. */
static void slot_decode(const uint8_t *s, uint32_t avail, struct chk_slot *out)
{
    uint32_t len;

    memset(out, 0, sizeof(*out));
    if (avail < CHK_OFF_BLOB || memcmp(s + CHK_OFF_MAGIC, LOG_CHK_MAGIC, 8) ||
        get_u32(s + CHK_OFF_VERSION) != CHK_VERSION)
        return;
    len = get_u32(s + CHK_OFF_LEN);
    if (len > LOG_CHK_MAX_BLOB || CHK_OFF_BLOB + len > avail) return;
    if (get_u32(s + CHK_OFF_CHECKSUM) != crc32c(0, s + 4, CHK_OFF_BLOB - 4 + len)) return;
    out->valid = 1;
    out->seq = get_u64(s + CHK_OFF_SEQ);
    out->len = len;
    out->sig = s + CHK_OFF_SIG;
    out->blob = s + CHK_OFF_BLOB;
}

/* chk_mutex held.  Reads both slots into buf (2 slots); *newest gets the
 * index of the newest valid slot or -1.  JET_errCheckpointFileNotFound if
 * there is no file. */
static int slots_read(wal *l, uint8_t *buf, struct chk_slot *slots, int *newest)
{
    uint64_t size;
    os_file *f;
    uint32_t avail;
    int i, r;

    *newest = -1;
    r = os_file_open(l->vfs, l->path_chk, OS_OPEN_READONLY, &f);
    if (r == OS_ENOENT) return JET_errCheckpointFileNotFound;
    if (r) return log_os_err(r);
    r = os_file_size(f, &size);
    for (i = 0; !r && i < 2; i++) {
        uint64_t off = (uint64_t)i * LOG_CHK_SLOT_SIZE;
        avail = size <= off ? 0 : size - off >= LOG_CHK_SLOT_SIZE ? LOG_CHK_SLOT_SIZE : (uint32_t)(size - off);
        if (avail) r = os_file_read(f, off, buf + off, avail);
        if (!r) slot_decode(buf + off, avail, &slots[i]);
    }
    os_file_close(f);
    if (r) return log_os_err(r);
    for (i = 0; i < 2; i++)
        if (slots[i].valid && (*newest < 0 || slots[i].seq > slots[*newest].seq)) *newest = i;
    if (*newest >= 0) {
        l->chk_seq = slots[*newest].seq;
        l->chk_seq_known = 1;
    }
    return 0;
}

int log_checkpoint_write(wal *l, const void *data, uint32_t len)
{
    struct chk_slot slots[2];
    uint8_t *buf;
    os_file *f = NULL;
    uint64_t seq;
    int newest, r, created = 0;

    if (!l || len > LOG_CHK_MAX_BLOB || (len && !data)) return JET_errInvalidParameter;
    if (!(buf = calloc(2, LOG_CHK_SLOT_SIZE))) return JET_errOutOfMemory;
    os_mutex_lock(l->chk_mutex);
    if (!l->chk_seq_known) {
        /* Continue the sequence of whatever file is there (any result but
         * an I/O error leaves a sequence to start from). */
        r = slots_read(l, buf, slots, &newest);
        if (r == JET_errCheckpointFileNotFound) {
            created = 1;
            r = 0;
        }
        if (r) goto done;
        l->chk_seq_known = 1;
        memset(buf, 0, 2 * LOG_CHK_SLOT_SIZE);
    }
    seq = l->chk_seq + 1;
    memcpy(buf + CHK_OFF_MAGIC, LOG_CHK_MAGIC, 8);
    put_u32(buf + CHK_OFF_VERSION, CHK_VERSION);
    put_u64(buf + CHK_OFF_SEQ, seq);
    put_u32(buf + CHK_OFF_LEN, len);
    memcpy(buf + CHK_OFF_SIG, l->sig, 16);
    if (len) memcpy(buf + CHK_OFF_BLOB, data, len);
    put_u32(buf + CHK_OFF_CHECKSUM, crc32c(0, buf + 4, CHK_OFF_BLOB - 4 + len));
    r = os_file_open(l->vfs, l->path_chk, OS_OPEN_CREATE, &f);
    if (!r) r = os_file_write(f, (seq & 1) * LOG_CHK_SLOT_SIZE, buf, LOG_CHK_SLOT_SIZE);
    if (!r) r = os_file_sync(f);
    os_file_close(f);
    /* A new edb.chk: its name must survive a power loss too. */
    if (!r && created) r = os_path_sync_dir(l->vfs, l->path_chk);
    if (r) {
        ERR("cannot write %s (%d)\n", dbgstr_a(l->path_chk), r);
        r = r == OS_ENOSPC ? JET_errDiskFull : log_os_err(r);
        goto done;
    }
    l->chk_seq = seq;
    TRACE("checkpoint %llu written, %u bytes\n", (unsigned long long)seq, len);
done:
    os_mutex_unlock(l->chk_mutex);
    free(buf);
    return r;
}

int log_checkpoint_read(wal *l, void *out, uint32_t bufsize, uint32_t *len)
{
    struct chk_slot slots[2];
    uint8_t *buf;
    int newest, r;

    if (!l || !len || (bufsize && !out)) return JET_errInvalidParameter;
    if (!(buf = calloc(2, LOG_CHK_SLOT_SIZE))) return JET_errOutOfMemory;
    os_mutex_lock(l->chk_mutex);
    r = slots_read(l, buf, slots, &newest);
    os_mutex_unlock(l->chk_mutex);
    if (!r && newest < 0) {
        ERR("%s: no valid checkpoint\n", dbgstr_a(l->path_chk));
        r = JET_errCheckpointCorrupt;
    }
    if (!r && memcmp(slots[newest].sig, l->sig, 16)) {
        ERR("%s belongs to another log set\n", dbgstr_a(l->path_chk));
        r = JET_errBadCheckpointSignature;
    }
    if (!r) {
        *len = slots[newest].len;
        if (slots[newest].len > bufsize) r = JET_errBufferTooSmall;
        else if (slots[newest].len) memcpy(out, slots[newest].blob, slots[newest].len);
    }
    free(buf);
    return r;
}
