/* Sorted label sets and their compact JSON form. */
#include "meta/cmeta_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"

static size_t labels_find(const struct cm_labels *l, const char *k, int *found)
{
	size_t lo = 0, hi = l->n;
	*found = 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int r = strcmp(l->kv[mid].k, k);
		if (!r) {
			*found = 1;
			return mid;
		}
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int cm_labels_set(struct cm_labels *l, const char *k, const char *v)
{
	int found;
	size_t i = labels_find(l, k, &found);
	char *nv = strdup(v ? v : "");
	if (!nv)
		return -ENOMEM;
	if (found) {
		free(l->kv[i].v);
		l->kv[i].v = nv;
		return 0;
	}
	char *nk = strdup(k);
	struct cm_kv *n = realloc(l->kv, (l->n + 1) * sizeof(*n));
	if (!nk || !n) {
		free(nk);
		free(nv);
		if (n)
			l->kv = n;
		return -ENOMEM;
	}
	l->kv = n;
	memmove(&l->kv[i + 1], &l->kv[i], (l->n - i) * sizeof(*n));
	l->kv[i].k = nk;
	l->kv[i].v = nv;
	l->n++;
	return 0;
}

const char *cm_labels_get(const struct cm_labels *l, const char *k)
{
	int found;
	size_t i = labels_find(l, k, &found);
	return found ? l->kv[i].v : NULL;
}

void cm_labels_free(struct cm_labels *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->kv[i].k);
		free(l->kv[i].v);
	}
	free(l->kv);
	l->kv = NULL;
	l->n = 0;
}

static int skipped(const char *k, const char *const *skip)
{
	for (; skip && *skip; skip++)
		if (!strncmp(k, *skip, strlen(*skip)))
			return 1;
	return 0;
}

/* Length of the valid UTF-8 sequence at s (1-4), 0 if none: Go's rules,
 * no overlong forms, no surrogates, nothing past U+10FFFF. */
static size_t utf8_len(const unsigned char *s)
{
	unsigned c = s[0];

	if (c >= 0xc2 && c <= 0xdf)
		return (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		unsigned lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;

		return s[1] >= lo && s[1] <= hi && (s[2] & 0xc0) == 0x80 ? 3 : 0;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		unsigned lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;

		return s[1] >= lo && s[1] <= hi && (s[2] & 0xc0) == 0x80 &&
		       (s[3] & 0xc0) == 0x80 ? 4 : 0;
	}
	return 0;
}

/* A JSON string as Go's encoding/json writes it, which is what the Go
 * ptcpdump prints: <, > and & as \u003c, \u003e and \u0026, U+2028 and
 * U+2029 escaped, invalid UTF-8 as \ufffd, and no escaped slash. */
static void go_json_string(struct strbuf *sb, const char *str)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str;

	sb_putc(sb, '"');
	while (*s) {
		size_t n;

		if (*s < 0x80) {
			unsigned char c = *s++;

			if (c == '"' || c == '\\') {
				sb_putc(sb, '\\');
				sb_putc(sb, (char)c);
			} else if (c == '\n') {
				sb_puts(sb, "\\n");
			} else if (c == '\r') {
				sb_puts(sb, "\\r");
			} else if (c == '\t') {
				sb_puts(sb, "\\t");
			} else if (c == '\b') {	/* Go 1.22 on */
				sb_puts(sb, "\\b");
			} else if (c == '\f') {
				sb_puts(sb, "\\f");
			} else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
				sb_puts(sb, "\\u00");
				sb_putc(sb, hex[c >> 4]);
				sb_putc(sb, hex[c & 15]);
			} else {
				sb_putc(sb, (char)c);
			}
			continue;
		}
		n = utf8_len(s);
		if (!n) {
			sb_puts(sb, "\\ufffd");
			s++;
		} else if (n == 3 && s[0] == 0xe2 && s[1] == 0x80 &&
			   (s[2] == 0xa8 || s[2] == 0xa9)) {
			sb_puts(sb, s[2] == 0xa8 ? "\\u2028" : "\\u2029");
			s += 3;
		} else {
			sb_append(sb, (const char *)s, n);
			s += n;
		}
	}
	sb_putc(sb, '"');
}

char *cm_labels_json(const struct cm_labels *a, const struct cm_labels *b,
		     const char *const *skip)
{
	static const struct cm_labels none;
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0, j = 0;
	int first = 1;
	char *res;

	if (!a)
		a = &none;
	if (!b)
		b = &none;
	/* the two sorted lists merged, b's value for a key in both: the
	 * keys come out sorted byte by byte, as Go sorts a map's */
	sb_putc(&sb, '{');
	while (i < a->n || j < b->n) {
		const struct cm_kv *kv;

		if (j >= b->n || (i < a->n && strcmp(a->kv[i].k, b->kv[j].k) < 0)) {
			kv = &a->kv[i++];
		} else {
			if (i < a->n && !strcmp(a->kv[i].k, b->kv[j].k))
				i++;
			kv = &b->kv[j++];
		}
		if (skipped(kv->k, skip))
			continue;
		if (!first)
			sb_putc(&sb, ',');
		first = 0;
		go_json_string(&sb, kv->k);
		sb_putc(&sb, ':');
		go_json_string(&sb, kv->v);
	}
	sb_putc(&sb, '}');
	res = strdup(sb_str(&sb));
	sb_free(&sb);
	return res;
}
