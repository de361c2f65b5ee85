import BriefingSupport
import BriefingTemplates

extension Fingerprint {
    /// Adds a template value in a canonical form: each case tagged, map entries in no particular order,
    /// so two contexts get the same fingerprint exactly when a template would see the same thing.
    mutating func add(_ value: TemplateValue) {
        switch value {
        case .null: add(0)
        case .bool(let flag): add(flag ? 2 : 1)
        case .int(let number):
            add(3)
            add(number)
        case .double(let number):
            add(4)
            add(Int(bitPattern: UInt(number.bitPattern)))
        case .string(let text):
            add(5)
            add(text)
        case .html(let text):
            add(6)
            add(text)
        case .htmlBytes(let bytes):
            add(6)
            add(bytes)
        case .list(let items):
            add(7)
            add(items.count)
            for item in items { add(item) }
        case .map(let map):
            add(8)
            add(map.count)
            add(Fingerprint.unordered(map) { entry, _, value in entry.add(value) })
        case .lambda:
            // Site contexts hold no lambdas; one that did would change the output unseen, so never match.
            add(Int.random(in: Int.min...Int.max))
        }
    }

    /// A map's entries hashed one by one and summed: the sum does not depend on the order a map
    /// hands them out in, so no keys need sorting (which was most of the cost of a page's fingerprint).
    /// Each entry's hash covers its key and its value together, so moving a value to another key changes it.
    static func unordered<Value>(
        _ map: some Sequence<(key: String, value: Value)>, adding add: (inout Fingerprint, String, Value) -> Void
    ) -> UInt64 {
        var sum: UInt64 = 0
        for (key, value) in map {
            var entry = Fingerprint()
            entry.add(key)
            add(&entry, key, value)
            sum &+= entry.value
        }
        return sum
    }
}
