#!/bin/sh
# deps.sh - make sure the Debian packages the build and tests need are here.
#
# Run by every make target that needs tools.  When everything is installed
# it prints nothing and costs a dpkg-query.  Otherwise, as root it installs
# the missing packages with apt-get; as another user it prints the exact
# apt-get line to run and fails.
#
# 32-bit Wine (wine32:i386) is optional: the i686 DLL is always built and
# checked, but its conformance run needs wine32, which on Debian 12 needs
# the i386 architecture and which some mirrors cannot resolve.  As root we
# try once per build tree; tools/run-tests.sh prints a SKIP line when it is
# missing.
set -u

PKGS="make gcc python3 pkg-config check mingw-w64 binutils-mingw-w64 wine wine64 clang libclang-rt-14-dev \
autoconf automake libsqlite3-dev liblmdb-dev libdb-dev"

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

is_root() { [ "$(id -u)" = 0 ]; }

if [ -n "$missing" ]; then
    if is_root; then
        echo "deps: installing:$missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q >/dev/null 2>&1 || apt-get update
        # shellcheck disable=SC2086
        apt-get install -y -q --no-install-recommends $missing || exit 1
    else
        echo "deps: missing Debian packages:$missing"
        echo "deps: install them with:"
        echo "    sudo apt-get install$missing"
        echo "deps: (optional, for the 32-bit conformance run:"
        echo "    sudo dpkg --add-architecture i386 && sudo apt-get update && sudo apt-get install wine32:i386)"
        exit 1
    fi
fi

# Optional 32-bit Wine: one attempt per build tree, as root only.
build=${BUILD:-build}
stamp="$build/.wine32-attempted"
if ! dpkg-query -W -f='${Status}' wine32:i386 2>/dev/null | grep -q "install ok installed" \
   && is_root && [ ! -e "$stamp" ]; then
    mkdir -p "$build"
    : > "$stamp"
    echo "deps: trying to install wine32:i386 for the 32-bit conformance run"
    export DEBIAN_FRONTEND=noninteractive
    if ! dpkg --print-foreign-architectures | grep -qx i386; then
        dpkg --add-architecture i386
    fi
    apt-get update -q >/dev/null 2>&1
    if apt-get install -y -q wine32:i386 >"$build/wine32-install.log" 2>&1; then
        echo "deps: wine32:i386 installed"
    else
        echo "deps: wine32:i386 could not be installed here (see $build/wine32-install.log);"
        echo "deps: the i686 conformance run will be skipped"
    fi
fi
exit 0
