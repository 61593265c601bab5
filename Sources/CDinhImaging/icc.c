// Colour profiles (Little CMS): embedded profiles converted to sRGB.
#include "dinh_imaging.h"

#include <string.h>

#include <lcms2.h>

// MARK: - Colour profiles

int dinh_icc_is_srgb(const uint8_t *icc, size_t length) {
    cmsHPROFILE profile = cmsOpenProfileFromMem(icc, (cmsUInt32Number)length);
    if (profile == NULL) return -1;
    char description[256] = {0};
    cmsGetProfileInfoASCII(profile, cmsInfoDescription, "en", "US", description, sizeof description);
    int result = cmsGetColorSpace(profile) == cmsSigRgbData && strstr(description, "sRGB") != NULL;
    cmsCloseProfile(profile);
    return result;
}

int dinh_icc_to_srgb(const uint8_t *icc, size_t length, uint8_t *pixels, size_t pixel_count, int channels) {
    cmsHPROFILE input = cmsOpenProfileFromMem(icc, (cmsUInt32Number)length);
    if (input == NULL) return DINH_UNSUPPORTED;
    if (cmsGetColorSpace(input) != cmsSigRgbData || (channels != 3 && channels != 4)) {
        cmsCloseProfile(input);
        return DINH_UNSUPPORTED;
    }
    cmsHPROFILE srgb = cmsCreate_sRGBProfile();
    cmsUInt32Number format = channels == 4 ? TYPE_RGBA_8 : TYPE_RGB_8;
    cmsHTRANSFORM transform = cmsCreateTransform(input, format, srgb, format, INTENT_PERCEPTUAL,
                                                 channels == 4 ? cmsFLAGS_COPY_ALPHA : 0);
    cmsCloseProfile(input);
    cmsCloseProfile(srgb);
    if (transform == NULL) return DINH_UNSUPPORTED;
    // lcms2 takes a 32-bit count; go in slices so any image size works.
    const size_t slice = 1u << 24;
    for (size_t done = 0; done < pixel_count; done += slice) {
        size_t n = pixel_count - done < slice ? pixel_count - done : slice;
        uint8_t *p = pixels + done * (size_t)channels;
        cmsDoTransform(transform, p, p, (cmsUInt32Number)n);
    }
    cmsDeleteTransform(transform);
    return DINH_OK;
}
