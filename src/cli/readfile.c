/* -r: read a capture file, filter it, print or rewrite it. */
#include "run.h"

#include <errno.h>
#include <limits.h>
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

int run_dump_filter(const struct options *o, int dlt, uint32_t snaplen)
{
	struct cbpf_prog prog;
	char err[512];

	memset(&prog, 0, sizeof(prog));
	if (filter_compile(o->expr ? o->expr : "", dlt, snaplen, &prog, err,
			   sizeof(err))) {
		die_msg("syntax error in filter expression: %s", err);
		return 1;
	}
	filter_dump(&prog, o->dflag, snaplen);
	filter_free(&prog);
	return 0;
}

/* -V: the next name in the list, one per line, as tcpdump takes them
 * (only the newline is cut; an empty line is an empty name) */
static const char *next_name(FILE *list, char *buf, size_t n)
{
	size_t len;

	if (!list || !fgets(buf, (int)n, list))
		return NULL;
	len = strlen(buf);
	if (len && buf[len - 1] == '\n')
		buf[len - 1] = '\0';
	return buf;
}

/* tcpdump's line on stderr for each file it reads; for a first file
 * of Linux cooked v2, whose interface indexes are named as on this
 * machine, its warning too */
static void say_reading(const char *name, struct reader *rd, bool first)
{
	int dlt = reader_dlt(rd);
	const char *dn = pcap_datalink_val_to_name(dlt);

	fflush(stdout);
	if (dn)
		fprintf(stderr, "reading from file %s, link-type %s (%s), "
			"snapshot length %u\n", name, dn,
			pcap_datalink_val_to_description(dlt), reader_snaplen(rd));
	else
		fprintf(stderr, "reading from file %s, link-type %d, snapshot "
			"length %u\n", name, dlt, reader_snaplen(rd));
	if (first && dlt == DLT_LINUX_SLL2)
		fputs("Warning: interface names might be incorrect\n", stderr);
}

int run_read(struct options *o)
{
	struct dlt_filter filters[MAX_DLTS];
	int nfilters = 0, r, ret = 1, id = 0;
	struct sinks sinks;
	struct reader *rd = NULL;
	struct pkt p;
	char err[512], line[PATH_MAX + 2];
	long long npkts = 0, nfile = 0, unwritten = 0;
	uint8_t *ethbuf = NULL;
	bool one_linktype = o->write_file &&
			    writer_format_for_path(o->write_file) == WRITER_PCAP;
	bool stopped = false;
	const char *name = o->read_file;
	FILE *list = NULL;
	int file_dlt;
	uint32_t snaplen;

	memset(filters, 0, sizeof(filters));
	if (o->read_list) {
		list = fopen(o->read_list, "r");
		if (!list) {
			die_msg("Unable to open file: %s", strerror(errno));
			return 1;
		}
		name = next_name(list, line, sizeof(line));
		if (!name) {
			die_msg("Nothing in %s", o->read_list);
			goto cleanup;
		}
	}
	rd = reader_open(name, err, sizeof(err));
	if (!rd) {
		die_msg("%s", err);
		goto cleanup;
	}
	say_reading(name, rd, true);
	/* -d: the program for the file's link type and snapshot length
	 * (-s or not), as tcpdump -r -d */
	if (o->dflag) {
		ret = run_dump_filter(o, reader_dlt(rd),
				      reader_snaplen(rd) ? reader_snaplen(rd) : o->snaplen);
		goto cleanup;
	}
	/* a bad expression is reported before anything is printed */
	if (o->expr && filter_compile(o->expr, reader_dlt(rd), o->snaplen,
				      &filters[0].prog, err, sizeof(err))) {
		die_msg("syntax error in filter expression: %s", err);
		goto cleanup;
	}
	file_dlt = filters[0].dlt = reader_dlt(rd);
	nfilters = 1;
	if (one_linktype) {	/* for a pcapng input's other link types */
		ethbuf = malloc(14 + 262144 + 16);
		if (!ethbuf)
			goto cleanup;
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
	for (;;) {
		while ((r = reader_next(rd, &p)) == 1) {
			struct cbpf_prog *f = filter_for(filters, &nfilters, o->expr,
							 p.dlt, o->snaplen);

			if (!f || !filter_match(f, p.data, p.caplen, p.len))
				continue;
			npkts++;
			nfile++;
			if (o->count_only) {
				if (o->count && nfile >= o->count)
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

				/* a pcap file has one link type, the input's
				 * first: a pcapng input's others (or a later
				 * -V file's) go in only as Ethernet */
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
			if (sinks_packet(&sinks, id, &p) != 0)
				break;	/* -c reached, or a sink error (reported) */
		}
		if (r < 0)
			break;
		/* stopped: by -c, which counts each -V file on its own, as
		 * tcpdump's does, or by a sink that cannot go on */
		if (r > 0 && !(list && o->count &&
			       (o->count_only ? nfile : sinks.written) >= o->count)) {
			stopped = true;
			break;
		}
		nfile = 0;
		sinks.written = 0;
		name = next_name(list, line, sizeof(line));
		if (!name)
			break;
		reader_close(rd);
		rd = reader_open(name, err, sizeof(err));
		if (!rd) {
			r = -1;
			break;
		}
		say_reading(name, rd, false);
	}
	if (o->count_only)
		printf("%lld packets\n", npkts);
	if (unwritten)
		fprintf(stderr, "ptcpdump: %lld packets not written: their link "
			"type is not the pcap file's\n", unwritten);
	/* what was read before an error stays in the file */
	ret = sinks_close(&sinks) < 0 ? 1 : 0;
	/* an error partway through a file is reported as tcpdump reports
	 * its pcap_loop()'s; a -V file that cannot be opened, as it is */
	if (r < 0 && !stopped) {
		if (rd)
			die_msg("pcap_loop: %s", reader_error(rd));
		else
			die_msg("%s", err);
		ret = 1;
	}
cleanup:
	while (nfilters > 0)
		filter_free(&filters[--nfilters].prog);
	free(ethbuf);
	reader_close(rd);
	if (list)
		fclose(list);
	return ret;
}
