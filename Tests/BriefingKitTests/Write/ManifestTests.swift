import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct ManifestTests {
    typealias Manifest = SiteWriter.Manifest

    /// The rule for paths read from a manifest and for files staged: inside the output folder, spelled plainly.
    @Test(arguments: [
        ("index.html", true), ("news/a b/index.html", true), (".well-known/x", true), ("주한미군/index.html", true), ("a/.../b", true), ("a/..b/.c", true),
        ("", false), ("/etc/passwd", false), ("a/", false), ("a//b", false), ("./a", false), ("a/../b", false), ("..", false),
    ])
    func plainRelativePaths(path: String, isPlain: Bool) {
        #expect(OutputPath.isPlainRelative(path.utf8) == isPlain)
    }

    @Test func whatABuildWritesReadsBackTheSame() {
        var manifest = Manifest()
        manifest.entries["index.html"] = .init(hash: ContentHash("home"), size: 4, input: 0xABCDEF, modified: 1_796_000_000_123_456_789)
        manifest.entries["news/a b/index.html"] = .init(hash: ContentHash("a b"), size: 3, input: 0)
        manifest.entries["cafe 12/index.html"] = .init(hash: ContentHash("cafe"), size: 12, input: 1, modified: 1)
        manifest.entries["주한미군/index.html"] = .init(hash: ContentHash(value: .max), size: 0, input: .max)
        let read = Manifest(text: manifest.text)
        #expect(read.entries == manifest.entries)
    }

    @Test func olderManifestsStillNameTheirFilesWithBytesUnknown() {
        let read = Manifest(text: """
        # a comment
        alliance/index.html
        00000000000000ff 12 with space/index.html
        not-a-hash 12 zz/index.html

        """)
        #expect(read.entries["alliance/index.html"] == .init(hash: ContentHash(value: 0), size: -1))
        #expect(read.entries["with space/index.html"] == .init(hash: ContentHash(value: 0xFF), size: 12))
        #expect(read.entries["not-a-hash 12 zz/index.html"]?.size == -1)
        #expect(read.entries.count == 3)
    }

    /// The version before recorded no times: its files are checked by their size alone until written again.
    @Test func theLastVersionsManifestIsReadWithoutTimes() {
        let text = """
        # Files written by briefing build (hash, size, input, path); it deletes only these. The last line counts them.
        00000000000000ff 12 abc news/a b/index.html
        # 1 files

        """
        #expect(Manifest(text: text).entries == ["news/a b/index.html": .init(hash: ContentHash(value: 0xFF), size: 12, input: 0xABC)])
        #expect(Manifest.isOurs(Array(text.utf8)))
        // Cut short, it is damaged, as this version's is.
        #expect(!Manifest.isOurs(Array(text.utf8.prefix(text.utf8.count - 9))))
    }

    @Test func aLineOfThisVersionEditedByHandKeepsItsFileWithBytesUnknown() {
        let read = Manifest(text: Manifest.header + "\n00000000000000ff 12 abc yesterday news/x.html\n# 1 files\n")
        #expect(read.entries == ["news/x.html": .init(hash: ContentHash(value: 0), size: -1)])
    }

    @Test func pathsThatLeaveTheOutputFolderAreIgnored() {
        let lines = ["../outside.html", "/etc/passwd", "a//b.html", "./a.html", "a/../../b.html", "a/.", "a/b/"]
        let read = Manifest(text: lines.map { "0000000000000001 1 0 \($0)" }.joined(separator: "\n") + "\n0000000000000001 1 0 kept.html")
        #expect(Array(read.entries.keys) == ["kept.html"])
    }
}
