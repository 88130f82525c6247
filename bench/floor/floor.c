/*
 * bench/floor: the least an eBPF capture at the device queue can cost, for
 * flood.sh to measure beside ptcpdump in the same run (analysis, round 17).
 *
 *   floor clock IFACE -w /dev/null   the hook and a clock read per packet
 *   floor record IFACE -w FILE.pcap  plus one ring record per packet (its
 *                                    first 128 bytes), read every 2 ms
 *                                    without wake-ups and written as pcap
 *
 * Not a tool: no attribution, filter, statistics or error recovery beyond
 * what the benchmark needs.  It prints tcpdump's ready and summary lines,
 * which flood.sh reads.
 */
#include <errno.h>
#include <net/if.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <linux/types.h>
#include <bpf/libbpf.h>
#include "floor.h"
#include "floor.skel.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

struct sink {
	FILE *f;
	int64_t boot_to_real_ns;
	uint64_t n;
};

static int64_t clock_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int on_record(void *ctx, void *data, size_t size)
{
	struct sink *s = ctx;
	const struct floor_rec *r = data;
	int64_t t = (int64_t)r->ts_boot_ns + s->boot_to_real_ns;
	uint32_t h[4] = { (uint32_t)(t / 1000000000),
			  (uint32_t)(t % 1000000000 / 1000), r->caplen, r->len };

	if (size < sizeof(*r) || r->caplen > FLOOR_SNAP)
		return -EINVAL;
	s->n++;
	if (fwrite(h, sizeof(h), 1, s->f) != 1 ||
	    fwrite(r->d, r->caplen, 1, s->f) != 1)
		return -EIO;
	return 0;
}

int main(int argc, char **argv)
{
	static const uint32_t pcap_hdr[6] = { 0xa1b2c3d4, 0x00040002, 0, 0,
					      FLOOR_SNAP, 1 };
	const struct timespec tick = { 0, 2000000 };
	struct floor_bpf *skel = NULL;
	struct ring_buffer *rb = NULL;
	struct sink s = { 0 };
	struct stat ns;
	unsigned int ifx;
	int mode, err = 1;

	if (argc != 5 || strcmp(argv[3], "-w") ||
	    (strcmp(argv[1], "clock") && strcmp(argv[1], "record"))) {
		fprintf(stderr, "usage: floor clock|record IFACE -w FILE\n");
		return 2;
	}
	mode = strcmp(argv[1], "clock") ? FLOOR_RECORD : FLOOR_CLOCK;
	ifx = if_nametoindex(argv[2]);
	if (!ifx || stat("/proc/self/ns/net", &ns)) {
		fprintf(stderr, "floor: %s: %s\n", argv[2], strerror(errno));
		return 1;
	}
	s.f = fopen(argv[4], "w");
	if (!s.f) {
		fprintf(stderr, "floor: %s: %s\n", argv[4], strerror(errno));
		return 1;
	}
	setvbuf(s.f, NULL, _IOFBF, 1 << 20);
	if (fwrite(pcap_hdr, sizeof(pcap_hdr), 1, s.f) != 1) {
		fprintf(stderr, "floor: %s: %s\n", argv[4], strerror(errno));
		goto cleanup;
	}
	skel = floor_bpf__open();
	if (!skel) {
		fprintf(stderr, "floor: open: %s\n", strerror(errno));
		goto cleanup;
	}
	skel->rodata->mode = mode;
	skel->rodata->ifindex = ifx;
	skel->rodata->netns = ns.st_ino;
	if (floor_bpf__load(skel) || floor_bpf__attach(skel)) {
		fprintf(stderr, "floor: load: %s\n", strerror(errno));
		goto cleanup;
	}
	rb = ring_buffer__new(bpf_map__fd(skel->maps.ring), on_record, &s, NULL);
	if (!rb) {
		fprintf(stderr, "floor: ring: %s\n", strerror(errno));
		goto cleanup;
	}
	s.boot_to_real_ns = clock_ns(CLOCK_REALTIME) - clock_ns(CLOCK_BOOTTIME);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	fprintf(stderr, "capturing on %s (floor: %s)\n", argv[2], argv[1]);
	while (!stop && ring_buffer__consume(rb) >= 0)
		nanosleep(&tick, NULL);
	floor_bpf__detach(skel);
	if (ring_buffer__consume(rb) < 0) {
		fprintf(stderr, "floor: %s: write error\n", argv[4]);
		goto cleanup;
	}
	fprintf(stderr, "%llu packets captured\n%llu packets received by filter\n"
		"%llu packets dropped by kernel\n", (unsigned long long)s.n,
		(unsigned long long)s.n, (unsigned long long)skel->bss->lost);
	err = 0;
cleanup:
	ring_buffer__free(rb);
	floor_bpf__destroy(skel);
	if (fclose(s.f))
		err = 1;
	return err;
}
