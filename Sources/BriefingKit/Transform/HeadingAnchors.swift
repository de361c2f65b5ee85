import BriefingMarkdown
import BriefingSupport
import BriefingTemplates
import Foundation

/// A page's table of contents: its headings, nested by level.
public struct TableOfContents: Sendable, Equatable {
    public var entries: [TOCEntry]

    public init(entries: [TOCEntry] = []) {
        self.entries = entries
    }

    /// Whether a reader is helped by it: two headings or more at any level. One `##` over its `###`s is
    /// one top-level entry, and still a page worth a table of contents.
    var isWorthShowing: Bool {
        entries.count >= 2 || entries.contains { !$0.children.isEmpty }
    }
}

public struct TOCEntry: Sendable, Equatable {
    public var level: Int
    public var id: String
    /// The heading without markup.
    public var title: String
    /// The deeper headings that follow this one, up to the next heading of its level or higher.
    public var children: [TOCEntry]

    public init(level: Int, id: String, title: String, children: [TOCEntry] = []) {
        self.level = level
        self.id = id
        self.title = title
        self.children = children
    }
}

/// A heading with the id it was given, for checks that need every heading of a page
/// (skipped levels, `#fragment` links), not only those in the table of contents.
public struct AnchoredHeading: Sendable, Equatable {
    public var level: Int
    public var id: String
    public var title: String
    public var position: SourcePosition

    public init(level: Int, id: String, title: String, position: SourcePosition) {
        self.level = level
        self.id = id
        self.title = title
        self.position = position
    }
}

/// Gives every heading a unique id that links can point at (see `HeadingRegistry`), and collects the
/// table of contents from the levels the page or the site chooses.
///
/// Each heading is replaced by a custom block holding its rendered HTML with the id, so
/// transforms that change a heading's inlines (links, say) must run before this one.
struct HeadingAnchors: DocumentTransform {
    /// The heading levels the site puts into tables of contents (a page's `toc` may choose others).
    let siteLevels: ClosedRange<Int>

    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let levels: ClosedRange<Int> = switch context.page.metadata.toc {
        case .siteDefault, .hidden: siteLevels
        case .levels(let levels): levels
        }
        // A heading must not take the id of a source of the page, which its citation markers link to.
        for number in 0..<context.sourceCount { context.headings.reserve(ThemeIDs.source(number + 1)) }
        // Collect first: the walk must be over before the tree changes.
        let headingNodes = document.root.descendants(ofKind: .heading).compactMap { node in
            node.headingLevel.map { (node: node, level: $0) }
        }
        var entries: [TOCEntry] = []
        let elementIDs = Set(context.numbered.ids(of: .table) + context.numbered.ids(of: .figure))
        var givenIDs: Set<String> = []
        for (node, level) in headingNodes {
            var title = node.plainText
            // Only a title that ends in `}` can give its id.
            let given = title.hasSuffix("}") ? Self.givenID(of: node, context: &context) : nil
            if given != nil { title = node.plainText }
            let slug = given ?? Self.slug(title)
            let id = context.headings.claim(slug)
            if let given { givenIDs.insert(given) }
            if let given, id != given {
                context.diagnostics.error(
                    "the id '\(given)' is taken on this page (by another heading, a table or an image, or an element the page gives "
                        + "its sources, notes or theme): give this heading another",
                    at: context.diagnostics.position(of: "{#" + given + "}", in: node)
                )
            } else if id != slug, givenIDs.contains(slug) {
                context.diagnostics.warning(
                    "this heading's id would be '\(slug)', which a heading before gave itself ({#\(slug)}): links to #\(slug) reach that one, "
                        + "and this heading is #\(id); give one of them another id",
                    at: node.start
                )
            } else if id != slug, elementIDs.contains(slug) {
                // The id a reader or another page would write for the heading leads to the table instead.
                context.diagnostics.warning(
                    "this heading's id would be '\(slug)', which a table or image on the page has ({#\(slug)}): links to #\(slug) "
                        + "reach that instead, and the heading is #\(id); give the table or image another id",
                    at: node.start
                )
            } else if id != slug, ThemeIDs.isPages(slug) {
                context.diagnostics.warning(
                    "this heading's id would be '\(slug)', which the page gives an element of its own (a source, a note or a part of the theme): "
                        + "links to #\(slug) reach that instead, and the heading is #\(id); reword the heading if links are meant for it",
                    at: node.start
                )
            }
            context.headings.record(AnchoredHeading(level: level, id: id, title: title, position: node.start))
            if levels.contains(level) { entries.append(TOCEntry(level: level, id: id, title: title)) }
            let children = node.children
            let isText = children.count == 1 && children[0].kind == .text
            let anchored = document.makeCustomBlock(onEnter: isText ? Self.html(level: level, id: id, content: Self.innerHTML(of: children)) : "", onExit: "")
            // Cannot fail: a heading always has a parent, and any parent of a block
            // (document, block quote, list item, custom block) accepts a custom block.
            try? node.replace(with: anchored)
            // Its images and a figure's citation mark are made last, in the heading that is now out of the tree.
            if !isText { context.whenTheInlinesAreMade { _ in anchored.onEnter = Self.html(level: level, id: id, content: Self.innerHTML(of: node.children)) } }
        }
        context.headings.setTableOfContents(TableOfContents(entries: Self.nested(entries)))
    }

    /// `## Who pays {#who-pays}`: the id the editor gave, taken off the heading's text, as captions and
    /// image titles give theirs. cmark leaves the braces in the heading's last text nodes (split at a `_`
    /// it did not pair); a `{#…}` that is no id is warned of and stays text.
    private static func givenID(of heading: MarkdownNode, context: inout TransformContext) -> String? {
        let run = heading.children.reversed().prefix { $0.kind == .text }.reversed()
        guard let first = run.first else { return nil }
        let text = run.compactMap(\.literal).joined()
        // `\{#id}` is the braces as text: cmark took the backslash, the page's line still has it.
        if let (rest, id) = CrossReferences.trailingID(text), !Self.isEscaped("{#" + id + "}", in: heading, context: context) {
            first.literal = rest
            for node in run.dropFirst() { node.unlink() }
            return id
        }
        if let braces = CrossReferences.trailingNonID(text) {
            context.diagnostics.warning(CrossReferences.nonIDMessage(braces, in: "heading"), at: context.diagnostics.position(of: braces, in: heading))
        }
        return nil
    }

    private static func isEscaped(_ braces: String, in heading: MarkdownNode, context: TransformContext) -> Bool {
        (heading.start.line...max(heading.start.line, heading.end.line)).contains { line in
            context.diagnostics.bodyLine(line)?.contains("\\" + braces) == true
        }
    }

    /// `<h2 id="…">…</h2>` and a line break, its bytes written into one string made to size: appended piece
    /// by piece to a `String`, each of the nine pieces checked the string's capacity and flags again.
    private static func html(level: Int, id: String, content: String) -> String {
        let digit = UInt8(ascii: "0") + UInt8(clamping: level)
        return id.withUTF8Bytes { id in
            content.withUTF8Bytes { content in
                String(unsafeUninitializedCapacity: id.count + content.count + 20) { html in
                    var count = 0
                    func write(_ bytes: some Collection<UInt8>) {
                        count = UnsafeMutableBufferPointer(rebasing: html[count...]).initialize(fromContentsOf: bytes) + count
                    }
                    write("<h".utf8)
                    write(CollectionOfOne(digit))
                    write(" id=\"".utf8)
                    write(id)
                    write("\">".utf8)
                    write(content)
                    write("</h".utf8)
                    write(CollectionOfOne(digit))
                    write(">\n".utf8)
                    return count
                }
            }
        }
    }

    /// A heading's inlines as HTML. Rendered by cmark, so that their markup and escaping are exactly
    /// what the heading itself would have produced; a heading of plain text (most are) is escaped here as
    /// cmark escapes text (`&`, `<`, `>`, `"`; not `'`), without a cmark render per heading.
    static func innerHTML(of children: [MarkdownNode]) -> String {
        guard children.count == 1, children[0].kind == .text, let text = children[0].literal else {
            return children.map { $0.renderHTML() }.joined()
        }
        return HTMLEscape.escaped(text, keepingApostrophes: true)
    }

    /// The id a title asks for before duplicates are told apart: lowercase; letters,
    /// combining marks and digits of any script kept (`북한의 핵` → `북한의-핵`, marks so
    /// that scripts such as Devanagari keep their vowels); runs of whitespace and dashes
    /// become one `-`; other punctuation and symbols are dropped; `section` if nothing is left.
    static func slug(_ title: String) -> String {
        if let slug = asciiSlug(title) { return slug }
        var slug = ""
        var separatorPending = false
        // Composed form, so that the same title typed either way gets the same id.
        for scalar in title.lowercased().precomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.isWhitespace || properties.generalCategory == .dashPunctuation {
                separatorPending = !slug.isEmpty
            } else if Self.keptCategories.contains(properties.generalCategory) {
                if separatorPending {
                    slug += "-"
                    separatorPending = false
                }
                slug.unicodeScalars.append(scalar)
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// The same rules for ASCII titles, byte by byte: letters and digits kept (lowercased), spaces and
    /// hyphens separate, everything else is dropped. Nil for a title with a byte past ASCII, found on the way.
    private static func asciiSlug(_ title: String) -> String? {
        var isASCII = true
        // Written straight into the string: never longer than the title, a separator standing for
        // at least one byte left out.
        let slug = title.withUTF8Bytes { bytes in String(unsafeUninitializedCapacity: bytes.count) { slug in
            var count = 0
            var separatorPending = false
            for byte in bytes {
                switch byte {
                case 0x80...:
                    isASCII = false
                    return 0
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if separatorPending {
                        slug[count] = UInt8(ascii: "-")
                        count += 1
                        separatorPending = false
                    }
                    slug[count] = byte | (byte <= UInt8(ascii: "Z") && byte >= UInt8(ascii: "A") ? 0x20 : 0)
                    count += 1
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C, UInt8(ascii: "-"):
                    separatorPending = count > 0
                default:
                    break
                }
            }
            return count
        } }
        guard isASCII else { return nil }
        return slug.isEmpty ? "section" : slug
    }

    static let keptCategories: Set<Unicode.GeneralCategory> = [
        .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .nonspacingMark, .spacingMark, .enclosingMark,
        .decimalNumber, .letterNumber, .otherNumber,
    ]

    /// Nests a flat, document-ordered list: an entry takes as children the deeper entries
    /// that follow it. Recursion is bounded by the six heading levels.
    private static func nested(_ flat: [TOCEntry]) -> [TOCEntry] {
        var index = flat.startIndex
        return entries(deeperThan: 0, in: flat, from: &index)
    }

    private static func entries(deeperThan level: Int, in flat: [TOCEntry], from index: inout Int) -> [TOCEntry] {
        var result: [TOCEntry] = []
        while index < flat.endIndex, flat[index].level > level {
            var entry = flat[index]
            index += 1
            entry.children = entries(deeperThan: entry.level, in: flat, from: &index)
            result.append(entry)
        }
        return result
    }
}
