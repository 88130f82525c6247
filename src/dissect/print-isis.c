/* IS-IS (stub: being written). */
#include "dissect-int.h"

int isis_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)nd; (void)p; (void)len;
	return 0;
}
