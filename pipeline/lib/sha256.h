/*
 * sha256.h — SHA-256 of a file, with OpenSSL's libcrypto (EVP interface).
 * Files are identified by this hash: the same file dropped twice is
 * recognised and not loaded again.
 */
#ifndef IB_SHA256_H
#define IB_SHA256_H

/*
 * sha256_file — hash the file at path into hex (65 bytes: 64 lowercase hex
 * digits and NUL); *size gets the file size in bytes.  Streams in 64 KiB
 * blocks.  Returns 0, or -1 with errno set (file not readable).
 */
int sha256_file(const char *path, char hex[65], long long *size);

#endif
