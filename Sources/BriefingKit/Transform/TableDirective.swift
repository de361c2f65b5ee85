import BriefingMarkdown
import BriefingSupport
import BriefingTemplates

/// A fenced block with the info string `table` whose body is YAML places a data file as an accessible
/// table with a caption and a visible source line:
///
/// ```table
/// data: key-figures.csv          # a CSV or YAML list in Content/data/ (or `figures: all` / a list of ids)
/// caption: Key figures
/// columns: [Metric, Value]       # choose and order; or a mapping {Metric: "What", Value: "How much"} to rename
/// align: {Value: right}          # numeric columns are right-aligned without asking
/// source: US Department of State # or a Source (and Source URL) column in the data
/// source-url: https://www.state.gov/
/// ```
struct TableDirective: DocumentTransform {
    static let infoString = "table"
    /// The most cells one table shows (50,000 rows of two columns).
    static let maxCells = 100_000
    let data: SiteData
    /// Where a data file's address from the site's root (`/reports/x.pdf`) is published.
    var links: InternalLinks?
    /// Each language's code on a site of several; empty otherwise.
    var languageCodes: [String] = []
    /// Cells and captions get the same curly quotes and dashes as the prose around them.
    var smartPunctuation = false

    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let blocks = document.root.descendants(ofKind: .codeBlock).filter {
            ($0.fenceInfo ?? "").split(separator: " ").first == Substring(TableDirective.infoString)
        }
        // Copied only for a page with tables: a copy of a page is a retain of each of its fields.
        guard !blocks.isEmpty else { return }
        let page = context.page
        for block in blocks {
            let yaml = YAMLSource(file: page.source.file, yaml: block.literal ?? "", lineOffset: page.bodyLineOffset + block.start.line)
            let location = MarkdownPositions.location(of: block, in: page)
            var errors: [Diagnostic] = []
            let spec = read(yaml, at: location, position: block.start, context: &context, errors: &errors)
            for error in errors { context.diagnostics.append(error) }
            guard let spec else {
                // The notes its caption cites are cited: that the table is not made is the error to fix.
                for reference in Footnotes.references(in: block.literal ?? "") { context.marksLeftOut.insert(FootnoteSource.key(reference.label)) }
                continue
            }
            let sources = TableDirective.sources(of: spec)
            if sources.isEmpty {
                let message = "table '\(spec.caption ?? spec.sourceName)' cites no source: add 'source:' and 'source-url:', "
                    + "or a Source column to \(spec.sourceName)"
                context.diagnostics.append(page.source.file.diagnostic(.warning, message, at: location))
            }
            // The source line is under the table, after its caption and cells.
            let sourceLine = block.end
            // Its number and source line are the page's words, also in a quotation in another language.
            let marked = LanguageQuotes.pageLanguage(around: block, context: context)
            let placed = document.makeCustomBlock(onEnter: "", onExit: "")
            do throws(MarkdownTreeError) {
                try block.replace(with: placed)
            } catch {
                context.diagnostics.error("cannot place the table: \(error)", at: block)
                continue
            }
            // The caption is Markdown, in the tree until the end, so that later transforms see its links,
            // figures and notes, as a pipe table's caption.
            let caption = spec.caption.flatMap { PipeTables.parseInlines([$0], options: document.options).first }.map { parsed in
                let holder = document.makeParagraph()
                for child in parsed.children { try? holder.appendChild(document.copy(child)) }
                context.diagnostics.place(holder, at: spec.captionPosition ?? block.start)
                try? placed.appendChild(holder)
                return holder
            }
            let sourcePosition = spec.sourcePosition ?? block.start
            let fromData = publishedDataAddresses(of: spec, at: sourcePosition, context: &context)
            let links = TableDirective.ownLinks(of: spec, sources: sources, leaving: fromData, in: placed, at: sourcePosition, context: &context)
            let resolved = { (url: String) in fromData[url] ?? links[url]?.url ?? url }
            let published = { sources.map { SourceReference(title: $0.title, url: $0.url.map(resolved), date: $0.date) } }
            // Rendered once the page's sources are numbered in reading order.
            context.cite(published, at: sourceLine, of: placed, enclosing: true) { context, cited in
                let label = context.regionName(context.theme.tableLabel(caption: caption, numberLabel: spec.numberLabel, language: page.language))
                do throws(Diagnostic) {
                    placed.onEnter = try html(
                        spec, captionHTML: caption.map(PipeTables.inlineHTML), label: label, sources: cited, resolved: resolved, theme: context.theme,
                        language: page.language, marked: marked
                    )
                } catch {
                    let message = DataTables.unrendered(of: spec.sourceName, rows: spec.table.rows.count, columns: spec.columns.count, error)
                    context.diagnostics.append(page.source.file.diagnostic(.error, message, at: location))
                }
                for child in placed.children { child.unlink() }
            }
        }
    }

    struct Spec {
        var table: CSVTable
        var sourceName: String
        var caption: String?
        /// Where the caption's and `source-url`'s text start in the page's body.
        var captionPosition: SourcePosition?
        var sourcePosition: SourcePosition?
        var columns: [(name: String, heading: String, node: YAMLNode?)] = []
        var align: [String: String] = [:]
        var source: SourceReference?
        var id: String?
        var numberLabel: String?
    }

    /// What the directive asks for, or nil with every mistake of the directive in `errors`.
    private func read(
        _ yaml: YAMLSource, at location: SourceLocation, position: SourcePosition, context: inout TransformContext, errors: inout [Diagnostic]
    ) -> Spec? {
        let page = context.page, theme = context.theme
        let file = page.source.file
        let composed: YAMLNode?
        do throws(Diagnostic) { composed = try yaml.compose() } catch {
            errors.append(error)
            return nil
        }
        guard let mapping = composed?.mapping else {
            errors.append(file.diagnostic(.error, "a table directive needs YAML such as 'data: key-figures.csv' and 'caption: …'", at: location))
            return nil
        }
        var spec: Spec?
        var namesData = false
        var caption: String?
        var captionNode: YAMLNode?
        var captionPosition: SourcePosition?
        var sourcePosition: SourcePosition?
        var columnsNode: YAMLNode?
        var alignNode: YAMLNode?
        var sourceTitle: String?
        var sourceURL: String?
        var id: (text: String, node: YAMLNode)?
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            do throws(Diagnostic) {
                switch key {
                case "data", "figures":
                    // One table shows one of them: the second would silently replace the first.
                    guard !namesData else {
                        throw yaml.error("a table shows either 'data' or 'figures', not both: make two tables", at: keyNode)
                    }
                    namesData = true
                    spec = try key == "data"
                        ? dataTable(value, yaml: yaml, language: page.language == 0 ? nil : languageCode(page))
                        : figureTable(value, yaml: yaml, language: languageCode(page), strings: theme.strings[page.language])
                case "caption":
                    caption = try text(value, key, yaml)
                    captionNode = value
                    captionPosition = SourcePosition(line: position.line + value.line, column: value.column)
                case "id":
                    let text = try text(value, key, yaml)
                    guard CrossReferences.isID(Substring(text)) else {
                        throw yaml.error("'id' is made of letters, digits, '-' and '_' (such as key-figures)", at: value)
                    }
                    id = (text, value)
                case "columns": columnsNode = value
                case "align": alignNode = value
                case "source": sourceTitle = try text(value, key, yaml)
                case "source-url", "sourceURL":
                    let url = try text(value, key, yaml)
                    sourcePosition = SourcePosition(line: position.line + value.line, column: value.column)
                    if let rejection = LinkURL.rejection(of: url) { throw yaml.error("'\(key)': \(rejection)", at: value) }
                    sourceURL = url
                default:
                    throw yaml.error("unknown key '\(key)' in the table directive (use data or figures, caption, columns, align, source, source-url, id)", at: keyNode)
                }
            } catch {
                errors.append(error)
            }
        }
        if !namesData {
            errors.append(file.diagnostic(.error, "the table directive needs 'data: <file in Content/data/>' or 'figures: all'", at: location))
        }
        // `caption: … {#id}`, as a pipe table's caption gives its id, was shown as typed, and the citation
        // was told to add the very `{#id}` it had.
        if let written = caption, let captionNode, let (rest, found) = CrossReferences.trailingID(written) {
            if let id, id.text != found {
                errors.append(yaml.error("the caption ends in {#\(found)} and 'id' is '\(id.text)': give the table one id, with 'id:'", at: captionNode))
            } else {
                id = id ?? (found, captionNode)
                caption = rest.isEmpty ? nil : rest
            }
        }
        if let id, ThemeIDs.isPages(id.text) {
            errors.append(yaml.error("the id '\(id.text)' is one the page gives its own elements (its sources, notes or theme): choose another", at: id.node))
        } else if let id, !context.numbered.register(.table, id: id.text, at: position) {
            errors.append(yaml.error("the id '\(id.text)' is given twice on this page: each table and image needs its own", at: id.node))
        }
        guard var spec else { return nil }
        do throws(Diagnostic) {
            spec.columns = try columns(columnsNode, table: spec.table, sourceName: spec.sourceName, yaml: yaml)
            if let alignNode { spec.align = try alignment(alignNode, columns: spec.columns.map { ($0.name, $0.heading) }, yaml: yaml) }
        } catch {
            errors.append(error)
        }
        // Each cell is some 60 bytes of HTML and a dozen template steps: past this, the page is tens of
        // megabytes and takes seconds, and the theme's work budget would stop it with a message about the theme.
        let cells = spec.table.rows.count * max(spec.columns.count, 1)
        if errors.isEmpty, cells > TableDirective.maxCells {
            errors.append(file.diagnostic(
                .error, "\(spec.sourceName) has \(spec.table.rows.count) rows of \(spec.columns.count) columns, \(cells) cells, and a page shows "
                    + "at most \(TableDirective.maxCells): split the data into smaller files, or show fewer columns", at: location
            ))
        }
        guard errors.isEmpty else { return nil }
        spec.caption = caption
        spec.captionPosition = captionPosition
        spec.sourcePosition = sourcePosition
        if let id {
            context.headings.reserve(id.text)
            spec.id = id.text
            spec.numberLabel = context.numbered.number(of: id.text, kind: .table).map { NumberedElements.Kind.table.label($0, in: theme.strings[page.language]) }
        }
        if let sourceTitle { spec.source = SourceReference(title: sourceTitle, url: sourceURL) }
        return spec
    }

    /// A page's language code when the site has several, for the data files in that language.
    private func languageCode(_ page: Page) -> String? { languageCodes.isEmpty ? nil : languageCodes[page.language] }

    /// The table `data` names; for a page in another language than the default, its version in that
    /// language when there is one (`key-figures.ko.csv` beside `key-figures.csv`).
    private func dataTable(_ node: YAMLNode, yaml: YAMLSource, language: String?) throws(Diagnostic) -> Spec {
        var name = try text(node, "data", yaml)
        if let language, let dot = name.lastIndex(of: ".") {
            let translated = name[..<dot] + "." + language + name[dot...]
            if data.files[translated] != nil { name = translated }
        }
        guard !name.contains("/"), !name.contains("\\"), name != "..", name != "." else {
            throw yaml.error("'data' names a file directly in Content/data/, without folders or '..'", at: node)
        }
        guard let dataFile = data.files[name] else {
            let known = data.files.keys.sorted().joined(separator: ", ")
            throw yaml.error("data file '\(name)' not found in Content/data/ (there: \(known.isEmpty ? "none" : known))", at: node)
        }
        guard let table = dataFile.table else {
            throw yaml.error("data file '\(name)' is not a table: use a CSV file or a YAML list of records of text and numbers", at: node)
        }
        return Spec(table: table, sourceName: name)
    }

    /// A key-figures table straight from figures.yaml, so each number is written in one place only; in a
    /// page of another language, in that language's words (`figures.ko.yaml`) and dates, as its prose cites them.
    private func figureTable(_ node: YAMLNode, yaml: YAMLSource, language: String?, strings: StringTable) throws(Diagnostic) -> Spec {
        var ids: [String]
        if node.scalarText == "all" {
            ids = data.figures.keys.sorted()
        } else if let sequence = node.sequence {
            ids = []
            for item in sequence {
                let id = try text(item, "figures", yaml)
                guard data.figures[id] != nil else { throw yaml.error("unknown figure '\(id)' in figures.yaml", at: item) }
                ids.append(id)
            }
        } else {
            throw yaml.error("'figures' must be 'all' or a list of figure ids", at: node)
        }
        let ownFigures = language.flatMap { data.localizedFigures[$0] }
        let rows = ids.compactMap { data.figures[$0] }.map { figure in
            let own = ownFigures?[figure.id] ?? figure
            let asOf = own.asOf ?? figure.asOf
            return [own.label, own.value, own.source, own.url ?? figure.url ?? "", asOf.map { strings.format($0) ?? $0.display } ?? ""]
        }
        let table = CSVTable(header: ["Figure", "Value", "Source", "Source URL", "As of"], rows: rows, rowLines: rows.map { _ in 1 })
        return Spec(table: table, sourceName: Figures.fileName)
    }

    private func columns(_ node: YAMLNode?, table: CSVTable, sourceName: String, yaml: YAMLSource) throws(Diagnostic) -> [(name: String, heading: String, node: YAMLNode?)] {
        guard let node else {
            return table.header.filter { !DataTables.isSourceURLColumn($0) }.map { ($0, $0, nil) }
        }
        var chosen: [(String, String, YAMLNode?)] = []
        if let sequence = node.sequence {
            for item in sequence { chosen.append((try text(item, "columns", yaml), try text(item, "columns", yaml), item)) }
        } else if let mapping = node.mapping {
            for (key, value) in mapping { chosen.append((try text(key, "columns", yaml), try text(value, "columns", yaml), key)) }
        } else {
            throw yaml.error("'columns' must be a list of column names, or a mapping of names to headings", at: node)
        }
        guard !chosen.isEmpty else { throw yaml.error("'columns' names no column: list those the table shows, or leave 'columns' out for all", at: node) }
        for (name, _, itemNode) in chosen where !table.header.contains(name) {
            let known = table.header.map { "'\($0)'" }.joined(separator: ", ")
            throw yaml.error("column '\(name)' not found in \(sourceName) (columns: \(known))", at: itemNode ?? node)
        }
        // Two columns of one heading cannot be told apart by a reader, nor by a screen reader's column header.
        var headings: Set<String> = []
        for (_, heading, itemNode) in chosen where !headings.insert(heading).inserted {
            throw yaml.error("the table shows two columns headed '\(heading)': give each its own heading", at: itemNode ?? node)
        }
        return chosen
    }

    /// By column name, or by the heading `columns` gave it (`{Note: Context}`), which is what the editor sees.
    private func alignment(_ node: YAMLNode, columns: [(name: String, heading: String)], yaml: YAMLSource) throws(Diagnostic) -> [String: String] {
        guard let mapping = node.mapping else { throw yaml.error("'align' must map column names to left, center or right", at: node) }
        var result: [String: String] = [:]
        for (key, value) in mapping {
            let written = try text(key, "align", yaml), side = try text(value, "align", yaml)
            guard let column = columns.first(where: { $0.name == written })?.name ?? columns.first(where: { $0.heading == written })?.name else {
                let shown = columns.map { $0.name == $0.heading ? "'\($0.name)'" : "'\($0.name)' (headed '\($0.heading)')" }.joined(separator: ", ")
                throw yaml.error("'align' names column '\(written)', which the table does not show (it shows \(shown))", at: key)
            }
            guard ["left", "center", "right"].contains(side) else { throw yaml.error("alignment must be left, center or right", at: value) }
            result[column] = side
        }
        return result
    }

    private func text(_ node: YAMLNode, _ key: String, _ yaml: YAMLSource) throws(Diagnostic) -> String {
        guard let value = node.scalarText, !node.isNull, !value.isEmpty else {
            throw yaml.error("'\(key)' must be text", at: node)
        }
        return value
    }

    /// The table through the theme's `data-table` partial, with its numbered sources.
    private func html(
        _ spec: Spec, captionHTML: String?, label: String, sources: [(source: SourceReference, number: Int)], resolved: (String) -> String,
        theme: ThemeHTML, language: Int, marked: Language?
    ) throws(Diagnostic) -> String {
        let table = spec.table
        let strings = theme.strings[language]
        let index = Dictionary(table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let sourceColumn = table.header.firstIndex { $0.lowercased() == "source" }
        let urlColumn = table.header.firstIndex(where: DataTables.isSourceURLColumn)
        let classes = spec.columns.map { column in
            DataTables.columnClass(aligned: spec.align[column.name], cells: table.rows.map { $0[index[column.name]!] })
        }
        func optional(_ text: String) -> TemplateValue { text.isEmpty ? .null : .string(text) }
        let columns: [TemplateValue] = zip(spec.columns, classes).map { column, cssClass in
            // A figures table's own headings are the theme's words; the data's are the data's.
            let heading = spec.sourceName == Figures.fileName && column.heading == column.name
                ? TableDirective.figureHeadings[column.name].map { strings.word($0, english: column.name) } ?? column.heading
                : column.heading
            return ["heading": .string(smartened(heading)), "class": optional(cssClass)]
        }
        let rows: [TemplateValue] = table.rows.map { row in
            var rowURL: String?
            if let urlColumn, !row[urlColumn].isEmpty { rowURL = row[urlColumn] }
            let cells: [TemplateValue] = zip(spec.columns, classes).enumerated().map { position, columnAndClass in
                let (column, cssClass) = columnAndClass
                let columnIndex = index[column.name]!
                let linked = columnIndex == sourceColumn ? rowURL.flatMap { LinkURL.isAllowed($0) ? resolved($0) : nil } : nil
                return [
                    "text": .string(smartened(row[columnIndex])), "url": linked.map { .string(LinkURL.hrefEncoded($0)) } ?? .null,
                    "class": optional(cssClass), "isRowHeader": .bool(position == 0),
                ]
            }
            return ["cells": .list(cells)]
        }
        let values: [(String, TemplateValue)] = [
            ("caption", .null), ("captionHTML", captionHTML.map(TemplateValue.html) ?? .null),
            ("id", spec.id.map(TemplateValue.string) ?? .null), ("numberLabel", spec.numberLabel.map(TemplateValue.string) ?? .null),
            ("columns", .list(columns)), ("rows", .list(rows)),
        ]
        return try theme.dataTable(values, label: label, sources: sources, language: language, marked: marked)
    }

    /// Text from the data as the prose around it is written: curly quotes and dashes, when the site has them.
    private func smartened(_ raw: String) -> String { smartPunctuation ? PlainText.smartened(raw) : raw }

    /// The string table's key for each column of a figures table.
    static let figureHeadings = [
        "Figure": "figuresColumnFigure", "Value": "figuresColumnValue", "Source": "figuresColumnSource",
        "Source URL": "figuresColumnSourceURL", "As of": "figuresColumnAsOf",
    ]
}
