/* Telnet (TCP port 23): the commands at the start of a segment, as
 * tcpdump shows them: " [telnet DO ECHO, WILL NAWS, SB NAWS IS 0x50 ... SE]".
 * Data between or after the commands is not shown. */
#include <stdio.h>

#include "dissect-int.h"

#define T_IAC 255
#define T_SB 250
#define T_SE 240
#define T_FIRSTCMD 236	/* EOF */

/* Command names from 236 (EOF) to 255 (IAC). */
static const char *const tn_cmds[] = {
	"EOF", "SUSP", "ABORT", "EOR", "SE", "NOP", "DMARK", "BRK", "IP", "AO",
	"AYT", "EC", "EL", "GA", "SB", "WILL", "WONT", "DO", "DONT", "IAC",
};

/* Option names, 0 (BINARY) to 39 (NEW-ENVIRON). */
static const char *const tn_opts[] = {
	"BINARY", "ECHO", "RCP", "SUPPRESS GO AHEAD", "NAME", "STATUS",
	"TIMING MARK", "RCTE", "NAOL", "NAOP", "NAOCRD", "NAOHTS", "NAOHTD",
	"NAOFFD", "NAOVTS", "NAOVTD", "NAOLFD", "EXTEND ASCII", "LOGOUT",
	"BYTE MACRO", "DATA ENTRY TERMINAL", "SUPDUP", "SUPDUP OUTPUT",
	"SEND LOCATION", "TERMINAL TYPE", "END OF RECORD", "TACACS UID",
	"OUTPUT MARKING", "TTYLOC", "3270 REGIME", "X.3 PAD", "NAWS", "TSPEED",
	"LFLOW", "LINEMODE", "XDISPLOC", "OLD-ENVIRON", "AUTHENTICATION",
	"ENCRYPT", "NEW-ENVIRON",
};
#define N_OPTS (sizeof(tn_opts) / sizeof(tn_opts[0]))

/* Sub-negotiation qualifiers: most options, AUTHENTICATION (37) and
 * ENCRYPT (38), each followed (37, 38) by a type. */
static const char *const q_plain[] = { "IS", "SEND", "INFO" };
static const char *const q_auth[] = { "IS", "SEND", "REPLY", "NAME" };
static const char *const t_auth[] = {
	"NULL", "KERBEROS_V4", "KERBEROS_V5", "SPX", "MINK", "SRP", "RSA",
	"SSL", NULL, NULL, "LOKI", "SSA", "KEA_SJ", "KEA_SJ_INTEG", "DSS", "NTLM",
};
static const char *const q_enc[] = {
	"IS", "SUPPORT", "REPLY", "START", "END", "REQUEST-START", "REQUEST-END",
	"END_KEYID", "DEC_KEYID",
};
static const char *const t_enc[] = {
	"NULL", "DES_CFB64", "DES_OFB64", "DES3_CFB64", "DES3_OFB64", NULL,
	"CAST5_40_CFB64", "CAST5_40_OFB64", "CAST128_CFB64", "CAST128_OFB64",
};

struct namelist {
	const char *const *v;
	unsigned n;
};
#define NL(a) { a, sizeof(a) / sizeof(a[0]) }

static void name_or_num(struct nd *nd, struct namelist l, unsigned c)
{
	if (c < l.n && l.v[c])
		P(" %s", l.v[c]);
	else
		P(" %#x", c);
}

/*
 * One command at p (an IAC), with len bytes of the segment left: its
 * length, or -1 when it is not a complete command.  Prints it when pr.
 * Reads past len only where tcpdump does (a sub-negotiation without its
 * IAC SE), so the capture's end decides as it does there.
 */
static int tn_cmd(struct nd *nd, const uint8_t *p, uint32_t len, int pr)
{
	const uint8_t *start = p, *end;
	unsigned c, opt;

	if (len < 2 || g1(nd, p) != T_IAC)
		return -1;
	c = g1(nd, p + 1);
	p += 2;
	len -= 2;
	if (c == T_IAC) {
		if (pr)
			P("IAC IAC");
		return 2;
	}
	if (c < T_FIRSTCMD)
		return -1;
	if (c < T_SB) {	/* a command on its own (SE, NOP, GA, ...) */
		if (pr)
			P("%s", tn_cmds[c - T_FIRSTCMD]);
		return 2;
	}
	/* SB, WILL, WONT, DO, DONT: an option follows */
	if (len < 1)
		return -1;
	opt = g1(nd, p);
	p++;
	len--;
	if (pr) {
		if (opt < N_OPTS)
			P("%s %s", tn_cmds[c - T_FIRSTCMD], tn_opts[opt]);
		else
			P("%s %#x", tn_cmds[c - T_FIRSTCMD], opt);
	}
	if (c != T_SB)
		return (int)(p - start);

	/* the sub-negotiation runs to IAC SE, or to the segment's last byte */
	end = p;
	while (len > (uint32_t)(end + 1 - p)) {
		if (g1(nd, end) == T_IAC && g1(nd, end + 1) == T_SE)
			break;
		end++;
	}
	if (g1(nd, end) != T_IAC)
		return -1;
	if (end > p) {
		static const struct namelist qp = NL(q_plain), qa = NL(q_auth),
			ta = NL(t_auth), qe = NL(q_enc), te = NL(t_enc);
		unsigned q = g1(nd, p++);
		if (opt == 37 || opt == 38) {
			if (pr)
				name_or_num(nd, opt == 37 ? qa : qe, q);
			if (end > p) {
				q = g1(nd, p++);
				if (pr)
					name_or_num(nd, opt == 37 ? ta : te, q);
			}
		} else if (pr) {
			name_or_num(nd, qp, q);
		}
	}
	for (; p < end; p++) {
		c = g1(nd, p);
		if (pr)
			P(" %#x", c);
	}
	if (pr)
		P(" SE");
	/* the IAC SE (which may lie one byte past the segment) */
	return (int)(end + 2 - start);
}

void telnet_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	const uint8_t *base = p;
	int first = 1, l;
	int dump = nd->o->Xflag && nd->o->vflag > 2;

	nd->proto = "telnet";
	while (len > 0 && g1(nd, p) == T_IAC) {
		l = tn_cmd(nd, p, len, 0);
		if (l < 0)
			break;
		if (dump) {
			if (first)
				P("\nTelnet:");
			hexdump_plain(nd, "\n", p, (uint32_t)l, (uint32_t)(p - base));
			if (!nd_ok(nd, p, (size_t)l))
				nd_trunc_jmp(nd);
			if (l > 8)
				P("\n\t\t\t\t");
			else
				P("%*s\t", (8 - l) * 3, "");
		} else {
			P("%s", first ? " [telnet " : ", ");
		}
		tn_cmd(nd, p, len, 1);
		first = 0;
		p += l;
		/* an IAC SE one byte past the segment leaves len wrapped, as
		 * in tcpdump: the next fetch then meets the capture's end */
		len -= (uint32_t)l;
	}
	if (!first)
		P(dump ? "\n" : "]");
}
