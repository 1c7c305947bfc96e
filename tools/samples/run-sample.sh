#!/bin/sh
# run-sample.sh [-a ARCH] [-o] SAMPLE.c [ARGS...] - build a Windows ESE sample
# unmodified and run it under Wine against our esent.dll.
#
# The sample is built as an unmodified program is: with mingw-w64's own
# esent.h and libesent.a, plus tools/samples/esent-gap.h force-included
# (constants only, the ones mingw's header lacks).  -o builds it against our
# include/esent.h instead.  It runs in a fresh directory
# $BUILD/samples/NAME-ARCH[-ours]/ with our DLL beside it (tools/wine-run.sh),
# twice: the second run finds the database of the first.  Not part of
# make check: samples are not ours to commit (fetch them, e.g. Microsoft's
# test/ese/src/samples/BookStoreSample/BookStoreSample.c).
set -u
arch=x86_64 ours=
while [ $# -gt 0 ]; do
    case $1 in
    -a) arch=$2; shift 2 ;;
    -o) ours=1; shift ;;
    *) break ;;
    esac
done
[ $# -ge 1 ] || { echo "usage: $0 [-a x86_64|i686] [-o] SAMPLE.c [ARGS...]" >&2; exit 2; }
src=$1
shift
build=${BUILD:-build}
name=$(basename "$src" .c)
dir=$build/samples/$name-$arch${ours:+-ours}
rm -rf "$dir"
mkdir -p "$dir"
if [ -n "$ours" ]; then
    flags="-Iinclude"
else
    flags="-include tools/samples/esent-gap.h"
fi
# shellcheck disable=SC2086
"$arch-w64-mingw32-gcc" -O1 -w $flags -o "$dir/$name.exe" "$src" -lesent || exit 1
cp "$build/$arch/esent.dll" "$dir/" || exit 1
for run in 1 2; do
    echo "== $name ($arch${ours:+, our esent.h}), run $run"
    sh tools/wine-run.sh "$arch" "$dir" "$name.exe" "$@" || exit $?
done
