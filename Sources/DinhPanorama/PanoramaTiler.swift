import DinhCore
import DinhImaging
import Foundation

/// Cuts an equirectangular panorama into multi-resolution cube tiles plus a preview strip.
///
/// The tiler only makes pixels; the caller's sink encodes (JPEG) and stores each file, so the same
/// code serves the site build, the benchmark and the tests. The sink is called concurrently from
/// several tasks and is synchronous on purpose: a face's buffers are released before the next face
/// starts, which bounds memory to about the source plus one face in flight per core.
package struct PanoramaTiler: Sendable {
    package typealias Sink = @Sendable (PanoramaFile, PixelImage) throws -> Void

    package var options: PanoramaOptions

    package init(options: PanoramaOptions = PanoramaOptions()) { self.options = options }

    /// The layout `tile` will produce for a source of this width.
    package func layout(sourceWidth: Int) -> PanoramaLayout {
        PanoramaLayout(sourceWidth: sourceWidth, options: options)
    }

    /// Checks that a source can be tiled: 2:1 within 1 % (a stitcher's few rows more or less,
    /// stretched to a full turn as the faces are rendered: a fraction of a degree no one sees),
    /// at least 64 pixels high.
    package static func validate(width: Int, height: Int) throws(PanoramaError) {
        guard height >= 64 else { throw PanoramaError(.tooSmall(width: width, height: height)) }
        guard abs(width - 2 * height) * 100 <= 2 * height else { throw PanoramaError(.notEquirectangular(width: width, height: height)) }
    }

    /// Tiles `source`, handing every tile and the preview to `sink`; faces are processed in parallel.
    @discardableResult
    package func tile(_ source: PixelImage, sink: @escaping Sink) async throws -> PanoramaLayout {
        try Self.validate(width: source.width, height: source.height)
        guard source.channels == 3 || source.channels == 4 else {
            throw PanoramaError(.unsupportedChannels(source.channels))
        }
        let layout = layout(sourceWidth: source.width)
        // The poles are the costliest faces; starting them first evens out the last task. As many
        // faces at a time as there are cores: a face waiting for its tiles holds its pixels, and
        // more of them would only add memory to clear, while its tiles keep the cores busy.
        var waiting: [CubeFace] = [.up, .down, .front, .right, .back, .left]
        let previews = try await withThrowingTaskGroup(of: (CubeFace, [UInt8]).self) { group in
            func start() {
                guard !waiting.isEmpty else { return }
                let face = waiting.removeFirst()
                group.addTask { (face, try await Self.tileFace(face, of: source, layout: layout, sink: sink)) }
            }
            for _ in 0..<ProcessInfo.processInfo.activeProcessorCount { start() }
            var result: [CubeFace: [UInt8]] = [:]
            for try await (face, preview) in group {
                result[face] = preview
                start()
            }
            return result
        }
        let p = layout.previewFaceSize
        var strip = PixelImage(width: p * 6, height: p, channels: 3)
        for (index, face) in CubeFace.stripOrder.enumerated() {
            guard let pixels = previews[face] else { continue }
            for row in 0..<p {
                let from = row * p * 3, to = (row * p * 6 + index * p) * 3
                strip.pixels.replaceSubrange(to..<(to + p * 3), with: pixels[from..<(from + p * 3)])
            }
        }
        try sink(.preview, strip)
        return layout
    }

    /// Renders one face at full size, then each coarser level from the previous one; returns the
    /// face at preview size. A level's tiles are encoded side by side, so that the last face to
    /// finish does not leave the other cores idle.
    static func tileFace(_ face: CubeFace, of source: PixelImage, layout: PanoramaLayout, sink: @escaping Sink) async throws -> [UInt8] {
        var size = layout.faceSize
        var pixels = renderFace(face, size: size, from: source)
        for (index, level) in layout.levels.enumerated().reversed() {
            try Task.checkCancellation()
            if level.faceSize != size {
                pixels = areaDownscale(pixels, from: size, to: level.faceSize)
                size = level.faceSize
            }
            let levelPixels = pixels, levelSize = size, t = layout.tileSize
            try await withThrowingTaskGroup(of: Void.self) { group in
                for row in 0..<level.tilesPerSide {
                    for column in 0..<level.tilesPerSide {
                        group.addTask {
                            let tile = crop(levelPixels, faceSize: levelSize, x: column * t, y: row * t, size: t)
                            try sink(.tile(TileID(level: index, face: face, row: row, column: column)), tile)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        return areaDownscale(pixels, from: size, to: layout.previewFaceSize)
    }
}

/// Why a panorama cannot be tiled, in either language.
package struct PanoramaError: Error, Sendable, Hashable, CustomStringConvertible, MessageError, TranslatedTable {
    enum Kind: Sendable, Hashable {
        case notEquirectangular(width: Int, height: Int)
        case tooSmall(width: Int, height: Int)
        case unsupportedChannels(Int)
    }

    let kind: Kind
    init(_ kind: Kind) { self.kind = kind }

    package var text: Message { Message(self) }
    package var description: String { english }

    package var english: String {
        switch kind {
        case .notEquirectangular(let w, let h):
            "the photo is \(w)×\(h) pixels; a 360° panorama (equirectangular) is exactly twice as wide as it is high, such as 8192×4096"
                + (Self.resized(w, h).map { ": resize it to \($0.width)×\($0.height) in a photo editor, without keeping the proportions (cropping it instead would cut the 360° turn, and its left and right edges would no longer meet)" }
                    ?? ": this is an ordinary photo; take the panorama with a 360° camera or a phone's 360° (photo sphere) mode")
        case .tooSmall(let w, let h): "the photo is only \(w)×\(h) pixels; a 360° panorama needs at least 128×64"
        case .unsupportedChannels(let n): "the photo has \(n) colour channels; save it as an ordinary colour JPEG"
        }
    }

    /// The size a photo somewhat off 2:1 (a stitcher's extra rows) is resized to: its width, and
    /// half of it as the height (the whole turn is kept); nil for a photo that is no panorama at
    /// all (a 4:3 phone photo).
    static func resized(_ width: Int, _ height: Int) -> (width: Int, height: Int)? {
        guard height > 0, abs(Double(width) / Double(height) - 2) < 0.1 else { return nil }
        return (width / 2 * 2, width / 2)
    }

    package var vietnamese: String {
        switch kind {
        case .notEquirectangular(let w, let h):
            "ảnh có kích thước \(w)×\(h) điểm ảnh; ảnh 360° (equirectangular) phải có chiều rộng đúng gấp đôi chiều cao, ví dụ 8192×4096"
                + (Self.resized(w, h).map { ": hãy đổi cỡ ảnh thành \($0.width)×\($0.height) bằng phần mềm sửa ảnh, bỏ chọn giữ tỉ lệ (đừng cắt ảnh: cắt sẽ làm mất một phần vòng 360°, hai mép trái và phải không còn khớp nhau)" }
                    ?? ": đây là ảnh thường; hãy chụp ảnh 360° bằng máy ảnh 360° hoặc chế độ chụp 360° (photo sphere) của điện thoại")
        case .tooSmall(let w, let h): "ảnh chỉ có \(w)×\(h) điểm ảnh; ảnh 360° cần ít nhất 128×64"
        case .unsupportedChannels(let n): "ảnh có \(n) kênh màu; hãy lưu lại thành ảnh JPEG màu thông thường"
        }
    }
}
