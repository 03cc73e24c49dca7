/*
 * deflate_fast.h — compress the PDF and XLSX outputs with zlib's fastest
 * level.
 *
 * Neither libharu 2.3 nor libxlsxwriter 1.1.4 lets the caller choose the
 * compression level: libharu calls deflateInit() (level 6) for every PDF
 * stream, libxlsxwriter's minizip calls deflateInit2() with
 * Z_DEFAULT_COMPRESSION (level 6) for every part of the XLSX package.  On
 * the 1.300-page measure list deflate took a third of each renderer's time.
 * deflate_fast.c defines deflateInit_ and deflateInit2_ in the executable;
 * the dynamic linker binds the libraries' calls to these (the executable
 * comes first in symbol lookup), and once deflate_fast_enable() has run they
 * ask the real zlib (dlsym RTLD_NEXT) for Z_BEST_SPEED instead of the level
 * given.  Level 1 is about twice as fast as 6; files grow by about 40 % and
 * stay at about a quarter of their uncompressed size; any reader inflates
 * them the same way.  Before deflate_fast_enable() (and in programs that
 * never call it) the level asked for is used unchanged.
 */
#ifndef IB_DEFLATE_FAST_H
#define IB_DEFLATE_FAST_H

/* deflate_fast_enable — from now on every deflate stream of this process
 * uses Z_BEST_SPEED.  Called by pdfdoc_open and xlsxfmt_open. */
void deflate_fast_enable(void);

#endif
