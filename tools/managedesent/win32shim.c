/*
 * win32shim.c -- the few kernel32 functions ManagedEsent's interop layer
 * P/Invokes besides esent.dll itself (LocalAlloc/LocalFree for its native
 * buffers, VirtualAlloc/VirtualFree for the page-aligned buffers of backup
 * reads, GetCurrentProcessId for instance names), for running it on Linux
 * Mono against the native twin. run.sh builds it as libwin32shim.so and
 * maps kernel32.dll to it with a <dllmap>. Test harness only: not part of
 * the library.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SHIM_LMEM_ZEROINIT 0x40u
#define SHIM_PAGE 4096u

void *LocalAlloc(unsigned flags, size_t size)
{
	return (flags & SHIM_LMEM_ZEROINIT) ? calloc(1, size ? size : 1) : malloc(size ? size : 1);
}

void *LocalFree(void *p)
{
	free(p);
	return NULL;
}

/* Committed memory is zero-filled and page-aligned, as Windows gives it. */
void *VirtualAlloc(void *addr, size_t size, uint32_t type, uint32_t protect)
{
	void *p = NULL;

	(void)type;
	(void)protect;
	if (addr != NULL || posix_memalign(&p, SHIM_PAGE, size ? size : 1) != 0)
		return NULL;
	memset(p, 0, size);
	return p;
}

int VirtualFree(void *addr, size_t size, uint32_t type)
{
	(void)size;
	(void)type;
	free(addr);
	return 1;
}

int GetCurrentProcessId(void)
{
	return (int)getpid();
}
