/* Slow protocols: printed by the next commit. */
#include "dissect-int.h"

void slow_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)nd; (void)p; (void)len;
}
