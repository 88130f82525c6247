/*
 * Interface table kept from rtnetlink.  Names of deleted interfaces are
 * kept, because packets captured on a veth that is already gone (a
 * `docker run --rm` container) are still printed with its name.
 */
#include "ifaces.h"

#include <errno.h>
#include <linux/if_arp.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define IFACES_MAX 65536

struct ifaces {
	int fd;
	iface_cb cb;
	void *arg;
	struct iface *v;
	size_t n, cap;
	uint32_t seq;
};

bool iface_is_l3(const struct iface *ifc)
{
	switch (ifc->type) {
	case ARPHRD_NONE:
	case ARPHRD_IPGRE:
	case ARPHRD_TUNNEL:
	case ARPHRD_TUNNEL6:
	case ARPHRD_SIT:
	case ARPHRD_PPP:
	case ARPHRD_RAWIP:
		return true;
	}
	return false;
}

int ifaces_open(struct ifaces **out, iface_cb cb, void *arg)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK,
				  .nl_groups = RTMGRP_LINK };
	struct ifaces *t = calloc(1, sizeof(*t));
	int rcvbuf = 4 << 20;

	if (!t)
		return -ENOMEM;
	t->cb = cb;
	t->arg = arg;
	t->fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK,
		       NETLINK_ROUTE);
	if (t->fd < 0 || bind(t->fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		int e = -errno;

		if (t->fd >= 0)
			close(t->fd);
		free(t);
		return e;
	}
	setsockopt(t->fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	*out = t;
	return 0;
}

int ifaces_fd(const struct ifaces *t)
{
	return t->fd;
}

static struct iface *slot_for(struct ifaces *t, uint32_t ifindex)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->v[i].ifindex == ifindex)
			return &t->v[i];
	if (t->n == t->cap) {
		size_t nc = t->cap ? t->cap * 2 : 32;
		struct iface *nv;

		if (nc > IFACES_MAX)
			return NULL;
		nv = realloc(t->v, nc * sizeof(*nv));
		if (!nv)
			return NULL;
		t->v = nv;
		t->cap = nc;
	}
	memset(&t->v[t->n], 0, sizeof(t->v[0]));
	t->v[t->n].ifindex = ifindex;
	return &t->v[t->n++];
}

static void handle_link(struct ifaces *t, struct nlmsghdr *nh)
{
	struct ifinfomsg *ifi = NLMSG_DATA(nh);
	int len = (int)nh->nlmsg_len - (int)NLMSG_LENGTH(sizeof(*ifi));
	struct rtattr *rta;
	const char *name = NULL;
	struct iface *s;
	bool was_present;

	if (len < 0 || ifi->ifi_index <= 0)
		return;
	for (rta = IFLA_RTA(ifi); RTA_OK(rta, len); rta = RTA_NEXT(rta, len))
		if (rta->rta_type == IFLA_IFNAME)
			name = RTA_DATA(rta);
	s = slot_for(t, (uint32_t)ifi->ifi_index);
	if (!s)
		return;
	was_present = s->present;
	if (name)
		strncpy(s->name, name, sizeof(s->name) - 1);
	s->type = ifi->ifi_type;
	if (nh->nlmsg_type == RTM_DELLINK) {
		s->present = false;
		if (was_present && t->cb)
			t->cb(t->arg, s, false);
		return;
	}
	s->present = true;
	if (!was_present && t->cb)
		t->cb(t->arg, s, true);
}

static int read_msgs(struct ifaces *t, bool until_done)
{
	char buf[65536] __attribute__((aligned(4)));

	for (;;) {
		struct nlmsghdr *nh;
		ssize_t n = recv(t->fd, buf, sizeof(buf), 0);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN) {
				if (!until_done)
					return 0;
				continue;
			}
			if (errno == ENOBUFS) /* lost events: resync */
				return ifaces_dump(t);
			return -errno;
		}
		for (nh = (struct nlmsghdr *)buf; NLMSG_OK(nh, (size_t)n);
		     nh = NLMSG_NEXT(nh, n)) {
			if (nh->nlmsg_type == NLMSG_DONE && until_done &&
			    nh->nlmsg_seq == t->seq)
				return 0;
			if (nh->nlmsg_type == NLMSG_ERROR && until_done &&
			    nh->nlmsg_seq == t->seq)
				return -EIO;
			if (nh->nlmsg_type == RTM_NEWLINK ||
			    nh->nlmsg_type == RTM_DELLINK)
				handle_link(t, nh);
		}
	}
}

int ifaces_dump(struct ifaces *t)
{
	struct {
		struct nlmsghdr nh;
		struct ifinfomsg ifi;
	} req;

	memset(&req, 0, sizeof(req));
	req.nh.nlmsg_len = NLMSG_LENGTH(sizeof(req.ifi));
	req.nh.nlmsg_type = RTM_GETLINK;
	req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.nh.nlmsg_seq = ++t->seq;
	req.ifi.ifi_family = AF_UNSPEC;
	if (send(t->fd, &req, req.nh.nlmsg_len, 0) < 0)
		return -errno;
	return read_msgs(t, true);
}

int ifaces_process(struct ifaces *t)
{
	return read_msgs(t, false);
}

const struct iface *ifaces_get(const struct ifaces *t, uint32_t ifindex)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->v[i].ifindex == ifindex)
			return &t->v[i];
	return NULL;
}

const struct iface *ifaces_by_name(const struct ifaces *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->v[i].present && strcmp(t->v[i].name, name) == 0)
			return &t->v[i];
	return NULL;
}

const struct iface *ifaces_at(const struct ifaces *t, size_t i)
{
	return i < t->n ? &t->v[i] : NULL;
}

void ifaces_close(struct ifaces *t)
{
	if (!t)
		return;
	close(t->fd);
	free(t->v);
	free(t);
}
