/* Shared between the BGP printer files (print-bgp*.c). */
#ifndef PTCPDUMP_BGP_INT_H
#define PTCPDUMP_BGP_INT_H

#include "dissect-int.h"

#define BGP_NLRI_BUF 164	/* tcpdump formats NLRI into MAXHOSTNAMELEN + 100 */

/* An AS number as tcpdump prints it: plain, or with -b and above 65535 in
 * asdot (high.low); into buf (>= 12 bytes). */
const char *bgp_as_str(const struct nd *nd, uint32_t as, char *buf);
/* "a:b (= a.b.c.d)" and the other route distinguisher forms, into buf
 * (>= 64 bytes). */
const char *bgp_rd_str(struct nd *nd, const uint8_t *p, char *buf);
/* One RFC 4360 extended community's value (8 bytes at p). */
void bgp_extcomm_print(struct nd *nd, const uint8_t *p);
/* Is (afi, safi) a family tcpdump decodes? */
int bgp_family_known(unsigned afi, unsigned safi);
/* One NLRI of a multiprotocol attribute: bytes used, or < 0 (-2: the
 * capture ends). attrlen is what tcpdump checks each prefix against. */
int bgp_nlri_print(struct nd *nd, unsigned afi, unsigned safi, const uint8_t *p,
		   uint32_t attrlen, int ap4, int ap6);
/* RFC 7911 path ids guessed from the data. */
int bgp_add_path_guess(struct nd *nd, const uint8_t *p, uint32_t length, unsigned bits);
/* A plain IPv4/IPv6 prefix: bytes used, -1 bad length, -2 itemlen short */
int bgp_prefix(struct nd *nd, const uint8_t *p, uint32_t itemlen, char *buf, unsigned bits);
/* print-bgp-attr.c, for print-bgp.c: an UPDATE's path attributes; 0 when
 * cut short (truncation printed).  The AFI and SAFI names. */
int bgp_attrs_print(struct nd *nd, const uint8_t **pp, uint32_t len, uint32_t *length);
extern const struct tok bgp_safis[];

#endif
