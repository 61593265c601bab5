import DinhCore

extension SiteMessage: TranslatedTable {
    package var english: String {
        switch self {
        case .codeSummary(let code, let version, let modules, let level, let alphanumeric, let payload, let meeting, let payVersion, let payModules, let payLevel):
            "\(code): version \(version), \(modules)×\(modules) modules, level \(level), \(alphanumeric ? "alphanumeric" : "as written"): \(payload)"
                + (meeting ? "; A4 sheet for the meeting table: qr/\(code)-placard.html" : "")
                + (payVersion.map { "; VietQR payment code: version \($0), \(payModules ?? 0)×\(payModules ?? 0) modules, level \(payLevel ?? ""), qr/\(code)-pay.png" } ?? "")
        case .baseURLOverride(let value): "'\(value)' is not a full web address starting with https://"
        case .outputBeforeMedia(let path): "\(path) cannot be written before the output folder is prepared (the media step)"
        case .unknownStep(let name, let steps): "a step was added after '\(name)', which is not a step of the build; the steps are: \(steps.joined(separator: ", "))"
        case .photoUnusable(let path, let reason): "'\(path)' cannot be used: \(reason.text(in: .en))"
        case .notAnImage: "it could not be read as an image"
        case .outputOverwritesContent(let path, let beside?):
            "the output folder \(path) is inside the content folder, and a site built there would be read as content; build beside it: --output \(beside)"
        case .outputOverwritesContent(let path, nil): "the output folder \(path) would overwrite the content or a system folder; choose another --output folder"
        case .outputHoldsOtherFiles(let path, let example): "the folder \(path) holds files or folders that are not a website (such as \(example)): a build replaces the whole folder, so they would be lost; choose an empty or new folder with --output, or move those files elsewhere first"
        case .outputIsFile(let path): "the output \(path) is a file, not a folder; choose another --output folder"
        case .cannotCreateFolderIn(let path, let reason): "cannot create a folder in \(path): \(reason)"
        case .writeOutside(let path): "refusing to write \(path) outside the output folder"
        case .cannotCreateFolder(let path, let reason): "cannot create the folder \(path): \(reason)"
        case .cannotPublish(let source, let relative, let reason): "cannot publish \(source) as \(relative): \(reason)"
        case .diskFull(let folder, let free, let needed):
            "the disk holding \(folder) is full (\(free) free; the site needs about \(needed)): free some space or choose another --output folder, then build again. The published site is unchanged"
        case .cannotPutSite(let path, let reason): "cannot put the new site in \(path): \(reason)"
        case .cannotOpenFolder(let path, let reason): "cannot open the folder \(path): \(reason)"
        case .cannotLock(let path, let reason): "cannot lock \(path): \(reason)"
        case .lockNotUpdated(let lock, let reason): "the output was written, but \(lock) could not be updated: \(reason)"
        case .cannotMakeQR(let code, let reason): "cannot make the QR code of \(code): \(reason.text(in: .en))"
        case .captionsAfterTheEnd(let path, let at, let audio, let length):
            "'\(path)' has a caption at \(at), after the end of '\(audio)' (\(length)): it does not belong to this recording; check that the caption file and the recording are the same version"
        case .waitingForOtherBuild(let folder): "another dinh build is writing \(folder); waiting for it to finish"
        case .noSuchCode(let code, let suggestion):
            "no page of this site has the code \(code)" + (suggestion.map { "; did you mean \($0)?" } ?? "") + " (the codes are the `code:` of each page, and the lines of codes.lock)"
        case .printingExampleAddress(let url):
            "nothing was printed: 'base_url' is still the example address \(url), and boards printed from it would open nothing; write in site.yaml the address where the site will be published, then print"
        case .cannotDrawPayQR(let code, let reason): "cannot draw the VietQR payment code of \(code): \(reason.text(in: .en))"
        case .placardNameCut(let code, let language, let printed, let size, let room):
            "the \(LocalizedText.languageName(language, in: .en)) name is too long for the QR board of \(code) (\(size)) and is printed cut: '\(printed)'; a board has room for about \(room) characters of it (on every paper size): shorten it"
        case .cannotDrawQR(let code, let reason): "cannot draw the QR code of \(code): \(reason.text(in: .en))"
        case .cannotKeepQR(let code, let folder, let reason): "cannot keep the QR code of \(code) in \(folder): \(reason.text(in: .en))"
        case .themeMissing(let folder, let beside): "the built-in theme is missing: the folder \(folder) must be beside dinh (in \(beside)); copy it there from the folder where dinh was built (.build/release/), or install both with `make install`"
        case .templateUnused(let templates): "this template is not used by dinh (the templates are: \(templates.joined(separator: ", ")); partials start with _)"
        case .templateNotUTF8: "this template cannot be read as UTF-8 text"
        case .templateError(let detail): "this template has a Mustache error: \(detail.text(in: .en))"
        case .templateMissingPartial(let tag, let name): "this template includes \(tag), but there is no template \(name).mustache"
        case .panoramaUnreadable(let path): "'\(path)' cannot be read"
        case .panoramaUnusable(let path, let reason): "'\(path)' cannot be used as a 360° panorama: \(reason.text(in: .en))"
        case .panoramaBlurred(let path, let width):
            "'\(path)' is only \(width) pixels wide and will look blurred; export the panorama at least 4096×2048 (phones and 360° cameras make 6000×3000 or more)"
        case .brokenLink(let onPage, let page, let attribute, let link, let problem, let byTheme):
            "broken link \(onPage ? "on page" : "in") \(page): \(attribute) '\(link)' \(problem.text(in: .en))" + (byTheme ? " (written by the theme)" : "")
        case .textLinkBroken(let link, let page, let problem): "the link '\(link)' on page \(page) \(problem.text(in: .en))"
        case .linkEmpty: "is empty"
        case .linkOutsideSite(let folder): "points outside the site's folder \(folder) (the site may be published under a sub-folder: use a relative link)"
        case .linkBadEscape: "is not a valid address (bad % escape)"
        case .linkAboveRoot: "climbs above the site's root folder"
        case .linkMissingTarget(let target): "leads to /\(target), which the built site does not have"
        case .linkMissingScene(let scene, let target): "leads to scene '\(scene)', which is not in the 360° tour of \(target)"
        case .linkMissingID(let target, let id): "leads to \(target), which has no element with id '\(id)'"
        case .hotspotNoScene(let from, let scenes): "in scene '\(from)' leads to no scene of this tour (its scenes: \(scenes.joined(separator: ", ")))"
        case .moreTiles(let problem, let count): "\(problem.text(in: .en)) (and \(count) more tiles of this panorama)"
        case .stepLoad: "load content"
        case .stepValidate: "theme and codes"
        case .stepMedia: "media and 360° tiles"
        case .stepCodes: "QR codes"
        case .stepPages: "pages"
        case .stepFeeds: "feeds and sitemap"
        case .stepLinks: "links"
        case .stepPublish: "publish"
        }
    }
}
