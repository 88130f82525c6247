/* Spanning tree BPDUs (802.1D config and TCN, 802.1w RSTP, 802.1s MSTP
 * with its MSTI records, 802.1aq SPB), as tcpdump prints them.  Linux
 * bridges and switches send one every hello time (2 s by default). */
#include <stdio.h>

#include "dissect-int.h"

/* BPDU layout: offsets from the protocol identifier. */
#define BPDU_VERSION	2
#define BPDU_TYPE	3
#define BPDU_FLAGS	4
#define BPDU_ROOT	5	/* 8 bytes: priority + MAC */
#define BPDU_COST	13
#define BPDU_BRIDGE	17	/* 8 bytes */
#define BPDU_PORT	25
#define BPDU_AGE	27	/* then max age, hello, forward delay */
#define BPDU_V1LEN	35
#define BPDU_FULL	36	/* an RSTP BPDU; a config one lacks V1LEN */

#define MST_V3LEN	36
#define MST_NAME	39
#define MST_REV		71
#define MST_DIGEST	73
#define MST_INT_COST	89
#define MST_BRIDGE	93
#define MST_HOPS	101
#define MST_MSTIS	102	/* also the shortest MSTP BPDU */
#define MST_CONF_LEN	64	/* v3 length without the MSTI records */
#define MSTI_LEN	16

#define SPB_MIN_LEN	87

static const struct tok stp_versions[] = {
	{ 0x00, "802.1d" }, { 0x02, "802.1w" }, { 0x03, "802.1s" }, { 0x04, "802.1aq" },
	{ 0, NULL }
};

static const struct tok bpdu_types[] = {
	{ 0x00, "Config" }, { 0x02, "Rapid STP" }, { 0x80, "Topology Change" },
	{ 0, NULL }
};

static const struct tok bpdu_flags[] = {
	{ 0x01, "Topology change" }, { 0x02, "Proposal" }, { 0x10, "Learn" },
	{ 0x20, "Forward" }, { 0x40, "Agreement" }, { 0x80, "Topology change ACK" },
	{ 0, NULL }
};

static const char *const port_roles[4] = { "Unknown", "Alternate", "Root", "Designated" };

#define ROLE(flags) port_roles[((flags) >> 2) & 3]

/* "8000.02:00:00:00:00:0a": priority, then the MAC.  buf >= 23. */
static const char *bridge_id(struct nd *nd, const uint8_t *p, char *buf)
{
	gcheck(nd, p, 8);
	snprintf(buf, 23, "%02x%02x.%02x:%02x:%02x:%02x:%02x:%02x",
		 p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
	return buf;
}

static void flags_print(struct nd *nd, uint8_t flags)
{
	bits_print(nd, bpdu_flags, "none", flags, ", ");
}

/* Message age, max age, hello time, forward delay: units of 1/256 s. */
static void timers_print(struct nd *nd, const uint8_t *t)
{
	float age = (float)g2(nd, t) / 256, max = (float)g2(nd, t + 2) / 256;
	float hello = (float)g2(nd, t + 4) / 256, fwd = (float)g2(nd, t + 6) / 256;

	P("\n\tmessage-age %.2fs, max-age %.2fs, hello-time %.2fs, forwarding-delay %.2fs",
	  age, max, hello, fwd);
}

static void config_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint8_t flags = g1(nd, p + BPDU_FLAGS);
	char b[23];
	uint16_t port;
	uint32_t cost;

	P(", Flags [");
	flags_print(nd, flags);
	P("]");
	bridge_id(nd, p + BPDU_BRIDGE, b);
	port = g2(nd, p + BPDU_PORT);
	P(", bridge-id %s.%04x, length %u", b, port, length);
	if (!nd->o->vflag)
		return;
	timers_print(nd, p + BPDU_AGE);
	bridge_id(nd, p + BPDU_ROOT, b);
	cost = g4(nd, p + BPDU_COST);
	P("\n\troot-id %s, root-pathcost %u", b, cost);
	if (g1(nd, p + BPDU_VERSION) == 0x02)
		P(", port-role %s", ROLE(flags));
}

static void msti_print(struct nd *nd, const uint8_t *m)
{
	uint8_t flags;
	uint16_t id;
	uint32_t cost;
	char b[23];

	id = g2(nd, m + 1) & 0x0fff;
	flags = g1(nd, m);
	P("\n\tMSTI %u, Flags [", id);
	flags_print(nd, flags);
	P("], port-role %s", ROLE(flags));
	bridge_id(nd, m + 1, b);
	cost = g4(nd, m + 9);
	P("\n\t\tMSTI regional-root-id %s, pathcost %u", b, cost);
	gcheck(nd, m + 13, 3);
	P("\n\t\tMSTI bridge-prio %u, port-prio %u, hops %u", m[13] >> 4, m[14] >> 4, m[15]);
}

static void mstp_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint8_t flags = g1(nd, p + BPDU_FLAGS);
	uint32_t cost, d[4];
	uint16_t v3len, rev, left;
	const uint8_t *s;
	char b[23];
	int i;

	P(", CIST Flags [");
	flags_print(nd, flags);
	P("], length %u", length);
	if (!nd->o->vflag)
		return;
	P("\n\tport-role %s, ", ROLE(flags));
	bridge_id(nd, p + BPDU_ROOT, b);
	cost = g4(nd, p + BPDU_COST);
	P("CIST root-id %s, CIST ext-pathcost %u", b, cost);
	P("\n\tCIST regional-root-id %s, ", bridge_id(nd, p + BPDU_BRIDGE, b));
	P("CIST port-id %04x,", g2(nd, p + BPDU_PORT));
	timers_print(nd, p + BPDU_AGE);
	v3len = g2(nd, p + MST_V3LEN);
	P("\n\tv3len %u, MCID Name ", v3len);
	/* the configuration name stops at its first NUL */
	for (i = 0, s = p + MST_NAME; i < 32 && g1(nd, s); i++, s++)
		char_print(nd, *s);
	rev = g2(nd, p + MST_REV);
	for (i = 0; i < 4; i++)
		d[i] = g4(nd, p + MST_DIGEST + 4 * i);
	P(", rev %u,\n\t\tdigest %08x%08x%08x%08x, ", rev, d[0], d[1], d[2], d[3]);
	P("CIST int-root-pathcost %u,", g4(nd, p + MST_INT_COST));
	P("\n\tCIST bridge-id %s, ", bridge_id(nd, p + MST_BRIDGE, b));
	P("CIST remaining-hops %u", g1(nd, p + MST_HOPS));
	if (v3len <= MST_CONF_LEN)
		return;
	s = p + MST_MSTIS;
	for (left = v3len - MST_CONF_LEN; left >= MSTI_LEN; left -= MSTI_LEN, s += MSTI_LEN)
		msti_print(nd, s);
}

static void spb_print(struct nd *nd, const uint8_t *s)
{
	uint32_t d[5], v4len, rev, edge;
	uint8_t agr, fmt, con;
	int i;

	if (!nd->o->vflag)
		return;
	v4len = g2(nd, s);
	P("\n\tv4len %u, AUXMCID Name ", v4len);
	for (i = 0; i < 32 && g1(nd, s + 3 + i); i++)
		char_print(nd, s[3 + i]);
	rev = g2(nd, s + 35);
	for (i = 0; i < 4; i++)
		d[i] = g4(nd, s + 37 + 4 * i);
	P(", Rev %u,\n\t\tdigest %08x%08x%08x%08x", rev, d[0], d[1], d[2], d[3]);
	agr = g1(nd, s + 53);
	fmt = g1(nd, s + 55);
	con = g1(nd, s + 56);
	edge = g2(nd, s + 57);
	for (i = 0; i < 5; i++)
		d[i] = g4(nd, s + 67 + 4 * i);
	/* the "cap" values are the whole byte, as tcpdump shows them */
	P("\n\tAgreement num %u, Discarded Agreement num %u, Agreement valid-flag %u,"
	  "\n\tRestricted role-flag: %u, Format id %u cap %u, Convention id %u cap %u,"
	  "\n\tEdge count %u, Agreement digest %08x%08x%08x%08x%08x",
	  agr >> 6, (agr >> 4) & 3, (agr >> 3) & 1, (agr >> 2) & 1, fmt >> 4, fmt,
	  con >> 4, con, edge, d[0], d[1], d[2], d[3], d[4]);
}

void stp_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	unsigned version, type;
	uint32_t mlen, slen;
	char b[32];

	nd->proto = "stp";
	if (length < 4) {
		P(" (invalid)");
		return;
	}
	if (g2(nd, p)) {
		P("unknown STP version, length %u", length);
		return;
	}
	version = g1(nd, p + BPDU_VERSION);
	P("STP %s", tok2str(stp_versions, "Unknown STP protocol (0x%02x)", version, b, sizeof(b)));
	if (version != 0 && (version < 2 || version > 4))
		return;
	type = g1(nd, p + BPDU_TYPE);
	P(", %s", tok2str(bpdu_types, "Unknown BPDU Type (0x%02x)", type, b, sizeof(b)));
	if (type == 0x00) {
		if (length < BPDU_FULL - 1)
			goto invalid;
		config_print(nd, p, length);
	} else if (type == 0x02 && version == 0x02) {
		if (length < BPDU_FULL)
			goto invalid;
		config_print(nd, p, length);
	} else if (type == 0x02 && version >= 0x03) {
		if (length < MST_MSTIS || g1(nd, p + BPDU_V1LEN) != 0)
			goto invalid;
		mlen = g2(nd, p + MST_V3LEN) + 2u;
		if (length < BPDU_FULL + mlen)
			goto invalid;
		mstp_print(nd, p, length);
		if (version == 0x04) {
			slen = g2(nd, p + MST_V3LEN + mlen) + 2u;
			if (length < BPDU_FULL + mlen + slen || slen < SPB_MIN_LEN)
				goto invalid;
			spb_print(nd, p + BPDU_FULL + mlen);
		}
	}
	return;
invalid:
	P(" (invalid)");
}
