/* pcap expression -> classic BPF, with libpcap. */
#include "filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pcap/pcap.h>

_Static_assert(sizeof(struct cbpf_insn) == sizeof(struct bpf_insn),
	       "cBPF instruction layout");

int filter_compile(const char *expr, int dlt, uint32_t snaplen,
		   struct cbpf_prog *out, char *err, size_t errlen)
{
	struct bpf_program *prog = NULL;
	pcap_t *p;
	int ret = -1;

	memset(out, 0, sizeof(*out));
	if (!expr || !*expr)
		return 0;
	p = pcap_open_dead(dlt, (int)snaplen);
	if (!p) {
		snprintf(err, errlen, "pcap_open_dead failed");
		return -1;
	}
	prog = calloc(1, sizeof(*prog));
	if (!prog) {
		snprintf(err, errlen, "out of memory");
		goto cleanup;
	}
	if (pcap_compile(p, prog, expr, 1, PCAP_NETMASK_UNKNOWN) < 0) {
		snprintf(err, errlen, "%s", pcap_geterr(p));
		goto cleanup;
	}
	out->insns = (struct cbpf_insn *)prog->bf_insns;
	out->len = prog->bf_len;
	out->pcap_prog = prog;
	prog = NULL;
	ret = 0;
cleanup:
	free(prog);
	pcap_close(p);
	return ret;
}

/* A program that accepts nothing, freed like a compiled one. */
static int reject_all(struct cbpf_prog *out)
{
	struct bpf_program *prog = calloc(1, sizeof(*prog));
	struct bpf_insn *ret = calloc(1, sizeof(*ret));

	if (!prog || !ret) {
		free(prog);
		free(ret);
		return -1;
	}
	ret->code = BPF_RET | BPF_K;
	prog->bf_len = 1;
	prog->bf_insns = ret;
	out->insns = (struct cbpf_insn *)ret;
	out->len = 1;
	out->pcap_prog = prog;
	return 0;
}

int filter_compile_live(const char *expr, uint32_t snaplen,
			struct cbpf_prog *eth, struct cbpf_prog *raw,
			char *err, size_t errlen)
{
	char rerr[512];

	if (filter_compile(expr, DLT_EN10MB, snaplen, eth, err, errlen))
		return -1;
	if (!filter_compile(expr, DLT_RAW, snaplen, raw, rerr, sizeof(rerr)))
		return 0;
	if (reject_all(raw) == 0)
		return 0;
	snprintf(err, errlen, "out of memory");
	filter_free(eth);
	return -1;
}

void filter_free(struct cbpf_prog *p)
{
	if (p->pcap_prog) {
		pcap_freecode(p->pcap_prog);
		free(p->pcap_prog);
	}
	memset(p, 0, sizeof(*p));
}

void filter_dump(const struct cbpf_prog *p, int dflag, uint32_t snaplen)
{
	struct bpf_insn all = { BPF_RET | BPF_K, 0, 0, snaplen };
	struct bpf_program one = { 1, &all };

	bpf_dump(p->pcap_prog ? p->pcap_prog : &one, dflag);
}

int filter_match(const struct cbpf_prog *p, const uint8_t *pkt,
		 uint32_t caplen, uint32_t len)
{
	struct pcap_pkthdr h;

	if (!p->pcap_prog)
		return 1;
	memset(&h, 0, sizeof(h));
	h.caplen = caplen;
	h.len = len;
	return pcap_offline_filter(p->pcap_prog, &h, pkt) != 0;
}
