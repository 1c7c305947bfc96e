# bench/bench.mk - `make bench`: our engine against SQLite, LMDB and
# Berkeley DB (native only).  Included by the top-level Makefile, after its
# own rules (it uses BUILD, BN and GEN from there).  See bench/README.md.
#
#   make bench                          the defaults (N = 1000000, T = 3 s)
#   make bench BENCH_ARGS=-q            quick (N = 100000, T = 1 s)
#   make bench BENCH_ARGS="-e ours,lmdb -n 200000"

BENCH_SRCS := $(filter-out bench/jetbench.c,$(sort $(wildcard bench/*.c)))
BENCH_HDRS := $(wildcard bench/*.h)
BENCH_TMP := $(BUILD)/bench-tmp
BENCH_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Iinclude $(addprefix -I,$(sort $(wildcard engine/*))) \
    -Idlls/esent -I$(GEN)
BENCH_LIBS := -lsqlite3 -llmdb -ldb -pthread
BENCH_ARGS ?=

.PHONY: bench
bench: deps
	@$(MAKE) --no-print-directory $(BN)/bench
	$(BN)/bench -d $(BENCH_TMP) $(BENCH_ARGS)

$(BN)/bench: $(BENCH_SRCS) $(BENCH_HDRS) $(BN)/libesent-core.a
	@mkdir -p $(dir $@)
	$(CC) $(BENCH_CFLAGS) -o $@ $(BENCH_SRCS) $(BN)/libesent-core.a $(BENCH_LIBS)

# ---- the Jet workloads under Wine (bench/bench-wine.sh) -----------------
#
#   make bench-wine                     N = 1000000
#   make bench-wine BENCH_ARGS=-q       N = 100000
#
# jetbench.exe is a Windows program linked through mingw-w64's libesent.a,
# run under Wine against our esent.dll; its numbers go beside the native
# bench's jet and sqlite rows of the same invocation.

JETBENCH_SRCS := bench/jetbench.c bench/bench_work.c bench/bench_jet.c

.PHONY: bench-wine
bench-wine: deps
	@$(MAKE) --no-print-directory $(DLL64) $(BN)/bench $(BN)/jetbench $(B64)/bench/jetbench.exe
	sh bench/bench-wine.sh $(BENCH_ARGS)

$(BN)/jetbench: $(JETBENCH_SRCS) $(BENCH_HDRS) $(BN)/libesent-core.a
	@mkdir -p $(dir $@)
	$(CC) $(BENCH_CFLAGS) -o $@ $(JETBENCH_SRCS) $(BN)/libesent-core.a -pthread

# -O2 like the DLL; winpthreads (bench_jet.c's sessions per thread) linked
# statically, so that only esent.dll, kernel32 and msvcrt are needed.
$(B64)/bench/jetbench.exe: $(JETBENCH_SRCS) $(BENCH_HDRS)
	@mkdir -p $(dir $@)
	$(CC64) -std=gnu11 -O2 -Wall -Wextra -Iinclude -o $@ $(JETBENCH_SRCS) -lesent -static -lpthread
