import Foundation

/// The public sample corpus copied into `Fixtures/corpus`, listed by its `MANIFEST.tsv`.
public enum Corpus {
    /// `Fixtures/corpus`.
    public static let root = FixtureFiles.url("corpus")

    /// Every file the manifest lists, in manifest order.
    ///
    /// - Throws: the file system's error when the manifest cannot be read, or ``ManifestError`` naming the first
    ///   line that is not a manifest entry.
    public static func entries() throws -> [CorpusEntry] {
        let text = try String(contentsOf: root.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        var entries: [CorpusEntry] = []
        for (index, line) in text.split(separator: "\n").enumerated().dropFirst() {
            guard let entry = CorpusEntry(line: line) else { throw ManifestError(line: index + 1, text: String(line)) }
            entries.append(entry)
        }
        return entries
    }

    /// The manifest entries whose files lie in the folder `kind` (`835`, `999`, ...).
    ///
    /// - Throws: as ``entries()``.
    public static func entries(kind: String) throws -> [CorpusEntry] {
        try entries().filter { $0.kind == kind }
    }

    /// `Fixtures/corpus/<file>` as a file system path.
    public static func path(_ file: String) -> String {
        root.appendingPathComponent(file).path
    }

    /// The bytes of `Fixtures/corpus/<file>`.
    ///
    /// - Throws: the file system's error when the file cannot be read.
    public static func bytes(_ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(file)))
    }

    /// `Fixtures/corpus/<file>` decoded as UTF-8.
    ///
    /// - Throws: the file system's error when the file cannot be read.
    public static func text(_ file: String) throws -> String {
        String(decoding: try bytes(file), as: UTF8.self)
    }
}
