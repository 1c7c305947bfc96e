/*
 * os_memvfs.h - an in-memory file system with fault injection, for tests.
 *
 * Files live in memory.  For each file the VFS keeps the durable content
 * (what a sync made permanent) and the list of writes made since the last
 * sync.  Tests use it to run the real engine on a disk that misbehaves:
 *
 *  - Power loss: os_memvfs_power_loss() throws away every unsynced write,
 *    except that, chosen by a seeded generator, each unsynced write may
 *    instead have reached the disk whole, or in part (torn at a 512-byte
 *    sector boundary, keeping any subset of its sectors).  So a test sees
 *    every state a real disk may leave behind, not only "all or nothing".
 *    Creating, renaming and removing files are durable at once, unless
 *    os_memvfs_names_need_sync() asked for a model where they need a
 *    sync of their folder, as on POSIX.
 *  - Locks: OS_OPEN_LOCK handles conflict as flock() locks do (os.h).
 *  - Crash at the Nth operation: os_memvfs_crash_at(n) makes the nth write
 *    or sync from now (1-based) and everything after it fail with OS_EIO
 *    (the "process" is dead), so a sweep over n stops a workload at every
 *    I/O; then power_loss() and reopen to recover.
 *  - I/O faults: os_memvfs_fail_at(n, err) makes only the nth write fail
 *    with err (OS_ENOSPC for disk full, OS_EIO), then the disk works again.
 *
 * Several instances can exist; each is independent.  Thread-safe (one
 * mutex per VFS).  Portable C: compiled into both builds, used by tests.
 */
#ifndef ESENT_OS_MEMVFS_H
#define ESENT_OS_MEMVFS_H

#include <stdint.h>

#include "os.h"

os_vfs *os_memvfs_create(void);
void os_memvfs_destroy(os_vfs *vfs);

/* Counts of writes and syncs performed so far (for choosing sweep ranges). */
uint64_t os_memvfs_writes(os_vfs *vfs);
uint64_t os_memvfs_syncs(os_vfs *vfs);
/* Calls of os_path_sync_dir (names are durable at once here; the count
 * lets tests check the engine syncs its folders). */
uint64_t os_memvfs_dir_syncs(os_vfs *vfs);
/* From now on a created, renamed or removed name is durable only once its
 * folder is synced (os_path_sync_dir); a power loss brings back the
 * names of the last sync (the files existing now count as synced). */
void os_memvfs_names_need_sync(os_vfs *vfs);

void os_memvfs_crash_at(os_vfs *vfs, uint64_t nth_io);  /* 0: never */
void os_memvfs_fail_at(os_vfs *vfs, uint64_t nth_write, int err); /* 0: never */
/* Whether the crash point was reached. */
int os_memvfs_crashed(os_vfs *vfs);
/* Loses power: see above.  seed picks which unsynced writes survive and how
 * they tear; seed 0 drops them all.  Afterwards the VFS works normally again
 * (crash_at and fail_at are cleared); files still open are invalid and must
 * only be closed. */
void os_memvfs_power_loss(os_vfs *vfs, uint64_t seed);

/* Direct access for corruption tests: size, and flipping bytes of the
 * durable+current content. */
int os_memvfs_file_size(os_vfs *vfs, const char *path, uint64_t *size);
int os_memvfs_corrupt(os_vfs *vfs, const char *path, uint64_t off, uint8_t xor_mask);

#endif /* ESENT_OS_MEMVFS_H */
