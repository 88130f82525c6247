/* SOME/IP, the automotive RPC and service discovery protocol (UDP
 * 30490), as tcpdump 4.99.3 prints it: the 16-byte header in one line
 * (and, as tcpdump, an empty line after it). */
#include "dissect-int.h"

static const struct tok msg_types[] = {
	{ 0x00, "REQUEST" }, { 0x01, "REQUEST_NO_RETURN" }, { 0x02, "NOTIFICATION" },
	{ 0x80, "RESPONSE" }, { 0x81, "ERROR" }, { 0x20, "TP_REQUEST" },
	{ 0x21, "TP_REQUEST_NO_RETURN" }, { 0x22, "TP_NOTIFICATION" }, { 0xa0, "TP_RESPONSE" },
	{ 0xa1, "TP_ERROR" }, { 0, NULL }
};

static const struct tok return_codes[] = {
	{ 0x00, "E_OK" }, { 0x01, "E_NOT_OK" }, { 0x02, "E_UNKNOWN_SERVICE" },
	{ 0x03, "E_UNKNOWN_METHOD" }, { 0x04, "E_NOT_READY" }, { 0x05, "E_NOT_REACHABLE" },
	{ 0x06, "E_TIMEOUT" }, { 0x07, "E_WRONG_PROTOCOL_VERSION" },
	{ 0x08, "E_WRONG_INTERFACE_VERSION" }, { 0x09, "E_MALFORMED_MESSAGE" },
	{ 0x0a, "E_WRONG_MESSAGE_TYPE" }, { 0x0b, "E_E2E_REPEATED" },
	{ 0x0c, "E_E2E_WRONG_SEQUENCE" }, { 0x0d, "E_E2E" }, { 0x0e, "E_E2E_NOT_AVAILABLE" },
	{ 0x0f, "E_E2E_NO_NEW_DATA" }, { 0, NULL }
};

void someip_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t id;

	nd->proto = "someip";
	P("SOMEIP");
	if (len < 16) {
		P(" (invalid)");
		return;
	}
	/* field by field, as a cut header ends after the last whole one */
	id = g4(nd, p);
	P(", service %u, %s %u", id >> 16, id & 0x8000 ? "event" : "method", id & 0x7fff);
	P(", len %u", g4(nd, p + 4));
	id = g4(nd, p + 8);
	P(", client %u, session %u", id >> 16, id & 0xffff);
	P(", pver %u", g1(nd, p + 12));
	P(", iver %u", g1(nd, p + 13));
	P(", msgtype %s", tok_or(msg_types, g1(nd, p + 14), "Unknown"));
	P(", retcode %s\n", tok_or(return_codes, g1(nd, p + 15), "Unknown"));
}
