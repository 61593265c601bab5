import Foundation

/// Results written by concurrent workers (`DispatchQueue.concurrentPerform`), one index each,
/// read back in index order so output never depends on scheduling.
public final class Slots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    public var values: [Value?] { lock.withLock { slots } }
}
