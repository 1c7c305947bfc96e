#!/bin/sh
# fuzz-run.sh - the `fuzz` suite of tools/run-tests.sh: FUZZ_TIME seconds
# (default 60) of libFuzzer over the database file reader
# (tests/fuzz/fuzz_dbfile.c), starting from the seeds fuzz_seed made and
# the corpus earlier runs grew.  A crash, sanitizer report or leak stops
# it, leaves the input in $BUILD/fuzz/artifacts/ and fails the suite
# (replay: $BUILD/fuzz/fuzz_dbfile FILE; then add it to test_corrupt.c).
set -u
BUILD=${BUILD:-build}
FUZZ_TIME=${FUZZ_TIME:-60}
bf=$BUILD/fuzz
mkdir -p "$bf/corpus" "$bf/artifacts"
# -rss_limit_mb: the engine's cache and long values stay far below it.
export WINEDEBUG=-all  # the engine's ERR traces of damaged files are expected
if "$bf/fuzz_dbfile" -max_total_time="$FUZZ_TIME" -timeout=20 -rss_limit_mb=2048 \
    -max_len=100000 -print_final_stats=1 -artifact_prefix="$bf/artifacts/" \
    "$bf/corpus" "$bf/seeds"; then
    echo "fuzz: 1 passed, 0 failed"
else
    echo "fuzz: 0 passed, 1 failed (the input is in $bf/artifacts/)"
fi
