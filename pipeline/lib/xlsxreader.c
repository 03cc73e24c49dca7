/*
 * xlsxreader.c — .xlsx parts inflated with libzip and parsed with expat.
 *
 * Every part is inflated in 64 KiB blocks straight into expat's buffer and
 * counted against the limits as the bytes come, whatever the zip header
 * says.  Parsers run with namespace processing and elements and attributes
 * are matched by their local name, so prefixed ("x:row") and strict OOXML
 * files read the same.  A DOCTYPE stops any parser: OOXML never has one,
 * and without it there are no entity declarations to expand.
 */
#include "xlsxreader.h"
#include "diag.h"

#include <errno.h>
#include <expat.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#define BLOCK 65536
#define NS_SEP ' '               /* expat's "namespace local" separator; URIs hold no blanks */
#define MAX_ROW 1048576L         /* Excel's last row */

enum { KIND_NONE = 0, KIND_DATE = 1, KIND_TIME = 2 };

struct sheet {
    char *name;
    char *part;                  /* zip entry of the sheet's XML */
};

struct xlsxreader {
    zip_t *zip;
    struct xlsxreader_options opt;
    unsigned long long inflated; /* bytes inflated so far, all parts */
    locale_t c_locale;           /* numbers in and out with '.' whatever the caller's locale */
    int date1904;
    struct sheet *sheets;
    int nsheets;
    /* shared strings: NUL-terminated texts one after another in pool */
    char *pool;
    size_t pool_len, pool_cap;
    size_t *sst;                 /* offset of every string in pool */
    long nsst, sst_cap;
    /* styles: the date kind of every cellXfs entry (the cell's s="…") */
    unsigned char *xf_kind;
    long nxf;
    struct xlsxrange *merged;
    int nmerged, merged_cap;
};

/* ---------------------------------------------------------------- helpers */

static void set_message(struct xlsxreader_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void set_message(struct xlsxreader_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

/* Copy src into dst (size bytes), cut at a UTF-8 character boundary. */
static void copy_utf8(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80) n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* The local part of an expat name "namespace-URI local". */
static const char *local_name(const char *name)
{
    const char *s = strrchr(name, NS_SEP);
    return s ? s + 1 : name;
}

static int is(const char *name, const char *local)
{
    return strcmp(local_name(name), local) == 0;
}

static const char *attr(const XML_Char **a, const char *local)
{
    for (; a[0]; a += 2)
        if (is(a[0], local)) return a[1];
    return NULL;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

char *xlsxreader_column_name(int column, char buf[8])
{
    char tmp[8];
    int n = 0;
    unsigned c = column > 0 ? (unsigned)column : 0;
    while (c > 0 && n < 7) {
        c--;
        tmp[n++] = (char)('A' + c % 26);
        c /= 26;
    }
    for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return buf;
}

/*
 * Parse a cell reference "B7" (letters, then digits) into column and row.
 * Large values saturate at 100 000 000 (beyond every limit).  Returns the
 * end of the reference, or NULL if there are no letters.
 */
static const char *parse_ref(const char *s, long *col, long *row)
{
    const long cap = 100000000L;
    long c = 0, r = 0;
    const char *p = s;
    for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++) {
        c = c * 26 + ((*p | 0x20) - 'a' + 1);
        if (c > cap) c = cap;
    }
    if (p == s) return NULL;
    for (; *p >= '0' && *p <= '9'; p++) {
        r = r * 10 + (*p - '0');
        if (r > cap) r = cap;
    }
    *col = c;
    *row = r;
    return p;
}

/* Encode code point cp (< 0x10000) as UTF-8 into out; returns the length. */
static size_t utf8_put(char *out, unsigned cp)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/*
 * Decode Excel's _xHHHH_ escapes (used for control characters such as
 * _x000D_; "_x005F_" is a literal underscore) in s[0..n) in place and
 * NUL-terminate.  NUL and surrogates stay as written.  Returns the new length.
 */
static size_t decode_escapes(char *s, size_t n)
{
    size_t i = 0, o = 0;
    while (i < n) {
        if (s[i] == '_' && i + 6 < n && s[i + 1] == 'x' && s[i + 6] == '_') {
            int h0 = hexval(s[i + 2]), h1 = hexval(s[i + 3]);
            int h2 = hexval(s[i + 4]), h3 = hexval(s[i + 5]);
            if (h0 >= 0 && h1 >= 0 && h2 >= 0 && h3 >= 0) {
                unsigned cp = (unsigned)(h0 << 12 | h1 << 8 | h2 << 4 | h3);
                if (cp != 0 && (cp < 0xD800 || cp > 0xDFFF)) {
                    o += utf8_put(s + o, cp);
                    i += 7;
                    continue;
                }
            }
        }
        s[o++] = s[i++];
    }
    s[o] = '\0';
    return o;
}

/* ------------------------------------------------------- dates and numbers */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long dd = doy - (153 * mp + 2) / 5 + 1;
    long mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yoe + era * 400 + (mm <= 2));
    *m = (int)mm;
    *d = (int)dd;
}

/*
 * Date and time of serial v in the workbook's date system.  Returns -1 for
 * values Excel cannot show as a date (negative, after 9999-12-31).
 */
static int serial_to_date(double v, int date1904, struct xlsxdate *dt)
{
    if (!(v >= 0 && v < 3000000.0)) return -1;
    double whole = floor(v);
    long day = (long)whole;
    long secs = lround((v - whole) * 86400.0);
    if (secs >= 86400) { secs -= 86400; day++; }
    memset(dt, 0, sizeof *dt);
    dt->hour = (int)(secs / 3600);
    dt->minute = (int)(secs / 60 % 60);
    dt->second = (int)(secs % 60);
    if (date1904) {
        civil_from_days(days_from_civil(1904, 1, 1) + day, &dt->year, &dt->month, &dt->day);
    } else if (day == 0) {
        /* no day: a time of day only */
    } else if (day == 60) {
        dt->year = 1900, dt->month = 2, dt->day = 29;   /* Excel's day that never was */
    } else {
        long base = day < 60 ? days_from_civil(1899, 12, 31) : days_from_civil(1899, 12, 30);
        civil_from_days(base + day, &dt->year, &dt->month, &dt->day);
    }
    return dt->year > 9999 ? -1 : 0;
}

/* Serial number of a date in the workbook's date system (inverse of serial_to_date). */
static double date_to_serial(const struct xlsxdate *dt, int date1904)
{
    long days = days_from_civil(dt->year, dt->month, dt->day);
    double serial;
    if (date1904) serial = (double)(days - days_from_civil(1904, 1, 1));
    else if (days < days_from_civil(1900, 3, 1)) serial = (double)(days - days_from_civil(1899, 12, 31));
    else serial = (double)(days - days_from_civil(1899, 12, 30));
    return serial + (dt->hour * 3600 + dt->minute * 60 + dt->second) / 86400.0;
}

static void format_date(char *buf, size_t size, const struct xlsxdate *dt, int kind)
{
    int midnight = dt->hour == 0 && dt->minute == 0 && dt->second == 0;
    if (kind == KIND_TIME || dt->year == 0)
        snprintf(buf, size, "%02d:%02d:%02d", dt->hour, dt->minute, dt->second);
    else if (midnight)
        snprintf(buf, size, "%04d-%02d-%02d", dt->year, dt->month, dt->day);
    else
        snprintf(buf, size, "%04d-%02d-%02d %02d:%02d:%02d",
                 dt->year, dt->month, dt->day, dt->hour, dt->minute, dt->second);
}

/* "%.15g" with '.' as decimal point; -0 shows as 0 as in Excel. */
static void format_number(const struct xlsxreader *r, char *buf, size_t size, double v)
{
    if (v == 0) v = 0;
    locale_t old = r->c_locale ? uselocale(r->c_locale) : (locale_t)0;
    snprintf(buf, size, "%.15g", v);
    if (old) uselocale(old);
}

/* A whole string as a finite number (surrounding blanks allowed); -1 if it is none. */
static int parse_number(const struct xlsxreader *r, const char *s, double *v)
{
    char *end;
    errno = 0;
    *v = r->c_locale ? strtod_l(s, &end, r->c_locale) : strtod(s, &end);
    if (end == s) return -1;
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r') end++;
    return *end == '\0' && isfinite(*v) ? 0 : -1;
}

/* Date kind of a built-in number format (ECMA-376 part 1, 18.8.30). */
static int builtin_kind(long id)
{
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
        return KIND_DATE;
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
        return KIND_TIME;
    return KIND_NONE;
}

/*
 * Date kind of a custom format code: date parts d, m, y or time parts h, s
 * outside quotes, brackets ([Red], [$-407]) and escaped characters.  An
 * elapsed-time bracket [h] [mm] [ss] counts as time.
 */
static int format_kind(const char *code)
{
    int date = 0, time = 0, month = 0;
    for (const char *s = code; *s; s++) {
        switch (*s) {
        case '"':
            s = strchr(s + 1, '"');
            if (!s) return date ? KIND_DATE : time ? KIND_TIME : month ? KIND_DATE : KIND_NONE;
            break;
        case '[': {
            const char *e = strchr(s, ']');
            if (!e) e = s + strlen(s) - 1;
            if (e > s + 1 && strspn(s + 1, "hHmMsS") == (size_t)(e - s - 1)) time = 1;
            s = e;
            break;
        }
        case '\\': case '_': case '*':
            if (s[1]) s++;
            break;
        case 'd': case 'D': case 'y': case 'Y':
            date = 1;
            break;
        case 'h': case 'H': case 's': case 'S':
            time = 1;
            break;
        case 'm': case 'M':
            month = 1;
            break;
        default:
            break;
        }
    }
    return date ? KIND_DATE : time ? KIND_TIME : month ? KIND_DATE : KIND_NONE;
}

/* ------------------------------------------------------------ zip and XML */

/* Context every XML handler gets first: where the parse stands. */
struct xml {
    struct xlsxreader *r;
    XML_Parser p;
    struct xlsxreader_error *err;
    const char *part;
    int rc;                      /* 0, an XLSXREADER_ error, or the callback's value */
};

static void xml_fail(struct xml *x, int rc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void xml_fail(struct xml *x, int rc, const char *fmt, ...)
{
    if (x->rc) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(x->err->message, sizeof x->err->message, fmt, ap);
    va_end(ap);
    x->rc = rc;
    XML_StopParser(x->p, XML_FALSE);
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal_subset)
{
    (void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
    struct xml *x = ud;
    xml_fail(x, XLSXREADER_FORMAT, "%s: DOCTYPE und Entity-Deklarationen sind nicht erlaubt", x->part);
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int is_parameter, const XML_Char *value,
                              int value_length, const XML_Char *base, const XML_Char *sysid,
                              const XML_Char *pubid, const XML_Char *notation)
{
    (void)name, (void)is_parameter, (void)value, (void)value_length;
    (void)base, (void)sysid, (void)pubid, (void)notation;
    struct xml *x = ud;
    xml_fail(x, XLSXREADER_FORMAT, "%s: DOCTYPE und Entity-Deklarationen sind nicht erlaubt", x->part);
}

/* Index of the zip entry name (exact, then ignoring case as OPC does); -1 if missing. */
static zip_int64_t find_part(const struct xlsxreader *r, const char *name)
{
    zip_int64_t i = zip_name_locate(r->zip, name, 0);
    return i >= 0 ? i : zip_name_locate(r->zip, name, ZIP_FL_NOCASE);
}

/*
 * Inflate the zip entry idx (called name) block by block into an expat
 * parser with the given handlers; x is their user data (the start of a
 * larger context).  Returns XLSXREADER_OK, an error (x->err filled) or the
 * row callback's value.
 */
static int parse_part(struct xlsxreader *r, zip_int64_t idx, const char *name, struct xml *x,
                      XML_StartElementHandler start, XML_EndElementHandler end,
                      XML_CharacterDataHandler text)
{
    const struct xlsxreader_options *o = &r->opt;
    struct xlsxreader_error *err = x->err;
    zip_stat_t st;
    if (zip_stat_index(r->zip, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        st.size > o->max_entry_bytes) {
        set_message(err, "%s ist entpackt %llu Bytes groß, erlaubt sind %llu (Schutz vor ZIP-Bomben)",
                    name, (unsigned long long)st.size, o->max_entry_bytes);
        return XLSXREADER_LIMIT;
    }
    zip_file_t *zf = zip_fopen_index(r->zip, (zip_uint64_t)idx, 0);
    if (!zf) {
        set_message(err, "ZIP-Eintrag %s nicht lesbar: %s", name, zip_strerror(r->zip));
        return XLSXREADER_FORMAT;
    }
    XML_Parser p = XML_ParserCreateNS(NULL, NS_SEP);
    if (!p) {
        zip_fclose(zf);
        set_message(err, "kein Speicher für den XML-Parser");
        return XLSXREADER_FORMAT;
    }
    x->r = r;
    x->p = p;
    x->part = name;
    x->rc = 0;
    XML_SetUserData(p, x);
    XML_SetElementHandler(p, start, end);
    XML_SetCharacterDataHandler(p, text);
    XML_SetStartDoctypeDeclHandler(p, on_doctype);
    XML_SetEntityDeclHandler(p, on_entity);

    unsigned long long entry = 0;
    int rc = XLSXREADER_OK;
    for (;;) {
        void *buf = XML_GetBuffer(p, BLOCK);
        if (!buf) {
            set_message(err, "kein Speicher für den XML-Parser");
            rc = XLSXREADER_FORMAT;
            break;
        }
        zip_int64_t n = zip_fread(zf, buf, BLOCK);
        if (n < 0) {
            set_message(err, "ZIP-Archiv beschädigt (%s): %s", name, zip_file_strerror(zf));
            rc = XLSXREADER_FORMAT;
            break;
        }
        entry += (unsigned long long)n;
        r->inflated += (unsigned long long)n;
        if (entry > o->max_entry_bytes) {
            set_message(err, "%s ist entpackt größer als %llu Bytes (Schutz vor ZIP-Bomben)",
                        name, o->max_entry_bytes);
            rc = XLSXREADER_LIMIT;
            break;
        }
        if (r->inflated > o->max_total_bytes) {
            set_message(err, "Archiv entpackt insgesamt größer als %llu Bytes (Schutz vor ZIP-Bomben)",
                        o->max_total_bytes);
            rc = XLSXREADER_LIMIT;
            break;
        }
        if (XML_ParseBuffer(p, (int)n, n == 0) == XML_STATUS_ERROR) {
            if (x->rc) {
                rc = x->rc;
            } else {
                set_message(err, "%s: XML-Fehler in Zeile %lu: %s", name,
                            (unsigned long)XML_GetCurrentLineNumber(p),
                            XML_ErrorString(XML_GetErrorCode(p)));
                rc = XLSXREADER_FORMAT;
            }
            break;
        }
        if (n == 0) break;
    }
    XML_ParserFree(p);
    zip_fclose(zf);
    return rc;
}

/*
 * The zip entry a relationship target points to, relative to the folder
 * base ("" or "xl/"); "/…" starts at the package root.  Percent escapes are
 * decoded first.  NULL if the target climbs out of the package with "..",
 * or holds a backslash, a colon (drive letter, URI scheme) or a control
 * character.
 */
static char *resolve_target(const char *base, const char *target)
{
    size_t tl = strlen(target), bl = strlen(base);
    char *t = xmalloc(tl + 1);
    size_t k = 0;
    for (size_t i = 0; i < tl; i++) {
        int h1, h2;
        if (target[i] == '%' && i + 2 < tl && (h1 = hexval(target[i + 1])) >= 0 &&
            (h2 = hexval(target[i + 2])) >= 0) {
            t[k++] = (char)(h1 << 4 | h2);
            i += 2;
        } else {
            t[k++] = target[i];
        }
    }
    t[k] = '\0';
    char *path = NULL;
    for (size_t i = 0; i < k; i++)
        if (t[i] == '\\' || t[i] == ':' || (unsigned char)t[i] < 0x20) goto out;
    path = xmalloc(bl + k + 2);
    size_t n = 0;
    const char *s = t;
    if (*s == '/') {
        s++;
    } else {
        memcpy(path, base, bl);
        n = bl;
    }
    while (*s) {
        size_t len = strcspn(s, "/");
        if (len == 2 && s[0] == '.' && s[1] == '.') {
            if (n == 0) { free(path); path = NULL; goto out; }
            n--;                                     /* drop the last folder */
            while (n > 0 && path[n - 1] != '/') n--;
        } else if (len > 0 && !(len == 1 && s[0] == '.')) {
            memcpy(path + n, s, len);
            n += len;
            path[n++] = '/';
        }
        s += len;
        if (*s == '/') s++;
    }
    if (n == 0) { free(path); path = NULL; goto out; }
    path[n - 1] = '\0';
out:
    free(t);
    return path;
}

/* ------------------------------------------------------------ relationships */

struct rel {
    char *id, *type;
    char *part;                  /* resolved zip entry; NULL for external targets */
};

struct rels_ctx {
    struct xml x;
    const char *base;
    struct rel *v;
    int n, cap;
};

static void XMLCALL rels_start(void *ud, const XML_Char *name, const XML_Char **a)
{
    struct rels_ctx *c = ud;
    if (c->x.rc || !is(name, "Relationship")) return;
    const char *id = attr(a, "Id"), *type = attr(a, "Type"), *target = attr(a, "Target");
    const char *mode = attr(a, "TargetMode");
    if (!id || !type || !target) return;
    char *part = NULL;
    if (!(mode && strcmp(mode, "External") == 0)) {
        part = resolve_target(c->base, target);
        if (!part) {
            xml_fail(&c->x, XLSXREADER_FORMAT, "unzulässiges Beziehungsziel „%.80s“ in %s",
                     target, c->x.part);
            return;
        }
    }
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        c->v = xrealloc(c->v, sizeof *c->v * (size_t)c->cap);
    }
    c->v[c->n++] = (struct rel){ xstrdup(id), xstrdup(type), part };
}

static void XMLCALL no_end(void *ud, const XML_Char *name) { (void)ud, (void)name; }
static void XMLCALL no_text(void *ud, const XML_Char *s, int n) { (void)ud, (void)s, (void)n; }

static void rels_free(struct rels_ctx *c)
{
    for (int i = 0; i < c->n; i++) {
        free(c->v[i].id);
        free(c->v[i].type);
        free(c->v[i].part);
    }
    free(c->v);
}

/* Read the relationships part of a part in folder base; a missing part gives none. */
static int read_rels(struct xlsxreader *r, const char *rels_part, const char *base,
                     struct rels_ctx *c, struct xlsxreader_error *err)
{
    memset(c, 0, sizeof *c);
    c->x.err = err;
    c->base = base;
    zip_int64_t idx = find_part(r, rels_part);
    if (idx < 0) return XLSXREADER_OK;
    return parse_part(r, idx, rels_part, &c->x, rels_start, no_end, no_text);
}

static const struct rel *rel_by_type(const struct rels_ctx *c, const char *suffix)
{
    for (int i = 0; i < c->n; i++)
        if (c->v[i].part && ends_with(c->v[i].type, suffix)) return &c->v[i];
    return NULL;
}

/* ----------------------------------------------------------------- workbook */

struct wb_sheet {
    char *name, *rid;
};

struct workbook_ctx {
    struct xml x;
    struct wb_sheet *v;
    int n, cap;
};

static void XMLCALL workbook_start(void *ud, const XML_Char *name, const XML_Char **a)
{
    struct workbook_ctx *c = ud;
    if (c->x.rc) return;
    if (is(name, "workbookPr")) {
        const char *d = attr(a, "date1904");
        c->x.r->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
    } else if (is(name, "sheet")) {
        const char *sname = attr(a, "name"), *rid = attr(a, "id");
        if (!sname || !rid) {
            xml_fail(&c->x, XLSXREADER_FORMAT, "%s: Blatt ohne Namen oder Beziehung", c->x.part);
            return;
        }
        if (c->n == c->cap) {
            c->cap = c->cap ? c->cap * 2 : 8;
            c->v = xrealloc(c->v, sizeof *c->v * (size_t)c->cap);
        }
        c->v[c->n++] = (struct wb_sheet){ xstrdup(sname), xstrdup(rid) };
    }
}

/* --------------------------------------------------------- shared strings */

struct sst_ctx {
    struct xml x;
    int in_si, in_t, rph;
    size_t start;                /* offset of the string being read */
};

static void pool_reserve(struct xlsxreader *r, size_t need)
{
    if (need <= r->pool_cap) return;
    size_t cap = r->pool_cap ? r->pool_cap : 4096;
    while (cap < need) cap *= 2;
    r->pool = xrealloc(r->pool, cap);
    r->pool_cap = cap;
}

static void XMLCALL sst_start(void *ud, const XML_Char *name, const XML_Char **a)
{
    (void)a;
    struct sst_ctx *c = ud;
    if (c->x.rc) return;
    const char *l = local_name(name);
    if (strcmp(l, "si") == 0) {
        /* a string inside a string: drop the unfinished outer text, so the
         * pool holds nothing but whole strings (lengths come from offsets) */
        if (c->in_si) c->x.r->pool_len = c->start;
        c->in_si = 1;
        c->rph = 0;
        c->start = c->x.r->pool_len;
    } else if (strcmp(l, "rPh") == 0) {
        c->rph++;
    } else if (strcmp(l, "t") == 0 && c->in_si && !c->rph) {
        c->in_t = 1;
    }
}

static void XMLCALL sst_text(void *ud, const XML_Char *s, int len)
{
    struct sst_ctx *c = ud;
    struct xlsxreader *r = c->x.r;
    if (c->x.rc || !c->in_t || !c->in_si) return;
    size_t n = (size_t)len;
    if (r->pool_len - c->start + n > r->opt.max_cell_bytes) {
        xml_fail(&c->x, XLSXREADER_LIMIT, "gemeinsamer Text Nr. %ld länger als %zu Bytes",
                 r->nsst, r->opt.max_cell_bytes);
        return;
    }
    if (r->pool_len + n + 1 + sizeof(size_t) * (size_t)(r->nsst + 1) > r->opt.max_shared_bytes) {
        xml_fail(&c->x, XLSXREADER_LIMIT, "gemeinsame Texte brauchen mehr als %zu Bytes Speicher",
                 r->opt.max_shared_bytes);
        return;
    }
    pool_reserve(r, r->pool_len + n + 1);
    memcpy(r->pool + r->pool_len, s, n);
    r->pool_len += n;
}

static void XMLCALL sst_end(void *ud, const XML_Char *name)
{
    struct sst_ctx *c = ud;
    struct xlsxreader *r = c->x.r;
    if (c->x.rc) return;
    const char *l = local_name(name);
    if (strcmp(l, "t") == 0) {
        c->in_t = 0;
    } else if (strcmp(l, "rPh") == 0) {
        if (c->rph) c->rph--;
    } else if (strcmp(l, "si") == 0 && c->in_si) {
        c->in_si = 0;
        if (r->pool_len + 1 + sizeof(size_t) * (size_t)(r->nsst + 1) > r->opt.max_shared_bytes) {
            xml_fail(&c->x, XLSXREADER_LIMIT, "gemeinsame Texte brauchen mehr als %zu Bytes Speicher",
                     r->opt.max_shared_bytes);
            return;
        }
        pool_reserve(r, r->pool_len + 1);
        r->pool_len = c->start + decode_escapes(r->pool + c->start, r->pool_len - c->start) + 1;
        if (r->nsst == r->sst_cap) {
            r->sst_cap = r->sst_cap ? r->sst_cap * 2 : 256;
            r->sst = xrealloc(r->sst, sizeof *r->sst * (size_t)r->sst_cap);
        }
        r->sst[r->nsst++] = c->start;
    }
}

/* ------------------------------------------------------------------- styles */

struct numfmt {
    long id;
    int kind;
};

struct styles_ctx {
    struct xml x;
    int in_numfmts, in_cellxfs;
    struct numfmt *fmts;
    int nfmts, fmts_cap;
    long *xf_fmt;                /* numFmtId of every cellXfs entry */
    long nxf, xf_cap;
};

static void XMLCALL styles_start(void *ud, const XML_Char *name, const XML_Char **a)
{
    struct styles_ctx *c = ud;
    if (c->x.rc) return;
    const char *l = local_name(name);
    if (strcmp(l, "numFmts") == 0) {
        c->in_numfmts = 1;
    } else if (strcmp(l, "cellXfs") == 0) {
        c->in_cellxfs = 1;
    } else if (strcmp(l, "numFmt") == 0 && c->in_numfmts) {
        const char *id = attr(a, "numFmtId"), *code = attr(a, "formatCode");
        if (!id || !code) return;
        if (c->nfmts == c->fmts_cap) {
            c->fmts_cap = c->fmts_cap ? c->fmts_cap * 2 : 16;
            c->fmts = xrealloc(c->fmts, sizeof *c->fmts * (size_t)c->fmts_cap);
        }
        c->fmts[c->nfmts++] = (struct numfmt){ strtol(id, NULL, 10), format_kind(code) };
    } else if (strcmp(l, "xf") == 0 && c->in_cellxfs) {
        const char *id = attr(a, "numFmtId");
        if (c->nxf == c->xf_cap) {
            c->xf_cap = c->xf_cap ? c->xf_cap * 2 : 64;
            c->xf_fmt = xrealloc(c->xf_fmt, sizeof *c->xf_fmt * (size_t)c->xf_cap);
        }
        c->xf_fmt[c->nxf++] = id ? strtol(id, NULL, 10) : 0;
    }
}

static void XMLCALL styles_end(void *ud, const XML_Char *name)
{
    struct styles_ctx *c = ud;
    const char *l = local_name(name);
    if (strcmp(l, "numFmts") == 0) c->in_numfmts = 0;
    else if (strcmp(l, "cellXfs") == 0) c->in_cellxfs = 0;
}

/* Read styles.xml into r->xf_kind. */
static int read_styles(struct xlsxreader *r, const char *part, struct xlsxreader_error *err)
{
    struct styles_ctx c = { .x.err = err };
    zip_int64_t idx = find_part(r, part);
    if (idx < 0) return XLSXREADER_OK;
    int rc = parse_part(r, idx, part, &c.x, styles_start, styles_end, no_text);
    if (rc == XLSXREADER_OK && c.nxf > 0) {
        r->xf_kind = xmalloc((size_t)c.nxf);
        r->nxf = c.nxf;
        for (long i = 0; i < c.nxf; i++) {
            int kind = builtin_kind(c.xf_fmt[i]);
            for (int j = 0; j < c.nfmts; j++)     /* a custom format may redefine an id */
                if (c.fmts[j].id == c.xf_fmt[i]) kind = c.fmts[j].kind;
            r->xf_kind[i] = (unsigned char)kind;
        }
    }
    free(c.fmts);
    free(c.xf_fmt);
    return rc;
}

/* --------------------------------------------------------------------- open */

static void defaults(struct xlsxreader_options *o, const struct xlsxreader_options *in)
{
    if (in) *o = *in;
    else memset(o, 0, sizeof *o);
    if (!o->max_entry_bytes) o->max_entry_bytes = 256ULL << 20;
    if (!o->max_total_bytes) o->max_total_bytes = 1ULL << 30;
    if (o->max_entries <= 0) o->max_entries = 10000;
    if (o->max_columns <= 0) o->max_columns = 16384;
    if (!o->max_cell_bytes) o->max_cell_bytes = (size_t)1 << 20;
    if (!o->max_shared_bytes) o->max_shared_bytes = (size_t)256 << 20;
}

/* Message for a failed zip_open. */
static int open_error(const char *path, int ze, int saved_errno, struct xlsxreader_error *err)
{
    switch (ze) {
    case ZIP_ER_NOENT:
        set_message(err, "Datei nicht gefunden");
        return XLSXREADER_IO;
    case ZIP_ER_OPEN:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
        set_message(err, "Datei nicht lesbar: %s", diag_errno_text(saved_errno));
        errno = saved_errno;
        return XLSXREADER_IO;
    case ZIP_ER_NOZIP: {
        /* a zip that lost its end (truncated download) still starts with "PK\3\4" */
        unsigned char magic[4] = { 0 };
        FILE *f = fopen(path, "rb");
        size_t got = f ? fread(magic, 1, 4, f) : 0;
        if (f) fclose(f);
        if (got == 4 && memcmp(magic, "PK\3\4", 4) == 0)
            set_message(err, "XLSX-Datei beschädigt oder unvollständig (ZIP-Verzeichnis fehlt)");
        else
            set_message(err, "keine XLSX-Datei (kein ZIP-Archiv)");
        return XLSXREADER_FORMAT;
    }
    case ZIP_ER_INCONS:
        set_message(err, "ZIP-Archiv beschädigt (Inhaltsverzeichnis widersprüchlich)");
        return XLSXREADER_FORMAT;
    default: {
        zip_error_t ze_t;
        zip_error_init_with_code(&ze_t, ze);
        set_message(err, "ZIP-Archiv nicht lesbar: %s", zip_error_strerror(&ze_t));
        zip_error_fini(&ze_t);
        return XLSXREADER_FORMAT;
    }
    }
}

/* "xl/workbook.xml" → folder "xl/" and relationships "xl/_rels/workbook.xml.rels". */
static void part_paths(const char *part, char **folder, char **rels)
{
    const char *slash = strrchr(part, '/');
    size_t dl = slash ? (size_t)(slash - part) + 1 : 0;
    *folder = xstrndup(part, dl);
    size_t n = strlen(part) + 16;
    *rels = xmalloc(n);
    snprintf(*rels, n, "%.*s_rels/%s.rels", (int)dl, part, part + dl);
}

static int load_workbook(struct xlsxreader *r, struct xlsxreader_error *err)
{
    int rc;
    long entries = (long)zip_get_num_entries(r->zip, 0);
    if (entries > r->opt.max_entries) {
        set_message(err, "ZIP-Archiv hat %ld Einträge, erlaubt sind %ld", entries, r->opt.max_entries);
        return XLSXREADER_LIMIT;
    }

    /* the package's relationships name the workbook part */
    struct rels_ctx root;
    rc = read_rels(r, "_rels/.rels", "", &root, err);
    if (rc) { rels_free(&root); return rc; }
    const struct rel *doc = rel_by_type(&root, "/officeDocument");
    char *wb_part = xstrdup(doc ? doc->part : "xl/workbook.xml");
    rels_free(&root);

    char *folder, *rels_part;
    part_paths(wb_part, &folder, &rels_part);
    struct rels_ctx rels;
    struct workbook_ctx wb = { .x.err = err };
    zip_int64_t idx = find_part(r, wb_part);
    if (idx < 0) {
        set_message(err, "keine XLSX-Datei (%s fehlt)", wb_part);
        rc = XLSXREADER_FORMAT;
        memset(&rels, 0, sizeof rels);
        goto done;
    }
    rc = parse_part(r, idx, wb_part, &wb.x, workbook_start, no_end, no_text);
    if (rc) { memset(&rels, 0, sizeof rels); goto done; }
    rc = read_rels(r, rels_part, folder, &rels, err);
    if (rc) goto done;

    r->sheets = xcalloc((size_t)wb.n + 1, sizeof *r->sheets);
    for (int i = 0; i < wb.n; i++) {
        const struct rel *rel = NULL;
        for (int j = 0; j < rels.n && !rel; j++)
            if (strcmp(rels.v[j].id, wb.v[i].rid) == 0) rel = &rels.v[j];
        if (!rel || !rel->part) {
            copy_utf8(err->sheet, sizeof err->sheet, wb.v[i].name);
            if (rel)
                set_message(err, "Blatt verweist auf eine Datei außerhalb der Mappe");
            else
                set_message(err, "Beziehung %.40s des Blatts fehlt in %s", wb.v[i].rid, rels_part);
            rc = XLSXREADER_FORMAT;
            goto done;
        }
        r->sheets[i].name = xstrdup(wb.v[i].name);
        r->sheets[i].part = xstrdup(rel->part);
        r->nsheets = i + 1;
    }

    /* shared strings and styles: by relationship, else the usual names */
    const struct rel *sst = rel_by_type(&rels, "/sharedStrings");
    const char *sst_part = sst ? sst->part : "xl/sharedStrings.xml";
    if ((idx = find_part(r, sst_part)) >= 0) {
        struct sst_ctx c = { .x.err = err };
        rc = parse_part(r, idx, sst_part, &c.x, sst_start, sst_end, sst_text);
        if (rc) goto done;
    }
    const struct rel *styles = rel_by_type(&rels, "/styles");
    rc = read_styles(r, styles ? styles->part : "xl/styles.xml", err);

done:
    for (int i = 0; i < wb.n; i++) {
        free(wb.v[i].name);
        free(wb.v[i].rid);
    }
    free(wb.v);
    rels_free(&rels);
    free(folder);
    free(rels_part);
    free(wb_part);
    return rc;
}

int xlsxreader_open(const char *path, const struct xlsxreader_options *opt,
                    struct xlsxreader **out, struct xlsxreader_error *err)
{
    struct xlsxreader_error dummy;
    if (!err) err = &dummy;
    memset(err, 0, sizeof *err);
    *out = NULL;
    int ze = 0;
    errno = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    if (!z) return open_error(path, ze, errno, err);

    struct xlsxreader *r = xcalloc(1, sizeof *r);
    r->zip = z;
    defaults(&r->opt, opt);
    r->c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    int rc = load_workbook(r, err);
    if (rc) {
        xlsxreader_close(r);
        return rc;
    }
    *out = r;
    return XLSXREADER_OK;
}

void xlsxreader_close(struct xlsxreader *r)
{
    if (!r) return;
    for (int i = 0; i < r->nsheets; i++) {
        free(r->sheets[i].name);
        free(r->sheets[i].part);
    }
    free(r->sheets);
    free(r->pool);
    free(r->sst);
    free(r->xf_kind);
    free(r->merged);
    if (r->c_locale) freelocale(r->c_locale);
    zip_discard(r->zip);
    free(r);
}

int xlsxreader_sheet_count(const struct xlsxreader *r) { return r->nsheets; }

const char *xlsxreader_sheet_name(const struct xlsxreader *r, int i)
{
    return i >= 0 && i < r->nsheets ? r->sheets[i].name : NULL;
}

int xlsxreader_sheet_find(const struct xlsxreader *r, const char *name)
{
    for (int i = 0; i < r->nsheets; i++)
        if (strcmp(r->sheets[i].name, name) == 0) return i;
    for (int i = 0; i < r->nsheets; i++)
        if (strcasecmp(r->sheets[i].name, name) == 0) return i;
    return -1;
}

int xlsxreader_date1904(const struct xlsxreader *r) { return r->date1904; }

const struct xlsxrange *xlsxreader_merged(const struct xlsxreader *r, int *count)
{
    *count = r->nmerged;
    return r->merged;
}

/* -------------------------------------------------------------------- sheet */

enum cell_t { T_NUMBER, T_SHARED, T_STR, T_INLINE, T_BOOL, T_ERROR, T_DATE };

struct slot {                    /* the text buffer owned by one column */
    char *buf;
    size_t cap;
};

struct sheet_ctx {
    struct xml x;
    xlsxrow_fn fn;
    void *fn_ctx;
    int in_data;                 /* inside <sheetData> */
    long row;                    /* current row, 0 before the first */
    int col;                     /* current cell's column */
    enum cell_t type;
    int kind;                    /* date kind of the current cell's style */
    int in_v, in_is, in_t, rph, has_v;
    char *buf;                   /* text of the current cell */
    size_t len, cap;
    int filled;                  /* cells set in this row (the rest are stale) */
    int last;                    /* last non-empty column of this row */
    struct xlsxcell *cells;
    struct slot *slots;
    int ncap;
};

static void sheet_fail(struct sheet_ctx *c, int rc, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void sheet_fail(struct sheet_ctx *c, int rc, long col, const char *fmt, ...)
{
    if (c->x.rc) return;
    struct xlsxreader_error *err = c->x.err;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    err->row = c->row;
    if (col > 0) {
        err->column = col > 0x7FFFFFFFL ? 0x7FFFFFFF : (int)col;
        xlsxreader_column_name(err->column, err->column_name);
    }
    c->x.rc = rc;
    XML_StopParser(c->x.p, XML_FALSE);
}

static void reserve(char **buf, size_t *cap, size_t need)
{
    if (need <= *cap) return;
    size_t n = *cap ? *cap : 64;
    while (n < need) n *= 2;
    *buf = xrealloc(*buf, n);
    *cap = n;
}

/* The cell of column col in this row, cells before it set empty as needed. */
static struct xlsxcell *row_cell(struct sheet_ctx *c, int col)
{
    if (col > c->ncap) {
        int n = c->ncap ? c->ncap : 64;
        while (n < col) n *= 2;
        c->cells = xrealloc(c->cells, sizeof *c->cells * (size_t)n);
        c->slots = xrealloc(c->slots, sizeof *c->slots * (size_t)n);
        memset(c->slots + c->ncap, 0, sizeof *c->slots * (size_t)(n - c->ncap));
        c->ncap = n;
    }
    for (; c->filled < col; c->filled++)
        c->cells[c->filled] = (struct xlsxcell){ .type = XLSXCELL_EMPTY, .text = "" };
    struct xlsxcell *cell = &c->cells[col - 1];
    *cell = (struct xlsxcell){ .type = XLSXCELL_EMPTY, .text = "" };
    return cell;
}

/* Give the current text to the cell: swap buffers with its column's slot. */
static void take_text(struct sheet_ctx *c, struct xlsxcell *cell, enum xlsxcell_type type)
{
    struct slot *s = &c->slots[c->col - 1];
    char *b = s->buf;
    size_t cap = s->cap;
    s->buf = c->buf;
    s->cap = c->cap;
    c->buf = b;
    c->cap = cap;
    cell->type = type;
    cell->text = s->buf;
    cell->len = c->len;
}

/* Format into the cell's own slot buffer. */
static char *slot_text(struct sheet_ctx *c, size_t need)
{
    struct slot *s = &c->slots[c->col - 1];
    reserve(&s->buf, &s->cap, need);
    return s->buf;
}

static void finish_cell(struct sheet_ctx *c)
{
    struct xlsxreader *r = c->x.r;
    struct xlsxcell *cell = row_cell(c, c->col);
    reserve(&c->buf, &c->cap, c->len + 1);
    c->buf[c->len] = '\0';
    if (!c->has_v && c->type != T_INLINE) return;            /* no value: empty */

    switch (c->type) {
    case T_SHARED: {
        char *end;
        long i = strtol(c->buf, &end, 10);
        if (end == c->buf || *end || i < 0 || i >= r->nsst) {
            sheet_fail(c, XLSXREADER_FORMAT, c->col,
                       "Verweis auf gemeinsamen Text „%.20s“ ungültig (die Mappe hat %ld)",
                       c->buf, r->nsst);
            return;
        }
        size_t next = i + 1 < r->nsst ? r->sst[i + 1] : r->pool_len;
        cell->text = r->pool + r->sst[i];
        cell->len = next - r->sst[i] - 1;
        cell->type = cell->len ? XLSXCELL_STRING : XLSXCELL_EMPTY;
        if (!cell->len) cell->text = "";
        break;
    }
    case T_STR:
    case T_INLINE:
        c->len = decode_escapes(c->buf, c->len);
        if (c->len) take_text(c, cell, XLSXCELL_STRING);
        break;
    case T_ERROR:
        if (c->len) take_text(c, cell, XLSXCELL_ERROR);
        break;
    case T_BOOL:
        if (strcmp(c->buf, "1") == 0 || strcmp(c->buf, "true") == 0) {
            *cell = (struct xlsxcell){ XLSXCELL_BOOL, "WAHR", 4, 1, { 0 } };
        } else if (strcmp(c->buf, "0") == 0 || strcmp(c->buf, "false") == 0) {
            *cell = (struct xlsxcell){ XLSXCELL_BOOL, "FALSCH", 6, 0, { 0 } };
        } else {
            sheet_fail(c, XLSXREADER_FORMAT, c->col, "ungültiger Wahrheitswert „%.20s“", c->buf);
        }
        break;
    case T_DATE: {                                            /* t="d": ISO 8601 text */
        struct xlsxdate dt = { 0 };
        int n = sscanf(c->buf, "%4d-%2d-%2dT%2d:%2d:%2d", &dt.year, &dt.month, &dt.day,
                       &dt.hour, &dt.minute, &dt.second);
        if (n < 3 || dt.month < 1 || dt.month > 12 || dt.day < 1 || dt.day > 31) {
            c->len = decode_escapes(c->buf, c->len);
            if (c->len) take_text(c, cell, XLSXCELL_STRING);
            break;
        }
        char *t = slot_text(c, 32);
        format_date(t, 32, &dt, KIND_DATE);
        *cell = (struct xlsxcell){ XLSXCELL_DATE, t, strlen(t), date_to_serial(&dt, r->date1904), dt };
        break;
    }
    case T_NUMBER: {
        if (c->buf[strspn(c->buf, " \t\r\n")] == '\0') break; /* blank: empty */
        double v;
        if (parse_number(r, c->buf, &v) != 0) {
            sheet_fail(c, XLSXREADER_FORMAT, c->col, "keine Zahl: „%.40s“", c->buf);
            return;
        }
        struct xlsxdate dt;
        char *t = slot_text(c, 32);
        if (c->kind && serial_to_date(v, r->date1904, &dt) == 0) {
            format_date(t, 32, &dt, c->kind);
            *cell = (struct xlsxcell){ XLSXCELL_DATE, t, strlen(t), v, dt };
        } else {
            format_number(r, t, 32, v);
            *cell = (struct xlsxcell){ XLSXCELL_NUMBER, t, strlen(t), v, { 0 } };
        }
        break;
    }
    }
    if (cell->type != XLSXCELL_EMPTY && c->col > c->last) c->last = c->col;
}

/* Append the merged range ref ("B6:C8" or "B6") to r->merged. */
static void add_merged(struct sheet_ctx *c, const char *ref)
{
    struct xlsxreader *r = c->x.r;
    long c1, r1, c2 = 0, r2 = 0;
    const char *e = ref ? parse_ref(ref, &c1, &r1) : NULL;
    if (e && *e == ':') e = parse_ref(e + 1, &c2, &r2);
    else if (e && !*e) c2 = c1, r2 = r1;
    else e = NULL;
    if (!e || *e || r1 < 1 || r2 < 1 || r1 > MAX_ROW || r2 > MAX_ROW ||
        c1 > r->opt.max_columns || c2 > r->opt.max_columns) {
        sheet_fail(c, XLSXREADER_FORMAT, 0, "ungültiger verbundener Bereich „%.40s“", ref ? ref : "");
        return;
    }
    if (r->nmerged == r->merged_cap) {
        r->merged_cap = r->merged_cap ? r->merged_cap * 2 : 16;
        r->merged = xrealloc(r->merged, sizeof *r->merged * (size_t)r->merged_cap);
    }
    r->merged[r->nmerged++] = (struct xlsxrange){
        r1 < r2 ? r1 : r2, r1 < r2 ? r2 : r1,
        (int)(c1 < c2 ? c1 : c2), (int)(c1 < c2 ? c2 : c1) };
}

static void XMLCALL sheet_start(void *ud, const XML_Char *name, const XML_Char **a)
{
    struct sheet_ctx *c = ud;
    struct xlsxreader *r = c->x.r;
    if (c->x.rc) return;
    const char *l = local_name(name);
    if (strcmp(l, "sheetData") == 0) {
        c->in_data = 1;
    } else if (!c->in_data) {
        if (strcmp(l, "mergeCell") == 0) add_merged(c, attr(a, "ref"));
    } else if (strcmp(l, "row") == 0) {
        const char *rs = attr(a, "r");
        long n = c->row + 1;
        if (rs) {
            char *end;
            n = strtol(rs, &end, 10);
            if (end == rs || *end) n = 0;
        }
        if (n < 1 || n > MAX_ROW) {
            sheet_fail(c, XLSXREADER_FORMAT, 0, "ungültige Zeilennummer „%.20s“", rs ? rs : "");
            return;
        }
        c->row = n;
        c->col = 0;
        c->filled = 0;
        c->last = 0;
    } else if (strcmp(l, "c") == 0) {
        const char *ref = attr(a, "r"), *t = attr(a, "t"), *s = attr(a, "s");
        long col = c->col + 1, rw;
        if (ref) {
            const char *end = parse_ref(ref, &col, &rw);
            if (!end || *end) {
                sheet_fail(c, XLSXREADER_FORMAT, 0, "ungültiger Zellbezug „%.20s“", ref);
                return;
            }
        }
        if (col > r->opt.max_columns) {
            sheet_fail(c, XLSXREADER_LIMIT, col, "mehr als %d Spalten", r->opt.max_columns);
            return;
        }
        c->col = (int)col;
        c->type = !t || strcmp(t, "n") == 0 ? T_NUMBER
                : strcmp(t, "s") == 0 ? T_SHARED
                : strcmp(t, "inlineStr") == 0 ? T_INLINE
                : strcmp(t, "b") == 0 ? T_BOOL
                : strcmp(t, "e") == 0 ? T_ERROR
                : strcmp(t, "d") == 0 ? T_DATE
                : T_STR;                                      /* "str" and anything unknown */
        long xf = s ? strtol(s, NULL, 10) : 0;
        c->kind = xf >= 0 && xf < r->nxf ? r->xf_kind[xf] : KIND_NONE;
        c->len = 0;
        c->has_v = c->in_v = c->in_is = c->in_t = c->rph = 0;
    } else if (strcmp(l, "v") == 0 && c->col) {
        c->in_v = 1;
        c->has_v = 1;
    } else if (strcmp(l, "is") == 0 && c->col) {
        c->in_is = 1;
    } else if (strcmp(l, "rPh") == 0) {
        c->rph++;
    } else if (strcmp(l, "t") == 0 && c->in_is && !c->rph) {
        c->in_t = 1;
    }
}

static void XMLCALL sheet_text(void *ud, const XML_Char *s, int len)
{
    struct sheet_ctx *c = ud;
    if (c->x.rc || !(c->in_v || c->in_t)) return;
    size_t n = (size_t)len;
    if (c->len + n > c->x.r->opt.max_cell_bytes) {
        sheet_fail(c, XLSXREADER_LIMIT, c->col, "Zelltext länger als %zu Bytes",
                   c->x.r->opt.max_cell_bytes);
        return;
    }
    reserve(&c->buf, &c->cap, c->len + n + 1);
    memcpy(c->buf + c->len, s, n);
    c->len += n;
}

static void XMLCALL sheet_end(void *ud, const XML_Char *name)
{
    struct sheet_ctx *c = ud;
    if (c->x.rc) return;
    const char *l = local_name(name);
    if (strcmp(l, "sheetData") == 0) {
        c->in_data = 0;
    } else if (strcmp(l, "v") == 0) {
        c->in_v = 0;
    } else if (strcmp(l, "t") == 0) {
        c->in_t = 0;
    } else if (strcmp(l, "is") == 0) {
        c->in_is = 0;
    } else if (strcmp(l, "rPh") == 0) {
        if (c->rph) c->rph--;
    } else if (strcmp(l, "c") == 0 && c->col) {
        finish_cell(c);
    } else if (strcmp(l, "row") == 0 && c->row) {
        if (c->last > 0 && c->fn) {
            struct xlsxrow row = { c->row, c->last, c->cells };
            int rc = c->fn(&row, c->fn_ctx);
            if (rc) {
                c->x.rc = rc;
                XML_StopParser(c->x.p, XML_FALSE);
            }
        }
        c->last = 0;
        c->filled = 0;
    }
}

int xlsxreader_read_sheet(struct xlsxreader *r, int index, xlsxrow_fn fn, void *ctx,
                          struct xlsxreader_error *err)
{
    struct xlsxreader_error dummy;
    if (!err) err = &dummy;
    memset(err, 0, sizeof *err);
    r->nmerged = 0;
    if (index < 0 || index >= r->nsheets) {
        set_message(err, "Blatt %d gibt es nicht (die Mappe hat %d Blätter)", index + 1, r->nsheets);
        return XLSXREADER_FORMAT;
    }
    const struct sheet *sh = &r->sheets[index];
    int rc;
    zip_int64_t idx = find_part(r, sh->part);
    if (idx < 0) {
        set_message(err, "%s fehlt im Archiv", sh->part);
        rc = XLSXREADER_FORMAT;
    } else {
        struct sheet_ctx c = { .x.err = err, .fn = fn, .fn_ctx = ctx };
        rc = parse_part(r, idx, sh->part, &c.x, sheet_start, sheet_end, sheet_text);
        for (int i = 0; i < c.ncap; i++) free(c.slots[i].buf);
        free(c.slots);
        free(c.cells);
        free(c.buf);
    }
    if (rc < 0) copy_utf8(err->sheet, sizeof err->sheet, sh->name);
    return rc;
}
