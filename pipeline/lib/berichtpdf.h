/*
 * berichtpdf.h — opening and saving the renderers' PDF documents with the
 * job's configuration: the fonts of [schrift] and the file name of a
 * config key in the out directory.
 */
#ifndef IB_BERICHTPDF_H
#define IB_BERICHTPDF_H

#include "config.h"
#include "docmodel.h"
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

/*
 * berichtpdf_frame — the frame of a standalone PDF (Maßnahmenliste,
 * Eingangsbericht, Indikatoren, Befragung): a title block with the kicker
 * „<kommune> · <[bericht] titel>“, the bold heading and the subtitle line;
 * no table of contents, unnumbered chapters, narrow margins; running header
 * „<kicker> – <heading>“; footers „Stand …“ · footer_center · „Seite x von
 * y“.  title is the document info title (NULL = heading); author = kommune
 * (kommune NULL = [bericht] kommune).  The strings are copied.
 */
void berichtpdf_frame(const struct ib_config *cfg, struct docmodel *m, const char *kommune, const char *title,
                      const char *heading, const char *subtitle, const char *stand, const char *footer_center,
                      const char *subject, const char *keywords);

/*
 * berichtpdf_write — write model m as OUT/name through the PDF writer
 * (docpdf_write) with the fonts of [schrift], report the page count
 * („… geschrieben (1.293 Seiten)“).  Returns IB_EXIT_OK or IB_EXIT_OUTPUT
 * (message printed).
 */
int berichtpdf_write(const struct ib_config *cfg, const struct docmodel *m, const char *name);

#endif
