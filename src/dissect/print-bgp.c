/* BGP (TCP port 179), as tcpdump 4.99.3 prints it: ": BGP", and with -v
 * every message of the segment: OPEN with its capabilities, UPDATE with
 * withdrawn routes, path attributes (print-bgp-attr.c, multiprotocol
 * routes in print-bgp-nlri.c) and IPv4 routes, NOTIFICATION, KEEPALIVE
 * and ROUTE-REFRESH. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bgp-int.h"

#define BGP_HDR 19
#define BGP_OPEN_LEN 29
#define BGP_NOTIF_LEN 21
#define BGP_RR_LEN 23

enum { BGP_OPEN = 1, BGP_UPDATE, BGP_NOTIFICATION, BGP_KEEPALIVE, BGP_ROUTE_REFRESH };

static const struct tok msg_types[] = {
	{ 1, "Open" }, { 2, "Update" }, { 3, "Notification" }, { 4, "Keepalive" },
	{ 5, "Route Refresh" }, { 0, NULL }
};
/* IANA address family numbers (tcpdump's af_values): BGP, LLDP, CFM */
const struct tok af_names[] = {
	{ 0, "Reserved" }, { 1, "IPv4" }, { 2, "IPv6" }, { 3, "NSAP" }, { 4, "HDLC" },
	{ 5, "BBN 1822" }, { 6, "802" }, { 7, "E.163" }, { 8, "E.164" }, { 9, "F.69" },
	{ 10, "X.121" }, { 11, "Novell IPX" }, { 12, "Appletalk" }, { 13, "Decnet IV" },
	{ 14, "Banyan Vines" }, { 15, "E.164 with NSAP subaddress" },
	{ 196, "Layer-2 VPN" }, { 25, "VPLS" }, { 0, NULL }
};
const struct tok bgp_safis[] = {
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
const char *bgp_as_str(const struct nd *nd, uint32_t as, char *buf)
{
	if (nd->o->bflag && as > 0xffff)
		snprintf(buf, 12, "%u.%u", as >> 16, as & 0xffff);
	else
		snprintf(buf, 12, "%u", as);
	return buf;
}

static void afi_safi(struct nd *nd, const char *pre, unsigned afi, unsigned safi)
{
	P("%sAFI %s (%u), SAFI %s (%u)", pre, tok_or(af_names, afi, "Unknown"), afi,
	  tok_or(bgp_safis, safi, "Unknown"), safi);
}

static void caps_print(struct nd *nd, const uint8_t *opt, uint32_t caps_len)
{
	char asb[12];
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
			P("\n\t\t 4 Byte AS %s", bgp_as_str(nd, g4(nd, c), asb));
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
	char asb[12];
	const uint8_t *opt = dat + BGP_OPEN_LEN;
	uint32_t optslen, i = 0;
	char a[16];

	if (!nd_ok(nd, dat, BGP_OPEN_LEN) || length < BGP_OPEN_LEN) {
		nd_trunc(nd);
		return;
	}
	P("\n\t  Version %u, ", dat[19]);
	P("my AS %s, ", bgp_as_str(nd, g2(nd, dat + 20), asb));
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

/* IPv4 prefixes (withdrawn or updated) until *len is used up; total
 * shrinks with it.  0 when cut short (truncation printed). */
static int routes_print(struct nd *nd, const uint8_t **pp, uint32_t *len, uint32_t *total,
			int withdrawn)
{
	int ap = bgp_add_path_guess(nd, *pp, *len, 32);
	const uint8_t *p = *pp;
	char buf[BGP_NLRI_BUF];
	uint32_t id = 0;
	int n;

	while (*len) {
		if (ap) {
			if (withdrawn && *len < 4) {
				/* tcpdump skips them */
				p += *len;
				*total -= *len;
				break;
			}
			if (!nd_ok(nd, p, 4) || *len < 4)
				goto trunc;
			id = g4(nd, p);
			p += 4;
			*total -= 4;
			if (withdrawn)
				*len -= 4;
		}
		n = bgp_prefix(nd, p, *len, buf, 32);
		if (n == -1) {
			P("\n\t    (illegal prefix length)");
			break;
		}
		if (n == -2)
			goto trunc;
		P("\n\t    %s", buf);
		if (ap)
			P("   Path Id: %u", id);
		p += n;
		*total -= (uint32_t)n;
		if (withdrawn)
			*len -= (uint32_t)n;
	}
	*pp = p;
	return 1;
trunc:
	nd_trunc(nd);
	return 0;
}

static void update_print(struct nd *nd, const uint8_t *dat, uint32_t length)
{
	const uint8_t *p = dat + BGP_HDR;
	uint32_t wlen, alen;

	if (length < BGP_HDR)
		goto trunc;
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
		if (!routes_print(nd, &p, &wlen, &length, 1))
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
		if (length < alen || !bgp_attrs_print(nd, &p, alen, &length))
			goto trunc;
	}
	if (length) {
		P("\n\t  Updated routes:");
		routes_print(nd, &p, &length, &length, 0);
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
			rest = (uint8_t)(cl + 1);	/* tcpdump keeps it in a byte */
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
