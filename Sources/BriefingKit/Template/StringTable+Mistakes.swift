import BriefingSupport

/// What a string table can have wrong, each an error at its key: a word another language's table has
/// and it lacks, placeholders that differ from the first language's, a plural form's or a date format's
/// placeholder the build does not fill.
extension StringTable {
    /// Keys of `reference` (the site's first language) this table lacks, and strings whose placeholders
    /// are not those of the same string there: templates ask every language for the same words and fill
    /// the same names, so a `{` typed by mistake, a placeholder left out or misspelt would show as an
    /// error about a template, or as nothing.
    func mismatches(against reference: StringTable) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        // A word missing in one language failed at the first template line that asked for it, naming
        // the template rather than the table.
        // The words the build writes are asked of every table on their own (`Theme`): said once.
        let missing = reference.entries.keys.filter {
            entries[$0] == nil && !StringTable.languageOwnKeys.contains($0) && !StringTable.keysTheBuildWrites.contains($0)
        }.sorted()
        if !missing.isEmpty {
            // A key of this table only is most often one of those, misspelt (`contens`).
            let extra = entries.keys.filter { reference.entries[$0] == nil && !StringTable.languageOwnKeys.contains($0) }.sorted()
            let hint = extra.isEmpty ? "" : " (it has \(extra.map { "'\($0)'" }.joined(separator: ", ")), which \(reference.path) has not: misspelt?)"
            errors.append(error(
                "\(path) lacks \(missing.map { "'\($0)'" }.joined(separator: ", ")), which \(reference.path) has: templates ask every language for the same words\(hint)",
                at: extra.first
            ))
        }
        // A language's own keys take their own placeholders: English writes `{monthName} {day}, {year}`, Korean `{year}년 {month}월 {day}일`.
        for (key, entry) in entries.sorted(by: { $0.key < $1.key }) where !StringTable.languageOwnKeys.contains(key) {
            guard case .text(let text) = entry, case .text(let expected)? = reference.entries[key] else { continue }
            let names = StringTable.placeholderNames(text), expectedNames = StringTable.placeholderNames(expected)
            guard names != expectedNames else { continue }
            func listed(_ names: [String]) -> String {
                names.isEmpty ? "no placeholder" : "the placeholders " + names.map { "{\($0)}" }.joined(separator: ", ")
            }
            errors.append(error(
                "'\(key)' has \(listed(names)) where \(reference.path) has \(listed(expectedNames)): every language's string takes the same ones (a brace with no name after it, like '{ ', is text)",
                at: key
            ))
        }
        return errors
    }

    /// The plural strings the build fills, with the placeholders it fills them with: a misspelt one
    /// (`{cuont}`) showed as typed in every page.
    private static let pluralPlaceholders: [String: Set<String>] = ["readingTime": ["count"], "tagCount": ["count"], "tableSource": ["sources", "count"]]

    /// Placeholders in plural forms that the build does not fill.
    func pluralMistakes() -> [Diagnostic] {
        var errors: [Diagnostic] = []
        for (key, allowed) in StringTable.pluralPlaceholders.sorted(by: { $0.key < $1.key }) {
            guard case .plural(let forms)? = entries[key] else { continue }
            for (category, form) in forms.sorted(by: { $0.key < $1.key }) {
                let unknown = StringTable.placeholderNames(form).filter { !allowed.contains($0) }
                guard !unknown.isEmpty else { continue }
                errors.append(error(
                    "'\(key).\(category)' has \(unknown.map { "{\($0)}" }.joined(separator: ", ")), which the build does not fill: use \(allowed.sorted().map { "{\($0)}" }.joined(separator: " or "))",
                    at: key
                ))
            }
        }
        return errors
    }

    /// What would show in every date of the language as typed: a `dateFormat` placeholder that is none of
    /// its four (`{dya}`), or `{monthName}` without twelve `monthNames`; or no `dateFormat` in a language
    /// other than English, whose dates would then read in English ("8 April 2026").
    func dateMistakes() -> [Diagnostic] {
        var errors: [Diagnostic] = []
        if entries["monthNames"] != nil, monthNames == nil {
            errors.append(error("'monthNames' must be a list of the twelve months' names, January's first", at: "monthNames"))
        }
        guard let format = text("dateFormat") else {
            if !path.isEmpty, Language.primarySubtag(of: code) != "en" {
                errors.append(error(
                    "the table has no 'dateFormat', so its dates would read in English (8 April 2026): add one, such as "
                        + "\"{year}년 {month}월 {day}일\", or \"{day} {monthName} {year}\" with the twelve 'monthNames'",
                    at: nil
                ))
            }
            return errors
        }
        let names = StringTable.placeholderNames(format)
        let unknown = names.filter { !["year", "month", "day", "monthName"].contains($0) }
        if !unknown.isEmpty {
            errors.append(error(
                "'dateFormat' has \(unknown.map { "{\($0)}" }.joined(separator: ", ")), which is not a part of a date: use {year}, {month}, {day} and {monthName}",
                at: "dateFormat"
            ))
        }
        if names.contains("monthName"), entries["monthNames"] == nil {
            errors.append(error("'dateFormat' has {monthName}, but the table has no 'monthNames': add the twelve months' names as a list", at: "dateFormat"))
        }
        return errors
    }

    /// How one language writes numbers, dates and tags: a table has them or not, whatever the others do.
    private static let languageOwnKeys: Set<String> = ["digits", "decimalSeparator", "groupSeparator", "dateFormat", "monthNames", "tagNames"]

    private static func placeholderNames(_ text: String) -> [String] {
        Set(pieces(text).compactMap { piece -> String? in if case .placeholder(let name) = piece { name } else { nil } }).sorted()
    }

    /// Keys the build itself writes words from (titles of pages it makes, labels of Markdown extensions,
    /// plural forms it fills): a table that has some keys must have these.
    static let keysTheBuildWrites = [
        "tagsTitle", "pageNotFound", "authorSeparator", "authorLastSeparator", "readingTime", "tagCount",
        "calloutNote", "calloutTip", "calloutImportant", "calloutWarning", "calloutCaution", "faqHeading", "tableSource",
        "figuresColumnFigure", "figuresColumnValue", "figuresColumnSource", "figuresColumnSourceURL", "figuresColumnAsOf",
        "tableLabel", "figureLabel", "codeLabel", "codeLanguageLabel", "citationLabel", "tableCaptionMarker", "tableSourceMarker",
    ]
}
