/*
 * ptcpdump packet-metadata comment codec.
 *
 * A struct pkt_meta travels in pcapng enhanced packet blocks as several
 * opt_comment options, one per group, each made of "Key: value" lines:
 *
 *   PID: 99722\nCmd: /usr/bin/curl\nArgs: curl http://198.51.100.10
 *   ThreadId: 99722\nThreadName: curl
 *   UserId: 1000
 *   ParentPID: 18840\nParentCmd: /usr/bin/bash\nParentArgs: -bash
 *   ContainerName: n\nContainerId: id\nContainerImage: img\nContainerLabels: {}
 *   PodName: p\nPodNamespace: ns\nPodUID: u\nPodLabels: {}\nPodAnnotations: {}
 *   DropReason: r\nDropLocation: loc
 *   PacketId: 42
 */
#ifndef PTCPDUMP_META_CODEC_H
#define PTCPDUMP_META_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "common/packet.h"
#include "common/strbuf.h"

/* Most groups meta_encode() can produce. */
#define META_MAX_GROUPS 8

/*
 * Encodes every group set in (m->have & mask), in the fixed order
 * PROC, THREAD, USER, PARENT, CONTAINER, POD, DROP, PKTID, into
 * out[0..n-1] (each is reset first; pass META_MAX_GROUPS initialised
 * strbufs).  Returns n.  NULL strings are written as "", except labels and
 * annotations, which are written as "{}".
 */
int meta_encode(const struct pkt_meta *m, unsigned mask, struct strbuf *out);

/* Encodes one group (a single META_* bit) into sb (not reset).  Returns 0,
 * or -1 when the bit is not a group known to the codec. */
int meta_encode_group(const struct pkt_meta *m, unsigned group, struct strbuf *sb);

/*
 * Decoder: feed it every comment of one packet, then meta_decoder_finish().
 * Strings in the result point into the decoder and stay valid until the
 * next meta_decoder_reset()/meta_decoder_free().  For every group whose bit
 * is set in have, all its string fields are non-NULL ("" when the comments
 * did not say).  Unknown keys and comments are ignored; a line that does not
 * start with a known key continues the value of the previous line (so a
 * value with an embedded newline round-trips).  Accepted aliases: TID
 * (ThreadId), Command (Cmd), ParentCommand (ParentCmd).
 */
enum { META_F_NSTR = 16 };
struct meta_decoder {
	struct pkt_meta meta;
	struct strbuf arena;
	size_t off[META_F_NSTR];	/* SIZE_MAX = not set */
	unsigned have;
	uint32_t pid, tid, uid, ppid;
	uint64_t packet_id;
};

void meta_decoder_init(struct meta_decoder *d);
void meta_decoder_reset(struct meta_decoder *d);
void meta_decoder_free(struct meta_decoder *d);
/* Parses one comment (need not be NUL-terminated).  Returns the number of
 * known keys found in it. */
int meta_decode_comment(struct meta_decoder *d, const char *text, size_t len);
/* Sets pid/tid from epb_processid_threadid unless comments already gave
 * them (0 means unknown and is ignored). */
void meta_decoder_set_pid_tid(struct meta_decoder *d, uint32_t pid, uint32_t tid);
/* Sets the packet id (epb_packetid) unless a comment already gave it. */
void meta_decoder_set_packet_id(struct meta_decoder *d, uint64_t id);
/* Returns the decoded metadata, or NULL when nothing was found. */
const struct pkt_meta *meta_decoder_finish(struct meta_decoder *d);

#endif
