/* Small protocols straight over Ethernet, as tcpdump 4.99.3 prints them:
 * EAPOL and EAP (802.1X, 0x888e), the MACsec SecTAG (802.1AE, 0x88e5), the
 * Ethernet configuration testing protocol ("Loopback", 0x9000), the MS NLB
 * heartbeat (0x886f), the network service header (NSH, 0x894f, RFC 8300;
 * also the payload of VXLAN-GPE) and Arista's timestamp header (0xd28b). */
#include <string.h>
#include <time.h>

#include "dissect-int.h"

/* ------------------------------------------------------------- EAPOL/EAP */

static const struct tok eapol_types[] = {
	{ 0, "EAP packet" }, { 1, "EAPOL start" }, { 2, "EAPOL logoff" },
	{ 3, "EAPOL key" }, { 4, "Encapsulated ASF alert" }, { 0, NULL }
};

static const struct tok eap_codes[] = {
	{ 1, "Request" }, { 2, "Response" }, { 3, "Success" }, { 4, "Failure" },
	{ 0, NULL }
};

static const struct tok eap_types[] = {
	{ 0, "No proposed" }, { 1, "Identity" }, { 2, "Notification" }, { 3, "Nak" },
	{ 4, "MD5-challenge" }, { 5, "OTP" }, { 6, "GTC" }, { 13, "TLS" },
	{ 18, "SIM" }, { 21, "TTLS" }, { 23, "AKA" }, { 43, "FAST" },
	{ 254, "Expanded types" }, { 255, "Experimental" }, { 0, NULL }
};

/* The flags octet of EAP-TLS (RFC 5216), TTLS and FAST. */
static const struct tok eap_tls_flags[] = {
	{ 0x80, "L bit" }, { 0x40, "More fragments bit" }, { 0x20, "Start bit" },
	{ 0, NULL }
};

/* EAP-SIM and EAP-AKA subtypes (RFC 4186, 4187). */
static const struct tok eap_sim_subtypes[] = {
	{ 1, "Challenge" }, { 2, "Auth reject" }, { 4, "Sync failure" },
	{ 5, "Identity" }, { 10, "Start" }, { 11, "Challenge" },
	{ 12, "Notification" }, { 13, "Reauth" }, { 14, "Client error" },
	{ 0, NULL }
};

/* The flags octet of TLS, TTLS and FAST and the message length the L bit
 * announces. */
static void eap_tls_print(struct nd *nd, const uint8_t *p, unsigned len, const char *what)
{
	unsigned fl = g1(nd, p + 5);

	P(" flags [");
	bits_print(nd, eap_tls_flags, "none", fl, ", ");
	P("] 0x%02x", fl);
	if (fl & 0x80) {
		if (len < 10) {
			P(" (too short for EAP %s request/response with length)", what);
			return;
		}
		P(", len %u", g4(nd, p + 6));
	}
}

/* An EAP packet (RFC 3748) of length bytes as EAPOL (or RADIUS'
 * EAP-Message) announced. */
void eap_print(struct nd *nd, const uint8_t *p, unsigned length)
{
	unsigned code = g1(nd, p), len = g2(nd, p + 2), type, i;

	if (len != length) {
		P("EAP fragment?");
		return;
	}
	P("%s (%u), id %u, len %u", tok_or(eap_codes, code, "unknown"), code,
	  g1(nd, p + 1), len);
	if (len < 4) {
		P(" (too short for EAP header)");
		return;
	}
	if (!nd_ok(nd, p, len)) {
		nd_trunc(nd);
		return;
	}
	if (code != 1 && code != 2)
		return;
	if (len < 5) {
		P(" (too short for EAP request/response)");
		return;
	}
	type = g1(nd, p + 4);
	P("\n\t\t Type %s (%u)", tok_or(eap_types, type, "unknown"), type);
	switch (type) {
	case 1:		/* Identity: the text is optional */
		if (len > 5) {
			P(", Identity: ");
			chars_print_z(nd, p + 5, len - 5);
		}
		break;
	case 2:
		if (len < 6) {
			P(" (too short for EAP Notification request/response)");
			return;
		}
		P(", Notification: ");
		chars_print_z(nd, p + 5, len - 5);
		break;
	case 3:		/* Nak: the methods the peer would accept */
		if (len < 6) {
			P(" (too short for EAP Legacy NAK request/response)");
			return;
		}
		for (i = 5; i < len; i++) {
			unsigned t = g1(nd, p + i);
			P("%s %s (%u)", i > 5 ? "," : "", tok_or(eap_types, t, "unknown"), t);
		}
		break;
	case 13:
	case 21:
		if (len < 6) {
			P(" (too short for EAP TLS/TTLS request/response)");
			return;
		}
		if (type == 21)
			P(" TTLSv%u", g1(nd, p + 5) & 7);
		eap_tls_print(nd, p, len, "TLS/TTLS");
		break;
	case 43:
		if (len < 6) {
			P(" (too short for EAP FAST request/response)");
			return;
		}
		P(" FASTv%u", g1(nd, p + 5) & 7);
		eap_tls_print(nd, p, len, "FAST");
		break;
	case 18:
	case 23:
		if (len < 6) {
			P(" (too short for EAP SIM/AKA request/response)");
			return;
		}
		i = g1(nd, p + 5);
		P(" subtype [%s] 0x%02x", tok_or(eap_sim_subtypes, i, "unknown"), i);
		break;
	default:
		break;
	}
}

void eapol_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned type, blen;

	(void)len;	/* the EAPOL header's own length is used */
	nd->proto = "eap";
	if (!nd_ok(nd, p, 4)) {
		nd_trunc(nd);
		return;
	}
	type = p[1];
	blen = g2(nd, p + 2);
	P("%s (%u) v%u, len %u", tok_or(eapol_types, type, "unknown"), type, p[0], blen);
	if (!nd->o->vflag || type != 0)
		return;
	if (blen == 0) {
		nd_trunc(nd);
		return;
	}
	P(", ");
	eap_print(nd, p + 4, blen);
}

/* ---------------------------------------------------------------- MACsec */

#define MACSEC_ICV_LEN 16

static const struct tok macsec_flags[] = {
	{ 0x08, "E" }, { 0x04, "C" }, { 0x40, "S" }, { 0x10, "B" }, { 0x20, "I" },
	{ 0, NULL }
};

static void macsec_hdr_print(struct nd *nd, const uint8_t *p, unsigned sl)
{
	unsigned tci = g1(nd, p);

	P("an %u, pn %u, flags ", tci & 3, g4(nd, p + 2));
	bits_print(nd, macsec_flags, "none", tci & 0x7c, "");
	if (sl)
		P(", sl %u", sl);
	if (tci & 0x20)
		P(", sci %08x%08x", g4(nd, p + 6), g4(nd, p + 10));
	P(", ");
}

int macsec_print(struct nd *nd, const uint8_t **bp, uint32_t *lenp, uint32_t *caplenp,
		 uint32_t *hdrlenp, const uint8_t *src, const uint8_t *dst)
{
	const char *save = nd->proto;
	const uint8_t *p = *bp;
	uint32_t len = *lenp, caplen = *caplenp, taglen;
	unsigned tci, sl;
	char a[18], b[18];

	nd->proto = "macsec";
	if (caplen < 6 || len < 6)
		goto trunc;
	tci = g1(nd, p);
	taglen = (tci & 0x20) ? 14 : 6;
	if (caplen < taglen || len < taglen)
		goto trunc;
	sl = g1(nd, p + 1);
	if ((sl & 0xc0) || (tci & 0x80)) {
		P(" (invalid)");
		goto stop;
	}
	if (nd->o->eflag)
		macsec_hdr_print(nd, p, sl);
	*bp += taglen;
	*hdrlenp += taglen;
	*lenp -= taglen;
	*caplenp -= taglen;
	if (tci & 0x0c) {
		/* encrypted or changed text: the caller shows it as data */
		if (!nd->o->eflag) {
			P("%s > %s ", mac_str(nd, src, a), mac_str(nd, dst, b));
			P("802.1AE MACsec, ");
			macsec_hdr_print(nd, p, sl);
		}
		nd->proto = save;
		return 0;
	}
	/* integrity only: the ICV at the end is not payload */
	if (*lenp < MACSEC_ICV_LEN || *caplenp < MACSEC_ICV_LEN)
		goto trunc;
	*lenp -= MACSEC_ICV_LEN;
	*caplenp -= MACSEC_ICV_LEN;
	nd->snapend -= MACSEC_ICV_LEN;
	if (sl) {
		if (sl > *lenp || sl > *caplenp)
			goto trunc;
		*lenp = sl;
		*caplenp = sl;
	}
	nd->proto = save;
	return -1;
trunc:
	nd_trunc(nd);
stop:
	/* tcpdump's link header length then: all it had at the SecTAG */
	nd->proto = save;
	return (int)(*hdrlenp + caplen);
}

/* -------------------------------------------------------------- Loopback */

static const struct tok loop_functions[] = {
	{ 1, "Reply" }, { 2, "Forward Data" }, { 0, NULL }
};

void loopback_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned skip, fn;
	char b[24];

	nd->proto = "loopback";
	P("Loopback");
	if (len < 2)
		goto invalid;
	skip = gl2(nd, p);
	p += 2;
	len -= 2;
	P(", skipCount %u", skip);
	if (skip % 8)
		P(" (bogus)");
	if (skip > len)
		goto invalid;
	gcheck(nd, p, skip);
	p += skip;
	len -= skip;
	/* the first message */
	if (len < 2)
		goto invalid;
	fn = gl2(nd, p);
	p += 2;
	len -= 2;
	P(", %s", tok2str(loop_functions, " invalid (%u)", fn, b, sizeof(b)));
	if (fn == 1) {
		if (len < 2)
			goto invalid;
		P(", receipt number %u", gl2(nd, p));
		p += 2;
		len -= 2;
		P(", data (%u octets)", len);
	} else if (fn == 2) {
		if (len < 6)
			goto invalid;
		P(", forwarding address %s", mac_str(nd, p, b));
		p += 6;
		len -= 6;
		P(", data (%u octets)", len);
	}
	gcheck(nd, p, len);
	return;
invalid:
	P(" (invalid)");
	gcheck(nd, p, len);
}

/* ---------------------------------------------------------------- MS NLB */

void msnlb_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char b[16];

	(void)len;
	nd->proto = "msnlb";
	P("MS NLB heartbeat");
	P(", host priority: %u", gl4(nd, p + 8));
	P(", cluster IP: %s", ip4_str(nd, p + 12, b));
	P(", host IP: %s", ip4_str(nd, p + 16, b));
}

/* ------------------------------------------------------------------- NSH */

static const struct tok nsh_flags[] = { { 0x2, "O" }, { 0, NULL } };

static const struct tok nsh_md_types[] = {
	{ 0x0, "reserved" }, { 0x1, "1" }, { 0x2, "2" }, { 0xf, "experimental" },
	{ 0, NULL }
};

static const struct tok nsh_next[] = {
	{ 1, "IPv4" }, { 2, "IPv6" }, { 3, "Ethernet" }, { 4, "NSH" }, { 5, "MPLS" },
	{ 0xfe, "Experiment 1" }, { 0xff, "Experiment 2" }, { 0, NULL }
};


/* The next protocol of NSH and VXLAN-GPE (1 IPv4, 2 IPv6, 3 Ethernet,
 * 4 NSH); 0 when it is none of those. */
int gpe_next_print(struct nd *nd, unsigned np, const uint8_t *p, uint32_t len)
{
	switch (np) {
	case 1:
		ip_print(nd, p, len);
		return 1;
	case 2:
		ip6_print(nd, p, len);
		return 1;
	case 3:
		ether_print(nd, p, len, (uint32_t)nd_avail(nd, p));
		return 1;
	case 4:
		nsh_print(nd, p, len);
		return 1;
	default:
		return 0;
	}
}

/* MD type 2 context headers (-vvv): variable-length TLVs filling the
 * words = length - 2 words after the service path; 0 when invalid. */
static int nsh_md2_print(struct nd *nd, const uint8_t **pp, unsigned words)
{
	const uint8_t *p = *pp;
	unsigned n = 0, tl, padded, i;

	while (n < words) {
		unsigned cls = g2(nd, p), type = g1(nd, p + 2);

		tl = g1(nd, p + 3) & 0x7f;
		P("\n        TLV Class %u, Type %u, Len %u", cls, type, tl);
		p += 4;
		n++;
		padded = (tl + 3) & ~3u;
		if (words < n + padded / 4) {
			P(" (length too big)");
			return 0;
		}
		if (tl) {
			P("\n            Value: ");
			for (i = 0; i < tl; i++)
				P("%s%02x", i ? ":" : "0x", g1(nd, p + i));
			gcheck(nd, p + tl, padded - tl);
			p += padded;
			n += padded / 4;
		}
	}
	*pp = p;
	return 1;
}

void nsh_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	const int v = nd->o->vflag;
	uint32_t base, words, md, np, i;
	int past = 0;
	char b[24];

	nd->proto = "nsh";
	if (len < 8) {
		P(" (packet length %u < 8)", len);
		goto invalid;
	}
	base = g4(nd, p);
	p += 4;
	words = (base >> 16) & 0x3f;
	md = (base >> 8) & 0xf;
	np = base & 0xff;
	P("NSH, ");
	if (v > 1)
		P("ver %u, ", base >> 30);
	if (base >> 30)
		return;
	P("flags [");
	bits_print(nd, nsh_flags, "none", (base >> 28) & 3, "");
	P("], ");
	if (v > 2) {
		P("TTL %u, length %u, ", (base >> 22) & 0x3f, words);
		P("md type %s, ", tok2str(nsh_md_types, "unknown (0x%02x)", md, b, sizeof(b)));
	}
	if (v > 1)
		P("next-protocol %s, ", tok2str(nsh_next, "unknown (0x%02x)", np, b, sizeof(b)));
	if (len < words * 4) {
		P(" (too many headers for packet length %u)", len);
		goto invalid;
	}
	P("service-path-id 0x%06x, ", g3(nd, p));
	P("service-index 0x%x", g1(nd, p + 3));
	p += 4;
	if (words < 2) {
		P(" (less than two headers)");
		goto invalid;
	}
	if (v > 2 && md == 1) {
		if (words != 6) {
			P(" (invalid length for the MD type)");
			goto invalid;
		}
		for (i = 0; i < 4; i++, p += 4)
			P("\n        Context[%02u]: 0x%08x", i, g4(nd, p));
		past = 1;
	} else if (v > 2 && md == 2) {
		if (!nsh_md2_print(nd, &p, words - 2))
			goto invalid;
		past = 1;
	}
	if (!past) {
		gcheck(nd, p, (words - 2) * 4);
		p += (words - 2) * 4;
	}
	P(v ? "\n    " : ": ");
	len -= words * 4;
	/* NSH in NSH is not followed, as tcpdump */
	if (np == 4 || !gpe_next_print(nd, np, p, len))
		P("ERROR: unknown-next-protocol");
	return;
invalid:
	P(" (invalid)");
}

/* Arista's timestamp header (ethertype 0xd28b) that its switches and tap
 * aggregators insert before the original type field: the bytes it takes,
 * or -1 for a subtype or format it does not know. */
int arista_print(struct nd *nd, const uint8_t *bp)
{
	static const struct tok scales[] = { { 0, "TAI" }, { 1, "UTC" }, { 0, NULL } };
	static const struct tok formats[] = { { 1, "64-bit" }, { 2, "48-bit" }, { 0, NULL } };
	static const struct tok hws[] = { { 0, "R/R2" }, { 1, "R3" }, { 0, NULL } };
	unsigned sub, scale, fmt, hw;
	uint64_t sec;
	uint32_t ns;

	nd->proto = "arista";
	sub = g2(nd, bp);
	P("SubType %s (0x%04x), ", sub == 1 ? "Timestamp" : "Unknown", sub);
	if (sub != 1)
		return -1;
	scale = g1(nd, bp + 2);
	P("Timescale %s (%u), ", tok_or(scales, scale, "Unknown"), scale);
	fmt = g1(nd, bp + 3) >> 4;
	hw = bp[3] & 0x0f;
	P("Format %s (%u), HwInfo %s (%u), Timestamp ", tok_or(formats, fmt, "Unknown"), fmt,
	  tok_or(hws, hw, "Unknown"), hw);
	if (fmt == 1) {
		struct tm tm;
		time_t t;
		char buf[64];
		ns = g4(nd, bp + 8);
		t = (time_t)g4(nd, bp + 4) + ns / 1000000000;
		if (!gmtime_r(&t, &tm))
			P("gmtime() error");
		else if (!strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm))
			P("strftime() error");
		else
			P("%s.%09u", buf, ns % 1000000000);
		P(": ");
		return 12;
	}
	if (fmt == 2) {
		sec = g2(nd, bp + 4);
		ns = g4(nd, bp + 6);
		P("%llu.%09u: ", (unsigned long long)(sec + ns / 1000000000), ns % 1000000000);
		return 10;
	}
	return -1;
}
