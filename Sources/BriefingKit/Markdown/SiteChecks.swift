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
        // A partial's error meets every page that renders it (a callout's, a note's): said once, naming a page.
        var fromTemplates: [(message: Diagnostic, page: () -> String)] = []
        for (record, id) in zip(records, model.pageIDs) {
            guard let record else {
                complete = false
                continue
            }
            var met: Set<Diagnostic> = []
            for diagnostic in record.diagnostics {
                if diagnostic.location?.path.hasPrefix("Templates/") == true {
                    // A page with three callouts meets a callout's error three times: one page.
                    guard met.insert(diagnostic).inserted else { continue }
                    fromTemplates.append((diagnostic, { [model] in PlannedOutput.Kind.page(id, listPage: 1).describe(in: model) }))
                } else {
                    diagnostics.append(diagnostic)
                }
            }
        }
        diagnostics += Renderer.naming(fromTemplates)
        diagnostics += model.diagnostics
        // Without every page's output there is nothing more to check: the build stops on the errors it has.
        guard complete else { return diagnostics }
        diagnostics += data.figureDateWarnings(now: options.now, maxAgeDays: model.settings.staleFigureDays) + data.unreadWarnings + data.unmatchedFigureWarnings
        if options.qualityChecks { diagnostics += data.markupWarnings }
        for record in records {
            guard let record else { continue }
            // A page's worth, as for its other messages: placing each costs a scan of its file, and a page
            // of 40,000 links to missing headings took a minute.
            var shown = 0, left = 0
            for reference in record.fragments {
                guard let broken = broken(reference, in: records) else { continue }
                if shown < PageDiagnostics.limit {
                    diagnostics.append(message(broken, reference))
                    shown += 1
                } else {
                    left += 1
                }
            }
            if left > 0, let source = record.fragments.first?.source { diagnostics.append(PageDiagnostics.notShown(left, .error, on: model[source])) }
        }
        return diagnostics
    }

    /// How a link's fragment fails to name a heading of its page, as browsers compare ids; nil when it names one.
    private enum BrokenFragment {
        case missing(ids: Set<String>)
        /// The id, with the letters composed otherwise (Unicode NFC or NFD).
        case composedOtherwise(String)
    }

    private func broken(_ reference: FragmentReference, in records: some RandomAccessCollection<PageRecord?>) -> BrokenFragment? {
        // Page numbers a cache gave are this site's (its key holds the pages), unless the cache lies.
        guard reference.page.index < records.count, reference.source.index < records.count else { return nil }
        // A page whose front matter is in error may have lost its body with it (front matter never closed).
        guard !model[reference.page].isStandIn else { return nil }
        let ids = records[records.index(records.startIndex, offsetBy: reference.page.index)]?.facts.headingIDs ?? []
        // Swift finds an id written with the other Unicode form of its letters (NFC, NFD); browsers do not.
        if let index = ids.firstIndex(of: reference.fragment) {
            return ids[index].utf8.elementsEqual(reference.fragment.utf8) ? nil : .composedOtherwise(ids[index])
        }
        return ThemeIDs.reserved.contains(reference.fragment) ? nil : .missing(ids: ids)
    }

    private func message(_ broken: BrokenFragment, _ reference: FragmentReference) -> Diagnostic {
        let source = model[reference.source]
        let message = switch broken {
        case .composedOtherwise(let id):
            "link to '#\(reference.fragment)', whose letters are composed otherwise (Unicode NFC or NFD) than the heading's id '\(id)': "
                + "they look alike, but browsers compare them byte by byte; type the link again"
        case .missing(let ids):
            "link to '#\(reference.fragment)', but \(model[reference.page].source.file.path) has no heading with that id"
                + (SiteChecks.nearest(reference.fragment, among: ids).map { "; did you mean '#\($0)'?" } ?? "")
                + otherLanguage(reference.page, linkedFrom: source)
        }
        return source.source.file.diagnostic(.error, message, at: MarkdownPositions.location(of: reference.position, in: source))
    }

    /// Why a link leads to a page in another language than its own: a Korean page's link to `x.md`
    /// leads to `x.ko.md` where the site publishes it, and the heading it names may be in that version.
    private func otherLanguage(_ target: PageID, linkedFrom source: Page) -> String {
        let page = model[target]
        guard page.language != source.language, page.kind == .page,
              // Where the site has the source's language's version, the link named the other (`x.en.md`).
              !model.translations(of: target).contains(where: { model[$0].language == source.language })
        else { return "" }
        let languages = model.settings.languages
        var stem = String(page.source.relativePath.dropLast(".md".count))
        if stem.hasSuffix("." + languages[page.language].code) { stem.removeLast(languages[page.language].code.count + 1) }
        let candidates = [stem + "." + languages[source.language].code + ".md"] + (source.language == 0 ? [stem + ".md"] : [])
        let leads = " (the link leads to the \(languages[page.language].name) page"
        if let path = candidates.first(where: { model.leftOut[$0] != nil }), let reason = model.leftOut[path] {
            return leads + " because Content/\(path) is \(reason.explanation))"
        }
        return leads + ": this site publishes no \(languages[source.language].name) version of it)"
    }

    /// The heading id most like a fragment with no heading: the same letters but for dashes
    /// (`#us--south-korea` for `us-south-korea`, as GitHub spells ids), or one a few edits away.
    static func nearest(_ fragment: String, among unordered: some Collection<String>) -> String? {
        // Sorted, so that of two as near the message names the same one in every build.
        let ids = unordered.sorted()
        let letters = { (id: String) in id.lowercased().filter { $0 != "-" } }
        let wanted = letters(fragment)
        if let same = ids.first(where: { letters($0) == wanted }) { return same }
        let count = fragment.unicodeScalars.count
        guard count <= 64 else { return nil }
        return PlainText.nearest(to: fragment, among: ids, within: max(2, count / 5))
    }
}
