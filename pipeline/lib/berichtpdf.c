/*
 * berichtpdf.c — the renderers' PDF documents opened and saved with the
 * job's configuration (see berichtpdf.h).
 */
#include "berichtpdf.h"
#include "diag.h"
#include "format.h"
#include "fsutil.h"

#include <stdlib.h>

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
