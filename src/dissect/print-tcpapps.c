/* Small protocols over TCP, as tcpdump 4.99 prints them: MSDP (port 639,
 * RFC 3618) and the RPKI-to-router protocol (port 323, RFC 6810), which
 * BGP routers use to fetch route origin validations. */
#include "dissect-int.h"

void msdp_print(struct nd *nd, const uint8_t *sp, uint32_t length)
{
	unsigned type, len, n;

	nd->proto = "msdp";
	P(": msdp");
	type = g1(nd, sp);
	len = g2(nd, sp + 1);
	/* Not the start of a message: nothing more can be read from it */
	if (len > 1500 || len < 3 || type == 0 || type > 7) {
		P(" [|msdp]");
		return;
	}
	while (length != 0) {
		type = g1(nd, sp);
		len = g2(nd, sp + 1);
		if (len > 1400 || nd->o->vflag)
			P(" [len %u]", len);
		if (len < 3 || length < len) {
			P(" [|msdp]");
			return;
		}
		sp += 3;
		length -= 3;
		switch (type) {
		case 1:
		case 3:
			n = g1(nd, sp);
			P(" %s %u entries", type == 1 ? "SA" : "SA-Response", n);
			if (n * 12 + 8 < len) {
				P(" [w/data]");
				if (nd->o->vflag > 1) {
					P(" ");
					ip_print(nd, sp + n * 12 + 8 - 3, len - (n * 12 + 8));
				}
			}
			break;
		case 2: {
			char b[16];
			P(" SA-Request for %s", ip4_str(nd, sp + 1, b));
			break;
		}
		case 4:
			P(" Keepalive");
			if (len != 3)
				P("[len=%u] ", len);
			break;
		case 5:
			P(" Notification");
			break;
		default:
			P(" [type=%u len=%u]", type, len);
			break;
		}
		sp += len - 3;
		length -= len - 3;
	}
}

/* "\n" and tabs for every 8 columns, then spaces: the start of a line,
 * passed to P() with the fields, so that a field cut short ends the
 * packet before the line starts, as in tcpdump */
static const char *rtr_ind(char *b, unsigned indent)
{
	unsigned i = 0;

	b[i++] = '\n';
	for (; indent >= 8; indent -= 8)
		b[i++] = '\t';
	for (; indent > 0; indent--)
		b[i++] = ' ';
	b[i] = 0;
	return b;
}

/* One PDU of len bytes at most; returns the bytes it takes. */
static uint32_t rtr_pdu_print(struct nd *nd, const uint8_t *p, uint32_t len, int recurse,
			      unsigned indent)
{
	static const struct tok types[] = {
		{ 0, "Serial Notify" }, { 1, "Serial Query" }, { 2, "Reset Query" },
		{ 3, "Cache Response" }, { 4, "IPV4 Prefix" }, { 6, "IPV6 Prefix" },
		{ 7, "End of Data" }, { 8, "Cache Reset" }, { 10, "Error Report" },
		{ 0, NULL }
	};
	static const struct tok errors[] = {
		{ 0, "Corrupt Data" }, { 1, "Internal Error" }, { 2, "No Data Available" },
		{ 3, "Invalid Request" }, { 4, "Unsupported Protocol Version" },
		{ 5, "Unsupported PDU Type" }, { 6, "Withdrawal of Unknown Record" },
		{ 7, "Duplicate Announcement Received" }, { 0, NULL }
	};
	unsigned type, plen, hexdump = 0;
	char b[46], ib[20];

	if (g1(nd, p) != 0) {
		/* a later version: its PDUs cannot be skipped */
		P("%sRPKI-RTRv%u (unknown)", rtr_ind(ib, 8), g1(nd, p));
		return len;
	}
	if (len < 8) {
		P("(%u bytes is too few to decode)", len);
		goto invalid;
	}
	gcheck(nd, p, 8);
	type = p[1];
	plen = g4(nd, p + 4);
	P("%sRPKI-RTRv%u, %s PDU (%u), length: %u", rtr_ind(ib, 8), p[0],
	  tok_or(types, type, "Unknown"), type, plen);
	if (plen < 8 || plen > len)
		goto invalid;
	switch (type) {
	case 0: case 1: case 7:
		if (plen != 12)
			goto invalid;
		P("%sSession ID: 0x%04x, Serial: %u", rtr_ind(ib, indent + 2), g2(nd, p + 2),
		  g4(nd, p + 8));
		break;
	case 2: case 8:
		if (plen != 8)
			goto invalid;
		break;
	case 3:
		if (plen != 8)
			goto invalid;
		P("%sSession ID: 0x%04x", rtr_ind(ib, indent + 2), g2(nd, p + 2));
		break;
	case 4: case 6: {
		unsigned alen = type == 4 ? 4 : 16;
		if (plen != 16 + alen)
			goto invalid;
		P("%sIPv%c Prefix %s/%u-%u, origin-as %u, flags 0x%02x", rtr_ind(ib, indent + 2),
		  type == 4 ? '4' : '6',
		  type == 4 ? ip4_str(nd, p + 12, b) : ip6_str(nd, p + 12, b), g1(nd, p + 9),
		  g1(nd, p + 10), g4(nd, p + 12 + alen), g1(nd, p + 8));
		break;
	}
	case 10: {
		unsigned encap, tlen = 8, text, code;
		if (plen < tlen + 4)
			goto invalid;
		gcheck(nd, p, tlen + 4);
		encap = g4(nd, p + 8);
		tlen += 4;
		code = g2(nd, p + 2);
		P("%sError code: %s (%u), Encapsulated PDU length: %u", rtr_ind(ib, indent + 2),
		  tok_or(errors, code, "Unknown"), code, encap);
		if (encap) {
			if (plen < tlen + encap)
				goto invalid;
			if (!recurse) {
				gcheck(nd, p, tlen + encap);
			} else {
				P("%s-----encapsulated PDU-----", rtr_ind(ib, indent + 4));
				rtr_pdu_print(nd, p + tlen, encap, 0, indent + 2);
			}
			tlen += encap;
		}
		if (plen < tlen + 4)
			goto invalid;
		text = g4(nd, p + tlen);
		tlen += 4;
		if (text) {
			if (plen < tlen + text)
				goto invalid;
			P("%sError text: ", rtr_ind(ib, indent + 2));
			chars_print_j(nd, p + tlen, text);
		}
		break;
	}
	default:
		gcheck(nd, p, plen);
		hexdump = 1;
	}
	if (nd->o->vflag > 1 || (nd->o->vflag && hexdump))
		unknown_data_print(nd, p, "\n\t  ", (int)plen);
	return plen;
invalid:
	P(" (invalid)");
	gcheck(nd, p, len);
	return len;
}

void rpki_rtr_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->proto = "rpki_rtr";
	if (!nd->o->vflag) {
		P(", RPKI-RTR");
		return;
	}
	while (len) {
		uint32_t n = rtr_pdu_print(nd, p, len, 1, 8);
		len -= n;
		p += n;
	}
}
