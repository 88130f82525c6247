/* -D: the interfaces ptcpdump can capture on, numbered as tcpdump does,
 * in every selected network namespace; -L, -J: their link and time stamp
 * types; -y, -j, -I: what a live capture can give of those. */
#include "live.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

int run_list_interfaces(struct options *o)
{
	const struct iface *ifc;
	struct netns *ns;
	struct live lv;
	size_t k, i;
	int n = 1;

	memset(&lv, 0, sizeof(lv));
	lv.o = o;
	lv.epfd = -1;
	if (live_netns_open(&lv) < 0) {
		netns_set_free(lv.nss);
		return 1;
	}
	for (k = 0; (ns = netns_at(lv.nss, k)); k++) {
		for (i = 0; ns->ift && (ifc = ifaces_at(ns->ift, i)); i++) {
			if (!ifc->present)
				continue;
			if (ns->self)
				printf("%d.%s [ifindex %u, netns %llu]\n", n++,
				       ifc->name, ifc->ifindex,
				       (unsigned long long)ns->ino);
			else
				printf("%d.%s@%llu [ifindex %u, netns %llu %s]\n",
				       n++, ifc->name, (unsigned long long)ns->ino,
				       ifc->ifindex, (unsigned long long)ns->ino,
				       ns->path);
		}
	}
	printf("%d.any (Pseudo-device that captures on all interfaces)\n", n);
	netns_set_free(lv.nss);
	return 0;
}

int live_check_device_opts(const struct options *o)
{
	const char *dev = o->nifaces ? o->ifaces[0] : "any";

	if (o->monitor) {
		die_msg("%s: That device doesn't support monitor mode", dev);
		return -1;
	}
	/* DLT_EN10MB (pcap/dlt.h clashes with linux/bpf.h here) */
	if (o->linktype && o->linktype_dlt != 1) {
		die_msg("%s is not one of the DLTs supported by this device",
			o->linktype);
		return -1;
	}
	if (o->tstamp_type && strcasecmp(o->tstamp_type, "host") != 0)
		fprintf(stderr, "ptcpdump: WARNING: When trying to set timestamp "
			"type '%s' on %s: That type of time stamp is not "
			"supported by that device\n", o->tstamp_type, dev);
	return 0;
}

/* fmt has one %s, the interface: each -i, or any */
static void print_per_iface(const struct options *o, const char *fmt)
{
	int i;

	for (i = 0; i < (o->nifaces ? o->nifaces : 1); i++)
		printf(fmt, o->nifaces ? o->ifaces[i] : "any");
}

int run_list_datalinks(struct options *o)
{
	struct live lv;
	int ret = 1;

	/* -J, as tcpdump's, names what it was asked about without opening it */
	if (o->list_tstamp_types) {
		print_per_iface(o, "Time stamp types for %s (use option -j to set):\n"
				   "  host (Host)\n");
		return 0;
	}
	memset(&lv, 0, sizeof(lv));
	lv.o = o;
	lv.epfd = -1;
	if (live_netns_open(&lv) < 0 || live_check_ifaces(&lv) < 0)
		goto cleanup;
	print_per_iface(o, "Data link types for %s (use option -y to set):\n"
			   "  EN10MB (Ethernet)\n");
	ret = 0;
cleanup:
	netns_set_free(lv.nss);
	return ret;
}
