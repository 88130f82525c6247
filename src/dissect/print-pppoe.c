/* PPP over Ethernet (RFC 2516): discovery packets with their tags, and
 * session packets carrying PPP, as tcpdump 4.99.3 prints them. */
#include <stdio.h>

#include "ppp-int.h"

static const struct tok pppoe_codes[] = {
	{ 0x09, "PADI" }, { 0x07, "PADO" }, { 0x19, "PADR" }, { 0x65, "PADS" },
	{ 0xa7, "PADT" }, { 0, "" }, { 0, NULL }
};
static const struct tok pppoe_tags[] = {
	{ 0, "EOL" }, { 0x0101, "Service-Name" }, { 0x0102, "AC-Name" },
	{ 0x0103, "Host-Uniq" }, { 0x0104, "AC-Cookie" }, { 0x0105, "Vendor-Specific" },
	{ 0x0110, "Relay-Session-ID" }, { 0x0120, "PPP-Max-Payload" },
	{ 0x0201, "Service-Name-Error" }, { 0x0202, "AC-System-Error" },
	{ 0x0203, "Generic-Error" }, { 0, NULL }
};

/* At most this many characters of a tag are looked at (and shown) as text */
#define TAG_TEXT 79

static void tag_print(struct nd *nd, uint16_t type, const uint8_t *p, uint16_t len)
{
	char b[20];
	const char *name = tok2str(pppoe_tags, "TAG-0x%x", type, b, sizeof(b));
	unsigned text = 0, junk = 0, i;

	if (len == 0) {
		P(" [%s]", name);
		return;
	}
	gcheck(nd, p, len);
	for (i = 0; i < len && i < TAG_TEXT; i++) {
		if (p[i] >= 0x20 && p[i] < 0x7f)
			text++;
		else
			junk++;
	}
	if (text > junk) {
		P(" [%s \"", name);
		for (i = 0; i < len && i < TAG_TEXT; i++)
			P("%c", p[i] >= 0x20 && p[i] < 0x7f ? p[i] : '.');
		P("\"]");
	} else {
		P(" [%s 0x", name);
		for (i = 0; i < len; i++)
			P("%02X", p[i]);
		P("]");
	}
}

uint32_t pppoe_hdr_print(struct nd *nd, const uint8_t *bp, uint32_t length)
{
	unsigned ver, type, code, sid, plen;
	const uint8_t *pl, *p;
	uint16_t tag = 0xffff, tlen;
	char b[20];

	nd->proto = "pppoe";
	if (length < 6) {
		P(" (length %u < 6) (invalid)", length);
		return 0;
	}
	length -= 6;
	gcheck(nd, bp, 6);
	ver = bp[0] >> 4;
	type = bp[0] & 0x0f;
	code = bp[1];
	sid = g2(nd, bp + 2);
	plen = g2(nd, bp + 4);
	pl = bp + 6;
	if (ver != 1)
		P(" [ver %u]", ver);
	if (type != 1)
		P(" [type %u]", type);
	P("PPPoE %s", tok2str(pppoe_codes, "PAD-%x", code, b, sizeof(b)));
	if (code == 0x09 && plen > 1484 - 6)
		P(" [len %u!]", plen);
	if (plen > length) {
		P(" [len %u > %u!]", plen, length);
		plen = length;
	}
	if (sid)
		P(" [ses 0x%x]", sid);
	if (code == 0) {
		P(" ");
		return 6 + ppp_hdr_print(nd, pl, plen);
	}
	for (p = pl; tag && p < pl + plen; p += tlen) {
		tag = g2(nd, p);
		tlen = g2(nd, p + 2);
		p += 4;
		tag_print(nd, tag, p, tlen);
	}
	return 6;
}

void pppoe_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	pppoe_hdr_print(nd, p, len);
}
