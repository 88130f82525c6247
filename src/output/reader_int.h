/*
 * What the pcap and the pcapng readers share: the reader's state and the
 * byte-order and bounds-checked read helpers.  Internal to src/output.
 */
#ifndef PTCPDUMP_READER_INT_H
#define PTCPDUMP_READER_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "output/meta_codec.h"
#include "output/reader.h"

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
	/* The last packet's comments as [2-byte length][bytes]..., and what
	 * decoding them gave: a run of packets from one process carries the
	 * same comments, decoded once (ng_pkt_opts). */
	struct strbuf mkey;
	bool mkey_valid;
	struct meta_decoder msaved;	/* its scalars only */
};

void rd_set_err(struct reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Grows r->buf to n bytes; -1 (error set) when out of memory. */
int rd_ensure_buf(struct reader *r, size_t n);
/* fread that records I/O errors; returns the count read. */
size_t rd_read(struct reader *r, void *p, size_t n);

static inline uint16_t rd_g16(const struct reader *r, const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return r->swapped ? (uint16_t)((v >> 8) | (v << 8)) : v;
}

static inline uint32_t rd_g32(const struct reader *r, const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return r->swapped ? __builtin_bswap32(v) : v;
}

static inline uint64_t rd_g64(const struct reader *r, const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return r->swapped ? __builtin_bswap64(v) : v;
}

/* pcapng_read.c */
int ng_open(struct reader *r);
int ng_next(struct reader *r, struct pkt *out);
void ng_free(struct reader *r);

#endif
