import BriefingSupport

/// What an unknown front matter key was probably meant to be (`dat:` → `date`), for the warning about it.
extension FrontMatterReader {
    /// The known key an unknown one was probably meant to be: the same in another case, or at most two
    /// edits away (`dat` → `date`, `autor` → `author`, `summmary` → `summary`).
    static func suggestion(for key: String) -> String? {
        let lowered = key.lowercased()
        if let same = knownKeys.first(where: { $0 == lowered }) { return same }
        let scalars = Array(lowered.unicodeScalars)
        guard scalars.count <= 12 else { return nil }
        var best: (key: String, distance: Int)?
        // Only a key within two letters of a known one's length can be within two edits of it.
        for (known, knownScalars) in knownKeyScalars where abs(knownScalars.count - scalars.count) <= 2 {
            let distance = PlainText.editDistance(scalars, knownScalars)
            if distance <= 2, distance < (best?.distance ?? .max) { best = (known, distance) }
        }
        return best?.key
    }

    private static let knownKeyScalars = knownKeys.map { ($0, Array($0.unicodeScalars)) }
}
