import BriefingSupport

/// The `{from: 2, to: 3}` form shared by front matter and site settings.
enum HeadingLevels {
    /// `site` when read from site.yaml, which sets the levels of every page's contents and has no
    /// true or false for them (a page turns its own off).
    static func read(_ node: YAMLNode, source: YAMLSource, site: Bool = false) throws(Diagnostic) -> ClosedRange<Int> {
        // `{from: 2, too: 4}` read as the default `to` without a word.
        if let key = node.mapping?.first(where: { !["from", "to"].contains($0.key.scalarText ?? "") })?.key {
            throw source.error("unknown key '\(key.scalarText ?? "")' in 'toc' (use from and to, like {from: 2, to: 3})", at: key)
        }
        guard node.mapping != nil,
              let from = node["from"]?.int ?? Optional(2), let to = node["to"]?.int ?? Optional(3),
              (1...6).contains(from), (1...6).contains(to)
        else {
            throw source.error(
                site ? "'toc' in site.yaml must be {from: 2, to: 3} with levels 1 to 6 (a page turns its own off with toc: false)"
                    : "'toc' must be true, false or {from: 2, to: 3} with levels 1 to 6",
                at: node
            )
        }
        guard from <= to else {
            // `{from: 4}` alone meets the default `to: 3`.
            let given = node["to"] == nil ? "\(to) when not given" : "\(to)"
            throw source.error(
                "'toc' goes from level \(from) to \(given): 'from' must not be deeper than 'to', like {from: \(to), to: \(from)}", at: node
            )
        }
        return from...to
    }
}
