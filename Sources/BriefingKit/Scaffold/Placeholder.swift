/// Placeholder text in archetypes: the newsroom's "TK" ("to come"), written `TK:` at the start of a
/// value or a paragraph, so `new` can leave hints for the editor that `briefing check` finds if they
/// are still there when the page is published; editors write their own anywhere (`rose by TK: % in 2026`).
public enum Placeholder {
    public static let mark = "TK:"

    /// Whether text holds the mark as a word of its own (not the end of `ATK:`).
    static func marks(_ text: Substring) -> Bool {
        var rest = text
        while let found = rest.range(of: mark) {
            if found.lowerBound == text.startIndex || !text[text.index(before: found.lowerBound)].isLetter { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }
}
