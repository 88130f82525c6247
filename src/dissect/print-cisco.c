/* Cisco VTP (SNAP PID 0x2003), DTP (0x2004) and UDLD (0x0111), as
 * tcpdump 4.99.3 prints them: a one-line summary, and with -v the header
 * fields and the TLVs.  Lengths that do not add up print " (invalid)";
 * data cut short by the snapshot prints " [|vtp]" and the like. */
#include <stdio.h>
#include <string.h>

#include "dissect-int.h"

/* ---- VTP ---- */

#define VTP_HDR_LEN	36
#define VTP_DOMAIN_MAX	32
#define VLAN_FIXED_LEN	12

static const struct tok vtp_msgs[] = {
	{ 1, "Summary advertisement" }, { 2, "Subset advertisement" },
	{ 3, "Advertisement request" }, { 4, "Join message" }, { 0, NULL }
};

/* what the third header byte means for each message */
static const struct tok vtp_byte2[] = {
	{ 1, "Followers" }, { 2, "Seq number" }, { 3, "Rsvd" }, { 4, "Rsvd" }, { 0, NULL }
};

static const struct tok vlan_types[] = {
	{ 1, "Ethernet" }, { 2, "FDDI" }, { 3, "TrCRF" }, { 4, "FDDI-net" }, { 5, "TrBRF" },
	{ 0, NULL }
};

static const struct tok vlan_states[] = {
	{ 0, "Operational" }, { 1, "Suspended" }, { 0, NULL }
};

enum {
	VT_SR_RING = 1, VT_SR_BRIDGE, VT_STP_TYPE, VT_PARENT, VT_TRANS_BRIDGED,
	VT_PRUNING, VT_BRIDGE_TYPE, VT_ARP_HOPS, VT_STE_HOPS, VT_BACKUP_CRF
};

static const struct tok vlan_tlvs[] = {
	{ VT_SR_RING, "Source-Routing Ring Number TLV" },
	{ VT_SR_BRIDGE, "Source-Routing Bridge Number TLV" },
	{ VT_STP_TYPE, "STP type TLV" },
	{ VT_PARENT, "Parent VLAN TLV" },
	{ VT_TRANS_BRIDGED, "Translationally bridged VLANs TLV" },
	{ VT_PRUNING, "Pruning TLV" },
	{ VT_BRIDGE_TYPE, "Bridge Type TLV" },
	{ VT_ARP_HOPS, "Max ARP Hop Count TLV" },
	{ VT_STE_HOPS, "Max STE Hop Count TLV" },
	{ VT_BACKUP_CRF, "Backup CRF Mode TLV" },
	{ 0, NULL }
};

static const struct tok stp_types[] = {
	{ 1, "SRT" }, { 2, "SRB" }, { 3, "Auto" }, { 0, NULL }
};

/* The TLVs after a VLAN's name, len bytes of them (one-byte type, length
 * in 16-bit words); 0 when they do not fit. */
static int vlan_tlvs_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned type, wlen, val;

	while (len > 0) {
		if (len < 2)
			return 0;
		type = g1(nd, p);
		wlen = g1(nd, p + 1);
		P("\n\t\t%s (0x%04x) TLV", tok_or(vlan_tlvs, type, "Unknown"), type);
		if (len < wlen * 2 + 2) {
			P(" (TLV goes past the end of the packet)");
			return 0;
		}
		gcheck(nd, p, wlen * 2 + 2);
		if (wlen != 1) {
			P(" (invalid TLV length %u != 1)", wlen);
			return 0;
		}
		val = g2(nd, p + 2);
		switch (type) {
		case VT_STE_HOPS:
			P(", %u", val);
			break;
		case VT_PRUNING:
			P(", %s (%u)", val == 1 ? "Enabled" : "Disabled", val);
			break;
		case VT_STP_TYPE:
			P(", %s (%u)", tok_or(stp_types, val, "Unknown"), val);
			break;
		case VT_BRIDGE_TYPE:
			P(", %s (%u)", val == 1 ? "SRB" : "SRT", val);
			break;
		case VT_BACKUP_CRF:
			P(", %s (%u)", val == 1 ? "Backup" : "Not backup", val);
			break;
		default:
			unknown_data_print(nd, p, "\n\t\t  ", 2 + (int)wlen * 2);
			break;
		}
		len -= 2 + wlen * 2;
		p += 2 + wlen * 2;
	}
	return 1;
}

/* A subset advertisement's VLAN info records, from p to start + length. */
static int vlans_print(struct nd *nd, const uint8_t *start, const uint8_t *p, uint32_t length)
{
	uint32_t len, name_len, padded;

	while ((uint32_t)(p - start) < length) {
		len = g1(nd, p);
		if (len == 0)
			break;
		gcheck(nd, p, len);
		if (len < VLAN_FIXED_LEN)
			return 0;
		P("\n\tVLAN info status %s, type %s, VLAN-id %u, MTU %u, SAID 0x%08x, Name ",
		  tok_or(vlan_states, g1(nd, p + 1), "Unknown"),
		  tok_or(vlan_types, g1(nd, p + 2), "Unknown"),
		  g2(nd, p + 4), g2(nd, p + 6), g4(nd, p + 8));
		name_len = g1(nd, p + 3);
		len -= VLAN_FIXED_LEN;
		p += VLAN_FIXED_LEN;
		padded = (name_len + 3) / 4 * 4;	/* names fill whole words */
		if (len < padded)
			return 0;
		chars_print_z(nd, p, name_len);
		len -= padded;
		p += padded;
		if (!vlan_tlvs_print(nd, p, len))
			return 0;
		p += len;
	}
	return 1;
}

void vtp_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	char b[16];
	const uint8_t *q;
	unsigned type, dlen;

	nd->proto = "vtp";
	if (length < VTP_HDR_LEN)
		goto invalid;
	gcheck(nd, p, VTP_HDR_LEN);
	type = p[1];
	P("VTPv%u, Message %s (0x%02x), length %u", p[0],
	  tok_or(vtp_msgs, type, "Unknown message type"), type, length);
	if (nd->o->vflag < 1)
		goto whole;

	P("\n\tDomain name: ");
	dlen = p[3];
	if (dlen < 1 || dlen > VTP_DOMAIN_MAX) {
		P(" [invalid MgmtD Len %u]", dlen);
		goto invalid;
	}
	chars_print_z(nd, p + 4, dlen);
	P(", %s: %u", tok_or(vtp_byte2, type, "Unknown"), p[2]);

	q = p + VTP_HDR_LEN;
	switch (type) {
	case 1:		/* summary: revision, updater, timestamp, MD5 digest */
		P("\n\t  Config Rev %x, Updater %s", g4(nd, q), ip4_str(nd, q + 4, b));
		q += 8;
		P(", Timestamp 0x%08x 0x%08x 0x%08x", g4(nd, q), g4(nd, q + 4), g4(nd, q + 8));
		q += 12;
		P(", MD5 digest: %08x%08x%08x%08x", g4(nd, q), g4(nd, q + 4), g4(nd, q + 8),
		  g4(nd, q + 12));
		break;
	case 2:		/* subset: revision, then VLAN info records */
		P(", Config Rev %x", g4(nd, q));
		if (!vlans_print(nd, p, q + 4, length))
			goto invalid;
		break;
	case 3:
		P("\n\tStart value: %u", g4(nd, q));
		break;
	default:	/* join messages and unknown types: nothing more */
		break;
	}
	return;
invalid:
	P(" (invalid)");
whole:
	gcheck(nd, p, length);
}

/* ---- DTP ---- */

static const struct tok dtp_tlvs[] = {
	{ 1, "Domain" }, { 2, "Status" }, { 3, "DTP type" }, { 4, "Neighbor" }, { 0, NULL }
};

void dtp_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	char b[18];
	unsigned type, len;

	nd->proto = "dtp";
	if (length < 1) {
		P("[zero packet length]");
		goto invalid;
	}
	P("DTPv%u, length %u", g1(nd, p), length);
	if (nd->o->vflag < 1)
		return;
	p++;
	length--;
	while (length > 0) {
		if (length < 4) {
			P("[%u bytes remaining]", length);
			goto invalid;
		}
		type = g2(nd, p);
		len = g2(nd, p + 2);
		if (type == 0)	/* padding seen in real captures */
			return;
		P("\n\t%s (0x%04x) TLV, length %u", tok_or(dtp_tlvs, type, "Unknown"), type, len);
		if (len < 4 || len > length) {
			P("[invalid TLV length %u]", len);
			goto invalid;
		}
		switch (type) {
		case 1:
			P(", ");
			chars_print_z(nd, p + 4, len - 4);
			break;
		case 2:
		case 3:
			if (len != 5)
				goto invalid;
			P(", 0x%x", g1(nd, p + 4));
			break;
		case 4:
			if (len != 10)
				goto invalid;
			P(", %s", mac_str(nd, p + 4, b));
			break;
		default:
			gcheck(nd, p, len);
			break;
		}
		p += len;
		length -= len;
	}
	return;
invalid:
	P(" (invalid)");
	gcheck(nd, p, length);
}

/* ---- UDLD ---- */

static const struct tok udld_tlvs[] = {
	{ 1, "Device-ID TLV" }, { 2, "Port-ID TLV" }, { 3, "Echo TLV" },
	{ 4, "Message Interval TLV" }, { 5, "Timeout Interval TLV" },
	{ 6, "Device Name TLV" }, { 7, "Sequence Number TLV" }, { 0, NULL }
};

static const struct tok udld_codes[] = {
	{ 0, "Reserved" }, { 1, "Probe message" }, { 2, "Echo message" },
	{ 3, "Flush message" }, { 0, NULL }
};

static const struct tok udld_flags[] = {
	{ 0x01, "RT" }, { 0x02, "RSY" }, { 0x04, "MBZ-2" }, { 0x08, "MBZ-3" },
	{ 0x10, "MBZ-4" }, { 0x20, "MBZ-5" }, { 0x40, "MBZ-6" }, { 0x80, "MBZ-7" },
	{ 0, NULL }
};

void udld_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	unsigned b0, code, flags, type, len;

	nd->proto = "udld";
	if (length < 4)
		goto invalid;
	b0 = g1(nd, p);
	flags = g1(nd, p + 1);
	code = b0 & 0x1f;
	P("UDLDv%u, Code %s (%x), Flags [", b0 >> 5, tok_or(udld_codes, code, "Reserved"), code);
	bits_print(nd, udld_flags, "none", flags, ", ");
	P("] (0x%02x), length %u", flags, length);
	p += 2;
	length -= 2;
	if (nd->o->vflag < 1)
		goto rest;

	P("\n\tChecksum 0x%04x (unverified)", g2(nd, p));
	p += 2;
	length -= 2;
	while (length > 0) {
		if (length < 4)
			goto invalid;
		type = g2(nd, p);
		len = g2(nd, p + 2);
		p += 4;
		length -= 4;
		P("\n\t%s (0x%04x) TLV, length %u", tok_or(udld_tlvs, type, "Unknown"), type, len);
		if (len <= 4)
			goto invalid;
		len -= 4;
		if (length < len)
			goto invalid;
		switch (type) {
		case 1:
		case 2:
		case 6:
			P(", ");
			chars_print_z(nd, p, len);
			break;
		case 3:
			P(", ");
			chars_print_j(nd, p, len);
			break;
		case 4:
		case 5:
			if (len != 1)
				goto invalid;
			P(", %us", g1(nd, p));
			break;
		case 7:
			if (len != 4)
				goto invalid;
			P(", %u", g4(nd, p));
			break;
		default:
			gcheck(nd, p, len);
			break;
		}
		p += len;
		length -= len;
	}
	return;
invalid:
	P(" (invalid)");
rest:
	gcheck(nd, p, length);
}
