/* Loads the kernel programs and attaches them to interfaces at tc. */
#ifndef PTCPDUMP_LOADER_H
#define PTCPDUMP_LOADER_H

#include <stdbool.h>
#include <stdint.h>

#include "filter/filter.h"

enum { CAP_DIR_IN = 1, CAP_DIR_OUT = 2 };

struct loader_opts {
	uint32_t snaplen;
	int directions;		/* CAP_DIR_IN | CAP_DIR_OUT */
	const struct cbpf_prog *filter_eth;	/* for devices with an Ethernet header */
	const struct cbpf_prog *filter_raw;	/* for devices without a link header */
	bool force_tc;		/* don't use tcx (testing the fallback) */
};

struct loader;

struct loader_stats {
	uint64_t seen, matched, lost;
};

int loader_open(const struct loader_opts *o, struct loader **out,
		char *err, size_t errlen);
/* The perf event array fd the ring reader consumes. */
int loader_events_fd(struct loader *l);
/* Attach to ifindex; l3 = device without a link header; loopback =
 * capture only egress (every packet comes back as ingress). */
int loader_attach(struct loader *l, uint32_t ifindex, bool l3, bool loopback,
		  char *err, size_t errlen);
void loader_detach(struct loader *l, uint32_t ifindex);
void loader_stats(struct loader *l, struct loader_stats *st);
/* Remove filters a killed earlier run left (clsact fallback only). */
void loader_cleanup_stale(uint32_t ifindex);
/* False when the clsact fallback is in use. */
bool loader_uses_tcx(const struct loader *l);
void loader_close(struct loader *l);

#endif
