#ifndef NEWSREADER_CZLIB_SHIM_H
#define NEWSREADER_CZLIB_SHIM_H
#include <zlib.h>
#endif
