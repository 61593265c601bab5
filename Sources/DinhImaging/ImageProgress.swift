import Foundation

/// Progress of a pipeline run, reported after each source (in completion order).
package struct ImageProgress: Sendable {
    package var completed: Int
    package var total: Int
    package var source: URL
    package var fromCache: Bool
}
