"""Every page of the sitemap, and the 404 page, at 1280 and 390 px wide, light and dark: no console errors,
no failed requests, no serious or critical axe-core violation, no horizontal scrolling on a phone, and a
full-page screenshot of each."""

from __future__ import annotations

from conftest import BLOCKING_IMPACTS, open_page
from e2e_support import Stats, page_id


def _describe(violations):
    lines = []
    for v in violations:
        targets = [", ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"]) for n in v["nodes"][:3]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(s), e.g. {targets}")
    return "\n".join(lines)


def test_no_console_errors_or_failed_requests(root, visits, page_rel, variant):
    Stats.pages.add(page_id(page_rel))
    v = visits.get(root, page_rel, *variant)
    assert not v.console_errors, "console errors:\n" + "\n".join(v.console_errors)
    assert not v.failed_requests, "failed requests:\n" + "\n".join(v.failed_requests)


def test_axe_no_serious_or_critical_violations(root, visits, page_rel, variant):
    v = visits.get(root, page_rel, *variant)
    blocking = [x for x in v.axe_violations if x.get("impact") in BLOCKING_IMPACTS]
    assert not blocking, "axe-core:\n" + _describe(blocking)


def test_no_horizontal_scrolling_on_a_phone(root, visits, page_rel, variant):
    width, _ = variant
    if width > 390:
        return
    o = visits.get(root, page_rel, *variant).overflow
    assert o["scrollWidth"] <= o["clientWidth"], (
        f"the page scrolls sideways at {width} px: scrollWidth {o['scrollWidth']} > {o['clientWidth']}; "
        f"wider elements: {o['culprits']}")


def test_no_horizontal_scrolling_at_320px(root, contexts, page_rel):
    """WCAG 1.4.10 reflow is judged at 320 CSS px; the smallest phones in use are that wide."""
    from conftest import OVERFLOW_JS

    page, _ = open_page(contexts.get(320, "light"), root.url(page_rel))
    try:
        o = page.evaluate(OVERFLOW_JS)
    finally:
        page.close()
    assert o["scrollWidth"] <= o["clientWidth"], f"scrolls sideways at 320 px: {o}"


def test_screenshot_written(root, visits, page_rel, variant):
    v = visits.get(root, page_rel, *variant)
    assert v.screenshot is not None and v.screenshot.stat().st_size > 1000
