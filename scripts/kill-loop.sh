#!/usr/bin/env bash
# Kills `briefing build` with SIGKILL at random instants, half of them inside the write stage's commit,
# and checks what each kill leaves: with no journal in the output folder it must be the previous build
# byte for byte; with a journal, the next build must finish that commit and leave the new build.
#
#   scripts/kill-loop.sh [KILLS] [PAGES]          default 50 kills on a 10,000-page corpus
#   BRIEFING=/path/to/briefing scripts/kill-loop.sh
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-50}
pages=${2:-10000}
work=${WORK:-/dev/shm/briefing-kill-loop}
briefing=${BRIEFING:-}
if [ -z "$briefing" ]; then
    swift build -c release --static-swift-stdlib --product briefing >/dev/null
    briefing="$(swift build -c release --static-swift-stdlib --show-bin-path)/briefing"
fi
mkdir -p "$work"
site="$work/site"
if [ ! -d "$site/Content" ]; then
    python3 ../shared/bench/gen_corpus.py --pages "$pages" --out "$site" >/dev/null
    cp Content/site.yaml "$site/Content/"
fi
rm -rf "$site/Templates" && cp -r Templates "$site/"
footer="$site/Templates/partials/footer.html"
cp "$footer" "$work/footer.a"
{ cat "$work/footer.a"; echo "<!-- edition B -->"; } >"$work/footer.b"

# The two sites every kill must leave: A (before) and B (after the footer edit, every page changes).
build_into() { cp "$work/footer.$1" "$footer"; rm -rf "$2"; "$briefing" build --source "$site" --output "$2" --quiet; }
build_into a "$work/expected-a"
build_into b "$work/expected-b"
same() { diff -r -q -x '.briefing*' "$1" "$2" >/dev/null; }

# When the commit starts: the write stage is the last lap of --timings.
cp "$work/footer.a" "$footer"; rm -rf "$work/out"; "$briefing" build --source "$site" --output "$work/out" --quiet
cp "$work/footer.b" "$footer"
timing=$("$briefing" build --source "$site" --output "$work/out" --timings 2>&1 | awk '$NF == "write" {print $1}' | head -1)
total_ms=$(python3 -c "import sys; print(int(float('${timing:-0}') * 1000))")
echo "write stage of a footer edit: ${total_ms} ms"

left_old=0 left_new=0 finished=0 broken=0
for ((kill = 0; kill < kills; kill++)); do
    cp "$work/footer.a" "$footer"
    rm -rf "$work/out"; cp -r "$work/expected-a" "$work/out"
    "$briefing" build --source "$site" --output "$work/out" --quiet    # the output folder as build A left it
    cp "$work/footer.b" "$footer"
    # Half the kills anywhere in the build; half inside the commit: once its journal appears, within the
    # write stage's time.
    delay=$(python3 - "$briefing" "$site" "$work/out" "$((kill % 2))" "$total_ms" <<'PY'
import os, random, signal, subprocess, sys, time
briefing, site, out, anywhere, write_ms = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1", int(sys.argv[5])
build = subprocess.Popen([briefing, "build", "--source", site, "--output", out, "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
start = time.monotonic()
if anywhere:
    time.sleep(random.uniform(0.0, 2.0))
else:
    journal = os.path.join(out, ".briefing-journal")
    while not os.path.exists(journal) and build.poll() is None:
        time.sleep(0.0002)
    time.sleep(random.uniform(0.0, max(write_ms, 1) / 1000))
build.send_signal(signal.SIGKILL)
build.wait()
print(f"{time.monotonic() - start:.3f}")
PY
)
    if [ -f "$work/out/.briefing-journal" ]; then
        "$briefing" build --source "$site" --output "$work/out" --quiet
        if same "$work/out" "$work/expected-b"; then finished=$((finished + 1)); else broken=$((broken + 1)); echo "kill $kill: not B after replay"; fi
    elif same "$work/out" "$work/expected-a"; then
        left_old=$((left_old + 1))
    elif same "$work/out" "$work/expected-b"; then
        left_new=$((left_new + 1))
    else
        broken=$((broken + 1)); echo "kill $kill (after ${delay}s): neither A nor B"
    fi
done
cp "$work/footer.a" "$footer"
echo "kills: $kills; left the old site: $left_old; left the new site: $left_new; in the commit, finished by the next build: $finished; mixed: $broken"
((broken == 0))
