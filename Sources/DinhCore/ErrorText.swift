import Foundation

/// Errors from Foundation and the system as a person reads them: the file and what went wrong
/// (`/srv/site/.dinh-cache/images: Not a directory`), never a dump of an error's user info.
package enum ErrorText {
    /// What went wrong, without the file: the system's reason where there is one.
    package static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        guard nsError.domain == NSCocoaErrorDomain || nsError.domain == NSPOSIXErrorDomain else { return "\(error)" }
        for candidate in [nsError.userInfo[NSUnderlyingErrorKey] as? NSError, nsError].compactMap({ $0 })
        where candidate.domain == NSPOSIXErrorDomain {
            if let text = strerror(Int32(candidate.code)) { return String(cString: text) }
        }
        // Foundation on Linux often says only "error 512": find the file that stands where a folder should.
        if let path = path(error), let file = fileInTheWay(of: path) { return "'\(file)' is a file, not a folder" }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "No such file or directory"
        case .fileReadNoPermission, .fileWriteNoPermission: return "Permission denied"
        case .fileWriteOutOfSpace: return "No space left on device"
        case .fileWriteVolumeReadOnly: return "Read-only file system"
        default: return nsError.localizedDescription
        }
    }

    /// The nearest existing ancestor of `path` when it is not a folder.
    private static func fileInTheWay(of path: String) -> String? {
        var url = URL(fileURLWithPath: path).deletingLastPathComponent()
        while url.path != "/" {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) { return isFolder.boolValue ? nil : url.path }
            url.deleteLastPathComponent()
        }
        return nil
    }

    /// The file the error is about, when it says.
    package static func path(_ error: any Error) -> String? {
        let info = (error as NSError).userInfo
        return info[NSFilePathErrorKey] as? String ?? (info[NSURLErrorKey] as? URL)?.path
    }

    /// `path: reason`, or the reason alone.
    package static func describe(_ error: any Error) -> String {
        let reason = reason(error)
        guard let path = path(error), !reason.contains(path) else { return reason }
        return "\(path): \(reason)"
    }
}
