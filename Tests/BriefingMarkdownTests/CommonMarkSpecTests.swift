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

struct CommonMarkSpecMissing: Error, CustomStringConvertible {
    let path: String

    var description: String {
        "CommonMark spec examples not found at \(path): check out ../shared/conformance next to the repository, or set COMMONMARK_SPEC_PATH to a spec.json"
    }
}

enum CommonMarkSpec {
    /// `shared/conformance/commonmark/spec.json` beside the repository, unless
    /// `COMMONMARK_SPEC_PATH` names another file.
    static let path: String = {
        if let path = ProcessInfo.processInfo.environment["COMMONMARK_SPEC_PATH"] {
            return path
        }
        // This file is <repo>/Tests/BriefingMarkdownTests/CommonMarkSpecTests.swift.
        var directory = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("shared/conformance/commonmark/spec.json").path
    }()

    static let examples: Result<[CommonMarkExample], any Error> = Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommonMarkSpecMissing(path: path)
        }
        return try JSONDecoder().decode([CommonMarkExample].self, from: data)
    }

    /// The spec's expected HTML assumes raw HTML passes through, hence unsafe mode.
    static func render(_ example: CommonMarkExample) -> String {
        MarkdownDocument(markdown: example.markdown, options: MarkdownOptions(unsafe: true)).renderHTML()
    }
}

@Suite struct CommonMarkSpecTests {
    // Without the file there are no cases here; `summary` reports why.
    @Test(arguments: (try? CommonMarkSpec.examples.get()) ?? [])
    func example(_ example: CommonMarkExample) {
        #expect(CommonMarkSpec.render(example) == example.html)
    }

    @Test func summary() throws {
        let examples = try CommonMarkSpec.examples.get()
        let failed = examples.filter { CommonMarkSpec.render($0) != $0.html }.map(\.example)
        print("commonmark spec: \(examples.count - failed.count) passed, \(failed.count) failed")
        #expect(examples.count == 652, "CommonMark 0.30 has 652 examples")
        #expect(failed.isEmpty, "failing examples: \(failed)")
    }
}
