// Internal to the shim: helpers its C files share. Not part of the module's interface.
#ifndef DINH_SHIM_INTERNAL_H
#define DINH_SHIM_INTERNAL_H

#include <stddef.h>

/// Copies a NUL-terminated message into a caller's buffer (cut to fit).
void dinh_copy_message(char *message, size_t capacity, const char *text);

#endif
