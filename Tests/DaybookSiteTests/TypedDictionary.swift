@testable import DaybookRender

/// A dictionary read as a typed `RenderObject`: nested dictionaries as objects, lists of
/// dictionaries as typed lists, strings, numbers and flags typed, anything else as `other`. Plan
/// tests render their dictionary contexts this way too, so random templates run through a plan's
/// typed reading as well as through its `Any` reading.
struct TypedDictionary: RenderObject {
    let values: [String: Any]

    func value(_ name: ContextName) -> RenderValue {
        Self.typed(values[name.text])
    }

    static func typed(_ value: Any?) -> RenderValue {
        switch value {
        case let dictionary as [String: Any]:
            return .object(TypedDictionary(values: dictionary))
        case let list as [Any] where list.allSatisfy({ $0 is [String: Any] }):
            return .list(list.map { TypedDictionary(values: $0 as! [String: Any]) })
        default:
            return RenderValue(any: value)
        }
    }
}
