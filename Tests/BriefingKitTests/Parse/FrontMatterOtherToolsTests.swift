import Testing
@testable import BriefingKit
@testable import BriefingSupport

/// Front matter migrated from Hugo, Jekyll or WordPress that kept a page out of the site there, set when it
/// appeared, or named one field twice: Briefing read none of it, and an embargoed story went out with the
/// next build, in the sitemap and the feed.
@Suite struct FrontMatterOtherToolsTests {
    private func messages(_ line: String) -> [String] {
        let file = SourceFile(path: "Content/a.md", text: "---\ntitle: A\n\(line)\n---\nText.\n")
        do throws(BuildFailure) {
            return try FrontMatter.parse(file).warnings.map { $0.description.components(separatedBy: "\n")[0] }
        } catch {
            return error.diagnostics.map { $0.description.components(separatedBy: "\n")[0] }
        }
    }

    @Test(arguments: [
        ("published: false", "'published: false' is Jekyll's and is not read: this page would be published"),
        ("publishDate: 2030-01-01", "'publishDate' is not read: a page is published on its 'date', and held back until then"),
        ("expirydate: 2020-01-01", "'expirydate' is not read: Briefing takes no page down on a date"),
        ("headless: true", "'headless: true' is Hugo's and is not read"),
        ("_build: {render: never}", "'_build' is Hugo's and is not read"),
        ("status: draft", "'status: draft' is not read: this page would be published"),
    ])
    func keysThatKeptThePageOutAreErrors(line: String, message: String) {
        let found = messages(line)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("Content/a.md:3:1: error: " + message) == true, "\(found)")
    }

    @Test func keysThatOnlyListedOrAddressedThePageOtherwiseAreWarnings() {
        #expect(messages("sitemap: {disable: true}").first?.hasPrefix("Content/a.md:3:1: warning: 'sitemap' is not read: this page is published, listed") == true)
        #expect(messages("url: /old/path/") == [
            "Content/a.md:3:1: warning: 'url' is not read: this page is published at the address its file gives it (its folder and file name, or 'slug'); to keep an old address leading to it, list that address under 'aliases'",
        ])
        // Read: each alias is a page that leads to this one (`PageAliasTests`).
        #expect(messages("aliases: [/old/path/]").isEmpty)
        #expect(messages("redirect_from: /old/path/").isEmpty)
        // What Briefing does anyway is no mistake.
        #expect(messages("published: true").isEmpty)
        #expect(messages("status: publish").isEmpty)
    }

    @Test func twoNamesOfOneFieldAreAnError() {
        #expect(messages("summary: The summary\ndescription: The description") == [
            "Content/a.md:4:1: error: 'summary' and 'description' are both given, and are one field: keep one",
        ])
        #expect(messages("lastmod: 2024-05-05\nupdated: 2024-04-01") == [
            "Content/a.md:4:1: error: 'updated' and 'lastmod' are both given, and are one field: keep one",
        ])
    }

    @Test func jekyllsTagsWrittenApartAreWarnedOf() {
        #expect(messages("tags: alliance sma budget") == [
            "Content/a.md:3:7: warning: 'tags' is one tag 'alliance sma budget' (Jekyll reads words apart as tags); for several tags write a list: tags: [alliance, sma, budget]",
        ])
        #expect(messages("tags: burden sharing").isEmpty)
        #expect(messages("tags: North Korea nuclear talks").isEmpty)
    }
}
