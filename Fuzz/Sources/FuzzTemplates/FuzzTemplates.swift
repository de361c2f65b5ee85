import Foundation
import BriefingTemplates
import FuzzSupport

/// The template engine: parse the input as a template, link it with itself as a partial (so deep and
/// recursive partials are reached), and render it against a context with lists, maps and lambdas' shapes.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTemplates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let template = try? Template(source: input.text, name: "page") else { return 0 }
    guard let library = try? TemplateLibrary(templates: ["page": template, "partial": template]) else { return 0 }
    let item: TemplateValue = ["title": "A <b>title</b>", "count": 3, "flag": true, "html": .html("<i>x</i>")]
    let context: TemplateValue = [
        "page": item, "items": [item, item, ["title": "", "count": 0, "flag": false]], "empty": [], "none": nil,
        "site": ["title": "Briefing", "sections": [item]], "a": ["a": ["a": item]],
    ]
    _ = try? library.render("page", context: context, strict: input.selector & 1 == 1)
    return 0
}

/// SwiftPM names an executable's entry point after its module, so the target starts libFuzzer itself.
@main
enum FuzzTemplatesMain {
    static func main() {
        exit(FuzzInput.runLibFuzzer(fuzzTemplates))
    }
}
