import Foundation
@testable import BriefingKit

/// The inputs of the adversarial sweep (`HostileInputSweepTests`), each with the message it now gets.
extension HostileInputSweepTests {
    /// Before, `Int` arithmetic on these trapped: exit 132 and no message.
    static let hugeSettings: [Case] = [
        Case(name: "paginate near Int.max", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\npaginate: 9223372036854775807\n", expected: """
        Content/site.yaml:3:11: error: 'paginate' must be a whole number from 1 to 10000
        paginate: 9223372036854775807
                  ^
        """),
        // The message offered true and false, which site.yaml then refused again.
        Case(name: "toc: false in site.yaml", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\ntoc: false\n", expected: """
        Content/site.yaml:3:6: error: 'toc' in site.yaml must be {from: 2, to: 3} with levels 1 to 6 (a page turns its own off with toc: false)
        toc: false
             ^
        """),
        Case(name: "maxPageMB whose bytes overflow", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\nmaxPageMB: 8796093022208\n", expected: """
        Content/site.yaml:3:12: error: 'maxPageMB' must be a whole number from 1 to 1024
        maxPageMB: 8796093022208
                   ^
        """),
    ]

    /// A file where another output needs a folder: the write failed with "Is a directory" and no position.
    static let fileAndFolderCollisions: [Case] = [
        Case(name: "a page with the slug feed.xml", files: "-- Content/feeds.md --\n---\ntitle: Feeds\nslug: feed.xml\n---\n", expected: """
        Content/feeds.md:3:7: error: Content/feeds.md would be written inside feed.xml/, where the Atom feed is written as a file: rename one
        slug: feed.xml
              ^
        """),
        Case(name: "a page with the slug index.html", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nslug: index.html\n---\n", expected: """
        Content/deterrence/bad.md:3:7: error: Content/deterrence/bad.md would be written inside deterrence/index.html/, where the page of Content/deterrence/ is written as a file: rename one
        slug: index.html
              ^
        """),
        Case(name: "a page named like the image beside it", files: "-- Content/deterrence/map.svg --\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"3\"></svg>\n-- Content/deterrence/bad.md --\n---\ntitle: Bad\nslug: map.svg\n---\n", expected: """
        Content/deterrence/bad.md:3:7: error: Content/deterrence/bad.md would be written inside deterrence/map.svg/, where Content/deterrence/map.svg is written as a file: rename one
        slug: map.svg
              ^
        """),
    ]

    static let positions: [Case] = [
        // A 200,000-row CSV passed the renderer's work limit, reported at the partial alone.
        Case(name: "a table the theme cannot render, at its directive", files: """
        -- Templates/partials/data-table.html --
        <table>{{#rows}}{{missing}}{{/rows}}</table>
        -- Content/data/t.csv --
        A,B
        1,2
        -- Content/deterrence/tab.md --
        ---
        title: Tab
        ---
        ```table
        data: t.csv
        caption: T
        source: X
        ```
        """, expected: """
        Content/deterrence/tab.md:4:1: error: the theme could not render this table of t.csv (1 row, 2 columns): Templates/partials/data-table.html:1:17: unknown variable 'missing'
        ```table
        ^
        """),
        // A 5,000 × 50 pipe table did the same.
        Case(name: "a pipe table the theme cannot render, at its header row", files: """
        -- Templates/partials/data-table.html --
        <table>{{#rows}}{{missing}}{{/rows}}</table>
        -- Content/deterrence/tab.md --
        ---
        title: Tab
        ---
        Before.
        | A | B |
        |---|---|
        | 1 | 2 |
        """, expected: """
        Content/deterrence/tab.md:5:1: error: the theme could not render this table (1 row, 2 columns): Templates/partials/data-table.html:1:17: unknown variable 'missing'
        | A | B |
        ^
        """),
        Case(name: "a slug longer than a file name may be", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nslug: \(String(repeating: "a", count: 256))\n---\n", expected: """
        Content/deterrence/bad.md:3:7: error: slug '\(String(repeating: "a", count: 256))' must be one path segment of letters, digits, '-', '_' or '.', of at most 255 bytes
        slug: \(String(repeating: "a", count: 114))…
              ^
        """),
        Case(name: "a tag longer than a folder name may be", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\ntags: [ok, \(String(repeating: "t", count: 300))]\n---\n", expected: """
        Content/deterrence/bad.md:3:12: error: a tag may have at most 255 bytes (this one has 300): it names its page's folder
        tags: [ok, \(String(repeating: "t", count: 109))…
                   ^
        """),
        Case(name: "a duplicate key, at the repeat", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\ndate: 2026-01-01\ntitle: Worse\n---\n", expected: """
        Content/deterrence/bad.md:4:1: error: invalid YAML: 'title' is given twice, on lines 2 and 4: keep one
        title: Worse
        ^
        """),
        Case(
            name: "several duplicate keys, each with its lines, at the first repeat",
            files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nsummary: One\n\"summary\": Two\ntitle: Worse\nsummary: Three\n---\n", expected: """
            Content/deterrence/bad.md:4:1: error: invalid YAML: 'summary' is given 3 times, on lines 3, 4 and 6; 'title' is given twice, on lines 2 and 5: keep one of each
            "summary": Two
            ^
            """
        ),
        Case(name: "duplicate keys with a blank line between, each named", files: "-- Content/data/extra.yaml --\nb: 1\n\nb: 2\na: 3\na: 4\n", expected: """
        Content/data/extra.yaml:3:1: error: invalid YAML: 'b' is given twice, on lines 1 and 3; 'a' is given twice, on lines 4 and 5: keep one of each
        b: 2
        ^
        """),
        Case(name: "a title that starts with YAML's syntax, with the line to write", files: "-- Content/deterrence/bad.md --\n---\ntitle: @handle speaks\n---\n", expected: """
        Content/deterrence/bad.md:2:1: error: invalid YAML: a value that starts with '@' reads as YAML's own syntax, not as text; put it in quotes: title: "@handle speaks"
        title: @handle speaks
        ^
        """),
        Case(name: "a title that starts with a bracketed word", files: "-- Content/deterrence/bad.md --\n---\ntitle: [Breaking] Talks end\n---\n", expected: """
        Content/deterrence/bad.md:2:1: error: invalid YAML: a value that starts with '[' reads as YAML's own syntax, not as text; put it in quotes: title: "[Breaking] Talks end"
        title: [Breaking] Talks end
        ^
        """),
        Case(name: "a title under a tag of the editor's own", files: "-- Content/deterrence/bad.md --\n---\ntitle: !important news\n---\n", expected: """
        Content/deterrence/bad.md:2:8: error: '!important' before this value is a YAML tag, so the value is 'news' alone: put the whole value in quotes if it is text
        title: !important news
               ^
        """),
        Case(name: "a Hugo page bundle's index.md", files: "-- Content/deterrence/my-post/index.md --\n---\ntitle: Bundle\n---\nText.\n", expected: """
        Content/deterrence/my-post/index.md:1:1: error: a page named index.md is published at deterrence/my-post/index/ (pages take their file's name): name it my-post.md in the folder above, or _index.md if it is the section's own page
        ---
        ^
        """),
        Case(name: "Jekyll's drafts folder", files: "-- Content/_drafts/embargo.md --\n---\ntitle: Embargo\n---\nText.\n", expected: """
        Content/_drafts/embargo.md:1:1: error: Content/_drafts/ is published like any folder (Jekyll leaves its _drafts out): give this page 'draft: true', or move it to the section it is to be published in
        ---
        ^
        """),
        Case(name: "a duplicate key in a mapping on one line, at the repeat", files: "-- Content/data/extra.yaml --\nbase: {name: A, \"size\": 1, name: B}\n", expected: """
        Content/data/extra.yaml:1:28: error: invalid YAML: 'name' is given twice in this mapping: keep one
        base: {name: A, "size": 1, name: B}
                                   ^
        """),
        Case(name: "a duplicate key after a tab, at the repeat", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\ndate: 2026-01-01\ntitle\t: Worse\n---\n", expected: """
        Content/deterrence/bad.md:4:1: error: invalid YAML: 'title' is given twice, on lines 2 and 4: keep one
        title\t: Worse
        ^
        """),
        Case(name: "a duplicate key in one record of a list", files: "-- Content/data/bases.yaml --\n- name: A\n  size: 1\n- name: B\n  size: 2\n  name: C\n", expected: """
        Content/data/bases.yaml:5:3: error: invalid YAML: 'name' is given twice, on lines 3 and 5: keep one
          name: C
          ^
        """),
        Case(name: "a form feed in front matter, at its column", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nauthor: \"A\u{C}B\"\n---\n", expected: """
        Content/deterrence/bad.md:3:11: error: invalid YAML: control characters are not allowed
        author: "A␌B"
                  ^
        """),
    ]

    /// Characters HTML forbids reached pages: raw in Markdown or CSV, or made by a YAML or JSON escape;
    /// a NUL among them cut a transform's HTML short inside an attribute (`caption: "Key figures\0"`).
    static let forbiddenCharacters: [Case] = [
        Case(name: "a NUL in a CSV cell", files: "-- Content/data/troops.csv --\nYear,Troops,Source,Source URL\n2025,1,DoD,\"https://a.example/?q=\u{0}\"\n", expected: """
        Content/data/troops.csv:2:34: error: U+0000 (a control character) is not text a page may show: remove it
        2025,1,DoD,"https://a.example/?q=␀"
                                         ^
        """),
        Case(name: "a C1 control in a page's text", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\nIt\u{92}s here.\n", expected: """
        Content/deterrence/bad.md:4:3: error: U+0092 (a control character, most often a Windows-1252 quote or dash read wrongly) is not text a page may show: remove it
        It\u{FFFD}s here.
          ^
        """),
        Case(name: "a YAML escape of NUL in a table's caption", files: "-- Content/data/troops.csv --\nYear,Troops\n2025,28500\n-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n```table\ndata: troops.csv\ncaption: \"Troops\\0\"\n```\n", expected: """
        Content/deterrence/bad.md:6:10: error: an escape in this text makes U+0000 (a control character), which no page may show: remove it
        caption: "Troops\\0"
                 ^
        """),
        Case(name: "a JSON escape of a noncharacter", files: "-- Content/data/odd.json --\n{\"t\": \"a\\uFFFFb\"}\n", expected: """
        Content/data/odd.json:1:9: error: invalid JSON: this escape makes U+FFFF (not a character), which no page may show: remove it
        {"t": "a\\uFFFFb"}
                ^
        """),
        Case(name: "a footnote cited in a pipe table's cell", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\nIntro.\n\n| a | b |\n|---|---|\n| x | y[^zz] |\n", expected: """
        Content/deterrence/bad.md:8:8: error: footnote '[^zz]' is not defined: add a line '[^zz]: …' (defined here: none)
        | x | y[^zz] |
               ^
        """),
    ]

    /// cmark wrote these as `href=""` in safe mode, silently, and as they are with `unsafe: true`.
    static let scriptLinks: [Case] = [
        Case(name: "a javascript: link with unsafe: true", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\nmarkdown:\n  unsafe: true\n-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\nSee [this](javascript:alert(1)).\n", expected: """
        Content/deterrence/bad.md:4:5: error: link: the URL 'javascript:alert(1)' uses 'javascript:', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)
        See [this](javascript:alert(1)).
            ^
        """),
        // Read as a browser decodes the attribute: it was "leads to nothing this site publishes".
        Case(name: "a raw HTML href of javascript:, entity-encoded, with unsafe: true", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\nmarkdown:\n  unsafe: true\n-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>\n", expected: """
        Content/deterrence/bad.md:4:1: error: link: the URL 'javascript:alert(1)' uses 'javascript:', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)
        <a href="&#x6A;avascript&colon;alert(1)">x</a>
        ^
        """),
        Case(name: "a data: image, entity-encoded", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n![x](&#100;ata:text/html,x)\n", expected: """
        Content/deterrence/bad.md:4:1: error: image: the URL 'data:text/html,x' uses 'data:', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)
        ![x](&#100;ata:text/html,x)
        ^
        """),
    ]

    static let multilingual = "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\nlanguages:\n  en:\n    name: English\n  ko:\n    name: 한국어\n"

    /// From a second sweep: what built without a word and then went wrong on another machine or in a
    /// reader's browser, or lost data.
    static let silentLosses: [Case] = [
        Case(name: "two pages whose paths differ only in case", files: "-- Content/deterrence/Tripwire.md --\n---\ntitle: Other\n---\n", expected: """
        Content/deterrence/Tripwire.md:1:1: error: 'deterrence/Tripwire/' and 'deterrence/tripwire/' differ only in case: on macOS and Windows they are one folder, and one would replace or mix with the other; rename one
        """),
        Case(name: "a CSV header naming a column twice", files: "-- Content/data/troops.csv --\nYear,Year,Troops\n1,2,3\n", expected: """
        Content/data/troops.csv:1:6: error: columns 1 and 2 of the header are both named 'Year': every column needs its own name
        Year,Year,Troops
             ^
        """),
        Case(name: "a language prefix that is a hidden folder", files: multilingual + "    prefix: .ko\n", expected: """
        Content/site.yaml:8:13: error: 'languages.ko.prefix' must be a folder name of letters, digits, '-', '_' or '.', not starting with '.' (or folders of such names: 'intl/ko'), or empty for the root
            prefix: .ko
                    ^
        """),
        Case(name: "two languages at one prefix, at the second", files: multilingual + "    prefix: \"\"\n", expected: """
        Content/site.yaml:8:13: error: languages 'en' and 'ko' have the same prefix ''
            prefix: ""
                    ^
        """),
        Case(name: "a language code in capitals in a file name", files: multilingual + "-- Content/deterrence/tripwire.KO.md --\n---\ntitle: 인계철선\n---\n", expected: """
        Content/deterrence/tripwire.KO.md:1:1: error: 'KO' in the file name reads as the language 'ko' in other letters: write it 'ko', as site.yaml does
        ---
        ^
        """),
    ]
}
