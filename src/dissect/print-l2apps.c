/* EAPOL, MACsec, loopback, MS NLB, NSH: printed by the next commit. */
#include "dissect-int.h"

void eapol_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)nd; (void)p; (void)len; }
int macsec_print(struct nd *nd, const uint8_t **p, uint32_t *len, uint32_t *caplen,
		 uint32_t *hdrlen, const uint8_t *src, const uint8_t *dst)
{
	(void)nd; (void)p; (void)len; (void)caplen; (void)src; (void)dst;
	return (int)*hdrlen;
}
void loopback_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)nd; (void)p; (void)len; }
void msnlb_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)nd; (void)p; (void)len; }
void nsh_print(struct nd *nd, const uint8_t *p, uint32_t len) { (void)nd; (void)p; (void)len; }
