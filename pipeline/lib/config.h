/*
 * config.h — the ibericht configuration (config/ibericht.ini, iniparser).
 *
 * One INI file describes a report job: [bericht] (Kommune, titles, dates),
 * [pfade] (inbox, out, store), [schrift] (TrueType files), [terminierung]
 * (horizons, group labels), [massnahmen] (which inbox files are measure
 * lists, column synonyms).  Keys are looked up as "section:key"; iniparser
 * lowercases both.  Paths in the file are relative to the working directory;
 * a relative store path is relative to the out directory.  Command-line
 * overrides (--inbox, --out, --store) win over the file.
 *
 * The sections and keys of the file are listed in one place, the table
 * `bekannte` in config.c (documented in README „Konfiguration“).  A section
 * or key not in it is reported with file and line and the nearest known
 * name („gemeint: berichtsjahr?“): by default an error (config_load fails,
 * the stage exits 2 before doing anything), with
 * [konfiguration] unbekannte_schluessel = warnen only a warning.
 */
#ifndef IB_CONFIG_H
#define IB_CONFIG_H

#include <stdarg.h>
#include <stddef.h>

struct _dictionary_;

struct ib_config {
    struct _dictionary_ *ini;
    char *path;          /* the INI file read */
    char *inbox;         /* resolved inbox directory */
    char *out;           /* resolved output directory */
    char *store;         /* resolved store file */
};

struct config_overrides {
    const char *inbox, *out, *store;   /* NULL = take the file's value */
};

/*
 * config_load — read path into *cfg, check its sections and keys against
 * the table of known ones, resolve the paths.  Returns 0, or -1 after
 * printing a message naming the file (missing, unreadable, syntax error with
 * line, line longer than 1024 bytes, unknown section or key with line).
 * Warnings about unknown keys (mode warnen) are not repeated when the
 * environment variable IBERICHT_KONFIG_GEPRUEFT is set (ibericht report sets
 * it for the stages after ingest, which has printed them).
 */
int config_load(const char *path, const struct config_overrides *ov, struct ib_config *cfg);

/*
 * config_ini_load — read any INI file of ibericht (configuration, source
 * profiles, document templates) with iniparser.  Messages start with
 * "<label> <path>: " (label e.g. "Konfiguration", "Vorlage"): file missing
 * or unreadable, iniparser's syntax errors with line, lines longer than
 * 1024 bytes.  Returns the dictionary (free with iniparser_freedict), or
 * NULL after a message.
 */
struct _dictionary_ *config_ini_load(const char *path, const char *label);

/*
 * config_ini_error_text — the arguments of iniparser 4.1's error callback
 * (its English format and the values for it) as a German message into buf:
 * "LEAD, Zeile 3: „[kaputt“ ist weder [Abschnitt] noch Schlüssel = Wert …",
 * "LEAD, Zeile 9: Zeile zu lang …"; unknown formats keep iniparser's text
 * behind a German lead.  lead names the file, e.g. "Konfiguration x.ini".
 */
void config_ini_error_text(char *buf, size_t size, const char *lead, const char *format, va_list ap);

/*
 * config_ini_zeile — the 1-based line of "key = …" in section sec of the
 * INI file at path (key NULL: the line of the section header "[sec]"),
 * compared as iniparser does (case-insensitive, blanks around trimmed); 0
 * when not found or the file cannot be read.  For messages only.
 */
int config_ini_zeile(const char *path, const char *sec, const char *key);

/*
 * config_naechster — the candidate (NULL-terminated list) nearest to word
 * by edit distance (Levenshtein over bytes, case-insensitive), or NULL when
 * none is close enough to be a typo: at most 2 edits, and fewer than half
 * the letters of the word.  For „gemeint: …?“ in messages.
 */
const char *config_naechster(const char *word, const char *const *candidates);

/* config_free — release everything config_load allocated. */
void config_free(struct ib_config *cfg);

/* config_string — value of "section:key", or def when absent or empty. */
const char *config_string(const struct ib_config *cfg, const char *key, const char *def);

/*
 * config_int — integer value of "section:key", or def when absent.
 * A value that is not an integer is reported (file, key) and def returned.
 */
int config_int(const struct ib_config *cfg, const char *key, int def);

/*
 * config_list — split "section:key" at commas into trimmed, non-empty
 * strings.  Returns a NULL-terminated array (free with config_list_free);
 * *count gets the number of items (may be NULL).  Absent key: def is split.
 */
char **config_list(const struct ib_config *cfg, const char *key, const char *def, int *count);
void config_list_free(char **list);

#endif
