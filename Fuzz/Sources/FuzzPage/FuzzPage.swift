import Foundation
import BriefingKit
import FuzzSupport

/// A whole page: front matter, the site model, every Markdown transform, with data files the page can
/// place (a CSV table, figures) and, by the selector, smart punctuation and raw HTML on or off.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    var page = FuzzInput.page
    page.settings = """
        title: Briefing
        baseURL: https://example.org/
        markdown:
          smartPunctuation: \(input.selector & 1 == 1)
          unsafe: \(input.selector & 2 == 2)

        """
    page.dataFiles = [
        "key-figures.csv": "Metric,Value,Source,Source URL\nTroops,\"28,500\",DoD,https://example.org/\n",
        "figures.yaml": "troops:\n  value: \"28,500\"\n  label: US troops\n  source: DoD\n  url: https://example.org/\n",
    ]
    _ = try? page.render(input.text)
    return 0
}

/// SwiftPM names an executable's entry point after its module, so the target starts libFuzzer itself.
@main
enum FuzzPageMain {
    static func main() {
        exit(FuzzInput.runLibFuzzer(fuzzPage))
    }
}
