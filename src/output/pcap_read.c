/*
 * Readers for classic pcap and pcapng capture files.
 *
 * Everything read from the file is untrusted: every length is checked
 * against what was actually read, blocks are limited to PCAPNG_MAX_BLOCK
 * and the number of interfaces per section to MAX_IFACES.
 */
#include "output/reader.h"
#include "output/meta_codec.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCAP_MAGIC_MICRO	0xa1b2c3d4u
#define PCAP_MAGIC_NANO		0xa1b23c4du
#define PCAP_MAGIC_KUZNETZOV	0xa1b2cd34u

#define PCAPNG_SHB		0x0A0D0D0Au
#define PCAPNG_IDB		0x00000001u
#define PCAPNG_PB		0x00000002u	/* obsolete packet block */
#define PCAPNG_SPB		0x00000003u
#define PCAPNG_EPB		0x00000006u
#define PCAPNG_BOM		0x1A2B3C4Du

#define PCAPNG_MAX_BLOCK	(16u * 1024 * 1024)
#define PCAP_MAX_CAPLEN		(16u * 1024 * 1024)
#define MAX_IFACES		65536

struct iface {
	int dlt;
	uint32_t snaplen;
	char *name;
	uint64_t units;		/* timestamp units per second */
	int64_t tsoffset;	/* seconds */
	int tsresol_ns;
};

struct reader {
	FILE *fp;
	int own_fp;
	int format;
	int swapped;
	int failed;
	char err[256];

	/* classic pcap */
	int pcap_dlt;
	uint32_t pcap_snaplen;
	int nano;
	int kuznetzov;

	/* pcapng */
	struct iface *ifs;
	size_t nifs, capifs;
	int pending;		/* a block is in buf, not yet processed */
	uint32_t btype;		/* its type */
	size_t blen;		/* body length (without type, len, trailer) */
	int eof_pending;
	int first_dlt;
	uint32_t first_snaplen;
	int first_tsresol;
	int have_first;
	int first_has_name;

	uint8_t *buf;
	size_t bufcap;
	struct meta_decoder md;
};

/* ---- helpers ---- */

static void set_err(struct reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void set_err(struct reader *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->err, sizeof(r->err), fmt, ap);
	va_end(ap);
	r->failed = 1;
}

static uint16_t bswap16(uint16_t v) { return (uint16_t)((v >> 8) | (v << 8)); }

static uint16_t g16(const struct reader *r, const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return r->swapped ? bswap16(v) : v;
}

static uint32_t g32(const struct reader *r, const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return r->swapped ? __builtin_bswap32(v) : v;
}

static uint64_t g64(const struct reader *r, const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return r->swapped ? __builtin_bswap64(v) : v;
}

static int ensure_buf(struct reader *r, size_t n)
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
		set_err(r, "out of memory reading dump file");
		return -1;
	}
	r->buf = nb;
	r->bufcap = cap;
	return 0;
}

/* fread that records I/O errors; returns the count read. */
static size_t rd(struct reader *r, void *p, size_t n)
{
	size_t got = n ? fread(p, 1, n, r->fp) : 0;

	if (got < n && ferror(r->fp))
		set_err(r, "error reading dump file: %s", strerror(errno ? errno : EIO));
	return got;
}

int linktype_to_dlt(uint32_t lt)
{
	lt &= 0x03FFFFFFu;	/* strip FCS length bits */
	switch (lt) {
	case 100: return 11;	/* ATM_RFC1483 */
	case 101: return 12;	/* RAW */
	case 102: return 15;	/* SLIP_BSDOS */
	case 103: return 16;	/* PPP_BSDOS */
	case 106: return 19;	/* ATM_CLIP */
	case 50: return 50;	/* PPP_HDLC */
	default: return (int)lt;
	}
}

/* ---- classic pcap ---- */

static int pcap_open(struct reader *r)
{
	uint8_t h[20];
	size_t got;
	uint16_t maj, min;

	got = rd(r, h, sizeof(h));
	if (r->failed)
		return -1;
	if (got < sizeof(h)) {
		set_err(r, "truncated dump file; tried to read 24 file header bytes, only got %zu", got);
		return -1;
	}
	maj = g16(r, h);
	min = g16(r, h + 2);
	if (maj < 2) {
		set_err(r, "archaic pcap savefile format");
		return -1;
	}
	if (!(maj == 2 && min <= 4) && !(maj == 543 && min == 0)) {
		set_err(r, "unsupported pcap savefile version %u.%u", maj, min);
		return -1;
	}
	r->pcap_snaplen = g32(r, h + 12);
	r->pcap_dlt = linktype_to_dlt(g32(r, h + 16));
	r->format = READER_PCAP;
	return 0;
}

static int pcap_next(struct reader *r, struct pkt *out)
{
	uint8_t h[24];
	size_t hl = r->kuznetzov ? 24 : 16;
	size_t got = rd(r, h, hl);
	uint32_t sec, frac, caplen, len;

	if (r->failed)
		return -1;
	if (got == 0)
		return 0;
	if (got < hl) {
		set_err(r, "truncated dump file; tried to read %zu header bytes, only got %zu", hl, got);
		return -1;
	}
	sec = g32(r, h);
	frac = g32(r, h + 4);
	caplen = g32(r, h + 8);
	len = g32(r, h + 12);
	if (caplen > PCAP_MAX_CAPLEN) {
		set_err(r, "invalid packet capture length %u, bigger than maximum of %u",
			caplen, PCAP_MAX_CAPLEN);
		return -1;
	}
	if (ensure_buf(r, caplen ? caplen : 1))
		return -1;
	got = rd(r, r->buf, caplen);
	if (r->failed)
		return -1;
	if (got < caplen) {
		set_err(r, "truncated dump file; tried to read %u captured bytes, only got %zu",
			caplen, got);
		return -1;
	}
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

		out->ifindex = g32(r, h + 16);
		out->dir = pkt_type == 4 ? PKT_DIR_OUT : PKT_DIR_IN;
	}
	return 1;
}

/* ---- pcapng ---- */

struct optit {
	const struct reader *r;
	const uint8_t *p;
	size_t n, off;
};

/* 1 = an option, 0 = end (opt_endofopt, end of data, or malformed tail). */
static int opt_next(struct optit *it, uint16_t *code, const uint8_t **val, uint16_t *len)
{
	size_t padded;

	if (it->n - it->off < 4)
		return 0;
	*code = g16(it->r, it->p + it->off);
	*len = g16(it->r, it->p + it->off + 2);
	if (*code == 0)
		return 0;
	padded = ((size_t)*len + 3) & ~(size_t)3;
	if (padded > it->n - it->off - 4)
		return 0;
	*val = it->p + it->off + 4;
	it->off += 4 + padded;
	return 1;
}

static void free_ifaces(struct reader *r)
{
	for (size_t i = 0; i < r->nifs; i++)
		free(r->ifs[i].name);
	r->nifs = 0;
}

/*
 * Reads the next block into buf: sets btype and blen.  Returns 1, 0 at a
 * clean end of file, -1 on error.
 */
static int ng_read_block(struct reader *r)
{
	uint8_t h[12];
	size_t got = rd(r, h, 8);
	uint32_t type, total;
	size_t rest;

	if (r->failed)
		return -1;
	if (got == 0)
		return 0;
	if (got < 8) {
		set_err(r, "truncated pcapng dump file; tried to read 8 bytes, only got %zu", got);
		return -1;
	}
	memcpy(&type, h, 4);
	if (type == PCAPNG_SHB) {
		uint32_t bom;

		got = rd(r, h + 8, 4);
		if (r->failed)
			return -1;
		if (got < 4) {
			set_err(r, "truncated pcapng dump file; tried to read 4 bytes, only got %zu", got);
			return -1;
		}
		memcpy(&bom, h + 8, 4);
		if (bom == PCAPNG_BOM)
			r->swapped = 0;
		else if (bom == __builtin_bswap32(PCAPNG_BOM))
			r->swapped = 1;
		else {
			set_err(r, "section header block has an invalid byte-order magic 0x%08x", bom);
			return -1;
		}
	}
	type = g32(r, h);
	total = g32(r, h + 4);
	if (total < 12 || (type == PCAPNG_SHB && total < 28)) {
		set_err(r, "block in pcapng dump file has a length of %u < %u",
			total, type == PCAPNG_SHB ? 28u : 12u);
		return -1;
	}
	if (total % 4) {
		set_err(r, "block in pcapng dump file has a length of %u that is not a multiple of 4", total);
		return -1;
	}
	if (total > PCAPNG_MAX_BLOCK) {
		set_err(r, "pcapng block size %u > maximum %u", total, PCAPNG_MAX_BLOCK);
		return -1;
	}
	/* Body (for the SHB, starting at the byte-order magic) + trailer. */
	rest = total - 8;
	if (ensure_buf(r, rest))
		return -1;
	if (type == PCAPNG_SHB) {
		memcpy(r->buf, h + 8, 4);
		got = 4 + rd(r, r->buf + 4, rest - 4);
	} else {
		got = rd(r, r->buf, rest);
	}
	if (r->failed)
		return -1;
	if (got < rest) {
		if (type == PCAPNG_SHB)	/* counted after the byte-order magic */
			set_err(r, "truncated pcapng dump file; tried to read %zu bytes, only got %zu",
				rest - 4, got - 4);
		else
			set_err(r, "truncated pcapng dump file; tried to read %zu bytes, only got %zu",
				rest, got);
		return -1;
	}
	if (g32(r, r->buf + rest - 4) != total) {
		set_err(r, "block total length in header and trailer don't match (%u vs %u)",
			total, g32(r, r->buf + rest - 4));
		return -1;
	}
	r->btype = type;
	r->blen = rest - 4;
	return 1;
}

static int ng_shb(struct reader *r)
{
	uint16_t maj, min;

	/* buf: BOM(4) major(2) minor(2) section length(8) options */
	if (r->blen < 16) {
		set_err(r, "section header block is too short");
		return -1;
	}
	maj = g16(r, r->buf + 4);
	min = g16(r, r->buf + 6);
	if (maj != 1 || (min != 0 && min != 2)) {
		set_err(r, "unsupported pcapng savefile version %u.%u", maj, min);
		return -1;
	}
	free_ifaces(r);
	return 0;
}

static int ng_idb(struct reader *r)
{
	struct iface ifc;
	struct optit it;
	uint16_t code, len;
	const uint8_t *val;

	if (r->blen < 8) {
		set_err(r, "interface description block is too short");
		return -1;
	}
	if (r->nifs >= MAX_IFACES) {
		set_err(r, "too many interface description blocks in pcapng dump file");
		return -1;
	}
	memset(&ifc, 0, sizeof(ifc));
	ifc.dlt = linktype_to_dlt(g16(r, r->buf));
	ifc.snaplen = g32(r, r->buf + 4);
	ifc.units = 1000000;
	ifc.tsresol_ns = 1000;
	it = (struct optit){ r, r->buf + 8, r->blen - 8, 0 };
	while (opt_next(&it, &code, &val, &len)) {
		if (code == 2 && !ifc.name) {		/* if_name */
			size_t n = strnlen((const char *)val, len);

			ifc.name = malloc(n + 1);
			if (!ifc.name) {
				set_err(r, "out of memory reading dump file");
				return -1;
			}
			memcpy(ifc.name, val, n);
			ifc.name[n] = '\0';
		} else if (code == 9 && len >= 1) {	/* if_tsresol */
			unsigned v = val[0], e = v & 0x7f;

			if (v & 0x80) {
				if (e > 63) {
					set_err(r, "Interface Description Block if_tsresol option resolution 2^-%u is too high", e);
					goto fail;
				}
				ifc.units = 1ull << e;
				ifc.tsresol_ns = (int)(1000000000ull / ifc.units);
			} else {
				uint64_t u = 1, ns = 1000000000ull;

				if (e > 19) {
					set_err(r, "Interface Description Block if_tsresol option resolution 10^-%u is too high", e);
					goto fail;
				}
				for (unsigned i = 0; i < e; i++) {
					u *= 10;
					if (ns > 1)
						ns /= 10;
				}
				ifc.units = u;
				ifc.tsresol_ns = (int)ns;
			}
			if (ifc.tsresol_ns < 1)
				ifc.tsresol_ns = 1;
		} else if (code == 14 && len >= 8) {	/* if_tsoffset */
			ifc.tsoffset = (int64_t)g64(r, val);
		}
	}
	if (r->nifs == r->capifs) {
		size_t cap = r->capifs ? r->capifs * 2 : 8;
		struct iface *n = realloc(r->ifs, cap * sizeof(*n));

		if (!n) {
			set_err(r, "out of memory reading dump file");
			goto fail;
		}
		r->ifs = n;
		r->capifs = cap;
	}
	r->ifs[r->nifs++] = ifc;
	if (!r->have_first) {
		r->have_first = 1;
		r->first_dlt = ifc.dlt;
		r->first_snaplen = ifc.snaplen;
		r->first_tsresol = ifc.tsresol_ns;
		r->first_has_name = ifc.name != NULL;
	}
	return 0;
fail:
	free(ifc.name);
	return -1;
}

static uint64_t ng_ts(const struct iface *ifc, uint64_t ts)
{
	uint64_t sec = ts / ifc->units, frac = ts % ifc->units;
	uint64_t ns = (uint64_t)(((unsigned __int128)frac * 1000000000u) / ifc->units);

	return sec * 1000000000ull + ns + (uint64_t)ifc->tsoffset * 1000000000ull;
}

static const struct iface *ng_iface(struct reader *r, uint32_t id)
{
	if (id >= r->nifs) {
		set_err(r, "a packet arrived on interface %u, but there's no Interface Description Block for that interface", id);
		return NULL;
	}
	return &r->ifs[id];
}

static void ng_fill(struct pkt *out, const struct iface *ifc, uint32_t id,
		    uint64_t ts, uint32_t caplen, uint32_t len, const uint8_t *data)
{
	memset(out, 0, sizeof(*out));
	out->ts_ns = ng_ts(ifc, ts);
	out->tsresol_ns = ifc->tsresol_ns;
	out->ifindex = id;
	out->ifname = ifc->name;
	out->dlt = ifc->dlt;
	out->caplen = caplen;
	out->len = len;
	out->data = data;
}

/* Packet options (EPB and obsolete PB share the codes we use). */
static void ng_pkt_opts(struct reader *r, struct pkt *out, const uint8_t *p, size_t n)
{
	struct optit it = { r, p, n, 0 };
	uint16_t code, len;
	const uint8_t *val;
	uint32_t pid = 0, tid = 0;
	uint64_t pktid = 0;
	int have_pktid = 0;

	meta_decoder_reset(&r->md);
	while (opt_next(&it, &code, &val, &len)) {
		switch (code) {
		case 1:		/* opt_comment */
			meta_decode_comment(&r->md, (const char *)val, len);
			break;
		case 2:		/* epb_flags */
			if (len >= 4) {
				uint32_t f = g32(r, val) & 3;

				out->dir = f == 1 ? PKT_DIR_IN : f == 2 ? PKT_DIR_OUT : PKT_DIR_UNKNOWN;
			}
			break;
		case 5:		/* epb_packetid */
			if (len >= 8) {
				pktid = g64(r, val);
				have_pktid = 1;
			}
			break;
		case 8:		/* epb_processid_threadid */
			if (len >= 8) {
				pid = g32(r, val);
				tid = g32(r, val + 4);
			}
			break;
		}
	}
	meta_decoder_set_pid_tid(&r->md, pid, tid);
	if (have_pktid)
		meta_decoder_set_packet_id(&r->md, pktid);
	out->meta = meta_decoder_finish(&r->md);
	if (out->meta && (out->meta->have & META_DROP) && out->dir == PKT_DIR_UNKNOWN)
		out->dir = PKT_DIR_DROP;
}

/* Returns 1 if a packet was produced, 0 if the block was consumed, -1 on error. */
static int ng_process(struct reader *r, struct pkt *out)
{
	const uint8_t *b = r->buf;
	size_t n = r->blen;
	const struct iface *ifc;

	switch (r->btype) {
	case PCAPNG_SHB:
		return ng_shb(r);
	case PCAPNG_IDB:
		return ng_idb(r);
	case PCAPNG_EPB: {
		uint32_t id, caplen, len;
		size_t dlen;

		if (n < 20) {
			set_err(r, "enhanced packet block is too short");
			return -1;
		}
		id = g32(r, b);
		caplen = g32(r, b + 12);
		len = g32(r, b + 16);
		if (caplen > n - 20) {
			set_err(r, "enhanced packet block has a captured length of %u > remaining %zu",
				caplen, n - 20);
			return -1;
		}
		if (!(ifc = ng_iface(r, id)))
			return -1;
		ng_fill(out, ifc, id, ((uint64_t)g32(r, b + 4) << 32) | g32(r, b + 8),
			caplen, len, b + 20);
		dlen = ((size_t)caplen + 3) & ~(size_t)3;
		if (dlen > n - 20)
			dlen = n - 20;
		ng_pkt_opts(r, out, b + 20 + dlen, n - 20 - dlen);
		return 1;
	}
	case PCAPNG_PB: {
		uint32_t id, caplen, len;
		size_t dlen;

		if (n < 20) {
			set_err(r, "packet block is too short");
			return -1;
		}
		id = g16(r, b);
		caplen = g32(r, b + 12);
		len = g32(r, b + 16);
		if (caplen > n - 20) {
			set_err(r, "packet block has a captured length of %u > remaining %zu",
				caplen, n - 20);
			return -1;
		}
		if (!(ifc = ng_iface(r, id)))
			return -1;
		ng_fill(out, ifc, id, ((uint64_t)g32(r, b + 4) << 32) | g32(r, b + 8),
			caplen, len, b + 20);
		dlen = ((size_t)caplen + 3) & ~(size_t)3;
		if (dlen > n - 20)
			dlen = n - 20;
		ng_pkt_opts(r, out, b + 20 + dlen, n - 20 - dlen);
		return 1;
	}
	case PCAPNG_SPB: {
		uint32_t len, caplen;

		if (n < 4) {
			set_err(r, "simple packet block is too short");
			return -1;
		}
		if (!(ifc = ng_iface(r, 0)))
			return -1;
		len = g32(r, b);
		caplen = len;
		if (caplen > n - 4)
			caplen = (uint32_t)(n - 4);
		if (ifc->snaplen && caplen > ifc->snaplen)
			caplen = ifc->snaplen;
		ng_fill(out, ifc, 0, 0, caplen, len, b + 4);
		return 1;
	}
	default:
		return 0;	/* NRB, ISB, DSB, custom, unknown: skipped */
	}
}

static int ng_open(struct reader *r)
{
	uint8_t h[8];
	uint32_t bom, total;
	size_t rest, got;
	int rc;

	/* Like libpcap: if the start does not look like an SHB, it is not pcapng. */
	if (rd(r, h, 8) < 8 || r->failed) {
		if (!r->failed)
			set_err(r, "unknown file format");
		return -1;
	}
	memcpy(&bom, h + 4, 4);
	if (bom == PCAPNG_BOM)
		r->swapped = 0;
	else if (bom == __builtin_bswap32(PCAPNG_BOM))
		r->swapped = 1;
	else {
		set_err(r, "unknown file format");
		return -1;
	}
	total = g32(r, h);
	if (total < 28 || total % 4 || total > PCAPNG_MAX_BLOCK) {
		set_err(r, "pcapng section header block has an invalid length %u", total);
		return -1;
	}
	rest = total - 8;
	if (ensure_buf(r, rest))
		return -1;
	memcpy(r->buf, h + 4, 4);
	got = 4 + rd(r, r->buf + 4, rest - 4);
	if (r->failed)
		return -1;
	if (got < rest) {
		set_err(r, "truncated pcapng dump file; tried to read %zu bytes, only got %zu",
			rest - 4, got - 4);
		return -1;
	}
	if (g32(r, r->buf + rest - 4) != total) {
		set_err(r, "block total length in header and trailer don't match (%u vs %u)",
			total, g32(r, r->buf + rest - 4));
		return -1;
	}
	r->btype = PCAPNG_SHB;
	r->blen = rest - 4;
	if (ng_shb(r))
		return -1;
	r->format = READER_PCAPNG;

	/* Read ahead to the first IDB so that reader_dlt() is known. */
	for (;;) {
		rc = ng_read_block(r);
		if (rc < 0) {
			/* Report the error from reader_next(), after no packets. */
			return 0;
		}
		if (rc == 0) {
			set_err(r, "the capture file has no Interface Description Blocks");
			return -1;
		}
		if (r->btype == PCAPNG_EPB || r->btype == PCAPNG_SPB ||
		    r->btype == PCAPNG_PB) {
			r->pending = 1;
			return 0;
		}
		if (ng_process(r, NULL) < 0)
			return 0;
		if (r->have_first)
			return 0;
	}
}

static int ng_next(struct reader *r, struct pkt *out)
{
	for (;;) {
		int rc;

		if (r->pending) {
			r->pending = 0;
		} else {
			if (r->eof_pending)
				return 0;
			rc = ng_read_block(r);
			if (rc <= 0) {
				if (rc == 0)
					r->eof_pending = 1;
				return rc;
			}
		}
		rc = ng_process(r, out);
		if (rc)
			return rc;
	}
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
	got = rd(r, m, 4);
	if (r->failed)
		goto out;
	if (got < 4) {
		set_err(r, "truncated dump file; tried to read 4 file header bytes, only got %zu", got);
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
		set_err(r, "unknown file format");
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

int reader_next(struct reader *r, struct pkt *out)
{
	struct pkt dummy;

	if (!out)
		out = &dummy;
	if (r->failed)
		return -1;
	if (r->format == READER_PCAP)
		return pcap_next(r, out);
	return ng_next(r, out);
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
	return r->format == READER_PCAP ? r->pcap_snaplen : r->first_snaplen;
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
	free_ifaces(r);
	free(r->ifs);
	free(r->buf);
	meta_decoder_free(&r->md);
	free(r);
}
