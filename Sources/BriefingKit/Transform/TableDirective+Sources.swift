import BriefingMarkdown
import BriefingSupport

/// What a placed table cites: its sources, and the site's own addresses among them, checked and
/// written as published.
extension TableDirective {
    /// The addresses from the site's root in the Source URL column of a data file (`/reports/x.pdf`), each
    /// as published under the base path. One that leads to nothing is an error at the table, naming
    /// where the data file gives it, as a figure's does: the file is where to mend it.
    func publishedDataAddresses(of spec: Spec, at position: SourcePosition, context: inout TransformContext) -> [String: String] {
        guard let links, let file = data.files[spec.sourceName], let column = spec.table.header.firstIndex(where: DataTables.isSourceURLColumn)
        else { return [:] }
        var published: [String: String] = [:]
        for (row, fields) in spec.table.rows.enumerated() {
            let url = fields[column]
            guard url.hasPrefix("/"), !url.hasPrefix("//"), published[url] == nil else { continue }
            if let address = links.publishedAddress(ofRootPath: url, position: position, context: &context) {
                published[url] = address
            } else {
                context.diagnostics.error(
                    "link '\(url)', given at \(file.location(of: url, inRow: row)), leads to nothing this site publishes", at: position
                )
                published[url] = url
            }
        }
        return published
    }

    /// The site's own addresses among a table's sources (`../news/x.md`, `/assets/report.pdf`), as links
    /// in the table's block until the end: `InternalLinks` checks them and writes them as published.
    static func ownLinks(
        of spec: Spec, sources: [SourceReference], leaving published: [String: String], in block: MarkdownNode, at position: SourcePosition,
        context: inout TransformContext
    ) -> [String: MarkdownNode] {
        let urlColumn = spec.table.header.firstIndex(where: DataTables.isSourceURLColumn)
        let rowURLs = urlColumn.map { column in spec.table.rows.map { $0[column] } } ?? []
        let own = Set(sources.compactMap(\.url) + rowURLs).filter {
            published[$0] == nil && !$0.isEmpty && !$0.hasPrefix("//") && !InternalLinks.hasScheme($0) && !$0.contains(">")
        }
        guard !own.isEmpty else { return [:] }
        let document = block.document
        let holder = document.makeParagraph()
        var links: [String: MarkdownNode] = [:]
        for url in own.sorted() {
            guard let parsed = PipeTables.parseInlines(["[source](<\(url)>)"], options: document.options).first,
                  let link = parsed.descendants(ofKind: .link).first
            else { continue }
            let copy = document.copy(link)
            try? holder.appendChild(copy)
            links[url] = copy
        }
        context.diagnostics.place(holder, at: position)
        try? block.appendChild(holder)
        return links
    }

    /// The table's sources: `source:`, then each row's Source column (and Source URL), each once.
    static func sources(of spec: Spec) -> [SourceReference] {
        let table = spec.table
        let sourceColumn = table.header.firstIndex { $0.lowercased() == "source" }
        let urlColumn = table.header.firstIndex(where: DataTables.isSourceURLColumn)
        var sources = spec.source.map { [$0] } ?? []
        guard let sourceColumn else { return sources }
        for row in table.rows where !row[sourceColumn].isEmpty {
            let url = urlColumn.flatMap { row[$0].isEmpty ? nil : row[$0] }
            let source = SourceReference(title: row[sourceColumn], url: url)
            if !sources.contains(source) { sources.append(source) }
        }
        return sources
    }
}
