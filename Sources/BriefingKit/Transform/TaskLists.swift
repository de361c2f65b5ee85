import BriefingMarkdown
import BriefingSupport
import Foundation

/// GitHub's task lists: a list item whose text starts with `[ ]` (to do) or `[x]` (done) and a space
/// shows a box, ticked when done, where the marker was, from the theme's `task-mark` partial.
///
///     - [x] Check the figures against the ministry's release
///     - [ ] Ask USFK for the rotation dates
///
/// The rule is cmark-gfm's: the marker opens the item's first paragraph, holds a space, `x` or `X`, and
/// a space or tab follows it on its line. GitHub's disabled checkbox is a form control without a label,
/// which a screen reader announces as an unnamed checkbox that cannot be ticked; the partial's box is
/// drawn, and the word beside it ("Done", "To do") is what a screen reader says.
struct TaskLists: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let body = context.page.body
        guard Self.mayHoldMarker(body) else { return }
        var marked: [(text: MarkdownNode, done: Bool)] = []
        for item in document.root.descendants(ofKind: .item) {
            guard let paragraph = item.firstChild, paragraph.kind == .paragraph, let text = paragraph.firstChild, text.kind == .text,
                  let literal = text.literal, ["[ ]", "[x]", "[X]"].contains(where: literal.hasPrefix),
                  let done = Self.marker(in: context.diagnostics.bodyLine(paragraph.start.line), at: paragraph.start.column)
            else { continue }
            marked.append((text, done))
        }
        guard let first = marked.first else { return }
        guard context.theme.hasPartial("task-mark") else {
            context.diagnostics.warning(
                "Templates/partials/task-mark.html not found, so this task list shows its [ ] and [x] as typed: copy the partial from the "
                    + "default theme (briefing init NEW-FOLDER writes it)",
                at: first.text
            )
            return
        }
        let marks: (open: String, done: String)
        do throws(Diagnostic) {
            let language = context.page.language
            marks = (
                try context.theme.html("task-mark", ["done": .bool(false)], language: language),
                try context.theme.html("task-mark", ["done": .bool(true)], language: language)
            )
        } catch {
            context.diagnostics.append(error)
            return
        }
        for (text, done) in marked {
            guard let literal = text.literal else { continue }
            let start = context.diagnostics.position(of: text)
            let rest = literal.dropFirst(3).drop { $0 == " " || $0 == "\t" }
            try? text.insertBefore(document.makeCustomInline(onEnter: done ? marks.done : marks.open, onExit: ""))
            if rest.isEmpty {
                // `- [ ] ` ending its line: the item's words start on the next.
                if let next = text.next, next.kind == .softBreak || next.kind == .lineBreak { next.unlink() }
                text.unlink()
            } else {
                text.literal = String(rest)
                // Messages about the item's words point where they are in the line.
                context.diagnostics.place(text, at: SourcePosition(line: start.line, column: start.column + literal.utf8.count - rest.utf8.count))
            }
        }
    }

    /// Whether the body holds `[ ]`, `[x]` or `[X]` anywhere, in one pass over its `[`: most pages hold none.
    private static func mayHoldMarker(_ body: Substring) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            guard var next = bytes.baseAddress else { return false }
            let end = next + bytes.count
            while next < end, let found = memchr(next, Int32(UInt8(ascii: "[")), end - next) {
                let bracket = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                if end - bracket >= 3, bracket[2] == UInt8(ascii: "]"), bracket[1] == UInt8(ascii: " ") || bracket[1] | 0x20 == UInt8(ascii: "x") {
                    return true
                }
                next = bracket + 1
            }
            return false
        }
    }

    /// Whether the line holds a task's marker where a paragraph starts, as cmark-gfm reads one: `[`, a
    /// space, `x` or `X`, `]`, then a space or a tab (which cmark leaves out of the text at the line's
    /// end: `- [ ] ` alone is an empty box); done or not, nil when it holds none. Read in the line as
    /// typed, since `\\[x]` and `&#91;x]` are text `[x]` too.
    static func marker(in line: Substring?, at column: Int) -> Bool? {
        guard let line, column > 0 else { return nil }
        let bytes = Array(line.utf8.dropFirst(column - 1).prefix(4))
        guard bytes.count == 4, bytes[0] == UInt8(ascii: "["), bytes[2] == UInt8(ascii: "]"),
              bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "\t")
        else { return nil }
        switch bytes[1] {
        case UInt8(ascii: " "): return false
        case UInt8(ascii: "x"), UInt8(ascii: "X"): return true
        default: return nil
        }
    }
}
