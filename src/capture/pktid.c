/* Packet ids across hops; see pktid.h for the signature and the matching. */
#include "pktid.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define PKTID_SET_BITS 11
#define PKTID_SETS (1u << PKTID_SET_BITS)	/* 2048 sets ... */
#define PKTID_WAYS 8				/* ... of 8: 16384 packets */
#define PKTID_MAX_HOPS 8
#define PAYLOAD_HASH_MAX 64
#define OTHER_L4_MAX 32

struct hop {
	uint64_t ts;
	uint32_t ifindex;
	int32_t dir;
};

/* The hops of a packet seen on two or more; a packet seen on one hop only
 * (most of them) never touches its entry. */
struct entry {
	struct hop hops[PKTID_MAX_HOPS];
};

/* A way's packet, apart from its signature and last sighting. */
struct way {
	uint64_t id;		/* 0 until delivered */
	uint32_t if0;		/* the first hop, at last_ts while it is */
	int16_t dir0;		/* the only one */
	uint8_t nhops;
	uint8_t pad;
};

/* A set's ways side by side, in four cache lines: their signatures, last
 * sightings, ids and first hops, apart from the entries, so that a new
 * packet touches three lines of its set (512 KiB in all) and nothing else
 * until a second hop joins it. */
struct set {
	uint64_t sig[PKTID_WAYS];	/* 0 = free */
	uint64_t last_ts[PKTID_WAYS];	/* newest hop */
	struct way way[PKTID_WAYS];
} __attribute__((aligned(64)));

/* The signature pktid_observe() computed, for pktid_get() of the same
 * sighting: computed once per packet, not twice. */
struct memo {
	uint64_t ts;
	uint32_t ifindex;
	int16_t dir;
	int16_t way;		/* where it went, -1 none */
	uint64_t sig;
};

#define PKTID_MEMO_BITS 12
#define PKTID_MEMO (1u << PKTID_MEMO_BITS)

/* A sighting whose set is being fetched: pktid_observe() runs a packet's
 * lookup PKTID_PIPE packets after it computed the signature and asked for
 * the set's lines, which are seldom in the cache. */
#define PKTID_PIPE 8
struct pending {
	uint64_t sig;
	uint64_t ts;
	uint32_t ifindex;
	int32_t dir;
};

struct pktid {
	uint64_t next_id;
	struct set *tab;	/* PKTID_SETS */
	struct entry *ent;	/* PKTID_SETS * PKTID_WAYS, by set */
	struct pending pipe[PKTID_PIPE];	/* oldest at pipe_head */
	unsigned pipe_head, pipe_n;
	struct memo memo[PKTID_MEMO];
};

/* ---- signature ------------------------------------------------------------ */

struct hasher {
	uint64_t h;
};

/* Eight bytes at a time (multiply and xor-shift); a short tail carries
 * its length.  Both hops of a packet hash the same fields in the same
 * calls, so only equality matters, not the byte stream. */
static void h_bytes(struct hasher *s, const void *p, size_t n)
{
	const uint8_t *b = p;
	uint64_t h = s->h, v;

	for (; n >= 8; b += 8, n -= 8) {
		memcpy(&v, b, 8);
		h = (h ^ v) * 0x9e3779b97f4a7c15ull;
		h ^= h >> 29;
	}
	if (n) {
		v = 0;
		memcpy(&v, b, n);
		h = (h ^ v ^ ((uint64_t)n << 56)) * 0x9e3779b97f4a7c15ull;
		h ^= h >> 29;
	}
	s->h = h;
}

static void h_u32(struct hasher *s, uint32_t v)
{
	uint8_t b[4] = { v >> 24, v >> 16, v >> 8, v };

	h_bytes(s, b, 4);
}

static uint64_t h_final(struct hasher *s)
{
	uint64_t z = s->h;

	/* splitmix64 finaliser */
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	z ^= z >> 31;
	return z ? z : 1;
}

static uint16_t rd16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* Up to PAYLOAD_HASH_MAX bytes of payload: as many as the packet has and
 * the capture holds. */
static void h_payload(struct hasher *s, const uint8_t *p, size_t have,
		      size_t len)
{
	size_t n = len < PAYLOAD_HASH_MAX ? len : PAYLOAD_HASH_MAX;

	if (n > have)
		n = have;
	h_bytes(s, p, n);
}

/* TCP: everything but the ports and the checksum; options except the MSS
 * value.  Returns false when the fixed header is not there. */
static bool h_tcp(struct hasher *s, const uint8_t *l4, size_t have)
{
	size_t doff, i;

	if (have < 20)
		return false;
	h_bytes(s, l4 + 4, 12);		/* seq, ack, data offset, flags, window */
	h_bytes(s, l4 + 18, 2);		/* urgent pointer */
	doff = (size_t)(l4[12] >> 4) * 4;
	if (doff <= 20 || doff > have)
		return true;
	for (i = 20; i < doff;) {
		uint8_t kind = l4[i];
		size_t olen;

		if (kind == 0)
			break;
		if (kind == 1) {
			h_bytes(s, &kind, 1);
			i++;
			continue;
		}
		if (i + 1 >= doff)
			break;
		olen = l4[i + 1];
		if (olen < 2 || i + olen > doff)
			break;
		if (kind == 2)
			h_bytes(s, l4 + i, 2);	/* MSS: kind and length only */
		else
			h_bytes(s, l4 + i, olen);
		i += olen;
	}
	return true;
}

/* ICMP (v4 when !v6): echo by type/code/seq/payload, errors by
 * type/code/rest-of-header, anything else by its body. */
static bool h_icmp(struct hasher *s, const uint8_t *l4, size_t have,
		   size_t len, bool v6)
{
	uint8_t type;
	bool echo, error;

	if (have < 8 || len < 8)
		return false;
	type = l4[0];
	if (v6) {
		echo = type == 128 || type == 129;
		error = type < 128;
	} else {
		echo = type == 8 || type == 0 || type == 13 || type == 14 ||
		       type == 15 || type == 16;
		error = type == 3 || type == 4 || type == 5 || type == 11 ||
			type == 12;
	}
	h_bytes(s, l4, 2);			/* type, code */
	if (echo) {
		h_bytes(s, l4 + 6, 2);		/* sequence; not the id */
		h_payload(s, l4 + 8, have - 8, len - 8);
	} else if (error) {
		h_bytes(s, l4 + 4, 4);		/* unused / MTU / pointer */
	} else {
		h_payload(s, l4 + 4, have - 4, len - 4);
	}
	return true;
}

/* The upper-layer part.  l4 points at the header, have = bytes captured,
 * len = bytes the packet has (from the IP header). */
static bool h_l4(struct hasher *s, uint8_t proto, const uint8_t *l4,
		 size_t have, size_t len, bool v6)
{
	uint8_t p = proto;

	h_bytes(s, &p, 1);
	if (have > len)
		have = len;
	switch (proto) {
	case 6:
		return h_tcp(s, l4, have);
	case 17:
	case 136:	/* UDP-Lite */
		if (have < 8)
			return false;
		h_bytes(s, l4 + 4, 2);		/* length */
		h_payload(s, l4 + 8, have - 8, len - 8);
		return true;
	case 1:
		if (v6)
			break;
		return h_icmp(s, l4, have, len, false);
	case 58:
		if (!v6)
			break;
		return h_icmp(s, l4, have, len, true);
	case 132:	/* SCTP: verification tag and chunks, not ports/CRC */
		if (have < 12)
			return false;
		h_bytes(s, l4 + 4, 4);
		h_payload(s, l4 + 12, have - 12, len - 12);
		return true;
	default:
		break;
	}
	h_bytes(s, l4, have < OTHER_L4_MAX ? have : OTHER_L4_MAX);
	return true;
}

static uint64_t sig_ipv4(const uint8_t *ip, size_t have)
{
	struct hasher s = { 0xcbf29ce484222325ull };
	size_t ihl, tot;
	uint16_t frag;
	uint8_t v = 4;

	if (have < 20 || (ip[0] >> 4) != 4)
		return 0;
	ihl = (size_t)(ip[0] & 0x0f) * 4;
	tot = rd16(ip + 2);
	if (tot == 0)		/* BIG TCP GSO packet: the length is elsewhere */
		tot = have;
	if (ihl < 20 || ihl > have || tot < ihl)
		return 0;
	h_bytes(&s, &v, 1);
	h_bytes(&s, ip + 2, 4);		/* total length, id */
	h_bytes(&s, ip + 6, 2);		/* flags, fragment offset */
	h_bytes(&s, ip + 9, 1);		/* protocol */
	frag = rd16(ip + 6) & 0x1fff;
	if (frag) {			/* a later fragment: no L4 header */
		h_payload(&s, ip + ihl, have - ihl, tot - ihl);
		return h_final(&s);
	}
	if (!h_l4(&s, ip[9], ip + ihl, have - ihl, tot - ihl, false))
		return 0;
	return h_final(&s);
}

static uint64_t sig_ipv6(const uint8_t *ip, size_t have)
{
	struct hasher s = { 0xcbf29ce484222325ull };
	size_t off = 40, end;
	uint8_t nh, v = 6;
	int guard;

	if (have < 40 || (ip[0] >> 4) != 6)
		return 0;
	end = 40 + (size_t)rd16(ip + 4);
	if (end == 40 && ip[6] != 59)	/* jumbogram / BIG TCP */
		end = have;
	h_bytes(&s, &v, 1);
	h_u32(&s, rd32(ip) & 0x000fffff);	/* flow label */
	h_bytes(&s, ip + 4, 2);			/* payload length */
	nh = ip[6];
	for (guard = 0; guard < 8; guard++) {
		size_t elen;

		switch (nh) {
		case 0:		/* hop-by-hop */
		case 43:	/* routing: changes on the way, not hashed */
		case 60:	/* destination options */
			if (off + 8 > have)
				return 0;
			elen = ((size_t)ip[off + 1] + 1) * 8;
			break;
		case 51:	/* AH */
			if (off + 8 > have)
				return 0;
			elen = ((size_t)ip[off + 1] + 2) * 4;
			break;
		case 44:	/* fragment: offset, M, identification */
			if (off + 8 > have)
				return 0;
			h_bytes(&s, ip + off + 2, 6);
			if (rd16(ip + off + 2) & 0xfff8) {
				nh = ip[off];
				h_bytes(&s, &nh, 1);
				off += 8;
				if (off > end)
					return 0;
				h_payload(&s, ip + off, have - off, end - off);
				return h_final(&s);
			}
			elen = 8;
			break;
		default:
			goto l4;
		}
		nh = ip[off];
		off += elen;
		if (off > have || off > end)
			return 0;
	}
	return 0;
l4:
	if (off > end)
		return 0;
	if (!h_l4(&s, nh, ip + off, have - off, end - off, true))
		return 0;
	return h_final(&s);
}

uint64_t pktid_signature(const uint8_t *frame, uint32_t caplen, int dlt)
{
	size_t off = 0;
	uint16_t et;

	if (!frame)
		return 0;
	if (dlt == 12) {
		if (caplen < 1)
			return 0;
		switch (frame[0] >> 4) {
		case 4: return sig_ipv4(frame, caplen);
		case 6: return sig_ipv6(frame, caplen);
		default: return 0;
		}
	}
	if (dlt != 1 || caplen < 14)
		return 0;
	et = rd16(frame + 12);
	off = 14;
	/* VLAN tags may be on one hop and not on the next: skip them */
	while ((et == 0x8100 || et == 0x88a8 || et == 0x9100) &&
	       off + 4 <= caplen) {
		et = rd16(frame + off + 2);
		off += 4;
	}
	if (et == 0x0800)
		return sig_ipv4(frame + off, caplen - off);
	if (et == 0x86dd)
		return sig_ipv6(frame + off, caplen - off);
	return 0;
}

/* ---- table ------------------------------------------------------------------ */

struct pktid *pktid_new(void)
{
	struct pktid *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->tab = aligned_alloc(64, PKTID_SETS * sizeof(*t->tab));
	t->ent = calloc((size_t)PKTID_SETS * PKTID_WAYS, sizeof(*t->ent));
	if (!t->tab || !t->ent) {
		free(t->tab);
		free(t->ent);
		free(t);
		return NULL;
	}
	memset(t->tab, 0, PKTID_SETS * sizeof(*t->tab));
	return t;
}

void pktid_free(struct pktid *t)
{
	if (!t)
		return;
	free(t->tab);
	free(t->ent);
	free(t);
}

static size_t set_of(uint64_t sig)
{
	return (size_t)((sig ^ (sig >> 32)) & (PKTID_SETS - 1));
}

static uint64_t tdiff(uint64_t a, uint64_t b)
{
	return a > b ? a - b : b - a;
}

/* The hops of way w of set si (valid when it has two or more). */
static struct entry *way_entry(const struct pktid *t, size_t si, int w)
{
	return &t->ent[si * PKTID_WAYS + (size_t)w];
}

/* Way w of set si: has it a hop on (ifindex, dir), at ts (when
 * any_ts is false)? */
static bool way_has(const struct pktid *t, size_t si, int w, uint64_t ts,
		    bool any_ts, uint32_t ifindex, int dir)
{
	const struct set *set = &t->tab[si];
	const struct way *wy = &set->way[w];
	const struct entry *e;
	uint32_t i;

	if (wy->nhops == 1)
		return wy->if0 == ifindex && wy->dir0 == dir &&
		       (any_ts || set->last_ts[w] == ts);
	e = way_entry(t, si, w);
	for (i = 0; i < wy->nhops; i++)
		if (e->hops[i].ifindex == ifindex && e->hops[i].dir == dir &&
		    (any_ts || e->hops[i].ts == ts))
			return true;
	return false;
}

/* When way w's packet was first seen (packets are observed in time order,
 * so this is also their order of creation). */
static uint64_t way_first_ts(const struct pktid *t, size_t si, int w)
{
	const struct set *set = &t->tab[si];

	if (set->way[w].nhops == 1)
		return set->last_ts[w];
	return way_entry(t, si, w)->hops[0].ts;
}

/* A further hop of the packet in way w. */
static void way_join(struct pktid *t, size_t si, int w, uint64_t ts,
		     uint32_t ifindex, int dir)
{
	struct set *set = &t->tab[si];
	struct way *wy = &set->way[w];
	struct entry *e = way_entry(t, si, w);
	struct hop *h;

	if (wy->nhops == 1) {
		e->hops[0].ts = set->last_ts[w];
		e->hops[0].ifindex = wy->if0;
		e->hops[0].dir = wy->dir0;
	}
	h = &e->hops[wy->nhops++];
	h->ts = ts;
	h->ifindex = ifindex;
	h->dir = dir;
	if (ts > set->last_ts[w])
		set->last_ts[w] = ts;
}

/* The way that holds the packet seen at ts on (ifindex, dir): the one that
 * already has this sighting, else the oldest packet of the same signature
 * within the window and not yet seen on this hop, else a new one in a free
 * way or in the way seen least recently. */
static int observe(struct pktid *t, uint64_t sig, uint64_t ts,
		   uint32_t ifindex, int dir)
{
	size_t si = set_of(sig);
	struct set *set = &t->tab[si];
	int w, best = -1, victim = -1;

	for (w = 0; w < PKTID_WAYS; w++)
		if (set->sig[w] == sig &&
		    way_has(t, si, w, ts, false, ifindex, dir))
			return w;
	for (w = 0; w < PKTID_WAYS; w++) {
		if (set->sig[w] != sig || set->way[w].nhops >= PKTID_MAX_HOPS ||
		    tdiff(ts, set->last_ts[w]) > PKTID_WINDOW_NS ||
		    way_has(t, si, w, 0, true, ifindex, dir))
			continue;
		if (best < 0 ||
		    way_first_ts(t, si, w) < way_first_ts(t, si, best))
			best = w;
	}
	if (best >= 0) {
		way_join(t, si, best, ts, ifindex, dir);
		return best;
	}
	for (w = 0; w < PKTID_WAYS; w++) {
		if (!set->sig[w]) {
			victim = w;
			break;
		}
		if (victim < 0 || set->last_ts[w] < set->last_ts[victim])
			victim = w;
	}
	set->sig[victim] = sig;
	set->last_ts[victim] = ts;
	set->way[victim] = (struct way){ .if0 = ifindex, .dir0 = (int16_t)dir,
					 .nhops = 1 };
	return victim;
}

static struct memo *memo_of(struct pktid *t, uint64_t ts, uint32_t ifindex)
{
	uint64_t k = (ts ^ ((uint64_t)ifindex << 32)) * 0x9e3779b97f4a7c15ull;

	return &t->memo[k >> (64 - PKTID_MEMO_BITS)];
}

/* The oldest pending sighting's lookup, and where it went into its memo
 * (unless a later packet has taken that memo since). */
static void pipe_pop(struct pktid *t)
{
	const struct pending *p = &t->pipe[t->pipe_head];
	struct memo *mo = memo_of(t, p->ts, p->ifindex);
	int w = observe(t, p->sig, p->ts, p->ifindex, p->dir);

	if (mo->ts == p->ts && mo->ifindex == p->ifindex && mo->dir == p->dir)
		mo->way = (int16_t)w;
	t->pipe_head = (t->pipe_head + 1) % PKTID_PIPE;
	t->pipe_n--;
}

void pktid_observe(struct pktid *t, uint64_t ts_ns, uint32_t ifindex, int dir,
		   const uint8_t *frame, uint32_t caplen, int dlt)
{
	struct pending *p;
	struct memo *mo;
	const struct set *set;
	uint64_t sig;

	if (!t)
		return;
	sig = pktid_signature(frame, caplen, dlt);
	mo = memo_of(t, ts_ns, ifindex);
	mo->ts = ts_ns;
	mo->ifindex = ifindex;
	mo->dir = (int16_t)dir;
	mo->sig = sig;
	mo->way = -1;
	if (!sig)
		return;
	set = &t->tab[set_of(sig)];
	__builtin_prefetch(set->sig, 1);
	__builtin_prefetch(set->last_ts, 1);
	__builtin_prefetch(set->way, 1);
	__builtin_prefetch(&set->way[PKTID_WAYS / 2], 1);
	if (t->pipe_n == PKTID_PIPE)
		pipe_pop(t);
	p = &t->pipe[(t->pipe_head + t->pipe_n++) % PKTID_PIPE];
	p->sig = sig;
	p->ts = ts_ns;
	p->ifindex = ifindex;
	p->dir = dir;
}

uint64_t pktid_get(struct pktid *t, uint64_t ts_ns, uint32_t ifindex, int dir,
		   const uint8_t *frame, uint32_t caplen, int dlt,
		   unsigned *hops)
{
	struct memo *mo;
	struct set *set;
	uint64_t sig;
	size_t si;
	int w = -1;

	if (hops)
		*hops = 0;
	if (!t)
		return 0;
	while (t->pipe_n)
		pipe_pop(t);
	mo = memo_of(t, ts_ns, ifindex);
	if (mo->ts == ts_ns && mo->ifindex == ifindex && mo->dir == dir) {
		sig = mo->sig;
		w = mo->way;
	} else {
		sig = pktid_signature(frame, caplen, dlt);
	}
	if (!sig)
		return 0;
	si = set_of(sig);
	set = &t->tab[si];
	/* the way the pre-pass put it in, unless it was taken since */
	if (w < 0 || set->sig[w] != sig ||
	    !way_has(t, si, w, ts_ns, false, ifindex, dir))
		w = observe(t, sig, ts_ns, ifindex, dir);
	if (!set->way[w].id)
		set->way[w].id = ++t->next_id;
	if (hops)
		*hops = set->way[w].nhops;
	return set->way[w].id;
}
