/* OSPF: printed by the next commit; until then as before. */
#include "dissect-int.h"

void ospf_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph, int ver)
{
	(void)p; (void)iph; (void)ver;
	P(" ip-proto-89 %u", len);
}
