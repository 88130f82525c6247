/* RADIUS attribute names and value names (IANA radius-types registry, as
 * tcpdump 4.99.3 knows them), vendor names, and the printers of the less
 * common attribute values: times, ARAP, Error-Cause, Mobile IPv6 (RFC 5447)
 * and location (RFC 5580) attributes. */
#include <time.h>

#include "radius-int.h"

#define NV(a) (a), (uint8_t)(sizeof(a) / sizeof((a)[0]))

static const char *const service_types[] = {
	NULL, "Login", "Framed", "Callback Login", "Callback Framed", "Outbound",
	"Administrative", "NAS Prompt", "Authenticate Only", "Callback NAS Prompt",
	"Call Check", "Callback Administrative", "Voice", "Fax", "Modem Relay",
	"IAPP-Register", "IAPP-AP-Check", "Authorize Only", "Framed-Management",
	"Additional-Authorization",
};
static const char *const framed_protocols[] = {
	NULL, "PPP", "SLIP", "ARAP", "Gandalf proprietary", "Xylogics IPX/SLIP",
	"X.75 Synchronous", "GPRS PDP Context",
};
static const char *const framed_routings[] = { "None", "Send", "Listen", "Send&Listen" };
static const char *const framed_comps[] = { "None", "VJ TCP/IP", "IPX", "Stac-LZS" };
static const char *const login_services[] = {
	"Telnet", "Rlogin", "TCP Clear", "PortMaster(proprietary)", "LAT", "X.25-PAD",
	"X.25-T3POS", "Unassigned", "TCP Clear Quiet",
};
static const char *const term_actions[] = { "Default", "RADIUS-Request" };
static const char *const ingress_filters[] = { NULL, "Enabled", "Disabled" };
static const char *const nas_port_types[] = {
	"Async", "Sync", "ISDN Sync", "ISDN Async V.120", "ISDN Async V.110", "Virtual",
	"PIAFS", "HDLC Clear Channel", "X.25", "X.75", "G.3 Fax", "SDSL", "ADSL-CAP",
	"ADSL-DMT", "ISDN-DSL", "Ethernet", "xDSL", "Cable", "Wireless - Other",
	"Wireless - IEEE 802.11", "Token-Ring", "FDDI", "Wireless - CDMA200",
	"Wireless - UMTS", "Wireless - 1X-EV", "IAPP", "FTTP", "Wireless - IEEE 802.16",
	"Wireless - IEEE 802.20", "Wireless - IEEE 802.22", "PPPoA", "PPPoEoA",
	"PPPoEoE", "PPPoEoVLAN", "PPPoEoQinQ", "xPON", "Wireless - XGP",
	"WiMAX Pre-Release 8 IWK Function", "WIMAX-WIFI-IWK", "WIMAX-SFF",
	"WIMAX-HA-LMA", "WIMAX-DHCP", "WIMAX-LBS", "WIMAX-WVS",
};
static const char *const acct_status_types[] = {
	NULL, "Start", "Stop", "Interim-Update", "Unassigned", "Unassigned",
	"Unassigned", "Accounting-On", "Accounting-Off", "Tunnel-Start", "Tunnel-Stop",
	"Tunnel-Reject", "Tunnel-Link-Start", "Tunnel-Link-Stop", "Tunnel-Link-Reject",
	"Failed",
};
static const char *const acct_authentics[] = { NULL, "RADIUS", "Local", "Remote", "Diameter" };
static const char *const acct_term_causes[] = {
	NULL, "User Request", "Lost Carrier", "Lost Service", "Idle Timeout",
	"Session Timeout", "Admin Reset", "Admin Reboot", "Port Error", "NAS Error",
	"NAS Request", "NAS Reboot", "Port Unneeded", "Port Preempted",
	"Port Suspended", "Service Unavailable", "Callback", "User Error",
	"Host Request", "Supplicant Restart", "Reauthentication Failure",
	"Port Reinitialized", "Port Administratively Disabled", "Lost Power",
};
static const char *const tunnel_types[] = {
	NULL, "PPTP", "L2F", "L2TP", "ATMP", "VTP", "AH", "IP-IP", "MIN-IP-IP", "ESP",
	"GRE", "DVS", "IP-in-IP Tunneling", "VLAN",
};
static const char *const tunnel_media[] = {
	NULL, "IPv4", "IPv6", "NSAP", "HDLC", "BBN 1822", "802", "E.163", "E.164",
	"F.69", "X.121", "IPX", "Appletalk", "Decnet IV", "Banyan Vines",
	"E.164 with NSAP subaddress",
};
static const char *const arap_zones[] = {
	NULL, "Only access to dfl zone", "Use zone filter inc.", "Not used",
	"Use zone filter exc.",
};
static const char *const prompts[] = { "No Echo", "Echo" };

#define A(n, k) { n, NULL, 0, 0, k }
#define AV(n, v, f) { n, NV(v), f, RK_NUM }

const struct rad_attr_type rad_types[RAD_NTYPES] = {
	A(NULL, RK_NONE),
	A("User-Name", RK_STRING),
	A("User-Password", RK_NONE),
	A("CHAP-Password", RK_NONE),
	A("NAS-IP-Address", RK_ADDR4),
	A("NAS-Port", RK_NUM),
	AV("Service-Type", service_types, 1),
	AV("Framed-Protocol", framed_protocols, 1),
	A("Framed-IP-Address", RK_ADDR4),
	A("Framed-IP-Netmask", RK_ADDR4),
	AV("Framed-Routing", framed_routings, 0),		/* 10 */
	A("Filter-Id", RK_STRING),
	A("Framed-MTU", RK_NUM),
	AV("Framed-Compression", framed_comps, 0),
	A("Login-IP-Host", RK_ADDR4),
	AV("Login-Service", login_services, 0),
	A("Login-TCP-Port", RK_NUM),
	A("Unassigned", RK_NONE),
	A("Reply-Message", RK_STRING),
	A("Callback-Number", RK_STRING),
	A("Callback-Id", RK_STRING),				/* 20 */
	A("Unassigned", RK_NONE),
	A("Framed-Route", RK_STRING),
	A("Framed-IPX-Network", RK_NUM),
	A("State", RK_STRING),
	A("Class", RK_STRING),
	A("Vendor-Specific", RK_VENDOR),
	A("Session-Timeout", RK_NUM),
	A("Idle-Timeout", RK_NUM),
	AV("Termination-Action", term_actions, 0),
	A("Called-Station-Id", RK_STRING),			/* 30 */
	A("Calling-Station-Id", RK_STRING),
	A("NAS-Identifier", RK_STRING),
	A("Proxy-State", RK_STRING),
	A("Login-LAT-Service", RK_STRING),
	A("Login-LAT-Node", RK_STRING),
	A("Login-LAT-Group", RK_STRING),
	A("Framed-AppleTalk-Link", RK_NUM),
	A("Framed-AppleTalk-Network", RK_NUM),
	A("Framed-AppleTalk-Zone", RK_STRING),
	AV("Acct-Status-Type", acct_status_types, 1),		/* 40 */
	A("Acct-Delay-Time", RK_NUM),
	A("Acct-Input-Octets", RK_NUM),
	A("Acct-Output-Octets", RK_NUM),
	A("Acct-Session-Id", RK_STRING),
	AV("Acct-Authentic", acct_authentics, 1),
	A("Acct-Session-Time", RK_NUM),
	A("Acct-Input-Packets", RK_NUM),
	A("Acct-Output-Packets", RK_NUM),
	AV("Acct-Terminate-Cause", acct_term_causes, 1),
	A("Acct-Multi-Session-Id", RK_STRING),			/* 50 */
	A("Acct-Link-Count", RK_NUM),
	A("Acct-Input-Gigawords", RK_NUM),
	A("Acct-Output-Gigawords", RK_NUM),
	A("Unassigned", RK_NONE),
	A("Event-Timestamp", RK_TIME),
	A("Egress-VLANID", RK_NUM),
	AV("Ingress-Filters", ingress_filters, 1),
	A("Egress-VLAN-Name", RK_STRING),
	A("User-Priority-Table", RK_NONE),
	A("CHAP-Challenge", RK_STRING),				/* 60 */
	AV("NAS-Port-Type", nas_port_types, 0),
	A("Port-Limit", RK_NUM),
	A("Login-LAT-Port", RK_STRING),
	AV("Tunnel-Type", tunnel_types, 1),
	AV("Tunnel-Medium-Type", tunnel_media, 1),
	A("Tunnel-Client-Endpoint", RK_STRING),
	A("Tunnel-Server-Endpoint", RK_STRING),
	A("Acct-Tunnel-Connection", RK_STRING),
	A("Tunnel-Password", RK_STRING),
	A("ARAP-Password", RK_STRANGE),				/* 70 */
	A("ARAP-Features", RK_STRANGE),
	AV("ARAP-Zone-Access", arap_zones, 1),
	A("ARAP-Security", RK_STRING),
	A("ARAP-Security-Data", RK_STRING),
	A("Password-Retry", RK_NUM),
	AV("Prompt", prompts, 0),
	A("Connect-Info", RK_STRING),
	A("Configuration-Token", RK_STRING),
	A("EAP-Message", RK_STRING),
	A("Message-Authenticator", RK_STRING),			/* 80 */
	A("Tunnel-Private-Group-ID", RK_STRING),
	A("Tunnel-Assignment-ID", RK_STRING),
	A("Tunnel-Preference", RK_NUM),
	A("ARAP-Challenge-Response", RK_STRANGE),
	A("Acct-Interim-Interval", RK_NUM),
	A("Acct-Tunnel-Packets-Lost", RK_NUM),
	A("NAS-Port-Id", RK_STRING),
	A("Framed-Pool", RK_STRING),
	A("CUI", RK_STRING),
	A("Tunnel-Client-Auth-ID", RK_STRING),			/* 90 */
	A("Tunnel-Server-Auth-ID", RK_STRING),
	A("NAS-Filter-Rule", RK_STRING),
	A("Unassigned", RK_NONE),
	A("Originating-Line-Info", RK_NONE),
	A("NAS-IPv6-Address", RK_ADDR6),
	A("Framed-Interface-ID", RK_NONE),
	A("Framed-IPv6-Prefix", RK_PREFIX6),
	A("Login-IPv6-Host", RK_ADDR6),
	A("Framed-IPv6-Route", RK_STRING),
	A("Framed-IPv6-Pool", RK_STRING),			/* 100 */
	A("Error-Cause", RK_STRANGE),
	A("EAP-Key-Name", RK_NONE),
	A("Digest-Response", RK_STRING),
	A("Digest-Realm", RK_STRING),
	A("Digest-Nonce", RK_STRING),
	A("Digest-Response-Auth", RK_STRING),
	A("Digest-Nextnonce", RK_STRING),
	A("Digest-Method", RK_STRING),
	A("Digest-URI", RK_STRING),
	A("Digest-Qop", RK_STRING),				/* 110 */
	A("Digest-Algorithm", RK_STRING),
	A("Digest-Entity-Body-Hash", RK_STRING),
	A("Digest-CNonce", RK_STRING),
	A("Digest-Nonce-Count", RK_STRING),
	A("Digest-Username", RK_STRING),
	A("Digest-Opaque", RK_STRING),
	A("Digest-Auth-Param", RK_STRING),
	A("Digest-AKA-Auts", RK_STRING),
	A("Digest-Domain", RK_STRING),
	A("Digest-Stale", RK_STRING),				/* 120 */
	A("Digest-HA1", RK_STRING),
	A("SIP-AOR", RK_STRING),
	A("Delegated-IPv6-Prefix", RK_PREFIX6),
	A("MIP6-Feature-Vector", RK_VECTOR64),
	A("MIP6-Home-Link-Prefix", RK_HOMEPFX),
	A("Operator-Name", RK_OPNAME),
	A("Location-Information", RK_LOCINFO),
	A("Location-Data", RK_LOCDATA),
	A("Basic-Location-Policy-Rules", RK_BLPR),
};

/* SMI network management private enterprise codes tcpdump names. */
const struct tok rad_vendors[] = {
	{ 0, "IETF (reserved)" }, { 5, "ACC" }, { 9, "Cisco" },
	{ 11, "Hewlett Packard" }, { 42, "Sun Microsystems" }, { 61, "Merit" },
	{ 74, "AT&T" }, { 161, "Motorola" }, { 166, "Shiva" }, { 193, "Ericsson AB" },
	{ 255, "Cisco VPN 5000" }, { 307, "Livingston" }, { 311, "Microsoft" },
	{ 429, "3Com" }, { 529, "Ascend" }, { 1584, "Bay Networks" },
	{ 1991, "Foundry" }, { 2180, "Versanet" }, { 2352, "Redback" },
	{ 2636, "Juniper Networks" }, { 2637, "Aptis" },
	{ 2937, "Deutsche Telekom AG" }, { 3054, "Ixia Communications" },
	{ 3076, "Cisco VPN 3000" }, { 3085, "CoSine Communications" },
	{ 3224, "Netscreen" }, { 3199, "Shasta" }, { 3309, "Nomadix" },
	{ 3414, "T-Mobile" }, { 3561, "The Broadband Forum" }, { 3902, "ZTE" },
	{ 4329, "Siemens" }, { 4491, "CableLabs" }, { 4874, "Unisphere Networks" },
	{ 5263, "Cisco BBSM" },
	{ 5535, "3rd Generation Partnership Project 2 (3GPP2)" },
	{ 5806, "SK Telecom" }, { 5925, "ipUnplugged" },
	{ 5948, "Issanni Communications" }, { 5951, "Netscaler" },
	{ 6490, "T-Mobile" }, { 6618, "Quintum" }, { 6728, "Interlink" },
	{ 7951, "CNCTC" }, { 8164, "Starent Networks" }, { 8744, "Colubris" },
	{ 10415, "3GPP" }, { 10529, "Gemtek-Systems" },
	{ 10704, "Barracuda Networks" },
	{ 10923, "Ericsson AB - Packet Core Networks" }, { 11665, "dacom" },
	{ 11862, "Columbia University" }, { 12356, "Fortinet" },
	{ 12951, "Verizon Wireless" }, { 13745, "Plixer" },
	{ 14122, "Wi-Fi Alliance" }, { 16787, "T-Systems Nova" },
	{ 20942, "China Telecom - Guangzhou Research Institute" },
	{ 26866, "Gigamon Systems" }, { 32622, "CACE Technologies" },
	{ 35632, "ntop" }, { 46098, "Ericsson Canada" },
	{ 0, NULL }
};

static const struct tok error_causes[] = {
	{ 201, "Residual Session Context Removed" },
	{ 202, "Invalid EAP Packet (Ignored)" },
	{ 401, "Unsupported Attribute" }, { 402, "Missing Attribute" },
	{ 403, "NAS Identification Mismatch" }, { 404, "Invalid Request" },
	{ 405, "Unsupported Service" }, { 406, "Unsupported Extension" },
	{ 407, "Invalid Attribute Value" }, { 501, "Administratively Prohibited" },
	{ 502, "Request Not Routable (Proxy)" }, { 503, "Session Context Not Found" },
	{ 504, "Session Context Not Removable" },
	{ 505, "Other Proxy Processing Error" }, { 506, "Resources Unavailable" },
	{ 507, "Request Initiated" },
	{ 508, "Multiple Session Selection Unsupported" },
	{ 509, "Location Info Required" },
	{ 0, NULL }
};

/* MIP6-Feature-Vector bits (RFC 5447, 5779, 6572 and later). */
static const struct {
	uint64_t bit;
	const char *name;
} mip6_features[] = {
	{ 0x0000000000000001ull, "MIP6_INTEGRATED" },
	{ 0x0000000000000002ull, "LOCAL_HOME_AGENT_ASSIGNMENT" },
	{ 0x0000010000000000ull, "PMIP6_SUPPORTED" },
	{ 0x0000020000000000ull, "IP4_HOA_SUPPORTED" },
	{ 0x0000040000000000ull, "LOCAL_MAG_ROUTING_SUPPORTED" },
	{ 0x0000080000000000ull, "ASSIGN_LOCAL_IP" },
	{ 0x0000100000000000ull, "MIP4_SUPPORTED" },
	{ 0x0000200000000000ull, "OPTIMIZED_IDLE_MODE_MOBILITY" },
	{ 0x0000400000000000ull, "GTPv2_SUPPORTED" },
	{ 0x0000800000000000ull, "IP4_TRANSPORT_SUPPORTED" },
	{ 0x0001000000000000ull, "IP4_HOA_ONLY_SUPPORTED" },
	{ 0x0002000000000000ull, "INTER_MAG_ROUTING_SUPPORTED" },
};

static const struct tok operator_namespaces[] = {
	{ 0x30, "TADIG" }, { 0x31, "REALM" }, { 0x32, "E212" }, { 0x33, "ICC" },
	{ 0, NULL }
};
static const struct tok location_codes[] = { { 0, "Civic" }, { 1, "Geospatial" }, { 0, NULL } };
static const struct tok location_entities[] = { { 0, "User" }, { 1, "RADIUS" }, { 0, NULL } };

/* Basic-Location-Policy-Rules flags: bit 0 (the top one) is defined, the
 * others must be zero and are named after their position. */
static const struct tok blpr_flags[] = {
	{ 0x0001, "MBZ-15" }, { 0x0002, "MBZ-14" }, { 0x0004, "MBZ-13" },
	{ 0x0008, "MBZ-12" }, { 0x0010, "MBZ-11" }, { 0x0020, "MBZ-10" },
	{ 0x0040, "MBZ-9" }, { 0x0080, "MBZ-8" }, { 0x0100, "MBZ-7" },
	{ 0x0200, "MBZ-6" }, { 0x0400, "MBZ-5" }, { 0x0800, "MBZ-4" },
	{ 0x1000, "MBZ-3" }, { 0x2000, "MBZ-2" }, { 0x4000, "MBZ-1" },
	{ 0x8000, "Retransmission Allowed" },
	{ 0, NULL }
};

void rad_attr_time(struct nd *nd, const uint8_t *p, unsigned len)
{
	time_t t;
	struct tm tm;
	char buf[64];

	if (len != 4) {
		P("ERROR: length %u != 4", len);
		return;
	}
	t = (time_t)g4(nd, p);
	/* ctime()'s layout, in local time */
	if (localtime_r(&t, &tm) && strftime(buf, sizeof(buf), "%a %b %e %H:%M:%S %Y", &tm))
		P("%.24s", buf);
}

/* n octets in upper-case hex, each fetched on its own */
static void hex_upper(struct nd *nd, const uint8_t *p, unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++)
		P("%02X", g1(nd, p + i));
}

void rad_attr_strange(struct nd *nd, const uint8_t *p, unsigned len, unsigned code)
{
	char b[48];
	uint32_t v;

	switch (code) {
	case RA_ARAP_PASSWORD:
		if (len != 16) {
			P("ERROR: length %u != 16", len);
			return;
		}
		P("User_challenge (");
		hex_upper(nd, p, 8);
		P(") User_resp(");
		hex_upper(nd, p + 8, 8);
		P(")");
		break;
	case RA_ARAP_FEATURES:
		if (len != 14) {
			P("ERROR: length %u != 14", len);
			return;
		}
		P("User %s change password", g1(nd, p) ? "can" : "cannot");
		P(", Min password length: %u", g1(nd, p + 1));
		P(", created at: ");
		hex_upper(nd, p + 2, 4);
		P(", expires in: ");
		hex_upper(nd, p + 6, 4);
		P(", Current Time: ");
		hex_upper(nd, p + 10, 4);
		break;
	case RA_ARAP_CHALLENGE:
		if (len < 8) {
			P("ERROR: length %u != 8", len);
			return;
		}
		hex_upper(nd, p, 8);
		break;
	case RA_ERROR_CAUSE:
		if (len != 4) {
			P("Error: length %u != 4", len);
			return;
		}
		v = g4(nd, p);
		P("Error cause %u: %s", v, tok2str(error_causes, "Error-Cause %u not known", v, b, sizeof(b)));
		break;
	}
}

void rad_attr_vector64(struct nd *nd, const uint8_t *p, unsigned len)
{
	uint64_t v;
	const char *sep = "";
	size_t i;

	if (len != 8) {
		P("ERROR: length %u != 8", len);
		return;
	}
	P("[");
	v = g8(nd, p);
	for (i = 0; i < sizeof(mip6_features) / sizeof(mip6_features[0]); i++) {
		if (v & mip6_features[i].bit) {
			P("%s%s", sep, mip6_features[i].name);
			sep = ", ";
		}
	}
	P("]");
}

void rad_attr_homepfx(struct nd *nd, const uint8_t *p, unsigned len)
{
	char b[46];

	if (len != 17) {
		P("ERROR: length %u != 17", len);
		return;
	}
	if (!nd_ok(nd, p, len)) {
		nd_trunc(nd);
		return;
	}
	if (p[0] > 128) {
		P("ERROR: netmask %u not in range (0..128)", p[0]);
		return;
	}
	P("%s/%u", ip6_str(nd, p + 1, b), p[0]);
}

void rad_attr_opname(struct nd *nd, const uint8_t *p, unsigned len)
{
	char b[40];

	if (!nd_ok(nd, p, len)) {
		nd_trunc(nd);
		return;
	}
	if (len < 2) {
		P("ERROR: length %u < 2", len);
		return;
	}
	P("[%s] ", tok2str(operator_namespaces, "unknown namespace %u", p[0], b, sizeof(b)));
	chars_print(nd, p + 1, len - 1);
}

void rad_attr_locinfo(struct nd *nd, const uint8_t *p, unsigned len)
{
	char b1[32], b2[32];

	if (!nd_ok(nd, p, len)) {
		nd_trunc(nd);
		return;
	}
	if (len < 21) {
		P("ERROR: length %u < 21", len);
		return;
	}
	P("index %u, code %s, entity %s, ", g2(nd, p),
	  tok2str(location_codes, "Unknown (%u)", p[2], b1, sizeof(b1)),
	  tok2str(location_entities, "Unknown (%u)", p[3], b2, sizeof(b2)));
	P("sighting time ");
	ntp_time_print(nd, p + 4);
	P(", time to live ");
	ntp_time_print(nd, p + 12);
	P(", method \"");
	chars_print(nd, p + 20, len - 20);
	P("\"");
}

void rad_attr_locdata(struct nd *nd, const uint8_t *p, unsigned len)
{
	if (!nd_ok(nd, p, len)) {
		nd_trunc(nd);
		return;
	}
	if (len < 3) {
		P("ERROR: length %u < 3", len);
		return;
	}
	/* the location's layout depends on an earlier Location-Information
	 * attribute's code, so it is only dumped */
	P("index %u, location", g2(nd, p));
	hexdump_ascii(nd, "\n\t    ", p + 2, len - 2, 0);
}

void rad_attr_blpr(struct nd *nd, const uint8_t *p, unsigned len)
{
	if (!nd_ok(nd, p, len)) {
		nd_trunc(nd);
		return;
	}
	if (len < 10) {
		P("ERROR: length %u < 10", len);
		return;
	}
	P("flags [");
	bits_print(nd, blpr_flags, "none", g2(nd, p), ", ");
	P("], retention expires ");
	ntp_time_print(nd, p + 2);
	if (len > 10) {
		P(", note well \"");
		chars_print(nd, p + 10, len - 10);
		P("\"");
	}
}
