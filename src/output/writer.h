/*
 * Capture-file writer: pcapng (with ptcpdump metadata) or classic pcap
 * (nanosecond magic, no metadata), with tcpdump-style -C/-W/-G rotation.
 *
 * Every block is built completely in memory and written with one write()
 * call; after a failed or partial write the file is truncated back to the
 * last complete block (when it is a regular file), so it always stays
 * readable.
 */
#ifndef PTCPDUMP_WRITER_H
#define PTCPDUMP_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/packet.h"

enum { WRITER_PCAPNG = 1, WRITER_PCAP = 2 };

#define WRITER_LINKTYPE_ETHERNET 1u	/* LINKTYPE_ETHERNET */

struct writer;

struct writer_iface {
	uint32_t ifindex;
	const char *name;	/* may be NULL */
	uint64_t netns_ino;
	const char *netns_path;	/* may be NULL */
	const char *filter;	/* may be NULL or "" */
	bool own_linktype;	/* false: Ethernet */
	uint32_t linktype;	/* else LINKTYPE_* of its packets */
};

struct writer_rotate {
	uint64_t max_bytes;	/* -C in bytes (see parse_filesize); 0 = off */
	unsigned max_files;	/* -W; 0 = unlimited */
	unsigned seconds;	/* -G; 0 = off */
	const char *post_cmd;	/* -z: run as "post_cmd FILE" on each file
				 * rotation closes; NULL = none */
};

/* WRITER_PCAP when the name ends in ".pcap", else WRITER_PCAPNG ("-" too). */
int writer_format_for_path(const char *path);

/* path "-" = stdout (every block goes out at once).  Returns NULL with a
 * message in err on failure. */
struct writer *writer_open(const char *path, int format, uint32_t snaplen,
			   char *err, size_t errlen);
/*
 * Same with a link type (LINKTYPE_*: a pcap file's; a pcapng file's
 * interfaces have their own, see writer_iface) and with
 * rotation (rot may be NULL).  Names as tcpdump:
 *  -C:      FILE, FILE1, FILE2, ...
 *  -C -W N: FILE0 .. FILE(N-1) (zero-padded to the digits of N), reused
 *           in a ring.
 *  -G:      FILE is a strftime(3) pattern, expanded in local time when each
 *           file is opened; with -C too, the count is appended and restarts
 *           at each -G rotation.
 *  -G -W N (without -C): after N files writer_write() returns 1 (stop).
 * Rotation is ignored for stdout.
 */
struct writer *writer_open_rotating(const char *path, int format, uint32_t snaplen,
				    uint32_t linktype,
				    const struct writer_rotate *rot,
				    char *err, size_t errlen);

/* Returns the interface id (0, 1, ...) or -1 on a write error.  Idempotent
 * for the same ifindex + netns_ino + link type.  pcapng: writes an IDB at once. */
int writer_add_iface(struct writer *w, const struct writer_iface *ifc);

/*
 * p->data is of the interface's link type (the file's, in a pcap file);
 * caplen is cut to the snaplen.
 * Returns 0, -1 on error (writer_error()), or 1 when the -G -W file limit
 * was reached (the packet was not written; the caller should stop).
 */
int writer_write(struct writer *w, int iface_id, const struct pkt *p);

/* Metadata groups (META_* bits) written; default all.  Each group is an
 * opt_comment, except the packet id, which goes into epb_packetid; pid (and
 * tid if META_THREAD) also go into epb_processid_threadid. */
void writer_set_meta_mask(struct writer *w, unsigned mask);

/* Blocks are buffered: writer_flush() writes them out (the live capture
 * calls it after each batch); a file written with O_DIRECT under a high
 * rate gets them in 4 MiB pieces, or once they have waited 100 ms.  With
 * immediate set (-U), and for stdout, every block is written at once. */
int writer_flush(struct writer *w);
void writer_set_immediate(struct writer *w, int on);

/* Records interface statistics; written as an ISB per interface at close. */
int writer_stats(struct writer *w, int iface_id, uint64_t recv, uint64_t drop);

/* Name of the file being written ("-" for stdout). */
const char *writer_path(struct writer *w);
/* Last error message ("" if none). */
const char *writer_error(struct writer *w);
/* The failure was a broken pipe: the reader of "-w -" has gone.  That is
 * not reported (tcpdump dies of the SIGPIPE without a word). */
int writer_reader_gone(struct writer *w);

/* Writes the ISBs, closes, frees.  Returns 0 or -1 (message on stderr is the
 * caller's job: use writer_close_err() to get it; "" for a broken pipe). */
int writer_close(struct writer *w);
int writer_close_err(struct writer *w, char *err, size_t errlen);

/*
 * -C argument: a bare number means x1,000,000 bytes; suffix k/kb, m/mb,
 * g/gb (any case) means powers of 1024.  Rejects 0, negatives, garbage and
 * overflow.  Returns 0 or -1.
 */
int parse_filesize(const char *s, uint64_t *out);

#endif
