import BriefingSupport
import Foundation

/// What an editor writes in front matter that means something else than it says: a country's code for a
/// language's, tags that YAML reads as one. Each is a warning where it is written.
extension FrontMatterReader {
    mutating func languageCode(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> String {
        let written = try nonEmptyString(node, key)
        guard let code = Language.canonicalCode(written) else {
            throw source.error("'\(written)' is not a language code: use a BCP 47 tag like en, ko or pt-BR", at: node)
        }
        let primary = Language.primarySubtag(of: code)
        guard let meant = Self.countryCodes[primary] else { return code }
        // Published as the language meant: a screen reader read `kr` as Kanuri.
        warnings.append(source.file.diagnostic(
            .warning, "'\(written)' is a country's code, not \(meant.name)'s: \(meant.name) is '\(meant.code)'\(primary == "kr" ? " ('kr' is Kanuri)" : ""), "
                + "which the page is marked with: write '\(meant.code)'",
            at: source.location(of: node)
        ))
        return meant.code + code.dropFirst(primary.count)
    }

    /// Tags that YAML reads as one, with the list they were probably meant as: `tags: burden sharing, sma`
    /// (text, not a list), `tags: ［동맹, 훈련］` in full-width brackets, and `tags: [동맹，훈련]`, typed with a
    /// Korean, Chinese or Japanese input method's comma (`，`, `、`).
    mutating func warnOfTagsWrittenAsOne(_ value: YAMLNode) {
        func list(_ text: String, _ isComma: (Character) -> Bool) -> String {
            "tags: [" + text.split(whereSeparator: isComma).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: ", ") + "]"
        }
        if let text = value.scalarText, value.scalar != nil, !value.isNull, text.contains(",") {
            // `［alliance, news］` in an input method's full-width brackets makes no list either.
            let bracketed = text.hasPrefix("\u{FF3B}") && text.hasSuffix("\u{FF3D}")
            let inside = bracketed ? String(text.dropFirst().dropLast()) : text
            warnings.append(source.file.diagnostic(
                .warning,
                bracketed
                    ? "'tags' is one tag '\(text)': full-width brackets ('［', '］') make no list; write \(list(inside, Self.isListComma))"
                    : "'tags' is one tag '\(text)'; for several tags write a list: \(list(text) { $0 == "," })",
                at: source.location(of: value)
            ))
            if bracketed { return }
        } else if let text = value.scalarText, value.scalar != nil, !value.isNull, !text.contains(where: Self.isListComma) {
            // `tags: alliance sma budget`, Jekyll's way to write three tags: words in small letters, a tag
            // of three or more of them being rarer than a list.
            let words = text.split(separator: " ")
            if words.count >= 3, !text.contains(where: \.isUppercase) {
                warnings.append(source.file.diagnostic(
                    .warning, "'tags' is one tag '\(text)' (Jekyll reads words apart as tags); for several tags write a list: tags: [\(words.joined(separator: ", "))]",
                    at: source.location(of: value)
                ))
            }
        }
        for node in value.sequence ?? [value] {
            // Both commas' UTF-8 starts at 0xE3 or above: most tags are ASCII, and asked nothing more.
            guard let text = node.scalarText, text.utf8.contains(where: { $0 >= 0xE3 }),
                  text.contains(where: { $0 == "\u{FF0C}" || $0 == "\u{3001}" })
            else { continue }
            warnings.append(source.file.diagnostic(
                .warning, "'\(text)' is one tag: a wide comma ('，' or '、') separates no tags; write \(list(text, Self.isListComma))",
                at: source.location(of: node)
            ))
        }
    }

    /// Several people written as one name: `author: Ji-woo Kim, Sam Lee` (text, not a list), or
    /// `authors: [김지우， 이샘]` with an input method's comma. Only where each part looks like a name of
    /// its own (two words, or Hangul): `Kim, Ji-woo` is one person, surname first.
    mutating func warnOfAuthorsWrittenAsOne(_ value: YAMLNode) {
        for node in value.sequence ?? [value] {
            guard let text = node.scalarText, text.contains(where: Self.isListComma) else { continue }
            let parts = text.split(whereSeparator: Self.isListComma).map { $0.trimmingCharacters(in: .whitespaces) }
            let names = parts.allSatisfy { part in
                part.split(separator: " ").count >= 2 || part.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }
            }
            guard parts.count > 1, names else { continue }
            warnings.append(source.file.diagnostic(
                .warning, "'\(text)' is one author's name; for several authors write a list: authors: [\(parts.joined(separator: ", "))]",
                at: source.location(of: node)
            ))
        }
    }

    /// A comma that separates a list's items as an editor types it: ASCII, or an input method's (`，`, `、`).
    private static func isListComma(_ character: Character) -> Bool {
        character == "," || character == "\u{FF0C}" || character == "\u{3001}"
    }

    /// Countries' codes written for their languages' (`kr` for Korean): a screen reader reads the text in
    /// the language the code names, or in none.
    private static let countryCodes: [String: (code: String, name: String)] = [
        "kr": ("ko", "Korean"), "jp": ("ja", "Japanese"), "cn": ("zh", "Chinese"), "gr": ("el", "Greek"), "dk": ("da", "Danish"),
        "cz": ("cs", "Czech"), "ua": ("uk", "Ukrainian"), "vn": ("vi", "Vietnamese"), "il": ("he", "Hebrew"), "us": ("en", "English"),
        "gb": ("en", "English"),
    ]

    /// `2026-11-21` for a day written with a year, a month and a day in another way: in wide digits, in
    /// Korean (`2026년 11월 21일`), or with the month's English name (`21 November 2026`, `Nov. 21, 2026`).
    static func dayWrittenOtherwise(_ text: String) -> String? {
        let digits = String(text.unicodeScalars.map { scalar in
            (0xFF10...0xFF19).contains(scalar.value) ? Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!) : Character(scalar)
        })
        let groups = digits.split { !$0.isASCII || !$0.isNumber }
        var numbers = groups.compactMap { Int($0) }
        var yearFirst = groups.first?.count == 4
        let words = digits.lowercased().split { !$0.isLetter }
        if numbers.count == 2, let month = words.lazy.compactMap({ word in monthNames.firstIndex { word.hasPrefix($0) } }).first {
            // `21 November 2026` or `November 21, 2026`: the day is the number that is no year.
            let (year, day) = groups[0].count == 4 ? (numbers[0], numbers[1]) : (numbers[1], numbers[0])
            numbers = [year, month + 1, day]
            yearFirst = max(groups[0].count, groups[1].count) == 4
        }
        guard numbers.count == 3, yearFirst, (1...12).contains(numbers[1]), (1...31).contains(numbers[2]) else { return nil }
        let day = String(format: "%04d-%02d-%02d", numbers[0], numbers[1], numbers[2])
        return PageDate(parsing: day) == nil ? nil : day
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
}
