/*
 * Process and socket tracking, in process context only.
 *
 * exec/fork/exit go to user space through the proc_events ring buffer.
 * Sockets get their owner when they are created and whenever a thread sends
 * or receives on them; when a socket's packet is queued to a device (in the
 * sender's own network namespace, before any veth, bridge or NAT), its flow
 * is recorded with that owner so that every later hop can be attributed.
 */
#ifndef PTCPDUMP_TRACK_BPF_H
#define PTCPDUMP_TRACK_BPF_H

/* Set when softirqs and hard irqs run on the CPU's own irq stack: then a
 * program running on the current task's stack runs in that task. */
extern bool CONFIG_SOFTIRQ_ON_OWN_STACK __kconfig __weak;
extern bool CONFIG_VMAP_STACK __kconfig __weak;
const volatile __u32 page_size = 4096;
const volatile __u8 follow_forks = 0;
__u64 sock_ids;	/* the last number given to a socket */
const volatile char pname[PTD_COMM_LEN] = {};
const volatile __u8 pname_set = 0;

static __always_inline void current_owner(struct ptd_owner *o)
{
	__u64 id = bpf_get_current_pid_tgid();

	o->pid = id >> 32;
	o->tid = (__u32)id;
	o->uid = (__u32)bpf_get_current_uid_gid();
	o->pad = 0;
	o->cgroup_id = bpf_get_current_cgroup_id();
	bpf_get_current_comm(o->comm, sizeof(o->comm));
}

/* Is the thread id (bpf_get_current_pid_tgid()) the socket's owner? */
static __always_inline bool is_owner(const struct ptd_sk *st, __u64 id)
{
	return st->owner.tid == (__u32)id && st->owner.pid == (id >> 32);
}

/* Records the current thread as the owner of a socket, if it changed
 * (compared first: this runs on every send and receive).  A new owner has
 * its flow recorded again at the next packet.  Returns the socket's
 * storage. */
static __always_inline struct ptd_sk *own_socket(void *sk)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct ptd_sk *st;

	if (!sk || (id >> 32) == 0)
		return NULL;
	st = bpf_sk_storage_get(&sk_own, sk, 0, BPF_SK_STORAGE_GET_F_CREATE);
	if (!st || is_owner(st, id))
		return st;
	current_owner(&st->owner);
	if (!st->cookie)
		st->cookie = __sync_add_and_fetch(&sock_ids, 1);
	st->flow_jiffies = 0;
	return st;
}

#define PTD_PF_KTHREAD 0x00200000
/*
 * Does this program run in a user thread's own context (a send from its
 * system call), rather than in an interrupt or softirq that came upon it?
 * Softirqs run on the CPU's irq stack, so the test is whether the
 * tracepoint's arguments (ctx: an array on the stack of whoever hit the
 * tracepoint; the program's own frame may be on a private stack) lie
 * within the current task's stack.  One exception on x86: an interrupt
 * from user mode keeps the task's stack, and the softirqs that follow it
 * run there too.  The registers saved at the top of that stack tell it:
 * an entry by system call keeps the call's number in orig_ax, any other
 * entry leaves -1.  False whenever it cannot be known: kernels that run
 * softirqs on the task stack (PREEMPT_RT) or without vmapped stacks, and
 * kernel threads (ksoftirqd among them).
 */
static __always_inline bool in_user_task(void *ctx)
{
	struct task_struct *t;
	struct pt_regs *regs;
	__u64 at, base, size;

	if (!CONFIG_SOFTIRQ_ON_OWN_STACK || !CONFIG_VMAP_STACK ||
	    !bpf_core_field_exists(struct task_struct, stack_vm_area))
		return false;
	t = bpf_get_current_task_btf();
	if (t->flags & PTD_PF_KTHREAD)
		return false;
	if (bpf_core_field_exists(struct pt_regs, orig_ax)) {
		regs = (struct pt_regs *)bpf_task_pt_regs(t);
		if ((long)regs->orig_ax < 0)
			return false;
	}
	/* the address as a number (a privileged program may) */
	asm volatile("%[at] = %[ctx]" : [at] "=r"(at) : [ctx] "r"(ctx));
	base = (__u32)(unsigned long)t->stack;
	size = (__u64)t->stack_vm_area->nr_pages * page_size;
	return (__u32)((__u32)at - base) < size;
}

/*
 * A socket that a process opened (it has a file), not one of the kernel's
 * own.  The kernel's per-namespace ICMP and TCP control sockets send the
 * errors and resets that the receive path answers with, and that path can
 * run on a user thread's own stack in its system call: a write to a
 * tun/tap device (a VPN, slirp4netns, a VM) receives the packet there
 * under local_bh_disable().  Such a thread must not become their owner.
 */
static __always_inline bool user_socket(struct sock *sk)
{
	struct socket *so = sk->sk_socket;

	return so && so->file;
}

SEC("cgroup/sock_create")
int ptd_sock_create(struct bpf_sock *ctx)
{
	own_socket(ctx);
	return 1;
}

/* Where the device queue cannot name the sender (see in_user_task). */
SEC("tp_btf/sock_send_length")
int BPF_PROG(ptd_sock_send, struct sock *sk, int ret, int flags)
{
	own_socket(sk);
	return 0;
}

/* Before a TCP send is pushed: a socket opened before we started gets its
 * owner in time for net_dev_queue to record its flow. */
SEC("tp_btf/tcp_sendmsg_locked")
int BPF_PROG(ptd_tcp_sendmsg, const struct sock *sk)
{
	own_socket((void *)sk);
	return 0;
}

SEC("tp_btf/sock_recv_length")
int BPF_PROG(ptd_sock_recv, struct sock *sk, int ret, int flags)
{
	own_socket(sk);
	return 0;
}

#define PTD_FLOW_STALE_NS (30ull * 1000000000ull)
#define PTD_FLOW_REFRESH_NS 1000000000ull
/* The socket's own fast path: 256 jiffies (0.26 s at HZ=1000, 2.6 s at
 * HZ=100); jiffies cost a load, the clock a read of the (virtual) TSC. */
#define PTD_FLOW_REFRESH_JIFFIES 256

/* The flow of a locally generated skb, from its headers; *syn is set for a
 * TCP SYN without ACK (a new connection). */
static __always_inline int skb_kernel_flow(struct sk_buff *skb,
					   struct ptd_flow_key *k, int *syn)
{
	unsigned char *head = BPF_CORE_READ(skb, head);
	__u8 l4[16] = {};

	if (flow_parse(head, false, BPF_CORE_READ(skb, network_header),
		       BPF_CORE_READ(skb, protocol), k, l4))
		return -1;
	*syn = k->proto == PTD_IPPROTO_TCP && (l4[13] & 0x12) == 0x02;
	return flow_ports(k, l4);
}

/*
 * A flow belongs to the socket that started it: the first to send on it,
 * or a new TCP SYN.  The peer's replies (a server in another namespace
 * that we also track) do not take it over; a flow left alone for a while
 * can be started again by another socket.  Returns the socket's storage,
 * if any.
 */
static __always_inline struct ptd_sk *dev_queue_track(void *ctx,
						     struct sk_buff *skb,
						     struct sock *sk)
{
	struct ptd_flow_val v, *old;
	struct ptd_flow_key k;
	struct ptd_sk *st;
	__u64 cookie, now, jif, id;
	__u32 peer;
	__u16 port;
	int syn = 0;

	if (!sk)
		return NULL;
	/*
	 * A thread sending from its own system call becomes the socket's
	 * owner before the flow is recorded, so later hops show the first
	 * datagram of a new sender as its own (this hook runs after tc's
	 * egress hook: when outgoing packets are taken at tc, the sender's
	 * own device still shows the previous owner for that one).  Only a
	 * change needs the stack test.
	 */
	st = bpf_sk_storage_get(&sk_own, sk, 0, 0);
	id = bpf_get_current_pid_tgid();
	if ((!st || !is_owner(st, id)) && in_user_task(ctx) && user_socket(sk))
		st = own_socket(sk);
	if (!st || !st->owner.pid)
		return st;
	/*
	 * A connected socket has one flow: once recorded, the next 256 jiffies
	 * of its packets to the same peer need nothing (the common case, and
	 * the one that matters under load).  An owner change resets it.
	 */
	jif = bpf_jiffies64();
	peer = sk->__sk_common.skc_daddr ^
	       sk->__sk_common.skc_v6_daddr.in6_u.u6_addr32[3];
	port = sk->__sk_common.skc_dport;
	if (sk->__sk_common.skc_state == PTD_TCP_ESTABLISHED && st->flow_jiffies &&
	    st->peer == peer && st->peer_port == port &&
	    jif - st->flow_jiffies < PTD_FLOW_REFRESH_JIFFIES)
		return st;
	cookie = st->cookie;
	if (!cookie || skb_kernel_flow(skb, &k, &syn))
		return st;
	st->flow_jiffies = jif ? jif : 1;
	now = bpf_ktime_get_boot_ns();
	st->peer = peer;
	st->peer_port = port;
	old = bpf_map_lookup_elem(&flows, &k);
	if (old) {
		if (old->cookie == cookie) {
			if (old->owner.tid == st->owner.tid &&
			    old->owner.pid == st->owner.pid &&
			    now - old->ts_boot_ns < PTD_FLOW_REFRESH_NS)
				return st;
		} else if (!syn && now - old->ts_boot_ns < PTD_FLOW_STALE_NS) {
			return st;
		}
	}
	v.owner = st->owner;
	v.cookie = cookie;
	v.ts_boot_ns = now;
	bpf_map_update_elem(&flows, &k, &v, BPF_ANY);
	return st;
}

/* Names the sender (the capture takes outgoing packets at tc). */
SEC("tp_btf/net_dev_queue")
int BPF_PROG(ptd_dev_queue, struct sk_buff *skb)
{
	dev_queue_track(ctx, skb, skb->sk);
	return 0;
}

/* ---- processes ----------------------------------------------------- */

#define PTD_PROC_EVENT_SMALL offsetof(struct ptd_proc_event, filename)

static __always_inline void fill_task(struct ptd_proc_event *e,
				      struct task_struct *p)
{
	struct kernfs_node *kn;

	e->pid = BPF_CORE_READ(p, tgid);
	e->ppid = BPF_CORE_READ(p, real_parent, tgid);
	e->uid = BPF_CORE_READ(p, cred, uid.val);
	e->pidns = BPF_CORE_READ(p, nsproxy, pid_ns_for_children, ns.inum);
	e->mntns = BPF_CORE_READ(p, nsproxy, mnt_ns, ns.inum);
	e->netns = BPF_CORE_READ(p, nsproxy, net_ns, ns.inum);
	e->ts_boot_ns = bpf_ktime_get_boot_ns();
	BPF_CORE_READ_STR_INTO(&e->comm, p, comm);
	kn = BPF_CORE_READ(p, cgroups, dfl_cgrp, kn);
	e->cgroup_id = BPF_CORE_READ(kn, id);
	bpf_probe_read_kernel_str(e->cgroup, sizeof(e->cgroup),
				  BPF_CORE_READ(kn, name));
}

static __always_inline int comm_is_pname(const char *comm)
{
	int i;

#pragma unroll
	for (i = 0; i < PTD_COMM_LEN; i++) {
		if (comm[i] != pname[i])
			return 0;
		if (!comm[i])
			return 1;
	}
	return 1;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(ptd_exec, struct task_struct *p, pid_t old_pid,
	     struct linux_binprm *bprm)
{
	struct ptd_proc_event *e;
	unsigned long start, end;
	long n;
	__u64 len;
	__u8 one = 1;

	e = bpf_ringbuf_reserve(&proc_events, sizeof(*e), 0);
	if (!e) {
		stat_inc(PTD_STAT_PROC_LOST);
		return 0;
	}
	e->type = PTD_EV_EXEC;
	fill_task(e, p);
	n = bpf_probe_read_kernel_str(e->filename, sizeof(e->filename),
				      BPF_CORE_READ(bprm, filename));
	e->filename_len = n > 0 ? n - 1 : 0;
	start = BPF_CORE_READ(p, mm, arg_start);
	end = BPF_CORE_READ(p, mm, arg_end);
	len = end > start ? end - start : 0;
	e->args_truncated = len > PTD_ARGS_LEN;
	if (len > PTD_ARGS_LEN)
		len = PTD_ARGS_LEN;
	e->args_len = 0;
	if (len > 0 && bpf_probe_read_user(e->args, len, (void *)start) == 0)
		e->args_len = len;
	if (pname_set && comm_is_pname(e->comm))
		bpf_map_update_elem(&filter_pids, &e->pid, &one, BPF_ANY);
	bpf_ringbuf_submit(e, 0);
	return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(ptd_fork, struct task_struct *parent, struct task_struct *child)
{
	struct ptd_proc_event *e;
	__u32 ppid, pid;
	__u8 one = 1;

	pid = BPF_CORE_READ(child, tgid);
	if (BPF_CORE_READ(child, pid) != pid)
		return 0;	/* a new thread */
	ppid = BPF_CORE_READ(parent, tgid);
	if (follow_forks && bpf_map_lookup_elem(&filter_pids, &ppid))
		bpf_map_update_elem(&filter_pids, &pid, &one, BPF_ANY);
	e = bpf_ringbuf_reserve(&proc_events, PTD_PROC_EVENT_SMALL, 0);
	if (!e) {
		stat_inc(PTD_STAT_PROC_LOST);
		return 0;
	}
	e->type = PTD_EV_FORK;
	fill_task(e, child);
	e->ppid = ppid;
	e->filename_len = e->args_len = e->args_truncated = 0;
	bpf_ringbuf_submit(e, 0);
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(ptd_exit, struct task_struct *p)
{
	struct ptd_proc_event *e;

	if (BPF_CORE_READ(p, pid) != BPF_CORE_READ(p, tgid))
		return 0;
	e = bpf_ringbuf_reserve(&proc_events, PTD_PROC_EVENT_SMALL, 0);
	if (!e) {
		stat_inc(PTD_STAT_PROC_LOST);
		return 0;
	}
	e->type = PTD_EV_EXIT;
	fill_task(e, p);
	e->filename_len = e->args_len = e->args_truncated = 0;
	bpf_ringbuf_submit(e, 0);
	return 0;
}

#endif
