/* NFS replies, decoded from the procedure of the call they answer, as
 * tcpdump prints them: status, attributes (with -v, times and ids with
 * -vv), weak cache consistency data, directory and file system results. */
#include <inttypes.h>
#include <stdio.h>

#include "nfs-int.h"

#define XP(...) sb_printf(x->nd->out, __VA_ARGS__)

static const struct tok nfs_status[] = {
	{ 1, "Operation not permitted" }, { 2, "No such file or directory" },
	{ 5, "Input/output error" }, { 6, "Device not configured" },
	{ 11, "Resource deadlock avoided" }, { 12, "Cannot allocate memory" },
	{ 13, "Permission denied" }, { 17, "File exists" }, { 18, "Cross-device link" },
	{ 19, "Operation not supported by device" }, { 20, "Not a directory" },
	{ 21, "Is a directory" }, { 22, "Invalid argument" }, { 26, "Text file busy" },
	{ 27, "File too large" }, { 28, "No space left on device" },
	{ 30, "Read-only file system" }, { 31, "Too many links" },
	{ 45, "Operation not supported" }, { 62, "Too many levels of symbolic links" },
	{ 63, "File name too long" }, { 66, "Directory not empty" },
	{ 69, "Disc quota exceeded" }, { 70, "Stale NFS file handle" },
	{ 71, "Too many levels of remote in path" }, { 99, "Write cache flushed to disk" },
	{ 10001, "Illegal NFS file handle" }, { 10002, "Update synchronization mismatch" },
	{ 10003, "READDIR/READDIRPLUS cookie is stale" }, { 10004, "Operation not supported" },
	{ 10005, "Buffer or request is too small" }, { 10006, "Unspecified error on server" },
	{ 10007, "Object of that type not supported" },
	{ 10008, "Request couldn't be completed in time" }, { 0, NULL }
};

static const struct tok accept_stat[] = {
	{ 1, "PROG_UNAVAIL" }, { 2, "PROG_MISMATCH" }, { 3, "PROC_UNAVAIL" },
	{ 4, "GARBAGE_ARGS" }, { 5, "SYSTEM_ERR" }, { 0, NULL }
};

#define W(o) nfs_w(x, (o))
#define W8(o) nfs_w8(x, (o))

/* The results after the verifier and an accepted status; -1 otherwise
 * (a failed status is printed and marks the reply as an error). */
static int64_t results(struct nfsx *x, uint32_t length)
{
	char b[24];
	uint32_t len = W(16), st;
	int64_t o;

	if (len >= length)
		return -1;
	o = 12 + ((int64_t)len + 11) / 4 * 4;
	st = W(o);
	if (st != 0) {
		XP(" %s", tok2str(accept_stat, "ar_stat %u", st, b, sizeof(b)));
		x->err = 1;
		return -1;
	}
	return o + 4;
}

static int64_t status(struct nfsx *x, int64_t o, uint32_t *er)
{
	char b[24];

	*er = W(o);
	if (*er) {
		XP(" ERROR: %s", tok2str(nfs_status, "unk %u", *er, b, sizeof(b)));
		x->err = 1;
	}
	return o + 4;
}

/* fattr (v2: 68 bytes, v3: 84) */
static int64_t fattr(struct nfsx *x, int64_t o, int verbose, int v3)
{
	char b[24];

	if (!nfs_has(x, o + 16, 4))
		return -1;
	if (verbose) {
		XP(" %s %o ids %d/%d", tok2str(nfs_types, "unk-ft %u ", W(o), b, sizeof(b)),
		   W(o + 4), (int32_t)W(o + 12), (int32_t)W(o + 16));
		if (v3)
			XP(" sz %" PRIu64, W8(o + 20));
		else
			XP(" sz %u", W(o + 20));
	}
	if (verbose > 1) {
		if (v3) {
			if (!nfs_has(x, o + 76, 8))
				return -1;
			XP(" nlink %u rdev %u/%u", W(o + 8), W(o + 36), W(o + 40));
			XP(" fsid %" PRIx64, W8(o + 44));
			XP(" fileid %" PRIx64, W8(o + 52));
			XP(" a/m/ctime %u.%06u", W(o + 60), W(o + 64));
			XP(" %u.%06u", W(o + 68), W(o + 72));
			XP(" %u.%06u", W(o + 76), W(o + 80));
		} else {
			if (!nfs_has(x, o + 60, 8))
				return -1;
			XP(" nlink %u rdev 0x%x fsid 0x%x nodeid 0x%x a/m/ctime",
			   W(o + 8), W(o + 28), W(o + 36), W(o + 40));
			XP(" %u.%06u", W(o + 44), W(o + 48));
			XP(" %u.%06u", W(o + 52), W(o + 56));
			XP(" %u.%06u", W(o + 60), W(o + 64));
		}
	}
	return o + (v3 ? 84 : 68);
}

static int attrstat(struct nfsx *x, int64_t o, int verbose, int v3)
{
	uint32_t er;

	o = status(x, o, &er);
	return er ? 1 : fattr(x, o, verbose, v3) >= 0;
}

static int diropres(struct nfsx *x, int64_t o)
{
	uint32_t er;

	o = status(x, o, &er);
	if (er)
		return 1;
	if ((o = nfs_fh(x, o, 0)) < 0)
		return 0;
	return fattr(x, o, x->nd->o->vflag, 0) >= 0;
}

/* pre_op_attr: printed with -vv */
static int64_t pre_op(struct nfsx *x, int64_t o, int verbose)
{
	if (!W(o))
		return o + 4;
	o += 4;
	if (!nfs_has(x, o, 24))
		return -1;
	if (verbose > 1) {
		XP(" sz %" PRIu64, W8(o));
		XP(" mtime %u.%06u ctime %u.%06u", W(o + 8), W(o + 12), W(o + 16), W(o + 20));
	}
	return o + 24;
}

/* post_op_attr: printed with -v */
static int64_t post_op(struct nfsx *x, int64_t o, int verbose)
{
	if (!W(o))
		return o + 4;
	o += 4;
	return verbose ? fattr(x, o, verbose, 1) : o + 84;
}

static int64_t wcc(struct nfsx *x, int64_t o, int verbose)
{
	if (verbose > 1)
		XP(" PRE:");
	if ((o = pre_op(x, o, verbose)) < 0)
		return -1;
	if (verbose)
		XP(" POST:");
	return post_op(x, o, verbose);
}

static int64_t wccres(struct nfsx *x, int64_t o, int verbose)
{
	uint32_t er;

	return wcc(x, status(x, o, &er), verbose);
}

static int64_t createres(struct nfsx *x, int64_t o, int verbose)
{
	uint32_t er;

	o = status(x, o, &er);
	if (er)
		return wcc(x, o, verbose);
	if (!W(o))
		return o + 4;
	if ((o = nfs_fh(x, o + 4, 1)) < 0)
		return -1;
	if (verbose) {
		if ((o = post_op(x, o, verbose)) < 0)
			return -1;
		if (x->nd->o->vflag > 1) {
			XP(" dir attr:");
			o = wcc(x, o, verbose);
		}
	}
	return o;
}

static int64_t v3rddirres(struct nfsx *x, int64_t o, int verbose)
{
	uint32_t er;

	o = status(x, o, &er);
	if (x->nd->o->vflag)
		XP(" POST:");
	if ((o = post_op(x, o, verbose)) < 0 || er)
		return o;
	if (x->nd->o->vflag) {
		XP(" verf %08x%08x", W(o), W(o + 4));
		o += 8;
	}
	return o;
}

static int statfsres(struct nfsx *x, int64_t o, int v3)
{
	int v = x->nd->o->vflag;
	uint32_t er;

	o = status(x, o, &er);
	if (!v3 && er)
		return 1;
	if (v3) {
		if (v)
			XP(" POST:");
		if ((o = post_op(x, o, v)) < 0)
			return 0;
	}
	if (!nfs_has(x, o, v3 ? 52 : 20))
		return 0;
	if (v3) {
		XP(" tbytes %" PRIu64 " fbytes %" PRIu64 " abytes %" PRIu64,
		   W8(o), W8(o + 8), W8(o + 16));
		if (v)
			XP(" tfiles %" PRIu64 " ffiles %" PRIu64 " afiles %" PRIu64 " invar %u",
			   W8(o + 24), W8(o + 32), W8(o + 40), W(o + 48));
	} else {
		XP(" tsize %u bsize %u blocks %u bfree %u bavail %u",
		   W(o), W(o + 4), W(o + 8), W(o + 12), W(o + 16));
	}
	return 1;
}

/* fsinfo and pathconf: the post_op_attr then a fixed block */
static int64_t post_block(struct nfsx *x, int64_t o, uint32_t *er)
{
	o = status(x, o, er);
	if (x->nd->o->vflag)
		XP(" POST:");
	return post_op(x, o, x->nd->o->vflag);
}

static int fsinfores(struct nfsx *x, int64_t o)
{
	uint32_t er;

	if ((o = post_block(x, o, &er)) < 0)
		return 0;
	if (er)
		return 1;
	if (!nfs_has(x, o, 48))
		return 0;
	XP(" rtmax %u rtpref %u wtmax %u wtpref %u dtpref %u",
	   W(o), W(o + 4), W(o + 12), W(o + 16), W(o + 24));
	if (x->nd->o->vflag) {
		XP(" rtmult %u wtmult %u maxfsz %" PRIu64, W(o + 8), W(o + 20), W8(o + 28));
		XP(" delta %u.%06u ", W(o + 36), W(o + 40));
	}
	return 1;
}

static int pathconfres(struct nfsx *x, int64_t o)
{
	uint32_t er;

	if ((o = post_block(x, o, &er)) < 0)
		return 0;
	if (er)
		return 1;
	if (!nfs_has(x, o, 24))
		return 0;
	XP(" linkmax %u namemax %u %s %s %s %s", W(o), W(o + 4),
	   W(o + 8) ? "notrunc" : "", W(o + 12) ? "chownres" : "",
	   W(o + 16) ? "igncase" : "", W(o + 20) ? "keepcase" : "");
	return 1;
}

void nfs_reply_interp(struct nfsx *x, uint32_t proc, uint32_t vers, uint32_t length)
{
	struct nd *nd = x->nd;
	int v3 = vers == 3, v = nd->o->vflag, ok = 1;
	uint32_t er;
	char b[24];
	int64_t o;

	proc = nfs_proc_print(nd, proc, v3);
	if (proc == NFSP_NULL || proc > NFSP_COMMIT)
		return;
	o = results(x, length);
	if (o < 0)
		goto trunc;
	switch (proc) {
	case NFSP_GETATTR:
		ok = attrstat(x, o, 1, v3);
		break;
	case NFSP_SETATTR:
		ok = v3 ? wccres(x, o, v) >= 0 : attrstat(x, o, 1, 0);
		break;
	case NFSP_LOOKUP:
		if (!v3) {
			ok = diropres(x, o);
			break;
		}
		o = status(x, o, &er);
		if (!er && ((o = nfs_fh(x, o, 1)) < 0 || (o = post_op(x, o, v)) < 0))
			goto trunc;
		if (v > 1) {
			P(" post dattr:");
			ok = post_op(x, o, v) >= 0;
		}
		break;
	case NFSP_ACCESS:
		o = status(x, o, &er);
		if (v)
			P(" attr:");
		if ((o = post_op(x, o, v)) < 0)
			goto trunc;
		if (!er)
			P(" c %04x", W(o));
		break;
	case NFSP_READLINK:
		o = status(x, o, &er);
		if (er)
			break;
		if (v3 && (o = post_op(x, o, v)) < 0)
			goto trunc;
		P(" ");
		ok = nfs_fn(x, o) >= 0;
		break;
	case NFSP_READ:
		if (!v3) {
			ok = attrstat(x, o, v, 0);
			break;
		}
		o = status(x, o, &er);
		if ((o = post_op(x, o, v)) < 0)
			goto trunc;
		if (!er && v) {
			P(" %u bytes", W(o));
			if (W(o + 4))
				P(" EOF");
		}
		break;
	case NFSP_WRITE:
		if (!v3) {
			ok = attrstat(x, o, v, 0);
			break;
		}
		o = status(x, o, &er);
		if ((o = wcc(x, o, v)) < 0)
			goto trunc;
		if (!er && v) {
			P(" %u bytes", W(o));
			if (v > 1) {
				P(" <%s>", tok2str(nfs_writemodes, "#%d", W(o + 4), b, sizeof(b)));
				P(" verf %" PRIx64, W8(o + 8));
			}
		}
		return;
	case NFSP_CREATE: case NFSP_MKDIR: case NFSP_SYMLINK:
		if (v3)
			ok = createres(x, o, v) >= 0;
		else if (proc == NFSP_SYMLINK)
			status(x, o, &er);
		else
			ok = diropres(x, o);
		break;
	case NFSP_MKNOD:
		ok = createres(x, o, v) >= 0;
		break;
	case NFSP_REMOVE: case NFSP_RMDIR:
		if (v3)
			ok = wccres(x, o, v) >= 0;
		else
			status(x, o, &er);
		break;
	case NFSP_RENAME:
		o = status(x, o, &er);
		if (v3 && v) {
			P(" from:");
			if ((o = wcc(x, o, v)) < 0)
				goto trunc;
			P(" to:");
			ok = wcc(x, o, v) >= 0;
		}
		break;
	case NFSP_LINK:
		o = status(x, o, &er);
		if (v3 && v) {
			P(" file POST:");
			if ((o = post_op(x, o, v)) < 0)
				goto trunc;
			P(" dir:");
			if (wcc(x, o, v) < 0)
				goto trunc;
		}
		if (v3)
			return;
		break;
	case NFSP_READDIR:
		if (v3) {
			ok = v3rddirres(x, o, v) >= 0;
			break;
		}
		o = status(x, o, &er);
		if (er)
			break;
		P(" offset 0x%x size %u ", W(o), W(o + 4));
		if (W(o + 8))
			P(" eof");
		break;
	case NFSP_READDIRPLUS:
		ok = v3rddirres(x, o, v) >= 0;
		break;
	case NFSP_FSSTAT:
		ok = statfsres(x, o, v3);
		break;
	case NFSP_FSINFO:
		ok = fsinfores(x, o);
		break;
	case NFSP_PATHCONF:
		ok = pathconfres(x, o);
		break;
	case NFSP_COMMIT:
		if ((o = wccres(x, o, v)) < 0)
			goto trunc;
		if (v > 1)
			P(" verf %" PRIx64, W8(o));
		break;
	}
	if (ok)
		return;
trunc:
	if (!x->err)
		nd_trunc(nd);
}
