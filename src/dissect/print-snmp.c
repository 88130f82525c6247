/* SNMP (UDP 161/162): v1 and v2c messages with their community, SNMPv3
 * messages with the USM security parameters and the scoped PDU, decoded with
 * a small BER reader the way tcpdump does it, including its bracketed
 * complaints about malformed encodings.  ptcpdump prints numerically (-nn),
 * so object identifiers are always dotted numbers with a leading dot. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "dissect-int.h"

/* What a decoded element holds. */
enum {
	BE_NONE, BE_NULL, BE_OCTET, BE_OID, BE_INT, BE_UNS, BE_STR, BE_SEQ,
	BE_INETADDR, BE_PDU, BE_UNS64,
	BE_NOSUCHOBJECT = 128, BE_NOSUCHINST, BE_ENDOFMIBVIEW,
	BE_ANY = 255
};

/* Tag classes and the type names tcpdump knows in each of them. */
enum { C_UNIV, C_APPL, C_CTX, C_PRIV };
static const char *const univ_names[] = {
	"U-0", "Boolean", "Integer", "Bitstring", "String", "Null", "ObjID",
	"ObjectDes", "U-8", "U-9", "U-10", "U-11", "U-12", "U-13", "U-14",
	"U-15", "Sequence", "Set"
};
static const char *const appl_names[] = {
	"IpAddress", "Counter", "Gauge", "TimeTicks", "Opaque", "C-5", "Counter64"
};
static const char *const pdu_names[] = {
	"GetRequest", "GetNextRequest", "GetResponse", "SetRequest", "Trap",
	"GetBulk", "Inform", "V2Trap", "Report"
};
static const char *const priv_names[] = { "P-0" };
static const char *const exc_names[] = {
	"noSuchObject", "noSuchInstance", "endOfMibView"
};
static const struct {
	const char *const *ids;
	unsigned n;
} classes[] = {
	{ univ_names, 18 }, { appl_names, 7 }, { pdu_names, 9 }, { priv_names, 1 },
};
/* tcpdump's class table names every class "x" (a string literal in a
 * macro is not expanded), and that is what its messages show. */
#define CLASS_NAME "x"

enum { U_INTEGER = 2, U_STRING = 4, U_NULL = 5, U_OID = 6, U_SEQUENCE = 16 };
enum { A_IPADDR, A_COUNTER, A_GAUGE, A_TIMETICKS, A_OPAQUE, A_C5, A_COUNTER64 };
enum { GETREQ, GETNEXTREQ, GETRESP, SETREQ, TRAP, GETBULKREQ, INFORMREQ, V2TRAP, REPORT };

static const char *const error_names[] = {
	"noError", "tooBig", "noSuchName", "badValue", "readOnly", "genErr",
	"noAccess", "wrongType", "wrongLength", "wrongEncoding", "wrongValue",
	"noCreation", "inconsistentValue", "resourceUnavailable",
	"commitFailed", "undoFailed", "authorizationError", "notWritable",
	"inconsistentName"
};
static const char *const trap_names[] = {
	"coldStart", "warmStart", "linkDown", "linkUp",
	"authenticationFailure", "egpNeighborLoss", "enterpriseSpecific"
};
#define GT_ENTERPRISE 6

/* One decoded BER element. */
struct be {
	uint32_t asnlen;
	const uint8_t *raw;	/* contents */
	union {
		int32_t integer;
		uint32_t uns;
		uint64_t uns64;
	} d;
	unsigned id;
	uint8_t form, cls, type;
};

/* Decode the element at p (len bytes left in its container).  Returns the
 * bytes it takes, or -1 after printing why it cannot be decoded. */
static int asn1_parse(struct nd *nd, const uint8_t *p, uint32_t len, struct be *e)
{
	uint8_t form, cls, id, c;
	uint32_t hdr, i;

	e->asnlen = 0;
	e->type = BE_ANY;
	e->raw = NULL;
	if (len < 1) {
		P("[nothing to parse]");
		return -1;
	}
	c = g1(nd, p);
	id = c & 0x1f;
	form = (c & 0x20) >> 5;
	cls = (c & 0xc0) >> 6;
	e->form = form;
	e->cls = cls;
	e->id = id;
	p++;
	len--;
	hdr = 1;
	if (id == 0x1f) {	/* the tag number follows, 7 bits a byte */
		id = 0;
		while (g1(nd, p) & 0x80) {
			if (len < 1) {
				P("[Xtagfield?]");
				return -1;
			}
			id = (uint8_t)(id << 7 | (p[0] & 0x7f));
			len--;
			hdr++;
			p++;
		}
		if (len < 1) {
			P("[Xtagfield?]");
			return -1;
		}
		id = (uint8_t)(id << 7 | p[0]);
		e->id = id;
		len--;
		hdr++;
		p++;
	}
	if (len < 1) {
		P("[no asnlen]");
		return -1;
	}
	e->asnlen = g1(nd, p);
	p++;
	len--;
	hdr++;
	if (e->asnlen & 0x80) {
		uint32_t noct = e->asnlen & 0x7f;

		e->asnlen = 0;
		if (len < noct) {
			P("[asnlen? %d<%d]", (int)len, (int)noct);
			return -1;
		}
		if (!nd_ok(nd, p, noct)) {
			nd_trunc(nd);
			return -1;
		}
		for (; noct; noct--, len--, hdr++, p++)
			e->asnlen = e->asnlen << 8 | p[0];
	}
	if (len < e->asnlen) {
		P("[len%d<asnlen%u]", (int)len, e->asnlen);
		return -1;
	}
	if (id >= classes[cls].n) {
		P("[id?%c/%s/%d]", form ? 'C' : 'P', CLASS_NAME, id);
		return -1;
	}
	if (!nd_ok(nd, p, e->asnlen)) {
		nd_trunc(nd);
		return -1;
	}
	e->raw = p;
	if (form) {
		if (cls == C_UNIV && id == U_SEQUENCE) {
			e->type = BE_SEQ;
		} else if (cls == C_CTX) {
			e->type = BE_PDU;
		} else {
			e->type = BE_OCTET;
			P("C/%s/%s", cls == C_UNIV ? "U" : CLASS_NAME, classes[cls].ids[id]);
		}
		return (int)(e->asnlen + hdr);
	}
	switch (cls) {
	case C_UNIV:
		switch (id) {
		case U_STRING:
			e->type = BE_STR;
			break;
		case U_INTEGER: {
			uint32_t v;

			e->type = BE_INT;
			if (e->asnlen == 0) {
				P("[asnlen=0]");
				return -1;
			}
			v = (p[0] & 0x80) ? 0xffffffffu : 0;
			for (i = 0; i < e->asnlen; i++)
				v = v << 8 | p[i];
			e->d.integer = (int32_t)v;
			break;
		}
		case U_OID:
			e->type = BE_OID;
			break;
		case U_NULL:
			e->type = BE_NULL;
			e->raw = NULL;
			break;
		default:
			e->type = BE_OCTET;
			P("[P/U/%s]", univ_names[id]);
			break;
		}
		break;
	case C_APPL:
		switch (id) {
		case A_IPADDR:
			e->type = BE_INETADDR;
			break;
		case A_COUNTER:
		case A_GAUGE:
		case A_TIMETICKS:
			e->type = BE_UNS;
			e->d.uns = 0;
			for (i = 0; i < e->asnlen; i++)
				e->d.uns = (e->d.uns << 8) + p[i];
			break;
		case A_COUNTER64:
			e->type = BE_UNS64;
			e->d.uns64 = 0;
			for (i = 0; i < e->asnlen; i++)
				e->d.uns64 = (e->d.uns64 << 8) + p[i];
			break;
		default:
			e->type = BE_OCTET;
			P("[P/A/%s]", appl_names[id]);
			break;
		}
		break;
	case C_CTX:
		/* the varbind exceptions; other numbers stay BE_ANY */
		if (id <= 2) {
			e->type = (uint8_t)(BE_NOSUCHOBJECT + id);
			e->raw = NULL;
		}
		break;
	default:
		P("[P/%s/%s]", CLASS_NAME, classes[cls].ids[id]);
		e->type = BE_OCTET;
		break;
	}
	return (int)(e->asnlen + hdr);
}

/* The contents as "_xx" bytes. */
static int asn1_print_octets(struct nd *nd, const struct be *e)
{
	uint32_t i;

	if (!nd_ok(nd, e->raw, e->asnlen)) {
		nd_trunc(nd);
		return -1;
	}
	for (i = 0; i < e->asnlen; i++)
		P("_%.2x", e->raw[i]);
	return 0;
}

/* Quoted text when every byte is printable ASCII, else xx_xx hex. */
static int asn1_print_string(struct nd *nd, const struct be *e)
{
	uint32_t i;
	int printable = 1;

	if (!nd_ok(nd, e->raw, e->asnlen)) {
		nd_trunc(nd);
		return -1;
	}
	for (i = 0; i < e->asnlen && printable; i++)
		printable = e->raw[i] >= 0x20 && e->raw[i] < 0x7f;
	if (printable) {
		P("\"%.*s\"", (int)e->asnlen, (const char *)e->raw);
	} else {
		for (i = 0; i < e->asnlen; i++)
			P(i ? "_%.2x" : "%.2x", e->raw[i]);
	}
	return 0;
}

/* Object identifier: ".1.3.6..." (tcpdump -n). The arithmetic is 32-bit
 * signed and may wrap, printed unsigned, as tcpdump does it. */
static void oid_print(struct nd *nd, const struct be *e)
{
	uint32_t i, o = 0;
	int first = 1;

	for (i = 0; i < e->asnlen; i++) {
		o = (o << 7) + (e->raw[i] & 0x7f);
		if (e->raw[i] & 0x80)
			continue;
		if (first) {
			int32_t s = (int32_t)o / 40;

			if (s > 2)
				s = 2;
			P(".%u", (uint32_t)s);
			o -= (uint32_t)s * 40;
			first = 0;
		}
		P(".%u", o);
		o = 0;
	}
}

static int asn1_print(struct nd *nd, const struct be *e)
{
	uint32_t i;

	switch (e->type) {
	case BE_OCTET:
		return asn1_print_octets(nd, e);
	case BE_NULL:
		break;
	case BE_OID:
		oid_print(nd, e);
		break;
	case BE_INT:
		P("%d", e->d.integer);
		break;
	case BE_UNS:
		P("%u", e->d.uns);
		break;
	case BE_UNS64:
		P("%" PRIu64, e->d.uns64);
		break;
	case BE_STR:
		return asn1_print_string(nd, e);
	case BE_SEQ:
		P("Seq(%u)", e->asnlen);
		break;
	case BE_INETADDR:
		if (e->asnlen != 4)
			P("[inetaddr len!=4]");
		if (!nd_ok(nd, e->raw, e->asnlen)) {
			nd_trunc(nd);
			return -1;
		}
		for (i = 0; i < e->asnlen; i++)
			P(i ? ".%u" : "%u", e->raw[i]);
		break;
	case BE_NOSUCHOBJECT:
	case BE_NOSUCHINST:
	case BE_ENDOFMIBVIEW:
		P("[%s]", exc_names[e->id]);
		break;
	case BE_PDU:
		P("%s(%u)", pdu_names[e->id], e->asnlen);
		break;
	case BE_ANY:
		P("[BE_ANY!?]");
		break;
	default:
		P("[be!?]");
		break;
	}
	return 0;
}

/* The next element, which must be of type want: otherwise "[what]" and the
 * element are printed.  The bytes it takes, or -1. */
static int expect(struct nd *nd, const uint8_t *p, uint32_t len, struct be *e,
		  int want, const char *what)
{
	int n = asn1_parse(nd, p, len, e);

	if (n < 0)
		return -1;
	if (e->type != want) {
		P("[%s]", what);
		asn1_print(nd, e);
		return -1;
	}
	return n;
}

static int read_class(unsigned pdu)
{
	return pdu == GETREQ || pdu == GETNEXTREQ || pdu == GETBULKREQ;
}

static void varbind_print(struct nd *nd, unsigned pdu, const uint8_t *np, uint32_t length)
{
	struct be e;
	int n;

	if ((n = expect(nd, np, length, &e, BE_SEQ, "!SEQ of varbind")) < 0)
		return;
	if ((uint32_t)n < length)
		P("[%d extra after SEQ of varbind]", (int)(length - (uint32_t)n));
	length = e.asnlen;
	np = e.raw;
	while (length) {
		const uint8_t *vbend;
		uint32_t vblength;

		P(" ");
		if ((n = expect(nd, np, length, &e, BE_SEQ, "!varbind")) < 0)
			return;
		vbend = np + n;
		vblength = length - (uint32_t)n;
		length = e.asnlen;
		np = e.raw;

		/* name */
		if ((n = expect(nd, np, length, &e, BE_OID, "objName!=OID")) < 0)
			return;
		if (asn1_print(nd, &e) < 0)
			return;
		length -= (uint32_t)n;
		np += n;
		if (!read_class(pdu))
			P("=");

		/* value */
		if (asn1_parse(nd, np, length, &e) < 0)
			return;
		if (read_class(pdu)) {
			if (e.type != BE_NULL) {
				P("[objVal!=NULL]");
				if (asn1_print(nd, &e) < 0)
					return;
			}
		} else if (e.type != BE_NULL && asn1_print(nd, &e) < 0) {
			return;
		}
		length = vblength;
		np = vbend;
	}
}

static const char *error_str(int32_t v, char *buf, size_t bl)
{
	if (v >= 0 && (size_t)v < sizeof(error_names) / sizeof(error_names[0]))
		return error_names[v];
	snprintf(buf, bl, "err=%u", (uint32_t)v);
	return buf;
}

/* Everything but the v1 Trap: request id, error status and index (the
 * repeaters for GetBulk), then the variable bindings. */
static void snmppdu_print(struct nd *nd, unsigned pdu, const uint8_t *np, uint32_t length)
{
	struct be e;
	int n, strict;
	int32_t error_status = 0;
	char buf[24];

	/* requests, notifications and reports must carry zero error fields */
	strict = pdu == GETREQ || pdu == GETNEXTREQ || pdu == SETREQ ||
		 pdu == INFORMREQ || pdu == V2TRAP || pdu == REPORT;
	if ((n = expect(nd, np, length, &e, BE_INT, "reqId!=INT")) < 0)
		return;
	if (nd->o->vflag)
		P("R=%d ", e.d.integer);
	length -= (uint32_t)n;
	np += n;

	if ((n = expect(nd, np, length, &e, BE_INT, "errorStatus!=INT")) < 0)
		return;
	if (strict && e.d.integer != 0) {
		P("[errorStatus(%s)!=0]", error_str(e.d.integer, buf, sizeof(buf)));
	} else if (pdu == GETBULKREQ) {
		P(" N=%d", e.d.integer);
	} else if (e.d.integer != 0) {
		P(" %s", error_str(e.d.integer, buf, sizeof(buf)));
		error_status = e.d.integer;
	}
	length -= (uint32_t)n;
	np += n;

	if ((n = expect(nd, np, length, &e, BE_INT, "errorIndex!=INT")) < 0)
		return;
	if (strict && e.d.integer != 0)
		P("[errorIndex(%d)!=0]", e.d.integer);
	else if (pdu == GETBULKREQ)
		P(" M=%d", e.d.integer);
	else if (e.d.integer != 0) {
		if (!error_status)
			P("[errorIndex(%d) w/o errorStatus]", e.d.integer);
		else
			P("@%d", e.d.integer);
	} else if (error_status) {
		P("[errorIndex==0]");
	}
	length -= (uint32_t)n;
	np += n;

	varbind_print(nd, pdu, np, length);
}

/* SNMPv1 Trap: enterprise, agent address, generic and specific trap, time. */
static void trappdu_print(struct nd *nd, const uint8_t *np, uint32_t length)
{
	struct be e;
	int n;
	int32_t generic;

	P(" ");
	if ((n = expect(nd, np, length, &e, BE_OID, "enterprise!=OID")) < 0)
		return;
	if (asn1_print(nd, &e) < 0)
		return;
	length -= (uint32_t)n;
	np += n;
	P(" ");

	if ((n = expect(nd, np, length, &e, BE_INETADDR, "agent-addr!=INETADDR")) < 0)
		return;
	if (asn1_print(nd, &e) < 0)
		return;
	length -= (uint32_t)n;
	np += n;

	if ((n = expect(nd, np, length, &e, BE_INT, "generic-trap!=INT")) < 0)
		return;
	generic = e.d.integer;
	if (generic >= 0 && generic <= GT_ENTERPRISE)
		P(" %s", trap_names[generic]);
	else
		P(" gt=%d", generic);
	length -= (uint32_t)n;
	np += n;

	if ((n = expect(nd, np, length, &e, BE_INT, "specific-trap!=INT")) < 0)
		return;
	if (generic != GT_ENTERPRISE) {
		if (e.d.integer != 0)
			P("[specific-trap(%d)!=0]", e.d.integer);
	} else {
		P(" s=%d", e.d.integer);
	}
	length -= (uint32_t)n;
	np += n;
	P(" ");

	if ((n = expect(nd, np, length, &e, BE_UNS, "time-stamp!=TIMETICKS")) < 0)
		return;
	if (asn1_print(nd, &e) < 0)
		return;
	length -= (uint32_t)n;
	np += n;

	varbind_print(nd, TRAP, np, length);
}

static void pdu_print(struct nd *nd, const uint8_t *np, uint32_t length, int version)
{
	struct be pdu;
	int n;

	if ((n = asn1_parse(nd, np, length, &pdu)) < 0)
		return;
	if (pdu.type != BE_PDU) {
		P("[no PDU]");
		return;
	}
	if ((uint32_t)n < length)
		P("[%d extra after PDU]", (int)(length - (uint32_t)n));
	if (nd->o->vflag)
		P("{ ");
	if (asn1_print(nd, &pdu) < 0)
		return;
	P(" ");
	if (version == 0 && (pdu.id == GETBULKREQ || pdu.id == INFORMREQ ||
			     pdu.id == V2TRAP || pdu.id == REPORT)) {
		P("[v2 PDU in v1 message]");
		return;
	}
	if (version == 1 && pdu.id == TRAP) {
		P("[v1 PDU in v2 message]");
		return;
	}
	if (pdu.id == TRAP)
		trappdu_print(nd, pdu.raw, pdu.asnlen);
	else
		snmppdu_print(nd, pdu.id, pdu.raw, pdu.asnlen);
	if (nd->o->vflag)
		P(" } ");
}

/* SNMPv3 ScopedPDU: context engine id and name, then the PDU.  An
 * encrypted one is an OCTET STRING and shows as "[!scoped PDU]" bytes. */
static void scopedpdu_print(struct nd *nd, const uint8_t *np, uint32_t length)
{
	struct be e;
	int n;

	if ((n = expect(nd, np, length, &e, BE_SEQ, "!scoped PDU")) < 0)
		return;
	length = e.asnlen;
	np = e.raw;

	if ((n = expect(nd, np, length, &e, BE_STR, "contextEngineID!=STR")) < 0)
		return;
	length -= (uint32_t)n;
	np += n;
	P("E=");
	if (asn1_print_octets(nd, &e) < 0)
		return;
	P(" ");

	if ((n = expect(nd, np, length, &e, BE_STR, "contextName!=STR")) < 0)
		return;
	length -= (uint32_t)n;
	np += n;
	P("C=");
	if (asn1_print_string(nd, &e) < 0)
		return;
	P(" ");
	pdu_print(nd, np, length, 3);
}

/* v1/v2c: the community ("public" is not shown), then the PDU. */
static void community_print(struct nd *nd, const uint8_t *np, uint32_t length, int version)
{
	struct be e;
	int n;

	if ((n = expect(nd, np, length, &e, BE_STR, "comm!=STR")) < 0)
		return;
	if (!(e.asnlen == 6 && memcmp(e.raw, "public", 6) == 0)) {
		P("C=");
		if (asn1_print_string(nd, &e) < 0)
			return;
		P(" ");
	}
	pdu_print(nd, np + n, length - (uint32_t)n, version);
}

/* The User-based Security Model parameters (inside an OCTET STRING). */
static void usm_print(struct nd *nd, const uint8_t *np, uint32_t length)
{
	struct be e;
	int n;

	if ((n = expect(nd, np, length, &e, BE_SEQ, "!usm")) < 0)
		return;
	length = e.asnlen;
	np = e.raw;

	if ((n = expect(nd, np, length, &e, BE_STR, "msgAuthoritativeEngineID!=STR")) < 0)
		return;
	length -= (uint32_t)n;
	np += n;

	if ((n = expect(nd, np, length, &e, BE_INT, "msgAuthoritativeEngineBoots!=INT")) < 0)
		return;
	if (nd->o->vflag)
		P("B=%d ", e.d.integer);
	length -= (uint32_t)n;
	np += n;

	if ((n = expect(nd, np, length, &e, BE_INT, "msgAuthoritativeEngineTime!=INT")) < 0)
		return;
	if (nd->o->vflag)
		P("T=%d ", e.d.integer);
	length -= (uint32_t)n;
	np += n;

	if ((n = expect(nd, np, length, &e, BE_STR, "msgUserName!=STR")) < 0)
		return;
	length -= (uint32_t)n;
	np += n;
	P("U=");
	if (asn1_print_string(nd, &e) < 0)
		return;
	P(" ");

	if ((n = expect(nd, np, length, &e, BE_STR, "msgAuthenticationParameters!=STR")) < 0)
		return;
	length -= (uint32_t)n;
	np += n;

	if ((n = expect(nd, np, length, &e, BE_STR, "msgPrivacyParameters!=STR")) < 0)
		return;
	length -= (uint32_t)n;
	/* tcpdump compares the last element's size with what is left */
	if ((uint32_t)n < length)
		P("[%d extra after usm SEQ]", (int)(length - (uint32_t)n));
}

/* SNMPv3: msgGlobalData, the security parameters, the scoped PDU. */
static void v3msg_print(struct nd *nd, const uint8_t *np, uint32_t length)
{
	const uint8_t *start = np;
	uint32_t total = length;
	struct be e;
	int n, model;
	uint8_t flags;

	if ((n = expect(nd, np, length, &e, BE_SEQ, "!message")) < 0)
		return;
	length = e.asnlen;
	np = e.raw;
	if (nd->o->vflag)
		P("{ ");

	if ((n = expect(nd, np, length, &e, BE_INT, "msgID!=INT")) < 0)
		return;
	length -= (uint32_t)n;
	np += n;

	if ((n = expect(nd, np, length, &e, BE_INT, "msgMaxSize!=INT")) < 0)
		return;
	length -= (uint32_t)n;
	np += n;

	if ((n = expect(nd, np, length, &e, BE_STR, "msgFlags!=STR")) < 0)
		return;
	if (e.asnlen != 1) {
		P("[msgFlags size %d]", (int)e.asnlen);
		return;
	}
	flags = g1(nd, e.raw);
	if (flags != 0x00 && flags != 0x01 && flags != 0x03 &&
	    flags != 0x04 && flags != 0x05 && flags != 0x07) {
		P("[msgFlags=0x%02X]", flags);
		return;
	}
	length -= (uint32_t)n;
	np += n;
	P("F=%s%s%s ", flags & 1 ? "a" : "", flags & 2 ? "p" : "", flags & 4 ? "r" : "");

	if ((n = expect(nd, np, length, &e, BE_INT, "msgSecurityModel!=INT")) < 0)
		return;
	model = e.d.integer;
	length -= (uint32_t)n;
	np += n;
	if ((uint32_t)n < length)
		P("[%d extra after message SEQ]", (int)(length - (uint32_t)n));
	if (nd->o->vflag)
		P("} ");
	if (model != 3) {
		P("[security model %d]", model);
		return;
	}
	if (nd->o->vflag)
		P("{ USM ");

	/* the rest of the message follows msgGlobalData's last field */
	length = total - (uint32_t)(np - start);
	if ((n = expect(nd, np, length, &e, BE_STR, "msgSecurityParameters!=STR")) < 0)
		return;
	length -= (uint32_t)n;
	np += n;
	usm_print(nd, e.raw, e.asnlen);
	if (nd->o->vflag)
		P("} ");

	if (nd->o->vflag)
		P("{ ScopedPDU ");
	scopedpdu_print(nd, np, length);
	if (nd->o->vflag)
		P("} ");
}

void snmp_print(struct nd *nd, const uint8_t *np, uint32_t length)
{
	static const char *const versions[] = { "SNMPv1", "SNMPv2c", "SNMPv2u", "SNMPv3" };
	struct be e;
	int n;
	int32_t version;

	nd->proto = "snmp";
	P(" ");
	if ((n = expect(nd, np, length, &e, BE_SEQ, "!init SEQ")) < 0)
		return;
	if ((uint32_t)n < length)
		P("[%d extra after iSEQ]", (int)(length - (uint32_t)n));
	length = e.asnlen;
	np = e.raw;

	if ((n = expect(nd, np, length, &e, BE_INT, "version!=INT")) < 0)
		return;
	version = e.d.integer;
	if (version != 0 && version != 1 && version != 3) {
		P("SNMP [version = %d]", version);
		return;
	}
	if (nd->o->vflag)
		P("{ %s ", versions[version]);
	length -= (uint32_t)n;
	np += n;
	if (version == 3)
		v3msg_print(nd, np, length);
	else
		community_print(nd, np, length, version);
	if (nd->o->vflag)
		P("} ");
}
