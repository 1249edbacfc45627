#ifndef NEWSREADER_CTEXTWIDTH_H
#define NEWSREADER_CTEXTWIDTH_H
#include <stdint.h>
/// glibc's wcwidth() for one code point, evaluated in a UTF-8 locale whatever the process
/// locale is (under the C locale wcwidth returns -1 for everything non-ASCII). ncurses
/// measures with the same function, so layout and terminal agree.
int nr_wcwidth(uint32_t codepoint);
/// Fills out[i] with nr_wcwidth(i) for i in 0..<count, switching locale once (fast table build).
void nr_wcwidth_fill(int8_t *out, uint32_t count);
#endif
