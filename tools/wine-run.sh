#!/bin/sh
# wine-run.sh ARCH DIR EXE [ARGS...] - run a Windows program under Wine.
#
# The program runs in DIR (where our esent.dll lies beside it) inside the
# project's own throw-away prefix $BUILD/wineprefix, created on first use,
# so a run never touches ~/.wine.  esent is forced to "native" so Wine's
# built-in stub DLL is never picked; Mono/Gecko installers are disabled.
# ARCH is x86_64 or i686; i686 needs 32-bit Wine (wine32:i386).
# Exits with the program's exit code.
set -u
arch=$1 dir=$2 exe=$3
shift 3
build=${BUILD:-build}
top=$(pwd)
export WINEPREFIX="${WINEPREFIX_TEST:-$top/$build/wineprefix}"
export WINEDLLOVERRIDES="esent=n;mscoree,mshtml="
export WINEDEBUG="${WINEDEBUG--all}"  # unset: quiet; set (even empty): as given
export DISPLAY=
if [ "$arch" = i686 ] && [ ! -x /usr/lib/wine/wine ]; then
    echo "wine-run: 32-bit Wine (wine32:i386) is not installed" >&2
    exit 125
fi
if [ ! -f "$WINEPREFIX/system.reg" ]; then
    mkdir -p "$WINEPREFIX"
    WINEDEBUG=-all wineboot -i >/dev/null 2>&1
    wineserver -w 2>/dev/null
fi
cd "$dir" || exit 1
if [ "$arch" = i686 ]; then
    loader=/usr/lib/wine/wine
else
    loader=/usr/lib/wine/wine64
    [ -x "$loader" ] || loader=wine64
fi
exec "$loader" "./$exe" "$@"
