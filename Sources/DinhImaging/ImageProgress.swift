import Foundation

/// Progress of a pipeline run, reported after each source (in completion order).
public struct ImageProgress: Sendable {
    public var completed: Int
    public var total: Int
    public var source: URL
    public var fromCache: Bool
}
