/* Rx, the transport of AFS (UDP ports 7000-7009), as tcpdump prints it:
 * the Rx header with its flags, ack packets, and the calls and replies
 * of the AFS services.  Replies carry no opcode: it is taken from the
 * call they answer, remembered in a small table of recent calls (kept in
 * the dissect context, as tcpdump keeps its own).  The argument printers
 * are here, the services in print-rx-afs.c and print-rx-svc.c. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rx-int.h"

#define RX_ACK 2
#define RX_CLIENT_INIT 1
#define RX_CALLS 64	/* calls remembered, as tcpdump */

struct rx_call {
	uint32_t callnum, client, server, opcode;
	uint16_t dport, service;
};

static const struct tok rx_types[] = {
	{ 1, "data" }, { 2, "ack" }, { 3, "busy" }, { 4, "abort" },
	{ 5, "ackall" }, { 6, "challenge" }, { 7, "response" },
	{ 8, "debug" }, { 9, "params" }, { 13, "version" }, { 0, NULL }
};

/* Header flags; type: the only packet type the flag is shown for */
static const struct {
	uint8_t flag, type;
	const char *s;
} rx_flags[] = {
	{ 1, 0, "client-init" }, { 2, 0, "req-ack" }, { 4, 0, "last-pckt" },
	{ 8, 0, "more-pckts" }, { 16, 0, "free-pckt" },
	{ 32, RX_ACK, "slow-start" }, { 32, RX_DATA, "jumbogram" },
};

static const struct tok ack_reasons[] = {
	{ 1, "ack requested" }, { 2, "duplicate packet" }, { 3, "out of sequence" },
	{ 4, "exceeds window" }, { 5, "no buffer space" }, { 6, "ping" },
	{ 7, "ping response" }, { 8, "delay" }, { 9, "idle" }, { 0, NULL }
};

static const struct tok ubik_ops[] = {
	{ 10000, "vote-beacon" }, { 10001, "vote-debug-old" }, { 10002, "vote-sdebug-old" },
	{ 10003, "vote-getsyncsite" }, { 10004, "vote-debug" }, { 10005, "vote-sdebug" },
	{ 10006, "vote-xdebug" }, { 10007, "vote-xsdebug" }, { 20000, "disk-begin" },
	{ 20001, "disk-commit" }, { 20002, "disk-lock" }, { 20003, "disk-write" },
	{ 20004, "disk-getversion" }, { 20005, "disk-getfile" }, { 20006, "disk-sendfile" },
	{ 20007, "disk-abort" }, { 20008, "disk-releaselocks" }, { 20009, "disk-truncate" },
	{ 20010, "disk-probe" }, { 20011, "disk-writev" }, { 20012, "disk-interfaceaddr" },
	{ 20013, "disk-setversion" }, { 0, NULL }
};

/* ---------------------------------------------------------------- arguments */

_Noreturn void rx_cut(struct rxp *r)
{
	longjmp(r->tj, 1);
}

void rx_need(struct rxp *r, size_t n)
{
	if (!nd_ok(r->nd, r->bp, n))
		rx_cut(r);
}

uint32_t rx_u4(struct rxp *r)
{
	uint32_t v = g4(r->nd, r->bp);
	r->bp += 4;
	return v;
}

void rx_int(struct rxp *r)
{
	struct nd *nd = r->nd;
	P(" %d", (int32_t)rx_u4(r));
}

void rx_uint(struct rxp *r)
{
	struct nd *nd = r->nd;
	P(" %u", rx_u4(r));
}

void rx_u64(struct rxp *r)
{
	struct nd *nd = r->nd;
	uint64_t v = g8(nd, r->bp);
	r->bp += 8;
	P(" %" PRIu64, v);
}

void rx_date(struct rxp *r)
{
	struct nd *nd = r->nd;
	time_t t = (time_t)(int32_t)rx_u4(r);
	struct tm tm;
	char s[64];

	if (!localtime_r(&t, &tm) || !strftime(s, sizeof(s), "%Y/%m/%d %H:%M:%S", &tm))
		s[0] = '\0';
	P(" %s", s);
}

void rx_fid(struct rxp *r)
{
	struct nd *nd = r->nd;
	uint32_t a, b, c;

	rx_need(r, 12);
	a = rx_u4(r);
	b = rx_u4(r);
	c = rx_u4(r);
	P(" fid %u/%u/%u", a, b, c);
}

/* A counted string of at most max bytes, padded to 4 */
void rx_str(struct rxp *r, uint32_t max)
{
	struct nd *nd = r->nd;
	uint32_t n = rx_u4(r);

	if (n > max)
		rx_cut(r);
	P(" \"");
	if (chars_print(nd, r->bp, n))
		rx_cut(r);
	P("\"");
	r->bp += (n + 3) / 4 * 4;
}

void rx_storeattr(struct rxp *r)
{
	struct nd *nd = r->nd;
	uint32_t mask, v;

	rx_need(r, 24);
	mask = rx_u4(r);
	if (mask)
		P(" StoreStatus");
	if (mask & 1) {
		P(" date");
		rx_date(r);
	} else {
		r->bp += 4;
	}
	v = rx_u4(r);
	if (mask & 2)
		P(" owner %u", v);
	v = rx_u4(r);
	if (mask & 4)
		P(" group %u", v);
	v = rx_u4(r);
	if (mask & 8)
		P(" mode %o", v & 07777);
	v = rx_u4(r);
	if (mask & 16)
		P(" segsize %u", v);
	if (mask & 1024)
		P(" fsync");
}

void rx_ubikver(struct rxp *r)
{
	struct nd *nd = r->nd;
	uint32_t e, c;

	rx_need(r, 8);
	e = rx_u4(r);
	c = rx_u4(r);
	P(" %u.%u", e, c);
}

void rx_uuid(struct rxp *r)
{
	struct nd *nd = r->nd;
	int i;

	rx_need(r, 44);
	P(" %08x", rx_u4(r));
	P("%04x", rx_u4(r));
	P("%04x", rx_u4(r));
	for (i = 0; i < 8; i++)
		P("%02x", rx_u4(r) & 0xff);
}

/* A string of max characters, one in the low byte of each word, printed
 * up to its first NUL */
void rx_vec(struct rxp *r, uint32_t max)
{
	struct nd *nd = r->nd;
	uint32_t i;
	int end = 0;

	rx_need(r, (size_t)max * 4);
	P(" \"");
	for (i = 0; i < max; i++) {
		uint8_t c = (uint8_t)rx_u4(r);
		if (!c)
			end = 1;
		if (!end)
			char_print(nd, c);
	}
	P("\"");
}

void rx_destserver(struct rxp *r)
{
	struct nd *nd = r->nd;
	uint32_t a, b, c;

	rx_need(r, 12);
	a = rx_u4(r);
	b = rx_u4(r);
	c = rx_u4(r);
	P(" server %u:%u:%u", a, b, c);
}

void rx_list(struct rxp *r, void (*item)(struct rxp *), int commas)
{
	struct nd *nd = r->nd;
	uint32_t n = rx_u4(r), i;

	for (i = 0; i < n; i++) {
		item(r);
		if (commas && i != n - 1)
			P(",");
	}
	if (n == 0)
		P(" <none!>");
}

void rx_say(struct rxp *r, const char *s)
{
	sb_puts(r->nd->out, s);
}

/* The call's opcode, named, and r->bp at its arguments; 0 when the
 * packet has no room for one */
int rx_call_head(struct rxp *r, const char *svc, const struct tok *ops, uint32_t *op)
{
	struct nd *nd = r->nd;
	char b[24];

	if (*svc)
		r->svc = svc;
	if (r->len <= RX_HDR_LEN)
		return 0;
	*op = g4(nd, r->hdr + RX_HDR_LEN);
	P("%s%s call %s", *svc ? " " : "", svc, tok2str(ops, "op#%u", *op, b, sizeof(b)));
	r->bp = r->hdr + RX_HDR_LEN + 4;
	return 1;
}

/* The reply's name; its packet type (r->bp after the header) */
uint8_t rx_reply_head(struct rxp *r, const char *svc, const struct tok *ops, uint32_t op)
{
	struct nd *nd = r->nd;
	char b[24];

	P("%s%s reply %s", *svc ? " " : "", svc, tok2str(ops, "op#%u", op, b, sizeof(b)));
	r->bp = r->hdr + RX_HDR_LEN;
	return g1(nd, r->hdr + 20);
}

/* ---------------------------------------------------------------- ubik */

int rx_is_ubik(uint32_t op)
{
	return (op >= 10000 && op <= 10007) || (op >= 20000 && op <= 20013);
}

/* A label, then the argument f prints */
static void lbl(struct rxp *r, const char *s, void (*f)(struct rxp *))
{
	rx_say(r, s);
	f(r);
}

void rx_ubik_call(struct rxp *r)
{
	struct nd *nd = r->nd;
	char b[24];
	uint32_t op = g4(nd, r->hdr + RX_HDR_LEN);

	r->svc = "ubik";
	P(" ubik call %s", tok2str(ubik_ops, "op#%u", op, b, sizeof(b)));
	r->bp = r->hdr + RX_HDR_LEN + 4;
	switch (op) {
	case 10000:
		P(" syncsite %s", rx_u4(r) ? "yes" : "no");
		lbl(r, " votestart", rx_date);
		lbl(r, " dbversion", rx_ubikver);
		lbl(r, " tid", rx_ubikver);
		break;
	case 10003:
		lbl(r, " site", rx_uint);
		break;
	case 20000: case 20001: case 20007: case 20008: case 20010:
		lbl(r, " tid", rx_ubikver);
		break;
	case 20002:
		lbl(r, " tid", rx_ubikver);
		lbl(r, " file", rx_int);
		lbl(r, " pos", rx_int);
		lbl(r, " length", rx_int);
		rx_u4(r);	/* the lock type, fetched, not shown */
		break;
	case 20003:
		lbl(r, " tid", rx_ubikver);
		lbl(r, " file", rx_int);
		lbl(r, " pos", rx_int);
		break;
	case 20005:
		lbl(r, " file", rx_int);
		break;
	case 20006:
		lbl(r, " file", rx_int);
		lbl(r, " length", rx_int);
		lbl(r, " dbversion", rx_ubikver);
		break;
	case 20009:
		lbl(r, " tid", rx_ubikver);
		lbl(r, " file", rx_int);
		lbl(r, " length", rx_int);
		break;
	case 20012:
		lbl(r, " tid", rx_ubikver);
		lbl(r, " oldversion", rx_ubikver);
		lbl(r, " newversion", rx_ubikver);
		break;
	}
}

void rx_ubik_reply(struct rxp *r, uint32_t op)
{
	struct nd *nd = r->nd;
	char b[24];

	r->svc = "ubik";
	if (r->len < RX_HDR_LEN)
		return;
	P(" ubik reply %s", tok2str(ubik_ops, "op#%u", op, b, sizeof(b)));
	r->bp = r->hdr + RX_HDR_LEN;
	if (g1(nd, r->hdr + 20) == RX_DATA) {
		if (op == 10000)
			P(" vote no");
		else if (op == 20004)
			lbl(r, " dbversion", rx_ubikver);
	} else if (op == 10000) {
		lbl(r, " vote yes until", rx_date);
	} else {
		lbl(r, " errcode", rx_int);
	}
}

/* A database service's call or reply: its name, then ubik's opcodes go
 * to the ubik printer; 1 when the caller goes on with op */
int rx_db_call(struct rxp *r, const char *svc, uint32_t *op)
{
	r->svc = svc;
	if (r->len <= RX_HDR_LEN)
		return 0;
	*op = g4(r->nd, r->hdr + RX_HDR_LEN);
	rx_say(r, " ");
	rx_say(r, svc);
	if (rx_is_ubik(*op)) {
		rx_ubik_call(r);
		return 0;
	}
	return 1;
}

int rx_db_reply(struct rxp *r, const char *svc, uint32_t op)
{
	r->svc = svc;
	if (r->len < RX_HDR_LEN)
		return 0;
	rx_say(r, " ");
	rx_say(r, svc);
	if (rx_is_ubik(op)) {
		rx_ubik_reply(r, op);
		return 0;
	}
	return 1;
}

/* ---------------------------------------------------------------- acks */

/* The runs of packets whose ack byte is want: " acked 3-5,7" */
static void ack_runs(struct nd *nd, const uint8_t *acks, unsigned n, uint32_t first,
		     uint8_t want, const char *word)
{
	int i, start = -2, last = -2;

	for (i = 0; i < (int)n; i++) {
		if (g1(nd, acks + i) == want) {
			if (last == -2) {
				P(" %s %u", word, first + i);
				start = i;
			} else if (last != i - 1) {
				P(",%u", first + i);
				start = i;
			}
			last = i;
		} else if (last == i - 1 && start != last) {
			P("-%u", first + i - 1);
		}
	}
	if (last == i - 1 && start != last)
		P("-%u", first + i - 1);
}

static void ack_print(struct rxp *r)
{
	struct nd *nd = r->nd;
	const uint8_t *a = r->hdr + RX_HDR_LEN;
	uint32_t first;
	uint8_t nacks;
	char b[24];
	static const char *const opt[] = { " ifmtu", " maxmtu", " rwind", " maxpackets" };
	unsigned k;

	r->svc = "ack";
	if (r->len < RX_HDR_LEN)
		return;
	r->bp = a;
	rx_need(r, 18);
	if (nd->o->vflag > 2)
		P(" bufspace %u maxskew %u", g2(nd, a), g2(nd, a + 2));
	first = g4(nd, a + 4);
	P(" first %u serial %u reason %s", first, g4(nd, a + 12),
	  tok2str(ack_reasons, "#%u", g1(nd, a + 16), b, sizeof(b)));
	nacks = g1(nd, a + 17);
	r->bp = a + 18;
	if (nacks) {
		rx_need(r, nacks);
		ack_runs(nd, r->bp, nacks, first, 1, "acked");
		ack_runs(nd, r->bp, nacks, first, 0, "nacked");
		r->bp += nacks;
	}
	r->bp += 3;	/* padding */
	if (nd->o->vflag < 2)
		return;
	for (k = 0; k < 4; k++) {
		if (r->bp > nd->snapend || nd->snapend - r->bp < 4)
			return;
		lbl(r, opt[k], rx_uint);
	}
}

/* ---------------------------------------------------------------- calls */

static struct rx_call *rx_tab(struct dissect_ctx *c)
{
	if (!c->rx_tab)
		c->rx_tab = calloc(RX_CALLS, sizeof(struct rx_call));
	return c->rx_tab;
}

void rx_tab_free(struct dissect_ctx *c)
{
	free(c->rx_tab);
	c->rx_tab = NULL;
}

static void call_remember(struct nd *nd, const uint8_t *h, const uint8_t *iph, uint16_t dport)
{
	struct rx_call *t = rx_tab(nd->ctx), *e;

	if (!t || !nd_ok(nd, h + RX_HDR_LEN, 4))
		return;
	e = &t[nd->ctx->rx_next];
	if (++nd->ctx->rx_next >= RX_CALLS)
		nd->ctx->rx_next = 0;
	/* the addresses where an IPv4 header has them, whatever the header */
	e->callnum = g4(nd, h + 8);
	e->client = g4(nd, iph + 12);
	e->server = g4(nd, iph + 16);
	e->dport = dport;
	e->service = g2(nd, h + 26);
	e->opcode = g4(nd, h + RX_HDR_LEN);
}

static int call_find(struct nd *nd, const uint8_t *h, const uint8_t *iph, uint16_t sport,
		     uint32_t *op)
{
	struct rx_call *t = rx_tab(nd->ctx);
	uint32_t client = g4(nd, iph + 16), server = g4(nd, iph + 12);
	unsigned i;

	if (!t)
		return 0;
	i = nd->ctx->rx_hint;
	do {
		struct rx_call *e = &t[i];
		if (e->callnum == g4(nd, h + 8) && e->client == client && e->server == server &&
		    e->service == g2(nd, h + 26) && e->dport == sport) {
			nd->ctx->rx_hint = i;
			*op = e->opcode;
			return 1;
		}
		if (++i >= RX_CALLS)
			i = 0;
	} while (i != nd->ctx->rx_hint);
	return 0;
}

/* Runs a service printer; a cut argument ends it with " [|svc]". */
static void run(struct rxp *r, void (*call)(struct rxp *), void (*reply)(struct rxp *, uint32_t),
		uint32_t op)
{
	struct nd *nd = r->nd;

	if (setjmp(r->tj)) {
		P(" [|%s]", r->svc);
		return;
	}
	if (call)
		call(r);
	else
		reply(r, op);
}

void rx_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport,
	      const uint8_t *iph)
{
	static void (*const calls[])(struct rxp *) = {
		rx_fs_call, rx_cb_call, rx_pt_call, rx_vldb_call, rx_kauth_call,
		rx_vol_call, NULL, rx_bos_call,
	};
	static void (*const replies[])(struct rxp *, uint32_t) = {
		rx_fs_reply, rx_cb_reply, rx_pt_reply, rx_vldb_reply, rx_kauth_reply,
		rx_vol_reply, NULL, rx_bos_reply,
	};
	struct rxp r;
	uint8_t type, flags;
	uint32_t op;
	char b[24];
	size_t i;
	int n = 0;

	nd->proto = "rx";
	if (!nd_ok(nd, p, RX_HDR_LEN)) {
		P(" [|rx] (%u)", len);
		return;
	}
	type = p[20];
	flags = p[21];
	P(" rx %s", tok2str(rx_types, "type %u", type, b, sizeof(b)));
	if (nd->o->vflag) {
		if (nd->o->vflag > 1)
			P(" cid %08x call# %u", g4(nd, p + 4), g4(nd, p + 8));
		P(" seq %u ser %u", g4(nd, p + 12), g4(nd, p + 16));
		if (nd->o->vflag > 2)
			P(" secindex %u serviceid %u", p[23], g2(nd, p + 26));
		if (nd->o->vflag > 1)
			for (i = 0; i < sizeof(rx_flags) / sizeof(rx_flags[0]); i++)
				if ((flags & rx_flags[i].flag) &&
				    (!rx_flags[i].type || type == rx_flags[i].type))
					P("%s<%s>", n++ ? "," : " ", rx_flags[i].s);
	}
	memset(&r, 0, sizeof(r));
	r.nd = nd;
	r.hdr = p;
	r.len = len;
	if (type == RX_DATA && g4(nd, p + 12) == 1 && (flags & RX_CLIENT_INIT)) {
		call_remember(nd, p, iph, dport);
		if (dport >= 7000 && dport <= 7007 && calls[dport - 7000])
			run(&r, calls[dport - 7000], NULL, 0);
	} else if (((type == RX_DATA && g4(nd, p + 12) == 1) || type == RX_ABORT) &&
		   !(flags & RX_CLIENT_INIT) && call_find(nd, p, iph, sport, &op)) {
		if (sport >= 7000 && sport <= 7007 && replies[sport - 7000])
			run(&r, NULL, replies[sport - 7000], op);
	} else if (type == RX_ACK) {
		run(&r, ack_print, NULL, 0);
	}
	P(" (%u)", len);
}
