/*
 * Text output.  The protocol text comes from the dissectors; this file adds
 * what tcpdump puts around it (packet number, timestamp) and what ptcpdump
 * adds (interface, direction, process/container context).
 */
#include "text.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct text_sink {
	struct text_opts o;
	FILE *out;
	struct dissect_ctx *dctx;
	struct strbuf line, joined;	/* joined: --oneline scratch */
	uint64_t count;
	uint64_t first_ts, prev_ts;
	bool have_first;
};

struct text_sink *text_open(const struct text_opts *o, FILE *out)
{
	struct text_sink *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->o = *o;
	t->out = out;
	t->dctx = dissect_ctx_new(&o->d);
	if (!t->dctx) {
		free(t);
		return NULL;
	}
	return t;
}

void text_close(struct text_sink *t)
{
	if (!t)
		return;
	if (t->out)
		fflush(t->out);
	dissect_ctx_free(t->dctx);
	sb_free(&t->line);
	sb_free(&t->joined);
	free(t);
}

static void put_frac(struct strbuf *sb, uint64_t ns, bool nano)
{
	sb_putc(sb, '.');
	if (nano)
		sb_putu(sb, ns % 1000000000ull, 9);
	else
		sb_putu(sb, ns % 1000000000ull / 1000, 6);
}

static void put_hms(struct strbuf *sb, unsigned h, unsigned m, unsigned s)
{
	sb_putu(sb, h, 2);
	sb_putc(sb, ':');
	sb_putu(sb, m, 2);
	sb_putc(sb, ':');
	sb_putu(sb, s, 2);
}

static void put_delta(struct strbuf *sb, uint64_t a, uint64_t b, bool nano)
{
	char sign = ' ';
	uint64_t d, s;

	if (b >= a) {
		d = b - a;
	} else {
		d = a - b;
		sign = '-';
	}
	s = d / 1000000000ull;
	/* tcpdump formats the difference as a time of day: whole days of
	 * it are not shown */
	sb_putc(sb, sign);
	put_hms(sb, (unsigned)(s / 3600 % 24), (unsigned)(s / 60 % 60),
		(unsigned)(s % 60));
	put_frac(sb, d, nano);
}

static void put_time(struct text_sink *t, struct strbuf *sb, uint64_t ts)
{
	time_t sec;
	struct tm tm;

	/* at microsecond precision, libpcap hands tcpdump each time cut to
	 * the microsecond, and -ttt/-ttttt subtract those */
	if (!t->o.nano)
		ts -= ts % 1000;
	sec = (time_t)(ts / 1000000000ull);
	if (!t->have_first) {
		t->first_ts = t->prev_ts = ts;
		t->have_first = true;
	}
	switch (t->o.tflag) {
	case 1:
		return;
	case 2:
		sb_printf(sb, "%lld", (long long)sec);
		put_frac(sb, ts, t->o.nano);
		break;
	case 3:
		put_delta(sb, t->prev_ts, ts, t->o.nano);
		break;
	case 5:
		put_delta(sb, t->first_ts, ts, t->o.nano);
		break;
	default:
		if (t->o.utc)
			gmtime_r(&sec, &tm);
		else
			localtime_r(&sec, &tm);
		if (t->o.tflag == 4)
			sb_printf(sb, "%04d-%02d-%02d ", tm.tm_year + 1900,
				  tm.tm_mon + 1, tm.tm_mday);
		put_hms(sb, (unsigned)tm.tm_hour, (unsigned)tm.tm_min,
			(unsigned)tm.tm_sec);
		put_frac(sb, ts, t->o.nano);
		break;
	}
	t->prev_ts = ts;
	sb_putc(sb, ' ');
}

static const char *base_name(const char *path)
{
	const char *s = path ? strrchr(path, '/') : NULL;

	return s ? s + 1 : (path ? path : "");
}

static const char *dir_name(int dir)
{
	switch (dir) {
	case PKT_DIR_IN: return "In";
	case PKT_DIR_OUT: return "Out";
	case PKT_DIR_DROP: return "Drop";
	}
	return NULL;
}

static bool want(const struct text_sink *t, const struct pkt_meta *m,
		 unsigned have, unsigned ctx)
{
	return m && (m->have & have) && (t->o.context & ctx);
}

/* A name or value from a process, a container runtime or a file, with its
 * control characters shown as tcpdump shows them in packet text ("^J" for a
 * newline, "^[" for ESC): it can neither break the packet's line nor reach
 * the terminal as a control sequence.  Bytes from 0x80 up are left as they
 * are, for UTF-8 names. */
static void put_str(struct strbuf *sb, const char *s)
{
	const char *run = s;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != 0x7f)
			continue;
		sb_append(sb, run, (size_t)(s - run));
		sb_putc(sb, '^');
		sb_putc(sb, (char)(c ^ 0x40));
		run = s + 1;
	}
	sb_append(sb, run, (size_t)(s - run));
}

/* sb_printf for the context: "%s" goes through put_str (NULL as ""), and
 * "%u" and "%llu" are the only other conversions. */
static void put_fmt(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void put_fmt(struct strbuf *sb, const char *fmt, ...)
{
	const char *run = fmt;
	va_list ap;

	va_start(ap, fmt);
	for (; *fmt; fmt++) {
		const char *s;

		if (*fmt != '%')
			continue;
		sb_append(sb, run, (size_t)(fmt - run));
		if (fmt[1] == 's') {
			s = va_arg(ap, const char *);
			put_str(sb, s ? s : "");
			fmt++;
		} else if (fmt[1] == 'u') {
			sb_putu(sb, va_arg(ap, unsigned), 0);
			fmt++;
		} else {	/* "%llu" */
			sb_putu(sb, va_arg(ap, unsigned long long), 0);
			fmt += 3;
		}
		run = fmt + 1;
	}
	sb_append(sb, run, (size_t)(fmt - run));
	va_end(ap);
}

/* The COMM of COMM.PID: the program's base name; for a program run from
 * a descriptor (fexecve: "/dev/fd/5"), its argv[0]'s, as the Go tool */
static void put_comm(struct strbuf *sb, const char *cmd, const char *args)
{
	char word[256];
	size_t n;

	if (!cmd || strncmp(cmd, "/dev/fd/", 8) != 0 || !args || !*args) {
		put_str(sb, base_name(cmd));
		return;
	}
	n = strcspn(args, " ");
	if (n >= sizeof(word))
		n = sizeof(word) - 1;
	memcpy(word, args, n);
	word[n] = '\0';
	put_str(sb, base_name(word));
}

/* ", Thread [curl.124], ParentProc [bash.123], Container [web], Pod [p.ns]",
 * in the Go ptcpdump's order */
static void put_short_context(struct text_sink *t, struct strbuf *sb,
			      const struct pkt_meta *m)
{
	if (want(t, m, META_THREAD, CTX_THREAD) && m->tid)
		put_fmt(sb, ", Thread [%s.%u]", m->tname, m->tid);
	if (want(t, m, META_PARENT, CTX_PARENT)) {
		sb_puts(sb, ", ParentProc [");
		put_comm(sb, m->pcmd, m->pargs);
		put_fmt(sb, ".%u]", m->ppid);
	}
	if (want(t, m, META_CONTAINER, CTX_CONTAINER))
		put_fmt(sb, ", Container [%s]", m->cname);
	if (want(t, m, META_POD, CTX_POD))
		put_fmt(sb, ", Pod [%s.%s]", m->podname, m->podns);
	if (m && (m->have & META_DROP))
		put_fmt(sb, ", Drop [%s]", m->drop_reason);
}

static void put_long_context(struct text_sink *t, struct strbuf *sb,
			     const struct pkt_meta *m)
{
	if (!m)
		return;
	if (m->have & META_DROP)
		put_fmt(sb, "\n    Drop (reason %s, location %s)",
			  m->drop_reason, m->drop_location);
	if (want(t, m, META_PROC, CTX_PROCESS))
		put_fmt(sb, "\n    Process (pid %u, cmd %s, args %s)", m->pid,
			  m->cmd, m->args);
	if (want(t, m, META_THREAD, CTX_THREAD))
		put_fmt(sb, "\n    Thread (tid %u, name %s)", m->tid, m->tname);
	if (want(t, m, META_USER, CTX_USER))
		put_fmt(sb, "\n    User (uid %u)", m->uid);
	if (want(t, m, META_PARENT, CTX_PARENT))
		put_fmt(sb, "\n    ParentProc (pid %u, cmd %s, args %s)", m->ppid,
			  m->pcmd, m->pargs);
	if (want(t, m, META_CONTAINER, CTX_CONTAINER))
		put_fmt(sb, "\n    Container (name %s, id %s, image %s, labels %s)",
			  m->cname, m->cid, m->cimage,
			  m->clabels ? m->clabels : "{}");
	if (want(t, m, META_POD, CTX_POD))
		put_fmt(sb, "\n    Pod (name %s, namespace %s, UID %s, labels %s, annotations %s)",
			  m->podname, m->podns, m->poduid,
			  m->podlabels ? m->podlabels : "{}",
			  m->podannot ? m->podannot : "{}");
	if (m->have & META_PKTID)
		put_fmt(sb, "\n    Packet (id %llu)",
			  (unsigned long long)m->packet_id);
}

/* --oneline, as the Go tool joins: each line trimmed of the white space
 * around it (the indentation, a dissector's "\n\t"), empty ones left
 * out, the rest joined with ", ".  Built apart and copied back. */
static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static void join_lines(struct text_sink *t, struct strbuf *sb, size_t from)
{
	struct strbuf *j = &t->joined;
	size_t r = from, b, e;

	sb_reset(j);
	while (r < sb->len) {
		for (e = r; e < sb->len && sb->buf[e] != '\n'; e++)
			;
		for (b = r; b < e && is_blank(sb->buf[b]); b++)
			;
		r = e + 1;
		while (e > b && is_blank(sb->buf[e - 1]))
			e--;
		if (e == b)
			continue;
		if (j->len)
			sb_append(j, ", ", 2);
		sb_append(j, sb->buf + b, e - b);
	}
	sb->len = from;
	sb->buf[from] = '\0';
	sb_append(sb, sb_str(j), j->len);
}

void text_format(struct text_sink *t, const struct pkt *p, struct strbuf *sb)
{
	const struct pkt_meta *m = p->meta;
	const char *dir = dir_name(p->dir);
	size_t body;

	t->count++;
	if (t->o.number)
		sb_printf(sb, "%5llu  ", (unsigned long long)t->count);
	if (p->caplen == 0 || p->len == 0 || p->len < p->caplen) {
		/* a record whose lengths cannot be right: tcpdump prints only
		 * that ("[Invalid header: ...]"), without a time */
		dissect_packet(t->dctx, sb, p->dlt, p->data, p->caplen, p->len);
		sb_putc(sb, '\n');
		return;
	}
	put_time(t, sb, p->ts_ns);
	body = sb->len;
	if (p->ifname) {
		put_str(sb, p->ifname);
		sb_putc(sb, ' ');
	}
	if (!t->o.d.vflag && want(t, m, META_PROC, CTX_PROCESS)) {
		put_comm(sb, m->cmd, m->args);
		sb_putc(sb, '.');
		sb_putu(sb, m->pid, 0);
		sb_putc(sb, ' ');
	}
	if (dir && (p->ifname || p->dir == PKT_DIR_DROP)) {
		sb_puts(sb, dir);
		sb_putc(sb, ' ');
	}
	dissect_packet(t->dctx, sb, p->dlt, p->data, p->caplen, p->len);
	if (t->o.d.vflag)
		put_long_context(t, sb, m);
	else
		put_short_context(t, sb, m);
	if (t->o.oneline)
		join_lines(t, sb, body);
	dissect_hexdump(t->dctx, sb, p->dlt, p->data, p->caplen, p->len);
	sb_putc(sb, '\n');
}

int text_flush(struct text_sink *t)
{
	return fflush(t->out) == EOF ? -1 : 0;
}

int text_print(struct text_sink *t, const struct pkt *p)
{
	sb_reset(&t->line);
	text_format(t, p, &t->line);
	if (fwrite(t->line.buf, 1, t->line.len, t->out) != t->line.len)
		return -1;
	/* -l/-U: a reader that went away (| head) shows up here first */
	if (t->o.flush && text_flush(t) < 0)
		return -1;
	return 0;
}

int text_parse_context(const char *s, unsigned *out)
{
	static const struct { const char *name; unsigned bit; } names[] = {
		{ "process", CTX_PROCESS }, { "thread", CTX_THREAD },
		{ "parentproc", CTX_PARENT }, { "user", CTX_USER },
		{ "container", CTX_CONTAINER }, { "pod", CTX_POD },
	};
	char *dup = strdup(s), *tok, *save = NULL;
	unsigned mask = 0;
	size_t i;
	int ret = 0;

	if (!dup)
		return -1;
	for (tok = strtok_r(dup, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (strcmp(tok, names[i].name) == 0)
				break;
		if (i == sizeof(names) / sizeof(names[0])) {
			ret = -1;
			break;
		}
		mask |= names[i].bit;
	}
	free(dup);
	*out = mask;
	return ret;
}
