"""Behaviour a reader relies on: landmarks, the skip link and keyboard order, table-of-contents links that
land on their headings, callouts and FAQ sections a screen reader can find and read, pages that work
without JavaScript, and a print view without navigation that shows where sources live."""

from __future__ import annotations

import json
import re

import pytest

from e2e_support import artifacts_dir, page_id, page_lang, theme_word

# ---------------------------------------------------------------------------------------------------
# The sample site exercises what this suite checks (an empty parameter list would only skip).


def test_sample_site_has_every_feature_the_suite_checks(root):
    from conftest import _pages_having

    for css_class in ("toc", "callout", "faq", "sources", "data-table", "figure", "related", "page-tags"):
        assert _pages_having(root, css_class), f"no page of the sample site has a .{css_class}"


# ---------------------------------------------------------------------------------------------------
# Landmarks


def test_landmarks(root, tab, page_rel):
    page, _ = tab(root.url(page_rel))
    for role in ("banner", "main", "contentinfo"):
        assert page.get_by_role(role).count() == 1, f"expected exactly one {role} landmark"
    sections_label = theme_word("sectionsNavLabel", page_lang(page))
    sections = page.get_by_role("navigation", name=sections_label, exact=True)
    assert sections.count() == 1, f"no navigation landmark named '{sections_label}'"
    assert sections.get_by_role("link").count() >= 1
    # Every navigation landmark has a name, so a screen reader's landmark list can tell them apart.
    navs = page.locator("nav")
    for i in range(navs.count()):
        snapshot = navs.nth(i).aria_snapshot()
        assert re.match(r'- navigation "[^"]+"', snapshot), f"unnamed navigation landmark: {snapshot.splitlines()[0]}"
    assert page.get_by_role("heading", level=1).count() == 1, "expected exactly one h1"
    assert page.title().strip(), "the page has no title"


# ---------------------------------------------------------------------------------------------------
# Keyboard


TAB_STOPS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const cs = getComputedStyle(el);
  return {
    index: el.dataset.e2eIndex ?? null,
    tag: el.tagName.toLowerCase(),
    text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 60),
    outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
    shadow: cs.boxShadow !== 'none',
    inCallout: !!el.closest('aside.callout'),
    inFaq: !!el.closest('.faq'),
  };
}"""


def test_keyboard_reaches_every_link_in_order_with_visible_focus(root, tab, page_rel):
    """Tab from the top of the page: the skip link comes first, then every visible link (those in callouts
    and FAQ answers included) in document order, each with a visible focus ring."""
    page, _ = tab(root.url(page_rel))
    expected = page.evaluate("""() => {
      const links = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
        .filter(el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
      links.forEach((el, i) => el.dataset.e2eIndex = String(i));
      return links.length;
    }""")
    seen = []
    for _ in range(expected + 5):
        page.keyboard.press("Tab")
        stop = page.evaluate(TAB_STOPS_JS)
        if stop is None or (seen and stop["index"] == seen[0]["index"]):
            break
        seen.append(stop)
    assert seen, "Tab focuses nothing"
    skip = theme_word("skipToContent", page_lang(page))
    assert seen[0]["text"] == skip, f"the first tab stop is not the skip link ({skip}): {seen[0]}"
    order = [int(s["index"]) for s in seen if s["index"] is not None]
    assert order == list(range(expected)), (
        f"tab order does not follow the document ({len(order)} of {expected} stops): {order[:40]}")
    invisible = [s for s in seen if not (s["outline"] or s["shadow"])]
    assert not invisible, f"focus is not visible on: {invisible[:5]}"


def test_skip_link_moves_to_main(root, tab):
    page, _ = tab(root.url(root.pages()[1]))
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.getAttribute('href')")
    assert skip == "#main"
    box = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect(); return [r.top, r.bottom]; })()")
    assert box[0] >= 0 and box[1] > box[0], f"the focused skip link is not on screen: {box}"
    page.keyboard.press("Enter")
    # Focus itself moves to main (tabindex="-1"), not only the next Tab's starting point, which some
    # browsers and screen readers do not move for an element that cannot take focus.
    assert page.evaluate("document.activeElement.id") == "main", "the skip link does not move focus to main"
    page.keyboard.press("Tab")
    inside = page.evaluate("!!document.activeElement.closest('main')")
    assert inside, "after the skip link, Tab does not continue inside main"


@pytest.mark.parametrize("home", ["", "ko/"])
@pytest.mark.parametrize("width", [390, 1280])
def test_home_page_shows_the_sites_name_once_on_a_phone(root, tab, home, width):
    page, _ = tab(root.url(home), width=width)
    h1 = page.get_by_role("heading", level=1)
    assert h1.is_visible()
    name = h1.inner_text().strip()
    shown = page.locator(".masthead-title").is_visible()
    assert page.locator(".masthead-title").inner_text().strip() == name
    # On a phone the masthead's name would sit two lines above the same words; wider, it is the brand.
    assert shown == (width > 640), f"masthead title shown: {shown} at {width} px"


# ---------------------------------------------------------------------------------------------------
# Table of contents


@pytest.mark.parametrize("width", [1280, 390])
def test_toc_links_land_on_their_headings(root, tab, toc_page, width):
    page, _ = tab(root.url(toc_page), width=width)
    links = page.locator("nav.toc a[href^='#']")
    assert links.count() > 0
    landed = 0
    for i in range(links.count()):
        link = links.nth(i)
        if not link.is_visible():
            continue  # a level the theme folds away on this width
        target = link.get_attribute("href")[1:]
        # Scroll back to the top, then follow the link as a reader would: click on wide screens, Enter on phones.
        page.evaluate("window.scrollTo(0, 0)")
        if width >= 1000:
            link.click()
        else:
            link.focus()
            page.keyboard.press("Enter")
        page.wait_for_function("(id) => decodeURIComponent(location.hash.slice(1)) === id", arg=target)
        info = page.evaluate("""(id) => {
          const el = document.getElementById(id);
          if (!el) return null;
          const r = el.getBoundingClientRect();
          return {tag: el.tagName.toLowerCase(), top: r.top, bottom: r.bottom, height: innerHeight,
                  target: el.matches(':target'), text: el.textContent.trim()};
        }""", target)
        assert info is not None, f"#{target} is not on the page"
        assert re.fullmatch(r"h[2-6]", info["tag"]), f"#{target} is a {info['tag']}, not a heading"
        assert info["target"], f"#{target} is not the :target"
        assert -1 <= info["top"] and info["bottom"] <= info["height"], f"#{target} is not scrolled into view: {info}"
        assert info["text"] == link.inner_text().strip(), f"link text {link.inner_text()!r} vs heading {info['text']!r}"
        landed += 1
    assert landed > 0


# ---------------------------------------------------------------------------------------------------
# Citation marks


MARKS_STARTING_A_LINE_JS = """() => {
  const alone = [];
  for (const mark of document.querySelectorAll('sup.cite, sup.footnote-ref')) {
    // The character just before the mark, in whichever element it is (a figure's span, a link).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let before = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (mark.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) { if (node.length) before = node; }
      else break;
    }
    if (!before || /\\s$/.test(before.data)) continue;
    const range = document.createRange();
    range.setStart(before, before.length - 1);
    range.setEnd(before, before.length);
    const char = range.getBoundingClientRect(), box = mark.getBoundingClientRect();
    if (char.width && box.top >= char.bottom - 2) alone.push(before.data.slice(-12) + mark.textContent);
  }
  return alone;
}"""


def test_citation_marks_never_start_a_line(root, tab, sources_page):
    """A mark stays on the line of the word it cites: after "(2021)" a line could break before "[1]"."""
    page, _ = tab(root.url(sources_page), width=320)
    for width in range(320, 1000, 12):
        page.set_viewport_size({"width": width, "height": 800})
        alone = page.evaluate(MARKS_STARTING_A_LINE_JS)
        assert not alone, f"at {width} px these marks start a line: {alone}"


# ---------------------------------------------------------------------------------------------------
# Callouts and FAQ, as a screen reader sees them


def test_callouts_are_named_complementary_landmarks(root, tab, callout_page):
    page, _ = tab(root.url(callout_page))
    callouts = page.locator("aside.callout")
    assert callouts.count() > 0
    for i in range(callouts.count()):
        c = callouts.nth(i)
        first = c.aria_snapshot().splitlines()[0]
        m = re.match(r'- complementary "([^"]+)"', first)
        assert m, f"callout {i + 1} is not a named complementary landmark: {first}"
        text = c.inner_text().strip()
        assert len(text) > 20 and c.is_visible(), f"callout {i + 1} has no readable text"
        # The kind shown on screen (a CSS label such as "Note" / "") is part of the accessible name.
        label = c.evaluate("el => getComputedStyle(el, '::before').content")
        kind = re.match(r'"([^"]*)"', label)
        assert kind and kind.group(1).lower() in m.group(1).lower(), f"callout {i + 1}: name {m.group(1)!r}, label {label}"


def test_faq_section_is_labelled_and_readable(root, tab, faq_page):
    page, _ = tab(root.url(faq_page))
    faq = page.locator("section.faq")
    assert faq.count() == 1
    first = faq.aria_snapshot().splitlines()[0]
    m = re.match(r'- region "([^"]+)"', first)
    assert m, f"the FAQ section is not a labelled region: {first}"
    region = page.get_by_role("region", name=m.group(1))
    assert region.count() == 1
    questions = region.get_by_role("heading", level=3)
    answers = faq.locator(".faq-answer")
    assert questions.count() >= 1 and questions.count() == answers.count()
    for i in range(answers.count()):
        assert answers.nth(i).is_visible() and answers.nth(i).inner_text().strip(), f"answer {i + 1} is empty or hidden"
    # The FAQPage JSON-LD asks the same questions the page shows.
    blocks = [json.loads(t) for t in page.locator("script[type='application/ld+json']").all_text_contents()]
    faq_ld = [b for b in blocks if b.get("@type") == "FAQPage"]
    assert faq_ld, "no FAQPage JSON-LD"
    ld_questions = [q["name"] for q in faq_ld[0]["mainEntity"]]
    shown = [q.strip() for q in questions.all_inner_texts()]
    assert ld_questions == shown, f"JSON-LD questions {ld_questions} != shown {shown}"


# ---------------------------------------------------------------------------------------------------
# JavaScript off


def test_works_without_javascript(root, tab, visits, page_rel):
    page, watch = tab(root.url(page_rel), javascript=False)
    assert page.get_by_role("heading", level=1).is_visible()
    nav = page.get_by_role("navigation", name=theme_word("sectionsNavLabel", page_lang(page)), exact=True).get_by_role("link")
    assert nav.count() >= 1 and all(nav.nth(i).is_visible() for i in range(nav.count()))
    with_js = visits.get(root, page_rel, 1280, "light").main_text
    assert page.locator("main").inner_text() == with_js, "main shows different text without JavaScript"
    assert not watch.failed_requests, watch.failed_requests


# ---------------------------------------------------------------------------------------------------
# Print


PRINT_PDFS = {"alliance/explainer/", "burden-sharing/sma/"}


def test_print_hides_navigation_and_shows_source_links(root, tab, page_rel):
    page, _ = tab(root.url(page_rel))
    page.emulate_media(media="print")
    navs = page.locator("nav, .skip-link")
    shown = [navs.nth(i).evaluate("el => el.outerHTML.slice(0, 80)") for i in range(navs.count()) if navs.nth(i).is_visible()]
    assert not shown, f"navigation is printed: {shown}"
    assert page.locator("main h1").is_visible()
    assert page.locator("main").inner_text().strip()
    links = page.locator(".sources a[href^='http']")
    for i in range(links.count()):
        a = links.nth(i)
        after = a.evaluate("el => getComputedStyle(el, '::after').content")
        assert a.get_attribute("href") in after, f"printed source link does not show its target: {after}"
    if page_rel in PRINT_PDFS:
        page.pdf(path=str(artifacts_dir() / "print" / f"{page_id(page_rel).replace('/', '--')}.pdf"),
                 format="A4", print_background=True)
