import BriefingSupport

/// A CSV file read by RFC 4180: a header row, then records of as many fields; fields may be quoted,
/// with `""` for a quote and line breaks inside quotes. The BOM and CRLF line endings are handled by
/// `SourceFile`.
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]
    /// The file line each row starts on, for errors about a row.
    public var rowLines: [Int]

    public static func parse(_ file: SourceFile) throws(Diagnostic) -> CSVTable {
        var records: [[String]] = []
        var lines: [Int] = []
        var record: [String] = []
        var field: [UInt8] = []
        var line = 1
        var column = 1
        var recordLine = 1
        var inQuotes = false
        var quoteStart = (line: 1, column: 1)
        var fieldWasQuoted = false
        let bytes = Array(file.text.utf8)
        var index = 0
        // Where each field of the header starts, for errors about a column's name.
        var fieldStart = 1
        var headerColumns: [Int] = []
        // Quotes out of place are read on as text and named together at the end, so that one pass over
        // the file mends them all, as uneven rows are.
        var misplacedQuotes: [(message: String, line: Int, column: Int)] = []

        func endField() {
            if records.isEmpty { headerColumns.append(fieldStart) }
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(record.count == 1 && record[0].isEmpty) {
                records.append(record)
                lines.append(recordLine)
            }
            record = []
        }

        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        column += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    field.append(byte)
                    if byte == UInt8(ascii: "\n") {
                        line += 1
                        column = 0
                    }
                }
            } else {
                switch byte {
                case UInt8(ascii: ","):
                    endField()
                    fieldStart = column + 1
                case UInt8(ascii: "\n"):
                    endRecord()
                    line += 1
                    column = 0
                    recordLine = line
                    fieldStart = 1
                case UInt8(ascii: "\""):
                    guard field.isEmpty, !fieldWasQuoted else {
                        misplacedQuotes.append(("a quote inside an unquoted field; quote the whole field and write \"\" for a quote", line, column))
                        field.append(byte)
                        break
                    }
                    inQuotes = true
                    fieldWasQuoted = true
                    quoteStart = (line, column)
                default:
                    if fieldWasQuoted, misplacedQuotes.last?.line != line {
                        misplacedQuotes.append(("text after a closing quote; a quoted field ends at its quote", line, column))
                    }
                    field.append(byte)
                }
            }
            if PlainText.startsScalar(byte) { column += 1 }
            index += 1
        }
        if inQuotes {
            misplacedQuotes.append(("unterminated quoted field: add the closing \"", quoteStart.line, quoteStart.column))
        }
        if let first = misplacedQuotes.first {
            let others = Array(Set(misplacedQuotes.dropFirst().map(\.line)).subtracting([first.line]).sorted())
            let more = others.isEmpty ? ""
                : "; \(Diagnostic.lines(others)) \(others.count == 1 ? "has" : "have") a quote out of place too"
            throw file.error(first.message + more, line: first.line, column: first.column)
        }
        if !field.isEmpty || !record.isEmpty || fieldWasQuoted { endRecord() }

        guard let header = records.first else {
            throw file.error("the CSV file is empty: it needs a header row", line: 1, column: 1)
        }
        // A spreadsheet's rows copied with tabs between their cells, or saved by Excel in a European locale
        // with semicolons: one column holding every row, or rows uneven with a header of one field.
        if header.count == 1, let separator = ["\t", ";"].first(where: { header[0].contains($0) }) {
            let how = separator == "\t" ? "tabs, as a spreadsheet copies them" : "semicolons, as Excel saves CSV in some languages"
            throw file.error(
                "the header is one column, '\(header[0])': this file's fields are separated by \(how); "
                    + "save it as CSV with commas (in Excel, 'CSV UTF-8 (comma delimited)')",
                line: lines[0], column: 1
            )
        }
        // Rows are read by column name (in templates, in a table's `columns`): a name given twice would
        // lose one column's values without a word. One column without a name (a corner cell) is fine.
        var seen: [String: Int] = [:]
        for (number, name) in header.enumerated() {
            guard let first = seen.updateValue(number, forKey: name) else { continue }
            let shown = name.isEmpty ? "have no name" : "are both named '\(name)'"
            throw file.error(
                "columns \(first + 1) and \(number + 1) of the header \(shown): every column needs its own name",
                line: lines[0], column: number < headerColumns.count ? headerColumns[number] : 1
            )
        }
        let uneven = records.indices.dropFirst().filter { records[$0].count != header.count }
        if let number = uneven.first {
            let count = records[number].count
            // Every uneven row is named, so that one pass over the file mends them all.
            let others = uneven.dropFirst().map { lines[$0] }
            let more = others.isEmpty ? ""
                : "; the row\(others.count == 1 ? "" : "s") at \(Diagnostic.lines(others)) \(others.count == 1 ? "does" : "do") not match it either"
            throw file.error(
                "row has \(count) field\(count == 1 ? "" : "s") but the header has \(header.count)\(more)",
                line: lines[number], column: 1
            )
        }
        return CSVTable(header: header, rows: Array(records.dropFirst()), rowLines: Array(lines.dropFirst()))
    }
}
