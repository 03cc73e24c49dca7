/*
 * pdfdoc.c — libharu document, fonts, pages, footers, atomic save.
 */
#include "pdfdoc.h"
#include "diag.h"
#include "fsutil.h"
#include "textwrap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/*
 * Compression level of libharu's streams.
 *
 * libharu 2.3 has no API for the level: it calls deflateInit() (zlib's
 * default, level 6) for every stream, and on long reports deflating the
 * page contents took 60 % of the run time (1.300 pages: 0,45 of 0,75 s).
 * deflateInit() is a macro for deflateInit_(); the definition below, in the
 * executable, is the one the dynamic linker binds libharu's call to (the
 * executable comes first in symbol lookup), so all PDF streams are
 * compressed with Z_BEST_SPEED: about twice as fast, files about 40 %
 * larger than at level 6 and still about a quarter of the uncompressed
 * size.  Only programs that link pdfdoc.c are affected.
 */
int deflateInit_(z_streamp strm, int level, const char *version, int stream_size)
{
    (void)level;
    return deflateInit2_(strm, Z_BEST_SPEED, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                         version, stream_size);
}

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
    struct pdfdoc *doc = user_data;
    if (!doc->error) {
        doc->error = error_no;
        doc->error_detail = detail_no;
    }
}

int pdfdoc_open(struct pdfdoc *doc, const char *font_regular, const char *font_bold,
                HPDF_PageDirection direction)
{
    memset(doc, 0, sizeof *doc);
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
    for (int i = 0; i < 2; i++) {
        FILE *f = fopen(files[i], "rb");
        if (!f) {
            diag_error("Schriftdatei %s fehlt (Konfiguration [schrift]; Paket fonts-dejavu-core)", files[i]);
            pdfdoc_close(doc);
            return -1;
        }
        fclose(f);
        const char *name = HPDF_LoadTTFontFromFile(doc->pdf, files[i], HPDF_TRUE);
        *fonts[i] = name ? HPDF_GetFont(doc->pdf, name, "UTF-8") : NULL;
        if (!*fonts[i]) {
            diag_error("Schriftdatei %s ist keine nutzbare TrueType-Schrift (libharu-Fehler 0x%04lX)",
                       files[i], (unsigned long)doc->error);
            pdfdoc_close(doc);
            return -1;
        }
    }
    doc->page_w = direction == HPDF_PAGE_LANDSCAPE ? 841.89 : 595.28;
    doc->page_h = direction == HPDF_PAGE_LANDSCAPE ? 595.28 : 841.89;
    doc->margin_left = doc->margin_right = 42;
    doc->margin_top = 42;
    doc->margin_bottom = 48;
    return 0;
}

void pdfdoc_close(struct pdfdoc *doc)
{
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
    doc->y = doc->page_h - doc->margin_top;
    if (doc->on_new_page) doc->on_new_page(doc, doc->on_new_page_ctx);
    return page;
}

double pdfdoc_bottom(const struct pdfdoc *doc) { return doc->margin_bottom; }

double pdfdoc_content_width(const struct pdfdoc *doc)
{
    return doc->page_w - doc->margin_left - doc->margin_right;
}

double pdfdoc_measure(struct pdfdoc *doc, HPDF_Font font, double size, const char *s, size_t len)
{
    int which = font == doc->bold ? 1 : font == doc->regular ? 0 : -1;
    if (which < 0) {              /* another font: ask libharu directly */
        HPDF_TextWidth tw = HPDF_Font_TextWidth(font, (const HPDF_BYTE *)s, (HPDF_UINT)len);
        return tw.width * size / 1000.0;
    }
    if (!doc->advance[which]) {
        doc->advance[which] = xmalloc(sizeof(unsigned short) * 0x10000);
        memset(doc->advance[which], 0xFF, sizeof(unsigned short) * 0x10000);
    }
    unsigned short *adv = doc->advance[which];
    unsigned long total = 0;
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        unsigned cp;
        int n = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : 4;
        if (p + n > end) n = (int)(end - p);
        cp = n == 1 ? *p : n == 2 ? (unsigned)(p[0] & 0x1F) << 6 | (p[1] & 0x3F)
           : n == 3 ? (unsigned)(p[0] & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 | (p[2] & 0x3F)
           : 0x10000;
        if (cp < 0x10000 && adv[cp] != 0xFFFF) {
            total += adv[cp];
        } else {
            HPDF_TextWidth tw = HPDF_Font_TextWidth(font, p, (HPDF_UINT)n);
            if (cp < 0x10000 && tw.width < 0xFFFF) adv[cp] = (unsigned short)tw.width;
            total += tw.width;
        }
        p += n;
    }
    return (double)total * size / 1000.0;
}

void pdfdoc_text(struct pdfdoc *doc, HPDF_Font font, double size, double x, double y,
                 const char *s, size_t len)
{
    char small[512];
    char *buf = len < sizeof small ? small : xmalloc(len + 1);
    memcpy(buf, s, len);
    buf[len] = '\0';
    HPDF_Page_BeginText(doc->page);
    HPDF_Page_SetFontAndSize(doc->page, font, (HPDF_REAL)size);
    HPDF_Page_TextOut(doc->page, (HPDF_REAL)x, (HPDF_REAL)y, buf);
    HPDF_Page_EndText(doc->page);
    if (buf != small) free(buf);
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
    if (draw) {
        for (int i = 0; i < n; i++)
            pdfdoc_text(doc, font, size, doc->margin_left, doc->y - size * 0.93 - i * leading,
                        text + w.lines[i].start, w.lines[i].len);
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
    const double x0 = doc->margin_left, x1 = doc->page_w - doc->margin_right;
    char right[64];
    for (int i = 0; i < doc->npages; i++) {
        doc->page = doc->pages[i];
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
