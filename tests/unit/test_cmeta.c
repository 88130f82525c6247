/* Unit tests for src/meta: decoders (protobuf, JSON, HTTP chunks, gRPC
 * frames) and the container table, without any daemon. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "meta/cmeta.h"
#include "meta/cmeta_int.h"
#include "meta/h2grpc.h"
#include "ptcd_ctrd.pb-c.h"

/* ---- labels ---- */

static void test_labels_json(void **st)
{
	(void)st;
	struct cm_labels a = { 0 }, b = { 0 };
	assert_int_equal(cm_labels_set(&a, "z", "1"), 0);
	assert_int_equal(cm_labels_set(&a, "com.docker/engine.bundle.path", "/var/run/x"), 0);
	assert_int_equal(cm_labels_set(&a, "k", "old"), 0);
	assert_int_equal(cm_labels_set(&b, "k", "v\"q"), 0);
	assert_int_equal(cm_labels_set(&b, "a", ""), 0);
	assert_string_equal(cm_labels_get(&a, "z"), "1");
	assert_null(cm_labels_get(&a, "nope"));
	char *j = cm_labels_json(&a, &b, NULL);
	assert_string_equal(j, "{\"a\":\"\",\"com.docker/engine.bundle.path\":\"/var/run/x\","
			       "\"k\":\"v\\\"q\",\"z\":\"1\"}");
	free(j);
	static const char *const skip[] = { "io.kubernetes.", NULL };
	cm_labels_set(&a, "io.kubernetes.pod.name", "p");
	j = cm_labels_json(&a, NULL, skip);
	assert_string_equal(j, "{\"com.docker/engine.bundle.path\":\"/var/run/x\",\"k\":\"old\",\"z\":\"1\"}");
	free(j);
	j = cm_labels_json(NULL, NULL, NULL);
	assert_string_equal(j, "{}");
	free(j);
	cm_labels_free(&a);
	cm_labels_free(&b);
}

/* Values as Go's encoding/json writes them (the Go ptcpdump's labels):
 * HTML characters, U+2028/9 and control characters escaped, invalid
 * UTF-8 replaced, other UTF-8 and '/' as they are */
static void test_labels_json_go_escapes(void **st)
{
	(void)st;
	struct cm_labels a = { 0 };
	assert_int_equal(cm_labels_set(&a, "url", "http://h/p?a=1&b=<2>"), 0);
	assert_int_equal(cm_labels_set(&a, "ctl", "t\tn\nr\rb\bf\fe\x1b\x7f\\"), 0);
	assert_int_equal(cm_labels_set(&a, "utf8", "\xc3\xbc \xe2\x80\xa8 \xe2\x80\xa9 \xf0\x9f\x90\xb3"), 0);
	assert_int_equal(cm_labels_set(&a, "bad", "\xff\xc3(\xed\xa0\x80\xc0\xaf"), 0);
	char *j = cm_labels_json(&a, NULL, NULL);
	assert_string_equal(j, "{\"bad\":\"\\ufffd\\ufffd(\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\","
			       "\"ctl\":\"t\\tn\\nr\\rb\\bf\\fe\\u001b\x7f\\\\\","
			       "\"url\":\"http://h/p?a=1\\u0026b=\\u003c2\\u003e\","
			       "\"utf8\":\"\xc3\xbc \\u2028 \\u2029 \xf0\x9f\x90\xb3\"}");
	free(j);
	cm_labels_free(&a);
}

/* ---- gRPC framing ---- */

static void test_frame_split(void **st)
{
	(void)st;
	const uint8_t f[] = { 0, 0, 0, 0, 3, 'a', 'b', 'c', 0, 0 };
	const uint8_t *m;
	size_t l;
	assert_int_equal(h2g_frame_split(f, 4, &m, &l), 0);
	assert_int_equal(h2g_frame_split(f, 7, &m, &l), 0);
	assert_int_equal(h2g_frame_split(f, sizeof(f), &m, &l), 8);
	assert_int_equal(l, 3);
	assert_memory_equal(m, "abc", 3);
	const uint8_t big[] = { 0, 0x7f, 0, 0, 0 };
	assert_int_equal(h2g_frame_split(big, 5, &m, &l), -EMSGSIZE);
	const uint8_t comp[] = { 1, 0, 0, 0, 0 };
	assert_int_equal(h2g_frame_split(comp, 5, &m, &l), -EPROTO);
}

/* ---- containerd protobuf ---- */

/* Hand-encoded, as containerd sends it: Envelope{namespace=2, topic=3,
 * event=4 Any{type_url=1, value=2 TaskStart{container_id=1, pid=2}}} */
static const uint8_t env_task_start[] = {
	0x12, 0x04, 'm', 'o', 'b', 'y',
	0x1a, 0x0c, '/', 't', 'a', 's', 'k', 's', '/', 's', 't', 'a', 'r', 't',
	0x22, 0x26,
	0x0a, 0x1b, 'c', 'o', 'n', 't', 'a', 'i', 'n', 'e', 'r', 'd', '.', 'e', 'v', 'e',
	'n', 't', 's', '.', 'T', 'a', 's', 'k', 'S', 't', 'a', 'r', 't',
	0x12, 0x07, 0x0a, 0x03, 'a', 'b', 'c', 0x10, 0x2a,
};

static size_t pack_env(const char *ns, const char *topic, const ProtobufCMessage *pl,
		       uint8_t *out)
{
	PtcdCtrd__Envelope env = PTCD_CTRD__ENVELOPE__INIT;
	PtcdCtrd__AnyMsg any = PTCD_CTRD__ANY_MSG__INIT;
	uint8_t buf[1024];
	size_t n = protobuf_c_message_pack(pl, buf);
	any.type_url = "containerd.events.X";
	any.value.data = buf;
	any.value.len = n;
	env.namespace_ = (char *)ns;
	env.topic = (char *)topic;
	env.event = &any;
	return ptcd_ctrd__envelope__pack(&env, out);
}

static void test_ctrd_events(void **st)
{
	(void)st;
	struct cm_ctrd_event ev;
	uint8_t buf[2048];
	size_t n;

	assert_int_equal(cm_ctrd_decode_event(env_task_start, sizeof(env_task_start), &ev), 0);
	assert_int_equal(ev.type, CM_EV_TASK_START);
	assert_string_equal(ev.ns, "moby");
	assert_string_equal(ev.id, "abc");
	assert_int_equal(ev.pid, 42);
	cm_ctrd_event_free(&ev);

	PtcdCtrd__ContainerCreate cc = PTCD_CTRD__CONTAINER_CREATE__INIT;
	cc.id = "c1";
	cc.image = "docker.io/library/alpine:3.18";
	n = pack_env("default", "/containers/create", &cc.base, buf);
	assert_int_equal(cm_ctrd_decode_event(buf, n, &ev), 0);
	assert_int_equal(ev.type, CM_EV_CREATE);
	assert_string_equal(ev.image, "docker.io/library/alpine:3.18");
	cm_ctrd_event_free(&ev);

	PtcdCtrd__ContainerUpdate cu = PTCD_CTRD__CONTAINER_UPDATE__INIT;
	PtcdCtrd__ContainerUpdate__LabelsEntry l1 = PTCD_CTRD__CONTAINER_UPDATE__LABELS_ENTRY__INIT;
	PtcdCtrd__ContainerUpdate__LabelsEntry *ls[] = { &l1 };
	l1.key = "nerdctl/name";
	l1.value = "web";
	cu.id = "c1";
	cu.n_labels = 1;
	cu.labels = ls;
	n = pack_env("default", "/containers/update", &cu.base, buf);
	assert_int_equal(cm_ctrd_decode_event(buf, n, &ev), 0);
	assert_int_equal(ev.type, CM_EV_UPDATE);
	assert_string_equal(cm_labels_get(&ev.labels, "nerdctl/name"), "web");
	cm_ctrd_event_free(&ev);

	/* exit of an exec'd process: not the container's task */
	PtcdCtrd__TaskExit te = PTCD_CTRD__TASK_EXIT__INIT;
	te.container_id = "c1";
	te.id = "exec-1";
	te.pid = 7;
	n = pack_env("default", "/tasks/exit", &te.base, buf);
	assert_int_equal(cm_ctrd_decode_event(buf, n, &ev), 0);
	assert_int_equal(ev.type, CM_EV_NONE);
	te.id = "c1";
	n = pack_env("default", "/tasks/exit", &te.base, buf);
	assert_int_equal(cm_ctrd_decode_event(buf, n, &ev), 0);
	assert_int_equal(ev.type, CM_EV_TASK_EXIT);
	assert_int_equal(ev.pid, 7);
	cm_ctrd_event_free(&ev);

	PtcdCtrd__TaskCreate tc = PTCD_CTRD__TASK_CREATE__INIT;
	tc.container_id = "c2";
	tc.pid = 99;
	n = pack_env("k8s.io", "/tasks/create", &tc.base, buf);
	assert_int_equal(cm_ctrd_decode_event(buf, n, &ev), 0);
	assert_int_equal(ev.type, CM_EV_TASK_START);
	assert_int_equal(ev.pid, 99);
	cm_ctrd_event_free(&ev);

	n = pack_env("default", "/images/create", &cc.base, buf);
	assert_int_equal(cm_ctrd_decode_event(buf, n, &ev), 0);
	assert_int_equal(ev.type, CM_EV_NONE);

	const uint8_t junk[] = { 0xff, 0xff, 0xff };
	assert_int_equal(cm_ctrd_decode_event(junk, sizeof(junk), &ev), -EINVAL);
}

struct seen {
	int n;
	char id[4][65];
	char image[4][64];
	char name[4][64];
	uint32_t pid[4];
	int running[4];
};

static void on_ct(const char *id, const char *image, struct cm_labels *l, void *arg)
{
	struct seen *s = arg;
	strcpy(s->id[s->n], id);
	strcpy(s->image[s->n], image);
	const char *nm = cm_labels_get(l, "nerdctl/name");
	strcpy(s->name[s->n], nm ? nm : "");
	s->n++;
}

static void on_task(const char *id, uint32_t pid, int running, void *arg)
{
	struct seen *s = arg;
	strcpy(s->id[s->n], id);
	s->pid[s->n] = pid;
	s->running[s->n] = running;
	s->n++;
}

static void test_ctrd_lists(void **st)
{
	(void)st;
	/* ListContainersResponse{containers=1: Container{id=1, labels=2{key=1,
	 * value=2}, image=3}} hand-encoded */
	const uint8_t list[] = {
		0x0a, 0x1a,
		0x0a, 0x02, 'c', '1',
		0x12, 0x10, 0x0a, 0x0c, 'n', 'e', 'r', 'd', 'c', 't', 'l', '/', 'n', 'a', 'm', 'e',
		0x12, 0x00,
		0x1a, 0x02, 'i', 'm',
		0x0a, 0x04, 0x0a, 0x02, 'c', '2',
	};
	struct seen s = { 0 };
	assert_int_equal(cm_ctrd_decode_containers(list, sizeof(list), 1, on_ct, &s), 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.id[0], "c1");
	assert_string_equal(s.image[0], "im");
	assert_string_equal(s.id[1], "c2");

	PtcdCtrd__Container ct = PTCD_CTRD__CONTAINER__INIT;
	PtcdCtrd__GetContainerResp gr = PTCD_CTRD__GET_CONTAINER_RESP__INIT;
	PtcdCtrd__Container__LabelsEntry le = PTCD_CTRD__CONTAINER__LABELS_ENTRY__INIT;
	PtcdCtrd__Container__LabelsEntry *les[] = { &le };
	uint8_t buf[512];
	le.key = "nerdctl/name";
	le.value = "nc";
	ct.id = "c3";
	ct.image = "";
	ct.n_labels = 1;
	ct.labels = les;
	gr.container = &ct;
	size_t n = ptcd_ctrd__get_container_resp__pack(&gr, buf);
	memset(&s, 0, sizeof(s));
	assert_int_equal(cm_ctrd_decode_containers(buf, n, 0, on_ct, &s), 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.name[0], "nc");

	/* ListTasksResponse{tasks=1: Process{id=2 "c1", pid=3 77, status=4 2},
	 * Process{container_id=1 "c2", pid 5, status 3}}; 1.6 fills only id */
	const uint8_t tasks[] = {
		0x0a, 0x08, 0x12, 0x02, 'c', '1', 0x18, 0x4d, 0x20, 0x02,
		0x0a, 0x08, 0x0a, 0x02, 'c', '2', 0x18, 0x05, 0x20, 0x03,
	};
	memset(&s, 0, sizeof(s));
	assert_int_equal(cm_ctrd_decode_tasks(tasks, sizeof(tasks), on_task, &s), 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.id[0], "c1");
	assert_int_equal(s.pid[0], 77);
	assert_true(s.running[0]);
	assert_string_equal(s.id[1], "c2");
	assert_false(s.running[1]);
}

/* ---- Docker JSON and HTTP ---- */

#define ID64 "78f1713c7d0f329f35b4c1ab5ef189d47a1c16e40fdff3317943b4fb3b0f2890"

static void test_docker_json(void **st)
{
	(void)st;
	struct cm_docker_rec r;
	const char *insp = "{\"Id\":\"" ID64 "\",\"Name\":\"/web-1\",\"State\":{\"Running\":true,"
			   "\"Pid\":4242},\"Config\":{\"Image\":\"localhost/wget:e2e\","
			   "\"Labels\":{\"b\":\"2\",\"a\":\"1\"}}}";
	assert_int_equal(cm_docker_parse_inspect(insp, strlen(insp), &r), 0);
	assert_string_equal(r.id, ID64);
	assert_string_equal(r.name, "web-1");
	assert_string_equal(r.image, "localhost/wget:e2e");
	assert_int_equal(r.pid, 4242);
	assert_int_equal(r.labels.n, 2);
	assert_string_equal(r.labels.kv[0].k, "a");
	cm_docker_rec_free(&r);
	const char *stopped = "{\"Id\":\"abc\",\"Name\":\"/x\",\"State\":{\"Running\":false,\"Pid\":0},"
			      "\"Config\":{\"Image\":\"i\",\"Labels\":null}}";
	assert_int_equal(cm_docker_parse_inspect(stopped, strlen(stopped), &r), 0);
	assert_int_equal(r.pid, 0);
	cm_docker_rec_free(&r);
	assert_int_equal(cm_docker_parse_inspect("[]", 2, &r), -EINVAL);

	char act[32];
	const char *ev = "{\"status\":\"create\",\"id\":\"" ID64 "\",\"from\":\"localhost/wget:e2e\","
			 "\"Type\":\"container\",\"Action\":\"create\",\"Actor\":{\"ID\":\"" ID64
			 "\",\"Attributes\":{\"image\":\"localhost/wget:e2e\",\"name\":\"web-1\"}},"
			 "\"scope\":\"local\",\"time\":1,\"timeNano\":1}";
	assert_int_equal(cm_docker_parse_event(ev, strlen(ev), act, sizeof(act), &r), 0);
	assert_string_equal(act, "create");
	assert_string_equal(r.name, "web-1");
	assert_string_equal(r.image, "localhost/wget:e2e");
	cm_docker_rec_free(&r);
	const char *nev = "{\"Type\":\"network\",\"Action\":\"connect\",\"Actor\":{\"ID\":\"n\"}}";
	assert_int_equal(cm_docker_parse_event(nev, strlen(nev), act, sizeof(act), &r), -EINVAL);
}

static int nlisted;
static void on_listed(struct cm_docker_rec *r, void *arg)
{
	(void)arg;
	if (nlisted == 0) {
		assert_string_equal(r->name, "a");
		assert_int_equal(r->pid, 1);
	}
	nlisted++;
}

static void test_docker_list(void **st)
{
	(void)st;
	const char *l = "[{\"Id\":\"" ID64 "\",\"Names\":[\"/a\"],\"Image\":\"img\",\"Labels\":{},"
			"\"State\":\"running\"},{\"Id\":\"b\",\"Names\":[\"/b\"],\"Image\":\"i2\","
			"\"State\":\"exited\"},{\"Names\":[]}]";
	nlisted = 0;
	assert_int_equal(cm_docker_parse_list(l, strlen(l), on_listed, NULL), 0);
	assert_int_equal(nlisted, 2);
	assert_int_equal(cm_docker_parse_list("{}", 2, on_listed, NULL), -EINVAL);
}

static void test_dechunk(void **st)
{
	(void)st;
	const char *in = "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n";
	char out[64];
	size_t ol = 0;
	struct cm_dechunk d = { 0 };
	int rc = 0;
	/* byte by byte: chunk boundaries anywhere */
	for (size_t i = 0; i < strlen(in) && rc == 0; i++)
		rc = cm_dechunk_feed(&d, in + i, 1, out, &ol);
	assert_int_equal(rc, 1);
	assert_int_equal(ol, 12);
	assert_memory_equal(out, "hello, world", 12);
	struct cm_dechunk d2 = { 0 };
	ol = 0;
	assert_int_equal(cm_dechunk_feed(&d2, "zz\r\n", 4, out, &ol), -EPROTO);
}

/* ---- table ---- */

static int nadd, ndel;
static void cb(const struct container_info *ci, int ev, void *arg)
{
	(void)ci;
	(void)arg;
	if (ev == CMETA_ADD)
		nadd++;
	else
		ndel++;
}

static void test_table(void **st)
{
	(void)st;
	struct cmeta *c = cmeta_start(NULL, NULL, NULL);
	struct container_info ci;
	struct cm_labels l = { 0 };
	assert_non_null(c);
	cmeta_set_callback(c, cb, NULL);
	nadd = ndel = 0;

	/* moby record: containerd has no name/image, Docker fills them */
	cm_labels_set(&l, "com.docker/engine.bundle.path", "/b");
	cm_ctrd_put(c, "moby", ID64, "", &l, 1, 1);
	cm_labels_free(&l);
	cm_labels_set(&l, "k", "v");
	cm_docker_put(c, ID64, "/web-1", "localhost/wget:e2e", &l, 0, 1);
	cm_labels_free(&l);
	cm_ctrd_task(c, ID64, 1234, 1);
	assert_int_equal(cmeta_get_by_name(c, "web-1", &ci), 0);
	assert_string_equal(ci.id, ID64);
	assert_string_equal(ci.ns, "moby");
	assert_string_equal(ci.image, "localhost/wget:e2e");
	assert_string_equal(ci.labels_json, "{\"com.docker/engine.bundle.path\":\"/b\",\"k\":\"v\"}");
	assert_int_equal(ci.init_pid, 1234);
	assert_null(ci.pod_name);
	cmeta_info_free(&ci);
	assert_int_equal(nadd, 3);

	assert_int_equal(cmeta_get_by_id(c, "78f1713c7d0f", &ci), 0);
	cmeta_info_free(&ci);
	assert_int_equal(cmeta_get_by_id(c, "78f1713c7d0", &ci), -ENOENT);	/* < 12 */
	assert_int_equal(cmeta_get_by_pid(c, 1234, &ci), 0);
	cmeta_info_free(&ci);

	/* ambiguous prefix and name */
	cm_labels_set(&l, "nerdctl/name", "web-1");
	cm_ctrd_put(c, "default", "78f1713c7d0fffff", "img", &l, 1, 1);
	cm_labels_free(&l);
	assert_int_equal(cmeta_get_by_id(c, "78f1713c7d0f", &ci), -EEXIST);
	assert_int_equal(cmeta_get_by_name(c, "web-1", &ci), -EEXIST);
	assert_int_equal(cmeta_get_by_id(c, "78f1713c7d0fffff", &ci), 0);
	assert_string_equal(ci.name, "web-1");
	assert_string_equal(ci.image, "img");
	cmeta_info_free(&ci);

	/* deleted: still resolvable, a live one wins */
	cm_delete(c, "78f1713c7d0fffff", 0);
	assert_int_equal(ndel, 1);
	assert_int_equal(cmeta_get_by_name(c, "web-1", &ci), 0);
	assert_string_equal(ci.id, ID64);
	cmeta_info_free(&ci);
	cm_ctrd_task(c, ID64, 1234, 0);
	assert_int_equal(cmeta_get_by_pid(c, 1234, &ci), 0);	/* exited, in grace */
	assert_int_equal(ci.init_pid, 0);
	cmeta_info_free(&ci);

	/* pod: labels from the sandbox container */
	cm_labels_set(&l, "io.cri-containerd.kind", "sandbox");
	cm_labels_set(&l, "io.kubernetes.pod.name", "p");
	cm_labels_set(&l, "io.kubernetes.pod.namespace", "ns");
	cm_labels_set(&l, "io.kubernetes.pod.uid", "u1");
	cm_labels_set(&l, "run", "p");
	cm_ctrd_put(c, "k8s.io", "sb1", "", &l, 1, 1);
	cm_labels_free(&l);
	cm_labels_set(&l, "io.kubernetes.pod.name", "p");
	cm_labels_set(&l, "io.kubernetes.pod.namespace", "ns");
	cm_labels_set(&l, "io.kubernetes.pod.uid", "u1");
	cm_labels_set(&l, "io.kubernetes.container.name", "app");
	cm_ctrd_put(c, "k8s.io", "ct1", "img", &l, 1, 1);
	cm_labels_free(&l);
	assert_int_equal(cmeta_get_by_name(c, "app", &ci), 0);
	assert_string_equal(ci.pod_name, "p");
	assert_string_equal(ci.pod_ns, "ns");
	assert_string_equal(ci.pod_uid, "u1");
	assert_string_equal(ci.pod_labels_json, "{\"run\":\"p\"}");
	assert_string_equal(ci.pod_annotations_json, "{}");
	cmeta_info_free(&ci);
	struct container_info *arr;
	size_t n;
	assert_int_equal(cmeta_find_pod(c, "p", "ns", &arr, &n), 0);
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++)
		cmeta_info_free(&arr[i]);
	free(arr);
	assert_int_equal(cmeta_find_pod(c, "p", "other", &arr, &n), -ENOENT);
	cm_set_pod_cri(c, "u1", "{\"run\":\"cri\"}", "{\"a\":\"b\"}");
	assert_int_equal(cmeta_get_by_name(c, "app", &ci), 0);
	assert_string_equal(ci.pod_labels_json, "{\"run\":\"cri\"}");
	assert_string_equal(ci.pod_annotations_json, "{\"a\":\"b\"}");
	cmeta_info_free(&ci);

	cmeta_stop(c);
}

struct later {
	struct cmeta *c;
};

static void *put_later(void *arg)
{
	struct later *l = arg;
	struct cm_labels none = { 0 };
	usleep(50000);
	cm_ctrd_put(l->c, "default", "late1", "", &none, 1, 1);
	return NULL;
}

static void test_wait_id(void **st)
{
	(void)st;
	struct cmeta *c = cmeta_start("", "", NULL);
	struct container_info ci;
	struct later l = { c };
	pthread_t t;
	assert_int_equal(cmeta_wait_id(c, "nope", 30, &ci), -ETIMEDOUT);
	pthread_create(&t, NULL, put_later, &l);
	assert_int_equal(cmeta_wait_id(c, "late1", 2000, &ci), 0);
	assert_string_equal(ci.ns, "default");
	cmeta_info_free(&ci);
	pthread_join(t, NULL);
	cmeta_stop(c);
}

/* The bytes written to stderr (fd 2, redirected to f) so far. */
static long err_size(FILE *f)
{
	fflush(stderr);
	fseek(f, 0, SEEK_END);
	return ftell(f);
}

static void test_absent_daemons(void **st)
{
	(void)st;
	/* nonexistent sockets: returns quickly, warns, lookups just fail;
	 * the warnings wait for cmeta_ready (the capture may still fail to
	 * start, and then its error is the only line) */
	FILE *f = tmpfile();
	int saved = dup(2), done = 0;
	char buf[512] = "";
	assert_non_null(f);
	assert_true(saved >= 0 && dup2(fileno(f), 2) == 2);
	struct cmeta *c = cmeta_launch("/nonexistent/c.sock", "/nonexistent/d.sock", NULL);
	struct container_info ci;
	assert_non_null(c);
	for (int i = 0; i < 200 && !done; i++) {
		pthread_mutex_lock(&c->mu);
		done = c->ctrd.initial_done && c->docker.initial_done;
		pthread_mutex_unlock(&c->mu);
		usleep(10000);
	}
	long before = err_size(f);
	bool held = cm_warnings_held();
	cmeta_ready(c);
	long after = err_size(f);
	fseek(f, 0, SEEK_SET);
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	dup2(saved, 2);
	close(saved);
	fclose(f);
	assert_true(done);
	assert_int_equal(before, 0);
	assert_true(after > 0);
	/* and from then on a warning is printed when it happens */
	assert_true(held);
	assert_false(cm_warnings_held());
	assert_non_null(strstr(buf, "ptcpdump: warning: containerd not available at /nonexistent/c.sock: "));
	assert_non_null(strstr(buf, "ptcpdump: warning: docker not available at /nonexistent/d.sock: "));
	assert_int_equal(cmeta_get_by_name(c, "x", &ci), -ENOENT);
	cmeta_stop(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labels_json),
		cmocka_unit_test(test_labels_json_go_escapes),
		cmocka_unit_test(test_frame_split),
		cmocka_unit_test(test_ctrd_events),
		cmocka_unit_test(test_ctrd_lists),
		cmocka_unit_test(test_docker_json),
		cmocka_unit_test(test_docker_list),
		cmocka_unit_test(test_dechunk),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_wait_id),
		cmocka_unit_test(test_absent_daemons),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
