import BriefingMarkdown
import BriefingSupport

/// Template code of another tool pasted into a page: Hugo's shortcodes (`{{< figure src="map.png" >}}`,
/// `{{% note %}}`), Jekyll's Liquid tags (`{% include … %}`) and variables (`{{ site.baseurl }}`). Pages
/// run no template code, so readers saw it as typed, its quotes made curly, and the build said nothing.
/// Each is warned of where it is written, with what to write instead; code spans and blocks are code.
struct TemplateCodeInText: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let body = context.page.body
        guard PlainText.contains(UInt8(ascii: "{"), in: body), PlainText.contains("{{", in: body) || PlainText.contains("{%", in: body) else { return }
        var left = PageDiagnostics.limit
        for block in document.root.descendants(ofKind: .paragraph, .heading) where block.start.line > 0 && left > 0 {
            // Only text can hold what cmark read as none of its markup.
            guard block.descendants(ofKind: .text).contains(where: { $0.literal.map(Self.mayHoldCode) == true }) else { continue }
            for number in block.start.line...max(block.start.line, block.end.line) {
                guard let line = context.diagnostics.bodyLine(number), let (column, written, message) = Self.code(in: line) else { continue }
                left -= 1
                context.diagnostics.warning("'\(written)' \(message)", at: SourcePosition(line: number, column: column))
            }
        }
    }

    private static func mayHoldCode(_ text: String) -> Bool {
        text.contains("{{") || text.contains("{%")
    }

    /// The first piece of template code in a line outside code spans: its byte column, as written (cut
    /// short), and what it is.
    static func code(in line: Substring) -> (column: Int, written: String, message: String)? {
        let bytes = Array(line.utf8)
        var inCode = false
        var index = 0
        while index + 1 < bytes.count {
            defer { index += 1 }
            if bytes[index] == UInt8(ascii: "`") { inCode.toggle() }
            guard !inCode, bytes[index] == UInt8(ascii: "{") else { continue }
            let next = bytes[index + 1]
            let third = index + 2 < bytes.count ? bytes[index + 2] : 0
            let message: String
            let closing: [UInt8]
            if next == UInt8(ascii: "{"), third == UInt8(ascii: "<") || third == UInt8(ascii: "%") {
                // A closing shortcode (`{{% /note %}}`) is told of with its opening one.
                if bytes[(index + 3)...].drop(while: { $0 == UInt8(ascii: " ") }).first == UInt8(ascii: "/") {
                    index += 2
                    continue
                }
                message = "is a Hugo shortcode, which Briefing does not run, so readers see it as typed: write it in Markdown "
                    + "(an image is ![alt text](map.png \"caption\"), a link [text](page.md), a note a callout: > [!NOTE])"
                closing = Array((third == UInt8(ascii: "<") ? ">}}" : "%}}").utf8)
            } else if next == UInt8(ascii: "%") {
                message = "is a Liquid tag (Jekyll's), which Briefing does not run, so readers see it as typed: write what it stood for in Markdown"
                closing = Array("%}".utf8)
            } else if next == UInt8(ascii: "{") {
                message = "is template code, which pages do not run, so readers see it as typed: a link to a page is [text](page.md), "
                    + "and the site's address is added to it"
                closing = Array("}}".utf8)
            } else {
                continue
            }
            guard let end = Self.firstRange(of: closing, in: bytes, from: index + 2) else { continue }
            let piece = String(decoding: bytes[index..<(end + closing.count)], as: UTF8.self)
            let written = piece.count > 60 ? piece.prefix(57) + "…" : piece[...]
            return (index + 1, String(written), message)
        }
        return nil
    }

    /// Where `needle` starts within `reach` bytes after `start`: template code closes on its line, and soon.
    private static func firstRange(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        let last = min(bytes.count - needle.count, start + reach)
        guard start <= last else { return nil }
        return (start...last).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private static let reach = 200
}
