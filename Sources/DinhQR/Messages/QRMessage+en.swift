import DinhCore

extension QRMessage: TranslatedTable {
    package var english: String {
        switch self {
        case .codeDeclaredTwice(let code, let also): "code \(code) is declared twice (also at \(also)); keep one"
        case .declaredButCarried(let code, let retired, let target, let at):
            "code \(code) is declared \(retired ? "retired" : "moved") but \(target) still has `code: \(code)` (\(at)); remove the declaration or change the item's code"
        case .movedToNothing(let code, let to):
            "code \(code) is moved to \(to), which no item carries and which is not itself moved or retired; name an existing code or a page such as heritage/<slug>"
        case .moveLoops(let code, let chain): "moving code \(code) loops: \(chain.joined(separator: " → ")); end the chain at an item or a page"
        case .movedToUnknown(let code, let to):
            "code \(code) is moved to '\(to)', which is neither a code of this site nor one of its pages; write a code (DP01) or a page path (heritage/<slug>)"
        case .targetNotRecordable(let code, let target, let file): "code \(code) targets '\(target)', which cannot be recorded in \(file)"
        case .retiredNowOpens(let code, let at, let target): "code \(code) was retired (\(at)) and now opens \(target): boards printed for the old item will open this one"
        case .movedNowOpens(let code, let to, let at, let target): "code \(code) was moved to \(to) (\(at)) and now opens \(target) again"
        case .declaredNeverPublished(let code, let retired, let lock):
            "code \(code) is declared \(retired ? "retired" : "moved") but was never published (it is not in \(lock)); if it is a typo, fix or remove it"
        case .publishedCodeDropped(let code, let publishedFor, let movedTo, let lock):
            "QR code \(code) was \(publishedFor.map { "published for \($0)" } ?? movedTo.map { "moved to \($0)" } ?? "retired") (recorded in \(lock)) but nothing in the content carries it now, so printed boards with it would stop working; restore the item with `code: \(code)`, or declare in site.yaml where it points now (`moved_codes: {\(code): NEWCODE}`) or that it is retired (`retired_codes: {\(code): \"what visitors read\"}`); if no board with it was ever printed and the site never published (a sample, a test), delete that line of the lock"
        case .publishedCodeChanged(let code, let now, let lock):
            "this page's QR code was \(code) (recorded in \(lock) when it was published) and is now \(now), so boards printed with \(code) would stop working; keep `code: \(code)`, or add `moved_codes: {\(code): \(now)}` to site.yaml so that they open this page"
        case .printedCodeTaken(let code, let printedFor, let now, let lock):
            "the QR code \(code) is printed on boards that open \(printedFor) (recorded in \(lock)), and that page is still here, now with the code \(now): those boards would open this page instead; give \(printedFor) back `code: \(code)`, and this page a new code (one not in \(CodesLock.fileName))"
        case .boardPaymentChanged(let code, let printed, let now, let lock):
            "boards printed with \(code) carry a payment code into the account \(printed) (\(lock)), and this product's payment now goes " + (now.map { "to \($0)" } ?? "nowhere (no payment code)") + ": buyers who scan an old board pay the old account; print its new boards (on the sheet qr/index.html, or each as qr/\(code)-placard.svg from dinh qr) and replace the old ones"
        case .printedCodeFollows(let code, let printedFor, let lock):
            "the QR code \(code) was printed for \(printedFor) (recorded in \(lock)), which is gone, and its boards now open this page, as do links to its old address: if this is the same item in a renamed folder, nothing to do; if it is another one, give this page a new code, and say in site.yaml what the boards of \(code) open now (`moved_codes: {\(code): …}` or `retired_codes: {\(code): …}`)"
        case .printedAddressChanged(let printed, let now, let lock):
            "the boards printed so far carry the address \(printed) (recorded in \(lock)), and base_url is now \(now): a phone that scans an old board opens \(printed)q/<CODE>, so that address must keep serving this site (keep the old domain pointing here, or redirect it to the new address); else print the boards again (qr/index.html) and replace them all"
        case .formerAddressTaken(let path, let code, let now):
            "this page takes the address \(path)/, which opened the page of \(code) (now \(now)) since its folder was renamed: links shared to that address (Facebook, Zalo, search results) now open this page instead; if they should not, give this folder another name"
        case .notAQRCode(let code, let file): "'\(code)' is not a QR code (2–12 characters A–Z and 0–9); \(file) lines read `CODE target`, `CODE moved OTHER` or `CODE retired`"
        case .lockLineFromLaterDinh(let file): "this line of \(file) was written by a later version of Dinh, which records more of each code: update Dinh on this computer (the file is right; do not edit it)"
        case .lockLineUnreadable(let file): "cannot read this line of \(file); lines read `CODE target`, `CODE moved OTHER` or `CODE retired` (restore it from version control)"
        case .lockCodeTwice(let code, let file, let line): "code \(code) is listed twice in \(file) (first on line \(line)); keep one line (restore the file from version control)"
        case .lockUnreadable(let file): "cannot read \(file); check its permissions"
        case .lockNotUTF8(let file): "\(file) is not UTF-8 text; restore it from version control"
        case .qrEmpty: "a QR code needs some text to encode"
        case .qrNUL: "the text to encode contains a NUL character"
        case .qrTooLong(let bytes, let level):
            "\(bytes) bytes do not fit in the largest QR code (version 40) at error-correction level \(level); use a shorter base_url or a lower level"
        case .qrEncoder(let code): "libqrencode failed (errno \(code))"
        case .qrPNG(let detail): "could not write the QR code as PNG: \(detail)"
        }
    }
}
