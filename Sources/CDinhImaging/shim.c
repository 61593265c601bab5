#include "dinh_imaging.h"
int dinh_imaging_version(void) { return 1; }
