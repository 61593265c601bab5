import DinhCore

/// The record of every QR code ever published and where it pointed, kept in the content folder
/// (`content/codes.lock`) and committed by users.
///
/// A board printed with a code hangs on a gate for years, so a code that was published once must
/// keep resolving: to its item, to where the content says it moved, or to a "retired" page.
/// The file is line-based so that a diff in review reads like a change log:
///
/// ```
/// DP01 heritage/quan-phuong-tri
/// HT42 products/che-lam-ha-trung pays 970436/0011001234567
/// DP02 heritage/dinh-ha-mo was heritage/dinh-ha-mo-cu
/// DP07 retired
/// DP09 moved DP01
/// ```
public struct CodesLock: Sendable, Equatable {
    /// The last published state of one code.
    public enum State: Sendable, Hashable {
        /// Opens `target`, a site path such as `heritage/quan-phuong-tri`.
        case live(target: String)
        /// Declared moved to another code or a site path.
        case moved(to: String)
        case retired
    }

    /// The conventional file name, inside the content folder.
    public static let fileName = "codes.lock"
    /// How the content declares changes, quoted in error messages: the keys of `site.yaml`.
    public static let movedSyntax = "moved_codes: {CODE: NEWCODE}"
    public static let retiredSyntax = "retired_codes: {CODE: \"why\"}"

    /// Code → state.
    public private(set) var states: [String: State]
    /// Code → the bank account its board's payment code pays into (`BIN/ACCOUNT`, *1.1*), for
    /// the live codes of products whose boards carry one: a board keeps paying the account it was
    /// printed with after the producer's account changes.
    public private(set) var boardPayments: [String: String] = [:]
    /// Code → the site paths its page had before, oldest first (its folder renamed, or its item
    /// merged into another code's): links to them, shared or bookmarked or found by a search
    /// engine, keep opening the page they became.
    public private(set) var formerTargets: [String: [String]] = [:]
    /// The site's address (`base_url`) the boards were printed with: their codes open `<address>q/<CODE>`,
    /// which must keep serving the site after a move to another address.
    public private(set) var address: String?
    /// Code → line in the file it was read from, for diagnostics (not part of equality).
    var lines: [String: Int] = [:]
    /// The text it was read from, so an update can tell whether the file needs writing.
    var sourceText: String?

    public init(states: [String: State] = [:], boardPayments: [String: String] = [:], formerTargets: [String: [String]] = [:], address: String? = nil) {
        self.states = states
        self.boardPayments = boardPayments
        self.formerTargets = formerTargets
        self.address = address
    }

    public static func == (a: CodesLock, b: CodesLock) -> Bool {
        a.states == b.states && a.boardPayments == b.boardPayments && a.formerTargets == b.formerTargets && a.address == b.address
    }

    /// The line that records `address`: a comment, which a Dinh that does not know it passes over.
    static let addressPrefix = "# address: "

    static let header = """
    # Dinh codes lock: every QR code this site has published, and where it points.
    # Commit this file with the content. Printed boards stay up for years, so `dinh build` fails
    # when a code listed here would stop resolving. Do not edit by hand: move or retire a code
    # in site.yaml (\(movedSyntax), \(retiredSyntax)).
    # Tệp ghi mọi mã QR trang web đã công bố và nơi mỗi mã mở tới. Hãy lưu tệp này cùng nội dung.
    # Biển in treo nhiều năm, nên `dinh build` dừng lại khi một mã ghi ở đây sẽ không mở được nữa.
    # Đừng sửa tay: chuyển hay thôi dùng một mã trong site.yaml (moved_codes, retired_codes).

    """

    /// The file's text: the header, then one line a code, sorted by code, so the same lock
    /// always gives the same bytes.
    public var text: String {
        var out = CodesLock.header
        if let address, !states.isEmpty { out += Self.addressPrefix + address + "\n" }
        for code in states.keys.sorted() {
            guard let state = states[code] else { continue }
            let former = formerTargets[code].map { " was " + $0.joined(separator: ",") } ?? ""
            switch state {
            case let .live(target): out += "\(code) \(target)" + (boardPayments[code].map { " pays \($0)" } ?? "") + former + "\n"
            case let .moved(to): out += "\(code) moved \(to)" + former + "\n"
            case .retired: out += "\(code) retired\n"
            }
        }
        return out
    }

    /// Reads a lock file's text; every malformed line is a diagnostic at `path`.
    public static func parse(_ text: String, path: String) -> (lock: CodesLock, diagnostics: [Diagnostic]) {
        var lock = CodesLock()
        lock.sourceText = text
        var diagnostics: [Diagnostic] = []
        // Split on any line ending: the file may have passed through a Windows editor.
        let rawLines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for (index, raw) in rawLines.enumerated() {
            let number = index + 1
            let line = raw.trimmingWhitespace()
            if line.hasPrefix(addressPrefix) { lock.address = line.dropFirst(addressPrefix.count).split(separator: " ").first.map(String.init) }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let location = SourceLocation(path: path, line: number, column: 1)
            let code = fields[0]
            guard isValidCode(code) else {
                diagnostics.append(.error(location, .notAQRCode(code: code, file: fileName)))
                continue
            }
            // `CODE target`, `CODE moved OTHER` or `CODE retired`, then words with a value:
            // `pays BIN/ACCOUNT` (a live code), `was PATH,PATH` (a live or moved one).
            var rest = fields.dropFirst()
            let state: State?
            switch rest.first {
            case "retired"?: state = .retired; rest = rest.dropFirst()
            case "moved"? where rest.count >= 2: state = .moved(to: rest[rest.startIndex + 1]); rest = rest.dropFirst(2)
            case let target? where target != "moved" && !target.hasPrefix("#"): state = .live(target: target); rest = rest.dropFirst()
            default: state = nil
            }
            var payment: String?, formers: [String]?
            while let state, let word = rest.first, rest.count >= 2 {
                let value = rest[rest.startIndex + 1]
                if word == "pays", payment == nil, case .live = state {
                    payment = value
                } else if word == "was", formers == nil, state != .retired {
                    formers = value.split(separator: ",").map(String.init)
                } else {
                    break
                }
                rest = rest.dropFirst(2)
            }
            guard let state, rest.isEmpty else {
                // A word this Dinh does not know (as `pays` once was): a line of a later Dinh's lock, not a damaged one.
                let word = rest.first ?? ""
                let later = state != nil && rest.count >= 2 && !["pays", "was"].contains(word) && word.allSatisfy { $0.isASCII && $0.isLowercase }
                diagnostics.append(.error(location, later ? .lockLineFromLaterDinh(file: fileName) : .lockLineUnreadable(file: fileName)))
                continue
            }
            if let first = lock.lines[code] {
                diagnostics.append(.error(location, .lockCodeTwice(code: code, file: fileName, line: first)))
                continue
            }
            lock.states[code] = state
            lock.boardPayments[code] = payment
            lock.formerTargets[code] = formers
            lock.lines[code] = number
        }
        return (lock, diagnostics)
    }

    /// The rule for codes in the content format: 2–12 characters, A–Z and 0–9.
    public static func isValidCode(_ code: String) -> Bool { ItemCode.isValid(code) }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}
