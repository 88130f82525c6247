/* Redis's RESP (TCP port 6379), as tcpdump prints it: every string,
 * integer, error and array element of each pipelined command or reply
 * in quotes; "null", "empty" and length errors by name.  A parser
 * returns the bytes it used, -1 when the message runs past the segment
 * or the capture (then " [|resp]" ends the line). */
#include <limits.h>

#include "dissect-int.h"

static int parse(struct nd *nd, const uint8_t *bp, int len, int depth);

/* Arrays nest by recursion: deeper than this is given up as cut. */
#define RESP_MAX_DEPTH 256

/* ' "text"', escaped as tcpdump escapes text; -1 past the capture. */
static int segment(struct nd *nd, const uint8_t *p, int n)
{
	P(" \"");
	for (; n > 0; n--, p++) {
		if (p >= nd->snapend)
			return -1;
		char_print(nd, g1(nd, p));
	}
	char_print(nd, '"');
	return 0;
}

/* Moves *p to the next CR LF; -1 when there is none in this segment. */
static int find_crlf(struct nd *nd, const uint8_t **p, int *len)
{
	for (;;) {
		if (*len < 2 || !nd_ok(nd, *p, 2))
			return -1;
		if ((*p)[0] == '\r' && (*p)[1] == '\n')
			return 0;
		(*p)++;
		(*len)--;
	}
}

/* Skips CR and LF characters; -1 when the data ends before any. */
static int skip_cr_lf(struct nd *nd, const uint8_t **p, int *len)
{
	int seen = 0;

	for (;;) {
		if (*len == 0 || !nd_ok(nd, *p, 1))
			return seen ? 0 : -1;
		if (**p != '\r' && **p != '\n')
			return 0;
		seen = 1;
		(*p)++;
		(*len)--;
	}
}

/* A bulk string's or array's length line: the length, -1 for null,
 * -2 cut, -3 too large, -4 negative (not -1), -5 malformed. */
static int get_length(struct nd *nd, const uint8_t *bp, int len, const uint8_t **endp)
{
	int result = 0, neg = 0, too_large = 0, digits = 0, r = -2;
	uint8_t c;

	if (len == 0)
		goto out;
	if (g1(nd, bp) == '-') {
		neg = 1;
		bp++;
		len--;
	}
	for (;;) {
		if (len == 0)
			goto out;
		c = g1(nd, bp);
		if (c < '0' || c > '9') {
			if (!digits) {
				bp++;
				r = -5;
				goto out;
			}
			break;
		}
		c -= '0';
		if (result > INT_MAX / 10)
			too_large = 1;
		else if (result * 10 == (INT_MAX / 10) * 10 && c > INT_MAX % 10)
			too_large = 1;
		else
			result = result * 10 + c;
		bp++;
		len--;
		digits = 1;
	}
	r = -5;
	if (g1(nd, bp++) != '\r')
		goto out;
	if (--len == 0) {
		r = -2;
		goto out;
	}
	if (g1(nd, bp++) != '\n')
		goto out;
	if (neg)
		r = too_large || result != 1 ? -4 : -1;
	else
		r = too_large ? -3 : result;
out:
	*endp = bp;
	return r;
}

/* What a length that is not a count prints; -1 for a cut one. */
static int odd_length(struct nd *nd, int n, int zero_is_empty)
{
	switch (n) {
	case 0:
		if (zero_is_empty)
			P(" empty");
		return 0;
	case -1: P(" null"); return 0;
	case -2: return -1;
	case -3: P(" length too large"); return 0;
	case -4: P(" length negative and not -1"); return 0;
	default: P(" invalid"); return 0;
	}
}

/* +simple, -error, :integer, up to CR LF. */
static int line_item(struct nd *nd, const uint8_t *bp, int len)
{
	const uint8_t *start = bp + 1, *e = start;
	int cur = len - 1;

	if (find_crlf(nd, &e, &cur) || segment(nd, start, (int)(e - start)))
		return -1;
	return 1 + (int)(e - start) + 2;
}

static int bulk_string(struct nd *nd, const uint8_t *bp, int len)
{
	const uint8_t *e;
	int cur = len - 1, n;

	bp++;
	n = get_length(nd, bp, cur, &e);
	cur -= (int)(e - bp);
	bp = e;
	if (n < 0)
		return odd_length(nd, n, 0) ? -1 : len - cur;
	if (n == 0) {
		P(" empty");
	} else {
		if (cur < n || !nd_ok(nd, bp, (size_t)n) || segment(nd, bp, n))
			return -1;
		bp += n;
		cur -= n;
	}
	if (find_crlf(nd, &bp, &cur))
		return -1;
	return len - (cur - 2);
}

static int array(struct nd *nd, const uint8_t *bp, int len, int depth)
{
	const uint8_t *e;
	unsigned cur = (unsigned)len - 1;
	int n, i, r;

	bp++;
	n = get_length(nd, bp, (int)cur, &e);
	cur -= (unsigned)(e - bp);
	bp = e;
	if (n <= 0)
		return odd_length(nd, n, 1) ? -1 : len - (int)cur;
	for (i = 0; i < n; i++) {
		r = parse(nd, bp, (int)cur, depth + 1);
		if (r < 0)
			return -1;
		bp += r;
		cur -= (unsigned)r;
	}
	return len - (int)cur;
}

/* A command without RESP framing ("PING\r\n"). */
static int inline_cmd(struct nd *nd, const uint8_t *bp, int len)
{
	const uint8_t *e;
	int cur = len;

	if (skip_cr_lf(nd, &bp, &cur))
		return -1;
	for (e = bp;; e++, cur--) {
		if (cur < 1)
			return -1;
		if (g1(nd, e) == '\r' || *e == '\n')
			break;
	}
	if (segment(nd, bp, (int)(e - bp)) || skip_cr_lf(nd, &e, &cur))
		return -1;
	return len - cur;
}

static int parse(struct nd *nd, const uint8_t *bp, int len, int depth)
{
	if (len < 1 || depth > RESP_MAX_DEPTH)
		return -1;
	switch (g1(nd, bp)) {
	case '+':
	case ':':
	case '-':
		return line_item(nd, bp, len);
	case '$':
		return bulk_string(nd, bp, len);
	case '*':
		return array(nd, bp, len, depth);
	default:
		return inline_cmd(nd, bp, len);
	}
}

void resp_print(struct nd *nd, const uint8_t *bp, uint32_t length)
{
	int r;

	nd->proto = "resp";
	P(": RESP");
	while (length > 0) {
		r = parse(nd, bp, (int)length, 0);
		if (r < 0) {
			nd_trunc(nd);
			return;
		}
		bp += r;
		length -= (uint32_t)r;
	}
}
