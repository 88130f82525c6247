/* Unit tests for the ptcpdump metadata comment codec. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "output/meta_codec.h"

static struct pkt_meta full_meta(void)
{
	struct pkt_meta m;

	memset(&m, 0, sizeof(m));
	m.have = META_PROC | META_THREAD | META_USER | META_PARENT |
		 META_CONTAINER | META_POD | META_DROP | META_PKTID;
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
	m.cid = "d9028334aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
	m.cimage = "docker.io/library/alpine:3.18";
	m.clabels = "{\"k\":\"v\"}";
	m.podname = "p";
	m.podns = "ns";
	m.poduid = "9e4bc54b-1";
	m.podlabels = "{\"run\":\"test\"}";
	m.podannot = "{}";
	m.drop_reason = "SKB_DROP_REASON_NOT_SPECIFIED";
	m.drop_location = "tcp_v4_rcv+0x1a";
	m.packet_id = 0xfedcba9876543210ull;
	return m;
}

static void assert_meta_eq(const struct pkt_meta *a, const struct pkt_meta *b)
{
	assert_int_equal(a->have, b->have);
	assert_int_equal(a->pid, b->pid);
	assert_int_equal(a->tid, b->tid);
	assert_int_equal(a->uid, b->uid);
	assert_int_equal(a->ppid, b->ppid);
	assert_true(a->packet_id == b->packet_id);
#define S(f) do { if (a->f || b->f) { assert_non_null(a->f); assert_non_null(b->f); \
		assert_string_equal(a->f, b->f); } } while (0)
	S(cmd); S(args); S(tname); S(pcmd); S(pargs);
	S(cname); S(cid); S(cimage); S(clabels);
	S(podname); S(podns); S(poduid); S(podlabels); S(podannot);
	S(drop_reason); S(drop_location);
#undef S
}

static void test_encode_format(void **state)
{
	struct strbuf g[META_MAX_GROUPS];
	struct pkt_meta m = full_meta();
	int n;

	(void)state;
	for (int i = 0; i < META_MAX_GROUPS; i++)
		sb_init(&g[i]);
	n = meta_encode(&m, ~0u, g);
	assert_int_equal(n, 8);
	assert_string_equal(sb_str(&g[0]),
		"PID: 99722\nCmd: /usr/bin/curl\nArgs: curl http://198.51.100.10");
	assert_string_equal(sb_str(&g[1]), "ThreadId: 99723\nThreadName: curl");
	assert_string_equal(sb_str(&g[2]), "UserId: 1000");
	assert_string_equal(sb_str(&g[3]),
		"ParentPID: 18840\nParentCmd: /usr/bin/bash\nParentArgs: -bash");
	assert_string_equal(sb_str(&g[4]),
		"ContainerName: test\nContainerId: d9028334aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
		"ContainerImage: docker.io/library/alpine:3.18\nContainerLabels: {\"k\":\"v\"}");
	assert_string_equal(sb_str(&g[5]),
		"PodName: p\nPodNamespace: ns\nPodUID: 9e4bc54b-1\n"
		"PodLabels: {\"run\":\"test\"}\nPodAnnotations: {}");
	assert_string_equal(sb_str(&g[6]),
		"DropReason: SKB_DROP_REASON_NOT_SPECIFIED\nDropLocation: tcp_v4_rcv+0x1a");
	assert_string_equal(sb_str(&g[7]), "PacketId: 18364758544493064720");

	/* mask and missing groups */
	m.have = META_USER | META_POD;
	n = meta_encode(&m, ~(unsigned)META_POD, g);
	assert_int_equal(n, 1);
	assert_string_equal(sb_str(&g[0]), "UserId: 1000");

	/* NULL strings */
	memset(&m, 0, sizeof(m));
	m.have = META_CONTAINER;
	n = meta_encode(&m, ~0u, g);
	assert_int_equal(n, 1);
	assert_string_equal(sb_str(&g[0]),
		"ContainerName: \nContainerId: \nContainerImage: \nContainerLabels: {}");
	for (int i = 0; i < META_MAX_GROUPS; i++)
		sb_free(&g[i]);
}

static void test_round_trip(void **state)
{
	struct strbuf g[META_MAX_GROUPS];
	struct pkt_meta m = full_meta();
	struct meta_decoder d;
	const struct pkt_meta *out;
	int n;

	(void)state;
	for (int i = 0; i < META_MAX_GROUPS; i++)
		sb_init(&g[i]);
	meta_decoder_init(&d);

	/* every subset of groups */
	for (unsigned mask = 0; mask < 256; mask++) {
		struct pkt_meta want = full_meta();

		m.have = mask;
		n = meta_encode(&m, ~0u, g);
		meta_decoder_reset(&d);
		for (int i = 0; i < n; i++)
			assert_true(meta_decode_comment(&d, g[i].buf, g[i].len) > 0);
		out = meta_decoder_finish(&d);
		if (!mask) {
			assert_null(out);
			continue;
		}
		assert_non_null(out);
		want.have = mask;
		if (!(mask & META_PROC)) { want.pid = 0; want.cmd = want.args = NULL; }
		if (!(mask & META_THREAD)) { want.tid = 0; want.tname = NULL; }
		if (!(mask & META_USER)) want.uid = 0;
		if (!(mask & META_PARENT)) { want.ppid = 0; want.pcmd = want.pargs = NULL; }
		if (!(mask & META_CONTAINER))
			want.cname = want.cid = want.cimage = want.clabels = NULL;
		if (!(mask & META_POD))
			want.podname = want.podns = want.poduid = want.podlabels = want.podannot = NULL;
		if (!(mask & META_DROP))
			want.drop_reason = want.drop_location = NULL;
		if (!(mask & META_PKTID))
			want.packet_id = 0;
		assert_meta_eq(out, &want);

		/* re-encoding gives the same text */
		{
			struct strbuf g2[META_MAX_GROUPS];
			int n2;

			for (int i = 0; i < META_MAX_GROUPS; i++)
				sb_init(&g2[i]);
			n2 = meta_encode(out, ~0u, g2);
			assert_int_equal(n2, n);
			for (int i = 0; i < n; i++)
				assert_string_equal(sb_str(&g2[i]), sb_str(&g[i]));
			for (int i = 0; i < META_MAX_GROUPS; i++)
				sb_free(&g2[i]);
		}
	}

	/* values with newlines, colons, empty values, and non-ASCII */
	m = full_meta();
	m.args = "sh -c echo a\nb: c\n\nPIDX: 3";
	m.tname = "";
	m.cimage = "r\xc3\xa9g:1";
	n = meta_encode(&m, ~0u, g);
	meta_decoder_reset(&d);
	for (int i = 0; i < n; i++)
		meta_decode_comment(&d, g[i].buf, g[i].len);
	out = meta_decoder_finish(&d);
	assert_non_null(out);
	assert_meta_eq(out, &m);

	meta_decoder_free(&d);
	for (int i = 0; i < META_MAX_GROUPS; i++)
		sb_free(&g[i]);
}

/* Comments as the Go ptcpdump wrote them, with its aliases and GroupId. */
static void test_go_style_aliases(void **state)
{
	struct meta_decoder d;
	const struct pkt_meta *m;
	const char *c1 = "PID: 553587\nCommand: /usr/bin/wget\nArgs: wget 198.51.100.10";
	const char *c2 = "TID: 553588\nThreadName: wget";
	const char *c3 = "UserId: 1000\nGroupId: 1000";
	const char *c4 = "ParentPID: 553296\nParentCommand: /bin/sh\nParentArgs: sh";

	(void)state;
	meta_decoder_init(&d);
	assert_int_equal(meta_decode_comment(&d, c1, strlen(c1)), 3);
	assert_int_equal(meta_decode_comment(&d, c2, strlen(c2)), 2);
	assert_int_equal(meta_decode_comment(&d, c3, strlen(c3)), 2);
	assert_int_equal(meta_decode_comment(&d, c4, strlen(c4)), 3);
	m = meta_decoder_finish(&d);
	assert_non_null(m);
	assert_int_equal(m->have, META_PROC | META_THREAD | META_USER | META_PARENT);
	assert_int_equal(m->pid, 553587);
	assert_string_equal(m->cmd, "/usr/bin/wget");
	assert_string_equal(m->args, "wget 198.51.100.10");
	assert_int_equal(m->tid, 553588);
	assert_string_equal(m->tname, "wget");
	assert_int_equal(m->uid, 1000);
	assert_int_equal(m->ppid, 553296);
	assert_string_equal(m->pcmd, "/bin/sh");
	assert_string_equal(m->pargs, "sh");
	assert_null(m->cname);
	meta_decoder_free(&d);
}

/* Blanks around a key and before a value, and CRLF lines, as the Go
 * tool's reader takes them; spaces that end a value stay */
static void test_decode_blanks_crlf(void **state)
{
	struct meta_decoder d;
	const struct pkt_meta *m;
	const char *c1 = "  PID :\t42\r\nCmd:   /usr/bin/wget\r\nArgs: sh -c 'x '  \r\n";
	const char *c2 = "ThreadName :worker";

	(void)state;
	meta_decoder_init(&d);
	assert_int_equal(meta_decode_comment(&d, c1, strlen(c1)), 3);
	assert_int_equal(meta_decode_comment(&d, c2, strlen(c2)), 1);
	m = meta_decoder_finish(&d);
	assert_non_null(m);
	assert_int_equal(m->pid, 42);
	assert_string_equal(m->cmd, "/usr/bin/wget");
	assert_string_equal(m->args, "sh -c 'x '  ");
	assert_string_equal(m->tname, "worker");
	meta_decoder_free(&d);
}

static void test_decode_junk(void **state)
{
	struct meta_decoder d;
	const struct pkt_meta *m;
	const char *plain = "just a wireshark comment";
	const char *badnum = "PID: 12x\nUserId: 99999999999\nThreadId: \nPacketId: 18446744073709551616";
	const char *crlf = "UserId: 7\r";
	const char *nospace = "ContainerName:abc";

	(void)state;
	meta_decoder_init(&d);
	assert_int_equal(meta_decode_comment(&d, plain, strlen(plain)), 0);
	assert_int_equal(meta_decode_comment(&d, "", 0), 0);
	assert_int_equal(meta_decode_comment(&d, NULL, 0), 0);
	assert_null(meta_decoder_finish(&d));

	meta_decoder_reset(&d);
	meta_decode_comment(&d, badnum, strlen(badnum));
	assert_null(meta_decoder_finish(&d));	/* no valid value */

	meta_decoder_reset(&d);
	meta_decode_comment(&d, crlf, strlen(crlf));
	meta_decode_comment(&d, nospace, strlen(nospace));
	m = meta_decoder_finish(&d);
	assert_non_null(m);
	assert_int_equal(m->uid, 7);
	assert_string_equal(m->cname, "abc");
	assert_string_equal(m->cid, "");

	/* embedded NUL and no terminator */
	{
		const char buf[] = { 'C', 'm', 'd', ':', ' ', 'a', '\0', 'b' };

		meta_decoder_reset(&d);
		meta_decode_comment(&d, buf, sizeof(buf));
		m = meta_decoder_finish(&d);
		assert_non_null(m);
		assert_string_equal(m->cmd, "a");
		assert_int_equal(m->pid, 0);
	}
	meta_decoder_free(&d);
}

static void test_option_fallbacks(void **state)
{
	struct meta_decoder d;
	const struct pkt_meta *m;
	const char *c = "PID: 5\nCmd: x\nArgs: x";

	(void)state;
	meta_decoder_init(&d);
	/* options only */
	meta_decoder_set_pid_tid(&d, 10, 11);
	meta_decoder_set_packet_id(&d, 77);
	m = meta_decoder_finish(&d);
	assert_non_null(m);
	assert_int_equal(m->have, META_PROC | META_THREAD | META_PKTID);
	assert_int_equal(m->pid, 10);
	assert_int_equal(m->tid, 11);
	assert_string_equal(m->cmd, "");
	assert_string_equal(m->tname, "");
	assert_true(m->packet_id == 77);

	/* the comment wins over the option; tid 0 is unknown */
	meta_decoder_reset(&d);
	meta_decode_comment(&d, c, strlen(c));
	meta_decoder_set_pid_tid(&d, 10, 0);
	m = meta_decoder_finish(&d);
	assert_int_equal(m->have, META_PROC);
	assert_int_equal(m->pid, 5);
	meta_decoder_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encode_format),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_go_style_aliases),
		cmocka_unit_test(test_decode_blanks_crlf),
		cmocka_unit_test(test_decode_junk),
		cmocka_unit_test(test_option_fallbacks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
