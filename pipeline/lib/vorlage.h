/*
 * vorlage.h — document templates (Dokumentvorlagen) of the
 * Integrationsbericht: which chapters in which order, their prose, the
 * committee editions.
 *
 * A template is data, not code: an INI file (iniparser; section names and
 * keys are lowercased, lines at most 1024 bytes) plus plain-text prose
 * files it names (paths relative to the INI file).  The format is described
 * for authors in templates/README.md; in short:
 *
 *   [bericht]        titel*, untertitel, kommune*, herausgeber, stand, logo,
 *                    kurztitel, autor, thema, stichwoerter, pdfa, icc_profil
 *   [kapitel:ID]     titel*, art*, text, leitsatz, beschreibung,
 *                    leitgrundsaetze, ziele, handlungsfelder, indikatoren, quer
 *   [anhang:ID]      the same keys: appendix chapters, after all chapters
 *   [ausgabe:ID]     titel*, gremium*, kapitel*, handlungsfelder, untertitel
 *   (* = required)
 *
 * Chapters and appendices keep the order of their sections in the file.
 * `art` is one of text, massnahmen, indikatoren, befragung, eingang,
 * statusberichte, legende, quellen.  Lists: chapter ids and indicator ids
 * separated by commas; Handlungsfeld names by '|' (names contain commas).
 * Unknown sections and keys are errors, named with file and line and the
 * nearest known name ("— gemeint: leitsatz?"): a typo never changes a
 * report unnoticed.  A Handlungsfeld a chapter names that matches no data
 * is a warning with file and line (vorlage_handlungsfelder_pruefen).
 *
 * Prose markup (a line syntax, nothing more):
 *   plain lines        a paragraph; following lines continue it
 *   blank line         ends the paragraph, bullet or highlight
 *   # Titel            a numbered section heading (in TOC and bookmarks)
 *   ## Titel           an unnumbered sub-heading
 *   - Text             a bullet; following lines continue it
 *   > Text             a highlighted block (Leitsatz box); more "> " lines continue it
 *   **fett**           bold inside any text
 *   % …                a comment line (sources, notes for authors)
 *
 * Errors are printed with diag_error/diag_report in German and name the
 * file and, for INI files, the section and key, for prose files the line:
 *   Vorlage t/bericht.ini, Abschnitt [kapitel:x], Schlüssel „art“: unbekannte Art „y“ …
 *   t/einleitung.txt, Zeile 4: Überschrift ohne Text
 */
#ifndef IB_VORLAGE_H
#define IB_VORLAGE_H

#include <stddef.h>

enum vorlage_art {
    VORLAGE_ART_TEXT,              /* only the prose of the chapter */
    VORLAGE_ART_MASSNAHMEN,        /* the measures (chronological list or per Handlungsfeld) */
    VORLAGE_ART_INDIKATOREN,       /* indicator tables and charts */
    VORLAGE_ART_BEFRAGUNG,         /* survey results */
    VORLAGE_ART_EINGANG,           /* Eingangsbericht, Rücklauf of the departments */
    VORLAGE_ART_STATUSBERICHTE,    /* status reports of the measures */
    VORLAGE_ART_LEGENDE,           /* table symbols and abbreviations */
    VORLAGE_ART_QUELLEN            /* sources */
};

/* vorlage_art_name — the INI spelling of an art ("massnahmen"). */
const char *vorlage_art_name(enum vorlage_art art);

enum vorlage_block_art {
    VORLAGE_ABSATZ,                /* paragraph */
    VORLAGE_ABSCHNITT,             /* "# " numbered section heading */
    VORLAGE_ZWISCHENTITEL,         /* "## " unnumbered sub-heading */
    VORLAGE_PUNKT,                 /* "- " bullet */
    VORLAGE_HERVORHEBUNG           /* "> " highlighted block */
};

struct vorlage_block {
    enum vorlage_block_art art;
    char *text;                    /* UTF-8, lines joined with one blank; may hold "**" pairs */
    long zeile;                    /* 1-based line where the block starts */
};

/* A parsed prose file. */
struct vorlage_prosa {
    char *datei;                   /* path as opened */
    struct vorlage_block *bloecke;
    int anzahl;
};

/* The prose parts of a chapter, drawn in this order (see docmodel_vorlage_kapitel). */
enum vorlage_teil {
    VORLAGE_LEITSATZ,              /* key leitsatz: highlighted box „Leitsatz“ */
    VORLAGE_BESCHREIBUNG,          /* key beschreibung: plain prose */
    VORLAGE_LEITGRUNDSAETZE,       /* key leitgrundsaetze: under the heading „Leitgrundsätze“ */
    VORLAGE_ZIELE,                 /* key ziele: under the heading „Übergeordnete Ziele“ */
    VORLAGE_TEXT,                  /* key text: plain prose */
    VORLAGE_TEILE
};

/* vorlage_teil_schluessel — the INI key of a prose part ("leitsatz"). */
const char *vorlage_teil_schluessel(enum vorlage_teil teil);

struct vorlage_kapitel {
    char *id;                      /* section name after "kapitel:" / "anhang:" (lowercase) */
    char *titel;
    enum vorlage_art art;
    int anhang;                    /* 1 = appendix chapter */
    int quer;                      /* 1 = landscape pages (quer = ja) */
    struct vorlage_prosa *prosa[VORLAGE_TEILE];   /* NULL = part absent */
    char **handlungsfelder;        /* NULL-terminated; empty = all */
    int n_handlungsfelder;
    char **indikatoren;            /* NULL-terminated indicator ids; empty = all */
    int n_indikatoren;
};

struct vorlage_ausgabe {
    char *id;                      /* section name after "ausgabe:" */
    char *titel;                   /* title of the edition's title page */
    char *untertitel;              /* NULL = the report's */
    char *gremium;                 /* „Ausschuss für Soziales, Gesundheit und Integration“ */
    int *kapitel;                  /* indices into vorlage.kapitel, in report order */
    int n_kapitel;
    char **handlungsfelder;        /* NULL-terminated; empty = no further restriction */
    int n_handlungsfelder;
};

struct vorlage {
    char *pfad;                    /* the INI file */
    char *titel, *untertitel, *kommune, *herausgeber, *logo;
    char *stand;                   /* TT.MM.JJJJ (any werte_datum form in the file), or NULL; only a
                                      default: the configuration's [bericht] stand wins (bericht_stichtag) */
    char *kurztitel;               /* running header and footer; default titel */
    char *autor, *thema, *stichwoerter;   /* document info; autor defaults to kommune */
    int pdfa;                      /* pdfa = ja: write the PDF/A-1b parts (pdfdoc_pdfa) */
    char *icc_profil;              /* RGB ICC profile for the PDF/A output intent, or NULL */
    struct vorlage_kapitel *kapitel;   /* chapters, then appendices, in file order */
    int n_kapitel;
    struct vorlage_ausgabe *ausgaben;
    int n_ausgaben;
};

/*
 * vorlage_load — read the template INI at pfad and every prose file it
 * names into *v.  All problems are reported (not only the first) with file,
 * section and key or file and line.  Returns 0, or -1 (v is left empty).
 */
int vorlage_load(const char *pfad, struct vorlage *v);

/* vorlage_free — release everything vorlage_load allocated. */
void vorlage_free(struct vorlage *v);

/*
 * vorlage_prosa_parse — parse prose text[0..len) (UTF-8) into *p; datei is
 * the name used in messages and kept in p->datei.  Returns 0, or -1 after
 * reporting every bad line (p is left empty).
 */
int vorlage_prosa_parse(const char *datei, const char *text, size_t len, struct vorlage_prosa *p);

/* vorlage_prosa_load — read the prose file at pfad and parse it.  0 or -1 (message printed). */
int vorlage_prosa_load(const char *pfad, struct vorlage_prosa *p);

/* vorlage_prosa_free — release a parsed prose file (not the struct itself). */
void vorlage_prosa_free(struct vorlage_prosa *p);

/*
 * vorlage_handlungsfelder_pruefen — warn about every Handlungsfeld that a
 * chapter of art `art` names in its `handlungsfelder` and that matches none
 * of the n names in daten (the data's Handlungsfelder: as delivered for
 * measures, the catalogue's titles for indicators), by the rule of
 * vorlage_handlungsfeld_gilt (equal, or a data name "Name/…").  The warning
 * names the template, the line of the key, the section, and the nearest data
 * name or Oberfeld when one is close (a typo); was says what was looked in („keine
 * Maßnahme“).  Nothing is checked when n is 0 (no data of that kind at all).
 * Returns the number of warnings.
 */
int vorlage_handlungsfelder_pruefen(const struct vorlage *v, enum vorlage_art art, const char *const *daten,
                                    int n, const char *was);

/* vorlage_ausgabe_find — the edition with this id, or NULL. */
const struct vorlage_ausgabe *vorlage_ausgabe_find(const struct vorlage *v, const char *id);

/*
 * vorlage_kapitel_in — 1 if chapter index k belongs to edition a (a NULL =
 * the full report: every chapter belongs).
 */
int vorlage_kapitel_in(const struct vorlage_ausgabe *a, int k);

/*
 * vorlage_handlungsfeld_gilt — 1 if the Handlungsfeld name hf is shown in
 * chapter k of edition a (a may be NULL): both the chapter's and the
 * edition's list must allow it (an empty list allows everything).  A name
 * "Oberfeld/Unterfeld" is allowed also by its Oberfeld.
 */
int vorlage_handlungsfeld_gilt(const struct vorlage_kapitel *k, const struct vorlage_ausgabe *a,
                               const char *hf);

#endif
