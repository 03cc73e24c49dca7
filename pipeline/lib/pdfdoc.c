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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <dlfcn.h>
#include <hpdf_encrypt.h>
#include <hpdf_fontdef.h>
#include <hpdf_pages.h>

/* tagged PDF, at the end of this file */
static int tags_open(struct pdfdoc *doc);
static void tags_free(struct pdfdoc *doc);
static void tags_page_insert(struct pdfdoc *doc, int index);
static void tags_finish(struct pdfdoc *doc);
static void tag_link(struct pdfdoc *doc, HPDF_Annotation a);
static void mc_close(struct pdfdoc *doc);
static void mc_close_in_text(struct pdfdoc *doc);
static void fonts_fix(struct pdfdoc *doc);
static void xmp_write(struct pdfdoc *doc);

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
    fonts_fix(doc);
    if (tags_open(doc) != 0) {
        diag_error("PDF-Strukturbaum kann nicht angelegt werden (libharu-Fehler 0x%04lX)", (unsigned long)doc->error);
        pdfdoc_close(doc);
        return -1;
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
    tags_free(doc);
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

/* on_new_page draws page furniture: a Pagination artifact */
static void page_furniture(struct pdfdoc *doc)
{
    if (!doc->on_new_page) return;
    pdfdoc_artifact_begin(doc, "Pagination");
    doc->on_new_page(doc, doc->on_new_page_ctx);
    pdfdoc_artifact_end(doc);
}

HPDF_Page pdfdoc_new_page(struct pdfdoc *doc)
{
    mc_close(doc);
    HPDF_Page page = HPDF_AddPage(doc->pdf);
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, doc->direction);
    if (doc->npages == doc->cap) {
        doc->cap = doc->cap ? doc->cap * 2 : 16;
        doc->pages = xrealloc(doc->pages, sizeof(HPDF_Page) * (size_t)doc->cap);
    }
    tags_page_insert(doc, doc->npages);
    doc->pages[doc->npages++] = page;
    doc->page = page;
    set_page_size(doc, doc->direction);
    doc->y = doc->page_h - doc->margin_top;
    page_furniture(doc);
    return page;
}

HPDF_Page pdfdoc_insert_page(struct pdfdoc *doc, int index)
{
    if (index <= 0 || index >= doc->npages) return NULL;
    mc_close(doc);
    HPDF_Page page = HPDF_InsertPage(doc->pdf, doc->pages[index]);
    if (!page) return NULL;
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, doc->direction);
    if (doc->npages == doc->cap) {
        doc->cap *= 2;
        doc->pages = xrealloc(doc->pages, sizeof(HPDF_Page) * (size_t)doc->cap);
    }
    tags_page_insert(doc, index);
    memmove(doc->pages + index + 1, doc->pages + index, sizeof(HPDF_Page) * (size_t)(doc->npages - index));
    doc->pages[index] = page;
    doc->npages++;
    doc->page = page;
    set_page_size(doc, doc->direction);
    doc->y = doc->page_h - doc->margin_top;
    page_furniture(doc);
    return page;
}

void pdfdoc_set_direction(struct pdfdoc *doc, HPDF_PageDirection direction)
{
    doc->direction = direction;
}

void pdfdoc_select_page(struct pdfdoc *doc, int index)
{
    if (index < 0 || index >= doc->npages) return;
    if (doc->pages[index] != doc->page) mc_close(doc);
    doc->page = doc->pages[index];
    doc->page_w = HPDF_Page_GetWidth(doc->page);
    doc->page_h = HPDF_Page_GetHeight(doc->page);
}

void pdfdoc_link(struct pdfdoc *doc, double x0, double y0, double x1, double y1,
                 int target, double top, const char *contents)
{
    if (target < 0 || target >= doc->npages || !doc->page) return;
    HPDF_Destination dst = HPDF_Page_CreateDestination(doc->pages[target]);
    HPDF_Destination_SetFitH(dst, (HPDF_REAL)top);
    HPDF_Rect r = { (HPDF_REAL)x0, (HPDF_REAL)y0, (HPDF_REAL)x1, (HPDF_REAL)y1 };
    HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(doc->page, r, dst);
    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    HPDF_LinkAnnot_SetHighlightMode(a, HPDF_ANNOT_INVERT_BOX);
    if (doc->pdfa) HPDF_Dict_AddNumber(a, "F", 4);      /* Print; PDF/A-1, 6.5.3 */
    if (contents) HPDF_Dict_Add(a, "Contents", HPDF_String_New(doc->pdf->mmgr, contents,
                                                               HPDF_GetEncoder(doc->pdf, "UTF-8")));
    tag_link(doc, a);
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
    doc->text_size = size;
    doc->text_x = doc->text_y = 0;
}

void pdfdoc_text_show(struct pdfdoc *doc, double x, double y, const char *s, size_t len)
{
    HPDF_Font font = doc->text_font;
    if (!font || !len || !isfinite(x) || !isfinite(y) || fabs(x) > 1e9 || fabs(y) > 1e9) return;
    pdfdoc_tag_content(doc);
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
    mc_close_in_text(doc);
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
        pdfdoc_artifact_begin(doc, "Pagination");
        pdfdoc_tag_content(doc);
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
        pdfdoc_artifact_end(doc);
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

/* The XMP packet (ISO 19005-1, 6.7), in every PDF: the info entries as
 * Dublin Core, xmp and pdf properties; with pdfdoc_pdfa the PDF/A
 * identification.  Written at save, when the info is complete. */
static void xmp_write(struct pdfdoc *doc)
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
    if (HPDF_Dict_GetItem(pdf->catalog, "Metadata", HPDF_OCLASS_DICT)) return;
    HPDF_Dict xmp = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!xmp) return;
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
    HPDF_Stream_WriteStr(st, "</rdf:Description>\n");
    if (doc->pdfa)
        HPDF_Stream_WriteStr(st, "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                             "<pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>\n"
                             "</rdf:Description>\n");
    HPDF_Stream_WriteStr(st, "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
    HPDF_Dict_Add(pdf->catalog, "Metadata", xmp);

}

int pdfdoc_pdfa(struct pdfdoc *doc, const char *icc_profile)
{
    HPDF_Doc pdf = doc->pdf;

    /* file identifier (6.1.3): from the info, not from the clock */
    HPDF_MD5_CTX h;
    HPDF_BYTE digest[HPDF_MD5_KEY_LEN];
    static const HPDF_InfoType parts[] = { HPDF_INFO_TITLE, HPDF_INFO_AUTHOR, HPDF_INFO_SUBJECT,
                                           HPDF_INFO_KEYWORDS, HPDF_INFO_CREATION_DATE };
    HPDF_MD5Init(&h);
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        const char *v = HPDF_GetInfoAttr(pdf, parts[i]);
        if (v) HPDF_MD5Update(&h, (const HPDF_BYTE *)v, (HPDF_UINT32)strlen(v) + 1);
    }
    HPDF_MD5Final(digest, &h);
    HPDF_Array id = HPDF_Array_New(pdf->mmgr);
    HPDF_Dict_Add(pdf->trailer, "ID", id);
    HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, digest, HPDF_MD5_KEY_LEN));
    HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, digest, HPDF_MD5_KEY_LEN));

    pdf->pdf_version = HPDF_VER_14;                    /* PDF/A-1 is based on PDF 1.4 */
    doc->pdfa = 1;

    /* output intent (6.2.2) with the embedded RGB profile */
    int own = !icc_profile;
    if (own) icc_profile = PDFDOC_SRGB_PROFILE;
    FILE *f = fopen(icc_profile, "rb");
    if (!f) {
        if (own) diag_error("ICC-Profil %s fehlt (Paket icc-profiles-free; oder [bericht] icc_profil)", icc_profile);
        else diag_error("ICC-Profil %s kann nicht gelesen werden", icc_profile);
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
    tags_finish(doc);
    xmp_write(doc);
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


/* ------------------------------------------------------------------------
 * Tagged PDF (pdfdoc.h, "Tagged PDF").  A report has tens of thousands of
 * structure elements (a TD per table cell); built from libharu objects
 * (a dictionary element alone is 140 bytes, every value and reference
 * another allocation) they tripled the memory and doubled the run time of
 * the long measure list.  So an element is kept here, in a small C struct,
 * and libharu only holds an empty indirect dictionary for it (its object
 * number; the xref owns it, so nothing leaks when a document is closed
 * unsaved) whose write function (libharu's OnWriteFunc) writes the entries
 * from the struct when the file is saved: /S, /P, /Pg, /K (child elements
 * as references, MCIDs as integers on the element's /Pg page and as MCR
 * dictionaries on other pages, links as OBJR), /Alt, /ActualText, /Lang and
 * the table attributes /A.  The ParentTree is written the same way.
 */

enum { MC_NONE, MC_STRUCT, MC_ARTIFACT };
enum { ELEM_BLOCK = 1024 };
enum { KID_ELEM, KID_MCID, KID_OBJR };

struct selem;

struct skid {
    int kind;
    int mcid;
    void *obj;                     /* KID_ELEM: the struct selem; KID_OBJR: the annotation */
    HPDF_Page pg;                  /* KID_MCID, KID_OBJR */
};

struct selem {                     /* a structure element */
    HPDF_Dict obj;                 /* its indirect object (written by selem_write) */
    struct selem *parent;          /* NULL: the StructTreeRoot */
    HPDF_Dict root;                /* the StructTreeRoot (for /P of the document element) */
    HPDF_Page pg;                  /* /Pg, NULL = none yet */
    struct skid *kids;             /* &kid0 while there is one (most cells) */
    int nkids, cap;
    struct skid kid0;
    char *alt, *actual, *lang;     /* UTF-8, malloc'd */
    int rowspan, colspan;
    char scope[8];
    char role[12];
};

struct tag_mark {                  /* pdfdoc_tag_mark: insertion point among the kids of parent */
    struct selem *parent;
    int pos;
};

struct ptree_val {                 /* a ParentTree value */
    struct selem **elems;          /* a page's elements by MCID */
    int n, cap;
    struct selem *link;            /* or a link annotation's Link element */
};

struct page_tags {                 /* parallel to doc->pages */
    int key;                       /* its /StructParents, -1 = none yet */
    struct ptree_val *val;
};

struct pdfdoc_tags {
    HPDF_Doc pdf;
    HPDF_Dict root;                /* StructTreeRoot */
    struct selem *document;        /* the Document element */
    struct selem **stack;          /* open elements below it, innermost last */
    int depth, cap;
    struct selem **blocks;         /* every element, in blocks of ELEM_BLOCK */
    int nall, cap_blocks;
    struct tag_mark *marks;
    int nmarks, cap_marks;
    struct page_tags *pg;
    int cap_pg;
    int cur;                       /* cached index of doc->page */
    struct ptree_val **tree;       /* ParentTree values by key */
    int nkeys, cap_keys;
    int mc;                        /* what is open: MC_* */
    HPDF_Page mc_page;             /* … on this page */
    struct selem *mc_elem;         /* … for this element (MC_STRUCT) */
    int mc_in_text;                /* … opened inside the current text object */
    int artifact;                  /* artifact_begin depth */
    int pagination;                /* the outermost artifact is Pagination */
    int finished;
};

#define GROW(ptr, n, cap, first)                                                   \
    do {                                                                           \
        if ((n) == (cap)) {                                                        \
            (cap) = (cap) ? (cap) * 2 : (first);                                   \
            (ptr) = xrealloc((ptr), sizeof *(ptr) * (size_t)(cap));                \
        }                                                                          \
    } while (0)

static unsigned obj_id(const void *obj)
{
    return ((const HPDF_Obj_Header *)obj)->obj_id & 0x00FFFFFFu;
}

/* Output of the write functions, collected and passed on in large pieces
 * (libharu's file stream makes a C library call per write). */
struct outbuf { HPDF_Stream st; size_t n; char b[4096]; };

static void ob_flush(struct outbuf *o)
{
    if (o->n) HPDF_Stream_Write(o->st, (const HPDF_BYTE *)o->b, (HPDF_UINT)o->n);
    o->n = 0;
}

static void ob_str(struct outbuf *o, const char *s)
{
    size_t n = strlen(s);
    if (o->n + n > sizeof o->b) ob_flush(o);
    if (n > sizeof o->b) { HPDF_Stream_WriteStr(o->st, s); return; }
    memcpy(o->b + o->n, s, n);
    o->n += n;
}

static void ob_int(struct outbuf *o, long v)
{
    char tmp[24];
    int n = 0;
    unsigned long u = v < 0 ? (unsigned long)-v : (unsigned long)v;
    do { tmp[n++] = (char)('0' + u % 10); u /= 10; } while (u);
    if (v < 0) tmp[n++] = '-';
    if (o->n + (size_t)n > sizeof o->b) ob_flush(o);
    while (n) o->b[o->n++] = tmp[--n];
}

/* "key N 0 R" */
static void ob_ref(struct outbuf *o, const char *key, const void *obj)
{
    ob_str(o, key);
    ob_int(o, (long)obj_id(obj));
    ob_str(o, " 0 R");
}

/* a text string: UTF-16BE with BOM, in hex (UTF-8 that is none becomes U+FFFD) */
static void write_text(struct outbuf *o, const char *key, const char *s)
{
    char buf[64];
    snprintf(buf, sizeof buf, "/%s <FEFF", key);
    ob_str(o, buf);
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
    while (p < end) {
        unsigned cp;
        p += utf8_next(p, end, &cp);
        snprintf(buf, sizeof buf, "%04X", cp);
        ob_str(o, buf);
    }
    ob_str(o, ">\n");
}

static HPDF_STATUS selem_write(HPDF_Dict obj, HPDF_Stream st)
{
    const struct selem *e = obj->attr;
    struct outbuf *o = xmalloc(sizeof *o);
    o->st = st;
    o->n = 0;
    ob_str(o, "/S /");
    ob_str(o, e->role);
    ob_ref(o, "\n/P ", e->parent ? (void *)e->parent->obj : (void *)e->root);
    if (e->pg) ob_ref(o, "\n/Pg ", e->pg);
    ob_str(o, "\n/K [");
    for (int i = 0; i < e->nkids; i++) {
        const struct skid *k = &e->kids[i];
        if (i % 8 == 7) ob_str(o, "\n");
        if (k->kind == KID_ELEM) {
            ob_ref(o, " ", ((const struct selem *)k->obj)->obj);
        } else if (k->kind == KID_MCID && k->pg == e->pg) {
            ob_str(o, " ");
            ob_int(o, k->mcid);
        } else if (k->kind == KID_MCID) {
            ob_ref(o, " << /Type /MCR /Pg ", k->pg);
            ob_str(o, " /MCID ");
            ob_int(o, k->mcid);
            ob_str(o, " >>");
        } else {
            ob_ref(o, " << /Type /OBJR /Obj ", k->obj);
            ob_ref(o, " /Pg ", k->pg);
            ob_str(o, " >>");
        }
    }
    ob_str(o, " ]\n");
    if (e->alt) write_text(o, "Alt", e->alt);
    if (e->actual) write_text(o, "ActualText", e->actual);
    if (e->lang) write_text(o, "Lang", e->lang);
    if (e->scope[0] || e->rowspan || e->colspan) {
        ob_str(o, "/A << /O /Table");
        if (e->scope[0]) {
            ob_str(o, " /Scope /");
            ob_str(o, e->scope);
        }
        if (e->rowspan) {
            ob_str(o, " /RowSpan ");
            ob_int(o, e->rowspan);
        }
        if (e->colspan) {
            ob_str(o, " /ColSpan ");
            ob_int(o, e->colspan);
        }
        ob_str(o, " >>\n");
    }
    ob_flush(o);
    free(o);
    return HPDF_OK;
}

/* A new element (not yet among anybody's kids). */
static struct selem *selem_new(struct pdfdoc *doc, struct selem *parent, const char *role)
{
    struct pdfdoc_tags *t = doc->tags;
    HPDF_Dict obj = HPDF_Dict_New(t->pdf->mmgr);
    if (!obj || HPDF_Xref_Add(t->pdf->xref, obj) != HPDF_OK) return NULL;
    if (t->nall % ELEM_BLOCK == 0) {
        int nb = t->nall / ELEM_BLOCK;
        GROW(t->blocks, nb, t->cap_blocks, 16);
        t->blocks[nb] = xcalloc(ELEM_BLOCK, sizeof **t->blocks);
    }
    struct selem *e = &t->blocks[t->nall / ELEM_BLOCK][t->nall % ELEM_BLOCK];
    t->nall++;
    e->obj = obj;
    e->parent = parent;
    e->root = t->root;
    snprintf(e->role, sizeof e->role, "%s", role);
    obj->attr = e;
    obj->write_fn = selem_write;
    return e;
}

static struct skid *kid_insert(struct selem *e, int pos)
{
    if (!e->cap) {
        e->kids = &e->kid0;
        e->cap = 1;
    } else if (e->nkids == e->cap) {
        struct skid *k = xmalloc(sizeof *k * (size_t)e->cap * 4);
        memcpy(k, e->kids, sizeof *k * (size_t)e->nkids);
        if (e->kids != &e->kid0) free(e->kids);
        e->kids = k;
        e->cap *= 4;
    }
    if (pos < 0 || pos > e->nkids) pos = e->nkids;
    memmove(e->kids + pos + 1, e->kids + pos, sizeof *e->kids * (size_t)(e->nkids - pos));
    e->nkids++;
    memset(&e->kids[pos], 0, sizeof e->kids[pos]);
    return &e->kids[pos];
}

/* The ParentTree: /Nums, or /Kids of leaves of at most 2048 keys when
 * there are more than 4096 (within the 8191-element arrays of PDF 1.4).
 * The tree dictionary's attr is the tags; a leaf's attr its first key. */
static struct pdfdoc_tags *ptree_tags;         /* the document being saved */
enum { PTREE_LEAF = 2048 };

static void write_nums(HPDF_Stream st, struct pdfdoc_tags *t, int k0, int k1)
{
    struct outbuf *o = xmalloc(sizeof *o);
    o->st = st;
    o->n = 0;
    ob_str(o, "/Nums [\n");
    for (int k = k0; k < k1; k++) {
        const struct ptree_val *v = t->tree[k];
        ob_int(o, k);
        if (v->link) {
            ob_ref(o, " ", v->link->obj);
        } else {
            ob_str(o, " [");
            for (int i = 0; i < v->n; i++) {
                if (i % 8 == 7) ob_str(o, "\n");
                ob_ref(o, " ", v->elems[i]->obj);
            }
            ob_str(o, " ]");
        }
        ob_str(o, "\n");
    }
    ob_str(o, "]\n");
    ob_flush(o);
    free(o);
}

static HPDF_STATUS ptree_leaf_write(HPDF_Dict obj, HPDF_Stream st)
{
    struct pdfdoc_tags *t = ptree_tags;
    int k0 = (int)(intptr_t)obj->attr, k1 = k0 + PTREE_LEAF < t->nkeys ? k0 + PTREE_LEAF : t->nkeys;
    char buf[64];
    snprintf(buf, sizeof buf, "/Limits [%d %d]\n", k0, k1 - 1);
    HPDF_Stream_WriteStr(st, buf);
    write_nums(st, t, k0, k1);
    return HPDF_OK;
}

static void ptree_free(HPDF_Dict obj)
{
    if (obj->attr) HPDF_List_Free(obj->attr);
    obj->attr = NULL;
}

static HPDF_STATUS ptree_write(HPDF_Dict obj, HPDF_Stream st)
{
    struct pdfdoc_tags *t = ptree_tags;
    HPDF_List leaves = obj->attr;
    if (!leaves) {
        write_nums(st, t, 0, t->nkeys);
        return HPDF_OK;
    }
    struct outbuf *o = xmalloc(sizeof *o);
    o->st = st;
    o->n = 0;
    ob_str(o, "/Kids [");
    for (HPDF_UINT i = 0; i < leaves->count; i++) ob_ref(o, " ", HPDF_List_ItemAt(leaves, i));
    ob_str(o, " ]\n");
    ob_flush(o);
    free(o);
    return HPDF_OK;
}

/* The StructTreeRoot, the Document element and the catalog entries. */
static int tags_open(struct pdfdoc *doc)
{
    HPDF_Doc pdf = doc->pdf;
    struct pdfdoc_tags *t = xcalloc(1, sizeof *t);
    doc->tags = t;
    t->pdf = pdf;
    t->root = HPDF_Dict_New(pdf->mmgr);
    if (!t->root || HPDF_Xref_Add(pdf->xref, t->root) != HPDF_OK) return -1;
    HPDF_Dict_AddName(t->root, "Type", "StructTreeRoot");
    t->document = selem_new(doc, NULL, "Document");
    if (!t->document) return -1;
    HPDF_Dict_Add(t->root, "K", t->document->obj);
    HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", t->root);
    HPDF_Dict mark = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark);
    HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, "de-DE", NULL));
    HPDF_Dict vp = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", vp);
    HPDF_Dict_AddBoolean(vp, "DisplayDocTitle", HPDF_TRUE);
    pdf->pdf_version = HPDF_VER_14;          /* MarkInfo: PDF 1.4 */
    return doc->error ? -1 : 0;
}

static void tags_free(struct pdfdoc *doc)
{
    struct pdfdoc_tags *t = doc->tags;
    if (!t) return;
    for (int i = 0; i < t->nall; i++) {
        struct selem *e = &t->blocks[i / ELEM_BLOCK][i % ELEM_BLOCK];
        if (e->kids != &e->kid0) free(e->kids);
        free(e->alt);
        free(e->actual);
        free(e->lang);
    }
    for (int b = 0; b * ELEM_BLOCK < t->nall; b++) free(t->blocks[b]);
    for (int k = 0; k < t->nkeys; k++) {
        free(t->tree[k]->elems);
        free(t->tree[k]);
    }
    free(t->blocks);
    free(t->stack);
    free(t->marks);
    free(t->pg);
    free(t->tree);
    free(t);
    doc->tags = NULL;
}

/* Room for a page slot at index (0 ≤ index ≤ npages, before npages grows). */
static void tags_page_insert(struct pdfdoc *doc, int index)
{
    struct pdfdoc_tags *t = doc->tags;
    if (!t) return;
    if (doc->npages + 1 > t->cap_pg) {
        t->cap_pg = t->cap_pg ? t->cap_pg * 2 : 16;
        t->pg = xrealloc(t->pg, sizeof *t->pg * (size_t)t->cap_pg);
    }
    memmove(t->pg + index + 1, t->pg + index, sizeof *t->pg * (size_t)(doc->npages - index));
    t->pg[index] = (struct page_tags){ -1, NULL };
    t->cur = index;
}

/* The slot of doc->page (callers may set doc->page themselves). */
static struct page_tags *cur_page_tags(struct pdfdoc *doc)
{
    struct pdfdoc_tags *t = doc->tags;
    if (t->cur < 0 || t->cur >= doc->npages || doc->pages[t->cur] != doc->page) {
        t->cur = -1;
        for (int i = 0; i < doc->npages; i++)
            if (doc->pages[i] == doc->page) { t->cur = i; break; }
        if (t->cur < 0) return NULL;
    }
    return &t->pg[t->cur];
}

/* A new ParentTree key with an empty value. */
static int tree_key(struct pdfdoc_tags *t, struct ptree_val **val)
{
    GROW(t->tree, t->nkeys, t->cap_keys, 64);
    *val = t->tree[t->nkeys] = xcalloc(1, sizeof **val);
    return t->nkeys++;
}

static void page_write(HPDF_Page page, const char *s)
{
    HPDF_Stream_WriteStr(page_stream(page), s);
}

static struct selem *innermost(struct pdfdoc_tags *t)
{
    return t->depth ? t->stack[t->depth - 1] : NULL;
}

/* What should be open now: MC_*, and for MC_STRUCT the element. */
static int mc_wanted(struct pdfdoc_tags *t, struct selem **elem)
{
    *elem = NULL;
    if (t->artifact) return MC_ARTIFACT;
    if (!t->depth) return MC_NONE;
    *elem = innermost(t);
    return MC_STRUCT;
}

/* Close the open marked content (see pdfdoc.h for the text-object case). */
static void mc_close(struct pdfdoc *doc)
{
    struct pdfdoc_tags *t = doc->tags;
    if (!t || t->mc == MC_NONE) return;
    int restart = doc->text_font && !t->mc_in_text && t->mc_page == doc->page;
    if (restart) HPDF_Page_EndText(doc->page);
    page_write(t->mc_page, "EMC\n");
    t->mc = MC_NONE;
    t->mc_page = NULL;
    t->mc_elem = NULL;
    t->mc_in_text = 0;
    if (restart) {
        HPDF_Page_BeginText(doc->page);
        HPDF_Page_SetFontAndSize(doc->page, doc->text_font, (HPDF_REAL)doc->text_size);
        doc->text_x = doc->text_y = 0;
    }
}

/* At the end of a text object: close what was opened inside it. */
static void mc_close_in_text(struct pdfdoc *doc)
{
    if (doc->tags && doc->tags->mc != MC_NONE && doc->tags->mc_in_text) mc_close(doc);
}

/* Close what is open when it is no longer what the tags ask for. */
static void mc_settle(struct pdfdoc *doc)
{
    struct pdfdoc_tags *t = doc->tags;
    struct selem *elem;
    int want = mc_wanted(t, &elem);
    if (t->mc != want || t->mc_elem != elem) mc_close(doc);
}

/* Open marked content for element e on the current page: the next MCID,
 * recorded in the page's ParentTree value and among e's kids. */
static void mc_open_struct(struct pdfdoc *doc, struct selem *e)
{
    struct pdfdoc_tags *t = doc->tags;
    struct page_tags *pt = cur_page_tags(doc);
    if (!pt) return;
    if (pt->key < 0) {
        pt->key = tree_key(t, &pt->val);
        HPDF_Dict_AddNumber(doc->page, "StructParents", pt->key);
    }
    struct ptree_val *v = pt->val;
    int mcid = v->n;
    GROW(v->elems, v->n, v->cap, 32);
    v->elems[v->n++] = e;
    if (!e->pg) e->pg = doc->page;
    struct skid *k = kid_insert(e, -1);
    k->kind = KID_MCID;
    k->mcid = mcid;
    k->pg = doc->page;
    char buf[48];
    snprintf(buf, sizeof buf, "/%s <</MCID %d>> BDC\n", e->role, mcid);
    page_write(doc->page, buf);
}

void pdfdoc_tag_content(struct pdfdoc *doc)
{
    struct pdfdoc_tags *t = doc->tags;
    if (!t || !doc->page) return;
    struct selem *elem;
    int want = mc_wanted(t, &elem);
    if (t->mc == want && t->mc_elem == elem && (want == MC_NONE || t->mc_page == doc->page)) return;
    mc_close(doc);
    if (want == MC_NONE) return;
    if (want == MC_ARTIFACT)
        page_write(doc->page, t->pagination ? "/Artifact <</Type /Pagination>> BDC\n" : "/Artifact BMC\n");
    else
        mc_open_struct(doc, elem);
    t->mc = want;
    t->mc_elem = elem;
    t->mc_page = doc->page;
    t->mc_in_text = doc->text_font != NULL;
}

/* Open the marked content now, where the page allows it (not inside a
 * path): artifacts and Figures, whose content callers often draw with
 * libharu directly (dot leaders, images). */
static void mc_eager(struct pdfdoc *doc)
{
    if (!doc->page) return;
    HPDF_UINT16 m = ((HPDF_PageAttr)doc->page->attr)->gmode;
    if (m == HPDF_GMODE_PAGE_DESCRIPTION || (m == HPDF_GMODE_TEXT_OBJECT && doc->text_font)) pdfdoc_tag_content(doc);
}

static int tag_push(struct pdfdoc *doc, struct selem *e)
{
    struct pdfdoc_tags *t = doc->tags;
    GROW(t->stack, t->depth, t->cap, 16);
    t->stack[t->depth++] = e;
    mc_settle(doc);
    if (strcmp(e->role, "Figure") == 0) mc_eager(doc);
    return doc->error ? -1 : t->depth;
}

static int tag_begin_in(struct pdfdoc *doc, struct tag_mark *mark, const char *role)
{
    struct pdfdoc_tags *t = doc->tags;
    if (!t || !role) return -1;
    if (!mark && !t->depth && strcmp(role, "Document") == 0)      /* the document element itself */
        return tag_push(doc, t->document);
    struct selem *parent = mark ? mark->parent : t->depth ? innermost(t) : t->document;
    struct selem *e = selem_new(doc, parent, role);
    if (!e) return -1;
    int pos = mark ? mark->pos : -1;
    kid_insert(parent, pos)->obj = e;              /* kind KID_ELEM = 0 */
    if (mark) {                                    /* later marks in the same list move on */
        int self = (int)(mark - t->marks);
        for (int i = 0; i < t->nmarks; i++)
            if (i != self && t->marks[i].parent == parent &&
                (t->marks[i].pos > pos || (t->marks[i].pos == pos && i > self)))
                t->marks[i].pos++;
        mark->pos++;
    }
    return tag_push(doc, e);
}

int pdfdoc_tag_begin(struct pdfdoc *doc, const char *role)
{
    return tag_begin_in(doc, NULL, role);
}

int pdfdoc_tag_begin_at(struct pdfdoc *doc, int mark, const char *role)
{
    struct pdfdoc_tags *t = doc->tags;
    if (!t || mark < 0 || mark >= t->nmarks) return -1;
    return tag_begin_in(doc, &t->marks[mark], role);
}

void pdfdoc_tag_end(struct pdfdoc *doc)
{
    struct pdfdoc_tags *t = doc->tags;
    if (!t || !t->depth) return;
    t->depth--;
    mc_settle(doc);
}

int pdfdoc_tag_mark(struct pdfdoc *doc)
{
    struct pdfdoc_tags *t = doc->tags;
    if (!t) return -1;
    GROW(t->marks, t->nmarks, t->cap_marks, 8);
    struct selem *e = t->depth ? innermost(t) : t->document;
    t->marks[t->nmarks] = (struct tag_mark){ e, e->nkids };
    return t->nmarks++;
}

HPDF_Dict pdfdoc_tag_current(struct pdfdoc *doc)
{
    struct pdfdoc_tags *t = doc->tags;
    return t && t->depth ? innermost(t)->obj : NULL;
}

const char *pdfdoc_tag_role(struct pdfdoc *doc)
{
    struct pdfdoc_tags *t = doc->tags;
    return t && t->depth ? innermost(t)->role : NULL;
}

int pdfdoc_tag_resume(struct pdfdoc *doc, HPDF_Dict obj)
{
    struct pdfdoc_tags *t = doc->tags;
    if (!t || !obj || obj->write_fn != selem_write) return -1;
    return tag_push(doc, obj->attr);
}

static void set_string(char **field, const char *value)
{
    free(*field);
    *field = xstrdup(value);
}

void pdfdoc_tag_attr(struct pdfdoc *doc, const char *key, const char *value)
{
    struct pdfdoc_tags *t = doc->tags;
    if (!t || !key || !value) return;
    struct selem *e = t->depth ? innermost(t) : t->document;
    if (strcmp(key, "Alt") == 0) set_string(&e->alt, value);
    else if (strcmp(key, "ActualText") == 0) set_string(&e->actual, value);
    else if (strcmp(key, "Lang") == 0) set_string(&e->lang, value);
    else if (strcmp(key, "Scope") == 0 && (!strcmp(value, "Column") || !strcmp(value, "Row") || !strcmp(value, "Both")))
        snprintf(e->scope, sizeof e->scope, "%s", value);
    else if (strcmp(key, "RowSpan") == 0) e->rowspan = atoi(value);
    else if (strcmp(key, "ColSpan") == 0) e->colspan = atoi(value);
}

void pdfdoc_artifact_begin(struct pdfdoc *doc, const char *type)
{
    struct pdfdoc_tags *t = doc->tags;
    if (!t) return;
    if (t->artifact++ == 0) t->pagination = type && strcmp(type, "Pagination") == 0;
    mc_settle(doc);
    mc_eager(doc);
}

void pdfdoc_artifact_end(struct pdfdoc *doc)
{
    struct pdfdoc_tags *t = doc->tags;
    if (!t || !t->artifact) return;
    t->artifact--;
    mc_settle(doc);
}

/* Link annotation a on the current page: /StructParent, OBJR in a Link element. */
static void tag_link(struct pdfdoc *doc, HPDF_Annotation a)
{
    struct pdfdoc_tags *t = doc->tags;
    if (!t) return;
    struct selem *o = innermost(t);
    int own = !(o && strcmp(o->role, "Link") == 0);
    if (own && pdfdoc_tag_begin(doc, "Link") < 0) return;
    o = innermost(t);
    struct skid *k = kid_insert(o, -1);
    k->kind = KID_OBJR;
    k->obj = a;
    k->pg = doc->page;
    if (!o->pg) o->pg = doc->page;
    struct ptree_val *v;
    HPDF_Dict_AddNumber(a, "StructParent", tree_key(t, &v));
    v->link = o;
    HPDF_Dict_AddName(doc->page, "Tabs", "S");
    if (own) pdfdoc_tag_end(doc);
}

/* At save: close what is open, hang the ParentTree into the root. */
static void tags_finish(struct pdfdoc *doc)
{
    struct pdfdoc_tags *t = doc->tags;
    if (!t || t->finished) return;
    t->finished = 1;
    if (doc->text_font) pdfdoc_text_end(doc);
    mc_close(doc);
    HPDF_Doc pdf = doc->pdf;
    ptree_tags = t;
    HPDF_Dict tree = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_Add(t->root, "ParentTree", tree);
    tree->write_fn = ptree_write;
    if (t->nkeys > 2 * PTREE_LEAF) {
        HPDF_List leaves = HPDF_List_New(pdf->mmgr, 16);
        tree->attr = leaves;
        tree->free_fn = ptree_free;
        for (int k0 = 0; k0 < t->nkeys; k0 += PTREE_LEAF) {
            HPDF_Dict leaf = HPDF_Dict_New(pdf->mmgr);
            HPDF_Xref_Add(pdf->xref, leaf);
            leaf->attr = (void *)(intptr_t)k0;
            leaf->write_fn = ptree_leaf_write;
            HPDF_List_Add(leaves, leaf);
        }
    }
    HPDF_Dict_AddNumber(t->root, "ParentTreeNextKey", t->nkeys);
}

/* ------------------------------------------------------------------------
 * Fonts.  libharu 2.3 writes, as the ToUnicode CMap of a TrueType font
 * with the UTF-8 encoder, its encoding CMap (begincidrange <0000> <FFFF> 0):
 * poppler warns „Invalid 'begincidrange' operator in ToUnicode CMap“ and
 * text extraction depends on its fallback.  fonts_fix writes a real one into
 * the same stream: the CID is the code point (what pdfdoc_text_show and
 * libharu's UTF-8 encoder write), so every two-byte code maps to itself as
 * UTF-16BE — one bfrange per 256 codes, without the surrogates D800–DFFF
 * (no character; pdfdoc never writes them), at most 100 per block.
 *
 * PDF/A-1 (6.3.5) wants a CIDSet in the descriptor of a font subset.
 * libharu creates the descriptor when it writes the font (its before-write
 * function); font_before_write calls that one and then adds the CIDSet: a
 * bit per CID (most significant bit first) for the code points whose glyph
 * is in the embedded subset (libharu's glyph flags), CID 0 always.
 */
static HPDF_Dict_BeforeWriteFunc libharu_font_before_write;

static HPDF_STATUS font_before_write(HPDF_Dict font)
{
    HPDF_STATUS st = libharu_font_before_write(font);
    if (st != HPDF_OK) return st;
    HPDF_FontAttr attr = font->attr;
    HPDF_FontDef def = attr->fontdef;
    HPDF_Dict desc = def->descriptor;
    if (!desc || def->type != HPDF_FONTDEF_TYPE_TRUETYPE || HPDF_Dict_GetItem(desc, "CIDSet", HPDF_OCLASS_DICT))
        return HPDF_OK;
    const HPDF_BYTE *used = ((HPDF_TTFontDefAttr)def->attr)->glyph_tbl.flgs;
    HPDF_UINT16 nglyphs = ((HPDF_TTFontDefAttr)def->attr)->num_glyphs;
    static HPDF_BYTE bits[0x10000 / 8];
    memset(bits, 0, sizeof bits);
    unsigned last = 0;
    for (unsigned cid = 0; cid < 0x10000; cid++) {
        HPDF_UINT16 gid = cid ? HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cid) : 0;
        if (cid && (!gid || gid >= nglyphs || !used || !used[gid])) continue;
        bits[cid / 8] |= (HPDF_BYTE)(0x80 >> (cid % 8));
        last = cid;
    }
    HPDF_Dict set = HPDF_DictStream_New(font->mmgr, attr->xref);
    if (!set) return HPDF_Error_GetCode(font->error);
    set->filter = font->filter;
    HPDF_Stream_Write(set->stream, bits, last / 8 + 1);
    return HPDF_Dict_Add(desc, "CIDSet", set);
}

static void tounicode_write(HPDF_Stream st)
{
    HPDF_Stream_WriteStr(st, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                         "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                         "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                         "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    char line[40];
    int blocks[256], n = 0;
    for (int hi = 0; hi < 256; hi++)
        if (hi < 0xD8 || hi > 0xDF) blocks[n++] = hi;
    for (int i = 0; i < n; i += 100) {
        int m = n - i < 100 ? n - i : 100;
        snprintf(line, sizeof line, "%d beginbfrange\n", m);
        HPDF_Stream_WriteStr(st, line);
        for (int k = i; k < i + m; k++) {
            snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", blocks[k], blocks[k], blocks[k]);
            HPDF_Stream_WriteStr(st, line);
        }
        HPDF_Stream_WriteStr(st, "endbfrange\n");
    }
    HPDF_Stream_WriteStr(st, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

static void fonts_fix(struct pdfdoc *doc)
{
    HPDF_Font fonts[2] = { doc->regular, doc->bold };
    for (int i = 0; i < 2; i++) {
        HPDF_Dict tu = HPDF_Dict_GetItem(fonts[i], "ToUnicode", HPDF_OCLASS_DICT);
        if (tu && tu->stream) {
            static const char *const keys[] = { "Type", "CMapName", "CIDSystemInfo", "WMode" };
            for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
                HPDF_Dict_RemoveElement(tu, keys[k]);
            HPDF_MemStream_FreeData(tu->stream);
            tounicode_write(tu->stream);
        }
        if (fonts[i]->before_write_fn && fonts[i]->before_write_fn != font_before_write) {
            libharu_font_before_write = fonts[i]->before_write_fn;
            fonts[i]->before_write_fn = font_before_write;
        }
    }
}

/* ------------------------------------------------------------------------
 * Images.  libharu keeps a loaded image's samples uncompressed in its
 * memory stream (compressed when written); an alpha channel becomes a
 * separate DeviceGray image, the /SMask.  pdfdoc_image_load blends the
 * samples onto white with that mask and removes the /SMask entry (the mask
 * object itself stays in the file, referenced by nothing).
 */

/* The whole content of a memory stream (malloc'd), its length in *n. */
static HPDF_BYTE *stream_bytes(HPDF_Stream st, size_t *n)
{
    HPDF_UINT count = HPDF_MemStream_GetBufCount(st);
    HPDF_BYTE *all = xmalloc(st->size + 1u);
    size_t at = 0;
    for (HPDF_UINT i = 0; i < count; i++) {
        HPDF_UINT len = 0;
        HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(st, i, &len);
        if (!p || at + len > st->size) break;
        memcpy(all + at, p, len);
        at += len;
    }
    *n = at;
    return all;
}

static int number_of(HPDF_Dict d, const char *key)
{
    HPDF_Number v = HPDF_Dict_GetItem(d, key, HPDF_OCLASS_NUMBER);
    return v ? (int)v->value : -1;
}

/* Put img onto white along its /SMask; 0, or -1 when the format does not allow it. */
static int image_flatten(HPDF_Image img, HPDF_Dict mask)
{
    HPDF_Name cs = HPDF_Dict_GetItem(img, "ColorSpace", HPDF_OCLASS_NAME);
    int comps = !cs ? 0 : strcmp(cs->value, "DeviceRGB") == 0 ? 3 : strcmp(cs->value, "DeviceGray") == 0 ? 1 : 0;
    if (!comps || number_of(img, "BitsPerComponent") != 8 || number_of(mask, "BitsPerComponent") != 8 ||
        img->stream->type != HPDF_STREAM_MEMORY || mask->stream->type != HPDF_STREAM_MEMORY)
        return -1;
    size_t w = (size_t)HPDF_Image_GetWidth(img), h = (size_t)HPDF_Image_GetHeight(img), ns, na;
    HPDF_BYTE *px = stream_bytes(img->stream, &ns), *alpha = stream_bytes(mask->stream, &na);
    int rc = -1;
    if (ns == w * h * (size_t)comps && na == w * h) {
        for (size_t i = 0; i < w * h; i++)
            for (int k = 0; k < comps; k++) {
                unsigned a = alpha[i], c = px[i * (size_t)comps + (size_t)k];
                px[i * (size_t)comps + (size_t)k] = (HPDF_BYTE)((c * a + 255u * (255u - a) + 127u) / 255u);
            }
        HPDF_MemStream_FreeData(img->stream);
        rc = HPDF_Stream_Write(img->stream, px, (HPDF_UINT)ns) == HPDF_OK &&
             HPDF_Dict_RemoveElement(img, "SMask") == HPDF_OK ? 0 : -1;
    }
    free(px);
    free(alpha);
    return rc;
}

HPDF_Image pdfdoc_image_load(struct pdfdoc *doc, const char *path)
{
    const char *ext = strrchr(path, '.');
    int png = ext && strcasecmp(ext, ".png") == 0;
    int jpeg = ext && (strcasecmp(ext, ".jpg") == 0 || strcasecmp(ext, ".jpeg") == 0);
    if (!png && !jpeg) {
        diag_error("Bild %s: nur PNG- oder JPEG-Dateien (Endung .png, .jpg oder .jpeg)", path);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_error("Bild %s kann nicht gelesen werden", path);
        return NULL;
    }
    fclose(f);
    HPDF_Image img = png ? HPDF_LoadPngImageFromFile(doc->pdf, path) : HPDF_LoadJpegImageFromFile(doc->pdf, path);
    if (!img) {
        diag_error("Bild %s ist kein lesbares %s-Bild (libharu-Fehler 0x%04lX)", path, png ? "PNG" : "JPEG",
                   (unsigned long)doc->error);
        return NULL;
    }
    HPDF_Dict mask = HPDF_Dict_GetItem(img, "SMask", HPDF_OCLASS_DICT);
    if (mask && image_flatten(img, mask) != 0) {
        diag_error("Bild %s hat Transparenz, die sich nicht auf Weiß legen lässt (nur 8-Bit-RGB oder -Graustufen "
                   "mit Alphakanal); PDF/A erlaubt keine Transparenz: bitte ohne Alphakanal speichern", path);
        return NULL;
    }
    return img;
}
