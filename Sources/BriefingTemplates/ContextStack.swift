/// A render's context stack: where each value in force lies, the value the render was given at the
/// bottom, the value of the innermost section on top.
///
/// It holds addresses, not values. Every value a render reaches lies in the storage of the context it
/// was given, which nothing changes until the render ends; a copy of a value retained it, an atomic add
/// on a cache line that renders on other threads add to as well for the site's values they all share.
struct ContextStack {
    private var frames: [UnsafePointer<TemplateValue>]

    init(_ root: UnsafePointer<TemplateValue>) {
        frames = [root]
        frames.reserveCapacity(16)
    }

    /// How many frames a lookup may search.
    var depth: Int { frames.count }

    /// `value` in force until `pop()`; it must lie in the storage of the values already in force.
    mutating func push(_ value: UnsafePointer<TemplateValue>) {
        frames.append(value)
    }

    mutating func pop() {
        frames.removeLast()
    }

    /// Where the value a name resolves to lies, or nil when some part of it names no key.
    ///
    /// The first part is looked up from the top of the stack down; the other parts only in the value
    /// found, as the spec asks.
    func lookup(_ name: UnsafePointer<VariableName>) -> UnsafePointer<TemplateValue>? {
        let count = name.pointee.components.count
        guard count > 0 else { return frames[frames.count - 1] }
        var index = frames.count - 1
        while index >= 0 {
            if let found = Self.address(name.pointee.components[0], hash: name.pointee.hashes[0], in: frames[index]) {
                var value = found
                var part = 1
                while part < count {
                    guard let next = Self.address(name.pointee.components[part], hash: name.pointee.hashes[part], in: value)
                    else { return nil }
                    value = next
                    part += 1
                }
                return value
            }
            index -= 1
        }
        return nil
    }

    func lookup(_ name: VariableName) -> UnsafePointer<TemplateValue>? {
        withUnsafePointer(to: name) { lookup($0) }
    }

    private static func address(_ key: String, hash: UInt64, in value: UnsafePointer<TemplateValue>) -> UnsafePointer<TemplateValue>? {
        guard case .map(let entries) = value.pointee else { return nil }
        return entries.address(forKey: key, hash: hash)
    }
}
