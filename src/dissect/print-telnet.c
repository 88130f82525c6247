/* Telnet and PPTP: printed by the next commits. */
#include "dissect-int.h"

void telnet_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)nd; (void)p; (void)len; }
void pptp_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)nd; (void)p; (void)len; }
