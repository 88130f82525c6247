/* Rx / AFS: the volume location server (port 7003), the kauth server
 * (7004), the volume server (7005) and the basic overseer (7007). */
#include <stdio.h>

#include "rx-int.h"

static const struct tok vldb_ops[] = {
	{ 501, "create-entry" }, { 502, "delete-entry" }, { 503, "get-entry-by-id" },
	{ 504, "get-entry-by-name" }, { 505, "get-new-volume-id" }, { 506, "replace-entry" },
	{ 507, "update-entry" }, { 508, "setlock" }, { 509, "releaselock" },
	{ 510, "list-entry" }, { 511, "list-attrib" }, { 512, "linked-list" },
	{ 513, "get-stats" }, { 514, "probe" }, { 515, "get-addrs" }, { 516, "change-addr" },
	{ 517, "create-entry-n" }, { 518, "get-entry-by-id-n" }, { 519, "get-entry-by-name-n" },
	{ 520, "replace-entry-n" }, { 521, "list-entry-n" }, { 522, "list-attrib-n" },
	{ 523, "linked-list-n" }, { 524, "update-entry-by-name" }, { 525, "create-entry-u" },
	{ 526, "get-entry-by-id-u" }, { 527, "get-entry-by-name-u" }, { 528, "replace-entry-u" },
	{ 529, "list-entry-u" }, { 530, "list-attrib-u" }, { 531, "linked-list-u" },
	{ 532, "regaddr" }, { 533, "get-addrs-u" }, { 534, "list-attrib-n2" }, { 0, NULL }
};

static const struct tok kauth_ops[] = {
	{ 1, "auth-old" }, { 21, "authenticate" }, { 22, "authenticate-v2" },
	{ 2, "change-pw" }, { 3, "get-ticket-old" }, { 23, "get-ticket" }, { 4, "set-pw" },
	{ 5, "set-fields" }, { 6, "create-user" }, { 7, "delete-user" }, { 8, "get-entry" },
	{ 9, "list-entry" }, { 10, "get-stats" }, { 11, "debug" }, { 12, "get-pw" },
	{ 13, "get-random-key" }, { 14, "unlock" }, { 15, "lock-status" }, { 0, NULL }
};

static const struct tok vol_ops[] = {
	{ 100, "create-volume" }, { 101, "delete-volume" }, { 102, "restore" },
	{ 103, "forward" }, { 104, "end-trans" }, { 105, "clone" }, { 106, "set-flags" },
	{ 107, "get-flags" }, { 108, "trans-create" }, { 109, "dump" },
	{ 110, "get-nth-volume" }, { 111, "set-forwarding" }, { 112, "get-name" },
	{ 113, "get-status" }, { 114, "sig-restore" }, { 115, "list-partitions" },
	{ 116, "list-volumes" }, { 117, "set-id-types" }, { 118, "monitor" },
	{ 119, "partition-info" }, { 120, "reclone" }, { 121, "list-one-volume" },
	{ 122, "nuke" }, { 123, "set-date" }, { 124, "x-list-volumes" },
	{ 125, "x-list-one-volume" }, { 126, "set-info" }, { 127, "x-list-partitions" },
	{ 128, "forward-multiple" }, { 65536, "convert-ro" }, { 65537, "get-size" },
	{ 65538, "dump-v2" }, { 0, NULL }
};

static const struct tok bos_ops[] = {
	{ 80, "create-bnode" }, { 81, "delete-bnode" }, { 82, "set-status" },
	{ 83, "get-status" }, { 84, "enumerate-instance" }, { 85, "get-instance-info" },
	{ 86, "get-instance-parm" }, { 87, "add-superuser" }, { 88, "delete-superuser" },
	{ 89, "list-superusers" }, { 90, "list-keys" }, { 91, "add-key" }, { 92, "delete-key" },
	{ 93, "set-cell-name" }, { 94, "get-cell-name" }, { 95, "get-cell-host" },
	{ 96, "add-cell-host" }, { 97, "delete-cell-host" }, { 98, "set-t-status" },
	{ 99, "shutdown-all" }, { 100, "restart-all" }, { 101, "startup-all" },
	{ 102, "set-noauth-flag" }, { 103, "re-bozo" }, { 104, "restart" },
	{ 105, "start-bozo-install" }, { 106, "uninstall" }, { 107, "get-dates" },
	{ 108, "exec" }, { 109, "prune" }, { 110, "set-restart-time" },
	{ 111, "get-restart-time" }, { 112, "start-bozo-log" }, { 113, "wait-all" },
	{ 114, "get-instance-strings" }, { 115, "get-restricted" }, { 116, "set-restricted" },
	{ 0, NULL }
};

static const char *const voltypes[] = { "read-write", "read-only", "backup" };

#define VL_NAME_MAX 65
#define KA_NAME_MAX 64
#define AFS_NAME_MAX 256
#define BOS_NAME_MAX 256

/* ---------------------------------------------------------------- vldb */

static void vol_type(struct rxp *r)
{
	struct nd *nd = r->nd;
	uint32_t t = rx_u4(r);

	if (t <= 2)
		P(" type %s", voltypes[t]);
}

void rx_vldb_call(struct rxp *r)
{
	uint32_t op;

	if (!rx_db_call(r, "vldb", &op) || !rx_call_head(r, "", vldb_ops, &op))
		return;
	switch (op) {
	case 501: case 517:
		rx_vec(r, VL_NAME_MAX);
		break;
	case 502: case 503: case 507: case 508: case 509: case 518:
		rx_say(r, " volid");
		rx_int(r);
		vol_type(r);
		break;
	case 504: case 519: case 524: case 527:
		rx_str(r, VL_NAME_MAX);
		break;
	case 505:
		rx_say(r, " bump");
		rx_int(r);
		break;
	case 506: case 520:
		rx_say(r, " volid");
		rx_int(r);
		vol_type(r);
		rx_vec(r, VL_NAME_MAX);
		break;
	case 510: case 521:
		rx_say(r, " index");
		rx_int(r);
		break;
	}
}

/* A volume's entry: name, servers (n slots; uuid: as AFS UUIDs), their
 * partitions, the volume ids.  skip4: a word follows the name. */
static void vl_entry(struct rxp *r, unsigned slots, int skip4, int uuid)
{
	struct nd *nd = r->nd;
	uint32_t ns, i, j;
	char a[16];

	rx_vec(r, VL_NAME_MAX);
	if (skip4) {
		rx_need(r, 4);
		r->bp += 4;
	}
	rx_say(r, " numservers");
	ns = rx_u4(r);
	P(" %u", ns);
	rx_say(r, " servers");
	for (i = 0; i < slots; i++) {
		if (uuid) {
			if (i < ns) {
				rx_say(r, " afsuuid");
				rx_uuid(r);
			} else {
				rx_need(r, 44);
				r->bp += 44;
			}
			continue;
		}
		rx_need(r, 4);
		if (i < ns)
			P(" %s", ip4_str(nd, r->bp, a));
		r->bp += 4;
	}
	if (uuid) {
		rx_need(r, 4 * slots);
		r->bp += 4 * slots;
	}
	rx_say(r, " partitions");
	for (i = 0; i < slots; i++) {
		j = rx_u4(r);
		if (i < ns && j <= 26)
			P(" %c", 'a' + j);
		else if (i < ns)
			P(" %u", j);
	}
	rx_need(r, 4 * slots);
	r->bp += 4 * slots;
	rx_say(r, " rwvol");
	rx_uint(r);
	rx_say(r, " rovol");
	rx_uint(r);
	rx_say(r, " backup");
	rx_uint(r);
}

static void count_next(struct rxp *r)
{
	rx_say(r, " count");
	rx_int(r);
	rx_say(r, " nextindex");
	rx_int(r);
}

void rx_vldb_reply(struct rxp *r, uint32_t op)
{
	if (!rx_db_reply(r, "vldb", op))
		return;
	if (rx_reply_head(r, "", vldb_ops, op) != RX_DATA) {
		rx_say(r, " errcode");
		rx_int(r);
		return;
	}
	switch (op) {
	case 510:
		count_next(r);
		/* fall through */
	case 503: case 504:
		vl_entry(r, 8, 1, 0);
		break;
	case 505:
		rx_say(r, " newvol");
		rx_uint(r);
		break;
	case 521: case 529:
		count_next(r);
		/* fall through */
	case 518: case 519:
		vl_entry(r, 13, 0, 0);
		break;
	case 526: case 527:
		vl_entry(r, 13, 0, 1);
		break;
	}
}

/* ---------------------------------------------------------------- kauth */

static void principal(struct rxp *r)
{
	rx_say(r, " principal");
	rx_str(r, KA_NAME_MAX);
	rx_str(r, KA_NAME_MAX);
}

void rx_kauth_call(struct rxp *r)
{
	uint32_t op, n;

	if (!rx_db_call(r, "kauth", &op) || !rx_call_head(r, "", kauth_ops, &op))
		return;
	switch (op) {
	case 1: case 21: case 22: case 2: case 5: case 6: case 7: case 8: case 14: case 15:
		principal(r);
		break;
	case 3: case 23:
		rx_say(r, " kvno");
		rx_int(r);
		rx_say(r, " domain");
		rx_str(r, KA_NAME_MAX);
		n = rx_u4(r);
		rx_need(r, n);
		r->bp += n;
		principal(r);
		break;
	case 4:
		principal(r);
		rx_say(r, " kvno");
		rx_int(r);
		break;
	case 12:
		rx_say(r, " name");
		rx_str(r, KA_NAME_MAX);
		break;
	}
}

void rx_kauth_reply(struct rxp *r, uint32_t op)
{
	if (r->len <= RX_HDR_LEN || !rx_db_reply(r, "kauth", op))
		return;
	if (rx_reply_head(r, "", kauth_ops, op) != RX_DATA) {
		rx_say(r, " errcode");
		rx_int(r);
	}
}

/* ---------------------------------------------------------------- vol */

static void from(struct rxp *r)
{
	rx_say(r, " fromtrans");
	rx_uint(r);
	rx_say(r, " fromdate");
	rx_date(r);
}

/* Labelled unsigned words: labels separated by '|' */
static void uints(struct rxp *r, const char *labels)
{
	struct nd *nd = r->nd;
	const char *s = labels, *e;

	while (*s) {
		for (e = s; *e && *e != '|'; e++)
			;
		P(" %.*s", (int)(e - s), s);
		rx_uint(r);
		s = *e ? e + 1 : e;
	}
}

static void vol_name_item(struct rxp *r)
{
	rx_say(r, " name");
	rx_vec(r, 32);
	rx_say(r, " volid");
	rx_uint(r);
	rx_say(r, " type");
	r->bp += 4 * 21;
}

void rx_vol_call(struct rxp *r)
{
	uint32_t op;

	if (!rx_call_head(r, "vol", vol_ops, &op))
		return;
	switch (op) {
	case 100:
		uints(r, "partition");
		rx_say(r, " name");
		rx_str(r, AFS_NAME_MAX);
		uints(r, "type|parent");
		break;
	case 101: case 107: case 104:
		uints(r, "trans");
		break;
	case 102:
		uints(r, "totrans|flags");
		break;
	case 103:
		from(r);
		rx_destserver(r);
		rx_say(r, " desttrans");
		rx_int(r);
		break;
	case 105:
		uints(r, "trans|purgevol|newtype");
		rx_say(r, " newname");
		rx_str(r, AFS_NAME_MAX);
		break;
	case 106:
		uints(r, "trans|flags");
		break;
	case 108:
		uints(r, "vol|partition|flags");
		break;
	case 109: case 655537:	/* (sic: tcpdump's get-size is 65537) */
		from(r);
		break;
	case 110:
		uints(r, "index");
		break;
	case 111:
		uints(r, "tid|newsite");
		break;
	case 112: case 113:
		rx_say(r, " tid");
		break;
	case 114:
		rx_say(r, " name");
		rx_str(r, AFS_NAME_MAX);
		uints(r, "type|pid|cloneid");
		break;
	case 116:
		uints(r, "partition|flags");
		break;
	case 117:
		uints(r, "tid");
		rx_say(r, " name");
		rx_str(r, AFS_NAME_MAX);
		uints(r, "type|pid|clone|backup");
		break;
	case 119:
		rx_say(r, " name");
		rx_str(r, AFS_NAME_MAX);
		break;
	case 120: case 126:
		uints(r, "tid");
		break;
	case 121: case 122: case 124: case 125: case 65536:
		uints(r, "partid|volid");
		break;
	case 123:
		uints(r, "tid");
		rx_say(r, " date");
		rx_date(r);
		break;
	case 128:
		from(r);
		rx_list(r, rx_destserver, 1);
		break;
	case 65538:
		from(r);
		uints(r, "flags");
		break;
	}
}

void rx_vol_reply(struct rxp *r, uint32_t op)
{
	static const char *const dates[] = { " create", " access", " update", " expire",
					     " backup", " copy" };
	unsigned i;

	r->svc = "vol";
	if (r->len <= RX_HDR_LEN)
		return;
	if (rx_reply_head(r, "vol", vol_ops, op) != RX_DATA) {
		rx_say(r, " errcode");
		rx_int(r);
		return;
	}
	switch (op) {
	case 100:
		uints(r, "volid|trans");
		break;
	case 104: case 107:
		rx_uint(r);
		break;
	case 105:
		uints(r, "newvol");
		break;
	case 108:
		uints(r, "trans");
		break;
	case 110:
		uints(r, "volume|partition");
		break;
	case 112:
		rx_str(r, AFS_NAME_MAX);
		break;
	case 113:
		uints(r, "volid|nextuniq|type|parentid|clone|backup|restore|maxquota|minquota|owner");
		for (i = 0; i < 6; i++) {
			rx_say(r, dates[i]);
			rx_date(r);
		}
		break;
	case 116: case 121:
		rx_list(r, vol_name_item, 1);
		break;
	}
}

/* ---------------------------------------------------------------- bos */

void rx_bos_call(struct rxp *r)
{
	uint32_t op;

	if (!rx_call_head(r, "bos", bos_ops, &op))
		return;
	switch (op) {
	case 80:
		rx_say(r, " type");
		rx_str(r, BOS_NAME_MAX);
		rx_say(r, " instance");
		rx_str(r, BOS_NAME_MAX);
		break;
	case 81: case 83: case 85: case 87: case 88: case 93: case 96: case 97:
	case 104: case 106: case 108: case 112: case 114:
		rx_str(r, BOS_NAME_MAX);
		break;
	case 82: case 98:
		rx_str(r, BOS_NAME_MAX);
		rx_say(r, " status");
		rx_int(r);
		break;
	case 86:
		rx_str(r, BOS_NAME_MAX);
		rx_say(r, " num");
		rx_int(r);
		break;
	case 84: case 89: case 90: case 91: case 92: case 95:
		rx_int(r);
		break;
	case 105:
		rx_str(r, BOS_NAME_MAX);
		rx_say(r, " size");
		rx_int(r);
		rx_say(r, " flags");
		rx_int(r);
		rx_say(r, " date");
		rx_int(r);
		break;
	}
}

void rx_bos_reply(struct rxp *r, uint32_t op)
{
	r->svc = "bos";
	if (r->len <= RX_HDR_LEN)
		return;
	if (rx_reply_head(r, "bos", bos_ops, op) != RX_DATA) {
		rx_say(r, " errcode");
		rx_int(r);
	}
}
