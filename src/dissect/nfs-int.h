/* Private to print-nfs.c and print-nfs-reply.c: NFS over Sun RPC. */
#ifndef PTCPDUMP_NFS_INT_H
#define PTCPDUMP_NFS_INT_H

#include "dissect-int.h"

/* One RPC message being printed.  Positions in it are byte offsets from
 * the start of the message, kept in 64 bits so that lengths read from the
 * wire can move them far past the captured data without forming pointers
 * there; -1 stands for "could not go on" (tcpdump's NULL). */
struct nfsx {
	struct nd *nd;
	const uint8_t *b;	/* the RPC message (its xid) */
	int err;		/* an error was printed: no truncation mark */
};

/* Are n bytes at off captured? */
static inline int nfs_has(const struct nfsx *x, int64_t off, uint64_t n)
{
	uint64_t avail;

	if (off < 0 || x->b > x->nd->snapend)
		return 0;
	avail = (uint64_t)(x->nd->snapend - x->b);
	return (uint64_t)off <= avail && n <= avail - (uint64_t)off;
}

/* Big-endian words at off; the capture ending longjmps (" [|nfs]"). */
static inline uint32_t nfs_w(struct nfsx *x, int64_t off)
{
	if (!nfs_has(x, off, 4))
		nd_trunc_jmp(x->nd);
	return g4(x->nd, x->b + off);
}
static inline uint64_t nfs_w8(struct nfsx *x, int64_t off)
{
	if (!nfs_has(x, off, 8))
		nd_trunc_jmp(x->nd);
	return g8(x->nd, x->b + off);
}

/* NFSv3 procedure numbers (v2 ones are mapped onto them). */
enum {
	NFSP_NULL, NFSP_GETATTR, NFSP_SETATTR, NFSP_LOOKUP, NFSP_ACCESS,
	NFSP_READLINK, NFSP_READ, NFSP_WRITE, NFSP_CREATE, NFSP_MKDIR,
	NFSP_SYMLINK, NFSP_MKNOD, NFSP_REMOVE, NFSP_RMDIR, NFSP_RENAME,
	NFSP_LINK, NFSP_READDIR, NFSP_READDIRPLUS, NFSP_FSSTAT, NFSP_FSINFO,
	NFSP_PATHCONF, NFSP_COMMIT, NFSP_NOOP = 25, NFS_NPROCS = 26
};

/* " proc-name", after mapping a non-v3 procedure; the v3 procedure. */
uint32_t nfs_proc_print(struct nd *nd, uint32_t proc, int v3);
/* A file handle (v3: length-prefixed) then the word after it, or -1. */
int64_t nfs_fh(struct nfsx *x, int64_t off, int v3);
/* A quoted file name then the word after it, or -1. */
int64_t nfs_fn(struct nfsx *x, int64_t off);
extern const struct tok nfs_types[], nfs_writemodes[];
/* The reply to procedure proc of version vers (tcpdump's interp_reply). */
void nfs_reply_interp(struct nfsx *x, uint32_t proc, uint32_t vers, uint32_t length);

#endif
