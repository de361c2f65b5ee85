import BriefingTemplates

/// Renders `source` as the template "test" beside the given partials.
func render(
    _ source: String,
    _ context: TemplateValue = [:],
    partials: [String: String] = [:],
    strict: Bool = false
) throws(TemplateError) -> String {
    let sources = ["test": source].merging(partials) { first, _ in first }
    return try library(sources).render("test", context: context, strict: strict)
}

/// A library of templates whose paths are `Templates/<name>.html`, as the site registers them.
func library(_ sources: [String: String], recursionLimit: Int = 100, workLimit: Int = 10_000_000) throws(TemplateError)
    -> TemplateLibrary
{
    var templates: [String: Template] = [:]
    for (name, source) in sources {
        templates[name] = try Template(source: source, name: name, path: "Templates/\(name).html")
    }
    return try TemplateLibrary(templates: templates, recursionLimit: recursionLimit, workLimit: workLimit)
}
