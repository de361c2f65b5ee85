import Ccmark

/// The verbatim HTML of custom nodes, for transforms that can only finish a wrapper's
/// markup once a later stage has run (a FAQ section learns its heading's id from
/// `HeadingAnchors`).
extension MarkdownNode {
    /// The text written before a custom block's or inline's children; `nil` for other
    /// kinds, on which setting it does nothing (cmark refuses).
    public var onEnter: String? {
        get { cmark_node_get_on_enter(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_on_enter(pointer, CmarkText.safe(newValue ?? "")) }
    }

    /// The text written after a custom block's or inline's children; `nil` for other
    /// kinds, on which setting it does nothing.
    public var onExit: String? {
        get { cmark_node_get_on_exit(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_on_exit(pointer, CmarkText.safe(newValue ?? "")) }
    }
}
