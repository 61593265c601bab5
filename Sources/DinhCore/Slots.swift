import Foundation

/// Results written by concurrent workers (`DispatchQueue.concurrentPerform`), one index each,
/// read back in index order so output never depends on scheduling.
package final class Slots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    package init(count: Int) { slots = Array(repeating: nil, count: count) }

    package subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    package var values: [Value?] { lock.withLock { slots } }
}
