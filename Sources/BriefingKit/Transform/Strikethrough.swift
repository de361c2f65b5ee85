import BriefingMarkdown
import BriefingSupport

/// GitHub's strikethrough: `~~text~~` (or `~text~`) → `<del>` from the theme's `strikethrough` partial.
///
/// cmark leaves tildes in text, so they are paired here as cmark-gfm pairs them: a run of one or two
/// tildes opens when it is left-flanking and closes when it is right-flanking (the rules of `*`); a
/// closer takes the nearest opener before it that the rule of three allows (a run that can both open
/// and close pairs with no run whose length makes three with its own, so `~~3~5~~` strikes `3~5`); the
/// two strike what lies between when they are as long, and are both text when they are not. Runs of
/// three or more are text, as are tildes written `\~` or `&#126;`, and (unlike GitHub) a single tilde
/// between two letters or digits, which writes a range. Runs pair among the inlines of one
/// container (a paragraph, a heading, an emphasis, a link, a table cell), where the inlines around a
/// tilde show whether it is flanked.
struct Strikethrough: DocumentTransform {
    static let maxOpen = 256

    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        guard PlainText.contains(UInt8(ascii: "~"), in: context.page.body) else { return }
        var containers: [MarkdownNode] = []
        var seen: Set<MarkdownNode> = []
        for text in document.root.descendants(ofKind: .text) {
            guard let parent = text.parent, text.withLiteralBytes({ $0.contains(UInt8(ascii: "~")) }) == true else { continue }
            if seen.insert(parent).inserted { containers.append(parent) }
        }
        guard !containers.isEmpty else { return }
        // Only a page that writes an escape or an entity can have a tilde that is text.
        let diagnostics = PlainText.contains("\\~", in: context.page.body) || PlainText.contains("&#", in: context.page.body)
            ? context.diagnostics : nil
        let wrapper: ThemeHTML.Wrapper
        do throws(Diagnostic) {
            wrapper = try context.theme.wrapper("strikethrough", [:], language: context.page.language)
        } catch {
            context.diagnostics.append(error)
            return
        }
        for container in containers {
            Self.pair(in: container, document: document, wrapper: wrapper) { text in
                diagnostics.map { EscapedCharacters.offsets(of: UInt8(ascii: "~"), in: text, diagnostics: $0) } ?? []
            }
        }
    }

    private enum Item {
        case node(MarkdownNode)
        case text(String)
        case run(Int)
        case deleted([Item])
    }

    private struct Run {
        var item: Int
        var length: Int
        var canClose: Bool

        /// cmark's rule of three, which cmark-gfm applies to tildes as to `*`.
        func mayPair(closerLength: Int, closerCanOpen: Bool) -> Bool {
            !(closerCanOpen || canClose) || (length + closerLength) % 3 != 0
        }
    }

    private static func pair(
        in container: MarkdownNode, document: MarkdownDocument, wrapper: ThemeHTML.Wrapper, escapes: (MarkdownNode) -> Set<Int>
    ) {
        let children = container.children
        // The character each child starts and ends with, as flanking sees it: inlines other than text
        // are written with punctuation (`*`, `` ` ``, `]`, `>`) but bare addresses, breaks are whitespace.
        func edge(_ node: MarkdownNode?, last: Bool) -> Character {
            guard let node else {
                return [.paragraph, .heading, .customInline].contains(container.kind) ? " " : "*"
            }
            switch node.kind {
            case .text: return (last ? node.literal?.last : node.literal?.first) ?? " "
            case .softBreak, .lineBreak: return " "
            // An address written bare starts and ends with its own characters, as GitHub sees them.
            case .link where node.isBareLink:
                let text = node.plainText
                return (last ? text.last : text.first) ?? "*"
            default: return "*"
            }
        }
        var items: [Item] = []
        var runs: [Run] = []
        var matched = false
        for (index, child) in children.enumerated() {
            guard child.kind == .text, let literal = child.literal, literal.contains("~") else {
                items.append(.node(child))
                continue
            }
            let characters = Array(literal)
            let escaped = escapes(child)
            // Where, among the literal's Characters, the tildes that are text stand: found only when some are.
            var literalTildes: Set<Int> = []
            if !escaped.isEmpty {
                var offset = 0
                for (position, character) in characters.enumerated() {
                    if escaped.contains(offset) { literalTildes.insert(position) }
                    offset += character.utf8.count
                }
            }
            func isDelimiter(_ position: Int) -> Bool { characters[position] == "~" && !literalTildes.contains(position) }
            var position = 0
            var pending = ""
            while position < characters.count {
                guard isDelimiter(position) else {
                    pending.append(characters[position])
                    position += 1
                    continue
                }
                var end = position
                while end < characters.count, isDelimiter(end) { end += 1 }
                let length = end - position
                let before = position > 0 ? characters[position - 1] : edge(index > 0 ? children[index - 1] : nil, last: true)
                let after = end < characters.count ? characters[end] : edge(index + 1 < children.count ? children[index + 1] : nil, last: false)
                let (left, right) = flanking(before: before, after: after)
                guard length <= 2, left || right, !Self.isRange(length: length, before: before, after: after) else {
                    pending += String(repeating: "~", count: length)
                    position = end
                    continue
                }
                if !pending.isEmpty { items.append(.text(pending)) }
                pending = ""
                position = end
                if right, let opener = runs.lastIndex(where: { $0.mayPair(closerLength: length, closerCanOpen: left) }) {
                    if runs[opener].length == length {
                        let start = runs[opener].item
                        let inside = Array(items[(start + 1)...])
                        items.removeSubrange(start...)
                        items.append(.deleted(inside))
                        runs.removeSubrange(opener...)
                        matched = true
                        continue
                    }
                    // Runs of different lengths strike nothing, and neither waits any longer, nor any between.
                    runs.removeSubrange(opener...)
                    items.append(.run(length))
                    continue
                }
                items.append(.run(length))
                // Only openers wait: a closer that found no opener can still open, nothing more.
                // Past `maxOpen` waiting openers a run stays text, which bounds both the search for an opener
                // and how deep struck-through text nests (hostile input: a page of `~~a ~~b ~~c …`).
                if left, runs.count < Strikethrough.maxOpen { runs.append(Run(item: items.count - 1, length: length, canClose: right)) }
            }
            if !pending.isEmpty { items.append(.text(pending)) }
        }
        guard matched else { return }
        for child in children { child.unlink() }
        func place(_ items: [Item], in parent: MarkdownNode) {
            for item in items {
                switch item {
                case .node(let node): try? parent.appendChild(node)
                case .text(let text): try? parent.appendChild(document.makeText(text))
                case .run(let length): try? parent.appendChild(document.makeText(String(repeating: "~", count: length)))
                case .deleted(let inside):
                    let deleted = document.makeCustomInline(onEnter: wrapper.open, onExit: wrapper.close, struck: true)
                    place(inside, in: deleted)
                    try? parent.appendChild(deleted)
                }
            }
        }
        place(items, in: container)
    }

    /// CommonMark's left- and right-flanking rules for a delimiter run between `before` and `after`.
    static func flanking(before: Character, after: Character) -> (left: Bool, right: Bool) {
        let spaceBefore = before.isWhitespace, spaceAfter = after.isWhitespace
        let punctuationBefore = isPunctuation(before), punctuationAfter = isPunctuation(after)
        let left = !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore)
        let right = !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter)
        return (left, right)
    }

    /// A single tilde between two letters or digits is a range, as Korean, Japanese and Chinese write
    /// them (`3~5월`, `1950년~1953년`, `월~금`), and English too (`10~12`): GitHub strikes out what lies
    /// between two such, and a paragraph with two ranges lost its words between them.
    private static func isRange(length: Int, before: Character, after: Character) -> Bool {
        length == 1 && (before.isLetter || before.isNumber) && (after.isLetter || after.isNumber)
    }

    private static func isPunctuation(_ character: Character) -> Bool {
        character.isPunctuation || character.isSymbol
    }
}
