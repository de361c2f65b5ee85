import BriefingMarkdown
import BriefingSupport

/// What `briefing check` asks of a page beyond what a build needs: images with alt text, a summary,
/// and headings that do not skip a level. Each finding is a warning at its line.
struct QualityChecks {
    /// Run before links are rewritten, so messages show the image as the editor wrote it.
    func images(in document: MarkdownDocument, page: Page) -> [Diagnostic] {
        document.root.descendants(ofKind: .image).filter { $0.plainText.allSatisfy(\.isWhitespace) }.map { image in
            page.source.file.diagnostic(
                .warning, "image '\(image.url ?? "")' has no alt text: describe it in the brackets, ![like this](\(image.url ?? ""))",
                at: MarkdownPositions.location(of: image, in: page)
            )
        }
    }

    /// Run after headings have their ids.
    func outline(of page: Page, headings: [AnchoredHeading]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let file = page.source.file
        if page.kind == .page, (page.metadata.summary ?? "").allSatisfy(\.isWhitespace) {
            warnings.append(file.diagnostic(
                .warning, "page has no summary: add 'summary:' to the front matter for lists, feeds and search results",
                at: file.location(line: 1, column: 1)
            ))
        }
        // The page title is the h1, so the first heading of the body should be an h2.
        var previous = 1
        for heading in headings {
            if heading.level > previous + 1 {
                warnings.append(file.diagnostic(
                    .warning, "heading level \(heading.level) follows level \(previous): use h\(previous + 1) so the outline has no gap",
                    at: MarkdownPositions.location(of: heading.position, in: page)
                ))
            }
            previous = heading.level
        }
        return warnings
    }
}
