// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "X12Toolkit",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "X12", targets: ["X12"]),
        .library(name: "X12Claims", targets: ["X12Claims"]),
        .library(name: "X12Remittance", targets: ["X12Remittance"]),
        .library(name: "X12Acknowledgments", targets: ["X12Acknowledgments"]),
        .library(name: "X12Matching", targets: ["X12Matching"]),
        .library(name: "X12Validation", targets: ["X12Validation"]),
        .library(name: "X12Ledger", targets: ["X12Ledger"]),
        .library(name: "X12Output", targets: ["X12Output"]),
        .executable(name: "x12", targets: ["x12"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        .target(name: "X12"),
        .target(name: "X12Claims", dependencies: ["X12"]),
        .target(name: "X12Remittance", dependencies: ["X12"]),
        .target(name: "X12Acknowledgments", dependencies: ["X12"]),
        .target(name: "X12Matching", dependencies: ["X12", "X12Claims", "X12Remittance", "X12Acknowledgments"]),
        .target(name: "X12Validation", dependencies: ["X12"], resources: [.copy("Specs")]),
        .target(name: "X12Output", dependencies: ["X12", "X12Remittance", "X12Acknowledgments", "X12Validation", "X12Claims"]),
        .target(
            name: "X12Ledger",
            dependencies: [
                "X12",
                "X12Claims",
                "X12Remittance",
                "X12Acknowledgments",
                "X12Matching",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "X12Server",
            dependencies: [
                "X12",
                "X12Validation",
                "X12Remittance",
                "X12Acknowledgments",
                "X12Ledger",
                "X12Output",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]
        ),
        .executableTarget(
            name: "x12",
            dependencies: [
                "X12", "X12Claims", "X12Remittance", "X12Acknowledgments", "X12Validation",
                "X12Server",
                "X12Ledger",
                "X12Output",
                "X12Matching",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "X12Benchmark",
            dependencies: [
                "X12", "X12Claims", "X12Remittance", "X12Acknowledgments", "X12Validation",
                "X12Ledger", "X12Output",
            ],
            path: "Benchmarks/X12Benchmark"
        ),
        .target(name: "X12TestSupport", dependencies: ["X12"], path: "Tests/X12TestSupport"),
        .testTarget(name: "X12Tests", dependencies: ["X12", "X12TestSupport"]),
        .testTarget(name: "X12ClaimsTests", dependencies: ["X12Claims", "X12TestSupport"]),
        .testTarget(name: "X12RemittanceTests", dependencies: ["X12Remittance", "X12Output", "X12TestSupport"]),
        .testTarget(name: "X12OutputTests", dependencies: ["X12Output", "X12Remittance", "X12Claims", "X12TestSupport"]),
        .testTarget(name: "X12AcknowledgmentsTests", dependencies: ["X12Acknowledgments", "X12TestSupport"]),
        .testTarget(name: "X12ValidationTests", dependencies: ["X12Validation", "X12TestSupport"]),
        .testTarget(name: "x12Tests", dependencies: ["x12", "X12Ledger", "X12TestSupport"]),
        .testTarget(name: "X12LedgerTests", dependencies: ["X12Ledger", "X12TestSupport"]),
        .testTarget(name: "X12MatchingTests", dependencies: ["X12Matching", "X12Ledger", "X12Output", "X12TestSupport"]),
        .testTarget(
            name: "X12ServerTests",
            dependencies: [
                "X12",
                "X12Remittance",
                "X12Server",
                "X12Ledger",
                "X12TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
