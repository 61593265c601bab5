import DinhContent
import DinhCore
import DinhImaging
import DinhImport
import Foundation

/// The readers of what users and strangers hand Dinh, each fed arbitrary bytes: libFuzzer's
/// `LLVMFuzzerTestOneInput` when built by `make fuzz` (with `-sanitize=fuzzer,address` and
/// `-D FUZZING`), otherwise a program that replays saved inputs, `dinh-fuzz TARGET FILE…`, as the
/// regression tests and anyone reproducing a crash do.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// A whole `index.md`: front matter split off, its YAML composed (aliases bounded), the body rendered.
    case frontMatter = "front-matter"
    /// The Markdown renderer alone.
    case markdown
    /// WebVTT transcripts and captions.
    case webvtt
    /// Product lists: CSV as Excel writes it.
    case csv
    /// Product lists: .xlsx workbooks (a zip of XML parts).
    case xlsx
    /// The XML parts of a workbook, read by Dinh's own XML reader (sheet, strings, styles, relations).
    case workbookXML = "workbook-xml"
    /// The JPEG and PNG decoders of the C shim (libjpeg-turbo, libpng, lcms2), and their headers.
    case image

    /// A folder of this process's own for inputs that must be files (in memory where Linux allows).
    static let scratch: URL = {
        let shm = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
        let base = FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("dinh-fuzz-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: FuzzTarget.scratch) }
        return folder
    }()

    func run(_ data: Data) {
        switch self {
        case .frontMatter:
            let text = String(decoding: data, as: UTF8.self)
            let source = SourceText.split(text, path: "fuzz.md")
            if let yaml = source.frontMatter {
                _ = YAMLReader.parse(yaml, path: "fuzz.md", lineOffset: source.frontMatterLineOffset)
            }
            _ = Markdown.render(source.body, firstLine: source.bodyFirstLine)
        case .markdown:
            _ = Markdown.render(String(decoding: data, as: UTF8.self))
        case .webvtt:
            _ = WebVTT.parse(String(decoding: data, as: UTF8.self))
        case .csv:
            _ = try? Table.read(csv: data, displayPath: "fuzz.csv")
        case .xlsx:
            // Through a file, as `dinh import` reads one (ZIPFoundation's in-memory archive is
            // another reader, with its own bugs, that Dinh does not use).
            let file = Self.scratch.appendingPathComponent("fuzz.xlsx")
            if (try? data.write(to: file)) == nil {
                // Another fuzz run's clean-up may have removed the folder: make it again, so a
                // run never counts inputs it did not read.
                try? FileManager.default.createDirectory(at: Self.scratch, withIntermediateDirectories: true)
                guard (try? data.write(to: file)) != nil else { fatalError("cannot write \(file.path)") }
            }
            _ = try? Table.read(file, displayPath: "fuzz.xlsx")
        case .workbookXML:
            XLSXReader.readEveryPart(data)
        case .image:
            // A 4-megapixel limit keeps each run fast; the limit itself is tested elsewhere.
            let decoder = ImageDecoder(maximumPixels: 4_000_000)
            _ = try? decoder.info(data, path: "fuzz")
            _ = try? decoder.decode(data, path: "fuzz")
        }
    }
}

#if FUZZING
/// Chosen once from `DINH_FUZZ_TARGET` (libFuzzer owns the command line).
let fuzzTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["DINH_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("set DINH_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    fuzzTarget.run(data)
    return 0
}

/// libFuzzer's driver, for a program that has its own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point as `<name>_main` (and `main` to it), where
/// libFuzzer would bring its own `main`: this one hands the command line to libFuzzer's driver.
@_cdecl("dinh_fuzz_main")
public func dinhFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    _ = fuzzTarget
    return LLVMFuzzerRunDriver(&count, &arguments) { bytes, length in fuzzTestOneInput(bytes, length) }
}
#else
@main
struct DinhFuzz {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: dinh-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE…   (replays saved inputs; make fuzz builds the fuzzers)")
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("cannot read \(path)")
                exit(1)
            }
            target.run(data)
        }
    }
}
#endif
