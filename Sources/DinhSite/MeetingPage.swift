import DinhContent
import DinhCore
import DinhTemplate
import Foundation

extension PageRenderer {
    /// A meeting's pack: when and where, the note, then each document in agenda order with its size;
    /// each link opens the PDF itself, so the phone shows it in its own viewer.
    func meetingContext(_ meeting: Meeting, _ language: String, root: String, t: Strings) -> TemplateFields {
        let here = router.path(.meeting(meeting.slug), language)
        let documents = meeting.documents.compactMap { document -> TemplateFields? in
            guard let path = media.path(document.file) else { return nil }
            return ["title": text(document.title, language), "href": Self.encodedLink(path, root: root, here: here),
                    "size": Format.fileSize(document.bytes, language: language)]
        }
        let note = bodyHTML(meeting.body, language)
        return [
            "title": text(meeting.title, language),
            "when": Format.meetingDate(meeting.date, time: meeting.time, language: language),
            "datetime": meeting.date.description + (meeting.time.map { "T\($0)" } ?? ""),
            "place": meeting.place.map { text($0, language) },
            "note": note.isEmpty ? nil : note,
            "documents": documents,
            "has_documents": !documents.isEmpty,
            "t": t.all,
        ]
    }

    /// A link to a published file from a page, each part of its path percent-encoded: documents keep
    /// the names officers gave them (`Tờ trình số 01.pdf`).
    static func encodedLink(_ path: String, root: String, here: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";,?#")
        let encoded = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }.joined(separator: "/")
        return !here.isEmpty && path.hasPrefix(here) ? String(encoded.dropFirst(here.count)) : root + encoded
    }
}
