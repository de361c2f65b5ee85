/// A Swift closure placed in the context, called when a template names it.
///
/// - As `{{name}}`, the closure's result is rendered as a template (default delimiters) against
///   the current context, then escaped like any interpolation.
/// - As `{{#name}}…{{/name}}`, the closure gets the section's unrendered text; its result is
///   rendered as a template with the delimiters in force at the section tag, and not escaped.
/// - As `{{^name}}…{{/name}}`, a lambda counts as truthy, so the section renders nothing.
public struct TemplateLambda: Sendable {
    let body: @Sendable (_ sectionText: String?) -> String

    /// A lambda that ignores section text.
    public init(_ body: @escaping @Sendable () -> String) {
        self.body = { _ in body() }
    }

    /// A lambda that receives a section's unrendered text (empty when used as `{{name}}`).
    public init(section body: @escaping @Sendable (_ text: String) -> String) {
        self.body = { text in body(text ?? "") }
    }
}
