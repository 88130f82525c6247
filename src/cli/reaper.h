/* A child process that removes a killed capture's clsact filters. */
#ifndef PTCPDUMP_REAPER_H
#define PTCPDUMP_REAPER_H

#include <sys/types.h>

struct reaper {
	pid_t pid;	/* -1: none */
	int fd;		/* our end of its pipe */
};

/* Starts it (before the first attachment, while we may still change
 * interfaces); -1 with errno if it could not be. */
int reaper_start(struct reaper *r);
/* We exit by ourselves, our filters removed: it exits without work. */
void reaper_stop(struct reaper *r);

#endif
