import Ccmark

/// A parsed Markdown body: the owner of one cmark node tree.
///
/// A class only because it owns C memory. The tree is freed in `deinit`, together with
/// every node that was created or unlinked through this document and is still outside
/// the tree then. `MarkdownNode` handles keep their document alive, so no handle can
/// point into freed memory.
///
/// Not `Sendable`: a cmark tree has no locking. Parse one document per task instead.
public final class MarkdownDocument {
    public let options: MarkdownOptions
    let rootPointer: OpaquePointer
    /// Every node that was created or unlinked here. At `deinit`, one that still has no
    /// parent heads a detached subtree and is freed; one that has been linked (into the
    /// tree or under another detached node) since is freed with its new root.
    private var detachedCandidates: Set<OpaquePointer> = []

    public init(markdown: String, options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
        var source = markdown
        let parser = cmark_parser_new_with_mem(options.parseFlags, CmarkMemory.allocator)
        defer { cmark_parser_free(parser) }
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in cmark_parser_feed(parser, chars.baseAddress, chars.count) }
        }
        rootPointer = cmark_parser_finish(parser)
    }

    deinit {
        // Decide which nodes are detached before freeing any: the test reads parent
        // pointers, which dangle once the subtree holding a node has been freed.
        let detachedRoots = detachedCandidates.filter { cmark_node_parent($0) == nil }
        for node in detachedRoots {
            cmark_node_free(node)
        }
        cmark_node_free(rootPointer)
    }

    /// The document node.
    public var root: MarkdownNode {
        MarkdownNode(document: self, pointer: rootPointer)
    }

    /// The whole tree as HTML.
    public func renderHTML() -> String {
        root.renderHTML()
    }

    /// A block whose `onEnter` and `onExit` text is written to the HTML verbatim around
    /// its children, even in safe mode: how transforms emit their own markup.
    public func makeCustomBlock(onEnter: String, onExit: String) -> MarkdownNode {
        let node = makeNode(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(node.pointer, onEnter)
        cmark_node_set_on_exit(node.pointer, onExit)
        return node
    }

    /// The inline counterpart of `makeCustomBlock(onEnter:onExit:)`.
    public func makeCustomInline(onEnter: String, onExit: String) -> MarkdownNode {
        let node = makeNode(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(node.pointer, onEnter)
        cmark_node_set_on_exit(node.pointer, onExit)
        return node
    }

    /// A text node; its literal is HTML-escaped when rendered.
    public func makeText(_ text: String) -> MarkdownNode {
        let node = makeNode(CMARK_NODE_TEXT)
        node.literal = text
        return node
    }

    public func makeParagraph() -> MarkdownNode {
        makeNode(CMARK_NODE_PARAGRAPH)
    }

    /// New nodes start outside the tree, so the document must free them unless they are linked.
    private func makeNode(_ type: cmark_node_type) -> MarkdownNode {
        let pointer: OpaquePointer = cmark_node_new_with_mem(type, CmarkMemory.allocator)
        detachedCandidates.insert(pointer)
        return MarkdownNode(document: self, pointer: pointer)
    }

    /// Called after a node has been taken out of its tree.
    func noteDetached(_ pointer: OpaquePointer) {
        detachedCandidates.insert(pointer)
    }

    func renderHTML(_ node: OpaquePointer) -> String {
        let buffer: UnsafeMutablePointer<CChar> = cmark_render_html(node, options.renderFlags)
        // cmark allocates the result with the tree's allocator; it must be released by the same one.
        defer { CmarkMemory.allocator.pointee.free(buffer) }
        return String(cString: buffer)
    }
}
