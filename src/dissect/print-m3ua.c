/* M3UA (RFC 4666) in SCTP DATA chunks, as tcpdump 4.99.3 prints it: the
 * common header, the message class and type, and with -vv the parameters. */

#include "dissect-int.h"

static const struct tok m3ua_classes[] = {
	{ 0, "Management" }, { 1, "Transfer" }, { 2, "SS7" }, { 3, "ASP" },
	{ 4, "ASP" }, { 9, "Routing Key Management" }, { 0, NULL }
};
static const struct tok m3ua_mgmt[] = { { 0, "Error" }, { 1, "Notify" }, { 0, NULL } };
static const struct tok m3ua_transfer[] = { { 1, "Data" }, { 0, NULL } };
static const struct tok m3ua_ssnm[] = {
	{ 1, "Destination Unavailable" }, { 2, "Destination Available" },
	{ 3, "Destination State Audit" }, { 4, "Signalling Congestion" },
	{ 5, "Destination User Part Unavailable" }, { 6, "Destination Restricted" },
	{ 0, NULL }
};
static const struct tok m3ua_aspsm[] = {
	{ 1, "Up" }, { 2, "Down" }, { 3, "Heartbeat" }, { 4, "Up Acknowledgement" },
	{ 5, "Down Acknowledgement" }, { 6, "Heartbeat Acknowledgement" }, { 0, NULL }
};
static const struct tok m3ua_asptm[] = {
	{ 1, "Active" }, { 2, "Inactive" }, { 3, "Active Acknowledgement" },
	{ 4, "Inactive Acknowledgement" }, { 0, NULL }
};
static const struct tok m3ua_rkm[] = {
	{ 1, "Registration Request" }, { 2, "Registration Response" },
	{ 3, "Deregistration Request" }, { 4, "Deregistration Response" }, { 0, NULL }
};
static const struct tok m3ua_params[] = {
	{ 0x0004, "INFO String" }, { 0x0006, "Routing Context" },
	{ 0x0007, "Diagnostic Info" }, { 0x0009, "Heartbeat Data" },
	{ 0x000b, "Traffic Mode Type" }, { 0x000c, "Error Code" },
	{ 0x000d, "Status" }, { 0x0011, "ASP Identifier" },
	{ 0x0012, "Affected Point Code" }, { 0x0013, "Correlation ID" },
	{ 0x0200, "Network Appearance" }, { 0x0204, "User/Cause" },
	{ 0x0205, "Congestion Indications" }, { 0x0206, "Concerned Destination" },
	{ 0x0207, "Routing Key" }, { 0x0208, "Registration Result" },
	{ 0x0209, "Deregistration Result" }, { 0x020a, "Local Routing Key Identifier" },
	{ 0x020b, "Destination Point Code" }, { 0x020c, "Service Indicators" },
	{ 0x020e, "Originating Point Code List" }, { 0x0210, "Protocol Data" },
	{ 0x0212, "Registration Status" }, { 0x0213, "Deregistration Status" },
	{ 0, NULL }
};

/* " (invalid)", then the whole message must have been captured. */
static void m3ua_invalid(struct nd *nd, const uint8_t *p, uint32_t n)
{
	P(" (invalid)");
	gcheck(nd, p, n);
}

static void m3ua_params_print(struct nd *nd, const uint8_t *buf, uint32_t size)
{
	const uint8_t *p = buf;
	char b[48];

	while (p < buf + size) {
		unsigned tag, plen, pad;

		if ((size_t)(buf + size - p) < 4) {
			m3ua_invalid(nd, buf, size);
			return;
		}
		tag = g2(nd, p);
		P("\n\t\t\t%s: ", tok2str(m3ua_params, "Unknown Parameter (0x%04x)", tag, b, sizeof(b)));
		plen = g2(nd, p + 2);
		if (plen < 4) {
			m3ua_invalid(nd, buf, size);
			return;
		}
		pad = (unsigned)((p - buf) + plen) % 4;
		pad = pad ? 4 - pad : 0;
		gcheck(nd, p, plen + pad);
		switch (tag) {
		case 0x0200: case 0x0006: case 0x0013:
			/* tcpdump 4.99.3 shows the parameter's first four
			 * bytes, its own tag and length, as the value */
			if (plen - 4 < 4) {
				P(" (invalid)");
				break;
			}
			P("0x%08x", g4(nd, p));
			break;
		default:
			P("(length %u)", plen);
			break;
		}
		p += plen + pad;
	}
}

void m3ua_print(struct nd *nd, const uint8_t *p, uint32_t size)
{
	const struct tok *msgs = NULL;
	unsigned cls;
	char b[48];

	nd->proto = "m3ua";
	if (size < 8) {
		m3ua_invalid(nd, p, size);
		return;
	}
	gcheck(nd, p, 8);
	if (p[0] != 1)
		return;
	cls = p[2];
	switch (cls) {
	case 0: msgs = m3ua_mgmt; break;
	case 1: msgs = m3ua_transfer; break;
	case 2: msgs = m3ua_ssnm; break;
	case 3: msgs = m3ua_aspsm; break;
	case 4: msgs = m3ua_asptm; break;
	case 9: msgs = m3ua_rkm; break;
	}
	P("\n\t\t%s", tok2str(m3ua_classes, "Unknown message class %i", cls, b, sizeof(b)));
	if (msgs)
		P(" %s Message", tok2str(msgs, "Unknown (0x%02x)", p[3], b, sizeof(b)));
	if (size != g4(nd, p + 4))
		P("\n\t\t\t@@@@@@ Corrupted length %u of message @@@@@@", g4(nd, p + 4));
	else
		m3ua_params_print(nd, p + 8, size - 8);
}
