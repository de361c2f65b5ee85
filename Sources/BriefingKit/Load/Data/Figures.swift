import BriefingSupport

/// A number written once in `Content/data/figures.yaml` and cited everywhere by `[](figure:id)`.
public struct Figure: Sendable, Equatable {
    public var id: String
    public var value: String
    public var label: String
    public var unit: String?
    public var source: String
    public var url: String?
    /// When the number was last true; figures without one are fixed facts (an agreement's amount).
    public var asOf: PageDate?
    /// Where `asOf` is written, for the stale-figure warning.
    public var asOfLocation: SourceLocation?
    /// Where the id is written, for a language's figure that matches none of figures.yaml.
    public var location: SourceLocation?
    /// Where `url` is written, for an address that leads nowhere.
    public var urlLocation: SourceLocation?
}

enum Figures {
    static let fileName = "figures.yaml"

    /// `ko` for `figures.ko.yaml`, a language's values and labels.
    static func languageCode(ofFile name: String) -> String? {
        guard name.hasPrefix("figures."), name.hasSuffix(".yaml") else { return nil }
        let code = name.dropFirst("figures.".count).dropLast(".yaml".count)
        return Language.isCode(code) ? String(code) : nil
    }

    /// Reads figures.yaml: a mapping of ids to mappings with value, label and source (required), and
    /// unit, url and asOf.
    static func parse(_ file: SourceFile) throws(BuildFailure) -> [String: Figure] {
        let source = YAMLSource(file: file, yaml: file.text, lineOffset: 0)
        let root: YAMLNode?
        do { root = try source.compose() } catch { throw BuildFailure([error]) }
        guard let root else { return [:] }
        guard let mapping = root.mapping else {
            throw BuildFailure([source.error("figures.yaml must map figure ids to their value, label and source", at: root)])
        }
        var figures: [String: Figure] = [:]
        var errors: [Diagnostic] = []
        for (key, value) in mapping {
            do {
                let figure = try parse(id: key.scalarText ?? "", value, at: key, source: source)
                figures[figure.id] = figure
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        return figures
    }

    private static func parse(id: String, _ node: YAMLNode, at keyNode: YAMLNode, source: YAMLSource) throws(Diagnostic) -> Figure {
        guard Slug.isSafe(id) else {
            throw source.error("figure id '\(id)' must be letters, digits, '-', '_' or '.'", at: keyNode)
        }
        guard let entry = node.mapping else {
            throw source.error("figure '\(id)' must be a mapping with value, label and source", at: node)
        }
        var fields: [String: String] = [:]
        var asOf: PageDate?
        var asOfLocation: SourceLocation?
        var urlLocation: SourceLocation?
        for (fieldKey, fieldValue) in entry {
            let name = fieldKey.scalarText ?? ""
            guard ["value", "label", "unit", "source", "url", "asOf"].contains(name) else {
                throw source.error("unknown key '\(name)' in figure '\(id)' (use value, label, unit, source, url, asOf)", at: fieldKey)
            }
            guard let text = fieldValue.scalarText, !fieldValue.isNull, !text.isEmpty else {
                throw source.error("'\(name)' of figure '\(id)' must be text", at: fieldValue)
            }
            if name == "url" {
                if let rejection = LinkURL.dataRejection(of: text) { throw source.error("'url' of figure '\(id)': \(rejection)", at: fieldValue) }
                urlLocation = source.location(of: fieldValue)
            }
            if name == "asOf" {
                guard let date = PageDate(parsing: text) else {
                    throw source.error("'asOf' of figure '\(id)' is not a valid date: write it as YYYY-MM-DD", at: fieldValue)
                }
                asOf = date
                asOfLocation = source.location(of: fieldValue)
            } else {
                fields[name] = text
            }
        }
        // At the figure's id: the mapping's place is its first key's line, not where a key is missing.
        for required in ["value", "label", "source"] where fields[required] == nil {
            throw source.error("figure '\(id)' needs a '\(required)'", at: keyNode)
        }
        return Figure(
            id: id, value: fields["value"]!, label: fields["label"]!, unit: fields["unit"], source: fields["source"]!,
            url: fields["url"], asOf: asOf, asOfLocation: asOfLocation, location: source.location(of: keyNode), urlLocation: urlLocation
        )
    }
}
