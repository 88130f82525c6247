/* The two ways ptcpdump runs: reading a file, or capturing live. */
#ifndef PTCPDUMP_RUN_H
#define PTCPDUMP_RUN_H

#include "cli/options.h"
#include "common/packet.h"
#include "output/text.h"
#include "output/writer.h"

/* Where packets go: the text sink and/or a capture file. */
struct sinks {
	struct text_sink *text;
	struct writer *w;
	long long written;	/* packets handed to the sinks */
	long long limit;	/* -c */
	bool failed;
};

/* linktype and snaplen: of a capture file written (LINKTYPE_*) */
int sinks_open(struct sinks *s, const struct options *o, uint32_t linktype,
	       uint32_t snaplen, char *err, size_t errlen);
/* iface_id: the writer's interface id for p (ignored without -w).
 * Returns 1 when -c is reached or the writer says stop, -1 on error. */
int sinks_packet(struct sinks *s, int iface_id, const struct pkt *p);
/* The text of the packets so far to its reader (a live capture does this
 * per read of the ring); -1 after reporting an error. */
int sinks_flush_text(struct sinks *s);
/* Reports the writer's failure, unless its reader has gone (-w - | ...). */
void sinks_writer_failed(struct writer *w);
/* Closes and reports errors on stderr; returns 0 or -1. */
int sinks_close(struct sinks *s);

/*
 * Rewrites p so that its data starts with an Ethernet header: devices
 * without a link header (and DLT_RAW files) get a synthesized one.  buf
 * must hold 14 + p->caplen bytes.  Returns false for link types that
 * cannot be converted.
 */
bool pkt_to_ethernet(struct pkt *p, uint16_t ethertype, uint8_t *buf,
		     size_t bufsize);

int run_read(struct options *o);
/* -d: prints the expression compiled for link type dlt (a DLT_ value) */
int run_dump_filter(const struct options *o, int dlt, uint32_t snaplen);
int run_live(struct options *o);
int run_list_interfaces(struct options *o);
/* -L: the link types of the -i interfaces (only Ethernet: live captures
 * give every packet an Ethernet header); -J: their time stamp types (only
 * the host's clock) */
int run_list_datalinks(struct options *o);
/* -y, -j and -I: 0 if a live capture can give them, else tcpdump's message
 * and -1 (-j: a warning, as tcpdump's, and 0) */
int live_check_device_opts(const struct options *o);

/* -Z USER exists: 0, or -1 with tcpdump's message printed (checked
 * before the set-up, so that the message is the only one). */
int privs_check_user(const char *user);

/* After set-up: become -Z USER (if given) and keep only the capabilities
 * the capture still needs.  0, or -1 with the message printed. */
int privs_drop(const char *user);

/* tcpdump-style fatal message on stderr ("ptcpdump: ..."). */
void die_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
