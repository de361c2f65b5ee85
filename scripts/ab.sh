#!/usr/bin/env bash
# Paired A/B of two briefing binaries on one site: interleaved full builds (A first on even runs, B first
# on odd ones) into fresh folders on a tmpfs, and the medians of wall time, CPU time (user + system, steadier
# than wall time on a shared machine) and peak RSS with their ratios.
#
#   scripts/ab.sh BINARY_A SITE_A BINARY_B SITE_B [RUNS]       default 8 runs each
# Each site carries its own Templates/, so a binary is timed with the theme it was built for.
set -euo pipefail
a=$1 site_a=$2 b=$3 site_b=$4 runs=${5:-8}
out=${OUT:-/dev/shm/briefing-ab}
mkdir -p "$out"
one() {
    rm -rf "$out/$3"
    local start end rss cpu
    start=$(date +%s%N)
    read -r rss cpu < <( { /usr/bin/time -f '%M %U %S' "$1" build --source "$2" --output "$out/$3" --quiet >/dev/null; } 2>&1 | tail -1 |
        awk '{printf "%d %d\n", $1, ($2 + $3) * 1000}')
    end=$(date +%s%N)
    echo "$(((end - start) / 1000000)) $rss $cpu"
}
"$a" build --source "$site_a" --output "$out/warm-a" --quiet; "$b" build --source "$site_b" --output "$out/warm-b" --quiet
ta=() tb=() ra=() rb=() ca=() cb=()
for ((run = 0; run < runs; run++)); do
    if ((run % 2)); then
        read -r t r c < <(one "$b" "$site_b" b); tb+=("$t"); rb+=("$r"); cb+=("$c")
        read -r t r c < <(one "$a" "$site_a" a); ta+=("$t"); ra+=("$r"); ca+=("$c")
    else
        read -r t r c < <(one "$a" "$site_a" a); ta+=("$t"); ra+=("$r"); ca+=("$c")
        read -r t r c < <(one "$b" "$site_b" b); tb+=("$t"); rb+=("$r"); cb+=("$c")
    fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
wa=$(median "${ta[@]}") wb=$(median "${tb[@]}") ma=$(median "${ra[@]}") mb=$(median "${rb[@]}")
pa=$(median "${ca[@]}") pb=$(median "${cb[@]}")
echo "A: ${ta[*]} ms (median $wa), CPU median ${pa} ms, peak RSS median ${ma} KB"
echo "B: ${tb[*]} ms (median $wb), CPU median ${pb} ms, peak RSS median ${mb} KB"
echo "B/A wall $(awk "BEGIN {printf \"%.3f\", $wb / $wa}"), CPU (user + system) $(awk "BEGIN {printf \"%.3f\", $pb / $pa}"), peak RSS $(awk "BEGIN {printf \"%.3f\", $mb / $ma}")"
