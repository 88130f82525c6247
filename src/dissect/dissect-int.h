/* Internal helpers shared by the protocol printers. */
#ifndef PTCPDUMP_DISSECT_INT_H
#define PTCPDUMP_DISSECT_INT_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

#include "dissect.h"

#define DLT_NULL_ 0
#define DLT_EN10MB_ 1
#define DLT_RAW_ 12
#define DLT_RAW14_ 14
#define DLT_LOOP_ 108
#define DLT_LINUX_SLL_ 113
#define DLT_IPV4_ 228
#define DLT_IPV6_ 229
#define DLT_LINUX_SLL2_ 276
#define DLT_NFLOG_ 239
#define DLT_PPP_ 9
#define DLT_PPP_SERIAL_ 50
#define DLT_PPP_ETHER_ 51
#define DLT_C_HDLC_ 104
#define DLT_IEEE802_11_ 105
#define DLT_IEEE802_11_RADIO_ 127
#define DLT_SLIP_ 8
#define DLT_SLIP_BSDOS_ 15
#define DLT_ARCNET_ 7
#define DLT_ARCNET_LINUX_ 129
#define DLT_IPNET_ 226
#define DLT_IPOIB_ 242
#define DLT_VSOCK_ 271
#define DLT_ATM_RFC1483_ 11
#define DLT_ATM_CLIP_ 19
#define DLT_SUNATM_ 123
#define DLT_DSA_TAG_BRCM_ 281
#define DLT_DSA_TAG_BRCM_PREPEND_ 282
#define DLT_DSA_TAG_DSA_ 284
#define DLT_DSA_TAG_EDSA_ 285
#define DLT_PKTAP_ 258
#define DLT_USER2_ 149	/* PKTAP as macOS writes it */
#define DLT_FRELAY_ 107
#define DLT_MFR_ 182
#define DLT_JUNIPER_MLPPP_ 130
#define DLT_JUNIPER_MLFR_ 131
#define DLT_JUNIPER_ES_ 132
#define DLT_JUNIPER_GGSN_ 133
#define DLT_JUNIPER_MFR_ 134
#define DLT_JUNIPER_ATM2_ 135
#define DLT_JUNIPER_SERVICES_ 136
#define DLT_JUNIPER_ATM1_ 137
#define DLT_JUNIPER_MONITOR_ 164
#define DLT_JUNIPER_PPPOE_ 167
#define DLT_JUNIPER_PPPOE_ATM_ 168
#define DLT_JUNIPER_ETHER_ 178
#define DLT_JUNIPER_PPP_ 179
#define DLT_JUNIPER_FRELAY_ 180
#define DLT_JUNIPER_CHDLC_ 181
#define DLT_IEEE802_15_4_ 195
#define DLT_IEEE802_15_4_NOFCS_ 230
#define DLT_IEEE802_15_4_TAP_ 283

struct tcp_seq_ent;
struct rx_call;

struct dissect_ctx {
	struct dissect_opts o;
	struct tcp_seq_ent **tcp_tab;	/* TCP_TAB_SIZE buckets */
	uint32_t ll_hdr_len;		/* link header length of last packet */
	int last_dlt;
	uint32_t last_caplen;
	/* SLIP's compressed TCP: the last connection number and, per
	 * direction and connection, the last data length */
	unsigned sl_lastconn;
	uint32_t sl_lastlen[2][256];
	/* Rx: recent calls, to name their replies (print-rx.c) */
	struct rx_call *rx_tab;
	unsigned rx_next, rx_hint;
};

/* Per-packet printing state. */
struct nd {
	struct dissect_ctx *ctx;
	const struct dissect_opts *o;
	struct strbuf *out;
	const uint8_t *pkt;
	const uint8_t *snapend;
	const char *proto;
	uint32_t ll_hdr_len;
	int mdns;	/* the DNS message being printed is multicast DNS */
	/* While a decrypted payload is printed (pkt, snapend are its
	 * buffer): the data it came from, still readable for the outer
	 * headers, and the buffers to free, also after a truncation. */
	const uint8_t *opkt, *osnapend;
	uint8_t *dec[4];
	int ndec;
	const uint8_t *ike_base;	/* the IKEv2 header being printed */
	jmp_buf jb;
};

/* Prints to the output; a literal without conversions (the compiler
 * folds the test) is appended as it is, without printf's parsing. */
#define P(fmt, ...)							\
	((__builtin_constant_p(fmt) && !__builtin_strchr(fmt, '%'))	\
		 ? sb_puts(nd->out, fmt)				\
		 : sb_printf(nd->out, fmt, ##__VA_ARGS__))

static inline int nd_in(const uint8_t *p, size_t n, const uint8_t *b, const uint8_t *e)
{
	return p >= b && p <= e && (size_t)(e - p) >= n;
}
/* Is [p, p+n) inside the captured data (or, in a decrypted payload, the
 * packet around it)? */
static inline int nd_ok(const struct nd *nd, const uint8_t *p, size_t n)
{
	return nd_in(p, n, nd->pkt, nd->snapend) ||
	       (nd->opkt && nd_in(p, n, nd->opkt, nd->osnapend));
}

_Noreturn void nd_trunc_jmp(struct nd *nd);
void nd_trunc(struct nd *nd);	/* " [|proto]" */

static inline uint8_t g1(struct nd *nd, const uint8_t *p)
{
	if (!nd_ok(nd, p, 1))
		nd_trunc_jmp(nd);
	return p[0];
}
static inline uint16_t g2(struct nd *nd, const uint8_t *p)
{
	if (!nd_ok(nd, p, 2))
		nd_trunc_jmp(nd);
	return (uint16_t)(p[0] << 8 | p[1]);
}
static inline uint32_t g3(struct nd *nd, const uint8_t *p)
{
	if (!nd_ok(nd, p, 3))
		nd_trunc_jmp(nd);
	return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}
static inline uint32_t g4(struct nd *nd, const uint8_t *p)
{
	if (!nd_ok(nd, p, 4))
		nd_trunc_jmp(nd);
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static inline uint64_t g8(struct nd *nd, const uint8_t *p)
{
	return (uint64_t)g4(nd, p) << 32 | g4(nd, p + 4);
}
/* Little-endian fetches (radiotap, 802.11, IPNET, VSOCK ...), checked as
 * g1..g8 are. */
static inline uint16_t gl2(struct nd *nd, const uint8_t *p)
{
	if (!nd_ok(nd, p, 2))
		nd_trunc_jmp(nd);
	return (uint16_t)(p[1] << 8 | p[0]);
}
static inline uint32_t gl4(struct nd *nd, const uint8_t *p)
{
	if (!nd_ok(nd, p, 4))
		nd_trunc_jmp(nd);
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[1] << 8 | p[0];
}
static inline uint64_t gl8(struct nd *nd, const uint8_t *p)
{
	if (!nd_ok(nd, p, 8))
		nd_trunc_jmp(nd);
	return (uint64_t)gl4(nd, p + 4) << 32 | gl4(nd, p);
}
static inline void gcheck(struct nd *nd, const uint8_t *p, size_t n)
{
	if (!nd_ok(nd, p, n))
		nd_trunc_jmp(nd);
}
static inline size_t nd_avail(const struct nd *nd, const uint8_t *p)
{
	return (p >= nd->pkt && p < nd->snapend) ? (size_t)(nd->snapend - p) : 0;
}
/* Restrict the end of valid data (tcpdump's snaplen push). */
static inline const uint8_t *nd_push(struct nd *nd, const uint8_t *p, size_t n)
{
	const uint8_t *old = nd->snapend;
	if (p <= nd->snapend && (size_t)(nd->snapend - p) > n)
		nd->snapend = p + n;
	return old;
}

struct tok {
	unsigned v;
	const char *s;
};
const char *tok2str(const struct tok *t, const char *fmt, unsigned v, char *buf, size_t bl);
const char *tok_or(const struct tok *t, unsigned v, const char *dflt);
/* Organisationally unique identifiers by name (print-llc.c) */
extern const struct tok oui_names[];
/* Names of set bits joined by sep; dflt when none. */
void bits_print(struct nd *nd, const struct tok *t, const char *dflt, unsigned v, const char *sep);

/* Bytes no printer decodes, in hex after ident, as far as they were
 * captured (tcpdump's print_unknown_data). */
void unknown_data_print(struct nd *nd, const uint8_t *p, const char *ident, int len);
/* One byte as tcpdump shows text: M- for the high bit, ^X for controls. */
void char_print(struct nd *nd, uint8_t c);
/* n bytes of text with char_print() as far as they were captured; 1 when
 * the data ends first (tcpdump's nd_printn). */
int chars_print(struct nd *nd, const uint8_t *p, uint32_t n);
/* The same, but a truncation longjmps (" [|proto]"); the _z form also
 * stops at a NUL (tcpdump's nd_printjnp). */
void chars_print_j(struct nd *nd, const uint8_t *p, uint32_t n);
void chars_print_z(struct nd *nd, const uint8_t *p, uint32_t n);
/* A duration as tcpdump writes it: 1w2d3h4m5s, 0s. */
void relts_print(struct nd *nd, uint32_t secs);

/* Address text (fetch-checked). */
const char *ip4_str(struct nd *nd, const uint8_t *p, char *buf);	/* buf >= 16 */
const char *ip6_str(struct nd *nd, const uint8_t *p, char *buf);	/* buf >= 46 */
const char *mac_str(struct nd *nd, const uint8_t *p, char *buf);	/* buf >= 18 */
/* The source and destination of an IPv4 or IPv6 header (src, dst >= 46). */
void iph_addrs(struct nd *nd, const uint8_t *iph, char *src, char *dst);

uint16_t in_cksum(const uint8_t *p, size_t len, uint32_t init);
uint32_t pseudo_sum(struct nd *nd, const uint8_t *iph, uint32_t len, uint8_t proto);

/* Dumps (print-ascii.c). */
void hexdump_ascii(struct nd *nd, const char *ident, const uint8_t *p, uint32_t len, uint32_t off);
void hexdump_plain(struct nd *nd, const char *ident, const uint8_t *p, uint32_t len, uint32_t off);
/* tcpdump's hex_print: as hexdump_plain, and where the capture ends
 * before len, " [|proto]" (a longjmp) */
void hex_print_j(struct nd *nd, const char *ident, const uint8_t *p, uint32_t len);
void ascii_dump(struct nd *nd, const uint8_t *p, uint32_t len);
void default_print(struct nd *nd, const uint8_t *p, uint32_t caplen);
/* tcpdump's default payload dump whatever the flags: hex and ASCII, then
 * the end of the packet's decoding (" [|proto]") when the data ends first */
void default_dump(struct nd *nd, const uint8_t *p, uint32_t len);

/* Printers. Each returns nothing; truncation longjmps. */
/* The packet by its link type (dissect.c), adding its link header's length
 * to nd->ll_hdr_len; 0 when there is no printer for the type */
int link_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t len, uint32_t caplen);
void pktap_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen);
uint32_t ether_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen);
/* Ethernet with a switch chip's tag of taglen bytes after the MAC
 * addresses, printed by tag (nd->proto: the link type's name), and/or
 * an encapsulation's header printed first by encap(nd, encap_arg). */
uint32_t ether_tag_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen,
			 void (*tag)(struct nd *, const uint8_t *), uint32_t taglen,
			 void (*encap)(struct nd *, const uint8_t *), const uint8_t *encap_arg);
/* print-sl.c: SLIP (with BPF's 16-byte header: -e shows compressed TCP) */
void sl_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t len);
/* print-linkmisc.c: IPoIB, IPNET, vsock, ARCNET (dlt: which), AppleTalk DDP */
void ipoib_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen);
void ipnet_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen);
void vsock_print(struct nd *nd, const uint8_t *p, uint32_t caplen);
void arcnet_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t len, uint32_t caplen);
void atalk_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-atm.c: the ATM link types (RFC 1483 LLC, SunATM, Classical IP) */
void atm_dlt_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t len, uint32_t caplen);
/* An OAM cell; hec: 1 when the cell header carries its HEC byte */
void atm_oam_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned hec);
/* print-juniper.c: the Juniper link types (their "MGC" header, cookies
 * and payloads); returns the link header length, as ether_print */
uint32_t juniper_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t len, uint32_t caplen);
/* print-dsa.c: Marvell DSA/EDSA and Broadcom switch tags; the link
 * header length, as ether_print */
uint32_t dsa_dlt_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t len, uint32_t caplen);
/* The payload of an Ethernet type field; src: the frame's source MAC when
 * there is one (GeoNetworking and CALM FAST print it) */
int ethertype_print(struct nd *nd, uint16_t type, const uint8_t *p, uint32_t len, uint32_t caplen,
		    const uint8_t *src);
/* print-geonet.c: ETSI GeoNetworking (0x8947, 0x0707) and CALM FAST (0x1111) */
void geonet_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *src);
void calm_fast_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *src);
const char *ethertype_name(uint16_t t);
/* ", proto NAME (0xNNNN)" with -e: the type an encapsulation carries. */
void encap_proto_print(struct nd *nd, uint16_t t);
/* 802.2 LLC after an 802.3 length field (print-llc.c): the length of the
 * LLC (and SNAP) header, negated when the payload was not printed and the
 * caller should dump it.  src, dst: the frame's MAC addresses, or NULL
 * (cooked captures have none). */
int llc_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen,
	      const uint8_t *src, const uint8_t *dst);
/* A SNAP header and its payload (print-llc.c): 1 when the payload was
 * printed (or the header was cut short), 0 when only the header was and
 * the caller should dump the frame.  pad: the bytes before a bridged
 * Ethernet frame (2 after LLC, none in Frame Relay). */
int snap_print(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen,
	       const uint8_t *src, const uint8_t *dst, unsigned pad);
void stp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* Cisco Discovery Protocol, the SNAP payload (print-cdp.c). */
void cdp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* Cisco VTP, DTP and UDLD, the SNAP payload (print-cisco.c). */
void vtp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void dtp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void udld_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* An IPX packet (print-llc.c): "IPX " unless -e, addresses, payload. */
void ipx_print(struct nd *nd, const uint8_t *p);
void sll_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen);
void sll2_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen);
void null_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen, int loop);
void raw_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen);
void arp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen);
void aarp_print(struct nd *nd, const uint8_t *p, uint32_t len);	/* AppleTalk ARP */
void ip_print(struct nd *nd, const uint8_t *p, uint32_t len);
void ip6_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* The payload of an IPv4/IPv6 header iph by its protocol nh (print-ip.c). */
void ip_demux(struct nd *nd, const uint8_t *bp, uint32_t len, int ver, int frag,
	      uint8_t nh, const uint8_t *iph);
void ipver_print(struct nd *nd, const uint8_t *p, uint32_t len);
const char *ipproto_name(unsigned proto);
void tcp_print(struct nd *nd, const uint8_t *tp, uint32_t len, const uint8_t *iph, int fragmented);
void udp_print(struct nd *nd, const uint8_t *up, uint32_t len, const uint8_t *iph, int fragmented);
void icmp_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph, int fragmented);
void icmp6_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph, int fragmented);
void dns_print(struct nd *nd, const uint8_t *p, uint32_t len, int over_tcp, int mdns);
void http_print(struct nd *nd, const uint8_t *p, uint32_t len);
void rtsp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void sip_print(struct nd *nd, const uint8_t *p, uint32_t len);
void linetext_print(struct nd *nd, const uint8_t *p, uint32_t len,
		    const char *proto, const char *name);
extern const struct tok af_names[];	/* print-bgp.c: IANA address families */
void bgp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void ssh_print(struct nd *nd, const uint8_t *p, uint32_t len);
void resp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void ntp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void bootp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void syslog_print(struct nd *nd, const uint8_t *p, uint32_t len);
void vxlan_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-rtp.c: only by -T */
void rtp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void rtcp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void vat_print(struct nd *nd, const uint8_t *p, uint32_t len);
void otv_print(struct nd *nd, const uint8_t *p, uint32_t len);
void geneve_print(struct nd *nd, const uint8_t *p, uint32_t len);
void gre_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* ESP (print-ipsec.c), decrypted when -E has its SA: ver, frag and iph
 * are the IP header's. */
void esp_print(struct nd *nd, const uint8_t *p, uint32_t len, int ver, int frag,
	       const uint8_t *iph);
/* Decrypts ctlen bytes at ct (after the IV at iv) with sa and prints them
 * with print(nd, plaintext, length, arg); 0 when not decrypted. */
struct esp_sa;
int nd_decrypted(struct nd *nd, const struct esp_sa *sa, const uint8_t *iv, const uint8_t *ct,
		 unsigned ctlen, const char *who,
		 void (*print)(struct nd *, const uint8_t *, uint32_t, void *), void *arg);
void igmp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void vrrp_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph, int ver);
void carp_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph, int ver);
int mptcp_print(struct nd *nd, const uint8_t *cp, uint32_t len, uint8_t flags);
void lldp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-sctp.c */
void sctp_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph, int frag);
/* print-dns.c: a domain name, pointers relative to bp */
const uint8_t *dns_name_print(struct nd *nd, const uint8_t *cp, const uint8_t *bp);
/* print-dns.c: the record type and class names (TypeN, ClassN otherwise) */
extern const struct tok *const dns_type_names, *const dns_class_names;
/* print-forces.c, print-m3ua.c: SCTP DATA payloads */
void forces_print(struct nd *nd, const uint8_t *p, uint32_t len);
void m3ua_print(struct nd *nd, const uint8_t *p, uint32_t size);
/* print-dhcp6.c */
void dhcp6_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-ipsec.c: AH returns its length (<= 0: stop), then the next header follows */
int ah_print(struct nd *nd, const uint8_t *p, uint32_t len);
void ipcomp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void espinudp_print(struct nd *nd, const uint8_t *p, uint32_t len, int frag, const uint8_t *iph);
/* print-mpls.c, print-nflog.c */
void mpls_print(struct nd *nd, const uint8_t *p, uint32_t len);
void nflog_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen);
/* print-nfs*.c: NFS over Sun RPC; the UDP one returns 1 when it printed */
/* -T rpc: a Sun RPC call or reply, with the addresses (print-nfs.c) */
void rpc_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph);
int nfs_udp_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned sport, unsigned dport,
		  const uint8_t *iph);
void nfs_tcp_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned sport, unsigned dport,
		   const uint8_t *iph);
/* print-ptp.c: UDP 319/320 and ethertype 0x88f7 */
void ptp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-udpapps.c: small UDP protocols */
extern const struct tok bsd_af_names[];	/* print-sll.c */
void tftp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void rip_print(struct nd *nd, const uint8_t *p, uint32_t len);
void ripng_print(struct nd *nd, const uint8_t *p, uint32_t len);
void hsrp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void vxlan_gpe_print(struct nd *nd, const uint8_t *p, uint32_t len);
void bcm_li_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-l2apps.c: small Ethernet protocols.  macsec_print: the SecTAG
 * after an Ethernet header's first type field; moves *p past it and
 * takes it (and the ICV) off the lengths; 0: the payload is encrypted,
 * > 0: stop, this is the link header's length; -1: a type field follows */
void eap_print(struct nd *nd, const uint8_t *p, unsigned length);
void eapol_print(struct nd *nd, const uint8_t *p, uint32_t len);
int macsec_print(struct nd *nd, const uint8_t **p, uint32_t *len, uint32_t *caplen,
		 uint32_t *hdrlen, const uint8_t *src, const uint8_t *dst);
void loopback_print(struct nd *nd, const uint8_t *p, uint32_t len);
void msnlb_print(struct nd *nd, const uint8_t *p, uint32_t len);
void nsh_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* Arista's timestamp header: the bytes before the original type field, or
 * -1 when its subtype or format is unknown */
int arista_print(struct nd *nd, const uint8_t *p);
int gpe_next_print(struct nd *nd, unsigned np, const uint8_t *p, uint32_t len);
/* print-ntp.c: a 64-bit NTP timestamp */
void ntp_time_print(struct nd *nd, const uint8_t *p);
/* print-snmp.c, print-krb.c, print-radius.c (UDP) */
void snmp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void krb_print(struct nd *nd, const uint8_t *p, uint32_t len);
void radius_print(struct nd *nd, const uint8_t *p, uint32_t len);
void l2tp_print(struct nd *nd, const uint8_t *p, uint32_t len);	/* print-l2tp.c */
/* print-ospf*.c: IP protocol 89, OSPFv2 (ver 4) or OSPFv3 (ver 6) */
void ospf_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph, int ver);
/* print-pim.c: PIM (IP protocol 103) and PIMv1 (in IGMP); print-dvmrp.c: DVMRP (in IGMP) */
void pim_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph);
void pimv1_print(struct nd *nd, const uint8_t *p, uint32_t len);
void dvmrp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void cisco_autorp_print(struct nd *nd, const uint8_t *p, uint32_t len);	/* UDP 496 */
/* print-ppp*.c: the PPP link types and C-HDLC (returns the link header
 * length, as ether_print), PPP (in GRE) and PPPoE */
uint32_t ppp_dlt_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t len, uint32_t caplen);
void ppp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void pppoe_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-fr.c: the Frame Relay (Q.922) and multilink Frame Relay (FRF.16)
 * link types, returning the link header length as ether_print.
 * print-q933.c: Q.933 signalling (NLPID 0x08) after the Q.922 header. */
uint32_t fr_if_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen);
uint32_t mfr_if_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen);
/* The same without the link type's length check: a Q.922 frame, an
 * FRF.16 fragment or control frame; the header length for the -x dump */
uint32_t fr_print(struct nd *nd, const uint8_t *p, uint32_t len);
uint32_t mfr_print(struct nd *nd, const uint8_t *p, uint32_t len);
void q933_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-isakmp*.c: ISAKMP/IKE (UDP 500, 7500, 8500; after 4500's non-ESP marker) */
void isakmp_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph);
/* print-sflow.c */
void sflow_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-dccp.c (IP protocol 33); print-mobility.c (IPv6 mobility header,
 * returns its length or -1 to stop, as an extension header) */
void dccp_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph);
int mobility_print(struct nd *nd, const uint8_t *p, const uint8_t *ip6);
/* print-pgm.c: PGM (IP protocol 113, or UDP with -T pgm) and ZMTP/1.0 over
 * TCP (-T zmtp1) */
void pgm_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph);
void zmtp1_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-tcpapps.c: MSDP (TCP 639) and RPKI-RTR (TCP 323) */
void msdp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void rpki_rtr_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-telnet.c, print-pptp.c (TCP 23, 1723) */
void telnet_print(struct nd *nd, const uint8_t *p, uint32_t len);
void pptp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-isoclns.c: the OSI network layer by its NLPID (CLNP, ES-IS, and
 * IS-IS through print-isis*.c, whose isis_print returns 0 when tcpdump
 * would dump the PDU as unknown data) */
void isoclns_print(struct nd *nd, const uint8_t *p, uint32_t len);
int isis_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-isoclns.c, for CLNP, ES-IS and IS-IS: the NLPID names, an NSAP in
 * dotted hex (bounds-checked), the Fletcher checksum verdict */
extern const struct tok osi_nlpids[];
const char *osi_nsap_str(struct nd *nd, const uint8_t *p, unsigned n, char *buf);
void osi_cksum_print(struct nd *nd, const uint8_t *p, unsigned ck, int off, uint32_t len);
/* print-bgp-nlri.c: NSAP bytes in tcpdump's dotted hex */
const char *bgp_nsap_str(const uint8_t *p, unsigned n, char *buf);
/* print-ospf-lsa.c, for OSPF and IS-IS traffic engineering: the GMPLS
 * and DiffServ-TE names, an IEEE float of bytes/s as Mbit/s */
extern const struct tok te_link_prot[], te_switch_caps[], te_encodings[], te_bc_models[];
double te_mbps(uint32_t bits);
/* print-openflow*.c: TCP 6633, 6653 */
void openflow_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-decnet.c: DECnet Phase IV (ethertype 0x6003) */
void decnet_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen);
/* print-aoe.c, print-cfm.c: ethertypes 0x88a2, 0x8902/0xabcd */
void aoe_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-tipc.c: ethertype 0x88ca */
void tipc_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-vqp.c (UDP 1589), print-igrp.c (IP protocol 9) */
void vqp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void igrp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-lwapp.c (UDP 12222 data, 12223 control; ap_ident: an AP's MAC
 * address comes first), print-zephyr.c (UDP 2103/2104), print-lwres.c
 * (UDP 921) */
void lwapp_control_print(struct nd *nd, const uint8_t *p, uint32_t len, int ap_ident);
void lwapp_data_print(struct nd *nd, const uint8_t *p, uint32_t len);
void zephyr_print(struct nd *nd, const uint8_t *p, uint32_t len);
void lwres_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-cnfp.c (-T cnfp), print-wb.c (UDP destination 4567, -T wb),
 * print-lmp.c (UDP 701, -T lmp) */
void cnfp_print(struct nd *nd, const uint8_t *p);
void wb_print(struct nd *nd, const uint8_t *p, uint32_t len);
void lmp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void cfm_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-bfd.c, print-slow.c */
void bfd_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t dport);
void slow_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* Routing and control protocols.  IP protocols: print-eigrp.c (88),
 * print-rsvp*.c (46).  UDP ports: print-babel.c (6696/6697), print-ahcp.c
 * (5359), print-ldp.c (646, also TCP), print-lspping.c (3503),
 * print-lisp.c (4342), print-timed.c (525), print-aodv.c (654),
 * print-olsr.c (698), print-hncp.c (8231), print-someip.c (30490); v6:
 * the datagram came over IPv6.  print-mpls.c: RFC 4446 pseudowire types. */
void eigrp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void rsvp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void babel_print(struct nd *nd, const uint8_t *p, uint32_t len);
void ahcp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void ldp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void lspping_print(struct nd *nd, const uint8_t *p, uint32_t len);
void lisp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void timed_print(struct nd *nd, const uint8_t *p);
void aodv_print(struct nd *nd, const uint8_t *p, uint32_t len, int v6);
void olsr_print(struct nd *nd, const uint8_t *p, uint32_t len, int v6);
void hncp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void someip_print(struct nd *nd, const uint8_t *p, uint32_t len);
extern const struct tok mpls_pw_types[];
/* print-lldp-org.c, for print-lldp.c: an organisation-specific TLV's value
 * (len >= 3), 1 when -v should hex-dump it. */
int lldp_org_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* print-802_11*.c, print-radiotap.c: IEEE 802.11 frames (link type 105)
 * and with a radiotap header (127); both return the link header length.
 * pad: the header is padded to 4 bytes; fcslen: an FCS ends the frame. */
uint32_t ieee802_11_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen,
			  int pad, uint32_t fcslen);
uint32_t radiotap_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen);
/* print-802_11-mgmt.c: a management frame's body (after the 24-byte
 * header; src is its SA), and the WEP IV of a protected frame; 0 when
 * the body is cut short (the caller then marks the truncation) */
int wifi_mgmt_body_print(struct nd *nd, uint16_t fc, const uint8_t *src, const uint8_t *p,
			 uint32_t len);
int wifi_wep_print(struct nd *nd, const uint8_t *p);

/* print-802_15_4.c: IEEE 802.15.4 (link types 195, 230 and 283, dlt:
 * which), returning the link header length tcpdump counts; and, for
 * print-802_15_4-ie.c, an address of alen (0, 2, 8) bytes, bytes [from,
 * to) as "%02x ", the superframe specification, the pending address list
 * (its length, or -1 when it does not fit in avail). */
uint32_t wpan_if_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t caplen);
void wpan_addr_print(struct nd *nd, const uint8_t *p, int alen);
void wpan_bytes_print(struct nd *nd, const uint8_t *p, unsigned from, unsigned to);
void wpan_superframe_print(struct nd *nd, uint16_t ss);
int wpan_pending_print(struct nd *nd, const uint8_t *p, uint32_t avail);
/* print-802_15_4-ie.c: the header and payload IE lists in n bytes: the
 * bytes they took, or -1 after an error; *payload_ies: payload IEs follow */
int wpan_header_ies_print(struct nd *nd, const uint8_t *p, uint32_t n, int *payload_ies);
int wpan_payload_ies_print(struct nd *nd, const uint8_t *p, uint32_t n);

void tcp_tab_free(struct dissect_ctx *ctx);
void rx_tab_free(struct dissect_ctx *ctx);

#endif
