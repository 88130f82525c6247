#include "run.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pcap/pcap.h>

void die_msg(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("ptcpdump: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int sinks_open(struct sinks *s, const struct options *o, uint32_t linktype,
	       uint32_t snaplen, char *err, size_t errlen)
{
	memset(s, 0, sizeof(*s));
	s->limit = o->count;
	if (o->write_file) {
		struct writer_rotate rot = {
			.max_bytes = o->rotate_size,
			.max_files = (unsigned)o->rotate_files,
			.seconds = (unsigned)o->rotate_secs,
			.post_cmd = o->post_rotate,
		};

		s->w = writer_open_rotating(o->write_file,
					    writer_format_for_path(o->write_file),
					    snaplen, linktype, &rot, err,
					    errlen);
		if (!s->w)
			return -1;
		writer_set_immediate(s->w, o->unbuffered);
	}
	if ((!o->write_file || o->print) && !o->count_only) {
		/* with -w - the text would corrupt the stream: use stderr */
		FILE *f = (o->write_file && strcmp(o->write_file, "-") == 0)
				  ? stderr : stdout;

		s->text = text_open(&o->text, f);
		if (!s->text) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
	}
	return 0;
}

void sinks_writer_failed(struct writer *w)
{
	if (!writer_reader_gone(w))
		die_msg("%s", writer_error(w));
}

static int text_failed(struct sinks *s)
{
	if (errno != EPIPE)
		die_msg("error writing the output: %s", strerror(errno));
	s->failed = true;
	return -1;
}

int sinks_flush_text(struct sinks *s)
{
	if (s->text && text_flush(s->text) < 0)
		return text_failed(s);
	return 0;
}

int sinks_packet(struct sinks *s, int iface_id, const struct pkt *p)
{
	int r;

	if (s->limit && s->written >= s->limit)
		return 1;
	if (s->w) {
		r = writer_write(s->w, iface_id, p);
		if (r < 0) {
			sinks_writer_failed(s->w);
			s->failed = true;
			return -1;
		}
		if (r == 1)
			return 1;
	}
	if (s->text && text_print(s->text, p) < 0)
		return text_failed(s);
	s->written++;
	return s->limit && s->written >= s->limit ? 1 : 0;
}

int sinks_close(struct sinks *s)
{
	char err[512];
	int ret = s->failed ? -1 : 0;

	text_close(s->text);
	s->text = NULL;
	if (s->w && writer_close_err(s->w, err, sizeof(err)) < 0) {
		if (!s->failed && err[0])
			die_msg("%s", err);
		ret = -1;
	}
	s->w = NULL;
	if (fflush(stdout) == EOF && errno != EPIPE)
		ret = -1;
	return ret;
}

bool pkt_to_ethernet(struct pkt *p, uint16_t ethertype, uint8_t *buf,
		     size_t bufsize)
{
	if (p->dlt == DLT_EN10MB)
		return true;
	if (p->dlt != DLT_RAW && p->dlt != DLT_IPV4 && p->dlt != DLT_IPV6)
		return false;
	if (!ethertype && p->caplen > 0)
		ethertype = (p->data[0] >> 4) == 6 ? 0x86dd : 0x0800;
	if (bufsize < 14 + (size_t)p->caplen)
		return false;
	memset(buf, 0, 12);
	buf[12] = (uint8_t)(ethertype >> 8);
	buf[13] = (uint8_t)ethertype;
	memcpy(buf + 14, p->data, p->caplen);
	p->data = buf;
	p->caplen += 14;
	p->len += 14;
	p->dlt = DLT_EN10MB;
	return true;
}
