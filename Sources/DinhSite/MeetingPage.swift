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
            return ["title": text(document.title, language), "href": Self.link(path, root: root, here: here),
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
}
