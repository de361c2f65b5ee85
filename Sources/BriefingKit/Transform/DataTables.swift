import BriefingSupport
import Foundation

/// What a data table is, whichever way an editor wrote it (a pipe table, a `table` directive): which
/// columns are numbers, which column holds the sources' addresses, and what to say when the theme's
/// `data-table` partial cannot render one.
enum DataTables {
    /// A column's class in the `data-table` partial: `num` (right-aligned) for `right`, `center`, none for
    /// `left`; with no alignment asked for, `num` when every cell that is not empty looks like a number.
    static func columnClass(aligned side: String?, cells: @autoclosure () -> [String]) -> String {
        switch side {
        case "right": return "num"
        case "center": return "center"
        case "left": return ""
        default:
            let filled = cells().filter { !$0.isEmpty }
            return !filled.isEmpty && filled.allSatisfy(DataTables.looksNumeric) ? "num" : ""
        }
    }

    static func isSourceURLColumn(_ name: String) -> Bool {
        ["source url", "source-url", "sourceurl", "source_url"].contains(name.lowercased())
    }

    /// `28,500`, `$1.2 billion`, `about 28,500`, `+13.9%`, `~52.8`: a number, possibly with a currency, a
    /// qualifier and a unit; `2024 (projected)` too; in Korean, `약 2만 8,500명` and `528억 달러`, whose
    /// large numbers are written in groups of 조, 억 and 만, and a note in brackets may follow the unit without a
    /// space (`10억 3,000만 달러(13.9% 인상)`). Text that merely contains a digit is not.
    static func looksNumeric(_ cell: String) -> Bool {
        var text = Substring(cell.trimmingCharacters(in: .whitespaces))
        for qualifier in ["about ", "approx. ", "approximately ", "around ", "약 ", "~", "≈", "<", ">"] where text.lowercased().hasPrefix(qualifier) {
            text = text.dropFirst(qualifier.count)
        }
        text = text.drop { "$€£¥₩+-−".contains($0) }
        guard let first = text.first, first.isNumber else { return false }
        while let digit = text.first, digit.isNumber {
            text = text.drop { $0.isNumber || $0 == "," || $0 == "." }
            // 2만 8,500: a group of ten thousands, then the next group.
            guard let group = text.first, "조억만천".contains(group) else { break }
            text = text.dropFirst().drop { $0 == " " }
        }
        let rest = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units = [
            "", "%", "billion", "million", "trillion", "bn", "m", "k", "troops", "people", "percent",
            "명", "원", "달러", "개", "대", "척", "배", "퍼센트",
        ]
        return units.contains { unit in
            rest == unit || rest.hasPrefix(unit + " (") || (rest.hasPrefix(unit + " ") || !unit.isEmpty && rest.hasPrefix(unit + "(")) && rest.hasSuffix(")")
        }
    }

    /// The theme's `data-table` partial failed on a table, most often on its size (the renderer's work
    /// limit): said at the table, where the editor's fix is, with the partial's place in the message.
    static func unrendered(of source: String?, rows: Int, columns: Int, _ error: Diagnostic) -> String {
        let size = "\(rows) row\(rows == 1 ? "" : "s"), \(columns) column\(columns == 1 ? "" : "s")"
        // The work limit stops a table of thousands of cells, which no reader could take in either: the
        // table is what to mend, not the theme.
        if error.message.hasPrefix("rendering took more than") {
            return "this table\(source.map { " of \($0)" } ?? "") (\(size), \(rows * columns) cells) is too large to render: split it into tables a reader can take in"
        }
        let partial = error.location.map { "\($0): " } ?? ""
        return "the theme could not render this table\(source.map { " of \($0)" } ?? "") (\(size)): \(partial)\(error.message)"
    }
}
