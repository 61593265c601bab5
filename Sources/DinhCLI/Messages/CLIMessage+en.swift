import DinhCore

extension CLIMessage: TranslatedTable {
    package var english: String {
        switch self {
        case .rootAbstract: "Build a heritage and OCOP products website from a content folder."
        case .rootDiscussion:
            "Start with `dinh init`, edit the files, then `dinh build`. Every problem is reported as file:line:column. "
                + "Messages are in Vietnamese when the locale is Vietnamese (LANG=vi_VN.UTF-8) or with --lang vi; --lang en forces English."
        case .buildAbstract: "Build the website into the output folder (default ./public)."
        case .checkAbstract: "Check the content, media, links and QR codes; build nothing."
        case .serveAbstract: "Preview the site in a browser; it is rebuilt and reloaded whenever a content file changes."
        case .serveDiscussion:
            """
            The site is built into a temporary folder (removed on exit; choose one with --output) and served \
            on http://127.0.0.1:8080/. With --host 0.0.0.0 phones on the same Wi-Fi can open it too. \
            A build with errors prints them here and over the page in the browser, and the last good \
            version stays on screen. Stop with Ctrl-C.
            """
        case .qrAbstract: "Write the QR codes (PNG, SVG) and printable placards into <output>/qr/ only."
        case .importAbstract: "Import a list from a spreadsheet into the content folder."
        case .importProductsAbstract: "Create product folders (and missing producers) from a cooperative's CSV or .xlsx list."
        case .importProductsDiscussion:
            "Headers may be Vietnamese or English (Tên sản phẩm, Giá, Số sao OCOP, Nhóm, HTX…). Nothing is written if any cell is wrong."
        case .initAbstract: "Create a new content folder with one example relic and one example product."
        case .helpContentFolder: "The content folder."
        case .helpOutput: "The output folder, replaced as a whole when the build succeeds."
        case .helpBaseURL: "Use this address instead of base_url from site.yaml."
        case .helpJobs: "How many images to process at once (default: the number of cores)."
        case .helpQuiet: "Print nothing but problems."
        case .helpQROutput: "The site's output folder; codes go into its qr/ folder."
        case .helpPlacardSize: "Placard paper size: A3 (a board at a gate), A4, A5 or A6."
        case .helpPort: "The port to listen on (default 8080, or the next free one; 0: any free port)."
        case .helpHost: "The address to listen on: 127.0.0.1 (this computer only) or 0.0.0.0 (phones on the same network too)."
        case .helpServeOutput: "Build into this folder and keep it (default: a temporary folder)."
        case .helpSpreadsheet: "The spreadsheet: .csv (UTF-8, with or without BOM) or .xlsx."
        case .helpSheet: "The worksheet of an .xlsx workbook to import, by the name on its tab (by default the first)."
        case .helpUpdate: "Update products that already exist with what the sheet gives, keeping what it does not (by default they are left untouched)."
        case .helpInitFolder: "The folder to create."
        case .helpLanguage: "The language of messages: vi (Vietnamese) or en (English); default: the locale (LANG)."
        case .jobsAtLeastOne: "--jobs must be 1 or more"
        case .portRange: "--port must be between 0 and 65535"
        case .placardSizeChoice: "--size must be A3, A4, A5 or A6"
        case .helpQRCodes: "Codes whose boards to print alone (DP04 HT42): they also make the sheet qr/print.html."
        case .codeAsContentFolder(let code): "\(code) is a code, not a content folder: write the folder first, `dinh qr content \(code)`"
        case .unknownCommand(let found, let guess): "there is no command '\(found)'; did you mean 'dinh \(guess)'? ('dinh --help' lists them)"
        case .languageChoice(let found): "--lang must be vi (Vietnamese) or en (English), not '\(found)'"
        case .sheetOfCSV(let file): "--sheet chooses a worksheet of an .xlsx workbook; \(file) is a CSV file, which has one: leave --sheet out"
        case .spreadsheetExtension(let file): "\(file) must be a .csv or .xlsx file (in Excel: File › Save As › CSV UTF-8)"
        case .initFolderNotEmpty(let folder): "\(folder) already exists and is not empty; choose a new folder name so nothing is overwritten"
        case .summaryErrors(let errors, let warnings):
            "\(Language.en.count(errors, "error")), \(Language.en.count(warnings, "warning")): fix the errors above and run again (nothing was changed)"
        case .summaryWarnings(let warnings): Language.en.count(warnings, "warning")
        case .moreWarningsLikeThis(let count): "  … and the same warning for \(Language.en.count(count, "more file")) (`dinh check` lists every one)"
        case .built(let pages, let files, let output, let seconds, let processed, let cached):
            "Built \(pages) pages (\(files) files) into \(output) in \(seconds) s; images: \(processed) processed, \(cached) from the cache"
        case .noErrors(let content): "No errors in \(content)"
        case .printOnly(let count, let sheet): "To print only \(count == 1 ? "this board" : "these \(count) boards"): open \(sheet) and print it (Ctrl+P) at 100 %"
        case .wroteCodes(let count, let output): "Wrote \(count) QR codes and placards into \(output)/qr (print \(output)/qr/index.html)"
        case .created(let folder):
            """
            Created \(folder)/ with an example relic, product, producer and page.
            Next: edit \(folder)/site.yaml, then run `dinh serve \(folder)` to preview it in the browser (the page follows
            your edits, and you place the 360° hotspots by clicking); when done, `dinh build \(folder)` makes the site in public/.
            """
        case .noContentFolder(let folder): "there is no content folder at \(folder); create one with `dinh init \(folder)`"
        case .serving(let url): "Serving on \(url)"
        case .servingHere(let url): "Serving on \(url) (this computer)"
        case .servingNetwork(let url): "       and \(url) (phones on the same network)"
        case .watching: "Watching for changes; press Ctrl-C to stop."
        case .helpEdit: "Keep the tour editor of relic pages when --host opens the preview to the network (it is on by default on 127.0.0.1; edits are accepted from this computer only)."
        case .tourEditorOn: "Tour editor: open a relic page and press \"Edit tour\" to place hotspots by clicking."
        case .tourEditorOnNetwork(let host, let url):
            "warning: --edit with --host \(host): the tour editor is on while the preview is open to the network; edits are accepted only from this computer (\(url)), and everyone on the network sees the pages as you edit them"
        case .fileChanged(let file): "\(file) changed: "
        case .filesChanged(let count): "\(count) files changed: "
        case .rebuilt(let cause, let pages, let seconds): "\(cause)built \(pages) pages in \(seconds) s"
        case .rebuildFailed(let cause, let errors, let firstBuild):
            "\(cause)\(Language.en.count(errors, "error")): \(firstBuild ? "nothing to show yet" : "still showing the last good build"); save a fix and the page reloads"
        }
    }
}
