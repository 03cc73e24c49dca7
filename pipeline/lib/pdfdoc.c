/*
 * pdfdoc.c — libharu document, fonts, pages, footers, links, PDF/A parts,
 * atomic save.
 */
#include "pdfdoc.h"
#include "deflate_fast.h"
#include "diag.h"
#include "fsutil.h"
#include "textwrap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dlfcn.h>
#include <hpdf_encrypt.h>
#include <hpdf_fontdef.h>
#include <hpdf_pages.h>

/*
 * Interposed like deflateInit_ (deflate_fast.h), for speed: libharu 2.3
 * copies and clears memory with its own byte-at-a-time loops, HPDF_MemCpy (every chunk of every stream on its
 * way to zlib) and HPDF_MemSet (a 512-byte buffer cleared on every path and
 * text operator); on the 1.300-page list they took 18 % of the run time.
 * These keep libharu's contract (hpdf_utils.c: the return value points past
 * the last byte written) on top of the C library's memmove/memset.
 */
HPDF_BYTE *HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n);
void *HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n);

HPDF_BYTE *HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
    memmove(out, in, n);
    return out + n;
}

void *HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
    memset(s, c, n);
    return (HPDF_BYTE *)s + n;
}

/*
 * Same mechanism: HPDF_TTFontDef_GetGlyphid (hpdf_fontdef_tt.c) finds the
 * cmap segment of a character by a linear search through all segments
 * (DejaVu Sans has about 900), and libharu calls it for every one of the
 * 65.536 code points when it builds a font's CIDToGIDMap — 15 ms per font
 * and program, a third of a short report's run time.  This version finds
 * the same segment, the first whose end is not below the character, by
 * binary search.  That is the same answer when the segment ends ascend (the
 * TrueType rule for cmap format 4), which pdfdoc_open checks for its own two
 * fonts before libharu builds their maps and records in fast_cmaps;
 * pdfdoc_close removes them.  Every other font (not opened by pdfdoc, format
 * 0, empty or unsorted cmap) and a character behind the last segment go to
 * libharu's own function.  Everything after the search is libharu's
 * formula, except that an index at the end of glyph_id_array gives glyph 0
 * instead of reading past it.
 */
HPDF_UINT16 HPDF_TTFontDef_GetGlyphid(HPDF_FontDef fontdef, HPDF_UINT16 unicode);

typedef HPDF_UINT16 (*get_glyphid_fn)(HPDF_FontDef, HPDF_UINT16);

#define FAST_CMAPS 16                 /* fonts of up to 8 documents open at once */
static HPDF_FontDef fast_cmaps[FAST_CMAPS];

/* Record def for the binary search if its cmap allows it (see above). */
static void fast_cmap_add(HPDF_FontDef def)
{
    if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE) return;
    const HPDF_TTF_CmapRange *cmap = &((HPDF_TTFontDefAttr)def->attr)->cmap;
    unsigned seg_count = cmap->seg_count_x2 / 2u;
    if (cmap->format != 4 || seg_count == 0) return;
    for (unsigned i = 1; i < seg_count; i++)
        if (cmap->end_count[i - 1] > cmap->end_count[i]) return;
    for (int i = 0; i < FAST_CMAPS; i++)
        if (!fast_cmaps[i]) { fast_cmaps[i] = def; return; }
}

static void fast_cmap_remove(HPDF_FontDef def)
{
    for (int i = 0; i < FAST_CMAPS; i++)
        if (def && fast_cmaps[i] == def) fast_cmaps[i] = NULL;
}

HPDF_UINT16 HPDF_TTFontDef_GetGlyphid(HPDF_FontDef fontdef, HPDF_UINT16 unicode)
{
    static get_glyphid_fn libharu;
    int fast = 0;
    for (int i = 0; i < FAST_CMAPS && !fast; i++) fast = fast_cmaps[i] == fontdef;
    const HPDF_TTF_CmapRange *cmap = &((HPDF_TTFontDefAttr)fontdef->attr)->cmap;
    unsigned seg_count = cmap->seg_count_x2 / 2u, lo = 0, hi = seg_count;
    if (fast) {
        while (lo < hi) {                     /* first segment with end_count >= unicode */
            unsigned mid = (lo + hi) / 2;
            if (cmap->end_count[mid] < unicode) lo = mid + 1; else hi = mid;
        }
    }
    if (!fast || lo == seg_count) {
        if (!libharu) libharu = (get_glyphid_fn)dlsym(RTLD_NEXT, "HPDF_TTFontDef_GetGlyphid");
        if (!libharu) {                       /* not linked against libharu: cannot happen */
            diag_error("libharu: HPDF_TTFontDef_GetGlyphid nicht gefunden");
            abort();
        }
        return libharu(fontdef, unicode);
    }
    unsigned i = lo;
    if (cmap->start_count[i] > unicode) return 0;
    if (cmap->id_range_offset[i] == 0) return (HPDF_UINT16)(unicode + cmap->id_delta[i]);
    HPDF_UINT idx = cmap->id_range_offset[i] / 2 + (unicode - cmap->start_count[i]) - (seg_count - i);
    if (idx >= cmap->glyph_id_array_count) return 0;
    return (HPDF_UINT16)(cmap->glyph_id_array[idx] + cmap->id_delta[i]);
}

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
    struct pdfdoc *doc = user_data;
    if (!doc->error) {
        doc->error = error_no;
        doc->error_detail = detail_no;
    }
}

/* page_w/page_h of an A4 page in direction d */
static void set_page_size(struct pdfdoc *doc, HPDF_PageDirection d)
{
    doc->page_w = d == HPDF_PAGE_LANDSCAPE ? 841.89 : 595.28;
    doc->page_h = d == HPDF_PAGE_LANDSCAPE ? 595.28 : 841.89;
}

int pdfdoc_fonts_readable(const char *font_regular, const char *font_bold)
{
    const char *files[2] = { font_regular, font_bold };
    for (int i = 0; i < 2; i++) {
        FILE *f = fopen(files[i], "rb");
        if (!f) {
            diag_error("Schriftdatei %s fehlt (Konfiguration [schrift]; Paket fonts-dejavu-core)", files[i]);
            return -1;
        }
        fclose(f);
    }
    return 0;
}

int pdfdoc_open(struct pdfdoc *doc, const char *font_regular, const char *font_bold,
                HPDF_PageDirection direction)
{
    memset(doc, 0, sizeof *doc);
    deflate_fast_enable();
    doc->direction = direction;
    doc->pdf = HPDF_New(on_error, doc);
    if (!doc->pdf) {
        diag_error("PDF-Dokument kann nicht angelegt werden");
        return -1;
    }
    HPDF_SetCompressionMode(doc->pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(doc->pdf);
    HPDF_SetCurrentEncoder(doc->pdf, "UTF-8");
    const char *files[2] = { font_regular, font_bold };
    HPDF_Font *fonts[2] = { &doc->regular, &doc->bold };
    if (pdfdoc_fonts_readable(font_regular, font_bold) != 0) {
        pdfdoc_close(doc);
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        const char *name = HPDF_LoadTTFontFromFile(doc->pdf, files[i], HPDF_TRUE);
        if (name) {
            doc->fontdef[i] = HPDF_GetFontDef(doc->pdf, name);
            fast_cmap_add(doc->fontdef[i]);    /* before HPDF_GetFont builds the CIDToGIDMap */
        }
        *fonts[i] = name ? HPDF_GetFont(doc->pdf, name, "UTF-8") : NULL;
        if (!*fonts[i]) {
            diag_error("Schriftdatei %s ist keine nutzbare TrueType-Schrift (libharu-Fehler 0x%04lX)",
                       files[i], (unsigned long)doc->error);
            pdfdoc_close(doc);
            return -1;
        }
    }
    set_page_size(doc, direction);
    doc->margin_left = doc->margin_right = 42;
    doc->margin_top = 42;
    doc->margin_bottom = 48;
    return 0;
}

void pdfdoc_close(struct pdfdoc *doc)
{
    fast_cmap_remove(doc->fontdef[0]);
    fast_cmap_remove(doc->fontdef[1]);
    if (doc->pdf) HPDF_Free(doc->pdf);
    free(doc->pages);
    free(doc->advance[0]);
    free(doc->advance[1]);
    memset(doc, 0, sizeof *doc);
}

void pdfdoc_set_info(struct pdfdoc *doc, const char *title, const char *author,
                     const char *subject, const char *keywords, time_t t)
{
    if (title) HPDF_SetInfoAttr(doc->pdf, HPDF_INFO_TITLE, title);
    if (author) HPDF_SetInfoAttr(doc->pdf, HPDF_INFO_AUTHOR, author);
    if (subject) HPDF_SetInfoAttr(doc->pdf, HPDF_INFO_SUBJECT, subject);
    if (keywords) HPDF_SetInfoAttr(doc->pdf, HPDF_INFO_KEYWORDS, keywords);
    HPDF_SetInfoAttr(doc->pdf, HPDF_INFO_CREATOR, "ibericht");
    struct tm tm;
    gmtime_r(&t, &tm);
    HPDF_Date d = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                    tm.tm_sec, 'Z', 0, 0 };
    HPDF_SetInfoDateAttr(doc->pdf, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(doc->pdf, HPDF_INFO_MOD_DATE, d);
}

HPDF_Page pdfdoc_new_page(struct pdfdoc *doc)
{
    HPDF_Page page = HPDF_AddPage(doc->pdf);
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, doc->direction);
    if (doc->npages == doc->cap) {
        doc->cap = doc->cap ? doc->cap * 2 : 16;
        doc->pages = xrealloc(doc->pages, sizeof(HPDF_Page) * (size_t)doc->cap);
    }
    doc->pages[doc->npages++] = page;
    doc->page = page;
    set_page_size(doc, doc->direction);
    doc->y = doc->page_h - doc->margin_top;
    if (doc->on_new_page) doc->on_new_page(doc, doc->on_new_page_ctx);
    return page;
}

HPDF_Page pdfdoc_insert_page(struct pdfdoc *doc, int index)
{
    if (index <= 0 || index >= doc->npages) return NULL;
    HPDF_Page page = HPDF_InsertPage(doc->pdf, doc->pages[index]);
    if (!page) return NULL;
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, doc->direction);
    if (doc->npages == doc->cap) {
        doc->cap *= 2;
        doc->pages = xrealloc(doc->pages, sizeof(HPDF_Page) * (size_t)doc->cap);
    }
    memmove(doc->pages + index + 1, doc->pages + index, sizeof(HPDF_Page) * (size_t)(doc->npages - index));
    doc->pages[index] = page;
    doc->npages++;
    doc->page = page;
    set_page_size(doc, doc->direction);
    doc->y = doc->page_h - doc->margin_top;
    if (doc->on_new_page) doc->on_new_page(doc, doc->on_new_page_ctx);
    return page;
}

void pdfdoc_set_direction(struct pdfdoc *doc, HPDF_PageDirection direction)
{
    doc->direction = direction;
}

void pdfdoc_select_page(struct pdfdoc *doc, int index)
{
    if (index < 0 || index >= doc->npages) return;
    doc->page = doc->pages[index];
    doc->page_w = HPDF_Page_GetWidth(doc->page);
    doc->page_h = HPDF_Page_GetHeight(doc->page);
}

void pdfdoc_link(struct pdfdoc *doc, double x0, double y0, double x1, double y1,
                 int target, double top)
{
    if (target < 0 || target >= doc->npages || !doc->page) return;
    HPDF_Destination dst = HPDF_Page_CreateDestination(doc->pages[target]);
    HPDF_Destination_SetFitH(dst, (HPDF_REAL)top);
    HPDF_Rect r = { (HPDF_REAL)x0, (HPDF_REAL)y0, (HPDF_REAL)x1, (HPDF_REAL)y1 };
    HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(doc->page, r, dst);
    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    HPDF_LinkAnnot_SetHighlightMode(a, HPDF_ANNOT_INVERT_BOX);
    if (doc->pdfa) HPDF_Dict_AddNumber(a, "F", 4);      /* Print; PDF/A-1, 6.5.3 */
}

double pdfdoc_bottom(const struct pdfdoc *doc) { return doc->margin_bottom; }

double pdfdoc_content_width(const struct pdfdoc *doc)
{
    return doc->page_w - doc->margin_left - doc->margin_right;
}

/*
 * Decode one UTF-8 sequence at p (end bounds it, p < end): returns the bytes
 * it takes, the character to draw in *cp.  What a two-byte CID cannot carry
 * or is not UTF-8 becomes U+FFFD: a character beyond U+FFFF (its four
 * bytes), a byte that starts no sequence or a cut-off sequence (one byte),
 * an overlong form or a surrogate (its bytes).  NUL gives 0: not drawn.
 */
static int utf8_next(const unsigned char *p, const unsigned char *end, unsigned *cp)
{
    unsigned c = p[0];
    int n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
          : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (n == 0 || end - p < n) { *cp = 0xFFFD; return 1; }
    for (int i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
    if (n == 1) { *cp = c; return 1; }
    if (n == 2) { *cp = (c & 0x1F) << 6 | (p[1] & 0x3F); return 2; }
    if (n == 3) {
        unsigned v = (c & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
        *cp = v < 0x800 || (v >= 0xD800 && v <= 0xDFFF) ? 0xFFFD : v;
        return 3;
    }
    *cp = 0xFFFD;                             /* four bytes: beyond the BMP (or overlong) */
    return 4;
}

/* The advance table of font (0 regular, 1 bold), made on first use; -1 for another font. */
static int advance_table(struct pdfdoc *doc, HPDF_Font font)
{
    int which = font == doc->bold ? 1 : font == doc->regular ? 0 : -1;
    if (which >= 0 && !doc->advance[which]) {
        doc->advance[which] = xmalloc(sizeof(unsigned short) * 0x10000);
        memset(doc->advance[which], 0xFF, sizeof(unsigned short) * 0x10000);
    }
    return which;
}

/*
 * Advance of code point cp (< 0x10000) in font, 1/1000 em.  The first lookup
 * asks libharu (HPDF_Font_TextWidth on the character's UTF-8 bytes), which
 * also marks the glyph as used, so that it goes into the embedded subset.
 */
static unsigned advance_of(struct pdfdoc *doc, int which, HPDF_Font font, unsigned cp)
{
    unsigned short *adv = doc->advance[which];
    if (adv[cp] != 0xFFFF) return adv[cp];
    if (cp == 0) return adv[0] = 0;
    unsigned char u[3];
    int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
    if (n == 1) u[0] = (unsigned char)cp;
    else if (n == 2) { u[0] = (unsigned char)(0xC0 | cp >> 6); u[1] = (unsigned char)(0x80 | (cp & 0x3F)); }
    else {
        u[0] = (unsigned char)(0xE0 | cp >> 12);
        u[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        u[2] = (unsigned char)(0x80 | (cp & 0x3F));
    }
    HPDF_TextWidth tw = HPDF_Font_TextWidth(font, u, (HPDF_UINT)n);
    if (tw.width < 0xFFFF) adv[cp] = (unsigned short)tw.width;
    return tw.width;
}

double pdfdoc_measure(struct pdfdoc *doc, HPDF_Font font, double size, const char *s, size_t len)
{
    int which = advance_table(doc, font);
    if (which < 0) {              /* another font: ask libharu directly */
        HPDF_TextWidth tw = HPDF_Font_TextWidth(font, (const HPDF_BYTE *)s, (HPDF_UINT)len);
        return tw.width * size / 1000.0;
    }
    unsigned long total = 0;
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        unsigned cp;
        int n = utf8_next(p, end, &cp);
        total += advance_of(doc, which, font, cp);
        p += n;
    }
    return (double)total * size / 1000.0;
}

/*
 * The page's content stream.  hpdf_pages.h (installed by libhpdf-dev) is
 * libharu's own description of a page; its `stream` is where every
 * HPDF_Page_* operator writes.
 */
static HPDF_Stream page_stream(HPDF_Page page)
{
    return ((HPDF_PageAttr)page->attr)->stream;
}

/* Append n bytes to the current page's content stream; errors go to doc->error. */
static void content_write(struct pdfdoc *doc, const char *buf, size_t n)
{
    HPDF_STATUS st = HPDF_Stream_Write(page_stream(doc->page), (const HPDF_BYTE *)buf, (HPDF_UINT)n);
    if (st != HPDF_OK && !doc->error) doc->error = st;
}

/* Write v/1000 in the shortest decimal form („-10.37“, „45.5“, „0“) at out; returns the end. */
static char *milli_format(char *out, long v)
{
    if (v < 0) { *out++ = '-'; v = -v; }
    char tmp[24];
    int n = 0;
    long whole = v / 1000;
    do { tmp[n++] = (char)('0' + whole % 10); whole /= 10; } while (whole);
    while (n) *out++ = tmp[--n];
    int frac = (int)(v % 1000);
    if (frac) {
        *out++ = '.';
        int digits[3] = { frac / 100, frac / 10 % 10, frac % 10 }, last = 2;
        while (!digits[last]) last--;
        for (int i = 0; i <= last; i++) *out++ = (char)('0' + digits[i]);
    }
    return out;
}

void pdfdoc_text_begin(struct pdfdoc *doc, HPDF_Font font, double size)
{
    HPDF_Page_BeginText(doc->page);
    HPDF_Page_SetFontAndSize(doc->page, font, (HPDF_REAL)size);
    doc->text_font = font;
    doc->text_x = doc->text_y = 0;
}

void pdfdoc_text_show(struct pdfdoc *doc, double x, double y, const char *s, size_t len)
{
    HPDF_Font font = doc->text_font;
    if (!font || !len || !isfinite(x) || !isfinite(y) || fabs(x) > 1e9 || fabs(y) > 1e9) return;
    /* the line start moves by whole thousandths of a point, so that the
       relative moves add up to the exact positions asked for */
    long mx = lround(x * 1000), my = lround(y * 1000);
    char buf[2048];
    char *o = milli_format(buf, mx - doc->text_x);
    *o++ = ' ';
    o = milli_format(o, my - doc->text_y);
    memcpy(o, " Td\n", 4);
    o += 4;
    doc->text_x = mx;
    doc->text_y = my;
    int which = advance_table(doc, font);
    if (which < 0) {              /* not one of the document's fonts: libharu encodes */
        content_write(doc, buf, (size_t)(o - buf));
        char small[512];
        char *copy = len < sizeof small ? small : xmalloc(len + 1);
        memcpy(copy, s, len);
        copy[len] = '\0';
        HPDF_Page_ShowText(doc->page, copy);
        if (copy != small) free(copy);
        return;
    }
    *o++ = '(';
    /* the string: two bytes per character, the code point, which is the CID
       of libharu's UTF-8 encoder (CIDToGIDMap maps it to the glyph) */
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        if (o - buf > (long)sizeof buf - 16) {
            content_write(doc, buf, (size_t)(o - buf));
            o = buf;
        }
        unsigned cp;
        p += utf8_next(p, end, &cp);
        if (cp == 0) continue;
        advance_of(doc, which, font, cp);          /* marks the glyph for the subset */
        unsigned char b[2] = { (unsigned char)(cp >> 8), (unsigned char)cp };
        for (int i = 0; i < 2; i++) {
            switch (b[i]) {
            case '(': case ')': case '\\': *o++ = '\\'; *o++ = (char)b[i]; break;
            case '\r': *o++ = '\\'; *o++ = 'r'; break;
            case '\n': *o++ = '\\'; *o++ = 'n'; break;
            default: *o++ = (char)b[i];
            }
        }
    }
    memcpy(o, ") Tj\n", 5);
    o += 5;
    content_write(doc, buf, (size_t)(o - buf));
}

void pdfdoc_text_end(struct pdfdoc *doc)
{
    HPDF_Page_EndText(doc->page);
    doc->text_font = NULL;
}

void pdfdoc_text(struct pdfdoc *doc, HPDF_Font font, double size, double x, double y,
                 const char *s, size_t len)
{
    pdfdoc_text_begin(doc, font, size);
    pdfdoc_text_show(doc, x, y, s, len);
    pdfdoc_text_end(doc);
}

struct para_measure { struct pdfdoc *doc; HPDF_Font font; double size; };

static double para_measure(const char *s, size_t len, void *p)
{
    struct para_measure *m = p;
    return pdfdoc_measure(m->doc, m->font, m->size, s, len);
}

double pdfdoc_paragraph(struct pdfdoc *doc, HPDF_Font font, double size, const char *text, int draw)
{
    struct textwrap w = { 0 };
    struct para_measure m = { doc, font, size };
    int n = textwrap_break(&w, text, pdfdoc_content_width(doc), para_measure, &m);
    double leading = size * 1.25;
    if (draw && n) {
        pdfdoc_text_begin(doc, font, size);
        for (int i = 0; i < n; i++) {
            const struct textwrap_line *ln = &w.lines[i];
            double y = doc->y - size * 0.93 - i * leading;
            pdfdoc_text_show(doc, doc->margin_left, y, text + ln->start, ln->len);
            if (ln->hyphen)       /* a word broken here (textwrap.h) */
                pdfdoc_text_show(doc, doc->margin_left + pdfdoc_measure(doc, font, size, text + ln->start, ln->len),
                                 y, "-", 1);
        }
        pdfdoc_text_end(doc);
        doc->y -= n * leading;
    }
    textwrap_free(&w);
    return n * leading;
}

HPDF_Outline pdfdoc_outline(struct pdfdoc *doc, HPDF_Outline parent, const char *title)
{
    HPDF_Outline o = HPDF_CreateOutline(doc->pdf, parent, title, HPDF_GetEncoder(doc->pdf, "UTF-8"));
    HPDF_Destination dst = HPDF_Page_CreateDestination(doc->page);
    HPDF_Destination_SetFitH(dst, (HPDF_REAL)(doc->y + 20));
    HPDF_Outline_SetDestination(o, dst);
    return o;
}

void pdfdoc_footers(struct pdfdoc *doc, const char *left, const char *center)
{
    const double size = 8, y = doc->margin_bottom - 26;
    char right[64];
    for (int i = doc->footer_from; i < doc->npages; i++) {
        pdfdoc_select_page(doc, i);
        const double x0 = doc->margin_left, x1 = doc->page_w - doc->margin_right;
        HPDF_Page_SetGrayStroke(doc->page, 0.5);
        HPDF_Page_SetLineWidth(doc->page, 0.5);
        HPDF_Page_MoveTo(doc->page, (HPDF_REAL)x0, (HPDF_REAL)(y + 11));
        HPDF_Page_LineTo(doc->page, (HPDF_REAL)x1, (HPDF_REAL)(y + 11));
        HPDF_Page_Stroke(doc->page);
        HPDF_Page_SetGrayFill(doc->page, 0.25);
        if (left) pdfdoc_text(doc, doc->regular, size, x0, y, left, strlen(left));
        if (center) {
            double w = pdfdoc_measure(doc, doc->regular, size, center, strlen(center));
            pdfdoc_text(doc, doc->regular, size, (x0 + x1 - w) / 2, y, center, strlen(center));
        }
        int n = snprintf(right, sizeof right, "Seite %d von %d", i + 1, doc->npages);
        double w = pdfdoc_measure(doc, doc->regular, size, right, (size_t)n);
        pdfdoc_text(doc, doc->regular, size, x1 - w, y, right, (size_t)n);
        HPDF_Page_SetGrayFill(doc->page, 0);
    }
}

/* Append s to the XMP packet, XML-escaped. */
static void xmp_text(HPDF_Stream st, const char *s)
{
    for (const char *p = s; p && *p; p++) {
        switch (*p) {
        case '&': HPDF_Stream_WriteStr(st, "&amp;"); break;
        case '<': HPDF_Stream_WriteStr(st, "&lt;"); break;
        case '>': HPDF_Stream_WriteStr(st, "&gt;"); break;
        case '"': HPDF_Stream_WriteStr(st, "&quot;"); break;
        default: HPDF_Stream_Write(st, (const HPDF_BYTE *)p, 1);
        }
    }
}

/* "D:YYYYMMDDHHmmSS…" of the info dictionary → XMP "YYYY-MM-DDTHH:mm:SSZ"
 * (pdfdoc_set_info writes UTC). */
static void xmp_date(HPDF_Stream st, const char *d)
{
    char buf[32];
    if (!d || strlen(d) < 16 || strncmp(d, "D:", 2) != 0) return;
    snprintf(buf, sizeof buf, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", d + 2, d + 6, d + 8, d + 10,
             d + 12, d + 14);
    HPDF_Stream_WriteStr(st, buf);
}

int pdfdoc_pdfa(struct pdfdoc *doc, const char *icc_profile)
{
    HPDF_Doc pdf = doc->pdf;
    const char *title = HPDF_GetInfoAttr(pdf, HPDF_INFO_TITLE);
    const char *author = HPDF_GetInfoAttr(pdf, HPDF_INFO_AUTHOR);
    const char *subject = HPDF_GetInfoAttr(pdf, HPDF_INFO_SUBJECT);
    const char *keywords = HPDF_GetInfoAttr(pdf, HPDF_INFO_KEYWORDS);
    const char *creator = HPDF_GetInfoAttr(pdf, HPDF_INFO_CREATOR);
    const char *producer = HPDF_GetInfoAttr(pdf, HPDF_INFO_PRODUCER);
    const char *created = HPDF_GetInfoAttr(pdf, HPDF_INFO_CREATION_DATE);
    const char *modified = HPDF_GetInfoAttr(pdf, HPDF_INFO_MOD_DATE);

    /* the XMP packet (ISO 19005-1, 6.7): the info entries as Dublin Core, xmp and pdf
       properties, and the PDF/A identification */
    HPDF_Dict xmp = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!xmp) return -1;
    HPDF_Dict_AddName(xmp, "Type", "Metadata");
    HPDF_Dict_AddName(xmp, "Subtype", "XML");
    HPDF_Stream st = xmp->stream;
    HPDF_Stream_WriteStr(st, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                         "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                         "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
    HPDF_Stream_WriteStr(st, "<dc:format>application/pdf</dc:format>\n");
    if (title) {
        HPDF_Stream_WriteStr(st, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
        xmp_text(st, title);
        HPDF_Stream_WriteStr(st, "</rdf:li></rdf:Alt></dc:title>\n");
    }
    if (author) {
        HPDF_Stream_WriteStr(st, "<dc:creator><rdf:Seq><rdf:li>");
        xmp_text(st, author);
        HPDF_Stream_WriteStr(st, "</rdf:li></rdf:Seq></dc:creator>\n");
    }
    if (subject) {
        HPDF_Stream_WriteStr(st, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
        xmp_text(st, subject);
        HPDF_Stream_WriteStr(st, "</rdf:li></rdf:Alt></dc:description>\n");
    }
    HPDF_Stream_WriteStr(st, "</rdf:Description>\n"
                         "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
    if (creator) {
        HPDF_Stream_WriteStr(st, "<xmp:CreatorTool>");
        xmp_text(st, creator);
        HPDF_Stream_WriteStr(st, "</xmp:CreatorTool>\n");
    }
    if (created) {
        HPDF_Stream_WriteStr(st, "<xmp:CreateDate>");
        xmp_date(st, created);
        HPDF_Stream_WriteStr(st, "</xmp:CreateDate>\n");
    }
    if (modified) {
        HPDF_Stream_WriteStr(st, "<xmp:ModifyDate>");
        xmp_date(st, modified);
        HPDF_Stream_WriteStr(st, "</xmp:ModifyDate>\n");
    }
    HPDF_Stream_WriteStr(st, "</rdf:Description>\n"
                         "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
    if (keywords) {
        HPDF_Stream_WriteStr(st, "<pdf:Keywords>");
        xmp_text(st, keywords);
        HPDF_Stream_WriteStr(st, "</pdf:Keywords>\n");
    }
    if (producer) {
        HPDF_Stream_WriteStr(st, "<pdf:Producer>");
        xmp_text(st, producer);
        HPDF_Stream_WriteStr(st, "</pdf:Producer>\n");
    }
    HPDF_Stream_WriteStr(st, "</rdf:Description>\n"
                         "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                         "<pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>\n"
                         "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
    HPDF_Dict_Add(pdf->catalog, "Metadata", xmp);

    /* file identifier (6.1.3): from the info, not from the clock */
    HPDF_MD5_CTX h;
    HPDF_BYTE digest[HPDF_MD5_KEY_LEN];
    const char *parts[] = { title, author, subject, keywords, created };
    HPDF_MD5Init(&h);
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (parts[i]) HPDF_MD5Update(&h, (const HPDF_BYTE *)parts[i], (HPDF_UINT32)strlen(parts[i]) + 1);
    HPDF_MD5Final(digest, &h);
    HPDF_Array id = HPDF_Array_New(pdf->mmgr);
    HPDF_Dict_Add(pdf->trailer, "ID", id);
    HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, digest, HPDF_MD5_KEY_LEN));
    HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, digest, HPDF_MD5_KEY_LEN));

    pdf->pdf_version = HPDF_VER_14;                    /* PDF/A-1 is based on PDF 1.4 */
    doc->pdfa = 1;
    if (!icc_profile) return doc->error ? -1 : 0;

    /* output intent (6.2.2) with the embedded RGB profile */
    FILE *f = fopen(icc_profile, "rb");
    if (!f) {
        diag_error("ICC-Profil %s kann nicht gelesen werden", icc_profile);
        return -1;
    }
    fclose(f);
    HPDF_OutputIntent icc = HPDF_LoadIccProfileFromFile(pdf, icc_profile, 3);
    if (!icc) {
        diag_error("ICC-Profil %s ist kein nutzbares RGB-Profil (libharu-Fehler 0x%04lX)", icc_profile,
                   (unsigned long)doc->error);
        return -1;
    }
    HPDF_Dict intent = HPDF_Dict_New(pdf->mmgr);
    HPDF_Xref_Add(pdf->xref, intent);
    HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL));
    HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL));
    HPDF_Dict_Add(intent, "DestOutputProfile", icc);
    HPDF_Array intents = HPDF_Array_New(pdf->mmgr);
    HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);
    HPDF_Array_Add(intents, intent);
    return doc->error ? -1 : 0;
}

int pdfdoc_save(struct pdfdoc *doc, const char *path)
{
    if (doc->error) {
        diag_error("%s: PDF-Aufbau fehlgeschlagen (libharu-Fehler 0x%04lX, Detail %lu)", path,
                   (unsigned long)doc->error, (unsigned long)doc->error_detail);
        return -1;
    }
    char *tmp = outfile_temp(path);
    if (!tmp) return -1;
    if (HPDF_SaveToFile(doc->pdf, tmp) != HPDF_OK || doc->error) {
        diag_error("%s: PDF kann nicht geschrieben werden (libharu-Fehler 0x%04lX)", path,
                   (unsigned long)doc->error);
        outfile_abort(tmp);
        free(tmp);
        return -1;
    }
    int rc = outfile_commit(tmp, path);
    free(tmp);
    return rc;
}

/* Structure API: placeholders until the tagged-PDF writer lands (see pdfdoc.h). */
int pdfdoc_tag_begin(struct pdfdoc *doc, const char *role) { (void)doc; (void)role; return 1; }
void pdfdoc_tag_attr(struct pdfdoc *doc, const char *key, const char *value) { (void)doc; (void)key; (void)value; }
void pdfdoc_tag_end(struct pdfdoc *doc) { (void)doc; }
int pdfdoc_tag_mark(struct pdfdoc *doc) { (void)doc; return 0; }
int pdfdoc_tag_begin_at(struct pdfdoc *doc, int mark, const char *role) { (void)mark; return pdfdoc_tag_begin(doc, role); }
void pdfdoc_artifact_begin(struct pdfdoc *doc, const char *type) { (void)doc; (void)type; }
void pdfdoc_artifact_end(struct pdfdoc *doc) { (void)doc; }
