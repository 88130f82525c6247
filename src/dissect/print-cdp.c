/* Cisco Discovery Protocol (SNAP OUI 0x00000c, PID 0x2000), as tcpdump
 * 4.99.3 prints it: version, TTL and the Device-ID; with -v the checksum
 * and every TLV.  Without -v the TLVs other than the Device-ID are
 * hex-dumped, as tcpdump does. */
#include <stdio.h>
#include <string.h>

#include "dissect-int.h"

#define CDP_HDR_LEN	4
#define TLV_HDR_LEN	4
#define T_DEV_ID	0x01
#define T_MAX		0x17

static const struct tok caps[] = {
	{ 0x01, "Router" }, { 0x02, "Transparent Bridge" }, { 0x04, "Source Route Bridge" },
	{ 0x08, "L2 Switch" }, { 0x10, "L3 capable" }, { 0x20, "IGMP snooping" },
	{ 0x40, "L1 capable" }, { 0, NULL }
};

static void quoted_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	P("'");
	chars_print_j(nd, p, len);
	P("'");
}

/* The version text, each of its lines indented. */
static void version_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint8_t c;

	P("\n\t  ");
	for (; len > 0; len--, p++) {
		c = g1(nd, p);
		if (c == '\n')
			P("\n\t  ");
		else
			char_print(nd, c);
	}
}

static void power_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned mw = 0;

	if (len == 1)
		mw = g1(nd, p);
	else if (len == 2)
		mw = g2(nd, p);
	else if (len == 3)
		mw = g3(nd, p);
	P("%1.2fW", mw / 1000.0);
}

static void caps_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t v = g4(nd, p);

	(void)len;
	P("(0x%08x): ", v);
	bits_print(nd, caps, "none", v, ", ");
}

static void u16_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)len;
	P("%u", g2(nd, p));
}

static void duplex_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)len;
	P("%s", g1(nd, p) ? "full" : "half");
}

/* ATA-186 VoIP VLAN: an application and a VLAN, or two unknown bytes */
static void ata186_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len == 2) {
		P("unknown 0x%04x", g2(nd, p));
	} else {
		unsigned app = g1(nd, p);
		P("app %u, vlan %u", app, g2(nd, p + 1));
	}
}

static void mtu_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)len;
	P("%u bytes", g4(nd, p));
}

static void hex8_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)len;
	P("0x%02x", g1(nd, p));
}

static void location_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	P("0x%02x", g1(nd, p));
	if (len > 1) {
		P("/");
		chars_print_j(nd, p + 1, len - 1);
	}
}

/* Address and Management Addresses: a count, then per address a protocol
 * type, the protocol (an NLPID or an LLC/SNAP header) and the address. */
static void addrs_print(struct nd *nd, const uint8_t *p, uint32_t l)
{
	static const uint8_t snap_ip6[8] = { 0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x86, 0xdd };
	uint32_t num, pt, pl, al, i;
	int ip4, ip6;
	char b[46];

	if (l < 4) {
		P(" (not enough space for num)");
		goto bad;
	}
	num = g4(nd, p);
	p += 4;
	l -= 4;
	while (num) {
		if (l < 2) {
			P(" (not enough space for PT+PL)");
			goto bad;
		}
		pt = g1(nd, p);
		pl = g1(nd, p + 1);
		p += 2;
		l -= 2;
		if (l < pl + 2) {
			P(" (not enough space for P+AL)");
			goto bad;
		}
		/* fetching the length past the protocol checks the protocol too */
		al = g2(nd, p + pl);
		ip4 = pt == 1 && pl == 1 && p[0] == 0xcc && al == 4;
		ip6 = pt == 2 && pl == 8 && memcmp(p, snap_ip6, 8) == 0 && al == 16;
		if (ip4 || ip6) {
			p += pl + 2;
			l -= pl + 2;
			if (l < al) {
				P(" (not enough space for A)");
				goto bad;
			}
			if (ip4)
				P("IPv4 (%u) %s", num, ip4_str(nd, p, b));
			else
				P("IPv6 (%u) %s", num, ip6_str(nd, p, b));
		} else {
			P("pt=0x%02x, pl=%u, pb=", pt, pl);
			for (; pl; pl--, p++, l--)
				P(" %02x", g1(nd, p));
			P(", al=%u, a=", al);
			p += 2;
			l -= 2;
			if (l < al) {
				P(" (not enough space for A)");
				goto bad;
			}
			for (i = 0; i < al; i++)
				P(" %02x", g1(nd, p + i));
		}
		p += al;
		l -= al;
		num--;
		if (num)
			P(" ");
	}
	if (l)
		P(" (%u bytes of stray data)", l);
	return;
bad:
	gcheck(nd, p, l);
}

static void prefixes_print(struct nd *nd, const uint8_t *p, uint32_t l)
{
	if (l % 5) {
		P(" [length %u is not a multiple of 5]", l);
		gcheck(nd, p, l);
		return;
	}
	P(" IPv4 Prefixes (%u):", l / 5);
	for (; l > 0; l -= 5, p += 5) {
		gcheck(nd, p, 5);
		P(" %u.%u.%u.%u/%u", p[0], p[1], p[2], p[3], p[4]);
	}
}

struct tlv_info {
	const char *name;
	void (*print)(struct nd *nd, const uint8_t *p, uint32_t len);
	int min, max;	/* value lengths allowed, 0 or -1 for no limit */
};

/* Types 0x00, 0x0c and 0x0d have no name but count as known: with -v
 * they are not hex-dumped, as in tcpdump. */
static const struct tlv_info tlvs[T_MAX + 1] = {
	[0x01] = { "Device-ID", quoted_print, -1, -1 },
	[0x02] = { "Address", addrs_print, -1, -1 },
	[0x03] = { "Port-ID", quoted_print, -1, -1 },
	[0x04] = { "Capability", caps_print, 4, 4 },
	[0x05] = { "Version String", version_print, -1, -1 },
	[0x06] = { "Platform", quoted_print, -1, -1 },
	[0x07] = { "Prefixes", prefixes_print, -1, -1 },
	[0x08] = { "Protocol-Hello option", NULL, -1, -1 },
	[0x09] = { "VTP Management Domain", quoted_print, -1, -1 },
	[0x0a] = { "Native VLAN ID", u16_print, 2, 2 },
	[0x0b] = { "Duplex", duplex_print, 1, 1 },
	[0x0e] = { "ATA-186 VoIP VLAN assignment", ata186_print, 3, 3 },
	[0x0f] = { "ATA-186 VoIP VLAN request", ata186_print, 2, 3 },
	[0x10] = { "power consumption", power_print, 1, 3 },
	[0x11] = { "MTU", mtu_print, 4, 4 },
	[0x12] = { "AVVID trust bitmap", hex8_print, 1, 1 },
	[0x13] = { "AVVID untrusted ports CoS", hex8_print, 1, 1 },
	[0x14] = { "System Name", quoted_print, -1, -1 },
	[0x15] = { "System Object ID (not decoded)", NULL, -1, -1 },
	[0x16] = { "Management Addresses", addrs_print, 4, -1 },
	[0x17] = { "Physical Location", location_print, 1, -1 },
};

void cdp_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	const int v = nd->o->vflag;
	const uint32_t total = length;
	const struct tlv_info *info;
	const char *name;
	uint32_t type, len, cksum;
	int covered;

	nd->proto = "cdp";
	if (length < CDP_HDR_LEN) {
		P(" (packet length %u < %u)", length, CDP_HDR_LEN);
		goto invalid;
	}
	gcheck(nd, p, 2);
	P("CDPv%u, ttl: %us", p[0], p[1]);
	cksum = g2(nd, p + 2);
	if (v)
		P(", checksum: 0x%04x (unverified), length %u", cksum, total);
	p += CDP_HDR_LEN;
	length -= CDP_HDR_LEN;

	while (length) {
		if (length < TLV_HDR_LEN) {
			P(" (remaining packet length %u < %u)", length, TLV_HDR_LEN);
			goto invalid;
		}
		type = g2(nd, p);
		len = g2(nd, p + 2);	/* includes the TLV header */
		info = type <= T_MAX ? &tlvs[type] : NULL;
		name = info && info->name ? info->name : "unknown field type";
		if (len < TLV_HDR_LEN) {
			if (v)
				P("\n\t%s (0x%02x), TLV length: %u byte%s (too short)",
				  name, type, len, len == 1 ? "" : "s");
			else
				P(", %s TLV length %u too short", name, len);
			goto invalid;
		}
		if (len > length) {
			P(" (TLV length %u > %u)", len, length);
			goto invalid;
		}
		p += TLV_HDR_LEN;
		length -= TLV_HDR_LEN;
		len -= TLV_HDR_LEN;

		if (!v && type == T_DEV_ID)
			P(", Device-ID ");
		else if (v)
			P("\n\t%s (0x%02x), value length: %u byte%s: ",
			  name, type, len, len == 1 ? "" : "s");

		covered = 0;
		if (info) {
			if ((info->min > 0 && len < (uint32_t)info->min) ||
			    (info->max > 0 && len > (uint32_t)info->max)) {
				P(" (malformed TLV)");
			} else if (v || type == T_DEV_ID) {
				if (info->print)
					info->print(nd, p, len);
				else
					gcheck(nd, p, len);
				covered = 1;
			}
		}
		if (!covered) {
			gcheck(nd, p, len);
			unknown_data_print(nd, p, "\n\t  ", (int)len);
		}
		p += len;
		length -= len;
	}
	if (!v)
		P(", length %u", total);
	return;
invalid:
	P(" (invalid)");
	gcheck(nd, p, length);
}
