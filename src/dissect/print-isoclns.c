/* The OSI network layer: printed by the next commits; until then the
 * partial dispatcher of print-chdlc.c. */
#include "ppp-int.h"

void isoclns_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	osi_print(nd, p, len);
}
