/*
 * strmap.c — string → int64 map (see strmap.h).
 *
 * Keys are stored with a 4-byte length prefix so they may contain any byte.
 * Hash: FNV-1a 64 (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/).
 */
#include "strmap.h"
#include "diag.h"

#include <stdlib.h>
#include <string.h>

static uint64_t fnv1a(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static uint32_t key_len(const char *stored)
{
    uint32_t n;
    memcpy(&n, stored, 4);
    return n;
}

static size_t slot_of(const struct strmap *m, const char *key, size_t len)
{
    size_t i = (size_t)(fnv1a(key, len) & (m->cap - 1));
    while (m->keys[i] && !(key_len(m->keys[i]) == len && memcmp(m->keys[i] + 4, key, len) == 0))
        i = (i + 1) & (m->cap - 1);
    return i;
}

int strmap_get(const struct strmap *m, const char *key, size_t len, int64_t *value)
{
    if (!m->cap) return 0;
    size_t i = slot_of(m, key, len);
    if (!m->keys[i]) return 0;
    *value = m->values[i];
    return 1;
}

static void grow(struct strmap *m)
{
    struct strmap bigger = { 0 };
    bigger.cap = m->cap ? m->cap * 2 : 64;
    bigger.keys = xcalloc(bigger.cap, sizeof(char *));
    bigger.values = xcalloc(bigger.cap, sizeof(int64_t));
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i]) continue;
        size_t j = slot_of(&bigger, m->keys[i] + 4, key_len(m->keys[i]));
        bigger.keys[j] = m->keys[i];
        bigger.values[j] = m->values[i];
    }
    bigger.count = m->count;
    free(m->keys);
    free(m->values);
    *m = bigger;
}

void strmap_put(struct strmap *m, const char *key, size_t len, int64_t value)
{
    if ((m->count + 1) * 10 > m->cap * 7) grow(m);
    size_t i = slot_of(m, key, len);
    if (!m->keys[i]) {
        char *stored = xmalloc(len + 4);
        uint32_t n = (uint32_t)len;
        memcpy(stored, &n, 4);
        memcpy(stored + 4, key, len);
        m->keys[i] = stored;
        m->count++;
    }
    m->values[i] = value;
}

void strmap_free(struct strmap *m)
{
    for (size_t i = 0; i < m->cap; i++) free(m->keys[i]);
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof *m);
}
