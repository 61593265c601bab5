// Fresh pixel memory, cleared by the kernel on another core while the caller fills it.
#define _GNU_SOURCE
#include "dinh_imaging.h"

#include <stdint.h>
#include <stdlib.h>

#if defined(__linux__)
#include <pthread.h>
#include <stdatomic.h>
#include <sys/mman.h>
#endif

#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
struct dinh_prefault {
    pthread_t thread;
    char *start;
    size_t length;
    atomic_int stop;
};

// From the end backwards, 4 MB at a time, towards the filler coming from the start: each page is
// cleared by whichever reaches it first, and a page already there is skipped by the kernel.
static void *dinh_prefault_run(void *argument) {
    struct dinh_prefault *prefault = argument;
    const size_t step = (size_t)4 << 20;
    size_t end = prefault->length;
    while (end > 0 && !atomic_load_explicit(&prefault->stop, memory_order_relaxed)) {
        size_t start = end > step ? end - step : 0;
        // Fails on kernels before 5.14 (EINVAL): then the filler clears every page itself, as before.
        if (madvise(prefault->start + start, end - start, MADV_POPULATE_WRITE) != 0) break;
        end = start;
    }
    return NULL;
}

dinh_prefault *dinh_prefault_begin(void *start, size_t length) {
    // madvise takes whole pages: the part pages at either end are left to the filler.
    const uintptr_t page = 4096, first = ((uintptr_t)start + page - 1) & ~(page - 1);
    const uintptr_t last = ((uintptr_t)start + length) & ~(page - 1);
    if (last <= first) return NULL;
    struct dinh_prefault *prefault = calloc(1, sizeof *prefault);
    if (prefault == NULL) return NULL;
    prefault->start = (char *)first;
    prefault->length = last - first;
    atomic_init(&prefault->stop, 0);
    if (pthread_create(&prefault->thread, NULL, dinh_prefault_run, prefault) != 0) {
        free(prefault);
        return NULL;
    }
    return prefault;
}

void dinh_prefault_end(dinh_prefault *prefault) {
    if (prefault == NULL) return;
    atomic_store_explicit(&prefault->stop, 1, memory_order_relaxed);
    pthread_join(prefault->thread, NULL);
    free(prefault);
}
#else
dinh_prefault *dinh_prefault_begin(void *start, size_t length) {
    (void)start; (void)length;
    return NULL;
}

void dinh_prefault_end(dinh_prefault *prefault) { (void)prefault; }
#endif
