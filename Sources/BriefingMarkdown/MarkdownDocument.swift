import Ccmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed Markdown body: the owner of one cmark node tree.
///
/// A class only because it owns C memory: its tree, and every node made or unlinked through it, live
/// in the `CmarkArena` of the thread that made it, and go with the document. `MarkdownNode` handles
/// keep their document alive, so no handle can point into freed memory.
///
/// Not `Sendable`: a cmark tree has no locking, and its memory is its thread's. Parse one document per
/// task instead.
public final class MarkdownDocument {
    public let options: MarkdownOptions
    package let rootPointer: OpaquePointer
    private let arena: CmarkArena

    public convenience init(markdown: String, options: MarkdownOptions = MarkdownOptions()) {
        self.init(markdown: markdown[...], options: options)
    }

    /// A page's body is a slice of its file's text: fed to cmark where it lies, not copied first.
    public init(markdown: Substring, options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
        arena = CmarkArena.current
        arena.open()
        var source = markdown
        let parser = cmark_parser_new_with_mem(options.parseFlags, CmarkArena.allocator)
        defer { cmark_parser_free(parser) }
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in cmark_parser_feed(parser, chars.baseAddress, chars.count) }
        }
        rootPointer = cmark_parser_finish(parser)
    }

    deinit {
        arena.close()
    }

    /// The document node.
    public var root: MarkdownNode {
        MarkdownNode(document: self, pointer: rootPointer)
    }

    /// The whole tree as HTML.
    public func renderHTML() -> String {
        root.renderHTML()
    }

    /// The whole tree as HTML in UTF-8, as cmark writes it: a page's body, which goes into its page's
    /// bytes without ever being a String.
    public func renderHTMLBytes() -> [UInt8] {
        Array(renderedHTML(rootPointer))
    }

    /// A block whose `onEnter` and `onExit` text is written to the HTML verbatim around
    /// its children, even in safe mode: how transforms emit their own markup.
    public func makeCustomBlock(onEnter: String, onExit: String) -> MarkdownNode {
        let node = makeNode(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(node.pointer, CmarkText.safe(onEnter))
        cmark_node_set_on_exit(node.pointer, CmarkText.safe(onExit))
        return node
    }

    /// The inline counterpart of `makeCustomBlock(onEnter:onExit:)`. Words `struck` out stay on the
    /// page but are no part of the text as it now reads: `plainText` (a contents entry, an id, an
    /// excerpt) and `visitViews` leave them out.
    public func makeCustomInline(onEnter: String, onExit: String, struck: Bool = false) -> MarkdownNode {
        let node = makeNode(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(node.pointer, CmarkText.safe(onEnter))
        cmark_node_set_on_exit(node.pointer, CmarkText.safe(onExit))
        if struck { cmark_node_set_user_data(node.pointer, MarkdownNode.struckMark) }
        return node
    }

    /// A text node; its literal is HTML-escaped when rendered.
    public func makeText(_ text: String) -> MarkdownNode {
        let node = makeNode(CMARK_NODE_TEXT)
        node.literal = text
        return node
    }

    /// A link to `url`, without text: its text is the children appended to it. A `bare` one is an address
    /// the editor wrote without link syntax (`isBareLink`).
    public func makeLink(url: String, bare: Bool = false) -> MarkdownNode {
        let node = makeNode(CMARK_NODE_LINK)
        node.url = url
        if bare { cmark_node_set_user_data(node.pointer, MarkdownNode.bareMark) }
        return node
    }

    public func makeParagraph() -> MarkdownNode {
        makeNode(CMARK_NODE_PARAGRAPH)
    }

    public func makeThematicBreak() -> MarkdownNode {
        makeNode(CMARK_NODE_THEMATIC_BREAK)
    }

    /// New nodes start outside the tree; linked or not, they go with the document.
    private func makeNode(_ type: cmark_node_type) -> MarkdownNode {
        let pointer: OpaquePointer = cmark_node_new_with_mem(type, CmarkArena.allocator)
        return MarkdownNode(document: self, pointer: pointer)
    }

    package func renderHTML(_ node: OpaquePointer) -> String {
        String(decoding: renderedHTML(node), as: UTF8.self)
    }

    /// cmark's HTML of a node, in the document's arena like the tree, which frees it with the document.
    private func renderedHTML(_ node: OpaquePointer) -> UnsafeRawBufferPointer {
        let buffer: UnsafeMutablePointer<CChar> = cmark_render_html(node, options.renderFlags)
        return UnsafeRawBufferPointer(start: buffer, count: strlen(buffer))
    }
}

extension MarkdownDocument {
    /// A copy, made in this document, of a node of another one and everything below it: nodes cannot move
    /// between documents, whose memory is their own. Kinds, text, destinations, titles, custom HTML and
    /// the attributes of lists, headings and code blocks are copied; positions are not (cmark has no way to set them): `reporting` hears of each copy with its
    /// source's position, for a caller that keeps positions its own way. Walks with cmark's iterator, so
    /// deep nesting costs no Swift stack.
    public func copy(_ node: MarkdownNode, reporting: ((_ copy: MarkdownNode, _ sourcePosition: SourcePosition) -> Void)? = nil) -> MarkdownNode {
        var stack: [OpaquePointer] = []
        var top: OpaquePointer?
        let iterator: OpaquePointer = cmark_iter_new(node.pointer)
        defer { cmark_iter_free(iterator) }
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            let source = cmark_iter_get_node(iterator)!
            if event == CMARK_EVENT_ENTER {
                let made: OpaquePointer = cmark_node_new_with_mem(cmark_node_get_type(source), CmarkArena.allocator)
                if let literal = cmark_node_get_literal(source) { cmark_node_set_literal(made, literal) }
                if let url = cmark_node_get_url(source) { cmark_node_set_url(made, url) }
                if let title = cmark_node_get_title(source) { cmark_node_set_title(made, title) }
                if let onEnter = cmark_node_get_on_enter(source) { cmark_node_set_on_enter(made, onEnter) }
                if let onExit = cmark_node_get_on_exit(source) { cmark_node_set_on_exit(made, onExit) }
                Self.copyAttributes(of: source, to: made)
                if let parent = stack.last { cmark_node_append_child(parent, made) } else { top = made }
                if let reporting {
                    let position = SourcePosition(line: Int(cmark_node_get_start_line(source)), column: Int(cmark_node_get_start_column(source)))
                    reporting(MarkdownNode(document: self, pointer: made), position)
                }
                // Leaves have no exit event: only containers wait on the stack for theirs.
                if MarkdownNode.Kind(cmark_node_get_type(source)).isContainer { stack.append(made) }
            } else {
                stack.removeLast()
            }
            event = cmark_iter_next(iterator)
        }
        return MarkdownNode(document: self, pointer: top!)
    }

    /// What a list, a heading and a code block have besides text: a list's kind, start, delimiter and
    /// tightness, a heading's level, a fenced block's info string.
    private static func copyAttributes(of source: OpaquePointer, to made: OpaquePointer) {
        switch cmark_node_get_type(source) {
        case CMARK_NODE_LIST:
            cmark_node_set_list_type(made, cmark_node_get_list_type(source))
            cmark_node_set_list_delim(made, cmark_node_get_list_delim(source))
            cmark_node_set_list_start(made, cmark_node_get_list_start(source))
            cmark_node_set_list_tight(made, cmark_node_get_list_tight(source))
        case CMARK_NODE_HEADING:
            cmark_node_set_heading_level(made, cmark_node_get_heading_level(source))
        case CMARK_NODE_CODE_BLOCK:
            if let info = cmark_node_get_fence_info(source) { cmark_node_set_fence_info(made, info) }
        default:
            break
        }
    }
}
