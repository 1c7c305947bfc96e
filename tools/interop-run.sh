#!/bin/sh
# interop-run.sh ARCH - the interop suite: the DLL (under Wine) and the
# native twin read each other's files.
#
# tests/interop/interop.c is built twice: $BUILD/ARCH/interop.exe against
# the DLL and $BUILD/native/interop against the native library.  In fresh
# folders under $BUILD/interop-ARCH/ each side writes a database (every
# column type, long values, multi-values, secondary indexes, a Unicode
# index, autoincrement, escrow, template and derived tables), the other side
# checks the Unicode-sort rules of JetAttachDatabase on it (the Unicode
# index was made by the other sort), then both dump every row and index:
# the dumps must be equal.  Then each side is killed after durable commits
# that no checkpoint wrote, and the other side recovers its logs
# (JET_paramAlternateDatabaseRecoveryPath) and finds every commit.
# Prints one line per step and "interop-ARCH: N passed, N failed"; exits 77
# when Wine for ARCH is absent.
set -u
arch=$1
build=${BUILD:-build}
top=$(pwd)
case $build in
/*) native=$build/native/interop ;;
*) native=$top/$build/native/interop ;;
esac
exe=$build/$arch/interop.exe
work=$build/interop-$arch
rows=240 crash=5 bonus=5000 # crash: rows added; bonus: 1000 per escrow update
pass=0 fail=0

if [ "$arch" = i686 ]; then
    [ -x /usr/lib/wine/wine ] || { echo "32-bit Wine (wine32:i386) is not installed"; exit 77; }
else
    [ -x /usr/lib/wine/wine64 ] || command -v wine64 >/dev/null 2>&1 || { echo "Wine is not installed"; exit 77; }
fi
for f in "$native" "$exe" "$build/$arch/esent.dll"; do
    [ -f "$f" ] || { echo "interop-$arch: missing $f (make it first)"; echo "interop-$arch: 0 passed, 1 failed"; exit 1; }
done

step() { # step NAME COMMAND...: one check
    name=$1
    shift
    if "$@" >"$work/last.log" 2>&1; then
        pass=$((pass + 1))
        echo "PASS: $name"
    else
        fail=$((fail + 1))
        echo "FAIL: $name"
        sed 's/^/    /' "$work/last.log" | head -n 20
    fi
}
fresh() { rm -rf "${work:?}/$1" && mkdir -p "$work/$1" && cp "$exe" "$build/$arch/esent.dll" "$work/$1/"; }
win() { # win DIR ARGS...: the Windows side in DIR; its output (without CRs) also in $work/DIR/out
    d=$1
    shift
    sh tools/wine-run.sh "$arch" "$work/$d" interop.exe "$@" >"$work/$d/win.raw" 2>"$work/$d/win.err"
    r=$?
    tr -d '\r' <"$work/$d/win.raw" >"$work/$d/out"
    cat "$work/$d/out"
    return $r
}
nat() { # nat DIR ARGS...: the native side in DIR
    d=$1
    shift
    (cd "$work/$d" && "$native" "$@") >"$work/$d/out"
    r=$?
    cat "$work/$d/out"
    return $r
}
killed() { # killed DIR COMMAND...: the command (run in DIR) must end killed: not 0, not 1
    kd=$1
    shift
    "$@"
    r=$?
    [ $r != 0 ] && [ $r != 1 ] && grep -q '^killing' "$work/$kd/out"
}
dump() { # dump SIDE DIR FILE: SIDE (win or nat) dumps DIR's files into FILE
    $1 "$2" dump $rows 0 >/dev/null
    r=$?
    cp "$work/$2/out" "$work/$2/$3"
    return $r
}
mkdir -p "$work"

# The DLL writes, the native build reads.
fresh w2n
step "dll writes interop.edb and primary.edb" win w2n write
step "dll reads its own files" dump win w2n dll.dump
step "native: the dll's Unicode indexes are out of date (attach, JetOpenTable, delete and remake)" nat w2n checks
step "native reads the dll's files" dump nat w2n native.dump
step "native and dll dumps of the dll's file are equal" cmp "$work/w2n/dll.dump" "$work/w2n/native.dump"

# The native build writes, the DLL reads.
fresh n2w
step "native writes interop.edb and primary.edb" nat n2w write
step "native reads its own files" dump nat n2w native.dump
step "dll: the native Unicode indexes are out of date (attach, JetOpenTable, delete and remake)" win n2w checks
step "dll reads the native files" dump win n2w dll.dump
step "native and dll dumps of the native file are equal" cmp "$work/n2w/native.dump" "$work/n2w/dll.dump"

# The DLL's process is killed (TerminateProcess) after durable commits; the
# native build recovers its logs.
fresh wcrash
step "dll writes" win wcrash write
step "dll killed after $((2 * crash)) durable commits" killed wcrash win wcrash crash $crash
step "native recovers the dll's logs" nat wcrash recover
step "native finds every committed row and escrow update" nat wcrash dump $((rows + crash)) $bonus

# And the reverse.
fresh ncrash
step "native writes" nat ncrash write
step "native killed after $((2 * crash)) durable commits" killed ncrash nat ncrash crash $crash
step "dll recovers the native logs" win ncrash recover
step "dll finds every committed row and escrow update" win ncrash dump $((rows + crash)) $bonus

echo "interop-$arch: $pass passed, $fail failed"
[ "$fail" = 0 ]
