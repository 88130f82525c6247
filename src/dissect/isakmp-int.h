/* Shared between the ISAKMP/IKE printers: print-isakmp.c (the message
 * header, the payload chains, common helpers), print-isakmp-v1.c (IKEv1
 * payloads) and print-ikev2.c (IKEv2 payloads). */
#ifndef PTCPDUMP_ISAKMP_INT_H
#define PTCPDUMP_ISAKMP_INT_H

#include "dissect-int.h"

/* Next payload numbers the printers refer to by value. */
enum {
	IKE_NP_NONE = 0, IKE_NP_SA = 1, IKE_NP_P = 2, IKE_NP_T = 3, IKE_NP_KE = 4,
	IKE_NP_ID = 5, IKE_NP_CERT = 6, IKE_NP_CR = 7, IKE_NP_HASH = 8,
	IKE_NP_SIG = 9, IKE_NP_NONCE = 10, IKE_NP_N = 11, IKE_NP_D = 12,
	IKE_NP_VID = 13, IKE_NP_V2E = 46,
};

/* A payload printer.  ext is the payload's generic header, item_len its
 * length field (> 4), ep the end of the captured data.  Returns where the
 * next payload starts, or NULL to end the chain (text already printed). */
typedef const uint8_t *ike_pay_fn(struct nd *nd, unsigned tpay, const uint8_t *ext,
				  unsigned item_len, const uint8_t *ep, unsigned phase,
				  unsigned doi, unsigned proto, int depth);

/* Value names indexed by number; "#N" (in buf, >= 16 bytes) otherwise. */
const char *ike_str_or_id(const char *const *tab, size_t n, unsigned v, char *buf);
#define IKE_SOI(tab, v, buf) ike_str_or_id(tab, sizeof(tab) / sizeof((tab)[0]), v, buf)
const char *ike_np_str(unsigned np, char *buf);
const char *ike_protoid_str(unsigned v, char *buf);

/* Bytes in hex; 0 (nothing printed) when they were not all captured. */
int ike_raw(struct nd *nd, const uint8_t *p, size_t len);
/* " data=(first 10 bytes...last 20 bytes)" of [cp, ep); 0 when cut. */
int ike_somedata(struct nd *nd, const uint8_t *cp, const uint8_t *ep);
/* " [|NAME]" for next payload type np; returns NULL. */
const uint8_t *ike_pay_trunc(struct nd *nd, unsigned np);
/* "\n", four spaces per depth level, "(" */
void ike_open(struct nd *nd, int depth);

/* Data attributes (RFC 2408 3.3) with optional names. */
struct ike_attrmap {
	const char *type;
	unsigned nvalue;
	const char *value[19];
};
/* One attribute, ending at most at ep2: its end, ep2 + 1 when it runs
 * past ep2 ("[|attr]"), NULL when its value was not captured. */
const uint8_t *ike_attr_print(struct nd *nd, const uint8_t *p, const uint8_t *ep2,
			      const struct ike_attrmap *map, size_t nmap);
/* A transform's attributes [cp, min(ep, ep2)); NULL when cut short. */
const uint8_t *ike_attrs_print(struct nd *nd, const uint8_t *cp, const uint8_t *ep,
			       const uint8_t *ep2, const struct ike_attrmap *map, size_t nmap);

/* The IKEv1 payload chain starting with type np at ext. */
const uint8_t *ikev1_sub_print(struct nd *nd, unsigned np, const uint8_t *ext,
			       const uint8_t *ep, unsigned phase, unsigned doi,
			       unsigned proto, int depth);

/* The IKEv2 payload chain starting with type np at ext. */
const uint8_t *ikev2_sub_print(struct nd *nd, unsigned np, const uint8_t *ext,
			       const uint8_t *ep, unsigned phase, unsigned doi,
			       unsigned proto, int depth);

extern const char *const ike_esp_names[13];
extern const char *const ike_dh_names[19];

/* print-isakmp-v1.c */
ike_pay_fn ikev1_sa_print, ikev1_p_print, ikev1_t_print, ikev1_id_print,
	ikev1_cert_print, ikev1_hash_print, ikev1_nonce_print, ikev1_n_print,
	ikev1_d_print;
/* print-ikev2.c */
ike_pay_fn ikev2_sa_print, ikev2_ke_print, ikev2_id_print, ikev2_gen_print,
	ikev2_auth_print, ikev2_nonce_print, ikev2_n_print, ikev2_vid_print,
	ikev2_e_print;

#endif
