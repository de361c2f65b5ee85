import BriefingTemplates
import Foundation
import Testing

/// Every example of the Mustache spec in `../shared/conformance/mustache/` (relative to the
/// package root; `BRIEFING_MUSTACHE_SPEC` overrides it), each its own test case. Skipped, with the
/// reason and where to get the data, when the folder is missing; `.ci/run` fails unless the summary
/// line was printed.
@Suite(.enabled(if: MustacheSpec.isPresent, MustacheSpec.skipReason))
struct MustacheSpecTests {
    @Test func specFilesLoad() {
        #expect(MustacheSpec.loadError == nil, "mustache spec unreadable: \(MustacheSpec.loadError ?? "")")
    }

    @Test(arguments: MustacheSpec.examples)
    func example(_ example: MustacheSpec.Example) throws {
        let outcome = example.run()
        switch outcome {
        case .passed:
            break
        case .failed(let actual):
            #expect(actual == example.expected, "template: \(example.template.debugDescription)")
        case .skipped(let reason):
            Issue.record("skipped: \(reason)")
        }
    }

    @Test func summary() {
        var passed = 0
        var failed = 0
        var skipped = 0
        for example in MustacheSpec.examples {
            switch example.run() {
            case .passed: passed += 1
            case .failed: failed += 1
            case .skipped: skipped += 1
            }
        }
        print("mustache spec: \(passed) passed, \(failed) failed, \(skipped) skipped")
        #expect(MustacheSpec.loadError == nil, "mustache spec unreadable: \(MustacheSpec.loadError ?? "")")
        #expect(failed == 0 && skipped == 0)
    }
}

enum MustacheSpec {
    struct Example: Sendable, CustomTestStringConvertible {
        let file: String
        let name: String
        let data: TemplateValue
        let template: String
        let partials: [String: String]
        let expected: String

        var testDescription: String { "\(file): \(name)" }

        enum Outcome {
            case passed
            case failed(String)
            case skipped(String)
        }

        func run() -> Outcome {
            var context = data
            if file == "~lambdas" {
                guard let lambda = SpecLambdas.lambda(for: name) else {
                    return .skipped("no Swift lambda for '\(name)'")
                }
                context = Self.replacingCode(in: data, with: lambda)
            }
            do {
                var templates = ["(spec)": try Template(source: template, name: "(spec)")]
                for (partialName, source) in partials {
                    templates[partialName] = try Template(source: source, name: partialName)
                }
                let library = try TemplateLibrary(templates: templates, missingPartials: .renderEmpty)
                let actual = try library.render("(spec)", context: context)
                return actual == expected ? .passed : .failed(actual)
            } catch {
                return .failed("\(error)")
            }
        }

        /// The spec gives lambdas as `{"__tag__": "code", …}` maps of source in other languages.
        private static func replacingCode(in value: TemplateValue, with lambda: TemplateLambda) -> TemplateValue {
            switch value {
            case .map(let entries) where entries["__tag__"] == "code":
                return .lambda(lambda)
            case .map(let entries):
                return .map(entries.mapValues { replacingCode(in: $0, with: lambda) })
            case .list(let items):
                return .list(items.map { replacingCode(in: $0, with: lambda) })
            default:
                return value
            }
        }
    }

    private struct File: Decodable {
        struct Test: Decodable {
            let name: String
            let data: TemplateValue
            let template: String
            let partials: [String: String]?
            let expected: String
        }

        let tests: [Test]
    }

    static let directory: URL = {
        if let override = ProcessInfo.processInfo.environment["BRIEFING_MUSTACHE_SPEC"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        // Tests/BriefingTemplatesTests/<this file> → package root → ../shared/conformance/mustache
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("../shared/conformance/mustache")
            .standardizedFileURL
    }()

    static let loaded: (examples: [Example], error: String?) = {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            return ([], "cannot read \(directory.path): \(error.localizedDescription)")
        }
        guard !files.isEmpty else { return ([], "no .json files in \(directory.path)") }
        var examples: [Example] = []
        for url in files {
            do {
                let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
                let fileName = url.deletingPathExtension().lastPathComponent
                for test in file.tests {
                    examples.append(Example(
                        file: fileName,
                        name: test.name,
                        data: test.data,
                        template: test.template,
                        partials: test.partials ?? [:],
                        expected: test.expected
                    ))
                }
            } catch {
                return (examples, "cannot decode \(url.path): \(error)")
            }
        }
        return (examples, nil)
    }()

    /// A fresh clone has no `../shared`: its spec tests are skipped rather than failed.
    static var isPresent: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    static var skipReason: Comment {
        """
        Mustache spec data not found at \(directory.path): copy specs/*.json of github.com/mustache/spec \
        (v1.4.2 or later) there, or set BRIEFING_MUSTACHE_SPEC to a folder of them
        """
    }

    static var examples: [Example] { loaded.examples }
    static var loadError: String? { loaded.error }
}
