# ptcpdump build.  `make` builds build/ptcpdump; `make test` runs every suite.
CC       ?= cc
CLANG    ?= clang
BPFTOOL  ?= bpftool
PREFIX   ?= /usr/local
BUILD    := build
ARCH     := $(shell uname -m | sed -e 's/x86_64/x86/' -e 's/aarch64/arm64/')

CFLAGS   ?= -O2 -g
CFLAGS   += -Wall -Wextra -Werror -std=gnu11 -D_GNU_SOURCE -I$(BUILD) -I$(BUILD)/gen -Isrc
LDLIBS   := -lbpf -lelf -lz -lpcap -lnghttp2 -lprotobuf-c -ljson-c -lcrypto -lpthread
BPF_CFLAGS := -O2 -g -target bpf -D__TARGET_ARCH_$(ARCH) -I$(BUILD) -Isrc -Wall -Wno-unused-function

BPF_SRCS := $(wildcard src/bpf/*.bpf.c)
BPF_OBJS := $(patsubst src/bpf/%.bpf.c,$(BUILD)/bpf/%.bpf.o,$(BPF_SRCS))
SKELS    := $(patsubst src/bpf/%.bpf.c,$(BUILD)/%.skel.h,$(BPF_SRCS))

PROTOS   := $(wildcard src/meta/proto/*.proto)
PROTO_C  := $(patsubst src/meta/proto/%.proto,$(BUILD)/gen/%.pb-c.c,$(PROTOS))
PROTO_H  := $(PROTO_C:.c=.h)

SRCS     := $(wildcard src/common/*.c src/capture/*.c src/filter/*.c src/meta/*.c \
                      src/dissect/*.c src/output/*.c src/cli/*.c)
OBJS     := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(SRCS)) \
            $(patsubst $(BUILD)/gen/%.c,$(BUILD)/obj/gen/%.o,$(PROTO_C))
MAIN_OBJ := $(BUILD)/obj/cli/main.o
LIB_OBJS := $(filter-out $(MAIN_OBJ),$(OBJS))

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))

.PHONY: all clean test install unit bench fuzz asan
.SECONDARY:
all: $(BUILD)/ptcpdump

-include tests/fuzz/fuzz.mk

$(BUILD)/vmlinux.h:
	@mkdir -p $(@D)
	$(BPFTOOL) btf dump file /sys/kernel/btf/vmlinux format c > $@.tmp && mv $@.tmp $@

$(BUILD)/bpf/%.bpf.o: src/bpf/%.bpf.c $(BUILD)/vmlinux.h $(wildcard src/bpf/*.h)
	@mkdir -p $(@D)
	$(CLANG) $(BPF_CFLAGS) -c $< -o $@

$(BUILD)/%.skel.h: $(BUILD)/bpf/%.bpf.o
	$(BPFTOOL) gen skeleton $< name $(subst -,_,$*)_bpf > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/%.pb-c.c $(BUILD)/gen/%.pb-c.h: src/meta/proto/%.proto
	@mkdir -p $(BUILD)/gen
	protoc-c --proto_path=src/meta/proto --c_out=$(BUILD)/gen $<

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(filter-out -Werror,$(CFLAGS)) -Wno-unused-parameter -c $< -o $@

$(BUILD)/obj/%.o: src/%.c $(SKELS) $(PROTO_H)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/ptcpdump: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(LIB_OBJS) $(LDLIBS) -lcmocka

unit: $(UNIT_BINS)

test: all unit
	tests/run.sh

install: all
	install -D -m 0755 $(BUILD)/ptcpdump $(DESTDIR)$(PREFIX)/sbin/ptcpdump
	install -D -m 0644 man/ptcpdump.8 $(DESTDIR)$(PREFIX)/share/man/man8/ptcpdump.8

# bench/floor: the least an eBPF capture at the device queue costs (flood.sh)
$(BUILD)/bench/floor.bpf.o: bench/floor/floor.bpf.c bench/floor/floor.h $(BUILD)/vmlinux.h
	@mkdir -p $(@D)
	$(CLANG) $(BPF_CFLAGS) -Ibench/floor -c $< -o $@

$(BUILD)/bench/floor.skel.h: $(BUILD)/bench/floor.bpf.o
	$(BPFTOOL) gen skeleton $< name floor_bpf > $@.tmp && mv $@.tmp $@

$(BUILD)/bench/floor: bench/floor/floor.c bench/floor/floor.h $(BUILD)/bench/floor.skel.h
	$(CC) $(CFLAGS) -I$(BUILD)/bench -Ibench/floor -o $@ $< -lbpf -lelf -lz

bench: all $(BUILD)/bench/floor
	bench/run.sh

clean:
	rm -rf $(BUILD)

-include $(OBJS:.o=.d)
