#!/usr/bin/env bash
# Paired A/B of the write stage alone (issue 15: the journaled commit may cost at most 10% more): for each
# binary in turn, a build with the theme's footer as it is, then one with the footer edited so that every
# page changes, whose `write` lap (--timings) is the commit of every page. Interleaved, outputs on a tmpfs;
# medians of the write laps and their ratio.
#
#   Benchmarks/write-stage-ab.sh BINARY_A SITE_A BINARY_B SITE_B [RUNS]      default 8 runs each
set -euo pipefail
a=$1 site_a=$2 b=$3 site_b=$4 runs=${5:-8}
out=${OUT:-/dev/shm/briefing-write-ab}
mkdir -p "$out"
lap() {  # binary site name → seconds of the write lap of a footer-edit rebuild
    local footer="$2/Templates/partials/footer.html"
    cp "$out/$3.footer" "$footer"
    rm -rf "$out/$3"; "$1" build --source "$2" --output "$out/$3" --quiet
    { cat "$out/$3.footer"; echo "<!-- edited -->"; } >"$footer"
    "$1" build --source "$2" --output "$out/$3" --timings 2>&1 | awk '$NF == "write" {print $1}'
    cp "$out/$3.footer" "$footer"
}
cp "$site_a/Templates/partials/footer.html" "$out/a.footer"
cp "$site_b/Templates/partials/footer.html" "$out/b.footer"
la=() lb=()
for ((run = 0; run < runs; run++)); do
    if ((run % 2)); then lb+=("$(lap "$b" "$site_b" b)"); la+=("$(lap "$a" "$site_a" a)")
    else la+=("$(lap "$a" "$site_a" a)"); lb+=("$(lap "$b" "$site_b" b)"); fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
ma=$(median "${la[@]}") mb=$(median "${lb[@]}")
echo "A write laps: ${la[*]} s (median $ma)"
echo "B write laps: ${lb[*]} s (median $mb)"
echo "B/A write stage $(awk "BEGIN {printf \"%.3f\", $mb / $ma}")"
