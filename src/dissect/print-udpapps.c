/* TFTP, RIP, RIPng, HSRP, VXLAN-GPE: printed by the next commit. */
#include "dissect-int.h"

static void generic(struct nd *nd, uint32_t len)
{
	P("UDP, length %u", len);
}
void tftp_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)p; generic(nd, len); }
void rip_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)p; generic(nd, len); }
void ripng_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)p; generic(nd, len); }
void hsrp_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)p; generic(nd, len); }
void vxlan_gpe_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)p; generic(nd, len); }
