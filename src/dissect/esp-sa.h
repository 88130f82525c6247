/* -E: security associations for ESP and IKEv2 decryption (esp-sa.c). */
#ifndef PTCPDUMP_ESP_SA_H
#define PTCPDUMP_ESP_SA_H

#include <stdint.h>

struct esp_sas;
struct esp_sa;

/* tcpdump's -E argument.  0 with *out set (bad entries are left out with a
 * warning); -1 after an error message (a "file" that cannot be read). */
int esp_sas_parse(const char *spec, struct esp_sas **out);
void esp_sas_free(struct esp_sas *sas);

/* The SA for ESP with this SPI to daddr (4 or 16 bytes, by ver), else the
 * default SA, else NULL. */
const struct esp_sa *esp_sa_find(const struct esp_sas *sas, uint32_t spi, int ver,
				 const uint8_t *daddr);
/* The IKEv2 SA for these cookies and side, or NULL. */
const struct esp_sa *esp_sa_find_ikev2(const struct esp_sas *sas, int initiator,
				       const uint8_t *spii, const uint8_t *spir);
unsigned esp_sa_ivlen(const struct esp_sa *sa);
unsigned esp_sa_authlen(const struct esp_sa *sa);

/* ctlen bytes at ct decrypted with the IV at iv into a new buffer (one
 * byte longer, zeroed) for the caller to free; NULL after a warning naming
 * who when the cipher cannot take them. */
uint8_t *esp_sa_decrypt(const struct esp_sa *sa, const uint8_t *iv, const uint8_t *ct,
			unsigned ctlen, const char *who);

#endif
