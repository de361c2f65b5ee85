import BriefingMarkdown
import BriefingSupport

/// Korean lines break between words (`word-break: keep-all`), but browsers may break after a closing
/// quotation mark or bracket, and the particle written against it (`‘축소’가`, `(SCM)은`) then started the
/// next line, which Korean typesetting never does. A word joiner (U+2060), which readers do not see,
/// keeps the mark and the syllable after it together. Only on pages in Korean.
struct KoreanLineBreaks: DocumentTransform {
    static let joiner = "\u{2060}"
    private static let closingMarks: Set<Unicode.Scalar> = ["’", "”", ")", "）", "」", "』", "》", "〉", "]", "］"]

    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let code = context.model.ownLanguage(of: context.page)?.code ?? context.model.languageCode(context.page.language)
        guard Language.primarySubtag(of: code) == "ko" else { return }
        for text in document.root.descendants(ofKind: .text) {
            guard let literal = text.literal else { continue }
            var kept = Self.joined(literal) ?? literal
            // A mark that ends one text before a syllable that starts the next (cmark splits text at quotes).
            if let last = kept.unicodeScalars.last, Self.closingMarks.contains(last), let next = text.next, next.kind == .text,
               let first = next.literal?.unicodeScalars.first, KoreanParticles.isHangulSyllable(first) {
                kept += Self.joiner
            }
            if kept.utf8.count != literal.utf8.count { text.literal = kept }
        }
    }

    /// The text with a joiner between each closing mark and the syllable right after it; nil when it has none.
    private static func joined(_ text: String) -> String? {
        // Most texts have no closing mark: looked at once, and not copied.
        guard text.unicodeScalars.contains(where: closingMarks.contains) else { return nil }
        var scalars = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        var changed = false
        for scalar in text.unicodeScalars {
            if let previous, closingMarks.contains(previous), KoreanParticles.isHangulSyllable(scalar) {
                scalars.append(contentsOf: joiner.unicodeScalars)
                changed = true
            }
            scalars.append(scalar)
            previous = scalar
        }
        return changed ? String(scalars) : nil
    }
}
