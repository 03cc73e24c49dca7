/*
 * strmap.h — a map from strings to 64-bit integers (open addressing,
 * FNV-1a hash, grows at 70 % load).  Used where rows are matched to ids in
 * bulk, e.g. observations to their series on ingest.
 */
#ifndef IB_STRMAP_H
#define IB_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap {
    char **keys;
    int64_t *values;
    size_t cap, count;
};

/* strmap_get — 1 and *value when key (len bytes) is in the map, else 0. */
int strmap_get(const struct strmap *m, const char *key, size_t len, int64_t *value);

/* strmap_put — insert or replace key (copied) → value. */
void strmap_put(struct strmap *m, const char *key, size_t len, int64_t value);

/* strmap_free — release everything (the struct may be reused, zeroed). */
void strmap_free(struct strmap *m);

#endif
