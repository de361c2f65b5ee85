"""Fixtures of the end-to-end suite: one Chromium for the whole run, one browser context per viewport width
and colour scheme, and a cache of page visits so that each page is loaded once per variant however many
tests look at it."""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from e2e_support import (
    SCHEMES,
    VIEWPORT_HEIGHT,
    WIDTHS,
    Site,
    Stats,
    artifacts_dir,
    page_id,
    parse_html,
    root_site,
    sub_site,
)

BLOCKING_IMPACTS = ("critical", "serious")


# ---------------------------------------------------------------------------------------------------
# Collection: the pages come from the built site's sitemap.


def _pages_having(site: Site, css_class: str) -> list[str]:
    found = []
    for rel in site.pages():
        text = site.file(rel).read_text(encoding="utf-8")
        if parse_html(text).classes[css_class]:
            found.append(rel)
    return found


def pytest_generate_tests(metafunc):
    root = root_site()
    params = {
        "page_rel": lambda: root.pages(),
        "sub_page_rel": lambda: sub_site().pages(),
        "toc_page": lambda: _pages_having(root, "toc"),
        "callout_page": lambda: _pages_having(root, "callout"),
        "faq_page": lambda: _pages_having(root, "faq"),
        "sources_page": lambda: _pages_having(root, "sources"),
    }
    for name, pages in params.items():
        if name in metafunc.fixturenames:
            rels = pages()
            metafunc.parametrize(name, rels, ids=[page_id(r) for r in rels])
    if "variant" in metafunc.fixturenames:
        variants = [(w, s) for w in WIDTHS for s in SCHEMES]
        metafunc.parametrize("variant", variants, ids=[f"{w}-{s}" for w, s in variants])
    if "site" in metafunc.fixturenames:
        metafunc.parametrize("site", [root, sub_site()], ids=["root", "sub-path"])


def _is_worker(config) -> bool:
    return hasattr(config, "workerinput")


def pytest_configure(config):
    if not os.environ.get("E2E_BASE_URL"):
        raise pytest.UsageError("the end-to-end suite needs a built and served site: run `bash .ci/e2e.sh`")
    if _is_worker(config):
        return
    for folder in ("screenshots", "print"):
        shutil.rmtree(artifacts_dir() / folder, ignore_errors=True)
        (artifacts_dir() / folder).mkdir(parents=True, exist_ok=True)


PAGE_PARAMS = ("page_rel", "toc_page", "callout_page", "faq_page", "sources_page")


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (--dist loadgroup) every test of one page runs in the same worker, so the page is
    visited once per variant; the validity checks share one worker, so vnu.jar runs once."""
    for item in items:
        params = getattr(item, "callspec", None) and item.callspec.params or {}
        group = None
        for name in PAGE_PARAMS:
            if name in params:
                group = "page:" + params[name]
        if "sub_page_rel" in params:
            group = "sub:" + params["sub_page_rel"]
        if item.module.__name__ == "test_validity":
            group = "validity"
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))


# ---------------------------------------------------------------------------------------------------
# Browser


@pytest.fixture(scope="session")
def root() -> Site:
    return root_site()


@pytest.fixture(scope="session")
def sub() -> Site:
    return sub_site()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
        yield b
        b.close()


class Contexts:
    """Browser contexts by (width, scheme, javascript); reduced motion so that anchors jump at once."""

    def __init__(self, browser):
        self.browser = browser
        self._contexts = {}

    def get(self, width: int = 1280, scheme: str = "light", javascript: bool = True):
        key = (width, scheme, javascript)
        if key not in self._contexts:
            self._contexts[key] = self.browser.new_context(
                viewport={"width": width, "height": VIEWPORT_HEIGHT.get(width, 800)},
                color_scheme=scheme,
                reduced_motion="reduce",
                java_script_enabled=javascript,
                device_scale_factor=1,
            )
            # A missing element fails in seconds, not after Playwright's default 30 s.
            self._contexts[key].set_default_timeout(10_000)
        return self._contexts[key]

    def close(self):
        for c in self._contexts.values():
            c.close()


@pytest.fixture(scope="session")
def contexts(browser):
    c = Contexts(browser)
    yield c
    c.close()


class Watch:
    """Console errors, uncaught exceptions and failed requests of one page."""

    def __init__(self, page):
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(f"{m.text} ({m.location.get('url')})"))
        page.on("pageerror", lambda e: self.console_errors.append(f"uncaught: {e}"))
        page.on("requestfailed", lambda r: self.failed_requests.append(f"{r.method} {r.url}: {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.failed_requests.append(f"{r.request.method} {r.url}: HTTP {r.status}"))


def open_page(context, url: str):
    """A new tab on url, with a Watch on it; waits for the load event and the fonts."""
    page = context.new_page()
    watch = Watch(page)
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, f"{url}: HTTP {response and response.status}"
    page.evaluate("document.fonts.ready.then(() => true)")
    return page, watch


@pytest.fixture
def tab(contexts):
    """open_page for a test, closing what it opened."""
    opened = []

    def _open(url: str, width: int = 1280, scheme: str = "light", javascript: bool = True):
        page, watch = open_page(contexts.get(width, scheme, javascript), url)
        opened.append(page)
        return page, watch

    yield _open
    for p in opened:
        p.close()


# ---------------------------------------------------------------------------------------------------
# One visit per page and variant: console, requests, overflow, axe, screenshot


OVERFLOW_JS = """() => {
  const doc = document.documentElement;
  const limit = doc.clientWidth;
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= limit + 1) continue;
    // Content that scrolls inside its own box (a wide table in its wrapper) does not scroll the page.
    let p = el.parentElement, clipped = false;
    while (p && p !== document.body) {
      const o = getComputedStyle(p).overflowX;
      if (o !== 'visible') { clipped = true; break; }
      p = p.parentElement;
    }
    if (!clipped) culprits.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '') + ' right=' + Math.round(r.right));
    if (culprits.length >= 5) break;
  }
  return {scrollWidth: doc.scrollWidth, clientWidth: limit, culprits};
}"""


@dataclass
class Visit:
    url: str
    width: int
    scheme: str
    console_errors: list[str]
    failed_requests: list[str]
    overflow: dict
    axe_violations: list[dict]
    screenshot: Path | None
    main_text: str
    seconds: float = 0.0
    extra: dict = field(default_factory=dict)


class Visits:
    def __init__(self, contexts):
        self.contexts = contexts
        self.axe = Axe()
        self._cache: dict[tuple, Visit] = {}

    def get(self, site: Site, rel: str, width: int, scheme: str) -> Visit:
        key = (site.name, rel, width, scheme)
        if key not in self._cache:
            try:
                self._cache[key] = self._visit(site, rel, width, scheme)
            except Exception as e:  # every test of this variant fails with it, without loading the page again
                self._cache[key] = e
        if isinstance(self._cache[key], Exception):
            raise self._cache[key]
        return self._cache[key]

    def _visit(self, site: Site, rel: str, width: int, scheme: str) -> Visit:
        started = time.monotonic()
        page, watch = open_page(self.contexts.get(width, scheme), site.url(rel))
        try:
            overflow = page.evaluate(OVERFLOW_JS)
            main_text = page.locator("main").inner_text()
            results = self.axe.run(page, options={"resultTypes": ["violations"]}).response
            violations = results["violations"]
            Stats.axe_runs += 1
            for v in violations:
                impact = v.get("impact") or "minor"
                Stats.axe_by_impact[impact] += 1
                Stats.axe_nodes_by_impact[impact] += len(v["nodes"])
                Stats.axe_rules[f"{v['id']} ({impact})"].add(page_id(rel))
            shot = None
            if site.name == "root":
                shot = artifacts_dir() / "screenshots" / f"{page_id(rel).replace('/', '--')}-{width}-{scheme}.png"
                page.screenshot(path=str(shot), full_page=True)
                Stats.screenshots += 1
            # Late console errors (a stylesheet that failed after load) are caught too.
            return Visit(site.url(rel), width, scheme, list(watch.console_errors), list(watch.failed_requests),
                         overflow, violations, shot, main_text, time.monotonic() - started)
        finally:
            page.close()


@pytest.fixture(scope="session")
def visits(contexts):
    return Visits(contexts)


# ---------------------------------------------------------------------------------------------------
# Summary


_worker_stats: list[dict] = []


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session, exitstatus):
    """An xdist worker sends what it found to the controller, for the summary."""
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["e2e_stats"] = Stats.dump()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    stats = getattr(node, "workeroutput", {}).get("e2e_stats")
    if stats:
        _worker_stats.append(stats)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    tr = terminalreporter
    tr.section("e2e summary")
    art = artifacts_dir()
    if _worker_stats:
        Stats.merge(_worker_stats + [Stats.dump()])
    axe = {k: Stats.axe_by_impact.get(k, 0) for k in ("critical", "serious", "moderate", "minor")}
    nodes = {k: Stats.axe_nodes_by_impact.get(k, 0) for k in axe}
    tr.write_line(f"pages checked: {len(Stats.pages)} at / (sitemap pages + 404) × widths {WIDTHS} × {SCHEMES} schemes; "
                  f"{len(Stats.sub_pages)} under the sub-path")
    tr.write_line("axe-core violations (rule × page × variant, over %d runs): %s; elements: %s" % (
        Stats.axe_runs, ", ".join(f"{k} {v}" for k, v in axe.items()), ", ".join(f"{k} {v}" for k, v in nodes.items())))
    for rule, pages in sorted(Stats.axe_rules.items()):
        tr.write_line(f"  axe {rule}: {len(pages)} page(s), e.g. {', '.join(sorted(pages)[:4])}")
    css_files = sum(1 for f in Stats.vnu_errors if f.endswith(".css"))
    tr.write_line(f"Nu Html Checker: {sum(Stats.vnu_errors.values())} errors, {sum(Stats.vnu_warnings.values())} warnings "
                  f"in {Stats.vnu_files} HTML files and {css_files} stylesheets")
    for f, n in sorted(Stats.vnu_errors.items()):
        if n:
            tr.write_line(f"  vnu errors in {f}: {n}")
    tr.write_line(f"links checked over HTTP: {Stats.links_checked} internal, {len(Stats.external_links)} distinct external (not fetched)")
    tr.write_line(f"screenshots: {Stats.screenshots} in {art / 'screenshots'}; print PDFs in {art / 'print'}")
    summary = {
        "pages": sorted(Stats.pages), "sub_pages": sorted(Stats.sub_pages),
        "axe_runs": Stats.axe_runs, "axe_by_impact": axe, "axe_nodes_by_impact": nodes,
        "axe_rules": {k: sorted(v) for k, v in Stats.axe_rules.items()},
        "vnu_files": Stats.vnu_files, "vnu_errors": dict(Stats.vnu_errors), "vnu_warnings": dict(Stats.vnu_warnings),
        "screenshots": Stats.screenshots, "links_checked": Stats.links_checked,
        "exit_status": int(exitstatus),
    }
    (art / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
