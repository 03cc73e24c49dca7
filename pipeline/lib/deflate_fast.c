/*
 * deflate_fast.c — zlib's deflateInit_/deflateInit2_ with level 1 for
 * libharu and libxlsxwriter (see deflate_fast.h for why and how).
 */
#include "deflate_fast.h"

#include <dlfcn.h>
#include <zlib.h>

static int fast;

void deflate_fast_enable(void)
{
    fast = 1;
}

typedef int (*deflate_init2_fn)(z_streamp, int, int, int, int, int, const char *, int);

int deflateInit2_(z_streamp strm, int level, int method, int window_bits, int mem_level,
                  int strategy, const char *version, int stream_size)
{
    static deflate_init2_fn real;
    if (!real) real = (deflate_init2_fn)dlsym(RTLD_NEXT, "deflateInit2_");
    if (!real) return Z_VERSION_ERROR;
    return real(strm, fast ? Z_BEST_SPEED : level, method, window_bits, mem_level, strategy,
                version, stream_size);
}

/* zlib.h: deflateInit(strm, level) is deflateInit2 with the defaults below */
int deflateInit_(z_streamp strm, int level, const char *version, int stream_size)
{
    return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version,
                         stream_size);
}
