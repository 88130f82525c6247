/* -r: read a capture file, filter it, print or rewrite it. */
#include "run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pcap/pcap.h>

#include "filter/filter.h"
#include "output/reader.h"

#define MAX_DLTS 8

struct dlt_filter {
	int dlt;
	struct cbpf_prog prog;
};

static struct cbpf_prog *filter_for(struct dlt_filter *f, int *n,
				    const char *expr, int dlt, uint32_t snaplen)
{
	char err[256];
	int i;

	for (i = 0; i < *n; i++)
		if (f[i].dlt == dlt)
			return &f[i].prog;
	if (*n == MAX_DLTS)
		return NULL;
	if (filter_compile(expr, dlt, snaplen, &f[*n].prog, err, sizeof(err)))
		return NULL;
	f[*n].dlt = dlt;
	return &f[(*n)++].prog;
}

int run_read(struct options *o)
{
	struct dlt_filter filters[MAX_DLTS];
	int nfilters = 0, r, ret = 1, id = 0;
	struct sinks sinks;
	struct reader *rd;
	struct pkt p;
	char err[512];
	long long npkts = 0, unwritten = 0;
	uint8_t *ethbuf = NULL;
	bool one_linktype = o->write_file &&
			    writer_format_for_path(o->write_file) == WRITER_PCAP;
	int file_dlt;
	uint32_t snaplen;

	memset(filters, 0, sizeof(filters));
	rd = reader_open(o->read_file, err, sizeof(err));
	if (!rd) {
		die_msg("%s", err);
		return 1;
	}
	/* a bad expression is reported before anything is printed */
	if (o->expr && filter_compile(o->expr, reader_dlt(rd), o->snaplen,
				      &filters[0].prog, err, sizeof(err))) {
		die_msg("syntax error in filter expression: %s", err);
		reader_close(rd);
		return 1;
	}
	file_dlt = filters[0].dlt = reader_dlt(rd);
	nfilters = 1;
	if (one_linktype) {	/* for a pcapng input's other link types */
		ethbuf = malloc(14 + 262144 + 16);
		if (!ethbuf) {
			reader_close(rd);
			return 1;
		}
	}
	/* packets are rewritten with their own link type and, unless -s
	 * says otherwise, the file's snapshot length, as tcpdump does */
	snaplen = o->snaplen;
	if (!o->snaplen_given && reader_snaplen(rd))
		snaplen = reader_snaplen(rd);
	if (sinks_open(&sinks, o, dlt_to_linktype(file_dlt), snaplen, err,
		       sizeof(err))) {
		die_msg("%s", err);
		goto cleanup;
	}
	while ((r = reader_next(rd, &p)) == 1) {
		struct cbpf_prog *f = filter_for(filters, &nfilters, o->expr,
						 p.dlt, o->snaplen);

		if (!f || !filter_match(f, p.data, p.caplen, p.len))
			continue;
		npkts++;
		if (o->count_only) {
			if (o->count && npkts >= o->count)
				break;
			continue;
		}
		if (sinks.w) {
			struct writer_iface wi = {
				.ifindex = p.ifindex, .name = p.ifname,
				.filter = o->expr,
				.own_linktype = true,
				.linktype = dlt_to_linktype(p.dlt),
			};

			/* a pcap file has one link type, the input's first:
			 * a pcapng input's others go in only as Ethernet */
			if (one_linktype && p.dlt != file_dlt) {
				if (file_dlt != DLT_EN10MB ||
				    !pkt_to_ethernet(&p, 0, ethbuf, 14 + 262144 + 16)) {
					unwritten++;
					continue;
				}
				wi.own_linktype = false;
			}
			id = writer_add_iface(sinks.w, &wi);
			if (id < 0) {
				sinks_writer_failed(sinks.w);
				break;
			}
		}
		if (sinks_packet(&sinks, id, &p) != 0) {
			r = 0;	/* -c reached, or a sink error (reported) */
			break;
		}
	}
	if (o->count_only)
		printf("%lld packets\n", npkts);
	if (unwritten)
		fprintf(stderr, "ptcpdump: %lld packets not written: their link "
			"type is not the pcap file's\n", unwritten);
	ret = sinks_close(&sinks) < 0 ? 1 : 0;
	if (r < 0) {
		die_msg("%s", reader_error(rd));
		ret = 1;
	}
cleanup:
	while (nfilters > 0)
		filter_free(&filters[--nfilters].prog);
	free(ethbuf);
	reader_close(rd);
	return ret;
}
