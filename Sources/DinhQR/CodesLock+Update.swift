import DinhCore
import Foundation

/// A code the current content publishes: an item with `code:` in its front matter.
public struct PublishedCode: Sendable, Hashable {
    public var code: String
    /// The item's site path, e.g. `heritage/quan-phuong-tri` (no spaces).
    public var target: String
    /// Where the code is declared, for diagnostics.
    public var location: SourceLocation
    /// *1.1*: the bank account the item's board pays into, `BIN/ACCOUNT` (a product with a
    /// payment code), else nil.
    public var boardPayment: String?

    public init(code: String, target: String, location: SourceLocation, boardPayment: String? = nil) {
        self.code = code
        self.target = target
        self.location = location
        self.boardPayment = boardPayment
    }
}

/// A change the content declares for a code no item carries any more.
public struct CodeChange: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Now opens another code's item, or a site path such as `heritage/den-thuong`.
        case moved(to: String)
        /// No longer points anywhere; `reason` is shown on its landing page (may be empty).
        case retired(reason: LocalizedText)
    }

    public var code: String
    public var kind: Kind
    /// Where the content declares it (the line in `site.yaml`).
    public var location: SourceLocation

    public init(code: String, kind: Kind, location: SourceLocation) {
        self.code = code
        self.kind = kind
        self.location = location
    }
}

/// What `q/<CODE>/` shows.
public enum CodeResolution: Sendable, Hashable {
    /// The code's own item.
    case live(target: String)
    /// Moved: `target` is the final site path after following every move; `via` the codes passed through.
    case moved(target: String, via: [String])
    /// Retired, with the reason to show (possibly empty).
    case retired(reason: LocalizedText)
}

/// One code's landing page.
public struct CodeLanding: Sendable, Hashable {
    public var code: String
    public var resolution: CodeResolution
}

/// An address a page had before (its folder renamed, or its item merged into another code's),
/// which the site keeps: links shared or bookmarked, and search engines' results, open the page
/// at `target` instead of "not found".
public struct FormerAddress: Sendable, Hashable {
    /// The site path it had, e.g. `heritage/dinh-ha-mo-cu`.
    public var path: String
    /// The site path of the page it opens now.
    public var target: String
}

/// The outcome of checking the content's codes against the lock.
public struct CodesLockUpdate: Sendable {
    /// The lock to write when there are no errors.
    public var lock: CodesLock
    /// `lock.text`: write it only when `changed`, and only when there are no errors.
    public var text: String
    /// Whether the file must be written: `text` differs from the file's bytes (or there was no
    /// file and there are codes now).
    public var changed: Bool
    /// Every code's landing, sorted by code.
    public var landings: [CodeLanding]
    /// The addresses pages had before, each kept opening the page it became.
    public var formerAddresses: [FormerAddress] = []
    /// Errors (a published code would stop resolving, conflicting declarations) and warnings.
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension CodesLock {
    /// Checks the current content against this lock and computes the next lock and every landing.
    ///
    /// - Parameters:
    ///   - current: every code the content carries now (duplicates are the loader's to report).
    ///   - changes: moved and retired codes declared in the content.
    ///   - lockPath: the lock file's path as printed in diagnostics, e.g. `content/codes.lock`.
    ///   - pathExists: whether a site path given as a move target is a page of the site.
    ///   - address: the site's address (`base_url`) that boards printed now carry, and where it is
    ///     written; nil keeps the one recorded (a build for another address, `--base-url`).
    public func update(current: [PublishedCode], changes: [CodeChange], lockPath: String,
                       pathExists: (String) -> Bool = { _ in true }, address: (url: String, location: SourceLocation)? = nil) -> CodesLockUpdate {
        var diagnostics: [Diagnostic] = []
        // Boards printed with another address open it for years: it must keep serving the site.
        if let printed = self.address, let address, printed != address.url, !states.isEmpty {
            diagnostics.append(.warning(address.location, .printedAddressChanged(printed: printed, now: address.url, lock: lockPath)))
        }
        var live: [String: PublishedCode] = [:]
        for item in current where live[item.code] == nil { live[item.code] = item }
        var declared: [String: CodeChange] = [:]
        for change in changes {
            if let first = declared[change.code] {
                diagnostics.append(.error(change.location, .codeDeclaredTwice(code: change.code, also: "\(first.location)")))
                continue
            }
            if let item = live[change.code] {
                let retired = if case .retired = change.kind { true } else { false }
                diagnostics.append(.error(change.location, .declaredButCarried(code: change.code, retired: retired, target: item.target, at: "\(item.location)")))
                continue
            }
            declared[change.code] = change
        }

        func location(of code: String) -> SourceLocation {
            SourceLocation(path: lockPath, line: lines[code] ?? 1, column: 1)
        }

        // Follows moves to a final landing; nil (with a diagnostic) when a move leads nowhere.
        func resolve(_ code: String) -> CodeResolution? {
            var via: [String] = []
            var current = code
            while true {
                if let item = live[current] {
                    return via.isEmpty ? .live(target: item.target) : .moved(target: item.target, via: via)
                }
                guard let change = declared[current] else {
                    // Only reached through a move: the code it names does not exist.
                    if let start = declared[code] {
                        diagnostics.append(.error(start.location, .movedToNothing(code: code, to: current)))
                    }
                    return nil
                }
                switch change.kind {
                case let .retired(reason):
                    return .retired(reason: reason)
                case let .moved(to):
                    via.append(current)
                    if CodesLock.isValidCode(to) {
                        if via.contains(to) {
                            diagnostics.append(.error(change.location, .moveLoops(code: code, chain: via + [to])))
                            return nil
                        }
                        current = to
                    } else if to.isEmpty || to.contains(where: \.isWhitespace) || !pathExists(to) {
                        diagnostics.append(.error(change.location, .movedToUnknown(code: current, to: to)))
                        return nil
                    } else {
                        return .moved(target: to, via: via)
                    }
                }
            }
        }

        var next: [String: State] = [:], nextPayments: [String: String] = [:], nextFormers: [String: [String]] = [:]
        var landings: [CodeLanding] = []
        // A former address another page has taken now is that page's: said at that page, since
        // links shared to the old one now open it.
        let pagesNow = Dictionary(current.map { ($0.target, $0) }, uniquingKeysWith: { first, _ in first })
        func keepFormer(_ code: String, target: String, adding printed: String? = nil) {
            var formers = formerTargets[code] ?? []
            for taken in formers { if let page = pagesNow[taken], page.code != code { diagnostics.append(.warning(page.location, .formerAddressTaken(path: taken, code: code, now: target))) } }
            if let printed, !formers.contains(printed) { formers.append(printed) }
            formers.removeAll { pagesNow[$0] != nil }
            nextFormers[code] = formers.isEmpty ? nil : formers
        }
        let allCodes = Set(states.keys).union(live.keys).union(declared.keys)
        for code in allCodes.sorted() {
            if let item = live[code] {
                if item.target.isEmpty || item.target.contains(where: \.isWhitespace) || item.target == "moved" || item.target == "retired" {
                    diagnostics.append(.error(item.location, .targetNotRecordable(code: code, target: item.target, file: CodesLock.fileName)))
                    continue
                }
                if case let .live(printed)? = states[code], printed != item.target {
                    let lock = "\(lockPath):\(lines[code] ?? 1)"
                    if let holder = current.first(where: { $0.target == printed }), holder.code != code {
                        // Its boards open a page that is still here, under another code: they would
                        // open this one instead (two codes swapped, a printed code given to a new page).
                        diagnostics.append(.error(item.location, .printedCodeTaken(code: code, printedFor: printed, now: holder.code, lock: lock)))
                        next[code] = states[code]
                        nextPayments[code] = boardPayments[code]
                        nextFormers[code] = formerTargets[code]
                        continue
                    }
                    // Its page is gone: a folder renamed (the code follows it) or another item
                    // given the code, which the lock cannot tell apart. Said, so it is not silent.
                    diagnostics.append(.warning(item.location, .printedCodeFollows(code: code, printedFor: printed, lock: lock)))
                }
                switch states[code] {
                case .retired?:
                    diagnostics.append(.warning(item.location, .retiredNowOpens(code: code, at: "\(lockPath):\(lines[code] ?? 1)", target: item.target)))
                case let .moved(to)?:
                    diagnostics.append(.warning(item.location, .movedNowOpens(code: code, to: to, at: "\(lockPath):\(lines[code] ?? 1)", target: item.target)))
                default: break
                }
                // Boards printed before pay the account they were printed with, whatever the page says now.
                if let printed = boardPayments[code], printed != item.boardPayment {
                    diagnostics.append(.warning(item.location, .boardPaymentChanged(code: code, printed: printed, now: item.boardPayment,
                                                                                   lock: "\(lockPath):\(lines[code] ?? 1)")))
                }
                next[code] = .live(target: item.target)
                nextPayments[code] = item.boardPayment
                // Its page's old address opens it: the folder was renamed (or, told above, the code given to another item).
                if case let .live(printed)? = states[code] { keepFormer(code, target: item.target, adding: printed) } else { keepFormer(code, target: item.target) }
                landings.append(CodeLanding(code: code, resolution: .live(target: item.target)))
            } else if let change = declared[code] {
                if states[code] == nil {
                    diagnostics.append(.warning(change.location, .declaredNeverPublished(code: code, retired: change.kind.isRetired, lock: lockPath)))
                }
                guard let resolution = resolve(code) else { continue }
                switch change.kind {
                case let .moved(to):
                    next[code] = .moved(to: to)
                    // The merged item's page address opens where its code now leads.
                    if case let .live(printed)? = states[code] { keepFormer(code, target: to, adding: printed) } else { keepFormer(code, target: to) }
                case .retired: next[code] = .retired
                }
                landings.append(CodeLanding(code: code, resolution: resolution))
            } else if let state = states[code] {
                var publishedFor: String?, movedTo: String?
                switch state {
                case let .live(target): publishedFor = target
                case let .moved(to): movedTo = to
                case .retired: break
                }
                if let target = publishedFor, let item = current.first(where: { $0.target == target }) {
                    // The page is there with another code: its code was changed, at its own file.
                    diagnostics.append(.error(item.location, .publishedCodeChanged(code: code, now: item.code, lock: lockPath)))
                } else {
                    diagnostics.append(.error(location(of: code), .publishedCodeDropped(
                        code: code, publishedFor: publishedFor, movedTo: movedTo, lock: "\(lockPath):\(lines[code] ?? 1)")))
                }
                // Keep it in the lock: a failed build must not forget a published code.
                next[code] = state
                nextPayments[code] = boardPayments[code]
                nextFormers[code] = formerTargets[code]
            }
        }
        var lock = CodesLock(states: next, boardPayments: nextPayments, formerTargets: nextFormers, address: address?.url ?? self.address)
        lock.lines = lines
        let text = lock.text
        let formerAddresses = landings.flatMap { landing -> [FormerAddress] in
            switch landing.resolution {
            case let .live(target), let .moved(target, _): (nextFormers[landing.code] ?? []).map { FormerAddress(path: $0, target: target) }
            case .retired: []
            }
        }
        return CodesLockUpdate(lock: lock, text: text, changed: text != (sourceText ?? (next.isEmpty ? text : "")), landings: landings,
                               formerAddresses: formerAddresses, diagnostics: diagnostics)
    }
}

extension CodeChange.Kind {
    var isRetired: Bool {
        if case .retired = self { true } else { false }
    }
}
