import BriefingMarkdown
import BriefingSupport

/// Tables and images given an id are numbered per page ("Table 2", "Figure 1"), and cited with an empty
/// link: `[](table:sma-payments)` prints "Table 2" linked to the table, `[](image:us-bases)` "Figure 1",
/// `[](section:history)` the title of the heading with that id; a link with words keeps them. An id
/// nothing on the page carries is an error at the link.
///
/// The ids are given where each element is written: `{#id}` at the end of a pipe table's `Table:`
/// caption or of an image's title, `id:` in a table directive. The transforms that make those elements
/// register them in `context.numbered`; this one runs after them.
struct CrossReferences: DocumentTransform {
    static let schemes: [(scheme: String, kind: NumberedElements.Kind?)] = [("table:", .table), ("image:", .figure), ("section:", nil)]

    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        for link in context.links(in: document) where link.kind == .link {
            guard let url = link.url, let (scheme, kind) = Self.schemes.first(where: { url.hasPrefix($0.scheme) }) else { continue }
            let id = String(url.dropFirst(scheme.count))
            guard let kind else {
                // Headings get their ids last: cited once every transform ran.
                context.whenAllTransformsRan { context in
                    guard let heading = context.headings.headings.first(where: { $0.id == id }) else {
                        let known = context.headings.headings.map(\.id).joined(separator: ", ")
                        context.diagnostics.error("no heading with the id '\(id)' on this page (headings: \(known.isEmpty ? "none" : known))", at: link)
                        return
                    }
                    Self.point(link, to: id, text: heading.title, document: document)
                }
                continue
            }
            guard let number = context.numbered.number(of: id, kind: kind) else {
                guard !context.numbered.refused.contains(id) else { continue }
                let known = context.numbered.ids(of: kind).joined(separator: ", ")
                let what = kind == .table ? "table" : "image"
                context.diagnostics.error(
                    "no \(what) with the id '\(id)' on this page (\(what)s with ids: \(known.isEmpty ? "none" : known)); give one an id with {#\(id)}", at: link
                )
                continue
            }
            Self.point(link, to: id, text: kind.label(number, in: context.theme.strings[context.page.language]), document: document)
        }
    }

    private static func point(_ link: MarkdownNode, to id: String, text: String, document: MarkdownDocument) {
        link.url = "#" + id
        guard link.firstChild == nil else { return }
        try? link.appendChild(document.makeText(text))
        // `[](table:x)를` was written when the table was 표 2; it is 표 1 now, and takes 을.
        if let next = link.next, next.kind == .text, let after = next.literal, let agreeing = KoreanParticles.agreeing(after, after: text) {
            next.literal = agreeing
        }
    }

    /// `Caption {#id}` → (`Caption`, `id`); nil when the text ends with no id.
    static func trailingID(_ text: String) -> (rest: String, id: String)? {
        guard let (open, inside) = trailingBraces(text) else { return nil }
        let id = asTyped(inside)
        guard isID(id[...]) else { return nil }
        var rest = String(text[..<open])
        while rest.last == " " { rest.removeLast() }
        return (rest, id)
    }

    /// The `{#…}` a text ends with when it is not an id (`{#bad id!}`), which then stays part of the text.
    static func trailingNonID(_ text: String) -> String? {
        guard let (open, inside) = trailingBraces(text), !isID(asTyped(inside)[...]) else { return nil }
        return String(text[open...])
    }

    /// An id as typed where smart punctuation made its `--` an en dash and its `---` an em dash (in a
    /// heading's or a caption's text): `{#q1--2026}` was refused as `{#q1–2026}`, an id never typed.
    private static func asTyped(_ id: Substring) -> String {
        guard id.contains(where: { $0 == "–" || $0 == "—" }) else { return String(id) }
        return id.replacingOccurrences(of: "—", with: "---").replacingOccurrences(of: "–", with: "--")
    }

    static func nonIDMessage(_ braces: String, in place: String) -> String {
        "'\(braces)' at the end of the \(place) is not an id, which is letters, digits, '-' and '_' (such as {#key-figures}): "
            + "it is shown as written"
    }

    /// Where a text's last `{#` is and what stands between it and the `}` the text ends with.
    private static func trailingBraces(_ text: String) -> (open: String.Index, inside: Substring)? {
        guard text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards) else { return nil }
        return (open.lowerBound, text[open.upperBound..<text.index(before: text.endIndex)])
    }

    /// Letters and digits of any script (and the marks some scripts' letters need), `-` and `_`: what a
    /// heading's id keeps of its title, so that `{#표-하나}` is an id as `## 표 하나` gives one.
    static func isID(_ id: Substring) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                ? PlainText.isASCIIAlphanumeric(UInt8(scalar.value)) || scalar == "-" || scalar == "_"
                : HeadingAnchors.keptCategories.contains(scalar.properties.generalCategory)
        }
    }
}

/// The tables and images of a page that carry an id, numbered in the order they appear; and the tables
/// whose caption gives their number (`Table 2: …`), numbered with them, though nothing can cite them.
struct NumberedElements {
    enum Kind {
        case table, figure

        /// "Table 2", "그림 1": the string table's `tableLabel` or `figureLabel`, filled with the number.
        func label(_ number: Int, in strings: StringTable) -> String {
            let (key, english) = self == .table ? ("tableLabel", "Table {number}") : ("figureLabel", "Figure {number}")
            return strings.word(key, english: english, filling: ["number": strings.number(number)])
        }
    }

    private var entries: [(kind: Kind, id: String?, position: SourcePosition)] = []
    /// Ids given but refused, already an error: a citation of one is no second mistake to report.
    private(set) var refused: Set<String> = []

    mutating func refuse(_ id: String) {
        refused.insert(id)
    }

    /// False when the id is taken already.
    mutating func register(_ kind: Kind, id: String, at position: SourcePosition) -> Bool {
        guard !entries.contains(where: { $0.id == id }) else { return false }
        entries.append((kind, id, position))
        return true
    }

    /// An element numbered without an id, by where it is.
    mutating func register(_ kind: Kind, at position: SourcePosition) {
        entries.append((kind, nil, position))
    }

    /// 1 + how many elements of its kind come before it on the page.
    func number(of id: String, kind: Kind) -> Int? {
        entries.first { $0.id == id && $0.kind == kind }.map { number(at: $0.position, kind: kind) }
    }

    /// The number of the element of this kind registered at this position.
    func number(at position: SourcePosition, kind: Kind) -> Int {
        1 + entries.count { $0.kind == kind && ($0.position.line, $0.position.column) < (position.line, position.column) }
    }

    func ids(of kind: Kind) -> [String] {
        entries.filter { $0.kind == kind }.compactMap(\.id)
    }
}
