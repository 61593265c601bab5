import Foundation

/// Maps request paths to files of the output folder, and never to anything outside it: encoded
/// `..` and `/`, absolute-form targets and symlinks that lead out are refused, by checking the
/// real (symlink-resolved) path of every file against the real path of the root.
struct SiteFiles: Sendable {
    let root: URL

    enum Resolution: Equatable {
        /// A regular file, by its real path.
        case file(String)
        /// A folder asked for without its slash: the address to send the browser to.
        case redirect(String)
        case notFound
        case forbidden
        case badRequest
    }

    func resolve(path rawPath: String, query: String = "") -> Resolution {
        var path = rawPath
        // Absolute form (`GET http://host/x HTTP/1.1`): keep the path only.
        if let scheme = path.range(of: "://"), path.lowercased().hasPrefix("http") {
            let rest = path[scheme.upperBound...]
            path = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        }
        guard path.hasPrefix("/") else { return .badRequest }
        var components: [String] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard let decoded = segment.removingPercentEncoding else { return .badRequest }
            // Browsers remove dot segments before sending, so any left are an attempt to climb out;
            // an encoded slash or backslash would let one segment act as several.
            if decoded == ".." || decoded.contains("/") || decoded.contains("\\") || decoded.contains("\0") { return .forbidden }
            if decoded == "." { continue }
            components.append(decoded)
        }
        guard let realRoot = Self.realPath(root.path) else { return .notFound }
        let candidate = ([realRoot] + components).joined(separator: "/")
        guard let real = Self.realPath(candidate) else { return .notFound }
        guard Self.isInside(real, realRoot) else { return .forbidden }
        var info = stat()
        guard stat(real, &info) == 0 else { return .notFound }
        if info.st_mode & S_IFMT == S_IFDIR {
            guard path.hasSuffix("/") else {
                // Rebuilt from the checked components, so the address always stays on this site.
                let encoded = components.map { $0.addingPercentEncoding(withAllowedCharacters: Self.segmentCharacters) ?? $0 }
                return .redirect("/" + encoded.map { $0 + "/" }.joined() + (query.isEmpty ? "" : "?" + query))
            }
            guard let index = Self.realPath(real + "/index.html"), Self.isInside(index, realRoot),
                  stat(index, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .notFound }
            return .file(index)
        }
        return info.st_mode & S_IFMT == S_IFREG ? .file(real) : .notFound
    }

    /// The site's own 404 page, if it has one (checked like any other file).
    var notFoundPage: String? {
        if case .file(let path) = resolve(path: "/404.html") { return path }
        return nil
    }

    private static let segmentCharacters: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "/?#")
        return set
    }()

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
