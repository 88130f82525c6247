/* Unit tests for src/dissect/esp-sa.c: tcpdump's -E syntax (ESP SAs by SPI
 * and address, the default SA, IKEv2 SAs, files), what is left out with a
 * warning, what stops the program, and decryption against the AES-128-CBC
 * vector of NIST SP 800-38A (F.2.2). */
#include <arpa/inet.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "dissect/esp-sa.h"

static const char *NIST_KEY = "0x2b7e151628aed2a6abf7158809cf4f3c";
static const uint8_t NIST_IV[16] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };
static const uint8_t NIST_CT[16] = { 0x76, 0x49, 0xab, 0xac, 0x81, 0x19, 0xb2, 0x46,
				     0xce, 0xe9, 0x8e, 0x9b, 0x12, 0xe9, 0x19, 0x7d };
static const uint8_t NIST_PT[16] = { 0x6b, 0xc1, 0xbe, 0xe2, 0x2e, 0x40, 0x9f, 0x96,
				     0xe9, 0x3d, 0x7e, 0x11, 0x73, 0x93, 0x17, 0x2a };

static const uint8_t *v4(const char *s)
{
	static uint8_t a[4];
	assert_int_equal(inet_pton(AF_INET, s, a), 1);
	return a;
}

static const uint8_t *v6(const char *s)
{
	static uint8_t a[16];
	assert_int_equal(inet_pton(AF_INET6, s, a), 1);
	return a;
}

static struct esp_sas *parse(const char *spec)
{
	struct esp_sas *sas = NULL;
	assert_int_equal(esp_sas_parse(spec, &sas), 0);
	assert_non_null(sas);
	return sas;
}

static void decrypts_nist(const struct esp_sa *sa)
{
	uint8_t *pt;

	assert_non_null(sa);
	pt = esp_sa_decrypt(sa, NIST_IV, NIST_CT, 16, "test");
	assert_non_null(pt);
	assert_memory_equal(pt, NIST_PT, 16);
	free(pt);
}

static void test_spi_and_address(void **state)
{
	char spec[256];
	struct esp_sas *sas;
	const struct esp_sa *sa;

	(void)state;
	snprintf(spec, sizeof(spec), "0x1001@192.0.2.1 aes128-cbc-hmac96:%s,"
		 "4098@2001:db8::1\taes128-cbc:%s", NIST_KEY, NIST_KEY);
	sas = parse(spec);
	sa = esp_sa_find(sas, 0x1001, 4, v4("192.0.2.1"));
	decrypts_nist(sa);
	assert_int_equal(esp_sa_ivlen(sa), 16);
	assert_int_equal(esp_sa_authlen(sa), 12);
	/* decimal SPI, IPv6, no ICV without -hmac96 */
	sa = esp_sa_find(sas, 4098, 6, v6("2001:db8::1"));
	decrypts_nist(sa);
	assert_int_equal(esp_sa_authlen(sa), 0);
	/* another SPI, address or family: nothing, as there is no default */
	assert_null(esp_sa_find(sas, 0x1002, 4, v4("192.0.2.1")));
	assert_null(esp_sa_find(sas, 0x1001, 4, v4("192.0.2.2")));
	assert_null(esp_sa_find(sas, 4098, 4, v4("192.0.2.1")));
	esp_sas_free(sas);
}

static void test_default_and_precedence(void **state)
{
	struct esp_sas *sas;
	const struct esp_sa *sa;

	(void)state;
	/* the later of two entries for one SPI wins; the default SA takes
	 * whatever no entry names; 3des is des-ede3-cbc (8-byte IV) */
	sas = parse("0x10@192.0.2.1 aes128:0x00,"
		    "0x10@192.0.2.1 aes128-cbc:0x2b7e151628aed2a6abf7158809cf4f3c\n"
		    "3des-cbc-hmac96:0x4043434545464649494a4a4c4c4f4f515152525454575758");
	decrypts_nist(esp_sa_find(sas, 0x10, 4, v4("192.0.2.1")));
	sa = esp_sa_find(sas, 0x99, 6, v6("::1"));
	assert_non_null(sa);
	assert_int_equal(esp_sa_ivlen(sa), 8);
	assert_int_equal(esp_sa_authlen(sa), 12);
	/* 3DES works on 8-byte blocks: 12 bytes cannot be decrypted */
	assert_null(esp_sa_decrypt(sa, NIST_IV, NIST_CT, 12, "test"));
	esp_sas_free(sas);
}

static void test_ascii_secret(void **state)
{
	struct esp_sas *sas;
	const struct esp_sa *sa;
	uint8_t ct[16], *pt;

	(void)state;
	/* the key "sixteen-byte-key" as text and as hex decrypt alike */
	sas = parse("0x1@192.0.2.1 aes128-cbc:sixteen-byte-key,"
		    "0x2@192.0.2.1 aes128-cbc:0x7369787465656e2d627974652d6b6579");
	sa = esp_sa_find(sas, 2, 4, v4("192.0.2.1"));
	pt = esp_sa_decrypt(sa, NIST_IV, NIST_CT, 16, "test");
	assert_non_null(pt);
	memcpy(ct, pt, 16);
	free(pt);
	pt = esp_sa_decrypt(esp_sa_find(sas, 1, 4, v4("192.0.2.1")), NIST_IV, NIST_CT, 16, "t");
	assert_non_null(pt);
	assert_memory_equal(pt, ct, 16);
	free(pt);
	esp_sas_free(sas);
}

static void test_bad_entries_left_out(void **state)
{
	struct esp_sas *sas;

	(void)state;
	/* no colon, an unknown cipher, a bad hex digit, an SPI that is not a
	 * number, no @, an address that is not one, an empty secret: each is
	 * left out, the good one after them is kept */
	sas = parse("aes128-cbc,0x1@192.0.2.1 nosuch-cbc:0x00,"
		    "0x2@192.0.2.1 aes128:0x00zz,spi@192.0.2.1 aes128:0x00,"
		    "0x3 aes128:0x00,0x4@192.0.2.300 aes128:0x00,0x5@192.0.2.1 aes128:0x,"
		    "0x6@192.0.2.1 aes128:0x2b7e151628aed2a6abf7158809cf4f3c");
	assert_null(esp_sa_find(sas, 1, 4, v4("192.0.2.1")));
	assert_null(esp_sa_find(sas, 2, 4, v4("192.0.2.1")));
	assert_null(esp_sa_find(sas, 5, 4, v4("192.0.2.1")));
	decrypts_nist(esp_sa_find(sas, 6, 4, v4("192.0.2.1")));
	esp_sas_free(sas);
}

static void test_ikev2(void **state)
{
	static const uint8_t ci[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, cr[8] = { 9, 10, 11, 12, 13, 14, 15, 16 };
	struct esp_sas *sas;
	const struct esp_sa *sa;

	(void)state;
	sas = parse("ikev2 I 0x0102030405060708 0x090a0b0c0d0e0f10 sha1:0x01 "
		    "aes128:0x2b7e151628aed2a6abf7158809cf4f3c,"
		    "ikev2 R 0x0102030405060708 0x090a0b0c0d0e0f10 other:0x01 aes128:0x00,"
		    "ikev2 I 0x0102 0x090a0b0c0d0e0f10 sha1:0x01 aes128:0x00,"
		    "ikev2 I 0x0102030405060708");
	sa = esp_sa_find_ikev2(sas, 1, ci, cr);
	decrypts_nist(sa);
	assert_int_equal(esp_sa_authlen(sa), 12);
	/* an integrity algorithm other than sha1 or md5: no ICV assumed */
	sa = esp_sa_find_ikev2(sas, 0, ci, cr);
	assert_non_null(sa);
	assert_int_equal(esp_sa_authlen(sa), 0);
	assert_null(esp_sa_find_ikev2(sas, 1, cr, ci));
	/* IKEv2 SAs are not ESP SAs */
	assert_null(esp_sa_find(sas, 0, 4, v4("0.0.0.0")));
	esp_sas_free(sas);
}

static void test_files(void **state)
{
	char dir[] = "/tmp/test_esp_sa.XXXXXX", a[64], b[64], spec[96];
	struct esp_sas *sas = NULL;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(a, sizeof(a), "%s/a", dir);
	snprintf(b, sizeof(b), "%s/b", dir);
	f = fopen(a, "w");
	assert_non_null(f);
	fprintf(f, "# comment\n\n0x7@192.0.2.1 aes128:%s\r\nfile %s\n", NIST_KEY, b);
	fclose(f);
	f = fopen(b, "w");
	assert_non_null(f);
	fprintf(f, "0x8@192.0.2.1 aes128:%s", NIST_KEY);	/* no final newline */
	fclose(f);
	snprintf(spec, sizeof(spec), "file %s", a);
	sas = parse(spec);
	decrypts_nist(esp_sa_find(sas, 7, 4, v4("192.0.2.1")));
	decrypts_nist(esp_sa_find(sas, 8, 4, v4("192.0.2.1")));
	esp_sas_free(sas);

	/* a file that cannot be read stops the program; so does one that
	 * names itself */
	snprintf(spec, sizeof(spec), "0x1@192.0.2.1 aes128:0x00,FILE %s/none", dir);
	assert_int_equal(esp_sas_parse(spec, &sas), -1);
	assert_null(sas);
	f = fopen(b, "w");
	assert_non_null(f);
	fprintf(f, "file %s\n", b);
	fclose(f);
	snprintf(spec, sizeof(spec), "file %s", b);
	assert_int_equal(esp_sas_parse(spec, &sas), -1);
	assert_null(sas);
	unlink(a);
	unlink(b);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spi_and_address),
		cmocka_unit_test(test_default_and_precedence),
		cmocka_unit_test(test_ascii_secret),
		cmocka_unit_test(test_bad_entries_left_out),
		cmocka_unit_test(test_ikev2),
		cmocka_unit_test(test_files),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
