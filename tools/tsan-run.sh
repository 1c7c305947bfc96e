#!/bin/sh
# tsan-run.sh - run the ThreadSanitizer build of the unit tests
# (build/native-tsan/unit-tests, `make unit-tsan`) on the given suites.
#
#   sh tools/tsan-run.sh build/native-tsan/unit-tests store_version jet_stress
#
# A race report ends the test that made it (halt_on_error), so Check counts
# it as a failure ("Early exit with return value 66") and the report is in
# the output above it.  TSAN_OPTIONS from the environment are kept and come
# after ours.
#
# gcc 12's libtsan (Debian 12) aborts at start with "unexpected memory
# mapping" on kernels that randomize mmap with more than 28 bits
# (vm.mmap_rnd_bits = 32 on some newer kernels and CI hosts).  Then the run
# is repeated with address randomization turned off for the process
# (setarch -R, util-linux).  When that is not allowed either (a container
# whose seccomp profile refuses personality()), the script says why and
# exits with 77, which run-tests.sh reports as a SKIP.
set -u
bin=$1
shift
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
out=${TMPDIR:-/tmp}/tsan-run.$$
trap 'rm -f "$out"' EXIT

"$bin" "$@" >"$out" 2>&1
rc=$?
if grep -q 'unexpected memory mapping' "$out"; then
    echo "tsan-run: libtsan cannot map its shadow memory with ASLR on" \
        "(vm.mmap_rnd_bits=$(cat /proc/sys/vm/mmap_rnd_bits 2>/dev/null)); retrying with setarch -R"
    setarch "$(uname -m)" -R "$bin" "$@" >"$out" 2>&1
    rc=$?
    if grep -q 'unexpected memory mapping' "$out" || grep -q '^setarch:' "$out"; then
        cat "$out"
        echo "tsan-run: cannot run ThreadSanitizer here; on the host: sysctl vm.mmap_rnd_bits=28"
        exit 77
    fi
fi
cat "$out"
exit $rc
