import Foundation

/// The six faces of the cube a panorama is cut into, named by their one-letter file names.
///
/// Conventions shared with `viewer.js` (change both or neither):
/// - World axes as in OpenGL: +x right, +y up, −z forward. Yaw 0 looks along −z; positive yaw turns
///   right (towards +x); positive pitch looks up. The direction of (yaw, pitch) is
///   `(cos p · sin y, sin p, −cos p · cos y)`.
/// - Equirectangular source: the image centre column is yaw 0, yaw grows to the right
///   (`u = yaw/360° + ½`), the top row is pitch +90° (`v = ½ − pitch/180°`).
/// - Face coordinates `a` (left → right) and `b` (top → bottom) run over [−1, 1] as seen from inside
///   the cube. The side faces are seen upright; `u` is the view when pitching up from `f` (its bottom
///   edge touches `f`), `d` the view when pitching down from `f` (its top edge touches `f`).
package enum CubeFace: String, CaseIterable, Sendable, Hashable {
    case front = "f", right = "r", back = "b", left = "l", up = "u", down = "d"

    /// The (unnormalised) direction through face coordinates (a, b).
    @inlinable
    package func direction(a: Double, b: Double) -> (x: Double, y: Double, z: Double) {
        switch self {
        case .front: return (a, -b, -1)
        case .right: return (1, -b, a)
        case .back: return (-a, -b, 1)
        case .left: return (-1, -b, -a)
        case .up: return (a, 1, -b)
        case .down: return (a, -1, b)
        }
    }
}

extension CubeFace {
    /// Yaw and pitch (radians) of a direction, in the conventions above.
    @inlinable
    package static func yawPitch(x: Double, y: Double, z: Double) -> (yaw: Double, pitch: Double) {
        (atan2(x, -z), atan2(y, (x * x + z * z).squareRoot()))
    }

    /// The order faces take in the preview strip and everywhere a list of faces is written.
    package static let stripOrder: [CubeFace] = [.front, .right, .back, .left, .up, .down]
}
