"""Every link and asset resolves: on the site at / and on the one built with
--base-url http://127.0.0.1:PORT/briefings/ and served there, every a[href], link[href], img[src] (and any
other URL attribute) of every page answers HTTP 200, stays under the base path, and every #fragment names
an id on its target page. The sub-path pages also load in Chromium with their stylesheet and no failed
request."""

from __future__ import annotations

import urllib.parse

from conftest import open_page
from e2e_support import Stats, fetch, page_id, parse_html

SKIPPED_SCHEMES = ("mailto:", "tel:", "data:", "javascript:")


def _check_page_links(site, rel):
    url = site.url(rel)
    r = fetch(url)
    assert r.status == 200, f"{url}: HTTP {r.status}"
    page = parse_html(r.body.decode("utf-8"))
    problems = []
    if not rel.endswith("404.html"):
        if page.canonical != url:
            problems.append(f"canonical {page.canonical} is not the page's URL {url}")
    elif page.canonical and not page.canonical.startswith(site.base_url):
        problems.append(f"canonical {page.canonical} is not under {site.base_url}")
    for tag, attr, value in page.urls:
        if value.startswith(SKIPPED_SCHEMES):
            continue
        if rel.endswith("404.html") and not value.startswith(("/", "http://", "https://", "#")):
            # The host serves this page at whatever address was not found: a relative URL would break.
            problems.append(f"<{tag} {attr}=\"{value}\"> is relative on the 404 page")
        target = urllib.parse.urljoin(url, value)
        parts = urllib.parse.urlsplit(target)
        if f"{parts.scheme}://{parts.netloc}" != site.origin:
            assert parts.scheme in ("http", "https"), f"{tag}[{attr}]={value}"
            Stats.external_links.add(target)
            continue
        Stats.links_checked += 1
        where = f"<{tag} {attr}=\"{value}\">"
        if not parts.path.startswith(site.base_path):
            problems.append(f"{where} leaves the base path {site.base_path}")
            continue
        got = fetch(target)
        if got.status != 200:
            problems.append(f"{where}: HTTP {got.status}")
            continue
        if parts.fragment and "html" in got.content_type:
            fragment = urllib.parse.unquote(parts.fragment)
            if fragment not in parse_html(got.body.decode("utf-8")).ids:
                problems.append(f"{where}: no id {fragment!r} on {parts.path}")
    return problems


def test_every_link_and_asset_resolves_at_root(root, page_rel):
    problems = _check_page_links(root, page_rel)
    assert not problems, "\n".join(problems)


def test_every_link_and_asset_resolves_under_sub_path(sub, sub_page_rel):
    Stats.sub_pages.add(page_id(sub_page_rel))
    problems = _check_page_links(sub, sub_page_rel)
    assert not problems, "\n".join(problems)


def test_sub_path_pages_load_in_chromium(sub, contexts, sub_page_rel):
    page, watch = open_page(contexts.get(1280, "light"), sub.url(sub_page_rel))
    try:
        styled = page.evaluate("""() => [...document.styleSheets].some(s => { try { return s.cssRules.length > 20 } catch (e) { return false } })""")
        sheets = page.evaluate("[...document.styleSheets].map(s => s.href)")
    finally:
        page.close()
    assert not watch.failed_requests, "failed requests:\n" + "\n".join(watch.failed_requests)
    assert not watch.console_errors, "console errors:\n" + "\n".join(watch.console_errors)
    assert styled, f"the stylesheet did not load: {sheets}"
    assert all(h is None or h.startswith(sub.base_url) for h in sheets), sheets
