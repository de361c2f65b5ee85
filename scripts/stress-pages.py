#!/usr/bin/env python3
"""Builds the sample site with one pathological page added, once per shape, and reports each build's time.

Each shape is a page an editor or an attacker could write, about 64 KB (the size the fuzzers try): many
headings, footnotes, links, wide tables, deep nesting, long lines; many tags, authors or unknown keys in
front matter; or, for work that grew with the square of the input at 600 KB, that size (a YAML flow
mapping on one line, a pipe-table cell of code spans and escaped pipes, headings with ids, links to
missing headings, front matter keys, a data file's list). A build may fail (a broken link is an error)
but must answer quickly: the script exits 1 when any build, or `briefing check` of the same site (which
reads the text for more), takes longer than --limit seconds or crashes (a signal).

    scripts/stress-pages.py [--briefing PATH] [--limit SECONDS]
"""
import argparse
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

N = 64_000
BODIES = {
    "headings": "# a\n" * (N // 4),
    "headings-distinct": "".join(f"## h{i}\n" for i in range(N // 8)),
    "footnote-refs": "x[^1]" * (N // 5) + "\n\n[^1]: note\n",
    "footnotes-many": "".join(f"a[^{i}]\n" for i in range(3000)) + "\n" + "".join(f"[^{i}]: n\n\n" for i in range(3000)),
    "pipe-wide": "|" + "a|" * (N // 6) + "\n|" + "-|" * (N // 6) + "\n",
    "pipe-rows": "|a|b|\n|-|-|\n" + "|1|2|\n" * (N // 6),
    "broken-links-one-line": "[a](/x/)" * (N // 8),
    "broken-reference-links": "".join(f"[l{i}]: /p{i}/\n" for i in range(3000)) + "\n" + "".join(f"[l{i}] " for i in range(3000)),
    "nested-quotes": ">" * (N // 2) + " a\n",
    "nested-lists": "".join("  " * i + "- a\n" for i in range(200)),
    "callouts": "> [!NOTE]\n> x\n\n" * (N // 16),
    "cross-references": "".join(f"Table: T{i} {{#tbl-{i}}}\n\n|a|\n|-|\n|1|\n\n" for i in range(1500))
    + "".join(f"[](table:tbl-{i}) " for i in range(1500)),
    "emphasis": "*a " * (N // 3),
    "brackets": "[" * (N // 2) + "]" * (N // 2),
    "broken-images": "![a](x.png)" * (N // 11),
    "faq": "## FAQ\n\n" + "### q?\n\na\n\n" * (N // 12),
    "raw-html": "<div>\n" * (N // 6),
    "strikethrough": "~~a " * (N // 4),
    "code": "```\n" + "a\n" * (N // 2) + "```\n",
    "entities": "&amp;" * (N // 5),
    # What `check` reads text for: a line of `](` with no `[`, many pieces of Markdown shown as typed, `TK:`s.
    "unopened-links": "](x " * (N // 4),
    "literal-markup": "".join(f"*x* [a{i}][b] " for i in range(N // 14)),
    "placeholders": "ATK: " * (N // 5),
    "pipe-cell-code-escapes": "| a |\n|---|\n|" + "`\\|" * 200_000 + " |\n",
    "heading-ids": "".join(f"## H {{#h{i}}}\n\n" for i in range(50_000)),
    "heading-ids-same": "".join("## H {#same}\n\n" for _ in range(30_000)),
    "broken-fragments": "".join(f"[x](#n{i})\n\n" for i in range(40_000)),
    "broken-fragments-one-line": "".join(f"[x](../alliance/history.md#nope{i}) " for i in range(20_000)),
}
FRONT_MATTER = {
    "tags-many": "tags: [" + ", ".join(f"t{i}" for i in range(6000)) + "]\n",
    "tags-same": "tags: [" + ", ".join("a" for _ in range(12000)) + "]\n",
    "sources-many": "sources:\n" + "".join(f"  - title: S{i}\n    url: https://e.org/{i}\n" for i in range(1500)),
    "authors-many": "authors: [" + ", ".join(f"A{i}" for i in range(6000)) + "]\n",
    "params-deep": "extra: " + "{a: " * 300 + "1" + "}" * 300 + "\n",
    "unknown-keys": "".join(f"k{i}: v\n" for i in range(5000)),
    "misspelt-keys": "".join(f"dat{i}: v\n" for i in range(3000)),
    "flow-mapping-one-line": "region: {" + ", ".join(f"k{i}: 1" for i in range(40_000)) + "}\n",
    "flow-mapping-korean": "region: {" + ", ".join(f"키{i}: 값" for i in range(30_000)) + "}\n",
    "top-level-keys": "".join(f"k{i}: v\n" for i in range(70_000)),
}
# Written as Content/data/stress.yaml beside an ordinary page: a data file is read whether a page uses it or not.
DATA = {
    "data-flow-list": "x: [" + ", ".join(f"v{i}" for i in range(60_000)) + "]\n",
}


def main() -> int:
    parser = argparse.ArgumentParser()
    root = pathlib.Path(__file__).resolve().parent.parent
    parser.add_argument("--briefing", default=str(root / ".build/release/briefing"))
    parser.add_argument("--limit", type=float, default=5.0)
    args = parser.parse_args()
    shapes = [(name, "", body, None) for name, body in BODIES.items()]
    shapes += [(name, front, "Body.\n", None) for name, front in FRONT_MATTER.items()]
    shapes += [(name, "", "Body.\n", data) for name, data in DATA.items()]
    failed = 0
    with tempfile.TemporaryDirectory(prefix="briefing-stress-") as work:
        for name, front, body, data in shapes:
            site = pathlib.Path(work) / name
            shutil.copytree(root / "Content", site / "Content")
            shutil.copytree(root / "Templates", site / "Templates")
            page = site / "Content/news/stress.md"
            page.write_text(f"---\ntitle: Stress\ndate: 2026-01-01\nsummary: s\nauthor: A\n{front}---\n\n{body}")
            if data is not None:
                (site / "Content/data/stress.yaml").write_text(data)
            for command in (["build", "--output", str(site / "Output"), "--quiet"], ["check"]):
                start = time.monotonic()
                result = subprocess.run([args.briefing, command[0], "--source", str(site)] + command[1:], capture_output=True, text=True)
                elapsed = time.monotonic() - start
                first = (result.stderr.strip().splitlines() or [""])[0][:110]
                bad = elapsed > args.limit or result.returncode < 0 or result.returncode > 1
                failed += bad
                print(f"{'SLOW/CRASH ' if bad else ''}{name:24s} {command[0]:5s} exit {result.returncode:3d} {elapsed:6.2f} s  {first}", flush=True)
            shutil.rmtree(site)
    print(f"{len(shapes)} shapes, built and checked, {failed} over {args.limit} s or crashed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
