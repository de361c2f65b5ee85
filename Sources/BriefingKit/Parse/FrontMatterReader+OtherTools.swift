import BriefingSupport

/// Front matter of Hugo, Jekyll and WordPress exports that keeps a page out of the site, or sets when it
/// appears, there: Briefing reads none of it, and published an embargoed story with the next build. A key
/// that would keep the page out is an error, with what to write instead; one that only lists the page
/// differently there is a warning.
extension FrontMatterReader {
    private static let otherToolsKeys: Set<String> = [
        "published", "publishdate", "publish_date", "pubdate", "publishat", "embargo", "embargoed", "embargountil", "embargo_until",
        "expirydate", "expiry_date", "expires", "expiry", "unpublishdate", "unpublish_date", "headless", "_build", "build", "status",
        "post_status", "visibility", "sitemap", "robots", "noindex", "private", "hidden", "unlisted", "nolist", "exclude", "searchexclude",
        "exclude_from_search", "url", "permalink",
    ]

    private static let keepOut = "'draft: true' keeps a page out of the site until it may go out"

    /// The message for a key of another tool, by its value; nil for any other key, or a value that asks
    /// for what Briefing does anyway (`published: true`, `status: publish`).
    func otherToolsMessage(_ key: String, _ value: YAMLNode) -> (severity: Diagnostic.Severity, message: String)? {
        // Every key of every page asks: most are Briefing's own, and are answered by one lookup.
        guard !FrontMatterReader.knownKeys.contains(key) else { return nil }
        let lowered = key.lowercased()
        guard Self.otherToolsKeys.contains(lowered) else { return nil }
        let text = value.scalarText?.lowercased()
        switch lowered {
        case "published":
            guard text == "false" || text == "no" else { return nil }
            return (.error, "'\(key): \(value.scalarText ?? "")' is Jekyll's and is not read: this page would be published; \(Self.keepOut)")
        case "publishdate", "publish_date", "pubdate", "publishat", "embargo", "embargoed", "embargountil", "embargo_until":
            return (.error, "'\(key)' is not read: Briefing has no publishing on a date, and publishes this page with the next build; "
                + "\(Self.keepOut), and 'date' gives its date")
        case "expirydate", "expiry_date", "expires", "expiry", "unpublishdate", "unpublish_date":
            return (.error, "'\(key)' is not read: Briefing takes no page down on a date; delete the page, or give it 'draft: true', when it is to go")
        case "headless":
            guard text == "true" || text == "yes" else { return nil }
            return (.error, "'\(key): true' is Hugo's and is not read: this page would be published; \(Self.keepOut)")
        case "_build", "build":
            guard value.mapping != nil else { return nil }
            return (.error, "'\(key)' is Hugo's and is not read: this page is published and listed like any other; \(Self.keepOut)")
        case "status", "post_status", "visibility":
            guard let text, ["draft", "private", "pending", "future", "trash", "hidden", "unlisted"].contains(text) else { return nil }
            return (.error, "'\(key): \(value.scalarText ?? "")' is not read: this page would be published; \(Self.keepOut)")
        case "sitemap", "robots", "noindex", "private", "hidden", "unlisted", "nolist", "exclude", "searchexclude", "exclude_from_search":
            return (.warning, "'\(key)' is not read: this page is published, listed, and in the feeds and the sitemap like any other; "
                + Self.keepOut)
        case "url", "permalink":
            return (.warning, "'\(key)' is not read: this page is published at the address its file gives it (its folder and file name, "
                + "or 'slug'); to keep an old address leading to it, list that address under 'aliases'")
        default:
            return nil
        }
    }
}
