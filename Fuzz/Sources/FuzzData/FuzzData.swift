import Foundation
import BriefingKit
import FuzzSupport

/// Each data reader: the selector picks CSV, JSON, YAML or figures.yaml, read as a build reads them,
/// then placed by a page as a table.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzData(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let name = ["table.csv", "table.json", "table.yaml", "figures.yaml"][Int(input.selector % 4)]
    var page = FuzzInput.page
    page.dataFiles = [name: input.text]
    let directive = name == "figures.yaml" ? "figures: all" : "data: \(name)\nsource: Test"
    _ = try? page.render("---\ntitle: Data\n---\n```table\n\(directive)\n```\n")
    return 0
}

/// SwiftPM names an executable's entry point after its module, so the target starts libFuzzer itself.
@main
enum FuzzDataMain {
    static func main() {
        exit(FuzzInput.runLibFuzzer(fuzzData))
    }
}
