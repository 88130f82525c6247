/*
 * Least privilege once the capture is set up: -Z USER switches to that
 * user, as tcpdump does, and in every case the capabilities the rest of the
 * run does not need are dropped.  What stays lets us attach to interfaces
 * that appear later (BPF, NET_ADMIN, SYS_ADMIN for setns), read other
 * users' /proc entries (SYS_PTRACE, DAC_READ_SEARCH) and reconnect to the
 * runtimes' root-only sockets (DAC_OVERRIDE).
 */
#include "run.h"

#include <errno.h>
#include <grp.h>
#include <linux/capability.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef CAP_PERFMON
#define CAP_PERFMON 38
#endif
#ifndef CAP_BPF
#define CAP_BPF 39
#endif

static const int keep[] = {
	CAP_NET_ADMIN, CAP_BPF, CAP_PERFMON, CAP_SYS_ADMIN, CAP_SYS_PTRACE,
	CAP_DAC_READ_SEARCH, CAP_DAC_OVERRIDE, CAP_SYS_RESOURCE, CAP_NET_RAW,
};

static int set_caps(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	size_t i;

	uint32_t have[2];

	memset(d, 0, sizeof(d));
	if (syscall(SYS_capget, &h, d) != 0)
		return -1;
	/* never ask for more than we hold */
	have[0] = d[0].permitted;
	have[1] = d[1].permitted;
	memset(d, 0, sizeof(d));
	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++) {
		uint32_t bit = 1u << (keep[i] % 32);

		if (!(have[keep[i] / 32] & bit))
			continue;
		d[keep[i] / 32].effective |= bit;
		d[keep[i] / 32].permitted |= bit;
	}
	return (int)syscall(SYS_capset, &h, d);
}

static struct passwd *find_user(const char *user)
{
	struct passwd *pw = getpwnam(user);

	if (!pw)
		die_msg("Couldn't find user '%s'", user);
	return pw;
}

int privs_check_user(const char *user)
{
	return !user || find_user(user) ? 0 : -1;
}

int privs_drop(const char *user)
{
	struct passwd *pw = NULL;

	if (user) {
		pw = find_user(user);
		if (!pw)
			return -1;
		if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) != 0 ||
		    initgroups(pw->pw_name, pw->pw_gid) != 0 ||
		    setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0) {
			die_msg("Couldn't change to '%s': %s", user, strerror(errno));
			return -1;
		}
	}
	/* only when we had them: an unprivileged run keeps what it has */
	if (geteuid() == 0 || user) {
		if (set_caps() != 0 && user) {
			die_msg("Couldn't keep the capabilities as '%s': %s", user,
				strerror(errno));
			return -1;
		}
	}
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	return 0;
}
