/*
 * docmodel.c — the document model: building chapters and blocks in an
 * arena (see docmodel.h).
 */
#include "docmodel.h"
#include "diag.h"
#include "format.h"
#include "umsetzung.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ arena */

#define ARENA_CHUNK (256 * 1024)

struct arena_chunk {
    struct arena_chunk *next;
    size_t used, size;
    max_align_t data[];
};

struct docmodel_arena {
    struct arena_chunk *head;
};

static void *arena_alloc(struct docmodel *m, size_t n)
{
    n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    struct arena_chunk *c = m->arena->head;
    if (!c || c->size - c->used < n) {
        size_t size = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;
        c = xmalloc(sizeof *c + size);
        c->size = size;
        c->used = 0;
        if (size == ARENA_CHUNK || !m->arena->head) {
            c->next = m->arena->head;
            m->arena->head = c;
        } else {                       /* a big one: keep filling the current chunk */
            c->next = m->arena->head->next;
            m->arena->head->next = c;
        }
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    return p;
}

static void *arena_zalloc(struct docmodel *m, size_t n)
{
    void *p = arena_alloc(m, n);
    memset(p, 0, n);
    return p;
}

/* grow an arena array (the old copy stays in the arena until docmodel_free) */
static void *arena_grow(struct docmodel *m, void *old, int n, int *cap, size_t elem)
{
    if (n < *cap) return old;
    int nc = *cap ? *cap * 2 : 8;
    void *p = arena_alloc(m, elem * (size_t)nc);
    if (old) memcpy(p, old, elem * (size_t)n);
    *cap = nc;
    return p;
}

struct docmodel *docmodel_new(void)
{
    struct docmodel *m = xcalloc(1, sizeof *m);
    m->arena = xcalloc(1, sizeof *m->arena);
    return m;
}

void docmodel_free(struct docmodel *m)
{
    if (!m) return;
    for (struct arena_chunk *c = m->arena->head, *n; c; c = n) {
        n = c->next;
        free(c);
    }
    free(m->arena);
    free(m->chapters);
    free(m);
}

const char *docmodel_strdup(struct docmodel *m, const char *s)
{
    if (!s) return NULL;
    size_t n = strlen(s) + 1;
    char *p = arena_alloc(m, n);
    memcpy(p, s, n);
    return p;
}

const char *docmodel_printf(struct docmodel *m, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) return docmodel_strdup(m, "");
    if ((size_t)n < sizeof buf) return docmodel_strdup(m, buf);
    char *p = arena_alloc(m, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void docmodel_frame_own(struct docmodel *m)
{
    struct docmodel_frame *f = &m->frame;
    const char **s[] = { &f->title, &f->subtitle, &f->kicker, &f->heading, &f->kommune, &f->herausgeber, &f->stand,
                         &f->gremium, &f->logo, &f->logo_alt, &f->footer_center, &f->running_header,
                         &f->author, &f->subject, &f->keywords, &f->icc_profile, &f->lang };
    for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) *s[i] = docmodel_strdup(m, *s[i]);
}

/* ------------------------------------------------------------ chapters and blocks */

struct docmodel_chapter *docmodel_chapter_add(struct docmodel *m, const char *title, int landscape)
{
    if (m->nchapters == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 16;
        m->chapters = xrealloc(m->chapters, sizeof *m->chapters * (size_t)m->cap);
    }
    struct docmodel_chapter *c = arena_zalloc(m, sizeof *c);
    c->model = m;
    c->title = docmodel_strdup(m, title);
    c->landscape = landscape;
    m->chapters[m->nchapters++] = c;
    return c;
}

static struct docmodel_block *block_add(struct docmodel_chapter *c, enum docmodel_kind kind, const char *text)
{
    c->blocks = arena_grow(c->model, c->blocks, c->nblocks, &c->cap, sizeof *c->blocks);
    struct docmodel_block *b = &c->blocks[c->nblocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->text = docmodel_strdup(c->model, text ? text : "");
    return b;
}

struct docmodel_block *docmodel_last(struct docmodel_chapter *c)
{
    return c->nblocks ? &c->blocks[c->nblocks - 1] : NULL;
}

struct docmodel_block *docmodel_heading(struct docmodel_chapter *c, int level, const char *text)
{
    struct docmodel_block *b = block_add(c, DOCMODEL_HEADING, text);
    b->level = level < 1 ? 1 : level > 3 ? 3 : level;
    return b;
}

struct docmodel_block *docmodel_paragraph(struct docmodel_chapter *c, const char *text)
{
    return block_add(c, DOCMODEL_PARAGRAPH, text);
}

struct docmodel_block *docmodel_item(struct docmodel_chapter *c, const char *text)
{
    return block_add(c, DOCMODEL_ITEM, text);
}

struct docmodel_block *docmodel_note(struct docmodel_chapter *c, const char *text)
{
    return block_add(c, DOCMODEL_NOTE, text);
}

struct docmodel_block *docmodel_legend(struct docmodel_chapter *c, const char *text, int swatch)
{
    struct docmodel_block *b = block_add(c, DOCMODEL_LEGEND, text);
    b->swatch = swatch;
    return b;
}

struct docmodel_block *docmodel_highlight(struct docmodel_chapter *c, const char *label, const char *text)
{
    struct docmodel_block *b = block_add(c, DOCMODEL_HIGHLIGHT, text);
    b->label = docmodel_strdup(c->model, label);
    return b;
}

struct docmodel_block *docmodel_figure(struct docmodel_chapter *c, const char *path, const char *alt,
                                       const char *caption, double width)
{
    struct docmodel_block *b = block_add(c, DOCMODEL_FIGURE, NULL);
    struct docmodel_figure *f = arena_zalloc(c->model, sizeof *f);
    f->path = docmodel_strdup(c->model, path);
    f->alt = docmodel_strdup(c->model, alt ? alt : "");
    f->caption = docmodel_strdup(c->model, caption);
    f->width = width > 0 && width <= 1 ? width : 1;
    b->figure = f;
    return b;
}

struct docmodel_block *docmodel_chart(struct docmodel_chapter *c, const struct pdfchart *src)
{
    struct docmodel *m = c->model;
    struct docmodel_block *b = block_add(c, DOCMODEL_CHART, NULL);
    struct pdfchart *ch = arena_alloc(m, sizeof *ch);
    *ch = *src;
    ch->title = docmodel_strdup(m, src->title);
    ch->source = docmodel_strdup(m, src->source);
    ch->unit = docmodel_strdup(m, src->unit);
    ch->target_label = docmodel_strdup(m, src->target_label);
    int nc = src->ncategories > 0 ? src->ncategories : 0;
    if (src->categories && nc) {
        const char **cats = arena_alloc(m, sizeof *cats * (size_t)nc);
        for (int i = 0; i < nc; i++) cats[i] = docmodel_strdup(m, src->categories[i]);
        ch->categories = cats;
    }
    if (src->series && src->nseries > 0) {
        struct pdfchart_series *s = arena_alloc(m, sizeof *s * (size_t)src->nseries);
        for (int i = 0; i < src->nseries; i++) {
            s[i].name = docmodel_strdup(m, src->series[i].name);
            s[i].values = NULL;
            s[i].missing = NULL;
            if (src->series[i].values && nc) {
                double *v = arena_alloc(m, sizeof *v * (size_t)nc);
                memcpy(v, src->series[i].values, sizeof *v * (size_t)nc);
                s[i].values = v;
            }
            if (src->series[i].missing && nc) {
                unsigned char *mi = arena_alloc(m, (size_t)nc);
                memcpy(mi, src->series[i].missing, (size_t)nc);
                s[i].missing = mi;
            }
        }
        ch->series = s;
    }
    b->chart = ch;
    return b;
}

struct docmodel_block *docmodel_karte(struct docmodel_chapter *c, const struct karte *src)
{
    struct docmodel *m = c->model;
    struct docmodel_block *b = block_add(c, DOCMODEL_MAP, NULL);
    struct karte *k = arena_alloc(m, sizeof *k);
    *k = *src;
    const struct geo_karte *sg = src->geo;
    struct geo_karte *g = arena_alloc(m, sizeof *g);
    *g = *sg;
    g->gebiete = arena_alloc(m, sizeof *g->gebiete * (sg->n ? sg->n : 1));
    for (size_t i = 0; i < sg->n; i++) {
        const struct geo_gebiet *sa = &sg->gebiete[i];
        struct geo_gebiet *a = &g->gebiete[i];
        *a = *sa;
        a->ars = (char *)docmodel_strdup(m, sa->ars);
        a->name = (char *)docmodel_strdup(m, sa->name);
        a->bez = (char *)docmodel_strdup(m, sa->bez);
        a->ringe = arena_alloc(m, sizeof *a->ringe * (sa->nringe ? sa->nringe : 1));
        for (size_t r = 0; r < sa->nringe; r++) {
            a->ringe[r].n = sa->ringe[r].n;
            a->ringe[r].xy = arena_alloc(m, sizeof(double) * 2 * sa->ringe[r].n);
            memcpy(a->ringe[r].xy, sa->ringe[r].xy, sizeof(double) * 2 * sa->ringe[r].n);
        }
    }
    k->geo = g;
    k->werte = arena_alloc(m, sizeof *k->werte * (sg->n ? sg->n : 1));
    memcpy(k->werte, src->werte, sizeof *k->werte * sg->n);
    k->titel = docmodel_strdup(m, src->titel);
    k->einheit = docmodel_strdup(m, src->einheit);
    k->eigen = docmodel_strdup(m, src->eigen);
    k->quelle = docmodel_strdup(m, src->quelle);
    k->quellenvermerk = docmodel_strdup(m, src->quellenvermerk);
    k->lizenz = docmodel_strdup(m, src->lizenz);
    k->kennung = docmodel_strdup(m, src->kennung);
    b->karte = k;
    return b;
}

struct docmodel_table *docmodel_table(struct docmodel_chapter *c, const struct docmodel_column *cols, int ncols)
{
    struct docmodel *m = c->model;
    struct docmodel_block *b = block_add(c, DOCMODEL_TABLE, NULL);
    struct docmodel_table *t = arena_zalloc(m, sizeof *t);
    if (ncols > DOCMODEL_MAX_COLUMNS) ncols = DOCMODEL_MAX_COLUMNS;
    t->ncols = ncols < 1 ? 1 : ncols;
    for (int i = 0; i < ncols; i++) {
        t->cols[i] = cols[i];
        t->cols[i].titel = docmodel_strdup(m, cols[i].titel ? cols[i].titel : "");
    }
    t->fit_rows = 1;
    t->model = m;
    b->table = t;
    return t;
}

struct docmodel_row *docmodel_row(struct docmodel_table *t, const char *const *cells, unsigned repeat, int highlight)
{
    struct docmodel *m = t->model;
    t->rows = arena_grow(m, t->rows, t->nrows, &t->cap, sizeof *t->rows);
    struct docmodel_row *r = &t->rows[t->nrows++];
    const char **c = arena_alloc(m, sizeof *c * (size_t)t->ncols);
    for (int i = 0; i < t->ncols; i++) c[i] = cells && cells[i] ? docmodel_strdup(m, cells[i]) : "";
    r->cells = c;
    r->repeat = repeat;
    r->highlight = highlight;
    return r;
}

/* ------------------------------------------------------------ chart alt text */

char *docmodel_chart_alt(const struct pdfchart *c, char *buf, size_t size)
{
    static const char *const art[] = { "Liniendiagramm", "Säulendiagramm", "Balkendiagramm",
                                       "gestapeltes Balkendiagramm (100 %)" };
    size_t n = 0;
    buf[0] = '\0';
#define ADD(...) do { if (n < size) { int k_ = snprintf(buf + n, size - n, __VA_ARGS__); \
        n = k_ < 0 ? n : n + (size_t)k_ > size ? size : n + (size_t)k_; } } while (0)
    ADD("%s", art[c->kind >= 0 && c->kind <= PDFCHART_STACKED100 ? c->kind : 0]);
    if (c->title && *c->title) ADD(" „%s“", c->title);
    if (c->unit && *c->unit) ADD(" (%s)", c->unit);
    int pct = c->percent_axis || c->kind == PDFCHART_STACKED100;
    for (int s = 0; c->series && s < c->nseries; s++) {
        const struct pdfchart_series *se = &c->series[s];
        /* the last category with a value */
        int last = -1;
        for (int k = 0; se->values && k < c->ncategories; k++)
            if (!(se->missing && se->missing[k]) && isfinite(se->values[k])) last = k;
        ADD("%s%s", s ? "; " : ": ", se->name && *se->name ? se->name : "Reihe");
        if (last < 0) { ADD(" ohne Werte"); continue; }
        char z[64];
        pdfchart_format_tick(z, sizeof z, se->values[last], c->decimals, pct);
        const char *cat = c->categories && c->categories[last] ? c->categories[last] : "";
        ADD(" %s%s%s", cat, *cat ? ": " : "", z);
    }
    if (c->source && *c->source) ADD(". Quelle: %s", c->source);
#undef ADD
    return buf;
}

/* ------------------------------------------------------------ templates */

void docmodel_prosa(struct docmodel_chapter *c, const struct vorlage_prosa *p)
{
    for (int i = 0; p && i < p->anzahl; i++) {
        const struct vorlage_block *b = &p->bloecke[i];
        switch (b->art) {
        case VORLAGE_ABSATZ: docmodel_paragraph(c, b->text); break;
        case VORLAGE_ABSCHNITT: docmodel_heading(c, 2, b->text); break;
        case VORLAGE_ZWISCHENTITEL: docmodel_heading(c, 3, b->text); break;
        case VORLAGE_PUNKT: docmodel_item(c, b->text); break;
        case VORLAGE_HERVORHEBUNG: docmodel_highlight(c, NULL, b->text); break;
        }
    }
}

void docmodel_vorlage_kapitel(struct docmodel_chapter *c, const struct vorlage_kapitel *k)
{
    const struct vorlage_prosa *leitsatz = k->prosa[VORLAGE_LEITSATZ];
    for (int b = 0; leitsatz && b < leitsatz->anzahl; b++)
        if (leitsatz->bloecke[b].art == VORLAGE_ABSATZ || leitsatz->bloecke[b].art == VORLAGE_HERVORHEBUNG)
            docmodel_highlight(c, b == 0 ? "Leitsatz" : NULL, leitsatz->bloecke[b].text);
    docmodel_prosa(c, k->prosa[VORLAGE_BESCHREIBUNG]);
    if (k->prosa[VORLAGE_LEITGRUNDSAETZE]) {
        docmodel_heading(c, 2, "Leitgrundsätze");
        docmodel_prosa(c, k->prosa[VORLAGE_LEITGRUNDSAETZE]);
    }
    if (k->prosa[VORLAGE_ZIELE]) {
        docmodel_heading(c, 2, "Übergeordnete Ziele");
        docmodel_prosa(c, k->prosa[VORLAGE_ZIELE]);
    }
    docmodel_prosa(c, k->prosa[VORLAGE_TEXT]);
}

void docmodel_vorlage_frame(struct docmodel *m, const struct vorlage *v, const struct vorlage_ausgabe *a,
                            const char *stand)
{
    char stand_buf[128];
    if (!stand) stand = format_stand(stand_buf, sizeof stand_buf, umsetzung_stichtag(v->stand, report_time()));
    struct docmodel_frame *f = &m->frame;
    memset(f, 0, sizeof *f);
    f->title_style = DOCMODEL_TITLE_PAGE;
    f->title = a ? a->titel : v->titel;
    f->subtitle = a && a->untertitel ? a->untertitel : v->untertitel;
    f->kommune = v->kommune;
    f->herausgeber = v->herausgeber;
    f->stand = stand;
    f->gremium = a ? a->gremium : NULL;
    f->logo = v->logo;
    f->footer_center = v->kurztitel;
    f->author = v->autor;
    f->subject = v->thema ? v->thema : v->untertitel;
    f->keywords = v->stichwoerter;
    f->toc = 1;
    f->numbered = 1;
    f->pdfa = v->pdfa;
    f->icc_profile = v->icc_profil;
    docmodel_frame_own(m);
}

int docmodel_vorlage(struct docmodel *m, const struct vorlage *v, const struct vorlage_ausgabe *a,
                     const char *stand, docmodel_kapitel_fn fuellen, void *ctx)
{
    docmodel_vorlage_frame(m, v, a, stand);
    for (int i = 0; i < v->n_kapitel; i++) {
        const struct vorlage_kapitel *k = &v->kapitel[i];
        if (!vorlage_kapitel_in(a, i)) continue;
        struct docmodel_chapter *c = docmodel_chapter_add(m, k->titel, k->quer);
        c->appendix = k->anhang;
        docmodel_vorlage_kapitel(c, k);
        if (fuellen && fuellen(c, v, k, a, ctx) != 0) return -1;
    }
    return 0;
}
