/*
 * Classic BPF -> eBPF, for a sched_cls entry program.
 *
 * The translation keeps cBPF's machine: A lives in r7, X in r8, the context
 * in r6 and the scratch memory M[0..15] on the stack.  Packet loads read
 * the linear data directly and go through bpf_skb_load_bytes() beyond it,
 * so an out-of-range load rejects the packet (as in cBPF) instead of
 * ending the program with a verdict that would disturb the programs after
 * ours.  Each cBPF instruction becomes a fixed number of eBPF
 * instructions, so a sizing pass gives every jump target.
 */
#include "filter.h"

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <linux/bpf.h>
#include <linux/filter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>

#include "bpf/capture.h"

#define R_A BPF_REG_7
#define R_X BPF_REG_8
#define R_CTX BPF_REG_6
#define SCRATCH_OFF(i) (-136 + 8 * (int)(i))
#define LOADBUF_OFF (-8)
#define TC_ACT_UNSPEC (-1)
#define EPILOGUE_ACCEPT_LEN 8

struct emitter {
	struct bpf_insn *insns;	/* NULL in the sizing pass */
	size_t n;
	const int *start;	/* eBPF index of each cBPF insn (pass 2) */
	int accept, reject;	/* eBPF indexes of the epilogues (pass 2) */
	bool used_accept, used_reject;	/* found in pass 1 */
};

/* Symbolic jump targets for the epilogues. */
#define T_ACCEPT (-1)
#define T_REJECT (-2)

static void emit(struct emitter *e, uint8_t code, uint8_t dst, uint8_t src,
		 int16_t off, int32_t imm)
{
	if (e->insns) {
		struct bpf_insn *i = &e->insns[e->n];

		memset(i, 0, sizeof(*i));
		i->code = code;
		i->dst_reg = dst;
		i->src_reg = src;
		i->off = off;
		i->imm = imm;
	}
	e->n++;
}

static void emit_ld_map_fd(struct emitter *e, uint8_t dst, int fd)
{
	emit(e, BPF_LD | BPF_DW | BPF_IMM, dst, BPF_PSEUDO_MAP_FD, 0, fd);
	emit(e, 0, 0, 0, 0, 0);
}

/* A jump to an absolute eBPF index or T_ACCEPT / T_REJECT (offsets are
 * only right in pass 2). */
static void emit_jmp_to(struct emitter *e, uint8_t code, uint8_t dst,
			uint8_t src, int32_t imm, int target)
{
	int off;

	if (target == T_ACCEPT) {
		e->used_accept = true;
		target = e->accept;
	} else if (target == T_REJECT) {
		e->used_reject = true;
		target = e->reject;
	}
	off = e->insns ? target - (int)(e->n + 1) : 0;

	emit(e, code, dst, src, (int16_t)off, imm);
}

static int target_of(const struct emitter *e, int cidx)
{
	return e->start ? e->start[cidx] : 0;
}

/*
 * dst = size bytes of the packet at offset r2, in host order.  Bytes in
 * the linear data are read directly (a helper call per load made half of
 * a rejected packet's cost); past it, or past 64 KiB, through
 * bpf_skb_load_bytes(), which rejects the packet when they are not there.
 * The block has a fixed length: its jumps are relative to itself.
 */
static void emit_pkt_load(struct emitter *e, int size, uint8_t dst)
{
	uint8_t sz = size == 4 ? BPF_W : size == 2 ? BPF_H : BPF_B;

	/* 0 */ emit(e, BPF_JMP | BPF_JGT | BPF_K, BPF_REG_2, 0, 8, 0xffff);
	/* 1 */ emit(e, BPF_LDX | BPF_MEM | BPF_W, BPF_REG_3, R_CTX,
		     offsetof(struct __sk_buff, data), 0);
	/* 2 */ emit(e, BPF_LDX | BPF_MEM | BPF_W, BPF_REG_4, R_CTX,
		     offsetof(struct __sk_buff, data_end), 0);
	/* 3 */ emit(e, BPF_ALU64 | BPF_ADD | BPF_X, BPF_REG_3, BPF_REG_2, 0, 0);
	/* 4 */ emit(e, BPF_ALU64 | BPF_MOV | BPF_X, BPF_REG_5, BPF_REG_3, 0, 0);
	/* 5 */ emit(e, BPF_ALU64 | BPF_ADD | BPF_K, BPF_REG_5, 0, 0, size);
	/* 6 */ emit(e, BPF_JMP | BPF_JGT | BPF_X, BPF_REG_5, BPF_REG_4, 2, 0);
	/* 7 */ emit(e, BPF_LDX | BPF_MEM | sz, dst, BPF_REG_3, 0, 0);
	/* 8 */ emit(e, BPF_JMP | BPF_JA, 0, 0, 7, 0);
	/* 9-15: the helper */
	emit(e, BPF_ALU64 | BPF_MOV | BPF_X, BPF_REG_1, R_CTX, 0, 0);
	emit(e, BPF_ALU64 | BPF_MOV | BPF_X, BPF_REG_3, BPF_REG_10, 0, 0);
	emit(e, BPF_ALU64 | BPF_ADD | BPF_K, BPF_REG_3, 0, 0, LOADBUF_OFF);
	emit(e, BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_4, 0, 0, size);
	emit(e, BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_skb_load_bytes);
	emit_jmp_to(e, BPF_JMP | BPF_JNE | BPF_K, BPF_REG_0, 0, 0, T_REJECT);
	emit(e, BPF_LDX | BPF_MEM | sz, dst, BPF_REG_10, LOADBUF_OFF, 0);
	/* 16 */
	if (size > 1)
		emit(e, BPF_ALU | BPF_END | BPF_TO_BE, dst, 0, 0, size * 8);
}

static int cbpf_size(uint16_t code)
{
	switch (BPF_SIZE(code)) {
	case BPF_W: return 4;
	case BPF_H: return 2;
	case BPF_B: return 1;
	}
	return -1;
}

/* The scratch words the program reads (LD/LDX M[k]), as a bit mask: only
 * those need cBPF's initial zero, and most filters read none. */
static uint32_t scratch_read(const struct cbpf_insn *insns, unsigned len)
{
	uint32_t m = 0;
	unsigned i;

	for (i = 0; i < len; i++) {
		uint16_t c = insns[i].code;

		if ((BPF_CLASS(c) == BPF_LD || BPF_CLASS(c) == BPF_LDX) &&
		    BPF_MODE(c) == BPF_MEM && insns[i].k < BPF_MEMWORDS)
			m |= 1u << insns[i].k;
	}
	return m;
}

static void emit_prologue(struct emitter *e, int stats_fd, uint32_t zero)
{
	int i;

	emit(e, BPF_ALU64 | BPF_MOV | BPF_X, R_CTX, BPF_REG_1, 0, 0);
	/* stats[PTD_STAT_SEEN] += 1 */
	emit(e, BPF_ST | BPF_MEM | BPF_W, BPF_REG_10, 0, -4, PTD_STAT_SEEN);
	emit(e, BPF_ALU64 | BPF_MOV | BPF_X, BPF_REG_2, BPF_REG_10, 0, 0);
	emit(e, BPF_ALU64 | BPF_ADD | BPF_K, BPF_REG_2, 0, 0, -4);
	emit_ld_map_fd(e, BPF_REG_1, stats_fd);
	emit(e, BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_map_lookup_elem);
	emit(e, BPF_JMP | BPF_JEQ | BPF_K, BPF_REG_0, 0, 3, 0);
	emit(e, BPF_LDX | BPF_MEM | BPF_DW, BPF_REG_1, BPF_REG_0, 0, 0);
	emit(e, BPF_ALU64 | BPF_ADD | BPF_K, BPF_REG_1, 0, 0, 1);
	emit(e, BPF_STX | BPF_MEM | BPF_DW, BPF_REG_0, BPF_REG_1, 0, 0);
	/* cBPF starts with A = X = 0 and M[] zeroed */
	emit(e, BPF_ALU64 | BPF_MOV | BPF_K, R_A, 0, 0, 0);
	emit(e, BPF_ALU64 | BPF_MOV | BPF_K, R_X, 0, 0, 0);
	for (i = 0; i < BPF_MEMWORDS; i++)
		if (zero & (1u << i))
			emit(e, BPF_ST | BPF_MEM | BPF_DW, BPF_REG_10, 0,
			     SCRATCH_OFF(i), 0);
}

static int emit_alu(struct emitter *e, const struct cbpf_insn *c)
{
	uint8_t op = BPF_OP(c->code);

	if (BPF_SRC(c->code) == BPF_X && (op == BPF_DIV || op == BPF_MOD))
		/* cBPF: division by zero rejects the packet */
		emit_jmp_to(e, BPF_JMP | BPF_JEQ | BPF_K, R_X, 0, 0, T_REJECT);
	if (op == BPF_NEG) {
		emit(e, BPF_ALU | BPF_NEG, R_A, 0, 0, 0);
		return 0;
	}
	switch (op) {
	case BPF_ADD: case BPF_SUB: case BPF_MUL: case BPF_DIV: case BPF_OR:
	case BPF_AND: case BPF_LSH: case BPF_RSH: case BPF_MOD: case BPF_XOR:
		break;
	default:
		return -EINVAL;
	}
	if (BPF_SRC(c->code) == BPF_X)
		emit(e, BPF_ALU | op | BPF_X, R_A, R_X, 0, 0);
	else
		emit(e, BPF_ALU | op | BPF_K, R_A, 0, 0, (int32_t)c->k);
	return 0;
}

static int emit_jmp(struct emitter *e, const struct cbpf_insn *c, int idx)
{
	uint8_t op = BPF_OP(c->code);

	if (op == BPF_JA) {
		emit_jmp_to(e, BPF_JMP | BPF_JA, 0, 0, 0,
			    target_of(e, idx + 1 + (int)c->k));
		return 0;
	}
	if (op != BPF_JEQ && op != BPF_JGT && op != BPF_JGE && op != BPF_JSET)
		return -EINVAL;
	if (BPF_SRC(c->code) == BPF_X)
		emit_jmp_to(e, BPF_JMP32 | op | BPF_X, R_A, R_X, 0,
			    target_of(e, idx + 1 + c->jt));
	else
		emit_jmp_to(e, BPF_JMP32 | op | BPF_K, R_A, 0, (int32_t)c->k,
			    target_of(e, idx + 1 + c->jt));
	emit_jmp_to(e, BPF_JMP | BPF_JA, 0, 0, 0, target_of(e, idx + 1 + c->jf));
	return 0;
}

static int emit_insn(struct emitter *e, const struct cbpf_insn *c, int idx,
		     unsigned len)
{
	int size = cbpf_size(c->code);

	switch (BPF_CLASS(c->code)) {
	case BPF_LD:
		switch (BPF_MODE(c->code)) {
		case BPF_ABS:
		case BPF_IND:
			if (size < 0)
				return -EINVAL;
			if (BPF_MODE(c->code) == BPF_IND) {
				emit(e, BPF_ALU | BPF_MOV | BPF_X, BPF_REG_2, R_X, 0, 0);
				emit(e, BPF_ALU | BPF_ADD | BPF_K, BPF_REG_2, 0, 0,
				     (int32_t)c->k);
			} else {
				emit(e, BPF_ALU | BPF_MOV | BPF_K, BPF_REG_2, 0, 0,
				     (int32_t)c->k);
			}
			emit_pkt_load(e, size, R_A);
			return 0;
		case BPF_LEN:
			emit(e, BPF_LDX | BPF_MEM | BPF_W, R_A, R_CTX,
			     offsetof(struct __sk_buff, len), 0);
			return 0;
		case BPF_IMM:
			emit(e, BPF_ALU | BPF_MOV | BPF_K, R_A, 0, 0, (int32_t)c->k);
			return 0;
		case BPF_MEM:
			if (c->k >= BPF_MEMWORDS)
				return -EINVAL;
			emit(e, BPF_LDX | BPF_MEM | BPF_W, R_A, BPF_REG_10,
			     SCRATCH_OFF(c->k), 0);
			return 0;
		}
		return -EINVAL;
	case BPF_LDX:
		switch (BPF_MODE(c->code)) {
		case BPF_IMM:
			emit(e, BPF_ALU | BPF_MOV | BPF_K, R_X, 0, 0, (int32_t)c->k);
			return 0;
		case BPF_MEM:
			if (c->k >= BPF_MEMWORDS)
				return -EINVAL;
			emit(e, BPF_LDX | BPF_MEM | BPF_W, R_X, BPF_REG_10,
			     SCRATCH_OFF(c->k), 0);
			return 0;
		case BPF_LEN:
			emit(e, BPF_LDX | BPF_MEM | BPF_W, R_X, R_CTX,
			     offsetof(struct __sk_buff, len), 0);
			return 0;
		case BPF_MSH:
			emit(e, BPF_ALU | BPF_MOV | BPF_K, BPF_REG_2, 0, 0,
			     (int32_t)c->k);
			emit_pkt_load(e, 1, R_X);
			emit(e, BPF_ALU | BPF_AND | BPF_K, R_X, 0, 0, 0xf);
			emit(e, BPF_ALU | BPF_LSH | BPF_K, R_X, 0, 0, 2);
			return 0;
		}
		return -EINVAL;
	case BPF_ST:
	case BPF_STX:
		if (c->k >= BPF_MEMWORDS)
			return -EINVAL;
		emit(e, BPF_STX | BPF_MEM | BPF_W, BPF_REG_10,
		     BPF_CLASS(c->code) == BPF_ST ? R_A : R_X,
		     SCRATCH_OFF(c->k), 0);
		return 0;
	case BPF_ALU:
		return emit_alu(e, c);
	case BPF_JMP:
		if (BPF_OP(c->code) == BPF_JA ? idx + 1 + (long)c->k >= (long)len
		    : (idx + 1 + c->jt >= (int)len || idx + 1 + c->jf >= (int)len))
			return -EINVAL;
		return emit_jmp(e, c, idx);
	case BPF_RET:
		if (BPF_RVAL(c->code) == BPF_A) {
			emit_jmp_to(e, BPF_JMP32 | BPF_JNE | BPF_K, R_A, 0, 0,
				    T_ACCEPT);
			emit_jmp_to(e, BPF_JMP | BPF_JA, 0, 0, 0, T_REJECT);
		} else {
			emit_jmp_to(e, BPF_JMP | BPF_JA, 0, 0, 0,
				    c->k ? T_ACCEPT : T_REJECT);
		}
		return 0;
	case BPF_MISC:
		if (BPF_MISCOP(c->code) == BPF_TAX)
			emit(e, BPF_ALU64 | BPF_MOV | BPF_X, R_X, R_A, 0, 0);
		else
			emit(e, BPF_ALU64 | BPF_MOV | BPF_X, R_A, R_X, 0, 0);
		return 0;
	}
	return -EINVAL;
}

int filter_translate(const struct cbpf_prog *p, int stats_fd, int jmp_fd,
		     int slot, void **out, size_t *cnt)
{
	static const struct cbpf_insn accept_all = { BPF_RET | BPF_K, 0, 0, 1 };
	const struct cbpf_insn *insns = p->insns ? p->insns : &accept_all;
	unsigned len = p->insns ? p->len : 1;
	struct emitter e;
	int *start = NULL;
	int pass, ret = -EINVAL;
	unsigned i;

	memset(&e, 0, sizeof(e));
	start = calloc(len + 1, sizeof(*start));
	if (!start)
		return -ENOMEM;
	for (pass = 0; pass < 2; pass++) {
		e.n = 0;
		emit_prologue(&e, stats_fd, scratch_read(insns, len));
		for (i = 0; i < len; i++) {
			if (pass == 0)
				start[i] = (int)e.n;
			if (emit_insn(&e, &insns[i], (int)i, len) < 0)
				goto cleanup;
		}
		if (pass == 0) {
			/* only epilogues something jumps to: the verifier
			 * refuses unreachable instructions */
			e.accept = (int)e.n;
			e.reject = e.accept +
				   (e.used_accept ? EPILOGUE_ACCEPT_LEN : 0);
			e.insns = calloc(e.reject + 2, sizeof(struct bpf_insn));
			if (!e.insns) {
				ret = -ENOMEM;
				goto cleanup;
			}
			e.start = start;
			continue;
		}
		if (e.used_accept) {
			/* tail call into the capture program, telling it the
			 * hook in skb->cb[0] */
			emit(&e, BPF_ST | BPF_MEM | BPF_W, R_CTX, 0,
			     offsetof(struct __sk_buff, cb[0]), slot);
			emit(&e, BPF_ALU64 | BPF_MOV | BPF_X, BPF_REG_1, R_CTX, 0, 0);
			emit_ld_map_fd(&e, BPF_REG_2, jmp_fd);
			emit(&e, BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_3, 0, 0, 0);
			emit(&e, BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_tail_call);
			emit(&e, BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_0, 0, 0,
			     TC_ACT_UNSPEC);
			emit(&e, BPF_JMP | BPF_EXIT, 0, 0, 0, 0);
		}
		if (e.used_reject) {
			emit(&e, BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_0, 0, 0,
			     TC_ACT_UNSPEC);
			emit(&e, BPF_JMP | BPF_EXIT, 0, 0, 0, 0);
		}
	}
	*out = e.insns;
	*cnt = e.n;
	e.insns = NULL;
	ret = 0;
cleanup:
	free(e.insns);
	free(start);
	return ret;
}

int filter_load_entry(const struct cbpf_prog *p, int stats_fd, int jmp_fd,
		      int slot, const char *name, char *err, size_t errlen)
{
	LIBBPF_OPTS(bpf_prog_load_opts, opts);
	static char log[65536];
	void *insns = NULL;
	size_t cnt = 0;
	int fd;

	fd = filter_translate(p, stats_fd, jmp_fd, slot, &insns, &cnt);
	if (fd < 0) {
		snprintf(err, errlen, "cannot translate the filter to eBPF");
		return fd;
	}
	log[0] = '\0';
	opts.log_buf = log;
	opts.log_size = sizeof(log);
	opts.log_level = 0;
	fd = bpf_prog_load(BPF_PROG_TYPE_SCHED_CLS, name, "GPL", insns, cnt,
			   &opts);
	if (fd < 0) {
		int e = -errno;

		/* retry with a verifier log, for the message */
		opts.log_level = 1;
		bpf_prog_load(BPF_PROG_TYPE_SCHED_CLS, name, "GPL", insns, cnt,
			      &opts);
		snprintf(err, errlen, "loading the filter program failed: %s%s%.200s",
			 strerror(-e), log[0] ? ": " : "", log);
		fd = e;
	}
	free(insns);
	return fd;
}
