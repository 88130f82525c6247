/* Command line of ptcpdump: tcpdump's flags plus ptcpdump's own. */
#ifndef PTCPDUMP_OPTIONS_H
#define PTCPDUMP_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "output/text.h"

#define MAX_IFACES_OPT 64
#define MAX_PIDS_OPT 64

struct options {
	const char *ifaces[MAX_IFACES_OPT];
	int nifaces;
	const char *write_file;
	const char *read_file;
	const char *read_list;	/* -V: a file naming the files to read */
	long long count;	/* -c, 0 = unlimited */
	bool count_only;	/* --count */
	bool print;		/* --print */
	uint32_t snaplen;
	bool snaplen_given;	/* -s was given */
	int directions;		/* CAP_DIR_IN | CAP_DIR_OUT */
	int dflag;		/* -d */
	bool list_ifaces;	/* -D */
	bool list_dlts;		/* -L */
	const char *linktype;	/* -y, libpcap's name for it */
	int linktype_dlt;	/* -y as a DLT_ value */
	bool list_tstamp_types;	/* -J */
	const char *tstamp_type;	/* -j, a name libpcap knows */
	bool monitor;		/* -I */
	const char *filter_file;	/* -F */
	struct esp_sas *esp;	/* -E, parsed (dissect/esp-sa.h) */
	char *expr;		/* joined expression, malloc'ed; NULL if none */
	char **command;		/* after --, NULL if none */
	uint64_t rotate_size;	/* -C, bytes; 0 = off */
	int rotate_files;	/* -W */
	int rotate_secs;	/* -G */
	const char *post_rotate;	/* -z: command run on each rotated file */
	const char *user;	/* -Z */
	int buffer_kib;		/* -B */
	bool force_tc;		/* --backend tc */
	bool force_tcx;		/* --backend tcx: even for many interfaces */
	bool unbuffered;	/* -U: every packet written at once */
	/* process and container filters */
	uint32_t pids[MAX_PIDS_OPT];
	int npids;
	uint32_t uids[MAX_PIDS_OPT];
	int nuids;
	const char *pname;
	bool follow_forks;
	const char *container_id;
	const char *container_name;
	const char *pod_name;
	const char *netns[MAX_IFACES_OPT];
	int nnetns;
	const char *containerd_addr;
	const char *docker_addr;
	const char *cri_addr;
	int drops;		/* 0 off, 1 --drops, 2 --drops=all */
	const char *btf_path;	/* --kernel-btf: instead of the kernel's own */
	/* copies of "-i a,b" and "--netns a,b", split in place */
	char *owned[2 * MAX_IFACES_OPT];
	int nowned;
	bool quiet_warnings;	/* --log-level error|fatal */
	struct text_opts text;
};

/* Returns 0 to run, 1 when the command was fully handled (--help,
 * --version), -1 on a usage error (message already printed). */
int options_parse(int argc, char **argv, struct options *o);
void options_free(struct options *o);
void options_usage(FILE *f);

#endif
