/*
 * fsutil.h — paths, directory listings and atomic output files.
 *
 * Outputs are never written in place: outfile_temp() names a temporary file
 * next to the target, the writer (libxlsxwriter, libharu, stdio) fills it,
 * and outfile_commit() fsyncs and renames it over the target — so a failed
 * run never leaves a half-written file and never destroys the previous good
 * output.  outfile_abort() removes the temporary file.
 */
#ifndef IB_FSUTIL_H
#define IB_FSUTIL_H

#include <stddef.h>

/* path_join — "dir/name" (newly allocated); dir "" or "." gives name. */
char *path_join(const char *dir, const char *name);

/* path_basename — the part after the last '/', pointing into path. */
const char *path_basename(const char *path);

/*
 * path_safe_name — a file name part made from a department name: ä ö ü ß →
 * ae oe ue ss (Ä Ö Ü → Ae Oe Ue), blanks → '_', every other byte outside
 * A–Z a–z 0–9 . - → '_', runs of '_' collapsed, none at the ends, no leading
 * '.'; at most size - 1 bytes.  "" when nothing is left.  Returns out.
 */
char *path_safe_name(const char *s, char *out, size_t size);

/* dir_exists — 1 if path is a directory we may read. */
int dir_exists(const char *path);

/* dir_make — create path and missing parents (mode 0777 & umask); 0 or -1 with errno. */
int dir_make(const char *path);

/*
 * dir_list — regular files of dir (no dot files), sorted by name (bytewise,
 * so runs are reproducible).  Returns a NULL-terminated array of names
 * (free with dir_list_free) or NULL with errno set.
 */
char **dir_list(const char *dir, int *count);

/* dir_list_folders — the same for the folders in dir (no dot folders). */
char **dir_list_folders(const char *dir, int *count);
void dir_list_free(char **names);

/*
 * outfile_temp — the temporary name for target: "dir/.name.tmp-PID" (newly
 * allocated).  Creates the target's directory if needed; NULL on failure
 * (message printed).
 */
char *outfile_temp(const char *target);

/* outfile_commit — fsync tmp and rename it to target.  0, or -1 with message. */
int outfile_commit(const char *tmp, const char *target);

/* outfile_abort — remove tmp (ignoring errors) and free nothing. */
void outfile_abort(const char *tmp);

#endif
