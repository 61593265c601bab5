// libjpeg(-turbo): decoding and encoding. libjpeg reports errors by longjmp; every setjmp is in
// this file, and no jump crosses a Swift frame.
#include "dinh_imaging.h"
#include "shim_internal.h"

#include <limits.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>

// MARK: - libjpeg error handling

/// libjpeg's error manager extended with the jump target and the outcome. `error_exit` never
/// returns: it jumps back into the setjmp of the shim function that made the libjpeg call.
typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    int code;
    int decoding;               // in the compressed data: a header's sloppy segment lengths are no damage
    int finishing;              // reading what follows the last row: a missing EOI is no harm there
    char message[JMSG_LENGTH_MAX];
} dinh_error;

static void dinh_error_exit(j_common_ptr cinfo) {
    dinh_error *error = (dinh_error *)cinfo->err;
    switch (error->pub.msg_code) {
    case JERR_NO_SOI: error->code = DINH_NOT_JPEG; break;
    case JERR_OUT_OF_MEMORY: error->code = DINH_NO_MEMORY; break;
    case JERR_INPUT_EMPTY: error->code = DINH_TRUNCATED; break;
    default: error->code = DINH_CORRUPT; break;
    }
    (*cinfo->err->format_message)(cinfo, error->message);
    longjmp(error->jump, 1);
}

/// Warnings are silent, except broken data: libjpeg would fill what it cannot read with grey (or
/// shift the colours) and carry on, but a cut-short upload, or a file with a bad spot from a memory
/// card, should be reported, not published half grey. The few extraneous bytes before a marker
/// that some cameras write into files that decode whole are not damage; hundreds of them are
/// compressed data the decoder lost its way in.
static void dinh_emit_message(j_common_ptr cinfo, int level) {
    dinh_error *error = (dinh_error *)cinfo->err;
    if (level >= 0) return;
    switch (error->pub.msg_code) {
    case JWRN_JPEG_EOF:
        if (error->finishing) { error->pub.num_warnings++; return; }
        error->code = DINH_TRUNCATED;
        break;
    case JWRN_EXTRANEOUS_DATA:
        if (!error->decoding || error->pub.msg_parm.i[0] <= 64) { error->pub.num_warnings++; return; }
        error->code = DINH_DAMAGED;
        break;
    case JWRN_HUFF_BAD_CODE: case JWRN_MUST_RESYNC: case JWRN_HIT_MARKER: case JWRN_ARITH_BAD_CODE:
        if (!error->decoding) { error->pub.num_warnings++; return; }
        error->code = DINH_DAMAGED;
        break;
    default:
        error->pub.num_warnings++;
        return;
    }
    (*cinfo->err->format_message)(cinfo, error->message);
    longjmp(error->jump, 1);
}

static void dinh_output_message(j_common_ptr cinfo) { (void)cinfo; }  // never print to stderr

static void dinh_error_init(dinh_error *error) {
    jpeg_std_error(&error->pub);
    error->pub.error_exit = dinh_error_exit;
    error->pub.emit_message = dinh_emit_message;
    error->pub.output_message = dinh_output_message;
    error->code = DINH_OK;
    error->decoding = 0;
    error->finishing = 0;
    error->message[0] = 0;
}

// MARK: - JPEG decoding

struct dinh_jpeg {
    struct jpeg_decompress_struct cinfo;
    dinh_error error;
    const uint8_t *data;        // the bytes read, for a second handle on them (two-part decoding)
    size_t length;
    int created;
    JOCTET *icc;
    unsigned int icc_length;
    JSAMPLE *row;               // CMYK scratch row, freed by close (also after an error)
};

dinh_jpeg *dinh_jpeg_open(const uint8_t *data, size_t length, dinh_jpeg_header *header, int *status) {
    dinh_jpeg *jpeg = calloc(1, sizeof *jpeg);
    if (jpeg == NULL) { *status = DINH_NO_MEMORY; return NULL; }
    memset(header, 0, sizeof *header);
    dinh_error_init(&jpeg->error);
    jpeg->cinfo.err = &jpeg->error.pub;
    jpeg->data = data;
    jpeg->length = length;
    if (setjmp(jpeg->error.jump)) {
        *status = jpeg->error.code;
        return jpeg;
    }
    jpeg_create_decompress(&jpeg->cinfo);
    jpeg->created = 1;
    if (length == 0) ERREXIT(&jpeg->cinfo, JERR_INPUT_EMPTY);
    jpeg_mem_src(&jpeg->cinfo, data, (unsigned long)length);
    jpeg_save_markers(&jpeg->cinfo, JPEG_APP0 + 1, 0xFFFF);
    jpeg_save_markers(&jpeg->cinfo, JPEG_APP0 + 2, 0xFFFF);
    jpeg_read_header(&jpeg->cinfo, TRUE);

    header->width = (int)jpeg->cinfo.image_width;
    header->height = (int)jpeg->cinfo.image_height;
    switch (jpeg->cinfo.jpeg_color_space) {
    case JCS_GRAYSCALE: header->color_model = DINH_GRAY; break;
    case JCS_CMYK: case JCS_YCCK: header->color_model = DINH_CMYK; break;
    default: header->color_model = DINH_RGB; break;
    }
    header->adobe_inverted = jpeg->cinfo.saw_Adobe_marker ? 1 : 0;
    for (jpeg_saved_marker_ptr marker = jpeg->cinfo.marker_list; marker != NULL; marker = marker->next) {
        if (marker->marker == JPEG_APP0 + 1 && marker->data_length >= 6 && memcmp(marker->data, "Exif\0\0", 6) == 0) {
            header->exif = marker->data;
            header->exif_length = marker->data_length;
            break;
        }
    }
    if (jpeg_read_icc_profile(&jpeg->cinfo, &jpeg->icc, &jpeg->icc_length)) {
        header->icc = jpeg->icc;
        header->icc_length = jpeg->icc_length;
    }
    *status = DINH_OK;
    return jpeg;
}

int dinh_jpeg_scaled_size(dinh_jpeg *jpeg, int denominator, int *width, int *height) {
    if (setjmp(jpeg->error.jump)) return jpeg->error.code;
    jpeg->cinfo.scale_num = 1;
    jpeg->cinfo.scale_denom = (unsigned int)denominator;
    jpeg_calc_output_dimensions(&jpeg->cinfo);
    *width = (int)jpeg->cinfo.output_width;
    *height = (int)jpeg->cinfo.output_height;
    return DINH_OK;
}

/// Decodes the output rows from `first_row`, `row_count` of them (to the end when 0), each where it
/// lies in the whole image. The rows above are skipped: read, not decoded (jpeg_skip_scanlines,
/// which keeps the context rows of fancy upsampling, so the pixels are those of a whole decode).
static int dinh_jpeg_decode_rows(dinh_jpeg *jpeg, int denominator, long long max_pixels, int fast,
                                 size_t first_row, size_t row_count, uint8_t *rgb, size_t capacity) {
    struct jpeg_decompress_struct *cinfo = &jpeg->cinfo;
    if (setjmp(jpeg->error.jump)) return jpeg->error.code;
    cinfo->scale_num = 1;
    cinfo->scale_denom = (unsigned int)denominator;
    int cmyk = cinfo->jpeg_color_space == JCS_CMYK || cinfo->jpeg_color_space == JCS_YCCK;
    // libjpeg-turbo expands grayscale to RGB itself; CMYK is converted below.
    cinfo->out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
    if (fast) {
        cinfo->do_fancy_upsampling = FALSE;
        cinfo->dct_method = JDCT_IFAST;
    }
    jpeg_calc_output_dimensions(cinfo);
    size_t width = cinfo->output_width, height = cinfo->output_height;
    if ((long long)width * (long long)height > max_pixels) return DINH_TOO_LARGE;
    if (width * height * 3 > capacity) return DINH_NO_MEMORY;
    // Progressive files are read whole here: their damage shows from now on too.
    jpeg->error.decoding = 1;
    jpeg_start_decompress(cinfo);
    if (cmyk) {
        jpeg->row = malloc(width * 4);
        if (jpeg->row == NULL) return DINH_NO_MEMORY;
    }
    int inverted = cinfo->saw_Adobe_marker;
    size_t end = row_count > 0 && first_row + row_count < height ? first_row + row_count : height;
    if (first_row > 0 && first_row < height) jpeg_skip_scanlines(cinfo, (JDIMENSION)first_row);
    while (cinfo->output_scanline < end) {
        uint8_t *out = rgb + (size_t)cinfo->output_scanline * width * 3;
        if (!cmyk) {
            JSAMPROW rows[1] = { out };
            jpeg_read_scanlines(cinfo, rows, 1);
            continue;
        }
        JSAMPROW rows[1] = { jpeg->row };
        jpeg_read_scanlines(cinfo, rows, 1);
        const uint8_t *in = jpeg->row;
        for (size_t x = 0; x < width; x++, in += 4, out += 3) {
            // Without a CMYK profile, the naive conversion: ink removes light multiplicatively.
            // Adobe (Photoshop) files store the inks inverted, i.e. already as 255 - ink.
            unsigned c = in[0], m = in[1], y = in[2], k = in[3];
            if (!inverted) { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k; }
            out[0] = (uint8_t)((c * k + 127) / 255);
            out[1] = (uint8_t)((m * k + 127) / 255);
            out[2] = (uint8_t)((y * k + 127) / 255);
        }
    }
    // Read on to the end marker when the last row was decoded: data left over before it means
    // the decoder lost its way in damaged data (a missing end marker after whole pixels is no harm).
    if (end == height) {
        jpeg->error.finishing = 1;
        jpeg_finish_decompress(cinfo);
    } else {
        jpeg_abort_decompress(cinfo);
    }
    return DINH_OK;
}

int dinh_jpeg_decode(dinh_jpeg *jpeg, int denominator, long long max_pixels, int fast, uint8_t *rgb, size_t capacity) {
    return dinh_jpeg_decode_rows(jpeg, denominator, max_pixels, fast, 0, 0, rgb, capacity);
}

/// The lower part of a two-part decode, on its own thread and its own handle (so its own setjmp).
typedef struct {
    dinh_jpeg *jpeg;
    long long max_pixels;
    size_t first_row;
    uint8_t *rgb;
    size_t capacity;
    int status;
} dinh_jpeg_part;

static void *dinh_jpeg_decode_part(void *argument) {
    dinh_jpeg_part *part = argument;
    part->status = dinh_jpeg_decode_rows(part->jpeg, 1, part->max_pixels, 0, part->first_row, 0, part->rgb, part->capacity);
    return NULL;
}

int dinh_jpeg_decode_in_two_parts(dinh_jpeg *jpeg, long long max_pixels, uint8_t *rgb, size_t capacity) {
    // The lower part's handle reads the upper rows without decoding them, at about 30 % of the cost
    // of decoding: cut at 59 %, both parts take about as long. A progressive file is read whole
    // before its first row by each handle, and a small one is not worth a thread: one part.
    size_t height = jpeg->cinfo.image_height, upper = height * 59 / 100;
    if (jpeg->cinfo.progressive_mode || height < 256) return dinh_jpeg_decode(jpeg, 1, max_pixels, 0, rgb, capacity);
    dinh_jpeg_header header;
    int status = DINH_OK;
    dinh_jpeg_part part = { dinh_jpeg_open(jpeg->data, jpeg->length, &header, &status), max_pixels, upper, rgb, capacity, DINH_OK };
    pthread_t thread;
    if (part.jpeg == NULL || status != DINH_OK || pthread_create(&thread, NULL, dinh_jpeg_decode_part, &part) != 0) {
        dinh_jpeg_close(part.jpeg);
        return dinh_jpeg_decode(jpeg, 1, max_pixels, 0, rgb, capacity);
    }
    status = dinh_jpeg_decode_rows(jpeg, 1, max_pixels, 0, 0, upper, rgb, capacity);
    pthread_join(thread, NULL);
    if (status == DINH_OK && part.status != DINH_OK) {
        // Reported through this handle, as a one-part decode would.
        status = part.status;
        jpeg->error.code = part.jpeg->error.code;
        memcpy(jpeg->error.message, part.jpeg->error.message, sizeof jpeg->error.message);
    }
    dinh_jpeg_close(part.jpeg);
    return status;
}

const char *dinh_jpeg_message(const dinh_jpeg *jpeg) { return jpeg->error.message; }

void dinh_jpeg_close(dinh_jpeg *jpeg) {
    if (jpeg == NULL) return;
    if (jpeg->created) jpeg_destroy_decompress(&jpeg->cinfo);
    free(jpeg->icc);
    free(jpeg->row);
    free(jpeg);
}

// MARK: - JPEG encoding

/// Kept on the heap so nothing the library changes lives in a local of the setjmp frame.
typedef struct {
    struct jpeg_compress_struct cinfo;
    dinh_error error;
    int created;
    unsigned char *buffer;
    unsigned long length;
} dinh_encoder;

/// A short progressive script: the 1/8-scale preview (DC), coarse luma, colour, then fine luma.
/// Spectral selection only, no successive approximation: in our measurements it encodes in
/// about half the time of jpeg_simple_progression's ten scans, and the files come out smaller.
static const jpeg_scan_info dinh_scans_color[] = {
    { 3, { 0, 1, 2 }, 0, 0, 0, 0 },
    { 1, { 0 }, 1, 5, 0, 0 },
    { 1, { 2 }, 1, 63, 0, 0 },
    { 1, { 1 }, 1, 63, 0, 0 },
    { 1, { 0 }, 6, 63, 0, 0 },
};
static const jpeg_scan_info dinh_scans_gray[] = {
    { 1, { 0 }, 0, 0, 0, 0 },
    { 1, { 0 }, 1, 5, 0, 0 },
    { 1, { 0 }, 6, 63, 0, 0 },
};


int dinh_jpeg_encode(const uint8_t *pixels, int width, int height, int channels, int quality,
                     int progressive, uint8_t **out, size_t *out_length, char *message, size_t message_capacity) {
    *out = NULL;
    *out_length = 0;
    if (channels != 3 && channels != 1) { dinh_copy_message(message, message_capacity, "JPEG needs 1 or 3 channels"); return DINH_UNSUPPORTED; }
    dinh_encoder *encoder = calloc(1, sizeof *encoder);
    if (encoder == NULL) return DINH_NO_MEMORY;
    dinh_error_init(&encoder->error);
    encoder->cinfo.err = &encoder->error.pub;
    if (setjmp(encoder->error.jump)) {
        int code = encoder->error.code;
        dinh_copy_message(message, message_capacity, encoder->error.message);
        if (encoder->created) jpeg_destroy_compress(&encoder->cinfo);
        free(encoder->buffer);
        free(encoder);
        return code;
    }
    struct jpeg_compress_struct *cinfo = &encoder->cinfo;
    jpeg_create_compress(cinfo);
    encoder->created = 1;
    jpeg_mem_dest(cinfo, &encoder->buffer, &encoder->length);
    cinfo->image_width = (JDIMENSION)width;
    cinfo->image_height = (JDIMENSION)height;
    cinfo->input_components = channels;
    cinfo->in_color_space = channels == 3 ? JCS_RGB : JCS_GRAYSCALE;
    jpeg_set_defaults(cinfo);
    jpeg_set_quality(cinfo, quality, TRUE);
    cinfo->optimize_coding = TRUE;
    if (progressive) {
        cinfo->scan_info = channels == 3 ? dinh_scans_color : dinh_scans_gray;
        cinfo->num_scans = channels == 3 ? 5 : 3;
    }
    jpeg_start_compress(cinfo, TRUE);  // writes JFIF only: no EXIF, no ICC, no comments
    size_t stride = (size_t)width * (size_t)channels;
    while (cinfo->next_scanline < cinfo->image_height) {
        JSAMPROW row[1] = { (JSAMPROW)(pixels + (size_t)cinfo->next_scanline * stride) };
        jpeg_write_scanlines(cinfo, row, 1);
    }
    jpeg_finish_compress(cinfo);
    jpeg_destroy_compress(cinfo);
    *out = encoder->buffer;
    *out_length = encoder->length;
    free(encoder);
    return DINH_OK;
}
