import DinhContent
import DinhCore
import DinhImaging
import DinhPanorama

/// What `dinh check` verifies in media without building: every photo is a readable image within
/// the pixel limit, every panorama is a usable 360° image. (A build finds the same through the
/// imaging pipeline and the tiler.)
enum MediaChecks {
    static func diagnostics(for content: Content) -> Diagnostics {
        var diagnostics = Diagnostics()
        let decoder = ImageDecoder()
        func info(_ file: MediaFile, what: String) -> ImageInfo? {
            do {
                return try decoder.info(contentsOf: file.url)
            } catch let error as ImageError {
                diagnostics.error(file.location, "'\(file.path)' cannot be used as \(what): \(error.message)")
            } catch {
                diagnostics.error(file.location, "'\(file.path)' cannot be used as \(what): \(error)")
            }
            return nil
        }
        for relic in content.heritage {
            for photo in relic.gallery + relic.videos.compactMap(\.poster) { _ = info(photo, what: "a photo") }
            for scene in relic.scenes {
                guard let size = info(scene.panorama, what: "a 360° panorama") else { continue }
                do {
                    try PanoramaTiler.validate(width: size.width, height: size.height)
                    if let advice = PanoramaStep.sharpnessAdvice(width: size.width) {
                        diagnostics.warning(scene.panorama.location, "'\(scene.panorama.path)' \(advice)")
                    }
                } catch {
                    diagnostics.error(scene.panorama.location, "'\(scene.panorama.path)' cannot be used as a 360° panorama: \(ErrorText.describe(error))")
                }
            }
        }
        for product in content.products {
            for photo in product.images { _ = info(photo, what: "a photo") }
        }
        for producer in content.producers {
            if let photo = producer.photo { _ = info(photo, what: "a photo") }
        }
        return diagnostics
    }
}
