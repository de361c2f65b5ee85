"""Helpers shared by the end-to-end tests: where the built sites are, what their pages are, and a small
HTML reader and HTTP client that use nothing but the standard library."""

from __future__ import annotations

import os
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"

WIDTHS = (1280, 390)
SCHEMES = ("light", "dark")
VIEWPORT_HEIGHT = {1280: 800, 390: 844, 320: 640}


def env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"{name} is not set: run the suite with `bash .ci/e2e.sh`")
    return value


@dataclass(frozen=True)
class Site:
    """One build of the sample site, served over HTTP."""

    name: str  # "root" or "sub"
    base_url: str  # ends with "/"
    directory: Path

    @property
    def origin(self) -> str:
        parts = urllib.parse.urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def base_path(self) -> str:
        return urllib.parse.urlsplit(self.base_url).path

    def url(self, rel: str) -> str:
        return self.base_url + rel

    def file(self, rel: str) -> Path:
        if rel == "" or rel.endswith("/"):
            return self.directory / rel / "index.html"
        return self.directory / rel

    def sitemap_locs(self) -> list[str]:
        root = ET.parse(self.directory / "sitemap.xml").getroot()
        return [loc.text.strip() for loc in root.iter(f"{{{SITEMAP_NS}}}loc")]

    def pages(self) -> list[str]:
        """Every page of the sitemap, as paths relative to the base URL, then the 404 pages (one a language)."""
        rels = []
        for loc in self.sitemap_locs():
            if not loc.startswith(self.base_url):
                raise AssertionError(f"sitemap URL {loc} is not under {self.base_url}")
            rels.append(loc[len(self.base_url):])
        not_found = sorted(p.relative_to(self.directory).as_posix() for p in self.directory.rglob("404.html")
                           if not any(part.startswith(".") for part in p.relative_to(self.directory).parts))
        return rels + not_found

    def html_files(self) -> list[Path]:
        return sorted(
            p for p in self.directory.rglob("*.html")
            if not any(part.startswith(".") for part in p.relative_to(self.directory).parts)
        )


def root_site() -> Site:
    return Site("root", env("E2E_BASE_URL"), Path(env("E2E_SITE_DIR")))


def sub_site() -> Site:
    return Site("sub", env("E2E_SUB_BASE_URL"), Path(env("E2E_SUB_SITE_DIR")))


def theme_word(key: str, lang: str) -> str:
    """A word of the default theme in a language, from Templates/i18n/<lang>.yaml (flat `key: "text"` lines)."""
    table = Path(__file__).resolve().parents[2] / "Templates" / "i18n" / f"{lang}.yaml"
    for line in table.read_text(encoding="utf-8").splitlines():
        if line.startswith(key + ":"):
            return line.split(":", 1)[1].strip().strip('"')
    raise KeyError(f"{key} not in {table}")


def page_lang(page) -> str:
    return page.evaluate("document.documentElement.lang")


def page_id(rel: str) -> str:
    return rel.strip("/").removesuffix(".html") or "home"


def artifacts_dir() -> Path:
    return Path(env("E2E_ARTIFACTS"))


# ---------------------------------------------------------------------------------------------------
# HTML


@dataclass
class ParsedPage:
    urls: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, value)
    ids: set[str] = field(default_factory=set)
    json_ld: list[str] = field(default_factory=list)
    canonical: str | None = None
    classes: Counter = field(default_factory=Counter)


class _Reader(HTMLParser):
    URL_ATTRIBUTES = {
        ("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"),
        ("iframe", "src"), ("video", "src"), ("audio", "src"), ("video", "poster"), ("form", "action"),
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._in_json_ld = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a and a["id"] is not None:
            self.page.ids.add(a["id"])
        for cls in (a.get("class") or "").split():
            self.page.classes[cls] += 1
        for name, value in attrs:
            if (tag, name) in self.URL_ATTRIBUTES and value is not None:
                self.page.urls.append((tag, name, value))
            if name == "srcset" and value:
                for candidate in value.split(","):
                    if candidate.strip():
                        self.page.urls.append((tag, "srcset", candidate.split()[0]))
        if tag == "link" and (a.get("rel") or "").lower() == "canonical":
            self.page.canonical = a.get("href")
        if tag == "script" and (a.get("type") or "").lower() == "application/ld+json":
            self._in_json_ld = True
            self._buffer = []

    def handle_endtag(self, tag):
        if tag == "script" and self._in_json_ld:
            self.page.json_ld.append("".join(self._buffer))
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self._buffer.append(data)


def parse_html(text: str) -> ParsedPage:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.page


# ---------------------------------------------------------------------------------------------------
# HTTP


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes
    final_url: str


_http_cache: dict[str, Response] = {}


def fetch(url: str) -> Response:
    """GET a URL on the local servers (cached: the sites do not change during a run)."""
    url = urllib.parse.urldefrag(url)[0]
    if url not in _http_cache:
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                _http_cache[url] = Response(r.status, r.headers.get("Content-Type", ""), r.read(), r.geturl())
        except urllib.error.HTTPError as e:
            _http_cache[url] = Response(e.code, e.headers.get("Content-Type", ""), e.read(), url)
    return _http_cache[url]


# ---------------------------------------------------------------------------------------------------
# What the run found, for the closing summary


class Stats:
    pages: set[str] = set()
    sub_pages: set[str] = set()
    axe_by_impact: Counter = Counter()  # violations (rule × page × variant) by impact
    axe_nodes_by_impact: Counter = Counter()
    axe_rules: defaultdict = defaultdict(set)  # rule id -> {page id}
    axe_runs: int = 0
    vnu_errors: Counter = Counter()  # file -> count
    vnu_warnings: Counter = Counter()
    vnu_files: int = 0
    screenshots: int = 0
    links_checked: int = 0
    external_links: set[str] = set()

    SETS = ("pages", "sub_pages", "external_links")
    COUNTERS = ("axe_by_impact", "axe_nodes_by_impact")
    BY_FILE = ("vnu_errors", "vnu_warnings")  # the same file may be counted by two processes: not summed
    NUMBERS = ("axe_runs", "screenshots", "links_checked")

    @classmethod
    def dump(cls) -> dict:
        d = {k: sorted(getattr(cls, k)) for k in cls.SETS}
        d.update({k: dict(getattr(cls, k)) for k in cls.COUNTERS + cls.BY_FILE})
        d.update({k: getattr(cls, k) for k in cls.NUMBERS})
        d["axe_rules"] = {k: sorted(v) for k, v in cls.axe_rules.items()}
        d["vnu_files"] = cls.vnu_files
        return d

    @classmethod
    def merge(cls, dumps: list[dict]) -> None:
        """Replace this process's figures by the sum of the dumps of every process (this one's included)."""
        if not dumps:
            return
        for k in cls.SETS:
            setattr(cls, k, set().union(*(set(d[k]) for d in dumps)))
        for k in cls.COUNTERS:
            setattr(cls, k, sum((Counter(d[k]) for d in dumps), Counter()))
        for k in cls.BY_FILE:
            merged: dict[str, int] = {}
            for d in dumps:
                for f, n in d[k].items():
                    merged[f] = max(n, merged.get(f, 0))
            setattr(cls, k, Counter(merged))
        for k in cls.NUMBERS:
            setattr(cls, k, sum(d[k] for d in dumps))
        rules = defaultdict(set)
        for d in dumps:
            for rule, pages in d["axe_rules"].items():
                rules[rule].update(pages)
        cls.axe_rules = rules
        cls.vnu_files = max(d["vnu_files"] for d in dumps)
