/* Shared between print-icmp6.c and print-icmp6-ni.c. */
#ifndef PTCPDUMP_ICMP6_INT_H
#define PTCPDUMP_ICMP6_INT_H

#include "dissect-int.h"

/* Node information query/reply (types 139, 140). */
void icmp6_ni_print(struct nd *nd, const uint8_t *dp, uint32_t length);
/* Router renumbering (type 138). */
void icmp6_rr_print(struct nd *nd, const uint8_t *dp);
/* RPL control message (type 155): the body after the 4-byte header. */
void icmp6_rpl_print(struct nd *nd, uint8_t code, const uint8_t *bp, uint32_t length);

#endif
