/* Cisco VQP (VLAN Query Protocol, UDP 1589), as tcpdump 4.99 prints it:
 * one line without -v, the header and its objects with it. */
#include "dissect-int.h"

static const struct tok vqp_msg_types[] = {
	{ 1, "Request, Join Port" }, { 2, "Response, VLAN" },
	{ 3, "Request, Reconfirm" }, { 4, "Response, Reconfirm" }, { 0, NULL }
};

static const struct tok vqp_errors[] = {
	{ 0, "No error" }, { 3, "Access denied" }, { 4, "Shutdown port" },
	{ 5, "Wrong VTP domain" }, { 0, NULL }
};

static const struct tok vqp_objs[] = {
	{ 0x0c01, "Client IP Address" }, { 0x0c02, "Port Name" }, { 0x0c03, "VLAN Name" },
	{ 0x0c04, "VTP Domain" }, { 0x0c05, "Ethernet Packet" }, { 0x0c06, "MAC Null" },
	{ 0x0c08, "MAC Address" }, { 0, NULL }
};

void vqp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned ver, items, err;
	uint32_t left = len;
	char b1[32];

	nd->proto = "vqp";
	gcheck(nd, p, 8);
	if (len < 8) {
		P(" (invalid)");
		return;
	}
	ver = g1(nd, p);
	if (ver != 1) {
		P("VQP version %u packet not supported", ver);
		return;
	}
	err = g1(nd, p + 2);
	P("%sVQPv%u%s %s Message, error-code %s (%u), ", nd->o->vflag ? "\n\t" : "", ver,
	  nd->o->vflag ? "," : "", tok2str(vqp_msg_types, "unknown (%u)", g1(nd, p + 1), b1,
					   sizeof(b1)),
	  tok_or(vqp_errors, err, "unknown"), err);
	if (!nd->o->vflag) {
		P("length %u", len);
		return;
	}
	items = g1(nd, p + 3);
	P("seq 0x%08x, items %u, length %u", g4(nd, p + 4), items, len);
	p += 8;
	left -= 8;
	while (items && left) {
		uint32_t type;
		unsigned olen;
		char buf[46];

		gcheck(nd, p, 6);
		if (left < 6)
			goto invalid;
		type = g4(nd, p);
		olen = g2(nd, p + 4);
		p += 6;
		left -= 6;
		P("\n\t  %s Object (0x%08x), length %u, value: ", tok_or(vqp_objs, type, "Unknown"),
		  type, olen);
		if (type == 0 || olen == 0)
			return;
		gcheck(nd, p, olen);
		if (olen > left)
			goto invalid;
		switch (type) {
		case 0x0c01:
			if (olen != 4)
				goto invalid;
			P("%s (0x%08x)", ip4_str(nd, p, buf), g4(nd, p));
			break;
		case 0x0c02: case 0x0c03: case 0x0c04: case 0x0c05:
			chars_print_z(nd, p, olen);
			break;
		case 0x0c06: case 0x0c08:
			if (olen != 6)
				goto invalid;
			P("%s", mac_str(nd, p, buf));
			break;
		default:
			if (nd->o->vflag <= 1)
				unknown_data_print(nd, p, "\n\t    ", (int)olen);
			break;
		}
		p += olen;
		left -= olen;
		items--;
	}
	return;
invalid:
	P(" (invalid)");
}
