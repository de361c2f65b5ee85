import BriefingSupport
import BriefingTemplates
import Foundation

/// A file of `Content/data/`: CSV, JSON or YAML, as templates see it (`data.<name>`) and, when it is a
/// list of records, as a table the table directive can place.
public struct DataFile: Sendable {
    /// The file name without its extension: `key-figures` for `key-figures.csv`.
    public var name: String
    /// The file name with its extension, as a table directive names it.
    public var fileName: String
    public var file: SourceFile
    public var value: TemplateValue
    /// Column names and rows of text, when the file is tabular.
    public var table: CSVTable?

    public static let extensions: Set<String> = ["csv", "json", "yaml", "yml"]

    /// A record's value as its cell shows it: `~` and `null`, written for "no value", show nothing.
    static func cellText(_ node: YAMLNode) -> String {
        node.isNull ? "" : node.scalarText ?? ""
    }

    public static func parse(_ file: SourceFile, fileName: String) throws(Diagnostic) -> DataFile {
        let stem = String(fileName[..<(fileName.lastIndex(of: ".") ?? fileName.endIndex)])
        switch fileName.split(separator: ".").last.map({ $0.lowercased() }) {
        case "csv":
            let table = try CSVTable.parse(file)
            try checkSourceURLs(of: table, in: file) { row, url in DataFile.location(of: url, inRow: row, of: table, in: file) }
            let records: [TemplateValue] = table.rows.map { row in
                // A column named twice keeps its first value.
                .map(TemplateNames.map(Array(zip(table.header, row.lazy.map(TemplateValue.string)))))
            }
            return DataFile(name: stem, fileName: fileName, file: file, value: .list(records), table: table)
        case "json":
            return DataFile(name: stem, fileName: fileName, file: file, value: try json(file), table: nil)
        default:
            let source = YAMLSource(file: file, yaml: file.text, lineOffset: 0)
            let root = try source.compose()
            let table = root.flatMap(table(from:))
            if let table, let records = root?.sequence {
                try checkSourceURLs(of: table, in: file) { row, url in
                    let node = records[row].mapping?.first { DataTables.isSourceURLColumn($0.key.scalarText ?? "") }?.value
                    return source.location(of: node ?? records[row])
                }
            }
            return DataFile(name: stem, fileName: fileName, file: file, value: root?.templateValue ?? .null, table: table)
        }
    }

    /// Where a row's `value` is written: the first line of the row, or of the lines up to the next row's
    /// (a YAML record's), that holds it; else the row's first line.
    func location(of value: String, inRow row: Int) -> SourceLocation {
        guard let table else {
            // A file of no rows (figures.yaml, whose figures a table block shows): where the value first stands.
            guard let range = file.text.range(of: value) else { return file.location(line: 1, column: 1) }
            let (line, column) = SourceFile.position(ofByte: file.text.utf8.distance(from: file.text.startIndex, to: range.lowerBound), in: file.text.utf8)
            return file.location(line: line, column: column)
        }
        return DataFile.location(of: value, inRow: row, of: table, in: file)
    }

    private static func location(of value: String, inRow row: Int, of table: CSVTable, in file: SourceFile) -> SourceLocation {
        guard table.rowLines.indices.contains(row) else { return file.location(line: 1, column: 1) }
        let first = table.rowLines[row]
        let last = row + 1 < table.rowLines.count ? max(first, table.rowLines[row + 1] - 1) : first + 100
        for number in first...last {
            guard let text = file.line(number) else { break }
            if let range = text.range(of: value) { return file.location(line: number, column: text.unicodeScalars[..<range.lowerBound].count + 1) }
        }
        return file.location(line: first, column: 1)
    }

    /// A Source URL column becomes links in the tables' source lines and the pages' Sources lists.
    private static func checkSourceURLs(
        of table: CSVTable, in file: SourceFile, location: (_ row: Int, _ url: String) -> SourceLocation
    ) throws(Diagnostic) {
        // Every refused address is named at once, as uneven rows are: one build lists every line to mend.
        // The first is placed in its line; the others are named by their rows' lines, which a table has at
        // hand (placing each would read the file from its start, for every one of thousands of rows).
        var refused: [(row: Int, url: String, rejection: String)] = []
        for column in table.header.indices where DataTables.isSourceURLColumn(table.header[column]) {
            for (row, fields) in table.rows.enumerated() {
                let url = fields[column]
                guard !url.isEmpty, let rejection = LinkURL.dataRejection(of: url) else { continue }
                refused.append((row, url, "'\(table.header[column])': \(rejection)"))
            }
        }
        guard let first = refused.first else { return }
        let at = location(first.row, first.url)
        let others = Array(Set(refused.map { table.rowLines[$0.row] }).subtracting([at.line, table.rowLines[first.row]])).sorted()
        let more = others.isEmpty ? ""
            : "; the address\(others.count == 1 ? "" : "es") at \(Diagnostic.lines(others)) \(others.count == 1 ? "is" : "are") refused too"
        throw file.diagnostic(.error, first.rejection + more, at: at)
    }

    private static func json(_ file: SourceFile) throws(Diagnostic) -> TemplateValue {
        do throws(JSONReader.Failure) {
            return try JSONReader.read(file.text)
        } catch {
            let position = SourceFile.position(ofByte: error.offset, in: file.text.utf8)
            throw file.error("invalid JSON: " + error.message, line: position.line, column: position.column)
        }
    }

    /// A YAML list of mappings whose values are text or numbers is a table: its columns are every key
    /// its records have, in the order first written, so that a key only later records have keeps its
    /// values. A list with a record of lists or mappings is no table (a table would show them as nothing).
    private static func table(from node: YAMLNode) -> CSVTable? {
        guard let sequence = node.sequence, sequence.first?.mapping != nil else { return nil }
        var header: [String] = []
        var known: Set<String> = []
        for item in sequence {
            guard let pairs = item.mapping, pairs.allSatisfy({ $0.value.scalar != nil }) else { return nil }
            for pair in pairs {
                guard let key = pair.key.scalarText, known.insert(key).inserted else { continue }
                header.append(key)
            }
        }
        var rows: [[String]] = []
        var lines: [Int] = []
        for item in sequence {
            guard let pairs = item.mapping else { return nil }
            if pairs.count <= 32 {
                rows.append(header.map { item[$0].map(DataFile.cellText) ?? "" })
            } else {
                // A record of many columns is read through a dictionary: finding each column by a scan
                // of its pairs is quadratic in the columns.
                var fields: [String: String] = [:]
                for pair in pairs where pair.key.tagName == .str { fields[pair.key.scalarText ?? ""] = DataFile.cellText(pair.value) }
                rows.append(header.map { fields[$0] ?? "" })
            }
            lines.append(item.line)
        }
        return CSVTable(header: header, rows: rows, rowLines: lines)
    }
}
