/* LMP, the Link Management Protocol (RFC 4204, with OIF UNI 1.0's
 * service config object; UDP 701 or -T lmp), as tcpdump 4.99 prints it:
 * the message type without -v, the objects with it. */
#include <string.h>

#include "dissect-int.h"

static const struct tok lmp_hdr_flags[] = {
	{ 0x01, "Control Channel Down" }, { 0x02, "LMP restart" }, { 0, NULL }
};
static const struct tok lmp_te_flags[] = {
	{ 0x01, "Fault Management Supported" }, { 0x02, "Link Verification Supported" },
	{ 0, NULL }
};
static const struct tok lmp_dl_flags[] = {
	{ 0x01, "Data Link Port" }, { 0x02, "Allocated for user traffic" },
	{ 0x04, "Failed link" }, { 0, NULL }
};
static const struct tok lmp_ch_status[] = {
	{ 1, "Signal Okay" }, { 2, "Signal Degraded" }, { 3, "Signal Fail" }, { 0, NULL }
};
static const struct tok lmp_bv_flags[] = {
	{ 0x0001, "Verify all links" }, { 0x0002, "Data link type" }, { 0, NULL }
};
static const struct tok lmp_bv_errors[] = {
	{ 0x01, "Link Verification Procedure Not supported" }, { 0x02, "Unwilling to verify" },
	{ 0x04, "Unsupported verification transport mechanism" },
	{ 0x08, "Link-Id configuration error" }, { 0x10, "Unknown object c-type" }, { 0, NULL }
};
static const struct tok lmp_ls_errors[] = {
	{ 0x01, "Unacceptable non-negotiable LINK-SUMMARY parameters" },
	{ 0x02, "Renegotiate LINK-SUMMARY parameters" }, { 0x04, "Invalid TE-LINK Object" },
	{ 0x08, "Invalid DATA-LINK Object" }, { 0x10, "Unknown TE-LINK Object c-type" },
	{ 0x20, "Unknown DATA-LINK Object c-type" }, { 0, NULL }
};
static const struct tok lmp_sp_flags[] = {
	{ 0x01, "RSVP Supported" }, { 0x02, "LDP Supported" }, { 0, NULL }
};
static const struct tok lmp_tp_flags[] = {
	{ 0x01, "Path/VC Overhead Transparency Supported" },
	{ 0x02, "Line/MS Overhead Transparency Supported" },
	{ 0x04, "Section/RS Overhead Transparency Supported" }, { 0, NULL }
};
static const struct tok lmp_cct_flags[] = {
	{ 0x01, "Contiguous Concatenation Types Supported" }, { 0, NULL }
};
static const struct tok lmp_nsa_tp_flags[] = {
	{ 0x01, "Standard SOH/RSOH Transparency Supported" },
	{ 0x02, "Standard LOH/MSOH Transparency Supported" }, { 0, NULL }
};
static const struct tok lmp_tcm_flags[] = {
	{ 0x01, "Transparent Tandem Connection Monitoring Supported" }, { 0, NULL }
};
static const struct tok lmp_div_flags[] = {
	{ 0x01, "Node Diversity Supported" }, { 0x02, "Link Diversity Supported" },
	{ 0x04, "SRLG Diversity Supported" }, { 0, NULL }
};
static const struct tok lmp_link_types[] = {
	{ 5, "SDH ITU-T G.707" }, { 6, "SONET ANSI T1.105" }, { 0, NULL }
};
static const struct tok lmp_sdh_signals[] = {
	{ 5, "VC-3" }, { 6, "VC-4" }, { 7, "STM-0" }, { 8, "STM-1" }, { 9, "STM-4" },
	{ 10, "STM-16" }, { 11, "STM-64" }, { 12, "STM-256" }, { 0, NULL }
};
static const struct tok lmp_sonet_signals[] = {
	{ 5, "STS-1 SPE" }, { 6, "STS-3c SPE" }, { 7, "STS-1" }, { 8, "STM-3" },
	{ 9, "STM-12" }, { 10, "STM-48" }, { 11, "STM-192" }, { 12, "STM-768" }, { 0, NULL }
};

static const struct tok lmp_msgs[] = {
	{ 1, "Config" }, { 2, "Config ACK" }, { 3, "Config NACK" }, { 4, "Hello" },
	{ 5, "Begin Verify" }, { 6, "Begin Verify ACK" }, { 7, "Begin Verify NACK" },
	{ 8, "End Verify" }, { 9, "End Verify ACK" }, { 10, "Test" },
	{ 11, "Test Status Success" }, { 12, "Test Status Failure" }, { 13, "Test Status ACK" },
	{ 14, "Link Summary" }, { 15, "Link Summary ACK" }, { 16, "Link Summary NACK" },
	{ 17, "Channel Status" }, { 18, "Channel Status ACK" }, { 19, "Channel Status Request" },
	{ 20, "Channel Status Response" }, { 50, "Service Config" }, { 51, "Service Config ACK" },
	{ 52, "Service Config NACK" }, { 0, NULL }
};

static const struct tok lmp_objs[] = {
	{ 1, "Control Channel ID" }, { 2, "Node ID" }, { 3, "Link ID" }, { 4, "Interface ID" },
	{ 5, "Message ID" }, { 6, "Configuration" }, { 7, "Hello" }, { 8, "Verify Begin" },
	{ 9, "Verify Begin ACK" }, { 10, "Verify ID" }, { 11, "TE Link" }, { 12, "Data Link" },
	{ 13, "Channel Status" }, { 14, "Channel Status Request" }, { 20, "Error Code" },
	{ 51, "Service Config" }, { 0, NULL }
};

/* class << 8 | c-type */
static const struct tok lmp_ctypes[] = {
	{ 0x101, "Local" }, { 0x102, "Remote" }, { 0x201, "Local" }, { 0x202, "Remote" },
	{ 0x301, "IPv4 Local" }, { 0x302, "IPv4 Remote" }, { 0x303, "IPv6 Local" },
	{ 0x304, "IPv6 Remote" }, { 0x305, "Unnumbered Local" }, { 0x306, "Unnumbered Remote" },
	{ 0x401, "IPv4 Local" }, { 0x402, "IPv4 Remote" }, { 0x403, "IPv6 Local" },
	{ 0x404, "IPv6 Remote" }, { 0x405, "Unnumbered Local" }, { 0x406, "Unnumbered Remote" },
	{ 0x501, "1" }, { 0x502, "2" }, { 0x601, "1" }, { 0x701, "1" }, { 0x801, "1" },
	{ 0x901, "1" }, { 0xa01, "1" }, { 0xb01, "IPv4" }, { 0xb02, "IPv6" },
	{ 0xb03, "Unnumbered" }, { 0xc01, "IPv4" }, { 0xc02, "IPv6" }, { 0xc03, "Unnumbered" },
	{ 0xd01, "IPv4" }, { 0xd02, "IPv6" }, { 0xd03, "Unnumbered" }, { 0xe01, "IPv4" },
	{ 0xe02, "IPv6" }, { 0xe03, "Unnumbered" }, { 0x1401, "1" }, { 0x1402, "2" },
	{ 0x3301, "1" }, { 0x3302, "2" }, { 0x3303, "3" }, { 0x3304, "4" }, { 0, NULL }
};

/* " (not correct for object)" when the value's length is wrong: 1 */
static int lmp_badlen(struct nd *nd, int bad)
{
	if (bad)
		P(" (not correct for object)");
	return bad;
}

/* "\n\t    WHAT: FLAGS" with tcpdump's bit names */
static void lmp_bits(struct nd *nd, const char *what, const struct tok *t, unsigned v)
{
	P("%s", what);
	bits_print(nd, t, "none", v, ", ");
}

static float lmp_float(uint32_t i)
{
	float f;
	memcpy(&f, &i, 4);
	return f;
}

/* An identifier as an address (af 4 or 6) or a number (0), with its
 * first 32 bits in hex */
static void lmp_id(struct nd *nd, const char *what, const uint8_t *p, int af)
{
	char buf[46];

	if (af == 4)
		P("%s%s (0x%08x)", what, ip4_str(nd, p, buf), g4(nd, p));
	else if (af == 6)
		P("%s%s (0x%08x)", what, ip6_str(nd, p, buf), g4(nd, p));
	else
		P("%s%u (0x%08x)", what, g4(nd, p), g4(nd, p));
}

/* A data link's subobjects: 1 when an unknown one asks for a hex dump */
static int lmp_subobjs(struct nd *nd, const uint8_t *obj, int total, int off)
{
	while (total > 0) {
		unsigned type = g1(nd, obj + off), len = g1(nd, obj + off + 1);

		P("\n\t    Subobject, Type: %s (%u), Length: %u",
		  type == 1 ? "Interface Switching Type" : type == 2 ? "Wavelength" : "Unknown",
		  type, len);
		if (len < 4) {
			P(" (too short)");
			break;
		}
		if (len % 4) {
			P(" (not a multiple of 4)");
			break;
		}
		if (total < (int)len) {
			P(" (goes past the end of the object)");
			break;
		}
		if (type == 1) {
			unsigned sw = g1(nd, obj + off + 2), enc = g1(nd, obj + off + 3);
			P("\n\t      Switching Type: %s (%u)", tok_or(te_switch_caps, sw, "Unknown"), sw);
			P("\n\t      Encoding Type: %s (%u)", tok_or(te_encodings, enc, "Unknown"), enc);
			P("\n\t      Min Reservable Bandwidth: %.3f Mbps",
			  lmp_float(g4(nd, obj + off + 4)) * 8 / 1000000);
			P("\n\t      Max Reservable Bandwidth: %.3f Mbps",
			  lmp_float(g4(nd, obj + off + 8)) * 8 / 1000000);
		} else if (type == 2) {
			P("\n\t      Wavelength: %u", g4(nd, obj + off + 4));
		} else {
			return 1;
		}
		total -= (int)len;
		off += (int)len;
	}
	return 0;
}

/* Channel status (pairs of an id and a status word) or channel status
 * request (ids) entries: step bytes each, the id idlen bytes long */
static void lmp_channels(struct nd *nd, const uint8_t *p, unsigned tlen, int af, int status)
{
	unsigned idlen = af == 6 ? 16 : 4, step = idlen + (status ? 4 : 0), off;

	for (off = 0; off + step <= tlen; off += step) {
		lmp_id(nd, "\n\t    Interface ID: ", p + off, af);
		if (!status)
			continue;
		uint32_t w = g4(nd, p + off + idlen);
		P("\n\t\t    Active: %s (%u)", w >> 31 ? "Allocated" : "Non-allocated", w >> 31);
		w = g4(nd, p + off + idlen);
		P("\n\t\t    Direction: %s (%u)", w >> 30 & 1 ? "Transmit" : "Receive", w >> 30 & 1);
		w = g4(nd, p + off + idlen);
		P("\n\t\t    Channel Status: %s (%u)",
		  tok_or(lmp_ch_status, w & 0x3ffffff, "Unknown"), w & 0x3ffffff);
	}
}

/* The address family a c-type of TE link, data link and channel objects
 * means: 4, 6 or 0 (unnumbered); -1 for an unknown one */
static int lmp_af(unsigned ct)
{
	return ct == 1 ? 4 : ct == 2 ? 6 : ct == 3 ? 0 : -1;
}

/* An object's value: 1 when it should be hex-dumped */
static int lmp_obj(struct nd *nd, unsigned cls, unsigned ct, const uint8_t *p, unsigned tlen)
{
	int af;

	switch (cls) {
	case 1:	/* control channel id */
	case 2:	/* node id */
		if (ct != 1 && ct != 2)
			return 1;
		if (!lmp_badlen(nd, tlen != 4))
			lmp_id(nd, cls == 1 ? "\n\t    Control Channel ID: " : "\n\t    Node ID: ", p,
			       cls == 1 ? 0 : 4);
		return 0;
	case 3: case 4:	/* link and interface id */
		if (ct < 1 || ct > 6)
			return 1;
		af = ct <= 2 ? 4 : ct <= 4 ? 6 : 0;
		if (!lmp_badlen(nd, tlen != (af == 6 ? 16u : 4u)))
			lmp_id(nd, af == 4 ? "\n\t    IPv4 Link ID: " : af == 6 ? "\n\t    IPv6 Link ID: "
					   : "\n\t    Link ID: ", p, af);
		return 0;
	case 5:	/* message id */
		if (ct != 1 && ct != 2)
			return 1;
		if (!lmp_badlen(nd, tlen != 4))
			lmp_id(nd, ct == 1 ? "\n\t    Message ID: " : "\n\t    Message ID Ack: ", p, 0);
		return 0;
	case 6:	/* config */
		if (ct != 1)
			return 1;
		if (!lmp_badlen(nd, tlen != 4))
			P("\n\t    Hello Interval: %u\n\t    Hello Dead Interval: %u", g2(nd, p),
			  g2(nd, p + 2));
		return 0;
	case 7:	/* hello */
		if (ct != 1)
			return 1;
		if (!lmp_badlen(nd, tlen != 8))
			P("\n\t    Tx Seq: %u, Rx Seq: %u", g4(nd, p), g4(nd, p + 4));
		return 0;
	case 11:	/* TE link */
	case 12:	/* data link */
		af = lmp_af(ct);
		if (af < 0)
			return 1;
		{
			unsigned need = af == 6 ? 36 : 12;
			if (lmp_badlen(nd, cls == 11 ? tlen != need : tlen < need))
				return 0;
			lmp_bits(nd, "\n\t    Flags: [", cls == 11 ? lmp_te_flags : lmp_dl_flags,
				 g1(nd, p));
			P("]");
			lmp_id(nd, cls == 11 ? "\n\t    Local Link-ID: " : "\n\t    Local Interface ID: ",
			       p + 4, af);
			lmp_id(nd, cls == 11 ? "\n\t    Remote Link-ID: "
					     : "\n\t    Remote Interface ID: ", p + (af == 6 ? 20 : 8), af);
			if (cls == 12)
				return lmp_subobjs(nd, p, (int)(tlen - need), (int)need);
		}
		return 0;
	case 8:	/* verify begin */
		if (ct != 1)
			return 1;
		if (lmp_badlen(nd, tlen != 20))
			return 0;
		lmp_bits(nd, "\n\t    Flags: ", lmp_bv_flags, g2(nd, p));
		P("\n\t    Verify Interval: %u", g2(nd, p + 2));
		P("\n\t    Data links: %u", g4(nd, p + 4));
		P("\n\t    Encoding type: %s", tok_or(te_encodings, g1(nd, p + 8), "Unknown"));
		{
			unsigned m = g2(nd, p + 10);
			P("\n\t    Verify Transport Mechanism: %u (0x%x)%s", m, m,
			  m & 8000 ? " (Payload test messages capable)" : "");
		}
		P("\n\t    Transmission Rate: %.3f Mbps", lmp_float(g4(nd, p + 12)) * 8 / 1000000);
		P("\n\t    Wavelength: %u", g4(nd, p + 16));
		return 0;
	case 9:	/* verify begin ack */
		if (ct != 1)
			return 1;
		if (!lmp_badlen(nd, tlen != 4))
			P("\n\t    Verify Dead Interval: %u\n\t    Verify Transport Response: %u",
			  g2(nd, p), g2(nd, p + 2));
		return 0;
	case 10:	/* verify id */
		if (ct != 1)
			return 1;
		if (!lmp_badlen(nd, tlen != 4))
			P("\n\t    Verify ID: %u", g4(nd, p));
		return 0;
	case 13:	/* channel status */
	case 14:	/* channel status request */
		af = lmp_af(ct);
		if (af < 0)
			return 1;
		lmp_channels(nd, p, tlen, af, cls == 13);
		return 0;
	case 20:	/* error code */
		if (ct != 1 && ct != 2)
			return 1;
		if (!lmp_badlen(nd, tlen != 4))
			lmp_bits(nd, "\n\t    Error Code: ", ct == 1 ? lmp_bv_errors : lmp_ls_errors,
				 g4(nd, p));
		return 0;
	case 51:	/* service config */
		switch (ct) {
		case 1:
			if (lmp_badlen(nd, tlen != 4))
				return 0;
			lmp_bits(nd, "\n\t Flags: ", lmp_sp_flags, g1(nd, p));
			P("\n\t  UNI Version: %u", g1(nd, p + 1));
			return 0;
		case 2: {
			unsigned lt, sig;
			if (lmp_badlen(nd, tlen != 16))
				return 0;
			lt = g1(nd, p);
			P("\n\t Link Type: %s (%u)", tok_or(lmp_link_types, lt, "Unknown"), lt);
			if (lt == 5 || lt == 6) {
				sig = g1(nd, p + 1);
				P("\n\t Signal Type: %s (%u)",
				  tok_or(lt == 5 ? lmp_sdh_signals : lmp_sonet_signals, sig, "Unknown"),
				  sig);
			}
			lmp_bits(nd, "\n\t Transparency: ", lmp_tp_flags, g1(nd, p + 2));
			lmp_bits(nd, "\n\t Contiguous Concatenation Types: ", lmp_cct_flags,
				 g1(nd, p + 3));
			P("\n\t Minimum NCC: %u", g2(nd, p + 4));
			P("\n\t Maximum NCC: %u", g2(nd, p + 6));
			P("\n\t Minimum NVC:%u", g2(nd, p + 8));
			P("\n\t Maximum NVC:%u", g2(nd, p + 10));
			lmp_id(nd, "\n\t    Local Interface ID: ", p + 12, 4);
			return 0;
		}
		case 3:
			if (lmp_badlen(nd, tlen != 8))
				return 0;
			lmp_bits(nd, "\n\t Transparency Flags: ", lmp_nsa_tp_flags, g4(nd, p));
			lmp_bits(nd, "\n\t TCM Monitoring Flags: ", lmp_tcm_flags, g1(nd, p + 7));
			return 0;
		case 4:
			if (lmp_badlen(nd, tlen != 4))
				return 0;
			lmp_bits(nd, "\n\t Diversity: Flags: ", lmp_div_flags, g1(nd, p + 3));
			return 0;
		default:
			return 1;
		}
	default:
		if (nd->o->vflag <= 1)
			unknown_data_print(nd, p, "\n\t    ", (int)tlen);
		return 0;
	}
}

void lmp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned ver, tlen, type;
	char b[32];

	nd->proto = "lmp";
	gcheck(nd, p, 8);
	ver = g2(nd, p) >> 12;
	if (ver != 1) {
		P("LMP version %u packet not supported", ver);
		return;
	}
	type = g1(nd, p + 3);
	if (!nd->o->vflag) {
		P("LMPv%u %s Message, length: %u", ver,
		  tok2str(lmp_msgs, "unknown (%u)", type, b, sizeof(b)), len);
		return;
	}
	tlen = g2(nd, p + 4);
	P("\n\tLMPv%u, msg-type: %s, Flags: [", ver,
	  tok2str(lmp_msgs, "unknown, type: %u", type, b, sizeof(b)));
	bits_print(nd, lmp_hdr_flags, "none", g1(nd, p + 2), ", ");
	P("], length: %u", tlen);
	if (tlen < 8) {
		P(" (too short)");
		return;
	}
	if (tlen > len) {
		P(" (too long)");
		tlen = len;
	}
	p += 8;
	tlen -= 8;
	while (tlen > 0) {
		unsigned olen = g2(nd, p + 2), ct = g1(nd, p) & 0x7f, cls = g1(nd, p + 1);
		int hex;

		P("\n\t  %s Object (%u), Class-Type: %s (%u) Flags: [%snegotiable], length: %u",
		  tok_or(lmp_objs, cls, "Unknown"), cls, tok_or(lmp_ctypes, cls << 8 | ct, "Unknown"),
		  ct, g1(nd, p) & 0x80 ? "" : "non-", olen);
		if (olen < 4) {
			P(" (too short)");
			return;
		}
		if (olen % 4) {
			P(" (not a multiple of 4)");
			return;
		}
		gcheck(nd, p, olen);
		hex = lmp_obj(nd, cls, ct, p + 4, olen - 4);
		if (nd->o->vflag > 1 || hex)
			unknown_data_print(nd, p + 4, "\n\t    ", (int)(olen - 4));
		if (tlen < olen) {
			P(" [remaining objects length %u < %u] (invalid)", tlen, olen);
			break;
		}
		p += olen;
		tlen -= olen;
	}
}
