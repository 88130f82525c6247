/* Interfaces of the current network namespace, followed over rtnetlink. */
#ifndef PTCPDUMP_IFACES_H
#define PTCPDUMP_IFACES_H

#include <stdbool.h>
#include <stdint.h>
#include <net/if.h>

struct iface {
	uint32_t ifindex;
	char name[IF_NAMESIZE];
	uint16_t type;		/* ARPHRD_* */
	bool present;		/* false once deleted (the name is kept) */
};

struct ifaces;
/* Called for each new interface (added = true) and each deleted one. */
typedef void (*iface_cb)(void *arg, const struct iface *ifc, bool added);

int ifaces_open(struct ifaces **out, iface_cb cb, void *arg);
/* fd to poll for changes; call ifaces_process() when readable */
int ifaces_fd(const struct ifaces *t);
/* Reports every existing interface through the callback. */
int ifaces_dump(struct ifaces *t);
int ifaces_process(struct ifaces *t);
const struct iface *ifaces_get(const struct ifaces *t, uint32_t ifindex);
const struct iface *ifaces_by_name(const struct ifaces *t, const char *name);
/* Iterate: returns NULL past the end. */
const struct iface *ifaces_at(const struct ifaces *t, size_t i);
void ifaces_close(struct ifaces *t);
/* True for devices that carry no link-layer header at tc. */
bool iface_is_l3(const struct iface *ifc);

#endif
