/*
 * Capture-file reader: classic pcap (micro/nano, both byte orders, and the
 * Kuznetzov "modified" variant) and pcapng (several sections, both byte
 * orders, several interfaces).  Never crashes on corrupt input.
 */
#ifndef PTCPDUMP_READER_H
#define PTCPDUMP_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/packet.h"

struct reader;

enum reader_format { READER_PCAP = 1, READER_PCAPNG = 2 };

/* path "-" = stdin.  On failure returns NULL with a one-line message in
 * err (e.g. "unknown file format", or "PATH: No such file or directory"). */
struct reader *reader_open(const char *path, char *err, size_t errlen);

/*
 * 1 = packet in *out (data, ifname and meta valid until the next call),
 * 0 = clean end of file, -1 = error (reader_error() says what; every later
 * call returns -1 too).
 *
 * pcapng: out->ifname is the IDB's if_name (NULL if absent), out->ifindex
 * the interface's index within its section, out->dir from epb_flags,
 * out->meta from the ptcpdump comments / epb_processid_threadid /
 * epb_packetid (NULL if none).  A packet whose metadata carries a drop
 * group and whose epb_flags give no direction gets PKT_DIR_DROP.
 * pcap: ifname NULL, dir unknown, meta NULL.
 */
int reader_next(struct reader *r, struct pkt *out);
const char *reader_error(struct reader *r);

/* DLT_* of the first interface (pcap: the file's link type).  Like libpcap,
 * reader_open() reads a pcapng file up to its first IDB, and refuses a file
 * without any ("the capture file has no Interface Description Blocks"). */
int reader_dlt(struct reader *r);
/* Snapshot length of the file header / first interface (0 if unknown). */
uint32_t reader_snaplen(struct reader *r);
/* READER_PCAP or READER_PCAPNG. */
int reader_format(struct reader *r);
/* true when packets carry interface names (pcapng with if_name in the first
 * interface); a per-packet test is simply pkt.ifname != NULL. */
bool reader_has_ifnames(struct reader *r);
/* Native timestamp precision of the first interface: 1000 = micro, 1 = nano. */
int reader_tsresol_ns(struct reader *r);

void reader_close(struct reader *r);

/* LINKTYPE_* (file value) to DLT_* (libpcap value), as libpcap does. */
int linktype_to_dlt(uint32_t linktype);
/* The inverse: the value a file stores for a DLT_*. */
uint32_t dlt_to_linktype(int dlt);

#endif
