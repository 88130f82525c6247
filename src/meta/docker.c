/* Docker Engine API source: HTTP/1.1 over the unix socket, JSON via json-c.
 * GET /containers/json?all=1, /containers/ID/json and the /events stream. */
#include "meta/cmeta_int.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <json-c/json.h>

#define HTTP_TIMEOUT_MS 1500
#define HTTP_MAX_BODY (64u << 20)
#define EVENTS_PATH "/events?filters=%7B%22type%22%3A%5B%22container%22%5D%7D"

/* ---- JSON decoders ---- */

void cm_docker_rec_free(struct cm_docker_rec *r)
{
	free(r->name);
	free(r->image);
	cm_labels_free(&r->labels);
	memset(r, 0, sizeof(*r));
}

static const char *jstr(json_object *o, const char *key)
{
	json_object *v;
	if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

static json_object *jobj(json_object *o, const char *key)
{
	json_object *v;
	if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_object))
		return NULL;
	return v;
}

static int labels_from(json_object *o, struct cm_labels *l, const char *const *skip_keys)
{
	if (!o)
		return 0;
	json_object_object_foreach(o, k, v) {
		int skip = 0;
		for (const char *const *s = skip_keys; s && *s; s++)
			if (!strcmp(*s, k))
				skip = 1;
		if (skip || !json_object_is_type(v, json_type_string))
			continue;
		if (cm_labels_set(l, k, json_object_get_string(v)))
			return -ENOMEM;
	}
	return 0;
}

static int fill_rec(struct cm_docker_rec *r, const char *id, const char *name,
		    const char *image)
{
	if (!id || !*id || strlen(id) > 64)
		return -EINVAL;
	strcpy(r->id, id);
	if (name && !(r->name = strdup(name[0] == '/' ? name + 1 : name)))
		return -ENOMEM;
	if (image && !(r->image = strdup(image)))
		return -ENOMEM;
	return 0;
}

static json_object *parse(const char *json, size_t len)
{
	json_tokener *t = json_tokener_new();
	json_object *o;
	if (!t)
		return NULL;
	o = json_tokener_parse_ex(t, json, (int)len);
	json_tokener_free(t);
	return o;
}

int cm_docker_parse_inspect(const char *json, size_t len, struct cm_docker_rec *out)
{
	json_object *o = parse(json, len), *cfg, *state, *pid;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!o || !json_object_is_type(o, json_type_object)) {
		rc = -EINVAL;
		goto out;
	}
	cfg = jobj(o, "Config");
	rc = fill_rec(out, jstr(o, "Id"), jstr(o, "Name"), jstr(cfg, "Image"));
	if (!rc)
		rc = labels_from(jobj(cfg, "Labels"), &out->labels, NULL);
	state = jobj(o, "State");
	if (!rc && state && json_object_object_get_ex(state, "Pid", &pid) &&
	    json_object_is_type(pid, json_type_int)) {
		int64_t p = json_object_get_int64(pid);
		json_object *running;
		if (p > 0 && p <= UINT32_MAX &&
		    json_object_object_get_ex(state, "Running", &running) &&
		    json_object_get_boolean(running))
			out->pid = (uint32_t)p;
	}
out:
	if (rc)
		cm_docker_rec_free(out);
	json_object_put(o);
	return rc;
}

int cm_docker_parse_list(const char *json, size_t len,
			 void (*fn)(struct cm_docker_rec *r, void *arg), void *arg)
{
	json_object *o = parse(json, len);
	int rc = 0;

	if (!o || !json_object_is_type(o, json_type_array)) {
		rc = -EINVAL;
		goto out;
	}
	for (size_t i = 0; i < json_object_array_length(o); i++) {
		json_object *c = json_object_array_get_idx(o, i), *names;
		struct cm_docker_rec r = { .pid = 0 };
		const char *name = NULL;
		if (!json_object_is_type(c, json_type_object))
			continue;
		if (json_object_object_get_ex(c, "Names", &names) &&
		    json_object_is_type(names, json_type_array) &&
		    json_object_array_length(names) > 0)
			name = json_object_get_string(json_object_array_get_idx(names, 0));
		if (fill_rec(&r, jstr(c, "Id"), name, jstr(c, "Image")) ||
		    labels_from(jobj(c, "Labels"), &r.labels, NULL)) {
			cm_docker_rec_free(&r);
			continue;
		}
		/* pid 1 marks "running, pid unknown" for the caller */
		const char *st = jstr(c, "State");
		r.pid = st && !strcmp(st, "running") ? 1 : 0;
		fn(&r, arg);
		cm_docker_rec_free(&r);
	}
out:
	json_object_put(o);
	return rc;
}

int cm_docker_parse_event(const char *json, size_t len, char *action, size_t action_len,
			  struct cm_docker_rec *out)
{
	json_object *o = parse(json, len), *actor, *attrs;
	const char *type, *act, *id;
	int rc = -EINVAL;

	memset(out, 0, sizeof(*out));
	if (!o || !json_object_is_type(o, json_type_object))
		goto out;
	type = jstr(o, "Type");
	if (type && strcmp(type, "container"))
		goto out;
	act = jstr(o, "Action");
	if (!act)
		act = jstr(o, "status");
	actor = jobj(o, "Actor");
	attrs = jobj(actor, "Attributes");
	id = jstr(actor, "ID");
	if (!id)
		id = jstr(o, "id");
	if (!act)
		goto out;
	rc = fill_rec(out, id, jstr(attrs, "name"), jstr(attrs, "image"));
	if (rc)
		goto out;
	snprintf(action, action_len, "%s", act);
out:
	if (rc)
		cm_docker_rec_free(out);
	json_object_put(o);
	return rc;
}

/* ---- HTTP ---- */

enum { DC_SIZE, DC_EXT, DC_SIZE_LF, DC_DATA, DC_DATA_CR, DC_DATA_LF, DC_DONE };

int cm_dechunk_feed(struct cm_dechunk *d, const char *in, size_t n, char *out,
		    size_t *outlen)
{
	size_t o = *outlen;
	for (size_t i = 0; i < n; i++) {
		char ch = in[i];
		switch (d->state) {
		case DC_SIZE:
		case DC_EXT: {
			int v = -1;
			if (ch >= '0' && ch <= '9')
				v = ch - '0';
			else if (ch >= 'a' && ch <= 'f')
				v = ch - 'a' + 10;
			else if (ch >= 'A' && ch <= 'F')
				v = ch - 'A' + 10;
			if (d->state == DC_SIZE && v >= 0) {
				if (d->left > (SIZE_MAX >> 8) || ++d->ndig > 15)
					return -EPROTO;
				d->left = d->left * 16 + (size_t)v;
			} else if (ch == '\r') {
				d->state = DC_SIZE_LF;
			} else if (ch == '\n') {
				goto size_done;
			} else if (d->ndig && (ch == ';' || ch == ' ' || ch == '\t' ||
					       d->state == DC_EXT)) {
				d->state = DC_EXT;
			} else {
				return -EPROTO;
			}
			break;
		}
		case DC_SIZE_LF:
			if (ch != '\n')
				return -EPROTO;
size_done:
			if (!d->ndig)
				return -EPROTO;
			d->ndig = 0;
			if (d->left == 0) {
				d->state = DC_DONE;
				*outlen = o;
				return 1;
			}
			d->state = DC_DATA;
			break;
		case DC_DATA: {
			size_t take = n - i < d->left ? n - i : d->left;
			memcpy(out + o, in + i, take);
			o += take;
			d->left -= take;
			i += take - 1;
			if (!d->left)
				d->state = DC_DATA_CR;
			break;
		}
		case DC_DATA_CR:
			if (ch == '\n') {
				d->state = DC_SIZE;
				break;
			}
			if (ch != '\r')
				return -EPROTO;
			d->state = DC_DATA_LF;
			break;
		case DC_DATA_LF:
			if (ch != '\n')
				return -EPROTO;
			d->state = DC_SIZE;
			break;
		case DC_DONE:
			*outlen = o;
			return 1;
		}
	}
	*outlen = o;
	return 0;
}

struct http {
	int fd;
	int status;
	int chunked;
	long clen;		/* -1 unknown */
	struct cm_dechunk dc;
	char *buf;		/* decoded body */
	size_t len, cap;
	char *raw;		/* bytes before the header end */
	size_t rlen;
	int hdr_done, eof, body_done;
};

static int http_open(const char *addr, const char *path, struct http *h, char *err,
		     size_t errlen)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char req[512];
	int n;

	memset(h, 0, sizeof(*h));
	h->clen = -1;
	h->fd = -1;
	if (!strncmp(addr, "unix://", 7))
		addr += 7;
	if (strlen(addr) >= sizeof(sa.sun_path)) {
		snprintf(err, errlen, "socket path too long");
		return -ENAMETOOLONG;
	}
	strcpy(sa.sun_path, addr);
	h->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (h->fd < 0 || connect(h->fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		int e = errno;
		snprintf(err, errlen, "%s", strerror(e));
		return -e;
	}
	n = snprintf(req, sizeof(req),
		     "GET %s HTTP/1.1\r\nHost: docker\r\nUser-Agent: ptcpdump\r\n"
		     "Connection: close\r\n\r\n", path);
	if (n >= (int)sizeof(req) || send(h->fd, req, (size_t)n, MSG_NOSIGNAL) != n) {
		snprintf(err, errlen, "send: %s", strerror(errno));
		return -EIO;
	}
	fcntl(h->fd, F_SETFL, fcntl(h->fd, F_GETFL) | O_NONBLOCK);
	return 0;
}

static void http_close(struct http *h)
{
	if (h->fd >= 0)
		close(h->fd);
	free(h->buf);
	free(h->raw);
	memset(h, 0, sizeof(*h));
	h->fd = -1;
}

static int grow(char **b, size_t *cap, size_t need)
{
	if (need <= *cap)
		return 0;
	if (need > HTTP_MAX_BODY)
		return -EMSGSIZE;
	size_t nc = *cap ? *cap : 8192;
	while (nc < need)
		nc *= 2;
	char *nb = realloc(*b, nc);
	if (!nb)
		return -ENOMEM;
	*b = nb;
	*cap = nc;
	return 0;
}

static int body_feed(struct http *h, const char *in, size_t n)
{
	int rc = grow(&h->buf, &h->cap, h->len + n + 1);
	if (rc)
		return rc;
	if (h->chunked) {
		rc = cm_dechunk_feed(&h->dc, in, n, h->buf, &h->len);
		if (rc < 0)
			return rc;
		if (rc == 1)
			h->body_done = 1;
	} else {
		memcpy(h->buf + h->len, in, n);
		h->len += n;
		if (h->clen >= 0 && h->len >= (size_t)h->clen)
			h->body_done = 1;
	}
	h->buf[h->len] = '\0';
	return 0;
}

static int parse_headers(struct http *h)
{
	char *end = memmem(h->raw, h->rlen, "\r\n\r\n", 4);
	if (!end)
		return h->rlen > 65536 ? -EPROTO : 0;
	*end = '\0';
	if (sscanf(h->raw, "HTTP/1.%*c %d", &h->status) != 1)
		return -EPROTO;
	for (char *l = strstr(h->raw, "\r\n"); l; l = strstr(l, "\r\n")) {
		l += 2;
		if (!strncasecmp(l, "Transfer-Encoding:", 18) && strcasestr(l, "chunked"))
			h->chunked = 1;
		else if (!strncasecmp(l, "Content-Length:", 15))
			h->clen = atol(l + 15);
	}
	h->hdr_done = 1;
	size_t hl = (size_t)(end + 4 - h->raw);
	if (h->clen == 0)
		h->body_done = 1;
	return body_feed(h, end + 4, h->rlen - hl);
}

/* Reads what is available; returns 0, or < 0 on error. */
static int http_read(struct http *h)
{
	char tmp[16384];
	for (;;) {
		ssize_t n = recv(h->fd, tmp, sizeof(tmp), 0);
		if (n < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return 0;
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0) {
			h->eof = 1;
			return 0;
		}
		int rc;
		if (h->hdr_done) {
			rc = body_feed(h, tmp, (size_t)n);
		} else {
			char *nr = realloc(h->raw, h->rlen + (size_t)n + 1);
			if (!nr)
				return -ENOMEM;
			h->raw = nr;
			memcpy(h->raw + h->rlen, tmp, (size_t)n);
			h->rlen += (size_t)n;
			h->raw[h->rlen] = '\0';
			rc = parse_headers(h);
		}
		if (rc)
			return rc;
	}
}

/* Waits until the headers (and, if whole, the body) arrived. */
static int http_wait(struct http *h, int whole, int timeout_ms)
{
	long end = cm_now_ms() + timeout_ms;
	for (;;) {
		int rc = http_read(h);
		if (rc)
			return rc;
		if (h->hdr_done && (!whole || h->body_done || h->eof))
			return 0;
		if (h->eof)
			return -EPROTO;
		long left = end - cm_now_ms();
		if (left <= 0)
			return -ETIMEDOUT;
		struct pollfd p = { .fd = h->fd, .events = POLLIN };
		if (poll(&p, 1, (int)left) < 0 && errno != EINTR)
			return -errno;
	}
}

static int http_get(const char *addr, const char *path, struct http *h)
{
	char err[128];
	int rc = http_open(addr, path, h, err, sizeof(err));
	if (!rc)
		rc = http_wait(h, 1, HTTP_TIMEOUT_MS);
	return rc;
}

/* ---- table updates ---- */

static unsigned cur_gen(struct cmeta *c)
{
	pthread_mutex_lock(&c->mu);
	unsigned g = c->docker.gen;
	pthread_mutex_unlock(&c->mu);
	return g;
}

static int inspect_put(struct cmeta *c, const char *addr, const char *id, unsigned gen)
{
	struct http h;
	struct cm_docker_rec r = { .pid = 0 };
	char path[128];
	int rc;

	snprintf(path, sizeof(path), "/containers/%s/json", id);
	rc = http_get(addr, path, &h);
	if (!rc && h.status != 200)
		rc = h.status == 404 ? -ENOENT : -EPROTO;
	if (!rc)
		rc = cm_docker_parse_inspect(h.buf ? h.buf : "", h.len, &r);
	if (!rc)
		cm_docker_put(c, r.id, r.name, r.image, &r.labels, r.pid, gen);
	cm_docker_rec_free(&r);
	http_close(&h);
	return rc;
}

int cm_docker_inspect_put(struct cmeta *c, const char *id)
{
	if (!c->docker.addr)
		return -ENOENT;
	return inspect_put(c, c->docker.addr, id, cur_gen(c));
}

struct list_ctx {
	struct cmeta *c;
	unsigned gen;
	char (*running)[65];
	size_t n_running;
};

static void on_listed(struct cm_docker_rec *r, void *arg)
{
	struct list_ctx *l = arg;
	cm_docker_put(l->c, r->id, r->name, r->image, &r->labels, 0, l->gen);
	if (r->pid) {
		char (*n)[65] = realloc(l->running, (l->n_running + 1) * sizeof(*n));
		if (n) {
			l->running = n;
			strcpy(l->running[l->n_running++], r->id);
		}
	}
}

static void handle_event(struct cmeta *c, const char *line, size_t len, unsigned gen)
{
	struct cm_docker_rec r;
	char action[64];

	if (cm_docker_parse_event(line, len, action, sizeof(action), &r))
		return;
	if (!strcmp(action, "create")) {
		/* name and image right away, then labels and pid */
		cm_docker_put(c, r.id, r.name, r.image, NULL, 0, gen);
		inspect_put(c, c->docker.addr, r.id, gen);
	} else if (!strcmp(action, "start") || !strcmp(action, "rename") ||
		   !strcmp(action, "update")) {
		if (inspect_put(c, c->docker.addr, r.id, gen) && r.name)
			cm_docker_put(c, r.id, r.name, r.image, NULL, 0, gen);
	} else if (!strcmp(action, "destroy")) {
		cm_delete(c, r.id, 1);
	}
	cm_docker_rec_free(&r);
}

static int stopping(struct cmeta *c)
{
	pthread_mutex_lock(&c->mu);
	int s = c->stop;
	pthread_mutex_unlock(&c->mu);
	return s;
}

static int session(struct cmeta *c, struct http *ev, char *err, size_t errlen)
{
	struct cm_source *s = &c->docker;
	struct http h = { .fd = -1 };
	struct list_ctx lc = { .c = c };
	int rc;

	rc = http_open(s->addr, EVENTS_PATH, ev, err, errlen);
	if (rc)
		goto out;
	rc = http_wait(ev, 0, HTTP_TIMEOUT_MS);
	if (!rc && ev->status != 200)
		rc = -EPROTO;
	if (rc) {
		snprintf(err, errlen, "events: %s", rc == -EPROTO ? "bad response" : strerror(-rc));
		goto out;
	}
	pthread_mutex_lock(&c->mu);
	lc.gen = ++s->gen;
	pthread_mutex_unlock(&c->mu);
	rc = http_get(s->addr, "/containers/json?all=1", &h);
	if (!rc && h.status != 200)
		rc = -EPROTO;
	if (!rc)
		rc = cm_docker_parse_list(h.buf ? h.buf : "", h.len, on_listed, &lc);
	if (rc) {
		snprintf(err, errlen, "list: %s", strerror(-rc));
		goto out;
	}
	/* pids of running containers, for when containerd is not there */
	for (size_t i = 0; i < lc.n_running && !cm_has(c, lc.running[i], 0); i++)
		inspect_put(c, s->addr, lc.running[i], lc.gen);
	cm_sweep(c, 1, lc.gen);
	cm_mark_initial(c, s, 1);

	size_t off = 0;	/* start of the unparsed line in ev->buf */
	while (!stopping(c)) {
		struct pollfd p[2] = { { .fd = ev->fd, .events = POLLIN },
				       { .fd = s->evfd, .events = POLLIN } };
		if (poll(p, 2, 1000) > 0 && (p[1].revents & POLLIN)) {
			uint64_t v;
			if (read(s->evfd, &v, sizeof(v)) < 0) {
				/* spurious */
			}
		}
		rc = http_read(ev);
		for (char *nl; (nl = memchr(ev->buf + off, '\n', ev->len - off));) {
			handle_event(c, ev->buf + off, (size_t)(nl - ev->buf - off), lc.gen);
			off = (size_t)(nl - ev->buf) + 1;
		}
		if (off) {
			memmove(ev->buf, ev->buf + off, ev->len - off);
			ev->len -= off;
			off = 0;
		}
		if (rc || ev->eof || ev->body_done) {
			snprintf(err, errlen, "event stream ended");
			rc = rc ? rc : -EPIPE;
			goto out;
		}
		char ids[CM_MAX_WANT][65];
		int n = cm_take_wants(c, s, ids, CM_MAX_WANT);
		for (int i = 0; i < n; i++)
			inspect_put(c, s->addr, ids[i], lc.gen);
		cm_evict(c);
	}
	rc = 0;
out:
	free(lc.running);
	http_close(&h);
	return rc;
}

void *cm_docker_thread(void *arg)
{
	struct cmeta *c = arg;
	struct cm_source *s = &c->docker;
	int backoff = 100;

	while (!stopping(c)) {
		char err[256] = "unknown error";
		struct http ev = { .fd = -1 };
		session(c, &ev, err, sizeof(err));
		http_close(&ev);
		int was_up = s->connected;
		if (stopping(c))
			break;
		if (!was_up)
			cm_warn_once(s, "docker", err);
		else
			backoff = 100;
		cm_mark_initial(c, s, 0);
		if (cm_sleep(c, s, backoff))
			break;
		backoff = backoff * 2 > 5000 ? 5000 : backoff * 2;
	}
	cm_mark_initial(c, s, 0);
	return NULL;
}
