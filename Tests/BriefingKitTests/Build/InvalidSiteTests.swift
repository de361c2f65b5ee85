import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

/// One broken site per kind of bad input: each build must fail with exactly this message, exit 1,
/// and leave the previous Output/ byte for byte as it was.
@Suite struct InvalidSiteTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: String
        var expected: String
        var testDescription: String { name }
    }

    static let goodSite = """
    -- Content/site.yaml --
    title: Briefing
    baseURL: https://example.org/
    -- Content/_index.md --
    ---
    title: Home
    ---
    Welcome.
    -- Content/deterrence/tripwire.md --
    ---
    title: Tripwire
    date: 2026-01-01
    ---
    ## Why it works
    Troops.
    """

    static let cases: [Case] = [
        Case(name: "malformed YAML", files: "-- Content/deterrence/bad.md --\n---\ntitle: [unclosed\n---\nText", expected: """
        Content/deterrence/bad.md:2:8: error: invalid YAML: this '[' opens a list that is never closed: end it with ']', or put the value in quotes if it is text
        title: [unclosed
               ^
        """),
        Case(name: "author and authors", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nauthor: A\nauthors: [B, C]\n---\n", expected: """
        Content/deterrence/bad.md:4:1: error: 'author' and 'authors' are both given: list every author under 'authors'
        authors: [B, C]
        ^
        """),
        Case(name: "an unknown key of toc", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\ntoc: {from: 2, too: 3}\n---\n", expected: """
        Content/deterrence/bad.md:3:16: error: unknown key 'too' in 'toc' (use from and to, like {from: 2, to: 3})
        toc: {from: 2, too: 3}
                       ^
        """),
        Case(name: "wrong type", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nweight: heavy\n---\n", expected: """
        Content/deterrence/bad.md:3:9: error: 'weight' must be a whole number, not 'heavy'
        weight: heavy
                ^
        """),
        Case(name: "missing title", files: "-- Content/deterrence/bad.md --\n---\ndate: 2026-01-01\n---\nText", expected: """
        Content/deterrence/bad.md:1:1: error: missing 'title' in the front matter; every page needs one
        ---
        ^
        """),
        Case(name: "bad date", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\ndate: 2026-13-01\n---\n", expected: """
        Content/deterrence/bad.md:3:7: error: 'date' 2026-13-01 is no day of the calendar: check the month and the day
        date: 2026-13-01
              ^
        """),
        Case(name: "link to a missing page", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n\nSee [the SMA](../burden-sharing/sma.md).", expected: """
        Content/deterrence/bad.md:5:5: error: link to a missing page '../burden-sharing/sma.md' (no file Content/burden-sharing/sma.md)
        See [the SMA](../burden-sharing/sma.md).
            ^
        """),
        Case(name: "link to a missing fragment", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\nSee [why](tripwire.md#why-it-fails).", expected: """
        Content/deterrence/bad.md:4:5: error: link to '#why-it-fails', but Content/deterrence/tripwire.md has no heading with that id
        See [why](tripwire.md#why-it-fails).
            ^
        """),
        Case(name: "link out of Content", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n[x](../../../etc/passwd.md)", expected: """
        Content/deterrence/bad.md:4:1: error: link '../../../etc/passwd.md' leads out of the Content folder
        [x](../../../etc/passwd.md)
        ^
        """),
        Case(name: "slug that escapes its folder", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nslug: ../../outside\n---\n", expected: """
        Content/deterrence/bad.md:3:7: error: slug '../../outside' must be one path segment of letters, digits, '-', '_' or '.', such as slug: outside
        slug: ../../outside
              ^
        """),
        // Words and a year in brackets, as a title is written: the message gives the slug to write.
        Case(name: "a slug written as a title", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nslug: 관세 협상 (2026)\n---\n", expected: """
        Content/deterrence/bad.md:3:7: error: slug '관세 협상 (2026)' must be one path segment of letters, digits, '-', '_' or '.', such as slug: 관세-협상-2026
        slug: 관세 협상 (2026)
              ^
        """),
        // A hidden folder at the root took the name of the build's own files: the page was lost, or every
        // later build failed writing over `.briefing-manifest`.
        Case(name: "slug of a hidden folder", files: "-- Content/about.md --\n---\ntitle: About\nslug: .briefing-manifest\n---\n", expected: """
        Content/about.md:3:7: error: slug '.briefing-manifest' may not start with '.': the page would be published in a hidden folder, which many hosts do not serve
        slug: .briefing-manifest
              ^
        """),
        Case(name: "slug in decomposed letters", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nslug: \("crème".decomposedStringWithCanonicalMapping)\n---\n", expected: """
        Content/deterrence/bad.md:3:7: error: slug '\("crème".decomposedStringWithCanonicalMapping)' is written with decomposed letters (Unicode NFD), which would make URLs that look alike but differ; type it again
        slug: \("crème".decomposedStringWithCanonicalMapping)
              ^
        """),
        Case(name: "unknown layout", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nlayout: ../../etc/passwd\n---\n", expected: """
        Content/deterrence/bad.md:3:9: error: layout '../../etc/passwd' not found in Templates/layouts/ (known: 404, base, home, page, section)
        layout: ../../etc/passwd
                ^
        """),
        Case(name: "two pages with one URL", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nslug: tripwire\n---\n", expected: """
        Content/deterrence/bad.md:3:7: error: two pages have the URL '/deterrence/tripwire/': this one and Content/deterrence/tripwire.md
        slug: tripwire
              ^
        """),
        Case(name: "template syntax error", files: "-- Templates/layouts/page.html --\n{{<base}}{{$main}}{{#page.title}}{{/main}}{{/base}}", expected: """
        Templates/layouts/page.html:1:34: error: closing tag 'main' does not match open section 'page.title'
        {{<base}}{{$main}}{{#page.title}}{{/main}}{{/base}}
                                         ^
        """),
        Case(name: "unknown variable in strict mode", files: "-- Templates/layouts/page.html --\n{{<base}}{{$main}}<h1>{{page.titel}}</h1>{{/main}}{{/base}}", expected: """
        Templates/layouts/page.html:1:23: error: unknown variable 'page.titel' (rendering Content/deterrence/tripwire.md)
        {{<base}}{{$main}}<h1>{{page.titel}}</h1>{{/main}}{{/base}}
                              ^
        """),
        Case(name: "unknown partial", files: "-- Templates/layouts/page.html --\n{{<base}}{{$main}}\n  {{> sidebar}}{{/main}}{{/base}}", expected: """
        Templates/layouts/page.html:2:3: error: unknown partial 'sidebar'
          {{> sidebar}}{{/main}}{{/base}}
          ^
        """),
        Case(name: "tab in YAML indentation", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nsources:\n\t- title: A source\n---\n", expected: """
        Content/deterrence/bad.md:4:1: error: invalid YAML: a tab in the indentation; YAML is indented with spaces only
        \t- title: A source
        ^
        """),
        Case(name: "unclosed template tag", files: "-- Templates/layouts/page.html --\n{{<base}}{{$main}}<h1>{{page.title</h1>{{/main}}{{/base}}", expected: """
        Templates/layouts/page.html:1:23: error: unclosed tag
        {{<base}}{{$main}}<h1>{{page.title</h1>{{/main}}{{/base}}
                              ^
        """),
        Case(name: "partial name that climbs out", files: "-- Templates/layouts/page.html --\n{{<base}}{{$main}}{{> ../../Content/site}}{{/main}}{{/base}}", expected: """
        Templates/layouts/page.html:1:19: error: unknown partial '../../Content/site'
        {{<base}}{{$main}}{{> ../../Content/site}}{{/main}}{{/base}}
                          ^
        """),
        Case(name: "unknown figure", files: "-- Content/data/figures.yaml --\ntroops:\n  value: \"28,500\"\n  label: Troops\n  source: DefenseTech.org\n-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\nAbout [](figure:trops).", expected: """
        Content/deterrence/bad.md:4:7: error: unknown figure 'trops' (figures.yaml defines: troops)
        About [](figure:trops).
              ^
        """),
        Case(name: "missing data file", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n```table\ndata: troops.csv\n```", expected: """
        Content/deterrence/bad.md:5:7: error: data file 'troops.csv' not found in Content/data/ (there: none)
        data: troops.csv
              ^
        """),
        Case(name: "CSV with an unterminated quote", files: "-- Content/data/troops.csv --\nYear,Troops\n2025,\"28,500\n", expected: """
        Content/data/troops.csv:2:6: error: unterminated quoted field: add the closing "
        2025,"28,500
             ^
        """),
        Case(name: "data file path traversal", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n```table\ndata: ../site.yaml\n```", expected: """
        Content/deterrence/bad.md:5:7: error: 'data' names a file directly in Content/data/, without folders or '..'
        data: ../site.yaml
              ^
        """),
        Case(name: "a relative url in figures.yaml", files: "-- Content/data/figures.yaml --\ntroops:\n  value: \"28,500\"\n  label: Troops\n  source: DoD\n  url: ../reports/troops.pdf\n", expected: """
        Content/data/figures.yaml:5:8: error: 'url' of figure 'troops': the URL '../reports/troops.pdf' is relative, and a data file's address is read from every page that shows it: write it from the site's root (/reports/troops.pdf) or in full (https://…)
          url: ../reports/troops.pdf
               ^
        """),
        Case(name: "a relative Source URL in a CSV file", files: "-- Content/data/troops.csv --\nYear,Troops,Source,Source URL\n2025,28500,DoD,reports/2025.pdf\n", expected: """
        Content/data/troops.csv:2:16: error: 'Source URL': the URL 'reports/2025.pdf' is relative, and a data file's address is read from every page that shows it: write it from the site's root (/reports/2025.pdf) or in full (https://…)
        2025,28500,DoD,reports/2025.pdf
                       ^
        """),
        Case(name: "a figure's url from the root that leads to nothing", files: "-- Content/data/figures.yaml --\ntroops:\n  value: \"28,500\"\n  label: Troops\n  source: DoD\n  url: /reports/troops.pdf\n-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\nAbout [](figure:troops) troops.\n", expected: """
        Content/deterrence/bad.md:4:7: error: figure 'troops': its url '/reports/troops.pdf', given at Content/data/figures.yaml:5:8, leads to nothing this site publishes
        About [](figure:troops) troops.
              ^
        """),
        Case(name: "a figure's url from the root that leads to nothing, in a table block", files: "-- Content/data/figures.yaml --\n# Key figures\ntroops:\n  value: \"28,500\"\n  label: Troops\n  source: DoD\n  url: /reports/troops.pdf\n-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n```table\nfigures: [troops]\n```\n", expected: """
        Content/deterrence/bad.md:4:1: error: link '/reports/troops.pdf', given at Content/data/figures.yaml:6:8, leads to nothing this site publishes
        ```table
        ^
        """),
        Case(name: "a section folder where the tags go", files: "-- Content/tags/x.md --\n---\ntitle: X\ntags: [a]\n---\nx\n", expected: """
        Content/tags:1:1: error: the page of Content/tags/ and the index of tags would both be written to tags/index.html: rename or remove one
        """),
        Case(name: "a link with no address", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\nSee [the SCM page]().\n", expected: """
        Content/deterrence/bad.md:4:5: error: link 'the SCM page' has no address: write where it leads between the parentheses
        See [the SCM page]().
            ^
        """),
        Case(name: "bad site.yaml", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: ftp://example.org/\n", expected: """
        Content/site.yaml:2:10: error: 'baseURL' must be an http(s) URL or a path starting with '/', like https://example.org/briefings/: its scheme is 'ftp'
        baseURL: ftp://example.org/
                 ^
        """),
        // The home page's address copied from a browser: every page was published under `index.html/`.
        Case(name: "a baseURL that ends in a page's file name", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/briefings/index.html\n", expected: """
        Content/site.yaml:2:10: error: baseURL 'https://example.org/briefings/index.html' ends in what reads as a file's name ('index.html'), under which every page would be published ('index.html/…'): give the folder the site is published in, https://example.org/briefings/, or end a folder's name with '/' (https://example.org/briefings/index.html/)
        baseURL: https://example.org/briefings/index.html
                 ^
        """),
    ]

    /// What `build` prints for one error and the warnings before it: the page's other front matter
    /// warnings come in the same run.
    static func stderr(_ expected: String) -> String {
        let warnings = expected.components(separatedBy: ": warning: ").count - 1
        return expected + (warnings == 0 ? "\n1 error\n" : "\n1 error, \(warnings) warning\(warnings == 1 ? "" : "s")\n")
    }

    @Test(arguments: cases)
    func failsWithAPositionAndLeavesOutputAlone(_ testCase: Case) async throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        let first = try await BriefingCommand.run(["build", "--source", fixture.root.path])
        #expect(first.status == 0, "\(first.stderr)")
        let before = fixture.outputSnapshot()
        #expect(before["deterrence/tripwire/index.html"] != nil)

        try fixture.write(testCase.files)
        let result = try await BriefingCommand.run(["build", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr == InvalidSiteTests.stderr(testCase.expected))
        #expect(result.stdout.isEmpty)
        #expect(fixture.outputSnapshot() == before)
    }

    /// The body store and the staging folder both live in the output folder: a first build that fails
    /// in the Markdown stage or in the template stage must not leave one behind.
    @Test(arguments: [
        "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n[x](missing.md)",
        "-- Templates/layouts/page.html --\n{{<base}}{{$main}}{{page.titel}}{{/main}}{{/base}}",
    ])
    func aFailedFirstBuildLeavesNoOutputFolder(_ files: String) throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        try fixture.write(files)
        #expect(!fixture.failure().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("Output").path))
    }

    @Test func invalidUTF8IsAnErrorAtTheByte() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        try fixture.build()
        let before = fixture.outputSnapshot()
        try fixture.writeBytes(Array("---\ntitle: Bad\n---\nCaf".utf8) + [0xE9] + Array(" au lait\n".utf8), to: "Content/deterrence/bad.md")
        #expect(fixture.failure() == ["Content/deterrence/bad.md:4:4: error: invalid UTF-8 (byte 0xE9); save the file as UTF-8\nCaf� au lait\n   ^"])
        #expect(fixture.outputSnapshot() == before)
        // Saved as UTF-16 (Notepad's "Unicode"), the file says so by its byte-order mark.
        try fixture.writeBytes([0xFF, 0xFE] + Array("---\ntitle: Bad\n---\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, to: "Content/deterrence/bad.md")
        #expect(fixture.failure().first?.hasPrefix("Content/deterrence/bad.md:1:1: error: the file is in UTF-16 (it starts with a byte-order mark): save it as UTF-8") == true)
    }

    @Test func anEmptyFileNeedsATitle() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        try fixture.build()
        let before = fixture.outputSnapshot()
        try fixture.writeBytes([], to: "Content/deterrence/empty.md")
        #expect(fixture.failure() == ["Content/deterrence/empty.md:1:1: error: missing 'title' in the front matter; every page needs one\n\n^"])
        #expect(fixture.outputSnapshot() == before)
    }

    /// Input that builds but that no reader can use is a warning, and the build still succeeds. CI's
    /// address-sanitizer run sets BRIEFING_SKIP_HUGE_INPUT: the plain run covers it in seconds, ASan in minutes.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BRIEFING_SKIP_HUGE_INPUT"] == nil))
    func aFiftyMegabytePageAndTenThousandNestedQuotesBuildWithWarnings() async throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        let paragraph = String(repeating: "The alliance has lasted seventy years, and [it](https://example.org/) *still* matters. ", count: 8) + "\n\n"
        var huge = "---\ntitle: Huge\n---\n"
        huge.reserveCapacity(50 * 1_048_576 + paragraph.utf8.count)
        while huge.utf8.count < 50 * 1_048_576 { huge += paragraph }
        try fixture.writeBytes(Array(huge.utf8), to: "Content/deterrence/huge.md")
        try fixture.writeBytes(Array(("---\ntitle: Deep\n---\n" + String(repeating: "> ", count: 10_000) + "bottom\n").utf8), to: "Content/deterrence/deep.md")
        let result = try await BriefingCommand.run(["build", "--source", fixture.root.path, "--quiet"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "Content/deterrence/deep.md:4:33: warning: quotes nested more than 16 deep; readers cannot follow them")
        #expect(lines.contains("Content/deterrence/huge.md:1:1: warning: page is 50.0 MB; over 5 MB it slows every build and every reader: split it"))
        #expect(lines.last == "2 warnings")
        #expect(fixture.output("deterrence/deep/index.html")?.contains("<p>bottom</p>") == true)
    }

    @Test func aSymlinkOutOfContentIsRefused() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        try fixture.build()
        let before = fixture.outputSnapshot()
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("Content/deterrence/passwd.md").path, withDestinationPath: "/etc/passwd"
        )
        let messages = fixture.failure()
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("Content/deterrence/passwd.md:1:1: error: 'Content/deterrence/passwd.md' is a link to '/etc/passwd', outside Content/") == true)
        #expect(fixture.outputSnapshot() == before)
    }

    @Test func allErrorsOfAStageAreReportedTogether() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + """

        -- Content/a.md --
        ---
        date: nope
        ---
        -- Content/b.md --
        ---
        title: [
        ---
        """)
        let messages = fixture.failure()
        #expect(messages.count == 3)
        #expect(messages.first?.hasPrefix("Content/a.md:1:1: error: missing 'title' in the front matter") == true)
        #expect(messages.dropFirst().first?.hasPrefix("Content/a.md:2:7: error: 'date' is not a valid date") == true)
        #expect(messages.last?.hasPrefix("Content/b.md:") == true)
    }

    /// One page's front matter error hid every other mistake of the site: an editor fixed it, built again,
    /// and only then learnt of the broken links. The page stands in under its file's name, so links to it
    /// resolve and its body is checked; the build fails all the same, writing nothing.
    @Test func aFrontMatterErrorHidesNoOtherMistake() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        _ = try fixture.build()
        let before = fixture.outputSnapshot()
        try fixture.write("""
        -- Content/deterrence/a.md --
        ---
        title: "Unclosed
        date: 2026-01-02
        ---
        A [broken link](nowhere.md).
        -- Content/deterrence/b.md --
        ---
        title: B
        date: 2026-01-02
        ---
        See [a](a.md) and [gone](gone.md).
        """)
        let messages = fixture.failure().map { $0.components(separatedBy: "\n")[0] }
        #expect(messages == [
            ##"Content/deterrence/a.md:2:8: error: invalid YAML: this " is never closed: end the value with " (a " inside it is written \")"##,
            "Content/deterrence/a.md:5:3: error: link to a missing page 'nowhere.md' (no file Content/deterrence/nowhere.md)",
            "Content/deterrence/b.md:5:19: error: link to a missing page 'gone.md' (no file Content/deterrence/gone.md)",
        ])
        #expect(fixture.outputSnapshot() == before)
        // Checked too, and no message is about what the stand-in lacks (a summary, a date).
        let checked = try BriefingCommand.run(["check", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(checked.status == 1)
        #expect(checked.stderr.contains("a.md:5:3: error: link to a missing page") && !checked.stderr.contains("a.md:1:1: warning"))
    }

    /// The stand-in is read without the lines in error: its slug still gives the address links use, its
    /// draft flag still leaves it out, and a missing title is said in the same run, not the next.
    @Test func aStandInKeepsWhatItsFrontMatterStillSays() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + """

        -- Content/deterrence/slugged.md --
        ---
        title: Slugged
        slug: custom
        summary: "unclosed
        ---
        Body.
        -- Content/deterrence/draft.md --
        ---
        title: Draft
        draft: true
        date: 2026-13-01
        ---
        TK: write this.
        -- Content/deterrence/untitled.md --
        ---
        weight: heavy
        titel: Untitled
        ---
        Body.
        -- Content/deterrence/b.md --
        ---
        title: B
        date: 2026-01-02
        ---
        [Custom](/deterrence/custom/) and [the draft](draft.md).
        """)
        let messages = fixture.failure().map { $0.components(separatedBy: "\n")[0] }
        #expect(messages == [
            "Content/deterrence/b.md:5:35: error: link to 'draft.md', a draft left out of this build (build with --drafts, or remove the link)",
            "Content/deterrence/draft.md:4:7: error: 'date' 2026-13-01 is no day of the calendar: check the month and the day",
            ##"Content/deterrence/slugged.md:4:10: error: invalid YAML: this " is never closed: end the value with " (a " inside it is written \")"##,
            "Content/deterrence/untitled.md:1:1: error: missing 'title' in the front matter; every page needs one",
            "Content/deterrence/untitled.md:2:9: error: 'weight' must be a whole number, not 'heavy'",
            // The rest of its front matter's warnings come in the same run.
            "Content/deterrence/untitled.md:3:1: warning: 'titel' is not a front matter key; did you mean 'title'?",
        ])
    }

    /// Each of these was "missing 'title'", which sent the editor to add a title the file already has.
    @Test(arguments: [
        ("\n---\ntitle: T\n---\nBody\n", "its front matter's '---' is on line 2: front matter starts on the file's first line, so remove the lines before it"),
        ("----\ntitle: T\n----\nBody\n", "'----' opens no front matter: write exactly three dashes, '---', on the first line and after the front matter"),
        ("+++\ntitle = \"T\"\n+++\nBody\n", "front matter in TOML (between '+++' lines) is not read: write it in YAML between lines '---'"),
        ("title: T\ndate: 2026-01-01\n\nBody\n", "the first lines look like front matter without its '---' lines: put a line '---' before them and one after"),
        ("{\n  \"title\": \"T\"\n}\nBody\n", "front matter in JSON ('{ \"title\": … }') is not read: write it in YAML between lines '---' (title: …)"),
    ])
    func frontMatterOutOfPlaceIsNamed(text: String, hint: String) throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/deterrence/x.md --\n" + text)
        #expect(fixture.failure().map { $0.components(separatedBy: "\n")[0] } == ["Content/deterrence/x.md:1:1: error: missing 'title' in the front matter: " + hint])
    }

    @Test func anOutputFolderWithOtherFilesIsRefusedUnlessForced() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        try fixture.write("-- Output/notes.txt --\nmine")
        let messages = fixture.failure()
        #expect(messages.count == 1)
        #expect(messages.first?.contains("holds files Briefing did not write ('notes.txt'); empty it, choose another --output, or pass --force") == true)
        #expect(fixture.output("index.html") == nil)
        try fixture.build { $0.force = true }
        #expect(fixture.output("notes.txt") == "mine\n")
        #expect(fixture.output("index.html") != nil)
    }

    /// The editor who empties the folder and builds again learnt of a broken link only then.
    @Test func anOutputFolderRefusedStillListsTheContentsMistakes() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/deterrence/linked.md --\n---\ntitle: L\n---\nSee [the map](/nowhere/).\n")
        try fixture.write("-- Output/notes.txt --\nmine")
        let messages = fixture.failure().map { $0.components(separatedBy: "\n")[0] }
        #expect(messages.count == 2)
        #expect(messages.first?.contains("holds files Briefing did not write ('notes.txt')") == true)
        #expect(messages.last?.hasPrefix("Content/deterrence/linked.md:4:5: error: link '/nowhere/'") == true)
        #expect(fixture.output("index.html") == nil)
        #expect(fixture.output("notes.txt") == "mine\n")
        // A mistake found while the site is read (a data file's) is listed with it too.
        try fixture.write("-- Content/data/bases.yaml --\n- name: A\n  name: B\n")
        let loading = fixture.failure().map { $0.components(separatedBy: "\n")[0] }
        #expect(loading.first?.contains("holds files Briefing did not write ('notes.txt')") == true)
        #expect(loading.contains("Content/data/bases.yaml:2:3: error: invalid YAML: 'name' is given twice, on lines 1 and 2: keep one"))
        #expect(fixture.output("notes.txt") == "mine\n")
    }
}
