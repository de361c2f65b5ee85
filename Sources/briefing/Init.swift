import ArgumentParser
import BriefingKit
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new site that builds as it is: the default theme, a site.yaml and an example page.",
        discussion: "Example: briefing init my-briefings && briefing build --source my-briefings"
    )

    @Argument(help: "The folder to create the site in (new, or empty).")
    var folder: String

    /// An empty name is no folder: `URL(fileURLWithPath: "")` is the current one, which was then refused
    /// as not empty, a message about something the editor did not ask for.
    func validate() throws {
        guard !folder.isEmpty else { throw ValidationError("the folder to create the site in has no name") }
    }

    func run() throws {
        do {
            _ = try NewSite(folder: URL(fileURLWithPath: folder)).create()
            var shown = folder
            while shown.count > 1, shown.hasSuffix("/") { shown.removeLast() }
            print("Created a site in \(shown)/: edit Content/site.yaml, then run briefing serve --source \(Init.shellQuoted(shown))")
        } catch {
            Terminal().printDiagnostics(error.diagnostics)
            throw ExitCode.failure
        }
    }

    /// The folder as a shell reads it back: a name with a space, `&` or a quote would otherwise run as
    /// more than the command the editor pastes.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy { scalar in
            scalar.value >= 0x80 || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./~".unicodeScalars.contains(scalar)
        }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
