import BriefingMarkdown
import BriefingSupport
import BriefingTemplates

/// Code blocks from the theme's `code-block` partial, so that a long line, which scrolls inside its
/// block, can be reached by keyboard (the block takes focus) and is announced (a region labelled
/// "Code", or "Code: swift" for a block whose info string names a language). Runs after the table
/// directive has taken its blocks and after words are counted.
struct CodeBlocks: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        for block in document.root.descendants(ofKind: .codeBlock) {
            let language = (block.fenceInfo ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
            let html: String
            do throws(Diagnostic) {
                html = try context.theme.html("code-block", [
                    "code": .string(block.literal ?? ""), "language": language.map(TemplateValue.string) ?? .null,
                    "label": .string(context.regionName(Self.label(language: language, in: context.theme.strings[context.page.language]))),
                ], language: context.page.language)
            } catch {
                context.diagnostics.append(error)
                return
            }
            try? block.replace(with: document.makeCustomBlock(onEnter: html + "\n", onExit: ""))
        }
    }

    /// The name the block's scroll region is announced by: "Code", or "Code: swift" when its fence names
    /// a language, in the page's language.
    static func label(language: String?, in strings: StringTable) -> String {
        guard let language else { return strings.word("codeLabel", english: "Code") }
        return strings.word("codeLanguageLabel", english: "Code: {language}", filling: ["language": language])
    }
}
