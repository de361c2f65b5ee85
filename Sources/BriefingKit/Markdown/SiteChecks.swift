import BriefingSupport

/// What can be checked only once every page's Markdown is known: each page's own findings, links to
/// headings of other pages, and figures gone stale.
struct SiteChecks {
    let model: SiteModel
    let data: SiteData
    let options: BuildOptions

    /// `records` by page number. Gone through in place, making no list of them: `serve` runs the checks
    /// after every edit, over every page of the site.
    func run(_ records: some RandomAccessCollection<PageRecord?>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var complete = true
        for record in records {
            if let record { diagnostics += record.diagnostics } else { complete = false }
        }
        diagnostics += model.warnings
        // Without every page's output there is nothing more to check: the build stops on the errors it has.
        guard complete else { return diagnostics }
        diagnostics += data.figureDateWarnings(now: options.now, maxAgeDays: model.settings.staleFigureDays)
        for record in records {
            guard let record else { continue }
            diagnostics += record.fragments.compactMap { reference in brokenFragment(reference, in: records) }
        }
        return diagnostics
    }

    private func brokenFragment(_ reference: FragmentReference, in records: some RandomAccessCollection<PageRecord?>) -> Diagnostic? {
        let target = records[records.index(records.startIndex, offsetBy: reference.page.index)]
        guard target?.facts.headingIDs.contains(reference.fragment) != true, !ThemeIDs.reserved.contains(reference.fragment) else {
            return nil
        }
        let source = model[reference.source]
        return source.source.file.diagnostic(
            .error, "link to '#\(reference.fragment)', but \(model[reference.page].source.file.path) has no heading with that id",
            at: MarkdownPositions.location(of: reference.position, in: source)
        )
    }
}
