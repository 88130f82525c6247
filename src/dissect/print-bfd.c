/* BFD (RFC 5880/5881 version 1, the draft's version 0, multihop RFC 5883,
 * micro-BFD on LAG members RFC 7130), as tcpdump 4.99.3 prints it: the
 * state and flags in one line, with -v the timers, discriminators and the
 * authentication section; echo packets as a hex dump with -v. */
#include "dissect-int.h"

#define BFD_CONTROL 3784
#define BFD_ECHO 3785
#define BFD_MULTIHOP 4784
#define BFD_LAG 6784

#define BFD_HDR_LEN 24
#define BFD_AUTH_PRESENT 0x04

static const struct tok diags[] = {
	{ 0, "No Diagnostic" }, { 1, "Control Detection Time Expired" },
	{ 2, "Echo Function Failed" }, { 3, "Neighbor Signaled Session Down" },
	{ 4, "Forwarding Plane Reset" }, { 5, "Path Down" },
	{ 6, "Concatenated Path Down" }, { 7, "Administratively Down" },
	{ 8, "Reverse Concatenated Path Down" }, { 0, NULL }
};

static const struct tok port_kinds[] = {
	{ BFD_CONTROL, "Control" }, { BFD_MULTIHOP, "Multihop" }, { BFD_LAG, "Lag" },
	{ 0, NULL }
};

static const struct tok v0_flags[] = {
	{ 0x80, "I Hear You" }, { 0x40, "Demand" }, { 0x20, "Poll" }, { 0x10, "Final" },
	{ 0x08, "Control Plane Independent" }, { BFD_AUTH_PRESENT, "Authentication Present" },
	{ 0x02, "Reserved" }, { 0x01, "Reserved" }, { 0, NULL }
};

static const struct tok v1_flags[] = {
	{ 0x20, "Poll" }, { 0x10, "Final" }, { 0x08, "Control Plane Independent" },
	{ BFD_AUTH_PRESENT, "Authentication Present" }, { 0x02, "Demand" },
	{ 0x01, "Multipoint" }, { 0, NULL }
};

static const struct tok states[] = {
	{ 0, "AdminDown" }, { 1, "Down" }, { 2, "Init" }, { 3, "Up" }, { 0, NULL }
};

static const struct tok auth_types[] = {
	{ 1, "Simple Password" }, { 2, "Keyed MD5" }, { 3, "Meticulous Keyed MD5" },
	{ 4, "Keyed SHA1" }, { 5, "Meticulous Keyed SHA1" }, { 0, NULL }
};

/* The authentication section after the fixed header. */
static void auth_print(struct nd *nd, const uint8_t *p)
{
	unsigned type, alen, hlen, i;
	const char *what;

	gcheck(nd, p, 4);
	type = p[0];
	alen = p[1];
	P("\n\tAuthentication: %s (%u), length: %u", tok_or(auth_types, type, "Unknown"),
	  type, alen);
	P("\n\t  Auth Key ID: %u", p[2]);
	switch (type) {
	case 1:
		/* type, length and key id, then 1 to 16 bytes of password */
		if (alen < 4 || alen > 19) {
			P("[invalid length %u]", alen);
			return;
		}
		P(", Password: ");
		chars_print_j(nd, p + 3, alen - 3);
		return;
	case 2:
	case 3:
		hlen = 16;
		what = "Digest";
		break;
	case 4:
	case 5:
		hlen = 20;
		what = "Hash";
		break;
	default:
		return;
	}
	if (alen != hlen + 8) {
		P("[invalid length %u]", alen);
		return;
	}
	P(", Sequence Number: 0x%08x", g4(nd, p + 4));
	gcheck(nd, p + 8, hlen);
	P("\n\t  %s: ", what);
	for (i = 0; i < hlen; i++)
		P("%02x", p[8 + i]);
}

static void control_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned port)
{
	unsigned version, diag, flags, mult;
	uint32_t tx;
	char b[24];

	gcheck(nd, p, BFD_HDR_LEN);
	version = p[0] >> 5;
	diag = p[0] & 0x1f;
	flags = p[1];
	if (version > 1) {
		P("BFDv%u, Control, length: %u", version, len);
		if (nd->o->vflag)
			unknown_data_print(nd, p, "\n\t", (int)len);
		return;
	}
	if (!nd->o->vflag) {
		if (version == 0) {
			P("BFDv0, Control, Flags: [");
			bits_print(nd, v0_flags, "none", flags, ", ");
		} else {
			P("BFDv1, %s, State %s, Flags: [",
			  tok2str(port_kinds, "unknown (%u)", port, b, sizeof(b)),
			  tok_or(states, flags >> 6, ""));
			bits_print(nd, v1_flags, "none", flags & 0x3f, ", ");
		}
		P("], length: %u", len);
		return;
	}
	if (version == 0) {
		P("BFDv0, length: %u\n\tControl, Flags: [", len);
		bits_print(nd, v0_flags, "none", flags, ", ");
	} else {
		P("BFDv1, length: %u\n\t%s, State %s, Flags: [", len,
		  tok2str(port_kinds, "unknown (%u)", port, b, sizeof(b)),
		  tok_or(states, flags >> 6, ""));
		bits_print(nd, v1_flags, "none", flags & 0x3f, ", ");
	}
	P("], Diagnostic: %s (0x%02x)", tok_or(diags, diag, "unknown"), diag);
	mult = p[2];
	tx = g4(nd, p + 12);
	P("\n\tDetection Timer Multiplier: %u (%u ms Detection time), BFD Length: %u",
	  mult, (uint32_t)(mult * tx) / 1000, p[3]);
	P("\n\tMy Discriminator: 0x%08x, Your Discriminator: 0x%08x",
	  g4(nd, p + 4), g4(nd, p + 8));
	P("\n\t  Desired min Tx Interval:    %4u ms", tx / 1000);
	P("\n\t  Required min Rx Interval:   %4u ms", g4(nd, p + 16) / 1000);
	P("\n\t  Required min Echo Interval: %4u ms", g4(nd, p + 20) / 1000);
	if (flags & BFD_AUTH_PRESENT)
		auth_print(nd, p + BFD_HDR_LEN);
}

void bfd_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t dport)
{
	nd->proto = "bfd";
	switch (dport) {
	case BFD_CONTROL:
	case BFD_MULTIHOP:
	case BFD_LAG:
		control_print(nd, p, len, dport);
		return;
	case BFD_ECHO:
		P("BFD, Echo, length: %u", len);
		break;
	default:
		P("BFD, unknown (%u), length: %u", dport, len);
		break;
	}
	if (nd->o->vflag)
		unknown_data_print(nd, p, "\n\t", (int)len);
}
