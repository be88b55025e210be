/// One line of `Fixtures/corpus/MANIFEST.tsv`: a public sample file and where it came from.
public struct CorpusEntry: Sendable, Equatable {
    /// What the manifest says about the file's validity.
    public enum Validity: String, Sendable {
        case valid
        case invalid
        case unknown
    }

    /// The file's path inside `Fixtures/corpus`, e.g. `835/lfh-managed-care.x12`.
    public var file: String
    /// The transaction kind folder (`837p`, `835`, `999`, `ta1`, ...).
    public var kind: String
    /// The upstream repository (`owner/name`) the file was copied from.
    public var repository: String
    /// The file's path in the upstream repository.
    public var upstreamPath: String
    /// The upstream commit the file was taken at.
    public var commit: String
    /// The upstream licence (its text is in `Fixtures/corpus/LICENSES`).
    public var license: String
    /// Whether the file is a valid interchange, as far as the manifest knows.
    public var validity: Validity
    /// Free text: the guide version, line breaks and delimiters observed.
    public var note: String

    /// Reads one tab-separated manifest line; `nil` when it has fewer than eight fields or an unknown validity.
    init?(line: Substring) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 8, let validity = Validity(rawValue: fields[6]) else { return nil }
        file = fields[0]
        kind = fields[1]
        repository = fields[2]
        upstreamPath = fields[3]
        commit = fields[4]
        license = fields[5]
        self.validity = validity
        note = fields[7]
    }
}
