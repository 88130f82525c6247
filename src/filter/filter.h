/* pcap expression -> classic BPF (libpcap) -> eBPF entry program. */
#ifndef PTCPDUMP_FILTER_H
#define PTCPDUMP_FILTER_H

#include <stddef.h>
#include <stdint.h>

/* Same layout as libpcap's and the kernel's classic BPF instruction. */
struct cbpf_insn {
	uint16_t code;
	uint8_t jt, jf;
	uint32_t k;
};

struct cbpf_prog {
	struct cbpf_insn *insns;	/* NULL: match everything */
	unsigned len;
	void *pcap_prog;		/* libpcap's struct bpf_program */
};

/*
 * Compile expr ("" or NULL = match everything) for link type dlt.
 * On error, err gets libpcap's message and -1 is returned.
 */
int filter_compile(const char *expr, int dlt, uint32_t snaplen,
		   struct cbpf_prog *out, char *err, size_t errlen);
/* The expression for Ethernet devices (eth) and for devices without a
 * link header (raw).  One that only Ethernet frames can match ("arp",
 * "ether broadcast") selects nothing on the others, as it would with
 * tcpdump -i any, instead of failing.  Errors are the Ethernet ones. */
int filter_compile_live(const char *expr, uint32_t snaplen,
			struct cbpf_prog *eth, struct cbpf_prog *raw,
			char *err, size_t errlen);
void filter_free(struct cbpf_prog *p);
/* Print the program as tcpdump -d (-dd, -ddd) does; with no expression,
 * the one that takes snaplen bytes of every packet. */
void filter_dump(const struct cbpf_prog *p, int dflag, uint32_t snaplen);

/* True when the compiled program accepts the packet (user-space check). */
int filter_match(const struct cbpf_prog *p, const uint8_t *pkt,
		 uint32_t caplen, uint32_t len);

/*
 * Translate to eBPF for a sched_cls program that counts the packet in
 * stats[PTD_STAT_SEEN], runs the filter and, on a match, stores slot in
 * skb->cb[0] and tail-calls jmp[0].  Every path returns TC_ACT_UNSPEC.  *insns is malloc'ed
 * (struct bpf_insn), *cnt its length.
 */
int filter_translate(const struct cbpf_prog *p, int stats_fd, int jmp_fd,
		     int slot, void **insns, size_t *cnt);

/* Translate and load.  Returns the program fd, or -errno with err set. */
int filter_load_entry(const struct cbpf_prog *p, int stats_fd, int jmp_fd,
		      int slot, const char *name, char *err, size_t errlen);

#endif
