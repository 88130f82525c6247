/* Rx / AFS printing (print-rx*.c): the state one service printer works
 * on, and the argument printers the services share. */
#ifndef PTCPDUMP_RX_INT_H
#define PTCPDUMP_RX_INT_H

#include <setjmp.h>

#include "dissect-int.h"

#define RX_HDR_LEN 28
#define RX_DATA 1
#define RX_ABORT 4

/* One call or reply being printed: bp walks its arguments.  A missing
 * argument that tcpdump only checks (not fetches) ends the printer with
 * " [|svc]" through tj; a failed fetch ends the packet (nd->jb). */
struct rxp {
	struct nd *nd;
	const uint8_t *bp;
	const uint8_t *hdr;	/* the Rx header */
	uint32_t len;
	const char *svc;
	jmp_buf tj;
};

_Noreturn void rx_cut(struct rxp *r);
void rx_need(struct rxp *r, size_t n);
uint32_t rx_u4(struct rxp *r);
void rx_int(struct rxp *r);
void rx_uint(struct rxp *r);
void rx_u64(struct rxp *r);
void rx_date(struct rxp *r);
void rx_fid(struct rxp *r);
void rx_str(struct rxp *r, uint32_t max);
void rx_storeattr(struct rxp *r);
void rx_ubikver(struct rxp *r);
void rx_uuid(struct rxp *r);
void rx_vec(struct rxp *r, uint32_t max);
void rx_destserver(struct rxp *r);
/* " <none!>" when a counted list was empty; ",": between items */
void rx_list(struct rxp *r, void (*item)(struct rxp *), int commas);
void rx_say(struct rxp *r, const char *s);
/* A call: " svc call NAME", r->bp at its arguments (0: no opcode) */
int rx_call_head(struct rxp *r, const char *svc, const struct tok *ops, uint32_t *op);
/* A reply: "[ svc] reply NAME"; returns the packet type */
uint8_t rx_reply_head(struct rxp *r, const char *svc, const struct tok *ops, uint32_t op);
int rx_is_ubik(uint32_t op);
/* A database service's (pt, vldb, kauth) call or reply: " svc", then
 * ubik's opcodes go to the ubik printer; 1 when the caller goes on */
int rx_db_call(struct rxp *r, const char *svc, uint32_t *op);
int rx_db_reply(struct rxp *r, const char *svc, uint32_t op);
void rx_ubik_call(struct rxp *r);
void rx_ubik_reply(struct rxp *r, uint32_t op);

/* print-rx-afs.c: file server, callback, protection server */
void rx_fs_call(struct rxp *r);
void rx_fs_reply(struct rxp *r, uint32_t op);
void rx_cb_call(struct rxp *r);
void rx_cb_reply(struct rxp *r, uint32_t op);
void rx_pt_call(struct rxp *r);
void rx_pt_reply(struct rxp *r, uint32_t op);
/* print-rx-svc.c: volume location, kauth, volume, bos servers */
void rx_vldb_call(struct rxp *r);
void rx_vldb_reply(struct rxp *r, uint32_t op);
void rx_kauth_call(struct rxp *r);
void rx_kauth_reply(struct rxp *r, uint32_t op);
void rx_vol_call(struct rxp *r);
void rx_vol_reply(struct rxp *r, uint32_t op);
void rx_bos_call(struct rxp *r);
void rx_bos_reply(struct rxp *r, uint32_t op);

void rx_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport,
	      const uint8_t *iph);

#endif
