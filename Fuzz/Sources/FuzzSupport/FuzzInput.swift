import BriefingKit
import Foundation

/// What a fuzz target does with libFuzzer's bytes: the first byte picks a variant, the rest is the input.
public struct FuzzInput {
    public let selector: UInt8
    public let bytes: [UInt8]

    public init(_ data: UnsafePointer<UInt8>, _ size: Int) {
        let all = UnsafeBufferPointer(start: data, count: size)
        selector = all.first ?? 0
        bytes = Array(all.dropFirst())
    }

    /// The input as text; libFuzzer's bytes are often not UTF-8, which the build rejects before parsing.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// A page renderer with the repository's default theme partials, compiled once when the target starts.
    public static let page: SinglePage = {
        do {
            return try SinglePage(partials: partials)
        } catch {
            fatalError("the fuzz targets need the default theme's partials from Templates/partials: \(error)")
        }
    }()

    private static let partials: [String: String] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Templates/partials").standardizedFileURL
        var texts: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".html") {
            texts[String(name.dropLast(".html".count))] = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return texts
    }()
}

extension FuzzInput {
    /// Runs libFuzzer's driver on the command line's arguments with `test` as the target.
    public static func runLibFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv, test)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
