/* Kerberos on UDP 88 and 750, as tcpdump 4.99.3 prints it: the protocol
 * version, and for version 4 (Athena Technical Plan E.2.1) the byte order,
 * the message type and the principals of the common messages.  Version 5
 * (ASN.1, first byte 0x6a or 0x6b) is only named. */
#include "dissect-int.h"

/* Message types: the second byte without its low bit (the byte order). */
static const struct tok krb4_types[] = {
	{ 2, "KDC_REQUEST" },
	{ 4, "KDC_REPLY" },
	{ 6, "APPL_REQUEST" },
	{ 8, "APPL_REQUEST_MUTUAL" },
	{ 10, "ERR_REPLY" },
	{ 12, "PRIVATE" },
	{ 14, "SAFE" },
	{ 16, "APPL_ERR" },
	{ 126, "DIE" },
	{ 0, NULL }
};

static const struct tok krb4_errs[] = {
	{ 0, "OK" },
	{ 1, "NAME_EXP" },
	{ 2, "SERVICE_EXP" },
	{ 3, "AUTH_EXP" },
	{ 4, "PKT_VER" },
	{ 5, "NAME_MAST_KEY_VER" },
	{ 6, "SERV_MAST_KEY_VER" },
	{ 7, "BYTE_ORDER" },
	{ 8, "PRINCIPAL_UNKNOWN" },
	{ 9, "PRINCIPAL_NOT_UNIQUE" },
	{ 10, "NULL_KEY" },
	{ 0, NULL }
};

/* A NUL-terminated string, up to the end of the capture: the byte after
 * its NUL, or NULL when the capture ends first. */
static const uint8_t *krb4_str(struct nd *nd, const uint8_t *s)
{
	while (s < nd->snapend) {
		uint8_t c = *s++;
		if (c == 0)
			return s;
		char_print(nd, c);
	}
	return NULL;
}

/* name.instance@realm from the third byte on: what follows, or NULL
 * (truncation printed). */
static const uint8_t *krb4_principal(struct nd *nd, const uint8_t *cp)
{
	static const char *const sep[] = { ".", "@", "" };
	int i;

	cp += 2;
	for (i = 0; i < 3; i++) {
		cp = krb4_str(nd, cp);
		if (!cp) {
			nd_trunc(nd);
			return NULL;
		}
		P("%s", sep[i]);
	}
	return cp;
}

/* A 16-bit field in the message's own byte order. */
static unsigned krb4_u16(struct nd *nd, const uint8_t *p, int le)
{
	uint16_t v = g2(nd, p);
	return le ? (unsigned)((v >> 8) | ((v & 0xff) << 8)) : v;
}

static void krb4_print(struct nd *nd, const uint8_t *bp)
{
	const uint8_t *cp = bp;
	uint8_t tb = g1(nd, bp + 1);
	unsigned type = tb & 0xfe;
	int le = tb & 1;
	char b[16];

	P(" %s %s: ", le ? "le" : "be", tok2str(krb4_types, "#%u", type, b, sizeof(b)));
	switch (type) {
	case 2:		/* KDC_REQUEST: principal, time, lifetime, service */
		if (!(cp = krb4_principal(nd, cp)))
			return;
		cp += 4;
		P(" %umin ", g1(nd, cp) * 5);
		cp++;
		if (!(cp = krb4_str(nd, cp)))
			break;
		P(".");
		if (!(cp = krb4_str(nd, cp)))
			break;
		return;
	case 6:		/* APPL_REQUEST: key version, realm, two lengths */
		cp += 2;
		P("v%u ", g1(nd, cp));
		cp++;
		if (!(cp = krb4_str(nd, cp)))
			break;
		P(" (%u)", g1(nd, cp));
		cp++;
		P(" (%u)", g1(nd, cp));
		return;
	case 4:		/* KDC_REPLY: principal, then the cipher length */
		if (!(cp = krb4_principal(nd, cp)))
			return;
		cp += 10;
		P(" (%u)", krb4_u16(nd, cp, le));
		return;
	case 10:	/* ERR_REPLY: principal, time, code, text */
		if (!(cp = krb4_principal(nd, cp)))
			return;
		cp += 4;
		P(" %s ", tok2str(krb4_errs, "#%u", krb4_u16(nd, cp, le), b, sizeof(b)));
		cp += 4;
		if (!(cp = krb4_str(nd, cp)))
			break;
		return;
	default:
		P("(unknown)");
		return;
	}
	nd_trunc(nd);
}

void krb_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned pvno;

	(void)len;
	nd->proto = "krb";
	if (p >= nd->snapend) {
		nd_trunc(nd);
		return;
	}
	pvno = g1(nd, p);
	switch (pvno) {
	case 1:
	case 2:
	case 3:
		P(" v%u", pvno);
		break;
	case 4:
		P(" v%u", pvno);
		krb4_print(nd, p);
		break;
	case 106:	/* [APPLICATION 10], AS-REQ */
	case 107:	/* [APPLICATION 11], AS-REP */
		P(" v5");
		break;
	default:
		break;
	}
}
