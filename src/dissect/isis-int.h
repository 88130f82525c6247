/* Shared between the IS-IS printers (print-isis*.c). */
#ifndef PTCPDUMP_ISIS_INT_H
#define PTCPDUMP_ISIS_INT_H

#include "dissect-int.h"

#define ISIS_SYSID_LEN	6
#define ISIS_NODEID_LEN	7
#define ISIS_LSPID_LEN	8

/* TLV types the sub-TLV decoders need to tell apart */
#define ISIS_TLV_IS_ALIAS_ID	24

/* A system, node or LSP id (len 6, 7 or 8) as "xxxx.xxxx.xxxx.yy-zz";
 * buf >= 21 bytes.  The bytes are fetch-checked. */
const char *isis_id_str(struct nd *nd, const uint8_t *p, unsigned len, char *buf);

/* tcpdump's print_unknown_data: 0 (after the "Dissector error" text) when
 * p lies past the captured data, else the captured part in hex and 1. */
int isis_hex(struct nd *nd, const uint8_t *p, const char *ident, uint32_t len);

/* A float of bytes per second as tcpdump prints megabits per second */

/* One neighbor of an extended IS reachability style TLV (22, 24, 222):
 * the bytes it took, 0 when the caller should report a truncation. */
int isis_ext_is_reach(struct nd *nd, const uint8_t *p, const char *ident,
		      unsigned tlv_type, uint32_t left);

/* One prefix of an extended IP reachability style TLV (135, 235, 236,
 * 237): the bytes it took, 0 when the caller should report a truncation. */
uint32_t isis_extd_ip_reach(struct nd *nd, const uint8_t *p, const char *ident, int v6);

/* The sub-TLVs of the router capability TLV (242) and the SPB TLVs
 * (143, 144). */
void isis_router_cap_subtlvs(struct nd *nd, const uint8_t *p, uint8_t len);
void isis_mt_port_cap_subtlvs(struct nd *nd, const uint8_t *p, uint32_t len);
void isis_mt_cap_subtlvs(struct nd *nd, const uint8_t *p, uint32_t len);

#endif
