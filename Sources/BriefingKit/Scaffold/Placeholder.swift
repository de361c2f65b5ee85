/// Placeholder text in archetypes: the newsroom's "TK" ("to come"), written `TK:` at the start of a
/// value or a paragraph, so `new` can leave hints for the editor that `briefing check` finds if they
/// are still there when the page is published.
public enum Placeholder {
    public static let mark = "TK:"

    /// Whether text starts with the mark (leading spaces allowed).
    static func marks(_ text: Substring) -> Bool {
        text.drop { $0 == " " || $0 == "\t" }.hasPrefix(mark)
    }
}
