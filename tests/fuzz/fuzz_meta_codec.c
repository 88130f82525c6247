/*
 * libFuzzer harness: the pcapng comment decoder (meta_decode_comment and
 * friends), then the text sink's context lines for the decoded metadata,
 * then meta_encode() of the result and a second decode.
 *
 * Input layout: byte 0 bit 0 = set pid/tid from "epb_processid_threadid"
 * (bytes 1-8), bit 1 = set packet id (bytes 9-16); from byte 17 on, the
 * comments, separated by 0x00 (each given to the decoder without its NUL,
 * so an unterminated comment is read with exact bounds).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/packet.h"
#include "common/strbuf.h"
#include "output/meta_codec.h"
#include "output/text.h"

static struct text_sink *sinks[3];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const struct text_opts o[3] = {
		{ .context = CTX_ALL },
		{ .context = CTX_ALL, .tflag = 1, .d = { .vflag = 1 } },
		{ .context = CTX_ALL, .oneline = true, .d = { .vflag = 2 } },
	};
	struct text_opts oo[3];

	(void)argc;
	(void)argv;
	memcpy(oo, o, sizeof(oo));
	/* FUZZ_NO_ONELINE=1: leave --oneline out, to fuzz past the known
	 * join_lines() overflow (regressions/meta_codec/) in long runs */
	if (getenv("FUZZ_NO_ONELINE"))
		for (int i = 0; i < 3; i++)
			oo[i].oneline = false;
	for (int i = 0; i < 3; i++)
		if (!(sinks[i] = text_open(&oo[i], NULL)))
			abort();
	return 0;
}

static void check_meta(const struct pkt_meta *m)
{
	/* documented: every string of a group that is present is non-NULL */
	static const struct { unsigned bit; size_t off; } f[] = {
#define F(b, x) { b, offsetof(struct pkt_meta, x) }
		F(META_PROC, cmd), F(META_PROC, args), F(META_THREAD, tname),
		F(META_PARENT, pcmd), F(META_PARENT, pargs),
		F(META_CONTAINER, cname), F(META_CONTAINER, cid),
		F(META_CONTAINER, cimage), F(META_CONTAINER, clabels),
		F(META_POD, podname), F(META_POD, podns), F(META_POD, poduid),
		F(META_POD, podlabels), F(META_POD, podannot),
		F(META_DROP, drop_reason), F(META_DROP, drop_location),
#undef F
	};
	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		const char *s = *(const char *const *)((const char *)m + f[i].off);
		if (!(m->have & f[i].bit))
			continue;
		if (!s)
			abort();
		(void)strlen(s);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t pkt[] = {	/* RAW: IPv4/UDP 10.0.0.1.1 > 10.0.0.2.2 */
		0x45, 0, 0, 28, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1,
		10, 0, 0, 2, 0, 1, 0, 2, 0, 8, 0, 0,
	};
	struct meta_decoder d, d2;
	struct strbuf enc[META_MAX_GROUPS], sb = STRBUF_INIT;
	const struct pkt_meta *m;
	size_t off = 17;
	int n;

	if (size < 17)
		return 0;
	meta_decoder_init(&d);
	while (off <= size) {
		const uint8_t *nul = memchr(data + off, 0, size - off);
		size_t len = nul ? (size_t)(nul - (data + off)) : size - off;
		char *c = malloc(len ? len : 1);	/* exact size: ASan bounds */

		if (!c)
			abort();
		memcpy(c, data + off, len);
		meta_decode_comment(&d, c, len);
		free(c);
		off += len + 1;
	}
	if (data[0] & 1) {
		uint32_t pid, tid;
		memcpy(&pid, data + 1, 4);
		memcpy(&tid, data + 5, 4);
		meta_decoder_set_pid_tid(&d, pid, tid);
	}
	if (data[0] & 2) {
		uint64_t id;
		memcpy(&id, data + 9, 8);
		meta_decoder_set_packet_id(&d, id);
	}
	m = meta_decoder_finish(&d);
	if (m) {
		struct pkt p = {
			.ts_ns = 1700000000123456789ull, .tsresol_ns = 1000,
			.ifname = (data[0] & 4) ? "eth0" : NULL,
			.dir = (data[0] >> 3) & 3, .dlt = 12,
			.caplen = sizeof(pkt), .len = sizeof(pkt), .data = pkt, .meta = m,
		};
		check_meta(m);
		for (int i = 0; i < 3; i++) {
			sb_reset(&sb);
			text_format(sinks[i], &p, &sb);
		}

		/* encode what was decoded, decode that again */
		for (int i = 0; i < META_MAX_GROUPS; i++)
			sb_init(&enc[i]);
		n = meta_encode(m, ~0u, enc);
		if (n < 0 || n > META_MAX_GROUPS)
			abort();
		meta_decoder_init(&d2);
		for (int i = 0; i < n; i++)
			meta_decode_comment(&d2, enc[i].buf ? enc[i].buf : "", enc[i].len);
		const struct pkt_meta *m2 = meta_decoder_finish(&d2);
		if (!m2 && n > 0)
			abort();	/* encoded groups must decode to something */
		if (m2)
			check_meta(m2);
		meta_decoder_free(&d2);
		for (int i = 0; i < META_MAX_GROUPS; i++)
			sb_free(&enc[i]);
	}
	meta_decoder_reset(&d);
	meta_decoder_free(&d);
	sb_free(&sb);
	return 0;
}
