// libpng: decoding and encoding. libpng reports errors by longjmp; every setjmp is in this
// file, and no jump crosses a Swift frame.
#include "dinh_imaging.h"
#include "shim_internal.h"

#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

// MARK: - PNG

/// State for one libpng read, on the heap so that nothing libpng changes lives in a local of the
/// setjmp frame. libpng's error callback longjmps back into dinh_png_read_any's frame.
typedef struct {
    const uint8_t *data;
    size_t length, offset;
    int truncated;
    png_bytep *rows;
    char message[256];
} dinh_png_state;

static void dinh_png_read_data(png_structp png, png_bytep out, size_t count) {
    dinh_png_state *state = png_get_io_ptr(png);
    if (count > state->length - state->offset) {
        state->truncated = 1;
        png_error(png, "the data ends early");
    }
    memcpy(out, state->data + state->offset, count);
    state->offset += count;
}

static void dinh_png_error(png_structp png, png_const_charp text) {
    dinh_png_state *state = png_get_error_ptr(png);
    snprintf(state->message, sizeof state->message, "%s", text);
    png_longjmp(png, 1);
}

static void dinh_png_warning(png_structp png, png_const_charp text) { (void)png; (void)text; }

/// Reads the header, and the pixels when `pixels` is not NULL. The libpng transformations
/// give 8-bit RGB(A) for every colour type and depth: palette and low depths expanded, a
/// transparent colour (tRNS) turned into alpha, 16 bits cut to their high byte (as Pillow and
/// browsers do), gray copied to RGB, interlacing undone. A gAMA chunk is honoured (values
/// converted to sRGB's gamma) as browsers and ImageMagick do; without one, values are sRGB.
static int dinh_png_read_any(const uint8_t *data, size_t length, dinh_png_header *header, int channels,
                             long long max_pixels, uint8_t *pixels, size_t capacity,
                             char *message, size_t message_capacity) {
    dinh_png_state *state = calloc(1, sizeof *state);
    if (state == NULL) return DINH_NO_MEMORY;
    state->data = data;
    state->length = length;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, state, dinh_png_error, dinh_png_warning);
    png_infop info = png == NULL ? NULL : png_create_info_struct(png);
    if (png == NULL || info == NULL) {
        png_destroy_read_struct(&png, &info, NULL);
        free(state);
        return DINH_NO_MEMORY;
    }
    if (setjmp(png_jmpbuf(png))) {
        int code = state->truncated ? DINH_TRUNCATED : DINH_CORRUPT;
        dinh_copy_message(message, message_capacity, state->message);
        png_destroy_read_struct(&png, &info, NULL);
        free(state->rows);
        free(state);
        return code;
    }
    png_set_read_fn(png, state, dinh_png_read_data);
    // libpng allocates (and clears) the declared length of a text, pCAL, sCAL or sPLT chunk before
    // reading it: a 79-byte file declaring a 1.2 GB zTXt took 1.2 GB (found by make fuzz). Dinh
    // uses none of them, so they are skipped unread (known chunks listed here count as unknown).
    static const png_byte unused[] = "tEXt\0zTXt\0iTXt\0pCAL\0sCAL\0sPLT\0";
    png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, unused, 6);
    png_read_info(png, info);
    png_uint_32 width = png_get_image_width(png, info), height = png_get_image_height(png, info);
    int color_type = png_get_color_type(png, info);
    int has_alpha = (color_type & PNG_COLOR_MASK_ALPHA) != 0 || png_get_valid(png, info, PNG_INFO_tRNS) != 0;
    if (header != NULL) {
        header->width = (int)width;
        header->height = (int)height;
        header->has_alpha = has_alpha;
        header->color = (color_type & PNG_COLOR_MASK_COLOR) != 0;
    }
    int code = DINH_OK;
    if (pixels != NULL) {
        if ((long long)width * (long long)height > max_pixels) code = DINH_TOO_LARGE;
        else if ((size_t)width * height * (size_t)channels > capacity) code = DINH_NO_MEMORY;
        else if (channels != (has_alpha ? 4 : 3)) code = DINH_UNSUPPORTED;
    }
    if (pixels != NULL && code == DINH_OK) {
        double file_gamma = 0;
        if (png_get_gAMA(png, info, &file_gamma) && file_gamma > 0) png_set_gamma(png, PNG_DEFAULT_sRGB, file_gamma);
        png_set_expand(png);
        png_set_strip_16(png);
        png_set_gray_to_rgb(png);
        png_set_interlace_handling(png);
        png_read_update_info(png, info);
        if (png_get_rowbytes(png, info) != (size_t)width * (size_t)channels) {
            png_error(png, "unexpected row size after conversion");
        }
        state->rows = malloc(sizeof(png_bytep) * height);
        if (state->rows == NULL) png_error(png, "out of memory");
        for (png_uint_32 y = 0; y < height; y++) state->rows[y] = pixels + (size_t)y * width * (size_t)channels;
        png_read_image(png, state->rows);
    }
    png_destroy_read_struct(&png, &info, NULL);
    free(state->rows);
    free(state);
    return code;
}

int dinh_png_header_read(const uint8_t *data, size_t length, dinh_png_header *header,
                         char *message, size_t message_capacity) {
    memset(header, 0, sizeof *header);
    return dinh_png_read_any(data, length, header, 0, 0, NULL, 0, message, message_capacity);
}

int dinh_png_decode(const uint8_t *data, size_t length, int channels, long long max_pixels,
                    uint8_t *pixels, size_t capacity, char *message, size_t message_capacity) {
    return dinh_png_read_any(data, length, NULL, channels, max_pixels, pixels, capacity, message, message_capacity);
}

int dinh_png_encode(const uint8_t *pixels, int width, int height, int channels,
                    uint8_t **out, size_t *out_length, char *message, size_t message_capacity) {
    *out = NULL;
    *out_length = 0;
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)width;
    image.height = (png_uint_32)height;
    image.format = channels == 4 ? PNG_FORMAT_RGBA : channels == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
    png_alloc_size_t size = 0;
    if (!png_image_write_get_memory_size(image, size, 0, pixels, 0, NULL)) {
        dinh_copy_message(message, message_capacity, image.message);
        png_image_free(&image);
        return DINH_CORRUPT;
    }
    uint8_t *buffer = malloc(size);
    if (buffer == NULL) { png_image_free(&image); return DINH_NO_MEMORY; }
    if (!png_image_write_to_memory(&image, buffer, &size, 0, pixels, 0, NULL)) {
        dinh_copy_message(message, message_capacity, image.message);
        png_image_free(&image);
        free(buffer);
        return DINH_CORRUPT;
    }
    *out = buffer;
    *out_length = size;
    return DINH_OK;
}
