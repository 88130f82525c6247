#include "output/meta_codec.h"

#include <stdint.h>
#include <string.h>

/* String fields of struct pkt_meta, by index into meta_decoder.off. */
enum {
	F_CMD, F_ARGS, F_TNAME, F_PCMD, F_PARGS,
	F_CNAME, F_CID, F_CIMAGE, F_CLABELS,
	F_PODNAME, F_PODNS, F_PODUID, F_PODLABELS, F_PODANNOT,
	F_DROP_REASON, F_DROP_LOCATION,
};

/* Numeric fields. */
enum { N_NONE = -1, N_PID, N_TID, N_UID, N_PPID, N_PKTID, N_IGNORE };

struct key {
	const char *name;
	unsigned group;
	int str;	/* F_* or -1 */
	int num;	/* N_* */
};

static const struct key keys[] = {
	{ "PID", META_PROC, -1, N_PID },
	{ "Cmd", META_PROC, F_CMD, N_NONE },
	{ "Command", META_PROC, F_CMD, N_NONE },
	{ "Args", META_PROC, F_ARGS, N_NONE },
	{ "ThreadId", META_THREAD, -1, N_TID },
	{ "TID", META_THREAD, -1, N_TID },
	{ "ThreadName", META_THREAD, F_TNAME, N_NONE },
	{ "UserId", META_USER, -1, N_UID },
	{ "GroupId", 0, -1, N_IGNORE },
	{ "ParentPID", META_PARENT, -1, N_PPID },
	{ "ParentCmd", META_PARENT, F_PCMD, N_NONE },
	{ "ParentCommand", META_PARENT, F_PCMD, N_NONE },
	{ "ParentArgs", META_PARENT, F_PARGS, N_NONE },
	{ "ContainerName", META_CONTAINER, F_CNAME, N_NONE },
	{ "ContainerId", META_CONTAINER, F_CID, N_NONE },
	{ "ContainerImage", META_CONTAINER, F_CIMAGE, N_NONE },
	{ "ContainerLabels", META_CONTAINER, F_CLABELS, N_NONE },
	{ "PodName", META_POD, F_PODNAME, N_NONE },
	{ "PodNamespace", META_POD, F_PODNS, N_NONE },
	{ "PodUID", META_POD, F_PODUID, N_NONE },
	{ "PodLabels", META_POD, F_PODLABELS, N_NONE },
	{ "PodAnnotations", META_POD, F_PODANNOT, N_NONE },
	{ "DropReason", META_DROP, F_DROP_REASON, N_NONE },
	{ "DropLocation", META_DROP, F_DROP_LOCATION, N_NONE },
	{ "PacketId", META_PKTID, -1, N_PKTID },
};

static const char *s_or(const char *s, const char *dflt)
{
	return s ? s : dflt;
}

int meta_encode_group(const struct pkt_meta *m, unsigned group, struct strbuf *sb)
{
	switch (group) {
	case META_PROC:
		sb_printf(sb, "PID: %u\nCmd: %s\nArgs: %s", m->pid,
			  s_or(m->cmd, ""), s_or(m->args, ""));
		return 0;
	case META_THREAD:
		sb_printf(sb, "ThreadId: %u\nThreadName: %s", m->tid,
			  s_or(m->tname, ""));
		return 0;
	case META_USER:
		sb_printf(sb, "UserId: %u", m->uid);
		return 0;
	case META_PARENT:
		sb_printf(sb, "ParentPID: %u\nParentCmd: %s\nParentArgs: %s",
			  m->ppid, s_or(m->pcmd, ""), s_or(m->pargs, ""));
		return 0;
	case META_CONTAINER:
		sb_printf(sb, "ContainerName: %s\nContainerId: %s\n"
			  "ContainerImage: %s\nContainerLabels: %s",
			  s_or(m->cname, ""), s_or(m->cid, ""),
			  s_or(m->cimage, ""), s_or(m->clabels, "{}"));
		return 0;
	case META_POD:
		sb_printf(sb, "PodName: %s\nPodNamespace: %s\nPodUID: %s\n"
			  "PodLabels: %s\nPodAnnotations: %s",
			  s_or(m->podname, ""), s_or(m->podns, ""),
			  s_or(m->poduid, ""), s_or(m->podlabels, "{}"),
			  s_or(m->podannot, "{}"));
		return 0;
	case META_DROP:
		sb_printf(sb, "DropReason: %s\nDropLocation: %s",
			  s_or(m->drop_reason, ""), s_or(m->drop_location, ""));
		return 0;
	case META_PKTID:
		sb_printf(sb, "PacketId: %llu", (unsigned long long)m->packet_id);
		return 0;
	}
	return -1;
}

static const unsigned group_order[META_MAX_GROUPS] = {
	META_PROC, META_THREAD, META_USER, META_PARENT,
	META_CONTAINER, META_POD, META_DROP, META_PKTID,
};

int meta_encode(const struct pkt_meta *m, unsigned mask, struct strbuf *out)
{
	int n = 0;

	if (!m)
		return 0;
	for (int i = 0; i < META_MAX_GROUPS; i++) {
		unsigned g = group_order[i];

		if (!(m->have & mask & g))
			continue;
		sb_reset(&out[n]);
		meta_encode_group(m, g, &out[n]);
		n++;
	}
	return n;
}

/* ---- decoding ---- */

void meta_decoder_init(struct meta_decoder *d)
{
	memset(d, 0, sizeof(*d));
	sb_init(&d->arena);
	meta_decoder_reset(d);
}

void meta_decoder_reset(struct meta_decoder *d)
{
	sb_reset(&d->arena);
	for (int i = 0; i < META_F_NSTR; i++)
		d->off[i] = SIZE_MAX;
	d->have = 0;
	d->pid = d->tid = d->uid = d->ppid = 0;
	d->packet_id = 0;
	memset(&d->meta, 0, sizeof(d->meta));
}

void meta_decoder_free(struct meta_decoder *d)
{
	sb_free(&d->arena);
}

static int parse_u64(const char *s, size_t n, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;

	/* Tolerate surrounding blanks (and a CR from CRLF text). */
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (n == 0 || n > 20)
		return -1;
	for (size_t i = 0; i < n; i++) {
		unsigned dgt;

		if (s[i] < '0' || s[i] > '9')
			return -1;
		dgt = (unsigned)(s[i] - '0');
		if (v > (max - dgt) / 10)
			return -1;
		v = v * 10 + dgt;
	}
	*out = v;
	return 0;
}

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* "Key: value", with blanks around the key and before the value allowed,
 * as the Go tool's reader allows them */
static const struct key *find_key(const char *line, size_t n, size_t *vstart)
{
	const char *colon = memchr(line, ':', n);
	size_t kb = 0, ke;

	if (!colon)
		return NULL;
	ke = (size_t)(colon - line);
	while (kb < ke && blank(line[kb]))
		kb++;
	while (ke > kb && blank(line[ke - 1]))
		ke--;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (strlen(keys[i].name) == ke - kb &&
		    memcmp(keys[i].name, line + kb, ke - kb) == 0) {
			size_t v = (size_t)(colon - line) + 1;

			while (v < n && blank(line[v]))
				v++;
			*vstart = v;
			return &keys[i];
		}
	}
	return NULL;
}

int meta_decode_comment(struct meta_decoder *d, const char *text, size_t len)
{
	const char *p = text, *end;
	int open = 0;	/* a string value is being written to the arena */
	int found = 0;

	if (!text)
		return 0;
	end = text + len;	/* not before the check: NULL + 0 is undefined */
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		size_t vs = 0;
		const struct key *k = find_key(p, n, &vs);

		if (!k) {
			if (open) {
				sb_putc(&d->arena, '\n');
				sb_append(&d->arena, p, n);
			}
			/* unknown line after a numeric key, or junk: ignored */
		} else {
			if (open) {
				sb_putc(&d->arena, '\0');
				open = 0;
			}
			found++;
			if (k->str >= 0) {
				/* a CR of CRLF text is not part of the value;
				 * spaces at its end are (args may end so) */
				size_t ve = n > vs && p[n - 1] == '\r' ? n - 1 : n;

				d->off[k->str] = d->arena.len;
				sb_append(&d->arena, p + vs, ve - vs);
				open = 1;
				d->have |= k->group;
			} else if (k->num != N_IGNORE) {
				uint64_t v;
				uint64_t max = k->num == N_PKTID ? UINT64_MAX : UINT32_MAX;

				if (parse_u64(p + vs, n - vs, max, &v) == 0) {
					switch (k->num) {
					case N_PID: d->pid = (uint32_t)v; break;
					case N_TID: d->tid = (uint32_t)v; break;
					case N_UID: d->uid = (uint32_t)v; break;
					case N_PPID: d->ppid = (uint32_t)v; break;
					case N_PKTID: d->packet_id = v; break;
					}
					d->have |= k->group;
				}
			}
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	if (open)
		sb_putc(&d->arena, '\0');
	return found;
}

void meta_decoder_set_pid_tid(struct meta_decoder *d, uint32_t pid, uint32_t tid)
{
	if (pid && !(d->have & META_PROC)) {
		d->pid = pid;
		d->have |= META_PROC;
	}
	if (tid && !(d->have & META_THREAD)) {
		d->tid = tid;
		d->have |= META_THREAD;
	}
}

void meta_decoder_set_packet_id(struct meta_decoder *d, uint64_t id)
{
	if (!(d->have & META_PKTID)) {
		d->packet_id = id;
		d->have |= META_PKTID;
	}
}

const struct pkt_meta *meta_decoder_finish(struct meta_decoder *d)
{
	struct pkt_meta *m = &d->meta;
	const char *s[META_F_NSTR];

	if (!d->have)
		return NULL;
	for (int i = 0; i < META_F_NSTR; i++)
		s[i] = d->off[i] == SIZE_MAX ? "" : d->arena.buf + d->off[i];
	memset(m, 0, sizeof(*m));
	m->have = d->have;
	m->pid = d->pid;
	m->tid = d->tid;
	m->uid = d->uid;
	m->ppid = d->ppid;
	m->packet_id = d->packet_id;
	if (d->have & META_PROC) {
		m->cmd = s[F_CMD];
		m->args = s[F_ARGS];
	}
	if (d->have & META_THREAD)
		m->tname = s[F_TNAME];
	if (d->have & META_PARENT) {
		m->pcmd = s[F_PCMD];
		m->pargs = s[F_PARGS];
	}
	if (d->have & META_CONTAINER) {
		m->cname = s[F_CNAME];
		m->cid = s[F_CID];
		m->cimage = s[F_CIMAGE];
		m->clabels = s[F_CLABELS];
	}
	if (d->have & META_POD) {
		m->podname = s[F_PODNAME];
		m->podns = s[F_PODNS];
		m->poduid = s[F_PODUID];
		m->podlabels = s[F_PODLABELS];
		m->podannot = s[F_PODANNOT];
	}
	if (d->have & META_DROP) {
		m->drop_reason = s[F_DROP_REASON];
		m->drop_location = s[F_DROP_LOCATION];
	}
	return m;
}
