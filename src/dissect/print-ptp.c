/* PTP: printed by the next commit; until then as any datagram. */
#include "dissect-int.h"

void ptp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)p;
	P("UDP, length %u", len);
}
