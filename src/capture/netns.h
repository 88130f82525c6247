/*
 * The network namespaces a capture covers (--netns), each with its own
 * rtnetlink interface table.
 */
#ifndef PTCPDUMP_NETNS_H
#define PTCPDUMP_NETNS_H

#include <stdbool.h>
#include <stdint.h>

#include "capture/ifaces.h"

struct netns {
	uint64_t ino;
	char path[256];		/* how to reach it: /proc/PID/ns/net, /run/netns/NAME */
	bool self;		/* the namespace ptcpdump runs in */
	bool gone;		/* no process or bind mount holds it any more */
	struct ifaces *ift;	/* NULL once gone */
	void *owner;		/* back pointer for callbacks */
	int user_fd;		/* the owner's bookkeeping: -2 = new */
};

enum netns_mode {
	NETNS_LIST = 0,		/* only the ones given (default: our own) */
	NETNS_ANY = 1,		/* every namespace, new ones too */
	NETNS_NEWLY = 2,	/* only those created after the start */
};

struct netns_set;

/* cb is called for each interface added/deleted in any covered namespace;
 * its arg is the struct netns. */
int netns_set_new(struct netns_set **out, enum netns_mode mode, iface_cb cb,
		  void *owner);
void netns_set_free(struct netns_set *s);
/* Adds the namespace at path (PATH, or NAME under /run/netns).  Returns
 * it (existing or new) or NULL with errno set. */
struct netns *netns_add(struct netns_set *s, const char *spec);
/* Looks for namespaces to add (any/newly) and for namespaces that are gone.
 * Returns the number of changes. */
int netns_rescan(struct netns_set *s);
/* A process entered a namespace: add it if the mode wants it. */
void netns_seen(struct netns_set *s, uint64_t ino, uint32_t pid);
struct netns *netns_find(struct netns_set *s, uint64_t ino);
struct netns *netns_at(struct netns_set *s, size_t i);
uint64_t netns_self_ino(const struct netns_set *s);
/* Runs fn inside the namespace (setns there and back). */
int netns_run_in(struct netns_set *s, const struct netns *ns,
		 int (*fn)(void *arg), void *arg);

#endif
