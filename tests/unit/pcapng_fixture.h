/* Shared fixture of the pcap/pcapng unit tests (test_pcapng*.c): a temporary
 * directory, a sample frame and metadata, and file helpers.  Each test
 * program uses a part of it. */
#ifndef PTD_TEST_PCAPNG_FIXTURE_H
#define PTD_TEST_PCAPNG_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "output/meta_codec.h"
#include "output/reader.h"
#include "output/writer.h"

static char tmpdir[256];

static inline int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/ptcpdump-test-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static inline int teardown(void **state)
{
	char cmd[300];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static inline const char *tpath(const char *name)
{
	static char buf[8][512];
	static int i;

	i = (i + 1) % 8;
	snprintf(buf[i], sizeof(buf[i]), "%s/%s", tmpdir, name);
	return buf[i];
}

static uint8_t frame[60];

static inline void init_frame(void)
{
	for (size_t i = 0; i < sizeof(frame); i++)
		frame[i] = (uint8_t)(i * 7 + 1);
	frame[12] = 0x08;
	frame[13] = 0x00;
}

static inline struct pkt_meta sample_meta(void)
{
	struct pkt_meta m;

	memset(&m, 0, sizeof(m));
	m.have = META_PROC | META_THREAD | META_USER | META_PARENT |
		 META_CONTAINER | META_POD | META_PKTID;
	m.pid = 99722;
	m.cmd = "/usr/bin/curl";
	m.args = "curl http://198.51.100.10";
	m.tid = 99723;
	m.tname = "curl";
	m.uid = 1000;
	m.ppid = 18840;
	m.pcmd = "/usr/bin/bash";
	m.pargs = "-bash";
	m.cname = "test";
	m.cid = "d9028334";
	m.cimage = "alpine:3.18";
	m.clabels = "{\"k\":\"v\"}";
	m.podname = "p";
	m.podns = "ns";
	m.poduid = "u";
	m.podlabels = "{}";
	m.podannot = "{}";
	m.packet_id = 4242;
	return m;
}

static inline long file_size(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 ? (long)st.st_size : -1;
}

static inline uint8_t *slurp(const char *p, size_t *n)
{
	FILE *f = fopen(p, "rb");
	uint8_t *b;
	long sz = file_size(p);

	assert_non_null(f);
	b = malloc((size_t)sz + 1);
	assert_int_equal(fread(b, 1, (size_t)sz, f), (size_t)sz);
	fclose(f);
	*n = (size_t)sz;
	return b;
}

static inline void spill(const char *p, const uint8_t *b, size_t n)
{
	FILE *f = fopen(p, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(b, 1, n, f), n);
	fclose(f);
}

/* Reads all packets; returns the count, *rc the final reader_next result. */
static inline int count_packets(const char *p, int *rc, char *err, size_t errlen)
{
	struct reader *r = reader_open(p, err, errlen);
	struct pkt pk;
	int n = 0, x;

	if (!r) {
		*rc = -2;
		return 0;
	}
	while ((x = reader_next(r, &pk)) == 1) {
		/* touch everything the reader hands out */
		volatile uint8_t sum = 0;

		for (uint32_t i = 0; i < pk.caplen; i++)
			sum += pk.data[i];
		(void)sum;
		if (pk.ifname)
			(void)strlen(pk.ifname);
		if (pk.meta) {
			const struct pkt_meta *m = pk.meta;

			if (m->cmd) (void)strlen(m->cmd);
			if (m->args) (void)strlen(m->args);
			if (m->clabels) (void)strlen(m->clabels);
			if (m->drop_reason) (void)strlen(m->drop_reason);
		}
		n++;
	}
	*rc = x;
	snprintf(err, errlen, "%s", reader_error(r));
	reader_close(r);
	return n;
}

#endif
