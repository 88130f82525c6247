/* ISAKMP and IKE (RFC 2408, 2409, 7296) on UDP 500 (and 4500 after the
 * non-ESP marker), as tcpdump 4.99.3 prints them: the message header, the
 * initiator/responder guess from a cookie cache, and with -v the payload
 * chain (payloads in print-isakmp-v1.c and print-ikev2.c).  Nothing is
 * decrypted. */
#include <stdio.h>
#include <string.h>

#include "isakmp-int.h"

const char *ike_str_or_id(const char *const *tab, size_t n, unsigned v, char *buf)
{
	if (v < n && tab[v])
		return tab[v];
	snprintf(buf, 16, "#%u", v);
	return buf;
}

static const char *const np_names[] = {
	"none", "sa", "p", "t", "ke", "id", "cert", "cr", "hash",
	"sig", "nonce", "n", "d", "vid",
	"pay14", "pay15", "pay16", "pay17", "pay18", "pay19", "pay20", "pay21",
	"pay22", "pay23", "pay24", "pay25", "pay26", "pay27", "pay28", "pay29",
	"pay30", "pay31", "pay32",
	"v2sa", "v2ke", "v2IDi", "v2IDr", "v2cert", "v2cr", "v2auth", "v2nonce",
	"v2n", "v2d", "v2vid", "v2TSi", "v2TSr", "v2e", "v2cp", "v2eap",
};

const char *ike_np_str(unsigned np, char *buf)
{
	return IKE_SOI(np_names, np, buf);
}

const char *ike_protoid_str(unsigned v, char *buf)
{
	static const char *const names[] = { NULL, "isakmp", "ipsec-ah", "ipsec-esp", "ipcomp" };
	return IKE_SOI(names, v, buf);
}

static const char *const etype_names[38] = {
	[0] = "none", [1] = "base", [2] = "ident", [3] = "auth", [4] = "agg", [5] = "inf",
	[32] = "oakley-quick", [33] = "oakley-newgroup",
	[34] = "ikev2_init", [35] = "ikev2_auth", [36] = "child_sa", [37] = "inf2",
};

const char *const ike_esp_names[13] = {
	NULL, "1des-iv64", "1des", "3des", "rc5", "idea", "cast",
	"blowfish", "3idea", "1des-iv32", "rc4", "null", "aes",
};

const char *const ike_dh_names[19] = {
	NULL, "modp768", "modp1024", "EC2N 2^155", "EC2N 2^185", "modp1536",
	"iana-grp06", "iana-grp07", "iana-grp08", "iana-grp09", "iana-grp10",
	"iana-grp11", "iana-grp12", "iana-grp13", "modp2048", "modp3072",
	"modp4096", "modp6144", "modp8192",
};

int ike_raw(struct nd *nd, const uint8_t *p, size_t len)
{
	size_t i;

	if (!nd_ok(nd, p, len))
		return 0;
	for (i = 0; i < len; i++)
		P("%02x", p[i]);
	return 1;
}

int ike_somedata(struct nd *nd, const uint8_t *cp, const uint8_t *ep)
{
	size_t total = (size_t)(ep - cp), len = total > 10 ? 10 : total;
	const uint8_t *end = ep - 20;
	size_t elen = 20;

	if (total < len + 20) {
		end = cp + len;
		elen = total - len;
	}
	P(" data=(");
	if (!ike_raw(nd, cp, len))
		return 0;
	P("...");
	if (elen && !ike_raw(nd, end, elen))
		return 0;
	P(")");
	return 1;
}

const uint8_t *ike_pay_trunc(struct nd *nd, unsigned np)
{
	char b[16];

	P(" [|%s]", ike_np_str(np, b));
	return NULL;
}

void ike_open(struct nd *nd, int depth)
{
	P("\n");
	while (depth-- > 0)
		P("    ");
	P("(");
}

const uint8_t *ike_attr_print(struct nd *nd, const uint8_t *p, const uint8_t *ep2,
			      const struct ike_attrmap *map, size_t nmap)
{
	unsigned totlen, t, v;
	int af = g1(nd, p) & 0x80;

	totlen = af ? 4 : 4 + g2(nd, p + 2);
	if (ep2 < p + totlen) {
		P("[|attr]");
		return ep2 + 1;
	}
	if (map && !nmap)
		map = NULL;
	P("(");
	t = g2(nd, p) & 0x7fff;
	if (map && t < nmap && map[t].type)
		P("type=%s ", map[t].type);
	else
		P("type=#%u ", t);
	if (af) {
		P("value=");
		v = g2(nd, p + 2);
		if (map && t < nmap && v < map[t].nvalue && map[t].value[v])
			P("%s", map[t].value[v]);
		else
			ike_raw(nd, p + 2, 2);	/* fetched just above */
	} else {
		P("len=%u value=", totlen - 4);
		if (!ike_raw(nd, p + 4, totlen - 4)) {
			P(")");
			return NULL;
		}
	}
	P(")");
	return p + totlen;
}

const uint8_t *ike_attrs_print(struct nd *nd, const uint8_t *cp, const uint8_t *ep,
			       const uint8_t *ep2, const struct ike_attrmap *map, size_t nmap)
{
	while (cp < ep && cp < ep2) {
		cp = ike_attr_print(nd, cp, ep2, map, nmap);
		if (!cp)
			return NULL;
	}
	if (ep < ep2)
		P("...");
	return cp;
}

/* The payload printers by next payload type; NULL: only the name. */
static ike_pay_fn *const pay_fns[49] = {
	[IKE_NP_SA] = ikev1_sa_print, [IKE_NP_P] = ikev1_p_print,
	[IKE_NP_T] = ikev1_t_print, [IKE_NP_KE] = ikev1_hash_print,
	[IKE_NP_ID] = ikev1_id_print, [IKE_NP_CERT] = ikev1_cert_print,
	[IKE_NP_CR] = ikev1_cert_print, [IKE_NP_HASH] = ikev1_hash_print,
	[IKE_NP_SIG] = ikev1_hash_print, [IKE_NP_NONCE] = ikev1_nonce_print,
	[IKE_NP_N] = ikev1_n_print, [IKE_NP_D] = ikev1_d_print,
	[IKE_NP_VID] = ikev1_hash_print,
	[33] = ikev2_sa_print, [34] = ikev2_ke_print, [35] = ikev2_id_print,
	[36] = ikev2_id_print, [37] = ikev2_gen_print, [38] = ikev2_gen_print,
	[39] = ikev2_auth_print, [40] = ikev2_nonce_print, [41] = ikev2_n_print,
	[42] = ikev2_gen_print, [43] = ikev2_vid_print, [44] = ikev2_gen_print,
	[45] = ikev2_gen_print, [47] = ikev2_gen_print, [48] = ikev2_gen_print,
};

/* One payload of either version (v2: the encrypted payload is special). */
static const uint8_t *sub0_print(struct nd *nd, int v2, unsigned np, const uint8_t *ext,
				 const uint8_t *ep, unsigned phase, unsigned doi,
				 unsigned proto, int depth)
{
	unsigned item_len;
	char b[16];

	if (!nd_ok(nd, ext, 4)) {
		nd_trunc(nd);
		return NULL;
	}
	item_len = g2(nd, ext + 2);
	if (item_len <= 4)
		return NULL;
	if (v2 && np == IKE_NP_V2E)
		return ikev2_e_print(nd, np, ext, item_len, ep, phase, doi, proto, depth);
	if (np < sizeof(pay_fns) / sizeof(pay_fns[0]) && pay_fns[np])
		return pay_fns[np](nd, np, ext, item_len, ep, phase, doi, proto, depth);
	P("%s", ike_np_str(np, b));
	return ext + item_len;
}

/* A chain of payloads, each in parentheses on its own indented line. */
static const uint8_t *sub_print(struct nd *nd, int v2, unsigned np, const uint8_t *ext,
				const uint8_t *ep, unsigned phase, unsigned doi,
				unsigned proto, int depth)
{
	const uint8_t *cp = ext;

	while (np) {
		if (!nd_ok(nd, ext, 4) || !nd_ok(nd, ext, g2(nd, ext + 2)))
			return ike_pay_trunc(nd, np);
		ike_open(nd, depth + 1);
		cp = sub0_print(nd, v2, np, ext, ep, phase, doi, proto, depth + 1);
		P(")");
		if (!cp)
			return NULL;
		np = g1(nd, ext);
		ext = cp;
	}
	return cp;
}

const uint8_t *ikev1_sub_print(struct nd *nd, unsigned np, const uint8_t *ext,
			       const uint8_t *ep, unsigned phase, unsigned doi,
			       unsigned proto, int depth)
{
	return sub_print(nd, 0, np, ext, ep, phase, doi, proto, depth);
}

const uint8_t *ikev2_sub_print(struct nd *nd, unsigned np, const uint8_t *ext,
			       const uint8_t *ep, unsigned phase, unsigned doi,
			       unsigned proto, int depth)
{
	return sub_print(nd, 1, np, ext, ep, phase, doi, proto, depth);
}

/* tcpdump's initiator cookie cache: the first message of an exchange
 * (responder cookie zero) records the addresses; later ones are marked I
 * or R by their source address.  Global and never cleared, as tcpdump's. */
#define NCOOKIES 20
static struct {
	uint8_t icookie[8];
	unsigned version;
	uint8_t iaddr[16], raddr[16];
} cookies[NCOOKIES];
static int next_cookie;

static int cookie_find(const uint8_t *ck)
{
	int i;

	for (i = 0; i < NCOOKIES; i++)
		if (memcmp(ck, cookies[i].icookie, 8) == 0)
			return i;
	return -1;
}

static void cookie_record(const uint8_t *ck, const uint8_t *iph)
{
	int i = cookie_find(ck);
	unsigned ver = iph[0] >> 4;

	if (i >= 0) {
		next_cookie = (i + 1) % NCOOKIES;
		return;
	}
	if (ver == 4) {
		memcpy(cookies[next_cookie].iaddr, iph + 12, 4);
		memcpy(cookies[next_cookie].raddr, iph + 16, 4);
	} else if (ver == 6) {
		memcpy(cookies[next_cookie].iaddr, iph + 8, 16);
		memcpy(cookies[next_cookie].raddr, iph + 24, 16);
	} else {
		return;
	}
	cookies[next_cookie].version = ver;
	memcpy(cookies[next_cookie].icookie, ck, 8);
	next_cookie = (next_cookie + 1) % NCOOKIES;
}

/* Is the packet's source the cached initiator (or responder) address? */
static int cookie_side(int i, const uint8_t *iph, int initiator)
{
	unsigned ver = iph[0] >> 4;
	const uint8_t *a = initiator ? cookies[i].iaddr : cookies[i].raddr;

	if (ver != cookies[i].version)
		return 0;
	if (ver == 4)
		return memcmp(iph + 12, a, 4) == 0;
	if (ver == 6)
		return memcmp(iph + 8, a, 16) == 0;
	return 0;
}

static void ikev1_print(struct nd *nd, const uint8_t *bp, const uint8_t *iph)
{
	const uint8_t *ep = nd->snapend;
	unsigned phase = g4(nd, bp + 20) == 0 ? 1 : 2, flags, np, i;
	int c;
	char b[16];

	P(phase == 1 ? " phase 1" : " phase 2/others");
	c = cookie_find(bp);
	if (c < 0) {
		for (i = 8; i < 16 && bp[i] == 0; i++)
			;
		if (i == 16) {	/* the first message of an exchange */
			P(" I");
			if (iph)
				cookie_record(bp, iph);
		} else {
			P(" ?");
		}
	} else if (iph && cookie_side(c, iph, 1)) {
		P(" I");
	} else if (iph && cookie_side(c, iph, 0)) {
		P(" R");
	} else {
		P(" ?");
	}
	P(" %s", IKE_SOI(etype_names, bp[18], b));
	flags = bp[19];
	if (flags)
		P("[%s%s]", flags & 1 ? "E" : "", flags & 2 ? "C" : "");
	if (!nd->o->vflag)
		return;
	P(":");
	np = bp[16];
	if (flags & 1)
		P(" [encrypted %s]", ike_np_str(np, b));
	else
		ikev1_sub_print(nd, np, bp + 28, ep, phase, 0, 0, 0);
}

static void ikev2_print(struct nd *nd, const uint8_t *bp)
{
	unsigned phase = g4(nd, bp + 20) == 0 ? 1 : 2, flags, np;
	char b[16];

	P(phase == 1 ? " parent_sa" : " child_sa ");
	P(" %s", IKE_SOI(etype_names, bp[18], b));
	flags = bp[19];
	if (flags)
		P("[%s%s%s]", flags & 0x08 ? "I" : "", flags & 0x10 ? "V" : "",
		  flags & 0x20 ? "R" : "");
	if (!nd->o->vflag)
		return;
	P(":");
	np = bp[16];
	if (flags & 1) {
		P(" [encrypted %s]", ike_np_str(np, b));
	} else {
		nd->ike_base = bp;	/* its cookies name the keys of -E */
		sub_print(nd, 1, np, bp + 28, nd->snapend, phase, 0, 0, 0);
	}
}

void isakmp_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph)
{
	unsigned major, minor, i;

	nd->proto = "isakmp";
	if (!nd_ok(nd, p, 28)) {
		nd_trunc(nd);
		return;
	}
	P("isakmp");
	major = p[17] >> 4;
	minor = p[17] & 0x0f;
	if (nd->o->vflag)
		P(" %u.%u msgid %02x%02x%02x%02x", major, minor, p[20], p[21], p[22], p[23]);
	if (nd->o->vflag > 1) {
		P(" cookie ");
		for (i = 0; i < 16; i++)
			P(i == 8 ? "->%02x" : "%02x", p[i]);
	}
	P(":");
	if (major == 1)
		ikev1_print(nd, p, iph);
	else if (major == 2)
		ikev2_print(nd, p);
	else
		return;
	if (nd->o->vflag && g4(nd, p + 24) != len)
		P(" (len mismatch: isakmp %u/ip %u)", g4(nd, p + 24), len);
}
