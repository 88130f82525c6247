/* ptcpdump: a tcpdump for the container age. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "cli/run.h"

int main(int argc, char **argv)
{
	struct options o;
	int r;

	r = options_parse(argc, argv, &o);
	if (r != 0) {
		options_free(&o);
		return r < 0 ? 1 : 0;
	}
	if (o.read_file || o.read_list)
		r = run_read(&o);
	else if (o.list_ifaces)
		r = run_list_interfaces(&o);
	else if (o.list_dlts || o.list_tstamp_types)
		r = run_list_datalinks(&o);
	else
		r = run_live(&o);
	options_free(&o);
	return r;
}
