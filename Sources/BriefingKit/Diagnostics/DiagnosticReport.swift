/// Prints diagnostics the way the command line shows them, with the count at the end.
public enum DiagnosticReport {
    public static func render(_ diagnostics: [Diagnostic], color: Bool) -> String {
        guard !diagnostics.isEmpty else { return "" }
        var text = diagnostics.map { $0.formatted(color: color) }.joined(separator: "\n")
        text += "\n" + count(diagnostics) + "\n"
        return text
    }

    /// `2 errors, 3 warnings`; only the kinds present, `1 error` in the singular.
    public static func count(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }
}
