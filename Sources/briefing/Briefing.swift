import ArgumentParser
import BriefingKit
import Foundation

@main
struct Briefing: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds briefing sites: Markdown explainers, data and templates into a static site.",
        version: BriefingVersion.current,
        subcommands: [Build.self, Serve.self, New.self, Check.self, Init.self],
        defaultSubcommand: Build.self
    )
}
