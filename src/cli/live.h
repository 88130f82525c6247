/* State of a live capture, shared by live.c and live_filters.c. */
#ifndef PTCPDUMP_LIVE_H
#define PTCPDUMP_LIVE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <time.h>
#include <sys/types.h>
#include <bpf/libbpf.h>

#include "capture/ifaces.h"
#include "capture/netns.h"
#include "capture/pktid.h"
#include "capture/loader.h"
#include "capture/ring.h"
#include "cli/reaper.h"
#include "cli/run.h"
#include "meta/cmeta.h"
#include "meta/enrich.h"
#include "meta/proc.h"


struct live_ifcache {
	bool valid, l3;
	unsigned gen;
	unsigned batch;		/* the ring read whose clock was looked at */
	uint64_t at;		/* monotonic ns */
	uint64_t netns;
	uint32_t ifindex;
	char name[IF_NAMESIZE + 24];
};

struct live {
	struct reaper reaper;	/* removes our clsact filters if we are killed */
	uint8_t *vbuf;		/* a frame with its 802.1Q tag put back */
	struct options *o;
	struct loader *ld;
	struct netns_set *nss;
	int epfd;
	unsigned ifgen;		/* bumped whenever an interface comes or goes */
	unsigned batch;		/* bumped before every read of the ring */
	struct live_ifcache ifcache;
	uint64_t netns_rescan_at;	/* monotonic ns, 0 = none pending */
	struct ring *ring;
	struct ring_buffer *proc_rb;
	struct proc_cache *pc;
	struct cmeta *cm;
	struct enricher *en;
	struct sinks sinks;
	int64_t boot_to_wall;	/* wall = boot + this */
	uint64_t netns_ino;
	bool any;
	bool stop;		/* -c reached or a sink failed */
	bool quit;		/* SIGINT, SIGTERM, SIGHUP */
	bool attach_failed;
	bool iface_gone;	/* every interface named with -i disappeared */
	uint64_t captured;
	struct { bool used; uint64_t netns; uint32_t ifindex; int id;
		 uint64_t packets; } *wid;
	uint8_t *ethbuf;
	/* -- command */
	pid_t child;
	int child_go_fd;	/* write end: releases the child */
	int child_status;
	bool child_exited;
	uint64_t child_exit_at;	/* monotonic ns */
	struct live_drops *drops;	/* --drops, see live_drops.c */
	struct pktid *pktid;
	struct pkt_meta idmeta;	/* a packet's meta plus its id */
};

/* The clock clk in nanoseconds. */
uint64_t mono_ns(clockid_t clk);
/* The name of an interface for printing (its index when unknown); *l3 is
 * set for devices without a link-layer header. */
const char *live_ifname(struct live *lv, uint64_t netns, uint32_t ifindex,
			char *buf, size_t size, bool *l3);
/* pcapng interface id of the packet's (namespace, interface); counts the
 * packet for the interface statistics. */
int live_writer_id(struct live *lv, const struct pkt *p);
/* Interface statistics blocks: packets per interface, and losses. */
void live_writer_stats(struct live *lv);

/* live_netns.c: namespaces and their interfaces */
int live_netns_open(struct live *lv);
int live_check_ifaces(struct live *lv);
int live_check_present(struct live *lv);
void live_attach_all(struct live *lv);
void live_detach_all(struct live *lv);
void live_netns_sync(struct live *lv);
/* true when the epoll event was a namespace's netlink socket */
bool live_netns_event(struct live *lv, uint64_t data);
void live_netns_seen(struct live *lv, uint32_t netns, uint32_t pid);
void live_netns_housekeeping(struct live *lv);
int live_netns_inotify(struct live *lv);
/* Hands one packet to the sinks: data without an Ethernet header (DLT_RAW)
 * gets a synthesized one with ethertype.  -1 when the capture must stop. */
int live_deliver(struct live *lv, struct pkt *p, uint16_t ethertype);

/* Process/container filter set-up (before the loader is opened). */
int live_filter_mode(const struct options *o, uint32_t *mode);
/* Fills the kernel filter maps; prints the error and returns -1 when a
 * container or pod cannot be found. */
int live_filters_apply(struct live *lv);
/* -- command: forks the child, stopped until live_child_release(). */
int live_child_spawn(struct live *lv);
void live_child_release(struct live *lv);
/* Reaps the child; true once it has exited. */
bool live_child_reap(struct live *lv);

/* live_drops.c: --drops, packets the kernel dropped (skb:kfree_skb).
 * start after the tracking is up; consume after each ring_consume() (and
 * once more after the final drain); summary from print_stats. */
int live_drops_start(struct live *lv, char *err, size_t errlen);
int live_drops_fd(struct live *lv);
void live_drops_consume(struct live *lv);
/* Optional, for exact interleaving within a round of the ring: read the
 * waiting drops (from the ring's pre-deliver hook), and deliver the drops
 * older than a captured packet before it (from the packet callback; -1
 * when the capture must stop). */
void live_drops_read(struct live *lv);
int live_drops_before(struct live *lv, uint64_t ts_boot_ns);
void live_drops_summary(struct live *lv, FILE *f);
void live_drops_stop(struct live *lv);

#endif
