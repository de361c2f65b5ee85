import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct ImagesTests {
    private func rendered(_ markdown: String, files: Set<String> = ["alliance/map.png"]) -> (html: String, messages: [String]) {
        let result = TransformHarness.run(markdown, [Images(contentFolder: nil, contentFiles: files), InternalLinks(model: TransformHarness.run("", []).context.model, contentFiles: files)])
        return (result.html, result.diagnostics.map(\.description))
    }

    @Test func everyImageButTheFirstLoadsLazily() {
        let result = rendered("![Map](map.png) and ![Logo](https://example.com/logo.png \"The logo\")\n")
        #expect(result.html == "<p><img src=\"/alliance/map.png\" alt=\"Map\" decoding=\"async\"> and <img src=\"https://example.com/logo.png\" alt=\"Logo\" title=\"The logo\" loading=\"lazy\" decoding=\"async\"></p>\n")
        #expect(result.messages.isEmpty)
    }

    /// `![Map](<bases map.png>)` wrote `src="/alliance/bases map.png"`, a space no URL may hold; cmark
    /// encodes a link's the same way.
    @Test func anImagesAddressIsEncodedAsALinksIs() {
        let result = rendered("![Map](<bases map.png>) ![지도](https://example.com/지도.png?a=1&b=\"2\")\n", files: ["alliance/bases map.png"])
        #expect(result.html.contains(#"<img src="/alliance/bases%20map.png" alt="Map""#))
        #expect(result.html.contains(#"<img src="https://example.com/%EC%A7%80%EB%8F%84.png?a=1&amp;b=%222%22" alt="지도""#))
        #expect(LinkURL.hrefEncoded("/a/b-c_d.e~f!*'(),%20#@?=;:&$") == "/a/b-c_d.e~f!*'(),%20#@?=;:&$")
    }

    /// A file's "Share" link pasted as an image: the address serves a page around the image, and readers
    /// saw a broken image without a word.
    @Test func aSharingPageAsAnImageIsWarnedOf() {
        let result = rendered("![Bases](https://drive.google.com/file/d/1AbC/view?usp=sharing) ![Chart](https://www.dropbox.com/s/x/chart.png?dl=0)\n")
        #expect(result.messages.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:1:1: warning: image 'https://drive.google.com/file/d/1AbC/view?usp=sharing' is a Google Drive page that "
                + "shows the image, not the image file, so readers see a broken image: download the image, put it in Content/ beside the page "
                + "and write its name, as ![…](photo.jpg)",
            "Content/alliance/page.md:1:65: warning: image 'https://www.dropbox.com/s/x/chart.png?dl=0' is a Dropbox page that shows the image, "
                + "not the image file, so readers see a broken image: download the image, put it in Content/ beside the page and write its name, as ![…](photo.jpg)",
        ])
        for page in ["https://contoso-my.sharepoint.com/:i:/g/personal/x/EAbc?e=xyz", "https://share.icloud.com/photos/0abc", "https://m.imgur.com/AbCdE"] {
            #expect(rendered("![Chart](\(page))\n").messages.count == 1, "\(page)")
        }
        for file in [
            "https://drive.google.com/uc?export=view&id=1AbC", "https://drive.google.com/thumbnail?id=1AbC&sz=w1000", "https://www.dropbox.com/s/x/chart.png?raw=1", "https://www.dropbox.com/s/x/chart.png?dl=1",
            "https://i.imgur.com/abc.png", "https://imgur.com/AbCdE.jpg", "https://news.example/drive.google.com/x.png",
        ] {
            #expect(rendered("![Chart](\(file))\n").messages.isEmpty, "\(file)")
        }
    }

    /// Trusted raw HTML's `<img>` showed the same broken image without a word; a link to the page is fine.
    @Test func aSharingPageInTrustedRawHTMLIsWarnedOf() {
        let markdown = "<img src=\"https://drive.google.com/file/d/1AbC/view\" alt=\"Bases\">\n\nSee <a href=\"https://drive.google.com/file/d/1AbC/view\">the file</a>.\n"
        let options = MarkdownOptions(unsafe: true)
        let links = InternalLinks(model: TransformHarness.model(of: markdown, options: options), contentFiles: [])
        let result = TransformHarness.run(markdown, [links], options: options)
        #expect(result.messageLines == [
            "Content/alliance/page.md:1:11: warning: image 'https://drive.google.com/file/d/1AbC/view' is a Google Drive page that "
                + "shows the image, not the image file, so readers see a broken image: download the image, put it in Content/ beside the page "
                + "and write its name, as <img src=\"photo.jpg\" alt=\"…\">",
        ])
        // Inside a block of many lines, at the address's own line.
        let block = "<div>\n  <p>Bases</p>\n  <img alt=\"Map\" src=\"https://drive.google.com/file/d/1AbC/view\">\n</div>\n"
        let inBlock = TransformHarness.run(block, [InternalLinks(model: TransformHarness.model(of: block, options: options), contentFiles: [])], options: options)
        #expect(inBlock.messageLines.map { $0.prefix(35) } == ["Content/alliance/page.md:3:23: warn"])
        // A callout's title shows raw HTML as written: there is no image to break, only the title's own warning.
        let title = "> [!NOTE] See <img src=\"https://drive.google.com/file/d/1AbC/view\" alt=\"x\">\n> Body.\n"
        let inTitle = TransformHarness.run(
            title, [InternalLinks(model: TransformHarness.model(of: title, options: options), contentFiles: []), Callouts()], options: options
        )
        #expect(inTitle.messageLines.count == 1)
        #expect(inTitle.messageLines.first?.contains("raw HTML in a callout's title is shown as written") == true)
        #expect(inTitle.html.contains("See &lt;img src=&quot;https://drive.google.com/file/d/1AbC/view&quot;"))
    }

    @Test func aTitledImageAloneInItsParagraphIsAFigure() {
        let result = rendered("Text.\n\n![Bases in South Korea](map.png \"US bases, 2026\")\n")
        #expect(result.html == """
            <p>Text.</p>
            <figure class="image-figure">
            <img src="/alliance/map.png" alt="Bases in South Korea" decoding="async">
            <figcaption>US bases, 2026</figcaption>
            </figure>

            """)
    }

    /// A missing image is an error from `InternalLinks`, at its line, as for every link.
    /// "Figure 2" in the text must find a figure so labelled: an image with an id in a heading, a cell,
    /// a link or a line of text was numbered, labelled nowhere, and often had no id to link to either.
    @Test func anImageWithAnIdThatCanBeNoFigureIsAnError() {
        let result = rendered("""
            ## Bases ![Map](map.png "The bases {#hfig}")

            [![Map](map.png "Linked {#lfig}")](https://example.com/)

            ![Map](map.png "{#bare}")

            See [](image:hfig), [](image:bare).

            """)
        #expect(result.messages == [
            "Content/alliance/page.md:1:10: error: '{#hfig}' numbers this image as a figure, which must stand alone in a paragraph of its own, "
                + "not in a heading, a table cell, a link, a note's last paragraph or a line of text: give it lines of its own with a blank line "
                + "before and after, or remove the id\n## Bases ![Map](map.png \"The bases {#hfig}\")\n         ^",
            "Content/alliance/page.md:3:2: error: '{#lfig}' numbers this image as a figure, which must stand alone in a paragraph of its own, "
                + "not in a heading, a table cell, a link, a note's last paragraph or a line of text: give it lines of its own with a blank line "
                + "before and after, or remove the id\n[![Map](map.png \"Linked {#lfig}\")](https://example.com/)\n ^",
            "Content/alliance/page.md:5:1: error: '{#bare}' numbers this image as a figure, whose title is its caption: write the caption before "
                + "the id, like \"Where the troops are {#bases}\"\n![Map](map.png \"{#bare}\")\n^",
        ])
    }

    /// A titled image alone in a cell became a figure outside the table while the cell kept cmark's bare
    /// image: it stays an image, with its title, made as every image is.
    @Test func aTitledImageInACellStaysAnImage() {
        let result = TransformHarness.run(
            "| Base | Map |\n|---|---|\n| Humphreys | ![Map](https://example.com/m.png \"Camp Humphreys\") |\n",
            [PipeTables(), Images(contentFolder: nil, contentFiles: [])]
        )
        #expect(result.html.contains(#"<td><img src="https://example.com/m.png" alt="Map" title="Camp Humphreys" decoding="async"></td>"#))
        #expect(!result.html.contains("<figure class=\"image-figure\">"))
    }

    /// A caption kept straight quotes and `--` where the alt text and the prose around it had curly ones.
    @Test func aCaptionGetsTheProsesCurlyQuotesAndDashes() {
        let result = TransformHarness.run(
            "![\"Map\"](https://example.com/m.png \"Seoul's \\\"titanium\\\" map -- 2026\")\n", [Images(contentFolder: nil, contentFiles: [])],
            options: MarkdownOptions(smartPunctuation: true)
        )
        #expect(result.html.contains("<figcaption>Seoul’s “titanium” map – 2026</figcaption>"))
        #expect(result.html.contains("alt=\"“Map”\""))
    }

    @Test func aMissingLocalImageIsAnErrorAtItsLine() {
        let result = rendered("Intro.\n\nSee ![Map](../maps/korea.png).\n")
        #expect(result.messages == [
            """
            Content/alliance/page.md:3:5: error: image '../maps/korea.png' not found: there is no file Content/maps/korea.png
            See ![Map](../maps/korea.png).
                ^
            """,
        ])
    }

    @Test(arguments: [
        ("png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 3, 0x20, 0, 0, 2, 0x58], ImageSize(width: 800, height: 600)),
        ("gif", Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00], ImageSize(width: 320, height: 240)),
        ("jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0x01, 0x2C, 0x01, 0x90, 3, 0, 0], ImageSize(width: 400, height: 300)),
        // A phone's portrait photo: stored landscape, EXIF orientation 6 (big-endian) or 8 (little-endian).
        ("jpeg turned", [0xFF, 0xD8, 0xFF, 0xE1, 0, 34] + Array("Exif".utf8) + [0, 0, 0x4D, 0x4D, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]
            + [0xFF, 0xC0, 0, 11, 8, 0x01, 0x2C, 0x01, 0x90, 3, 0, 0], ImageSize(width: 300, height: 400)),
        ("jpeg turned, little-endian", [0xFF, 0xD8, 0xFF, 0xE1, 0, 34] + Array("Exif".utf8) + [0, 0, 0x49, 0x49, 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0]
            + [0xFF, 0xC0, 0, 11, 8, 0x01, 0x2C, 0x01, 0x90, 3, 0, 0], ImageSize(width: 300, height: 400)),
        ("jpeg upright", [0xFF, 0xD8, 0xFF, 0xE1, 0, 34] + Array("Exif".utf8) + [0, 0, 0x4D, 0x4D, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 3, 0, 0, 0, 0, 0, 0]
            + [0xFF, 0xC0, 0, 11, 8, 0x01, 0x2C, 0x01, 0x90, 3, 0, 0], ImageSize(width: 400, height: 300)),
        // A directory past the segment's end, and one that claims 65,535 entries: read as no orientation.
        ("jpeg, damaged EXIF", [0xFF, 0xD8, 0xFF, 0xE1, 0, 34] + Array("Exif".utf8) + [0, 0, 0x4D, 0x4D, 0, 42, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]
            + [0xFF, 0xC0, 0, 11, 8, 0x01, 0x2C, 0x01, 0x90, 3, 0, 0], ImageSize(width: 400, height: 300)),
        ("jpeg, endless EXIF directory", [0xFF, 0xD8, 0xFF, 0xE1, 0, 34] + Array("Exif".utf8) + [0, 0, 0x4D, 0x4D, 0, 42, 0, 0, 0, 8, 0xFF, 0xFF, 0x01, 0x13, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]
            + [0xFF, 0xC0, 0, 11, 8, 0x01, 0x2C, 0x01, 0x90, 3, 0, 0], ImageSize(width: 400, height: 300)),
        ("webp lossy", Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8 ".utf8) + [0, 0, 0, 0] + [0, 0, 0, 0x9D, 0x01, 0x2A] + [0x80, 0x02, 0xE0, 0x01], ImageSize(width: 640, height: 480)),
        ("webp extended", Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0] + [0, 0, 0, 0] + [0x1F, 0x03, 0] + [0x57, 0x02, 0], ImageSize(width: 800, height: 600)),
        ("svg", Array("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120px\" height=\"80\">".utf8), ImageSize(width: 120, height: 80)),
        ("svg viewBox", Array("<svg viewBox=\"0 0 64 32\" xmlns=\"http://www.w3.org/2000/svg\">".utf8), ImageSize(width: 64, height: 32)),
    ] as [(String, [UInt8], ImageSize)])
    func sizesFromHeaders(_ format: String, _ bytes: [UInt8], _ size: ImageSize) {
        #expect(ImageSize(header: bytes) == size, "\(format)")
    }

    @Test func aLocalFileGivesItsSizeAndOneOverAMegabyteAWarning() throws {
        let folder = TemporaryFolder.url("briefing-images")
        defer { TemporaryFolder.remove(folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("alliance"), withIntermediateDirectories: true)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 3, 0x20, 0, 0, 2, 0x58]
        try Data(png + [UInt8](repeating: 0, count: 1_200_000)).write(to: folder.appendingPathComponent("alliance/big.png"))
        let images = Images(contentFolder: folder, contentFiles: ["alliance/big.png"], checksImageFiles: true)
        let result = TransformHarness.run("![Big](big.png)\n", [images])
        #expect(result.html == "<p><img src=\"big.png\" alt=\"Big\" width=\"800\" height=\"600\" decoding=\"async\"></p>\n")
        #expect(result.diagnostics.map(\.description) == [
            """
            Content/alliance/page.md:1:1: warning: image 'big.png' is 1.2 MB; over 1 MB it slows the page on a phone: resize or compress it
            ![Big](big.png)
            ^
            """,
        ])
    }

    /// A file named in decomposed Hangul (as macOS writes names) and linked in composed form: found, and
    /// its header read from the name on disk, so the image keeps its size.
    @Test func aFileNamedInTheOtherUnicodeFormKeepsItsSize() throws {
        let folder = TemporaryFolder.url("briefing-images")
        defer { TemporaryFolder.remove(folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("alliance"), withIntermediateDirectories: true)
        let decomposed = "alliance/" + "지도.svg".decomposedStringWithCanonicalMapping
        try Data("<svg xmlns='http://www.w3.org/2000/svg' width='480' height='560'/>".utf8).write(to: folder.appendingPathComponent(decomposed))
        let images = Images(contentFolder: folder, contentFiles: [decomposed])
        let result = TransformHarness.run("![지도](지도.svg)\n", [images])
        #expect(result.html.contains("width=\"480\" height=\"560\""))
    }

    /// `fake.png` that was a PDF renamed showed as a broken image, without a word.
    @Test func aFileNamedAsAnImageThatIsNoneIsWarnedOf() throws {
        let folder = TemporaryFolder.url("briefing-images")
        defer { TemporaryFolder.remove(folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("alliance"), withIntermediateDirectories: true)
        try Data("%PDF-1.7".utf8).write(to: folder.appendingPathComponent("alliance/fake.png"))
        try Data("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8).write(to: folder.appendingPathComponent("alliance/plain.svg"))
        // A phone's photo kept as HEIC showed as a broken image in every browser but Safari.
        try Data([0, 0, 0, 0x18] + Array("ftypheic".utf8)).write(to: folder.appendingPathComponent("alliance/photo.HEIC"))
        try Data("%PDF-1.7".utf8).write(to: folder.appendingPathComponent("alliance/report.pdf"))
        // In every build, not only `check`'s: readers see a broken image.
        let images = Images(contentFolder: folder, contentFiles: ["alliance/fake.png", "alliance/plain.svg", "alliance/photo.HEIC", "alliance/report.pdf"])
        let result = TransformHarness.run("![Fake](fake.png) ![Plain](plain.svg) ![Photo](photo.HEIC) ![Report](report.pdf)\n", [images])
        #expect(result.diagnostics.map(\.message) == [
            "image 'fake.png' is named .png but is no PNG, JPEG, GIF or WebP file, which browsers may not show: save it again in one of them",
            "image 'photo.HEIC' is a .heic file, which most browsers cannot show (Chrome, Firefox and Edge among them): export it as JPEG, PNG or WebP",
            "image 'report.pdf' is a .pdf document, which browsers do not show as an image: link to it, [title](report.pdf), or show a picture of it (PNG, JPEG or WebP)",
        ])
    }

    @Test func notAnImage() {
        #expect(ImageSize(header: Array("PNG\n".utf8)) == nil)
    }
}
