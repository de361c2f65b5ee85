import BriefingTemplates

extension Fingerprint {
    /// Adds a template value in a canonical form: map keys in sorted order, each case tagged, so two
    /// contexts get the same fingerprint exactly when a template would see the same thing.
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
        case .list(let items):
            add(7)
            add(items.count)
            for item in items { add(item) }
        case .map(let map):
            add(8)
            add(map.count)
            for key in map.keys.sorted() {
                add(key)
                add(map[key]!)
            }
        case .lambda:
            // Site contexts hold no lambdas; one that did would change the output unseen, so never match.
            add(Int.random(in: Int.min...Int.max))
        }
    }
}
