import Ccmark
import Foundation

/// A place in a Markdown body as cmark reports it: 1-based line, and 1-based column
/// counted in UTF-8 bytes. Lines count from the start of the text that was parsed, so a
/// caller that stripped front matter adds its line count. Nodes that did not come from
/// the source (created by a transform, soft breaks) are at line 0, column 0.
public struct SourcePosition: Sendable, Equatable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A handle on one node of a `MarkdownDocument`'s tree.
///
/// Holding the document keeps the whole tree alive, so a handle never dangles, even after
/// its node has been unlinked. Handles compare equal when they refer to the same node.
public struct MarkdownNode {
    public let document: MarkdownDocument
    package let pointer: OpaquePointer

    public enum Kind: Int, Sendable, Hashable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock
        case paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, customInline
        case emphasis, strong, link, image

        package init(_ type: cmark_node_type) {
            switch type {
            case CMARK_NODE_DOCUMENT: self = .document
            case CMARK_NODE_BLOCK_QUOTE: self = .blockQuote
            case CMARK_NODE_LIST: self = .list
            case CMARK_NODE_ITEM: self = .item
            case CMARK_NODE_CODE_BLOCK: self = .codeBlock
            case CMARK_NODE_HTML_BLOCK: self = .htmlBlock
            case CMARK_NODE_CUSTOM_BLOCK: self = .customBlock
            case CMARK_NODE_PARAGRAPH: self = .paragraph
            case CMARK_NODE_HEADING: self = .heading
            case CMARK_NODE_THEMATIC_BREAK: self = .thematicBreak
            case CMARK_NODE_TEXT: self = .text
            case CMARK_NODE_SOFTBREAK: self = .softBreak
            case CMARK_NODE_LINEBREAK: self = .lineBreak
            case CMARK_NODE_CODE: self = .code
            case CMARK_NODE_HTML_INLINE: self = .htmlInline
            case CMARK_NODE_CUSTOM_INLINE: self = .customInline
            case CMARK_NODE_EMPH: self = .emphasis
            case CMARK_NODE_STRONG: self = .strong
            case CMARK_NODE_LINK: self = .link
            case CMARK_NODE_IMAGE: self = .image
            default:
                // cmark answers CMARK_NODE_NONE only for a NULL node, and handles never hold one.
                preconditionFailure("cmark reported node type \(type.rawValue) for a live node")
            }
        }

        public var isBlock: Bool {
            switch self {
            case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock, .paragraph, .heading, .thematicBreak:
                true
            case .text, .softBreak, .lineBreak, .code, .htmlInline, .customInline, .emphasis, .strong, .link, .image:
                false
            }
        }

        /// Kinds cmark's iterator enters and exits (it only enters leaves: text, code, breaks, raw HTML,
        /// code blocks, thematic breaks).
        package var isContainer: Bool {
            switch self {
            case .text, .softBreak, .lineBreak, .code, .htmlInline, .htmlBlock, .codeBlock, .thematicBreak: false
            default: true
            }
        }

        /// Blocks whose children are blocks; the other blocks hold inlines or nothing.
        package var holdsBlocks: Bool {
            switch self {
            case .document, .blockQuote, .list, .item, .customBlock: true
            default: false
            }
        }
    }

    public var kind: Kind {
        Kind(cmark_node_get_type(pointer))
    }

    public var start: SourcePosition {
        SourcePosition(line: Int(cmark_node_get_start_line(pointer)), column: Int(cmark_node_get_start_column(pointer)))
    }

    public var end: SourcePosition {
        SourcePosition(line: Int(cmark_node_get_end_line(pointer)), column: Int(cmark_node_get_end_column(pointer)))
    }

    /// The text of a text, code, code block or raw HTML node; `nil` for other kinds, on
    /// which setting it does nothing (cmark refuses).
    public var literal: String? {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_literal(pointer, CmarkText.safe(newValue ?? "")) }
    }

    /// Calls `body` with the literal's UTF-8 bytes as cmark holds them, making no String; nil for the
    /// kinds `literal` is nil for.
    public func withLiteralBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        MarkdownNode.withLiteralBytes(of: pointer, body)
    }

    package static func withLiteralBytes<Result>(of pointer: OpaquePointer, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let literal = cmark_node_get_literal(pointer) else { return nil }
        let count = Int(strlen(literal))
        return literal.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            body(UnsafeBufferPointer(start: bytes, count: count))
        }
    }

    /// The destination of a link or image; `nil` for other kinds, on which setting it does nothing.
    public var url: String? {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_url(pointer, CmarkText.safe(newValue ?? "")) }
    }

    /// The title of a link or image; `nil` for other kinds, on which setting it does nothing.
    public var title: String? {
        get { cmark_node_get_title(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_title(pointer, CmarkText.safe(newValue ?? "")) }
    }

    /// The number an ordered list starts at; `nil` for other kinds and bullet lists.
    public var listStart: Int? {
        guard cmark_node_get_type(pointer) == CMARK_NODE_LIST, cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST else { return nil }
        return Int(cmark_node_get_list_start(pointer))
    }

    /// 1 to 6 for a heading, `nil` otherwise.
    public var headingLevel: Int? {
        let level = Int(cmark_node_get_heading_level(pointer))
        return level == 0 ? nil : level
    }

    /// The info string of a code block (empty when it has none); `nil` for other kinds.
    public var fenceInfo: String? {
        cmark_node_get_fence_info(pointer).map { String(cString: $0) }
    }

    public var parent: MarkdownNode? { handle(cmark_node_parent(pointer)) }
    public var firstChild: MarkdownNode? { handle(cmark_node_first_child(pointer)) }
    public var next: MarkdownNode? { handle(cmark_node_next(pointer)) }
    public var previous: MarkdownNode? { handle(cmark_node_previous(pointer)) }

    public var children: [MarkdownNode] {
        var children: [MarkdownNode] = []
        var child = firstChild
        while let current = child {
            children.append(current)
            child = current.next
        }
        return children
    }

    /// All nodes below this one in document order, this one excluded. The list is
    /// complete before it is returned, so callers may change the tree while going through it.
    public func descendants() -> [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        walk { nodes.append(MarkdownNode(document: document, pointer: $0)) }
        return Array(nodes.dropFirst())
    }

    /// The nodes of these kinds below this one, in document order. Like `descendants()`, the list is
    /// complete before it is returned. A search for block kinds only goes through container blocks:
    /// no block sits inside a paragraph or a heading, and their inlines are most of a page's nodes.
    public func descendants(ofKind kinds: Kind...) -> [MarkdownNode] {
        // A bit per kind: this runs on every node of every page, where hashing each kind into a Set showed.
        let wanted = kinds.reduce(0 as UInt32) { $0 | 1 << $1.rawValue }
        var nodes: [MarkdownNode] = []
        if kinds.allSatisfy(\.isBlock) {
            walkBlocks { node, kind in
                if wanted & 1 << kind.rawValue != 0 { nodes.append(MarkdownNode(document: document, pointer: node)) }
            }
        } else {
            walk { node in
                if wanted & 1 << Kind(cmark_node_get_type(node)).rawValue != 0 {
                    nodes.append(MarkdownNode(document: document, pointer: node))
                }
            }
        }
        if nodes.first?.pointer == pointer { nodes.removeFirst() }
        return nodes
    }

    /// Calls `body` with a view of this node, then of each node below it but those struck out (the words
    /// the page counts and quotes), in document order, making no list of them; `body` must not change the
    /// tree. A view, not a handle: a handle retains its document, which for every text node of every page
    /// showed.
    package func visitViews(_ body: (NodeView) -> Void) {
        walk(skippingStruck: true) { body(NodeView(pointer: $0)) }
    }

    /// As `visitViews(_:)`, with `entering` true; and with `entering` false as the walk leaves each node
    /// that holds others (a paragraph, an emphasis, a link, a list), so that a writer closes what it opened.
    package func visitViews(_ body: (NodeView, _ entering: Bool) -> Void) {
        walk(skippingStruck: true) { body(NodeView(pointer: $0), true) } leaving: { body(NodeView(pointer: $0), false) }
    }

    /// A node as `visitViews` shows it, holding no reference to its document: valid only during the call.
    package struct NodeView {
        package let pointer: OpaquePointer

        package var kind: Kind { Kind(cmark_node_get_type(pointer)) }

        /// A block right under the document node.
        package var isTopLevel: Bool { cmark_node_get_type(cmark_node_parent(pointer)) == CMARK_NODE_DOCUMENT }

        package func withLiteralBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
            MarkdownNode.withLiteralBytes(of: pointer, body)
        }

        /// A link's destination; nil for other nodes.
        package var url: String? {
            cmark_node_get_type(pointer) == CMARK_NODE_LINK ? cmark_node_get_url(pointer).map { String(cString: $0) } : nil
        }

        /// 1 to 6 for a heading, nil otherwise.
        package var headingLevel: Int? {
            let level = Int(cmark_node_get_heading_level(pointer))
            return level == 0 ? nil : level
        }

        package var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }

        /// A paragraph of an item of a tight list, which HTML shows without `<p>`.
        package var isInTightList: Bool {
            guard let item = cmark_node_parent(pointer), cmark_node_get_type(item) == CMARK_NODE_ITEM, let list = cmark_node_parent(item) else { return false }
            return cmark_node_get_list_tight(list) != 0
        }

        /// Whether the node holds others: a custom block made of its children, not of its own HTML alone.
        package var hasChildren: Bool { cmark_node_first_child(pointer) != nil }

        /// A custom block's or inline's HTML before its children; nil for other nodes or none.
        package var onEnter: String? {
            guard let html = cmark_node_get_on_enter(pointer), html.pointee != 0 else { return nil }
            return String(cString: html)
        }

        /// A handle to keep: it holds the document.
        package func handle(in document: MarkdownDocument) -> MarkdownNode {
            MarkdownNode(document: document, pointer: pointer)
        }
    }

    /// The words of this subtree without markup, as it now reads: text and code spans, with line breaks
    /// as spaces, struck-out words left out (unless all are). What a heading contributes to a table of
    /// contents or a slug.
    public var plainText: String { plainText(leavingOutImages: false) }

    /// `plainText`, without the words of images when `leavingOutImages`: an image's alt text describes a
    /// picture, and is no sentence of a paragraph's (an excerpt).
    public func plainText(leavingOutImages: Bool) -> String {
        // Most headings are one text node: its literal is the answer, made without a walk.
        if let child = cmark_node_first_child(pointer), cmark_node_next(child) == nil, cmark_node_get_type(child) == CMARK_NODE_TEXT {
            return String(cString: cmark_node_get_literal(child))
        }
        var text = ""
        let struck = walk(skippingStruck: true, skippingImages: leavingOutImages) { node in Self.appendWords(of: node, to: &text) }
        guard struck else { return text }
        // `The ~~old~~ new plan` reads "The new plan": one space where the struck words were.
        let words = text.split(separator: " ").joined(separator: " ")
        guard words.isEmpty else { return words }
        // All struck (`## ~~Withdrawn~~`): the struck words, rather than a contents entry with none.
        text = ""
        walk(skippingImages: leavingOutImages) { node in Self.appendWords(of: node, to: &text) }
        return text
    }

    private static func appendWords(of node: OpaquePointer, to text: inout String) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            text += String(cString: cmark_node_get_literal(node))
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            text += " "
        default:
            break
        }
    }

    /// This node and its subtree as HTML, with the document's options.
    public func renderHTML() -> String {
        document.renderHTML(pointer)
    }

    /// cmark's user data of a struck-out inline (`makeCustomInline(struck:)`): a mark, never read through.
    static var struckMark: UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: 1) }

    /// cmark's user data of a link made of an address written bare (`makeLink(url:bare:)`).
    static var bareMark: UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: 2) }

    /// Whether this is a link made of an address written bare in the text, whose first and last characters
    /// are the address's own, where a written link's are `[` and `)`.
    public var isBareLink: Bool { cmark_node_get_user_data(pointer) == MarkdownNode.bareMark }

    /// Visits this node, then its descendants, in document order; when `skippingStruck`, not what a
    /// struck-out inline holds, which a page's words leave out but every check must still see (a link
    /// in `~~…~~` is shown, and went unchecked when every walk left it out). cmark's iterator keeps its own
    /// state, so even 10,000 nested block quotes cost no Swift stack. Returns whether it left struck-out
    /// words out.
    @discardableResult
    private func walk(
        skippingStruck: Bool = false, skippingImages: Bool = false, _ visit: (OpaquePointer) -> Void, leaving: (OpaquePointer) -> Void = { _ in }
    ) -> Bool {
        let iterator: OpaquePointer = cmark_iter_new(pointer)
        defer { cmark_iter_free(iterator) }
        var struck = false
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER {
                let node = cmark_iter_get_node(iterator)!
                if skippingStruck, cmark_node_get_type(node) == CMARK_NODE_CUSTOM_INLINE, cmark_node_get_user_data(node) == MarkdownNode.struckMark {
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                    struck = true
                } else if skippingImages, node != pointer, cmark_node_get_type(node) == CMARK_NODE_IMAGE {
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                } else {
                    visit(node)
                }
            } else if event == CMARK_EVENT_EXIT {
                leaving(cmark_iter_get_node(iterator)!)
            }
            event = cmark_iter_next(iterator)
        }
        return struck
    }

    /// Visits the blocks below this one in document order, entering only blocks that hold blocks.
    /// Climbs back through parents rather than recursing, for the same reason as `walk`.
    private func walkBlocks(_ visit: (OpaquePointer, Kind) -> Void) {
        var next = cmark_node_first_child(pointer)
        while let node = next {
            let kind = Kind(cmark_node_get_type(node))
            visit(node, kind)
            if kind.holdsBlocks, let child = cmark_node_first_child(node) {
                next = child
                continue
            }
            var current: OpaquePointer? = node
            next = nil
            while let climbing = current, climbing != pointer {
                if let sibling = cmark_node_next(climbing) {
                    next = sibling
                    break
                }
                current = cmark_node_parent(climbing)
            }
        }
    }

    private func handle(_ pointer: OpaquePointer?) -> MarkdownNode? {
        pointer.map { MarkdownNode(document: document, pointer: $0) }
    }
}

extension MarkdownNode: Equatable, Hashable {
    public static func == (lhs: MarkdownNode, rhs: MarkdownNode) -> Bool {
        lhs.pointer == rhs.pointer
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pointer)
    }
}
