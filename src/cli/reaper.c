/*
 * What a killed capture leaves behind.  tcx links go with the process,
 * clsact filters do not: after a SIGKILL they would keep running on every
 * packet until the next start removes them (loader_cleanup_stale).  So a
 * child process, started before the first attachment, waits on a pipe.
 * The capture writes one byte to it when it exits by itself; end of file
 * without that byte means it died, and the child removes the filters that
 * carry its pid as their handle, on every interface of every network
 * namespace, then exits.
 */
#include "cli/reaper.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "capture/loader.h"

#define MAX_NETNS 4096

/* Every interface of the namespace at path, without the filters of owner. */
static void sweep_netns(const char *path, uint32_t owner)
{
	struct if_nameindex *ifs, *i;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	if (setns(fd, CLONE_NEWNET) == 0) {
		ifs = if_nameindex();
		for (i = ifs; i && i->if_index; i++)
			loader_remove_run(i->if_index, owner);
		if (ifs)
			if_freenameindex(ifs);
	}
	close(fd);
}

static int seen_ino(ino_t *seen, size_t *n, ino_t ino)
{
	for (size_t i = 0; i < *n; i++)
		if (seen[i] == ino)
			return 1;
	if (*n < MAX_NETNS)
		seen[(*n)++] = ino;
	return 0;
}

/* Each namespace once: those of the processes, and those bound under
 * /run/netns without a process. */
static void sweep_all(uint32_t owner)
{
	static ino_t seen[MAX_NETNS];
	const char *dirs[] = { "/proc", "/run/netns" };
	char path[300];
	struct dirent *de;
	struct stat st;
	size_t n = 0;

	for (int d = 0; d < 2; d++) {
		DIR *dir = opendir(dirs[d]);

		while (dir && (de = readdir(dir))) {
			if (de->d_name[0] == '.' ||
			    (d == 0 && (de->d_name[0] < '0' || de->d_name[0] > '9')))
				continue;
			snprintf(path, sizeof(path), d ? "%s/%s" : "%s/%s/ns/net",
				 dirs[d], de->d_name);
			if (stat(path, &st) == 0 && !seen_ino(seen, &n, st.st_ino))
				sweep_netns(path, owner);
		}
		if (dir)
			closedir(dir);
	}
}

static void reaper_main(int rfd, uint32_t owner)
{
	int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE };
	sigset_t none;
	char c;
	ssize_t n;

	/* a Ctrl-C or a kill of the whole group is for the capture */
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], SIG_IGN);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	prctl(PR_SET_NAME, "ptcpdump-reap");
	/* nothing of the capture's (its links, files, pipes, terminal) stays
	 * open here */
	if (dup2(rfd, 3) == 3)
		close_range(4, ~0u, 0);
	rfd = open("/dev/null", O_RDWR);
	for (int fd = 0; rfd >= 0 && fd < 3; fd++)
		dup2(rfd, fd);
	do
		n = read(3, &c, 1);
	while (n < 0 && errno == EINTR);
	if (n == 1)
		_exit(0);
	sweep_all(owner);
	_exit(0);
}

int reaper_start(struct reaper *r)
{
	int p[2];
	pid_t pid, owner = getpid();

	r->pid = -1;
	r->fd = -1;
	if (pipe2(p, O_CLOEXEC) < 0)
		return -1;
	pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		close(p[1]);
		reaper_main(p[0], (uint32_t)owner);
	}
	close(p[0]);
	r->pid = pid;
	r->fd = p[1];
	return 0;
}

void reaper_stop(struct reaper *r)
{
	if (r->fd >= 0) {
		(void)!write(r->fd, "x", 1);
		close(r->fd);
		r->fd = -1;
	}
	if (r->pid > 0) {
		waitpid(r->pid, NULL, 0);
		r->pid = -1;
	}
}
