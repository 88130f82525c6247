/* ATM link types: LLC/SNAP-encapsulated PDUs (RFC 1483, link type 11),
 * SunATM's pseudo-header with VPI/VCI (123: signalling, OAM cells, LANE,
 * LLC) and Classical IP over ATM (19). */
#include <stdio.h>
#include <string.h>

#include "dissect-int.h"

/* An LLC-encapsulated PDU; the LLC header's length. */
static uint32_t atm_llc(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	int hl = llc_print(nd, p, len, caplen, NULL, NULL);

	if (hl < 0) {
		default_print(nd, p, caplen);
		hl = -hl;
	}
	return (uint32_t)hl;
}

/* ---- UNI 3.1 signalling (VPI 0, VCI 5) ---- */

static const struct tok q2931_msgs[] = {
	{ 0x02, "Call_proceeding" }, { 0x07, "Connect" }, { 0x0f, "Connect_ack" },
	{ 0x05, "Setup" }, { 0x4d, "Release" }, { 0x5a, "Release_complete" },
	{ 0x46, "Restart" }, { 0x4e, "Restart_ack" }, { 0x7d, "Status" },
	{ 0x75, "Status_enquiry" }, { 0x80, "Add_party" }, { 0x81, "Add_party_ack" },
	{ 0x82, "Add_party_reject" }, { 0x83, "Drop_party" }, { 0x84, "Drop_party_ack" },
	{ 0, NULL }
};

static void sig_print(struct nd *nd, const uint8_t *p)
{
	char b[24];
	unsigned pd = g1(nd, p);

	if (pd != 0x09) {
		P("SSCOP, proto %u ", pd);
		return;
	}
	P("Q.2931");
	P(":%s ", tok2str(q2931_msgs, "msgtype#%u", g1(nd, p + 5), b, sizeof(b)));
	P("CALL_REF:0x%06x", g3(nd, p + 2));
}

/* ---- OAM cells ---- */

static const struct tok oam_flows[] = {
	{ 3, "OAM F4 (segment)" }, { 4, "OAM F4 (end)" }, { 0, NULL }
};
static const struct tok atm_ptis[] = {
	{ 0, "user data, uncongested, SDU 0" }, { 1, "user data, uncongested, SDU 1" },
	{ 2, "user data, congested, SDU 0" }, { 3, "user data, congested, SDU 1" },
	{ 4, "VCC OAM F5 flow segment" }, { 5, "VCC OAM F5 flow end-to-end" },
	{ 6, "Traffic Control and resource Mgmt" }, { 0, NULL }
};
static const struct tok oam_cells[] = {
	{ 1, "Fault Management" }, { 2, "Performance Management" },
	{ 8, "activate/deactivate" }, { 15, "System Management" }, { 0, NULL }
};
static const struct tok oam_fm_funcs[] = {
	{ 0, "AIS" }, { 1, "RDI" }, { 4, "Continuity Check" }, { 8, "Loopback" }, { 0, NULL }
};
static const struct tok oam_pm_funcs[] = {
	{ 0, "Forward Monitoring" }, { 1, "Backward Reporting" },
	{ 2, "Monitoring and Reporting" }, { 0, NULL }
};
static const struct tok oam_ad_funcs[] = {
	{ 0, "Performance Monitoring" }, { 1, "Continuity Check" }, { 0, NULL }
};
static const struct tok oam_loopback_inds[] = { { 0, "Reply" }, { 1, "Request" }, { 0, NULL } };

/* CRC-10 (x^10 + x^9 + x^5 + x^4 + x + 1) of an OAM payload, its own
 * CRC field included: 0 when it is correct. */
static unsigned crc10(const uint8_t *p, unsigned n)
{
	unsigned crc = 0, i;
	int bit;

	for (i = 0; i < n; i++) {
		unsigned top = (crc >> 2) & 0xff, t = top << 2;

		for (bit = 0; bit < 8; bit++) {
			t <<= 1;
			if (t & 0x400)
				t ^= 0x633;
		}
		crc = (((crc << 8) & 0x3ff) ^ t ^ p[i]) & 0x3ff;
	}
	return crc;
}

/* Pairs of bytes from each odd offset below n, as tcpdump shows IDs. */
static void oam_ids(struct nd *nd, const uint8_t *p, unsigned n)
{
	unsigned i;

	for (i = 1; i < n; i += 2)
		P("%04x ", g2(nd, p + i));
}

/* hec: 1 when the cell header carries its HEC byte */
void atm_oam_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned hec)
{
	uint32_t ch;
	unsigned vpi, vci, ct, ft, ck;
	const struct tok *funcs;

	nd->proto = "oam";
	ch = g4(nd, p + hec);
	ct = g1(nd, p + 4 + hec) >> 4;
	ft = p[4 + hec] & 0x0f;
	vpi = (ch >> 20) & 0xff;
	vci = (ch >> 4) & 0xffff;
	P("%s, vpi %u, vci %u, payload [ %s ], clp %u, length %u", tok_or(oam_flows, vci, "OAM F5"),
	  vpi, vci, tok_or(atm_ptis, (ch >> 1) & 7, "Unknown"), ch & 1, len);
	if (!nd->o->vflag)
		return;
	P("\n\tcell-type %s (%u)", tok_or(oam_cells, ct, "unknown"), ct);
	funcs = ct == 1 ? oam_fm_funcs : ct == 2 ? oam_pm_funcs : ct == 8 ? oam_ad_funcs : NULL;
	if (funcs)
		P(", func-type %s (%u)", tok_or(funcs, ft, "none"), ft);
	else
		P(", func-type unknown (%u)", ft);
	p += 4 + hec;
	if (ct == 1 && ft == 8) {		/* loopback */
		gcheck(nd, p + 1, 45);
		P("\n\tLoopback-Indicator %s, Correlation-Tag 0x%08x",
		  tok_or(oam_loopback_inds, p[1] & 1u, "Unknown"), g4(nd, p + 2));
		P("\n\tLocation-ID ");
		oam_ids(nd, p + 6, 12);
		P("\n\tSource-ID   ");
		oam_ids(nd, p + 18, 12);
	} else if (ct == 1 && (ft == 0 || ft == 1)) {	/* AIS, RDI */
		gcheck(nd, p + 1, 45);
		P("\n\tFailure-type 0x%02x", p[1]);
		P("\n\tLocation-ID ");
		oam_ids(nd, p + 2, 16);
	}
	ck = g2(nd, p + 46) & 0x3ffu;
	P("\n\tcksum 0x%03x (%scorrect)", ck, crc10(p, 48) == 0 ? "" : "in");
}

/* ---- LAN emulation ---- */

static const struct tok lane_ops[] = {
	{ 0x0001, "configure request" }, { 0x0101, "configure response" },
	{ 0x0002, "join request" }, { 0x0102, "join response" },
	{ 0x0003, "ready query" }, { 0x0103, "ready indication" },
	{ 0x0004, "register request" }, { 0x0104, "register response" },
	{ 0x0005, "unregister request" }, { 0x0105, "unregister response" },
	{ 0x0006, "ARP request" }, { 0x0106, "ARP response" },
	{ 0x0007, "flush request" }, { 0x0107, "flush response" },
	{ 0x0008, "NARP request" }, { 0x0009, "topology request" }, { 0, NULL }
};

static void lecid_print(struct nd *nd, const uint8_t *p)
{
	P("lecid:%x ", g2(nd, p));
}

static void lane_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	char b[24];

	nd->proto = "lane";
	if (g2(nd, p) == 0xff00) {	/* LE control */
		P("lec: proto %x vers %x %s", g1(nd, p + 2), g1(nd, p + 3),
		  tok2str(lane_ops, "opcode-#%u", g2(nd, p + 4), b, sizeof(b)));
		return;
	}
	nd->proto = "ether";
	ether_tag_print(nd, p + 2, len - 2, caplen - 2, NULL, 0, lecid_print, p);
}

/* ---- the link types ---- */

static void atm_print(struct nd *nd, unsigned vpi, unsigned vci, unsigned type,
		      const uint8_t *p, uint32_t len, uint32_t caplen)
{
	nd->proto = "atm";
	if (nd->o->eflag)
		P("VPI:%u VCI:%u ", vpi, vci);
	if (vpi == 0) {
		switch (vci) {
		case 5:
			sig_print(nd, p);
			return;
		case 2:
			P("broadcast sig: ");
			return;
		case 3: case 4:
			atm_oam_print(nd, p, len, 1);
			return;
		case 1:
			P("meta: ");
			return;
		case 0x10:
			P("ilmi: ");
			snmp_print(nd, p, len);
			return;
		}
	}
	if (type == 1)
		lane_print(nd, p, len, caplen);
	else
		atm_llc(nd, p, len, caplen);
}

static void sunatm_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	unsigned dir, vpi, vci;

	nd->proto = "sunatm";
	dir = g1(nd, p);
	if (nd->o->eflag)
		P(dir & 0x80 ? "Tx: " : "Rx: ");
	vpi = g1(nd, p + 1);
	vci = g2(nd, p + 2);
	nd->ll_hdr_len += 4;
	/* the low bits: 1 LANE, 2 LLC, else unknown (as LLC) */
	atm_print(nd, vpi, vci, dir & 0x0f, p + 4, len - 4, caplen - 4);
}

static void rfc1483_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	uint32_t llc, hl = 0;

	nd->proto = "atm";
	if (g1(nd, p) == 0x03) {	/* Cisco's NLPID encapsulation */
		if (nd->o->eflag)
			P("CNLPID ");
		nd->ll_hdr_len += 1;
		isoclns_print(nd, p + 1, len - 1);
		return;
	}
	llc = g3(nd, p);
	if (llc != 0xaaaa03 && llc != 0xfefe03 && llc != 0x060603) {
		/* taken for a Fore driver's 802.6 MAC header */
		if (nd->o->eflag)
			P("%08x%08x %08x%08x ", g4(nd, p), g4(nd, p + 4), g4(nd, p + 8),
			  g4(nd, p + 12));
		gcheck(nd, p, 20);
		p += 20;
		len -= 20;
		caplen -= 20;
		hl = 20;
	}
	nd->ll_hdr_len += hl;
	nd->ll_hdr_len += atm_llc(nd, p, len, caplen);
}

static void cip_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	static const uint8_t snap[6] = { 0xaa, 0xaa, 0x03, 0, 0, 0 };

	nd->proto = "cip";
	if (nd->o->eflag)
		P("%u: ", len);
	gcheck(nd, p, sizeof(snap));
	if (memcmp(p, snap, sizeof(snap)) == 0)
		nd->ll_hdr_len += atm_llc(nd, p, len, caplen);
	else
		ip_print(nd, p, len);	/* no LLC header: IP */
}

void atm_dlt_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	if (dlt == DLT_SUNATM_)
		sunatm_print(nd, p, len, caplen);
	else if (dlt == DLT_ATM_CLIP_)
		cip_print(nd, p, len, caplen);
	else
		rfc1483_print(nd, p, len, caplen);
}
