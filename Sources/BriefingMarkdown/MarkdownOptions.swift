import Ccmark

/// How a Markdown body is parsed and rendered.
public struct MarkdownOptions: Sendable, Equatable, Hashable {
    /// Curly quotes, en and em dashes from `--` and `---`, and an ellipsis from `...`.
    public var smartPunctuation: Bool
    /// Pass raw HTML and `javascript:`-style URLs through. Off by default so that a page
    /// cannot inject script; transforms still emit HTML through custom nodes, which cmark
    /// writes verbatim in safe mode too.
    public var unsafe: Bool

    public init(smartPunctuation: Bool = false, unsafe: Bool = false) {
        self.smartPunctuation = smartPunctuation
        self.unsafe = unsafe
    }

    /// Source positions are always recorded so that later stages can report
    /// `file:line:column`. cmark's UTF-8 validation (`CMARK_OPT_VALIDATE_UTF8`) is left off: the
    /// text comes from a Swift `String`, valid UTF-8 already, and validating copied every byte of
    /// every page once more. (A NUL byte still becomes U+FFFD: cmark does that either way.)
    package var parseFlags: Int32 {
        var flags = CMARK_OPT_SOURCEPOS
        if smartPunctuation { flags |= CMARK_OPT_SMART }
        return flags
    }

    /// No `data-sourcepos` attributes: positions serve diagnostics, not the published page.
    package var renderFlags: Int32 {
        unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
    }
}
