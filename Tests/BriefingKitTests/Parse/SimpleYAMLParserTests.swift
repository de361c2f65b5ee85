import Foundation
import Testing
import Yams
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

/// `SimpleYAMLParser` may decline anything, but what it accepts it must read exactly as Yams does:
/// every input here is read both ways and, when the simple parser accepts, the trees must be equal,
/// positions, styles and tags included.
@Suite struct SimpleYAMLParserTests {
    /// One construct each, all accepted.
    static let constructs = [
        "title: Plain words\n",
        "title: \"Double quoted – ünïcode\"\n",
        "title: 'It''s single quoted'\n",
        "empty: ''\nalso: \"\"\n",
        "empty:\nnext: 1\n",
        "last:",
        "last:   \n\n# a comment\n",
        "tags:\n  - a\n  - \"b c\"\n  - 'd'\n",
        "tags:\n- a\n- b\nafter: x\n",
        "tags: [a, b, \"c d\", 'e', Min-ji Park]\n",
        "tags: [ a ,b ]\nnone: []\nnothing: [ ]\n",
        "toc: {from: 2, to: 3}\n",
        "toc: { from: 2 }\nempty: {}\n",
        "sources:\n  - title: \"A\"\n    url: https://example.org/\n  - title: B\n    date: 2025-11-01\n",
        "sources:\n- title: A\n  publisher: P\n- title: B\n",
        "sources:\n  - title:\n    url: x\n  - title:\n",
        "markdown:\n  smartPunctuation: true\n  unsafe: false\nstaleFigureDays: 1825\n",
        "# A comment first\n\ntitle: x # and one after\n   # indented\nweight: 3\n",
        "- a\n- b: 1\n  c: 2\n- [x, y]\n- {k: v}\n",
        "when: 2021-04-02T15:00:00Z\nurl: https://a.b/c?d=e#f\ntime: 1:30\n",
        "a: -3\nb: +4\nc: .5\nd: ~\ne: null\nf: 0x1F\ng: 0o17\nh: 1_000\ni: .inf\nj: yes\nk: \"true\"\n",
        "words: 28,500 troops [approx] {x} a#b\n",
        "a:\n  b:\n    c: [1, 2]\n  d: e\nf: g\n",
        "key:    spaced value   \n",
        "keys_with-dots.and-dashes: v\n2024: year\ntrue: key\nnull: key\n",
        "tags: [café, “quoted”, 日本]\nnext: é\n",
        "nested:\n  - a:\n    - x\n    - y\n    b: z\n",
        "a: $5 (approx.) = ~6; <7> ^8\n",
        "a: b c  d\n",
        "list:\n  - x\n\n  - y\n",
    ]

    /// Outside the subset: each is declined, for Yams to read.
    static let outside = [
        "", "# only a comment\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: !x 1\n", "a: |\n  text\n", "a: >\n  text\n",
        "a: multi\n  line\n", "a: \"escape\\n\"\n", "a: 'open\n", "a: 1\na: 2\n", "a:\tb\n", "a: b\r\n", "? a\n: b\n",
        "---\na: 1\n", "%YAML 1.1\n---\na: 1\n", "a: [b, [c]]\n", "\"quoted key\": 1\n", "a: b: c\n", "  a: 1\n",
        "a: 1\n  b: 2\n", "a:\n    b: 1\n  c: 2\n", "- - a\n", "-\n", "a: [b,]\n", "a: {b}\n", "a: {b: }\n", "a:\n  plain\n",
        "a: b:\n", "a:b\n", "a: 'x' y\n", "a: [b, c] d\n", "a: \u{FEFF}b\n", "a: b\u{2028}c\n", "a: [x:y]\n", "a: - b\n",
        "just a scalar\n", "[a, b]\n", "a: \"x\"#c\n",
        (0..<40).map { String(repeating: " ", count: $0) + "k:\n" }.joined() + String(repeating: " ", count: 40) + "k: deep\n",
    ]

    /// Front matters like those of a generated 10,000-page site.
    static let typical = [
        """
        title: "Aerial aircraft sanctions robust capabilities analysis integrated policy"
        date: 2021-04-02T15:00:00Z
        author: "J. Nakamura"
        summary: "Permanent review broadly resilience region budget."
        tags:
          - energy
          - interoperability
        draft: false
        weight: 3
        tags2: [a, b, "c d"]

        """,
        """
        title: "US Troops as a Tripwire"
        date: 2026-03-04
        updated: 2026-06-20
        authors: [Min-ji Park, Daniel Reyes]
        tags: [deterrence, usfk]
        toc: {from: 2, to: 3}
        sources:
          - title: "US forces in South Korea"
            url: "https://defensetech.org/"
            publisher: "DefenseTech.org"

        """,
    ]

    @Test(arguments: constructs + typical)
    func acceptsAndMatchesYams(yaml: String) {
        #expect(SimpleYAMLParser.parse(yaml) != nil, "declined: \(yaml.debugDescription)")
        #expect(Self.mismatch(yaml) == nil)
    }

    @Test(arguments: outside)
    func declines(yaml: String) {
        #expect(SimpleYAMLParser.parse(yaml) == nil, "accepted: \(yaml.debugDescription)")
    }

    /// Every front matter, settings file, data file and table directive of the sample site, and of the
    /// files under `BRIEFING_YAML_CORPUS` when set (a generated site's Content, say).
    @Test func readsTheSampleSiteLikeYams() throws {
        let sample = Self.repository.appendingPathComponent("Content")
        var documents = try Self.yamlDocuments(under: sample)
        #expect(documents.count > 20)
        if let corpus = ProcessInfo.processInfo.environment["BRIEFING_YAML_CORPUS"] {
            documents += try Self.yamlDocuments(under: URL(fileURLWithPath: corpus))
        }
        var accepted = 0
        for yaml in documents {
            if let mismatch = Self.mismatch(yaml) { Issue.record("\(mismatch)") }
            if SimpleYAMLParser.parse(yaml) != nil { accepted += 1 }
        }
        print("simple YAML: \(accepted) of \(documents.count) documents accepted")
        #expect(accepted == documents.count)
    }

    /// Seeded random edits of accepted documents, with the characters YAML gives meaning to.
    @Test func matchesYamsOnMutations() {
        let alphabet = Array(":-#'\"[]{},&*!|>%@` \t\n\n\n    aZ09._é\u{2028}\r\\".unicodeScalars)
        let seeds = (Self.constructs + Self.typical).map { Array($0.unicodeScalars) }
        var generator = PlainScalarTests.SplitMix(seed: 42)
        func random(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
        let cases = 20_000
        var accepted = 0
        var mismatches: [String] = []
        for _ in 0..<cases {
            var scalars = seeds[random(seeds.count)]
            for _ in 0...random(3) {
                let position = random(scalars.count + 1)
                let character = alphabet[random(alphabet.count)]
                switch random(3) {
                case 0: scalars.insert(character, at: position)
                case 1 where position < scalars.count: scalars.remove(at: position)
                default: if position < scalars.count { scalars[position] = character }
                }
            }
            var yaml = ""
            yaml.unicodeScalars.append(contentsOf: scalars)
            if SimpleYAMLParser.parse(yaml) != nil { accepted += 1 }
            if let mismatch = Self.mismatch(yaml) { mismatches.append(mismatch) }
        }
        print("simple YAML mutations: \(accepted) of \(cases) accepted, \(mismatches.count) read otherwise than by Yams")
        #expect(mismatches.count == 0, "first: \(mismatches.prefix(3).joined(separator: "\n\n"))")
        #expect(accepted > 5_000)
    }

    // MARK: Helpers

    /// nil when the simple parser declines or gives Yams' tree; else both trees, for the failure message.
    static func mismatch(_ yaml: String) -> String? {
        guard let simple = SimpleYAMLParser.parse(yaml) else { return nil }
        let reference = (try? Yams.compose(yaml: yaml, YAMLSource.resolver, .default, .utf8)).flatMap { $0 }.map(YAMLNode.init)
        let expected = reference.map { dump($0) } ?? "(Yams: an error or no document)"
        let actual = dump(simple)
        return actual == expected ? nil : "input: \(yaml.debugDescription)\nsimple:\n\(actual)\nyams:\n\(expected)"
    }

    /// One line per node: position, kind, and for a scalar its style, tag and text.
    static func dump(_ node: YAMLNode, depth: Int = 0) -> String {
        let prefix = String(repeating: "  ", count: depth) + "\(node.line):\(node.column) "
        switch node.content {
        case .scalar(let scalar):
            return prefix + "\(scalar.style) \(scalar.tag?.rawValue ?? "-") \(scalar.text.debugDescription)\n"
        case .sequence(let items):
            return prefix + "sequence\n" + items.map { dump($0, depth: depth + 1) }.joined()
        case .mapping(let pairs):
            return prefix + "mapping\n" + pairs.map { dump($0.key, depth: depth + 1) + dump($0.value, depth: depth + 2) }.joined()
        }
    }

    /// This file is <repo>/Tests/BriefingKitTests/Parse/SimpleYAMLParserTests.swift.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The front matter and table directives of each Markdown file, and each YAML file, under `folder`.
    static func yamlDocuments(under folder: URL) throws -> [String] {
        var documents: [String] = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files.sorted(by: { $0.path < $1.path }) {
            switch file.pathExtension {
            case "yaml", "yml": documents.append(try String(contentsOf: file, encoding: .utf8))
            case "md": documents += embeddedYAML(in: try String(contentsOf: file, encoding: .utf8))
            default: break
            }
        }
        return documents
    }

    /// The lines between a first line `---` and the next `---` or `...`, and the body of each `table` fence.
    static func embeddedYAML(in markdown: String) -> [String] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var documents: [String] = []
        if lines.first == "---", let end = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) {
            documents.append(lines[1..<end].map { $0 + "\n" }.joined())
        }
        var index = lines.startIndex
        while index < lines.endIndex {
            if lines[index] == "```table", let end = lines[(index + 1)...].firstIndex(of: "```") {
                documents.append(lines[(index + 1)..<end].map { $0 + "\n" }.joined())
                index = end
            }
            index += 1
        }
        return documents
    }
}
