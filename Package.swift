// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "outcomes",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "outcomes", targets: ["outcomes"]),
        .library(name: "OutcomeLedger", targets: ["OutcomeLedger"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The only C in the project: libcmark-gfm and its extensions, from the system.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "OutcomeLedger",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTheme"]
        ),
        // Turns templates/ into Swift source at build time: the theme travels inside the binary.
        .executableTarget(name: "embed-theme", path: "Sources/embed-theme"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["embed-theme"]),
        .target(
            name: "OutcomesCommands",
            dependencies: [
                "OutcomeLedger",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "outcomes", dependencies: ["OutcomesCommands"]),
        .testTarget(
            name: "OutcomeLedgerTests",
            dependencies: ["OutcomeLedger", "OutcomesCommands", "outcomes", .product(name: "Yams", package: "Yams")],
            exclude: ["Golden"]
        ),
    ]
)
