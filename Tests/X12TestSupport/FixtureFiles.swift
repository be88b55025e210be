import Foundation

/// Files under the repository's `Fixtures/` folder, for every test target.
///
/// The folder is found from this source file's own path (`#filePath`, two folders below the package root), so
/// tests read only what the checkout holds: nothing beside it, no machine path, no environment variable.
public enum FixtureFiles {
    /// The package root: the folder holding `Package.swift`.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Tests/X12TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `<package>/Fixtures`.
    public static let root = packageRoot.appendingPathComponent("Fixtures")

    /// `Fixtures/<relative>` as a URL, e.g. `url("remit/single-claim.835")`.
    public static func url(_ relative: String) -> URL {
        root.appendingPathComponent(relative)
    }

    /// `Fixtures/<relative>` as a file system path.
    public static func path(_ relative: String) -> String {
        url(relative).path
    }

    /// The contents of `Fixtures/<relative>`.
    ///
    /// - Throws: the file system's error when the file cannot be read.
    public static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: url(relative))
    }

    /// The bytes of `Fixtures/<relative>`.
    ///
    /// - Throws: the file system's error when the file cannot be read.
    public static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try data(relative))
    }

    /// The contents of `Fixtures/<relative>` decoded as UTF-8 (invalid bytes become U+FFFD).
    ///
    /// - Throws: the file system's error when the file cannot be read.
    public static func text(_ relative: String) throws -> String {
        String(decoding: try bytes(relative), as: UTF8.self)
    }
}
