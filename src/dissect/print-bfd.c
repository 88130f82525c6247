/* BFD: printed by the next commit; until then as any datagram. */
#include "dissect-int.h"

void bfd_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t dport)
{
	(void)p; (void)dport;
	P("UDP, length %u", len);
}
