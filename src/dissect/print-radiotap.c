/* Radiotap headers (link type 127): the radio fields tcpdump shows, then
 * the 802.11 frame. */
#include <inttypes.h>

#include "dissect-int.h"

/* HT data rates in Mb/s by MCS index: 20 MHz long and short guard
 * interval, 40 MHz long and short. */
static const float ht_rates[77][4] = {
	{ 6.5f, 7.2f, 13.5f, 15.0f },
	{ 13.0f, 14.4f, 27.0f, 30.0f },
	{ 19.5f, 21.7f, 40.5f, 45.0f },
	{ 26.0f, 28.9f, 54.0f, 60.0f },
	{ 39.0f, 43.3f, 81.0f, 90.0f },
	{ 52.0f, 57.8f, 108.0f, 120.0f },
	{ 58.5f, 65.0f, 121.5f, 135.0f },
	{ 65.0f, 72.2f, 135.0f, 150.0f },
	{ 13.0f, 14.4f, 27.0f, 30.0f },
	{ 26.0f, 28.9f, 54.0f, 60.0f },
	{ 39.0f, 43.3f, 81.0f, 90.0f },
	{ 52.0f, 57.8f, 108.0f, 120.0f },
	{ 78.0f, 86.7f, 162.0f, 180.0f },
	{ 104.0f, 115.6f, 216.0f, 240.0f },
	{ 117.0f, 130.0f, 243.0f, 270.0f },
	{ 130.0f, 144.4f, 270.0f, 300.0f },
	{ 19.5f, 21.7f, 40.5f, 45.0f },
	{ 39.0f, 43.3f, 81.0f, 90.0f },
	{ 58.5f, 65.0f, 121.5f, 135.0f },
	{ 78.0f, 86.7f, 162.0f, 180.0f },
	{ 117.0f, 130.0f, 243.0f, 270.0f },
	{ 156.0f, 173.3f, 324.0f, 360.0f },
	{ 175.5f, 195.0f, 364.5f, 405.0f },
	{ 195.0f, 216.7f, 405.0f, 450.0f },
	{ 26.0f, 28.9f, 54.0f, 60.0f },
	{ 52.0f, 57.8f, 108.0f, 120.0f },
	{ 78.0f, 86.7f, 162.0f, 180.0f },
	{ 104.0f, 115.6f, 216.0f, 240.0f },
	{ 156.0f, 173.3f, 324.0f, 360.0f },
	{ 208.0f, 231.1f, 432.0f, 480.0f },
	{ 234.0f, 260.0f, 486.0f, 540.0f },
	{ 260.0f, 288.9f, 540.0f, 600.0f },
	{ 0.0f, 0.0f, 6.0f, 6.7f },
	{ 39.0f, 43.3f, 81.0f, 90.0f },
	{ 52.0f, 57.8f, 108.0f, 120.0f },
	{ 65.0f, 72.2f, 135.0f, 150.0f },
	{ 58.5f, 65.0f, 121.5f, 135.0f },
	{ 78.0f, 86.7f, 162.0f, 180.0f },
	{ 97.5f, 108.3f, 202.5f, 225.0f },
	{ 52.0f, 57.8f, 108.0f, 120.0f },
	{ 65.0f, 72.2f, 135.0f, 150.0f },
	{ 65.0f, 72.2f, 135.0f, 150.0f },
	{ 78.0f, 86.7f, 162.0f, 180.0f },
	{ 91.0f, 101.1f, 189.0f, 210.0f },
	{ 91.0f, 101.1f, 189.0f, 210.0f },
	{ 104.0f, 115.6f, 216.0f, 240.0f },
	{ 78.0f, 86.7f, 162.0f, 180.0f },
	{ 97.5f, 108.3f, 202.5f, 225.0f },
	{ 97.5f, 108.3f, 202.5f, 225.0f },
	{ 117.0f, 130.0f, 243.0f, 270.0f },
	{ 136.5f, 151.7f, 283.5f, 315.0f },
	{ 136.5f, 151.7f, 283.5f, 315.0f },
	{ 156.0f, 173.3f, 324.0f, 360.0f },
	{ 65.0f, 72.2f, 135.0f, 150.0f },
	{ 78.0f, 86.7f, 162.0f, 180.0f },
	{ 91.0f, 101.1f, 189.0f, 210.0f },
	{ 78.0f, 86.7f, 162.0f, 180.0f },
	{ 91.0f, 101.1f, 189.0f, 210.0f },
	{ 104.0f, 115.6f, 216.0f, 240.0f },
	{ 117.0f, 130.0f, 243.0f, 270.0f },
	{ 104.0f, 115.6f, 216.0f, 240.0f },
	{ 117.0f, 130.0f, 243.0f, 270.0f },
	{ 130.0f, 144.4f, 270.0f, 300.0f },
	{ 130.0f, 144.4f, 270.0f, 300.0f },
	{ 143.0f, 158.9f, 297.0f, 330.0f },
	{ 97.5f, 108.3f, 202.5f, 225.0f },
	{ 117.0f, 130.0f, 243.0f, 270.0f },
	{ 136.5f, 151.7f, 283.5f, 315.0f },
	{ 117.0f, 130.0f, 243.0f, 270.0f },
	{ 136.5f, 151.7f, 283.5f, 315.0f },
	{ 156.0f, 173.3f, 324.0f, 360.0f },
	{ 175.5f, 195.0f, 364.5f, 405.0f },
	{ 156.0f, 173.3f, 324.0f, 360.0f },
	{ 175.5f, 195.0f, 364.5f, 405.0f },
	{ 195.0f, 216.7f, 405.0f, 450.0f },
	{ 195.0f, 216.7f, 405.0f, 450.0f },
	{ 214.5f, 238.3f, 445.5f, 495.0f },
};

/* Reads the fields of the header (len bytes from base), each aligned to
 * its size from the start of the header. */
struct rt_cur {
	const uint8_t *base;
	uint32_t len, off;
};

/* The offset of the next n-byte field, or -1 when the header ends first. */
static long rt_reserve(const struct rt_cur *c, uint32_t n)
{
	uint32_t o = c->off;

	if (o % n)
		o += n - o % n;
	if ((uint64_t)o + n > c->len)
		return -1;
	return (long)o;
}

/* Fetches an n-byte little-endian field into *v; 0 when the header ends. */
static int rt_get(struct nd *nd, struct rt_cur *c, uint32_t n, uint64_t *v)
{
	long o = rt_reserve(c, n);
	const uint8_t *p;

	if (o < 0)
		return 0;
	p = c->base + o;
	switch (n) {
	case 1: *v = g1(nd, p); break;
	case 2: *v = gl2(nd, p); break;
	case 4: *v = gl4(nd, p); break;
	default: *v = gl8(nd, p); break;
	}
	c->off = (uint32_t)o + n;
	return 1;
}

static void chan_print(struct nd *nd, unsigned freq, uint32_t fl, uint32_t present)
{
	int g = (fl & 0xc0) == 0xc0 || (fl & 0x480) == 0x480;	/* 2 GHz OFDM or dynamic */

	P("%u MHz", freq);
	if (present & (1u << 19)) {	/* an MCS field: 11n whatever the flags say */
		P(" 11n");
	} else {
		if ((fl & 0x880) == 0x880)
			P(" FHSS");
		if ((fl & 0x140) == 0x140)
			P((fl & 0x4000) ? " 11a/10Mhz" : (fl & 0x8000) ? " 11a/5Mhz" : " 11a");
		if (g)
			P((fl & 0x4000) ? " 11g/10Mhz" : (fl & 0x8000) ? " 11g/5Mhz" : " 11g");
		else if ((fl & 0xa0) == 0xa0)
			P(" 11b");
		if (fl & 0x10)
			P(" Turbo");
	}
	if (fl & 0x10000)
		P(" ht/20");
	else if (fl & 0x40000)
		P(" ht/40-");
	else if (fl & 0x20000)
		P(" ht/40+");
	P(" ");
}

static void mcs_print(struct nd *nd, unsigned known, unsigned fl, unsigned idx)
{
	static const char *const bw[4] = { "20 MHz", "40 MHz", "20 MHz (L)", "20 MHz (U)" };

	if (known & 0x02) {
		double rate = 0;

		/* tcpdump looks the rate up when the bandwidth or the guard
		 * interval is known */
		if (idx < 77 && (known & 0x05))
			rate = ht_rates[idx][((fl & 3) == 1 ? 2 : 0) + ((fl & 4) ? 1 : 0)];
		if (rate != 0)
			P("%.1f Mb/s MCS %u ", rate, idx);
		else
			P("MCS %u ", idx);
	}
	if (known & 0x01)
		P("%s ", bw[fl & 3]);
	if (known & 0x04)
		P("%s GI ", (fl & 0x04) ? "short" : "long");
	if (known & 0x08)
		P("%s ", (fl & 0x08) ? "greenfield" : "mixed");
	if (known & 0x10)
		P("%s FEC ", (fl & 0x10) ? "LDPC" : "BCC");
	if (known & 0x20)
		P("RX-STBC%u ", (fl & 0x60) >> 5);
}

static void vht_print(struct nd *nd, unsigned known, unsigned fl, unsigned bw,
		      const uint8_t *mcs_nss, unsigned coding)
{
	static const char *const bws[32] = {
		"20 MHz", "40 MHz", "20 MHz (L)", "20 MHz (U)", "80 MHz", "80 MHz (L)",
		"80 MHz (U)", "80 MHz (LL)", "80 MHz (LU)", "80 MHz (UL)", "80 MHz (UU)",
		"160 MHz", "160 MHz (L)", "160 MHz (U)", "160 MHz (LL)", "160 MHz (LU)",
		"160 MHz (UL)", "160 MHz (UU)", "160 MHz (LLL)", "160 MHz (LLU)",
		/* tcpdump's names (20 and 21 as it spells them) */
		"160 MHz (LUL)", "160 MHz (UUU)", "160 MHz (ULL)", "160 MHz (ULU)",
		"160 MHz (UUL)", "160 MHz (UUU)", "unknown (26)", "unknown (27)",
		"unknown (28)", "unknown (29)", "unknown (30)", "unknown (31)"
	};
	unsigned i;

	for (i = 0; i < 4; i++) {
		if ((mcs_nss[i] & 0x0f) == 0)
			continue;
		P("User %u MCS %u ", i, mcs_nss[i] >> 4);
		P("%s FEC ", (coding & (1u << i)) ? "LDPC" : "BCC");
	}
	if (known & 0x40)
		P("%s ", bws[bw & 0x1f]);
	if (known & 0x04)
		P("%s GI ", (fl & 0x04) ? "short" : "long");
}

/* The sizes of the fields of the standard namespace, by bit: each a list
 * of up to 8 item sizes (0 ends). */
static const uint8_t field_items[22][8] = {
	[0] = { 8 }, [1] = { 1 }, [2] = { 1 }, [3] = { 2, 2 }, [4] = { 1, 1 },
	[5] = { 1 }, [6] = { 1 }, [7] = { 2 }, [8] = { 2 }, [9] = { 1 }, [10] = { 1 },
	[11] = { 1 }, [12] = { 1 }, [13] = { 1 }, [14] = { 2 },
	[18] = { 4, 2, 1, 1 }, [19] = { 1, 1, 1 }, [20] = { 4, 2, 1, 1 },
	[21] = { 2, 1, 1, 1, 1, 1, 1, 1 },	/* + group id (1), partial AID (2) */
};

/* One field: 0 printed, -1 stop (unknown field, or cut short). */
static int field_print(struct nd *nd, struct rt_cur *c, unsigned bit, uint8_t *flags,
		       uint32_t present)
{
	uint64_t v[10];
	unsigned n = 0, i;

	if (bit >= 22 || !field_items[bit][0]) {
		P("[bit %u] ", bit);
		return -1;
	}
	for (i = 0; i < 8 && field_items[bit][i]; i++)
		if (!rt_get(nd, c, field_items[bit][i], &v[n++]))
			goto trunc;
	if (bit == 21 && (!rt_get(nd, c, 1, &v[n++]) || !rt_get(nd, c, 2, &v[n++])))
		goto trunc;

	switch (bit) {
	case 0:
		P("%" PRIu64 "us tsft ", v[0]);
		break;
	case 1:
		*flags = (uint8_t)v[0];
		if (v[0] & 0x01)
			P("cfp ");
		if (v[0] & 0x02)
			P("short preamble ");
		if (v[0] & 0x04)
			P("wep ");
		if (v[0] & 0x08)
			P("fragmented ");
		if (v[0] & 0x40)
			P("bad-fcs ");
		break;
	case 2:
		/* 0x80 to 0x8f: an MCS index (FreeBSD) */
		if (v[0] >= 0x80 && v[0] <= 0x8f)
			P("MCS %u ", (unsigned)(v[0] & 0x7f));
		else
			P("%2.1f Mb/s ", .5 * (double)v[0]);
		break;
	case 3:
		/* XChannel, when present too, says it instead */
		if (!(present & (1u << 18)))
			chan_print(nd, (unsigned)v[0], (uint32_t)v[1], present);
		break;
	case 4:
		P("fhset %u fhpat %u ", (unsigned)v[0], (unsigned)v[1]);
		break;
	case 5:
		P("%ddBm signal ", (int8_t)v[0]);
		break;
	case 6:
		P("%ddBm noise ", (int8_t)v[0]);
		break;
	case 7:
		P("%u sq ", (unsigned)v[0]);
		break;
	case 8:
		P("%d tx power ", -(int)(int16_t)v[0]);
		break;
	case 9:
		P("%ddB tx attenuation ", -(int)(int8_t)v[0]);
		break;
	case 10:
		P("%ddBm tx power ", (int8_t)v[0]);
		break;
	case 11:
		P("antenna %u ", (unsigned)v[0]);
		break;
	case 12:
		P("%udB signal ", (unsigned)v[0]);
		break;
	case 13:
		P("%udB noise ", (unsigned)v[0]);
		break;
	case 18:
		chan_print(nd, (unsigned)v[1], (uint32_t)v[0], present);
		break;
	case 19:
		mcs_print(nd, (unsigned)v[0], (unsigned)v[1], (unsigned)v[2]);
		break;
	case 21: {
		uint8_t mn[4];
		for (i = 0; i < 4; i++)
			mn[i] = (uint8_t)v[3 + i];
		vht_print(nd, (unsigned)v[0], (unsigned)v[1], (unsigned)v[2], mn, (unsigned)v[7]);
		break;
	}
	default:	/* RX flags, A-MPDU status: not shown */
		break;
	}
	return 0;
trunc:
	nd_trunc(nd);
	return -1;
}

uint32_t radiotap_print(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen)
{
	struct rt_cur c;
	uint32_t len, nwords, w, bit0 = 0, skip = 0;
	uint8_t flags = 0;
	int vendor = 0;

	nd->proto = "802.11_radio";
	if (caplen < 8) {
		nd_trunc(nd);
		return caplen;
	}
	len = gl2(nd, p + 2);
	if (len < 8 || caplen < len) {
		nd_trunc(nd);
		return caplen;
	}
	/* the presence words: bit 31 says another follows */
	for (nwords = 1; 4 + 4 * nwords <= len && (gl4(nd, p + 4 * nwords) & 0x80000000u);
	     nwords++)
		;
	if (4 + 4 * nwords > len) {
		nd_trunc(nd);
		return caplen;
	}
	c.base = p;
	c.len = len;
	c.off = 4 + 4 * nwords;

	for (w = 0; w < nwords; w++) {
		uint32_t present = gl4(nd, p + 4 + 4 * w), rest, bits;
		int stop = 0;

		if (vendor) {
			/* fields of a vendor namespace are skipped */
			if ((uint64_t)c.off + skip > c.len)
				break;
			c.off += skip;
			skip = 0;
		} else {
			for (bits = present; bits; bits = rest) {
				unsigned bitno = (unsigned)__builtin_ctz(bits);

				rest = bits & (bits - 1);
				if (bitno >= 29)	/* namespace and extension bits */
					break;
				if (field_print(nd, &c, bit0 + bitno, &flags, present) != 0) {
					stop = 1;
					break;
				}
			}
			if (stop)
				break;
		}
		switch (present & 0x60000000u) {
		case 0:
			bit0 += 32;
			break;
		case 0x20000000u:	/* back to the radiotap namespace */
			bit0 = 0;
			vendor = 0;
			skip = 0;
			break;
		case 0x40000000u: {	/* a vendor namespace: OUI, sub-namespace, length */
			uint64_t v;
			unsigned i;

			bit0 = 0;
			vendor = 1;
			/* tcpdump checks room for an aligned 2-byte item, but
			 * reads the OUI and sub-namespace from where it is */
			if (rt_reserve(&c, 2) < 0) {
				nd_trunc(nd);
				break;
			}
			for (i = 0; i < 4 && c.off < c.len; i++)
				c.off++;
			if (i < 4 || !rt_get(nd, &c, 2, &v)) {
				nd_trunc(nd);
				break;
			}
			skip = (uint32_t)v;
			break;
		}
		}
	}
	return len + ieee802_11_print(nd, p + len, length - len, caplen - len,
				      (flags & 0x20) != 0, (flags & 0x10) ? 4 : 0);
}
