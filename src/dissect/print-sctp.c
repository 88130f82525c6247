/* SCTP (RFC 9260) as tcpdump 4.99.3 prints it: the common header, one
 * bracketed item per chunk (DATA, INIT, INIT ACK and SACK with their
 * fields, the other types by name only), the ForCES channel names of ports
 * 6704-6706, and the payloads tcpdump decodes: ForCES (print-forces.c),
 * M3UA (print-m3ua.c) and a hex dump of other DATA payloads with -vv. */
#include <inttypes.h>

#include "dissect-int.h"

static const struct tok sctp_chunks[] = {
	{ 0x00, "DATA" }, { 0x01, "INIT" }, { 0x02, "INIT ACK" }, { 0x03, "SACK" },
	{ 0x04, "HB REQ" }, { 0x05, "HB ACK" }, { 0x06, "ABORT" },
	{ 0x07, "SHUTDOWN" }, { 0x08, "SHUTDOWN ACK" }, { 0x09, "OP ERR" },
	{ 0x0a, "COOKIE ECHO" }, { 0x0b, "COOKIE ACK" }, { 0x0c, "ECN ECHO" },
	{ 0x0d, "ECN CWR" }, { 0x0e, "SHUTDOWN COMPLETE" },
	{ 0xc0, "FOR CUM TSN" }, { 0xc1, "REL CTRL" }, { 0xc2, "REL CTRL ACK" },
	{ 0, NULL }
};

/* Payload protocol identifiers of DATA chunks. */
static const struct tok sctp_ppids[] = {
	{ 1, "ISDN Q.921" }, { 2, "M2UA" }, { 3, "M3UA" }, { 4, "SUA" },
	{ 5, "M2PA" }, { 6, "V5.2" }, { 7, "H.248" }, { 8, "BICC" },
	{ 9, "TALI" }, { 10, "DUA" }, { 11, "ASAP" }, { 12, "ENRP" },
	{ 13, "H.323" }, { 14, "Q.IPC" }, { 15, "SIMCO" }, { 16, "DDPSC" },
	{ 17, "DDPSSC" }, { 18, "S1AP" }, { 19, "RUA" }, { 20, "HNBAP" },
	{ 21, "ForCES HP" }, { 22, "ForCES MP" }, { 23, "ForCES LP" },
	{ 24, "SBc-AP" }, { 25, "NBAP" }, { 27, "X2AP" },
	{ 0, NULL }
};

/* The ForCES SCTP ports (RFC 5811): high, medium and low priority. */
static const struct tok forces_ports[] = {
	{ 6704, "ForCES HP" }, { 6705, "ForCES MP" }, { 6706, "ForCES LP" },
	{ 0, NULL }
};


/* The DATA chunk after its 4-byte header: 0, or -1 when tcpdump stops. */
static int data_print(struct nd *nd, const uint8_t *bp, unsigned flags, unsigned clen,
		      unsigned rem, int *isforces)
{
	uint32_t ppid;
	char b[16];

	if (flags & 4)
		P("(U)");
	if (flags & 2)
		P("(B)");
	if (flags & 1)
		P("(E)");
	if (flags & 7)
		P(" ");
	if (rem < 12) {
		P("bogus chunk length %u]", clen);
		return -1;
	}
	ppid = g4(nd, bp + 8);
	P("[TSN: %u] ", g4(nd, bp));
	P("[SID: %u] ", g2(nd, bp + 4));
	P("[SSEQ %u] ", g2(nd, bp + 6));
	P("[PPID %s] ", tok2str(sctp_ppids, "0x%x", ppid, b, sizeof(b)));
	if (!*isforces)
		*isforces = ppid >= 21 && ppid <= 23;
	rem -= 12;
	bp += 12;
	if (rem == 0) {
		P("bogus chunk length %u]", clen);
		return -1;
	}
	if (*isforces) {
		forces_print(nd, bp, rem);
		nd->proto = "sctp";
	} else if (nd->o->vflag >= 2) {
		if (ppid == 3) {
			m3ua_print(nd, bp, rem);
			nd->proto = "sctp";
		} else {
			P("[Payload");
			if (!nd->o->qflag && !nd->o->xflag && !nd->o->Xflag) {
				P(":");
				default_print(nd, bp, rem);
			}
			P("]");
		}
	}
	return 0;
}

static int sack_print(struct nd *nd, const uint8_t *bp, unsigned clen, unsigned rem)
{
	uint32_t cum;
	unsigned ngaps, ndups, i;

	if (rem < 12) {
		P("bogus chunk length %u]", clen);
		return -1;
	}
	cum = g4(nd, bp);
	ngaps = g2(nd, bp + 8);
	ndups = g2(nd, bp + 10);
	P("[cum ack %u] ", cum);
	P("[a_rwnd %u] ", g4(nd, bp + 4));
	P("[#gap acks %u] ", ngaps);
	P("[#dup tsns %u] ", ndups);
	bp += 12;
	rem -= 12;
	for (i = 0; rem != 0 && i < ngaps; i++, bp += 4, rem -= 4) {
		if (rem < 4) {
			P("bogus chunk length %u]", clen);
			return -1;
		}
		P("\n\t\t[gap ack block #%u: start = %u, end = %u] ", i + 1,
		  cum + g2(nd, bp), cum + g2(nd, bp + 2));
	}
	for (i = 0; rem != 0 && i < ndups; i++, bp += 4, rem -= 4) {
		if (rem < 4) {
			P("bogus chunk length %u]", clen);
			return -1;
		}
		P("\n\t\t[dup TSN #%u: %u] ", i + 1, g4(nd, bp));
	}
	return 0;
}

void sctp_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph, int frag)
{
	const uint8_t *bp = p;
	const char *sep;
	uint32_t rem;
	unsigned sport, dport, n;
	int isforces = 0;
	char s[46], d[46];

	(void)frag;
	nd->proto = "sctp";
	if (len < 12) {
		P("truncated-sctp - %u bytes missing!", 12 - len);
		return;
	}
	if (!nd_ok(nd, p, 12))
		goto trunc;
	sport = g2(nd, p);
	dport = g2(nd, p + 2);
	iph_addrs(nd, iph, s, d);
	P("%s.%u > %s.%u: sctp", s, sport, d, dport);
	if (tok_or(forces_ports, sport, NULL)) {
		P("[%s]", tok_or(forces_ports, sport, NULL));
		isforces = 1;
	}
	if (tok_or(forces_ports, dport, NULL)) {
		P("[%s]", tok_or(forces_ports, dport, NULL));
		isforces = 1;
	}
	bp += 12;
	rem = len - 12;
	sep = nd->o->vflag >= 2 ? "\n\t" : " (";
	/* rem wraps when a chunk claims more than the packet holds, as in
	 * tcpdump: then chunks are read on until the data ends */
	for (n = 1; rem != 0; n++) {
		unsigned clen, crem, pad, type;
		char b[40];

		if (rem < 4) {
			P("%s%u) [chunk descriptor cut off at end of packet]", sep, n);
			break;
		}
		if (!nd_ok(nd, bp, 4))
			goto trunc;
		clen = g2(nd, bp + 2);
		if (clen < 4) {
			P("%s%u) [Bad chunk length %u, < size of chunk descriptor]", sep, n, clen);
			break;
		}
		pad = (4 - clen % 4) % 4;
		if (rem < pad) {
			P("%s%u) [Bad chunk length %u, > remaining data in packet]", sep, n, clen);
			break;
		}
		if (!nd_ok(nd, bp, clen))
			goto trunc;
		type = bp[0];
		P("%s%u) ", sep, n);
		P("[%s] ", tok2str(sctp_chunks, "Unknown chunk type: 0x%x", type, b, sizeof(b)));
		crem = clen - 4;
		switch (type) {
		case 0:
			if (data_print(nd, bp + 4, bp[1], clen, crem, &isforces) < 0)
				return;
			break;
		case 1:
		case 2:
			if (crem < 16) {
				P("bogus chunk length %u]", clen);
				return;
			}
			P("[init tag: %u] ", g4(nd, bp + 4));
			P("[rwnd: %u] ", g4(nd, bp + 8));
			P("[OS: %u] ", g2(nd, bp + 12));
			P("[MIS: %u] ", g2(nd, bp + 14));
			P("[init TSN: %u] ", g4(nd, bp + 16));
			break;
		case 3:
			if (sack_print(nd, bp + 4, clen, crem) < 0)
				return;
			break;
		default:
			break;
		}
		bp += clen;
		rem -= clen;
		if (nd->o->vflag < 2)
			sep = ", (";
		if (pad) {
			if (!nd_ok(nd, bp, pad))
				goto trunc;
			bp += pad;
			rem -= pad;
		}
	}
	return;
trunc:
	/* tcpdump's own checks here print the marker and return (the -x
	 * dump then still starts after the link header) */
	nd_trunc(nd);
}
