/*
 * libFuzzer harness: containerd protobuf decoding (src/meta/containerd.c)
 * and the gRPC message framing (h2g_frame_split).
 *
 * Byte 0 selects the decoder (b % 5): 0 Subscribe Envelope
 * (cm_ctrd_decode_event), 1 GetContainerResponse, 2 ListContainersResponse
 * (cm_ctrd_decode_containers), 3 ListTasksResponse (cm_ctrd_decode_tasks),
 * 4 gRPC length-prefixed frames, each decoded as an Envelope.  The rest is
 * the message, copied to an exact-size heap buffer.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "meta/cmeta_int.h"
#include "meta/h2grpc.h"

static void on_ct(const char *id, const char *image, struct cm_labels *l, void *arg)
{
	char *j;

	(void)arg;
	if (!id || !image || strlen(id) > 64)
		abort();
	(void)strlen(image);
	for (size_t i = 0; i < l->n; i++) {
		(void)strlen(l->kv[i].k);
		(void)strlen(l->kv[i].v);
		if (i && strcmp(l->kv[i - 1].k, l->kv[i].k) >= 0)
			abort();	/* documented: sorted, keys unique */
	}
	j = cm_labels_json(l, NULL, NULL);
	free(j);
}

static void on_task(const char *id, uint32_t pid, int running, void *arg)
{
	(void)arg;
	(void)pid;
	(void)running;
	if (!id)
		abort();
	(void)strlen(id);
}

static void decode_event(const uint8_t *m, size_t n)
{
	struct cm_ctrd_event ev;
	int rc;

	memset(&ev, 0, sizeof(ev));
	rc = cm_ctrd_decode_event(m, n, &ev);
	if (rc != 0 && rc != -EINVAL)
		abort();
	if (rc == 0 && ev.type != CM_EV_NONE) {
		if (memchr(ev.ns, 0, sizeof(ev.ns)) == NULL ||
		    memchr(ev.id, 0, sizeof(ev.id)) == NULL)
			abort();
		if (ev.image)
			(void)strlen(ev.image);
		free(cm_labels_json(&ev.labels, NULL, NULL));
	}
	cm_ctrd_event_free(&ev);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *m;
	size_t n;

	if (size < 1)
		return 0;
	n = size - 1;
	m = malloc(n ? n : 1);
	if (!m)
		abort();
	memcpy(m, data + 1, n);
	switch (data[0] % 5) {
	case 0:
		decode_event(m, n);
		break;
	case 1:
	case 2:
		cm_ctrd_decode_containers(m, n, data[0] % 5 == 2, on_ct, NULL);
		break;
	case 3:
		cm_ctrd_decode_tasks(m, n, on_task, NULL);
		break;
	case 4: {
		size_t off = 0;
		for (int i = 0; i < 16 && off < n; i++) {
			const uint8_t *msg;
			size_t len;
			long used = h2g_frame_split(m + off, n - off, &msg, &len);
			if (used <= 0)
				break;
			if ((size_t)used > n - off || msg < m + off ||
			    len > (size_t)(m + n - msg))
				abort();
			decode_event(msg, len);
			off += (size_t)used;
		}
		break;
	}
	}
	free(m);
	return 0;
}
