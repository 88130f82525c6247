/* ISAKMP/IKE: printed by the next commits; until then as any datagram. */
#include "dissect-int.h"

void isakmp_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph)
{
	(void)p; (void)iph;
	P("UDP, length %u", len);
}
