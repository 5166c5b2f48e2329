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
            dependencies: ["CCmarkGFM", .product(name: "Yams", package: "Yams")]
        ),
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
            dependencies: ["OutcomeLedger", "OutcomesCommands", "outcomes"]
        ),
    ]
)
