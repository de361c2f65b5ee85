import BriefingKit
import Foundation
import Synchronization

/// The moments pages held back for their dates fall due, as the versions served name them
/// (`PreviewVersion.nextRelease`). Polled with the watch of the site's folders: its value changes when the
/// clock passes one, so that a scheduled page joins the served site at its time, as the first build after
/// it takes it, without a save.
final class ReleaseClock: Sendable {
    private let releases = Mutex<Set<Int>>([])

    func note(_ version: PreviewVersion) {
        guard let release = version.nextRelease else { return }
        releases.withLock { _ = $0.insert(release) }
    }

    /// The latest release that has passed. Releases are never forgotten, so the value only grows: the
    /// version made once one passed, which holds back no page that is due, signals no second change.
    func passed() -> String {
        let now = Date()
        return releases.withLock { $0.filter { PageDate.hasPassed($0, at: now) }.max() }.map(String.init) ?? ""
    }
}
