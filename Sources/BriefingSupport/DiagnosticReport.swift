/// Prints diagnostics the way the command line shows them, with the count at the end.
public enum DiagnosticReport {
    public static func render(_ diagnostics: [Diagnostic], color: Bool) -> String {
        guard !diagnostics.isEmpty else { return "" }
        var text = diagnostics.map { $0.formatted(color: color) }.joined(separator: "\n")
        text += "\n" + count(diagnostics) + "\n"
        return text
    }

    /// The diagnostics as JSON for CI: `{"errors": 1, "warnings": 2, "diagnostics": [{"severity", "message",
    /// "file", "line", "column", "sourceLine"}]}`.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let (errors, warnings) = tallies(diagnostics)
        let items: [JSONValue] = diagnostics.map { diagnostic in
            var members: [(String, JSONValue)] = [
                ("severity", .string(diagnostic.severity.rawValue)),
                ("message", .string(diagnostic.message)),
            ]
            if let location = diagnostic.location {
                members += [("file", .string(location.path)), ("line", .int(location.line)), ("column", .int(location.column))]
            }
            if let line = diagnostic.sourceLine { members.append(("sourceLine", .string(line))) }
            return .object(members)
        }
        return JSONValue.object([
            ("errors", .int(errors)), ("warnings", .int(warnings)), ("diagnostics", .array(items)),
        ]).serialized() + "\n"
    }

    /// `2 errors, 3 warnings`; only the kinds present, `1 error` in the singular. Messages a page left
    /// out are counted too.
    public static func count(_ diagnostics: [Diagnostic]) -> String {
        let (errors, warnings) = tallies(diagnostics)
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }

    private static func tallies(_ diagnostics: [Diagnostic]) -> (errors: Int, warnings: Int) {
        diagnostics.reduce(into: (errors: 0, warnings: 0)) { tallies, diagnostic in
            if diagnostic.severity == .error { tallies.errors += diagnostic.tally } else { tallies.warnings += diagnostic.tally }
        }
    }
}
