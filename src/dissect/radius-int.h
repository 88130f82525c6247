/* RADIUS (print-radius.c, print-radius-attr.c): what the attribute value
 * printers share with the packet printer. */
#ifndef PTCPDUMP_RADIUS_INT_H
#define PTCPDUMP_RADIUS_INT_H

#include "dissect-int.h"

/* How an attribute's value is shown. */
enum rad_kind {
	RK_NONE,	/* nothing (a -vv hex dump only) */
	RK_STRING,	/* text; tunnel tags, VLAN tags and EAP first */
	RK_NUM,		/* a 32-bit number, named from vals when given */
	RK_ADDR4,
	RK_ADDR6,
	RK_PREFIX6,	/* reserved octet, prefix length, prefix (RFC 3162) */
	RK_VENDOR,	/* Vendor-Specific */
	RK_TIME,	/* seconds since 1970, local time */
	RK_STRANGE,	/* ARAP attributes, Error-Cause */
	RK_VECTOR64,	/* MIP6-Feature-Vector */
	RK_HOMEPFX,	/* MIP6-Home-Link-Prefix */
	RK_OPNAME,	/* Operator-Name */
	RK_LOCINFO,	/* Location-Information */
	RK_LOCDATA,	/* Location-Data */
	RK_BLPR		/* Basic-Location-Policy-Rules */
};

struct rad_attr_type {
	const char *name;
	const char *const *vals;	/* value names, indexed by value */
	uint8_t nvals;			/* entries in vals */
	uint8_t first;			/* the lowest value that has a name */
	uint8_t kind;			/* enum rad_kind */
};

/* Attribute types 0 .. RAD_NTYPES - 1 (print-radius-attr.c) */
#define RAD_NTYPES 130
extern const struct rad_attr_type rad_types[RAD_NTYPES];
extern const struct tok rad_vendors[];

/* Attribute types the printers treat specially */
#define RA_SERVICE_TYPE 6
#define RA_FRAMED_IP 8
#define RA_LOGIN_IP_HOST 14
#define RA_FRAMED_IPX 23
#define RA_SESSION_TIMEOUT 27
#define RA_IDLE_TIMEOUT 28
#define RA_ATALK_LINK 37
#define RA_ATALK_NETWORK 38
#define RA_ACCT_DELAY 41
#define RA_ACCT_SESSION_TIME 46
#define RA_EGRESS_VLANID 56
#define RA_EGRESS_VLAN_NAME 58
#define RA_TUNNEL_TYPE 64
#define RA_TUNNEL_MEDIUM 65
#define RA_TUNNEL_CLIENT_END 66
#define RA_TUNNEL_SERVER_END 67
#define RA_TUNNEL_PASSWORD 69
#define RA_ARAP_PASSWORD 70
#define RA_ARAP_FEATURES 71
#define RA_EAP_MESSAGE 79
#define RA_TUNNEL_PRIV_GROUP 81
#define RA_TUNNEL_ASSIGN_ID 82
#define RA_TUNNEL_PREFERENCE 83
#define RA_ARAP_CHALLENGE 84
#define RA_ACCT_INTERIM 85
#define RA_TUNNEL_CLIENT_AUTH 90
#define RA_TUNNEL_SERVER_AUTH 91
#define RA_ERROR_CAUSE 101

/* Values of the kinds from RK_TIME on, len octets at p (the others are
 * printed by print-radius.c). */
void rad_attr_time(struct nd *nd, const uint8_t *p, unsigned len);
void rad_attr_strange(struct nd *nd, const uint8_t *p, unsigned len, unsigned code);
void rad_attr_vector64(struct nd *nd, const uint8_t *p, unsigned len);
void rad_attr_homepfx(struct nd *nd, const uint8_t *p, unsigned len);
void rad_attr_opname(struct nd *nd, const uint8_t *p, unsigned len);
void rad_attr_locinfo(struct nd *nd, const uint8_t *p, unsigned len);
void rad_attr_locdata(struct nd *nd, const uint8_t *p, unsigned len);
void rad_attr_blpr(struct nd *nd, const uint8_t *p, unsigned len);

#endif
