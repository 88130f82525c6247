/*
 * Protocol printers: the text tcpdump -nn prints for a packet, after the
 * timestamp.  One printer per protocol (print-*.c style), every field access
 * bounds-checked against caplen.
 */
#ifndef PTCPDUMP_DISSECT_H
#define PTCPDUMP_DISSECT_H

#include <stdint.h>

#include "../common/strbuf.h"

/* -T: how to read every UDP payload (and TCP's, for domain, resp and zmtp1) */
enum dissect_ptype {
	DISSECT_PT_NONE = 0,
	DISSECT_PT_VXLAN,
	DISSECT_PT_DOMAIN,
	DISSECT_PT_RESP,
	DISSECT_PT_SNMP,
	DISSECT_PT_TFTP,
	DISSECT_PT_RADIUS,
	DISSECT_PT_PTP,
	DISSECT_PT_RTP,
	DISSECT_PT_RTCP,
	DISSECT_PT_VAT,
	DISSECT_PT_RPC,
	DISSECT_PT_ZMTP1,	/* TCP only */
	DISSECT_PT_PGM,		/* UDP only */
	DISSECT_PT_PGM_ZMTP1,	/* UDP; PGM's data as ZMTP/1.0 */
	DISSECT_PT_CARP,	/* IP protocol 112 as CARP, not VRRP */
	DISSECT_PT_AODV,
	DISSECT_PT_SOMEIP,
	DISSECT_PT_CNFP,	/* UDP only: Cisco NetFlow */
	DISSECT_PT_WB,		/* UDP only */
	DISSECT_PT_LMP,		/* UDP only */
};

struct esp_sas;

struct dissect_opts {
	int vflag;	/* -v count */
	int qflag;	/* -q */
	int eflag;	/* -e: link-level header */
	int Sflag;	/* -S: absolute TCP sequence numbers */
	int xflag;	/* -x count (1 = -x, 2 = -xx) */
	int Xflag;	/* -X count (1 = -X, 2 = -XX) */
	int Aflag;	/* -A */
	int Kflag;	/* -K: no IP/TCP/UDP checksum verification */
	int uflag;	/* -u: NFS file handles printed undecoded */
	int ptype;	/* -T: enum dissect_ptype */
	int bflag;	/* -b: BGP AS numbers in asdot */
	const char *sigsecret;	/* -M: the TCP MD5 signature secret */
	const struct esp_sas *esp;	/* -E: SAs to decrypt with (esp-sa.h) */
};

struct dissect_ctx;

struct dissect_ctx *dissect_ctx_new(const struct dissect_opts *opts);
void dissect_ctx_free(struct dissect_ctx *ctx);

/*
 * Append the protocol text of one packet: what tcpdump -nn prints after the
 * timestamp (and after "IFACE In " for SLL2/-i any), including -e link info
 * and -v continuation lines ("\n    ..."), without the final newline.
 * dlt is a DLT_* value (DLT_EN10MB, DLT_RAW, DLT_LINUX_SLL, DLT_LINUX_SLL2,
 * DLT_NULL, DLT_IPV4, DLT_IPV6 ...).  len is the original length.
 */
void dissect_packet(struct dissect_ctx *ctx, struct strbuf *out, int dlt,
		    const uint8_t *p, uint32_t caplen, uint32_t len);

/*
 * Append the -x/-xx/-X/-XX/-A dump of the packet (each line starting with
 * "\n"), as tcpdump prints it after the protocol text.  Nothing when none of
 * those flags is set.
 */
void dissect_hexdump(struct dissect_ctx *ctx, struct strbuf *out, int dlt,
		     const uint8_t *p, uint32_t caplen, uint32_t len);

#endif
