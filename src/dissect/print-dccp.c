/* DCCP and the IPv6 mobility header: printed by the next commits. */
#include "dissect-int.h"

void dccp_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph)
{
	(void)p; (void)iph;
	P(" ip-proto-33 %u", len);
}

int mobility_print(struct nd *nd, const uint8_t *p, const uint8_t *ip6)
{
	(void)nd; (void)p; (void)ip6;
	return -1;
}
