/* MD5 (RFC 1321), for checking TCP MD5 signatures (RFC 2385, -M). */
#ifndef PTCPDUMP_MD5_H
#define PTCPDUMP_MD5_H

#include <stddef.h>
#include <stdint.h>

struct md5 {
	uint32_t s[4];
	uint64_t n;		/* bytes hashed */
	uint8_t buf[64];
};

void md5_init(struct md5 *m);
void md5_update(struct md5 *m, const void *data, size_t len);
void md5_final(struct md5 *m, uint8_t out[16]);

#endif
