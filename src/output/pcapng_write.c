/*
 * pcapng / pcap writer with tcpdump-style rotation: files, the output
 * buffer, and the section, interface and statistics blocks.  The packet
 * records are built in pcapng_records.c.
 */
#include "output/writer_int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef PTCPDUMP_VERSION
#define PTCPDUMP_VERSION "0.1.0"
#endif

void werr(struct writer *w, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(w->err, sizeof(w->err), fmt, ap);
	va_end(ap);
	w->failed = 1;
}

static char *xstrdup(const char *s)
{
	char *d;

	if (!s)
		return NULL;
	d = strdup(s);
	if (!d) {
		fprintf(stderr, "ptcpdump: out of memory\n");
		abort();
	}
	return d;
}

/* ---- block builder ---- */

/* The builder can hold need bytes. */
uint8_t *bgrow(struct writer *w, size_t need)
{
	if (need > w->bcap) {
		size_t cap = w->bcap ? w->bcap : 4096;
		uint8_t *nb;

		while (cap < need)
			cap *= 2;
		nb = realloc(w->b, cap);
		if (!nb) {
			fprintf(stderr, "ptcpdump: out of memory\n");
			abort();
		}
		w->b = nb;
		w->bcap = cap;
	}
	return w->b;
}

static void bput(struct writer *w, const void *p, size_t n)
{
	bgrow(w, w->blen + n);
	memcpy(w->b + w->blen, p, n);
	w->blen += n;
}

static void b16(struct writer *w, uint16_t v) { bput(w, &v, 2); }
static void b32(struct writer *w, uint32_t v) { bput(w, &v, 4); }
static void b64(struct writer *w, uint64_t v) { bput(w, &v, 8); }

static void bpad(struct writer *w)
{
	static const uint8_t z[4];

	if (w->blen % 4)
		bput(w, z, 4 - w->blen % 4);
}

static void bstart(struct writer *w, uint32_t type)
{
	w->blen = 0;
	b32(w, type);
	b32(w, 0);	/* total length, patched by bend() */
}

static void bopt(struct writer *w, uint16_t code, const void *v, size_t len)
{
	if (len > MAX_OPT)
		len = MAX_OPT;
	b16(w, code);
	b16(w, (uint16_t)len);
	bput(w, v, len);
	bpad(w);
}

static void bopt_str(struct writer *w, uint16_t code, const char *s)
{
	bopt(w, code, s, strlen(s));
}

static void bend_opts(struct writer *w)
{
	b32(w, 0);	/* opt_endofopt */
}

static void bend(struct writer *w)
{
	uint32_t total;

	bpad(w);
	total = (uint32_t)w->blen + 4;
	memcpy(w->b + 4, &total, 4);
	b32(w, total);
}

/* ---- blocks ---- */

static int write_shb(struct writer *w)
{
	struct utsname u;
	char os[200];

	bstart(w, BT_SHB);
	b32(w, 0x1A2B3C4Du);
	b16(w, 1);
	b16(w, 0);
	b64(w, UINT64_MAX);	/* section length unknown */
	if (uname(&u) == 0) {
		snprintf(os, sizeof(os), "%s %s", u.sysname, u.release);
		bopt_str(w, 2, u.machine);		/* shb_hardware */
		bopt_str(w, 3, os);			/* shb_os */
	}
	bopt_str(w, 4, "ptcpdump " PTCPDUMP_VERSION);	/* shb_userappl */
	bend_opts(w);
	bend(w);
	return flush_block(w);
}

static int write_idb(struct writer *w, const struct wiface *ifc)
{
	struct strbuf sb = STRBUF_INIT;
	uint8_t tsresol = 9;
	int rc;

	bstart(w, BT_IDB);
	b16(w, (uint16_t)ifc->linktype);
	b16(w, 0);
	b32(w, w->snaplen);
	if (ifc->name)
		bopt_str(w, 2, ifc->name);			/* if_name */
	bopt(w, 9, &tsresol, 1);				/* if_tsresol */
	if (ifc->filter && ifc->filter[0]) {			/* if_filter */
		size_t n = strlen(ifc->filter);
		uint8_t *v = malloc(n + 1);

		if (!v) {
			fprintf(stderr, "ptcpdump: out of memory\n");
			abort();
		}
		v[0] = 0;	/* libpcap filter string */
		memcpy(v + 1, ifc->filter, n);
		bopt(w, 11, v, n + 1);
		free(v);
	}
	sb_printf(&sb, "ifIndex: %u, netNsInode: %llu, netNsPath: %s",
		  ifc->ifindex, (unsigned long long)ifc->netns_ino,
		  ifc->netns_path ? ifc->netns_path : "");
	bopt(w, 1, sb.buf, sb.len);				/* opt_comment */
	sb_free(&sb);
	bend_opts(w);
	bend(w);
	rc = flush_block(w);
	return rc;
}

static int write_pcap_header(struct writer *w)
{
	w->blen = 0;
	b32(w, 0xa1b23c4du);	/* nanosecond magic */
	b16(w, 2);
	b16(w, 4);
	b32(w, 0);
	b32(w, 0);
	b32(w, w->snaplen);
	b32(w, w->linktype);
	return flush_block(w);
}

static int write_file_header(struct writer *w)
{
	if (w->format == WRITER_PCAP)
		return write_pcap_header(w);
	if (write_shb(w))
		return -1;
	for (size_t i = 0; i < w->nifs; i++)
		if (write_idb(w, &w->ifs[i]))
			return -1;
	return 0;
}

/* ---- files ---- */

static int sticky_world_writable_dir(const char *path)
{
	char *d = xstrdup(path), *slash = strrchr(d, '/');
	struct stat st;
	int r = 0;

	if (!slash)
		strcpy(d, ".");
	else if (slash == d)
		d[1] = '\0';
	else
		*slash = '\0';
	if (stat(d, &st) == 0 && S_ISDIR(st.st_mode) &&
	    (st.st_mode & S_ISVTX) && (st.st_mode & S_IWOTH))
		r = 1;
	free(d);
	return r;
}

static int open_file(struct writer *w, const char *name)
{
	int flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC;
	struct stat st;
	int fd;

	if (sticky_world_writable_dir(name))
		flags |= O_NOFOLLOW;
	fd = open(name, flags, 0644);
	if (fd < 0) {
		werr(w, "%s: %s", name, strerror(errno));
		return -1;
	}
	free(w->cur);
	w->cur = xstrdup(name);
	w->fd = fd;
	w->is_reg = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	wfile_opened(w);
	/* the header goes out at once: a file we cannot write fails here */
	if (write_file_header(w))
		return -1;
	return wfile_sync(w);
}

/* Builds the name of the next file as tcpdump does. */
static int make_name(struct writer *w, char *out, size_t outlen, time_t now)
{
	char tbuf[PATH_MAX];
	const char *stem = w->base;

	if (w->rot.seconds) {
		struct tm tm;

		if (!localtime_r(&now, &tm) ||
		    strftime(tbuf, sizeof(tbuf), w->base, &tm) == 0) {
			werr(w, "%s: can't expand the file name pattern", w->base);
			return -1;
		}
		stem = tbuf;
	}
	if (w->cnt == 0 && w->cdigits == 0) {
		if ((size_t)snprintf(out, outlen, "%s", stem) >= outlen)
			goto toolong;
	} else if ((size_t)snprintf(out, outlen, "%s%0*u", stem, w->cdigits, w->cnt) >= outlen) {
		goto toolong;
	}
	return 0;
toolong:
	werr(w, "%s: file name too long", stem);
	return -1;
}

/* Reaps the -z commands that have finished (never waits for one). */
static void reap_post(struct writer *w)
{
	size_t i = 0;

	while (i < w->nzpids) {
		if (waitpid(w->zpids[i], NULL, WNOHANG) == 0)
			i++;
		else
			w->zpids[i] = w->zpids[--w->nzpids];
	}
}

/*
 * -z: "CMD FILE" for a file that rotation has closed, as tcpdump runs it:
 * without a shell, at the lowest priority, not waited for; the finished
 * ones are reaped at the next rotation and at close (by pid: a `--
 * command` child is not ours to reap).  Only async-signal-safe calls
 * after fork: the capture has threads.
 */
static void post_rotate(struct writer *w)
{
	static const char msg[] = "ptcpdump: -z: cannot run the command\n";
	pid_t pid, *n;

	if (!w->rot.post_cmd || !w->cur)
		return;
	reap_post(w);
	if (w->nzpids == w->capzpids) {
		size_t cap = w->capzpids ? 2 * w->capzpids : 8;

		n = realloc(w->zpids, cap * sizeof(*n));
		if (!n) {
			fprintf(stderr, "ptcpdump: -z: out of memory\n");
			return;
		}
		w->zpids = n;
		w->capzpids = cap;
	}
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "ptcpdump: -z: fork: %s\n", strerror(errno));
		return;
	}
	if (pid == 0) {
		setpriority(PRIO_PROCESS, 0, 19);
		execlp(w->rot.post_cmd, w->rot.post_cmd, w->cur, (char *)NULL);
		(void)!write(STDERR_FILENO, msg, sizeof(msg) - 1);
		_exit(127);
	}
	w->zpids[w->nzpids++] = pid;
}

/* Closes the current file (if one is open) and opens the next. */
static int reopen(struct writer *w, time_t now)
{
	char name[PATH_MAX];
	int was_open = w->fd >= 0;

	if (wfile_sync(w))
		return -1;
	wfile_close(w);
	if (was_open)
		post_rotate(w);
	if (make_name(w, name, sizeof(name), now))
		return -1;
	return open_file(w, name);
}

int writer_format_for_path(const char *path)
{
	size_t n = path ? strlen(path) : 0;

	if (n >= 5 && strcmp(path + n - 5, ".pcap") == 0)
		return WRITER_PCAP;
	return WRITER_PCAPNG;
}

struct writer *writer_open_rotating(const char *path, int format, uint32_t snaplen,
				    uint32_t linktype,
				    const struct writer_rotate *rot,
				    char *err, size_t errlen)
{
	struct writer *w = calloc(1, sizeof(*w));

	if (!w) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	w->fd = -1;
	w->format = format == WRITER_PCAP ? WRITER_PCAP : WRITER_PCAPNG;
	w->snaplen = snaplen ? snaplen : 262144;
	w->linktype = linktype;
	w->meta_mask = ~0u;
	w->base = xstrdup(path);
	for (int i = 0; i < META_MAX_GROUPS; i++)
		sb_init(&w->groups[i]);
	for (int i = 0; i < MOPTS_CACHE; i++)
		sb_init(&w->mc[i].opts);
	if (strcmp(path, "-") == 0) {
		w->is_stdout = 1;
		w->fd = STDOUT_FILENO;
		w->cur = xstrdup("-");
		if (write_file_header(w))
			goto fail;
		return w;
	}
	if (rot)
		w->rot = *rot;
	if (w->rot.max_bytes && w->rot.max_files) {
		for (unsigned v = w->rot.max_files; v; v /= 10)
			w->cdigits++;
	}
	w->gtime = time(NULL);
	if (reopen(w, w->gtime))
		goto fail;
	w->gfiles = 1;
	return w;
fail:
	snprintf(err, errlen, "%s", w->err);
	w->failed = 0;
	wfile_close(w);
	w->nifs = 0;
	writer_close(w);
	return NULL;
}

struct writer *writer_open(const char *path, int format, uint32_t snaplen,
			   char *err, size_t errlen)
{
	return writer_open_rotating(path, format, snaplen, WRITER_LINKTYPE_ETHERNET,
				    NULL, err, errlen);
}

static uint32_t iface_linktype(const struct writer_iface *ifc)
{
	return ifc->own_linktype ? ifc->linktype : WRITER_LINKTYPE_ETHERNET;
}

int writer_add_iface(struct writer *w, const struct writer_iface *ifc)
{
	struct wiface *n;

	for (size_t i = 0; i < w->nifs; i++)
		if (w->ifs[i].ifindex == ifc->ifindex &&
		    w->ifs[i].netns_ino == ifc->netns_ino &&
		    w->ifs[i].linktype == iface_linktype(ifc))
			return (int)i;
	if (w->failed)
		return -1;
	if (w->nifs == w->capifs) {
		size_t cap = w->capifs ? w->capifs * 2 : 8;

		n = realloc(w->ifs, cap * sizeof(*n));
		if (!n) {
			werr(w, "out of memory");
			return -1;
		}
		w->ifs = n;
		w->capifs = cap;
	}
	n = &w->ifs[w->nifs];
	memset(n, 0, sizeof(*n));
	n->ifindex = ifc->ifindex;
	n->netns_ino = ifc->netns_ino;
	n->linktype = iface_linktype(ifc);
	n->name = xstrdup(ifc->name);
	n->netns_path = xstrdup(ifc->netns_path);
	n->filter = xstrdup(ifc->filter);
	w->nifs++;
	if (w->format == WRITER_PCAPNG && w->fd >= 0 && write_idb(w, n))
		return -1;
	return (int)(w->nifs - 1);
}

void writer_set_meta_mask(struct writer *w, unsigned mask)
{
	w->meta_mask = mask;
}

static int maybe_rotate(struct writer *w)
{
	time_t now;

	if (w->is_stdout || (!w->rot.seconds && !w->rot.max_bytes))
		return 0;
	if (w->rot.seconds) {
		now = time(NULL);
		if (now - w->gtime >= (time_t)w->rot.seconds) {
			if (!w->rot.max_bytes && w->rot.max_files &&
			    w->gfiles >= w->rot.max_files) {
				if (wfile_sync(w))
					return -1;
				wfile_close(w);
				post_rotate(w);
				w->done = 1;
				return 1;
			}
			w->gtime = now;
			w->gfiles++;
			w->cnt = 0;
			return reopen(w, now);
		}
	}
	if (w->rot.max_bytes && w->size > w->rot.max_bytes) {
		w->cnt++;
		if (w->rot.max_files && w->cnt >= w->rot.max_files)
			w->cnt = 0;
		return reopen(w, w->gtime);
	}
	return 0;
}

int writer_write(struct writer *w, int iface_id, const struct pkt *p)
{
	uint32_t caplen = p->caplen;
	int rc;

	if (w->done)
		return 1;
	if (w->failed)
		return -1;
	if (iface_id < 0 || (size_t)iface_id >= w->nifs) {
		if (w->format == WRITER_PCAPNG) {
			werr(w, "writer: unknown interface id %d", iface_id);
			return -1;
		}
	}
	rc = maybe_rotate(w);
	if (rc)
		return rc;
	if (caplen > w->snaplen)
		caplen = w->snaplen;
	if (caplen && !p->data)
		caplen = 0;
	if (w->format == WRITER_PCAP)
		return write_pcap_rec(w, p, caplen);
	return write_epb(w, iface_id, p, caplen);
}

int writer_stats(struct writer *w, int iface_id, uint64_t recv, uint64_t drop)
{
	if (iface_id < 0 || (size_t)iface_id >= w->nifs)
		return -1;
	w->ifs[iface_id].recv = recv;
	w->ifs[iface_id].drop = drop;
	w->ifs[iface_id].have_stats = 1;
	return 0;
}

const char *writer_path(struct writer *w)
{
	return w->cur ? w->cur : "";
}

const char *writer_error(struct writer *w)
{
	return w->failed ? w->err : "";
}

int writer_reader_gone(struct writer *w)
{
	return w->failed && w->err_no == EPIPE;
}

static int write_isbs(struct writer *w)
{
	struct timespec ts;
	uint64_t now;

	clock_gettime(CLOCK_REALTIME, &ts);
	now = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
	for (size_t i = 0; i < w->nifs; i++) {
		if (!w->ifs[i].have_stats)
			continue;
		bstart(w, BT_ISB);
		b32(w, (uint32_t)i);
		b32(w, (uint32_t)(now >> 32));
		b32(w, (uint32_t)now);
		bopt(w, 4, &w->ifs[i].recv, 8);		/* isb_ifrecv */
		bopt(w, 5, &w->ifs[i].drop, 8);		/* isb_ifdrop */
		bend_opts(w);
		bend(w);
		if (flush_block(w))
			return -1;
	}
	return 0;
}

int writer_close_err(struct writer *w, char *err, size_t errlen)
{
	int rc = 0;

	if (!w)
		return 0;
	if (w->fd >= 0 && !w->failed && w->format == WRITER_PCAPNG) {
		/* libpcap refuses a pcapng file without any IDB: add one. */
		if (w->nifs == 0) {
			struct wiface none = { 0 };

			none.name = (char *)"any";
			rc = write_idb(w, &none);
		}
		if (rc == 0)
			rc = write_isbs(w);
	}
	if (w->fd >= 0 && !w->failed && wfile_sync(w))
		rc = -1;
	if (w->failed)
		rc = -1;
	if (wfile_close(w) < 0 && rc == 0) {
		werr(w, "%s: %s", w->cur, strerror(errno));
		rc = -1;
	}
	if (rc && err)
		snprintf(err, errlen, "%s", writer_reader_gone(w) ? "" : w->err);
	for (size_t i = 0; i < w->nifs; i++) {
		free(w->ifs[i].name);
		free(w->ifs[i].netns_path);
		free(w->ifs[i].filter);
	}
	free(w->ifs);
	free(w->obuf);
	free(w->oends);
	reap_post(w);
	free(w->zpids);
	for (int i = 0; i < META_MAX_GROUPS; i++)
		sb_free(&w->groups[i]);
	for (int i = 0; i < MOPTS_CACHE; i++)
		sb_free(&w->mc[i].opts);
	free(w->b);
	free(w->base);
	free(w->cur);
	free(w);
	return rc;
}

int writer_close(struct writer *w)
{
	return writer_close_err(w, NULL, 0);
}

int parse_filesize(const char *s, uint64_t *out)
{
	uint64_t v = 0, mul = 1000000;
	const char *p = s;

	if (!s || *s < '0' || *s > '9')
		return -1;
	while (*p >= '0' && *p <= '9') {
		unsigned d = (unsigned)(*p - '0');

		if (v > (UINT64_MAX - d) / 10)
			return -1;
		v = v * 10 + d;
		p++;
	}
	if (*p) {
		char c = *p | 0x20;

		if (c == 'k')
			mul = 1024ull;
		else if (c == 'm')
			mul = 1024ull * 1024;
		else if (c == 'g')
			mul = 1024ull * 1024 * 1024;
		else
			return -1;
		p++;
		if ((*p | 0x20) == 'b')
			p++;
		if (*p)
			return -1;
	}
	if (v == 0 || v > UINT64_MAX / mul)
		return -1;
	*out = v * mul;
	return 0;
}
