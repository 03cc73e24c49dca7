/*
 * berichtpdf.h — opening and saving the renderers' PDF documents with the
 * job's configuration: the fonts of [schrift] and the file name of a
 * config key in the out directory.
 */
#ifndef IB_BERICHTPDF_H
#define IB_BERICHTPDF_H

#include "config.h"
#include "pdfdoc.h"

#define BERICHTPDF_REGULAR "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#define BERICHTPDF_FETT "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

/* berichtpdf_font_regular, berichtpdf_font_fett — the font files of
 * [schrift] regular and fett (DejaVu Sans by default). */
const char *berichtpdf_font_regular(const struct ib_config *cfg);
const char *berichtpdf_font_fett(const struct ib_config *cfg);

/* berichtpdf_fonts_readable — pdfdoc_fonts_readable for these: 0, or -1
 * after the message „Schriftdatei … fehlt“ (a configuration error). */
int berichtpdf_fonts_readable(const struct ib_config *cfg);

/* berichtpdf_open — pdfdoc_open with [schrift] regular/fett (DejaVu Sans by
 * default).  Returns 0, or -1 after a message naming the font file. */
int berichtpdf_open(const struct ib_config *cfg, struct pdfdoc *doc, HPDF_PageDirection direction);

/*
 * berichtpdf_save — save doc as OUT/<value of key, or def> (temporary file,
 * renamed), report the page count („… geschrieben (1.293 Seiten)“), close doc.  Returns IB_EXIT_OK or
 * IB_EXIT_OUTPUT (message printed).
 */
int berichtpdf_save(const struct ib_config *cfg, struct pdfdoc *doc, const char *key, const char *def);

/* berichtpdf_save_as — the same for the file name itself: OUT/name. */
int berichtpdf_save_as(const struct ib_config *cfg, struct pdfdoc *doc, const char *name);

#endif
