/* Shared between print-ppp*.c and print-chdlc.c. */
#ifndef PTCPDUMP_PPP_INT_H
#define PTCPDUMP_PPP_INT_H

#include "dissect-int.h"

#define PPP_LCP_	0xc021
#define PPP_PAP_	0xc023
#define PPP_LQM_	0xc025
#define PPP_SPAP_	0xc027
#define PPP_CHAP_	0xc223
#define PPP_SPAP_OLD_	0xc123
#define PPP_EAP_	0xc227
#define PPP_VJC_	0x002d

/* PPP protocol names */
extern const struct tok ppp_protos[];

/* tcpdump's print_unknown_data with an unsigned length and the
 * "Dissector error" for a pointer outside the data */
void ppp_hexdump(struct nd *nd, const uint8_t *p, const char *ident, uint32_t len);

/* One configuration option of a control protocol at p; len is the whole
 * packet's encoded length.  Returns the option length, 0 to stop. */
uint32_t lcp_opt_print(struct nd *nd, const uint8_t *p, uint32_t len);
uint32_t ipcp_opt_print(struct nd *nd, const uint8_t *p, uint32_t len);
uint32_t ip6cp_opt_print(struct nd *nd, const uint8_t *p, uint32_t len);
uint32_t ccp_opt_print(struct nd *nd, const uint8_t *p, uint32_t len);
uint32_t bacp_opt_print(struct nd *nd, const uint8_t *p, uint32_t len);

/* The PPP printer (address/control, protocol, payload); returns the
 * header length it took */
uint32_t ppp_hdr_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* PPPoE; returns the header length (PPPoE and PPP) */
uint32_t pppoe_hdr_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* Cisco HDLC; returns the header length */
uint32_t chdlc_print(struct nd *nd, const uint8_t *p, uint32_t len);

#endif
