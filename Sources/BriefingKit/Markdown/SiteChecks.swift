import BriefingSupport

/// What can be checked only once every page's Markdown is known: each page's own findings, links to
/// headings of other pages, and figures gone stale.
struct SiteChecks {
    let model: SiteModel
    let data: SiteData
    let options: BuildOptions

    func run(_ records: [PageRecord?]) -> [Diagnostic] {
        let pages = records.compactMap { $0 }
        var diagnostics = pages.flatMap(\.diagnostics) + model.warnings
        // Without every page's output there is nothing more to check: the build stops on the errors it has.
        guard pages.count == records.count else { return diagnostics }
        diagnostics += data.staleFigureWarnings(now: options.now, maxAgeDays: model.settings.staleFigureDays)
        diagnostics += brokenFragments(pages.flatMap(\.fragments), facts: pages.map(\.facts))
        return diagnostics
    }

    private func brokenFragments(_ references: [FragmentReference], facts: [PageFacts]) -> [Diagnostic] {
        references.compactMap { reference in
            guard !facts[reference.page.index].headingIDs.contains(reference.fragment), !ThemeIDs.reserved.contains(reference.fragment)
            else { return nil }
            let target = model[reference.page].source.file.path
            let source = model[reference.source]
            return source.source.file.diagnostic(
                .error, "link to '#\(reference.fragment)', but \(target) has no heading with that id",
                at: MarkdownPositions.location(of: reference.position, in: source)
            )
        }
    }
}
