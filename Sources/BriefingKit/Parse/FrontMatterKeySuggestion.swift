import BriefingSupport

/// What an unknown front matter key was probably meant to be (`dat:` → `date`), for the warning about it.
extension FrontMatterReader {
    /// The known key an unknown one was probably meant to be: the same in another case, or at most two
    /// edits away (`dat` → `date`, `autor` → `author`, `summmary` → `summary`).
    static func suggestion(for key: String) -> String? {
        let lowered = key.lowercased()
        if let same = knownKeys.first(where: { $0 == lowered }) { return same }
        guard lowered.unicodeScalars.count <= 12 else { return nil }
        return PlainText.nearest(to: lowered, among: knownKeys, within: 2)
    }
}
