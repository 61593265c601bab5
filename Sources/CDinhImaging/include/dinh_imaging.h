#ifndef DINH_IMAGING_H
#define DINH_IMAGING_H
// C shim for libjpeg, libpng and lcms2. Every libjpeg call that may longjmp on error is made
// here, inside a setjmp frame owned by the same C function, so an error comes back to Swift as a
// return code with a message: a longjmp never crosses a Swift frame, and nothing calls exit().
#include <stddef.h>
#include <stdint.h>

int dinh_imaging_version(void);

/// Result codes shared by the functions below (macros, so Swift sees them as CInt).
#define DINH_OK 0            // success
#define DINH_NOT_JPEG 1      // no JPEG signature
#define DINH_TRUNCATED 2     // the data ends before the image does
#define DINH_CORRUPT 3       // any other error reported by the library (message filled in)
#define DINH_NO_MEMORY 4
#define DINH_TOO_LARGE 5     // width x height above the caller's limit (checked before allocating)
#define DINH_UNSUPPORTED 6
#define DINH_DAMAGED 7       // the compressed data is broken inside (a bad spot on a card): parts would decode grey

/// Colour model of the JPEG as stored in the file.
#define DINH_GRAY 1
#define DINH_RGB 3
#define DINH_CMYK 4

// MARK: JPEG decoding

/// An open JPEG decoder: header read, pixels not yet decoded. Opaque to Swift.
typedef struct dinh_jpeg dinh_jpeg;

typedef struct {
    int width, height;          // full stored size (before EXIF orientation)
    int color_model;            // DINH_GRAY, DINH_RGB or DINH_CMYK
    int adobe_inverted;         // CMYK stored inverted (Adobe APP14 marker), as Photoshop writes it
    const uint8_t *exif;        // APP1 payload starting with "Exif\0\0", or NULL
    size_t exif_length;
    const uint8_t *icc;         // the whole ICC profile (chunks joined), or NULL
    size_t icc_length;
} dinh_jpeg_header;

/// Always returns a handle (NULL only when out of memory) that must be passed to dinh_jpeg_close.
/// `data` must stay valid until dinh_jpeg_close. Returns a code through `status`.
dinh_jpeg *dinh_jpeg_open(const uint8_t *data, size_t length, dinh_jpeg_header *header, int *status);
/// Size of the output for a DCT shrink of 1/`denominator` (1, 2, 4 or 8).
int dinh_jpeg_scaled_size(dinh_jpeg *jpeg, int denominator, int *width, int *height);
/// Decodes to 8-bit RGB (3 bytes a pixel) into `rgb`, which holds `capacity` bytes.
/// Refuses with DINH_TOO_LARGE when the scaled output exceeds `max_pixels`. `fast` (for
/// images about to be reduced at least ~2×) trades invisible precision for speed: plain
/// chroma upsampling merged with colour conversion, and the fast integer IDCT.
int dinh_jpeg_decode(dinh_jpeg *jpeg, int denominator, long long max_pixels, int fast, uint8_t *rgb, size_t capacity);
/// The same at full size (`fast` off) on two threads: this handle decodes the upper rows while a
/// second handle on the same bytes decodes the lower ones, the same pixels in about 60 % of the
/// time. One thread for progressive files and images below 256 rows.
int dinh_jpeg_decode_in_two_parts(dinh_jpeg *jpeg, long long max_pixels, uint8_t *rgb, size_t capacity);
/// The library's message for the last error.
const char *dinh_jpeg_message(const dinh_jpeg *jpeg);
void dinh_jpeg_close(dinh_jpeg *jpeg);

// MARK: JPEG encoding

/// Encodes RGB (3 channels) or gray (1 channel) pixels; writes no metadata markers besides JFIF.
/// On success `*out` is a malloc'ed buffer to release with dinh_free.
int dinh_jpeg_encode(const uint8_t *pixels, int width, int height, int channels, int quality,
                     int progressive, uint8_t **out, size_t *out_length, char *message, size_t message_capacity);

void dinh_free(void *pointer);

// MARK: Resampling (separable, fixed windowed-sinc weights computed by the caller)

/// Filter taps for one axis: for each output index `i`, `count[i]` weights starting at input
/// index `start[i]`, stored at `weights + i * stride`.
typedef struct {
    const int *start;
    const int *count;
    const float *weights;
    int stride;
} dinh_taps;

/// Vertical then horizontal pass, one output row at a time (the vertical pass is a plain sum of
/// rows, which vectorises; the horizontal pass then runs on already reduced rows).
/// `channels` 4 means straight RGBA: colours are premultiplied for filtering so that transparent
/// pixels do not bleed their (invisible) colour into the edges.
int dinh_resample(const uint8_t *src, int src_width, int src_height, int channels,
                  uint8_t *dst, int dst_width, int dst_height,
                  dinh_taps horizontal, dinh_taps vertical);

/// 2×2 box average (odd last row/column folded in): the cheap pre-shrink before the windowed sinc.
void dinh_box_halve(const uint8_t *src, int src_width, int src_height, int channels,
                    uint8_t *dst, int dst_width, int dst_height);

// MARK: Panorama sampling

/// Bilinear samples of an equirectangular RGB or RGBA image at `count` pixel coordinates (pixel
/// centres at integers; 0 <= x < 3 * width, y >= -1), written as RGB to `dst` (3 bytes each).
/// Longitude wraps; beyond a pole the neighbouring row is the edge row on the opposite meridian.
/// Weights are fixed point in 1/256 pixel.
void dinh_equirect_sample(const uint8_t *src, int width, int height, int channels,
                          const float *xs, const float *ys, int count, uint8_t *dst);

// MARK: Colour profiles (lcms2)

/// 1 when the ICC profile describes sRGB (by its description) so no conversion is needed,
/// 0 when it does not, -1 when lcms2 cannot read it.
int dinh_icc_is_srgb(const uint8_t *icc, size_t length);
/// Converts RGB or RGBA (alpha copied) pixels in place from the profile to sRGB, perceptual intent.
/// Returns DINH_OK or DINH_UNSUPPORTED when the profile is unreadable or not an RGB profile.
int dinh_icc_to_srgb(const uint8_t *icc, size_t length, uint8_t *pixels, size_t pixel_count, int channels);

// MARK: PNG (full libpng API; its errors longjmp back into the shim function that called it)
// PNG writing uses the simplified API, which keeps its own setjmp inside libpng.

typedef struct {
    int width, height;
    int has_alpha;
    int color;                  // 1 when the PNG has colour, 0 for gray
} dinh_png_header;

/// Reads the header only. Returns DINH_OK, DINH_TRUNCATED or DINH_CORRUPT (message filled in).
int dinh_png_header_read(const uint8_t *data, size_t length, dinh_png_header *header,
                         char *message, size_t message_capacity);
/// Decodes to 8-bit RGB or RGBA (`channels` 3 or 4). Checks the limit from the header first.
int dinh_png_decode(const uint8_t *data, size_t length, int channels, long long max_pixels,
                    uint8_t *pixels, size_t capacity, char *message, size_t message_capacity);
/// Encodes 8-bit RGB or RGBA. `*out` is malloc'ed (release with dinh_free).
int dinh_png_encode(const uint8_t *pixels, int width, int height, int channels,
                    uint8_t **out, size_t *out_length, char *message, size_t message_capacity);

// MARK: - Fresh memory

/// The kernel clears each page of fresh memory the first time it is written, and on a virtual
/// machine that can cost more than decoding into it (about 160 ms for a 100 MB panorama here).
/// `dinh_prefault_begin` has a helper thread fault the pages in from the end of the range while
/// the caller fills it from the start; `dinh_prefault_end` (after the filling) stops and joins it.
/// The contents are never touched. NULL where the system cannot (the caller then clears alone).
typedef struct dinh_prefault dinh_prefault;
dinh_prefault *dinh_prefault_begin(void *start, size_t length);
void dinh_prefault_end(dinh_prefault *prefault);

#endif
