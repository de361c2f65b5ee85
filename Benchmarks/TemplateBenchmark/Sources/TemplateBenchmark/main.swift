import BriefingTemplates
import Foundation
import Mustache

/// Renders the fixture page `iterations` times with each engine, in the same run, and prints
/// both times and the ratio ours/theirs (below 1 means BriefingTemplates is faster).
///
/// Usage: `TemplateBenchmark [iterations] [ours|theirs]`; the engine argument times one engine
/// alone, for profiling.
let arguments = CommandLine.arguments.dropFirst()
let iterations = arguments.first.flatMap { Int($0) } ?? 100_000
let only = arguments.dropFirst().first

let ours = try TemplateLibrary(templates: PageFixture.templates.reduce(into: [:]) { templates, entry in
    templates[entry.key] = try Template(source: entry.value, name: entry.key)
})
let theirs = try MustacheLibrary(templates: PageFixture.templates.mapValues { try MustacheTemplate(string: $0) })
let context = PageFixture.context
let anyContext = PageFixture.anyValue(context) ?? [:]

let ourPage = try ours.render("page", context: context)
let theirPage = theirs.render(anyContext, withTemplate: "page") ?? ""
print("page: \(ourPage.utf8.count) bytes (swift-mustache: \(theirPage.utf8.count) bytes)")
guard ourPage == theirPage else {
    let mismatch = zip(ourPage.utf8, theirPage.utf8).prefix { $0 == $1 }.count
    print("outputs differ at byte \(mismatch):")
    let excerpt = { (page: String) in
        String(decoding: Array(page.utf8.dropFirst(max(mismatch - 60, 0)).prefix(160)), as: UTF8.self)
    }
    print("ours:   …\(excerpt(ourPage))…")
    print("theirs: …\(excerpt(theirPage))…")
    exit(1)
}

/// Sums output sizes so the optimiser cannot drop a render. Each engine is timed on what it
/// natively produces: UTF-8 bytes for ours (what a build writes), a `String` for swift-mustache.
func measure(_ label: String, _ render: () throws -> Int) rethrows -> Duration {
    var bytes = 0
    for _ in 0..<min(iterations / 10, 1_000) { bytes &+= try render() }
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
        for _ in 0..<iterations { bytes &+= try render() }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let perRender = seconds / Double(iterations) * 1e6
    let total = String(format: "%.3f", seconds)
    let each = String(format: "%.2f", perRender)
    print("\(label): \(total) s for \(iterations) renders, \(each) µs/render (checksum \(bytes % 1000))")
    return elapsed
}

switch only {
case "ours":
    _ = try measure("BriefingTemplates") { try ours.renderUTF8("page", context: context).count }
case "theirs":
    _ = measure("swift-mustache   ") { (theirs.render(anyContext, withTemplate: "page") ?? "").utf8.count }
default:
    let ourTime = try measure("BriefingTemplates") { try ours.renderUTF8("page", context: context).count }
    let theirTime = measure("swift-mustache   ") { (theirs.render(anyContext, withTemplate: "page") ?? "").utf8.count }
    print("ratio ours/theirs: \(String(format: "%.3f", ourTime / theirTime))")
}
