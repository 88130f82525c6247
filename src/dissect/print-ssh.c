/* SSH (TCP port 22): tcpdump shows only the version line that each side
 * sends first ("SSH-2.0-..."); the rest is encrypted. */
#include "dissect-int.h"

void ssh_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t i;
	uint8_t c;

	nd->proto = "ssh";
	if (g1(nd, p) != 'S' || g1(nd, p + 1) != 'S' || g1(nd, p + 2) != 'H' ||
	    g1(nd, p + 3) != '-')
		return;
	for (i = 4; i < len; i++) {
		c = g1(nd, p + i);
		if (c == '\n')
			break;
		if (c == '\r') {
			if (i + 1 >= len || g1(nd, p + i + 1) != '\n')
				return;
			break;
		}
		if (c < 0x20 || c > 0x7e)
			return;
	}
	if (i >= len)
		return;	/* no end of line in this segment */
	P(": SSH: %.*s", (int)i, (const char *)p);
}
