// System calls Swift's Glibc module does not expose.
#ifndef DINH_SYSTEM_H
#define DINH_SYSTEM_H

/// Exchanges two paths in one step (Linux renameat2 with RENAME_EXCHANGE): a reader sees one or
/// the other, never neither. Returns 0, or -1 with errno set (ENOSYS or EINVAL where the kernel or
/// the file system cannot exchange).
int dinh_exchange(const char *one, const char *other);

#endif
