import Foundation
import XCTest

/// The target graph of Package.swift keeps the boundaries of DESIGN.md, and every `import` in a target's sources
/// is a dependency the manifest declares.
final class PackageGraphTests: XCTestCase {
    private static let root = MatchingTestSupport.packageRoot

    private func manifest() throws -> PackageManifest {
        PackageManifest(try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8))
    }

    func testManifestIsReadAsWritten() throws {
        let manifest = try manifest()
        XCTAssertEqual(manifest.targets["X12"]?.dependencies, [])
        XCTAssertEqual(manifest.targets["X12Matching"]?.dependencies, ["X12", "X12Claims", "X12Remittance", "X12Acknowledgments"])
        XCTAssertEqual(manifest.targets["X12Ledger"]?.products, ["GRDB", "Crypto"])
        XCTAssertEqual(manifest.targets["X12Benchmark"]?.path, "Benchmarks/X12Benchmark")
        XCTAssertEqual(manifest.targets["X12MatchingTests"]?.kind, .test)
    }

    func testNoForbiddenDependency() throws {
        XCTAssertEqual(try manifest().forbiddenDependencies(), [])
    }

    func testTheCheckFindsAForbiddenDependency() {
        let manifest = PackageManifest("""
            .target(name: "X12", dependencies: ["X12Output"]),
            .target(name: "X12Claims", dependencies: ["X12"]),
            .target(name: "X12Billing", dependencies: ["X12Claims"]),
            .target(name: "X12Remittance", dependencies: ["X12", "X12Billing"]),
            .target(name: "X12Acknowledgments", dependencies: ["X12"]),
            .target(name: "X12Validation", dependencies: ["X12Acknowledgments"]),
            """)
        XCTAssertEqual(manifest.forbiddenDependencies(), [
            "X12 depends on X12Output: the core imports no other target",
            "X12Remittance depends on X12Billing: no 837 claim or billing target",
            "X12Remittance depends on X12Claims: no 837 claim or billing target",
            "X12Validation depends on X12Acknowledgments: no transaction target",
        ])
    }

    func testEveryImportIsDeclared() throws {
        let manifest = try manifest()
        var undeclared: [String] = []
        for (name, target) in manifest.targets.sorted(by: { $0.key < $1.key }) where target.kind != .test {
            let folder = Self.root.appendingPathComponent(target.path ?? "Sources/\(name)")
            let files = try XCTUnwrap(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            let allowed = Set(target.dependencies + target.products).union(PackageManifest.systemModules)
            for case let file as URL in files where file.pathExtension == "swift" {
                for module in PackageManifest.imports(in: try String(contentsOf: file, encoding: .utf8)) where !allowed.contains(module) {
                    undeclared.append("\(name)/\(file.lastPathComponent) imports \(module)")
                }
            }
        }
        XCTAssertEqual(undeclared, [])
    }

    func testImportLinesAreRead() {
        let source = """
            import Foundation
            @testable import X12Ledger
            public import X12
            #if canImport(Glibc)
            import Glibc
            #endif
            // import Commented
            let text = "import Quoted"
            """
        XCTAssertEqual(PackageManifest.imports(in: source), ["Foundation", "X12Ledger", "X12", "Glibc"])
    }
}
