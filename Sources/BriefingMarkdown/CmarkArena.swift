import Ccmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Where every cmark tree of a build lives: a region of memory per thread that cmark allocates from by
/// moving a pointer, and that is reused from its start once no document of the thread is left.
///
/// A page's tree is thousands of small nodes and buffers, allocated, grown and freed one by one, and
/// glibc's malloc served most of them from its slow path: its per-thread cache holds seven blocks of a
/// size. Here an allocation is an add, a free does nothing, and a document is freed all at once, without
/// walking its tree, when it goes.
///
/// cmark's allocator has no context pointer, so the thread's region is found through a thread-local key.
package final class CmarkArena: @unchecked Sendable {
    /// Set once, never changed, and only read by cmark: shared by every thread.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(to: cmark_mem(calloc: clearedBlock, realloc: resizedBlock, free: { _ in }))
        return allocator
    }()

    /// The calling thread's arena, made on its first use.
    package static var current: CmarkArena {
        if let stored = pthread_getspecific(threadKey) {
            return Unmanaged<CmarkArena>.fromOpaque(stored).takeUnretainedValue()
        }
        let arena = CmarkArena()
        pthread_setspecific(threadKey, Unmanaged.passRetained(arena).toOpaque())
        return arena
    }

    /// Documents made on this thread and not yet gone. Only the owning thread allocates and reuses the
    /// region, but a document may go on another thread; counting is all that thread does.
    private let openDocuments = Atomic<Int>(0)
    /// Blocks of memory in the order they are filled; kept when the region is reused.
    private var chunks: [(start: UnsafeMutableRawPointer, size: Int)] = []
    private var chunk = -1
    private var next: UnsafeMutableRawPointer?
    private var end: UnsafeMutableRawPointer?
    /// Read once: a static is checked for its first use on every access, and this is read on every
    /// allocation.
    private let sanitizer = AddressSanitizer.hooks

    private static let chunkSize = 256 << 10
    /// Before every block, its size, so that a block can grow: 16 bytes, to keep malloc's alignment.
    private static let headerSize = 16

    deinit {
        for chunk in chunks { free(chunk.start) }
    }

    /// The memory the arena holds, used or not.
    package var reservedBytes: Int { chunks.reduce(0) { $0 + $1.size } }

    /// Called by a document as it is made, on the thread that makes it.
    func open() {
        if openDocuments.load(ordering: .acquiring) == 0, !chunks.isEmpty {
            for chunk in chunks[...max(chunk, 0)] { sanitizer?.poison(chunk.start, chunk.size) }
            chunk = 0
            next = chunks[0].start
            end = chunks[0].start + chunks[0].size
        }
        openDocuments.add(1, ordering: .relaxed)
    }

    /// Called by a document as it goes: its memory is reused once the thread makes its next document.
    package func close() {
        openDocuments.subtract(1, ordering: .releasing)
    }

    /// The bytes a block of `size` takes: its header, and the block rounded up to malloc's alignment.
    private static func span(_ size: Int) -> Int {
        (size + headerSize + 15) & ~15
    }

    private func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        let needed = CmarkArena.span(size)
        if let next, let end, end - next >= needed {
            return take(needed, size: size)
        }
        // The next kept chunk that is large enough, or a new one where the run of kept chunks stops.
        while chunk + 1 < chunks.count, chunks[chunk + 1].size < needed { chunk += 1 }
        if chunk + 1 == chunks.count {
            let chunkSize = max(CmarkArena.chunkSize, needed)
            // As cmark's default allocator does, a failed allocation aborts: cmark has no way to report one.
            guard let start = malloc(chunkSize) else { abort() }
            sanitizer?.poison(start, chunkSize)
            chunks.append((start, chunkSize))
        }
        chunk += 1
        next = chunks[chunk].start
        end = chunks[chunk].start + chunks[chunk].size
        return take(needed, size: size)
    }

    private func take(_ needed: Int, size: Int) -> UnsafeMutableRawPointer {
        let block = next!
        next = block + needed
        sanitizer?.unpoison(block, CmarkArena.headerSize + size)
        block.storeBytes(of: size, as: Int.self)
        return block + CmarkArena.headerSize
    }

    /// Grows the block in place when it is the last one taken and there is room; otherwise copies it.
    private func resize(_ block: UnsafeMutableRawPointer, to size: Int) -> UnsafeMutableRawPointer {
        let header = block - CmarkArena.headerSize
        let oldSize = header.load(as: Int.self)
        let oldEnd = header + CmarkArena.span(oldSize)
        let newEnd = header + CmarkArena.span(size)
        if oldEnd == next, let end, newEnd <= end {
            next = newEnd
            sanitizer?.unpoison(header, CmarkArena.headerSize + size)
            header.storeBytes(of: size, as: Int.self)
            return block
        }
        let moved = allocate(size)
        moved.copyMemory(from: block, byteCount: min(oldSize, size))
        return moved
    }

    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { stored in
            // Optional in Glibc's signature, not in Darwin's.
            let stored: UnsafeMutableRawPointer? = stored
            guard let stored else { return }
            let arena = Unmanaged<CmarkArena>.fromOpaque(stored)
            // A document of this thread still alive elsewhere keeps its memory: the arena is then kept.
            if arena.takeUnretainedValue().openDocuments.load(ordering: .acquiring) == 0 { arena.release() }
        }
        return key
    }()

    private static func withCurrent<Result>(_ body: (CmarkArena) -> Result) -> Result {
        guard let stored = pthread_getspecific(threadKey) else { return body(current) }
        return Unmanaged<CmarkArena>.fromOpaque(stored)._withUnsafeGuaranteedRef(body)
    }

    private static let clearedBlock: @convention(c) (Int, Int) -> UnsafeMutableRawPointer? = { count, size in
        let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow else { abort() }
        let block = withCurrent { $0.allocate(bytes) }
        memset(block, 0, bytes)
        return block
    }

    private static let resizedBlock: @convention(c) (UnsafeMutableRawPointer?, Int) -> UnsafeMutableRawPointer? = { block, size in
        withCurrent { arena in block.map { arena.resize($0, to: size) } ?? arena.allocate(size) }
    }
}

/// AddressSanitizer's hooks, when the process runs under it (`swift test --sanitize=address`): an arena's
/// memory is unusable until it is handed out, and again once its region is reused, so that memory of a
/// document that is gone, or past the end of a block, is still caught as malloc's would be.
private struct AddressSanitizer {
    package typealias Hook = @convention(c) (UnsafeRawPointer?, Int) -> Void
    package let poison: Hook
    package let unpoison: Hook

    /// Nil when the process does not run under AddressSanitizer.
    package static let hooks: AddressSanitizer? = {
        guard let poison = dlsym(nil, "__asan_poison_memory_region"), let unpoison = dlsym(nil, "__asan_unpoison_memory_region")
        else { return nil }
        return AddressSanitizer(poison: unsafeBitCast(poison, to: Hook.self), unpoison: unsafeBitCast(unpoison, to: Hook.self))
    }()
}
