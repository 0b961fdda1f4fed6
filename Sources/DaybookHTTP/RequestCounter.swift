import Foundation

/// A thread-safe count (of requests sent, of answers of a kind).
public final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    public init() {}

    public var value: Int { lock.withLock { count } }

    public func increment(by amount: Int = 1) {
        lock.withLock { count += amount }
    }
}
