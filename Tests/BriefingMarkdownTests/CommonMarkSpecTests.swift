import Foundation
import Testing
@testable import BriefingMarkdown

/// One example of the CommonMark 0.30 spec, in the form `extract_spec.py` writes.
struct CommonMarkExample: Decodable, Sendable, CustomTestStringConvertible {
    let example: Int
    let section: String
    let markdown: String
    let html: String

    var testDescription: String { "example \(example) (\(section))" }
}

enum CommonMarkSpec {
    /// `shared/conformance/commonmark/spec.json` beside the repository, unless
    /// `BRIEFING_COMMONMARK_SPEC` names another file.
    static let path: String = {
        if let path = ProcessInfo.processInfo.environment["BRIEFING_COMMONMARK_SPEC"], !path.isEmpty {
            return path
        }
        // This file is <repo>/Tests/BriefingMarkdownTests/CommonMarkSpecTests.swift.
        var directory = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("shared/conformance/commonmark/spec.json").path
    }()

    /// Nil when the file is missing: a fresh clone has no `../shared`, and its tests are skipped, not failed.
    static let examples: [CommonMarkExample]? = FileManager.default.contents(atPath: path).map { data in
        // A file that is there but unreadable fails `summary` rather than skipping it.
        (try? JSONDecoder().decode([CommonMarkExample].self, from: data)) ?? []
    }

    static let skipReason: Comment = """
        CommonMark spec data not found at \(path): put the 652 examples of spec 0.30 there as JSON \
        (extract_spec.py in ../shared/conformance/commonmark makes them from commonmark-spec's spec.txt, tag 0.30) \
        or set BRIEFING_COMMONMARK_SPEC to such a spec.json
        """

    /// The spec's expected HTML assumes raw HTML passes through, hence unsafe mode.
    static func render(_ example: CommonMarkExample) -> String {
        MarkdownDocument(markdown: example.markdown, options: MarkdownOptions(unsafe: true)).renderHTML()
    }
}

/// Skipped, with the reason and where to get the data, when the spec file is missing; `.ci/run` fails
/// unless the summary line was printed.
@Suite(.enabled(if: CommonMarkSpec.examples != nil, CommonMarkSpec.skipReason))
struct CommonMarkSpecTests {
    @Test(arguments: CommonMarkSpec.examples ?? [])
    func example(_ example: CommonMarkExample) {
        #expect(CommonMarkSpec.render(example) == example.html)
    }

    @Test func summary() throws {
        let examples = try #require(CommonMarkSpec.examples)
        let failed = examples.filter { CommonMarkSpec.render($0) != $0.html }.map(\.example)
        print("commonmark spec: \(examples.count - failed.count) passed, \(failed.count) failed")
        #expect(examples.count == 652, "CommonMark 0.30 has 652 examples")
        #expect(failed.isEmpty, "failing examples: \(failed)")
    }
}
