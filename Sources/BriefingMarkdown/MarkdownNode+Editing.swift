import Ccmark

/// Why a tree edit was refused. The tree is unchanged when one is thrown.
public enum MarkdownTreeError: Error, Equatable, CustomStringConvertible {
    /// The nodes belong to different documents, which free their nodes independently.
    case differentDocuments
    /// Siblings can only be placed next to a node that has a parent: not next to the
    /// document node, nor next to a node outside the tree.
    case noParent(MarkdownNode.Kind)
    /// cmark's containment rules: lists hold only items, paragraphs, headings and inline
    /// containers hold only inlines, the document and block quotes only blocks, and no
    /// node can go inside itself.
    case cannotContain(parent: MarkdownNode.Kind, child: MarkdownNode.Kind)

    public var description: String {
        switch self {
        case .differentDocuments:
            "cannot move a node between Markdown documents"
        case .noParent(let kind):
            "cannot place a sibling next to a node without parent (\(kind))"
        case .cannotContain(let parent, let child):
            "\(child) cannot go inside \(parent)"
        }
    }
}

/// Tree edits. A node that is moved leaves its old place; a node that is taken out of the
/// tree stays valid (and is freed by its document) however long its handles live.
extension MarkdownNode {
    public func insertBefore(_ sibling: MarkdownNode) throws(MarkdownTreeError) {
        try placeSibling(sibling) { cmark_node_insert_before(pointer, sibling.pointer) }
    }

    public func insertAfter(_ sibling: MarkdownNode) throws(MarkdownTreeError) {
        try placeSibling(sibling) { cmark_node_insert_after(pointer, sibling.pointer) }
    }

    public func appendChild(_ child: MarkdownNode) throws(MarkdownTreeError) {
        guard child.document === document else { throw .differentDocuments }
        guard cmark_node_append_child(pointer, child.pointer) == 1 else {
            throw .cannotContain(parent: kind, child: child.kind)
        }
    }

    /// Takes this node and its subtree out of the tree. Nothing happens to a node that
    /// already has no parent (the document node, or a node outside the tree).
    public func unlink() {
        cmark_node_unlink(pointer)
    }

    /// Puts `replacement` where this node is and takes this node out of the tree.
    public func replace(with replacement: MarkdownNode) throws(MarkdownTreeError) {
        try placeSibling(replacement) { cmark_node_replace(pointer, replacement.pointer) }
    }

    private func placeSibling(_ sibling: MarkdownNode, _ edit: () -> Int32) throws(MarkdownTreeError) {
        guard sibling.document === document else { throw .differentDocuments }
        // cmark would link the node to itself and lose it from the tree; placing a node
        // next to itself leaves the tree as it was.
        guard sibling != self else { return }
        guard let parent else { throw .noParent(kind) }
        guard edit() == 1 else { throw .cannotContain(parent: parent.kind, child: sibling.kind) }
    }
}
