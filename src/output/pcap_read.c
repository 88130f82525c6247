/*
 * Readers for capture files: the entry points, and classic pcap (micro
 * and nano, both byte orders, and the Kuznetzov variant).  pcapng is in
 * pcapng_read.c.
 *
 * Everything read from the file is untrusted: every length is checked
 * against what was actually read, blocks are limited to PCAPNG_MAX_BLOCK
 * and the number of interfaces per section to MAX_IFACES.
 */
#include "output/reader_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>

/* ---- helpers ---- */

void rd_set_err(struct reader *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->err, sizeof(r->err), fmt, ap);
	va_end(ap);
	r->failed = 1;
}

int rd_ensure_buf(struct reader *r, size_t n)
{
	uint8_t *nb;
	size_t cap;

	if (n <= r->bufcap)
		return 0;
	cap = r->bufcap ? r->bufcap : 65536;
	while (cap < n)
		cap *= 2;
	nb = realloc(r->buf, cap);
	if (!nb) {
		rd_set_err(r, "out of memory reading dump file");
		return -1;
	}
	r->buf = nb;
	r->bufcap = cap;
	return 0;
}

size_t rd_read(struct reader *r, void *p, size_t n)
{
	size_t got = n ? fread(p, 1, n, r->fp) : 0;

	if (got < n && ferror(r->fp))
		rd_set_err(r, "error reading dump file: %s", strerror(errno ? errno : EIO));
	return got;
}

/* The link types whose file value (LINKTYPE_*) is not libpcap's DLT_*. */
static const struct { uint32_t lt; int dlt; } lt_dlt[] = {
	{ 100, 11 },	/* ATM_RFC1483 */
	{ 101, 12 },	/* RAW */
	{ 102, 15 },	/* SLIP_BSDOS */
	{ 103, 16 },	/* PPP_BSDOS */
	{ 106, 19 },	/* ATM_CLIP */
};

int linktype_to_dlt(uint32_t lt)
{
	lt &= 0x03FFFFFFu;	/* strip FCS length bits */
	for (size_t i = 0; i < sizeof(lt_dlt) / sizeof(lt_dlt[0]); i++)
		if (lt_dlt[i].lt == lt)
			return lt_dlt[i].dlt;
	return (int)lt;
}

uint32_t dlt_to_linktype(int dlt)
{
	for (size_t i = 0; i < sizeof(lt_dlt) / sizeof(lt_dlt[0]); i++)
		if (lt_dlt[i].dlt == dlt)
			return lt_dlt[i].lt;
	return (uint32_t)dlt;
}

/* ---- classic pcap ---- */

/* libpcap's largest record for a link type */
static uint32_t max_caplen(uint32_t dlt)
{
	switch (dlt) {
	case 231:	/* D-Bus */
		return 128u * 1024 * 1024;
	case 279:	/* EBHSCR */
		return 8u * 1024 * 1024;
	case 249:	/* USBPcap */
		return 1024u * 1024;
	default:
		return 262144;
	}
}

static int pcap_open(struct reader *r)
{
	uint8_t h[20];
	size_t got;
	uint16_t maj, min;

	got = rd_read(r, h, sizeof(h));
	if (r->failed)
		return -1;
	if (got < sizeof(h)) {
		rd_set_err(r, "truncated dump file; tried to read 24 file header bytes, only got %zu", got);
		return -1;
	}
	maj = rd_g16(r, h);
	min = rd_g16(r, h + 2);
	if (maj < 2) {
		rd_set_err(r, "archaic pcap savefile format");
		return -1;
	}
	if (!(maj == 2 && min <= 4) && !(maj == 543 && min == 0)) {
		rd_set_err(r, "unsupported pcap savefile version %u.%u", maj, min);
		return -1;
	}
	r->pcap_snaplen = rd_g32(r, h + 12);
	r->pcap_dlt = linktype_to_dlt(rd_g32(r, h + 16));
	/* as libpcap: a snapshot length of 0 (or one that is negative as
	 * an int) means the link type's largest record; the patched
	 * format's Ethernet captures may hold a 14-byte header that a
	 * cooked capture added on top of its snapshot length */
	if (r->pcap_snaplen == 0 || r->pcap_snaplen > INT32_MAX)
		r->pcap_snaplen = max_caplen(r->pcap_dlt);
	if (r->kuznetzov && r->pcap_dlt == 1)
		r->pcap_snaplen += 14;
	r->format = READER_PCAP;
	return 0;
}

static int pcap_next(struct reader *r, struct pkt *out)
{
	uint8_t h[24];
	size_t hl = r->kuznetzov ? 24 : 16;
	size_t got = rd_read(r, h, hl);
	uint32_t sec, frac, caplen, len, snap;

	if (r->failed)
		return -1;
	if (got == 0)
		return 0;
	if (got < hl) {
		rd_set_err(r, "truncated dump file; tried to read %zu header bytes, only got %zu", hl, got);
		return -1;
	}
	sec = rd_g32(r, h);
	frac = rd_g32(r, h + 4);
	caplen = rd_g32(r, h + 8);
	len = rd_g32(r, h + 12);
	/* as libpcap: a record longer than the link type allows is an
	 * error; one longer than the file's snapshot length is read whole
	 * and handed on cut to that length */
	snap = r->pcap_snaplen;
	if (caplen > max_caplen(r->pcap_dlt)) {
		if (caplen > snap)
			rd_set_err(r, "invalid packet capture length %u, bigger than snaplen of %u",
				caplen, snap);
		else
			rd_set_err(r, "invalid packet capture length %u, bigger than maximum of %u",
				caplen, max_caplen(r->pcap_dlt));
		return -1;
	}
	if (rd_ensure_buf(r, caplen ? caplen : 1))
		return -1;
	got = rd_read(r, r->buf, caplen);
	if (r->failed)
		return -1;
	if (got < caplen) {
		rd_set_err(r, "truncated dump file; tried to read %u captured bytes, only got %zu",
			caplen > snap && got < snap ? snap : caplen, got);
		return -1;
	}
	if (caplen > snap)
		caplen = snap;
	memset(out, 0, sizeof(*out));
	out->ts_ns = (uint64_t)sec * 1000000000ull +
		     (r->nano ? (uint64_t)frac : (uint64_t)frac * 1000ull);
	out->tsresol_ns = r->nano ? 1 : 1000;
	out->dlt = r->pcap_dlt;
	out->caplen = caplen;
	out->len = len;
	out->data = r->buf;
	if (r->kuznetzov) {
		uint8_t pkt_type = h[22];

		out->ifindex = rd_g32(r, h + 16);
		out->dir = pkt_type == 4 ? PKT_DIR_OUT : PKT_DIR_IN;
	}
	return 1;
}

/* ---- public API ---- */

struct reader *reader_open(const char *path, char *err, size_t errlen)
{
	struct reader *r = calloc(1, sizeof(*r));
	uint8_t m[4];
	uint32_t magic;
	size_t got;
	int rc = -1;

	if (!r) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	meta_decoder_init(&r->md);
	r->first_dlt = 1;	/* DLT_EN10MB until an IDB says otherwise */
	r->first_tsresol = 1000;
	if (!path || strcmp(path, "-") == 0) {
		r->fp = stdin;
	} else {
		r->fp = fopen(path, "rbe");
		if (!r->fp) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			meta_decoder_free(&r->md);
			free(r);
			return NULL;
		}
		r->own_fp = 1;
	}
	got = rd_read(r, m, 4);
	if (r->failed)
		goto out;
	if (got < 4) {
		rd_set_err(r, "truncated dump file; tried to read 4 file header bytes, only got %zu", got);
		goto out;
	}
	memcpy(&magic, m, 4);
	if (magic == PCAP_MAGIC_MICRO || magic == PCAP_MAGIC_NANO ||
	    magic == PCAP_MAGIC_KUZNETZOV) {
		r->swapped = 0;
	} else if (__builtin_bswap32(magic) == PCAP_MAGIC_MICRO ||
		   __builtin_bswap32(magic) == PCAP_MAGIC_NANO ||
		   __builtin_bswap32(magic) == PCAP_MAGIC_KUZNETZOV) {
		r->swapped = 1;
		magic = __builtin_bswap32(magic);
	} else if (magic == PCAPNG_SHB) {
		rc = ng_open(r);
		goto out;
	} else {
		rd_set_err(r, "unknown file format");
		goto out;
	}
	r->nano = magic == PCAP_MAGIC_NANO;
	r->kuznetzov = magic == PCAP_MAGIC_KUZNETZOV;
	rc = pcap_open(r);
out:
	if (rc < 0) {
		snprintf(err, errlen, "%s", r->err);
		reader_close(r);
		return NULL;
	}
	return r;
}

/* NFLOG's TLV lengths and types are in the writer's byte order: as
 * libpcap, put those of a file from the other order into ours. */
static void nflog_swap(uint8_t *p, uint32_t caplen, uint32_t len)
{
	uint16_t tl, tt;

	if (caplen < 4 || len < 4 || p[1] != 0)
		return;
	p += 4, caplen -= 4, len -= 4;
	while (caplen >= 4) {
		memcpy(&tl, p, 2);
		memcpy(&tt, p + 2, 2);
		tl = __builtin_bswap16(tl);
		tt = __builtin_bswap16(tt);
		memcpy(p, &tl, 2);
		memcpy(p + 2, &tt, 2);
		tl = (uint16_t)((tl + 3) & ~3u);
		if (tl < 4 || tl > caplen || tl > len)
			break;
		p += tl, caplen -= tl, len -= tl;
	}
}

int reader_next(struct reader *r, struct pkt *out)
{
	struct pkt dummy;
	int ret;

	if (!out)
		out = &dummy;
	if (r->failed)
		return -1;
	ret = r->format == READER_PCAP ? pcap_next(r, out) : ng_next(r, out);
	/* the record's bytes are in r->buf, ours to change */
	if (ret == 1 && r->swapped && out->dlt == 239)
		nflog_swap((uint8_t *)(uintptr_t)out->data, out->caplen, out->len);
	return ret;
}

const char *reader_error(struct reader *r)
{
	return r->failed ? r->err : "";
}

int reader_dlt(struct reader *r)
{
	return r->format == READER_PCAP ? r->pcap_dlt : r->first_dlt;
}

uint32_t reader_snaplen(struct reader *r)
{
	uint32_t s = r->first_snaplen;

	if (r->format == READER_PCAP)
		return r->pcap_snaplen;	/* adjusted at open */
	/* as libpcap: the first interface's, 0 meaning the link type's
	 * largest record */
	if (s == 0 || s > INT32_MAX)
		s = max_caplen(r->first_dlt);
	return s;
}

int reader_format(struct reader *r)
{
	return r->format;
}

bool reader_has_ifnames(struct reader *r)
{
	return r->format == READER_PCAPNG && r->first_has_name;
}

int reader_tsresol_ns(struct reader *r)
{
	if (r->format == READER_PCAP)
		return r->nano ? 1 : 1000;
	return r->first_tsresol;
}

void reader_close(struct reader *r)
{
	if (!r)
		return;
	if (r->own_fp && r->fp)
		fclose(r->fp);
	ng_free(r);
	free(r->ifs);
	free(r->buf);
	meta_decoder_free(&r->md);
	sb_free(&r->mkey);
	free(r);
}

