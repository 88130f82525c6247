/* Text protocols as tcpdump prints them: HTTP (TCP ports 80 and 8080),
 * RTSP (554, 8554) and SIP (UDP 5060) show a request or response line
 * after "HTTP: ", every text line with -v, and only the name for a
 * segment that starts with neither (a body); SMTP, FTP and whois show
 * every segment's first line. */
#include <string.h>
#include <strings.h>

#include "dissect-int.h"

static const char *const http_cmds[] = {
	"GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST", "BCOPY",
	"BMOVE", "MKCOL", "TRACE", "LABEL", "MERGE", "DELETE", "SEARCH",
	"UNLOCK", "REPORT", "UPDATE", "NOTIFY", "BDELETE", "CONNECT", "OPTIONS",
	"CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST", "SUBSCRIBE", "PROPPATCH",
	"BPROPFIND", "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE",
	"UNSUBSCRIBE", "RPC_CONNECT", "VERSION-CONTROL", "BASELINE-CONTROL",
	NULL
};

static const char *const rtsp_cmds[] = {
	"DESCRIBE", "ANNOUNCE", "GET_PARAMETER", "OPTIONS", "PAUSE", "PLAY",
	"RECORD", "REDIRECT", "SETUP", "SET_PARAMETER", "TEARDOWN", NULL
};

static const char *const sip_cmds[] = {
	"ACK", "BYE", "CANCEL", "DO", "INFO", "INVITE", "MESSAGE", "NOTIFY",
	"OPTIONS", "PRACK", "QAUTH", "REFER", "REGISTER", "SPRACK", "SUBSCRIBE",
	"UPDATE", "PUBLISH", NULL
};

#define TOKEN_MAX 128

static int printable(uint8_t c)
{
	return c >= 0x20 && c <= 0x7e;
}

/* The token at idx into tok; returns the index past it and the spaces
 * after it (not past an end of line), 0 when there is no printable
 * token there. */
static uint32_t fetch_token(struct nd *nd, const uint8_t *p, uint32_t idx,
			    uint32_t len, char *tok, size_t size)
{
	size_t n = 0;
	uint8_t c;

	for (; idx < len; idx++) {
		if (!nd_ok(nd, p + idx, 1))
			return 0;
		c = p[idx];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			break;
		if (!printable(c) || n + 2 > size)
			return 0;
		tok[n++] = (char)c;
	}
	if (n == 0)
		return 0;
	tok[n] = '\0';
	for (; idx < len && nd_ok(nd, p + idx, 1); idx++) {
		c = p[idx];
		if (c != ' ')
			break;
	}
	return idx;
}

/* One line from idx, after prefix; returns the index of the next line,
 * 0 at binary data or at a line that does not end in this segment. */
static uint32_t text_line(struct nd *nd, const char *prefix, const uint8_t *p,
			  uint32_t idx, uint32_t len)
{
	uint32_t start = idx, n;
	uint8_t c;

	while (idx < len) {
		c = g1(nd, p + idx);
		if (c == '\n') {
			n = idx - start;
			idx++;
			goto print;
		}
		if (c == '\r') {
			if (idx + 1 >= len || g1(nd, p + idx + 1) != '\n')
				return 0;
			n = idx - start;
			idx += 2;
			goto print;
		}
		if (!printable(c) && c != '\t')
			return 0;
		idx++;
	}
	P("%s%.*s", prefix, (int)(idx - start), (const char *)p + start);
	nd_trunc(nd);
	return 0;
print:
	P("%s%.*s", prefix, (int)n, (const char *)p + start);
	return idx;
}

/* tcpdump's txtproto_print, after the ": " tcpdump's TCP printer puts
 * before it: the protocol's name, then the first line (all text lines
 * with -v).  With cmds, only a segment that starts with one of
 * them or has a 3-digit status as its second token is shown; without,
 * every segment is (protocols of request and reply lines only). */
static void txtproto_print(struct nd *nd, const uint8_t *p, uint32_t len,
			   const char *lead, const char *name, const char *const *cmds)
{
	char tok[TOKEN_MAX + 1];
	uint32_t idx, eol;
	int show = !cmds, i;

	idx = cmds ? fetch_token(nd, p, 0, len, tok, sizeof(tok)) : 0;
	if (idx) {
		for (i = 0; cmds[i]; i++)
			if (!strcasecmp(tok, cmds[i]))
				show = 1;
		/* a response: the status code is the second token */
		idx = fetch_token(nd, p, idx, len, tok, sizeof(tok));
		if (idx && tok[0] >= '0' && tok[0] <= '9' && tok[1] >= '0' &&
		    tok[1] <= '9' && tok[2] >= '0' && tok[2] <= '9' && !tok[3])
			show = 1;
	}
	P("%s%s", lead, name);
	if (!show)
		return;
	if (nd->o->vflag) {
		P(", length: %u", len);
		for (idx = 0; idx < len && (eol = text_line(nd, "\n\t", p, idx, len));
		     idx = eol)
			;
	} else {
		text_line(nd, ": ", p, 0, len);
	}
}

void http_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->proto = "http";
	txtproto_print(nd, p, len, ": ", "HTTP", http_cmds);
}

void rtsp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->proto = "rtsp";
	txtproto_print(nd, p, len, ": ", "RTSP", rtsp_cmds);
}

/* SMTP, FTP's control connection, whois: every line is a request or a
 * reply. */
void linetext_print(struct nd *nd, const uint8_t *p, uint32_t len,
		    const char *proto, const char *name)
{
	nd->proto = proto;
	txtproto_print(nd, p, len, ": ", name, NULL);
}

/* SIP over UDP (5060): straight after the ports, no ": " before it. */
void sip_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->proto = "sip";
	txtproto_print(nd, p, len, "", "SIP", sip_cmds);
}
