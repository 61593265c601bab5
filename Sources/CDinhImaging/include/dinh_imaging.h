#ifndef DINH_IMAGING_H
#define DINH_IMAGING_H
// C shim for libjpeg: every libjpeg call that may longjmp on error is made here, inside a
// setjmp frame, so an error comes back to Swift as a return code with a message.
int dinh_imaging_version(void);
#endif
