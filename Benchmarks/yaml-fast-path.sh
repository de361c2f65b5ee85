#!/usr/bin/env bash
# Does SimpleYAMLParser, the fast reader beside Yams for simple front matter, still pay for itself?
# Builds briefing twice (as shipped, and with -DBRIEFING_YAMS_ONLY so every YAML document goes to
# Yams), then times full builds of a generated corpus with each, interleaved, outputs on a tmpfs,
# and prints the medians and their ratio. The differential test that holds the fast reader to Yams'
# output is Tests/BriefingKitTests/Parse/SimpleYAMLParserTests.swift.
#
#   Benchmarks/yaml-fast-path.sh [PAGES] [RUNS]        default 10000 pages, 10 runs each
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}
runs=${2:-10}
work=${WORK:-/tmp/briefing-yaml-bench}
out=${OUT:-/dev/shm/briefing-yaml-bench}
mkdir -p "$work" "$out"

swift build -c release --static-swift-stdlib --product briefing --scratch-path .build-yaml-fast >/dev/null
swift build -c release --static-swift-stdlib --product briefing --scratch-path .build-yaml-yams -Xswiftc -DBRIEFING_YAMS_ONLY >/dev/null
fast=.build-yaml-fast/release/briefing
yams=.build-yaml-yams/release/briefing

site="$work/site-$pages"
if [ ! -d "$site/Content" ]; then
    python3 ../shared/bench/gen_corpus.py --pages "$pages" --out "$site" >/dev/null
    cp Content/site.yaml "$site/Content/"
fi
rm -rf "$site/Templates" && cp -r Templates "$site/"

time_build() {
    rm -rf "$out/$2"
    local start end
    start=$(date +%s%N)
    "$1" build --source "$site" --output "$out/$2" --quiet
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

"$fast" build --source "$site" --output "$out/warm" --quiet
"$yams" build --source "$site" --output "$out/warm2" --quiet
diff -r -x '.briefing*' "$out/warm" "$out/warm2" >/dev/null || { echo "outputs differ" >&2; exit 1; }
fast_times=() yams_times=()
for ((run = 0; run < runs; run++)); do
    if ((run % 2)); then
        yams_times+=("$(time_build "$yams" yams)"); fast_times+=("$(time_build "$fast" fast)")
    else
        fast_times+=("$(time_build "$fast" fast)"); yams_times+=("$(time_build "$yams" yams)")
    fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
fm=$(median "${fast_times[@]}") ym=$(median "${yams_times[@]}")
echo "$pages pages, $runs builds each: with SimpleYAMLParser ${fm} ms, Yams only ${ym} ms, ratio $(awk "BEGIN {printf \"%.3f\", $fm / $ym}")"
