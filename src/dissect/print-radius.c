/* RADIUS (RFC 2865, 2866 accounting, 2868 tunnels, 2869 extensions,
 * 3162 IPv6, 4675 VLANs, 5176 dynamic authorization, 5447, 5580), as
 * tcpdump 4.99.3 prints it: code, id and length; with -v the authenticator
 * and the attributes with their values decoded, and with -vv each value in
 * hex as well. */
#include <arpa/inet.h>
#include <string.h>

#include "radius-int.h"

#define RADIUS_HDR_LEN 20

static const struct tok radius_codes[] = {
	{ 1, "Access-Request" }, { 2, "Access-Accept" }, { 3, "Access-Reject" },
	{ 4, "Accounting-Request" }, { 5, "Accounting-Response" },
	{ 11, "Access-Challenge" }, { 12, "Status-Server" }, { 13, "Status-Client" },
	{ 40, "Disconnect-Request" }, { 41, "Disconnect-ACK" },
	{ 42, "Disconnect-NAK" }, { 43, "CoA-Request" }, { 44, "CoA-ACK" },
	{ 45, "CoA-NAK" }, { 255, "Reserved" },
	{ 0, NULL }
};

/* RFC 4675 tag octet of Egress-VLANID and Egress-VLAN-Name */
static const struct tok vlan_tags[] = { { 0x31, "Tagged" }, { 0x32, "Untagged" }, { 0, NULL } };

/* ------------------------------------------------------------------ EAP */

/* ---------------------------------------------------------- attributes */

static void tag_print(struct nd *nd, unsigned tag)
{
	if (tag)
		P("Tag[%u] ", tag);
	else
		P("Tag[Unused] ");
}

/* Text up to the first NUL, '.' for what is not printable ASCII. */
static void text_print(struct nd *nd, const uint8_t *p, unsigned len)
{
	unsigned i;

	for (i = 0; i < len && g1(nd, p + i); i++)
		P("%c", p[i] >= 0x20 && p[i] < 0x7f ? p[i] : '.');
}

static void attr_string(struct nd *nd, const uint8_t *p, unsigned len, unsigned code)
{
	char b[32];

	if (!nd_ok(nd, p, len)) {
		nd_trunc(nd);
		return;
	}
	switch (code) {
	case RA_TUNNEL_PASSWORD:
		if (len < 3) {
			nd_trunc(nd);
			return;
		}
		tag_print(nd, p[0] <= 0x1f ? p[0] : 0);
		P("Salt %u ", g2(nd, p + 1));
		p += 3;
		len -= 3;
		break;
	case RA_TUNNEL_CLIENT_END:
	case RA_TUNNEL_SERVER_END:
	case RA_TUNNEL_PRIV_GROUP:
	case RA_TUNNEL_ASSIGN_ID:
	case RA_TUNNEL_CLIENT_AUTH:
	case RA_TUNNEL_SERVER_AUTH:
		if (p[0] <= 0x1f) {	/* a tag, not the text's first octet */
			tag_print(nd, p[0]);
			p++;
			len--;
		}
		break;
	case RA_EGRESS_VLAN_NAME:
		P("%s (0x%02x) ", tok2str(vlan_tags, "Unknown tag", p[0], b, sizeof(b)), p[0]);
		p++;
		len--;
		break;
	case RA_EAP_MESSAGE:
		eap_print(nd, p, len);
		return;
	}
	text_print(nd, p, len);
}

static void vendor_print(struct nd *nd, const uint8_t *p, unsigned len)
{
	unsigned id, type, alen;

	if (len < 4) {
		nd_trunc(nd);
		return;
	}
	id = g4(nd, p);
	P("Vendor: %s (%u)", tok_or(rad_vendors, id, "Unknown"), id);
	p += 4;
	len -= 4;
	while (len >= 2) {
		type = g1(nd, p);
		alen = g1(nd, p + 1);
		if (alen < 2) {
			P("\n\t    Vendor Attribute: %u, Length: %u (bogus, must be >= 2)", type, alen);
			return;
		}
		if (alen > len) {
			P("\n\t    Vendor Attribute: %u, Length: %u (bogus, goes past end of vendor-specific attribute)",
			  type, alen);
			return;
		}
		p += 2;
		alen -= 2;
		len -= 2;
		if (!nd_ok(nd, p, alen)) {
			nd_trunc(nd);
			return;
		}
		P("\n\t    Vendor Attribute: %u, Length: %u, Value: ", type, alen);
		for (; alen > 0; alen--, p++, len--)
			P("%c", *p >= 0x20 && *p < 0x7f ? *p : '.');
	}
}

/* Seconds as tcpdump shows timeouts and durations. */
static void secs_print(struct nd *nd, uint32_t t)
{
	if (t < 60)
		P("%02u secs", t);
	else if (t < 3600)
		P("%02u:%02u min", t / 60, t % 60);
	else
		P("%02u:%02u:%02u hours", t / 3600, t % 3600 / 60, t % 60);
}

static void attr_num(struct nd *nd, const uint8_t *p, unsigned len, unsigned code)
{
	const struct rad_attr_type *t = &rad_types[code];
	char b[32];
	uint32_t v;

	if (len != 4) {
		P("ERROR: length %u != 4", len);
		return;
	}
	if (t->nvals) {
		if (code == RA_TUNNEL_TYPE || code == RA_TUNNEL_MEDIUM) {
			tag_print(nd, g1(nd, p));
			v = g3(nd, p + 1);
		} else {
			v = g4(nd, p);
		}
		if (v >= t->first && v < t->nvals)
			P("%s", t->vals[v]);
		else
			P("#%u", v);
		return;
	}
	/* the special cases fetch what they need as they print */
	switch (code) {
	case RA_FRAMED_IPX:
		v = g4(nd, p);
		if (v == 0xfffffffe)
			P("NAS Select");
		else
			P("%u", v);
		break;
	case RA_SESSION_TIMEOUT:
	case RA_IDLE_TIMEOUT:
	case RA_ACCT_DELAY:
	case RA_ACCT_SESSION_TIME:
	case RA_ACCT_INTERIM:
		secs_print(nd, g4(nd, p));
		break;
	case RA_ATALK_LINK:
		v = g4(nd, p);
		if (v)
			P("%u", v);
		else
			P("Unnumbered");
		break;
	case RA_ATALK_NETWORK:
		v = g4(nd, p);
		if (v)
			P("%u", v);
		else
			P("NAS assigned");
		break;
	case RA_TUNNEL_PREFERENCE:
		tag_print(nd, g1(nd, p));
		P("%u", g3(nd, p + 1));
		break;
	case RA_EGRESS_VLANID:
		v = g1(nd, p);
		P("%s (0x%02x) ", tok2str(vlan_tags, "Unknown tag", v, b, sizeof(b)), v);
		P("%u", g3(nd, p + 1));
		break;
	default:
		P("%u", g4(nd, p));
		break;
	}
}

static void attr_addr4(struct nd *nd, const uint8_t *p, unsigned len, unsigned code)
{
	char b[16];
	uint32_t v;

	if (len != 4) {
		P("ERROR: length %u != 4", len);
		return;
	}
	v = g4(nd, p);
	if ((code == RA_FRAMED_IP || code == RA_LOGIN_IP_HOST) && v == 0xffffffff)
		P("User Selected");
	else if ((code == RA_FRAMED_IP || code == RA_LOGIN_IP_HOST) && v == 0xfffffffe)
		P("NAS Select");
	else
		P("%s", ip4_str(nd, p, b));
}

/* Framed-IPv6-Prefix and Delegated-IPv6-Prefix: the prefix is sent
 * without its trailing zero octets. */
static void attr_prefix6(struct nd *nd, const uint8_t *p, unsigned len)
{
	uint8_t a[16];
	char b[INET6_ADDRSTRLEN];
	unsigned plen;

	if (len < 2 || len > 18) {
		P("ERROR: length %u not in range (2..18)", len);
		return;
	}
	if (!nd_ok(nd, p, len)) {
		nd_trunc(nd);
		return;
	}
	plen = p[1];
	if (plen > 128) {
		P("ERROR: netmask %u not in range (0..128)", plen);
		return;
	}
	memset(a, 0, sizeof(a));
	memcpy(a, p + 2, len - 2);
	if (!inet_ntop(AF_INET6, a, b, sizeof(b)))
		strcpy(b, "?");
	P("%s/%u", b, plen);
	if (plen > 8 * (len - 2))
		P(" (inconsistent prefix length)");
}

static void value_print(struct nd *nd, const uint8_t *p, unsigned len, unsigned code)
{
	char b[46];

	switch (rad_types[code].kind) {
	case RK_STRING:
		attr_string(nd, p, len, code);
		break;
	case RK_NUM:
		attr_num(nd, p, len, code);
		break;
	case RK_ADDR4:
		attr_addr4(nd, p, len, code);
		break;
	case RK_ADDR6:
		if (len != 16)
			P("ERROR: length %u != 16", len);
		else
			P("%s", ip6_str(nd, p, b));
		break;
	case RK_PREFIX6:
		attr_prefix6(nd, p, len);
		break;
	case RK_VENDOR:
		vendor_print(nd, p, len);
		break;
	case RK_TIME:
		rad_attr_time(nd, p, len);
		break;
	case RK_STRANGE:
		rad_attr_strange(nd, p, len, code);
		break;
	case RK_VECTOR64:
		rad_attr_vector64(nd, p, len);
		break;
	case RK_HOMEPFX:
		rad_attr_homepfx(nd, p, len);
		break;
	case RK_OPNAME:
		rad_attr_opname(nd, p, len);
		break;
	case RK_LOCINFO:
		rad_attr_locinfo(nd, p, len);
		break;
	case RK_LOCDATA:
		rad_attr_locdata(nd, p, len);
		break;
	case RK_BLPR:
		rad_attr_blpr(nd, p, len);
		break;
	default:
		break;
	}
}

static void attrs_print(struct nd *nd, const uint8_t *p, unsigned length)
{
	unsigned type, len;

	while (length > 0) {
		if (length < 2 || !nd_ok(nd, p, 2)) {
			nd_trunc(nd);
			return;
		}
		type = p[0];
		len = p[1];
		P("\n\t  %s Attribute (%u), length: %u",
		  type != 0 && type < RAD_NTYPES ? rad_types[type].name : "Unknown", type, len);
		if (len < 2) {
			P(" (bogus, must be >= 2)");
			return;
		}
		if (len > length) {
			P(" (bogus, goes past end of packet)");
			return;
		}
		P(", Value: ");
		if (type < RAD_NTYPES && len > 2)
			value_print(nd, p + 2, len - 2, type);
		if (nd->o->vflag > 1)
			unknown_data_print(nd, p + 2, "\n\t    ", (int)len - 2);
		length -= len;
		p += len;
	}
}

void radius_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	char b[32];
	unsigned len, code, i;

	nd->proto = "radius";
	if (!nd_ok(nd, p, RADIUS_HDR_LEN)) {
		nd_trunc(nd);
		return;
	}
	len = (unsigned)p[2] << 8 | p[3];
	if (len < RADIUS_HDR_LEN) {
		nd_trunc(nd);
		return;
	}
	if (len > length)
		len = length;
	code = p[0];
	if (!nd->o->vflag) {
		P("RADIUS, %s (%u), id: 0x%02x length: %u",
		  tok2str(radius_codes, "Unknown Command", code, b, sizeof(b)), code, p[1], len);
		return;
	}
	P("RADIUS, length: %u\n\t%s (%u), id: 0x%02x, Authenticator: ", len,
	  tok2str(radius_codes, "Unknown Command", code, b, sizeof(b)), code, p[1]);
	for (i = 0; i < 16; i++)
		P("%02x", p[4 + i]);
	if (len > RADIUS_HDR_LEN)
		attrs_print(nd, p + RADIUS_HDR_LEN, len - RADIUS_HDR_LEN);
}
