// The shim's version and the helpers its parts share.
#include "dinh_imaging.h"
#include "shim_internal.h"

#include <stdio.h>
#include <stdlib.h>

int dinh_imaging_version(void) { return 2; }

void dinh_free(void *pointer) { free(pointer); }

void dinh_copy_message(char *message, size_t capacity, const char *text) {
    if (message == NULL || capacity == 0) return;
    snprintf(message, capacity, "%s", text);
}
