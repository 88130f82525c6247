/* Vehicle-to-vehicle networking over Ethernet-like links, as tcpdump 4.99
 * prints it: ETSI GeoNetworking (ethertypes 0x8947 and the old 0x0707)
 * with its basic transport protocol, and ISO CALM FAST (0x1111). */
#include "dissect-int.h"

static void src_print(struct nd *nd, const uint8_t *src)
{
	char b[18];
	if (src)
		P("src:%s", mac_str(nd, src, b));
}

void calm_fast_print(struct nd *nd, const uint8_t *bp, uint32_t length, const uint8_t *src)
{
	nd->proto = "calm_fast";
	P("CALM FAST");
	if (src)
		P(" ");
	src_print(nd, src);
	P("; ");
	if (length < 2) {
		P(" (length %u < 2) (invalid)", length);
		gcheck(nd, bp, length);
		return;
	}
	P("SrcNwref:%u; DstNwref:%u; ", g1(nd, bp), g1(nd, bp + 1));
	if (nd->o->vflag)
		default_dump(nd, bp + 2, length - 2);
}

/* The header type and subtype's name */
static const char *geonet_type(unsigned type, unsigned sub)
{
	static const char *const by_type[] = { "Any", "Beacon", "GeoUnicast" };
	static const char *const sub3[] = { "GeoAnycastCircle", "GeoAnycastRect",
					    "GeoAnycastElipse" };
	static const char *const sub4[] = { "GeoBroadcastCircle", "GeoBroadcastRect",
					    "GeoBroadcastElipse" };
	static const char *const sub5[] = { "TopoScopeBcast-SH", "TopoScopeBcast-MH" };
	static const char *const sub6[] = { "LocService-Request", "LocService-Reply" };

	if (type < 3)
		return by_type[type];
	if ((type == 3 || type == 4) && sub < 3)
		return type == 3 ? sub3[sub] : sub4[sub];
	if ((type == 5 || type == 6) && sub < 2)
		return type == 5 ? sub5[sub] : sub6[sub];
	return "Unknown";
}

void geonet_print(struct nd *nd, const uint8_t *bp, uint32_t length, const uint8_t *src)
{
	static const char *const next_names[] = { "Any", "BTP-A", "BTP-B", "IPv6" };
	static const struct tok msgs[] = {
		{ 0, "CAM" }, { 1, "DENM" }, { 101, "TPEGM" }, { 102, "TSPDM" }, { 103, "VPM" },
		{ 104, "SRM" }, { 105, "SLAM" }, { 106, "ecoCAM" }, { 107, "ITM" }, { 150, "SA" },
		{ 0, NULL }
	};
	unsigned next, type, sub, i;
	int ext = -1;
	char b[32];

	nd->proto = "geonet";
	P("GeoNet ");
	src_print(nd, src);
	P("; ");
	if (length < 36) {
		P(" (common header length %u < 36) (invalid)", length);
		return;
	}
	next = g1(nd, bp) & 0x0f;
	type = g1(nd, bp + 1) >> 4;
	sub = bp[1] & 0x0f;
	P("v:%u NH:%u-%s HT:%u-%u-%s HopLim:%u Payload:%u ", bp[0] >> 4, next,
	  next < 4 ? next_names[next] : "Unknown", type, sub, geonet_type(type, sub),
	  g1(nd, bp + 7), g2(nd, bp + 4));
	/* the long position vector: the GeoNetworking address, lat, lon */
	gcheck(nd, bp + 8, 8);
	P("GN_ADDR:");
	for (i = 0; i < 8; i++)
		P(i ? ":%02x" : "%02x", bp[8 + i]);
	P(" lat:%u ", g4(nd, bp + 20));
	P("lon:%u", g4(nd, bp + 24));
	gcheck(nd, bp, 36);
	length -= 36;
	bp += 36;
	/* only these extended headers have a length tcpdump knows */
	if (type <= 1 || (type == 5 && sub == 0))
		ext = 0;
	else if (type == 5 && sub == 1)
		ext = 68 - 36;
	if (ext >= 0) {
		if (length < (unsigned)ext) {
			P(" (header size %d > %u) (invalid)", ext, length);
			return;
		}
		gcheck(nd, bp, (unsigned)ext);
		length -= (unsigned)ext;
		bp += ext;
		if (next == 1 || next == 2) {
			if (length < 4) {
				P(" (BTP length %u < 4) (invalid)", length);
				return;
			}
			P("; BTP Dst:%u Src:%u", g2(nd, bp), g2(nd, bp + 2));
			length -= 4;
			bp += 4;
			if (length >= 2)
				P("; ItsPduHeader v:%u t:%u-%s", g1(nd, bp), g1(nd, bp + 1),
				  tok2str(msgs, "unknown (%u)", bp[1], b, sizeof(b)));
		}
	}
	if (nd->o->vflag)
		default_dump(nd, bp, length);
}
