# Fuzzing and sanitizer builds; included by the top-level Makefile.
#
#   make fuzz         build every libFuzzer harness (tests/fuzz/fuzz_*.c) and
#                     run each for FUZZ_SECONDS (default 30) after replaying
#                     its regression inputs
#   make fuzz-quick   the same, a few seconds per harness (what CI runs)
#   make fuzz-build   only build the harnesses into $(FUZZ_BUILD)/fuzz/
#   make asan         build objects, unit tests and ptcpdump with
#                     -fsanitize=address,undefined into $(ASAN_BUILD)/, run the
#                     unit tests and the golden suite with them
#
# The instrumented objects come from the ordinary rules of the Makefile, run
# in a sub-make with BUILD=<dir> CC=clang and the sanitizer flags passed in
# CFLAGS through the environment (so the Makefile's "CFLAGS +=" still adds
# -Wall ... -I$(BUILD) ...; CFLAGS given on the command line would replace
# them).
FUZZ_BUILD    ?= build-fuzz
ASAN_BUILD    ?= build-asan
FUZZ_CC       ?= clang
FUZZ_SECONDS  ?= 30
FUZZ_QUICK_SECONDS ?= 5
FUZZ_NAMES    := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_CFLAGS   ?= -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
                 -fno-sanitize-recover=undefined
ASAN_CFLAGS   ?= -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
                 -fno-sanitize-recover=undefined

.PHONY: fuzz fuzz-quick fuzz-build asan asan-build

ifeq ($(BUILD),$(FUZZ_BUILD))
# --- inside the sub-make: BUILD is the fuzz directory ----------------------
.PHONY: fuzz-bins
fuzz-bins: $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%)

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/*.h) $(LIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Wno-missing-field-initializers -fsanitize=fuzzer -o $@ $< \
		$(LIB_OBJS) $(LDLIBS)
else
# --- top level ---------------------------------------------------------------
fuzz-build:
	@CFLAGS="$(FUZZ_CFLAGS)" $(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) \
		CC=$(FUZZ_CC) fuzz-bins

# run.sh builds (make fuzz-build) after checking that clang has libFuzzer,
# and prints SKIP lines when it has not.
fuzz:
	FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_CC=$(FUZZ_CC) FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run.sh

fuzz-quick:
	FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_CC=$(FUZZ_CC) FUZZ_SECONDS=$(FUZZ_QUICK_SECONDS) tests/fuzz/run.sh

asan-build:
	@CFLAGS="$(ASAN_CFLAGS)" $(MAKE) --no-print-directory BUILD=$(ASAN_BUILD) \
		CC=$(FUZZ_CC) $(ASAN_BUILD)/ptcpdump unit

# Reports go to $(ASAN_BUILD)/san-logs/ (the golden runner throws the
# binary's stderr away): any file there fails the target.
asan: asan-build
	@rm -rf $(ASAN_BUILD)/san-logs && mkdir -p $(ASAN_BUILD)/san-logs
	@export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:log_path=$(CURDIR)/$(ASAN_BUILD)/san-logs/asan \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$(CURDIR)/$(ASAN_BUILD)/san-logs/ubsan; \
	fail=0; \
	for t in $(ASAN_BUILD)/tests/test_*; do \
		[ -x "$$t" ] || continue; \
		if "$$t" >$(ASAN_BUILD)/san-logs/$${t##*/}.out 2>&1; then \
			echo "PASS asan/unit/$${t##*/}"; \
		else echo "FAIL asan/unit/$${t##*/}"; fail=1; \
		  tail -n 20 $(ASAN_BUILD)/san-logs/$${t##*/}.out; \
		fi; \
		rm -f $(ASAN_BUILD)/san-logs/$${t##*/}.out; \
	done; \
	if PTCPDUMP=$(CURDIR)/$(ASAN_BUILD)/ptcpdump tests/golden/run.sh \
		>$(ASAN_BUILD)/golden.out 2>$(ASAN_BUILD)/golden.err; then \
		echo "PASS asan/golden ($$(grep -c ^PASS $(ASAN_BUILD)/golden.out) cases)"; \
	else echo "FAIL asan/golden: $$(grep ^FAIL $(ASAN_BUILD)/golden.out | tr '\n' ' ')"; fail=1; fi; \
	if [ -n "$$(ls -A $(ASAN_BUILD)/san-logs)" ]; then \
		echo "FAIL asan/reports: sanitizer reports in $(ASAN_BUILD)/san-logs:"; \
		head -n 30 $(ASAN_BUILD)/san-logs/*; fail=1; \
	else echo "PASS asan/reports (no sanitizer reports)"; fi; \
	exit $$fail
endif
