/*
 * The writer's output buffer and file.  Whole blocks are queued in one
 * buffer; after every batch of packets they go out (see writer_flush), so
 * that the file ends on a block boundary and a killed capture leaves a
 * readable file.
 *
 * Under a high rate a regular file is written with O_DIRECT, 4 MiB at a
 * time straight from the buffer: the page cache's copy and per-page work
 * are then most of the CPU time a flood costs.  Writes are aligned to 4 KiB,
 * so the buffer starts with the partial page already written, and a batch
 * whose tail has waited DIO_MAX_AGE_NS goes out through the page cache
 * (O_DIRECT off for that one write).  A file system that refuses O_DIRECT,
 * a disk that is slow to take a direct write (the page cache then absorbs
 * the bursts), -U, stdout and a packet record larger than 256 KiB use the
 * page cache throughout.
 */
#include "output/writer_int.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define PREALLOC_STEP (8u << 20)
#define DIO_ALIGN 4096u
#define DIO_BUF (4u << 20)
#define HUGE_PAGE (2u << 20)
/* how long a batch may stay in the buffer of a direct file */
#define DIO_MAX_AGE_NS (100ull * 1000000ull)
/* a direct write slower than this: the disk cannot keep up on its own */
#define DIO_SLOW_NS (50ull * 1000000ull)

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/*
 * Reserves the file's next blocks ahead of the writes: ext4 then skips its
 * per-page delayed-allocation work, a quarter of the CPU time of a write
 * here.  Only a hint (errors are ignored: the write itself tells); the
 * reserve beyond the data is given back when the file is closed.
 */
static void prealloc(struct writer *w, uint64_t end)
{
	if (!w->is_reg || w->no_prealloc || end <= w->prealloc_end)
		return;
	if (fallocate(w->fd, FALLOC_FL_KEEP_SIZE, (off_t)w->on_disk,
		      PREALLOC_STEP) == 0)
		w->prealloc_end = w->on_disk + PREALLOC_STEP;
	else if (errno == EOPNOTSUPP || errno == ENOSYS)
		w->no_prealloc = 1;
}

static int set_direct(int fd, int on)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0)
		return -1;
	return fcntl(fd, F_SETFL, on ? fl | O_DIRECT : fl & ~O_DIRECT);
}

/* Drops the first n bytes of the buffer (written out). */
static void obuf_drop(struct writer *w, size_t n)
{
	size_t i, j = 0;

	memmove(w->obuf, w->obuf + n, w->olen - n);
	w->olen -= n;
	for (i = 0; i < w->nends; i++)
		if (w->oends[i] > n)
			w->oends[j++] = w->oends[i] - n;
	w->nends = j;
	w->dbase += n;
}

/* The page cache from here on, for this writer. */
static void direct_leave(struct writer *w)
{
	w->no_direct = 1;
	if (!w->direct)
		return;
	(void)set_direct(w->fd, 0);
	obuf_drop(w, (size_t)(w->dend - w->dbase));	/* already on disk */
	(void)lseek(w->fd, (off_t)w->dbase, SEEK_SET);
	w->direct = 0;
}

/* A new file: O_DIRECT if it can have it (called before its first byte). */
void wfile_opened(struct writer *w)
{
	w->size = w->on_disk = w->dbase = w->dend = 0;
	w->olen = w->nends = 0;
	w->direct = w->is_reg && !w->immediate && !w->no_direct &&
		    set_direct(w->fd, 1) == 0;
}

/* Closes the current file, without the blocks reserved past its end. */
int wfile_close(struct writer *w)
{
	int rc = 0;

	if (w->fd < 0 || w->is_stdout)
		return 0;
	if (w->prealloc_end > w->on_disk)
		(void)ftruncate(w->fd, (off_t)w->on_disk);
	w->prealloc_end = 0;
	w->direct = 0;
	rc = close(w->fd);
	w->fd = -1;
	return rc;
}

/* The file offset of the end of the last whole block within the first n
 * bytes of the buffer; 0 if none ends there. */
static uint64_t whole_end(const struct writer *w, size_t n)
{
	size_t i, e = 0;

	for (i = 0; i < w->nends && w->oends[i] <= n; i++)
		e = w->oends[i];
	return e ? w->dbase + e : 0;
}

/* The first n bytes of the buffer are in the file: so are the blocks that
 * end within them. */
static void keep_whole(struct writer *w, size_t n)
{
	uint64_t e = whole_end(w, n);

	if (e > w->on_disk)
		w->on_disk = e;
}

/* Bytes of the buffer not in the file yet (a direct file's buffer starts
 * with the part of a page it has already written). */
static size_t unwritten(const struct writer *w)
{
	return w->olen - (size_t)(w->dend - w->dbase);
}

/* After a failed write: the file is cut back to its last whole block. */
static int write_failed(struct writer *w, int e)
{
	if (w->is_reg && ftruncate(w->fd, (off_t)w->on_disk) == 0 && !w->direct)
		(void)lseek(w->fd, (off_t)w->on_disk, SEEK_SET);
	w->size = w->on_disk;
	w->olen = w->nends = 0;
	w->dbase = w->dend = w->on_disk;
	werr(w, "%s: write failed: %s", w->cur, strerror(e));
	w->err_no = e;
	return -1;
}

/*
 * n bytes of the buffer from off, at their place in the file: 0 or errno.
 * After an error (a full disk takes some of it first), the whole blocks
 * that did reach the file are kept.
 */
static int pwrite_all(struct writer *w, size_t off, size_t n)
{
	while (n) {
		ssize_t r = pwrite(w->fd, w->obuf + off, n,
				   (off_t)(w->dbase + off));

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			int e = r < 0 ? errno : EIO;

			keep_whole(w, off);
			return e;
		}
		off += (size_t)r;
		n -= (size_t)r;
	}
	return 0;
}

/*
 * The aligned part of the buffer with O_DIRECT; with tail, the rest too,
 * through the page cache.  1: O_DIRECT did not work out, the caller writes
 * what is left through the page cache (nothing was lost).
 */
static int write_direct(struct writer *w, int tail)
{
	size_t a = w->olen & ~(size_t)(DIO_ALIGN - 1);
	uint64_t t0;
	int e;

	if (a > w->dend - w->dbase) {
		t0 = now_ns();
		e = pwrite_all(w, 0, a);
		if (e == EINVAL)
			return 1;	/* an alignment the file system wants */
		if (e)
			return write_failed(w, e);
		if (now_ns() - t0 > DIO_SLOW_NS)
			w->no_direct = 1;	/* left after this write */
		w->dend = w->dbase + a;
		keep_whole(w, a);
		/* the partial page after a is not on disk: the next direct
		 * write starts at a */
		obuf_drop(w, a);
	}
	if (tail && unwritten(w)) {
		size_t from = (size_t)(w->dend - w->dbase);

		if (set_direct(w->fd, 0))
			return 1;
		e = pwrite_all(w, from, w->olen - from);
		if (set_direct(w->fd, 1))
			w->no_direct = 1;
		if (e)
			return write_failed(w, e);
		w->dend = w->on_disk = w->dbase + w->olen;
		w->nends = 0;
	}
	if (w->no_direct)
		direct_leave(w);
	return 0;
}

/* Writes the buffered blocks (with partial, O_DIRECT keeps the last
 * partial page); after a failed or short write the file is cut back to
 * the last block that was written whole. */
static int write_out(struct writer *w, int partial)
{
	size_t off = 0;

	prealloc(w, w->dbase + w->olen);
	if (w->direct) {
		int r = write_direct(w, !partial);

		if (r <= 0) {
			w->queued_at = unwritten(w) ? now_ns() : 0;
			return r;
		}
		direct_leave(w);
	}
	while (off < w->olen) {
		ssize_t n = write(w->fd, w->obuf + off, w->olen - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			/* non-blocking stdout: wait until it can take more */
			struct pollfd pfd = { .fd = w->fd, .events = POLLOUT };

			if (poll(&pfd, 1, -1) >= 0 || errno == EINTR)
				continue;
		}
		if (n <= 0) {
			keep_whole(w, off);
			return write_failed(w, n < 0 ? errno : EIO);
		}
		off += (size_t)n;
	}
	w->on_disk = w->dbase + w->olen;
	w->dbase = w->dend = w->on_disk;
	w->olen = w->nends = 0;
	w->queued_at = 0;
	return 0;
}

/* Everything queued goes out now (rotation, close, the file header). */
int wfile_sync(struct writer *w)
{
	if (!w || w->failed)
		return w ? -1 : 0;
	if (w->fd < 0 || !unwritten(w))
		return 0;
	return write_out(w, 0);
}

/* After a batch: the queued blocks go out, at once through the page cache,
 * or in 4 MiB pieces with O_DIRECT unless they have waited long. */
int writer_flush(struct writer *w)
{
	if (w && w->direct && !w->failed && w->queued_at &&
	    now_ns() - w->queued_at < DIO_MAX_AGE_NS)
		return 0;
	return wfile_sync(w);
}

void writer_set_immediate(struct writer *w, int on)
{
	w->immediate = on;
	if (on)
		direct_leave(w);
}

/* The buffer is written out when it would grow past this: a direct file's
 * keeps room for the partial page it starts with. */
static size_t olimit(const struct writer *w)
{
	return w->direct ? DIO_BUF - DIO_ALIGN : OBUF_SIZE;
}

/*
 * The output buffer, aligned for O_DIRECT with room for a partial page;
 * for a direct file in huge pages, which it pins 2 MiB at a time instead
 * of 4 KiB.
 */
static int obuf_alloc(struct writer *w)
{
	size_t cap = w->direct ? DIO_BUF : OBUF_SIZE + DIO_ALIGN;
	uint8_t *nb = aligned_alloc(w->direct ? HUGE_PAGE : DIO_ALIGN, cap);

	if (nb && w->direct)
		(void)madvise(nb, cap, MADV_HUGEPAGE);
	if (!w->oends) {
		w->capends = 1u << 16;
		w->oends = malloc(w->capends * sizeof(*w->oends));
	}
	if (!nb || !w->oends) {
		free(nb);
		werr(w, "out of memory");
		return -1;
	}
	if (w->olen)
		memcpy(nb, w->obuf, w->olen);
	free(w->obuf);
	w->obuf = nb;
	w->obuf_cap = cap;
	return 0;
}

/* How far ahead of the block being built the buffer's lines are asked
 * for (see block_room). */
#define PREFETCH_AHEAD 1024u

/*
 * Room for a whole block of total bytes (at most OBUF_SIZE) at the end of
 * the output buffer, which is written out first when it is full.  Packet
 * records are built there in place; block_commit() then queues them.
 *
 * A direct file's 4 MiB buffer does not stay in cache: each new line
 * written waited for its fetch, 40 % of the reader's time under a flood.
 * The lines a block this size will need next are asked for now (for
 * writing), so that they arrive while this one is built.
 */
uint8_t *block_room(struct writer *w, size_t total)
{
	uint8_t *q, *end;

	if (w->failed)
		return NULL;
	if ((!w->obuf || w->obuf_cap < olimit(w) + DIO_ALIGN) && obuf_alloc(w))
		return NULL;
	if ((w->olen + total > olimit(w) || w->nends == w->capends) &&
	    unwritten(w) && write_out(w, 1))
		return NULL;
	q = w->obuf + w->olen + PREFETCH_AHEAD;
	end = q + (total < 4096 ? total : 4096);
	if (end > w->obuf + w->obuf_cap)
		end = w->obuf + w->obuf_cap;
	for (; q < end; q += 64)
		__builtin_prefetch(q, 1, 3);
	return w->obuf + w->olen;
}

/* Queues the block of total bytes just built by block_room()'s caller; it
 * is written when the buffer is full, at writer_flush(), at rotation and
 * at close, or at once for stdout and -U. */
int block_commit(struct writer *w, size_t total)
{
	if (!unwritten(w))
		w->queued_at = now_ns();
	w->size += total;
	w->olen += total;
	w->oends[w->nends++] = w->olen;
	if (w->immediate || w->is_stdout)
		return write_out(w, 0);
	return 0;
}

/* Queues the block in the builder; one larger than the output buffer goes
 * out on its own, through the page cache. */
int flush_block(struct writer *w)
{
	uint8_t *save, *dst;
	int rc;

	if (w->blen > OBUF_SIZE) {
		if (!block_room(w, 0) || wfile_sync(w))
			return -1;
		direct_leave(w);
		w->size += w->blen;
		save = w->obuf;
		w->obuf = w->b;
		w->olen = w->blen;
		w->oends[0] = w->blen;
		w->nends = 1;
		rc = write_out(w, 0);
		w->obuf = save;
		return rc;
	}
	dst = block_room(w, w->blen);
	if (!dst)
		return -1;
	memcpy(dst, w->b, w->blen);
	return block_commit(w, w->blen);
}
