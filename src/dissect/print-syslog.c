/* Syslog over UDP (port 514), as tcpdump prints it: the facility and
 * severity from the <PRI> that starts the message; with -v the message
 * itself, as sent, and with -vv the datagram in hex too. */
#include <stdint.h>

#include "dissect-int.h"

static const struct tok severities[] = {
	{ 0, "emergency" }, { 1, "alert" }, { 2, "critical" }, { 3, "error" },
	{ 4, "warning" }, { 5, "notice" }, { 6, "info" }, { 7, "debug" }, { 0, NULL }
};
static const struct tok facilities[] = {
	{ 0, "kernel" }, { 1, "user" }, { 2, "mail" }, { 3, "daemon" }, { 4, "auth" },
	{ 5, "syslog" }, { 6, "lpr" }, { 7, "news" }, { 8, "uucp" }, { 9, "cron" },
	{ 10, "authpriv" }, { 11, "ftp" }, { 12, "ntp" }, { 13, "security" },
	{ 14, "console" }, { 15, "cron" }, { 16, "local0" }, { 17, "local1" },
	{ 18, "local2" }, { 19, "local3" }, { 20, "local4" }, { 21, "local5" },
	{ 22, "local6" }, { 23, "local7" }, { 0, NULL }
};

void syslog_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned off = 1, pri = 0, fac, sev;
	char fb[24], sb[24];
	uint32_t i;

	nd->proto = "syslog";
	if (g1(nd, p) != '<')
		goto invalid;
	/* at most three digits, as tcpdump reads them */
	for (; off <= 3 && g1(nd, p + off) >= '0' && p[off] <= '9'; off++)
		pri = pri * 10 + (unsigned)(p[off] - '0');
	if (g1(nd, p + off) != '>')
		goto invalid;
	off++;
	fac = (pri & 0x03f8) >> 3;
	sev = pri & 7;
	tok2str(facilities, "unknown (%u)", fac, fb, sizeof(fb));
	tok2str(severities, "unknown (%u)", sev, sb, sizeof(sb));
	if (!nd->o->vflag) {
		P("SYSLOG %s.%s, length: %u", tok_or(facilities, fac, fb),
		  tok_or(severities, sev, sb), len);
		return;
	}
	P("SYSLOG, length: %u\n\tFacility %s (%u), Severity %s (%u)\n\tMsg: ", len,
	  tok_or(facilities, fac, fb), fac, tok_or(severities, sev, sb), sev);
	for (i = off; i < len; i++)
		char_print(nd, g1(nd, p + i));
	if (nd->o->vflag > 1)
		unknown_data_print(nd, p, "\n\t", (int)len);
	return;
invalid:
	P(" (invalid)");
}
