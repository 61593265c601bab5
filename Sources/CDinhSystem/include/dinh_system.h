// System calls Swift's Glibc module does not expose.
#ifndef DINH_SYSTEM_H
#define DINH_SYSTEM_H

/// Exchanges two paths in one step (Linux renameat2 with RENAME_EXCHANGE): a reader sees one or
/// the other, never neither. Returns 0, or -1 with errno set (ENOSYS or EINVAL where the kernel or
/// the file system cannot exchange).
int dinh_exchange(const char *one, const char *other);

/// Keeps memory the process frees for its own next allocations, instead of giving the top of the
/// heap back to the system whenever more than 128 KB is free there (glibc's default).
void dinh_keep_freed_memory(void);

#endif
