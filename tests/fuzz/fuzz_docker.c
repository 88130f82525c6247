/*
 * libFuzzer harness: Docker Engine API decoding (src/meta/docker.c).
 *
 * Byte 0 selects (b % 4): 0 /containers/ID/json (cm_docker_parse_inspect),
 * 1 /containers/json (cm_docker_parse_list), 2 one /events line
 * (cm_docker_parse_event), 3 HTTP/1.1 chunked body (cm_dechunk_feed, fed
 * in pieces whose sizes come from byte 1).  The rest is the body, copied to
 * an exact-size heap buffer without a terminating NUL.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "meta/cmeta_int.h"

static void check_rec(const struct cm_docker_rec *r)
{
	if (!memchr(r->id, 0, sizeof(r->id)))
		abort();
	if (r->name)
		(void)strlen(r->name);
	if (r->image)
		(void)strlen(r->image);
	for (size_t i = 0; i < r->labels.n; i++) {
		(void)strlen(r->labels.kv[i].k);
		(void)strlen(r->labels.kv[i].v);
		if (i && strcmp(r->labels.kv[i - 1].k, r->labels.kv[i].k) >= 0)
			abort();	/* documented: sorted, keys unique */
	}
	free(cm_labels_json(&r->labels, NULL, NULL));
}

static void on_listed(struct cm_docker_rec *r, void *arg)
{
	(void)arg;
	check_rec(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cm_docker_rec r;
	char action[32];
	char *in;
	size_t n;
	int rc;

	if (size < 2)
		return 0;
	n = size - 2;
	in = malloc(n ? n : 1);
	if (!in)
		abort();
	memcpy(in, data + 2, n);
	switch (data[0] % 4) {
	case 0:
		memset(&r, 0, sizeof(r));
		rc = cm_docker_parse_inspect(in, n, &r);
		if (rc == 0) {
			check_rec(&r);
			cm_docker_rec_free(&r);
		}
		break;
	case 1:
		cm_docker_parse_list(in, n, on_listed, NULL);
		break;
	case 2:
		memset(&r, 0, sizeof(r));
		memset(action, 0x55, sizeof(action));
		rc = cm_docker_parse_event(in, n, action, sizeof(action), &r);
		if (rc == 0) {
			if (!memchr(action, 0, sizeof(action)))
				abort();
			check_rec(&r);
			cm_docker_rec_free(&r);
		} else if (rc != -EINVAL) {
			abort();
		}
		break;
	case 3: {
		struct cm_dechunk d = { 0 };
		char *out = malloc(n ? n : 1);	/* the documented room: n bytes */
		size_t olen = 0, off = 0, step = (data[1] & 0x3f) + 1;

		if (!out)
			abort();
		rc = 0;
		while (off < n && rc == 0) {
			size_t k = n - off < step ? n - off : step;
			rc = cm_dechunk_feed(&d, in + off, k, out, &olen);
			off += k;
			if (olen > off)
				abort();	/* more out than in */
		}
		if (rc != 0 && rc != 1 && rc != -EPROTO)
			abort();
		free(out);
		break;
	}
	}
	free(in);
	return 0;
}
