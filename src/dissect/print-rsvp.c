/* RSVP and RSVP-TE (IP protocol 46; RFC 2205, 3209, 3473, 4090, 4875,
 * 2961), as tcpdump 4.99.3 prints it: the message type in one line, with
 * -v the common header and each object (bundles message by message),
 * with -vv a hex dump of each object.  The object values with more
 * structure are in print-rsvp-obj.c. */
#include "rsvp-int.h"

#define RSVP_HDR 8

static const struct tok msg_types[] = {
	{ 1, "Path" }, { 2, "Resv" }, { 3, "PathErr" }, { 4, "ResvErr" }, { 5, "PathTear" },
	{ 6, "ResvTear" }, { 7, "ResvConf" }, { 12, "Bundle" }, { 13, "Acknowledgement" },
	{ 14, "Hello (Old)" }, { 15, "Refresh" }, { 20, "Hello" }, { 0, NULL }
};

static const struct tok hdr_flags[] = { { 0x01, "Refresh reduction capable" }, { 0, NULL } };

enum {
	O_SESSION = 1, O_HOP = 3, O_INTEGRITY = 4, O_TIME = 5, O_ERROR = 6, O_SCOPE = 7,
	O_STYLE = 8, O_FLOWSPEC = 9, O_FILTER = 10, O_TEMPLATE = 11, O_TSPEC = 12, O_ADSPEC = 13,
	O_POLICY = 14, O_CONFIRM = 15, O_LABEL = 16, O_LABEL_REQ = 19, O_ERO = 20, O_RRO = 21,
	O_HELLO = 22, O_MSGID = 23, O_MSGID_ACK = 24, O_MSGID_LIST = 25, O_RECOVERY_LABEL = 34,
	O_UPSTREAM_LABEL = 35, O_LABEL_SET = 36, O_PROTECTION = 37, O_S2L = 50, O_DETOUR = 63,
	O_CLASSTYPE = 66, O_CLASSTYPE_OLD = 125, O_SUGGESTED_LABEL = 129, O_ACCEPT_LABEL_SET = 130,
	O_RESTART = 131, O_CAPABILITY = 134, O_NOTIFY = 195, O_ADMIN = 196, O_PROPERTIES = 204,
	O_FRR = 205, O_SESSION_ATTR = 207, O_UNI = 229, O_CALL_ID = 230, O_CALL_OPS = 236,
};

static const struct tok obj_names[] = {
	{ O_SESSION, "Session" }, { O_HOP, "RSVP Hop" }, { O_INTEGRITY, "Integrity" },
	{ O_TIME, "Time Values" }, { O_ERROR, "Error Spec" }, { O_SCOPE, "Scope" },
	{ O_STYLE, "Style" }, { O_FLOWSPEC, "Flowspec" }, { O_FILTER, "FilterSpec" },
	{ O_TEMPLATE, "Sender Template" }, { O_TSPEC, "Sender TSpec" }, { O_ADSPEC, "Adspec" },
	{ O_POLICY, "Policy Data" }, { O_CONFIRM, "Confirm" }, { O_LABEL, "Label" },
	{ O_LABEL_REQ, "Label Request" }, { O_ERO, "ERO" }, { O_RRO, "RRO" }, { O_HELLO, "Hello" },
	{ O_MSGID, "Message ID" }, { O_MSGID_ACK, "Message ID Ack" },
	{ O_MSGID_LIST, "Message ID List" }, { O_RECOVERY_LABEL, "Recovery Label" },
	{ O_UPSTREAM_LABEL, "Upstream Label" }, { O_LABEL_SET, "Label Set" },
	{ O_ACCEPT_LABEL_SET, "Acceptable Label Set" }, { O_DETOUR, "Detour" },
	{ O_CLASSTYPE, "Class Type" }, { O_CLASSTYPE_OLD, "Class Type (old)" },
	{ O_SUGGESTED_LABEL, "Suggested Label" }, { O_PROPERTIES, "Properties" },
	{ O_FRR, "Fast Re-Route" }, { O_SESSION_ATTR, "Session Attribute" },
	{ O_UNI, "Generalized UNI" }, { O_CALL_ID, "Call-ID" }, { O_CALL_OPS, "Call Capability" },
	{ O_RESTART, "Restart Capability" }, { O_CAPABILITY, "Capability" },
	{ O_NOTIFY, "Notify Request" }, { O_PROTECTION, "Protection" },
	{ O_ADMIN, "Administrative Status" }, { O_S2L, "Sub-LSP to LSP" }, { 0, NULL }
};

#define CT(o, c) ((unsigned)(o) << 8 | (c))
const struct tok rsvp_ctypes[] = {
	{ CT(O_HOP, 1), "IPv4" }, { CT(O_HOP, 2), "IPv6" }, { CT(O_HOP, 3), "IPv4 plus opt. TLVs" },
	{ CT(O_HOP, 4), "IPv6 plus opt. TLVs" }, { CT(O_NOTIFY, 1), "IPv4" }, { CT(O_NOTIFY, 2), "IPv6" },
	{ CT(O_CONFIRM, 1), "IPv4" }, { CT(O_CONFIRM, 2), "IPv6" }, { CT(O_TIME, 1), "1" },
	{ CT(O_FLOWSPEC, 1), "obsolete" }, { CT(O_FLOWSPEC, 2), "IntServ" },
	{ CT(O_TSPEC, 2), "IntServ" }, { CT(O_ADSPEC, 2), "IntServ" }, { CT(O_FILTER, 1), "IPv4" },
	{ CT(O_FILTER, 2), "IPv6" }, { CT(O_FILTER, 3), "IPv6 Flow-label" },
	{ CT(O_FILTER, 7), "Tunnel IPv4" }, { CT(O_FILTER, 12), "IPv4 P2MP LSP Tunnel" },
	{ CT(O_FILTER, 13), "IPv6 P2MP LSP Tunnel" }, { CT(O_SESSION, 1), "IPv4" },
	{ CT(O_SESSION, 2), "IPv6" }, { CT(O_SESSION, 7), "Tunnel IPv4" },
	{ CT(O_SESSION, 11), "UNI IPv4" }, { CT(O_SESSION, 13), "IPv4 P2MP LSP Tunnel" },
	{ CT(O_SESSION, 14), "IPv6 P2MP LSP Tunnel" }, { CT(O_TEMPLATE, 1), "IPv4" },
	{ CT(O_TEMPLATE, 2), "IPv6" }, { CT(O_TEMPLATE, 7), "Tunnel IPv4" },
	{ CT(O_TEMPLATE, 12), "IPv4 P2MP LSP Tunnel" }, { CT(O_TEMPLATE, 13), "IPv6 P2MP LSP Tunnel" },
	{ CT(O_MSGID, 1), "1" }, { CT(O_MSGID_ACK, 1), "Message id ack" },
	{ CT(O_MSGID_ACK, 2), "Message id nack" }, { CT(O_MSGID_LIST, 1), "1" },
	{ CT(O_STYLE, 1), "1" }, { CT(O_HELLO, 1), "Hello Request" }, { CT(O_HELLO, 2), "Hello Ack" },
	{ CT(O_LABEL_REQ, 1), "without label range" }, { CT(O_LABEL_REQ, 2), "with ATM label range" },
	{ CT(O_LABEL_REQ, 3), "with FR label range" }, { CT(O_LABEL_REQ, 4), "Generalized Label" },
	{ CT(O_LABEL, 1), "Label" }, { CT(O_LABEL, 2), "Generalized Label" },
	{ CT(O_LABEL, 3), "Waveband Switching" }, { CT(O_SUGGESTED_LABEL, 1), "Label" },
	{ CT(O_SUGGESTED_LABEL, 2), "Generalized Label" },
	{ CT(O_SUGGESTED_LABEL, 3), "Waveband Switching" }, { CT(O_UPSTREAM_LABEL, 1), "Label" },
	{ CT(O_UPSTREAM_LABEL, 2), "Generalized Label" },
	{ CT(O_UPSTREAM_LABEL, 3), "Waveband Switching" }, { CT(O_RECOVERY_LABEL, 1), "Label" },
	{ CT(O_RECOVERY_LABEL, 2), "Generalized Label" },
	{ CT(O_RECOVERY_LABEL, 3), "Waveband Switching" }, { CT(O_ERO, 1), "IPv4" },
	{ CT(O_RRO, 1), "IPv4" }, { CT(O_ERROR, 1), "IPv4" }, { CT(O_ERROR, 2), "IPv6" },
	{ CT(O_ERROR, 3), "IPv4 plus opt. TLVs" }, { CT(O_ERROR, 4), "IPv6 plus opt. TLVs" },
	{ CT(O_RESTART, 1), "IPv4" }, { CT(O_CAPABILITY, 1), "1" },
	{ CT(O_SESSION_ATTR, 7), "Tunnel IPv4" }, { CT(O_FRR, 7), "Tunnel IPv4" },
	{ CT(O_FRR, 1), "1" }, { CT(O_DETOUR, 7), "Tunnel IPv4" }, { CT(O_PROPERTIES, 1), "1" },
	{ CT(O_ADMIN, 1), "1" }, { CT(O_CLASSTYPE, 1), "1" }, { CT(O_CLASSTYPE_OLD, 1), "1" },
	{ CT(O_LABEL_SET, 1), "1" }, { CT(O_UNI, 1), "1" }, { CT(O_S2L, 1), "IPv4 sub-LSP" },
	{ CT(O_S2L, 2), "IPv6 sub-LSP" }, { 0, NULL }
};

static const struct tok styles[] = {
	{ 17, "Wildcard Filter" }, { 10, "Fixed Filter" }, { 18, "Shared Explicit" }, { 0, NULL }
};

static const struct tok capability_flags[] = {
	{ 0x0004, "RecoveryPath Transmit Enabled" }, { 0x0002, "RecoveryPath Desired" },
	{ 0x0001, "RecoveryPath Srefresh Capable" }, { 0, NULL }
};

static const struct tok error_codes[] = {
	{ 24, "Routing Problem" }, { 25, "Notify Error" }, { 28, "Diffserv TE Error" },
	{ 125, "Diffserv TE Error (Old)" }, { 0, NULL }
};

static const struct tok routing_errors[] = {
	{ 1, "Bad EXPLICIT_ROUTE object" }, { 2, "Bad strict node" }, { 3, "Bad loose node" },
	{ 4, "Bad initial subobject" }, { 5, "No route available toward destination" },
	{ 6, "Unacceptable label value" }, { 7, "RRO indicated routing loops" },
	{ 8, "non-RSVP-capable router in the path" }, { 9, "MPLS label allocation failure" },
	{ 10, "Unsupported L3PID" }, { 0, NULL }
};

static const struct tok diffserv_errors[] = {
	{ 1, "Unexpected CT object" }, { 2, "Unsupported CT" }, { 3, "Invalid CT value" },
	{ 4, "CT/setup priority do not form a configured TE-Class" },
	{ 5, "CT/holding priority do not form a configured TE-Class" },
	{ 6, "CT/setup priority and CT/holding priority do not form a configured TE-Class" },
	{ 7, "Inconsistency between signaled PSC and signaled CT" },
	{ 8, "Inconsistency between signaled PHBs and signaled CT" }, { 0, NULL }
};

static const struct tok admin_flags[] = {
	{ 0x80000000, "Reflect" }, { 0x00000004, "Testing" }, { 0x00000002, "Admin-down" },
	{ 0x00000001, "Delete-in-progress" }, { 0, NULL }
};

/* RFC 3471 G-PID values (tcpdump's gmpls_payload_values) */
static const struct tok gpids[] = {
	{ 0, "Unknown" }, { 1, "Reserved" }, { 2, "Reserved" }, { 3, "Reserved" }, { 4, "Reserved" },
	{ 5, "Asynchronous mapping of E4" }, { 6, "Asynchronous mapping of DS3/T3" },
	{ 7, "Asynchronous mapping of E3" }, { 8, "Bit synchronous mapping of E3" },
	{ 9, "Byte synchronous mapping of E3" }, { 10, "Asynchronous mapping of DS2/T2" },
	{ 11, "Bit synchronous mapping of DS2/T2" }, { 12, "Reserved" },
	{ 13, "Asynchronous mapping of E1" }, { 14, "Byte synchronous mapping of E1" },
	{ 15, "Byte synchronous mapping of 31 * DS0" }, { 16, "Asynchronous mapping of DS1/T1" },
	{ 17, "Bit synchronous mapping of DS1/T1" }, { 18, "Byte synchronous mapping of DS1/T1" },
	{ 19, "VC-11 in VC-12" }, { 20, "Reserved" }, { 21, "Reserved" },
	{ 22, "DS1 SF Asynchronous" }, { 23, "DS1 ESF Asynchronous" },
	{ 24, "DS3 M23 Asynchronous" }, { 25, "DS3 C-Bit Parity Asynchronous" },
	{ 26, "VT/LOVC" }, { 27, "STS SPE/HOVC" }, { 28, "POS - No Scrambling, 16 bit CRC" },
	{ 29, "POS - No Scrambling, 32 bit CRC" }, { 30, "POS - Scrambling, 16 bit CRC" },
	{ 31, "POS - Scrambling, 32 bit CRC" }, { 32, "ATM mapping" }, { 33, "Ethernet PHY" },
	{ 34, "SONET/SDH" }, { 35, "Reserved (SONET deprecated)" }, { 36, "Digital Wrapper" },
	{ 37, "Lambda" }, { 38, "ANSI/ETSI PDH" }, { 39, "Reserved" },
	{ 40, "Link Access Protocol SDH (X.85 and X.86)" }, { 41, "FDDI" },
	{ 42, "DQDB (ETSI ETS 300 216)" }, { 43, "FiberChannel-3 (Services)" }, { 44, "HDLC" },
	{ 45, "Ethernet V2/DIX (only)" }, { 46, "Ethernet 802.3 (only)" }, { 47, "G.709 ODUj" },
	{ 48, "G.709 OTUk(v)" }, { 49, "CBR/CBRa" }, { 50, "CBRb" }, { 51, "BSOT" }, { 52, "BSNT" },
	{ 53, "IP/PPP (GFP)" }, { 54, "Ethernet MAC (framed GFP)" },
	{ 55, "Ethernet PHY (transparent GFP)" }, { 56, "ESCON" }, { 57, "FICON" },
	{ 58, "Fiber Channel" }, { 0, NULL }
};

/* An address of 4 or 16 bytes. */
static const char *addr_str(struct nd *nd, const uint8_t *p, int v6, char *b)
{
	return v6 ? ip6_str(nd, p, b) : ip4_str(nd, p, b);
}

static void l3pid(struct nd *nd, struct rsvp_obj *o, const uint8_t *p)
{
	unsigned t = g2(nd, p + 2);
	const char *s = ethertype_name((uint16_t)t);

	if (s)
		P("%s  L3 Protocol ID: %s", o->ind, s);
	else
		P("%s  L3 Protocol ID: Unknown Protocol (0x%04x)", o->ind, t);
}

/* Session, Sender Template and FilterSpec objects. */
static enum rsvp_res rsvp_flow_ids(struct nd *nd, unsigned cls, struct rsvp_obj *o)
{
	const uint8_t *p = o->p;
	const char *in = o->ind;
	unsigned ct = o->ctype, n = o->n;
	char a[46], b[46];

	if (cls == O_SESSION) {
		static const uint8_t need[15] = { 0, 8, 20, 0, 0, 0, 0, 12, 36, 0, 0, 12, 0, 12, 26 };
		if (ct > 14 || !need[ct])
			return R_HEX;
		if (n < need[ct])
			return R_SHORT;
		if (ct == 1 || ct == 2)
			P("%s  IPv%c DestAddress: %s, Protocol ID: 0x%02x%s  Flags: [0x%02x], DestPort %u",
			  in, ct == 1 ? '4' : '6', addr_str(nd, p, ct == 2, a), g1(nd, p + need[ct] - 4), in,
			  g1(nd, p + need[ct] - 3), g2(nd, p + need[ct] - 2));
		else if (ct == 8)
			P("%s  IPv6 Tunnel EndPoint: %s, Tunnel ID: 0x%04x, Extended Tunnel ID: %s", in,
			  ip6_str(nd, p, a), g2(nd, p + 18), ip6_str(nd, p + 20, b));
		else if (ct == 14)
			P("%s  IPv6 P2MP LSP ID: 0x%08x, Tunnel ID: 0x%04x, Extended Tunnel ID: %s", in,
			  g4(nd, p), g2(nd, p + 6), ip6_str(nd, p + 8, b));
		else
			P("%s  IPv4 %s: %s, Tunnel ID: 0x%04x, Extended Tunnel ID: %s", in,
			  ct == 13 ? "P2MP LSP ID" : "Tunnel EndPoint", ip4_str(nd, p, a), g2(nd, p + 6),
			  ip4_str(nd, p + 8, b));
		return R_OK;
	}
	switch (ct) {
	case 1:
	case 2:
		if (n < (ct == 1 ? 8u : 20u))
			return R_SHORT;
		P("%s  Source Address: %s, Source Port: %u", in, addr_str(nd, p, ct == 2, a),
		  g2(nd, p + (ct == 1 ? 6 : 18)));
		break;
	case 3:
		if (cls != O_FILTER)
			return R_HEX;
		if (n < 20)
			return R_SHORT;
		P("%s  Source Address: %s, Flow Label: %u", in, ip6_str(nd, p, a), g3(nd, p + 17));
		break;
	case 8:
		if (cls != O_FILTER)
			return R_HEX;
		if (n < 20)
			return R_SHORT;
		/* sic: an IPv6 tunnel's sender as an IPv4 address */
		P("%s  Source Address: %s, LSP-ID: 0x%04x", in, ip4_str(nd, p, a), g2(nd, p + 18));
		break;
	case 7:
		if (n < 8)
			return R_SHORT;
		if (cls == O_FILTER)
			P("%s  Source Address: %s, LSP-ID: 0x%04x", in, ip4_str(nd, p, a), g2(nd, p + 6));
		else
			P("%s  IPv4 Tunnel Sender Address: %s, LSP-ID: 0x%04x", in, ip4_str(nd, p, a),
			  g2(nd, p + 6));
		break;
	case 12:
		if (n < 16)
			return R_SHORT;
		P("%s  IPv4 Tunnel Sender Address: %s, LSP ID: 0x%04x%s  Sub-Group Originator ID: %s, "
		  "Sub-Group ID: 0x%04x", in, ip4_str(nd, p, a), g2(nd, p + 6), in, ip4_str(nd, p + 8, b),
		  g2(nd, p + 12));
		break;
	case 13:
		if (n < 40)
			return R_SHORT;
		P("%s  IPv6 Tunnel Sender Address: %s, LSP ID: 0x%04x%s  Sub-Group Originator ID: %s, "
		  "Sub-Group ID: 0x%04x", in, ip6_str(nd, p, a), g2(nd, p + 18), in, ip6_str(nd, p + 20, b),
		  g2(nd, p + 38));
		break;
	default:
		return R_HEX;
	}
	return R_OK;
}

static enum rsvp_res rsvp_label_req(struct nd *nd, struct rsvp_obj *o)
{
	const uint8_t *p = o->p;
	const char *in = o->ind;
	unsigned n = o->n, v;

	switch (o->ctype) {
	case 1:
		for (; n >= 4; n -= 4, p += 4)
			l3pid(nd, o, p);
		break;
	case 2:
	case 3:
		if (n < 12)
			return R_SHORT;
		l3pid(nd, o, p);
		if (o->ctype == 2) {
			P(",%s merge capability", g1(nd, p + 4) & 0x80 ? "no" : "");
			P("%s  Minimum VPI/VCI: %u/%u", in, g2(nd, p + 4) & 0xfff, g2(nd, p + 6) & 0xfff);
			P("%s  Maximum VPI/VCI: %u/%u", in, g2(nd, p + 8) & 0xfff, g2(nd, p + 10) & 0xfff);
		} else {
			v = g2(nd, p + 4) >> 7 & 3;
			P("%s  Minimum/Maximum DLCI: %u/%u, %s%s bit DLCI", in, g4(nd, p + 4) & 0x7fffff,
			  g4(nd, p + 8) & 0x7fffff, v == 0 ? "10" : "", v == 2 ? "23" : "");
		}
		break;
	case 4:
		if (n < 4)
			return R_SHORT;
		P("%s  LSP Encoding Type: %s (%u)", in, tok_or(te_encodings, g1(nd, p), "Unknown"), p[0]);
		P("%s  Switching Type: %s (%u), Payload ID: %s (0x%04x)", in,
		  tok_or(te_switch_caps, g1(nd, p + 1), "Unknown"), p[1],
		  tok_or(gpids, g2(nd, p + 2), "Unknown"), g2(nd, p + 2));
		break;
	default:
		return R_HEX;
	}
	return R_OK;
}

static enum rsvp_res rsvp_error_spec(struct nd *nd, struct rsvp_obj *o)
{
	const uint8_t *p = o->p;
	int v6;
	unsigned off, code, val;
	char a[46];

	switch (o->ctype) {
	case 1: case 3:
		v6 = 0;
		break;
	case 2: case 4:
		v6 = 1;
		break;
	default:
		return R_HEX;
	}
	off = v6 ? 16 : 4;
	if (o->n < off + 4)
		return R_SHORT;
	code = g1(nd, p + off + 1);
	val = g2(nd, p + off + 2);
	P("%s  Error Node Address: %s, Flags: [0x%02x]%s  Error Code: %s (%u)", o->ind,
	  addr_str(nd, p, v6, a), g1(nd, p + off), o->ind, tok_or(error_codes, code, "unknown"), code);
	if (code == 24)
		P(", Error Value: %s (%u)", tok_or(routing_errors, val, "unknown"), val);
	else if (v6)
		;	/* tcpdump names only routing errors for IPv6 */
	else if (code == 28 || code == 125)
		P(", Error Value: %s (%u)", tok_or(diffserv_errors, val, "unknown"), val);
	else
		P(", Unknown Error Value (%u)", val);
	return R_OK;
}

/* The objects with a fixed layout or a plain list; the rest go to
 * print-rsvp-obj.c. */
static enum rsvp_res rsvp_value(struct nd *nd, unsigned cls, struct rsvp_obj *o,
				const uint8_t *hdr)
{
	const uint8_t *p = o->p;
	const char *in = o->ind;
	unsigned ct = o->ctype, n = o->n, v;
	char a[46], b[46];

	switch (cls) {
	case O_SESSION: case O_TEMPLATE: case O_FILTER:
		return rsvp_flow_ids(nd, cls, o);
	case O_CONFIRM: case O_NOTIFY: case O_S2L:
		if (ct != 1 && ct != 2)
			return R_HEX;
		if (n < (ct == 1 ? 4u : 16u))
			return R_SHORT;
		P("%s  %s%s: %s", in, cls == O_S2L ? "" : ct == 1 ? "IPv4 " : "IPv6 ",
		  cls == O_CONFIRM ? "Receiver Address" : cls == O_NOTIFY ? "Notify Node Address"
								  : "Sub-LSP destination address",
		  addr_str(nd, p, ct == 2, a));
		return R_OK;
	case O_SUGGESTED_LABEL: case O_UPSTREAM_LABEL: case O_RECOVERY_LABEL: case O_LABEL:
		if (ct == 1) {
			for (; n >= 4; n -= 4, p += 4)
				P("%s  Label: %u", in, g4(nd, p));
		} else if (ct == 2) {
			if (n < 4)
				return R_SHORT;
			P("%s  Generalized Label: %u", in, g4(nd, p));
		} else if (ct == 3) {
			if (n < 12)
				return R_SHORT;
			P("%s  Waveband ID: %u%s  Start Label: %u, Stop Label: %u", in, g4(nd, p), in,
			  g4(nd, p + 4), g4(nd, p + 8));
		} else {
			return R_HEX;
		}
		return R_OK;
	case O_STYLE:
		if (ct != 1)
			return R_HEX;
		if (n < 4)
			return R_SHORT;
		P("%s  Reservation Style: %s, Flags: [0x%02x]", in, tok_or(styles, g3(nd, p + 1), "Unknown"),
		  p[0]);
		return R_OK;
	case O_LABEL_REQ:
		return rsvp_label_req(nd, o);
	case O_RRO: case O_ERO:
		return rsvp_xro(nd, o);
	case O_HELLO: case O_RESTART:
		if (ct != 1 && (ct != 2 || cls != O_HELLO))
			return R_HEX;
		if (n < 8)
			return R_SHORT;
		if (cls == O_HELLO)
			P("%s  Source Instance: 0x%08x, Destination Instance: 0x%08x", in, g4(nd, p),
			  g4(nd, p + 4));
		else
			P("%s  Restart  Time: %ums, Recovery Time: %ums", in, g4(nd, p), g4(nd, p + 4));
		return R_OK;
	case O_CAPABILITY:
		if (ct != 1)
			return R_HEX;
		if (n < 4)
			return R_SHORT;
		v = g4(nd, p);
		if (v & ~7u)
			P("%s  [reserved=0x%08x must be zero]", in, v & ~7u);
		P("%s  Flags: [", in);
		bits_print(nd, capability_flags, "none", v & 7, ", ");
		P("]");
		return R_OK;
	case O_SESSION_ATTR:
		return rsvp_session_attr(nd, o);
	case O_UNI:
		return rsvp_uni(nd, o);
	case O_HOP:
		if (ct == 1 || ct == 3) {
			if (n < 8)
				return R_SHORT;
			P("%s  Previous/Next Interface: %s, Logical Interface Handle: 0x%08x", in,
			  ip4_str(nd, p, a), g4(nd, p + 4));
			return n > 8 ? R_HEX : R_OK;
		}
		if (ct == 2 || ct == 4) {
			if (n < 20)
				return R_SHORT;
			P("%s  Previous/Next Interface: %s, Logical Interface Handle: 0x%08x", in,
			  ip6_str(nd, p, a), g4(nd, p + 16));
		}
		return R_HEX;
	case O_TIME: case O_CLASSTYPE: case O_CLASSTYPE_OLD: case O_ADMIN:
		if (ct != 1)
			return R_HEX;
		if (n < 4)
			return R_SHORT;
		if (cls == O_TIME) {
			P("%s  Refresh Period: %ums", in, g4(nd, p));
		} else if (cls == O_ADMIN) {
			P("%s  Flags [", in);
			bits_print(nd, admin_flags, "none", g4(nd, p), ", ");
			P("]");
		} else {
			P("%s  CT: %u", in, g4(nd, p) & 0x7);
		}
		return R_OK;
	case O_TSPEC: case O_ADSPEC: case O_FLOWSPEC:
		return rsvp_intserv(nd, o);
	case O_FRR:
		return rsvp_frr(nd, o);
	case O_DETOUR:
		if (ct != 7)
			return R_HEX;
		for (; n >= 8; n -= 8, p += 8)
			P("%s  PLR-ID: %s, Avoid-Node-ID: %s", in, ip4_str(nd, p, a), ip4_str(nd, p + 4, b));
		return R_OK;
	case O_ERROR:
		return rsvp_error_spec(nd, o);
	case O_PROPERTIES:
		return rsvp_props(nd, o);
	case O_MSGID: case O_MSGID_ACK: case O_MSGID_LIST:
		if (ct != 1 && ct != 2)
			return R_HEX;
		if (n < 4)
			return R_SHORT;
		P("%s  Flags [0x%02x], epoch: %u", in, g1(nd, p), g3(nd, p + 1));
		for (n -= 4, p += 4; n >= 4; n -= 4, p += 4)
			P("%s    Message-ID 0x%08x (%u)", in, g4(nd, p), g4(nd, p));
		return R_OK;
	case O_INTEGRITY:
		return rsvp_integrity(nd, o, hdr);
	case O_LABEL_SET:
		return rsvp_label_set(nd, o);
	default:
		if (nd->o->vflag <= 1)
			unknown_data_print(nd, p, "\n\t    ", (int)n);
		return R_OK;
	}
}

/* The objects in tlen bytes at p of the message at msg (plen bytes by
 * its header hdr); -1 when an error ended them. */
static int rsvp_objs(struct nd *nd, const uint8_t *msg, unsigned plen, const uint8_t *p,
		     const char *ind, unsigned tlen)
{
	struct rsvp_obj o;
	unsigned len, cls, ct;
	enum rsvp_res r;

	while (tlen >= 4) {
		if (!nd_ok(nd, p, 4))
			goto trunc;
		len = g2(nd, p);
		ct = p[3];
		if (len % 4) {
			P("%sERROR: object header size %u not a multiple of 4", ind, len);
			return -1;
		}
		if (len < 4) {
			P("%sERROR: object header too short %u < 4", ind, len);
			return -1;
		}
		cls = p[2];
		P("%s%s Object (%u) Flags: [%s if unknown], Class-Type: %s (%u), length: %u", ind,
		  tok_or(obj_names, cls, "Unknown"), cls,
		  cls & 0x80 ? (cls & 0x40 ? "ignore and forward" : "ignore silently") : "reject",
		  tok_or(rsvp_ctypes, CT(cls, ct), "Unknown"), ct, len);
		if (tlen < len) {
			P("%sERROR: object goes past end of objects TLV", ind);
			return -1;
		}
		if (!nd_ok(nd, p, len))
			goto trunc;
		o.p = p + 4;
		o.n = len - 4;
		o.ctype = ct;
		o.ind = ind;
		o.msg = msg;
		o.plen = plen;
		r = rsvp_value(nd, cls, &o, msg);
		switch (r) {
		case R_OK: case R_HEX:
			break;
		case R_SHORT:
			P("%sERROR: object is too short", ind);
			return -1;
		case R_SUBSHORT:
			P("%sERROR: sub-object is too short", ind);
			return -1;
		case R_INVALID:
			P(" (invalid)");
			return -1;
		case R_TRUNC:
			goto trunc;
		case R_FAIL:
			return -1;
		}
		if (nd->o->vflag > 1 || r == R_HEX)
			unknown_data_print(nd, p + 4, "\n\t    ", (int)len - 4);
		p += len;
		tlen -= len;
	}
	return 0;
trunc:
	/* tcpdump's checks here end the message without a longjmp */
	nd_trunc(nd);
	return -1;
}

/* A common header's first line; 0 when it is no RSVP version 1. */
static int rsvp_hdr(struct nd *nd, const uint8_t *p, const char *ind)
{
	char b[32];
	unsigned vf = p[0];

	if (vf >> 4 != 1) {
		P("ERROR: RSVP version %u packet not supported", vf >> 4);
		return 0;
	}
	P("%sRSVPv%u %s Message (%u), Flags: [", ind, vf >> 4,
	  tok2str(msg_types, "unknown, type: %u", p[1], b, sizeof(b)), p[1]);
	bits_print(nd, hdr_flags, "none", vf & 0xf, ", ");
	P("], length: %u, ttl: %u, checksum: 0x%04x", g2(nd, p + 6), p[4], g2(nd, p + 2));
	return 1;
}

void rsvp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	const uint8_t *t;
	uint16_t plen, tlen, slen;
	unsigned type;
	char b[32];

	nd->proto = "rsvp";
	if (!nd_ok(nd, p, RSVP_HDR)) {
		nd_trunc(nd);
		return;
	}
	type = p[1];
	if (!nd->o->vflag) {
		if (p[0] >> 4 != 1)
			P("ERROR: RSVP version %u packet not supported", p[0] >> 4);
		else
			P("RSVPv%u %s Message, length: %u", p[0] >> 4,
			  tok2str(msg_types, "unknown (%u)", type, b, sizeof(b)), len);
		return;
	}
	if (!rsvp_hdr(nd, p, "\n\t"))
		return;
	plen = tlen = g2(nd, p + 6);
	if (tlen < RSVP_HDR) {
		P("ERROR: common header too short %u < %u", tlen, RSVP_HDR);
		return;
	}
	t = p + RSVP_HDR;
	tlen -= RSVP_HDR;
	switch (type) {
	case 12:
		/* a bundle: messages, each with its own common header */
		while (tlen > 0) {
			if (!nd_ok(nd, t, RSVP_HDR)) {
				nd_trunc(nd);
				return;
			}
			if (!rsvp_hdr(nd, t, "\n\t  "))
				return;
			slen = g2(nd, t + 6);
			if (slen < RSVP_HDR) {
				P("ERROR: common header too short %u < %u", slen, RSVP_HDR);
				return;
			}
			if (tlen < slen) {
				P("ERROR: common header too large %u > %u", slen, tlen);
				return;
			}
			if (rsvp_objs(nd, t, slen, t + RSVP_HDR, "\n\t    ", slen - RSVP_HDR) == -1)
				return;
			t += slen;
			tlen = (uint16_t)(tlen - slen);
		}
		break;
	case 1: case 2: case 3: case 4: case 5: case 6: case 7: case 13: case 14: case 15: case 20:
		rsvp_objs(nd, p, plen, t, "\n\t  ", tlen);
		break;
	default:
		unknown_data_print(nd, t, "\n\t    ", tlen);
		break;
	}
}
