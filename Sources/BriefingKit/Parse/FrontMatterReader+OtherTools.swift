import BriefingSupport

/// Front matter of Hugo, Jekyll and WordPress exports that keeps a page out of the site, or sets when it
/// appears, there: Briefing reads none of it, and published an embargoed story with the next build. A key
/// that would keep the page out is an error, with what to write instead; one that only lists the page
/// differently there is a warning.
extension FrontMatterReader {
    /// What each key of another tool did there, by its name in lower case.
    private enum OtherToolsKey {
        case published, publishDate, expiryDate, headless, build, status, listing, address
    }

    private static let otherToolsKeys: [String: OtherToolsKey] = {
        let groups: [(OtherToolsKey, [String])] = [
            (.published, ["published"]),
            (.publishDate, ["publishdate", "publish_date", "pubdate", "publishat", "embargo", "embargoed", "embargountil", "embargo_until"]),
            (.expiryDate, ["expirydate", "expiry_date", "expires", "expiry", "unpublishdate", "unpublish_date"]),
            (.headless, ["headless"]),
            (.build, ["_build", "build"]),
            (.status, ["status", "post_status", "visibility"]),
            (.listing, ["sitemap", "robots", "noindex", "private", "hidden", "unlisted", "nolist", "exclude", "searchexclude", "exclude_from_search"]),
            (.address, ["url", "permalink"]),
        ]
        return Dictionary(uniqueKeysWithValues: groups.flatMap { kind, keys in keys.map { ($0, kind) } })
    }()

    private static let keepOut = "'draft: true' keeps a page out of the site until it may go out"

    /// The message for a key of another tool, by its value; nil for any other key, or a value that asks
    /// for what Briefing does anyway (`published: true`, `status: publish`).
    func otherToolsMessage(_ key: String, _ value: YAMLNode) -> (severity: Diagnostic.Severity, message: String)? {
        // Every key of every page asks: most are Briefing's own, and are answered by one lookup.
        guard !FrontMatterReader.knownKeys.contains(key) else { return nil }
        guard let kind = Self.otherToolsKeys[key.lowercased()] else { return nil }
        let text = value.scalarText?.lowercased()
        switch kind {
        case .published:
            guard text == "false" || text == "no" else { return nil }
            return (.error, "'\(key): \(value.scalarText ?? "")' is Jekyll's and is not read: this page would be published; \(Self.keepOut)")
        case .publishDate:
            return (.error, "'\(key)' is not read: a page is published on its 'date', and held back until then where that is still to come; "
                + "give the moment it may go out as its 'date', with its zone (2026-12-09T06:00:00+09:00)")
        case .expiryDate:
            return (.error, "'\(key)' is not read: Briefing takes no page down on a date; delete the page, or give it 'draft: true', when it is to go")
        case .headless:
            guard text == "true" || text == "yes" else { return nil }
            return (.error, "'\(key): true' is Hugo's and is not read: this page would be published; \(Self.keepOut)")
        case .build:
            guard value.mapping != nil else { return nil }
            return (.error, "'\(key)' is Hugo's and is not read: this page is published and listed like any other; \(Self.keepOut)")
        case .status:
            guard let text, ["draft", "private", "pending", "future", "trash", "hidden", "unlisted"].contains(text) else { return nil }
            return (.error, "'\(key): \(value.scalarText ?? "")' is not read: this page would be published; \(Self.keepOut)")
        case .listing:
            return (.warning, "'\(key)' is not read: this page is published, listed, and in the feeds and the sitemap like any other; "
                + Self.keepOut)
        case .address:
            return (.warning, "'\(key)' is not read: this page is published at the address its file gives it (its folder and file name, "
                + "or 'slug'); to keep an old address leading to it, list that address under 'aliases'")
        }
    }
}
