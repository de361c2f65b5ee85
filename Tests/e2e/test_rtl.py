"""A right-to-left page: the Arabic test site (Tests/e2e/rtl-site, built by .ci/e2e.sh with the default theme)
lays out right to left. Its text starts at the right, the callout's rule and the list markers move to the
right with it, its callout label is the Arabic one, and axe finds nothing serious. A screenshot is kept."""

from __future__ import annotations

import os

import pytest
from axe_playwright_python.sync_playwright import Axe

from e2e_support import artifacts_dir

RTL_BASE_URL = os.environ.get("E2E_RTL_BASE_URL")

pytestmark = pytest.mark.skipif(not RTL_BASE_URL, reason="the right-to-left site is built and served by .ci/e2e.sh")

# How far the text of an element is from its box's right and left edges.
TEXT_GAPS_JS = """el => {
  const range = document.createRange();
  range.selectNodeContents(el);
  const text = range.getBoundingClientRect(), box = el.getBoundingClientRect();
  return [box.right - text.right, text.left - box.left];
}"""


@pytest.mark.parametrize("width", [1280, 390])
def test_an_arabic_page_lays_out_right_to_left(tab, width):
    page, watch = tab(RTL_BASE_URL + "alliance/overview/", width=width)
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    right, left = page.locator(".article-title").evaluate(TEXT_GAPS_JS)
    assert right < 2 < left, f"the title should start at the right: {right} px from the right, {left} px from the left"
    callout = page.locator("aside.callout")
    rules = callout.evaluate("el => [getComputedStyle(el).borderRightWidth, getComputedStyle(el).borderLeftWidth]")
    assert rules == ["4px", "0px"], f"the callout's rule belongs at the start of the line, on the right: {rules}"
    assert callout.evaluate("el => getComputedStyle(el, '::before').content").startswith('"ملاحظة"')
    switcher = page.get_by_role("navigation", name="اللغة")
    assert switcher.get_by_role("link", name="English").get_attribute("href") == "/en/alliance/overview/"
    violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in ("critical", "serious")]
    assert not violations, [f"{v['id']}: {v['help']}" for v in violations]
    assert not watch.console_errors and not watch.failed_requests, watch.console_errors + watch.failed_requests
    folder = artifacts_dir() / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"rtl-overview-{width}.png"), full_page=True)


def test_the_english_version_stays_left_to_right(tab):
    page, _ = tab(RTL_BASE_URL + "en/alliance/overview/")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["en", "ltr"]
    right, left = page.locator(".article-title").evaluate(TEXT_GAPS_JS)
    assert left < 2 < right
    # Its Arabic quotation (> [!LANG] ar) is right to left inside the left-to-right page.
    quote = page.locator("blockquote.language-quote")
    assert quote.evaluate("el => [el.lang, getComputedStyle(el).direction]") == ["ar", "rtl"]
    right, left = quote.locator("p").evaluate(TEXT_GAPS_JS)
    assert right < 2 < left
