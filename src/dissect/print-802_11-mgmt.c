/* IEEE 802.11 management frame bodies (beacons, probes, association,
 * authentication, deauthentication, actions) and their information
 * elements, as tcpdump prints them. */

#include "dissect-int.h"

/* Status codes (IEEE 802.11-2016 table 9-46), by value. */
static const char *const status_names[] = {
	"Successful",
	"Unspecified failure",
	"TDLS wakeup schedule rejected but alternative schedule provided",
	"TDLS wakeup schedule rejected",
	"Reserved",
	"Security disabled",
	"Unacceptable lifetime",
	"Not in same BSS",
	"Reserved",
	"Reserved",
	"Cannot Support all requested capabilities in the Capability"
	  " Information field",
	"Reassociation denied due to inability to confirm that"
	  " association exists",
	"Association denied due to reason outside the scope of this"
	  " standard",
	"Responding STA does not support the specified authentication"
	  " algorithm",
	"Received an Authentication frame with authentication"
	  " transaction sequence number out of expected sequence",
	"Authentication rejected because of challenge failure",
	"Authentication rejected due to timeout waiting for next frame"
	  " in sequence",
	"Association denied because AP is unable to handle additional"
	  " associated STAs",
	"Association denied due to requesting STA not supporting all of"
	  " the data rates in the BSSBasicRateSet parameter, the Basic"
	  " HT-MCS Set field of the HT Operation parameter, or the Basic"
	  " VHT-MCS and NSS Set field in the VHT Operation parameter",
	"Association denied due to requesting STA not supporting the"
	  " short preamble option",
	"Reserved",
	"Reserved",
	"Association request rejected because Spectrum Management"
	  " capability is required",
	"Association request rejected because the information in the"
	  " Power Capability element is unacceptable",
	"Association request rejected because the information in the"
	  " Supported Channels element is unacceptable",
	"Association denied due to requesting STA not supporting the"
	  " Short Slot Time option",
	"Reserved",
	"Association denied because the requested STA does not support"
	  " HT features",
	"R0KH unreachable",
	"Association denied because the requesting STA does not support"
	  " the phased coexistence operation (PCO) transition time"
	  " required by the AP",
	"Association request rejected temporarily; try again later",
	"Robust management frame policy violation",
	"Unspecified, QoS-related failure",
	"Association denied because QoS AP or PCP has insufficient"
	  " bandwidth to handle another QoS STA",
	"Association denied due to excessive frame loss rates and/or"
	  " poor conditions on current operating channel",
	"Association (with QoS BSS) denied because the requesting STA"
	  " does not support the QoS facility",
	"Reserved",
	"The request has been declined",
	"The request has not been successful as one or more parameters"
	  " have invalid values",
	"The allocation or TS has not been created because the request"
	  " cannot be honored; however, a suggested TSPEC/DMG TSPEC is"
	  " provided so that the initiating STA can attempt to set another"
	  " allocation or TS with the suggested changes to the TSPEC/DMG"
	  " TSPEC",
	"Invalid element, i.e., an element defined in this standard for"
	  " which the content does not meet the specifications in Clause 9",
	"Invalid group cipher",
	"Invalid pairwise cipher",
	"Invalid AKMP",
	"Unsupported RSNE version",
	"Invalid RSNE capabilities",
	"Cipher suite rejected because of security policy",
	"The TS or allocation has not been created; however, the HC or"
	  " PCP might be capable of creating a TS or allocation, in"
	  " response to a request, after the time indicated in the TS"
	  " Delay element",
	"Direct Link is not allowed in the BSS by policy",
	"The Destination STA is not present within this BSS",
	"The Destination STA is not a QoS STA",
	"Association denied because the listen interval is too large",
	"Invalid FT Action frame count",
	"Invalid pairwise master key identifier (PMKID)",
	"Invalid MDE",
	"Invalid FTE",
	"Requested TCLAS processing is not supported by the AP or PCP",
	"The AP or PCP has insufficient TCLAS processing resources to"
	  " satisfy the request",
	"The TS has not been created because the request cannot be"
	  " honored; however, the HC or PCP suggests that the STA"
	  " transition to a different BSS to set up the TS",
	"GAS Advertisement Protocol not supported",
	"No outstanding GAS request",
	"GAS Response not received from the Advertisement Server",
	"STA timed out waiting for GAS Query Response",
	"LARGE GAS Response is larger than query response length limit",
	"Request refused because home network does not support request",
	"Advertisement Server in the network is not currently reachable",
	"Reserved",
	"Request refused due to permissions received via SSPN interface",
	"Request refused because the AP or PCP does not support"
	  " unauthenticated access",
	"Reserved",
	"Reserved",
	"Reserved",
	"Invalid contents of RSNE",
	"U-APSD coexistence is not supported",
	"Requested U-APSD coexistence mode is not supported",
	"Requested Interval/Duration value cannot be supported with"
	  " U-APSD coexistence",
	"Authentication is rejected because an Anti-Clogging Token is"
	  " required",
	"Authentication is rejected because the offered finite cyclic"
	  " group is not supported",
	"The TBTT adjustment request has not been successful because the"
	  " STA could not find an alternative TBTT",
	"Transmission failure",
	"Requested TCLAS Not Supported",
	"TCLAS Resources Exhausted",
	"Rejected with Suggested BSS transition",
	"Reject with recommended schedule",
	"Reject because no wakeup schedule specified",
	"Success, the destination STA is in power save mode",
	"FST pending, in process of admitting FST session",
	"Performing FST now",
	"FST pending, gap(s) in block ack window",
	"Reject because of U-PID setting",
	"Reserved",
	"Reserved",
	"(Re)Association refused for some external reason",
	"(Re)Association refused because of memory limits at the AP",
	"(Re)Association refused because emergency services are not"
	  " supported at the AP",
	"GAS query response not yet received",
	"Reject since the request is for transition to a frequency band"
	  " subject to DSE procedures and FST Initiator is a dependent STA",
	"Requested TCLAS processing has been terminated by the AP",
	"The TS schedule conflicts with an existing schedule; an"
	  " alternative schedule is provided",
	"The association has been denied; however, one or more"
	  " Multi-band elements are included that can be used by the"
	  " receiving STA to join the BSS",
	"The request failed due to a reservation conflict",
	"The request failed due to exceeded MAF limit",
	"The request failed due to exceeded MCCA track limit",
	"Association denied because the information in theSpectrum"
	  " Management field is unacceptable",
	"Association denied because the requesting STA does not support"
	  " VHT features",
	"Enablement denied",
	"Enablement denied due to restriction from an authorized GDB",
	"Authorization deenabled",
};
/* Reason codes (table 9-45), by value. */
static const char *const reason_names[] = {
	"Reserved",
	"Unspecified reason",
	"Previous authentication no longer valid",
	"Deauthenticated because sending STA is leaving (or has left)"
	  " IBSS or ESS",
	"Disassociated due to inactivity",
	"Disassociated because AP is unable to handle all currently "
	  " associated STAs",
	"Class 2 frame received from nonauthenticated STA",
	"Class 3 frame received from nonassociated STA",
	"Disassociated because sending STA is leaving (or has left) BSS",
	"STA requesting (re)association is not authenticated with"
	  " responding STA",
	"Disassociated because the information in the Power Capability"
	  " element is unacceptable",
	"Disassociated because the information in the Supported Channels"
	  " element is unacceptable",
	"Disassociated due to BSS transition management",
	"Invalid element, i.e., an element defined in this standard for"
	  " which the content does not meet the specifications in Clause 9",
	"Message integrity code (MIC) failure",
	"4-Way Handshake timeout",
	"Group key handshake timeout",
	"Information element in 4-Way Handshake different from"
	  " (Re)AssociationRequest/Probe Response/Beacon frame",
	"Invalid group cipher",
	"Invalid pairwise cipher",
	"Invalid AKMP",
	"Unsupported RSNE version",
	"Invalid RSNE capabilities",
	"IEEE 802.1X authentication failed",
	"Cipher suite rejected because of the security policy",
	"TDLS direct-link teardown due to TDLS peer STA unreachable via"
	  " the TDLS direct link",
	"TDLS direct-link teardown for unspecified reason",
	"Disassociated because session terminated by SSP request",
	"Disassociated because of lack of SSP roaming agreement",
	"Requested service rejected because of SSP cipher suite or AKM"
	  " requirement",
	"Requested service not authorized in this location",
	"TS deleted because QoS AP lacks sufficient bandwidth for this"
	  " QoS STA due to a change in BSS service characteristics or"
	  " operational mode (e.g. an HT BSS change from 40 MHz channel to"
	  " 20 MHz channel)",
	"Disassociated for unspecified, QoS-related reason",
	"Disassociated because QoS AP lacks sufficient bandwidth for"
	  " this QoS STA",
	"Disassociated because of excessive number of frames that need"
	  " to be acknowledged, but are not acknowledged due to AP"
	  " transmissions and/or poor channel conditions",
	"Disassociated because STA is transmitting outside the limits of"
	  " its TXOPs",
	"Requested from peer STA as the STA is leaving the BSS (or"
	  " resetting)",
	"Requested from peer STA as it does not want to use the mechanism",
	"Requested from peer STA as the STA received frames using the"
	  " mechanism for which a set up is required",
	"Requested from peer STA due to time out",
	"Reserved",
	"Reserved",
	"Reserved",
	"Reserved",
	"Reserved",
	"Peer STA does not support the requested cipher suite",
	"In a DLS Teardown frame: The teardown was initiated by the DLS"
	  " peer. In a Disassociation frame: Disassociated because"
	  " authorized access limit reached",
	"In a DLS Teardown frame: The teardown was initiated by the AP."
	  " In a Disassociation frame: Disassociated due to external"
	  " service requirements",
	"Invalid FT Action frame count",
	"Invalid pairwise master key identifier (PMKID)",
	"Invalid MDE",
	"Invalid FTE",
	"Mesh peering canceled for unknown reasons",
	"The mesh STA has reached the supported maximum number of peer"
	  " mesh STAs",
	"The received information violates the Mesh Configuration policy"
	  " configured in the mesh STA profile",
	"The mesh STA has received a Mesh Peering Close frame requesting"
	  " to close the mesh peering",
	"The mesh STA has resent dot11MeshMaxRetries Mesh Peering Open"
	  " frames, without receiving a Mesh Peering Confirm frame",
	"The confirmTimer for the mesh peering instance times out",
	"The mesh STA fails to unwrap the GTK or the values in the"
	  " wrapped contents do not match",
	"The mesh STA receives inconsistent information about the mesh"
	  " parameters between mesh peering Management frames",
	"The mesh STA fails the authenticated mesh peering exchange"
	  " because due to failure in selecting either the pairwise"
	  " ciphersuite or group ciphersuite",
	"The mesh STA does not have proxy information for this external"
	  " destination",
	"The mesh STA does not have forwarding information for this"
	  " destination",
	"The mesh STA determines that the link to the next hop of an"
	  " active path in its forwarding information is no longer usable",
	"The Deauthentication frame was sent because the MAC address of"
	  " the STA already exists in the mesh BSS",
	"The mesh STA performs channel switch to meet regulatory"
	  " requirements",
	"The mesh STA performs channel switching with unspecified reason",
};
#define NSTATUS (sizeof(status_names) / sizeof(status_names[0]))
#define NREASON (sizeof(reason_names) / sizeof(reason_names[0]))

static const char *status_str(unsigned v)
{
	return v < NSTATUS ? status_names[v] : "n/a";
}

static const char *reason_str(unsigned v)
{
	return v < NREASON ? reason_names[v] : "Reserved";
}

static const struct tok mgmt_subtypes[] = {
	{ 0, "Assoc Request" }, { 1, "Assoc Response" }, { 2, "ReAssoc Request" },
	{ 3, "ReAssoc Response" }, { 4, "Probe Request" }, { 5, "Probe Response" },
	{ 8, "Beacon" }, { 9, "ATIM" }, { 10, "Disassociation" }, { 11, "Authentication" },
	{ 12, "DeAuthentication" }, { 13, "Action" }, { 0, NULL }
};

/* The elements tcpdump shows: the first of each kind. */
struct elems {
	const uint8_t *ssid;	/* NULL: none */
	unsigned ssid_len;
	const uint8_t *rates;	/* NULL: none (empty ones are ignored) */
	unsigned nrates;
	int channel;		/* DS parameter set, -1: none */
};

/* Walks the elements of a body from p (len bytes); 0 when one is cut
 * short or too long for its kind. */
static int elems_parse(struct nd *nd, const uint8_t *p, uint32_t len, struct elems *e)
{
	e->ssid = e->rates = NULL;
	e->ssid_len = e->nrates = 0;
	e->channel = -1;
	while (len != 0) {
		unsigned id, el;

		if (!nd_ok(nd, p, 2) || len < 2)
			return 0;
		id = p[0];
		el = p[1];
		if (!nd_ok(nd, p + 2, el) || len < el + 2)
			return 0;
		switch (id) {
		case 0:	/* SSID */
			if (el > 32)
				return 0;
			if (!e->ssid) {
				e->ssid = p + 2;
				e->ssid_len = el;
			}
			break;
		case 1:	/* supported rates */
			if (el > 16)
				return 0;
			if (!e->rates && el) {
				e->rates = p + 2;
				e->nrates = el;
			}
			break;
		case 3:	/* DS parameter set */
			if (el == 1 && e->channel < 0)
				e->channel = p[2];
			break;
		case 5:	/* TIM: a bitmap of at most 251 bytes */
			if (el > 3 && el - 3 > 251)
				return 0;
			break;
		case 16:	/* challenge text */
			if (el > 253)
				return 0;
			break;
		}
		p += 2 + el;
		len -= 2 + el;
	}
	return 1;
}

static void ssid_print(struct nd *nd, const struct elems *e)
{
	unsigned i;

	if (!e->ssid)
		return;
	P(" (");
	for (i = 0; i < e->ssid_len && e->ssid[i]; i++)
		char_print(nd, e->ssid[i]);
	P(")");
}

static void rates_print(struct nd *nd, const struct elems *e)
{
	unsigned i;

	if (!e->rates)
		return;
	for (i = 0; i < e->nrates; i++)
		P("%s%2.1f%s", i ? " " : " [", .5 * (e->rates[i] & 0x7f),
		  (e->rates[i] & 0x80) ? "*" : "");
	P(" Mbit]");
}

static void channel_print(struct nd *nd, const struct elems *e, unsigned cap)
{
	if (e->channel >= 0)
		P(" CH: %u", (unsigned)e->channel);
	if (cap & 0x0010)
		P(", PRIVACY");
}

int wifi_wep_print(struct nd *nd, const uint8_t *p)
{
	uint32_t iv;

	if (!nd_ok(nd, p, 4))
		return 0;
	iv = gl4(nd, p);
	P(" IV:%3x Pad %x KeyID %x", iv & 0xffffff, (iv >> 24) & 0x3f, iv >> 30);
	return 1;
}

/* Beacon and probe response: timestamp, interval, capabilities. */
static int beacon_print(struct nd *nd, const uint8_t *p, uint32_t len, int beacon)
{
	struct elems e;
	unsigned cap;
	int r;

	if (!nd_ok(nd, p, 12) || len < 12)
		return 0;
	cap = gl2(nd, p + 10);
	r = elems_parse(nd, p + 12, len - 12, &e);
	ssid_print(nd, &e);
	rates_print(nd, &e);
	if (beacon)
		P(" %s", (cap & 1) ? "ESS" : "IBSS");
	channel_print(nd, &e, cap);
	return r;
}

/* (Re)association response: capabilities, status, association id. */
static int assoc_resp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	struct elems e;
	unsigned cap, status, aid;
	int r;

	if (!nd_ok(nd, p, 6) || len < 6)
		return 0;
	cap = gl2(nd, p);
	status = gl2(nd, p + 2);
	aid = gl2(nd, p + 4) & 0x3fff;
	r = elems_parse(nd, p + 6, len - 6, &e);
	P(" AID(%x) :%s: %s", aid, (cap & 0x0010) ? " PRIVACY " : "", status_str(status));
	return r;
}

static int auth_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	static const char *const algs[] = { "Open System", "Shared Key", "EAP" };
	struct elems e;
	unsigned alg, seq, status;
	const char *an, *st;
	int r;

	if (!nd_ok(nd, p, 6) || len < 6)
		return 0;
	alg = gl2(nd, p);
	seq = gl2(nd, p + 2);
	status = gl2(nd, p + 4);
	r = elems_parse(nd, p + 6, len - 6, &e);
	an = alg < 3 ? algs[alg] : "Reserved";
	st = (seq % 2) ? status_str(status) : "";
	/* shared key: the challenge of the 2nd and 3rd frames */
	if (alg == 1 && (seq == 2 || seq == 3))
		P(" (%s)-%x [Challenge Text] %s", an, seq, st);
	else
		P(" (%s)-%x: %s", an, seq, st);
	return r;
}

static void action_name(struct nd *nd, unsigned cat, unsigned act)
{
	static const char *const ba[] = { "ADDBA Request", "ADDBA Response", "DELBA" };
	static const char *const ht[] = { "TxChWidth", "MIMOPwrSave" };
	static const char *const mesh[] = {
		"MeshLink", "HWMP", "Gate Announcement", "Congestion Control",
		"MCCA Setup Request", "MCCA Setup Reply", "MCCA Advertisement Request",
		"MCCA Advertisement", "MCCA Teardown", "TBTT Adjustment Request",
		"TBTT Adjustment Response"
	};
	static const char *const multihop[] = { "Proxy Update", "Proxy Update Confirmation" };
	static const char *const selfprot[] = {
		NULL, "Peering Open", "Peering Confirm", "Peering Close", "Group Key Inform",
		"Group Key Acknowledge"
	};
	const char *const *names = NULL;
	unsigned n = 0;

	switch (cat) {
	case 0: P("Spectrum Management "); break;
	case 1: P("QoS "); break;
	case 2: P("DLS "); break;
	case 3: P("BA "); names = ba; n = 3; break;
	case 7: P("HT "); names = ht; n = 2; break;
	case 13: P("MeshAction "); names = mesh; n = 11; break;
	case 14: P("MultiohopAction "); names = multihop; n = 2; break;
	case 15: P("SelfprotectAction "); names = selfprot; n = 6; break;
	case 127: P("Vendor "); break;
	default: P("Reserved(%u) ", cat); break;
	}
	if (act < n && names[act])
		P("%s", names[act]);
	else
		P("Act#%u", act);
}

int wifi_mgmt_body_print(struct nd *nd, uint16_t fc, const uint8_t *src, const uint8_t *p,
			 uint32_t len)
{
	unsigned st = (fc >> 4) & 0xf;
	struct elems e;
	char b[48];
	int r;

	P("%s", tok2str(mgmt_subtypes, "Unhandled Management subtype(%x)", st, b, sizeof(b)));
	if (fc & 0x4000)
		return wifi_wep_print(nd, p);
	switch (st) {
	case 0:	/* association request: capabilities, listen interval */
		if (!nd_ok(nd, p, 4) || len < 4)
			return 0;
		r = elems_parse(nd, p + 4, len - 4, &e);
		ssid_print(nd, &e);
		rates_print(nd, &e);
		return r;
	case 1:
	case 3:
		return assoc_resp_print(nd, p, len);
	case 2:	/* reassociation request: ... and the current AP */
		if (!nd_ok(nd, p, 10) || len < 10)
			return 0;
		r = elems_parse(nd, p + 10, len - 10, &e);
		ssid_print(nd, &e);
		P(" AP : %s", mac_str(nd, p + 4, b));
		return r;
	case 4:
		r = elems_parse(nd, p, len, &e);
		ssid_print(nd, &e);
		rates_print(nd, &e);
		return r;
	case 5:
	case 8:
		return beacon_print(nd, p, len, st == 8);
	case 10:
	case 12:
		if (!nd_ok(nd, p, 2) || len < 2)
			return 0;
		if (st == 12 && !nd->o->eflag)
			P(" (%s)", mac_str(nd, src, b));
		P(": %s", reason_str(gl2(nd, p)));
		return 1;
	case 11:
		return auth_print(nd, p, len);
	case 13:
		if (!nd_ok(nd, p, 2) || len < 2)
			return 0;
		if (nd->o->eflag)
			P(": ");
		else
			P(" (%s): ", mac_str(nd, src, b));
		action_name(nd, p[0], p[1]);
		return 1;
	default:	/* ATIM has no body */
		return 1;
	}
}
