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
    /// Code → line in the file it was read from, for diagnostics (not part of equality).
    var lines: [String: Int] = [:]
    /// The text it was read from, so an update can tell whether the file needs writing.
    var sourceText: String?

    public init(states: [String: State] = [:], boardPayments: [String: String] = [:]) {
        self.states = states
        self.boardPayments = boardPayments
    }

    public static func == (a: CodesLock, b: CodesLock) -> Bool { a.states == b.states && a.boardPayments == b.boardPayments }

    static let header = """
    # Dinh codes lock: every QR code this site has published, and where it points.
    # Commit this file with the content. Printed boards stay up for years, so `dinh build` fails
    # when a code listed here would stop resolving. Do not edit by hand: move or retire a code
    # in site.yaml (\(movedSyntax), \(retiredSyntax)).

    """

    /// The file's text: the header, then one line a code, sorted by code, so the same lock
    /// always gives the same bytes.
    public var text: String {
        var out = CodesLock.header
        for code in states.keys.sorted() {
            guard let state = states[code] else { continue }
            switch state {
            case let .live(target): out += "\(code) \(target)" + (boardPayments[code].map { " pays \($0)" } ?? "") + "\n"
            case let .moved(to): out += "\(code) moved \(to)\n"
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
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let location = SourceLocation(path: path, line: number, column: 1)
            let code = fields[0]
            guard isValidCode(code) else {
                diagnostics.append(.error(location, .notAQRCode(code: code, file: fileName)))
                continue
            }
            let state: State
            switch fields.count {
            case 2 where fields[1] == "retired": state = .retired
            case 2 where fields[1] != "moved": state = .live(target: fields[1])
            case 4 where fields[2] == "pays" && !["moved", "retired"].contains(fields[1]):
                state = .live(target: fields[1])
                lock.boardPayments[code] = fields[3]
            case 3 where fields[1] == "moved": state = .moved(to: fields[2])
            default:
                // `CODE target word …`: a line of a later Dinh's lock (as `pays` once was), not a damaged one.
                let later = fields.count > 2 && !fields[1].hasPrefix("#") && fields[2].allSatisfy { $0.isASCII && $0.isLowercase }
                diagnostics.append(.error(location, later ? .lockLineFromLaterDinh(file: fileName) : .lockLineUnreadable(file: fileName)))
                continue
            }
            if let first = lock.lines[code] {
                diagnostics.append(.error(location, .lockCodeTwice(code: code, file: fileName, line: first)))
                continue
            }
            lock.states[code] = state
            lock.lines[code] = number
        }
        return (lock, diagnostics)
    }

    /// The rule for codes in the content format: 2–12 characters, A–Z and 0–9.
    public static func isValidCode(_ code: String) -> Bool {
        (2...12).contains(code.utf8.count) && code.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}
