/* OpenFlow printers: shared declarations (print-openflow*.c). */
#ifndef PTCPDUMP_OPENFLOW_INT_H
#define PTCPDUMP_OPENFLOW_INT_H

#include "dissect-int.h"

#define OF_HDR_LEN 8U

/* tok2str into a local char buf[FMTBUF] */
#define FMTBUF 32
#define TOK(t, f, v) tok2str(t, f, v, buf, sizeof(buf))

/* Length rule a message body must satisfy before it is decoded. */
enum of_req { OF_ANYLEN, OF_FIXLEN, OF_MINLEN };

typedef void (*of_decoder)(struct nd *nd, const uint8_t *p, uint32_t len);

struct of_msgtype {
	const char *name;
	of_decoder decode;	/* NULL: the body is not decoded */
	enum of_req req;
	uint16_t reqlen;
};

/* Values both versions name alike: the switch configuration flags, the
 * port status reasons, the HELLO_FAILED and QUEUE_OP_FAILED error codes. */
extern const struct tok ofp_config_str[], ofppr_str[], ofphfc_str[], ofpqofc_str[];

const struct of_msgtype *of10_msgtype(uint8_t type);
const struct of_msgtype *of13_msgtype(uint8_t type);

/* Vendor/experimenter name: an OUI or an ONF experimenter ID. */
const char *of_vendor_name(uint32_t vendor);
/* " (names)" for known bits, " (bogus)" for bits in the unassigned mask u. */
void of_bitmap_print(struct nd *nd, const struct tok *t, uint32_t v, uint32_t u);
/* "\n\t data (N octets)" and, with -vv, a hex and ASCII dump. */
void of_data_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* OF 1.0 vendor data from the vendor ID on (print-openflow-bsn.c): a VENDOR
 * message body, a vendor action after its type and length, a vendor
 * statistics request or reply body. */
void of10_vendor_message_print(struct nd *nd, const uint8_t *p, uint32_t len);
void of10_vendor_action_print(struct nd *nd, const uint8_t *p, uint32_t len);
void of10_vendor_data_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* An ERROR body: type by types, code by codes[type] (ncodes of them),
 * then the data. */
void of_error_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct tok *types,
		    const struct tok *const *codes, size_t ncodes);
/* " (invalid)" */
void of_invalid(struct nd *nd);

#endif
