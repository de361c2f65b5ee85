import ArgumentParser
import BriefingKit
import BriefingSupport
import Foundation
#if os(Linux)
import CMalloc
#endif

@main
struct Briefing: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds briefing sites: Markdown explainers, data and templates into a static site.",
        version: BriefingVersion.current,
        subcommands: [Build.self, Serve.self, New.self, Check.self, Init.self],
        defaultSubcommand: Build.self
    )

    static func main() async {
        reserveHeapInWholeBlocks()
        if let typed = CommandLine.arguments.dropFirst().first, let message = unknownCommand(typed) {
            FileHandle.standardError.write(Data(message.utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        await main(nil)
    }

    /// `briefing buidl`: build is the default command, so without this the word was refused as an
    /// argument of build's, with build's usage, as if the editor had typed build.
    static func unknownCommand(_ typed: String) -> String? {
        let commands = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !typed.hasPrefix("-"), !commands.contains(typed) else { return nil }
        let meant = PlainText.nearest(to: typed.lowercased(), among: commands, within: 2)
        return "Error: Unknown command '\(typed)'.\(meant.map { " Did you mean '\($0)'?" } ?? "")\n"
            + "Usage: briefing <command> [options], where <command> is one of: "
            + commands.dropLast().joined(separator: ", ") + "\n"
            + "  See 'briefing --help' for more information.\n"
    }

    /// glibc's malloc grows each thread's heap a page at a time, one `mprotect` per page the first time a
    /// heap reaches a size: 15,000 system calls in a 10,000-page build. Padding every growth to the 64 MB
    /// a thread heap may have makes it one call per heap. Only address space is reserved: untouched
    /// pages take no memory.
    private static func reserveHeapInWholeBlocks() {
        #if os(Linux)
        mallopt(M_TOP_PAD, 64 << 20)
        #endif
    }
}
