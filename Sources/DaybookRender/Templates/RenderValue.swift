/// What a name in a template reads, typed, so that a render plan switches on it instead of casting
/// an `Any`: nothing, a string, a number, a flag, an object (`RenderObject`) or a list
/// (`RenderList`). `other` holds any other value (a dictionary, a reflected struct, a list of
/// strings), which the plan reads through `Any` exactly as swift-mustache does.
public enum RenderValue {
    case none
    case string(String)
    case int(Int)
    case bool(Bool)
    case object(any RenderObject)
    case list(any RenderList)
    case other(Any)

    public init(_ text: String?) {
        self = text.map { .string($0) } ?? .none
    }

    public init(_ number: Int?) {
        self = number.map { .int($0) } ?? .none
    }

    public init(_ object: (some RenderObject)?) {
        self = object.map { .object($0) } ?? .none
    }

    /// A value as swift-mustache's lookups give it (`child(named:)`, reflection): a string, `Int`
    /// or `Bool` (exactly that type, not an optional holding one), a `RenderObject` or a
    /// `RenderList` typed, anything else as `other`.
    init(any value: Any?) {
        guard let value else {
            self = .none
            return
        }
        let type = Swift.type(of: value)
        if type == String.self {
            self = .string(value as! String)
        } else if type == Int.self {
            self = .int(value as! Int)
        } else if type == Bool.self {
            self = .bool(value as! Bool)
        } else if let object = value as? any RenderObject {
            self = .object(object)
        } else if let list = value as? any RenderList {
            self = .list(list)
        } else {
            self = .other(value)
        }
    }

    /// The value as swift-mustache is given it; nil for `none`.
    public var mustacheValue: Any? {
        switch self {
        case .none: nil
        case .string(let text): text
        case .int(let number): number
        case .bool(let flag): flag
        case .object(let object): object.mustacheValue
        case .list(let list): list.mustacheValue
        case .other(let value): value
        }
    }

    var isNone: Bool {
        if case .none = self { true } else { false }
    }
}
