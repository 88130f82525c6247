/* Minimal gRPC client over HTTP/2 (nghttp2) on a unix socket.  Single
 * threaded: one connection belongs to one thread. */
#ifndef PTCPDUMP_META_H2GRPC_H
#define PTCPDUMP_META_H2GRPC_H

#include <stddef.h>
#include <stdint.h>
#include <protobuf-c/protobuf-c.h>

#define H2G_MAX_MSG (16u << 20)

struct h2g_conn;

/* Connects to a unix socket path ("unix://" prefix accepted).  Returns 0 or
 * -errno; on error a reason is written to err. */
int h2g_connect(const char *addr, struct h2g_conn **out, char *err, size_t errlen);
void h2g_close(struct h2g_conn *c);
int h2g_fd(const struct h2g_conn *c);

/* Unary call.  ns (may be NULL) goes into the "containerd-namespace" header.
 * On success *resp (malloc'd, may be NULL when len 0) holds the response
 * message.  Returns 0, -ETIMEDOUT, -EPIPE/-ECONNRESET (connection broken),
 * -EPROTO (HTTP/2 error), or -(1000 + grpc-status) for a gRPC error
 * (e.g. -1005 = NOT_FOUND, -1012 = UNIMPLEMENTED). */
#define H2G_GRPC_ERR(st) (-(1000 + (st)))
int h2g_unary(struct h2g_conn *c, const char *path, const char *ns,
	      const ProtobufCMessage *req, uint8_t **resp, size_t *resp_len,
	      int timeout_ms);

/* Opens a server-streaming call; returns the stream id (> 0) or < 0. */
int h2g_stream_open(struct h2g_conn *c, const char *path, const char *ns,
		    const ProtobufCMessage *req);
/* Pops the next complete message of stream sid: 1 and *msg (malloc'd) when
 * one is available, 0 when none yet, < 0 when the stream has ended. */
int h2g_stream_next(struct h2g_conn *c, int32_t sid, uint8_t **msg, size_t *len);

/* Does I/O: sends what is pending, waits up to timeout_ms for input and
 * feeds it to the session.  Returns 0, or < 0 when the connection is dead. */
int h2g_pump(struct h2g_conn *c, int timeout_ms);

/* Splits one gRPC length-prefixed frame from buf.  Returns the number of
 * bytes consumed (5 + message length) and sets *msg and *len, 0 when more data
 * is needed, -EMSGSIZE/-EPROTO on a bad frame.  Exposed for unit tests. */
long h2g_frame_split(const uint8_t *buf, size_t n, const uint8_t **msg, size_t *len);

#endif
