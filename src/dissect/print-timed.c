/* The BSD time synchronisation protocol of timed(8) (TSP, UDP 525), as
 * tcpdump 4.99.3 prints it: type, version, sequence, the time or hop
 * count some types carry, and the sender's name. */
#include "dissect-int.h"

static const char *const tsp_types[] = {
	"TSP_ANY", "TSP_ADJTIME", "TSP_ACK", "TSP_MASTERREQ", "TSP_MASTERACK", "TSP_SETTIME",
	"TSP_MASTERUP", "TSP_SLAVEUP", "TSP_ELECTION", "TSP_ACCEPT", "TSP_REFUSE", "TSP_CONFLICT",
	"TSP_RESOLVE", "TSP_QUIT", "TSP_DATE", "TSP_DATEREQ", "TSP_DATEACK", "TSP_TRACEON",
	"TSP_TRACEOFF", "TSP_MSITE", "TSP_MSITEREQ", "TSP_TEST", "TSP_SETDATE", "TSP_SETDATEREQ",
	"TSP_LOOP",
};

void timed_print(struct nd *nd, const uint8_t *p)
{
	unsigned type;
	int32_t sec, usec;

	nd->proto = "timed";
	type = g1(nd, p);
	if (type < sizeof(tsp_types) / sizeof(tsp_types[0]))
		P("%s", tsp_types[type]);
	else
		P("(tsp_type %#x)", type);
	P(" vers %u", g1(nd, p + 1));
	P(" seq %u", g2(nd, p + 2));
	switch (type) {
	case 24:	/* loop detection */
		P(" hopcnt %u", g1(nd, p + 4));
		break;
	case 1: case 5: case 22: case 23:	/* adjtime, settime, setdate(req) */
		sec = (int32_t)g4(nd, p + 4);
		usec = (int32_t)g4(nd, p + 8);
		if (usec < 0)
			return;
		P(" time ");
		if (sec < 0 && usec != 0) {
			/* a negative time as -s.us, not as (s - 1) + (1 - us) */
			sec++;
			if (sec == 0)
				P("-");
			usec = 1000000 - usec;
		}
		P("%d.%06d", sec, usec);
		break;
	}
	P(" name ");
	chars_print_z(nd, p + 12, 256);
}
