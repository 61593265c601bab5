import DinhCore
import Foundation

extension CodesLock {
    /// Reads the lock at `url`; a missing file is an empty lock (the site's first build).
    /// `displayPath` is how diagnostics name the file, e.g. `content/codes.lock`.
    public static func read(contentsOf url: URL, displayPath: String) -> (lock: CodesLock, diagnostics: [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: url.path) else { return (CodesLock(), []) }
        let location = SourceLocation(path: displayPath)
        guard let data = try? Data(contentsOf: url) else {
            return (CodesLock(), [.error(location, .lockUnreadable(file: fileName))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (CodesLock(), [.error(location, .lockNotUTF8(file: fileName))])
        }
        return parse(text, path: displayPath)
    }
}

extension QRLink {
    /// One line for `dinh qr`'s report: code, version, size and what the symbol carries.
    public var summary: String {
        "\(code): version \(version), \(moduleCount)×\(moduleCount) modules, level \(symbol.errorCorrection.rawValue), \(isUppercase ? "alphanumeric" : "as written"): \(payload)"
    }
}
