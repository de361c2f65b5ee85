#!/usr/bin/env bash
# Runs one libFuzzer target of Fuzz/ for SECONDS, with its seed corpus and dictionary, and fails on any
# crash, leak or timeout (libFuzzer exits non-zero and leaves the input in Fuzz/findings/).
#
#   scripts/fuzz.sh FuzzTemplates|FuzzPage|FuzzData SECONDS [extra libFuzzer flags]
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
target=${1:?usage: scripts/fuzz.sh FuzzTemplates|FuzzPage|FuzzData SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
shift 2
case "$target" in
    FuzzTemplates) corpus=templates ;;
    FuzzPage) corpus=page ;;
    FuzzData) corpus=data ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
esac
# Every module instrumented, the site generator's as well as the target's: coverage guides the fuzzer.
flags=(-c release --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address)
swift build "${flags[@]}" --product "$target" >/dev/null
binary="$(swift build "${flags[@]}" --show-bin-path)/$target"
work="${FUZZ_WORK:-/tmp/briefing-fuzz}/$corpus"
mkdir -p "$work" findings
# Inputs up to 64 KB and deep nesting are reachable; a single input may take 10 s at most.
"$binary" "$work" "corpus/$corpus" -dict="dictionaries/$corpus.dict" -max_total_time="$seconds" \
    -max_len=65536 -timeout=10 -rss_limit_mb=4096 -artifact_prefix=findings/ -print_final_stats=1 "$@"
