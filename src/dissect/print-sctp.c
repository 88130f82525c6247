/* SCTP: printed by the next commit; until then as before (IP protocol 132). */
#include "dissect-int.h"

void sctp_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph, int frag)
{
	(void)p; (void)iph; (void)frag;
	P(" ip-proto-132 %u", len);
}
