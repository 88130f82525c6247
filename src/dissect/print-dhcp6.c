/* DHCPv6 (UDP ports 546 and 547), as tcpdump 4.99.3 prints it: the message
 * type, and with -v the transaction ID or relay addresses and the options
 * (RFC 8415 and the option RFCs tcpdump knows: 3319, 3633, 3646, 3898, 4075,
 * 4242, 4280, 4649, 4580, 4704, 5007, 5908, 6334, 8520). */
#include "dissect-int.h"

static const struct tok msgtypes[] = {
	{ 1, "solicit" }, { 2, "advertise" }, { 3, "request" }, { 4, "confirm" },
	{ 5, "renew" }, { 6, "rebind" }, { 7, "reply" }, { 8, "release" },
	{ 9, "decline" }, { 10, "reconfigure" }, { 11, "inf-req" },
	{ 12, "relay-fwd" }, { 13, "relay-reply" }, { 14, "leasequery" },
	{ 15, "leasequery-reply" }, { 0, NULL }
};

enum {
	O_CLIENTID = 1, O_SERVERID = 2, O_IA_NA = 3, O_IA_TA = 4, O_IAADDR = 5,
	O_ORO = 6, O_PREFERENCE = 7, O_ELAPSED = 8, O_RELAY_MSG = 9, O_AUTH = 11,
	O_UNICAST = 12, O_STATUS = 13, O_RAPID = 14, O_USER_CLASS = 15,
	O_VENDOR_CLASS = 16, O_VENDOR_OPTS = 17, O_IFACE_ID = 18, O_RECONF_MSG = 19,
	O_RECONF_ACCEPT = 20, O_SIP_D = 21, O_SIP_A = 22, O_DNS = 23,
	O_DOMAINS = 24, O_IA_PD = 25, O_IAPREFIX = 26, O_NIS = 27, O_NISP = 28,
	O_NIS_NAME = 29, O_NISP_NAME = 30, O_SNTP = 31, O_LIFETIME = 32,
	O_BCMCS_D = 33, O_BCMCS_A = 34, O_GEOCONF = 36, O_REMOTE_ID = 37,
	O_SUBSCR_ID = 38, O_FQDN = 39, O_PANA = 40, O_POSIX_TZ = 41,
	O_TZDB = 42, O_ERO = 43, O_LQ_QUERY = 44, O_CLIENT_DATA = 45,
	O_CLT_TIME = 46, O_LQ_RELAY_DATA = 47, O_LQ_CLIENT_LINK = 48,
	O_NTP = 56, O_AFTR = 64, O_MUDURL = 112
};

static const struct tok optnames[] = {
	{ O_CLIENTID, "client-ID" }, { O_SERVERID, "server-ID" },
	{ O_IA_NA, "IA_NA" }, { O_IA_TA, "IA_TA" }, { O_IAADDR, "IA_ADDR" },
	{ O_ORO, "option-request" }, { O_PREFERENCE, "preference" },
	{ O_ELAPSED, "elapsed-time" }, { O_RELAY_MSG, "relay-message" },
	{ O_AUTH, "authentication" }, { O_UNICAST, "server-unicast" },
	{ O_STATUS, "status-code" }, { O_RAPID, "rapid-commit" },
	{ O_USER_CLASS, "user-class" }, { O_VENDOR_CLASS, "vendor-class" },
	{ O_VENDOR_OPTS, "vendor-specific-info" }, { O_IFACE_ID, "interface-ID" },
	{ O_RECONF_MSG, "reconfigure-message" },
	{ O_RECONF_ACCEPT, "reconfigure-accept" },
	{ O_SIP_D, "SIP-servers-domain" }, { O_SIP_A, "SIP-servers-address" },
	{ O_DNS, "DNS-server" }, { O_DOMAINS, "DNS-search-list" },
	{ O_IA_PD, "IA_PD" }, { O_IAPREFIX, "IA_PD-prefix" },
	{ O_SNTP, "SNTP-servers" }, { O_LIFETIME, "lifetime" },
	{ O_NIS, "NIS-server" }, { O_NISP, "NIS+-server" },
	{ O_NIS_NAME, "NIS-domain-name" }, { O_NISP_NAME, "NIS+-domain-name" },
	{ O_BCMCS_D, "BCMCS-domain-name" }, { O_BCMCS_A, "BCMCS-server" },
	{ O_GEOCONF, "Geoconf-Civic" }, { O_REMOTE_ID, "Remote-ID" },
	{ O_SUBSCR_ID, "Subscriber-ID" }, { O_FQDN, "Client-FQDN" },
	{ O_PANA, "PANA-agent" }, { O_POSIX_TZ, "POSIX-timezone" },
	{ O_TZDB, "POSIX-tz-database" }, { O_ERO, "Echo-request-option" },
	{ O_LQ_QUERY, "Lease-query" }, { O_CLIENT_DATA, "LQ-client-data" },
	{ O_CLT_TIME, "Clt-time" }, { O_LQ_RELAY_DATA, "LQ-relay-data" },
	{ O_LQ_CLIENT_LINK, "LQ-client-link" }, { O_NTP, "NTP-server" },
	{ O_AFTR, "AFTR-Name" }, { O_MUDURL, "MUD-URL" }, { 0, NULL }
};

static const struct tok stcodes[] = {
	{ 0, "Success" }, { 1, "UnspecFail" }, { 2, "NoAddrsAvail" },
	{ 3, "NoBinding" }, { 4, "NotOnLink" }, { 5, "UseMulticast" },
	{ 6, "NoPrefixAvail" }, { 7, "UnknownQueryType" },
	{ 8, "MalformedQuery" }, { 9, "NotConfigured" }, { 10, "NotAllowed" },
	{ 0, NULL }
};

static void hex_bytes(struct nd *nd, const uint8_t *p, unsigned from, unsigned to)
{
	for (; from < to; from++)
		P("%02x", g1(nd, p + from));
}

/* DUID (client and server identifiers); 0 when too short. */
static int duid_print(struct nd *nd, const uint8_t *tp, unsigned optlen)
{
	unsigned type = g2(nd, tp);

	switch (type) {
	case 1:		/* link-layer address plus time */
		if (optlen < 8)
			return 0;
		P(" hwaddr/time type %u time %u ", g2(nd, tp + 2), g4(nd, tp + 4));
		hex_bytes(nd, tp, 8, optlen);
		break;
	case 2:		/* enterprise number and identifier: tcpdump shows 8 bytes */
		if (optlen < 10)
			return 0;
		P(" vid ");
		hex_bytes(nd, tp, 2, 10);
		break;
	case 3:		/* link-layer address */
		if (optlen < 4)
			return 0;
		P(" hwaddr type %u ", g2(nd, tp + 2));
		hex_bytes(nd, tp, 4, optlen);
		break;
	default:
		P(" type %u", type);
		break;
	}
	return 1;
}

static void auth_print(struct nd *nd, const uint8_t *tp, unsigned optlen)
{
	unsigned proto = g1(nd, tp), alg = g1(nd, tp + 1), rdm = g1(nd, tp + 2);
	unsigned info = optlen - 11, realm, i;

	if (proto == 2)
		P(" proto: delayed");
	else if (proto == 3)
		P(" proto: reconfigure");
	else
		P(" proto: %u", proto);
	if (alg == 1)
		P(", alg: HMAC-MD5");
	else
		P(", alg: %u", alg);
	if (rdm == 0)
		P(", RDM: mono");
	else
		P(", RDM: %u", rdm);
	P(", RD:");
	tp += 3;
	for (i = 0; i < 4; i++, tp += 2)
		P(" %04x", g2(nd, tp));
	switch (proto) {
	case 2:
		if (info == 0)
			break;
		if (info < 20) {
			P(" ??");
			break;
		}
		realm = info - 20;
		if (realm)
			P(", realm: ");
		hex_bytes(nd, tp, 0, realm);
		tp += realm;
		P(", key ID: %08x", g4(nd, tp));
		tp += 4;
		P(", HMAC-MD5:");
		for (i = 0; i < 4; i++, tp += 4)
			P(" %08x", g4(nd, tp));
		break;
	case 3:
		if (info != 17) {
			P(" ??");
			break;
		}
		switch (g1(nd, tp)) {
		case 1:
			P(" reconfig-key");
			break;
		case 2:
			P(" type: HMAC-MD5");
			break;
		default:
			P(" type: ??");
			break;
		}
		tp++;
		P(" value:");
		for (i = 0; i < 4; i++, tp += 4)
			P(" %08x", g4(nd, tp));
		break;
	default:
		P(" ??");
		break;
	}
}

/* RFC 5908 NTP server sub-options; 0 when one overruns the option. */
static int ntp_subopts(struct nd *nd, const uint8_t *tp, const uint8_t *end)
{
	char b[46];
	unsigned code, sl;

	/* tcpdump stops when four bytes or fewer are left */
	while (tp < end - 4) {
		code = g2(nd, tp);
		sl = g2(nd, tp + 2);
		tp += 4;
		if (tp + sl > end)
			return 0;
		P(" subopt:%u", code);
		switch (code) {
		case 1:		/* server address */
		case 2:		/* multicast address */
			if (sl != 16)
				P(" ?");
			else
				P(" %s", ip6_str(nd, tp, b));
			break;
		case 3:		/* server FQDN */
			P(" ");
			if (dns_name_print(nd, tp, tp + sl) == NULL)
				return 0;
			break;
		default:
			P(" ?");
			break;
		}
		tp += sl;
	}
	return 1;
}

/* RFC 6334 AFTR name: labels up to the root or the end of the option. */
static void aftr_print(struct nd *nd, const uint8_t *tp, unsigned optlen)
{
	unsigned left = optlen, ll;

	P(" ");
	while (left && g1(nd, tp)) {
		ll = *tp++;
		if (ll >= left - 1) {
			P(" ?");
			break;
		}
		chars_print_z(nd, tp, ll);
		tp += ll;
		left -= ll + 1;
		if (g1(nd, tp))
			P(".");
	}
}

static void opts_print(struct nd *nd, const uint8_t *cp, const uint8_t *ep);

/* One option's body (type and length already checked to fit); 0 when a
 * truncation ended the option list. */
static int opt_body(struct nd *nd, unsigned type, const uint8_t *tp, unsigned optlen)
{
	const uint8_t *end = tp + optlen, *save;
	char b[46];
	unsigned i, v;

	switch (type) {
	case O_CLIENTID:
	case O_SERVERID:
		if (optlen < 2 || !duid_print(nd, tp, optlen))
			goto bad;
		break;
	case O_IAADDR:
		if (optlen < 24)
			goto bad;
		P(" %s", ip6_str(nd, tp, b));
		P(" pltime:%u vltime:%u", g4(nd, tp + 16), g4(nd, tp + 20));
		if (optlen > 24)
			opts_print(nd, tp + 24, end);
		break;
	case O_ORO:
	case O_ERO:
		if (optlen % 2)
			goto bad;
		for (i = 0; i < optlen; i += 2) {
			char ob[16];
			P(" %s", tok2str(optnames, "opt_%u", g2(nd, tp + i), ob, sizeof(ob)));
		}
		break;
	case O_PREFERENCE:
		if (optlen != 1)
			goto bad;
		P(" %u", g1(nd, tp));
		break;
	case O_ELAPSED:
		if (optlen != 2)
			goto bad;
		P(" %u", g2(nd, tp));
		break;
	case O_RELAY_MSG:
		P(" (");
		save = nd->snapend;
		if (end < nd->snapend)
			nd->snapend = end;
		dhcp6_print(nd, tp, optlen);
		nd->snapend = save;
		P(")");
		return 1;	/* tcpdump leaves the option's own "(" open */
	case O_AUTH:
		if (optlen < 11)
			goto bad;
		auth_print(nd, tp, optlen);
		break;
	case O_IFACE_ID:
	case O_SUBSCR_ID:
		/* the encoding is unknown: the first ten bytes in hex */
		P(" ");
		hex_bytes(nd, tp, 0, optlen < 10 ? optlen : 10);
		P("...");
		break;
	case O_RECONF_MSG:
		if (optlen != 1)
			goto bad;
		v = g1(nd, tp);
		if (v == 5)
			P(" for renew");
		else if (v == 11)
			P(" for inf-req");
		else
			P(" for ??\?(%02x)", v);
		break;
	case O_SIP_A:
	case O_DNS:
	case O_SNTP:
	case O_NIS:
	case O_NISP:
	case O_BCMCS_A:
	case O_PANA:
	case O_LQ_CLIENT_LINK:
		if (optlen % 16)
			goto bad;
		for (i = 0; i < optlen; i += 16)
			P(" %s", ip6_str(nd, tp + i, b));
		break;
	case O_SIP_D:
	case O_DOMAINS:
		while (tp < end) {
			P(" ");
			if ((tp = dns_name_print(nd, tp, end)) == NULL)
				return 0;
		}
		break;
	case O_STATUS:
		if (optlen < 2)
			goto bad;
		v = g2(nd, tp);
		P(" %s", v > 255 ? "INVALID code" : tok2str(stcodes, "code%u", v, b, sizeof(b)));
		break;
	case O_IA_NA:
	case O_IA_PD:
		if (optlen < 12)
			goto bad;
		P(" IAID:%u T1:%u T2:%u", g4(nd, tp), g4(nd, tp + 4), g4(nd, tp + 8));
		if (optlen > 12)
			opts_print(nd, tp + 12, end);
		break;
	case O_IA_TA:
		if (optlen < 4)
			goto bad;
		P(" IAID:%u", g4(nd, tp));
		if (optlen > 4)
			opts_print(nd, tp + 4, end);
		break;
	case O_IAPREFIX:
		if (optlen < 25)
			goto bad;
		P(" %s/%u", ip6_str(nd, tp + 9, b), g1(nd, tp + 8));
		P(" pltime:%u vltime:%u", g4(nd, tp), g4(nd, tp + 4));
		if (optlen > 25)
			opts_print(nd, tp + 25, end);
		break;
	case O_LIFETIME:
	case O_CLT_TIME:
		if (optlen != 4)
			goto bad;
		P(" %u", g4(nd, tp));
		break;
	case O_REMOTE_ID:
		if (optlen < 4)
			goto bad;
		P(" %u ", g4(nd, tp));
		hex_bytes(nd, tp, 4, optlen < 14 ? optlen : 14);
		P("...");
		break;
	case O_LQ_QUERY:
		if (optlen < 17)
			goto bad;
		v = g1(nd, tp);
		if (v == 1)
			P(" by-address");
		else if (v == 2)
			P(" by-clientID");
		else
			P(" type_%u", v);
		P(" %s", ip6_str(nd, tp + 1, b));
		if (optlen > 17)
			opts_print(nd, tp + 17, end);
		break;
	case O_CLIENT_DATA:
		if (optlen > 0)
			opts_print(nd, tp, end);
		break;
	case O_LQ_RELAY_DATA:
		if (optlen < 16)
			goto bad;
		P(" %s ", ip6_str(nd, tp, b));
		hex_bytes(nd, tp, 16, optlen < 26 ? optlen : 26);
		P("...");
		break;
	case O_NTP:
		if (optlen < 4)
			goto bad;
		if (!ntp_subopts(nd, tp, end))
			return 0;
		break;
	case O_AFTR:
		if (optlen < 3)
			goto bad;
		aftr_print(nd, tp, optlen);
		break;
	case O_POSIX_TZ:
	case O_TZDB:
	case O_MUDURL:
		if (optlen < 5)
			goto bad;
		P(" ");
		chars_print_z(nd, tp, optlen);
		break;
	default:
		/* rapid commit, reconfigure accept and the rest: name only */
		break;
	}
	P(")");
	return 1;
bad:
	P(" ?)");
	return 1;
}

/* The options in [cp, ep); a cut-short one ends the list with " [|dhcp6]". */
static void opts_print(struct nd *nd, const uint8_t *cp, const uint8_t *ep)
{
	char b[16];
	unsigned type, optlen;

	while (cp < ep) {
		if (ep - cp < 4)
			goto trunc;
		optlen = g2(nd, cp + 2);
		if ((size_t)(ep - cp) < 4 + (size_t)optlen)
			goto trunc;
		type = g2(nd, cp);
		P(" (%s", tok2str(optnames, "opt_%u", type, b, sizeof(b)));
		if (!nd_ok(nd, cp + 4, optlen))
			goto trunc;
		if (!opt_body(nd, type, cp + 4, optlen))
			goto trunc;
		cp += 4 + optlen;
	}
	return;
trunc:
	nd_trunc(nd);
}

void dhcp6_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	const uint8_t *ep = nd->snapend;
	char b[46];
	unsigned type;

	nd->proto = "dhcp6";
	P("dhcp6");
	if (cp < nd->snapend && (size_t)(nd->snapend - cp) > len)
		ep = cp + len;
	if (!nd_ok(nd, cp, 4)) {
		nd_trunc(nd);
		return;
	}
	type = cp[0];
	P(" %s", tok2str(msgtypes, "msgtype-%u", type, b, sizeof(b)));
	if (!nd->o->vflag)
		return;
	P(" (");
	if (type != 12 && type != 13) {
		P("xid=%x", g4(nd, cp) & 0xffffff);
		opts_print(nd, cp + 4, ep);
	} else {
		P("linkaddr=%s", ip6_str(nd, cp + 2, b));
		P(" peeraddr=%s", ip6_str(nd, cp + 18, b));
		opts_print(nd, cp + 34, ep);
	}
	P(")");
}
