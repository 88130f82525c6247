/* Zephyr (UDP 2103/2104), MIT's notification service, as tcpdump 4.99
 * prints it: the header's NUL-terminated text fields read in turn, then a
 * summary by class, instance and opcode. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dissect-int.h"

static const struct tok z_kinds[] = {
	{ 0, "unsafe" }, { 1, "unacked" }, { 2, "acked" }, { 3, "hm-ack" }, { 4, "hm-ctl" },
	{ 5, "serv-ack" }, { 6, "serv-nak" }, { 7, "client-ack" }, { 8, "stat" }, { 0, NULL }
};

/* The reading position in the datagram. */
struct zpos {
	const uint8_t *p;
	uint32_t left;
};

/* The next NUL-terminated field (a C string inside the captured data),
 * or NULL when the datagram ends before its NUL. */
static const char *z_field(struct nd *nd, struct zpos *z)
{
	const uint8_t *s = z->p;

	for (;;) {
		if (!z->left)
			return NULL;
		if (g1(nd, z->p) == 0)
			break;
		z->p++;
		z->left--;
	}
	z->p++;
	z->left--;
	return (const char *)s;
}

/* tcpdump keeps lowered and <c,i,r> texts in a 256-byte buffer */
static const char *z_lower(const char *s, char *buf)
{
	size_t i;

	for (i = 0; i < 255 && s[i]; i++)
		buf[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
	buf[i] = 0;
	return buf;
}

static const char *z_triple(const char *c, const char *i, const char *r, char *buf)
{
	snprintf(buf, 256, "<%s,%s,%s>", c, i, *r ? r : "*");
	return buf;
}

/* pre, then a string as tcpdump shows text */
static void z_str(struct nd *nd, const char *pre, const char *s)
{
	P("%s", pre);
	for (; *s; s++)
		char_print(nd, (uint8_t)*s);
}

enum { Z_VERSION, Z_NUMFIELDS, Z_KIND, Z_UID, Z_PORT, Z_AUTH, Z_AUTHLEN, Z_AUTHDATA, Z_CLASS,
       Z_INST, Z_OPCODE, Z_SENDER, Z_RECIPIENT, Z_FORMAT, Z_CKSUM, Z_MULTI, Z_MULTI_UID, Z_N };

void zephyr_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	struct zpos z = { p, len };
	const char *f[Z_N], *class, *inst, *op;
	char buf[256];
	int kind, i;

	nd->proto = "zephyr";
	f[0] = z_field(nd, &z);
	if (!f[0])
		goto invalid;
	if (strncmp(f[0], "ZEPH", 4))
		return;
	for (i = 1; i < Z_N; i++) {
		f[i] = z_field(nd, &z);
		if (!f[i])
			goto invalid;
	}
	kind = (int)strtol(f[Z_KIND], NULL, 16);
	class = f[Z_CLASS];
	inst = f[Z_INST];
	op = f[Z_OPCODE];
	P(" zephyr");
	if (strncmp(f[0] + 4, "0.2", 3)) {
		z_str(nd, " v", f[0] + 4);
		return;
	}
	P(" %s", tok2str(z_kinds, "type %d", (unsigned)kind, buf, sizeof(buf)));
	if (kind == 5) {
		const char *ack = z_field(nd, &z);
		if (ack && strcmp(ack, "SENT"))
			z_str(nd, "/", z_lower(ack, buf));
	}
	if (*f[Z_SENDER])
		z_str(nd, " ", f[Z_SENDER]);
	if (!strcmp(class, "USER_LOCATE")) {
		if (!strcmp(op, "USER_HIDE"))
			P(" hide");
		else if (!strcmp(op, "USER_UNHIDE"))
			P(" unhide");
		else
			z_str(nd, " locate ", inst);
		return;
	}
	if (!strcmp(class, "ZEPHYR_ADMIN")) {
		z_str(nd, " zephyr-admin ", z_lower(op, buf));
		return;
	}
	if (!strcmp(class, "ZEPHYR_CTL")) {
		if (!strcmp(inst, "CLIENT")) {
			if (!strcmp(op, "SUBSCRIBE") || !strcmp(op, "SUBSCRIBE_NODEFS") ||
			    !strcmp(op, "UNSUBSCRIBE")) {
				P(" %ssub%s", strcmp(op, "SUBSCRIBE") ? "un" : "",
				  strcmp(op, "SUBSCRIBE_NODEFS") ? "" : "-nodefs");
				if (kind != 5) {
					const char *c = z_field(nd, &z);
					const char *in = c ? z_field(nd, &z) : NULL;
					const char *r = in ? z_field(nd, &z) : NULL;
					if (r)
						z_str(nd, " ", z_triple(c, in, r, buf));
				}
				return;
			}
			if (!strcmp(op, "GIMME"))
				P(" ret");
			else if (!strcmp(op, "GIMMEDEFS"))
				P(" gimme-defs");
			else if (!strcmp(op, "CLEARSUB"))
				P(" clear-subs");
			else
				z_str(nd, " ", z_lower(op, buf));
			return;
		}
		if (!strcmp(inst, "HM")) {
			z_str(nd, " ", z_lower(op, buf));
			return;
		}
		if (!strcmp(inst, "REALM")) {
			if (!strcmp(op, "ADD_SUBSCRIBE"))
				P(" realm add-subs");
			if (!strcmp(op, "REQ_SUBSCRIBE"))
				P(" realm req-subs");
			if (!strcmp(op, "RLM_SUBSCRIBE"))
				P(" realm rlm-sub");
			if (!strcmp(op, "RLM_UNSUBSCRIBE"))
				P(" realm rlm-unsub");
			return;
		}
	}
	if (!strcmp(class, "HM_CTL") || !strcmp(class, "WG_CTL")) {
		z_str(nd, class[0] == 'H' ? " hm_ctl " : " wg_ctl ", z_lower(inst, buf));
		z_str(nd, " ", z_lower(op, buf));
		return;
	}
	if (!strcmp(class, "HM_STAT") && !strcmp(inst, "HMST_CLIENT") &&
	    !strcmp(op, "GIMMESTATS")) {
		P(" get-client-stats");
		return;
	}
	if (!strcmp(class, "LOGIN")) {
		if (!strcmp(op, "USER_FLUSH")) {
			P(" flush_locs");
			return;
		}
		if (!strcmp(op, "NONE") || !strcmp(op, "OPSTAFF") || !strcmp(op, "REALM-VISIBLE") ||
		    !strcmp(op, "REALM-ANNOUNCED") || !strcmp(op, "NET-VISIBLE") ||
		    !strcmp(op, "NET-ANNOUNCED")) {
			z_str(nd, " set-exposure ", z_lower(op, buf));
			return;
		}
	}
	z_str(nd, " to ", z_triple(class, inst, f[Z_RECIPIENT], buf));
	if (*op)
		z_str(nd, " op ", op);
	return;
invalid:
	P(" (invalid)");
}
