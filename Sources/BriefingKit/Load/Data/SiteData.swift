import BriefingSupport
import BriefingTemplates
import Foundation

/// Everything in `Content/data/`: the files templates see as `data.<name>`, tables the table directive
/// places, and the named figures prose cites.
public struct SiteData: Sendable {
    /// By file name with extension (`key-figures.csv`), as a table directive names them.
    public var files: [String: DataFile] = [:]
    public var figures: [String: Figure] = [:]
    /// `figures.<code>.yaml`, by language code: the value, label and source name figures show in that
    /// language's pages (`2만 8,500`, `미국 국무부`); whether a figure is stale is read from figures.yaml's
    /// dates alone, so it is reported once.
    public var localizedFigures: [String: [String: Figure]] = [:]
    /// Files in `Content/data/` that are no data the site reads (`notes.txt`, a file in a subfolder).
    var unread: [String] = []

    public init() {}

    /// `data.<name>` for templates, `<name>` being the file name without its extension. Files that share
    /// a name in several formats are `data.<name>.<extension>` (`data.budgets.csv`, `data.budgets.json`).
    var templateValue: TemplateValue {
        let byName = Dictionary(grouping: files.values, by: \.name)
        return .map(TemplateNames.map(byName.map { name, group in
            guard group.count > 1 else { return (name, group[0].value) }
            return (name, .map(TemplateMap(group.map { (String($0.fileName.dropFirst($0.name.count + 1)), $0.value) })))
        }))
    }

    public static func load(_ files: [(fileName: String, file: SourceFile)]) throws(BuildFailure) -> SiteData {
        var data = SiteData()
        var errors: [Diagnostic] = []
        for (fileName, file) in files {
            let parsed: DataFile
            do { parsed = try DataFile.parse(file, fileName: fileName) } catch {
                errors.append(error)
                continue
            }
            data.files[fileName] = parsed
            if fileName == Figures.fileName {
                do { data.figures = try Figures.parse(file) } catch { errors += error.diagnostics }
            } else if let code = Figures.languageCode(ofFile: fileName) {
                do { data.localizedFigures[code] = try Figures.parse(file) } catch { errors += error.diagnostics }
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        return data
    }

    /// A warning for each file in `Content/data/` the build neither reads nor publishes.
    var unreadWarnings: [Diagnostic] {
        unread.map { path in
            Diagnostic.warning(
                "\(path) is neither read nor published: data files are .csv, .json, .yaml or .yml files directly in Content/data/",
                at: SourceLocation(path: path, line: 1, column: 1)
            )
        }
    }

    /// `briefing check`: Markdown in a table's cell (`*approx*`, `[MND](…)`), which a data table shows as
    /// typed: one warning a file, at its first such cell, counting the others.
    var markupWarnings: [Diagnostic] {
        files.values.sorted { $0.fileName < $1.fileName }.compactMap { file in
            guard let table = file.table else { return nil }
            var found: [(row: Int, markup: String)] = []
            for (row, cells) in table.rows.enumerated() {
                for (column, cell) in cells.enumerated() where !DataTables.isSourceURLColumn(table.header[column]) {
                    if let markup = PlainFieldsCheck.markup(in: cell) { found.append((row, markup)) }
                }
            }
            guard let first = found.first else { return nil }
            let others = found.count == 1 ? "" : " (and \(found.count - 1) more cell\(found.count == 2 ? "" : "s"))"
            return file.file.diagnostic(
                .warning, "'\(first.markup)' is shown as typed\(others): a data file's cells are plain text, written into tables as they are",
                at: file.location(of: first.markup, inRow: first.row)
            )
        }
    }

    /// A language's figure whose id figures.yaml has not (a typo, `us-troopz`): no page cites it, and the
    /// figure meant shows figures.yaml's value in that language's pages.
    var unmatchedFigureWarnings: [Diagnostic] {
        localizedFigures.sorted { $0.key < $1.key }.flatMap { code, figures in
            figures.values.filter { self.figures[$0.id] == nil }.sorted { $0.id < $1.id }.map { figure in
                let file = files["figures.\(code).yaml"]?.file
                return Diagnostic.warning(
                    "figure '\(figure.id)' is not in figures.yaml, so no page shows it: a language's file gives the words of figures.yaml's figures; check the id",
                    at: figure.location, sourceLine: figure.location.flatMap { file?.line($0.line) }
                )
            }
        }
    }

    /// Figures whose `asOf` is older than the site allows, or still to come, as warnings at their date in
    /// figures.yaml.
    func figureDateWarnings(now: Date, maxAgeDays: Int) -> [Diagnostic] {
        let calendar = Calendar(identifier: .gregorian)
        var utc = calendar
        utc.timeZone = TimeZone(identifier: "UTC")!
        return figures.values.sorted { $0.id < $1.id }.compactMap { figure in
            guard let asOf = figure.asOf, let location = figure.asOfLocation,
                  let date = utc.date(from: DateComponents(year: asOf.year, month: asOf.month, day: asOf.day)),
                  let days = utc.dateComponents([.day], from: date, to: now).day, days > maxAgeDays || days < 0
            else { return nil }
            let file = files[Figures.fileName]?.file
            // A date past tomorrow is a typo (2052 for 2025), and readers would see a number "as of" it.
            let message = days < 0
                ? "figure '\(figure.id)' is as of \(asOf.display), a date still to come; check the date"
                : "figure '\(figure.id)' is as of \(asOf.display), \(days) days ago (more than \(maxAgeDays)); check for a newer number"
            return Diagnostic.warning(message, at: location, sourceLine: file?.line(location.line))
        }
    }
}
