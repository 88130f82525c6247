/* The record of bench/floor, shared by its kernel program and its reader. */
#ifndef PTCPDUMP_BENCH_FLOOR_H
#define PTCPDUMP_BENCH_FLOOR_H

#define FLOOR_CLOCK 1
#define FLOOR_RECORD 2
#define FLOOR_SNAP 128

struct floor_rec {
	__u64 ts_boot_ns;
	__u32 len;
	__u32 caplen;
	__u8 d[FLOOR_SNAP];
};

#endif
