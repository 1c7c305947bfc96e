#!/usr/bin/env python3
"""exportcheck: compare a built esent.dll / libesent.so with what programs
import.

For a PE DLL it reads the export table with objdump -p and checks that
  - every name mingw-w64's libesent.a imports for that arch is exported,
  - on i686 every Jet name of libesent.a is also exported as Name@N with the
    N of libesent.a's stdcall symbol, and
  - the export table is exactly the one esent.spec describes.
For the native twin it checks the dynamic symbol table (nm -D) holds every
spec name and nothing else.  Prints one line per problem and then
"exports-ARCH: N passed, N failed"; exits 1 on any failure.
"""
import argparse
import re
import subprocess
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import specgen  # noqa: E402


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def pe_exports(objdump, dll):
    names, on = set(), False
    for line in run([objdump, "-p", dll]).splitlines():
        if "[Ordinal/Name Pointer] Table" in line:
            on = True
            continue
        if on:
            m = re.match(r"\s*\[\s*\d+\]\s+(\S+)", line)
            if m:
                names.add(m.group(1))
            elif line.strip() == "" and names:
                break
    return names


def implib_symbols(nm, lib):
    """name -> stdcall bytes (None on x86_64) for each function of the lib."""
    out = {}
    for line in run([nm, lib]).splitlines():
        parts = line.split()
        if len(parts) != 3 or parts[1] != "T":
            continue
        sym = parts[2]
        m = re.match(r"^_?([A-Za-z]\w*?)(?:@(\d+))?$", sym)
        if m:  # skips the odd "@N@N" duplicates of the i686 lib
            out[m.group(1)] = int(m.group(2)) if m.group(2) else None
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--arch", required=True, choices=["x86_64", "i686", "native"])
    ap.add_argument("--spec", default="esent.spec")
    ap.add_argument("--lib", required=True, help="esent.dll or libesent.so")
    ap.add_argument("--objdump")
    ap.add_argument("--nm", default="nm")
    ap.add_argument("--implib", help="mingw-w64's libesent.a for this arch")
    o = ap.parse_args()

    entries, _ = specgen.parse(o.spec)
    passed = failed = 0

    def check(cond, msg):
        nonlocal passed, failed
        if cond:
            passed += 1
        else:
            failed += 1
            print("exports-%s: %s" % (o.arch, msg))

    if o.arch == "native":
        got = set()
        for line in run([o.nm, "-D", "--defined-only", o.lib]).splitlines():
            parts = line.split()
            if len(parts) == 3:
                got.add(parts[2])
        want = {e.name for e in entries}
    else:
        got = pe_exports(o.objdump, o.lib)
        want = set()
        for e in entries:
            want.add(e.name)
            if o.arch == "i686":
                want.add("%s@%d" % (e.name, e.argbytes))
        imported = implib_symbols(o.nm, o.implib)
        check(len(imported) >= 311, "only %d names found in %s" % (len(imported), o.implib))
        for name, size in sorted(imported.items()):
            check(name in got, "%s is imported by libesent.a but not exported" % name)
            if o.arch == "i686" and name.startswith("Jet"):
                check("%s@%d" % (name, size) in got,
                      "%s@%d (libesent.a's stdcall size) is not exported" % (name, size))
        spec_names = {e.name for e in entries if not e.private}
        for name in sorted(set(imported) - spec_names):
            check(False, "%s is in libesent.a but not in esent.spec (or marked -private)" % name)
    for name in sorted(want):
        check(name in got, "%s is in esent.spec but not exported" % name)
    for name in sorted(got - want):
        check(False, "%s is exported but not in esent.spec" % name)
    print("exports-%s: %d passed, %d failed" % (o.arch, passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
