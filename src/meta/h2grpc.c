/* Minimal gRPC client: HTTP/2 with prior knowledge over a unix socket. */
#include "meta/h2grpc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <nghttp2/nghttp2.h>

struct h2g_stream {
	int32_t id;
	uint8_t *body;		/* request: 5-byte prefix + message */
	size_t body_len, body_off;
	uint8_t *in;		/* response DATA not yet split into messages */
	size_t in_len, in_cap;
	int closed;
	uint32_t h2_error;
	int http_status;
	int grpc_status;	/* -1 until known */
	int overflow;
	struct h2g_stream *next;
};

struct h2g_conn {
	int fd;
	int dead;
	nghttp2_session *sess;
	struct h2g_stream *streams;
};

static struct h2g_stream *find_stream(struct h2g_conn *c, int32_t id)
{
	for (struct h2g_stream *s = c->streams; s; s = s->next)
		if (s->id == id)
			return s;
	return NULL;
}

static void free_stream(struct h2g_conn *c, struct h2g_stream *s)
{
	for (struct h2g_stream **pp = &c->streams; *pp; pp = &(*pp)->next) {
		if (*pp == s) {
			*pp = s->next;
			break;
		}
	}
	free(s->body);
	free(s->in);
	free(s);
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

long h2g_frame_split(const uint8_t *buf, size_t n, const uint8_t **msg, size_t *len)
{
	if (n < 5)
		return 0;
	if (buf[0] != 0)	/* compressed: we never ask for compression */
		return -EPROTO;
	uint32_t l = (uint32_t)buf[1] << 24 | (uint32_t)buf[2] << 16 |
		     (uint32_t)buf[3] << 8 | buf[4];
	if (l > H2G_MAX_MSG)
		return -EMSGSIZE;
	if (n - 5 < l)
		return 0;
	*msg = buf + 5;
	*len = l;
	return 5 + (long)l;
}

/* ---- nghttp2 callbacks ---- */

static ssize_t cb_send(nghttp2_session *sess, const uint8_t *data, size_t len,
		       int flags, void *ud)
{
	struct h2g_conn *c = ud;
	(void)sess;
	(void)flags;
	ssize_t n = send(c->fd, data, len, MSG_NOSIGNAL);
	if (n < 0) {
		if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
			return NGHTTP2_ERR_WOULDBLOCK;
		c->dead = 1;
		return NGHTTP2_ERR_CALLBACK_FAILURE;
	}
	return n;
}

static int cb_header(nghttp2_session *sess, const nghttp2_frame *frame,
		     const uint8_t *name, size_t namelen, const uint8_t *value,
		     size_t valuelen, uint8_t flags, void *ud)
{
	struct h2g_conn *c = ud;
	(void)sess;
	(void)flags;
	if (frame->hd.type != NGHTTP2_HEADERS)
		return 0;
	struct h2g_stream *s = find_stream(c, frame->hd.stream_id);
	if (!s)
		return 0;
	char v[16];
	size_t vl = valuelen < sizeof(v) - 1 ? valuelen : sizeof(v) - 1;
	memcpy(v, value, vl);
	v[vl] = '\0';
	if (namelen == 7 && !memcmp(name, ":status", 7))
		s->http_status = atoi(v);
	else if (namelen == 11 && !memcmp(name, "grpc-status", 11))
		s->grpc_status = atoi(v);
	return 0;
}

static int cb_data(nghttp2_session *sess, uint8_t flags, int32_t sid,
		   const uint8_t *data, size_t len, void *ud)
{
	struct h2g_conn *c = ud;
	(void)sess;
	(void)flags;
	struct h2g_stream *s = find_stream(c, sid);
	if (!s || s->overflow)
		return 0;
	if (s->in_len + len > H2G_MAX_MSG + 5) {
		s->overflow = 1;
		return 0;
	}
	if (s->in_len + len > s->in_cap) {
		size_t nc = s->in_cap ? s->in_cap : 4096;
		while (nc < s->in_len + len)
			nc *= 2;
		uint8_t *nb = realloc(s->in, nc);
		if (!nb) {
			s->overflow = 1;
			return 0;
		}
		s->in = nb;
		s->in_cap = nc;
	}
	memcpy(s->in + s->in_len, data, len);
	s->in_len += len;
	return 0;
}

static int cb_close(nghttp2_session *sess, int32_t sid, uint32_t err, void *ud)
{
	struct h2g_conn *c = ud;
	(void)sess;
	struct h2g_stream *s = find_stream(c, sid);
	if (s) {
		s->closed = 1;
		s->h2_error = err;
	}
	return 0;
}

static ssize_t cb_read_body(nghttp2_session *sess, int32_t sid, uint8_t *buf,
			    size_t len, uint32_t *flags, nghttp2_data_source *src,
			    void *ud)
{
	struct h2g_conn *c = ud;
	(void)sess;
	(void)src;
	struct h2g_stream *s = find_stream(c, sid);
	if (!s) {
		*flags |= NGHTTP2_DATA_FLAG_EOF;
		return 0;
	}
	size_t left = s->body_len - s->body_off;
	size_t n = left < len ? left : len;
	memcpy(buf, s->body + s->body_off, n);
	s->body_off += n;
	if (s->body_off == s->body_len)
		*flags |= NGHTTP2_DATA_FLAG_EOF;
	return (ssize_t)n;
}

/* ---- connection ---- */

int h2g_connect(const char *addr, struct h2g_conn **out, char *err, size_t errlen)
{
	struct h2g_conn *c = NULL;
	nghttp2_session_callbacks *cbs = NULL;
	int fd = -1, rc;
	struct sockaddr_un sa = { .sun_family = AF_UNIX };

	*out = NULL;
	if (!strncmp(addr, "unix://", 7))
		addr += 7;
	if (strlen(addr) >= sizeof(sa.sun_path)) {
		snprintf(err, errlen, "socket path too long");
		return -ENAMETOOLONG;
	}
	strcpy(sa.sun_path, addr);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		rc = -errno;
		snprintf(err, errlen, "socket: %s", strerror(errno));
		goto fail;
	}
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		rc = -errno;
		snprintf(err, errlen, "%s", strerror(errno));
		goto fail;
	}
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0) {
		rc = -errno;
		snprintf(err, errlen, "fcntl: %s", strerror(errno));
		goto fail;
	}
	c = calloc(1, sizeof(*c));
	if (!c) {
		rc = -ENOMEM;
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	c->fd = fd;
	if (nghttp2_session_callbacks_new(&cbs)) {
		rc = -ENOMEM;
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	nghttp2_session_callbacks_set_send_callback(cbs, cb_send);
	nghttp2_session_callbacks_set_on_header_callback(cbs, cb_header);
	nghttp2_session_callbacks_set_on_data_chunk_recv_callback(cbs, cb_data);
	nghttp2_session_callbacks_set_on_stream_close_callback(cbs, cb_close);
	if (nghttp2_session_client_new(&c->sess, cbs, c)) {
		rc = -ENOMEM;
		snprintf(err, errlen, "nghttp2 session");
		goto fail;
	}
	nghttp2_settings_entry iv[] = {
		{ NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, 100 },
		{ NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, 1 << 20 },
	};
	if (nghttp2_submit_settings(c->sess, NGHTTP2_FLAG_NONE, iv, 2) ||
	    nghttp2_session_set_local_window_size(c->sess, NGHTTP2_FLAG_NONE, 0, 4 << 20)) {
		rc = -EPROTO;
		snprintf(err, errlen, "nghttp2 settings");
		goto fail;
	}
	nghttp2_session_callbacks_del(cbs);
	*out = c;
	return 0;
fail:
	if (cbs)
		nghttp2_session_callbacks_del(cbs);
	if (c) {
		if (c->sess)
			nghttp2_session_del(c->sess);
		free(c);
	}
	if (fd >= 0)
		close(fd);
	return rc;
}

void h2g_close(struct h2g_conn *c)
{
	if (!c)
		return;
	while (c->streams)
		free_stream(c, c->streams);
	nghttp2_session_del(c->sess);
	close(c->fd);
	free(c);
}

int h2g_fd(const struct h2g_conn *c)
{
	return c->fd;
}

int h2g_pump(struct h2g_conn *c, int timeout_ms)
{
	uint8_t buf[16384];

	if (c->dead)
		return -EPIPE;
	if (nghttp2_session_send(c->sess) != 0 || c->dead)
		goto dead;
	struct pollfd p = { .fd = c->fd, .events = POLLIN };
	if (nghttp2_session_want_write(c->sess))
		p.events |= POLLOUT;
	int r = poll(&p, 1, timeout_ms);
	if (r < 0 && errno != EINTR)
		goto dead;
	if (r > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR))) {
		for (;;) {
			ssize_t n = recv(c->fd, buf, sizeof(buf), 0);
			if (n < 0) {
				if (errno == EAGAIN || errno == EWOULDBLOCK)
					break;
				if (errno == EINTR)
					continue;
				goto dead;
			}
			if (n == 0)
				goto dead;
			if (nghttp2_session_mem_recv(c->sess, buf, (size_t)n) < 0)
				goto dead;
			if ((size_t)n < sizeof(buf))
				break;
		}
	}
	if (nghttp2_session_send(c->sess) != 0 || c->dead)
		goto dead;
	return 0;
dead:
	c->dead = 1;
	/* wake every waiter: all streams are over */
	for (struct h2g_stream *s = c->streams; s; s = s->next)
		if (!s->closed) {
			s->closed = 1;
			s->h2_error = NGHTTP2_CONNECT_ERROR;
		}
	return -EPIPE;
}

static int submit(struct h2g_conn *c, const char *path, const char *ns,
		  const ProtobufCMessage *req, struct h2g_stream **out)
{
	struct h2g_stream *s;
	size_t n = protobuf_c_message_get_packed_size(req);

	if (c->dead)
		return -EPIPE;
	s = calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	s->grpc_status = -1;
	s->body = malloc(n + 5);
	if (!s->body) {
		free(s);
		return -ENOMEM;
	}
	s->body[0] = 0;
	s->body[1] = (uint8_t)(n >> 24);
	s->body[2] = (uint8_t)(n >> 16);
	s->body[3] = (uint8_t)(n >> 8);
	s->body[4] = (uint8_t)n;
	protobuf_c_message_pack(req, s->body + 5);
	s->body_len = n + 5;

#define HDR(k, v) { (uint8_t *)(k), (uint8_t *)(v), sizeof(k) - 1, strlen(v), NGHTTP2_NV_FLAG_NONE }
	nghttp2_nv hdrs[] = {
		HDR(":method", "POST"),
		HDR(":scheme", "http"),
		HDR(":path", path),
		HDR(":authority", "localhost"),
		HDR("content-type", "application/grpc"),
		HDR("te", "trailers"),
		HDR("user-agent", "ptcpdump"),
		HDR("containerd-namespace", ns ? ns : ""),
	};
#undef HDR
	size_t nh = sizeof(hdrs) / sizeof(hdrs[0]);
	if (!ns || !*ns)
		nh--;
	nghttp2_data_provider dp = { .source.ptr = NULL, .read_callback = cb_read_body };
	int32_t id = nghttp2_submit_request(c->sess, NULL, hdrs, nh, &dp, NULL);
	if (id < 0) {
		free(s->body);
		free(s);
		return -EPROTO;
	}
	s->id = id;
	s->next = c->streams;
	c->streams = s;
	*out = s;
	return 0;
}

static int stream_error(const struct h2g_stream *s)
{
	if (s->grpc_status > 0)
		return H2G_GRPC_ERR(s->grpc_status);
	if (s->h2_error == NGHTTP2_CONNECT_ERROR)
		return -ECONNRESET;
	if (s->h2_error || (s->http_status && s->http_status != 200) || s->overflow)
		return -EPROTO;
	return 0;
}

int h2g_unary(struct h2g_conn *c, const char *path, const char *ns,
	      const ProtobufCMessage *req, uint8_t **resp, size_t *resp_len,
	      int timeout_ms)
{
	struct h2g_stream *s = NULL;
	long deadline = now_ms() + timeout_ms;
	int rc;

	*resp = NULL;
	*resp_len = 0;
	rc = submit(c, path, ns, req, &s);
	if (rc)
		return rc;
	while (!s->closed) {
		long left = deadline - now_ms();
		if (left <= 0) {
			nghttp2_submit_rst_stream(c->sess, NGHTTP2_FLAG_NONE, s->id,
						  NGHTTP2_CANCEL);
			nghttp2_session_send(c->sess);
			rc = -ETIMEDOUT;
			goto out;
		}
		rc = h2g_pump(c, (int)left);
		if (rc && !s->closed)
			goto out;
	}
	rc = stream_error(s);
	if (rc)
		goto out;
	if (s->grpc_status != 0) {	/* no trailers: broken response */
		rc = -EPROTO;
		goto out;
	}
	const uint8_t *m;
	size_t ml;
	long used = h2g_frame_split(s->in, s->in_len, &m, &ml);
	if (used <= 0) {
		rc = s->in_len == 0 ? 0 : -EPROTO;	/* empty body: empty message */
		goto out;
	}
	if (ml) {
		*resp = malloc(ml);
		if (!*resp) {
			rc = -ENOMEM;
			goto out;
		}
		memcpy(*resp, m, ml);
	}
	*resp_len = ml;
	rc = 0;
out:
	free_stream(c, s);
	return rc;
}

int h2g_stream_open(struct h2g_conn *c, const char *path, const char *ns,
		    const ProtobufCMessage *req)
{
	struct h2g_stream *s;
	int rc = submit(c, path, ns, req, &s);
	if (rc)
		return rc;
	if (nghttp2_session_send(c->sess) != 0) {
		c->dead = 1;
		return -EPIPE;
	}
	return s->id;
}

int h2g_stream_next(struct h2g_conn *c, int32_t sid, uint8_t **msg, size_t *len)
{
	struct h2g_stream *s = find_stream(c, sid);
	const uint8_t *m;
	size_t ml;

	*msg = NULL;
	*len = 0;
	if (!s)
		return -ENOENT;
	long used = h2g_frame_split(s->in, s->in_len, &m, &ml);
	if (used < 0)
		return (int)used;
	if (used == 0) {
		if (!s->closed)
			return 0;
		int rc = stream_error(s);
		free_stream(c, s);
		return rc ? rc : -ENODATA;
	}
	*msg = malloc(ml ? ml : 1);
	if (!*msg)
		return -ENOMEM;
	memcpy(*msg, m, ml);
	*len = ml;
	memmove(s->in, s->in + used, s->in_len - (size_t)used);
	s->in_len -= (size_t)used;
	return 1;
}
