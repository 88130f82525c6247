/* sFlow version 5 (UDP 6343), as tcpdump 4.99.3 prints it: the datagram
 * header in one line; with -v the samples (flow, counter and their
 * expanded forms) and their records.  The record decoders get the length
 * left in the datagram, not the record's own length, as tcpdump's do, and
 * unknown samples and records are hex-dumped only at exactly -v. */
#include <inttypes.h>
#include <stdbool.h>

#include "dissect-int.h"

#define DGRAM4_LEN 28	/* header with an IPv4 agent */
#define DGRAM6_LEN 40	/* header with an IPv6 agent */

enum { SAMPLE_FLOW = 1, SAMPLE_COUNTER, SAMPLE_XFLOW, SAMPLE_XCOUNTER };

static const struct tok sample_names[] = {
	{ SAMPLE_FLOW, "flow sample" },
	{ SAMPLE_COUNTER, "counter sample" },
	{ SAMPLE_XFLOW, "expanded flow sample" },
	{ SAMPLE_XCOUNTER, "expanded counter sample" },
	{ 0, NULL }
};

static const struct tok flow_names[] = {
	{ 1, "Raw packet" }, { 2, "Ethernet frame" }, { 3, "IPv4 Data" }, { 4, "IPv6 Data" },
	{ 1001, "Extended Switch data" }, { 1002, "Extended Router data" },
	{ 1003, "Extended Gateway data" }, { 1004, "Extended User data" },
	{ 1005, "Extended URL data" }, { 1006, "Extended MPLS data" },
	{ 1007, "Extended NAT data" }, { 1008, "Extended MPLS tunnel" },
	{ 1009, "Extended MPLS VC" }, { 1010, "Extended MPLS FEC" },
	{ 1011, "Extended MPLS LVP FEC" }, { 1012, "Extended VLAN Tunnel" },
	{ 0, NULL }
};

static const struct tok header_protos[] = {
	{ 1, "Ethernet" }, { 11, "IPv4" }, { 12, "IPv6" }, { 0, NULL }
};

static const struct tok counter_names[] = {
	{ 1, "Generic counter" }, { 2, "Ethernet counter" }, { 3, "Token ring counter" },
	{ 4, "100 BaseVG counter" }, { 5, "Vlan counter" }, { 1001, "Processor counter" },
	{ 0, NULL }
};

static const struct tok directions[] = {
	{ 0, "unknown" }, { 1, "full-duplex" }, { 2, "half-duplex" }, { 3, "in" },
	{ 4, "out" }, { 0, NULL }
};

/* Fixed sizes of the structures tcpdump checks the remaining length
 * against. */
#define GENERIC_LEN 88
#define ETHCTR_LEN 52
#define BASEVG_LEN 80
#define VLANCTR_LEN 28
#define PROC_LEN 28
#define RAW_LEN 16
#define ETHFRAME_LEN 24
#define SWITCH_LEN 16
#define FLOW_SAMPLE_LEN 32
#define XFLOW_SAMPLE_LEN 44
#define CTR_SAMPLE_LEN 12
#define XCTR_SAMPLE_LEN 16

/* Each P() below prints only after all its fields were fetched, so a
 * truncation leaves the whole line out, as in tcpdump. */

static int generic_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t idx, type, dir, status, a[5], b[5], e1, e2, e3, prom;
	uint64_t speed, in, out;
	int i;

	if (len < GENERIC_LEN)
		return 1;
	idx = g4(nd, p);
	type = g4(nd, p + 4);
	speed = g8(nd, p + 8);
	dir = g4(nd, p + 16);
	P("\n\t      ifindex %u, iftype %u, ifspeed %" PRIu64 ", ifdirection %u (%s)",
	  idx, type, speed, dir, tok_or(directions, dir, "Unknown"));
	status = g4(nd, p + 20);
	P("\n\t      ifstatus %u, adminstatus: %s, operstatus: %s", status,
	  status & 1 ? "up" : "down", status & 2 ? "up" : "down");
	in = g8(nd, p + 24);
	for (i = 0; i < 4; i++)
		a[i] = g4(nd, p + 32 + 4 * i);
	P("\n\t      In octets %" PRIu64
	  ", unicast pkts %u, multicast pkts %u, broadcast pkts %u, discards %u",
	  in, a[0], a[1], a[2], a[3]);
	e1 = g4(nd, p + 48);
	e2 = g4(nd, p + 52);
	P("\n\t      In errors %u, unknown protos %u", e1, e2);
	out = g8(nd, p + 56);
	for (i = 0; i < 4; i++)
		b[i] = g4(nd, p + 64 + 4 * i);
	P("\n\t      Out octets %" PRIu64
	  ", unicast pkts %u, multicast pkts %u, broadcast pkts %u, discards %u",
	  out, b[0], b[1], b[2], b[3]);
	e3 = g4(nd, p + 80);
	prom = g4(nd, p + 84);
	P("\n\t      Out errors %u, promisc mode %u", e3, prom);
	return 0;
}

static int ethctr_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t v[13];
	int i;

	if (len < ETHCTR_LEN)
		return 1;
	for (i = 0; i < 5; i++)
		v[i] = g4(nd, p + 4 * i);
	P("\n\t      align errors %u, fcs errors %u, single collision %u, multiple collision %u, test error %u",
	  v[0], v[1], v[2], v[3], v[4]);
	for (; i < 9; i++)
		v[i] = g4(nd, p + 4 * i);
	P("\n\t      deferred %u, late collision %u, excessive collision %u, mac trans error %u",
	  v[5], v[6], v[7], v[8]);
	for (; i < 13; i++)
		v[i] = g4(nd, p + 4 * i);
	P("\n\t      carrier error %u, frames too long %u, mac receive errors %u, symbol errors %u",
	  v[9], v[10], v[11], v[12]);
	return 0;
}

static int basevg_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t f1, f2, e[4], f3, f4;
	uint64_t o1, o2, o3, h1, h2, h3;
	int i;

	if (len < BASEVG_LEN)
		return 1;
	f1 = g4(nd, p);
	o1 = g8(nd, p + 4);
	P("\n\t      in high prio frames %u, in high prio octets %" PRIu64, f1, o1);
	f2 = g4(nd, p + 12);
	o2 = g8(nd, p + 16);
	P("\n\t      in norm prio frames %u, in norm prio octets %" PRIu64, f2, o2);
	for (i = 0; i < 4; i++)
		e[i] = g4(nd, p + 24 + 4 * i);
	P("\n\t      in ipm errors %u, oversized %u, in data errors %u, null addressed frames %u",
	  e[0], e[1], e[2], e[3]);
	f3 = g4(nd, p + 40);
	o3 = g8(nd, p + 44);
	f4 = g4(nd, p + 52);
	P("\n\t      out high prio frames %u, out high prio octets %" PRIu64
	  ", trans into frames %u", f3, o3, f4);
	h1 = g8(nd, p + 56);
	h2 = g8(nd, p + 64);
	h3 = g8(nd, p + 72);
	P("\n\t      in hc high prio octets %" PRIu64 ", in hc norm prio octets %" PRIu64
	  ", out hc high prio octets %" PRIu64, h1, h2, h3);
	return 0;
}

static int vlanctr_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t id, u, m, b, d;
	uint64_t oct;

	if (len < VLANCTR_LEN)
		return 1;
	id = g4(nd, p);
	oct = g8(nd, p + 4);
	u = g4(nd, p + 12);
	m = g4(nd, p + 16);
	b = g4(nd, p + 20);
	d = g4(nd, p + 24);
	P("\n\t      vlan_id %u, octets %" PRIu64
	  ", unicast_pkt %u, multicast_pkt %u, broadcast_pkt %u, discards %u",
	  id, oct, u, m, b, d);
	return 0;
}

static int proc_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t s5, m1, m5;
	uint64_t total, freemem;

	if (len < PROC_LEN)
		return 1;
	s5 = g4(nd, p);
	m1 = g4(nd, p + 4);
	m5 = g4(nd, p + 8);
	total = g8(nd, p + 12);
	freemem = g8(nd, p + 20);
	/* tcpdump labels the free memory "total_mem" too */
	P("\n\t      5sec %u, 1min %u, 5min %u, total_mem %" PRIu64 ", total_mem %" PRIu64,
	  s5, m1, m5, total, freemem);
	return 0;
}

static int records_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t n,
			 bool flow);

/* A counter record's body: 0, 1 when it is bad, -1 for a type not decoded. */
static int counter_record(struct nd *nd, uint32_t type, const uint8_t *p, uint32_t len)
{
	switch (type) {
	case 1: return generic_print(nd, p, len);
	case 2: return ethctr_print(nd, p, len);
	case 3: return 0;	/* token ring: nothing printed */
	case 4: return basevg_print(nd, p, len);
	case 5: return vlanctr_print(nd, p, len);
	case 1001: return proc_print(nd, p, len);
	}
	return -1;
}

static int counter_sample_print(struct nd *nd, const uint8_t *p, uint32_t len, int expanded)
{
	uint32_t seq, type, idx, n, hl = expanded ? XCTR_SAMPLE_LEN : CTR_SAMPLE_LEN;

	if (len < hl)
		return 1;
	n = g4(nd, p + hl - 4);
	seq = g4(nd, p);
	if (expanded) {
		type = g4(nd, p + 4);
		idx = g4(nd, p + 8);
	} else {
		type = g1(nd, p + 4);
		idx = g3(nd, p + 5);
	}
	P(" seqnum %u, type %u, idx %u, records %u", seq, type, idx, n);
	return records_print(nd, p + hl, len - hl, n, false);
}

static int raw_packet_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t proto, plen, stripped, hsize;

	if (len < RAW_LEN)
		return 1;
	proto = g4(nd, p);
	plen = g4(nd, p + 4);
	stripped = g4(nd, p + 8);
	hsize = g4(nd, p + 12);
	P("\n\t      protocol %s (%u), length %u, stripped bytes %u, header_size %u",
	  tok_or(header_protos, proto, "Unknown"), proto, plen, stripped, hsize);
	return 0;
}

static int eth_frame_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t flen, type;

	if (len < ETHFRAME_LEN)
		return 1;
	flen = g4(nd, p);
	type = g4(nd, p + 20);
	P("\n\t      frame len %u, type %u", flen, type);
	return 0;
}

static int switch_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t sv, sp, dv, dp;

	if (len < SWITCH_LEN)
		return 1;
	sv = g4(nd, p);
	sp = g4(nd, p + 4);
	dv = g4(nd, p + 8);
	dp = g4(nd, p + 12);
	P("\n\t      src vlan %u, src pri %u, dst vlan %u, dst pri %u", sv, sp, dv, dp);
	return 0;
}

/* A flow record's body, as counter_record(). */
static int flow_record(struct nd *nd, uint32_t type, const uint8_t *p, uint32_t len)
{
	switch (type) {
	case 1: return raw_packet_print(nd, p, len);
	case 2: return eth_frame_print(nd, p, len);
	case 1001: return switch_print(nd, p, len);
	case 3: case 4:
	case 1002: case 1003: case 1004: case 1005: case 1006:
	case 1007: case 1008: case 1009: case 1010: case 1011: case 1012:
		return 0;	/* known, not decoded */
	}
	return -1;
}

/* The n flow or counter records of a sample. */
static int records_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t n,
			 bool flow)
{
	uint32_t fmt, type, ent, rlen;
	int r;

	for (; n > 0; n--) {
		if (len < 8)
			return 1;
		fmt = g4(nd, p);
		rlen = g4(nd, p + 4);
		type = fmt & 0x0fff;
		/* sic: tcpdump takes the enterprise from bit 12 of a flow
		 * record's format, from bit 20 of a counter record's, and puts
		 * a comma after it only for the latter */
		ent = fmt >> (flow ? 12 : 20);
		P("\n\t    enterprise %u%s %s (%u) length %u", ent, flow ? "" : ",",
		  ent == 0 ? tok_or(flow ? flow_names : counter_names, type, "Unknown")
			   : "Unknown", type, rlen);
		p += 8;
		len -= 8;
		if (len < rlen)
			return 1;
		if (ent == 0) {
			r = flow ? flow_record(nd, type, p, len)
				 : counter_record(nd, type, p, len);
			if (r < 0 && nd->o->vflag <= 1)
				unknown_data_print(nd, p, "\n\t\t", (int)rlen);
			if (r > 0)
				return 1;
		}
		p += rlen;
		len -= rlen;
	}
	return 0;
}

static int flow_sample_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t v[9];
	int i;

	if (len < FLOW_SAMPLE_LEN)
		return 1;
	v[8] = g4(nd, p + 28);
	v[0] = g4(nd, p);
	v[1] = g1(nd, p + 4);
	v[2] = g3(nd, p + 5);
	for (i = 3; i < 8; i++)
		v[i] = g4(nd, p + 4 * (i - 1));
	P(" seqnum %u, type %u, idx %u, rate %u, pool %u, drops %u, input %u output %u records %u",
	  v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
	return records_print(nd, p + FLOW_SAMPLE_LEN, len - FLOW_SAMPLE_LEN, v[8], true);
}

static int xflow_sample_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t v[6], n;
	int i;

	if (len < XFLOW_SAMPLE_LEN)
		return 1;
	n = g4(nd, p + 40);
	for (i = 0; i < 6; i++)
		v[i] = g4(nd, p + 4 * i);
	P(" seqnum %u, type %u, idx %u, rate %u, pool %u, drops %u, records %u",
	  v[0], v[1], v[2], v[3], v[4], v[5], n);
	return records_print(nd, p + XFLOW_SAMPLE_LEN, len - XFLOW_SAMPLE_LEN, n, true);
}

void sflow_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	const uint8_t *tp = p;
	uint32_t tlen = len, ipver, ver, id, seq, up, nsamples, stype, slen, hl;
	char b[46];
	const char *agent;
	int bad;

	nd->proto = "sflow";
	ipver = g4(nd, p + 4);
	if ((ipver == 1 && len < DGRAM4_LEN) || (ipver == 2 && len < DGRAM6_LEN)) {
		P("sFlowv%u", g4(nd, p));
		P(" [length %u < %u] (invalid)", len, DGRAM4_LEN);
		return;
	}
	gcheck(nd, p, DGRAM4_LEN);
	ver = g4(nd, p);
	if (ver != 5) {
		P("sFlow version %u packet not supported", ver);
		return;
	}
	/* any version but 1 is taken for IPv6 */
	if (ipver == 1) {
		agent = ip4_str(nd, p + 8, b);
		hl = DGRAM4_LEN;
	} else {
		agent = ip6_str(nd, p + 8, b);
		hl = DGRAM6_LEN;
	}
	id = g4(nd, p + hl - 16);
	if (!nd->o->vflag) {
		P("sFlowv%u, %s agent %s, agent-id %u, length %u", ver,
		  ipver == 1 ? "IPv4" : "IPv6", agent, id, len);
		return;
	}
	seq = g4(nd, p + hl - 12);
	up = g4(nd, p + hl - 8);
	nsamples = g4(nd, p + hl - 4);
	P("sFlowv%u, %s agent %s, agent-id %u, seqnum %u, uptime %u, samples %u, length %u",
	  ver, ipver == 1 ? "IPv4" : "IPv6", agent, id, seq, up, nsamples, len);
	if (tlen < hl) {
		P(" [tlen %u < %u]", tlen, hl);
		goto invalid;
	}
	tp += hl;
	tlen -= hl;

	while (nsamples > 0 && tlen > 0) {
		stype = g4(nd, tp) & 0x0fff;
		slen = g4(nd, tp + 4);
		if (tlen < 8)
			goto invalid;
		tp += 8;
		tlen -= 8;
		P("\n\t%s (%u), length %u,", tok_or(sample_names, stype, "Unknown"), stype, slen);
		if (stype == 0 || slen == 0)
			return;
		if (tlen < slen)
			goto invalid;
		gcheck(nd, tp, slen);
		switch (stype) {
		case SAMPLE_FLOW: bad = flow_sample_print(nd, tp, tlen); break;
		case SAMPLE_COUNTER: bad = counter_sample_print(nd, tp, tlen, 0); break;
		case SAMPLE_XFLOW: bad = xflow_sample_print(nd, tp, tlen); break;
		case SAMPLE_XCOUNTER: bad = counter_sample_print(nd, tp, tlen, 1); break;
		default:
			bad = 0;
			if (nd->o->vflag <= 1)
				unknown_data_print(nd, tp, "\n\t    ", (int)slen);
			break;
		}
		if (bad)
			goto invalid;
		tp += slen;
		tlen -= slen;
		nsamples--;
	}
	return;

invalid:
	P(" (invalid)");
	gcheck(nd, tp, tlen);
}
