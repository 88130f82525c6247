/* AH, IPComp and ESP in UDP: printed by the next commit; until then as before. */
#include "dissect-int.h"

int ah_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)p;
	P(" ip-proto-51 %u", len);
	return 0;
}

void ipcomp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)p;
	P(" ip-proto-108 %u", len);
}

void espinudp_print(struct nd *nd, const uint8_t *p, uint32_t len, int frag)
{
	(void)p; (void)frag;
	P("UDP, length %u", len);
}
