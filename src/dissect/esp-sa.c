/* -E: the security associations that ESP (and IKEv2's encrypted payload)
 * is decrypted with, read from tcpdump's syntax, and the decryption itself
 * with libcrypto.  An entry is one of
 *   SPI@DST ALGO:SECRET        ESP with that SPI to that address
 *   ALGO:SECRET                any ESP no other entry matches
 *   file PATH                  the entries of PATH, one per line
 *   ikev2 I|R 0xICOOKIE 0xRCOOKIE AUTH:SECRET ALGO:SECRET
 * separated by commas or newlines.  ALGO is a libcrypto cipher name; a
 * "-hmac96" suffix means a 12-byte ICV after the ciphertext, a "-cbc" suffix
 * is dropped, and "3des" is des-ede3-cbc.  SECRET is hex after "0x", text
 * otherwise.  A bad entry is left out with a warning, as tcpdump does; a
 * later entry is found before an earlier one. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/evp.h>

#include "esp-sa.h"

#define SA_SECRET_MAX 256
#define SA_FILE_DEPTH 8

struct esp_sa {
	struct esp_sa *next;
	int ikev2;		/* 1: an IKEv2 SA (cookies), 0: ESP */
	int is_default;		/* ESP: matches any SPI and address */
	int ver;		/* ESP: 4 or 6, the family of daddr */
	uint8_t daddr[16];
	uint32_t spi;
	int initiator;		/* IKEv2: the initiator's keys */
	uint8_t spii[8], spir[8];
	const EVP_CIPHER *evp;
	unsigned ivlen;
	unsigned authlen;
	uint8_t secret[SA_SECRET_MAX];	/* zero after the secret's bytes */
};

struct esp_sas {
	struct esp_sa *head;
	struct esp_sa *dflt;
};

__attribute__((format(printf, 1, 2)))
static void warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "ptcpdump: WARNING: ");
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Hex digits (pairs; an odd last digit is ignored) into out.  The number
 * of bytes, 0 after a warning when they are not hex or do not fit. */
static size_t unhex(const char *s, uint8_t *out, size_t cap)
{
	size_t n = strlen(s) / 2, i;

	if (n > cap) {
		warn("secret is too big: %zu", n);
		return 0;
	}
	for (i = 0; i < n; i++) {
		int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);
		if (hi < 0 || lo < 0) {
			warn("invalid hex digit %c in espsecret", hi < 0 ? s[2 * i] : s[2 * i + 1]);
			return 0;
		}
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return n;
}

static int has_suffix(char *s, const char *suf, int cut)
{
	size_t n = strlen(s), m = strlen(suf);
	if (n <= m || strcmp(s + n - m, suf) != 0)
		return 0;
	if (cut)
		s[n - m] = '\0';
	return 1;
}

/* "ALGO:SECRET" into sa's cipher, IV length, ICV length and secret. */
static int parse_cipher(char *s, struct esp_sa *sa)
{
	char *colon = strchr(s, ':'), *secret;
	const char *name;

	if (!colon) {
		warn("failed to decode espsecret: %s", s);
		return 0;
	}
	*colon = '\0';
	secret = colon + 1;
	if (has_suffix(s, "-hmac96", 1))
		sa->authlen = 12;
	has_suffix(s, "-cbc", 1);
	name = strcmp(s, "3des") == 0 ? "des-ede3-cbc" : s;
	sa->evp = EVP_get_cipherbyname(name);
	if (!sa->evp) {
		if (name != s)
			warn("failed to find cipher algo %s (3des)", name);
		else
			warn("failed to find cipher algo %s", s);
		return 0;
	}
	sa->ivlen = (unsigned)EVP_CIPHER_iv_length(sa->evp);
	memset(sa->secret, 0, sizeof(sa->secret));
	if (secret[0] == '0' && secret[1] == 'x')
		return unhex(secret + 2, sa->secret, sizeof(sa->secret)) > 0;
	memcpy(sa->secret, secret, strnlen(secret, sizeof(sa->secret)));
	return 1;
}

static int add(struct esp_sas *sas, const struct esp_sa *sa)
{
	struct esp_sa *n = malloc(sizeof(*n));
	if (!n) {
		fprintf(stderr, "ptcpdump: -E: out of memory\n");
		return -1;
	}
	*n = *sa;
	n->next = sas->head;
	sas->head = n;
	if (n->is_default)
		sas->dflt = n;
	return 0;
}

/* The next word of *s, separated by blanks (runs of them count as one). */
static char *word(char **s)
{
	char *w;

	*s += strspn(*s, " \t");
	if (**s == '\0')
		return NULL;
	w = *s;
	*s += strcspn(*s, " \t");
	if (**s)
		*(*s)++ = '\0';
	return w;
}

static int cookie(const char *s, uint8_t out[8])
{
	return strlen(s) == 18 && s[0] == '0' && s[1] == 'x' && unhex(s + 2, out, 8) == 8;
}

/* "I|R 0xICOOKIE 0xRCOOKIE AUTH:SECRET ALGO:SECRET" */
static int parse_ikev2(struct esp_sas *sas, char *s, const char *where)
{
	struct esp_sa sa = { .ikev2 = 1 };
	char *f[5];
	int i;

	for (i = 0; i < 5; i++)
		if (!(f[i] = word(&s))) {
			warn("failed to find all fields for ikev2 at %s", where);
			return 0;
		}
	if ((f[0][0] != 'I' && f[0][0] != 'R') || !cookie(f[1], sa.spii) || !cookie(f[2], sa.spir)) {
		warn("ikev2 line %s improperly formatted", where);
		return 0;
	}
	sa.initiator = f[0][0] == 'I';
	if (!parse_cipher(f[4], &sa))
		return 0;
	if (!strchr(f[3], ':')) {
		warn("failed to decode espsecret: %s", f[3]);
		return 0;
	}
	if (strncasecmp(f[3], "sha1:", 5) == 0 || strncasecmp(f[3], "md5:", 4) == 0)
		sa.authlen = 12;
	return add(sas, &sa);
}

static int parse_file(struct esp_sas *sas, const char *path, int depth);

/* One entry; -1 only for an error that stops the program. */
static int parse_entry(struct esp_sas *sas, char *s, const char *where, int depth)
{
	struct esp_sa sa = { 0 };
	char *first, *rest, *at, *end;
	unsigned long spi;

	s += strspn(s, " \t\r");
	if (*s == '\0')
		return 0;
	first = s;
	rest = s + strcspn(s, " \t");
	if (*rest == '\0') {		/* ALGO:SECRET alone: the default */
		sa.is_default = 1;
		return parse_cipher(first, &sa) ? add(sas, &sa) : 0;
	}
	*rest++ = '\0';
	rest += strspn(rest, " \t");
	if (strcasecmp(first, "file") == 0)
		return parse_file(sas, rest, depth + 1);
	if (strcasecmp(first, "ikev2") == 0)
		return parse_ikev2(sas, rest, where);
	at = strchr(first, '@');
	if (at)
		*at = '\0';
	errno = 0;
	spi = strtoul(first, &end, 0);
	if (!at || end == first || *end || errno || spi > 0xffffffffUL) {
		warn("failed to decode spi# %s", first);
		return 0;
	}
	sa.spi = (uint32_t)spi;
	if (inet_pton(AF_INET6, at + 1, sa.daddr) == 1) {
		sa.ver = 6;
	} else if (inet_pton(AF_INET, at + 1, sa.daddr) == 1) {
		sa.ver = 4;
	} else {
		warn("can not decode IP# %s", at + 1);
		return 0;
	}
	return parse_cipher(rest, &sa) ? add(sas, &sa) : 0;
}

static int parse_file(struct esp_sas *sas, const char *path, int depth)
{
	char line[1024], where[sizeof(line) + 16];
	unsigned lineno = 0;
	FILE *f;
	int rc = 0;

	if (depth > SA_FILE_DEPTH) {
		fprintf(stderr, "ptcpdump: %s: -E files nested too deeply\n", path);
		return -1;
	}
	f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "ptcpdump: can't open %s: %s\n", path, strerror(errno));
		return -1;
	}
	while (rc == 0 && fgets(line, sizeof(line), f)) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		snprintf(where, sizeof(where), "%s:%u", path, lineno);
		rc = parse_entry(sas, line, where, depth);
	}
	if (rc == 0 && ferror(f)) {
		fprintf(stderr, "ptcpdump: read %s: %s\n", path, strerror(errno));
		rc = -1;
	}
	fclose(f);
	return rc;
}

int esp_sas_parse(const char *spec, struct esp_sas **out)
{
	struct esp_sas *sas = calloc(1, sizeof(*sas));
	char *copy = strdup(spec), *p, *e;
	int rc = -1;

	*out = NULL;
	if (!sas || !copy) {
		fprintf(stderr, "ptcpdump: -E: out of memory\n");
		goto cleanup;
	}
	rc = 0;
	for (p = copy; rc == 0 && p; p = e) {
		e = strpbrk(p, ",\n");
		if (e)
			*e++ = '\0';
		rc = parse_entry(sas, p, "cmdline", 0);
	}
	if (rc == 0) {
		*out = sas;
		sas = NULL;
	}
cleanup:
	esp_sas_free(sas);
	free(copy);
	return rc;
}

void esp_sas_free(struct esp_sas *sas)
{
	struct esp_sa *s, *n;

	if (!sas)
		return;
	for (s = sas->head; s; s = n) {
		n = s->next;
		free(s);
	}
	free(sas);
}

const struct esp_sa *esp_sa_find(const struct esp_sas *sas, uint32_t spi, int ver,
				 const uint8_t *daddr)
{
	const struct esp_sa *s;

	for (s = sas->head; s; s = s->next)
		if (!s->ikev2 && !s->is_default && s->spi == spi && s->ver == ver &&
		    memcmp(s->daddr, daddr, ver == 6 ? 16 : 4) == 0)
			return s;
	return sas->dflt;
}

const struct esp_sa *esp_sa_find_ikev2(const struct esp_sas *sas, int initiator,
				       const uint8_t *spii, const uint8_t *spir)
{
	const struct esp_sa *s;

	for (s = sas->head; s; s = s->next)
		if (s->ikev2 && s->initiator == initiator && memcmp(s->spii, spii, 8) == 0 &&
		    memcmp(s->spir, spir, 8) == 0)
			return s;
	return NULL;
}

unsigned esp_sa_ivlen(const struct esp_sa *sa)
{
	return sa->ivlen;
}

unsigned esp_sa_authlen(const struct esp_sa *sa)
{
	return sa->authlen;
}

uint8_t *esp_sa_decrypt(const struct esp_sa *sa, const uint8_t *iv, const uint8_t *ct,
			unsigned ctlen, const char *who)
{
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	uint8_t *pt = NULL;
	unsigned bs;
	int n;

	if (!ctx)
		return NULL;
	if (!EVP_DecryptInit_ex(ctx, sa->evp, NULL, sa->secret, iv)) {
		fprintf(stderr, "ptcpdump: WARNING: %s: espkey init failed\n", who);
		goto cleanup;
	}
	bs = (unsigned)EVP_CIPHER_CTX_block_size(ctx);
	if (bs == 0 || ctlen % bs) {
		fprintf(stderr, "ptcpdump: WARNING: %s: ciphertext size %u is not a multiple "
			"of the cipher block size %u\n", who, ctlen, bs);
		goto cleanup;
	}
	/* one spare byte: a zero-length result is still a buffer */
	pt = calloc(1, ctlen + 1);
	if (!pt)
		goto cleanup;
	EVP_CIPHER_CTX_set_padding(ctx, 0);
	if (!EVP_DecryptUpdate(ctx, pt, &n, ct, (int)ctlen)) {
		fprintf(stderr, "ptcpdump: WARNING: %s: EVP_DecryptUpdate failed\n", who);
		free(pt);
		pt = NULL;
	}
cleanup:
	EVP_CIPHER_CTX_free(ctx);
	return pt;
}
