/* Unit tests for src/meta/enrich.c: when a packet's owner makes the
 * enricher read the pending process events before it answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "meta/enrich.h"

/* pids above any pid_max: never found in /proc */
#define PID_A 4999990u
#define PID_B 4999991u

struct pending {
	struct proc_cache *pc;
	int calls;
	const char *comm, *file, *args;	/* the exec still in the ring */
	size_t args_len;
};

static void exec_event(struct proc_cache *pc, uint32_t pid, const char *comm,
		       const char *file, const char *args, size_t args_len)
{
	struct ptd_proc_event *e = calloc(1, sizeof(*e));

	assert_non_null(e);
	e->type = PTD_EV_EXEC;
	e->pid = pid;
	e->ppid = 1;
	strncpy(e->comm, comm, sizeof(e->comm) - 1);
	e->filename_len = strlen(file);
	memcpy(e->filename, file, e->filename_len);
	e->args_len = args_len;
	memcpy(e->args, args, args_len);
	proc_cache_event(pc, e, sizeof(*e));
	free(e);
}

static void refresh(void *arg)
{
	struct pending *p = arg;

	p->calls++;
	if (p->comm) {
		exec_event(p->pc, PID_A, p->comm, p->file, p->args, p->args_len);
		p->comm = NULL;
	}
}

static struct ptd_owner owner(uint32_t pid, uint32_t tid, const char *comm)
{
	struct ptd_owner o;

	memset(&o, 0, sizeof(o));
	o.pid = pid;
	o.tid = tid;
	strncpy(o.comm, comm, sizeof(o.comm) - 1);
	return o;
}

/* taskset exec'd bash, whose first packet comes before its exec event has
 * been read: the name on the packet tells that the cache is behind */
static void test_exec_pending(void **st)
{
	(void)st;
	struct proc_cache *pc = proc_cache_new(64);
	struct enricher *en = enricher_new(pc, NULL);
	struct pending p = { .pc = pc, .comm = "bash", .file = "/usr/bin/bash",
			     .args = "bash\0-c\0true", .args_len = 12 };
	const struct pkt_meta *m;
	struct ptd_owner o;

	assert_non_null(pc);
	assert_non_null(en);
	enricher_set_refresh(en, refresh, &p);
	exec_event(pc, PID_A, "taskset", "/usr/bin/taskset", "taskset\0-c\0" "0", 12);

	o = owner(PID_A, PID_A, "bash");
	m = enrich(en, &o, 1000);
	assert_non_null(m);
	assert_int_equal(p.calls, 1);
	assert_true(m->have & META_PROC);
	assert_string_equal(m->cmd, "/usr/bin/bash");
	assert_string_equal(m->args, "bash -c true");

	/* the names agree now: nothing more to read */
	m = enrich(en, &o, 1000 + 1000000000ull);
	assert_int_equal(p.calls, 1);
	assert_string_equal(m->cmd, "/usr/bin/bash");

	/* a thread's own name is not the process's: no reason to look */
	o = owner(PID_A, PID_A + 1, "worker-3");
	m = enrich(en, &o, 3000000000ull);
	assert_int_equal(p.calls, 1);
	assert_string_equal(m->cmd, "/usr/bin/bash");
	assert_string_equal(m->tname, "worker-3");

	/* an unknown process: looked for once, then shown without one */
	o = owner(PID_B, PID_B, "gone");
	m = enrich(en, &o, 4000000000ull);
	assert_int_equal(p.calls, 2);
	assert_false(m->have & META_PROC);
	assert_int_equal(m->pid, PID_B);

	enricher_free(en);
	proc_cache_free(pc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exec_pending),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
