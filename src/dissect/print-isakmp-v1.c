/* IKEv1 payloads (RFC 2408 section 3, the IPsec DOI of RFC 2407 and the
 * Oakley attributes of RFC 2409), as tcpdump 4.99.3 prints them with -v.
 * The quirks of tcpdump's printer (where a payload's walk resumes, what
 * counts as captured) are kept on purpose: the output must be the same. */
#include "isakmp-int.h"

#define NMAP(m) (sizeof(m) / sizeof((m)[0]))

static const struct ike_attrmap oakley_map[17] = {
	[1] = { "enc", 8, { NULL, "1des", "idea", "blowfish", "rc5", "3des", "cast", "aes" } },
	[2] = { "hash", 7, { NULL, "md5", "sha1", "tiger", "sha2-256", "sha2-384", "sha2-512" } },
	[3] = { "auth", 6, { NULL, "preshared", "dss", "rsa sig", "rsa enc", "rsa enc revised" } },
	[4] = { "group desc", 18, { NULL, "modp768", "modp1024", "EC2N 2^155", "EC2N 2^185",
				    "modp1536", "iana-grp06", "iana-grp07", "iana-grp08",
				    "iana-grp09", "iana-grp10", "iana-grp11", "iana-grp12",
				    "iana-grp13", "modp2048", "modp3072", "modp4096",
				    "modp6144", "modp8192" } },
	[5] = { "group type", 4, { NULL, "MODP", "ECP", "EC2N" } },
	[6] = { "group prime", 0, { NULL } }, [7] = { "group gen1", 0, { NULL } },
	[8] = { "group gen2", 0, { NULL } }, [9] = { "group curve A", 0, { NULL } },
	[10] = { "group curve B", 0, { NULL } },
	[11] = { "lifetype", 3, { NULL, "sec", "kb" } },
	[12] = { "lifeduration", 0, { NULL } }, [13] = { "prf", 0, { NULL } },
	[14] = { "keylen", 0, { NULL } }, [15] = { "field", 0, { NULL } },
	[16] = { "order", 0, { NULL } },
};

static const struct ike_attrmap ipsec_map[10] = {
	[1] = { "lifetype", 3, { NULL, "sec", "kb" } },
	[2] = { "life", 0, { NULL } },
	[3] = { "group desc", 18, { NULL, "modp768", "modp1024", "EC2N 2^155", "EC2N 2^185",
				    "modp1536", "iana-grp06", "iana-grp07", "iana-grp08",
				    "iana-grp09", "iana-grp10", "iana-grp11", "iana-grp12",
				    "iana-grp13", "modp2048", "modp3072", "modp4096",
				    "modp6144", "modp8192" } },
	[4] = { "enc mode", 3, { NULL, "tunnel", "transport" } },
	[5] = { "auth", 5, { NULL, "hmac-md5", "hmac-sha1", "1des-mac", "keyed" } },
	[6] = { "keylen", 0, { NULL } }, [7] = { "rounds", 0, { NULL } },
	[8] = { "dictsize", 0, { NULL } }, [9] = { "privalg", 0, { NULL } },
};

/* Security association: DOI, situation, then the proposals.  The walk
 * resumes where the last proposal ended (or after the header, for a DOI
 * other than IPsec), not at the payload's length. */
const uint8_t *ikev1_sa_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
			      unsigned item_len, const uint8_t *ep, unsigned phase,
			      unsigned doi0, unsigned proto, int depth)
{
	unsigned doi, sit;
	const uint8_t *np;

	(void)tpay; (void)item_len; (void)doi0;
	P("sa:");
	if (!nd_ok(nd, ext, 12))
		return ike_pay_trunc(nd, IKE_NP_SA);
	doi = g4(nd, ext + 4);
	sit = g4(nd, ext + 8);
	if (doi != 1) {
		P(" doi=%u situation=%u", doi, sit);
		return ext + 12;
	}
	P(" doi=ipsec situation=");
	if (sit & 1)
		P("identity");
	if (sit & 2)
		P("%ssecrecy", sit & 1 ? "+" : "");
	if (sit & 4)
		P("%sintegrity", sit & 3 ? "+" : "");
	np = ext + 12;
	if (sit != 1) {
		/* tcpdump reads the "labeled domain identifier" from the
		 * DOI field, four bytes into the payload */
		P(" ident=%u", g4(nd, ext + 4));
		np += 4;
	}
	if (!nd_ok(nd, np, 4))
		return ike_pay_trunc(nd, IKE_NP_SA);
	return ikev1_sub_print(nd, IKE_NP_P, np, ep, phase, doi, proto, depth);
}

const uint8_t *ikev1_p_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
			     unsigned item_len, const uint8_t *ep, unsigned phase,
			     unsigned doi, unsigned proto, int depth)
{
	unsigned spi_size, prot;
	const uint8_t *t;
	char b[16];

	(void)tpay; (void)item_len; (void)proto;
	P("p:");
	if (!nd_ok(nd, ext, 8))
		return ike_pay_trunc(nd, IKE_NP_P);
	prot = g1(nd, ext + 5);
	P(" #%u protoid=%s transform=%u", g1(nd, ext + 4), ike_protoid_str(prot, b),
	  g1(nd, ext + 7));
	spi_size = g1(nd, ext + 6);
	if (spi_size) {
		P(" spi=");
		if (!ike_raw(nd, ext + 8, spi_size))
			return ike_pay_trunc(nd, IKE_NP_P);
	}
	t = ext + 8 + spi_size;
	if (!nd_ok(nd, t, 4))
		return ike_pay_trunc(nd, IKE_NP_P);
	return ikev1_sub_print(nd, IKE_NP_T, t, ep, phase, doi, prot, depth);
}

/* Transform: its ID by the proposal's protocol, then the attributes. */
const uint8_t *ikev1_t_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
			     unsigned item_len, const uint8_t *ep, unsigned phase,
			     unsigned doi, unsigned proto, int depth)
{
	static const char *const ike_ids[] = { NULL, "ike" };
	static const char *const ah_ids[] = { NULL, "(reserved)", "md5", "sha", "1des",
					      "sha2-256", "sha2-384", "sha2-512" };
	static const char *const ipcomp_ids[] = { NULL, "oui", "deflate", "lzs" };
	const struct ike_attrmap *map = ipsec_map;
	size_t nmap = NMAP(ipsec_map);
	const char *idstr;
	const uint8_t *cp;
	unsigned id;
	char b[16];

	(void)tpay; (void)phase; (void)doi; (void)depth;
	P("t:");
	if (!nd_ok(nd, ext, 8))
		return ike_pay_trunc(nd, IKE_NP_T);
	id = g1(nd, ext + 5);
	switch (proto) {
	case 1:
		idstr = IKE_SOI(ike_ids, id, b);
		map = oakley_map;
		nmap = NMAP(oakley_map);
		break;
	case 2:
		idstr = IKE_SOI(ah_ids, id, b);
		break;
	case 3:
		idstr = IKE_SOI(ike_esp_names, id, b);
		break;
	case 4:
		idstr = IKE_SOI(ipcomp_ids, id, b);
		break;
	default:
		idstr = NULL;
		map = NULL;
		nmap = 0;
		break;
	}
	if (idstr)
		P(" #%u id=%s ", g1(nd, ext + 4), idstr);
	else
		P(" #%u id=%u ", g1(nd, ext + 4), id);
	cp = ike_attrs_print(nd, ext + 8, ep, ext + item_len, map, nmap);
	if (!cp)
		return ike_pay_trunc(nd, IKE_NP_T);
	return cp;
}

/* Payloads shown as a length and, with -vvv, the data in hex: hash,
 * signature, vendor ID; key exchange says "key len". */
const uint8_t *ikev1_hash_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
				unsigned item_len, const uint8_t *ep, unsigned phase,
				unsigned doi, unsigned proto, int depth)
{
	char b[16];

	(void)ep; (void)phase; (void)doi; (void)proto; (void)depth;
	P("%s:", ike_np_str(tpay, b));
	P(tpay == IKE_NP_KE ? " key len=%u" : " len=%u", item_len - 4);
	if (nd->o->vflag > 2) {
		P(" ");
		if (!ike_raw(nd, ext + 4, item_len - 4))
			return ike_pay_trunc(nd, tpay);
	}
	return ext + item_len;
}

/* Certificate and certificate request: the encoding, then as hash. */
const uint8_t *ikev1_cert_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
				unsigned item_len, const uint8_t *ep, unsigned phase,
				unsigned doi, unsigned proto, int depth)
{
	static const char *const enc[] = { "none", "pkcs7", "pgp", "dns", "x509sign",
					   "x509ke", "kerberos", "crl", "arl", "spki",
					   "x509attr" };
	char b[16];

	(void)ep; (void)phase; (void)doi; (void)proto; (void)depth;
	P("%s:", ike_np_str(tpay, b));
	if (!nd_ok(nd, ext, 6))
		return ike_pay_trunc(nd, tpay);
	P(" len=%u type=%s", item_len - 4, IKE_SOI(enc, g1(nd, ext + 4), b));
	if (nd->o->vflag > 2) {
		P(" ");
		if (!ike_raw(nd, ext + 4, item_len - 4))
			return ike_pay_trunc(nd, tpay);
	}
	return ext + item_len;
}

/* -vv shows some of the nonce, from its start up to the end of the
 * captured data (not of the payload), as tcpdump does. */
const uint8_t *ikev1_nonce_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
				 unsigned item_len, const uint8_t *ep, unsigned phase,
				 unsigned doi, unsigned proto, int depth)
{
	(void)tpay; (void)phase; (void)doi; (void)proto; (void)depth;
	P("nonce: n len=%u", item_len - 4);
	if (nd->o->vflag > 2) {
		P(" ");
		if (!ike_raw(nd, ext + 4, item_len - 4))
			return ike_pay_trunc(nd, IKE_NP_NONCE);
	} else if (nd->o->vflag > 1) {
		P(" ");
		if (!ike_somedata(nd, ext + 4, ep))
			return ike_pay_trunc(nd, IKE_NP_NONCE);
	}
	return ext + item_len;
}

/* Identification: the IPsec DOI form in both phases. */
const uint8_t *ikev1_id_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
			      unsigned item_len, const uint8_t *ep, unsigned phase,
			      unsigned doi, unsigned proto, int depth)
{
	static const char *const types[] = { NULL, "IPv4", "FQDN", "user FQDN", "IPv4net",
					     "IPv6", "IPv6net", "IPv4range", "IPv6range",
					     "ASN1 DN", "ASN1 GN", "keyid" };
	const uint8_t *data = ext + 8;
	unsigned len = item_len > 8 ? item_len - 8 : 0, type, i;
	char b[46], c[46];

	(void)tpay; (void)ep; (void)phase; (void)doi; (void)proto; (void)depth;
	P("id:");
	if (!nd_ok(nd, ext, 8))
		return ike_pay_trunc(nd, IKE_NP_ID);
	type = g1(nd, ext + 4);
	P(" idtype=%s protoid=%u port=%u", IKE_SOI(types, type, b), g1(nd, ext + 5),
	  g2(nd, ext + 6));
	if (!len)
		return ext + item_len;
	if (!nd_ok(nd, data, len))
		return ike_pay_trunc(nd, IKE_NP_ID);
	switch (type) {
	case 1:
	case 5:
		if (len < (type == 1 ? 4u : 16u))
			P(" len=%u [bad: < %u]", len, type == 1 ? 4 : 16);
		else
			P(" len=%u %s", len, type == 1 ? ip4_str(nd, data, b) : ip6_str(nd, data, b));
		len = 0;
		break;
	case 2:
	case 3:
		P(" len=%u ", len);
		for (i = 0; i < len; i++)
			char_print(nd, data[i]);
		len = 0;
		break;
	case 4:
	case 7:
		if (len < 8)
			P(" len=%u [bad: < 8]", len);
		else if (type == 4)
			P(" len=%u %s/%u.%u.%u.%u", len, ip4_str(nd, data, b),
			  data[4], data[5], data[6], data[7]);
		else
			P(" len=%u %s-%s", len, ip4_str(nd, data, b), ip4_str(nd, data + 4, c));
		len = 0;
		break;
	case 6:
	case 8:
		if (len < 32) {
			P(" len=%u [bad: < 32]", len);
		} else if (type == 6) {
			P(" len=%u %s/0x", len, ip6_str(nd, data, b));
			for (i = 16; i < 32; i++)
				P("%02x", data[i]);
		} else {
			P(" len=%u %s-%s", len, ip6_str(nd, data, b), ip6_str(nd, data + 16, c));
		}
		len = 0;
		break;
	}
	if (len) {
		P(" len=%u", len);
		if (nd->o->vflag > 2) {
			P(" ");
			ike_raw(nd, data, len);	/* checked above */
		}
	}
	return ext + item_len;
}

/* Notification.  A DOI other than IPsec ends the payload after its SPI. */
const uint8_t *ikev1_n_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
			     unsigned item_len, const uint8_t *ep, unsigned phase,
			     unsigned doi0, unsigned proto0, int depth)
{
	static const char *const errors[] = {
		NULL, "INVALID-PAYLOAD-TYPE", "DOI-NOT-SUPPORTED",
		"SITUATION-NOT-SUPPORTED", "INVALID-COOKIE", "INVALID-MAJOR-VERSION",
		"INVALID-MINOR-VERSION", "INVALID-EXCHANGE-TYPE", "INVALID-FLAGS",
		"INVALID-MESSAGE-ID", "INVALID-PROTOCOL-ID", "INVALID-SPI",
		"INVALID-TRANSFORM-ID", "ATTRIBUTES-NOT-SUPPORTED", "NO-PROPOSAL-CHOSEN",
		"BAD-PROPOSAL-SYNTAX", "PAYLOAD-MALFORMED", "INVALID-KEY-INFORMATION",
		"INVALID-ID-INFORMATION", "INVALID-CERT-ENCODING", "INVALID-CERTIFICATE",
		"CERT-TYPE-UNSUPPORTED", "INVALID-CERT-AUTHORITY",
		"INVALID-HASH-INFORMATION", "AUTHENTICATION-FAILED", "INVALID-SIGNATURE",
		"ADDRESS-NOTIFICATION", "NOTIFY-SA-LIFETIME", "CERTIFICATE-UNAVAILABLE",
		"UNSUPPORTED-EXCHANGE-TYPE", "UNEQUAL-PAYLOAD-LENGTHS",
	};
	static const char *const ipsec_errors[] = { "RESERVED" };
	static const char *const status[] = { "CONNECTED" };
	static const char *const ipsec_status[] = { "RESPONDER-LIFETIME", "REPLAY-STATUS",
						    "INITIAL-CONTACT" };
	unsigned doi, proto, type, spi_size;
	const uint8_t *cp, *ep2 = ext + item_len;
	const char *ts;
	char b[16], b2[16];

	(void)tpay; (void)phase; (void)doi0; (void)proto0; (void)depth;
	P("n:");
	if (!nd_ok(nd, ext, 12))
		return ike_pay_trunc(nd, IKE_NP_N);
	doi = g4(nd, ext + 4);
	proto = g1(nd, ext + 8);
	type = g2(nd, ext + 10);
	if (type < 8192)
		ts = IKE_SOI(errors, type, b);
	else if (type < 16384)
		ts = doi != 1 ? IKE_SOI(errors, type, b) : IKE_SOI(ipsec_errors, type - 8192, b);
	else if (type < 24576)
		ts = IKE_SOI(status, type - 16384, b);
	else if (type < 32768 && doi == 1)
		ts = IKE_SOI(ipsec_status, type - 24576, b);
	else
		ts = IKE_SOI(errors, type, b);	/* out of the table: "#N" */
	if (doi != 1)
		P(" doi=%u proto=%u", doi, proto);
	else
		P(" doi=ipsec proto=%s", ike_protoid_str(proto, b2));
	P(" type=%s", ts);
	spi_size = g1(nd, ext + 9);
	if (spi_size) {
		P(" spi=");
		if (!ike_raw(nd, ext + 12, spi_size))
			return ike_pay_trunc(nd, IKE_NP_N);
	}
	cp = ext + 12 + spi_size;
	if (doi != 1)
		return cp;
	if (cp < ep) {
		switch (type) {
		case 24576:
			P(" attrs=(");
			while (cp && cp < ep && cp < ep2)
				cp = ike_attr_print(nd, cp, ep2, oakley_map, NMAP(oakley_map));
			P(")");
			if (!cp)
				return ike_pay_trunc(nd, IKE_NP_N);
			break;
		case 24577:
			P(" status=(");
			P("replay detection %sabled)", g4(nd, cp) ? "en" : "dis");
			break;
		default:
			if (nd->o->vflag > 3) {
				P(" data=(");
				ike_raw(nd, cp, (size_t)(ep - cp));
				P(")");
			} else if (!ike_somedata(nd, cp, ep)) {
				return ike_pay_trunc(nd, IKE_NP_N);
			}
			break;
		}
	}
	return ext + item_len;
}

/* Delete: the SPIs; the walk resumes after the last one. */
const uint8_t *ikev1_d_print(struct nd *nd, unsigned tpay, const uint8_t *ext,
			     unsigned item_len, const uint8_t *ep, unsigned phase,
			     unsigned doi0, unsigned proto0, int depth)
{
	unsigned doi, proto, spi_size, nspi, i;
	const uint8_t *q;
	char b[16];

	(void)tpay; (void)item_len; (void)ep; (void)phase; (void)doi0; (void)proto0;
	(void)depth;
	P("d:");
	if (!nd_ok(nd, ext, 12))
		return ike_pay_trunc(nd, IKE_NP_D);
	doi = g4(nd, ext + 4);
	proto = g1(nd, ext + 8);
	if (doi != 1)
		P(" doi=%u proto=%u", doi, proto);
	else
		P(" doi=ipsec proto=%s", ike_protoid_str(proto, b));
	spi_size = g1(nd, ext + 9);
	nspi = g2(nd, ext + 10);
	P(" spilen=%u nspi=%u spi=", spi_size, nspi);
	q = ext + 12;
	for (i = 0; i < nspi; i++) {
		if (i)
			P(",");
		if (!ike_raw(nd, q, spi_size))
			return ike_pay_trunc(nd, IKE_NP_D);
		q += spi_size;
	}
	return q;
}
