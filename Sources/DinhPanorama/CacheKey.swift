import DinhCore
import Foundation

extension PanoramaTiler {
    /// Bumped whenever the tiler's output for the same input changes (resampling, layout rules).
    /// 2: cube faces sampled by the C shim, coarser levels by its area resampler.
    package static let formatVersion = 2

    /// A stable key for the processed-media cache: XXH64 (the hash of every processed-media
    /// cache, `ContentHash`) of the source file's bytes, seeded with the options and the encoder's
    /// own settings (e.g. `"jpeg-q80"`). Equal keys mean equal tiles, so a rebuild can skip an
    /// unchanged panorama, and hashing a 10 MB panorama takes milliseconds.
    package func cacheKey(sourceBytes: Data, encoder: String) -> String {
        let settings = "dinh-panorama/\(Self.formatVersion)/t\(options.tileSize)/p\(options.previewFaceSize)/m\(options.maxFaceSize)/\(encoder)"
        return ContentHash.hex(ContentHash.xxh64(sourceBytes, seed: ContentHash.xxh64(Array(settings.utf8))))
    }
}
