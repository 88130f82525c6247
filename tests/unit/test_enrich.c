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

/* A packet is enriched only after the pending process events are read:
 * its process may have exec'd just before sending, with the event still
 * in the ring.  Here the cache knows the process under its old command --
 * taskset, or the parent's command inherited at fork, which has the same
 * thread name as the new one -- and the exec waits. */
static void exec_pending(const char *old_comm, const char *old_file)
{
	struct proc_cache *pc = proc_cache_new(64);
	struct enricher *en = enricher_new(pc, NULL);
	struct pending p = { .pc = pc, .comm = "bash", .file = "/usr/bin/bash",
			     .args = "bash\0-c\0true", .args_len = 12 };
	const struct pkt_meta *m;
	struct ptd_owner o;

	assert_non_null(pc);
	assert_non_null(en);
	enricher_set_refresh(en, refresh, &p);
	exec_event(pc, PID_A, old_comm, old_file, "old\0-c\0" "0", 8);

	o = owner(PID_A, PID_A, "bash");
	m = enrich(en, &o, 1000);
	assert_non_null(m);
	assert_int_equal(p.calls, 1);
	assert_true(m->have & META_PROC);
	assert_string_equal(m->cmd, "/usr/bin/bash");
	assert_string_equal(m->args, "bash -c true");

	/* the same owner within 100 ms: the last answer, nothing read */
	m = enrich(en, &o, 2000);
	assert_int_equal(p.calls, 1);
	assert_string_equal(m->cmd, "/usr/bin/bash");

	/* later, or another thread: read again (nothing pending now) */
	m = enrich(en, &o, 1000 + 1000000000ull);
	assert_int_equal(p.calls, 2);
	assert_string_equal(m->cmd, "/usr/bin/bash");
	o = owner(PID_A, PID_A + 1, "worker-3");
	m = enrich(en, &o, 1000 + 1000000000ull);
	assert_int_equal(p.calls, 3);
	assert_string_equal(m->cmd, "/usr/bin/bash");
	assert_string_equal(m->tname, "worker-3");

	/* an unknown process: shown without a command */
	o = owner(PID_B, PID_B, "gone");
	m = enrich(en, &o, 4000000000ull);
	assert_int_equal(p.calls, 4);
	assert_false(m->have & META_PROC);
	assert_int_equal(m->pid, PID_B);

	enricher_free(en);
	proc_cache_free(pc);
}

static void test_exec_after_taskset(void **st)
{
	(void)st;
	exec_pending("taskset", "/usr/bin/taskset");
}

static void test_exec_after_fork_same_name(void **st)
{
	(void)st;
	exec_pending("bash", "/usr/bin/bash-parent");
}

/* A thread renamed between two packets within 100 ms is looked at again. */
static void test_renamed_thread(void **st)
{
	(void)st;
	struct proc_cache *pc = proc_cache_new(64);
	struct enricher *en = enricher_new(pc, NULL);
	struct pending p = { .pc = pc };
	const struct pkt_meta *m;
	struct ptd_owner o;

	enricher_set_refresh(en, refresh, &p);
	exec_event(pc, PID_A, "app", "/usr/bin/app", "app", 3);
	o = owner(PID_A, PID_A + 2, "worker");
	m = enrich(en, &o, 1000);
	assert_string_equal(m->tname, "worker");
	o = owner(PID_A, PID_A + 2, "flusher");
	m = enrich(en, &o, 2000);
	assert_string_equal(m->tname, "flusher");
	assert_int_equal(p.calls, 2);
	enricher_free(en);
	proc_cache_free(pc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exec_after_taskset),
		cmocka_unit_test(test_exec_after_fork_same_name),
		cmocka_unit_test(test_renamed_thread),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
