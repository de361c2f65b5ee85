import BriefingSupport
import Foundation

/// One build's writes, open from the moment the output folder is checked until the plan is applied or
/// discarded: what the last build wrote, and the staging folder this one fills.
struct WriteSession: Sendable {
    let writer: SiteWriter
    let claim: OutputClaim
    let previous: SiteWriter.Manifest
    /// Files in the folder no build wrote, kept with `--force`: never written over.
    let foreign: Set<String>
    let staging: StagingArea

    /// What the last build recorded for a file made from the same input, when that file is still on disk
    /// as it was written: the file need not even be rendered.
    func reusable(_ path: OutputPath, input: UInt64) -> SiteWriter.Manifest.Entry? {
        guard var old = previous.entries[path.value], old.input == input, let modified = writer.intactFile(path.value, old) else { return nil }
        old.modified = modified
        return old
    }

    /// Stages a file whose bytes differ from those on disk.
    func stage(_ contents: some ContiguousBytes, at path: OutputPath, _ entry: SiteWriter.Manifest.Entry) throws(Diagnostic) -> OutputFile {
        var entry = entry
        if let modified = writer.unchangedFile(path.value, entry, previous: previous) {
            entry.modified = modified
            return OutputFile(path: path, entry: entry, staged: false)
        }
        // Moved into place by a rename, which keeps the time.
        entry.modified = try staging.write(contents, to: path)
        return OutputFile(path: path, entry: entry, staged: true)
    }

    /// Leaves the output folder as the build found it.
    func discard() {
        writer.discard(staging)
    }

    /// The plan applied: staged files moved into place, files the last build wrote and this one did not
    /// removed, and the new manifest recorded, all or nothing (`WriteJournal`).
    func apply(_ files: [OutputFile]) throws(BuildFailure) -> SiteWriter.Summary {
        var current = SiteWriter.Manifest()
        // Made to size: growing rehashed every path so far each time, on one core.
        current.entries.reserveCapacity(files.count)
        var staged: [String] = []
        var overwritten: [String] = []
        for file in files {
            current.entries[file.path.value] = file.entry
            if file.staged { staged.append(file.path.value) }
            if foreign.contains(file.path.value) { overwritten.append(file.path.value) }
        }
        guard overwritten.isEmpty else {
            discard()
            throw BuildFailure(overwritten.sorted().map { path in
                .error("\(writer.output.path)/\(path) is not Briefing's, and this build would write over it; move it out of the output folder")
            })
        }
        var summary = try writer.commit(staging, staged: staged, previous: previous, current: current)
        claim.keep()
        summary.written = staged.count
        summary.unchanged = current.entries.count - staged.count
        return summary
    }
}
