/*
 * pcapng reader: several sections, both byte orders, several interfaces
 * with their own link types and timestamp resolutions; enhanced, simple
 * and obsolete packet blocks; unknown blocks skipped.  ptcpdump's comment
 * groups, epb_flags, epb_packetid and epb_processid_threadid become the
 * packet's direction and metadata.
 */
#include "output/reader_int.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>

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
	*code = rd_g16(it->r, it->p + it->off);
	*len = rd_g16(it->r, it->p + it->off + 2);
	if (*code == 0)
		return 0;
	padded = ((size_t)*len + 3) & ~(size_t)3;
	if (padded > it->n - it->off - 4)
		return 0;
	*val = it->p + it->off + 4;
	it->off += 4 + padded;
	return 1;
}

void ng_free(struct reader *r)
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
	size_t got = rd_read(r, h, 8);
	uint32_t type, total;
	size_t rest;

	if (r->failed)
		return -1;
	if (got == 0)
		return 0;
	if (got < 8) {
		rd_set_err(r, "truncated pcapng dump file; tried to read 8 bytes, only got %zu", got);
		return -1;
	}
	memcpy(&type, h, 4);
	if (type == PCAPNG_SHB) {
		uint32_t bom;

		got = rd_read(r, h + 8, 4);
		if (r->failed)
			return -1;
		if (got < 4) {
			rd_set_err(r, "truncated pcapng dump file; tried to read 4 bytes, only got %zu", got);
			return -1;
		}
		memcpy(&bom, h + 8, 4);
		if (bom == PCAPNG_BOM)
			r->swapped = 0;
		else if (bom == __builtin_bswap32(PCAPNG_BOM))
			r->swapped = 1;
		else {
			rd_set_err(r, "section header block has an invalid byte-order magic 0x%08x", bom);
			return -1;
		}
	}
	type = rd_g32(r, h);
	total = rd_g32(r, h + 4);
	if (total < 12 || (type == PCAPNG_SHB && total < 28)) {
		rd_set_err(r, "block in pcapng dump file has a length of %u < %u",
			total, type == PCAPNG_SHB ? 28u : 12u);
		return -1;
	}
	if (total % 4) {
		rd_set_err(r, "block in pcapng dump file has a length of %u that is not a multiple of 4", total);
		return -1;
	}
	if (total > PCAPNG_MAX_BLOCK) {
		rd_set_err(r, "pcapng block size %u > maximum %u", total, PCAPNG_MAX_BLOCK);
		return -1;
	}
	/* Body (for the SHB, starting at the byte-order magic) + trailer. */
	rest = total - 8;
	if (rd_ensure_buf(r, rest))
		return -1;
	if (type == PCAPNG_SHB) {
		memcpy(r->buf, h + 8, 4);
		got = 4 + rd_read(r, r->buf + 4, rest - 4);
	} else {
		got = rd_read(r, r->buf, rest);
	}
	if (r->failed)
		return -1;
	if (got < rest) {
		if (type == PCAPNG_SHB)	/* counted after the byte-order magic */
			rd_set_err(r, "truncated pcapng dump file; tried to read %zu bytes, only got %zu",
				rest - 4, got - 4);
		else
			rd_set_err(r, "truncated pcapng dump file; tried to read %zu bytes, only got %zu",
				rest, got);
		return -1;
	}
	if (rd_g32(r, r->buf + rest - 4) != total) {
		rd_set_err(r, "block total length in header and trailer don't match (%u vs %u)",
			total, rd_g32(r, r->buf + rest - 4));
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
		rd_set_err(r, "section header block is too short");
		return -1;
	}
	maj = rd_g16(r, r->buf + 4);
	min = rd_g16(r, r->buf + 6);
	if (maj != 1 || (min != 0 && min != 2)) {
		rd_set_err(r, "unsupported pcapng savefile version %u.%u", maj, min);
		return -1;
	}
	ng_free(r);
	return 0;
}

static int ng_idb(struct reader *r)
{
	struct iface ifc;
	struct optit it;
	uint16_t code, len;
	const uint8_t *val;

	if (r->blen < 8) {
		rd_set_err(r, "interface description block is too short");
		return -1;
	}
	if (r->nifs >= MAX_IFACES) {
		rd_set_err(r, "too many interface description blocks in pcapng dump file");
		return -1;
	}
	memset(&ifc, 0, sizeof(ifc));
	ifc.dlt = linktype_to_dlt(rd_g16(r, r->buf));
	ifc.snaplen = rd_g32(r, r->buf + 4);
	ifc.units = 1000000;
	ifc.tsresol_ns = 1000;
	it = (struct optit){ r, r->buf + 8, r->blen - 8, 0 };
	while (opt_next(&it, &code, &val, &len)) {
		if (code == 2 && !ifc.name) {		/* if_name */
			size_t n = strnlen((const char *)val, len);

			ifc.name = malloc(n + 1);
			if (!ifc.name) {
				rd_set_err(r, "out of memory reading dump file");
				return -1;
			}
			memcpy(ifc.name, val, n);
			ifc.name[n] = '\0';
		} else if (code == 9 && len >= 1) {	/* if_tsresol */
			unsigned v = val[0], e = v & 0x7f;

			if (v & 0x80) {
				if (e > 63) {
					rd_set_err(r, "Interface Description Block if_tsresol option resolution 2^-%u is too high", e);
					goto fail;
				}
				ifc.units = 1ull << e;
				ifc.tsresol_ns = (int)(1000000000ull / ifc.units);
			} else {
				uint64_t u = 1, ns = 1000000000ull;

				if (e > 19) {
					rd_set_err(r, "Interface Description Block if_tsresol option resolution 10^-%u is too high", e);
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
			ifc.tsoffset = (int64_t)rd_g64(r, val);
		}
	}
	if (r->nifs == r->capifs) {
		size_t cap = r->capifs ? r->capifs * 2 : 8;
		struct iface *n = realloc(r->ifs, cap * sizeof(*n));

		if (!n) {
			rd_set_err(r, "out of memory reading dump file");
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
		rd_set_err(r, "a packet arrived on interface %u, but there's no Interface Description Block for that interface", id);
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

/* Are the packet's comments byte for byte the last packet's? */
static bool same_comments(const struct reader *r, const uint8_t *p, size_t n)
{
	struct optit it = { r, p, n, 0 };
	const char *k = r->mkey.buf;
	size_t at = 0;
	uint16_t code, len;
	const uint8_t *val;

	if (!r->mkey_valid)
		return false;
	while (opt_next(&it, &code, &val, &len)) {
		if (code != 1)
			continue;
		if (r->mkey.len - at < 2u + len || memcmp(k + at, &len, 2) ||
		    memcmp(k + at + 2, val, len))
			return false;
		at += 2u + len;
	}
	return at == r->mkey.len;
}

/* The decoder's scalars after the comments (its strings stay put until
 * the next reset). */
static void copy_scalars(struct meta_decoder *to, const struct meta_decoder *from)
{
	to->have = from->have;
	to->pid = from->pid;
	to->tid = from->tid;
	to->uid = from->uid;
	to->ppid = from->ppid;
	to->packet_id = from->packet_id;
}

/* Decodes the comments, or takes what decoding the same ones gave. */
static void decode_comments(struct reader *r, const uint8_t *p, size_t n)
{
	struct optit it = { r, p, n, 0 };
	struct meta_decoder *d = &r->md, *s = &r->msaved;
	uint16_t code, len;
	const uint8_t *val;

	if (same_comments(r, p, n)) {
		copy_scalars(d, s);
		return;
	}
	meta_decoder_reset(d);
	sb_reset(&r->mkey);
	while (opt_next(&it, &code, &val, &len)) {
		if (code != 1)	/* opt_comment */
			continue;
		meta_decode_comment(d, (const char *)val, len);
		sb_append(&r->mkey, (const char *)&len, 2);
		sb_append(&r->mkey, (const char *)val, len);
	}
	copy_scalars(s, d);
	r->mkey_valid = true;
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

	decode_comments(r, p, n);
	while (opt_next(&it, &code, &val, &len)) {
		switch (code) {
		case 2:		/* epb_flags */
			if (len >= 4) {
				uint32_t f = rd_g32(r, val) & 3;

				out->dir = f == 1 ? PKT_DIR_IN : f == 2 ? PKT_DIR_OUT : PKT_DIR_UNKNOWN;
			}
			break;
		case 5:		/* epb_packetid */
			if (len >= 8) {
				pktid = rd_g64(r, val);
				have_pktid = 1;
			}
			break;
		case 8:		/* epb_processid_threadid */
			if (len >= 8) {
				pid = rd_g32(r, val);
				tid = rd_g32(r, val + 4);
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

/* An enhanced packet block, or the obsolete packet block (16-bit
 * interface id): the same layout otherwise.  1, or -1 on error. */
static int ng_packet(struct reader *r, struct pkt *out, bool epb)
{
	const uint8_t *b = r->buf;
	size_t n = r->blen, dlen;
	const char *what = epb ? "enhanced packet block" : "packet block";
	const struct iface *ifc;
	uint32_t id, caplen, len;

	if (n < 20) {
		rd_set_err(r, "%s is too short", what);
		return -1;
	}
	id = epb ? rd_g32(r, b) : rd_g16(r, b);
	caplen = rd_g32(r, b + 12);
	len = rd_g32(r, b + 16);
	if (caplen > n - 20) {
		rd_set_err(r, "%s has a captured length of %u > remaining %zu",
			   what, caplen, n - 20);
		return -1;
	}
	if (!(ifc = ng_iface(r, id)))
		return -1;
	ng_fill(out, ifc, id, ((uint64_t)rd_g32(r, b + 4) << 32) | rd_g32(r, b + 8),
		caplen, len, b + 20);
	dlen = ((size_t)caplen + 3) & ~(size_t)3;
	if (dlen > n - 20)
		dlen = n - 20;
	ng_pkt_opts(r, out, b + 20 + dlen, n - 20 - dlen);
	return 1;
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
	case PCAPNG_EPB:
		return ng_packet(r, out, true);
	case PCAPNG_PB:
		return ng_packet(r, out, false);
	case PCAPNG_SPB: {
		uint32_t len, caplen;

		if (n < 4) {
			rd_set_err(r, "simple packet block is too short");
			return -1;
		}
		if (!(ifc = ng_iface(r, 0)))
			return -1;
		len = rd_g32(r, b);
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

int ng_open(struct reader *r)
{
	uint8_t h[8];
	uint32_t bom, total;
	size_t rest, got;
	int rc;

	/* Like libpcap: if the start does not look like an SHB, it is not pcapng. */
	if (rd_read(r, h, 8) < 8 || r->failed) {
		if (!r->failed)
			rd_set_err(r, "unknown file format");
		return -1;
	}
	memcpy(&bom, h + 4, 4);
	if (bom == PCAPNG_BOM)
		r->swapped = 0;
	else if (bom == __builtin_bswap32(PCAPNG_BOM))
		r->swapped = 1;
	else {
		rd_set_err(r, "unknown file format");
		return -1;
	}
	total = rd_g32(r, h);
	if (total < 28 || total % 4 || total > PCAPNG_MAX_BLOCK) {
		rd_set_err(r, "pcapng section header block has an invalid length %u", total);
		return -1;
	}
	rest = total - 8;
	if (rd_ensure_buf(r, rest))
		return -1;
	memcpy(r->buf, h + 4, 4);
	got = 4 + rd_read(r, r->buf + 4, rest - 4);
	if (r->failed)
		return -1;
	if (got < rest) {
		rd_set_err(r, "truncated pcapng dump file; tried to read %zu bytes, only got %zu",
			rest - 4, got - 4);
		return -1;
	}
	if (rd_g32(r, r->buf + rest - 4) != total) {
		rd_set_err(r, "block total length in header and trailer don't match (%u vs %u)",
			total, rd_g32(r, r->buf + rest - 4));
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
			rd_set_err(r, "the capture file has no Interface Description Blocks");
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

int ng_next(struct reader *r, struct pkt *out)
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
