// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "block-storage-conformance",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "ConformanceModel", targets: ["ConformanceModel"]),
        .library(name: "DocExtraction", targets: ["DocExtraction"]),
        .library(name: "ConformanceSpecs", targets: ["ConformanceSpecs"]),
        .library(name: "Conformance", targets: ["Conformance"]),
        .library(name: "SpecDiff", targets: ["SpecDiff"]),
        .library(name: "ConformanceTesting", targets: ["ConformanceTesting"]),
        .library(name: "ConformanceGoldens", targets: ["ConformanceGoldens"]),
        .executable(name: "conformance", targets: ["conformance"]),
        .executable(name: "conformance-bench", targets: ["conformance-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Without its default ExternalLoading trait OpenAPIKit builds notably faster; the suite
        // never loads external references.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "ConformanceModel"),
        .target(
            name: "DocExtraction",
            dependencies: ["ConformanceModel", "CLibXML2"]
        ),
        .target(name: "ConformanceSpecs", dependencies: ["ConformanceModel"]),
        .target(name: "Conformance", dependencies: ["ConformanceModel", "ConformanceSpecs"]),
        .target(name: "ConformanceTesting", dependencies: ["Conformance", "ConformanceModel", "ConformanceGoldens"]),
        // The golden payloads as resources, so that `Goldens.load` works in a dependent package.
        // SwiftPM takes resources only from inside a target's folder and copies a symlink as a
        // link (dangling in the bundle), so the target's folder is golden/ itself: the one copy
        // that `conformance golden` writes and `generate --check` checks. One `.copy` per
        // service folder keeps the paths (`<service>/<operation>/<file>`); a new service's folder
        // is added here (GoldenFilesTests fails until it is).
        .target(
            name: "ConformanceGoldens",
            dependencies: ["ConformanceModel"],
            path: "golden",
            resources: ["baidu-bcc", "huawei-ecs", "huawei-evs", "tencent-cbs"].map { .copy($0) }
        ),
        .target(
            name: "ConformanceServer",
            dependencies: [
                "Conformance",
                "ConformanceModel",
                "ConformanceSpecs",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .target(name: "SpecDiff", dependencies: ["ConformanceModel", "DocExtraction"]),
        .target(
            name: "SpecExport",
            dependencies: ["ConformanceModel", .product(name: "OpenAPIKit", package: "OpenAPIKit")]
        ),
        .executableTarget(
            name: "conformance",
            dependencies: [
                "ConformanceModel",
                "DocExtraction",
                "ConformanceSpecs",
                "SpecExport",
                "SpecDiff",
                "Conformance",
                "ConformanceServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "conformance-bench",
            dependencies: ["Conformance", "ConformanceModel", "ConformanceSpecs", "DocExtraction"]
        ),
        .testTarget(name: "ConformanceModelTests", dependencies: ["ConformanceModel"]),
        .testTarget(
            name: "ConformanceSpecsTests",
            dependencies: ["ConformanceSpecs", "ConformanceModel", "SpecExport", .product(name: "OpenAPIKit", package: "OpenAPIKit")]
        ),
        .testTarget(
            name: "ConformanceTests",
            dependencies: ["Conformance", "ConformanceModel", "ConformanceSpecs", "ConformanceGoldens"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ConformanceServerTests",
            dependencies: [
                "ConformanceServer",
                "Conformance",
                "ConformanceModel",
                "ConformanceSpecs",
                "ConformanceTesting",
                "ConformanceGoldens",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "CLITests", dependencies: ["conformance", "ConformanceModel", "ConformanceTesting"], exclude: ["Schemathesis/bce_signing.py", "Schemathesis/schemathesis.toml"]),
        .testTarget(name: "ConformanceTestingTests", dependencies: ["ConformanceTesting"]),
        .testTarget(
            name: "SpecDiffTests",
            dependencies: ["SpecDiff", "ConformanceModel", "DocExtraction", "ConformanceSpecs"]
        ),
        .testTarget(
            name: "DocExtractionTests",
            dependencies: ["DocExtraction", "ConformanceModel"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
