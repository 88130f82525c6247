/* BOOTP and DHCP (UDP ports 67 and 68), as tcpdump prints them: the
 * operation, the client's hardware address and the length; with -v the
 * header's addresses and names and the RFC 1048 options, each decoded by
 * a one-letter format (or by hand for the few that need it), or the old
 * CMU vendor area. */
#include <stdint.h>
#include <string.h>

#include "dissect-int.h"

/* offsets in the fixed header */
#define BP_OP 0
#define BP_HTYPE 1
#define BP_HLEN 2
#define BP_HOPS 3
#define BP_XID 4
#define BP_SECS 8
#define BP_FLAGS 10
#define BP_CIADDR 12
#define BP_YIADDR 16
#define BP_SIADDR 20
#define BP_GIADDR 24
#define BP_CHADDR 28
#define BP_SNAME 44
#define BP_FILE 108
#define BP_VEND 236

#define TAG_PAD 0
#define TAG_END 255
#define TAG_NETBIOS_NODE 46
#define TAG_OPT_OVERLOAD 52
#define TAG_DHCP_MESSAGE 53
#define TAG_PARM_REQUEST 55
#define TAG_CLIENT_ID 61
#define TAG_USER_CLASS 77
#define TAG_CLIENT_FQDN 81
#define TAG_AGENT_CIRCUIT 82
#define TAG_CLASSLESS_RT 121
#define TAG_CLASSLESS_RT_MS 249

/*
 * Each option's name follows the letter that says how its data prints:
 * i addresses, p address pairs, l unsigned and L signed 32-bit numbers,
 * s 16-bit numbers, b dotted bytes, x colon-separated hex, a text,
 * B booleans (Y/N), $ decoded by hand, ' ' nothing of its own.
 */
static const struct tok tags[] = {
	{ 0, " PAD" }, { 1, "iSubnet-Mask" }, { 2, "LTime-Zone" },
	{ 3, "iDefault-Gateway" }, { 4, "iTime-Server" }, { 5, "iIEN-Name-Server" },
	{ 6, "iDomain-Name-Server" }, { 7, "iLOG" }, { 8, "iCS" },
	{ 9, "iLPR-Server" }, { 10, "iIM" }, { 11, "iRL" }, { 12, "aHostname" },
	{ 13, "sBS" }, { 255, " END" }, { 14, "aDP" }, { 15, "aDomain-Name" },
	{ 16, "iSS" }, { 17, "aRP" }, { 18, "aEP" }, { 19, "BIPF" }, { 20, "BSRT" },
	{ 21, "pPF" }, { 22, "sRSZ" }, { 23, "bTTL" }, { 24, "lMTU-Timeout" },
	{ 25, "sMTU-Table" }, { 26, "sMTU" }, { 27, "BLSN" }, { 28, "iBR" },
	{ 29, "BMD" }, { 30, "BMS" }, { 31, "BRouter-Discovery" }, { 32, "iRSA" },
	{ 33, "pStatic-Route" }, { 34, "BUT" }, { 35, "lAT" }, { 36, "BIE" },
	{ 37, "bTT" }, { 38, "lKI" }, { 39, "BKG" }, { 40, "aYD" }, { 41, "iYS" },
	{ 42, "iNTP" }, { 43, "bVendor-Option" }, { 44, "iNetbios-Name-Server" },
	{ 45, "iWDD" }, { 46, "$Netbios-Node" }, { 47, "aNetbios-Scope" },
	{ 48, "iXFS" }, { 49, "iXDM" }, { 64, "sN+D" }, { 65, "iN+S" },
	{ 68, "iMH" }, { 69, "iSMTP" }, { 70, "iPOP3" }, { 71, "iNNTP" },
	{ 72, "iWWW" }, { 73, "iFG" }, { 74, "iIRC" }, { 75, "iSTS" },
	{ 76, "iSTDA" }, { 50, "iRequested-IP" }, { 51, "lLease-Time" },
	{ 52, "$OO" }, { 66, "aTFTP" }, { 67, "aBF" }, { 53, " DHCP-Message" },
	{ 54, "iServer-ID" }, { 55, "bParameter-Request" }, { 56, "aMSG" },
	{ 57, "sMSZ" }, { 58, "lRN" }, { 59, "lRB" }, { 60, "aVendor-Class" },
	{ 61, "$Client-ID" }, { 98, "aUAP" }, { 116, "BNOAUTO" },
	{ 78, "bSLP-DA" }, { 79, "bSLP-SCOPE" }, { 117, "sNSSEARCH" },
	{ 77, "$User-Class" }, { 118, "iSUBNET" },
	{ 121, "$Classless-Static-Route" },
	{ 249, "$Classless-Static-Route-Microsoft" },
	{ 150, "iTFTP-Server-Address" }, { 80, "aSLP-NA" }, { 81, "$FQDN" },
	{ 82, "$Agent-Information" }, { 83, "bARMT" }, { 88, "aTZSTR" },
	{ 89, "bFQDNS" }, { 90, "bAUTH" }, { 91, "LLast-Transaction-Time" },
	{ 92, "iAssociated-IP" }, { 93, "sARCH" }, { 94, "bNDI" }, { 97, "bGUID" },
	{ 95, "aLDAP" }, { 100, "aPOSIX-TZ" }, { 101, "aTZ-Name" }, { 112, "iNI" },
	{ 113, "aNITAG" }, { 114, "aURL" }, { 161, "aMUD-URL" }, { 0, NULL }
};

static const struct tok dhcp_types[] = {
	{ 1, "Discover" }, { 2, "Offer" }, { 3, "Request" }, { 4, "Decline" },
	{ 5, "ACK" }, { 6, "NACK" }, { 7, "Release" }, { 8, "Inform" },
	{ 10, "LeaseQuery" }, { 11, "LeaseUnassigned" }, { 12, "LeaseUnknown" },
	{ 13, "LeaseActive" }, { 0, NULL }
};
static const struct tok overload[] = {
	{ 1, "file" }, { 2, "sname" }, { 3, "file+sname" }, { 0, NULL }
};
static const struct tok nb_node[] = {
	{ 1, "b-node" }, { 2, "p-node" }, { 4, "m-node" }, { 8, "h-node" }, { 0, NULL }
};
static const struct tok hw_types[] = {
	{ 1, "ether" }, { 6, "ieee802" }, { 7, "arcnet" }, { 15, "frelay" },
	{ 23, "strip" }, { 24, "ieee1394" }, { 0, NULL }
};
static const struct tok agent_subopts[] = {
	{ 1, "Circuit-ID" }, { 2, "Remote-ID" }, { 6, "Subscriber-ID" }, { 0, NULL }
};
static const struct tok bootp_flags[] = { { 0x8000, "Broadcast" }, { 0, NULL } };

/* A quoted string of n bytes; 0, or 1 (and the truncation mark) when cut. */
static int quoted(struct nd *nd, const uint8_t *p, uint32_t n)
{
	int cut;

	P("\"");
	cut = chars_print(nd, p, n);
	P("\"");
	if (cut)
		nd_trunc(nd);
	return cut;
}

/* A NUL-terminated field of at most n bytes; 0 when it has no NUL within
 * n bytes or within the capture. */
static int field_print(struct nd *nd, const uint8_t *p, uint32_t n)
{
	for (; n > 0 && p < nd->snapend; n--, p++) {
		if (!*p)
			return 1;
		char_print(nd, *p);
	}
	return 0;
}

/* A header name field (sname, file) when it is set; 0 when it has no NUL
 * within n bytes or within the capture (truncation printed). */
static int named_field(struct nd *nd, const char *label, const uint8_t *p, uint32_t n)
{
	if (!g1(nd, p))
		return 1;
	P("\n\t  %s \"", label);
	if (!field_print(nd, p, n)) {
		P("\"");
		nd_trunc(nd);
		return 0;
	}
	P("\"");
	return 1;
}

/* The name from tags[] (past its format letter) and the letter. */
static const char *tag_name(unsigned tag, char *fmt)
{
	const char *s = tok_or(tags, tag, "?Unknown");

	*fmt = s[0];
	return s + 1;
}

static int fqdn_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint8_t fl = g1(nd, p);

	if (fl & 0xf0)
		P("[ERROR: MBZ nibble 0x%x != 0] ", (fl & 0xf0) >> 4);
	if (fl & 0x0f)
		P("[%s%s%s%s] ", fl & 1 ? "S" : "", fl & 2 ? "O" : "",
		  fl & 4 ? "E" : "", fl & 8 ? "N" : "");
	if (g1(nd, p + 1) || g1(nd, p + 2))
		P("%u/%u ", p[1], p[2]);
	return quoted(nd, p + 3, len - 3);
}

/* RFC 3442 routes: width, its significant bytes, then the router. */
static void classless_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char a[16];
	int first = 1;

	while (len > 0) {
		uint32_t w, sig, i;

		if (!first)
			P(",");
		first = 0;
		w = g1(nd, p++);
		len--;
		if (w > 32) {
			P("[ERROR: Mask width (%u) > 32]", w);
			return;
		}
		sig = (w + 7) / 8;
		if (len < sig + 4) {
			P("[ERROR: Remaining length (%u) < %u bytes]", len, sig + 4);
			return;
		}
		P("(");
		if (!w) {
			P("default");
		} else {
			for (i = 0; i < sig; i++)
				P("%s%u", i ? "." : "", g1(nd, p++));
			for (; i < 4; i++)
				P(".0");
			P("/%u", w);
		}
		P(":%s)", ip4_str(nd, p, a));
		p += 4;
		len -= sig + 4;
	}
}

/* Returns 1 when the packet ended (truncation printed). */
static int special_print(struct nd *nd, unsigned tag, const uint8_t *p, uint32_t len)
{
	char b[32];
	uint32_t i;

	switch (tag) {
	case TAG_NETBIOS_NODE:
	case TAG_OPT_OVERLOAD:
		if (len < 1) {
			P("[ERROR: length < 1 bytes]");
			return 0;
		}
		P("%s", tok2str(tag == TAG_OPT_OVERLOAD ? overload : nb_node,
				"#%u", g1(nd, p), b, sizeof(b)));
		if (len > 1)
			P("\n\t  trailing data length %u", len - 1);
		return 0;
	case TAG_CLIENT_FQDN:
		if (len < 3) {
			P("[ERROR: length < 3 bytes]");
			return 0;
		}
		return fqdn_print(nd, p, len);
	case TAG_CLIENT_ID:
		if (len < 1) {
			P("[ERROR: length < 1 bytes]");
			return 0;
		}
		if (!g1(nd, p))
			return quoted(nd, p + 1, len - 1);
		P("%s ", tok2str(hw_types, "hardware-type %u,", p[0], b, sizeof(b)));
		for (i = 1; i < len; i++)
			P("%s%02x", i > 1 ? ":" : "", g1(nd, p + i));
		return 0;
	case TAG_AGENT_CIRCUIT:
		while (len >= 2) {
			uint8_t so = g1(nd, p), sl = g1(nd, p + 1);
			const char *name = tok_or(agent_subopts, so, "Unknown");

			p += 2;
			len -= 2;
			if (sl > len) {
				P("\n\t      %s SubOption %u, length %u: length goes past end of option",
				  name, so, sl);
				return 0;
			}
			P("\n\t      %s SubOption %u, length %u: ", name, so, sl);
			if (tok_or(agent_subopts, so, NULL)) {
				if (chars_print(nd, p, sl)) {
					nd_trunc(nd);
					return 1;
				}
			} else {
				unknown_data_print(nd, p, "\n\t\t", sl);
			}
			p += sl;
			len -= sl;
		}
		if (len)
			P("\n\t  trailing data length %u", len);
		return 0;
	case TAG_CLASSLESS_RT:
	case TAG_CLASSLESS_RT_MS:
		if (len < 5)
			P("[ERROR: length < 5 bytes]");
		else
			classless_print(nd, p, len);
		return 0;
	case TAG_USER_CLASS:
		if (len < 2) {
			P("[ERROR: length < 2 bytes]");
			return 0;
		}
		for (i = 1; len > 0; i++) {
			uint8_t sl = g1(nd, p++);

			len--;
			P("\n\t      instance#%u: ", i);
			if (!sl) {
				P("[ERROR: suboption length must be non-zero]");
				return 0;
			}
			if (len < sl) {
				P("[ERROR: invalid option]");
				return 0;
			}
			if (quoted(nd, p, sl))
				return 1;
			P(", length %u", sl);
			p += sl;
			len -= sl;
		}
		return 0;
	}
	P("[unknown special tag %u, size %u]", tag, len);
	return 0;
}

/* Data by format letter; returns the bytes left over. */
static uint32_t data_print(struct nd *nd, char c, const uint8_t *p, uint32_t len)
{
	char a[16], b[16];
	int first = 1;

	switch (c) {
	case 'i': case 'l': case 'L':
		for (; len >= 4; len -= 4, p += 4, first = 0) {
			P("%s", first ? "" : ",");
			if (c == 'i')
				P("%s", ip4_str(nd, p, a));
			else if (c == 'L')
				P("%d", (int32_t)g4(nd, p));
			else
				P("%u", g4(nd, p));
		}
		return len;
	case 'p':
		for (; len >= 8; len -= 8, p += 8, first = 0)
			P("%s(%s:%s)", first ? "" : ",", ip4_str(nd, p, a),
			  ip4_str(nd, p + 4, b));
		return len;
	case 's':
		for (; len >= 2; len -= 2, p += 2, first = 0)
			P("%s%u", first ? "" : ",", g2(nd, p));
		return len;
	case 'B':
		for (; len > 0; len--, p++, first = 0) {
			uint8_t v = g1(nd, p);

			P("%s", first ? "" : ",");
			if (v <= 1)
				P("%s", v ? "Y" : "N");
			else
				P("%u?", v);
		}
		return 0;
	}
	for (; len > 0; len--, p++, first = 0) {
		if (c == 'x')
			P("%s%02x", first ? "" : ":", g1(nd, p));
		else
			P("%s%u", first ? "" : ".", g1(nd, p));
	}
	return 0;
}

/* The options after the magic cookie; returns 1 when truncation was
 * printed.  As in tcpdump, an option cut short ends the printing here
 * and a cut length or cookie ends the packet. */
static int rfc1048_print(struct nd *nd, const uint8_t *p)
{
	P("\n\t  Vendor-rfc1048 Extensions");
	P("\n\t    Magic Cookie 0x%08x", g4(nd, p));
	p += 4;
	while (nd_ok(nd, p, 1)) {
		unsigned tag = *p++;
		uint32_t len = 0, left;
		const char *name;
		char c;

		if ((tag == TAG_PAD || tag == TAG_END) && nd->o->vflag < 3) {
			if (tag == TAG_END)
				return 0;
			continue;
		}
		name = tag_name(tag, &c);
		if (tag != TAG_PAD && tag != TAG_END)
			len = g1(nd, p++);
		P("\n\t    %s (%u), length %u%s", name, tag, len, len ? ": " : "");
		if (tag == TAG_PAD) {
			unsigned n = 1;

			for (; nd_ok(nd, p, 1) && *p == TAG_PAD; p++)
				n++;
			if (n > 1)
				P(", occurs %u", n);
		}
		if (!nd_ok(nd, p, len)) {
			nd_trunc(nd);
			return 1;
		}
		if (tag == TAG_DHCP_MESSAGE && len == 1) {
			char b[32];

			P("%s", tok2str(dhcp_types, "Unknown (%u)", *p, b, sizeof(b)));
			p++;
			continue;
		}
		if (tag == TAG_PARM_REQUEST) {
			uint32_t i;

			for (i = 0; i < len; i++) {
				char ic;

				P("%s%s (%u)", i % 4 ? ", " : "\n\t      ",
				  tag_name(p[i], &ic), p[i]);
			}
			p += len;
			continue;
		}
		if (c == '?')
			c = (len & 1) ? 'b' : (len & 2) ? 's' : 'l';
		if (c == 'a') {
			if (quoted(nd, p, len))
				return 1;
			left = 0;
		} else if (c == '$') {
			if (special_print(nd, tag, p, len))
				return 1;
			left = 0;
		} else {
			left = data_print(nd, c, p, len);
		}
		if (left)
			P("\n\t  trailing data length %u", left);
		p += len;
	}
	return 0;
}

/* The old CMU vendor area: flags, then the addresses that are set. */
static void cmu_print(struct nd *nd, const uint8_t *v)
{
	static const struct { uint8_t off; const char *name; } addrs[] = {
		{ 12, "DG" }, { 8, NULL }, { 16, "NS1" }, { 20, "NS2" },
		{ 24, "IEN1" }, { 28, "IEN2" }, { 32, "TS1" }, { 36, "TS2" },
	};
	uint8_t fl;
	size_t i;
	char a[16];

	P(" vend-cmu");
	if (!nd_ok(nd, v + 4, 4)) {
		nd_trunc(nd);
		return;
	}
	fl = v[4];
	if (fl & ~1u)
		P(" F:0x%x", fl);
	for (i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++) {
		const uint8_t *ap = v + addrs[i].off;

		if (!nd_ok(nd, ap, 4)) {
			nd_trunc(nd);
			return;
		}
		if (g4(nd, ap))
			P(" %s:%s", addrs[i].name ? addrs[i].name
						   : (fl & 1) ? "SM" : "SM*",
			  ip4_str(nd, ap, a));
	}
}

void bootp_print(struct nd *nd, const uint8_t *bp, uint32_t length)
{
	static const uint8_t cookie[4] = { 99, 130, 83, 99 };
	static const uint8_t cmu[4] = { 'C', 'M', 'U', 0 };
	static const struct { uint8_t off; const char *name; } ips[] = {
		{ BP_CIADDR, "Client-IP" }, { BP_YIADDR, "Your-IP" },
		{ BP_SIADDR, "Server-IP" }, { BP_GIADDR, "Gateway-IP" },
	};
	uint8_t op, htype, hlen;
	char b[32];
	size_t i;

	nd->proto = "bootp";
	op = g1(nd, bp + BP_OP);
	P("BOOTP/DHCP, %s", op == 1 ? "Request" : op == 2 ? "Reply" :
		tok2str(NULL, "unknown (0x%02x)", op, b, sizeof(b)));
	htype = g1(nd, bp + BP_HTYPE);
	hlen = g1(nd, bp + BP_HLEN);
	if (htype == 1 && hlen == 6 && op == 1)
		P(" from %s", mac_str(nd, bp + BP_CHADDR, b));
	P(", length %u", length);
	if (!nd->o->vflag)
		return;
	if (!nd_ok(nd, bp + BP_SECS, 2)) {
		nd_trunc(nd);
		return;
	}
	if (htype != 1)
		P(", htype %u", htype);
	if (htype != 1 || hlen != 6)
		P(", hlen %u", hlen);
	if (g1(nd, bp + BP_HOPS))
		P(", hops %u", bp[BP_HOPS]);
	if (g4(nd, bp + BP_XID))
		P(", xid 0x%x", g4(nd, bp + BP_XID));
	if (g2(nd, bp + BP_SECS))
		P(", secs %u", g2(nd, bp + BP_SECS));
	gcheck(nd, bp + BP_FLAGS, 2);	/* tcpdump reads them before printing */
	P(", Flags [");
	bits_print(nd, bootp_flags, "none", g2(nd, bp + BP_FLAGS), ", ");
	P("]");
	if (nd->o->vflag > 1)
		P(" (0x%04x)", g2(nd, bp + BP_FLAGS));
	for (i = 0; i < sizeof(ips) / sizeof(ips[0]); i++)
		if (g4(nd, bp + ips[i].off))
			P("\n\t  %s %s", ips[i].name, ip4_str(nd, bp + ips[i].off, b));
	if (htype == 1 && hlen == 6)
		P("\n\t  Client-Ethernet-Address %s", mac_str(nd, bp + BP_CHADDR, b));
	if (!named_field(nd, "sname", bp + BP_SNAME, 64) ||
	    !named_field(nd, "file", bp + BP_FILE, 128))
		return;
	if (!nd_ok(nd, bp + BP_VEND, 4)) {
		nd_trunc(nd);
		return;
	}
	if (!memcmp(bp + BP_VEND, cookie, 4))
		rfc1048_print(nd, bp + BP_VEND);
	else if (!memcmp(bp + BP_VEND, cmu, 4))
		cmu_print(nd, bp + BP_VEND);
	else if (g4(nd, bp + BP_VEND))
		P("\n\t  Vendor-#0x%x", g4(nd, bp + BP_VEND));
}
