// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "block-storage-conformance",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "ConformanceModel", targets: ["ConformanceModel"]),
        .library(name: "DocExtraction", targets: ["DocExtraction"]),
        .executable(name: "conformance", targets: ["conformance"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
        .executableTarget(
            name: "conformance",
            dependencies: [
                "ConformanceModel",
                "DocExtraction",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ConformanceModelTests", dependencies: ["ConformanceModel"]),
        .testTarget(name: "CLITests", dependencies: ["conformance", "ConformanceModel"]),
        .testTarget(
            name: "DocExtractionTests",
            dependencies: ["DocExtraction", "ConformanceModel"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
