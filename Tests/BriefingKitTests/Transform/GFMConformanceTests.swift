import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

/// Briefing's pipe tables and footnotes against Debian's `cmark-gfm` as the oracle, on GFM's own examples
/// of each construct and on seeded generated documents. What is compared is what a reader gets: each
/// table's cells (their HTML) and alignments, each note's text and the numbers of the marks that cite
/// it; not the markup around them, where Briefing's accessible HTML differs from GitHub's on purpose.
@Suite struct GFMConformanceTests {
    static let generatedDocuments = 1_000
    static let oracle: URL? = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].map(URL.init(fileURLWithPath:))
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    @Test func tablesMatchCmarkGFM() throws {
        guard let oracle = Self.oracle else {
            print("gfm tables: skipped: cmark-gfm is not installed (apt-get install cmark-gfm; .ci/run installs it)")
            return
        }
        var generator = SeededGenerator(seed: 0x7AB1E5)
        var documents = GFMExamples.tables + (0..<Self.generatedDocuments).map { _ in TableDocuments.make(&generator) }
        documents += (0..<Self.generatedDocuments).map { _ in TableDocuments.inContainer(TableDocuments.make(&generator), &generator) }
        let expected = try Self.runOracle(oracle, on: documents)
        var passed = 0, failed = 0
        // What follows a table is compared outside containers only: inside one, after a lazy line ends the
        // table, cmark-gfm opens the quote or list again for the later lines, where Briefing keeps them
        // as a paragraph after it (the cells agree).
        let topLevel = GFMExamples.tables.count + Self.generatedDocuments
        for (index, (document, gfm)) in zip(documents, expected).enumerated() {
            let ours = TransformHarness.run(document, [Autolinks(), PipeTables(), Footnotes(), Strikethrough()]).html
            let theirs = Tables.fromGFM(gfm), mine = Tables.fromBriefing(ours)
            if Tables.agree(theirs, mine), index >= topLevel || Tables.blocks(gfm) == Tables.blocks(ours) {
                passed += 1
            } else {
                failed += 1
                Issue.record(
                    "table differs from cmark-gfm's:\n\(document)\n--- cmark-gfm:\n\(theirs)\n\(Tables.blocks(gfm))\n--- Briefing:\n\(mine)\n\(Tables.blocks(ours))"
                )
            }
        }
        print("gfm tables: \(passed) passed, \(failed) failed")
        #expect(failed == 0)
    }

    @Test func footnotesMatchCmarkGFM() throws {
        guard let oracle = Self.oracle else {
            print("gfm footnotes: skipped: cmark-gfm is not installed (apt-get install cmark-gfm; .ci/run installs it)")
            return
        }
        var generator = SeededGenerator(seed: 0xF007)
        let documents = GFMExamples.footnotes + (0..<Self.generatedDocuments).map { _ in FootnoteDocuments.make(&generator) }
        let expected = try Self.runOracle(oracle, on: documents)
        var passed = 0, failed = 0
        for (document, gfm) in zip(documents, expected) {
            let ours = TransformHarness.run(document, [Autolinks(), PipeTables(), Footnotes(), Strikethrough()]).html
            let theirs = Notes.fromGFM(gfm), mine = Notes.fromBriefing(ours)
            if theirs == mine {
                passed += 1
            } else {
                failed += 1
                Issue.record("footnotes differ from cmark-gfm's:\n\(document)\n--- cmark-gfm:\n\(theirs)\n--- Briefing:\n\(mine)")
            }
        }
        print("gfm footnotes: \(passed) passed, \(failed) failed")
        #expect(failed == 0)
    }

    /// Every document's HTML from one run of cmark-gfm: the documents go in one after the other, each
    /// after a separator paragraph, and the output is cut at those paragraphs again. Footnotes are
    /// numbered across the whole input, so each document's labels are made its own first, and its
    /// notes (listed at the very end) are given back to it by their labels.
    static func runOracle(
        _ oracle: URL, on documents: [String], extensions: [String] = ["table", "footnotes", "strikethrough", "autolink"]
    ) throws -> [String] {
        var input = ""
        for (index, document) in documents.enumerated() {
            input += "\n\nGFM-DOCUMENT-\(index)\n\n"
            input += document.replacingOccurrences(of: "[^", with: "[^d\(index)-")
        }
        let process = Process()
        process.executableURL = oracle
        process.arguments = extensions.flatMap { ["-e", $0] }
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        let bytes = Data(input.utf8)
        let writer = Thread {
            stdin.fileHandleForWriting.write(bytes)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var (body, notes) = (output, "")
        if let range = output.range(of: "<section class=\"footnotes\" data-footnotes>") {
            body = String(output[..<range.lowerBound])
            notes = String(output[range.lowerBound...])
        }
        var parts = body.split(separator: /<p>GFM-DOCUMENT-\d+<\/p>\n/, omittingEmptySubsequences: false).dropFirst().map(String.init)
        let items = notes.matches(of: /<li id="fn-d(\d+)-[^"]*">\n((?:.|\n)*?)<\/li>\n/)
        for item in items {
            guard let index = Int(item.output.1), index < parts.count else { continue }
            parts[index] += "<li class=\"gfm-note\">\n" + String(item.output.2) + "</li>\n"
        }
        return parts
    }
}

/// The cells (HTML) and alignments of each table of a page, as cmark-gfm or Briefing wrote them.
enum Tables {
    struct Cell: Equatable, CustomStringConvertible {
        /// "right", "center", or "" for left or none (which Briefing writes alike, numbers right-aligned).
        var alignment: String
        var html: String
        var description: String { "[\(alignment)] \(html)" }

        /// A footnote mark reads "[note N]" whoever wrote it: its ids and attributes differ by design.
        init(alignment: String, html: String) {
            self.alignment = alignment
            self.html = html.replacing(/<sup class="footnote-ref">(?:&#8288;)?<a [^>]*>(\d+)<\/a><\/sup>/) { "[note \($0.output.1)]" }
        }
    }

    static func fromGFM(_ html: String) -> [[[Cell]]] {
        html.matches(of: /<table>\n((?:.|\n)*?)<\/table>/).map { table in
            String(table.output.1).matches(of: /<tr>\n((?:.|\n)*?)<\/tr>/).map { row in
                String(row.output.1).matches(of: /<t[hd](?: align="(\w+)")?>(.*)<\/t[hd]>\n/).map { cell in
                    let align = cell.output.1.map(String.init) ?? ""
                    return Cell(alignment: align == "left" ? "" : align, html: String(cell.output.2))
                }
            }
        }
    }

    static func fromBriefing(_ html: String) -> [[[Cell]]] {
        html.matches(of: /<table>\n((?:.|\n)*?)<\/table>/).map { table in
            String(table.output.1).matches(of: /<tr>(.*)<\/tr>\n/).map { row in
                String(row.output.1).matches(of: /<t[hd](?: scope="\w+")?(?: class="(\w+)")?>(.*?)<\/t[hd]>/).map { cell in
                    let cssClass = cell.output.1.map(String.init) ?? ""
                    return Cell(alignment: cssClass == "num" ? "right" : cssClass, html: String(cell.output.2))
                }
            }
        }
    }

    /// The blocks in order, as their start tags name them (a table's figure and wrappers aside): what
    /// ends a table and what follows it.
    static func blocks(_ html: String) -> [String] {
        let body = html.split(separator: "<li class=\"gfm-note\">").first.map { $0.split(separator: "<section").first ?? $0 } ?? ""
        return body.matches(of: /<(table|pre|ol|ul|li|blockquote|hr|h[1-6])[\s>\/]/).map { String($0.output.1) }
    }

    /// Equal cells and alignments, except that a column GitHub leaves unaligned Briefing may right-align
    /// because it holds numbers.
    static func agree(_ gfm: [[[Cell]]], _ briefing: [[[Cell]]]) -> Bool {
        guard gfm.count == briefing.count else { return false }
        for (theirs, mine) in zip(gfm, briefing) {
            guard theirs.count == mine.count else { return false }
            for (theirRow, myRow) in zip(theirs, mine) {
                guard theirRow.count == myRow.count else { return false }
                for (theirCell, myCell) in zip(theirRow, myRow) {
                    guard theirCell.html == myCell.html else { return false }
                    guard theirCell.alignment == myCell.alignment || (theirCell.alignment.isEmpty && myCell.alignment == "right") else { return false }
                }
            }
        }
        return true
    }
}

/// The numbers of the marks in a page's text, then the text of each note in order, as cmark-gfm or
/// Briefing wrote them.
enum Notes {
    static func fromGFM(_ html: String) -> [String] {
        let marks = html.components(separatedBy: "<li class=\"gfm-note\">").first ?? html
        let notes = html.matches(of: /<li class="gfm-note">\n((?:.|\n)*?)<\/li>\n/).map { note in
            text(String(note.output.1).replacing(/\ ?<a href="#fnref[^"]*" class="footnote-backref"[^>]*>↩(?:<sup class="footnote-ref">\d+<\/sup>)?<\/a>/, with: ""))
        }
        // Notes are numbered across every document cmark-gfm was given at once: this one's start after the
        // notes of those before it, at its first mark.
        let global = numbers(marks)
        let offset = (global.min() ?? 1) - 1
        return ["marks: " + global.map { String($0 - offset) }.joined(separator: " ")] + notes
    }

    static func fromBriefing(_ html: String) -> [String] {
        let marks = html.components(separatedBy: "<section class=\"footnotes\"").first ?? html
        let notes = html.matches(of: /<li id="fn-\d+">\n((?:.|\n)*?)<\/li>\n(?=<li|<\/ol>)/).map { note in
            text(String(note.output.1).replacing(/<span class="footnote-back">.*<\/a><\/span>/, with: ""))
        }
        return ["marks: " + numbers(marks).map(String.init).joined(separator: " ")] + notes
    }

    private static func numbers(_ html: String) -> [Int] {
        html.matches(of: /<sup class="footnote-ref">(?:&#8288;)?<a [^>]*>(\d+)<\/a><\/sup>/).compactMap { Int($0.output.1) }
    }

    /// Text without tags, its whitespace made single spaces.
    private static func text(_ html: String) -> String {
        html.replacing(/<[^>]*>/, with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// SplitMix64: the same documents on every machine and every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Pipe tables as editors write them, and as they mistype them.
enum TableDocuments {
    static let words = [
        "Year", "2026", "$1.2 billion", "about 28,500", "*emphasis*", "**strong**", "`code`", "`a \\| b`", "f\\|oo", "",
        "[State](https://www.state.gov/)", "x", "Seoul's share", "1991--2026", "<b>raw</b>", "&amp;", "a_b_c", "~~old~~", "\\*", "52.8%",
    ]

    static func make(_ generator: inout SeededGenerator) -> String {
        let columns = Int.random(in: 1...4, using: &generator)
        let outer = Bool.random(using: &generator)
        func row(_ count: Int) -> String {
            let cells = (0..<count).map { _ in words.randomElement(using: &generator)! }
            let pad = String(repeating: " ", count: Int.random(in: 0...2, using: &generator))
            let inner = cells.map { pad + $0 + pad }.joined(separator: "|")
            if count == 1, !outer { return "|" + inner + "|" }
            return outer ? "|" + inner + "|" : inner
        }
        let markers = (0..<columns).map { _ in [":--", "--:", ":-:", "---", "-"].randomElement(using: &generator)! }
        var lines: [String] = []
        if Int.random(in: 0..<5, using: &generator) == 0 { lines.append("A paragraph line before the header") }
        lines.append(row(columns))
        lines.append(outer || columns == 1 ? "|" + markers.joined(separator: "|") + "|" : markers.joined(separator: " | "))
        for _ in 0..<Int.random(in: 0...4, using: &generator) {
            let count = max(1, columns + Int.random(in: -1...1, using: &generator))
            lines.append(row(count))
        }
        // A setext underline right under the table: cmark reads a heading, cmark-gfm a table, then a rule or a row.
        if Int.random(in: 0..<6, using: &generator) == 0 { lines.append(["---", "===", "- - -", "------"].randomElement(using: &generator)!) }
        // A block that cannot interrupt a paragraph, which ends the table on GitHub.
        if Int.random(in: 0..<6, using: &generator) == 0 {
            lines.append(["    code", "    code | x", "2. item", "10) ten\n11) eleven", "<span>", "</div>", "*", "3.", "<br/>"].randomElement(using: &generator)!)
        }
        var document = lines.joined(separator: "\n") + "\n"
        if Bool.random(using: &generator) { document += "\nA closing paragraph.\n" }
        return document
    }

    /// The document in a list item, a quote or both, sometimes after a line of the item's text; some of
    /// its lines lack the indentation or `>` (lazy continuation lines, which end a table on GitHub).
    static func inContainer(_ document: String, _ generator: inout SeededGenerator) -> String {
        let containers: [(first: String, next: String, lazy: [String])] = [
            ("- ", "  ", ["", " "]), ("1. ", "   ", ["", "  "]), ("> ", "> ", ["", "  "]), (">", ">", [""]),
            ("- > ", "  > ", ["", "  ", "> "]), ("> 10) ", ">     ", ["", "> ", ">   "]), ("- ", "   ", ["", " "]),
            ("* a\n  - ", "    ", ["", "  ", "   "]), (">> ", "> > ", ["", "> ", ">"]), ("+    ", "     ", ["", "    "]),
            ("2.\n   ", "   ", ["", " "]), ("-      ", "  ", ["", " "]), (" >  - ", ">    ", ["", "> ", "  "]),
        ]
        let container = containers.randomElement(using: &generator)!
        var lines = document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if Bool.random(using: &generator) { lines.insert("The item's own text", at: 0) }
        var out: [String] = []
        for (index, line) in lines.enumerated() {
            if line.isEmpty {
                out.append("")
            } else if index == 0 {
                out.append(container.first + line)
            } else if Int.random(in: 0..<4, using: &generator) == 0 {
                out.append(container.lazy.randomElement(using: &generator)! + line)
            } else {
                out.append(container.next + line)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// Footnotes as editors write them: cited once or more, defined in any order, some never cited, some
/// continued by indented paragraphs or code, some defined by a URL alone, some cited and never defined.
enum FootnoteDocuments {
    static let labels = ["1", "2", "note", "sma", "a-b", "X9"]
    static let texts = [
        "https://example.org", "Word", "A *short* note.", "See `code` and [a link](https://example.org/).", "Two \"quoted\" words",
        "Under the SMA, signed 2021.",
    ]

    static func make(_ generator: inout SeededGenerator) -> String {
        var document = ""
        var defined: [String] = []
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            var sentence = "Seoul pays more"
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let label = labels.randomElement(using: &generator)!
                sentence += "[^\(label)] and"
            }
            document += sentence + " so on.\n\n"
        }
        for label in labels.shuffled(using: &generator) where Int.random(in: 0..<5, using: &generator) > 0 {
            guard !defined.contains(label) else { continue }
            defined.append(label)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: document += "[^\(label)]: \(texts.randomElement(using: &generator)!)\n    continued on a second line.\n\n    A second paragraph.\n\n"
            case 1: document += "[^\(label)]:\n    \(texts.randomElement(using: &generator)!)\n\n        indented code\n\n"
            default: document += "[^\(label)]: \(texts.randomElement(using: &generator)!)\n\n"
            }
        }
        return document
    }
}
