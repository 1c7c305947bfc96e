# bench/bench.mk - `make bench`: our engine against SQLite, LMDB and
# Berkeley DB (native only).  Included by the top-level Makefile, after its
# own rules (it uses BUILD, BN and GEN from there).  See bench/README.md.
#
#   make bench                          the defaults (N = 1000000, T = 3 s)
#   make bench BENCH_ARGS=-q            quick (N = 100000, T = 1 s)
#   make bench BENCH_ARGS="-e ours,lmdb -n 200000"

BENCH_SRCS := $(sort $(wildcard bench/*.c))
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
