/*
 * The one warning per absent daemon, and holding it back while a capture
 * starts (cmeta_launch .. cmeta_ready).
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "meta/cmeta_int.h"

static bool cm_quiet;
/* Between cmeta_launch() and cmeta_ready(), warnings wait here: the
 * capture may still fail to start, and then its error is the only line. */
static pthread_mutex_t wmu = PTHREAD_MUTEX_INITIALIZER;
static bool cm_hold;
static char cm_held[2][600];

void cmeta_quiet_warnings(bool quiet)
{
	cm_quiet = quiet;
}

void cm_warn_once(struct cm_source *s, const char *what, const char *reason)
{
	static int warned_ctrd, warned_docker;
	bool docker = !strcmp(what, "docker");
	int *w = docker ? &warned_docker : &warned_ctrd;
	pthread_mutex_lock(&wmu);
	if (!*w && !cm_quiet) {
		snprintf(cm_held[docker], sizeof(cm_held[docker]),
			 "ptcpdump: warning: %s not available at %s: %s\n",
			 what, s->addr, reason);
		if (!cm_hold) {
			fputs(cm_held[docker], stderr);
			cm_held[docker][0] = '\0';
		}
	}
	*w = 1;
	pthread_mutex_unlock(&wmu);
}

void cm_release_warnings(void)
{
	pthread_mutex_lock(&wmu);
	for (int i = 0; i < 2; i++) {
		fputs(cm_held[i], stderr);
		cm_held[i][0] = '\0';
	}
	cm_hold = false;
	pthread_mutex_unlock(&wmu);
}

void cm_hold_warnings(void)
{
	pthread_mutex_lock(&wmu);
	cm_hold = true;
	pthread_mutex_unlock(&wmu);
}

bool cm_warnings_held(void)
{
	bool held;

	pthread_mutex_lock(&wmu);
	held = cm_hold;
	pthread_mutex_unlock(&wmu);
	return held;
}
