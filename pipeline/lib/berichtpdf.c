/*
 * berichtpdf.c — the renderers' PDF documents opened and saved with the
 * job's configuration (see berichtpdf.h).
 */
#include "berichtpdf.h"
#include "diag.h"
#include "docpdf.h"
#include "format.h"
#include "fsutil.h"

#include <stdlib.h>
#include <string.h>

const char *berichtpdf_font_regular(const struct ib_config *cfg)
{
    return config_string(cfg, "schrift:regular", BERICHTPDF_REGULAR);
}

const char *berichtpdf_font_fett(const struct ib_config *cfg)
{
    return config_string(cfg, "schrift:fett", BERICHTPDF_FETT);
}

int berichtpdf_fonts_readable(const struct ib_config *cfg)
{
    return pdfdoc_fonts_readable(berichtpdf_font_regular(cfg), berichtpdf_font_fett(cfg));
}

int berichtpdf_open(const struct ib_config *cfg, struct pdfdoc *doc, HPDF_PageDirection direction)
{
    return pdfdoc_open(doc, berichtpdf_font_regular(cfg), berichtpdf_font_fett(cfg), direction);
}

int berichtpdf_save_as(const struct ib_config *cfg, struct pdfdoc *doc, const char *name)
{
    char *target = path_join(cfg->out, name);
    int rc = pdfdoc_save(doc, target) == 0 ? IB_EXIT_OK : IB_EXIT_OUTPUT;
    char seiten[48];
    if (rc == IB_EXIT_OK)
        diag_info("%s geschrieben (%s)", target, format_menge(seiten, sizeof seiten, doc->npages, "Seite", "Seiten"));
    free(target);
    pdfdoc_close(doc);
    return rc;
}

int berichtpdf_save(const struct ib_config *cfg, struct pdfdoc *doc, const char *key, const char *def)
{
    return berichtpdf_save_as(cfg, doc, config_string(cfg, key, def));
}

void berichtpdf_frame(const struct ib_config *cfg, struct docmodel *m, const char *kommune, const char *title,
                      const char *heading, const char *subtitle, const char *stand, const char *footer_center,
                      const char *subject, const char *keywords)
{
    if (!kommune) kommune = config_string(cfg, "bericht:kommune", "");
    const char *bericht = config_string(cfg, "bericht:titel", "Integrationsbericht");
    struct docmodel_frame *f = &m->frame;
    memset(f, 0, sizeof *f);
    f->title_style = DOCMODEL_TITLE_BLOCK;
    f->title = title ? title : heading;
    f->heading = heading;
    f->subtitle = subtitle;
    f->kicker = docmodel_printf(m, "%s%s%s", kommune, *kommune ? " · " : "", bericht);
    f->running_header = docmodel_printf(m, "%s – %s", f->kicker, heading);
    f->kommune = *kommune ? kommune : NULL;
    f->stand = stand;
    f->footer_center = footer_center;
    f->author = kommune;
    f->subject = subject;
    f->keywords = keywords;
    f->narrow_margins = 1;
    docmodel_frame_own(m);
}

int berichtpdf_write(const struct ib_config *cfg, const struct docmodel *m, const char *name)
{
    char *target = path_join(cfg->out, name);
    struct docpdf_result r = { 0 };
    int rc = docpdf_write(m, berichtpdf_font_regular(cfg), berichtpdf_font_fett(cfg), target, &r) == 0
                 ? IB_EXIT_OK : IB_EXIT_OUTPUT;
    char seiten[48];
    if (rc == IB_EXIT_OK)
        diag_info("%s geschrieben (%s)", target, format_menge(seiten, sizeof seiten, r.pages, "Seite", "Seiten"));
    free(target);
    return rc;
}
