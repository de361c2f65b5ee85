import BriefingSupport
import BriefingTemplates

extension TemplateValue {
    /// A copy of a map with one key replaced; other values are returned unchanged.
    func setting(_ key: String, _ value: TemplateValue) -> TemplateValue {
        guard case .map(var map) = self else { return self }
        map[key] = value
        return .map(map)
    }
}
