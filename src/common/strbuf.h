/* Growable text buffer used by every printer and sink. */
#ifndef PTCPDUMP_STRBUF_H
#define PTCPDUMP_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;	/* always NUL-terminated once non-NULL */
	size_t len;
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
void sb_append(struct strbuf *sb, const char *s, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putc(struct strbuf *sb, char c);
/* v in decimal, at least width digits (zero-padded): the hot paths'
 * numbers without printf's format parsing. */
void sb_putu(struct strbuf *sb, unsigned long long v, unsigned width);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap);
/* Returns the text ("" when empty); never NULL. */
const char *sb_str(const struct strbuf *sb);

#endif
