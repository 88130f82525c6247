/* Rx / AFS: the file server (port 7000), the cache manager's callback
 * service (7001) and the protection server (7002), calls and replies. */
#include <stdio.h>
#include <string.h>

#include "rx-int.h"

static const struct tok fs_ops[] = {
	{ 130, "fetch-data" }, { 131, "fetch-acl" }, { 132, "fetch-status" },
	{ 133, "store-data" }, { 134, "store-acl" }, { 135, "store-status" },
	{ 136, "remove-file" }, { 137, "create-file" }, { 138, "rename" },
	{ 139, "symlink" }, { 140, "link" }, { 141, "makedir" }, { 142, "rmdir" },
	{ 143, "oldsetlock" }, { 144, "oldextlock" }, { 145, "oldrellock" },
	{ 146, "get-stats" }, { 147, "give-cbs" }, { 148, "get-vlinfo" },
	{ 149, "get-vlstats" }, { 150, "set-vlstats" }, { 151, "get-rootvl" },
	{ 152, "check-token" }, { 153, "get-time" }, { 154, "nget-vlinfo" },
	{ 155, "bulk-stat" }, { 156, "setlock" }, { 157, "extlock" }, { 158, "rellock" },
	{ 159, "xstat-ver" }, { 160, "get-xstat" }, { 161, "dfs-lookup" },
	{ 162, "dfs-flushcps" }, { 163, "dfs-symlink" }, { 220, "residency" },
	{ 65536, "inline-bulk-status" }, { 65537, "fetch-data-64" },
	{ 65538, "store-data-64" }, { 65539, "give-up-all-cbs" }, { 65540, "get-caps" },
	{ 65541, "cb-rx-conn-addr" }, { 0, NULL }
};

static const struct tok cb_ops[] = {
	{ 204, "callback" }, { 205, "initcb" }, { 206, "probe" }, { 207, "getlock" },
	{ 208, "getce" }, { 209, "xstatver" }, { 210, "getxstat" }, { 211, "initcb2" },
	{ 212, "whoareyou" }, { 213, "initcb3" }, { 214, "probeuuid" },
	{ 215, "getsrvprefs" }, { 216, "getcellservdb" }, { 217, "getlocalcell" },
	{ 218, "getcacheconf" }, { 65536, "getce64" }, { 65537, "getcellbynum" },
	{ 65538, "tellmeaboutyourself" }, { 0, NULL }
};

static const struct tok pt_ops[] = {
	{ 500, "new-user" }, { 501, "where-is-it" }, { 502, "dump-entry" },
	{ 503, "add-to-group" }, { 504, "name-to-id" }, { 505, "id-to-name" },
	{ 506, "delete" }, { 507, "remove-from-group" }, { 508, "get-cps" },
	{ 509, "new-entry" }, { 510, "list-max" }, { 511, "set-max" },
	{ 512, "list-entry" }, { 513, "change-entry" }, { 514, "list-elements" },
	{ 515, "same-mbr-of" }, { 516, "set-fld-sentry" }, { 517, "list-owned" },
	{ 518, "get-cps2" }, { 519, "get-host-cps" }, { 520, "update-entry" },
	{ 521, "list-entries" }, { 530, "list-super-groups" }, { 0, NULL }
};

static const struct tok fs_errors[] = {
	{ 101, "salvage volume" }, { 102, "no such vnode" }, { 103, "no such volume" },
	{ 104, "volume exist" }, { 105, "no service" }, { 106, "volume offline" },
	{ 107, "voline online" }, { 108, "diskfull" }, { 109, "diskquota exceeded" },
	{ 110, "volume busy" }, { 111, "volume moved" }, { 112, "AFS IO error" },
	{ 0xffffff9cu, "restarting fileserver" }, { 0, NULL }
};

#define AFS_NAME_MAX 256
#define AFS_OPAQUE_MAX 1024
#define PT_NAME_MAX 64

/* ---------------------------------------------------------------- ACLs */

static void acl_rights(struct nd *nd, int acl)
{
	/* in the order the fs command shows them */
	static const struct { int bit; char c; } o[] = {
		{ 1, 'r' }, { 8, 'l' }, { 4, 'i' }, { 16, 'd' }, { 2, 'w' }, { 32, 'k' }, { 64, 'a' },
	};
	size_t i;

	for (i = 0; i < sizeof(o) / sizeof(o[0]); i++)
		if (acl & o[i].bit)
			P("%c", o[i].c);
}

/* An ACL text: "npos nneg\n" then "user rights\n" lines */
static void acl_text(struct nd *nd, const char *s, const char *end)
{
	int pos, neg, acl, n, i, k;
	char user[AFS_OPAQUE_MAX + 1];

	if (sscanf(s, "%d %d\n%n", &pos, &neg, &n) != 2)
		return;
	s += n;
	if (s > end)
		return;
	for (k = 0; k < 2; k++) {
		for (i = 0; i < (k ? neg : pos); i++) {
			const char *u;
			if (sscanf(s, "%1024s %d\n%n", user, &acl, &n) != 2)
				return;
			s += n;
			P(" %c{", k ? '-' : '+');
			for (u = user; *u; u++)
				char_print(nd, (uint8_t)*u);
			P(" ");
			acl_rights(nd, acl);
			P("}");
			if (s > end)
				return;
		}
	}
}

static void acl_print(struct rxp *r)
{
	char a[AFS_OPAQUE_MAX + 1];
	uint32_t n = rx_u4(r), i;

	rx_need(r, n);
	if (n > AFS_OPAQUE_MAX)
		n = AFS_OPAQUE_MAX;
	for (i = 0; i < n && r->bp[i]; i++)
		a[i] = (char)r->bp[i];
	memset(a + i, 0, n + 1 - i);
	acl_text(r->nd, a, a + n);
}

/* ---------------------------------------------------------------- fs */

static void fid_list(struct rxp *r)
{
	rx_list(r, rx_fid, 1);
}

void rx_fs_call(struct rxp *r)
{
	uint32_t op;

	if (!rx_call_head(r, "fs", fs_ops, &op))
		return;
	switch (op) {
	case 130:
		rx_fid(r);
		rx_say(r, " offset");
		rx_uint(r);
		rx_say(r, " length");
		rx_uint(r);
		break;
	case 131: case 132: case 143: case 144: case 145: case 156: case 157: case 158:
		rx_fid(r);
		break;
	case 135:
		rx_fid(r);
		rx_storeattr(r);
		break;
	case 133:
		rx_fid(r);
		rx_storeattr(r);
		rx_say(r, " offset");
		rx_uint(r);
		rx_say(r, " length");
		rx_uint(r);
		rx_say(r, " flen");
		rx_uint(r);
		break;
	case 134:
		rx_fid(r);
		acl_print(r);
		break;
	case 137: case 141:
		rx_fid(r);
		rx_str(r, AFS_NAME_MAX);
		rx_storeattr(r);
		break;
	case 136: case 142:
		rx_fid(r);
		rx_str(r, AFS_NAME_MAX);
		break;
	case 138:
		rx_say(r, " old");
		rx_fid(r);
		rx_str(r, AFS_NAME_MAX);
		rx_say(r, " new");
		rx_fid(r);
		rx_str(r, AFS_NAME_MAX);
		break;
	case 139:
		rx_fid(r);
		rx_str(r, AFS_NAME_MAX);
		rx_say(r, " link to");
		rx_str(r, AFS_NAME_MAX);
		break;
	case 140:
		rx_fid(r);
		rx_str(r, AFS_NAME_MAX);
		rx_say(r, " link to");
		rx_fid(r);
		break;
	case 148:
		rx_str(r, AFS_NAME_MAX);
		break;
	case 149: case 150:
		rx_say(r, " volid");
		rx_uint(r);
		break;
	case 154:
		rx_say(r, " volname");
		rx_str(r, AFS_NAME_MAX);
		break;
	case 155: case 65536:
		fid_list(r);
		break;
	case 65537:
		rx_fid(r);
		rx_say(r, " offset");
		rx_u64(r);
		rx_say(r, " length");
		rx_u64(r);
		break;
	case 65538:
		rx_fid(r);
		rx_storeattr(r);
		rx_say(r, " offset");
		rx_u64(r);
		rx_say(r, " length");
		rx_u64(r);
		rx_say(r, " flen");
		rx_u64(r);
		break;
	case 65541:
		rx_say(r, " addr");
		rx_uint(r);
		break;
	}
}

void rx_fs_reply(struct rxp *r, uint32_t op)
{
	struct nd *nd = r->nd;
	uint8_t type;
	char b[24];

	r->svc = "fs";
	if (r->len <= RX_HDR_LEN)
		return;
	type = rx_reply_head(r, "fs", fs_ops, op);
	if (type == RX_DATA) {
		switch (op) {
		case 131:
			acl_print(r);
			break;
		case 137: case 141:
			rx_say(r, " new");
			rx_fid(r);
			break;
		case 151:
			rx_say(r, " root volume");
			rx_str(r, AFS_NAME_MAX);
			break;
		case 153:
			rx_date(r);
			break;
		}
	} else if (type == RX_ABORT) {
		uint32_t e = rx_u4(r);
		P(" error %s", tok2str(fs_errors, "#%d", e, b, sizeof(b)));
	} else {
		P(" strange fs reply of type %u", type);
	}
}

/* ---------------------------------------------------------------- cb */

void rx_cb_call(struct rxp *r)
{
	uint32_t op, n, i;

	if (!rx_call_head(r, "cb", cb_ops, &op))
		return;
	switch (op) {
	case 204:
		fid_list(r);
		n = rx_u4(r);
		if (n)
			rx_say(r, ";");
		for (i = 0; i < n; i++) {
			rx_say(r, " ver");
			rx_int(r);
			rx_say(r, " expires");
			rx_date(r);
			rx_u4(r);	/* the callback type, fetched, not shown */
		}
		break;
	case 214:
		rx_say(r, " afsuuid");
		rx_uuid(r);
		break;
	}
}

void rx_cb_reply(struct rxp *r, uint32_t op)
{
	r->svc = "cb";
	if (r->len <= RX_HDR_LEN)
		return;
	if (rx_reply_head(r, "cb", cb_ops, op) == RX_DATA) {
		if (op == 213)
			rx_uuid(r);
	} else {
		rx_say(r, " errcode");
		rx_int(r);
	}
}

/* ---------------------------------------------------------------- pt */

static void pt_name(struct rxp *r)
{
	rx_vec(r, PT_NAME_MAX);
}

void rx_pt_call(struct rxp *r)
{
	uint32_t op;

	if (!rx_db_call(r, "pt", &op) || !rx_call_head(r, "", pt_ops, &op))
		return;
	switch (op) {
	case 500:
		rx_str(r, PT_NAME_MAX);
		rx_say(r, " id");
		rx_int(r);
		rx_say(r, " oldid");
		rx_int(r);
		break;
	case 501: case 506: case 508: case 512: case 514: case 517: case 518: case 519: case 530:
		rx_say(r, " id");
		rx_int(r);
		break;
	case 502:
		rx_say(r, " pos");
		rx_int(r);
		break;
	case 503: case 507: case 515:
		rx_say(r, " uid");
		rx_int(r);
		rx_say(r, " gid");
		rx_int(r);
		break;
	case 504:
		rx_list(r, pt_name, 0);
		break;
	case 505:
		rx_say(r, " ids:");
		rx_list(r, rx_int, 0);
		break;
	case 509:
		rx_str(r, PT_NAME_MAX);
		rx_say(r, " flag");
		rx_int(r);
		rx_say(r, " oid");
		rx_int(r);
		break;
	case 511:
		rx_say(r, " id");
		rx_int(r);
		rx_say(r, " gflag");
		rx_int(r);
		break;
	case 513:
		rx_say(r, " id");
		rx_int(r);
		rx_str(r, PT_NAME_MAX);
		rx_say(r, " oldid");
		rx_int(r);
		rx_say(r, " newid");
		rx_int(r);
		break;
	case 520:
		rx_say(r, " id");
		rx_int(r);
		rx_str(r, PT_NAME_MAX);
		break;
	}
}

void rx_pt_reply(struct rxp *r, uint32_t op)
{
	if (!rx_db_reply(r, "pt", op))
		return;
	if (rx_reply_head(r, "", pt_ops, op) != RX_DATA) {
		rx_say(r, " errcode");
		rx_int(r);
		return;
	}
	switch (op) {
	case 504:
		rx_say(r, " ids:");
		rx_list(r, rx_int, 0);
		break;
	case 505:
		rx_list(r, pt_name, 0);
		break;
	case 508: case 514: case 517: case 518: case 519:
		rx_list(r, rx_int, 0);
		break;
	case 510:
		rx_say(r, " maxuid");
		rx_int(r);
		rx_say(r, " maxgid");
		rx_int(r);
		break;
	}
}
