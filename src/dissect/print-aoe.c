/* ATA over Ethernet (ethertype 0x88a2, AoE revision 1), as tcpdump 4.99.3
 * prints it: "AoE length N, Ver V" and the header flags; with -v the
 * target, command and tag, then the argument of each of the four
 * commands.  A length too small for what it must hold is " (invalid)",
 * followed by the truncation marker when those bytes were not captured. */
#include "dissect-int.h"

#define AOE_HDR_LEN 10u		/* Ver/Flags to Tag */

static const struct tok commands[] = {
	{ 0, "Issue ATA Command" }, { 1, "Query Config Information" },
	{ 2, "MAC Mask List" }, { 3, "Reserve/Release" }, { 0, NULL }
};

static const struct tok hdr_flags[] = {
	{ 0x08, "Response" }, { 0x04, "Error" }, { 0x02, "MBZ-1" }, { 0x01, "MBZ-0" },
	{ 0, NULL }
};

static const struct tok errors[] = {
	{ 1, "Unrecognized command code" }, { 2, "Bad argument parameter" },
	{ 3, "Device unavailable" }, { 4, "Config string present" },
	{ 5, "Unsupported version" }, { 6, "Target is reserved" }, { 0, NULL }
};

static const struct tok ata_flags[] = {
	{ 0x80, "MBZ-7" }, { 0x40, "Ext48" }, { 0x20, "MBZ-5" }, { 0x10, "Device" },
	{ 0x08, "MBZ-3" }, { 0x04, "MBZ-2" }, { 0x02, "Async" }, { 0x01, "Write" },
	{ 0, NULL }
};

static const struct tok config_cmds[] = {
	{ 0, "read config string" }, { 1, "test config string" },
	{ 2, "test config string prefix" }, { 3, "set config string" },
	{ 4, "force set config string" }, { 0, NULL }
};

static const struct tok mask_cmds[] = {
	{ 0, "Read Mac Mask List" }, { 1, "Edit Mac Mask List" }, { 0, NULL }
};

static const struct tok mask_errors[] = {
	{ 1, "Unspecified Error" }, { 2, "Bad DCmd directive" }, { 3, "Mask list full" },
	{ 0, NULL }
};

static const struct tok directives[] = {
	{ 0, "No Directive" }, { 1, "Add mac address to mask list" },
	{ 2, "Delete mac address from mask list" }, { 0, NULL }
};

static const struct tok reserve_cmds[] = {
	{ 0, "Read reserve list" }, { 1, "Set reserve list" },
	{ 2, "Force set reserve list" }, { 0, NULL }
};

/* " (invalid)", then the rest must have been captured. */
static void invalid(struct nd *nd, const uint8_t *p, uint32_t len)
{
	P(" (invalid)");
	gcheck(nd, p, len);
}

/* Issue ATA Command: 12 bytes of ATA registers, then the sector data. */
static void ata_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned v;
	int i;

	if (len < 12) {
		invalid(nd, p, len);
		return;
	}
	v = g1(nd, p);
	P("\n\tAFlags: [");
	bits_print(nd, ata_flags, "none", v, ", ");
	P("]");
	P(", Err/Feature: %u", g1(nd, p + 1));
	P(", Sector Count: %u", g1(nd, p + 2));
	P(", Cmd/Status: %u", g1(nd, p + 3));
	/* the six bytes of the LBA, lowest first */
	for (i = 0; i < 6; i++)
		P("%slba%d: %u", i ? ", " : "\n\t", i, g1(nd, p + 4 + i));
	gcheck(nd, p + 10, 2);	/* reserved */
	len -= 12;
	if (len)
		P("\n\tData: %u bytes", len);
}

/* Query Config Information: buffer count, firmware, config string. */
static void query_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned v, cslen;

	if (len < 8) {
		invalid(nd, p, len);
		return;
	}
	P("\n\tBuffer Count: %u", g2(nd, p));
	P(", Firmware Version: %u", g2(nd, p + 2));
	P(", Sector Count: %u", g1(nd, p + 4));
	v = g1(nd, p + 5);
	/* tcpdump's format for an unknown CCmd lacks its '%' */
	P(", AoE: %u, CCmd: %s", v >> 4, tok_or(config_cmds, v & 0x0f, "Unknown (0x02x)"));
	cslen = g2(nd, p + 6);
	p += 8;
	len -= 8;
	if (cslen > 1024 || cslen > len) {
		invalid(nd, p, len);
		return;
	}
	if (cslen) {
		P("\n\tConfig String (length %u): ", cslen);
		chars_print_j(nd, p, cslen);
	}
}

/* MAC Mask List: a command, an error and a list of directives. */
static void mask_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char b[24];
	unsigned n, i;

	if (len < 4) {
		invalid(nd, p, len);
		return;
	}
	P("\n\tMCmd: %s", tok2str(mask_cmds, "Unknown (0x%02x)", g1(nd, p + 1), b, sizeof(b)));
	P(", MError: %s", tok2str(mask_errors, "Unknown (0x%02x)", g1(nd, p + 2), b, sizeof(b)));
	n = g1(nd, p + 3);
	p += 4;
	len -= 4;
	P(", Dir Count: %u", n);
	if (n * 8 > len) {
		invalid(nd, p, len);
		return;
	}
	for (i = 0; i < n; i++, p += 8) {
		P("\n\t DCmd: %s", tok2str(directives, "Unknown (0x%02x)", g1(nd, p + 1),
					   b, sizeof(b)));
		P(", Ethernet Address: %s", mac_str(nd, p + 2, b));
	}
}

/* Reserve/Release: a command and the list of reserving MAC addresses. */
static void reserve_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char b[24];
	unsigned n, i;

	if (len < 2 || (len - 2) % 6) {
		invalid(nd, p, len);
		return;
	}
	P("\n\tRCmd: %s", tok2str(reserve_cmds, "Unknown (0x%02x)", g1(nd, p), b, sizeof(b)));
	n = g1(nd, p + 1);
	p += 2;
	len -= 2;
	P(", NMacs: %u", n);
	if (n * 6 != len) {
		invalid(nd, p, len);
		return;
	}
	for (i = 0; i < n; i++, p += 6) {
		mac_str(nd, p, b);
		P("\n\tEthernet Address %u: %s", i, b);
	}
}

static void aoev1_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char b[24];
	unsigned flags, cmd;

	if (len < AOE_HDR_LEN) {
		invalid(nd, p, len);
		return;
	}
	flags = g1(nd, p) & 0x0f;
	P(", Flags: [");
	bits_print(nd, hdr_flags, "none", flags, ", ");
	P("]");
	if (!nd->o->vflag)
		return;
	if (flags & 0x04)
		P("\n\tError: %s", tok2str(errors, "Invalid (%u)", g1(nd, p + 1), b, sizeof(b)));
	P("\n\tMajor: 0x%04x", g2(nd, p + 2));
	P(", Minor: 0x%02x", g1(nd, p + 4));
	cmd = g1(nd, p + 5);
	P(", Command: %s", tok2str(commands, "Unknown (0x%02x)", cmd, b, sizeof(b)));
	P(", Tag: 0x%08x", g4(nd, p + 6));
	p += AOE_HDR_LEN;
	len -= AOE_HDR_LEN;
	switch (cmd) {
	case 0: ata_print(nd, p, len); break;
	case 1: query_print(nd, p, len); break;
	case 2: mask_print(nd, p, len); break;
	case 3: reserve_print(nd, p, len); break;
	default: break;
	}
}

void aoe_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned ver;

	nd->proto = "aoe";
	P("AoE length %u", len);
	if (len < 1) {
		invalid(nd, p, len);
		return;
	}
	ver = g1(nd, p) >> 4;
	P(", Ver %u", ver);
	if (ver == 1)
		aoev1_print(nd, p, len);
}
