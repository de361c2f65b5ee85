import ArgumentParser
import BriefingKit
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
        await main(nil)
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
