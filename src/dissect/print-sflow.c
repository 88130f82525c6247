/* sFlow: printed by the next commits; until then as any datagram. */
#include "dissect-int.h"

void sflow_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)p; P("UDP, length %u", len); }
