import BriefingMarkdown
import BriefingSupport

/// `briefing check`: what a Korean input method leaves in text that no one sees or means: a letter of a
/// syllable not yet composed (`중요합니다ㅇ`, `## 제목ㅁ`, which then is in the heading's id), a full-width
/// space (U+3000) and a zero-width one. Each is warned of where it is written, once a text.
struct InputLeftoversCheck: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let body = context.page.body
        // Jamo are E3 84–86 in UTF-8, U+3000 is E3 80 80; zero-width characters start E2 80 or EF BB.
        guard PlainText.contains(0xE3, followedBy: 0x84, in: body) || PlainText.contains(0xE3, followedBy: 0x85, in: body)
            || PlainText.contains(0xE3, followedBy: 0x86, in: body) || PlainText.contains("\u{3000}", in: body)
            || PlainText.contains("\u{200B}", in: body) || PlainText.contains("\u{FEFF}", in: body)
        else { return }
        var left = PageDiagnostics.limit
        for text in document.root.descendants(ofKind: .text) where left > 0 {
            guard let literal = text.literal, let (found, why) = Self.leftover(in: literal), let start = context.diagnostics.ownPosition(of: text),
                  let line = context.diagnostics.bodyLine(start.line), let at = line.range(of: found)
            else { continue }
            left -= 1
            let column = line.utf8.distance(from: line.startIndex, to: at.lowerBound) + 1
            context.diagnostics.warning(why, at: SourcePosition(line: start.line, column: column))
        }
    }

    /// The first leftover of a text: what to find in its line, and the message.
    static func leftover(in text: String) -> (String, String)? {
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar.value {
            case 0x3131...0x318E:
                // A letter right after a syllable was being typed into it; ㄱ, ㄴ, ㄷ on their own are named.
                guard let previous, (0xAC00...0xD7A3).contains(previous.value) else { continue }
                let pair = String(Character(previous)) + String(Character(scalar))
                return (pair, "'\(pair)' ends in the letter '\(Character(scalar))', left by the input method: delete it, or finish the syllable")
            case 0x3000:
                return ("\u{3000}", "a full-width space (U+3000) that an input method typed: write a space")
            case 0x200B, 0xFEFF:
                let code = ForbiddenCharacter.codePoint(scalar.value)
                return (String(Character(scalar)), "a zero-width character (\(code)), which no one sees but breaks searches and links: delete it")
            default:
                continue
            }
        }
        return nil
    }
}
