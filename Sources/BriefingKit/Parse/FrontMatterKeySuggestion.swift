import BriefingSupport

/// What an unknown front matter key was probably meant to be (`dat:` → `date`), for the warning about it.
extension FrontMatterReader {
    /// The known key an unknown one was probably meant to be: the same in another case, or one edit away
    /// (`dat` → `date`, `titel` → `title`), two for a longer key (`summmary` → `summary`). A key of the
    /// editor's own, which the theme reads as `page.params`, is no mistake: `math`, `note` or `path` is not
    /// two letters from `date` by accident, and `resources` is no `sources` misspelt.
    static func suggestion(for key: String) -> String? {
        let lowered = key.lowercased()
        if let same = knownKeys.first(where: { $0 == lowered }) { return same }
        let length = lowered.unicodeScalars.count
        guard length <= 12 else { return nil }
        guard let known = PlainText.nearest(to: lowered, among: knownKeys, within: length <= 5 ? 1 : 2) else { return nil }
        return lowered.hasSuffix(known) && length - known.count >= 2 ? nil : known
    }
}
