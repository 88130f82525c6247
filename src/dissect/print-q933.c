/* Q.933 signalling over Frame Relay (NLPID 0x08): the call reference,
 * message type and information elements, with the LMI elements of ITU
 * Q.933 Annex A and ANSI T1.617 Annex D (report type, link integrity
 * verification, PVC status) decoded, as tcpdump 4.99.3 prints them. */
#include <limits.h>
#include <stdio.h>

#include "dissect-int.h"

static const struct tok q933_msgs[] = {
	{ 0x00, "ESC to National" }, { 0x01, "Alert" }, { 0x02, "Call proceeding" },
	{ 0x07, "Connect" }, { 0x0f, "Connect ACK" }, { 0x03, "Progress" },
	{ 0x05, "Setup" }, { 0x45, "Disconnect" }, { 0x4d, "Release" },
	{ 0x5a, "Release Complete" }, { 0x46, "Restart" }, { 0x4e, "Restart ACK" },
	{ 0x7d, "Status Reply" }, { 0x75, "Status Enquiry" }, { 0, NULL }
};

/* Codesets 0 and 5 share these element names; the others have none. */
static const struct tok lmi_ies[] = {
	{ 0x01, "ANSI Report Type" }, { 0x19, "ANSI Link Verify" },
	{ 0x03, "ANSI Link Verify" }, { 0x07, "ANSI PVC Status" },
	{ 0x51, "CCITT Report Type" }, { 0x53, "CCITT Link Verify" },
	{ 0x57, "CCITT PVC Status" }, { 0, NULL }
};

static const struct tok report_types[] = {
	{ 0, "Full Status" }, { 1, "Link verify" }, { 2, "Async PVC Status" }, { 0, NULL }
};

#define IE_SINGLE(c)	((c) & 0x80)
#define IE_SHIFT(c)	(((c) & 0xf0) == 0x90)
#define IE_NONLOCKING(c) ((c) & 0x08)

/* Is the PVC status element valid: 3 to 5 bytes, the extension bit
 * clear up to the DLCI's last byte and set in it and in the status byte? */
static int pvc_ie_valid(const uint8_t *p, unsigned n)
{
	unsigned i;

	if (n < 3 || n > 5)
		return 0;
	for (i = 0; i + 2 < n; i++)
		if (p[i] & 0x80)
			return 0;
	return (p[n - 2] & 0x80) && (p[n - 1] & 0x80);
}

/* An element of codeset 0 or 5 (p: its ielen bytes, all captured); 1 when
 * it is one of the LMI elements. */
static int lmi_ie_print(struct nd *nd, unsigned code, unsigned ielen, const uint8_t *p)
{
	unsigned dlci, last;
	int v = nd->o->vflag;

	switch (code) {
	case 0x01: case 0x51:
		if (v)
			P("%s (%u)", tok_or(report_types, p[0], "unknown"), p[0]);
		return 1;
	case 0x03: case 0x53: case 0x19:
		if (!v)
			P(", ");
		if (ielen < 2)
			P("Invalid LINK VERIFY IE");
		else
			P("TX Seq: %3d, RX Seq: %3d", p[0], p[1]);
		return 1;
	case 0x07: case 0x57:
		if (!v)
			P(", ");
		if (!pvc_ie_valid(p, ielen)) {
			P("Invalid DLCI in PVC STATUS IE");
			return 1;
		}
		dlci = (unsigned)(p[0] & 0x3f) << 4 | (unsigned)(p[1] & 0x78) >> 3;
		if (ielen == 4)
			dlci = dlci << 6 | (unsigned)(p[2] & 0x7e) >> 1;
		else if (ielen == 5)
			dlci = dlci << 13 | (p[2] & 0x7fu) | (unsigned)(p[3] & 0x7e) >> 1;
		last = p[ielen - 1];
		P("DLCI %u: status %s%s", dlci, (last & 0x08) ? "New, " : "",
		  (last & 0x02) ? "Active" : "Inactive");
		return 1;
	}
	return 0;
}

static void q933_hexdump(struct nd *nd, const uint8_t *p, const char *ident, unsigned len)
{
	unknown_data_print(nd, p, ident, len > INT_MAX ? INT_MAX : (int)len);
}

void q933_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	const char *sep = nd->o->eflag ? "" : ", ";
	uint32_t olen = length;
	uint8_t cref[15];
	unsigned crlen, i, msg, code, ielen, codeset = 0, unshift = 0;
	int ansi = 0, nonlocking = 0, v = nd->o->vflag, known;
	char buf[32];

	nd->proto = "q.933";
	if (!nd->o->eflag)
		P("Q.933");
	if (length == 0 || !nd_ok(nd, p, 1)) {
		P("%slength %u", sep, length);
		goto trunc;
	}
	crlen = p[0] & 0x0f;
	p++;
	length--;
	for (i = 0; i < crlen; i++) {
		if (length == 0 || !nd_ok(nd, p, 1))
			goto short_hdr;
		cref[i] = *p++;
		length--;
	}
	if (length == 0 || !nd_ok(nd, p, 1))
		goto short_hdr;
	msg = *p++;
	length--;

	/* a shift right after the message type sets the codeset */
	if (length != 0) {
		if (!nd_ok(nd, p, 1))
			goto short_hdr;
		code = p[0];
		if (IE_SHIFT(code)) {
			p++;
			length--;
			codeset = code & 7;
			if (!IE_NONLOCKING(code)) {
				if (codeset == 5)
					ansi = 1;	/* T1.617 Annex D */
			} else {
				nonlocking = 1;
				unshift = 0;
			}
		}
	}
	P("%s%s, codeset %u", sep, ansi ? "ANSI" : "CCITT", codeset);
	/* tcpdump tests the byte after the header, not the call reference,
	 * for a dummy (zero) one */
	if (crlen != 0 && (crlen > 1 || g1(nd, p) != 0)) {
		P(", Call Ref: 0x");
		for (i = 0; i < crlen; i++)
			P("%02x", cref[i]);
	}
	if (v)
		P(", %s (0x%02x), length %u", tok_or(q933_msgs, msg, "unknown message"), msg, olen);
	else
		P(", %s", tok2str(q933_msgs, "unknown message 0x%02x", msg, buf, sizeof(buf)));

	while (length != 0) {
		if (nonlocking == 1) {
			nonlocking = 2;
		} else if (nonlocking == 2) {
			codeset = unshift;
			nonlocking = 0;
		}
		if (!nd_ok(nd, p, 1))
			goto short_ie;
		code = *p++;
		length--;
		if (IE_SINGLE(code)) {
			if (IE_SHIFT(code)) {
				if (!IE_NONLOCKING(code)) {
					nonlocking = 0;
				} else {
					nonlocking = 1;
					unshift = codeset;
				}
				codeset = code & 7;
			}
			continue;
		}
		if (length == 0 || !nd_ok(nd, p, 1))
			goto short_ie;
		ielen = *p++;
		length--;
		if (v)
			P("\n\t%s IE (0x%02x), length %u: ",
			  (codeset == 0 || codeset == 5) ? tok_or(lmi_ies, code, "unknown") : "unknown",
			  code, ielen);
		if (code == 0 || ielen == 0)
			return;
		if (length < ielen || !nd_ok(nd, p, ielen))
			goto short_ie;
		known = (codeset == 0 || codeset == 5) && lmi_ie_print(nd, code, ielen, p);
		if (known) {
			if (v > 1)
				q933_hexdump(nd, p, "\n\t  ", ielen);
		} else if (v) {
			q933_hexdump(nd, p, "\n\t", ielen);
		}
		length -= ielen;
		p += ielen;
	}
	if (!v)
		P(", length %u", olen);
	return;
short_hdr:
	P("%slength %u", sep, olen);
	goto trunc;
short_ie:
	if (!v)
		P(", length %u", olen);
trunc:
	nd_trunc(nd);
}
