import BriefingTemplates
import Foundation

/// Swift versions of the `~lambdas` spec examples, whose JSON carries code in other languages.
enum SpecLambdas {
    /// A fresh lambda per call, so a counting lambda starts from zero on every run.
    static func lambda(for testName: String) -> TemplateLambda? {
        switch testName {
        case "Interpolation":
            TemplateLambda { "world" }
        case "Interpolation - Expansion":
            TemplateLambda { "{{planet}}" }
        case "Interpolation - Alternate Delimiters":
            TemplateLambda { "|planet| => {{planet}}" }
        case "Interpolation - Multiple Calls":
            countingLambda()
        case "Escaping":
            TemplateLambda { ">" }
        case "Section":
            TemplateLambda(section: { text in text == "{{x}}" ? "yes" : "no" })
        case "Section - Expansion":
            TemplateLambda(section: { text in text + "{{planet}}" + text })
        case "Section - Alternate Delimiters":
            TemplateLambda(section: { text in text + "{{planet}} => |planet|" + text })
        case "Section - Multiple Calls":
            TemplateLambda(section: { text in "__" + text + "__" })
        case "Inverted Section":
            TemplateLambda(section: { _ in "" })
        default:
            nil
        }
    }

    private static func countingLambda() -> TemplateLambda {
        let counter = Counter()
        return TemplateLambda { String(counter.next()) }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            count += 1
            return count
        }
    }
}
