/*
 * Process, user, container and pod filters, and `-- command`: they fill the
 * kernel's filter maps, which the capture program checks before copying.
 */
#include "live.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bpf/capture_types.h"

int live_filter_mode(const struct options *o, uint32_t *mode)
{
	*mode = 0;
	if (o->npids || o->pname || o->command)
		*mode |= PTD_FILTER_PID;
	if (o->nuids)
		*mode |= PTD_FILTER_UID;
	if (o->container_id || o->container_name || o->pod_name)
		*mode |= PTD_FILTER_CGROUP;
	return 0;
}

/* The cgroup v2 id (the inode of its directory) of a process. */
static int cgroup_id_of(uint32_t pid, uint64_t *id)
{
	char path[64], line[1024], mnt[512], full[1600];
	FILE *f;
	struct stat st;
	int found = 0;

	snprintf(path, sizeof(path), "/proc/%u/cgroup", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, "0::", 3) == 0) {
			found = 1;
			break;
		}
	fclose(f);
	if (!found)
		return -1;
	line[strcspn(line, "\n")] = '\0';
	f = fopen("/proc/self/mountinfo", "r");
	if (!f)
		return -1;
	found = 0;
	while (!found && fgets(full, sizeof(full), f))
		if (strstr(full, " - cgroup2 ") &&
		    sscanf(full, "%*s %*s %*s %*s %511s", mnt) == 1)
			found = 1;
	fclose(f);
	if (!found)
		return -1;
	snprintf(full, sizeof(full), "%s%s", mnt, line + 3);
	if (stat(full, &st) != 0)
		return -1;
	*id = (uint64_t)st.st_ino;
	return 0;
}

static int add_container(struct live *lv, const struct container_info *ci)
{
	uint64_t cg;

	if (!ci->init_pid || cgroup_id_of(ci->init_pid, &cg) != 0) {
		die_msg("can not find the cgroup of container %s", ci->id);
		return -1;
	}
	return loader_filter_cgroup(lv->ld, cg);
}

static int apply_container_filters(struct live *lv)
{
	const struct options *o = lv->o;
	struct container_info ci;
	int r;

	if (o->container_id) {
		r = lv->cm ? cmeta_get_by_id(lv->cm, o->container_id, &ci) : -ENOENT;
		if (r == -EEXIST) {
			die_msg("found more than one containers by id %s", o->container_id);
			return -1;
		}
		if (r != 0 || !ci.init_pid) {
			if (r == 0)
				cmeta_info_free(&ci);
			die_msg("can not find any running container by id %s",
				o->container_id);
			return -1;
		}
		r = add_container(lv, &ci);
		cmeta_info_free(&ci);
		if (r)
			return -1;
	}
	if (o->container_name) {
		r = lv->cm ? cmeta_get_by_name(lv->cm, o->container_name, &ci) : -ENOENT;
		if (r == -EEXIST) {
			die_msg("found more than one containers by name %s",
				o->container_name);
			return -1;
		}
		if (r != 0 || !ci.init_pid) {
			if (r == 0)
				cmeta_info_free(&ci);
			die_msg("can not find any running container by name %s",
				o->container_name);
			return -1;
		}
		r = add_container(lv, &ci);
		cmeta_info_free(&ci);
		if (r)
			return -1;
	}
	if (o->pod_name) {
		char *name = strdup(o->pod_name), *dot;
		const char *ns = "default";
		struct container_info *list = NULL;
		size_t n = 0, i;
		int added = 0;

		if (!name)
			return -1;
		dot = strrchr(name, '.');
		if (dot && dot[1]) {
			*dot = '\0';
			ns = dot + 1;
		}
		r = lv->cm ? cmeta_find_pod(lv->cm, name, ns, &list, &n) : -ENOENT;
		for (i = 0; r == 0 && i < n; i++) {
			if (list[i].init_pid && add_container(lv, &list[i]) == 0)
				added++;
			cmeta_info_free(&list[i]);
		}
		free(list);
		if (!added)
			die_msg("can not find any running pod by name %s in namespace %s",
				name, ns);
		free(name);
		if (!added)
			return -1;
	}
	return 0;
}

static void for_each_pid(struct live *lv,
			 void (*fn)(struct live *lv, uint32_t pid))
{
	DIR *d = opendir("/proc");
	struct dirent *de;

	if (!d)
		return;
	while ((de = readdir(d)))
		if (de->d_name[0] >= '1' && de->d_name[0] <= '9')
			fn(lv, (uint32_t)strtoul(de->d_name, NULL, 10));
	closedir(d);
}

static bool is_filter_pid(const struct options *o, uint32_t pid)
{
	int i;

	for (i = 0; i < o->npids; i++)
		if (o->pids[i] == pid)
			return true;
	return false;
}

/* Processes that already run: --pname matches, and with -f the
 * descendants of the --pid processes.  Later ones are added in the kernel
 * at exec and fork. */
static void select_existing(struct live *lv, uint32_t pid)
{
	const struct options *o = lv->o;
	const struct proc_entry *p = proc_cache_get(lv->pc, pid);
	uint32_t a;
	int depth;

	if (!p)
		return;
	if (o->pname && strncmp(p->comm, o->pname, PTD_COMM_LEN - 1) == 0)
		loader_filter_pid(lv->ld, pid);
	if (!o->follow_forks || !o->npids)
		return;
	for (a = p->ppid, depth = 0; a > 1 && depth < 64; depth++) {
		if (is_filter_pid(o, a)) {
			loader_filter_pid(lv->ld, pid);
			return;
		}
		p = proc_cache_get(lv->pc, a);
		a = p ? p->ppid : 0;
	}
}

int live_filters_apply(struct live *lv)
{
	const struct options *o = lv->o;
	int i;

	for (i = 0; i < o->npids; i++)
		loader_filter_pid(lv->ld, o->pids[i]);
	for (i = 0; i < o->nuids; i++)
		loader_filter_uid(lv->ld, o->uids[i]);
	if (lv->child > 0)
		loader_filter_pid(lv->ld, (uint32_t)lv->child);
	if (o->pname || (o->follow_forks && o->npids))
		for_each_pid(lv, select_existing);
	return apply_container_filters(lv);
}

int live_child_spawn(struct live *lv)
{
	int go[2];
	pid_t pid;

	if (pipe2(go, O_CLOEXEC) < 0)
		return -1;
	pid = fork();
	if (pid < 0) {
		close(go[0]);
		close(go[1]);
		return -1;
	}
	if (pid == 0) {
		char c;
		sigset_t none;

		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		close(go[1]);
		/* wait until the capture is attached */
		if (read(go[0], &c, 1) != 1)
			_exit(127);
		/* the command's output must not mix with the packets */
		dup2(STDERR_FILENO, STDOUT_FILENO);
		execvp(lv->o->command[0], lv->o->command);
		fprintf(stderr, "ptcpdump: %s: %s\n", lv->o->command[0],
			strerror(errno));
		_exit(127);
	}
	close(go[0]);
	lv->child = pid;
	lv->child_go_fd = go[1];
	return 0;
}

void live_child_release(struct live *lv)
{
	if (lv->child_go_fd > 0) {
		if (write(lv->child_go_fd, "g", 1) != 1)
			perror("ptcpdump: releasing the command");
		close(lv->child_go_fd);
		lv->child_go_fd = -1;
	}
}

bool live_child_reap(struct live *lv)
{
	if (lv->child <= 0 || lv->child_exited)
		return lv->child_exited;
	if (waitpid(lv->child, &lv->child_status, WNOHANG) == lv->child) {
		lv->child_exited = true;
		lv->child_exit_at = mono_ns(CLOCK_MONOTONIC);
	}
	return lv->child_exited;
}
