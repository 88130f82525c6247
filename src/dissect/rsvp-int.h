/* RSVP (print-rsvp.c, print-rsvp-obj.c): what the object value printers
 * share with the message printer. */
#ifndef PTCPDUMP_RSVP_INT_H
#define PTCPDUMP_RSVP_INT_H

#include "dissect-int.h"

/* One object being printed: its value (n bytes at p, all captured), its
 * C-Type, the indent of its lines, and for the integrity object the
 * message it signs (plen bytes at msg). */
struct rsvp_obj {
	const uint8_t *p, *msg;
	unsigned n, plen, ctype;
	const char *ind;
};

/* How a value printer ended: printed it, wants a hex dump after it, or
 * ends the message with one of tcpdump's complaints (R_FAIL: the
 * complaint is already printed). */
enum rsvp_res { R_OK, R_HEX, R_SHORT, R_SUBSHORT, R_INVALID, R_TRUNC, R_FAIL };

/* print-rsvp.c: "Class-Type" names by class << 8 | C-Type */
extern const struct tok rsvp_ctypes[];

/* print-rsvp-obj.c: IntServ specs (Sender TSpec, Adspec, Flowspec), EROs
 * and RROs, session attributes, generalized UNI, fast reroute, Juniper
 * properties, integrity, label sets */
enum rsvp_res rsvp_intserv(struct nd *nd, struct rsvp_obj *o);
enum rsvp_res rsvp_xro(struct nd *nd, struct rsvp_obj *o);
enum rsvp_res rsvp_session_attr(struct nd *nd, struct rsvp_obj *o);
enum rsvp_res rsvp_uni(struct nd *nd, struct rsvp_obj *o);
enum rsvp_res rsvp_frr(struct nd *nd, struct rsvp_obj *o);
enum rsvp_res rsvp_props(struct nd *nd, struct rsvp_obj *o);
enum rsvp_res rsvp_integrity(struct nd *nd, struct rsvp_obj *o, const uint8_t *hdr);
enum rsvp_res rsvp_label_set(struct nd *nd, struct rsvp_obj *o);

#endif
