/* Unit tests for src/output/text.c: the context a packet carries is printed
 * as it is, except for control characters, which could otherwise break the
 * packet's line or reach the terminal as escape sequences. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "output/text.h"

/* an IPv4/UDP datagram 10.0.0.1.1000 > 10.0.0.2.2000 with 4 bytes of payload */
static const uint8_t udp4[] = {
	0x45, 0x00, 0x00, 0x20, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x00, 0x00,
	0x0a, 0x00, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x02,
	0x03, 0xe8, 0x07, 0xd0, 0x00, 0x0c, 0x00, 0x00, 'a', 'b', 'c', 'd',
};

static char *format(const struct text_opts *o, const struct pkt *p)
{
	struct text_sink *t = text_open(o, NULL);
	struct strbuf sb = STRBUF_INIT;
	char *s;

	assert_non_null(t);
	text_format(t, p, &sb);
	s = strdup(sb_str(&sb));
	sb_free(&sb);
	text_close(t);
	assert_non_null(s);
	return s;
}

static struct pkt packet(const char *ifname, const struct pkt_meta *m)
{
	struct pkt p;

	memset(&p, 0, sizeof(p));
	p.ts_ns = 1000000000ull * 3600 + 5000;
	p.ifname = ifname;
	p.dir = PKT_DIR_OUT;
	p.dlt = 228;	/* DLT_IPV4 */
	p.caplen = p.len = sizeof(udp4);
	p.data = udp4;
	p.meta = m;
	return p;
}

static struct text_opts opts(int vflag)
{
	struct text_opts o;

	memset(&o, 0, sizeof(o));
	o.tflag = 2;
	o.context = CTX_ALL;
	o.d.vflag = vflag;
	return o;
}

static void plain_values_unchanged(void **state)
{
	struct pkt_meta m = { .have = META_PROC | META_CONTAINER,
			      .pid = 42, .cmd = "/usr/bin/curl",
			      .args = "curl -s http://svc:8080/ü",
			      .cname = "web-1" };
	struct text_opts o = opts(0);
	struct pkt p = packet("eth0", &m);
	char *s = format(&o, &p);

	(void)state;
	assert_string_equal(s, "3600.000005 eth0 curl.42 Out IP 10.0.0.1.1000 > "
			    "10.0.0.2.2000: UDP, length 4, Container [web-1]\n");
	free(s);
}

static void control_chars_escaped(void **state)
{
	struct pkt_meta m = { .have = META_PROC | META_THREAD | META_CONTAINER,
			      .pid = 7, .tid = 8, .cmd = "/bin/sh",
			      .args = "sh -c echo a\necho b\tc",
			      .tname = "x\x1b[2Jy", .cname = "c\x7f" };
	struct text_opts o = opts(1);
	struct pkt p = packet("odd\r\nname", &m);
	char *s = format(&o, &p);

	(void)state;
	assert_non_null(strstr(s, "3600.000005 odd^M^Jname Out IP "));
	assert_non_null(strstr(s, "\n    Process (pid 7, cmd /bin/sh, args sh -c echo a^Jecho b^Ic)"));
	assert_non_null(strstr(s, "\n    Thread (tid 8, name x^[[2Jy)"));
	assert_non_null(strstr(s, "\n    Container (name c^?, id , image , labels {})"));
	assert_null(strchr(s, '\x1b'));
	assert_null(strchr(s, '\r'));
	free(s);
}

static void short_form_escaped(void **state)
{
	struct pkt_meta m = { .have = META_PROC | META_PARENT,
			      .pid = 9, .ppid = 1, .cmd = "/tmp/a\nb",
			      .pcmd = "/sbin/i\x01nit" };
	struct text_opts o = opts(0);
	struct pkt p = packet(NULL, &m);
	char *s = format(&o, &p);

	(void)state;
	assert_string_equal(s, "3600.000005 a^Jb.9 IP 10.0.0.1.1000 > 10.0.0.2.2000: "
			    "UDP, length 4, ParentProc [i^Anit.1]\n");
	free(s);
}

/* The Go ptcpdump's short form: the thread before the parent, and only the
 * contexts that --context names */
static void short_form_thread(void **state)
{
	struct pkt_meta m = { .have = META_PROC | META_THREAD | META_USER |
				      META_PARENT,
			      .pid = 9, .tid = 11, .uid = 1000, .ppid = 1,
			      .cmd = "/usr/bin/curl", .tname = "worker",
			      .pcmd = "/usr/bin/bash" };
	struct text_opts o = opts(0);
	struct pkt p = packet("lo", &m);
	char *s = format(&o, &p);

	(void)state;
	assert_string_equal(s, "3600.000005 lo curl.9 Out IP 10.0.0.1.1000 > 10.0.0.2.2000: "
			    "UDP, length 4, Thread [worker.11], ParentProc [bash.1]\n");
	free(s);
	o.context = CTX_ALL & ~CTX_THREAD;
	s = format(&o, &p);
	assert_null(strstr(s, "Thread"));
	free(s);
}

/* --oneline trims each line and leaves out the empty ones, as the Go tool:
 * HTTP at -v comes as tab-indented lines and an empty last one */
static void oneline_trims_lines(void **state)
{
	static const char http[] = "GET / HTTP/1.1\r\nHost: h\r\n\r\n";
	uint8_t pkt[40 + sizeof(http) - 1] = {
		0x45, 0x00, 0x00, sizeof(pkt), 0x00, 0x01, 0x40, 0x00, 0x40, 0x06, 0x00, 0x00,
		0x0a, 0x00, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x02,
		0x9c, 0x40, 0x00, 0x50, 0, 0, 0, 1, 0, 0, 0, 1, 0x50, 0x18, 0xff, 0xff,
	};
	struct pkt_meta m = { .have = META_PROC, .pid = 3, .cmd = "/bin/x", .args = "x" };
	struct text_opts o = opts(1);
	struct pkt p = packet("lo", &m);
	char *s;

	(void)state;
	memcpy(pkt + 40, http, sizeof(http) - 1);
	p.data = pkt;
	p.caplen = p.len = sizeof(pkt);
	o.oneline = true;
	s = format(&o, &p);
	assert_non_null(strstr(s, ": HTTP, length: 27, GET / HTTP/1.1, Host: h, Process (pid 3, "));
	assert_null(strchr(s, '\t'));
	assert_null(strstr(s, ", , "));
	free(s);
}

/* A program run from a descriptor (fexecve) is named by its argv[0], as
 * the Go tool names it */
static void short_form_fd_program(void **state)
{
	struct pkt_meta m = { .have = META_PROC | META_PARENT, .pid = 9, .ppid = 1,
			      .cmd = "/dev/fd/5", .args = "/usr/sbin/dropbear -F -p 22",
			      .pcmd = "/dev/fd/3", .pargs = "" };
	struct text_opts o = opts(0);
	struct pkt p = packet(NULL, &m);
	char *s = format(&o, &p);

	(void)state;
	assert_string_equal(s, "3600.000005 dropbear.9 IP 10.0.0.1.1000 > 10.0.0.2.2000: "
			    "UDP, length 4, ParentProc [3.1]\n");
	free(s);
}

/* -ttt at microsecond precision subtracts times cut to the microsecond,
 * as tcpdump does with libpcap's: .524995449 to .525108076 is 113 us */
static void delta_of_microseconds(void **state)
{
	struct text_opts o = opts(0);
	struct pkt p = packet(NULL, NULL);
	const char *s;

	(void)state;
	o.tflag = 3;
	for (int nano = 0; nano < 2; nano++) {
		struct text_sink *t;
		struct strbuf sb = STRBUF_INIT;

		o.nano = nano;
		t = text_open(&o, NULL);
		assert_non_null(t);
		p.ts_ns = 1730555435524995449ull;
		text_format(t, &p, &sb);
		sb_reset(&sb);
		p.ts_ns = 1730555435525108076ull;
		text_format(t, &p, &sb);
		s = sb_str(&sb);
		assert_true(strncmp(s, nano ? " 00:00:00.000112627 IP " : " 00:00:00.000113 IP ",
				    nano ? 23 : 20) == 0);
		sb_free(&sb);
		text_close(t);
	}
}

static void oneline_joins_context(void **state)
{
	struct pkt_meta m = { .have = META_PROC | META_USER, .pid = 3, .uid = 0,
			      .cmd = "/bin/x", .args = "x\ny" };
	struct text_opts o = opts(1);
	struct pkt p = packet("lo", &m);
	char *s;

	o.oneline = true;
	s = format(&o, &p);
	(void)state;
	/* one line: the value's newline shows as ^J, the context's become ", " */
	assert_int_equal(strchr(s, '\n') - s, (long)strlen(s) - 1);
	assert_non_null(strstr(s, ", Process (pid 3, cmd /bin/x, args x^Jy), User (uid 0)\n"));
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_values_unchanged),
		cmocka_unit_test(control_chars_escaped),
		cmocka_unit_test(short_form_escaped),
		cmocka_unit_test(short_form_thread),
		cmocka_unit_test(delta_of_microseconds),
		cmocka_unit_test(short_form_fd_program),
		cmocka_unit_test(oneline_trims_lines),
		cmocka_unit_test(oneline_joins_context),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
