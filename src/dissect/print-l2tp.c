/* L2TP: printed by the next commits; until then as any datagram. */
#include "dissect-int.h"

void l2tp_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)p; P("UDP, length %u", len); }
