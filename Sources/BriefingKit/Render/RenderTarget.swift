import BriefingSupport
import Foundation

/// Where the render stage puts the files it makes, and what it may take instead of rendering: the write
/// session of `briefing build` (files staged on disk, reuse from the last build's manifest), or the
/// memory `briefing serve` answers from (`PreviewFiles`).
protocol RenderTarget: Sendable {
    /// The entry of a file this target already holds for `path`, made from the same `input`: the file
    /// need not be rendered.
    func reusable(_ path: OutputPath, input: UInt64) -> SiteWriter.Manifest.Entry?

    /// Takes a file's bytes: the file as recorded, staged unless the target already holds those bytes.
    func stage(_ contents: some ContiguousBytes, at path: OutputPath, _ entry: SiteWriter.Manifest.Entry) throws(Diagnostic) -> OutputFile
}

extension WriteSession: RenderTarget {}
