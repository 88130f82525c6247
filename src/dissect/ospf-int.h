/* Shared between the OSPF printers: print-ospf.c (OSPFv2 packets),
 * print-ospf-lsa.c (OSPFv2 LSAs and the TE/grace TLVs both versions use)
 * and print-ospf6.c (OSPFv3). */
#ifndef PTCPDUMP_OSPF_INT_H
#define PTCPDUMP_OSPF_INT_H

#include "dissect-int.h"

/* OSPFv2 names: options bits, LSA types, opaque LSA types */
extern const struct tok ospf_option_bits[];
extern const struct tok ospf_lsa_types[];
extern const struct tok ospf_opaque_types[];

/* tcpdump's print_unknown_data: a hex dump of what was captured of len
 * bytes; 0 (after an error line) when p lies past the captured data. */
int ospf_hex(struct nd *nd, const uint8_t *p, const char *ident, uint32_t len);

/* pre, then the names of the bits set in v as "[a, b]" (dflt: none set) */
void ospf_bits(struct nd *nd, const char *pre, const struct tok *t, const char *dflt,
	       unsigned v);

/* An OSPFv2 LSA header: the LSA length, or -1 when it is shorter than the
 * header (after a "Bogus length" line). */
int ospf_lshdr_print(struct nd *nd, const uint8_t *p);

/* A whole OSPFv2 LSA: the end of it, NULL when its header was bogus. */
const uint8_t *ospf_lsa_print(struct nd *nd, const uint8_t *p);

/* The TLVs of a traffic engineering or a grace LSA body: 0, or -1 when
 * decoding stopped (bad lengths or data not captured). */
int ospf_te_tlvs_print(struct nd *nd, const uint8_t *p, uint32_t len);
int ospf_grace_tlvs_print(struct nd *nd, const uint8_t *p, uint32_t len);

/* OSPFv3, the IPv6 payload */
void ospf6_print(struct nd *nd, const uint8_t *p, uint32_t len);

#endif
