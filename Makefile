# Makefile - builds esent.dll (x86_64 and i686, with mingw-w64), its native
# twin libesent.so, and runs the tests.  Works as the first command on a
# fresh Debian 12 machine: every target that needs tools first runs
# tools/deps.sh, which installs the Debian packages when run as root and
# otherwise prints the apt-get line to run.
#
#   make            both DLLs and the native library
#   make check      every test: unit (native, plain and ASan/UBSan; the
#                   multi-threaded suites under TSan), export
#                   tables, ABI against mingw's esent.h, conformance under Wine,
#                   interop (the DLL and the native build reading each
#                   other's files) and FUZZ_TIME (60) seconds of the
#                   database-file fuzzer
#   make demo       a Windows program built against mingw's esent.h and
#                   libesent.a, run under Wine with our DLL beside it
#   make install-wine WINEPREFIX=...   put our DLLs into a Wine prefix
#
# ./configure (from configure.ac) may write config.mk to override the tools
# below; without it these defaults are used.

-include config.mk

BUILD ?= build
CC64 ?= x86_64-w64-mingw32-gcc
CC32 ?= i686-w64-mingw32-gcc
OBJDUMP64 ?= x86_64-w64-mingw32-objdump
OBJDUMP32 ?= i686-w64-mingw32-objdump
CC ?= gcc
PYTHON ?= python3

export BUILD PYTHON

GEN := $(BUILD)/gen
WARN := -Wall -Wextra -Wno-unused-parameter -Wshadow -Wstrict-prototypes -Wmissing-prototypes
INCLUDES := -Iinclude $(addprefix -I,$(sort $(wildcard engine/*))) -Idlls/esent -I$(GEN)
CFLAGS_COMMON := -std=gnu11 -O2 -g $(WARN) $(INCLUDES)

# Sources.  engine/os/os_win32.c and os_posix.c are the two OS backends; every
# other .c file under engine/ and dlls/esent/ is portable and goes into both.
PORTABLE_SRCS := $(filter-out engine/os/os_win32.c engine/os/os_posix.c, \
                   $(sort $(wildcard engine/*/*.c) $(wildcard dlls/esent/*.c)))
GEN_SRCS := $(GEN)/stubs.c
WIN_SRCS := $(PORTABLE_SRCS) engine/os/os_win32.c
NATIVE_SRCS := $(PORTABLE_SRCS) engine/os/os_posix.c
HEADERS := $(wildcard include/*.h engine/*/*.h dlls/esent/*.h)

B64 := $(BUILD)/x86_64
B32 := $(BUILD)/i686
BN := $(BUILD)/native
BA := $(BUILD)/native-asan
BT := $(BUILD)/native-tsan

DLL64 := $(B64)/esent.dll
DLL32 := $(B32)/esent.dll
NATIVE_SO := $(BN)/libesent.so

.PHONY: all deps check demo install-wine clean unit unit-asan unit-tsan exports abi conformance interop fuzz
.DEFAULT_GOAL := all

all: deps
	@$(MAKE) --no-print-directory build-all

.PHONY: build-all
build-all: $(DLL64) $(DLL32) $(NATIVE_SO)

deps:
	@sh tools/deps.sh

# ---- generated from esent.spec ---------------------------------------

$(GEN)/.stamp: esent.spec tools/specgen.py include/esent.h tools/errnames.py
	@mkdir -p $(GEN)
	$(PYTHON) tools/specgen.py esent.spec --outdir $(GEN)
	$(PYTHON) tools/errnames.py include/esent.h > $(GEN)/errnames.h
	@touch $@

$(GEN)/stubs.c $(GEN)/esent-x86_64.def $(GEN)/esent-i686.def $(GEN)/native-aliases.ld $(GEN)/exports.h: $(GEN)/.stamp

# ---- the PE DLLs -------------------------------------------------------

# Static libgcc and kernel32/msvcrt only: no libwinpthread or other DLLs, so
# the DLL can be copied anywhere (a Wine prefix, or real Windows).
WIN_CFLAGS := $(CFLAGS_COMMON) -D_WIN32_WINNT=0x0601
WIN_LDFLAGS := -shared -static-libgcc -Wl,--enable-stdcall-fixup -Wl,--no-insert-timestamp

define pe_objs
$(patsubst %.c,$(1)/obj/%.o,$(WIN_SRCS)) $(1)/obj/gen/stubs.o
endef

$(B64)/obj/%.o: %.c $(HEADERS) $(GEN)/.stamp
	@mkdir -p $(dir $@)
	$(CC64) $(WIN_CFLAGS) -c $< -o $@
$(B64)/obj/gen/stubs.o: $(GEN)/stubs.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC64) $(WIN_CFLAGS) -c $< -o $@
$(DLL64): $(call pe_objs,$(B64)) $(GEN)/esent-x86_64.def
	$(CC64) $(WIN_LDFLAGS) -o $@ $(call pe_objs,$(B64)) $(GEN)/esent-x86_64.def \
	    -Wl,--out-implib,$(B64)/libesent.dll.a

$(B32)/obj/%.o: %.c $(HEADERS) $(GEN)/.stamp
	@mkdir -p $(dir $@)
	$(CC32) $(WIN_CFLAGS) -c $< -o $@
$(B32)/obj/gen/stubs.o: $(GEN)/stubs.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC32) $(WIN_CFLAGS) -c $< -o $@
$(DLL32): $(call pe_objs,$(B32)) $(GEN)/esent-i686.def
	$(CC32) $(WIN_LDFLAGS) -o $@ $(call pe_objs,$(B32)) $(GEN)/esent-i686.def \
	    -Wl,--out-implib,$(B32)/libesent.dll.a

# ---- the native twin ----------------------------------------------------

NATIVE_CFLAGS := $(CFLAGS_COMMON) -fPIC
ASAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

$(BN)/obj/%.o: %.c $(HEADERS) $(GEN)/.stamp
	@mkdir -p $(dir $@)
	$(CC) $(NATIVE_CFLAGS) -c $< -o $@
$(BA)/obj/%.o: %.c $(HEADERS) $(GEN)/.stamp
	@mkdir -p $(dir $@)
	$(CC) $(NATIVE_CFLAGS) $(ASAN_FLAGS) -O1 -c $< -o $@
# ThreadSanitizer, for the multi-threaded suites (tools/tsan-run.sh runs them).
TSAN_FLAGS := -fsanitize=thread -fno-omit-frame-pointer
$(BT)/obj/%.o: %.c $(HEADERS) $(GEN)/.stamp
	@mkdir -p $(dir $@)
	$(CC) $(NATIVE_CFLAGS) $(TSAN_FLAGS) -O1 -c $< -o $@

NATIVE_OBJS := $(patsubst %.c,$(BN)/obj/%.o,$(NATIVE_SRCS) $(GEN_SRCS))
ASAN_OBJS := $(patsubst %.c,$(BA)/obj/%.o,$(NATIVE_SRCS) $(GEN_SRCS))
TSAN_OBJS := $(patsubst %.c,$(BT)/obj/%.o,$(NATIVE_SRCS) $(GEN_SRCS))

$(BN)/libesent-core.a: $(NATIVE_OBJS)
	rm -f $@ && ar rcs $@ $^
$(BA)/libesent-core.a: $(ASAN_OBJS)
	rm -f $@ && ar rcs $@ $^
$(BT)/libesent-core.a: $(TSAN_OBJS)
	rm -f $@ && ar rcs $@ $^

# Export exactly the Jet* names (and ese/esent), as the DLL does; the plain
# names of A/W pairs come from native-aliases.ld.
$(NATIVE_SO): $(NATIVE_OBJS) tools/native.map $(GEN)/native-aliases.ld
	$(CC) -shared -o $@ $(NATIVE_OBJS) -Wl,--version-script=tools/native.map \
	    $(GEN)/native-aliases.ld -pthread

# ---- tests -------------------------------------------------------------

CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lm -lrt -pthread)
UNIT_SRCS := $(sort $(wildcard tests/unit/*.c)) tests/fuzz/dbfile_check.c
UNIT_CFLAGS := $(CFLAGS_COMMON) -Itests/unit -Itests/fuzz

# Every "Suite *name_suite(void)" defined in tests/unit/ is run.
$(GEN)/unit-suites.h: $(UNIT_SRCS)
	@mkdir -p $(GEN)
	sed -n 's/^Suite \*\([a-z0-9_]*\)_suite(void).*/SUITE(\1)/p' $(UNIT_SRCS) > $@.tmp && mv $@.tmp $@

$(BN)/unit-tests: $(UNIT_SRCS) tests/unit/unit.h tests/fuzz/dbfile_check.h $(GEN)/unit-suites.h $(BN)/libesent-core.a
	$(CC) $(UNIT_CFLAGS) -o $@ $(UNIT_SRCS) $(BN)/libesent-core.a $(CHECK_LIBS) -pthread
$(BA)/unit-tests: $(UNIT_SRCS) tests/unit/unit.h tests/fuzz/dbfile_check.h $(GEN)/unit-suites.h $(BA)/libesent-core.a
	$(CC) $(UNIT_CFLAGS) $(ASAN_FLAGS) -O1 -o $@ $(UNIT_SRCS) $(BA)/libesent-core.a $(CHECK_LIBS) -pthread
$(BT)/unit-tests: $(UNIT_SRCS) tests/unit/unit.h tests/fuzz/dbfile_check.h $(GEN)/unit-suites.h $(BT)/libesent-core.a
	$(CC) $(UNIT_CFLAGS) $(TSAN_FLAGS) -O1 -o $@ $(UNIT_SRCS) $(BT)/libesent-core.a $(CHECK_LIBS) -pthread

# Conformance tests: one Windows program per architecture holding every
# test, built against our esent.h and our import library.
CONF_SRCS := $(sort $(wildcard tests/conformance/*.c))
CONF_HDRS := $(wildcard tests/conformance/*.h)
CONF_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Wno-unused-parameter -Iinclude -I$(GEN) -Itests/conformance

$(GEN)/conformance-list.h: $(CONF_SRCS)
	@mkdir -p $(GEN)
	sed -n 's/^TEST(\([a-zA-Z0-9_]*\)).*/TEST_ENTRY(\1)/p' $(CONF_SRCS) > $@.tmp && mv $@.tmp $@

$(B64)/conformance.exe: $(CONF_SRCS) $(CONF_HDRS) $(GEN)/conformance-list.h $(GEN)/exports.h include/esent.h $(DLL64)
	$(CC64) $(CONF_CFLAGS) -o $@ $(CONF_SRCS) $(B64)/libesent.dll.a
$(B32)/conformance.exe: $(CONF_SRCS) $(CONF_HDRS) $(GEN)/conformance-list.h $(GEN)/exports.h include/esent.h $(DLL32)
	$(CC32) $(CONF_CFLAGS) -o $@ $(CONF_SRCS) $(B32)/libesent.dll.a

# The interop suite (tools/interop-run.sh): one program built against the
# DLL and against the native library, each side reading the other's files.
INTEROP_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Wno-unused-parameter -Iinclude
$(B64)/interop.exe: tests/interop/interop.c include/esent.h $(DLL64)
	$(CC64) $(INTEROP_CFLAGS) -o $@ tests/interop/interop.c $(B64)/libesent.dll.a
$(B32)/interop.exe: tests/interop/interop.c include/esent.h $(DLL32)
	$(CC32) $(INTEROP_CFLAGS) -o $@ tests/interop/interop.c $(B32)/libesent.dll.a
$(BN)/interop: tests/interop/interop.c include/esent.h $(BN)/libesent-core.a
	$(CC) $(INTEROP_CFLAGS) -o $@ tests/interop/interop.c $(BN)/libesent-core.a -pthread
INTEROP_BINS := $(B64)/interop.exe $(B32)/interop.exe $(BN)/interop

check: deps
	@$(MAKE) --no-print-directory build-all $(BN)/unit-tests $(BA)/unit-tests $(BT)/unit-tests \
	    $(B64)/conformance.exe $(B32)/conformance.exe $(INTEROP_BINS) $(FUZZ_BIN) $(BF)/seeds/.stamp
	@sh tools/run-tests.sh

# Single suites, for working on one layer.
unit: deps
	@$(MAKE) --no-print-directory $(BN)/unit-tests && $(BN)/unit-tests
unit-asan: deps
	@$(MAKE) --no-print-directory $(BA)/unit-tests && $(BA)/unit-tests
unit-tsan: deps
	@$(MAKE) --no-print-directory $(BT)/unit-tests && SUITES=unit-tsan sh tools/run-tests.sh
exports: deps
	@$(MAKE) --no-print-directory build-all && SUITES=exports sh tools/run-tests.sh
abi: deps
	@SUITES=abi sh tools/run-tests.sh
conformance: deps
	@$(MAKE) --no-print-directory $(B64)/conformance.exe $(B32)/conformance.exe && \
	    SUITES=conformance sh tools/run-tests.sh
interop: deps
	@$(MAKE) --no-print-directory $(INTEROP_BINS) && SUITES=interop sh tools/run-tests.sh

# Coverage-guided fuzzing of the database file reader (tests/fuzz/): the
# engine built by clang with libFuzzer's coverage hooks and ASan/UBSan, a
# seed corpus made through the Jet API, FUZZ_TIME seconds of fuzzing.
# Inputs that crash land in $(BF)/artifacts/; the corpus grows in
# $(BF)/corpus between runs.
FUZZ_CC ?= clang
FUZZ_TIME ?= 60
BF := $(BUILD)/fuzz
FUZZ_BIN := $(BF)/fuzz_dbfile
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_OBJS := $(patsubst %.c,$(BF)/obj/%.o,$(NATIVE_SRCS) $(GEN_SRCS) tests/fuzz/dbfile_check.c)
export FUZZ_TIME

$(BF)/obj/%.o: %.c $(HEADERS) tests/fuzz/dbfile_check.h $(GEN)/.stamp
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CFLAGS_COMMON) -Itests/fuzz -O1 $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c $< -o $@
$(FUZZ_BIN): $(FUZZ_OBJS) tests/fuzz/fuzz_dbfile.c
	$(FUZZ_CC) $(CFLAGS_COMMON) -Itests/fuzz -O1 $(FUZZ_SAN) -fsanitize=fuzzer -o $@ \
	    tests/fuzz/fuzz_dbfile.c $(FUZZ_OBJS) -pthread
$(BF)/fuzz_seed: tests/fuzz/fuzz_seed.c tests/fuzz/dbfile_check.c tests/fuzz/dbfile_check.h $(BN)/libesent-core.a
	@mkdir -p $(BF)
	$(CC) $(CFLAGS_COMMON) -Itests/fuzz -o $@ tests/fuzz/fuzz_seed.c tests/fuzz/dbfile_check.c \
	    $(BN)/libesent-core.a -pthread
$(BF)/seeds/.stamp: $(BF)/fuzz_seed
	rm -rf $(BF)/seeds $(BF)/seed-scratch && mkdir -p $(BF)/seeds $(BF)/seed-scratch
	$(BF)/fuzz_seed $(BF)/seed-scratch $(BF)/seeds
	@touch $@

fuzz: deps
	@$(MAKE) --no-print-directory $(FUZZ_BIN) $(BF)/seeds/.stamp && SUITES=fuzz sh tools/run-tests.sh

# ---- the demo ------------------------------------------------------------

# Built exactly as an unmodified program would be: mingw's own esent.h and
# libesent.a, no include path of ours.
$(B64)/demo/addressbook.exe: demo/addressbook.c
	@mkdir -p $(dir $@)
	$(CC64) -std=gnu11 -O1 -Wall -o $@ demo/addressbook.c -lesent

demo: deps
	@$(MAKE) --no-print-directory $(DLL64) $(B64)/demo/addressbook.exe
	@cp $(DLL64) $(B64)/demo/
	@sh tools/wine-run.sh x86_64 $(B64)/demo addressbook.exe

# ---- installing into a Wine prefix ----------------------------------------

install-wine: all
	@test -n "$(WINEPREFIX)" || { echo "usage: make install-wine WINEPREFIX=/path/to/prefix"; exit 1; }
	@test -d "$(WINEPREFIX)/drive_c/windows" || { echo "$(WINEPREFIX) is not a Wine prefix (run wineboot first)"; exit 1; }
	@if [ -d "$(WINEPREFIX)/drive_c/windows/syswow64" ]; then \
	    cp $(DLL64) "$(WINEPREFIX)/drive_c/windows/system32/esent.dll" && \
	    cp $(DLL32) "$(WINEPREFIX)/drive_c/windows/syswow64/esent.dll" && \
	    echo "installed: 64-bit esent.dll in system32, 32-bit in syswow64"; \
	else \
	    cp $(DLL32) "$(WINEPREFIX)/drive_c/windows/system32/esent.dll" && \
	    echo "installed: 32-bit esent.dll in system32 (32-bit prefix)"; \
	fi

clean:
	rm -rf $(BUILD)

# make bench: our engine beside SQLite, LMDB and Berkeley DB (bench/README.md).
include bench/bench.mk
