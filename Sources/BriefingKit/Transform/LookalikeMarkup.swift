import BriefingMarkdown
import BriefingSupport
import Foundation

/// Markdown written with characters that look like its markup and are not, so cmark reads none of them as
/// markup and the page showed them as typed, without a word:
/// - typed with a Korean, Japanese or Chinese input method still on: `＃＃ 제목`, `－ 항목`, `１．`, `＞ 인용`,
///   a table's `｜`, a link's `［…］（…）`, a task's `［x］`;
/// - pasted from a word processor: its bullets (`•`, `◦`, `▪`), and a no-break space (U+00A0) after a
///   heading's `#`, a list's `-` or a quotation's `>`.
/// Each is warned of where it stands, with what to type instead. They can only stand in a paragraph's
/// lines, which is where they are looked for (a code block's are code).
struct LookalikeMarkup: DocumentTransform {
    /// U+FF01–U+FF5E are the full-width forms of `!` to `~`, each 0xFEE0 above its ASCII character.
    private static let offset: UInt32 = 0xFEE0
    private static let bullets: Set<Unicode.Scalar> = ["•", "◦", "▪", "●", "○", "■", "□", "‣", "⁃"]

    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        guard Self.mayHoldLookalike(context.page.body) else { return }
        var left = PageDiagnostics.limit
        for paragraph in document.root.descendants(ofKind: .paragraph) where paragraph.start.line > 0 && left > 0 {
            for number in paragraph.start.line...max(paragraph.start.line, paragraph.end.line) {
                guard let line = context.diagnostics.bodyLine(number), let (written, column, message) = Self.mistake(in: line) else { continue }
                left -= 1
                context.diagnostics.warning("'\(written)' \(message)", at: SourcePosition(line: number, column: column))
            }
        }
    }

    /// Whether the page holds any of the characters at all, in one `memchr` pass a lead byte: a full-width
    /// form (EF BC, EF BD), a no-break space (C2 A0), a bullet (E2 80 A2, E2 80 A3, E2 81 83, E2 96, E2 97).
    /// Every page asks, and most hold none of them.
    static func mayHoldLookalike(_ body: Substring) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            func holds(_ lead: UInt8, _ follows: (UInt8, UInt8) -> Bool) -> Bool {
                var from = 0
                while from < bytes.count, let found = memchr(base + from, Int32(lead), bytes.count - from) {
                    let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if index + 1 < bytes.count, follows(bytes[index + 1], index + 2 < bytes.count ? bytes[index + 2] : 0) { return true }
                    from = index + 1
                }
                return false
            }
            return holds(0xEF) { second, _ in second == 0xBC || second == 0xBD } || holds(0xC2) { second, _ in second == 0xA0 }
                || holds(0xE2) { second, third in
                    second == 0x96 || second == 0x97 || second == 0x80 && (third == 0xA2 || third == 0xA3) || second == 0x81 && third == 0x83
                }
        }
    }

    /// The first full-width markup of a line: what was typed, its 1-based byte column, and what it should be.
    static func mistake(in line: Substring) -> (String, Int, String)? {
        let indent = line.prefix { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        let rest = line.dropFirst(indent.count)
        let column = indent.utf8.count + 1
        guard let first = rest.unicodeScalars.first else { return nil }
        let afterFirst = rest.unicodeScalars.dropFirst().first
        let spaced = afterFirst.map { $0 == " " || $0 == "\u{3000}" } ?? false
        switch first {
        case "＃":
            let marks = rest.prefix { $0 == "＃" }
            return (String(marks), column, "is typed with full-width '＃', which makes no heading: type \(String(repeating: "#", count: marks.count)) in ASCII")
        case "－" where spaced, "＊" where spaced, "＋" where spaced:
            return (String(first), column, "is a full-width \(ascii(first)), which makes no list item: type '\(ascii(first))' in ASCII")
        case "＞":
            return ("＞", column, "is a full-width >, which makes no quotation: type '>' in ASCII")
        case _ where bullets.contains(first):
            return (String(first), column, "is a word processor's bullet, which makes no list item: write '- ' for a list item")
        default:
            break
        }
        // `#`, `-`, `*`, `+`, `>` or `1.` and then a no-break space, as a word processor pastes them.
        let marker = rest.unicodeScalars.prefix { "#-*+>.)0123456789".unicodeScalars.contains($0) }
        let written = String(String.UnicodeScalarView(marker))
        // Only a marker as Markdown writes one: `1\u{A0}000` starting a line is a number.
        let isMarker = marker.allSatisfy { $0 == "#" } && marker.count <= 6 || ["-", "*", "+", ">"].contains(written)
            || marker.count >= 2 && marker.dropLast().allSatisfy { ("0"..."9").contains($0) } && (marker.last == "." || marker.last == ")")
        if !marker.isEmpty, isMarker, rest.unicodeScalars.dropFirst(marker.count).first == "\u{A0}" {
            return (written, column, "is followed by a no-break space (U+00A0), pasted from a word processor, which makes no "
                + "\(marker.first == "#" ? "heading" : marker.first == ">" ? "quotation" : "list item"): type a plain space after '\(written)'")
        }
        // `１．`, `1．` or `１.`: a numbered item with a full-width digit or full stop.
        let digits = rest.unicodeScalars.prefix { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
        if !digits.isEmpty, let stop = rest.unicodeScalars.dropFirst(digits.count).first, stop == "．" || stop == "." || stop == "）",
           digits.contains(where: { ("０"..."９").contains($0) }) || stop != "." {
            let written = String(String.UnicodeScalarView(digits)) + String(stop)
            let typed = String(String.UnicodeScalarView(digits.map(asciiScalar))) + (stop == "）" ? ")" : ".")
            return (written, column, "is typed with full-width characters, which make no numbered item: type '\(typed)' in ASCII")
        }
        if line.unicodeScalars.lazy.filter({ $0 == "｜" }).count >= 2, let bar = line.firstIndex(of: "｜") {
            return ("｜", line.utf8.distance(from: line.startIndex, to: bar) + 1, "is a full-width pipe, which divides no table's cells: type '|' in ASCII")
        }
        // `- ［x］ 할 일`: a task's box typed with an input method's brackets, or its `ｘ`.
        if let task = rest.firstMatch(of: /^(?:[-*+]|[0-9]+[.)]) +([［\[][ 　xXｘＸ][］\]])/),
           task.output.1.unicodeScalars.contains(where: { $0.value > 0x7F }) {
            let box = task.output.1
            let done = box.unicodeScalars.contains { "xXｘＸ".unicodeScalars.contains($0) }
            return (String(box), column + rest.utf8.distance(from: rest.startIndex, to: box.startIndex),
                    "is typed with full-width characters, which make no task's box: type '\(done ? "[x]" : "[ ]")' in ASCII")
        }
        if let link = line.range(of: "］（") ?? line.range(of: "]（") ?? line.range(of: "］(") {
            return (String(line[link]), line.utf8.distance(from: line.startIndex, to: link.lowerBound) + 1,
                    "is typed with full-width brackets, which make no link: type '](' in ASCII, as in [words](address)")
        }
        return nil
    }

    private static func asciiScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - offset) ?? scalar : scalar
    }

    private static func ascii(_ scalar: Unicode.Scalar) -> String {
        String(Character(asciiScalar(scalar)))
    }
}
