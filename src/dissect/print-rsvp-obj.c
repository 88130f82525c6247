/* RSVP object values with sub-structure (for print-rsvp.c): IntServ
 * parameters (RFC 2210/2215), explicit and recorded routes (RFC 3209),
 * session attributes, OIF generalized UNI, fast reroute (RFC 4090),
 * Juniper properties, integrity (RFC 2747) and label sets (RFC 3473). */
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdlib.h>
#include <string.h>

#include "rsvp-int.h"

static const struct tok service_types[] = {
	{ 1, "Default/Global Information" }, { 2, "Guaranteed Service" },
	{ 5, "Controlled Load" }, { 0, NULL }
};

static const struct tok intserv_params[] = {
	{ 4, "IS hop cnt" }, { 6, "Path b/w estimate" }, { 8, "Minimum path latency" },
	{ 10, "Composed MTU" }, { 127, "Token Bucket TSpec" }, { 130, "Guaranteed Service RSpec" },
	{ 133, "End-to-end composed value for C" }, { 134, "End-to-end composed value for D" },
	{ 135, "Since-last-reshaping point composed C" },
	{ 136, "Since-last-reshaping point composed D" }, { 0, NULL }
};

static const struct tok xro_types[] = {
	{ 0, "Reserved" }, { 1, "IPv4 prefix" }, { 2, "IPv6 prefix" }, { 3, "Label" },
	{ 32, "Autonomous system number" }, { 64, "MPLS label switched path termination" },
	{ 0, NULL }
};

static const struct tok rro_flags[] = {
	{ 0x01, "Local protection available" }, { 0x02, "Local protection in use" },
	{ 0x04, "Bandwidth protection" }, { 0x08, "Node protection" }, { 0, NULL }
};

static const struct tok rro_label_flags[] = { { 0x01, "Global" }, { 0, NULL } };

static const struct tok session_flags[] = {
	{ 0x01, "Local Protection" }, { 0x02, "Label Recording" }, { 0x04, "SE Style" },
	{ 0x08, "Bandwidth protection" }, { 0x10, "Node protection" }, { 0, NULL }
};

static const struct tok prop_tlvs[] = {
	{ 0x01, "Cos" }, { 0x02, "Metric 1" }, { 0x04, "Metric 2" }, { 0x08, "CCC Status" },
	{ 0x10, "Path Type" }, { 0, NULL }
};

static const struct tok uni_subobjs[] = {
	{ 1, "Source TNA address" }, { 2, "Destination TNA address" }, { 3, "Diversity" },
	{ 4, "Egress label" }, { 5, "Service level" }, { 0, NULL }
};

static const struct tok label_set_actions[] = {
	{ 0, "Inclusive list" }, { 1, "Exclusive list" }, { 2, "Inclusive range" },
	{ 3, "Exclusive range" }, { 0, NULL }
};

static const struct tok integrity_flags[] = { { 0x80, "Handshake" }, { 0, NULL } };

/* An IEEE float (bytes/s) over a divisor, in float arithmetic as tcpdump. */
static double rsvp_float(struct nd *nd, const uint8_t *p, float div)
{
	uint32_t bits = g4(nd, p);
	float f;

	memcpy(&f, &bits, sizeof(f));
	return (double)(f / div);
}

/* One IntServ parameter with n bytes left: its length, 0 to stop. */
static unsigned intserv_param(struct nd *nd, const uint8_t *p, unsigned n)
{
	unsigned id, len, v;

	if (n < 4)
		return 0;
	id = g1(nd, p);
	len = (unsigned)g2(nd, p + 2) << 2;
	P("\n\t      Parameter ID: %s (%u), length: %u, Flags: [0x%02x]",
	  tok_or(intserv_params, id, "unknown"), id, len, g1(nd, p + 1));
	if (n < len + 4)
		return 0;
	switch (id) {
	case 4:
		if (len == 4)
			P("\n\t\tIS hop count: %u", g4(nd, p + 4));
		break;
	case 6:
		if (len == 4)
			P("\n\t\tPath b/w estimate: %.10g Mbps", rsvp_float(nd, p + 4, 125000));
		break;
	case 8:
		if (len == 4) {
			P("\n\t\tMinimum path latency: ");
			if ((v = g4(nd, p + 4)) == 0xffffffff)
				P("don't care");
			else
				P("%u", v);
		}
		break;
	case 10:
		if (len == 4)
			P("\n\t\tComposed MTU: %u bytes", g4(nd, p + 4));
		break;
	case 127:
		if (len != 20)
			break;
		if (!nd_ok(nd, p + 4, 20)) {
			nd_trunc(nd);
			return 0;
		}
		P("\n\t\tToken Bucket Rate: %.10g Mbps", rsvp_float(nd, p + 4, 125000));
		P("\n\t\tToken Bucket Size: %.10g bytes", rsvp_float(nd, p + 8, 1));
		P("\n\t\tPeak Data Rate: %.10g Mbps", rsvp_float(nd, p + 12, 125000));
		P("\n\t\tMinimum Policed Unit: %u bytes", g4(nd, p + 16));
		P("\n\t\tMaximum Packet Size: %u bytes", g4(nd, p + 20));
		break;
	case 130:
		if (len != 8)
			break;
		if (!nd_ok(nd, p + 4, 8)) {
			nd_trunc(nd);
			return 0;
		}
		P("\n\t\tRate: %.10g Mbps", rsvp_float(nd, p + 4, 125000));
		P("\n\t\tSlack Term: %u", g4(nd, p + 8));
		break;
	case 133: case 134: case 135: case 136:
		if (len == 4)
			P("\n\t\tValue: %u", g4(nd, p + 4));
		break;
	default:
		if (nd->o->vflag <= 1)
			unknown_data_print(nd, p + 4, "\n\t\t", (int)len);
		break;
	}
	return len + 4;
}

enum rsvp_res rsvp_intserv(struct nd *nd, struct rsvp_obj *o)
{
	const uint8_t *p = o->p;
	unsigned n = o->n, slen, k;

	if (o->ctype != 2)
		return R_HEX;
	if (n < 4)
		return R_SHORT;
	P("%s  Msg-Version: %u, length: %u", o->ind, (g1(nd, p) & 0xf0) >> 4,
	  (unsigned)g2(nd, p + 2) << 2);
	p += 4;
	n -= 4;
	while (n >= 4) {
		slen = (unsigned)g2(nd, p + 2) << 2;
		P("%s  Service Type: %s (%u), break bit %sset, Service length: %u", o->ind,
		  tok_or(service_types, g1(nd, p), "unknown"), p[0], g1(nd, p + 1) & 0x80 ? "" : "not ",
		  slen);
		p += 4;
		n -= 4;
		while (slen >= 4 && (k = intserv_param(nd, p, n)) != 0) {
			n -= k;
			slen -= k;
			p += k;
		}
	}
	return R_OK;
}

enum rsvp_res rsvp_xro(struct nd *nd, struct rsvp_obj *o)
{
	const uint8_t *p = o->p;
	unsigned n = o->n, len, type;
	char b[46];

	if (o->ctype != 1)
		return R_HEX;
	while (n >= 4) {
		if (!nd_ok(nd, p, 4))
			return R_TRUNC;
		len = p[1];
		type = p[0] & 0x7f;
		P("%s  Subobject Type: %s, length %u", o->ind, tok2str(xro_types, "Unknown %u", type, b, sizeof(b)),
		  len);
		if (n < len) {
			P("%s  ERROR: ERO subobject length > object length", o->ind);
			break;
		}
		if (len == 0) {
			P("%s  ERROR: zero length ERO subtype", o->ind);
			break;
		}
		if (type == 1 || type == 3) {
			if (len != 8) {
				P(" ERROR: length != 8");
				return R_INVALID;
			}
			if (!nd_ok(nd, p, 8))
				return R_TRUNC;
		}
		if (type == 1) {
			if (p[6] != 32) {
				P(" ERROR: Prefix length %u != 32", p[6]);
				return R_INVALID;
			}
			P(", %s, %s/%u, Flags: [", p[0] & 0x80 ? "Loose" : "Strict", ip4_str(nd, p + 2, b), p[6]);
			bits_print(nd, rro_flags, "none", p[7], ", ");
			P("]");
		} else if (type == 3) {
			P(", Flags: [");
			bits_print(nd, rro_label_flags, "none", p[2], ", ");
			P("] (%#x), Class-Type: %s (%u), %u", p[2], tok_or(rsvp_ctypes, 21u << 8 | p[3], "Unknown"),
			  p[3], g4(nd, p + 4));
		}
		n -= len;
		p += len;
	}
	return R_OK;
}

enum rsvp_res rsvp_session_attr(struct nd *nd, struct rsvp_obj *o)
{
	const uint8_t *p = o->p;
	unsigned namelen, i;

	if (o->ctype != 7)
		return R_HEX;
	if (o->n < 4)
		return R_SHORT;
	namelen = g1(nd, p + 3);
	if (o->n < 4 + namelen)
		return R_SHORT;
	P("%s  Session Name: ", o->ind);
	for (i = 0; i < namelen; i++)
		char_print(nd, g1(nd, p + 4 + i));
	P("%s  Setup Priority: %u, Holding Priority: %u, Flags: [", o->ind, g1(nd, p), g1(nd, p + 1));
	bits_print(nd, session_flags, "none", g1(nd, p + 2), ", ");
	P("] (%#x)", p[2]);
	return R_OK;
}

enum rsvp_res rsvp_uni(struct nd *nd, struct rsvp_obj *o)
{
	const uint8_t *p = o->p;
	unsigned n = o->n, left, len, type, af, v;
	enum rsvp_res res = R_OK;
	char b[46];

	if (o->ctype != 1)
		return R_HEX;
	if (n < 4)
		return R_SHORT;
	for (left = n; left > 0; left -= len, p += len) {
		if (left < 4)
			return R_INVALID;
		len = g2(nd, p);
		type = g1(nd, p + 2);
		af = g1(nd, p + 3);
		P("%s  Subobject Type: %s (%u), AF: %s (%u), length: %u", o->ind,
		  tok_or(uni_subobjs, type, "Unknown"), type, tok_or(af_names, af, "Unknown"), af, len);
		if (len < 4 || len > left || n < len)
			return R_INVALID;
		switch (type) {
		case 1:
		case 2:
			if (af == 1) {
				if (len < 8)
					return R_SUBSHORT;
				P("%s    UNI IPv4 TNA address: %s", o->ind, ip4_str(nd, p + 4, b));
			} else if (af == 2) {
				if (len < 20)
					return R_SUBSHORT;
				P("%s    UNI IPv6 TNA address: %s", o->ind, ip6_str(nd, p + 4, b));
			} else if (af == 3) {
				res = R_HEX;
			}
			break;
		case 3:
			if (len > 4)
				res = R_HEX;
			break;
		case 4:
			if (len < 16)
				return R_SUBSHORT;
			v = g4(nd, p + 4);
			P("%s    U-bit: %x, Label type: %u, Logical port id: %u, Label: %u", o->ind, v >> 31,
			  v & 0xff, g4(nd, p + 8), g4(nd, p + 12));
			break;
		case 5:
			if (len < 8)
				return R_SUBSHORT;
			P("%s    Service level: %u", o->ind, g4(nd, p + 4) >> 24);
			break;
		default:
			res = R_HEX;
			break;
		}
		/* sic: tcpdump grows the object length as it goes */
		n += len;
	}
	return res;
}

enum rsvp_res rsvp_frr(struct nd *nd, struct rsvp_obj *o)
{
	const uint8_t *p = o->p;

	if (o->ctype != 1 && o->ctype != 7)
		return R_HEX;
	if (o->n < (o->ctype == 1 ? 20u : 16u))
		return R_SHORT;
	P("%s  Setup Priority: %u, Holding Priority: %u, Hop-limit: %u, Bandwidth: %.10g Mbps", o->ind,
	  g1(nd, p), g1(nd, p + 1), g1(nd, p + 2), te_mbps(g4(nd, p + 4)));
	if (o->ctype == 1)
		P("%s  Include-any: 0x%08x, Exclude-any: 0x%08x, Include-all: 0x%08x", o->ind,
		  g4(nd, p + 8), g4(nd, p + 12), g4(nd, p + 16));
	else
		P("%s  Include Colors: 0x%08x, Exclude Colors: 0x%08x", o->ind, g4(nd, p + 8),
		  g4(nd, p + 12));
	return R_OK;
}

enum rsvp_res rsvp_props(struct nd *nd, struct rsvp_obj *o)
{
	const uint8_t *p = o->p;
	unsigned n = o->n, pad, tl;

	if (o->ctype != 1)
		return R_HEX;
	if (n < 4)
		return R_SHORT;
	pad = g2(nd, p + 2);
	P("%s  TLV count: %u, padding bytes: %u", o->ind, g2(nd, p), pad);
	p += 4;
	n -= 4;
	while (n >= 2 + pad) {
		tl = g1(nd, p + 1);
		P("%s    %s TLV (0x%02x), length: %u", o->ind, tok_or(prop_tlvs, p[0], "unknown"), p[0], tl);
		if (n < tl)
			return R_SHORT;
		if (tl < 2) {
			P("%sERROR: property TLV is too short", o->ind);
			return R_FAIL;
		}
		unknown_data_print(nd, p + 2, "\n\t\t", (int)tl - 2);
		n -= tl;
		p += tl;
	}
	return R_OK;
}

/* RFC 2747: the HMAC-MD5 under the -M secret of the message with a zero
 * checksum and digest. */
static const char *integrity_check(struct nd *nd, struct rsvp_obj *o, const uint8_t *hdr,
				   const uint8_t *digest)
{
	const char *key = nd->o->sigsecret;
	uint8_t mac[EVP_MAX_MD_SIZE], *copy;
	unsigned maclen = 0, i;
	int ok;

	if (!key || !nd_ok(nd, o->msg, o->plen) || !nd_ok(nd, digest, 16) ||
	    digest + 16 > o->msg + o->plen)
		return "unchecked";
	copy = malloc(o->plen ? o->plen : 1);
	if (!copy)
		return "can't allocate memory";
	memcpy(copy, o->msg, o->plen);
	memset(copy + (digest - o->msg), 0, 16);
	copy[hdr - o->msg + 2] = 0;
	copy[hdr - o->msg + 3] = 0;
	ok = HMAC(EVP_md5(), key, (int)strlen(key), copy, o->plen, mac, &maclen) != NULL &&
	     maclen == 16;
	free(copy);
	if (ok && memcmp(mac, digest, 16) == 0)
		return "valid";
	/* tcpdump shows the digest it computed */
	for (i = 0; ok && i < 16; i++)
		P("%02x", mac[i]);
	return "invalid";
}

enum rsvp_res rsvp_integrity(struct nd *nd, struct rsvp_obj *o, const uint8_t *hdr)
{
	const uint8_t *p = o->p;

	if (o->ctype != 1)
		return R_HEX;
	if (o->n < 32)
		return R_SHORT;
	P("%s  Key-ID 0x%04x%08x, Sequence 0x%08x%08x, Flags [", o->ind, g2(nd, p + 2), g4(nd, p + 4),
	  g4(nd, p + 8), g4(nd, p + 12));
	bits_print(nd, integrity_flags, "none", g1(nd, p), ", ");
	P("]%s  MD5-sum 0x%08x%08x%08x%08x ", o->ind, g4(nd, p + 16), g4(nd, p + 20), g4(nd, p + 24),
	  g4(nd, p + 28));
	P(" (%s)", integrity_check(nd, o, hdr, p + 16));
	return R_OK;
}

enum rsvp_res rsvp_label_set(struct nd *nd, struct rsvp_obj *o)
{
	const uint8_t *p = o->p;
	unsigned n = o->n, action, sub;

	if (o->ctype != 1)
		return R_HEX;
	if (n < 4)
		return R_SHORT;
	action = g1(nd, p);
	P("%s  Action: %s (%u), Label type: %u", o->ind, tok_or(label_set_actions, action, "Unknown"),
	  action, g4(nd, p) & 0x7f);
	if (action == 2 || action == 3) {
		if (n < 12)
			return R_SHORT;
		P("%s  Start range: %u, End range: %u", o->ind, g4(nd, p + 4), g4(nd, p + 8));
		return R_OK;
	}
	for (n -= 4, p += 4, sub = 1; n >= 4; n -= 4, p += 4, sub++)
		P("%s  Subchannel #%u: %u", o->ind, sub, g4(nd, p));
	return R_OK;
}
