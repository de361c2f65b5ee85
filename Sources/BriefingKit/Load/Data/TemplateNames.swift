import BriefingTemplates

/// Names an editor gave data (a CSV's columns, the keys of a YAML or JSON file or of `params`, a data
/// file's name) that no tag can write: `{{Source URL}}` is no name, and `data.poll.2024` reads `poll`, then
/// `2024`. Each also goes by its words run together, camel-cased (`sourceURL`, `asOf`, `poll2024`), where no
/// other key has that name.
enum TemplateNames {
    /// The other name of a key a tag cannot write; nil for one it can.
    static func alias(of key: String) -> String? {
        guard key.contains(where: { $0.isWhitespace || $0 == "." }) else { return nil }
        let words = key.split { !$0.isLetter && !$0.isNumber }
        guard let first = words.first else { return nil }
        return first.lowercased() + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The pairs as a map, each key a tag cannot write also under its alias; of a key given twice, the first.
    static func map(_ pairs: [(String, TemplateValue)]) -> TemplateMap {
        let aliases = pairs.compactMap { key, value in alias(of: key).map { ($0, value) } }
        guard !aliases.isEmpty else { return TemplateMap(pairs) { first, _ in first } }
        let keys = Set(pairs.map(\.0))
        return TemplateMap(pairs + aliases.filter { !keys.contains($0.0) }) { first, _ in first }
    }
}
