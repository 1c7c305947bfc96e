#!/bin/sh
# run-tests.sh - run every test suite of `make check` and sum them up.
#
# Expects the build to be done (make check does it first).  Each suite
# writes its log to $BUILD/test-logs/SUITE.log and ends with a line
# "SUITE: N passed, N failed"; this script collects those lines and ends with
#     total: N passed, N failed, N skipped
# A suite that ends without its summary line (a crash, a Wine that did not
# start) counts as one failure.  SUITES="unit abi ..." limits the run.
set -u
BUILD=${BUILD:-build}
PYTHON=${PYTHON:-python3}
SUITES=${SUITES:-"unit unit-asan unit-tsan fuzz exports abi conformance interop trace"}
LOGS=$BUILD/test-logs
mkdir -p "$LOGS"
export BUILD

total_pass=0 total_fail=0 total_skip=0
results=""

# record NAME LOGFILE: add the "... N passed, N failed" line of LOGFILE.
record() {
    line=$(grep -E '^[A-Za-z0-9_-]+: [0-9]+ passed, [0-9]+ failed' "$2" | tail -n 1)
    if [ -z "$line" ]; then
        echo "$1: no summary line (crashed?); last lines of $2:"
        tail -n 15 "$2" | sed 's/^/    /'
        total_fail=$((total_fail + 1))
        results="$results
$1: 0 passed, 1 failed (no summary)"
        return
    fi
    p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
    f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
    results="$results
$1: $p passed, $f failed"
    if [ "$f" != 0 ]; then
        echo "$1: FAILED; failures from $2:"
        grep -E 'fail|error|crash' "$2" | grep -v ' 0 failed' | head -n 40 | sed 's/^/    /'
    fi
}

skip() {
    total_skip=$((total_skip + 1))
    results="$results
$1: SKIP ($2)"
    echo "$1: SKIP: $2"
}

# run_suite NAME COMMAND...: run, log, record.
run_suite() {
    name=$1
    shift
    echo "== $name"
    "$@" >"$LOGS/$name.log" 2>&1
    record "$name" "$LOGS/$name.log"
}

# The suites that run threads, for unit-tsan.
TSAN_SUITES=${TSAN_SUITES:-"store_version jet_stress"}

have_wine32() { [ -x /usr/lib/wine/wine ]; }

# A fresh Wine prefix for every run keeps the runs hermetic.
fresh_prefix() {
    if [ -z "${fresh_done:-}" ]; then
        wineserver -k 2>/dev/null
        rm -rf "$BUILD/wineprefix"
        fresh_done=1
    fi
}

# trace_suite ARCH: WINEDEBUG behaves as Wine users expect.
trace_suite() {
    arch=$1 log=$LOGS/trace-$arch.log
    t=$BUILD/test-logs/trace-$arch
    tp=0 tf=0
    : >"$log"
    tcheck() {
        if eval "$2"; then tp=$((tp + 1)); else tf=$((tf + 1)); echo "trace-$arch: FAIL: $1" >>"$log"; fi
    }
    test_name=exports_unimplemented_return_feature_not_available
    WINEDEBUG=+esent sh tools/wine-run.sh "$arch" "$BUILD/$arch" conformance.exe $test_name >"$t.on.out" 2>"$t.on.err"
    WINEDEBUG= sh tools/wine-run.sh "$arch" "$BUILD/$arch" conformance.exe $test_name >"$t.def.out" 2>"$t.def.err"
    WINEDEBUG=-all sh tools/wine-run.sh "$arch" "$BUILD/$arch" conformance.exe $test_name >"$t.off.out" 2>"$t.off.err"
    tcheck "+esent traces calls with arguments" "grep -q '^[0-9a-f]*:trace:esent:JetBackupA (' '$t.on.err'"
    tcheck "+esent traces results" "grep -q '^[0-9a-f]*:trace:esent:JetBackupA -> -1001' '$t.on.err'"
    tcheck "FIXME reported once per function" "[ \$(grep -c ':fixme:esent:JetBackupA ' '$t.on.err') = 1 ]"
    tcheck "default: fixme on" "grep -q ':fixme:esent:JetBackupA ' '$t.def.err'"
    tcheck "default: trace off" "! grep -q ':trace:esent:' '$t.def.err'"
    tcheck "-all: silent" "! grep -q ':esent:' '$t.off.err'"
    tcheck "tests still pass with tracing" "grep -q ' 0 failed' '$t.on.out'"
    echo "trace-$arch: $tp passed, $tf failed" >>"$log"
    record "trace-$arch" "$log"
}

for s in $SUITES; do
    case $s in
    unit) run_suite unit "$BUILD/native/unit-tests" ;;
    unit-asan) run_suite unit-asan "$BUILD/native-asan/unit-tests" ;;
    unit-tsan)
        # The multi-threaded suites under ThreadSanitizer (exit 77: it
        # cannot run on this machine, tools/tsan-run.sh says why).
        echo "== unit-tsan"
        sh tools/tsan-run.sh "$BUILD/native-tsan/unit-tests" $TSAN_SUITES >"$LOGS/unit-tsan.log" 2>&1
        if [ $? = 77 ]; then
            skip unit-tsan "$(tail -n 1 "$LOGS/unit-tsan.log")"
        else
            record unit-tsan "$LOGS/unit-tsan.log"
        fi
        ;;
    fuzz) run_suite fuzz sh tools/fuzz-run.sh ;;
    exports)
        run_suite exports-x86_64 "$PYTHON" tools/exportcheck.py --arch x86_64 \
            --lib "$BUILD/x86_64/esent.dll" --objdump x86_64-w64-mingw32-objdump \
            --nm x86_64-w64-mingw32-nm --implib /usr/x86_64-w64-mingw32/lib/libesent.a
        run_suite exports-i686 "$PYTHON" tools/exportcheck.py --arch i686 \
            --lib "$BUILD/i686/esent.dll" --objdump i686-w64-mingw32-objdump \
            --nm i686-w64-mingw32-nm --implib /usr/i686-w64-mingw32/lib/libesent.a
        run_suite exports-native "$PYTHON" tools/exportcheck.py --arch native \
            --lib "$BUILD/native/libesent.so"
        ;;
    abi)
        for arch in x86_64 i686; do
            run_suite "abi-$arch" "$PYTHON" tools/abicheck.py --cc "$arch-w64-mingw32-gcc" \
                --ours include/esent.h --out "$BUILD/abi/$arch"
        done
        # Natively: the portability rules (32-bit long, 16-bit WCHAR, Win64 layout).
        run_suite abi-native "$PYTHON" tools/abicheck.py --cc "${CC:-gcc}" \
            --ours include/esent.h --out "$BUILD/abi/native"
        ;;
    conformance)
        fresh_prefix
        run_suite conformance-x86_64 sh tools/wine-run.sh x86_64 "$BUILD/x86_64" conformance.exe
        if have_wine32; then
            run_suite conformance-i686 sh tools/wine-run.sh i686 "$BUILD/i686" conformance.exe
        else
            skip conformance-i686 "32-bit Wine (wine32:i386) is not installed; the i686 DLL was built and its exports checked"
        fi
        ;;
    interop)
        # The DLL under Wine and the native build read each other's files
        # (exit 77: no Wine for that architecture).
        fresh_prefix
        for arch in x86_64 i686; do
            echo "== interop-$arch"
            sh tools/interop-run.sh "$arch" >"$LOGS/interop-$arch.log" 2>&1
            if [ $? = 77 ]; then
                skip "interop-$arch" "$(tail -n 1 "$LOGS/interop-$arch.log")"
            else
                record "interop-$arch" "$LOGS/interop-$arch.log"
            fi
        done
        ;;
    trace)
        fresh_prefix
        trace_suite x86_64
        if have_wine32; then trace_suite i686; else skip trace-i686 "no 32-bit Wine"; fi
        ;;
    *) echo "unknown suite $s"; exit 2 ;;
    esac
done

echo "== summary$results"
echo "total: $total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" = 0 ]
