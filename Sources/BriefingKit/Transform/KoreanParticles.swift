/// A Korean particle takes one form after a word that ends in a vowel (`표 2를`) and another after one
/// that ends in a consonant (`표 1을`, `표 3을`). Briefing writes the number or title a citation shows,
/// and numbers change when a table is added above: the particle the editor wrote after the citation
/// is made to agree with what it now shows.
enum KoreanParticles {
    /// How a word's last syllable ends, as a particle sees it: `으로` takes `로` after a vowel and after ㄹ.
    private enum Ending {
        case vowel, rieul, consonant
    }

    /// Each pair, its form after a consonant first; `이`/`가` only as a whole word (`이번` is no particle).
    private static let pairs: [(consonant: String, vowel: String, wholeWordOnly: Bool)] = [
        ("으로", "로", false), ("을", "를", false), ("은", "는", false), ("과", "와", false), ("이", "가", true),
    ]

    /// `text` (what follows the citation) with its first particle agreeing with `word`, or nil when it
    /// starts with none or agrees already.
    static func agreeing(_ text: String, after word: String) -> String? {
        guard let first = text.unicodeScalars.first, isHangulSyllable(first), let ending = ending(of: word) else { return nil }
        for pair in pairs {
            guard let (written, rest) = particle(of: pair, startingAt: text) else { continue }
            let wanted = switch ending {
            case .vowel: pair.vowel
            case .rieul: pair.consonant == "으로" ? pair.vowel : pair.consonant
            case .consonant: pair.consonant
            }
            return written == wanted ? nil : wanted + rest
        }
        return nil
    }

    private static func particle(
        of pair: (consonant: String, vowel: String, wholeWordOnly: Bool), startingAt text: String
    ) -> (String, Substring)? {
        for form in [pair.consonant, pair.vowel] where text.hasPrefix(form) {
            let rest = text.dropFirst(form.count)
            // `로` also starts `로서`, `로부터`; but `이`, `가` start words of their own.
            if pair.wholeWordOnly, let next = rest.unicodeScalars.first, isHangulSyllable(next) { return nil }
            return (form, rest)
        }
        return nil
    }

    /// How `word` ends when read aloud: a Hangul syllable by its final consonant, a number as Sino-Korean
    /// reads it (`1` 일, `2` 이, `3` 삼, `10` 십, `100` 백, `1000` 천); nil for anything else (Latin letters,
    /// punctuation), after which the editor's particle stays.
    private static func ending(of word: String) -> Ending? {
        guard let last = word.unicodeScalars.last else { return nil }
        if isHangulSyllable(last) {
            switch (last.value - 0xAC00) % 28 {
            case 0: return .vowel
            case 8: return .rieul
            default: return .consonant
            }
        }
        // 일 칠 팔 end in ㄹ; 이 사 오 구 in a vowel; 삼 육, and 영 십 백 천 만 (a last 0), in another consonant.
        switch last {
        case "1", "7", "8": return .rieul
        case "2", "4", "5", "9": return .vowel
        case "0", "3", "6": return .consonant
        default: return nil
        }
    }

    static func isHangulSyllable(_ scalar: Unicode.Scalar) -> Bool {
        (0xAC00...0xD7A3).contains(scalar.value)
    }
}
