#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <pcap/pcap.h>
#include <openssl/crypto.h>

#include "capture/loader.h"
#include "dissect/esp-sa.h"
#include "output/writer.h"

#ifndef PTCPDUMP_VERSION
#define PTCPDUMP_VERSION "0.1.0"
#endif

enum {
	OPT_COUNT = 1000, OPT_PRINT, OPT_TSPREC, OPT_MICRO, OPT_NANO,
	OPT_VERSION, OPT_PID, OPT_PNAME, OPT_UID, OPT_CID, OPT_CNAME,
	OPT_PODNAME, OPT_CONTEXT, OPT_ONELINE, OPT_UTC, OPT_NETNS,
	OPT_CONTAINERD, OPT_DOCKER, OPT_CRI, OPT_BACKEND, OPT_DROPS,
	OPT_IMMEDIATE, OPT_LOGLEVEL, OPT_BTF, OPT_GO_UINT, OPT_GO_DURATION,
	OPT_GO_NOOP, OPT_KEYLOG,
};

static const struct option longopts[] = {
	{ "interface", required_argument, NULL, 'i' },
	{ "write-file", required_argument, NULL, 'w' },
	{ "read-file", required_argument, NULL, 'r' },
	{ "receive-count", required_argument, NULL, 'c' },
	{ "count", no_argument, NULL, OPT_COUNT },
	{ "print", no_argument, NULL, OPT_PRINT },
	{ "snapshot-length", required_argument, NULL, 's' },
	{ "direction", required_argument, NULL, 'Q' },
	{ "time-stamp-precision", required_argument, NULL, OPT_TSPREC },
	{ "micro", no_argument, NULL, OPT_MICRO },
	{ "nano", no_argument, NULL, OPT_NANO },
	{ "number", no_argument, NULL, '#' },
	{ "list-interfaces", no_argument, NULL, 'D' },
	{ "list-data-link-types", no_argument, NULL, 'L' },
	{ "linktype", required_argument, NULL, 'y' },
	{ "list-time-stamp-types", no_argument, NULL, 'J' },
	{ "absolute-tcp-sequence-numbers", no_argument, NULL, 'S' },
	{ "packet-buffered", no_argument, NULL, 'U' },
	{ "time-stamp-type", required_argument, NULL, 'j' },
	{ "monitor-mode", no_argument, NULL, 'I' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "help", no_argument, NULL, 'h' },
	{ "pid", required_argument, NULL, OPT_PID },
	{ "pname", required_argument, NULL, OPT_PNAME },
	{ "uid", required_argument, NULL, OPT_UID },
	{ "follow-forks", no_argument, NULL, 'f' },
	{ "container-id", required_argument, NULL, OPT_CID },
	{ "container-name", required_argument, NULL, OPT_CNAME },
	{ "pod-name", required_argument, NULL, OPT_PODNAME },
	{ "context", required_argument, NULL, OPT_CONTEXT },
	{ "oneline", no_argument, NULL, OPT_ONELINE },
	{ "utc-time", no_argument, NULL, OPT_UTC },
	{ "netns", required_argument, NULL, OPT_NETNS },
	{ "containerd-address", required_argument, NULL, OPT_CONTAINERD },
	{ "docker-address", required_argument, NULL, OPT_DOCKER },
	{ "cri-runtime-address", required_argument, NULL, OPT_CRI },
	{ "backend", required_argument, NULL, OPT_BACKEND },
	{ "drops", optional_argument, NULL, OPT_DROPS },
	{ "immediate-mode", no_argument, NULL, OPT_IMMEDIATE },
	{ "buffer-size", required_argument, NULL, 'B' },
	{ "dont-verify-checksums", no_argument, NULL, 'K' },
	{ "no-promiscuous-mode", no_argument, NULL, 'p' },
	{ "no-optimize", no_argument, NULL, 'O' },
	{ "relinquish-privileges", required_argument, NULL, 'Z' },
	{ "file-size", required_argument, NULL, 'C' },
	{ "rotate-seconds", required_argument, NULL, 'G' },
	{ "filecount", required_argument, NULL, 'W' },
	/* the Go ptcpdump's long names for tcpdump's letters */
	{ "file-count", required_argument, NULL, 'W' },
	{ "expression-file", required_argument, NULL, 'F' },
	{ "print-timestamp", no_argument, NULL, 't' },
	{ "no-convert-addr", no_argument, NULL, 'n' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "print-data-in-hex", no_argument, NULL, 'x' },
	{ "print-data-in-hex-ascii", no_argument, NULL, 'X' },
	{ "print-data-in-ascii", no_argument, NULL, 'A' },
	/* and its own */
	{ "log-level", required_argument, NULL, OPT_LOGLEVEL },
	{ "kernel-btf", required_argument, NULL, OPT_BTF },
	{ "event-chan-size", required_argument, NULL, OPT_GO_UINT },
	{ "exec-events-worker-number", required_argument, NULL, OPT_GO_UINT },
	{ "delay-before-handle-packet-events", required_argument, NULL, OPT_GO_DURATION },
	{ "disable-reverse-match", no_argument, NULL, OPT_GO_NOOP },
	{ "write-keylog-file", required_argument, NULL, OPT_KEYLOG },
	{ "embed-keylog-to-pcapng", no_argument, NULL, OPT_KEYLOG },
	{ NULL, 0, NULL, 0 },
};

void options_usage(FILE *f)
{
	fprintf(f,
"Usage: ptcpdump [-AbdDefhHIJKLlnNOpqStuUvxX#] [-c count] [-i interface]... [-s snaplen]\n"
"                [-Q in|out|inout] [-w file] [-r file] [-V file] [-F file]\n"
"                [-C size] [-W filecount] [-G seconds] [-z postrotate-command]\n"
"                [-Z user] [-B buffer_size] [-T type] [-y datalinktype]\n"
"                [-j tstamptype] [-M secret] [-E spec] [-m module]\n"
"                [--pid PID]... [--pname COMM] [--uid UID]... [-f]\n"
"                [--container-id ID] [--container-name NAME]\n"
"                [--pod-name NAME.NAMESPACE] [--netns PATH|NAME|any|newly]...\n"
"                [--context process,thread,parentproc,user,container,pod]\n"
"                [--oneline] [--print] [--count] [--utc-time] [--drops[=all]]\n"
"                [--time-stamp-precision micro|nano] [--micro] [--nano]\n"
"                [--immediate-mode] [--number]\n"
"                [--containerd-address PATH] [--docker-address PATH]\n"
"                [--cri-runtime-address PATH] [--kernel-btf FILE]\n"
"                [--log-level LEVEL] [--version]\n"
"                [expression] [-- command [args]]\n");
}

static int bad(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int bad(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "ptcpdump: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	return -1;
}

static int parse_uint(const char *s, unsigned long long max,
		      unsigned long long *out)
{
	char *end;
	unsigned long long v;

	if (!s || !*s || *s == '-')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end || v > max)
		return -1;
	*out = v;
	return 0;
}

/* -i and --netns: repeatable, and as in the Go tool a value may name
 * several, "eth0,lo" (spaces around a name and repeats dropped). A value
 * without a comma is taken as it is.  -1 when there are too many. */
static int add_names(struct options *o, const char *arg, const char **arr, int *n)
{
	char *dup, *tok, *save = NULL;
	int j;

	if (!strchr(arg, ',')) {
		if (*n == MAX_IFACES_OPT)
			return -1;
		arr[(*n)++] = arg;
		return 0;
	}
	if (o->nowned == (int)(sizeof(o->owned) / sizeof(o->owned[0])))
		return -1;
	dup = strdup(arg);
	if (!dup)
		return -1;
	o->owned[o->nowned++] = dup;
	for (tok = strtok_r(dup, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *e;

		tok += strspn(tok, " \t");
		for (e = tok + strlen(tok); e > tok && (e[-1] == ' ' || e[-1] == '\t'); e--)
			;
		*e = '\0';
		for (j = 0; j < *n && strcmp(arr[j], tok); j++)
			;
		if (!*tok || j < *n)
			continue;
		if (*n == MAX_IFACES_OPT)
			return -1;
		arr[(*n)++] = tok;
	}
	return 0;
}

/* --pid and --uid: repeatable, each "N" or "N,M,..." */
static int add_ids(const char *arg, uint32_t *arr, int *n)
{
	char buf[32];
	unsigned long long v;
	size_t len;

	do {
		len = strcspn(arg, ",");
		if (len >= sizeof(buf))
			return -1;
		memcpy(buf, arg, len);
		buf[len] = '\0';
		if (parse_uint(buf, UINT32_MAX, &v))
			return -1;
		if (*n < MAX_PIDS_OPT)
			arr[(*n)++] = (uint32_t)v;
		arg += len;
	} while (*arg++ == ',');
	return 0;
}

/* --log-level, the Go tool's levels; only warnings are ours to silence */
static int go_log_level(const char *s, bool *quiet)
{
	static const char *levels[] = { "debug", "info", "warn", "error", "fatal" };
	size_t i;

	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
		if (strcasecmp(s, levels[i]) == 0) {
			*quiet = i >= 3;
			return 0;
		}
	return -1;
}

/* A Go duration: "0", or numbers with units, "300ms", "1.5h", "2h45m" */
static bool go_duration_ok(const char *s)
{
	static const char *units[] = { "ns", "us", "\u00b5s", "ms", "s", "m", "h" };
	size_t i, n;

	if (*s == '+' || *s == '-')
		s++;
	if (strcmp(s, "0") == 0)
		return true;
	if (!*s)
		return false;
	while (*s) {
		n = strspn(s, "0123456789");
		if (s[n] == '.')
			n += 1 + strspn(s + n + 1, "0123456789");
		if (n == 0 || (n == 1 && *s == '.'))
			return false;
		s += n;
		for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
			size_t ul = strlen(units[i]);

			/* "m" must not take the "m" of "ms" */
			if (strncmp(s, units[i], ul) == 0 &&
			    !(ul == 1 && *s == 'm' && s[1] == 's'))
				break;
		}
		if (i == sizeof(units) / sizeof(units[0]))
			return false;
		s += strlen(units[i]);
	}
	return true;
}

/* -T TYPE, as tcpdump 4.99 names them (case does not matter): all of
 * its types. */
static int parse_ptype(const char *s, int *out)
{
	static const struct { const char *name; int pt; } ok[] = {
		{ "vxlan", DISSECT_PT_VXLAN }, { "domain", DISSECT_PT_DOMAIN },
		{ "resp", DISSECT_PT_RESP }, { "snmp", DISSECT_PT_SNMP },
		{ "tftp", DISSECT_PT_TFTP }, { "radius", DISSECT_PT_RADIUS },
		{ "ptp", DISSECT_PT_PTP }, { "rtp", DISSECT_PT_RTP },
		{ "rtcp", DISSECT_PT_RTCP }, { "vat", DISSECT_PT_VAT },
		{ "rpc", DISSECT_PT_RPC }, { "zmtp1", DISSECT_PT_ZMTP1 },
		{ "pgm", DISSECT_PT_PGM }, { "pgm_zmtp1", DISSECT_PT_PGM_ZMTP1 },
		{ "carp", DISSECT_PT_CARP }, { "aodv", DISSECT_PT_AODV },
		{ "someip", DISSECT_PT_SOMEIP }, { "cnfp", DISSECT_PT_CNFP },
		{ "wb", DISSECT_PT_WB }, { "lmp", DISSECT_PT_LMP },
	};
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (strcasecmp(s, ok[i].name) == 0) {
			*out = ok[i].pt;
			return 0;
		}
	return bad("unknown packet type `%s'", s);
}

/* -F: the expression from a file, or NULL after tcpdump's message */
static char *read_filter_file(const char *path)
{
	FILE *f = fopen(path, "r");
	struct strbuf sb = STRBUF_INIT;
	char buf[4096], *p;
	size_t n;

	if (!f) {
		fprintf(stderr, "ptcpdump: can't open %s: %s\n", path, strerror(errno));
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sb_append(&sb, buf, n);
	/* a directory opens, and fails only when read */
	if (ferror(f)) {
		fprintf(stderr, "ptcpdump: read %s: %s\n", path, strerror(errno));
		fclose(f);
		free(sb.buf);
		return NULL;
	}
	fclose(f);
	/* tcpdump drops comments starting with '#' */
	for (p = sb.buf; p && *p; p++)
		if (*p == '#')
			while (*p && *p != '\n')
				*p++ = ' ';
	if (!sb.buf)
		sb_puts(&sb, "");
	return sb.buf;
}

static char *join_args(char **v, int n)
{
	struct strbuf sb = STRBUF_INIT;
	int i;

	for (i = 0; i < n; i++) {
		if (i)
			sb_putc(&sb, ' ');
		sb_puts(&sb, v[i]);
	}
	return sb.buf;
}

int options_parse(int argc, char **argv, struct options *o)
{
	unsigned long long v;
	int c, i, li = 0, end = argc;
	bool context_given = false;

	memset(o, 0, sizeof(*o));
	o->snaplen = 262144;
	o->directions = CAP_DIR_IN | CAP_DIR_OUT;
	o->text.context = CTX_ALL;
	o->containerd_addr = "/run/containerd/containerd.sock";
	o->docker_addr = "/var/run/docker.sock";
	/* about 80 ms of a 64-byte flood at 500,000 packets/s: room for the
	 * reader's occasional stalls (a disk write, a preempted vCPU) */
	o->buffer_kib = 8192;
	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--") == 0) {
			end = i;
			break;
		}
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(end, argv,
				":i:w:r:V:c:s:Q:F:C:W:G:Z:z:B:y:T:j:M:E:m:AbdDefhHIJKLlnNOpqSuUvxXt#",
				longopts, &li)) != -1) {
		switch (c) {
		case 'i':
			if (add_names(o, optarg, o->ifaces, &o->nifaces))
				return bad("too many interfaces");
			break;
		case 'w': o->write_file = optarg; break;
		case 'r': o->read_file = optarg; break;
		case 'V': o->read_list = optarg; break;
		case 'c':
			if (parse_uint(optarg, LLONG_MAX, &v) || v == 0)
				return bad("invalid packet count %s", optarg);
			o->count = (long long)v;
			break;
		case OPT_COUNT: o->count_only = true; break;
		case OPT_PRINT: o->print = true; break;
		case 's': {
			/* tcpdump reads it with strtol(base 0): 0x40 and 0100
			 * are 64 too */
			char *end;
			long sl;

			errno = 0;
			sl = strtol(optarg, &end, 0);
			if (end == optarg || *end || errno || sl < 0 || sl > 262144)
				return bad("invalid snaplen %s (must be >= 0 and <= 262144)", optarg);
			v = (unsigned long long)sl;
			o->snaplen = v ? (uint32_t)v : 262144;
			o->snaplen_given = true;
			break;
		}
		case 'Q':
			if (strcmp(optarg, "in") == 0)
				o->directions = CAP_DIR_IN;
			else if (strcmp(optarg, "out") == 0)
				o->directions = CAP_DIR_OUT;
			else if (strcmp(optarg, "inout") == 0)
				o->directions = CAP_DIR_IN | CAP_DIR_OUT;
			else
				return bad("unknown capture direction `%s'", optarg);
			break;
		case OPT_TSPREC:
			if (strcmp(optarg, "nano") == 0)
				o->text.nano = true;
			else if (strcmp(optarg, "micro") == 0)
				o->text.nano = false;
			else
				return bad("unsupported time stamp precision%s", "");
			break;
		case OPT_MICRO: o->text.nano = false; break;
		case OPT_NANO: o->text.nano = true; break;
		case '#': o->text.number = true; break;
		case 'D': o->list_ifaces = true; break;
		case OPT_VERSION:
			printf("ptcpdump version %s\n", PTCPDUMP_VERSION);
			printf("%s\n", pcap_lib_version());
			/* as tcpdump linked with libcrypto (-E, here) */
			printf("%s\n", OpenSSL_version(OPENSSL_VERSION));
			return 1;
		case 'h':
			options_usage(stdout);
			return 1;
		case OPT_PID:
			if (add_ids(optarg, o->pids, &o->npids))
				return bad("invalid pid");
			break;
		case OPT_UID:
			if (add_ids(optarg, o->uids, &o->nuids))
				return bad("invalid uid");
			break;
		case OPT_PNAME: o->pname = optarg; break;
		case 'f': o->follow_forks = true; break;
		case OPT_CID: o->container_id = optarg; break;
		case OPT_CNAME: o->container_name = optarg; break;
		case OPT_PODNAME:
			/* NAME.NAMESPACE, split at the last dot; no dot: default */
			if (!*optarg || optarg[0] == '.')
				return bad("invalid pod name '%s': expected NAME.NAMESPACE", optarg);
			o->pod_name = optarg;
			break;
		case OPT_CONTEXT: {
			unsigned ctx;

			if (text_parse_context(optarg, &ctx))
				return bad("invalid --context %s", optarg);
			/* repeated, they add up (the Go tool's string slice) */
			o->text.context = context_given ? o->text.context | ctx : ctx;
			context_given = true;
			break;
		}
		case OPT_ONELINE: o->text.oneline = true; break;
		case OPT_UTC: o->text.utc = true; break;
		case OPT_NETNS:
			if (add_names(o, optarg, o->netns, &o->nnetns))
				return bad("too many network namespaces");
			break;
		case OPT_CONTAINERD: o->containerd_addr = optarg; break;
		case OPT_DOCKER: o->docker_addr = optarg; break;
		case OPT_CRI: o->cri_addr = optarg; break;
		case OPT_BACKEND:
			o->force_tc = strcmp(optarg, "tc") == 0;
			o->force_tcx = strcmp(optarg, "tcx") == 0;
			/* the Go tool's tp-btf: tracepoints where they can
			 * serve, which is what auto does */
			if (strcmp(optarg, "cgroup-skb") == 0 ||
			    strcmp(optarg, "socket-filter") == 0)
				return bad("backend %s is not supported (auto, tcx, tc or tp-btf)",
					   optarg);
			if (!o->force_tc && !o->force_tcx &&
			    strcmp(optarg, "auto") != 0 &&
			    strcmp(optarg, "tp-btf") != 0)
				return bad("invalid backend %s (auto, tcx, tc or tp-btf)", optarg);
			break;
		case OPT_DROPS:
			if (!optarg)
				o->drops = 1;
			else if (strcmp(optarg, "all") == 0)
				o->drops = 2;
			else
				return bad("invalid --drops value %s", optarg);
			break;
		case OPT_IMMEDIATE: break;
		case OPT_LOGLEVEL:
			if (go_log_level(optarg, &o->quiet_warnings))
				return bad("invalid --log-level %s (debug, info, warn, error or fatal)",
					   optarg);
			break;
		case OPT_BTF:
			if (access(optarg, R_OK) != 0)
				return bad("can't read kernel BTF %s: %s", optarg,
					   strerror(errno));
			o->btf_path = optarg;
			break;
		/* knobs of the Go tool's event queues and of its flow table,
		 * which this design does not have: taken, checked, no effect */
		case OPT_GO_UINT:
			if (parse_uint(optarg, UINT32_MAX, &v))
				return bad("invalid --%s %s", longopts[li].name, optarg);
			break;
		case OPT_GO_DURATION:
			if (!go_duration_ok(optarg))
				return bad("invalid --%s %s", longopts[li].name, optarg);
			break;
		case OPT_GO_NOOP: break;
		case OPT_KEYLOG:
			return bad("--%s: TLS key logging is not supported",
				   longopts[li].name);
		case 'B':
			if (parse_uint(optarg, 1 << 22, &v) || v == 0)
				return bad("invalid packet buffer size %s", optarg);
			o->buffer_kib = (int)v;
			break;
		case 'Z': o->user = optarg; break;
		case 'z': o->post_rotate = optarg; break;
		case 'C':
			if (parse_filesize(optarg, &o->rotate_size))
				return bad("invalid file size %s", optarg);
			break;
		case 'W':
			if (parse_uint(optarg, INT32_MAX, &v) || v == 0)
				return bad("invalid number of output files %s", optarg);
			o->rotate_files = (int)v;
			break;
		case 'G':
			if (parse_uint(optarg, INT32_MAX, &v) || v == 0)
				return bad("invalid number of seconds %s", optarg);
			o->rotate_secs = (int)v;
			break;
		case 'F': o->filter_file = optarg; break;
		case 'y':
			/* checked here, as tcpdump does, even with -r; a live
			 * capture takes only the type it writes (live.c) */
			o->linktype_dlt = pcap_datalink_name_to_val(optarg);
			if (o->linktype_dlt < 0)
				return bad("invalid data link type %s", optarg);
			o->linktype = pcap_datalink_val_to_name(o->linktype_dlt);
			if (!o->linktype)
				o->linktype = optarg;
			break;
		case 'L': o->list_dlts = true; break;
		case 'J': o->list_tstamp_types = true; break;
		case 'j':
			if (pcap_tstamp_type_name_to_val(optarg) < 0)
				return bad("invalid time stamp type %s", optarg);
			o->tstamp_type = optarg;
			break;
		case 'I': o->monitor = true; break;
		case 'A': o->text.d.Aflag++; break;
		case 'd': o->dflag++; break;
		case 'e': o->text.d.eflag = 1; break;
		case 'l': o->text.flush = true; break;
		case 'U':
			o->text.flush = true;
			o->unbuffered = true;
			break;
		/* -n: always numeric, so -N (no domain part) too; -p: the
		 * capture never puts a device in promiscuous mode; -O: the
		 * expression is always optimised by libpcap, then translated */
		case 'n': case 'N': case 'p': case 'O': break;
		case 'u': o->text.d.uflag = 1; break;
		case 'b': o->text.d.bflag = 1; break;
		case 'M': o->text.d.sigsecret = optarg; break;
		/* -E: read now, so that a secrets file that cannot be read
		 * stops the program before the capture (tcpdump: at the
		 * first ESP packet); the last -E counts, as tcpdump's */
		case 'E':
			esp_sas_free(o->esp);
			o->esp = NULL;
			if (esp_sas_parse(optarg, &o->esp) < 0)
				return -1;
			o->text.d.esp = o->esp;
			break;
		/* what tcpdump does when built without libsmi: the capture
		 * goes on, the packets printed as they are */
		case 'm':
			fprintf(stderr, "ptcpdump: ignoring option `-m %s' (no libsmi "
				"support)\n", optarg);
			break;
		/* -H: 802.11s mesh headers, and there is no 802.11 printer */
		case 'H': break;
		case 'K': o->text.d.Kflag = 1; break;
		case 'T':
			if (parse_ptype(optarg, &o->text.d.ptype))
				return -1;
			break;
		case 'q': o->text.d.qflag++; break;
		case 'S': o->text.d.Sflag = 1; break;
		case 'v': o->text.d.vflag++; break;
		case 'x': o->text.d.xflag++; break;
		case 'X': o->text.d.Xflag++; break;
		case 't': o->text.tflag++; break;
		case ':':
			/* optopt is the letter of a short option, or the value
			 * of a long one (>= OPT_COUNT) */
			if (optopt > 0 && optopt < 256)
				return bad("option requires an argument -- '%s'",
					   (char[]){ (char)optopt, 0 });
			return bad("option '%s' requires an argument", argv[optind - 1]);
		default:
			if (optopt > 0 && optopt < 256)
				return bad("invalid option -- '%s'",
					   (char[]){ (char)optopt, 0 });
			return bad("unrecognized option '%s'", argv[optind - 1]);
		}
	}
	if (o->read_file && o->read_list)
		return bad("-V and -r are mutually exclusive.%s", "");
	if (o->text.tflag > 5)
		o->text.tflag = 5;
	if (o->filter_file) {
		o->expr = read_filter_file(o->filter_file);
		if (!o->expr)
			return -1;
	} else if (optind < end) {
		o->expr = join_args(argv + optind, end - optind);
	}
	if (end < argc && end + 1 < argc)
		o->command = argv + end + 1;
	/* rotation is of a file: without one (no -w, or -w -) tcpdump
	 * ignores -C, -G and -W, and so do we */
	if (!o->write_file || strcmp(o->write_file, "-") == 0) {
		o->rotate_size = 0;
		o->rotate_secs = 0;
		o->rotate_files = 0;
	}
	return 0;
}

void options_free(struct options *o)
{
	free(o->expr);
	o->expr = NULL;
	esp_sas_free(o->esp);
	o->esp = NULL;
	o->text.d.esp = NULL;
	while (o->nowned > 0)
		free(o->owned[--o->nowned]);
}
