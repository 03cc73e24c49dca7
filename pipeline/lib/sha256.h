/*
 * sha256.h — SHA-256 of a file, with OpenSSL's libcrypto (EVP interface).
 * Files are identified by this hash: the same file dropped twice is
 * recognised and not loaded again.  Measures get their stable kennung from
 * the hash of their normalised text (kennung.h).
 */
#ifndef IB_SHA256_H
#define IB_SHA256_H

#include <stddef.h>

/*
 * sha256_file — hash the file at path into hex (65 bytes: 64 lowercase hex
 * digits and NUL); *size gets the file size in bytes.  Streams in 64 KiB
 * blocks.  Returns 0, or -1 with errno set (file not readable).
 */
int sha256_file(const char *path, char hex[65], long long *size);

/* sha256_hex — hash len bytes at data into hex (64 lowercase hex digits and NUL). */
void sha256_hex(const void *data, size_t len, char hex[65]);

#endif
