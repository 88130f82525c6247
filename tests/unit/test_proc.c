/* Unit tests for src/meta/proc.c's start-up scan of /proc: what it reads
 * of a process, a name with parentheses, and the scan by several threads
 * (with enough processes) finding every one of them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "meta/proc.h"

static uint32_t ino(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (uint32_t)st.st_ino : 0;
}

/* Children that wait in pause(), each named name; the name is set
 * before the parent hears of the child through the pipe. */
static void spawn(pid_t *kids, int n, const char *name)
{
	int p[2], i;
	char c;

	assert_int_equal(pipe(p), 0);
	for (i = 0; i < n; i++) {
		kids[i] = fork();
		assert_true(kids[i] >= 0);
		if (kids[i] == 0) {
			prctl(PR_SET_NAME, name);
			if (write(p[1], "x", 1) != 1)
				_exit(1);
			for (;;)
				pause();
		}
	}
	for (i = 0; i < n; i++)
		assert_int_equal(read(p[0], &c, 1), 1);
	close(p[0]);
	close(p[1]);
}

static void reap(pid_t *kids, int n)
{
	int i;

	for (i = 0; i < n; i++)
		kill(kids[i], SIGKILL);
	for (i = 0; i < n; i++)
		waitpid(kids[i], NULL, 0);
}

static void test_scan_reads_self(void **state)
{
	struct proc_cache *pc = proc_cache_new(65536);
	const struct proc_entry *e;
	char exe[512];
	ssize_t n;

	(void)state;
	assert_non_null(pc);
	proc_cache_scan(pc);
	e = proc_cache_get(pc, (uint32_t)getpid());
	assert_non_null(e);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	assert_true(n > 0);
	exe[n] = '\0';
	assert_string_equal(e->cmd, exe);
	assert_string_equal(e->comm, "test_proc");
	assert_int_equal(e->ppid, (uint32_t)getppid());
	assert_int_equal(e->uid, (uint32_t)geteuid());
	assert_int_equal(e->netns, ino("/proc/self/ns/net"));
	assert_int_equal(e->mntns, ino("/proc/self/ns/mnt"));
	assert_int_equal(e->pidns, ino("/proc/self/ns/pid"));
	assert_non_null(strstr(e->args, "test_proc"));
	proc_cache_free(pc);
}

/* stat's "PID (COMM) S PPID": the name ends at the last ')'. */
static void test_scan_name_with_parens(void **state)
{
	struct proc_cache *pc = proc_cache_new(65536);
	const struct proc_entry *e;
	pid_t kid;

	(void)state;
	assert_non_null(pc);
	spawn(&kid, 1, "a) S 1 (b)");
	proc_cache_scan(pc);
	reap(&kid, 1);	/* gone: only what the scan kept is found */
	e = proc_cache_get(pc, (uint32_t)kid);
	assert_non_null(e);
	assert_string_equal(e->comm, "a) S 1 (b)");
	assert_int_equal(e->ppid, (uint32_t)getpid());
	proc_cache_free(pc);
}

/* More processes than one thread reads alone: every one is found, with
 * its own name and parent. */
#define NKIDS 700
static void test_scan_many(void **state)
{
	struct proc_cache *pc = proc_cache_new(65536);
	static pid_t kids[NKIDS];
	const struct proc_entry *e;
	int i;

	(void)state;
	assert_non_null(pc);
	spawn(kids, NKIDS, "ptd-scan-kid");
	proc_cache_scan(pc);
	reap(kids, NKIDS);	/* gone: only what the scan kept is found */
	for (i = 0; i < NKIDS; i++) {
		e = proc_cache_get(pc, (uint32_t)kids[i]);
		assert_non_null(e);
		assert_string_equal(e->comm, "ptd-scan-kid");
		assert_int_equal(e->ppid, (uint32_t)getpid());
		assert_non_null(e->cmd);
	}
	proc_cache_free(pc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scan_reads_self),
		cmocka_unit_test(test_scan_name_with_parens),
		cmocka_unit_test(test_scan_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
