/* Unit tests for packet ids across hops (src/capture/pktid.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/pktid.h"

#define MS 1000000ull
#define DIR_IN 1
#define DIR_OUT 2

/* ---- frame builder ---------------------------------------------------------- */

struct pk {
	int v6;
	const char *src, *dst;	/* "a.b.c.d" or last byte for v6 */
	uint16_t sport, dport;
	uint8_t ttl;
	uint16_t ipid;
	uint32_t flow;
	uint8_t proto;		/* 6, 17, 1/58, or anything */
	uint32_t seq, ack;
	uint8_t flags;
	uint16_t win;
	uint16_t mss;		/* TCP MSS option if non-zero */
	uint8_t icmp_type;
	uint16_t icmp_id, icmp_seq;
	const char *payload;
	uint16_t csum;		/* garbage put into the checksums */
	uint8_t mac;		/* last MAC byte */
	int vlan;
};

static size_t put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = (uint8_t)v;
	return 2;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static void addr4(uint8_t *p, const char *s)
{
	unsigned a, b, c, d;

	assert_int_equal(sscanf(s, "%u.%u.%u.%u", &a, &b, &c, &d), 4);
	p[0] = a, p[1] = b, p[2] = c, p[3] = d;
}

/* Builds the IP packet at out; returns its length. */
static size_t build_ip(uint8_t *out, const struct pk *k)
{
	uint8_t l4[256];
	size_t l4len = 0, plen = k->payload ? strlen(k->payload) : 0;
	size_t iplen;

	memset(l4, 0, sizeof(l4));
	switch (k->proto) {
	case 6:
		put16(l4, k->sport);
		put16(l4 + 2, k->dport);
		put32(l4 + 4, k->seq);
		put32(l4 + 8, k->ack);
		l4[13] = k->flags;
		put16(l4 + 14, k->win);
		put16(l4 + 16, k->csum);
		l4len = 20;
		if (k->mss) {
			l4[20] = 2;
			l4[21] = 4;
			put16(l4 + 22, k->mss);
			l4[24] = 1;
			l4[25] = 1;
			l4[26] = 4;	/* sackOK */
			l4[27] = 2;
			l4len = 28;
		}
		l4[12] = (uint8_t)((l4len / 4) << 4);
		break;
	case 17:
		put16(l4, k->sport);
		put16(l4 + 2, k->dport);
		put16(l4 + 4, (uint16_t)(8 + plen));
		put16(l4 + 6, k->csum);
		l4len = 8;
		break;
	case 1:
	case 58:
		l4[0] = k->icmp_type;
		put16(l4 + 2, k->csum);
		put16(l4 + 4, k->icmp_id);
		put16(l4 + 6, k->icmp_seq);
		l4len = 8;
		break;
	default:
		l4len = 0;
	}
	memcpy(l4 + l4len, k->payload ? k->payload : "", plen);
	l4len += plen;
	if (!k->v6) {
		iplen = 20 + l4len;
		memset(out, 0, 20);
		out[0] = 0x45;
		out[1] = k->csum & 0xfc;	/* DSCP may be rewritten */
		put16(out + 2, (uint16_t)iplen);
		put16(out + 4, k->ipid);
		out[6] = 0x40;
		out[8] = k->ttl ? k->ttl : 64;
		out[9] = k->proto;
		put16(out + 10, k->csum);
		addr4(out + 12, k->src);
		addr4(out + 16, k->dst);
		memcpy(out + 20, l4, l4len);
	} else {
		iplen = 40 + l4len;
		memset(out, 0, 40);
		put32(out, 0x60000000u | (k->flow & 0xfffff));
		put16(out + 4, (uint16_t)l4len);
		out[6] = k->proto;
		out[7] = k->ttl ? k->ttl : 64;
		out[8] = 0xfd;
		out[23] = (uint8_t)atoi(k->src);
		out[24] = 0xfd;
		out[39] = (uint8_t)atoi(k->dst);
		memcpy(out + 40, l4, l4len);
	}
	return iplen;
}

static uint8_t fbuf[512];

/* Ethernet frame in fbuf; returns its length. */
static uint32_t eth(const struct pk *k)
{
	size_t off = 12;

	memset(fbuf, 0, 12);
	fbuf[5] = k->mac;
	fbuf[11] = (uint8_t)(k->mac + 1);
	if (k->vlan) {
		off += put16(fbuf + off, 0x8100);
		off += put16(fbuf + off, (uint16_t)k->vlan);
	}
	off += put16(fbuf + off, k->v6 ? 0x86dd : 0x0800);
	return (uint32_t)(off + build_ip(fbuf + off, k));
}

static uint32_t raw(const struct pk *k)
{
	return (uint32_t)build_ip(fbuf, k);
}

/* One sighting through observe then get (the live path), frame in fbuf. */
struct sight {
	uint64_t ts;
	uint32_t ifindex;
	int dir;
	uint8_t frame[512];
	uint32_t len;
	int dlt;
};

static void sight(struct sight *s, uint64_t ts, uint32_t ifx, int dir,
		  const struct pk *k, int dlt)
{
	s->ts = ts;
	s->ifindex = ifx;
	s->dir = dir;
	s->dlt = dlt;
	s->len = dlt == 12 ? raw(k) : eth(k);
	memcpy(s->frame, fbuf, s->len);
}

/* Observes the batch, then gets every id. */
static void batch(struct pktid *t, struct sight *s, size_t n, uint64_t *ids,
		  unsigned *hops)
{
	size_t i;

	for (i = 0; i < n; i++)
		pktid_observe(t, s[i].ts, s[i].ifindex, s[i].dir, s[i].frame,
			      s[i].len, s[i].dlt);
	for (i = 0; i < n; i++)
		ids[i] = pktid_get(t, s[i].ts, s[i].ifindex, s[i].dir,
				   s[i].frame, s[i].len, s[i].dlt, &hops[i]);
}

static struct pk syn(void)
{
	struct pk k;

	memset(&k, 0, sizeof(k));
	k.src = "172.17.0.2";
	k.dst = "198.51.100.10";
	k.sport = 42606;
	k.dport = 80;
	k.ipid = 0x1234;
	k.proto = 6;
	k.seq = 217911223;
	k.flags = 0x02;
	k.win = 64240;
	k.mss = 1460;
	k.csum = 0xaaaa;
	k.mac = 0x10;
	return k;
}

/* ---- tests ----------------------------------------------------------------- */

/* veth In -> docker0 In -> uplink0 Out with MASQUERADE (new source address
 * and port), TTL decremented, checksums rewritten, other MACs; the SYN/ACK
 * back before and after de-NAT. */
static void test_three_hops_across_nat(void **state)
{
	struct pktid *t = pktid_new();
	struct sight s[6];
	uint64_t ids[6];
	unsigned hops[6];
	struct pk k = syn(), r;

	(void)state;
	assert_non_null(t);
	sight(&s[0], 1000, 11, DIR_IN, &k, 1);		/* veth */
	k.mac = 0x20;
	sight(&s[1], 1000 + 3000, 3, DIR_IN, &k, 1);	/* docker0 */
	k.src = "198.51.100.1";
	k.sport = 51000;
	k.ttl = 63;
	k.csum = 0x5555;
	k.mac = 0x30;
	sight(&s[2], 1000 + 9000, 7, DIR_OUT, &k, 1);	/* uplink0 */

	r = syn();
	r.src = "198.51.100.10";
	r.dst = "198.51.100.1";
	r.sport = 80;
	r.dport = 51000;
	r.ipid = 0;
	r.seq = 99;
	r.ack = 217911224;
	r.flags = 0x12;
	r.win = 65160;
	r.mss = 1460;
	r.mac = 0x40;
	sight(&s[3], 2 * MS, 7, DIR_IN, &r, 1);		/* uplink0 */
	r.dst = "172.17.0.2";
	r.dport = 42606;
	r.ttl = 63;
	r.csum = 0x1111;
	sight(&s[4], 2 * MS + 4000, 3, DIR_OUT, &r, 1);	/* docker0 */
	r.mss = 1400;					/* clamped on the way */
	sight(&s[5], 2 * MS + 6000, 11, DIR_OUT, &r, 1);	/* veth */

	batch(t, s, 6, ids, hops);
	assert_int_equal(ids[0], 1);
	assert_int_equal(ids[1], 1);
	assert_int_equal(ids[2], 1);
	assert_int_equal(hops[0], 3);	/* look-ahead: all three hops known */
	assert_int_equal(hops[2], 3);
	assert_int_equal(ids[3], 2);
	assert_int_equal(ids[4], 2);
	assert_int_equal(ids[5], 2);
	assert_int_equal(hops[3], 3);
	pktid_free(t);
}

/* A hop on an L3 device (raw IP) matches the Ethernet hop. */
static void test_raw_ip_matches_ethernet(void **state)
{
	struct pktid *t = pktid_new();
	struct sight s[2];
	uint64_t ids[2];
	unsigned hops[2];
	struct pk k = syn();

	(void)state;
	sight(&s[0], 5000, 4, DIR_OUT, &k, 1);
	k.vlan = 0;
	sight(&s[1], 6000, 9, DIR_OUT, &k, 12);
	batch(t, s, 2, ids, hops);
	assert_int_equal(ids[0], ids[1]);
	assert_int_equal(hops[1], 2);
	/* and a VLAN tag on one hop does not matter */
	k.ipid++;
	k.vlan = 100;
	sight(&s[0], 8000, 4, DIR_IN, &k, 1);
	k.vlan = 0;
	sight(&s[1], 9000, 5, DIR_IN, &k, 1);
	batch(t, s, 2, ids, hops);
	assert_int_equal(ids[0], 2);
	assert_int_equal(ids[1], 2);
	pktid_free(t);
}

/* The same hop again is a new packet; so is a retransmission later. */
static void test_same_hop_and_retransmission(void **state)
{
	struct pktid *t = pktid_new();
	struct sight s[4];
	uint64_t ids[4];
	unsigned hops[4];
	struct pk k = syn();

	(void)state;
	/* IPv6 dup ACKs: identical on the wire; each crosses two hops */
	k.v6 = 1;
	k.src = "2";
	k.dst = "10";
	k.flags = 0x10;
	k.mss = 0;
	sight(&s[0], 1000, 1, DIR_IN, &k, 1);
	sight(&s[1], 2000, 1, DIR_IN, &k, 1);
	sight(&s[2], 2500, 2, DIR_OUT, &k, 1);
	sight(&s[3], 3000, 2, DIR_OUT, &k, 1);
	batch(t, s, 4, ids, hops);
	assert_int_equal(ids[0], 1);
	assert_int_equal(ids[1], 2);
	assert_int_equal(ids[2], 1);
	assert_int_equal(ids[3], 2);
	assert_int_equal(hops[0], 2);
	assert_int_equal(hops[3], 2);

	/* the same again 200 ms later: a retransmission, new ids */
	sight(&s[0], 200 * MS, 1, DIR_IN, &k, 1);
	sight(&s[1], 200 * MS + 100, 2, DIR_OUT, &k, 1);
	batch(t, s, 2, ids, hops);
	assert_int_equal(ids[0], 3);
	assert_int_equal(ids[1], 3);
	/* one hop only, past the window */
	sight(&s[0], 260 * MS + 200, 3, DIR_OUT, &k, 1);
	batch(t, s, 1, ids, hops);
	assert_int_equal(ids[0], 4);
	assert_int_equal(hops[0], 1);
	pktid_free(t);
}

/* Different packets of one flow get different ids. */
static void test_distinct_packets(void **state)
{
	struct pktid *t = pktid_new();
	struct sight s[6];
	uint64_t ids[6];
	unsigned hops[6];
	struct pk k = syn();
	int i, j;

	(void)state;
	k.flags = 0x18;
	k.mss = 0;
	k.payload = "GET / HTTP/1.1\r\n";
	sight(&s[0], 100, 1, DIR_OUT, &k, 1);
	k.ipid++;				/* next segment */
	sight(&s[1], 200, 1, DIR_OUT, &k, 1);
	k.seq += 16;
	sight(&s[2], 300, 1, DIR_OUT, &k, 1);
	k.win = 100;
	sight(&s[3], 400, 1, DIR_OUT, &k, 1);
	k.proto = 17;
	k.payload = "aaaa";
	sight(&s[4], 500, 1, DIR_OUT, &k, 1);
	k.payload = "aaab";
	sight(&s[5], 600, 1, DIR_OUT, &k, 1);
	batch(t, s, 6, ids, hops);
	for (i = 0; i < 6; i++) {
		assert_int_equal(ids[i], (uint64_t)i + 1);
		assert_int_equal(hops[i], 1);
		for (j = 0; j < i; j++)
			assert_true(ids[i] != ids[j]);
	}
	pktid_free(t);
}

/* UDP across SNAT: ports and checksum change, payload does not. */
static void test_udp_and_icmp_nat(void **state)
{
	struct pktid *t = pktid_new();
	struct sight s[4];
	uint64_t ids[4];
	unsigned hops[4];
	struct pk k;

	(void)state;
	memset(&k, 0, sizeof(k));
	k.src = "10.88.0.5";
	k.dst = "198.51.100.10";
	k.sport = 5353;
	k.dport = 53;
	k.proto = 17;
	k.ipid = 7;
	k.payload = "\x12\x34query-bytes";
	k.csum = 1;
	sight(&s[0], 10, 20, DIR_IN, &k, 1);
	k.src = "198.51.100.1";
	k.sport = 1024;
	k.csum = 2;
	k.ttl = 63;
	sight(&s[1], 20, 7, DIR_OUT, &k, 1);

	/* ICMP echo: NAT may remap the identifier */
	memset(&k, 0, sizeof(k));
	k.src = "10.88.0.5";
	k.dst = "198.51.100.10";
	k.proto = 1;
	k.icmp_type = 8;
	k.icmp_id = 0x77;
	k.icmp_seq = 3;
	k.ipid = 9;
	k.payload = "0123456789abcdef";
	sight(&s[2], 30, 20, DIR_IN, &k, 1);
	k.src = "198.51.100.1";
	k.icmp_id = 0x78;
	k.csum = 3;
	sight(&s[3], 40, 7, DIR_OUT, &k, 1);
	batch(t, s, 4, ids, hops);
	assert_int_equal(ids[0], 1);
	assert_int_equal(ids[1], 1);
	assert_int_equal(ids[2], 2);
	assert_int_equal(ids[3], 2);
	assert_int_equal(hops[3], 2);
	pktid_free(t);
}

/* IPv6 ICMPv6 echo and UDP: flow label / payload length / payload. */
static void test_ipv6(void **state)
{
	struct pktid *t = pktid_new();
	struct sight s[4];
	uint64_t ids[4];
	unsigned hops[4];
	struct pk k;

	(void)state;
	memset(&k, 0, sizeof(k));
	k.v6 = 1;
	k.src = "2";
	k.dst = "1";
	k.flow = 0xabcde;
	k.proto = 58;
	k.icmp_type = 128;
	k.icmp_id = 1;
	k.icmp_seq = 1;
	k.payload = "ping-payload";
	sight(&s[0], 100, 1, DIR_IN, &k, 1);
	k.ttl = 63;
	sight(&s[1], 200, 2, DIR_OUT, &k, 12);
	k.flow = 0x12345;	/* another flow: another packet */
	sight(&s[2], 300, 3, DIR_OUT, &k, 1);
	k.flow = 0xabcde;
	k.icmp_seq = 2;		/* next echo */
	sight(&s[3], 400, 3, DIR_OUT, &k, 1);
	batch(t, s, 4, ids, hops);
	assert_int_equal(ids[0], 1);
	assert_int_equal(ids[1], 1);
	assert_int_equal(hops[0], 2);
	assert_int_equal(ids[2], 2);
	assert_int_equal(ids[3], 3);
	assert_int_equal(hops[3], 1);
	pktid_free(t);
}

/* ARP, garbage and truncated frames have no id; nothing crashes. */
static void test_no_id_and_truncation(void **state)
{
	struct pktid *t = pktid_new();
	uint8_t arp[42];
	struct pk k = syn();
	uint32_t len, n;
	unsigned hops = 99;
	uint8_t junk[128];
	int i, dlt;

	(void)state;
	memset(arp, 0, sizeof(arp));
	arp[12] = 0x08;
	arp[13] = 0x06;
	pktid_observe(t, 1, 1, DIR_IN, arp, sizeof(arp), 1);
	assert_int_equal(pktid_get(t, 1, 1, DIR_IN, arp, sizeof(arp), 1, &hops), 0);
	assert_int_equal(hops, 0);
	assert_int_equal(pktid_get(t, 1, 1, DIR_IN, NULL, 0, 1, &hops), 0);
	assert_int_equal(pktid_get(t, 1, 1, DIR_IN, arp, sizeof(arp), 113, &hops), 0);
	assert_int_equal(pktid_get(NULL, 1, 1, DIR_IN, arp, sizeof(arp), 1, &hops), 0);
	pktid_observe(NULL, 1, 1, DIR_IN, arp, sizeof(arp), 1);

	len = eth(&k);
	for (n = 0; n < len; n++) {	/* every truncation of a valid frame */
		uint64_t sig = pktid_signature(fbuf, n, 1);

		if (n < 14 + 20 + 20)
			assert_int_equal(sig, 0);
		(void)pktid_get(t, 10 + n, 1, DIR_IN, fbuf, n, 1, &hops);
	}
	assert_true(pktid_signature(fbuf, len, 1) != 0);
	/* a bad IHL, a length shorter than the header */
	fbuf[14] = 0x44;
	assert_int_equal(pktid_signature(fbuf, len, 1), 0);
	fbuf[14] = 0x45;
	fbuf[16] = 0;
	fbuf[17] = 10;
	assert_int_equal(pktid_signature(fbuf, len, 1), 0);

	srand(42);
	for (i = 0; i < 20000; i++) {	/* random bytes behind IP headers */
		n = (uint32_t)(rand() % sizeof(junk));
		for (uint32_t j = 0; j < n; j++)
			junk[j] = (uint8_t)rand();
		dlt = i & 1 ? 1 : 12;
		if (dlt == 12 && n)
			junk[0] = (uint8_t)((i & 2 ? 0x40 : 0x60) | (junk[0] & 15));
		if (dlt == 1 && n >= 14) {
			junk[12] = i & 2 ? 0x08 : 0x86;
			junk[13] = i & 2 ? 0x00 : 0xdd;
			if (n > 14)
				junk[14] = (uint8_t)((i & 2 ? 0x40 : 0x60) | (junk[14] & 15));
		}
		pktid_observe(t, (uint64_t)i * 1000, (uint32_t)(i % 5), DIR_IN,
			      junk, n, dlt);
		(void)pktid_get(t, (uint64_t)i * 1000, (uint32_t)(i % 5), DIR_IN,
				junk, n, dlt, &hops);
	}
	pktid_free(t);
}

/* Without the pre-pass, get still works (and counts hops seen so far). */
static void test_get_without_observe(void **state)
{
	struct pktid *t = pktid_new();
	struct pk k = syn();
	uint32_t len = eth(&k);
	unsigned hops;

	(void)state;
	assert_int_equal(pktid_get(t, 100, 1, DIR_IN, fbuf, len, 1, &hops), 1);
	assert_int_equal(hops, 1);
	assert_int_equal(pktid_get(t, 200, 2, DIR_IN, fbuf, len, 1, &hops), 1);
	assert_int_equal(hops, 2);
	/* observing twice and getting twice does not add hops */
	pktid_observe(t, 200, 2, DIR_IN, fbuf, len, 1);
	assert_int_equal(pktid_get(t, 200, 2, DIR_IN, fbuf, len, 1, &hops), 1);
	assert_int_equal(hops, 2);
	assert_int_equal(pktid_get(t, 200, 2, DIR_IN, fbuf, len, 1, NULL), 1);
	pktid_free(t);
}

/* Bounded table: a flood of distinct packets, then hop matching still works
 * for recent ones; ids keep increasing. */
static void test_flood_bounded(void **state)
{
	struct pktid *t = pktid_new();
	struct pk k = syn();
	uint64_t last = 0, id, ts = 0;
	unsigned hops;
	uint32_t len;
	int i;

	(void)state;
	k.mss = 0;
	for (i = 0; i < 200000; i++) {
		k.ipid = (uint16_t)i;
		k.seq = (uint32_t)i * 1000;
		len = eth(&k);
		ts += 1000;	/* 1 Mpps */
		pktid_observe(t, ts, 1, DIR_OUT, fbuf, len, 1);
		pktid_observe(t, ts + 500, 2, DIR_OUT, fbuf, len, 1);
		id = pktid_get(t, ts, 1, DIR_OUT, fbuf, len, 1, &hops);
		assert_int_equal(hops, 2);
		assert_true(id == last + 1);
		assert_int_equal(pktid_get(t, ts + 500, 2, DIR_OUT, fbuf, len, 1, &hops), id);
		last = id;
	}
	pktid_free(t);
}

/* A batch far longer than the look-ahead of the pre-pass (each packet's
 * lookup runs a few packets after its signature) and than the table:
 * every packet's later hop still joins it, and ids stay in delivery
 * order even for packets whose way was taken again before delivery. */
static void test_large_batch(void **state)
{
	enum { N = 3000, BIG = 40000 };
	static uint8_t frames[BIG][128];
	static uint32_t lens[BIG];
	struct pktid *t = pktid_new();
	struct pk k = syn();
	unsigned hops;
	uint64_t id, want = 1;
	int i;

	(void)state;
	k.mss = 0;
	for (i = 0; i < BIG; i++) {
		k.ipid = (uint16_t)i;
		k.seq = (uint32_t)i * 1000;
		lens[i] = eth(&k);
		assert_true(lens[i] <= sizeof(frames[i]));
		memcpy(frames[i], fbuf, lens[i]);
	}
	/* N packets on hop 1, then the same N on hop 2 (a bridge after a
	 * veth, read in one batch) */
	for (i = 0; i < 2 * N; i++)
		pktid_observe(t, 1000 + (uint64_t)i * 1000, i < N ? 1 : 2,
			      DIR_OUT, frames[i % N], lens[i % N], 1);
	for (i = 0; i < 2 * N; i++) {
		id = pktid_get(t, 1000 + (uint64_t)i * 1000, i < N ? 1 : 2,
			       DIR_OUT, frames[i % N], lens[i % N], 1, &hops);
		assert_int_equal(hops, 2);
		assert_true(id == (uint64_t)(i % N) + 1);
	}
	pktid_free(t);

	/* more single-hop packets than the table holds, observed before
	 * any is delivered */
	t = pktid_new();
	for (i = 0; i < BIG; i++)
		pktid_observe(t, 1000 + (uint64_t)i * 10, 1, DIR_IN, frames[i],
			      lens[i], 1);
	for (i = 0; i < BIG; i++) {
		id = pktid_get(t, 1000 + (uint64_t)i * 10, 1, DIR_IN, frames[i],
			       lens[i], 1, &hops);
		assert_int_equal(hops, 1);
		assert_true(id == want++);
	}
	pktid_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_three_hops_across_nat),
		cmocka_unit_test(test_raw_ip_matches_ethernet),
		cmocka_unit_test(test_same_hop_and_retransmission),
		cmocka_unit_test(test_distinct_packets),
		cmocka_unit_test(test_udp_and_icmp_nat),
		cmocka_unit_test(test_ipv6),
		cmocka_unit_test(test_no_id_and_truncation),
		cmocka_unit_test(test_get_without_observe),
		cmocka_unit_test(test_flood_bounded),
		cmocka_unit_test(test_large_batch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
