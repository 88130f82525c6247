/* -D: the interfaces ptcpdump can capture on, numbered as tcpdump does. */
#include "run.h"

#include <net/if.h>
#include <stdio.h>
#include <sys/stat.h>

int run_list_interfaces(struct options *o)
{
	struct if_nameindex *ifs = if_nameindex(), *i;
	struct stat st;
	unsigned long long ino = 0;
	int n = 1;

	(void)o;
	if (!ifs) {
		die_msg("cannot list the interfaces");
		return 1;
	}
	if (stat("/proc/self/ns/net", &st) == 0)
		ino = (unsigned long long)st.st_ino;
	for (i = ifs; i->if_index; i++)
		printf("%d.%s [ifindex %u, netns %llu]\n", n++, i->if_name,
		       i->if_index, ino);
	printf("%d.any (Pseudo-device that captures on all interfaces)\n", n);
	if_freenameindex(ifs);
	return 0;
}
