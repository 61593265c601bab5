// Resampling (photo variants) and equirectangular sampling (panorama cube faces).
#include "dinh_imaging.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

// MARK: - Resampling

// Compiled twice, for AVX2 and for the baseline, chosen at load time: the vertical pass is a
// multiply-add over whole rows, which AVX2 runs eight floats at a time.
#if defined(__x86_64__) && defined(__clang__) && defined(__linux__)
#define DINH_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define DINH_VECTOR_CLONES
#endif

static inline uint8_t dinh_clamp8(float v) {
    if (v <= 0.0f) return 0;
    if (v >= 255.0f) return 255;
    return (uint8_t)(v + 0.5f);
}

DINH_VECTOR_CLONES
static void dinh_accumulate(float *restrict row, const uint8_t *restrict src, size_t count, float weight) {
    for (size_t i = 0; i < count; i++) row[i] += weight * (float)src[i];
}

/// Two source rows per sweep: half the traffic through the float row.
DINH_VECTOR_CLONES
static void dinh_accumulate2(float *restrict row, const uint8_t *restrict a, const uint8_t *restrict b,
                             size_t count, float wa, float wb) {
    for (size_t i = 0; i < count; i++) row[i] += wa * (float)a[i] + wb * (float)b[i];
}

DINH_VECTOR_CLONES
static void dinh_accumulate_premultiplied(float *restrict row, const uint8_t *restrict src, size_t pixels, float weight) {
    const float scale = weight / 255.0f;
    for (size_t x = 0; x < pixels; x++) {
        float a = (float)src[4 * x + 3];
        float wa = scale * a;
        row[4 * x + 0] += wa * (float)src[4 * x + 0];
        row[4 * x + 1] += wa * (float)src[4 * x + 1];
        row[4 * x + 2] += wa * (float)src[4 * x + 2];
        row[4 * x + 3] += weight * a;
    }
}

typedef float dinh_f4 __attribute__((ext_vector_type(4)));

static inline dinh_f4 dinh_load4(const float *p) {
    dinh_f4 v;
    memcpy(&v, p, sizeof v);
    return v;
}

typedef float dinh_f8 __attribute__((ext_vector_type(8)));

static inline void dinh_store3(uint8_t *out, dinh_f4 v) {
    v = __builtin_elementwise_min(__builtin_elementwise_max(v + 0.5f, (dinh_f4)0), (dinh_f4)255.0f);
    out[0] = (uint8_t)v.x; out[1] = (uint8_t)v.y; out[2] = (uint8_t)v.z;
}

/// Horizontal pass for RGB rows, two output pixels at a time in one 8-float vector: the
/// weights of pixels x and x+1 are interleaved beforehand (`pairs`, 8 floats a tap), and each
/// tap loads 4 floats per pixel (the fourth lane reads the next pixel's red and is ignored;
/// the row is padded so the last taps stay in bounds). Two accumulators let the adds overlap.
DINH_VECTOR_CLONES
static void dinh_horizontal3(const float *row, uint8_t *out, int dst_width, const dinh_taps *h,
                             const float *pairs, int pair_taps) {
    int x = 0;
    for (; x + 1 < dst_width; x += 2) {
        const float *w = pairs + (size_t)(x / 2) * (size_t)pair_taps * 8;
        const float *p0 = row + (size_t)h->start[x] * 3;
        const float *p1 = row + (size_t)h->start[x + 1] * 3;
        int n = h->count[x] > h->count[x + 1] ? h->count[x] : h->count[x + 1];
        dinh_f8 even = 0, odd = 0;
        int k = 0;
        for (; k + 1 < n; k += 2) {
            dinh_f8 a = __builtin_shufflevector(dinh_load4(p0 + 3 * k), dinh_load4(p1 + 3 * k), 0, 1, 2, 3, 4, 5, 6, 7);
            dinh_f8 b = __builtin_shufflevector(dinh_load4(p0 + 3 * k + 3), dinh_load4(p1 + 3 * k + 3), 0, 1, 2, 3, 4, 5, 6, 7);
            dinh_f8 wa, wb;
            memcpy(&wa, w + 8 * k, sizeof wa);
            memcpy(&wb, w + 8 * k + 8, sizeof wb);
            even += wa * a;
            odd += wb * b;
        }
        if (k < n) {
            dinh_f8 a = __builtin_shufflevector(dinh_load4(p0 + 3 * k), dinh_load4(p1 + 3 * k), 0, 1, 2, 3, 4, 5, 6, 7);
            dinh_f8 wa;
            memcpy(&wa, w + 8 * k, sizeof wa);
            even += wa * a;
        }
        even += odd;
        dinh_store3(out, __builtin_shufflevector(even, even, 0, 1, 2, 3));
        dinh_store3(out + 3, __builtin_shufflevector(even, even, 4, 5, 6, 7));
        out += 6;
    }
    for (; x < dst_width; x++) {
        const float *hw = h->weights + (size_t)x * (size_t)h->stride;
        const float *p = row + (size_t)h->start[x] * 3;
        dinh_f4 acc = 0;
        for (int k = 0; k < h->count[x]; k++) acc += hw[k] * dinh_load4(p + 3 * k);
        dinh_store3(out, acc);
        out += 3;
    }
}

/// Interleaves the weights of output pixels x and x+1 (zero past each one's own count).
static float *dinh_pair_weights(const dinh_taps *h, int dst_width, int *pair_taps) {
    int taps = 1;
    for (int x = 0; x < dst_width; x++) if (h->count[x] > taps) taps = h->count[x];
    *pair_taps = taps;
    size_t pairs = (size_t)dst_width / 2;
    float *table = calloc(pairs * (size_t)taps * 8 + 8, sizeof(float));
    if (table == NULL) return NULL;
    for (size_t j = 0; j < pairs; j++) {
        for (int half = 0; half < 2; half++) {
            size_t x = 2 * j + (size_t)half;
            const float *hw = h->weights + x * (size_t)h->stride;
            for (int k = 0; k < h->count[x]; k++) {
                float *slot = table + (j * (size_t)taps + (size_t)k) * 8 + (size_t)half * 4;
                slot[0] = slot[1] = slot[2] = slot[3] = hw[k];
            }
        }
    }
    return table;
}

/// Horizontal pass for premultiplied RGBA rows, unpremultiplying on the way out.
DINH_VECTOR_CLONES
static void dinh_horizontal4(const float *row, uint8_t *out, int dst_width, const dinh_taps *h) {
    for (int x = 0; x < dst_width; x++) {
        const float *hw = h->weights + (size_t)x * (size_t)h->stride;
        const float *p = row + (size_t)h->start[x] * 4;
        int n = h->count[x];
        dinh_f4 acc = 0;
        for (int k = 0; k < n; k++) acc += hw[k] * dinh_load4(p + 4 * k);
        uint8_t alpha = dinh_clamp8(acc.w);
        if (alpha == 0) { out[0] = out[1] = out[2] = out[3] = 0; }
        else {
            float unpremultiply = 255.0f / acc.w;
            out[0] = dinh_clamp8(acc.x * unpremultiply);
            out[1] = dinh_clamp8(acc.y * unpremultiply);
            out[2] = dinh_clamp8(acc.z * unpremultiply);
            out[3] = alpha;
        }
        out += 4;
    }
}

int dinh_resample(const uint8_t *src, int src_width, int src_height, int channels,
                  uint8_t *dst, int dst_width, int dst_height,
                  dinh_taps horizontal, dinh_taps vertical) {
    (void)src_height;
    size_t row_length = (size_t)src_width * (size_t)channels;
    // Padding: the paired horizontal pass may read up to a filter width past the last pixel
    // (with zero weights); the padding stays zero.
    size_t padding = 4 * (size_t)horizontal.stride + 8;
    float *row = calloc(row_length + padding, sizeof(float));
    if (row == NULL) return DINH_NO_MEMORY;
    int pair_taps = 0;
    float *pairs = channels == 3 ? dinh_pair_weights(&horizontal, dst_width, &pair_taps) : NULL;
    if (channels == 3 && pairs == NULL) { free(row); return DINH_NO_MEMORY; }
    for (int y = 0; y < dst_height; y++) {
        memset(row, 0, row_length * sizeof(float));
        const float *vw = vertical.weights + (size_t)y * (size_t)vertical.stride;
        int first = vertical.start[y];
        int n = vertical.count[y];
        int k = 0;
        if (channels != 4) {
            for (; k + 1 < n; k += 2) {
                const uint8_t *line = src + (size_t)(first + k) * row_length;
                dinh_accumulate2(row, line, line + row_length, row_length, vw[k], vw[k + 1]);
            }
        }
        for (; k < n; k++) {
            const uint8_t *line = src + (size_t)(first + k) * row_length;
            if (channels == 4) dinh_accumulate_premultiplied(row, line, (size_t)src_width, vw[k]);
            else dinh_accumulate(row, line, row_length, vw[k]);
        }
        uint8_t *out = dst + (size_t)y * (size_t)dst_width * (size_t)channels;
        if (channels == 3) { dinh_horizontal3(row, out, dst_width, &horizontal, pairs, pair_taps); continue; }
        if (channels == 4) { dinh_horizontal4(row, out, dst_width, &horizontal); continue; }
        for (int x = 0; x < dst_width; x++) {
            const float *hw = horizontal.weights + (size_t)x * (size_t)horizontal.stride;
            const float *p = row + (size_t)horizontal.start[x] * (size_t)channels;
            int n = horizontal.count[x];
            for (int c = 0; c < channels; c++) {
                float s = 0;
                for (int k = 0; k < n; k++) s += hw[k] * p[(size_t)k * (size_t)channels + (size_t)c];
                out[c] = dinh_clamp8(s);
            }
            out += channels;
        }
    }
    free(row);
    free(pairs);
    return DINH_OK;
}

/// Opaque pixels, `pairs` pairs of a row pair: the two rows summed into 16-bit lanes a block at a
/// time (a loop the compiler vectorises), then each pixel pair averaged. Three times faster than
/// pixel by pixel on an 8192-px panorama (about 20 ms against 60), which the panorama's photo
/// variants start with.
DINH_VECTOR_CLONES
static void dinh_halve_opaque_row(const uint8_t *r0, const uint8_t *r1, int pairs, int channels, uint8_t *out) {
    enum { block = 256 };
    uint16_t sum[block * 2 * 4];
    for (int first = 0; first < pairs; first += block) {
        int count = pairs - first < block ? pairs - first : block;
        const uint8_t *a = r0 + (size_t)first * 2 * (size_t)channels, *b = r1 + (size_t)first * 2 * (size_t)channels;
        uint8_t *o = out + (size_t)first * (size_t)channels;
        for (int i = 0; i < count * 2 * channels; i++) sum[i] = (uint16_t)(a[i] + b[i]);
        if (channels == 3) {
            for (int x = 0; x < count; x++) {
                const uint16_t *p = sum + 6 * x;
                o[3 * x] = (uint8_t)((p[0] + p[3] + 2) >> 2);
                o[3 * x + 1] = (uint8_t)((p[1] + p[4] + 2) >> 2);
                o[3 * x + 2] = (uint8_t)((p[2] + p[5] + 2) >> 2);
            }
        } else {
            for (int x = 0; x < count; x++) {
                for (int c = 0; c < channels; c++) {
                    o[channels * x + c] = (uint8_t)((sum[2 * channels * x + c] + sum[2 * channels * x + channels + c] + 2) >> 2);
                }
            }
        }
    }
}

void dinh_box_halve(const uint8_t *src, int src_width, int src_height, int channels,
                    uint8_t *dst, int dst_width, int dst_height) {
    size_t stride = (size_t)src_width * (size_t)channels;
    for (int y = 0; y < dst_height; y++) {
        const uint8_t *r0 = src + (size_t)(2 * y) * stride;
        const uint8_t *r1 = (2 * y + 1 < src_height) ? r0 + stride : r0;
        uint8_t *out = dst + (size_t)y * (size_t)dst_width * (size_t)channels;
        int x = 0;
        if (channels <= 3) {
            dinh_halve_opaque_row(r0, r1, src_width / 2, channels, out);
            x = src_width / 2;
            out += (size_t)x * (size_t)channels;
        }
        for (; x < dst_width; x++) {
            size_t x0 = (size_t)(2 * x) * (size_t)channels;
            size_t x1 = (2 * x + 1 < src_width) ? x0 + (size_t)channels : x0;
            if (channels == 4) {
                // Weighted by alpha, as in the resampler, so transparent colour does not bleed.
                unsigned a = (unsigned)r0[x0 + 3] + r0[x1 + 3] + r1[x0 + 3] + r1[x1 + 3];
                for (int c = 0; c < 3; c++) {
                    unsigned s = (unsigned)r0[x0 + c] * r0[x0 + 3] + (unsigned)r0[x1 + c] * r0[x1 + 3]
                               + (unsigned)r1[x0 + c] * r1[x0 + 3] + (unsigned)r1[x1 + c] * r1[x1 + 3];
                    out[c] = a == 0 ? 0 : (uint8_t)((s + a / 2) / a);
                }
                out[3] = (uint8_t)((a + 2) / 4);
            } else {
                for (int c = 0; c < channels; c++) {
                    out[c] = (uint8_t)(((unsigned)r0[x0 + c] + r0[x1 + c] + r1[x0 + c] + r1[x1 + c] + 2) / 4);
                }
            }
            out += channels;
        }
    }
}

// MARK: - Panorama sampling

/// One sample at a time, any position (the reference, and the path for rows at the poles).
static void dinh_equirect_sample_scalar(const uint8_t *src, int width, int height, int channels,
                                        const float *xs, const float *ys, int count, uint8_t *dst) {
    const size_t stride = (size_t)width * (size_t)channels;
    const int half = width / 2;
    for (int i = 0; i < count; i++, dst += 3) {
        // Fixed point with 1/256-pixel weights; x ≥ 0 and y ≥ −1, so truncation is floor.
        int xf = (int)(xs[i] * 256.0f), yf = (int)((ys[i] + 1.0f) * 256.0f);
        int tx = xf & 255, ty = yf & 255;
        int x0 = xf >> 8;
        while (x0 >= width) x0 -= width;
        int x1 = x0 + 1 == width ? 0 : x0 + 1;
        int y0 = (yf >> 8) - 1, y1 = y0 + 1;
        int ax0 = x0, ax1 = x1, bx0 = x0, bx1 = x1;
        // Past a pole the neighbouring row is the edge row on the other side of the pole.
        if (y0 < 0) { y0 = 0; ax0 = (x0 + half) % width; ax1 = (x1 + half) % width; }
        if (y1 >= height) { y1 = height - 1; bx0 = (x0 + half) % width; bx1 = (x1 + half) % width; }
        if (y0 >= height) y0 = height - 1;
        const uint8_t *row0 = src + (size_t)y0 * stride, *row1 = src + (size_t)y1 * stride;
        const uint8_t *p00 = row0 + (size_t)ax0 * channels, *p01 = row0 + (size_t)ax1 * channels;
        const uint8_t *p10 = row1 + (size_t)bx0 * channels, *p11 = row1 + (size_t)bx1 * channels;
        unsigned w00 = (unsigned)((256 - tx) * (256 - ty)), w01 = (unsigned)(tx * (256 - ty));
        unsigned w10 = (unsigned)((256 - tx) * ty), w11 = (unsigned)(tx * ty);
        for (int c = 0; c < 3; c++) {
            dst[c] = (uint8_t)((p00[c] * w00 + p01[c] * w01 + p10[c] * w10 + p11[c] * w11 + 32768) >> 16);
        }
    }
}

#if defined(__x86_64__) && defined(__clang__)
#include <immintrin.h>

/// The same arithmetic (bit for bit) eight samples at a time: the four neighbours of each sample
/// are fetched with AVX2 gathers (one 32-bit load each: RGB and a byte of the next pixel, unused),
/// which is where the scalar loop spent its time. Groups that touch the first or the last two
/// source rows (at the poles) go through the scalar path, as do the last samples of a row.
__attribute__((target("avx2")))
static void dinh_equirect_sample_avx2(const uint8_t *src, int width, int height, int channels,
                                      const float *xs, const float *ys, int count, uint8_t *dst) {
    const int stride = width * channels;
    const __m256 k256 = _mm256_set1_ps(256.0f), one = _mm256_set1_ps(1.0f);
    const __m256i m255 = _mm256_set1_epi32(255), v256 = _mm256_set1_epi32(256), round = _mm256_set1_epi32(32768);
    const __m256i vwidth = _mm256_set1_epi32(width), vlast = _mm256_set1_epi32(width - 1);
    const __m256i vstride = _mm256_set1_epi32(stride), vchannels = _mm256_set1_epi32(channels);
    const __m256i ylimit = _mm256_set1_epi32(height - 3), vone = _mm256_set1_epi32(1);
    // RGBx RGBx … → RGBRGB… within each 128-bit half.
    const __m256i pack = _mm256_setr_epi8(0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, -1, -1, -1, -1,
                                          0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, -1, -1, -1, -1);
    const int *base = (const int *)(const void *)src;
    int i = 0;
    // Each group stores 32 bytes for 24: stop while two samples remain, so the 8 extra bytes
    // always land on samples that are written afterwards, never past the row.
    for (; i + 10 <= count; i += 8) {
        __m256i xf = _mm256_cvttps_epi32(_mm256_mul_ps(_mm256_loadu_ps(xs + i), k256));
        __m256i yf = _mm256_cvttps_epi32(_mm256_mul_ps(_mm256_add_ps(_mm256_loadu_ps(ys + i), one), k256));
        __m256i y0 = _mm256_sub_epi32(_mm256_srai_epi32(yf, 8), vone);
        // y0 in 0 … height−3: both rows inside the image and not the last one, so every 4-byte
        // load stays in bounds (its fourth byte is at most the first byte of the row below).
        __m256i outside = _mm256_or_si256(_mm256_cmpgt_epi32(_mm256_setzero_si256(), y0), _mm256_cmpgt_epi32(y0, ylimit));
        if (!_mm256_testz_si256(outside, outside)) {
            dinh_equirect_sample_scalar(src, width, height, channels, xs + i, ys + i, 8, dst + 3 * i);
            continue;
        }
        __m256i tx = _mm256_and_si256(xf, m255), ty = _mm256_and_si256(yf, m255);
        __m256i x0 = _mm256_srai_epi32(xf, 8);  // below three turns: subtract a turn at most twice
        x0 = _mm256_sub_epi32(x0, _mm256_and_si256(_mm256_cmpgt_epi32(x0, vlast), vwidth));
        x0 = _mm256_sub_epi32(x0, _mm256_and_si256(_mm256_cmpgt_epi32(x0, vlast), vwidth));
        __m256i x1 = _mm256_add_epi32(x0, vone);
        x1 = _mm256_andnot_si256(_mm256_cmpeq_epi32(x1, vwidth), x1);
        __m256i row = _mm256_mullo_epi32(y0, vstride);
        __m256i o00 = _mm256_add_epi32(row, _mm256_mullo_epi32(x0, vchannels));
        __m256i p00, p01, p10, p11;
        if (channels == 3 && _mm256_testz_si256(_mm256_cmpeq_epi32(x0, vlast), _mm256_cmpeq_epi32(x0, vlast))) {
            // RGB away from the seam: a sample's two neighbours on a row are side by side, so one
            // 8-byte load fetches both (half the gathered elements). The loads of samples 0, 1, 4,
            // 5 and of 2, 3, 6, 7 go in two registers, so that taking each one's low (or high)
            // doublewords lays the eight samples out in order. The 8 bytes at x0 ≤ width − 2 on a
            // row below height − 1 stay inside the image.
            const __m256i order = _mm256_setr_epi32(0, 1, 4, 5, 2, 3, 6, 7);
            __m256i q0 = _mm256_permutevar8x32_epi32(o00, order);
            __m256i q1 = _mm256_add_epi32(q0, vstride);
            const long long *wide = (const long long *)(const void *)src;
            __m256i r0a = _mm256_i32gather_epi64(wide, _mm256_castsi256_si128(q0), 1);
            __m256i r0b = _mm256_i32gather_epi64(wide, _mm256_extracti128_si256(q0, 1), 1);
            __m256i r1a = _mm256_i32gather_epi64(wide, _mm256_castsi256_si128(q1), 1);
            __m256i r1b = _mm256_i32gather_epi64(wide, _mm256_extracti128_si256(q1, 1), 1);
            // Low doublewords: the left neighbour (and a byte of the right one, unused); the right
            // neighbour starts 3 bytes on.
            #define DINH_LOW_DWORDS(a, b) _mm256_castps_si256(_mm256_shuffle_ps(_mm256_castsi256_ps(a), _mm256_castsi256_ps(b), _MM_SHUFFLE(2, 0, 2, 0)))
            p00 = DINH_LOW_DWORDS(r0a, r0b);
            p10 = DINH_LOW_DWORDS(r1a, r1b);
            p01 = DINH_LOW_DWORDS(_mm256_srli_epi64(r0a, 24), _mm256_srli_epi64(r0b, 24));
            p11 = DINH_LOW_DWORDS(_mm256_srli_epi64(r1a, 24), _mm256_srli_epi64(r1b, 24));
            #undef DINH_LOW_DWORDS
        } else {
            __m256i o01 = _mm256_add_epi32(row, _mm256_mullo_epi32(x1, vchannels));
            p00 = _mm256_i32gather_epi32(base, o00, 1);
            p01 = _mm256_i32gather_epi32(base, o01, 1);
            p10 = _mm256_i32gather_epi32(base, _mm256_add_epi32(o00, vstride), 1);
            p11 = _mm256_i32gather_epi32(base, _mm256_add_epi32(o01, vstride), 1);
        }
        __m256i ux = _mm256_sub_epi32(v256, tx), uy = _mm256_sub_epi32(v256, ty);
        __m256i w00 = _mm256_mullo_epi32(ux, uy), w01 = _mm256_mullo_epi32(tx, uy);
        __m256i w10 = _mm256_mullo_epi32(ux, ty), w11 = _mm256_mullo_epi32(tx, ty);
        __m256i result = _mm256_setzero_si256();
        for (int c = 0; c < 3; c++) {
            __m256i acc = _mm256_add_epi32(round, _mm256_mullo_epi32(_mm256_and_si256(p00, m255), w00));
            acc = _mm256_add_epi32(acc, _mm256_mullo_epi32(_mm256_and_si256(p01, m255), w01));
            acc = _mm256_add_epi32(acc, _mm256_mullo_epi32(_mm256_and_si256(p10, m255), w10));
            acc = _mm256_add_epi32(acc, _mm256_mullo_epi32(_mm256_and_si256(p11, m255), w11));
            result = _mm256_or_si256(result, _mm256_slli_epi32(_mm256_srli_epi32(acc, 16), 8 * c));
            p00 = _mm256_srli_epi32(p00, 8); p01 = _mm256_srli_epi32(p01, 8);
            p10 = _mm256_srli_epi32(p10, 8); p11 = _mm256_srli_epi32(p11, 8);
        }
        result = _mm256_shuffle_epi8(result, pack);
        _mm_storeu_si128((__m128i *)(void *)(dst + 3 * i), _mm256_castsi256_si128(result));
        _mm_storeu_si128((__m128i *)(void *)(dst + 3 * i + 12), _mm256_extracti128_si256(result, 1));
    }
    if (i < count) dinh_equirect_sample_scalar(src, width, height, channels, xs + i, ys + i, count - i, dst + 3 * i);
}
#endif

void dinh_equirect_sample(const uint8_t *src, int width, int height, int channels,
                          const float *xs, const float *ys, int count, uint8_t *dst) {
#if defined(__x86_64__) && defined(__clang__)
    // 32-bit offsets: fine below 2 GB of source (the decoder's pixel limit is far lower).
    if (__builtin_cpu_supports("avx2") && (size_t)width * (size_t)height * (size_t)channels < ((size_t)1 << 31)) {
        dinh_equirect_sample_avx2(src, width, height, channels, xs, ys, count, dst);
        return;
    }
#endif
    dinh_equirect_sample_scalar(src, width, height, channels, xs, ys, count, dst);
}
