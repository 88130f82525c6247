/* Unit tests for the pcap/pcapng writer: round trips through the reader,
   write errors, rotation. */
#include "pcapng_fixture.h"


/* ---- write -> read round trips ---- */

static void test_pcapng_round_trip(void **state)
{
	char err[256];
	const char *path = tpath("rt.pcapng");
	struct writer *w = writer_open(path, WRITER_PCAPNG, 0, err, sizeof(err));
	struct writer_iface i1 = { .ifindex = 1, .name = "lo", .netns_ino = 4026531840ull,
				   .netns_path = "/proc/1/ns/net", .filter = "tcp port 80" };
	struct writer_iface i2 = { .ifindex = 7, .name = "eth0", .netns_ino = 4026532000ull };
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
	struct writer_iface i1 = { .ifindex = 1, .name = "lo", .netns_ino = 1, .netns_path = NULL, .filter = NULL };
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
	struct writer_iface i1 = { .ifindex = 1, .name = "lo", .netns_ino = 1, .netns_path = NULL, .filter = NULL };
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
	writer_add_iface(w, &(struct writer_iface){ .ifindex = 3, .name = NULL, .netns_ino = 0, .netns_path = NULL, .filter = NULL });
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
		writer_add_iface(w, &(struct writer_iface){ .ifindex = 1, .name = "lo", .netns_ino = 1, .netns_path = NULL, .filter = NULL });
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
	w = writer_open_rotating(tpath("c"), WRITER_PCAPNG, 0, WRITER_LINKTYPE_ETHERNET, &rot, err, sizeof(err));
	assert_non_null(w);
	writer_add_iface(w, &(struct writer_iface){ .ifindex = 1, .name = "lo", .netns_ino = 1, .netns_path = NULL, .filter = NULL });
	assert_int_equal(write_n(w, 10, 0), 0);
	writer_add_iface(w, &(struct writer_iface){ .ifindex = 2, .name = "eth0", .netns_ino = 1, .netns_path = NULL, .filter = NULL });
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
	w = writer_open_rotating(tpath("d"), WRITER_PCAPNG, 0, WRITER_LINKTYPE_ETHERNET, &rot, err, sizeof(err));
	assert_non_null(w);
	writer_add_iface(w, &(struct writer_iface){ .ifindex = 1, .name = "lo", .netns_ino = 1, .netns_path = NULL, .filter = NULL });
	assert_int_equal(write_n(w, 60, 0), 0);
	assert_int_equal(writer_close(w), 0);
	assert_true(file_size(tpath("d")) == -1);
	assert_true(file_size(tpath("d3")) == -1);
	check_alone(tpath("d0"), 1);
	check_alone(tpath("d1"), 1);
	check_alone(tpath("d2"), 1);

	/* -W 12: two digits */
	rot.max_files = 12;
	w = writer_open_rotating(tpath("e"), WRITER_PCAP, 0, WRITER_LINKTYPE_ETHERNET, &rot, err, sizeof(err));
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
	w = writer_open_rotating(tpath("g-%Y"), WRITER_PCAPNG, 0, WRITER_LINKTYPE_ETHERNET, &rot, err, sizeof(err));
	assert_non_null(w);
	localtime_r(&now, &tm);
	snprintf(want, sizeof(want), "%s/g-%d", tmpdir, tm.tm_year + 1900);
	assert_string_equal(writer_path(w), want);
	writer_add_iface(w, &(struct writer_iface){ .ifindex = 1, .name = "lo", .netns_ino = 1, .netns_path = NULL, .filter = NULL });
	assert_int_equal(write_n(w, 2, 0), 0);
	usleep(1100000);
	assert_int_equal(write_n(w, 2, 0), 0);	/* second file (same name) */
	usleep(1100000);
	assert_int_equal(write_n(w, 1, 0), 1);	/* -W 2 reached */
	assert_int_equal(write_n(w, 1, 0), 1);
	assert_int_equal(writer_close(w), 0);
	check_alone(want, 1);
}

/* Packets rewritten from another link type keep it: the pcap header's, and
 * each pcapng interface's own (LINKTYPE_NULL is 0, not "Ethernet"). */
static void test_linktypes(void **state)
{
	static const uint8_t null_pkt[] = { 2, 0, 0, 0, 0x45, 0, 0, 20 };
	char err[256];
	const char *pcap = tpath("lt.pcap"), *ng = tpath("lt.pcapng");
	struct writer_iface sll = { .ifindex = 1, .own_linktype = true, .linktype = 113 };
	struct writer_iface null = { .ifindex = 1, .own_linktype = true, .linktype = 0 };
	struct writer_iface eth = { .ifindex = 1 };
	struct writer *w;
	struct reader *r;
	struct pkt p = { .data = null_pkt, .caplen = sizeof(null_pkt), .len = sizeof(null_pkt) };

	(void)state;
	w = writer_open_rotating(pcap, WRITER_PCAP, 0, 0, NULL, err, sizeof(err));
	assert_non_null(w);
	assert_int_equal(writer_write(w, writer_add_iface(w, &null), &p), 0);
	assert_int_equal(writer_close(w), 0);
	r = reader_open(pcap, err, sizeof(err));
	assert_non_null(r);
	assert_int_equal(reader_dlt(r), 0);
	assert_int_equal(reader_next(r, &p), 1);
	assert_int_equal(p.dlt, 0);
	assert_int_equal(p.caplen, sizeof(null_pkt));
	assert_memory_equal(p.data, null_pkt, sizeof(null_pkt));
	reader_close(r);

	/* one interface per link type, even for the same ifindex */
	p.data = null_pkt;
	w = writer_open(ng, WRITER_PCAPNG, 0, err, sizeof(err));
	assert_non_null(w);
	assert_int_equal(writer_add_iface(w, &sll), 0);
	assert_int_equal(writer_add_iface(w, &null), 1);
	assert_int_equal(writer_add_iface(w, &eth), 2);
	assert_int_equal(writer_add_iface(w, &null), 1);
	assert_int_equal(writer_write(w, 1, &p), 0);
	assert_int_equal(writer_close(w), 0);
	r = reader_open(ng, err, sizeof(err));
	assert_non_null(r);
	assert_int_equal(reader_dlt(r), 113);
	assert_int_equal(reader_next(r, &p), 1);
	assert_int_equal(p.dlt, 0);
	assert_memory_equal(p.data, null_pkt, sizeof(null_pkt));
	reader_close(r);
	assert_int_equal(dlt_to_linktype(12), 101);
	assert_int_equal(linktype_to_dlt(dlt_to_linktype(12)), 12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pcapng_round_trip),
		cmocka_unit_test(test_meta_mask),
		cmocka_unit_test(test_pcap_round_trip),
		cmocka_unit_test(test_snaplen_and_empty),
		cmocka_unit_test(test_write_errors),
		cmocka_unit_test(test_file_mode_and_nofollow),
		cmocka_unit_test(test_parse_filesize),
		cmocka_unit_test(test_rotate_size),
		cmocka_unit_test(test_rotate_time),
		cmocka_unit_test(test_linktypes),
	};

	init_frame();
	return cmocka_run_group_tests(tests, setup, teardown);
}
