/* OpenFlow: the common message header, shared helpers and the per-version
 * dispatch (TCP ports 6633 and 6653). */
#include "openflow-int.h"

/* Tables both versions name alike (print-openflow-1.0.c, -1.3.c). */
const struct tok ofp_config_str[] = {
	{ 0, "FRAG_NORMAL" }, { 1, "FRAG_DROP" }, { 2, "FRAG_REASM" }, { 0, NULL }
};
const struct tok ofppr_str[] = {
	{ 0, "ADD" }, { 1, "DELETE" }, { 2, "MODIFY" }, { 0, NULL }
};
const struct tok ofphfc_str[] = { { 0, "INCOMPATIBLE" }, { 1, "EPERM" }, { 0, NULL } };
const struct tok ofpqofc_str[] = {
	{ 0, "BAD_PORT" }, { 1, "BAD_QUEUE" }, { 2, "EPERM" }, { 0, NULL }
};

static const struct tok of_versions[] = {
	{ 0x01, "1.0" }, { 0x02, "1.1" }, { 0x03, "1.2" },
	{ 0x04, "1.3" }, { 0x05, "1.4" }, { 0x06, "1.5" },
	{ 0, NULL }
};

static const struct tok onf_experimenters[] = {
	{ 0x4f4e4600, "ONF Extensions" },
	{ 0xff000001, "Budapest University of Technology and Economics" },
	{ 0xff000002, "NoviFlow" },
	{ 0xff000003, "L3+ Extensions, Vendor Neutral" },
	{ 0xff000004, "L4-L7 Extensions" },
	{ 0xff000005, "Wireless and Mobility Extensions" },
	{ 0xff000006, "Forwarding Abstractions Extensions" },
	{ 0xff000007, "Optical Transport Extensions" },
	{ 0xff000008, "Network Benchmarking Lab, NCTU" },
	{ 0xff000009, "Mobile Packet Core Extensions" },
	{ 0xff00000a, "MPLS-TP OpenFlow Extensions for SPTN" },
	{ 0, NULL }
};

const char *of_vendor_name(uint32_t vendor)
{
	return tok_or((vendor & 0xff000000) == 0 ? oui_names : onf_experimenters,
		      vendor, "unknown");
}

void of_bitmap_print(struct nd *nd, const struct tok *t, uint32_t v, uint32_t u)
{
	if (v & ~u) {
		P(" (");
		bits_print(nd, t, "", v, ", ");
		P(")");
	}
	if (v & u)
		P(" (bogus)");
}

void of_data_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len == 0)
		return;
	P("\n\t data (%u octets)", len);
	if (nd->o->vflag >= 2)
		hexdump_ascii(nd, "\n\t  ", p, len, 0);
	gcheck(nd, p, len);
}

void of_error_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct tok *types,
		    const struct tok *const *codes, size_t ncodes)
{
	char buf[FMTBUF];
	uint16_t type = g2(nd, p), code;

	P("\n\t type %s", TOK(types, "invalid (0x%04x)", type));
	code = g2(nd, p + 2);
	if (type < ncodes)
		P(", code %s", TOK(codes[type], "invalid (0x%04x)", code));
	else
		P(", code invalid (0x%04x)", code);
	of_data_print(nd, p + 4, len - 4);
}

void of_invalid(struct nd *nd)
{
	P(" (invalid)");
}

/* One message body after its header: check the length rule, then decode
 * with -v. */
static void of_body_print(struct nd *nd, const uint8_t *p, uint32_t len,
			  const struct of_msgtype *mt)
{
	if (mt) {
		if ((mt->req == OF_FIXLEN && len != mt->reqlen) ||
		    (mt->req == OF_MINLEN && len < mt->reqlen))
			of_invalid(nd);
		else if (nd->o->vflag && mt->decode) {
			mt->decode(nd, p, len);
			return;
		}
	}
	gcheck(nd, p, len);
}

void openflow_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[32];

	nd->proto = "openflow";
	P(": OpenFlow");
	while (len) {
		const struct of_msgtype *mt;
		uint8_t ver, type;
		uint16_t mlen;

		ver = g1(nd, p);
		p++, len--;
		P("\n\tversion %s", tok2str(of_versions, "unknown (0x%02x)", ver, buf, sizeof(buf)));
		if (len < 1)
			goto partial;
		type = g1(nd, p);
		p++, len--;
		mt = ver == 0x01 ? of10_msgtype(type) :
		     ver == 0x04 ? of13_msgtype(type) : NULL;
		if (mt && mt->name)
			P(", type %s", mt->name);
		else
			P(", type unknown (0x%02x)", type);
		if (len < 2)
			goto partial;
		mlen = g2(nd, p);
		p += 2, len -= 2;
		P(", length %u%s", mlen, mlen < OF_HDR_LEN ? " (too short!)" : "");
		if (len < 4)
			goto partial;
		P(", xid 0x%08x", g4(nd, p));
		p += 4, len -= 4;
		if (mlen < OF_HDR_LEN) {
			of_invalid(nd);
			gcheck(nd, p, len);
			return;
		}
		of_body_print(nd, p, mlen - OF_HDR_LEN, mt);
		if (mlen - OF_HDR_LEN > len)
			break;
		p += mlen - OF_HDR_LEN;
		len -= mlen - OF_HDR_LEN;
	}
	return;
partial:
	P(" (end of TCP payload)");
	gcheck(nd, p, len);
}
