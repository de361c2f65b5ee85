import BriefingSupport
import BriefingTemplates

/// What the build cache knows a page's output by: a fingerprint of everything its template sees, the
/// values every page shares counted by the fingerprints made once for them.
extension TemplateContext {
    /// A fingerprint of everything a template sees in a context made by this type: the shared `site`,
    /// `data` and summaries by their precomputed fingerprints, the rest value by value.
    func fingerprint(of context: Base) -> UInt64 {
        var fingerprint = Fingerprint()
        guard case .map(let map) = context.value else {
            fingerprint.add(context.value)
            return fingerprint.value
        }
        fingerprint.add(Fingerprint.unordered(map) { entry, key, value in
            switch key {
            case "data": entry.add(dataFingerprint)
            case "t": entry.add(tFingerprints[context.language])
            case "site": entry.add(siteFingerprint(of: value, language: context.language))
            case "pages": entry.add(summariesFingerprint(context.listed, as: value))
            case "page":
                guard case .map(let page) = value else { return entry.add(value) }
                entry.add(Fingerprint.unordered(page) { entry, key, value in
                    if key == "related" { entry.add(summariesFingerprint(context.related, as: value)) } else { entry.add(value) }
                })
            default: entry.add(value)
            }
        })
        return fingerprint.value
    }

    /// A list of summaries, by the pages' fingerprints in order.
    func summariesFingerprint(_ pages: [PageID], as value: TemplateValue) -> UInt64 {
        assert(value == .list(pages.map(summary)), "a context's list and the pages it says it lists differ")
        var fingerprint = Fingerprint()
        fingerprint.add(pages.count)
        for page in pages { fingerprint.add(summaryFingerprints[page.index]) }
        return fingerprint.value
    }

    /// The site value is one of a few, told apart by which section is current.
    func siteFingerprint(of site: TemplateValue, language: Int) -> UInt64 {
        guard case .map(let map) = site, case .list(let sections)? = map["sections"] else { return 0 }
        for case .map(let section) in sections where section["isCurrent"] == .bool(true) {
            if case .string(let name)? = section["name"] { return siteFingerprints[SiteModel.sectionKey(name, language: language)] ?? 0 }
        }
        return siteFingerprints[SiteModel.sectionKey("", language: language)] ?? 0
    }
}
