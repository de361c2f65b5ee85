import Ccmark
import Glibc

/// The allocator every cmark tree of a build uses: cmark's own, but for `calloc`, made of `malloc` and a
/// clear. cmark callocs every node and buffer it makes, and glibc's calloc (before 2.41) skips the
/// per-thread cache that malloc serves small blocks from: cmark's callocs were a third of the time a
/// 10k build spent in malloc's slow path.
enum CmarkMemory {
    /// Set once, never changed, and only read by cmark: shared by every thread.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(to: cmark_mem(calloc: clearedBlock, realloc: resizedBlock, free: { free($0) }))
        return allocator
    }()

    /// As cmark's default allocator does, a failed allocation aborts: cmark has no way to report one.
    private static let clearedBlock: @convention(c) (Int, Int) -> UnsafeMutableRawPointer? = { count, size in
        let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow, let block = malloc(max(bytes, 1)) else { abort() }
        memset(block, 0, bytes)
        return block
    }

    private static let resizedBlock: @convention(c) (UnsafeMutableRawPointer?, Int) -> UnsafeMutableRawPointer? = { block, size in
        guard let resized = realloc(block, size) else { abort() }
        return resized
    }
}
