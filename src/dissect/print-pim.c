/* PIM and DVMRP: printed by the next commit; until then as before. */
#include "dissect-int.h"

void pim_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph)
{
	(void)p; (void)iph;
	P(" ip-proto-103 %u", len);
}
void pimv1_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)nd; (void)p; (void)len; }
void dvmrp_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)nd; (void)p; (void)len; }
