/* NFS over Sun RPC as tcpdump prints it: calls to port 2049 and replies
 * from it, over UDP and over TCP (record marking); NFSv2 and v3 calls and
 * replies with their file handles, names and attributes.  Replies are
 * decoded from the procedure of the call they answer, remembered in a
 * small ring of recent calls as tcpdump does.  tcpdump decodes no NFSv4
 * operation: a COMPOUND goes through the v2 procedure table as "getattr".
 * The replies are in print-nfs-reply.c. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "nfs-int.h"

#define NFS_PORT 2049

/* v2 procedure numbers mapped to the v3 ones */
static const uint8_t v2procs[NFS_NPROCS] = {
	NFSP_NULL, NFSP_GETATTR, NFSP_SETATTR, NFSP_NOOP, NFSP_LOOKUP,
	NFSP_READLINK, NFSP_READ, NFSP_NOOP, NFSP_WRITE, NFSP_CREATE,
	NFSP_REMOVE, NFSP_RENAME, NFSP_LINK, NFSP_SYMLINK, NFSP_MKDIR,
	NFSP_RMDIR, NFSP_READDIR, NFSP_FSSTAT, NFSP_NOOP, NFSP_NOOP,
	NFSP_NOOP, NFSP_NOOP, NFSP_NOOP, NFSP_NOOP, NFSP_NOOP, NFSP_NOOP,
};

static const struct tok procnames[] = {
	{ NFSP_NOOP, "nop" }, { NFSP_NULL, "null" }, { NFSP_GETATTR, "getattr" },
	{ NFSP_SETATTR, "setattr" }, { NFSP_LOOKUP, "lookup" },
	{ NFSP_ACCESS, "access" }, { NFSP_READLINK, "readlink" },
	{ NFSP_READ, "read" }, { NFSP_WRITE, "write" }, { NFSP_CREATE, "create" },
	{ NFSP_MKDIR, "mkdir" }, { NFSP_SYMLINK, "symlink" },
	{ NFSP_MKNOD, "mknod" }, { NFSP_REMOVE, "remove" },
	{ NFSP_RMDIR, "rmdir" }, { NFSP_RENAME, "rename" }, { NFSP_LINK, "link" },
	{ NFSP_READDIR, "readdir" }, { NFSP_READDIRPLUS, "readdirplus" },
	{ NFSP_FSSTAT, "fsstat" }, { NFSP_FSINFO, "fsinfo" },
	{ NFSP_PATHCONF, "pathconf" }, { NFSP_COMMIT, "commit" }, { 0, NULL }
};

const struct tok nfs_types[] = {
	{ 0, "NON" }, { 1, "REG" }, { 2, "DIR" }, { 3, "BLK" }, { 4, "CHR" },
	{ 5, "LNK" }, { 7, "FIFO" }, { 0, NULL }
};

const struct tok nfs_writemodes[] = {
	{ 0, "unstable" }, { 1, "datasync" }, { 2, "filesync" }, { 0, NULL }
};

static const struct tok access_bits[] = {
	{ 0x01, "NFS_ACCESS_READ" }, { 0x02, "NFS_ACCESS_LOOKUP" },
	{ 0x04, "NFS_ACCESS_MODIFY" }, { 0x08, "NFS_ACCESS_EXTEND" },
	{ 0x10, "NFS_ACCESS_DELETE" }, { 0x20, "NFS_ACCESS_EXECUTE" }, { 0, NULL }
};

uint32_t nfs_proc_print(struct nd *nd, uint32_t proc, int v3)
{
	char b[24];

	if (!v3 && proc < NFS_NPROCS)
		proc = v2procs[proc];
	P(" %s", tok2str(procnames, "proc-%u", proc, b, sizeof(b)));
	return proc;
}

/* ---------------------------------------------------------------- file handles */

/* The server OS a handle's layout suggests (tcpdump's guesses). */
enum fhkind { FH_UNKNOWN, FH_AUSPEX, FH_DECOSF, FH_IRIX4, FH_SUNOS4, FH_ULTRIX,
	      FH_VMSUCX, FH_SUNOS5, FH_HPUX9, FH_BSD44 };

static uint32_t le4(const uint8_t *p)
{
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}
static uint32_t be4(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* VMS UCX: at least 28 bytes, bytes 1-13 printable text then NULs. */
static int vms_ucx(const uint8_t *f, uint32_t words)
{
	int nul = 0, i;

	if (words < 7)
		return 0;
	for (i = 1; i < 14; i++) {
		if (f[i] >= 0x20 && f[i] < 0x7f) {
			if (nul)
				return 0;
		} else if (f[i] == 0) {
			nul = 1;
		} else {
			return 0;
		}
	}
	return 1;
}

static enum fhkind fh_kind(const uint8_t *f, uint32_t words)
{
	if (words < 4)
		return FH_UNKNOWN;
	if (f[0] == 0 && f[1] == 0) {
		if (f[2] == 0 && f[3] == 0)
			return FH_AUSPEX;
		if (f[4] != 0 && f[5] == 0 && f[8] == 12 && f[9] == 0)
			return FH_DECOSF;
		if (f[4] == 0 && f[5] == 8 && f[6] == 0 && f[7] == 0)
			return FH_IRIX4;
		return FH_SUNOS4;
	}
	if (f[2] == 0 && f[3] == 0) {
		if (f[6] == 0 && f[7] == 0)
			return FH_BSD44;
		if (words >= 6 && f[21] == 0 && f[23] == 0)
			return FH_ULTRIX;
		return f[9] == 10 ? FH_SUNOS5 : FH_UNKNOWN;
	}
	if (f[8] == 12 && f[9] == 0)
		return FH_DECOSF;
	if (f[8] == 0 && f[9] == 10)
		return (f[4] | f[5] | f[6] | f[7]) == 0 ? FH_HPUX9 : FH_SUNOS5;
	return vms_ucx(f, words) ? FH_VMSUCX : FH_UNKNOWN;
}

/* A handle of `words` 32-bit words, all captured: " fh MAJOR,MINOR/INODE",
 * " fh NAME/INODE" (VMS), " fh Unknown/HEX"; -u prints the raw words. */
static void fh_print(struct nd *nd, const uint8_t *f, uint32_t words)
{
	uint32_t major = 0, minor = 0, ino = 0, i, n;
	const char *name = NULL;
	char tmp[65];
	enum fhkind k;

	if (nd->o->uflag) {
		P(" fh[");
		for (i = 0; i < words; i++)
			P("%s%x", i ? ":" : "", be4(f + 4 * i));
		P("]");
		return;
	}
	k = fh_kind(f, words);
	switch (k) {
	case FH_AUSPEX:
		major = f[6], minor = f[7], ino = be4(f + 12);
		break;
	case FH_BSD44:
		minor = f[0], major = f[1], ino = le4(f + 12);
		break;
	case FH_DECOSF:
		minor = le4(f) & 0xfffff, major = le4(f) >> 20 & 0xfff;
		ino = le4(f + 12);
		break;
	case FH_IRIX4:
		major = f[2], minor = f[3], ino = be4(f + 8);
		break;
	case FH_SUNOS4:
		major = f[2], minor = f[3], ino = be4(f + 12);
		break;
	case FH_SUNOS5:
		major = (uint32_t)(f[0] << 8 | f[1]) >> 2 & 0x3fff;
		minor = (uint32_t)(f[1] << 16 | f[2] << 8 | f[3]) & 0x3ffff;
		ino = be4(f + 12);
		break;
	case FH_ULTRIX:
		minor = f[0], major = f[1], ino = le4(f + 4);
		break;
	case FH_HPUX9:
		major = f[0], minor = (uint32_t)(f[1] << 16 | f[2] << 8 | f[3]);
		ino = be4(f + 12);
		break;
	case FH_VMSUCX:
		/* tcpdump keeps the first bytes as its (host-order) device */
		minor = le4(f);
		ino = (uint32_t)f[26] << 24 | (uint32_t)f[27] << 16 | (uint32_t)(f[23] << 8 | f[22]);
		name = (const char *)f + 1;
		break;
	case FH_UNKNOWN:
		minor = 257;
		name = "Unknown";
		break;
	}
	if (name) {
		/* the name, cut to as many bytes as the handle has words and
		 * at its first NUL or space */
		n = words < 64 ? words : 64;
		for (i = 0; i < n && name[i] && name[i] != ' '; i++)
			tmp[i] = name[i];
		tmp[i] = '\0';
		P(" fh %s/", tmp);
	} else {
		P(" fh %u,%u/", major, minor);
	}
	if (k == FH_UNKNOWN) {
		for (i = 0; i < words * 4 && i < 32; i++)
			P("%02X", f[i]);
	} else if (minor != 257) {
		P("%u", ino);
	}
	/* (other layouts with minor 257 print an uninitialised buffer in
	 * tcpdump: nothing here) */
}

int64_t nfs_fh(struct nfsx *x, int64_t off, int v3)
{
	uint32_t words = 8;

	if (v3) {
		words = nfs_w(x, off) / 4;
		off += 4;
	}
	if (!nfs_has(x, off, (uint64_t)words * 4))
		return -1;
	fh_print(x->nd, x->b + off, words);
	return off + (int64_t)words * 4;
}

int64_t nfs_fn(struct nfsx *x, int64_t off)
{
	struct nd *nd = x->nd;
	uint32_t len = nfs_w(x, off);
	uint32_t rlen;

	off += 4;
	if (len > UINT32_MAX - 3) {
		P("[cannot pad to 32-bit boundaries] (invalid)");
		return -1;
	}
	rlen = (len + 3) & ~3u;
	if (!nfs_has(x, off, rlen))
		return -1;
	P("\"");
	if (chars_print(nd, x->b + off, len)) {
		P("\"");
		return -1;
	}
	P("\"");
	return off + rlen;
}

/* A handle and a name (diropargs) */
static int64_t fhn(struct nfsx *x, int64_t off, int v3)
{
	struct nd *nd = x->nd;

	off = nfs_fh(x, off, v3);
	if (off < 0)
		return -1;
	P(" ");
	return nfs_fn(x, off);
}

/* ---------------------------------------------------------------- calls to replies */

/* The last calls seen, a ring searched from where the last search found
 * its call, so replies are decoded knowing what they answer. */
#define XIDMAP 64
static struct xid_ent {
	uint32_t xid;		/* as on the wire */
	int ipver;
	uint8_t client[16], server[16];
	uint32_t proc, vers;
} xidmap[XIDMAP];
static int xid_next, xid_hint;

static int ipver(const uint8_t *iph)
{
	return iph ? iph[0] >> 4 : 0;
}

/* Remember a call; 0 when its procedure was not captured. */
static int xid_enter(struct nfsx *x, const uint8_t *iph)
{
	struct xid_ent *e;
	int v = ipver(iph);

	if (!nfs_has(x, 20, 4))
		return 0;
	if (v != 4 && v != 6)
		return 1;
	e = &xidmap[xid_next];
	if (++xid_next >= XIDMAP)
		xid_next = 0;
	memcpy(&e->xid, x->b, 4);
	e->ipver = v;
	memset(e->client, 0, 16);
	memset(e->server, 0, 16);
	if (v == 4) {
		memcpy(e->client, iph + 12, 4);
		memcpy(e->server, iph + 16, 4);
	} else {
		memcpy(e->client, iph + 8, 16);
		memcpy(e->server, iph + 24, 16);
	}
	e->proc = nfs_w(x, 20);
	e->vers = nfs_w(x, 16);
	return 1;
}

/* The call a reply answers: same xid, addresses swapped. */
static int xid_find(struct nfsx *x, const uint8_t *iph, uint32_t *proc, uint32_t *vers)
{
	int i = xid_hint, v = ipver(iph), al = v == 4 ? 4 : 16, ao = v == 4 ? 12 : 8;
	uint32_t xid;

	memcpy(&xid, x->b, 4);
	do {
		struct xid_ent *e = &xidmap[i];
		if (e->ipver == v && e->xid == xid && (v == 4 || v == 6) &&
		    memcmp(iph + ao, e->server, al) == 0 &&
		    memcmp(iph + ao + al, e->client, al) == 0) {
			xid_hint = i;
			*proc = e->proc;
			*vers = e->vers;
			return 0;
		}
		if (++i >= XIDMAP)
			i = 0;
	} while (i != xid_hint);
	return -1;
}

/* ---------------------------------------------------------------- calls */

/* The arguments start after the credentials and the verifier; -1 when
 * they do not fit in the message (tcpdump compares their lengths with the
 * whole message's). */
static int64_t call_args(struct nfsx *x, uint32_t length)
{
	int64_t off = 24;
	uint32_t len, rlen;

	if (length < 8)
		return -1;
	len = nfs_w(x, off + 4);
	rlen = (len + 3) & ~3u;
	if (!nfs_has(x, off + 8, rlen) || (uint64_t)rlen + 8 > length)
		return -1;
	off += ((int64_t)len + 11) / 4 * 4;
	length -= 8 + rlen;
	if (length < 8)
		return -1;
	len = nfs_w(x, off + 4);
	rlen = (len + 3) & ~3u;
	if (!nfs_has(x, off + 8, rlen) || (uint64_t)rlen + 8 >= length)
		return -1;
	return off + ((int64_t)len + 11) / 4 * 4;
}

struct sattr3 {
	uint32_t modeset, mode, uidset, uid, gidset, gid;
	uint32_t atype, asec, ansec, mtype, msec, mnsec;
};

/* NFSv3 sattr3 (tcpdump takes the size as one word) */
static int64_t sattr3(struct nfsx *x, int64_t o, struct sattr3 *s)
{
	memset(s, 0, sizeof(*s));
	if ((s->modeset = nfs_w(x, o)) != 0)
		s->mode = nfs_w(x, o += 4);
	if ((s->uidset = nfs_w(x, o += 4)) != 0)
		s->uid = nfs_w(x, o += 4);
	if ((s->gidset = nfs_w(x, o += 4)) != 0)
		s->gid = nfs_w(x, o += 4);
	if (nfs_w(x, o += 4) != 0)
		nfs_w(x, o += 4);
	if ((s->atype = nfs_w(x, o += 4)) == 2) {
		s->asec = nfs_w(x, o += 4);
		s->ansec = nfs_w(x, o += 4);
	}
	if ((s->mtype = nfs_w(x, o += 4)) == 2) {
		s->msec = nfs_w(x, o += 4);
		s->mnsec = nfs_w(x, o += 4);
	}
	return o + 4;
}

static void sattr3_print(struct nd *nd, const struct sattr3 *s)
{
	if (s->modeset)
		P(" mode %o", s->mode);
	if (s->uidset)
		P(" uid %u", s->uid);
	if (s->gidset)
		P(" gid %u", s->gid);
	if (nd->o->vflag > 1) {
		if (s->atype == 2)
			P(" atime %u.%06u", s->asec, s->ansec);
		if (s->mtype == 2)
			P(" mtime %u.%06u", s->msec, s->mnsec);
	}
}

static void access_print(struct nd *nd, uint32_t a)
{
	const struct tok *t;
	char sep = ' ';

	if (a & ~0x3fu) {
		P(" %04x", a);
	} else if (a == 0x3f) {
		P(" NFS_ACCESS_FULL");
	} else {
		for (t = access_bits; t->s; t++) {
			if (a & t->v) {
				P("%c%s", sep, t->s);
				sep = '|';
			}
		}
	}
}

static void nfs_call(struct nd *nd, const uint8_t *b, uint32_t length, const uint8_t *iph)
{
	struct nfsx xx = { nd, b, 0 }, *x = &xx;
	struct sattr3 sa;
	uint32_t proc, type;
	int64_t o;
	int v3, v = nd->o->vflag;
	char buf[24];

	nd->proto = "nfs";
	P("%u", length);
	if (!xid_enter(x, iph)) {
		nd_trunc(nd);
		return;
	}
	v3 = nfs_w(x, 16) == 3;
	proc = nfs_proc_print(nd, nfs_w(x, 20), v3);
	if (proc == NFSP_NULL || proc > NFSP_COMMIT)
		return;
	o = call_args(x, length);
	if (o < 0) {
		nd_trunc(nd);
		return;
	}
	switch (proc) {
	case NFSP_LOOKUP: case NFSP_CREATE: case NFSP_MKDIR:
	case NFSP_REMOVE: case NFSP_RMDIR:
		o = fhn(x, o, v3);
		break;
	case NFSP_SYMLINK:
		if ((o = fhn(x, o, v3)) < 0)
			break;
		P(" ->");
		if (v3)
			o = sattr3(x, o, &sa);
		if ((o = nfs_fn(x, o)) >= 0 && v3 && v)
			sattr3_print(nd, &sa);
		break;
	case NFSP_MKNOD:
		if ((o = fhn(x, o, v3)) < 0)
			break;
		type = nfs_w(x, o);
		o = sattr3(x, o + 4, &sa);
		P(" %s", tok2str(nfs_types, "unk-ft %u", type, buf, sizeof(buf)));
		if (v && (type == 3 || type == 4))
			P(" %u/%u", nfs_w(x, o), nfs_w(x, o + 4));
		if (v)
			sattr3_print(nd, &sa);
		break;
	case NFSP_RENAME:
		if ((o = fhn(x, o, v3)) < 0)
			break;
		P(" ->");
		o = fhn(x, o, v3);
		break;
	case NFSP_LINK:
		if ((o = nfs_fh(x, o, v3)) < 0)
			break;
		P(" ->");
		o = fhn(x, o, v3);
		break;
	default:
		/* a handle, then what follows it */
		if ((o = nfs_fh(x, o, v3)) < 0)
			break;
		switch (proc) {
		case NFSP_ACCESS:
			access_print(nd, nfs_w(x, o));
			break;
		case NFSP_READ:
			if (v3)
				P(" %u bytes @ %" PRIu64, nfs_w(x, o + 8), nfs_w8(x, o));
			else
				P(" %u bytes @ %u", nfs_w(x, o + 4), nfs_w(x, o));
			break;
		case NFSP_WRITE:
			if (!v3) {
				P(" %u (%u) bytes @ %u (%u)", nfs_w(x, o + 12), nfs_w(x, o + 8),
				  nfs_w(x, o + 4), nfs_w(x, o));
				break;
			}
			P(" %u (%u) bytes @ %" PRIu64, nfs_w(x, o + 16), nfs_w(x, o + 8),
			  nfs_w8(x, o));
			if (v)
				P(" <%s>", tok2str(nfs_writemodes, "#%d", nfs_w(x, o + 12), buf, sizeof(buf)));
			break;
		case NFSP_READDIR:
			if (!v3) {
				P(" %u bytes @ %u", nfs_w(x, o + 4), nfs_w(x, o));
				break;
			}
			P(" %u bytes @ %" PRId64, nfs_w(x, o + 16), (int64_t)nfs_w8(x, o));
			if (v)
				P(" verf %08x%08x", nfs_w(x, o + 8), nfs_w(x, o + 12));
			break;
		case NFSP_READDIRPLUS:
			P(" %u bytes @ %" PRId64, nfs_w(x, o + 16), (int64_t)nfs_w8(x, o));
			if (v)
				P(" max %u verf %08x%08x", nfs_w(x, o + 20), nfs_w(x, o + 8),
				  nfs_w(x, o + 12));
			break;
		case NFSP_COMMIT:
			P(" %u bytes @ %" PRIu64, nfs_w(x, o + 8), nfs_w8(x, o));
			break;
		}
	}
	if (o < 0)
		nd_trunc(nd);
}

/* ---------------------------------------------------------------- replies */

static const struct tok auth_stat[] = {
	{ 0, "OK" }, { 1, "Bogus Credentials (seal broken)" },
	{ 2, "Rejected Credentials (client should begin new session)" },
	{ 3, "Bogus Verifier (seal broken)" }, { 4, "Verifier expired or was replayed" },
	{ 5, "Credentials are too weak" }, { 6, "Bogus response verifier" },
	{ 7, "Unknown failure" }, { 0, NULL }
};

static void nfs_reply(struct nd *nd, const uint8_t *b, uint32_t length, const uint8_t *iph)
{
	struct nfsx xx = { nd, b, 0 }, *x = &xx;
	uint32_t st, proc, vers;
	char buf[40];

	nd->proto = "nfs";
	if (!nfs_has(x, 8, 4))
		goto trunc;
	st = nfs_w(x, 8);
	if (st == 0) {
		P("reply ok %u", length);
		if (xid_find(x, iph, &proc, &vers) >= 0)
			nfs_reply_interp(x, proc, vers, length);
	} else if (st == 1) {
		P("reply ERR %u: ", length);
		if (!nfs_has(x, 12, 4))
			goto trunc;
		st = nfs_w(x, 12);
		if (st == 0) {
			if (!nfs_has(x, 20, 4))
				goto trunc;
			P("RPC Version mismatch (%u-%u)", nfs_w(x, 16), nfs_w(x, 20));
		} else if (st == 1) {
			if (!nfs_has(x, 16, 4))
				goto trunc;
			P("Auth %s", tok2str(auth_stat, "Invalid failure code %u", nfs_w(x, 16),
					     buf, sizeof(buf)));
		} else {
			P("Unknown reason for rejecting rpc message %u", st);
		}
	} else {
		P("reply Unknown rpc response code=%u %u", st, length);
	}
	return;
trunc:
	nd_trunc(nd);
}

/* ---------------------------------------------------------------- transports */

static const struct tok pmap_procs[] = {
	{ 0, "null" }, { 1, "set" }, { 2, "unset" }, { 3, "getport" }, { 4, "dump" },
	{ 5, "call" }, { 0, NULL }
};

/* -T rpc, as tcpdump: a call as its portmapper printer shows one (the XID
 * in place of the source port, portmap's 0x6f as the destination, the
 * length, the procedure and, for those that name one, the program and
 * version), a reply as an NFS reply from 2049 to the XID.  The addresses
 * are printed here, not by UDP. */
void rpc_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph)
{
	char src[46], dst[46], buf[24];
	uint32_t dir, xid, proc, v;

	dir = g4(nd, p + 4);
	if (dir == 0 && !nd_ok(nd, p, 32)) {
		/* tcpdump wants a call's fixed part (to the credentials'
		 * length) before it prints anything, and stops the packet
		 * there (also an ICMP error quoting it) */
		nd->proto = "sunrpc";
		nd_trunc_jmp(nd);
	}
	xid = g4(nd, p);
	iph_addrs(nd, iph, src, dst);
	if (dir != 0) {
		P("%s.%u > %s.%u: ", src, NFS_PORT, dst, xid);
		nfs_reply(nd, p, len, iph);
		return;
	}
	nd->proto = "sunrpc";
	P("%s.0x%x > %s.0x6f: %u", src, xid, dst, len);
	proc = g4(nd, p + 20);
	P(" %s", tok2str(pmap_procs, " proc #%u", proc, buf, sizeof(buf)));
	v = g4(nd, p + 8);
	if (v != 2)
		P(" [rpcver %u]", v);
	if (proc == 1 || proc == 2 || proc == 3 || proc == 5)
		P(" %u.%u", g4(nd, p + 12), g4(nd, p + 16));
}

int nfs_udp_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned sport, unsigned dport,
		  const uint8_t *iph)
{
	uint32_t dir;

	if (nd_avail(nd, p) < 8)
		return 0;
	dir = g4(nd, p + 4);
	if (dport == NFS_PORT && dir == 0) {
		P("NFS request xid %u ", g4(nd, p));
		nfs_call(nd, p, len, iph);
		return 1;
	}
	if (sport == NFS_PORT && dir == 1) {
		P("NFS reply xid %u ", g4(nd, p));
		nfs_reply(nd, p, len, iph);
		return 1;
	}
	return 0;
}

void nfs_tcp_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned sport, unsigned dport,
		   const uint8_t *iph)
{
	const uint8_t *rp = p + 4;
	uint32_t frag, dir;

	if (len < 4 || nd_avail(nd, p) < 12)
		return;
	frag = g4(nd, p) & 0x7fffffff;
	if (frag > len - 4)
		frag = len - 4;
	dir = g4(nd, rp + 4);
	if (!(dport == NFS_PORT && dir == 0) && !(sport == NFS_PORT && dir == 1))
		return;
	P(": NFS %s xid %u ", dir ? "reply" : "request", g4(nd, rp));
	if (dir)
		nfs_reply(nd, rp, frag, iph);
	else
		nfs_call(nd, rp, frag, iph);
}
