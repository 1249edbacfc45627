#define _GNU_SOURCE
#include "CTextWidth.h"
#include <locale.h>
#include <wchar.h>
#include <pthread.h>

static locale_t utf8_locale = (locale_t)0;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void make_locale(void) {
    utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (!utf8_locale) utf8_locale = newlocale(LC_CTYPE_MASK, "en_US.UTF-8", (locale_t)0);
}

int nr_wcwidth(uint32_t cp) {
    if (cp >= 0x20 && cp < 0x7f) return 1;
    pthread_once(&once, make_locale);
    if (!utf8_locale) return cp < 0x80 ? -1 : 1;
    // uselocale only swaps a thread-local pointer: cheap, and leaves other threads alone.
    locale_t old = uselocale(utf8_locale);
    int w = wcwidth((wchar_t)cp);
    uselocale(old);
    return w;
}

void nr_wcwidth_fill(int8_t *out, uint32_t count) {
    pthread_once(&once, make_locale);
    if (!utf8_locale) {
        for (uint32_t cp = 0; cp < count; cp++) out[cp] = (cp >= 0x20 && cp < 0x7f) ? 1 : (cp < 0x80 ? -1 : 1);
        return;
    }
    locale_t old = uselocale(utf8_locale);
    for (uint32_t cp = 0; cp < count; cp++) out[cp] = (int8_t)wcwidth((wchar_t)cp);
    uselocale(old);
}
