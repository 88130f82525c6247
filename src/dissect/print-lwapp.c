/* Cisco LWAPP (Lightweight Access Point Protocol): data frames on UDP
 * 12222, control messages on 12223, as tcpdump 4.99 prints them.  Its
 * explicit checks print " [|lwapp_...]" and return (the -x dump then
 * starts after the link header); its field reads end the packet. */
#include "dissect-int.h"

static const struct tok lwapp_flags[] = {
	{ 0x01, "Last Fragment Bit" }, { 0x02, "Fragment Bit" }, { 0x04, "Control Bit" },
	{ 0, NULL }
};

static const struct tok lwapp_msgs[] = {
	{ 1, "Discovery req" }, { 2, "Discovery resp" }, { 3, "Join req" },
	{ 4, "Join resp" }, { 5, "Join ack" }, { 6, "Join confirm" },
	{ 10, "Configure req" }, { 11, "Configure resp" }, { 12, "Update req" },
	{ 13, "Update resp" }, { 14, "WTP event req" }, { 15, "WTP event resp" },
	{ 16, "Change state event req" }, { 17, "Change state event resp" },
	{ 22, "Echo req" }, { 23, "Echo resp" }, { 24, "Image data req" },
	{ 25, "Image data resp" }, { 26, "Channel status req" }, { 27, "Channel status resp" },
	{ 30, "Key update req" }, { 31, "Key update resp" }, { 32, "Primary discovery req" },
	{ 33, "Primary discovery resp" }, { 34, "Data transfer req" },
	{ 35, "Data transfer resp" }, { 36, "Clear config ind" }, { 37, "Wlan config req" },
	{ 38, "Wlan config resp" }, { 39, "Mobile config req" }, { 40, "Mobile config resp" },
	{ 0, NULL }
};

/* The transport header's first byte: 0 when the version is not 0 (said)
 * or without -v (the short line printed), 1 to go on. */
static int lwapp_head(struct nd *nd, unsigned v, uint32_t len)
{
	if (v >> 6) {
		P("LWAPP version %u packet not supported", v >> 6);
		return 0;
	}
	if (nd->o->vflag)
		return 1;
	P("LWAPPv0, %s frame, Flags [", v & 4 ? "Control" : "Data");
	bits_print(nd, lwapp_flags, "none", v & 7, ", ");
	P("], length %u", len);
	return 0;
}

/* "LWAPPv0, ... frame, Radio-id" and the flags; sp: tcpdump's extra space
 * in data frames */
static void lwapp_verbose(struct nd *nd, unsigned v, const char *sp)
{
	P("LWAPPv0, %s frame, Radio-id %s%u, Flags [", v & 4 ? "Control" : "Data", sp, v >> 3 & 7);
	bits_print(nd, lwapp_flags, "none", v & 7, ", ");
	P("]");
}

void lwapp_control_print(struct nd *nd, const uint8_t *p, uint32_t len, int ap_ident)
{
	const uint8_t *th = ap_ident ? p + 6 : p, *cp;
	unsigned v, tlen;
	char buf[18];

	nd->proto = "lwapp_control";
	if (!nd_ok(nd, p, ap_ident ? 6 : 0) || !nd_ok(nd, th, 6)) {
		nd_trunc(nd);
		return;
	}
	v = g1(nd, th);
	if (!lwapp_head(nd, v, len))
		return;
	tlen = g2(nd, th + 2);
	lwapp_verbose(nd, v, "");
	P(", Frag-id %u, length %u", g1(nd, th + 1), tlen);
	if (ap_ident)
		P("\n\tAP identity: %s", mac_str(nd, p, buf));
	cp = th + 6;
	while (tlen) {
		unsigned mlen, type;

		if (!nd_ok(nd, cp, 8)) {
			nd_trunc(nd);
			return;
		}
		mlen = g2(nd, cp + 2);
		if (tlen < 8 || tlen < 8 + mlen) {
			P("\n\t  Msg goes past end of PDU");
			break;
		}
		type = g1(nd, cp);
		P("\n\t  Msg type: %s (%u), Seqnum: %u, Msg len: %u, Session: 0x%08x",
		  tok_or(lwapp_msgs, type, "Unknown"), type, g1(nd, cp + 1), mlen, g4(nd, cp + 4));
		/* tcpdump checks the message's length from its header's start */
		if (!nd_ok(nd, cp, mlen)) {
			nd_trunc(nd);
			return;
		}
		cp += 8 + mlen;
		tlen -= 8 + mlen;
	}
}

void lwapp_data_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned v, tlen;

	nd->proto = "lwapp_data";
	if (!nd_ok(nd, p, 6)) {
		nd_trunc(nd);
		return;
	}
	v = g1(nd, p);
	if (!lwapp_head(nd, v, len))
		return;
	tlen = g2(nd, p + 2);
	lwapp_verbose(nd, v, " ");
	if (tlen < 6) {
		P(", length %u < transport header length", tlen);
		return;
	}
	P(", Frag-id  %u, length %u", g1(nd, p + 1), tlen);
	unknown_data_print(nd, p + 6, "\n\t", (int)(tlen - 6));
}
