/* OpenFlow (stub: being written). */
#include "dissect-int.h"

void openflow_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)nd; (void)p; (void)len; }
