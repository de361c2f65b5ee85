import BriefingTestSupport
import Foundation
import Testing

/// What the command line answers to a command it does not know, or a server that cannot start, as a
/// user meets it in a shell.
@Suite struct CommandLineTests {
    @Test func aMistypedCommandIsNamedWithTheOneMeant() throws {
        let result = try BriefingCommand.run(["buidl"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
        Error: Unknown command 'buidl'. Did you mean 'build'?
        Usage: briefing <command> [options], where <command> is one of: build, serve, new, check, init
          See 'briefing --help' for more information.

        """)
    }

    @Test func aWordLikeNoCommandIsRefusedWithoutAGuess() throws {
        let result = try BriefingCommand.run(["publish", "--output", "/tmp/never-written"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: Unknown command 'publish'.\nUsage: briefing <command>"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written"))
    }

    @Test func optionsAloneStillMeanBuild() throws {
        let result = try BriefingCommand.run(["--source", "/nonexistent-site-folder"])
        #expect(result.status != 0)
        #expect(!result.stderr.contains("Unknown command"))
        #expect(result.stderr.contains("/nonexistent-site-folder"))
    }

    @Test func serveThatCannotStartSaysSoAsEveryCommandDoes() throws {
        let result = try BriefingCommand.run(["serve", "--source", "/nonexistent-site-folder", "--port", "0"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr == """
        error: folder 'Content/' not found in /nonexistent-site-folder; run briefing serve in a site folder or pass --source
        1 error

        """)
    }

    /// A string table that did not read brought one more error for every word each template asks of it:
    /// 43 of them, each saying Templates/i18n/ held no table.
    @Test func aStringTableThatDoesNotReadIsOneError() throws {
        let site = TemporaryFolder.url("briefing-unreadable-table")
        defer { TemporaryFolder.remove(site) }
        #expect(try BriefingCommand.run(["init", site.path]).status == 0)
        let table = site.appendingPathComponent("Templates/i18n/en.yaml")
        let original = try String(contentsOf: table, encoding: .utf8)
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let first = try #require(lines.firstIndex { $0.hasPrefix("contents:") }) + 1
        try (original + "contents: [a, b]\n").write(to: table, atomically: true, encoding: .utf8)
        let result = try BriefingCommand.run(["build", "--source", site.path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("error: invalid YAML: 'contents' is given twice, on lines \(first) and \(lines.count + 1): keep one\ncontents: [a, b]\n^\n1 error\n"), "\(result.stderr)")
    }
}
