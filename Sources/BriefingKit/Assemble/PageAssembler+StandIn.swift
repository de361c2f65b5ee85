import BriefingSupport
import Foundation

/// A page whose front matter is in error stands in for itself (`Page.isStandIn`), so that one run finds
/// every mistake of the site: its body's, and the other pages', whose links to it resolve.
extension PageAssembler {
    enum StandIn {
        case page(Page)
        /// The front matter, read without its lines in error, makes it a draft this build leaves out.
        case draft
        /// None can be made (a file name no URL may hold): a link to it would be a second error.
        case none
    }

    /// What stands in for a page that `failure` refused: its front matter as read (`read`, where only the
    /// page made of it was refused), or read again without the lines in error (up to four times, as
    /// blanking one line may show the next mistake), so that its slug, tags, language and draft flag still
    /// place it where it will be; else none of it. Titled by its file's name where it gives no title, which
    /// is an error of its own, reported with the others.
    func standIn(for content: ContentFile, failure: BuildFailure, read: FrontMatter? = nil) -> Made {
        var failure = failure
        // The body as the file has it, which the blanked lines do not change.
        let unread = FrontMatter.unread(content.file)
        let read = read ?? Self.reread(content.file, without: failure)
        var frontMatter = read ?? unread
        (frontMatter.body, frontMatter.bodyLineOffset) = (unread.body, unread.bodyLineOffset)
        // What the rest of the front matter is warned of (a key misspelt, one tag of many) is said in the same run.
        failure = BuildFailure(failure.diagnostics + frontMatter.warnings)
        let stem = String(content.relativePath.split(separator: "/").last?.dropLast(".md".count) ?? "")
        if frontMatter.metadata.title == nil {
            frontMatter.metadata.title = stem
            // Said where the rest of the front matter could be read, which it lacks: else it may be there.
            let missing = "missing 'title' in the front matter"
            if read != nil, !stem.hasPrefix("_index"), !Self.writesTitle(content.file.text),
               !failure.diagnostics.contains(where: { $0.message.hasPrefix(missing) }) {
                failure = BuildFailure(failure.diagnostics + [content.file.error(missing + "; every page needs one", line: 1, column: 1)])
            }
        }
        if let slug = frontMatter.metadata.slug, Self.slugRefusal(slug) != nil { frontMatter.metadata.slug = nil }
        if frontMatter.metadata.draft, !includeDrafts { return .unread(.draft, failure) }
        guard var page = try? page(content, frontMatter) else { return .unread(.none, failure) }
        page.isStandIn = true
        return .unread(.page(page), failure)
    }

    /// Whether a line of the front matter gives a title, which may be the line in error.
    private static func writesTitle(_ text: String) -> Bool {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().prefix { $0.trimmingCharacters(in: .whitespaces) != "---" }
            .contains { $0.lowercased().hasPrefix("title") && $0.dropFirst(5).drop { $0 == " " }.first == ":" }
    }

    /// The front matter read with the lines its errors point at left blank; nil when it still fails, or
    /// when an error is about the front matter as a whole (never closed).
    private static func reread(_ file: SourceFile, without failure: BuildFailure) -> FrontMatter? {
        var lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        var diagnostics = failure.diagnostics
        for _ in 0..<4 {
            let inError = Set(diagnostics.compactMap { $0.location?.path == file.path ? $0.location?.line : nil })
            // Line 1 is the opening `---`: an error there is about the whole block.
            guard !inError.isEmpty, !inError.contains(1), inError.allSatisfy({ $0 <= lines.count }) else { return nil }
            for line in inError { lines[line - 1] = "" }
            do throws(BuildFailure) {
                return try FrontMatter.parse(SourceFile(path: file.path, text: lines.joined(separator: "\n")))
            } catch {
                diagnostics = error.diagnostics
            }
        }
        return nil
    }
}
