import BriefingSupport
import Foundation

/// The write stage's point of no return. Before the first staged file moves into place, what the commit
/// will do (the moves, the removals and the new manifest) is written to `.briefing-journal`, which one
/// rename brings into being. A build killed before that rename leaves the previous site and a staging
/// folder the next build throws away; one killed after it is finished by the next build that takes the
/// folder, before it reads anything else (`SiteWriter.recover`). Every step can be done twice: a move
/// whose staged file is gone is done, a removal of a missing file is done.
struct WriteJournal: Equatable {
    static let fileName = ".briefing-journal"
    static let pendingName = fileName + ".new"
    private static let header = "briefing-journal 1"

    /// Paths relative to the staging folder and the output folder (a file, or a folder that moves whole).
    var moves: [String]
    /// Files the last build wrote and this one did not.
    var removals: [String]
    var manifest: String

    var text: String {
        var lines = [WriteJournal.header, "manifest \(manifest.utf8.count)"]
        lines.append(manifest + moves.map { "move " + $0 }.joined(separator: "\n"))
        lines += removals.map { "remove " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    init(moves: [String], removals: [String], manifest: String) {
        self.moves = moves
        self.removals = removals
        self.manifest = manifest
    }

    /// Nil for anything but a whole journal this version wrote: a journal is renamed into place only
    /// once complete, so a damaged one was not written by a build.
    init?(text: String) {
        let utf8 = Array(text.utf8)
        guard let firstBreak = utf8.firstIndex(of: UInt8(ascii: "\n")),
              String(decoding: utf8[..<firstBreak], as: UTF8.self) == WriteJournal.header,
              let secondBreak = utf8[(firstBreak + 1)...].firstIndex(of: UInt8(ascii: "\n"))
        else { return nil }
        let sizeLine = String(decoding: utf8[(firstBreak + 1)..<secondBreak], as: UTF8.self)
        guard sizeLine.hasPrefix("manifest "), let size = Int(sizeLine.dropFirst("manifest ".count)),
              size >= 0, secondBreak + 1 + size <= utf8.count
        else { return nil }
        let manifestEnd = secondBreak + 1 + size
        manifest = String(decoding: utf8[(secondBreak + 1)..<manifestEnd], as: UTF8.self)
        moves = []
        removals = []
        for line in String(decoding: utf8[manifestEnd...], as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("move ") {
                moves.append(String(line.dropFirst("move ".count)))
            } else if line.hasPrefix("remove ") {
                removals.append(String(line.dropFirst("remove ".count)))
            } else {
                return nil
            }
        }
        // A journal edited by hand must not make a build move or delete outside the output folder.
        guard (moves + removals).allSatisfy({ OutputPath.isPlainRelative($0.utf8) }) else { return nil }
    }

    /// Written beside its place, flushed to the disk, then renamed into place: it exists whole or not at all.
    func write(in output: String) throws(Diagnostic) {
        let pending = output + "/" + WriteJournal.pendingName
        let bytes = Array(text.utf8)
        let descriptor = open(pending, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .error("cannot write \(pending): \(FileBytes.IOError.fromErrno().message)") }
        defer { close(descriptor) }
        let outcome = bytes.withUnsafeBytes { buffer in
            Result { () throws(FileBytes.IOError) in try FileBytes.write(buffer, to: descriptor, at: 0) }
        }
        if case .failure(let error) = outcome { throw .error("cannot write \(pending): \(error.message)") }
        guard fsync(descriptor) == 0, rename(pending, output + "/" + WriteJournal.fileName) == 0 else {
            throw .error("cannot write \(output)/\(WriteJournal.fileName): \(FileBytes.IOError.fromErrno().message)")
        }
    }
}
