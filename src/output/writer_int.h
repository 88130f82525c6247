/* Internals of the pcapng / pcap writer shared by its two files. */
#ifndef PTCPDUMP_WRITER_INT_H
#define PTCPDUMP_WRITER_INT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "common/strbuf.h"
#include "output/meta_codec.h"
#include "output/writer.h"

#define BT_SHB	0x0A0D0D0Au
#define BT_IDB	1u
#define BT_ISB	5u
#define BT_EPB	6u

#define MAX_OPT 65535u

struct wiface {
	uint32_t ifindex;
	uint64_t netns_ino;
	char *name, *netns_path, *filter;
	uint32_t linktype;
	uint64_t recv, drop;
	int have_stats;
};

/* The encoded comment and pid/tid options of one pkt_meta generation. */
struct mopts {
	uint64_t gen;
	unsigned mask;
	struct strbuf opts;	/* comments, then pid/tid from pidoff */
	size_t pidoff;
};

#define MOPTS_CACHE 8

struct writer {
	int fd;
	int is_stdout;
	int is_reg;
	int format;
	uint32_t snaplen;
	uint32_t linktype;	/* of a pcap file */
	int failed;
	int err_no;		/* errno of the write that failed */
	pid_t *zpids;		/* -z commands not reaped yet */
	size_t nzpids, capzpids;
	int done;		/* -G -W limit reached */
	char err[600];

	char *base;		/* path as given */
	char *cur;		/* current file name */
	struct writer_rotate rot;
	uint64_t size;		/* bytes of complete blocks in the current file,
				 * the buffered ones included */
	uint64_t on_disk;	/* of which written out (a block boundary) */
	uint64_t dbase;		/* file offset of obuf[0] */
	uint64_t dend;		/* bytes on disk (O_DIRECT: may be mid-block) */
	uint64_t queued_at;	/* CLOCK_MONOTONIC ns of the oldest block
				 * not written yet; 0: none */
	int direct;		/* the file is written with O_DIRECT */
	int no_direct;		/* not any more (refused, slow, -U) */
	uint64_t prealloc_end;	/* blocks reserved up to here (fallocate) */
	int no_prealloc;	/* the file system cannot */
	uint8_t *obuf;		/* blocks not yet written, after the part of
				 * a page already written (O_DIRECT) */
	size_t olen, obuf_cap;
	size_t *oends;		/* end offset of each block in obuf */
	size_t nends, capends;
	int immediate;		/* write every block at once (-U, stdout) */
	struct mopts mc[MOPTS_CACHE];	/* by pkt_meta.gen */
	struct strbuf groups[META_MAX_GROUPS];
	unsigned cnt;		/* -C file counter */
	int cdigits;		/* -W: digits of the counter; 0 = none */
	unsigned gfiles;	/* files opened under -G */
	time_t gtime;

	struct wiface *ifs;
	size_t nifs, capifs;
	unsigned meta_mask;

	uint8_t *b;		/* block being built */
	size_t blen, bcap;
};

#define OBUF_SIZE (256u * 1024u)

void werr(struct writer *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A new file (is_reg set, nothing written yet); closing it; writing out
 * all that is queued (writer_flush() may keep some of it, O_DIRECT). */
void wfile_opened(struct writer *w);
int wfile_close(struct writer *w);
int wfile_sync(struct writer *w);
/* The block builder, grown to hold need bytes. */
uint8_t *bgrow(struct writer *w, size_t need);
/* Room for a whole block of total bytes (at most OBUF_SIZE) at the end of
 * the output buffer; block_commit() queues what was built there. */
uint8_t *block_room(struct writer *w, size_t total);
int block_commit(struct writer *w, size_t total);
/* Queues the block in the builder (w->b, w->blen). */
int flush_block(struct writer *w);
/* One packet record (caplen already cut to the snapshot length). */
int write_epb(struct writer *w, int iface_id, const struct pkt *p, uint32_t caplen);
int write_pcap_rec(struct writer *w, const struct pkt *p, uint32_t caplen);

#endif
