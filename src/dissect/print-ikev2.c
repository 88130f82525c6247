/* IKEv2 payloads (RFC 7296), as tcpdump 4.99.3 prints them with -v: the
 * SA with its proposals and transforms, KE, identities, AUTH, nonce,
 * notifications, vendor ID, the encrypted payload (never decrypted) and
 * the rest as a length with the data in hex at -vvv.  Each payload's name
 * carries "[C]" when its critical bit is set. */
#include "isakmp-int.h"
#include "esp-sa.h"

/* "NAME:" or "NAME[C]:" */
static void pay_name(struct nd *nd, const char *name, const uint8_t *ext)
{
	P("%s%s:", name, g1(nd, ext + 1) & 0x80 ? "[C]" : "");
}

/* CERT, CERTREQ, D, TSi/TSr, CP, EAP: the length, the data at -vvv. */
const uint8_t *ikev2_gen_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
			       unsigned item_len, const uint8_t *ep, unsigned phase,
			       unsigned doi, unsigned proto, int depth)
{
	char b[16];

	(void)ep; (void)phase; (void)doi; (void)proto; (void)depth;
	pay_name(nd, ike_np_str(tpay, b), ext);
	P(" len=%u", item_len - 4);
	if (nd->o->vflag > 2) {
		P(" ");
		if (!ike_raw(nd, ext + 4, item_len - 4))
			return ike_pay_trunc(nd, tpay);
	}
	return ext + item_len;
}

static const struct ike_attrmap encr_map[15] = {
	[14] = { "keylen", 14, { NULL } },
};

static const uint8_t *t_print(struct nd *nd, unsigned tcount, const uint8_t *ext,
			      unsigned item_len, const uint8_t *ep)
{
	static const char *const types[] = { NULL, "encr", "prf", "integ", "dh", "esn" };
	static const char *const prf[] = { NULL, "hmac-md5", "hmac-sha", "hmac-tiger",
					   "aes128_xcbc" };
	static const char *const integ[] = { NULL, "hmac-md5", "hmac-sha", "dec-mac",
					     "kpdk-md5", "aes-xcbc" };
	static const char *const esn[] = { "no-esn", "esn" };
	const struct ike_attrmap *map = NULL;
	size_t nmap = 0;
	unsigned type, id;
	const char *idstr;
	const uint8_t *cp;
	char b[16], c[16];

	if (!nd_ok(nd, ext, 8))
		return ike_pay_trunc(nd, IKE_NP_T);
	pay_name(nd, "t", ext);
	id = g2(nd, ext + 6);
	type = g1(nd, ext + 4);
	switch (type) {
	case 1:
		idstr = IKE_SOI(ike_esp_names, id, b);
		map = encr_map;
		nmap = sizeof(encr_map) / sizeof(encr_map[0]);
		break;
	case 2:
		idstr = IKE_SOI(prf, id, b);
		break;
	case 3:
		idstr = IKE_SOI(integ, id, b);
		break;
	case 4:
		idstr = IKE_SOI(ike_dh_names, id, b);
		break;
	case 5:
		idstr = IKE_SOI(esn, id, b);
		break;
	default:
		idstr = NULL;
		break;
	}
	if (idstr)
		P(" #%u type=%s id=%s ", tcount, IKE_SOI(types, type, c), idstr);
	else
		P(" #%u type=%s id=%u ", tcount, IKE_SOI(types, type, c), id);
	cp = ike_attrs_print(nd, ext + 8, ep, ext + item_len, map, nmap);
	if (!cp)
		return ike_pay_trunc(nd, IKE_NP_T);
	return cp;
}

static const uint8_t *p_print(struct nd *nd, const uint8_t *ext, unsigned item_len,
			      const uint8_t *ep, int depth);

/* The substructures of an SA (proposals) or of a proposal (transforms):
 * each in parentheses on its own line while the length left allows.
 * Returns the end (NULL: stop, text printed); *toolong when the length
 * left ran out, the rest being skipped. */
static const uint8_t *subs_print(struct nd *nd, unsigned first, const uint8_t *cp,
				 unsigned left, const uint8_t *ep, int depth, int *toolong)
{
	const uint8_t *ext = cp;
	unsigned np, item_len, count = 0;
	char b[16];

	*toolong = 0;
	for (np = first; np != 0; np = g1(nd, ext)) {
		count++;
		ext = cp;
		if (left < 4)
			goto toolong;
		if (!nd_ok(nd, ext, 4))
			return NULL;
		item_len = g2(nd, ext + 2);
		if (item_len <= 4)
			return NULL;
		if (left < item_len)
			goto toolong;
		if (!nd_ok(nd, cp, item_len))
			return NULL;
		ike_open(nd, depth + 1);
		if (np != first) {
			P("%s", ike_np_str(np, b));
			cp += item_len;
		} else if (first == IKE_NP_T) {
			cp = t_print(nd, count, ext, item_len, ep);
		} else {
			cp = p_print(nd, ext, item_len, ep, depth + 1);
		}
		if (!cp) {
			*toolong = -1;	/* already reported */
			return NULL;
		}
		P(")");
		left -= item_len;
	}
	return cp;
toolong:
	*toolong = 1;
	return cp + left;
}

/* A proposal: its transforms follow the SPI.  tcpdump counts the length
 * left from four bytes into the proposal, which is kept. */
static const uint8_t *p_print(struct nd *nd, const uint8_t *ext, unsigned item_len,
			      const uint8_t *ep, int depth)
{
	const uint8_t *cp = ext + 8;
	unsigned left = item_len - 4, spi_size;
	int toolong;
	char b[16];

	if (!nd_ok(nd, ext, 8))
		return ike_pay_trunc(nd, IKE_NP_P);
	pay_name(nd, "p", ext);
	P(" #%u protoid=%s transform=%u len=%u", g1(nd, ext + 4),
	  ike_protoid_str(g1(nd, ext + 5), b), g1(nd, ext + 7), item_len);
	spi_size = g1(nd, ext + 6);
	if (spi_size) {
		if (left < spi_size) {
			ike_pay_trunc(nd, IKE_NP_P);
			return cp + left;
		}
		P(" spi=");
		if (!ike_raw(nd, cp, spi_size))
			return ike_pay_trunc(nd, IKE_NP_P);
		cp += spi_size;
		left -= spi_size;
	}
	cp = subs_print(nd, IKE_NP_T, cp, left, ep, depth, &toolong);
	if (toolong < 0)
		return NULL;
	if (toolong || !cp)
		ike_pay_trunc(nd, IKE_NP_P);
	return cp;
}

/* The SA payload: its proposals. */
const uint8_t *ikev2_sa_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
			      unsigned item_len, const uint8_t *ep, unsigned phase,
			      unsigned doi, unsigned proto, int depth)
{
	const uint8_t *cp;
	unsigned left = item_len - 4;
	int toolong;

	(void)phase; (void)doi; (void)proto;
	pay_name(nd, "sa", ext);
	P(" len=%u", left);
	cp = subs_print(nd, IKE_NP_P, ext + 4, left, ep, depth, &toolong);
	if (toolong < 0)
		return NULL;
	if (toolong || !cp)
		ike_pay_trunc(nd, tpay);
	return cp;
}

const uint8_t *ikev2_ke_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
			      unsigned item_len, const uint8_t *ep, unsigned phase,
			      unsigned doi, unsigned proto, int depth)
{
	char b[16];

	(void)ep; (void)phase; (void)doi; (void)proto; (void)depth;
	if (!nd_ok(nd, ext, 8))
		return ike_pay_trunc(nd, tpay);
	pay_name(nd, ike_np_str(tpay, b), ext);
	if (item_len < 8) {
		P(" len=%u < 8", item_len);
		return ext + item_len;
	}
	P(" len=%u group=%s", item_len - 8, IKE_SOI(ike_dh_names, g2(nd, ext + 4), b));
	if (nd->o->vflag > 2 && item_len > 8) {
		P(" ");
		if (!ike_raw(nd, ext + 8, item_len - 8))
			return ike_pay_trunc(nd, tpay);
	}
	return ext + item_len;
}

/* Printable ASCII as is, anything else as '.'; 0 when cut short. */
static int text_print(struct nd *nd, const uint8_t *p, unsigned len)
{
	unsigned i;

	if (!nd_ok(nd, p, len))
		return 0;
	for (i = 0; i < len; i++)
		P("%c", p[i] >= 0x20 && p[i] < 0x7f ? p[i] : '.');
	return 1;
}

/* IDi / IDr: the data after the 8-byte header by type (a payload shorter
 * than that makes the length wrap, so the data is never captured). */
const uint8_t *ikev2_id_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
			      unsigned item_len, const uint8_t *ep, unsigned phase,
			      unsigned doi, unsigned proto, int depth)
{
	static const char *const types[] = { NULL, "ipv4", "fqdn", "rfc822", NULL, "ipv6",
					     NULL, NULL, NULL, "dn", "gn", "keyid" };
	unsigned type, len = item_len - 8;
	const char *name;
	char b[16];
	int ok = 1;

	(void)ep; (void)phase; (void)doi; (void)proto; (void)depth;
	if (!nd_ok(nd, ext, 8))
		return ike_pay_trunc(nd, tpay);
	pay_name(nd, ike_np_str(tpay, b), ext);
	P(" len=%u", item_len - 4);
	if (nd->o->vflag > 2) {
		P(" ");
		if (!ike_raw(nd, ext + 4, item_len - 4))
			return ike_pay_trunc(nd, tpay);
	}
	type = g1(nd, ext + 4);
	name = type < sizeof(types) / sizeof(types[0]) ? types[type] : NULL;
	if (name) {
		P(" %s:", name);
		if (type == 2 || type == 3)
			ok = text_print(nd, ext + 8, len);
		else
			ok = ike_raw(nd, ext + 8, len);
	}
	if (!ok)
		return ike_pay_trunc(nd, tpay);
	return ext + item_len;
}

const uint8_t *ikev2_auth_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
				unsigned item_len, const uint8_t *ep, unsigned phase,
				unsigned doi, unsigned proto, int depth)
{
	static const char *const methods[] = { "invalid", "rsasig", "shared-secret", "dsssig" };
	char b[16], c[16];

	(void)phase; (void)doi; (void)proto; (void)depth;
	if (!nd_ok(nd, ext, 8))
		return ike_pay_trunc(nd, tpay);
	pay_name(nd, ike_np_str(tpay, b), ext);
	P(" len=%u method=%s", item_len - 4, IKE_SOI(methods, g1(nd, ext + 4), c));
	if (nd->o->vflag > 1) {
		P(" authdata=(");
		if (!ike_raw(nd, ext + 8, item_len - 8))
			return ike_pay_trunc(nd, tpay);
		P(") ");
	} else if (nd->o->vflag) {
		if (!ike_somedata(nd, ext + 8, ep))
			return ike_pay_trunc(nd, tpay);
	}
	return ext + item_len;
}

const uint8_t *ikev2_nonce_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
				 unsigned item_len, const uint8_t *ep, unsigned phase,
				 unsigned doi, unsigned proto, int depth)
{
	(void)phase; (void)doi; (void)proto; (void)depth;
	pay_name(nd, "nonce", ext);
	P(" len=%u", item_len - 4);
	if (nd->o->vflag > 1) {
		P(" nonce=(");
		if (!ike_raw(nd, ext + 4, item_len - 4))
			return ike_pay_trunc(nd, tpay);
		P(") ");
	} else if (nd->o->vflag) {
		if (!ike_somedata(nd, ext + 4, ep))
			return ike_pay_trunc(nd, tpay);
	}
	return ext + item_len;
}

/* Notify types tcpdump names, and whether it shows their SPI. */
static const struct {
	uint16_t type;
	uint8_t spi;
	const char *name;
} notifies[] = {
	{ 1, 0, "unsupported_critical_payload" }, { 4, 1, "invalid_ike_spi" },
	{ 5, 0, "invalid_major_version" }, { 7, 1, "invalid_syntax" },
	{ 9, 1, "invalid_message_id" }, { 11, 1, "invalid_spi" },
	{ 14, 1, "no_protocol_chosen" }, { 17, 1, "invalid_ke_payload" },
	{ 24, 1, "authentication_failed" }, { 34, 1, "single_pair_required" },
	{ 35, 0, "no_additional_sas" }, { 36, 0, "internal_address_failure" },
	{ 37, 0, "failed:cp_required" }, { 39, 0, "invalid_selectors" },
	{ 16384, 0, "initial_contact" }, { 16385, 0, "set_window_size" },
	{ 16386, 0, "additional_ts_possible" }, { 16387, 0, "ipcomp_supported" },
	{ 16388, 1, "nat_detection_source_ip" },
	{ 16389, 1, "nat_detection_destination_ip" }, { 16390, 1, "cookie" },
	{ 16391, 0, "use_transport_mode" }, { 16392, 0, "http_cert_lookup_supported" },
	{ 16393, 1, "rekey_sa" }, { 16394, 0, "tfc_padding_not_supported" },
	{ 16395, 0, "non_first_fragment_also" },
};

/* Notification: only the cookie's data is shown below -vvvv, and the data
 * runs to the end of the captured packet, as in tcpdump. */
const uint8_t *ikev2_n_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
			     unsigned item_len, const uint8_t *ep, unsigned phase,
			     unsigned doi, unsigned proto, int depth)
{
	unsigned type, spi_size, i, showspi = 1;
	const char *name;
	const uint8_t *cp;
	char b[16];

	(void)tpay; (void)phase; (void)doi; (void)proto; (void)depth;
	if (!nd_ok(nd, ext, 8))
		return ike_pay_trunc(nd, IKE_NP_N);
	pay_name(nd, "n", ext);
	P(" prot_id=%s", ike_protoid_str(g1(nd, ext + 4), b));
	type = g2(nd, ext + 6);
	name = type < 8192 ? "error" : type < 16384 ? "private-error"
	       : type < 40960 ? "status" : "private-status";
	for (i = 0; i < sizeof(notifies) / sizeof(notifies[0]); i++) {
		if (notifies[i].type == type) {
			name = notifies[i].name;
			showspi = notifies[i].spi;
			break;
		}
	}
	P(" type=%u(%s)", type, name);
	spi_size = g1(nd, ext + 5);
	if (showspi && spi_size) {
		P(" spi=");
		if (!ike_raw(nd, ext + 8, spi_size))
			return ike_pay_trunc(nd, IKE_NP_N);
	}
	cp = ext + 8 + spi_size;
	if (cp < ep) {
		if (nd->o->vflag > 3 || (type == 16390 && ep - cp < 30)) {
			P(" data=(");
			ike_raw(nd, cp, (size_t)(ep - cp));
			P(")");
		} else if (type == 16390) {
			ike_somedata(nd, cp, ep);
		}
	}
	return ext + item_len;
}

/* Vendor ID: as text, and in hex at -vvv. */
const uint8_t *ikev2_vid_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
			       unsigned item_len, const uint8_t *ep, unsigned phase,
			       unsigned doi, unsigned proto, int depth)
{
	char b[16];

	(void)ep; (void)phase; (void)doi; (void)proto; (void)depth;
	pay_name(nd, ike_np_str(tpay, b), ext);
	P(" len=%u vid=", item_len - 4);
	text_print(nd, ext + 4, item_len - 4);	/* captured: checked by the caller */
	if (nd->o->vflag > 2 && item_len - 4 > 4) {
		P(" ");
		ike_raw(nd, ext + 4, item_len - 4);
	}
	return ext + item_len;
}

struct ike_inner {
	unsigned np, phase, doi, proto;
	int depth;
};

static void e_plain_print(struct nd *nd, const uint8_t *pt, uint32_t len, void *arg)
{
	const struct ike_inner *in = arg;

	(void)len;
	ikev2_sub_print(nd, in->np, pt, nd->snapend, in->phase, in->doi, in->proto, in->depth);
}

/* SK (encrypted and authenticated): the length and, at -vvv, the data;
 * then, when -E has keys for the message's cookies and side, the payloads
 * inside: the IV, the ciphertext and the ICV, whose length the integrity
 * algorithm gives.  Nothing can follow it. */
const uint8_t *ikev2_e_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
			     unsigned item_len, const uint8_t *ep, unsigned phase,
			     unsigned doi, unsigned proto, int depth)
{
	unsigned dlen = item_len - 4, ivlen, authlen;
	struct ike_inner in = { 0, phase, doi, proto, depth + 1 };
	const uint8_t *base = nd->ike_base;
	const struct esp_sa *sa;
	char b[16];

	(void)ep;
	pay_name(nd, ike_np_str(tpay, b), ext);
	P(" len=%u", dlen);
	if (nd->o->vflag > 2 && dlen > 4) {
		P(" ");
		if (!ike_raw(nd, ext + 4, dlen))
			return ike_pay_trunc(nd, tpay);
	}
	if (!nd_ok(nd, ext + 4, dlen))
		return ike_pay_trunc(nd, tpay);
	if (!nd->o->esp || !base)
		return NULL;
	sa = esp_sa_find_ikev2(nd->o->esp, (base[19] & 0x08) != 0, base, base + 8);
	if (!sa)
		return NULL;
	ivlen = esp_sa_ivlen(sa);
	authlen = esp_sa_authlen(sa);
	if (dlen <= ivlen + authlen)
		return NULL;
	in.np = ext[0];
	nd_decrypted(nd, sa, ext + 4, ext + 4 + ivlen, dlen - ivlen - authlen,
		     "esp_decrypt_buffer_by_ikev2_print", e_plain_print, &in);
	return NULL;
}
