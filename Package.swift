// swift-tools-version:6.0
import PackageDescription

// Every Swift target is built in Swift 6 language mode with the same settings.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Dinh",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Dinh", targets: ["Dinh"]),
        .executable(name: "dinh", targets: ["dinh"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // C libraries from Debian, seen through system-library targets.
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg62-turbo-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CLCMS", pkgConfig: "lcms2", providers: [.apt(["liblcms2-dev"])]),
        // The imaging shim: owns libjpeg's setjmp/longjmp so that it never crosses a Swift frame.
        .target(name: "CDinhImaging", dependencies: ["CJPEG", "CPNG", "CLCMS"]),

        // System calls Swift's Glibc module lacks (renameat2 for the one-step swap of the output).
        .target(name: "CDinhSystem"),

        .target(name: "DinhCore", swiftSettings: swiftSettings),
        .target(
            name: "DinhContent",
            dependencies: ["DinhCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(name: "DinhImaging", dependencies: ["DinhCore", "CDinhImaging"], swiftSettings: swiftSettings),
        .target(name: "DinhPanorama", dependencies: ["DinhCore", "DinhImaging", "CDinhImaging"], swiftSettings: swiftSettings),
        .target(name: "DinhQR", dependencies: ["DinhCore", "CQRencode", "CPNG"], swiftSettings: swiftSettings),
        // Logic-less Mustache templates rendered with typed values.
        .target(name: "DinhTemplate", dependencies: ["DinhCore"], swiftSettings: swiftSettings),
        .target(name: "DinhFeeds", dependencies: ["DinhCore", "DinhContent"], swiftSettings: swiftSettings),
        .target(
            name: "DinhImport",
            dependencies: ["DinhCore", "DinhContent", "DinhQR", "DinhFeeds", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DinhSite",
            dependencies: [
                "DinhCore", "DinhContent", "DinhImaging", "DinhPanorama", "DinhQR", "DinhFeeds", "DinhTemplate", "CDinhSystem",
            ],
            resources: [.copy("Theme")],
            swiftSettings: swiftSettings
        ),
        // The preview server of `dinh serve`: static files, live reload, error overlay.
        .target(
            name: "DinhServe",
            dependencies: ["DinhCore", "DinhQR", "DinhSite"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DinhCLI",
            dependencies: ["DinhSite", "DinhServe", "DinhImport", "DinhImaging", "DinhQR", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Dinh",
            dependencies: ["DinhCore", "DinhContent", "DinhQR", "DinhFeeds", "DinhSite"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "dinh", dependencies: ["DinhCLI", "CDinhSystem"], swiftSettings: swiftSettings),
        .executableTarget(name: "dinh-bench", dependencies: ["Dinh", "DinhImaging", "DinhPanorama"], path: "Sources/dinh-bench", swiftSettings: swiftSettings),
        // libFuzzer targets for the readers of untrusted input (`make fuzz`); built normally, it
        // replays saved inputs (`dinh-fuzz TARGET FILE…`).
        .executableTarget(name: "dinh-fuzz", dependencies: ["DinhContent", "DinhCore", "DinhImaging", "DinhImport"], path: "Sources/dinh-fuzz", swiftSettings: swiftSettings),

        .executableTarget(name: "feed-example", dependencies: ["Dinh"], path: "Examples/feed-example", swiftSettings: swiftSettings),
        .executableTarget(name: "site-from-code", dependencies: ["Dinh"], path: "Examples/site-from-code", exclude: ["products.csv"],
                          swiftSettings: swiftSettings),

        .target(name: "DinhTestSupport", dependencies: ["DinhCore"], path: "Tests/DinhTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "DinhCoreTests", dependencies: ["DinhCore", "DinhTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "DinhContentTests", dependencies: ["DinhContent", "DinhTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "DinhImagingTests", dependencies: ["DinhImaging", "DinhTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "DinhPanoramaTests", dependencies: ["DinhPanorama", "DinhTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "DinhQRTests", dependencies: ["DinhQR", "DinhTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "DinhFeedsTests", dependencies: ["DinhFeeds", "DinhTestSupport"], exclude: ["Snapshots"], swiftSettings: swiftSettings),
        .testTarget(name: "DinhImportTests", dependencies: ["DinhImport", "DinhTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "DinhTemplateTests", dependencies: ["DinhTemplate", "DinhTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "DinhSiteTests", dependencies: ["DinhSite", "DinhContent", "DinhFeeds", "DinhTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "DinhServeTests", dependencies: ["DinhServe", "DinhSite", "DinhTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "DinhCLITests", dependencies: ["DinhTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "DinhMessagesTests", dependencies: ["DinhCLI", "DinhImport", "DinhServe", "DinhSite", "DinhFeeds", "DinhQR", "DinhImaging",
                                                               "DinhTemplate", "DinhContent", "DinhCore", "DinhTestSupport"], swiftSettings: swiftSettings),
    ]
)
