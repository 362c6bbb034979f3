// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NextSend",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "NextSend", targets: ["NextSend"]),
        .library(name: "NextSendStore", targets: ["NextSendStore"]),
        .library(name: "NextSendDigest", targets: ["NextSendDigest"]),
        .library(name: "NextSendReports", targets: ["NextSendReports"]),
        .library(name: "NextSendService", targets: ["NextSendService"]),
        .library(name: "NextSendPostgres", targets: ["NextSendPostgres"]),
        .executable(name: "nextsend", targets: ["nextsend"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.30.0"),
    ],
    targets: [
        // The pure library: model, taxonomy, catalog parsing and validation, diagnosis, matcher.
        // No SQLite, no clock, no file system.
        .target(
            name: "NextSend",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // SQLite persistence and the file-system side of importing content.
        .target(
            name: "NextSendStore",
            dependencies: [
                "NextSend", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The synthetic dataset generator for benchmarks (`nextsend generate`), out of the library
        // that ships to integrators.
        .target(
            name: "NextSendSynthetic",
            dependencies: ["NextSend", "NextSendStore"]
        ),
        // The weekly digest: builds rep and marketing digests, renders them, runs the batch.
        .target(
            name: "NextSendDigest",
            dependencies: [
                "NextSend", "NextSendStore", "NextSendMail", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [
                // Compiled into the binary, so `nextsend` works wherever it is copied.
                .embedInCode("Templates/rep.md.mustache"),
                .embedInCode("Templates/rep.html.mustache"),
                .embedInCode("Templates/marketing.md.mustache"),
                .embedInCode("Templates/marketing.html.mustache"),
            ]
        ),
        // The answers the CLI's --json and the HTTP API share: one shape and one message per question.
        .target(
            name: "NextSendReports",
            dependencies: ["NextSend", "NextSendStore", "NextSendCRM", "NextSendMail", .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "Logging", package: "swift-log")]
        ),
        // `nextsend serve`: the JSON API generated from openapi.yaml and the web page for reps.
        .target(
            name: "NextSendService",
            dependencies: [
                "NextSend", "NextSendStore", "NextSendReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [
                .embedInCode("Pages/layout.mustache"),
                .embedInCode("Pages/signin.mustache"),
                .embedInCode("Pages/groups.mustache"),
                .embedInCode("Pages/group.mustache"),
                .embedInCode("Pages/problem.mustache"),
                .embedInCode("Pages/team.mustache"),
            ],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // The store in PostgreSQL, for teams whose services and digest workers share one database.
        .target(
            name: "NextSendPostgres",
            dependencies: [
                "NextSend", "NextSendStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // CRM exports (Salesforce, HubSpot) read into buying groups: CSV, the mapping file, the readers.
        .target(
            name: "NextSendCRM",
            dependencies: ["NextSend", "NextSendStore", .product(name: "Yams", package: "Yams"), .product(name: "Logging", package: "swift-log")],
            // The shipped mapping (content/crm.yaml links here), compiled in: a first import without
            // --mapping uses it wherever the binary runs.
            resources: [.embedInCode("Defaults/crm.yaml")]
        ),
        // E-mail: MIME messages and an SMTP client over SwiftNIO (STARTTLS, AUTH over TLS only).
        .target(
            name: "NextSendMail",
            dependencies: [
                "NextSend",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // The commands of `nextsend`: parse arguments, call the desk, print. A library, so tests run a
        // command in process (`NextSendCommand.run(_:)`) with its own output, environment and input.
        .target(
            name: "NextSendCommands",
            dependencies: [
                "NextSend", "NextSendStore", "NextSendDigest", "NextSendReports", "NextSendService", "NextSendCRM", "NextSendPostgres",
                "NextSendSynthetic", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The `nextsend` binary: a `main` over NextSendCommands, nothing else.
        .executableTarget(
            name: "nextsend",
            dependencies: ["NextSendCommands"]
        ),
        // Measures NextSend in process on a generated dataset; Scripts/bench drives it.
        .executableTarget(
            name: "nextsend-bench",
            dependencies: ["NextSend", "NextSendStore", "NextSendDigest"]
        ),
        // Sample taxonomy, assets and temporary folders shared by the test targets.
        .target(
            name: "NextSendTestSupport",
            dependencies: ["NextSend"],
            path: "Tests/NextSendTestSupport"
        ),
        .testTarget(
            name: "NextSendTests",
            dependencies: ["NextSend", "NextSendSynthetic", "NextSendTestSupport"]
        ),
        .testTarget(
            name: "NextSendStoreTests",
            dependencies: ["NextSendStore", "NextSendPostgres", "NextSend", "NextSendSynthetic", "NextSendTestSupport"]
        ),
        .testTarget(
            name: "NextSendDigestTests",
            dependencies: ["NextSendDigest", "NextSendMail", "NextSendStore", "NextSend", "NextSendSynthetic", "NextSendTestSupport"]
        ),
        .testTarget(
            name: "NextSendCRMTests",
            dependencies: ["NextSendCRM", "NextSend", "NextSendSynthetic", "NextSendTestSupport"]
        ),
        .testTarget(
            name: "NextSendServiceTests",
            dependencies: [
                "NextSendService", "NextSendStore", "NextSendPostgres", "NextSendReports", "NextSend", "NextSendTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "nextsendTests",
            dependencies: ["NextSendCommands", "nextsend", "NextSend", "NextSendTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
