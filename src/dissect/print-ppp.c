/* PPP, C-HDLC, PPPoE: printed by the next commit; until then as before. */
#include "dissect-int.h"

uint32_t ppp_dlt_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	(void)p; (void)caplen;
	P("unknown link type %d, length %u", dlt, len);
	return 0;
}
void ppp_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)p; (void)len; P("gre-proto-0x880b"); }
void pppoe_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)nd; (void)p; (void)len; }
