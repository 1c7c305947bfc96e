#!/bin/sh
# Run the ABI check of include/esent.h for every target whose compiler is installed:
#   x86_64 and i686 mingw-w64 (against mingw-w64's esent.h and libesent.a) and the native
#   compiler (portability rules, Win64 layout of the native build).
# Usage: tests/abi/run.sh [output directory, default build/abi]
# Prints each run's report and, last, one line "abi: N passed, N failed" for all runs.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/build/abi}
passed=0
failed=0
for cc in x86_64-w64-mingw32-gcc i686-w64-mingw32-gcc "${CC:-gcc}"; do
    if ! command -v "$cc" >/dev/null 2>&1; then
        echo "abi: $cc not installed, skipped"
        continue
    fi
    case "$cc" in
        x86_64-w64-mingw32-*) dir=x86_64 ;;
        i686-w64-mingw32-*) dir=i686 ;;
        *) dir=native ;;
    esac
    log="$out/$dir.log"
    mkdir -p "$out/$dir"
    python3 "$root/tools/abicheck.py" --cc "$cc" --ours "$root/include/esent.h" \
        --out "$out/$dir" >"$log" 2>&1
    grep -v '^ok ' "$log" | sed '$d'
    last=$(tail -n 1 "$log")
    echo "$dir: ${last#abi: }"
    p=$(echo "$last" | sed -n 's/^abi: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
    f=$(echo "$last" | sed -n 's/^abi: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
    if [ -z "$p" ]; then p=0; f=$((f + 1)); fi
    passed=$((passed + p))
    failed=$((failed + ${f:-1}))
done
echo "abi: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
