import Foundation
import Synchronization

/// Counts finished items of a parallel stage for `BuildOptions.progress`.
final class ProgressCounter: Sendable {
    private let done = Atomic<Int>(0)
    private let stage: String
    private let total: Int
    private let report: (@Sendable (String, Int, Int) -> Void)?

    init(stage: String, total: Int, report: (@Sendable (String, Int, Int) -> Void)?) {
        self.stage = stage
        self.total = total
        self.report = report
    }

    func step() {
        guard let report else { return }
        let count = done.wrappingAdd(1, ordering: .relaxed).newValue
        report(stage, count, total)
    }
}

/// Wall-clock and CPU time of each stage of a build: a stage whose CPU time is not about twice its
/// wall time on two cores is not running in parallel.
struct StageClock {
    private(set) var stages: [(name: String, seconds: Double, cpuSeconds: Double)] = []
    private let started = DispatchTime.now()
    private var last = DispatchTime.now()
    private var lastCPU = StageClock.cpuSeconds()

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        let cpu = StageClock.cpuSeconds()
        stages.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9, cpu - lastCPU))
        last = now
        lastCPU = cpu
    }

    /// Wall-clock seconds since the clock started.
    var total: Double { Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9 }

    /// User and system time of the whole process.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
