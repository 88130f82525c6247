/*
 * libFuzzer harness: every protocol printer through dissect_packet() and
 * dissect_hexdump(), one dissect context per input (so per-flow state such
 * as relative TCP sequence numbers is exercised across packets).
 *
 * Input layout:
 *   byte 0   link type: DLTS[b % N]
 *   byte 1   bits 0-1 vflag (0-2, 3 -> 2), 2 eflag, 3 qflag, 4 Sflag, 5 Aflag,
 *            6-7 xflag (0-2)
 *   byte 2   bits 0-1 Xflag (0-2), 2 bflag, 3 -M secret (TCP MD5 checked),
 *            4 -E: a default ESP SA and an IKEv2 SA for all-zero cookies,
 *            5-7 -T: none, vxlan, domain, resp, snmp, rtp, rtcp, vat
 *   then packets, each: 1 byte "len delta" d, 2 bytes caplen (LE, clamped
 *   to what is left), caplen bytes of data.  Original length = caplen + d
 *   for d < 0xf0, caplen - (d & 0xf) (len < caplen, a corrupt file) else.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"
#include "dissect/dissect.h"
#include "dissect/esp-sa.h"

static const int DLTS[] = {
	1,	/* EN10MB */
	12,	/* RAW */
	113,	/* LINUX_SLL */
	276,	/* LINUX_SLL2 */
	0,	/* NULL */
	228,	/* IPV4 */
	229,	/* IPV6 */
	14,	/* RAW on OpenBSD numbering */
	108,	/* LOOP */
	101,	/* LINKTYPE_RAW value, unknown as a DLT */
	147,	/* USER0: unknown link type */
	105,	/* IEEE802_11 */
	127,	/* IEEE802_11_RADIO */
	9, 50, 51, 104,		/* PPP, PPP_SERIAL, PPP_ETHER, C_HDLC */
	239,			/* NFLOG */
	8, 15,			/* SLIP, SLIP_BSDOS */
	7, 129,			/* ARCNET, ARCNET_LINUX */
	226, 242, 271,		/* IPNET, IPOIB, VSOCK */
	11, 19, 123,		/* ATM_RFC1483, ATM_CLIP, SUNATM */
	281, 282, 284, 285,	/* DSA_TAG_BRCM, _BRCM_PREPEND, _DSA, _EDSA */
	107, 182,		/* FRELAY, MFR */
	/* JUNIPER_MLPPP, _MLFR, _ES, _GGSN, _MFR, _ATM2, _SERVICES, _ATM1,
	 * _MONITOR, _PPPOE, _PPPOE_ATM, _ETHER, _PPP, _FRELAY, _CHDLC */
	130, 131, 132, 133, 134, 135, 136, 137, 164, 167, 168, 178, 179, 180, 181,
	258, 149,		/* PKTAP, and as macOS writes it */
	195, 230, 283,		/* IEEE802_15_4, _NOFCS, _TAP */
};
#define NDLTS (sizeof(DLTS) / sizeof(DLTS[0]))
#define MAX_PACKETS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dissect_opts o = { 0 };
	struct dissect_ctx *ctx;
	struct strbuf sb = STRBUF_INIT;
	size_t off = 3;
	int dlt, n = 0;

	if (size < 3)
		return 0;
	dlt = DLTS[data[0] % NDLTS];
	o.vflag = data[1] & 3;
	if (o.vflag > 2)
		o.vflag = 2;
	o.eflag = !!(data[1] & 4);
	o.qflag = !!(data[1] & 8);
	o.Sflag = !!(data[1] & 16);
	o.Aflag = !!(data[1] & 32);
	o.xflag = (data[1] >> 6) > 2 ? 2 : (data[1] >> 6);
	o.Xflag = (data[2] & 3) > 2 ? 2 : (data[2] & 3);
	o.bflag = !!(data[2] & 4);
	o.sigsecret = data[2] & 8 ? "secret" : NULL;
	{
		/* (domain and resp have their ports: 53, 6379) */
		/* byte 2 bits 5-7, and byte 0's bit above the link type's
		 * index (seeds leave it 0) for the second row */
		static const int pts[16] = {
			DISSECT_PT_NONE, DISSECT_PT_VXLAN, DISSECT_PT_ZMTP1, DISSECT_PT_PGM_ZMTP1,
			DISSECT_PT_SNMP, DISSECT_PT_RTP, DISSECT_PT_RTCP, DISSECT_PT_VAT,
			DISSECT_PT_CNFP, DISSECT_PT_CARP, DISSECT_PT_AODV, DISSECT_PT_SOMEIP,
			DISSECT_PT_WB, DISSECT_PT_LMP, DISSECT_PT_DOMAIN, DISSECT_PT_RESP,
		};
		o.ptype = pts[(data[2] >> 5) + 8 * ((data[0] / NDLTS) & 1)];
	}
	if (data[2] & 16) {
		static struct esp_sas *sas;
		if (!sas && esp_sas_parse("3des-cbc-hmac96:0x4043434545464649494a4a4c4c4f4f515152525454575758,"
					  "ikev2 I 0x0000000000000000 0x0000000000000000 sha1:0x01 "
					  "aes128:0x00112233445566778899aabbccddeeff", &sas) < 0)
			abort();
		o.esp = sas;
	}

	ctx = dissect_ctx_new(&o);
	if (!ctx)
		abort();
	while (off + 3 <= size && n++ < MAX_PACKETS) {
		uint8_t d = data[off];
		uint32_t caplen = data[off + 1] | (uint32_t)data[off + 2] << 8, len;
		uint8_t *pkt;

		off += 3;
		if (caplen > size - off)
			caplen = size - off;
		len = d < 0xf0 ? caplen + d : (caplen > (d & 0xfu) ? caplen - (d & 0xfu) : 0);
		/* an exact-size heap copy so ASan sees any over-read */
		pkt = malloc(caplen ? caplen : 1);
		if (!pkt)
			abort();
		memcpy(pkt, data + off, caplen);
		sb_reset(&sb);
		dissect_packet(ctx, &sb, dlt, pkt, caplen, len);
		dissect_hexdump(ctx, &sb, dlt, pkt, caplen, len);
		if (strlen(sb_str(&sb)) != sb.len)	/* no NUL inside the text */
			abort();
		free(pkt);
		off += caplen;
	}
	dissect_ctx_free(ctx);
	sb_free(&sb);
	return 0;
}
