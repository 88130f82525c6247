/* Unit tests for the pcap/pcapng reader and writer. */
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

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/ptcpdump-test-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[300];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *tpath(const char *name)
{
	static char buf[8][512];
	static int i;

	i = (i + 1) % 8;
	snprintf(buf[i], sizeof(buf[i]), "%s/%s", tmpdir, name);
	return buf[i];
}

static uint8_t frame[60];

static void init_frame(void)
{
	for (size_t i = 0; i < sizeof(frame); i++)
		frame[i] = (uint8_t)(i * 7 + 1);
	frame[12] = 0x08;
	frame[13] = 0x00;
}

static struct pkt_meta sample_meta(void)
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

static long file_size(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 ? (long)st.st_size : -1;
}

static uint8_t *slurp(const char *p, size_t *n)
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

static void spill(const char *p, const uint8_t *b, size_t n)
{
	FILE *f = fopen(p, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(b, 1, n, f), n);
	fclose(f);
}

/* Reads all packets; returns the count, *rc the final reader_next result. */
static int count_packets(const char *p, int *rc, char *err, size_t errlen)
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

/* ---- write -> read round trips ---- */

static void test_pcapng_round_trip(void **state)
{
	char err[256];
	const char *path = tpath("rt.pcapng");
	struct writer *w = writer_open(path, WRITER_PCAPNG, 0, err, sizeof(err));
	struct writer_iface i1 = { 1, "lo", 4026531840ull, "/proc/1/ns/net", "tcp port 80" };
	struct writer_iface i2 = { 7, "eth0", 4026532000ull, NULL, NULL };
	struct pkt_meta m = sample_meta(), dm;
	struct reader *r;
	struct pkt p, q;
	int a, b;

	(void)state;
	assert_non_null(w);
	a = writer_add_iface(w, &i1);
	b = writer_add_iface(w, &i2);
	assert_int_equal(a, 0);
	assert_int_equal(b, 1);
	assert_int_equal(writer_add_iface(w, &i1), 0);	/* idempotent */
	i1.netns_ino++;
	assert_int_equal(writer_add_iface(w, &i1), 2);	/* other netns */

	memset(&dm, 0, sizeof(dm));
	dm.have = META_DROP;
	dm.drop_reason = "NETFILTER_DROP";
	dm.drop_location = "nf_hook_slow+0x92";

	for (int k = 0; k < 5; k++) {
		memset(&p, 0, sizeof(p));
		p.ts_ns = 1700000000123456789ull + (uint64_t)k * 1000000001ull;
		p.data = frame;
		p.caplen = sizeof(frame) - (uint32_t)k;
		p.len = 1500;
		p.dir = k == 0 ? PKT_DIR_OUT : k == 1 ? PKT_DIR_IN : k == 4 ? PKT_DIR_DROP : PKT_DIR_UNKNOWN;
		p.meta = k == 0 || k == 1 ? &m : k == 4 ? &dm : NULL;
		assert_int_equal(writer_write(w, k == 1 ? b : a, &p), 0);
	}
	assert_int_equal(writer_stats(w, a, 100, 3), 0);
	assert_int_equal(writer_stats(w, 9, 1, 1), -1);
	assert_int_equal(writer_close(w), 0);

	r = reader_open(path, err, sizeof(err));
	assert_non_null(r);
	assert_int_equal(reader_format(r), READER_PCAPNG);
	assert_int_equal(reader_dlt(r), 1);
	assert_int_equal(reader_snaplen(r), 262144);
	assert_true(reader_has_ifnames(r));
	assert_int_equal(reader_tsresol_ns(r), 1);
	for (int k = 0; k < 5; k++) {
		assert_int_equal(reader_next(r, &q), 1);
		assert_true(q.ts_ns == 1700000000123456789ull + (uint64_t)k * 1000000001ull);
		assert_int_equal(q.tsresol_ns, 1);
		assert_int_equal(q.caplen, sizeof(frame) - (uint32_t)k);
		assert_int_equal(q.len, 1500);
		assert_memory_equal(q.data, frame, q.caplen);
		assert_int_equal(q.dlt, 1);
		assert_int_equal(q.ifindex, k == 1 ? 1 : 0);
		assert_string_equal(q.ifname, k == 1 ? "eth0" : "lo");
		if (k < 2) {
			assert_int_equal(q.dir, k == 0 ? PKT_DIR_OUT : PKT_DIR_IN);
			assert_non_null(q.meta);
			assert_int_equal(q.meta->have, m.have);
			assert_int_equal(q.meta->pid, 99722);
			assert_int_equal(q.meta->tid, 99723);
			assert_int_equal(q.meta->uid, 1000);
			assert_int_equal(q.meta->ppid, 18840);
			assert_string_equal(q.meta->cmd, m.cmd);
			assert_string_equal(q.meta->args, m.args);
			assert_string_equal(q.meta->tname, m.tname);
			assert_string_equal(q.meta->pcmd, m.pcmd);
			assert_string_equal(q.meta->pargs, m.pargs);
			assert_string_equal(q.meta->cname, m.cname);
			assert_string_equal(q.meta->cid, m.cid);
			assert_string_equal(q.meta->cimage, m.cimage);
			assert_string_equal(q.meta->clabels, m.clabels);
			assert_string_equal(q.meta->podname, m.podname);
			assert_string_equal(q.meta->podns, m.podns);
			assert_string_equal(q.meta->poduid, m.poduid);
			assert_string_equal(q.meta->podlabels, m.podlabels);
			assert_string_equal(q.meta->podannot, m.podannot);
			assert_true(q.meta->packet_id == 4242);
		} else if (k == 4) {
			assert_int_equal(q.dir, PKT_DIR_DROP);
			assert_non_null(q.meta);
			assert_int_equal(q.meta->have, META_DROP);
			assert_string_equal(q.meta->drop_reason, "NETFILTER_DROP");
			assert_string_equal(q.meta->drop_location, "nf_hook_slow+0x92");
		} else {
			assert_int_equal(q.dir, PKT_DIR_UNKNOWN);
			assert_null(q.meta);
		}
	}
	assert_int_equal(reader_next(r, &q), 0);
	assert_int_equal(reader_next(r, &q), 0);
	reader_close(r);
}

static void test_meta_mask(void **state)
{
	char err[256];
	const char *path = tpath("mask.pcapng");
	struct writer *w = writer_open(path, WRITER_PCAPNG, 0, err, sizeof(err));
	struct writer_iface i1 = { 1, "lo", 1, NULL, NULL };
	struct pkt_meta m = sample_meta();
	struct reader *r;
	struct pkt p = { 0 };

	(void)state;
	assert_non_null(w);
	writer_add_iface(w, &i1);
	writer_set_meta_mask(w, META_PROC | META_USER);
	p.data = frame;
	p.caplen = p.len = sizeof(frame);
	p.meta = &m;
	assert_int_equal(writer_write(w, 0, &p), 0);
	assert_int_equal(writer_close(w), 0);
	r = reader_open(path, err, sizeof(err));
	assert_non_null(r);
	assert_int_equal(reader_next(r, &p), 1);
	assert_non_null(p.meta);
	/* masked groups are not in the options either */
	assert_int_equal(p.meta->have, META_PROC | META_USER);
	assert_int_equal(p.meta->pid, 99722);
	assert_int_equal(p.meta->tid, 0);
	assert_null(p.meta->tname);
	reader_close(r);
}

static void test_pcap_round_trip(void **state)
{
	char err[256];
	const char *path = tpath("rt.pcap");
	struct writer *w;
	struct writer_iface i1 = { 1, "lo", 1, NULL, NULL };
	struct pkt_meta m = sample_meta();
	struct reader *r;
	struct pkt p, q;

	(void)state;
	assert_int_equal(writer_format_for_path(path), WRITER_PCAP);
	assert_int_equal(writer_format_for_path("x.pcapng"), WRITER_PCAPNG);
	assert_int_equal(writer_format_for_path("-"), WRITER_PCAPNG);
	w = writer_open(path, WRITER_PCAP, 100, err, sizeof(err));
	assert_non_null(w);
	assert_int_equal(writer_add_iface(w, &i1), 0);
	for (int k = 0; k < 3; k++) {
		memset(&p, 0, sizeof(p));
		p.ts_ns = 1700000000000000001ull + (uint64_t)k;
		p.data = frame;
		p.caplen = sizeof(frame);
		p.len = sizeof(frame);
		p.dir = PKT_DIR_OUT;
		p.meta = &m;
		assert_int_equal(writer_write(w, 0, &p), 0);
	}
	assert_int_equal(writer_close(w), 0);
	assert_int_equal(file_size(path), 24 + 3 * (16 + 60));
	r = reader_open(path, err, sizeof(err));
	assert_non_null(r);
	assert_int_equal(reader_format(r), READER_PCAP);
	assert_int_equal(reader_snaplen(r), 100);
	assert_false(reader_has_ifnames(r));
	for (int k = 0; k < 3; k++) {
		assert_int_equal(reader_next(r, &q), 1);
		assert_true(q.ts_ns == 1700000000000000001ull + (uint64_t)k);
		assert_int_equal(q.tsresol_ns, 1);
		assert_null(q.ifname);
		assert_null(q.meta);
		assert_int_equal(q.dir, PKT_DIR_UNKNOWN);
		assert_memory_equal(q.data, frame, sizeof(frame));
	}
	assert_int_equal(reader_next(r, &q), 0);
	reader_close(r);
}

static void test_snaplen_and_empty(void **state)
{
	char err[256];
	const char *path = tpath("snap.pcapng");
	struct writer *w = writer_open(path, WRITER_PCAPNG, 20, err, sizeof(err));
	struct reader *r;
	struct pkt p = { 0 };
	int rc;

	(void)state;
	assert_non_null(w);
	assert_int_equal(writer_close(w), 0);
	/* no interface was added: a placeholder IDB keeps libpcap happy */
	assert_int_equal(count_packets(path, &rc, err, sizeof(err)), 0);
	assert_int_equal(rc, 0);

	w = writer_open(path, WRITER_PCAPNG, 20, err, sizeof(err));
	assert_non_null(w);
	assert_int_equal(writer_write(w, 0, &p), -1);	/* no such interface */
	assert_string_equal(writer_error(w), "writer: unknown interface id 0");
	writer_close(w);

	w = writer_open(path, WRITER_PCAPNG, 20, err, sizeof(err));
	assert_non_null(w);
	writer_add_iface(w, &(struct writer_iface){ 3, NULL, 0, NULL, NULL });
	p.data = frame;
	p.caplen = p.len = sizeof(frame);
	assert_int_equal(writer_write(w, 0, &p), 0);
	assert_int_equal(writer_close(w), 0);
	r = reader_open(path, err, sizeof(err));
	assert_non_null(r);
	assert_false(reader_has_ifnames(r));
	assert_int_equal(reader_next(r, &p), 1);
	assert_int_equal(p.caplen, 20);
	assert_int_equal(p.len, sizeof(frame));
	assert_null(p.ifname);
	reader_close(r);
}

/* ---- corrupt input ---- */

static void test_truncation_everywhere(void **state)
{
	const char *path = tpath("tr.pcapng"), *cut = tpath("cut.bin");
	const char *ppath = tpath("tr.pcap");
	char err[256];
	struct writer *w;
	struct pkt_meta m = sample_meta();
	struct pkt p = { 0 };
	size_t n;
	uint8_t *b;
	long ends[8], hdr_end;
	int nends;

	(void)state;
	for (int fmt = WRITER_PCAPNG; fmt <= WRITER_PCAP; fmt++) {
		const char *f = fmt == WRITER_PCAPNG ? path : ppath;

		w = writer_open(f, fmt, 0, err, sizeof(err));
		/* every block on disk at once: the sizes below are per block */
		if (w)
			writer_set_immediate(w, 1);
		assert_non_null(w);
		writer_add_iface(w, &(struct writer_iface){ 1, "lo", 1, NULL, "ip" });
		hdr_end = file_size(f);
		nends = 0;
		for (int k = 0; k < 4; k++) {
			p.data = frame;
			p.caplen = p.len = sizeof(frame);
			p.meta = k % 2 ? &m : NULL;
			p.dir = PKT_DIR_IN;
			assert_int_equal(writer_write(w, 0, &p), 0);
			ends[nends++] = file_size(f);
		}
		assert_int_equal(writer_close(w), 0);
		b = slurp(f, &n);
		for (size_t len = 0; len < n; len++) {
			int rc, got, want = 0;

			spill(cut, b, len);
			got = count_packets(cut, &rc, err, sizeof(err));
			for (int k = 0; k < nends; k++)
				if ((long)len >= ends[k])
					want = k + 1;
			assert_int_equal(got, want);
			if (rc == 0) {
				/* clean EOF only exactly at a block boundary */
				int ok = 0;

				for (int k = 0; k < nends; k++)
					if ((long)len == ends[k])
						ok = 1;
				if ((long)len == hdr_end)
					ok = 1;
				assert_true(ok);
			} else {
				assert_true(err[0] != '\0');
			}
		}
		/* a pcap cut in the middle of packet data */
		if (fmt == WRITER_PCAP) {
			int rc;

			spill(cut, b, 24 + 16 + 3);
			assert_int_equal(count_packets(cut, &rc, err, sizeof(err)), 0);
			assert_int_equal(rc, -1);
			assert_string_equal(err,
				"truncated dump file; tried to read 60 captured bytes, only got 3");
			spill(cut, b, 24 + 5);
			count_packets(cut, &rc, err, sizeof(err));
			assert_string_equal(err,
				"truncated dump file; tried to read 16 header bytes, only got 5");
		}
		free(b);
	}
}

static void test_bad_headers(void **state)
{
	const char *f = tpath("bad.bin");
	char err[256];
	int rc;
	uint8_t junk[64];

	(void)state;
	spill(f, (const uint8_t *)"", 0);
	assert_int_equal(count_packets(f, &rc, err, sizeof(err)), 0);
	assert_int_equal(rc, -2);
	assert_string_equal(err, "truncated dump file; tried to read 4 file header bytes, only got 0");

	memset(junk, 'x', sizeof(junk));
	spill(f, junk, sizeof(junk));
	count_packets(f, &rc, err, sizeof(err));
	assert_int_equal(rc, -2);
	assert_string_equal(err, "unknown file format");

	assert_null(reader_open(tpath("does-not-exist"), err, sizeof(err)));
	assert_non_null(strstr(err, "No such file or directory"));
}

/* ---- handcrafted files ---- */

struct bb {
	uint8_t b[1 << 16];
	size_t n;
	int be;
	size_t blk;
};

static void p8(struct bb *x, uint8_t v) { x->b[x->n++] = v; }
static void p16(struct bb *x, uint16_t v)
{
	if (x->be) { p8(x, (uint8_t)(v >> 8)); p8(x, (uint8_t)v); }
	else { p8(x, (uint8_t)v); p8(x, (uint8_t)(v >> 8)); }
}
static void p32(struct bb *x, uint32_t v)
{
	if (x->be) { p16(x, (uint16_t)(v >> 16)); p16(x, (uint16_t)v); }
	else { p16(x, (uint16_t)v); p16(x, (uint16_t)(v >> 16)); }
}
static void p64(struct bb *x, uint64_t v)
{
	if (x->be) { p32(x, (uint32_t)(v >> 32)); p32(x, (uint32_t)v); }
	else { p32(x, (uint32_t)v); p32(x, (uint32_t)(v >> 32)); }
}
static void pbytes(struct bb *x, const void *d, size_t n)
{
	memcpy(x->b + x->n, d, n);
	x->n += n;
	while (x->n % 4)
		p8(x, 0);
}
static void popt(struct bb *x, uint16_t code, const void *d, uint16_t n)
{
	p16(x, code);
	p16(x, n);
	pbytes(x, d, n);
}
static void blk_start(struct bb *x, uint32_t type)
{
	x->blk = x->n;
	p32(x, type);
	p32(x, 0);
}
static void blk_end(struct bb *x)
{
	uint32_t total = (uint32_t)(x->n - x->blk + 4);
	size_t save = x->n;

	x->n = x->blk + 4;
	p32(x, total);
	x->n = save;
	p32(x, total);
}
static void shb(struct bb *x, int be)
{
	x->be = be;
	blk_start(x, 0x0A0D0D0A);
	p32(x, 0x1A2B3C4D);
	p16(x, 1);
	p16(x, 0);
	p64(x, UINT64_MAX);
	blk_end(x);
}

static void test_handcrafted_pcapng(void **state)
{
	static struct bb x;
	const char *f = tpath("hand.pcapng");
	char err[256];
	struct reader *r;
	struct pkt p;
	uint8_t res;
	uint64_t off;
	uint32_t v[2];
	const char *cm = "PID: 12\nCommand: /bin/nc\nArgs: nc -l";

	(void)state;
	memset(&x, 0, sizeof(x));
	/* section 1: big endian */
	shb(&x, 1);
	blk_start(&x, 0x40000BAD);	/* unknown block: skipped */
	p32(&x, 0xdeadbeef);
	blk_end(&x);
	blk_start(&x, 1);		/* IDB 0: RAW, micro (default), tsoffset */
	p16(&x, 101);
	p16(&x, 0);
	p32(&x, 65535);
	popt(&x, 2, "tun0", 4);
	off = 100;
	popt(&x, 14, (uint8_t[8]){ 0, 0, 0, 0, 0, 0, 0, 100 }, 8);
	p32(&x, 0);
	blk_end(&x);
	(void)off;
	blk_start(&x, 1);		/* IDB 1: Ethernet, 2^-10 resolution */
	p16(&x, 1);
	p16(&x, 0);
	p32(&x, 0);
	res = 0x80 | 10;
	popt(&x, 9, &res, 1);
	blk_end(&x);
	blk_start(&x, 6);		/* EPB on if 0 */
	p32(&x, 0);
	p32(&x, 0);
	p32(&x, 1500000);		/* 1.5 s (micro) */
	p32(&x, 5);
	p32(&x, 5);
	pbytes(&x, "\x45\x00\x00\x05\x00", 5);
	popt(&x, 1, cm, (uint16_t)strlen(cm));
	popt(&x, 2, (uint8_t[4]){ 0, 0, 0, 1 }, 4);
	v[0] = 0;
	(void)v;
	popt(&x, 8, (uint8_t[8]){ 0, 0, 0, 99, 0, 0, 0, 13 }, 8);	/* pid 99 ignored, tid 13 */
	p32(&x, 0);
	blk_end(&x);
	blk_start(&x, 6);		/* EPB on if 1 */
	p32(&x, 1);
	p32(&x, 0);
	p32(&x, 1024 * 3 + 512);	/* 3.5 s */
	p32(&x, 4);
	p32(&x, 60);
	pbytes(&x, "abcd", 4);
	blk_end(&x);
	blk_start(&x, 3);		/* SPB: if 0 */
	p32(&x, 3);
	pbytes(&x, "xyz", 3);
	blk_end(&x);
	blk_start(&x, 2);		/* obsolete PB on if 1, pack_flags outbound */
	p16(&x, 1);
	p16(&x, 0);
	p32(&x, 0);
	p32(&x, 1024);
	p32(&x, 2);
	p32(&x, 2);
	pbytes(&x, "hi", 2);
	popt(&x, 2, (uint8_t[4]){ 0, 0, 0, 2 }, 4);
	blk_end(&x);
	/* section 2: little endian, nanosecond, only opt 8 */
	shb(&x, 0);
	blk_start(&x, 1);
	p16(&x, 1);
	p16(&x, 0);
	p32(&x, 0);
	res = 9;
	popt(&x, 9, &res, 1);
	popt(&x, 2, "veth1", 5);
	blk_end(&x);
	blk_start(&x, 6);
	p32(&x, 0);
	p32(&x, 0x17);
	p32(&x, 0x12345678);
	p32(&x, 1);
	p32(&x, 1);
	pbytes(&x, "z", 1);
	popt(&x, 8, (uint8_t[8]){ 77, 0, 0, 0, 78, 0, 0, 0 }, 8);
	popt(&x, 5, (uint8_t[8]){ 9, 0, 0, 0, 0, 0, 0, 0 }, 8);
	popt(&x, 1, "a wireshark user comment", 24);
	blk_end(&x);
	blk_start(&x, 6);		/* packet on an interface that does not exist */
	p32(&x, 1);
	p32(&x, 0);
	p32(&x, 0);
	p32(&x, 0);
	p32(&x, 0);
	blk_end(&x);
	spill(f, x.b, x.n);

	r = reader_open(f, err, sizeof(err));
	assert_non_null(r);
	assert_int_equal(reader_dlt(r), 12);	/* LINKTYPE_RAW -> DLT_RAW */
	assert_int_equal(reader_snaplen(r), 65535);
	assert_int_equal(reader_tsresol_ns(r), 1000);

	assert_int_equal(reader_next(r, &p), 1);
	assert_true(p.ts_ns == 101500000000ull);
	assert_int_equal(p.tsresol_ns, 1000);
	assert_string_equal(p.ifname, "tun0");
	assert_int_equal(p.ifindex, 0);
	assert_int_equal(p.dlt, 12);
	assert_int_equal(p.dir, PKT_DIR_IN);
	assert_int_equal(p.caplen, 5);
	assert_memory_equal(p.data, "\x45\x00\x00\x05\x00", 5);
	assert_non_null(p.meta);
	assert_int_equal(p.meta->have, META_PROC | META_THREAD);
	assert_int_equal(p.meta->pid, 12);
	assert_int_equal(p.meta->tid, 13);
	assert_string_equal(p.meta->cmd, "/bin/nc");
	assert_string_equal(p.meta->args, "nc -l");

	assert_int_equal(reader_next(r, &p), 1);
	assert_true(p.ts_ns == 3500000000ull);
	assert_int_equal(p.tsresol_ns, 976562);
	assert_null(p.ifname);
	assert_int_equal(p.ifindex, 1);
	assert_int_equal(p.dlt, 1);
	assert_int_equal(p.caplen, 4);
	assert_int_equal(p.len, 60);
	assert_null(p.meta);

	assert_int_equal(reader_next(r, &p), 1);	/* SPB */
	assert_int_equal(p.ifindex, 0);
	assert_int_equal(p.caplen, 3);
	assert_int_equal(p.len, 3);
	assert_memory_equal(p.data, "xyz", 3);

	assert_int_equal(reader_next(r, &p), 1);	/* PB */
	assert_int_equal(p.ifindex, 1);
	assert_int_equal(p.dir, PKT_DIR_OUT);
	assert_true(p.ts_ns == 1000000000ull);
	assert_memory_equal(p.data, "hi", 2);

	assert_int_equal(reader_next(r, &p), 1);	/* section 2 */
	assert_string_equal(p.ifname, "veth1");
	assert_int_equal(p.ifindex, 0);
	assert_int_equal(p.tsresol_ns, 1);
	assert_true(p.ts_ns == ((0x17ull << 32) | 0x12345678));
	assert_non_null(p.meta);
	assert_int_equal(p.meta->have, META_PROC | META_THREAD | META_PKTID);
	assert_int_equal(p.meta->pid, 77);
	assert_int_equal(p.meta->tid, 78);
	assert_true(p.meta->packet_id == 9);

	assert_int_equal(reader_next(r, &p), -1);
	assert_string_equal(reader_error(r),
		"a packet arrived on interface 1, but there's no Interface Description Block for that interface");
	assert_int_equal(reader_next(r, &p), -1);
	reader_close(r);
}

static void test_handcrafted_limits(void **state)
{
	static struct bb x;
	const char *f = tpath("lim.pcapng");
	char err[256];
	int rc;

	(void)state;
	/* oversized block */
	memset(&x, 0, sizeof(x));
	shb(&x, 0);
	p32(&x, 1);
	p32(&x, 0x7ffffff0);
	spill(f, x.b, x.n);
	assert_int_equal(count_packets(f, &rc, err, sizeof(err)), 0);
	assert_int_equal(rc, -1);
	assert_string_equal(err, "pcapng block size 2147483632 > maximum 16777216");

	/* caplen larger than the block */
	memset(&x, 0, sizeof(x));
	shb(&x, 0);
	blk_start(&x, 1);
	p16(&x, 1);
	p16(&x, 0);
	p32(&x, 0);
	blk_end(&x);
	blk_start(&x, 6);
	p32(&x, 0);
	p32(&x, 0);
	p32(&x, 0);
	p32(&x, 0xfffffff0);
	p32(&x, 10);
	pbytes(&x, "abcd", 4);
	blk_end(&x);
	spill(f, x.b, x.n);
	assert_int_equal(count_packets(f, &rc, err, sizeof(err)), 0);
	assert_int_equal(rc, -1);

	/* bad if_tsresol */
	memset(&x, 0, sizeof(x));
	shb(&x, 1);
	blk_start(&x, 1);
	p16(&x, 1);
	p16(&x, 0);
	p32(&x, 0);
	popt(&x, 9, (uint8_t[1]){ 0xff }, 1);
	blk_end(&x);
	spill(f, x.b, x.n);
	assert_int_equal(count_packets(f, &rc, err, sizeof(err)), 0);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "too high"));

	/* trailer mismatch; option overrunning the block; no IDB */
	memset(&x, 0, sizeof(x));
	shb(&x, 0);
	blk_start(&x, 1);
	p16(&x, 1);
	p16(&x, 0);
	p32(&x, 0);
	p16(&x, 2);
	p16(&x, 200);	/* if_name longer than the block: ignored */
	blk_end(&x);
	x.b[x.n - 1] ^= 1;
	spill(f, x.b, x.n);
	assert_int_equal(count_packets(f, &rc, err, sizeof(err)), 0);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "don't match"));

	memset(&x, 0, sizeof(x));
	shb(&x, 0);
	spill(f, x.b, x.n);
	assert_int_equal(count_packets(f, &rc, err, sizeof(err)), 0);
	assert_int_equal(rc, -2);
	assert_string_equal(err, "the capture file has no Interface Description Blocks");
}

static void test_classic_variants(void **state)
{
	static struct bb x;
	const char *f = tpath("be.pcap");
	char err[256];
	struct reader *r;
	struct pkt p;
	int rc;

	(void)state;
	for (int be = 0; be <= 1; be++) {
		for (int nano = 0; nano <= 1; nano++) {
			memset(&x, 0, sizeof(x));
			x.be = be;
			p32(&x, nano ? 0xa1b23c4d : 0xa1b2c3d4);
			p16(&x, 2);
			p16(&x, 4);
			p32(&x, 0);
			p32(&x, 0);
			p32(&x, 1234);
			p32(&x, 101);
			p32(&x, 1700000000);
			p32(&x, 999);
			p32(&x, 4);
			p32(&x, 40);
			pbytes(&x, "\x45\x00\x00\x28", 4);
			spill(f, x.b, x.n);
			r = reader_open(f, err, sizeof(err));
			assert_non_null(r);
			assert_int_equal(reader_dlt(r), 12);
			assert_int_equal(reader_snaplen(r), 1234);
			assert_int_equal(reader_tsresol_ns(r), nano ? 1 : 1000);
			assert_int_equal(reader_next(r, &p), 1);
			assert_true(p.ts_ns == 1700000000000000000ull + (nano ? 999 : 999000));
			assert_int_equal(p.caplen, 4);
			assert_int_equal(p.len, 40);
			assert_int_equal(p.dlt, 12);
			assert_null(p.ifname);
			assert_null(p.meta);
			assert_int_equal(reader_next(r, &p), 0);
			reader_close(r);
		}
	}
	/* huge caplen */
	memset(&x, 0, sizeof(x));
	p32(&x, 0xa1b2c3d4);
	p16(&x, 2);
	p16(&x, 4);
	p32(&x, 0);
	p32(&x, 0);
	p32(&x, 65535);
	p32(&x, 1);
	p32(&x, 0);
	p32(&x, 0);
	p32(&x, 0x7fffffff);
	p32(&x, 0x7fffffff);
	spill(f, x.b, x.n);
	assert_int_equal(count_packets(f, &rc, err, sizeof(err)), 0);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "invalid packet capture length"));
}

/* Random damage must never crash or hang. */
static void test_fuzz_smoke(void **state)
{
	const char *path = tpath("fz.pcapng"), *cut = tpath("fz.bin");
	char err[256];
	struct writer *w;
	struct pkt_meta m = sample_meta();
	struct pkt p = { 0 };
	size_t n;
	uint8_t *b, *c;
	unsigned seed = 12345;

	(void)state;
	w = writer_open(path, WRITER_PCAPNG, 0, err, sizeof(err));
	assert_non_null(w);
	writer_add_iface(w, &(struct writer_iface){ 1, "lo", 1, "/x", "ip" });
	writer_add_iface(w, &(struct writer_iface){ 2, "eth0", 1, "/x", "ip" });
	for (int k = 0; k < 6; k++) {
		p.data = frame;
		p.caplen = p.len = sizeof(frame) - (uint32_t)k;
		p.meta = k % 2 ? &m : NULL;
		p.dir = k % 3;
		writer_write(w, k % 2, &p);
	}
	writer_stats(w, 0, 5, 1);
	assert_int_equal(writer_close(w), 0);
	b = slurp(path, &n);
	c = malloc(n);
	for (int it = 0; it < 3000; it++) {
		int rc, flips = 1 + (int)(rand_r(&seed) % 8);
		size_t len = n;

		memcpy(c, b, n);
		for (int k = 0; k < flips; k++) {
			size_t pos = rand_r(&seed) % n;

			/* bias towards length fields and option headers */
			c[pos] = (uint8_t)(rand_r(&seed) % 3 == 0 ? 0xff : rand_r(&seed));
		}
		if (rand_r(&seed) % 4 == 0)
			len = rand_r(&seed) % n;
		spill(cut, c, len);
		count_packets(cut, &rc, err, sizeof(err));
		assert_true(rc == 0 || rc == -1 || rc == -2);
	}
	free(b);
	free(c);
}

/* ---- writer error handling ---- */

static void test_write_errors(void **state)
{
	const char *path = tpath("fsize.pcapng");
	char err[256];
	pid_t pid;
	int status, rc, got;

	(void)state;
	/* ENOSPC */
	{
		struct writer *w = writer_open("/dev/full", WRITER_PCAPNG, 0, err, sizeof(err));

		assert_null(w);
		assert_string_equal(err, "/dev/full: write failed: No space left on device");
	}
	assert_null(writer_open(tpath("no/such/dir/f"), WRITER_PCAPNG, 0, err, sizeof(err)));
	assert_non_null(strstr(err, "No such file or directory"));

	/* EFBIG with a partial write in the middle of a block, in a child */
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { 2000, 2000 };
		struct writer *w;
		struct pkt p = { 0 };
		struct pkt_meta m = sample_meta();
		int i;

		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &rl);
		w = writer_open(path, WRITER_PCAPNG, 0, err, sizeof(err));
		if (!w)
			_exit(10);
		writer_add_iface(w, &(struct writer_iface){ 1, "lo", 1, NULL, NULL });
		p.data = frame;
		p.caplen = p.len = sizeof(frame);
		p.meta = &m;
		/* as the live capture does: a flush after each batch (one
		 * every 2 ms; a file written with O_DIRECT gets them once they
		 * have waited 100 ms) */
		for (i = 0; i < 100; i++) {
			if (writer_write(w, 0, &p) != 0 || writer_flush(w) != 0)
				break;
			usleep(2000);
		}
		if (i == 100 || strcmp(writer_error(w), "") == 0)
			_exit(11);
		if (!strstr(writer_error(w), "write failed: File too large"))
			_exit(12);
		if (writer_write(w, 0, &p) != -1)
			_exit(13);
		writer_close(w);
		_exit(i > 0 ? 0 : 14);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_true(file_size(path) <= 2000);
	assert_true(file_size(path) % 4 == 0);
	got = count_packets(path, &rc, err, sizeof(err));
	assert_true(got > 0);
	assert_int_equal(rc, 0);	/* valid up to the last whole block */
}

static void test_file_mode_and_nofollow(void **state)
{
	char err[256];
	const char *dir = tpath("sticky"), *link = tpath("sticky/link");
	const char *target = tpath("target"), *f = tpath("mode.pcapng");
	struct writer *w;
	struct stat st;
	mode_t old = umask(022);

	(void)state;
	w = writer_open(f, WRITER_PCAPNG, 0, err, sizeof(err));
	assert_non_null(w);
	writer_close(w);
	assert_int_equal(stat(f, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0644);

	assert_int_equal(mkdir(dir, 0777), 0);
	assert_int_equal(chmod(dir, 01777), 0);
	assert_int_equal(symlink(target, link), 0);
	w = writer_open(link, WRITER_PCAPNG, 0, err, sizeof(err));
	assert_null(w);
	assert_non_null(strstr(err, "Too many levels of symbolic links"));
	assert_int_equal(file_size(target), -1);
	umask(old);
}

/* ---- rotation ---- */

static void test_parse_filesize(void **state)
{
	uint64_t v = 0;

	(void)state;
	assert_int_equal(parse_filesize("1", &v), 0);
	assert_true(v == 1000000);
	assert_int_equal(parse_filesize("10", &v), 0);
	assert_true(v == 10000000);
	assert_int_equal(parse_filesize("2k", &v), 0);
	assert_true(v == 2048);
	assert_int_equal(parse_filesize("2KB", &v), 0);
	assert_true(v == 2048);
	assert_int_equal(parse_filesize("3m", &v), 0);
	assert_true(v == 3ull << 20);
	assert_int_equal(parse_filesize("3mb", &v), 0);
	assert_true(v == 3ull << 20);
	assert_int_equal(parse_filesize("1g", &v), 0);
	assert_true(v == 1ull << 30);
	assert_int_equal(parse_filesize("4Gb", &v), 0);
	assert_true(v == 4ull << 30);
	assert_int_equal(parse_filesize("0", &v), -1);
	assert_int_equal(parse_filesize("0k", &v), -1);
	assert_int_equal(parse_filesize("", &v), -1);
	assert_int_equal(parse_filesize("-1", &v), -1);
	assert_int_equal(parse_filesize("k", &v), -1);
	assert_int_equal(parse_filesize("1x", &v), -1);
	assert_int_equal(parse_filesize("1kbb", &v), -1);
	assert_int_equal(parse_filesize("1.5", &v), -1);
	assert_int_equal(parse_filesize(" 1", &v), -1);
	assert_int_equal(parse_filesize("99999999999999999999", &v), -1);
	assert_int_equal(parse_filesize("99999999999999g", &v), -1);
}

static int write_n(struct writer *w, int n, int iface)
{
	struct pkt p = { 0 };
	struct pkt_meta m = sample_meta();

	p.data = frame;
	p.caplen = p.len = sizeof(frame);
	p.meta = &m;
	for (int i = 0; i < n; i++) {
		int rc = writer_write(w, iface, &p);

		if (rc)
			return rc;
	}
	return 0;
}

static void check_alone(const char *f, int want_ifaces)
{
	char err[256];
	struct reader *r = reader_open(f, err, sizeof(err));
	struct pkt p;
	int rc, n = 0;

	assert_non_null(r);
	while ((rc = reader_next(r, &p)) == 1) {
		assert_true((int)p.ifindex < want_ifaces);
		assert_string_equal(p.ifname, p.ifindex ? "eth0" : "lo");
		n++;
	}
	assert_int_equal(rc, 0);
	assert_true(n > 0);
	reader_close(r);
}

static void test_rotate_size(void **state)
{
	char err[256];
	struct writer_rotate rot = { 0 };
	struct writer *w;
	char name[64];

	(void)state;
	/* -C 2k: FILE, FILE1, FILE2, ... */
	assert_int_equal(parse_filesize("2k", &rot.max_bytes), 0);
	w = writer_open_rotating(tpath("c"), WRITER_PCAPNG, 0, &rot, err, sizeof(err));
	assert_non_null(w);
	writer_add_iface(w, &(struct writer_iface){ 1, "lo", 1, NULL, NULL });
	assert_int_equal(write_n(w, 10, 0), 0);
	writer_add_iface(w, &(struct writer_iface){ 2, "eth0", 1, NULL, NULL });
	assert_int_equal(write_n(w, 30, 1), 0);
	assert_int_equal(writer_close(w), 0);
	assert_true(file_size(tpath("c")) > 2048);
	assert_true(file_size(tpath("c1")) > 0);
	assert_true(file_size(tpath("c0")) == -1);
	for (int i = 0;; i++) {
		if (i)
			snprintf(name, sizeof(name), "c%d", i);
		else
			snprintf(name, sizeof(name), "c");
		if (file_size(tpath(name)) < 0) {
			assert_true(i > 3);
			break;
		}
		check_alone(tpath(name), 2);
	}

	/* -C 2k -W 3: d0, d1, d2 in a ring */
	rot.max_files = 3;
	w = writer_open_rotating(tpath("d"), WRITER_PCAPNG, 0, &rot, err, sizeof(err));
	assert_non_null(w);
	writer_add_iface(w, &(struct writer_iface){ 1, "lo", 1, NULL, NULL });
	assert_int_equal(write_n(w, 60, 0), 0);
	assert_int_equal(writer_close(w), 0);
	assert_true(file_size(tpath("d")) == -1);
	assert_true(file_size(tpath("d3")) == -1);
	check_alone(tpath("d0"), 1);
	check_alone(tpath("d1"), 1);
	check_alone(tpath("d2"), 1);

	/* -W 12: two digits */
	rot.max_files = 12;
	w = writer_open_rotating(tpath("e"), WRITER_PCAP, 0, &rot, err, sizeof(err));
	assert_non_null(w);
	assert_int_equal(write_n(w, 80, 0), 0);
	assert_int_equal(writer_close(w), 0);
	assert_true(file_size(tpath("e00")) > 2048);
	assert_true(file_size(tpath("e01")) > 0);
	assert_true(file_size(tpath("e0")) == -1);
}

static void test_rotate_time(void **state)
{
	char err[256], want[600];
	struct writer_rotate rot = { 0 };
	struct writer *w;
	time_t now = time(NULL);
	struct tm tm;

	(void)state;
	rot.seconds = 1;
	rot.max_files = 2;
	w = writer_open_rotating(tpath("g-%Y"), WRITER_PCAPNG, 0, &rot, err, sizeof(err));
	assert_non_null(w);
	localtime_r(&now, &tm);
	snprintf(want, sizeof(want), "%s/g-%d", tmpdir, tm.tm_year + 1900);
	assert_string_equal(writer_path(w), want);
	writer_add_iface(w, &(struct writer_iface){ 1, "lo", 1, NULL, NULL });
	assert_int_equal(write_n(w, 2, 0), 0);
	usleep(1100000);
	assert_int_equal(write_n(w, 2, 0), 0);	/* second file (same name) */
	usleep(1100000);
	assert_int_equal(write_n(w, 1, 0), 1);	/* -W 2 reached */
	assert_int_equal(write_n(w, 1, 0), 1);
	assert_int_equal(writer_close(w), 0);
	check_alone(want, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pcapng_round_trip),
		cmocka_unit_test(test_meta_mask),
		cmocka_unit_test(test_pcap_round_trip),
		cmocka_unit_test(test_snaplen_and_empty),
		cmocka_unit_test(test_truncation_everywhere),
		cmocka_unit_test(test_bad_headers),
		cmocka_unit_test(test_handcrafted_pcapng),
		cmocka_unit_test(test_handcrafted_limits),
		cmocka_unit_test(test_classic_variants),
		cmocka_unit_test(test_fuzz_smoke),
		cmocka_unit_test(test_write_errors),
		cmocka_unit_test(test_file_mode_and_nofollow),
		cmocka_unit_test(test_parse_filesize),
		cmocka_unit_test(test_rotate_size),
		cmocka_unit_test(test_rotate_time),
	};

	init_frame();
	return cmocka_run_group_tests(tests, setup, teardown);
}
