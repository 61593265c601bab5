import DinhCore

/// What a build says: its progress lines and the problems found by its steps (media, tiles, codes, theme, output).
/// English in SiteMessage+en.swift, Vietnamese in SiteMessage+vi.swift: one exhaustive `switch` each.
package enum SiteMessage: MessageTable {
    /// One line of `dinh qr`'s report (the payment code's fields nil when the item has none).
    case codeSummary(code: String, version: Int, modules: Int, level: String, alphanumeric: Bool, payload: String, meeting: Bool,
                     payVersion: Int?, payModules: Int?, payLevel: String?)
    // Build steps
    case baseURLOverride(value: String)
    case outputBeforeMedia(path: String)
    case unknownStep(name: String, steps: [String])
    case photoUnusable(path: String, reason: Message)
    case captionsAfterTheEnd(path: String, at: String, audio: String, length: String)
    case notAnImage
    // The output folder
    /// `beside`: a folder next to the content, when the output was inside it.
    case outputOverwritesContent(path: String, beside: String?)
    case outputIsFile(path: String)
    case outputHoldsOtherFiles(path: String, example: String)
    case cannotCreateFolderIn(path: String, reason: String)
    case writeOutside(path: String)
    case cannotCreateFolder(path: String, reason: String)
    case cannotPublish(source: String, as: String, reason: String)
    case diskFull(folder: String, free: String, needed: String)
    case cannotPutSite(path: String, reason: String)
    case cannotOpenFolder(path: String, reason: String)
    case cannotLock(path: String, reason: String)
    case waitingForOtherBuild(folder: String)
    // QR codes
    case lockNotUpdated(lock: String, reason: String)
    case cannotMakeQR(code: String, reason: Message)
    case printingExampleAddress(url: String)
    case noSuchCode(code: String, suggestion: String?)
    case cannotDrawPayQR(code: String, reason: Message)
    /// `language`: the code of the name's language; `size`: the placard's paper (A5).
    /// `room`: about how many characters of it the board has room for.
    case placardNameCut(code: String, language: String, printed: String, size: String, room: Int)
    case cannotDrawQR(code: String, reason: Message)
    case cannotKeepQR(code: String, folder: String, reason: Message)
    // Theme
    case themeMissing(folder: String, beside: String)
    case templateUnused(templates: [String])
    case templateNotUTF8
    case templateError(detail: Message)
    case templateMissingPartial(tag: String, name: String)
    // 360° tiles
    case panoramaUnreadable(path: String)
    case panoramaUnusable(path: String, reason: Message)
    case panoramaBlurred(path: String, width: Int)
    // Links
    case brokenLink(onPage: Bool, page: String, attribute: String, link: String, problem: Message, byTheme: Bool)
    case textLinkBroken(link: String, page: String, problem: Message)
    case linkEmpty
    case linkOutsideSite(folder: String)
    case linkBadEscape
    case linkAboveRoot
    case linkMissingTarget(target: String)
    case linkMissingScene(scene: String, target: String)
    case linkMissingID(target: String, id: String)
    case hotspotNoScene(from: String, scenes: [String])
    case moreTiles(problem: Message, count: Int)
    // The progress line of each build step: `[3/7] media and 360° tiles`.
    case stepLoad, stepValidate, stepMedia, stepCodes, stepPages, stepFeeds, stepLinks, stepPublish
}

extension Diagnostics {
    package mutating func error(_ location: SourceLocation, _ message: SiteMessage) { error(location, Message(message)) }
    package mutating func warning(_ location: SourceLocation, _ message: SiteMessage, group: Message? = nil) {
        warning(location, Message(message), group: group)
    }
}

extension Diagnostic {
    package static func error(_ location: SourceLocation, _ message: SiteMessage) -> Diagnostic { .error(location, Message(message)) }
    package static func warning(_ location: SourceLocation, _ message: SiteMessage) -> Diagnostic { .warning(location, Message(message)) }
}

extension DinhError {
    package init(_ message: SiteMessage, at location: SourceLocation? = nil) { self.init(Message(message), at: location) }
}
