import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit

/// `briefing init` writes the theme compiled into the binary; it must be this repository's Templates/.
@Suite struct EmbeddedThemeTests {
    @Test func embeddedThemeIsTemplatesFolder() throws {
        let repository = DefaultTheme.partials.deletingLastPathComponent().deletingLastPathComponent()
        let templates = repository.appendingPathComponent("Templates")
        var onDisk: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: templates, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            guard !url.lastPathComponent.hasPrefix(".") else { continue }
            let path = "Templates/" + url.standardizedFileURL.path.dropFirst(templates.standardizedFileURL.path.count + 1)
            onDisk[path] = try String(contentsOf: url, encoding: .utf8)
        }
        let embedded = Dictionary(EmbeddedTheme.files.map { ($0.path, $0.text) }) { first, _ in first }
        #expect(embedded.keys.sorted() == onDisk.keys.sorted(), "run scripts/embed-templates.py")
        for (path, text) in onDisk {
            #expect(embedded[path] == text, "\(path) differs from the binary's copy: run scripts/embed-templates.py")
        }
    }
}
