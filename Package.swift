// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "outcomes",
    // Synchronization's Mutex and Atomic need macOS 15; Linux is where the project is built and tested.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "outcomes", targets: ["outcomes"]),
        .library(name: "OutcomeLedger", targets: ["OutcomeLedger"]),
        .library(name: "OutcomeSite", targets: ["OutcomeSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        // The only C in the project: libcmark-gfm and its extensions, from the system.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The compiler: discover, parse, resolve, validate, report.
        .target(
            name: "OutcomeLedger",
            dependencies: [
                "CCmarkGFM", .product(name: "Yams", package: "Yams"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),
        // The site emitter: pages from templates, JSON summaries, atomic writing.
        .target(
            name: "OutcomeSite",
            dependencies: ["OutcomeLedger", .product(name: "Mustache", package: "swift-mustache")],
            plugins: ["EmbedTheme"]
        ),
        // The preview server of `outcomes serve`.
        .target(
            name: "OutcomeServer",
            dependencies: ["OutcomeLedger", "OutcomeSite", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        // Turns templates/ into Swift source at build time: the theme travels inside the binary.
        .executableTarget(name: "embed-theme", path: "Sources/embed-theme"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["embed-theme"]),
        .target(
            name: "OutcomesCommands",
            dependencies: [
                "OutcomeLedger",
                "OutcomeSite",
                "OutcomeServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "outcomes", dependencies: ["OutcomesCommands"]),
        // libFuzzer target for the untrusted-input stages; `make fuzz` builds it with -DFUZZING.
        .executableTarget(name: "outcomes-fuzz", dependencies: ["OutcomeLedger"], path: "Sources/outcomes-fuzz"),
        .testTarget(
            name: "OutcomeLedgerTests",
            dependencies: [
                "OutcomeLedger", "OutcomeSite", "OutcomeServer", "OutcomesCommands", "outcomes", .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Golden"]
        ),
    ]
)
