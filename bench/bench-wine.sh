#!/bin/sh
# bench-wine.sh [BENCH_ARGS...] - `make bench-wine`: the Jet workloads
# natively and as a Windows program under Wine, beside SQLite, in one run.
#
#   1. build/native/bench -L -e sqlite,jet ARGS: SQLite and the native Jet
#      path (the loads, the lookups and the scan; no durable runs).
#   2. build/x86_64/bench/jetbench.exe ARGS under Wine (tools/wine-run.sh),
#      with our esent.dll copied beside it: the same workloads through the
#      same bench_jet.c code, through the DLL.
#   3. A table and one machine-readable line per workload:
#        BENCH <workload>_wine jet_wine=... jet=... sqlite=... wine_ratio_jet=... wine_ratio_sqlite=...
#      wine_ratio_jet = jet_wine / jet (1 = the DLL under Wine as fast as
#      the native Jet path; the target is at least 1/1.15 = 0.87);
#      cpu_ratio_jet the same per CPU second of each process (both
#      programs print their CPU time per workload), which the other load
#      on a shared machine disturbs much less than the wall time.
#
# ARGS: -n N, -q, -c MIB, -p BYTES, -s SEED (others are passed on too).
# Run from the top of the tree; BUILD as in the Makefile.
set -u
build=${BUILD:-build}
native_out=$build/bench-wine-native.txt
wine_out=$build/bench-wine-dll.txt
wdir=$build/x86_64/bench

rm -rf "$build/bench-tmp" "$wdir/jetbench-tmp"
"$build/native/bench" -d "$build/bench-tmp" "$@" -L -e sqlite,jet | tee "$native_out" || exit 1
echo
cp "$build/x86_64/esent.dll" "$wdir/" || exit 1
sh tools/wine-run.sh x86_64 "$wdir" jetbench.exe -d jetbench-tmp "$@" | tr -d '\r' | tee "$wine_out"
rc=$?
rm -rf "$wdir/jetbench-tmp"
[ "$rc" = 0 ] || exit 1

awk '
    /^  [a-z_]+ +(ordered_insert|random_insert|random_lookup|full_scan) / { cur = $2 }
    /^  [a-z_]+ +cpu .* \/cpu-s$/ { c[cur, $1] = $6 }
    /^BENCH / {
        for (i = 3; i <= NF; i++) {
            split($i, kv, "=")
            v[$2, kv[1]] = kv[2]
        }
    }
    END {
        n = split("ordered_insert random_insert random_lookup full_scan", w, " ")
        printf "\n%-20s %12s %12s %12s %14s %14s\n", "workload", "jet_wine", "jet", "sqlite", "jet_wine/jet", "jet_wine/sqlite"
        for (k = 1; k <= n; k++) {
            jw = v[w[k], "jet_wine"]; j = v[w[k], "jet"]; s = v[w[k], "sqlite"]
            printf "%-20s %12s %12s %12s %14s %14s\n", w[k], jw, j, s,
                   (jw > 0 && j > 0) ? sprintf("%.2f", jw / j) : "-",
                   (jw > 0 && s > 0) ? sprintf("%.2f", jw / s) : "-"
        }
        printf "\nPer CPU second (the process, every thread; less shaken by the other load on the machine):\n"
        printf "%-20s %12s %12s %12s %14s %14s\n", "workload", "jet_wine", "jet", "sqlite", "jet_wine/jet", "jet_wine/sqlite"
        for (k = 1; k <= n; k++) {
            jw = c[w[k], "jet_wine"]; j = c[w[k], "jet"]; s = c[w[k], "sqlite"]
            printf "%-20s %12s %12s %12s %14s %14s\n", w[k], jw, j, s,
                   (jw > 0 && j > 0) ? sprintf("%.2f", jw / j) : "-",
                   (jw > 0 && s > 0) ? sprintf("%.2f", jw / s) : "-"
        }
        printf "\n"
        for (k = 1; k <= n; k++) {
            jw = v[w[k], "jet_wine"]; j = v[w[k], "jet"]; s = v[w[k], "sqlite"]
            if (!(jw > 0)) continue
            line = "BENCH " w[k] "_wine jet_wine=" jw
            if (j > 0) line = line " jet=" j
            if (s > 0) line = line " sqlite=" s
            if (j > 0) line = line sprintf(" wine_ratio_jet=%.2f", jw / j)
            if (s > 0) line = line sprintf(" wine_ratio_sqlite=%.2f", jw / s)
            if (c[w[k], "jet_wine"] > 0 && c[w[k], "jet"] > 0)
                line = line sprintf(" cpu_ratio_jet=%.2f", c[w[k], "jet_wine"] / c[w[k], "jet"])
            print line
        }
    }' "$native_out" "$wine_out"
