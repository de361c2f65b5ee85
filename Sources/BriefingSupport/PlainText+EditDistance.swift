extension PlainText {
    /// Levenshtein distance: insertions, deletions and substitutions.
    /// Two rows, swapped, not a row made for each letter: run for every unknown front matter key of every page.
    package static func editDistance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar]) -> Int {
        var previous = Array(0...rhs.count)
        var current = previous
        for (i, left) in lhs.enumerated() {
            current[0] = i + 1
            for (j, right) in rhs.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[rhs.count]
    }

    /// The candidate fewest edits from `typed` (`dat` → `date`, `buidl` → `build`), at most `limit` away; of
    /// two as near, the first: what every "did you mean" suggests.
    package static func nearest(to typed: String, among candidates: some Sequence<String>, within limit: Int) -> String? {
        let scalars = Array(typed.unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.unicodeScalars)
            // Only a word within `limit` letters of the typed one's length can be within `limit` edits of it.
            guard abs(other.count - scalars.count) <= limit else { continue }
            let distance = editDistance(scalars, other)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }
}
