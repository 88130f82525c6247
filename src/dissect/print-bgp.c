/* BGP (TCP port 179), as tcpdump prints it: ": BGP", and with -v every
 * message of the segment: OPEN with its capabilities, UPDATE with
 * withdrawn routes, path attributes and IPv4 routes, NOTIFICATION,
 * KEEPALIVE and ROUTE-REFRESH.  The attributes decoded are the base ones
 * (RFC 4271, communities, route reflection, 4-byte AS); others, such as
 * multiprotocol reachability, are shown in hex. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "dissect-int.h"

#define BGP_HDR 19
#define BGP_OPEN_LEN 29
#define BGP_NOTIF_LEN 21
#define BGP_RR_LEN 23

enum { BGP_OPEN = 1, BGP_UPDATE, BGP_NOTIFICATION, BGP_KEEPALIVE, BGP_ROUTE_REFRESH };

static const struct tok msg_types[] = {
	{ 1, "Open" }, { 2, "Update" }, { 3, "Notification" }, { 4, "Keepalive" },
	{ 5, "Route Refresh" }, { 0, NULL }
};
static const struct tok afis[] = {
	{ 0, "Reserved" }, { 1, "IPv4" }, { 2, "IPv6" }, { 3, "NSAP" }, { 4, "HDLC" },
	{ 5, "BBN 1822" }, { 6, "802" }, { 7, "E.163" }, { 8, "E.164" }, { 9, "F.69" },
	{ 10, "X.121" }, { 11, "Novell IPX" }, { 12, "Appletalk" }, { 13, "Decnet IV" },
	{ 14, "Banyan Vines" }, { 15, "E.164 with NSAP subaddress" },
	{ 196, "Layer-2 VPN" }, { 25, "VPLS" }, { 0, NULL }
};
static const struct tok safis[] = {
	{ 0, "Reserved" }, { 1, "Unicast" }, { 2, "Multicast" }, { 3, "Unicast+Multicast" },
	{ 4, "labeled Unicast" }, { 64, "Tunnel" }, { 65, "VPLS" }, { 66, "MDT" },
	{ 70, "EVPN" }, { 128, "labeled VPN Unicast" }, { 129, "labeled VPN Multicast" },
	{ 130, "labeled VPN Unicast+Multicast" }, { 132, "Route Target Routing Information" },
	{ 5, "Multicast VPN" }, { 0, NULL }
};
static const struct tok caps[] = {
	{ 1, "Multiprotocol Extensions" }, { 2, "Route Refresh" },
	{ 3, "Cooperative Route Filtering" }, { 4, "Multiple Routes to a Destination" },
	{ 5, "Extended Next Hop Encoding" }, { 8, "Multiple Labels" },
	{ 64, "Graceful Restart" }, { 65, "32-Bit AS Number" }, { 67, "Dynamic Capability" },
	{ 68, "Multisession BGP" }, { 69, "Multiple Paths" }, { 70, "Enhanced Route Refresh" },
	{ 71, "Long-lived Graceful Restart" }, { 128, "Route Refresh (Cisco)" }, { 0, NULL }
};
static const struct tok addpath_dirs[] = {
	{ 1, "Receive" }, { 2, "Send" }, { 3, "Both" }, { 0, NULL }
};
static const struct tok attrs[] = {
	{ 1, "Origin" }, { 2, "AS Path" }, { 17, "AS4 Path" }, { 3, "Next Hop" },
	{ 4, "Multi Exit Discriminator" }, { 5, "Local Preference" },
	{ 6, "Atomic Aggregate" }, { 7, "Aggregator" }, { 18, "Aggregator4" },
	{ 8, "Community" }, { 9, "Originator ID" }, { 10, "Cluster List" }, { 11, "DPA" },
	{ 12, "Advertisers" }, { 13, "RCID Path / Cluster ID" },
	{ 14, "Multi-Protocol Reach NLRI" }, { 15, "Multi-Protocol Unreach NLRI" },
	{ 16, "Extended Community" }, { 22, "PMSI Tunnel" }, { 23, "Tunnel Encapsulation" },
	{ 24, "Traffic Engineering" }, { 25, "IPv6 Extended Community" },
	{ 26, "Accumulated IGP Metric" }, { 27, "PE Distinguisher Label" },
	{ 28, "Entropy Label" }, { 32, "Large Community" }, { 128, "Attribute Set" },
	{ 255, "Reserved for development" }, { 0, NULL }
};
static const struct tok origins[] = { { 0, "IGP" }, { 1, "EGP" }, { 2, "Incomplete" }, { 0, NULL } };
/* AS path segments: how a set, sequence or confederation opens and closes */
static const struct tok seg_open[] = {
	{ 2, "" }, { 1, "{ " }, { 3, "( " }, { 4, "({ " }, { 0, NULL }
};
static const struct tok seg_close[] = {
	{ 2, "" }, { 1, "}" }, { 3, ")" }, { 4, "})" }, { 0, NULL }
};
static const struct tok notif_major[] = {
	{ 1, "Message Header Error" }, { 2, "OPEN Message Error" },
	{ 3, "UPDATE Message Error" }, { 4, "Hold Timer Expired" },
	{ 5, "Finite State Machine Error" }, { 6, "Cease" },
	{ 7, "Capability Message Error" }, { 0, NULL }
};
static const struct tok notif_msg[] = {
	{ 1, "Connection Not Synchronized" }, { 2, "Bad Message Length" },
	{ 3, "Bad Message Type" }, { 0, NULL }
};
static const struct tok notif_open[] = {
	{ 1, "Unsupported Version Number" }, { 2, "Bad Peer AS" },
	{ 3, "Bad BGP Identifier" }, { 4, "Unsupported Optional Parameter" },
	{ 5, "Authentication Failure" }, { 6, "Unacceptable Hold Time" },
	{ 7, "Capability Message Error" }, { 0, NULL }
};
static const struct tok notif_update[] = {
	{ 1, "Malformed Attribute List" }, { 2, "Unrecognized Well-known Attribute" },
	{ 3, "Missing Well-known Attribute" }, { 4, "Attribute Flags Error" },
	{ 5, "Attribute Length Error" }, { 6, "Invalid ORIGIN Attribute" },
	{ 7, "AS Routing Loop" }, { 8, "Invalid NEXT_HOP Attribute" },
	{ 9, "Optional Attribute Error" }, { 10, "Invalid Network Field" },
	{ 11, "Malformed AS_PATH" }, { 0, NULL }
};
static const struct tok notif_fsm[] = {
	{ 0, "Unspecified Error" }, { 1, "In OpenSent State" },
	{ 2, "In OpenConfirm State" }, { 3, "In Established State" }, { 0, NULL }
};
static const struct tok notif_cap[] = {
	{ 1, "Invalid Action Value" }, { 2, "Invalid Capability Length" },
	{ 3, "Malformed Capability Value" }, { 4, "Unsupported Capability Code" },
	{ 0, NULL }
};
static const struct tok notif_cease[] = {
	{ 1, "Maximum Number of Prefixes Reached" }, { 2, "Administrative Shutdown" },
	{ 3, "Peer Unconfigured" }, { 4, "Administrative Reset" },
	{ 5, "Connection Rejected" }, { 6, "Other Configuration Change" },
	{ 7, "Connection Collision Resolution" }, { 0, NULL }
};

/* "AFI IPv4 (1), SAFI Unicast (1)" */
static void afi_safi(struct nd *nd, const char *pre, unsigned afi, unsigned safi)
{
	P("%sAFI %s (%u), SAFI %s (%u)", pre, tok_or(afis, afi, "Unknown"), afi,
	  tok_or(safis, safi, "Unknown"), safi);
}

static void caps_print(struct nd *nd, const uint8_t *opt, uint32_t caps_len)
{
	uint32_t i = 0, off, left;

	while (i < caps_len) {
		unsigned type, len;
		const uint8_t *c = opt + i + 2;

		if (!nd_ok(nd, opt + i, 2)) {
			nd_trunc(nd);
			return;
		}
		type = opt[i];
		len = opt[i + 1];
		P("\n\t      %s (%u), length: %u", tok_or(caps, type, "Unknown"), type, len);
		if (!nd_ok(nd, c, len)) {
			nd_trunc(nd);
			return;
		}
		switch (type) {
		case 1:
			if (len < 4) {
				P(" (too short, < 4)");
				return;
			}
			afi_safi(nd, "\n\t\t", g2(nd, c), c[3]);
			break;
		case 8:
			for (off = 0, left = len; left >= 4; left -= 4, off += 4) {
				afi_safi(nd, "\n\t\t", g2(nd, c + off), c[off + 2]);
				P(", Count: %u", c[off + 3]);
			}
			break;
		case 64:
			if (len < 2) {
				P(" (too short, < 2)");
				return;
			}
			P("\n\t\tRestart Flags: [%s], Restart Time %us",
			  (c[0] & 0x80) ? "R" : "none", g2(nd, c) & 0xfff);
			for (off = 2, left = len - 2; left >= 4; left -= 4, off += 4) {
				afi_safi(nd, "\n\t\t  ", g2(nd, c + off), c[off + 2]);
				P(", Forwarding state preserved: %s",
				  (c[off + 3] & 0x80) ? "yes" : "no");
			}
			break;
		case 2: case 71: case 128:
			break;
		case 65:
			if (len < 4) {
				P(" (too short, < 4)");
				return;
			}
			P("\n\t\t 4 Byte AS %u", g4(nd, c));
			break;
		case 69:
			if (!len) {
				P(" (bogus)");
				break;
			}
			for (off = 0, left = len; left; left -= 4, off += 4) {
				char b[24];

				if (left < 4) {
					P(" (invalid)");
					break;
				}
				afi_safi(nd, "\n\t\t", g2(nd, c + off), c[off + 2]);
				P(", Send/Receive: %s", tok2str(addpath_dirs, "Bogus (0x%02x)",
							      c[off + 3], b, sizeof(b)));
			}
			break;
		default:
			P("\n\t\tno decoder for Capability %u", type);
			if (nd->o->vflag <= 1)
				unknown_data_print(nd, c, "\n\t\t", (int)len);
			break;
		}
		if (nd->o->vflag > 1 && len)
			unknown_data_print(nd, c, "\n\t\t", (int)len);
		i += 2 + len;
	}
}

static void open_print(struct nd *nd, const uint8_t *dat, uint32_t length)
{
	const uint8_t *opt = dat + BGP_OPEN_LEN;
	uint32_t optslen, i = 0;
	char a[16];

	if (!nd_ok(nd, dat, BGP_OPEN_LEN) || length < BGP_OPEN_LEN) {
		nd_trunc(nd);
		return;
	}
	P("\n\t  Version %u, ", dat[19]);
	P("my AS %u, ", g2(nd, dat + 20));
	P("Holdtime %us, ", g2(nd, dat + 22));
	P("ID %s", ip4_str(nd, dat + 24, a));
	optslen = dat[28];
	P("\n\t  Optional parameters, length: %u", optslen);
	length -= BGP_OPEN_LEN;
	while (i < optslen) {
		unsigned type, len;

		if (!nd_ok(nd, opt + i, 2) || length < 2 + i) {
			nd_trunc(nd);
			return;
		}
		type = opt[i];
		len = opt[i + 1];
		if (2 + i + len > optslen) {
			P("\n\t     Option %u, length: %u, goes past the end of the options",
			  type, len);
			break;
		}
		P("\n\t    Option %s (%u), length: %u",
		  type == 1 ? "Authentication Information" :
		  type == 2 ? "Capabilities Advertisement" : "Unknown", type, len);
		if (type == 2)
			caps_print(nd, opt + i + 2, len);
		else
			P("\n\t      no decoder for option %u", type);
		i += 2 + len;
	}
}

/* An IPv4 prefix: its length in bits, then only the bytes that count.
 * Returns the bytes used, -1 for a length over 32, -2 when itemlen is
 * too short. */
static int prefix4(struct nd *nd, const uint8_t *p, uint32_t itemlen, char *buf)
{
	uint8_t addr[4] = { 0 };
	unsigned plen, nb;

	if (itemlen < 1)
		return -2;
	plen = g1(nd, p);
	if (plen > 32)
		return -1;
	nb = (plen + 7) / 8;
	if (itemlen - 1 < nb)
		return -2;
	gcheck(nd, p + 1, nb);
	memcpy(addr, p + 1, nb);
	if (plen % 8)
		addr[nb - 1] &= (uint8_t)(0xff00 >> (plen % 8));
	snprintf(buf, 24, "%u.%u.%u.%u/%u", addr[0], addr[1], addr[2], addr[3], plen);
	return (int)(1 + nb);
}

/* RFC 7911 path ids can only be guessed from the data: they fit, and
 * the plain reading does not. */
static int add_path_guess(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint32_t off;
	unsigned pl;

	if (length < 5)
		return 0;
	for (off = 0; off < length;) {
		off += 4;
		if (!nd_ok(nd, p + off, 1))
			break;
		pl = p[off];
		if (pl > 32)
			return 0;
		off += 1 + (pl + 7) / 8;
	}
	if (off > length)
		return 0;
	for (off = 0; off < length;) {
		if (!nd_ok(nd, p + off, 1))
			break;
		pl = p[off];
		if (pl < 1 || pl > 32)
			return 1;
		off += 1 + (pl + 7) / 8;
	}
	return off > length;
}

/* Prefixes until len is used up; 0 when cut short (truncation printed). */
static int routes_print(struct nd *nd, const uint8_t **pp, uint32_t *len,
			uint32_t *total)
{
	int add_path = add_path_guess(nd, *pp, *len);
	const uint8_t *p = *pp;
	uint32_t id = 0;
	char buf[24];
	int n;

	while (*len) {
		if (add_path) {
			if (*len < 4) {
				if (total == NULL) {
					nd_trunc(nd);
					return 0;
				}
				/* tcpdump skips them, and the length stays
				 * (no End-of-RIB then) */
				p += *len;
				*total -= *len;
				break;
			}
			id = g4(nd, p);
			p += 4;
			*len -= 4;
			if (total)
				*total -= 4;
		}
		n = prefix4(nd, p, *len, buf);
		if (n == -1) {
			P("\n\t    (illegal prefix length)");
			break;
		}
		if (n == -2) {
			nd_trunc(nd);
			return 0;
		}
		P("\n\t    %s", buf);
		if (add_path)
			P("   Path Id: %u", id);
		p += n;
		*len -= (uint32_t)n;
		if (total)
			*total -= (uint32_t)n;
	}
	*pp = p;
	return 1;
}

/* 2-byte AS numbers unless the segments do not add up that way. */
static unsigned as_size(struct nd *nd, unsigned type, const uint8_t *p, uint32_t len)
{
	const uint8_t *t = p;

	if (type == 17)
		return 4;
	while (t < p + len) {
		if (g1(nd, t) < 1 || g1(nd, t) > 4)
			return 4;
		t += 2 + g1(nd, t + 1) * 2;
	}
	return t == p + len ? 2 : 4;
}

/* One attribute's value; 0 when cut short. */
static int attr_print(struct nd *nd, unsigned type, const uint8_t *p, uint32_t len)
{
	const uint8_t *t = p;
	uint32_t i, tl = len;
	char a[16];

	switch (type) {
	case 1:
		if (len != 1)
			P("invalid len");
		else
			P("%s", tok_or(origins, g1(nd, p), "Unknown Origin Typecode"));
		break;
	case 2: case 17: {
		unsigned sz;

		if (len % 2) {
			P("invalid len");
			break;
		}
		if (!len) {
			P("empty");
			break;
		}
		sz = as_size(nd, type, p, len);
		while (t < p + len) {
			unsigned seg = g1(nd, t), n = g1(nd, t + 1);

			P("%s", tok_or(seg_open, seg, "?"));
			for (i = 0; i < n * sz; i += sz) {
				if (!nd_ok(nd, t + 2 + i, sz))
					return 0;
				P("%u ", sz == 2 ? g2(nd, t + 2 + i) : g4(nd, t + 2 + i));
			}
			P("%s", tok_or(seg_close, seg, "?"));
			t += 2 + n * sz;
		}
		break;
	}
	case 3: case 9:
		if (len != 4)
			P("invalid len");
		else
			P("%s", ip4_str(nd, p, a));
		break;
	case 4: case 5:
		if (len != 4)
			P("invalid len");
		else
			P("%u", g4(nd, p));
		break;
	case 6:
		if (len != 0)
			P("invalid len");
		break;
	case 7: case 18:
		if ((type == 7 && len != 6 && len != 8) || (type == 18 && len != 8)) {
			P("invalid len");
			break;
		}
		if (!nd_ok(nd, p, len))
			return 0;
		if (len == 6)
			P(" AS #%u, origin %s", g2(nd, p), ip4_str(nd, p + 2, a));
		else
			P(" AS #%u, origin %s", g4(nd, p), ip4_str(nd, p + 4, a));
		break;
	case 8:
		if (len % 4) {
			P("invalid len");
			break;
		}
		for (; tl; tl -= 4, t += 4) {
			uint32_t c;

			if (!nd_ok(nd, t, 4))
				return 0;
			c = g4(nd, t);
			if (c == 0xffffff01)
				P(" NO_EXPORT");
			else if (c == 0xffffff02)
				P(" NO_ADVERTISE");
			else if (c == 0xffffff03)
				P(" NO_EXPORT_SUBCONFED");
			else
				P("%u:%u%s", c >> 16, c & 0xffff, tl > 4 ? ", " : "");
		}
		break;
	case 10:
		if (len % 4) {
			P("invalid len");
			break;
		}
		for (; tl; tl -= 4, t += 4)
			P("%s%s", ip4_str(nd, t, a), tl > 4 ? ", " : "");
		break;
	default:
		if (!nd_ok(nd, p, len))
			return 0;
		P("\n\t    no Attribute %u decoder", type);
		if (nd->o->vflag <= 1)
			unknown_data_print(nd, p, "\n\t    ", (int)len);
		break;
	}
	if (nd->o->vflag > 1 && len) {
		if (!nd_ok(nd, p, len))
			return 0;
		unknown_data_print(nd, p, "\n\t    ", (int)len);
	}
	return 1;
}

/* The path attributes: each with its name, length and flags. */
static int attrs_print(struct nd *nd, const uint8_t **pp, uint32_t len, uint32_t *length)
{
	const uint8_t *p = *pp;

	while (len) {
		unsigned fl, type, ll;
		uint32_t alen;

		if (!nd_ok(nd, p, 2) || *length < 2)
			return 0;
		if (len < 2) {
			P("\n\t  [path attrs too short]");
			p += len;
			*length -= len;
			break;
		}
		fl = p[0];
		type = p[1];
		p += 2;
		len -= 2;
		*length -= 2;
		ll = (fl & 0x10) ? 2 : 1;
		if (!nd_ok(nd, p, ll) || *length < ll)
			return 0;
		if (len < ll) {
			P("\n\t  [path attrs too short]");
			p += len;
			*length -= len;
			break;
		}
		alen = ll == 2 ? g2(nd, p) : g1(nd, p);
		p += ll;
		len -= ll;
		*length -= ll;
		P("\n\t  %s (%u), length: %u", tok_or(attrs, type, "Unknown Attribute"),
		  type, alen);
		if (fl) {
			P(", Flags [%s%s%s%s", fl & 0x80 ? "O" : "", fl & 0x40 ? "T" : "",
			  fl & 0x20 ? "P" : "", fl & 0x10 ? "E" : "");
			if (fl & 0xf)
				P("+%x", fl & 0xf);
			P("]: ");
		}
		if (len < alen) {
			P(" [path attrs too short]");
			p += len;
			*length -= len;
			break;
		}
		if (*length < alen || !attr_print(nd, type, p, alen))
			return 0;
		p += alen;
		len -= alen;
		*length -= alen;
	}
	*pp = p;
	return 1;
}

static void update_print(struct nd *nd, const uint8_t *dat, uint32_t length)
{
	const uint8_t *p = dat + BGP_HDR;
	uint32_t wlen, alen;

	length -= BGP_HDR;
	if (!nd_ok(nd, p, 2) || length < 2)
		goto trunc;
	wlen = g2(nd, p);
	p += 2;
	length -= 2;
	if (!nd_ok(nd, p, wlen) || length < wlen)
		goto trunc;
	if (wlen > 1) {
		P("\n\t  Withdrawn routes:");
		if (!routes_print(nd, &p, &wlen, &length))
			return;
	} else {
		p += wlen;
		length -= wlen;
	}
	if (!nd_ok(nd, p, 2) || length < 2)
		goto trunc;
	alen = g2(nd, p);
	p += 2;
	length -= 2;
	if (wlen == 0 && alen == 0 && length == 0) {
		P("\n\t  End-of-Rib Marker (empty NLRI)");
		return;
	}
	if (alen) {
		if (length < alen || !attrs_print(nd, &p, alen, &length))
			goto trunc;
	}
	if (length) {
		P("\n\t  Updated routes:");
		routes_print(nd, &p, &length, NULL);
	}
	return;
trunc:
	nd_trunc(nd);
}

static void notification_print(struct nd *nd, const uint8_t *dat, uint32_t length)
{
	static const struct tok *const minors[] = {
		NULL, notif_msg, notif_open, notif_update, NULL, notif_fsm, notif_cease,
		notif_cap
	};
	const uint8_t *t = dat + BGP_NOTIF_LEN;
	unsigned major, minor;

	if (!nd_ok(nd, dat, BGP_NOTIF_LEN)) {
		nd_trunc(nd);
		return;
	}
	if (length < BGP_NOTIF_LEN)
		return;
	major = dat[19];
	minor = dat[20];
	P(", %s (%u)", tok_or(notif_major, major, "Unknown Error"), major);
	if (major == 4 || major < 1 || major > 7)
		return;
	/* tcpdump writes no comma before the FSM and capability subcodes */
	P("%s subcode %s (%u)", major == 5 || major == 7 ? "" : ",",
	  tok_or(minors[major], minor, "Unknown"), minor);
	if (major != 6)
		return;
	if (minor == 1 && length >= BGP_NOTIF_LEN + 7) {
		afi_safi(nd, ", ", g2(nd, t), g1(nd, t + 2));
		P(", Max Prefixes: %u", g4(nd, t + 3));
	}
	if ((minor == 2 || minor == 4) && length >= BGP_NOTIF_LEN + 1) {
		unsigned cl = g1(nd, t), rest = 0;

		if (cl > length - (BGP_NOTIF_LEN + 1)) {
			P(", invalid Shutdown Communication length");
		} else if (cl == 0) {
			P(", empty Shutdown Communication");
			rest = 1;
		} else {
			uint32_t i;

			P(", Shutdown Communication (length: %u): \"", cl);
			for (i = 0; i < cl; i++)
				char_print(nd, g1(nd, t + 1 + i));
			P("\"");
			rest = cl + 1;
		}
		if (length - (rest + BGP_NOTIF_LEN) > 0) {
			P(", Data: (length: %u)", length - (rest + BGP_NOTIF_LEN));
			hexdump_plain(nd, "\n\t\t", t + rest, length - (rest + BGP_NOTIF_LEN), 0);
		}
	}
}

/* 0 when the segment ends inside the message. */
static int pdu_print(struct nd *nd, const uint8_t *dat, uint32_t length)
{
	unsigned type = dat[18];

	P("\n\t%s Message (%u), length: %u", tok_or(msg_types, type, "Unknown"), type, length);
	switch (type) {
	case BGP_OPEN:
		open_print(nd, dat, length);
		break;
	case BGP_UPDATE:
		update_print(nd, dat, length);
		break;
	case BGP_NOTIFICATION:
		notification_print(nd, dat, length);
		break;
	case BGP_KEEPALIVE:
		break;
	case BGP_ROUTE_REFRESH:
		if (!nd_ok(nd, dat, BGP_RR_LEN)) {
			nd_trunc(nd);
			break;
		}
		if (length < BGP_RR_LEN)
			break;
		afi_safi(nd, "\n\t  ", g2(nd, dat + 19), dat[22]);
		if (nd->o->vflag > 1)
			unknown_data_print(nd, dat, "\n\t  ", (int)length);
		break;
	default:
		P("\n\t  no Message %u decoder", type);
		unknown_data_print(nd, dat, "\n\t  ", (int)length);
		break;
	}
	return 1;
}

void bgp_print(struct nd *nd, const uint8_t *dat, uint32_t length)
{
	static const uint8_t marker[16] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	};
	const uint8_t *p = dat, *start = dat;

	(void)length;	/* as tcpdump: the messages run to the end of the data */
	nd->proto = "bgp";
	P(": BGP");
	if (!nd->o->vflag)
		return;
	while (p < nd->snapend) {
		uint32_t hlen;

		if (*p != 0xff) {
			p++;
			continue;
		}
		if (!nd_ok(nd, p, 16))
			break;
		if (memcmp(p, marker, 16)) {
			p++;
			continue;
		}
		if (!nd_ok(nd, p, BGP_HDR)) {
			nd_trunc(nd);
			return;
		}
		if (start != p)
			nd_trunc(nd);
		hlen = g2(nd, p + 16);
		if (hlen < BGP_HDR) {
			P("\nmessage length %u < %u (invalid)", hlen, BGP_HDR);
			break;
		}
		if (!nd_ok(nd, p, hlen)) {
			P("\n[|BGP %s]", tok_or(msg_types, p[18], "Unknown Message Type"));
			break;
		}
		if (!pdu_print(nd, p, hlen))
			return;
		p += hlen;
		start = p;
	}
}
