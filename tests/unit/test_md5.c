/* Unit tests for src/common/md5.c: RFC 1321's test suite, and the same
 * digests fed in pieces that cross the 64-byte blocks at every offset. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "common/md5.h"

static const struct {
	const char *in;
	const char *hex;
} rfc[] = {
	{ "", "d41d8cd98f00b204e9800998ecf8427e" },
	{ "a", "0cc175b9c0f1b6a831c399e269772661" },
	{ "abc", "900150983cd24fb0d6963f7d28e17f72" },
	{ "message digest", "f96b697d7cb7938d525a2f31aaf161d0" },
	{ "abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b" },
	{ "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
	  "d174ab98d277d9f5a5611c2c9f419d9f" },
	{ "1234567890123456789012345678901234567890"
	  "1234567890123456789012345678901234567890",
	  "57edf4a22be3c955ac49da2e2107b67a" },
};

static void hex(const uint8_t d[16], char out[33])
{
	int i;

	for (i = 0; i < 16; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void test_rfc1321_suite(void **state)
{
	struct md5 m;
	uint8_t d[16];
	char h[33];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(rfc) / sizeof(rfc[0]); i++) {
		md5_init(&m);
		md5_update(&m, rfc[i].in, strlen(rfc[i].in));
		md5_final(&m, d);
		hex(d, h);
		assert_string_equal(h, rfc[i].hex);
	}
}

/* 200 bytes (lengths 55, 56, 63, 64 and 65 pad differently), split in two
 * at every offset: each split gives the one-call digest */
static void test_split_updates(void **state)
{
	uint8_t in[200], whole[16], parts[16];
	size_t n, cut, i;
	struct md5 m;

	(void)state;
	for (i = 0; i < sizeof(in); i++)
		in[i] = (uint8_t)(i * 7 + 3);
	for (n = 0; n <= sizeof(in); n++) {
		md5_init(&m);
		md5_update(&m, in, n);
		md5_final(&m, whole);
		for (cut = 0; cut <= n; cut++) {
			md5_init(&m);
			md5_update(&m, in, cut);
			md5_update(&m, in + cut, n - cut);
			md5_final(&m, parts);
			assert_memory_equal(whole, parts, 16);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc1321_suite),
		cmocka_unit_test(test_split_updates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
