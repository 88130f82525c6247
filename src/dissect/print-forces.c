/* ForCES (RFC 5810) messages in SCTP DATA chunks, as tcpdump 4.99.3 prints
 * them: the header always, then with -vvv the LFB selectors, operations,
 * path data and redirect data, with its error texts at every level. */
#include <inttypes.h>

#include "dissect-int.h"

#define FORCES_HDRL 24

/* Top-level TLV counts (flags >> 4) and presence rules, as tcpdump keeps
 * them per message type. */
#define F_ZERO_TTLV 0x01
#define F_ZERO_MORE_TTLV 0x02
#define F_ONE_MORE_TTLV 0x04
#define F_TTLV_T1 (F_ONE_MORE_TTLV | 0x10)
#define F_TTLV_T2 (F_ONE_MORE_TTLV | 0xf0)

enum { FB_NONE, FB_LFBSEL, FB_TEARDOWN, FB_REDIRECT, FB_ASSNRESP };

/* Operation bits: bit op-1 for operation TLV type op. */
#define OPB(op) (1u << ((op) - 1))

static const struct forces_msg {
	uint8_t type, flags, body;
	uint16_t ops;	/* operations the message may carry */
	const char *name;
} forces_msgs[] = {
	{ 0x01, F_ZERO_MORE_TTLV | 0x20, FB_LFBSEL, OPB(11), "Association Setup" },
	{ 0x02, F_TTLV_T1, FB_TEARDOWN, 0, "Association TearDown" },
	{ 0x03, F_TTLV_T2, FB_LFBSEL, OPB(1) | OPB(2) | OPB(5) | OPB(12) | OPB(14), "Config" },
	{ 0x04, F_TTLV_T2, FB_LFBSEL, OPB(7) | OPB(8), "Query" },
	{ 0x05, F_TTLV_T1, FB_LFBSEL, OPB(11), "Event Notification" },
	{ 0x06, F_TTLV_T2, FB_REDIRECT, 0, "Packet Redirect" },
	{ 0x0f, F_ZERO_TTLV, FB_NONE, 0, "HeartBeat" },
	{ 0x11, F_TTLV_T1, FB_ASSNRESP, 0, "Association Response" },
	{ 0x13, F_TTLV_T2, FB_LFBSEL, OPB(3) | OPB(4) | OPB(6) | OPB(13), "Config Response" },
	{ 0x14, F_TTLV_T2, FB_LFBSEL, OPB(9) | OPB(10), "Query Response" },
};

static const struct tok forces_tlvs[] = {
	{ 0x0000, "Invalid TLV" }, { 0x0001, "REDIRECT TLV" },
	{ 0x0010, "ASResult TLV" }, { 0x0011, "ASTreason TLV" },
	{ 0x1000, "LFBselect TLV" }, { 0x0110, "PATH-DATA TLV" },
	{ 0x0111, "KEYINFO TLV" }, { 0x0112, "FULLDATA TLV" },
	{ 0x0113, "SPARSEDATA TLV" }, { 0x0114, "RESULT TLV" },
	{ 0x0115, "METADATA TLV" }, { 0x0116, "REDIRECTDATA TLV" },
	{ 0, NULL }
};
static const struct tok forces_acks[] = {
	{ 0, "NoACK" }, { 1, "SuccessACK" }, { 2, "FailureACK" }, { 3, "AlwaysACK" }, { 0, NULL }
};
static const struct tok forces_ems[] = {
	{ 0, "EMReserved" }, { 1, "execute-all-or-none" }, { 2, "execute-until-failure" },
	{ 3, "continue-execute-on-failure" }, { 0, NULL }
};
static const struct tok forces_ats[] = { { 0, "Standalone" }, { 1, "2PCtransaction" }, { 0, NULL } };
static const struct tok forces_tps[] = {
	{ 0, "StartofTransaction" }, { 1, "MiddleofTransaction" }, { 2, "EndofTransaction" },
	{ 3, "abort" }, { 0, NULL }
};

/* Message types RFC 5810 defines (0x12 among them, which tcpdump then
 * has no name for). */
static int forces_type_valid(unsigned t)
{
	return t >= 1 && t <= 0x14 && !(t >= 0x7 && t <= 0xe) && t != 0x10;
}

static const char *forces_node(uint32_t id)
{
	if (id <= 0x3fffffff)
		return "FE";
	if (id <= 0x7fffffff)
		return "CE";
	if (id >= 0xc0000000 && id <= 0xffffffef)
		return "AllMulticast";
	if (id == 0xfffffffd)
		return "AllCEsBroadcast";
	if (id == 0xfffffffe)
		return "AllFEsBroadcast";
	if (id == 0xffffffff)
		return "AllBroadcast";
	return "ForCESreserved";
}

/* Top-level TLV types a message may carry. */
static int forces_ttlv_valid(unsigned t)
{
	return t == 0x0001 || t == 0x1000 || t == 0x0010 || t == 0x0011 ||
	       (t >= 0x0110 && t <= 0x0116);
}

static uint32_t align4(uint32_t n)
{
	return (n + 3) & ~3u;
}

/* Data encodings a path may carry (bits of an operation's mask) and the
 * path flags that add to them. */
#define B_FULLD 0x01
#define B_SPARD 0x02
#define B_RESTV 0x04
#define B_KEYIN 0x08
#define B_APPND 0x10
#define B_TRNG 0x20

static const struct tok forces_lfbs[] = {
	{ 0, "Invalid TLV" }, { 1, "FEObj LFB" }, { 2, "FEProtoObj LFB" }, { 0, NULL }
};
static const struct tok forces_tlv_errs[] = {
	{ 1, "Invalid total length" }, { 2, "xLV too short" }, { 3, "xLV too long" },
	{ 4, "data padding missing" }, { 0, NULL }
};
static const struct tok forces_results[] = {
	{ 0x00, "SUCCESS" }, { 0x01, "INVALID HEADER" }, { 0x02, "LENGTH MISMATCH" },
	{ 0x03, "VERSION MISMATCH" }, { 0x04, "INVALID DESTINATION PID" },
	{ 0x05, "LFB UNKNOWN" }, { 0x06, "LFB NOT FOUND" },
	{ 0x07, "LFB INSTANCE ID NOT FOUND" }, { 0x08, "INVALID PATH" },
	{ 0x09, "COMPONENT DOES NOT EXIST" }, { 0x0a, "EXISTS ALREADY" },
	{ 0x0b, "NOT FOUND" }, { 0x0c, "READ ONLY" }, { 0x0d, "INVALID ARRAY CREATION" },
	{ 0x0e, "VALUE OUT OF RANGE" }, { 0x0f, "CONTENTS TOO LONG" },
	{ 0x10, "INVALID PARAMETERS" }, { 0x11, "INVALID MESSAGE TYPE" },
	{ 0x12, "INVALID FLAGS" }, { 0x13, "INVALID TLV" }, { 0x14, "EVENT ERROR" },
	{ 0x15, "NOT SUPPORTED" }, { 0x16, "MEMORY ERROR" }, { 0x17, "INTERNAL ERROR" },
	{ 0xff, "UNSPECIFIED ERROR" }, { 0, NULL }
};

/* Operation TLVs: name, the data encodings allowed, and how the body is
 * read (0 none, 1 path data, 2 one generic TLV, 3 invalid). */
static const struct forces_op {
	uint8_t enc, kind;
	const char *name;
} forces_ops[15] = {
	{ 0, 3, "Invalid OPTLV" }, { B_FULLD | B_SPARD, 1, " Set" },
	{ B_FULLD | B_SPARD, 1, " SetProp" }, { B_RESTV, 1, " SetResp" },
	{ B_RESTV, 1, " SetPropResp" }, { 0, 1, " Del" }, { B_RESTV, 1, " DelResp" },
	{ 0, 1, " Get" }, { 0, 1, " GetProp" }, { B_FULLD | B_SPARD | B_RESTV, 1, " GetResp" },
	{ B_FULLD | B_RESTV, 1, " GetPropResp" }, { B_FULLD | B_SPARD, 1, " Report" },
	{ 0, 0, " Commit" }, { B_RESTV, 2, " RCommit" }, { 0, 0, " RTRCOMP" },
};

/* tcpdump's ForCES indentation: n spaces, or a newline and n-1 spaces. */
static const char *ind(char *b, int n, int nl)
{
	int i = 0;

	if (n > 255)
		n = 255;
	if (nl) {
		b[i++] = '\n';
		n--;
	}
	while (n-- > 0)
		b[i++] = ' ';
	b[i] = 0;
	return b;
}

/* tcpdump's own ForCES checks: " [|forces]" and the message is given up,
 * the packet goes on.  1 when [p, p+n) was not captured. */
static int fcut(struct nd *nd, const uint8_t *p, size_t n)
{
	if (nd_ok(nd, p, n))
		return 0;
	nd_trunc(nd);
	return 1;
}

/* The 4.99.3 TLV and ILV checks: 0 or an index into forces_tlv_errs. */
static unsigned tlv_err(uint32_t tlvl, uint32_t rlen)
{
	if (rlen < 4)
		return 1;
	if (tlvl < 4)
		return 2;
	if (tlvl > rlen)
		return 3;
	return rlen < align4(tlvl) ? 4 : 0;
}

static unsigned ilv_err(struct nd *nd, const uint8_t *ilv, uint32_t rlen)
{
	uint32_t l;

	if (rlen < 8)
		return 1;
	l = g4(nd, ilv + 4);
	if (l < 8)
		return 2;
	if (l > rlen)
		return 3;
	return rlen < align4(l) ? 4 : 0;
}

static int path_tlvs_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned msk, int indent);

static int invalid_op_print(struct nd *nd, const uint8_t *p, uint32_t len, int indent)
{
	char ib[260];

	ind(ib, indent, 1);
	if (nd->o->vflag >= 3) {
		P("%sData[", ib + 1);
		hex_print_j(nd, ib, p, len);
		P("%s]\n", ib);
	}
	return -1;
}

/* FULLDATA (the TLV itself at p, len with its header). */
static int fulldata_print(struct nd *nd, const uint8_t *p, uint32_t len, int indent)
{
	char ib[260];

	if (fcut(nd, p, 4))
		return -1;
	if (g2(nd, p) != 0x0112) {
		P("Error: expecting FULLDATA!\n");
		return -1;
	}
	if (nd->o->vflag >= 3) {
		ind(ib, indent + 2, 1);
		P("%s[", ib + 1);
		hex_print_j(nd, ib, p + 4, len - 4);
		P("\n%s]", ib + 1);
	}
	return 0;
}

/* One data TLV of a path (p at its header): -1 on an error. */
static int path_content_print(struct nd *nd, const uint8_t *p, unsigned type, uint32_t len,
			      unsigned msk, int indent)
{
	char ib[260];
	uint32_t rlen, l;
	unsigned e;

	switch (type) {
	case 0x0110:	/* an inner PATH-DATA */
		return path_tlvs_print(nd, p, len, msk, indent);
	case 0x0111:	/* KEYINFO: a key id, then FULLDATA */
		P("%sKeyinfo: Key 0x%x\n", ind(ib, indent, 0), g4(nd, p + 4));
		l = g2(nd, p + 10);
		e = tlv_err(l, len);
		if (e) {
			P("%s TLV type 0x%x len %u\n", tok_or(forces_tlv_errs, e, ""), g2(nd, p + 8), l);
			return -1;
		}
		return fulldata_print(nd, p + 12, l, indent);
	case 0x0112:
		return fulldata_print(nd, p, len, indent);
	case 0x0113:	/* SPARSEDATA: ILVs */
		if (fcut(nd, p, 4))
			return -1;
		if (g2(nd, p) != 0x0113) {
			P("Error: expecting SPARSEDATA!\n");
			return -1;
		}
		rlen = len - 4;
		p += 4;
		if (rlen < 8) {
			P("Error: BAD SPARSEDATA-TLV!\n");
			return -1;
		}
		while (rlen != 0) {
			ind(ib, indent + 1, 1);
			e = ilv_err(nd, p, rlen);
			if (e) {
				P("Error: %s, rlen %u\n", tok_or(forces_tlv_errs, e, ""), rlen);
				return -1;
			}
			if (nd->o->vflag >= 3) {
				l = g4(nd, p + 4);
				P("\n%s ILV: type %x length %u\n", ib + 1, g4(nd, p), l);
				hex_print_j(nd, "\t\t[", p + 8, l - 8);
			}
			l = align4(g4(nd, p + 4));
			rlen -= l;
			p += l;
		}
		return 0;
	default: {	/* RESULT */
		unsigned r;
		char b[16];

		if (len - 4 != 4) {
			P("illegal RESULT-TLV: %u bytes!\n", len - 4);
			return -1;
		}
		if (fcut(nd, p + 4, 4))
			return -1;
		r = p[4];
		if (r >= 0x18 && r <= 0xfe) {
			P("illegal reserved result code: 0x%x!\n", r);
			return -1;
		}
		if (nd->o->vflag >= 3)
			P("%s  Result: %s (code 0x%x)\n", ind(ib, indent, 0),
			  tok2str(forces_results, "#%d", r, b, sizeof(b)), r);
		return 0;
	}
	}
}

/* The IDs of a path, its key or range, and one data TLV: the bytes left
 * for more path data, or -1. */
static int path_ids_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned cnt,
			  unsigned msk, int indent)
{
	static const char *const pdnames[] = { NULL, "KEYINFO TLV", "FULLDATA TLV",
		"SPARSEDATA TLV", "RESULT TLV" };
	static const uint8_t pdenc[] = { 0, 0, B_FULLD, B_SPARD, B_RESTV };
	char ib[260];
	unsigned i;

	ind(ib, indent, 0);
	if ((msk & B_APPND) && nd->o->vflag >= 3)
		P("%sTABLE APPEND\n", ib);
	for (i = 0; i < cnt; i++) {
		if (fcut(nd, p, 4))
			return -1;
		if (len < 4) {
			nd_trunc(nd);
			return -1;
		}
		if (nd->o->vflag >= 3)
			P("%sID#%02u: %u\n", ib, i + 1, g4(nd, p));
		len -= 4;
		p += 4;
	}
	if (msk & B_TRNG) {
		uint32_t lo, hi;

		if (len < 12) {
			P("pathlength %u with key/range too short %u\n", len, 12);
			return -1;
		}
		lo = g4(nd, p + 4);
		hi = g4(nd, p + 8);
		p += 12;
		len -= 12;
		if (nd->o->vflag >= 3)
			P("%sTable range: [%u,%u]\n", ib, lo, hi);
	}
	if (msk & B_KEYIN) {
		unsigned kl;

		if (len < 12) {
			P("pathlength %u with key/range too short %u\n", len, 12);
			return -1;
		}
		kl = g2(nd, p + 6);
		p += 8;
		len -= 8;
		if (kl < 4) {
			P("key content length %u < %u\n", kl, 4);
			return -1;
		}
		kl -= 4;
		if (len < kl) {
			P("key content too short\n");
			return -1;
		}
		p += kl;
		len -= kl;
	}
	if (len) {
		unsigned type = g2(nd, p), tlvl = g2(nd, p + 2), e, pad;

		e = tlv_err(tlvl, len);
		if (e) {
			P("%s Outstanding bytes %u for TLV type 0x%x TLV len %u\n",
			  tok_or(forces_tlv_errs, e, ""), len, type, tlvl);
		} else if (type >= 0x0110 && type <= 0x0114) {
			unsigned k = type - 0x0110;

			pad = align4(tlvl) - tlvl;
			if (nd->o->vflag >= 3 && k) {
				if (pad)
					P("%s  %s (Length %u DataLen %u pad %u Bytes)\n",
					  ib, pdnames[k], tlvl, tlvl - 4, pad);
				else
					P("%s  %s (Length %u DataLen %u Bytes)\n",
					  ib, pdnames[k], tlvl, tlvl - 4);
			}
			if (k) {
				if (msk & B_KEYIN) {
					if (type != 0x0111)
						P("Based on flags expected KEYINFO TLV!\n");
				} else if (!(msk & pdenc[k])) {
					P("Illegal DATA encoding for type 0x%x programmed %x got %x\n",
					  type, pdenc[k], msk);
				}
			}
			if (path_content_print(nd, p, type, tlvl + pad, msk, indent + 2) < 0)
				return -1;
			len -= tlvl + pad;
			return (int)len;
		} else {
			P("Invalid path data content type 0x%x len %u\n", type, tlvl);
		}
		if (tlvl) {
			hex_print_j(nd, "Bad Data val\n\t  [", p, len);
			P("]\n");
			return -1;
		}
	}
	return (int)len;
}

/* Path data: flags, ID count, then the IDs and what follows them. */
static int pathdata_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned msk, int indent)
{
	char ib[260];
	unsigned fl, cnt;
	int more;

	ind(ib, indent, 0);
	if (fcut(nd, p, 4))
		return -1;
	if (len < 4) {
		nd_trunc(nd);
		return -1;
	}
	fl = g2(nd, p);
	cnt = g2(nd, p + 2);
	if (nd->o->vflag >= 3)
		P("\n%sPathdata: Flags 0x%x ID count %u\n", ib, fl, cnt);
	if (fl & 1)
		msk |= B_KEYIN;
	if (fl & 2)
		msk |= B_TRNG;
	if (fl & 4)
		msk |= B_APPND;
	p += 4;
	len -= 4;
	if (len < cnt * 4u) {
		P("\t\t\ttruncated IDs expected %uB got %uB\n", cnt * 4u, len);
		hex_print_j(nd, "\t\t\tID Data[", p, len);
		P("]\n");
		return -1;
	}
	if ((msk & B_TRNG) && (msk & B_KEYIN)) {
		P("\t\t\tIllegal to have both Table ranges and keys\n");
		return -1;
	}
	more = path_ids_print(nd, p, len, cnt, msk, indent);
	if (more > 0)
		return path_tlvs_print(nd, p + (len - (uint32_t)more), (uint32_t)more, msk, indent + 1);
	return 0;
}

/* A run of PATH-DATA TLVs. */
static int path_tlvs_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned msk, int indent)
{
	char ib[260], b[16];

	while (len != 0) {
		unsigned tlvl = g2(nd, p + 2), type;

		if (tlv_err(tlvl, len))
			break;
		type = g2(nd, p);
		if (nd->o->vflag >= 3)
			P("%s%s, length %u (data encapsulated %u Bytes)", ind(ib, indent, 0),
			  tok2str(forces_tlvs, "#%d", type, b, sizeof(b)), tlvl, tlvl - 4);
		if (pathdata_print(nd, p + 4, tlvl - 4, msk, indent + 1) == -1)
			return -1;
		len -= align4(tlvl);
		p += align4(tlvl);
	}
	if (len) {
		P("\n\t\tMessy PATHDATA TLV header, type (0x%x)\n\t\texcess of %u Bytes ",
		  g2(nd, p), len - g2(nd, p + 2));
		return -1;
	}
	return 0;
}

/* An operation TLV of an LFB selector. */
static int oper_print(struct nd *nd, const uint8_t *p, int indent)
{
	unsigned type = g2(nd, p), tl = g2(nd, p + 2);
	const struct forces_op *op = &forces_ops[type >= 1 && type <= 14 ? type : 0];
	char ib[260], b[16];

	if (nd->o->vflag >= 3)
		P("%sOper TLV %s(0x%x) length %u\n", ind(ib, indent, 0), op->name, type, tl);
	if (tl - 4 < 8) {
		P("\t\tOper TLV %s(0x%x) length %u\n", op->name, type, tl);
		P("\t\tTruncated data size %u minimum required %u\n", tl - 4, 8);
		return invalid_op_print(nd, p + 4, tl - 4, indent);
	}
	p += 4;
	tl -= 4;
	switch (op->kind) {
	case 1:
		return path_tlvs_print(nd, p, tl, op->enc, indent + 1);
	case 2: {	/* RCommit: one TLV of path data */
		unsigned t = g2(nd, p), l = g2(nd, p + 2);
		int bad = tlv_err(l, tl) != 0;

		P("genoptlvprint - %s TLV type 0x%x len %u\n",
		  tok2str(forces_tlvs, "#%d", t, b, sizeof(b)), t, l);
		if (bad) {
			P("\t\t\tInvalid ForCES TLV type=%x", t);
			return -1;
		}
		if (!forces_ttlv_valid(t)) {
			P("#0 TLV type 0x%x len %u\n", t, l);
			return -1;
		}
		if (nd->o->vflag >= 3)
			P("%s%s, length %u (data length %u Bytes)", ind(ib, indent + 1, 0),
			  tok2str(forces_tlvs, "#%d", t, b, sizeof(b)), l, l - 4);
		return pathdata_print(nd, p + 4, l - 4, op->enc, indent + 2);
	}
	case 3:
		return invalid_op_print(nd, p, tl, indent + 1);
	}
	return 0;
}

/* An LFB selector TLV's value: class, instance, operation TLVs. */
static int lfbsel_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned ops, int indent)
{
	uint32_t rlen;
	char ib[260], b[16];

	if (len - 4 <= 12) {
		P("\n\t\ttruncated lfb selector: %u bytes missing! ", 12 - (len - 4));
		return -1;
	}
	rlen = len - 4 - 8;
	if (fcut(nd, p, 8))
		return -1;
	if (nd->o->vflag >= 3)
		P("\n%s%s(Classid %x) instance %x\n", ind(ib, indent, 0),
		  tok2str(forces_lfbs, "#%d", g4(nd, p), b, sizeof(b)), g4(nd, p), g4(nd, p + 4));
	p += 8;
	while (rlen != 0) {
		unsigned type = g2(nd, p), tlvl = g2(nd, p + 2);

		if (tlv_err(tlvl, rlen))
			break;
		if (type != 0 && ((type <= 14 && (OPB(type) & ops)) || type >= 0x8000)) {
			oper_print(nd, p, indent + 1);
		} else {
			if (nd->o->vflag < 3)
				P("\n");
			P("\t\tINValid oper-TLV type 0x%x length %u for this ForCES message\n", type, tlvl);
			invalid_op_print(nd, p, rlen, indent + 1);
		}
		rlen -= align4(tlvl);
		p += align4(tlvl);
	}
	if (rlen) {
		P("\n\t\tMessy oper TLV header, type (0x%x)\n\t\texcess of %u Bytes ",
		  g2(nd, p), rlen - g2(nd, p + 2));
		return -1;
	}
	return 0;
}

/* A Packet Redirect's value: METADATA (ILVs) and REDIRECTDATA TLVs. */
static int redirect_print(struct nd *nd, const uint8_t *p, uint32_t len, int indent)
{
	uint32_t rlen = len - 4;
	char ib[260];

	if (rlen <= 8) {
		P("\n\t\ttruncated Redirect TLV: %u bytes missing! ", 8 - rlen);
		return -1;
	}
	indent++;
	while (rlen != 0) {
		unsigned type = g2(nd, p), tlvl = g2(nd, p + 2);

		if (tlv_err(tlvl, rlen)) {
			P("Bad Redirect data\n");
			break;
		}
		if (type == 0x0115) {
			const uint8_t *ilv = p + 4;
			uint32_t ml = tlvl - 4;

			P("\n%s METADATA length %u\n", ind(ib, indent, 0), ml);
			while (ml != 0 && !ilv_err(nd, ilv, ml)) {
				uint32_t il = g4(nd, ilv + 4);

				P("%sMetaID 0x%x length %u\n", ind(ib, indent + 1, 0), g4(nd, ilv), il);
				if (nd->o->vflag >= 3) {
					hex_print_j(nd, "\t\t[", ilv + 8, il - 8);
					P(" ]\n");
				}
				ml -= align4(il);
				ilv += align4(il);
			}
		} else if (type == 0x0116) {
			P("\n%s Redirect Data length %u\n", ind(ib, indent, 0), tlvl - 4);
			if (nd->o->vflag >= 3) {
				P("\t\t[");
				hex_print_j(nd, "\n\t\t", p + 4, tlvl - 4);
				P("\n\t\t]");
			}
		} else {
			P("Unknown REDIRECT TLV 0x%x len %u\n", type, tlvl);
		}
		rlen -= align4(tlvl);
		p += align4(tlvl);
	}
	if (rlen) {
		P("\n\t\tMessy Redirect TLV header, type (0x%x)\n\t\texcess of %u Bytes ",
		  g2(nd, p), rlen - g2(nd, p + 2));
		return -1;
	}
	return 0;
}

/* Association TearDown reason and Association Response result: errors
 * print at every level, the decoded value only with -vvv. */
static int forces_result_print(struct nd *nd, const uint8_t *p, uint32_t len, int teardown)
{
	static const char *const why[] = { "Normal Teardown", "Loss of Heartbeats",
		"Out of bandwidth", "Out of Memory", "Application Crash" };
	static const char *const res[] = { "Success ", "FE ID invalid ", "permission denied " };
	const char *i9 = "         ";	/* the top level's indentation */
	uint32_t code;

	if (len - 4 != 4) {
		P("illegal %s-TLV: %u bytes!\n", teardown ? "ASTresult" : "ASRresult", len - 4);
		return -1;
	}
	code = g4(nd, p);
	if (code > (teardown ? 255u : 3u)) {
		P("illegal %s result code: %u!\n", teardown ? "ASTresult" : "ASRresult", code);
		return -1;
	}
	if (nd->o->vflag < 3)
		return 0;
	if (teardown)
		P("Teardown reason:\n%s%s", i9, code < 5 ? why[code] : "Unknown Teardown reason");
	else
		P("\n%s%s", i9, code < 3 ? res[code] : "Unknown ");
	P("(%x)\n%s", code, i9);
	return 0;
}

/* The top-level TLVs of a message; -1 on an error (the caller dumps it). */
static int forces_body_print(struct nd *nd, const uint8_t *p, uint32_t mlen,
			     const struct forces_msg *m)
{
	uint32_t rlen = mlen - FORCES_HDRL;
	unsigned ttlv = m->flags >> 4;
	const uint8_t *t = p + FORCES_HDRL;
	char b[16];

	if (rlen > 4) {
		if (m->flags & F_ZERO_TTLV) {
			P("<0x%x>Illegal Top level TLV!\n", m->flags);
			return -1;
		}
	} else {
		if (m->flags & F_ZERO_MORE_TTLV)
			return 0;
		if (m->flags & F_ONE_MORE_TTLV) {
			P("\tTop level TLV Data missing!\n");
			return -1;
		}
	}
	if (m->flags & F_ZERO_TTLV)
		return 0;
	while (rlen != 0) {
		unsigned type = g2(nd, t), tlvl = g2(nd, t + 2);

		if (tlv_err(tlvl, rlen))
			break;
		if (!forces_ttlv_valid(type)) {
			P("\n\tInvalid ForCES Top TLV type=0x%x", type);
			return -1;
		}
		if (nd->o->vflag >= 3)
			P("\t%s, length %u (data length %u Bytes)",
			  tok2str(forces_tlvs, "#%u", type, b, sizeof(b)), tlvl, tlvl - 4);
		switch (m->body) {
		case FB_TEARDOWN:
		case FB_ASSNRESP:
			if (forces_result_print(nd, t + 4, tlvl, m->body == FB_TEARDOWN) < 0)
				return -1;
			break;
		case FB_LFBSEL:
			if (lfbsel_print(nd, t + 4, tlvl, m->ops, 9) < 0)
				return -1;
			break;
		case FB_REDIRECT:
			if (redirect_print(nd, t + 4, tlvl, 9) < 0)
				return -1;
			break;
		}
		rlen -= align4(tlvl);
		t += align4(tlvl);
		if (--ttlv == 0)
			break;
	}
	if (rlen) {
		P("\tMess TopTLV header: min %u, total %u advertised %u ", 4, rlen, g2(nd, t + 2));
		return -1;
	}
	return 0;
}

void forces_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	const struct forces_msg *m = NULL;
	uint32_t mlen, flags;
	unsigned type, i;

	nd->proto = "forces";
	if (fcut(nd, p, FORCES_HDRL))
		return;
	type = p[1];
	if (!forces_type_valid(type)) {
		P("Invalid ForCES message type %u\n", type);
		goto dump;
	}
	mlen = (uint32_t)g2(nd, p + 2) << 2;
	for (i = 0; i < sizeof(forces_msgs) / sizeof(forces_msgs[0]); i++)
		if (forces_msgs[i].type == type)
			m = &forces_msgs[i];
	if (!m) {
		P("\n\tUnknown ForCES message type=0x%x", type);
		goto dump;
	}
	P("\n\tForCES %s ", m->name);
	if (len < FORCES_HDRL || mlen < FORCES_HDRL || mlen != len) {
		P("Illegal ForCES pkt len - min %u, total recvd %u, advertised %u ",
		  FORCES_HDRL, len, mlen);
		goto dump;
	}
	flags = g4(nd, p + 20);
	if (nd->o->vflag >= 1) {
		uint32_t sid = g4(nd, p + 4), did = g4(nd, p + 8);
		uint64_t cor = (uint64_t)g4(nd, p + 12) << 32 | g4(nd, p + 16);

		P("\n\tForCES Version %u len %uB flags 0x%08x ", p[0] >> 4, mlen, flags);
		P("\n\tSrcID 0x%x(%s) DstID 0x%x(%s) Correlator 0x%" PRIx64,
		  sid, forces_node(sid), did, forces_node(did), cor);
	}
	if (nd->o->vflag >= 2) {
		unsigned ack = flags >> 30, em = (flags >> 22) & 3;
		unsigned at = (flags >> 21) & 1, tp = (flags >> 19) & 3;

		P("\n\tForCES flags:\n\t  %s(0x%x), prio=%u, %s(0x%x),\n\t  %s(0x%x), %s(0x%x)\n",
		  tok_or(forces_acks, ack, "ACKUnknown"), ack, (flags >> 27) & 7,
		  tok_or(forces_ems, em, "EMUnknown"), em,
		  tok_or(forces_ats, at, "ATUnknown"), at,
		  tok_or(forces_tps, tp, "TPUnknown"), tp);
		P("\t  Extra flags: rsv(b5-7) 0x%x rsv(b13-31) 0x%x\n",
		  (flags >> 24) & 7, flags & 0x7ffff);
	}
	if (forces_body_print(nd, p, mlen, m) < 0)
		goto dump;
	if (nd->o->vflag >= 4) {
		P("\n\t  Raw ForCES message\n\t [");
		gcheck(nd, p, len);
		hexdump_plain(nd, "\n\t ", p, len, 0);
		P("\n\t ]");
	}
	return;
dump:
	gcheck(nd, p, len);
	hexdump_plain(nd, "\n\t[", p, len, 0);
	P("\n\t]");
}
