/* The text sink: tcpdump's line format plus ptcpdump's context lines. */
#ifndef PTCPDUMP_TEXT_H
#define PTCPDUMP_TEXT_H

#include <stdbool.h>
#include <stdio.h>

#include "common/packet.h"
#include "dissect/dissect.h"

/* --context groups */
enum {
	CTX_PROCESS = 1u << 0,
	CTX_THREAD = 1u << 1,
	CTX_PARENT = 1u << 2,
	CTX_USER = 1u << 3,
	CTX_CONTAINER = 1u << 4,
	CTX_POD = 1u << 5,
	CTX_ALL = 0x3f,
};

struct text_opts {
	int tflag;		/* 0 default, 1 -t, 2 -tt, 3 -ttt, 4 -tttt, 5 -ttttt */
	bool nano;		/* print nanoseconds */
	bool number;		/* -# */
	bool oneline;		/* --oneline */
	bool utc;		/* --utc-time */
	bool flush;		/* -l / -U: flush after each packet */
	unsigned context;	/* CTX_* */
	struct dissect_opts d;
};

struct text_sink;

struct text_sink *text_open(const struct text_opts *o, FILE *out);
int text_print(struct text_sink *t, const struct pkt *p);
/* Hands what is buffered to the stream's reader now; -1 with errno. */
int text_flush(struct text_sink *t);
/* Format into sb instead of a stream (tests, --print comparisons). */
void text_format(struct text_sink *t, const struct pkt *p, struct strbuf *sb);
void text_close(struct text_sink *t);

/* Parse a --context list; returns -1 on an unknown name. */
int text_parse_context(const char *s, unsigned *out);

#endif
