#define _GNU_SOURCE
#include "dinh_system.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#if defined(__linux__)
#include <sys/syscall.h>
#include <linux/fs.h>
#endif

int dinh_exchange(const char *one, const char *other) {
#if defined(__linux__) && defined(SYS_renameat2)
    // Through syscall(): older C libraries have no renameat2 wrapper.
    return (int)syscall(SYS_renameat2, AT_FDCWD, one, AT_FDCWD, other, RENAME_EXCHANGE);
#else
    (void)one; (void)other;
    errno = ENOSYS;
    return -1;
#endif
}

void dinh_keep_freed_memory(void) {
#if defined(__GLIBC__)
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
#endif
}
