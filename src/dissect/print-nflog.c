/* NFLOG link type: printed by the next commit; until then unknown. */
#include "dissect-int.h"

void nflog_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	(void)p; (void)caplen;
	P("unknown link type %d, length %u", DLT_NFLOG_, len);
}
