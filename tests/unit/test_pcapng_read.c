/* Unit tests for the pcap/pcapng reader on damaged and foreign input:
   truncation at every byte, bad headers, hand-made blocks, classic pcap
   variants. */
#include "pcapng_fixture.h"

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
		writer_add_iface(w, &(struct writer_iface){ .ifindex = 1, .name = "lo", .netns_ino = 1, .netns_path = NULL, .filter = "ip" });
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

/* The metadata of the hand-made files' "nc" packets. */
static void assert_nc(const struct pkt_meta *m)
{
	assert_non_null(m);
	assert_int_equal(m->have, META_PROC | META_THREAD);
	assert_int_equal(m->pid, 12);
	assert_int_equal(m->tid, 13);
	assert_string_equal(m->cmd, "/bin/nc");
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
	assert_nc(p.meta);
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

/* One EPB on interface 0 with the given comments (NULL-terminated) and,
 * when pid is set, epb_processid_threadid. */
static void epb_with(struct bb *x, const char *const *cm, uint32_t pid, uint32_t tid)
{
	blk_start(x, 6);
	p32(x, 0);
	p32(x, 0);
	p32(x, 1);
	p32(x, 4);
	p32(x, 4);
	pbytes(x, "abcd", 4);
	for (; *cm; cm++)
		popt(x, 1, *cm, (uint16_t)strlen(*cm));
	if (pid) {
		uint32_t v[2] = { pid, tid };

		popt(x, 8, v, 8);
	}
	p32(x, 0);
	blk_end(x);
}

/* Runs of packets with the same comments are decoded once: each packet
 * still gets its own comments' values, and its own pid/tid option. */
static void test_comment_runs(void **state)
{
	static struct bb x;
	static const char *a[] = { "PID: 12\nCmd: /bin/nc\nArgs: nc -l",
				   "ThreadId: 13\nThreadName: nc", NULL };
	static const char *b[] = { "PID: 7\nCmd: /bin/sh\nArgs: sh", NULL };
	static const char *a1[] = { "PID: 12\nCmd: /bin/nc\nArgs: nc -l", NULL };
	static const char *c[] = { "UserId: 5", NULL };
	static const char *none[] = { NULL };
	const char *f = tpath("runs.pcapng");
	char err[256];
	struct reader *r;
	struct pkt p;

	(void)state;
	memset(&x, 0, sizeof(x));
	shb(&x, 0);
	blk_start(&x, 1);
	p16(&x, 1);
	p16(&x, 0);
	p32(&x, 0);
	blk_end(&x);
	epb_with(&x, a, 0, 0);
	epb_with(&x, a, 0, 0);
	epb_with(&x, b, 0, 0);
	epb_with(&x, a1, 0, 0);	/* a prefix of a: not the same */
	epb_with(&x, none, 0, 0);
	epb_with(&x, c, 55, 56);	/* pid and tid from the option */
	epb_with(&x, c, 77, 78);	/* same comments, another pid/tid */
	epb_with(&x, a, 0, 0);
	spill(f, x.b, x.n);

	r = reader_open(f, err, sizeof(err));
	assert_non_null(r);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(reader_next(r, &p), 1);
		assert_nc(p.meta);
		assert_string_equal(p.meta->tname, "nc");
	}
	assert_int_equal(reader_next(r, &p), 1);
	assert_int_equal(p.meta->have, META_PROC);
	assert_int_equal(p.meta->pid, 7);
	assert_string_equal(p.meta->args, "sh");
	assert_int_equal(reader_next(r, &p), 1);
	assert_int_equal(p.meta->have, META_PROC);
	assert_int_equal(p.meta->pid, 12);
	assert_int_equal(reader_next(r, &p), 1);
	assert_null(p.meta);
	assert_int_equal(reader_next(r, &p), 1);
	assert_int_equal(p.meta->pid, 55);
	assert_int_equal(p.meta->tid, 56);
	assert_int_equal(p.meta->uid, 5);
	assert_int_equal(reader_next(r, &p), 1);
	assert_int_equal(p.meta->pid, 77);
	assert_int_equal(p.meta->tid, 78);
	assert_int_equal(p.meta->uid, 5);
	assert_int_equal(reader_next(r, &p), 1);
	assert_nc(p.meta);
	assert_string_equal(p.meta->tname, "nc");
	assert_int_equal(reader_next(r, &p), 0);
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

/* Alexey Kuznetsov's patched format: 24-byte record headers with the
 * interface and packet type, and, as libpcap has it, an Ethernet
 * snapshot length 14 bytes past the file's (a cooked capture added a
 * fake header on top of it). */
static void test_classic_patched(void **state)
{
	static struct bb x;
	const char *f = tpath("patched.pcap");
	uint8_t frame[32] = { 0 };
	char err[256];
	struct reader *r;
	struct pkt p;

	(void)state;
	for (int snap = 0; snap <= 20; snap += 20) {
		memset(&x, 0, sizeof(x));
		p32(&x, 0xa1b2cd34);
		p16(&x, 2);
		p16(&x, 4);
		p32(&x, 0);
		p32(&x, 0);
		p32(&x, snap);
		p32(&x, 1);
		p32(&x, 5);
		p32(&x, 6);
		p32(&x, 32);
		p32(&x, 60);
		p32(&x, 7);		/* ifindex */
		p16(&x, 0x0800);	/* protocol */
		pbytes(&x, "\x04\x00", 2);	/* outgoing, pad */
		pbytes(&x, frame, sizeof(frame));
		spill(f, x.b, x.n);
		r = reader_open(f, err, sizeof(err));
		assert_non_null(r);
		assert_int_equal(reader_snaplen(r), snap ? 34 : 262158);
		assert_int_equal(reader_next(r, &p), 1);
		assert_int_equal(p.caplen, 32);	/* not cut: 32 <= 20 + 14 */
		assert_int_equal(p.len, 60);
		assert_int_equal(p.ifindex, 7);
		assert_int_equal(p.dir, PKT_DIR_OUT);
		assert_true(p.ts_ns == 5000006000ull);
		assert_int_equal(reader_next(r, &p), 0);
		reader_close(r);
	}
}

/* As libpcap: a record longer than the file's snapshot length is handed
 * on cut to it, and the TLV headers of a big-endian NFLOG file are put
 * in host order. */
static void test_classic_snaplen_nflog(void **state)
{
	static struct bb x;
	const char *f = tpath("snap.pcap");
	char err[256];
	struct reader *r;
	struct pkt p;

	(void)state;
	memset(&x, 0, sizeof(x));
	x.be = 1;
	p32(&x, 0xa1b2c3d4);
	p16(&x, 2);
	p16(&x, 4);
	p32(&x, 0);
	p32(&x, 0);
	p32(&x, 10);		/* snapshot length */
	p32(&x, 239);		/* NFLOG */
	p32(&x, 1);
	p32(&x, 0);
	p32(&x, 12);		/* caplen 12 > snaplen 10 */
	p32(&x, 12);
	pbytes(&x, "\x02\x00\x00\x05\x00\x08\x00\x09\xaa\xbb\xcc\xdd", 12);
	p32(&x, 2);
	p32(&x, 0);
	p32(&x, 4);
	p32(&x, 4);
	pbytes(&x, "\x02\x01\x00\x05", 4);
	spill(f, x.b, x.n);
	r = reader_open(f, err, sizeof(err));
	assert_non_null(r);
	assert_int_equal(reader_next(r, &p), 1);
	assert_int_equal(p.caplen, 10);
	assert_int_equal(p.len, 12);
	/* TLV length 8 and type 9 now in this host's (little-endian) order */
	assert_memory_equal(p.data, "\x02\x00\x00\x05\x08\x00\x09\x00\xaa\xbb", 10);
	/* the 2 bytes past the snapshot length were skipped, not read as a header */
	assert_int_equal(reader_next(r, &p), 1);
	assert_true(p.ts_ns == 2000000000ull);
	assert_memory_equal(p.data, "\x02\x01\x00\x05", 4);	/* version 1: left alone */
	assert_int_equal(reader_next(r, &p), 0);
	reader_close(r);
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
	writer_add_iface(w, &(struct writer_iface){ .ifindex = 1, .name = "lo", .netns_ino = 1, .netns_path = "/x", .filter = "ip" });
	writer_add_iface(w, &(struct writer_iface){ .ifindex = 2, .name = "eth0", .netns_ino = 1, .netns_path = "/x", .filter = "ip" });
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_truncation_everywhere),
		cmocka_unit_test(test_bad_headers),
		cmocka_unit_test(test_handcrafted_pcapng),
		cmocka_unit_test(test_handcrafted_limits),
		cmocka_unit_test(test_comment_runs),
		cmocka_unit_test(test_classic_variants),
		cmocka_unit_test(test_classic_snaplen_nflog),
		cmocka_unit_test(test_classic_patched),
		cmocka_unit_test(test_fuzz_smoke),
	};

	init_frame();
	return cmocka_run_group_tests(tests, setup, teardown);
}
