extension PlainText {
    /// The optimal string alignment distance: insertions, deletions, substitutions, and two neighbours
    /// swapped (`titel` → `title`), each one edit.
    /// Three rows, rotated, not a row made for each letter: run for every unknown front matter key of every page.
    package static func editDistance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar]) -> Int {
        var beforePrevious = Array(0...rhs.count)
        var previous = beforePrevious
        var current = previous
        for (i, left) in lhs.enumerated() {
            current[0] = i + 1
            for (j, right) in rhs.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
                if i > 0, j > 0, left == rhs[j - 1], lhs[i - 1] == right, left != right {
                    current[j + 1] = min(current[j + 1], beforePrevious[j - 1] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
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
