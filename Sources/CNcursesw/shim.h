#ifndef NEWSREADER_CNCURSESW_SHIM_H
#define NEWSREADER_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D flags, so the wide-character API must be switched on here,
// before curses.h is read, or cchar_t / setcchar / wadd_wch / wget_wch are missing.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and C globals are not importable (or not concurrency-safe) in Swift 6:
// tiny accessors keep them behind functions.
static inline WINDOW *nr_stdscr(void) { return stdscr; }
static inline int nr_lines(void) { return LINES; }
static inline int nr_cols(void) { return COLS; }
static inline int nr_colors(void) { return COLORS; }
static inline int nr_color_pairs(void) { return COLOR_PAIRS; }
static inline int nr_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int nr_getmaxx(WINDOW *w) { return getmaxx(w); }

static inline attr_t nr_a_normal(void) { return A_NORMAL; }
static inline attr_t nr_a_bold(void) { return A_BOLD; }
static inline attr_t nr_a_dim(void) { return A_DIM; }
static inline attr_t nr_a_underline(void) { return A_UNDERLINE; }
static inline attr_t nr_a_reverse(void) { return A_REVERSE; }
static inline attr_t nr_a_italic(void) { return A_ITALIC; }
static inline attr_t nr_a_blink(void) { return A_BLINK; }
static inline attr_t nr_a_invis(void) { return A_INVIS; }
static inline WINDOW *nr_curscr(void) { return curscr; }

static inline int nr_key_resize(void) { return KEY_RESIZE; }
static inline int nr_key_code_yes(void) { return KEY_CODE_YES; }

// Sets one cell from up to CCHARW_MAX wide chars (a spacing char + combining marks),
// with attributes and an extended colour pair (pairs above 255 do not fit COLOR_PAIR()).
static inline int nr_mvadd_cell(WINDOW *w, int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t c;
    if (setcchar(&c, wch, attrs, 0, &pair) != OK) return ERR;
    return mvwadd_wch(w, y, x, &c);
}

static inline int nr_ccharw_max(void) { return CCHARW_MAX; }

// Mouse: clicks, double clicks and the wheel (buttons 4 and 5), or nothing.
static inline int nr_key_mouse(void) { return KEY_MOUSE; }
static inline void nr_enable_mouse(int on) {
    mmask_t mask = on ? (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0;
    mousemask(mask, NULL);
}
// The pending mouse event: 1 click, 2 double click, 3 wheel up, 4 wheel down, 0 other/none.
static inline int nr_get_mouse(int *x, int *y) {
    MEVENT e;
    if (getmouse(&e) != OK) return 0;
    *x = e.x; *y = e.y;
    if (e.bstate & BUTTON1_DOUBLE_CLICKED) return 2;
    if (e.bstate & BUTTON1_CLICKED) return 1;
    if (e.bstate & BUTTON4_PRESSED) return 3;
    if (e.bstate & BUTTON5_PRESSED) return 4;
    return 0;
}
#endif
