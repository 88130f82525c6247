/* 802.2 LLC (I, S and U frames), SNAP, and the Novell IPX header that
 * rides on 802.3, as tcpdump prints them.  Spanning tree is in print-stp.c,
 * CDP in print-cdp.c, VTP, DTP and UDLD in print-cisco.c. */
#include <stdio.h>

#include "dissect-int.h"

#define SAP_IP		0x06
#define SAP_STP		0x42
#define SAP_SNAP	0xaa
#define SAP_IPX		0xe0
#define SAP_GLOBAL	0xff

#define CTL_UI		0x03
#define CTL_XID		0xaf
#define CTL_U_POLL	0x10
#define CTL_IS_POLL	0x0100

static const struct tok sap_names[] = {
	{ 0x00, "Null" }, { 0xff, "Global" }, { 0x02, "802.1B I" }, { 0x03, "802.1B G" },
	{ 0x06, "IP" }, { 0x04, "SNA" }, { 0x0e, "ProWay NM" }, { 0x42, "STP" },
	{ 0x4e, "RS511" }, { 0x7e, "ISO8208" }, { 0x8e, "ProWay" }, { 0xaa, "SNAP" },
	{ 0xe0, "IPX" }, { 0xf0, "NetBeui" }, { 0xfe, "OSI" },
	{ 0, NULL }
};

/* U frame commands, the poll/final bit masked off. */
static const struct tok u_cmds[] = {
	{ 0x03, "ui" }, { 0xe3, "test" }, { 0xaf, "xid" }, { 0x63, "ua" },
	{ 0x43, "disc" }, { 0x0f, "dm" }, { 0x6f, "sabme" }, { 0x87, "frmr" },
	{ 0, NULL }
};

/* The SSAP's command/response bit or'ed with the control field's P/F bit:
 * the first match wins, so 0 is "Command". */
static const struct tok cr_pf[] = {
	{ 0x000, "Command" }, { 0x001, "Response" },
	{ 0x010, "Poll" }, { 0x011, "Final" },
	{ 0x100, "Poll" }, { 0x101, "Final" },
	{ 0, NULL }
};

static const struct tok s_cmds[] = {
	{ 0, "Receiver Ready" }, { 1, "Receiver not Ready" }, { 2, "Reject" },
	{ 0, NULL }
};

/* tcpdump's OUI names (0x0080c2 is listed twice there and the first
 * name, "Ethernet bridged", is the one shown); LLDP uses them too */
const struct tok oui_names[] = {
	{ 0x000000, "Ethernet" }, { 0x00000c, "Cisco" }, { 0x00005e, "IANA" },
	{ 0x000081, "Nortel Networks SONMP" }, { 0x0000f8, "Cisco bridged" },
	{ 0x0080c2, "Ethernet bridged" }, { 0x00a03e, "ATM Forum" },
	{ 0x00e02f, "DOCSIS Spanning Tree" }, { 0x080007, "Appletalk" },
	{ 0x009069, "Juniper" }, { 0x080009, "Hewlett-Packard" },
	{ 0x00120f, "IEEE 802.3 Private" }, { 0x0012bb, "ANSI/TIA" },
	{ 0x001b21, "DCBX" }, { 0x002320, "Nicira Networks" },
	{ 0x5c16c7, "Big Switch Networks" }, { 0xb0d2f5, "Vello Systems" },
	{ 0x002481, "HP" }, { 0x0004ea, "HP-Labs" }, { 0x748771, "Infoblox Inc" },
	{ 0xa42305, "Open Networking Lab" }, { 0x00049f, "Freescale" },
	{ 0x0015ad, "Netronome" }, { 0x001018, "Broadcom" }, { 0x00e004, "PMC-Sierra" },
	{ 0xd0f0db, "Ericsson" },
	{ 0, NULL }
};

#define OUI_ETHER	0x000000
#define OUI_CISCO	0x00000c
#define OUI_CISCO_BR	0x0000f8
#define OUI_BRIDGED	0x0080c2
#define OUI_APPLE	0x080007

static const struct tok cisco_pids[] = {
	{ 0x2000, "CDP" }, { 0x2003, "VTP" }, { 0x2004, "DTP" }, { 0x0111, "UDLD" },
	{ 0x010b, "PVST" }, { 0x010c, "VLAN Bridge" },
	{ 0, NULL }
};

static const struct tok bridged_pids[] = {
	{ 0x0001, "Ethernet + FCS" }, { 0x0007, "Ethernet w/o FCS" },
	{ 0x0002, "802.4 + FCS" }, { 0x0008, "802.4 w/o FCS" },
	{ 0x0003, "Token Ring + FCS" }, { 0x0009, "Token Ring w/o FCS" },
	{ 0x0004, "FDDI + FCS" }, { 0x000a, "FDDI w/o FCS" },
	{ 0x0005, "802.6 + FCS" }, { 0x000b, "802.6 w/o FCS" },
	{ 0x000e, "BPDU" },
	{ 0, NULL }
};

/* The name of a SNAP protocol id, which depends on the OUI. */
static const char *pid_name(uint32_t oui, uint16_t pid)
{
	const char *n = NULL;

	switch (oui) {
	case OUI_ETHER:
	case OUI_CISCO_BR:
	case OUI_APPLE:
		n = ethertype_name(pid);
		break;
	case OUI_CISCO:
		n = tok_or(cisco_pids, pid, NULL);
		break;
	case OUI_BRIDGED:
		n = tok_or(bridged_pids, pid, NULL);
		break;
	}
	return n ? n : "Unknown";
}

/* ---------------------------------------------------------------- IPX */

#define IPX_HDR_LEN 30

/* "0000000a.02:00:00:00:00:0a": network number, node.  buf >= 27. */
static const char *ipx_addr(struct nd *nd, const uint8_t *p, char *buf)
{
	uint32_t net = g4(nd, p);

	gcheck(nd, p + 4, 6);
	snprintf(buf, 27, "%08x.%02x:%02x:%02x:%02x:%02x:%02x",
		 net, p[4], p[5], p[6], p[7], p[8], p[9]);
	return buf;
}

static void ipx_sap_print(struct nd *nd, const uint8_t *d, uint32_t len)
{
	unsigned cmd = g2(nd, d), i, type;
	char b[27];

	if (len < 2) {
		P(" [length %u < 2]", len);
		goto invalid;
	}
	d += 2;
	len -= 2;
	switch (cmd) {
	case 1:
	case 3:
		P("%s", cmd == 1 ? "ipx-sap-req" : "ipx-sap-nearest-req");
		type = g2(nd, d);
		P(" %04x", type);
		break;
	case 2:
	case 4:
		P("%s", cmd == 2 ? "ipx-sap-resp" : "ipx-sap-nearest-resp");
		/* at most 8 servers: type, 48-byte name, address, socket, hops */
		for (i = 0; i < 8 && len != 0; i++) {
			type = g2(nd, d);
			if (len < 2)
				goto invalid;
			P(" %04x '", type);
			d += 2;
			len -= 2;
			if (len < 48) {
				P("'");
				goto invalid;
			}
			chars_print_z(nd, d, 48);
			P("'");
			d += 48;
			len -= 48;
			gcheck(nd, d, 10);
			if (len < 10)
				goto invalid;
			P(" addr %s", ipx_addr(nd, d, b));
			d += 10;
			len -= 10;
			gcheck(nd, d, 4);
			if (len < 4)
				goto invalid;
			d += 4;
			len -= 4;
		}
		break;
	default:
		P("ipx-sap-?%x", cmd);
		break;
	}
	return;
invalid:
	P(" (invalid)");
}

static void ipx_rip_print(struct nd *nd, const uint8_t *d, uint32_t len)
{
	unsigned cmd = g2(nd, d), i;
	uint32_t net;
	uint16_t hops, ticks;

	if (len < 2) {
		P(" [length %u < 2]", len);
		goto invalid;
	}
	d += 2;
	len -= 2;
	if (cmd != 1 && cmd != 2) {
		P("ipx-rip-?%x", cmd);
		return;
	}
	P("%s", cmd == 1 ? "ipx-rip-req" : "ipx-rip-resp");
	/* a request asks about one network, an answer lists up to 50 */
	for (i = 0; i < (cmd == 1 ? 1u : 50u) && len != 0; i++) {
		if (len < 8)
			goto invalid;
		net = g4(nd, d);
		hops = g2(nd, d + 4);
		ticks = g2(nd, d + 6);
		P(" %08x/%u.%u", net, hops, ticks);
		d += 8;
		len -= 8;
	}
	return;
invalid:
	P(" (invalid)");
}

void ipx_print(struct nd *nd, const uint8_t *p)
{
	char a[27];
	uint16_t skt, len;

	nd->proto = "ipx";
	if (!nd->o->eflag)
		P("IPX ");
	ipx_addr(nd, p + 18, a);
	skt = g2(nd, p + 28);
	P("%s.%04x > ", a, skt);
	ipx_addr(nd, p + 6, a);
	skt = g2(nd, p + 16);
	P("%s.%04x: ", a, skt);
	/* the IPX header's own length, not the frame's */
	len = g2(nd, p + 2);
	if (len < IPX_HDR_LEN) {
		P("[length %u < %u] (invalid)", len, IPX_HDR_LEN);
		return;
	}
	p += IPX_HDR_LEN;
	len -= IPX_HDR_LEN;
	switch (skt) {
	case 0x0451:
		P("ipx-ncp %u", len);
		break;
	case 0x0452:
		ipx_sap_print(nd, p, len);
		break;
	case 0x0453:
		ipx_rip_print(nd, p, len);
		break;
	case 0x0455:
		P("ipx-netbios %u", len);
		break;
	case 0x0456:
		P("ipx-diags %u", len);
		break;
	case 0x0553:
		P("ipx-nwlink-dgm %u", len);
		break;
	default:	/* EIGRP over IPX (0x85be) is not decoded either */
		P("ipx-#%x %u", skt, len);
		break;
	}
}

/* ---------------------------------------------------------------- SNAP */

/* The MAC addresses, when the link layer has them (cooked captures don't). */
static void macs_print(struct nd *nd, const uint8_t *src, const uint8_t *dst)
{
	char a[18], b[18];

	if (src && dst)
		P("%s > %s ", mac_str(nd, src, a), mac_str(nd, dst, b));
}

int snap_print(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen,
	       const uint8_t *src, const uint8_t *dst, unsigned pad)
{
	uint32_t oui;
	uint16_t pid;

	nd->proto = "snap";
	if (!nd_ok(nd, p, 5) || caplen < 5 || length < 5) {
		nd_trunc(nd);
		return 1;
	}
	oui = g3(nd, p);
	pid = (uint16_t)(p[3] << 8 | p[4]);
	if (nd->o->eflag)
		P("oui %s (0x%06x), %s %s (0x%04x), length %u: ", tok_or(oui_names, oui, "Unknown"),
		  oui, oui == OUI_ETHER ? "ethertype" : "pid", pid_name(oui, pid), pid, length - 5);
	p += 5;
	length -= 5;
	caplen -= 5;
	switch (oui) {
	case OUI_ETHER:
	case OUI_CISCO_BR:
		if (ethertype_print(nd, pid, p, length, caplen, src))
			return 1;
		break;
	case OUI_APPLE:
		if (pid == 0x809b && ethertype_print(nd, pid, p, length, caplen, src))
			return 1;
		break;
	case OUI_CISCO:
		/* CDP, VTP, DTP, UDLD, PVST+ and "VLAN bridge" BPDUs */
		switch (pid) {
		case 0x2000:
			cdp_print(nd, p, length);
			return 1;
		case 0x2003:
			vtp_print(nd, p, length);
			return 1;
		case 0x2004:
			dtp_print(nd, p, length);
			return 1;
		case 0x0111:
			udld_print(nd, p, length);
			return 1;
		case 0x010b:
		case 0x010c:
			stp_print(nd, p, length);
			return 1;
		}
		break;
	case OUI_BRIDGED:
		if (pid == 0x0001 || pid == 0x0007) {
			/* a whole Ethernet frame after the padding */
			if (!nd_ok(nd, p, pad)) {
				nd_trunc(nd);
				return 1;
			}
			ether_print(nd, p + pad, length - pad, caplen - pad);
			return 1;
		}
		if (pid == 0x000e) {
			stp_print(nd, p, length);
			return 1;
		}
		break;
	}
	if (!nd->o->eflag) {
		macs_print(nd, src, dst);
		if (oui == OUI_ETHER)
			P("SNAP, ethertype %s (0x%04x), length %u: ", pid_name(oui, pid), pid, length);
		else
			P("SNAP, oui %s (0x%06x), pid %s (0x%04x), length %u: ",
			  tok_or(oui_names, oui, "Unknown"), oui, pid_name(oui, pid), pid, length);
	}
	return 0;
}

/* ---------------------------------------------------------------- LLC */

/* The header when cut short, and the bytes there are. */
static int llc_short(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t ret)
{
	nd_trunc(nd);
	hexdump_ascii(nd, "\n\t", p, caplen, 0);
	return (int)ret;
}

int llc_print(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen,
	      const uint8_t *src, const uint8_t *dst)
{
	uint8_t dsap_f, ssap_f, dsap, ssap;
	uint16_t ctl;
	char b1[24], b2[24];
	int is_u, hdrlen, r;

	nd->proto = "llc";
	if (caplen < 3 || length < 3)
		return llc_short(nd, p, caplen, caplen < 3 ? caplen : length);
	dsap_f = g1(nd, p);
	ssap_f = g1(nd, p + 1);
	ctl = g1(nd, p + 2);
	/* U frames have one control byte, I and S frames two (little-endian) */
	is_u = (ctl & 3) == 3;
	if (is_u) {
		hdrlen = 3;
	} else {
		if (caplen < 4 || length < 4)
			return llc_short(nd, p, caplen, caplen < 4 ? caplen : length);
		ctl = (uint16_t)(g1(nd, p + 2) | g1(nd, p + 3) << 8);
		hdrlen = 4;
	}
	if (dsap_f == SAP_GLOBAL && ssap_f == SAP_GLOBAL) {
		/* Novell "raw" 802.3: no LLC header, IPX's 0xffff checksum */
		if (nd->o->eflag)
			P("IPX 802.3: ");
		ipx_print(nd, p);
		return 0;
	}
	dsap = dsap_f & 0xfe;
	ssap = ssap_f & 0xfe;
	if (nd->o->eflag) {
		P("LLC, dsap %s (0x%02x) %s, ", tok_or(sap_names, dsap, "Unknown"), dsap,
		  (dsap_f & 1) ? "Group" : "Individual");
		P("ssap %s (0x%02x) %s", tok_or(sap_names, ssap, "Unknown"), ssap,
		  (ssap_f & 1) ? "Response" : "Command");
		P(is_u ? ", ctrl 0x%02x: " : ", ctrl 0x%04x: ", ctl);
	}
	p += hdrlen;
	length -= (uint32_t)hdrlen;
	caplen -= (uint32_t)hdrlen;

	if (ctl == CTL_UI && dsap == ssap) {
		switch (dsap) {
		case SAP_SNAP:
			r = snap_print(nd, p, length, caplen, src, dst, 2);
			return r ? hdrlen + 5 : -(hdrlen + 5);
		case SAP_STP:
			stp_print(nd, p, length);
			return hdrlen;
		case SAP_IP:
			ip_print(nd, p, length);
			return hdrlen;
		case SAP_IPX:
			if (nd->o->eflag)
				P("IPX 802.2: ");
			ipx_print(nd, p);
			return hdrlen;
		case 0xfe:	/* OSI */
			isoclns_print(nd, p, length);
			return hdrlen;
		}
	}

	if (!nd->o->eflag) {
		if (ssap == dsap) {
			macs_print(nd, src, dst);
			P("%s ", tok2str(sap_names, "Unknown DSAP 0x%02x", dsap, b1, sizeof(b1)));
		} else {
			char a[18] = "", b[18] = "";
			if (src && dst) {
				mac_str(nd, src, a);
				mac_str(nd, dst, b);
			}
			P("%s%s%s > %s%s%s ", a, *a ? " " : "",
			  tok2str(sap_names, "Unknown SSAP 0x%02x", ssap, b1, sizeof(b1)),
			  b, *b ? " " : "",
			  tok2str(sap_names, "Unknown DSAP 0x%02x", dsap, b2, sizeof(b2)));
		}
	}

	if (is_u) {
		P("Unnumbered, %s, Flags [%s], length %u",
		  tok2str(u_cmds, "%02x", ctl & ~CTL_U_POLL, b1, sizeof(b1)),
		  tok_or(cr_pf, (ssap_f & 1u) | (ctl & CTL_U_POLL), "?"), length + hdrlen);
		if ((ctl & ~CTL_U_POLL) == CTL_XID) {
			if (length == 0)
				return hdrlen;
			if (caplen < 1) {
				nd_trunc(nd);
				return hdrlen;
			}
			/* the 802.2 XID information field: format, types, window */
			if (g1(nd, p) == 0x81) {
				if (caplen < 3 || length < 3) {
					nd_trunc(nd);
					hexdump_ascii(nd, "\n\t", p, caplen, 0);
				} else {
					P(": %02x %02x", g1(nd, p + 1), g1(nd, p + 2));
				}
				return hdrlen;
			}
		}
	} else if (ctl & 1) {
		P("Supervisory, %s, rcv seq %u, Flags [%s], length %u",
		  tok_or(s_cmds, (ctl >> 2) & 3, "?"), (ctl >> 9) & 0x7f,
		  tok_or(cr_pf, (ssap_f & 1u) | (ctl & CTL_IS_POLL), "?"), length + hdrlen);
		return hdrlen;
	} else {
		P("Information, send seq %u, rcv seq %u, Flags [%s], length %u",
		  (ctl >> 1) & 0x7f, (ctl >> 9) & 0x7f,
		  tok_or(cr_pf, (ssap_f & 1u) | (ctl & CTL_IS_POLL), "?"), length + hdrlen);
	}
	return -hdrlen;
}
