import ArgumentParser
import BriefingKit
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a page from an archetype in Templates/archetypes/ (a draft, with today's date).",
        discussion: "Example: briefing new news/budget-2027 --title \"The 2027 budget\""
    )

    @Argument(help: "The page to create, as section/slug, like news/budget-2027.")
    var path: String

    @Option(help: "The page's title (default: made from the slug).")
    var title: String?

    @Option(help: "The site folder, holding Content/ and Templates/.")
    var source: String = "."

    @Flag(help: "Create a page at the top of the site, in no section (briefing new about --root).")
    var root = false

    func run() throws {
        do {
            let created = try NewPage(siteRoot: URL(fileURLWithPath: source), path: path, title: title, atRoot: root).create()
            print("Created \(created) (draft: true; build with --drafts to see it)")
        } catch {
            Terminal().printDiagnostics(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
