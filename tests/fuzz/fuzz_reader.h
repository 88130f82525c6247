/*
 * Shared body of the pcap and pcapng reader harnesses.  reader_open() takes
 * a path, so the input goes to one memfd, reopened through /proc/self/fd/N
 * for every input (a fresh open file description, offset 0).  Every packet
 * the reader returns is then run through the text sink (dissectors plus the
 * context lines built from the packet's metadata) as `ptcpdump -r` does.
 */
#ifndef PTCPDUMP_FUZZ_READER_H
#define PTCPDUMP_FUZZ_READER_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "common/packet.h"
#include "common/strbuf.h"
#include "output/reader.h"
#include "output/text.h"

#define FUZZ_MAX_PACKETS 256
#define FUZZ_TEXT_PACKETS 8	/* packets also formatted (the costly part) */

static int fuzz_fd = -1;
static char fuzz_path[64];
static struct text_sink *fuzz_sinks[4];

static void fuzz_reader_init(void)
{
	static const struct text_opts o[4] = {
		{ .tflag = 0, .context = CTX_ALL },
		{ .tflag = 5, .nano = true, .number = true, .context = CTX_ALL,
		  .d = { .vflag = 1, .eflag = 1 } },
		{ .tflag = 3, .oneline = true, .context = CTX_ALL,
		  .d = { .vflag = 2, .xflag = 1, .Sflag = 1 } },
		{ .tflag = 4, .utc = true, .context = CTX_PROCESS | CTX_CONTAINER,
		  .d = { .qflag = 1, .Xflag = 2, .Aflag = 1 } },
	};
	struct text_opts oo[4];

	memcpy(oo, o, sizeof(oo));
	/* FUZZ_NO_ONELINE=1: leave --oneline out, to fuzz past the known
	 * join_lines() overflow (regressions/meta_codec/) in long runs */
	if (getenv("FUZZ_NO_ONELINE"))
		for (int i = 0; i < 4; i++)
			oo[i].oneline = false;
	fuzz_fd = memfd_create("fuzz-capture", MFD_CLOEXEC);
	if (fuzz_fd < 0) {
		perror("memfd_create");
		abort();
	}
	snprintf(fuzz_path, sizeof(fuzz_path), "/proc/self/fd/%d", fuzz_fd);
	for (int i = 0; i < 4; i++)
		if (!(fuzz_sinks[i] = text_open(&oo[i], NULL)))
			abort();
}

static void fuzz_reader_run(const uint8_t *data, size_t size)
{
	char err[256];
	struct strbuf sb = STRBUF_INIT;
	struct reader *r;
	struct pkt p;
	int i, rc;

	if (ftruncate(fuzz_fd, 0) || pwrite(fuzz_fd, data, size, 0) != (ssize_t)size)
		abort();
	r = reader_open(fuzz_path, err, sizeof(err));
	if (!r)
		return;
	(void)reader_dlt(r);
	(void)reader_snaplen(r);
	(void)reader_format(r);
	(void)reader_has_ifnames(r);
	(void)reader_tsresol_ns(r);
	for (i = 0; i < FUZZ_MAX_PACKETS; i++) {
		memset(&p, 0, sizeof(p));
		rc = reader_next(r, &p);
		if (rc != 1)
			break;
		if (p.ifname)
			(void)strlen(p.ifname);
		/* the sink sees exactly what readfile.c would hand it */
		if (i < FUZZ_TEXT_PACKETS) {
			sb_reset(&sb);
			text_format(fuzz_sinks[i & 3], &p, &sb);
		}
	}
	if (rc < 0) {
		(void)strlen(reader_error(r));
		if (reader_next(r, &p) != -1)	/* documented: sticky error */
			abort();
	}
	reader_close(r);
	sb_free(&sb);
}

#endif
