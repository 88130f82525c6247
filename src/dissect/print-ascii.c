/* -x / -X / -A dumps and the default hex+ascii payload dump. */
#include <stdio.h>
#include <string.h>

#include "dissect-int.h"

static int isgraph_(uint8_t c)
{
	return c > 0x20 && c < 0x7f;
}

void ascii_dump(struct nd *nd, const uint8_t *p, uint32_t len)
{
	size_t avail = nd_avail(nd, p);
	if (len > avail)
		len = (uint32_t)avail;
	P("\n");
	while (len > 0) {
		uint8_t c = *p++;
		len--;
		if (c == '\r') {
			if (len > 1 && *p != '\n')
				P(".");
		} else if (!isgraph_(c) && c != '\t' && c != ' ' && c != '\n') {
			P(".");
		} else {
			P("%c", c);
		}
	}
}

void hexdump_ascii(struct nd *nd, const char *ident, const uint8_t *p, uint32_t len, uint32_t off)
{
	char hex[8 * 5 + 1], asc[17];
	size_t hl = 0, al = 0;
	size_t avail = nd_avail(nd, p);
	uint32_t i;

	if (len > avail)
		len = (uint32_t)avail;
	for (i = 0; i < len; i++) {
		if (i % 2 == 0 && i + 1 < len) {
			hl += (size_t)snprintf(hex + hl, sizeof(hex) - hl, " %02x%02x", p[i], p[i + 1]);
			asc[al++] = isgraph_(p[i]) ? (char)p[i] : '.';
			asc[al++] = isgraph_(p[i + 1]) ? (char)p[i + 1] : '.';
			i++;
		} else {
			hl += (size_t)snprintf(hex + hl, sizeof(hex) - hl, " %02x", p[i]);
			asc[al++] = isgraph_(p[i]) ? (char)p[i] : '.';
		}
		if (al == 16) {
			asc[al] = 0;
			P("%s0x%04x: %-40s  %s", ident, off, hex, asc);
			off += 16;
			hl = al = 0;
			hex[0] = 0;
		}
	}
	if (al) {
		asc[al] = 0;
		P("%s0x%04x: %-40s  %s", ident, off, hex, asc);
	}
}

void hexdump_plain(struct nd *nd, const char *ident, const uint8_t *p, uint32_t len, uint32_t off)
{
	size_t avail = nd_avail(nd, p);
	uint32_t i, n = 0;

	if (len > avail)
		len = (uint32_t)avail;
	for (i = 0; i + 1 < len; i += 2) {
		if (n++ % 8 == 0) {
			P("%s0x%04x: ", ident, off);
			off += 16;
		}
		P(" %02x%02x", p[i], p[i + 1]);
	}
	if (len & 1) {
		if (n % 8 == 0)
			P("%s0x%04x: ", ident, off);
		P(" %02x", p[len - 1]);
	}
}

void default_dump(struct nd *nd, const uint8_t *p, uint32_t len)
{
	hexdump_ascii(nd, "\n\t", p, len, 0);
	if (len > nd_avail(nd, p))
		nd_trunc_jmp(nd);
}

void default_print(struct nd *nd, const uint8_t *p, uint32_t caplen)
{
	/* tcpdump: -q, -x and -X suppress the default payload dump. */
	if (nd->o->qflag || nd->o->xflag || nd->o->Xflag)
		return;
	hexdump_ascii(nd, "\n\t", p, caplen, 0);
}

/* tcpdump's hex_print: hex as -x shows it, as far as it was captured,
 * then " [|proto]" (a longjmp) when that was not all. */
void hex_print_j(struct nd *nd, const char *ident, const uint8_t *p, uint32_t len)
{
	hexdump_plain(nd, ident, p, len, 0);
	if (len > nd_avail(nd, p))
		nd_trunc_jmp(nd);
}
