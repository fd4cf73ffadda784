// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Tonlage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tonlage", targets: ["tonlage"]),
        .library(name: "TonlageCore", targets: ["TonlageCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Pure: a compiled guide and a reply go in, a scorecard comes out. No printing, no terminal.
        .target(
            name: "TonlageCore",
            dependencies: ["CHunspell", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        // GNU Hunspell for the `spelling` rule kind (libhunspell-dev); dictionaries come from the system.
        .systemLibrary(name: "CHunspell", providers: [.apt(["libhunspell-dev"])]),
        // Scenario files, their validation and the branching engine.
        .target(
            name: "TonlageScenarios",
            dependencies: ["TonlageCore", .product(name: "Yams", package: "Yams")]
        ),
        // `tonlage lint`: checks of guides and scenarios beyond the loaders, and exploration.
        .target(
            name: "TonlageLint",
            dependencies: ["TonlageCore", "TonlageScenarios", "TonlageCertify"]
        ),
        // `tonlage certify`: answer files walked through the scenarios, plans, certificates.
        .target(
            name: "TonlageCertify",
            dependencies: ["TonlageCore", "TonlageScenarios", .product(name: "Yams", package: "Yams"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The progress store: one protocol, SQLite in WAL mode through GRDB (the default) and
        // PostgreSQL through PostgresNIO (a team's shared database).
        .target(
            name: "TonlageStore",
            dependencies: [
                "TonlageCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The training layer: a session over a scenario run (turns, retries, hints, the summary
        // and what to practise next) and the one recording loop every front end writes through.
        .target(
            name: "TonlageTraining",
            dependencies: ["TonlageCore", "TonlageScenarios", "TonlageStore"]
        ),
        // GNU readline for the REPL (libreadline-dev).
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        .executableTarget(
            name: "tonlage",
            dependencies: [
                "TonlageCore",
                "TonlageScenarios",
                "TonlageStore",
                "TonlageTraining",
                "TonlageLint",
                "TonlageCertify",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Throughput benchmark: `swift run -c release tonlage-bench`.
        .executableTarget(
            name: "tonlage-bench",
            dependencies: ["TonlageCore", "TonlageScenarios", "TonlageStore", "TonlageTraining", "TonlageCertify"],
            path: "Benchmarks/TonlageBench"
        ),
        // Seeded fuzz targets for the JSONL reader, the guide and scenario loaders and the scorer:
        // briefly in `swift test`, a million inputs each with `swift run -c release tonlage-fuzz`.
        .target(
            name: "TonlageFuzzing",
            dependencies: ["TonlageCore", "TonlageScenarios"],
            path: "Fuzz/TonlageFuzzing"
        ),
        .executableTarget(
            name: "tonlage-fuzz",
            dependencies: ["TonlageCore", "TonlageFuzzing"],
            path: "Fuzz/TonlageFuzz"
        ),
        .testTarget(name: "TonlageCoreTests", dependencies: ["TonlageCore"]),
        .testTarget(name: "TonlageFuzzTests", dependencies: ["TonlageFuzzing", "TonlageCore"]),
        .testTarget(name: "TonlageScenariosTests", dependencies: ["TonlageScenarios", "TonlageCore"]),
        .testTarget(name: "TonlageStoreTests", dependencies: ["TonlageStore", "TonlageCore"]),
        .testTarget(name: "TonlageTrainingTests", dependencies: ["TonlageTraining", "TonlageStore", "TonlageScenarios", "TonlageCore"]),
        .testTarget(name: "TonlageCertifyTests", dependencies: ["TonlageCertify", "TonlageScenarios", "TonlageCore"]),
        .testTarget(name: "TonlageLintTests", dependencies: ["TonlageLint", "TonlageScenarios", "TonlageCore"]),
        // Runs the built `tonlage` binary; linking the executable module in would hide these tests from discovery on Linux.
        .testTarget(name: "TonlageCLITests"),
    ],
    swiftLanguageModes: [.v6]
)
