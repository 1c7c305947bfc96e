#!/bin/sh
# run.sh -- builds Microsoft's ManagedEsent interop layer and its
# EsentInteropTests with Mono's mcs against our MSTest shim, maps esent.dll
# to the native twin (build/native/libesent.so) and runs every test class in
# its own process. Local harness only: it needs a ManagedEsent checkout and
# Mono (apt-get install mono-devel); `make check` never runs it, and no
# ManagedEsent code is kept in this repository.
#
# usage: tools/managedesent/run.sh MANAGEDESENT_DIR [OUT_DIR] [Class[.Method]...]
#   OUT_DIR defaults to build/managedesent; results go to OUT_DIR/results.txt
#   with a last line "total: N passed, N failed, N inconclusive, N excluded".
#   JOBS=1 (default) runs classes one after another.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
src=${1:?usage: run.sh MANAGEDESENT_DIR [OUT_DIR] [filters...]}
src=$(cd "$src" && pwd)
out=${2:-$top/build/managedesent}
[ $# -ge 2 ] && shift 2 || shift 1
mkdir -p "$out"
out=$(cd "$out" && pwd)
lib=$top/build/native/libesent.so

[ -f "$lib" ] || (cd "$top" && make build/native/libesent.so)
command -v mcs >/dev/null || { echo "run.sh: needs Mono: apt-get install mono-devel" >&2; exit 2; }

MCS="mcs -debug -nowarn:1591,618,612,219,414,169,649,1635 -r:System.dll -r:System.Core.dll"
defs="DEBUG;TRACE"

echo "building in $out (compiler output: $out/build.log)" >&2
build() {
	gcc -shared -fPIC -O2 -o "$out/libwin32shim.so" "$here/win32shim.c" || return 1
	( cd "$src/EsentInterop" &&
	  $MCS -target:library -unsafe -checked+ -define:"$defs" -out:"$out/Esent.Interop.dll" \
	       *.cs Esent/CallbackDataConverter.cs Esent/EsentJetApi.cs Esent/EsentNativeMethods.cs Esent/AssemblyInfo.cs ) || return 1
	( cd "$src/isam" &&
	  $MCS -target:library -unsafe -checked+ -define:"$defs" -r:"$out/Esent.Interop.dll" -out:"$out/Esent.Isam.dll" \
	       $(ls *.cs | grep -vi '^assemblyinfo.cs$') Properties/AssemblyInfo.cs config/*.cs ) || return 1
	( cd "$src/EsentInteropSamples/DbUtil" &&
	  $MCS -target:exe -r:"$out/Esent.Interop.dll" -out:"$out/DbUtil.exe" *.cs Properties/AssemblyInfo.cs ) || return 1
	$MCS -target:library -out:"$out/MSTestShim.dll" "$here/MSTestShim.cs" || return 1
	( cd "$src/EsentInteropTests" &&
	  $MCS -target:library -unsafe \
	       -define:"$defs;MANAGEDESENT_SUPPORTS_ANSI;MANAGEDESENT_EXTERNAL_RELEASE;MANAGEDESENT_RHINO_MOCKS_UNAVAILABLE" \
	       -r:System.Data.dll -r:System.Xml.dll -r:System.Runtime.Serialization.dll \
	       -r:"$out/Esent.Interop.dll" -r:"$out/Esent.Isam.dll" -r:"$out/DbUtil.exe" -r:"$out/MSTestShim.dll" \
	       -out:"$out/InteropApiTests.dll" \
	       $(ls *.cs | grep -v '^Vstestdescriptors.cs$') IsamTests/*.cs Properties/AssemblyInfo.cs ) || return 1
	$MCS -target:exe -r:"$out/MSTestShim.dll" -out:"$out/TestRunner.exe" "$here/TestRunner.cs" || return 1
}
build > "$out/build.log" 2>&1 || { tail -30 "$out/build.log" >&2; exit 1; }
for a in Esent.Interop.dll Esent.Isam.dll DbUtil.exe InteropApiTests.dll TestRunner.exe; do
	cat > "$out/$a.config" <<EOC
<configuration>
  <dllmap dll="esent.dll" target="$lib"/>
  <dllmap dll="esent" target="$lib"/>
  <dllmap dll="kernel32.dll" target="$out/libwin32shim.so"/>
  <dllmap dll="kernel32" target="$out/libwin32shim.so"/>
</configuration>
EOC
done

cd "$out"
rm -f results.txt
classes=$(mono TestRunner.exe --list InteropApiTests.dll)
if [ $# -gt 0 ]; then
	for f in "$@"; do
		c=${f%%.*}
		mkdir -p "work/$c" && (cd "work/$c" && mono --debug ../../TestRunner.exe -x "$here/exclusions.txt" ../../InteropApiTests.dll "$f") | tee -a results.txt
	done
else
	for c in $classes; do
		rm -rf "work/$c"; mkdir -p "work/$c"
		if ! (cd "work/$c" && timeout 1800 mono --debug ../../TestRunner.exe -x "$here/exclusions.txt" ../../InteropApiTests.dll "$c") > "work/$c.log" 2>&1; then
			grep -q '^total:' "work/$c.log" || echo "CRASH $c: $(tail -c 300 "work/$c.log" | tr '\n' ' ')" >> "work/$c.log"
		fi
		grep -E '^(PASS|FAIL|INCONCLUSIVE|EXCLUDED|CRASH) ' "work/$c.log" >> results.txt || true
	done
fi
awk '/^PASS /{p++} /^FAIL /{f++} /^INCONCLUSIVE /{i++} /^EXCLUDED /{x++} /^CRASH /{c++}
     END {printf "total: %d passed, %d failed, %d inconclusive, %d excluded, %d classes crashed\n", p, f, i, x, c}' results.txt | tee -a results.txt
