/* Reads packet records from the kernel's ring buffer, in time order. */
#ifndef PTCPDUMP_RING_H
#define PTCPDUMP_RING_H

#include <stddef.h>
#include <stdint.h>

#include "bpf/capture_types.h"

struct ring;
typedef int (*ring_cb)(void *arg, const struct ptd_pkt_hdr *h,
		       const uint8_t *data);

/* map_fd: the BPF_MAP_TYPE_RINGBUF the capture program writes */
int ring_open(int map_fd, ring_cb cb, void *arg, struct ring **out);
/* The ring's own fd, to poll edge-triggered (EPOLLET): it is readable
 * whenever anything is waiting, but the kernel wakes it only per the
 * capture's wake_bytes, which is what batches the reads. */
int ring_fd(struct ring *r);
/* The capture's ring_armed (capture.bpf.c): set after each read, so that
 * the kernel wakes the reader once per wake_bytes and not per record. */
void ring_set_wake_flag(struct ring *r, volatile uint32_t *armed);
/* Read what is there and deliver it sorted by time, but for the last
 * couple of milliseconds; returns records delivered or a negative errno.
 * A callback result < 0 stops delivery.  Without a batch hook or
 * ring_set_holdback(), records are delivered as they are read, in the
 * ring's (reservation) order. */
int ring_consume(struct ring *r);
/* Delivers everything, held-back records included (at the end). */
int ring_flush(struct ring *r);
/* Every record stamped up to this boot time has been read and delivered
 * (or is held for a round that delivers it in time order): the start of
 * the last ring_consume() less its hold-back, UINT64_MAX after
 * ring_flush(), 0 before any round. */
uint64_t ring_delivered_upto(const struct ring *r);
/* Records held back for the next round. */
size_t ring_pending(const struct ring *r);
/* Records read but lost in user space (out of memory). */
uint64_t ring_lost(const struct ring *r);
/* Called after a batch is read and before it is delivered (to bring the
 * process events that preceded those packets up to date). */
void ring_set_pre_deliver(struct ring *r, void (*fn)(void *arg), void *arg);
/* Called for every record of a batch, in time order, before any record of
 * the batch is delivered (a look-ahead, e.g. for packet ids). */
void ring_set_batch_hook(struct ring *r, ring_cb fn, void *arg);
/* Hold back and sort even without a batch hook: another stream (--drops)
 * is interleaved by time with these records, and needs the records of a
 * round read before its own. */
void ring_set_holdback(struct ring *r);
void ring_close(struct ring *r);

#endif
