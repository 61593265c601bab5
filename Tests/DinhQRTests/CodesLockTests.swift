import DinhCore
import DinhTestSupport
import Foundation
@testable import DinhQR
import Testing

@Suite("Codes lock: printed codes never stop resolving")
struct CodesLockTests {
    let lockPath = "content/codes.lock"

    func item(_ code: String, _ target: String, line: Int = 2) -> PublishedCode {
        PublishedCode(code: code, target: target, location: DinhCore.SourceLocation(path: "content/\(target)/index.md", line: line, column: 1))
    }

    func site(_ line: Int) -> DinhCore.SourceLocation { DinhCore.SourceLocation(path: "content/site.yaml", line: line, column: 5) }

    /// Runs a first build from no lock, then returns the lock text it would write.
    func firstLock(_ items: [PublishedCode]) -> String {
        let update = CodesLock().update(current: items, changes: [], lockPath: lockPath)
        #expect(!update.hasErrors)
        return update.text
    }

    @Test func firstBuildRecordsEveryCodeSortedWithAHeader() {
        let text = firstLock([item("HT42", "products/che-lam"), item("DP01", "heritage/quan-phuong-tri")])
        #expect(text.hasPrefix("# Dinh codes lock"))
        #expect(text.contains("Commit this file"))
        #expect(text.hasSuffix("DP01 heritage/quan-phuong-tri\nHT42 products/che-lam\n"))
        let (lock, diagnostics) = CodesLock.parse(text, path: lockPath)
        #expect(diagnostics.isEmpty)
        #expect(lock.states == ["DP01": .live(target: "heritage/quan-phuong-tri"), "HT42": .live(target: "products/che-lam")])
    }

    @Test func lockIsByteStableAcrossRunsAndOrderOfInput() {
        let items = [item("DP02", "heritage/b"), item("DP01", "heritage/a"), item("HT42", "products/c")]
        let first = firstLock(items)
        let (lock, _) = CodesLock.parse(first, path: lockPath)
        let second = lock.update(current: items.reversed(), changes: [], lockPath: lockPath)
        #expect(second.text == first)
        #expect(!second.changed)
        #expect(second.landings.map(\.code) == ["DP01", "DP02", "HT42"])
        let third = CodesLock.parse(second.text, path: lockPath).lock.update(current: items.shuffled(), changes: [], lockPath: lockPath)
        #expect(Array(third.text.utf8) == Array(first.utf8))
    }

    /// A board's payment code pays the account it was printed with for years: the lock records
    /// it, and a changed (or removed) account is a warning at the code, once, saying to reprint.
    @Test func boardPaymentAccountChangeIsTold() throws {
        var paying = item("HT42", "products/che-lam", line: 4)
        paying.boardPayment = "970436/0011001234567"
        let first = firstLock([item("DP01", "heritage/a"), paying])
        #expect(first.hasSuffix("DP01 heritage/a\nHT42 products/che-lam pays 970436/0011001234567\n"))
        let (lock, problems) = CodesLock.parse(first, path: lockPath)
        #expect(problems.isEmpty && lock.boardPayments == ["HT42": "970436/0011001234567"])
        #expect(lock.update(current: [item("DP01", "heritage/a"), paying], changes: [], lockPath: lockPath).diagnostics.isEmpty)

        paying.boardPayment = "970415/0022002345678"
        let changed = lock.update(current: [item("DP01", "heritage/a"), paying], changes: [], lockPath: lockPath)
        #expect(changed.diagnostics.map(\.description) == [
            "content/products/che-lam/index.md:4:1: warning: boards printed with HT42 carry a payment code into the account 970436/0011001234567 (content/codes.lock:9), and this product's payment now goes to 970415/0022002345678: buyers who scan an old board pay the old account; print its new boards (on the sheet qr/index.html, or each as qr/HT42-placard.svg from dinh qr) and replace the old ones"])
        #expect(changed.changed && changed.text.hasSuffix("HT42 products/che-lam pays 970415/0022002345678\n"), "recorded: told once")

        // A later Dinh's line is told as such, not as damage to restore.
        let (_, later) = CodesLock.parse(first + "HT43 products/banh pays 970436/1 since 2027\nHT44 products/keo 12\n", path: lockPath)
        #expect(later.map(\.description) == [
            "content/codes.lock:10:1: error: this line of codes.lock was written by a later version of Dinh, which records more of each code: update Dinh on this computer (the file is right; do not edit it)",
            "content/codes.lock:11:1: error: cannot read this line of codes.lock; lines read `CODE target`, `CODE moved OTHER` or `CODE retired` (restore it from version control)"])
        // Both recorded words on one line read back.
        let both = "HT42 products/che-lam pays 970436/0011001234567 was products/che-lam-cu\n"
        let (read, none) = CodesLock.parse(first.replacingOccurrences(of: "HT42 products/che-lam pays 970436/0011001234567\n", with: both), path: lockPath)
        #expect(none.isEmpty && read.boardPayments["HT42"] == "970436/0011001234567" && read.formerTargets["HT42"] == ["products/che-lam-cu"])
        #expect(read.text.hasSuffix(both))
        paying.boardPayment = nil
        let removed = lock.update(current: [item("DP01", "heritage/a"), paying], changes: [], lockPath: lockPath)
        #expect(removed.diagnostics.map { $0.message.contains("now goes nowhere (no payment code)") } == [true])
        #expect(removed.text.hasSuffix("HT42 products/che-lam\n"))
    }

    /// The boards carry the site's address: the lock records it, and a new `base_url` is told
    /// once, at its line, saying the old address must keep serving the site.
    @Test func theAddressBoardsCarryIsRecordedAndAChangeIsTold() throws {
        let items = [item("DP01", "heritage/a")]
        let base = site(2)
        let first = CodesLock().update(current: items, changes: [], lockPath: lockPath, address: ("https://disan.example.vn/", base))
        #expect(first.diagnostics.isEmpty && first.text.contains("\n# address: https://disan.example.vn/\nDP01 heritage/a\n"))
        let (lock, problems) = CodesLock.parse(first.text, path: lockPath)
        #expect(problems.isEmpty && lock.address == "https://disan.example.vn/")
        #expect(!lock.update(current: items, changes: [], lockPath: lockPath, address: ("https://disan.example.vn/", base)).changed)
        // A build for another address (`--base-url`) keeps the recorded one, and says nothing.
        let other = lock.update(current: items, changes: [], lockPath: lockPath)
        #expect(other.diagnostics.isEmpty && !other.changed)
        let moved = lock.update(current: items, changes: [], lockPath: lockPath, address: ("https://danphuong.hanoi.gov.vn/di-san/", base))
        #expect(moved.diagnostics.map(\.description) == [
            "content/site.yaml:2:5: warning: the boards printed so far carry the address https://disan.example.vn/ (recorded in content/codes.lock), and base_url is now https://danphuong.hanoi.gov.vn/di-san/: a phone that scans an old board opens https://disan.example.vn/q/<CODE>, so that address must keep serving this site (keep the old domain pointing here, or redirect it to the new address); else print the boards again (qr/index.html) and replace them all"])
        #expect(moved.changed && moved.text.contains("# address: https://danphuong.hanoi.gov.vn/di-san/\n"), "recorded: told once")
    }

    @Test func noCodesNoLockFile() {
        let update = CodesLock().update(current: [], changes: [], lockPath: lockPath)
        #expect(!update.changed)
    }

    @Test func removedCodeIsAnErrorNamingCodeTargetAndLockFile() throws {
        let text = firstLock([item("DP01", "heritage/a"), item("DP07", "heritage/den-x")])
        let (lock, _) = CodesLock.parse(text, path: lockPath)
        let update = lock.update(current: [item("DP01", "heritage/a")], changes: [], lockPath: lockPath)
        #expect(update.hasErrors)
        let error = try #require(update.diagnostics.first { $0.severity == .error })
        #expect(error.location.path == lockPath)
        let lineOfDP07 = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("DP07 ") }.map { $0 + 1 }
        #expect(error.location.line == lineOfDP07)
        #expect(error.message.contains("DP07"))
        #expect(error.message.contains("heritage/den-x"))
        #expect(error.message.contains(lockPath))
        #expect(error.message.contains("restore the item"))
        #expect(error.message.contains("moved_codes: {DP07: NEWCODE}") && error.message.contains("retired_codes: {DP07: "))
        #expect(error.message.contains("if no board with it was ever printed"), "what to do with a sample's code")
        #expect(error.message.contains("moved"))
        #expect(error.message.contains("retired"))
        #expect(error.description.hasPrefix("content/codes.lock:\(lineOfDP07 ?? 0):1: error: "))
        // The failed build's lock still remembers the code.
        #expect(update.lock.states["DP07"] == .live(target: "heritage/den-x"))
    }

    /// A published page whose code was changed (DP07 → DP08): the error is at its own file, and
    /// says the line that keeps old boards working (`moved_codes: {DP07: DP08}`).
    @Test func changedCodeIsAnErrorAtThePageWithTheMoveToWrite() throws {
        let text = firstLock([item("DP01", "heritage/a"), item("DP07", "heritage/den-x")])
        let (lock, _) = CodesLock.parse(text, path: lockPath)
        let update = lock.update(current: [item("DP01", "heritage/a"), item("DP08", "heritage/den-x")], changes: [], lockPath: lockPath)
        let errors = update.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        #expect(error.location.path == "content/heritage/den-x/index.md", "\(error)")
        #expect(error.message.contains("was DP07") && error.message.contains("is now DP08") && error.message.contains("moved_codes: {DP07: DP08}"), "\(error)")
        // Declared so, the old boards open the page.
        let moved = lock.update(current: [item("DP01", "heritage/a"), item("DP08", "heritage/den-x")],
                                changes: [CodeChange(code: "DP07", kind: .moved(to: "DP08"), location: site(3))], lockPath: lockPath)
        #expect(!moved.hasErrors, "\(moved.diagnostics)")
    }

    @Test func movedCodeResolvesToTheNewItem() {
        let (lock, _) = CodesLock.parse(firstLock([item("DP01", "heritage/a"), item("DP09", "heritage/old")]), path: lockPath)
        let update = lock.update(current: [item("DP01", "heritage/a")],
                                 changes: [CodeChange(code: "DP09", kind: .moved(to: "DP01"), location: site(12))],
                                 lockPath: lockPath)
        #expect(!update.hasErrors, "\(update.diagnostics)")
        #expect(update.landings.first { $0.code == "DP09" }?.resolution == .moved(target: "heritage/a", via: ["DP09"]))
        #expect(update.text.contains("DP09 moved DP01 was heritage/old\n"), "its page's address opens DP01's")
        #expect(update.changed)
        // The next build with the same content changes nothing.
        let again = CodesLock.parse(update.text, path: lockPath).lock.update(
            current: [item("DP01", "heritage/a")],
            changes: [CodeChange(code: "DP09", kind: .moved(to: "DP01"), location: site(12))], lockPath: lockPath)
        #expect(again.text == update.text)
        #expect(!again.changed)
    }

    @Test func movedToAPathAndThroughChains() {
        let (lock, _) = CodesLock.parse(firstLock([item("DP01", "heritage/a"), item("DP08", "heritage/b"), item("DP09", "heritage/c")]), path: lockPath)
        let update = lock.update(
            current: [item("DP01", "heritage/a")],
            changes: [
                CodeChange(code: "DP08", kind: .moved(to: "DP09"), location: site(3)),
                CodeChange(code: "DP09", kind: .moved(to: "pages/sap-nhap"), location: site(4)),
            ],
            lockPath: lockPath)
        #expect(!update.hasErrors, "\(update.diagnostics)")
        #expect(update.landings.first { $0.code == "DP08" }?.resolution == .moved(target: "pages/sap-nhap", via: ["DP08", "DP09"]))
        #expect(update.landings.first { $0.code == "DP09" }?.resolution == .moved(target: "pages/sap-nhap", via: ["DP09"]))
    }

    @Test func movesThatLeadNowhereAreErrors() {
        let (lock, _) = CodesLock.parse(firstLock([item("DP01", "heritage/a"), item("DP02", "heritage/b"), item("DP03", "heritage/c")]), path: lockPath)
        let update = lock.update(
            current: [item("DP01", "heritage/a")],
            changes: [
                CodeChange(code: "DP02", kind: .moved(to: "DP03"), location: site(3)),
                CodeChange(code: "DP03", kind: .moved(to: "DP02"), location: site(4)),
            ],
            lockPath: lockPath, pathExists: { _ in false })
        #expect(update.diagnostics.contains { $0.severity == .error && $0.message.contains("loops") && $0.location == site(3) })
        let missing = lock.update(current: [item("DP01", "heritage/a"), item("DP03", "heritage/c")],
                                  changes: [CodeChange(code: "DP02", kind: .moved(to: "ZZ99"), location: site(5))],
                                  lockPath: lockPath)
        #expect(missing.diagnostics.contains { $0.severity == .error && $0.message.contains("ZZ99") && $0.location == site(5) })
        let badPath = lock.update(current: [item("DP01", "heritage/a"), item("DP03", "heritage/c")],
                                  changes: [CodeChange(code: "DP02", kind: .moved(to: "heritage/nope"), location: site(6))],
                                  lockPath: lockPath, pathExists: { $0 == "heritage/a" })
        #expect(badPath.diagnostics.contains { $0.severity == .error && $0.message.contains("heritage/nope") })
    }

    @Test func retiredCodeLandsOnARetiredPage() {
        let (lock, _) = CodesLock.parse(firstLock([item("DP01", "heritage/a"), item("DP07", "heritage/gone")]), path: lockPath)
        let reason = LocalizedText(["vi": "Di tích đã sáp nhập", "en": "Merged"])
        let update = lock.update(current: [item("DP01", "heritage/a")],
                                 changes: [CodeChange(code: "DP07", kind: .retired(reason: reason), location: site(8))],
                                 lockPath: lockPath)
        #expect(!update.hasErrors)
        #expect(update.landings.first { $0.code == "DP07" }?.resolution == .retired(reason: reason))
        #expect(update.text.contains("DP07 retired\n"))
        // Dropping the declaration later is an error again: a retired board still needs its page.
        let later = CodesLock.parse(update.text, path: lockPath).lock.update(current: [item("DP01", "heritage/a")], changes: [], lockPath: lockPath)
        #expect(later.diagnostics.contains { $0.severity == .error && $0.message.contains("DP07 was retired") })
    }

    /// Two relics' codes swapped, or a printed code given to a new page while its own page took
    /// another: each board would open the wrong relic. An error at each page that took a printed
    /// code, saying whose it is.
    @Test func printedCodeGivenToAnotherPageIsAnError() throws {
        let text = firstLock([item("DP01", "heritage/dai-phung"), item("DP02", "heritage/ha-mo"), item("DP03", "heritage/phuong-tri")])
        let (lock, _) = CodesLock.parse(text, path: lockPath)
        let swapped = lock.update(current: [item("DP03", "heritage/dai-phung", line: 4), item("DP02", "heritage/ha-mo"), item("DP01", "heritage/phuong-tri")],
                                  changes: [], lockPath: lockPath)
        let errors = swapped.diagnostics.filter { $0.severity == .error }.sorted { $0.location < $1.location }
        #expect(errors.map(\.location.path) == ["content/heritage/dai-phung/index.md", "content/heritage/phuong-tri/index.md"])
        #expect(errors.first?.location.line == 4, "at the code's line")
        #expect(errors.first?.message.contains("DP03 is printed on boards that open heritage/phuong-tri (recorded in content/codes.lock:") == true)
        #expect(errors.first?.message.contains("now with the code DP01") == true)
        #expect(errors.first?.message.contains("give heritage/phuong-tri back `code: DP03`") == true)
        #expect(swapped.lock.states == lock.states, "the lock keeps what is printed")
        // A new relic took DP02, and Hạ Mỗ was given DP06 to end the duplicate.
        let taken = lock.update(current: [item("DP01", "heritage/dai-phung"), item("DP06", "heritage/ha-mo"), item("DP03", "heritage/phuong-tri"),
                                          item("DP02", "heritage/chua-thuong-thuy")], changes: [], lockPath: lockPath)
        let error = try #require(taken.diagnostics.first { $0.severity == .error })
        #expect(taken.diagnostics.filter { $0.severity == .error }.count == 1)
        #expect(error.location.path == "content/heritage/chua-thuong-thuy/index.md")
        #expect(error.message.contains("heritage/ha-mo") && error.message.contains("DP06"))
    }

    /// A renamed folder keeps its code; the lock cannot tell that from another item given the
    /// code of one deleted, so it is a warning saying both.
    @Test func renamedItemKeepsItsCode() {
        let (lock, _) = CodesLock.parse(firstLock([item("DP01", "heritage/quan-phuong-tri")]), path: lockPath)
        let update = lock.update(current: [item("DP01", "heritage/quan-phuong-tri-dan-phuong")], changes: [], lockPath: lockPath)
        #expect(!update.hasErrors)
        #expect(update.diagnostics.map(\.message) == ["the QR code DP01 was printed for heritage/quan-phuong-tri (recorded in content/codes.lock:8), which is gone, and its boards now open this page, as do links to its old address: if this is the same item in a renamed folder, nothing to do; if it is another one, give this page a new code, and say in site.yaml what the boards of DP01 open now (`moved_codes: {DP01: …}` or `retired_codes: {DP01: …}`)"])
        #expect(update.landings == [CodeLanding(code: "DP01", resolution: .live(target: "heritage/quan-phuong-tri-dan-phuong"))])
        #expect(update.changed)
        // The old address is remembered, and opens the page: told once, kept for good.
        #expect(update.text.hasSuffix("DP01 heritage/quan-phuong-tri-dan-phuong was heritage/quan-phuong-tri\n"))
        #expect(update.formerAddresses == [FormerAddress(path: "heritage/quan-phuong-tri", target: "heritage/quan-phuong-tri-dan-phuong")])
        let (renamed, problems) = CodesLock.parse(update.text, path: lockPath)
        #expect(problems.isEmpty && renamed.formerTargets == ["DP01": ["heritage/quan-phuong-tri"]])
        let again = renamed.update(current: [item("DP01", "heritage/quan-phuong-tri-dan-phuong")], changes: [], lockPath: lockPath)
        #expect(again.diagnostics.isEmpty && !again.changed && again.formerAddresses == update.formerAddresses)
    }

    /// Renamed twice, both old addresses open the page; renamed back, its own address is its page
    /// again; a former address a new page takes is that page's.
    @Test func formerAddressesFollowRenamesMergesAndNewPages() {
        let (lock, _) = CodesLock.parse(firstLock([item("DP01", "heritage/a"), item("DP09", "heritage/x")]), path: lockPath)
        let once = lock.update(current: [item("DP01", "heritage/b"), item("DP09", "heritage/x")], changes: [], lockPath: lockPath)
        let twice = CodesLock.parse(once.text, path: lockPath).lock
            .update(current: [item("DP01", "heritage/c"), item("DP09", "heritage/x")], changes: [], lockPath: lockPath)
        #expect(twice.text.contains("DP01 heritage/c was heritage/a,heritage/b\n"))
        #expect(twice.formerAddresses == [FormerAddress(path: "heritage/a", target: "heritage/c"), FormerAddress(path: "heritage/b", target: "heritage/c")])
        let back = CodesLock.parse(twice.text, path: lockPath).lock
            .update(current: [item("DP01", "heritage/a"), item("DP09", "heritage/x")], changes: [], lockPath: lockPath)
        #expect(back.formerAddresses == [FormerAddress(path: "heritage/b", target: "heritage/a"), FormerAddress(path: "heritage/c", target: "heritage/a")])
        #expect(!back.diagnostics.contains { $0.message.contains("takes the address") }, "its own address again")
        // DP09's relic merged into DP01's: its boards and its page's address open DP01's page.
        let merged = CodesLock.parse(twice.text, path: lockPath).lock
            .update(current: [item("DP01", "heritage/c")], changes: [CodeChange(code: "DP09", kind: .moved(to: "DP01"), location: site(3))], lockPath: lockPath)
        #expect(!merged.hasErrors, "\(merged.diagnostics)")
        #expect(merged.text.hasSuffix("DP09 moved DP01 was heritage/x\n"))
        #expect(merged.formerAddresses.contains(FormerAddress(path: "heritage/x", target: "heritage/c")))
        // A new relic in the folder heritage/a: that address is its page now.
        let taken = CodesLock.parse(twice.text, path: lockPath).lock
            .update(current: [item("DP01", "heritage/c"), item("DP09", "heritage/x"), item("DP10", "heritage/a")], changes: [], lockPath: lockPath)
        #expect(taken.formerAddresses == [FormerAddress(path: "heritage/b", target: "heritage/c")])
        #expect(taken.diagnostics.map(\.description) == [
            "content/heritage/a/index.md:2:1: warning: this page takes the address heritage/a/, which opened the page of DP01 (now heritage/c) since its folder was renamed: links shared to that address (Facebook, Zalo, search results) now open this page instead; if they should not, give this folder another name"])
        #expect(!CodesLock.parse(taken.text, path: lockPath).lock.update(current: [item("DP01", "heritage/c"), item("DP09", "heritage/x"), item("DP10", "heritage/a")],
                                                                          changes: [], lockPath: lockPath).diagnostics.contains { $0.severity == .warning }, "told once")
        #expect(taken.text.contains("DP01 heritage/c was heritage/b\n"))
    }

    @Test func conflictingDeclarationsAndReuse() {
        let (lock, _) = CodesLock.parse(firstLock([item("DP01", "heritage/a")]) + "DP07 retired\n", path: lockPath)
        let update = lock.update(current: [item("DP01", "heritage/a"), item("DP07", "heritage/new")],
                                 changes: [CodeChange(code: "DP01", kind: .retired(reason: LocalizedText([:])), location: site(9))],
                                 lockPath: lockPath)
        #expect(update.diagnostics.contains { $0.severity == .error && $0.location == site(9) && $0.message.contains("still has `code: DP01`") })
        #expect(update.diagnostics.contains { $0.severity == .warning && $0.message.contains("DP07 was retired") })
        let neverPublished = CodesLock().update(current: [], changes: [CodeChange(code: "XX01", kind: .retired(reason: LocalizedText([:])), location: site(2))], lockPath: lockPath)
        #expect(neverPublished.diagnostics.map(\.severity) == [.warning])
    }

    @Test func malformedLockLinesAreDiagnosedWithTheirLine() {
        let text = "# header\r\nDP01 heritage/a\r\nbad code here\r\nDP01 heritage/b\r\nDP02 moved\r\n\r\nDP03   heritage/c  \r\n"
        let (lock, diagnostics) = CodesLock.parse(text, path: lockPath)
        #expect(diagnostics.map(\.location.line) == [3, 4, 5])
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.location.path == lockPath })
        #expect(lock.states == ["DP01": .live(target: "heritage/a"), "DP03": .live(target: "heritage/c")])
        #expect(CodesLock.isValidCode("DP01") && !CodesLock.isValidCode("dp01") && !CodesLock.isValidCode("D") && !CodesLock.isValidCode("ĐP01"))
    }
}

@Suite("Codes lock file")
struct CodesLockFileTests {
    @Test func missingFileIsAnEmptyLockAndRoundTrips() throws {
        let dir = try TemporaryDirectory("dinh-lock")
        defer { dir.remove() }
        let missing = CodesLock.read(contentsOf: dir.file("codes.lock"), displayPath: "content/codes.lock")
        #expect(missing.lock.states.isEmpty && missing.diagnostics.isEmpty)
        let update = missing.lock.update(current: [PublishedCode(code: "DP01", target: "heritage/a", location: DinhCore.SourceLocation(path: "x"))],
                                         changes: [], lockPath: "content/codes.lock")
        #expect(update.changed)
        try dir.write("codes.lock", update.text)
        let read = CodesLock.read(contentsOf: dir.file("codes.lock"), displayPath: "content/codes.lock")
        #expect(read.lock == update.lock)
        try dir.write("codes.lock", Data([0xFF, 0xFE, 0x00]))
        #expect(CodesLock.read(contentsOf: dir.file("codes.lock"), displayPath: "content/codes.lock").diagnostics.count == 1)
    }

    @Test func summaryReportsVersionAndModules() throws {
        let link = try QRLink(baseURL: "https://disan.danphuong.gov.vn/", code: "DP01")
        #expect(link.summary == "DP01: version 3, 29×29 modules, level Q, alphanumeric: HTTPS://DISAN.DANPHUONG.GOV.VN/Q/DP01")
    }
}
